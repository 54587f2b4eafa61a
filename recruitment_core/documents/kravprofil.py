"""The learner's requirement profile as a Word document, in the order of the form."""

from ..lang import normalize_lang
from ..profile import validate_profile
from ..profile_text import CATEGORY_LABELS, FIELD_LABELS, MUST_LABELS, SECTION_TITLES
from . import docx_common as dc

_HEAD = {
    "title": {"sv": "Kravprofil", "en": "Requirement profile"},
    "assessed": {"sv": "Hur och när det bedöms", "en": "How and when it is assessed"},
    "level_of": {"sv": "nivå", "en": "level"},
    "unknown": {"sv": "finns inte i ramverket", "en": "not in the framework"},
    "framework": {"sv": "Kompetenser och nivåer från ramverket ”{title}”.",
                  "en": "Competencies and levels from the framework “{title}”."},
}


def _t(key, lang):
    return _HEAD[key][lang]


def _label(key, lang):
    return FIELD_LABELS[key][lang]


def _localized(mapping, lang):
    return (mapping.get(lang) or mapping.get("sv") or "") if isinstance(mapping, dict) else ""


def _level_text(comp, level, lang):
    levels = getattr(comp, "levels", None) or {}
    return _localized(levels.get(level) or levels.get(str(level)) or {}, lang)


def _requirement_rows(profile, lang):
    rows = []
    for req in profile["requirements"]:
        if not dc.has_text(req["text"]):
            continue
        text = req["text"].strip()
        if dc.has_text(req["level"]):
            text = f"{text} ({_t('level_of', lang)}: {req['level'].strip()})"
        assessed = " – ".join(v.strip() for v in (req["assessment"], req["stage"]) if dc.has_text(v))
        rows.append([
            text,
            CATEGORY_LABELS[req["category"]][lang],
            MUST_LABELS[req["must"]][lang],
            str(req["weight"]),
            dc.or_dash(req["why"]),
            assessed or dc.EMPTY,
        ])
    return rows


def _competency_rows(profile, framework, lang):
    rows = []
    for comp in sorted(profile["competencies"], key=lambda c: c["priority"]):
        item = framework.get(comp["id"]) if framework is not None else None
        if item is None:
            name = f"{comp['id']} ({_t('unknown', lang)})"
            level = str(comp["level"])
        else:
            name = _localized(item.name, lang) or comp["id"]
            descriptor = _level_text(item, comp["level"], lang)
            level = f"{comp['level']}: {descriptor}" if descriptor else str(comp["level"])
        rows.append([name, level, str(comp["priority"])])
    return rows


def kravprofil_docx(profile, framework, lang):
    """The profile (validated and cleaned first; raises ``ProfileError`` if invalid) as .docx bytes."""
    lang = normalize_lang(lang)
    profile = validate_profile(profile)
    role = profile["basics"]["role"].strip()
    doc_title = f"{_t('title', lang)}: {role}" if role else _t("title", lang)
    doc = dc.new_document(doc_title, lang, subject=_t("title", lang))
    dc.title(doc, doc_title)

    dc.heading(doc, SECTION_TITLES["basics"][lang])
    dc.field_table(doc, [(_label(f"basics.{key}", lang), dc.or_dash(value))
                         for key, value in profile["basics"].items()])

    dc.heading(doc, SECTION_TITLES["purpose"][lang])
    dc.heading(doc, _label("purpose.purpose", lang), level=2)
    dc.paragraph(doc, dc.or_dash(profile["purpose"]["purpose"]))
    dc.heading(doc, _label("purpose.goals", lang), level=2)
    dc.paragraph(doc, dc.or_dash(profile["purpose"]["goals"]))

    dc.heading(doc, SECTION_TITLES["tasks"][lang])
    tasks = [task.strip() for task in profile["tasks"] if dc.has_text(task)]
    for task in tasks:
        dc.bullet(doc, task)
    if not tasks:
        dc.paragraph(doc, dc.EMPTY)

    dc.heading(doc, SECTION_TITLES["requirements"][lang])
    rows = _requirement_rows(profile, lang)
    if rows:
        headers = [_label(f"requirements.{key}", lang) for key in ("text", "category", "must", "weight", "why")]
        dc.table(doc, headers + [_t("assessed", lang)], rows, widths=(4.0, 2.6, 1.6, 1.2, 3.4, 3.8))
    else:
        dc.paragraph(doc, dc.EMPTY)

    dc.heading(doc, SECTION_TITLES["competencies"][lang])
    rows = _competency_rows(profile, framework, lang)
    if rows:
        headers = [_label(f"competencies.{key}", lang) for key in ("name", "level", "priority")]
        dc.table(doc, headers, rows, widths=(4.0, 10.4, 2.2))
    else:
        dc.paragraph(doc, dc.EMPTY)
    if framework is not None and rows:
        dc.paragraph(doc, _t("framework", lang).format(title=_localized(framework.title, lang)), italic=True)

    dc.heading(doc, SECTION_TITLES["conditions"][lang])
    dc.field_table(doc, [(_label(f"conditions.{key}", lang), dc.or_dash(value))
                         for key, value in profile["conditions"].items()])

    dc.heading(doc, SECTION_TITLES["process"][lang])
    dc.field_table(doc, [(_label(f"process.{key}", lang), dc.or_dash(value))
                         for key, value in profile["process"].items()])
    return dc.to_bytes(doc)
