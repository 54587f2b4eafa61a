"""The layer's demo block in the workbench (DEVSITE_DEMO_BLOCKS=1): its scenario page, handlers and download."""
import json
import re

import pytest
from django.test import Client

from devsite import demo_blocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_workbench():
    from workbench.scenarios import init_scenarios  # pylint: disable=import-outside-toplevel
    from xblock import plugin  # pylint: disable=import-outside-toplevel
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel

    before = list(XBlock.extra_entry_points)
    demo_blocks.register_demo_blocks()
    demo_blocks.register_demo_blocks()  # once is enough; twice changes nothing
    assert [name for name, _ in XBlock.extra_entry_points].count("layer_demo") == 1
    init_scenarios()
    yield
    XBlock.extra_entry_points[:] = before
    plugin.PLUGIN_CACHE = {}
    init_scenarios()


def test_not_shown_unless_asked(monkeypatch):
    monkeypatch.delenv("DEVSITE_DEMO_BLOCKS", raising=False)
    assert not demo_blocks.wanted()
    monkeypatch.setenv("DEVSITE_DEMO_BLOCKS", "1")
    assert demo_blocks.wanted()


def test_demo_block_page_save_and_download(demo_workbench):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="sv")
    page = client.get("/scenario/layer_demo.0/?student=demo_a")
    assert page.status_code == 200
    html = page.content.decode("utf-8")
    assert "Din anteckning" in html and 'data-field="note"' in html
    data = json.loads(re.search(r'<script type="application/json" class="ld-data">(.*?)</script>', html, re.S).group(1))
    assert data["revision"] == 0 and data["strings"]["saving"] == "Sparar…"
    usage = re.search(r"data-usage='([^']+)' data-block-type='layer_demo'", html).group(1)
    url = f"/handler/{usage}/save_note/?student=demo_a"
    token = client.cookies["csrftoken"].value
    saved = client.post(url, data=json.dumps({"note": "Hej", "revision": 0}), content_type="application/json",
                        HTTP_X_CSRFTOKEN=token)
    assert saved.status_code == 200 and saved.json()["revision"] == 1
    stale = client.post(url, data=json.dumps({"note": "Gammal", "revision": 0}), content_type="application/json",
                        HTTP_X_CSRFTOKEN=token)
    assert stale.status_code == 409 and stale.json()["note"] == "Hej"
    download = client.get(f"/handler/{usage}/download_note/?student=demo_a")
    assert download.status_code == 200 and download.content == "Hej".encode()
    assert 'filename="anteckning-min-ovning.txt"' in download["Content-Disposition"]
