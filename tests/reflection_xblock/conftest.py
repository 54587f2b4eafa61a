"""Fixtures for the journal block, on the layer's test runtime (``xblock_layer.testing``)."""
import datetime

import pytest

from tests.block_fixtures import block_fixtures
from xblock_layer.testing import call_handler as call  # noqa: F401  (tests import ``call`` from here)

PROMPTS_XML = ('<reflection_journal min_length="10" followup_days="30" '
               'followup_prompt="Vad har du använt sedan kursen?" '
               'prompts=\'[{"text": "Vad tar du med dig?", "guidance": "Tänk konkret."}, '
               '{"text": "Vad gör du annorlunda?"}]\'/>')


runtime, make_block, block, swedish = block_fixtures(PROMPTS_XML)


@pytest.fixture
def today(monkeypatch):
    """Move the block's calendar: ``today(datetime.date(...))``."""
    from reflection_xblock.block import ReflectionJournalXBlock

    def set_day(day):
        monkeypatch.setattr(ReflectionJournalXBlock, "today", staticmethod(lambda: day))
        return day
    return set_day



def utc_today():
    return datetime.datetime.now(datetime.timezone.utc).date()
