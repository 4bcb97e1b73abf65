"""Only the engine room (``macros/engine/``) imports MkDocs or Material; each room says its job in one line; the
pipeline (``macros/pipeline.py``) runs the engine as one step, which another engine could take."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros import pipeline
from macros.content.pages import all_pages
from macros.data.loader import load
from macros.outputs.exports import DOWNLOADS
from macros.outputs.feed import FEED

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
    # every module is in a room, but the pipeline that runs them and the registry of their caches
    assert sorted(p.name for p in MACROS.glob("*.py")) == ["__init__.py", "caches.py", "pipeline.py"]


@pytest.mark.parametrize("room", ROOMS, ids=lambda room: room.name)
def test_each_room_says_its_job_in_one_line(room: Path):
    doc = ast.get_docstring(ast.parse((room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "\n" not in doc.strip(), f"macros/{room.name}/__init__.py: a one-line docstring saying its job"


def test_the_pipeline_names_its_steps_in_order():
    body = inspect.getsource(pipeline.build_language)
    steps = ["sources(", "engine.build(", "finish_pages(", "write_extras("]
    assert all(step in body for step in steps)
    assert sorted(steps, key=body.index) == steps


class StandInEngine:
    """An engine that writes one HTML file per page and a search index of one section per page."""

    def __init__(self) -> None:
        self.built: list[str] = []

    def build(self, sources: pipeline.Sources, site_dir: Path) -> pipeline.Built:
        for src in sources.pages:
            page = site_dir / src.removesuffix(".md") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"<title>{sources.titles[src]}</title>", encoding="utf-8")
            self.built.append(src)
        index = site_dir / "search.json"
        docs = [{"location": src.removesuffix(".md").removesuffix("index") + "/", "title": sources.titles[src],
                 "text": ""} for src in sources.pages]
        index.write_text(json.dumps({"config": {"fields": {"codes": {}, "synonyms": {}}}, "docs": docs}),
                         encoding="utf-8")
        words = SimpleNamespace(words=frozenset(), cut=str.split, cut_apart=str.split)
        return pipeline.Built(site_dir=site_dir, finish_page=lambda name, html: html + "<!-- finished -->",
                              search_index=index, words=words)


def test_another_engine_can_take_the_engine_step(tmp_path, monkeypatch):
    fixture = Path(__file__).parent / "fixtures" / "minimal.yaml"
    monkeypatch.setenv("ROADMAP_DATA", str(fixture))
    engine = StandInEngine()
    pipeline.build_language("zh", tmp_path, engine)
    assert engine.built == list(all_pages(load(fixture)))
    pages = sorted(tmp_path.rglob("*.html"))
    assert pages and all(p.read_text(encoding="utf-8").endswith("<!-- finished -->") for p in pages)
    for extra in [*DOWNLOADS, FEED, "robots.txt"]:
        assert (tmp_path / extra).is_file(), extra
    index = json.loads((tmp_path / "search.json").read_text(encoding="utf-8"))
    course = load(fixture).courses[0]
    assert any(course.code in doc.get("codes", "") for doc in index["docs"])  # the index gained its fields
