"""The kravprofil XBlock: fields and views. Handlers and Studio validation live in mixins; the plumbing (strict
handlers, revisions, completion, report rows, Studio editing, shared fields) comes from ``xblock_layer``."""
from recruitment_core.framework_override import framework_for
from recruitment_core.profile import SECTIONS, ProfileError, empty_profile, summary, validate_profile
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Integer, List, Scope, String
from xblock_layer.assets import LayerAssetsMixin, add_assets, layer_page_data
from xblock_layer.completion import CompletionOnceMixin
from xblock_layer.i18n import CatalogueMixin
from xblock_layer.olx import AuthoredOlxMixin
from xblock_layer.rendering import element_id
from xblock_layer.reports import ReportRowsMixin
from xblock_layer.revisions import RevisionedSaveMixin
from xblock_layer.shared_fields import ProfileSummaryField
from xblock_layer.studio import StudioEditingMixin

from .frameworks import frontend_framework
from .handlers import HandlersMixin
from .i18n import CATALOGUE, _, current_lang
from .page import FILES, page_html, state_json
from .scenarios import SCENARIOS
from .studio import StudioSettingsMixin
from .view_context import section_titles

DEFAULT_REQUIRED_SECTIONS = ["basics", "purpose", "requirements", "competencies", "process"]
STEPS = ("profile", "ad")
MAX_SHARED_COURSES = 3  # kravprofil_work keeps the learner's latest profiles of at most this many courses


def _section_choices(block):
    """The Studio editor's choices for ``required_sections``."""
    titles = section_titles(current_lang(), SECTIONS)
    return [{"display_name": title, "value": name} for name, title in zip(SECTIONS, titles)]


@XBlock.wants("i18n")
@XBlock.supports("multi_device")
class KravprofilXBlock(
        StudioSettingsMixin, HandlersMixin, RevisionedSaveMixin, CompletionOnceMixin, ProfileSummaryField,
        ReportRowsMixin, CatalogueMixin, AuthoredOlxMixin, LayerAssetsMixin, StudioEditingMixin, XBlock):
    """A learner builds a requirement profile for a role, gets advice while writing and drafts the job ad."""

    display_name = String(
        display_name=_("Display name"), help=_("The title learners see above the block."),
        default="Kravprofil", scope=Scope.settings)
    instructions = String(
        display_name=_("Instructions"),
        help=_("Shown above the form as plain text (line breaks kept). Empty: the built-in instructions."),
        default="", scope=Scope.content, multiline_editor=True)
    framework_override = String(
        display_name=_("Competency framework (override)"),
        help=_("Paste a whole framework as YAML or JSON to replace the built-in one for this block. Empty: the "
               "built-in framework. An invalid framework is refused with every error listed."),
        default="", scope=Scope.content, multiline_editor=True)
    max_competencies = Integer(
        display_name=_("Maximum number of key competencies"),
        help=_("Choosing more gives the learner a warning, never a block (1–20)."),
        default=6, values={"min": 1, "max": 20}, scope=Scope.settings)
    required_sections = List(
        display_name=_("Required sections"),
        help=_("The step is complete when these sections are filled in."),
        default=DEFAULT_REQUIRED_SECTIONS, scope=Scope.settings,
        list_style="set", list_values_provider=_section_choices)

    step = String(
        display_name=_("Step"),
        help=_("Profile: the whole requirement profile and the ad. Ad: the job ad only, from the same learner's "
               "profile in an earlier kravprofil block of the course (read-only here)."),
        default="profile", scope=Scope.settings,
        values=[{"display_name": "Kravprofil / Profile", "value": "profile"},
                {"display_name": "Annons / Ad", "value": "ad"}])

    profile = Dict(default={}, scope=Scope.user_state, help="The learner's requirement profile (validated).")
    # The learner's whole profile per course, written by the profile step and read by the ad step (a later unit):
    # Scope.user_info is per learner across blocks, so it never reaches another learner (docs/contracts.md).
    kravprofil_work = Dict(
        default={}, scope=Scope.user_info,
        help="The learner's latest requirement profile per course id, for the ad step (see docs/contracts.md).")
    # revision, saved_at (RevisionedSaveMixin), completed (CompletionOnceMixin), kravprofil_shared
    # (ProfileSummaryField) come from the layer.

    editable_fields = ("display_name", "step", "instructions", "framework_override", "max_competencies",
                       "required_sections")

    catalogue = CATALOGUE  # ugettext (CatalogueMixin): the Studio editor's field labels
    state_name = "profile"  # RevisionedSaveMixin: the key in save requests, 409 answers, student_view_user_state

    # ---- helpers -------------------------------------------------------------------------------------------
    def current_framework(self):
        """The framework of this block (the override, or the default one)."""
        return framework_for(self.framework_override)

    def saved_state(self):
        """The saved profile for a 409 answer and ``student_view_user_state`` (RevisionedSaveMixin); in the ad step
        what its page shows (the profile step's sections with this block's ad)."""
        return {"profile": self.view_profile() if self.is_ad_step() else self.stored_profile()}

    def is_ad_step(self):
        return self.step == "ad"

    def shared_profile(self):
        """This learner's profile from the profile step of this course (validated), or ``None``."""
        entry = self.course_entry("kravprofil_work")
        if not isinstance(entry, dict) or entry.get("version") != 1:
            return None
        try:
            return validate_profile(entry.get("profile"))
        except ProfileError:
            return None

    def share_profile(self, profile, saved_at):
        """Store ``profile`` as this course's entry of ``kravprofil_work``; keep the latest few courses only."""
        self.set_course_entry("kravprofil_work", {"version": 1, "profile": profile, "saved_at": saved_at})
        work = dict(self.kravprofil_work or {})
        if len(work) > MAX_SHARED_COURSES:
            newest = sorted(work, key=lambda k: str((work[k] or {}).get("saved_at", "")), reverse=True)
            self.kravprofil_work = {k: work[k] for k in newest[:MAX_SHARED_COURSES]}

    def with_shared_sections(self, ad):
        """The ad step's profile: every section from the profile step, the ad from this block."""
        base = self.shared_profile() or empty_profile()
        return validate_profile({**base, "ad": ad})

    def view_profile(self):
        """What the page shows: the own saved profile, or in the ad step the shared sections with the own ad."""
        if not self.is_ad_step():
            return self.profile
        base = self.shared_profile() or empty_profile()
        own = self.stored_profile()["ad"] if self.profile else None
        return {**base, "ad": own if own is not None and any(v.strip() for v in own.values()) else base["ad"]}

    def stored_profile(self):
        """The learner's saved profile with every key present (an empty profile before the first save)."""
        if not self.profile:
            return empty_profile()
        try:
            return validate_profile(self.profile)
        except ProfileError:
            # Saved under other limits: show it as stored rather than hide the learner's work.
            return dict(self.profile)

    # ---- views ---------------------------------------------------------------------------------------------
    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner's form; the state travels as escaped JSON inside the page, never as init arguments."""
        lang = current_lang()
        profile = self.view_profile()
        data_json = state_json(profile, self.revision, self.saved_at, self.max_competencies,
                               self.framework_override, lang,
                               extra={**layer_page_data(self), **self.page_extra(profile, lang)})
        html = page_html(lang, element_id(self.scope_ids.usage_id, "kp"), self.display_name, self.instructions,
                         ["ad"] if self.is_ad_step() else self.required_sections, data_json)
        frag = add_assets(Fragment(html), FILES, css=("static/css/kravprofil.css",), js=("static/js/kravprofil.js",))
        frag.initialize_js("KravprofilBlock")
        return frag

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """Settings and the localized framework for mobile apps (no learner state)."""
        lang = current_lang()
        return {
            "display_name": self.display_name,
            "instructions": self.instructions,
            "max_competencies": self.max_competencies,
            "required_sections": list(self.required_sections),
            "sections": list(SECTIONS),
            "framework": frontend_framework(self.framework_override, lang),
        }

    def report_row(self, state):
        """The Instructor Dashboard's row: counts and ids per learner, never free text (the role title aside)."""
        profile = state.get("profile")
        if not isinstance(profile, dict) or not profile:
            return None
        info = summary(profile)
        revision = state.get("revision", 0)
        return {
            "role": info["role"][:200],
            "requirements": info["requirements"],
            "must_haves": info["must"],
            "competencies": ", ".join(str(cid) for cid in info["competencies"]),
            "competency_count": len(info["competencies"]),
            "revision": revision if isinstance(revision, int) and not isinstance(revision, bool) else 0,
            "completed": bool(state.get("completed", False)),
        }

    @staticmethod
    def workbench_scenarios():
        """Scenarios of the xblock-sdk workbench."""
        return list(SCENARIOS)
