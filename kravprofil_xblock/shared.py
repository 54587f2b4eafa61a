"""What the kravprofil block shares with the interview-guide block of the same learner (``Scope.user_info``).

The field ``kravprofil_shared`` is a dict keyed by course id string; ``"workbench"`` where the runtime knows no
course (the xblock-sdk workbench). The shape is documented in docs/contracts.md.
"""
from datetime import datetime, timezone

SHARED_VERSION = 1
NO_COURSE = "workbench"


def course_key(block):
    """The course id of ``block`` as a string, from its usage key (LMS/Studio) or the runtime; else ``workbench``."""
    usage_id = getattr(block.scope_ids, "usage_id", None)
    key = getattr(usage_id, "course_key", None) or getattr(block.runtime, "course_id", None)
    if key is None:
        return NO_COURSE
    # A library or a detached key has no course run; its string form still identifies the context.
    return str(key)


def now_iso():
    """The current UTC time, ISO 8601 with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def shared_entry(profile, updated):
    """The per-course entry written to ``kravprofil_shared`` from a validated profile."""
    return {
        "version": SHARED_VERSION,
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
