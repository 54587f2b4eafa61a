"""Studio settings, the OLX round trip of every setting, the report per privacy setting, and sv/en."""
import datetime
import gettext
import json
from collections import namedtuple
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from lxml import etree

from reflection_xblock import strings
from reflection_xblock.block import ReflectionJournalXBlock
from reflection_xblock.i18n import gettext_for
from xblock_layer.testing import render_html

from .conftest import call

AUTHORED = {
    "display_name": "Reflektion & <lärande>",
    "prompts": [{"text": "Vad tar du med dig? \"Citat\" & <b>", "guidance": "Rad ett\nrad två"},
                {"id": "egen", "text": "Andra frågan"}],
    "min_length": 120,
    "followup_prompt": "Vad har du använt?\nBerätta.",
    "followup_days": 45,
    "view": "course_journal",
    "share_with_staff": True,
    "module_name": "Modul 2: Intervjun",
}
PO = Path(__file__).resolve().parents[2] / "reflection_xblock" / "conf" / "locale" / "sv" / "LC_MESSAGES" / "text.po"
UserState = namedtuple("UserState", "username state")


def test_olx_round_trip_keeps_every_setting(runtime, make_block):
    block = make_block()
    for name, value in AUTHORED.items():
        setattr(block, name, value)
    node = etree.Element("reflection_journal")
    block.add_xml_to_node(node)
    xml = etree.tostring(node, encoding="unicode")
    again = make_block(xml)
    for name in AUTHORED:
        assert getattr(again, name) == AUTHORED[name], name
    node2 = etree.Element("reflection_journal")
    again.add_xml_to_node(node2)
    assert etree.tostring(node2, encoding="unicode") == xml
    assert set(AUTHORED) == set(ReflectionJournalXBlock.editable_fields)


def test_olx_export_has_no_learner_state(runtime, block):
    call(runtime, block, "commit_entry", {"key": "p1", "text": "Hemlig text", "revision": 0})
    block.followup_date = "2030-01-01"
    node = etree.Element("reflection_journal")
    block.add_xml_to_node(node)
    xml = etree.tostring(node, encoding="unicode")
    assert "Hemlig" not in xml and "2030" not in xml and "revision" not in xml


def studio(runtime, block, values):
    return call(runtime, block, "submit_studio_edits", {"values": values, "defaults": []})


def test_studio_saves_valid_settings(runtime, block):
    status, body, _ = studio(runtime, block, AUTHORED)
    assert status == 200, body
    assert block.prompts == AUTHORED["prompts"] and block.view == "course_journal"


@pytest.mark.parametrize("values,fragment", [
    ({"prompts": "Vad?"}, None),
    ({"prompts": [{"text": ""}]}, "Frågor"),
    ({"prompts": [{"text": "a", "extra": 1}]}, "Frågor"),
    ({"prompts": [{"text": f"q{i}"} for i in range(11)]}, "Frågor"),
    ({"prompts": [{"text": "a", "id": "followup"}]}, "Frågor"),
    ({"min_length": -1}, "Minsta längd"),
    ({"min_length": 20_001}, "Minsta längd"),
    ({"min_length": "ten"}, None),
    ({"followup_days": 731}, "Uppföljning efter"),
    ({"view": "print"}, "Vy"),
    ({"followup_days": "many"}, None),
    ({"followup_prompt": "x" * 2001}, "Uppföljningsfråga"),
    ({"module_name": "m" * 201}, "Modul (för Min loggbok)"),
])
def test_studio_refuses_bad_settings_and_keeps_the_old_ones(runtime, block, values, fragment):
    before = {name: getattr(block, name) for name in ReflectionJournalXBlock.editable_fields}
    status, body, _ = studio(runtime, block, values)
    assert status == 400
    if fragment:
        assert fragment in json.dumps(body, ensure_ascii=False)
    assert {name: getattr(block, name) for name in before} == before


def test_studio_view_lists_every_setting_in_swedish(runtime, block):
    html = block.studio_view({}).content
    for name in ReflectionJournalXBlock.editable_fields:
        assert f'data-field-name="{name}"' in html, name
    assert "Dela med kursansvariga" in html and "Uppföljningsfråga" in html


def test_bad_stored_prompts_render_without_a_500(runtime, make_block):
    block = make_block(xml="<reflection_journal prompts='[{\"question\": 1}]'/>")
    assert "Övningen har inga frågor än." in render_html(runtime, block)


# ---------------------------------------------------------------- report

def _states(runtime, make_block, share):
    xml = f'<reflection_journal share_with_staff="{"true" if share else "false"}"/>'
    block = make_block(xml=xml)
    call(runtime, block, "commit_entry", {"key": "p1", "text": "=cmd|' /C calc'!A0 och min reflektion",
                                          "revision": 0, "told": share})
    other = make_block(xml=xml, user="student_2")
    states = [UserState("anna", {"journal": block.journal, "revision": block.revision, "completed": True}),
              UserState("bertil", {}),
              UserState("cecilia", {"journal": {"entries": "trasig"}}),
              UserState("david", {"journal": other.journal})]
    return block, states


def test_report_is_counts_and_dates_only_by_default(runtime, make_block):
    block, states = _states(runtime, make_block, share=False)
    rows = list(block.generate_report_data(iter(states)))
    assert [name for name, _ in rows] == ["anna"]
    row = rows[0][1]
    assert row["answered"] == 1 and row["versions"] == 1 and row["shared"] is False
    assert row["first_entry"] == datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert "reflektion" not in json.dumps(row)


def test_report_has_the_text_when_shared_and_told(runtime, make_block):
    block, states = _states(runtime, make_block, share=True)
    rows = dict(block.generate_report_data(iter(states)))
    assert rows["anna"]["text_p1"] == "'=cmd|' /C calc'!A0 och min reflektion"
    # Written while sharing was on; if staff turns it off, the text leaves the report.
    block.share_with_staff = False
    assert "text_p1" not in dict(block.generate_report_data(iter(states)))["anna"]


def test_text_written_before_sharing_was_turned_on_stays_private(runtime, make_block):
    block, states = _states(runtime, make_block, share=False)
    block.share_with_staff = True
    row = dict(block.generate_report_data(iter(states)))["anna"]
    assert row["text_p1"] == ""


# ---------------------------------------------------------------- i18n

def all_msgids():
    ids = list(strings.PAGE.values()) + list(strings.JS.values()) + list(strings.ERRORS.values())
    for field in ReflectionJournalXBlock.fields.values():
        for attr in ("display_name", "help"):
            value = getattr(field, attr, None)
            if value and field.scope.__class__.__name__ and field.name in ReflectionJournalXBlock.editable_fields:
                ids.append(value)
    return ids


def test_po_is_complete_and_compiled():
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    entries = {msg.id: msg.string for msg in catalog if msg.id}
    assert entries and all(entries.values())
    assert not [msg.id for msg in catalog if msg.id and msg.fuzzy]
    with open(PO.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, msgstr in entries.items():
        assert compiled.gettext(msgid) == msgstr, msgid
    assert set(all_msgids()) <= set(entries)


def test_placeholders_survive_translation():
    sv = gettext_for("sv")
    import re
    for msgid in all_msgids():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", sv(msgid))), msgid


def test_page_in_english_and_swedish(runtime, block):
    sv = render_html(runtime, block)
    assert "Spara i loggboken" in sv and 'lang="sv"' in sv and "Påminn mig att titta tillbaka" in sv
    with translation.override("en"):
        en = render_html(runtime, block)
    assert "Save in my journal" in en and 'lang="en"' in en and "Remind me to look back" in en
    assert "Spara i loggboken" not in en
