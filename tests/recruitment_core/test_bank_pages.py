"""The framework and the bank as course pages (Markdown) from the same data."""
import pytest
from cmarkgfm import cmark

from recruitment_core.bank_pages import PAGE_KINDS, md, page_markdown
from recruitment_core.framework import load_default_framework
from recruitment_core.questions import load_default_bank, parse_bank_override


@pytest.fixture(scope="module")
def bank():
    return load_default_bank()


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


def html_of(text):
    return cmark.markdown_to_html(text)


def test_every_question_and_competency_is_on_the_bank_page(bank, fw):
    for lang in ("sv", "en"):
        html = html_of(page_markdown("question_bank", bank, fw, lang))
        assert html.count("<h3>") == 60 and html.count("<h2>") == 14
        for q in bank.questions:
            assert q.anchors[3][lang].split()[0] in html
        assert ("Beteende:" if lang == "sv" else "Behaviour:") in html


def test_framework_page_has_every_level(fw, bank):
    html = html_of(page_markdown("framework", bank, fw, "sv"))
    assert html.count("<h3>") == 14 and html.count("<ol>") == 14
    assert fw.get("collaboration").levels[5]["sv"] in html


def test_screens_and_must_not_ask_pages(bank, fw):
    phone = html_of(page_markdown("phone_screen", bank, fw, "sv"))
    assert "Telefonavstämning" in phone and "2023/970" in phone and phone.count("<li>") == len(bank.phone_screen)
    ref = html_of(page_markdown("reference_check", bank, fw, "en"))
    assert "legitimate interest" in ref
    mna = html_of(page_markdown("must_not_ask", bank, fw, "sv"))
    assert mna.count("<h2>") == 8 and "MBL" in mna and "”Har du barn?”" in mna
    with pytest.raises(ValueError):
        page_markdown("quiz", bank, fw, "sv")
    assert set(PAGE_KINDS) == {"framework", "question_bank", "phone_screen", "reference_check", "must_not_ask"}


def test_markdown_in_an_extended_bank_cannot_change_the_page(bank, fw):
    question = dict(bank.questions[0].to_dict(), id="own_x1")
    question["question"] = {"sv": "# Rubrik <script>x</script> [länk](javascript:alert(1)) *fet*", "en": "x"}
    extended = parse_bank_override(__import__("json").dumps({"questions": [question]}), bank, "studio", fw)
    html = html_of(page_markdown("question_bank", extended, fw, "sv"))
    assert "<script>" not in html and 'href="javascript' not in html and "<em>fet</em>" not in html
    assert md("a*b_c") == "a\\*b\\_c"
