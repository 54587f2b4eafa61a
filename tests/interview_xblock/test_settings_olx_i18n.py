"""Studio settings (every error listed, previous values kept), OLX round trip of every setting, the report, i18n,
the page (escaped state, no learner text in init arguments, payload)."""
import gettext
import json
from collections import namedtuple
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from lxml import etree

from interview_xblock import strings
from interview_xblock.block import InterviewGuideXBlock
from interview_xblock.i18n import CATALOGUE, gettext_for
from recruitment_core.questions import load_default_bank
from xblock_layer.testing import render_html

from .conftest import call, good_guide

CASE = ("title: Kundtjänst\nquestion: customer_focus_4\nanswer: |\n  Vi löste det.\nratings:\n"
        "  - competency: customer_focus\n    score: 2\n    reasons: Inget eget exempel.\n")
EXTRA = {"questions": [{
    "id": "own_sales_1", "competency": "customer_focus", "type": "behavioural",
    "question": {"sv": "Berätta om en affär du förlorade.", "en": "Tell me about a deal you lost."},
    "follow_ups": {k: {"sv": ["Vad hände?"], "en": ["What happened?"]} for k in ("situation", "behaviour", "result")},
    "anchors": {1: {"sv": "a", "en": "a"}, 3: {"sv": "b", "en": "b"}, 5: {"sv": "c", "en": "c"}},
    "weak_signs": {"sv": ["Inget resultat."], "en": ["No result."]}}]}
UserState = namedtuple("UserState", "username state")
AUTHORED = {
    "display_name": "Intervju för säljare & <chefer>",
    "guide_type": "practice",
    "planned_minutes": 45,
    "instructions": "Rad ett.\nRad två med \"citat\" & <b>tagg</b>.",
    "question_bank_override": yaml.safe_dump(EXTRA, allow_unicode=True),
    "practice_case": CASE,
}


def studio(runtime, block, values):
    return call(runtime, block, "submit_studio_edits", {"values": values, "defaults": []})


def test_olx_round_trip_keeps_every_setting(make_block):
    block = make_block()
    for name, value in AUTHORED.items():
        setattr(block, name, value)
    node = etree.Element("interview_guide")
    block.add_xml_to_node(node)
    xml = etree.tostring(node, encoding="unicode")
    again = make_block(xml)
    for name in InterviewGuideXBlock.editable_fields:
        assert getattr(again, name) == getattr(block, name), name
    assert again.bank().get("own_sales_1") is not None and again.case()["ratings"][0]["score"] == 2
    node2 = etree.Element("interview_guide")
    again.add_xml_to_node(node2)
    assert etree.tostring(node2, encoding="unicode") == xml


def test_olx_export_has_no_learner_state(runtime, make_block):
    block = make_block()
    call(runtime, block, "save_guide", {"guide": good_guide(opening={"who": "Hemlig Person"}), "revision": 0})
    node = etree.Element("interview_guide")
    block.add_xml_to_node(node)
    assert "Hemlig" not in etree.tostring(node, encoding="unicode")


def test_studio_view_lists_every_setting(block):
    html = block.studio_view({}).content
    for name in InterviewGuideXBlock.editable_fields:
        assert f'data-field-name="{name}"' in html, name
    assert "Typ av guide" in html and "Telefonavstämning" in html


def test_studio_saves_valid_settings(runtime, block):
    status, body, _ = studio(runtime, block, AUTHORED)
    assert status == 200, body
    assert block.guide_type == "practice" and block.planned_minutes == 45


def test_studio_refuses_invalid_settings_with_every_error_and_keeps_the_old_ones(runtime, block):
    assert studio(runtime, block, AUTHORED)[0] == 200
    bad_bank = yaml.safe_dump({"mode": "merge", "questions": [{"id": "x1", "competency": "magic"}]})
    status, body, _ = studio(runtime, block, {"guide_type": "chat", "planned_minutes": 500,
                                               "question_bank_override": bad_bank,
                                               "practice_case": "title: x\nratings: []\n"})
    assert status == 400
    text = json.dumps(body, ensure_ascii=False)
    for part in ("Okänd typ av guide: chat", "10–180 minuter", "Den egna frågebanken är ogiltig",
                 "question_bank_override: mode: 'merge' is not a mode", "Övningsfallet är ogiltigt",
                 "practice_case: answer: missing"):
        assert part in text, part
    assert block.guide_type == "practice" and block.planned_minutes == 45
    assert block.question_bank_override == AUTHORED["question_bank_override"]


def test_practice_needs_a_case(runtime, block):
    status, body, _ = studio(runtime, block, {"guide_type": "practice", "practice_case": ""})
    assert status == 400 and "kräver ett övningsfall" in json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize("raw", [b"[]", b"{", b"[" * 3000 + b"]" * 3000, b'{"values": {"planned_minutes": "x"}}',
                                 b'{"values": {"guide_type": 5}}', b'{"values": {"planned_minutes": true}}'])
def test_studio_save_refuses_hostile_bodies(runtime, block, raw):
    status, body, _ = call(runtime, block, "submit_studio_edits", raw=raw)
    assert 400 <= status < 500
    assert block.guide_type == "interview" and block.planned_minutes == 60


def test_report_rows_hold_counts_and_ids_only(block):
    states = [{"guide": good_guide(opening={"who": "HEMLIG"}), "completed": True}, {"guide": {}},
              {"guide": {"items": "broken"}}]
    rows = list(block.generate_report_data(iter([UserState(f"u{i}", s) for i, s in enumerate(states)])))
    dumped = json.dumps(rows, ensure_ascii=False)
    assert "HEMLIG" not in dumped and "svårt besked" not in dumped
    assert len(rows) == 1
    row = rows[0][1]
    assert row["competencies"] == "collaboration, communication" and row["questions"] == 2
    assert row["own_questions"] == 1 and row["completed"] is True


# ------------------------------------------------------------------ i18n

PO = Path(CATALOGUE.locale_dir) / "sv" / "LC_MESSAGES" / "text.po"


def all_msgids():
    ids = []
    for table in (strings.STUDIO, strings.PAGE, strings.JS, strings.ERRORS):
        ids.extend(table.values())
    for name in InterviewGuideXBlock.editable_fields:
        field = InterviewGuideXBlock.fields[name]
        ids.extend([field.display_name, field.help])
    return sorted(set(ids))


@pytest.mark.parametrize("msgid", all_msgids())
def test_every_string_has_swedish(msgid):
    swedish = gettext_for("sv")(msgid)
    assert swedish and (swedish != msgid or msgid in ("%(title)s: %(role)s",)), msgid
    assert gettext_for("en")(msgid) == msgid
    for placeholder in ("%(time)s", "%(error)s", "%(n)s", "%(max)s", "%(status)s", "%(revision)s", "%(problem)s",
                        "%(kb)s", "%(method)s", "%(name)s", "%(minutes)s", "%(planned)s", "%(title)s", "%(role)s"):
        assert (placeholder in msgid) == (placeholder in swedish), (msgid, placeholder)


def test_po_is_complete_and_compiled():
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    entries = {msg.id: msg.string for msg in catalog if msg.id}
    assert all(entries.values())
    compiled = gettext.GNUTranslations(open(PO.with_suffix(".mo"), "rb"))
    for msgid, msgstr in entries.items():
        assert compiled.gettext(msgid) == msgstr, msgid
    assert set(all_msgids()) <= set(entries)


def test_swedish_vocabulary_in_the_ui():
    sv = gettext_for("sv")
    assert sv("Must-have requirements") == "Skallkrav"
    assert sv("Phone screen") == "Telefonavstämning" and sv("Reference check") == "Referenstagning"
    joined = " ".join(sv(m) for m in all_msgids())
    for avoid in ("ska-krav", "telefonintervju", "samtycke"):
        assert avoid not in joined


# ------------------------------------------------------------------ the page

def test_page_embeds_escaped_state_and_no_learner_text_in_init_args(runtime, block):
    guide = good_guide()
    guide["items"][1]["text"] = "</script><script>alert(1)</script>"
    call(runtime, block, "save_guide", {"guide": guide, "revision": 0})
    html = render_html(runtime, block)
    assert "<script>alert(1)" not in html and "u003c/script" in html.lower()
    assert "json/xblock-args" not in html or "alert" not in html.split("json/xblock-args")[1][:500]
    assert 'class="ig-data"' in html and "data-init='InterviewGuideBlock'" in html


@pytest.mark.parametrize("lang, word", [("sv", "Frågebank"), ("en", "Question bank")])
def test_page_in_both_languages(runtime, block, lang, word):
    from xblock_layer.testing import in_language
    with in_language(lang):
        html = render_html(runtime, block)
    assert word in html and f'lang="{lang}"' in html


def test_payload_under_40_kib_and_the_bank_is_not_in_the_page(runtime, block):
    frag = runtime.render(block, "student_view")
    size = len(frag.content.encode("utf-8")) + sum(len(r.data.encode("utf-8")) for r in frag.resources)
    assert size <= 40 * 1024, size
    first_question = load_default_bank().questions[5].question["sv"]
    assert first_question not in frag.content
