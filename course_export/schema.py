"""Small checks for the fields of a source mapping: unknown, missing and wrongly typed fields."""
import re

from course_export.yaml_lines import YDict

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")

TYPE_NAMES = {
    str: "text", int: "integer", float: "number", bool: "true/false", list: "list", dict: "mapping",
}


class Fields:
    """Check one mapping of a source file.

    ``spec`` maps field name -> (type or tuple of types, required). Unknown fields are errors.
    """

    def __init__(self, data, spec, shown_name, errors, what, line=None):
        """``line``: where ``data`` is, when it is a list item that may be plain text (which has no line)."""
        self.data = data
        self.file = shown_name
        self.errors = errors
        self.ok = True
        if not isinstance(data, dict):
            errors.add(shown_name, getattr(data, "line", None) or line or 1, "not_mapping", what=what)
            self.ok = False
            self.data = YDict()
            return
        allowed = ", ".join(spec)
        for key in data:
            if key not in spec:
                errors.add(shown_name, data.line_of(key), "unknown_field", field=key, allowed=allowed)
                self.ok = False
        for key, (types, required) in spec.items():
            if key not in data or data[key] is None:
                if required:
                    errors.add(shown_name, data.line, "missing_field", field=key, what=what)
                    self.ok = False
                continue
            if not _is_type(data[key], types):
                errors.add(shown_name, data.line_of(key), "wrong_type", field=key,
                           expected=_type_names(types))
                self.ok = False
            elif required and isinstance(data[key], str) and not data[key].strip():
                errors.add(shown_name, data.line_of(key), "empty_text", field=key)
                self.ok = False

    def get(self, key, default=None):
        value = self.data.get(key)
        return default if value is None else value

    def line(self, key=None):
        return self.data.line_of(key) if key else self.data.line

    def text(self, key, default=""):
        value = self.get(key, default)
        return value.strip() if isinstance(value, str) else default

    def number(self, key, default, low, high, integer=True):
        value = self.data.get(key)
        if value is None:
            return default
        if not _is_type(value, (int,) if integer else (int, float)):
            return default      # already reported as wrong_type
        if not low <= value <= high:
            self.errors.add(self.file, self.line(key), "out_of_range", field=key, low=low, high=high)
            self.ok = False
            return default
        return value


def _is_type(value, types):
    types = types if isinstance(types, tuple) else (types,)
    if object in types:
        return True
    if isinstance(value, bool):
        return bool in types
    if isinstance(value, int) and float in types:
        return True
    return isinstance(value, types)


def _type_names(types):
    types = types if isinstance(types, tuple) else (types,)
    return " / ".join(TYPE_NAMES.get(t, t.__name__) for t in types)


def item_line(seq, index):
    """The line of ``seq[index]`` when ``seq`` came from YAML (a YList), else None."""
    return seq.line_of(index) if hasattr(seq, "line_of") else None


def check_id(value, shown_name, line, errors):
    """An id becomes part of url_names: [a-z0-9_-], starting with a letter or digit, at most 60."""
    if isinstance(value, str) and ID_RE.match(value):
        return value
    errors.add(shown_name, line, "bad_id", id=str(value))
    return None


def id_from_stem(stem):
    """The default id of a component: its file name without extension, if it is a valid id."""
    return stem if ID_RE.match(stem) else None
