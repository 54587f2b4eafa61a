"""The layer's modules on their own: catalogue strings, assets order, downloads, revisions, reports, registry."""
import gettext
import json
import shutil
import subprocess
from collections import namedtuple
from pathlib import Path

import pytest
import webob
from babel.messages.pofile import read_po
from web_fragments.fragment import Fragment

from xblock_layer import assets, downloads, registry
from xblock_layer.i18n import Catalogue, gettext_for
from xblock_layer.js_strings import CATALOGUE, LAYER_JS, UI_KEYS, layer_js_strings, layer_ui_strings
from xblock_layer.json_handlers import MESSAGES, MethodNotAllowed, refuse_method
from xblock_layer.rendering import PackageFiles, compact, compact_css, element_id, safe_script_json, script_json
from xblock_layer.reports import report_rows
from xblock_layer.revisions import Conflict, read_revision
from xblock_layer.json_handlers import BadRequest

PLACEHOLDERS = ("%(time)s", "%(error)s", "%(status)s", "%(n)s", "%(max)s")


@pytest.mark.parametrize("key", sorted(LAYER_JS))
def test_layer_js_strings_exist_in_swedish_with_their_placeholders(key):
    msgid = LAYER_JS[key]
    strings = layer_ui_strings if key in UI_KEYS else layer_js_strings
    swedish = strings("sv")[key]
    assert swedish and swedish != msgid and strings("en")[key] == msgid
    for placeholder in PLACEHOLDERS:
        assert (placeholder in msgid) == (placeholder in swedish), (key, placeholder)


def test_page_strings_leave_the_on_demand_ones_out():
    assert set(layer_js_strings("sv")) | set(layer_ui_strings("sv")) == set(LAYER_JS)
    assert not set(layer_js_strings("sv")) & UI_KEYS and set(layer_ui_strings("en")) == UI_KEYS


def test_layer_catalogue_is_complete_and_compiled():
    po = Path(CATALOGUE.locale_dir) / "sv" / "LC_MESSAGES" / "text.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    entries = {msg.id: msg.string for msg in catalog if msg.id}
    assert set(LAYER_JS.values()) <= set(entries) and all(entries.values())
    compiled = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))
    assert all(compiled.gettext(msgid) == msgstr for msgid, msgstr in entries.items())


def test_catalogue_of_any_package_dir_and_unknown_language(tmp_path):
    assert gettext_for(CATALOGUE.locale_dir, "sv-SE")("Saving…") == "Sparar…"
    assert gettext_for(CATALOGUE.locale_dir, "de")("Saving…") == "Sparar…"   # anything else is Swedish
    empty = Catalogue(tmp_path)                                                  # no catalogue: the msgid
    assert empty.gettext_for("sv")("Saving…") == "Saving…"


def test_every_handler_message_exists_in_both_languages():
    assert all(set(texts) == {"sv", "en"} and all(texts.values()) for texts in MESSAGES.values())


def test_assets_come_layer_first():
    files = PackageFiles("kravprofil_xblock")
    frag = assets.add_assets(Fragment("<p/>"), files, css=("static/css/kravprofil.css",),
                             js=("static/js/kravprofil.js",))
    kinds = [(res.mimetype, res.data) for res in frag.resources]
    block_css, block_js = files.static_text("static/css/kravprofil.css"), files.static_text("static/js/kravprofil.js")
    expected = []
    if assets._available(assets.LAYER_CSS):  # pylint: disable=protected-access
        expected.append(("text/css", assets.LAYER_FILES.static_text(assets.LAYER_CSS)))
    expected.append(("text/css", block_css))
    if assets.layer_js_available():
        expected.append(("application/javascript", assets.LAYER_FILES.static_text(assets.LAYER_JS)))
    expected.append(("application/javascript", block_js))
    assert kinds == expected
    bare = assets.add_assets(Fragment("<p/>"), files, js=("static/js/kravprofil.js",), layer=False)
    assert [res.data for res in bare.resources] == [block_js]


def test_compact_and_script_json():
    assert compact("  a {\n\n  /* note */\n  // line\n  b: 1;\n}\n") == "a {\nb: 1;\n}\n"
    text = script_json({"x": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert str(safe_script_json({"a": 1})) == '{"a":1}'
    assert element_id("u1", "kp") == element_id("u1", "kp") != element_id("u2", "kp")
    assert element_id("u1", "kp").startswith("kp") and len(element_id("u1", "kp")) == 7


@pytest.mark.parametrize("extension,suffix", [("docx", ".docx"), (".pdf", ".pdf"), ("t/x\"t", ".txt"), ("", "")])
def test_attachment_names_and_headers(extension, suffix):
    response = downloads.attachment(b"x", "application/octet-stream", 'Rapport "Ö"; x=1', "rapport", extension)
    disposition = response.headers["Content-Disposition"]
    assert disposition == (f'attachment; filename="rapport-o-x-1{suffix}"; '
                           f"filename*=UTF-8''rapport-%C3%B6-x-1{suffix}")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_html_page_and_cacheable_json():
    page = downloads.html_page("<p>å</p>", "sv")
    assert page.body == "<p>å</p>".encode() and page.headers["Content-Language"] == "sv"
    assert page.headers["Cache-Control"] == "no-store" and page.content_type == "text/html"
    data = downloads.cacheable_json(b"{}", max_age=60)
    assert data.headers["Cache-Control"] == "private, max-age=60"


def test_refuse_method():
    get = webob.Request.blank("/", method="GET")
    post = webob.Request.blank("/", method="POST")
    assert refuse_method(None, get) is None
    refused = refuse_method(None, post)
    assert refused.status_code == 405 and refused.headers["Allow"] == "GET, HEAD"
    assert refuse_method(None, post, ("GET", "HEAD", "POST")) is None
    assert MethodNotAllowed().status == 405 and BadRequest().status == 400


@pytest.mark.parametrize("value", [None, True, -1, 2 ** 31, 1.0, "1"])
def test_read_revision_refuses(value):
    with pytest.raises(BadRequest) as err:
        read_revision({"revision": value})
    assert err.value.code == "bad_revision"


def test_read_revision_and_conflict():
    assert read_revision({"revision": 7}) == 7
    conflict = Conflict(params={"revision": 3}, extra={"state": {"a": 1}})
    assert conflict.status == 409 and conflict.code == "conflict" and "3" in conflict.localized("en")
    assert "3" in conflict.localized("sv") and conflict.extra == {"state": {"a": 1}}


def test_report_rows_skip_damaged_and_limit():
    State = namedtuple("State", "username state")

    def row(state):
        return {"n": len(state["items"])} if state.get("items") is not None else None

    states = [State("a", {"items": [1]}), State("b", None), State("c", {"items": 5}), State("d", {}),
              State("e", ["not", "a", "dict"]), State("f", {"items": []}), State("g", {"items": [1, 2]})]
    assert list(report_rows(iter(states), None, row)) == [("a", {"n": 1}), ("f", {"n": 0}), ("g", {"n": 2})]
    assert list(report_rows(iter(states), 2, row)) == [("a", {"n": 1}), ("f", {"n": 0})]


def test_registry_lines():
    assert registry.block_names()[0] == "kravprofil"
    assert registry.entry_point_lines()[0] == "kravprofil = kravprofil_xblock.block:KravprofilXBlock"
    assert registry.load_class("kravprofil").__name__ == "KravprofilXBlock"
    assert len(set(registry.block_names())) == len(registry.BLOCK_TYPES)
    for block in registry.BLOCK_TYPES:
        assert (Path(__file__).resolve().parents[2] / block.package / "__init__.py").is_file()


def test_compact_css_keeps_the_rules():
    css = ("/* x */\n.a  b,\n.c:hover {\n  color: red;\n  margin: 0 0 1rem;\n}\n"
           "@media (min-width: 60rem) {\n  .d { width: calc(100% - 2rem); }\n}\n.e::after { content: \"a, b\"; }\n")
    assert compact_css(css) == (".a  b,.c:hover{color:red;margin:0 0 1rem;}@media (min-width:60rem){.d{width:calc(100% "
                                "- 2rem);}}.e::after { content: \"a, b\"; }\n")


def test_on_demand_files_are_served_as_the_block_s_resources(monkeypatch):
    from xblock.exceptions import DisallowedFileError  # pylint: disable=import-outside-toplevel

    from kravprofil_xblock.block import KravprofilXBlock  # pylint: disable=import-outside-toplevel

    monkeypatch.setattr(assets, "ON_DEMAND_JS", {"xblock_layer.js": "layer_url"})
    served = KravprofilXBlock.open_local_resource("public/xblock_layer/sv/xblock_layer.js").read().decode("utf-8")
    assert served.isascii()  # the same text whatever charset the response is read with
    head, _, body = served.partition("\n")
    assert body == assets._ascii_js(assets.LAYER_FILES.static_text(assets.LAYER_JS))  # pylint: disable=W0212
    assert head.startswith("window.XBlockLayerUIStrings={") and head.endswith("};")
    strings = json.loads(head[len("window.XBlockLayerUIStrings="):-1])
    assert strings == layer_ui_strings("sv") and strings["keep_mine"] == "Behåll min version"
    english = KravprofilXBlock.open_local_resource(b"public/xblock_layer/en/xblock_layer.js").read().decode("utf-8")
    assert '"keep_mine":"Keep my version"' in english and '"keep_mine":"Beh\\u00e5ll min version"' in served
    for uri in ("public/xblock_layer/sv/../registry.py", "public/xblock_layer/sv/xblock_layer_ui.js",
                "public/xblock_layer/de/xblock_layer.js", "public/xblock_layer/xblock_layer.js",
                "public/xblock_layer/sv/i18n.py", b"public/xblock_layer/sv/x.js"):
        with pytest.raises(DisallowedFileError):
            KravprofilXBlock.open_local_resource(uri)
    with pytest.raises(DisallowedFileError):          # anything else: XBlock's own rules (kravprofil has no public/)
        KravprofilXBlock.open_local_resource("static/js/kravprofil.js")


def test_page_data_names_versioned_urls_of_the_files_present(monkeypatch):
    from xblock_layer.testing import LayerTestRuntime, in_language, make_block  # pylint: disable=C0415

    block = make_block(LayerTestRuntime(), "<kravprofil/>")
    monkeypatch.setattr(assets, "ON_DEMAND_JS", {"xblock_layer.js": "layer_url", "nowhere.js": "nowhere_url"})
    with in_language("en"):
        data = assets.layer_page_data(block)
    with in_language("sv"):
        swedish = assets.layer_page_data(block)
    assert list(data) == ["layer_url"]
    assert data["layer_url"].startswith("/resource/kravprofil/public/xblock_layer/en/xblock_layer.js?v=")
    assert swedish["layer_url"].startswith("/resource/kravprofil/public/xblock_layer/sv/xblock_layer.js?v=")
    assert len(data["layer_url"].rpartition("=")[2]) == 12 and data["layer_url"][-12:] != swedish["layer_url"][-12:]


def js_files():
    """(package, path) of every JavaScript file the blocks and the layer serve."""
    root = Path(__file__).resolve().parents[2]
    for package in ("xblock_layer", *registry.block_packages()):
        for path in sorted((root / package / "static").rglob("*.js")):
            yield package, str(path.relative_to(root / package))


@pytest.mark.skipif(not shutil.which("node"), reason="node (installed with npm, which make test needs) is missing")
@pytest.mark.parametrize("package,path", list(js_files()))
def test_minified_javascript_still_parses(package, path, tmp_path):
    minified = PackageFiles(package).static_text(path)
    assert len(minified) < len(compact(PackageFiles(package).read(path)))
    target = tmp_path / "min.js"
    target.write_text(minified, encoding="utf-8")
    result = subprocess.run(["node", "--check", str(target)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("node"), reason="node (installed with npm, which make test needs) is missing")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_served_on_demand_files_parse(lang, tmp_path):
    for name in assets.ON_DEMAND_JS:
        if not assets._available("static/js/" + name):  # pylint: disable=protected-access
            continue
        target = tmp_path / name
        target.write_text(assets.on_demand_text(name, lang), encoding="ascii")
        result = subprocess.run(["node", "--check", str(target)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
