"""Material's search plugin with the data's Chinese compounds kept whole, sparing work it has done before.

The plugin cuts every run of Chinese with jieba; our stand-in for jieba keeps the words the data names whole
(``强化学习``, which jieba's dictionary cuts in two), so the index has the words a learner types. Two things are
remembered: each run's segmentation (the same titles, tasks and labels recur on many pages), and the index entries
of each page (``make serve`` forks every rebuild from the process that built the site first, so a page unchanged
since then is not parsed again). Where we hook into Material is listed in ``macros/engine/material.py`` and checked by
``tests/test_material.py``.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import importlib
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from macros.caches import register
from macros.engine.material import SEARCH_ENTRIES, SEARCH_SEGMENTER
from macros.engine.wrapped import wrap_once


class RememberingSegmenter:
    """jieba for Material's search plugin, with the words of :meth:`keep_whole` kept whole.

    Each run of Chinese is segmented once per process and set of words. Everything but ``cut`` (the plugin's
    dictionary settings) is jieba's own.
    """

    def __init__(self, jieba: Any) -> None:
        self.jieba = jieba
        self.words: frozenset[str] = frozenset()
        self._cuts: dict[frozenset[str], Callable[[str | bytes], tuple[str, ...]]] = {}

    def keep_whole(self, words: Iterable[str]) -> None:
        """Cut from now on with ``words`` kept whole (each build sets the data's words)."""
        self.words = frozenset(words)

    def cut(self, text: str | bytes) -> tuple[str, ...]:
        cut = self._cuts.get(self.words)
        if cut is None:
            tokenizer = _with_words(self.jieba, self.words)
            cut = self._cuts[self.words] = lru_cache(maxsize=1 << 16)(lambda text: tuple(tokenizer.cut(text)))
        return cut(text)

    def forget(self) -> None:
        """Forget every segmentation."""
        self._cuts.clear()

    def cut_apart(self, text: str) -> tuple[str, ...]:
        """``text`` cut by jieba's own dictionary, nothing kept whole: the parts of a compound."""
        return tuple(self.jieba.cut(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.jieba, name)


def _with_words(jieba: Any, words: frozenset[str]) -> Any:
    """A jieba tokenizer with jieba's dictionary (as the plugin's settings left it) and ``words`` added.

    A copy: jieba's own dictionary stays as it was, so words dropped from the data are not kept whole later.
    """
    if not words:
        return jieba.dt
    jieba.dt.check_initialized()
    tokenizer = copy.copy(jieba.dt)
    tokenizer.FREQ = dict(jieba.dt.FREQ)
    tokenizer.user_word_tag_tab = dict(jieba.dt.user_word_tag_tab)
    for word in sorted(words):
        tokenizer.add_word(word)
    return tokenizer


def remember_segmentation() -> RememberingSegmenter | None:
    """Give Material's search plugin a :class:`RememberingSegmenter` in place of jieba (if jieba is installed)."""
    module = importlib.import_module(SEARCH_SEGMENTER[0])
    found = getattr(module, SEARCH_SEGMENTER[1], None)
    if found is not None and not isinstance(found, RememberingSegmenter):
        found = RememberingSegmenter(found)
        setattr(module, SEARCH_SEGMENTER[1], found)
    return found


def segmenter() -> RememberingSegmenter | None:
    """The search plugin's segmenter, once :func:`remember_segmentation` has run (``None`` without jieba)."""
    found = getattr(importlib.import_module(SEARCH_SEGMENTER[0]), SEARCH_SEGMENTER[1], None)
    return found if isinstance(found, RememberingSegmenter) else None


def _toc(items: Any) -> tuple[object, ...]:
    return tuple((item.id, item.url, item.title, _toc(item.children)) for item in items)


def page_inputs(settings: dict[str, Any], page: Any) -> str:
    """A digest of everything the plugin reads to index a page.

    Its settings, the words the segmenter keeps whole, the page's address, titles, search and tags settings,
    table of contents and content.
    """
    meta = page.meta
    kept = sorted(found.words) if (found := segmenter()) else []
    read = json.dumps([settings, kept, page.url, page.title, meta.get("title"), meta.get("search"), meta.get("tags"),
                       _toc(page.toc)], sort_keys=True, default=str)
    digest = hashlib.blake2b(read.encode(), digest_size=16)
    digest.update(page.content.encode())
    return digest.hexdigest()


_entries: dict[tuple[str, str], tuple[str, list[dict[str, Any]]]] = register(
    {}, name="macros.engine.search_memory._entries",
    holds="each page's search index entries: the last build's, per language",
    key="(language, page address), checked against a digest of everything the search plugin reads of the page",
    stale="once the page's inputs change (checked on every use)", sources=("data/*", "macros/render/templates/*"))


def _forget_segmentation() -> None:
    if (found := segmenter()) is not None:
        found.forget()


register(None, name="jieba memo", empty=_forget_segmentation,
         holds="each run of Chinese cut into words (inside the segmenter that stands in for jieba in Material's "
               "search plugin, RememberingSegmenter)",
         key="the words kept whole (the data's compounds), then the run of text",
         stale="never: a new set of words kept whole gets a memo of its own", sources=("data/*",))


def with_remembered_entries(add: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
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
    wrap_once(SEARCH_ENTRIES, with_remembered_entries)
