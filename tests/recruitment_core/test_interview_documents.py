"""Interview guide and scoring sheet as Word documents: content, escaping, languages, reproducible bytes."""
import io

import docx
import pytest

from recruitment_core.documents import guide_docx, scoring_sheet_docx
from recruitment_core.framework import load_default_framework
from recruitment_core.guide import GuideError, empty_guide
from recruitment_core.questions import load_default_bank

HOSTILE = "<script>alert(1)</script> & ]]> \x01\x0b"


@pytest.fixture(scope="module")
def bank():
    return load_default_bank()


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


def sample(**changes):
    data = empty_guide("interview", "sv", 60)
    data["competencies"] = ["collaboration", "problem_solving"]
    data["items"] = [{"ref": "collaboration_2", "competency": "collaboration", "text": ""},
                     {"ref": "", "competency": "problem_solving", "text": "Berätta om ett svårt beslut. " + HOSTILE}]
    data["interviewers"] = [
        {"name": "Anna Chef", "seniority": 5, "submitted": True, "ratings": {
            "collaboration": {"score": 4, "evidence": "Tog upp oenigheten direkt"},
            "problem_solving": {"score": 2, "evidence": "Inget resultat"}}},
        {"name": "Bo " + HOSTILE, "seniority": 1, "submitted": True, "ratings": {
            "collaboration": {"score": 2, "evidence": "Sa mest vi"},
            "problem_solving": {"score": "na", "evidence": ""}}}]
    data["practicalities"]["notice_period"] = "3 månader"
    data.update(changes)
    return data


def text_of(blob):
    doc = docx.Document(io.BytesIO(blob))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts), doc


def test_guide_document_in_swedish(bank, fw):
    blob = guide_docx(sample(), bank, fw, "interview", "sv", role="Säljare", planned_minutes=60)
    text, doc = text_of(blob)
    assert doc.core_properties.title == "Intervjuguide: Säljare"
    assert doc.core_properties.language == "sv-SE"
    for expected in ("Inledning", "Samarbetsförmåga", bank.get("collaboration_2").question["sv"],
                     "Situation: Vad handlade oenigheten om", "Beteende:", "Resultat:", "Tecken på ett svagt svar",
                     "Egen fråga", "Kandidatens frågor", "Avslutning", "När kandidaten får besked", "0,42",
                     "3 månader", "Beräknad tid:"):
        assert expected in text, expected
    assert "<script>alert(1)</script> &" in text and "\x01" not in text


def test_scoring_sheet_with_consensus_in_english(bank, fw):
    blob = scoring_sheet_docx(sample(), bank, fw, "interview", "en", role="Seller")
    text, doc = text_of(blob)
    assert doc.core_properties.title == "Scoring sheet: Seller"
    comp = fw.get("collaboration")
    for expected in ("Collaboration", comp.levels[1]["en"], comp.levels[5]["en"],
                     bank.get("collaboration_2").anchors[3]["en"], "Tog upp oenigheten direkt", "Not assessed",
                     "Consensus rating", "Debrief order", "Talk first about", "Halo effect", "Notice period",
                     "3 månader"):
        assert expected in text, expected
    # Most senior last in the debrief order; the spread of collaboration is 2.
    order = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert order[-1] == "Anna Chef" and order[0].startswith("Bo ")
    assert any(line.startswith("Collaboration | 4 | 2 | 2 | 3 |") for line in text.splitlines())


def test_scoring_sheet_before_everyone_has_handed_in(bank, fw):
    data = sample()
    data["interviewers"][1]["submitted"] = False
    text, _ = text_of(scoring_sheet_docx(data, bank, fw, "interview", "sv"))
    assert "Väntar på att alla ska bli klara" in text and "Prata först om" not in text


def test_blank_scoring_sheet_and_phone_and_reference_guides(bank, fw):
    data = empty_guide("interview", "sv", 60)
    data["competencies"] = ["communication"]
    text, _ = text_of(scoring_sheet_docx(data, bank, fw, "interview", "sv"))
    assert "Kommunikativ förmåga" in text and "Lägg till minst två intervjuare" in text
    phone = empty_guide("phone_screen", "sv", 30)
    phone["items"] = [{"ref": "ps_pay", "competency": "", "text": ""}]
    text, doc = text_of(guide_docx(phone, bank, fw, "phone_screen", "sv", role="Säljare"))
    assert doc.core_properties.title == "Telefonavstämning: Säljare"
    assert "2023/970" in text and bank.get("ps_pay").question["sv"] in text
    ref = empty_guide("reference_check", "en", 30)
    ref["competencies"] = ["collaboration", "initiative"]
    ref["items"] = [{"ref": "rc_competency_example", "competency": "", "text": ""}]
    text, _ = text_of(guide_docx(ref, bank, fw, "reference_check", "en"))
    assert "show collaboration?" in text and "show initiative?" in text and "legitimate interest" in text


def test_documents_are_reproducible_and_validate_first(bank, fw):
    assert guide_docx(sample(), bank, fw, "interview", "sv") == guide_docx(sample(), bank, fw, "interview", "sv")
    with pytest.raises(GuideError):
        scoring_sheet_docx({"items": "x"}, bank, fw, "interview", "sv")


def test_an_own_question_that_must_not_be_asked_is_marked_in_the_guide(bank, fw):
    """QA: "Hur gammal är du?" went into the Word guide a manager takes into the interview, with no warning."""
    data = sample()
    data["items"].append({"ref": "", "competency": "collaboration", "text": "Hur gammal är du?"})
    text, _ = text_of(guide_docx(data, bank, fw, "interview", "sv", role="Säljare"))
    lines = text.split("\n")
    at = lines.index("Hur gammal är du?")
    assert lines[at + 1].startswith("Obs! Ställ inte frågan så här") and "(Ålder)" in lines[at + 1]
    assert text.count("Obs! Ställ inte frågan") == 1  # the other questions are fine
    en, _ = text_of(guide_docx(data, bank, fw, "interview", "en"))
    assert "Note: do not ask this question as it stands" in en


@pytest.mark.parametrize("guide_type, notes", [("interview", "Anteckningar: vad kandidaten sa att hen gjorde"),
                                               ("reference_check", "Anteckningar: vad referensen sa att kandidaten gjorde"),
                                               ("phone_screen", "Anteckningar: kandidatens svar")])
def test_the_notes_box_says_whose_words_go_in_it(bank, fw, guide_type, notes):
    """QA: the reference check said "vad kandidaten sa" although the referee is the one talking."""
    data = empty_guide(guide_type, "sv", 30)
    first = (bank.reference_check if guide_type == "reference_check" else bank.phone_screen
             if guide_type == "phone_screen" else bank.questions)[2]
    data["items"] = [{"ref": first.id, "competency": "", "text": ""}]
    text, _ = text_of(guide_docx(data, bank, fw, guide_type, "sv"))
    assert notes in text
    if guide_type != "interview":
        assert "vad kandidaten sa att hen gjorde" not in text


def test_debrief_tip_is_plain_swedish():
    """QA: "så att ingen förankrar de andras bedömning" misuses "förankra" (to win support for something)."""
    from recruitment_core import guide_text as gt
    tip = gt.label("debrief_tip", "sv")
    assert "förankra" not in tip and "påverkar de andras bedömning" in tip


@pytest.mark.parametrize("guide_type, minutes", [("phone_screen", 30), ("reference_check", 45)])
def test_the_call_guides_state_one_length_only(bank, fw, guide_type, minutes):
    """QA: the opening said "cirka 30 minuter" while the bank's first question said "cirka 20 minuter"."""
    import re
    data = empty_guide(guide_type, "sv", minutes)
    data["items"] = [{"ref": b.id, "competency": "", "text": ""}
                     for b in (bank.phone_screen if guide_type == "phone_screen" else bank.reference_check)]
    text, _ = text_of(guide_docx(data, bank, fw, guide_type, "sv", planned_minutes=minutes))
    assert set(re.findall(r"cirka (\d+) minuter", text)) == {str(minutes)}


def test_the_scoring_sheet_points_out_a_rating_without_evidence(bank, fw):
    """QA: the page said a rating had no evidence; the Word sheet left the cell empty."""
    data = sample()
    data["interviewers"][0]["ratings"]["problem_solving"]["evidence"] = ""
    text, _ = text_of(scoring_sheet_docx(data, bank, fw, "interview", "sv", role="Säljare"))
    assert "Anna Chef | 2 | Belägg saknas – skriv vad kandidaten sa att hen gjorde." in text
    assert text.count("Belägg saknas") == 1  # "Inte bedömd" without evidence is fine
