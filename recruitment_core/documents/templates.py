"""Blank templates a company can use at once: kravprofil, annons, telefonavstämning, intervju, referenstagning and
avslag (messages to the candidates who do not get the job)."""

from ..lang import normalize_lang
from . import docx_common as dc
from .template_text import ANCHOR_HEADERS, ANCHORS, SOURCES_HEADING, TEMPLATES

TEMPLATE_KINDS = ("kravprofil", "annons", "telefonavstamning", "intervju", "referenstagning", "avslag")


def _grid(doc, headers, rows, widths, lang, height=dc.FORM_ROW_CM):
    if isinstance(rows, int):
        body = [[""] * len(headers) for _ in range(rows)]
    else:
        body = [[first[lang]] + [""] * (len(headers) - 1) for first in rows]
    dc.table(doc, [h[lang] for h in headers], body, widths=widths, min_height_cm=height)


def _render(doc, block, lang):
    kind = block[0]
    if kind == "title":
        dc.title(doc, block[1][lang])
    elif kind == "h1":
        dc.heading(doc, block[1][lang], level=1)
    elif kind == "h2":
        dc.heading(doc, block[1][lang], level=2)
    elif kind == "p":
        dc.paragraph(doc, block[1][lang])
    elif kind == "tip":
        dc.paragraph(doc, block[1][lang], italic=True)
    elif kind == "bullets":
        for item in block[1]:
            dc.bullet(doc, item[lang])
    elif kind == "fields":
        heights = block[2] if len(block) > 2 else [dc.FORM_ROW_CM] * len(block[1])
        dc.field_table(doc, [(label[lang], "") for label in block[1]], heights=heights)
    elif kind == "grid":
        _grid(doc, *block[1:4], lang, *block[4:])
    elif kind == "anchors":
        rows = [[str(n), anchor[lang], ""] for n, anchor in enumerate(ANCHORS, start=1)]
        dc.table(doc, [h[lang] for h in ANCHOR_HEADERS], rows, widths=(1.7, 12.4, 2.5))
    elif kind == "box":
        dc.box(doc, block[1])
    elif kind == "sources":
        dc.heading(doc, SOURCES_HEADING[lang], level=2)
        for citation in block[1]:
            dc.paragraph(doc, citation[lang], style="List Bullet")
    else:  # pragma: no cover - the data is ours
        raise ValueError(f"unknown template block {kind!r}")


def blank_template_docx(kind, lang="sv"):
    """A blank template as .docx bytes; ``kind`` is one of :data:`TEMPLATE_KINDS` (else ``ValueError``)."""
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f"unknown template kind {kind!r}; expected one of {', '.join(TEMPLATE_KINDS)}")
    return _build(kind, normalize_lang(lang))


def _build(kind, lang):
    """Built afresh on every call (no hidden cache); the course exporter uses the prebuilt copies instead,
    see :mod:`.prebuilt`."""
    blocks = TEMPLATES[kind]
    title = blocks[0][1][lang]
    doc = dc.new_document(title, lang, subject=title)
    for block in blocks:
        _render(doc, block, lang)
    return dc.to_bytes(doc)
