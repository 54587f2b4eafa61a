"""Same source => byte-identical archive; url_names stable across edits; archive is safe."""
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from course_export import build as pipeline
from tests.course_export.conftest import MEDIA, SAMPLE
from tests.course_export.olx_reading import all_url_names

ROOT = Path(__file__).resolve().parents[2]


def test_two_builds_are_byte_identical(built_default, tmp_path):
    """The second build runs in a fresh process at least 2 s later (zip and docx times have 2 s / 1 s
    resolution), so generated Word files and anything time-dependent would show up as a difference."""
    archive, _ = built_default
    time.sleep(max(0.0, 2.1 - (time.time() - archive.stat().st_mtime)))
    again = tmp_path / "again.tar.gz"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "course_export.cli", "build", str(SAMPLE), "-o", str(again),
                           "--media", str(MEDIA)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == archive.read_bytes()


def test_gzip_header_is_fixed(built_default):
    archive, _ = built_default
    header = archive.read_bytes()[:10]
    assert header[:3] == b"\x1f\x8b\x08"
    assert header[3] & 0x08 == 0, "no file name in the gzip header"
    assert header[4:8] == b"\x00\x00\x00\x00", "gzip mtime 0"


def test_archive_members_are_sorted_fixed_and_safe(built_default):
    archive, _ = built_default
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert {n.split("/")[0] for n in names} == {"course"}
    assert "course/course.xml" in names
    for m in members:
        assert m.isfile() or m.isdir()
        assert not m.name.startswith("/") and ".." not in m.name.split("/")
        assert (m.mtime, m.uid, m.gid, m.uname, m.gname) == (946684800, 0, 0, "", "")


def _build_and_extract(src, out_dir):
    archive = out_dir / "c.tar.gz"
    result = pipeline.build(src, archive)
    assert result.ok, [e.render("en") for e in result.errors]
    with tarfile.open(archive) as tar:
        tar.extractall(out_dir / "x", filter="data")
    return out_dir / "x" / "course"


def test_editing_one_article_keeps_other_url_names_and_files(small_source, tmp_path):
    (tmp_path / "b1").mkdir()
    (tmp_path / "b2").mkdir()
    first = _build_and_extract(small_source, tmp_path / "b1")
    article = small_source / "a" / "forsta.md"
    article.write_text("---\ntitle: Ny rubrik\n---\nHelt ny text.\n\n## Nytt avsnitt\n", encoding="utf-8")
    second = _build_and_extract(small_source, tmp_path / "b2")
    assert all_url_names(first) == all_url_names(second)
    changed = {p.relative_to(first).as_posix() for p in first.rglob("*")
               if p.is_file() and p.read_bytes() != (second / p.relative_to(first)).read_bytes()}
    assert changed == {"html/forsta.html", "html/forsta.xml", "vertical/forsta_unit.xml"}


def test_reordering_and_inserting_keep_url_names(small_source, tmp_path):
    (tmp_path / "b1").mkdir()
    (tmp_path / "b2").mkdir()
    before = set(all_url_names(_build_and_extract(small_source, tmp_path / "b1")))
    course = small_source / "course.yaml"
    text = course.read_text().replace("- article: a/forsta.md\n          - article: a/andra.md",
                                      "- article: a/andra.md\n          - article: a/ny.md\n          - article: a/forsta.md")
    course.write_text(text)
    (small_source / "a" / "ny.md").write_text("---\ntitle: Ny\n---\nNy artikel.\n", encoding="utf-8")
    after = set(all_url_names(_build_and_extract(small_source, tmp_path / "b2")))
    assert after - before == {"ny", "ny_unit"} and before <= after


def test_raw_html_in_markdown_is_sanitized(small_source, tmp_path):
    (small_source / "a" / "andra.md").write_text(
        "---\ntitle: A\n---\n<script>alert(1)</script>\n\n<img src=https://x.se/a.png onerror=alert(1)>"
        "[klick](javascript:alert(1)) <b>fet</b>\n", encoding="utf-8")
    folder = _build_and_extract(small_source, tmp_path)
    html = (folder / "html" / "andra.html").read_text(encoding="utf-8")
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<b>fet</b>" in html and 'src="https://x.se/a.png"' in html


def test_links_in_raw_html_are_checked_and_resolved_like_markdown_links(small_source, tmp_path):
    (small_source / "a" / "andra.md").write_text(
        "---\ntitle: A\n---\nText.\n\n<a href=\"forsta.md\">Första</a> <img src=\"saknas.png\" alt=\"\">\n",
        encoding="utf-8")
    result = pipeline.build(small_source, tmp_path / "c.tar.gz")
    assert [(e.file, e.line, e.key) for e in result.errors] == [("a/andra.md", 6, "file_missing")]
    (small_source / "a" / "andra.md").write_text(
        "---\ntitle: A\n---\n<a href=\"forsta.md\">Första</a>\n", encoding="utf-8")
    html = (_build_and_extract(small_source, tmp_path) / "html" / "andra.html").read_text(encoding="utf-8")
    assert 'href="/jump_to_id/forsta"' in html


def test_generated_transcript_when_no_timings(small_source, tmp_path):
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    mp4: https://media.example.org/film.mp4\n", encoding="utf-8")
    archive = tmp_path / "c.tar.gz"
    assert pipeline.build(small_source, archive, media_file=media).ok
    with tarfile.open(archive) as tar:
        srt = tar.extractfile("course/static/film-sv.srt").read().decode("utf-8")
        video = tar.extractfile("course/video/film.xml").read().decode("utf-8")
    assert srt.startswith("1\n00:00:00,000 --> 00:00:02,000\nFörsta meningen.\n\n2\n00:00:02,000 -->")
    assert 'html5_sources="[&quot;https://media.example.org/film.mp4&quot;]"' in video
    assert '<source src="https://media.example.org/film.mp4"/>' in video


def test_source_folder_is_not_modified(small_source, tmp_path):
    before = sorted(p.relative_to(small_source).as_posix() for p in small_source.rglob("*"))
    pipeline.build(small_source, tmp_path / "c.tar.gz")
    assert sorted(p.relative_to(small_source).as_posix() for p in small_source.rglob("*")) == before


def test_link_to_a_file_whose_name_has_a_space_or_a_swedish_letter(small_source, tmp_path):
    """Markdown percent-encodes `[x](<Om å.md>)` to `Om%20%C3%A5.md`: the link names the file 'Om å.md',
    which exists, and a wrong one is reported as written, at its own line."""
    (small_source / "a" / "Om å.md").write_text("---\ntitle: Om å\n---\nText.\n", encoding="utf-8")
    course = small_source / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace(
        "- article: a/andra.md", "- article: a/andra.md\n          - article: a/Om å.md\n            id: om_a"),
        encoding="utf-8")
    andra = small_source / "a" / "andra.md"
    andra.write_text("---\ntitle: A\n---\nText.\n\nSe [om å](<Om å.md>).\n", encoding="utf-8")
    html = (_build_and_extract(small_source, tmp_path) / "html" / "andra.html").read_text(encoding="utf-8")
    assert 'href="/jump_to_id/om_a"' in html
    andra.write_text("---\ntitle: A\n---\nText.\n\nSe [fel](<Om ä.md>).\n", encoding="utf-8")
    result = pipeline.build(small_source, tmp_path / "c2.tar.gz")
    assert [(e.file, e.line, e.params.get("path")) for e in result.errors] == [("a/andra.md", 6, "Om ä.md")]


def test_hidden_files_in_static_are_left_out(small_source, tmp_path):
    """.DS_Store (macOS), a .git folder or an editor's .swp file must not become course files in Studio."""
    (small_source / "static" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (small_source / "static" / ".git").mkdir()
    (small_source / "static" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (small_source / "static" / "bilder").mkdir()
    (small_source / "static" / "bilder" / ".bild.png.swp").write_bytes(b"x")
    folder = _build_and_extract(small_source, tmp_path)
    assert sorted(p.name for p in (folder / "static").iterdir()) == ["bild.png"]


def test_link_to_a_hidden_static_file_is_an_error(small_source, tmp_path):
    (small_source / "static" / ".dold.png").write_bytes(b"x")
    (small_source / "a" / "andra.md").write_text("---\ntitle: A\n---\n![x](../static/.dold.png)\n", encoding="utf-8")
    result = pipeline.build(small_source, tmp_path / "c.tar.gz")
    assert [(e.file, e.line, e.key) for e in result.errors] == [("a/andra.md", 4, "static_hidden")]
    assert "'.'" in result.errors[0].render("sv")
    course = small_source / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace("start: 2026-01-01",
                      "start: 2026-01-01\ncourse_image: static/.dold.png"), encoding="utf-8")
    result = pipeline.build(small_source, tmp_path / "c.tar.gz")
    assert ("course.yaml", 6, "static_hidden") in [(e.file, e.line, e.key) for e in result.errors]
