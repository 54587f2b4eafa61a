"""The learner's page, assembled fast: the form is rendered once per language, per view only the parts that change.

``kravprofil.html`` is rendered (autoescaped) once per language with markers in place of the block's id prefix
and of the four dynamic parts; each view then joins the cached pieces with the escaped dynamic values:
the authored title, instructions (plain text, line breaks kept), the note on required sections and the
learner's state as escaped JSON. Advice comes through ``recruitment_core.advice_cache``.
"""
import functools
import hashlib
import json
import re

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from recruitment_core.advice_cache import cached_advice, profile_json
from recruitment_core.framework_override import framework_version
from recruitment_core.profile import MAX_REQUIREMENTS, MAX_TASKS, empty_profile
from xblock_layer.js_strings import layer_js_strings
from xblock_layer.rendering import PackageFiles, escape_script_json

from .frameworks import frontend_framework
from .i18n import translate_dict
from .strings import AD_STEP
from .view_context import (
    PRIORITY_LIMIT, ROW_TEXT_LIMIT, categories, js_strings, page_strings, section_titles, simple_sections,
)

FILES = PackageFiles(__package__)  # templates/ and static/ of this package
UID_MARK = "__KPUID__"
_PART_RE = re.compile(r"__KP(TITLE|INSTR|NOTE|DATA)__")
_BLOCK_BREAK = re.compile(r">\n+<(?=/?(?:div|p|fieldset|legend|h[1-6]|ol|ul|li|form|aside|template|script)[ >])")


@functools.lru_cache(maxsize=4)
def static_parts(lang):
    """``[static, name, static, name, ..., static]`` of the page in ``lang`` (names: TITLE, INSTR, NOTE, DATA)."""
    sections = simple_sections(lang)
    html = FILES.render("kravprofil.html", {
        "uid": UID_MARK,
        "lang": lang,
        "t": page_strings(lang),
        "display_name": "__KPTITLE__",
        "instructions": "__KPINSTR__",
        "required_note": "__KPNOTE__",
        "data_json": "__KPDATA__",
        "basics": sections["basics"],
        "purpose": sections["purpose"],
        "conditions": sections["conditions"],
        "process": sections["process"],
        "categories": categories(lang),
        "row_limit": ROW_TEXT_LIMIT,
        "priority_limit": PRIORITY_LIMIT,
    })
    # No line break before a block-level tag (it shows nothing there); before buttons, links and text it stays.
    return tuple(_PART_RE.split(_BLOCK_BREAK.sub("><", html)))


# The script's strings the page itself carries: the layer's (save status, counters, paste notices, download
# guard: needed from the first moment, and most when the server cannot be reached), what the first paint of the
# page's own data says (advice, completion, the saved time; the ad step's note and completion on its page) and the
# two that say the framework could not be fetched. The others (row numbers, the note on too many competencies, the
# ad draft's status, the placeholder warning) come with the framework from framework_data, cacheable; until then
# rows keep the template's labels.
PAGE_JS_KEYS = frozenset(layer_js_strings("en")) | {"framework_error", "framework_retry", "goto", "suggestion",
                                                    "saved_at", "missing", "complete"}


@functools.lru_cache(maxsize=4)
def _strings_json(lang, step="profile"):
    """The page's part of the script's strings (``PAGE_JS_KEYS``; the ad step's own ones on its page only)."""
    strings = {k: v for k, v in js_strings(lang).items() if k in PAGE_JS_KEYS}
    if step == "ad":
        strings.update(translate_dict(AD_STEP, lang))
    return json.dumps(strings, ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=4)
def fetched_strings(lang):
    """The rest of the script's strings, sent with the framework (``framework_data``)."""
    return {k: v for k, v in js_strings(lang).items() if k not in PAGE_JS_KEYS}


# Part of framework_data's URL: new strings (a release, a catalogue update) get a new URL, as a new framework does.
STRINGS_VERSION = hashlib.sha1(json.dumps([fetched_strings(lang) for lang in ("sv", "en")], sort_keys=True)
                               .encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=32)
def framework_data_json(override, lang):
    """framework_data's body: the framework's part for the page and the fetched strings, compact UTF-8 JSON."""
    return json.dumps({**frontend_framework(override, lang), "strings": fetched_strings(lang)},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@functools.lru_cache(maxsize=4)
def form_spec(lang):
    """The simple fields the script builds into their sections' fieldsets, in page order:
    ``{section: [[key, label, help, maxlength, textarea], ...]}`` (``textarea`` 1 or 0). One list instead of the
    same markup 24 times; the script gives them ``data-field="<section>.<key>"`` and the ids
    ``<uid>-<section>-<key>`` (help: ``...-h``)."""
    sections = simple_sections(lang)
    return {section: [[f["key"], f["label"], f["help"], f["maxlength"], int(f["widget"] == "textarea")]
                      for f in sections[section]["fields"]]
            for section in ("basics", "purpose", "conditions", "process", "ad")}


@functools.lru_cache(maxsize=4)
def _form_json(lang):
    return json.dumps(form_spec(lang), ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=1)
def _empty_profile_json():
    return json.dumps(empty_profile(), ensure_ascii=False, separators=(",", ":"))


def state_json(profile, revision, saved_at, maximum, override, lang, extra=None):
    """The page's JSON (state, advice, strings), escaped for a ``<script type="application/json">`` element.

    ``extra`` (the step, what is still missing) is added as it is; in the ad step only the ad's advice is shown.
    """
    if profile:
        text = profile_json(profile)
    else:
        profile, text = empty_profile(), _empty_profile_json()
    head = json.dumps({
        "revision": revision,
        "saved_at": saved_at,
        "max_competencies": maximum,
        "max_tasks": MAX_TASKS,  # rows beyond what validate_profile accepts could never be saved
        "max_requirements": MAX_REQUIREMENTS,
        # The framework (about 11 KB per language) and fetched_strings come from the framework_data handler, kept
        # by the browser; the page carries only the query naming this framework, these strings and the language.
        "framework_query": f"v={framework_version(override)}-{STRINGS_VERSION}&lang={lang}",
        "advice": _step_advice(cached_advice(profile, text, override, lang, maximum), extra),
        **(extra or {}),
    }, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    step = (extra or {}).get("step", "profile")
    return escape_script_json(f'{head[:-1]},"profile":{text},"strings":{_strings_json(lang, step)},'
                              f'"form":{_form_json(lang)}}}')


def _step_advice(advice, extra):
    if extra and extra.get("step") == "ad":
        return [item for item in advice if item.get("section") == "ad"]
    return advice


def page_html(lang, uid, display_name, instructions, required_sections, data_json):
    """The page: cached static pieces joined with the escaped dynamic values."""
    strings = page_strings(lang)
    values = {
        "TITLE": escape(display_name),
        "INSTR": linebreaksbr(instructions or strings["default_instructions"], autoescape=True),
        "NOTE": escape(strings["required_note"] % {"sections": ", ".join(section_titles(lang, required_sections))}),
        "DATA": data_json,
    }
    parts = static_parts(lang)
    return "".join(values[part] if i % 2 else part.replace(UID_MARK, uid) for i, part in enumerate(parts))
