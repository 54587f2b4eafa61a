"""One test runtime for the tests of every block (no server, no database).

In a block's ``tests/<package>/conftest.py``::

    import pytest
    from xblock_layer.testing import LayerTestRuntime, block_maker, call_handler, in_language

    @pytest.fixture
    def runtime():
        return LayerTestRuntime()

    @pytest.fixture
    def make_block(runtime):
        return block_maker(runtime, "<journal/>")     # make_block(xml=..., user="student_2")

    @pytest.fixture(autouse=True)
    def swedish():
        with in_language("sv"):
            yield

and in a test::

    status, body, response = call_handler(runtime, block, "save_entries", {"entries": [], "revision": 0})
    assert status == 200 and runtime.events == [("completion", {"completion": 1.0})]

A block class that has no entry point (a test block) is registered with the runtime:
``LayerTestRuntime(blocks={"layer_demo": DemoBlock})``.
"""
import contextlib
import json

import webob
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime


class LayerTestRuntime(TestRuntime):
    """TestRuntime with handler and resource URLs, a publish that records events, and blocks of its own."""

    __test__ = False

    def __init__(self, blocks=None, **kwargs):
        kwargs.setdefault("services", {"field-data": KvsFieldData(DictKeyValueStore())})
        super().__init__(**kwargs)
        self.events = []
        self.extra_blocks = dict(blocks or {})

    def load_block_type(self, block_type):
        if block_type in self.extra_blocks:
            return self.extra_blocks[block_type]
        return super().load_block_type(block_type)

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}" + (f"?{query}" if query else "")

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return "/static/" + resource

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, event_data))


def make_block(runtime, xml, user="student_1"):
    """Parse OLX ``xml`` (one block element) and build that block for ``user``."""
    usage_id = runtime.parse_xml_string(xml)
    def_id = runtime.id_reader.get_definition_id(usage_id)
    block_type = runtime.id_reader.get_block_type(def_id)
    return runtime.construct_xblock(block_type, ScopeIds(user, block_type, def_id, usage_id))


def block_maker(runtime, default_xml):
    """``make(xml=default_xml, user="student_1")`` building blocks in ``runtime`` (for a fixture)."""

    def make(xml=default_xml, user="student_1"):
        return make_block(runtime, xml, user)

    return make


def call_handler(runtime, block, handler, body=None, method="POST", raw=None, content_type="application/json",
                 query=""):
    """Call ``handler`` with a JSON body (or ``raw`` bytes); return ``(status, JSON or bytes, response)``."""
    if raw is None:
        raw = b"" if body is None else json.dumps(body).encode("utf-8")
    request = webob.Request.blank("/" + (f"?{query}" if query else ""), method=method,
                                  body=raw if method not in ("GET", "HEAD") else None)
    if method not in ("GET", "HEAD"):
        request.content_type = content_type
    response = runtime.handle(block, handler, request)
    if response.content_type == "application/json":
        return response.status_code, json.loads(response.body), response
    return response.status_code, response.body, response


@contextlib.contextmanager
def in_language(lang):
    """Run the block in ``lang`` (Django's active language, as the LMS sets it)."""
    from django.utils import translation  # pylint: disable=import-outside-toplevel

    with translation.override(lang):
        yield


def render_html(runtime, block, view="student_view", context=None):
    """The body HTML of ``view`` rendered through the runtime (its wrapper included)."""
    return runtime.render(block, view, context or {}).body_html()
