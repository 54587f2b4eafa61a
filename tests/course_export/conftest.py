"""Fixtures: the built sample course (with the sample media file), the built shipped default course and a small
valid source to break.

The sample course (data/sample_course/) is a small fixture that uses every component kind; the tests that
check exact output read it, so the shipped course (course_export/default_course/) can change its text freely.
"""
import tarfile
import textwrap
from pathlib import Path

import pytest

from course_export import build as pipeline

DATA = Path(__file__).parent / "data"
MEDIA = DATA / "media.yaml"
SAMPLE = DATA / "sample_course"


@pytest.fixture(scope="session")
def built_default(tmp_path_factory):
    """Build the sample course (data/sample_course/) once with the sample media file; returns (archive path,
    extracted course folder). The name is kept from when the sample was the shipped default course."""
    out = tmp_path_factory.mktemp("default_build")
    archive = out / "course.tar.gz"
    result = pipeline.build(SAMPLE, archive, media_file=MEDIA)
    assert result.ok, "\n".join(e.render("en") for e in result.errors)
    with tarfile.open(archive) as tar:
        tar.extractall(out / "x", filter="data")
    return archive, out / "x" / "course"


@pytest.fixture(scope="session")
def built_course(tmp_path_factory):
    """Build the shipped default course (course_export/default_course/, no media) once; returns
    (build result, archive path, extracted course folder)."""
    out = tmp_path_factory.mktemp("shipped_build")
    archive = out / "course.tar.gz"
    result = pipeline.build(None, archive)
    assert result.ok, "\n".join(e.render("en") for e in result.errors)
    with tarfile.open(archive) as tar:
        tar.extractall(out / "x", filter="data")
    return result, archive, out / "x" / "course"


SMALL_SOURCE = {
    "course.yaml": """\
        title: Liten testkurs
        org: TestOrg
        number: T1
        run: r1
        start: 2026-01-01
        grading:
          pass: 0.5
          graders:
            - {type: Prov, short_label: P, weight: 1.0}
        modules:
          - id: m1
            title: Modul ett
            lessons:
              - id: l1
                title: Lektion ett
                components:
                  - article: a/forsta.md
                  - article: a/andra.md
                  - film: f/film.yaml
              - id: l2
                title: Prov
                graded: Prov
                components:
                  - quiz: q/prov.yaml
        """,
    "a/forsta.md": """\
        ---
        title: Första artikeln
        ---
        Text med å, ä och ö. ![bild](../static/bild.png)
        """,
    "a/andra.md": """\
        ---
        title: Andra artikeln
        ---
        Mer text. Se [första](forsta.md).
        """,
    "f/film.yaml": """\
        title: En film
        manuscript: |
          Första meningen. Andra meningen!
        """,
    "q/prov.yaml": """\
        title: Prov
        questions:
          - id: f1
            type: multiple_choice
            prompt: Vilket?
            choices:
              - {text: A, correct: true}
              - {text: B}
        """,
}


def write_source(folder, files=None, **changes):
    """Write the small source into ``folder``; ``changes`` maps a path to new text (None deletes)."""
    folder = Path(folder)
    merged = dict(SMALL_SOURCE if files is None else files)
    merged.update({_path_of(k): v for k, v in changes.items()})
    for rel, text in merged.items():
        if text is None:
            continue
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "static").mkdir(exist_ok=True)
    png = folder / "static" / "bild.png"
    if not png.exists():
        png.write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def _path_of(key):
    """Keyword to path: ``a__forsta_md`` -> ``a/forsta.md`` (a key with a dot is kept as it is)."""
    key = key.replace("__", "/")
    if "." not in key:
        head, _, ext = key.rpartition("_")
        key = f"{head}.{ext}"
    return key


@pytest.fixture
def small_source(tmp_path):
    return write_source(tmp_path / "src")
