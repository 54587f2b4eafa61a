"""A built framework page in a real browser (Debian's Chromium, headless, through Playwright), with the browser's
default styles only (the session's browser of tests/browser/conftest.py): no stylesheet of ours reaches an HTML component in the LMS, so the page must read well
without one. axe-core finds no serious or critical violation; the screenshot goes to test-results/screenshots
(docs/screenshots with UPDATE_SCREENSHOTS=1, as `make screenshots` does for the README's pictures)."""
import os
from html import escape
from pathlib import Path

import pytest

from recruitment_core.framework import load_default_framework
from recruitment_core.questions import load_default_bank
from tests.course_export import conftest as export_fixtures
from tests.course_export.olx_reading import parse

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ("docs/screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else "test-results/screenshots")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.browser
built_course = export_fixtures.built_course     # the shipped default course, built once (a fixture)


def lms_like_document(folder, url_name):
    """The component as the LMS serves it: the unit title as the page heading, the component's HTML below."""
    title = parse(folder / "html" / f"{url_name}.xml").get("display_name")
    body = (folder / "html" / f"{url_name}.html").read_text(encoding="utf-8")
    return (f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body><main><h1>{escape(title)}</h1>{body}</main></body></html>")


def test_a_competency_page_reads_well_without_a_stylesheet(built_course, browser, tmp_path):
    _, _, folder = built_course
    comp = load_default_framework().competencies[0]
    questions = load_default_bank().for_competency(comp.id)
    path = tmp_path / "page.html"
    path.write_text(lms_like_document(folder, f"ramverk_och_fragor_{comp.id}"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 900, "height": 1400})
    try:
        page.goto(path.as_uri())
        headings = page.eval_on_selector_all("h1, h2, h3, h4", "els => els.map(e => [e.tagName, e.innerText])")
        assert headings[0] == ["H1", comp.name["sv"]]
        assert [text for tag, text in headings if tag == "H3"] == [
            f"{i}. {q.question['sv']}" for i, q in enumerate(questions, start=1)]
        # Labels and their texts stay apart visually: a level's label is bold, its text indented below it.
        dt = page.locator("dl dt").first
        dd = page.locator("dl dd").first
        assert int(dt.evaluate("e => getComputedStyle(e.querySelector('strong')).fontWeight")) >= 700
        assert dd.bounding_box()["x"] > dt.bounding_box()["x"] + 20
        if AXE_JS.is_file():
            page.add_script_tag(path=str(AXE_JS))
            violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
                .violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)""")
            assert violations == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "course-export-framework-pages.png"))
    finally:
        page.close()


def test_every_framework_page_passes_axe(built_course, browser, tmp_path):
    if not AXE_JS.is_file():
        pytest.skip(f"{AXE_JS} is missing: run `npm ci` in the project root")
    _, _, folder = built_course
    names = sorted(p.stem for p in (folder / "html").glob("ramverk_och_fragor*.xml"))
    assert len(names) == 1 + len(load_default_framework().competencies) + 3
    page = browser.new_page()
    try:
        for name in names:
            path = tmp_path / f"{name}.html"
            path.write_text(lms_like_document(folder, name), encoding="utf-8")
            page.goto(path.as_uri())
            page.add_script_tag(path=str(AXE_JS))
            violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
                .violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)""")
            assert violations == [], name
    finally:
        page.close()
