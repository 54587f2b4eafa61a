"""The ad in its own step: a kravprofil block with step="ad" continues the same learner's profile from the
profile-step block of the course (read-only there), and keeps it private to that learner."""
import copy
import json

import pytest

from recruitment_core.profile import draft_ad, empty_profile, validate_profile
from recruitment_core.framework import load_default_framework
from tests.recruitment_core.profile_samples import sample_profiles

from .conftest import call


def _profile():
    data = sample_profiles()["warehouse"]
    data["ad"]["company"] = "Lagerbolaget AB"
    return data


@pytest.fixture
def steps(make_block):
    return make_block("<kravprofil/>"), make_block('<kravprofil step="ad"/>')


def _save(runtime, block, profile, revision=0):
    status, body, _ = call(runtime, block, "save_profile", {"profile": profile, "revision": revision})
    assert status == 200, body
    return body


def _page_data(block):
    html = block.student_view().content
    start = html.index('class="kp-data">') + len('class="kp-data">')
    return json.loads(html[start:html.index("</script>", start)])


def test_the_ad_step_shows_the_profile_from_the_earlier_block(runtime, steps, make_block):
    profile_step, ad_step = steps
    empty = _page_data(ad_step)
    assert empty["step"] == "ad" and empty["has_source"] is False
    assert empty["profile"]["basics"]["role"] == ""
    _save(runtime, profile_step, _profile())
    # A new request builds the block anew (a block caches the field values it has read).
    ad_step = make_block('<kravprofil step="ad"/>')
    data = _page_data(ad_step)
    assert data["has_source"] is True
    assert data["profile"]["basics"]["role"] == "Lagerarbetare"
    assert data["profile"]["requirements"] == validate_profile(_profile())["requirements"]
    assert data["profile"]["ad"]["company"] == "Lagerbolaget AB"  # the ad so far, until this step saves its own
    assert "Kravprofilen nedan kommer från det tidigare steget" in data["strings"]["ad_step_note"]
    assert _page_data(profile_step)["step"] == "profile"


def test_the_ad_step_saves_only_the_ad_and_keeps_the_profile_read_only(runtime, steps):
    profile_step, ad_step = steps
    _save(runtime, profile_step, _profile())
    sent = copy.deepcopy(_profile())
    sent["basics"]["role"] = "Något annat"          # the profile is read-only here: ignored
    sent["requirements"] = []
    sent["ad"] = draft_ad(_profile(), load_default_framework(), "sv")
    sent["ad"]["company"] = "Lagerbolaget AB"
    sent["ad"]["process"] = sent["ad"]["process"].replace(
        "[länk eller e-postadress] senast [sista ansökningsdag]", "jobb.example.se senast 31 januari")
    body = _save(runtime, ad_step, sent)
    assert ad_step.profile["basics"]["role"] == "Lagerarbetare"
    assert len(ad_step.profile["requirements"]) == 4
    assert ad_step.profile["ad"]["title"] == "Lagerarbetare"
    # Advice in the ad step is on the ad only, and the drafted ad has no discrimination or indirect flag.
    assert all(item["section"] == "ad" for item in body["advice"])
    assert not [a for a in body["advice"] if a["kind"] in ("discrimination", "indirect")]
    # Complete: every part written and no placeholder left.
    assert body["missing"] == [] and body["completed"] is True
    # The profile step's own state and shared entry are untouched by the ad step.
    assert profile_step.profile["ad"]["title"] == ""
    data = _page_data(ad_step)
    assert data["profile"]["ad"]["process"].endswith("jobb.example.se senast 31 januari.")


def test_the_ad_step_is_not_complete_while_a_placeholder_is_left(runtime, steps):
    profile_step, ad_step = steps
    _save(runtime, profile_step, _profile())
    sent = _profile()
    sent["ad"] = draft_ad(_profile(), load_default_framework(), "sv")
    body = _save(runtime, ad_step, sent)
    assert body["missing"] == ["Process och kontakt"] and body["completed"] is False
    assert [a["field"] for a in body["advice"] if a["kind"] == "placeholder"] == ["process"]


def test_the_ad_step_drafts_from_the_shared_profile(runtime, steps):
    profile_step, ad_step = steps
    _save(runtime, profile_step, _profile())
    status, body, _ = call(runtime, ad_step, "draft_ad", {"profile": empty_profile()})
    assert status == 200
    assert body["ad"]["title"] == "Lagerarbetare"
    assert "Truckkort A och B" in body["ad"]["must"]


def test_the_shared_profile_is_the_learners_own(runtime, make_block):
    mine = make_block("<kravprofil/>", user="anna")
    _save(runtime, mine, _profile())
    theirs = make_block('<kravprofil step="ad"/>', user="bo")
    assert _page_data(theirs)["has_source"] is False
    assert _page_data(theirs)["profile"]["basics"]["role"] == ""
    # Filed under the course: one learner's profiles of two courses stay apart, and only a few are kept.
    assert list(mine.kravprofil_work) == ["workbench"] or len(mine.kravprofil_work) == 1


def test_studio_refuses_an_unknown_step(runtime, block):
    status, body, _ = call(runtime, block, "submit_studio_edits", {"values": {"step": "interview"}})
    assert status == 400
    assert "profile eller ad" in json.dumps(body, ensure_ascii=False)
    assert block.step == "profile"
    status, _, _ = call(runtime, block, "submit_studio_edits", {"values": {"step": "ad"}})
    assert status == 200 and block.step == "ad"


def test_only_the_latest_courses_are_kept_in_the_shared_field(runtime, block):
    old = {"version": 1, "profile": empty_profile(), "saved_at": "2026-01-0{}T10:00:00+00:00"}
    block.kravprofil_work = {f"course-v1:x+{i}+run": {**old, "saved_at": old["saved_at"].format(i)}
                             for i in range(1, 4)}
    _save(runtime, block, _profile())
    assert sorted(block.kravprofil_work) == ["course-v1:x+2+run", "course-v1:x+3+run", "workbench"]
    assert block.kravprofil_work["workbench"]["profile"]["basics"]["role"] == "Lagerarbetare"


def test_studio_offers_the_step_as_a_choice(block):
    html = block.studio_view({}).content
    assert 'Kravprofil / Profile' in html and 'Annons / Ad' in html


def test_the_ad_steps_saved_state_is_what_its_page_shows(runtime, make_block):
    _save(runtime, make_block("<kravprofil/>"), _profile())
    ad_step = make_block('<kravprofil step="ad"/>')
    status, body, _ = call(runtime, ad_step, "student_view_user_state", method="GET")
    assert status == 200 and body["profile"]["basics"]["role"] == "Lagerarbetare" and body["revision"] == 0
