"""Lookups derived from a validated :class:`~macros.data.model.Roadmap`.

Nothing here is stored in the data twice: which stages use a course, which
week a task falls in, what carries a topic — all are computed once here.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from macros.content.synonyms import SynonymMatcher
from macros.data.model import (
    LINKABLE,
    Course,
    NewTask,
    Paper,
    PathStep,
    Period,
    Priority,
    Resource,
    Roadmap,
    Stage,
    Step,
    Task,
    TaskRef,
    Text,
    Week,
)

Linkable = Course | Resource | Paper
AnyResource = Resource | Paper
"""A linkable record that is not a course."""


@dataclass(frozen=True)
class WeekTaskView:
    """A task as a week shows it: always with id and text, and where it came from."""

    id: str
    text: Text
    links: list[str]
    stage_task: bool
    self_check: bool = False
    """A "before you start" self-check: shown with its week, never counted in its progress."""
    step: str = ""
    """Id of the record the task starts at: a step, or a paper, resource or course."""
    how: Text | None = None
    hours: float = 0
    optional: bool = False
    """A "go further" task: shown, counted only once ticked."""

    @property
    def other_links(self) -> list[str]:
        """The task's links without the one its step already names."""
        return [link for link in self.links if link != self.step]


def task_view(task: Task | NewTask, stage_task: bool = False, optional: bool = False) -> WeekTaskView:
    """How every page shows a task: its words, its links, where it starts and how long it takes."""
    return WeekTaskView(task.id, task.text, task.links, stage_task, getattr(task, "self_check", False), task.step,
                        task.how, task.hours, optional)


@dataclass
class Usage:
    """Where a linkable record is used in the plan."""

    stages: list[Stage] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)
    path_steps: list[str] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)


def institution_key(course: Course) -> str:
    """Short, stable key of a course's institution: ``UC Berkeley (Berkeley RDI)`` → ``uc-berkeley``."""
    name = re.sub(r"[^a-z0-9]+", "-", course.institution.en.split(" (")[0].lower()).strip("-")
    return name.replace("university-of-", "").replace("-university", "").replace("university-", "")


class RoadmapIndex:
    """Derived, read-only views of one roadmap."""

    def __init__(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap

    @cached_property
    def items(self) -> dict[str, Linkable]:
        """Every record a ``links`` entry can name, by id."""
        return {item.id: item for name in LINKABLE for item in getattr(self.roadmap, name)}

    @cached_property
    def topics(self) -> dict[str, Text]:
        return {topic.id: topic.label for topic in self.roadmap.topics}

    @cached_property
    def broader(self) -> dict[str, str]:
        """Topic id → the broader topic it is within (``instruction-tuning`` → ``post-training``)."""
        return {topic.id: topic.within for topic in self.roadmap.topics if topic.within}

    @cached_property
    def narrower(self) -> dict[str, list[str]]:
        """Topic id → the topics within it, in topic order (empty for most)."""
        found: dict[str, list[str]] = {topic.id: [] for topic in self.roadmap.topics}
        for topic, broader in self.broader.items():
            found[broader].append(topic)
        return found

    def with_broader(self, topic_ids: list[str]) -> list[str]:
        """Topic ids and the broader topics they are within, each once: what a record with these tags carries."""
        return list(dict.fromkeys([*topic_ids, *(self.broader[t] for t in topic_ids if t in self.broader)]))

    @cached_property
    def institutions(self) -> dict[str, list[Course]]:
        """Courses grouped by :func:`institution_key`, in the order the data lists them."""
        groups: dict[str, list[Course]] = {}
        for course in self.roadmap.courses:
            groups.setdefault(institution_key(course), []).append(course)
        return groups

    def institution_label(self, key: str, lang: str) -> str:
        """The shortest way the data names an institution (``UC Berkeley`` over its RDI variant)."""
        return min((course.institution[lang] for course in self.institutions[key]), key=len)

    @cached_property
    def priorities(self) -> dict[str, Priority]:
        return {priority.id: priority for priority in self.roadmap.priorities}

    @cached_property
    def path_steps(self) -> dict[str, PathStep]:
        return {step.id: step for step in self.roadmap.self_study}

    @cached_property
    def stage_tasks(self) -> dict[str, tuple[Stage, Task]]:
        return {task.id: (stage, task) for stage in self.roadmap.stages for task in stage.tasks}

    @cached_property
    def periods(self) -> dict[str, Period]:
        return {period.id: period for period in self.roadmap.periods}

    @cached_property
    def stages(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.roadmap.stages}

    def week_tasks(self, week: Week) -> list[WeekTaskView]:
        """A week's tasks with stage-task references resolved."""
        return [task_view(self.stage_tasks[task.ref][1], stage_task=True) if isinstance(task, TaskRef)
                else task_view(task) for task in week.tasks]

    @cached_property
    def steps(self) -> dict[str, Step]:
        """The plan's step records, by id."""
        return {step.id: step for step in self.roadmap.steps}

    def step_target(self, step_id: str) -> Step | Linkable:
        """The record a task's ``step`` names: a step record, or a course, paper or resource."""
        return self.steps.get(step_id) or self.items[step_id]

    @cached_property
    def step_weeks(self) -> dict[str, list[int]]:
        """For each step record, the weeks whose tasks start there, in order.

        A "go further" task counts in its week, or, without one, in its stage's last week (the box follows it).
        """
        found: dict[str, list[int]] = {step.id: [] for step in self.roadmap.steps}
        further = [(task, task.week or stage.weeks.end) for stage in self.roadmap.stages for task in stage.further]
        scheduled = [(task, week.week) for week in self.roadmap.weeks for task in self.week_tasks(week)]
        for task, week_number in [*scheduled, *further]:
            if task.step in found and week_number not in found[task.step]:
                found[task.step].append(week_number)
        return {step_id: sorted(weeks) for step_id, weeks in found.items()}

    def week_hours(self, week: Week) -> float:
        """Hours of a week's counted tasks (self-checks and "go further" tasks left out)."""
        return sum(task.hours for task in self.week_tasks(week) if not task.self_check)

    def further_of_week(self, week: Week) -> list[WeekTaskView]:
        """The "go further" tasks a stage places in this week."""
        return [task_view(task, optional=True) for stage in self.roadmap.stages for task in stage.further
                if task.week == week.week]

    def optional_hours(self, week: Week) -> float:
        """Hours of the week's "go further" tasks."""
        return sum(task.hours for task in self.further_of_week(week))

    @cached_property
    def week_of_task(self) -> dict[str, int]:
        """Week number of every task id (stage tasks by their scheduled week)."""
        return {view.id: week.week for week in self.roadmap.weeks for view in self.week_tasks(week)}

    def weeks_of(self, period: Period) -> list[Week]:
        return [week for week in self.roadmap.weeks if week.period == period.id]

    def weeks_of_stage(self, stage: Stage) -> list[Week]:
        return [w for w in self.roadmap.weeks if stage.weeks.start <= w.week <= stage.weeks.end]

    def further_after(self, period: Period) -> list[Task]:
        """The stage's optional "go further" tasks, shown after the last period of that stage."""
        stage = self.stages[period.stage]
        return [task for task in stage.further if task.week is None] if self.periods_of(stage)[-1] is period else []

    @cached_property
    def additions(self) -> list[Linkable]:
        """The editors' additions, in the data's order."""
        return [item for item in self.items.values() if item.added]

    def periods_of(self, stage: Stage) -> list[Period]:
        return [period for period in self.roadmap.periods if period.stage == stage.id]

    @cached_property
    def usage(self) -> dict[str, Usage]:
        """For each linkable id, the places in the plan that name it."""
        found: dict[str, Usage] = defaultdict(Usage)

        def add(ids: list[str], attr: str, where: object) -> None:
            for item_id in ids:
                bucket = getattr(found[item_id], attr)
                if where not in bucket:
                    bucket.append(where)

        for priority in self.roadmap.priorities:
            add(priority.links, "priorities", priority.id)
        for step in self.roadmap.self_study:
            add([i for m in step.items for i in m.links], "path_steps", step.id)
        for stage in self.roadmap.stages:
            add([i for m in stage.resources for i in m.links], "stages", stage)
            tasks = [*stage.tasks, *stage.further]
            add([i for t in tasks for i in [*t.links, t.step] if i in self.items], "stages", stage)
        for period in self.roadmap.periods:
            add(period.links, "periods", period)
        for week in self.roadmap.weeks:
            add([i for t in self.week_tasks(week) for i in [*t.links, t.step] if i in self.items], "weeks", week)
        for week in self.roadmap.weeks:
            period = self.periods[week.period]
            for task in self.week_tasks(week):
                add([i for i in [*task.links, task.step] if i in self.items], "periods", period)
        return found

    def first_week(self, item_id: str) -> int | None:
        """The first week of the plan that uses a record, or ``None`` where the plan does not schedule it.

        A week whose task links it, or the start of a stage or period that does.
        """
        used = self.usage.get(item_id)
        if used is None:
            return None
        weeks = [w.week for w in used.weeks] + [s.weeks.start for s in used.stages]
        weeks += [p.weeks.start for p in used.periods]
        return min(weeks, default=None)

    @cached_property
    def by_topic(self) -> dict[str, list[Linkable]]:
        """Courses and resources carrying each topic, or a topic within it, in the data's order."""
        tagged: dict[str, list[Linkable]] = {topic.id: [] for topic in self.roadmap.topics}
        for item in self.items.values():
            for topic in self.with_broader(item.topics):
                tagged[topic].append(item)
        return tagged

    @cached_property
    def counted_task_ids(self) -> list[list[str]]:
        """Each week's tasks that count towards progress, by id: every week task but the self-checks."""
        return [[task.id for task in self.week_tasks(week) if not task.self_check] for week in self.roadmap.weeks]

    @cached_property
    def task_count(self) -> int:
        """How many tasks count towards progress."""
        return sum(len(ids) for ids in self.counted_task_ids)


    def related(self, course: Course, limit: int = 12) -> list[AnyResource]:
        """Resources sharing topics with a course, most shared topics first."""
        key = (tuple(course.topics), limit)  # the answer depends on nothing else; courses often share topics
        if key not in self._related:
            self._related[key] = self._find_related(*key)
        return self._related[key]

    @cached_property
    def _related(self) -> dict[tuple[tuple[str, ...], int], list[AnyResource]]:
        return {}

    def _find_related(self, topics: tuple[str, ...], limit: int) -> list[AnyResource]:
        shared: dict[str, int] = {}
        for topic in topics:
            for item in self.by_topic.get(topic, []):
                if not isinstance(item, Course):
                    shared[item.id] = shared.get(item.id, 0) + 1
        order = self._item_order
        best = heapq.nsmallest(limit, shared, key=lambda item_id: (-shared[item_id], order[item_id]))
        return [self.items[item_id] for item_id in best]

    @cached_property
    def _item_order(self) -> dict[str, int]:
        return {item_id: n for n, item_id in enumerate(self.items)}

    @cached_property
    def synonym_matcher(self) -> SynonymMatcher:
        """The data's synonym groups, ready to match texts."""
        return SynonymMatcher(self.roadmap.synonyms)

    @cached_property
    def corrected(self) -> list[Linkable]:
        """Every record that carries an editor's note (the fact-check list)."""
        return [item for item in self.items.values() if item.editor_note]
