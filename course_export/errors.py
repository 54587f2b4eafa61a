"""Source errors: every problem carries the file, the line, what is wrong and what to do.

Errors are collected, never raised one by one, so an author sees every problem at once.
The text lives in ``messages.py`` (Swedish and English); an error keeps the message key and its
parameters and is rendered in the reader's language at the end.
"""
from dataclasses import dataclass, field

from course_export.messages import render_message


@dataclass(frozen=True)
class SourceError:
    file: str          # path relative to the source folder (or as given on the command line)
    line: int          # 1-based; 0 when the problem concerns the whole file
    key: str           # message key in messages.MESSAGES
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def render(self, lang="sv"):
        problem, fix = render_message(self.key, self.params, lang)
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {problem} — {fix}"


class ErrorList:
    """Collects errors while the whole source is read."""

    def __init__(self):
        self.errors = []
        self.warnings = []      # not errors: the build goes on (e.g. --allow-missing-blocks)

    def add(self, file, line, message, **params):
        """Record ``message`` (a key of messages.MESSAGES) at ``file``:``line``."""
        self.errors.append(SourceError(str(file), int(line or 0), message, params))

    def warn(self, file, line, message, **params):
        """Record a warning: shown to the author, but the archive is still written."""
        self.warnings.append(SourceError(str(file), int(line or 0), message, params))

    def extend(self, other):
        self.errors.extend(other.errors)

    def __bool__(self):
        return bool(self.errors)

    def __len__(self):
        return len(self.errors)

    def __iter__(self):
        return iter(self.errors)

    def sorted(self):
        return sorted(self.errors, key=lambda e: (e.file, e.line, e.key))
