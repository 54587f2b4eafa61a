"""The learner's interview guide: state shape, validation, advice, time estimate, completion and summary.

State (version 1), one shape for every guide type (interview, phone_screen, reference_check, practice)::

    {
      "version": 1,
      "profile_key": str,                 # which shared kravprofil summary the guide starts from ("" = none)
      "competencies": [id, ...],          # the competencies the guide assesses, in order
      "items": [{"ref": str,              # a bank id (question, phone-screen or reference item) or "" (own)
                 "competency": str,       # a competency id or ""
                 "text": str}],           # own text or rewording; "" = the bank's text
      "opening": {"who": str, "agenda": str, "notes": str},
      "candidate_minutes": int 0..30,
      "closing": {"next_steps": str, "hear_back": str},
      "practicalities": {"notice_period": str, "pay": str, "location": str, "other": str},
      "interviewers": [{"name": str, "seniority": int 1..5, "submitted": bool,
                        "ratings": {competency id: {"score": None | 1..5 | "na", "evidence": str}}}],
      "practice": {"submitted": bool, "ratings": {competency id: {"score": ..., "evidence": str}}},
    }

``validate_guide`` returns a cleaned copy (missing keys filled in) or raises ``GuideError``. Learner text is
never logged and goes out as plain text only.
"""
import copy
import json
import re

from . import guide_text as gt
from .framework import ID_PATTERN
from .lang import normalize_lang
from .questions import _compiled, _normalize, must_not_ask_hits
from .wording import check_text

VERSION = 1
GUIDE_TYPES = ("interview", "phone_screen", "reference_check", "practice")
NOT_ASSESSED = "na"
SCORES = (1, 2, 3, 4, 5)
MAX_ITEMS = 40
MAX_COMPETENCIES = 20
MAX_INTERVIEWERS = 8
MAX_TEXT_CHARS = 1000
MAX_LONG_TEXT_CHARS = 4000
MAX_NAME_CHARS = 80
MAX_KEY_CHARS = 200
MAX_STATE_BYTES = 100_000
CANDIDATE_MINUTES = (0, 30)
DEFAULT_CANDIDATE_MINUTES = {"interview": 10, "practice": 10, "phone_screen": 0, "reference_check": 0}
OPENING_MINUTES = {"interview": 5, "practice": 5, "phone_screen": 2, "reference_check": 2}
CLOSING_MINUTES = {"interview": 5, "practice": 5, "phone_screen": 2, "reference_check": 2}
ITEM_MINUTES = {"interview": 6, "practice": 6, "phone_screen": 2, "reference_check": 3}   # own questions
RECOMMENDED_COMPETENCIES = (5, 8)  # US OPM 2008

OPENING_KEYS = ("who", "agenda", "notes")
CLOSING_KEYS = ("next_steps", "hear_back")
PRACTICAL_KEYS = ("notice_period", "pay", "location", "other")
_ITEM_KEYS = ("ref", "competency", "text")
_RATING_KEYS = ("score", "evidence")
_INTERVIEWER_KEYS = ("name", "seniority", "submitted", "ratings")
_TOP_KEYS = ("version", "profile_key", "competencies", "items", "opening", "candidate_minutes", "closing",
             "practicalities", "interviewers", "practice")
_UNWANTED_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Questions about pay history (the EU pay transparency directive 2023/970): words and phrases as in the bank.
PAY_HISTORY_PATTERNS = ("nuvarande lön", "tidigare lön", "förra lön*", "senaste lön*", "vad tjänar du",
                        "vad har du i lön", "vad hade du i lön", "lönehistorik", "current salary", "previous salary",
                        "last salary", "current pay", "previous pay", "salary history", "pay history",
                        "what do you earn", "how much do you earn")
# Leading questions ("Du är väl bra på …?", "…, right?").
LEADING_PATTERNS = ("är du väl", "du är väl", "har du väl", "du har väl", "eller hur", "visst är du", "visst har du",
                    "aren't you", "don't you agree", "isn't it", "wouldn't you say")


class GuideError(ValueError):
    """Invalid guide state: ``field`` is the path, ``code`` a key of ``guide_text.ERRORS``."""

    def __init__(self, field, code, **params):
        self.field = field
        self.code = code
        self.params = params
        super().__init__(self.localized("en"))

    def localized(self, lang):
        return f"{self.field or 'guide'}: {gt.text(gt.ERRORS, self.code, lang, **self.params)}"


def clean_text(value):
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED_RE.sub("", value)


def empty_guide(guide_type="interview", lang="sv", planned_minutes=60):
    """A fresh state with the default opening and closing texts in ``lang``."""
    lang = normalize_lang(lang)
    return {
        "version": VERSION,
        "profile_key": "",
        "competencies": [],
        "items": [],
        "opening": {key: gt.default_text(guide_type, f"opening.{key}", lang, minutes=planned_minutes)
                    for key in OPENING_KEYS},
        "candidate_minutes": DEFAULT_CANDIDATE_MINUTES.get(guide_type, 10),
        "closing": {key: gt.default_text(guide_type, f"closing.{key}", lang, minutes=planned_minutes)
                    for key in CLOSING_KEYS},
        "practicalities": {key: "" for key in PRACTICAL_KEYS},
        "interviewers": [],
        "practice": {"submitted": False, "ratings": {}},
    }


# ---------------------------------------------------------------- validation

def _keys(obj, allowed, path):
    if not isinstance(obj, dict):
        raise GuideError(path, "type", expected="object")
    for key in obj:
        if key not in allowed:
            shown = clean_text(str(key))[:40]
            raise GuideError(f"{path}.{shown}" if path else shown, "unknown_key")


def _text(value, path, max_chars):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise GuideError(path, "type", expected="text")
    value = clean_text(value)
    if len(value) > max_chars:
        raise GuideError(path, "too_long", max=max_chars)
    return value


def _int(value, path, low, high):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise GuideError(path, "range", low=low, high=high)
    return value


def _bool(value, path):
    if not isinstance(value, bool):
        raise GuideError(path, "type", expected="true/false")
    return value


def _list(value, path, max_items):
    if not isinstance(value, list):
        raise GuideError(path, "type", expected="list")
    if len(value) > max_items:
        raise GuideError(path, "too_many", max=max_items)
    return value


def _id(value, path, allow_empty=True):
    if value in (None, "") and allow_empty:
        return ""
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise GuideError(path, "id")
    return value


def _score(value, path):
    if value is None or value == "":
        return None
    if value == NOT_ASSESSED:
        return NOT_ASSESSED
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
        raise GuideError(path, "score")
    return value


def _ratings(value, path):
    if not isinstance(value, dict):
        raise GuideError(path, "type", expected="object")
    if len(value) > MAX_COMPETENCIES:
        raise GuideError(path, "too_many", max=MAX_COMPETENCIES)
    out = {}
    for comp_id, rating in value.items():
        comp = _id(comp_id, f"{path}.{clean_text(str(comp_id))[:40]}", allow_empty=False)
        where = f"{path}.{comp}"
        _keys(rating, _RATING_KEYS, where)
        out[comp] = {"score": _score(rating.get("score"), f"{where}.score"),
                     "evidence": _text(rating.get("evidence", ""), f"{where}.evidence", MAX_LONG_TEXT_CHARS)}
    return out


def _section(data, key, keys, max_chars):
    value = data.get(key, {})
    _keys(value, keys, key)
    return {k: _text(value.get(k, ""), f"{key}.{k}", max_chars) for k in keys}


def validate_guide(data):
    """A cleaned copy of the guide state, or ``GuideError`` (wrong type, unknown key, out of range, too long)."""
    _keys(data, _TOP_KEYS, "")
    if data.get("version", VERSION) != VERSION:
        raise GuideError("version", "range", low=VERSION, high=VERSION)
    guide = {"version": VERSION,
             "profile_key": _text(data.get("profile_key", ""), "profile_key", MAX_KEY_CHARS)}
    comps = []
    for i, comp in enumerate(_list(data.get("competencies", []), "competencies", MAX_COMPETENCIES)):
        comp = _id(comp, f"competencies[{i}]", allow_empty=False)
        if comp not in comps:
            comps.append(comp)
    guide["competencies"] = comps
    items = []
    for i, item in enumerate(_list(data.get("items", []), "items", MAX_ITEMS)):
        path = f"items[{i}]"
        _keys(item, _ITEM_KEYS, path)
        items.append({"ref": _id(item.get("ref", ""), f"{path}.ref"),
                      "competency": _id(item.get("competency", ""), f"{path}.competency"),
                      "text": _text(item.get("text", ""), f"{path}.text", MAX_TEXT_CHARS)})
    guide["items"] = items
    guide["opening"] = _section(data, "opening", OPENING_KEYS, MAX_TEXT_CHARS)
    guide["candidate_minutes"] = _int(data.get("candidate_minutes", 10), "candidate_minutes", *CANDIDATE_MINUTES)
    guide["closing"] = _section(data, "closing", CLOSING_KEYS, MAX_TEXT_CHARS)
    guide["practicalities"] = _section(data, "practicalities", PRACTICAL_KEYS, MAX_TEXT_CHARS)
    interviewers = []
    names = set()
    for i, person in enumerate(_list(data.get("interviewers", []), "interviewers", MAX_INTERVIEWERS)):
        path = f"interviewers[{i}]"
        _keys(person, _INTERVIEWER_KEYS, path)
        name = _text(person.get("name", ""), f"{path}.name", MAX_NAME_CHARS).strip()
        folded = name.casefold()
        if folded and folded in names:
            raise GuideError(f"{path}.name", "duplicate_name")
        names.add(folded)
        interviewers.append({"name": name, "seniority": _int(person.get("seniority", 1), f"{path}.seniority", 1, 5),
                             "submitted": _bool(person.get("submitted", False), f"{path}.submitted"),
                             "ratings": _ratings(person.get("ratings", {}), f"{path}.ratings")})
    guide["interviewers"] = interviewers
    practice = data.get("practice", {})
    _keys(practice, ("submitted", "ratings"), "practice")
    guide["practice"] = {"submitted": _bool(practice.get("submitted", False), "practice.submitted"),
                         "ratings": _ratings(practice.get("ratings", {}), "practice.ratings")}
    size = len(json.dumps(guide, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_STATE_BYTES:
        raise GuideError(None, "too_large", size=size, max=MAX_STATE_BYTES)
    return guide


def keep_submitted_ratings(previous, new):
    """``new`` with the ratings of every interviewer who had already submitted in ``previous`` kept as they were.

    An interviewer rates alone and then hands in; afterwards the others' ratings are visible, so a submitted
    rating is not changed silently (the learner reopens it by setting ``submitted`` to false first).
    """
    before = {p["name"].casefold(): p for p in previous.get("interviewers", []) if p.get("submitted")}
    for person in new.get("interviewers", []):
        old = before.get(person["name"].casefold())
        if old is not None and person.get("submitted"):
            person["ratings"] = copy.deepcopy(old["ratings"])
    if previous.get("practice", {}).get("submitted") and new["practice"]["submitted"]:
        new["practice"]["ratings"] = copy.deepcopy(previous["practice"]["ratings"])
    return new


# ---------------------------------------------------------------- reading the guide against the bank

def item_text(item, bank, lang, competency_name=None):
    """What the interviewer asks: the learner's wording, else the bank's text ("" when neither exists)."""
    if item["text"].strip():
        return item["text"].strip()
    source = bank.get(item["ref"]) if item["ref"] else None
    if source is None:
        return ""
    text = source.question[normalize_lang(lang)]
    if getattr(source, "per_competency", False):  # "… visa samarbetsförmåga?": the name in lower case
        name = competency_name or "…"
        text = text.replace("{competency}", name[:1].lower() + name[1:])
    return text


def item_competency(item, bank):
    """The item's competency: the learner's tag, else the bank question's competency ("" when none)."""
    if item["competency"]:
        return item["competency"]
    source = bank.get(item["ref"]) if item["ref"] else None
    return getattr(source, "competency", "") or ""


def _bank_items(bank, guide_type):
    return {item.id: item for item in bank.items_for(guide_type)}


def estimate_minutes(guide, bank, guide_type):
    """Rough length of the guide: opening, items, the candidate's questions and closing."""
    guide_type = guide_type if guide_type in GUIDE_TYPES else "interview"
    known = _bank_items(bank, guide_type)
    total = OPENING_MINUTES[guide_type] + CLOSING_MINUTES[guide_type]
    if guide_type in ("interview", "practice"):
        total += guide["candidate_minutes"]
    for item in guide["items"]:
        source = known.get(item["ref"]) if item["ref"] else None
        minutes = getattr(source, "minutes", None) or ITEM_MINUTES[guide_type]
        if getattr(source, "per_competency", False):
            minutes *= max(1, len(guide["competencies"]))
        total += minutes
    return total


def _profile_competencies(profile):
    if not isinstance(profile, dict):
        return None
    comps = profile.get("competencies")
    if not isinstance(comps, list):
        return None
    ids = []
    for comp in comps:
        comp_id = comp.get("id") if isinstance(comp, dict) else comp
        if isinstance(comp_id, str):
            ids.append(comp_id)
    return ids


def _name(framework, comp_id, lang):
    comp = framework.get(comp_id) if framework is not None else None
    return comp.name[lang] if comp is not None else comp_id


def _advice(kind, message, index=None, competency=None, **extra):
    item = {"kind": kind, "index": index, "competency": competency, "message": message}
    item.update(extra)
    return item


def guide_advice(guide, bank, framework, guide_type, planned_minutes, profile=None, lang="sv"):
    """Advice on the guide (never blocking), as ``{"kind", "index", "competency", "message", ...}``.

    ``profile`` is the shared kravprofil summary the guide starts from (``{"competencies": [{"id", ...}]}``)
    or None. Own and reworded questions are checked against the questions not to ask, pay history, leading
    wording and the wording check (discrimination, indirect and vague flags).
    """
    lang = normalize_lang(lang)
    guide_type = guide_type if guide_type in GUIDE_TYPES else "interview"
    advice = []
    known = _bank_items(bank, guide_type)
    with_competencies = guide_type in ("interview", "practice")
    chosen = guide["competencies"]
    profile_ids = _profile_competencies(profile)
    if with_competencies:
        if not chosen:
            advice.append(_advice("no_competencies", gt.text(gt.ADVICE, "no_competencies", lang)))
        elif len(chosen) > RECOMMENDED_COMPETENCIES[1]:
            advice.append(_advice("too_many_competencies",
                                  gt.text(gt.ADVICE, "too_many_competencies", lang, count=len(chosen))))
        covered = {item_competency(item, bank) for item in guide["items"]}
        for comp in chosen:
            if comp not in covered:
                advice.append(_advice("competency_without_question", gt.text(
                    gt.ADVICE, "competency_without_question", lang, name=_name(framework, comp, lang)),
                    competency=comp))
    seen_refs = set()
    for index, item in enumerate(guide["items"]):
        number = index + 1
        ref = item["ref"]
        if ref:
            if ref not in known:
                advice.append(_advice("unknown_question", gt.text(gt.ADVICE, "unknown_question", lang,
                                                                  number=number), index=index))
            elif ref in seen_refs:
                advice.append(_advice("duplicate_question", gt.text(gt.ADVICE, "duplicate_question", lang,
                                                                    number=number), index=index))
            seen_refs.add(ref)
        elif not item["text"].strip():
            advice.append(_advice("empty_question", gt.text(gt.ADVICE, "empty_question", lang, number=number),
                                  index=index))
        comp = item_competency(item, bank)
        if with_competencies and not comp:
            advice.append(_advice("untagged_question", gt.text(gt.ADVICE, "untagged_question", lang, number=number),
                                  index=index))
        if with_competencies and comp:
            if profile_ids is not None and comp not in profile_ids:
                advice.append(_advice("not_in_profile", gt.text(gt.ADVICE, "not_in_profile", lang, number=number,
                                                                name=_name(framework, comp, lang)),
                                      index=index, competency=comp))
            elif profile_ids is None and chosen and comp not in chosen:
                advice.append(_advice("not_chosen", gt.text(gt.ADVICE, "not_chosen", lang, number=number,
                                                            name=_name(framework, comp, lang)),
                                      index=index, competency=comp))
        if item["text"].strip():
            advice.extend(text_advice(item["text"], bank, lang, index=index))
    if planned_minutes:
        minutes = estimate_minutes(guide, bank, guide_type)
        if minutes > planned_minutes:
            advice.append(_advice("too_long", gt.text(gt.ADVICE, "too_long", lang, minutes=minutes,
                                                      planned=planned_minutes), minutes=minutes))
    groups = {known[item["ref"]].id: getattr(known[item["ref"]], "group", "")
              for item in guide["items"] if item["ref"] in known}
    if guide_type == "phone_screen" and guide["items"] and "must_have" not in groups.values():
        advice.append(_advice("no_must_have", gt.text(gt.ADVICE, "no_must_have", lang)))
    if guide_type == "reference_check" and guide["items"] and "before_call" not in groups.values():
        advice.append(_advice("no_approval", gt.text(gt.ADVICE, "no_approval", lang)))
    return advice


def text_advice(text, bank, lang, index=None):
    """Advice on one own or reworded question (the checks of ``guide_advice`` for a single text)."""
    lang = normalize_lang(lang)
    number = (index + 1) if index is not None else 1
    advice = []
    for hit in must_not_ask_hits(text, bank, lang):
        advice.append(_advice("must_not_ask", gt.text(gt.ADVICE, "must_not_ask", lang, number=number,
                                                      topic=hit["topic_name"], why=hit["message"],
                                                      instead=hit["suggestion"]),
                              index=index, topic=hit["topic"], match=hit["match"], start=hit["start"],
                              end=hit["end"], severity="high"))
    folded = _normalize(text)
    pay = _compiled(PAY_HISTORY_PATTERNS).search(folded)
    if pay:
        advice.append(_advice("pay_history", gt.text(gt.ADVICE, "pay_history", lang, number=number),
                              index=index, match=text[pay.start():pay.end()] if len(folded) == len(text) else "",
                              severity="high"))
    leading = _compiled(LEADING_PATTERNS).search(folded)
    tail = folded.rstrip(" ?!.")
    if leading or tail.endswith(", right"):
        match = leading.group(0) if leading else "right"
        advice.append(_advice("leading_question", gt.text(gt.ADVICE, "leading_question", lang, number=number,
                                                          match=match), index=index, match=match,
                              severity="medium"))
    for flag in check_text(text, lang):
        if flag["kind"] not in ("discrimination", "indirect", "vague"):
            continue
        advice.append(_advice("wording", gt.text(gt.ADVICE, "wording", lang, number=number,
                                                 message=flag["message"]), index=index, **{
            key: flag[key] for key in ("ground", "match", "start", "end", "severity", "suggestion", "source")}))
    return advice


def do_not_ask_note(item, bank, lang):
    """For the documents: a warning under an own or reworded question that looks like one an interviewer must
    not ask (the advice the page gives), or ``""``. The guide is what a manager takes into the interview."""
    hits = must_not_ask_hits(item.get("text") or "", bank, lang) if (item.get("text") or "").strip() else []
    if not hits:
        return ""
    return gt.label("do_not_ask", lang, topics=", ".join(hit["topic_name"] for hit in hits))


def is_complete(guide, guide_type, bank=None):
    """Completion: at least one question per chosen competency (interview), any item (phone screen and
    reference check), the learner's own rating handed in (practice). With a ``bank``, an item without a
    competency tag counts for its bank question's competency."""
    if guide_type == "practice":
        return bool(guide["practice"]["submitted"])
    if guide_type in ("phone_screen", "reference_check"):
        return bool(guide["items"])
    if not guide["competencies"] or not guide["items"]:
        return False
    covered = {item_competency(item, bank) if bank is not None else item["competency"] for item in guide["items"]}
    return all(comp in covered for comp in guide["competencies"])


def report_summary(guide, bank=None):
    """Counts and ids only (no learner text) for the Instructor Dashboard report."""
    own = sum(1 for item in guide["items"] if not item["ref"])
    reworded = sum(1 for item in guide["items"] if item["ref"] and item["text"].strip())
    return {
        "competencies": list(guide["competencies"]),
        "questions": len(guide["items"]),
        "own_questions": own,
        "reworded_questions": reworded,
        "interviewers": len(guide["interviewers"]),
        "submitted_ratings": sum(1 for p in guide["interviewers"] if p["submitted"]),
        "practice_submitted": bool(guide["practice"]["submitted"]),
    }
