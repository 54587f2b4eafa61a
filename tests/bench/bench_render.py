"""Benchmark (not a test): student_view render time and payload of each of our blocks next to a hello-world block.

Run with ``make bench`` (or ``.venv/bin/python tests/bench/bench_render.py [--renders N]``).

What is measured, per block:
- Render time: the median of N renders (default 200) after 20 warm-up renders, in the xblock-sdk workbench runtime
  (``WorkbenchRuntime``: its i18n and user services, handler and resource URLs, its wrapper), in one process and one
  run for all blocks. Each render constructs a FRESH block instance and renders ``student_view`` through
  ``runtime.render`` (as every LMS request does), so the time includes construction, field reads and wrapping.
  Field data is an in-memory key-value store for every block alike, so the figure is the block's own cost, not
  sqlite's (the workbench's own store does one query per field read).
- Payload: the HTML of the block's fragment + the block's own JavaScript and CSS (inline resources and files
  served from the block's package), in KiB. The runtime's jQuery and wrapper scripts are excluded: every block
  gets them.
- The reference is a hello-world block defined below (one paragraph, no JS/CSS), rendered the same way.
  Budget per block (issue 2): at most 1.5x the hello-world time, at most 40 KiB.

- Fetched at start: what the block's JavaScript loads from its own GET handlers when the page opens (listed in
  ``FETCHED_AT_START``), shown in its own column and not part of the payload budget (it is cacheable JSON).

Our blocks are the block types of ``xblock_layer/registry.py`` (the ``xblock.v1`` entry points of setup.py). A block with a realistic learner state in
``STATES`` is measured twice: empty (first visit) and filled.
"""
import argparse
import importlib.resources
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devsite.settings")
os.environ.setdefault("EXCLUDE_SAMPLE_XBLOCKS", "yes")
os.environ["WORKBENCH_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-var-")

import django  # noqa: E402  pylint: disable=wrong-import-position
import webob  # noqa: E402  pylint: disable=wrong-import-position

django.setup()

from django.core.management import call_command  # noqa: E402  pylint: disable=wrong-import-position
from django.utils import translation  # noqa: E402  pylint: disable=wrong-import-position
from web_fragments.fragment import Fragment  # noqa: E402  pylint: disable=wrong-import-position
from workbench.runtime import WorkbenchRuntime  # noqa: E402  pylint: disable=wrong-import-position
from xblock.core import XBlock  # noqa: E402  pylint: disable=wrong-import-position
from xblock.fields import ScopeIds  # noqa: E402  pylint: disable=wrong-import-position
from xblock.runtime import DictKeyValueStore, KvsFieldData  # noqa: E402  pylint: disable=wrong-import-position
from xblock_layer.registry import BLOCK_TYPES, load_class  # noqa: E402  pylint: disable=wrong-import-position

BUDGET_RATIO = 1.5
BUDGET_KIB = 40.0
USER_ID = "bench-student"

# A realistic filled-in state per block type (field name -> value), for the "filled" rows.
STATES = {
    "kravprofil": {
        "revision": 7,
        "profile": {
            "version": 1,
            "basics": {"role": "Ekonomiassistent", "team": "Ekonomi, 6 personer", "employment": "Tillsvidare, heltid",
                       "location": "Örebro", "remote": "En dag i veckan på distans"},
            "purpose": {"purpose": "Säkra en korrekt och snabb leverantörsreskontra så att vi betalar i tid.",
                        "goals": "Inom 12 månader: automatisera fakturaflödet och halvera manuella avstämningar."},
            "tasks": ["Attestflöde och leverantörsfakturor", "Månadsavstämningar", "Stöd till budgetarbetet",
                      "Kontakt med leverantörer om avvikelser"],
            "requirements": [
                {"text": "Eftergymnasial utbildning i ekonomi", "category": "education", "must": True, "weight": 4,
                 "why": "Rollen kräver förståelse för redovisningens grunder.", "assessment": "CV och betyg",
                 "stage": "Urval", "level": ""},
                {"text": "Minst två års erfarenhet av leverantörsreskontra", "category": "experience", "must": True,
                 "weight": 5, "why": "Kort inlärningstid i en pressad period.",
                 "assessment": "Strukturerad intervju och arbetsprov", "stage": "Intervju", "level": ""},
                {"text": "Svenska i tal och skrift", "category": "language", "must": True, "weight": 4,
                 "why": "All korrespondens med leverantörer sker på svenska.", "assessment": "Skriftligt arbetsprov",
                 "stage": "Arbetsprov", "level": "C1"},
                {"text": "Erfarenhet av affärssystemet", "category": "knowledge", "must": False, "weight": 2,
                 "why": "Förkortar introduktionen.", "assessment": "Intervjufråga", "stage": "Intervju",
                 "level": ""},
            ],
            "competencies": [],
            "conditions": {"salary": "Individuell lönesättning", "hours": "Dagtid", "start": "Enligt överenskommelse",
                           "travel": "Inga resor", "other": ""},
            "process": {"steps": "Urval, telefonavstämning, intervju, arbetsprov, referenser",
                        "candidate_info": "Alla sökande får besked inom två veckor efter sista ansökningsdag.",
                        "timeline": "Sista ansökningsdag 15 mars, intervjuer vecka 13", "contact": "Rekryterande chef"},
            "ad": {"title": "Ekonomiassistent till vårt ekonomiteam", "company": "Exempelbolaget AB",
                   "intro": "Vill du få ordning och reda i ett växande företag?", "tasks": "Leverantörsfakturor",
                   "must": "Utbildning i ekonomi", "merits": "Erfarenhet av affärssystemet",
                   "offer": "Friskvårdsbidrag och flexibel arbetstid", "process": "Löpande urval"},
        },
    },
}


_RATINGS = {comp: {"score": score, "evidence": "Beskrev vad hen själv gjorde och hur det gick."}
            for comp, score in (("collaboration", 4), ("communication", 3), ("customer_focus", 2),
                                ("problem_solving", 3), ("planning_organising", "na"), ("learning_agility", 4))}
STATES["interview_guide"] = {
    "revision": 9,
    "guide": {
        "version": 1, "profile_key": "",
        "competencies": list(_RATINGS),
        "items": [{"ref": ref, "competency": ref.rsplit("_", 1)[0], "text": ""} for ref in (
            "collaboration_1", "communication_2", "customer_focus_1", "problem_solving_4", "planning_organising_2",
            "learning_agility_1")] + [
            {"ref": "collaboration_2", "competency": "collaboration",
             "text": "Berätta om en gång när du och en kollega inte var överens om hur ett kundärende skulle lösas."},
            {"ref": "", "competency": "customer_focus",
             "text": "Berätta om en kund som var missnöjd med en leverans. Vad gjorde du själv?"}],
        "opening": {"who": "Maria (rekryterande chef) och Ali (kollega i teamet)",
                    "agenda": "Frågor om verkliga situationer, sedan dina frågor. Cirka 60 minuter.",
                    "notes": "Vi antecknar för att alla kandidater ska bedömas på samma sätt."},
        "candidate_minutes": 10,
        "closing": {"next_steps": "Arbetsprov och referenstagning", "hear_back": "Besked senast fredag vecka 14"},
        "practicalities": {"notice_period": "3 månader", "pay": "Lönespann 38 000–42 000 kr gavs",
                           "location": "Örebro", "other": ""},
        "interviewers": [{"name": "Maria Öberg", "seniority": 5, "submitted": True, "ratings": _RATINGS},
                         {"name": "Ali Hassan", "seniority": 2, "submitted": True, "ratings": {
                             comp: dict(r, score=3 if r["score"] != "na" else 2) for comp, r in _RATINGS.items()}}],
        "practice": {"submitted": False, "ratings": {}},
    },
}

def _journal_text(n, length):
    """Reflection-like Swedish text of about ``length`` characters."""
    base = (f"Reflektion {n}: vi anställde länge på magkänsla. Nu skriver vi en kravprofil först, väljer "
            "skallkrav och meriterande krav och ställer beteendebaserade frågor om situation, beteende och resultat. ")
    return (base * (length // len(base) + 1))[:length]


def _journal_entry(n, versions, length):
    saved = [f"2026-0{1 + (n + v) % 9}-{10 + v:02d}T09:{v:02d}:00+00:00" for v in range(versions)]
    return {"versions": [{"text": _journal_text(n * 10 + v, length), "saved": t, "shared": False}
                         for v, t in enumerate(saved)],
            "draft": "", "draft_saved": "", "first_saved": saved[0], "pruned": 0, "prompt": ""}


def _journal_index(entries, per_block=2, length=800):
    """A course-wide journal (``reflection_journal`` user_info) of ``entries`` entries in 5 modules."""
    blocks = {}
    for n in range(entries):
        usage = f"block-v1:Bench+J+2026+type@reflection_journal+block@b{n // per_block:03d}"
        block = blocks.setdefault(usage, {"title": f"Reflektion {n // per_block + 1}",
                                          "module": f"Modul {n * 5 // entries + 1}",
                                          "order": [n * 5 // entries, n // per_block], "updated": "",
                                          "entries": []})
        block["entries"].append({"key": f"p{n % per_block + 1}", "prompt": f"Fråga {n % per_block + 1}: vad tar du "
                                 "med dig?", "text": _journal_text(n, length),
                                 "first": f"2026-02-{1 + n % 28:02d}T08:00:00+00:00",
                                 "updated": f"2026-03-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00", "versions": 2,
                                 "draft": "", "truncated": False})
    return {"workbench": {"version": 1, "updated": "", "blocks": blocks}}


# Blocks measured in more than the empty/filled pair: (row suffix, state).
VARIANTS = {
    "reflection_journal": [
        (" (empty)", None),
        (" (filled: 2 answers x 3 versions)", {
            "prompts": [{"text": "Vad tar du med dig?", "guidance": "Tänk konkret."}, {"text": "Vad gör du nu?"}],
            "revision": 6,
            "journal": {"version": 1, "entries": {"p1": _journal_entry(1, 3, 1200), "p2": _journal_entry(2, 3, 1200)}},
        }),
        (" (Min loggbok, 200 entries)", {"view": "course_journal", "reflection_journal": _journal_index(200)}),
    ],
}


# Pages whose content comes from a GET handler right after the page opens: (row, handler, query) per block
# type; the handler's time is measured like a render (fresh block, median) and shown in a table of its own.
HANDLER_ROWS = {"reflection_journal": [(" (Min loggbok, 200 entries)", "journal_page", "page=1")]}


def time_handler(runtime, cls, block_type, state, handler, query, renders, warmup):
    """Median ms and the body size of ``GET handler?query`` on fresh block instances."""
    template = make_block(runtime, cls, block_type, state)
    times, body = [], b""
    for i in range(warmup + renders):
        start = time.perf_counter()
        block = runtime.construct_xblock_from_class(cls, template.scope_ids)
        response = runtime.handle(block, handler, webob.Request.blank(f"/?{query}"))
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, f"{handler}: {response.status}"
        body = response.body
        if i >= warmup:
            times.append(elapsed * 1000)
    return statistics.median(times), len(body)


# GET handlers the block's JavaScript calls when the page opens (block type -> handler names).
# (student_view_user_state: the shared module checks the page's revision with the server on init.)
FETCHED_AT_START = {"kravprofil": ("framework_data", "student_view_user_state"),
                    "interview_guide": ("bank_data", "student_view_user_state"),
                    "reflection_journal": ("student_view_user_state",)}  # "Min loggbok": see HANDLER_ROWS


class HelloWorldBenchBlock(XBlock):
    """The reference: a paragraph of text, no fields read, no JavaScript or CSS."""

    def student_view(self, context=None):  # pylint: disable=unused-argument
        return Fragment("<p>Hello, world!</p>")


class BenchRuntime(WorkbenchRuntime):
    """The workbench runtime with in-memory field data (same store for every block)."""

    def __init__(self, user_id):
        super().__init__(user_id)
        self._services["field-data"] = KvsFieldData(DictKeyValueStore())


def our_blocks():
    """``[(block_type, class)]`` of the registry's block types."""
    return sorted((block.name, load_class(block.name)) for block in BLOCK_TYPES)


def make_block(runtime, cls, block_type, state):
    def_id = runtime.id_generator.create_definition(block_type)
    usage_id = runtime.id_generator.create_usage(def_id)
    block = runtime.construct_xblock_from_class(cls, ScopeIds(USER_ID, block_type, def_id, usage_id))
    for name, value in (state or {}).items():
        setattr(block, name, value)
    block.save()
    return block


def time_renders(runtime, cls, block_type, state, renders, warmup):
    """Median and all timings (ms) of fresh-block renders; the last fragment for the payload."""
    template = make_block(runtime, cls, block_type, state)
    scope_ids = template.scope_ids
    times = []
    frag = None
    for i in range(warmup + renders):
        start = time.perf_counter()
        block = runtime.construct_xblock_from_class(cls, scope_ids)
        frag = runtime.render(block, "student_view")
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed * 1000)
    return statistics.median(times), times, frag, template


def _local_file_size(runtime, block, url):
    """Size of a resource served from the block's package (``runtime.local_resource_url``), else None."""
    prefix = runtime.local_resource_url(block, "")
    if not url.startswith(prefix):
        return None
    package = type(block).__module__.split(".")[0]
    return len(importlib.resources.files(package).joinpath(url[len(prefix):]).read_bytes())


def payload_bytes(runtime, block, frag):
    """HTML of the fragment + the block's own JS/CSS, in bytes (UTF-8)."""
    total = len(frag.content.encode("utf-8"))
    for res in frag.resources:
        if res.kind == "text":
            total += len(res.data.encode("utf-8"))
        elif res.kind == "url":
            size = _local_file_size(runtime, block, res.data)
            total += size or 0
    return total


def fetched_bytes(runtime, block, lang):
    """Bytes of the JSON the block's page fetches from its own GET handlers at start."""
    total = 0
    for handler in FETCHED_AT_START.get(block.scope_ids.block_type, ()):
        # As the page asks: its language, and the revision it shows (the state check answers briefly when current).
        query = f"lang={lang}&revision={getattr(block, 'revision', 0)}"
        response = runtime.handle(block, handler, webob.Request.blank(f"/?{query}"))
        assert response.status_code == 200, f"{handler}: {response.status}"
        total += len(response.body)
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--lang", default="sv", choices=("sv", "en"))
    args = parser.parse_args(argv)

    call_command("migrate", run_syncdb=True, verbosity=0)
    translation.activate(args.lang)
    runtime = BenchRuntime(USER_ID)

    rows = []
    hello_ms, _, hello_frag, hello_block = time_renders(
        runtime, HelloWorldBenchBlock, "hello_bench", None, args.renders, args.warmup)
    rows.append(("hello-world (reference)", hello_ms, payload_bytes(runtime, hello_block, hello_frag), 0))
    for block_type, cls in our_blocks():
        variants = [("", None)]
        if block_type in STATES:
            variants = [(" (empty)", None), (" (filled)", STATES[block_type])]
        variants = VARIANTS.get(block_type, variants)
        for suffix, state in variants:
            median_ms, _, frag, block = time_renders(runtime, cls, block_type, state, args.renders, args.warmup)
            rows.append((block_type + suffix, median_ms, payload_bytes(runtime, block, frag),
                         fetched_bytes(runtime, block, args.lang)))

    print(f"student_view render, median of {args.renders} fresh-block renders after {args.warmup} warm-up, "
          f"lang={args.lang}, Python {sys.version.split()[0]}, Django {django.get_version()}")
    header = (f"{'block':<50} {'median ms':>10} {'x hello':>8} {'KiB':>8} {'+fetched KiB':>13}  "
              f"budget (<= {BUDGET_RATIO}x, <= {BUDGET_KIB:g} KiB)")
    print(header)
    print("-" * len(header))
    over = []
    for name, median_ms, size, fetched in rows:
        ratio = median_ms / hello_ms
        kib = size / 1024
        reference = name.startswith("hello-world")
        verdict = "" if reference else ("ok" if ratio <= BUDGET_RATIO and kib <= BUDGET_KIB else "OVER")
        if verdict == "OVER":
            over.append(name)
        print(f"{name:<50} {median_ms:>10.3f} {ratio:>8.2f} {kib:>8.1f} {fetched / 1024:>13.1f}  {verdict}")
    if over:
        print(f"over budget: {', '.join(over)}")
    variants_of = {name: dict(VARIANTS.get(name, ())) for name in VARIANTS}
    for block_type, cls in our_blocks():
        for suffix, handler, query in HANDLER_ROWS.get(block_type, ()):
            median_ms, size = time_handler(runtime, cls, block_type, variants_of[block_type][suffix], handler, query,
                                           args.renders, args.warmup)
            print(f"{block_type + suffix + ': GET ' + handler:<50} {median_ms:>10.3f} {median_ms / hello_ms:>8.2f} "
                  f"{size / 1024:>8.1f}  (the page's content, fetched after it opens)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
