"""What a learner decides on: prerequisites, workload, assignments and language on each course page and in the
course table download, each from the data, and 'Not confirmed' where the data has none."""

from __future__ import annotations

import csv
import io

import pytest

from macros.content.i18n import translate
from macros.data.languages import PREFIX as LANGS
from tests.search_support import clean, roadmap

FACTS = ("course.prerequisites", "course.workload", "course.assignments", "course.language")


def header(read_page, prefix: str, course_id: str) -> dict[str, str]:
    """The course page's fact box: label → value text."""
    box = read_page(f"{prefix}courses/{course_id}/").css_first("dl.rr-header")
    return {clean(d.css_first("dt").text()): clean(d.css_first("dd").text()) for d in box.css("div")}


@pytest.mark.parametrize("lang", LANGS)
def test_each_course_page_states_the_facts_or_says_they_are_not_confirmed(read_page, lang):
    unknown = translate("course.not-confirmed", lang)
    for course in roadmap()[0].courses:
        box = header(read_page, LANGS[lang], course.id)
        assert all(translate(key, lang) in box for key in FACTS), (course.id, list(box))
        for key, value in (("course.prerequisites", course.prerequisites), ("course.workload", course.workload)):
            assert box[translate(key, lang)] == (clean(value[lang]) if value else unknown), (course.id, key)
        assignments = box[translate("course.assignments", lang)]
        assert assignments.startswith(translate(f"course.assignments.{course.assignments.access}", lang))
        if course.assignments.note:
            assert clean(course.assignments.note[lang]) in assignments
        language = translate(f"language.{course.language}", lang) if course.language else unknown
        assert box[translate("course.language", lang)] == language


@pytest.mark.parametrize("lang", LANGS)
def test_assignments_link_where_they_live(read_page, lang):
    for course in roadmap()[0].courses:
        box = read_page(f"{LANGS[lang]}courses/{course.id}/").css_first("dl.rr-header")
        hrefs = {a.attributes.get("href") for a in box.css("a.rr-ext")}
        assert (course.assignments.url in hrefs) == bool(course.assignments.url), course.id


def test_the_course_table_download_carries_the_facts(site):
    data, _ = roadmap()
    for prefix in LANGS.values():
        text = (site / prefix / "downloads/courses.csv").read_text(encoding="utf-8-sig")
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
        for course in data.courses:
            row = rows[course.id]
            assert row["prerequisites_en"] == (course.prerequisites.en if course.prerequisites else "")
            assert row["workload_en"] == (course.workload.en if course.workload else "")
            assert row["assignments"] == course.assignments.access
            assert row["assignments_url"] == (course.assignments.url or "")
            assert row["language"] == (course.language or "")
