"""Every cache the build keeps is listed in ``macros/caches.py``, and an edit clears what it made stale, no more.

A cache nobody lists would survive ``make serve``'s rebuilds unseen: the test finds every module-level cache of
``macros/`` (``functools`` caches, containers that start empty, objects of ours that hold state) and fails on one
that is not registered.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
import importlib.util
import pkgutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import macros
from macros import caches
from macros.data import glossary
from macros.data.loader import _loaded, load_once
from macros.engine import search_memory, site, theme_files
from macros.render.jinja_cache import SHARED

ROOT = Path(__file__).resolve().parent.parent
EMPTY_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "WeakKeyDictionary", "WeakValueDictionary"}


def _starts_empty(node: ast.expr) -> bool:
    """Whether a module-level value is a container that starts empty (also as ``register(<it>, …)``)."""
    if isinstance(node, ast.Dict | ast.List | ast.Set):
        return not getattr(node, "keys", getattr(node, "elts", None))
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "register" and node.args:
            return _starts_empty(node.args[0])
        return name in EMPTY_CALLS and (name == "defaultdict" or not node.args)
    return False


def _holds_state(obj: object) -> bool:
    """An object of a class of ours that keeps mutable containers (not a frozen record, not an enum member)."""
    kind = type(obj)
    if not kind.__module__.startswith("macros.") or isinstance(obj, enum.Enum | type | types.ModuleType):
        return False
    if dataclasses.is_dataclass(obj) and kind.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return False
    return any(isinstance(value, dict | list | set) for value in getattr(obj, "__dict__", {}).values())


def module_caches(module: types.ModuleType) -> dict[str, object]:
    """Every module-level cache ``module`` defines, by name: its ``functools`` caches, the containers it starts
    empty, and objects of our classes that keep state."""
    found: dict[str, object] = {}
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and _starts_empty(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update({t.id: getattr(module, t.id) for t in targets if isinstance(t, ast.Name)})
    for name, obj in vars(module).items():
        own = getattr(obj, "__module__", None) == module.__name__
        if (own and hasattr(obj, "cache_clear")) or _holds_state(obj):
            found[name] = obj
    return found


def registry_of(target: object) -> caches.Cache | None:
    """The registered cache held by ``target``, if any."""
    return next((cache for cache in caches.CACHES.values() if cache.target is target), None)


def macros_modules() -> list[types.ModuleType]:
    names = [m.name for m in pkgutil.walk_packages(macros.__path__, "macros.")]
    return [importlib.import_module(name) for name in ["macros", *names]]


def test_every_module_level_cache_is_registered():
    modules = macros_modules()
    assert len(modules) > 30  # the walk found the modules
    found = {f"{m.__name__}.{name}": obj for m in modules if m is not caches for name, obj in module_caches(m).items()}
    assert len(found) >= 10  # the search found the caches
    missing = sorted(name for name, obj in found.items() if registry_of(obj) is None)
    assert not missing, "register these in macros/caches.py's registry (macros.caches.register):\n" + "\n".join(missing)


def test_the_search_finds_a_new_cache(tmp_path):
    module_file = tmp_path / "rr_new_cache.py"
    module_file.write_text("import functools\nfrom collections import defaultdict\n\n_memo = {}\n_seen: list = []\n"
                           "_by_kind = defaultdict(list)\nTABLE = {'a': 1}\n\n\n@functools.cache\ndef f():\n"
                           "    return 1\n\n\ndef g():\n    return 2\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("rr_new_cache", module_file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rr_new_cache"] = module
    try:
        spec.loader.exec_module(module)
        assert sorted(module_caches(module)) == ["_by_kind", "_memo", "_seen", "f"]
    finally:
        del sys.modules["rr_new_cache"]


def test_every_cache_says_what_it_holds_and_when_it_is_stale():
    macros_modules()
    for cache in caches.CACHES.values():
        assert cache.holds and cache.key and cache.stale, cache.name
        assert cache.on_edit == "keeps" or cache.sources, f"{cache.name}: which files does an edit of make it stale?"
        if cache.target is not None:
            module, _, name = cache.name.rpartition(".")
            assert getattr(importlib.import_module(module), name) is cache.target, cache.name


@pytest.fixture
def warm() -> Iterator[dict[str, object]]:
    """Something in each cache a data edit must leave as it is, and in those it must empty."""
    load_once(ROOT / "data/roadmap.yaml")
    SHARED._store["rr-test"] = b"compiled"
    theme_files._listed[("rr-test",)] = ["assets/a.css"]
    glossary._word("rr-test")
    words = search_memory.RememberingSegmenter(SimpleJieba())
    words._cuts[frozenset()] = lambda text: (text,)
    yield {"words": words}
    SHARED._store.pop("rr-test", None)
    theme_files._listed.pop(("rr-test",), None)


class SimpleJieba:
    dt = None


def test_a_data_edit_keeps_the_warm_caches_and_empties_the_data_ones(warm, monkeypatch):
    monkeypatch.setattr(search_memory, "segmenter", lambda: warm["words"])
    assert caches.clear(["data/roadmap.yaml"]) == []  # no need to start afresh
    assert "rr-test" in SHARED._store  # the Jinja bytecode
    assert ("rr-test",) in theme_files._listed  # the theme's listing
    assert warm["words"]._cuts  # the jieba memo
    assert glossary._word.cache_info().currsize == 0  # the data's (the loader checks the file's time itself)
    assert _loaded  # emptied only when the file is read again


@pytest.mark.parametrize("edit", ["macros/content/i18n.py", "macros/content/ui/site.yaml"])
def test_an_edit_of_what_the_process_keeps_makes_it_start_afresh(edit):
    macros_modules()
    assert caches.clear([edit])


def test_a_template_or_theme_edit_empties_nothing(warm):
    assert caches.clear(["theme/main.html", "macros/render/templates/about.md.j2", "theme/assets/roadmap.css"]) == []
    assert "rr-test" in SHARED._store and ("rr-test",) in theme_files._listed  # they check their own keys


def test_serve_hands_the_registry_the_changed_files():
    before = {"data/roadmap.yaml": (1, 10), "theme/main.html": (1, 5), "theme/old.css": (1, 1)}
    now = {"data/roadmap.yaml": (2, 10), "theme/main.html": (1, 5), "theme/new.css": (1, 1)}
    assert site.changed_files(before, now) == ["data/roadmap.yaml", "theme/new.css", "theme/old.css"]
