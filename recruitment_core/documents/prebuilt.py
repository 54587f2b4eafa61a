"""The twelve blank templates (6 kinds x sv/en), prebuilt by :func:`.templates.blank_template_docx` and shipped
as package data, so that building a course archive does not spend ~80 ms generating Word files.

``make templates`` (``python -m recruitment_core.documents.prebuilt``) writes them again; a test fails when
a shipped file differs from a fresh build, so they cannot drift from the code.
"""
import sys
from pathlib import Path

from ..lang import normalize_lang
from .templates import TEMPLATE_KINDS, blank_template_docx

FOLDER = Path(__file__).resolve().parent / "prebuilt"
LANGS = ("sv", "en")


def prebuilt_path(kind, lang):
    return FOLDER / f"{kind}_{lang}.docx"


def prebuilt_template(kind, lang="sv"):
    """The shipped bytes of a blank template; built on the spot when the file is missing (never stale:
    a test compares every shipped file with a fresh build). ``ValueError`` for an unknown kind."""
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f"unknown template kind {kind!r}; expected one of {', '.join(TEMPLATE_KINDS)}")
    lang = normalize_lang(lang)
    try:
        return prebuilt_path(kind, lang).read_bytes()
    except FileNotFoundError:
        return blank_template_docx(kind, lang)


def write_prebuilt(folder=FOLDER):
    """Write all twelve templates into ``folder``; returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in TEMPLATE_KINDS:
        for lang in LANGS:
            path = folder / f"{kind}_{lang}.docx"
            path.write_bytes(blank_template_docx(kind, lang))
            written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - the make target
    for written_path in write_prebuilt(sys.argv[1] if len(sys.argv) > 1 else FOLDER):
        print(written_path)
