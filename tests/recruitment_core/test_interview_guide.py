"""The guide model (validation, advice, time, completion), scoring/consensus and practice comparison."""
import copy

import pytest

from recruitment_core import guide_text as gt
from recruitment_core.framework import load_default_framework
from recruitment_core.guide import (
    MAX_ITEMS,
    GuideError,
    empty_guide,
    estimate_minutes,
    guide_advice,
    is_complete,
    keep_submitted_ratings,
    report_summary,
    text_advice,
    validate_guide,
)
from recruitment_core.practice import PracticeCaseError, compare_practice, parse_practice_case
from recruitment_core.questions import load_default_bank
from recruitment_core.scoring import consensus, debrief_order, rating_issues

PROFILE = {"version": 1, "role": "Säljare", "competencies": [{"id": "customer_focus", "level": 3, "priority": 1},
                                                               {"id": "influencing", "level": 3, "priority": 2}]}


@pytest.fixture(scope="module")
def bank():
    return load_default_bank()


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


def guide(**changes):
    data = empty_guide("interview", "sv", 60)
    data["competencies"] = ["customer_focus", "influencing"]
    data["items"] = [{"ref": "customer_focus_1", "competency": "customer_focus", "text": ""},
                     {"ref": "influencing_1", "competency": "influencing", "text": ""}]
    data.update(changes)
    return validate_guide(data)


def kinds(advice):
    return [a["kind"] for a in advice]


# ------------------------------------------------------------------ validation

def test_empty_guide_is_valid_and_has_default_opening_and_closing():
    for lang, word in (("sv", "minuter"), ("en", "minutes")):
        data = validate_guide(empty_guide("interview", lang, 45))
        assert "45" in data["opening"]["agenda"] and word in data["opening"]["agenda"]
        assert data["closing"]["hear_back"]
    assert validate_guide({}) ["items"] == []


@pytest.mark.parametrize("bad, field", [
    ({"items": "x"}, "items"),
    ({"items": [{"ref": "../etc"}]}, "items[0].ref"),
    ({"items": [{"text": 5}]}, "items[0].text"),
    ({"items": [{"text": "x", "colour": 1}]}, "items[0].colour"),
    ({"items": [{"text": "x" * 1001}]}, "items[0].text"),
    ({"items": [{"text": "x"}] * (MAX_ITEMS + 1)}, "items"),
    ({"competencies": ["Samarbete!"]}, "competencies[0]"),
    ({"candidate_minutes": 31}, "candidate_minutes"),
    ({"candidate_minutes": True}, "candidate_minutes"),
    ({"interviewers": [{"name": "A", "ratings": {"collaboration": {"score": 0}}}]},
     "interviewers[0].ratings.collaboration.score"),
    ({"interviewers": [{"name": "A", "ratings": {"collaboration": {"score": "5"}}}]},
     "interviewers[0].ratings.collaboration.score"),
    ({"interviewers": [{"name": "A"}, {"name": " a "}]}, "interviewers[1].name"),
    ({"interviewers": [{"name": "A", "seniority": 9}]}, "interviewers[0].seniority"),
    ({"practice": {"submitted": "yes"}}, "practice.submitted"),
    ({"version": 2}, "version"),
    ({"evil": 1}, "evil"),
])
def test_invalid_state_names_the_field(bad, field):
    with pytest.raises(GuideError) as info:
        validate_guide(bad)
    assert info.value.field == field
    assert info.value.localized("sv") != info.value.localized("en")


def test_scores_accept_1_to_5_not_assessed_and_empty():
    data = validate_guide({"interviewers": [{"name": "A", "ratings": {
        "a1": {"score": 1, "evidence": "x"}, "a2": {"score": "na"}, "a3": {"score": None}, "a4": {}}}]})
    scores = {k: v["score"] for k, v in data["interviewers"][0]["ratings"].items()}
    assert scores == {"a1": 1, "a2": "na", "a3": None, "a4": None}


def test_control_characters_are_removed_and_size_is_limited():
    data = validate_guide({"items": [{"text": "a\x00b\r\nc"}]})
    assert data["items"][0]["text"] == "ab\nc"
    many = {"interviewers": [{"name": f"P{i}", "ratings": {f"c{j}": {"score": 3, "evidence": "x" * 4000}
                                                           for j in range(10)}} for i in range(8)]}
    with pytest.raises(GuideError) as info:
        validate_guide(many)
    assert info.value.code == "too_large"


def test_submitted_ratings_are_kept_until_reopened():
    before = validate_guide({"interviewers": [{"name": "Ann", "submitted": True,
                                               "ratings": {"c1": {"score": 4, "evidence": "x"}}}]})
    after = validate_guide({"interviewers": [{"name": "Ann", "submitted": True,
                                              "ratings": {"c1": {"score": 1, "evidence": "changed"}}}]})
    assert keep_submitted_ratings(before, copy.deepcopy(after))["interviewers"][0]["ratings"]["c1"]["score"] == 4
    reopened = validate_guide({"interviewers": [{"name": "Ann", "submitted": False,
                                                 "ratings": {"c1": {"score": 1, "evidence": ""}}}]})
    assert keep_submitted_ratings(before, reopened)["interviewers"][0]["ratings"]["c1"]["score"] == 1


# ------------------------------------------------------------------ advice

def test_a_good_guide_gets_no_advice(bank, fw):
    assert guide_advice(guide(), bank, fw, "interview", 60, PROFILE, "sv") == []


def test_competency_without_question_and_not_in_profile(bank, fw):
    data = guide(competencies=["customer_focus", "influencing", "initiative"],
                 items=[{"ref": "customer_focus_1", "competency": "customer_focus", "text": ""},
                        {"ref": "innovation_1", "competency": "", "text": ""}])
    advice = guide_advice(data, bank, fw, "interview", 60, PROFILE, "en")
    assert kinds(advice).count("competency_without_question") == 2
    assert {a["competency"] for a in advice if a["kind"] == "competency_without_question"} == {
        "influencing", "initiative"}
    not_in = [a for a in advice if a["kind"] == "not_in_profile"]
    assert [a["index"] for a in not_in] == [1] and "Creativity and innovation" in not_in[0]["message"]
    # Without a profile: compared with the chosen competencies instead.
    advice = guide_advice(data, bank, fw, "interview", 60, None, "sv")
    assert "not_chosen" in kinds(advice) and "not_in_profile" not in kinds(advice)


def test_too_long_for_the_planned_minutes(bank, fw):
    data = guide()
    minutes = estimate_minutes(data, bank, "interview")
    assert minutes == 5 + 7 + 7 + 10 + 5
    assert "too_long" not in kinds(guide_advice(data, bank, fw, "interview", minutes, PROFILE, "sv"))
    advice = guide_advice(data, bank, fw, "interview", minutes - 1, PROFILE, "sv")
    assert "too_long" in kinds(advice) and str(minutes) in advice[-1]["message"]


def test_own_questions_are_checked(bank, fw):
    items = [{"ref": "", "competency": "customer_focus", "text": "Har du barn, och hur gammal är du?"},
             {"ref": "", "competency": "influencing", "text": "Vad har du för nuvarande lön?"},
             {"ref": "", "competency": "influencing", "text": "Du är väl bra på att övertyga?"},
             {"ref": "customer_focus_2", "competency": "", "text": "Är du ung och driven?"},
             {"ref": "", "competency": "", "text": "   "}]
    advice = guide_advice(guide(items=items), bank, fw, "interview", 90, PROFILE, "sv")
    by_index = {}
    for a in advice:
        by_index.setdefault(a["index"], []).append(a)
    topics = {a["topic"] for a in by_index[0] if a["kind"] == "must_not_ask"}
    assert topics == {"family_plans", "age"}
    assert "Fråga 1" in by_index[0][0]["message"]
    assert "pay_history" in kinds(by_index[1])
    assert "leading_question" in kinds(by_index[2])
    assert "wording" in kinds(by_index[3])      # the reworded bank question is checked too
    assert "empty_question" in kinds(by_index[4]) and "untagged_question" in kinds(by_index[4])
    assert "untagged_question" not in kinds(by_index[3])  # a bank question's competency counts


def test_text_advice_english_and_no_false_alarms(bank):
    assert text_advice("Tell me about a time you persuaded a customer.", bank, "en") == []
    assert text_advice("Berätta om en gång när du fick en kollega att tänka om.", bank, "sv") == []
    hits = text_advice("Are you in a union?", bank, "en")
    assert hits[0]["topic"] == "union_membership" and "MBL" in hits[0]["message"]


def test_unknown_and_duplicate_questions(bank, fw):
    items = [{"ref": "customer_focus_1", "competency": "customer_focus", "text": ""},
             {"ref": "customer_focus_1", "competency": "customer_focus", "text": ""},
             {"ref": "removed_by_staff", "competency": "influencing", "text": ""}]
    assert {"duplicate_question", "unknown_question"} <= set(kinds(
        guide_advice(guide(items=items), bank, fw, "interview", 90, PROFILE, "sv")))


def test_phone_screen_and_reference_check_advice(bank, fw):
    phone = guide(competencies=[], items=[{"ref": "ps_motivation", "competency": "", "text": ""}])
    assert kinds(guide_advice(phone, bank, fw, "phone_screen", 30, PROFILE, "sv")) == ["no_must_have"]
    ref = guide(items=[{"ref": "rc_relation", "competency": "", "text": ""},
                       {"ref": "rc_competency_example", "competency": "", "text": ""}])
    advice = guide_advice(ref, bank, fw, "reference_check", 30, PROFILE, "sv")
    assert kinds(advice) == ["no_approval"] and "kännedom och godkännande" in advice[0]["message"]
    # A per-competency question counts once per competency.
    assert estimate_minutes(ref, bank, "reference_check") == 2 + 2 + 3 + 3 * 2


def test_too_many_competencies(bank, fw):
    comps = [c.id for c in fw.competencies][:9]
    advice = guide_advice(guide(competencies=comps, items=[]), bank, fw, "interview", 0, None, "sv")
    assert "too_many_competencies" in kinds(advice)
    assert "no_competencies" in kinds(guide_advice(guide(competencies=[], items=[]), bank, fw, "interview", 0,
                                                   None, "sv"))


# ------------------------------------------------------------------ completion and report

def test_completion_rules(bank):
    assert is_complete(guide(), "interview")
    partial = guide(items=[{"ref": "customer_focus_1", "competency": "customer_focus", "text": ""}])
    assert not is_complete(partial, "interview")
    untagged = guide(items=[{"ref": "customer_focus_1", "competency": "", "text": ""},
                            {"ref": "influencing_2", "competency": "", "text": ""}])
    assert not is_complete(untagged, "interview") and is_complete(untagged, "interview", bank)
    assert not is_complete(guide(competencies=[], items=[]), "interview")
    assert is_complete(guide(competencies=[], items=[{"ref": "ps_pay", "competency": "", "text": ""}]),
                       "phone_screen")
    assert not is_complete(guide(), "practice")
    assert is_complete(guide(practice={"submitted": True, "ratings": {}}), "practice")


def test_report_summary_holds_no_learner_text():
    data = guide(items=[{"ref": "", "competency": "influencing", "text": "Min hemliga fråga"},
                        {"ref": "customer_focus_1", "competency": "customer_focus", "text": "Omskriven"}],
                 interviewers=[{"name": "Anna Hemlig", "submitted": True}])
    summary = report_summary(data)
    assert summary == {"competencies": ["customer_focus", "influencing"], "questions": 2, "own_questions": 1,
                       "reworded_questions": 1, "interviewers": 1, "submitted_ratings": 1,
                       "practice_submitted": False}
    assert "Hemlig" not in repr(summary)


# ------------------------------------------------------------------ scoring and consensus

def panel(*people):
    return guide(interviewers=[dict(p) for p in people])


ANNA = {"name": "Anna", "seniority": 5, "submitted": True, "ratings": {
    "customer_focus": {"score": 5, "evidence": "Ringde kunden"}, "influencing": {"score": 3, "evidence": "x"}}}
BO = {"name": "Bo", "seniority": 2, "submitted": True, "ratings": {
    "customer_focus": {"score": 2, "evidence": "Vi-svar"}, "influencing": {"score": "na", "evidence": ""}}}
CI = {"name": "Ci", "seniority": 2, "submitted": True, "ratings": {
    "customer_focus": {"score": 3, "evidence": "y"}, "influencing": {"score": 3, "evidence": ""}}}


def test_nobody_sees_others_before_all_have_submitted(fw):
    waiting = dict(CI, submitted=False)
    view = consensus(panel(ANNA, BO, waiting), fw, "sv")
    assert not view["ready"] and view["rows"] == [] and view["waiting"] == ["Ci"]
    assert "Ci" in view["message"]
    assert "5" not in repr(view["rows"])
    one = consensus(panel(ANNA), fw, "en")
    assert not one["ready"] and "two" in one["message"]


def test_consensus_spread_talk_first_and_debrief_order(fw):
    view = consensus(panel(ANNA, BO, CI), fw, "sv")
    assert view["ready"]
    rows = {r["competency"]: r for r in view["rows"]}
    assert rows["customer_focus"]["spread"] == 3 and rows["customer_focus"]["status"] == "discuss"
    assert rows["customer_focus"]["mean"] == pytest.approx(3.3)
    assert rows["influencing"]["spread"] == 0 and rows["influencing"]["status"] == "mixed"
    assert rows["influencing"]["not_assessed"] == ["Bo"]
    assert view["talk_first"] == ["customer_focus", "influencing"]
    # Least senior first (ties in entry order), the most senior last.
    assert view["debrief_order"] == ["Bo", "Ci", "Anna"]
    assert debrief_order(panel(ANNA, BO, CI)) == [1, 2, 0]


def test_not_assessed_is_not_a_one(fw):
    view = consensus(panel(dict(ANNA), dict(BO, ratings={"customer_focus": {"score": "na", "evidence": ""}})),
                     fw, "sv")
    row = next(r for r in view["rows"] if r["competency"] == "customer_focus")
    # QA: one rating against "not assessed" showed "Spridning 0", as if the panel agreed.
    assert row["min"] == 5 and row["spread"] is None and row["mean"] == 5 and row["status"] == "mixed"


def test_rating_without_evidence_is_pointed_out(fw):
    issues = rating_issues(panel(ANNA, BO, CI), fw, "sv")
    assert [(i["interviewer"], i["competency"], i["kind"]) for i in issues] == [(2, "influencing", "no_evidence")]
    assert "Ci" in issues[0]["message"] and "belägg" in issues[0]["message"]
    blank = rating_issues(panel({"name": "", "ratings": {}}), fw, "en")
    assert {i["kind"] for i in blank} == {"not_rated"} and "Interviewer 1" in blank[0]["message"]


def test_decimal_comma():
    assert gt.format_decimal(3.3333, "sv") == "3,3" and gt.format_decimal(3.3333, "en") == "3.3"
    assert gt.format_decimal(4.0, "sv") == "4"


# ------------------------------------------------------------------ practice

CASE = """
title: Kundtjänst
question: customer_focus_4
answer: |
  Vi brukar alltid lösa sånt. Jag skulle nog ringa kunden.
ratings:
  - competency: customer_focus
    score: 2
    reasons: Svarar med vad hen skulle göra och vad teamet brukar göra.
  - competency: communication
    score: 4
    reasons: Tydlig.
  - competency: problem_solving
    score: 1
    reasons: Ingen lösning.
"""


def test_practice_case_parses_and_lists_every_error(fw, bank):
    case = parse_practice_case(CASE, "practice_case", fw, bank)
    assert case["question"] == "customer_focus_4" and len(case["ratings"]) == 3
    with pytest.raises(PracticeCaseError) as info:
        parse_practice_case("title: x\nanswer: y\nquestion: nope_1\nratings:\n  - {competency: magic, score: 7}\n",
                            "practice_case", fw, bank)
    text = "\n".join(info.value.errors)
    for part in ("question: unknown question", "ratings[0].competency: unknown competency 'magic'",
                 "ratings[0].score: expected a whole number", "ratings[0].reasons: missing"):
        assert f"practice_case: {part}" in text
    with pytest.raises(PracticeCaseError):
        parse_practice_case("a: &x 1\nb: *x", "practice_case", fw, bank)


def test_practice_comparison_names_rating_errors(fw, bank):
    case = parse_practice_case(CASE, "practice_case", fw, bank)
    lenient = {"customer_focus": {"score": 5}, "communication": {"score": 5}, "problem_solving": {"score": 4}}
    result = compare_practice(lenient, case, fw, "sv")
    rows = {r["competency"]: r for r in result["rows"]}
    assert rows["customer_focus"]["diff"] == 3
    assert "halo" in [e["id"] for e in rows["customer_focus"]["possible_errors"]]
    assert "similar_to_me" in [e["id"] for e in rows["customer_focus"]["possible_errors"]]
    assert [p["id"] for p in result["patterns"]] == ["halo", "leniency"]
    # QA: "0 av 3 lika, 1 inom ett steg." did not say what was counted.
    assert result["summary"] == "Samma betyg som experten på 0 av 3 kompetenser, inom ett steg på 1."
    middle = {"customer_focus": {"score": 3}, "communication": {"score": 3}, "problem_solving": {"score": 3}}
    assert [p["id"] for p in compare_practice(middle, case, fw, "en")["patterns"]] == ["central_tendency"]
    strict = {"customer_focus": {"score": 1}, "communication": {"score": 2}, "problem_solving": {"score": 1}}
    result = compare_practice(strict, case, fw, "en")
    assert "strictness" in [p["id"] for p in result["patterns"]]
    assert "contrast" in [e["id"] for e in result["rows"][1]["possible_errors"]]
    same = {"customer_focus": {"score": 2}, "communication": {"score": 4}, "problem_solving": {"score": "na"}}
    result = compare_practice(same, case, fw, "en")
    assert result["patterns"] == [] and result["exact"] == 2
    assert "did not assess" in result["rows"][2]["message"]


NO_EVIDENCE_CASE = """
title: Den fria intervjun
answer: Jag är väldigt strukturerad. Vi löste det tillsammans.
ratings:
  - competency: planning_organising
    score: na
    reasons: Bara en självbeskrivning och ett ”vi”; inget eget exempel att bedöma.
  - competency: customer_focus
    score: na
    reasons: Svarar på en hypotetisk fråga; inget hon har gjort.
  - competency: communication
    score: 3
    reasons: Tydlig.
"""


def test_practice_expert_not_assessed_is_no_one_and_a_number_there_names_impression_errors(fw, bank):
    case = parse_practice_case(NO_EVIDENCE_CASE, "practice_case", fw, bank)
    assert [r["score"] for r in case["ratings"]] == ["na", "na", 3]
    with pytest.raises(PracticeCaseError) as info:
        parse_practice_case(NO_EVIDENCE_CASE.replace("score: na", "score: n/a", 1), "practice_case", fw, bank)
    assert "ratings[0].score: expected a whole number from 1 to 5, or 'na'" in info.value.errors[0]
    halo = {"planning_organising": {"score": 5}, "customer_focus": {"score": "na"}, "communication": {"score": 3}}
    result = compare_practice(halo, case, fw, "sv")
    rows = {r["competency"]: r for r in result["rows"]}
    assert rows["planning_organising"]["diff"] is None and rows["planning_organising"]["expert"] == "na"
    assert rows["planning_organising"]["message"].startswith("Du gav 5, men experten fann för lite underlag")
    assert {"first_impression", "halo"} <= {e["id"] for e in rows["planning_organising"]["possible_errors"]}
    assert rows["customer_focus"]["message"].startswith("Som experten") and not rows["customer_focus"][
        "possible_errors"]
    assert (result["exact"], result["close"], result["compared"]) == (2, 2, 3)
    assert result["summary"] == "Samma betyg som experten på 2 av 3 kompetenser, inom ett steg på 2." and result["patterns"] == []
    unrated = compare_practice({}, case, fw, "en")
    assert unrated["compared"] == 0 and all(not r["possible_errors"] for r in unrated["rows"])


def test_what_the_tool_writes_into_the_guide_passes_its_own_checks(bank):
    """The default opening and closing texts, and the tips shown with them, raise no advice themselves."""
    texts = [gt.DEFAULTS[key][lang].format(minutes=60) for key in gt.DEFAULTS for lang in ("sv", "en")]
    reference = empty_guide("reference_check", "sv", 20)
    assert "känner till och har godkänt" in reference["opening"]["agenda"] and "20 minuter" in reference["opening"][
        "agenda"]
    assert "samtalet tar cirka 30" in empty_guide("phone_screen", "sv", 30)["opening"]["agenda"]
    # (The phone-screen tip names the pay-history question in order to warn against it, so it is not checked.)
    texts += [gt.LABELS[key][lang] for key in ("same_questions", "rate_alone", "debrief_tip", "reference_approval",
                                               "gdpr") for lang in ("sv", "en")]
    for text in texts:
        assert text_advice(text, bank, "sv") == [], text


def test_swedish_advice_explains_its_source_and_reads_as_a_sentence():
    """QA: "US OPM (2008) rekommenderar" left an English acronym unexplained; "Samstämmiga" stood alone."""
    from recruitment_core import guide_text as gt
    assert "Den amerikanska statliga personalmyndigheten (US OPM, 2008)" in gt.text(
        gt.ADVICE, "too_many_competencies", "sv", count=9)
    assert gt.text(gt.CONSENSUS_TEXT, "agree", "sv") == "Samstämmiga betyg."
