"""The kravprofil XBlock: fields and views. Handlers and Studio validation live in mixins; the plumbing (strict
handlers, revisions, completion, report rows, Studio editing, shared fields) comes from ``xblock_layer``."""
from recruitment_core.framework_override import framework_for
from recruitment_core.profile import SECTIONS, ProfileError, empty_profile, summary, validate_profile
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Integer, List, Scope, String
from xblock_layer.assets import add_assets
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


def _section_choices(block):
    """The Studio editor's choices for ``required_sections``."""
    titles = section_titles(current_lang(), SECTIONS)
    return [{"display_name": title, "value": name} for name, title in zip(SECTIONS, titles)]


@XBlock.wants("i18n")
@XBlock.supports("multi_device")
class KravprofilXBlock(
        StudioSettingsMixin, HandlersMixin, RevisionedSaveMixin, CompletionOnceMixin, ProfileSummaryField,
        ReportRowsMixin, CatalogueMixin, AuthoredOlxMixin, StudioEditingMixin, XBlock):
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

    profile = Dict(default={}, scope=Scope.user_state, help="The learner's requirement profile (validated).")
    # revision, saved_at (RevisionedSaveMixin), completed (CompletionOnceMixin), kravprofil_shared
    # (ProfileSummaryField) come from the layer.

    editable_fields = ("display_name", "instructions", "framework_override", "max_competencies",
                       "required_sections")

    catalogue = CATALOGUE  # ugettext (CatalogueMixin): the Studio editor's field labels
    state_name = "profile"  # RevisionedSaveMixin: the key in save requests, 409 answers, student_view_user_state

    # ---- helpers -------------------------------------------------------------------------------------------
    def current_framework(self):
        """The framework of this block (the override, or the default one)."""
        return framework_for(self.framework_override)

    def saved_state(self):
        """The saved profile for a 409 answer and ``student_view_user_state`` (RevisionedSaveMixin)."""
        return {"profile": self.stored_profile()}

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
        data_json = state_json(self.profile, self.revision, self.saved_at, self.max_competencies,
                               self.framework_override, lang)
        html = page_html(lang, element_id(self.scope_ids.usage_id, "kp"), self.display_name, self.instructions,
                         self.required_sections, data_json)
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
