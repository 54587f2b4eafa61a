"""The block's handlers: JSON (POST) for saving, advice and the ad draft; GET for documents and the print page.

Every bad request gets a 4xx JSON answer ``{"error": "<localized message>", "code": ...}`` and leaves the stored
state as it was. Handler names avoid XBlock's own methods (``save``, ``render``...).
"""
import logging
import re
import unicodedata
from urllib.parse import quote

from recruitment_core.documents import ad_docx, kravprofil_docx
from recruitment_core.lang import normalize_lang
from recruitment_core.profile import draft_ad as build_ad_draft
from recruitment_core.profile import (
    MAX_STATE_BYTES, ProfileError, filled_sections, profile_advice, validate_profile,
)
from recruitment_core.validation import (
    InputError, error_response, json_handler_400, json_response, localize_message, require_dict, require_int,
)
from webob import Response
from xblock.core import XBlock

from .frameworks import frontend_framework_json
from .i18n import current_lang, gettext_for
from .page import advice_for
from .printing import print_page
from .shared import course_key, now_iso, shared_entry
from .strings import ERRORS

log = logging.getLogger(__name__)

MAX_BODY_BYTES = MAX_STATE_BYTES + 20_000  # the profile plus the request's own keys and JSON escapes
MAX_DEPTH = 8  # {"profile": {"requirements": [{...}]}} is 4 levels deep
MAX_REVISION = 2 ** 31 - 1
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The downloaded file's name starts in the learner's language (then the role: "kravprofil-ekonomiassistent.docx").
FILE_STEMS = {"kravprofil": {"sv": "kravprofil", "en": "requirement-profile"},
              "annons": {"sv": "annons", "en": "job-ad"}}


def slug(text, fallback):
    """``text`` as a file-name slug (letters incl. å/ä/ö, digits, hyphens), at most 60 characters."""
    value = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", text or "").lower()).strip("-_")
    return value[:60].strip("-_") or fallback


def ascii_slug(value, fallback):
    """An ASCII form of a slug (``ö`` -> ``o``) for the plain ``filename=`` parameter."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9-]+", "-", value).strip("-") or fallback


def attachment(body, content_type, stem, fallback):
    """A download response: ``filename`` ASCII-safe, ``filename*`` the UTF-8 name."""
    name = slug(stem, fallback)
    response = Response(body=body, content_type=content_type)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{ascii_slug(name, fallback)}.docx"; filename*=UTF-8\'\'{quote(name)}.docx')
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


class HandlersMixin:
    """Handlers of the kravprofil block (mixed into ``KravprofilXBlock``)."""

    # ---- helpers -------------------------------------------------------------------------------------------
    def localize_error(self, code, message):
        """Called by ``json_handler_400``: the message in the learner's language.

        A body over the profile handlers' own limit holds a profile too large to save: the learner is told that,
        as for a profile over ``MAX_STATE_BYTES``, not that "the request" is too large.
        """
        if code == "too_large" and getattr(message, "params", {}).get("limit") == MAX_BODY_BYTES:
            return gettext_for(current_lang())(ERRORS["too_large"]) % {"kb": MAX_STATE_BYTES // 1000}
        return localize_message(message, current_lang())

    def _error(self, key, status=400, **params):
        """An InputError with one of the block's own (translated) messages."""
        text = gettext_for(current_lang())(ERRORS[key])
        return InputError(text % params if params else text, status=status, code=key)

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

    def _publish_completion_once(self, profile):
        if self.completed:
            return
        required = set(self.required_sections or ())
        if required and required <= filled_sections(profile):
            self.completed = True
            self.emit_completion(1.0)

    # ---- JSON handlers -------------------------------------------------------------------------------------
    @XBlock.handler
    @json_handler_400(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def save_profile(self, data, suffix=""):  # pylint: disable=unused-argument
        """Store ``{"profile": {...}, "revision": n}`` if ``n`` is the stored revision; 409 otherwise."""
        data = require_dict(data, allowed_keys={"profile", "revision"}, required_keys=("profile", "revision"))
        revision = data["revision"]
        if isinstance(revision, bool) or not isinstance(revision, int) or not 0 <= revision <= MAX_REVISION:
            raise self._error("bad_revision")
        profile = self._clean_profile({"profile": data["profile"]})
        lang = current_lang()
        if revision != self.revision:
            message = gettext_for(lang)(ERRORS["conflict"]) % {"revision": self.revision}
            return json_response({"error": message, "code": "conflict", "revision": self.revision,
                                  "profile": self.stored_profile(), "saved_at": self.saved_at}, status=409)
        saved_at = now_iso()
        self.profile = profile
        self.revision = self.revision + 1
        self.saved_at = saved_at
        shared = dict(self.kravprofil_shared or {})
        shared[course_key(self)] = shared_entry(profile, saved_at)
        self.kravprofil_shared = shared
        self._publish_completion_once(profile)
        return {
            "revision": self.revision,
            "saved_at": saved_at,
            "advice": advice_for(profile, self.framework_override, lang, self.max_competencies),
            "filled_sections": sorted(filled_sections(profile)),
            "completed": self.completed,
        }

    @XBlock.handler
    @json_handler_400(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def get_advice(self, data, suffix=""):  # pylint: disable=unused-argument
        """Advice on ``{"profile": {...}}`` (not stored)."""
        profile = self._clean_profile(data)
        return {"advice": profile_advice(profile, self.current_framework(), current_lang(), self.max_competencies)}

    @XBlock.handler
    @json_handler_400(max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH)
    def draft_ad(self, data, suffix=""):  # pylint: disable=unused-argument
        """A job-ad draft (the ``ad`` shape) from ``{"profile": {...}}`` (not stored; the page saves it)."""
        profile = self._clean_profile(data)
        return {"ad": build_ad_draft(profile, self.current_framework(), current_lang())}

    # ---- GET handlers (change nothing) ---------------------------------------------------------------------
    def _get_only(self, request):
        if (request.method or "").upper() in ("GET", "HEAD"):
            return None
        response = error_response(self, self._error("method", status=405, method="GET"))
        response.headers["Allow"] = "GET, HEAD"
        return response

    def _document(self, request, build, fallback):
        refused = self._get_only(request)
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
    def student_view_user_state(self, request, suffix=""):  # pylint: disable=unused-argument
        """The learner's own saved state as JSON, for mobile apps (the name their API looks for)."""
        if (request.method or "").upper() not in ("GET", "HEAD", "POST"):
            return error_response(self, self._error("method", status=405, method="GET"))
        return json_response({"profile": self.stored_profile(), "revision": self.revision,
                              "saved_at": self.saved_at, "completed": self.completed})

    @XBlock.handler
    def framework_data(self, request, suffix=""):  # pylint: disable=unused-argument
        """The localized framework (names, definitions, level descriptors) for the page; cacheable.

        The page asks for ``?v=<fingerprint>&lang=<sv|en>``: a changed override gets a new URL.
        """
        refused = self._get_only(request)
        if refused is not None:
            return refused
        lang = normalize_lang(request.GET.get("lang")) if request.GET.get("lang") else current_lang()
        response = Response(body=frontend_framework_json(self.framework_override, lang),
                            content_type="application/json", charset="utf-8")
        response.headers["Cache-Control"] = "private, max-age=3600"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @XBlock.handler
    def print_view(self, request, suffix=""):  # pylint: disable=unused-argument
        """A standalone print-friendly HTML page of the saved profile and ad."""
        refused = self._get_only(request)
        if refused is not None:
            return refused
        lang = current_lang()
        try:
            profile = validate_profile(self.stored_profile())
        except ProfileError as err:
            log.warning("Stored profile could not be printed (%s)", err.code)
            return error_response(self, self._error("invalid_profile", problem=err.localized(lang)))
        html = print_page(profile, self.current_framework(), lang)
        response = Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Language"] = lang
        return response
