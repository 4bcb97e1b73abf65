"""The glossary's rules over every text of the data: each term written one way per language.

The glossary (``glossary:`` in the data) gives each term's Chinese and English form and the
spellings to avoid; Chinese text also takes full-width punctuation next to Chinese characters.
Words in quotation marks are quotations (the roadmap's original wording in an editor's note) and
stay as written.
A problem is reported like any other: the field's path and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

from macros.languages import CODES
from macros.model import Path, Problem, Roadmap, Text

ASCII_COLON_BY_CHINESE = re.compile(r"[\u3400-\u9fff）」』”][ \t]*:|:[ \t]*[\u3400-\u9fff（「『“]")
"""An ASCII colon touching a Chinese character or bracket: Chinese text writes '：'."""
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》")
"""Quoted words (the roadmap's original wording, a title) are kept as written."""


def texts(value: object, path: Path = ()) -> Iterator[tuple[Path, Text]]:
    """Every bilingual text in ``value`` (a record, a list of records), with its path in the data."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


@cache
def _word(spelling: str) -> re.Pattern[str]:
    """``spelling`` as a whole word: not inside a longer run of letters or digits."""
    return _words((spelling,))


@cache
def _words(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``spellings`` as a whole word (none: a pattern that never matches)."""
    if not spellings:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, spellings))})(?![A-Za-z0-9])")


def problems(data: Roadmap) -> Iterator[Problem]:
    """Glossary spellings to avoid, and ASCII colons in Chinese text."""
    avoid = {
        lang: [(bad, getattr(term, lang), term.id) for term in data.glossary for bad in getattr(term, f"avoid_{lang}")]
        for lang in CODES
    }
    # one search a language tells whether a text has any spelling to avoid: most texts have none
    screens = {lang: _words(tuple(bad for bad, _, _ in rules)) for lang, rules in avoid.items()}
    for path, text in texts(data):
        own = {lang: QUOTED.sub("", text[lang]) for lang in avoid}
        for lang, rules in avoid.items():
            if not screens[lang].search(own[lang]):
                continue
            for bad, good, term in rules:
                if _word(bad).search(own[lang]):
                    instead = f"write {good!r}, not {bad!r}" if good else f"do not write {bad!r}"
                    yield (*path, lang), f"{instead} (glossary: {term})"
        if ASCII_COLON_BY_CHINESE.search(own["zh"]):
            yield (*path, "zh"), "Chinese text takes the full-width colon '：', not ':'"
