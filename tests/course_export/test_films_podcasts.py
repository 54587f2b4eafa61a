"""The default course's 14 films and 3 podcast episodes: complete manuscripts and transcripts.

Counts only spoken text (the speakers' lines, see ``course_export.media.spoken_text``): films 400–800 words
(about 3–6 minutes), podcasts 2,200–3,800 words (about 15–25 minutes at 150 words a minute). The source
files are found by name in the default course, so the test works on the film branch alone and on the
merged course; when the course outline names them, it must name exactly these.
"""
import re
import shutil
import tarfile

import pytest
import yaml

from course_export import build as pipeline
from course_export.media import CHARS_PER_SECOND, MAX_LINE_CHARS, MIN_CUE_SECONDS, cues_from_text, spoken_text

DEFAULT = pipeline.DEFAULT_SOURCE
FILMS = ["01-valkommen", "02-varfor-struktur", "03-kandidatens-resa", "04-vad-ar-kompetens",
         "05-kravprofil-med-chefen", "06-fran-kravprofil-till-annons", "07-tester-nar-och-vilka",
         "08-telefonavstamningen", "09-intervju-traditionell", "10-intervju-kompetensbaserad",
         "11-sbr-foljdfragor", "12-referenssamtalet", "13-att-saga-nej", "14-fran-kurs-till-vardag"]
PODCASTS = ["1-grundaren-som-anstallde-fel", "2-rekryteraren-om-kandidatupplevelsen",
            "3-juristen-om-diskriminering"]
FILM_WORDS = (400, 800)
PODCAST_WORDS = (2200, 3800)
WORDS_PER_MINUTE = 150
SPEAKER = re.compile(r"^\*\*[^*\n:]{1,60}:\*\*", re.M)
SCENE = re.compile(r"^#### Scen \d+ – .+ \((\d+):(\d\d)–(\d+):(\d\d)\)$", re.M)
PLACEHOLDER = "skrivs just nu"


def _load(folder, stem):
    path = DEFAULT / folder / f"{stem}.yaml"
    assert path.is_file(), f"missing {path}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(text):
    return len(spoken_text(text).split())


def test_exactly_these_films_and_podcasts_are_in_the_default_course():
    films = sorted(p.stem for p in (DEFAULT / "filmer").glob("*.yaml") if p.stem in FILMS)
    podcasts = sorted(p.stem for p in (DEFAULT / "poddar").glob("*.yaml") if p.stem in PODCASTS)
    assert films == FILMS and podcasts == PODCASTS
    # Once the outline names any of them (the merged course), it names all of them, each once.
    outline = yaml.safe_load((DEFAULT / "course.yaml").read_text(encoding="utf-8"))
    named = [(kind, comp[kind]) for module in outline["modules"] for lesson in module["lessons"]
             for comp in lesson["components"] for kind in ("film", "podcast") if kind in comp]
    ours = sorted(path for _, path in named
                  if path.split("/")[-1].removesuffix(".yaml") in FILMS + PODCASTS)
    if ours:
        assert ours == sorted([f"filmer/{s}.yaml" for s in FILMS] + [f"poddar/{s}.yaml" for s in PODCASTS])


@pytest.mark.parametrize("stem", FILMS)
def test_film_has_a_shootable_manuscript_of_three_to_six_minutes(stem):
    film = _load("filmer", stem)
    manuscript, description = film["manuscript"], film.get("description", "")
    assert PLACEHOLDER not in manuscript and PLACEHOLDER not in description
    assert "Det här ser du" in description and "Därför spelar det roll" in description
    assert SPEAKER.search(manuscript), "the spoken lines carry a speaker label (**Roll:** …)"
    assert re.search(r"^\*Roller: ", manuscript, re.M), "the manuscript names its roles first"
    assert "*I bild:" in manuscript, "the manuscript says what is shown on screen"
    scenes = SCENE.findall(manuscript)
    assert len(scenes) >= 4, "scenes with approximate timings"
    words = _words(manuscript)
    assert FILM_WORDS[0] <= words <= FILM_WORDS[1], f"{stem}: {words} spoken words"
    # the scene timings run on from 0:00 without gaps and end at the export's estimate of the film
    times = [(int(a) * 60 + int(b), int(c) * 60 + int(d)) for a, b, c, d in scenes]
    assert times[0][0] == 0 and all(times[i][1] == times[i + 1][0] for i in range(len(times) - 1))
    estimate = cues_from_text(manuscript)[-1][1]
    assert abs(times[-1][1] - estimate) <= len(times), (times[-1][1], estimate)
    assert 170 <= estimate <= 360, f"{stem}: estimated {estimate:.0f} s"
    assert f"({words} talade ord)" in manuscript, "the length line states the spoken word count"


@pytest.mark.parametrize("stem", PODCASTS)
def test_podcast_has_show_notes_and_a_fifteen_to_twentyfive_minute_transcript(stem):
    episode = _load("poddar", stem)
    transcript, notes = episode["transcript"], episode["description"]
    assert PLACEHOLDER not in transcript
    for part in ("**Ämne:**", "**Medverkande:**", "**Det här får du lära dig:**", "**Källor som nämns:**"):
        assert part in notes, f"{stem}: show notes lack {part}"
    speakers = set(SPEAKER.findall(transcript))
    assert len(speakers) >= 3, f"{stem}: a conversation between named roles, got {speakers}"
    assert "**Programledaren:**" in speakers
    # every paragraph of a transcript is someone speaking
    paragraphs = [p for p in re.split(r"\n\s*\n", transcript) if p.strip()]
    assert all(SPEAKER.match(p.strip()) for p in paragraphs)
    words = _words(transcript)
    assert PODCAST_WORDS[0] <= words <= PODCAST_WORDS[1], f"{stem}: {words} spoken words"
    assert 15 <= words / WORDS_PER_MINUTE <= 25
    stated = re.search(r"\*\*Längd:\*\* cirka (\d+) minuter", notes)
    assert stated and abs(int(stated.group(1)) - words / WORDS_PER_MINUTE) <= 1.5, "the stated length is right"


def test_the_two_interview_films_show_the_same_role_and_candidate():
    traditional = _load("filmer", "09-intervju-traditionell")["manuscript"]
    competency = _load("filmer", "10-intervju-kompetensbaserad")["manuscript"]
    for stem in ("09-intervju-traditionell", "10-intervju-kompetensbaserad"):
        film = _load("filmer", stem)
        assert "kundansvarig" in film["description"] and "**Kandidaten:**" in film["manuscript"]
    assert "samma person och samma bakgrund" in traditional + competency
    assert "Berätta om dig själv" in traditional or "Berätta lite om dig själv" in traditional
    assert "Berätta om en gång" in competency and "Vad gjorde du" in competency
    assert "beteendeankare" in competency.lower() or "Bedömningsskalan" in competency


def test_spoken_text_keeps_only_the_speakers_lines():
    script = ("*Roller: A, B. Längd: 1 min.*\n\n#### Scen 1 – Start (0:00–0:05)\n*I bild: ett rum.*\n\n"
              "**A:** Hej och välkommen.\n\n**B:** Tack, det\när kul.\n")
    assert spoken_text(script) == "Hej och välkommen.\n\nTack, det är kul."
    assert [c[2] for c in cues_from_text(script)] == ["Hej och välkommen.", "Tack, det är kul."]
    plain = "Första meningen. Andra meningen."
    assert spoken_text(plain) == plain       # a manuscript without speaker labels is spoken throughout


@pytest.fixture(scope="module")
def built_films(tmp_path_factory):
    """All 17 files wired into a small course of their own, films with (fake) media so that the export
    writes the estimated .srt subtitles from the manuscripts."""
    root = tmp_path_factory.mktemp("films_src")
    src = root / "kurs"
    (src / "filmer").mkdir(parents=True)
    (src / "poddar").mkdir()
    for stem in FILMS:
        shutil.copy(DEFAULT / "filmer" / f"{stem}.yaml", src / "filmer")
    for stem in PODCASTS:
        shutil.copy(DEFAULT / "poddar" / f"{stem}.yaml", src / "poddar")
    components = "".join(f"          - film: filmer/{s}.yaml\n" for s in FILMS)
    components += "".join(f"          - podcast: poddar/{s}.yaml\n" for s in PODCASTS)
    (src / "course.yaml").write_text(
        "title: Filmer och poddar\norg: T\nnumber: F1\nrun: r1\nstart: 2026-01-01\n"
        "grading:\n  pass: 0.5\n  graders: []\n"
        "modules:\n  - id: m1\n    title: Alla\n    lessons:\n      - id: l1\n        title: Alla\n"
        "        components:\n" + components, encoding="utf-8")
    media = root / "media.yaml"
    media.write_text("films:\n" + "".join(f"  {s}:\n    youtube_id: AbCdEfGhIjK\n" for s in FILMS[:7])
                     + "".join(f"  {s}:\n    mp4: https://media.example.org/{s}.mp4\n" for s in FILMS[7:]))
    archive = root / "c.tar.gz"
    result = pipeline.build(src, archive, media_file=media)
    assert result.ok, "\n".join(e.render("en") for e in result.errors)
    no_media = root / "utan.tar.gz"
    assert pipeline.build(src, no_media).ok
    out = {}
    for name, path in (("media", archive), ("none", no_media)):
        with tarfile.open(path) as tar:
            out[name] = {m.name: tar.extractfile(m).read().decode("utf-8") for m in tar.getmembers()
                         if m.isfile() and m.name.endswith((".srt", ".html"))}
    return out


def _srt_cues(text):
    cues = []
    for block in text.strip().split("\n\n"):
        number, times, *lines = block.split("\n")
        start, end = (sum(float(x.replace(",", ".")) * f for x, f in zip(t.split(":"), (3600, 60, 1)))
                      for t in times.split(" --> "))
        cues.append((start, end, lines))
    return cues


@pytest.mark.parametrize("stem", FILMS)
def test_estimated_subtitles_follow_the_export_rules_and_hold_only_speech(built_films, stem):
    cues = _srt_cues(built_films["media"][f"course/static/{stem}-sv.srt"])
    for start, end, lines in cues:
        assert 1 <= len(lines) <= 2 and all(len(line) <= MAX_LINE_CHARS for line in lines), lines
        assert not (len(lines) == 2 and len(" ".join(lines).split()) >= 3
                    and any(len(line.split()) == 1 for line in lines)), f"a word alone on a line: {lines}"
        assert end - start >= MIN_CUE_SECONDS - 1e-3
        assert len(" ".join(lines)) / (end - start) <= CHARS_PER_SECOND + 0.01, "readable speed"
    assert cues[0][0] == 0 and all(abs(cues[i][1] - cues[i + 1][0]) < 1e-3 for i in range(len(cues) - 1))
    subtitled = " ".join(" ".join(lines) for _, _, lines in cues)
    for direction in ("Scen ", "I bild:", "Roller:", "**", "#"):
        assert direction not in subtitled, f"{stem}: a direction in the subtitles: {direction}"
    manuscript = _load("filmer", stem)["manuscript"]
    assert subtitled.split() == re.sub(r"[*_`#>]+", "", spoken_text(manuscript)).split()
    assert 170 <= cues[-1][1] <= 360


def test_without_media_the_units_show_the_manuscripts_and_transcripts(built_films):
    pages = built_films["none"]
    for stem in FILMS:
        html = pages[f"course/html/{stem}.html"]
        assert "<h4>Scen 1 – " in html and "<strong>" in html and "I bild:" in html
    for stem in PODCASTS:
        html = pages[f"course/html/{stem}.html"]
        assert "<strong>Programledaren:</strong>" in html and "Källor som nämns" in html
