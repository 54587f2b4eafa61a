"""Practice mode: staff give a candidate's answer and an expert rating per competency with the reasons; the
learner rates alone first, then compares and sees which rating error a large difference may show.

A practice case (Studio setting, YAML or JSON)::

    title: "Kundtjänst: en missnöjd kund"
    question: customer_focus_4             # optional: the bank question the answer replies to
    answer: |                              # the candidate's answer, or the transcript of a course film
      ...
    ratings:                               # one per competency assessed, 1-8 of them
      - competency: customer_focus
        score: 2                           # 1-5, or na: the answer gives too little evidence to rate
        reasons: "Beskriver vad teamet gjorde ..."

An expert ``na`` (not assessed, never a 1) teaches that an interview without past behaviour gives nothing to rate:
a learner who still gives a number is shown which rating errors a rating without evidence may show.

Errors are listed like the framework's and the bank's: ``"<source>: <field path>: <problem>"``.
"""

from . import guide_text as gt
from .framework import _check_id, _check_keys, _check_list, _check_text, _Errors, _type_name
from .guide import NOT_ASSESSED, SCORES
from .lang import normalize_lang
from .questions import _read_document

MAX_ANSWER_CHARS = 20_000
MAX_REASONS_CHARS = 2_000
MAX_TITLE_CHARS = 200
RATING_COUNT = (1, 8)
LARGE_DIFFERENCE = 2
_CASE_KEYS = {"title": True, "question": False, "answer": True, "ratings": True}
_RATING_KEYS = {"competency": True, "score": True, "reasons": True}


class PracticeCaseError(ValueError):
    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def parse_practice_case(text, source="practice_case", framework=None, bank=None):
    """A validated case ``{"title", "question", "answer", "ratings": [{"competency", "score", "reasons"}]}``."""
    source = str(source)
    data = _read_document(text, source, PracticeCaseError)
    errors = []
    err = _Errors(source, errors)
    if not isinstance(data, dict):
        err.add("", f"expected a mapping at the top level, got {_type_name(data)}")
        raise PracticeCaseError(errors)
    _check_keys(data, "", _CASE_KEYS, err)
    if "title" in data:
        _check_text(data.get("title"), "title", MAX_TITLE_CHARS, err)
    if "answer" in data:
        _check_text(data.get("answer"), "answer", MAX_ANSWER_CHARS, err)
    question = data.get("question", "")
    if "question" in data:
        question = _check_id(question, "question", err) or ""
        if question and bank is not None and bank.get(question) is None:
            err.add("question", f"unknown question {question!r} (not in the question bank)")
    known = {comp.id for comp in framework.competencies} if framework is not None else None
    ratings = []
    raw = _check_list(data.get("ratings"), "ratings", err) if "ratings" in data else None
    if raw is not None:
        lo, hi = RATING_COUNT
        if not lo <= len(raw) <= hi:
            err.add("ratings", f"{len(raw)} ratings, expected {lo} to {hi}")
        seen = set()
        for i, item in enumerate(raw):
            path = f"ratings[{i}]"
            if not isinstance(item, dict):
                err.add(path, f"expected a mapping, got {_type_name(item)}")
                continue
            _check_keys(item, path, _RATING_KEYS, err)
            comp = _check_id(item.get("competency"), f"{path}.competency", err) if "competency" in item else None
            if comp is not None:
                if known is not None and comp not in known:
                    err.add(f"{path}.competency", f"unknown competency {comp!r} (not in the framework)")
                if comp in seen:
                    err.add(f"{path}.competency", f"competency {comp!r} rated twice")
                seen.add(comp)
            score = item.get("score")
            if "score" in item and score != NOT_ASSESSED and (isinstance(score, bool) or score not in SCORES):
                err.add(f"{path}.score", f"expected a whole number from 1 to 5, or {NOT_ASSESSED!r} (not assessed)")
            if "reasons" in item:
                _check_text(item.get("reasons"), f"{path}.reasons", MAX_REASONS_CHARS, err)
            ratings.append({"competency": comp, "score": score, "reasons": item.get("reasons")})
    if errors:
        raise PracticeCaseError(errors)
    return {"title": data["title"], "question": question or "", "answer": data["answer"], "ratings": ratings}


def _error_names(ids, lang):
    return [{"id": e, "name": gt.RATING_ERRORS[e]["name"][lang], "text": gt.RATING_ERRORS[e]["text"][lang]}
            for e in ids]


def compare_practice(learner_ratings, case, framework, lang):
    """The learner's ratings next to the expert's.

    ``{"rows": [{"competency", "name", "learner", "expert", "diff", "reasons", "message", "possible_errors"}],
    "patterns": [{"id", "name", "text"}], "exact", "close", "compared", "summary"}`` (``compared``: the
    competencies the learner rated or marked not assessed; ``exact``: the same choice as the expert, ``na``
    included; ``close``: at most one point apart, or both ``na``). A difference of 2 or
    more points suggests rating errors for that competency; across competencies the pattern of the learner's
    ratings (all high, all low, all alike, all in the middle while the expert's vary) suggests halo, leniency,
    strictness or central tendency.
    """
    lang = normalize_lang(lang)
    rows = []
    pairs = []
    exact = close = compared = 0
    for item in case["ratings"]:
        comp = item["competency"]
        mine = (learner_ratings.get(comp) or {}).get("score")
        expert = item["score"]
        comp_obj = framework.get(comp) if framework is not None else None
        row = {"competency": comp, "name": comp_obj.name[lang] if comp_obj else comp, "learner": mine,
               "expert": expert, "reasons": item["reasons"], "diff": None, "possible_errors": []}
        if mine in SCORES or mine == NOT_ASSESSED:
            compared += 1
            exact += mine == expert
            close += mine == expert or (mine in SCORES and expert in SCORES and abs(mine - expert) <= 1)
        if expert == NOT_ASSESSED:
            if mine == NOT_ASSESSED:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "both_na", lang)
            elif mine in SCORES:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "expert_na", lang, score=mine)
                row["possible_errors"] = _error_names(("first_impression", "halo", "similar_to_me", "confirmation"),
                                                      lang)
            else:
                row["message"] = gt.label("not_rated", lang)
        elif mine in SCORES:
            diff = mine - expert
            row["diff"] = diff
            pairs.append((mine, expert))
            if diff == 0:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "match", lang)
            elif abs(diff) == 1:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "close", lang)
            elif diff > 0:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "higher", lang, diff=diff)
            else:
                row["message"] = gt.text(gt.PRACTICE_TEXT, "lower", lang, diff=-diff)
            if diff >= LARGE_DIFFERENCE:
                row["possible_errors"] = _error_names(("halo", "similar_to_me", "first_impression", "leniency"),
                                                      lang)
            elif diff <= -LARGE_DIFFERENCE:
                row["possible_errors"] = _error_names(("strictness", "contrast", "first_impression",
                                                       "confirmation"), lang)
        else:
            row["message"] = gt.text(gt.PRACTICE_TEXT, "you_na", lang) if mine == NOT_ASSESSED else \
                gt.label("not_rated", lang)
        rows.append(row)
    patterns = []
    if len(pairs) >= 2:
        mine = [p[0] for p in pairs]
        expert = [p[1] for p in pairs]
        mean_diff = sum(m - e for m, e in pairs) / len(pairs)
        flat = max(mine) - min(mine) <= 1 and max(expert) - min(expert) >= 2
        if flat and min(mine) >= 4 or flat and max(mine) <= 2:
            patterns.append("halo")
        elif flat:
            patterns.append("central_tendency")
        if mean_diff >= 1:
            patterns.append("leniency")
        elif mean_diff <= -1:
            patterns.append("strictness")
    return {"rows": rows, "patterns": _error_names(patterns, lang), "exact": exact, "close": close,
            "compared": compared,
            "summary": gt.text(gt.PRACTICE_TEXT, "summary", lang, exact=exact, compared=compared, close=close)}
