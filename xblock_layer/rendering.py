"""Templates, static files and the state as escaped JSON, each loaded or compiled once per process.

A block package has its templates in ``templates/`` and its JavaScript and CSS in ``static/``::

    from xblock_layer.rendering import PackageFiles, element_id, safe_script_json
    FILES = PackageFiles(__package__)
    html = FILES.render("journal.html", {"uid": element_id(self.scope_ids.usage_id, "rj"),
                                         "data_json": safe_script_json(state)})
    frag.add_css(FILES.static_text("static/css/journal.css"))

Templates are compiled by an autoescaping Django ``Engine`` of the package's own (the compact loader below
trims indentation and comment lines), kept for the life of the process; strings should reach them already
translated, so rendering does no catalogue merging per tag. The state goes into the page inside
``<script type="application/json">{{ data_json }}</script>`` as ``safe_script_json(...)`` (``<``, ``>``, ``&``
escaped), never through ``initialize_js`` arguments.
"""
import functools
import hashlib
import importlib.resources
import json
import re

import rjsmin
from django.template import Context, Engine
from django.template.loaders.filesystem import Loader as FilesystemLoader

_SCRIPT_JSON_ESCAPES = (
    ("<", "\\u003C"),
    (">", "\\u003E"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def escape_script_json(text):
    """JSON text made safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` (and the JavaScript
    line separators) become ``\\uXXXX`` escapes, as Django's ``json_script`` does. (``str.replace`` is used,
    not ``str.translate``: on non-ASCII text it is a hundred times faster.)"""
    for char, escaped in _SCRIPT_JSON_ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    return text


def script_json(data):
    """``data`` as compact JSON, escaped for a ``<script type="application/json">`` element."""
    return escape_script_json(json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def safe_script_json(data):
    """``script_json(data)`` marked safe for a template: ``{{ data_json }}`` inside the script element."""
    from django.utils.safestring import mark_safe  # pylint: disable=import-outside-toplevel

    return mark_safe(script_json(data))  # noqa: S308 - <, > and & are escaped by script_json


def compact(text):
    """``text`` without indentation, blank lines and whole-line ``/* */`` or ``//`` comments.

    Used on our own templates, JavaScript and CSS when they are loaded (they are written so that this is safe:
    no multi-line strings, no ``<pre>``, no comment markers at a line start inside strings). It only trims
    bytes from the page; the files in the package stay readable.
    """
    lines = []
    in_comment = False
    for line in text.splitlines():
        line = line.strip()
        if in_comment:
            in_comment = not line.endswith("*/")
            continue
        if line.startswith("/*"):
            in_comment = not line.endswith("*/")
            continue
        if line and not line.startswith("//"):
            lines.append(line)
    return "\n".join(lines) + "\n"


_CSS_PUNCTUATION = re.compile(r"\s*([{};,])\s*|(:)\s+")


def compact_css(text):
    """``compact(text)`` of a stylesheet, also without the spaces around ``{ } ; ,`` and after ``:``, and with a
    line joined to the next after ``{ } ; ,``. Lines holding a quote are left as they are (strings)."""
    out = []
    for line in compact(text).splitlines():
        if '"' not in line and "'" not in line:
            line = _CSS_PUNCTUATION.sub(lambda m: m.group(1) or m.group(2), line)
        if out and out[-1][-1:] in ("{", "}", ";", ","):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out) + "\n"


class CompactLoader(FilesystemLoader):
    """Loads our templates compacted (see ``compact``); the cached loader above it keeps them."""

    def get_contents(self, origin):
        return compact(super().get_contents(origin))


def element_id(usage_id, prefix="xb"):
    """A short HTML id prefix, unique per block on a page and stable between renders."""
    return prefix + hashlib.sha1(str(usage_id).encode("utf-8")).hexdigest()[:5]


class PackageFiles:
    """The templates and static files of one package (by its import name)."""

    def __init__(self, package):
        self.package = package

    def path(self, relative):
        """The ``importlib.resources`` path of a file in the package."""
        return importlib.resources.files(self.package).joinpath(relative)

    def read(self, relative):
        """The text of a file in the package (e.g. ``static/js/kravprofil.js``)."""
        return self.path(relative).read_text(encoding="utf-8")

    def static_text(self, relative):
        """A static file's text, read once per process: JavaScript minified (``minify_js``), stylesheets with
        ``compact_css``, anything else with ``compact``."""
        return _static_text(self.package, relative)

    def template(self, name):
        """The compiled template ``templates/<name>``, compiled once."""
        return _template(self.package, name)

    def render(self, name, context):
        """Render ``templates/<name>`` with ``context`` (autoescaped)."""
        return self.template(name).render(Context(context))


@functools.lru_cache(maxsize=None)
def _static_text(package, relative):
    text = importlib.resources.files(package).joinpath(relative).read_text(encoding="utf-8")
    if relative.endswith(".js"):
        return minify_js(text)
    return compact_css(text) if relative.endswith(".css") else compact(text)


def minify_js(text):
    """JavaScript without comments and needless whitespace (rjsmin: strings and regular expressions are kept as
    they are), ending with a newline."""
    return rjsmin.jsmin(text).strip() + "\n"


@functools.lru_cache(maxsize=None)
def _engine(package):
    # The cached loader keeps every compiled template (includes too) for the life of the process.
    return Engine(
        dirs=[str(importlib.resources.files(package).joinpath("templates"))], autoescape=True, debug=False,
        loaders=[("django.template.loaders.cached.Loader", ["xblock_layer.rendering.CompactLoader"])],
    )


@functools.lru_cache(maxsize=None)
def _template(package, name):
    return _engine(package).get_template(name)
