"""The follow-up question: when it opens, computed from stored dates whenever the block renders.

No scheduler and no background job. The question opens on the date the learner picked ("påminn mig att titta
tillbaka") when there is one, otherwise ``days`` days after the learner's first saved entry in the block. Dates
are UTC calendar dates: it opens at 00:00 UTC of that day.
"""
import datetime

from .model import FOLLOWUP_KEY, ISO_DATE_RE, JournalError, first_entry_at
from .text import format_date, to_date

MAX_DAYS = 730                  # Studio: 0–730 days after the first entry
MAX_PICK_AHEAD_DAYS = 730       # a learner picks a date up to two years ahead


def opens_on(state, days, picked=""):
    """The date the follow-up opens, or ``None`` while it has no date (no entry yet and nothing picked)."""
    picked_date = to_date(picked) if picked else None
    if picked_date:
        return picked_date
    first = to_date(first_entry_at(state))
    if first is None:
        return None
    return first + datetime.timedelta(days=max(0, min(int(days or 0), MAX_DAYS)))


def status(state, prompt, days, today):
    """What the page shows about the follow-up.

    ``{"enabled": bool, "open": bool, "opens_on": "YYYY-MM-DD" | "", "source": "picked" | "days" | "waiting"
    | "", "written": bool}`` -- ``waiting`` means no entry is saved yet, so the N days have not started."""
    enabled = bool(prompt and prompt.strip())
    if not enabled:
        return {"enabled": False, "open": False, "opens_on": "", "source": "", "written": False}
    picked = state.get("followup_date", "")
    day = opens_on(state, days, picked)
    entry = state["entries"].get(FOLLOWUP_KEY)
    written = bool(entry and entry["versions"])
    return {
        "enabled": True,
        # Once written, it stays open: the learner can always read and edit what they wrote.
        "open": written or (day is not None and today >= day),
        "opens_on": day.isoformat() if day else "",
        "source": "picked" if picked else ("days" if day else "waiting"),
        "written": written,
    }


def check_open(state, prompt, days, today, lang="sv"):
    """Raise ``JournalError`` (409) unless the follow-up can be written today."""
    info = status(state, prompt, days, today)
    if not info["enabled"]:
        raise JournalError("followup_none", status=409)
    if not info["open"]:
        raise JournalError("followup_closed", status=409, date=format_date(info["opens_on"], lang) or "—")


def validate_pick(value, today):
    """A learner's reminder date: ``""`` (clear it) or ``YYYY-MM-DD`` from today up to two years ahead."""
    if value in ("", None):
        return ""
    if not isinstance(value, str) or not ISO_DATE_RE.fullmatch(value) or to_date(value) is None:
        raise JournalError("bad_date")
    day = to_date(value)
    if day < today:
        raise JournalError("date_past", today=today.isoformat())
    limit = today + datetime.timedelta(days=MAX_PICK_AHEAD_DAYS)
    if day > limit:
        raise JournalError("date_far", limit=limit.isoformat())
    return day.isoformat()


def with_pick(state, value, today):
    """A copy of ``state`` with the learner's reminder date set (or cleared)."""
    out = dict(state)
    out["followup_date"] = validate_pick(value, today)
    return out




# ---------------------------------------------------------------- "påminn mig": a calendar file

def _ics_text(value):
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as ``\\n``, control characters gone."""
    from ..profile import clean_text  # pylint: disable=import-outside-toplevel

    value = clean_text(value or "").replace("\t", " ")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def _fold(line):
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def calendar_ics(day, summary, description, uid, stamp):
    """An all-day event on ``day`` (a date) with a reminder at 09:00, as ``.ics`` text (CRLF lines).

    ``uid`` identifies the event (the same block and learner give the same uid, so a calendar updates it);
    ``stamp`` is the UTC datetime the file is made."""
    next_day = day + datetime.timedelta(days=1)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kompetensrekrytering//reflection journal//SV",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{_ics_text(uid)}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{next_day:%Y%m%d}",
        f"SUMMARY:{_ics_text(summary)}", f"DESCRIPTION:{_ics_text(description)}", "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_ics_text(summary)}", "TRIGGER:PT9H", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


__all__ = ["FOLLOWUP_KEY", "MAX_DAYS", "calendar_ics", "check_open", "opens_on", "status", "validate_pick",
           "with_pick"]
