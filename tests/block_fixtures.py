"""The pytest fixtures every block's tests start from, on the layer's test runtime (``xblock_layer.testing``).

In a block's ``tests/<package>/conftest.py``::

    runtime, make_block, block, swedish = block_fixtures("<kravprofil/>")
"""
import pytest

from xblock_layer.testing import LayerTestRuntime, block_maker, in_language


def block_fixtures(default_xml):
    """``runtime`` (a fresh ``LayerTestRuntime``), ``make_block(xml=default_xml, user="student_1")``, ``block``
    (one made with the defaults) and ``swedish`` (autouse: tests run in Swedish, the default language, unless
    they switch with ``in_language``)."""

    @pytest.fixture
    def runtime():
        return LayerTestRuntime()

    @pytest.fixture
    def make_block(runtime):  # pylint: disable=redefined-outer-name
        return block_maker(runtime, default_xml)

    @pytest.fixture
    def block(make_block):  # pylint: disable=redefined-outer-name
        return make_block()

    @pytest.fixture(autouse=True)
    def swedish():
        with in_language("sv"):
            yield

    return runtime, make_block, block, swedish
