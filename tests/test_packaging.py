"""Packaging: every third-party module our packages import is installed by ``pip install`` of this project.

A module that is only in a developer's venv works locally and fails in Open edX (and in a fresh CI venv), so
each import of the shipped packages must come from a distribution that ``setup.py``'s ``install_requires``
names, directly or through what those distributions require in turn.
"""
import ast
import importlib.metadata
import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def shipped_packages():
    """Top-level packages of the distribution (folders next to setup.py holding an __init__.py)."""
    setup_text = (ROOT / "setup.py").read_text(encoding="utf-8")
    names = set(re.findall(r'"([a-z_]+)\*?"', setup_text))
    return sorted(name for name in names if (ROOT / name / "__init__.py").is_file())


def _guarded(node, parents):
    """True when ``node`` sits in a ``try`` whose handlers catch ImportError (an optional import)."""
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.Try) and node in parent.body:
            for handler in parent.handlers:
                caught = handler.type
                names = [caught] if not isinstance(caught, ast.Tuple) else list(caught.elts)
                if any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names):
                    return True
        node = parent
    return False


def imported_modules(package):
    """``{top-level module: first file importing it}`` for every absolute, non-optional import in ``package``."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            if _guarded(node, parents):
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def install_requires():
    """``install_requires`` as written in setup.py (not the possibly stale metadata of an older install)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "install_requires":
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py has no install_requires")


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_closure(requirement_strings, extras=()):
    """Normalised names of the distributions these requirements install, transitively."""
    seen = set()
    todo = [(text, tuple(extras)) for text in requirement_strings]
    while todo:
        text, active_extras = todo.pop()
        req = Requirement(text)
        if req.marker and not any(req.marker.evaluate({"extra": extra}) for extra in (*active_extras, "")):
            continue
        name = _norm(req.name)
        key = (name, tuple(sorted(req.extras)))
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = importlib.metadata.requires(req.name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        todo.extend((child, tuple(req.extras)) for child in requires)
    return {name for name, _ in seen}


def test_shipped_packages_are_found():
    assert {"recruitment_core", "kravprofil_xblock", "course_export"} <= set(shipped_packages())


@pytest.mark.parametrize("package", shipped_packages())
def test_every_import_is_installed_by_the_package(package):
    own = set(shipped_packages())
    installed = installed_closure(install_requires())
    module_dists = importlib.metadata.packages_distributions()
    missing = []
    for module, where in sorted(imported_modules(package).items()):
        if module in sys.stdlib_module_names or module in own or module == "__future__":
            continue
        dists = {_norm(dist) for dist in module_dists.get(module, [])}
        if not dists & installed:
            missing.append(f"{module} (imported in {where}; from {sorted(dists) or 'no installed distribution'})")
    assert not missing, "not installed by setup.py's install_requires: " + "; ".join(missing)
