"""The texts of the shared front-end module (``static/js/xblock_layer*.js``), in the layer's own catalogue.

A block sends ``layer_js_strings(lang)`` in its page's JSON, merged under its own strings
(``{**layer_js_strings(lang), **own}``), so the save status, the counters and the download guard speak the
learner's language in every block without each block translating them again. The texts only the on-demand part
uses (merge notice, conflict dialog, recovery area: ``UI_KEYS``) travel with that file instead
(``layer_ui_strings``, see ``xblock_layer.assets``), so the page does not carry them.
"""
import functools

from .i18n import N_, Catalogue

CATALOGUE = Catalogue.for_package(__file__)

LAYER_JS = {
    "saving": N_("Saving…"),
    "saved": N_("Saved %(time)s"),
    "unsaved": N_("Unsaved changes"),
    "not_saved": N_("Not saved: %(error)s"),
    "error": N_("Something went wrong. Please try again."),
    "offline": N_("Could not reach the server. Your changes are kept in this browser and will be saved again."),
    "server_error": N_("The server could not save your changes (error %(status)s). They are kept in this browser "
                       "and will be saved again."),
    "restored": N_("Unsaved changes from this browser were restored."),
    "merged": N_("Changes saved in another tab or window were added."),
    "conflict_title": N_("The same text was changed in another tab or window"),
    "conflict_text": N_("Choose which version to keep. The other one stays here, so you can copy it or put it "
                        "back."),
    "mine": N_("Your version"),
    "theirs": N_("Saved version"),
    "keep_mine": N_("Keep my version"),
    "use_theirs": N_("Use the saved version"),
    "empty": N_("(empty)"),
    "alt_title": N_("The version you did not choose"),
    "alt_restore": N_("Put this version back"),
    "alt_dismiss": N_("I don't need it"),
    "count": N_("%(n)s of %(max)s characters"),
    "overflow": N_("Only %(max)s characters fit in this field. %(n)s characters were not added; they are here for "
                   "you to copy:"),
    "dl_offline": N_("You are offline, so the document cannot be downloaded now. Your text is kept in this "
                     "browser."),
    "dl_failed": N_("The server could not be reached, so the document cannot be downloaded now. Try again in a "
                    "moment."),
}


# The keys only xblock_layer_ui.js (loaded on demand) uses.
UI_KEYS = frozenset({"conflict_title", "conflict_text", "mine", "theirs", "keep_mine", "use_theirs", "empty",
                     "alt_title", "alt_restore", "merged", "restored"})


@functools.lru_cache(maxsize=4)
def layer_js_strings(lang):
    """The page's part of ``LAYER_JS`` translated to ``lang`` (all but ``UI_KEYS``; do not change the dict)."""
    return CATALOGUE.translate_dict({key: msgid for key, msgid in LAYER_JS.items() if key not in UI_KEYS}, lang)


@functools.lru_cache(maxsize=4)
def layer_ui_strings(lang):
    """The ``UI_KEYS`` of ``LAYER_JS`` translated to ``lang`` (sent with xblock_layer_ui.js)."""
    return CATALOGUE.translate_dict({key: msgid for key, msgid in LAYER_JS.items() if key in UI_KEYS}, lang)
