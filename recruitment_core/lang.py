"""Language codes: the project speaks Swedish (default) and English."""

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


def normalize_lang(code):
    """Map a locale code such as ``en-us`` or ``sv_SE`` to ``"sv"`` or ``"en"``; anything else is Swedish."""
    if not code:
        return DEFAULT_LANGUAGE
    base = str(code).replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE
