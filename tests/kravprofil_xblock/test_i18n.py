"""Every string the block shows exists in Swedish and English; the compiled catalogue matches the .po file."""
import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kravprofil_xblock import strings
from kravprofil_xblock.block import KravprofilXBlock
from kravprofil_xblock.i18n import DOMAIN, LOCALE_DIR, gettext_for
from kravprofil_xblock.printing import PRINT_STRINGS

PO = Path(LOCALE_DIR) / "sv" / "LC_MESSAGES" / f"{DOMAIN}.po"


def all_msgids():
    ids = []
    for table in (strings.PAGE, strings.JS, strings.ERRORS, strings.SECTION_TITLES, PRINT_STRINGS):
        ids.extend(table.values())
    for fields in strings.FORM.values():
        for _, _, label, help_text in fields:
            ids.extend(text for text in (label, help_text) if text)
    for name in KravprofilXBlock.editable_fields:
        field = KravprofilXBlock.fields[name]
        ids.extend([field.display_name, field.help])
    return ids


@pytest.mark.parametrize("msgid", all_msgids())
def test_every_string_has_swedish(msgid):
    swedish = gettext_for("sv")(msgid)
    assert swedish and swedish != msgid, msgid
    assert gettext_for("en")(msgid) == msgid
    # Placeholders survive translation.
    for placeholder in ("%(time)s", "%(error)s", "%(n)s", "%(count)s", "%(max)s", "%(revision)s", "%(problem)s",
                        "%(kb)s", "%(method)s", "%(name)s", "%(sections)s", "%(text)s"):
        assert (placeholder in msgid) == (placeholder in swedish), (msgid, placeholder)


def test_po_is_complete_and_compiled():
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    entries = {msg.id: msg.string for msg in catalog if msg.id}
    assert entries and all(entries.values())
    assert not [msg.id for msg in catalog if msg.id and msg.fuzzy]
    compiled = gettext.GNUTranslations(open(PO.with_suffix(".mo"), "rb"))
    for msgid, msgstr in entries.items():
        assert compiled.gettext(msgid) == msgstr, msgid
    assert set(all_msgids()) <= set(entries)


def test_swedish_characters_are_right():
    sv = gettext_for("sv")
    assert sv("Drafting the ad…") == "Gör annonsutkast…"
    assert sv("Add a requirement") == "Lägg till ett krav"
    assert sv("Practical conditions") == "Praktiska villkor" and "ä" in sv("Start date") and "å" in sv("Goals for the first 12 months")
