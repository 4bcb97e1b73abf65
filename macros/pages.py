"""The site's page structure: which pages exist, which are generated, the navigation.

Kept free of MkDocs types: the navigation is the plain list-of-mappings shape that
``mkdocs.yml`` (and Zensical) read.
"""

from __future__ import annotations

from macros.i18n import translate
from macros.index import RoadmapIndex
from macros.model import Roadmap

PAGES = {
    "home": "index.md",
    "courses": "courses/index.md",
    "path": "path.md",
    "plan": "plan.md",
    "stages": "stages/index.md",
    "weeks": "weeks.md",
    "books": "books.md",
    "directions": "directions.md",
    "people": "people.md",
    "keeping-up": "keeping-up.md",
    "topics": "topics.md",
    "about": "about.md",
}
"""Hand-written thin pages in ``docs/``, by key."""


def url_of(src: str) -> str:
    """Directory-style address of a source path: ``courses/index.md`` → ``courses/``."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def course_src(course_id: str) -> str:
    return f"courses/{course_id}.md"


def stage_src(stage_id: str) -> str:
    return f"stages/{stage_id}.md"


def generated_pages(roadmap: Roadmap) -> dict[str, str]:
    """One page per course and per stage: source path → page source (a macro call)."""
    pages = {course_src(c.id): f"{{{{ course_page({c.id!r}) }}}}\n" for c in roadmap.courses}
    pages.update({stage_src(s.id): f"{{{{ stage_page({s.id!r}) }}}}\n" for s in roadmap.stages})
    return pages


def _courses_by_institution(roadmap: Roadmap, lang: str) -> list[dict[str, object]]:
    """One navigation section per institution, so a course page lists only its neighbours."""
    index = RoadmapIndex(roadmap)
    return [
        {index.institution_label(key, lang): [{c.code: course_src(c.id)} for c in courses]}
        for key, courses in index.institutions.items()
    ]


def navigation(roadmap: Roadmap, lang: str) -> list[dict[str, object]]:
    """The navigation tree in ``lang``."""

    def t(key: str) -> str:
        return translate(key, lang)

    return [
        {t("page.home"): PAGES["home"]},
        {t("page.courses"): [PAGES["courses"], *_courses_by_institution(roadmap, lang)]},
        {t("page.path"): PAGES["path"]},
        {t("page.plan-section"): [
            {t("page.plan"): PAGES["plan"]},
            {t("page.weeks"): PAGES["weeks"]},
            {t("page.stages"): [PAGES["stages"], *({s.title[lang]: stage_src(s.id)} for s in roadmap.stages)]},
        ]},
        {t("page.more"): [
            {t("page.books"): PAGES["books"]},
            {t("page.directions"): PAGES["directions"]},
            {t("page.people"): PAGES["people"]},
            {t("page.keeping-up"): PAGES["keeping-up"]},
            {t("page.topics"): PAGES["topics"]},
        ]},
        {t("page.about"): PAGES["about"]},
    ]
