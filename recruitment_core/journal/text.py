"""Bilingual strings of the reflection journal (Swedish first) and the dates learners read.

Templates are ours and filled with ``str.format``; values may be learner text, so every result is plain text
for run text, Markdown (escaped by the caller) or ``textContent`` -- never HTML.
"""
import datetime
import functools

from ..lang import normalize_lang

MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

ERRORS = {
    "not_object": {"sv": "Uppgifterna har fel form.", "en": "The data has the wrong shape."},
    "unknown_key": {"sv": "Okänt fält: {name}.", "en": "Unknown field: {name}."},
    "missing_key": {"sv": "Fältet {name} saknas.", "en": "The field {name} is missing."},
    "not_text": {"sv": "{name} måste vara text.", "en": "{name} must be text."},
    "too_long": {
        "sv": "Texten är {length} tecken lång; högst {limit} får plats. Korta den med {over} tecken – "
              "det du skrivit finns kvar i rutan.",
        "en": "The text is {length} characters long; at most {limit} fit. Shorten it by {over} characters – "
              "what you wrote is still in the box.",
    },
    "unknown_entry": {"sv": "Det finns ingen fråga {name} i den här övningen.",
                      "en": "This exercise has no question {name}."},
    "followup_closed": {"sv": "Uppföljningsfrågan öppnar {date}.", "en": "The follow-up question opens on {date}."},
    "followup_none": {"sv": "Övningen har ingen uppföljningsfråga.", "en": "This exercise has no follow-up question."},
    "bad_date": {"sv": "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.",
                 "en": "Give the date as YYYY-MM-DD, for example 2026-03-15."},
    "date_past": {"sv": "Välj ett datum från och med i dag ({today}).",
                  "en": "Choose a date from today ({today}) onwards."},
    "date_far": {"sv": "Välj ett datum högst två år fram ({limit}).",
                 "en": "Choose a date at most two years ahead ({limit})."},
    "empty_text": {"sv": "Skriv något innan du sparar.", "en": "Write something before you save."},
    "bad_state": {"sv": "Den sparade loggboken har fel form ({name}).",
                  "en": "The saved journal has the wrong shape ({name})."},
    "state_full": {
        "sv": "Loggboken i den här övningen är full. Ladda ner loggboken och korta en tidigare text; det du "
              "skrivit finns kvar i rutan.",
        "en": "The journal of this exercise is full. Download your journal and shorten an earlier text; what you "
              "wrote is still in the box.",
    },
    "bad_prompts": {"sv": "Frågorna har fel form: {name}.", "en": "The questions have the wrong shape: {name}."},
}

LABELS = {
    "journal_title": {"sv": "Min loggbok", "en": "My journal"},
    "exported": {"sv": "Hämtad {date}", "en": "Downloaded on {date}"},
    "no_entries": {"sv": "Du har inte skrivit något i loggboken ännu.",
                   "en": "You have not written anything in your journal yet."},
    "dates_one": {"sv": "Skriven {first}", "en": "Written on {first}"},
    "dates_changed": {"sv": "Skriven {first}, senast ändrad {updated}",
                      "en": "Written on {first}, last changed on {updated}"},
    "versions": {"sv": "{count} versioner", "en": "{count} versions"},
    "draft_only": {"sv": "Utkast – inte sparat i loggboken ännu", "en": "Draft – not yet saved in the journal"},
    "has_draft": {"sv": "Det finns ett nyare utkast i övningen som inte är sparat.",
                  "en": "The exercise holds a newer draft that has not been saved."},
    "truncated": {
        "sv": "Texten är avkortad här eftersom loggboken är full; hela texten finns i övningen ”{title}”.",
        "en": "The text is shortened here because the journal is full; the whole text is in the exercise "
              "“{title}”.",
    },
    "no_module": {"sv": "Övrigt", "en": "Other"},
    "followup": {"sv": "Uppföljning", "en": "Follow-up"},
    "earlier_question": {"sv": "Tidigare fråga", "en": "Earlier question"},
    "calendar_summary": {"sv": "Titta tillbaka i loggboken: {title}", "en": "Look back in your journal: {title}"},
}


def text(table, key, lang, **params):
    """The string ``table[key]`` in ``lang`` (Swedish for anything else), filled with ``params``."""
    template = table[key][normalize_lang(lang)]
    return template.format(**params) if params else template


def parse_iso(value):
    """A timezone-aware datetime from an ISO 8601 string (naive means UTC), or ``None``."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment


def to_date(value):
    """The UTC calendar date of an ISO time or date string (or a date/datetime), or ``None``."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).date() if value.tzinfo else value.date()
    if isinstance(value, datetime.date):
        return value
    moment = parse_iso(value)
    return moment.astimezone(datetime.timezone.utc).date() if moment else None


def format_date(value, lang):
    """``15 mars 2026`` / ``15 March 2026`` (swedish-style.md); ``""`` when there is no valid date."""
    if isinstance(value, str):
        return _format_iso(value, normalize_lang(lang))
    return _format_day(to_date(value), normalize_lang(lang))


@functools.lru_cache(maxsize=4096)
def _format_iso(value, lang):
    return _format_day(to_date(value), lang)


def _format_day(day, lang):
    if day is None:
        return ""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def format_number(value, lang):
    """Thousands separated by a no-break space in Swedish (5 000), by a comma in English (5,000)."""
    if normalize_lang(lang) == "sv":
        return f"{value:,}".replace(",", "\u00a0")
    return f"{value:,}"


def entry_note(entry, lang):
    """``Skriven 3 mars 2026, senast ändrad 5 mars 2026 · 3 versioner`` for an index entry."""
    versions = entry.get("versions", 0)
    return _note(entry.get("first") or "", entry.get("updated") or "", versions if isinstance(versions, int) else 0,
                 normalize_lang(lang))


@functools.lru_cache(maxsize=4096)
def _note(first, updated, versions, lang):
    first, updated = format_date(first, lang), format_date(updated, lang)
    if first and updated and first != updated:
        note = text(LABELS, "dates_changed", lang, first=first, updated=updated)
    elif first or updated:
        note = text(LABELS, "dates_one", lang, first=first or updated)
    else:
        note = ""
    if versions > 1:
        count = text(LABELS, "versions", lang, count=versions)
        note = f"{note} · {count}" if note else count
    return note


def entry_flags(entry, lang):
    """The sentences about a draft or a shortened text that go with an index entry."""
    out = []
    if entry.get("draft") == "only":
        out.append(text(LABELS, "draft_only", lang))
    elif entry.get("draft") == "newer":
        out.append(text(LABELS, "has_draft", lang))
    if entry.get("truncated"):
        out.append(text(LABELS, "truncated", lang, title=entry.get("title") or "—"))
    return out
