"""The start date in a real browser: week dates, the URL, memory, bad input, this week."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from plan_support import ROADMAP, box, monday, stored, t, week_tasks
from playwright.sync_api import expect

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

START = dt.date(2027, 1, 4)  # a Monday


def shown_dates(page) -> dict[int, str]:
    """Week number → the ISO date of its Monday, as the page shows it."""
    pairs = page.eval_on_selector_all(
        ".rr-week[data-week]", "els => els.map(s => [s.dataset.week, s.querySelector('.rr-week__dates time')"
        " && !s.querySelector('.rr-week__dates').hidden ? s.querySelector('time').dateTime : null])")
    return {int(week): date for week, date in pairs}


def expected_dates(start: dt.date, weeks) -> dict[int, str]:
    return {w: (start + dt.timedelta(weeks=w - 1)).isoformat() for w in weeks}


@pytest.mark.parametrize("lang", LANGS)
def test_setting_a_start_date_shows_every_weeks_dates_and_updates_the_url(page, lang: str):
    page.goto(f"{LANGS[lang]}weeks/")
    assert set(shown_dates(page).values()) == {None}
    expect(page.locator("#plan-hint")).to_have_text(t("plan-js.hint-none", lang))
    label = page.get_by_label(t("plan-tools.start", lang))
    label.fill(START.isoformat())
    assert shown_dates(page) == expected_dates(START, range(1, 25))
    assert page.evaluate("location.search") == f"?start={START}"
    assert stored(page)["start"] == START.isoformat()
    first = page.locator("#week-1 ~ .rr-week__dates").inner_text()
    last = page.locator("#week-24 ~ .rr-week__dates").inner_text()
    in_locale = page.evaluate(  # the reader's locale (here the browser's default for the page's language)
        """lang => { const f = new Intl.DateTimeFormat(lang, {dateStyle: "medium", timeZone: "UTC"});
        return [f.formatRange(Date.UTC(2027, 0, 4), Date.UTC(2027, 0, 10)),
                f.formatRange(Date.UTC(2027, 5, 14), Date.UTC(2027, 5, 20))]; }""", lang)
    assert [first, last] == in_locale
    if lang == "en":
        assert [first, last] == ["Jan 4 – 10, 2027", "Jun 14 – 20, 2027"]
    # remembered without the URL, and put back into it
    page.goto(f"{LANGS[lang]}weeks/")
    assert shown_dates(page) == expected_dates(START, range(1, 25))
    assert page.evaluate("location.search") == f"?start={START}"
    expect(page.locator("#plan-start")).to_have_value(START.isoformat())


def test_the_url_sets_the_date_and_any_day_snaps_to_its_monday(page):
    page.goto("en/weeks/?start=2027-01-07")  # a Thursday
    assert page.evaluate("location.search") == "?start=2027-01-04"
    assert shown_dates(page)[1] == "2027-01-04"
    assert stored(page)["start"] == "2027-01-04"


@pytest.mark.parametrize("bad", ["2027-02-30", "banana", "2027-1-4", "", "<b>x</b>"])
def test_a_bad_date_in_the_url_is_ignored_with_a_visible_hint(page, bad: str):
    page.goto("en/weeks/?start=2027-03-01")
    page.goto(f"en/weeks/?start={bad}")  # the page fixture fails the test on any script error
    hint = page.locator("#plan-hint")
    expect(hint).to_be_visible()
    expect(hint).to_have_text(t("plan-js.hint-bad", "en", value=bad))
    assert shown_dates(page)[1] == "2027-03-01"  # the remembered date stays
    assert page.evaluate("location.search") == "?start=2027-03-01"
    assert page.locator(".rr-plan-tools b").count() == 0  # shown as text, never as markup


def test_a_bad_date_with_nothing_remembered_leaves_the_weeks_undated(page):
    page.goto("en/weeks/?start=2027-13-01")
    expect(page.locator("#plan-hint")).to_have_text(t("plan-js.hint-bad", "en", value="2027-13-01"))
    assert set(shown_dates(page).values()) == {None}
    assert page.evaluate("location.search") == ""


def test_clearing_the_date(page):
    page.goto("en/weeks/?start=2027-01-04")
    page.get_by_role("button", name=t("plan-tools.clear-start", "en")).click()
    assert set(shown_dates(page).values()) == {None}
    assert page.evaluate("location.search") == ""
    assert stored(page)["start"] == ""


@pytest.mark.parametrize("lang", LANGS)
def test_this_week_is_highlighted_with_a_jump(page, lang: str):
    today = dt.date.today()
    start = monday(today) - dt.timedelta(weeks=4)  # today falls in week 5
    page.goto(f"{LANGS[lang]}weeks/")
    done = week_tasks(1)[0].id
    box(page, done).check()
    page.goto(f"{LANGS[lang]}weeks/?start={start}")
    current = page.locator(".rr-week--current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-week", "5")
    expect(current.locator(".rr-week__now")).to_have_text(t("plan-js.this-week", lang))
    assert page.locator(".rr-week--past").count() == 4
    jump = page.locator("#plan-jump")
    expect(jump).to_have_text(t("plan-js.jump", lang, n=5))
    jump.click()
    assert page.evaluate("location.hash") == "#week-5"
    expect(page.locator("#week-5")).to_be_in_viewport()
    # open tasks of past weeks are counted, from the first week that has any
    open_tasks = sum(len(week_tasks(w)) for w in range(1, 5)) - 1
    expect(page.locator("#plan-behind")).to_have_text(t("plan-js.behind", lang, n=open_tasks, week=1))


def test_before_the_plan_starts_nothing_is_current(page):
    start = monday(dt.date.today()) + dt.timedelta(weeks=3)
    page.goto(f"en/weeks/?start={start}")
    expect(page.locator(".rr-week--current")).to_have_count(0)
    expect(page.locator("#plan-jump")).to_be_hidden()
    assert re.search(r"\d", page.locator("#plan-hint").inner_text())


@pytest.mark.parametrize("lang", LANGS)
def test_stage_pages_show_the_dates_too(page, lang: str):
    page.goto(f"{LANGS[lang]}weeks/?start={START}")
    stage = ROADMAP.stages[2]
    page.goto(f"{LANGS[lang]}stages/{stage.id}/")
    weeks = range(stage.weeks.start, stage.weeks.end + 1)
    assert shown_dates(page) == expected_dates(START, weeks)
