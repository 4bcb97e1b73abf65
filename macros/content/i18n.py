"""Interface strings (``macros/content/ui/*.yaml``): labels, headings, navigation titles.

Each file holds one part of the interface; together they form one table of keys,
and a key defined twice or missing a language is an error.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from macros.caches import registered
from macros.data.languages import CODES as LANGS

UI_DIR = Path(__file__).with_name("ui")


@registered(holds="every interface string", key="(none: one table)",
            stale="once a file of macros/content/ui/ changes; translated words were copied into what the process "
                  "computed since (the language's settings, the theme's words)",
            sources=("macros/content/ui/*.yaml",), on_edit="restart")
@cache
def strings() -> dict[str, dict[str, str]]:
    """All interface strings, checked to have every language and no key twice."""
    table: dict[str, dict[str, str]] = {}
    for file in sorted(UI_DIR.glob("*.yaml")):
        for key, value in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).items():
            if key in table:
                raise ValueError(f"{file.name}: {key}: defined twice")
            if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGS):
                raise ValueError(f"{file.name}: {key}: needs non-empty {' and '.join(LANGS)}")
            table[key] = value
    return table


def translate(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    text = strings()[key][lang]
    return text.format(**values) if values else text
