"""The interview-guide XBlock: fields, views and handlers. The domain (bank, guide, scoring, practice, documents)
is ``recruitment_core``; the plumbing (strict handlers, revisions, completion, report rows, Studio editing, shared
fields, downloads) is ``xblock_layer``."""
import functools
import hashlib
import json
import logging
import re
import threading
from collections import OrderedDict
from xml.sax.saxutils import quoteattr

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from recruitment_core import guide_text as gt
from recruitment_core.documents import guide_docx, scoring_sheet_docx
from recruitment_core.framework import load_default_framework
from recruitment_core.guide import (
    GUIDE_TYPES, MAX_STATE_BYTES, GuideError, empty_guide, estimate_minutes, guide_advice, is_complete,
    keep_submitted_ratings, report_summary, validate_guide,
)
from recruitment_core.lang import normalize_lang
from recruitment_core.practice import compare_practice
from recruitment_core.scoring import consensus, practice_issues, rating_issues
from recruitment_core.sharing import SummaryError, read_profile_summary, read_shelf
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Integer, Scope, String
from xblock.validation import ValidationMessage
from xblock_layer.assets import LayerAssetsMixin, add_assets, layer_page_data
from xblock_layer.completion import CompletionOnceMixin
from xblock_layer.downloads import DOCX_TYPE, attachment, cacheable_json, html_page
from xblock_layer.i18n import CatalogueMixin
from xblock_layer.js_strings import layer_js_strings
from xblock_layer.json_handlers import refuse_method, require_dict, strict_json_handler
from xblock_layer.olx import AuthoredOlxMixin
from xblock_layer.rendering import PackageFiles, element_id, script_json
from xblock_layer.reports import ReportRowsMixin
from xblock_layer.revisions import RevisionedSaveMixin
from xblock_layer.shared_fields import ProfileSummaryField
from xblock_layer.studio import StudioEditingMixin

from .banks import MAX_OVERRIDE_CHARS, bank_errors, bank_for, bank_json, bank_version, case_errors, case_for
from .i18n import CATALOGUE, _, current_lang, gettext_for, translate_dict
from .printing import print_page
from .strings import ERRORS, JS, PAGE, STUDIO

log = logging.getLogger(__name__)

FILES = PackageFiles(__package__)
_RESULTS = OrderedDict()          # results() per (guide, settings, profile, language), most recent last
_RESULTS_LOCK = threading.Lock()  # LMS workers may serve requests in threads
MAX_BODY_BYTES = MAX_STATE_BYTES + 20_000
MAX_DEPTH = 8  # {"guide": {"interviewers": [{"ratings": {"c": {"score": 1}}}]}}
MINUTES_RANGE = (10, 180)
# File names of the downloads, named for what the guide is (a phone screen is no "intervjuguide").
FILE_STEMS = {"guide": {"sv": "intervjuguide", "en": "interview-guide"},
              "phone_screen": {"sv": "telefonavstamning", "en": "phone-screen"},
              "reference_check": {"sv": "referenstagning", "en": "reference-check"},
              "practice": {"sv": "ovning-i-bedomning", "en": "rating-practice"},
              "sheet": {"sv": "bedomningsmall", "en": "scoring-sheet"}}
# Labels of the guide's fields, shared with the Word documents and the print view (recruitment_core.guide_text).
LABEL_KEYS = ("own_question", "competency", "practice_case")

SCENARIOS = (
    ("Kravprofil och intervjuguide",
     "<vertical_demo><kravprofil/><interview_guide/></vertical_demo>"),
    ("Telefonavstämning och referenstagning",
     '<vertical_demo><interview_guide guide_type="phone_screen" planned_minutes="30" display_name="Telefonavstämning"/>'
     '<interview_guide guide_type="reference_check" planned_minutes="30" display_name="Referenstagning"/>'
     "</vertical_demo>"),
    ("Övning i bedömning",
     '<vertical_demo><interview_guide guide_type="practice" display_name="Övning i bedömning" practice_case="'
     "title: Kundtjänst – en missnöjd kund&#10;question: customer_focus_4&#10;answer: Vi brukar alltid lösa sånt "
     "snabbt i teamet. Jag skulle nog ringa kunden och be om ursäkt, och sedan tar någon annan över.&#10;ratings:"
     "&#10;  - competency: customer_focus&#10;    score: 2&#10;    reasons: Ingen plan för vad hen själv gör "
     "med kunden de första dagarna – ”vi brukar” och ”någon annan tar över” i stället för egna steg och en "
     "uppföljning.&#10;  - competency: communication&#10;    "
     'score: 2&#10;    reasons: Kort och allmänt; förklarar inte hur kunden hålls informerad.&#10;"/>'
     "</vertical_demo>"),
    ("Övning i bedömning – för lite underlag",
     '<vertical_demo><interview_guide guide_type="practice" display_name="Övning – för lite underlag" practice_case='
     + quoteattr("title: Den fria intervjun\nanswer: |\n  Chefen: Hur hanterar du stress?\n  Kandidaten: Vi hade "
                 "jättemånga förnyelser förra året, men vi löste det tillsammans. Jag är väldigt strukturerad.\n"
                 "ratings:\n  - competency: planning_organising\n    score: na\n    reasons: Ett ”vi” och en "
                 "självbeskrivning; inget hon själv har gjort att bedöma.\n  - competency: communication\n"
                 "    score: 3\n    reasons: Kort men tydligt.\n")
     + "/></vertical_demo>"),
)


# The page's script strings and labels travel with the bank (one cacheable GET per language), not in every page.
JS_LABELS = ("competency", "consensus", "debrief_order", "debrief_tip", "expert", "not_assessed", "own_question",
             "possible_errors", "reasons", "seniority", "spread", "talk_first", "to_discuss", "weak_signs", "you",
             "opening",
             "opening.who", "opening.agenda", "opening.notes", "candidate_minutes", "closing", "closing.next_steps",
             "closing.hear_back", "practicalities", "practicalities.notice_period", "practicalities.pay",
             "practicalities.location", "practicalities.other", "rate_alone")
UI_VERSION = hashlib.sha1(json.dumps([sorted(JS.values()), JS_LABELS]).encode("utf-8")).hexdigest()[:6]


@functools.lru_cache(maxsize=4)
def ui_json(lang):
    """``{"strings": {...}, "labels": {...}}`` of the page's script in ``lang``, as JSON text."""
    return json.dumps({"strings": {**layer_js_strings(lang), **translate_dict(JS, lang)},
                       "labels": {key: gt.label(key, lang) for key in JS_LABELS}},
                      ensure_ascii=False, separators=(",", ":"))


UID_MARK = "__IGUID__"
_PART_RE = re.compile(r"__IG(TITLE|INSTR|DATA)__")


@functools.lru_cache(maxsize=16)
def static_parts(lang, kind):
    """The page rendered once per language and guide type, split at the markers of its per-view values:
    ``[static, name, static, ...]`` (names TITLE, INSTR, DATA; the block id prefix is ``UID_MARK``)."""
    html = FILES.render("interview.html", {
        "uid": UID_MARK, "lang": lang, "kind": kind, "t": translate_dict(PAGE, lang), "display_name": "__IGTITLE__",
        "instructions": "__IGINSTR__", "type_label": gt.GUIDE_TYPE_LABELS[kind][lang], "data_json": "__IGDATA__",
        "labels": {key.replace(".", "_"): gt.label(key, lang) for key in LABEL_KEYS},
    })
    return tuple(_PART_RE.split(html))


@functools.lru_cache(maxsize=256)
def _checked_guide(text):
    """``validate_guide`` of a stored guide (JSON text); one stored under other limits starts afresh (empty)."""
    try:
        return validate_guide(json.loads(text))
    except (GuideError, ValueError):
        return validate_guide({})


def _type_choices(block):  # pylint: disable=unused-argument
    tr = gettext_for(current_lang())
    return [{"display_name": tr(STUDIO[name]), "value": name} for name in GUIDE_TYPES]


@XBlock.wants("i18n")
@XBlock.supports("multi_device")
class InterviewGuideXBlock(RevisionedSaveMixin, CompletionOnceMixin, ProfileSummaryField, ReportRowsMixin,
                           AuthoredOlxMixin, LayerAssetsMixin, CatalogueMixin, StudioEditingMixin, XBlock):
    """From the learner's kravprofil to an interview guide with follow-ups and a scoring sheet; also phone-screen
    and reference-check guides, and rating practice against an expert."""

    display_name = String(display_name=_("Display name"), help=_("The title learners see above the block."),
                          default="Intervjuguide", scope=Scope.settings)
    guide_type = String(display_name=_("Guide type"),
                        help=_("Interview guide, phone screen, reference check, or rating practice."),
                        default="interview", scope=Scope.settings, values_provider=_type_choices)
    planned_minutes = Integer(display_name=_("Planned length (minutes)"),
                              help=_("The learner is told when the guide is longer than this (10–180)."),
                              default=60, values={"min": 10, "max": 180}, scope=Scope.settings)
    instructions = String(display_name=_("Instructions"),
                          help=_("Shown above the guide as plain text. Empty: the built-in instructions."),
                          default="", scope=Scope.content, multiline_editor=True)
    question_bank_override = String(
        display_name=_("Question bank (override)"),
        help=_("YAML or JSON that extends (mode: extend) or replaces (mode: replace) the built-in question bank. "
               "Every error is listed; an invalid text is not saved."),
        default="", scope=Scope.content, multiline_editor=True)
    practice_case = String(
        display_name=_("Practice case"),
        help=_("For rating practice: YAML or JSON with title, answer (the candidate's answer or a film transcript), "
               "question (optional bank id) and ratings (competency, score 1–5 or na for not assessed, reasons)."),
        default="", scope=Scope.content, multiline_editor=True)

    guide = Dict(default={}, scope=Scope.user_state, help="The learner's guide (validated).")

    editable_fields = ("display_name", "guide_type", "planned_minutes", "instructions", "question_bank_override",
                       "practice_case")
    catalogue = CATALOGUE
    state_name = "guide"
    studio_max_bytes = 4 * MAX_OVERRIDE_CHARS + 50_000
    studio_max_depth = 6

    # ---- helpers -------------------------------------------------------------------------------------------
    def kind(self):
        return self.guide_type if self.guide_type in GUIDE_TYPES else "interview"

    def bank(self):
        return bank_for(self.question_bank_override)

    def case(self):
        return case_for(self.practice_case, self.question_bank_override) if self.kind() == "practice" else None

    def stored_guide(self, lang=None):
        """The saved guide, validated (the check is remembered per stored text), or a new one."""
        if not self.guide:
            return empty_guide(self.kind(), lang or current_lang(), self.planned_minutes)
        # Shared with the cache: read it, never change it (validate_guide gives a changeable copy).
        return _checked_guide(json.dumps(self.guide, sort_keys=True, ensure_ascii=False))

    def saved_state(self):
        return {"guide": self.stored_guide()}

    def profiles(self):
        """``([{"key", "title", "summary"}], problem)``: the learner's shared kravprofil summaries in this course."""
        try:
            shelf = read_shelf(self.course_entry("kravprofil_shelf"))
        except Exception:  # pylint: disable=broad-except  # a damaged field never breaks the page
            shelf = []
        if shelf:
            return shelf, ""
        try:
            single = read_profile_summary(self.course_entry("kravprofil_shared"))
        except SummaryError:
            return [], "bad"
        return ([{"key": "", "title": "", "summary": single}] if single else []), ""

    def chosen_profile(self, guide, profiles):
        for item in profiles:
            if item["key"] == guide["profile_key"]:
                return item["summary"]
        return profiles[0]["summary"] if len(profiles) == 1 else None

    def results(self, guide, lang, profiles=None):
        """Everything the page shows next to the guide: advice, time, scoring issues, consensus, practice.

        Only what the page uses (no evidence texts twice); remembered per guide, settings, profile and language,
        so a page view after a save, or a reload, does not compute it again."""
        kind = self.kind()
        profiles = self.profiles()[0] if profiles is None else profiles
        profile = self.chosen_profile(guide, profiles)
        key = hashlib.sha1(json.dumps([guide, profile, kind, self.planned_minutes, self.question_bank_override,
                                       self.practice_case, lang], sort_keys=True, ensure_ascii=False)
                           .encode("utf-8")).digest()
        with _RESULTS_LOCK:
            cached = _RESULTS.get(key)
            if cached is not None:
                _RESULTS.move_to_end(key)
                return dict(cached)  # callers add keys; the values are only read
        bank, framework = self.bank(), load_default_framework()
        out = {"advice": [{k: a[k] for k in ("kind", "index", "competency", "message")}
                          for a in guide_advice(guide, bank, framework, kind, self.planned_minutes, profile, lang)],
               "estimate": estimate_minutes(guide, bank, kind), "issues": [], "consensus": None,
               "practice": None, "completed": is_complete(guide, kind, bank)}
        if kind == "interview":
            out["issues"] = [{"message": i["message"]} for i in rating_issues(guide, framework, lang)]
            view = consensus(guide, framework, lang)
            view["names"] = [x["interviewer"] for x in view["rows"][0]["scores"]] if view["rows"] else []
            view["rows"] = [{"competency": r["competency"], "status": r["status"], "spread": r["spread"],
                             "message": r["message"], "scores": [x["score"] for x in r["scores"]]}
                            for r in view["rows"]]
            out["consensus"] = view
        case = self.case()
        if kind == "practice" and case is not None:
            comps = [r["competency"] for r in case["ratings"]]
            out["issues"] = [{"message": i["message"]} for i in practice_issues(guide, comps, framework, lang)]
            if guide["practice"]["submitted"]:
                out["practice"] = compare_practice(guide["practice"]["ratings"], case, framework, lang)
        with _RESULTS_LOCK:
            _RESULTS[key] = dict(out)
            while len(_RESULTS) > 256:
                _RESULTS.popitem(last=False)
        return out

    # ---- views ---------------------------------------------------------------------------------------------
    def page_data(self, lang):
        guide = self.stored_guide(lang)
        profiles, problem = self.profiles()
        case = self.case()
        bank = self.bank()
        data = {
            "revision": self.revision, "saved_at": self.saved_at, "type": self.kind(),
            "planned": self.planned_minutes,
            "bank_query": f"v={bank_version(self.question_bank_override)}{UI_VERSION}&lang={lang}",
            "guide": guide,
            "profiles": [{"key": p["key"], "title": p["title"], "role": p["summary"]["role"],
                          "competencies": p["summary"]["competencies"],
                          "must": [r["text"] for r in p["summary"]["requirements"] if r["must"]][:12]}
                         for p in profiles],
            "profile_problem": problem,
            "case": None if case is None else {
                "title": case["title"], "answer": case["answer"],
                "question": (bank.get(case["question"]).question[lang] if case["question"] else ""),
                "competencies": [r["competency"] for r in case["ratings"]]},
        }
        data.update(self.results(guide, lang, profiles))
        data.update(layer_page_data(self))  # URLs of the shared module's on-demand files
        return data

    def student_view(self, context=None):  # pylint: disable=unused-argument
        lang = current_lang()
        kind = self.kind()
        data = self.page_data(lang)
        texts = translate_dict(PAGE, lang)
        instructions = self.instructions or texts.get(f"instructions_{kind}", texts["instructions"])
        values = {"TITLE": escape(self.display_name), "INSTR": linebreaksbr(instructions, autoescape=True),
                  "DATA": script_json(data)}
        uid = element_id(self.scope_ids.usage_id, "ig")
        html = "".join(values[part] if i % 2 else part.replace(UID_MARK, uid)
                       for i, part in enumerate(static_parts(lang, kind)))
        type_label = gt.GUIDE_TYPE_LABELS[kind][lang]
        if self.display_name.strip().casefold() == type_label.casefold():  # "Intervjuguide" under "Intervjuguide"
            html = html.replace(f'<p class="ig-type">{escape(type_label)}</p>', "", 1)
        scripts = ("static/js/interview.js", "static/js/practice.js") if kind == "practice" else \
            ("static/js/interview.js",)
        frag = add_assets(Fragment(html), FILES, css=("static/css/interview.css",), js=scripts)
        frag.initialize_js("InterviewGuideBlock")
        return frag

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        lang = current_lang()
        return {"display_name": self.display_name, "guide_type": self.kind(), "planned_minutes": self.planned_minutes,
                "question_bank": self.bank().localized(lang)}

    # ---- handlers ------------------------------------------------------------------------------------------
    # A body over the save handler's limit holds a guide too large to save: say that (CatalogueMixin).
    too_large_messages = {MAX_BODY_BYTES: (ERRORS["too_large"], {"kb": MAX_STATE_BYTES // 1000})}

    def _error(self, key, status=400, **params):
        return self.input_error(ERRORS[key], key, status, **params)

    def _get_only(self, request):
        return refuse_method(self, request)

    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def save_guide(self, data, suffix=""):  # pylint: disable=unused-argument
        """Store ``{"guide": {...}, "revision": n}`` if ``n`` is the stored revision (409 otherwise)."""
        data = require_dict(data, allowed_keys={"guide", "revision"}, required_keys=("guide", "revision"))
        lang = current_lang()
        tr = gettext_for(lang)
        revision = self.base_revision(data, message=tr(ERRORS["bad_revision"]))
        try:
            guide = validate_guide(data["guide"])
        except GuideError as err:
            if err.code == "too_large":
                raise self._error("too_large", status=413, kb=MAX_STATE_BYTES // 1000) from None
            raise self._error("invalid_guide", problem=err.localized(lang)) from None
        guide = keep_submitted_ratings(self.stored_guide(lang), guide)
        saved_at = self.commit_revision(revision, message=tr(ERRORS["conflict"]) % {"revision": self.revision})
        self.guide = guide
        results = self.results(guide, lang)
        self.publish_completion_once(results["completed"])
        results.update(revision=self.revision, saved_at=saved_at, guide=guide, completed=self.completed)
        return results

    @XBlock.handler
    def bank_data(self, request, suffix=""):  # pylint: disable=unused-argument
        """The localized bank and the framework's competencies; cacheable (``?v=<fingerprint>&lang=``)."""
        refused = self._get_only(request)
        if refused is not None:
            return refused
        lang = normalize_lang(request.GET.get("lang")) if request.GET.get("lang") else current_lang()
        return cacheable_json(bank_json(self.question_bank_override, lang, ui_json(lang)), max_age=3600)

    def _document(self, request, build, stem):
        refused = self._get_only(request)
        if refused is not None:
            return refused
        lang = current_lang()
        guide = self.stored_guide(lang)
        profile = self.chosen_profile(guide, self.profiles()[0]) or {}
        role = profile.get("role", "")
        must = [r["text"] for r in profile.get("requirements", []) if r.get("must")]
        body = build(guide, self.bank(), load_default_framework(), self.kind(), lang, role, must)
        if stem == "guide" and self.kind() in FILE_STEMS:
            stem = self.kind()
        fallback = FILE_STEMS[stem][lang]
        return attachment(body, DOCX_TYPE, f"{fallback}-{role}" if role else fallback, fallback)

    @XBlock.handler
    def download_guide(self, request, suffix=""):  # pylint: disable=unused-argument
        """The saved guide as a Word document."""
        return self._document(request, lambda g, b, f, k, lang, role, must: guide_docx(
            g, b, f, k, lang, role=role, planned_minutes=self.planned_minutes, must_haves=must), "guide")

    @XBlock.handler
    def download_sheet(self, request, suffix=""):  # pylint: disable=unused-argument
        """The saved scoring sheet as a Word document."""
        return self._document(request, lambda g, b, f, k, lang, role, must: scoring_sheet_docx(
            g, b, f, k, lang, role=role), "sheet")

    @XBlock.handler
    def print_view(self, request, suffix=""):  # pylint: disable=unused-argument
        """A standalone print-friendly page of the saved guide and scoring sheet."""
        refused = self._get_only(request)
        if refused is not None:
            return refused
        lang = current_lang()
        guide = self.stored_guide(lang)
        profile = self.chosen_profile(guide, self.profiles()[0]) or {}
        must = [r["text"] for r in profile.get("requirements", []) if r.get("must")]
        return html_page(print_page(guide, self.bank(), load_default_framework(), self.kind(), lang,
                                    profile.get("role", ""), self.display_name, must), lang)

    # ---- Studio, reports, OLX ------------------------------------------------------------------------------
    def validate_field_data(self, validation, data):
        """One error per problem; nothing is saved unless every value is valid (the previous values stay)."""
        tr = gettext_for(current_lang())

        def error(text):
            validation.add(ValidationMessage(ValidationMessage.ERROR, text))

        if data.guide_type not in GUIDE_TYPES:
            error(tr(ERRORS["type_unknown"]) % {"name": str(data.guide_type)[:40]})
        minutes = data.planned_minutes
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not \
                MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
            error(tr(ERRORS["minutes_range"]))
        override = data.question_bank_override or ""
        problems = bank_errors(override) if isinstance(override, str) else ["question_bank_override: not text"]
        if problems:
            error(tr(ERRORS["bank_invalid"]))
            for problem in problems:
                error(problem)
        case = data.practice_case or ""
        problems = case_errors(case, override if not bank_errors(override) else "") if isinstance(case, str) \
            else ["practice_case: not text"]
        if problems:
            error(tr(ERRORS["case_invalid"]))
            for problem in problems:
                error(problem)
        elif data.guide_type == "practice" and not case.strip():
            error(tr(ERRORS["case_missing"]))

    def report_row(self, state):
        """Counts and competency ids only, never the learner's text."""
        guide = state.get("guide")
        if not isinstance(guide, dict) or not guide:
            return None
        try:
            info = report_summary(validate_guide(guide))
        except GuideError:
            return None
        info["competencies"] = ", ".join(info["competencies"])
        info["completed"] = bool(state.get("completed", False))
        return info

    @staticmethod
    def workbench_scenarios():
        return list(SCENARIOS)
