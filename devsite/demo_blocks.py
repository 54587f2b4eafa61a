"""Test blocks in the workbench, only when ``DEVSITE_DEMO_BLOCKS=1`` (browser tests of the layer): the layer's
tiny demo block (tests/xblock_layer/demo_block.py, block type ``layer_demo``) gets a scenario without being an
entry point of the package."""
import os
from types import SimpleNamespace

DEMO_BLOCKS = {"layer_demo": "tests.xblock_layer.demo_block:LayerDemoBlock"}


def wanted():
    return os.environ.get("DEVSITE_DEMO_BLOCKS") == "1"


def register_demo_blocks():
    """Make the demo blocks loadable by type name (``XBlock.load_class``/``load_classes``), once."""
    import importlib  # pylint: disable=import-outside-toplevel

    from xblock import plugin  # pylint: disable=import-outside-toplevel
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel

    known = {name for name, _ in XBlock.extra_entry_points}
    for name, target in DEMO_BLOCKS.items():
        if name in known:
            continue
        module, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module), attr)
        entry_point = SimpleNamespace(name=name, group="xblock.v1", dist=SimpleNamespace(key="devsite"),
                                      load=lambda cls=cls: cls)
        XBlock.extra_entry_points.append((name, entry_point))
    plugin.PLUGIN_CACHE = {}
