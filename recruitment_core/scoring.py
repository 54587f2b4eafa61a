"""The scoring sheet: ratings 1–5 or "not assessed" (which is not a 1), evidence per rating, several
interviewers who each rate alone, and the consensus view (spread per competency, where to talk first, a
debrief order in which the most senior speaks last).
"""

from . import guide_text as gt
from .guide import NOT_ASSESSED, SCORES
from .lang import normalize_lang

DISCUSS_SPREAD = 2      # ratings this far apart (or more) are talked about first


def _name(framework, comp_id, lang):
    comp = framework.get(comp_id) if framework is not None else None
    return comp.name[lang] if comp is not None else comp_id


def _display_name(person, index, lang):
    return person["name"] or f"{gt.label('interviewer', lang)} {index + 1}"


def rating_issues(guide, framework, lang):
    """What is missing on each interviewer's sheet: a competency without a rating, or a 1–5 rating without
    evidence (a "not assessed" needs none). ``[{"kind", "interviewer", "competency", "message"}]``."""
    lang = normalize_lang(lang)
    issues = []
    for index, person in enumerate(guide["interviewers"]):
        who = _display_name(person, index, lang)
        for comp in guide["competencies"]:
            rating = person["ratings"].get(comp) or {"score": None, "evidence": ""}
            kind = None
            if rating["score"] is None:
                kind = "not_rated"
            elif rating["score"] in SCORES and not rating["evidence"].strip():
                kind = "no_evidence"
            if kind:
                issues.append({"kind": kind, "interviewer": index, "competency": comp,
                               "message": gt.text(gt.RATING_ISSUES, kind, lang, interviewer=who,
                                                  name=_name(framework, comp, lang))})
    return issues


def practice_issues(guide, competencies, framework, lang):
    """The same check for the learner's own ratings in practice mode."""
    lang = normalize_lang(lang)
    person = {"name": gt.label("you", lang), "ratings": guide["practice"]["ratings"]}
    probe = {"interviewers": [person], "competencies": list(competencies)}
    return rating_issues(probe, framework, lang)


def debrief_order(guide):
    """Interviewer indexes in speaking order: least senior first, the most senior last (ties: entry order)."""
    people = list(enumerate(guide["interviewers"]))
    return [index for index, person in sorted(people, key=lambda pair: (pair[1]["seniority"], pair[0]))]


def consensus(guide, framework, lang):
    """The panel's view once everyone has rated alone.

    Returns ``{"ready": bool, "message": str, "waiting": [names], "rows": [...], "talk_first": [comp ids],
    "debrief_order": [names]}``. Until every interviewer (at least two) has submitted, ``rows`` is empty: no
    one sees the others' ratings before handing in their own. Each row: ``{"competency", "name", "scores":
    [{"interviewer", "score", "evidence"}], "min", "max", "spread", "mean", "not_assessed": [names], "status":
    "agree" | "discuss" | "mixed" | "none", "message"}``.
    """
    lang = normalize_lang(lang)
    people = guide["interviewers"]
    names = [_display_name(person, i, lang) for i, person in enumerate(people)]
    result = {"ready": False, "message": "", "waiting": [], "rows": [], "talk_first": [],
              "debrief_order": [names[i] for i in debrief_order(guide)]}
    if len(people) < 2:
        result["message"] = gt.text(gt.CONSENSUS_TEXT, "need_two", lang)
        return result
    waiting = [names[i] for i, person in enumerate(people) if not person["submitted"]]
    if waiting:
        result["waiting"] = waiting
        result["message"] = gt.text(gt.CONSENSUS_TEXT, "waiting", lang, names=", ".join(waiting))
        return result
    result["ready"] = True
    rows = []
    for position, comp in enumerate(guide["competencies"]):
        scores, not_assessed = [], []
        for i, person in enumerate(people):
            rating = person["ratings"].get(comp) or {"score": None, "evidence": ""}
            scores.append({"interviewer": names[i], "score": rating["score"], "evidence": rating["evidence"]})
            if rating["score"] in (NOT_ASSESSED, None):
                not_assessed.append(names[i])
        numbers = [s["score"] for s in scores if s["score"] in SCORES]
        row = {"competency": comp, "name": _name(framework, comp, lang), "scores": scores,
               "not_assessed": not_assessed, "position": position}
        if numbers:
            # A spread needs two ratings: one rating against "not assessed" is no agreement ("–", not 0).
            row.update(min=min(numbers), max=max(numbers),
                       spread=max(numbers) - min(numbers) if len(numbers) > 1 else None,
                       mean=round(sum(numbers) / len(numbers), 1))
        else:
            row.update(min=None, max=None, spread=None, mean=None)
        if not numbers:
            row["status"], row["message"] = "none", gt.text(gt.CONSENSUS_TEXT, "none", lang)
        elif row["spread"] is not None and row["spread"] >= DISCUSS_SPREAD:
            row["status"] = "discuss"
            row["message"] = gt.text(gt.CONSENSUS_TEXT, "discuss", lang, spread=row["spread"])
        elif not_assessed:
            row["status"] = "mixed"
            row["message"] = gt.text(gt.CONSENSUS_TEXT, "mixed", lang, names=", ".join(not_assessed))
        else:
            row["status"], row["message"] = "agree", gt.text(gt.CONSENSUS_TEXT, "agree", lang)
        rows.append(row)
    result["rows"] = rows
    # Talk first where the panel differs most: large spreads, then some-rated-some-not, then small spreads.
    rank = {"discuss": 0, "mixed": 1, "agree": 2, "none": 3}
    ordered = sorted(rows, key=lambda r: (rank[r["status"]], -(r["spread"] or 0), r["position"]))
    result["talk_first"] = [r["competency"] for r in ordered if r["status"] in ("discuss", "mixed")]
    return result
