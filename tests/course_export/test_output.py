"""The built sample course (data/sample_course/): structure read back, links, transcripts, grading, policies, blocks."""
import json
import re
import zipfile
from pathlib import Path

import yaml
from lxml import etree

from tests.course_export.conftest import MEDIA, SAMPLE
from tests.course_export.olx_reading import all_url_names, outline, parse, run_of

POINTER_TAGS = {"html", "video", "problem"}
URL_NAME_RE = re.compile(r"^[a-z0-9_-]+$")


def expected_tags(kind, path, comp_id, media):
    """The component tags a source component should give, computed from the source files alone."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.suffix == ".yaml" else {}
    if kind == "quiz":
        return ["html"] * bool(data.get("intro")) + ["problem"] * len(data["questions"])
    if kind == "film" and comp_id in media.get("films", {}):
        return ["html"] * bool(data.get("description")) + ["video"]
    if kind == "block":
        return [data["type"]]
    return ["html"]


def test_structure_read_back_matches_source(built_default):
    _, folder = built_default
    source = yaml.safe_load((SAMPLE / "course.yaml").read_text(encoding="utf-8"))
    media = yaml.safe_load(MEDIA.read_text(encoding="utf-8"))
    policy, tree = outline(folder)
    assert policy[f"course/{run_of(folder)}"]["display_name"] == source["title"]
    assert [title for title, _ in tree] == [m["title"] for m in source["modules"]]
    for module, (_, sequentials) in zip(source["modules"], tree):
        assert [s[0] for s in sequentials] == [lesson["title"] for lesson in module["lessons"]]
        for lesson, (_, attrs, verticals) in zip(module["lessons"], sequentials):
            assert attrs.get("format") == lesson.get("graded")
            assert len(verticals) == len(lesson["components"])
            for component, (_, _, children) in zip(lesson["components"], verticals):
                kind = next(k for k in component if k != "id")
                path = SAMPLE / component[kind]
                comp_id = component.get("id", path.stem)
                assert [child.tag for child in children] == expected_tags(kind, path, comp_id, media), comp_id


def test_every_component_kind_is_used(built_default):
    _, folder = built_default
    _, tree = outline(folder)
    tags = {child.tag for _, seqs in tree for _, _, verts in seqs for _, _, children in verts for child in children}
    assert {"html", "video", "problem", "kravprofil"} <= tags
    problems = [parse(p) for p in sorted((folder / "problem").glob("*.xml"))]
    kinds = {child.tag for p in problems for child in p}
    assert {"multiplechoiceresponse", "choiceresponse", "optionresponse", "stringresponse"} <= kinds


def test_url_names_are_safe_and_unique(built_default):
    _, folder = built_default
    names = all_url_names(folder)
    assert all(URL_NAME_RE.match(n) for n in names), [n for n in names if not URL_NAME_RE.match(n)]
    assert len(names) == len(set(names))


def test_pointers_are_pure_and_custom_blocks_inline(built_default):
    _, folder = built_default
    for vertical in (folder / "vertical").glob("*.xml"):
        for child in parse(vertical):
            if child.tag in POINTER_TAGS:
                assert list(child.attrib) == ["url_name"], (vertical.name, child.attrib)
                assert (folder / child.tag / f"{child.get('url_name')}.xml").is_file()
            else:
                assert len(child.attrib) > 1 and child.get("display_name"), "custom block must be inline"
                assert not (folder / child.tag).exists(), "no pointer files for custom blocks"


def test_html_pairs(built_default):
    _, folder = built_default
    for xml in (folder / "html").glob("*.xml"):
        element = parse(xml)
        assert element.get("filename") == xml.stem and element.get("display_name")
        assert (folder / "html" / f"{xml.stem}.html").is_file()


def test_static_links_resolve(built_default):
    _, folder = built_default
    links = set()
    for path in list((folder / "html").glob("*.html")) + list((folder / "problem").glob("*.xml")) + \
            list((folder / "about").glob("*.html")):
        links |= set(re.findall(r'/static/([^"\'#?\s<>]+)', path.read_text(encoding="utf-8")))
    assert links, "the sample course links static files"
    missing = [name for name in links if not (folder / "static" / name).is_file()]
    assert not missing
    assert all(re.match(r"^[A-Za-z0-9_.-]+$", p.name) for p in (folder / "static").iterdir())


def test_transcripts_are_utf8_srt_and_referenced(built_default):
    _, folder = built_default
    videos = [parse(p) for p in (folder / "video").glob("*.xml")]
    assert videos
    for video in videos:
        transcripts = json.loads(video.get("transcripts"))
        assert transcripts == {"sv": video.find("transcript").get("src")}
        srt = (folder / "static" / transcripts["sv"]).read_bytes()
        text = srt.decode("utf-8")
        blocks = text.strip().split("\n\n")
        assert all(re.match(r"^\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n.+", b) for b in blocks)
    video = parse(folder / "video" / "strukturerad-intervju.xml")
    assert video.get("youtube_id_1_0") == "Kbr101demo1"
    srt = (folder / "static" / "strukturerad-intervju-sv.srt").read_text(encoding="utf-8")
    assert "00:00:06,500 --> 00:00:13,000\nFör varje kompetens" in srt     # timed cues from media.yaml


def test_film_without_media_shows_manuscript_and_note(built_default):
    _, folder = built_default
    html = (folder / "html" / "valkommen.html").read_text(encoding="utf-8")
    assert "Filmen är inte publicerad ännu" in html and "Manus" in html and "kompetensbaserad rekrytering" in html
    assert not (folder / "video" / "valkommen.xml").exists()


def test_podcast_with_mp3_has_audio_and_transcript(built_default):
    _, folder = built_default
    html = (folder / "html" / "kandidatupplevelsen.html").read_text(encoding="utf-8")
    assert '<audio controls' in html and "https://media.example.org/kbr101/kandidatupplevelsen.mp3" in html
    assert 'aria-label="Lyssna på avsnittet"' in html
    assert "Utskrift" in html and "Virgin Media" in html


def test_quiz_problems_have_feedback_hints_and_answers(built_default):
    _, folder = built_default
    mc = parse(folder / "problem" / "kunskapskontroll_validitet.xml")
    assert mc.get("max_attempts") == "2" and mc.get("weight") == "1"
    choices = mc.findall(".//choice")
    assert [c.get("correct") for c in choices] == ["false", "true", "false"]
    assert all(c.find("choicehint") is not None for c in choices)
    assert mc.find("demandhint/hint") is not None and mc.find("solution") is not None
    text = parse(folder / "problem" / "kunskapskontroll_sbr.xml").find("stringresponse")
    assert text.get("answer") == "beteende" and text.get("type") == "ci"
    assert text.find("additional_answer").get("answer") == "beteendet"
    dropdown = parse(folder / "problem" / "kunskapskontroll_sprakkrav.xml")
    assert [o.get("correct") for o in dropdown.findall(".//option")] == ["False", "True", "False"]


def test_grading_policy_matches_graded_subsections(built_default):
    _, folder = built_default
    grading = json.loads((folder / "policies" / run_of(folder) / "grading_policy.json").read_text())
    types = {g["type"]: g for g in grading["GRADER"]}
    assert abs(sum(g["weight"] for g in grading["GRADER"]) - 1) < 1e-9
    formats = [parse(p).get("format") for p in (folder / "sequential").glob("*.xml")
               if parse(p).get("graded") == "true"]
    assert formats and set(formats) == set(types)
    for name, grader in types.items():
        assert grader["min_count"] == formats.count(name)


def test_policy_file(built_default):
    _, folder = built_default
    raw = (folder / "policies" / run_of(folder) / "policy.json").read_bytes()
    raw.decode("ascii")          # ASCII escapes only
    policy = json.loads(raw)[f"course/{run_of(folder)}"]
    assert policy["language"] == "sv" and policy["start"] == "2026-02-02T00:00:00Z"
    assert "kravprofil" in policy["advanced_modules"]
    assert "tabs" not in policy          # the server's own defaults, as for a course created in Studio
    assert policy["self_paced"] is True and "end" not in policy
    assert (folder / "static" / policy["course_image"]).is_file()
    course = parse(folder / "course.xml")
    assert course.tag == "course" and set(course.attrib) == {"url_name", "org", "course"}
    assert (folder / "about" / "overview.html").read_text(encoding="utf-8").strip()
    assert (folder / "about" / "short_description.html").read_text(encoding="utf-8").strip()


def test_templates_are_word_documents_linked_from_a_page(built_default):
    _, folder = built_default
    html = (folder / "html" / "mallar.html").read_text(encoding="utf-8")
    for kind in ("kravprofil", "annons", "telefonavstamning", "intervju", "referenstagning"):
        name = f"mall_{kind}_sv.docx"
        assert f'href="/static/{name}"' in html
        with zipfile.ZipFile(folder / "static" / name) as docx:
            assert "word/document.xml" in docx.namelist()
    assert "Telefonavstämning" in html


def test_html_is_sanitized(built_default):
    _, folder = built_default
    for path in (folder / "html").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text and "onerror" not in text and "javascript:" not in text
        etree.fromstring(f"<div>{text}</div>".encode(), etree.HTMLParser())


def test_article_links_become_jump_links(built_default):
    _, folder = built_default
    html = (folder / "html" / "varfor-struktur.html").read_text(encoding="utf-8")
    assert 'href="/jump_to_id/kravprofilen"' in html
    assert 'src="/static/validitet-2022.svg"' in html
    assert Path(folder / "static" / "validitet-2022.svg").is_file()
