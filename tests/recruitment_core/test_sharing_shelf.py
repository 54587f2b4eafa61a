"""Several kravprofil blocks in one course: each files its summary on the shelf; the guide reads them all."""
from recruitment_core.profile import empty_profile, validate_profile
from recruitment_core.sharing import MAX_SHELF_PROFILES, build_profile_summary, read_shelf, shelve_summary


def summary(role, updated):
    profile = empty_profile()
    profile["basics"]["role"] = role
    profile["competencies"] = [{"id": "collaboration", "level": 3, "priority": 1}]
    return build_profile_summary(validate_profile(profile), updated)


def test_each_block_keeps_its_own_summary_newest_first():
    shelf = shelve_summary(None, "block-a", "Övning", summary("Säljare", "2026-01-01T10:00:00+00:00"))
    shelf = shelve_summary(shelf, "block-b", "Riktig roll", summary("Ekonom", "2026-01-02T10:00:00+00:00"))
    shelf = shelve_summary(shelf, "block-a", "Övning", summary("Säljare 2", "2026-01-03T10:00:00+00:00"))
    items = read_shelf(shelf)
    assert [(i["key"], i["title"], i["summary"]["role"]) for i in items] == [
        ("block-a", "Övning", "Säljare 2"), ("block-b", "Riktig roll", "Ekonom")]


def test_the_oldest_is_dropped_beyond_the_limit():
    shelf = None
    for n in range(MAX_SHELF_PROFILES + 3):
        shelf = shelve_summary(shelf, f"b{n}", "", summary(f"Roll {n}", f"2026-01-{n + 1:02d}T10:00:00+00:00"))
    keys = [i["key"] for i in read_shelf(shelf)]
    assert len(keys) == MAX_SHELF_PROFILES and "b0" not in keys and keys[0] == f"b{MAX_SHELF_PROFILES + 2}"


def test_damaged_entries_are_left_out_never_shown_in_half():
    shelf = shelve_summary(None, "ok", "", summary("Säljare", "2026-01-01T10:00:00+00:00"))
    shelf["profiles"]["bad"] = {"version": 1, "role": 5}
    shelf["profiles"]["worse"] = "x"
    assert [i["key"] for i in read_shelf(shelf)] == ["ok"]
    for broken in (None, [], {"version": 2, "profiles": {}}, {"version": 1, "profiles": []}):
        assert read_shelf(broken) == []
    # A broken shelf is replaced when the next block files its summary.
    assert list(shelve_summary({"version": 1, "profiles": "x"}, "k", "", summary("A", "t"))["profiles"]) == ["k"]
