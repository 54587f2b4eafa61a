"""Which competency framework a block uses, cached: the default one or the block's Studio override."""
import functools
import hashlib
import json
import logging

from recruitment_core.framework import MAX_INPUT_BYTES, FrameworkError, load_default_framework, parse_framework

log = logging.getLogger(__name__)

# One limit for the Studio form and the parser, so staff see the size message, not a parser error.
MAX_OVERRIDE_CHARS = MAX_INPUT_BYTES
OVERRIDE_SOURCE = "framework_override"


@functools.lru_cache(maxsize=16)
def framework_for(override):
    """The framework for a block whose ``framework_override`` field is ``override`` (blank: the default).

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
def frontend_framework(override, lang):
    """The part of the localized framework the page needs: clusters, competency names, definitions, levels."""
    localized = framework_for(override).localized(lang)
    return {
        "clusters": [
            {
                "id": cluster["id"],
                "name": cluster["name"],
                "competencies": [
                    {"id": comp["id"], "name": comp["name"], "definition": comp["definition"],
                     "levels": comp["levels"]}
                    for comp in cluster["competencies"]
                ],
            }
            for cluster in localized["clusters"]
        ],
    }


@functools.lru_cache(maxsize=32)
def frontend_framework_json(override, lang):
    """``frontend_framework`` as compact UTF-8 JSON bytes (served by the block's ``framework_data`` handler)."""
    return json.dumps(frontend_framework(override, lang), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@functools.lru_cache(maxsize=32)
def framework_version(override):
    """A short fingerprint of the framework text, so browsers cache each framework under its own URL."""
    return hashlib.sha1((override or "").encode("utf-8")).hexdigest()[:12]
