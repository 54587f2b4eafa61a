"""The build pauses Python's cycle collector while it reads and writes a course, and leaves it as it found it."""
import gc

import pytest

from course_export import build as pipeline


@pytest.fixture
def gc_state():
    was_enabled = gc.isenabled()
    yield
    (gc.enable if was_enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_build_pauses_the_collector_and_restores_it(small_source, tmp_path, monkeypatch, gc_state, enabled):
    seen = []
    read_course = pipeline.read_course

    def recording(*args, **kwargs):
        seen.append(gc.isenabled())
        return read_course(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_course", recording)
    (gc.enable if enabled else gc.disable)()
    result = pipeline.build(small_source, tmp_path / "out.tar.gz")
    assert result.ok, [e.render("en") for e in result.errors]
    assert seen == [False]
    assert gc.isenabled() is enabled
    assert pipeline.validate(small_source).ok and seen == [False, False]
    assert gc.isenabled() is enabled


def test_a_failing_build_restores_the_collector(small_source, tmp_path, monkeypatch, gc_state):
    def broken(tree, path):
        raise OSError("disk full")

    monkeypatch.setattr(pipeline, "pack", broken)
    gc.enable()
    with pytest.raises(OSError):
        pipeline.build(small_source, tmp_path / "out.tar.gz")
    assert gc.isenabled()
    assert not (tmp_path / "out.tar.gz").exists()
