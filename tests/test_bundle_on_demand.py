"""Material's bundle loads on the reader's first interaction (partials/javascripts/bundle-on-demand.js), and
then everything it does works: search, shortcuts, the table of contents that follows, the highlight."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect
from quality_support import BUNDLE_STARTED, PHONE, ROADMAP, open_loaded

from macros.index import RoadmapIndex
from macros.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser
INDEX = RoadmapIndex(ROADMAP)


def requests_of(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.mark.parametrize("lang", LANGS)
def test_reading_loads_neither_the_bundle_nor_the_search_index(page: Page, lang: str):
    urls = requests_of(page)
    open_loaded(page, LANGS[lang] + "weeks/")
    page.wait_for_timeout(500)
    assert not [url for url in urls if "/javascripts/" in url or "search_index" in url]
    assert page.evaluate(BUNDLE_STARTED) is False
    # the page's own tools work without it
    box = page.locator("input.rr-task__box").first
    box.check()
    expect(box).to_be_checked()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("interaction", ["pointer", "scroll", "touch", "tab"])
def test_first_interaction_starts_the_bundle(open_page, base_url: str, lang: str, interaction: str):
    page = open_page(has_touch=interaction == "touch")
    urls = requests_of(page)
    open_loaded(page, LANGS[lang] + "courses/")
    if interaction == "pointer":
        page.mouse.move(200, 300)
    elif interaction == "scroll":
        page.mouse.wheel(0, 600)
    elif interaction == "touch":
        page.touchscreen.tap(600, 500)
    else:
        page.keyboard.press("Tab")
    page.wait_for_function(BUNDLE_STARTED)
    bundle = [url for url in urls if "/javascripts/bundle." in url]
    assert len(bundle) == 1 and bundle[0].startswith(base_url + LANGS[lang] + "assets/")
    # its page components started: tables wrapped, the header follows the reading position
    expect(page.locator(".rr-table-wrap .md-typeset__scrollwrap")).to_have_count(1)
    page.evaluate("window.scrollTo(0, 1200)")
    expect(page.locator(".md-header__title--active")).to_have_count(1)


@pytest.mark.parametrize("key", ["s", "/"])
def test_search_shortcut_on_a_fresh_page_opens_search_and_keeps_what_is_typed(page: Page, key: str):
    open_loaded(page, "en/")
    page.keyboard.press(key)
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    title = ROADMAP.courses[0].title.en
    page.keyboard.type(title)
    expect(box).to_have_value(title)
    expect(page.locator(".md-search-result__item").first).to_contain_text(title)


def test_search_address_opens_search_at_once(page: Page):
    title = ROADMAP.courses[-1].title.en
    page.goto(f"en/courses/?q={quote(title)}")
    page.wait_for_function(BUNDLE_STARTED)
    expect(page.locator("input.md-search__input")).to_have_value(title)
    expect(page.locator(".md-search-result__item").first).to_contain_text(title)


def test_header_search_button_works_on_a_phone(open_page):
    page = open_page(**PHONE)
    open_loaded(page, "en/")
    page.locator("label.md-header__button[for=__search]").tap()
    box = page.locator("input.md-search__input")
    expect(box).to_be_visible()
    box.fill(ROADMAP.courses[0].title.en)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_highlight_address_marks_the_words_at_once(page: Page):
    """A search result links to ``page/?h=word``: the page marks the word without waiting for an interaction."""
    course = next(c for c in ROADMAP.courses if c.topics)
    word = INDEX.topics[course.topics[0]].en.split()[0].lower()
    page.goto(f"en/courses/{course.id}/?h={quote(word)}")
    page.wait_for_function(BUNDLE_STARTED)
    marks = page.locator("article mark")
    expect(marks.first).to_be_visible()
    assert all(word in text.lower() for text in marks.all_inner_texts())
