"""Completion, published once per learner: the first time the block's rule says the work is done.

::

    class JournalXBlock(CompletionOnceMixin, XBlock):
        ...
            self.publish_completion_once(len(self.entries) >= 3)

The ``completed`` field remembers it; later saves (even ones that undo the work) publish nothing more.
"""
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlockMixin
from xblock.fields import Boolean, Scope


class CompletionOnceMixin(CompletableXBlockMixin, XBlockMixin):
    """``completed`` and ``publish_completion_once(done)`` (emits ``completion`` 1.0 through the runtime)."""

    completed = Boolean(default=False, scope=Scope.user_state, help="Completion has been published.")

    def publish_completion_once(self, done):
        """Publish completion if ``done`` and not published before; True if it is (now or earlier) complete."""
        if self.completed:
            return True
        if not done:
            return False
        self.completed = True
        self.emit_completion(1.0)
        return True
