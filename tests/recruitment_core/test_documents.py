"""Word documents: the learner's kravprofil and ad, blank templates, hostile text, reproducible bytes."""
import datetime
import io
import zipfile

import docx
import pytest

from profile_samples import realistic_profile
from recruitment_core.documents import TEMPLATE_KINDS, ad_docx, blank_template_docx, kravprofil_docx
from recruitment_core.documents import docx_common as dc
from recruitment_core.documents import prebuilt
from recruitment_core.framework import load_default_framework
from recruitment_core.profile import ProfileError, empty_profile

HOSTILE = "Dev <script>alert(1)</script> & \"citat\" 'enkla' åäö ÅÄÖ 🚀 ]]> <w:p/>"
CONTROL = "\x00\x01\x08\x0b\x0c\x1f\x7f"


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


def open_doc(data):
    return docx.Document(io.BytesIO(data))


def all_text(document):
    """Paragraph and table-cell text, in document order (tables after paragraphs is enough here)."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def headings(document, level=1):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


# ---------------------------------------------------------------- kravprofil

def test_kravprofil_document_structure_sv(fw):
    data = realistic_profile()
    document = open_doc(kravprofil_docx(data, fw, "sv"))
    assert document.paragraphs[0].text == "Kravprofil: Backendutvecklare"
    assert document.paragraphs[0].style.name == "Title"
    assert headings(document) == ["Grunduppgifter", "Syfte och mål", "Arbetsuppgifter",
                                  "Skallkrav och meriterande", "Kompetenser", "Villkor", "Rekryteringsprocess"]
    assert headings(document, 2) == ["Varför rollen finns", "Mål för de första 12 månaderna"]
    assert [p.text for p in document.paragraphs if p.style.name == "List Bullet"] == data["tasks"]

    props = document.core_properties
    assert props.title == "Kravprofil: Backendutvecklare"
    assert props.language == "sv-SE"
    assert props.created == props.modified == datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

    tables = document.tables
    assert all(t.style.name == "Table Grid" for t in tables)
    req_table = next(t for t in tables if t.rows[0].cells[0].text == "Krav")
    rows = table_rows(req_table)
    assert rows[0] == ["Krav", "Kategori", "Skallkrav (annars meriterande)", "Vikt (1–5)",
                       "Varför jobbet kräver det", "Hur och när det bedöms"]
    assert rows[1] == ["Minst två års yrkeserfarenhet av Python i produktion", "Erfarenhet", "Skallkrav", "5",
                       "Tjänsten ansvarar för produktionskod från dag ett",
                       "Arbetsprov och teknisk intervju – Intervju 2"]
    assert rows[2][0] == "Svenska i tal och skrift (nivå: B2)" and rows[2][1] == "Språk"
    assert rows[3][2] == "Meriterande" and len(rows) == 5

    comp_table = next(t for t in tables if t.rows[0].cells[0].text == "Kompetens")
    comp_rows = table_rows(comp_table)
    collab = fw.get("collaboration")
    assert comp_rows[0] == ["Kompetens", "Nivå som krävs (1–5)", "Prioritet"]
    assert comp_rows[1] == [collab.name["sv"], f"3: {collab.levels[3]['sv']}", "1"]
    assert [r[0] for r in comp_rows[1:]] == [fw.get(c).name["sv"]
                                             for c in ("collaboration", "problem_solving", "communication")]
    text = all_text(document)
    for value in list(data["conditions"].values()) + list(data["process"].values()):
        assert value in text


def test_kravprofil_document_in_english(fw):
    document = open_doc(kravprofil_docx(realistic_profile(), fw, "en-GB"))
    assert document.paragraphs[0].text == "Requirement profile: Backendutvecklare"
    assert headings(document)[0] == "Basics" and headings(document)[-1] == "Recruitment process"
    assert document.core_properties.language == "en-GB"
    assert fw.get("problem_solving").name["en"] in all_text(document)
    assert "Must-have" in all_text(document)


def test_empty_kravprofil_has_dashes_not_garbage(fw):
    document = open_doc(kravprofil_docx(empty_profile(), fw, "sv"))
    assert document.paragraphs[0].text == "Kravprofil"
    assert len(headings(document)) == 7
    body = [p.text for p in document.paragraphs if p.style.name == "Normal" and p.text]
    assert body and set(body) == {"—"}
    # Only the three fact sheets (basics, conditions, process); no empty requirement/competency tables.
    assert len(document.tables) == 3
    assert table_rows(document.tables[0])[0] == ["Roll", "—"]


def test_unknown_competency_is_marked_not_dropped(fw):
    data = realistic_profile()
    data["competencies"].append({"id": "telepathy", "level": 2, "priority": 9})
    assert "telepathy (finns inte i ramverket)" in all_text(open_doc(kravprofil_docx(data, fw, "sv")))
    assert "telepathy" in all_text(open_doc(kravprofil_docx(data, None, "sv")))


def test_invalid_profile_raises_instead_of_writing_a_document(fw):
    data = realistic_profile()
    data["requirements"][0]["weight"] = 7
    with pytest.raises(ProfileError):
        kravprofil_docx(data, fw, "sv")
    with pytest.raises(ProfileError):
        ad_docx(data, "sv")


# ---------------------------------------------------------------- hostile text

def _hostile_profile():
    data = realistic_profile()
    data["basics"]["role"] = HOSTILE + CONTROL
    data["tasks"][0] = CONTROL + HOSTILE
    data["requirements"][0]["text"] = HOSTILE
    data["requirements"][0]["why"] = "rad ett\nrad två\ttabb"
    data["conditions"]["other"] = HOSTILE
    data["ad"]["title"] = HOSTILE + CONTROL
    data["ad"]["tasks"] = "• " + HOSTILE + CONTROL
    data["ad"]["offer"] = HOSTILE
    return data


@pytest.mark.parametrize("build", [lambda d, fw: kravprofil_docx(d, fw, "sv"), lambda d, fw: ad_docx(d, "sv")],
                         ids=["kravprofil", "ad"])
def test_learner_text_goes_in_verbatim_and_escaped(fw, build):
    raw = build(_hostile_profile(), fw)
    document = open_doc(raw)
    text = all_text(document)
    assert HOSTILE in text
    for ch in CONTROL:
        assert ch not in text
    xml = zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "&lt;w:p/&gt;" in xml and "]]&gt;" in xml and "&amp; \"citat\" 'enkla'" in xml
    assert "🚀" in xml and "åäö" in xml


def test_line_breaks_and_tabs_survive_in_the_kravprofil(fw):
    document = open_doc(kravprofil_docx(_hostile_profile(), fw, "sv"))
    assert "rad ett\nrad två\ttabb" in all_text(document)


def test_xml_safe_removes_what_xml_forbids():
    assert dc.xml_safe("a\x00b\x08c\x0bd\x0ce\x1ff\ud800g\udfffh\ufffei\uffffj") == "abcdefghij"
    assert dc.xml_safe("tab\tnl\ncr\r\ncr2\r") == "tab\tnl\ncr\ncr2\n"
    assert dc.xml_safe(None) == ""
    assert dc.xml_safe("åäö 🚀 <&>") == "åäö 🚀 <&>"


def test_document_helpers_survive_a_lone_surrogate():
    """The profile validator strips these too; the document layer must not rely on it."""
    document = dc.new_document("T\ud800\x00itel", "sv")
    dc.paragraph(document, "x\ud800y\x01z")
    dc.table(document, ["a\x02"], [["b\udc00"]])
    reopened = open_doc(dc.to_bytes(document))
    assert reopened.core_properties.title == "Titel"
    assert "xyz" in [p.text for p in reopened.paragraphs]
    assert table_rows(reopened.tables[0]) == [["a"], ["b"]]


# ---------------------------------------------------------------- ad

def test_ad_document_sections_and_bullets():
    data = realistic_profile()
    document = open_doc(ad_docx(data, "sv"))
    assert document.paragraphs[0].text == "Backendutvecklare till plattformsteamet"
    assert document.paragraphs[1].text == "Betalbolaget AB"
    assert document.paragraphs[2].text == data["ad"]["intro"]
    assert headings(document) == ["Arbetsuppgifter", "Vi söker dig som har", "Meriterande", "Vi erbjuder",
                                  "Process och kontakt"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Utveckla våra API:er", "Granska kod", "Två års erfarenhet av Python", "Svenska (B2)",
                       "PostgreSQL"]
    assert document.core_properties.title == "Backendutvecklare till plattformsteamet"


def test_ad_document_leaves_out_empty_sections_and_falls_back_to_the_role():
    data = realistic_profile()
    data["ad"] = {**empty_profile()["ad"], "must": "• Körkort B"}
    document = open_doc(ad_docx(data, "en"))
    assert document.paragraphs[0].text == "Backendutvecklare"
    assert headings(document) == ["What we require"]
    empty = open_doc(ad_docx(empty_profile(), "sv"))
    assert [p.text for p in empty.paragraphs] == ["Annons", "—"]


def test_ad_drafted_from_the_profile_renders(fw):
    from recruitment_core.profile import draft_ad

    data = realistic_profile()
    data["ad"] = draft_ad(data, fw, "sv")
    text = all_text(open_doc(ad_docx(data, "sv")))
    assert "Minst två års yrkeserfarenhet av Python i produktion" in text
    assert "Personlig kompetens som rollen kräver:" in text
    assert fw.get("collaboration").ad[3]["sv"] in text


# ---------------------------------------------------------------- blank templates

EXPECTED_HEADINGS = {
    ("kravprofil", "sv"): ["1. Grunduppgifter", "2. Syfte och mål", "3. Arbetsuppgifter", "4. Skallkrav och meriterande",
                           "5. Kompetenser", "6. Villkor", "7. Rekryteringsprocess"],
    ("kravprofil", "en"): ["1. Basics", "2. Purpose and goals", "3. Tasks", "4. Must-haves and merits",
                           "5. Competencies", "6. Conditions", "7. Recruitment process"],
    ("annons", "sv"): ["Rubrik", "Inledning", "Arbetsuppgifter", "Vi söker dig som har", "Meriterande",
                       "Personlig kompetens som rollen kräver", "Vi erbjuder", "Process och kontakt", "Skrivtips"],
    ("annons", "en"): ["Title", "Introduction", "What you will do", "What we require", "Nice to have",
                       "Personal competencies the role needs", "What we offer", "Process and contact",
                       "Writing tips"],
    ("telefonavstamning", "sv"): ["1. Inledning (2–3 minuter)", "2. Skallkrav (5–10 minuter)",
                                  "3. Motivation (5–10 minuter)", "4. Processen framåt (3–5 minuter)",
                                  "5. Anteckningar och bedömning"],
    ("telefonavstamning", "en"): ["1. Opening (2–3 minutes)", "2. Must-haves (5–10 minutes)",
                                  "3. Motivation (5–10 minutes)", "4. Next steps (3–5 minutes)",
                                  "5. Notes and assessment"],
    ("intervju", "sv"): ["Före intervjun", "1. Inledning (cirka 5 minuter)", "2. Kompetensfrågor (cirka 40 minuter)",
                         "3. Kandidatens frågor och avslut (cirka 10 minuter)", "4. Bedömning"],
    ("intervju", "en"): ["Before the interview", "1. Opening (about 5 minutes)",
                         "2. Competency questions (about 40 minutes)",
                         "3. The candidate's questions and close (about 10 minutes)", "4. Assessment"],
    ("referenstagning", "sv"): ["Innan du ringer", "1. Inledning", "2. Relation och sammanhang",
                                "3. Kompetenser från kravprofilen", "4. Avslutande frågor", "5. Anteckningar",
                                "Dataskydd (GDPR)"],
    ("referenstagning", "en"): ["Before you call", "1. Opening", "2. Relationship and context",
                                "3. Competencies from the requirement profile", "4. Closing questions", "5. Notes",
                                "Data protection (GDPR)"],
    ("avslag", "sv"): ["Före beskedet", "1. Efter ansökan (mejl)",
                       "2. Efter telefonavstämning eller intervju (samtal och mejl)",
                       "3. Till en kandidat ni vill behålla kontakten med", "Dataskydd (GDPR)"],
    ("avslag", "en"): ["Before you send it", "1. After the application (e-mail)",
                       "2. After a phone screen or interview (call and e-mail)",
                       "3. To a candidate you want to stay in touch with", "Data protection (GDPR)"],
}

EXPECTED_PHRASES = {
    "kravprofil": ["GERS", "Varför behövs det?", "Hur och när bedöms det?", "Skallkrav eller meriterande",
                   "Beslut och besked till alla kandidater", "Diskrimineringslagen (SFS 2008:567)"],
    "annons": ["Gaucher, Friesen & Kay 2011", "minst 20 år", "33 %", "Talent Board"],
    "telefonavstamning": ["20–30 minuter", "rätt att arbeta i Sverige", "uppsägningstid", "lönespann",
                          "tidigare lön", "2023/970",
                          "Vad fick dig att söka", "när kandidaten får besked", "Två år är vanlig praxis"],
    "intervju": ["Situation – Beteende – Resultat", "STAR", "Sätt ditt betyg på varje kompetens ensam",
                 "0,42 mot 0,19", "mellan −1 och 1", "Haloeffekt", "Mitt betyg (1–5)", "Beteendeankare",
                 "Kompetens 8:"],
    "referenstagning": ["kännedom och godkännande", "ungefär tre referenser", "samma frågor till varje referens",
                        "konkreta exempel", "berättigat intresse", "två år är vanlig praxis"],
    "avslag": ["Varje kandidat ska få ett besked", "7 %", "Talent Board", "Efter en intervju ringer du först",
               "Vad som saknades i förhållande till kravet", "Två år är vanlig praxis, ingen lagregel",
               "kräver kandidatens samtycke", "Vi sparar din ansökan till [datum]"],
}


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_blank_template_opens_with_its_headings(kind, lang):
    document = open_doc(blank_template_docx(kind, lang))
    assert headings(document) == EXPECTED_HEADINGS[(kind, lang)]
    assert document.paragraphs[0].style.name == "Title"
    assert document.core_properties.title == document.paragraphs[0].text
    assert document.core_properties.language == {"sv": "sv-SE", "en": "en-GB"}[lang]
    assert headings(document, 2)[-1] == {"sv": "Källor", "en": "Sources"}[lang]
    assert document.tables, "a template gives room to fill in"


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_blank_template_content_sv(kind):
    text = all_text(open_doc(blank_template_docx(kind)))
    for phrase in EXPECTED_PHRASES[kind]:
        assert phrase in text, phrase


def test_rejection_template_suggestions_pass_the_wording_checks_and_keep_placeholders():
    """The suggested messages are text the tool writes for the learner: no flag above 'low' (gender-coded
    words such as ”vänliga” are only counted), in both languages; the placeholders are there to fill in."""
    from recruitment_core.documents.template_text import AVSLAG
    from recruitment_core.wording import check_text

    suggestions = [block[1] for block in AVSLAG if block[0] == "tip" and block[1]["sv"].startswith("Förslag")]
    assert len(suggestions) == 2
    for text in suggestions:
        assert text["en"].startswith("Suggestion")
        for lang in ("sv", "en"):
            assert [f["match"] for f in check_text(text[lang], lang) if f["severity"] != "low"] == []
            assert "[datum]" in text[lang] or "[date]" in text[lang]
    document = open_doc(blank_template_docx("avslag", "en"))
    assert document.paragraphs[0].text == "Rejection messages to candidates"
    grid = [t for t in document.tables if t.rows[0].cells[0].text == "Requirement or competency"]
    assert len(grid) == 1 and len(grid[0].rows) == 5          # header + four rows to fill in


def test_interview_template_rates_each_competency_with_anchors():
    document = open_doc(blank_template_docx("intervju", "sv"))
    anchor_tables = [t for t in document.tables if t.rows[0].cells[1].text == "Beteendeankare"]
    # "Choose 5–8 competencies" (US OPM 2008): a block for each of up to eight, and a rating row for each.
    assert "5–8 kompetenser" in all_text(document)
    assert len(anchor_tables) == 8
    assert [row[0] for row in table_rows(anchor_tables[0])[1:]] == ["1", "2", "3", "4", "5"]
    assert len([h for h in headings(document, 2) if h.startswith("Kompetens ")]) == 8
    rating = next(t for t in document.tables if t.rows[0].cells[0].text == "Kompetens")
    assert len(rating.rows) == 1 + 8


def test_template_language_normalization_and_unknown_kind():
    assert blank_template_docx("annons", "en-us") == blank_template_docx("annons", "en")
    assert blank_template_docx("annons", "de") == blank_template_docx("annons", "sv")
    with pytest.raises(ValueError):
        blank_template_docx("cv")
    assert TEMPLATE_KINDS == ("kravprofil", "annons", "telefonavstamning", "intervju", "referenstagning", "avslag")


# ---------------------------------------------------------------- determinism

def test_same_input_gives_the_same_bytes(fw):
    assert kravprofil_docx(realistic_profile(), fw, "sv") == kravprofil_docx(realistic_profile(), fw, "sv")
    assert ad_docx(realistic_profile(), "en") == ad_docx(realistic_profile(), "en")
    for kind in TEMPLATE_KINDS:
        assert blank_template_docx(kind) == blank_template_docx(kind)   # no cache: built twice
    other = realistic_profile()
    other["basics"]["role"] = "Frontendutvecklare"
    assert kravprofil_docx(other, fw, "sv") != kravprofil_docx(realistic_profile(), fw, "sv")


def test_zip_entries_have_fixed_dates(fw):
    with zipfile.ZipFile(io.BytesIO(kravprofil_docx(realistic_profile(), fw, "sv"))) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {info.date_time for info in infos} == {dc.ZIP_DATE}
        assert archive.testzip() is None


# ---------------------------------------------------------------- layout (what LibreOffice and Word show)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_tables_have_fixed_column_widths_a_shaded_header_and_fit_the_page(fw):
    document = open_doc(kravprofil_docx(realistic_profile(), fw, "sv"))
    requirements = document.tables[1]._tbl
    assert requirements.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    grid = [int(col.get(f"{W}w")) for col in requirements.iter(f"{W}gridCol")]
    assert grid[0] > grid[3] * 2          # the requirement text gets room, the weight column little
    assert sum(grid) <= round(dc.TEXT_WIDTH_CM * 567) + len(grid)
    first_row = requirements.findall(f"{W}tr")[0]
    assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == dc.HEADER_FILL for tc in first_row.findall(f"{W}tc"))
    for table in document.tables:          # every cell's width matches its grid column
        cols = [col.get(f"{W}w") for col in table._tbl.iter(f"{W}gridCol")]
        for tr in table._tbl.findall(f"{W}tr"):
            assert [tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w") for tc in tr.findall(f"{W}tc")] == cols


def test_blank_forms_leave_room_to_write_and_filled_tables_do_not():
    interview = open_doc(blank_template_docx("intervju", "sv"))
    heights = [int(h.get(f"{W}val")) for t in interview.tables for h in t._tbl.iter(f"{W}trHeight")]
    assert heights and min(heights) >= round(dc.FORM_ROW_CM * 567)
    assert max(heights) >= 2 * 567          # Situation / Behaviour / Result rows hold a few lines of notes
    filled = open_doc(kravprofil_docx(realistic_profile(), None, "sv"))
    assert not [h for t in filled.tables for h in t._tbl.iter(f"{W}trHeight")]


def test_body_text_uses_one_sans_serif_font():
    with zipfile.ZipFile(io.BytesIO(blank_template_docx("annons", "sv"))) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert f'w:ascii="{dc.BODY_FONT}"' in styles and 'w:asciiTheme="minorHAnsi"' not in styles.split("</w:docDefaults>")[0]


# ---------------------------------------------------------------- prebuilt templates (package data)

@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_shipped_template_is_identical_to_a_fresh_build(kind, lang):
    """Fails when the code changes and ``make templates`` was not run."""
    path = prebuilt.prebuilt_path(kind, lang)
    assert path.is_file(), f"{path.name} missing: run make templates"
    assert path.read_bytes() == blank_template_docx(kind, lang), f"{path.name} is stale: run make templates"
    assert prebuilt.prebuilt_template(kind, lang) == path.read_bytes()


def test_prebuilt_lookup_normalizes_language_rejects_unknown_kinds_and_builds_when_missing(tmp_path, monkeypatch):
    assert prebuilt.prebuilt_template("annons", "en-GB") == prebuilt.prebuilt_path("annons", "en").read_bytes()
    with pytest.raises(ValueError):
        prebuilt.prebuilt_template("../kravprofil")
    monkeypatch.setattr(prebuilt, "FOLDER", tmp_path)           # e.g. a wheel without the data files
    assert prebuilt.prebuilt_template("intervju", "sv") == blank_template_docx("intervju", "sv")
    assert sorted(p.name for p in prebuilt.write_prebuilt(tmp_path / "out")) == sorted(
        f"{kind}_{lang}.docx" for kind in TEMPLATE_KINDS for lang in ("sv", "en"))
