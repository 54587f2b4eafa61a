"""The question bank: competency questions, phone-screen and reference-check sets, questions not to ask.

The default bank lives in ``recruitment_core/data/questions.yaml`` (Swedish and English in one file). A bank
document is YAML (or JSON, which the same loader reads)::

    id: ascii_snake_case
    version: "1.0"
    framework: scaleup_competencies        # the framework whose competency ids the questions use
    title: {sv: ..., en: ...}
    source: "..."                          # optional
    weak_signs: {sv: [...], en: [...]}     # optional: signs of a weak answer to any question
    questions:
      - id: collaboration_1
        competency: collaboration          # a competency id of the framework
        type: behavioural | situational
        minutes: 7                         # optional, 2-30 (default 7 behavioural, 5 situational)
        question: {sv: ..., en: ...}
        follow_ups:                        # situation - beteende - resultat (S-B-R)
          situation: {sv: [1-4 items], en: [the same number]}
          behaviour: {sv: [...], en: [...]}
          result: {sv: [...], en: [...]}
        anchors: {1: {sv, en}, 3: {sv, en}, 5: {sv, en}}
        weak_signs: {sv: [1-5 items], en: [the same number]}
    phone_screen:                          # telefonavstämning
      - {id, topic: <PHONE_TOPICS>, question: {sv, en}, note: {sv, en}}
    reference_check:                       # referenstagning
      - {id, part: <REFERENCE_PARTS>, question: {sv, en}, note: {sv, en}, per_competency: false}
        # per_competency: true -> the question holds "{competency}" and is asked once per competency
    must_not_ask:
      - {id: <MUST_NOT_ASK_TOPICS>, topic: {sv, en}, examples: {sv: [..], en: [..]},
         patterns: ["word", "stem*", "a phrase of words"], why: {sv, en}, instead: {sv, en}}

Errors are collected, every one of them, as ``"<source>: <field path>: <problem>"`` (as for the framework).
Staff extend or replace the bank per block with an override document (``parse_bank_override``).
"""
import copy
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

import yaml

from .framework import (
    _CONTROL_CHARS,
    MAX_NESTING,
    _check_bilingual,
    _check_id,
    _check_keys,
    _check_list,
    _check_text,
    _Errors,
    _join,
    _level_number,
    _Loader,
    _NoAliasDumper,
    _scan_events,
    _type_name,
    _yaml_error,
    load_default_framework,
)
from .lang import LANGUAGES, normalize_lang

MAX_INPUT_BYTES = 400_000
QUESTION_TYPES = ("behavioural", "situational")
TYPE_LABELS = {
    "behavioural": {"sv": "Beteendebaserad", "en": "Behavioural"},
    "situational": {"sv": "Situationsbaserad", "en": "Situational"},
}
FOLLOW_UP_KINDS = ("situation", "behaviour", "result")
FOLLOW_UP_LABELS = {
    "situation": {"sv": "Situation", "en": "Situation"},
    "behaviour": {"sv": "Beteende", "en": "Behaviour"},
    "result": {"sv": "Resultat", "en": "Result"},
}
ANCHOR_LEVELS = (1, 3, 5)
DEFAULT_MINUTES = {"behavioural": 7, "situational": 5}
MINUTES_RANGE = (2, 30)
PHONE_TOPICS = ("motivation", "must_have", "right_to_work", "notice_period", "location", "conditions", "pay",
                "process", "timeline", "candidate_questions", "other")
REFERENCE_PARTS = ("before_call", "opening", "relation", "competency", "overall", "closing")
MUST_NOT_ASK_TOPICS = ("family_plans", "pregnancy", "age", "origin", "religion", "health", "sexual_orientation",
                       "union_membership")
# Headings of the phone-screen topics and the reference-check parts (sv/en), for every view of the bank.
PHONE_TOPIC_LABELS = {
    "motivation": {"sv": "Motivation", "en": "Motivation"},
    "must_have": {"sv": "Skallkrav", "en": "Must-haves"},
    "right_to_work": {"sv": "Rätt att arbeta i Sverige", "en": "Right to work"},
    "notice_period": {"sv": "Uppsägningstid", "en": "Notice period"},
    "location": {"sv": "Arbetsplats", "en": "Location"},
    "conditions": {"sv": "Villkor", "en": "Conditions"},
    "pay": {"sv": "Lön", "en": "Pay"},
    "process": {"sv": "Processen", "en": "The process"},
    "timeline": {"sv": "Tidplan", "en": "Timeline"},
    "candidate_questions": {"sv": "Kandidatens frågor", "en": "The candidate's questions"},
    "other": {"sv": "Övrigt", "en": "Other"},
}
REFERENCE_PART_LABELS = {
    "before_call": {"sv": "Före samtalet", "en": "Before the call"},
    "opening": {"sv": "Inledning", "en": "Opening"},
    "relation": {"sv": "Referensens relation till kandidaten", "en": "The referee's relation to the candidate"},
    "competency": {"sv": "Kompetenserna", "en": "The competencies"},
    "overall": {"sv": "Helhetsbilden", "en": "The overall picture"},
    "closing": {"sv": "Avslutning", "en": "Closing"},
}
COMPETENCY_PLACEHOLDER = "{competency}"
MAX_ITEMS = {"questions": 300, "phone_screen": 60, "reference_check": 60, "must_not_ask": 30}
LIST_COUNT = {"follow_up": (1, 4), "weak_signs": (1, 5), "general_weak_signs": (1, 10), "examples": (1, 6),
              "patterns": (1, 60)}
MAX_LEN = {"title": 120, "source": 1000, "version": 20, "question": 500, "follow_up": 300, "anchor": 400,
           "weak_sign": 300, "note": 600, "topic": 80, "example": 200, "why": 800, "instead": 600,
           "pattern": 60}
MAX_PATTERN_WORDS = 6
_PATTERN_RE = re.compile(r"^\w+\*?(?: \w+\*?)*$")

_TOP_KEYS = {"id": True, "version": True, "framework": True, "title": True, "source": False,
             "weak_signs": False, "questions": True, "phone_screen": False, "reference_check": False,
             "must_not_ask": False}
_OVERRIDE_KEYS = dict.fromkeys(list(_TOP_KEYS) + ["mode"], False)
_QUESTION_KEYS = {"id": True, "competency": True, "type": True, "minutes": False, "question": True,
                  "follow_ups": True, "anchors": True, "weak_signs": True}
_PHONE_KEYS = {"id": True, "topic": True, "question": True, "note": True}
_REFERENCE_KEYS = {"id": True, "part": True, "question": True, "note": True, "per_competency": False}
_MUST_NOT_KEYS = {"id": True, "topic": True, "examples": True, "patterns": True, "why": True, "instead": True}
OVERRIDE_MODES = ("extend", "replace")
SECTIONS = ("questions", "phone_screen", "reference_check", "must_not_ask")


class QuestionBankError(ValueError):
    """A bank document that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Question:
    id: str
    competency: str
    type: str
    question: dict        # {"sv": str, "en": str}
    follow_ups: dict      # {"situation": {"sv": [..], "en": [..]}, "behaviour": ..., "result": ...}
    anchors: dict         # {1: {"sv", "en"}, 3: ..., 5: ...}
    weak_signs: dict      # {"sv": [..], "en": [..]}
    minutes: int

    def to_dict(self):
        data = {"id": self.id, "competency": self.competency, "type": self.type}
        if self.minutes != DEFAULT_MINUTES[self.type]:
            data["minutes"] = self.minutes
        data["question"] = dict(self.question)
        data["follow_ups"] = {kind: {lang: list(self.follow_ups[kind][lang]) for lang in LANGUAGES}
                              for kind in FOLLOW_UP_KINDS}
        data["anchors"] = {level: dict(self.anchors[level]) for level in ANCHOR_LEVELS}
        data["weak_signs"] = {lang: list(self.weak_signs[lang]) for lang in LANGUAGES}
        return data

    def localized(self, lang):
        return {
            "id": self.id, "competency": self.competency, "type": self.type, "minutes": self.minutes,
            "text": self.question[lang],
            "follow_ups": {kind: list(self.follow_ups[kind][lang]) for kind in FOLLOW_UP_KINDS},
            "anchors": {str(level): self.anchors[level][lang] for level in ANCHOR_LEVELS},
            "weak_signs": list(self.weak_signs[lang]),
        }


@dataclass(frozen=True)
class ScreenItem:
    """An item of the phone-screen or reference-check set."""

    id: str
    kind: str             # "phone_screen" | "reference_check"
    group: str            # a topic (phone screen) or a part (reference check)
    question: dict
    note: dict
    per_competency: bool = False

    def to_dict(self):
        data = {"id": self.id, ("topic" if self.kind == "phone_screen" else "part"): self.group,
                "question": dict(self.question), "note": dict(self.note)}
        if self.per_competency:
            data["per_competency"] = True
        return data

    def localized(self, lang):
        return {"id": self.id, "group": self.group, "text": self.question[lang], "note": self.note[lang],
                "per_competency": self.per_competency}


@dataclass(frozen=True)
class MustNotAsk:
    id: str
    topic: dict
    examples: dict
    patterns: tuple
    why: dict
    instead: dict

    def to_dict(self):
        return {"id": self.id, "topic": dict(self.topic),
                "examples": {lang: list(self.examples[lang]) for lang in LANGUAGES},
                "patterns": list(self.patterns), "why": dict(self.why), "instead": dict(self.instead)}

    def localized(self, lang):
        return {"id": self.id, "topic": self.topic[lang], "examples": list(self.examples[lang]),
                "why": self.why[lang], "instead": self.instead[lang]}


@dataclass(frozen=True)
class QuestionBank:
    """A validated bank. Treat it as read-only: views are cached."""

    id: str
    version: str
    framework: str
    title: dict
    questions: list
    phone_screen: list = field(default_factory=list)
    reference_check: list = field(default_factory=list)
    must_not_ask: list = field(default_factory=list)
    weak_signs: dict = field(default_factory=lambda: {"sv": [], "en": []})
    source: str = ""
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def _index(self):
        index = self._cache.get("index")
        if index is None:
            index = {}
            for item in [*self.questions, *self.phone_screen, *self.reference_check]:
                index.setdefault(item.id, item)
            self._cache["index"] = index
        return index

    def get(self, item_id):
        """The question (or phone-screen / reference-check item) with this id, or None."""
        return self._index().get(item_id) if isinstance(item_id, str) else None

    def for_competency(self, comp_id):
        return [q for q in self.questions if q.competency == comp_id]

    def items_for(self, guide_type):
        """The items a guide of this type is built from."""
        if guide_type == "phone_screen":
            return self.phone_screen
        if guide_type == "reference_check":
            return self.reference_check
        return self.questions

    def counts(self):
        """Counts per competency and per type (for reports and the release note)."""
        per_comp, per_type = {}, {}
        for q in self.questions:
            per_comp[q.competency] = per_comp.get(q.competency, 0) + 1
            per_type[q.type] = per_type.get(q.type, 0) + 1
        return {"questions": len(self.questions), "per_competency": per_comp, "per_type": per_type,
                "phone_screen": len(self.phone_screen), "reference_check": len(self.reference_check),
                "must_not_ask": len(self.must_not_ask)}

    def fingerprint(self):
        """A short hash of the content (for cacheable URLs)."""
        if "fingerprint" not in self._cache:
            import hashlib
            digest = hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
                                    .encode("utf-8")).hexdigest()
            self._cache["fingerprint"] = digest[:16]
        return self._cache["fingerprint"]

    def localized(self, lang):
        """JSON-ready view in one language (a fresh copy on every call)."""
        lang = normalize_lang(lang)
        key = ("dict", lang)
        if key not in self._cache:
            self._cache[key] = self._build_localized(lang)
        return copy.deepcopy(self._cache[key])

    def localized_json(self, lang):
        lang = normalize_lang(lang)
        key = ("json", lang)
        if key not in self._cache:
            self._cache[key] = json.dumps(self._build_localized(lang), ensure_ascii=False, separators=(",", ":"))
        return self._cache[key]

    def _build_localized(self, lang):
        return {
            "id": self.id, "version": self.version, "lang": lang, "title": self.title[lang],
            "type_labels": {t: TYPE_LABELS[t][lang] for t in QUESTION_TYPES},
            "follow_up_labels": {k: FOLLOW_UP_LABELS[k][lang] for k in FOLLOW_UP_KINDS},
            "weak_signs": list(self.weak_signs.get(lang, [])),
            "questions": [q.localized(lang) for q in self.questions],
            "phone_screen": [item.localized(lang) for item in self.phone_screen],
            "reference_check": [item.localized(lang) for item in self.reference_check],
            "must_not_ask": [item.localized(lang) for item in self.must_not_ask],
        }

    def to_dict(self):
        data = {"id": self.id, "version": self.version, "framework": self.framework, "title": dict(self.title)}
        if self.source:
            data["source"] = self.source
        if self.weak_signs.get("sv"):
            data["weak_signs"] = {lang: list(self.weak_signs[lang]) for lang in LANGUAGES}
        data["questions"] = [q.to_dict() for q in self.questions]
        if self.phone_screen:
            data["phone_screen"] = [item.to_dict() for item in self.phone_screen]
        if self.reference_check:
            data["reference_check"] = [item.to_dict() for item in self.reference_check]
        if self.must_not_ask:
            data["must_not_ask"] = [item.to_dict() for item in self.must_not_ask]
        return data

    def to_yaml(self):
        """YAML text that ``parse_question_bank`` reads back to an equal bank."""
        return yaml.dump(self.to_dict(), Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100,
                         default_flow_style=False)


# ---------------------------------------------------------------- loading

def load_default_bank():
    """The bank shipped with the package, checked against the shipped framework (parsed once, cached)."""
    return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default():
    text = resources.files("recruitment_core").joinpath("data", "questions.yaml").read_text("utf-8")
    return parse_question_bank(text, "questions.yaml", load_default_framework())


def _read_document(text, source, err_cls):
    """Decode, size-check, scan and safely load a YAML/JSON document; raise ``err_cls`` on any problem."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise err_cls([f"{source}: (document): not UTF-8 text (byte {exc.start})"]) from None
    if not isinstance(text, str):
        raise err_cls([f"{source}: (document): expected text, got {_type_name(text)}"])
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_INPUT_BYTES:
        raise err_cls([f"{source}: (document): too large ({size} bytes, at most {MAX_INPUT_BYTES})"])
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise err_cls([f"{source}: (document): empty"])
    problems = _scan_events(text)
    if problems:
        raise err_cls([f"{source}: {where}: {problem}" for where, problem in problems])
    try:
        return yaml.load(text, Loader=_Loader)  # safe loader
    except yaml.YAMLError as exc:
        raise err_cls([f"{source}: {_yaml_error(exc, text)}"]) from None
    except (RecursionError, MemoryError):  # pragma: no cover - the event scan stops deep nesting first
        raise err_cls([f"{source}: (document): nested more than {MAX_NESTING} levels deep"]) from None


def parse_question_bank(text, source="<input>", framework=None):
    """Parse and validate a complete bank document; raise QuestionBankError listing every problem.

    With a ``framework``, every question's competency must be one of its ids."""
    source = str(source)
    data = _read_document(text, source, QuestionBankError)
    errors = []
    bank = _check_bank(data, _Errors(source, errors), framework, _TOP_KEYS)
    if errors:
        raise QuestionBankError(errors)
    return bank


def parse_bank_override(text, base, source="<input>", framework=None):
    """A bank from a Studio override document on top of ``base``.

    The document holds any of ``questions``, ``phone_screen``, ``reference_check``, ``must_not_ask`` (and
    optionally ``title``, ``weak_signs``, ``id``, ``version``, ``framework``, ``source``) and ``mode``:
    ``extend`` (default: an item whose id is in the base replaces it, a new id is added) or ``replace`` (the
    sections given replace the base's sections; ``questions`` is then required). Raises QuestionBankError
    listing every problem; the caller keeps the previous bank.
    """
    source = str(source)
    data = _read_document(text, source, QuestionBankError)
    errors = []
    err = _Errors(source, errors)
    if not isinstance(data, dict):
        err.add("", f"expected a mapping at the top level, got {_type_name(data)}")
        raise QuestionBankError(errors)
    mode = data.get("mode", "extend")
    if mode not in OVERRIDE_MODES:
        err.add("mode", f"{str(mode)[:40]!r} is not a mode (use extend or replace)")
    if not any(section in data for section in SECTIONS):
        err.add("", "nothing to change: give at least one of " + ", ".join(SECTIONS))
    if mode == "replace" and "questions" not in data:
        err.add("questions", "missing (mode: replace needs the questions)")
    merged = {"id": data.get("id", base.id), "version": data.get("version", base.version),
              "framework": data.get("framework", base.framework), "title": data.get("title", dict(base.title))}
    if "source" in data or base.source:
        merged["source"] = data.get("source", base.source)
    if "weak_signs" in data or base.weak_signs.get("sv"):
        merged["weak_signs"] = data.get("weak_signs", {lang: list(base.weak_signs[lang]) for lang in LANGUAGES})
    base_dict = base.to_dict()
    for section in SECTIONS:
        given = data.get(section)
        if given is None:
            if section in base_dict:
                merged[section] = base_dict[section]
            continue
        if mode == "replace" or not isinstance(given, list):
            merged[section] = given
            continue
        items = list(base_dict.get(section, []))
        position = {item["id"]: i for i, item in enumerate(items)}
        for raw in given:
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str) and raw_id in position:
                items[position[raw_id]] = raw
            else:
                items.append(raw)
        merged[section] = items
    for key in data:
        if key not in _OVERRIDE_KEYS:
            err.add(str(key)[:40], "unknown field")
    if errors:
        raise QuestionBankError(errors)
    # Paths in the messages point into the merged bank; name the section so staff find the item by id.
    bank = _check_bank(merged, err, framework, _TOP_KEYS)
    if errors:
        raise QuestionBankError(errors)
    return bank


# ---------------------------------------------------------------- schema check

def _bilingual_list(value, path, count, max_len, err):
    """{sv: [..], en: [..]} with ``count`` = (lo, hi) items each and the same number in both."""
    if not isinstance(value, dict):
        err.add(path, "missing" if value is None else
                f"expected a mapping with sv and en lists, got {_type_name(value)}")
        return None
    for key in value:
        if key not in LANGUAGES:
            err.add(_join(path, str(key)[:40]), "unknown language (use sv and en)")
    result = {}
    lo, hi = count
    for lang in LANGUAGES:
        items = _check_list(value.get(lang), _join(path, lang), err)
        if items is None:
            continue
        if not lo <= len(items) <= hi:
            err.add(_join(path, lang), f"{len(items)} items, expected {lo} to {hi}")
            continue
        if all([_check_text(item, f"{_join(path, lang)}[{i}]", max_len, err) for i, item in enumerate(items)]):
            result[lang] = list(items)
    if len(result) == len(LANGUAGES) and len(result["sv"]) != len(result["en"]):
        err.add(path, f"sv has {len(result['sv'])} items but en has {len(result['en'])}")
        return None
    return result if len(result) == len(LANGUAGES) else None


def _check_bank(data, err, framework, top_keys):
    if not isinstance(data, dict):
        err.add("", f"expected a mapping at the top level, got {_type_name(data)}")
        return None
    before = len(err.errors)
    _check_keys(data, "", top_keys, err)
    bank_id = _check_id(data.get("id"), "id", err) if "id" in data else None
    version = data.get("version")
    if "version" in data:
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            err.add("version", f"expected text, got a number (write it in quotes: \"{version}\")")
        else:
            _check_text(version, "version", MAX_LEN["version"], err)
    fw_id = _check_id(data.get("framework"), "framework", err) if "framework" in data else None
    title = _check_bilingual(data.get("title"), "title", MAX_LEN["title"], err) if "title" in data else None
    source = data.get("source", "")
    if "source" in data:
        _check_text(source, "source", MAX_LEN["source"], err)
    weak = {"sv": [], "en": []}
    if "weak_signs" in data:
        weak = _bilingual_list(data["weak_signs"], "weak_signs", LIST_COUNT["general_weak_signs"],
                               MAX_LEN["weak_sign"], err)
    known = {comp.id for comp in framework.competencies} if framework is not None else None

    questions = _check_section(data, "questions", err, lambda raw, path, seen: _check_question(
        raw, path, seen, known, err))
    if questions is not None and not questions and "questions" in data:
        err.add("questions", "empty (at least one question)")
    phone = _check_section(data, "phone_screen", err, lambda raw, path, seen: _check_screen_item(
        raw, path, seen, "phone_screen", err)) or []
    reference = _check_section(data, "reference_check", err, lambda raw, path, seen: _check_screen_item(
        raw, path, seen, "reference_check", err)) or []
    must_not = _check_section(data, "must_not_ask", err, lambda raw, path, seen: _check_must_not(
        raw, path, seen, err)) or []
    # One id space over questions, phone-screen and reference-check items (a guide refers to them by id).
    seen_ids = {}
    for section, items in (("questions", questions or []), ("phone_screen", phone), ("reference_check", reference)):
        for i, item in enumerate(items):
            if item.id in seen_ids and seen_ids[item.id][0] != section:
                err.add(f"{section}[{i}].id", f"id {item.id!r} is already used in {seen_ids[item.id][0]}")
            seen_ids.setdefault(item.id, (section, i))
    if len(err.errors) > before:
        return None
    return QuestionBank(id=bank_id, version=version, framework=fw_id, title=title, questions=questions,
                        phone_screen=phone, reference_check=reference, must_not_ask=must_not, weak_signs=weak,
                        source=source)


def _check_section(data, section, err, check_item):
    if section not in data:
        return None
    raw_items = _check_list(data.get(section), section, err)
    if raw_items is None:
        return None
    if len(raw_items) > MAX_ITEMS[section]:
        err.add(section, f"{len(raw_items)} items, at most {MAX_ITEMS[section]}")
        return None
    seen = set()
    items = []
    for i, raw in enumerate(raw_items):
        item = check_item(raw, f"{section}[{i}]", seen)
        if item is not None:
            items.append(item)
    return items


def _start_item(raw, path, seen, keys, err):
    if not isinstance(raw, dict):
        err.add(path, f"expected a mapping, got {_type_name(raw)}")
        return None
    _check_keys(raw, path, keys, err)
    item_id = _check_id(raw.get("id"), _join(path, "id"), err) if "id" in raw else None
    if item_id is not None:
        if item_id in seen:
            err.add(_join(path, "id"), f"duplicate id {item_id!r}")
        seen.add(item_id)
    return item_id


def _check_choice(value, path, choices, what, err):
    if not isinstance(value, str):
        err.add(path, "missing" if value is None else f"expected text, got {_type_name(value)}")
        return None
    if value not in choices:
        err.add(path, f"unknown {what} {value[:40]!r} (use " + ", ".join(choices) + ")")
        return None
    return value


def _check_question(raw, path, seen, known_competencies, err):
    before = len(err.errors)
    q_id = _start_item(raw, path, seen, _QUESTION_KEYS, err)
    if raw is None or not isinstance(raw, dict):
        return None
    comp = None
    if "competency" in raw:
        comp = _check_id(raw.get("competency"), _join(path, "competency"), err)
        if comp is not None and known_competencies is not None and comp not in known_competencies:
            err.add(_join(path, "competency"), f"unknown competency {comp!r} (not in the framework)")
    q_type = _check_choice(raw.get("type"), _join(path, "type"), QUESTION_TYPES, "type", err) \
        if "type" in raw else None
    minutes = DEFAULT_MINUTES.get(q_type, 7)
    if "minutes" in raw:
        value = raw["minutes"]
        lo, hi = MINUTES_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            err.add(_join(path, "minutes"), f"expected a whole number of minutes from {lo} to {hi}")
        else:
            minutes = value
    text = _check_bilingual(raw.get("question"), _join(path, "question"), MAX_LEN["question"], err) \
        if "question" in raw else None
    follow_ups = _check_follow_ups(raw.get("follow_ups"), _join(path, "follow_ups"), err) \
        if "follow_ups" in raw else None
    anchors = _check_anchors(raw.get("anchors"), _join(path, "anchors"), err) if "anchors" in raw else None
    weak = _bilingual_list(raw.get("weak_signs"), _join(path, "weak_signs"), LIST_COUNT["weak_signs"],
                           MAX_LEN["weak_sign"], err) if "weak_signs" in raw else None
    if len(err.errors) > before:
        return None
    return Question(id=q_id, competency=comp, type=q_type, question=text, follow_ups=follow_ups, anchors=anchors,
                    weak_signs=weak, minutes=minutes)


def _check_follow_ups(value, path, err):
    if not isinstance(value, dict):
        err.add(path, "missing" if value is None else
                f"expected a mapping with situation, behaviour and result, got {_type_name(value)}")
        return None
    result = {}
    for key in value:
        if key not in FOLLOW_UP_KINDS:
            err.add(_join(path, str(key)[:40]), "unknown group (use situation, behaviour and result)")
    for kind in FOLLOW_UP_KINDS:
        if kind not in value:
            err.add(_join(path, kind), "missing")
            continue
        items = _bilingual_list(value[kind], _join(path, kind), LIST_COUNT["follow_up"], MAX_LEN["follow_up"], err)
        if items is not None:
            result[kind] = items
    return result if len(result) == len(FOLLOW_UP_KINDS) else None


def _check_anchors(value, path, err):
    if not isinstance(value, dict):
        err.add(path, "missing" if value is None else
                f"expected a mapping of levels 1, 3 and 5, got {_type_name(value)}")
        return None
    levels = {}
    for key in value:
        number = _level_number(key)
        if number not in ANCHOR_LEVELS:
            err.add(_join(path, str(key)[:40]), "unknown anchor level (anchors are for levels 1, 3 and 5)")
        elif number in levels:
            err.add(_join(path, number), "level given twice")
        else:
            levels[number] = value[key]
    result = {}
    for number in ANCHOR_LEVELS:
        if number not in levels:
            err.add(_join(path, number), "missing")
            continue
        text = _check_bilingual(levels[number], _join(path, number), MAX_LEN["anchor"], err)
        if text is not None:
            result[number] = text
    if len(result) == len(ANCHOR_LEVELS):
        for lang in LANGUAGES:
            texts = [result[n][lang].strip().casefold() for n in ANCHOR_LEVELS]
            if len(set(texts)) < len(texts):
                err.add(path, f"two anchors have the same {lang} text (each level describes different behaviour)")
        return result
    return None


def _check_screen_item(raw, path, seen, kind, err):
    before = len(err.errors)
    keys = _PHONE_KEYS if kind == "phone_screen" else _REFERENCE_KEYS
    item_id = _start_item(raw, path, seen, keys, err)
    if not isinstance(raw, dict):
        return None
    group_key, choices, what = (("topic", PHONE_TOPICS, "topic") if kind == "phone_screen"
                                else ("part", REFERENCE_PARTS, "part"))
    group = _check_choice(raw.get(group_key), _join(path, group_key), choices, what, err) \
        if group_key in raw else None
    per_comp = raw.get("per_competency", False)
    if not isinstance(per_comp, bool):
        err.add(_join(path, "per_competency"), f"expected true or false, got {_type_name(per_comp)}")
        per_comp = False
    text = _check_bilingual(raw.get("question"), _join(path, "question"), MAX_LEN["question"], err) \
        if "question" in raw else None
    note = _check_bilingual(raw.get("note"), _join(path, "note"), MAX_LEN["note"], err) if "note" in raw else None
    if text is not None:
        for lang in LANGUAGES:
            has_placeholder = COMPETENCY_PLACEHOLDER in text[lang]
            other_braces = text[lang].replace(COMPETENCY_PLACEHOLDER, "")
            if "{" in other_braces or "}" in other_braces:
                err.add(_join(_join(path, "question"), lang),
                        "braces are only allowed as {competency} (in a per_competency question)")
            elif per_comp and not has_placeholder:
                err.add(_join(_join(path, "question"), lang), "per_competency: true needs {competency} in the text")
            elif has_placeholder and not per_comp:
                err.add(_join(_join(path, "question"), lang), "{competency} needs per_competency: true")
    if len(err.errors) > before:
        return None
    return ScreenItem(id=item_id, kind=kind, group=group, question=text, note=note, per_competency=per_comp)


def _check_must_not(raw, path, seen, err):
    before = len(err.errors)
    item_id = _start_item(raw, path, seen, _MUST_NOT_KEYS, err)
    if not isinstance(raw, dict):
        return None
    if item_id is not None and item_id not in MUST_NOT_ASK_TOPICS:
        err.add(_join(path, "id"), f"unknown topic {item_id!r} (use " + ", ".join(MUST_NOT_ASK_TOPICS) + ")")
    topic = _check_bilingual(raw.get("topic"), _join(path, "topic"), MAX_LEN["topic"], err) \
        if "topic" in raw else None
    examples = _bilingual_list(raw.get("examples"), _join(path, "examples"), LIST_COUNT["examples"],
                               MAX_LEN["example"], err) if "examples" in raw else None
    patterns = None
    if "patterns" in raw:
        items = _check_list(raw.get("patterns"), _join(path, "patterns"), err)
        if items is not None:
            lo, hi = LIST_COUNT["patterns"]
            if not lo <= len(items) <= hi:
                err.add(_join(path, "patterns"), f"{len(items)} patterns, expected {lo} to {hi}")
            ok = True
            for i, item in enumerate(items):
                where = f"{_join(path, 'patterns')}[{i}]"
                if not _check_text(item, where, MAX_LEN["pattern"], err):
                    ok = False
                elif not _PATTERN_RE.match(" ".join(item.split())) or len(item.split()) > MAX_PATTERN_WORDS:
                    err.add(where, f"{item[:40]!r} is not a pattern (words or word stems ending in *, at most "
                                   f"{MAX_PATTERN_WORDS} words, separated by spaces)")
                    ok = False
            if ok:
                patterns = tuple(_normalize(" ".join(item.split())) for item in items)
    why = _check_bilingual(raw.get("why"), _join(path, "why"), MAX_LEN["why"], err) if "why" in raw else None
    instead = _check_bilingual(raw.get("instead"), _join(path, "instead"), MAX_LEN["instead"], err) \
        if "instead" in raw else None
    if len(err.errors) > before:
        return None
    return MustNotAsk(id=item_id, topic=topic, examples=examples, patterns=patterns, why=why, instead=instead)


# ---------------------------------------------------------------- must-not-ask matching

def _normalize(text):
    return unicodedata.normalize("NFC", text).casefold()


def _pattern_regex(pattern):
    parts = []
    for word in pattern.split(" "):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


@functools.lru_cache(maxsize=64)
def _compiled(patterns):
    return re.compile("|".join(f"(?:{_pattern_regex(p)})" for p in patterns))


def must_not_ask_hits(text, bank, lang):
    """Where ``text`` looks like a question an interviewer must not ask.

    A list of ``{"kind": "must_not_ask", "topic": id, "topic_name", "match", "start", "end", "message",
    "suggestion", "severity": "high"}`` (at most one per topic, the first match). Offsets point into the
    NFC-normalised text (for ordinary input: the text as given).
    """
    lang = normalize_lang(lang)
    if not isinstance(text, str) or not text.strip():
        return []
    folded = _normalize(text)
    original = unicodedata.normalize("NFC", text)
    if len(folded) != len(original):  # casefold changed the length (e.g. "ß"): fall back to lower()
        folded = original.lower()
    hits = []
    for item in bank.must_not_ask:
        match = _compiled(item.patterns).search(folded) if len(folded) == len(original) else None
        if match is None:
            continue
        hits.append({"kind": "must_not_ask", "topic": item.id, "topic_name": item.topic[lang],
                     "match": original[match.start():match.end()], "start": match.start(), "end": match.end(),
                     "message": item.why[lang], "suggestion": item.instead[lang], "severity": "high"})
    return hits


def strip_control(text):
    """Text without control characters (the bank's own rule), for learner questions shown in documents."""
    return _CONTROL_CHARS.sub("", text)
