"""Guards of the layering (docs/xblock-layer.md): the core has no XBlock or web code, the layer no domain code,
the blocks never import each other, and no logic is written twice between block packages and the layer."""
import ast
from collections import defaultdict
from pathlib import Path

import pytest

from xblock_layer.registry import block_packages

ROOT = Path(__file__).resolve().parents[1]
WEB_AND_XBLOCK = {"xblock", "django", "webob", "web_fragments", "workbench", "opaque_keys", "xblock_layer"}
LAYER = "xblock_layer"
MIN_NODES = 40  # functions smaller than this may well be alike by chance


def block_package_names():
    """The registered block packages and any other ``*_xblock`` package in the repository."""
    found = {path.parent.name for path in ROOT.glob("*_xblock/__init__.py")}
    return sorted(found | set(block_packages()))


def sources(package):
    return sorted((ROOT / package).rglob("*.py"))


def imports(path):
    """Every module ``path`` imports (absolute names; relative imports resolved), wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).parent.parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module


def test_core_imports_no_xblock_django_or_web_code():
    offending = [f"{path.relative_to(ROOT)}: {name}" for path in sources("recruitment_core") for name in imports(path)
                 if name.split(".")[0] in WEB_AND_XBLOCK]
    assert not offending, offending


def test_layer_imports_no_domain_code_and_no_block():
    allowed_core = {"recruitment_core.lang"}  # the project's two languages, nothing of the domain
    offending = []
    for path in sources(LAYER):
        for name in imports(path):
            top = name.split(".")[0]
            if (top == "recruitment_core" and name not in allowed_core) or top in block_package_names() \
                    or top == "course_export":
                offending.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offending, offending


def test_blocks_never_import_each_other_or_the_exporter():
    blocks = set(block_package_names())
    offending = [f"{path.relative_to(ROOT)}: {name}" for package in blocks for path in sources(package)
                 for name in imports(path) if name.split(".")[0] in (blocks - {package}) | {"course_export"}]
    assert not offending, offending


class _Normalize(ast.NodeTransformer):
    """Local names (arguments, assigned variables) become placeholders in order of appearance."""

    def __init__(self, local_names):
        self.names = {}
        self.local = local_names

    def _rename(self, name):
        return self.names.setdefault(name, f"v{len(self.names)}")

    def visit_Name(self, node):  # noqa: N802 - ast's naming
        if node.id in self.local:
            node.id = self._rename(node.id)
        return node

    def visit_arg(self, node):
        node.arg = self._rename(node.arg)
        node.annotation = None
        return node


def _shape(func):
    """A normalized dump of ``func``'s body (no docstring, local names replaced), and its node count."""
    body = list(func.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        body = body[1:]
    args = ast.parse(f"def f({ast.unparse(func.args)}): pass").body[0].args  # a copy
    stored = {n.id for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    normalize = _Normalize({a.arg for a in ast.walk(args) if isinstance(a, ast.arg)} | stored)
    normalize.visit(args)
    module = ast.Module(body=[normalize.visit(ast.parse(ast.unparse(stmt))) for stmt in body], type_ignores=[])
    return ast.dump(module, annotate_fields=False), sum(1 for _ in ast.walk(module))


def functions(package):
    for path in sources(package):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node


def test_no_logic_repeated_between_block_packages_and_the_layer():
    seen = defaultdict(set)
    for package in (LAYER, *block_package_names()):
        for where, func in functions(package):
            shape, size = _shape(func)
            if size >= MIN_NODES:
                seen[shape].add((package, where))
    repeated = [sorted(places) for places in seen.values() if len({package for package, _ in places}) > 1]
    assert not repeated, "the same function in two packages (move it into xblock_layer): " + repr(repeated)


def test_repetition_check_finds_a_copy(tmp_path):
    """The check above is not blind: a copy of a layer function, renamed, is found."""
    source = (ROOT / LAYER / "downloads.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    (original,) = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "attachment"]
    copy = ast.parse(ast.unparse(original)).body[0]
    copy.name = "make_download"
    local = {"name", "ext", "response"} | {arg.arg for arg in copy.args.args}
    for node in ast.walk(copy):  # other names for the locals and arguments
        if isinstance(node, ast.Name) and node.id in local:
            node.id = "my_" + node.id
        elif isinstance(node, ast.arg):
            node.arg = "my_" + node.arg
    assert _shape(copy) == _shape(original) and _shape(original)[1] >= MIN_NODES
    other = ast.parse(ast.unparse(original).replace("no_store(response)", "response")).body[0]
    assert _shape(other) != _shape(original)


@pytest.mark.parametrize("package", block_package_names())
def test_block_packages_are_registered(package):
    assert package in block_packages(), f"{package} is not in xblock_layer/registry.py"
