"""Which question bank and practice case a block uses (the built-in bank or the Studio override), cached, and the
bank as the page fetches it (one cacheable GET per bank and language)."""
import functools
import hashlib
import json
import logging

from recruitment_core.framework import load_default_framework
from recruitment_core.practice import PracticeCaseError, parse_practice_case
from recruitment_core.questions import MAX_INPUT_BYTES, QuestionBankError, load_default_bank, parse_bank_override

log = logging.getLogger(__name__)

MAX_OVERRIDE_CHARS = MAX_INPUT_BYTES
BANK_SOURCE = "question_bank_override"
CASE_SOURCE = "practice_case"


@functools.lru_cache(maxsize=16)
def bank_for(override):
    """The bank of a block whose ``question_bank_override`` is ``override`` (blank: the built-in bank).

    An invalid override cannot be saved from Studio; one arriving by OLX import is logged and the built-in bank
    is used (the previous bank is kept, never a half-read one)."""
    if not override or not override.strip():
        return load_default_bank()
    try:
        return parse_bank_override(override, load_default_bank(), BANK_SOURCE, load_default_framework())
    except QuestionBankError as exc:
        log.warning("Invalid question bank override, using the built-in bank: %s", "; ".join(exc.errors[:5]))
        return load_default_bank()


def bank_errors(override):
    if not override or not override.strip():
        return []
    try:
        parse_bank_override(override, load_default_bank(), BANK_SOURCE, load_default_framework())
    except QuestionBankError as exc:
        return list(exc.errors)
    return []


@functools.lru_cache(maxsize=16)
def case_for(text, override=""):
    """The parsed practice case, or None (blank or invalid)."""
    if not text or not text.strip():
        return None
    try:
        return parse_practice_case(text, CASE_SOURCE, load_default_framework(), bank_for(override))
    except PracticeCaseError as exc:
        log.warning("Invalid practice case: %s", "; ".join(exc.errors[:5]))
        return None


def case_errors(text, override=""):
    if not text or not text.strip():
        return []
    try:
        parse_practice_case(text, CASE_SOURCE, load_default_framework(), bank_for(override))
    except PracticeCaseError as exc:
        return list(exc.errors)
    return []


@functools.lru_cache(maxsize=16)
def bank_version(override):
    return hashlib.sha1((override or "").encode("utf-8")).hexdigest()[:12]


@functools.lru_cache(maxsize=32)
def bank_json(override, lang, ui="{}"):
    """The localized bank, the framework's competencies (names, levels) and the page's ``ui`` JSON text (its
    script strings and labels) as compact UTF-8 JSON bytes."""
    data = bank_for(override).localized(lang)
    framework = load_default_framework().localized(lang)
    data["competencies"] = [{"id": comp["id"], "name": comp["name"], "levels": comp["levels"]}
                            for cluster in framework["clusters"] for comp in cluster["competencies"]]
    data["ui"] = json.loads(ui)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
