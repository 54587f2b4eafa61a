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
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from ..lang import normalize_lang

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
AUTHOR = "Kompetensbaserad rekrytering"
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
EMPTY = "—"
BODY_FONT = "Calibri"

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
    # One sans-serif body font (the default template mixes a serif body with sans-serif headings).
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attr}"), BODY_FONT)

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    return doc


def _style(paragraph, style_id):
    """Set a paragraph style by its id (python-docx's lookup by name walks every style on each call)."""
    paragraph._p.style = style_id
    return paragraph


def keep_with_next(paragraph):
    paragraph._p.get_or_add_pPr().insert(0, paragraph._p.makeelement(qn("w:keepNext"), {}))
    return paragraph


def title(doc, value):
    para = doc.add_paragraph()
    para.add_run(xml_safe(value))
    return _style(para, "Title")


def heading(doc, value, level=1):
    para = doc.add_paragraph()
    para.add_run(xml_safe(value))
    return _style(para, f"Heading{level}")


def paragraph(doc, value, italic=False, style=None):
    para = doc.add_paragraph()
    if style:
        _style(para, _STYLE_IDS.get(style, style))
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
    return paragraph(doc, value, style="ListBullet")


def numbered(doc, value):
    return paragraph(doc, value, style="ListNumber")


# ---------------------------------------------------------------- tables, written as WordprocessingML
#
# Tables are built as one XML string and parsed once: python-docx's cell API re-reads the whole grid on
# every access, and its column widths are only hints that LibreOffice ignores. Here the table has a fixed
# layout, a grid with real column widths (twentieths of a point) and the same width on every cell.

_STYLE_IDS = {"List Bullet": "ListBullet", "List Number": "ListNumber", "Subtitle": "Subtitle",
              "Title": "Title"}
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TWIPS_PER_CM = 567
HEADER_FILL = "DCE4EE"      # header row and label column: light blue-grey, prints well in black and white
FORM_ROW_CM = 0.8           # an empty row of a form has room for a line of handwriting
TEXT_WIDTH_CM = 16.6        # A4 minus the margins set in new_document


def _esc(value):
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def _runs_xml(value, bold):
    """Runs for ``value``: line breaks become <w:br/>, tabs <w:tab/> (as python-docx does)."""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    value = xml_safe(value)
    if not value:
        return ""
    parts = []
    for i, line in enumerate(value.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{_esc(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _cell_xml(value, width, bold=False, fill=None, keep=False):
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    ppr = '<w:pPr><w:keepNext/><w:spacing w:before="30" w:after="30"/></w:pPr>' if keep else \
        '<w:pPr><w:spacing w:before="30" w:after="30"/></w:pPr>'
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"<w:p>{ppr}{_runs_xml(value, bold)}</w:p></w:tc>")


def _row_xml(cells, header=False, min_height_cm=None):
    props = "<w:cantSplit/>"
    if min_height_cm:
        props += f'<w:trHeight w:val="{round(min_height_cm * _TWIPS_PER_CM)}" w:hRule="atLeast"/>'
    if header:
        props += "<w:tblHeader/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def _widths(widths, columns):
    if not widths:
        widths = [TEXT_WIDTH_CM / columns] * columns
    return [round(w * _TWIPS_PER_CM) for w in widths]


def _insert_table(doc, rows_xml, twips):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml = (f'<w:tbl xmlns:w="{_W_NS}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
           f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows_xml)}</w:tbl>')
    tbl = parse_xml(xml)
    body = doc.element.body
    body.sectPr.addprevious(tbl) if body.sectPr is not None else body.append(tbl)
    # The heading or tip just above the table stays on the same page as its first rows.
    previous = tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        ppr = previous.get_or_add_pPr()
        if ppr.find(qn("w:keepNext")) is None:
            ppr.insert(0, previous.makeelement(qn("w:keepNext"), {}))
    doc.add_paragraph()
    return Table(tbl, doc._body)


def table(doc, headers, rows, widths=None, min_height_cm=None):
    """A "Table Grid" table with a shaded bold header row that repeats on each page; cells are plain text.

    ``widths`` are column widths in cm (default: equal columns over the text width); ``min_height_cm``
    gives every body row room to write in (blank forms). Short tables (up to 10 rows) stay on one page.
    """
    twips = _widths(widths, len(headers))
    keep = len(rows) <= 10
    out = [_row_xml([_cell_xml(h, w, bold=True, fill=HEADER_FILL, keep=True) for h, w in zip(headers, twips)],
                    header=True)]
    last = len(rows) - 1
    for i, values in enumerate(rows):
        out.append(_row_xml([_cell_xml(v, w, keep=keep and i < last) for v, w in zip(values, twips)],
                            min_height_cm=min_height_cm))
    return _insert_table(doc, out, twips)


def field_table(doc, pairs, widths=(5.0, 11.6), heights=None):
    """Two columns, label and value: a filled fact sheet or, with empty values, a form to fill in.

    An empty row is at least ``heights[i]`` cm high (default :data:`FORM_ROW_CM`): room to write."""
    twips = _widths(widths, 2)
    out = []
    last = len(pairs) - 1
    for i, (label, value) in enumerate(pairs):
        height = None if has_text(value) else (heights[i] if heights else FORM_ROW_CM)
        out.append(_row_xml([_cell_xml(label, twips[0], bold=True, fill=HEADER_FILL, keep=i < last),
                             _cell_xml(value, twips[1], keep=i < last)], min_height_cm=height))
    return _insert_table(doc, out, twips)


def box(doc, lines, width_cm=TEXT_WIDTH_CM):
    """A one-cell framed area with room for ``lines`` lines of writing."""
    twips = _widths((width_cm,), 1)
    out = [_row_xml([_cell_xml("", twips[0])], min_height_cm=0.6 * max(lines, 1))]
    return _insert_table(doc, out, twips)


class _PartCollector:
    """Stands in for python-docx's ZIP writer: collects each part's name and bytes, in package order."""

    def __init__(self):
        self.items = []

    def write(self, pack_uri, blob):
        self.items.append((pack_uri.membername, blob))


def to_bytes(doc):
    """Serialize ``doc`` into a ZIP with fixed dates, attributes and compression (compressed once)."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    parts = _PartCollector()
    PackageWriter._write_content_types_stream(parts, package.parts)
    PackageWriter._write_pkg_rels(parts, package.rels)
    PackageWriter._write_parts(parts, package.parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in parts.items:
            fixed = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, blob, compresslevel=6)
    return out.getvalue()
