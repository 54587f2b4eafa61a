"""The learner's job ad (``profile["ad"]``) as a Word document."""

import re

from ..lang import normalize_lang
from ..profile import validate_profile
from ..profile_text import FIELD_LABELS
from . import docx_common as dc

_FALLBACK_TITLE = {"sv": "Annons", "en": "Job ad"}
_BULLET_RE = re.compile(r"^\s*(?:[•\-*–·]\s+|•)")
_SECTIONS = ("tasks", "must", "merits", "offer", "process")


def _write_block(doc, value):
    """Lines starting with a bullet mark become bullets; other lines become paragraphs."""
    for line in value.strip().split("\n"):
        if not line.strip():
            continue
        match = _BULLET_RE.match(line)
        if match:
            dc.bullet(doc, line[match.end():].strip())
        else:
            dc.paragraph(doc, line.strip())


def ad_docx(profile, lang):
    """The ad as .docx bytes; sections the learner left empty are left out."""
    lang = normalize_lang(lang)
    profile = validate_profile(profile)
    ad = profile["ad"]
    heading = ad["title"].strip() or profile["basics"]["role"].strip() or _FALLBACK_TITLE[lang]
    doc = dc.new_document(heading, lang, subject=_FALLBACK_TITLE[lang])
    dc.title(doc, heading)
    if dc.has_text(ad["company"]):
        dc.paragraph(doc, ad["company"].strip(), style="Subtitle")
    if dc.has_text(ad["intro"]):
        _write_block(doc, ad["intro"])
    for key in _SECTIONS:
        if dc.has_text(ad[key]):
            dc.heading(doc, FIELD_LABELS[f"ad.{key}"][lang])
            _write_block(doc, ad[key])
    if not any(dc.has_text(ad[key]) for key in ("intro",) + _SECTIONS):
        dc.paragraph(doc, dc.EMPTY)
    return dc.to_bytes(doc)
