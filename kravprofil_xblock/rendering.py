"""Templates, static files and embedded JSON, each loaded or compiled once per process.

Templates are compiled with an autoescaping Django ``Engine`` of their own and kept; the block's strings
reach them already translated (see ``strings.py``), so rendering does no catalogue merging per tag.
"""
import functools
import hashlib
import importlib.resources
import os

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


def read_resource(path):
    """The text of a file inside this package (e.g. ``static/js/kravprofil.js``)."""
    return importlib.resources.files(__package__).joinpath(path).read_text(encoding="utf-8")


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


@functools.lru_cache(maxsize=None)
def static_text(path):
    """A static file's text (compacted), read once."""
    return compact(read_resource(path))


class CompactLoader(FilesystemLoader):
    """Loads our templates compacted (see ``compact``); the cached loader above it keeps them."""

    def get_contents(self, origin):
        return compact(super().get_contents(origin))


TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


@functools.lru_cache(maxsize=None)
def _engine():
    # The cached loader keeps every compiled template (includes too) for the life of the process.
    return Engine(
        dirs=[TEMPLATE_DIR], autoescape=True, debug=False,
        loaders=[("django.template.loaders.cached.Loader", ["kravprofil_xblock.rendering.CompactLoader"])],
    )


@functools.lru_cache(maxsize=None)
def template(name):
    """The compiled template ``templates/<name>``, compiled once."""
    return _engine().get_template(name)


def render(name, context):
    """Render ``templates/<name>`` with ``context`` (autoescaped)."""
    return template(name).render(Context(context))


def element_id(usage_id):
    """A short HTML id prefix, unique per block on a page and stable between renders."""
    return "kp" + hashlib.sha1(str(usage_id).encode("utf-8")).hexdigest()[:5]
