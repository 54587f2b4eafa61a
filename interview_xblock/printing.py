"""The print view: the saved guide and scoring sheet as one plain page (Django template, autoescaped)."""
from recruitment_core import guide_text as gt
from recruitment_core.guide import do_not_ask_note, item_competency, item_text
from recruitment_core.questions import FOLLOW_UP_KINDS, FOLLOW_UP_LABELS
from recruitment_core.scoring import consensus
from xblock_layer.rendering import PackageFiles

FILES = PackageFiles(__package__)


def _name(framework, comp_id, lang):
    comp = framework.get(comp_id) if comp_id else None
    return comp.name[lang] if comp is not None else comp_id


def print_page(guide, bank, framework, kind, lang, role, title, must_haves=()):
    """HTML of the print view (every value escaped by the template)."""
    comps = ", ".join(_name(framework, c, lang) for c in guide["competencies"])
    items = []
    for number, item in enumerate(guide["items"], start=1):
        source = bank.get(item["ref"]) if item["ref"] else None
        follow = []
        if source is not None and hasattr(source, "follow_ups"):
            follow = [f"{FOLLOW_UP_LABELS[k][lang]}: {line}"
                      for k in FOLLOW_UP_KINDS for line in source.follow_ups[k][lang]]
        comp = item_competency(item, bank)  # no competency (phone screen, reference check): "Fråga", as in Word
        items.append({"number": number,
                      "competency": _name(framework, comp, lang) if comp else gt.label("question", lang),
                      "text": item_text(item, bank, lang, competency_name=comps), "follow": follow,
                      "own": source is None, "warning": do_not_ask_note(item, bank, lang),
                      "tip": source.note[lang] if getattr(source, "note", None) else ""})
    view = consensus(guide, framework, lang) if kind == "interview" else None
    people = []
    for i, person in enumerate(guide["interviewers"]):
        rows = []
        for comp in guide["competencies"]:
            rating = person["ratings"].get(comp) or {"score": None, "evidence": ""}
            score = rating["score"]
            rows.append({"name": _name(framework, comp, lang), "evidence": rating["evidence"],
                         "score": gt.label("not_assessed", lang) if score == "na" else (score or "—")})
        people.append({"name": person["name"] or f"{gt.label('interviewer', lang)} {i + 1}", "rows": rows})
    return FILES.render("print.html", {
        "lang": lang, "title": title, "type": gt.GUIDE_TYPE_LABELS[kind][lang], "role": role, "guide": guide,
        "items": items, "people": people, "view": view,
        "must_haves": [t for t in must_haves if t.strip()] if kind != "reference_check" else [],
        "candidate_minutes": gt.label("minutes", lang, minutes=guide["candidate_minutes"])
        if kind in ("interview", "practice") else "",
        "L": {key.replace(".", "_"): gt.label(key, lang) for key in (
            "role", "must_haves", "opening", "opening.who", "opening.agenda", "opening.notes", "questions",
            "follow_ups", "own_question", "note_for_interviewer",
            "candidate_questions", "closing", "closing.next_steps", "closing.hear_back",
            "practicalities", "practicalities.notice_period", "practicalities.pay", "practicalities.location",
            "practicalities.other", "scoring_sheet", "rating", "evidence", "competency", "consensus", "spread",
            "talk_first", "to_discuss", "debrief_order", "gdpr")},
    })
