"""The block's JavaScript and CSS on a fragment, after the shared front-end module of the layer.

``static/js/xblock_layer.js`` (this package) defines ``window.XBlockLayer``: the CSRF-aware JSON post, DOM
helpers, autosave with revision and conflict merge; ``static/css/xblock_layer.css`` styles what it builds
(``.xbl-*``). Every block's script uses it, so both come first::

    frag = Fragment(html)
    add_assets(frag, FILES, css=("static/css/journal.css",), js=("static/js/journal.js",))
    frag.initialize_js("JournalBlock")

Files are added inline and compacted (``rendering.compact``), read once per process. Two blocks on one page
each carry the module; it defines ``window.XBlockLayer`` only once.
"""
import functools
import importlib.resources

from .rendering import PackageFiles

LAYER_JS = "static/js/xblock_layer.js"
LAYER_CSS = "static/css/xblock_layer.css"
LAYER_FILES = PackageFiles(__package__)


@functools.lru_cache(maxsize=None)
def _available(path):
    return importlib.resources.files(__package__).joinpath(path).is_file()


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
