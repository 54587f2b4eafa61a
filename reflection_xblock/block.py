"""The reflection journal XBlock: fields, views and Studio rules. Handlers live in ``handlers.py``; the plumbing
(strict handlers, revisions, completion, report rows, Studio editing, catalogues) comes from ``xblock_layer``
and the journal's rules (versions, limits, follow-up, course-wide index, exports) from
``recruitment_core.journal``."""
import datetime
import hashlib
import json

from recruitment_core.journal import course as jcourse
from recruitment_core.journal import followup
from recruitment_core.journal.model import (FOLLOWUP_KEY, ISO_DATE_RE, MAX_ENTRY_CHARS, MAX_MIN_LENGTH,
                                            MAX_PROMPT_CHARS, JournalError, empty_state, prompts_or_empty,
                                            validate_prompts, validate_state)
from recruitment_core.journal.report import report_row as journal_report_row
from recruitment_core.journal.text import to_date
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Integer, List, Scope, String
from xblock.validation import ValidationMessage
from xblock_layer.assets import LayerAssetsMixin, add_assets
from xblock_layer.completion import CompletionOnceMixin
from xblock_layer.i18n import CatalogueMixin
from xblock_layer.olx import AuthoredOlxMixin
from xblock_layer.reports import ReportRowsMixin
from xblock_layer.revisions import RevisionedSaveMixin
from xblock_layer.shared_fields import CourseKeyedFieldsMixin, course_key
from xblock_layer.studio import StudioEditingMixin

from .handlers import HandlersMixin
from .i18n import CATALOGUE, _, current_lang
from .page import FILES, course_page_html, entry_data, entry_page_html, working_texts
from .placement import placement
from .scenarios import SCENARIOS

VIEWS = ("entry", "course_journal")
INDEX_FIELD = "reflection_journal"
MAX_LABEL_CHARS = 200

DEFAULT_PROMPTS = [
    {"text": "Vad tar du med dig från den här delen av kursen till ditt eget arbete med rekrytering?",
     "guidance": "Skriv om något konkret: en rekrytering du har gjort eller ska göra, och vad du vill göra "
                 "annorlunda."},
]


@XBlock.wants("i18n")
class ReflectionJournalXBlock(HandlersMixin, RevisionedSaveMixin, CompletionOnceMixin, CourseKeyedFieldsMixin,
                              ReportRowsMixin, AuthoredOlxMixin, CatalogueMixin, LayerAssetsMixin, StudioEditingMixin,
                              XBlock):
    """The learner answers reflection prompts and keeps every version; "Min loggbok" gathers the course's entries."""

    display_name = String(
        display_name=_("Display name"), help=_("The title learners see above the block."),
        default="Reflektion", scope=Scope.settings)
    prompts = List(
        display_name=_("Questions"),
        help=_('A JSON list of questions, each {"text": "...", "guidance": "..."} (guidance optional; an optional '
               '"id" keeps answers with their question when you reorder). At most 10.'),
        default=DEFAULT_PROMPTS, scope=Scope.content)
    min_length = Integer(
        display_name=_("Minimum length"),
        help=_("Characters an answer needs for the exercise to count as done (0–20000; 0: any text)."),
        default=50, values={"min": 0, "max": MAX_MIN_LENGTH}, scope=Scope.settings)
    followup_prompt = String(
        display_name=_("Follow-up question"),
        help=_("Asked later, after the course: empty for none."),
        default="", scope=Scope.content, multiline_editor=True)
    followup_days = Integer(
        display_name=_("Follow-up after (days)"),
        help=_("The follow-up opens this many days after the learner's first saved answer here, unless the learner "
               "picks a date (0–730)."),
        default=30, values={"min": 0, "max": followup.MAX_DAYS}, scope=Scope.settings)
    view = String(
        display_name=_("View"),
        help=_('"entry": the questions. "course_journal": the learner\'s whole journal of this course ("Min '
               'loggbok") with downloads.'),
        default="entry", values=[{"display_name": _("Questions"), "value": "entry"},
                                 {"display_name": _("My journal (course-wide)"), "value": "course_journal"}],
        scope=Scope.settings)
    share_with_staff = Boolean(
        display_name=_("Share with course staff"),
        help=_("On: the Instructor Dashboard report includes the text of answers saved while this was on; "
               "learners are told before they write. Off (default): counts and dates only."),
        default=False, scope=Scope.settings)
    module_name = String(
        display_name=_("Module (for My journal)"),
        help=_("The heading this exercise's answers appear under in My journal. Empty: the course section's name."),
        default="", scope=Scope.settings)

    journal = Dict(default={}, scope=Scope.user_state, help="The learner's entries with versions and drafts.")
    followup_date = String(default="", scope=Scope.user_state, help="The learner's reminder date (YYYY-MM-DD).")
    indexed = String(default="", scope=Scope.user_state,
                     help="The signature (revision, settings) the course-wide copy was last checked against, and "
                          "the signature of that copy.")
    reflection_journal = Dict(
        default={}, scope=Scope.user_info,
        help="A copy of the learner's entries of every journal block, keyed by course id (docs/contracts.md).")
    # revision, saved_at (RevisionedSaveMixin) and completed (CompletionOnceMixin) come from the layer.

    editable_fields = ("display_name", "view", "prompts", "min_length", "followup_prompt", "followup_days",
                       "share_with_staff", "module_name")
    studio_max_bytes = 80_000
    catalogue = CATALOGUE
    state_name = "journal"

    # ---- state ---------------------------------------------------------------------------------------------
    @staticmethod
    def today():
        """The UTC date the follow-up rule compares with (a method so tests can move time)."""
        return datetime.datetime.now(datetime.timezone.utc).date()

    def stored_state(self, for_writing=False):
        """The learner's validated state (the reminder date included). A stored state that fails validation
        (damaged, or written under other limits) renders as empty entries; ``for_writing`` refuses it instead
        (409), so no save ever replaces what the learner wrote with an empty journal."""
        try:
            state = validate_state(self.journal)
        except JournalError:
            if for_writing:
                raise
            state = empty_state()
        picked = self.followup_date
        state["followup_date"] = picked if isinstance(picked, str) and ISO_DATE_RE.fullmatch(picked) \
            and to_date(picked) else ""
        return state

    def current_prompts(self):
        """The validated prompts (remembered for the life of this instance: one request)."""
        raw = self.prompts
        cached = getattr(self, "_prompts_cache", None)
        if cached is None or cached[0] is not raw:
            cached = (raw, prompts_or_empty(raw))
            self._prompts_cache = cached  # pylint: disable=attribute-defined-outside-init
        return cached[1]

    def followup_info(self, state):
        return followup.status(state, self.followup_prompt, self.followup_days, self.today())

    def open_keys(self, state):
        """Keys the learner can write now: the prompts, and the follow-up when it is open."""
        keys = [p["id"] for p in self.current_prompts()]
        if self.followup_info(state)["open"]:
            keys.append(FOLLOWUP_KEY)
        return keys

    def saved_state(self):
        """``{"journal": {key: working text}, "entries": ...}``: the texts the autosave compares and merges
        (RevisionedSaveMixin: 409 answers, ``student_view_user_state``), and the versions' dates the page shows."""
        state = self.stored_state()
        return {"journal": working_texts(state, self.open_keys(state)), "entries": entry_data(self, state)}

    # ---- the course-wide copy ----------------------------------------------------------------------------
    def block_copy(self, state):
        module, order = placement(self)
        label = self.module_name.strip() or module
        return jcourse.block_copy(state, self.current_prompts(), self.followup_prompt, self.display_name, label,
                                  order, state_saved_at(self))

    def index_signature(self, state):
        """What the copy is made from: the learner's revision, each entry's versions, and the settings it shows."""
        versions = [(k, len(e["versions"]) + e["pruned"], e["versions"][-1]["saved"] if e["versions"] else "",
                     bool(e["draft"])) for k, e in sorted(state["entries"].items())]
        source = json.dumps([self.display_name, self.module_name, self.prompts, self.followup_prompt, versions],
                            ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)
        return f"{self.revision}:{hashlib.sha1(source.encode('utf-8')).hexdigest()[:16]}"

    def refresh_index(self, state, force=False):
        """Bring this block's part of the learner's course-wide journal up to date; True if a field changed.

        ``indexed`` (user_state) remembers ``"<signature> <sig>"``: the signature of the state the copy was last
        checked against and the ``sig`` of the copy that was then in the index (``-``: none, the block has no
        text). A render costs two dict lookups when nothing changed; the copy itself (a large ``user_info``
        value) is rewritten only when its content differs -- not on every autosave of a draft that changes
        nothing in it. A copy that is missing (a cap dropped it) or is not the one this block last wrote (two
        blocks' requests overlapped and the later one wrote back an older copy of this block) is rebuilt."""
        if self.view != "entry":
            return False
        index = self.stored_index()
        key, usage = course_key(self), str(self.scope_ids.usage_id)
        signature = self.index_signature(state)
        checked, _, sig = (self.indexed or "").partition(" ")
        if not force and checked == signature and sig and jcourse.stored_sig(index, key, usage) == (
                None if sig == "-" else sig):
            return False
        copy = self.block_copy(state)
        if jcourse.needs_update(index, key, usage, copy):
            self.reflection_journal = jcourse.update_index(index, key, usage, copy, state_saved_at(self))
        self.indexed = f"{signature} {copy['sig'] if copy['entries'] else '-'}"
        return True

    def stored_index(self):
        """The ``user_info`` copy, read-only: XBlock deep-copies a Dict field on every read to watch it for
        changes, which for a course-wide journal costs more than the rest of the page. A value set earlier in
        this request is read through the field."""
        field = self.fields[INDEX_FIELD]
        if field in self._dirty_fields:  # pylint: disable=protected-access
            return getattr(self, INDEX_FIELD)
        data = self._field_data  # pylint: disable=protected-access
        value = data.get(self, INDEX_FIELD) if data.has(self, INDEX_FIELD) else None
        return value if isinstance(value, dict) else {}

    def course_index(self):
        """This course's part of the learner's course-wide journal (read-only)."""
        value = self.stored_index().get(course_key(self))
        return value if isinstance(value, dict) else {}

    # ---- views ---------------------------------------------------------------------------------------------
    def student_view(self, context=None):  # pylint: disable=unused-argument
        lang = current_lang()
        if self.view == "course_journal":
            html = course_page_html(self, lang)
            css, js, init = "static/css/reflection.css", "static/js/reflection.js", "ReflectionJournalBlock"
        else:
            state = self.stored_state()
            if self.refresh_index(state):  # a copy missing or stale (a cap, an older version): heal it
                self.save()
            html = entry_page_html(self, state, lang)
            css, js, init = "static/css/reflection.css", "static/js/reflection.js", "ReflectionJournalBlock"
        frag = add_assets(Fragment(html), FILES, css=(css,), js=(js,))
        frag.initialize_js(init)
        return frag

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """Settings for mobile apps (the learner's state comes from ``student_view_user_state``)."""
        return {"display_name": self.display_name, "view": self.view, "prompts": self.current_prompts(),
                "min_length": self.min_length, "followup_prompt": self.followup_prompt,
                "followup_days": self.followup_days, "share_with_staff": self.share_with_staff,
                "max_chars": MAX_ENTRY_CHARS}

    # ---- Studio --------------------------------------------------------------------------------------------
    def validate_field_data(self, validation, data):
        """Studio refuses settings the block could not use, each problem named."""
        tr = CATALOGUE.gettext_for(current_lang())

        def problem(text, **params):
            validation.add(ValidationMessage(ValidationMessage.ERROR, tr(text) % params if params else tr(text)))

        try:
            validate_prompts(data.prompts)
        except JournalError as err:
            problem(_("Questions: %(problem)s. Write a JSON list of at most 10 questions, each {\"text\": \"...\", "
                      "\"guidance\": \"...\"}."), problem=err.params.get("name", ""))
        if not isinstance(data.min_length, int) or not 0 <= data.min_length <= MAX_MIN_LENGTH:
            problem(_("Minimum length: a number from 0 to %(max)s."), max=MAX_MIN_LENGTH)
        if not isinstance(data.followup_days, int) or not 0 <= data.followup_days <= followup.MAX_DAYS:
            problem(_("Follow-up after (days): a number from 0 to %(max)s."), max=followup.MAX_DAYS)
        if data.view not in VIEWS:
            problem(_('View: "entry" or "course_journal".'))
        if len(data.followup_prompt or "") > MAX_PROMPT_CHARS:
            problem(_("Follow-up question: at most %(max)s characters."), max=MAX_PROMPT_CHARS)
        for name in ("display_name", "module_name"):
            if len(getattr(data, name) or "") > MAX_LABEL_CHARS:
                label = tr(ReflectionJournalXBlock.fields[name].display_name)  # self may hold defaults only
                problem(_("%(field)s: at most %(max)s characters."), field=label, max=MAX_LABEL_CHARS)

    # ---- report --------------------------------------------------------------------------------------------
    def report_row(self, state):
        """Counts and dates per learner; the text only as ``share_with_staff`` allows (recruitment_core)."""
        stored = state.get("journal")
        if not isinstance(stored, dict) or not stored.get("entries"):
            return None
        journal = validate_state(stored)
        picked = state.get("followup_date")
        journal["followup_date"] = picked if isinstance(picked, str) and ISO_DATE_RE.fullmatch(picked) \
            and to_date(picked) else ""
        return journal_report_row(journal, self.current_prompts(), self.min_length, self.followup_prompt,
                                  self.followup_days, self.share_with_staff, self.today())

    @staticmethod
    def workbench_scenarios():
        return list(SCENARIOS)


def state_saved_at(block):
    """The block's last save time, or now (a copy written on a render before any save)."""
    return block.saved_at or datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
