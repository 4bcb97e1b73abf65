"""Helpers for the weekly plan tests: the data as the pages show it, and the browser-side state."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

from conftest import ROOT

from macros.content.i18n import translate
from macros.content.index import RoadmapIndex
from macros.data.loader import load_once

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
INDEX = RoadmapIndex(ROADMAP)
KEY = "llm-research-roadmap:plan"
BOX = "input.rr-task__box[data-task]"


def week_tasks(week_number: int) -> list:
    """The tasks of one week, stage-task references resolved (as the pages render them)."""
    week = next(w for w in ROADMAP.weeks if w.week == week_number)
    return INDEX.week_tasks(week)


def all_task_ids() -> list[str]:
    """Every task id of the weekly plan, in page order, without repeats."""
    return list(dict.fromkeys(t.id for w in ROADMAP.weeks for t in INDEX.week_tasks(w)))


def counted_task_ids() -> list[str]:
    """The task ids progress counts: every one but the before-you-start self-checks (macros/content/views.py)."""
    return list(dict.fromkeys(t.id for w in ROADMAP.weeks for t in INDEX.week_tasks(w) if not t.self_check))


def first_link(week_number: int, external: bool) -> str:
    """Address of the first external resource, or id of the first course, linked from a week's tasks."""
    for task in week_tasks(week_number):
        for item_id in task.links:
            item = INDEX.items[item_id]
            if external and not hasattr(item, "code") and item.url:
                return item.url
            if not external and hasattr(item, "code"):
                return item.id
    raise AssertionError(f"week {week_number} links no {'external resource' if external else 'course'}")


def t(key: str, lang: str, **values: object) -> str:
    return translate(key, lang, **values)


def box(page, task_id: str):
    """The (first) checkbox of a task on the current page."""
    return page.locator(f'{BOX}[data-task="{task_id}"]').first


def stored(page) -> dict | None:
    """The plan state kept in localStorage, parsed."""
    raw = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return None if raw is None else json.loads(raw)


def checked_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(f"{BOX}:checked", "els => els.map(e => e.dataset.task)"))


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
"""Dashes a font may draw with one glyph, so that extraction reads one back as another (– as ‒)."""


def squash(text: str) -> str:
    """Text without whitespace, NFKC-normalised, for comparing with text extracted from a PDF.

    Extraction breaks lines wherever the layout wraps, and a CJK font may map a character to its
    look-alike Kangxi radical (一 → ⼀); NFKC folds those back. Dashes are read as one.
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_DASHES)


_RADICAL = "[\u2e80-\u2eff]"


def has(text: str, needle: str) -> bool:
    """Whether squashed PDF text contains squashed ``needle``.

    pypdf reads a few CJK characters back as a CJK radical-supplement look-alike that NFKC does not
    fold (齐 → ⻬): such a radical may stand in for any one ideograph of ``needle``.
    """
    text, needle = squash(text), squash(needle)
    if needle in text:
        return True
    pattern = "".join(f"(?:{re.escape(c)}|{_RADICAL})" if "\u4e00" <= c <= "\u9fff" else re.escape(c) for c in needle)
    return re.search(pattern, text) is not None
