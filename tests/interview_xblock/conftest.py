"""Fixtures for the interview-guide block, on the layer's test runtime (``xblock_layer.testing``)."""
import pytest

from xblock_layer.testing import LayerTestRuntime, block_maker, in_language
from xblock_layer.testing import call_handler as call  # noqa: F401  (tests import ``call`` from here)


@pytest.fixture
def runtime():
    return LayerTestRuntime()


@pytest.fixture
def make_block(runtime):
    """``make_block(xml='<interview_guide/>', user='student_1')``."""
    return block_maker(runtime, "<interview_guide/>")


@pytest.fixture
def block(make_block):
    return make_block()


@pytest.fixture(autouse=True)
def swedish():
    with in_language("sv"):
        yield


def good_guide(**changes):
    guide = {"competencies": ["collaboration", "communication"],
             "items": [{"ref": "collaboration_1", "competency": "collaboration", "text": ""},
                       {"ref": "", "competency": "communication", "text": "Berätta om ett svårt besked."}]}
    guide.update(changes)
    return guide
