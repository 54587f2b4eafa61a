"""Handlers of the interview guide: save with revision, results, hostile input (4xx, state unchanged), GETs."""
import copy
import io
import json

import docx
import pytest

from recruitment_core.sharing import build_profile_summary, shelve_summary
from recruitment_core.profile import empty_profile, validate_profile

from .conftest import call, good_guide

HOSTILE = "</script><script>alert(1)</script>&<b>"


def save(runtime, block, guide, revision=None):
    return call(runtime, block, "save_guide", {"guide": guide, "revision": block.revision if revision is None
                                               else revision})


def test_save_returns_results_and_completes_once(runtime, block):
    status, body, _ = save(runtime, block, good_guide())
    assert status == 200, body
    assert body["revision"] == 1 and body["completed"] is True and body["advice"] == []
    assert body["estimate"] == 5 + 7 + 6 + 10 + 5
    assert block.guide["items"][1]["text"] == "Berätta om ett svårt besked."
    assert runtime.events == [("completion", {"completion": 1.0})]
    save(runtime, block, good_guide())
    assert runtime.events == [("completion", {"completion": 1.0})]


def test_incomplete_guide_gets_advice_and_is_not_complete(runtime, block):
    status, body, _ = save(runtime, block, good_guide(items=[]))
    assert status == 200 and body["completed"] is False
    assert [a["kind"] for a in body["advice"]].count("competency_without_question") == 2


def test_conflict_409_with_the_saved_guide(runtime, block):
    save(runtime, block, good_guide())
    status, body, _ = save(runtime, block, good_guide(items=[]), revision=0)
    assert status == 409 and body["code"] == "conflict" and body["revision"] == 1
    assert body["guide"]["items"][0]["ref"] == "collaboration_1"
    assert len(block.guide["items"]) == 2


BAD_BODIES = [
    b"", b"[]", b"{", b'"x"', b"null", b"[" * 5000 + b"]" * 5000, b'{"guide": {}, "revision": NaN}',
    b'{"guide": {}}', b'{"revision": 0}', b'{"guide": [], "revision": 0}', b'{"guide": {}, "revision": "0"}',
    b'{"guide": {}, "revision": -1}', b'{"guide": {}, "revision": true}', b'{"guide": {}, "revision": 0, "x": 1}',
    b'{"guide": {"items": "x"}, "revision": 0}', b'{"guide": {"items": [{"ref": "../../etc"}]}, "revision": 0}',
    b'{"guide": {"interviewers": [{"ratings": {"c1": {"score": 9}}}]}, "revision": 0}',
    b'{"guide": {"interviewers": [{"name": "a"}, {"name": "A"}]}, "revision": 0}',
    b'{"guide": {"competencies": ["<b>"]}, "revision": 0}',
    b'{"guide": {"candidate_minutes": 1e400}, "revision": 0}',
    b'{"guide": {"items": [{"text": "\\ud800"}]}, "revision": 0}',
    b"\xff\xfe{}",
    json.dumps({"guide": {"items": [{"text": "x" * 1001}]}, "revision": 0}).encode(),
    json.dumps({"guide": {"items": [{"text": "x"}] * 41}, "revision": 0}).encode(),
    b'{"guide": {"opening": {"who": "' + b"x" * 200_000 + b'"}}, "revision": 0}',
]


@pytest.mark.parametrize("raw", BAD_BODIES)
def test_hostile_bodies_get_4xx_and_change_nothing(runtime, block, raw):
    save(runtime, block, good_guide())
    before = (copy.deepcopy(block.guide), block.revision, block.saved_at)
    status, body, _ = call(runtime, block, "save_guide", raw=raw)
    assert 400 <= status < 500, (status, body)
    assert isinstance(body, dict) and body.get("error")
    assert (block.guide, block.revision, block.saved_at) == before


@pytest.mark.parametrize("handler", ["save_guide"])
def test_get_on_a_post_handler_is_405(runtime, block, handler):
    assert call(runtime, block, handler, method="GET")[0] == 405


@pytest.mark.parametrize("handler", ["bank_data", "download_guide", "download_sheet", "print_view"])
def test_post_on_a_get_handler_is_405(runtime, block, handler):
    status, body, _ = call(runtime, block, handler, {"x": 1})
    assert status == 405 and body["error"]


def test_bank_data_is_cacheable_and_localized(runtime, block):
    status, _, resp = call(runtime, block, "bank_data", method="GET", query="v=1&lang=en")
    assert status == 200 and "max-age" in resp.headers["Cache-Control"]
    data = json.loads(resp.body)
    assert data["lang"] == "en" and len(data["questions"]) == 60 and len(data["competencies"]) == 14
    assert data["questions"][0]["text"].startswith("Tell me")
    sv = json.loads(call(runtime, block, "bank_data", method="GET", query="v=1&lang=sv")[2].body)
    assert sv["questions"][0]["text"].startswith("Berätta")


def test_downloads_and_print_from_the_saved_state(runtime, block):
    guide = good_guide(interviewers=[{"name": HOSTILE, "seniority": 2, "submitted": True,
                                      "ratings": {"collaboration": {"score": 4, "evidence": HOSTILE}}}])
    guide["items"][1]["text"] = "Berätta om ett svårt besked. " + HOSTILE
    assert save(runtime, block, guide)[0] == 200
    status, body, resp = call(runtime, block, "download_guide", method="GET")
    assert status == 200 and resp.headers["Cache-Control"].startswith("no-store")
    assert 'filename="intervjuguide.docx"' in resp.headers["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    assert HOSTILE in text
    status, body, resp = call(runtime, block, "download_sheet", method="GET")
    assert status == 200 and "bedomningsmall" in resp.headers["Content-Disposition"]
    status, body, resp = call(runtime, block, "print_view", method="GET")
    html = body.decode("utf-8")
    assert status == 200 and "<script>alert" not in html and "&lt;/script&gt;" in html


def test_submitted_ratings_cannot_be_changed_without_reopening(runtime, block):
    person = {"name": "Anna", "seniority": 3, "submitted": True, "ratings": {"collaboration": {"score": 4, "evidence": "x"}}}
    save(runtime, block, good_guide(interviewers=[person]))
    changed = dict(person, ratings={"collaboration": {"score": 1, "evidence": "y"}})
    status, body, _ = save(runtime, block, good_guide(interviewers=[changed]))
    assert status == 200 and block.guide["interviewers"][0]["ratings"]["collaboration"]["score"] == 4
    reopened = dict(changed, submitted=False)
    save(runtime, block, good_guide(interviewers=[reopened]))
    assert block.guide["interviewers"][0]["ratings"]["collaboration"]["score"] == 1


def _profile(role, comps):
    profile = empty_profile()
    profile["basics"]["role"] = role
    profile["competencies"] = [{"id": c, "level": 3, "priority": i + 1} for i, c in enumerate(comps)]
    profile["requirements"] = [{"text": "Körkort B", "category": "certificate", "must": True, "weight": 3,
                                "why": "", "assessment": "", "stage": "", "level": ""}]
    return validate_profile(profile)


def test_the_guide_reads_the_learners_profiles_and_advice_follows_the_chosen_one(runtime, block):
    one = build_profile_summary(_profile("Säljare", ["customer_focus", "influencing"]), "2026-01-01T10:00:00+00:00")
    two = build_profile_summary(_profile("Ekonom", ["analytical_thinking"]), "2026-01-02T10:00:00+00:00")
    shelf = shelve_summary(None, "block-a", "Kravprofil A", one)
    shelf = shelve_summary(shelf, "block-b", "Kravprofil B", two)
    block.kravprofil_shelf = {"workbench": shelf}
    block.kravprofil_shared = {"workbench": two}
    data = block.page_data("sv")
    assert [p["role"] for p in data["profiles"]] == ["Ekonom", "Säljare"]
    assert data["profiles"][1]["must"] == ["Körkort B"]
    guide = good_guide(profile_key="block-a", competencies=["customer_focus"],
                       items=[{"ref": "innovation_1", "competency": "", "text": ""}])
    status, body, _ = save(runtime, block, guide)
    assert "not_in_profile" in [a["kind"] for a in body["advice"]]
    # Only the old single summary (no shelf): still found.
    block.kravprofil_shelf = {}
    assert [p["role"] for p in block.page_data("sv")["profiles"]] == ["Ekonom"]
    # A damaged summary is reported, not shown in half.
    block.kravprofil_shared = {"workbench": {"version": 99}}
    data = block.page_data("sv")
    assert data["profiles"] == [] and data["profile_problem"] == "bad"


def test_practice_hides_the_expert_until_handed_in(runtime, make_block):
    case = ("title: Fall\nanswer: Vi löste det.\nratings:\n  - {competency: collaboration, score: 2, reasons: "
            "Bara vi.}\n")
    block = make_block('<interview_guide guide_type="practice"/>')
    block.practice_case = case
    data = block.page_data("sv")
    assert data["case"]["competencies"] == ["collaboration"] and data["practice"] is None
    assert "Bara vi" not in json.dumps(data, ensure_ascii=False)
    guide = {"practice": {"submitted": True, "ratings": {"collaboration": {"score": 5, "evidence": "x"}}}}
    status, body, _ = save(runtime, block, guide)
    assert status == 200 and body["completed"] is True
    row = body["practice"]["rows"][0]
    assert row["expert"] == 2 and row["diff"] == 3 and "Bara vi." == row["reasons"]


@pytest.mark.parametrize("guide_type, stem", [("phone_screen", "telefonavstamning"),
                                              ("reference_check", "referenstagning"),
                                              ("interview", "intervjuguide")])
def test_the_downloaded_guide_is_named_for_its_type(make_block, runtime, guide_type, stem):
    """QA: a phone screen downloaded as "intervjuguide.docx" is not what the learner asked for."""
    block = make_block(f'<interview_guide guide_type="{guide_type}"/>')
    status, _, resp = call(runtime, block, "download_guide", method="GET")
    assert status == 200 and f'filename="{stem}.docx"' in resp.headers["Content-Disposition"]


@pytest.mark.parametrize("guide_type, words", [
    ("interview", "bedöm kandidaten mot beteendeankarna"),
    ("phone_screen", "telefonavstämning"),
    ("reference_check", "referenssamtal"),
    ("practice", "experts"),
])
def test_built_in_instructions_fit_the_guide_type(make_block, guide_type, words):
    """QA: the phone screen, reference check and practice showed the interview's instructions."""
    case = ('practice_case="title: T&#10;answer: Svar&#10;ratings:&#10;  - competency: collaboration&#10;'
            '    score: 2&#10;    reasons: R&#10;"' if guide_type == "practice" else "")
    block = make_block(f'<interview_guide guide_type="{guide_type}" {case}/>')
    html = block.student_view().content
    instructions = html.split('<p class="ig-instructions">', 1)[1].split("</p>", 1)[0]
    assert words in instructions
    if guide_type != "interview":
        assert "beteendeankarna efteråt" not in instructions


def test_print_view_has_the_candidates_questions_and_marks_a_question_not_to_ask(runtime, block):
    """QA: the print view left out the candidate's questions and printed "Har du barn?" without a warning."""
    guide = good_guide(candidate_minutes=15)
    guide["items"].append({"ref": "", "competency": "communication", "text": "Har du barn?"})
    assert save(runtime, block, guide)[0] == 200
    status, body, _ = call(runtime, block, "print_view", method="GET")
    html = body.decode("utf-8")
    assert status == 200 and "<h2>Kandidatens frågor</h2>" in html and "15 min" in html
    assert html.count("Obs! Ställ inte frågan så här") == 1 and "Familjeplaner" in html
    assert "<th></th>" not in html


def test_the_demo_practice_case_fits_its_question_type():
    """QA: the demo asked a situational question ("Vad skulle du göra?") and the expert faulted the answer for
    saying what the candidate would do."""
    import html
    import re

    from interview_xblock.banks import case_errors, case_for
    from interview_xblock.block import SCENARIOS
    from recruitment_core.questions import load_default_bank
    raw = html.unescape(re.search(r'practice_case="([^"]*)"', SCENARIOS[2][1]).group(1))
    assert case_errors(raw, "") == []
    case = case_for(raw, "")
    if load_default_bank().get(case["question"]).type == "situational":
        assert not any("skulle" in r["reasons"] for r in case["ratings"])


def test_the_type_is_not_repeated_under_a_title_that_already_says_it(make_block, runtime):
    """QA: "Intervjuguide" stood twice at the top of the block and of the print view."""
    plain = make_block("<interview_guide/>")
    html = plain.student_view().content
    assert html.count(">Intervjuguide<") == 1
    status, body, _ = call(runtime, plain, "print_view", method="GET")
    assert status == 200 and body.decode("utf-8").count("Intervjuguide") == 2  # <title> and <h1> only
    named = make_block('<interview_guide display_name="Intervju: säljare"/>')
    assert '<p class="ig-type">Intervjuguide</p>' in named.student_view().content


@pytest.mark.parametrize("guide_type", ["phone_screen", "interview"])
def test_the_word_guide_lists_the_profiles_must_haves(make_block, runtime, guide_type):
    """QA: the phone screen says "Läs upp skallkraven ur kravprofilen", but its Word guide did not list them."""
    block = make_block(f'<interview_guide guide_type="{guide_type}"/>')
    summary = build_profile_summary(_profile("Säljare", ["customer_focus"]), "2026-01-01T10:00:00+00:00")
    block.kravprofil_shared = {"workbench": summary}
    status, body, _ = call(runtime, block, "download_guide", method="GET")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    assert status == 200 and "Skallkrav (ur kravprofilen)\nKörkort B" in text
    status, body, _ = call(runtime, block, "print_view", method="GET")
    assert status == 200 and "<h2>Skallkrav (ur kravprofilen)</h2>\n<ul><li>Körkort B</li></ul>" in body.decode()


def test_print_view_headings_of_questions_without_a_competency(make_block, runtime):
    """QA: the phone screen's print view had headings "1. " with nothing after the number."""
    block = make_block('<interview_guide guide_type="phone_screen"/>')
    guide = {"items": [{"ref": "ps_purpose", "competency": "", "text": ""}]}
    assert save(runtime, block, guide)[0] == 200
    html = call(runtime, block, "print_view", method="GET")[1].decode("utf-8")
    assert "<h3>1. Fråga</h3>" in html and "<h3>1. </h3>" not in html
    # The interviewer's tip is printed as in the Word guide (it was missing from the print view).
    assert "Tips: Säg hur lång tid samtalet tar" in html
