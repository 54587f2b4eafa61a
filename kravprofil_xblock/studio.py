"""Studio settings: the block's own rules for its authored fields (the framework override above all).

The Studio editor's save (strict body, types checked by field class, nothing saved unless every value is valid)
is the layer's ``StudioEditingMixin``; this mixin adds the rules, one error per problem.
"""
from recruitment_core.framework_override import MAX_OVERRIDE_CHARS, override_errors
from recruitment_core.profile import SECTIONS
from xblock.validation import ValidationMessage

from .i18n import current_lang, gettext_for
from .strings import ERRORS

MAX_STUDIO_BODY = 2 * MAX_OVERRIDE_CHARS + 50_000  # JSON escapes can double the override's size
MAX_STUDIO_DEPTH = 6  # {"values": {"required_sections": [...]}}


class StudioSettingsMixin:
    """Refuses invalid settings with every problem listed; the previous values stay (nothing is saved)."""

    studio_max_bytes = MAX_STUDIO_BODY
    studio_max_depth = MAX_STUDIO_DEPTH

    def studio_values(self, data):
        """The layer's strict reading, except that JSON ``true``/``false`` as ``max_competencies`` stays a bool.

        ``Integer.from_json(True)`` is 1, so the layer would store a checkbox value as "at most 1 competency";
        kept as a bool, ``validate_field_data`` refuses it with the field's own message.
        """
        sent = data.get("values") if isinstance(data, dict) else None
        if isinstance(sent, dict) and isinstance(sent.get("max_competencies"), bool):
            raw = sent["max_competencies"]
            values, to_reset = super().studio_values(
                {**data, "values": {k: v for k, v in sent.items() if k != "max_competencies"}})
            values["max_competencies"] = raw
            return values, to_reset
        return super().studio_values(data)

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

        if data.step not in ("profile", "ad"):
            error(tr(ERRORS["step"]))

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
