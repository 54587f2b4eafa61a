"""The Instructor Dashboard's problem-response report: one row per learner with saved work.

::

    class JournalXBlock(ReportRowsMixin, XBlock):
        def report_row(self, state):          # the learner's user_state dict -> {column: value} or None
            entries = state.get("entries")
            if not entries:
                return None                   # nothing saved: no row
            return {"entries": len(entries)}  # counts and ids; never the learner's free text

A state that raises ``AttributeError``, ``TypeError``, ``KeyError`` or ``ValueError`` in ``report_row`` (damaged
or written by an older version) is left out, not reported half; ``limit_responses`` counts reported rows.
"""

ROW_ERRORS = (AttributeError, TypeError, KeyError, ValueError)


def report_rows(user_state_iterator, limit_responses, row_of_state):
    """Yield ``(username, row)`` for each state for which ``row_of_state(state)`` gives a row."""
    count = 0
    for user_state in user_state_iterator:
        if limit_responses is not None and count >= limit_responses:
            return
        state = getattr(user_state, "state", None) or {}
        if not isinstance(state, dict):
            continue
        try:
            row = row_of_state(state)
        except ROW_ERRORS:
            continue
        if row is None:
            continue
        count += 1
        yield user_state.username, row


class ReportRowsMixin:
    """``generate_report_data`` (the platform's name) from the block's ``report_row(state)``."""

    def report_row(self, state):
        """The report's columns for one learner's ``user_state`` dict, or ``None`` to leave the learner out."""
        raise NotImplementedError

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Yield ``(username, {...})`` for each learner with a row."""
        yield from report_rows(user_state_iterator, limit_responses, self.report_row)
