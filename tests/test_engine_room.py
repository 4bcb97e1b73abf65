"""Only the engine room (``macros/engine/``) imports MkDocs or Material; each room says its job in one line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

MACROS = Path(__file__).resolve().parent.parent / "macros"
ENGINE = MACROS / "engine"
ENGINES = ("mkdocs", "material")
ROOMS = sorted(p.parent for p in MACROS.glob("*/__init__.py"))


def engine_imports(path: Path, root: Path = MACROS.parent) -> list[str]:
    """Each ``import mkdocs…``/``from material… import`` of a module, as ``file:line: statement``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in ENGINES for name in names):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_nothing_outside_the_engine_imports_mkdocs_or_material():
    outside = [p for p in sorted(MACROS.rglob("*.py")) if not p.is_relative_to(ENGINE)]
    assert len(outside) > 20  # the walk found the modules
    found = [line for path in outside for line in engine_imports(path)]
    assert not found, "MkDocs and Material are imported only in macros/engine/:\n" + "\n".join(found)


def test_the_check_finds_an_engine_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from mkdocs.config import load_config\n    import material.plugins\n")
    assert engine_imports(module, tmp_path) == [
        "m.py:4: from mkdocs.config import load_config", "m.py:5: import material.plugins"]


def test_the_engine_is_where_mkdocs_is_imported():
    assert any(engine_imports(p) for p in ENGINE.rglob("*.py"))


def test_the_rooms_are_the_pipelines_stages():
    assert [room.name for room in ROOMS] == ["content", "data", "engine", "outputs", "render"]
    assert sorted(p.name for p in MACROS.glob("*.py")) == ["__init__.py"]  # every module is in a room


@pytest.mark.parametrize("room", ROOMS, ids=lambda room: room.name)
def test_each_room_says_its_job_in_one_line(room: Path):
    doc = ast.get_docstring(ast.parse((room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "\n" not in doc.strip(), f"macros/{room.name}/__init__.py: a one-line docstring saying its job"
