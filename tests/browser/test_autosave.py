"""Nothing a learner writes is lost (XBlockLayer's autosave in the kravprofil block), tried the hard way:
two tabs, a failing server, going offline, closing the tab mid-typing, a paste over the limit, a stale page."""
import re
import time

import pytest

from .conftest import pretty
from .kravprofil_page import KravprofilPage

pytestmark = pytest.mark.browser

DIALOG = ".xbl-dlg"
RECOVERY = ".xbl-alt"
ROLE_A = "Projektledare (skrivet i flik A)"
ROLE_B = "Projektchef (skrivet i flik B)"
PURPOSE_B = "Text skriven i flik B som inte får försvinna"
LOCATION_A = "Västerås (flik A)"


def strings(page):
    """The block's translated strings, as the page got them from the server (the conflict UI's come with its
    on-demand file, once loaded)."""
    return page.evaluate("Object.assign({}, window.XBlockLayerUIStrings,"
                         " JSON.parse(document.querySelector('.kravprofil-block .kp-data').textContent).strings)")


def fmt(text, **params):
    return re.sub(r"%\((\w+)\)s", lambda m: str(params[m.group(1)]), text)


def saved_profile(new_page, url):
    """The profile as the server has it: a fresh browser (no local copies) opens the page."""
    return KravprofilPage(new_page("sv")).open(url)


def close_tab(page):
    """Close a tab as a learner does (unload handlers run) and wait until it is gone."""
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 10
    while not page.is_closed() and time.monotonic() < deadline:
        time.sleep(0.05)


def two_tabs(new_page, scenario_url):
    first = new_page("sv")
    second = new_page(context=first.context)  # a second tab of the same browser, same learner
    url = scenario_url("kravprofil")
    return KravprofilPage(first).open(url), KravprofilPage(second).open(url), url


def test_edits_to_different_fields_in_two_tabs_merge_without_asking(new_page, scenario_url):
    tab_a, tab_b, url = two_tabs(new_page, scenario_url)
    tab_a.fill({"basics.role": ROLE_A, "basics.location": LOCATION_A})
    tab_a.save()

    tab_b.fill({"purpose.purpose": PURPOSE_B})  # tab B still has revision 0: the server answers 409
    tab_b.save()
    assert tab_b.root.locator(DIALOG).count() == 0, "no dialog when different fields changed"
    # Tab B now shows tab A's work next to its own, without having asked.
    assert tab_b.values(["basics.role", "basics.location", "purpose.purpose"]) == {
        "basics.role": ROLE_A, "basics.location": LOCATION_A, "purpose.purpose": PURPOSE_B}

    fresh = saved_profile(new_page, url)
    assert fresh.values(["basics.role", "basics.location", "purpose.purpose"]) == {
        "basics.role": ROLE_A, "basics.location": LOCATION_A, "purpose.purpose": PURPOSE_B}


def conflict_on_role(new_page, scenario_url):
    """Tab A saves role + location; tab B changes the role too (and the purpose): B gets the dialog."""
    tab_a, tab_b, url = two_tabs(new_page, scenario_url)
    tab_a.fill({"basics.role": ROLE_A, "basics.location": LOCATION_A})
    tab_a.save()
    # Typed without moving the focus (leaving a field saves at once, and the test should press "save" itself).
    for name, value in (("basics.role", ROLE_B), ("purpose.purpose", PURPOSE_B)):
        tab_b.field(name).evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
                                   value)
    tab_b.button("save").focus()
    tab_b.page.keyboard.press("Enter")
    dialog = tab_b.root.locator(DIALOG)
    dialog.wait_for(state="visible")
    return tab_a, tab_b, url, dialog


def test_same_field_asks_with_both_texts_side_by_side_and_keep_mine_keeps_the_other_tabs_work(
        new_page, scenario_url, axe_scan, shoot):
    _, tab_b, url, dialog = conflict_on_role(new_page, scenario_url)
    page = tab_b.page
    assert dialog.get_attribute("role") == "alertdialog"
    assert page.evaluate("document.activeElement.classList.contains('xbl-dlg')"), "the dialog takes the focus"
    # Only the field changed on both sides is asked about, with both texts side by side.
    rows = dialog.locator(".xbl-cmp")
    assert rows.count() == 1, dialog.inner_text()
    sides = rows.first.locator(".xbl-side")
    assert [sides.nth(i).locator(".xbl-text").inner_text() for i in range(2)] == [ROLE_B, ROLE_A]
    mine_box, theirs_box = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(mine_box["y"] - theirs_box["y"]) < 2 and theirs_box["x"] > mine_box["x"] + mine_box["width"] - 1
    assert "Roll" in rows.first.locator("h4").inner_text()
    violations = axe_scan(page, DIALOG)
    assert not violations, pretty(violations)
    shoot(dialog, "autosave-conflict-desktop")
    page.set_viewport_size({"width": 360, "height": 740})  # a phone: the two texts one above the other
    mine_box, theirs_box = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert theirs_box["y"] >= mine_box["y"] + mine_box["height"] and dialog.bounding_box()["width"] <= 360
    shoot(dialog, "autosave-conflict-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    dialog.focus()

    # Keyboard only: Tab from the dialog reaches "keep mine" first, Enter chooses it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == strings(page)["keep_mine"]
    page.keyboard.press("Enter")
    dialog.wait_for(state="detached")
    tab_b.wait_all_saved()

    fresh = saved_profile(new_page, url)
    assert fresh.values(["basics.role", "basics.location", "purpose.purpose"]) == {
        "basics.role": ROLE_B, "basics.location": LOCATION_A, "purpose.purpose": PURPOSE_B}
    # Tab A's text for the role is not lost: it waits in the recovery area, also after a reload.
    recovery = tab_b.root.locator(RECOVERY)
    assert ROLE_A in recovery.inner_text()
    shoot(recovery, "autosave-recovery-area")
    tab_b.reload()
    assert ROLE_A in recovery.inner_text()
    # Putting it back swaps: tab A's role is saved, tab B's waits in the area.
    recovery.locator("button").first.click()
    assert tab_b.field("basics.role").input_value() == ROLE_A
    assert ROLE_B in recovery.inner_text()
    tab_b.wait_all_saved()
    assert saved_profile(new_page, url).field("basics.role").input_value() == ROLE_A


def test_same_field_use_saved_keeps_my_other_edits_and_my_text_recoverable(new_page, scenario_url, axe_scan):
    _, tab_b, url, dialog = conflict_on_role(new_page, scenario_url)
    page = tab_b.page
    # Keyboard only: the second Tab from the dialog reaches "use the saved version", Space chooses it.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == strings(page)["use_theirs"]
    page.keyboard.press("Space")
    dialog.wait_for(state="detached")
    assert tab_b.field("basics.role").input_value() == ROLE_A
    tab_b.wait_all_saved()
    fresh = saved_profile(new_page, url)
    # The saved role, and tab B's purpose (changed on its side only) were both kept.
    assert fresh.values(["basics.role", "basics.location", "purpose.purpose"]) == {
        "basics.role": ROLE_A, "basics.location": LOCATION_A, "purpose.purpose": PURPOSE_B}
    recovery = tab_b.root.locator(RECOVERY)
    assert ROLE_B in recovery.inner_text()
    # Focus goes back where it was before the dialog opened (the save button), not to the page's top.
    assert page.evaluate("document.activeElement.getAttribute('data-action')") == "save"
    violations = axe_scan(page, RECOVERY)
    assert not violations, pretty(violations)
    # Dismissing is the only way the text goes, and it is the learner's choice.
    recovery.locator("button").nth(1).click()
    recovery.wait_for(state="detached")
    tab_b.reload()
    assert tab_b.root.locator(RECOVERY).count() == 0


def test_if_the_conflict_ui_cannot_load_saves_wait_and_it_is_tried_again(new_page, scenario_url):
    tab_a, tab_b, url = two_tabs(new_page, scenario_url)
    blocked = []

    def fail_once(route):
        if not blocked:
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    tab_b.page.route("**/xblock_layer_ui.js*", fail_once)
    tab_a.fill({"basics.role": ROLE_A})
    tab_a.save()
    tab_b.fill({"basics.role": ROLE_B})
    tab_b.button("save").click()
    tab_b.page.wait_for_function(
        "() => document.querySelector('.kravprofil-block .kp-save-status').classList.contains('xbl-error')")
    assert blocked, "the on-demand file was asked for"
    assert tab_b.field("basics.role").input_value() == ROLE_B  # nothing overwritten meanwhile
    dialog = tab_b.root.locator(DIALOG)
    dialog.wait_for(state="visible", timeout=15_000)  # tried again after a few seconds
    assert ROLE_B in dialog.inner_text() and ROLE_A in dialog.inner_text()


def test_a_failing_server_is_retried_and_the_text_is_kept_in_the_browser(page, scenario_url, new_page):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    failures = []

    def fail_twice(route):
        if len(failures) < 2:
            failures.append(route.request.url)
            route.fulfill(status=503, content_type="application/json", body='{"error": "down"}')
        else:
            route.continue_()

    page.route("**/save_profile/**", fail_twice)
    kp.fill({"basics.role": "Lagerchef (sparas trots fel)"})
    kp.button("save").click()
    status = kp.status()
    page.wait_for_function("() => document.querySelector('.kp-save-status').classList.contains('xbl-error')")
    assert status.inner_text() == fmt(strings(page)["server_error"], status=503)
    copy = page.evaluate("""() => Object.keys(localStorage).filter(k => k.includes('#'))
                              .map(k => JSON.parse(localStorage.getItem(k)).state.basics.role)""")
    assert copy == ["Lagerchef (sparas trots fel)"], "the text is kept in this browser meanwhile"
    kp.wait_all_saved()  # retried with back-off (2 s, 4 s) until the server takes it
    assert len(failures) == 2
    assert saved_profile(new_page, scenario_url("kravprofil")).field("basics.role").input_value() == \
        "Lagerchef (sparas trots fel)"


def test_offline_keeps_the_text_and_going_online_saves_at_once(page, scenario_url, new_page):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    page.context.set_offline(True)
    kp.fill({"purpose.goals": "Skrivet utan nät"})
    kp.button("save").click()
    page.wait_for_function("() => document.querySelector('.kp-save-status').classList.contains('xbl-error')")
    assert kp.status().inner_text() == strings(page)["offline"]
    time.sleep(7)  # three failed tries: the next back-off step is 8 s away
    started = time.monotonic()
    page.context.set_offline(False)
    kp.wait_all_saved()
    assert time.monotonic() - started < 4, "the online event saves at once, not at the next retry"
    fresh = saved_profile(new_page, scenario_url("kravprofil"))
    assert fresh.field("purpose.goals").input_value() == "Skrivet utan nät"


@pytest.mark.parametrize("how", ["close", "navigate"])
def test_leaving_within_the_debounce_loses_nothing(new_page, scenario_url, how):
    page = new_page("sv")
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    text = f"Skrivet precis innan fliken stängdes ({how})"
    kp.field("basics.team").fill(text)  # the debounced save is 1.5 s away
    if how == "close":
        close_tab(page)
    else:
        page.goto("about:blank")
    other = new_page("sv")  # a fresh browser: only the server can have it
    deadline = time.monotonic() + 10
    while True:
        fresh = KravprofilPage(other).open(scenario_url("kravprofil"))
        if fresh.field("basics.team").input_value() == text or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert fresh.field("basics.team").input_value() == text


def test_a_tab_closed_offline_is_restored_and_saved_on_the_next_visit(new_page, scenario_url):
    url = scenario_url("kravprofil")
    page = new_page("sv")
    kp = KravprofilPage(page).open(url)
    page.context.set_offline(True)
    kp.field("conditions.hours").fill("Dagtid, flex 7–18 (skrivet utan nät)")
    later = new_page(context=page.context)  # the same browser (a blank tab keeps it open)
    close_tab(page)  # the keepalive cannot reach the server: only the local copy has it
    later.context.set_offline(False)
    again = KravprofilPage(later).open(url)
    assert again.field("conditions.hours").input_value() == "Dagtid, flex 7–18 (skrivet utan nät)"
    again.wait_all_saved()
    assert strings(again.page)["restored"] in again.status().inner_text()
    fresh = saved_profile(new_page, url)
    assert fresh.field("conditions.hours").input_value() == "Dagtid, flex 7–18 (skrivet utan nät)"


def test_a_copy_left_offline_that_clashes_with_a_later_save_asks_on_the_next_visit(new_page, scenario_url):
    url = scenario_url("kravprofil")
    page = new_page("sv")
    kp = KravprofilPage(page).open(url)
    page.context.set_offline(True)
    kp.fill({"basics.role": "Roll skriven utan nät", "basics.team": "Team skrivet utan nät"})
    later = new_page(context=page.context)
    close_tab(page)
    later.context.set_offline(False)
    other = KravprofilPage(new_page("sv")).open(url)  # meanwhile, on another computer
    other.fill({"basics.role": "Roll sparad på en annan dator"})
    other.save()

    again = KravprofilPage(later).open(url)
    dialog = again.root.locator(DIALOG)
    dialog.wait_for(state="visible")
    assert dialog.locator(".xbl-cmp").count() == 1  # the team changed on one side only: merged, not asked
    assert [t.inner_text() for t in dialog.locator(".xbl-text").all()] == [
        "Roll skriven utan nät", "Roll sparad på en annan dator"]
    dialog.locator("button").nth(1).click()  # use the saved one; mine goes to the recovery area
    again.wait_all_saved()
    assert "Roll skriven utan nät" in again.root.locator(RECOVERY).inner_text()
    fresh = saved_profile(new_page, url)
    assert fresh.values(["basics.role", "basics.team"]) == {
        "basics.role": "Roll sparad på en annan dator", "basics.team": "Team skrivet utan nät"}


def test_the_save_status_stays_in_view_while_scrolling(new_page, scenario_url, shoot):
    for width, height in ((1280, 900), (360, 740)):
        page = new_page("sv")
        page.set_viewport_size({"width": width, "height": height})
        kp = KravprofilPage(page).open(scenario_url("kravprofil"))
        page.add_style_tag(content=".view-workbench .banner { position: static !important; }")
        field = kp.field("process.contact")
        field.scroll_into_view_if_needed()
        field.fill("Rekryterande chef")
        status = kp.status()
        assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
        box = status.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, box
        assert page.evaluate("window.scrollY") > 500, "the field is far down the page"
        shoot(page, f"autosave-sticky-status-{width}")


def test_where_sticky_cannot_help_the_status_shows_under_the_field(page, scenario_url, shoot):
    """In the LMS's iframe (as tall as the block, scrolling with the page) the bar scrolls away with the block:
    then the status also shows under the field being edited."""
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    page.add_style_tag(content=".kravprofil-block .kp-bar { position: static !important; }")
    field = kp.field("process.timeline")
    field.scroll_into_view_if_needed()
    field.fill("Intervjuer vecka 13")
    echo = kp.root.locator(".xbl-echo")
    echo.wait_for()
    assert echo.get_attribute("aria-hidden") == "true"
    assert page.evaluate("document.querySelector('[data-field=\"process.timeline\"]').nextElementSibling"
                         ".classList.contains('xbl-echo')")
    kp.wait_all_saved()
    assert echo.inner_text() == kp.status().inner_text() and re.search(r"\d\d:\d\d", echo.inner_text())
    box = echo.bounding_box()
    assert 0 <= box["y"] <= 900 - box["height"], box
    shoot(field.locator("xpath=.."), "autosave-status-under-field")


def test_a_download_while_offline_says_why_instead_of_an_error_page(page, scenario_url):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    kp.fill({"basics.role": "Butikschef"})
    kp.save()
    url = page.url
    page.context.set_offline(True)
    kp.root.locator('a[data-download="kravprofil"]').click()
    page.wait_for_function("() => document.querySelector('.kp-save-status').classList.contains('xbl-error')")
    assert kp.status().inner_text() == strings(page)["dl_offline"]
    assert page.url == url
    page.context.set_offline(False)
    # Online but the server does not answer: the block checks first and says so.
    page.route("**/student_view_user_state/**", lambda route: route.abort())
    kp.status().evaluate("n => { n.textContent = ''; }")
    kp.root.locator('a[data-download="ad"]').click()
    page.wait_for_function("() => document.querySelector('.kp-save-status').textContent !== ''")
    assert kp.status().inner_text() == strings(page)["dl_failed"]
    assert page.url == url
    page.unroute("**/student_view_user_state/**")
    data, _ = kp.download("kravprofil")  # and with the server back it downloads
    assert data[:2] == b"PK"


def test_a_paste_over_the_limit_keeps_what_did_not_fit_in_view(page, scenario_url, shoot, axe_scan):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    field = kp.field("purpose.purpose")
    limit = int(field.get_attribute("maxlength"))
    pasted = "".join(f"Mening {i} om syftet med rollen. " for i in range(2000))[:50_000]
    page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
    field.fill("Början. ")
    field.focus()
    page.keyboard.press("End")
    page.keyboard.press("Control+V")
    notice = kp.root.locator(".xbl-over")
    notice.wait_for()
    value = field.input_value()
    assert len(value) == limit
    rest = notice.locator("textarea").input_value()
    assert value + rest == "Början. " + pasted, "nothing dropped: what did not fit is in the notice"
    assert str(len(rest)) in re.sub(r"\s", "", notice.inner_text())
    counter = kp.root.locator(".xbl-n").first
    assert re.sub(r"\s", "", f"{limit:,}".replace(",", " ")) in re.sub(r"\s", "", counter.inner_text())
    shoot(notice, "autosave-paste-overflow")
    violations = axe_scan(page, ".kravprofil-block")  # the counter and the notice included
    assert not violations, pretty(violations)
    kp.wait_all_saved()
    notice.locator("button").click()  # dismissed only by the learner
    notice.wait_for(state="detached")


def test_text_dropped_over_the_limit_is_not_cut_silently(page, scenario_url):
    kp = KravprofilPage(page).open(scenario_url("kravprofil"))
    field = kp.field("basics.role")
    limit = int(field.get_attribute("maxlength"))
    field.fill("Chef")
    dropped = "Lång rolltitel " * 400
    handle = page.evaluate_handle("text => { const d = new DataTransfer(); d.setData('text/plain', text); return d; }",
                                  dropped)
    field.dispatch_event("drop", {"dataTransfer": handle})
    notice = kp.root.locator(".xbl-over")
    notice.wait_for()
    value = field.input_value()
    assert len(value) == limit and value.startswith("ChefLång rolltitel")
    assert value + notice.locator("textarea").input_value() == "Chef" + dropped
    kp.wait_all_saved()


def test_a_stale_page_replayed_by_the_lms_shows_and_saves_the_current_state(new_page, scenario_url):
    url = scenario_url("kravprofil")
    first = KravprofilPage(new_page("sv")).open(url)
    first.fill({"basics.role": "Gammal roll"})
    first.save()
    old_html = first.page.context.request.get(url).text()  # the page as rendered now, replayed by the LMS later
    first.fill({"basics.role": "Ny roll", "basics.team": "Nytt team"})
    first.save()

    page = new_page(context=first.page.context)  # the same browser (its cookies), a page the LMS replays
    page.route(lambda address: address == url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=old_html))
    page.goto(url)
    page.wait_for_function(
        "() => document.querySelector('.kravprofil-block [data-field=\"basics.role\"]').value === 'Ny roll'")
    kp = KravprofilPage(page)
    assert kp.field("basics.team").input_value() == "Nytt team"
    kp.fill({"purpose.goals": "Skrivet på den gamla sidan"})
    kp.save()
    assert kp.root.locator(DIALOG).count() == 0
    fresh = saved_profile(new_page, url)
    assert fresh.values(["basics.role", "basics.team", "purpose.goals"]) == {
        "basics.role": "Ny roll", "basics.team": "Nytt team", "purpose.goals": "Skrivet på den gamla sidan"}
