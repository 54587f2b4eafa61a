"""The question bank: shipped data (counts, coverage, quality rules), schema errors, overrides, must-not-ask."""
import json
import re

import pytest
import yaml

from recruitment_core.framework import load_default_framework
from recruitment_core.questions import (
    MUST_NOT_ASK_TOPICS,
    QuestionBank,
    QuestionBankError,
    load_default_bank,
    must_not_ask_hits,
    parse_bank_override,
    parse_question_bank,
)
from recruitment_core.wording import check_text


@pytest.fixture(scope="module")
def bank():
    return load_default_bank()


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


@pytest.fixture()
def doc(bank):
    return bank.to_dict()


def errors_of(data, framework=None, source="questions.yaml"):
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(QuestionBankError) as info:
        parse_question_bank(text, source, framework)
    assert info.value.errors
    return info.value.errors


def _all_texts(q, lang):
    yield q.question[lang]
    for kind in q.follow_ups.values():
        yield from kind[lang]
    for anchor in q.anchors.values():
        yield anchor[lang]
    yield from q.weak_signs[lang]


# ------------------------------------------------------------------ the shipped bank

def test_shipped_counts(bank, fw):
    assert isinstance(bank, QuestionBank)
    assert len(bank.questions) == 60
    counts = bank.counts()
    assert set(counts["per_competency"]) == {c.id for c in fw.competencies}
    assert min(counts["per_competency"].values()) >= 4
    assert counts["per_type"]["behavioural"] > 2 * counts["per_type"]["situational"] > 0
    assert len(bank.phone_screen) >= 10
    assert len(bank.reference_check) >= 12
    assert {m.id for m in bank.must_not_ask} == set(MUST_NOT_ASK_TOPICS)
    assert bank.framework == fw.id


def test_question_types_phrase_the_question_as_the_type_says(bank):
    for q in bank.questions:
        if q.type == "behavioural":
            assert q.question["sv"].startswith("Berätta"), q.id
            assert q.question["en"].startswith("Tell me"), q.id
        else:
            assert q.question["sv"].startswith("Tänk dig"), q.id
            assert q.question["en"].startswith("Imagine"), q.id


def test_follow_ups_and_anchors_are_complete(bank):
    for q in bank.questions:
        assert set(q.follow_ups) == {"situation", "behaviour", "result"}
        assert sorted(q.anchors) == [1, 3, 5]
        for lang in ("sv", "en"):
            assert len({q.anchors[n][lang] for n in (1, 3, 5)}) == 3, q.id
            assert q.weak_signs[lang]


def test_anchor_5_reaches_beyond_the_team_as_the_framework_level_5_does(bank, fw):
    """Level 5 of every competency is about the organisation/others; the anchors follow the framework."""
    beyond = re.compile(r"organisation|andra|fler|hela|kultur|förebild|others|several|more|whole|culture|role model|future|framöver|kommande|team")
    for q in bank.questions:
        assert beyond.search(q.anchors[5]["sv"] + " " + q.anchors[5]["en"]), q.id
        level5 = fw.get(q.competency).levels[5]["sv"]
        assert level5  # the framework's level text exists for the anchor's level


def test_bank_texts_pass_the_tools_own_checks(bank):
    for q in bank.questions:
        for lang in ("sv", "en"):
            for text in _all_texts(q, lang):
                flags = [f for f in check_text(text, lang) if f["kind"] in ("discrimination", "indirect", "vague")]
                assert not flags, (q.id, text, flags)
                assert not must_not_ask_hits(text, bank, lang), (q.id, text)
    for item in [*bank.phone_screen, *bank.reference_check]:
        for lang in ("sv", "en"):
            assert not must_not_ask_hits(item.question[lang], bank, lang), item.id
            assert not [f for f in check_text(item.question[lang], lang) if f["severity"] == "high"], item.id


def test_swedish_vocabulary_and_typography(bank):
    raw = yaml.safe_dump(bank.to_dict(), allow_unicode=True)
    for avoid in ("ska-krav", "måste-krav", "telefonintervju", "samtycke", "CEFR i", "personlig egenskap"):
        assert avoid not in raw
    sv_texts = [q.question["sv"] for q in bank.questions] + [i.question["sv"] for i in bank.phone_screen]
    assert not any('"' in t for t in sv_texts)
    ref = " ".join(i.question["sv"] + " " + i.note["sv"] for i in bank.reference_check)
    assert "kännedom och godkännande" in ref or ("känner till" in ref and "godkänt" in ref)
    assert any(i.part == "before_call" for i in []) is False  # (ScreenItem has group, not part)
    assert any(i.group == "before_call" for i in bank.reference_check)


def test_phone_screen_covers_what_the_issue_lists(bank):
    topics = {i.group for i in bank.phone_screen}
    assert {"motivation", "must_have", "right_to_work", "notice_period", "location", "pay", "process",
            "timeline"} <= topics
    pay = next(i for i in bank.phone_screen if i.group == "pay")
    assert "2023/970" in pay.note["sv"] and "lönespann" in pay.question["sv"].lower()
    assert not any("nuvarande lön" in i.question["sv"].lower() for i in bank.phone_screen)


def test_reference_check_covers_what_the_issue_lists(bank):
    parts = [i.group for i in bank.reference_check]
    assert {"before_call", "relation", "competency", "overall"} <= set(parts)
    assert any(i.per_competency for i in bank.reference_check)
    assert any("igen" in i.question["sv"] for i in bank.reference_check)  # work with them again


def test_must_not_ask_examples_are_caught_and_say_why_and_what_instead(bank):
    for item in bank.must_not_ask:
        assert item.why["sv"] and item.instead["sv"] and item.why["en"] and item.instead["en"]
        for lang in ("sv", "en"):
            for example in item.examples[lang]:
                topics = [h["topic"] for h in must_not_ask_hits(example, bank, lang)]
                assert item.id in topics, (item.id, example, topics)
    union = next(i for i in bank.must_not_ask if i.id == "union_membership")
    assert "MBL" in union.why["sv"]


def test_must_not_ask_matching_is_whole_word_and_case_insensitive(bank):
    assert must_not_ask_hits("HUR GAMMAL ÄR DU?", bank, "sv")[0]["topic"] == "age"
    assert must_not_ask_hits("Vad tror du om det?", bank, "sv") == []     # "tro" is not "tror"
    assert must_not_ask_hits("Berätta om ett barnprojekt", bank, "sv") == []  # "barn" is a whole word
    hit = must_not_ask_hits("Är du  gravid?", bank, "en")[0]
    assert hit["topic"] == "pregnancy" and hit["match"] == "gravid"
    assert hit["message"].startswith("Treating")  # lang chooses the message language
    assert must_not_ask_hits("", bank, "sv") == []


def test_localized_view_is_json_ready_and_cached(bank):
    view = bank.localized("en-us")
    assert view["lang"] == "en" and len(view["questions"]) == 60
    assert view["questions"][0]["follow_ups"]["situation"]
    assert json.loads(bank.localized_json("sv"))["questions"][0]["text"].startswith("Berätta")
    view["questions"].clear()
    assert len(bank.localized("en")["questions"]) == 60
    assert re.fullmatch(r"[0-9a-f]{16}", bank.fingerprint())


def test_round_trip(bank, fw):
    again = parse_question_bank(bank.to_yaml(), "again", fw)
    assert again == bank
    assert parse_question_bank(json.dumps(bank.to_dict(), ensure_ascii=False), "json", fw) == bank


# ------------------------------------------------------------------ schema errors, all of them

def test_every_error_is_listed_with_source_and_path(doc, fw):
    doc["questions"][0]["type"] = "hypothetical"
    doc["questions"][1]["anchors"].pop(3)
    doc["questions"][2]["competency"] = "telepathy"
    doc["questions"][3]["follow_ups"]["result"]["en"] = []
    doc["phone_screen"][0]["topic"] = "salary_history"
    doc["reference_check"][0]["question"]["sv"] = "Om {kandidat}"
    doc["must_not_ask"][0]["patterns"].append("(.*)+")
    errors = errors_of(doc, fw)
    text = "\n".join(errors)
    assert all(e.startswith("questions.yaml: ") for e in errors)
    assert "questions[0].type: unknown type 'hypothetical'" in text
    assert "questions[1].anchors.3: missing" in text
    assert "questions[2].competency: unknown competency 'telepathy'" in text
    assert "questions[3].follow_ups.result.en: 0 items" in text
    assert "phone_screen[0].topic: unknown topic" in text
    assert "reference_check[0].question.sv: braces are only allowed" in text
    assert "must_not_ask[0].patterns[" in text and "is not a pattern" in text


def test_duplicates_and_shared_id_space(doc):
    doc["questions"][1]["id"] = doc["questions"][0]["id"]
    doc["phone_screen"][0]["id"] = doc["questions"][5]["id"]
    text = "\n".join(errors_of(doc))
    assert "questions[1].id: duplicate id" in text
    assert "phone_screen[0].id: id 'communication_1' is already used" in text and "already used in questions" in text


def test_hostile_documents_are_refused_with_a_message():
    for bad in ("a: &x [1]\nb: *x", "!!python/object:os.system x", "[" * 50, "", "\x00", "- 1\n- 2",
                "questions: {}", b"\xff\xfe"):
        with pytest.raises(QuestionBankError) as info:
            parse_question_bank(bad, "studio")
        assert all(e.startswith("studio: ") for e in info.value.errors), info.value.errors
    with pytest.raises(QuestionBankError, match="too large"):
        parse_question_bank("x" * 500_000, "studio")


def test_same_anchor_twice_is_refused(doc):
    doc["questions"][0]["anchors"][5] = dict(doc["questions"][0]["anchors"][1])
    assert any("two anchors have the same" in e for e in errors_of(doc))


# ------------------------------------------------------------------ Studio overrides

NEW_QUESTION = {
    "id": "own_sales_1", "competency": "customer_focus", "type": "behavioural",
    "question": {"sv": "Berätta om en affär du förlorade.", "en": "Tell me about a deal you lost."},
    "follow_ups": {k: {"sv": ["Vad hände?"], "en": ["What happened?"]} for k in ("situation", "behaviour", "result")},
    "anchors": {1: {"sv": "a", "en": "a"}, 3: {"sv": "b", "en": "b"}, 5: {"sv": "c", "en": "c"}},
    "weak_signs": {"sv": ["Inget resultat."], "en": ["No result."]},
}


def test_override_extends_and_replaces_by_id(bank, fw):
    changed = dict(bank.questions[0].to_dict())
    changed["question"] = {"sv": "Berätta om ett samarbete.", "en": "Tell me about a collaboration."}
    text = yaml.safe_dump({"questions": [changed, NEW_QUESTION]}, allow_unicode=True)
    merged = parse_bank_override(text, bank, "studio", fw)
    assert len(merged.questions) == 61
    assert merged.questions[0].question["sv"] == "Berätta om ett samarbete."
    assert merged.get("own_sales_1").competency == "customer_focus"
    assert merged.phone_screen == bank.phone_screen and merged.must_not_ask == bank.must_not_ask


def test_override_replace_mode(bank, fw):
    text = json.dumps({"mode": "replace", "questions": [NEW_QUESTION]})
    merged = parse_bank_override(text, bank, "studio", fw)
    assert [q.id for q in merged.questions] == ["own_sales_1"]
    assert len(merged.reference_check) == len(bank.reference_check)


def test_override_errors_are_all_listed(bank, fw):
    bad = dict(NEW_QUESTION, competency="mind_reading", type="x")
    text = yaml.safe_dump({"mode": "merge", "questions": [bad], "colour": 1})
    with pytest.raises(QuestionBankError) as info:
        parse_bank_override(text, bank, "studio", fw)
    text = "\n".join(info.value.errors)
    assert "studio: mode: 'merge' is not a mode" in text and "studio: colour: unknown field" in text
    with pytest.raises(QuestionBankError) as info:
        parse_bank_override(yaml.safe_dump({"questions": [bad]}), bank, "studio", fw)
    text = "\n".join(info.value.errors)
    assert "unknown competency 'mind_reading'" in text and "unknown type 'x'" in text
    with pytest.raises(QuestionBankError, match="nothing to change"):
        parse_bank_override("title: {sv: a, en: b}", bank, "studio", fw)


def test_every_phone_topic_and_reference_part_has_a_heading_in_both_languages():
    from recruitment_core.questions import PHONE_TOPIC_LABELS, PHONE_TOPICS, REFERENCE_PART_LABELS, REFERENCE_PARTS
    assert set(PHONE_TOPIC_LABELS) == set(PHONE_TOPICS) and set(REFERENCE_PART_LABELS) == set(REFERENCE_PARTS)
    for label in (*PHONE_TOPIC_LABELS.values(), *REFERENCE_PART_LABELS.values()):
        assert set(label) == {"sv", "en"} and all(text.strip() for text in label.values())
