"""Every kind of bad input is reported with its file, its line and what to do; build writes nothing."""
import os
import re

import pytest

from course_export import build as pipeline
from tests.course_export.conftest import write_source


def build_errors(src, tmp_path, **kwargs):
    out = tmp_path / "out.tar.gz"
    result = pipeline.build(src, out, **kwargs)
    assert not out.exists(), "build wrote an archive although the source has errors"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".course-export-")], "partial file left"
    return [e.render("en") for e in result.errors]


def assert_error(errors, file, line, *words):
    pattern = re.compile(rf"^{re.escape(file)}:{line}: .+ — .+")
    matching = [e for e in errors if pattern.match(e) and all(w in e for w in words)]
    assert matching, f"no error at {file}:{line} with {words}; got:\n" + "\n".join(errors)


def test_small_source_is_valid(small_source, tmp_path):
    result = pipeline.build(small_source, tmp_path / "ok.tar.gz")
    assert result.ok, [e.render("en") for e in result.errors]
    assert (tmp_path / "ok.tar.gz").stat().st_size > 0


def test_non_utf8_text(tmp_path):
    src = write_source(tmp_path / "src", a__andra_md="---\ntitle: Andra\n---\nrad två\nR\xe4ksm\xf6rg\xe5s\n".encode("latin-1"))
    errors = build_errors(src, tmp_path)
    assert_error(errors, "a/andra.md", 4, "UTF-8", "0xe5")


def test_broken_yaml(tmp_path):
    src = write_source(tmp_path / "src", f__film_yaml="title: En film\nmanuscript: [oavslutad\n")
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("f/film.yaml:") and "broken YAML" in e for e in errors), errors


def test_duplicate_yaml_key(tmp_path):
    src = write_source(tmp_path / "src", f__film_yaml="title: En film\nmanuscript: x\ntitle: igen\n")
    assert_error(build_errors(src, tmp_path), "f/film.yaml", 3, "twice")


def test_front_matter_missing_and_unclosed(tmp_path):
    src = write_source(tmp_path / "src", a__forsta_md="Ingen metadata\n", a__andra_md="---\ntitle: X\nText\n")
    errors = build_errors(src, tmp_path)
    assert_error(errors, "a/forsta.md", 1, "front matter")
    assert_error(errors, "a/andra.md", 1, "not closed")


def test_broken_front_matter_yaml_line(tmp_path):
    src = write_source(tmp_path / "src", a__andra_md="---\ntitle: X\n  bad: : indent\n---\nText\n")
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("a/andra.md:3:") and "broken YAML" in e for e in errors), errors


@pytest.mark.parametrize("rel, text, line, field", [
    ("course.yaml", None, 5, "colour"),
    ("a/forsta.md", "---\ntitle: X\nauthor: Y\n---\nText\n", 3, "author"),
    ("f/film.yaml", "title: F\nmanuscript: M\nlength: 3\n", 3, "length"),
    ("q/prov.yaml", "title: P\nquestions:\n  - id: f1\n    type: dropdown\n    prompt: V?\n    choices:\n"
                    "      - {text: A, correct: true, colour: red}\n      - {text: B}\n", 7, "colour"),
])
def test_unknown_fields(tmp_path, rel, text, line, field):
    if text is None:
        from tests.course_export.conftest import SMALL_SOURCE
        import textwrap
        lines = textwrap.dedent(SMALL_SOURCE["course.yaml"]).split("\n")
        lines.insert(4, "colour: blue")
        text = "\n".join(lines)
    src = write_source(tmp_path / "src", **{rel.replace("/", "__"): text})
    errors = build_errors(src, tmp_path)
    assert_error(errors, rel, line, f"unknown field '{field}'", "allowed here")


def test_missing_file(tmp_path):
    src = write_source(tmp_path / "src", a__andra_md=None)
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 18, "does not exist", "a/andra.md")


def test_missing_static_file_link(tmp_path):
    src = write_source(tmp_path / "src", a__andra_md="---\ntitle: A\n---\nRad\n![x](../static/saknas.png)\n")
    assert_error(build_errors(src, tmp_path), "a/andra.md", 5, "does not exist")


def test_duplicate_ids(tmp_path):
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("- id: l2", "- id: l1")
    (src / "course.yaml").write_text(text)
    assert_error(build_errors(src, tmp_path), "course.yaml", 20, "'l1' is already used at course.yaml:14")


def test_duplicate_component_from_same_file(tmp_path):
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("- quiz: q/prov.yaml", "- quiz: q/prov.yaml\n          - article: a/forsta.md")
    (src / "course.yaml").write_text(text)
    assert_error(build_errors(src, tmp_path), "course.yaml", 25,
                 "'forsta' (from the file name 'forsta.md') is already used", "add 'id:")


@pytest.mark.parametrize("qtype, choices, word", [
    ("multiple_choice", "[{text: A}, {text: B}]", "no correct answer"),
    ("checkboxes", "[{text: A}, {text: B}]", "no correct answer"),
    ("dropdown", "[{text: A}, {text: B, correct: false}]", "no correct answer"),
    ("multiple_choice", "[{text: A, correct: true}, {text: B, correct: true}]", "more than one correct"),
])
def test_quiz_without_correct_answer(tmp_path, qtype, choices, word):
    quiz = f"title: P\nquestions:\n  - id: f1\n    type: {qtype}\n    prompt: V?\n    choices: {choices}\n"
    src = write_source(tmp_path / "src", q__prov_yaml=quiz)
    assert_error(build_errors(src, tmp_path), "q/prov.yaml", 3, "f1", word)


def test_short_text_without_answer(tmp_path):
    quiz = "title: P\nquestions:\n  - id: f1\n    type: short_text\n    prompt: V?\n    answers: []\n"
    src = write_source(tmp_path / "src", q__prov_yaml=quiz)
    assert_error(build_errors(src, tmp_path), "q/prov.yaml", 3, "no correct answer")


def test_path_outside_with_dotdot(tmp_path):
    (tmp_path / "utanfor.md").write_text("---\ntitle: X\n---\nHemligt\n")
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("a/andra.md", "../utanfor.md")
    (src / "course.yaml").write_text(text)
    assert_error(build_errors(src, tmp_path), "course.yaml", 18, "outside the source folder")


def test_path_outside_through_symlink(tmp_path):
    (tmp_path / "utanfor.md").write_text("---\ntitle: X\n---\nHemligt\n")
    src = write_source(tmp_path / "src", a__andra_md=None)
    os.symlink(tmp_path / "utanfor.md", src / "a" / "andra.md")
    assert_error(build_errors(src, tmp_path), "course.yaml", 18, "outside the source folder")


def test_static_symlink_outside_refused(tmp_path):
    (tmp_path / "hemlig.txt").write_text("hemligt")
    src = write_source(tmp_path / "src")
    os.symlink(tmp_path / "hemlig.txt", src / "static" / "lank.txt")
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("static/lank.txt") and "outside the source folder" in e for e in errors), errors


def test_absolute_path(tmp_path):
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("a/andra.md", "/etc/passwd")
    (src / "course.yaml").write_text(text)
    assert_error(build_errors(src, tmp_path), "course.yaml", 18, "absolute path")


def test_static_name_with_spaces_or_swedish_letters(tmp_path):
    src = write_source(tmp_path / "src")
    (src / "static" / "min bild.png").write_bytes(b"x")
    (src / "static" / "räkning.pdf").write_bytes(b"x")
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("static/min bild.png") and "rename" in e for e in errors), errors
    assert any(e.startswith("static/räkning.pdf") for e in errors), errors


def _source_with_block(tmp_path, block_type):
    src = write_source(tmp_path / "src", b__journal_yaml=f"type: {block_type}\ndisplay_name: Loggbok\n")
    text = (src / "course.yaml").read_text().replace("- film: f/film.yaml", "- film: f/film.yaml\n          - block: b/journal.yaml")
    (src / "course.yaml").write_text(text)
    return src


def test_unknown_block_type(tmp_path):
    src = _source_with_block(tmp_path, "no_such_block")
    assert_error(build_errors(src, tmp_path), "b/journal.yaml", 1,
                 "'no_such_block' is not a block type of this project")


def test_registered_block_type_not_installed(tmp_path, monkeypatch):
    from course_export import custom_blocks
    missing = custom_blocks.PROJECT_BLOCK_TYPES[-1]
    installed = {name: cls for name, cls in custom_blocks.installed_blocks().items() if name != missing}
    monkeypatch.setattr(custom_blocks, "installed_blocks", lambda: installed)
    src = _source_with_block(tmp_path, missing)
    assert_error(build_errors(src, tmp_path), "b/journal.yaml", 1,
                 f"the block type '{missing}', but its XBlock package is not installed here")


def test_grading_mismatch(tmp_path):
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("graded: Prov", "graded: Prv")
    (src / "course.yaml").write_text(text)
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 22, "graded as 'Prv'")
    assert_error(errors, "course.yaml", 9, "'Prov' has no graded lesson")


def test_grader_weights_must_sum_to_one(tmp_path):
    src = write_source(tmp_path / "src")
    text = (src / "course.yaml").read_text().replace("weight: 1.0", "weight: 0.8")
    (src / "course.yaml").write_text(text)
    assert_error(build_errors(src, tmp_path), "course.yaml", 8, "add up to 0.8")


def test_bad_media_file(tmp_path):
    src = write_source(tmp_path / "src")
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    youtube_id: inte ett id\n  saknas:\n    mp4: http://x/y.mp4\n")
    errors = build_errors(src, tmp_path, media_file=media)
    assert_error(errors, str(media), 3, "not a YouTube video id")
    assert_error(errors, str(media), 4, "'saknas'")
    assert_error(errors, str(media), 5, "not an https address")


def test_strict_requires_media(small_source, tmp_path):
    assert_error(build_errors(small_source, tmp_path, strict=True), "f/film.yaml", 1, "no media source")


def test_all_errors_are_collected_at_once(tmp_path):
    src = write_source(tmp_path / "src", a__forsta_md="Ingen metadata\n",
                       f__film_yaml="title: F\nmanuscript: M\nlength: 3\n",
                       q__prov_yaml="title: P\nquestions:\n  - id: f1\n    type: dropdown\n    prompt: V?\n"
                                    "    choices: [{text: A}, {text: B}]\n")
    errors = build_errors(src, tmp_path)
    files = {e.split(":")[0] for e in errors}
    assert {"a/forsta.md", "f/film.yaml", "q/prov.yaml"} <= files


def test_failed_build_keeps_previous_archive(small_source, tmp_path):
    out = tmp_path / "out.tar.gz"
    assert pipeline.build(small_source, out).ok
    before = out.read_bytes()
    (small_source / "a" / "forsta.md").write_text("trasig")
    assert not pipeline.build(small_source, out).ok
    assert out.read_bytes() == before


def test_swedish_messages(small_source, tmp_path):
    (small_source / "a" / "forsta.md").write_text("trasig")
    result = pipeline.validate(small_source)
    text = result.errors[0].render("sv")
    assert text.startswith("a/forsta.md:1: ") and "saknar" in text and " — " in text


def test_course_yaml_linked_from_outside_is_refused(tmp_path):
    other = write_source(tmp_path / "other")
    src = write_source(tmp_path / "src", **{"course.yaml": None})
    os.symlink(other / "course.yaml", src / "course.yaml")
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("course.yaml: ") and "outside the source folder" in e for e in errors), errors


def test_generated_url_name_clash(tmp_path):
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- article: a/andra.md", "- article: a/andra.md\n            id: forsta_unit"))
    errors = build_errors(src, tmp_path)
    assert any(e.startswith("course.yaml: ") and "url_name 'forsta_unit'" in e for e in errors), errors


GARBAGE = ["", "\n\n", "- a\n- b\n", "bara text", "~", "{a: {b: {c: [1, 2, {d: e}]}}}", "[[[[[]]]]]",
           "title: [1, 2]\nmanuscript: {a: b}\n", "title: x\nquestions: 5\n", "? [a, b]\n: c\n",
           "title: &a x\nmanuscript: *a\nmedia: [1]\n", "\x00\x01binary"]
FILES = ["course.yaml", "f/film.yaml", "q/prov.yaml", "a/forsta.md"]


@pytest.mark.parametrize("rel", FILES)
@pytest.mark.parametrize("garbage", GARBAGE)
def test_garbage_never_crashes_and_is_reported(tmp_path, rel, garbage):
    text = garbage if not rel.endswith(".md") else f"---\n{garbage}\n---\nText\n"
    src = write_source(tmp_path / "src", **{rel.replace("/", "__"): text})
    errors = build_errors(src, tmp_path)
    assert errors, "garbage must be reported, never silently skipped"
    assert all(re.match(r"^[^:]+:\d+: .+ — .+", e) for e in errors), errors


def test_dates(tmp_path):
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("start: 2026-01-01", "start: 2026-01-01\nend: 2025-12-31"))
    assert_error(build_errors(src, tmp_path), "course.yaml", 6, "ends (2025-12-31T00:00:00Z) before it starts")
    course.write_text(course.read_text().replace("end: 2025-12-31", "end: första maj"))
    assert_error(build_errors(src, tmp_path), "course.yaml", 6, "'end' = 'första maj' is not a date")


@pytest.mark.parametrize("value", ["2026-13-02", "2026-02-30", "2026-02-30T25:00:00Z"])
def test_impossible_date_is_reported_not_a_crash(tmp_path, value):
    """YAML reads 2026-13-02 as a timestamp; an impossible one must be a 'not a date' message, not a traceback."""
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("start: 2026-01-01", f"start: {value}"))
    assert_error(build_errors(src, tmp_path), "course.yaml", 5, f"'start' = '{value}' is not a date")


def test_impossible_date_elsewhere_stays_text(tmp_path):
    """A date-like text in a quiz (not a date field) is kept as the text the author wrote."""
    src = write_source(tmp_path / "src", q__prov_yaml="title: Prov\nquestions:\n  - id: f1\n    type: short_text\n"
                                                      "    prompt: Vilket datum?\n    answers: [2026-02-30]\n")
    result = pipeline.build(src, tmp_path / "ok.tar.gz")
    assert result.ok, [e.render("en") for e in result.errors]


def test_duplicate_question_id_is_one_message_with_its_line(tmp_path):
    """Not also a second, line-less 'two blocks would get the url_name' for the same mistake."""
    quiz = ("title: Prov\nquestions:\n  - id: f1\n    type: multiple_choice\n    prompt: A?\n"
            "    choices: [{text: A, correct: true}, {text: B}]\n  - id: f1\n    type: short_text\n"
            "    prompt: B?\n    answers: [b]\n")
    errors = build_errors(write_source(tmp_path / "src", q__prov_yaml=quiz), tmp_path)
    assert_error(errors, "q/prov.yaml", 7, "'f1' is already used at q/prov.yaml:3")
    assert len(errors) == 1, errors


def test_jump_to_id_link_to_a_block_that_does_not_exist(tmp_path):
    """A hand-written /jump_to_id/ link to an id not in the course would be a dead link in Studio."""
    src = write_source(tmp_path / "src", a__andra_md="---\ntitle: Andra\n---\nText.\n\n"
                       "Se [lektionen](/jump_to_id/l2) och [fel](/jump_to_id/l3) och <a href=\"/jump_to_id/f1x\">x</a>.\n")
    errors = build_errors(src, tmp_path)
    assert_error(errors, "a/andra.md", 6, "/jump_to_id/l3", "not a block")
    assert_error(errors, "a/andra.md", 6, "/jump_to_id/f1x", "not a block")
    assert not [e for e in errors if "/jump_to_id/l2" in e], errors
    assert len(errors) == 2, errors


def test_jump_to_id_links_to_existing_blocks_are_kept(small_source, tmp_path):
    (small_source / "a" / "andra.md").write_text(
        "---\ntitle: A\n---\n[a](/jump_to_id/l2) [b](/jump_to_id/prov_f1) [c](/jump_to_id/film_unit)\n",
        encoding="utf-8")
    result = pipeline.build(small_source, tmp_path / "c.tar.gz")
    assert result.ok, [e.render("en") for e in result.errors]


def test_bad_srt_is_named_by_its_path_not_only_as_written(tmp_path):
    """`transcript: film.srt` in f/film.yaml is the file f/film.srt (and next to the media file for --media):
    the message must name that file, not a bare 'film.srt' the author cannot find."""
    src = write_source(tmp_path / "src",
                       f__film_yaml="title: En film\nmanuscript: Hej.\nmedia:\n  mp4: https://x.se/f.mp4\n"
                                    "  transcript: film.srt\n",
                       f__film_srt="1\n00:00:00,000 --> 00:00:02,000\nR\xe4tt\n".encode("latin-1"))
    assert_error(build_errors(src, tmp_path), "f/film.srt", 3, "UTF-8")
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    (media_dir / "media.yaml").write_text("films:\n  film:\n    mp4: https://x.se/f.mp4\n    transcript: u.srt\n")
    (media_dir / "u.srt").write_text("inte en srt\n")
    (src / "f" / "film.yaml").write_text("title: En film\nmanuscript: Hej.\n")
    assert_error(build_errors(src, tmp_path, media_file=media_dir / "media.yaml"), str(media_dir / "u.srt"), 1,
                 ".srt cue")


@pytest.mark.parametrize("rel, text, line, field", [
    ("q/prov.yaml", 'title: ""\nquestions:\n  - id: f1\n    type: multiple_choice\n    prompt: V?\n'
                    "    choices: [{text: A, correct: true}, {text: B}]\n", 1, "title"),
    ("q/prov.yaml", "title: P\nquestions:\n  - id: f1\n    type: multiple_choice\n    prompt: '  '\n"
                    "    choices: [{text: A, correct: true}, {text: B}]\n", 5, "prompt"),
    ("q/prov.yaml", "title: P\nquestions:\n  - id: f1\n    type: dropdown\n    prompt: V?\n    choices:\n"
                    "      - {text: A, correct: true}\n      - {text: ''}\n", 8, "text"),
    ("f/film.yaml", "title:  ''\nmanuscript: M\n", 1, "title"),
    ("a/forsta.md", "---\ntitle: ''\n---\nText\n", 2, "title"),
])
def test_required_text_that_is_blank_is_an_error(tmp_path, rel, text, line, field):
    """`title: ""` is as good as missing: it would become an empty display_name, label or option."""
    src = write_source(tmp_path / "src", **{rel.replace("/", "__"): text})
    assert_error(build_errors(src, tmp_path), rel, line, f"'{field}' is empty")


def test_two_alternatives_with_the_same_text(tmp_path):
    """In a dropdown, Studio grades by the option's text: a wrong copy of the right option would count as
    right. Two identical alternatives are always a copy-paste mistake, so every choice type refuses them."""
    quiz = ("title: P\nquestions:\n  - id: f1\n    type: dropdown\n    prompt: V?\n    choices:\n"
            "      - {text: B2, correct: true}\n      - {text: C1}\n      - {text: ' B2 '}\n")
    errors = build_errors(write_source(tmp_path / "src", q__prov_yaml=quiz), tmp_path)
    assert_error(errors, "q/prov.yaml", 9, "'B2'", "twice")
    assert len(errors) == 1, errors


def test_same_file_name_in_two_folders_says_to_add_an_id(tmp_path):
    """An article a/prov.md next to the quiz q/prov.yaml: both get the id 'prov' from their file names; the
    author wrote no id, so the message must say where the id came from and to add 'id:'."""
    src = write_source(tmp_path / "src", a__prov_md="---\ntitle: Om provet\n---\nText.\n")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- quiz: q/prov.yaml", "- article: a/prov.md\n          - quiz: q/prov.yaml"))
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 25, "'prov'", "file name 'prov.yaml'", "course.yaml:24", "add 'id:")


def test_windows_backslash_path_is_not_called_absolute(tmp_path):
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- article: a/forsta.md", "- article: a\\forsta.md"))
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 17, "'a\\forsta.md'", "'\\'", "'/'")
    assert not [e for e in errors if "absolute" in e], errors


def test_link_to_an_article_that_is_not_in_the_course(tmp_path):
    """Not 'move the file into static/': the .md is an article the outline does not list."""
    src = write_source(tmp_path / "src", a__extra_md="---\ntitle: Extra\n---\nText.\n",
                       a__andra_md="---\ntitle: Andra\n---\nSe [extra](extra.md).\n")
    errors = build_errors(src, tmp_path)
    assert_error(errors, "a/andra.md", 4, "'extra.md'", "not in the course", "course.yaml")
    assert not [e for e in errors if "static/" in e], errors


def test_error_line_of_a_link_that_is_the_start_of_an_earlier_link(tmp_path):
    """`[b](../static/)` on line 6 is reported on line 6, not on line 4 where `../static/bild.png` starts
    with the same text."""
    src = write_source(tmp_path / "src", a__andra_md="---\ntitle: Andra\n---\n![a](../static/bild.png)\n\n"
                                                     "[b](../static/) och [c](sak.md)\n\n[d](sak.md#x) [e](s.md)\n")
    errors = build_errors(src, tmp_path)
    assert_error(errors, "a/andra.md", 6, "'../static/'")
    assert_error(errors, "a/andra.md", 6, "'sak.md'")
    assert_error(errors, "a/andra.md", 8, "'s.md'")


@pytest.mark.parametrize("text, line, sv_words", [
    ("title: En film\n\tmanuscript: M\n", 2, ("tabbtecken", "mellanslag")),
    ("title: En film\nmanuscript:\n\t- M\n", 3, ("tabbtecken", "mellanslag")),
    ("title: Film: del 1\nmanuscript: M\n", 1, ("kolon", "citattecken")),
    ('title: "En film\nmanuscript: M\nmedia: {}\n', 1, ("citattecken", "stängs")),
    ("title: [En film\nmanuscript: M\n", 1, ("hakparentes",)),
    ("title: En film\nmanuscript: M\nmedia:\n  - a\n  b: c\n", 5, ("indrag",)),
])
def test_common_yaml_mistakes_are_explained_in_swedish(tmp_path, text, line, sv_words):
    """Not PyYAML's English ('found a tab character that violates indentation') inside a Swedish message."""
    src = write_source(tmp_path / "src", f__film_yaml=text)
    result = pipeline.build(src, tmp_path / "out.tar.gz")
    (error,) = result.errors
    shown = error.render("sv")
    assert shown.startswith(f"f/film.yaml:{line}: "), shown
    assert all(word in shown for word in sv_words), shown
    assert not any(word in shown for word in ("found", "while", "expected", "mapping")), shown
    assert " — " in error.render("en")


@pytest.mark.parametrize("case_sensitive, wrong, is_error", [
    ("", "Beteende", True), ("", "beteende", True), ("    case_sensitive: true\n", "Beteende", False),
    ("    case_sensitive: true\n", "beteende", True), ("", "bakgrund", False),
])
def test_wrong_answer_that_is_an_accepted_answer(tmp_path, case_sensitive, wrong, is_error):
    """Studio counts it as right and never shows its feedback: the author meant something else."""
    quiz = ("title: P\nquestions:\n  - id: f1\n    type: short_text\n    prompt: Vad står B för?\n"
            f"    answers: [beteende]\n{case_sensitive}    wrong_answers:\n"
            f"      - {{text: {wrong}, feedback: Nej}}\n")
    src = write_source(tmp_path / "src", q__prov_yaml=quiz)
    result = pipeline.build(src, tmp_path / "out.tar.gz")
    errors = [e.render("en") for e in result.errors]
    if is_error:
        line = 9 if case_sensitive else 8
        assert_error(errors, "q/prov.yaml", line, f"'{wrong}'", "accepted answer")
    else:
        assert errors == []


def test_wrong_answer_without_feedback(tmp_path):
    """A wrong answer only exists to give feedback; without it the entry did nothing (an empty hint)."""
    quiz = ("title: P\nquestions:\n  - id: f1\n    type: short_text\n    prompt: Vad står B för?\n"
            "    answers: [beteende]\n    wrong_answers:\n      - {text: bakgrund}\n")
    errors = build_errors(write_source(tmp_path / "src", q__prov_yaml=quiz), tmp_path)
    assert_error(errors, "q/prov.yaml", 8, "'feedback'")


def test_component_with_an_empty_path_is_not_silently_dropped(tmp_path):
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- article: a/andra.md", "- article:"))
    assert_error(build_errors(src, tmp_path), "course.yaml", 18, "path is empty")


def test_component_written_as_a_bare_path(tmp_path):
    """`- a/andra.md` (the kind forgotten): one message at that line, saying what to write."""
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- article: a/andra.md", "- a/andra.md"))
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 18, "article")
    assert len(errors) == 1, errors


@pytest.mark.parametrize("rel, text, line, what", [
    ("q/prov.yaml", "title: P\nquestions:\n  - id: f1\n    type: dropdown\n    prompt: V?\n    choices:\n"
                    "      - {text: A, correct: true}\n      - B\n", 8, "choice"),
    ("q/prov.yaml", "title: P\nquestions:\n  - Vilket?\n", 3, "question"),
    ("q/prov.yaml", "title: P\nquestions:\n  - id: f1\n    type: short_text\n    prompt: V?\n    answers: [a]\n"
                    "    wrong_answers:\n      - b\n", 8, "wrong answer"),
])
def test_a_list_item_that_should_be_a_mapping_is_reported_at_its_line(tmp_path, rel, text, line, what):
    """`choices: [- B]` instead of `- {text: B}`: at the item's line, not at line 1 of the file."""
    errors = build_errors(write_source(tmp_path / "src", **{rel.replace("/", "__"): text}), tmp_path)
    assert_error(errors, rel, line, f"the {what} must be")


@pytest.mark.parametrize("old, new, line, what", [
    ("    - {type: Prov, short_label: P, weight: 1.0}", "    - Prov", 9, "grader"),
    ("      - id: l2\n", "      - l2\n      - id: l2\n", 20, "lesson"),
])
def test_a_course_yaml_item_that_should_be_a_mapping(tmp_path, old, new, line, what):
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    assert old in course.read_text()
    course.write_text(course.read_text().replace(old, new))
    assert_error(build_errors(src, tmp_path), "course.yaml", line, f"the {what} must be")


def test_a_grader_with_a_bad_value_is_one_message(tmp_path):
    """`weight: "1,0"` is reported; the lessons graded with that type are not also told the type is missing."""
    src = write_source(tmp_path / "src")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("weight: 1.0}", 'weight: "1,0"}'))
    errors = build_errors(src, tmp_path)
    assert_error(errors, "course.yaml", 9, "'weight'")
    assert len(errors) == 1, errors


def test_templates_page_with_an_empty_kinds_list(tmp_path):
    """`kinds: []` made a 'Templates to download' page with an empty list."""
    src = write_source(tmp_path / "src", m__mallar_yaml="title: Mallar\nkinds: []\n")
    course = src / "course.yaml"
    course.write_text(course.read_text().replace("- article: a/andra.md", "- article: a/andra.md\n          - templates: m/mallar.yaml"))
    assert_error(build_errors(src, tmp_path), "m/mallar.yaml", 2, "'kinds' is empty")
