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


_BLOCK = tarfile.BLOCKSIZE                  # 512
_RECORD = tarfile.RECORDSIZE                # 20 blocks: tarfile pads the archive to a whole record


def _octal(value, width):
    return b"%0*o\0" % (width - 1, value)


def _ustar_header(name, size, is_dir):
    """The same 512 bytes tarfile writes for ``_info(name, size, is_dir)`` in USTAR format (name < 100
    ASCII characters; a folder's name gets a trailing slash)."""
    if is_dir:
        name += "/"
    fields = [
        name.encode("ascii").ljust(100, b"\0"),
        _octal(0o755 if is_dir else 0o644, 8), _octal(0, 8), _octal(0, 8),       # mode, uid, gid
        _octal(size, 12), _octal(FIXED_MTIME, 12),
        b" " * 8,                                                               # checksum, set below
        tarfile.DIRTYPE if is_dir else tarfile.REGTYPE,
        b"\0" * 100,                                                            # link name
        tarfile.POSIX_MAGIC,
        b"\0" * 32, b"\0" * 32,                                                  # owner and group names
        b"\0" * 16,                                                             # device numbers (none)
        b"\0" * 155,                                                            # name prefix
    ]
    header = b"".join(fields).ljust(_BLOCK, b"\0")
    checksum = b"%06o\0 " % sum(header)
    return header[:148] + checksum + header[156:]


def _ustar_stream(entries):
    """The uncompressed tar of ``entries`` (sorted (name, bytes or None for a folder)), byte for byte what
    tarfile writes in USTAR format, built without tarfile's per-member overhead."""
    parts = []
    for name, data in entries:
        if data is None:
            parts.append(_ustar_header(name, 0, True))
        else:
            parts.append(_ustar_header(name, len(data), False))
            parts.append(data)
            if len(data) % _BLOCK:
                parts.append(b"\0" * (_BLOCK - len(data) % _BLOCK))
    parts.append(b"\0" * (2 * _BLOCK))                     # end-of-archive marker
    size = sum(len(part) for part in parts)
    if size % _RECORD:
        parts.append(b"\0" * (_RECORD - size % _RECORD))
    return b"".join(parts)


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
    if simple:
        stream = _ustar_stream(entries)
    else:
        plain = io.BytesIO()
        with tarfile.open(fileobj=plain, mode="w", format=tar_format) as tar:
            for name, data in entries:
                if data is None:
                    tar.addfile(_info(name, is_dir=True))
                else:
                    tar.addfile(_info(name, size=len(data)), io.BytesIO(data))
        stream = plain.getbuffer()
    with open(archive_path, "wb") as raw:
        raw.write(_gzip(stream, compresslevel))
