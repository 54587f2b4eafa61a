"""Where a journal block sits in the course: the section's name as the module and the positions for ordering."""
from types import SimpleNamespace

from reflection_xblock.placement import placement


def node(block_type, usage, parent=None, children=(), name=""):
    item = SimpleNamespace(scope_ids=SimpleNamespace(block_type=block_type, usage_id=usage),
                           children=list(children), display_name=name)
    item.get_parent = lambda: parent
    return item


def course_tree():
    course = node("course", "c", children=["ch0", "ch1"])
    chapter = node("chapter", "ch1", parent=course, children=["s0"], name="Modul 2: Intervjun")
    sequential = node("sequential", "s0", parent=chapter, children=["v0", "v1"])
    vertical = node("vertical", "v1", parent=sequential, children=["x", "j"])
    return node("reflection_journal", "j", parent=vertical)


def test_module_is_the_sections_name_and_order_the_positions():
    assert placement(course_tree()) == ("Modul 2: Intervjun", [1, 0, 1, 1])


def test_no_course_above_means_unknown():
    vertical = node("vertical_demo", "v", children=["j"])
    assert placement(node("reflection_journal", "j", parent=vertical)) == ("", [])
    assert placement(node("reflection_journal", "j")) == ("", [])


def test_a_runtime_that_fails_gives_unknown_not_an_error():
    block = node("reflection_journal", "j")

    def broken():
        raise RuntimeError("modulestore down")
    block.get_parent = broken
    assert placement(block) == ("", [])
    orphan = node("vertical", "v", children=["other"])
    assert placement(node("reflection_journal", "j", parent=orphan)) == ("", [])
