"""A block of a few lines on the layer (demo_block.py) gets strict handlers, i18n, a revisioned save with a 409
holding the saved state, completion once, downloads, report rows and hardened Studio editing."""
from collections import namedtuple
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from xblock_layer.testing import LayerTestRuntime, block_maker, call_handler, in_language, render_html

from .demo_block import LayerDemoBlock

HOSTILE = "</script><img src=x onerror=alert(1)>"


@pytest.fixture
def runtime():
    return LayerTestRuntime(blocks={"layer_demo": LayerDemoBlock})


@pytest.fixture
def make_block(runtime):
    return block_maker(runtime, '<layer_demo display_name="Min övning"/>')


@pytest.fixture
def block(make_block):
    return make_block()


def save(runtime, block, note, revision):
    return call_handler(runtime, block, "save_note", {"note": note, "revision": revision})


def test_save_then_conflict_answers_409_with_the_saved_state(runtime, block):
    status, body, _ = save(runtime, block, "första", 0)
    assert status == 200 and body["revision"] == 1 and body["saved_at"]
    status, body, response = save(runtime, block, "från en gammal flik", 0)
    assert status == 409 and response.headers["Cache-Control"] == "no-store"
    assert body["code"] == "conflict" and body["note"] == "första" and body["revision"] == 1
    assert body["saved_at"] == block.saved_at
    assert block.note == "första"                       # nothing overwritten
    assert save(runtime, block, "andra", 1)[0] == 200 and block.note == "andra" and block.revision == 2


def test_completion_is_published_once(runtime, block):
    save(runtime, block, "   ", 0)
    assert runtime.events == []
    save(runtime, block, "klar", 1)
    save(runtime, block, "", 2)
    save(runtime, block, "igen", 3)
    assert runtime.events == [("completion", {"completion": 1.0})] and block.completed


@pytest.mark.parametrize("raw,method,status,code", [
    (b"[" * 50 + b"]" * 50, "POST", 400, "too_deep"),
    (b'{"note": NaN, "revision": 0}', "POST", 400, "bad_number"),
    (b'{"note": "x", "revision": true}', "POST", 400, "bad_revision"),
    (b'{"note": 1, "revision": 0}', "POST", 400, "bad_shape"),
    (b'{"note": "x", "revision": 0, "extra": 1}', "POST", 400, "bad_shape"),
    (b'{"note": "' + b"x" * 5000 + b'", "revision": 0}', "POST", 413, "too_large"),
    (b"", "GET", 405, "method"),
])
def test_strict_handler_answers_4xx_json(runtime, block, raw, method, status, code):
    got, body, response = call_handler(runtime, block, "save_note", raw=raw, method=method)
    assert got == status and body["code"] == code and body["error"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert block.note == "" and block.revision == 0


def test_handler_messages_come_in_the_learner_s_language(runtime, block):
    with in_language("sv"):
        sv = call_handler(runtime, block, "save_note", raw=b"{")[1]["error"]
    with in_language("en"):
        en = call_handler(runtime, block, "save_note", raw=b"{")[1]["error"]
    assert sv.startswith("Anropets innehåll är inte giltig JSON") and en.startswith("The request body is not valid")


def test_view_is_translated_and_carries_the_state_as_escaped_json(runtime, block):
    save(runtime, block, HOSTILE, 0)
    with in_language("sv"):
        html = render_html(runtime, block)
    with in_language("en"):
        english = render_html(runtime, block)
    assert "Din anteckning" in html and "Your note" in english
    assert HOSTILE not in html and "\\u003C/script\\u003E" in html
    data = lxml_html.fromstring(html).xpath('//script[@class="ld-data"]')[0].text
    assert '"revision":1' in data and '"note":"\\u003C/script' in data


def test_download_with_safe_file_names(runtime, block):
    save(runtime, block, "Anteckning å ä ö", 0)
    status, body, response = call_handler(runtime, block, "download_note", method="GET")
    assert status == 200 and body.decode("utf-8") == "Anteckning å ä ö"
    disposition = response.headers["Content-Disposition"]
    assert 'filename="anteckning-min-ovning.txt"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "anteckning-min-övning.txt"
    assert response.headers["Cache-Control"] == "no-store" and response.headers["X-Content-Type-Options"] == "nosniff"
    status, body, response = call_handler(runtime, block, "download_note", raw=b"{}")
    assert status == 405 and response.headers["Allow"] == "GET, HEAD" and body["code"] == "method"


def test_report_rows(make_block):
    block = make_block()
    State = namedtuple("State", "username state")
    states = [State("a", {"note": "hej"}), State("b", {}), State("c", {"note": None}), State("d", "trasig"),
              State("e", {"note": 5}), State("f", {"note": "tjena"})]
    assert list(block.generate_report_data(iter(states))) == [("a", {"characters": 3}), ("f", {"characters": 5})]
    assert list(block.generate_report_data(iter(states), limit_responses=1)) == [("a", {"characters": 3})]


def test_studio_editing_is_hardened(runtime, block):
    ok = call_handler(runtime, block, "submit_studio_edits", {"values": {"display_name": "Ny"}, "defaults": []})
    assert ok[0] == 200 and block.display_name == "Ny"
    for body in ({"values": {"display_name": 5}}, {"values": []}, {"values": {"display_name": ["x"]}}):
        status, answer, _ = call_handler(runtime, block, "submit_studio_edits", body)
        assert status == 400 and answer["code"] == "bad_shape"
    assert call_handler(runtime, block, "submit_studio_edits", raw=b"[" * 40)[0] == 400
    assert call_handler(runtime, block, "submit_studio_edits", method="GET")[0] == 405
    assert block.display_name == "Ny"


def test_studio_editing_refuses_json_booleans_for_number_fields():
    """JSON true is no number: XBlock's from_json would store it as 1 in an Integer (or 1.0 in a Float) field."""
    from xblock.core import XBlock
    from xblock.fields import Boolean, Float, Integer, Scope

    from xblock_layer.studio import StudioEditingMixin

    class Numbers(StudioEditingMixin, XBlock):
        count = Integer(default=3, scope=Scope.settings)
        share = Float(default=0.5, scope=Scope.settings)
        flag = Boolean(default=False, scope=Scope.settings)
        editable_fields = ("count", "share", "flag")

    runtime = LayerTestRuntime(blocks={"numbers": Numbers})
    block = block_maker(runtime, "<numbers/>")()
    for values in ({"count": True}, {"share": False}, {"count": 4, "share": True}):
        status, answer, _ = call_handler(runtime, block, "submit_studio_edits", {"values": values, "defaults": []})
        assert status == 400 and answer["code"] == "bad_shape", values
    assert (block.count, block.share, block.flag) == (3, 0.5, False)
    ok = call_handler(runtime, block, "submit_studio_edits",
                      {"values": {"count": 4, "share": 1, "flag": True}, "defaults": []})
    assert ok[0] == 200 and (block.count, block.share, block.flag) == (4, 1.0, True)


def test_block_errors_in_the_block_s_own_words(block):
    with in_language("sv"):
        err = block.input_error("Your note", "mine", status=409)
    assert err.status == 409 and err.code == "mine" and str(err) == "Din anteckning"
    with in_language("en"):
        assert str(block.input_error("%(n)s notes", "count", n=3)) == "3 notes"


def test_a_body_over_the_limit_in_the_block_s_words(runtime, block):
    block.too_large_messages = {4_000: ("%(n)s notes", {"n": 1})}
    with in_language("en"):
        status, body, _ = call_handler(runtime, block, "save_note", raw=b'{"note": "' + b"x" * 5000 + b'"}')
    assert status == 413 and body == {"error": "1 notes", "code": "too_large"}


def test_olx_export_holds_authored_fields_only(runtime, block):
    from lxml import etree  # pylint: disable=import-outside-toplevel

    save(runtime, block, "privat anteckning", 0)
    node = etree.Element("layer_demo")
    block.add_xml_to_node(node)
    assert node.get("display_name") == "Min övning"
    assert "note" not in node.attrib and "revision" not in node.attrib and "completed" not in node.attrib


def test_state_check_leaves_the_state_out_when_the_page_is_current(runtime, block):
    save(runtime, block, "första", 0)
    current = call_handler(runtime, block, "student_view_user_state", method="GET", query="revision=1")[1]
    assert current == {"revision": 1, "saved_at": block.saved_at, "completed": True}
    for query in ("revision=0", "revision=x", "revision=-1", "revision=" + "1" * 30, ""):
        status, body, response = call_handler(runtime, block, "student_view_user_state", method="GET", query=query)
        assert status == 200 and body["note"] == "första" and body["revision"] == 1, query
        assert response.headers["Cache-Control"] == "no-store"
    assert call_handler(runtime, block, "student_view_user_state", raw=b"{}", method="PUT")[0] == 405
