"""The course-export command: exit codes, messages, progress on stderr, summary at the end."""
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from course_export.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_console_script_is_declared():
    (ep,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "course-export"]
    assert ep.value == "course_export.cli:main"
    assert ep.load() is main


def test_validate_ok(small_source, capsys):
    assert main(["--lang", "en", "validate", str(small_source)]) == 0
    out, err = capsys.readouterr()
    assert "Modules: 1  Units: 4  Articles: 2" in out
    assert "Films: 1 (with media 0, without 1)" in out
    assert "Quizzes: 1 (1 questions)" in out
    assert "Reading" in err and "The source is valid." in err


def test_build_ok_prints_summary_and_size(small_source, tmp_path, capsys):
    out_file = tmp_path / "kurs.tar.gz"
    assert main(["--lang", "sv", "build", str(small_source), "-o", str(out_file)]) == 0
    out, err = capsys.readouterr()
    assert out_file.is_file()
    assert "Moduler: 1" in out and "Arkivets storlek:" in out
    assert "Läser" in err and "Packar" in err and "Klart" in err


def test_source_errors_exit_1_and_list_every_error(small_source, tmp_path, capsys):
    (small_source / "a" / "forsta.md").write_text("ingen metadata\n", encoding="utf-8")
    (small_source / "f" / "film.yaml").write_text("title: F\nmanuscript: M\nfarg: blå\n", encoding="utf-8")
    out_file = tmp_path / "kurs.tar.gz"
    assert main(["--lang", "en", "build", str(small_source), "-o", str(out_file)]) == 1
    _, err = capsys.readouterr()
    assert "a/forsta.md:1: the article has no front matter — start the file with" in err
    assert "f/film.yaml:3: unknown field 'farg' — remove it or fix the spelling" in err
    assert "2 problem(s) in the source; nothing was written." in err
    assert not out_file.exists()


@pytest.mark.parametrize("argv", [
    [],                                             # no command
    ["build"],                                      # -o missing
    ["build", "-o", "kurs.zip"],                    # wrong suffix
    ["build", "-o", "/no/such/folder/kurs.tar.gz"],
    ["frobnicate"],
    ["validate", "--bogus"],
])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "en"] + argv)
    assert exc.value.code == 2


def test_output_inside_source_is_refused(small_source):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(small_source), "-o", str(small_source / "kurs.tar.gz")])
    assert exc.value.code == 2


def test_missing_source_folder_is_a_source_error(tmp_path, capsys):
    assert main(["--lang", "en", "validate", str(tmp_path / "saknas")]) == 1
    assert "no course.yaml found" in capsys.readouterr().err


def test_runs_as_a_process(small_source, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="en_US.UTF-8")
    out_file = tmp_path / "kurs.tar.gz"
    proc = subprocess.run([sys.executable, "-m", "course_export.cli", "build", str(small_source),
                           "-o", str(out_file)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Archive size:" in proc.stdout and "Packing" in proc.stderr
    bad = subprocess.run([sys.executable, "-m", "course_export.cli", "validate", str(tmp_path / "nope")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1 and "course.yaml" in bad.stderr


def test_output_that_is_a_folder_is_a_usage_error_not_a_traceback(small_source, tmp_path, capsys):
    folder = tmp_path / "kurs.tar.gz"
    folder.mkdir()
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "sv", "build", str(small_source), "-o", str(folder)])
    assert exc.value.code == 2
    assert "är en mapp" in capsys.readouterr().err
    assert folder.is_dir() and not list(folder.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".course-export-")], "partial file left"
