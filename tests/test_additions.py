"""The editors' additions: marked wherever they appear, optional in the plan, announced by a feed.

Additions are read from the data (records with ``added``), so the tests follow whatever the data adds.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from conftest import ROOT, SITE_URL
from plan_support import KEY, all_task_ids, box, checked_ids, counted_task_ids, t

from macros.content.index import RoadmapIndex
from macros.content.views import news
from macros.data.languages import PREFIX as LANGS
from macros.data.loader import load_once, parse
from macros.data.model import Course
from macros.engine.site import LOCAL_ADDRESS
from macros.outputs.feed import atom

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
INDEX = RoadmapIndex(ROADMAP)
SAVED = json.loads((Path(__file__).with_name("fixtures") / "progress-2026-11-29.json").read_text(encoding="utf-8"))
"""Progress exported before the additions: every task of the plan as it was then, ticked."""
LIST_PAGE = {"resources": "path/", "books": "books/", "community": "keeping-up/"}


def test_the_data_has_additions_and_each_says_why():
    assert INDEX.additions
    for item in INDEX.additions:
        assert item.added.why.zh and item.added.why.en, item.id


@pytest.mark.parametrize("lang", LANGS)
def test_every_addition_carries_its_badge_and_reason(read_page, lang):
    badge = t("added.badge", lang)
    table = read_page(f"{LANGS[lang]}courses/")
    topics = read_page(f"{LANGS[lang]}topics/")
    for item in INDEX.additions:
        if isinstance(item, Course):
            header = read_page(f"{LANGS[lang]}courses/{item.id}/").css_first(".rr-header__added")
            assert header is not None and item.added.why[lang] in header.text(), item.id
            row = table.css_first(f'tr[data-course="{item.id}"]')
            assert row.attributes["data-origin"] == "added" and badge in row.text(), item.id
        else:
            name = next(n for n in LIST_PAGE if any(r is item for r in getattr(ROADMAP, n)))
            entry = read_page(LANGS[lang] + LIST_PAGE[name]).css_first(f"li#res-{item.id}")
            assert entry.css_first(".rr-badge--added").text() == badge, item.id
            assert item.added.why[lang] in entry.text(), item.id
        for topic in item.topics:
            listed = [li for li in topics.css(f"#topic-{topic} ~ ul li") if item.title[lang] in li.text()]
            assert any(badge in li.text() for li in listed), (item.id, topic)
    for row in table.css("tr.rr-course-row[data-origin=roadmap]"):
        assert badge not in row.text()


@pytest.mark.parametrize("lang", LANGS)
def test_go_further_tasks_are_marked_optional_with_their_own_ids(read_page, lang):
    weeks = read_page(f"{LANGS[lang]}weeks/")
    optional = {b.attributes["data-task"] for b in weeks.css("[data-optional] input.rr-task__box")}
    assert optional == {task.id for stage in ROADMAP.stages for task in stage.further}
    assert not optional & set(all_task_ids())
    for stage in ROADMAP.stages:
        page = read_page(f"{LANGS[lang]}stages/{stage.id}/")
        assert {b.attributes["data-task"] for b in page.css("[data-optional] input.rr-task__box")} == {
            task.id for task in stage.further}


def test_ticks_saved_before_the_additions_survive_them(page):
    """Progress exported before the additions is still ticked (a task the plan has since made optional too), and
    optional tasks do not hold it back: one counts, in the total too, only once ticked."""
    page.goto("en/weeks/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"version": 1, "start": SAVED["start"], "done": SAVED["done"]})])
    page.reload()
    saved = set(SAVED["done"])
    optional = page.eval_on_selector_all("[data-optional] input.rr-task__box", "els => els.map(e => e.dataset.task)")
    assert saved <= set(all_task_ids()) | set(optional), "a task id published before was renamed or removed"
    assert saved <= checked_ids(page)
    count = page.locator(".rr-progress--all .rr-progress__count")
    counted, ticked_optional = set(counted_task_ids()), saved & set(optional)
    done = len(saved & counted) + len(ticked_optional)
    assert count.inner_text() == t("plan-js.count", "en", done=done, total=len(counted) + len(ticked_optional))
    unticked = next(task for task in optional if task not in saved)
    box(page, unticked).check()
    assert count.inner_text() == t("plan-js.count", "en", done=done + 1, total=len(counted) + len(ticked_optional) + 1)


# ---- the feed ---------------------------------------------------------------------------------------------------


def entries(site: Path, lang: str) -> list:
    parsed = feedparser.parse((site / LANGS[lang] / "feed.xml").read_bytes())
    assert parsed.version == "atom10" and not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title and parsed.feed.author
    return parsed.entries


@pytest.mark.parametrize("lang", LANGS)
def test_each_feed_is_valid_atom_whose_entries_lead_to_pages_that_exist(site, read_page, lang):
    found = entries(site, lang)
    assert len({e.id for e in found}) == len(found) > 0
    assert [e.updated for e in found] == sorted((e.updated for e in found), reverse=True)
    added = {e.link for e in found if "/added/" in e.id}
    assert len(added) == len(INDEX.additions)
    for entry in found:
        target = urlsplit(urljoin(f"{SITE_URL}{LANGS[lang]}feed.xml", entry.link))
        page = read_page(target.path.removeprefix(urlsplit(SITE_URL).path))
        if target.fragment:
            assert page.css_first(f"#{target.fragment}") is not None, entry.link


def test_every_page_links_its_languages_feed(site, read_page):
    for lang, prefix in LANGS.items():
        for file in (site / prefix).rglob("index.html"):
            rel = file.relative_to(site).as_posix()
            if lang != "en" and rel.startswith("en/"):
                continue
            link = read_page(rel).css_first('head link[rel=alternate][type="application/atom+xml"]')
            assert link is not None, rel
            assert urljoin("http://site/" + rel, link.attributes["href"]) == f"http://site/{prefix}feed.xml", rel


def test_feed_ids_are_stable_and_links_absolute_when_the_address_is_known(site, read_page):
    """The site under test is built for its address: its feeds link absolutely, with the ids a feed made for any
    other address has (the build writes :func:`macros.outputs.feed.atom` for its own; without one, make serve's)."""
    for lang, prefix in LANGS.items():
        built = entries(site, lang)
        for elsewhere in (LOCAL_ADDRESS + prefix, "https://elsewhere.example/" + prefix):
            assert [e.id for e in feedparser.parse(atom(ROADMAP, lang, elsewhere)).entries] == [e.id for e in built]
        assert all(e.link.startswith(SITE_URL + prefix) for e in built)
        assert read_page(prefix).css_first('link[type="application/atom+xml"]') is not None


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_tells_the_roadmaps_courses_from_the_additions(page, lang):
    added = [c.id for c in ROADMAP.courses if c.added]
    own = [c.id for c in ROADMAP.courses if not c.added]
    page.goto(f"{LANGS[lang]}courses/")
    select = page.locator("#rr-finder-origin")
    assert select.locator("option").all_inner_texts()[1:] == [t("finder.origin.roadmap", lang),
                                                            t("finder.origin.added", lang)]
    for value, expected in (("added", added), ("roadmap", own)):
        select.select_option(value)
        shown = page.locator("#course-table tr.rr-course-row:visible").evaluate_all(
            "rows => rows.map(r => r.dataset.course)")
        assert shown == expected, value


def test_a_records_changes_of_one_day_are_one_feed_entry_with_each_change():
    """Feed entry ids are made from the day and the record: two changes on one day must not make two entries."""
    text = (ROOT / "tests/fixtures/minimal.yaml").read_text(encoding="utf-8")
    changes = """    checked: 2026-11-30
    changes:
      - date: 2026-11-30
        what: {zh: 第一处更正。, en: First correction.}
      - date: 2026-11-30
        what: {zh: 第二处更正。, en: Second correction.}
"""
    roadmap = parse(text.replace("    checked: 2026-11-30\n", changes, 1).encode(), "minimal.yaml")
    changed = [item for item in news(roadmap, "en") if item.kind == "changed"]
    assert [(item.key, item.texts) for item in changed] == [
        ("2026-11-30/changed/course-a", ("First correction.", "Second correction."))]
    feed = feedparser.parse(atom(roadmap, "en", "https://roadmap.example/"))
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids))
    assert "First correction.\nSecond correction." in [entry.summary for entry in feed.entries]
