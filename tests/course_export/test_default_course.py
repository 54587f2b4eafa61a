"""The shipped default course "Kompetensbaserad rekrytering" (course_export/default_course/): its counts and
shape (issue 11), read from the source and from the built archive.

Counts: 9 chapters; at least 9 articles in artiklar/, each 600–1,000 words; a graded quiz of at least 4
questions per topic module, with feedback on every choice; a grading policy that counts the quizzes only;
5 webinar units with their parts; 14 film and 3 podcast units; 6 templates. Our blocks (kravprofil,
interview_guide, reflection_journal) sit where the course teaches their subject, and are checked in the built
archive: count by type, each renders in the layer's test runtime, every setting round-trips."""
import json
import re
from html import escape

import olxcleaner
import pytest
import yaml
from lxml import etree

from course_export.build import DEFAULT_SOURCE, summary_counts
from course_export.custom_blocks import installed_blocks
from tests.course_export.olx_reading import outline, parse, run_of
from tests.course_export.test_blocks_runtime import inline_blocks
from xblock_layer.testing import LayerTestRuntime, call_handler, make_block
from tests.course_export.test_olxcleaner import _html5_tag_false_alarm, _no_end_alarm

SOURCE = DEFAULT_SOURCE
CHAPTERS = ["Start", "Rekryteringsfällor", "Kandidatupplevelse", "Kravprofilsarbetet", "Annonsering",
            "Testverktyg vid rekrytering", "Intervjusituationen", "Referenser och avslut",
            "Avslutning och uppföljning"]
TOPIC_MODULES = CHAPTERS[1:8]
WORD_RE = re.compile(r"\w+(?:[-–:’]\w+)*")
JOURNAL_FIELDS = {"type", "display_name", "prompts", "min_length", "followup_prompt", "followup_days", "view",
                  "share_with_staff"}
GUIDE_FIELDS = {"type", "display_name", "guide_type", "planned_minutes", "instructions"}
BUILT_BLOCKS = {"kravprofil": 2, "interview_guide": 5, "reflection_journal": 11}


@pytest.fixture(scope="module")
def course_yaml():
    return yaml.safe_load((SOURCE / "course.yaml").read_text(encoding="utf-8"))


def components(module):
    for lesson in module["lessons"]:
        for component in lesson["components"]:
            kind = next(k for k in component if k != "id")
            yield lesson, kind, component[kind], component


def all_components(course_yaml, kind=None):
    return [(m, lesson, k, path) for m in course_yaml["modules"] for lesson, k, path, _ in components(m)
            if kind is None or k == kind]


def words(markdown_path):
    body = markdown_path.read_text(encoding="utf-8").split("---", 2)[2]
    return len(WORD_RE.findall(body))


def load(path):
    return yaml.safe_load((SOURCE / path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- structure and counts (source)

def test_nine_chapters_in_order(course_yaml):
    assert [m["title"] for m in course_yaml["modules"]] == CHAPTERS


def test_articles_nine_or_more_each_600_to_1000_words(course_yaml):
    articles = [path for _, _, _, path in all_components(course_yaml, "article") if path.startswith("artiklar/")]
    assert len(articles) >= 9
    assert sorted(articles) == sorted(p.relative_to(SOURCE).as_posix() for p in (SOURCE / "artiklar").glob("*.md"))
    counts = {path: words(SOURCE / path) for path in articles}
    assert all(600 <= n <= 1000 for n in counts.values()), counts
    covered = {m["title"] for m, _, _, path in all_components(course_yaml, "article") if path.startswith("artiklar/")}
    assert covered == set(TOPIC_MODULES), "articles spread over every topic module"


@pytest.mark.parametrize("topic, phrases", [
    ("law", ["kön", "könsöverskridande identitet eller uttryck", "etnisk tillhörighet",
             "religion eller annan trosuppfattning", "funktionsnedsättning", "sexuell läggning", "ålder",
             "Direkt diskriminering", "Indirekt diskriminering", "verkligt och avgörande yrkeskrav",
             "berättigat syfte", "Aktiva åtgärder", "25 anställda", "belastningsregistret",
             "3 kap. 8 §", "Två år är en vanlig praxis, ingen lagregel", "(EU) 2023/970", "lönehistorik",
             "Fackligt medlemskap", "MBL 7–8 §§"]),
    ("evidence", ["0,42", "0,19", "0,51", "0,38", "0,07", "spridning", "Ones och Viswesvaran",
                  "Arbetsprov – 0,33 (0,54)", "missgynnar en grupp", "hoppa av", "tillförlitlig"]),
])
def test_the_articles_teach_the_law_and_the_evidence(topic, phrases):
    text = " ".join(" ".join(p.read_text(encoding="utf-8") for p in (SOURCE / "artiklar").glob("*.md")).split())
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, (topic, missing)


def test_style_decimal_comma_and_terms():
    """swedish-style.md: decimal comma, skallkrav (not ska-krav/måste-krav), GERS (not CEFR) in Swedish text."""
    texts = {p.relative_to(SOURCE).as_posix(): p.read_text(encoding="utf-8")
             for p in list(SOURCE.rglob("*.md")) + list(SOURCE.rglob("*.yaml"))}
    for name, text in texts.items():
        assert not re.search(r"(?<![\w.])0?\.\d\d\b", text), name
        assert not re.search(r"ska-krav|måste-krav|börkrav|\bCEFR\b", text, re.I), name
        assert '"' not in re.sub(r'^\s*(#.*|title: "[^"\n]*")$', "", text, flags=re.M), name


def test_a_graded_quiz_per_topic_module_with_feedback_on_every_choice(course_yaml):
    for module in course_yaml["modules"]:
        quizzes = [(lesson, path) for lesson, kind, path, _ in components(module) if kind == "quiz"]
        if module["title"] not in TOPIC_MODULES:
            assert quizzes == []
            continue
        assert len(quizzes) == 1, module["title"]
        lesson, path = quizzes[0]
        assert lesson.get("graded") == "Kunskapskontroll"
        quiz = load(path)
        assert len(quiz["questions"]) >= 4, path
        for question in quiz["questions"]:
            where = f"{path}:{question['id']}"
            if question["type"] == "short_text":
                assert question.get("correct_feedback") and question.get("wrong_answers"), where
                assert all(w.get("feedback") for w in question["wrong_answers"]), where
                continue
            assert len(question["choices"]) >= 3, where
            for choice in question["choices"]:
                assert len(choice.get("feedback", "")) >= 20, (where, choice["text"])
                if question["type"] == "checkboxes":
                    assert len(choice.get("feedback_unselected", "")) >= 20, (where, choice["text"])


def test_grading_counts_the_quizzes_only(course_yaml):
    assert [g["type"] for g in course_yaml["grading"]["graders"]] == ["Kunskapskontroll"]
    promised = (SOURCE / "sidor" / "sa-fungerar-kursen.md").read_text(encoding="utf-8")
    assert f"{round(course_yaml['grading']['pass'] * 100)} %" in " ".join(promised.split())   # the page says the cutoff
    for module in course_yaml["modules"]:
        for lesson in module["lessons"]:
            kinds = [next(k for k in c if k != "id") for c in lesson["components"]]
            if lesson.get("graded"):
                assert kinds == ["quiz"], lesson["id"]
            else:
                assert "quiz" not in kinds, lesson["id"]


def test_five_webinars_with_all_their_parts_and_no_dates(course_yaml):
    webinars = [path for _, _, _, path in all_components(course_yaml, "article") if path.startswith("webinarier/")]
    titles = [load_title(path) for path in webinars]
    assert titles == ["Webinar 1: Kick off", "Webinar 2: Kandidatupplevelse", "Webinar 3: Kravprofilsarbetet",
                      "Webinar 4: Användarträff/Erfa", "Webinar 5: Intervjuteknik"]
    months = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    for path in webinars:
        text = (SOURCE / path).read_text(encoding="utf-8")
        for part in ("## Syfte", "## Förbered dig", "## Uppgift att ta med", "## Gruppövning", "**Instruktioner",
                     "## Inspelningen"):
            assert part in text, (path, part)
        assert "45–60 minuter" in text
        assert not re.search(rf"\d{{4}}-\d\d-\d\d|\d{{1,2}} ({months})", text), path


def load_title(path):
    return yaml.safe_load((SOURCE / path).read_text(encoding="utf-8").split("---")[1])["title"]


def test_films_and_podcasts_are_in_place_with_title_and_description(course_yaml):
    films = all_components(course_yaml, "film")
    podcasts = all_components(course_yaml, "podcast")
    assert len(films) == 14 and len(podcasts) == 3
    for _, _, kind, path in films + podcasts:
        data = load(path)
        assert data["title"], path
        if kind == "film":      # a film has a short description of one paragraph
            assert "\n\n" not in data["description"].strip() and 100 <= len(data["description"]) <= 600, path
        else:                   # a podcast's description is its show notes (test_films_podcasts.py)
            assert len(data["description"]) >= 100, path
        assert data["manuscript" if kind == "film" else "transcript"].strip(), path
    per_module = {m["title"]: sum(1 for mm, _, _, _ in films if mm is m) for m in course_yaml["modules"]}
    assert all(per_module[title] >= 1 for title in CHAPTERS), per_module
    titles = " ".join(load(path)["title"] for _, _, _, path in films)
    for subject in ("Varför struktur", "Kandidatens resa", "Kravprofilen skrivs tillsammans med chefen",
                    "Från kravprofil till annons", "Tester", "den traditionella", "den kompetensbaserade",
                    "situation – beteende – resultat", "Telefonavstämningen", "Referenssamtalet", "säga nej"):
        assert subject in titles, subject


def test_start_chapter_and_end_chapter(course_yaml):
    start, end = course_yaml["modules"][0], course_yaml["modules"][-1]
    text = "\n".join((SOURCE / path).read_text(encoding="utf-8") for _, kind, path, _ in components(start)
                     if kind == "article")
    for phrase in ("extern hjälp", "Två deltagare per företag", "Före kursen", "Under kursen", "Efter kursen",
                   "Attrahera", "Rekrytera", "Inkludera", "Team", "Webinar", "100 bolag", "37 svarade"):
        assert phrase in text, phrase
    assert [path for _, k, path, _ in components(start) if k == "block"] == ["block/loggbok-start.yaml"]
    end_blocks = [path for _, k, path, _ in components(end) if k == "block"]
    assert end_blocks == ["block/loggbok-utvardering.yaml", "block/loggbok-uppfoljning.yaml", "block/min-loggbok.yaml"]
    assert not any(lesson.get("graded") for lesson in end["lessons"])


def test_the_kravprofil_and_the_ad_continue_the_same_profile(course_yaml):
    blocks = {(m["id"], path) for m, _, _, path in all_components(course_yaml, "block")
              if load(path)["type"] == "kravprofil"}
    assert blocks == {("m3_kravprofil", "block/kravprofil.yaml"), ("m4_annons", "block/annons.yaml")}
    assert load("block/kravprofil.yaml")["type"] == load("block/annons.yaml")["type"] == "kravprofil"
    # The ad is the kravprofil block's ad step, on the profile of the profile step (its default) before it.
    assert load("block/annons.yaml")["step"] == "ad" and "step" not in load("block/kravprofil.yaml")
    assert "required_sections" not in load("block/annons.yaml")     # the ad step is complete on the ad's parts


# ---------------------------------------------------------------- the journals

def journals(course_yaml):
    return [(m["id"], lesson["id"], c.get("id", (SOURCE / path).stem), load(path))
            for m in course_yaml["modules"] for lesson, kind, path, c in components(m)
            if kind == "block" and load(path)["type"] == "reflection_journal"]


def test_nothing_pending_and_no_reflection_page_left(course_yaml):
    """Every block type is installed: nothing is commented out as pending any more, and each journal replaced
    the HTML reflection page with the same questions that sat above it."""
    assert "PENDING-BLOCK" not in (SOURCE / "course.yaml").read_text(encoding="utf-8")
    for path in (SOURCE / "block").glob("*.yaml"):
        assert "PENDING-BLOCK" not in path.read_text(encoding="utf-8"), path.name
    assert all_components(course_yaml, "reflection") == [] and not (SOURCE / "reflektion").exists()


def test_a_journal_in_every_chapter_and_my_journal_last(course_yaml):
    found = journals(course_yaml)
    entry_modules = {m for m, _, _, d in found if d["view"] == "entry"}
    assert entry_modules == {m["id"] for m in course_yaml["modules"]}
    for _, _, cid, data in found:
        assert set(data) == JOURNAL_FIELDS, cid
        assert all(set(p) == {"text", "guidance"} and p["text"].strip() and p["guidance"].strip()
                   for p in data["prompts"]), cid
        assert isinstance(data["share_with_staff"], bool) and isinstance(data["followup_days"], int)
        assert bool(data["prompts"]) == (data["view"] == "entry"), cid
    # "Min loggbok", the course-wide view, is the course's very last component.
    last_module = course_yaml["modules"][-1]
    assert [c.get("id") for c in last_module["lessons"][-1]["components"]][-1] == "min_loggbok"
    assert [cid for _, _, cid, d in found if d["view"] == "course_journal"] == ["min_loggbok"]
    followups = [d for _, _, _, d in found if d["followup_prompt"]]
    assert len(followups) == 1 and followups[0]["followup_days"] >= 30
    # Only the course evaluation is shared with the course team.
    assert [cid for _, _, cid, d in found if d["share_with_staff"]] == ["loggbok_utvardering"]


# ---------------------------------------------------------------- the interview guides (wired)

def test_the_guides_sit_where_they_are_taught(course_yaml):
    guides = []
    for module in course_yaml["modules"]:
        for lesson, kind, path, _ in components(module):
            data = load(path) if kind == "block" else {}
            if data.get("type") == "interview_guide":
                guides.append((module["id"], lesson["id"], data["guide_type"], path))
                assert set(data) - {"practice_case"} == GUIDE_FIELDS, path
                assert ("practice_case" in data) == (data["guide_type"] == "practice"), path
                assert 10 <= data["planned_minutes"] <= 90 and data["instructions"].strip(), path
    assert [(m, lesson, t) for m, lesson, t, _ in guides] == [
        ("m6_intervju", "l6_urval", "phone_screen"), ("m6_intervju", "l6_intervjun", "practice"),
        ("m6_intervju", "l6_intervjun", "practice"), ("m6_intervju", "l6_intervjun", "interview"),
        ("m7_referenser", "l7_referenser", "reference_check")]
    lesson = next(le for m in course_yaml["modules"] for le in m["lessons"] if le["id"] == "l6_intervjun")
    order = [c.get("id") for c in lesson["components"]]
    # The rating exercise comes right after the film pair: first the traditional film, then the competency-based.
    assert order[:4] == ["film_intervju_traditionell", "film_intervju_kompetensbaserad",
                         "guide_ovning_traditionell", "guide_ovning_kompetensbaserad"]


def practice_cases():
    from recruitment_core.framework import load_default_framework
    from recruitment_core.practice import parse_practice_case
    from recruitment_core.questions import load_default_bank
    return {name: parse_practice_case(load(f"block/{name}.yaml")["practice_case"], name, load_default_framework(),
                                      load_default_bank())
            for name in ("guide-ovning-traditionell", "guide-ovning-kompetensbaserad")}


def spoken(film):
    """The spoken lines of a film's manuscript, one string per line of speech, without the speaker."""
    text = load(f"filmer/{film}.yaml")["manuscript"]
    return [" ".join(t.split()) for t in re.findall(r"^\*\*[^*]+:\*\* (.+?)(?=\n\n|\Z)", text, re.M | re.S)]


def test_the_rating_exercise_uses_the_films_words_and_the_anchors_of_film_10():
    cases = practice_cases()
    traditional, competency = cases["guide-ovning-traditionell"], cases["guide-ovning-kompetensbaserad"]
    # Every line of the cases' answers is spoken in its film, word for word.
    for case, film in ((traditional, "09-intervju-traditionell"), (competency, "10-intervju-kompetensbaserad")):
        lines = spoken(film)
        for line in filter(None, case["answer"].splitlines()):
            said = line.split(": ", 1)[1]
            assert any(said in full for full in lines), (film, said)
    # The traditional interview gives no past behaviour to rate: the expert marks both "not assessed".
    assert [(r["competency"], r["score"]) for r in traditional["ratings"]] == [
        ("customer_focus", "na"), ("planning_organising", "na")]
    # The competency-based one: the ratings the two interviewers agree on in film 10's last scene.
    assert [(r["competency"], r["score"]) for r in competency["ratings"]] == [
        ("customer_focus", 4), ("planning_organising", 3)]
    manuscript = " ".join(load("filmer/10-intervju-kompetensbaserad.yaml")["manuscript"].split())
    assert "Vad gav du för kundfokus" in manuscript and "En fyra." in manuscript and "På planering en trea." in \
        manuscript
    for case in cases.values():
        for rating in case["ratings"]:
            assert 300 <= len(rating["reasons"]) <= 1000, rating["competency"]
            assert '"' not in rating["reasons"]


# ---------------------------------------------------------------- the built archive

def test_build_counts(built_course):
    result, _, _ = built_course
    counts = summary_counts(result.course)
    assert counts["modules"] == 9
    assert counts["films"] == 14 and counts["podcasts"] == 3
    assert counts["quizzes"] == 7 and counts["questions"] >= 28
    assert counts["templates"] == 6
    assert counts["blocks"] == sum(BUILT_BLOCKS.values())


def test_built_course_passes_olxcleaner(built_course):
    _, _, folder = built_course
    course, errorstore, url_names = olxcleaner.validate(filename=str(folder), steps=8, ignore=[],
                                                         allowed_xblocks=sorted(installed_blocks()))
    assert course is not None
    # The one alarm olxcleaner raises for every course without an end date (the course sets none on purpose).
    assert [f"{e.name} {e.filename}: {e.description}" for e in errorstore.errors
            if not _no_end_alarm(e, folder) and not _html5_tag_false_alarm(e)] == []


def test_built_grading_policy_counts_the_seven_quizzes(built_course):
    _, _, folder = built_course
    grading = json.loads((folder / "policies" / run_of(folder) / "grading_policy.json").read_text())
    assert [(g["type"], g["min_count"], g["weight"]) for g in grading["GRADER"]] == [("Kunskapskontroll", 7, 1.0)]
    _, tree = outline(folder)
    for _, sequentials in tree:
        for _, attrs, verticals in sequentials:
            tags = {child.tag for _, _, children in verticals for child in children}
            if attrs.get("format"):
                assert tags <= {"html", "problem"} and "problem" in tags
            else:
                assert "problem" not in tags


def test_built_links_resolve_and_templates_are_six_word_files(built_course):
    _, _, folder = built_course
    names = {p.stem for sub in ("html", "problem", "video") for p in (folder / sub).glob("*.xml")}
    names |= {child.get("url_name") for v in (folder / "vertical").glob("*.xml") for child in parse(v)}
    names |= {p.stem for sub in ("vertical", "sequential", "chapter") for p in (folder / sub).glob("*.xml")}
    for path in (folder / "html").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r'/jump_to_id/([^"\'#?\s<>]+)', text):
            assert target in names, (path.name, target)
        for name in re.findall(r'/static/([^"\'#?\s<>]+)', text):
            assert (folder / "static" / name).is_file(), (path.name, name)
    docx = sorted(p.name for p in (folder / "static").glob("mall_*.docx"))
    assert docx == sorted(f"mall_{k}_sv.docx" for k in ("kravprofil", "annons", "telefonavstamning", "intervju",
                                                          "referenstagning", "avslag"))


def test_built_blocks_render_and_keep_their_settings(built_course):
    """Each block of ours in the archive: the count by type, its page renders in the layer's test runtime, every
    setting the source gives arrives in the block's field and survives an OLX export and a second import."""
    _, _, folder = built_course
    blocks = list(inline_blocks(folder))
    by_type = {}
    for element in blocks:
        by_type[element.tag] = by_type.get(element.tag, 0) + 1
    assert by_type == BUILT_BLOCKS
    marks = {"kravprofil": "kravprofil-block", "interview_guide": "interview-guide-block",
             "reflection_journal": "rj-block"}
    for element in blocks:
        source = SOURCES[element.get("url_name")]
        runtime = LayerTestRuntime()
        xml = etree.tostring(element, encoding="unicode")
        block = make_block(runtime, xml)
        for name, value in source.items():
            if name != "type":    # the exporter writes text without its outer white space
                expected = value.strip() if isinstance(value, str) else value
                assert getattr(block, name) == expected, (element.get("url_name"), name)
        html = runtime.render(block, "student_view").body_html()
        assert marks[element.tag] in html, element.get("url_name")
        assert escape(source["display_name"]) in html
        for prompt in source.get("prompts", []):    # a journal shows its questions and their guidance
            assert escape(prompt["text"]) in html and escape(prompt["guidance"]) in html, element.get("url_name")
        if source.get("view") == "course_journal":
            assert "rj-course" in html
        if element.tag == "kravprofil":              # the page's script starts in the block's step
            assert f'"step":"{source.get("step", "profile")}"' in html
        node = etree.Element(element.tag)
        block.add_xml_to_node(node)
        again = make_block(LayerTestRuntime(), etree.tostring(node, encoding="unicode"))
        for name in block.editable_fields:
            assert getattr(again, name) == getattr(block, name), (element.get("url_name"), name)


SOURCES = {c.get("id", (SOURCE / path).stem): load(path)
           for m in yaml.safe_load((SOURCE / "course.yaml").read_text(encoding="utf-8"))["modules"]
           for _, kind, path, c in components(m) if kind == "block"}


def test_built_practice_units_read_well(built_course):
    """What the learner sees in the two rating exercises: the case, the two competencies to rate, and after
    handing in the expert's rating with reasons; a number where the expert found no evidence names rating errors."""
    _, _, folder = built_course
    practice = {e.get("url_name"): e for e in inline_blocks(folder) if e.get("guide_type") == "practice"}
    assert sorted(practice) == ["guide_ovning_kompetensbaserad", "guide_ovning_traditionell"]
    seen = {}
    for url_name, element in practice.items():
        runtime = LayerTestRuntime()
        block = make_block(runtime, etree.tostring(element, encoding="unicode"))
        data = block.page_data("sv")
        assert data["type"] == "practice" and data["case"]["competencies"] == ["customer_focus",
                                                                              "planning_organising"]
        assert data["case"]["answer"].startswith("Chefen: ") and "Kandidaten: " in data["case"]["answer"]
        html = runtime.render(block, "student_view").body_html()
        assert "ig-case" in html and escape(SOURCES[url_name]["instructions"].split("\n")[0]) in html
        halo = {"customer_focus": {"score": 5, "evidence": "Bra med kunder."},
                "planning_organising": {"score": 5, "evidence": "Strukturerad."}}
        guide = dict(data["guide"], practice={"submitted": True, "ratings": halo})
        status, body, _ = call_handler(runtime, block, "save_guide", {"guide": guide, "revision": 0})
        assert status == 200, body
        seen[url_name] = {r["competency"]: r for r in body["practice"]["rows"]}
    trad, comp = seen["guide_ovning_traditionell"], seen["guide_ovning_kompetensbaserad"]
    assert trad["customer_focus"]["expert"] == "na" and "för lite underlag" in trad["customer_focus"]["message"]
    assert "halo" in [e["id"] for e in trad["planning_organising"]["possible_errors"]]
    assert comp["customer_focus"]["message"] == "Ett steg från experten – inom det vanliga."
    assert comp["planning_organising"]["diff"] == 2 and comp["planning_organising"]["possible_errors"]
