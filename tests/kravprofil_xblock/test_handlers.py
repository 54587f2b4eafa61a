"""Handlers on a test runtime: saving, conflicts, completion, the shared summary, hostile input, documents."""
import copy
import io
import json

import docx
import pytest
from django.utils import translation
from xblock.fields import Scope

from recruitment_core.framework import load_default_framework

from .conftest import call
from .samples import HOSTILE, filled_profile, with_competencies


def save(runtime, block, profile, revision=None):
    return call(runtime, block, "save_profile",
                {"profile": profile, "revision": block.revision if revision is None else revision})


def test_save_stores_bumps_revision_and_returns_advice(runtime, block):
    profile = filled_profile()
    profile["requirements"][0]["why"] = ""
    status, body, _ = save(runtime, block, profile)
    assert status == 200, body
    assert body["revision"] == 1 and block.revision == 1
    assert block.profile["basics"]["role"] == "Ekonomiassistent"
    assert body["saved_at"] == block.saved_at and "T" in body["saved_at"]
    assert "missing_why" in [a["kind"] for a in body["advice"]]
    assert {"basics", "purpose", "requirements", "process"} <= set(body["filled_sections"])
    status, body, _ = save(runtime, block, profile)
    assert status == 200 and body["revision"] == 2


def test_saved_text_is_cleaned_of_control_characters(runtime, block):
    profile = filled_profile(role="Ekonomi\x00assistent\r\n")
    assert save(runtime, block, profile)[0] == 200
    assert block.profile["basics"]["role"] == "Ekonomiassistent\n"


def test_conflict_answers_409_with_the_stored_version_and_changes_nothing(runtime, block):
    assert save(runtime, block, filled_profile(role="Första"))[0] == 200
    assert save(runtime, block, filled_profile(role="Andra"))[0] == 200  # revision 2 now
    status, body, _ = save(runtime, block, filled_profile(role="Gammal flik"), revision=1)
    assert status == 409
    assert body["revision"] == 2
    assert body["profile"]["basics"]["role"] == "Andra"
    assert "annan flik" in body["error"]
    assert block.revision == 2 and block.profile["basics"]["role"] == "Andra"
    # Keeping one's own version: save again on top of the revision the conflict reported.
    status, body, _ = save(runtime, block, filled_profile(role="Gammal flik"), revision=2)
    assert status == 200 and block.profile["basics"]["role"] == "Gammal flik"


def test_conflict_message_in_english(runtime, block):
    save(runtime, block, filled_profile())
    with translation.override("en"):
        status, body, _ = save(runtime, block, filled_profile(), revision=0)
    assert status == 409 and "another tab" in body["error"]


def test_completion_published_once_when_required_sections_are_filled(runtime, block):
    fw = load_default_framework()
    partial = filled_profile()
    assert save(runtime, block, partial)[0] == 200  # no competencies yet: not complete
    assert not [e for e in runtime.events if e[0] == "completion"] and not block.completed
    full = with_competencies(filled_profile(), fw)
    status, body, _ = save(runtime, block, full)
    assert status == 200 and body["completed"] is True
    assert runtime.events.count(("completion", {"completion": 1.0})) == 1
    save(runtime, block, full)
    assert runtime.events.count(("completion", {"completion": 1.0})) == 1
    assert block.has_custom_completion is True


def test_completion_follows_the_configured_sections(runtime, make_block):
    block = make_block("""<kravprofil required_sections='["basics"]'/>""")
    profile = filled_profile()
    profile["purpose"] = {"purpose": "", "goals": ""}
    assert save(runtime, block, profile)[1]["completed"] is True


def test_shared_summary_written_for_the_interview_guide(runtime, block):
    fw = load_default_framework()
    profile = with_competencies(filled_profile(), fw, 2)
    save(runtime, block, profile)
    shared = block.kravprofil_shared
    assert list(shared) == ["workbench"]
    entry = shared["workbench"]
    assert entry["version"] == 1 and entry["role"] == "Ekonomiassistent"
    assert [c["id"] for c in entry["competencies"]] == [c.id for c in fw.competencies[:2]]
    assert entry["competencies"][0] == {"id": fw.competencies[0].id, "level": 3, "priority": 1}
    assert entry["requirements"][0] == {"text": "Erfarenhet av leverantörsreskontra", "category": "experience",
                                        "must": True}
    assert entry["updated"] == block.saved_at
    assert block.fields["kravprofil_shared"].scope == Scope.user_info  # per learner, shared across blocks


def test_shared_summary_keeps_other_courses(runtime, block):
    block.kravprofil_shared = {"course-v1:Org+X+1": {"version": 1, "role": "Annan"}}
    save(runtime, block, filled_profile())
    assert set(block.kravprofil_shared) == {"course-v1:Org+X+1", "workbench"}


def test_get_advice_and_draft_ad_store_nothing(runtime, block):
    profile = filled_profile()
    profile["basics"]["role"] = "Ung och hungrig säljare"
    status, body, _ = call(runtime, block, "get_advice", {"profile": profile})
    assert status == 200 and isinstance(body["advice"], list)
    status, body, _ = call(runtime, block, "draft_ad", {"profile": profile})
    assert status == 200
    assert set(body["ad"]) == {"title", "company", "intro", "tasks", "must", "merits", "offer", "process"}
    assert "Erfarenhet av leverantörsreskontra" in body["ad"]["must"]
    assert block.revision == 0 and block.profile == {}


def _deep(levels):
    data = "x"
    for _ in range(levels):
        data = {"a": data}
    return data


def _too_large_profile():
    profile = filled_profile()
    profile["tasks"] = ["å" * 950 for _ in range(30)]  # 2 bytes per character in UTF-8
    profile["requirements"] = [
        dict(profile["requirements"][0], text="t" * 1900, why="w" * 1900) for _ in range(12)]
    return profile


def _profile_with(path, value):
    profile = filled_profile()
    target = profile
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return profile


GOOD = filled_profile()
HOSTILE_REQUESTS = [
    ("invalid json", {"raw": b'{"profile": '}),
    ("array", {"raw": b"[]"}),
    ("string", {"raw": b'"profile"'}),
    ("null", {"raw": b"null"}),
    ("number", {"raw": b"42"}),
    ("empty body", {"raw": b""}),
    ("deep arrays", {"raw": b"[" * 5000 + b"]" * 5000}),
    ("deep objects", {"body": {"profile": _deep(50), "revision": 1}}),
    ("3 MB body", {"raw": b'{"profile": {"tasks": ["' + b"a" * (3 * 1024 * 1024) + b'"]}, "revision": 1}'}),
    ("GET", {"method": "GET"}),
    ("PUT", {"method": "PUT", "body": {"profile": GOOD, "revision": 1}}),
    ("DELETE", {"method": "DELETE"}),
    ("unknown top-level key", {"body": {"profile": GOOD, "revision": 1, "admin": True}}),
    ("missing revision", {"body": {"profile": GOOD}}),
    ("missing profile", {"body": {"revision": 1}}),
    ("revision as text", {"body": {"profile": GOOD, "revision": "1"}}),
    ("revision true", {"body": {"profile": GOOD, "revision": True}}),
    ("revision negative", {"body": {"profile": GOOD, "revision": -1}}),
    ("revision float", {"body": {"profile": GOOD, "revision": 1.5}}),
    ("revision huge", {"body": {"profile": GOOD, "revision": 2 ** 70}}),
    ("NaN", {"raw": b'{"profile": {}, "revision": NaN}'}),
    ("Infinity", {"raw": b'{"profile": {"version": Infinity}, "revision": 1}'}),
    ("huge exponent", {"raw": b'{"profile": {}, "revision": 1e999}'}),
    ("invalid UTF-8", {"raw": b'{"profile": {"basics": {"role": "\xff\xfe"}}, "revision": 1}'}),
    ("lone surrogate", {"raw": b'{"profile": {"basics": {"role": "\\ud800"}}, "revision": 1}'}),
    ("profile is text", {"body": {"profile": "Ekonom", "revision": 1}}),
    ("profile is a list", {"body": {"profile": [], "revision": 1}}),
    ("unknown profile key", {"body": {"profile": dict(GOOD, secret="x"), "revision": 1}}),
    ("unknown basics key", {"body": {"profile": _profile_with(["basics", "salary"], "x"), "revision": 1}}),
    ("role is a number", {"body": {"profile": _profile_with(["basics", "role"], 123), "revision": 1}}),
    ("requirements is an object", {"body": {"profile": _profile_with(["requirements"], {}), "revision": 1}}),
    ("unknown category", {"body": {"profile": _profile_with(["requirements", 0, "category"], "astrology"),
                                   "revision": 1}}),
    ("weight 9", {"body": {"profile": _profile_with(["requirements", 0, "weight"], 9), "revision": 1}}),
    ("weight as text", {"body": {"profile": _profile_with(["requirements", 0, "weight"], "5"), "revision": 1}}),
    ("must as text", {"body": {"profile": _profile_with(["requirements", 0, "must"], "yes"), "revision": 1}}),
    ("competency id with markup", {"body": {"profile": _profile_with(
        ["competencies"], [{"id": "<script>", "level": 3, "priority": 1}]), "revision": 1}}),
    ("competency level 0", {"body": {"profile": _profile_with(
        ["competencies"], [{"id": "samarbete", "level": 0, "priority": 1}]), "revision": 1}}),
    ("duplicate competency", {"body": {"profile": _profile_with(
        ["competencies"], [{"id": "samarbete", "level": 3, "priority": 1}] * 2), "revision": 1}}),
    ("too many tasks", {"body": {"profile": _profile_with(["tasks"], ["x"] * 31), "revision": 1}}),
    ("task is null", {"body": {"profile": _profile_with(["tasks"], [None]), "revision": 1}}),
    ("text too long", {"body": {"profile": _profile_with(["purpose", "goals"], "x" * 20_000), "revision": 1}}),
    ("state over 100 KB", {"body": {"profile": _too_large_profile(), "revision": 1}}),
    ("version 2", {"body": {"profile": dict(GOOD, version=2), "revision": 1}}),
]


REVISION_ONLY = {"missing revision", "revision as text", "revision true", "revision negative", "revision float",
                 "revision huge"}
HOSTILE_CASES = [
    pytest.param(handler, name, spec, id=f"{handler}-{name}")
    for handler in ("save_profile", "get_advice", "draft_ad")
    for name, spec in HOSTILE_REQUESTS
    if handler == "save_profile" or name not in REVISION_ONLY
]


@pytest.mark.parametrize("handler,name,spec", HOSTILE_CASES)
def test_hostile_requests_get_a_4xx_json_message_and_change_nothing(runtime, block, handler, name, spec):
    assert save(runtime, block, filled_profile(role="Sparad"))[0] == 200
    before = (copy.deepcopy(block.profile), block.revision, block.saved_at, copy.deepcopy(block.kravprofil_shared))
    if handler != "save_profile" and isinstance(spec.get("body"), dict):
        # The other handlers take {"profile": ...} only.
        spec = dict(spec, body={k: v for k, v in spec["body"].items() if k != "revision"})
    status, body, response = call(runtime, block, handler, body=spec.get("body"), raw=spec.get("raw"),
                                  method=spec.get("method", "POST"))
    assert 400 <= status < 500, (name, status, body)
    assert response.content_type == "application/json"
    assert isinstance(body["error"], str) and body["error"], name
    assert "Traceback" not in body["error"]
    after = (block.profile, block.revision, block.saved_at, block.kravprofil_shared)
    assert after == before
    if spec.get("method") in ("GET", "PUT", "DELETE"):
        assert status == 405
    if name == "3 MB body":
        assert status == 413


def test_error_messages_are_localized(runtime, block):
    status, body, _ = call(runtime, block, "save_profile", raw=b"[]")
    assert status == 400 and "JSON-objekt" in body["error"]
    status, body, _ = call(runtime, block, "save_profile",
                           {"profile": _profile_with(["requirements", 0, "weight"], 9), "revision": 0})
    assert status == 400 and body["error"].startswith("Kravprofilen kunde inte sparas")
    with translation.override("en"):
        status, body, _ = call(runtime, block, "save_profile", {"profile": GOOD, "revision": "x"})
    assert status == 400 and "whole number" in body["error"]


def test_markup_in_text_is_stored_as_typed(runtime, block):
    assert save(runtime, block, filled_profile(role=HOSTILE))[0] == 200
    assert block.profile["basics"]["role"] == HOSTILE


# ---- documents and print view -------------------------------------------------------------------------------

def test_download_kravprofil_docx(runtime, block):
    fw = load_default_framework()
    save(runtime, block, with_competencies(filled_profile(role="Ekonomiassistent Örebro"), fw))
    status, body, response = call(runtime, block, "download_kravprofil", method="GET")
    assert status == 200
    assert response.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="kravprofil-ekonomiassistent-orebro.docx"' in disposition
    assert "filename*=UTF-8''kravprofil-ekonomiassistent-%C3%B6rebro.docx" in disposition
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    tables = " ".join(c.text for t in docx.Document(io.BytesIO(body)).tables for r in t.rows for c in r.cells)
    assert "Ekonomiassistent Örebro" in text + tables
    assert fw.competencies[0].name["sv"] in tables


def test_download_ad_docx_keeps_markup_as_text(runtime, block):
    profile = filled_profile(role=HOSTILE)
    profile["ad"] = {"title": "Annons " + HOSTILE, "company": "Bolaget", "intro": "Hej", "tasks": "", "must": "",
                     "merits": "", "offer": "", "process": ""}
    save(runtime, block, profile)
    status, body, response = call(runtime, block, "download_ad", method="GET")
    assert status == 200
    assert 'filename="annons-script-img-src-x-onerror-alert-1.docx"' in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(body))
    assert any(("Annons " + HOSTILE) in p.text for p in document.paragraphs)


def test_download_before_any_save_gives_an_empty_document(runtime, block):
    status, body, response = call(runtime, block, "download_kravprofil", method="GET")
    assert status == 200 and 'filename="kravprofil.docx"' in response.headers["Content-Disposition"]
    docx.Document(io.BytesIO(body))


@pytest.mark.parametrize("handler", ["download_kravprofil", "download_ad", "print_view", "framework_data"])
def test_get_handlers_refuse_post(runtime, block, handler):
    status, body, response = call(runtime, block, handler, {"x": 1})
    assert status == 405 and body["error"] and "GET" in response.headers["Allow"]


def test_print_view_escapes_learner_text(runtime, block):
    profile = filled_profile(role=HOSTILE)
    profile["tasks"] = [HOSTILE, "Rad ett\nrad två"]
    profile["ad"]["title"] = HOSTILE
    save(runtime, block, profile)
    status, body, response = call(runtime, block, "print_view", method="GET")
    assert status == 200 and response.content_type == "text/html"
    page = body.decode("utf-8")
    assert HOSTILE not in page and "<img" not in page
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Rad ett<br>rad två" in page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "@media print" in page
    with translation.override("en"):
        page = call(runtime, block, "print_view", method="GET")[1].decode("utf-8")
    assert '<html lang="en">' in page and "Requirement profile" in page


def test_handler_answers_are_not_cacheable_json(runtime, block):
    _, _, response = save(runtime, block, filled_profile())
    assert response.headers["Cache-Control"] == "no-store"
    assert json.loads(response.body)["revision"] == 1


def test_student_view_user_state_for_mobile(runtime, block):
    save(runtime, block, filled_profile(role="Mobil"))
    status, body, _ = call(runtime, block, "student_view_user_state", method="GET")
    assert status == 200 and body["revision"] == 1 and body["profile"]["basics"]["role"] == "Mobil"
    assert call(runtime, block, "student_view_user_state", method="DELETE")[0] == 405


def test_print_view_competency_columns_say_what_the_word_document_says(runtime, block):
    # One row is one competency: the column is "Kompetens" / "Competency", as in the .docx, not the section title.
    save(runtime, block, with_competencies(filled_profile(), load_default_framework(), count=1))
    page = call(runtime, block, "print_view", method="GET")[1].decode("utf-8")
    assert '<th scope="col">Kompetens</th><th scope="col">Nivå som krävs (1–5)</th>' in page
    with translation.override("en"):
        page = call(runtime, block, "print_view", method="GET")[1].decode("utf-8")
    assert '<th scope="col">Competency</th><th scope="col">Level needed (1–5)</th>' in page


@pytest.mark.parametrize("handler", ["save_profile", "get_advice", "draft_ad"])
def test_a_body_over_the_limit_says_the_profile_is_too_large(runtime, block, handler):
    # Long texts in every field can pass 120 KB: the learner is told what is too large, not "the request".
    raw = json.dumps({"profile": {"tasks": ["ö" * 2000] * 30}, "revision": 0}, ensure_ascii=False).encode("utf-8")
    assert len(raw) > 120_000
    status, body, _ = call(runtime, block, handler, raw=raw)
    assert status == 413 and body["error"] == "Kravprofilen är för stor för att sparas (högst 100 kB)."
    with translation.override("en"):
        status, body, _ = call(runtime, block, handler, raw=raw)
    assert status == 413 and body["error"] == "The profile is too large to be saved (at most 100 KB)."


def test_a_studio_body_over_its_limit_keeps_the_request_message(runtime, block):
    status, body, _ = call(runtime, block, "submit_studio_edits", raw=b" " * 500_000 + b"{}")
    assert status == 413 and "Kravprofilen" not in body["error"]


def test_download_file_names_are_in_the_learners_language(runtime, block):
    save(runtime, block, filled_profile(role="Ekonomiassistent"))
    with translation.override("en"):
        disposition = call(runtime, block, "download_kravprofil", method="GET")[2].headers["Content-Disposition"]
        assert 'filename="requirement-profile-ekonomiassistent.docx"' in disposition
        disposition = call(runtime, block, "download_ad", method="GET")[2].headers["Content-Disposition"]
        assert 'filename="job-ad-ekonomiassistent.docx"' in disposition
    disposition = call(runtime, block, "download_ad", method="GET")[2].headers["Content-Disposition"]
    assert 'filename="annons-ekonomiassistent.docx"' in disposition
