"""Typed model of ``data/roadmap.yaml``: every record the site is built from.

The model knows nothing about MkDocs or HTML. Field-level rules live on the
types; rules that span records (ids, references, weeks) live in
:func:`cross_check`, which returns problems instead of raising so that a
bad file reports everything at once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from macros.data.addresses import address_problem
from macros.data.languages import CODES

Location = tuple[str | int, ...]
"""Where a value is in the data, e.g. ``("courses", 3, "url")`` (not a file path)."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""What an id is: lowercase letters and digits in words joined by single hyphens (``cs224n``, ``week-1``).

Ids are storage keys (a reader's ticks are kept by task id), so the plan script drops stored ids that do
not match: it receives this same pattern in the plan's settings."""
ID_RULE = "lowercase letters, digits and single hyphens, e.g. 'cs224n' or 'mit-6861'"
"""The pattern in words, for error messages."""

SHARE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def share_code(task_id: str) -> str:
    """A task's code in a progress link: 24 bits of the FNV-1a hash of its id, as 4 base64url characters.

    Codes follow from the ids alone, so links shared before a data change still name the same tasks; the data
    check refuses two tasks with one code (:func:`cross_check`).
    """
    h = 0x811C9DC5
    for byte in task_id.encode():
        h = ((h ^ byte) * 0x1000193) & 0xFFFFFFFF
    return "".join(SHARE_ALPHABET[(h >> shift) & 63] for shift in (18, 12, 6, 0))

_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
"""Characters no page, feed or file may carry: controls (tab and newline aside), lone surrogates, non-characters,
and the bidirectional overrides and isolates that make text read other than it is stored."""


def _writable(value: str) -> str:
    found = _UNWRITABLE.search(value)
    if found:
        raise ValueError(f"contains the character U+{ord(found[0]):04X}, which pages and feeds cannot carry "
                         f"(at position {found.start() + 1})")
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\t" in value:
        raise ValueError("must be one line (it becomes a title, a heading or a link)")
    return value


Str = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_writable)]
Line = Annotated[Str, AfterValidator(_one_line)]
"""A one-line string: a name, a code, a title."""
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description=f"Stable, language-independent id: {ID_RULE}."),
]


def _http_url(value: str) -> str:
    problem = address_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Url = Annotated[str, AfterValidator(_http_url), Field(description="Absolute http:// or https:// address.")]


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` (quoted or not) or a date: no number read as seconds since 1970."""
    if isinstance(value, datetime.date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return value
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


def _not_future(value: datetime.date) -> datetime.date:
    """No date after tomorrow (a day's grace for time zones): a future date would top the news and never go stale."""
    latest = datetime.date.today() + datetime.timedelta(days=1)
    if value > latest:
        raise ValueError(f"{value.isoformat()} is in the future (today is {datetime.date.today().isoformat()})")
    return value


Date = Annotated[datetime.date, BeforeValidator(_iso_date), AfterValidator(_not_future)]


class Record(BaseModel):
    """Base of every record: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Record):
    """A human-readable string in both languages."""

    zh: Str = Field(description="Chinese (keeps the roadmap's wording).")
    en: Str = Field(description="English.")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Title(Text):
    """A one-line text in both languages: a title, a label, a name (it becomes a heading, a link or a page title)."""

    zh: Line = Field(description="Chinese, one line.")
    en: Line = Field(description="English, one line.")


class Level(StrEnum):
    intro = "intro"
    intermediate = "intermediate"
    advanced = "advanced"


class Link(Record):
    """An extra address shown with an item (a mirror, a later offering, a playlist)."""

    label: Title
    url: Url


class Meta(Record):
    title: Title
    tagline: Text
    intro: Text
    audience: Text
    source: Text = Field(description="Where the roadmap comes from.")
    source_url: Url | None = Field(default=None, description="Address of the original roadmap, where public.")
    source_date: Date = Field(description="Date of the original roadmap (YYYY-MM-DD).")
    source_updated: Date = Field(description="Last modification of the original roadmap (YYYY-MM-DD).")
    courses_intro: Text = Field(description="The roadmap's heading of its course list.")
    community_intro: Text = Field(description="The roadmap's heading of what else to follow.")
    approach_note: Text = Field(description="Note under the four-phase approach.")


class Source(Record):
    """An address a record's facts were checked against."""

    url: Url
    label: Title | None = Field(default=None, description="What the page is, e.g. 'the official course page'.")


class Addition(Record):
    """Marks a record as the editors' addition, not the roadmap's own: when it was added, and why."""

    date: Date
    why: Text = Field(description="One sentence: what a learner gets from it that the roadmap lacks.")


class Change(Record):
    """A dated change to a record's facts, for the "What's new" page and the feed."""

    date: Date
    what: Text


class Sourced(Record):
    """A record that states facts: where they come from, when they were checked, what stays unconfirmed."""

    sources: list[Source] = Field(min_length=1, description="Pages the facts were checked against.")
    checked: Date = Field(description="When the facts were last checked against the sources (YYYY-MM-DD).")
    unverified: Text | None = Field(default=None, description="What could not be confirmed, and why.")
    added: Addition | None = Field(
        default=None, description="Set on the editors' additions, absent on the roadmap's own.",
    )
    changes: list[Change] = Field(default=[], description="Dated changes to the facts, newest last.")


class Topic(Record):
    id: Id
    label: Title
    within: Id | None = Field(
        default=None,
        description="The broader topic this one belongs to (post-training holds instruction tuning): what carries "
                    "this topic carries the broader one too. One level: the broader topic is within none.",
    )


class TopicSource(Record):
    """A page that shows what a course teaches (its schedule, its list of contents), and the topics it shows.

    Every topic tag of a course comes from one of these pages.
    """

    url: Url
    label: Title = Field(description="What the page is, e.g. 'the Spring 2025 schedule'.")
    topics: list[Id] = Field(min_length=1, description="The course's topics this page shows lectures or contents on.")
    checked: Date = Field(description="When the topics were checked against the page (YYYY-MM-DD).")


class Mention(Record):
    """A line that names things: optional wording plus links to records by id."""

    text: Text | None = None
    links: list[Id] = []


class Priority(Record):
    id: Id
    text: Text
    links: list[Id] = []


class Phase(Record):
    """One of the four phases of the overall approach (总体思路)."""

    id: Id
    title: Title
    detail: Text


class Videos(Record):
    access: Literal["public", "login", "unknown"] = Field(
        description="Whether the lectures can be watched by anyone, need a login, or could not be confirmed.",
    )
    url: Url | None = None
    note: Text | None = None


class Assignments(Record):
    """A course's assignments: who can get them, and where they live."""

    access: Literal["public", "login", "none", "unknown"] = Field(
        description="Anyone can get them, only enrolled students, the course has none, or it could not be confirmed.",
    )
    url: Url | None = Field(default=None, description="Where they live (the course site, a repository).")
    note: Text | None = None


Language = Literal["en", "zh"]
"""A language of instruction, as an ISO 639-1 code (``language.<code>`` in ``macros/content/ui/site.yaml`` names it)."""


class Course(Sourced):
    id: Id
    code: Line = Field(description="Course number as the institution writes it, e.g. CS224N.")
    aliases: list[Str] = Field(default=[], description="Other ways people type the code, for search.")
    title: Title
    institution: Title
    offering: Title = Field(description="Term or offering the entry describes.")
    instructors: list[Str] = []
    instructors_note: Text | None = Field(default=None, description="Shown instead of or after the names.")
    url: Url
    videos: Videos
    description: Text = Field(description="What the roadmap says about the course (特点).")
    topics: list[Id] = []
    topic_sources: list[TopicSource] = Field(
        default=[], description="Where the topics come from: every topic is shown by one of these pages (without "
                                 "them, the course page says the topics are not checked).",
    )
    level: Level = Field(description="The editors' judgment of how advanced the course is, not an official rating.")
    more_links: list[Link] = []
    editor_note: Text | None = Field(default=None, description="What the roadmap originally said, where corrected.")
    prerequisites: Text | None = Field(
        default=None, description="What the official page asks a learner to know first; absent: not confirmed.",
    )
    workload: Text | None = Field(
        default=None, description="Units and weekly workload as the official page states them; absent: not confirmed.",
    )
    assignments: Assignments = Field(
        default=Assignments(access="unknown"), description="Who can get the assignments, and where.",
    )
    language: Language | None = Field(default=None, description="Language of instruction; absent: not confirmed.")


ResourceKind = Literal["article", "video", "course", "book", "tool", "repo", "site", "tutorial"]
ArxivId = Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{4,5}$"), Field(description="e.g. 2203.02155")]


class Resource(Sourced):
    """A resource that is not a paper: an article, video, course, book, tool, repository, site or tutorial."""

    id: Id
    kind: ResourceKind
    title: Title
    authors: Str | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Url | None = None
    note: Text | None = None
    topics: list[Id] = []
    status: Literal["active", "archived", "unverified"] = "active"
    more_links: list[Link] = []
    editor_note: Text | None = None


class Paper(Sourced):
    """A paper or technical report: who wrote it, when, where it appeared, and its address."""

    id: Id
    kind: Literal["paper"]
    title: Title = Field(description="The paper's own title in `en`; `zh` may add a Chinese gloss.")
    authors: list[Str] = Field(min_length=1, description="As the paper lists them; long lists end with 'et al.'.")
    year: int = Field(ge=1900, le=2100)
    venue: Str | None = Field(default=None, description="Where it was published, e.g. 'NeurIPS 2022'.")
    venue_kind: Literal["conference", "journal", "report"] | None = Field(
        default=None, description="What the venue is, for citations: a conference, a journal, or the institution "
                                  "that published the report; absent: a conference.",
    )
    arxiv: ArxivId | None = None
    url: Url
    note: Text | None = None
    topics: list[Id] = []
    status: Literal["active", "archived", "unverified"] = "active"
    more_links: list[Link] = []
    editor_note: Text | None = None

    @model_validator(mode="after")
    def _venue_or_arxiv(self) -> Paper:
        if not self.venue and not self.arxiv:
            raise ValueError("a paper needs a venue or an arxiv id")
        return self

    @model_validator(mode="after")
    def _venue_kind_needs_venue(self) -> Paper:
        if self.venue_kind and not self.venue:
            raise ValueError("venue_kind says what the venue is: set venue too")
        return self


def _resource_kind(value: Any) -> str:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return "paper" if kind == "paper" else "resource"


AnyResource = Annotated[
    Annotated[Paper, Tag("paper")] | Annotated[Resource, Tag("resource")],
    Discriminator(_resource_kind),
]
"""A linkable resource: a typed paper, or any other kind."""


Hours = Annotated[float, Field(gt=0, le=60, description="Estimated hours of work, e.g. 2.5.")]
"""How long a task takes a learner, in hours: the editors' estimate."""

StepKind = Literal["lecture", "notes", "chapter", "section", "code", "docs", "guide", "list"]


class Step(Sourced):
    """Where a task starts: one lecture, chapter, section, notebook, page of documentation, guide or list of papers.

    Tasks name it by id in ``step`` (a task may also start at a paper, resource or course by its id); one
    record owns each address, however many tasks start there.
    """

    id: Id
    kind: StepKind
    part_of: Id | None = Field(
        default=None, description="The course, resource, book or community entry it belongs to, by id.",
    )
    number: Line | None = Field(default=None, description="Its number as its source numbers it: '8' (lecture), '11.4'.")
    title: Title = Field(description="Its own title in `en`; `zh` may add a Chinese gloss.")
    url: Url = Field(description="Where to start: the lecture's materials, the chapter, the page.")
    video: Url | None = Field(default=None, description="The lecture's video (or the playlist that holds it).")
    slides: Url | None = Field(default=None, description="The lecture's slides, where they are a separate file.")
    note: Text | None = Field(default=None, description="What the learner finds there, in one sentence.")
    more_links: list[Link] = []


class Pace(Record):
    """The plan's default pace: how many hours a week its own length assumes, and the other lengths on offer."""

    hours_per_week: Hours = Field(description="The weekly budget the plan's own number of weeks assumes.")
    weeks: list[Annotated[int, Field(ge=1, le=104)]] = Field(
        min_length=1, description="Plan lengths, in weeks, a reader may pick (the plan's own length among them).",
    )
    note: Text = Field(description="Where the estimate comes from, for the readers.")


class PathStep(Record):
    """A row of the self-study path."""

    id: Id
    title: Title
    items: list[Mention] = Field(min_length=1)


MAX_WEEKS = 520
"""The longest plan the model accepts (ten years): a bound, so that a typo cannot ask for a billion weeks."""


class Weeks(Record):
    start: int = Field(ge=1, le=MAX_WEEKS)
    end: int = Field(ge=1, le=MAX_WEEKS)


class Period(Record):
    """A row of the plan overview: a run of weeks."""

    id: Id
    title: Title
    weeks: Weeks
    stage: Id
    content: Text
    main_tasks: Text
    links: list[Id] = []


class Task(Record):
    id: Id
    text: Text
    links: list[Id] = []
    step: Id = Field(description="Where the task starts: a step, or a paper, resource or course, by id.")
    how: Text | None = Field(default=None, description="How to take that first step: which part, how to choose.")
    hours: Hours
    week: int | None = Field(
        default=None, ge=1,
        description="For a 'go further' task: the week whose box shows it; absent: after the stage's last period.",
    )


class Stage(Record):
    id: Id
    title: Title
    weeks: Weeks
    goal: Text
    resources: list[Mention] = []
    directions: list[Id] = Field(default=[], description="Research directions the stage turns to, by id.")
    tasks: list[Task] = Field(min_length=1)
    further: list[Task] = Field(
        default=[], description="Optional 'go further' tasks (the editors' additions); they never count until ticked.",
    )


class NewTask(Record):
    """A task of a week that belongs to the week only."""

    id: Id
    text: Text
    links: list[Id] = []
    self_check: bool = Field(
        default=False, description="A check before the plan starts ('before you start'): shown, never counted.",
    )
    step: Id = Field(description="Where the task starts: a step, or a paper, resource or course, by id.")
    how: Text | None = Field(default=None, description="How to take that first step: which part, how to choose.")
    hours: Hours

    @property
    def ref(self) -> None:
        """A new task refers to no stage task."""
        return None


class TaskRef(Record):
    """A task of a week that schedules a stage's task, by its id."""

    ref: Id = Field(description="Id of a stage task.")


def _task_kind(value: Any) -> str | None:
    """Which kind of week task ``value`` is: one with ``ref`` is a :class:`TaskRef`; not a mapping: neither."""
    if isinstance(value, dict):
        return "task-ref" if "ref" in value else "new-task"
    if isinstance(value, TaskRef | NewTask):
        return "task-ref" if isinstance(value, TaskRef) else "new-task"
    return None


WEEK_TASK_ERROR = "week_task"
"""Error type of a week task that is not a mapping."""

WeekTask = Annotated[
    Annotated[NewTask, Tag("new-task")] | Annotated[TaskRef, Tag("task-ref")],
    Discriminator(
        _task_kind,
        custom_error_type=WEEK_TASK_ERROR,
        custom_error_message="a week task is either 'ref: <stage task id>' or 'id', 'text' and 'links'",
    ),
]
"""A task of a week: either new (``id``, ``text``, ``links``) or a stage task by ``ref``."""

UNION_TAGS = frozenset({"new-task", "task-ref", "paper", "resource"})
"""Tags of the model's unions: pydantic puts them in an error's location, where the data has no such key."""


def location_in_data(error_location: tuple[str | int, ...]) -> Location:
    """Where a validation error is in the data: pydantic's ``loc`` without the union tags it adds."""
    return tuple(part for part in error_location if part not in UNION_TAGS)


class Week(Record):
    week: int = Field(ge=1, le=MAX_WEEKS, description="Week number; the periods say how many weeks the plan has.")
    period: Id
    focus: Title
    tasks: list[WeekTask] = Field(min_length=1)


class Direction(Record):
    id: Id
    title: Title
    question: Text
    examples: list[Text] = []
    topics: list[Id] = []
    links: list[Id] = []


class Person(Sourced):
    id: Id
    kind: Literal["person", "lab"]
    name: Line
    affiliation: Text | None = None
    focus: Text
    url: Url


class Term(Record):
    """A glossary entry: the one way each language writes a term, and the spellings to avoid."""

    id: Id
    zh: Str | None = Field(default=None, description="How Chinese text writes the term.")
    en: Str | None = Field(default=None, description="How English text writes the term.")
    avoid_zh: list[Str] = Field(default=[], description="Spellings Chinese text must not use.")
    avoid_en: list[Str] = Field(default=[], description="Spellings English text must not use.")


class Synonyms(Record):
    """Words that name the same thing, in both languages: searching for any of them finds pages with any other.

    The search index and the course finder's keyword box read these groups (``macros/outputs/search_text.py``).
    """

    id: Id
    zh: list[Str] = Field(min_length=1, description="The Chinese words, e.g. 微调.")
    en: list[Str] = Field(min_length=1, description="The English words and abbreviations, e.g. fine-tuning.")
    topic: Id | None = Field(
        default=None,
        description="The topic these words belong to (reward model: RLHF): the course finder finds that topic's "
                    "courses by them.",
    )

    @property
    def terms(self) -> list[str]:
        """Every word of the group, Chinese first."""
        return [*self.zh, *self.en]


class Roadmap(Record):
    """The whole file."""

    meta: Meta
    topics: list[Topic]
    priorities: list[Priority] = Field(min_length=1)
    approach: list[Phase] = Field(min_length=1)
    courses: list[Course] = Field(min_length=1)
    self_study: list[PathStep]
    resources: list[AnyResource]
    books: list[AnyResource]
    community: list[AnyResource]
    periods: list[Period] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    weeks: list[Week] = Field(min_length=1)
    directions: list[Direction]
    people: list[Person]
    glossary: list[Term] = []
    synonyms: list[Synonyms] = Field(default=[], description="Groups of words a search treats as one.")
    steps: list[Step] = Field(default=[], description="Where tasks start: lectures, chapters, guides, paper lists.")
    pace: Pace | None = Field(default=None, description="The plan's weekly budget and the lengths a reader may pick.")

    @property
    def week_count(self) -> int:
        """How many weeks the plan has: the last period's end."""
        return max(period.weeks.end for period in self.periods)


# --- checks that span records -------------------------------------------------

Problem = tuple[Location, str]
"""A problem found by :func:`cross_check`: where, and what."""

LINKABLE = ("courses", "resources", "books", "community")
"""Lists whose records can be named in ``links``."""


def _ids(data: Roadmap) -> Iterator[tuple[Location, str]]:
    for name in ("topics", "priorities", "approach", *LINKABLE, "self_study", "periods", "stages",
                 "directions", "people", "steps"):
        for i, item in enumerate(getattr(data, name)):
            yield (name, i, "id"), item.id
    yield from task_ids(data)


def task_ids(data: Roadmap) -> Iterator[tuple[Location, str]]:
    """Every task a reader can tick, with its place: stage tasks, "go further" tasks and the weeks' own tasks."""
    for s, stage in enumerate(data.stages):
        for t, task in enumerate(stage.tasks):
            yield ("stages", s, "tasks", t, "id"), task.id
        for t, task in enumerate(stage.further):
            yield ("stages", s, "further", t, "id"), task.id
    for w, week in enumerate(data.weeks):
        for t, task in enumerate(week.tasks):
            if isinstance(task, NewTask):
                yield ("weeks", w, "tasks", t, "id"), task.id


def _check_share_codes(data: Roadmap) -> Iterator[Problem]:
    """No two tasks share a progress-link code: a link ticking one would tick both."""
    seen: dict[str, tuple[Location, str]] = {}
    for path, task_id in task_ids(data):
        code = share_code(task_id)
        first = seen.setdefault(code, (path, task_id))
        if first[1] != task_id:
            yield path, (f"task id {task_id!r} has the progress-link code {code!r} of task {first[1]!r} "
                         f"({'.'.join(map(str, first[0]))}): choose another id")


def _check_ids(data: Roadmap) -> Iterator[Problem]:
    seen: dict[str, Location] = {}
    for path, value in _ids(data):
        if value in seen:
            first = ".".join(map(str, seen[value]))
            yield path, f"duplicate id {value!r} (first used at {first})"
        else:
            seen[value] = path


def _check_refs(data: Roadmap) -> Iterator[Problem]:
    linkable = {item.id for name in LINKABLE for item in getattr(data, name)}
    topics = {t.id for t in data.topics}
    stages = {s.id for s in data.stages}
    periods = {p.id for p in data.periods}
    stage_tasks = {t.id for s in data.stages for t in s.tasks}

    def refs(path: Location, values: list[str], known: set[str], what: str) -> Iterator[Problem]:
        for i, value in enumerate(values):
            if value not in known:
                yield (*path, i), f"unknown {what} {value!r}"

    for name in ("courses", "resources", "books", "community", "directions"):
        for i, item in enumerate(getattr(data, name)):
            yield from refs((name, i, "topics"), item.topics, topics, "topic")
    for name in ("priorities", "periods", "directions"):
        for i, item in enumerate(getattr(data, name)):
            yield from refs((name, i, "links"), item.links, linkable, "link target")
    for s, step in enumerate(data.self_study):
        for m, mention in enumerate(step.items):
            yield from refs(("self_study", s, "items", m, "links"), mention.links, linkable, "link target")
    for s, stage in enumerate(data.stages):
        for m, mention in enumerate(stage.resources):
            yield from refs(("stages", s, "resources", m, "links"), mention.links, linkable, "link target")
        for t, task in enumerate(stage.tasks):
            yield from refs(("stages", s, "tasks", t, "links"), task.links, linkable, "link target")
        for t, task in enumerate(stage.further):
            yield from refs(("stages", s, "further", t, "links"), task.links, linkable, "link target")
        yield from refs(("stages", s, "directions"), stage.directions, {d.id for d in data.directions}, "direction")
    for p, period in enumerate(data.periods):
        if period.stage not in stages:
            yield ("periods", p, "stage"), f"unknown stage {period.stage!r}"
    for w, week in enumerate(data.weeks):
        if week.period not in periods:
            yield ("weeks", w, "period"), f"unknown period {week.period!r}"
        for t, task in enumerate(week.tasks):
            path = ("weeks", w, "tasks", t)
            if isinstance(task, TaskRef):
                if task.ref not in stage_tasks:
                    yield (*path, "ref"), f"unknown stage task {task.ref!r}"
            else:
                yield from refs((*path, "links"), task.links, linkable, "link target")


def _check_weeks(data: Roadmap) -> Iterator[Problem]:
    expected = 1
    for p, period in enumerate(data.periods):
        if period.weeks.start != expected:
            yield ("periods", p, "weeks", "start"), f"period starts at week {period.weeks.start}, expected {expected}"
        if period.weeks.end < period.weeks.start:
            yield ("periods", p, "weeks", "end"), "period ends before it starts"
        expected = max(period.weeks.end, period.weeks.start) + 1
    total = expected - 1
    for s, stage in enumerate(data.stages):
        if not 1 <= stage.weeks.start <= stage.weeks.end <= total:
            yield ("stages", s, "weeks"), f"weeks {stage.weeks.start}-{stage.weeks.end} are not within 1-{total}"
    ranges = {p.id: p.weeks for p in data.periods}
    seen: set[int] = set()
    for w, week in enumerate(data.weeks):
        if week.week in seen:
            yield ("weeks", w, "week"), f"week {week.week} is listed twice"
        seen.add(week.week)
        if week.week > total:
            yield ("weeks", w, "week"), f"week {week.week} is after the plan's last week ({total}, from the periods)"
            continue
        span = ranges.get(week.period)
        if span and not span.start <= week.week <= span.end:
            yield ("weeks", w, "week"), (
                f"week {week.week} is outside its period {week.period!r} ({span.start}-{span.end})"
            )
    missing = sorted(set(range(1, total + 1)) - seen)
    if missing:
        yield ("weeks",), "missing weeks: " + ", ".join(map(str, missing))
    scheduled = {t.ref for w in data.weeks for t in w.tasks if isinstance(t, TaskRef)}
    for s, stage in enumerate(data.stages):
        for t, task in enumerate(stage.tasks):
            if task.id not in scheduled:
                yield ("stages", s, "tasks", t, "id"), f"stage task {task.id!r} is not scheduled in any week"


def _check_synonyms(data: Roadmap) -> Iterator[Problem]:
    """Synonym groups have their own ids (a group may share a topic's id), and a word belongs to one group."""
    ids: set[str] = set()
    groups: dict[str, str] = {}
    for g, group in enumerate(data.synonyms):
        if group.id in ids:
            yield ("synonyms", g, "id"), f"duplicate synonym group {group.id!r}"
        ids.add(group.id)
        for lang in CODES:
            for t, term in enumerate(getattr(group, lang)):
                first = groups.setdefault(term.casefold(), group.id)
                if first != group.id:
                    yield ("synonyms", g, lang, t), f"{term!r} is already in synonym group {first!r}"


def _check_steps(data: Roadmap) -> Iterator[Problem]:
    """Steps that exist and are used, 'go further' weeks inside their stage, a pace offering the plan's length."""
    linkable = {item.id for name in LINKABLE for item in getattr(data, name)}
    startable = linkable | {step.id for step in data.steps}
    for s, step in enumerate(data.steps):
        if step.part_of is not None and step.part_of not in linkable:
            yield ("steps", s, "part_of"), f"unknown record {step.part_of!r}"
    for s, stage in enumerate(data.stages):
        for kind in ("tasks", "further"):
            for t, task in enumerate(getattr(stage, kind)):
                path = ("stages", s, kind, t)
                if task.step not in startable:
                    yield (*path, "step"), f"unknown step {task.step!r}"
                if task.week is not None and kind == "tasks":
                    yield (*path, "week"), "only a 'go further' task has a week; a week schedules a checklist task"
                elif task.week is not None and not stage.weeks.start <= task.week <= stage.weeks.end:
                    yield (*path, "week"), (
                        f"week {task.week} is outside its stage's weeks ({stage.weeks.start}-{stage.weeks.end})"
                    )
    for w, week in enumerate(data.weeks):
        for t, task in enumerate(week.tasks):
            if isinstance(task, NewTask) and task.step not in startable:
                yield ("weeks", w, "tasks", t, "step"), f"unknown step {task.step!r}"
    if data.pace is not None and data.week_count not in data.pace.weeks:
        yield ("pace", "weeks"), f"the plan's own length ({data.week_count} weeks) must be one of the choices"
    used = {task.step for stage in data.stages for task in (*stage.tasks, *stage.further)}
    used |= {task.step for week in data.weeks for task in week.tasks if isinstance(task, NewTask)}
    for s, step in enumerate(data.steps):
        if step.id not in used:
            yield ("steps", s, "id"), f"no task starts at step {step.id!r}: name it in a task's step, or remove it"


def _check_topics(data: Roadmap) -> Iterator[Problem]:
    """A topic is within a known topic that is within none; a course with topic sources has the topics they show."""
    known = {t.id: t for t in data.topics}
    for t, topic in enumerate(data.topics):
        broader = known.get(topic.within) if topic.within else None
        if topic.within and broader is None:
            yield ("topics", t, "within"), f"unknown topic {topic.within!r}"
        elif broader is not None and (broader.id == topic.id or broader.within):
            yield ("topics", t, "within"), f"{topic.within!r} is within another topic or is this one: one level only"
    for g, group in enumerate(data.synonyms):
        if group.topic and group.topic not in known:
            yield ("synonyms", g, "topic"), f"unknown topic {group.topic!r}"
    for c, course in enumerate(data.courses):
        if not course.topic_sources:
            continue  # topics not yet checked against a page: the course page says so
        shown = {topic for source in course.topic_sources for topic in source.topics}
        for i, topic in enumerate(course.topics):
            if topic not in shown:
                yield ("courses", c, "topics", i), f"topic {topic!r}: no page of topic_sources shows it"
        for s, source in enumerate(course.topic_sources):
            for i, topic in enumerate(source.topics):
                if topic not in course.topics:
                    yield ("courses", c, "topic_sources", s, "topics", i), f"{topic!r} is not among the course's topics"


def cross_check(data: Roadmap) -> list[Problem]:
    """Every problem that spans records.

    Duplicate ids, dangling references, bad weeks, synonyms twice, share codes, topics without their source.
    """
    return [*_check_ids(data), *_check_refs(data), *_check_weeks(data), *_check_synonyms(data),
            *_check_share_codes(data), *_check_steps(data), *_check_topics(data)]
