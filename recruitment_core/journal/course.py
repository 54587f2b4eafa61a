"""The course-wide journal ("Min loggbok"): a per-learner copy of every journal block's entries.

An XBlock can read only its own ``user_state``; what all blocks of a course share for one learner is
``Scope.user_info`` (one value per learner and field name, across courses). So each journal block writes a
copy of its entries there, keyed by course id and then usage id; the course-wide view reads that copy::

    {"<course id>": {"version": 2, "updated": ISO time,
                     "blocks": {"<usage id>": {"title": str, "module": str, "order": [int, ...],
                                               "updated": ISO time, "sig": str,
                                               "entries": [{"key", "prompt", "text", "first", "updated",
                                                            "versions": int, "draft": "" | "only" | "newer",
                                                            "truncated": bool}]}}}}

The copy holds each entry's current text only (the history stays in the block). It is a cache: each block
rewrites its part on every save and whenever it renders with a copy that differs, so a part dropped by a cap
comes back when the learner opens that block. ``sig`` (version 2; absent, read as ``""``, in version 1) is a
hash of what the block built (``copy_signature``): requests of two blocks that overlap can write back an older
copy of the other block (the field is read and written whole), and a block finds that out by comparing the
``sig`` in the index with the one it last wrote, which it keeps in its own state.

Caps (docs/contracts.md): ``MAX_COURSE_CHARS`` of text per course (a block whose texts do not fit gets them
shortened, flagged ``truncated`` and the view says where the whole text is), ``MAX_BLOCKS`` blocks per course
and ``MAX_COURSES`` courses (the least recently updated course is dropped first, never the one being written).
"""
import functools
import hashlib
import json

from .model import FOLLOWUP_KEY, MAX_ENTRY_CHARS, MAX_PROMPT_CHARS, current_text, to_date_key
from .text import LABELS, text as _text, to_date

INDEX_VERSION = 2  # version 1 (no "sig") is read the same way
MAX_COURSE_CHARS = 300_000
MAX_BLOCKS = 300
MAX_COURSES = 10
MAX_LABEL_CHARS = 200
MAX_ORDER_DEPTH = 6
MAX_SIG_CHARS = 64
PAGE_SIZE = 200


def _label(value):
    return value.strip()[:MAX_LABEL_CHARS] if isinstance(value, str) else ""


def _order(value):
    if not isinstance(value, (list, tuple)):
        return []
    out = [v for v in value[:MAX_ORDER_DEPTH] if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 10**6]
    return out if len(out) == len(value[:MAX_ORDER_DEPTH]) else []


def block_copy(state, prompts, followup_prompt, title, module, order, now):
    """This block's part of the index from its validated ``state`` and validated ``prompts``.

    Entries come in the order the block shows them: its prompts, the follow-up, then entries of prompts that
    Studio has since removed (labelled with the prompt they answered). Entries without any text are left out."""
    keys = [p["id"] for p in prompts]
    prompt_text = {p["id"]: p["text"] for p in prompts}
    if followup_prompt and followup_prompt.strip():
        keys.append(FOLLOWUP_KEY)
        prompt_text[FOLLOWUP_KEY] = followup_prompt.strip()
    earlier = sorted((k for k in state["entries"] if k not in keys),
                     key=lambda k: to_date_key(state["entries"][k]["first_saved"]))
    entries = []
    for key in keys + earlier:
        entry = state["entries"].get(key)
        if not entry:
            continue
        saved = current_text(entry)
        body = saved or entry["draft"]
        if not body.strip():
            continue
        last = entry["versions"][-1]["saved"] if entry["versions"] else entry["draft_saved"]
        if entry["draft"] and entry["draft_saved"] and to_date_key(entry["draft_saved"]) > to_date_key(last):
            last_change = entry["draft_saved"]
        else:
            last_change = last
        entries.append({
            "key": key,
            "prompt": (prompt_text.get(key) or entry["prompt"])[:MAX_PROMPT_CHARS],
            "text": body,
            "first": entry["first_saved"] or entry["draft_saved"],
            "updated": last_change,
            "versions": len(entry["versions"]) + entry["pruned"],
            "draft": "" if not entry["draft"] else ("newer" if saved else "only"),
            "truncated": False,
        })
    copy = {"title": _label(title), "module": _label(module), "order": _order(order), "updated": now,
            "entries": entries}
    copy["sig"] = copy_signature(copy)
    return copy


def copy_signature(copy):
    """A short hash of a block's copy as the block built it, its write date and ``sig`` aside."""
    content = [copy["title"], copy["module"], copy["order"], copy["entries"]]
    source = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


_ENTRY_TEXT_FIELDS = ("key", "prompt", "text", "first", "updated")


def _clean_entry(entry):
    if not isinstance(entry, dict):
        return None
    for name in _ENTRY_TEXT_FIELDS:
        if type(entry.get(name)) is not str:  # noqa: E721  (exactly str: a subclass is no JSON of ours)
            return None
    if len(entry["text"]) > MAX_ENTRY_CHARS or len(entry["prompt"]) > MAX_PROMPT_CHARS:
        return None
    versions = entry.get("versions", 0)
    if type(versions) is not int or versions < 0:  # noqa: E721  (a bool is no count)
        return None
    draft = entry.get("draft", "")
    return {"key": entry["key"][:60], "prompt": entry["prompt"], "text": entry["text"], "first": entry["first"],
            "updated": entry["updated"], "versions": versions,
            "draft": draft if draft in ("", "only", "newer") else "",
            "truncated": entry.get("truncated") is True}


def _clean_block(block):
    if not isinstance(block, dict) or not isinstance(block.get("entries"), list):
        return None
    entries = [e for e in (_clean_entry(x) for x in block["entries"][:64]) if e]
    return {"title": _label(block.get("title")), "module": _label(block.get("module")),
            "order": _order(block.get("order")),
            "updated": block.get("updated") if isinstance(block.get("updated"), str) else "",
            "sig": block["sig"] if isinstance(block.get("sig"), str) and len(block["sig"]) <= MAX_SIG_CHARS else "",
            "entries": entries}


def stored_sig(index, course, usage):
    """The ``sig`` of ``usage``'s copy as stored (no cleaning: a dict lookup), ``None`` when there is none."""
    course_index = index.get(course) if isinstance(index, dict) else None
    blocks = course_index.get("blocks") if isinstance(course_index, dict) else None
    part = blocks.get(usage) if isinstance(blocks, dict) else None
    if not isinstance(part, dict):
        return None
    sig = part.get("sig")
    return sig if isinstance(sig, str) else ""


def clean_course(data):
    """One course's index, cleaned; malformed parts are dropped (the blocks rebuild them)."""
    if not isinstance(data, dict) or not isinstance(data.get("blocks"), dict):
        return {"version": INDEX_VERSION, "updated": "", "blocks": {}}
    blocks = {}
    for usage, block in list(data["blocks"].items())[:MAX_BLOCKS]:
        clean = _clean_block(block)
        if isinstance(usage, str) and clean is not None:
            blocks[usage[:500]] = clean
    return {"version": INDEX_VERSION, "updated": data.get("updated") if isinstance(data.get("updated"), str) else "",
            "blocks": blocks}


def _chars(block):
    return sum(len(e["text"]) for e in block["entries"])


def _fit(copy, allowance):
    """``copy`` with entry texts shortened (the longest first) so that they hold at most ``allowance`` chars."""
    if _chars(copy) <= allowance:
        return copy
    entries = [dict(e) for e in copy["entries"]]
    budget = max(0, allowance)
    # Share the budget fairly: short entries stay whole, long ones are cut to an equal share of the rest.
    remaining = sorted(range(len(entries)), key=lambda i: len(entries[i]["text"]))
    while remaining:
        share = budget // len(remaining)
        i = remaining.pop(0)
        if len(entries[i]["text"]) > share:
            entries[i]["text"] = entries[i]["text"][:share]
            entries[i]["truncated"] = True
        budget -= len(entries[i]["text"])
    return dict(copy, entries=entries)


def update_index(index, course, usage, copy, now):
    """A new index with ``copy`` as block ``usage`` of ``course`` (removed when it has no entries)."""
    index = index if isinstance(index, dict) else {}
    out = {k: v for k, v in index.items() if isinstance(k, str) and isinstance(v, dict)}
    course_index = clean_course(out.get(course))
    blocks = dict(course_index["blocks"])
    blocks.pop(usage, None)
    if copy["entries"]:
        others = sum(_chars(b) for b in blocks.values())
        blocks[usage] = _fit(copy, MAX_COURSE_CHARS - others)
        while len(blocks) > MAX_BLOCKS:  # the least recently written other block goes first
            oldest = min((u for u in blocks if u != usage), key=lambda u: to_date_key(blocks[u]["updated"]))
            del blocks[oldest]
    out[course] = {"version": INDEX_VERSION, "updated": now, "blocks": blocks}
    if len(out) > MAX_COURSES:
        ordered = sorted((k for k in out if k != course),
                         key=lambda k: to_date_key(out[k].get("updated") if isinstance(out[k].get("updated"), str)
                                                   else ""))
        for key in ordered[:len(out) - MAX_COURSES]:
            del out[key]
    return out


def needs_update(index, course, usage, copy):
    """True when storing ``copy`` would change what the index holds for ``usage`` (its dates aside)."""
    index = index if isinstance(index, dict) else {}
    before = clean_course(index.get(course))["blocks"].get(usage)
    if before is None and not copy["entries"]:
        return False
    after = update_index(index, course, usage, copy, "")[course]["blocks"].get(usage)
    if before is None or after is None:
        return before != after
    return dict(before, updated="") != dict(after, updated="")


def course_entries(course_index):
    """Every entry of the course, each with its block's ``usage``, ``title``, ``module`` and ``order``."""
    course_index = clean_course(course_index)
    out = []
    for usage, block in course_index["blocks"].items():
        for position, entry in enumerate(block["entries"]):
            out.append(dict(entry, usage=usage, title=block["title"], module=block["module"],
                            order=block["order"], position=position))
    return out


@functools.lru_cache(maxsize=8192)
def _time_key(iso):
    return to_date_key(iso)


def _course_order(entry):
    # Blocks with a known place in the course first, in course order; then by when they were first written.
    placed = 0 if entry["order"] else 1
    return (placed, entry["order"], _time_key(entry["first"]), entry["usage"], entry["position"])


def group_by_module(entries, lang):
    """``[{"module": label, "entries": [...]}]`` in course order (or first-written order where unknown)."""
    ordered = sorted(entries, key=_course_order)
    groups, by_label = [], {}
    for entry in ordered:
        label = entry["module"] or _text(LABELS, "no_module", lang)
        if label not in by_label:
            by_label[label] = {"module": label, "entries": []}
            groups.append(by_label[label])
        by_label[label]["entries"].append(entry)
    return groups


def journal_page(course_index, lang, page=1, per_page=PAGE_SIZE):
    """One page of the course-wide journal: the ``per_page`` most recently changed entries on page 1, older
    ones on the next pages, each page grouped by module in course order.

    ``{"page", "pages", "total", "first", "last", "groups"}`` (``first``/``last`` are 1-based positions)."""
    entries = course_entries(course_index)
    entries.sort(key=lambda e: (_time_key(e["updated"]), e["usage"], -e["position"]), reverse=True)
    total = len(entries)
    pages = max(1, -(-total // per_page))
    page = min(max(1, int(page)), pages)
    chunk = entries[(page - 1) * per_page: page * per_page]
    return {"page": page, "pages": pages, "total": total,
            "first": (page - 1) * per_page + 1 if chunk else 0, "last": (page - 1) * per_page + len(chunk),
            "groups": group_by_module(chunk, lang)}


def full_journal(course_index, lang):
    """Every entry of the course grouped by module (for the downloads)."""
    return group_by_module(course_entries(course_index), lang)


def first_written(entries):
    dates = [to_date(e["first"]) for e in entries if to_date(e["first"])]
    return min(dates) if dates else None
