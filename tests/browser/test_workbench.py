"""The workbench as `make run` serves it: every block of ours has a scenario, the SDK samples are hidden."""
import pytest

pytestmark = pytest.mark.browser

OUR_BLOCKS = ("kravprofil",)
SDK_SAMPLES = ("helloworld_demo", "thumbs", "html_demo", "problem_demo")


def test_home_lists_our_scenarios_and_hides_samples(page, live_url):
    response = page.goto(live_url + "/")
    assert response.status == 200
    hrefs = page.eval_on_selector_all("a[href^='/scenario/']", "els => els.map(e => e.getAttribute('href'))")
    block_types = {href.split("/")[2].split(".")[0] for href in hrefs}
    for block_type in OUR_BLOCKS:
        assert block_type in block_types, f"no {block_type} scenario on the workbench home page: {hrefs}"
    assert not block_types & set(SDK_SAMPLES), f"SDK samples shown: {sorted(block_types & set(SDK_SAMPLES))}"


@pytest.mark.parametrize("block_type", OUR_BLOCKS)
def test_scenario_page_renders_block(page, scenario_url, block_type):
    response = page.goto(scenario_url(block_type))
    assert response.status == 200
    page.wait_for_selector(".xblock[data-block-type='%s']" % block_type)
