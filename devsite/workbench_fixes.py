"""Make the xblock-sdk workbench survive several people opening it at once (``make run``; devsite only).

Two races of the SDK, both seen as a 500 when the first views of a scenario arrive together:

- ``XBlockState.get_for_key`` creates the row of a (scope, scope id, user) with ``get_or_create``, which is not
  atomic: two threads both create it, and from then on every read of it raises ``MultipleObjectsReturned``.
  Here it runs under a process-wide lock, and rows already duplicated (by an earlier run) are merged into the
  oldest one (keys it lacks are taken from the others) instead of failing.
- ``get_scenarios`` builds the scenarios lazily on the first request, clearing the shared table of scenarios
  while another thread may be reading it. ``WarmScenariosMiddleware`` builds them, and creates every scenario's
  shared rows (content, settings, children, usage summaries) once, before the first request is served.
"""
import json
import logging
import threading

from django.db import transaction

log = logging.getLogger(__name__)

_STATE_LOCK = threading.RLock()
_WARM_LOCK = threading.Lock()
_warmed = False


def install_state_lock():
    """Replace ``XBlockState.get_for_key`` by the locked, duplicate-merging version (once)."""
    from workbench.models import XBlockState  # pylint: disable=import-outside-toplevel

    if getattr(XBlockState.get_for_key, "devsite_locked", False):
        return
    original = XBlockState.get_for_key.__func__

    def get_for_key(cls, key):
        with _STATE_LOCK:
            try:
                return original(cls, key)
            except cls.MultipleObjectsReturned:
                return _merge_duplicates(cls, key)

    get_for_key.devsite_locked = True
    XBlockState.get_for_key = classmethod(get_for_key)


def _merge_duplicates(model, key):
    """Keep the oldest row of ``key``; fields only the others hold are copied into it, the others deleted."""
    user_id = key.user_id
    with transaction.atomic():
        rows = list(model.objects.filter(scope_id=key.block_scope_id, user_id=user_id).order_by("id"))
        rows = [row for row in rows if _same_scope(row, key)]
        keep, *others = rows
        state = json.loads(keep.state)
        for row in others:
            for name, value in json.loads(row.state).items():
                state.setdefault(name, value)
            row.delete()
        keep.state = json.dumps(state, indent=2, sort_keys=True)
        keep.save()
    log.warning("Merged %d duplicated workbench state rows", len(others))
    return keep


def _same_scope(row, key):
    from workbench.models import shorten_scope_name  # pylint: disable=import-outside-toplevel
    from xblock.fields import Scope  # pylint: disable=import-outside-toplevel

    name = key.scope.attr_name if key.scope in (Scope.parent, Scope.children) else key.scope.block.attr_name
    return row.scope == shorten_scope_name(name)


def warm_scenarios():
    """Build every scenario and create the shared rows of each block in it (fields no learner owns)."""
    from workbench.runtime import WorkbenchRuntime  # pylint: disable=import-outside-toplevel
    from workbench.scenarios import get_scenarios  # pylint: disable=import-outside-toplevel
    from xblock.fields import JSONField as Field  # pylint: disable=import-outside-toplevel
    from xblock.fields import UserScope  # pylint: disable=import-outside-toplevel

    runtime = WorkbenchRuntime()
    for scenario in list(get_scenarios().values()):
        todo = [scenario.usage_id]
        while todo:
            block = runtime.get_block(todo.pop())
            for field in block.fields.values():
                if isinstance(field, Field) and getattr(field.scope, "user", None) in (UserScope.NONE, UserScope.ALL):
                    field.read_from(block)
            todo.extend(getattr(block, "children", None) or [])


class WarmScenariosMiddleware:
    """Warms the scenarios once, before the first request is served (requests that come meanwhile wait)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _warmed  # one flag per process
        if not _warmed:
            with _WARM_LOCK:
                if not _warmed:
                    try:
                        warm_scenarios()
                    except Exception:  # pylint: disable=broad-except
                        log.exception("Warming the workbench scenarios failed; they are built on use")
                    _warmed = True
        return self.get_response(request)
