"""Helpers for the weekly plan tests: the data as the pages show it, and the browser-side state."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import ROOT

from macros.i18n import translate
from macros.index import RoadmapIndex
from macros.loader import load

ROADMAP = load(ROOT / "data" / "roadmap.yaml")
INDEX = RoadmapIndex(ROADMAP)
LANGS = {"zh": "", "en": "en/"}
KEY = "llm-research-roadmap:plan"
BOX = "input.rr-task__box[data-task]"


def week_tasks(week_number: int) -> list:
    """The tasks of one week, stage-task references resolved (as the pages render them)."""
    week = next(w for w in ROADMAP.weeks if w.week == week_number)
    return INDEX.week_tasks(week)


def all_task_ids() -> list[str]:
    """Every task id of the weekly plan, in page order, without repeats."""
    return list(dict.fromkeys(t.id for w in ROADMAP.weeks for t in INDEX.week_tasks(w)))


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


def squash(text: str) -> str:
    """Text without any whitespace (PDF extraction breaks lines wherever the layout wraps)."""
    return re.sub(r"\s+", "", text)
