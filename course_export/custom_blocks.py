"""Our own XBlocks in the course: which are installed, and checking their settings.

A source may use the block types of this project (PROJECT_BLOCK_TYPES, the registry). What the course
gets (the attributes, ``advanced_modules``) is derived from the source alone, so every machine builds the
same archive; the classes installed here (``xblock.v1`` entry points) only CHECK the settings. A type the
source uses that is not installed is an error (on the server it would import as a hidden placeholder), or
with ``--allow-missing-blocks`` a warning that skips its settings check. Settings are checked against the block
class's own fields (content/settings scope) by the same rules as the Studio editor's save
(``xblock_layer.studio``) and written INLINE in the vertical, fields as attributes
(List/Dict as JSON).
"""
import json
import re
from functools import lru_cache
from importlib.metadata import entry_points

from course_export.schema import Fields
from xblock_layer.registry import block_names
from xblock_layer.studio import SKIPPED_FIELDS as LAYER_SKIPPED_FIELDS

# Block types this project ships (the registry); only the installed ones are checked.
PROJECT_BLOCK_TYPES = block_names()
# The exporter writes url_name itself.
SKIPPED_FIELDS = LAYER_SKIPPED_FIELDS | {"url_name"}
ATTRIBUTE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


@lru_cache(maxsize=1)
def installed_blocks():
    """{block type: class} for the project's block types whose entry point loads."""
    found = {}
    for ep in entry_points(group="xblock.v1"):
        if ep.name in PROJECT_BLOCK_TYPES and ep.name not in found:
            try:
                found[ep.name] = ep.load()
            except Exception:  # noqa: BLE001 - a broken or missing package means "not installed"
                continue
    return found


def editable_fields(block_class):
    from xblock_layer.studio import settings_fields
    return {name: field for name, field in settings_fields(block_class).items() if name not in SKIPPED_FIELDS}


def read_block(data, shown, errors, allow_missing=False):
    """Check a custom block file (``type:`` plus field values). Returns a ReadBlock or None.

    What is written depends on the SOURCE only (the values as the author wrote them), never on what is
    installed here; the installed class is used to CHECK them. A block type of the project that is not
    installed is an error, or with ``allow_missing`` a warning: its settings are then written unchecked.
    """
    if not isinstance(data, dict):
        Fields(data, {}, shown, errors, "block")
        return None
    from xblock_layer.studio import has_field_kind
    block_type = data.get("type")
    if not isinstance(block_type, str) or not block_type:
        errors.add(shown, data.line, "missing_field", field="type", what="block")
        return None
    if block_type not in PROJECT_BLOCK_TYPES:
        errors.add(shown, data.line_of("type"), "block_unknown_type", type=block_type,
                   known=", ".join(PROJECT_BLOCK_TYPES))
        return None
    block_class = installed_blocks().get(block_type)
    if block_class is None:
        if not allow_missing:
            errors.add(shown, data.line_of("type"), "block_not_installed", type=block_type)
            return None
        errors.warn(shown, data.line_of("type"), "block_not_installed_skipped", type=block_type)
        return _unchecked(data, shown, errors, block_type)
    fields = editable_fields(block_class)
    spec = {"type": (str, True), "display_name": (str, True)}
    spec.update({name: (object, False) for name in fields if name != "display_name"})
    checked = Fields(data, spec, shown, errors, f"block {block_type}")
    attrs = {}
    for name, field in sorted(fields.items()):
        if name not in data or data[name] is None:
            continue
        value = data[name]
        try:
            coerced = field.from_json(value)
            field.enforce_type(value)
        except Exception:  # noqa: BLE001 - XBlock raises various errors for a wrong value
            coerced = _WRONG
        if coerced is _WRONG or not has_field_kind(field, value):
            errors.add(shown, checked.line(name), "block_field_type", field=name,
                       expected=type(field).__name__)
            continue
        attrs[name] = _attribute(value)
    if checked.ok:
        values = {name: data[name] for name in attrs if name in data}
        for message, names in studio_check(block_class, fields, values):
            line = min((checked.line(name) for name in names), default=data.line)
            errors.add(shown, line, "block_setting_invalid", type=block_type, detail=message)
    if "display_name" not in attrs and isinstance(data.get("display_name"), str) and data["display_name"].strip():
        attrs["display_name"] = data["display_name"].strip()      # a class without the field still shows it
    if "display_name" not in attrs:
        return None
    return ReadBlock(block_type, attrs, attrs["display_name"], bool(getattr(block_class, "has_score", False)))


class ReadBlock(tuple):
    """(type, {field: attribute text}, title) plus ``scored``: does the block report a score?"""

    def __new__(cls, block_type, attrs, title, scored=False):
        self = super().__new__(cls, (block_type, attrs, title))
        self.scored = scored
        return self


def _attribute(value):
    """A source value as the XML attribute Studio's OLX uses (text as is, other values as JSON)."""
    return value.strip() if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _unchecked(data, shown, errors, block_type):
    """The block's settings written as the source gives them (its class is not here to check them)."""
    checked = Fields(data, {"type": (str, True), "display_name": (str, True)} |
                     {name: (object, False) for name in data if name not in ("type", "display_name")},
                     shown, errors, f"block {block_type}")
    attrs = {}
    for name, value in sorted(data.items()):
        if name == "type" or value is None:
            continue
        if not ATTRIBUTE_NAME_RE.match(name) or name in SKIPPED_FIELDS:
            errors.add(shown, data.line_of(name), "unknown_field", field=name, allowed="display_name, …")
            continue
        attrs[name] = _attribute(value)
    if not checked.ok or "display_name" not in attrs:
        return None
    return ReadBlock(block_type, attrs, attrs["display_name"], False)


def studio_check(block_class, fields, values):
    """Run the block's own Studio validation (``validate_field_data``, the StudioEditableXBlockMixin
    convention) on the settings, so the export refuses what Studio's editor would refuse.

    Returns one ({"sv": text, "en": text}, [field names]) per problem: the fields are those whose value
    causes it (the problem goes away when that one setting is left at its default), so a message can name
    their line. Blocks without the hook are not checked here.
    """
    if getattr(block_class, "validate_field_data", None) is None:
        return []
    # English first: settings without a problem (every block of a correct course) are validated once; the
    # Swedish texts and the search for causes run only when there is something to report.
    texts = _validation_texts(block_class, fields, values, langs=("en",))
    if not texts["en"]:
        return []
    texts.update(_validation_texts(block_class, fields, values, langs=("sv",)))
    causes = {}
    for name in values:
        without = {key: value for key, value in values.items() if key != name}
        remaining = _validation_texts(block_class, fields, without, langs=("en",))["en"]
        for text in texts["en"]:
            if text not in remaining:
                causes.setdefault(text, []).append(name)
    return [({"sv": sv, "en": en}, causes.get(en, [])) for sv, en in zip(texts["sv"], texts["en"])]


def _validation_texts(block_class, fields, values, langs=("sv", "en")):
    from types import SimpleNamespace

    from django.utils import translation

    from xblock_layer.studio import settings_problems

    _ensure_django()
    defaults = SimpleNamespace(**{name: field.default for name, field in fields.items()})
    texts = {}
    for lang in langs:
        with translation.override(lang):
            texts[lang] = settings_problems(block_class, fields, values, defaults)
    return texts


def _ensure_django():
    """Blocks translate their messages through Django; outside a Django process, set up a minimal one."""
    import os

    from django.conf import settings
    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(USE_I18N=True, LANGUAGE_CODE="sv", INSTALLED_APPS=[])
    import django
    from django.apps import apps
    if not apps.ready:
        django.setup()


_WRONG = object()

