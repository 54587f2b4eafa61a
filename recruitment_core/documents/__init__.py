"""Word documents: the learner's kravprofil and ad, and blank templates (python-docx)."""

from .ad import ad_docx
from .interview import guide_docx, scoring_sheet_docx
from .kravprofil import kravprofil_docx
from .templates import TEMPLATE_KINDS, blank_template_docx

__all__ = ["TEMPLATE_KINDS", "ad_docx", "blank_template_docx", "guide_docx", "kravprofil_docx",
           "scoring_sheet_docx"]
