"""One journal block's row of the Instructor Dashboard report (``generate_report_data``).

Private by default: counts and dates only. The text of an entry is included only when the block's
"share with course staff" setting is on now AND the learner saved that version while it was on (so they were
told before writing). Text that a spreadsheet would read as a formula gets a leading apostrophe.
"""
from . import followup
from .model import FOLLOWUP_KEY, current_text, first_entry_at, is_complete, last_saved_at
from .text import to_date

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` with a leading ``'`` when it starts like a spreadsheet formula (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _iso_day(value):
    day = to_date(value)
    return day.isoformat() if day else ""


def report_row(state, prompts, min_length, followup_prompt, followup_days, share, today):
    """A flat dict for one learner from a validated ``state`` and validated ``prompts``."""
    entries = state["entries"]
    saved = [k for k in (p["id"] for p in prompts) if entries.get(k) and entries[k]["versions"]]
    info = followup.status(state, followup_prompt, followup_days, today)
    row = {
        "answered": len(saved),
        "questions": len(prompts),
        "versions": sum(len(e["versions"]) + e["pruned"] for e in entries.values()),
        "unsaved_drafts": sum(1 for e in entries.values() if e["draft"]),
        "first_entry": _iso_day(first_entry_at(state)),
        "last_saved": _iso_day(last_saved_at(state)),
        "completed": is_complete(state, prompts, min_length),
        "followup_opens": info["opens_on"],
        "followup_written": info["written"],
        "shared": bool(share),
    }
    if share:
        keys = [p["id"] for p in prompts] + ([FOLLOWUP_KEY] if info["enabled"] else [])
        for key in keys:
            entry = entries.get(key)
            shared = bool(entry and entry["versions"] and entry["versions"][-1]["shared"])
            row[f"text_{key}"] = spreadsheet_safe(current_text(entry)) if shared else ""
    return row
