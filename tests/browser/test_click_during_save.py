"""A click on a button right after typing is not lost to the save it starts.

Pressing the mouse on a button takes the focus from the field: its change event saves at once, and the save
status changes while the button is still held down. If that status change moved the button (the copy of the
status under the field, ``.xbl-echo``, shown when the status bar is out of view as in the LMS's iframe, was
taken away as soon as the focus left the field), the mouseup landed beside it and the browser sent no click:
"Spara i loggboken" did nothing, no message, nothing in the journal (seen as a flaky "Done means" test when a
late IntersectionObserver report left the echo under the second journal's field)."""
import re

import pytest

from .journal_page import JournalPage

pytestmark = pytest.mark.browser

TEXT = "Skrivet precis innan jag tryckte på knappen, och det ska hamna i loggboken ändå."


def test_a_press_on_save_in_my_journal_during_the_autosave_is_a_click(page, scenario_url):
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    # The LMS's iframe is as tall as the block and scrolls with the page: the sticky bar cannot stay in view.
    page.add_style_tag(content=".rj-bar { position: static !important; } "
                               ".view-workbench .banner { position: static !important; }")
    second = journal.entry(1)
    box, button = journal.box(second), second.locator('.rj-entry[data-key="p1"] [data-action="commit"]')
    box.evaluate("b => b.scrollIntoView({block: 'start'})")  # the block's status bar is above, out of view
    box.click()
    box.press_sequentially(TEXT, delay=5)
    echo = second.locator(".xbl-echo")
    echo.filter(has_text="inte är sparade").wait_for()  # the status under the field, the save still to come

    before = button.bounding_box()
    page.mouse.move(before["x"] + before["width"] / 2, before["y"] + before["height"] / 2)
    page.mouse.down()  # the field's change event saves now; the status changes under the held button
    second.locator(".rj-status").filter(has_text=re.compile(r"^Sparat \d\d:\d\d")).wait_for()
    during = button.bounding_box()
    page.mouse.up()

    assert during["y"] == before["y"], f"the button moved under the pointer: {before} -> {during}"
    second.locator(".rj-msg").filter(has_text="Sparat i loggboken").wait_for()
    assert echo.inner_text() == second.locator(".rj-status").inner_text()  # still says how the save went
    journal.reload()
    assert "Sparat i loggboken" in journal.entry(1).locator('.rj-entry[data-key="p1"] .rj-state').inner_text()
