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

from xblock_layer.registry import BLOCK_TYPES, block_packages, entry_point_lines, load_class

ROOT = Path(__file__).resolve().parents[1]


def setup_globals():
    """The module-level names of setup.py (without running ``setup()``)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    tree.body = [node for node in tree.body
                 if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call))]
    namespace = {"__file__": str(ROOT / "setup.py")}
    exec(compile(tree, "setup.py", "exec"), namespace)  # noqa: S102 - our own setup.py
    return namespace


def shipped_packages():
    """Top-level packages of the distribution (setup.py's ``SHIPPED``: the core, the layer, the registry's block
    packages, the exporter), each a folder next to setup.py holding an __init__.py."""
    names = setup_globals()["SHIPPED"]
    assert all((ROOT / name / "__init__.py").is_file() for name in names), names
    return sorted(names)


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
    assert {"recruitment_core", "xblock_layer", "kravprofil_xblock", "course_export"} <= set(shipped_packages())
    assert set(block_packages()) <= set(shipped_packages())


def test_entry_points_are_the_registry():
    """setup.py's xblock.v1 entry points are the registry's, and the installed metadata says the same (a stale
    install would hide a newly registered block from the workbench and Open edX)."""
    assert sorted(setup_globals()["REGISTRY"]["entry_point_lines"]()) == sorted(entry_point_lines())
    dist = importlib.metadata.distribution("kompetensrekrytering-xblocks")
    installed = sorted(f"{ep.name} = {ep.value}" for ep in dist.entry_points if ep.group == "xblock.v1")
    assert installed == sorted(entry_point_lines()), "reinstall: pip install -e ."
    for block in BLOCK_TYPES:
        assert load_class(block.name).__name__ == block.entry_point.rpartition(":")[2]


def test_manifest_ships_every_registered_package_s_data():
    """MANIFEST.in (the sdist) covers the data folders of every registered block package by pattern."""
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for line in ("recursive-include *_xblock/templates *.html", "recursive-include *_xblock/static *",
                 "recursive-include *_xblock/conf *.po *.mo *.pot", "recursive-include xblock_layer/static *",
                 "recursive-include xblock_layer/conf *.po *.mo *.pot"):
        assert line in manifest
    for package in block_packages():
        assert package.endswith("_xblock"), f"{package}: MANIFEST.in's patterns expect '<name>_xblock'"


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
