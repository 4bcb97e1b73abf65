"""What the page templates show, computed in Python: option lists, labels, the plan script's settings.

Templates only format. Every function takes the :class:`~macros.content.index.RoadmapIndex` (or a record)
and a language, and returns plain values; the values are escaped when a template prints them.
Punctuation comes from the interface strings (``sep.*`` in ``macros/content/ui/site.yaml``).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from macros.caches import register
from macros.content.i18n import strings, translate
from macros.content.index import AnyResource, Linkable, RoadmapIndex, WeekTaskView
from macros.data.addresses import short
from macros.data.languages import CODES
from macros.data.model import (
    ID_PATTERN,
    Course,
    Level,
    Paper,
    Roadmap,
    Sourced,
    Step,
    Week,
    Weeks,
    share_code,
    task_ids,
)

PLAN_JS_PREFIX = "plan-js."
"""Interface strings with this prefix are handed to ``plan.js`` (without the prefix)."""


@dataclass(frozen=True)
class Separators:
    """A language's punctuation between parts of a line."""

    list: str
    """Between the items of a list of titles (``、`` in Chinese)."""
    names: str
    """Between names and numbers written in Latin script."""
    dot: str
    """Between a code and a title, a week and its focus."""
    dash: str
    """Before a side note."""
    label: str
    """After a label, before its value (``：`` in Chinese)."""
    title: str
    """Between a course's code and its title in a heading."""
    open: str
    """Before a side remark in brackets (``（`` in Chinese, `` (`` in English)."""
    close: str
    """After a side remark in brackets."""


def separators(lang: str) -> Separators:
    """The punctuation of ``lang``."""
    return Separators(**{name: translate(f"sep.{name}", lang) for name in Separators.__dataclass_fields__})


@dataclass(frozen=True)
class Option:
    """One choice of a ``<select>``."""

    value: str
    label: str


@dataclass(frozen=True)
class FinderOptions:
    """The course finder's filters: only values at least one course has, in the data's order."""

    institutions: list[Option]
    topics: list[Option]
    stages: list[Option]
    levels: list[Option]
    origins: list[Option]
    """The roadmap's own courses, or the editors' additions."""


def week_range(weeks: Weeks, lang: str, open_end: bool = False) -> str:
    """``Weeks 4–6``, ``Week 3`` or ``From week 18``, in ``lang``."""
    if open_end:
        return translate("plan.week-range-open", lang, start=weeks.start)
    if weeks.start == weeks.end:
        return translate("plan.week", lang, n=weeks.start)
    return translate("plan.week-range", lang, start=weeks.start, end=weeks.end)


_ADDRESS = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/[^\s<>\"]*")


def breakable(text: str) -> Markup:
    """Text, escaped, whose web addresses may wrap after each ``/`` (``<wbr>``) instead of inside a word.

    A long address (``people.eecs.berkeley.edu/~keutzer/classes/…``) is one unbreakable run: on a phone the
    browser would cut it wherever the line ends, mid-word.
    """
    escaped = str(text) if isinstance(text, Markup) else html.escape(str(text), quote=False)
    if "/" not in escaped:  # no address without a slash; most texts have none
        return Markup(escaped)
    return Markup(_ADDRESS.sub(lambda m: re.sub(r"/(?!/)", "/<wbr>", m.group()), escaped))


def timeline_side(weeks: Weeks, total: int) -> str:
    """Where a bar's title goes on the plan's timeline: ``after`` the bar, or ``before`` it.

    Before it when fewer weeks follow the bar than come before it: the title gets the wider side, so its words fit.
    """
    return "after" if total - weeks.end >= weeks.start - 1 else "before"


def item_label(item: Linkable, lang: str) -> str:
    """How a linked record is named: ``CS224N · title`` for a course, its title otherwise."""
    if isinstance(item, Course):
        return item.code + separators(lang).dot + item.title[lang]
    return item.title[lang]


def week_title(week: Week, lang: str) -> str:
    """``Week 3 · focus``."""
    return translate("plan.week", lang, n=week.week) + separators(lang).dot + week.focus[lang]


def hours_text(hours: float, lang: str) -> str:
    """``≈ 2.5 h`` / ``约 2.5 小时``: an estimate, whole numbers without a decimal point."""
    return translate("plan.hours", lang, h=f"{hours:g}")


def part_label(item: Linkable, lang: str) -> str:
    """The short name of what a step is part of: a course's code, a resource's title without its gloss."""
    return item.code if isinstance(item, Course) else _short_title(item.title[lang])


@dataclass(frozen=True)
class StepView:
    """Where a task starts, as the pages show it."""

    label: str
    url: str
    """An external address, or the site address of a course page (``internal``)."""
    internal: bool
    video: str | None
    slides: str | None
    more: list[SourceLink]
    sources_page: str
    """Site address of the page that shows where the step's facts come from …"""
    sources_anchor: str
    """… and the id of its entry there."""
    part_of: str = ""
    """Id of the record the step is part of (a task's link to it would say the same again)."""
    video_list: bool = False
    """Whether ``video`` is the course's whole video list (the lecture has no video address of its own)."""


def step_label(target: Step | Linkable, index: RoadmapIndex, lang: str) -> str:
    """``CS224N · lecture 8 · Self-Attention and Transformers``; a paper, resource or course by its usual name."""
    if not isinstance(target, Step):
        return item_label(target, lang)
    parts = [part_label(index.items[target.part_of], lang)] if target.part_of else []
    if target.number:
        parts.append(translate(f"step.number.{target.kind}", lang, n=target.number))
    return separators(lang).dot.join([*parts, target.title[lang]])


def _short_title(title: str) -> str:
    """A title up to its subtitle or gloss: ``FlashAttention: Fast …`` → ``FlashAttention``."""
    return re.split(r"：|: |（| \(", title, maxsplit=1)[0].strip()


def step_short(index: RoadmapIndex, step_id: str, lang: str, most: int = 24) -> str:
    """A step in a few words, for the wall chart: ``CS224N L8``, ``FlashAttention``, ``NeurIPS 2025``.

    A title's closing gloss (``…（思维链提示论文）``, ``… (CLIP)``) is its short name; anything longer than ``most``
    characters is cut at a word and ends with ``…``.
    """
    target = index.step_target(step_id)
    if isinstance(target, Course):
        return target.code
    if isinstance(target, Step) and target.part_of and target.number:
        number = translate(f"step.short.{target.kind}", lang, n=target.number)
        return part_label(index.items[target.part_of], lang) + " " + number
    title = target.title[lang]
    gloss = re.search(r"（([^（）]+)）$", title) or re.search(r" \(([A-Z0-9][^ ()]*)\)$", title)
    short = gloss.group(1) if gloss else _short_title(title)
    if len(short) <= most:
        return short
    return short[:most].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def step_view(index: RoadmapIndex, step_id: str, lang: str) -> StepView:
    """A task's first step: its label, address, video and slides, and where its sources are shown.

    A lecture without a video of its own shows its course's video list (one owner per address).
    """
    from macros.content.pages import PAGES, course_src, url_of

    target = index.step_target(step_id)
    label = step_label(target, index, lang)
    if isinstance(target, Step):
        parent = index.items.get(target.part_of or "")
        video = target.video or (parent.videos.url if isinstance(parent, Course) and target.kind == "lecture"
                                 else None)
        more = [SourceLink(link.url, link.label[lang]) for link in target.more_links]
        return StepView(label, target.url, False, video, target.slides, more, PAGES["steps"].url, f"step-{target.id}",
                        target.part_of or "", video_list=video is not None and target.video is None)
    if isinstance(target, Course):
        return StepView(label, url_of(course_src(target.id)), True, None, None, [], url_of(course_src(target.id)), "")
    page, _, anchor = record_address(target, index.roadmap).partition("#")
    return StepView(label, target.url or "", False, None, None, [], page, anchor)


@dataclass(frozen=True)
class WeekLoad:
    """How much a week asks: its counted hours, the optional hours, and whether it is over the plan's budget."""

    hours: float
    optional: float
    budget: float | None
    over: bool


def week_load(index: RoadmapIndex, week: Week) -> WeekLoad:
    """A week's hours against the plan's weekly budget (``pace.hours_per_week``).

    The budget holds at every pace: a faster pace gives a week of the plan fewer days and more hours a day.
    """
    hours, optional = index.week_hours(week), index.optional_hours(week)
    budget = index.roadmap.pace.hours_per_week if index.roadmap.pace else None
    return WeekLoad(hours, optional, budget, budget is not None and hours > budget)


NARROWER_INDENT = "\u2003"
"""Before the label of a topic within a broader one, in the finder's topic list (an em space: a select keeps it)."""


def finder_options(index: RoadmapIndex, lang: str) -> FinderOptions:
    """The options of the course finder's selects; a topic within a broader one is indented under it."""
    courses = index.roadmap.courses
    topics = {topic for course in courses for topic in index.with_broader(course.topics)}
    stages = {stage.id for course in courses if (used := index.usage.get(course.id)) for stage in used.stages}
    levels = {course.level for course in courses}
    dot = separators(lang).dot
    return FinderOptions(
        institutions=[Option(key, index.institution_label(key, lang)) for key in index.institutions],
        topics=[Option(t.id, NARROWER_INDENT * (t.within in topics) + t.label[lang])
                for t in index.roadmap.topics if t.id in topics],
        stages=[Option(s.id, s.title[lang] + dot + week_range(s.weeks, lang))
                for s in index.roadmap.stages if s.id in stages],
        levels=[Option(level.value, translate(f"level.{level.value}", lang)) for level in Level if level in levels],
        origins=[Option(origin, translate(f"finder.origin.{origin}", lang)) for origin in ("roadmap", "added")
                 if any((course.added is not None) == (origin == "added") for course in courses)],
    )


@dataclass(frozen=True)
class Suggestion:
    """What the finder offers when the keyword box matches nothing: a topic to pick, or words to type."""

    label: str
    topic: str = ""
    """A topic id: picking the suggestion selects this topic (and empties the keyword box)."""
    text: str = ""
    """Words: picking the suggestion types them in the keyword box."""


def finder_suggestions(index: RoadmapIndex, lang: str) -> list[dict[str, str]]:
    """Everything the finder may suggest, for ``finder.js`` to choose from by likeness to what was typed.

    The topics some course carries, the synonyms, the instructors and the course codes.
    """
    courses = index.roadmap.courses
    used = {topic for course in courses for topic in index.with_broader(course.topics)}
    found = [Suggestion(t.label[lang], topic=t.id) for t in index.roadmap.topics if t.id in used]
    found += [Suggestion(term, text=term) for group in index.roadmap.synonyms for term in group.terms]
    found += [Suggestion(name, text=name) for course in courses for name in course.instructors]
    found += [Suggestion(course.code, text=course.code) for course in courses]
    return [{k: v for k, v in vars(s).items() if v} for s in dict.fromkeys(found)]


FINDER_TEXT_SEPARATOR = " | "
"""Between the words of a course row's ``data-text`` (read by ``finder.js``, never shown)."""


def finder_text(course: Course, index: RoadmapIndex) -> str:
    """Everything the finder's keyword box matches in a course, in every language, and the synonyms of its words.

    The words of a synonym group that belongs to one of the course's topics count too (reward model: RLHF).
    """
    topics = index.with_broader(course.topics)
    words = [course.code, *course.aliases, *(course.title[code] for code in CODES),
             *(course.institution[code] for code in CODES), *course.instructors, *topics]
    words += [index.topics[topic][code] for topic in topics for code in CODES]
    words += [term for group in index.roadmap.synonyms if group.topic in topics for term in group.terms]
    words += index.synonym_matcher.added_words(FINDER_TEXT_SEPARATOR.join(words))
    return FINDER_TEXT_SEPARATOR.join(words)


def other_languages(lang: str) -> list[str]:
    """Every language but ``lang``, in the site's order."""
    return [code for code in CODES if code != lang]


def topic_items(index: RoadmapIndex, topic_id: str) -> tuple[list[Course], list[AnyResource]]:
    """The courses and the resources (papers included) that carry a topic, each in the data's order."""
    tagged = index.by_topic[topic_id]
    return [i for i in tagged if isinstance(i, Course)], [i for i in tagged if not isinstance(i, Course)]


def plan_config(
    index: RoadmapIndex, lang: str, with_weeks: bool = False, with_task_ids: bool = False,
) -> dict[str, Any]:
    """Settings of ``plan.js``: its strings, the id rule of stored ticks and, for the calendar, the weeks.

    ``with_task_ids``: each week's counted task ids (the home page's "continue" line).
    """
    config: dict[str, Any] = {
        "title": index.roadmap.meta.title[lang],
        "strings": {key.removeprefix(PLAN_JS_PREFIX): translate(key, lang)
                    for key in strings() if key.startswith(PLAN_JS_PREFIX)},
        "idPattern": ID_PATTERN,
    }
    if with_task_ids:
        config["taskWeeks"] = index.counted_task_ids
    if index.roadmap.pace:
        config["pace"] = {"hours": index.roadmap.pace.hours_per_week, "weeks": index.roadmap.pace.weeks,
                          "default": index.roadmap.week_count}
    if with_weeks:
        config["shareCodes"] = {task_id: share_code(task_id) for _, task_id in task_ids(index.roadmap)}
        config["weeks"] = [_week_config(index, week, lang) for week in index.roadmap.weeks]
    return config


def _week_config(index: RoadmapIndex, week: Week, lang: str) -> dict[str, Any]:
    """One week for the calendar: its title, hours and tasks, each with its first step and links."""
    load = week_load(index, week)

    def step(task: WeekTaskView) -> dict[str, Any]:
        view = step_view(index, task.step, lang)
        target = index.step_target(task.step)  # a course on the calendar: its official address, not this site's page
        return {"label": view.label, "url": target.url if view.internal else view.url, "video": view.video,
                "videoList": view.video_list}

    return {
        "week": week.week,
        "title": week_title(week, lang),
        "summary": (translate("plan.week", lang, n=week.week) + separators(lang).dot + hours_text(load.hours, lang)
                    + separators(lang).dot + week.focus[lang]),
        "hours": load.hours,
        "over": load.over,
        "tasks": [
            {
                "id": task.id,
                "text": task.text[lang],
                "hours": task.hours,
                "step": step(task),
                "links": [{"label": item_label(index.items[i], lang), "url": index.items[i].url}
                          for i in task.links],
            }
            for task in index.week_tasks(week)
        ],
    }


@dataclass(frozen=True)
class PaceOption:
    """One choice of the pace control: a plan length in weeks with its hours a week, or the reader's own hours."""

    value: str
    label: str
    selected: bool = False


def pace_options(roadmap: Roadmap, lang: str) -> list[PaceOption]:
    """The pace control's choices: each length the data offers, with the hours a week it asks, then "my hours"."""
    if roadmap.pace is None:
        return []
    own = roadmap.week_count
    options = []
    for weeks in roadmap.pace.weeks:
        hours = round(roadmap.pace.hours_per_week * own / weeks * 2) / 2
        label = translate("plan-tools.pace-weeks", lang, n=weeks, h=f"{hours:g}")
        options.append(PaceOption(str(weeks), label + (translate("plan-tools.pace-own", lang) if weeks == own else ""),
                                  weeks == own))
    return [*options, PaceOption("hours", translate("plan-tools.pace-hours", lang))]


@dataclass(frozen=True)
class SourceLink:
    """One source a record's facts were checked against, as a page shows it."""

    url: str
    label: str


def source_links(record: Sourced, lang: str) -> list[SourceLink]:
    """A record's sources, labelled by the data, else "the page itself" (its own address) or host and path."""
    links = []
    for source in record.sources:
        if source.label:
            label = source.label[lang]
        elif source.url == getattr(record, "url", None):
            label = translate("provenance.self", lang)
        else:
            label = short(source.url)
        links.append(SourceLink(source.url, label))
    return links


ET_AL = "et al."
"""How the data ends a shortened author list."""


def author_names(authors: list[str], lang: str) -> str:
    """A paper's authors as ``lang`` lists names: ``Ouyang, Wu, Jiang, et al.``, ``Ouyang、Wu、Jiang 等``."""
    names = authors[:-1] if authors[-1:] == [ET_AL] else authors
    listed = separators(lang).names.join(names)
    return listed + translate("byline.et-al", lang) if len(names) < len(authors) else listed


def byline(item: Linkable, lang: str) -> str:
    """Who made a resource and when: ``Ouyang, Wu, Jiang, et al. · 2022 · NeurIPS 2022 · arXiv 2203.02155``."""
    sep = separators(lang)
    if isinstance(item, Paper):
        parts = [author_names(item.authors, lang), str(item.year)]
        parts += [item.venue] if item.venue else []
        parts += [f"arXiv {item.arxiv}"] if item.arxiv else []
        return sep.dot.join(parts)
    if isinstance(item, Course):
        return ""
    return sep.dot.join(str(part) for part in (item.authors, item.year) if part)


def sourced_records(roadmap: Roadmap) -> list[Sourced]:
    """Every record that states facts and says where they come from."""
    return [*roadmap.courses, *roadmap.resources, *roadmap.books, *roadmap.community, *roadmap.people]


def check_dates(roadmap: Roadmap) -> tuple[datetime.date, datetime.date]:
    """The oldest and the newest check date of the data's facts."""
    dates = [record.checked for record in sourced_records(roadmap)]
    return min(dates), max(dates)


@dataclass(frozen=True)
class NewsItem:
    """Something that happened to the data on a day: a record added, changed, or its facts checked."""

    date: datetime.date
    kind: str
    """``added``, ``changed`` or ``checked``."""
    records: tuple[Sourced, ...]
    texts: tuple[str, ...]
    """What happened, in the page's language: the reason for an addition, the changes of the day (one each),
    nothing for a check."""

    @property
    def key(self) -> str:
        """Stable name of the event (feed entry ids are made from it): never changes once published."""
        subject = self.records[0].id if self.kind != "checked" else "facts"
        return f"{self.date.isoformat()}/{self.kind}/{subject}"


def news(roadmap: Roadmap, lang: str) -> list[NewsItem]:
    """Everything dated in the data, newest first: additions, changes, then each day's checks."""
    items: list[NewsItem] = []
    records = sourced_records(roadmap)
    for record in records:
        if record.added:
            items.append(NewsItem(record.added.date, "added", (record,), (record.added.why[lang],)))
        # a record's changes of one day are one event (its feed entry's id is made from the day and the record)
        changed: dict[datetime.date, list[str]] = {}
        for change in record.changes:
            changed.setdefault(change.date, []).append(change.what[lang])
        items += [NewsItem(day, "changed", (record,), tuple(texts)) for day, texts in changed.items()]
    for day in sorted({record.checked for record in records}):
        checked = tuple(record for record in records if record.checked == day)
        items.append(NewsItem(day, "checked", checked, ()))
    order = {"added": 0, "changed": 1, "checked": 2}
    return sorted(items, key=lambda item: (-item.date.toordinal(), order[item.kind]))


def news_by_day(roadmap: Roadmap, lang: str) -> list[tuple[datetime.date, list[NewsItem]]]:
    """:func:`news` grouped by day, newest day first."""
    days: dict[datetime.date, list[NewsItem]] = {}
    for item in news(roadmap, lang):
        days.setdefault(item.date, []).append(item)
    return list(days.items())


def record_address(record: Sourced, roadmap: Roadmap) -> str:
    """Site-relative address of where a record is shown: its course page, or its entry in a list page."""
    from macros.content.pages import PAGES, course_src, url_of

    if isinstance(record, Course):
        return url_of(course_src(record.id))
    key = _list_pages(roadmap).get(record.id)
    return f"{PAGES[key].url}#res-{record.id}" if key else f"{PAGES['people'].url}#{record.id}"


_list_pages_of: list[tuple[Roadmap, dict[str, str]]] = register(
    [], name="macros.content.views._list_pages_of", holds="resource id → the list page that shows it",
    key="the roadmap (one: the last one asked about)", stale="when another roadmap is asked about (checked on use)",
    sources=("data/*",), on_edit="clear")


def _list_pages(roadmap: Roadmap) -> dict[str, str]:
    """Resource id → key of the list page that shows it (ids are unique across the data), for the last roadmap."""
    if not _list_pages_of or _list_pages_of[0][0] is not roadmap:
        pages = {item.id: key for name, key in (("resources", "path"), ("books", "books"), ("community", "keeping-up"))
                 for item in getattr(roadmap, name)}
        _list_pages_of[:] = [(roadmap, pages)]
    return _list_pages_of[0][1]


def record_title(record: Sourced, lang: str) -> str:
    """How a record is named in lists of news: a course by code and title, a person by name."""
    return record.name if hasattr(record, "name") else item_label(record, lang)  # type: ignore[arg-type]
