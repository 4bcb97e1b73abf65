"""The plan on a phone (390 px): the home card, the start date, tap targets, folding past weeks, the language
switch, dark progress bars, the before-you-start self-check, the calendar hint and the 404 page's language."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from plan_support import KEY, ROADMAP, box, stored, t, week_tasks
from playwright.sync_api import expect

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def remember(page, done: list[str], start: str = "") -> None:
    state = {"version": 1, "start": start, "done": dict.fromkeys(done, True)}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(state)])


@pytest.mark.parametrize("lang", LANGS)
def test_home_card_says_what_the_plan_is_and_offers_to_continue(open_page, lang: str):
    page = open_page(**PHONE)
    page.goto(LANGS[lang])
    card = page.locator("[data-plan-continue]")
    assert t("home.start.weeks", lang, n=ROADMAP.week_count) in card.inner_text()
    assert "打印" not in card.inner_text()
    assert card.locator(".rr-cards__continue").is_hidden()
    counted = [task.id for w in ROADMAP.weeks for task in week_tasks(w.week) if not task.self_check]
    total = len(dict.fromkeys(counted))
    first_week = [task.id for task in week_tasks(1) if not task.self_check]
    remember(page, first_week)
    page.reload()
    line = card.locator(".rr-cards__continue")
    assert line.inner_text() == t("plan-js.continue", lang).format(n=2, done=len(first_week), total=total)
    assert card.get_attribute("href").endswith("#week-2")


def test_a_wednesday_becomes_its_monday_in_the_field_and_the_reader_is_told(open_page):
    page = open_page(**PHONE)
    page.goto("weeks/")
    page.fill("#plan-start", "2027-01-06")  # a Wednesday
    page.locator("#plan-start").dispatch_event("change")
    assert page.input_value("#plan-start") == "2027-01-04"
    assert stored(page)["start"] == "2027-01-04"
    assert "2027" in page.locator("#plan-message").inner_text()
    assert page.locator("#plan-message").inner_text().startswith("每周从周一开始")


def test_a_period_link_reaches_the_start_date_in_one_tap(open_page):
    page = open_page(**PHONE)
    page.goto(f"weeks/#{ROADMAP.periods[2].id}")
    page.locator(f"#{ROADMAP.periods[2].id} ~ .rr-meta .rr-to-tools").click()
    page.wait_for_timeout(300)
    assert page.locator("#plan-start").is_visible()
    assert page.evaluate("document.querySelector('#plan-start').getBoundingClientRect().top") < 844


@pytest.mark.parametrize("lang", LANGS)
def test_every_task_row_is_a_44px_tap_target_that_toggles_its_box(open_page, lang: str):
    page = open_page(**PHONE)
    page.goto(f"{LANGS[lang]}weeks/")
    heights = page.eval_on_selector_all(".rr-task__label", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44
    task = week_tasks(2)[1]
    label = page.locator(f'.rr-task[data-task="{task.id}"] .rr-task__label').first
    label.scroll_into_view_if_needed()
    bounds = label.bounding_box()
    page.mouse.click(bounds["x"] + bounds["width"] - 4, bounds["y"] + bounds["height"] - 4)  # the row's far corner
    assert box(page, task.id).is_checked()
    links = page.locator(f'.rr-task[data-task="{task.id}"] > .rr-links').first
    if links.count():
        assert links.bounding_box()["y"] >= bounds["y"] + bounds["height"] - 8  # on its own line, below


def test_past_weeks_fold_away(open_page):
    page = open_page(**PHONE)
    page.goto("weeks/")
    start = dt.date.today() - dt.timedelta(weeks=5)
    remember(page, [], start.isoformat())
    page.reload()
    fold = page.get_by_role("button", name=t("plan-tools.fold-past", "zh"))
    assert fold.is_visible()
    assert page.locator("#week-1").is_visible()
    fold.click()
    assert page.locator("#week-1").is_hidden() and page.locator("#week-10").is_visible()
    assert fold.get_attribute("aria-pressed") == "true"


def test_the_language_switch_keeps_the_week(open_page):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.goto("weeks/#week-5")
    link = page.locator("a[hreflang=en]").first
    link.dispatch_event("click")
    page.wait_for_url("**/en/weeks/#week-5")


def test_an_empty_progress_bar_looks_empty_in_dark_mode(open_page):
    page = open_page(color_scheme="dark", **PHONE)
    page.goto("weeks/")
    bar = page.locator(".rr-progress--all progress")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    background = bar.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert bar.evaluate("e => getComputedStyle(e).appearance") == "none"


def test_before_you_start_is_a_self_check_that_week_one_does_not_count(open_page):
    page = open_page(**PHONE)
    page.goto("weeks/")
    (task_id,) = [task.id for w in ROADMAP.weeks for task in week_tasks(w.week) if task.self_check]
    assert task_id in {task.id for task in week_tasks(1)}
    check = page.locator(f".rr-self-check .rr-task__box[data-task={task_id}]")
    assert check.count() == 1
    counted = len([task for task in week_tasks(1) if task.id != task_id])
    first_period = {task.id for w in ROADMAP.weeks if w.period == ROADMAP.periods[0].id for task in week_tasks(w.week)}
    count = page.locator(".rr-period").first.locator(".rr-progress__count")
    assert count.inner_text() == t("plan-js.count", "zh").format(done=0, total=len(first_period) - 1)
    check.check()
    assert stored(page)["done"] == {task_id: True}  # its tick is kept under its own id …
    assert count.inner_text() == t("plan-js.count", "zh").format(done=0, total=len(first_period) - 1)  # … uncounted
    assert counted >= 3


def test_after_the_calendar_download_the_reader_is_told_how_to_import_it(open_page):
    page = open_page(accept_downloads=True, **PHONE)
    page.goto("en/weeks/?start=2027-01-04")
    with page.expect_download():
        page.get_by_role("button", name=t("plan-tools.calendar", "en")).click()
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.calendar-done", "en"))
    # the advice names Apple's, Microsoft's and Android phones' calendars, not only Google's (blocked in China)
    help_box = page.locator(".rr-plan-help")
    help_box.locator("summary").click()
    items = help_box.locator("li")
    expect(items).to_have_count(5)
    for n, key in enumerate(("apple", "outlook", "android", "google", "update")):
        expect(items.nth(n)).to_have_text(t(f"plan-tools.calendar-{key}", "en"))
        expect(items.nth(n)).to_be_visible()


def test_the_chinese_404_page_is_in_chinese(read_page):
    for lang, word in (("zh", "找不到"), ("en", "not found")):
        doc = read_page(f"{LANGS[lang]}404.html")
        assert word in doc.css_first("article h1").text()
        assert "Not found" not in doc.css_first("article").text() or lang == "en"


@pytest.mark.parametrize("target", [ROADMAP.periods[2].id, "week-14"])
def test_a_link_into_the_weekly_plan_lands_on_its_target_once_the_dates_are_written(open_page, target: str):
    page = open_page(**PHONE)
    page.goto("weeks/")
    remember(page, [week_tasks(1)[1].id], "2026-10-05")  # dates and progress are written after the page shows
    page.goto("plan/")
    page.goto(f"weeks/#{target}")
    page.wait_for_timeout(500)
    top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
    assert 0 <= top < 150, top
