"""Synonyms in use: which words of the data's synonym groups a text has, and which it gains.

A text "has" a word of a group when the word stands in it as a word: Latin words case-insensitively (in the
text's lowercase form) and between non-letters, with a space or hyphen where the word has either
(``fine-tuning`` also matches ``fine tuning`` and ``finetuning`` only where the group lists it); Chinese words
anywhere, as Chinese is written without spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.model import Synonyms

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # the search's Han (engine/material.py SEARCH_HAN)


@dataclass(frozen=True)
class _Word:
    """One word of a group, matched against a text and its lowercase form."""

    term: str
    needle: str
    """A piece every text that has the word contains: the Chinese word, or the Latin word's first part lowercased."""
    latin: re.Pattern[str] | None
    """A Latin word between non-letters, matched in the lowercase text (``None`` for a Chinese word)."""

    @classmethod
    def of(cls, term: str) -> _Word:
        if _HAN.search(term):
            return cls(term, term, None)
        parts = re.split(r"[\s\-]+", term.strip().lower())
        latin = r"(?<![0-9a-z])" + r"[\s\-]".join(map(re.escape, parts)) + r"(?![0-9a-z])"
        return cls(term, parts[0], re.compile(latin))

    def in_text(self, text: str, lowered: str) -> bool:
        # the substring test runs at C speed and rules out most words before a regular expression runs
        if self.latin is None:
            return self.needle in text
        return self.needle in lowered and self.latin.search(lowered) is not None


class SynonymMatcher:
    """The data's synonym groups, ready to match texts."""

    def __init__(self, groups: Iterable[Synonyms]) -> None:
        self.groups = [(group, [_Word.of(term) for term in group.terms]) for group in groups]

    def added_words(self, text: str) -> list[str]:
        """The words of the groups ``text`` has a word of, that ``text`` does not have itself."""
        lowered = text.lower()
        added: list[str] = []
        for _group, words in self.groups:
            present = {word.term for word in words if word.in_text(text, lowered)}
            if present:
                added += [word.term for word in words if word.term not in present]
        return list(dict.fromkeys(added))
