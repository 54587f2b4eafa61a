"""Translations of the block's own strings: its catalogue in ``conf/locale`` (see ``xblock_layer.i18n``)."""
from xblock_layer.i18n import N_, Catalogue, current_lang

CATALOGUE = Catalogue.for_package(__file__)
gettext_for = CATALOGUE.gettext_for
translate_dict = CATALOGUE.translate_dict

_ = N_  # pybabel extracts ``_``; module-level strings are translated at use time with ``gettext_for``

__all__ = ["CATALOGUE", "N_", "_", "current_lang", "gettext_for", "translate_dict"]
