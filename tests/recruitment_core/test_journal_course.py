"""The course-wide journal: the per-learner index in Scope.user_info, its caps, grouping, paging and exports."""
import datetime
import html
import io
import re

import cmarkgfm
import docx
import pytest

from recruitment_core.documents import journal_docx
from recruitment_core.journal import course as jc
from recruitment_core.journal import model as jm
from recruitment_core.journal.markdown import escape, journal_markdown

PROMPTS = jm.validate_prompts(["Vad tar du med dig?", "Vad gör du annorlunda?"])
HOSTILE = ("# Rubrik <script>alert(1)</script> & &amp; *fet* _kursiv_ `kod` [länk](javascript:x) ![bild](x) "
           "~~stryk~~ a|b \\ ]]> <w:p/> åäö 🚀")


def iso(day, hour=9):
    return datetime.datetime(2026, 3, day, hour, tzinfo=datetime.timezone.utc).isoformat()


def block_state(texts, day=1):
    state = jm.empty_state()
    for n, (key, value) in enumerate(texts.items()):
        state, _ = jm.commit(state, key, value, iso(day + n))
    return state


def copy_of(texts, title="Övning", module="Modul 1", order=(0, 0, 0), day=1, followup=""):
    return jc.block_copy(block_state(texts, day), PROMPTS, followup, title, module, list(order), iso(day))


# ---------------------------------------------------------------- the block's copy

def test_block_copy_lists_prompts_in_order_with_dates_drafts_and_earlier_questions():
    state = block_state({"p2": "Svar två", "p1": "Svar ett"})
    state, _ = jm.commit(state, "p1", "Svar ett, omskrivet", iso(5))
    state = jm.save_draft(state, "p2", "Nytt utkast", iso(6))
    state = jm.save_draft(state, jm.FOLLOWUP_KEY, "Bara utkast", iso(7))
    state, _ = jm.commit(state, "old", "Svar på en borttagen fråga", iso(8), prompt="Gammal fråga")
    copy = jc.block_copy(state, PROMPTS, "Vad har du använt?", " Reflektion 1 ", "Modul 2", [1, 2, 0], iso(9))
    assert copy["title"] == "Reflektion 1" and copy["module"] == "Modul 2" and copy["order"] == [1, 2, 0]
    rows = [(e["key"], e["prompt"], e["text"], e["versions"], e["draft"]) for e in copy["entries"]]
    assert rows == [
        ("p1", "Vad tar du med dig?", "Svar ett, omskrivet", 2, ""),
        ("p2", "Vad gör du annorlunda?", "Svar två", 1, "newer"),
        ("followup", "Vad har du använt?", "Bara utkast", 0, "only"),
        ("old", "Gammal fråga", "Svar på en borttagen fråga", 1, ""),
    ]
    p1 = copy["entries"][0]
    assert p1["first"] == iso(2) and p1["updated"] == iso(5)
    assert copy["entries"][1]["updated"] == iso(6)


def test_copy_with_bad_order_or_labels_is_cleaned():
    copy = jc.block_copy(jm.empty_state(), PROMPTS, "", None, "x" * 500, [1, "a"], iso(1))
    assert copy == {"title": "", "module": "x" * jc.MAX_LABEL_CHARS, "order": [], "updated": iso(1), "entries": [],
                    "sig": jc.copy_signature(copy)}


def test_the_copy_signature_follows_its_content_not_its_write_date():
    copy = copy_of({"p1": "Ett"})
    assert re.fullmatch(r"[0-9a-f]{16}", copy["sig"])
    assert copy_of({"p1": "Ett"}, day=1)["sig"] == copy["sig"]
    assert jc.copy_signature(dict(copy, updated=iso(20), sig="x")) == copy["sig"]  # its dates aside
    changed = [copy_of({"p1": "Ett, ändrat"}), copy_of({"p1": "Ett"}, title="Annan"),
               copy_of({"p1": "Ett"}, module="Modul 2"), copy_of({"p1": "Ett"}, order=(0, 0, 1)),
               copy_of({"p1": "Ett"}, day=2), copy_of({"p1": "Ett", "p2": "Två"})]
    assert len({copy["sig"]} | {c["sig"] for c in changed}) == 1 + len(changed)
    stored = jc.update_index({}, "c", "b", copy, iso(1))
    assert stored["c"]["version"] == 2 and jc.stored_sig(stored, "c", "b") == copy["sig"]
    assert jc.stored_sig(stored, "c", "other") is None and jc.stored_sig(stored, "x", "b") is None
    assert jc.stored_sig({"c": {"blocks": {"b": {"sig": 5}}}}, "c", "b") == ""


def test_a_version_1_index_without_signatures_is_read_and_rewritten_once():
    copy = copy_of({"p1": "Ett"})
    old = {k: v for k, v in copy.items() if k != "sig"}
    index = {"c": {"version": 1, "updated": iso(1), "blocks": {"b": old, "other": dict(old, title="Annan")}}}
    assert jc.journal_page(index["c"], "sv")["total"] == 2
    assert jc.stored_sig(index, "c", "b") == ""
    assert jc.needs_update(index, "c", "b", copy)  # gets its signature ...
    index = jc.update_index(index, "c", "b", copy, iso(2))
    assert not jc.needs_update(index, "c", "b", copy)  # ... once
    assert index["c"]["blocks"]["other"]["sig"] == "" and index["c"]["blocks"]["other"]["title"] == "Annan"


# ---------------------------------------------------------------- the index

def test_update_index_per_course_and_block_and_removal_when_empty():
    index = jc.update_index({}, "course-v1:A+B+C", "block-1", copy_of({"p1": "Ett"}), iso(1))
    index = jc.update_index(index, "course-v1:A+B+C", "block-2", copy_of({"p1": "Två"}, day=3), iso(3))
    index = jc.update_index(index, "other-course", "block-9", copy_of({"p1": "Annan kurs"}), iso(4))
    assert set(index) == {"course-v1:A+B+C", "other-course"}
    assert set(index["course-v1:A+B+C"]["blocks"]) == {"block-1", "block-2"}
    empty = jc.block_copy(jm.empty_state(), PROMPTS, "", "t", "m", [], iso(5))
    index = jc.update_index(index, "course-v1:A+B+C", "block-1", empty, iso(5))
    assert set(index["course-v1:A+B+C"]["blocks"]) == {"block-2"}


def test_needs_update_only_when_the_content_differs():
    copy = copy_of({"p1": "Ett"})
    assert jc.needs_update({}, "c", "b", copy)
    index = jc.update_index({}, "c", "b", copy, iso(1))
    assert not jc.needs_update(index, "c", "b", dict(copy, updated=iso(20)))
    assert jc.needs_update(index, "c", "b", copy_of({"p1": "Ett, ändrat"}))
    assert not jc.needs_update({}, "c", "b", jc.block_copy(jm.empty_state(), PROMPTS, "", "", "", [], iso(1)))


def test_course_char_cap_shortens_the_newest_block_fairly_and_says_so():
    index = {}
    full = "a" * jm.MAX_ENTRY_CHARS
    for n in range(jc.MAX_COURSE_CHARS // (2 * jm.MAX_ENTRY_CHARS)):
        index = jc.update_index(index, "c", f"b{n}", copy_of({"p1": full, "p2": full}), iso(1))
    copy = copy_of({"p1": "kort text", "p2": full}, title="Sista")
    assert jc.needs_update(index, "c", "last", copy)
    index = jc.update_index(index, "c", "last", copy, iso(2))
    assert not jc.needs_update(index, "c", "last", copy)  # a shortened copy is not rewritten on every render
    stored = index["c"]["blocks"]["last"]["entries"]
    total = sum(len(e["text"]) for b in index["c"]["blocks"].values() for e in b["entries"])
    assert total <= jc.MAX_COURSE_CHARS
    assert stored[0]["text"] == "kort text" and not stored[0]["truncated"]
    assert stored[1]["truncated"] and 0 < len(stored[1]["text"]) < jm.MAX_ENTRY_CHARS
    # With no room left at all, the text is empty and flagged, never an error.
    index = jc.update_index(index, "c", "none", copy_of({"p1": "ingen plats"}, title="Sista"), iso(3))
    assert index["c"]["blocks"]["none"]["entries"][0] == dict(index["c"]["blocks"]["none"]["entries"][0], text="",
                                                               truncated=True)
    md = journal_markdown(index["c"], "sv")
    assert "Texten är avkortad här eftersom loggboken är full; hela texten finns i övningen ”Sista”." in md


def test_fit_keeps_short_entries_whole():
    copy = {"title": "t", "module": "", "order": [], "updated": "", "entries": [
        {"key": k, "prompt": "", "text": t, "first": "", "updated": "", "versions": 1, "draft": "",
         "truncated": False} for k, t in (("a", "x" * 10), ("b", "y" * 1000), ("c", "z" * 500))]}
    fitted = jc._fit(copy, 610)
    assert [len(e["text"]) for e in fitted["entries"]] == [10, 300, 300]
    assert [e["truncated"] for e in fitted["entries"]] == [False, True, True]


def test_course_and_block_caps_drop_the_least_recently_updated_never_the_current():
    index = {}
    for n in range(jc.MAX_COURSES + 2):
        index = jc.update_index(index, f"course-{n}", "b", copy_of({"p1": "x"}), iso(1 + n))
    assert len(index) == jc.MAX_COURSES and "course-0" not in index and "course-1" not in index
    index = jc.update_index(index, "course-0", "b", copy_of({"p1": "x"}), "2020-01-01T00:00:00+00:00")
    assert "course-0" in index and len(index) == jc.MAX_COURSES
    course = {"version": 1, "updated": "", "blocks": {f"b{n}": dict(copy_of({"p1": "x"}), updated=iso(1 + n % 20))
                                                     for n in range(jc.MAX_BLOCKS)}}
    updated = jc.update_index({"c": course}, "c", "new", copy_of({"p1": "y"}), iso(25))
    assert len(updated["c"]["blocks"]) == jc.MAX_BLOCKS and "new" in updated["c"]["blocks"]


@pytest.mark.parametrize("damaged", [None, "x", [], {"blocks": []}, {"blocks": {"b": "x"}},
                                     {"blocks": {"b": {"entries": [{"key": 1}]}}},
                                     {"blocks": {"b": {"entries": [{"key": "p1", "prompt": "", "text": "x" * 30000,
                                                                    "first": "", "updated": ""}]}}}])
def test_damaged_index_parts_are_dropped_not_crashed_on(damaged):
    index = {"c": damaged, 5: "x"}
    out = jc.update_index(index, "c", "b2", copy_of({"p1": "ok"}), iso(1))
    assert list(out["c"]["blocks"]) in (["b2"], ["b", "b2"])
    assert all(e["text"] for b in out["c"]["blocks"].values() for e in b["entries"])
    assert jc.journal_page(damaged, "sv")["total"] == 0


# ---------------------------------------------------------------- grouping and paging

def test_groups_follow_course_order_then_first_written():
    index = {}
    index = jc.update_index(index, "c", "late", copy_of({"p1": "B"}, module="Modul 2", order=(1, 0, 0)), iso(1))
    index = jc.update_index(index, "c", "early", copy_of({"p1": "A"}, module="Modul 1", order=(0, 3, 1)), iso(2))
    index = jc.update_index(index, "c", "same", copy_of({"p1": "C"}, module="Modul 1", order=(0, 4, 0)), iso(3))
    index = jc.update_index(index, "c", "nomod", copy_of({"p1": "D"}, module="", order=()), iso(4))
    groups = jc.full_journal(index["c"], "sv")
    assert [(g["module"], [e["text"] for e in g["entries"]]) for g in groups] == [
        ("Modul 1", ["A", "C"]), ("Modul 2", ["B"]), ("Övrigt", ["D"])]
    assert jc.full_journal(index["c"], "en")[-1]["module"] == "Other"


def test_paging_shows_the_200_most_recent_and_pages_older_ones():
    blocks = {}
    for n in range(250):
        entry = {"key": "p1", "prompt": "F", "text": f"text {n}", "first": iso(1), "versions": 1, "draft": "",
                 "truncated": False,
                 "updated": (datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
                             + datetime.timedelta(hours=n)).isoformat()}
        blocks[f"b{n:03d}"] = {"title": f"Övning {n}", "module": f"Modul {n // 50}", "order": [n // 50, n % 50],
                               "updated": entry["updated"], "entries": [entry]}
    course = {"version": 1, "updated": "", "blocks": blocks}
    page1 = jc.journal_page(course, "sv")
    assert (page1["page"], page1["pages"], page1["total"], page1["first"], page1["last"]) == (1, 2, 250, 1, 200)
    shown = [e["text"] for g in page1["groups"] for e in g["entries"]]
    assert len(shown) == 200 and "text 249" in shown and "text 49" not in shown
    assert [g["module"] for g in page1["groups"]] == ["Modul 1", "Modul 2", "Modul 3", "Modul 4"]
    assert page1["groups"][0]["entries"][0]["text"] == "text 50"  # course order inside the page
    page2 = jc.journal_page(course, "sv", page=2)
    assert [e["text"] for g in page2["groups"] for e in g["entries"]] == [f"text {n}" for n in range(50)]
    assert (page2["first"], page2["last"]) == (201, 250)
    assert jc.journal_page(course, "sv", page=99)["page"] == 2 and jc.journal_page(course, "sv", page=-3)["page"] == 1
    assert jc.journal_page({}, "sv") == {"page": 1, "pages": 1, "total": 0, "first": 0, "last": 0, "groups": []}


# ---------------------------------------------------------------- Markdown

def _rendered_text(markdown):
    out = cmarkgfm.github_flavored_markdown_to_html(markdown)
    tags = set(re.findall(r"</?([a-z0-9]+)", out))
    text = re.sub(r"<br />\n?", "\n", out)
    text = re.sub(r"</p>\n<p>", "\n\n", text)
    return tags, html.unescape(re.sub(r"<[^>]+>", "", text)).strip("\n")


@pytest.mark.parametrize("value", [
    HOSTILE,
    "# a\n## b\n> c\n- d\n+ e\n* f\n1. g\n2) h\n===\n---\n***\n___\n```\nkod\n```\n~~~\n| a | b |\n|---|---|",
    "    fyra blanksteg\n\tflik\n  två",
    "rad ett\nrad två\n\n\n\nnytt stycke\\\nslut med backslash\\",
    "<div>html</div>\n<!-- kommentar -->\n<http://example.com>\n[ref]: http://x\n&copy; &#169; &#x41;",
    "tal 3.5 och 2026. Punkt. 10) parentes mitt i",
    "se http://x.se/a_b*c och WWW.y.se/[x] HTTPS://q\nmejl a_b@x.se xmpp:a@b.se slut\\\nny rad",
    "**fet** __fet__ *kursiv* <b>x</b> \\*escaped\\*",
])
def test_markdown_escape_renders_back_to_exactly_the_text(value):
    markdown = escape(value)
    tags, rendered = _rendered_text(markdown)
    # GFM still links a bare e-mail (or xmpp) address; its text stays the same; nothing else becomes markup.
    assert tags <= {"p", "br", "a"}, tags
    hrefs = re.findall(r'href="([^"]*)"', cmarkgfm.github_flavored_markdown_to_html(markdown))
    assert all(h.startswith(("mailto:", "xmpp:")) for h in hrefs), hrefs
    expected_paragraphs = [p for p in re.split(r"\n\s*\n", value) if p.strip()]
    expected = "\n\n".join("\n".join(line.rstrip() for line in p.split("\n") if line.strip())
                           for p in expected_paragraphs)
    expected = re.sub(r"^[ \t]+", lambda m: "\u00a0" * sum(4 if c == "\t" else 1 for c in m.group(0)),
                      expected, flags=re.M)
    assert rendered == expected


def test_journal_markdown_document_structure():
    index = jc.update_index({}, "c", "b1", copy_of({"p1": HOSTILE, "p2": "Andra svaret"}, title="Reflektion *1*",
                                                    module="Modul 1: Kravprofil"), iso(1))
    md = journal_markdown(index["c"], "sv", today=datetime.date(2026, 11, 30))
    lines = md.split("\n")
    assert lines[0] == "# Min loggbok" and "Hämtad 30 november 2026" in md
    assert "## Modul 1: Kravprofil" in lines and "### Reflektion \\*1\\*" in lines
    assert "#### Vad tar du med dig?" in lines and "*Skriven 1 mars 2026*" in lines
    out = cmarkgfm.github_flavored_markdown_to_html(md)
    assert "<script" not in out and "<w:p" not in out and 'href="javascript' not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert journal_markdown({}, "en").startswith("# My journal\n\nYou have not written anything")


# ---------------------------------------------------------------- Word

def test_journal_docx_reads_back_with_python_docx():
    state = block_state({"p1": "Första stycket.\nRad två.\n\nAndra stycket. " + HOSTILE + "\x00\x0b"})
    state, _ = jm.commit(state, "p1", state["entries"]["p1"]["versions"][-1]["text"] + " Tillägg.", iso(4))
    index = jc.update_index({}, "c", "b1", jc.block_copy(state, PROMPTS, "", "Reflektion 1", "Modul 1", [0], iso(4)),
                            iso(4))
    index = jc.update_index(index, "c", "b2", copy_of({"p2": "Svar i modul två"}, title="Reflektion 2",
                                                      module="Modul 2", order=(1,)), iso(5))
    data = journal_docx(index["c"], "sv", today=datetime.date(2026, 11, 30))
    document = docx.Document(io.BytesIO(data))
    paras = [(p.style.name, p.text) for p in document.paragraphs]
    assert paras[0] == ("Title", "Min loggbok") and paras[1] == ("Subtitle", "Hämtad 30 november 2026")
    assert [t for s, t in paras if s == "Heading 1"] == ["Modul 1", "Modul 2"]
    assert [t for s, t in paras if s == "Heading 2"] == ["Reflektion 1", "Reflektion 2"]
    assert [t for s, t in paras if s == "Heading 3"] == ["Vad tar du med dig?", "Vad gör du annorlunda?"]
    texts = [t for _, t in paras]
    assert "Skriven 1 mars 2026, senast ändrad 4 mars 2026 · 2 versioner" in texts
    assert "Första stycket.\nRad två." in texts
    assert any(t.startswith("Andra stycket. # Rubrik <script>alert(1)</script> & &amp;") and t.endswith("🚀 Tillägg.")
               for t in texts)
    assert document.core_properties.language == "sv-SE"
    assert journal_docx(index["c"], "sv", today=datetime.date(2026, 11, 30)) == data  # reproducible
    empty = docx.Document(io.BytesIO(journal_docx({}, "en", title="Loggbok")))
    assert [p.text for p in empty.paragraphs] == ["Loggbok", "You have not written anything in your journal yet."]


def _expected_text(value):
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", value) if p.strip()]
    expected = "\n\n".join("\n".join(line.rstrip() for line in p.split("\n") if line.strip()) for p in paragraphs)
    return re.sub(r"^[ \t]+", lambda m: "\u00a0" * sum(4 if c == "\t" else 1 for c in m.group(0)), expected,
                  flags=re.M)


def test_markdown_escape_survives_random_markup_soup():
    import random
    rng = random.Random(20261130)
    alphabet = list("\\`*_[]<>&#!~|-+=.:;()0123456789 \t\nabcwWhtpå@/\"'") + ["www.", "http://", "&amp;", "1. ",
                                                                             "```", "    ", "<a>", "![x](y)"]
    for _ in range(400):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        markdown = escape(value)
        tags, rendered = _rendered_text(markdown)
        assert tags <= {"p", "br", "a"}, (value, markdown)
        assert rendered == _expected_text(value), (value, markdown)
