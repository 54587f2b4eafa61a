"""The course-wide journal as Markdown (CommonMark/GFM) with every piece of text escaped.

Learner text must read back as exactly the text, whatever it holds: ``escape`` backslash-escapes the
characters that start inline markup anywhere (``\\ ` * _ [ ] < ~ |`` and ``&`` before an entity), and at the
start of a line the ones that start a block (``# > - + =``, ``1.`` / ``1)``). Leading spaces and tabs become
no-break spaces (CommonMark reads four spaces as a code block; a no-break space is not indentation), trailing
white space is dropped, a single line break becomes a hard break (a backslash at the end of the line) and a
blank line separates paragraphs. The tests render the result with cmark-gfm and compare the text.
"""
import re

from .course import full_journal
from .text import LABELS, entry_flags, entry_note, format_date, text as _text

_INLINE_RE = re.compile(r"""
    [\\`*_\[\]<~|]                     # inline markup, anywhere
  | &(?=\#?[A-Za-z0-9]+;)                # an entity reference
  | (?<=[wW]{3})\.                       # www.  (GFM would link it, escapes shown)
  | (?i:(?<=http)|(?<=https)|(?<=ftp)|(?<=xmpp)|(?<=mailto)):   # scheme:  (idem)
""", re.X)
_LINE_START_RE = re.compile(r"^([#>+=-])|^(\d{1,9})([.)])")
_LEADING_RE = re.compile(r"^[ \t]+")
NBSP = "\u00a0"


def _escape_line(line):
    line = line.rstrip()
    lead = _LEADING_RE.match(line)
    prefix = ""
    if lead:
        prefix = "".join(NBSP * (4 if ch == "\t" else 1) for ch in lead.group(0))
        line = line[lead.end():]
    line = _INLINE_RE.sub(lambda m: "\\" + m.group(0), line)
    line = _LINE_START_RE.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)
    return prefix + line


def escape(value):
    """``value`` as Markdown that renders as exactly this text (paragraphs and line breaks kept)."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs, current = [], []
    for raw in value.split("\n"):
        if raw.strip():
            current.append(_escape_line(raw))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\\\n".join(lines) for lines in paragraphs)


def escape_inline(value):
    """One line of our or staff's text (a heading, a label): line breaks folded into spaces."""
    return escape(" ".join((value or "").split()))


def journal_markdown(course_index, lang, title=None, today=None):
    """The whole course-wide journal as a Markdown document (str, ends with a newline)."""
    title = title or _text(LABELS, "journal_title", lang)
    out = [f"# {escape_inline(title)}"]
    if today is not None:
        out.append(escape_inline(_text(LABELS, "exported", lang, date=format_date(today, lang))))
    groups = full_journal(course_index, lang)
    if not groups:
        out.append(escape_inline(_text(LABELS, "no_entries", lang)))
    for group in groups:
        out.append(f"## {escape_inline(group['module'])}")
        block = None
        for entry in group["entries"]:
            if entry["usage"] != block:
                block = entry["usage"]
                if entry["title"]:
                    out.append(f"### {escape_inline(entry['title'])}")
            out.append(f"#### {escape_inline(entry['prompt'] or entry['key'])}")
            note = entry_note(entry, lang)
            if note:
                out.append(f"*{escape_inline(note)}*")
            for flag in entry_flags(entry, lang):
                out.append(f"> {escape_inline(flag)}")
            out.append(escape(entry["text"]))
    return "\n\n".join(out) + "\n"
