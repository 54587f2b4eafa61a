"""Integration over HTTP in the xblock-sdk workbench, with CSRF enforced as in a browser."""
import html as html_lib
import io
import json
import re

import docx
import pytest
from django.test import Client

from recruitment_core.framework import load_default_framework

from .samples import HOSTILE, filled_profile, with_competencies

DATA_RE = re.compile(r'<script type="application/json" class="kp-data">(.*?)</script>', re.S)
USAGE_RE = re.compile(r"data-usage='([^']+)' data-block-type='kravprofil'")

pytestmark = pytest.mark.django_db


class Learner:
    """One learner's browser: a CSRF-enforcing client, the scenario page and the block's handler URLs."""

    def __init__(self, student, scenario="kravprofil.0", lang="sv"):
        self.client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)
        self.student = student
        self.scenario = scenario
        self.page = self.load()
        self.usage_id = USAGE_RE.search(self.page).group(1)

    def load(self):
        response = self.client.get(f"/scenario/{self.scenario}/?student={self.student}")
        assert response.status_code == 200
        return response.content.decode("utf-8")

    def data(self):
        self.page = self.load()
        return json.loads(DATA_RE.search(self.page).group(1))

    def url(self, handler):
        return f"/handler/{self.usage_id}/{handler}/?student={self.student}"

    def post(self, handler, body=None, raw=None, csrf=True):
        headers = {"HTTP_X_CSRFTOKEN": self.client.cookies["csrftoken"].value} if csrf else {}
        raw = json.dumps(body).encode("utf-8") if raw is None else raw
        return self.client.post(self.url(handler), data=raw, content_type="application/json", **headers)

    def get(self, handler, query=""):
        return self.client.get(self.url(handler) + ("&" + query if query else ""))


@pytest.fixture(autouse=True)
def scenarios():
    from workbench.scenarios import init_scenarios  # pylint: disable=import-outside-toplevel
    init_scenarios()


def test_save_then_reload_shows_the_saved_state(scenarios):
    learner = Learner("http_a")
    assert learner.data()["revision"] == 0
    response = learner.post("save_profile", {"profile": filled_profile(role="Lagerchef"), "revision": 0})
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 1
    data = learner.data()
    assert data["revision"] == 1 and data["profile"]["basics"]["role"] == "Lagerchef"
    # Another learner sees nothing of it.
    assert Learner("http_b").data()["profile"]["basics"]["role"] == ""


def test_csrf_is_required(scenarios):
    learner = Learner("http_csrf")
    response = learner.post("save_profile", {"profile": filled_profile(), "revision": 0}, csrf=False)
    assert response.status_code == 403
    assert learner.data()["revision"] == 0


def test_two_tabs_conflict_is_409_and_nothing_is_overwritten(scenarios):
    tab1, tab2 = Learner("http_tabs"), Learner("http_tabs")
    assert tab1.post("save_profile", {"profile": filled_profile(role="Flik ett"), "revision": 0}).status_code == 200
    response = tab2.post("save_profile", {"profile": filled_profile(role="Flik två"), "revision": 0})
    assert response.status_code == 409
    body = response.json()
    assert body["revision"] == 1 and body["profile"]["basics"]["role"] == "Flik ett" and body["error"]
    data = tab1.data()
    assert data["revision"] == 1 and data["profile"]["basics"]["role"] == "Flik ett"


HOSTILE_BODIES = [
    b"{", b"[]", b"null", b'"x"', b"", b"[" * 3000 + b"]" * 3000, b'{"profile": {}, "revision": NaN}',
    b'{"profile": {}, "revision": "0"}', b'{"profile": {}}', b'{"profile": 1, "revision": 0}',
    b'{"profile": {}, "revision": 0, "extra": 1}', b'{"profile": {"basics": {"role": 5}}, "revision": 0}',
    b'{"profile": {"requirements": [{"category": "x"}]}, "revision": 0}', b"\xff\xfe\x00",
    b'{"profile": {"tasks": ["' + b"a" * (3 * 1024 * 1024) + b'"]}, "revision": 0}',
]


def test_hostile_requests_over_http(scenarios):
    learner = Learner("http_hostile")
    assert learner.post("save_profile", {"profile": filled_profile(role="Orörd"), "revision": 0}).status_code == 200
    for raw in HOSTILE_BODIES:
        response = learner.post("save_profile", raw=raw)
        assert 400 <= response.status_code < 500, (raw[:40], response.status_code)
        assert response["Content-Type"].startswith("application/json"), raw[:40]
        assert response.json()["error"]
    response = learner.get("save_profile")
    assert response.status_code == 405 and response.json()["error"]
    data = learner.data()
    assert data["revision"] == 1 and data["profile"]["basics"]["role"] == "Orörd"


def test_markup_is_escaped_in_the_page_and_the_print_view(scenarios):
    learner = Learner("http_xss")
    profile = filled_profile(role=HOSTILE)
    profile["tasks"] = [HOSTILE]
    assert learner.post("save_profile", {"profile": profile, "revision": 0}).status_code == 200
    page = learner.load()
    assert HOSTILE not in page
    assert json.loads(DATA_RE.search(page).group(1))["profile"]["basics"]["role"] == HOSTILE
    printed = learner.get("print_view").content.decode("utf-8")
    assert HOSTILE not in printed and html_lib.escape(HOSTILE, quote=False) in printed


def test_documents_download_and_open(scenarios):
    learner = Learner("http_docs")
    fw = load_default_framework()
    profile = with_competencies(filled_profile(role="Säljare"), fw, 2)
    profile["ad"]["title"] = "Säljare till Norrland"
    assert learner.post("save_profile", {"profile": profile, "revision": 0}).status_code == 200
    for handler, expected in (("download_kravprofil", "Säljare"), ("download_ad", "Säljare till Norrland")):
        response = learner.get(handler)
        assert response.status_code == 200
        assert "attachment;" in response["Content-Disposition"]
        document = docx.Document(io.BytesIO(response.content))
        text = " ".join(p.text for p in document.paragraphs)
        text += " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert expected in text
    assert learner.post("download_ad", {}).status_code == 405


def test_framework_data_over_http(scenarios):
    learner = Learner("http_fw")
    query = learner.data()["framework_query"]
    response = learner.get("framework_data", query)
    assert response.status_code == 200
    assert response.json()["clusters"][0]["competencies"][0]["levels"]["5"]


def test_english_learner_gets_english(scenarios):
    learner = Learner("http_en", lang="en")
    assert 'lang="en"' in learner.page and "Must-haves and merits" in learner.page
    response = learner.post("save_profile", raw=b"[]")
    assert "JSON object" in response.json()["error"]
    swedish = Learner("http_sv")
    assert 'lang="sv"' in swedish.page and "Skallkrav och meriterande" in swedish.page


def test_second_scenario_has_its_settings(scenarios):
    learner = Learner("http_s2", scenario="kravprofil.1")
    data = learner.data()
    assert data["max_competencies"] == 3
    assert "Kravprofil: kort variant" in learner.page


def test_completion_and_shared_summary_over_http(scenarios):
    from workbench.runtime import WorkbenchRuntime  # pylint: disable=import-outside-toplevel
    learner = Learner("http_done")
    fw = load_default_framework()
    body = learner.post("save_profile", {"profile": with_competencies(filled_profile(), fw), "revision": 0}).json()
    assert body["completed"] is True
    block = WorkbenchRuntime("http_done").get_block(learner.usage_id)
    assert block.completed is True
    assert block.kravprofil_shared["workbench"]["competencies"][0]["id"] == fw.competencies[0].id


def test_studio_submit_over_http(scenarios):
    learner = Learner("http_studio")
    data = load_default_framework().to_dict()
    data["title"] = {"sv": "Eget", "en": "Own"}
    good = learner.post("submit_studio_edits", {"values": {"framework_override": json.dumps(data)},
                                                "defaults": []})
    assert good.status_code == 200 and good.json() == {"result": "success"}
    bad = learner.post("submit_studio_edits", {"values": {"framework_override": "id: x\n"}, "defaults": []})
    assert bad.status_code == 400 and len(bad.json()["error"]["messages"]) >= 2
    from workbench.runtime import WorkbenchRuntime  # pylint: disable=import-outside-toplevel
    block = WorkbenchRuntime("http_studio").get_block(learner.usage_id)
    assert block.current_framework().title["sv"] == "Eget"


def test_the_layer_s_on_demand_file_is_served_by_the_workbench(monkeypatch):
    from xblock_layer import assets  # pylint: disable=import-outside-toplevel

    monkeypatch.setattr(assets, "ON_DEMAND_JS", {"xblock_layer.js": "layer_url"})
    response = Client().get("/resource/kravprofil/public/xblock_layer/sv/xblock_layer.js")
    assert response.status_code == 200 and response["Content-Type"].startswith(("application/javascript",
                                                                                "text/javascript"))
    assert b"XBlockLayer" in response.content
    assert b"window.XBlockLayerUIStrings=" in response.content
    assert Client().get("/resource/kravprofil/public/xblock_layer/sv/secret.py").status_code == 404
