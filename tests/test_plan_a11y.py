"""axe-core on the plan's own parts in every state the script produces (dates set, this week, messages, ticks)."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from plan_support import ROADMAP, all_task_ids, box, monday, t

from macros.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

AXE = Axe()
OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
]}}
PLAN_PARTS = {"include": [["#plan-tools"], [".rr-progress"], [".rr-week__dates"], [".rr-task__label"]]}
"""What this feature adds; the rest of each page is checked by the site-wide quality tests."""


def violations(page) -> list[str]:
    response = AXE.run(page, context=PLAN_PARTS, options=OPTIONS).response
    return [f"{v['id']}: {node['target']}" for v in response["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_plan_parts_have_no_axe_violation(open_page, lang: str, scheme: str):
    page = open_page(color_scheme=scheme)
    start = monday(dt.date.today()) - dt.timedelta(weeks=2)
    page.goto(f"{LANGS[lang]}weeks/?start={start}")
    box(page, all_task_ids()[0]).check()
    page.get_by_role("button", name=t("plan-tools.export", lang)).click()  # a status message
    assert page.locator(".rr-week--current").count() == 1
    assert violations(page) == []
    page.goto(f"{LANGS[lang]}weeks/?start=not-a-date")
    assert violations(page) == []
    page.goto(f"{LANGS[lang]}stages/{ROADMAP.stages[0].id}/")
    assert violations(page) == []
