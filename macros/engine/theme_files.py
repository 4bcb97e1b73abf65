"""The theme's files, listed once per process while its folders are unchanged.

Before every build MkDocs lists every file of the theme's folders to find the static files to copy. Material's
folder holds thousands (its icons), and listing and filtering them took a seventh of a ``make serve`` rebuild,
which forks from the process that built the site first. An installed theme does not change while a process
runs; the custom folder (``theme.custom_dir``) is listed again whenever one of its folders changes.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

from macros.caches import register
from macros.engine.wrapped import wrap_once

LISTING = ("mkdocs.structure.files", "Files", "add_files_from_theme")
"""MkDocs' method that lists the theme's static files: ``files.add_files_from_theme(env, config)``, which calls
``env.list_templates(filter_func=…)`` and nothing else of ``env``."""

_listed: dict[tuple[object, ...], list[str]] = register(
    {}, name="macros.engine.theme_files._listed", holds="the theme's static files, as MkDocs lists them",
    key="the theme's folders, its static templates, and every folder of theme/ with its modification time",
    stale="once a file is added to or removed from theme/ (checked on every use)", sources=("theme/*",))


def _folders(root: str | None) -> tuple[tuple[str, int], ...]:
    """Each folder under ``root`` with its modification time (which changes when a file is added or removed)."""
    if not root or not os.path.isdir(root):
        return ()
    return tuple((path, os.stat(path).st_mtime_ns) for path, _, _ in os.walk(root))


class _RememberedListing:
    """The theme's Jinja environment where MkDocs lists its files, answering from what was listed before."""

    def __init__(self, env: Any, key: tuple[object, ...]) -> None:
        self.env, self.key = env, key

    def list_templates(self, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        if self.key not in _listed:
            _listed[self.key] = list(self.env.list_templates(filter_func=filter_func))
        return _listed[self.key]


def with_remembered_listing(add: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    """``Files.add_files_from_theme`` with the theme's listing remembered.

    MkDocs' filter depends only on the theme's folders and static templates, which the key holds.
    """

    @functools.wraps(add)
    def add_files_from_theme(files: Any, env: Any, config: Any) -> None:
        theme = config.theme
        key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)), _folders(theme.custom_dir))
        add(files, _RememberedListing(env, key), config)

    return add_files_from_theme


def remember_theme_files() -> None:
    """Make MkDocs list the theme's files once while its folders are unchanged."""
    wrap_once(LISTING, with_remembered_listing)
