"""The reflection journal in a real browser: the issue's "Done means" and what a learner does with the keyboard,
a screen reader (axe) and a flaky connection."""
import io
import re
import time

import docx
import pytest

from .conftest import pretty
from .journal_page import JournalPage, fmt, strings

pytestmark = pytest.mark.browser

FIRST = "Min första reflektion: vi anställde på magkänsla och ångrade det efter tre månader."
SECOND = "I modul två märkte jag att vi aldrig bedömde samarbetsförmåga på riktigt, bara pratade om den."
EDITED = "Omskriven: vi anställde på magkänsla; nästa gång gör vi en kravprofil först & frågar beteendebaserat."
OFFLINE_TAIL = " Skrivet utan nät – får inte försvinna."


def test_done_means_two_blocks_reload_history_offline_course_journal_and_word(page, scenario_url, axe_scan, shoot):
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    first, second = journal.entry(0), journal.entry(1)

    # Write in two journal blocks and save each in the journal.
    journal.box(first).fill(FIRST)
    assert "Sparat i loggboken" in journal.commit(first)
    journal.box(second).fill(SECOND)
    journal.commit(second)

    # Reload: both texts are there.
    journal.reload()
    assert journal.box(first).input_value() == FIRST
    assert journal.box(second).input_value() == SECOND

    # Edit one: the history shows both versions, newest first, with dates.
    journal.box(first).fill(EDITED)
    journal.commit(first)
    history = first.locator(".rj-versions")
    assert history.locator("summary").inner_text() == "Versioner (2)"
    history.locator("summary").click()
    versions = history.locator(".rj-version")
    assert [versions.nth(i).locator(".rj-text").inner_text() for i in range(2)] == [EDITED, FIRST]
    assert re.search(r"Version från \d{1,2} \w+ 20\d\d", versions.nth(1).locator(".rj-when").inner_text())
    shoot(first, "journal-history")

    # Offline and back while typing: nothing lost.
    box = journal.box(second)
    box.click()
    box.press("End")
    page.context.set_offline(True)
    box.press_sequentially(OFFLINE_TAIL[:20], delay=20)
    status = second.locator(".rj-status")
    status.filter(has_text=strings(page)["offline"][:25]).wait_for()
    box.press_sequentially(OFFLINE_TAIL[20:], delay=20)
    page.context.set_offline(False)
    journal.wait_saved(second)
    journal.reload()
    assert journal.box(second).input_value() == SECOND + OFFLINE_TAIL
    assert "inte sparat i loggboken" in second.locator(".rj-entry .rj-state").first.inner_text()

    # The course-wide journal: both blocks' entries, grouped by module.
    course = journal.course
    assert [h.inner_text() for h in course.locator(".rj-module h4").all()] == ["Modul 1: Kravprofilen",
                                                                              "Modul 2: Intervjun"]
    texts = course.locator(".rj-item .rj-text").all_inner_texts()
    assert EDITED in texts and SECOND in texts
    assert any("2 versioner" in t for t in course.locator(".rj-when").all_inner_texts())
    violations = axe_scan(page, ".rj-block")
    assert not violations, pretty(violations)
    shoot(course, "journal-course")

    # Download it and read the Word file.
    with page.expect_download() as info:
        course.locator('a[data-download="docx"]').click()
    download = info.value
    assert download.suggested_filename == "min-loggbok.docx"
    document = docx.Document(io.BytesIO(open(download.path(), "rb").read()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Min loggbok")
    assert [t for s, t in paragraphs if s == "Heading 1"] == ["Modul 1: Kravprofilen", "Modul 2: Intervjun"]
    body = [t for _, t in paragraphs]
    assert EDITED in body and SECOND in body
    with page.expect_download() as info:
        course.locator('a[data-download="md"]').click()
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert markdown.startswith("# Min loggbok") and "kravprofil först \\& frågar" not in markdown
    assert "Omskriven: vi anställde på magkänsla; nästa gång gör vi en kravprofil först & frågar" in markdown


def test_keyboard_only_write_save_and_pick_a_follow_up_date(page, scenario_url, axe_scan):
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    second = journal.entry(1)
    box = journal.box(second)
    box.focus()
    page.keyboard.type("Skrivet bara med tangentbordet, tillräckligt långt för att räknas.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "commit"
    page.keyboard.press("Enter")
    second.locator(".rj-msg").filter(has_text="Sparat i loggboken").wait_for()
    assert "Klart" in second.locator(".rj-msg").inner_text()
    # A save in one tab needs no merging: the layer's on-demand conflict module is not loaded.
    assert page.evaluate("!window.XBlockLayer.conflictUI")

    # "Påminn mig att titta tillbaka": a date in the native date field, saved with the keyboard.
    date = second.locator('input[type="date"]')
    minimum = date.get_attribute("min")
    year, month, day = (int(x) for x in minimum.split("-"))
    picked = f"{year + 1}-{month:02d}-{min(day, 28):02d}"
    date.fill(picked)
    date.focus()
    for _ in range(4):  # Chromium's date field has a stop for day, month and year
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "save-date":
            break
    assert page.evaluate("document.activeElement.dataset.action") == "save-date"
    page.keyboard.press("Enter")
    message = second.locator(".rj-date-msg")
    message.filter(has_text="Vi har noterat").wait_for()
    assert str(year + 1) in second.locator(".rj-fu-status").inner_text()
    calendar = second.locator("a[data-calendar]")
    assert calendar.is_visible()
    with page.expect_download() as info:
        calendar.click()
    ics = open(info.value.path(), encoding="utf-8").read()
    assert f"DTSTART;VALUE=DATE:{picked.replace('-', '')}" in ics and info.value.suggested_filename.endswith(".ics")
    journal.reload()
    assert journal.entry(1).locator('input[type="date"]').input_value() == picked
    # A date in the past is refused with a message, nothing changes.
    journal.entry(1).locator('input[type="date"]').fill("2001-01-01")
    journal.entry(1).locator('[data-action="save-date"]').click()
    journal.entry(1).locator(".rj-date-msg").filter(has_text="Välj ett datum från och med i dag").wait_for()
    violations = axe_scan(page, ".rj-block")
    assert not violations, pretty(violations)


def test_different_prompts_in_two_tabs_merge_and_the_history_survives(new_page, scenario_url):
    tab_a = JournalPage(new_page("sv")).open(scenario_url("reflection_journal", 0))
    tab_b = JournalPage(new_page(context=tab_a.page.context)).open(tab_a.url)
    first_a = tab_a.entry(0)
    tab_a.box(first_a, "p1").fill("Svar på fråga ett från flik A")
    tab_a.commit(first_a, "p1")
    first_b = tab_b.entry(0)
    tab_b.box(first_b, "p2").fill("Svar på fråga två från flik B")
    tab_b.commit(first_b, "p2")
    assert tab_b.page.locator(".xbl-dlg").count() == 0
    assert tab_b.box(first_b, "p1").input_value() == "Svar på fråga ett från flik A"
    fresh = JournalPage(new_page(context=tab_a.page.context)).open(tab_a.url)
    assert fresh.box(fresh.entry(0), "p1").input_value() == "Svar på fråga ett från flik A"
    assert fresh.box(fresh.entry(0), "p2").input_value() == "Svar på fråga två från flik B"


def test_english_page(new_page, scenario_url):
    page = new_page("en")
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    assert journal.entry(0).locator('[data-action="commit"]').first.inner_text() == "Save in my journal"
    assert "You have not written anything" in journal.course.inner_text()
    assert strings(page)["saved"] == "Saved %(time)s"
    assert fmt(strings(page)["history_n"], n=2) == "Versions (2)"


def test_closing_the_tab_mid_typing_loses_nothing(new_page, scenario_url):
    first = new_page("sv")
    journal = JournalPage(first).open(scenario_url("reflection_journal", 0))
    box = journal.box(journal.entry(0))
    box.fill("Skrivet precis innan fliken stängdes")
    first.close(run_before_unload=True)  # within the autosave's debounce: the page must flush on pagehide
    # A fresh browser (no local copy) finds the draft on the server, once the keepalive save has arrived
    # (on busy cores it can come after the fresh page's first request): open it again until then.
    other = JournalPage(new_page("sv"))
    deadline = time.monotonic() + 10
    while True:
        other.open(journal.url)
        if other.box(other.entry(0)).input_value() or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert other.box(other.entry(0)).input_value() == "Skrivet precis innan fliken stängdes"
    assert "inte sparat i loggboken" in other.entry(0).locator(".rj-state").first.inner_text()


def test_same_answer_in_two_tabs_asks_and_keeps_the_other_text_recoverable(new_page, scenario_url, axe_scan):
    tab_a = JournalPage(new_page("sv")).open(scenario_url("reflection_journal", 0))
    tab_b = JournalPage(new_page(context=tab_a.page.context)).open(tab_a.url)
    tab_a.box(tab_a.entry(0)).fill("Text från flik A")
    tab_a.wait_saved(tab_a.entry(0))
    tab_b.box(tab_b.entry(0)).fill("Text från flik B")
    tab_b.box(tab_b.entry(0)).blur()
    dialog = tab_b.entry(0).locator(".xbl-dlg")
    dialog.wait_for(state="visible")
    assert dialog.get_attribute("role") == "alertdialog"
    sides = dialog.locator(".xbl-side .xbl-text").all_inner_texts()
    assert sides == ["Text från flik B", "Text från flik A"]
    assert "Tänk på den senaste rekryteringen" in dialog.locator("h4").first.inner_text()
    violations = axe_scan(tab_b.page, ".rj-block")
    assert not violations, pretty(violations)
    dialog.locator("button").first.click()  # keep mine
    dialog.wait_for(state="detached")
    tab_b.wait_saved(tab_b.entry(0))
    assert "Text från flik A" in tab_b.entry(0).locator(".xbl-alt").inner_text()
    fresh = JournalPage(new_page("sv")).open(tab_a.url)
    assert fresh.box(fresh.entry(0)).input_value() == "Text från flik B"


def test_a_paste_over_the_limit_keeps_the_rest_visible(page, scenario_url):
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    box = journal.box(journal.entry(0))
    box.focus()
    text = "å" * 20_000 + "RESTEN SOM INTE FÅR PLATS"
    page.evaluate("""([sel, text]) => {
        const el = document.querySelector(sel);
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""", ['.rj-block[data-view="entry"] textarea[data-field="p1"]', text])
    assert len(box.input_value()) == 20_000
    over = journal.entry(0).locator(".xbl-over")
    over.wait_for()
    assert over.locator("textarea").input_value() == "RESTEN SOM INTE FÅR PLATS"
    assert "20" in journal.entry(0).locator(".xbl-n").inner_text()
