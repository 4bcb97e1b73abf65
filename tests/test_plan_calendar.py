"""The .ics download in a real browser, parsed with icalendar: 24 all-day weekly events, stable UIDs."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from plan_support import INDEX, ROADMAP, box, first_link, t, week_tasks
from playwright.sync_api import expect

from macros.content.views import step_view, week_load
from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

START = dt.date(2027, 1, 4)


def download_ics(page, lang: str, tmp_path, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=t("plan-tools.calendar", lang)).click()
    assert info.value.suggested_filename.endswith(".ics")
    target = tmp_path / name
    info.value.save_as(target)
    return target.read_bytes()


def events(raw: bytes) -> list:
    calendar = icalendar.Calendar.from_ical(raw)
    return [c for c in calendar.walk("VEVENT")]


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_has_one_all_day_event_per_week(page, lang: str, tmp_path):
    page.goto(f"{LANGS[lang]}weeks/?start={START}")
    box(page, week_tasks(2)[0].id).check()
    raw = download_ics(page, lang, tmp_path, "plan.ics")
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.calendar-done", lang))
    found = events(raw)
    assert len(found) == len(ROADMAP.weeks) == 24
    for event, week in zip(found, ROADMAP.weeks, strict=True):
        monday = START + dt.timedelta(weeks=week.week - 1)
        hours = t("plan-js.ics-hours", lang, h=f"{INDEX.week_hours(week):g}")
        assert str(event["UID"]) == f"week-{week.week:02d}@llm-research-roadmap"
        assert event.decoded("DTSTART") == monday and not isinstance(event.decoded("DTSTART"), dt.datetime)
        assert event.decoded("DTEND") == monday + dt.timedelta(days=7)  # exclusive: Monday to Sunday
        assert str(event["SUMMARY"]) == f"{t('plan.week', lang, n=week.week)} · {hours} · {week.focus[lang]}"
        description = str(event["DESCRIPTION"]).splitlines()
        assert f" · {hours}" in description[0]
        for task in week_tasks(week.week):
            mark = "☑" if task.id == week_tasks(2)[0].id else "☐"
            line = f"{mark} {task.text[lang]} ({t('plan-js.ics-hours', lang, h=f'{task.hours:g}')})"
            step = description[description.index(line) + 1]  # the task's first step is the line after it
            view = step_view(INDEX, task.step, lang)
            assert step.startswith(f"    {t('plan-js.ics-step', lang)}: {view.label}")
            assert INDEX.step_target(task.step).url in step
        assert str(event["URL"]).endswith(f"weeks/?start={START}#week-{week.week}")
        # a reminder on the morning of the week's first day
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == dt.timedelta(hours=9)
    assert first_link(1, external=True) in str(found[0]["DESCRIPTION"])
    assert str(found[1]["DESCRIPTION"]).splitlines()[1].startswith("☑ ")
    over = [week.week for week in ROADMAP.weeks if week_load(INDEX, week).over]
    assert over and all(t("plan-js.ics-over", lang, budget=f"{ROADMAP.pace.hours_per_week:g}")
                        in str(found[n - 1]["DESCRIPTION"]).splitlines()[0] for n in over)


def test_calendar_file_is_valid_rfc5545_text(page, tmp_path):
    page.goto(f"weeks/?start={START}")  # Chinese: multi-byte characters must not be cut when folding
    raw = download_ics(page, "zh", tmp_path, "plan.ics")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    assert any(line.startswith(b" ") for line in lines)  # long lines are folded …
    for line in lines:
        assert len(line) <= 75  # … to at most 75 octets
        line.decode("utf-8")  # … never inside a character
    assert b"VERSION:2.0" in lines and any(line.startswith(b"PRODID:") for line in lines)
    for event in events(raw):
        assert event.get("DTSTAMP") is not None
    # text values are escaped: a task with a comma comes back unchanged
    comma = next(task for w in ROADMAP.weeks for task in week_tasks(w.week) if "," in task.text["en"])
    page.goto(f"en/weeks/?start={START}")
    raw_en = download_ics(page, "en", tmp_path, "plan-en.ics")
    unfolded = raw_en.replace(b"\r\n ", b"")
    assert comma.text["en"].replace(",", "\\,").encode() in unfolded
    assert any(comma.text["en"] in str(e["DESCRIPTION"]) for e in events(raw_en))


def test_uids_are_stable_across_downloads_languages_and_paces_and_each_download_is_a_newer_sequence(page, tmp_path):
    page.goto(f"en/weeks/?start={START}")
    first = download_ics(page, "en", tmp_path, "one.ics")
    box(page, week_tasks(1)[0].id).check()
    second = download_ics(page, "en", tmp_path, "two.ics")
    page.goto(f"weeks/?start={START}&pace=12")
    third = download_ics(page, "zh", tmp_path, "three.ics")
    uids = [[str(e["UID"]) for e in events(raw)] for raw in (first, second, third)]
    assert uids[0] == uids[1] == uids[2]
    assert len(set(uids[0])) == 24
    # SEQUENCE counts the minutes since 2026 at the download: a later file always updates an earlier one
    for event in events(second):
        stamp = event.decoded("DTSTAMP")
        minutes = (stamp - dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(minutes=1)
        assert int(event["SEQUENCE"]) == minutes and event.decoded("LAST-MODIFIED") == stamp


def test_calendar_needs_a_start_date(page):
    page.goto("en/weeks/")
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.get_by_role("button", name=t("plan-tools.calendar", "en")).click()
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.calendar-none", "en"))
    expect(page.locator("#plan-start")).to_be_focused()
    assert downloads == []
