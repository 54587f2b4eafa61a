"""Keyboard-only use, visible focus, axe-core, the English UI and hostile text in the kravprofil block."""
import re

import pytest

from .conftest import pretty
from .kravprofil_page import KravprofilPage, docx_text

pytestmark = pytest.mark.browser

# Everything a person can operate in the block: what keyboard-only use must reach.
_OPERABLE_JS = """() => {
    const root = document.querySelector('.kravprofil-block');
    const all = root.querySelectorAll('input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])');
    let n = 0;
    const out = [];
    for (const el of all) {
        const visible = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        if (!visible || el.disabled || el.closest('[hidden], template')) { continue; }
        el.setAttribute('data-kb-id', String(n));
        out.push({id: String(n), what: el.getAttribute('data-field') || el.getAttribute('data-action')
                  || el.getAttribute('data-download') || el.tagName});
        n += 1;
    }
    return out;
}"""

_ACTIVE_JS = """() => {
    const el = document.activeElement;
    const root = document.querySelector('.kravprofil-block');
    if (!el || !root.contains(el)) { return {inside: false}; }
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {inside: true, id: el.getAttribute('data-kb-id'), action: el.getAttribute('data-action'),
            what: el.getAttribute('data-field') || el.getAttribute('data-action') || el.tagName,
            focusVisible: el.matches(':focus-visible'), visibleFocus: outline || shadow};
}"""


def tab_walk(page, limit):
    """Press Tab from the top of the page; yield what gets the focus inside the block until focus leaves it."""
    page.locator("body").click(position={"x": 2, "y": 2})  # start before the block, focus on the page
    entered = False
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE_JS)
        if active["inside"]:
            entered = True
            yield active
        elif entered:
            return


def test_keyboard_only_reaches_every_field_and_button_with_visible_focus(page, scenario_url):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    # First pass with Tab only; on the "add" buttons press Enter so a task and a requirement row exist.
    created = set()
    for active in tab_walk(page, 400):
        if active["action"] in ("add-task", "add-requirement") and active["action"] not in created:
            created.add(active["action"])
            page.keyboard.press("Enter")  # the new row's first field gets the focus
    assert created == {"add-task", "add-requirement"}, "the add buttons were not reached by Tab"

    # Second pass, now with rows: record what Tab reaches and how focus looks there.
    operable = page.evaluate(_OPERABLE_JS)
    reached, invisible = {}, []
    for active in tab_walk(page, len(operable) + 60):
        reached[active["id"]] = active["what"]
        if not (active["focusVisible"] and active["visibleFocus"]):
            invisible.append(active["what"])
    missing = [item for item in operable if item["id"] not in reached]
    assert not missing, f"not reachable with Tab: {pretty(missing)}"
    assert not invisible, f"focus not visible on: {invisible}"
    assert kp.tasks().count() == 1 and kp.requirements().count() == 1


def test_keyboard_only_can_fill_and_save(page, scenario_url):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    kp.field("basics.role").focus()
    page.keyboard.type("Undersköterska")
    page.keyboard.press("Tab")
    page.keyboard.type("Avdelning 12")
    kp.button("save").focus()
    page.keyboard.press("Enter")
    kp.wait_all_saved()
    # The save status is announced politely to screen readers and says that it saved.
    status = kp.status()
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.search(r"\d\d:\d\d", status.inner_text()), status.inner_text()
    kp.reload()
    assert kp.values(["basics.role", "basics.team"]) == {"basics.role": "Undersköterska",
                                                         "basics.team": "Avdelning 12"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axe_finds_no_serious_or_critical_violations(new_page, scenario_url, axe_scan, lang):
    kp = KravprofilPage(new_page(lang)).open(scenario_url("kravprofil"))
    kp.fill({"basics.role": "Butikssäljare", "purpose.purpose": "Vi söker en driven rockstjärna"})
    kp.add_task("Ta emot varor")
    kp.add_requirement({"text": "Körkort B", "category": "certificate", "must": True})
    kp.choose_competency(1, 2)
    kp.save()
    kp.advice_items().first.wait_for()
    violations = axe_scan(kp.page, ".kravprofil-block")
    assert not violations, pretty(violations)
    # The conflict dialog is scanned where a real conflict opens it (test_autosave.py).


def test_english_ui_when_the_language_is_en(new_page, scenario_url, shoot):
    kp = KravprofilPage(new_page("en")).open(scenario_url("kravprofil"))
    assert kp.root.get_attribute("lang") == "en"
    assert kp.button("save").inner_text().strip() == "Save now"
    assert kp.button("add-requirement").inner_text().strip() == "Add a requirement"
    assert kp.root.locator('a[data-download="ad"]').inner_text().strip() == "Download the job ad (Word)"
    kp.add_requirement({"text": "Young and energetic", "category": "personal", "must": True,
                        "why": "Fast pace.", "assessment": "Interview", "stage": "Interview"})
    kp.save()
    item = kp.wait_advice(ground="age").first
    assert "age" in item.inner_text().lower()
    kp.page.set_viewport_size({"width": 1280, "height": 900})
    shoot(kp.page, "kravprofil-en")

    sv = KravprofilPage(new_page("sv")).open(scenario_url("kravprofil"))
    assert sv.root.get_attribute("lang") == "sv"
    assert sv.button("save").inner_text().strip() not in ("", "Save now")
    assert sv.button("add-requirement").inner_text().strip() != "Add a requirement"


XSS = "<img src=x onerror=alert(1)>\"'></textarea></script><script>alert(2)</script>&amp; {{7*7}} ${7*7}"


def test_xss_in_fields_shows_as_text(page, scenario_url):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    kp.fill({"basics.role": XSS, "purpose.goals": XSS})
    kp.add_task(XSS)
    kp.add_requirement({"text": XSS, "why": XSS, "assessment": XSS, "stage": XSS, "level": XSS})
    kp.save()
    kp.draft_ad()
    kp.save()
    kp.reload()

    assert kp.field("basics.role").input_value() == XSS
    assert kp.field("purpose.goals").input_value() == XSS
    assert kp.tasks().first.locator('[data-field="text"]').input_value() == XSS
    assert kp.requirement_values()[0]["why"] == XSS
    assert XSS in kp.field("ad.title").input_value() or XSS in kp.field("ad.must").input_value()
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("Array.from(document.scripts).filter(s => s.type !== 'application/json'"
                         " && s.textContent.includes('alert(')).length") == 0, "learner text inside a script"

    with page.context.expect_page() as info:
        kp.button("print").click()
    printed = info.value
    # The tab opens at once (no pop-up blocker); it goes to the print view once the server has answered.
    printed.wait_for_url("**/print_view/**")
    printed.wait_for_load_state()
    assert XSS in printed.locator("body").inner_text()
    assert printed.locator("img[src='x']").count() == 0

    data, _ = kp.download("kravprofil")
    assert XSS in docx_text(data)
    assert page.watch.dialogs == [], f"a dialog fired: {page.watch.dialogs}"
    assert printed.watch.dialogs == [], f"a dialog fired in the print view: {printed.watch.dialogs}"


def test_narrow_screen_has_no_horizontal_scroll(page, scenario_url):
    """Learners on a phone (or in the learning MFE's narrow iframe) see the whole form without side-scrolling."""
    page.set_viewport_size({"width": 360, "height": 740})
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    kp.add_requirement({"text": "Körkort B", "category": "certificate", "must": True})
    kp.choose_competency(0, 3)
    overflow = page.evaluate("""() => {
        const root = document.querySelector('.kravprofil-block');
        const limit = root.getBoundingClientRect().right + 1;
        return Array.from(root.querySelectorAll('*'))
            .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > limit)
            .map(el => el.tagName + (el.getAttribute('data-field') ? '[' + el.getAttribute('data-field') + ']' : ''))
            .slice(0, 10);
    }""")
    assert not overflow, f"wider than the block on a 360 px screen: {overflow}"
    assert page.evaluate("document.querySelector('.kravprofil-block').scrollWidth") <= page.evaluate(
        "document.querySelector('.kravprofil-block').clientWidth") + 1
