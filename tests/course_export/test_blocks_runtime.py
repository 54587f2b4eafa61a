"""Every custom block in the output parses and renders student_view in an XBlock runtime.

The kravprofil block is written in parallel (kravprofil_xblock/); if it is not importable, these tests
FAIL on purpose (they do not skip): the course would import as hidden placeholders."""
from lxml import etree

from course_export.custom_blocks import PROJECT_BLOCK_TYPES
from tests.course_export.olx_reading import parse
from xblock_layer.testing import LayerTestRuntime, make_block


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
        runtime = LayerTestRuntime()
        block = make_block(runtime, etree.tostring(element, encoding="unicode"))
        assert block.display_name == element.get("display_name")
        assert block.max_competencies == int(element.get("max_competencies"))
        assert block.required_sections == ["basics", "purpose", "tasks", "requirements", "competencies"]
        fragment = runtime.render(block, "student_view")
        assert "kravprofil-block" in fragment.body_html()
