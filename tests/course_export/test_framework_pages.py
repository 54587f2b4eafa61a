"""The `framework_pages` component: the competency framework and the question bank as readable pages, rendered
from recruitment_core's data (issues 9 and 11). Counts come from the core's data, never from numbers written here.

The shipped course is built once (the `built_course` fixture); its pages are read back from the archive as a
learner's browser would get them (the .html files of the html components)."""
import re
import tarfile
import textwrap
from html import escape, unescape

import olxcleaner
import pytest
import yaml

from course_export import build as pipeline
from course_export.custom_blocks import installed_blocks
from course_export.framework_pages import SECTIONS
from recruitment_core.framework import load_default_framework
from recruitment_core.questions import load_default_bank
from tests.course_export.conftest import write_source
from tests.course_export.olx_reading import outline, parse

CID = "ramverk_och_fragor"
EXTRA = ["phone_screen", "reference_check", "must_not_ask"]


@pytest.fixture(scope="module")
def core():
    return load_default_framework(), load_default_bank()


def page(folder, url_name):
    return (folder / "html" / f"{url_name}.html").read_text(encoding="utf-8")


def text_of(html):
    """What a reader sees: tags removed, entities decoded, white space collapsed."""
    inline = re.sub(r"</?(?:em|strong|a|small|span)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def contains(html, text):
    return " ".join(text.split()) in text_of(html)


# ---------------------------------------------------------------- the shipped course

def test_the_pages_are_a_lesson_of_their_own_in_kravprofilsarbetet(built_course, core):
    framework, _ = core
    result, _, folder = built_course
    _, tree = outline(folder)
    chapter = dict(tree)["Kravprofilsarbetet"]
    lesson = next(verticals for title, _, verticals in chapter if title == "Kompetensramverket och intervjufrågorna")
    expected = ([f"{CID}_unit"] + [f"{CID}_{comp.id}_unit" for comp in framework.competencies]
                + [f"{CID}_{key}_unit" for key in EXTRA])
    assert [url_name for url_name, _, _ in lesson] == expected
    titles = [title for _, title, _ in lesson]
    assert titles[1:1 + len(framework.competencies)] == [comp.name["sv"] for comp in framework.competencies]
    assert all(title.strip() for title in titles)
    for _, _, children in lesson:
        assert [child.tag for child in children] == ["html"]
    assert pipeline.summary_counts(result.course)["framework_pages"] == len(expected)


def test_every_competency_in_full_on_its_page(built_course, core):
    framework, _ = core
    _, _, folder = built_course
    overview = page(folder, CID)
    for comp in framework.competencies:
        html = page(folder, f"{CID}_{comp.id}")
        cluster = framework.cluster(comp.cluster)
        for text in [comp.definition["sv"], cluster.name["sv"], *comp.indicators["sv"],
                     *(comp.levels[level]["sv"] for level in range(1, 6))]:
            assert contains(html, text), (comp.id, text)
        assert re.search(f'<a href="/jump_to_id/{CID}_{comp.id}"[^>]*>{re.escape(escape(comp.name["sv"]))}</a>',
                         overview), comp.id
    for cluster in framework.clusters:
        assert f"<h2>{escape(cluster.name['sv'])}</h2>" in overview


def test_all_questions_of_the_bank_with_follow_ups_anchors_and_weak_signs(built_course, core):
    framework, bank = core
    _, _, folder = built_course
    shown = 0
    for comp in framework.competencies:
        html = page(folder, f"{CID}_{comp.id}")
        headings = re.findall(r"<h3>(\d+)\. (.*?)</h3>", html)
        questions = bank.for_competency(comp.id)
        assert [unescape(text) for _, text in headings] == [q.question["sv"] for q in questions]
        assert [int(n) for n, _ in headings] == list(range(1, len(questions) + 1))
        shown += len(headings)
        for q in questions:
            texts = [*(item for kind in ("situation", "behaviour", "result") for item in q.follow_ups[kind]["sv"]),
                     *(q.anchors[level]["sv"] for level in (1, 3, 5)), *q.weak_signs["sv"]]
            for text in texts:
                assert contains(html, text), (q.id, text)
        for label in ("Situation", "Beteende", "Resultat", "Nivå 1", "Nivå 3", "Nivå 5", "Beteendebaserad"):
            assert label in html
    assert shown == len(bank.questions) == bank.counts()["questions"]
    overview = page(folder, CID)
    per_type = bank.counts()["per_type"]
    assert contains(overview, f"{len(bank.questions)} intervjufrågor: {per_type['behavioural']} beteendebaserade")
    for sign in bank.weak_signs["sv"]:
        assert contains(overview, sign)


def test_phone_screen_reference_check_and_questions_not_to_ask(built_course, core):
    _, bank = core
    _, _, folder = built_course
    phone = page(folder, f"{CID}_phone_screen")
    assert phone.count("<li><p><strong>") == len(bank.phone_screen)
    for item in bank.phone_screen:
        assert contains(phone, item.question["sv"]) and contains(phone, item.note["sv"])
    assert any(item.group == "pay" for item in bank.phone_screen)

    reference = page(folder, f"{CID}_reference_check")
    assert reference.count("<li><p><strong>") == len(bank.reference_check)
    for item in bank.reference_check:
        wanted = item.question["sv"].replace("{competency}", "[kompetensen]")
        assert contains(reference, wanted) and contains(reference, item.note["sv"])
    assert "{competency}" not in reference
    assert any(item.per_competency for item in bank.reference_check)
    per_competency = [i for i in bank.reference_check if i.per_competency]
    assert reference.count("<p><em>En gång per kompetens.</em> ") == len(per_competency)
    assert re.findall(r"<h2>(.*?)</h2>", reference)[0] == "Före samtalet"

    must_not = page(folder, f"{CID}_must_not_ask")
    assert [unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", must_not)] == [i.topic["sv"] for i in bank.must_not_ask]
    for item in bank.must_not_ask:
        for text in [*item.examples["sv"], item.why["sv"], item.instead["sv"]]:
            assert contains(must_not, text), (item.id, text)
    assert must_not.count("Fråga i stället:") == len(bank.must_not_ask)
    assert {i.id for i in bank.must_not_ask} >= {"family_plans", "pregnancy", "age", "origin", "religion", "health",
                                                 "sexual_orientation", "union_membership"}


def test_plain_markup_no_class_no_style_and_headings_in_order(built_course, core):
    framework, _ = core
    _, _, folder = built_course
    keys = ["", *(f"_{comp.id}" for comp in framework.competencies), *(f"_{key}" for key in EXTRA)]
    for key in keys:
        html = page(folder, CID + key)
        assert not re.search(r"<(script|style)|\sclass=|\sstyle=|\son\w+=", html), key
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html)]
        assert levels and levels[0] == 2 and 1 not in levels, key       # the LMS shows the unit title above
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (key, levels)
        xml = parse(folder / "html" / f"{CID}{key}.xml")
        assert xml.get("display_name") and xml.get("filename") == CID + key


def test_the_shipped_settings_file_has_no_pending_mark_and_shows_everything():
    source = pipeline.DEFAULT_SOURCE
    text = (source / "ramverk" / "ramverk-och-fragor.yaml").read_text(encoding="utf-8")
    assert "PENDING" not in text
    assert yaml.safe_load(text)["show"] == list(SECTIONS)
    course = (source / "course.yaml").read_text(encoding="utf-8")
    assert "- framework_pages: ramverk/ramverk-och-fragor.yaml" in course
    assert "PENDING-BLOCK: - framework_pages" not in course


# ---------------------------------------------------------------- a small source

def with_pages(tmp_path, pages_yaml, extra=None, lesson_extra=""):
    """The small source with a framework_pages component in its first lesson."""
    from tests.course_export.conftest import SMALL_SOURCE
    course = textwrap.dedent(SMALL_SOURCE["course.yaml"]).replace(
        "          - film: f/film.yaml\n",
        "          - film: f/film.yaml\n          - framework_pages: r/sidor.yaml\n" + lesson_extra)
    files = dict(SMALL_SOURCE)
    files["course.yaml"] = course
    files["r/sidor.yaml"] = pages_yaml
    files.update(extra or {})
    return write_source(tmp_path / "src", files)


def messages(result, lang="en"):
    return [e.render(lang) for e in result.errors]


def test_show_chooses_the_pages_and_lang_may_differ_from_the_course(tmp_path, core):
    framework, bank = core
    source = with_pages(tmp_path, """\
        title: Questions not to ask
        intro: Read this *before* the interview.
        show: [must_not_ask]
        lang: en
        """)
    archive = tmp_path / "c.tar.gz"
    result = pipeline.build(source, archive)
    assert result.ok, messages(result)
    units = [u for u in result.course.units() if u.kind == "framework_pages"]
    assert [u.url_name for u in units] == ["sidor_unit", "sidor_must_not_ask_unit"]
    overview, must_not = (u.components[0].html for u in units)
    assert overview.startswith('<div lang="en"><p>Read this <em>before</em> the interview.</p>')
    assert "/jump_to_id/sidor_must_not_ask" in overview and "interview questions" not in overview
    assert must_not.startswith('<div lang="en">')
    for item in bank.must_not_ask:
        assert contains(must_not, item.instead["en"])
    assert units[1].title == "Questions not to ask – and what to ask instead"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    _, errorstore, _ = olxcleaner.validate(filename=str(tmp_path / "x" / "course"), steps=8, ignore=[],
                                           allowed_xblocks=sorted(installed_blocks()))
    found = sorted((e.name, e.description.split("required setting ")[-1]) for e in errorstore.errors)
    assert found == [("InvalidSetting", "'course_image'."), ("InvalidSetting", "'end'.")]   # the known false alarms


def test_a_framework_of_the_course_s_own_is_escaped_as_text(tmp_path, core):
    framework, bank = core
    data = framework.to_dict()
    first = data["competencies"][0]
    first["name"]["sv"] = 'Samarbete <script>alert(1)</script> & "citat"'
    first["indicators"]["sv"][0] = "<img src=x onerror=alert(1)> delar information"
    data["competencies"] = data["competencies"][:-1]          # one competency fewer: its questions are left out
    dropped = framework.competencies[-1].id
    source = with_pages(tmp_path, """\
        title: Ramverket
        show: [framework, questions]
        framework: eget-ramverk.yaml
        """, {"r/eget-ramverk.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)})
    result = pipeline.validate(source)
    assert result.ok, messages(result)
    assert [w.render("en") for w in result.warnings] == [
        f"r/sidor.yaml:3: {len(bank.for_competency(dropped))} questions of the question bank are left out: their "
        f"competencies are not in this framework ({dropped}) — add those competencies to the framework if the "
        "questions should be shown"]
    units = {u.url_name: u for u in result.course.units() if u.kind == "framework_pages"}
    assert f"sidor_{dropped}_unit" not in units and "sidor_phone_screen_unit" not in units
    unit = units[f"sidor_{first['id']}_unit"]
    html = unit.components[0].html
    assert unit.title == first["name"]["sv"]           # the title is an XML attribute, escaped by the writer
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; delar information" in html
    overview = units["sidor_unit"].components[0].html
    assert "Samarbete &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"citat\"" in overview
    assert "<script" not in overview


@pytest.mark.parametrize("pages_yaml, expected", [
    ("title: T\nshow: [framework, questons]\n",
     ["r/sidor.yaml:2: 'questons' is not a valid show — use one of: " + ", ".join(SECTIONS)]),
    ("title: T\nshow:\n  - framework\n  - nope\n  - framework\n",
     ["r/sidor.yaml:4: 'nope' is not a valid show — use one of: " + ", ".join(SECTIONS),
      "r/sidor.yaml:5: 'framework' is listed twice in show — list it once"]),
    ("title: T\nshow: []\n", ["r/sidor.yaml:2: 'show' is empty — add at least one item"]),
    ("title: T\nlang: de\n", ["r/sidor.yaml:2: 'de' is not a valid lang — use one of: sv, en"]),
    ("title: T\nsections: [framework]\n",
     ["r/sidor.yaml:2: unknown field 'sections' — remove it or fix the spelling; allowed here: title, intro, show, "
      "lang, framework"]),
    ("show: [framework]\n",
     ["r/sidor.yaml:1: the framework pages file lacks the required field 'title' — add 'title: …'"]),
    ("title: T\nframework: saknas.yaml\n",
     ["r/sidor.yaml:2: the file 'saknas.yaml' does not exist — check the spelling of the path or add the file"]),
])
def test_bad_input_is_reported_at_its_line(tmp_path, pages_yaml, expected):
    result = pipeline.validate(with_pages(tmp_path, pages_yaml))
    assert messages(result) == expected


def test_a_broken_framework_file_is_reported_with_every_problem_at_its_line(tmp_path, core):
    framework, _ = core
    text = framework.to_yaml().replace("  definition:", "  definitio:", 1)          # in the first competency
    second = text.index(f"- id: {framework.competencies[1].id}")
    method = text.index("  - interview", second)
    text = text[:method] + "  - horoscope" + text[method + len("  - interview"):]

    def line(needle, start=0):
        return text[:text.index(needle, start)].count("\n") + 1

    source = with_pages(tmp_path, "title: T\nintro: x\nframework: fel.yaml\n", {"r/fel.yaml": text})
    fix = "fix it (the format is described in recruitment_core/framework.py), or remove 'framework:' from r/sidor.yaml"
    assert messages(pipeline.validate(source)) == [
        f"r/fel.yaml:{line('- id: ' + framework.competencies[0].id)}: the framework cannot be used: "
        f"competencies[0].definition: missing — {fix}",
        f"r/fel.yaml:{line('definitio:')}: the framework cannot be used: competencies[0].definitio: unknown field — {fix}",
        f"r/fel.yaml:{line('horoscope')}: the framework cannot be used: competencies[1].methods[0]: unknown method "
        f"'horoscope' (use interview, work_sample, reference, test) — {fix}"]


def test_a_framework_file_with_broken_yaml_is_reported_at_its_line(tmp_path):
    source = with_pages(tmp_path, "title: T\nframework: fel.yaml\n", {"r/fel.yaml": "id: x\nclusters: [a, b\n"})
    result = pipeline.validate(source)
    assert [(e.file, e.key) for e in result.errors] == [("r/fel.yaml", "yaml_bracket")]
    assert messages(result, "sv")[0].startswith("r/fel.yaml:2: trasig YAML")


def test_messages_in_swedish_too(tmp_path):
    result = pipeline.validate(with_pages(tmp_path, "show: [framework, framework]\n"))
    assert messages(result, "sv") == [
        "r/sidor.yaml:1: 'framework' står två gånger i show — skriv det en gång",
        "r/sidor.yaml:1: filen med ramverkssidor saknar det obligatoriska fältet 'title' — lägg till 'title: …'"]


def test_the_articles_link_to_the_pages_and_name_the_bank_s_real_count(core):
    _, bank = core
    articles = pipeline.DEFAULT_SOURCE / "artiklar"
    interview = (articles / "kompetensbaserade-intervjun.md").read_text(encoding="utf-8")
    assert f"[Kursens {len(bank.questions)} intervjufrågor](/jump_to_id/{CID})" in interview
    assert f"(/jump_to_id/{CID})" in (articles / "kravprofilen.md").read_text(encoding="utf-8")
