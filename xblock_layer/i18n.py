"""Gettext catalogues per block package, and the learner's language.

Each block package keeps its catalogues in ``<package>/conf/locale/<lang>/LC_MESSAGES/text.po`` (compiled to
``text.mo``), msgids in English, Swedish the default language. The platform's i18n service cannot be relied on
to find them (the LMS and the workbench look in different places; the workbench's service falls back to
untranslated text), so a block loads its own, once per language::

    from xblock_layer.i18n import Catalogue, N_, current_lang
    CATALOGUE = Catalogue.for_package(__file__)          # <this package>/conf/locale, domain "text"
    tr = CATALOGUE.gettext_for(current_lang())
    tr(N_("Saved"))

``N_`` (also exported as ``_`` by block modules) only marks a string for ``make translations``; the text is
translated when the language is known.
"""
import functools
import gettext as gettext_module
import os

from recruitment_core.lang import normalize_lang

__all__ = ["Catalogue", "N_", "current_lang", "normalize_lang", "gettext_for"]

DOMAIN = "text"


def N_(text):  # noqa: N802  pylint: disable=invalid-name
    """Mark ``text`` for extraction; it is translated later, when the language is known."""
    return text


@functools.lru_cache(maxsize=64)
def _translation(locale_dir, domain, lang):
    return gettext_module.translation(domain, locale_dir, languages=[lang], fallback=True)


def gettext_for(locale_dir, lang, domain=DOMAIN):
    """The ``gettext`` function of ``lang`` from the catalogue in ``locale_dir`` (loaded once)."""
    return _translation(os.path.abspath(locale_dir), domain, normalize_lang(lang)).gettext


class Catalogue:
    """The gettext catalogue of one block package."""

    def __init__(self, locale_dir, domain=DOMAIN):
        self.locale_dir = os.path.abspath(locale_dir)
        self.domain = domain

    @classmethod
    def for_package(cls, module_file, domain=DOMAIN):
        """The catalogue in ``conf/locale`` next to ``module_file`` (pass ``__file__`` of a module of the package)."""
        return cls(os.path.join(os.path.dirname(os.path.abspath(module_file)), "conf", "locale"), domain)

    def translation(self, lang):
        """The ``gettext`` translations object for ``lang`` (``sv`` or ``en``), loaded once."""
        return _translation(self.locale_dir, self.domain, normalize_lang(lang))

    def gettext_for(self, lang):
        """The ``gettext`` function of ``lang``."""
        return self.translation(lang).gettext

    def gettext(self, text):
        """``text`` in the current request's language."""
        return self.gettext_for(current_lang())(text)

    def translate_dict(self, strings, lang):
        """Translate every value of a ``{key: msgid}`` mapping."""
        tr = self.gettext_for(lang)
        return {key: tr(msgid) for key, msgid in strings.items()}


def current_lang():
    """The active language of the request as ``sv`` or ``en`` (Swedish when Django has none)."""
    try:
        from django.utils.translation import get_language  # pylint: disable=import-outside-toplevel
    except ImportError:  # pragma: no cover - Django is always present in a runtime
        return normalize_lang(None)
    return normalize_lang(get_language())


class CatalogueMixin:
    """For a block class with a ``catalogue`` attribute: ``ugettext`` (the Studio editor translates field labels
    and help with it), ``input_error`` and ``localize_error`` (the strict handlers' messages)."""

    catalogue = None
    # {a handler's body limit in bytes: (msgid, params)}: what a body over that limit means, in the block's words
    # (e.g. "The profile is too large to be saved (at most %(kb)s KB)." rather than "The request is too large").
    too_large_messages = {}

    def ugettext(self, text):
        """Translate with the block's own catalogue, in the request's language."""
        return self.catalogue.gettext(text) if self.catalogue is not None else text

    def localize_error(self, code, message):
        """Called by ``strict_json_handler``: ``message`` in the request's language (see ``too_large_messages``)."""
        from .json_handlers import localize_message  # pylint: disable=import-outside-toplevel

        limit = getattr(message, "params", {}).get("limit")
        if code == "too_large" and limit in self.too_large_messages:
            msgid, params = self.too_large_messages[limit]
            return self.ugettext(msgid) % params
        return localize_message(message, current_lang())

    def input_error(self, msgid, code, status=400, **params):
        """An ``InputError`` (400 unless ``status``) with the block's own message ``msgid`` (``%(name)s``
        placeholders filled from ``params``) in the request's language; raise it from a handler."""
        from .json_handlers import InputError  # pylint: disable=import-outside-toplevel

        text = self.ugettext(msgid)
        return InputError(text % params if params else text, status=status, code=code)
