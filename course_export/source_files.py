"""Reading source files safely: paths stay inside the source folder, text must be UTF-8."""
import os
import stat
from pathlib import Path


class SourceRoot:
    """The source folder. Every file is reached through ``resolve`` so nothing outside it is read."""

    def __init__(self, path):
        self.path = Path(path)
        self.real = Path(os.path.realpath(self.path))
        self._path_str = str(self.path)
        self._real_str = str(self.real)
        self._real_dirs = {}        # folder -> its real path, for this build only (folders seen once)

    def rel(self, abs_path):
        """A path for messages, relative to the source folder."""
        text, base = str(abs_path), self._path_str + os.sep
        return text[len(base):].replace(os.sep, "/") if text.startswith(base) else text

    def _real_path(self, path, mode):
        """``os.path.realpath(path)``; the real path of each folder is looked up once."""
        if stat.S_ISLNK(mode):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        real_folder = self._real_dirs.get(folder)
        if real_folder is None:
            real_folder = self._real_dirs[folder] = os.path.realpath(folder)
        return os.path.join(real_folder, name)

    def resolve(self, ref, base_file, line, errors, base_dir=None, shown=None):
        """Resolve ``ref`` (a relative path written in ``base_file``) to a file inside the source folder.

        Returns the absolute Path or None after recording an error: absolute paths, ``..`` that leaves
        the folder, symlinks whose target is outside it, missing files and folders are refused.
        """
        def refuse(key, **params):
            errors.add(shown or self.rel(base_file), line, key, **params)

        if not isinstance(ref, str) or not ref.strip():
            refuse("path_empty")
            return None
        if "\\" in ref:
            refuse("path_backslash", path=ref)
            return None
        if ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
            refuse("path_absolute", path=ref)
            return None
        base = str(base_dir) if base_dir is not None else self._path_str
        normalized = os.path.normpath(os.path.join(base, ref))
        if not is_inside(normalized, self._path_str):
            refuse("path_outside", path=ref)
            return None
        try:
            mode = os.lstat(normalized).st_mode
        except (OSError, ValueError):
            refuse("file_missing", path=ref)
            return None
        if not is_inside(self._real_path(normalized, mode), self._real_str):
            refuse("path_outside", path=ref)
            return None
        if not (stat.S_ISREG(mode) or (stat.S_ISLNK(mode) and os.path.isfile(normalized))):
            refuse("path_not_file", path=ref)
            return None
        return Path(normalized)

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
