"""No tick is lost without the reader being told: every kind of tick travels, imports ask before they remove,
a browser that cannot save says so, and two tabs merge instead of overwriting each other."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from plan_support import INDEX, KEY, ROADMAP, box, checked_ids, monday, stored, t
from playwright.sync_api import expect

from macros.data.model import NewTask

pytestmark = pytest.mark.browser

STAGE = ROADMAP.stages[0]
ONE_OF_EACH = {
    "week task": next(task.id for w in ROADMAP.weeks for task in w.tasks if isinstance(task, NewTask)
                      and not task.self_check),
    "self-check": next((task.id for w in ROADMAP.weeks for task in w.tasks if isinstance(task, NewTask)
                        and task.self_check), None),
    "stage task": STAGE.tasks[0].id,
    "go further": next((task.id for s in ROADMAP.stages for task in s.further), None),
}
"""One task of every kind a reader can tick (a kind the data does not have is left out)."""
TICKS = {kind: task_id for kind, task_id in ONE_OF_EACH.items() if task_id}

FAILING_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


def tick_all(page, ids) -> None:
    for task_id in ids:
        box(page, task_id).check()


def test_a_progress_link_carries_a_tick_of_every_kind(open_page):
    one, other = open_page(), open_page()
    one.goto("weeks/")
    tick_all(one, TICKS.values())
    one.get_by_role("button", name=t("plan-tools.share", "zh")).click()
    link = one.locator("#plan-share-link").input_value()
    assert len(link.split("#progress=1.", 1)[1]) == 4 * len(TICKS)  # a code of four characters a tick
    other.goto("en/weeks/#" + link.split("#", 1)[1])
    other.get_by_role("button", name=t("plan-tools.merge", "en")).click()
    assert checked_ids(other) == set(TICKS.values())


def test_an_export_carries_a_tick_of_every_kind(open_page, tmp_path):
    one, other = open_page(accept_downloads=True), open_page()
    one.goto("en/weeks/")
    tick_all(one, TICKS.values())
    with one.expect_download() as info:
        one.get_by_role("button", name=t("plan-tools.export", "en")).click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    assert set(json.loads(exported.read_text(encoding="utf-8"))["done"]) == set(TICKS.values())
    other.goto("weeks/")
    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name=t("plan-tools.import", "zh")).click()
    chooser.value.set_files(exported)
    other.get_by_role("button", name=t("plan-tools.merge", "zh")).click()
    assert checked_ids(other) == set(TICKS.values())


@pytest.mark.parametrize("content", [
    {"format": "llm-research-roadmap-progress", "version": 1},
    {"format": "llm-research-roadmap-progress", "version": 1, "done": ["no-such-task-here"]},
])
def test_an_import_that_would_remove_ticks_says_so_and_asks(page, tmp_path, content: dict):
    page.goto("en/weeks/")
    tick_all(page, TICKS.values())
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(content), encoding="utf-8")
    for choice, left in (("ignore", set(TICKS.values())), ("replace", set())):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=t("plan-tools.import", "en")).click()
        chooser.value.set_files(file)
        panel = page.locator("#plan-incoming")
        n = len(content.get("done", []))
        expect(panel).to_contain_text(t("plan-js.incoming-file", "en", n=n, added=n, only=len(TICKS)))
        assert checked_ids(page) == set(TICKS.values())
        panel.get_by_role("button", name=t(f"plan-tools.{choice}", "en")).click()
        assert checked_ids(page) == left
        page.reload()
        assert checked_ids(page) == left


def test_an_oversized_import_is_refused(page, tmp_path):
    page.goto("en/weeks/")
    box(page, TICKS["stage task"]).check()
    big = tmp_path / "big.json"
    ids = [f"task-{n}" for n in range(200_000)]
    big.write_text(json.dumps({"format": "llm-research-roadmap-progress", "version": 1, "done": ids}), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=t("plan-tools.import", "en")).click()
    chooser.value.set_files(big)
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.import-large", "en"))
    expect(page.locator("#plan-incoming")).to_be_hidden()
    assert checked_ids(page) == {TICKS["stage task"]}


@pytest.mark.parametrize(("path", "notice"), [
    ("en/weeks/", "#plan-message"), (f"en/stages/{STAGE.id}/", "#plan-notice"),
])
def test_a_browser_that_cannot_save_says_so_and_keeps_the_ticks_in_the_page(open_page, path: str, notice: str):
    page = open_page()
    page.add_init_script(FAILING_STORAGE)
    page.goto(path)
    expect(page.locator(notice)).to_have_text(t("plan-js.storage-failed", "en"))
    box(page, TICKS["stage task"]).check()
    expect(box(page, TICKS["stage task"])).to_be_checked()
    expect(page.locator(".rr-progress__count").first).to_have_text(re.compile(r"^1 of "))  # counted all the same


def test_disabled_storage_is_said_too(open_page):
    page = open_page()
    page.add_init_script("Object.defineProperty(window, 'localStorage', "
                         "{get() { throw new DOMException('denied', 'SecurityError'); }});")
    page.goto("en/weeks/")
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.storage-failed", "en"))
    box(page, TICKS["stage task"]).check()
    expect(box(page, TICKS["stage task"])).to_be_checked()


def test_two_tabs_ticking_at_once_keep_both_ticks(browser, base_url):
    """Two tabs of one browser tick different tasks within the same moment: neither tick is lost, in either tab."""
    context = browser.new_context(base_url=base_url)
    try:
        tabs = [context.new_page(), context.new_page()]
        for tab in tabs:
            tab.goto("en/weeks/")
        first, second = TICKS["week task"], TICKS["stage task"]
        # both clicks at the same moment of the clock the tabs share, before either hears of the other's write
        at = tabs[0].evaluate("Date.now()") + 300
        for tab, task_id in zip(tabs, (first, second), strict=True):
            tab.evaluate("([id, at]) => setTimeout(() => document.querySelector(`input[data-task='${id}']`).click(), "
                         "at - Date.now())", [task_id, at])
        for tab in tabs:
            tab.wait_for_function("([key, ids]) => ids.every(id => (JSON.parse(localStorage.getItem(key) || '{}')"
                                  ".done || {})[id] === true)", arg=[KEY, [first, second]])
            expect(box(tab, first)).to_be_checked()
            expect(box(tab, second)).to_be_checked()
        assert set(stored(tabs[0])["done"]) == {first, second}
    finally:
        context.close()


def test_an_untick_in_one_tab_reaches_the_other(browser, base_url):
    context = browser.new_context(base_url=base_url)
    try:
        one, other = context.new_page(), context.new_page()
        one.goto("en/weeks/")
        box(one, TICKS["stage task"]).check()
        other.goto("en/weeks/")
        expect(box(other, TICKS["stage task"])).to_be_checked()
        box(one, TICKS["stage task"]).uncheck()
        expect(box(other, TICKS["stage task"])).not_to_be_checked()  # merged: the newer decision wins
        assert stored(other)["done"] == {}
    finally:
        context.close()


@pytest.mark.parametrize("far", ["9999-12-27", "0001-01-01", "1969-12-29"])
def test_a_start_date_beyond_the_calendar_files_range_is_refused(page, far: str):
    page.goto(f"en/weeks/?start={far}")
    expect(page.locator("#plan-hint")).to_have_text(t("plan-js.hint-bad", "en", value=far))
    assert page.locator("#plan-start").input_value() == ""


def test_the_home_card_and_the_plan_tools_say_the_same_week(open_page):
    """Where the reader is has one answer: the first week with a counted task open (a self-check never counts)."""
    start = monday(dt.date.today()) - dt.timedelta(weeks=3)  # this is week 4 of the plan
    page = open_page()
    page.goto(f"en/weeks/?start={start}")
    for task in INDEX.week_tasks(ROADMAP.weeks[0]):
        if not task.self_check:  # week 1 done, its self-check left open
            box(page, task.id).check()
    counted = INDEX.counted_task_ids
    open_before_now = sum(len(ids) for ids in counted[1:3])
    expect(page.locator("#plan-behind")).to_have_text(t("plan-js.behind", "en", n=open_before_now, week=2))
    page.goto("en/")
    done = len(counted[0])
    expect(page.locator("[data-plan-continue] .rr-cards__continue")).to_have_text(
        t("plan-js.continue", "en", n=2, done=done, total=sum(len(ids) for ids in counted)))
