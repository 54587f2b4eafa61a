"""Our own XBlocks in the course: which are installed, and checking their settings.

The project's block types are those of ``xblock_layer.registry``; of them, only the ones installed here
(their ``xblock.v1`` entry point loads) are usable: a block that is not installed on the server would
import as a hidden placeholder, so an unknown type is an error, not a guess. Settings are checked against
the block class's own fields (content/settings scope) by the same rules as the Studio editor's save
(``xblock_layer.studio``) and written INLINE in the vertical, fields as attributes (List/Dict as JSON).
"""
import json
from functools import lru_cache
from importlib.metadata import entry_points

from course_export.schema import Fields
from xblock_layer.registry import block_names

# Block types this project ships; only the installed ones are usable.
PROJECT_BLOCK_TYPES = block_names()


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
    return settings_fields(block_class)


def read_block(data, shown, errors):
    """Check a custom block file (``type:`` plus field values). Returns (type, {field: attr str}, title)."""
    if not isinstance(data, dict):
        Fields(data, {}, shown, errors, "block")
        return None
    from xblock_layer.studio import has_field_kind
    installed = installed_blocks()
    block_type = data.get("type")
    if not isinstance(block_type, str) or not block_type:
        errors.add(shown, data.line, "missing_field", field="type", what="block")
        return None
    if block_type not in installed:
        errors.add(shown, data.line_of("type"), "block_unknown_type", type=block_type,
                   known=", ".join(sorted(installed)) or "-")
        return None
    fields = editable_fields(installed[block_type])
    spec = {"type": (str, True)}
    spec.update({name: (object, False) for name in fields})
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
        attrs[name] = value.strip() if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                                       sort_keys=True)
    if checked.ok:
        values = {name: data[name] for name in attrs if name in data}
        for message in studio_check(installed[block_type], fields, values):
            errors.add(shown, data.line, "block_setting_invalid", type=block_type, detail=message)
    if "display_name" not in attrs:
        default = getattr(fields.get("display_name"), "default", None) or block_type
        attrs["display_name"] = str(default)
    return block_type, attrs, attrs["display_name"]


def studio_check(block_class, fields, values):
    """Run the block's own Studio validation (``validate_field_data``, the StudioEditableXBlockMixin
    convention) on the settings, so the export refuses what Studio's editor would refuse.

    Returns one {"sv": text, "en": text} per problem. Blocks without the hook are not checked here.
    """
    if getattr(block_class, "validate_field_data", None) is None:
        return []
    from types import SimpleNamespace

    from django.utils import translation
    from xblock_layer.studio import settings_problems

    _ensure_django()
    defaults = SimpleNamespace(**{name: field.default for name, field in fields.items()})
    texts = {}
    for lang in ("sv", "en"):
        with translation.override(lang):
            texts[lang] = settings_problems(block_class, fields, values, defaults)
    return [{"sv": sv, "en": en} for sv, en in zip(texts["sv"], texts["en"])]


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
