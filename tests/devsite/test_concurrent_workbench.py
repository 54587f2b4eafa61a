"""`make run` with several people: the first views of a scenario, arriving together, all get their page."""
import threading
from collections import Counter

import pytest
from django.test import Client

from devsite import workbench_fixes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cold_workbench():
    """A workbench as after a start: scenarios not built, nothing warmed, no state rows."""
    from workbench import scenarios  # pylint: disable=import-outside-toplevel
    from workbench.models import XBlockState  # pylint: disable=import-outside-toplevel

    XBlockState.objects.all().delete()
    scenarios.SCENARIOS.clear()
    scenarios.get_scenarios.initialized = False
    workbench_fixes._warmed = False  # pylint: disable=protected-access
    yield XBlockState
    workbench_fixes._warmed = False  # pylint: disable=protected-access


def duplicated(model):
    counts = Counter(model.objects.values_list("scope", "scope_id", "user_id"))
    return [key for key, count in counts.items() if count > 1]


def test_first_views_at_once_all_succeed_without_duplicate_rows(cold_workbench):
    people = 8
    barrier = threading.Barrier(people)
    statuses = [None] * people

    def visit(index):
        client = Client()
        barrier.wait()
        statuses[index] = client.get(f"/scenario/kravprofil.0/?student=learner_{index}").status_code

    threads = [threading.Thread(target=visit, args=(i,)) for i in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [200] * people
    assert not duplicated(cold_workbench)
    shared = cold_workbench.objects.filter(user_id__isnull=True)
    assert shared.filter(scope="usage").exists() and shared.filter(scope="definition").exists()


def test_rows_duplicated_earlier_are_merged_not_a_500(cold_workbench):
    assert Client().get("/scenario/kravprofil.0/?student=a").status_code == 200
    row = cold_workbench.objects.filter(user_id="a", scope="usage").first()
    assert row is not None
    extra = cold_workbench.objects.create(scope=row.scope, scope_id=row.scope_id, user_id="a", scenario=row.scenario,
                                          tag=row.tag, state='{"only_here": 1}')
    assert Client().get("/scenario/kravprofil.0/?student=a").status_code == 200
    kept = cold_workbench.objects.filter(scope=row.scope, scope_id=row.scope_id, user_id="a")
    assert [r.id for r in kept] == [row.id] and '"only_here": 1' in kept[0].state and extra.id != row.id


def test_warming_builds_every_scenario_once():
    from workbench.scenarios import get_scenarios  # pylint: disable=import-outside-toplevel

    workbench_fixes.warm_scenarios()
    assert "kravprofil.0" in get_scenarios()
