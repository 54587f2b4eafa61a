"""The journal domain model: prompts, validation, drafts, versions and pruning, follow-up, completion, report."""
import datetime

import pytest

from recruitment_core.journal import followup
from recruitment_core.journal import model as jm
from recruitment_core.journal.report import report_row, spreadsheet_safe
from recruitment_core.journal.text import format_date, format_number

T0 = "2026-03-02T09:00:00+00:00"
T1 = "2026-03-05T10:30:00+00:00"
T2 = "2026-03-09T08:00:00+00:00"
PROMPTS = jm.validate_prompts([{"text": "Vad tar du med dig?", "guidance": "Tänk på en rekrytering."},
                               "Vad gör du annorlunda nästa gång?"])


def at(day, hour=12):
    return datetime.datetime(2026, 3, day, hour, tzinfo=datetime.timezone.utc).isoformat()


# ---------------------------------------------------------------- prompts

def test_prompts_get_ids_by_position_and_keep_explicit_ids():
    assert [p["id"] for p in PROMPTS] == ["p1", "p2"]
    assert PROMPTS[0] == {"id": "p1", "text": "Vad tar du med dig?", "guidance": "Tänk på en rekrytering."}
    assert PROMPTS[1]["guidance"] == ""
    custom = jm.validate_prompts([{"id": "start", "text": "A"}, {"text": "B", "guidance": None}])
    assert [p["id"] for p in custom] == ["start", "p2"]


@pytest.mark.parametrize("bad", [
    "text", {"text": "a"}, [{"text": ""}], [{"text": "   "}], [{"text": 5}], [{"text": "a", "extra": 1}],
    [{"text": "a", "guidance": 3}], [{"text": "x" * (jm.MAX_PROMPT_CHARS + 1)}], [["a"]],
    [{"text": "a", "id": "followup"}], [{"text": "a", "id": "Bad Id"}], [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}],
    [{"text": f"q{i}"} for i in range(jm.MAX_PROMPTS + 1)],
])
def test_bad_prompts_are_refused(bad):
    with pytest.raises(jm.JournalError) as err:
        jm.validate_prompts(bad)
    assert err.value.code == "bad_prompts"
    assert jm.prompts_or_empty(bad) == []


# ---------------------------------------------------------------- text

def test_text_is_cleaned_and_limited_with_a_message_that_says_by_how_much():
    assert jm.check_text("a\r\nb\rc\x00\x07d\te") == "a\nb\ncd\te"
    assert len(jm.check_text("å" * jm.MAX_ENTRY_CHARS)) == jm.MAX_ENTRY_CHARS
    with pytest.raises(jm.JournalError) as err:
        jm.check_text("x" * (jm.MAX_ENTRY_CHARS + 5300))
    assert err.value.code == "too_long" and err.value.params["over"] == 5300
    sv = err.value.localized("sv")
    # Numbers as swedish-style.md writes them (QA: the message said "25300" and "20000").
    assert "25\u00a0300 tecken" in sv and "högst 20\u00a0000" in sv and "5\u00a0300" in sv and "finns kvar" in sv
    assert "Shorten it by 5,300 characters" in err.value.localized("en")
    with pytest.raises(jm.JournalError):
        jm.check_text(["list"])
    with pytest.raises(jm.JournalError) as err:
        jm.check_text("  \n ", allow_empty=False)
    assert err.value.code == "empty_text"


# ---------------------------------------------------------------- drafts and versions

def test_draft_then_save_then_edit_keeps_both_versions_with_dates():
    state = jm.save_draft(jm.empty_state(), "p1", "Första tanken", T0)
    assert state["entries"]["p1"]["draft"] == "Första tanken" and state["entries"]["p1"]["versions"] == []
    state, result = jm.commit(state, "p1", "Första tanken", T0, prompt="Vad tar du med dig?")
    assert result == {"changed": True, "pruned": []}
    entry = state["entries"]["p1"]
    assert entry["draft"] == "" and entry["first_saved"] == T0 and entry["prompt"] == "Vad tar du med dig?"
    state = jm.save_draft(state, "p1", "Andra tanken, längre", T1)
    assert jm.current_text(state["entries"]["p1"]) == "Första tanken"
    state, _ = jm.commit(state, "p1", "Andra tanken, längre", T1)
    history = jm.history(state["entries"]["p1"])
    assert [(h["text"], h["saved"], h["current"]) for h in history] == [
        ("Andra tanken, längre", T1, True), ("Första tanken", T0, False)]
    assert state["entries"]["p1"]["first_saved"] == T0


def test_operations_never_change_their_input():
    base = jm.empty_state()
    state, _ = jm.commit(base, "p1", "Text", T0)
    snapshot = repr(state)
    jm.save_draft(state, "p1", "Nytt utkast", T1)
    jm.commit(state, "p1", "Ny version", T1)
    assert repr(state) == snapshot and base == jm.empty_state()


def test_same_text_adds_no_version_and_a_draft_equal_to_the_saved_text_is_no_draft():
    state, _ = jm.commit(jm.empty_state(), "p1", "Samma", T0)
    state2, result = jm.commit(state, "p1", "Samma", T1)
    assert result["changed"] is False and len(state2["entries"]["p1"]["versions"]) == 1
    state3 = jm.save_draft(state, "p1", "Samma", T1)
    assert state3["entries"]["p1"]["draft"] == "" and state3["entries"]["p1"]["draft_saved"] == ""


def test_clearing_a_draft_of_an_unsaved_entry_removes_the_entry():
    state = jm.save_draft(jm.empty_state(), "p1", "x", T0)
    assert jm.save_draft(state, "p1", "", T1)["entries"] == {}


def test_empty_save_is_refused_and_earlier_versions_stay():
    state, _ = jm.commit(jm.empty_state(), "p1", "Text", T0)
    with pytest.raises(jm.JournalError) as err:
        jm.commit(state, "p1", "   ", T1)
    assert err.value.code == "empty_text"
    assert jm.current_text(state["entries"]["p1"]) == "Text"


def test_the_21st_version_prunes_the_oldest_and_the_learner_is_told_before_and_after():
    state = jm.empty_state()
    for i in range(jm.MAX_VERSIONS):
        state, result = jm.commit(state, "p1", f"version {i}", at(1 + i % 28, i % 24))
        assert result["pruned"] == []
    oldest = state["entries"]["p1"]["versions"][0]
    assert jm.prune_preview(state, "p1", "version 20") == [{"key": "p1", "saved": oldest["saved"]}]
    assert jm.prune_preview(state, "p1", "version 19") == []  # same text: no new version, nothing removed
    state, result = jm.commit(state, "p1", "version 20", T2)
    assert result["pruned"] == [{"key": "p1", "saved": oldest["saved"]}]
    entry = state["entries"]["p1"]
    assert len(entry["versions"]) == jm.MAX_VERSIONS and entry["pruned"] == 1
    assert entry["versions"][0]["text"] == "version 1" and entry["versions"][-1]["text"] == "version 20"
    assert entry["first_saved"] == oldest["saved"]  # the follow-up still counts from the very first entry


def test_block_text_budget_prunes_oldest_earlier_versions_across_entries_never_a_current_one():
    big = jm.MAX_ENTRY_CHARS
    state = jm.empty_state()
    day = 1
    for key in ("p1", "p2", "p3", "p4"):
        for n in range(8):
            state, _ = jm.commit(state, key, f"{key}-{n}-" + "x" * (big - 10), at(day, n))
        day += 1
    assert jm.state_chars(state) <= jm.MAX_STATE_CHARS
    assert sum(e["pruned"] for e in state["entries"].values()) > 0
    for key in ("p1", "p2", "p3", "p4"):
        assert jm.current_text(state["entries"][key]).startswith(f"{key}-7-")
    # p1's versions were the oldest, so they went first
    assert state["entries"]["p1"]["pruned"] > 0 and state["entries"]["p4"]["pruned"] == 0


def test_a_full_block_refuses_a_draft_instead_of_dropping_anything():
    state = jm.empty_state()
    full = "x" * jm.MAX_ENTRY_CHARS
    for i in range(jm.MAX_ENTRIES):
        key = f"k{i}"
        state["entries"][key] = dict(jm.empty_entry(), versions=[{"text": full, "saved": T0, "shared": False}],
                                     draft=full if i < 3 else "", first_saved=T0)
    assert jm.state_chars(state) > jm.MAX_STATE_CHARS - 3 * jm.MAX_ENTRY_CHARS
    with pytest.raises(jm.JournalError) as err:
        jm.save_draft(state, "k5", full[:-1], T1)
    assert err.value.code == "state_full" and err.value.status == 413
    with pytest.raises(jm.JournalError):
        jm.save_draft(state, "new", "x", T1)  # no room for another entry


# ---------------------------------------------------------------- stored state

def test_validate_state_fills_defaults_and_round_trips():
    state, _ = jm.commit(jm.empty_state(), "p1", "Text", T0, shared=True)
    state = jm.save_draft(state, "p2", "Utkast", T1)
    state["followup_date"] = "2026-06-01"
    assert jm.validate_state(state) == state
    assert jm.validate_state({}) == jm.empty_state() and jm.validate_state(None) == jm.empty_state()
    partial = {"entries": {"p1": {"versions": [{"text": "a", "saved": T0}]}}}
    clean = jm.validate_state(partial)
    assert clean["entries"]["p1"]["first_saved"] == T0 and clean["entries"]["p1"]["versions"][0]["shared"] is False


@pytest.mark.parametrize("bad", [
    [], "x", {"version": 2}, {"other": 1}, {"entries": []}, {"entries": {"Bad key": {}}},
    {"entries": {"p1": []}}, {"entries": {"p1": {"versions": "x"}}}, {"entries": {"p1": {"versions": [1]}}},
    {"entries": {"p1": {"versions": [{"text": 1, "saved": T0}]}}},
    {"entries": {"p1": {"versions": [{"text": "a", "saved": "yesterday"}]}}},
    {"entries": {"p1": {"versions": [{"text": "x" * (jm.MAX_ENTRY_CHARS + 1), "saved": T0}]}}},
    {"entries": {"p1": {"versions": [{"text": "a", "saved": T0}] * (jm.MAX_VERSIONS + 1)}}},
    {"entries": {"p1": {"draft": 5}}}, {"entries": {"p1": {"pruned": -1}}}, {"entries": {"p1": {"pruned": True}}},
    {"entries": {"p1": {"unknown": 1}}}, {"followup_date": "2026-02-30"}, {"followup_date": "1/3/2026"},
    {"entries": {f"p{i}": {} for i in range(jm.MAX_ENTRIES + 1)}},
])
def test_validate_state_refuses_wrong_shapes(bad):
    with pytest.raises(jm.JournalError) as err:
        jm.validate_state(bad)
    assert err.value.code == "bad_state"


# ---------------------------------------------------------------- completion

def test_completion_needs_every_prompt_saved_at_the_minimum_length():
    state, _ = jm.commit(jm.empty_state(), "p1", "  " + "a" * 50 + "  ", T0)
    assert not jm.is_complete(state, PROMPTS, 50)
    state = jm.save_draft(state, "p2", "b" * 80, T1)
    assert not jm.is_complete(state, PROMPTS, 50)  # a draft is not an entry
    state, _ = jm.commit(state, "p2", "b" * 49, T1)
    assert not jm.is_complete(state, PROMPTS, 50)
    state, _ = jm.commit(state, "p2", "b" * 50, T1)
    assert jm.is_complete(state, PROMPTS, 50)
    assert jm.is_complete(state, PROMPTS, 0)
    assert not jm.is_complete(state, [], 0)  # a block without prompts never completes


# ---------------------------------------------------------------- follow-up

def test_followup_opens_days_after_the_first_entry_or_on_the_picked_date():
    today = datetime.date(2026, 3, 10)
    state = jm.empty_state()
    info = followup.status(state, "Vad har du använt?", 30, today)
    assert info == {"enabled": True, "open": False, "opens_on": "", "source": "waiting", "written": False}
    state, _ = jm.commit(state, "p2", "later", T1)
    state, _ = jm.commit(state, "p1", "first", T0)
    info = followup.status(state, "Vad har du använt?", 30, today)
    assert info["opens_on"] == "2026-04-01" and info["source"] == "days" and not info["open"]
    assert followup.status(state, "Vad har du använt?", 30, datetime.date(2026, 4, 1))["open"]
    assert followup.status(state, "Vad har du använt?", 0, datetime.date(2026, 3, 2))["open"]
    picked = followup.with_pick(state, "2026-03-20", today)
    info = followup.status(picked, "Vad har du använt?", 30, today)
    assert info["opens_on"] == "2026-03-20" and info["source"] == "picked" and not info["open"]
    assert followup.status(picked, "Vad har du använt?", 30, datetime.date(2026, 3, 20))["open"]
    assert followup.status(state, "", 30, today)["enabled"] is False


def test_followup_stays_open_once_written_and_refuses_early_writing():
    today = datetime.date(2026, 3, 10)
    state, _ = jm.commit(jm.empty_state(), "p1", "first", T0)
    with pytest.raises(jm.JournalError) as err:
        followup.check_open(state, "Uppföljning", 30, today, "sv")
    assert err.value.status == 409 and "1 april 2026" in err.value.localized("sv")
    with pytest.raises(jm.JournalError) as err:
        followup.check_open(state, "", 30, today)
    assert err.value.code == "followup_none"
    state, _ = jm.commit(state, jm.FOLLOWUP_KEY, "Det här har jag använt", "2026-04-02T08:00:00+00:00")
    later = followup.with_pick(state, "2026-12-01", today)
    assert followup.status(later, "Uppföljning", 30, today)["open"]  # what was written stays editable
    assert jm.first_entry_at(state) == T0  # the follow-up is not the "first entry"


@pytest.mark.parametrize("value,code", [
    ("2026-03-09", "date_past"), ("2028-03-11", "date_far"), ("2026-13-01", "bad_date"), ("10/3/2026", "bad_date"),
    ("2026-03-10T10:00", "bad_date"), (20260310, "bad_date"), ("", None), (None, None), ("2026-03-10", None),
    ("2028-03-09", None),
])
def test_picked_date_rules(value, code):
    today = datetime.date(2026, 3, 10)
    if code is None:
        assert followup.validate_pick(value, today) == (value or "")
    else:
        with pytest.raises(jm.JournalError) as err:
            followup.validate_pick(value, today)
        assert err.value.code == code


# ---------------------------------------------------------------- report

def test_report_row_is_counts_and_dates_unless_shared_and_the_learner_saved_while_told():
    today = datetime.date(2026, 3, 10)
    state, _ = jm.commit(jm.empty_state(), "p1", "Privat text", T0, shared=False)
    state, _ = jm.commit(state, "p2", "=HYPERLINK(\"http://x\")", T1, shared=True)
    state, _ = jm.commit(state, "p1", "Ny privat text", T2, shared=False)
    state = jm.save_draft(state, "p2", "utkast", T2)
    private = report_row(state, PROMPTS, 5, "Uppföljning", 30, False, today)
    assert private == {"answered": 2, "questions": 2, "versions": 3, "unsaved_drafts": 1,
                       "first_entry": "2026-03-02", "last_saved": "2026-03-09", "completed": True,
                       "followup_opens": "2026-04-01", "followup_written": False, "shared": False}
    assert "Privat" not in repr(private)
    shared = report_row(state, PROMPTS, 5, "Uppföljning", 30, True, today)
    assert shared["text_p1"] == ""  # saved before sharing was on: the learner was never told
    assert shared["text_p2"] == "'=HYPERLINK(\"http://x\")"
    assert shared["text_followup"] == ""


def test_spreadsheet_safe():
    assert [spreadsheet_safe(v) for v in ("=1+1", "+46", "-x", "@a", "ok", "")] == ["'=1+1", "'+46", "'-x", "'@a",
                                                                                     "ok", ""]


def test_dates_and_numbers_follow_the_style_guide():
    assert format_date("2026-03-15T23:30:00+00:00", "sv") == "15 mars 2026"
    assert format_date("2026-03-15", "en") == "15 March 2026"
    assert format_date("2026-03-15T00:30:00+02:00", "sv") == "14 mars 2026"  # UTC date
    assert format_date("nonsense", "sv") == ""
    assert format_number(20000, "sv") == "20\u00a0000" and format_number(20000, "en") == "20,000"


def test_calendar_file_is_valid_ics_with_escaped_text_and_folded_lines():
    text = followup.calendar_ics(datetime.date(2026, 4, 1), "Titta tillbaka: Reflektion; del 2, \"åäö\"",
                                 "Vad har du använt?\nRad två \\ slut\x00 " + "å" * 100, "u1@rj",
                                 datetime.datetime(2026, 3, 1, 9, 0))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260402" in unfolded
    assert "SUMMARY:Titta tillbaka: Reflektion\\; del 2\\, \"åäö\"" in unfolded
    assert "DESCRIPTION:Vad har du använt?\\nRad två \\\\ slut " + "å" * 100 in unfolded
    assert "\x00" not in text and unfolded.count("BEGIN:") == unfolded.count("END:") == 3
