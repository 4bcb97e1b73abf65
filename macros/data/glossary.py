"""The glossary's rules over every text of the data: each term written one way per language.

The glossary (``glossary:`` in the data) gives each term's Chinese and English form and the
spellings to avoid. Chinese text also takes full-width punctuation: the colon '：', the brackets
'（）' and the comma '，' (or '、' between list items) wherever they stand in a Chinese sentence,
and no text nests brackets of one width inside brackets of the other.
Words in quotation marks are quotations (the roadmap's original wording in an editor's note) and
stay as written.
A problem is reported like any other: the field's path and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

from macros.caches import registered
from macros.data.languages import CODES
from macros.data.model import Location, Problem, Roadmap, Text

HAN = "\u3400-\u9fff"
"""Chinese characters (CJK Unified Ideographs and Extension A)."""
ASCII_COLON_BY_CHINESE = re.compile(rf"[{HAN}）」』”][ \t]*:|:[ \t]*[{HAN}（「『“]")
"""An ASCII colon touching a Chinese character or bracket: Chinese text writes '：'."""
HALF_WIDTH_BRACKET = re.compile(rf"[{HAN}，。；：、][ \t]*\(|\)[ \t]*[{HAN}，。；：、]|\([^()]*[{HAN}][^()]*\)")
"""A half-width bracket next to Chinese, or around Chinese words: Chinese text writes '（…）'."""
HALF_WIDTH_COMMA = re.compile(rf"[{HAN}（），。；：、][ \t]*,|,[ \t]*[{HAN}（]")
"""A half-width comma touching a Chinese character or full-width punctuation."""
LATIN_RUN = re.compile(rf"[^{HAN}（）「」『』《》“”‘’，。；：、！？…—]+")
"""A stretch of a Chinese text written in Latin script: a name, a code, a list of names, an English title."""
LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
"""A comma that is not a thousands separator."""
SENTENCE_MARK = re.compile(r"[.:;!?'\"]")
"""Punctuation that makes a Latin stretch an English phrase or title rather than a list of names."""
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》")
"""Quoted words (the roadmap's original wording, a title) are kept as written."""
BRACKET_WIDTH = {"(": "half", ")": "half", "（": "full", "）": "full"}

COLON = "Chinese text takes the full-width colon '：', not ':'"
BRACKETS = "Chinese text takes the full-width brackets '（…）', not '(…)'"
COMMA = "Chinese text takes the full-width comma '，' (or '、' between list items), not ','"
MIXED = "brackets of mixed width are nested or paired: write '（…）' in Chinese and '(…)' in English, one level deep"


def texts(value: object, path: Location = ()) -> Iterator[tuple[Location, Text]]:
    """Every bilingual text in ``value`` (a record, a list of records), with its path in the data."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


@registered(holds="a pattern matching one glossary spelling as a whole word", key="the spelling",
            stale="never (keyed by the spelling); cleared after a data edit so that old spellings do not pile up",
            sources=("data/*",), on_edit="clear")
@cache
def _word(spelling: str) -> re.Pattern[str]:
    """``spelling`` as a whole word: not inside a longer run of letters or digits."""
    return _words((spelling,))


@registered(holds="a pattern matching any of a set of spellings as a whole word", key="the spellings",
            stale="never (keyed by the spellings); cleared after a data edit so that old spellings do not pile up",
            sources=("data/*",), on_edit="clear")
@cache
def _words(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``spellings`` as a whole word (none: a pattern that never matches)."""
    if not spellings:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, spellings))})(?![A-Za-z0-9])")


def mixed_brackets(text: str) -> bool:
    """Whether ``text`` nests a bracket inside one of the other width, or closes a bracket with the other width."""
    open_widths: list[str] = []
    for char in text:
        width = BRACKET_WIDTH.get(char)
        if width is None:
            continue
        if char in "(（":
            if open_widths and open_widths[-1] != width:
                return True
            open_widths.append(width)
        elif open_widths and open_widths.pop() != width:
            return True
    return False


def latin_list(text: str) -> bool:
    """Whether a Latin-script stretch of a Chinese sentence is a list joined by ','."""
    return any(LIST_COMMA.search(run) and not SENTENCE_MARK.search(run) for run in LATIN_RUN.findall(text))


def chinese_punctuation(text: str) -> list[str]:
    """What is wrong with the punctuation of Chinese ``text`` (its quotations left out): one message per rule."""
    own = QUOTED.sub("", text)
    if not re.search(f"[{HAN}]", own):
        return []
    found = []
    if ASCII_COLON_BY_CHINESE.search(own):
        found.append(COLON)
    if HALF_WIDTH_BRACKET.search(own):
        found.append(BRACKETS)
    if HALF_WIDTH_COMMA.search(own) or latin_list(own):
        found.append(COMMA)
    return found


def problems(data: Roadmap) -> Iterator[Problem]:
    """Glossary spellings to avoid, Chinese text with half-width punctuation, and mixed-width nested brackets."""
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
        for message in chinese_punctuation(text["zh"]):
            yield (*path, "zh"), message
        for lang in avoid:
            if mixed_brackets(own[lang]):
                yield (*path, lang), MIXED
