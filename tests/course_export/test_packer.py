"""The packer writes its ustar headers itself (speed); they must stay byte-identical to tarfile's."""
import gzip
import io
import tarfile

import pytest

from course_export import packer

TREES = [
    {"about/overview.html": "<p>Hej åäö</p>".encode(), "static/tom.txt": b"", "static/block.bin": b"a" * 512,
     "static/over.bin": b"b" * 513, "course.xml": b"<course/>", "x/" + "y" * 88: b"q"},
    {f"html/sida_{i}.html": bytes([i % 256]) * (i * 37) for i in range(60)},
]


def _tarfile_stream(tree):
    """What tarfile itself writes for the packer's entries (folders first-class, sorted, fixed metadata)."""
    entries = {packer.TOP_FOLDER: None}
    for rel, data in tree.items():
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            entries.setdefault(f"{packer.TOP_FOLDER}/{'/'.join(parts[:depth])}", None)
        entries[f"{packer.TOP_FOLDER}/{rel}"] = data
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in sorted(entries.items()):
            if data is None:
                tar.addfile(packer._info(name, is_dir=True))
            else:
                tar.addfile(packer._info(name, size=len(data)), io.BytesIO(data))
    return out.getvalue()


@pytest.mark.parametrize("tree", TREES)
def test_own_ustar_stream_is_byte_identical_to_tarfile(tree, tmp_path):
    archive = tmp_path / "c.tar.gz"
    packer.pack(tree, archive)
    assert gzip.decompress(archive.read_bytes()) == _tarfile_stream(tree)
    with tarfile.open(archive) as tar:
        files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    assert files == {f"course/{rel}": data for rel, data in tree.items()}


def test_gzip_header_is_fixed_and_the_archive_is_reproducible(tmp_path):
    packer.pack(TREES[0], tmp_path / "a.tar.gz")
    packer.pack(dict(reversed(list(TREES[0].items()))), tmp_path / "b.tar.gz")
    data = (tmp_path / "a.tar.gz").read_bytes()
    assert data == (tmp_path / "b.tar.gz").read_bytes()
    assert data[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"      # no name, mtime 0, OS unknown


def test_long_or_non_ascii_names_fall_back_to_pax(tmp_path):
    tree = {"html/" + "å" * 120 + ".html": b"x"}
    packer.pack(tree, tmp_path / "c.tar.gz")
    with tarfile.open(tmp_path / "c.tar.gz") as tar:
        assert [m.name for m in tar.getmembers() if m.isfile()] == ["course/html/" + "å" * 120 + ".html"]
