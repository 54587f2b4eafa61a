"""Installing the built wheel where an Open edX release already runs changes none of the release's pins.

For the release of the running Python (Ulmo: 3.11, Verawood: 3.12; tox's py311-ulmo / py312-verawood set
KR_RELEASE): build the wheel from the source tree, create a fresh venv with this Python, install section 1 of
constraints/<release>.txt (the platform's pins of everything our package installs), then ``pip install`` the
wheel the way an operator does, with no constraints. pip must neither upgrade, downgrade nor remove any pinned
package (``pip install --report`` and ``pip list`` before/after), ``pip check`` must pass, and every ``xblock.v1``
entry point of the wheel must import from the venv and render its ``student_view`` (tests/install/render_blocks.py,
run by the venv's Python). A summary lands in test-results/install-<release>.json.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[2]
DIST = "kompetensrekrytering-xblocks"
RELEASES = {"ulmo": (3, 11), "verawood": (3, 12)}
SECTION_1 = "# --- section 1: installed by this package ---"
# Not part of the package: left out of the copy the wheel is built from.
NOT_SOURCE = (".git", ".venv", ".tox", "node_modules", "var", "build", "dist", "*.egg-info", "__pycache__",
              ".pytest_cache", "test-results", "tests", "docs")


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def release():
    name = os.environ.get("KR_RELEASE")
    if name is None:
        name = next((rel for rel, py in RELEASES.items() if py == sys.version_info[:2]), None)
    if name is None:
        pytest.skip(f"no supported Open edX release runs Python {sys.version_info[0]}.{sys.version_info[1]}")
    return name


def release_pins(name):
    """``{normalised name: version}`` of section 1 of constraints/<name>.txt (blank lines and comments skipped)."""
    lines = (ROOT / "constraints" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index(SECTION_1) + 1
    pins = {}
    for line in lines[start:]:
        if line.startswith("# ---"):
            break
        line = line.split("#")[0].strip()
        if line:
            package, pinned = line.split("==")
            pins[norm(package)] = pinned
    return pins


def clean_env():
    """The environment without what tox sets for the suite: no constraints, no source tree on sys.path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIP_") and k not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env


def run(args, **kwargs):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=clean_env(), **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def installed(python):
    listed = json.loads(run([python, "-m", "pip", "list", "--format=json"]))
    return {norm(item["name"]): item["version"] for item in listed}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    name = release()
    assert sys.version_info[:2] == RELEASES[name], f"{name} runs Python {RELEASES[name]}, not {sys.version_info}"
    work = tmp_path_factory.mktemp(f"install-{name}")
    pins = release_pins(name)

    source = work / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "wheels", source])
    wheel = next((work / "wheels").glob("*.whl"))

    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    (work / "pins.txt").write_text("".join(f"{p}=={v}\n" for p, v in pins.items()), encoding="utf-8")
    run([python, "-m", "pip", "install", "-q", "-r", work / "pins.txt"])
    before = installed(python)

    report_file = work / "report.json"
    run([python, "-m", "pip", "install", "-q", "--report", report_file, wheel])
    report = json.loads(report_file.read_text(encoding="utf-8"))
    after = installed(python)
    check = subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True, env=clean_env())

    rendered = json.loads(run([python, "-I", ROOT / "tests" / "install" / "render_blocks.py", DIST], cwd=work))

    result = {
        "release": name,
        "python": sys.version.split()[0],
        "constraints": f"constraints/{name}.txt",
        "pins": pins,
        "before": {p: before.get(p) for p in pins},
        "after": {p: after.get(p) for p in pins},
        "pip_installed": sorted(f"{item['metadata']['name']}=={item['metadata']['version']}"
                                for item in report["install"]),
        "pip_check": (check.returncode, check.stdout.strip() + check.stderr.strip()),
        "rendered": rendered,
        "venv": str(venv),
    }
    out = ROOT / "test-results"
    out.mkdir(exist_ok=True)
    (out / f"install-{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return result


def test_release_pins_are_installed_first(outcome):
    """The venv holds exactly the release's versions before our wheel comes (else the test proves nothing)."""
    assert outcome["before"] == outcome["pins"]


def test_installing_the_wheel_changes_no_pinned_package(outcome):
    changed = {p: (pinned, outcome["after"][p]) for p, pinned in outcome["pins"].items()
               if outcome["after"][p] != pinned}
    assert changed == {}, f"pip changed pinned packages (pinned, now): {changed}"
    reinstalled = [item for item in outcome["pip_installed"] if norm(item.split("==")[0]) in outcome["pins"]]
    assert reinstalled == [], f"pip's report installs pinned packages: {reinstalled}"
    assert any(norm(item.split("==")[0]) == DIST for item in outcome["pip_installed"])


def test_pip_check_passes(outcome):
    code, text = outcome["pip_check"]
    assert code == 0, text


def test_every_entry_point_imports_from_the_venv_and_renders(outcome):
    blocks = outcome["rendered"]["blocks"]
    assert "kravprofil" in [b["name"] for b in blocks]
    assert outcome["rendered"]["versions"]["XBlock"] == outcome["pins"]["xblock"]
    for block in blocks:
        assert block["module_file"].startswith(outcome["venv"]), block  # the wheel's copy, not the source tree
        assert block["html_chars"] > 0, block
        assert block["wrapper"].get("block-type") == block["name"], block
        assert block["wrapper"].get("init"), block  # the block's JavaScript is initialised on the page
        assert all(size > 0 for _, _, size in block["resources"]), block
