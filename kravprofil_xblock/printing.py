"""The print-friendly page: the saved profile and the ad as plain, autoescaped HTML.

Labels come from ``recruitment_core.profile_text`` so the printed page says what the Word document says.
"""
from recruitment_core.profile_text import CATEGORY_LABELS, FIELD_LABELS, MUST_LABELS, SECTION_TITLES

from .i18n import _, gettext_for
from .page import FILES

PRINT_STRINGS = {
    "title": _("Requirement profile"),
    "print": _("Print"),
    "tasks": _("Main tasks"),
    "why": _("Why"),
    "assessed": _("How and when it is assessed"),
    "weight": _("Weight"),
    "level": _("Level"),
    "priority": _("Priority"),
    "empty": _("Nothing written yet."),
    "hint": _("Use your browser's print command, or the button, to print or save as PDF."),
}

_FIELD_SECTIONS = {
    "basics": ("role", "team", "employment", "location", "remote"),
    "purpose": ("purpose", "goals"),
    "conditions": ("salary", "hours", "start", "travel", "other"),
    "process": ("steps", "candidate_info", "timeline", "contact"),
    "ad": ("title", "company", "intro", "tasks", "must", "merits", "offer", "process"),
}


def _pairs(profile, section, lang):
    values = profile.get(section) or {}
    return [{"label": FIELD_LABELS[f"{section}.{key}"][lang], "value": (values.get(key) or "").strip()}
            for key in _FIELD_SECTIONS[section]]


def _localized(mapping, lang):
    return (mapping.get(lang) or mapping.get("sv") or "") if isinstance(mapping, dict) else ""


def print_page(profile, framework, lang):
    """The standalone HTML page for ``profile`` (validated) in ``lang``."""
    tr = gettext_for(lang)
    strings = {key: tr(value) for key, value in PRINT_STRINGS.items()}
    role = profile["basics"]["role"].strip()
    requirements = [
        {"text": req["text"].strip(), "category": CATEGORY_LABELS[req["category"]][lang],
         "must": MUST_LABELS[req["must"]][lang], "weight": req["weight"], "level": req["level"].strip(),
         "why": req["why"].strip(),
         "assessed": " – ".join(v.strip() for v in (req["assessment"], req["stage"]) if v.strip())}
        for req in profile["requirements"] if req["text"].strip()
    ]
    competencies = []
    for comp in sorted(profile["competencies"], key=lambda c: c["priority"]):
        item = framework.get(comp["id"])
        levels = getattr(item, "levels", None) or {}
        competencies.append({
            "name": _localized(item.name, lang) if item else comp["id"],
            "level": comp["level"],
            "level_text": _localized(levels.get(comp["level"]) or {}, lang),
            "priority": comp["priority"],
        })
    ad_pairs = _pairs(profile, "ad", lang)
    return FILES.render("print.html", {
        "lang": lang,
        "t": strings,
        "heading": f"{strings['title']}: {role}" if role else strings["title"],
        "sections": [
            {"title": SECTION_TITLES["basics"][lang], "pairs": _pairs(profile, "basics", lang)},
            {"title": SECTION_TITLES["purpose"][lang], "pairs": _pairs(profile, "purpose", lang)},
        ],
        "tasks_title": SECTION_TITLES["tasks"][lang],
        "tasks": [task.strip() for task in profile["tasks"] if task.strip()],
        "requirements_title": SECTION_TITLES["requirements"][lang],
        "requirements": requirements,
        "competencies_title": SECTION_TITLES["competencies"][lang],
        "competencies": competencies,
        "competency_label": FIELD_LABELS["competencies.name"][lang],
        "level_label": FIELD_LABELS["competencies.level"][lang],
        "later_sections": [
            {"title": SECTION_TITLES["conditions"][lang], "pairs": _pairs(profile, "conditions", lang)},
            {"title": SECTION_TITLES["process"][lang], "pairs": _pairs(profile, "process", lang)},
        ],
        "ad_title": SECTION_TITLES["ad"][lang],
        "ad": ad_pairs if any(pair["value"] for pair in ad_pairs) else [],
    })
