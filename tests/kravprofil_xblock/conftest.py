"""Fixtures for the kravprofil block, on the layer's test runtime (``xblock_layer.testing``)."""

from tests.block_fixtures import block_fixtures
from xblock_layer.testing import call_handler as call  # noqa: F401  (tests import ``call`` from here)


runtime, make_block, block, swedish = block_fixtures("<kravprofil/>")

