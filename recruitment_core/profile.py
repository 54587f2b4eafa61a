"""The requirement profile (kravprofil) state, version 1: validation, progress, advice, ad draft, summary.

Shape (see docs/contracts.md)::

    {"version": 1,
     "basics": {"role", "team", "employment", "location", "remote"},          # text
     "purpose": {"purpose", "goals"},                                          # text
     "tasks": [text, ...],
     "requirements": [{"text", "category", "must", "weight", "why", "assessment", "stage", "level"}, ...],
     "competencies": [{"id", "level", "priority"}, ...],
     "conditions": {"salary", "hours", "start", "travel", "other"},           # text
     "process": {"steps", "candidate_info", "timeline", "contact"},          # text
     "ad": {"title", "company", "intro", "tasks", "must", "merits", "offer", "process"}}  # text

``validate_profile`` is strict about shape (unknown keys, wrong types, out-of-range numbers are errors) and
lenient about absence: a missing key or ``null`` gets its default. Text keeps what the learner typed except
control characters (all but newline and tab), lone surrogates and the non-characters U+FFFE/U+FFFF; ``\\r\\n``
and ``\\r`` become ``\\n``.
"""

import json
import re

from .lang import normalize_lang
from .profile_text import ADVICE, AD, ERRORS, text as _text
from .wording import check_text, gender_balance, gender_message

VERSION = 1

MAX_TEXT_CHARS = 2_000
MAX_LONG_TEXT_CHARS = 5_000
MAX_TASKS = 30
MAX_REQUIREMENTS = 40
MAX_COMPETENCIES = 20
MAX_STATE_BYTES = 100_000
MIN_WEIGHT, MAX_WEIGHT = 1, 5
MIN_LEVEL, MAX_LEVEL = 1, 5
MIN_PRIORITY, MAX_PRIORITY = 1, 50
DEFAULT_WEIGHT = 3
DEFAULT_LEVEL = 3
DEFAULT_CATEGORY = "experience"

CATEGORIES = ("education", "experience", "knowledge", "language", "certificate", "personal")
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
COMPETENCY_ID_RE = re.compile(r"[a-z][a-z0-9_]{1,40}")

SECTIONS = ("basics", "purpose", "tasks", "requirements", "competencies", "conditions", "process")

# Text-only sections: key -> maximum length.
_TEXT_SECTIONS = {
    "basics": {"role": MAX_TEXT_CHARS, "team": MAX_TEXT_CHARS, "employment": MAX_TEXT_CHARS,
               "location": MAX_TEXT_CHARS, "remote": MAX_TEXT_CHARS},
    "purpose": {"purpose": MAX_LONG_TEXT_CHARS, "goals": MAX_LONG_TEXT_CHARS},
    "conditions": {"salary": MAX_TEXT_CHARS, "hours": MAX_TEXT_CHARS, "start": MAX_TEXT_CHARS,
                   "travel": MAX_TEXT_CHARS, "other": MAX_LONG_TEXT_CHARS},
    "process": {"steps": MAX_LONG_TEXT_CHARS, "candidate_info": MAX_LONG_TEXT_CHARS,
                "timeline": MAX_TEXT_CHARS, "contact": MAX_TEXT_CHARS},
    "ad": {"title": MAX_TEXT_CHARS, "company": MAX_TEXT_CHARS, "intro": MAX_LONG_TEXT_CHARS,
           "tasks": MAX_LONG_TEXT_CHARS, "must": MAX_LONG_TEXT_CHARS, "merits": MAX_LONG_TEXT_CHARS,
           "offer": MAX_LONG_TEXT_CHARS, "process": MAX_LONG_TEXT_CHARS},
}
_REQUIREMENT_TEXT = {"text": MAX_TEXT_CHARS, "why": MAX_TEXT_CHARS, "assessment": MAX_TEXT_CHARS,
                     "stage": MAX_TEXT_CHARS, "level": MAX_TEXT_CHARS}
_REQUIREMENT_KEYS = ("text", "category", "must", "weight", "why", "assessment", "stage", "level")
_COMPETENCY_KEYS = ("id", "level", "priority")
_TOP_KEYS = ("version", "basics", "purpose", "tasks", "requirements", "competencies", "conditions",
             "process", "ad")

# Control characters (C0 except tab/newline, DEL, C1), lone surrogates, U+FFFE and U+FFFF.
_UNWANTED_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class ProfileError(ValueError):
    """Invalid kravprofil state. ``str(err)`` is English and names the field.

    ``field`` is the path (``"requirements[3].weight"``, ``None`` for the whole state), ``code`` a key of
    ``profile_text.ERRORS`` and ``params`` its values, so a block can show ``err.localized(lang)``.
    """

    def __init__(self, field, code=None, **params):
        if code is None:  # ProfileError("plain message"), as the contract allows
            field, self._plain = None, field
        self.field = field
        self.code = code
        self.params = params
        super().__init__(self.localized("en"))

    def localized(self, lang):
        if self.code is None:
            return self._plain
        return f"{self.field or 'profile'}: {_text(ERRORS, self.code, lang, **self.params)}"


def clean_text(value):
    """Remove control characters (keeping ``\\n`` and ``\\t``) and normalize line ends."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED_RE.sub("", value)


def empty_profile():
    """A fresh version 1 state with every key present."""
    profile = {"version": VERSION}
    for section in ("basics", "purpose"):
        profile[section] = {key: "" for key in _TEXT_SECTIONS[section]}
    profile["tasks"] = []
    profile["requirements"] = []
    profile["competencies"] = []
    for section in ("conditions", "process", "ad"):
        profile[section] = {key: "" for key in _TEXT_SECTIONS[section]}
    return profile


def empty_requirement():
    return {"text": "", "category": DEFAULT_CATEGORY, "must": False, "weight": DEFAULT_WEIGHT, "why": "",
            "assessment": "", "stage": "", "level": ""}


# ---------------------------------------------------------------- validation

def _safe_key(key):
    """A short printable form of an unknown key, for the error's field path."""
    shown = clean_text(str(key))[:40]
    return shown if shown.isprintable() else repr(shown)


def _check_keys(obj, allowed, path):
    for key in obj:
        if key not in allowed:
            name = _safe_key(key)
            raise ProfileError(f"{path}.{name}" if path else name, "unknown_key")


def _text_value(value, path, max_chars):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ProfileError(path, "type_text")
    value = clean_text(value)
    if len(value) > max_chars:
        raise ProfileError(path, "too_long", max=max_chars)
    return value


def _int_value(value, path, low, high, default):
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProfileError(path, "int_range", min=low, max=high)
    return value


def _object(value, path):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProfileError(path, "type_object")
    return value


def _list(value, path, max_items):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProfileError(path, "type_list")
    if len(value) > max_items:
        raise ProfileError(path, "too_many", max=max_items)
    return value


def _text_section(data, section):
    limits = _TEXT_SECTIONS[section]
    obj = _object(data.get(section), section)
    _check_keys(obj, limits, section)
    return {key: _text_value(obj.get(key), f"{section}.{key}", limit) for key, limit in limits.items()}


def _requirement(item, path):
    obj = _object(item, path)
    _check_keys(obj, _REQUIREMENT_KEYS, path)
    req = {}
    for key in _REQUIREMENT_KEYS:
        value = obj.get(key)
        if key in _REQUIREMENT_TEXT:
            req[key] = _text_value(value, f"{path}.{key}", _REQUIREMENT_TEXT[key])
        elif key == "category":
            if value is None:
                value = DEFAULT_CATEGORY
            if not isinstance(value, str) or value not in CATEGORIES:
                raise ProfileError(f"{path}.category", "choice", choices=", ".join(CATEGORIES))
            req[key] = value
        elif key == "must":
            if value is None:
                value = False
            if not isinstance(value, bool):
                raise ProfileError(f"{path}.must", "type_bool")
            req[key] = value
        else:  # weight
            req[key] = _int_value(value, f"{path}.weight", MIN_WEIGHT, MAX_WEIGHT, DEFAULT_WEIGHT)
    return req


def _competency(item, path, index):
    obj = _object(item, path)
    _check_keys(obj, _COMPETENCY_KEYS, path)
    comp_id = obj.get("id")
    if comp_id is None:
        raise ProfileError(f"{path}.id", "required")
    if not isinstance(comp_id, str) or not COMPETENCY_ID_RE.fullmatch(comp_id):
        raise ProfileError(f"{path}.id", "id_pattern")
    return {
        "id": comp_id,
        "level": _int_value(obj.get("level"), f"{path}.level", MIN_LEVEL, MAX_LEVEL, DEFAULT_LEVEL),
        "priority": _int_value(obj.get("priority"), f"{path}.priority", MIN_PRIORITY, MAX_PRIORITY,
                               min(index + 1, MAX_PRIORITY)),
    }


def validate_profile(data):
    """Return a cleaned, complete copy of ``data`` or raise :class:`ProfileError` naming the first bad field."""
    if not isinstance(data, dict):
        raise ProfileError(None, "type_object")
    _check_keys(data, _TOP_KEYS, "")
    version = data.get("version", VERSION)
    if version is None:
        version = VERSION
    if isinstance(version, bool) or not isinstance(version, int) or version != VERSION:
        raise ProfileError("version", "version", expected=VERSION)

    profile = {"version": VERSION}
    for section in ("basics", "purpose"):
        profile[section] = _text_section(data, section)

    tasks = _list(data.get("tasks"), "tasks", MAX_TASKS)
    profile["tasks"] = [_text_value_required(task, f"tasks[{i}]") for i, task in enumerate(tasks)]

    reqs = _list(data.get("requirements"), "requirements", MAX_REQUIREMENTS)
    profile["requirements"] = [_requirement(item, f"requirements[{i}]") for i, item in enumerate(reqs)]

    comps = _list(data.get("competencies"), "competencies", MAX_COMPETENCIES)
    profile["competencies"] = []
    seen = set()
    for i, item in enumerate(comps):
        comp = _competency(item, f"competencies[{i}]", i)
        if comp["id"] in seen:
            raise ProfileError(f"competencies[{i}].id", "duplicate")
        seen.add(comp["id"])
        profile["competencies"].append(comp)

    for section in ("conditions", "process", "ad"):
        profile[section] = _text_section(data, section)

    size = len(json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_STATE_BYTES:
        raise ProfileError(None, "too_large", max=MAX_STATE_BYTES)
    return profile


def _text_value_required(value, path):
    """A task line: text, never ``null`` (a list item has no meaningful default)."""
    if not isinstance(value, str):
        raise ProfileError(path, "type_text")
    return _text_value(value, path, MAX_TEXT_CHARS)


# ---------------------------------------------------------------- progress

def _has(value):
    return isinstance(value, str) and value.strip() != ""


def filled_sections(profile):
    """The names in :data:`SECTIONS` that hold meaningful content."""
    filled = set()
    basics = profile.get("basics") or {}
    if _has(basics.get("role")):
        filled.add("basics")
    if _has((profile.get("purpose") or {}).get("purpose")):
        filled.add("purpose")
    if any(_has(task) for task in profile.get("tasks") or []):
        filled.add("tasks")
    if any(_has(req.get("text")) for req in profile.get("requirements") or []):
        filled.add("requirements")
    if profile.get("competencies"):
        filled.add("competencies")
    if any(_has(value) for value in (profile.get("conditions") or {}).values()):
        filled.add("conditions")
    process = profile.get("process") or {}
    if _has(process.get("steps")) or _has(process.get("candidate_info")):
        filled.add("process")
    return filled


# ---------------------------------------------------------------- advice

def _advice(section, index, field, kind, message):
    return {"section": section, "index": index, "field": field, "kind": kind, "message": message}


def _text_fields(profile):
    """Every learner text field as ``(section, index, field, text)``."""
    for section in ("basics", "purpose"):
        for key, value in profile[section].items():
            yield section, None, key, value
    for i, task in enumerate(profile["tasks"]):
        yield "tasks", i, "text", task
    for i, req in enumerate(profile["requirements"]):
        for key in _REQUIREMENT_TEXT:
            yield "requirements", i, key, req[key]
    for section in ("conditions", "process", "ad"):
        for key, value in profile[section].items():
            yield section, None, key, value


_DIGIT = re.compile(r"\d")


def _structural_advice(profile, framework, lang, max_competencies):
    advice = []
    reqs = [(i, req) for i, req in enumerate(profile["requirements"]) if _has(req["text"])]
    for i, req in reqs:
        if not _has(req["why"]):
            advice.append(_advice("requirements", i, "why", "missing_why", _text(ADVICE, "missing_why", lang)))
        if not _has(req["assessment"]):
            advice.append(_advice("requirements", i, "assessment", "missing_assessment",
                                  _text(ADVICE, "missing_assessment", lang)))
        if not _has(req["stage"]):
            advice.append(_advice("requirements", i, "stage", "missing_stage",
                                  _text(ADVICE, "missing_stage", lang)))
        if req["category"] == "language" and not _has(req["level"]):
            advice.append(_advice("requirements", i, "level", "language_level",
                                  _text(ADVICE, "language_level", lang)))
    must = sum(1 for _, req in reqs if req["must"])
    # The two-thirds rule needs a few requirements to mean anything: one must-have of one is not "too many".
    if must > 5 or (len(reqs) >= 3 and must * 3 > len(reqs) * 2):
        advice.append(_advice("requirements", None, "must", "too_many_must",
                              _text(ADVICE, "too_many_must", lang, must=must, total=len(reqs))))

    comps = profile["competencies"]
    if len(comps) > max_competencies:
        advice.append(_advice("competencies", None, None, "too_many_competencies",
                              _text(ADVICE, "too_many_competencies", lang, count=len(comps),
                                    max=max_competencies)))
    seen_priorities = set()
    for i, comp in enumerate(comps):
        if framework is not None and framework.get(comp["id"]) is None:
            advice.append(_advice("competencies", i, "id", "unknown_competency",
                                  _text(ADVICE, "unknown_competency", lang, id=comp["id"])))
        if comp["priority"] in seen_priorities:
            advice.append(_advice("competencies", i, "priority", "duplicate_priority",
                                  _text(ADVICE, "duplicate_priority", lang, priority=comp["priority"])))
        seen_priorities.add(comp["priority"])

    # Pay or its range, stated before the interview (directive (EU) 2023/970): a figure is what counts.
    if filled_sections(profile) and not _DIGIT.search(profile["conditions"]["salary"]):
        advice.append(_advice("conditions", None, "salary", "pay_range", _text(ADVICE, "pay_range", lang)))
    # Only once the learner has started: an empty profile gets no nagging about the process plan.
    if filled_sections(profile) and not _has(profile["process"]["candidate_info"]):
        advice.append(_advice("process", None, "candidate_info", "no_candidate_info",
                              _text(ADVICE, "no_candidate_info", lang)))
    return advice


# A requirement's written reason ("why") is the reason the wording check looks for next to a demand such as a
# driving licence: the check clears such a flag when the same sentence gives a reason ("eftersom ...",
# "because ..."). So the requirement text is checked again with its reason joined on as one sentence; a flag of
# kind "indirect" that this clears is justified and not shown. Flags a reason cannot clear (a language demand
# without a level, years of experience, a photo, ...) stay, as does every flag when the reason is empty.
_REASON_JOINERS = ("eftersom", "because")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;]+")


def _drop_resolved(flags, text, suffixes, lang):
    """Leave out ``indirect`` flags on ``text`` that the requirement's other fields resolve.

    Each suffix is what the other field says, written after the text (", eftersom <why>", " (C1)"). A flag is
    dropped when the wording check no longer raises it once any one suffix is added; so the check's own rules
    (a reason in the sentence, a named language level) decide, and nothing is kept twice.
    """
    if not suffixes or not any(flag["kind"] == "indirect" for flag in flags):
        return flags
    stem = text.rstrip(" \t\n.!?;")
    still_flagged = [{(f["kind"], f["start"], f["end"]) for f in check_text(stem + suffix, lang)}
                     for suffix in suffixes]
    return [flag for flag in flags
            if flag["kind"] != "indirect" or flag["end"] > len(stem)
            or all((flag["kind"], flag["start"], flag["end"]) in seen for seen in still_flagged)]


def _resolving_suffixes(req):
    """The requirement's written level and reason as phrases that can follow its text."""
    suffixes = []
    if _has(req["level"]):
        suffixes.append([f" ({' '.join(req['level'].split())})"])
    if _has(req["why"]):
        reason = " ".join(_SENTENCE_PUNCTUATION.sub(" ", req["why"]).split())
        suffixes.append([f", {joiner} {reason}" for joiner in _REASON_JOINERS])
    return suffixes


def profile_advice(profile, framework, lang, max_competencies=6):
    """Advisory notes on a profile (validated first): structure, then wording flags of every text field.

    Each item is ``{"section", "index", "field", "kind", "message"}``; wording items also carry the keys of
    ``wording.check_text``'s flags (their ``kind`` is the flag's kind). ``framework`` may be ``None`` (then
    unknown competency ids are not reported). An ``indirect`` flag on a requirement's text (or its other fields)
    that its written reason or level resolves (a driving licence with a "why", "god svenska" with level C1) is left out;
    see ``_drop_resolved``.
    """
    lang = normalize_lang(lang)
    profile = validate_profile(profile)
    advice = _structural_advice(profile, framework, lang, max_competencies)
    for section, index, field, value in _text_fields(profile):
        if not _has(value):
            continue
        flags = check_text(value, lang)
        if section == "requirements":  # every field of the requirement: "Kopia av körkort" as its assessment too
            for suffixes in _resolving_suffixes(profile["requirements"][index]):
                flags = _drop_resolved(flags, value, suffixes, lang)
        for flag in flags:
            item = {"section": section, "index": index, "field": field}
            item.update(flag)
            advice.append(item)
    advice.extend(_placeholder_advice(profile["ad"], lang))
    balance = _ad_gender_advice(profile["ad"], lang)
    if balance:
        advice.append(balance)
    return _ordered(_grouped(advice, lang))


# The worst first: a manager who reads three items must have read the discrimination flags.
_ORDER = {"discrimination": 0, "indirect": 1, "placeholder": 2}
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,120}\]")


def _ordered(advice):
    """Discrimination, then indirect, then placeholders left in the ad, then the rest; stable within each."""
    return sorted(advice, key=lambda item: _ORDER.get(item["kind"], 3))


def _group_key(item):
    if "severity" in item:  # a wording flag: the same words with the same message
        return ("flag", item["kind"], item.get("ground"), item["match"].casefold(), item["message"])
    if item["kind"] in ("missing_why", "missing_assessment", "missing_stage", "language_level"):
        return ("structure", item["kind"])
    return None


def _grouped(advice, lang):
    """One item for advice that repeats ("Han" in four fields, a missing reason on ten requirements).

    The first item stays where it was and gets ``repeats`` (the other places: ``{"section", "index",
    "field"}``) and a sentence on how many more places it concerns; the others are left out.
    """
    first = {}
    kept = []
    for item in advice:
        key = _group_key(item)
        if key is None or key not in first:
            if key is not None:
                first[key] = item
            kept.append(item)
            continue
        first[key].setdefault("repeats", []).append(
            {"section": item["section"], "index": item["index"], "field": item["field"]})
    for item in kept:
        if item.get("repeats"):
            item["message"] += " " + _text(ADVICE, "repeats", lang, count=len(item["repeats"]))
    return kept


def _placeholder_advice(ad, lang):
    """A bracketed placeholder of the draft ("[Företagets namn]") still in an ad field: replace it first."""
    items = []
    for key, value in ad.items():
        found = _PLACEHOLDER.findall(value or "")
        if found:
            items.append(_advice("ad", None, key, "placeholder",
                                 _text(ADVICE, "placeholder", lang, placeholder=found[0], count=len(found))))
    return items


def _ad_gender_advice(ad, lang):
    """One advice item on the gender coding of the whole ad when it leans to one side (Gaucher et al. 2011)."""
    text = "\n".join(value for value in ad.values() if _has(value))
    if not text:
        return None
    balance = gender_balance(text)
    if balance["verdict"] not in ("masculine", "feminine"):
        return None
    item = _advice("ad", None, None, "gender_balance", gender_message(balance, lang))
    item.update({"verdict": balance["verdict"], "masculine": balance["masculine"], "feminine": balance["feminine"]})
    return item


# ---------------------------------------------------------------- ad draft

def _lower_first(value):
    """``Backendutvecklare`` -> ``backendutvecklare`` for the middle of a sentence; ``UX-designer`` stays."""
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        return value[0].lower() + value[1:]
    return value


def _bullets(lines):
    return "\n".join(f"• {line.strip()}" for line in lines if _has(line))


def _localized(mapping, lang):
    if not isinstance(mapping, dict):
        return ""
    return mapping.get(lang) or mapping.get("sv") or ""


# A reason written as a clause ("du kör till kunder varje vecka") joins with "eftersom"; one written as a phrase
# ("kundbesök i länet") with "för". The first words that tell a clause from a phrase:
_CLAUSE_START = re.compile(
    r"(?:eftersom|då|för att|så att|du|vi|ni|tjänsten|rollen|arbetet|jobbet|det|man|kunderna|teamet|"
    r"because|since|as|so that|you|we|the|it|this|our|customers)\b", re.IGNORECASE)
_ALREADY_JOINED = re.compile(r"(?:eftersom|för att|så att|because|since|so that)\b", re.IGNORECASE)


def _reason_candidates(why, lang):
    """The requirement's reason as endings for its ad line, the likelier form first."""
    reason = " ".join(_SENTENCE_PUNCTUATION.sub(" ", why).split())
    if not reason:
        return []
    reason = _lower_first(reason)
    if _ALREADY_JOINED.match(reason):
        return [f", {reason}"]
    clause = _text(AD, "reason_clause", lang, reason=reason)
    phrase = _text(AD, "reason_phrase", lang, reason=reason)
    return [clause, phrase] if _CLAUSE_START.match(reason) else [phrase, clause]


def _indirect_flags(text, lang):
    return [f for f in check_text(text, lang) if f["kind"] in ("indirect", "discrimination")]


def _requirement_line(req, lang):
    """One bullet of the ad: the requirement, its language level, and its reason where the reason is what
    justifies an otherwise indirect requirement ("B-körkort, eftersom du kör till kunder varje vecka")."""
    line = req["text"].strip().rstrip(".")
    level = " ".join(req["level"].split())
    if level and level.lower() not in line.lower():
        shown = (_text(AD, "language_level", lang, level=level.upper())
                 if req["category"] == "language" and level.upper() in CEFR_LEVELS else level)
        line = f"{line} ({shown})"
    if _has(req["why"]) and _indirect_flags(line, lang):
        for ending in _reason_candidates(req["why"], lang):
            if not _indirect_flags(line + ending, lang):
                return line + ending
    return line  # no flag, or one a reason cannot settle (years of experience): the advice says so


def _competency_lines(profile, framework, lang):
    """Each chosen competency as one "Du …" line at the chosen level, in priority order."""
    lines = []
    if framework is None:
        return lines
    for comp in sorted(profile["competencies"], key=lambda c: c["priority"]):
        item = framework.get(comp["id"])
        if item is None:
            continue  # never invent a competency the framework does not describe
        wording = getattr(item, "ad", None)
        if wording and wording.get(comp["level"]):
            lines.append(_localized(wording[comp["level"]], lang).strip())
        else:
            lines.append(_text(AD, "competency_missing_ad", lang, name=_localized(item.name, lang).strip(),
                               level=comp["level"]))
    return lines


def draft_ad(profile, framework, lang):
    """A first ad draft (the ``ad`` shape) built only from what the profile says.

    The draft follows a Swedish job ad: an opening about the job, what you will do, skallkrav then personal
    competencies at the chosen level ("Du …", from the framework's ``ad`` wording), meriterande, what we offer
    (with a hint on the pay or its range), and the process: steps, dates, when every applicant gets an answer,
    contact and how to apply. Where the profile says nothing, the field gets a bracketed hint such as
    "[Beskriv vad ni erbjuder]". ``ad.company`` is not part of the profile, so the learner's own text is kept.
    """
    lang = normalize_lang(lang)
    profile = validate_profile(profile)
    basics, purpose = profile["basics"], profile["purpose"]
    conditions, process = profile["conditions"], profile["process"]
    role = basics["role"].strip()

    intro = []
    if role:
        team = basics["team"].strip()
        key = "intro_role_team" if team else "intro_role"
        intro.append(_text(AD, key, lang, role=_lower_first(role), team=_lower_first(team)))
    for value in (purpose["purpose"], purpose["goals"]):
        if _has(value):
            intro.append(value.strip())
    for key in ("location", "remote"):
        if _has(basics[key]):
            intro.append(_text(AD, key, lang, value=basics[key].strip()))

    reqs = [req for req in profile["requirements"] if _has(req["text"])]
    must = _bullets(_requirement_line(req, lang) for req in reqs if req["must"])
    merits = _bullets(_requirement_line(req, lang) for req in reqs if not req["must"])
    comp_lines = _competency_lines(profile, framework, lang)
    if comp_lines:
        block = _text(AD, "competencies_lead", lang) + "\n" + _bullets(comp_lines)
        must = f"{must}\n\n{block}" if must else block

    offer = []
    if _has(basics["employment"]):
        offer.append(_text(AD, "employment", lang, value=basics["employment"].strip()))
    if _has(conditions["hours"]):
        offer.append(_text(AD, "hours", lang, value=conditions["hours"].strip()))
    if _has(conditions["salary"]):
        offer.append(_text(AD, "salary", lang, value=conditions["salary"].strip()))
    elif offer or any(_has(conditions[key]) for key in ("start", "travel", "other")):
        offer.append(_text(AD, "ph_salary", lang))
    for key in ("start", "travel"):
        if _has(conditions[key]):
            offer.append(_text(AD, key, lang, value=conditions[key].strip()))
    if _has(conditions["other"]):
        offer.append(conditions["other"].strip())

    steps = []
    if _has(process["steps"]):
        steps.append(_text(AD, "steps", lang, value=_lower_first(process["steps"].strip())))
    if _has(process["timeline"]):
        steps.append(_text(AD, "timeline", lang, value=process["timeline"].strip()))
    if steps or _has(process["candidate_info"]) or _has(process["contact"]):
        steps.append(process["candidate_info"].strip() if _has(process["candidate_info"])
                     else _text(AD, "ph_candidate_info", lang))
        steps.append(_text(AD, "contact", lang, value=process["contact"].strip()) if _has(process["contact"])
                     else _text(AD, "ph_contact", lang))
        steps.append(_text(AD, "apply", lang))

    company = profile["ad"]["company"].strip()
    return {
        "title": role or _text(AD, "ph_title", lang),
        "company": company or _text(AD, "ph_company", lang),
        "intro": "\n\n".join(intro) if intro else _text(AD, "ph_intro", lang),
        "tasks": _bullets(profile["tasks"]) or _text(AD, "ph_tasks", lang),
        "must": must or _text(AD, "ph_must", lang),
        "merits": merits or _text(AD, "ph_merits", lang),
        "offer": "\n".join(offer) if offer else _text(AD, "ph_offer", lang),
        "process": "\n".join(steps) if steps else _text(AD, "ph_process", lang),
    }


# ---------------------------------------------------------------- summary

def summary(profile):
    """Counts and ids only (plus the role title) for reports and the interview guide.

    Competency ids are ordered by priority; requirements without text are not counted.
    """
    reqs = [req for req in profile.get("requirements") or [] if _has(req.get("text"))]
    comps = sorted(enumerate(profile.get("competencies") or []),
                   key=lambda pair: (pair[1].get("priority", MAX_PRIORITY), pair[0]))
    return {
        "role": ((profile.get("basics") or {}).get("role") or "").strip(),
        "competencies": [comp["id"] for _, comp in comps],
        "requirements": len(reqs),
        "must": sum(1 for req in reqs if req.get("must") is True),
    }
