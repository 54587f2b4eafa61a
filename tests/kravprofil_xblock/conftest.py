"""Fixtures for the kravprofil block: a small test runtime that records published events."""
import json

import pytest
import webob
from django.utils import translation
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime


class KpRuntime(TestRuntime):
    """TestRuntime with handler URLs and a publish that records events (TestRuntime raises for both)."""

    __test__ = False

    def __init__(self):
        super().__init__(services={"field-data": KvsFieldData(DictKeyValueStore())})
        self.events = []

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return "/static/" + resource

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, event_data))


@pytest.fixture
def runtime():
    return KpRuntime()


@pytest.fixture
def make_block(runtime):
    """``make_block(xml='<kravprofil/>', user='student_1')`` parses OLX and builds the block for a learner."""

    def make(xml="<kravprofil/>", user="student_1"):
        usage_id = runtime.parse_xml_string(xml)
        def_id = runtime.id_reader.get_definition_id(usage_id)
        block = runtime.construct_xblock("kravprofil", ScopeIds(user, "kravprofil", def_id, usage_id))
        return block

    return make


@pytest.fixture
def block(make_block):
    return make_block()


@pytest.fixture(autouse=True)
def swedish():
    """Tests run in Swedish (the default language) unless they override it."""
    with translation.override("sv"):
        yield


def call(runtime, block, handler, body=None, method="POST", raw=None, content_type="application/json"):
    """Call ``handler`` with a JSON body (or ``raw`` bytes); return (status, decoded JSON or bytes, response)."""
    if raw is None:
        raw = b"" if body is None else json.dumps(body).encode("utf-8")
    request = webob.Request.blank("/", method=method, body=raw if method != "GET" else None)
    if method != "GET":
        request.content_type = content_type
    response = runtime.handle(block, handler, request)
    if response.content_type == "application/json":
        return response.status_code, json.loads(response.body), response
    return response.status_code, response.body, response
