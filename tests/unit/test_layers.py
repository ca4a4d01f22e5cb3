"""The project's own rules, checked on its source: the core, storage, sync and reports
never import Qt (the window is a thin layer over them), and every public function of
storage/ says what it does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "villagebook"
QT_FREE = ("core", "storage", "sync", "reports", "archive")


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", QT_FREE)
def test_the_layers_under_the_window_never_import_qt(folder):
    offenders = []
    for path in _modules(folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6")]
    assert offenders == []


def test_every_public_function_of_storage_has_a_docstring():
    missing = []
    for path in _modules("storage"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            functions += [m for m in cls.body if isinstance(m, ast.FunctionDef)]
        missing += [f"{path.name}:{f.name}" for f in functions
                    if not f.name.startswith("_") and not ast.get_docstring(f)]
    assert missing == []


def _import_graph() -> dict[str, set[str]]:
    """Each module of the package → the modules of the package it imports, at the top or
    inside functions (not those read for type checking only)."""
    def name_of(path: Path) -> str:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name_of(p): p for p in PACKAGE.rglob("*.py") if "forms" not in p.parts}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                       and getattr(block.test, "id", "") == "TYPE_CHECKING"
                       for statement in block.body for n in ast.walk(statement)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] \
                    if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                found = [f"{target}.{a.name}" for a in node.names
                         if f"{target}.{a.name}" in modules]
                names = found + ([target] if len(found) < len(node.names) else [])
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            graph[module] |= {n for n in names if n in modules and n != module}
    return graph


def test_no_module_imports_one_that_imports_it_back():
    """Counting imports inside functions: a cycle, however lazy, knots two modules."""
    graph = _import_graph()
    reach: dict[str, set[str]] = {}

    def reachable(start: str) -> set[str]:
        seen, todo = set(), list(graph[start])
        while todo:
            module = todo.pop()
            if module not in seen:
                seen.add(module)
                todo += graph[module]
        return seen

    for module in graph:
        reach[module] = reachable(module)
    knots = sorted({tuple(sorted((a, b))) for a in graph for b in reach[a]
                    if a in reach.get(b, ())})
    assert knots == []


# what each layer may import besides itself (the window may use all of these)
LAYERS = {"core": {"paths"}, "storage": {"core", "paths"},
          "sync": {"core", "storage", "paths"}, "reports": {"core", "storage", "paths"},
          "archive": {"core", "storage", "sync", "reports", "paths"},
          "ui": {"core", "storage", "sync", "reports", "paths", "settings"}}


def test_the_layers_import_only_downwards():
    offenders = []
    for module, imported in _import_graph().items():
        layer = module.split(".")[1] if module.count(".") else ""
        if layer not in LAYERS:
            continue
        # (the package itself holds only its version: any layer may read it)
        offenders += [f"{module} → {other}" for other in sorted(imported)
                      if other.count(".") and other.split(".")[1] not in {layer, *LAYERS[layer]}]
    assert offenders == []
