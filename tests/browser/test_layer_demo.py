"""A block of a few lines on the layer (tests/xblock_layer/demo_block.py + static/js/layer_demo.js, one text
"note"): it gets the shared autosave, conflict handling, limits, the download guard and the layer's texts."""
import pytest

from .conftest import pretty

pytestmark = pytest.mark.browser

ROOT = ".layer-demo"
NOTE = ROOT + ' [data-field="note"]'
STATUS = ROOT + " .ld-status"
_SAVED_JS = """() => {
    const s = document.querySelector('.layer-demo .ld-status');
    return /\\d\\d:\\d\\d/.test(s.textContent) && !s.classList.contains('xbl-error')
        && !Object.keys(localStorage).some(k => k.startsWith('layer_demo:') && k.includes('#'));
}"""


def open_demo(page, url):
    response = page.goto(url)
    assert response.status == 200
    page.locator(NOTE).wait_for()
    return page


def test_the_demo_block_saves_keeps_and_downloads(new_page, scenario_url):
    url = scenario_url("layer_demo")
    page = open_demo(new_page("sv"), url)
    page.locator(NOTE).fill("Min första anteckning")
    page.wait_for_function(_SAVED_JS)  # the debounced autosave, no button needed
    assert page.locator(STATUS).get_attribute("aria-live") == "polite"
    assert page.locator(STATUS).inner_text().startswith("Sparat")  # the layer's Swedish texts
    fresh = open_demo(new_page("sv"), url)
    assert fresh.locator(NOTE).input_value() == "Min första anteckning"
    with fresh.expect_download() as info:
        fresh.locator(ROOT + " a[data-download]").click()
    with open(info.value.path(), "rb") as handle:
        assert "Min första anteckning" in handle.read().decode("utf-8")
    # Offline, the link says why instead of opening the browser's error page.
    fresh.context.set_offline(True)
    fresh.locator(ROOT + " a[data-download]").click()
    fresh.wait_for_function("() => document.querySelector('.layer-demo .ld-status').classList.contains('xbl-error')")
    assert fresh.url == url


def test_the_demo_block_speaks_english_too(new_page, scenario_url):
    page = open_demo(new_page("en"), scenario_url("layer_demo"))
    page.locator(NOTE).fill("My note")
    page.wait_for_function(_SAVED_JS)
    assert page.locator(STATUS).inner_text().startswith("Saved")


def test_the_demo_block_asks_when_both_tabs_changed_the_note_and_keeps_the_other(new_page, scenario_url, axe_scan):
    url = scenario_url("layer_demo")
    first = open_demo(new_page("sv"), url)
    second = open_demo(new_page(context=first.context), url)
    first.locator(NOTE).fill("Skrivet i flik A")
    first.wait_for_function(_SAVED_JS)
    second.locator(NOTE).evaluate(
        "el => { el.value = 'Skrivet i flik B'; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    dialog = second.locator(ROOT + " .xbl-dlg")
    dialog.wait_for()
    assert dialog.get_attribute("role") == "alertdialog"
    assert [t.inner_text() for t in dialog.locator(".xbl-text").all()] == ["Skrivet i flik B", "Skrivet i flik A"]
    violations = axe_scan(second, ROOT + " .xbl-dlg")
    assert not violations, pretty(violations)
    dialog.locator("button").first.click()  # keep mine
    second.wait_for_function(_SAVED_JS)
    assert "Skrivet i flik A" in second.locator(ROOT + " .xbl-alt").inner_text()
    assert open_demo(new_page("sv"), url).locator(NOTE).input_value() == "Skrivet i flik B"


def test_the_demo_block_counts_near_its_limit(new_page, scenario_url):
    page = open_demo(new_page("sv"), scenario_url("layer_demo"))
    limit = int(page.locator(NOTE).get_attribute("maxlength"))
    page.locator(NOTE).fill("x" * limit)
    counter = page.locator(ROOT + " .xbl-n")
    counter.wait_for()
    assert "xbl-full" in counter.get_attribute("class")
    assert counter.get_attribute("id") in page.locator(NOTE).get_attribute("aria-describedby")
