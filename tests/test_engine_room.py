"""Only the engine room imports the engine: MkDocs, Material and mkdocs-macros are named by the modules that adapt
them and by no other, so a move to another engine (ProperDocs, Zensical) changes those modules alone.

The engine room is listed here, module by module; a module that starts to import the engine must join it (and be
read again: does it belong there?)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ("mkdocs", "material", "mkdocs_macros")
"""The engine's packages: the static-site generator, its theme and the macros plugin."""
ENGINE_ROOM = {
    "mkdocs_adapter.py", "mkdocs_hooks.py", "mkdocs_env.py", "site.py", "material.py", "theme_patches.py",
    "theme_files.py", "search_memory.py", "search_worker.py", "wrapped.py", "jinja_cache.py",
}
"""The modules of ``macros/`` that adapt the engine: its hooks and configuration, build and serve, Material's
internals, patches and search plugin."""


def engine_imports(file: Path, root: Path = ROOT) -> list[str]:
    """``file:line: module`` (``file`` relative to ``root``) for each import of the engine in ``file``, at any
    depth (a function's too)."""
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), filename=str(file))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
        found += [f"{file.relative_to(root)}:{node.lineno}: {name}" for name in names
                  if name.split(".")[0] in ENGINE]
    return found


def test_only_the_engine_room_imports_the_engine():
    outside = [hit for file in sorted((ROOT / "macros").rglob("*.py")) if file.name not in ENGINE_ROOM
               for hit in engine_imports(file)]
    assert not outside, "import of the engine outside the engine room:\n" + "\n".join(outside)


def test_the_engine_room_lists_modules_that_exist_and_an_import_in_a_function_is_found(tmp_path: Path):
    assert {file.name for file in (ROOT / "macros").glob("*.py")} >= ENGINE_ROOM
    planted = tmp_path / "planted.py"
    planted.write_text("def f():\n    from material.plugins.search import plugin\n", encoding="utf-8")
    assert engine_imports(planted, tmp_path) == ["planted.py:2: material.plugins.search"]
