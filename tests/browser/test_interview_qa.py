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


def test_consensus_table_scrolls_in_its_own_box_at_360px(new_page, scenario_url, axe_scan, shoot):
    page = new_page("sv")
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(scenario_url("interview_guide", 0))
    guide = GuidePage(page).wait_ready()
    boxes = guide.root.locator('input[data-action="toggle-competency"]')
    comps = [boxes.nth(i).get_attribute("value") for i in (0, 1, 2)]
    for i in (0, 1, 2):
        boxes.nth(i).check()
    for n, name in enumerate(("Anna Andersson-Lindqvist", "Bo Bergström-Karlsson", "Cecilia Öberg")):
        guide.rate(n, name, n + 1, {c: (str(1 + (n + k) % 5), "Belägg") for k, c in enumerate(comps)})
    wrap = guide.root.locator(".ig-consensus .ig-table-wrap")
    wrap.wait_for()
    block_right = guide.root.evaluate("e => e.getBoundingClientRect().right")
    assert wrap.evaluate("e => e.getBoundingClientRect().right") <= block_right + 1
    assert wrap.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside its box
    headers = guide.root.locator(".ig-consensus th[scope=col]").all_inner_texts()
    assert all(h.strip() for h in headers) and headers[-1] == "Att diskutera"
    shoot(guide.root.locator(".ig-consensus"), "qa-consensus-360")
    # The questions are numbered once ("Fråga 1 · …"), not also by the list, which cost 40 px at 360 px.
    items = guide.root.locator(".ig-items")
    assert items.evaluate("e => getComputedStyle(e).listStyleType") == "none"
    assert items.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)") == 0
    # The opening's texts show whole at 360 px (they were cut after two lines).
    who = guide.root.locator('textarea[data-field="opening.who"]')
    assert who.evaluate("e => e.scrollHeight <= e.clientHeight + 1")
    violations = axe_scan(page, ".interview-guide-block")
    assert not violations, violations



def test_reference_check_bank_never_shows_a_placeholder(page, scenario_url):
    page.goto(scenario_url("interview_guide", 1))
    page.wait_for_selector('.interview-guide-block[data-ig-ready="1"] >> nth=1')
    ref = page.locator(".interview-guide-block").nth(1)
    assert "{competency}" not in ref.locator(".ig-bank-list").inner_text()
    ref.locator('input[data-action="toggle-competency"]').first.check()
    assert "samarbetsförmåga" in ref.locator(".ig-bank-list").inner_text()


def test_minutes_for_the_candidates_questions_out_of_range_are_not_dropped_silently(page, scenario_url):
    """QA: typing 45 (the limit is 30) was ignored without a word; after a reload the field said 10."""
    page.goto(scenario_url("interview_guide", 0))
    guide = GuidePage(page).wait_ready()
    minutes = guide.root.locator('input[data-field="candidate_minutes"]')
    minutes.fill("45")
    hint = guide.root.locator(".ig-hint")
    assert hint.inner_text() == "Ange 0–30 minuter. Sparat nu: 10 minuter."
    assert minutes.get_attribute("aria-describedby") == hint.get_attribute("id")
    minutes.fill("15")
    assert hint.inner_text() == ""
    guide.saved()
    page.reload()
    assert GuidePage(page).wait_ready().root.locator('input[data-field="candidate_minutes"]').input_value() == "15"


def test_add_interviewer_is_disabled_at_the_limit(page, scenario_url):
    """QA: a ninth "Lägg till intervjuare" did nothing at all."""
    page.goto(scenario_url("interview_guide", 0))
    guide = GuidePage(page).wait_ready()
    add = guide.action("add-interviewer")
    for _ in range(8):
        add.click()
    assert guide.root.locator(".ig-person").count() == 8 and add.is_disabled()
    guide.root.locator(".ig-person").last.get_by_role("button", name="Ta bort Intervjuare 8").click()
    assert add.is_enabled()


def test_rating_labels_use_the_competency_as_a_common_noun(page, scenario_url):
    """QA: "Betyg på Kundfokus" / "Belägg för Kundfokus" capitalised a common noun mid-sentence."""
    page.goto(scenario_url("interview_guide", 2))
    guide = GuidePage(page).wait_ready()
    labels = guide.root.locator(".ig-rate label").all_inner_texts()
    assert labels[:2] == ["Betyg på kundfokus", "Belägg för kundfokus"], labels
