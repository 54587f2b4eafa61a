"""The journal's handlers: drafts, versions, follow-up date, the course-wide copy, downloads, hostile input."""
import copy
import datetime
import io
import json
import re

import docx
import pytest
from django.utils import translation

from recruitment_core.journal.model import MAX_ENTRY_CHARS, MAX_VERSIONS
from xblock_layer.testing import render_html

from .conftest import call

HOSTILE = "Hej <script>alert(1)</script> & \"citat\" </script><img src=x onerror=alert(2)> ]]> åäö 🚀"


def drafts(runtime, block, texts, revision=None):
    return call(runtime, block, "save_drafts", {"journal": texts, "revision": block.revision if revision is None
                                                else revision})


def commit(runtime, block, key, text, revision=None, told=None):
    body = {"key": key, "text": text, "revision": block.revision if revision is None else revision}
    if told is not None:
        body["told"] = told
    return call(runtime, block, "commit_entry", body)


def page_data(html):
    raw = re.search(r'<script type="application/json" class="rj-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


# ---------------------------------------------------------------- drafts and versions

def test_draft_then_commit_then_edit_keeps_both_versions(runtime, block):
    status, body, _ = drafts(runtime, block, {"p1": "Första tanken"})
    assert status == 200 and body["revision"] == 1 and body["entries"]["p1"]["draft"] is True
    status, body, _ = commit(runtime, block, "p1", "Första tanken")
    assert status == 200 and body["changed"] and body["journal"] == {"p1": "Första tanken", "p2": ""}
    assert body["entries"]["p1"]["draft"] is False
    assert commit(runtime, block, "p1", "Andra tanken, omskriven")[0] == 200
    versions = block.journal["entries"]["p1"]["versions"]
    assert [v["text"] for v in versions] == ["Första tanken", "Andra tanken, omskriven"]
    assert all(v["saved"] and v["shared"] is False for v in versions)
    data = page_data(render_html(runtime, block))
    # The page lists the versions' dates; their texts come when the learner opens the list.
    assert [v["saved"] for v in data["entries"]["p1"]["versions"]] == [v["saved"] for v in reversed(versions)]
    assert "Första tanken" not in json.dumps(data, ensure_ascii=False)
    assert data["entries"]["p1"]["current"] == "Andra tanken, omskriven"
    assert data["journal"]["p1"] == "Andra tanken, omskriven" and data["revision"] == block.revision
    status, body, response = call(runtime, block, "entry_history", method="GET", query="key=p1")
    assert status == 200 and response.headers["Cache-Control"] == "no-store"
    assert [v["text"] for v in body["versions"]] == ["Andra tanken, omskriven", "Första tanken"]
    for bad in ("key=p9", "key=%3Cscript%3E", ""):
        status, body, _ = call(runtime, block, "entry_history", method="GET", query=bad)
        assert status == 400 and "Övningen har ingen fråga" in body["error"]
    assert call(runtime, block, "entry_history", method="POST", query="key=p1")[0] == 405


def test_completion_is_published_once_when_every_prompt_is_long_enough(runtime, block):
    assert commit(runtime, block, "p1", "Tillräckligt lång text")[1]["completed"] is False
    assert commit(runtime, block, "p2", "kort")[1]["completed"] is False
    assert not [e for e in runtime.events if "completion" in str(e)]
    status, body, _ = commit(runtime, block, "p2", "Nu är det tillräckligt långt")
    assert status == 200 and body["completed"] is True
    completion = [e for e in runtime.events if "completion" in str(e)]
    assert len(completion) == 1
    commit(runtime, block, "p2", "Ändrat igen, fortfarande långt")
    assert len([e for e in runtime.events if "completion" in str(e)]) == 1


def test_a_draft_of_the_follow_up_waits_for_its_date_then_opens(runtime, block, today):
    today(datetime.date(2026, 3, 1))
    assert commit(runtime, block, "p1", "Första svaret")[0] == 200
    status, body, _ = drafts(runtime, block, {"followup": "för tidigt"})
    assert status == 409 and "Uppföljningsfrågan öppnar" in body["error"]
    assert "followup" not in block.journal["entries"]
    first = block.journal["entries"]["p1"]["first_saved"][:10]
    today(datetime.date.fromisoformat(first) + datetime.timedelta(days=30))
    assert drafts(runtime, block, {"followup": "Nu har jag använt det"})[0] == 200
    assert commit(runtime, block, "followup", "Nu har jag använt det")[0] == 200
    html = render_html(runtime, block)
    assert 'data-field="followup"' in html and "Påminn mig" not in html


def test_learner_picks_a_date_for_the_follow_up(runtime, block, today):
    day = today(datetime.date(2026, 3, 1))
    status, body, _ = call(runtime, block, "set_followup_date", {"date": "2026-03-10"})
    assert status == 200 and body["followup"]["opens_on"] == "2026-03-10" and body["followup"]["source"] == "picked"
    assert block.followup_date == "2026-03-10"
    assert 'value="2026-03-10"' in render_html(runtime, block)
    today(day + datetime.timedelta(days=9))
    assert 'data-field="followup"' in render_html(runtime, block)
    assert drafts(runtime, block, {"followup": "öppen nu"})[0] == 200
    status, body, _ = call(runtime, block, "set_followup_date", {"date": ""})
    assert status == 200 and block.followup_date == ""


def test_same_text_twice_is_one_version_and_an_empty_save_is_refused(runtime, block):
    commit(runtime, block, "p1", "Text")
    status, body, _ = commit(runtime, block, "p1", "Text")
    assert status == 200 and body["changed"] is False
    before = copy.deepcopy(block.journal)
    status, body, _ = commit(runtime, block, "p1", "  \n ")
    assert status == 400 and body["error"] == "Skriv något innan du sparar."
    assert block.journal == before


def test_the_21st_version_prunes_the_oldest_and_says_so(runtime, block):
    for n in range(MAX_VERSIONS):
        assert commit(runtime, block, "p1", f"version {n}")[0] == 200
    data = page_data(render_html(runtime, block))
    assert data["entries"]["p1"]["full"] is True  # the page warns before the next save
    oldest = block.journal["entries"]["p1"]["versions"][0]["saved"]
    status, body, _ = commit(runtime, block, "p1", "version 20")
    assert status == 200 and body["pruned"] == [{"key": "p1", "saved": oldest}]
    assert body["entries"]["p1"]["pruned"] == 1 and len(body["entries"]["p1"]["versions"]) == MAX_VERSIONS


def test_over_the_limit_is_refused_with_the_numbers_and_nothing_changes(runtime, block):
    commit(runtime, block, "p1", "Sparad")
    before = (copy.deepcopy(block.journal), block.revision)
    status, body, _ = drafts(runtime, block, {"p1": "x" * (MAX_ENTRY_CHARS + 7)})
    assert status == 400 and "20\u00a0007 tecken" in body["error"] and "Korta den med 7 tecken" in body["error"]
    status, body, _ = commit(runtime, block, "p1", "y" * (MAX_ENTRY_CHARS + 1))
    assert status == 400 and "1 tecken" in body["error"]
    assert (block.journal, block.revision) == before
    with translation.override("en"):
        status, body, _ = drafts(runtime, block, {"p1": "x" * (MAX_ENTRY_CHARS + 7)})
    assert "Shorten it by 7 characters" in body["error"]


def test_two_tabs_the_stale_one_gets_409_with_the_saved_texts(runtime, block):
    assert drafts(runtime, block, {"p1": "Flik A", "p2": ""})[0] == 200
    before = copy.deepcopy(block.journal)
    status, body, _ = drafts(runtime, block, {"p1": "Flik B", "p2": ""}, revision=0)
    assert status == 409 and body["code"] == "conflict" and body["journal"] == {"p1": "Flik A", "p2": ""}
    assert body["revision"] == 1 and block.journal == before
    status, body, _ = commit(runtime, block, "p1", "Flik B", revision=0)
    assert status == 409 and block.journal == before


def test_markup_is_stored_as_typed_and_never_reaches_the_html_unescaped(runtime, block):
    assert commit(runtime, block, "p1", HOSTILE)[0] == 200
    html = render_html(runtime, block)
    assert "<script>alert" not in html and "<img src=x" not in html and "</script><img" not in html
    assert page_data(html)["journal"]["p1"] == HOSTILE
    assert block.journal["entries"]["p1"]["versions"][0]["text"] == HOSTILE


def test_share_setting_marks_versions_and_the_page_says_so_before_writing(runtime, make_block):
    block = make_block(xml='<reflection_journal share_with_staff="true"/>')
    html = render_html(runtime, block)
    assert "Kursansvariga kan läsa det du sparar här" in html
    assert html.index("Kursansvariga kan läsa") < html.index("<textarea")
    assert page_data(html)["told"] is True
    commit(runtime, block, "p1", "Delad text", told=True)
    assert block.journal["entries"]["p1"]["versions"][0]["shared"] is True
    # A page loaded before staff turned sharing on told the learner "private": that save stays private.
    commit(runtime, block, "p1", "Skrivet på en sida som sa privat", told=False)
    assert block.journal["entries"]["p1"]["versions"][1]["shared"] is False
    private = make_block(user="student_2")
    assert "Det du skriver här är privat" in render_html(runtime, private)
    commit(runtime, private, "p1", "Privat", told=True)  # the setting is off: "told" alone shares nothing
    assert private.journal["entries"]["p1"]["versions"][0]["shared"] is False


def test_a_damaged_stored_journal_is_never_replaced_by_a_save(runtime, block):
    block.journal = {"version": 1, "entries": {"p1": {"versions": "trasig"}}}
    html = render_html(runtime, block)
    assert "<textarea" in html  # the page still opens
    for handler, body in (("save_drafts", {"journal": {"p1": "ny"}, "revision": 0}),
                          ("commit_entry", {"key": "p1", "text": "ny", "revision": 0})):
        status, answer, _ = call(runtime, block, handler, body)
        assert status == 409 and "fel form" in answer["error"], answer
    assert block.journal == {"version": 1, "entries": {"p1": {"versions": "trasig"}}}


# ---------------------------------------------------------------- the course-wide copy and view

def test_each_save_updates_the_learner_copy_in_user_info(runtime, make_block):
    first = make_block(xml='<reflection_journal display_name="Övning 1" module_name="Modul 1"/>')
    second = make_block(xml='<reflection_journal display_name="Övning 2" module_name="Modul 2" '
                            'prompts=\'["Vad lärde du dig?"]\'/>')
    commit(runtime, first, "p1", "Svar i övning ett")
    commit(runtime, second, "p1", "Svar i övning två")
    index = second.reflection_journal["workbench"]
    assert len(index["blocks"]) == 2
    journal = make_block(xml='<reflection_journal display_name="Min loggbok" view="course_journal"/>')
    assert "Svar i övning" not in render_html(runtime, journal)  # the page is a shell: the entries come by GET
    data = call(runtime, journal, "journal_page", method="GET", query="page=1")[1]
    assert data["total"] == 2
    assert [(g["module"], [e["text"] for x in g["exercises"] for e in x["entries"]]) for g in data["groups"]] == [
        ("Modul 1", ["Svar i övning ett"]), ("Modul 2", ["Svar i övning två"])]
    assert "<textarea" not in render_html(runtime, journal)


def test_render_heals_a_missing_copy(runtime, block):
    commit(runtime, block, "p1", "Text")
    block.reflection_journal = {}
    render_html(runtime, block)
    assert block.reflection_journal["workbench"]["blocks"]


def test_another_learner_sees_nothing_of_the_first(runtime, make_block):
    block = make_block()
    commit(runtime, block, "p1", "Hemligt")
    other = make_block(xml='<reflection_journal view="course_journal"/>', user="student_2")
    body = call(runtime, other, "journal_page", method="GET", query="page=1")[1]
    assert "Hemligt" not in json.dumps(body, ensure_ascii=False) and body["total"] == 0


def test_journal_page_handler_pages_and_refuses_bad_pages(runtime, make_block):
    block = make_block()
    commit(runtime, block, "p1", "Text")
    journal = make_block(xml='<reflection_journal view="course_journal"/>')
    status, body, _ = call(runtime, journal, "journal_page", method="GET", query="page=1")
    assert status == 200 and body["total"] == 1 and body["page"] == 1
    for bad in ("0x1", "-1", "abc", "9" * 20):
        assert call(runtime, journal, "journal_page", method="GET", query=f"page={bad}")[0] == 400
    assert call(runtime, journal, "journal_page", method="POST", query="page=1")[0] == 405


def _download(runtime, block, fmt):
    return call(runtime, block, "download_journal", method="GET", query=f"format={fmt}")[2]


def test_downloads_word_and_markdown_from_any_journal_block(runtime, make_block):
    block = make_block(xml='<reflection_journal display_name="Övning 1" module_name="Modul 1"/>')
    commit(runtime, block, "p1", HOSTILE + "\nRad två")
    journal = make_block(xml='<reflection_journal view="course_journal"/>')
    response = _download(runtime, journal, "docx")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "min-loggbok.docx" in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.body))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Min loggbok" and "Modul 1" in texts and "Övning 1" in texts
    assert HOSTILE + "\nRad två" in texts
    response = _download(runtime, block, "md")
    assert response.status_code == 200 and response.content_type == "text/markdown"
    text = response.body.decode("utf-8")
    assert text.startswith("# Min loggbok") and "\\<script>alert(1)\\</script>" in text
    assert _download(runtime, block, "pdf").status_code == 400
    with translation.override("en"):
        response = _download(runtime, block, "md")
    assert "my-journal.md" in response.headers["Content-Disposition"] and b"# My journal" in response.body


# ---------------------------------------------------------------- hostile requests

GOOD = {"journal": {"p1": "ok"}, "revision": 0}
HOSTILE_REQUESTS = [
    ("invalid json", {"raw": b'{"journal": '}),
    ("array", {"raw": b"[]"}),
    ("null", {"raw": b"null"}),
    ("empty body", {"raw": b""}),
    ("deep arrays", {"raw": b"[" * 5000 + b"]" * 5000}),
    ("deep objects", {"body": {"journal": {"p1": {"a": {"b": {"c": "x"}}}}, "revision": 0}}),
    ("3 MB body", {"raw": b'{"journal": {"p1": "' + b"a" * (3 * 1024 * 1024) + b'"}, "revision": 0}'}),
    ("GET", {"method": "GET"}),
    ("PUT", {"method": "PUT", "body": GOOD}),
    ("unknown top-level key", {"body": dict(GOOD, admin=True)}),
    ("missing revision", {"body": {"journal": {"p1": "x"}}}),
    ("revision as text", {"body": {"journal": {"p1": "x"}, "revision": "0"}}),
    ("revision true", {"body": {"journal": {"p1": "x"}, "revision": True}}),
    ("revision huge", {"body": {"journal": {"p1": "x"}, "revision": 2 ** 70}}),
    ("NaN", {"raw": b'{"journal": {}, "revision": NaN}'}),
    ("invalid UTF-8", {"raw": b'{"journal": {"p1": "\xff\xfe"}, "revision": 0}'}),
    ("lone surrogate", {"raw": b'{"journal": {"p1": "\\ud800"}, "revision": 0}'}),
    ("journal is text", {"body": {"journal": "x", "revision": 0}}),
    ("journal is a list", {"body": {"journal": ["x"], "revision": 0}}),
    ("unknown prompt", {"body": {"journal": {"p9": "x"}, "revision": 0}}),
    ("prompt key with markup", {"body": {"journal": {"<script>": "x"}, "revision": 0}}),
    ("text is a number", {"body": {"journal": {"p1": 5}, "revision": 0}}),
    ("text is null", {"body": {"journal": {"p1": None}, "revision": 0}}),
    ("text too long", {"body": {"journal": {"p1": "x" * (MAX_ENTRY_CHARS + 1)}, "revision": 0}}),
    ("follow-up not open", {"body": {"journal": {"followup": "x"}, "revision": 0}}),
    ("stale revision", {"body": {"journal": {"p1": "x"}, "revision": 7}}),
]
COMMIT_REQUESTS = [
    ("missing key", {"body": {"text": "x", "revision": 0}}),
    ("key is a list", {"body": {"key": ["p1"], "text": "x", "revision": 0}}),
    ("unknown key", {"body": {"key": "p7", "text": "x", "revision": 0}}),
    ("text is an object", {"body": {"key": "p1", "text": {"t": 1}, "revision": 0}}),
    ("empty text", {"body": {"key": "p1", "text": "", "revision": 0}}),
    ("extra key", {"body": {"key": "p1", "text": "x", "revision": 0, "shared": True}}),
    ("follow-up not open", {"body": {"key": "followup", "text": "x", "revision": 0}}),
    ("GET", {"method": "GET"}),
    ("300 KB body", {"raw": b'{"key": "p1", "text": "' + b"a" * 300_000 + b'", "revision": 0}'}),
]
DATE_REQUESTS = [
    ("missing date", {"body": {}}),
    ("date is a number", {"body": {"date": 20260101}}),
    ("not a date", {"body": {"date": "imorgon"}}),
    ("impossible date", {"body": {"date": "2026-02-30"}}),
    ("in the past", {"body": {"date": "2001-01-01"}}),
    ("too far", {"body": {"date": "2099-01-01"}}),
    ("extra key", {"body": {"date": "", "x": 1}}),
    ("big body", {"raw": b'{"date": "' + b"1" * 1000 + b'"}'}),
    ("GET", {"method": "GET"}),
]
CASES = ([pytest.param("save_drafts", n, s, id=f"drafts-{n}") for n, s in HOSTILE_REQUESTS]
         + [pytest.param("commit_entry", n, s, id=f"commit-{n}") for n, s in COMMIT_REQUESTS + HOSTILE_REQUESTS[:9]]
         + [pytest.param("set_followup_date", n, s, id=f"date-{n}") for n, s in DATE_REQUESTS])


@pytest.mark.parametrize("handler,name,spec", CASES)
def test_hostile_requests_get_a_4xx_json_message_and_change_nothing(runtime, block, handler, name, spec):
    assert commit(runtime, block, "p1", "Sparad text")[0] == 200
    call(runtime, block, "set_followup_date", {"date": (datetime.date.today() + datetime.timedelta(days=5))
                                              .isoformat()})
    body = spec.get("body")
    if isinstance(body, dict) and body.get("revision") == 0:
        body = dict(body, revision=block.revision)
    before = (copy.deepcopy(block.journal), block.revision, block.saved_at, block.followup_date,
              copy.deepcopy(block.reflection_journal), block.completed)
    status, answer, response = call(runtime, block, handler, body=body, raw=spec.get("raw"),
                                    method=spec.get("method", "POST"))
    assert 400 <= status < 500, (name, status, answer)
    assert response.content_type == "application/json"
    assert isinstance(answer["error"], str) and answer["error"] and "Traceback" not in answer["error"]
    after = (block.journal, block.revision, block.saved_at, block.followup_date, block.reflection_journal,
             block.completed)
    assert after == before
    if spec.get("method") in ("GET", "PUT"):
        assert status == 405
    if "MB body" in name or "300 KB" in name:
        assert status == 413


def test_student_view_user_state_gives_the_working_texts(runtime, block):
    drafts(runtime, block, {"p1": "utkast"})
    status, body, response = call(runtime, block, "student_view_user_state", method="GET")
    assert status == 200 and body["journal"] == {"p1": "utkast", "p2": ""} and body["revision"] == 1
    assert response.headers["Cache-Control"] == "no-store"


def test_an_answer_to_a_question_staff_removed_is_kept_shown_and_exported(runtime, block):
    commit(runtime, block, "p2", "Svar på den andra frågan <b>")
    block.prompts = [{"text": "Bara en fråga kvar"}]
    html = render_html(runtime, block)
    assert "Tidigare fråga" in html and "Svar på den andra frågan &lt;b&gt;" in html
    assert "Vad gör du annorlunda?" in html  # the question as it read when the learner answered
    entries = block.reflection_journal["workbench"]["blocks"][str(block.scope_ids.usage_id)]["entries"]
    assert [(e["key"], e["prompt"]) for e in entries] == [("p2", "Vad gör du annorlunda?")]
    assert drafts(runtime, block, {"p2": "x"})[0] == 400  # no longer writable, still readable


def test_the_follow_up_date_as_a_calendar_file(runtime, block, today):
    today(datetime.date(2026, 3, 1))
    status, body, _ = call(runtime, block, "followup_calendar", method="GET")
    assert status == 409  # no date yet: no first answer, nothing picked
    call(runtime, block, "set_followup_date", {"date": "2026-03-20"})
    status, body, response = call(runtime, block, "followup_calendar", method="GET")
    assert status == 200 and response.content_type == "text/calendar"
    assert "titta-tillbaka.ics" in response.headers["Content-Disposition"]
    text = body.decode("utf-8")
    assert "DTSTART;VALUE=DATE:20260320" in text and "SUMMARY:Titta tillbaka i loggboken: Reflektion" in text
    assert "Vad har du använt sedan kursen?" in text.replace("\r\n ", "")
    assert call(runtime, block, "followup_calendar", method="POST")[0] == 405
    html = render_html(runtime, block)
    assert 'data-calendar="1">' in html  # shown once there is a date


def test_autosaves_that_leave_the_copy_unchanged_do_not_rewrite_it(runtime, block, monkeypatch):
    from recruitment_core.journal import course as jcourse
    commit(runtime, block, "p1", "Sparad text")
    writes = []
    original = jcourse.needs_update

    def spy(*args):
        result = original(*args)
        if result:
            writes.append(args)
        return result
    monkeypatch.setattr(jcourse, "needs_update", spy)
    drafts(runtime, block, {"p1": "Sparad text, utkast 1"})  # the copy now says "a newer draft exists"
    drafts(runtime, block, {"p1": "Sparad text, utkast 2"})
    drafts(runtime, block, {"p1": "Sparad text, utkast 3"})
    assert len(writes) == 1
    render_html(runtime, block)
    assert len(writes) == 1  # a render after the saves finds the copy current
    block.display_name = "Nytt namn"  # staff renamed the exercise: the next render brings the copy up to date
    render_html(runtime, block)
    assert len(writes) == 2
    assert block.reflection_journal["workbench"]["blocks"][str(block.scope_ids.usage_id)]["title"] == "Nytt namn"


def test_the_cached_page_shell_never_mixes_learners_or_blocks(runtime, make_block):
    a = make_block(xml='<reflection_journal display_name="&lt;b&gt;Övning&lt;/b&gt; A"/>')
    commit(runtime, a, "p1", "Annas text")
    b = make_block(xml='<reflection_journal display_name="&lt;b&gt;Övning&lt;/b&gt; A"/>', user="student_2")
    html_a, html_b = render_html(runtime, a), render_html(runtime, b)
    assert "&lt;b&gt;Övning&lt;/b&gt; A" in html_a and "<b>Övning" not in html_a
    assert page_data(html_a)["journal"]["p1"] == "Annas text" and page_data(html_b)["journal"]["p1"] == ""
    assert "__RJ_" not in html_a + html_b
    other = make_block(xml='<reflection_journal display_name="Övning B" prompts=\'["Fråga __RJ_DATA_JSON__"]\'/>')
    html = render_html(runtime, other)
    assert "Fråga __RJ_DATA_JSON__" in html and page_data(html)["revision"] == 0


def test_saving_the_drafted_text_keeps_the_revision_a_different_text_bumps_it(runtime, block):
    drafts(runtime, block, {"p1": "Utkastet"})
    revision = block.revision
    status, body, _ = commit(runtime, block, "p1", "Utkastet")
    assert status == 200 and body["revision"] == revision == block.revision  # no tab has anything to merge
    copy = block.reflection_journal["workbench"]["blocks"][str(block.scope_ids.usage_id)]["entries"][0]
    assert (copy["text"], copy["versions"], copy["draft"]) == ("Utkastet", 1, "")  # Min loggbok follows
    status, body, _ = commit(runtime, block, "p1", "En annan text än utkastet")
    assert status == 200 and body["revision"] == revision + 1  # the box's text changed: other tabs must merge
    status, body, _ = commit(runtime, block, "p1", "En annan text än utkastet", revision=revision)
    assert status == 409  # a stale page is still told


# ---------------------------------------------------------------- two blocks' requests overlapping

def _fresh(runtime, block):
    """A new instance of ``block`` for the next request, as the LMS builds one per request."""
    return runtime.construct_xblock_from_class(type(block), block.scope_ids)


def _copy_texts(runtime, block):
    stored = block._field_data.get(block, "reflection_journal")  # pylint: disable=protected-access
    part = stored["workbench"]["blocks"].get(str(block.scope_ids.usage_id), {"entries": []})
    return {e["key"]: (e["text"], e["draft"]) for e in part["entries"]}


@pytest.mark.parametrize("in_flight", ["commit", "autosave"])
@pytest.mark.parametrize("heal", ["render", "save", "download"])
def test_a_stale_copy_written_back_by_another_block_is_healed(runtime, make_block, in_flight, heal):
    """user_info is one dict that each request reads and writes whole. Block 2's request reads it before block
    1's request writes, and writes after: block 1's old copy comes back. The next render or save of block 1
    must notice (its user_state says the copy is current) and bring "Min loggbok" up to date."""
    first = make_block(xml='<reflection_journal display_name="Övning 1" module_name="Modul 1" '
                           'prompts=\'["Fråga ett", "Fråga två"]\'/>')
    second = make_block(xml='<reflection_journal display_name="Övning 2" module_name="Modul 2"/>')
    commit(runtime, first, "p1", "Första versionen")
    commit(runtime, second, "p1", "Svar i övning två")
    data = first._field_data  # pylint: disable=protected-access  (the store both blocks' requests share)
    read_by_second = copy.deepcopy(data.get(first, "reflection_journal"))  # block 2's request reads the index
    first = _fresh(runtime, first)
    if in_flight == "commit":  # ... block 1's request writes its new copy ...
        assert commit(runtime, first, "p1", "Andra versionen")[0] == 200
        expected = {"p1": ("Andra versionen", "")}
    else:
        assert drafts(runtime, first, {"p1": "Första versionen", "p2": "Ett utkast i fråga två"})[0] == 200
        expected = {"p1": ("Första versionen", ""), "p2": ("Ett utkast i fråga två", "only")}
    assert _copy_texts(runtime, first) == expected
    data.set(second, "reflection_journal", read_by_second)  # ... block 2 goes on from what it read ...
    second = _fresh(runtime, second)
    assert drafts(runtime, second, {"p1": "Svar i övning två, utkast"})[0] == 200  # ... and writes it all back
    assert _copy_texts(runtime, first) == {"p1": ("Första versionen", "")}  # the lost update (the defect)

    first = _fresh(runtime, first)
    if heal == "render":
        render_html(runtime, first)
    elif heal == "save":  # an autosave that changes nothing block 1 shows
        assert drafts(runtime, first, {"p1": expected["p1"][0]} | (
            {"p2": expected["p2"][0]} if "p2" in expected else {}))[0] == 200
    else:
        assert _download(runtime, first, "md").status_code == 200
    assert _copy_texts(runtime, first) == expected
    assert _copy_texts(runtime, second) == {"p1": ("Svar i övning två", "newer")}  # block 2's own part kept
    journal = _fresh(runtime, make_block(xml='<reflection_journal view="course_journal"/>'))
    page = json.dumps(call(runtime, journal, "journal_page", method="GET", query="page=1")[1], ensure_ascii=False)
    markdown = _download(runtime, journal, "md").body.decode("utf-8")
    for text, _draft in expected.values():
        assert text in page and text in markdown
    if in_flight == "commit":
        assert "Första versionen" not in page and "Första versionen" not in markdown


def test_a_render_with_a_current_copy_reads_no_more_than_before(runtime, make_block, monkeypatch):
    """The check costs a lookup: a render after the saves builds no copy and writes nothing."""
    from recruitment_core.journal import course as jcourse
    first = make_block()
    commit(runtime, first, "p1", "Sparad text")
    built = []
    original = jcourse.block_copy
    monkeypatch.setattr(jcourse, "block_copy", lambda *a: built.append(1) or original(*a))
    before = copy.deepcopy(first._field_data.get(first, "reflection_journal"))  # pylint: disable=protected-access
    for _ in range(3):
        render_html(runtime, _fresh(runtime, first))
    assert built == [] and first._field_data.get(first, "reflection_journal") == before  # pylint: disable=protected-access


def test_a_copy_and_signature_of_the_version_1_shape_get_the_new_one_once(runtime, make_block, monkeypatch):
    from recruitment_core.journal import course as jcourse
    block = make_block()
    commit(runtime, block, "p1", "Sparad text")
    data = block._field_data  # pylint: disable=protected-access
    index = copy.deepcopy(data.get(block, "reflection_journal"))
    usage = str(block.scope_ids.usage_id)
    del index["workbench"]["blocks"][usage]["sig"]
    index["workbench"]["version"] = 1
    data.set(block, "reflection_journal", index)
    data.set(block, "indexed", block.indexed.partition(" ")[0])  # "<revision>:<hash>", as version 1 wrote it
    built = []
    original = jcourse.block_copy
    monkeypatch.setattr(jcourse, "block_copy", lambda *a: built.append(1) or original(*a))
    render_html(runtime, _fresh(runtime, block))
    stored = data.get(block, "reflection_journal")["workbench"]
    assert built == [1] and stored["version"] == 2 and stored["blocks"][usage]["sig"]
    assert data.get(block, "indexed").endswith(" " + stored["blocks"][usage]["sig"])
    render_html(runtime, _fresh(runtime, block))
    assert built == [1]  # from then on a render is a lookup again
