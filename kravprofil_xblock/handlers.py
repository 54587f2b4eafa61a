"""The block's handlers: JSON (POST) for saving, advice and the ad draft; GET for documents and the print page.

Every bad request gets a 4xx JSON answer ``{"error": "<localized message>", "code": ...}`` and leaves the stored
state as it was. Handler names avoid XBlock's own methods (``save``, ``render``...).
"""
import logging
import re

from recruitment_core.advice_cache import advice_for
from recruitment_core.documents import ad_docx, kravprofil_docx
from recruitment_core.lang import normalize_lang
from recruitment_core.profile import draft_ad as build_ad_draft
from recruitment_core.profile import (
    MAX_STATE_BYTES, SECTIONS, ProfileError, filled_sections, profile_advice, validate_profile,
)
from recruitment_core.profile_text import FIELD_LABELS
from recruitment_core.sharing import build_profile_summary, shelve_summary
from xblock.core import XBlock
from xblock_layer.downloads import DOCX_TYPE, attachment, cacheable_json, html_page
from xblock_layer.json_handlers import InputError, error_response, refuse_method, require_dict, strict_json_handler

from .i18n import current_lang, gettext_for
from .page import framework_data_json
from .printing import print_page
from .strings import ERRORS
from .view_context import section_titles

log = logging.getLogger(__name__)

MAX_BODY_BYTES = MAX_STATE_BYTES + 20_000  # the profile plus the request's own keys and JSON escapes
MAX_DEPTH = 8  # {"profile": {"requirements": [{...}]}} is 4 levels deep
# The downloaded file's name starts in the learner's language (then the role: "kravprofil-ekonomiassistent.docx").
FILE_STEMS = {"kravprofil": {"sv": "kravprofil", "en": "requirement-profile"},
              "annons": {"sv": "annons", "en": "job-ad"}}
# The parts an ad needs before the ad step is complete ("merits" may be left out); no "[...]" placeholder anywhere.
AD_PARTS = ("title", "company", "intro", "tasks", "must", "offer", "process")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,120}\]")


def ad_step_advice(advice):
    """The ad step shows the advice on the ad only (the profile is read-only there)."""
    return [item for item in advice if item.get("section") == "ad"]


class HandlersMixin:
    """Handlers of the kravprofil block (mixed into ``KravprofilXBlock``)."""

    # A body over the profile handlers' own limit holds a profile too large to save: the learner is told that, as
    # for a profile over MAX_STATE_BYTES, not that "the request" is too large (CatalogueMixin.localize_error).
    too_large_messages = {MAX_BODY_BYTES: (ERRORS["too_large"], {"kb": MAX_STATE_BYTES // 1000})}

    # ---- helpers -------------------------------------------------------------------------------------------
    def _error(self, key, status=400, **params):
        """An InputError with one of the block's own ``ERRORS`` (translated)."""
        return self.input_error(ERRORS[key], key, status, **params)

    def _clean_profile(self, data):
        """The validated profile of a ``{"profile": {...}}`` request, or InputError with a localized message."""
        data = require_dict(data, allowed_keys={"profile"}, required_keys=("profile",))
        try:
            return validate_profile(data["profile"])
        except ProfileError as err:
            if err.code == "too_large":
                raise self._error("too_large", status=413, kb=MAX_STATE_BYTES // 1000) from None
            raise InputError(
                gettext_for(current_lang())(ERRORS["invalid_profile"]) % {"problem": err.localized(current_lang())},
                status=400, code="invalid_profile") from None

    def missing_parts(self, profile, lang):
        """Localized names of what the step still needs: required sections (profile step) or ad parts (ad step)."""
        profile = profile or {}
        if self.is_ad_step():
            ad = profile.get("ad") or {}
            return [FIELD_LABELS[f"ad.{key}"][lang] for key in AD_PARTS
                    if not (ad.get(key) or "").strip() or _PLACEHOLDER.search(ad.get(key) or "")]
        filled = filled_sections(profile)
        return section_titles(lang, [name for name in SECTIONS if name in (self.required_sections or ())
                                     and name not in filled])

    def page_extra(self, profile, lang):
        """The step's part of the page's JSON."""
        return {"step": "ad" if self.is_ad_step() else "profile", "missing": self.missing_parts(profile, lang),
                "has_source": self.shared_profile() is not None}

    # ---- JSON handlers -------------------------------------------------------------------------------------
    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def save_profile(self, data, suffix=""):  # pylint: disable=unused-argument
        """Store ``{"profile": {...}, "revision": n}`` if ``n`` is the stored revision; 409 otherwise."""
        data = require_dict(data, allowed_keys={"profile", "revision"}, required_keys=("profile", "revision"))
        lang = current_lang()
        tr = gettext_for(lang)
        revision = self.base_revision(data, message=tr(ERRORS["bad_revision"]))
        profile = self._clean_profile({"profile": data["profile"]})
        if self.is_ad_step():  # only the ad is the learner's to change here; the rest is the profile step's
            profile = self.with_shared_sections(profile["ad"])
        saved_at = self.commit_revision(revision, message=tr(ERRORS["conflict"]) % {"revision": self.revision})
        self.profile = profile
        missing = self.missing_parts(profile, lang)
        advice = advice_for(profile, self.framework_override, lang, self.max_competencies)
        if self.is_ad_step():  # the ad step shares nothing: the profile step's summary and shelf stay as they are
            advice = ad_step_advice(advice)
            self.publish_completion_once(not missing)
        else:
            shared = build_profile_summary(profile, saved_at)
            self.set_course_entry("kravprofil_shared", shared)
            self.set_course_entry("kravprofil_shelf", shelve_summary(
                self.course_entry("kravprofil_shelf"), str(self.scope_ids.usage_id), self.display_name, shared))
            self.share_profile(profile, saved_at)
            required = set(self.required_sections or ())
            self.publish_completion_once(bool(required) and required <= filled_sections(profile))
        return {
            "revision": self.revision,
            "saved_at": saved_at,
            "advice": advice,
            "filled_sections": sorted(filled_sections(profile)),
            "missing": missing,
            "completed": self.completed,
        }

    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def get_advice(self, data, suffix=""):  # pylint: disable=unused-argument
        """Advice on ``{"profile": {...}}`` (not stored)."""
        profile = self._clean_profile(data)
        if self.is_ad_step():
            profile = self.with_shared_sections(profile["ad"])
        advice = profile_advice(profile, self.current_framework(), current_lang(), self.max_competencies)
        return {"advice": ad_step_advice(advice) if self.is_ad_step() else advice}

    @XBlock.handler
    @strict_json_handler(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def draft_ad(self, data, suffix=""):  # pylint: disable=unused-argument
        """A job-ad draft (the ``ad`` shape) from ``{"profile": {...}}`` (not stored; the page saves it)."""
        profile = self._clean_profile(data)
        if self.is_ad_step():
            profile = self.with_shared_sections(profile["ad"])
        return {"ad": build_ad_draft(profile, self.current_framework(), current_lang())}

    # ---- GET handlers (change nothing) ---------------------------------------------------------------------
    def _document(self, request, build, fallback):
        refused = refuse_method(self, request)
        if refused is not None:
            return refused
        lang = current_lang()
        profile = self.stored_profile()
        try:
            body = build(profile, lang)
        except ProfileError as err:  # stored under other limits; nothing a retry fixes, but no 500 either
            log.warning("Stored profile could not be rendered (%s)", err.code)
            return error_response(self, self._error("invalid_profile", problem=err.localized(lang)))
        fallback = FILE_STEMS[fallback][lang]
        return attachment(body, DOCX_TYPE, f"{fallback}-{profile['basics']['role']}", fallback)

    @XBlock.handler
    def download_kravprofil(self, request, suffix=""):  # pylint: disable=unused-argument
        """The saved profile as a Word document."""
        return self._document(
            request, lambda profile, lang: kravprofil_docx(profile, self.current_framework(), lang), "kravprofil")

    @XBlock.handler
    def download_ad(self, request, suffix=""):  # pylint: disable=unused-argument
        """The saved job ad as a Word document."""
        return self._document(request, ad_docx, "annons")

    @XBlock.handler
    def framework_data(self, request, suffix=""):  # pylint: disable=unused-argument
        """The localized framework (names, definitions, level descriptors) and the script's fetched strings
        (``page.fetched_strings``) for the page; cacheable.

        The page asks for ``?v=<framework fingerprint>-<strings version>&lang=<sv|en>``: a changed override or
        changed strings get a new URL.
        """
        refused = refuse_method(self, request)
        if refused is not None:
            return refused
        lang = normalize_lang(request.GET.get("lang")) if request.GET.get("lang") else current_lang()
        return cacheable_json(framework_data_json(self.framework_override, lang), max_age=3600)

    @XBlock.handler
    def print_view(self, request, suffix=""):  # pylint: disable=unused-argument
        """A standalone print-friendly HTML page of the saved profile and ad."""
        refused = refuse_method(self, request)
        if refused is not None:
            return refused
        lang = current_lang()
        try:
            profile = validate_profile(self.stored_profile())
        except ProfileError as err:
            log.warning("Stored profile could not be printed (%s)", err.code)
            return error_response(self, self._error("invalid_profile", problem=err.localized(lang)))
        return html_page(print_page(profile, self.current_framework(), lang), lang)
