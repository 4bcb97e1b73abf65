"""Material's search plugin spared work it has done before, with the same result.

Two things are remembered: jieba's segmentation of each run of Chinese (the same titles, tasks and labels recur
on many pages), and the index entries of each page (``make serve`` forks every rebuild from the process that
built the site first, so a page unchanged since then is not parsed again). Where we hook into Material is listed
in ``macros/material.py`` and checked by ``tests/test_material.py``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from macros.material import SEARCH_ENTRIES, SEARCH_SEGMENTER
from macros.wrapped import wrap_once


class RememberingSegmenter:
    """jieba for Material's search plugin, segmenting each run of Chinese once per process.

    Everything but ``cut`` (the plugin's dictionary settings) is jieba's own.
    """

    def __init__(self, jieba: Any) -> None:
        self.jieba = jieba
        self._cut = lru_cache(maxsize=1 << 16)(lambda text: tuple(jieba.cut(text)))

    def cut(self, text: str | bytes) -> tuple[str, ...]:
        return self._cut(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.jieba, name)


def remember_segmentation() -> None:
    """Give Material's search plugin a :class:`RememberingSegmenter` in place of jieba (if jieba is installed)."""
    module = importlib.import_module(SEARCH_SEGMENTER[0])
    found = getattr(module, SEARCH_SEGMENTER[1], None)
    if found is not None and not isinstance(found, RememberingSegmenter):
        setattr(module, SEARCH_SEGMENTER[1], RememberingSegmenter(found))


def _toc(items: Any) -> tuple[object, ...]:
    return tuple((item.id, item.url, item.title, _toc(item.children)) for item in items)


def page_inputs(settings: dict[str, Any], page: Any) -> str:
    """A digest of everything the plugin reads to index a page.

    Its settings, the page's address, titles, search and tags settings, table of contents and content.
    """
    meta = page.meta
    read = json.dumps([settings, page.url, page.title, meta.get("title"), meta.get("search"), meta.get("tags"),
                       _toc(page.toc)], sort_keys=True, default=str)
    digest = hashlib.blake2b(read.encode(), digest_size=16)
    digest.update(page.content.encode())
    return digest.hexdigest()


_entries: dict[tuple[str, str], tuple[str, list[dict[str, Any]]]] = {}
"""(language, page address) → (digest of the page's inputs, its entries): the last build's, per language."""


def remembering(add: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """``SearchIndex.add_entry_from_context`` that reuses the entries of a page indexed before from the same inputs."""

    @functools.wraps(add)
    def add_entry_from_context(index: Any, page: Any) -> None:
        inputs = page_inputs(index.config, page)
        where = (str(index.config.get("lang")), page.url)
        known = _entries.get(where)
        if known is None or known[0] != inputs:
            start = len(index.entries)
            add(index, page)
            known = _entries[where] = (inputs, [dict(entry) for entry in index.entries[start:]])
        else:
            index.entries.extend(dict(entry) for entry in known[1])

    return add_entry_from_context


def remember_entries() -> None:
    """Make Material's search index reuse a page's entries when nothing it reads of the page has changed."""
    wrap_once(SEARCH_ENTRIES, remembering)
