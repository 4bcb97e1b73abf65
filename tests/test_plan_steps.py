"""Every task of the plan starts somewhere and says how long it takes: the data, and the built pages that show it.

What the tests expect comes from ``data/roadmap.yaml`` itself (the order rules that must never be undone are in
``tests/live_data.py``).
"""

from __future__ import annotations

import re

import pytest
from live_data import ASSIGNED_STEPS, ORDER, WRONG_ADDRESSES
from plan_support import INDEX, ROADMAP, squash, t

from macros.content.views import hours_text, step_label, step_view, week_load
from macros.data.languages import PREFIX as LANGS
from macros.data.model import Course, Sourced, Step


def every_task() -> list:
    """Every task a reader can tick: the weeks' own, the stages' checklists and their "go further" tasks."""
    return [*(task for week in ROADMAP.weeks for task in INDEX.week_tasks(week) if not task.stage_task),
            *(task for stage in ROADMAP.stages for task in [*stage.tasks, *stage.further])]


def place(task_id: str) -> tuple[int, int]:
    """Where the weekly plan schedules a task: (week, position in the week)."""
    for week in ROADMAP.weeks:
        for n, task in enumerate(INDEX.week_tasks(week)):
            if task.id == task_id:
                return week.week, n
    raise AssertionError(f"{task_id} is not scheduled")


def test_every_task_starts_at_an_official_address_with_its_sources_and_takes_some_hours():
    tasks = every_task()
    assert len(tasks) >= 90
    for task in tasks:
        target = INDEX.step_target(task.step)
        assert isinstance(target, Sourced) and target.sources and target.checked, task.id
        assert re.match(r"https?://", target.url or ""), (task.id, task.step)
        assert target.url.rstrip("/") not in {address.rstrip("/") for address in WRONG_ADDRESSES}, task.id
        assert 0 < task.hours <= 60, task.id


def test_every_step_record_is_used_by_a_task_and_belongs_to_what_it_names():
    used = {task.step for task in every_task()}
    assert {step.id for step in ROADMAP.steps} <= used
    for step in ROADMAP.steps:
        assert step.part_of is None or step.part_of in INDEX.items
        assert INDEX.step_weeks[step.id], f"{step.id} is used by no week"


def test_a_lecture_without_a_video_of_its_own_shows_its_courses_video_list():
    lectures = [s for s in ROADMAP.steps if s.kind == "lecture" and not s.video and s.part_of]
    assert lectures
    for step in lectures:
        parent = INDEX.items[step.part_of]
        expected = parent.videos.url if isinstance(parent, Course) else None
        assert step_view(INDEX, step.id, "en").video == expected


@pytest.mark.parametrize(("task_id", "later_id"), ORDER)
def test_the_order_fixes_hold(task_id: str, later_id: str):
    assert place(task_id) < place(later_id), f"{task_id} must come before {later_id}"


def test_the_lectures_the_plan_once_left_out_are_assigned():
    assert set(ASSIGNED_STEPS) <= {task.step for task in every_task()}


def test_the_frontier_tasks_sit_before_topic_choice_inside_their_weeks():
    topic_choice = next(p for p in ROADMAP.periods if p.id == "period-research-topic").weeks.start
    placed = [task for stage in ROADMAP.stages for task in stage.further if task.week is not None]
    assert placed and all(task.week < topic_choice for task in placed)
    assert not [task for stage in ROADMAP.stages for task in stage.further
                if task.week is None and stage.weeks.end >= topic_choice]


@pytest.mark.parametrize("lang", LANGS)
def test_each_task_on_the_weekly_page_shows_its_hours_and_first_step(read_page, lang: str):
    doc = read_page(f"{LANGS[lang]}weeks/")
    shown = 0
    for week in ROADMAP.weeks:
        section = doc.css_first(f'section.rr-week[data-week="{week.week}"]')
        tasks = [*INDEX.week_tasks(week), *INDEX.further_of_week(week)]
        for task in tasks:
            item = section.css_first(f'li.rr-task[data-task="{task.id}"]')
            assert item.css_first(".rr-task__hours").text().startswith(hours_text(task.hours, lang)), task.id
            link = item.css_first(".rr-step a")
            view = step_view(INDEX, task.step, lang)
            assert link.text() == step_label(INDEX.step_target(task.step), INDEX, lang)
            assert (link.attributes["href"].endswith(view.url.removeprefix("/")) if view.internal
                    else link.attributes["href"] == view.url), task.id
            if task.how:
                assert squash(task.how[lang]) in squash(item.css_first(".rr-step__how").text())
            shown += 1
    assert shown == len({t.id for w in ROADMAP.weeks for t in [*INDEX.week_tasks(w), *INDEX.further_of_week(w)]})


@pytest.mark.parametrize("lang", LANGS)
def test_each_week_says_its_hours_and_an_over_budget_week_says_so_in_words(read_page, lang: str):
    doc = read_page(f"{LANGS[lang]}weeks/")
    over = 0
    for week in ROADMAP.weeks:
        load = week_load(INDEX, week)
        line = doc.css_first(f'section.rr-week[data-week="{week.week}"] .rr-week__load')
        assert squash(t("week.load", lang, h=f"{load.hours:g}")) in squash(line.text())
        words = t("week.over", lang, budget=f"{load.budget:g}")
        assert (squash(words) in squash(line.text())) == load.over, week.week
        assert ("rr-week__load--over" in line.attributes["class"]) == load.over
        over += load.over
    assert over == sum(INDEX.week_hours(w) > ROADMAP.pace.hours_per_week for w in ROADMAP.weeks)


@pytest.mark.parametrize("lang", LANGS)
def test_the_steps_page_lists_every_step_with_its_weeks_and_sources(read_page, lang: str):
    doc = read_page(f"{LANGS[lang]}steps/")
    for step in ROADMAP.steps:
        entry = doc.css_first(f"li#step-{step.id}")
        assert entry.css_first("a").attributes["href"] == step.url
        text = entry.text()
        assert str(step.checked) in text
        assert all(source.url in [a.attributes.get("href") for a in entry.css("a")] for source in step.sources)
        assert bool(step.unverified) == bool(entry.css_first(".rr-unverified"))
        for week in INDEX.step_weeks[step.id]:
            assert t("plan.week", lang, n=week) in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_tasks_sources_link_leads_to_an_entry_that_exists(read_page, lang: str):
    doc = read_page(f"{LANGS[lang]}weeks/")
    for link in doc.css(".rr-step__sources"):
        page, _, anchor = link.attributes["href"].partition("#")
        target = read_page(f"{LANGS[lang]}{page.removeprefix('../')}")
        assert not anchor or target.css_first(f"[id='{anchor}']"), link.attributes["href"]


def test_step_records_are_the_only_owner_of_their_addresses():
    addresses = [step.url for step in ROADMAP.steps] + [link.url for step in ROADMAP.steps for link in step.more_links]
    assert len(addresses) == len(set(addresses))
    elsewhere = {item.url for item in INDEX.items.values() if getattr(item, "url", None)}
    assert not set(addresses) & elsewhere
    assert all(isinstance(step, Step) for step in ROADMAP.steps)
