"""The journal's pages: the questions ("entry") and the course-wide journal ("Min loggbok").

Everything the learner wrote travels as escaped JSON in ``<script type="application/json">`` and is put on the
page by the script with ``textContent``/``value``; the templates hold only our strings and staff's settings,
autoescaped. Translated strings are built once per language.
"""
import datetime
import functools

from recruitment_core.journal import course as jcourse
from recruitment_core.journal import followup
from recruitment_core.journal.model import (FOLLOWUP_KEY, MAX_ENTRY_CHARS, MAX_VERSIONS, current_text, is_complete,
                                            measured_length)
from recruitment_core.journal.text import entry_flags, entry_note, format_date
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
    rows = [dict(p, field=f"{uid}-{p['id']}") for p in prompts]
    followup_row = None
    if info["enabled"]:
        followup_row = {"id": FOLLOWUP_KEY, "text": block.followup_prompt.strip(), "guidance": "",
                        "field": f"{uid}-{FOLLOWUP_KEY}"}
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
    return FILES.render("journal.html", {
        "uid": uid, "lang": lang, "t": page_strings(lang), "title": block.display_name,
        "share": block.share_with_staff, "prompts": rows, "followup": followup_row, "followup_info": info,
        "date_min": today.isoformat(),
        "date_max": (today + datetime.timedelta(days=followup.MAX_PICK_AHEAD_DAYS)).isoformat(),
        "picked": state["followup_date"], "earlier": earlier, "max_chars": MAX_ENTRY_CHARS,
        "data_json": safe_script_json(data),
    })


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
    data = {"view": "course_journal", "journal_page": course_page_data(block, lang, 1), "strings": js_strings(lang)}
    return FILES.render("course_journal.html", {
        "uid": uid, "lang": lang, "t": page_strings(lang), "title": block.display_name,
        "data_json": safe_script_json(data),
    })
