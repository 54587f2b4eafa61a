"""Reading source files safely: paths stay inside the source folder, text must be UTF-8."""
import os
from pathlib import Path, PurePosixPath


class SourceRoot:
    """The source folder. Every file is reached through ``resolve`` so nothing outside it is read."""

    def __init__(self, path):
        self.path = Path(path)
        self.real = Path(os.path.realpath(self.path))

    def rel(self, abs_path):
        """A path for messages, relative to the source folder."""
        text, base = str(abs_path), str(self.path) + os.sep
        return text[len(base):].replace(os.sep, "/") if text.startswith(base) else text

    def resolve(self, ref, base_file, line, errors, base_dir=None, shown=None):
        """Resolve ``ref`` (a relative path written in ``base_file``) to a file inside the source folder.

        Returns the absolute Path or None after recording an error: absolute paths, ``..`` that leaves
        the folder, symlinks whose target is outside it, missing files and folders are refused.
        """
        where = shown or self.rel(base_file)
        if not isinstance(ref, str) or not ref.strip():
            errors.add(where, line, "path_empty")
            return None
        if "\\" in ref or PurePosixPath(ref).is_absolute() or (len(ref) > 1 and ref[1] == ":"):
            errors.add(where, line, "path_absolute", path=ref)
            return None
        base = Path(base_dir) if base_dir is not None else self.path
        candidate = base / ref
        normalized = Path(os.path.normpath(candidate))
        if not is_inside(normalized, self.path):
            errors.add(where, line, "path_outside", path=ref)
            return None
        if not os.path.lexists(normalized):
            errors.add(where, line, "file_missing", path=ref)
            return None
        if not is_inside(Path(os.path.realpath(normalized)), self.real):
            errors.add(where, line, "path_outside", path=ref)
            return None
        if not normalized.is_file():
            errors.add(where, line, "path_not_file", path=ref)
            return None
        return normalized

    def inside(self, abs_path):
        """True when the real location of ``abs_path`` is inside the source folder."""
        return is_inside(Path(os.path.realpath(abs_path)), self.real)


def is_inside(path, folder):
    path, folder = str(path), str(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def read_text(path, shown_name, errors):
    """Read a UTF-8 text file (a BOM is accepted). Returns str or None after recording an error."""
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.add(shown_name, line, "not_utf8", byte=f"0x{data[exc.start]:02x}")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
