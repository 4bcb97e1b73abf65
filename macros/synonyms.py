"""Synonyms in use: which words of the data's synonym groups a text has, and which it gains.

A text "has" a word of a group when the word stands in it as a word: Latin words case-insensitively and
between non-letters, with a space or hyphen where the word has either (``fine-tuning`` also matches
``fine tuning`` and ``finetuning`` only where the group lists it); Chinese words anywhere, as Chinese is
written without spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.model import Synonyms

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _pattern(term: str) -> re.Pattern[str]:
    if _HAN.search(term):
        return re.compile(re.escape(term))
    parts = re.split(r"[\s\-]+", term.strip())
    return re.compile(r"(?<![0-9A-Za-z])" + r"[\s\-]".join(map(re.escape, parts)) + r"(?![0-9A-Za-z])", re.IGNORECASE)


class SynonymMatcher:
    """The data's synonym groups, ready to match texts."""

    def __init__(self, groups: Iterable[Synonyms]) -> None:
        self.groups = [(group, [(term, _pattern(term)) for term in group.terms]) for group in groups]

    def groups_in(self, text: str) -> list[Synonyms]:
        """The groups one of whose words ``text`` has."""
        return [group for group, terms in self.groups if any(p.search(text) for _, p in terms)]

    def added_words(self, text: str) -> list[str]:
        """The words of the groups ``text`` has a word of, that ``text`` does not have itself."""
        words: list[str] = []
        for _group, terms in self.groups:
            present = [term for term, p in terms if p.search(text)]
            if present:
                words += [term for term, _ in terms if term not in present]
        return list(dict.fromkeys(words))
