"""Pack an OLX tree into a reproducible .tar.gz: same content => byte-identical archive.

Members are sorted, regular files and folders only (no links), with fixed mtime, uid/gid, owner names
and modes, under one top folder; the gzip header has mtime 0 and no file name.
"""
import gzip
import io
import os
import tarfile
from pathlib import Path

FIXED_MTIME = 946684800          # 2000-01-01T00:00:00Z: tools that dislike 0 still accept it
TOP_FOLDER = "course"


def _info(name, size=0, is_dir=False):
    info = tarfile.TarInfo(name)
    info.mtime = FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if is_dir:
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
    else:
        info.mode = 0o644
        info.size = size
    return info


def tree_from_folder(folder):
    """Read a folder into {posix path: bytes}; links and special files are refused."""
    folder = Path(folder)
    tree = {}
    for current, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(current) / name
            if path.is_symlink() or not path.is_file():
                raise ValueError(f"refusing to pack a link or special file: {path}")
            tree[path.relative_to(folder).as_posix()] = path.read_bytes()
    return tree


def _check_name(rel):
    parts = rel.split("/")
    if rel.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"unsafe path in the archive: {rel!r}")


def pack(tree, archive_path, top=TOP_FOLDER, compresslevel=6):
    """Write ``tree`` ({posix path: bytes}) as ``archive_path`` (.tar.gz), everything under ``top/``."""
    entries = {top: None}
    for rel, data in tree.items():
        _check_name(rel)
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            entries.setdefault(f"{top}/{'/'.join(parts[:depth])}", None)
        entries[f"{top}/{rel}"] = data
    entries = sorted(entries.items())
    # Plain ustar headers when every name fits (ASCII, at most 100 characters), else pax.
    simple = all(len(name) < 100 and name.isascii() for name, _ in entries)
    tar_format = tarfile.USTAR_FORMAT if simple else tarfile.PAX_FORMAT
    with open(archive_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=compresslevel) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tar_format) as tar:
                for name, data in entries:
                    if data is None:
                        tar.addfile(_info(name, is_dir=True))
                    else:
                        tar.addfile(_info(name, size=len(data)), io.BytesIO(data))
