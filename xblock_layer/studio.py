"""Hardened Studio editing: the editor's save reads its body strictly and checks every value's type by the
field's class; the block's own ``validate_field_data`` refuses what its rules refuse, with every problem listed.

::

    class JournalXBlock(StudioEditingMixin, XBlock):
        editable_fields = ("display_name", "prompt")

        def validate_field_data(self, validation, data):   # optional: the block's own rules
            if not data.prompt.strip():
                validation.add(ValidationMessage(ValidationMessage.ERROR, self.ugettext("Write a prompt.")))

``submit_studio_edits`` (the name the Studio editor's JavaScript posts to) answers like the SDK mixin's
(``{"result": "success"}`` or ``{"error": ...}`` with 400) but a hostile body (deep or invalid JSON, wrong
types, oversize, GET) gets a 4xx JSON answer instead of a 500, and nothing is saved unless every value is valid.

``field_kind``/``has_field_kind`` are also what the course export checks a block's settings with
(``course_export.custom_blocks``), and ``settings_problems`` runs the block's ``validate_field_data`` there, so an
exported course holds only settings Studio would accept.
"""
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, JSONField, List, Scope, String
from xblock.utils.studio_editable import FutureFields, StudioEditableXBlockMixin
from xblock.validation import Validation

from .json_handlers import BadRequest, InputError, error_response, json_response, parse_json_body

# Python types a field class holds (checked in this order: Boolean before Integer).
_FIELD_KINDS = ((Boolean, bool), (Integer, int), (Float, (int, float)), (String, str), (List, list), (Dict, dict))
# Fields every XBlock has that are no authored setting.
SKIPPED_FIELDS = frozenset({"parent", "children", "xml_attributes", "tags", "has_score", "icon_class"})


def field_kind(field):
    """The Python type(s) a field of this class holds, or ``None`` when its class is not one of the plain kinds."""
    for field_class, python_type in _FIELD_KINDS:
        if isinstance(field, field_class):
            return python_type
    return None


def has_field_kind(field, value):
    """True if ``value`` has the Python type of ``field``'s class (a bool is no number)."""
    kind = field_kind(field)
    if kind is None:
        return True
    if isinstance(value, bool) and kind is not bool:
        return False
    return isinstance(value, kind)


def settings_fields(block_class):
    """``{name: field}`` of a block class's authored fields (content and settings scope)."""
    return {name: field for name, field in block_class.fields.items()
            if field.scope in (Scope.content, Scope.settings) and name not in SKIPPED_FIELDS}


def settings_problems(block_class, fields, values, fallback):
    """Texts of the block's ``validate_field_data`` errors for ``values`` (fields not in it: ``fallback``'s).

    ``fallback`` is a block or any object with the fields as attributes (e.g. their defaults). Blocks without
    the hook have no problems here. Translated messages come in the active Django language.
    """
    check = getattr(block_class, "validate_field_data", None)
    if check is None:
        return []
    validation = Validation("settings-check")
    check(fallback, validation, FutureFields(new_fields_dict=values, newly_removed_fields=[], fallback_obj=fallback))
    return [message.text for message in validation.messages]


class StudioEditingMixin(StudioEditableXBlockMixin):
    """The SDK's Studio editor with a strict save handler (see the module's docstring)."""

    studio_max_bytes = 50_000   # raise for fields that hold large texts
    studio_max_depth = 6        # {"values": {"a_list": [...]}}

    @XBlock.handler
    def submit_studio_edits(self, request, suffix=""):  # pylint: disable=unused-argument
        """Save the Studio editor's ``{"values": {...}, "defaults": [...]}`` if every value is valid."""
        try:
            data = parse_json_body(request, max_bytes=self.studio_max_bytes, max_depth=self.studio_max_depth)
            values, to_reset = self.studio_values(data)
        except InputError as err:
            return error_response(self, err)
        validation = Validation(self.scope_ids.usage_id)
        self.validate_field_data(validation, FutureFields(
            new_fields_dict=values, newly_removed_fields=to_reset, fallback_obj=self))
        if not validation:
            return json_response({"error": validation.to_json()}, status=400)
        for name, value in values.items():
            setattr(self, name, value)
        for name in to_reset:
            self.fields[name].delete_from(self)
        return json_response({"result": "success"})

    def studio_values(self, data):
        """``(values, to_reset)`` of an editor request; ``BadRequest`` for anything of the wrong shape or type."""
        if not isinstance(data, dict) or not isinstance(data.get("values", {}), dict) \
                or not isinstance(data.get("defaults", []), list):
            raise BadRequest(code="bad_shape")
        sent, defaults = data.get("values", {}), data.get("defaults", [])
        values, to_reset = {}, []
        for name in self.editable_fields:
            field = self.fields[name]
            if name in sent:
                if not isinstance(field, JSONField) or field.scope not in (Scope.content, Scope.settings):
                    raise BadRequest(code="bad_shape")
                if isinstance(sent[name], bool) and not isinstance(field, Boolean):
                    raise BadRequest(code="bad_shape", key="invalid")   # from_json would make true a 1
                try:
                    values[name] = field.from_json(sent[name])
                except (TypeError, ValueError):
                    raise BadRequest(code="bad_shape", key="invalid") from None
                if not has_field_kind(field, values[name]):
                    raise BadRequest(code="bad_shape", key="invalid")
            elif name in defaults and field.is_set_on(self):
                to_reset.append(name)
        return values, to_reset
