"""What the search index reads of a page: every element's words kept apart from its neighbours'.

Material's search parser keeps the text of a page and drops most tags, so ``<dt>Level</dt><dd>Advanced</dd>``
is indexed as ``LevelAdvanced``: neither word can be found. A page's content gets a line break between block
elements and after ``<br>``. Browsers do not draw white space between blocks or at the start of a line, so the
page looks the same; the index sees one word per element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Protocol

from macros.content.synonyms import SynonymMatcher
from macros.data.model import Roadmap

BLOCK_ELEMENTS = (
    "address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|"
    "hr|li|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul"
)
"""Elements a browser lays out as blocks (or table cells): white space around them is never drawn."""

_BLOCK_NAME = rf"(?:{BLOCK_ELEMENTS})(?![a-zA-Z0-9])"
_BLOCK_EDGE = re.compile(
    rf"</{_BLOCK_NAME}[^<>]*>(?=</?[a-zA-Z])"  # a block's end tag right before another tag
    rf"|</?[a-zA-Z][^<>]*>(?=<{_BLOCK_NAME})",  # any tag right before a block's start tag
    re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"(<br\s*/?>)(?=\S)", re.IGNORECASE)
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.IGNORECASE | re.DOTALL)


def space_blocks(html: str) -> str:
    """``html`` with a line break wherever a block element meets another tag, and after every ``<br>``.

    The insides of ``<pre>`` are left alone: there white space is drawn.
    """
    parts = _PRE.split(html)
    return "".join(part if i % 2 else _LINE_BREAK.sub("\\1\n", _BLOCK_EDGE.sub("\\g<0>\n", part))
                   for i, part in enumerate(parts))


# --- words the index adds to a section: a course's code however typed, synonyms, the parts of compounds ------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # the search's Han (engine/material.py SEARCH_HAN)
ZWSP = "\u200b"

Cut = Callable[[str], Iterable[str]]
"""A Chinese segmenter: text → its words."""


class Segmenter(Protocol):
    """The search plugin's segmenter (:class:`macros.engine.search_memory.RememberingSegmenter`)."""

    words: frozenset[str]
    """The compounds it keeps whole."""

    def cut(self, text: str) -> Iterable[str]: ...

    def cut_apart(self, text: str) -> Iterable[str]: ...


def kept_whole(roadmap: Roadmap) -> list[str]:
    """The Chinese words the search index keeps whole: those of the synonym groups and the glossary.

    They are the words a learner types (强化学习, 规模定律), which jieba's own dictionary often cuts in two; a
    section that has one is found by its parts too (:func:`compound_parts`).
    """
    words = {word for group in roadmap.synonyms for word in group.zh}
    words |= {term.zh for term in roadmap.glossary if term.zh}
    return sorted(word for word in words if _HAN.fullmatch(word))


def segment(text: str, cut: Cut) -> str:
    """Chinese runs cut into words as the search plugin cuts a page's text (zero-width spaces between them)."""
    return _HAN.sub(lambda m: ZWSP + ZWSP.join(cut(m.group(0))) + ZWSP, text).strip(ZWSP)


def code_spellings(code: str, aliases: list[str]) -> list[str]:
    """Every way a reader may type a course's code, once each whatever the case.

    As written, the data's aliases, each without spaces (``CS 224N`` → ``CS224N``) and with its letters and
    digits apart (``CS224N`` → ``CS 224N``).
    """
    written = [code, *aliases]
    joined = [re.sub(r"\s+", "", form) for form in written]
    apart = [re.sub(r"(?<=[A-Za-z])(?=\d)", " ", form) for form in written]
    spellings: dict[str, str] = {}
    for form in [*written, *joined, *apart]:
        spellings.setdefault(form.casefold(), form)  # the search ignores case: CS224n is CS224N
    return list(spellings.values())


CODES_FIELD = "codes"
"""Index field of a course page's code however typed (configured in ``mkdocs.yml``, weighed like tags)."""
SYNONYMS_FIELD = "synonyms"
"""Index field of the words a section is found by that it does not show: the synonyms of its words and the parts
of the compounds it has (configured in ``mkdocs.yml``)."""


def compound_parts(text: str, compounds: Iterable[str], cut_apart: Cut) -> list[str]:
    """The words inside each compound ``text`` has.

    They are the other compounds in it, and the words of two characters or more that jieba's own dictionary cuts
    it into. The index keeps 强化学习 whole, and 基于人类反馈的强化学习: a section that has the one is found by 强化 and
    学习 too, one that has the other by 强化学习, 人类 and 反馈.
    """
    kept = set(compounds)
    found = [word for word in kept if word in text]
    parts: list[str] = []
    for word in sorted(found):
        parts += [other for other in sorted(kept) if other != word and other in word]
        parts += [part for part in cut_apart(word) if len(part) > 1 and part != word]
    return list(dict.fromkeys(parts))


def add_to_index(raw: str, codes: dict[str, list[str]], synonyms: SynonymMatcher, words: Segmenter) -> str:
    """The search index ``raw`` (Material's ``search_index.json``) with two fields of words added to sections.

    ``codes`` maps a section's location (``courses/cs336/``) to its course's code however typed; every section
    gains the synonyms of the words it has, and the parts of the compounds among these and its own words
    (``words``: the search plugin's segmenter and the compounds it keeps whole). The search matches these fields
    but never shows them: they are not on the page, nor in the results.
    """
    data = json.loads(raw)
    missing = {CODES_FIELD, SYNONYMS_FIELD} - set(data["config"]["fields"])
    if missing:
        raise ValueError(f"the search plugin's fields lack {sorted(missing)} (mkdocs.yml, plugins.search.fields)")
    for doc in data["docs"]:
        if doc["location"] in codes:
            doc[CODES_FIELD] = segment(" ".join(codes[doc["location"]]), words.cut)
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']}\n{doc['text']}").replace(ZWSP, "")
        added = synonyms.added_words(text)
        added += compound_parts(" ".join([text, *added]), words.words, words.cut_apart)
        if added:
            doc[SYNONYMS_FIELD] = segment(" ".join(dict.fromkeys(added)), words.cut)
    return json.dumps(data, separators=(",", ":"), default=str)
