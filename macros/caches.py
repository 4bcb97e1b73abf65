"""Every cache the build keeps for the life of a process, listed in one place, and one way to clear them.

One ``make build`` fills these and exits. ``make serve`` keeps them: its first build runs in the serving process and
each rebuild forks from it, so whatever that process holds spares every rebuild the work (bench/README.md).
Each cache registers itself here where it is defined (:func:`register`), saying what it holds, what it is keyed on,
when it is stale, the project files it is made from (``sources``, patterns relative to the project folder, as
``fnmatch`` reads them) and what an edit of one of them calls for (``on_edit``):

- ``keeps``: it checks its own key whenever it is used (a file's time and size, a template's checksum, the digest of
  a page's inputs), or what it holds does not change with the project's files: an edit leaves it as it is;
- ``clear``: :func:`clear` empties it once one of its sources changed; the next build fills it again;
- ``restart``: it was read into the process once and cannot be undone in place (imported modules, and what was
  computed from them): the process starts afresh.

``make serve`` hands :func:`clear` the files an edit changed (``macros/engine/site.py``). Objects that keep
something for their own life only (``RoadmapIndex``'s cached properties, a page renderer's Jinja environment) are not
listed: they go with the build that made them. ``tests/test_caches.py`` finds every module-level cache of ``macros/``
and fails on one that is not registered here.

This module imports nothing of the project, so that every room can register its caches.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

OnEdit = Literal["keeps", "clear", "restart"]
T = TypeVar("T")


@dataclass(frozen=True)
class Cache:
    """One cache the build keeps, and what makes it stale."""

    name: str
    """Where it is: ``module.name``."""
    holds: str
    key: str
    stale: str
    """When what it holds no longer matches the project."""
    sources: tuple[str, ...]
    """The project files it is made from (``fnmatch`` patterns relative to the project folder)."""
    on_edit: OnEdit
    """What an edit of one of its sources calls for (see the module's description)."""
    empty: Callable[[], None]
    """Empties it."""
    target: object
    """The module-level object that holds it (``None`` for one kept elsewhere, such as inside Material)."""

    def made_from(self, path: str) -> bool:
        """Whether the project file ``path`` (relative, with ``/``) is one of its sources."""
        return any(fnmatch.fnmatch(path, pattern) for pattern in self.sources)


CACHES: dict[str, Cache] = {}
"""Every registered cache, by name, in the order the modules registered them."""


def register(target: T, *, holds: str, key: str, stale: str, sources: Iterable[str] = (), on_edit: OnEdit = "keeps",
             name: str | None = None, empty: Callable[[], None] | None = None) -> T:
    """List ``target`` (a ``functools`` cache, a dict, a list, or an object with ``clear()``) as a cache; return it.

    ``name`` defaults to the function's module and name; ``empty`` to its ``cache_clear`` or ``clear``.
    """
    if name is None:
        name = f"{getattr(target, '__module__', '')}.{getattr(target, '__qualname__', '')}"
    if empty is None:
        empty = getattr(target, "cache_clear", None) or getattr(target, "clear", None)
    if empty is None:
        raise TypeError(f"{name}: say how to empty it (empty=…)")
    CACHES[name] = Cache(name, holds, key, stale, tuple(sources), on_edit, empty, target)
    return target


def registered(**about: object) -> Callable[[T], T]:
    """:func:`register` as a decorator, over ``functools.cache``: ``@registered(holds=…, …)`` then ``@cache``."""
    return lambda target: register(target, **about)  # type: ignore[arg-type]


def clear(changed: Iterable[str]) -> list[Cache]:
    """Empty the caches an edit of the files ``changed`` (relative to the project folder) made stale.

    Returns the caches that stay stale until the process starts afresh (``on_edit="restart"``); their holder must
    then start afresh (``make serve`` does).
    """
    paths = list(changed)
    stale = [cache for cache in CACHES.values() if any(map(cache.made_from, paths))]
    for cache in stale:
        if cache.on_edit == "clear":
            cache.empty()
    return [cache for cache in stale if cache.on_edit == "restart"]


register(None, name="python modules", holds="the project's Python modules, imported once by the process",
         key="module name", stale="once a module's file changes (and so everything computed from it at import)",
         sources=("*.py",), on_edit="restart", empty=lambda: None)
