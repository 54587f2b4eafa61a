"""Instructor Dashboard report: counts and ids per learner, never the learner's free text (the role title aside)."""
from recruitment_core.profile import summary


class ReportMixin:
    """``generate_report_data`` for the platform's problem-response report."""

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Yield ``(username, {...})`` for each learner who has saved a profile."""
        count = 0
        for user_state in user_state_iterator:
            if limit_responses is not None and count >= limit_responses:
                return
            state = getattr(user_state, "state", None) or {}
            profile = state.get("profile")
            if not isinstance(profile, dict) or not profile:
                continue
            try:
                info = summary(profile)
            except (AttributeError, TypeError, KeyError, ValueError):
                continue  # a damaged state is left out, not reported half
            count += 1
            yield user_state.username, {
                "role": info["role"][:200],
                "requirements": info["requirements"],
                "must_haves": info["must"],
                "competencies": ", ".join(str(cid) for cid in info["competencies"]),
                "competency_count": len(info["competencies"]),
                "revision": state.get("revision", 0) if isinstance(state.get("revision"), int) else 0,
                "completed": bool(state.get("completed", False)),
            }
