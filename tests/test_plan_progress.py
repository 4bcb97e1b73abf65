"""Task ticks in a real browser: kept across reloads, languages and pages; progress; export/reset/import."""

from __future__ import annotations

import json

import pytest
from plan_support import (
    BOX,
    INDEX,
    KEY,
    ROADMAP,
    all_task_ids,
    box,
    checked_ids,
    counted_task_ids,
    stored,
    t,
    week_tasks,
)
from playwright.sync_api import expect

from macros.data.languages import PREFIX as LANGS

FIRST, SECOND, THIRD = all_task_ids()[:3]
"""Three task ids of the plan, in page order."""

pytestmark = pytest.mark.browser


def test_tick_survives_reload_and_language_switch(page):
    page.goto("en/weeks/")
    box(page, FIRST).check()
    assert stored(page)["done"] == {FIRST: True}
    page.reload()
    expect(box(page, FIRST)).to_be_checked()
    expect(page.locator(f'li.rr-task[data-task="{FIRST}"]')).to_have_class("rr-task is-done")
    page.goto("weeks/")  # the Chinese page: same origin, same storage
    expect(box(page, FIRST)).to_be_checked()
    box(page, SECOND).check()
    box(page, FIRST).uncheck()
    page.goto("en/weeks/")
    assert checked_ids(page) == {SECOND}


@pytest.mark.parametrize("lang", LANGS)
def test_stage_and_weekly_pages_share_ticks(page, lang: str):
    stage = ROADMAP.stages[0]
    task = stage.tasks[0].id
    page.goto(f"{LANGS[lang]}stages/{stage.id}/")
    boxes = page.locator(f'{BOX}[data-task="{task}"]')
    assert boxes.count() == 2  # in the stage checklist and in its week
    boxes.first.check()
    expect(boxes.nth(1)).to_be_checked()  # the same task elsewhere on the page follows
    # the stage's own tasks count; a self-check never, its optional go-further tasks only once ticked
    ids = set(page.eval_on_selector_all(
        f"{BOX}:not([data-uncounted])",
        "els => els.filter(e => !e.closest('[data-optional]')).map(e => e.dataset.task)"))
    expect(page.locator(".rr-progress .rr-progress__count")).to_have_text(
        t("plan-js.count", lang, done=1, total=len(ids)))
    page.goto(f"{LANGS[lang]}weeks/")
    expect(box(page, task)).to_be_checked()
    assert checked_ids(page) == {task}


@pytest.mark.parametrize("lang", LANGS)
def test_progress_per_period_and_overall(page, lang: str):
    page.goto(f"{LANGS[lang]}weeks/")
    total = len(counted_task_ids())
    first = ROADMAP.periods[0]
    ids = [task.id for w in INDEX.weeks_of(first) for task in week_tasks(w.week)]
    for task_id in ids:
        box(page, task_id).check()
    counted = set(counted_task_ids())
    ids = [task_id for task_id in ids if task_id in counted]  # a self-check is ticked, not counted
    overall = page.locator(".rr-progress--all")
    expect(overall).to_be_visible()
    expect(overall.locator(".rr-progress__count")).to_have_text(t("plan-js.count", lang, done=len(ids), total=total))
    bars = page.eval_on_selector_all(
        ".rr-period .rr-progress progress", "els => els.map(e => [e.value, e.max, e.getAttribute('aria-label')])")
    assert len(bars) == len(ROADMAP.periods)
    assert bars[0] == [len(ids), len(ids), t("plan-tools.progress-of", lang, name=first.title[lang])]
    assert all(value == 0 for value, _, _ in bars[1:])
    assert sum(bar_max for _, bar_max, _ in bars) == total
    page.goto(LANGS[lang])  # the home page's card promises as many tasks as the progress counts
    expect(page.locator("[data-plan-continue]")).to_contain_text(t("home.count.tasks", lang, n=total))


def test_every_box_is_labelled_by_its_task_and_works_from_the_keyboard(page):
    page.goto("en/weeks/")
    # the name a screen reader gives each box: its label without what is hidden from it (the hours, said after it)
    labels = dict(page.eval_on_selector_all(BOX, """els => els.map(e => {
        if (e.labels.length !== 1) return [e.dataset.task, ""];
        const label = e.labels[0].cloneNode(true);
        label.querySelectorAll("[aria-hidden=true]").forEach(n => n.remove());
        return [e.dataset.task, label.textContent.trim()]; })"""))
    expected = {task.id: task.text["en"] for w in ROADMAP.weeks for task in week_tasks(w.week)}
    expected |= {task.id: task.text["en"] for stage in ROADMAP.stages for task in stage.further}
    assert labels == expected
    target = week_tasks(3)[0]
    checkbox = page.get_by_role("checkbox", name=target.text["en"], exact=True)
    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    assert stored(page)["done"] == {target.id: True}
    page.keyboard.press("Tab")  # focus moves on to the task's link: nothing traps it
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_export_reset_import_restores(page, tmp_path):
    page.goto("en/weeks/?start=2027-01-04")
    chosen = [FIRST, all_task_ids()[len(all_task_ids()) // 2], all_task_ids()[-1]]
    for task_id in chosen:
        box(page, task_id).check()
    with page.expect_download() as info:
        page.get_by_role("button", name=t("plan-tools.export", "en")).click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "llm-research-roadmap-progress" and data["version"] == 1
    assert sorted(data["done"]) == sorted(chosen) and data["start"] == "2027-01-04"
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.exported", "en", n=len(chosen)))

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=t("plan-tools.reset", "en")).click()
    assert checked_ids(page) == set()
    expect(page.locator(".rr-progress--all .rr-progress__count")).to_have_text(
        t("plan-js.count", "en", done=0, total=len(counted_task_ids())))
    page.goto("weeks/")  # restore on the Chinese page: one store for both languages
    assert checked_ids(page) == set()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=t("plan-tools.import", "zh")).click()
    chooser.value.set_files(exported)
    panel = page.locator("#plan-incoming")
    expect(panel).to_contain_text(t("plan-js.incoming-file", "zh", n=len(chosen), added=len(chosen), only=0))
    assert checked_ids(page) == set()  # nothing changes before the reader chooses
    panel.get_by_role("button", name=t("plan-tools.merge", "zh")).click()
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.merged", "zh", n=len(chosen)))
    assert checked_ids(page) == set(chosen)
    page.reload()
    assert checked_ids(page) == set(chosen)


def test_reset_asks_first(page):
    page.goto("en/weeks/")
    box(page, FIRST).check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name=t("plan-tools.reset", "en")).click()
    assert checked_ids(page) == {FIRST}


@pytest.mark.parametrize("content", [
    '{"some": "other app"}', "not json at all", '{"format": "llm-research-roadmap-progress", "version": 7}', "\x00\x01",
])
def test_import_refuses_a_file_that_is_not_ours(page, tmp_path, content: str):
    page.goto("en/weeks/")
    box(page, FIRST).check()
    other = tmp_path / "other.json"
    other.write_text(content, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=t("plan-tools.import", "en")).click()
    chooser.value.set_files(other)
    message = page.locator("#plan-message")
    expect(message).to_have_text(t("plan-js.import-bad", "en"))
    expect(message).to_have_class("rr-plan-message rr-plan-message--problem")
    assert checked_ids(page) == {FIRST}


@pytest.mark.parametrize("raw", [
    "{not json", "null", "42", '"text"', json.dumps({"version": 99, "done": {FIRST: True}}),
    '{"version": 1, "done": "oops", "start": 5}', json.dumps({"version": 1, "done": {"<script>": True, FIRST: 0}}),
])
def test_corrupted_or_unknown_storage_is_ignored(page, raw: str):
    page.goto("en/weeks/")
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    page.reload()
    assert checked_ids(page) == set()
    expect(page.locator(".rr-plan-tools__body")).to_be_visible()
    box(page, FIRST).check()  # and the page keeps working, replacing the bad value
    assert stored(page)["done"] == {FIRST: True}


def test_unreadable_storage_is_reported(page):
    page.goto("en/weeks/")
    page.evaluate("key => localStorage.setItem(key, '{not json')", KEY)
    page.reload()
    expect(page.locator("#plan-message")).to_have_text(t("plan-js.storage-bad", "en"))


def test_older_list_format_is_migrated(page):
    page.goto("en/weeks/")
    page.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify(ids))", [KEY, [FIRST, SECOND]])
    page.reload()
    assert checked_ids(page) == {FIRST, SECOND}
    box(page, THIRD).check()
    saved = stored(page)
    assert {key: saved[key] for key in ("version", "start", "done")} == {"version": 1, "start": "", "done": {
        FIRST: True, SECOND: True, THIRD: True}}
    assert saved["at"][FIRST] == saved["at"][SECOND] == 0 < saved["at"][THIRD]  # when each was decided


def test_pages_without_plan_elements_run_the_script_quietly(page):
    for path in ("", "en/", "en/courses/", "en/about/"):
        page.goto(path)  # the page fixture fails the test on any console error
    assert page.evaluate("location.search") == ""
