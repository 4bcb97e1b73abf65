"""A week's task that comes from a stage's checklist says so with a badge that leads to that checklist."""

from __future__ import annotations

import posixpath

import pytest

from macros.data.languages import PREFIX as LANGS
from tests.search_support import roadmap


@pytest.mark.parametrize("lang", LANGS)
def test_each_stage_badge_leads_to_the_checklist_that_holds_its_task(read_page, lang):
    _, ix = roadmap()
    weeks = read_page(f"{LANGS[lang]}weeks/")
    badges = weeks.css("li.rr-task a.rr-badge--stage")
    assert len(badges) == len([t for w in ix.roadmap.weeks for t in ix.week_tasks(w) if t.stage_task])
    for badge in badges:
        task = _task_of(badge)
        stage, _ = ix.stage_tasks[task]
        page, _, fragment = badge.attributes["href"].partition("#")
        target = posixpath.normpath(posixpath.join(f"{LANGS[lang]}weeks/", page)) + "/"
        assert fragment == "tasks" and badge.attributes["title"] == stage.title[lang], badge.html
        assert read_page(target).css(f'li.rr-task[data-task="{task}"]'), (task, target)


def _task_of(node) -> str:
    """The id of the task line that holds ``node`` (the badge may sit inside the line's step)."""
    while node.tag != "li":
        node = node.parent
    return node.attributes["data-task"]
