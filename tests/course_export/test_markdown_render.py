"""Markdown rendering: the plain-text fast path gives exactly the renderer's (cmarkgfm) output."""
import glob

import pytest
import yaml

from course_export.markdown_render import markdown_to_html, plain_paragraphs, sanitize

SAMPLES = [
    "Hej och välkommen!", "En rad.\nTvå rader.\n\n\nTredje stycket – med tankstreck och \"citat\".",
    "abc \ndef", " abc\n  def", "abc\t\ndef", "a\n \nb", "\n\nx\n\n", "tre.  fyra", "åäö ÅÄÖ – é 4,4 %",
    "5 > 3", "a & b", "- lista", "1. lista", "1) lista", "Rubrik\n======", "Rubrik\n---", "    kod",
    "*kursiv*", "__fet__", "[länk](x)", "rad med två mellanslag  \nnästa", "# rubrik", "| a | b |",
    "`kod`", "!bild", "text\\", "citat\n> här", "+ plus", "12. maj", "3.5 procent", "-5 grader",
    "~~~\nkod", "```\nkod", "a\u00a0\nb", "\u00a0a", "a\u2003", "nul\x00", "x\n\u00a0\ny", "Han sa \"hej\".",
    "a\n\n\n\nb\n", "rad\fny", "a\vb", "[ref]: /url", "<https://x.se>", "&amp;", "* * *", "===",
]


def _md(text):
    return markdown_to_html(text)


def _course_texts():
    texts = []
    paths = glob.glob("course_export/default_course/**/*.yaml", recursive=True) + \
        glob.glob("tests/course_export/data/sample_course/**/*.yaml", recursive=True)
    for path in paths:
        data = yaml.safe_load(open(path, encoding="utf-8"))
        texts += [v for k, v in data.items() if isinstance(v, str) and k in
                  ("manuscript", "transcript", "description", "intro")]
    return texts


@pytest.mark.parametrize("text", SAMPLES + _course_texts())
def test_fast_path_equals_markdown(text):
    fast = plain_paragraphs(text)
    if fast is not None:
        assert fast == _md(text)


def test_fast_path_is_used_for_plain_text_and_not_for_markdown():
    assert plain_paragraphs("Vanlig text.\n\nTvå stycken.") == "<p>Vanlig text.</p>\n<p>Två stycken.</p>\n"
    for text in ("*x*", "- a", "# h", "a & b", "<b>x</b>", "x  \ny", " x"):
        assert plain_paragraphs(text) is None


def test_sanitize_keeps_article_markup_and_drops_scripts():
    html = sanitize('<h2>R</h2><table><tr><td style="text-align: left; color: red">c</td></tr></table>'
                    '<img src="/static/a.png" alt="A" onerror="x()"><a href="javascript:alert(1)">l</a>'
                    '<script>alert(1)</script><iframe src="https://x"></iframe>')
    assert "<h2>R</h2>" in html and 'style="text-align:left"' in html and 'alt="A"' in html
    for bad in ("onerror", "javascript:", "<script", "<iframe", "color: red"):
        assert bad not in html
