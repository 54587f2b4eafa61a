"""Pack an OLX folder into a reproducible .tar.gz: same folder content => byte-identical archive.

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


def pack(folder, archive_path, top=TOP_FOLDER, compresslevel=6):
    """Write ``folder`` as ``archive_path`` (.tar.gz) with everything under ``top/``."""
    folder = Path(folder)
    entries = []
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        rel_dir = Path(current).relative_to(folder).as_posix()
        prefix = top if rel_dir == "." else f"{top}/{rel_dir}"
        entries.append((prefix, None))
        for name in files:
            path = Path(current) / name
            if path.is_symlink() or not path.is_file():
                raise ValueError(f"refusing to pack a link or special file: {path}")
            entries.append((f"{prefix}/{name}", path))
    entries.sort(key=lambda entry: entry[0])
    with open(archive_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=compresslevel) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for name, path in entries:
                    if path is None:
                        tar.addfile(_info(name, is_dir=True))
                    else:
                        data = path.read_bytes()
                        tar.addfile(_info(name, size=len(data)), io.BytesIO(data))
