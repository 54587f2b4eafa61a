"""Studio settings: validation of the authored fields (the framework override above all) and a hardened save.

``submit_studio_edits`` replaces the mixin's handler of the same name (the Studio editor's JavaScript posts to
it): same request and answer format, but the body is read through ``recruitment_core.validation`` so a
hostile request (deep or invalid JSON, wrong types, oversize) gets a 4xx JSON answer instead of a 500.
"""
from recruitment_core.profile import SECTIONS
from recruitment_core.validation import InputError, error_response, json_response, parse_json_body
from xblock.core import XBlock
from xblock.fields import JSONField, Scope
from xblock.utils.studio_editable import FutureFields
from xblock.validation import Validation, ValidationMessage

from .frameworks import MAX_OVERRIDE_CHARS, override_errors
from .i18n import current_lang, gettext_for
from .strings import ERRORS

MAX_STUDIO_BODY = 2 * MAX_OVERRIDE_CHARS + 50_000  # JSON escapes can double the override's size
MAX_STUDIO_DEPTH = 6  # {"values": {"required_sections": [...]}}


class StudioSettingsMixin:
    """Refuses invalid settings with every problem listed; the previous values stay (nothing is saved)."""

    def validate_field_data(self, validation, data):
        """Add one error per problem of ``data`` (the values about to be saved) to ``validation``."""
        tr = gettext_for(current_lang())

        def error(text):
            validation.add(ValidationMessage(ValidationMessage.ERROR, text))

        override = data.framework_override or ""
        if not isinstance(override, str):
            error(tr(ERRORS["framework_invalid"]))
        elif len(override) > MAX_OVERRIDE_CHARS:
            error(tr(ERRORS["framework_too_large"]) % {"kb": MAX_OVERRIDE_CHARS // 1000})
        else:
            problems = override_errors(override)
            if problems:
                error(tr(ERRORS["framework_invalid"]))
                for problem in problems:
                    error(problem)

        maximum = data.max_competencies
        if isinstance(maximum, bool) or not isinstance(maximum, int) or not 1 <= maximum <= 20:
            error(tr(ERRORS["max_range"]))

        sections = data.required_sections
        if not isinstance(sections, list) or not sections:
            error(tr(ERRORS["sections_empty"]))
        else:
            for name in sections:
                if name not in SECTIONS:
                    error(tr(ERRORS["sections_unknown"]) % {"name": str(name)[:40]})

    @XBlock.handler
    def submit_studio_edits(self, request, suffix=""):  # pylint: disable=unused-argument
        """Save the Studio editor's ``{"values": {...}, "defaults": [...]}`` if every value is valid."""
        try:
            data = parse_json_body(request, max_bytes=MAX_STUDIO_BODY, max_depth=MAX_STUDIO_DEPTH)
            values, to_reset = self._studio_values(data)
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

    def _studio_values(self, data):
        """``(values, to_reset)`` of an editor request; InputError for anything of the wrong shape."""
        if not isinstance(data, dict) or not isinstance(data.get("values", {}), dict) \
                or not isinstance(data.get("defaults", []), list):
            raise InputError(code="bad_shape", key="bad_shape")
        sent, defaults = data.get("values", {}), data.get("defaults", [])
        values, to_reset = {}, []
        for name in self.editable_fields:
            field = self.fields[name]
            if name in sent:
                if not isinstance(field, JSONField) or field.scope not in (Scope.content, Scope.settings):
                    raise InputError(code="bad_shape", key="bad_shape")
                if name == "max_competencies" and isinstance(sent[name], bool):
                    # JSON true would become 1 through Integer.from_json: keep the bool, so that
                    # validate_field_data refuses it with the field's own message.
                    values[name] = sent[name]
                    continue
                try:
                    values[name] = field.from_json(sent[name])
                except (TypeError, ValueError):
                    raise InputError(code="bad_shape", key="invalid") from None
                expected = {"display_name": str, "instructions": str, "framework_override": str,
                            "max_competencies": int, "required_sections": list}[name]
                if not isinstance(values[name], expected) or isinstance(values[name], bool):
                    raise InputError(code="bad_shape", key="invalid")
            elif name in defaults and field.is_set_on(self):
                to_reset.append(name)
        return values, to_reset
