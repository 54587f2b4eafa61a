"""Downloads and standalone pages from GET handlers: never cached, never sniffed as something else.

::

    @XBlock.handler
    def download_journal(self, request, suffix=""):
        refused = refuse_method(self, request)              # 405 for anything but GET/HEAD
        if refused is not None:
            return refused
        return attachment(build_docx(...), DOCX_TYPE, "loggbok-" + title, fallback="loggbok")

The file name: ``filename=`` is a plain ASCII slug (``ö`` -> ``o``), ``filename*`` the UTF-8 slug (RFC 5987),
both with the extension given (``docx``, ``pdf``, ``txt``...); nothing the learner typed can add a parameter.
"""
import re
import unicodedata
from urllib.parse import quote

from webob import Response

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_SLUG_CHARS = 60


def slug(text, fallback):
    """``text`` as a file-name slug (letters incl. å/ä/ö, digits, hyphens), at most 60 characters."""
    value = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", text or "").lower()).strip("-_")
    return value[:MAX_SLUG_CHARS].strip("-_") or fallback


def ascii_slug(value, fallback):
    """An ASCII form of a slug (``ö`` -> ``o``) for the plain ``filename=`` parameter."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9-]+", "-", value).strip("-") or fallback


def _extension(extension):
    ext = re.sub(r"[^A-Za-z0-9]+", "", str(extension or "").lstrip("."))[:10].lower()
    return f".{ext}" if ext else ""


def no_store(response):
    """``response`` marked never to be cached or content-sniffed (returned for chaining)."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def attachment(body, content_type, stem, fallback, extension="docx"):
    """A download response: ``filename`` ASCII-safe, ``filename*`` the UTF-8 name, ``extension`` appended."""
    name = slug(stem, fallback)
    ext = _extension(extension)
    response = Response(body=body, content_type=content_type)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{ascii_slug(name, fallback)}{ext}"; filename*=UTF-8\'\'{quote(name)}{ext}')
    return no_store(response)


def html_page(html, lang):
    """A standalone HTML page (e.g. a print view) in ``lang``: UTF-8, no-store, nosniff."""
    response = Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")
    response.headers["Content-Language"] = lang
    return no_store(response)


def cacheable_json(body, max_age=3600):
    """UTF-8 JSON ``body`` (bytes) a browser may keep for ``max_age`` seconds (private: per learner)."""
    response = Response(body=body, content_type="application/json", charset="utf-8")
    response.headers["Cache-Control"] = f"private, max-age={int(max_age)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
