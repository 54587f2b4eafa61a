"""A block's competency framework: the default one, or the framework staff pasted in Studio (an "override"),
parsed once per text and cached. Every block with a framework setting uses this, so an override means the same
in each of them.
"""
import functools
import hashlib
import logging

from recruitment_core.framework import MAX_INPUT_BYTES, FrameworkError, load_default_framework, parse_framework

log = logging.getLogger(__name__)

# One limit for the Studio form and the parser, so staff see the size message, not a parser error.
MAX_OVERRIDE_CHARS = MAX_INPUT_BYTES
OVERRIDE_SOURCE = "framework_override"


@functools.lru_cache(maxsize=16)
def framework_for(override):
    """The framework for a block whose override text is ``override`` (blank: the default).

    An invalid override cannot be saved from Studio, but one could arrive through an OLX import: then the default
    framework is used and a warning is logged (the errors name fields, never learner text).
    """
    if not override or not override.strip():
        return load_default_framework()
    try:
        return parse_framework(override, source=OVERRIDE_SOURCE)
    except FrameworkError as exc:
        log.warning("Invalid framework override, using the default framework: %s", "; ".join(exc.errors[:5]))
        return load_default_framework()


def override_errors(override):
    """Every problem of an override text as a list of strings (empty when it is blank or valid)."""
    if not override or not override.strip():
        return []
    try:
        parse_framework(override, source=OVERRIDE_SOURCE)
    except FrameworkError as exc:
        return list(exc.errors) or [str(exc)]
    return []


@functools.lru_cache(maxsize=32)
def framework_version(override):
    """A short fingerprint of the framework text, so browsers cache each framework under its own URL."""
    return hashlib.sha1((override or "").encode("utf-8")).hexdigest()[:12]
