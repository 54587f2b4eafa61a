"""The reflection journal of one block for one learner: prompts, entries, versions, drafts and completion.

State of one journal block (``user_state``), version 1 (docs/contracts.md)::

    {"version": 1,
     "entries": {"<key>": {"versions": [{"text": str, "saved": ISO time, "shared": bool}, ...],  # oldest first
                           "draft": str, "draft_saved": ISO time | "",
                           "first_saved": ISO time | "", "pruned": int, "prompt": str}},
     "followup_date": "YYYY-MM-DD" | ""}

``<key>`` is a prompt's id (``p1``, ``p2``… by position unless Studio gives an ``id``) or ``"followup"``.
The last version is the entry's current text; ``draft`` is autosaved text newer than it (``""``: none).
``shared`` records that the learner was told, when saving that version, that course staff can read it.

Nothing is dropped silently. Only two things ever remove a saved version, both announced to the learner before
the save that causes them (``prune_preview``) and counted in ``pruned`` afterwards: an entry keeps at most
``MAX_VERSIONS`` versions, and one block's state at most ``MAX_STATE_CHARS`` characters of text; the oldest
earlier versions go first and the current version is always kept.
"""
import re

from ..profile import clean_text
from .text import ERRORS, format_number, parse_iso, text as _text, to_date

VERSION = 1
FOLLOWUP_KEY = "followup"

MAX_ENTRY_CHARS = 20_000          # one entry (a version or a draft)
MAX_VERSIONS = 20                 # versions kept per entry, the current one included
MAX_PROMPTS = 10                  # prompts per block (the follow-up comes on top)
MAX_ENTRIES = 2 * (MAX_PROMPTS + 1)   # entries kept per block: prompts of today and of earlier settings
MAX_STATE_CHARS = 500_000         # text of all versions and drafts of one block: 11 full entries + drafts fit
MAX_PROMPT_CHARS = 2_000
MAX_GUIDANCE_CHARS = 4_000
MAX_MIN_LENGTH = MAX_ENTRY_CHARS
PROMPT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

_ENTRY_KEYS = ("versions", "draft", "draft_saved", "first_saved", "pruned", "prompt")
_VERSION_KEYS = ("text", "saved", "shared")


class JournalError(ValueError):
    """Invalid journal input or state. ``str(err)`` is English; ``localized(lang)`` is what the learner reads.

    ``code`` is a key of ``text.ERRORS`` and ``params`` its values; ``status`` the HTTP status a handler
    answers with (400, or 409 for a question that is not open yet).
    """

    def __init__(self, code, status=400, **params):
        self.code = code
        self.params = params
        self.status = status
        super().__init__(self.localized("en"))

    def localized(self, lang):
        # Counts as the learner reads numbers: "22 800 tecken", "högst 20 000" (swedish-style.md).
        params = {key: format_number(value, lang) if isinstance(value, int) and not isinstance(value, bool)
                  else value for key, value in self.params.items()}
        return _text(ERRORS, self.code, lang, **params)


# ---------------------------------------------------------------- prompts (Studio settings)

def validate_prompts(value):
    """Studio's ``prompts`` as a clean list of ``{"id", "text", "guidance"}`` (ids filled in by position).

    Accepts a list of strings or of ``{"text", "guidance"?, "id"?}``; raises ``JournalError`` naming the
    first problem (wrong type, empty or too long text, duplicate or malformed id, too many prompts)."""
    if not isinstance(value, list):
        raise JournalError("bad_prompts", name="list")
    if len(value) > MAX_PROMPTS:
        raise JournalError("bad_prompts", name=f"max {MAX_PROMPTS}")
    out, seen = [], set()
    for position, item in enumerate(value, start=1):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or set(item) - {"id", "text", "guidance"}:
            raise JournalError("bad_prompts", name=f"#{position}")
        prompt_text, guidance = item.get("text"), item.get("guidance", "")
        if guidance is None:
            guidance = ""
        if not isinstance(prompt_text, str) or not prompt_text.strip() or len(prompt_text) > MAX_PROMPT_CHARS:
            raise JournalError("bad_prompts", name=f"#{position} text")
        if not isinstance(guidance, str) or len(guidance) > MAX_GUIDANCE_CHARS:
            raise JournalError("bad_prompts", name=f"#{position} guidance")
        key = item.get("id") or f"p{position}"
        if not isinstance(key, str) or not PROMPT_ID_RE.fullmatch(key) or key == FOLLOWUP_KEY or key in seen:
            raise JournalError("bad_prompts", name=f"#{position} id")
        seen.add(key)
        out.append({"id": key, "text": clean_text(prompt_text).strip(), "guidance": clean_text(guidance).strip()})
    return out


def prompts_or_empty(value):
    """``validate_prompts`` for rendering: stored settings that fail validation give no prompts, not a crash."""
    try:
        return validate_prompts(value)
    except JournalError:
        return []


# ---------------------------------------------------------------- text and state

def check_text(value, name="text", allow_empty=True):
    """Learner text, cleaned (control characters removed, line ends normalized) and within the limit."""
    if not isinstance(value, str):
        raise JournalError("not_text", name=name)
    value = clean_text(value)
    if len(value) > MAX_ENTRY_CHARS:
        raise JournalError("too_long", length=len(value), limit=MAX_ENTRY_CHARS, over=len(value) - MAX_ENTRY_CHARS)
    if not allow_empty and not value.strip():
        raise JournalError("empty_text")
    return value


def empty_state():
    return {"version": VERSION, "entries": {}, "followup_date": ""}


def empty_entry():
    return {"versions": [], "draft": "", "draft_saved": "", "first_saved": "", "pruned": 0, "prompt": ""}


def _iso_or_empty(value, where):
    if value in ("", None):
        return ""
    if not isinstance(value, str) or to_date(value) is None:
        raise JournalError("bad_state", name=where)
    return value


def validate_state(data):
    """A clean copy of a stored state (missing keys get defaults) or ``JournalError("bad_state")``.

    Strict about types and limits, so a state that passes is safe to render, index and export."""
    if data in (None, {}):
        return empty_state()
    if not isinstance(data, dict) or set(data) - {"version", "entries", "followup_date"}:
        raise JournalError("bad_state", name="state")
    if data.get("version", VERSION) != VERSION:
        raise JournalError("bad_state", name="version")
    entries = data.get("entries", {})
    if entries is None:
        entries = {}
    if not isinstance(entries, dict) or len(entries) > MAX_ENTRIES:
        raise JournalError("bad_state", name="entries")
    out = empty_state()
    for key, entry in entries.items():
        where = f"entries.{str(key)[:40]}"
        if not isinstance(key, str) or not (PROMPT_ID_RE.fullmatch(key) or key == FOLLOWUP_KEY):
            raise JournalError("bad_state", name="entries")
        if not isinstance(entry, dict) or set(entry) - set(_ENTRY_KEYS):
            raise JournalError("bad_state", name=where)
        clean = empty_entry()
        versions = entry.get("versions", [])
        if versions is None:
            versions = []
        if not isinstance(versions, list) or len(versions) > MAX_VERSIONS:
            raise JournalError("bad_state", name=f"{where}.versions")
        for version in versions:
            if not isinstance(version, dict) or set(version) - set(_VERSION_KEYS):
                raise JournalError("bad_state", name=f"{where}.versions")
            body = version.get("text")
            if not isinstance(body, str) or len(body) > MAX_ENTRY_CHARS:
                raise JournalError("bad_state", name=f"{where}.versions.text")
            saved = _iso_or_empty(version.get("saved"), f"{where}.versions.saved")
            clean["versions"].append({"text": body, "saved": saved, "shared": version.get("shared") is True})
        draft = entry.get("draft", "")
        draft = "" if draft is None else draft
        if not isinstance(draft, str) or len(draft) > MAX_ENTRY_CHARS:
            raise JournalError("bad_state", name=f"{where}.draft")
        clean["draft"] = draft
        clean["draft_saved"] = _iso_or_empty(entry.get("draft_saved"), f"{where}.draft_saved")
        clean["first_saved"] = _iso_or_empty(entry.get("first_saved"), f"{where}.first_saved") or (
            clean["versions"][0]["saved"] if clean["versions"] else "")
        pruned = entry.get("pruned", 0)
        if not isinstance(pruned, int) or isinstance(pruned, bool) or pruned < 0:
            raise JournalError("bad_state", name=f"{where}.pruned")
        clean["pruned"] = pruned
        prompt = entry.get("prompt") or ""
        if not isinstance(prompt, str) or len(prompt) > MAX_PROMPT_CHARS:
            raise JournalError("bad_state", name=f"{where}.prompt")
        clean["prompt"] = prompt
        out["entries"][key] = clean
    date = data.get("followup_date") or ""
    if not isinstance(date, str) or (date and (not ISO_DATE_RE.fullmatch(date) or to_date(date) is None)):
        raise JournalError("bad_state", name="followup_date")
    out["followup_date"] = date
    return out


def state_chars(state):
    """Characters of learner text held by ``state`` (every version and draft)."""
    return sum(len(v["text"]) for e in state["entries"].values() for v in e["versions"]) + sum(
        len(e["draft"]) for e in state["entries"].values())


def current_text(entry):
    """The entry's latest saved version ("" before the first save)."""
    return entry["versions"][-1]["text"] if entry and entry["versions"] else ""


def _copy(state):
    return {"version": VERSION, "followup_date": state["followup_date"],
            "entries": {k: dict(e, versions=list(e["versions"])) for k, e in state["entries"].items()}}


def _entry_for(state, key):
    if key not in state["entries"]:
        if len(state["entries"]) >= MAX_ENTRIES:
            raise JournalError("state_full", status=413)
        state["entries"][key] = empty_entry()
    return state["entries"][key]


# ---------------------------------------------------------------- drafts, saves and pruning

def save_draft(state, key, value, now):
    """A copy of ``state`` whose entry ``key`` holds ``value`` as its draft (``""`` or the current text: none)."""
    value = check_text(value, "text")
    state = _copy(state)
    entry = _entry_for(state, key)
    if value == current_text(entry) or not value:
        entry["draft"], entry["draft_saved"] = "", ""
    else:
        entry["draft"], entry["draft_saved"] = value, now
    if not entry["versions"] and not entry["draft"]:
        del state["entries"][key]
    if state_chars(state) > MAX_STATE_CHARS:
        # Drafts never push saved versions out; the learner keeps the text in the browser and is told.
        raise JournalError("state_full", status=413)
    return state


def _prune(state, key):
    """Remove versions until the limits hold; returns ``[(key, version), ...]`` removed, oldest first."""
    removed = []
    entry = state["entries"][key]
    while len(entry["versions"]) > MAX_VERSIONS:
        removed.append((key, entry["versions"].pop(0)))
        entry["pruned"] += 1
    while state_chars(state) > MAX_STATE_CHARS:
        candidates = [(v["saved"], k) for k, e in state["entries"].items() for v in e["versions"][:-1][:1]]
        if not candidates:
            raise JournalError("state_full", status=413)
        _, oldest_key = min(candidates)
        removed.append((oldest_key, state["entries"][oldest_key]["versions"].pop(0)))
        state["entries"][oldest_key]["pruned"] += 1
    return removed


def commit(state, key, value, now, prompt="", shared=False):
    """Save ``value`` as the entry's new current version; returns ``(new_state, result)``.

    ``result`` is ``{"changed": bool, "pruned": [{"key", "saved"}]}``. The same text as the current
    version adds no version (it only clears the draft). Empty text is refused: earlier versions stay."""
    value = check_text(value, "text", allow_empty=False)
    state = _copy(state)
    entry = _entry_for(state, key)
    entry["draft"], entry["draft_saved"] = "", ""
    if prompt:
        entry["prompt"] = clean_text(prompt)[:MAX_PROMPT_CHARS]
    if entry["versions"] and entry["versions"][-1]["text"] == value:
        if shared and not entry["versions"][-1]["shared"]:
            entry["versions"][-1] = dict(entry["versions"][-1], shared=True)
        return state, {"changed": False, "pruned": []}
    entry["versions"].append({"text": value, "saved": now, "shared": bool(shared)})
    if not entry["first_saved"]:
        entry["first_saved"] = now
    removed = _prune(state, key)
    return state, {"changed": True, "pruned": [{"key": k, "saved": v["saved"]} for k, v in removed]}


def prune_preview(state, key, value):
    """The versions (``[{"key", "saved"}]``) that saving ``value`` in ``key`` now would remove.

    The page shows this before the learner saves, so a version is never removed without warning."""
    try:
        _, result = commit(state, key, value, "9999-12-31T23:59:59+00:00")
    except JournalError:
        return []
    return result["pruned"]


# ---------------------------------------------------------------- dates and completion

def first_entry_at(state):
    """When the learner first saved an entry of this block (the follow-up excluded), ISO, or ``""``."""
    dates = [e["first_saved"] for k, e in state["entries"].items() if k != FOLLOWUP_KEY and e["first_saved"]]
    return min(dates, key=to_date_key) if dates else ""


def to_date_key(iso):
    """Sort key of an ISO time (invalid sorts first)."""
    moment = parse_iso(iso)
    return moment.timestamp() if moment else float("-inf")


def last_saved_at(state):
    dates = [v["saved"] for e in state["entries"].values() for v in e["versions"][-1:] if v["saved"]]
    return max(dates, key=to_date_key) if dates else ""


def measured_length(value):
    """Length counted for completion: characters without leading and trailing white space."""
    return len(value.strip())


def is_complete(state, prompts, min_length):
    """True when every prompt has a saved entry of at least ``min_length`` characters (at least one)."""
    if not prompts:
        return False
    need = max(1, int(min_length or 0))
    return all(measured_length(current_text(state["entries"].get(p["id"]))) >= need for p in prompts)


def history(entry):
    """The entry's versions, newest first, each ``{"text", "saved", "current"}``."""
    versions = entry["versions"] if entry else []
    last = len(versions) - 1
    return [{"text": v["text"], "saved": v["saved"], "current": i == last}
            for i, v in reversed(list(enumerate(versions)))]
