"""The pace in a real browser: 12, 18, 24 or 36 weeks, or the reader's own hours a week, re-date every week, this
week, the printout and the calendar; the choice is kept and in the address; ticks never change with it."""

from __future__ import annotations

import datetime as dt
import io
import math

import icalendar
import pytest
from plan_support import ROADMAP, box, checked_ids, monday, squash, stored, t, week_tasks
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

START = dt.date(2027, 1, 4)  # a Monday
OWN = ROADMAP.week_count
BUDGET = ROADMAP.pace.hours_per_week


def stretch(pace: str) -> float:
    """Calendar weeks per week of the plan at a pace: "12" (weeks) or "8h" (hours a week)."""
    return BUDGET / float(pace[:-1]) if pace.endswith("h") else int(pace) / OWN


def first_day(start: dt.date, week: int, pace: str) -> dt.date:
    """The first day of a week of the plan: every week takes the same share of the calendar, in whole days
    (halves rounded up, as the script rounds them)."""
    return start + dt.timedelta(days=math.floor((week - 1) * 7 * stretch(pace) + 0.5))


def shown(page) -> dict[int, str]:
    """Week number → the ISO date its dates begin on, as the page shows it."""
    pairs = page.eval_on_selector_all(
        ".rr-week[data-week]", "els => els.map(s => [s.dataset.week, s.querySelector('.rr-week__dates time')"
        "?.dateTime ?? null])")
    return {int(week): date for week, date in pairs}


def expected(pace: str, start: dt.date = START) -> dict[int, str]:
    return {w.week: first_day(start, w.week, pace).isoformat() for w in ROADMAP.weeks}


@pytest.mark.parametrize("lang", LANGS)
def test_every_pace_re_dates_the_weeks_and_keeps_every_tick(page, lang: str):
    page.goto(f"{LANGS[lang]}weeks/?start={START}")
    ticked = {week_tasks(1)[1].id, week_tasks(5)[0].id}
    for task_id in ticked:
        box(page, task_id).check()
    before = stored(page)["done"]
    pace = page.get_by_label(t("plan-tools.pace", lang))
    assert pace.input_value() == str(OWN)  # the roadmap's own length is the default
    for weeks in ROADMAP.pace.weeks:
        pace.select_option(str(weeks))
        assert shown(page) == expected(str(weeks))
        search = page.evaluate("location.search")
        assert (f"pace={weeks}" in search) == (weeks != OWN) and f"start={START}" in search
        assert checked_ids(page) == ticked and stored(page)["done"] == before
    # the reader's own hours a week: half the budget takes twice the plan's own length
    pace.select_option("hours")
    hours = page.get_by_label(t("plan-tools.hours", lang))
    hours.fill(f"{BUDGET / 2:g}")
    hours.dispatch_event("change")
    paced = f"{BUDGET / 2:g}h"
    assert shown(page) == expected(paced)
    last = first_day(START, OWN + 1, paced) - dt.timedelta(days=1)
    assert page.evaluate("new URLSearchParams(location.search).get('pace')") == paced
    expect(page.locator("#plan-pace-hint")).to_contain_text(str(OWN * 2))
    # kept without the address, on another page and in the other language; ticks untouched throughout
    other = next(code for code in LANGS if code != lang)
    page.goto(f"{LANGS[other]}weeks/")
    assert shown(page) == expected(paced)
    assert page.evaluate("new URLSearchParams(location.search).get('pace')") == paced
    assert checked_ids(page) == ticked and stored(page)["pace"] == paced
    week = ROADMAP.weeks[-1].week
    assert page.locator(f'.rr-week[data-week="{week}"] time').get_attribute("datetime") == \
        first_day(START, week, paced).isoformat()
    assert last > START + dt.timedelta(weeks=OWN)


def test_the_pace_in_an_address_is_taken_and_a_bad_one_ignored(page):
    page.goto(f"en/weeks/?start={START}&pace=18")
    assert shown(page) == expected("18")
    assert stored(page)["pace"] == "18"
    for bad in ("19", "0h", "banana", "<b>x</b>", "999h"):
        page.goto(f"en/weeks/?start={START}&pace={bad}")
        assert shown(page) == expected("18"), bad  # ignored: the remembered pace stays
        assert page.evaluate("new URLSearchParams(location.search).get('pace')") == "18"
        assert page.locator(".rr-plan-tools b").count() == 0
    page.goto(f"en/weeks/?start={START}&pace={OWN}")  # the plan's own length, said in the address
    assert shown(page) == expected(str(OWN)) and "pace=" not in page.evaluate("location.search")


def test_this_week_follows_the_pace(page):
    today = dt.date.today()
    start = monday(today) - dt.timedelta(weeks=2)
    page.goto(f"en/weeks/?start={start}&pace=12")
    now = next(w.week for w in ROADMAP.weeks
               if first_day(start, w.week, "12") <= today < first_day(start, w.week + 1, "12"))
    current = page.locator(".rr-week--current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-week", str(now))
    expect(page.locator("#plan-jump")).to_have_text(t("plan-js.jump", "en", n=now))
    assert now > 3  # two calendar weeks in, at twice the roadmap's speed


def test_the_calendar_follows_the_pace(page, tmp_path):
    page.goto(f"en/weeks/?start={START}&pace=36")
    with page.expect_download() as info:
        page.get_by_role("button", name=t("plan-tools.calendar", "en")).click()
    target = tmp_path / "paced.ics"
    info.value.save_as(target)
    found = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(found) == len(ROADMAP.weeks)
    for event, week in zip(found, ROADMAP.weeks, strict=True):
        assert event.decoded("DTSTART") == first_day(START, week.week, "36")
        assert event.decoded("DTEND") == first_day(START, week.week + 1, "36")  # exclusive: the next week's day


@pytest.mark.parametrize("lang", LANGS)
def test_the_printout_and_the_wall_chart_say_the_pace_and_the_count(page, lang: str):
    page.goto(f"{LANGS[lang]}weeks/?start={START}&pace=12")
    box(page, week_tasks(2)[0].id).check()
    label = t("plan-js.pace-label", lang, weeks=12, hours=f"{BUDGET * OWN / 12:g}")
    expect(page.locator(".rr-print-title [data-plan-range]")).to_contain_text(label)
    counted = len({task.id for w in ROADMAP.weeks for task in week_tasks(w.week) if not task.self_check})
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    assert squash(t("plan-js.count", lang, done=1, total=counted)) in squash(pages[0])
    assert squash(label) in squash(pages[0])
    page.goto(f"{LANGS[lang]}wall-chart/")
    expect(page.locator(".rr-wall__head [data-plan-range]")).to_contain_text(label)
    last = first_day(START, OWN + 1, "12") - dt.timedelta(days=1)
    assert page.locator(f'.rr-wall__week[data-week="{OWN}"] time').get_attribute("datetime") == \
        first_day(START, OWN, "12").isoformat()
    assert last < START + dt.timedelta(weeks=13)
