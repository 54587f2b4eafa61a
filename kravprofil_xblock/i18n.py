"""Translations of the block's own strings.

The catalogues live in ``conf/locale/<lang>/LC_MESSAGES/text.po`` (compiled to ``text.mo``); the msgids are
English, Swedish is the default language. The learner's language comes from Django's active language (set by
the LMS or by ``LocaleMiddleware`` in the workbench) and is normalised to ``sv`` or ``en``.

The platform's i18n service cannot be relied on to find these catalogues (the LMS and the workbench look in
different places, the workbench's service falls back to untranslated text), so the block loads them itself,
once per language.
"""
import functools
import gettext as gettext_module
import os

from recruitment_core.lang import normalize_lang

LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conf", "locale")
DOMAIN = "text"


def N_(text):  # pylint: disable=invalid-name
    """Mark ``text`` for extraction; it is translated later, when the language is known."""
    return text


_ = N_  # pybabel extracts ``_``; module-level strings are translated at use time with ``gettext_for``


@functools.lru_cache(maxsize=8)
def translation(lang):
    """The ``gettext`` translations object for ``lang`` (``sv`` or ``en``), loaded once."""
    return gettext_module.translation(DOMAIN, LOCALE_DIR, languages=[normalize_lang(lang)], fallback=True)


def gettext_for(lang):
    """The ``gettext`` function of ``lang``."""
    return translation(lang).gettext


def current_lang():
    """The active language of the request as ``sv`` or ``en`` (Swedish when Django has none)."""
    try:
        from django.utils.translation import get_language  # pylint: disable=import-outside-toplevel
    except ImportError:  # pragma: no cover - Django is always present in a runtime
        return normalize_lang(None)
    return normalize_lang(get_language())


def translate_dict(strings, lang):
    """Translate every value of a ``{key: msgid}`` mapping."""
    tr = gettext_for(lang)
    return {key: tr(msgid) for key, msgid in strings.items()}
