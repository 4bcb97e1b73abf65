"""Interface strings (``macros/ui.yaml``): labels, headings, navigation titles."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

UI_FILE = Path(__file__).with_name("ui.yaml")
LANGS = ("zh", "en")


@cache
def strings() -> dict[str, dict[str, str]]:
    """All interface strings, checked to have every language."""
    table = yaml.safe_load(UI_FILE.read_text(encoding="utf-8"))
    for key, value in table.items():
        if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGS):
            raise ValueError(f"{UI_FILE.name}: {key}: needs non-empty {' and '.join(LANGS)}")
    return table


def translate(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    text = strings()[key][lang]
    return text.format(**values) if values else text
