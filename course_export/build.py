"""The pipeline: read + check the whole source -> course model -> OLX tree (in memory) ->
reproducible .tar.gz in a temporary file next to the target -> moved into place. Nothing is written
when the source has errors, and a failure while packing leaves no partial file."""
import contextlib
import gc
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from course_export.course_reader import read_course
from course_export.olx_writer import write_olx
from course_export.packer import pack

DEFAULT_SOURCE = Path(__file__).resolve().parent / "default_course"


@dataclass
class Result:
    course: object = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    archive_size: int = 0

    @property
    def ok(self):
        return not self.errors


@contextlib.contextmanager
def _without_cyclic_gc():
    """Python's cycle collector paused while a course is read and written (and restored as it was).

    A build allocates tens of thousands of containers (YAML nodes, mappings, the course model, the OLX
    tree) that all live until its end, so every automatic collection found nothing to free and its full
    passes also walked every object of the imported libraries: about 5 % of a build's CPU time (the
    default course) to 6 % (ten times larger). A build leaves about a hundred objects in reference
    cycles whatever its size, collected as usual once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(source=None, media_file=None, strict=False, allow_missing_blocks=False):
    with _without_cyclic_gc():
        course, errors = read_course(source or DEFAULT_SOURCE, media_file, strict, allow_missing_blocks)
    warnings = sorted(errors.warnings, key=lambda e: (e.file, e.line, e.key))
    return Result(course, errors.sorted(), warnings)


def build(source=None, output="course.tar.gz", media_file=None, strict=False, progress=None,
          allow_missing_blocks=False):
    """Build ``output`` from ``source``. Returns a Result; on errors no file is created or replaced."""
    with _without_cyclic_gc():
        return _build(source, output, media_file, strict, progress, allow_missing_blocks)


def _build(source, output, media_file, strict, progress, allow_missing_blocks):
    say = progress or (lambda key, **params: None)
    say("reading", source=str(source or DEFAULT_SOURCE))
    result = validate(source, media_file, strict, allow_missing_blocks)
    if not result.ok:
        return result
    output = Path(output)
    say("writing")
    tree = write_olx(result.course)
    say("packing", output=str(output))
    handle, partial = tempfile.mkstemp(prefix=".course-export-", suffix=".part", dir=output.parent)
    os.close(handle)
    try:
        pack(tree, partial)
        os.chmod(partial, 0o644)
        os.replace(partial, output)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    result.archive_size = output.stat().st_size
    return result


def summary_counts(course):
    counts = dict(modules=len(course.modules), units=0, articles=0, films=0, films_media=0, films_no_media=0,
                  quizzes=0, questions=0, podcasts=0, podcasts_media=0, reflections=0,
                  templates=course.templates, blocks=0, framework_pages=0)
    for unit in course.units():
        counts["units"] += 1
        kind = unit.kind
        if kind == "article":
            counts["articles"] += 1
        elif kind == "film":
            counts["films"] += 1
            counts["films_media" if unit.has_media else "films_no_media"] += 1
        elif kind == "quiz":
            counts["quizzes"] += 1
            counts["questions"] += sum(1 for c in unit.components if c.category == "problem")
        elif kind == "podcast":
            counts["podcasts"] += 1
            counts["podcasts_media"] += int(unit.has_media)
        elif kind == "reflection":
            counts["reflections"] += 1
        elif kind == "block":
            counts["blocks"] += 1
        elif kind == "framework_pages":
            counts["framework_pages"] += 1
    return counts
