"""Shared helpers for the Word documents: safe text, styles, tables and reproducible bytes.

Every piece of text goes into a run as text (python-docx escapes ``<``, ``&`` and quotes); characters that
XML 1.0 forbids are removed first, so no string can break the package. ``to_bytes`` re-packs the ZIP with
fixed timestamps and order, so the same input always gives the same bytes.
"""

import datetime
import io
import re
import zipfile

import docx
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..lang import normalize_lang

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
AUTHOR = "Kompetensbaserad rekrytering"
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
EMPTY = "—"

# XML 1.0 allows tab, newline, carriage return and U+0020 upwards except surrogates and U+FFFE/U+FFFF.
# Carriage returns are folded into newlines first (python-docx turns "\n" into a line break).
_XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """``value`` as a string without the characters XML 1.0 forbids; ``None`` becomes ``""``."""
    if value is None:
        return ""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _XML_FORBIDDEN_RE.sub("", value)


def has_text(value):
    return isinstance(value, str) and value.strip() != ""


def or_dash(value):
    """The text, or an em dash for an empty field."""
    return value.strip() if has_text(value) else EMPTY


def new_document(title, lang, subject=""):
    """A blank A4 document with core properties, document language and fixed dates."""
    lang = normalize_lang(lang)
    doc = docx.Document()
    props = doc.core_properties
    props.title = xml_safe(title)[:255]
    props.subject = xml_safe(subject)[:255]
    props.language = LANGUAGE_TAGS[lang]
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE

    # Spelling and hyphenation follow the document language.
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    lang_el.set(qn("w:val"), LANGUAGE_TAGS[lang])

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    return doc


def title(doc, value):
    return doc.add_heading(xml_safe(value), level=0)


def heading(doc, value, level=1):
    return doc.add_heading(xml_safe(value), level=level)


def paragraph(doc, value, italic=False, style=None):
    para = doc.add_paragraph(style=style)
    run = para.add_run(xml_safe(value))
    if italic:
        run.italic = True
    return para


def label_paragraph(doc, label, value):
    """``Label: value`` with the label in bold (value "—" when empty)."""
    para = doc.add_paragraph()
    para.add_run(xml_safe(label) + ": ").bold = True
    para.add_run(xml_safe(or_dash(value)))
    return para


def bullet(doc, value):
    para = doc.add_paragraph(style="List Bullet")
    para.add_run(xml_safe(value))
    return para


def numbered(doc, value):
    para = doc.add_paragraph(style="List Number")
    para.add_run(xml_safe(value))
    return para


def _set_cell(cell, value, bold=False):
    cell.text = ""
    run = cell.paragraphs[0].add_run(xml_safe(value))
    run.bold = bold


def _repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    header = tr_pr.makeelement(qn("w:tblHeader"), {})
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def table(doc, headers, rows, widths=None):
    """A "Table Grid" table with a bold header row that repeats on each page; cells are plain text."""
    tbl = doc.add_table(rows=1, cols=len(headers))
    tbl.style = doc.styles["Table Grid"]
    for cell, value in zip(tbl.rows[0].cells, headers):
        _set_cell(cell, value, bold=True)
    _repeat_header(tbl.rows[0])
    for values in rows:
        cells = tbl.add_row().cells
        for cell, value in zip(cells, values):
            _set_cell(cell, value)
    if widths:
        for row in tbl.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)
    doc.add_paragraph()
    return tbl


def field_table(doc, pairs, widths=(5.0, 11.6)):
    """Two columns, label and value: a filled fact sheet or, with empty values, a form to fill in."""
    tbl = doc.add_table(rows=0, cols=2)
    tbl.style = doc.styles["Table Grid"]
    for label, value in pairs:
        cells = tbl.add_row().cells
        _set_cell(cells[0], label, bold=True)
        _set_cell(cells[1], value)
    for row in tbl.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    doc.add_paragraph()
    return tbl


def to_bytes(doc):
    """Serialize ``doc`` and re-pack the ZIP with fixed dates, attributes and compression."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename), compresslevel=6)
    return out.getvalue()
