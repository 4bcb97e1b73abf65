"""Choosing a course: the course list at every width, picking courses to compare, the comparison page from a
shared address in both languages (with and without JavaScript), and what a keyword that matches nothing offers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.content.i18n import translate
from macros.data.languages import PREFIX as LANGS
from tests.search_support import clean, roadmap

PHONE = {"width": 390, "height": 844}
FACTS = "#rr-compare .rr-compare__course"


def fits(page, selector: str) -> bool:
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e.scrollWidth <= e.clientWidth + 1; }", selector)


@pytest.mark.parametrize("width", [1024, 1280, 1366, 1920])
@pytest.mark.parametrize("lang", LANGS)
def test_the_course_list_fits_its_box_from_1024px(open_page, lang, width):
    page = open_page(viewport={"width": width, "height": 900})
    page.goto(f"{LANGS[lang]}courses/")
    assert fits(page, ".rr-table-wrap"), "the course table is wider than its box"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    headers = page.locator("#course-table thead th:visible").all_inner_texts()
    for key in ("course.code", "course.title", "course.institution", "course.level", "course.offering",
                "course.videos", "course.topics"):
        assert translate(key, lang) in headers, (key, headers)


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_shows_every_fact_of_a_course_as_a_card(open_page, lang):
    page = open_page(viewport=PHONE)
    page.goto(f"{LANGS[lang]}courses/")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    row = page.locator("#course-table tr.rr-course-row").first
    assert row.evaluate("r => getComputedStyle(r).display") == "grid"
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    labels = row.evaluate("r => Array.from(r.querySelectorAll('[data-label]'), c => getComputedStyle(c, '::before')"
                          ".content.replace(/^\"|\"$/g, ''))")
    for key in ("course.code", "course.title", "course.institution", "course.level", "course.offering",
                "course.videos", "course.topics"):
        assert translate(key, lang) in labels, (key, labels)


@pytest.mark.parametrize("lang", LANGS)
def test_pick_courses_and_compare_them_side_by_side(page, lang):
    courses = roadmap()[0].courses
    prefix = LANGS[lang]
    page.goto(f"{prefix}courses/")
    bar = page.locator("#rr-compare-bar")
    expect(bar).to_be_hidden()
    picks = page.locator("input.rr-compare-pick")
    picks.nth(0).check()
    expect(bar).to_be_visible()
    expect(page.locator("#rr-compare-go")).to_be_hidden()  # one course is nothing to compare with
    picks.nth(1).check()
    expect(page.locator("#rr-compare-go")).to_be_visible()
    assert re.search(rf"[?&]c={courses[0].id},{courses[1].id}\b", page.url)
    if len(courses) > 3:  # at most three: the others cannot be ticked
        picks.nth(2).check()
        expect(picks.nth(3)).to_be_disabled()
    page.locator("#rr-compare-go").click()
    page.wait_for_url(re.compile(r"/courses/compare/\?c="))
    chosen = courses[:3] if len(courses) > 3 else courses[:2]
    heads = page.locator(".rr-compare__table thead th").all_inner_texts()[1:]
    assert [h.split()[0] for h in heads] == [c.code.split()[0] for c in chosen]


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_comparison_address_opens_in_both_languages(page, lang):
    courses = roadmap()[0].courses
    a, b = courses[0], courses[-1]
    prefix = LANGS[lang]
    page.goto(f"{prefix}courses/compare/?c={a.id},{b.id}")
    table = page.locator(".rr-compare__table")
    expect(table).to_be_visible()
    expect(page.locator("#rr-compare")).to_be_hidden()
    heads = table.locator("thead th").all_inner_texts()
    assert clean(heads[1]).startswith(a.code) and clean(heads[2]).startswith(b.code)
    rows = table.locator("tbody th").all_inner_texts()
    for key in ("course.institution", "course.level", "course.videos", "course.assignments", "course.prerequisites",
                "course.workload", "course.language", "course.topics"):
        assert translate(key, lang) in rows, (key, rows)
    level = table.locator("tbody tr", has=page.locator("th", has_text=translate("course.level", lang)))
    assert level.locator("td").all_inner_texts() == [translate(f"level.{c.level.value}", lang) for c in (a, b)]
    # the heading links to the course page
    table.locator("thead th a").first.click()
    page.wait_for_url(re.compile(rf"/courses/{a.id}/$"))
    # the other language keeps the choice
    page.go_back()
    other = next(code for code in LANGS if code != lang)
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_url(re.compile(rf"compare/\?c={a.id},{b.id}$"))
    expect(page.locator(".rr-compare__table")).to_be_visible()


def test_a_comparison_address_names_unknown_courses(page):
    course = roadmap()[0].courses[0]
    page.goto(f"en/courses/compare/?c={course.id},no-such-course")
    expect(page.locator("#rr-compare-status")).to_contain_text("no-such-course")
    assert len(page.locator(".rr-compare__table thead th").all()) == 2
    page.goto("en/courses/compare/")
    expect(page.locator("#rr-compare-status")).to_have_text(translate("compare.none", "en"))
    expect(page.locator(FACTS).first).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_comparison_lists_every_course(open_page, lang):
    courses = roadmap()[0].courses
    page = open_page(java_script_enabled=False)
    page.goto(f"{LANGS[lang]}courses/compare/?c={courses[0].id},{courses[1].id}")
    sections = page.locator(FACTS)
    expect(sections).to_have_count(len(courses))
    for i, course in enumerate(courses):
        expect(sections.nth(i)).to_be_visible()
        expect(sections.nth(i).locator("h2")).to_contain_text(course.code)
        expect(sections.nth(i).locator("dt")).to_have_count(sections.nth(0).locator("dt").count())


def test_a_keyword_that_matches_nothing_suggests_what_would(page):
    data, _ix = roadmap()
    used = [t for t in data.topics if any(t.id in c.topics for c in data.courses)]
    topic = next(t for t in used if re.fullmatch(r"[A-Za-z]{7,}", t.label.en))
    typo = topic.label.en[:3] + topic.label.en[4:]  # one letter dropped
    page.goto("en/courses/")
    page.locator("#rr-finder-text").fill(typo)
    suggest = page.locator("#rr-finder-suggest")
    expect(suggest).to_be_visible()
    button = suggest.get_by_role("button", name=translate("finder.suggest.topic", "en", label=topic.label.en))
    button.click()
    expect(page.locator("#rr-finder-topic")).to_have_value(topic.id)
    expect(page.locator("#rr-finder-text")).to_have_value("")
    shown = page.locator("#course-table tr.rr-course-row:visible").evaluate_all("rs => rs.map(r => r.dataset.course)")
    assert shown == [c.id for c in data.courses if topic.id in c.topics]


def test_a_keyword_hidden_by_other_filters_is_offered_alone(page):
    data, _ = roadmap()
    course = data.courses[0]
    other_level = next(c.level.value for c in data.courses if c.level != course.level)
    page.goto(f"en/courses/?level={other_level}")
    page.locator("#rr-finder-text").fill(course.code)
    expect(page.locator("#rr-finder-empty")).to_be_visible()
    page.locator("#rr-finder-suggest").get_by_role("button", name=course.code).click()
    expect(page.locator("#rr-finder-level")).to_have_value("")
    expect(page.locator(f'#course-table tr[data-course="{course.id}"]')).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_count_reads_as_a_sentence(page, lang):
    total = len(roadmap()[0].courses)
    page.goto(f"{LANGS[lang]}courses/")
    count = page.locator("#rr-finder-count")
    expect(count).to_have_text(translate("finder.count.all", lang, total=total))
    page.locator("#rr-finder-text").fill(roadmap()[0].courses[0].code)
    shown = len(page.locator("#course-table tr.rr-course-row:visible").all())
    expect(count).to_have_text(translate("finder.count.one" if shown == 1 else "finder.count", lang, n=shown,
                                         total=total))


COMPARISON = {"include": [["#rr-compare"]]}
PICKED = {"include": [["#rr-compare-bar"], [".rr-courses__pick"]]}
"""What two picked courses add to the comparison page and to the course list: the rest of both pages is axe's in
every page's layout pass (tests/test_quality_a11y.py)."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_in_the_comparison_and_the_picked_list(open_page, lang, scheme):
    from quality_support import violations

    courses = roadmap()[0].courses
    for viewport in (PHONE, {"width": 1366, "height": 900}):
        page = open_page(viewport=viewport, color_scheme=scheme)
        page.goto(f"{LANGS[lang]}courses/compare/?c={courses[0].id},{courses[1].id}")
        expect(page.locator(".rr-compare__table")).to_be_visible()
        assert violations(page, COMPARISON) == [], viewport
        page.goto(f"{LANGS[lang]}courses/?c={courses[0].id},{courses[1].id}")
        expect(page.locator("#rr-compare-go")).to_be_visible()
        assert violations(page, PICKED) == [], viewport


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_says_where_each_course_sits_in_the_plan_and_which_comes_first(page, lang):
    """A "where it sits in the plan" row, and a line that takes the chosen courses in the plan's order (the first
    week that uses each), naming those the weekly plan does not schedule."""
    data, ix = roadmap()
    weeks = {c.id: ix.first_week(c.id) for c in data.courses}
    scheduled = sorted((c for c in data.courses if weeks[c.id]), key=lambda c: weeks[c.id], reverse=True)[:2]
    unscheduled = [c for c in data.courses if not weeks[c.id]][:1]
    chosen = [*scheduled, *unscheduled]
    assert len(scheduled) == 2
    page.goto(f"{LANGS[lang]}courses/compare/?c={','.join(c.id for c in chosen)}")
    order = page.locator("#rr-compare-side .rr-compare__order")
    first, then = sorted(scheduled, key=lambda c: weeks[c.id])
    expected = translate("compare.order", lang, courses=translate("compare.order.then", lang).join(
        translate("compare.order.item", lang, code=c.code, n=weeks[c.id]) for c in (first, then)))
    expect(order.first).to_have_text(expected)
    if unscheduled:
        expect(order.nth(1)).to_have_text(translate("compare.order.unscheduled", lang, codes=unscheduled[0].code))
    row = page.locator("#rr-compare-side tbody tr", has=page.locator("th", has_text=translate("course.in-plan", lang)))
    expect(row).to_have_count(1)
    cells = row.locator("td")
    for n, course in enumerate(chosen):
        used = ix.usage.get(course.id)
        if used and (used.stages or used.weeks):
            expect(cells.nth(n).locator("a").first).to_be_visible()
        else:
            expect(cells.nth(n)).to_have_text(translate("course.not-in-plan", lang))
