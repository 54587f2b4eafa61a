"""The reflection journal: entries with versions, the follow-up rule, the course-wide journal and its exports.

Modules: ``model`` (state, validation, drafts, saves, pruning, completion), ``followup`` (when the follow-up
opens), ``course`` (the per-learner course-wide index in ``Scope.user_info``), ``markdown`` (escaped Markdown
export), ``report`` (report rows), ``text`` (sv/en strings and dates). The Word export is
``recruitment_core.documents.journal``.
"""
from .model import (FOLLOWUP_KEY, MAX_ENTRY_CHARS, MAX_PROMPTS, MAX_STATE_CHARS, MAX_VERSIONS, JournalError,
                    commit, empty_state, history, is_complete, prune_preview, save_draft, validate_prompts,
                    validate_state)

__all__ = ["FOLLOWUP_KEY", "MAX_ENTRY_CHARS", "MAX_PROMPTS", "MAX_STATE_CHARS", "MAX_VERSIONS", "JournalError",
           "commit", "empty_state", "history", "is_complete", "prune_preview", "save_draft", "validate_prompts",
           "validate_state"]
