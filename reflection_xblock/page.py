"""The journal's pages: the questions ("entry") and the course-wide journal ("Min loggbok").

Everything the learner wrote travels as escaped JSON in ``<script type="application/json">`` and is put on the
page by the script with ``textContent``/``value``; the templates hold only our strings and staff's settings,
autoescaped. Translated strings are built once per language.
"""
import datetime
import functools
import re

from recruitment_core.journal import course as jcourse
from recruitment_core.journal import followup
from recruitment_core.journal.model import (FOLLOWUP_KEY, MAX_ENTRY_CHARS, MAX_VERSIONS, current_text, is_complete,
                                            measured_length)
from recruitment_core.journal.text import entry_flags, entry_note, format_date
from django.utils.safestring import mark_safe
from xblock_layer.assets import layer_page_data
from xblock_layer.js_strings import layer_js_strings
from xblock_layer.rendering import PackageFiles, element_id, safe_script_json

from .i18n import translate_dict
from .strings import JS, PAGE

FILES = PackageFiles(__package__)



@functools.lru_cache(maxsize=4)
def page_strings(lang):
    return translate_dict(PAGE, lang)


@functools.lru_cache(maxsize=4)
def js_strings(lang):
    return {**layer_js_strings(lang), **translate_dict(JS, lang)}


def working_texts(state, keys):
    """``{key: text in the box}`` -- the draft when there is one, else the current version, else ``""``."""
    out = {}
    for key in keys:
        entry = state["entries"].get(key)
        out[key] = (entry["draft"] or current_text(entry)) if entry else ""
    return out


def entry_data(block, state):  # pylint: disable=unused-argument
    """Per written entry, for the script: the current text, the dates of its versions (newest first; their texts
    come from ``entry_history`` when the learner opens the list), the draft flag and what was pruned."""
    out = {}
    for key, entry in state["entries"].items():
        versions = entry["versions"]
        out[key] = {
            "current": current_text(entry),
            "versions": [{"saved": v["saved"]} for v in reversed(versions)],
            "draft": bool(entry["draft"]),
            "pruned": entry["pruned"],
            "full": len(versions) >= MAX_VERSIONS,
            "length": measured_length(current_text(entry)),
        }
    return out


def entry_history(state, key):
    """The versions of one entry, newest first, with their texts."""
    entry = state["entries"][key]
    return {"key": key, "pruned": entry["pruned"],
            "versions": [{"text": v["text"], "saved": v["saved"]} for v in reversed(entry["versions"])]}


def entry_page_html(block, state, lang):
    """The questions, the follow-up and the downloads; the learner's text arrives as JSON."""
    prompts = block.current_prompts()
    info = block.followup_info(state)
    uid = element_id(block.scope_ids.usage_id, "rj")
    keys = [p["id"] for p in prompts] + ([FOLLOWUP_KEY] if info["open"] else [])
    followup_row = {"text": block.followup_prompt.strip()} if info["enabled"] else None
    earlier = []
    prompt_ids = {p["id"] for p in prompts}
    for key, entry in state["entries"].items():
        if key not in prompt_ids and key != FOLLOWUP_KEY and current_text(entry):
            earlier.append({"prompt": entry["prompt"] or key, "note": entry_note(
                {"first": entry["first_saved"], "updated": entry["versions"][-1]["saved"],
                 "versions": len(entry["versions"]) + entry["pruned"]}, lang), "text": current_text(entry)})
    today = block.today()
    data = {
        "view": "entry", "told": bool(block.share_with_staff),
        "revision": block.revision, "saved_at": block.saved_at,
        "journal": working_texts(state, keys),
        "entries": entry_data(block, state),
        "min_length": block.min_length, "max_chars": MAX_ENTRY_CHARS, "max_versions": MAX_VERSIONS,
        "complete": is_complete(state, prompts, block.min_length),
        "followup": dict(info, days=block.followup_days, opens_label=format_date(info["opens_on"], lang)),
        "labels": {p["id"]: p["text"] for p in prompts}
        | ({FOLLOWUP_KEY: followup_row["text"]} if followup_row else {}),
        "strings": js_strings(lang),
        **layer_page_data(block),
    }
    date_min = today.isoformat()
    date_max = (today + datetime.timedelta(days=followup.MAX_PICK_AHEAD_DAYS)).isoformat()
    values = {UID: uid, PICKED: state["followup_date"], DATE_MIN: date_min, DATE_MAX: date_max,
              DATA: safe_script_json(data)}
    settings = (lang, block.display_name, block.share_with_staff, tuple(_prompt_key(p) for p in prompts),
                followup_row["text"] if followup_row else None, info["open"], bool(info["opens_on"]))
    if earlier or "__RJ_" in repr(settings):  # learner text in the HTML, or a marker in staff's text: no cache
        return FILES.render("journal.html", dict(
            _entry_context(*settings, uid=uid), earlier=earlier, picked=state["followup_date"], date_min=date_min,
            date_max=date_max, data_json=values[DATA]))
    return _fill(_entry_shell(*settings), values)


# The page without the learner's parts is the same for every learner of a block: rendered once per settings
# and language, then filled with the escaped per-learner values (the id prefix, dates and the JSON).
UID, PICKED, DATE_MIN, DATE_MAX, DATA = "__RJ_UID__", "__RJ_PICKED__", "__RJ_DATE_MIN__", "__RJ_DATE_MAX__", \
    "__RJ_DATA_JSON__"
_MARK_RE = re.compile("|".join((UID, PICKED, DATE_MIN, DATE_MAX, DATA)))


def _prompt_key(prompt):
    return prompt["id"], prompt["text"], prompt["guidance"]


def _entry_context(lang, title, share, prompts, followup_text, followup_open, has_date, uid=UID):
    rows = [{"id": key, "text": text, "guidance": guidance, "field": f"{uid}-{key}"}
            for key, text, guidance in prompts]
    row = None
    if followup_text is not None:
        row = {"id": FOLLOWUP_KEY, "text": followup_text, "guidance": "", "field": f"{uid}-{FOLLOWUP_KEY}"}
    return {"uid": uid, "lang": lang, "t": page_strings(lang), "title": title, "share": share, "prompts": rows,
            "followup": row, "followup_info": {"open": followup_open, "opens_on": has_date},
            "max_chars": MAX_ENTRY_CHARS, "earlier": []}


@functools.lru_cache(maxsize=256)
def _entry_shell(lang, title, share, prompts, followup_text, followup_open, has_date):
    return FILES.render("journal.html", dict(
        _entry_context(lang, title, share, prompts, followup_text, followup_open, has_date),
        picked=PICKED, date_min=DATE_MIN, date_max=DATE_MAX, data_json=mark_safe(DATA)))  # noqa: S308 (a marker)


def _fill(shell, values):
    return _MARK_RE.sub(lambda m: values[m.group(0)], shell)


def course_page_data(block, lang, page=1):
    """One page of "Min loggbok" for the script: groups -> exercises -> entries, with notes made here."""
    result = jcourse.journal_page(block.course_index(), lang, page)
    groups = []
    for group in result["groups"]:
        exercises, current = [], None
        for entry in group["entries"]:
            if current is None or current["usage"] != entry["usage"]:
                current = {"usage": entry["usage"], "title": entry["title"], "entries": []}
                exercises.append(current)
            current["entries"].append({"prompt": entry["prompt"], "text": entry["text"],
                                       "note": entry_note(entry, lang), "flags": entry_flags(entry, lang)})
        groups.append({"module": group["module"],
                       "exercises": [{"title": e["title"], "entries": e["entries"]} for e in exercises]})
    return {"page": result["page"], "pages": result["pages"], "total": result["total"], "first": result["first"],
            "last": result["last"], "groups": groups}


def course_page_html(block, lang):
    uid = element_id(block.scope_ids.usage_id, "rj")
    data = {"view": "course_journal", "strings": js_strings(lang)}  # the entries come from journal_page
    return FILES.render("course_journal.html", {
        "uid": uid, "lang": lang, "t": page_strings(lang), "title": block.display_name,
        "data_json": safe_script_json(data),
    })
