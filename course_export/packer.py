"""Pack an OLX tree into a reproducible .tar.gz: same content => byte-identical archive.

Members are sorted, regular files and folders only (no links), with fixed mtime, uid/gid, owner names
and modes, under one top folder; the gzip header has mtime 0 and no file name.
"""
import io
import os
import struct
import tarfile
import zlib
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


def _gzip(data, level):
    """``data`` as one gzip member with the header GzipFile(filename="", mtime=0) writes (no name, mtime 0,
    OS "unknown"), the same bytes on every Python version."""
    extra_flags = b"\x02" if level == 9 else b"\x04" if level == 1 else b"\x00"
    header = b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + extra_flags + b"\xff"
    deflate = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
    body = deflate.compress(data) + deflate.flush()
    return header + body + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)


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
    # The tar stream is built in memory and compressed in one call: feeding GzipFile the tar's many
    # 512-byte blocks one by one costs more than the compression itself.
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w", format=tar_format) as tar:
        for name, data in entries:
            if data is None:
                tar.addfile(_info(name, is_dir=True))
            else:
                tar.addfile(_info(name, size=len(data)), io.BytesIO(data))
    with open(archive_path, "wb") as raw:
        raw.write(_gzip(plain.getbuffer(), compresslevel))
