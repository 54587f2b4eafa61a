"""The project's XBlock types, registered in one place.

``setup.py`` (entry points and package data), ``course_export`` (which block types it may write), the
benchmarks and the tests all read ``BLOCK_TYPES``. Adding a block is adding one line::

    BlockType("reflection_journal", "reflection_xblock.block:ReflectionJournalXBlock", "reflection_xblock"),

The package must hold ``templates/``, ``static/`` and ``conf/locale/`` as it needs (shipped as package data).
This module imports nothing, so ``setup.py`` can read it before anything is installed.
"""
from collections import namedtuple

BlockType = namedtuple("BlockType", "name entry_point package")

BLOCK_TYPES = (
    BlockType("kravprofil", "kravprofil_xblock.block:KravprofilXBlock", "kravprofil_xblock"),
    BlockType("interview_guide", "interview_xblock.block:InterviewGuideXBlock", "interview_xblock"),
)

# What a block package ships besides its modules (setup.py's package_data; MANIFEST.in mirrors it).
LOCALE_DATA = ("conf/locale/*.pot", "conf/locale/*/LC_MESSAGES/*.po", "conf/locale/*/LC_MESSAGES/*.mo")
BLOCK_PACKAGE_DATA = ("templates/*.html", "static/*/*", *LOCALE_DATA)


def block_names():
    """The registered block type names, in registry order."""
    return tuple(block.name for block in BLOCK_TYPES)


def block_packages():
    """The packages of the registered block types, in registry order."""
    return tuple(block.package for block in BLOCK_TYPES)


def entry_point_lines():
    """``xblock.v1`` entry points as setup.py writes them (``"name = module:Class"``)."""
    return [f"{block.name} = {block.entry_point}" for block in BLOCK_TYPES]


def load_class(name):
    """The block class registered as ``name`` (imports its module)."""
    import importlib  # pylint: disable=import-outside-toplevel

    (block,) = [block for block in BLOCK_TYPES if block.name == name]
    module, _, attr = block.entry_point.partition(":")
    return getattr(importlib.import_module(module), attr)
