"""Translated, cached pieces of the learner's page (built once per language)."""
import functools

from recruitment_core import profile_text
from recruitment_core.lang import normalize_lang
from recruitment_core.profile import MAX_LONG_TEXT_CHARS, MAX_PRIORITY, MAX_TEXT_CHARS
from xblock_layer.js_strings import layer_js_strings

from .i18n import gettext_for, translate_dict
from .strings import CATEGORIES, FORM, JS, PAGE, SECTION_TITLES

# The browser enforces the profile's text limits (maxlength counts UTF-16 units, so it is never looser).
SHORT_TEXTAREAS = {"ad.company", "process.timeline"}
ROW_TEXT_LIMIT = MAX_TEXT_CHARS
PRIORITY_LIMIT = MAX_PRIORITY

# The page's order of sections; "simple" sections are rendered from FORM, the others have their own markup.
PAGE_SECTIONS = ("basics", "purpose", "tasks", "requirements", "competencies", "conditions", "process")


# The form's section titles and field labels come from recruitment_core.profile_text, the one source that the
# Word documents and the print view read too; help texts stay in this package's catalogue.
_CORE_LABELS = {"req_text": "requirements.text", "req_category": "requirements.category",
                "req_must": "requirements.must", "req_weight": "requirements.weight", "req_why": "requirements.why",
                "req_assessment": "requirements.assessment", "req_stage": "requirements.stage",
                "req_level": "requirements.level", "comp_level": "competencies.level",
                "comp_priority": "competencies.priority"}


def _core(table, key, lang):
    return table[key][normalize_lang(lang)]


@functools.lru_cache(maxsize=4)
def page_strings(lang):
    """Strings of the Django template."""
    strings = translate_dict(PAGE, lang)
    strings.update({"section_" + key: _core(profile_text.SECTION_TITLES, key, lang) for key in SECTION_TITLES})
    strings.update({name: _core(profile_text.FIELD_LABELS, key, lang) for name, key in _CORE_LABELS.items()})
    strings.update({"cat_" + cat: _core(profile_text.CATEGORY_LABELS, cat, lang) for cat in CATEGORIES})
    return strings


@functools.lru_cache(maxsize=4)
def js_strings(lang):
    """Strings of the JavaScript, sent in the page's JSON: the layer's (save status, conflict dialog...) and the
    block's own."""
    return {**layer_js_strings(lang), **translate_dict(JS, lang)}


@functools.lru_cache(maxsize=4)
def categories(lang):
    """``[(value, label)]`` of requirement categories."""
    strings = page_strings(lang)
    return tuple((cat, strings["cat_" + cat]) for cat in CATEGORIES)


@functools.lru_cache(maxsize=4)
def simple_sections(lang):
    """``{section: {"title", "fields": [{"key", "field", "widget", "label", "help"}]}}`` for FORM's sections."""
    tr = gettext_for(lang)
    return {
        section: {
            "name": section,
            "title": _core(profile_text.SECTION_TITLES, section, lang),
            "fields": [
                {"key": key, "field": section + "." + key, "widget": widget,
                 "label": _core(profile_text.FIELD_LABELS, f"{section}.{key}", lang),
                 "help": tr(help_text) if help_text else "",
                 "maxlength": MAX_LONG_TEXT_CHARS if widget == "textarea" and f"{section}.{key}" not in SHORT_TEXTAREAS
                 else MAX_TEXT_CHARS}
                for key, widget, label, help_text in fields
            ],
        }
        for section, fields in FORM.items()
    }


def section_titles(lang, names):
    """Localized titles of ``names`` (sections), in the given order."""
    return [_core(profile_text.SECTION_TITLES, name, lang) for name in names if name in SECTION_TITLES]
