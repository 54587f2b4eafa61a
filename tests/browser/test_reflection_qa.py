"""Regressions found by QA in the journal: what the learner reads after the first save, the course journal's
range line and its headings (module above exercise)."""
from .journal_page import JournalPage


def test_first_save_points_to_no_earlier_version_and_the_journal_reads_well(page, scenario_url):
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    first = journal.entry(0)
    journal.box(first).fill("Magkänslan avgjorde, och vi valde den som var mest lik oss själva.")
    message = journal.commit(first)
    # QA: the first save said "Tidigare versioner finns kvar nedanför" although there were none.
    assert message.startswith("Sparat i loggboken.") and "Tidigare versioner" not in message
    assert first.locator("details.rj-versions").count() == 0
    journal.box(first).fill("Magkänslan avgjorde. Nästa gång gör vi en kravprofil först.")
    assert "Tidigare versioner finns kvar nedanför" in journal.commit(first)

    journal.reload()
    course = journal.course
    # QA: "Text 1–1 av 1, de senaste först sida för sida, ordnade efter modul" was hard to read.
    assert course.locator(".rj-range").inner_text().startswith("Svar 1–1 av 1. De senaste svaren kommer först")
    sizes = course.evaluate("""c => ['h4', 'h5'].map(t => parseFloat(getComputedStyle(
        c.querySelector('.rj-module ' + t)).fontSize))""")
    assert sizes[0] > sizes[1], sizes  # the module heading is not smaller than the exercise's


def test_saving_in_the_journal_offline_says_the_version_was_not_saved(page, scenario_url):
    """QA: offline, "Spara i loggboken" answered "… sparas på nytt" although only the draft is retried: the
    learner must press the button again."""
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    first = journal.entry(0)
    journal.box(first).fill("Första texten, sparad medan nätet fungerade.")
    journal.commit(first)
    page.context.set_offline(True)
    journal.box(first).fill("Andra texten, skriven utan nät.")
    first.locator('.rj-entry[data-key="p1"] [data-action="commit"]').click()
    msg = first.locator('.rj-entry[data-key="p1"] .rj-msg')
    msg.filter(has_text="Inte sparat i loggboken").wait_for()
    assert "tryck på knappen igen" in msg.inner_text()
    page.context.set_offline(False)
    assert journal.commit(first).startswith("Sparat i loggboken")
    assert journal.box(first).input_value() == "Andra texten, skriven utan nät."


def test_saving_the_follow_up_date_without_a_date_asks_for_one(page, scenario_url):
    """QA: "Spara datumet" with an empty field answered "Vi har noterat . Då öppnar uppföljningsfrågan."."""
    journal = JournalPage(page).open(scenario_url("reflection_journal", 0))
    followup = journal.entry(1).locator(".rj-followup")
    followup.locator('[data-action="save-date"]').click()
    assert followup.locator(".rj-date-msg").inner_text() == "Välj ett datum först."
    assert page.evaluate("document.activeElement.type") == "date"
    followup.locator('input[type="date"]').fill("2099-01-01")
    followup.locator('[data-action="save-date"]').click()
    followup.locator(".rj-date-msg").filter(has_text="Inte sparat").wait_for()
