"""Strict JSON handlers: every bad request becomes a JSON answer with a 4xx status, never a 500.

XBlock's own ``json_handler`` answers invalid JSON with 400 but lets a deeply nested body raise
RecursionError (a 500). Here the body is read with a size limit, its nesting depth is measured by a flat scan
before ``json.loads`` builds anything, NaN/Infinity and lone surrogates are refused, and shape helpers check
what the handler expects::

    @XBlock.handler
    @strict_json_handler(max_bytes=20_000)
    def save_entry(self, data, suffix=""):
        data = require_dict(data, allowed_keys={"entry"}, required_keys={"entry"})
        ...
        return {"ok": True}

The decorated method gets the decoded JSON; what it returns becomes a 200 JSON response (a webob ``Response``
passes through). The errors are named for what they answer:

- ``BadRequest`` (400): invalid JSON or UTF-8, too deep, NaN, wrong shape; also any ``ValueError``/``TypeError``
  the method raises (built-in ones with a generic message, domain errors with their own);
- ``MethodNotAllowed`` (405): anything but POST (``refuse_method`` does the same for GET handlers);
- ``PayloadTooLarge`` (413): a body over ``max_bytes``;
- ``Conflict`` (409, see ``xblock_layer.revisions``) carries the saved state in its answer.

The answer is ``{"error": <message>, "code": <code>[, "field": <name>]}`` plus the error's ``extra`` keys. If the
block defines ``localize_error(code, message)``, its return value replaces the message; otherwise a ``Message``
(a ``str`` in English) is given in the request's language (``sv`` or ``en``).

Webob (XBlock's request type) is the only web import; no XBlock and no Django.
"""
import functools
import json
import logging
import math
import re

from webob import Response

from .i18n import current_lang, normalize_lang

log = logging.getLogger(__name__)

MAX_BYTES = 120_000
MAX_DEPTH = 12

# English and Swedish text of every message; {placeholders} are filled from the error's params.
MESSAGES = {
    "method": {"en": "This address only accepts POST requests.",
               "sv": "Den här adressen tar bara emot POST-anrop."},
    "too_large": {"en": "The request is too large (at most {limit} bytes).",
                  "sv": "Anropet är för stort (högst {limit} byte)."},
    "bad_length": {"en": "The request has an invalid Content-Length header.",
                   "sv": "Anropet har ett ogiltigt Content-Length-huvud."},
    "unreadable": {"en": "The request body could not be read.",
                   "sv": "Anropets innehåll kunde inte läsas."},
    "empty": {"en": "The request body is empty; JSON data was expected.",
              "sv": "Anropet saknar innehåll; JSON-data förväntades."},
    "bad_encoding": {"en": "The request body is not valid UTF-8 text.",
                     "sv": "Anropets innehåll är inte giltig UTF-8-text."},
    "bad_unicode": {"en": "The data contains invalid Unicode characters.",
                    "sv": "Uppgifterna innehåller ogiltiga Unicode-tecken."},
    "too_deep": {"en": "The data is nested too deeply (at most {limit} levels).",
                 "sv": "Uppgifterna är nästlade i för många nivåer (högst {limit})."},
    "bad_json": {"en": "The request body is not valid JSON (line {line}, column {column}).",
                 "sv": "Anropets innehåll är inte giltig JSON (rad {line}, kolumn {column})."},
    "bad_number": {"en": "The data contains a number that is not allowed (NaN, Infinity or too large).",
                   "sv": "Uppgifterna innehåller ett tal som inte är tillåtet (NaN, Infinity eller för stort)."},
    "bad_shape": {"en": "The data does not have the expected form.",
                  "sv": "Uppgifterna har inte den förväntade formen."},
    "not_object": {"en": "A JSON object was expected.",
                   "sv": "Ett JSON-objekt förväntades."},
    "unknown_field": {"en": "Unknown field: {name}.",
                      "sv": "Okänt fält: {name}."},
    "missing_field": {"en": "Missing field: {name}.",
                      "sv": "Fältet saknas: {name}."},
    "not_text": {"en": "{name} must be text.",
                 "sv": "{name} måste vara text."},
    "text_too_long": {"en": "{name} is too long (at most {limit} characters).",
                      "sv": "{name} är för lång (högst {limit} tecken)."},
    "not_integer": {"en": "{name} must be a whole number.",
                    "sv": "{name} måste vara ett heltal."},
    "out_of_range": {"en": "{name} must be between {lo} and {hi}.",
                     "sv": "{name} måste vara mellan {lo} och {hi}."},
    "not_list": {"en": "{name} must be a list.",
                 "sv": "{name} måste vara en lista."},
    "too_many": {"en": "{name} has too many items (at most {limit}).",
                 "sv": "{name} har för många poster (högst {limit})."},
    "invalid": {"en": "The data could not be used.",
                "sv": "Uppgifterna kunde inte användas."},
    "bad_revision": {"en": "The revision must be a whole number of 0 or more.",
                     "sv": "Versionsnumret måste vara ett heltal, 0 eller större."},
    "conflict": {"en": "This was saved from another tab or window (version {revision}). Choose which version to "
                       "keep; nothing has been overwritten.",
                 "sv": "Det här sparades från en annan flik eller ett annat fönster (version {revision}). Välj "
                       "vilken version du vill behålla; inget har skrivits över."},
    "get_only": {"en": "This address only accepts GET requests.",
                 "sv": "Den här adressen tar bara emot GET-anrop."},
    "server": {"en": "Something went wrong on the server. Please try again later.",
               "sv": "Något gick fel på servern. Försök igen senare."},
}


class Message(str):
    """An English message that remembers its template, so it can be given in Swedish too."""

    def __new__(cls, key, params=None):
        key = key if key in MESSAGES else "invalid"
        params = dict(params or {})
        obj = super().__new__(cls, _fill(MESSAGES[key]["en"], params))
        obj.key = key
        obj.params = params
        return obj

    def __reduce__(self):
        return (Message, (self.key, self.params))

    def translate(self, lang):
        return _fill(MESSAGES[self.key][normalize_lang(lang)], self.params)


class _Blank(dict):
    def __missing__(self, key):
        return "?"


def _fill(template, params):
    return template.format_map(_Blank(params))


def localize_message(message, lang):
    """The message in ``lang`` if it is a ``Message``; any other text unchanged."""
    return message.translate(lang) if isinstance(message, Message) else str(message)


class InputError(Exception):
    """A request the handler cannot accept: ``status`` (4xx), ``code`` (machine code), ``message``.

    ``InputError(code="too_deep", params={"limit": 12})`` takes the message from ``MESSAGES``;
    ``InputError("free text", status=400, code="invalid")`` uses the text given.
    """

    status = 400

    def __init__(self, message=None, status=None, code="bad_shape", *, key=None, params=None, extra=None):
        if message is None:
            message = Message(key or code, params)
        self.message = message
        self.status = int(status if status is not None else type(self).status)
        self.code = code
        self.params = dict(params or {})
        self.extra = dict(extra or {})  # more keys of the JSON answer (e.g. the saved state of a 409)
        super().__init__(str(message))

    def localized(self, lang):
        return localize_message(self.message, lang)


class BadRequest(InputError):
    """400: the body is not what the handler accepts (the default of ``InputError``)."""

    status = 400


class MethodNotAllowed(InputError):
    """405: the handler is called with a method it does not take."""

    status = 405

    def __init__(self, message=None, *, code="method", allow="POST", **kwargs):
        super().__init__(message, code=code, **kwargs)
        self.allow = allow


class PayloadTooLarge(InputError):
    """413: the body is over the handler's limit (``params["limit"]`` in bytes)."""

    status = 413

    def __init__(self, message=None, *, code="too_large", **kwargs):
        super().__init__(message, code=code, **kwargs)


# ---------------------------------------------------------------- parsing the body

_JSON_SPECIAL = re.compile(r'["\\\[\]{}]')


def nesting_exceeds(text, max_depth):
    """True if brackets outside strings nest deeper than ``max_depth`` (flat scan, no recursion)."""
    depth = 0
    in_string = False
    skip = -1
    for match in _JSON_SPECIAL.finditer(text):
        pos = match.start()
        if pos == skip:  # the character after a backslash inside a string
            continue
        char = text[pos]
        if in_string:
            if char == "\\":
                skip = pos + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth = max(depth - 1, 0)  # unbalanced input is left for json.loads to reject
    return False


class _NumberRefused(ValueError):
    pass


def _refuse_constant(name):
    raise _NumberRefused(name)


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise _NumberRefused(text)
    return value


def _has_lone_surrogate(data):
    """True if any string (value or key) cannot be encoded as UTF-8 (iterative walk)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _read_body(request, max_bytes):
    length = request.content_length
    if length is not None and length < 0:
        raise BadRequest(code="bad_length")
    if length is not None and length > max_bytes:
        raise PayloadTooLarge(params={"limit": max_bytes})
    try:
        if length is not None:
            body = request.body
        else:  # no Content-Length (chunked): read no more than one byte past the limit
            body = request.body_file.read(max_bytes + 1)
    except Exception:  # pylint: disable=broad-except
        # A broken stream or the framework's own size guard; the cause is not the learner's text.
        log.warning("Handler request body could not be read", exc_info=True)
        raise BadRequest(code="unreadable") from None
    if len(body) > max_bytes:
        raise PayloadTooLarge(params={"limit": max_bytes})
    return body


def parse_json_body(request, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH):
    """Decode the JSON body of a POST request, or raise InputError with a 4xx status."""
    if (request.method or "").upper() != "POST":
        raise MethodNotAllowed()
    body = _read_body(request, max_bytes)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(code="bad_encoding") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise BadRequest(code="empty")
    if nesting_exceeds(text, max_depth):
        raise BadRequest(code="too_deep", params={"limit": max_depth})
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NumberRefused:
        raise BadRequest(code="bad_number") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(code="bad_json", params={"line": exc.lineno, "column": exc.colno}) from None
    except RecursionError:  # only if a caller raised max_depth beyond what the parser can take
        raise BadRequest(code="too_deep", params={"limit": max_depth}) from None
    except ValueError:  # an integer with more digits than Python converts
        raise BadRequest(code="bad_number") from None
    if _has_lone_surrogate(data):
        raise BadRequest(code="bad_unicode")
    return data


# ---------------------------------------------------------------- shape helpers

def _field_name(name):
    """A key the learner sent, made safe to show: printable, at most 40 characters."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(name))
    return text[:40] + ("…" if len(text) > 40 else "")


def require_dict(data, allowed_keys=None, required_keys=()):
    """``data`` if it is a dict with only ``allowed_keys`` (None: any) and every one of ``required_keys``."""
    if not isinstance(data, dict):
        raise BadRequest(code="bad_shape", key="not_object")
    if allowed_keys is not None:
        unknown = sorted(str(key) for key in data if key not in allowed_keys)
        if unknown:
            raise BadRequest(code="bad_shape", key="unknown_field", params={"name": _field_name(unknown[0])})
    missing = sorted(str(key) for key in required_keys if key not in data)
    if missing:
        raise BadRequest(code="bad_shape", key="missing_field", params={"name": missing[0]})
    return data


def require_str(value, name, max_len):
    """``value`` if it is a str of at most ``max_len`` characters."""
    if not isinstance(value, str):
        raise BadRequest(code="bad_shape", key="not_text", params={"name": name})
    if len(value) > max_len:
        raise BadRequest(code="bad_shape", key="text_too_long", params={"name": name, "limit": max_len})
    return value


def require_int(value, name, lo, hi):
    """``value`` if it is an int (not a bool) with ``lo <= value <= hi``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(code="bad_shape", key="not_integer", params={"name": name})
    if not lo <= value <= hi:
        raise BadRequest(code="bad_shape", key="out_of_range", params={"name": name, "lo": lo, "hi": hi})
    return value


def require_list(value, name, max_items):
    """``value`` if it is a list of at most ``max_items`` items."""
    if not isinstance(value, list):
        raise BadRequest(code="bad_shape", key="not_list", params={"name": name})
    if len(value) > max_items:
        raise BadRequest(code="bad_shape", key="too_many", params={"name": name, "limit": max_items})
    return value


# ---------------------------------------------------------------- the decorator

def json_response(payload, status=200):
    """A JSON webob Response that is never cached or sniffed as HTML."""
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    response = Response(body=body, status=status)
    response.headers["Content-Type"] = "application/json; charset=utf-8"
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _error_from_exception(exc):
    """InputError for a ValueError/TypeError raised by the handler method.

    Domain errors (subclasses, e.g. a profile validation error) carry a message meant for people and pass it
    on; the built-in exceptions carry Python's wording, which may quote the input, so a generic message is used.
    """
    if type(exc).__module__ == "builtins":
        return BadRequest(code="bad_shape" if isinstance(exc, TypeError) else "invalid")
    text = str(exc).strip()[:500]
    code = getattr(exc, "code", None)
    code = code if isinstance(code, str) and code else "invalid"
    return BadRequest(text or None, code=code, key=None if text else "invalid")


def error_response(block, err):
    """The JSON error response for ``err``, its message localized by ``block.localize_error`` if present."""
    message = err.message
    localize = getattr(block, "localize_error", None)
    if not callable(localize):
        message = localize_message(message, current_lang())
    else:
        try:
            localized = localize(err.code, message)
            if isinstance(localized, str) and localized:
                message = localized
        except Exception:  # pylint: disable=broad-except
            log.exception("localize_error failed for code %s", err.code)
    payload = {"error": str(message), "code": err.code}
    if "name" in err.params:
        payload["field"] = str(err.params["name"])
    payload.update(err.extra)
    response = json_response(payload, status=err.status)
    if err.status == 405:
        response.headers["Allow"] = getattr(err, "allow", "POST")
    return response


def refuse_method(block, request, allowed=("GET", "HEAD"), message=None):
    """A 405 JSON answer if ``request`` uses a method not in ``allowed``; ``None`` if the method is fine.

    For handlers that read a webob request themselves (downloads, pages)::

        refused = refuse_method(self, request)
        if refused is not None:
            return refused
    """
    if (request.method or "").upper() in allowed:
        return None
    allow = ", ".join(allowed)
    key = "get_only" if "GET" in allowed else "method"
    return error_response(block, MethodNotAllowed(message, code="method", key=key, allow=allow))


def strict_json_handler(max_bytes=MAX_BYTES, max_depth=MAX_DEPTH):
    """Decorator for ``method(self, data, suffix="") -> dict``; put ``@XBlock.handler`` above it.

    Answers 400, 405 and 413 as JSON (see the module's docstring); 500 only for a result JSON cannot hold.
    Also usable without parentheses (``@strict_json_handler``).
    """
    if callable(max_bytes):  # used as @strict_json_handler
        return strict_json_handler()(max_bytes)

    def decorate(method):
        @functools.wraps(method)
        def handler(self, request, suffix=""):
            try:
                data = parse_json_body(request, max_bytes=max_bytes, max_depth=max_depth)
                result = method(self, data, suffix)
            except InputError as err:
                return error_response(self, err)
            except (ValueError, TypeError) as exc:
                return error_response(self, _error_from_exception(exc))
            if isinstance(result, Response):
                return result
            try:
                return json_response({} if result is None else result)
            except (TypeError, ValueError):
                # The handler returned something JSON cannot hold: a bug on our side, not bad input.
                log.exception("Handler %s returned data that is not JSON-serializable", method.__name__)
                return error_response(self, InputError(status=500, code="server"))
        return handler
    return decorate
