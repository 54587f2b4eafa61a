"""The kravprofil summary shared with the interview guide: built from a profile, read back checked, versioned."""
import copy
import json

import pytest
from profile_samples import realistic_profile

from recruitment_core.profile import validate_profile
from recruitment_core.sharing import (
    SUMMARY_VERSION, SummaryError, build_profile_summary, read_profile_summary,
)

UPDATED = "2026-03-01T09:30:00+00:00"


@pytest.fixture
def summary():
    profile = validate_profile(realistic_profile())
    profile["competencies"] = [{"id": "problemlosning", "level": 4, "priority": 1},
                               {"id": "samarbete", "level": 3, "priority": 2}]
    return build_profile_summary(profile, UPDATED)


def test_build_keeps_only_the_contract_keys(summary):
    assert set(summary) == {"version", "role", "competencies", "requirements", "updated"}
    assert summary["version"] == SUMMARY_VERSION == 1 and summary["role"] == "Backendutvecklare"
    assert summary["competencies"][0] == {"id": "problemlosning", "level": 4, "priority": 1}
    assert all(set(req) == {"text", "category", "must"} for req in summary["requirements"])
    assert summary["requirements"][0]["must"] is True and summary["updated"] == UPDATED
    json.dumps(summary)  # JSON as it is stored in the field


def test_read_gives_back_what_was_built(summary):
    assert read_profile_summary(copy.deepcopy(summary)) == summary


def test_read_of_nothing_is_none():
    assert read_profile_summary(None) is None and read_profile_summary({}) is None


def test_read_drops_unknown_keys(summary):
    summary["notes"] = "fri text som inte hör hit"
    summary["competencies"][0]["extra"] = 1
    read = read_profile_summary(summary)
    assert "notes" not in read and "extra" not in read["competencies"][0]


@pytest.mark.parametrize("change,code", [
    (lambda s: s.update(version=2), "version"),
    (lambda s: s.update(version=True), "version"),
    (lambda s: s.pop("version"), "version"),
    (lambda s: s.pop("role"), "shape"),
    (lambda s: s.update(role=5), "shape"),
    (lambda s: s.update(role="x" * 2001), "shape"),
    (lambda s: s.update(competencies={}), "shape"),
    (lambda s: s.update(competencies=[{"id": "Bad Id", "level": 3, "priority": 1}]), "shape"),
    (lambda s: s["competencies"][0].update(level=6), "shape"),
    (lambda s: s["competencies"][0].update(level=True), "shape"),
    (lambda s: s["competencies"][0].update(priority=0), "shape"),
    (lambda s: s.update(competencies=[{"id": "a1", "level": 1, "priority": 1}] * 21), "shape"),
    (lambda s: s["requirements"][0].update(category="hobby"), "shape"),
    (lambda s: s["requirements"][0].update(must="ja"), "shape"),
    (lambda s: s["requirements"][0].update(text=None), "shape"),
    (lambda s: s.update(requirements=["text"]), "shape"),
    (lambda s: s.update(updated=None), "shape"),
])
def test_read_refuses_what_does_not_fit_the_contract(summary, change, code):
    change(summary)
    with pytest.raises(SummaryError) as err:
        read_profile_summary(summary)
    assert err.value.code == code


def test_read_refuses_a_non_object():
    with pytest.raises(SummaryError) as err:
        read_profile_summary(["role"])
    assert err.value.code == "not_object"
