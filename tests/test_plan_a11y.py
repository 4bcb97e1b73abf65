"""axe-core on the plan's own parts in every state the script produces (dates set, this week, messages, ticks)."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_support import ROADMAP, all_task_ids, box, monday, t
from quality_support import violations

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

PLAN_PARTS = {"include": [["#plan-tools"], [".rr-progress"], [".rr-week__dates"], [".rr-task__label"]]}
"""What this feature adds; the rest of each page is checked by the site-wide quality tests."""


def plan_violations(page) -> list[str]:
    return violations(page, context=PLAN_PARTS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_plan_parts_have_no_axe_violation(open_page, lang: str, scheme: str):
    page = open_page(color_scheme=scheme)
    start = monday(dt.date.today()) - dt.timedelta(weeks=2)
    page.goto(f"{LANGS[lang]}weeks/?start={start}")
    box(page, all_task_ids()[0]).check()
    page.get_by_role("button", name=t("plan-tools.export", lang)).click()  # a status message
    assert page.locator(".rr-week--current").count() == 1
    assert plan_violations(page) == []
    page.goto(f"{LANGS[lang]}weeks/?start=not-a-date")
    assert plan_violations(page) == []
    page.goto(f"{LANGS[lang]}stages/{ROADMAP.stages[0].id}/")
    assert plan_violations(page) == []
