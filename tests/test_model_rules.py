"""Rules the model enforces by its types: ids, dates, week tasks, the week count. Small inline files."""

from __future__ import annotations

import datetime

import pytest

from macros.data.loader import RoadmapError, parse
from macros.data.model import NewTask, TaskRef

MINIMAL = """\
meta:
  title: {zh: 标题, en: Title}
  tagline: {zh: 口号, en: Tagline}
  intro: {zh: 介绍, en: Intro}
  audience: {zh: 读者, en: Readers}
  source: {zh: 来源, en: Source}
  source_date: "2024-12-31"
  source_updated: "2025-06-28"
  courses_intro: {zh: 课程, en: Courses}
  community_intro: {zh: 社区, en: Community}
  approach_note: {zh: 注, en: Note}
topics:
  - id: nlp
    label: {zh: 自然语言处理, en: NLP}
priorities:
  - id: p1
    text: {zh: 第一, en: First}
approach:
  - id: read
    title: {zh: 读, en: Read}
    detail: {zh: 读论文, en: Read papers}
courses:
  - id: cs224n
    code: CS224N
    title: {zh: 自然语言处理, en: NLP with deep learning}
    institution: {zh: 斯坦福, en: Stanford}
    offering: {zh: 2024 冬, en: Winter 2024}
    url: https://example.org/cs224n/
    videos: {access: public}
    description: {zh: 描述, en: Description}
    topics: [nlp]
    level: intro
    sources: [{url: https://example.org/cs224n/}]
    checked: 2026-11-30
self_study: []
resources: []
books: []
community: []
periods:
  - id: period-one
    title: {zh: 一, en: One}
    weeks: {start: 1, end: 2}
    stage: stage-one
    content: {zh: 内容, en: Content}
    main_tasks: {zh: 任务, en: Tasks}
stages:
  - id: stage-one
    title: {zh: 阶段一, en: Stage one}
    weeks: {start: 1, end: 2}
    goal: {zh: 目标, en: Goal}
    tasks:
      - id: s1-read
        text: {zh: 读, en: Read}
        step: cs224n
        hours: 1
weeks:
  - week: 1
    period: period-one
    focus: {zh: 开始, en: Start}
    tasks:
      - ref: s1-read
  - week: 2
    period: period-one
    focus: {zh: 继续, en: Go on}
    tasks:
      - id: w2-write
        text: {zh: 写, en: Write}
        links: [cs224n]
        step: cs224n
        hours: 2
directions: []
people: []
"""


def load(text: str = MINIMAL):
    return parse(text.encode("utf-8"), "r.yaml")


def errors(text: str) -> list[str]:
    with pytest.raises(RoadmapError) as caught:
        load(text)
    return [str(error) for error in caught.value.errors]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line that contains ``needle`` (or is ``needle``, for a top-level key)."""
    lines = text.splitlines()
    exact = [n for n, line in enumerate(lines, start=1) if line == needle]
    return exact[0] if exact else next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_the_minimal_file_loads():
    roadmap = load()
    assert roadmap.week_count == 2
    assert [type(t) for w in roadmap.weeks for t in w.tasks] == [TaskRef, NewTask]


@pytest.mark.parametrize("bad", ["cs.224n", "CS224N", "cs224n-", "-cs224n", "cs--224n", "cs_224n", "cs 224n"])
def test_an_id_is_lowercase_words_joined_by_single_hyphens(bad: str):
    text = MINIMAL.replace("  - id: cs224n\n", f"  - id: '{bad}'\n").replace("links: [cs224n]", f"links: ['{bad}']")
    assert f"r.yaml:{line_of(MINIMAL, '- id: cs224n')}: courses[0].id: {bad!r} is not a valid id " \
           "(lowercase letters, digits and single hyphens, e.g. 'cs224n' or 'mit-6861')" in errors(text)


def test_dates_load_quoted_or_not():
    roadmap = load(MINIMAL.replace('source_date: "2024-12-31"', "source_date: 2024-12-31"))
    assert roadmap.meta.source_date == datetime.date(2024, 12, 31)
    assert roadmap.meta.source_updated == datetime.date(2025, 6, 28)


@pytest.mark.parametrize(("bad", "shown"), [
    ("2024-13-45", "'2024-13-45'"), ("2024-12-31x", "'2024-12-31x'"), ("soon", "'soon'"),
    ("20241231", "20241231"),  # a number is not seconds since 1970 here
])
def test_a_bad_date_is_a_line_not_a_crash(bad: str, shown: str):
    text = MINIMAL.replace('source_date: "2024-12-31"', f"source_date: {bad}")
    assert errors(text) == [
        f"r.yaml:{line_of(MINIMAL, 'source_date')}: meta.source_date: {shown} is not a date (YYYY-MM-DD)"
    ]


def test_a_task_is_either_a_reference_or_a_new_task():
    with_both = MINIMAL.replace("      - ref: s1-read\n", "      - ref: s1-read\n        id: w1-extra\n")
    ref_line = line_of(MINIMAL, "- ref: s1-read")
    assert errors(with_both) == [f"r.yaml:{ref_line + 1}: weeks[0].tasks[0].id: unknown field"]
    no_id = MINIMAL.replace("      - id: w2-write\n        text:", "      - text:")
    assert errors(no_id) == [f"r.yaml:{line_of(MINIMAL, '- id: w2-write')}: weeks[1].tasks[0].id: "
                             "required field is missing"]
    unknown = MINIMAL.replace("- ref: s1-read", "- ref: s1-nothing")
    assert f"r.yaml:{ref_line}: weeks[0].tasks[0].ref: unknown stage task 's1-nothing'" in errors(unknown)


def test_a_task_that_is_not_a_mapping_says_what_a_task_is():
    text = MINIMAL.replace("      - ref: s1-read\n", "      - read the book\n")
    assert errors(text) == [f"r.yaml:{line_of(MINIMAL, '- ref: s1-read')}: weeks[0].tasks[0]: a week task is either "
                            "'ref: <stage task id>' or 'id', 'text' and 'links' (got 'read the book')"]


WEEK_3 = """\
  - week: 3
    period: period-one
    focus: {zh: 第三周, en: Third}
    tasks:
      - id: w3-more
        text: {zh: 多, en: More}
        step: cs224n
        hours: 1
"""


def test_the_week_count_comes_from_the_periods():
    longer = MINIMAL.replace("weeks: {start: 1, end: 2}\n    stage:", "weeks: {start: 1, end: 3}\n    stage:")
    assert errors(longer) == [f"r.yaml:{line_of(MINIMAL, 'weeks:') + 1}: weeks: missing weeks: 3"]
    roadmap = load(longer.replace("directions: []\n", WEEK_3 + "directions: []\n"))
    assert roadmap.week_count == 3 and [w.week for w in roadmap.weeks] == [1, 2, 3]


def test_a_week_after_the_last_period_is_named():
    text = MINIMAL.replace("  - week: 2\n", "  - week: 3\n")
    assert f"r.yaml:{line_of(MINIMAL, '  - week: 2')}: weeks[1].week: week 3 is after the plan's last week " \
           "(2, from the periods)" in errors(text)
