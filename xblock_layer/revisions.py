"""Revisioned saves: two tabs (or a stale page) never overwrite each other's work silently.

The block stores a ``revision`` that every save increments. The client sends the revision its edit is based
on; if another save came in between, the server answers 409 with the saved state, its revision and time, so
the page can merge (fields changed on one side only) or ask (the same field changed on both)::

    class JournalXBlock(RevisionedSaveMixin, XBlock):
        state_name = "entries"                                  # the key in requests and answers
        entries = List(scope=Scope.user_state)

        @XBlock.handler
        @strict_json_handler(max_bytes=60_000)
        def save_entries(self, data, suffix=""):
            data = require_dict(data, allowed_keys={"entries", "revision"}, required_keys=("entries", "revision"))
            base = self.base_revision(data)                     # 400 unless 0 <= n < 2**31
            entries = clean(data["entries"])                    # 400 on bad input
            saved_at = self.commit_revision(base)               # 409 if stale
            self.entries = entries
            return {"revision": self.revision, "saved_at": saved_at}

The 409 answer: ``{"error": <message>, "code": "conflict", "revision": n, "saved_at": iso, <state_name>: saved}``
(``saved_state()``), so the page can merge. ``student_view_user_state`` (GET, never cached) answers the same keys
plus ``completed``: the page checks its revision with it on init (an LMS may replay old HTML) and mobile apps
read the learner's state through it.
"""
from datetime import datetime, timezone

from xblock.core import XBlock, XBlockMixin
from xblock.fields import Integer, Scope, String

from .json_handlers import BadRequest, InputError, json_response, refuse_method

MAX_REVISION = 2 ** 31 - 1


def now_iso():
    """The current UTC time, ISO 8601 with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Conflict(InputError):
    """409: the edit is based on an older revision; ``extra`` holds the saved state, revision and time."""

    status = 409

    def __init__(self, message=None, *, code="conflict", **kwargs):
        super().__init__(message, code=code, **kwargs)


def read_revision(data, key="revision", message=None):
    """``data[key]`` if it is an int ``0 <= n <= MAX_REVISION`` (not a bool); ``BadRequest`` otherwise."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_REVISION:
        raise BadRequest(message, code="bad_revision")
    return value


class RevisionedSaveMixin(XBlockMixin):
    """The ``revision`` and ``saved_at`` fields and the check-and-commit of a save."""

    revision = Integer(default=0, scope=Scope.user_state, help="Incremented on every save; guards against "
                                                               "two tabs overwriting each other.")
    saved_at = String(default="", scope=Scope.user_state, help="When the state was last saved (UTC ISO).")

    state_name = "state"  # the key of the saved state in save requests, 409 answers and the state handler

    def saved_state(self):
        """``{state_name: <the saved state>}``; override when the state is not one field of that name."""
        return {self.state_name: getattr(self, self.state_name, None)}

    def base_revision(self, data, key="revision", message=None):
        """The revision the client based its edit on (see ``read_revision``)."""
        return read_revision(data, key, message)

    def commit_revision(self, base, saved_state=None, message=None):
        """Start a save based on ``base``: raise ``Conflict`` (409) if the stored revision differs, else increment
        the revision, stamp ``saved_at`` and return it (the caller then writes its fields).

        ``saved_state()`` gives the saved state's keys for the 409 answer (called only on a conflict; default
        ``self.saved_state``). ``message``: the block's own text (else the layer's, with ``{revision}``).
        """
        if base != self.revision:
            extra = dict((saved_state or self.saved_state)())
            extra.update({"revision": self.revision, "saved_at": self.saved_at})
            raise Conflict(message, params={"revision": self.revision}, extra=extra)
        saved_at = now_iso()
        self.revision = self.revision + 1
        self.saved_at = saved_at
        return saved_at

    def revision_state(self):
        """``{"revision", "saved_at"}`` for the page's JSON and for a check on init."""
        return {"revision": self.revision, "saved_at": self.saved_at}

    @XBlock.handler
    def student_view_user_state(self, request, suffix=""):  # pylint: disable=unused-argument
        """The learner's saved state, revision and time as JSON (no-store): the page's check on init, mobile apps.

        GET (POST too: the mobile API's name for it); changes nothing. With ``?revision=<n>`` equal to the stored
        revision the state is left out (the page's check on init: nothing changed, ~50 bytes instead of the state).
        """
        refused = refuse_method(self, request, ("GET", "HEAD", "POST"))
        if refused is not None:
            return refused
        known = request.GET.get("revision", "")
        current = known.isdigit() and len(known) <= 10 and int(known) == self.revision
        answer = {} if current else dict(self.saved_state())
        answer.update(self.revision_state())
        if "completed" in self.fields:
            answer["completed"] = bool(self.completed)
        return json_response(answer)
