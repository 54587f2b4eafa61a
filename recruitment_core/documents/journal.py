"""The course-wide journal ("Min loggbok") as a Word document, from the per-learner index."""
from ..journal.course import full_journal
from ..journal.text import LABELS, entry_flags, entry_note, format_date, text as _text
from ..lang import normalize_lang
from . import docx_common as dc


def _write_text(doc, value):
    """Blank lines separate paragraphs; a single line break stays a line break inside the paragraph."""
    chunks = [c.strip("\n") for c in dc.xml_safe(value).split("\n\n")]
    for chunk in chunks:
        if chunk.strip():
            dc.paragraph(doc, chunk)


def journal_docx(course_index, lang, title=None, today=None):
    """``.docx`` bytes: title, download date, then per module (Heading 1) each exercise (Heading 2) with its
    questions (Heading 3), the dates of each entry and the learner's text."""
    lang = normalize_lang(lang)
    title = title or _text(LABELS, "journal_title", lang)
    doc = dc.new_document(title, lang, subject=_text(LABELS, "journal_title", lang))
    dc.title(doc, title)
    if today is not None:
        dc.paragraph(doc, _text(LABELS, "exported", lang, date=format_date(today, lang)), style="Subtitle")
    groups = full_journal(course_index, lang)
    if not groups:
        dc.paragraph(doc, _text(LABELS, "no_entries", lang))
    for group in groups:
        dc.keep_with_next(dc.heading(doc, group["module"], 1))
        block = None
        for entry in group["entries"]:
            if entry["usage"] != block:
                block = entry["usage"]
                if entry["title"]:
                    dc.keep_with_next(dc.heading(doc, entry["title"], 2))
            dc.keep_with_next(dc.heading(doc, " ".join((entry["prompt"] or entry["key"]).split()), 3))
            note = entry_note(entry, lang)
            if note:
                dc.keep_with_next(dc.paragraph(doc, note, italic=True))
            for flag in entry_flags(entry, lang):
                dc.paragraph(doc, flag, italic=True)
            _write_text(doc, entry["text"])
    return dc.to_bytes(doc)
