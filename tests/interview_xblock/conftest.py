"""Fixtures for the interview-guide block, on the layer's test runtime (``xblock_layer.testing``)."""

from tests.block_fixtures import block_fixtures
from xblock_layer.testing import call_handler as call  # noqa: F401  (tests import ``call`` from here)


runtime, make_block, block, swedish = block_fixtures("<interview_guide/>")



def good_guide(**changes):
    guide = {"competencies": ["collaboration", "communication"],
             "items": [{"ref": "collaboration_1", "competency": "collaboration", "text": ""},
                       {"ref": "", "competency": "communication", "text": "Berätta om ett svårt besked."}]}
    guide.update(changes)
    return guide
