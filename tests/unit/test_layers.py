"""The project's own rules, checked on its source: the core, storage, sync and reports
never import Qt (the window is a thin layer over them), and every public function of
storage/ says what it does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "villagebook"
QT_FREE = ("core", "storage", "sync", "reports")


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
