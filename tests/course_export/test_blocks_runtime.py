"""Every custom block in the output parses and renders student_view in an XBlock runtime.

The kravprofil block is written in parallel (kravprofil_xblock/); if it is not importable, these tests
FAIL on purpose (they do not skip): the course would import as hidden placeholders."""
from lxml import etree
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from course_export.custom_blocks import PROJECT_BLOCK_TYPES
from tests.course_export.olx_reading import parse


class Runtime(TestRuntime):
    """TestRuntime with the URL helpers a block's view may call."""

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return f"/static/{resource}"


def inline_blocks(folder):
    for vertical in sorted((folder / "vertical").glob("*.xml")):
        for child in parse(vertical):
            if child.tag in PROJECT_BLOCK_TYPES:
                yield child


def test_kravprofil_entry_point_loads():
    from importlib.metadata import entry_points
    (ep,) = [ep for ep in entry_points(group="xblock.v1") if ep.name == "kravprofil"]
    assert ep.load().__name__      # ImportError here means the block is not importable yet


def test_every_custom_block_parses_and_renders(built_default):
    _, folder = built_default
    blocks = list(inline_blocks(folder))
    assert [b.tag for b in blocks] == ["kravprofil"]
    for element in blocks:
        runtime = Runtime(services={"field-data": KvsFieldData(DictKeyValueStore())})
        usage_id = runtime.parse_xml_string(etree.tostring(element, encoding="unicode"))
        def_id = runtime.id_reader.get_definition_id(usage_id)
        block = runtime.construct_xblock(element.tag, ScopeIds("student_1", element.tag, def_id, usage_id))
        assert block.display_name == element.get("display_name")
        assert block.max_competencies == int(element.get("max_competencies"))
        assert block.required_sections == ["basics", "purpose", "tasks", "requirements", "competencies"]
        fragment = runtime.render(block, "student_view")
        assert "kravprofil-block" in fragment.body_html()
