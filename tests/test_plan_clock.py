"""The plan's dates under other time zones, with the browser's clock fixed (Playwright's ``timezone_id`` and
``page.clock``): "this week" is the reader's own calendar day, the weeks' dates and the calendar file are whole
days that no time zone moves, and the result never depends on the day the tests run.

Each case is a moment near midnight, where the reader's day and UTC's differ.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from plan_support import t
from playwright.sync_api import expect

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

START = dt.date(2027, 1, 4)  # a Monday: week 6 starts on Monday 8 February
UTC = dt.UTC
CASES = [
    # Sunday 7 February, 20:00 UTC: already Monday in Shanghai (UTC+8), the first day of week 6
    ("Asia/Shanghai", dt.datetime(2027, 2, 7, 20, 0, tzinfo=UTC), 6),
    # Monday 8 February, 05:00 UTC: still Sunday evening in Los Angeles (UTC-8), the last day of week 5
    ("America/Los_Angeles", dt.datetime(2027, 2, 8, 5, 0, tzinfo=UTC), 5),
    # Monday 8 February, 09:30 UTC: Sunday 23:30 in Honolulu (UTC-10), Monday 23:30 on Kiritimati (UTC+14)
    ("Pacific/Honolulu", dt.datetime(2027, 2, 8, 9, 30, tzinfo=UTC), 5),
    ("Pacific/Kiritimati", dt.datetime(2027, 2, 8, 9, 30, tzinfo=UTC), 6),
]


def at(open_page, zone: str, moment: dt.datetime, **options: object):
    """A page in ``zone`` whose clock shows ``moment`` (and stands still)."""
    page = open_page(timezone_id=zone, **options)
    page.clock.set_fixed_time(moment)
    return page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("zone", "moment", "week"), CASES)
def test_this_week_is_the_readers_own_day(open_page, zone: str, moment: dt.datetime, week: int, lang: str):
    page = at(open_page, zone, moment)
    page.goto(f"{LANGS[lang]}weeks/?start={START}")
    local = moment.astimezone(ZoneInfo(zone))
    assert page.evaluate("[new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate()]") == [
        local.year, local.month, local.day]  # the browser is in the zone, at the moment
    current = page.locator(".rr-week--current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-week", str(week))
    expect(current.locator(".rr-week__now")).to_have_text(t("plan-js.this-week", lang))
    assert page.locator(".rr-week--past").count() == week - 1
    expect(page.locator("#plan-jump")).to_have_text(t("plan-js.jump", lang, n=week))
    # the weeks' dates are the same whole days in every zone: week 1 is 4–10 January
    dates = page.eval_on_selector_all(".rr-week[data-week] .rr-week__dates time", "els => els.map(e => e.dateTime)")
    assert dates[0] == START.isoformat() and dates[5] == "2027-02-08"
    if lang == "en":
        assert page.locator("#week-1 ~ .rr-week__dates").inner_text() == "Jan 4 – 10, 2027"


@pytest.mark.parametrize(("zone", "moment", "started"), [
    ("Asia/Shanghai", dt.datetime(2027, 1, 3, 20, 0, tzinfo=UTC), True),  # Monday 4 January, 04:00 there
    ("America/Los_Angeles", dt.datetime(2027, 1, 4, 5, 0, tzinfo=UTC), False),  # Sunday 3 January, 21:00 there
])
def test_the_plan_starts_on_the_readers_monday(open_page, zone: str, moment: dt.datetime, started: bool):
    page = at(open_page, zone, moment)
    page.goto(f"en/weeks/?start={START}")
    if started:
        expect(page.locator(".rr-week--current")).to_have_attribute("data-week", "1")
        expect(page.locator("#plan-hint")).not_to_have_text(t("plan-js.hint-before", "en", date="Jan 4, 2027"))
    else:
        expect(page.locator(".rr-week--current")).to_have_count(0)
        expect(page.locator("#plan-jump")).to_be_hidden()
        expect(page.locator("#plan-hint")).to_have_text(t("plan-js.hint-before", "en", date="Jan 4, 2027"))


def test_after_the_last_week_the_plan_says_it_ended(open_page):
    # Sunday 20 June 2027 is week 24's last day; 23:00 in Los Angeles is Monday 21 June in UTC
    page = at(open_page, "America/Los_Angeles", dt.datetime(2027, 6, 21, 6, 0, tzinfo=UTC))
    page.goto(f"en/weeks/?start={START}")
    expect(page.locator(".rr-week--current")).to_have_attribute("data-week", "24")
    page.clock.set_fixed_time(dt.datetime(2027, 6, 21, 8, 0, tzinfo=UTC))  # Monday 21 June, 01:00 there
    page.reload()
    expect(page.locator(".rr-week--current")).to_have_count(0)
    expect(page.locator("#plan-hint")).to_have_text(t("plan-js.hint-after", "en", date="Jun 20, 2027"))
    assert page.locator(".rr-week--past").count() == 24


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_calendar_file_has_the_same_days_in_every_zone(open_page, zone: str, tmp_path):
    """All-day events from Monday to Monday, whatever the zone of the reader who saves the file (UTC+14, UTC-11)."""
    page = at(open_page, zone, dt.datetime(2027, 2, 8, 10, 30, tzinfo=UTC), accept_downloads=True)
    page.goto(f"en/weeks/?start={START}")
    with page.expect_download() as info:
        page.get_by_role("button", name=t("plan-tools.calendar", "en")).click()
    target = tmp_path / "plan.ics"
    info.value.save_as(target)
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    starts = [event.decoded("DTSTART") for event in events]
    assert starts == [START + dt.timedelta(weeks=n) for n in range(len(events))]
    assert all(not isinstance(day, dt.datetime) for day in starts)
    assert events[0].decoded("DTEND") == START + dt.timedelta(days=7)
