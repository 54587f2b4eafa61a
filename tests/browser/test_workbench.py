"""The workbench as `make run` serves it: every block of ours has a scenario, the SDK samples are hidden, and
every scenario page renders its block without a JavaScript error (the page fixture fails on one)."""
import importlib.metadata

import pytest

pytestmark = pytest.mark.browser

# Every XBlock this distribution registers (setup.py's xblock.v1 entry points) must have a scenario.
OUR_BLOCKS = tuple(sorted(ep.name for ep in importlib.metadata.distribution("kompetensrekrytering-xblocks").entry_points
                          if ep.group == "xblock.v1"))
SDK_SAMPLES = ("helloworld_demo", "thumbs", "html_demo", "problem_demo", "sidebar_demo", "view_counter_demo")


def scenario_links(page, live_url):
    response = page.goto(live_url + "/")
    assert response.status == 200
    return page.eval_on_selector_all("a[href^='/scenario/']", "els => els.map(e => e.getAttribute('href'))")


def test_home_lists_our_scenarios_and_hides_samples(page, live_url):
    assert "kravprofil" in OUR_BLOCKS
    hrefs = scenario_links(page, live_url)
    block_types = {href.split("/")[2].split(".")[0] for href in hrefs}
    for block_type in OUR_BLOCKS:
        assert block_type in block_types, f"no {block_type} scenario on the workbench home page: {hrefs}"
    assert not block_types & set(SDK_SAMPLES), f"SDK samples shown: {sorted(block_types & set(SDK_SAMPLES))}"


def test_every_scenario_page_renders_its_block(page, live_url, student_id):
    hrefs = scenario_links(page, live_url)
    assert hrefs
    for href in hrefs:
        block_type = href.split("/")[2].split(".")[0]
        response = page.goto(f"{live_url}{href}?student={student_id}")
        assert response.status == 200, href
        page.locator(f"[data-block-type='{block_type}']").first.wait_for()
        page.wait_for_load_state("load")
