"""Media entries, transcripts, templates and the checking of custom block settings."""
import pytest
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Integer, List, Scope, String

from course_export import build as pipeline
from course_export import custom_blocks
from course_export.errors import ErrorList
from course_export.media import cues_from_text, cues_to_srt, parse_time
from course_export.yaml_lines import load_yaml
from tests.course_export.test_bad_input import assert_error, build_errors


@pytest.mark.parametrize("value, seconds", [
    (12.5, 12.5), ("01:02.5", 62.5), ("1:02:03,250", 3723.25), ("00:01:02.500", 62.5), ("7", 7.0),
    ("x", None), (-1, None), (True, None),
])
def test_parse_time(value, seconds):
    assert parse_time(value) == seconds


def test_cues_from_text_split_long_sentences_and_estimate_times():
    text = "Kort mening. " + "ord " * 40 + "slut."
    cues = cues_from_text(text)
    assert cues[0] == (0.0, 2.0, "Kort mening.")
    assert all(len(t.split("\n")) <= 2 and all(len(line) <= 42 for line in t.split("\n")) for _, _, t in cues)
    assert all(end > start for start, end, _ in cues)
    assert all(cues[i][1] == cues[i + 1][0] for i in range(len(cues) - 1))
    assert cues_to_srt([(0, 1.5, "Hej")]) == "1\n00:00:00,000 --> 00:00:01,500\nHej\n"


def test_srt_file_from_media_file(small_source, tmp_path):
    (tmp_path / "undertexter").mkdir()
    (tmp_path / "undertexter" / "film.srt").write_text(
        "1\n00:00:00,000 --> 00:00:02,000\nÅh, en film!\n\n2\n00:00:02,000 --> 00:00:03,000\nSlut.\n",
        encoding="utf-8")
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    youtube_id: AbCdEfGhIjK\n    transcript: undertexter/film.srt\n")
    out = tmp_path / "c.tar.gz"
    assert pipeline.build(small_source, out, media_file=media).ok
    import tarfile
    with tarfile.open(out) as tar:
        srt = tar.extractfile("course/static/film-sv.srt").read().decode("utf-8")
    assert "Åh, en film!" in srt


@pytest.mark.parametrize("content, line, words", [
    ("1\n00:00:00,000 --> 00:00:02,000\nR\xe4tt\n".encode("latin-1"), 3, ("UTF-8",)),
    (b"1\n00:00:00 --> 00:00:02\nfel tid\n", 1, (".srt",)),
])
def test_bad_srt_file(small_source, tmp_path, content, line, words):
    (tmp_path / "film.srt").write_bytes(content)
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    youtube_id: AbCdEfGhIjK\n    transcript: film.srt\n")
    assert_error(build_errors(small_source, tmp_path, media_file=media), str(tmp_path / "film.srt"), line,
                 *words)   # named like the media file that names it (its path), not a bare 'film.srt'


def test_bad_cues(small_source, tmp_path):
    media = tmp_path / "media.yaml"
    media.write_text("films:\n  film:\n    youtube_id: AbCdEfGhIjK\n    cues:\n"
                     "      - {start: 2, end: 1, text: bakvänd}\n      - {start: 0, end: 1, txt: stavfel}\n")
    errors = build_errors(small_source, tmp_path, media_file=media)
    assert_error(errors, str(media), 5, "not valid")
    assert_error(errors, str(media), 6, "unknown field 'txt'")


def test_media_transcript_outside_media_folder_is_refused(small_source, tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "hemlig.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nx\n")
    media = tmp_path / "media" / "media.yaml"
    media.write_text("films:\n  film:\n    youtube_id: AbCdEfGhIjK\n    transcript: ../hemlig.srt\n")
    assert_error(build_errors(small_source, tmp_path, media_file=media), str(media), 4, "outside")


def test_templates_page_rejects_unknown_kind(small_source, tmp_path):
    (small_source / "mallar.yaml").write_text("title: Mallar\nkinds: [kravprofil, cv]\n", encoding="utf-8")
    course = small_source / "course.yaml"
    course.write_text(course.read_text().replace("- film: f/film.yaml", "- film: f/film.yaml\n          - templates: mallar.yaml"))
    assert_error(build_errors(small_source, tmp_path), "mallar.yaml", 2, "'cv' is not a valid kinds")


class SampleBlock(XBlock):
    """A block class used only to test the settings check (the real ones are tested in test_blocks_runtime)."""
    display_name = String(default="Exempel", scope=Scope.settings)
    instructions = String(default="", scope=Scope.content)
    max_competencies = Integer(default=6, scope=Scope.settings)
    required_sections = List(default=[], scope=Scope.settings)
    options = Dict(default={}, scope=Scope.settings)
    shown = Boolean(default=True, scope=Scope.settings)
    answers = Dict(default={}, scope=Scope.user_state)


@pytest.fixture
def sample_registry(monkeypatch):
    monkeypatch.setattr(custom_blocks, "installed_blocks", lambda: {"kravprofil": SampleBlock})


def _read(text):
    errors = ErrorList()
    data = load_yaml(text, "b.yaml", errors)
    return custom_blocks.read_block(data, "b.yaml", errors), [e.render("en") for e in errors]


def test_block_settings_become_attributes(sample_registry):
    result, errors = _read("type: kravprofil\ndisplay_name: Övning\ninstructions: |\n  Gör så här.\n"
                           "max_competencies: 4\nrequired_sections: [basics, tasks]\noptions: {a: 1}\nshown: false\n")
    assert errors == []
    block_type, attrs, title = result
    assert block_type == "kravprofil" and title == "Övning"
    assert attrs == {"display_name": "Övning", "instructions": "Gör så här.", "max_competencies": "4",
                     "required_sections": '["basics", "tasks"]', "options": '{"a": 1}', "shown": "false"}


@pytest.mark.parametrize("line, words", [
    ("answers: {}", "unknown field 'answers'"),            # user_state is not a setting
    ("colour: red", "unknown field 'colour'"),
    ("max_competencies: sex", "'max_competencies' has the wrong kind"),
    ("max_competencies: true", "'max_competencies' has the wrong kind"),
    ("required_sections: basics", "'required_sections' has the wrong kind"),
    ("shown: 1", "'shown' has the wrong kind"),
])
def test_block_settings_are_checked(sample_registry, line, words):
    _, errors = _read(f"type: kravprofil\n{line}\ndisplay_name: X\n")
    assert any(e.startswith("b.yaml:2:") and words in e for e in errors), errors


def test_a_project_block_that_is_not_installed_is_an_error(sample_registry):
    _, errors = _read("type: interview_guide\ndisplay_name: Intervju\n")
    assert errors == ["b.yaml:1: the course uses the block type 'interview_guide', but its XBlock package is not "
                      "installed here, so its settings cannot be checked (on a server without it the block imports "
                      "hidden) — install the package that provides 'interview_guide' (pip install), or build with "
                      "--allow-missing-blocks to write the settings unchecked"]


def test_a_type_outside_the_project_is_an_error(sample_registry):
    _, errors = _read("type: helloworld_demo\ndisplay_name: Hej\n")
    (error,) = errors
    assert error.startswith("b.yaml:1: 'helloworld_demo' is not a block type of this project (known: ")
    assert "kravprofil" in error and error.endswith(" — fix the type")


def test_registry_holds_exactly_the_installed_project_blocks():
    from importlib.metadata import entry_points

    def loads(ep):
        try:
            ep.load()
            return True
        except Exception:  # noqa: BLE001
            return False

    loadable = {ep.name for ep in entry_points(group="xblock.v1") if loads(ep)}
    installed = custom_blocks.installed_blocks()
    assert set(installed) == loadable & set(custom_blocks.PROJECT_BLOCK_TYPES)
    assert "kravprofil" in installed
    assert "helloworld_demo" not in installed        # other packages' blocks are not ours to export


def test_kravprofil_settings_go_through_the_blocks_own_studio_check(small_source, tmp_path):
    """Needs the real kravprofil block (fails, not skips, when it is not importable)."""
    (small_source / "b").mkdir()
    (small_source / "b" / "krav.yaml").write_text(
        "type: kravprofil\ndisplay_name: Krav\nmax_competencies: 30\nrequired_sections: [basics, nope]\n",
        encoding="utf-8")
    course = small_source / "course.yaml"
    course.write_text(course.read_text().replace("- film: f/film.yaml", "- film: f/film.yaml\n          - block: b/krav.yaml"))
    errors = build_errors(small_source, tmp_path)
    refusals = [e for e in errors if "the kravprofil block refuses its settings" in e]
    # each refusal names the line of the setting that causes it
    assert [e.split(": the")[0] for e in refusals] == ["b/krav.yaml:3", "b/krav.yaml:4"], errors
    assert "nope" in refusals[1], errors
    (small_source / "b" / "krav.yaml").write_text("type: kravprofil\ndisplay_name: Krav\nmax_competencies: 4\n",
                                                  encoding="utf-8")
    assert pipeline.validate(small_source).ok


def test_the_real_kravprofil_block_takes_the_ad_step_from_a_course_file():
    """The course's Annonsering unit sets `step: ad`; an unknown step is refused like Studio refuses it."""
    result, errors = _read("type: kravprofil\ndisplay_name: Övning – skriv annonsen\nstep: ad\n")
    assert errors == [] and result[1]["step"] == "ad"
    _, errors = _read("type: kravprofil\ndisplay_name: Övning\nstep: interview\n")
    assert any("profile" in e and "ad" in e for e in errors), errors


def test_studio_check_validates_correct_settings_once_and_finds_the_cause_of_a_problem():
    """A block's validate_field_data runs once (in English) for settings without a problem; with a problem it
    also runs in Swedish and once per setting to find the one that causes it."""
    from django.utils import translation
    from xblock.validation import ValidationMessage

    calls = []

    class CountingBlock(XBlock):
        size = Integer(default=1, scope=Scope.settings)
        label = String(default="", scope=Scope.settings)

        def validate_field_data(self, validation, data):
            lang = translation.get_language()
            calls.append(lang)
            if data.size > 5:
                validation.add(ValidationMessage(ValidationMessage.ERROR, f"{lang}: too big"))

    fields = custom_blocks.editable_fields(CountingBlock)
    assert custom_blocks.studio_check(CountingBlock, fields, {"size": 3, "label": "x"}) == []
    assert calls == ["en"]
    calls.clear()
    problems = custom_blocks.studio_check(CountingBlock, fields, {"size": 9, "label": "x"})
    assert problems == [({"sv": "sv: too big", "en": "en: too big"}, ["size"])]
    assert sorted(calls) == ["en", "en", "en", "sv"]      # all, in both languages, then without each setting
