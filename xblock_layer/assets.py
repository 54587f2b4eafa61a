"""The block's JavaScript and CSS on a fragment, after the shared front-end module of the layer.

``static/js/xblock_layer.js`` (this package) defines ``window.XBlockLayer``: the CSRF-aware JSON post, DOM
helpers, autosave with revision and conflict merge; ``static/css/xblock_layer.css`` styles what it builds
(``.xbl-*``). Every block's script uses it, so both come first::

    frag = Fragment(html)
    add_assets(frag, FILES, css=("static/css/journal.css",), js=("static/js/journal.js",))
    frag.initialize_js("JournalBlock")

Files are added inline and compacted (``rendering.compact``), read once per process. Two blocks on one page
each carry the module; it defines ``window.XBlockLayer`` only once.

Parts of the module that are rarely needed (merging and the conflict dialog: ``static/js/xblock_layer_ui.js``)
are not in the page: the module loads them on demand from a URL the page's JSON carries. A block mixes in
``LayerAssetsMixin`` (it serves those files as the block's local resources, ``public/xblock_layer/<lang>/<name>``,
each preceded by ``window.XBlockLayerUIStrings = {...}``, its texts in that language) and puts
``layer_page_data(self)`` into its page JSON::

    data = {"journal": ..., **self.revision_state(), **layer_page_data(self)}     # {"layer_ui_url": ...}
"""
import functools
import hashlib
import importlib.resources
import io
import json

from .i18n import current_lang
from .js_strings import layer_ui_strings
from .rendering import PackageFiles, escape_script_json

LAYER_JS = "static/js/xblock_layer.js"
LAYER_CSS = "static/css/xblock_layer.css"
LAYER_FILES = PackageFiles(__package__)


@functools.lru_cache(maxsize=None)
def _available(path):
    return importlib.resources.files(__package__).joinpath(path).is_file()


LAYER_PUBLIC = "public/xblock_layer/"
LANGS = ("sv", "en")
# Files of static/js/ the module loads on demand: {name: key of its URL in the page's JSON}.
ON_DEMAND_JS = {"xblock_layer_ui.js": "layer_ui_url"}


def layer_js_available():
    """True when the shared module is in the package (it is, in every release)."""
    return _available(LAYER_JS)


def add_layer_css(frag):
    """Add the shared module's CSS to ``frag`` (before the block's own CSS), if the package has it."""
    if _available(LAYER_CSS):
        frag.add_css(LAYER_FILES.static_text(LAYER_CSS))
    return frag


def add_layer_js(frag):
    """Add the shared module to ``frag`` (before the block's own JavaScript), if the package has it."""
    if _available(LAYER_JS):
        frag.add_javascript(LAYER_FILES.static_text(LAYER_JS))
    return frag


def add_assets(frag, files, css=(), js=(), layer=True):
    """Add to ``frag``: the layer's CSS, the block's ``css``, the layer's JavaScript, the block's ``js`` (paths in
    ``files``, a ``PackageFiles``). ``layer=False`` leaves the layer's files out (a block without script)."""
    if layer:
        add_layer_css(frag)
    for path in css:
        frag.add_css(files.static_text(path))
    if layer:
        add_layer_js(frag)
    for path in js:
        frag.add_javascript(files.static_text(path))
    return frag


def _ascii_js(text):
    """``text`` with every non-ASCII character as a ``\\uXXXX`` escape (valid in JavaScript strings, regular
    expressions and names), so the file reads the same whatever charset the server or browser assumes."""
    return "".join(ch if ord(ch) < 128 else "".join(f"\\u{unit:04x}" for unit in _utf16(ch)) for ch in text)


def _utf16(ch):
    code = ord(ch)
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


@functools.lru_cache(maxsize=None)
def on_demand_text(name, lang):
    """The served text of an on-demand file: its strings in ``lang``, then the file (minified), ASCII only."""
    strings = escape_script_json(json.dumps(layer_ui_strings(lang), ensure_ascii=True, separators=(",", ":")))
    return _ascii_js(f"window.XBlockLayerUIStrings={strings};\n" + LAYER_FILES.static_text("static/js/" + name))


@functools.lru_cache(maxsize=None)
def _on_demand_version(name, lang):
    return hashlib.sha1(on_demand_text(name, lang).encode("utf-8")).hexdigest()[:12]


def layer_page_data(block):
    """``{"layer_ui_url": ...}``: URLs of the module's on-demand files in the request's language for the page's
    JSON (versioned, so a browser may keep them). A file missing from the package has no key (the module then
    works without it)."""
    lang = current_lang()
    data = {}
    for name, key in ON_DEMAND_JS.items():
        if _available("static/js/" + name):
            url = block.runtime.local_resource_url(block, f"{LAYER_PUBLIC}{lang}/{name}")
            data[key] = f"{url}{'&' if '?' in url else '?'}v={_on_demand_version(name, lang)}"
    return data


class LayerAssetsMixin:
    """Serves the shared module's on-demand files as local resources of the block
    (``public/xblock_layer/<lang>/<name>``); every other resource as the block class would."""

    @classmethod
    def open_local_resource(cls, uri):
        """The on-demand file for ``public/xblock_layer/<lang>/<name>`` of ``ON_DEMAND_JS``; else the XBlock
        default."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8", "replace")
        if isinstance(uri, str) and uri.startswith(LAYER_PUBLIC):
            lang, _, name = uri[len(LAYER_PUBLIC):].partition("/")
            if lang not in LANGS or name not in ON_DEMAND_JS or not _available("static/js/" + name):
                from xblock.exceptions import DisallowedFileError  # pylint: disable=import-outside-toplevel

                raise DisallowedFileError(f"Not a file of the block layer: {uri[:120]!r}")
            return io.BytesIO(on_demand_text(name, lang).encode("utf-8"))
        return super().open_local_resource(uri)
