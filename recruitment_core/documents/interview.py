"""The learner's interview guide and scoring sheet as Word documents (also phone screen and reference check).

Built from the saved guide state (validated first) and the bank; every learner text goes in as run text.
"""

from .. import guide_text as gt
from ..guide import GUIDE_TYPES, NOT_ASSESSED, do_not_ask_note, item_competency, item_text, validate_guide
from ..lang import normalize_lang
from ..questions import FOLLOW_UP_KINDS, FOLLOW_UP_LABELS
from ..scoring import consensus
from . import docx_common as dc


def _name(framework, comp_id, lang):
    comp = framework.get(comp_id) if framework is not None and comp_id else None
    return comp.name[lang] if comp is not None else (comp_id or "")


def _title(guide_type, role, lang, kind="guide"):
    head = gt.label("scoring_sheet", lang) if kind == "sheet" else gt.GUIDE_TYPE_LABELS[guide_type][lang]
    role = (role or "").strip()
    return f"{head}: {role}" if role else head


def _people(guide, lang):
    return ", ".join(p["name"] or f"{gt.label('interviewer', lang)} {i + 1}"
                     for i, p in enumerate(guide["interviewers"]))


def _score_text(score, lang):
    if score == NOT_ASSESSED:
        return gt.label("not_assessed", lang)
    if score is None:
        return dc.EMPTY
    return str(score)


def guide_docx(guide, bank, framework, guide_type, lang, role="", planned_minutes=None, must_haves=()):
    """The guide (opening, questions with follow-ups, the candidate's questions, closing) as .docx bytes.

    ``must_haves``: the skallkrav of the kravprofil the guide starts from (texts), listed for the interviewer
    (the phone screen reads them out)."""
    lang = normalize_lang(lang)
    guide_type = guide_type if guide_type in GUIDE_TYPES else "interview"
    guide = validate_guide(guide)
    title = _title(guide_type, role, lang)
    doc = dc.new_document(title, lang, subject=gt.GUIDE_TYPE_LABELS[guide_type][lang])
    dc.title(doc, title)
    pairs = [(gt.label("role", lang), dc.or_dash(role)), (gt.label("candidate", lang), ""),
             (gt.label("date", lang), ""), (gt.label("interviewers", lang), _people(guide, lang))]
    dc.field_table(doc, pairs)
    if guide_type in ("interview", "practice"):
        dc.paragraph(doc, gt.label("source_note", lang), italic=True)
        dc.paragraph(doc, gt.label("same_questions", lang), italic=True)
    elif guide_type == "phone_screen":
        dc.paragraph(doc, gt.label("phone_pay", lang), italic=True)
    else:
        dc.paragraph(doc, gt.label("reference_approval", lang), italic=True)
    if planned_minutes:
        from ..guide import estimate_minutes
        dc.paragraph(doc, gt.label("estimated", lang, minutes=estimate_minutes(guide, bank, guide_type),
                                   planned=planned_minutes))
    if guide["competencies"] and guide_type in ("interview", "practice", "reference_check"):
        dc.heading(doc, gt.label("competencies", lang))
        for comp in guide["competencies"]:
            dc.bullet(doc, _name(framework, comp, lang))
    must_haves = [text.strip() for text in must_haves if isinstance(text, str) and text.strip()]
    if must_haves and guide_type != "reference_check":
        dc.heading(doc, gt.label("must_haves", lang))
        for text in must_haves:
            dc.bullet(doc, text)

    dc.heading(doc, gt.label("opening", lang))
    dc.field_table(doc, [(gt.label(f"opening.{key}", lang), dc.or_dash(guide["opening"][key]))
                         for key in ("who", "agenda", "notes")])

    dc.heading(doc, gt.label("questions", lang))
    if not guide["items"]:
        dc.paragraph(doc, dc.EMPTY)
    competency_names = ", ".join(_name(framework, c, lang) for c in guide["competencies"])
    for number, item in enumerate(guide["items"], start=1):
        source = bank.get(item["ref"]) if item["ref"] else None
        comp = item_competency(item, bank)
        heading = f"{number}. {_name(framework, comp, lang)}" if comp else f"{number}. {gt.label('question', lang)}"
        dc.heading(doc, heading, level=2)
        if getattr(source, "per_competency", False) and not item["text"].strip() and guide["competencies"]:
            texts = [item_text(item, bank, lang, competency_name=_name(framework, comp_id, lang))
                     for comp_id in guide["competencies"]]  # asked once per competency
        else:
            texts = [item_text(item, bank, lang, competency_name=competency_names) or dc.EMPTY]
        for text in texts:
            para = doc.add_paragraph()
            para.add_run(dc.xml_safe(text)).bold = True
        warning = do_not_ask_note(item, bank, lang)
        if warning:
            doc.add_paragraph().add_run(dc.xml_safe(warning)).bold = True
        if source is None:
            dc.paragraph(doc, gt.label("own_question", lang), italic=True)
        elif hasattr(source, "follow_ups"):
            dc.paragraph(doc, gt.label("follow_ups", lang), italic=True)
            for kind in FOLLOW_UP_KINDS:
                for line in source.follow_ups[kind][lang]:
                    dc.bullet(doc, f"{FOLLOW_UP_LABELS[kind][lang]}: {line}")
            signs = list(source.weak_signs[lang])
            dc.paragraph(doc, f"{gt.label('weak_signs', lang)}: " + " ".join(signs), italic=True)
        elif getattr(source, "note", None):
            dc.paragraph(doc, f"{gt.label('note_for_interviewer', lang)}: {source.note[lang]}", italic=True)
        notes = f"notes.{guide_type}" if guide_type in ("phone_screen", "reference_check") else "notes"
        dc.paragraph(doc, gt.label(notes, lang))
        dc.box(doc, 4)

    if guide_type in ("interview", "practice"):
        dc.heading(doc, gt.label("candidate_questions", lang))
        dc.paragraph(doc, gt.label("minutes", lang, minutes=guide["candidate_minutes"]))
        dc.box(doc, 4)
    dc.heading(doc, gt.label("closing", lang))
    dc.field_table(doc, [(gt.label(f"closing.{key}", lang), dc.or_dash(guide["closing"][key]))
                         for key in ("next_steps", "hear_back")])
    if guide_type != "reference_check":
        dc.heading(doc, gt.label("practicalities", lang))
        dc.field_table(doc, [(gt.label(f"practicalities.{key}", lang), dc.or_dash(guide["practicalities"][key]))
                             for key in ("notice_period", "pay", "location", "other")])
    dc.paragraph(doc, gt.label("gdpr", lang), italic=True)
    return dc.to_bytes(doc)


def _anchor_rows(comp_id, guide, bank, framework, lang):
    """Rows level | the framework's level text | the anchor of the guide's first question on it."""
    comp = framework.get(comp_id) if framework is not None else None
    question = None
    for item in guide["items"]:
        source = bank.get(item["ref"]) if item["ref"] else None
        if source is not None and hasattr(source, "anchors") and item_competency(item, bank) == comp_id:
            question = source
            break
    if question is None:
        candidates = bank.for_competency(comp_id)
        question = candidates[0] if candidates else None
    rows = []
    for level in (1, 2, 3, 4, 5):
        level_text = comp.levels[level][lang] if comp is not None else ""
        anchor = question.anchors[level][lang] if question is not None and level in question.anchors else ""
        rows.append([str(level), level_text or dc.EMPTY, anchor or dc.EMPTY])
    return rows


def scoring_sheet_docx(guide, bank, framework, guide_type, lang, role=""):
    """The scoring sheet: per competency the anchors and each interviewer's rating with evidence, the
    practicalities apart from the ratings, and the consensus view once everyone has handed in."""
    lang = normalize_lang(lang)
    guide_type = guide_type if guide_type in GUIDE_TYPES else "interview"
    guide = validate_guide(guide)
    title = _title(guide_type, role, lang, kind="sheet")
    doc = dc.new_document(title, lang, subject=gt.label("scoring_sheet", lang))
    dc.title(doc, title)
    dc.field_table(doc, [(gt.label("role", lang), dc.or_dash(role)), (gt.label("candidate", lang), ""),
                         (gt.label("date", lang), ""), (gt.label("interviewers", lang), _people(guide, lang))])
    dc.paragraph(doc, gt.label("rate_alone", lang), italic=True)

    people = guide["interviewers"] or [{"name": "", "seniority": 1, "submitted": False, "ratings": {}}]
    dc.heading(doc, gt.label("competencies", lang))
    if not guide["competencies"]:
        dc.paragraph(doc, dc.EMPTY)
    for comp in guide["competencies"]:
        dc.heading(doc, _name(framework, comp, lang), level=2)
        dc.paragraph(doc, gt.label("anchors", lang), italic=True)
        dc.table(doc, [gt.label("rating", lang), gt.label("framework_levels", lang), gt.label("anchors", lang)],
                 _anchor_rows(comp, guide, bank, framework, lang), widths=(1.8, 7.4, 7.4))
        rows = []
        for i, person in enumerate(people):
            rating = person["ratings"].get(comp) or {"score": None, "evidence": ""}
            who = person["name"] or (f"{gt.label('interviewer', lang)} {i + 1}" if guide["interviewers"] else "")
            evidence = rating["evidence"].strip()
            if not evidence and isinstance(rating["score"], int):  # a rating without evidence is pointed out
                evidence = gt.label("evidence_missing", lang)
            rows.append([who, _score_text(rating["score"], lang) if guide["interviewers"] else "", evidence])
        dc.table(doc, [gt.label("interviewer", lang), gt.label("rating", lang), gt.label("evidence", lang)], rows,
                 widths=(3.6, 2.6, 10.4), min_height_cm=1.2)

    dc.heading(doc, gt.label("practicalities", lang))
    dc.field_table(doc, [(gt.label(f"practicalities.{key}", lang), dc.or_dash(guide["practicalities"][key]))
                         for key in ("notice_period", "pay", "location", "other")])

    dc.heading(doc, gt.label("consensus", lang))
    dc.paragraph(doc, gt.label("debrief_tip", lang), italic=True)
    view = consensus(guide, framework, lang)
    if view["debrief_order"]:
        dc.heading(doc, gt.label("debrief_order", lang), level=2)
        for name in view["debrief_order"]:
            dc.numbered(doc, name)
    if view["ready"]:
        names = [s["interviewer"] for s in view["rows"][0]["scores"]] if view["rows"] else []
        headers = [gt.label("competency", lang)] + names + [gt.label("spread", lang), gt.label("mean", lang),
                                                             gt.label("panel_rating", lang)]
        rows = []
        for row in view["rows"]:
            rows.append([row["name"]] + [_score_text(s["score"], lang) for s in row["scores"]] +
                        [dc.EMPTY if row["spread"] is None else str(row["spread"]),
                         dc.EMPTY if row["mean"] is None else gt.format_decimal(row["mean"], lang), ""])
        width = 16.6 - 4.0 - 2.0 - 1.8 - 2.4
        dc.table(doc, headers, rows, widths=[4.0] + [width / max(1, len(names))] * len(names) + [2.0, 1.8, 2.4])
        if view["talk_first"]:
            dc.heading(doc, gt.label("talk_first", lang), level=2)
            by_id = {row["competency"]: row for row in view["rows"]}
            for comp in view["talk_first"]:
                dc.bullet(doc, f"{by_id[comp]['name']}: {by_id[comp]['message']}")
    elif view["message"]:
        dc.paragraph(doc, view["message"])

    dc.heading(doc, gt.label("possible_errors", lang), level=2)
    for error in gt.RATING_ERRORS.values():
        dc.bullet(doc, f"{error['name'][lang]}: {error['text'][lang]}")
    dc.paragraph(doc, gt.label("gdpr", lang), italic=True)
    return dc.to_bytes(doc)
