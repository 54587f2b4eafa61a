"""Fixtures for the kravprofil block, on the layer's test runtime (``xblock_layer.testing``)."""
import pytest

from xblock_layer.testing import LayerTestRuntime, block_maker, in_language
from xblock_layer.testing import call_handler as call  # noqa: F401  (tests import ``call`` from here)


@pytest.fixture
def runtime():
    return LayerTestRuntime()


@pytest.fixture
def make_block(runtime):
    """``make_block(xml='<kravprofil/>', user='student_1')`` parses OLX and builds the block for a learner."""
    return block_maker(runtime, "<kravprofil/>")


@pytest.fixture
def block(make_block):
    return make_block()


@pytest.fixture(autouse=True)
def swedish():
    """Tests run in Swedish (the default language) unless they override it."""
    with in_language("sv"):
        yield
