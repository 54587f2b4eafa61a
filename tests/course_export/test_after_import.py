"""The course as course staff and learners find it after the import (issue 8): tabs, gradable graded
lessons, pacing, dates, about and info pages, video attributes, subtitles, note markup, archives that do
not depend on what the building machine has installed, quiz Markdown, anchors, and Swedish messages."""
import json
import re
import tarfile

import pytest

from course_export import build as pipeline, custom_blocks
from course_export.cli import main
from course_export.media import cues_from_text
from tests.course_export.olx_reading import parse, run_of
from tests.course_export.test_bad_input import assert_error, build_errors
from recruitment_core.documents.templates import TEMPLATE_KINDS


def _extract(archive, folder):
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "course"


def _built(src, tmp_path, **kwargs):
    tmp_path.mkdir(parents=True, exist_ok=True)
    archive = tmp_path / "c.tar.gz"
    result = pipeline.build(src, archive, **kwargs)
    assert result.ok, [e.render("en") for e in result.errors]
    return _extract(archive, tmp_path / "x"), result


def _policy(folder):
    run = run_of(folder)
    return json.loads((folder / "policies" / run / "policy.json").read_text())[f"course/{run}"]


def _add_to_course(src, old, new):
    course = src / "course.yaml"
    course.write_text(course.read_text().replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- tabs, pacing, dates

def test_policy_leaves_tabs_to_the_server(built_default, small_source, tmp_path):
    """With no `tabs`, the importer and CourseBlock call CourseTabList.initialize_default: the tabs of a course
    created in Studio. A list of ours would be kept as it is (course_info dropped by the tab upgrade)."""
    _, folder = built_default
    assert "tabs" not in _policy(folder)
    small, _ = _built(small_source, tmp_path)
    assert "tabs" not in _policy(small)
    assert not (small / "tabs").exists()


def test_self_paced_from_course_yaml(small_source, tmp_path, built_default):
    _, folder = built_default
    assert _policy(folder)["self_paced"] is True              # the default course: "i din egen takt"
    small, _ = _built(small_source, tmp_path / "a")
    assert _policy(small)["self_paced"] is True               # default when course.yaml does not say
    _add_to_course(small_source, "start: 2026-01-01", "start: 2026-01-01\nself_paced: false")
    small, _ = _built(small_source, tmp_path / "b")
    assert _policy(small)["self_paced"] is False
    _add_to_course(small_source, "self_paced: false", "self_paced: ja")
    assert_error(build_errors(small_source, tmp_path), "course.yaml", 6, "'self_paced'", "true/false")


def test_no_end_date_unless_the_source_sets_one(built_default, small_source, tmp_path):
    _, folder = built_default
    assert "end" not in _policy(folder)
    small, _ = _built(small_source, tmp_path / "a")
    assert "end" not in _policy(small)
    _add_to_course(small_source, "start: 2026-01-01", "start: 2026-01-01\nend: 2099-06-30")
    small, _ = _built(small_source, tmp_path / "b")
    assert _policy(small)["end"] == "2099-06-30T00:00:00Z"


def test_an_end_date_in_the_past_is_an_error(small_source, tmp_path):
    _add_to_course(small_source, "start: 2026-01-01", "start: 2001-01-01\nend: 2001-02-01")
    assert_error(build_errors(small_source, tmp_path), "course.yaml", 6, "has already passed", "remove 'end'")


# ---------------------------------------------------------------- graded lessons

def test_a_graded_lesson_without_a_score_is_an_error(small_source, tmp_path):
    _add_to_course(small_source, "graded: Prov\n        components:\n          - quiz: q/prov.yaml",
                   "graded: Prov\n        components:\n          - article: a/tredje.md")
    (small_source / "a" / "tredje.md").write_text("---\ntitle: Tredje\n---\nText.\n", encoding="utf-8")
    errors = build_errors(small_source, tmp_path)
    assert_error(errors, "course.yaml", 22, "graded as 'Prov' but contains nothing with a score",
                 "add a quiz to the lesson, or remove 'graded:'")


def test_a_graded_lesson_with_only_weightless_questions_is_an_error(small_source, tmp_path):
    (small_source / "q" / "prov.yaml").write_text(
        (small_source / "q" / "prov.yaml").read_text().replace("questions:", "weight: 0\nquestions:"))
    assert_error(build_errors(small_source, tmp_path), "course.yaml", 22, "nothing with a score")


def test_a_graded_lesson_with_only_a_kravprofil_block_is_an_error(small_source, tmp_path):
    (small_source / "b").mkdir()
    (small_source / "b" / "krav.yaml").write_text("type: kravprofil\ndisplay_name: Krav\n", encoding="utf-8")
    _add_to_course(small_source, "          - quiz: q/prov.yaml", "          - block: b/krav.yaml")
    assert_error(build_errors(small_source, tmp_path), "course.yaml", 22, "nothing with a score")


# ---------------------------------------------------------------- about and info

def test_about_pages_as_studio_stores_them(small_source, tmp_path):
    _add_to_course(small_source, "start: 2026-01-01",
                   "start: 2026-01-01\nshort_description: Mål & medel <kort>\neffort: 2 timmar i veckan\n"
                   "duration: 4 veckor")
    folder, _ = _built(small_source, tmp_path)
    about = folder / "about"
    assert (about / "short_description.html").read_text(encoding="utf-8") == "Mål & medel <kort>\n"
    assert (about / "effort.html").read_text(encoding="utf-8") == "2 timmar i veckan\n"
    assert (about / "duration.html").read_text(encoding="utf-8") == "4 veckor\n"


def test_about_effort_must_be_one_short_line(small_source, tmp_path):
    _add_to_course(small_source, "start: 2026-01-01", "start: 2026-01-01\neffort: " + "x" * 101)
    assert_error(build_errors(small_source, tmp_path), "course.yaml", 6, "'effort' must be one short line")


def test_default_course_has_handouts_and_a_welcome_update(built_default):
    _, folder = built_default
    handouts = (folder / "info" / "handouts.html").read_text(encoding="utf-8")
    links = re.findall(r'href="/static/(mall_[a-z]+_sv\.docx)"', handouts)
    assert len(links) == len(TEMPLATE_KINDS) and all((folder / "static" / name).is_file() for name in links)
    items = json.loads((folder / "info" / "updates.items.json").read_text(encoding="ascii"))
    assert len(items) == 1
    assert items[0]["id"] == 1 and items[0]["status"] == "visible"
    assert items[0]["date"] == "February 2, 2026"              # Studio's format; the LMS sorts by it
    assert "Välkommen" in items[0]["content"] and items[0]["content"].startswith("<p>")
    assert (folder / "info" / "updates.html").is_file()
    assert (folder / "about" / "effort.html").read_text(encoding="utf-8").strip()


def test_info_without_welcome_or_templates(small_source, tmp_path):
    folder, _ = _built(small_source, tmp_path)
    assert json.loads((folder / "info" / "updates.items.json").read_text()) == []
    assert (folder / "info" / "handouts.html").read_text() == "<ol></ol>\n"      # Studio's empty handouts


# ---------------------------------------------------------------- video and subtitles

def test_mp4_video_has_no_youtube_attribute(small_source, tmp_path):
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    mp4: https://media.example.org/film.mp4\n", encoding="utf-8")
    folder, _ = _built(small_source, tmp_path / "a", media_file=media)
    video = parse(folder / "video" / "film.xml")
    assert "youtube" not in video.attrib and video.get("html5_sources") == '["https://media.example.org/film.mp4"]'
    media.write_text("films:\n  film:\n    youtube_id: AbCdEfGhIjK\n", encoding="utf-8")
    folder, _ = _built(small_source, tmp_path / "b", media_file=media)
    assert parse(folder / "video" / "film.xml").get("youtube") == "1.00:AbCdEfGhIjK"


MANUSCRIPT = ("Hej och välkommen! Du börjar med att ta reda på vad jobbet faktiskt kräver och skriver ned det "
              "i en kravprofil som hela rekryteringsgruppen står bakom. Sedan bedömer du alla kandidater mot "
              "samma krav, med samma frågor och samma skala, och fattar beslutet på belägg i stället för "
              "magkänsla.")


def test_estimated_subtitles_follow_common_practice():
    cues = cues_from_text(MANUSCRIPT)
    sentences = re.split(r"(?<=[.!?])\s+", MANUSCRIPT)
    for start, end, text in cues:
        lines = text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= 42 for line in lines), text
        assert end - start >= 2.0                                     # long enough to read a short cue
        assert len(text.replace("\n", " ")) / (end - start) <= 15.01  # at most 15 characters a second
        if len(text.split()) >= 3:
            assert all(len(line.split()) >= 2 for line in lines), f"orphan word in {text!r}"
    for sentence in sentences:
        if len(sentence.split()) > 1:
            assert all(len(text.split()) > 1 for _, _, text in cues if text.replace("\n", " ") in sentence)
    assert " ".join(text.replace("\n", " ") for _, _, text in cues) == MANUSCRIPT      # nothing lost
    assert all(cues[i][1] == cues[i + 1][0] for i in range(len(cues) - 1))


# ---------------------------------------------------------------- note markup

def test_pages_use_no_class_that_no_stylesheet_defines(built_default):
    """No stylesheet of ours reaches an HTML component, so notes are plain markup (bold, set apart)."""
    _, folder = built_default
    for path in (folder / "html").glob("*.html"):
        assert "class=" not in path.read_text(encoding="utf-8"), path.name
    note = (folder / "html" / "valkommen.html").read_text(encoding="utf-8")
    assert re.search(r'<div role="note"><hr><p><strong>Filmen är inte publicerad ännu\.', note)
    reflection = (folder / "html" / "din-senaste-rekrytering.html").read_text(encoding="utf-8")
    assert '<div role="note"><hr><p><strong>' in reflection


# ---------------------------------------------------------------- reproducible across machines

KRAV = "type: kravprofil\ndisplay_name: Krav\nmax_competencies: 4\nrequired_sections: [basics, tasks]\n"


def _with_block(src, text=KRAV, name="krav"):
    (src / "b").mkdir(exist_ok=True)
    (src / "b" / f"{name}.yaml").write_text(text, encoding="utf-8")
    _add_to_course(src, "- film: f/film.yaml", f"- film: f/film.yaml\n          - block: b/{name}.yaml")
    return src


def test_advanced_modules_come_from_the_source(small_source, tmp_path):
    folder, _ = _built(small_source, tmp_path / "a")
    assert _policy(folder)["advanced_modules"] == []          # the course uses no block of ours
    folder, _ = _built(_with_block(small_source), tmp_path / "b")
    assert _policy(folder)["advanced_modules"] == ["kravprofil"]


def test_two_machines_build_the_same_archive(small_source, tmp_path, monkeypatch):
    """One machine has the kravprofil package, the other not (and builds with --allow-missing-blocks)."""
    src = _with_block(small_source)
    with_block = tmp_path / "with.tar.gz"
    assert pipeline.build(src, with_block).ok
    monkeypatch.setattr(custom_blocks, "installed_blocks", lambda: {})
    assert build_errors(src, tmp_path) != []                  # not installed: an error without the flag
    without = tmp_path / "without.tar.gz"
    result = pipeline.build(src, without, allow_missing_blocks=True)
    assert result.ok and [w.render("en") for w in result.warnings] == [
        "b/krav.yaml:1: the block type 'kravprofil' is not installed here: its settings are written UNCHECKED "
        "(--allow-missing-blocks) — check the block in Studio after the import; the server must have its "
        "package installed"]
    assert with_block.read_bytes() == without.read_bytes()


def test_a_new_project_block_type_is_handled_without_code_changes(small_source, tmp_path, monkeypatch):
    """A registered type that is not installed here: an error, or with the flag written unchecked."""
    installed = dict(custom_blocks.installed_blocks())
    installed.pop("interview_guide", None)          # as on a machine where that block is not installed
    monkeypatch.setattr(custom_blocks, "installed_blocks", lambda: installed)
    src = _with_block(small_source, "type: interview_guide\ndisplay_name: Intervjuguide\nquestions: [a, b]\n",
                      name="guide")
    assert_error(build_errors(src, tmp_path), "b/guide.yaml", 1, "'interview_guide'", "--allow-missing-blocks")
    folder, result = _built(src, tmp_path, allow_missing_blocks=True)
    assert _policy(folder)["advanced_modules"] == ["interview_guide"]
    (element,) = [child for vertical in (folder / "vertical").glob("*.xml") for child in parse(vertical)
                  if child.tag == "interview_guide"]
    assert element.get("display_name") == "Intervjuguide" and element.get("questions") == '["a", "b"]'


def test_cli_flag_allow_missing_blocks(small_source, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(custom_blocks, "installed_blocks", lambda: {})
    src = _with_block(small_source)
    assert main(["--lang", "sv", "validate", str(src)]) == 1
    assert "--allow-missing-blocks" in capsys.readouterr().err
    assert main(["--lang", "sv", "validate", "--allow-missing-blocks", str(src)]) == 0
    assert "varning: b/krav.yaml:1: blocktypen 'kravprofil' är inte installerad här" in capsys.readouterr().err


# ---------------------------------------------------------------- quiz Markdown and anchors

QUIZ_MD = """\
title: Prov
questions:
  - id: f1
    type: multiple_choice
    prompt: Vilken är *bäst*? Läs [artikeln](../a/forsta.md) och `koden`.
    choices:
      - {text: "**Strukturerad** intervju", correct: true, feedback: "Rätt, se [bilden](../static/bild.png)."}
      - {text: Magkänsla}
    hints: ["Tänk på *struktur*."]
  - id: f2
    type: dropdown
    prompt: Välj
    choices:
      - {text: "*Ja*", correct: true}
      - {text: Nej}
"""


def test_quiz_texts_take_inline_markdown(small_source, tmp_path):
    (small_source / "q" / "prov.yaml").write_text(QUIZ_MD, encoding="utf-8")
    folder, _ = _built(small_source, tmp_path)
    problem = parse(folder / "problem" / "prov_f1.xml")
    label = problem.find(".//label")
    assert label.text == "Vilken är " and [child.tag for child in label] == ["em", "a", "code"]
    assert label.find("a").get("href") == "/jump_to_id/forsta"
    choice = problem.find(".//choice")
    assert choice.find("strong").text == "Strukturerad"
    assert choice.find("choicehint/a").get("href") == "/static/bild.png"
    assert problem.find("demandhint/hint/em").text == "struktur"
    option = parse(folder / "problem" / "prov_f2.xml").find(".//option")
    assert option.text == "Ja" and len(option) == 0            # a dropdown option is graded by its plain text


def test_quiz_text_with_block_markdown_is_an_error(small_source, tmp_path):
    (small_source / "q" / "prov.yaml").write_text(QUIZ_MD.replace("prompt: Välj", 'prompt: "- en lista"'),
                                                  encoding="utf-8")
    assert_error(build_errors(small_source, tmp_path), "q/prov.yaml", 12, "block Markdown", "inline Markdown")


def test_article_link_keeps_its_anchor(small_source, tmp_path):
    (small_source / "a" / "forsta.md").write_text("---\ntitle: Första\n---\n## Varför struktur?\n\nText.\n",
                                                  encoding="utf-8")
    (small_source / "a" / "andra.md").write_text(
        "---\ntitle: Andra\n---\nSe [rubriken](forsta.md#varför-struktur).\n", encoding="utf-8")
    folder, _ = _built(small_source, tmp_path / "a")
    assert 'href="/jump_to_id/forsta#varf%C3%B6r-struktur"' in (folder / "html" / "andra.html").read_text()
    assert '<h2 id="varför-struktur">' in (folder / "html" / "forsta.html").read_text()
    (small_source / "a" / "andra.md").write_text("---\ntitle: Andra\n---\nSe [fel](forsta.md#saknas).\n",
                                                 encoding="utf-8")
    assert_error(build_errors(small_source, tmp_path), "a/andra.md", 4, "'forsta.md#saknas'", "varför-struktur")


# ---------------------------------------------------------------- Swedish messages

ENGLISH_YAML = re.compile(r"while |expected|found|could not|scanning|parsing")


@pytest.mark.parametrize("text", ["title: a\n  b: c: d\n", "title: *x\n", "title: @x\n", "a: b\nc\n",
                                  "title: 1\n---\nb: 2\n", "title: !!python/object x\n"])
def test_yaml_messages_are_swedish(small_source, tmp_path, text):
    (small_source / "q" / "prov.yaml").write_text(text, encoding="utf-8")
    result = pipeline.validate(small_source)
    (message,) = [e.render("sv") for e in result.errors if e.file == "q/prov.yaml"]
    assert "trasig YAML" in message and not ENGLISH_YAML.search(message), message


def test_argparse_messages_are_swedish(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "sv", "build"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("användning: course-export build")
    assert "fel: följande argument krävs: -o/--output" in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "build"])
    assert "error: the following arguments are required" in capsys.readouterr().err


def test_welcome_and_handouts_links_are_checked_at_their_line(small_source, tmp_path):
    _add_to_course(small_source, "start: 2026-01-01",
                   "start: 2026-01-01\nwelcome: Läs [saknas](saknas.md).\nhandouts: |\n  Rad ett.\n"
                   "  Se [bild](static/bild.png) och [fel](a/finns-inte.md).")
    errors = build_errors(small_source, tmp_path)
    assert_error(errors, "course.yaml", 6, "saknas.md")
    assert_error(errors, "course.yaml", 9, "a/finns-inte.md")
    assert len(errors) == 2, errors
