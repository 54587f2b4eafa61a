"""Regressions found by QA in a real browser: where the focus goes after an action that redraws a list, the
consensus table on a 360 px screen, and placeholders that must never reach the learner."""
from .test_interview_guide import GuidePage

ACTIVE_JS = "(() => { const a = document.activeElement; return a === document.body ? 'BODY' : " \
            "(a.getAttribute('data-add') || a.getAttribute('data-action') || a.getAttribute('data-field') || " \
            "a.className); })()"


def active(page):
    return page.evaluate(ACTIVE_JS)


def test_focus_stays_in_the_block_after_add_submit_reopen_and_undo(page, scenario_url):
    page.goto(scenario_url("interview_guide", 0))
    guide = GuidePage(page).wait_ready()
    guide.root.locator('input[data-action="toggle-competency"]').first.check()
    first = guide.root.locator(".ig-bank-list button[data-add]").first
    first_id = first.get_attribute("data-add")
    first.focus()
    page.keyboard.press("Enter")
    guide.root.locator(".ig-items > li").first.wait_for()
    # The pressed button is disabled now ("Finns i guiden"): the focus moves on to the next question to add.
    focused = active(page)
    assert focused not in ("BODY", first_id), focused
    assert guide.root.locator(f'.ig-bank-list button[data-add="{focused}"]').is_enabled()
    page.keyboard.press("Enter")  # and the keyboard user can go on adding
    assert guide.root.locator(".ig-items > li").count() == 2

    guide.root.locator('[data-action="remove-item"]').first.focus()
    page.keyboard.press("Enter")
    assert active(page) == "undo-remove"
    page.keyboard.press("Enter")
    assert active(page) == "items.0.text"  # the question put back

    guide.action("add-interviewer").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Anna")
    guide.action("submit-rating").focus()
    page.keyboard.press("Enter")
    assert active(page) == "reopen-rating"
    page.keyboard.press("Enter")
    assert active(page).startswith("interviewers.0.ratings.")
    guide.saved()


def test_practice_hand_in_moves_the_focus_to_the_comparison(page, scenario_url):
    page.goto(scenario_url("interview_guide", 2))
    guide = GuidePage(page).wait_ready()
    guide.root.locator('select[data-field="practice.ratings.customer_focus.score"]').select_option("3")
    guide.action("hand-in-practice").focus()
    page.keyboard.press("Enter")
    guide.root.locator(".ig-result .ig-cmp").first.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('ig-result')")

