"""The devsite app: makes the workbench safe for concurrent first views (see ``workbench_fixes``) and, for the
layer's browser tests, shows the demo blocks (``demo_blocks``, only with ``DEVSITE_DEMO_BLOCKS=1``)."""
from django.apps import AppConfig


class DevsiteConfig(AppConfig):
    name = "devsite"
    verbose_name = "Development site"

    def ready(self):
        from . import demo_blocks  # pylint: disable=import-outside-toplevel
        from .workbench_fixes import install_state_lock  # pylint: disable=import-outside-toplevel

        install_state_lock()
        if demo_blocks.wanted():
            demo_blocks.register_demo_blocks()
