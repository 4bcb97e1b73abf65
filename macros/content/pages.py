"""The site's pages: the one registry of which pages exist, their sources, templates and titles.

Every page is generated from this registry (``docs/`` holds no pages): a page of :data:`PAGES` is
one template rendered once; an :data:`ITEM_PAGES` kind is one template rendered per item of the data
(a course, a stage). The macros, the meta descriptions and the tests read the same registry.

Kept free of MkDocs types: the navigation is the plain list-of-mappings shape that
``mkdocs.yml`` (and Zensical) read.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from macros.content.i18n import translate
from macros.content.index import RoadmapIndex
from macros.data.model import Course, Location, Roadmap


def url_of(src: str) -> str:
    """Directory-style address of a source path: ``courses/index.md`` → ``courses/``."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


@dataclass(frozen=True)
class Page:
    """A page rendered once from ``templates/<template>.md.j2``."""

    key: str
    """Name of the page (``keeping-up``), used by templates' ``page_url``."""
    src: str
    """Source path inside the docs folder (``keeping-up.md``)."""
    hide: tuple[str, ...] = ()
    """Parts of Material's layout the page leaves out (its front matter's ``hide``), e.g. ``("toc",)``."""
    searched: bool = True
    """Whether the site's search indexes the page (pages that repeat others' facts are left out)."""

    @property
    def template(self) -> str:
        return self.key

    @property
    def title(self) -> str:
        """Key of its title among the interface strings."""
        return f"page.{self.key}"

    @property
    def macro(self) -> str:
        """Name of the page macro (a Python identifier)."""
        return self.key.replace("-", "_")

    @property
    def url(self) -> str:
        return url_of(self.src)

    def source(self) -> str:
        """The page's Markdown source: one macro call, after the front matter if the page has any."""
        meta = [f"hide: [{', '.join(self.hide)}]"] if self.hide else []
        meta += [] if self.searched else ["search: {exclude: true}"]
        front = "".join(f"{line}\n" for line in ["---", *meta, "---"]) if meta else ""
        return f"{front}{{{{ {self.macro}() }}}}\n"


@dataclass(frozen=True)
class ItemPage:
    """A kind of page rendered once per item of the data, in the folder of its list page."""

    key: str
    """Name of the kind (``course``); the template is ``<key>.md.j2``, taking ``<key>_id``."""
    index: str
    """Key of the list page whose folder holds these pages (``courses``)."""
    data: str
    """The list of the data the items come from (``courses``)."""

    def ids(self, roadmap: Roadmap) -> list[str]:
        """The items' ids, in the data's order."""
        return [item.id for item in getattr(roadmap, self.data)]

    @property
    def template(self) -> str:
        return self.key

    @property
    def macro(self) -> str:
        return f"{self.key}_page"

    @property
    def param(self) -> str:
        """Name of the template's id parameter (``course_id``)."""
        return f"{self.key}_id"

    def src(self, item_id: str) -> str:
        return f"{posixpath.dirname(PAGES[self.index].src)}/{item_id}.md"

    def source(self, item_id: str) -> str:
        return f"{{{{ {self.macro}({item_id!r}) }}}}\n"


PAGES: dict[str, Page] = {page.key: page for page in (
    Page("home", "index.md"),
    Page("courses", "courses/index.md", hide=("toc",)),  # the course table takes the width
    Page("compare", "courses/compare.md", hide=("toc",), searched=False),  # every course's facts again
    Page("path", "path.md"),
    Page("plan", "plan.md"),
    Page("stages", "stages/index.md"),
    Page("weeks", "weeks.md"),
    Page("wall-chart", "wall-chart.md", searched=False),
    Page("steps", "steps.md"),
    Page("books", "books.md"),
    Page("directions", "directions.md"),
    Page("people", "people.md"),
    Page("keeping-up", "keeping-up.md"),
    Page("topics", "topics.md"),
    Page("whats-new", "whats-new.md"),
    Page("about", "about.md"),
)}
"""Pages rendered once, by key."""

ITEM_PAGES: dict[str, ItemPage] = {kind.key: kind for kind in (
    ItemPage("course", "courses", "courses"),
    ItemPage("stage", "stages", "stages"),
)}
"""Pages rendered once per item, by kind."""


def id_problems(roadmap: Roadmap) -> list[tuple[Location, str]]:
    """Item ids that would give a page the address of another page of the registry (a course ``compare``)."""
    taken = {page.src: page.key for page in PAGES.values()}
    problems: list[tuple[Location, str]] = []
    for kind in ITEM_PAGES.values():
        for i, item_id in enumerate(kind.ids(roadmap)):
            page = taken.get(kind.src(item_id))
            if page:
                problems.append(((kind.data, i, "id"), f"{item_id!r} is the address of the {page} page "
                                 f"({url_of(kind.src(item_id))}): choose another id"))
    return problems


def course_src(course_id: str) -> str:
    return ITEM_PAGES["course"].src(course_id)


def stage_src(stage_id: str) -> str:
    return ITEM_PAGES["stage"].src(stage_id)


def _walk_order(src: str) -> tuple[tuple[str, ...], bool, str]:
    """Where a folder walk puts ``src``: a folder's files before its subfolders, ``index.md`` first."""
    *folders, name = src.split("/")
    return tuple(folders), name != "index.md", name


def all_pages(roadmap: Roadmap) -> dict[str, str]:
    """Every page of the site: source path → page source (a macro call).

    Pages of :data:`PAGES` come in the order a walk of a docs folder holding them would give, then the
    item pages (the order of the search index).
    """
    pages = {page.src: page.source() for page in sorted(PAGES.values(), key=lambda page: _walk_order(page.src))}
    for kind in ITEM_PAGES.values():
        pages.update({kind.src(item): kind.source(item) for item in kind.ids(roadmap)})
    return pages


def sources(roadmap: Roadmap) -> dict[str, tuple[str, str | None]]:
    """Which page each source path is: ``{"about.md": ("about", None), "courses/cs224n.md": ("course", "cs224n")}``."""
    found: dict[str, tuple[str, str | None]] = {page.src: (page.key, None) for page in PAGES.values()}
    for kind in ITEM_PAGES.values():
        found.update({kind.src(item): (kind.key, item) for item in kind.ids(roadmap)})
    return found


def examples(roadmap: Roadmap) -> dict[str, str]:
    """One address of every kind of page (the first item for item pages), each after its list page."""
    found: dict[str, str] = {}
    for page in PAGES.values():
        found[page.key] = page.url
        for kind in ITEM_PAGES.values():
            if kind.index == page.key and (ids := kind.ids(roadmap)):
                found[kind.key] = url_of(kind.src(ids[0]))
    return found


NAV_GROUP_MAX = 40
"""At most this many courses under one navigation heading.

A course page's sidebar lists the courses of its heading. An institution with more courses is split into runs
of its courses by code, each headed by its first and last code: the sidebar stays short enough to read, and
the build stays linear in the number of courses (every page renders its own sidebar).
"""


def _code_order(course: Course) -> list[object]:
    """Sort key of a course code, numbers by value: CS25 before CS224N."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", course.code.casefold())]


def course_runs(courses: list[Course], size: int = NAV_GROUP_MAX) -> list[list[Course]]:
    """The courses of one navigation heading: all of them, or runs of at most ``size``.

    Up to ``size`` courses stay as they are, in the data's order; more are put in code order and cut into the
    fewest runs of at most ``size``, as even as can be.
    """
    if len(courses) <= size:
        return [courses]
    ordered = sorted(courses, key=_code_order)
    count = -(-len(ordered) // size)
    runs, start = [], 0
    for n in range(count):
        end = start + len(ordered) // count + (1 if n < len(ordered) % count else 0)
        runs.append(ordered[start:end])
        start = end
    return runs


def _courses_by_institution(roadmap: Roadmap, lang: str) -> list[dict[str, object]]:
    """One navigation section per institution, so a course page lists only its neighbours (:data:`NAV_GROUP_MAX`)."""
    index = RoadmapIndex(roadmap)

    def links(courses: list[Course]) -> list[str]:
        return [course_src(c.id) for c in courses]

    sections: list[dict[str, object]] = []
    for key, courses in index.institutions.items():
        runs = course_runs(courses)
        children = links(runs[0]) if len(runs) == 1 else [
            {translate("page.courses.run", lang, first=run[0].code, last=run[-1].code): links(run)} for run in runs
        ]
        sections.append({index.institution_label(key, lang): children})
    return sections


def navigation(roadmap: Roadmap, lang: str) -> list[object]:
    """The navigation tree in ``lang``: sections by their titles, pages by their source paths.

    Pages carry no title here: :func:`page_titles` gives them, and the site engine sets them on each page only
    after its page macros ran, so that no text from the data is ever read as a template.
    """

    def section(key: str, children: list[object]) -> dict[str, object]:
        return {translate(PAGES[key].title, lang): [PAGES[key].src, *children]}

    def src(key: str) -> str:
        return PAGES[key].src

    return [
        src("home"),
        section("courses", [*_courses_by_institution(roadmap, lang), src("compare")]),
        src("path"),
        {translate("page.plan-section", lang): [
            src("plan"),
            src("weeks"),
            src("wall-chart"),
            src("steps"),
            section("stages", [stage_src(s.id) for s in roadmap.stages]),
        ]},
        {translate("page.more", lang): [src(key) for key in ("books", "directions", "people", "keeping-up", "topics")]},
        src("whats-new"),
        src("about"),
    ]


def page_titles(roadmap: Roadmap, lang: str) -> dict[str, str]:
    """Every page's title in ``lang``, by source path: a course by its code, a stage by its title."""
    titles = {page.src: translate(page.title, lang) for page in PAGES.values()}
    titles.update({course_src(c.id): c.code for c in roadmap.courses})
    titles.update({stage_src(s.id): s.title[lang] for s in roadmap.stages})
    return titles
