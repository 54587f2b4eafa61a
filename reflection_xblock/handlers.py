"""The journal's handlers: autosaved drafts, "save in my journal", the reminder date, the course-wide pages and
downloads. Every input is checked (shape, size, keys, dates) before anything is written; a refused request
answers 4xx JSON with the learner's message and leaves the state as it was."""
import datetime

from recruitment_core.documents import journal_docx
from recruitment_core.journal import followup
from recruitment_core.journal.markdown import journal_markdown
from recruitment_core.journal.model import (FOLLOWUP_KEY, MAX_ENTRY_CHARS, MAX_PROMPTS, JournalError, commit,
                                            is_complete, save_draft)
from recruitment_core.journal.text import LABELS, text as core_text
from xblock.core import XBlock
from xblock_layer.downloads import DOCX_TYPE, attachment
from xblock_layer.json_handlers import (BadRequest, InputError, error_response, json_response, refuse_method,
                                        require_dict, strict_json_handler)

from .i18n import current_lang, gettext_for
from .page import course_page_data, entry_data, entry_history, working_texts
from .strings import ERRORS

# One body holds every open entry: 11 texts of 20 000 characters, each at most 6 bytes as JSON (\u escapes).
MAX_DRAFTS_BYTES = (MAX_PROMPTS + 1) * MAX_ENTRY_CHARS * 6 + 2_000
MAX_COMMIT_BYTES = MAX_ENTRY_CHARS * 6 + 1_000
FORMATS = {"docx": (DOCX_TYPE, "docx"), "md": ("text/markdown; charset=utf-8", "md")}


def refused(err, lang):
    """A domain error as the layer's ``InputError`` with the learner's message."""
    return InputError(err.localized(lang), status=err.status, code=err.code, params=err.params)


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


class HandlersMixin:
    """Handlers of ``ReflectionJournalXBlock``."""

    def _check_key(self, key, state, lang):
        if not isinstance(key, str) or key not in self.open_keys(state):
            if key == FOLLOWUP_KEY and isinstance(key, str):
                try:
                    followup.check_open(state, self.followup_prompt, self.followup_days, self.today(), lang)
                except JournalError as err:
                    raise refused(err, lang) from None
            name = key[:40] if isinstance(key, str) else "?"
            raise BadRequest(gettext_for(lang)(ERRORS["unknown_entry"]) % {"name": name}, code="unknown_entry")

    def _store(self, state):
        """Write the journal (the reminder date lives in its own field) and refresh the course-wide copy."""
        self.journal = {k: v for k, v in state.items() if k != "followup_date"}
        self.refresh_index(state)

    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_DRAFTS_BYTES, max_depth=4)
    def save_drafts(self, data, suffix=""):  # pylint: disable=unused-argument
        """The autosave: ``{"journal": {key: text}, "revision": n}`` -> drafts of the open entries."""
        lang = current_lang()
        data = require_dict(data, allowed_keys={"journal", "revision"}, required_keys=("journal", "revision"))
        base = self.base_revision(data)
        texts = data["journal"]
        if not isinstance(texts, dict):
            raise BadRequest(code="bad_shape")
        now = now_iso()
        try:
            state = self.stored_state(for_writing=True)
            for key, value in texts.items():
                self._check_key(key, state, lang)
                state = save_draft(state, key, value, now)
        except JournalError as err:
            raise refused(JournalError(err.code, status=409 if err.code == "bad_state" else err.status, **err.params),
                          lang) from None
        saved_at = self.commit_revision(base)
        self._store(state)
        return {"revision": self.revision, "saved_at": saved_at, "entries": entry_data(self, state)}

    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_COMMIT_BYTES, max_depth=3)
    def commit_entry(self, data, suffix=""):  # pylint: disable=unused-argument
        """"Save in my journal": ``{"key", "text", "revision"}`` -> a new version of that entry."""
        lang = current_lang()
        data = require_dict(data, allowed_keys={"key", "text", "revision", "told"},
                            required_keys=("key", "text", "revision"))
        base = self.base_revision(data)
        try:
            state = self.stored_state(for_writing=True)
        except JournalError as err:
            raise refused(JournalError(err.code, status=409, **err.params), lang) from None
        key = data["key"]
        self._check_key(key, state, lang)
        prompt = next((p["text"] for p in self.current_prompts() if p["id"] == key), self.followup_prompt)
        # Shared only if sharing is on now AND the page the learner wrote on said so ("told").
        shared = bool(self.share_with_staff) and data.get("told") is True
        before = working_texts(state, [key])[key]
        try:
            state, result = commit(state, key, data["text"], now_iso(), prompt=prompt, shared=shared)
        except JournalError as err:
            raise refused(err, lang) from None
        if working_texts(state, [key])[key] != before:
            saved_at = self.commit_revision(base)  # the text in the box changed too: other tabs must merge it
        else:
            # The usual case (the page saved its draft first): the texts the autosave guards are unchanged, so
            # the revision stays and no tab has to merge anything; a stale page still gets its 409.
            if base != self.revision:
                self.commit_revision(base)  # raises Conflict with the saved texts
            saved_at = now_iso()
        self._store(state)
        completed = self.publish_completion_once(is_complete(state, self.current_prompts(), self.min_length))
        return {"revision": self.revision, "saved_at": saved_at, "changed": result["changed"],
                "pruned": result["pruned"], "completed": completed,
                "journal": working_texts(state, self.open_keys(state)), "entries": entry_data(self, state)}

    @XBlock.handler
    @strict_json_handler(max_bytes=200, max_depth=2)
    def set_followup_date(self, data, suffix=""):  # pylint: disable=unused-argument
        """"Påminn mig att titta tillbaka": ``{"date": "YYYY-MM-DD" | ""}``."""
        lang = current_lang()
        data = require_dict(data, allowed_keys={"date"}, required_keys=("date",))
        if not (self.followup_prompt or "").strip():
            raise refused(JournalError("followup_none", status=409), lang)
        try:
            picked = followup.validate_pick(data["date"], self.today())
        except JournalError as err:
            raise refused(err, lang) from None
        self.followup_date = picked
        state = self.stored_state()
        return {"followup": self.followup_info(state), "date": picked}

    @XBlock.handler
    def followup_calendar(self, request, suffix=""):  # pylint: disable=unused-argument
        """GET: the follow-up's date as a calendar event (``.ics``) -- the reminder the course cannot send."""
        refusal = refuse_method(self, request)
        if refusal is not None:
            return refusal
        lang = current_lang()
        state = self.stored_state()
        info = self.followup_info(state)
        if not info["enabled"] or not info["opens_on"]:
            return error_response(self, refused(JournalError("followup_none", status=409), lang))
        day = datetime.date.fromisoformat(info["opens_on"])
        title = self.display_name or core_text(LABELS, "journal_title", lang)
        body = followup.calendar_ics(
            day, core_text(LABELS, "calendar_summary", lang, title=title), self.followup_prompt,
            f"{self.scope_ids.usage_id}-{self.scope_ids.user_id}@reflection-journal",
            datetime.datetime.now(datetime.timezone.utc))
        fallback = "titta-tillbaka" if lang == "sv" else "look-back"
        return attachment(body.encode("utf-8"), "text/calendar; charset=utf-8", fallback, fallback, extension="ics")

    @XBlock.handler
    def entry_history(self, request, suffix=""):  # pylint: disable=unused-argument
        """GET ``?key=p1``: the versions of one entry with their texts (the page lists only their dates)."""
        refusal = refuse_method(self, request)
        if refusal is not None:
            return refusal
        key = request.GET.get("key", "")
        state = self.stored_state()
        if not isinstance(key, str) or key not in state["entries"]:
            name = key[:40] if isinstance(key, str) else "?"
            return error_response(self, BadRequest(gettext_for(current_lang())(ERRORS["unknown_entry"])
                                                   % {"name": name}, code="unknown_entry"))
        return json_response(entry_history(state, key))

    @XBlock.handler
    def journal_page(self, request, suffix=""):  # pylint: disable=unused-argument
        """GET ``?page=n``: one page of the course-wide journal as JSON (never cached)."""
        refusal = refuse_method(self, request)
        if refusal is not None:
            return refusal
        raw = request.GET.get("page", "1")
        if not (isinstance(raw, str) and raw.isdigit() and len(raw) <= 6):
            return error_response(self, BadRequest(code="invalid", key="invalid"))
        return json_response(course_page_data(self, current_lang(), int(raw)))

    @XBlock.handler
    def download_journal(self, request, suffix=""):  # pylint: disable=unused-argument
        """GET ``?format=docx|md``: the learner's whole journal of this course."""
        refusal = refuse_method(self, request)
        if refusal is not None:
            return refusal
        fmt = request.GET.get("format", "docx")
        if fmt not in FORMATS:
            return error_response(self, BadRequest(code="invalid", key="invalid"))
        lang = current_lang()
        if self.view == "entry":  # the copy of this block is current before the document is made
            self.refresh_index(self.stored_state())
        title = core_text(LABELS, "journal_title", lang)
        index = self.course_index()
        today = self.today()
        if fmt == "docx":
            body = journal_docx(index, lang, title=title, today=today)
        else:
            body = journal_markdown(index, lang, title=title, today=today).encode("utf-8")
        content_type, extension = FORMATS[fmt]
        fallback = "min-loggbok" if lang == "sv" else "my-journal"
        return attachment(body, content_type, title, fallback, extension=extension)


__all__ = ["HandlersMixin"]
