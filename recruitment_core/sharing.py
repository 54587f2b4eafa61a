"""What the kravprofil block shares with the interview-guide block of the same learner: a small, versioned
summary of the saved profile (docs/contracts.md, "Sharing the profile").

The kravprofil block writes ``build_profile_summary(profile, saved_at)`` on each save; a reader (the interview
guide) gets it back through ``read_profile_summary(entry)``, which checks the shape and limits and returns a
clean copy, so nothing a stale or tampered entry holds reaches the reader unchecked::

    {"version": 1, "role": str,
     "competencies": [{"id": str, "level": 1..5, "priority": 1..50}],
     "requirements": [{"text": str, "category": one of CATEGORIES, "must": bool}],
     "updated": ISO time}

Pure data in and out: no XBlock or web code (the field holding it is declared in ``xblock_layer.shared_fields``).
"""
from recruitment_core.profile import (
    CATEGORIES, COMPETENCY_ID_RE, MAX_COMPETENCIES, MAX_LEVEL, MAX_PRIORITY, MAX_REQUIREMENTS, MAX_TEXT_CHARS,
    MIN_LEVEL, MIN_PRIORITY,
)

SUMMARY_VERSION = 1
SUPPORTED_VERSIONS = (1,)
MAX_UPDATED_CHARS = 40
_KEYS = ("version", "role", "competencies", "requirements", "updated")


class SummaryError(ValueError):
    """A shared summary that cannot be used; ``code`` says why (``"not_object"``, ``"version"``, ``"shape"``)."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code


def build_profile_summary(profile, updated):
    """The shared summary of a validated profile (``validate_profile``'s output), saved at ``updated``."""
    return {
        "version": SUMMARY_VERSION,
        "role": profile["basics"]["role"],
        "competencies": [
            {"id": comp["id"], "level": comp["level"], "priority": comp["priority"]}
            for comp in profile["competencies"]
        ],
        "requirements": [
            {"text": req["text"], "category": req["category"], "must": req["must"]}
            for req in profile["requirements"]
        ],
        "updated": updated,
    }


def _text(value, path, limit):
    if not isinstance(value, str) or len(value) > limit:
        raise SummaryError("shape", f"{path}: text of at most {limit} characters expected")
    return value


def _int(value, path, low, high):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SummaryError("shape", f"{path}: a whole number {low}..{high} expected")
    return value


def _items(value, path, limit):
    if not isinstance(value, list) or len(value) > limit:
        raise SummaryError("shape", f"{path}: a list of at most {limit} items expected")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise SummaryError("shape", f"{path}[{index}]: an object expected")
    return value


def read_profile_summary(entry):
    """A checked copy of a shared summary, or ``None`` when there is none (the learner has not saved a profile).

    Raises ``SummaryError`` for an entry of an unsupported version or of the wrong shape (the reader shows that it
    cannot use the profile, it never shows half of it). Unknown keys are dropped.
    """
    if entry is None or entry == {}:
        return None
    if not isinstance(entry, dict):
        raise SummaryError("not_object", "the shared summary is not an object")
    version = entry.get("version")
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise SummaryError("version", f"unsupported summary version: {str(version)[:20]}")
    missing = [key for key in _KEYS if key not in entry]
    if missing:
        raise SummaryError("shape", f"missing: {', '.join(missing)}")
    competencies = []
    for index, comp in enumerate(_items(entry["competencies"], "competencies", MAX_COMPETENCIES)):
        path = f"competencies[{index}]"
        comp_id = _text(comp.get("id"), path + ".id", 41)
        if not COMPETENCY_ID_RE.fullmatch(comp_id):
            raise SummaryError("shape", f"{path}.id: not a competency id")
        competencies.append({"id": comp_id,
                             "level": _int(comp.get("level"), path + ".level", MIN_LEVEL, MAX_LEVEL),
                             "priority": _int(comp.get("priority"), path + ".priority", MIN_PRIORITY, MAX_PRIORITY)})
    requirements = []
    for index, req in enumerate(_items(entry["requirements"], "requirements", MAX_REQUIREMENTS)):
        path = f"requirements[{index}]"
        if req.get("category") not in CATEGORIES:
            raise SummaryError("shape", f"{path}.category: unknown category")
        if not isinstance(req.get("must"), bool):
            raise SummaryError("shape", f"{path}.must: true or false expected")
        requirements.append({"text": _text(req.get("text"), path + ".text", MAX_TEXT_CHARS),
                             "category": req["category"], "must": req["must"]})
    return {
        "version": version,
        "role": _text(entry["role"], "role", MAX_TEXT_CHARS),
        "competencies": competencies,
        "requirements": requirements,
        "updated": _text(entry["updated"], "updated", MAX_UPDATED_CHARS),
    }


# ---------------------------------------------------------------- several kravprofil blocks in one course
#
# The course entry of ``kravprofil_shared`` holds one summary: the profile saved last. A course with several
# kravprofil blocks (a practice profile and a real one, say) also files each block's summary on a shelf, the
# ``kravprofil_shelf`` field (same scope, keyed by course), so the interview guide can let the learner choose:
#
#     {"version": 1, "profiles": {"<block usage id>": {<summary, as above>, "title": "<block title>"}}}

SHELF_VERSION = 1
MAX_SHELF_PROFILES = 12
MAX_BLOCK_KEY_CHARS = 300
MAX_TITLE_CHARS = 200


def shelve_summary(shelf, block_key, title, summary):
    """The course's shelf with ``summary`` filed under ``block_key`` (the oldest dropped beyond the limit)."""
    profiles = {}
    if isinstance(shelf, dict) and shelf.get("version") == SHELF_VERSION and isinstance(shelf.get("profiles"), dict):
        profiles = {key: value for key, value in shelf["profiles"].items()
                    if isinstance(key, str) and isinstance(value, dict) and key != block_key}
    entry = dict(summary)
    entry["title"] = str(title or "")[:MAX_TITLE_CHARS]
    profiles[str(block_key)[:MAX_BLOCK_KEY_CHARS]] = entry
    if len(profiles) > MAX_SHELF_PROFILES:
        newest = sorted(profiles.items(), key=lambda kv: str(kv[1].get("updated", "")), reverse=True)
        profiles = dict(newest[:MAX_SHELF_PROFILES])
    return {"version": SHELF_VERSION, "profiles": profiles}


def read_shelf(shelf):
    """``[{"key", "title", "summary"}]`` of a course's shelf, newest first; damaged or unknown entries are left
    out (each summary is checked by ``read_profile_summary``)."""
    if not isinstance(shelf, dict) or shelf.get("version") != SHELF_VERSION or not isinstance(
            shelf.get("profiles"), dict):
        return []
    out = []
    for key, entry in list(shelf["profiles"].items())[:MAX_SHELF_PROFILES]:
        if not isinstance(key, str) or len(key) > MAX_BLOCK_KEY_CHARS or not isinstance(entry, dict):
            continue
        try:
            summary = read_profile_summary(entry)
        except SummaryError:
            continue
        if summary is None:
            continue
        title = entry.get("title")
        out.append({"key": key, "title": title[:MAX_TITLE_CHARS] if isinstance(title, str) else "",
                    "summary": summary})
    out.sort(key=lambda item: item["summary"]["updated"], reverse=True)
    return out
