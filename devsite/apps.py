"""The devsite app: makes the workbench safe for concurrent first views (see ``workbench_fixes``)."""
from django.apps import AppConfig


class DevsiteConfig(AppConfig):
    name = "devsite"
    verbose_name = "Development site"

    def ready(self):
        from .workbench_fixes import install_state_lock  # pylint: disable=import-outside-toplevel

        install_state_lock()
