"""Handler input validation: hostile requests get 4xx JSON answers, never an exception; good ones reach the method."""
import io
import json
import pickle
import time

import pytest
import webob
from xblock.core import XBlock
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from xblock_layer.testing import in_language
from xblock_layer.json_handlers import (
    MESSAGES,
    InputError,
    Message,
    strict_json_handler,
    localize_message,
    nesting_exceeds,
    parse_json_body,
    require_dict,
    require_int,
    require_list,
    require_str,
)


@pytest.fixture(autouse=True)
def english():
    """Messages of blocks without ``localize_error`` come in the request's language: English here."""
    with in_language("en"):
        yield


class ProfileLikeError(ValueError):
    """Stands for a domain error (e.g. the profile module's) whose message is written for people."""
    code = "profile"


class Handlers:
    """The methods a block would have; ``calls`` records what reached them."""

    def __init__(self):
        self.calls = []

    @strict_json_handler()
    def submit(self, data, suffix=""):
        data = require_dict(data, allowed_keys={"role", "level", "tags", "note"}, required_keys={"role"})
        role = require_str(data["role"], "role", max_len=200)
        level = require_int(data.get("level", 1), "level", 1, 5)
        tags = require_list(data.get("tags", []), "tags", max_items=10)
        self.calls.append((role, level, tags, suffix))
        return {"ok": True, "role": role, "level": level}

    @strict_json_handler(max_bytes=100, max_depth=3)
    def small(self, data, suffix=""):
        self.calls.append(data)
        return {"echo": data}

    @strict_json_handler
    def bare(self, data, suffix=""):
        self.calls.append(data)
        return None

    @strict_json_handler()
    def raises(self, data, suffix=""):
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind == "value":
            int("not a number, with learner text")
        if kind == "type":
            len(5)
        if kind == "domain":
            raise ProfileLikeError("Requirement 3: weight must be between 1 and 5.")
        if kind == "input":
            raise InputError(code="bad_shape", key="missing_field", params={"name": "basics"})
        return {"unreachable": False}

    @strict_json_handler()
    def returns_junk(self, data, suffix=""):
        return {"value": {1, 2, 3}}

    @strict_json_handler()
    def returns_response(self, data, suffix=""):
        return webob.Response(body=b"raw", content_type="text/plain")


class SwedishHandlers(Handlers):
    def localize_error(self, code, message):
        return localize_message(message, "sv")


class BrokenLocalizer(Handlers):
    def localize_error(self, code, message):
        raise RuntimeError("bug in the block")


def post(body, method="POST", content_type="application/json", **kwargs):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return webob.Request.blank("/", method=method, body=body, content_type=content_type, **kwargs)


def answer(response):
    assert response.content_type == "application/json"
    assert response.charset.lower() == "utf-8"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    return json.loads(response.body.decode("utf-8"))


def deep(n, open_="[", close="]"):
    return open_ * n + close * n


HOSTILE = [
    # (id, request factory, status, code)
    ("get", lambda: webob.Request.blank("/", method="GET"), 405, "method"),
    ("get-with-body", lambda: post('{"role": "x"}', method="GET"), 405, "method"),
    ("put", lambda: post('{"role": "x"}', method="PUT"), 405, "method"),
    ("patch", lambda: post('{"role": "x"}', method="PATCH"), 405, "method"),
    ("delete", lambda: webob.Request.blank("/", method="DELETE"), 405, "method"),
    ("head", lambda: webob.Request.blank("/", method="HEAD"), 405, "method"),
    ("empty", lambda: post(b""), 400, "empty"),
    ("whitespace", lambda: post(b" \n\t "), 400, "empty"),
    ("truncated", lambda: post('{"role": "x"'), 400, "bad_json"),
    ("single-quotes", lambda: post("{'role': 'x'}"), 400, "bad_json"),
    ("trailing-comma", lambda: post('{"role": "x",}'), 400, "bad_json"),
    ("undefined", lambda: post("undefined"), 400, "bad_json"),
    ("two-documents", lambda: post('{"role": "x"} {"role": "y"}'), 400, "bad_json"),
    ("nul-byte", lambda: post(b'{"role": "x"}\x00'), 400, "bad_json"),
    ("raw-control-in-string", lambda: post(b'{"role": "a\x01b"}'), 400, "bad_json"),
    ("html", lambda: post("<script>alert(1)</script>"), 400, "bad_json"),
    ("deep-arrays-10000", lambda: post(deep(10_000)), 400, "too_deep"),
    ("deep-objects-10000", lambda: post('{"a":' * 10_000 + "1" + "}" * 10_000), 400, "too_deep"),
    ("deep-unclosed", lambda: post("[" * 100_000), 400, "too_deep"),
    ("deep-inside-valid-object", lambda: post('{"role": "x", "tags": ' + deep(50) + "}"), 400, "too_deep"),
    ("body-3mb", lambda: post('{"role": "' + "x" * 3_000_000 + '"}'), 413, "too_large"),
    ("just-over-limit", lambda: post('{"role": "' + "x" * 120_000 + '"}'), 413, "too_large"),
    ("lying-content-length", lambda: post('{"role": "x"}', headers={"Content-Length": "999999999"}),
     413, "too_large"),
    ("negative-content-length", lambda: post('{"role": "x"}', headers={"Content-Length": "-1"}),
     400, "bad_length"),
    ("nan", lambda: post('{"role": "x", "level": NaN}'), 400, "bad_number"),
    ("infinity", lambda: post('{"role": "x", "level": Infinity}'), 400, "bad_number"),
    ("minus-infinity", lambda: post('{"role": "x", "level": -Infinity}'), 400, "bad_number"),
    ("float-overflow", lambda: post('{"role": "x", "level": 1e999}'), 400, "bad_number"),
    ("huge-integer", lambda: post('{"role": "x", "level": ' + "9" * 10_000 + "}"), 400, "bad_number"),
    ("invalid-utf8", lambda: post(b'{"role": "\xff\xfe"}'), 400, "bad_encoding"),
    ("latin1", lambda: post('{"role": "Åsa"}'.encode("latin-1")), 400, "bad_encoding"),
    ("utf16", lambda: post('{"role": "x"}'.encode("utf-16")), 400, "bad_encoding"),
    ("binary", lambda: post(bytes(range(256)) * 4), 400, "bad_encoding"),
    ("lone-surrogate-value", lambda: post('{"role": "\\ud800"}'), 400, "bad_unicode"),
    ("lone-surrogate-key", lambda: post('{"role": "x", "\\udfff": 1}'), 400, "bad_unicode"),
    ("array-not-object", lambda: post('[{"role": "x"}]'), 400, "bad_shape"),
    ("string-not-object", lambda: post('"role"'), 400, "bad_shape"),
    ("number-not-object", lambda: post("42"), 400, "bad_shape"),
    ("null", lambda: post("null"), 400, "bad_shape"),
    ("true", lambda: post("true"), 400, "bad_shape"),
    ("missing-field", lambda: post('{"level": 3}'), 400, "bad_shape"),
    ("unknown-field", lambda: post('{"role": "x", "__proto__": {}}'), 400, "bad_shape"),
    ("role-number", lambda: post('{"role": 5}'), 400, "bad_shape"),
    ("role-null", lambda: post('{"role": null}'), 400, "bad_shape"),
    ("role-list", lambda: post('{"role": ["x"]}'), 400, "bad_shape"),
    ("role-object", lambda: post('{"role": {"$gt": ""}}'), 400, "bad_shape"),
    ("level-string", lambda: post('{"role": "x", "level": "3"}'), 400, "bad_shape"),
    ("level-bool", lambda: post('{"role": "x", "level": true}'), 400, "bad_shape"),
    ("level-float", lambda: post('{"role": "x", "level": 3.0}'), 400, "bad_shape"),
    ("level-out-of-range", lambda: post('{"role": "x", "level": 99}'), 400, "bad_shape"),
    ("level-negative", lambda: post('{"role": "x", "level": -1}'), 400, "bad_shape"),
    ("tags-not-list", lambda: post('{"role": "x", "tags": "a,b"}'), 400, "bad_shape"),
    ("too-many-tags", lambda: post('{"role": "x", "tags": ' + json.dumps(list(range(11))) + "}"),
     400, "bad_shape"),
    ("huge-string", lambda: post(json.dumps({"role": "ö" * 50_000}, ensure_ascii=False)), 400, "bad_shape"),
]


@pytest.mark.parametrize("name,make,status,code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_request_gets_json_4xx(name, make, status, code):
    block = Handlers()
    response = block.submit(make())
    assert response.status_code == status
    data = answer(response)
    assert data["code"] == code
    assert isinstance(data["error"], str) and data["error"]
    assert block.calls == []
    if status == 405:
        assert response.headers["Allow"] == "POST"


def test_there_are_many_hostile_cases():
    assert len(HOSTILE) >= 30


def test_error_answers_do_not_echo_learner_text():
    block = Handlers()
    for body in ('{"role": "<img src=x onerror=alert(1)>", "level": "secret-text"}',
                 '{"role": "x", "<b>evil</b>": 1}'):
        data = answer(block.submit(post(body)))
        assert "onerror" not in data["error"] and "secret-text" not in data["error"]
    unknown = answer(block.submit(post('{"role": "x", "' + "k" * 500 + '": 1}')))
    assert len(unknown["error"]) < 100  # a long unknown key is cut


def test_good_body_reaches_the_method():
    block = Handlers()
    response = block.submit(post('{"role": "Säljare", "level": 4, "tags": ["a", "b"]}'), "sfx")
    assert response.status_code == 200
    assert answer(response) == {"ok": True, "role": "Säljare", "level": 4}
    assert block.calls == [("Säljare", 4, ["a", "b"], "sfx")]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("body", [
    '{"role": "x", "tags": ["' + "[{" * 5000 + '"]}',  # brackets inside a string do not count
    '{"role": "quote \\" then [[[[[[[[[[[[[[[[[[[[[[["}',
    '{"role": "backslash \\\\", "tags": [[[[1]]]]}',    # an escaped backslash ends before the quote
    '\ufeff{"role": "with a byte order mark"}',
    '  {"role": "x"}\n',
    '{"role": ""}',
])
def test_tricky_but_valid_bodies_are_accepted(body):
    block = Handlers()
    response = block.submit(post(body))
    assert response.status_code == 200, answer(response)
    assert len(block.calls) == 1


def test_body_without_content_length_is_limited():
    """A chunked upload has no Content-Length: no more than max_bytes + 1 bytes are read."""
    stream = io.BytesIO(b'{"role": "' + b"x" * 5_000_000 + b'"}')
    request = webob.Request.blank("/", method="POST")
    request.body_file = stream  # also clears Content-Length and marks the body readable
    assert request.content_length is None
    response = Handlers().submit(request)
    assert response.status_code == 413
    assert stream.tell() <= 120_001


def test_small_body_without_content_length_is_read():
    request = webob.Request.blank("/", method="POST")
    request.body_file = io.BytesIO(b'{"role": "chunked"}')
    block = Handlers()
    assert block.submit(request).status_code == 200
    assert block.calls[0][0] == "chunked"


def test_custom_limits():
    block = Handlers()
    assert block.small(post("[[[1]]]")).status_code == 200
    too_deep = block.small(post("[[[[1]]]]"))
    assert too_deep.status_code == 400 and answer(too_deep)["code"] == "too_deep"
    assert "3" in answer(too_deep)["error"]
    too_large = block.small(post('"' + "x" * 100 + '"'))
    assert too_large.status_code == 413 and "100" in answer(too_large)["error"]
    assert block.small(post('"' + "x" * 98 + '"')).status_code == 200  # exactly 100 bytes


def test_decorator_without_parentheses():
    block = Handlers()
    response = block.bare(post("[1, 2]"))
    assert response.status_code == 200 and answer(response) == {}
    assert block.calls == [[1, 2]]
    assert block.bare(webob.Request.blank("/", method="GET")).status_code == 405


@pytest.mark.parametrize("kind,code,message", [
    ("value", "invalid", MESSAGES["invalid"]["en"]),
    ("type", "bad_shape", MESSAGES["bad_shape"]["en"]),
    ("domain", "profile", "Requirement 3: weight must be between 1 and 5."),
    ("input", "bad_shape", "Missing field: basics."),
])
def test_errors_raised_by_the_method(kind, code, message):
    response = Handlers().raises(post(json.dumps({"kind": kind})))
    assert response.status_code == 400
    data = answer(response)
    assert data["code"] == code
    assert data["error"] == message
    assert "learner text" not in data["error"]


def test_unserializable_result_is_a_json_500_not_an_exception():
    response = Handlers().returns_junk(post("{}"))
    assert response.status_code == 500
    assert answer(response)["code"] == "server"


def test_response_result_passes_through():
    response = Handlers().returns_response(post("{}"))
    assert response.status_code == 200 and response.body == b"raw"


def test_block_localizes_messages():
    block = SwedishHandlers()
    cases = [
        (webob.Request.blank("/", method="GET"), "Den här adressen tar bara emot POST-anrop."),
        (post(deep(20)), "Uppgifterna är nästlade i för många nivåer (högst 12)."),
        (post('{"role": "x", "level": 9}'), "level måste vara mellan 1 och 5."),
        (post("{"), "Anropets innehåll är inte giltig JSON (rad 1, kolumn 2)."),
    ]
    for request, swedish in cases:
        assert answer(block.submit(request))["error"] == swedish


def test_localizer_that_fails_falls_back_to_english():
    response = BrokenLocalizer().submit(webob.Request.blank("/", method="GET"))
    assert response.status_code == 405
    assert answer(response)["error"] == MESSAGES["method"]["en"]


def test_every_message_exists_in_both_languages():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"sv", "en"}, key
        assert texts["sv"] != texts["en"], key
        message = Message(key, {"limit": 5, "name": "x", "lo": 1, "hi": 5, "line": 1, "column": 1})
        assert "{" not in message and "{" not in message.translate("sv")


def test_message_and_input_error_basics():
    message = Message("too_large", {"limit": 10})
    assert message == "The request is too large (at most 10 bytes)."
    assert message.translate("sv-SE") == "Anropet är för stort (högst 10 byte)."
    assert pickle.loads(pickle.dumps(message)).translate("sv") == message.translate("sv")
    assert localize_message("plain text", "sv") == "plain text"
    assert Message("no_such_key") == MESSAGES["invalid"]["en"]
    assert Message("bad_json") == "The request body is not valid JSON (line ?, column ?)."
    err = InputError("Custom text.", status=422, code="custom")
    assert (err.status, err.code, err.message, str(err)) == (422, "custom", "Custom text.", "Custom text.")
    assert err.localized("sv") == "Custom text."
    err = InputError(code="too_deep", params={"limit": 4})
    assert err.message == "The data is nested too deeply (at most 4 levels)."
    assert err.localized("sv") == "Uppgifterna är nästlade i för många nivåer (högst 4)."


def test_parse_json_body_direct():
    assert parse_json_body(post('{"a": [1, 2.5, "x", null, true]}')) == {"a": [1, 2.5, "x", None, True]}
    with pytest.raises(InputError) as info:
        parse_json_body(post("{}", method="PUT"))
    assert (info.value.status, info.value.code) == (405, "method")


@pytest.mark.parametrize("text,limit,expected", [
    ("[]", 1, False),
    ("[[]]", 1, True),
    ("[[]]", 2, False),
    ('{"a": {"b": {"c": 1}}}', 3, False),
    ('{"a": {"b": {"c": {}}}}', 3, True),
    ('"[[[[[["', 1, False),
    ('["\\"[[[["]', 1, False),
    ('["\\\\", [[1]]]', 2, True),
    ("]]]][[", 1, True),        # closing brackets never make room for deeper nesting
    ("[]]]]][[", 1, True),
])
def test_nesting_scan(text, limit, expected):
    assert nesting_exceeds(text, limit) is expected


def test_nesting_scan_is_fast_on_worst_case_bodies():
    """The flat scan stays linear: a full-size body of brackets or escaped quotes takes milliseconds."""
    bodies = ["[]" * 60_000, '["' + '\\"' * 59_000 + '"]', '"' + "{" * 119_990 + '"']
    start = time.perf_counter()
    for body in bodies:
        nesting_exceeds(body, 12)
    assert time.perf_counter() - start < 1.0


def test_helpers_directly():
    assert require_dict({"a": 1}, {"a", "b"}, {"a"}) == {"a": 1}
    assert require_dict({"anything": 1}) == {"anything": 1}
    assert require_str("abc", "name", 3) == "abc"
    assert require_int(5, "n", 1, 5) == 5
    assert require_list([1], "items", 1) == [1]
    for call in (lambda: require_dict([], None), lambda: require_dict({"c": 1}, {"a"}),
                 lambda: require_dict({}, {"a"}, {"a"}), lambda: require_str("abcd", "name", 3),
                 lambda: require_str(None, "name", 3), lambda: require_int(6, "n", 1, 5),
                 lambda: require_int(1.5, "n", 1, 5), lambda: require_int(False, "n", 0, 5),
                 lambda: require_list((1,), "items", 5), lambda: require_list([1, 2], "items", 1)):
        with pytest.raises(InputError) as info:
            call()
        assert (info.value.status, info.value.code) == (400, "bad_shape")


# ------------------------------------------------------------------ inside a real XBlock runtime

class EchoBlock(XBlock):
    """A block whose handler uses the decorator exactly as the project's blocks do."""

    @XBlock.handler
    @strict_json_handler()
    def echo(self, data, suffix=""):
        data = require_dict(data, allowed_keys={"text"}, required_keys={"text"})
        return {"text": require_str(data["text"], "text", 100), "suffix": suffix}

    def localize_error(self, code, message):
        return localize_message(message, "sv")


@pytest.fixture()
def echo_block():
    runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
    return runtime, runtime.construct_xblock_from_class(EchoBlock, ScopeIds("student", "echo", "def", "usage"))


def test_xblock_runtime_good_request(echo_block):
    runtime, block = echo_block
    response = runtime.handle(block, "echo", post('{"text": "Hej å ä ö"}'), "part")
    assert response.status_code == 200
    assert answer(response) == {"text": "Hej å ä ö", "suffix": "part"}


@pytest.mark.parametrize("name,make,status,code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_xblock_runtime_hostile_requests(echo_block, name, make, status, code):
    runtime, block = echo_block
    response = runtime.handle(block, "echo", make())
    assert 400 <= response.status_code < 500
    data = answer(response)
    assert data["error"] and data["code"]
    if status != 400 or code != "bad_shape":  # this block's shape differs from Handlers.submit's
        assert (response.status_code, data["code"]) == (status, code)
