"""Studio settings (validation, the editor's save handler), OLX round trip, the Instructor Dashboard report."""
import json
from collections import namedtuple

import pytest
from django.utils import translation
from lxml import etree

from recruitment_core.framework import load_default_framework

from .conftest import call
from .samples import HOSTILE, filled_profile, with_competencies

AUTHORED = {
    "display_name": "Kravprofil för säljare & <chefer>",
    "instructions": "Rad ett.\nRad två med \"citat\" & <b>tagg</b>.",
    "max_competencies": 4,
    "required_sections": ["basics", "competencies"],
}


def studio_submit(runtime, block, values, defaults=()):
    return call(runtime, block, "submit_studio_edits", {"values": values, "defaults": list(defaults)})


def small_override():
    """A valid framework text that differs from the default (another title)."""
    data = load_default_framework().to_dict()
    data["title"] = {"sv": "Eget ramverk", "en": "Own framework"}
    return json.dumps(data, ensure_ascii=False)


def test_olx_round_trip_keeps_every_content_and_settings_field(runtime, make_block):
    block = make_block()
    for name, value in AUTHORED.items():
        setattr(block, name, value)
    block.framework_override = small_override()
    node = etree.Element("kravprofil")
    block.add_xml_to_node(node)
    xml = etree.tostring(node, encoding="unicode")
    again = make_block(xml)
    for name in list(AUTHORED) + ["framework_override"]:
        assert getattr(again, name) == getattr(block, name), name
    # ...and once more, from the re-imported block.
    node2 = etree.Element("kravprofil")
    again.add_xml_to_node(node2)
    assert etree.tostring(node2, encoding="unicode") == xml


def test_olx_export_has_no_learner_state(runtime, make_block):
    block = make_block()
    block.profile = filled_profile(role="Hemlig")
    block.revision = 3
    node = etree.Element("kravprofil")
    block.add_xml_to_node(node)
    assert "Hemlig" not in etree.tostring(node, encoding="unicode")


def test_studio_view_renders_every_setting_in_swedish(runtime, block):
    html = block.studio_view({}).content
    for name in ("display_name", "instructions", "framework_override", "max_competencies", "required_sections"):
        assert f'data-field-name="{name}"' in html, name
    assert "Kompetensramverk (ersätter det inbyggda)" in html
    assert "Obligatoriska avsnitt" in html


def test_studio_save_valid_settings(runtime, block):
    status, body, _ = studio_submit(runtime, block, dict(AUTHORED, framework_override=small_override()))
    assert status == 200, body
    assert block.max_competencies == 4 and block.required_sections == ["basics", "competencies"]
    assert block.current_framework().title["sv"] == "Eget ramverk"


def test_studio_refuses_an_invalid_framework_with_every_error_and_keeps_the_old_one(runtime, block):
    assert studio_submit(runtime, block, {"framework_override": small_override()})[0] == 200
    previous = block.framework_override
    data = load_default_framework().to_dict()
    data["competencies"][0]["levels"] = {1: {"sv": "x", "en": "x"}}  # four levels missing
    data["competencies"][1]["methods"] = ["astrology"]
    data["clusters"][0]["name"] = {"sv": "Bara svenska"}
    status, body, _ = studio_submit(runtime, block, {"framework_override": json.dumps(data),
                                                     "max_competencies": 5})
    assert status == 400
    messages = [m["text"] for m in body["error"]["messages"]]
    assert messages[0] == "Det inklistrade kompetensramverket är ogiltigt:"
    joined = "\n".join(messages)
    assert "levels" in joined and "methods" in joined and "clusters[0].name" in joined
    assert len(messages) >= 4
    assert block.framework_override == previous and block.max_competencies == 6


def test_studio_refuses_yaml_that_is_not_a_framework(runtime, block):
    status, body, _ = studio_submit(runtime, block, {"framework_override": "- bara\n- en lista\n"})
    assert status == 400 and len(body["error"]["messages"]) >= 2
    assert block.framework_override == ""


@pytest.mark.parametrize("values", [
    {"max_competencies": 0},
    {"max_competencies": 21},
    {"required_sections": []},
    {"required_sections": ["basics", "horoscope"]},
])
def test_studio_refuses_out_of_range_settings(runtime, block, values):
    status, body, _ = studio_submit(runtime, block, values)
    assert status == 400 and body["error"]["messages"]
    assert block.max_competencies == 6 and block.required_sections == [
        "basics", "purpose", "requirements", "competencies", "process"]


def test_validation_messages_in_english(runtime, block):
    with translation.override("en"):
        status, body, _ = studio_submit(runtime, block, {"max_competencies": 99})
    assert status == 400 and "between 1 and 20" in body["error"]["messages"][0]["text"]


def test_blank_override_means_the_default_framework(runtime, block):
    assert studio_submit(runtime, block, {"framework_override": "   \n"})[0] == 200
    assert block.current_framework() is load_default_framework()


UserState = namedtuple("UserState", "username state")


def test_report_has_counts_and_ids_but_no_free_text(block):
    fw = load_default_framework()
    profile = with_competencies(filled_profile(role="Säljare"), fw, 3)
    profile["purpose"]["purpose"] = "HEMLIG-FRITEXT " + HOSTILE
    profile["requirements"][0]["why"] = "HEMLIG-MOTIVERING"
    states = [
        UserState("anna", {"profile": profile, "revision": 4, "completed": True}),
        UserState("bo", {"revision": 0}),  # opened, never saved
        UserState("cai", {"profile": {"basics": "trasig"}, "revision": 1}),
    ]
    rows = list(block.generate_report_data(iter(states)))
    assert [name for name, _ in rows] == ["anna", "cai"] or [name for name, _ in rows] == ["anna"]
    name, row = rows[0]
    assert name == "anna"
    assert row["role"] == "Säljare" and row["requirements"] == 2 and row["must_haves"] == 1
    assert row["competencies"] == ", ".join(c.id for c in fw.competencies[:3])
    assert row["competency_count"] == 3 and row["completed"] is True and row["revision"] == 4
    dumped = json.dumps(rows, ensure_ascii=False)
    assert "HEMLIG" not in dumped and "Leverantörsfakturor" not in dumped and "Örebro" not in dumped
    assert len(list(block.generate_report_data(iter(states[:1] * 5), limit_responses=2))) == 2


@pytest.mark.parametrize("raw", [
    b"[]", b"{", b'"x"', b"[" * 3000 + b"]" * 3000, b'{"values": []}', b'{"values": {}, "defaults": {}}',
    b'{"values": {"max_competencies": "many"}}', b'{"values": {"max_competencies": [1]}}',
    b'{"values": {"required_sections": "basics"}}', b'{"values": {"display_name": {"a": 1}}}',
    b'{"values": {"max_competencies": NaN}}', b'{"values": {"display_name": true}}', b'{"values": {"instructions": "' + b"x" * 700_000 + b'"}}',
])
def test_studio_save_refuses_hostile_bodies(runtime, block, raw):
    status, body, _ = call(runtime, block, "submit_studio_edits", raw=raw)
    assert 400 <= status < 500 and body["error"]
    assert block.max_competencies == 6 and block.display_name == "Kravprofil" and block.instructions == ""


@pytest.mark.parametrize("value", [b"true", b"false"])
def test_studio_save_refuses_a_json_boolean_as_the_maximum(runtime, block, value):
    # JSON true used to be stored as 1: a checkbox value is not a number of competencies.
    status, body, _ = call(runtime, block, "submit_studio_edits", raw=b'{"values": {"max_competencies": ' + value + b"}}")
    assert status == 400
    assert [m["text"] for m in body["error"]["messages"]] == ["Högsta antal kompetenser måste vara mellan 1 och 20."]
    assert block.max_competencies == 6


def test_studio_save_refuses_get(runtime, block):
    assert call(runtime, block, "submit_studio_edits", method="GET")[0] == 405


def test_olx_round_trip_of_a_multiline_yaml_override(make_block):
    block = make_block()
    block.framework_override = load_default_framework().to_yaml()
    assert block.framework_override.count("\n") > 100
    node = etree.Element("kravprofil")
    block.add_xml_to_node(node)
    again = make_block(etree.tostring(node, encoding="unicode"))
    assert again.framework_override == block.framework_override
    assert again.current_framework().to_dict() == load_default_framework().to_dict()
