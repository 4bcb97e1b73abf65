"""Material's bundle loads on the reader's first interaction (partials/javascripts/bundle-on-demand.js), and
then everything it does works: search, shortcuts, the table of contents that follows, the highlight."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect
from quality_support import BUNDLE_STARTED, PHONE, ROADMAP, open_loaded
from search_support import wait_until_search_is_ready

from macros.content.index import RoadmapIndex
from macros.data.languages import PREFIX as LANGS
from macros.outputs.search_text import kept_whole
from tests.slow_network import serve_like_pages, slow_down

pytestmark = pytest.mark.browser
INDEX = RoadmapIndex(ROADMAP)


@pytest.fixture
def page(open_page) -> Page:
    """A reader's first visit: a fresh context with an empty cache, so that what loads and when is what a first
    visit sees (the shared tab of conftest keeps the bundle in its cache)."""
    return open_page(accept_downloads=True)


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
    wait_until_search_is_ready(page)  # the index is built in the page: on a loaded machine, seconds after the tap
    box.fill(ROADMAP.courses[0].title.en)
    page.keyboard.press("End")  # Material searches on a key's release (a pasted text sends none)
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


# ---- the first search on a slow phone: before the bundle has arrived ------------------------------------------


@pytest.fixture(scope="module")
def pages_url(site):
    """The built site served as GitHub Pages serves it (gzip, cacheable for ten minutes)."""
    server, url = serve_like_pages(site)
    yield url
    server.shutdown()


def held_bundle(page: Page) -> dict:
    """Hold Material's bundle until the test lets it go (``release(held)``): it arrives after what the test does."""
    held: dict = {"routes": [], "released": False}

    def hold(route) -> None:
        if held["released"]:
            route.continue_()
        else:
            held["routes"].append(route)

    page.route("**/assets/javascripts/bundle.*.min.js", hold)
    return held


def release(held: dict) -> None:
    held["released"] = True
    for route in held["routes"]:
        route.continue_()


@pytest.mark.parametrize(("lang", "path"), [("en", "weeks/"), ("zh", "weeks/#week-3")])
def test_the_first_tap_on_a_slow_phone_focuses_the_box_keeps_what_is_typed_and_finds_it(
        browser, pages_url, lang: str, path: str):
    """On a throttled phone (Slow 3G, CPU 4× slower), the header's search button tapped before the bundle has
    arrived: the box has the focus at once, what is typed stays, the search's files are on their way before the
    bundle is, and the results come once the index does. A page opened at an anchor (#week-3) keeps the search
    open when the bundle starts (the bundle closes it on every anchor, the one the page opened with included)."""
    course = ROADMAP.courses[-1]
    query = course.code if lang == "en" else kept_whole(ROADMAP)[0]
    context = browser.new_context(base_url=pages_url, **PHONE)
    try:
        page = context.new_page()
        held = held_bundle(page)
        slow_down(context, page)
        page.add_init_script("""addEventListener('DOMContentLoaded', () => {
            window.__closeAttempts = 0;
            document.getElementById('__search').addEventListener('click', (e) => {
                if (!e.isTrusted) window.__closeAttempts++; }, true); });""")
        page.goto(LANGS[lang] + path, wait_until="domcontentloaded")
        # the tap asks for the index and the worker at once, not after the bundle
        with page.expect_request("**/search/search_index.json"), page.expect_request("**/workers/search.*.min.js"):
            page.locator("label.md-header__button[for=__search]").tap()
        box = page.locator("input.md-search__input")
        expect(box).to_be_focused()
        page.keyboard.type(query)
        expect(box).to_have_value(query)
        assert page.evaluate(BUNDLE_STARTED) is False
        release(held)
        first = page.locator(".md-search-result__item").first
        expect(first).to_be_visible(timeout=120_000)
        expect(box).to_have_value(query)
        if lang == "en":
            expect(first).to_contain_text(course.title.en)
        else:  # a Chinese compound is searched whole: no result lacks a part of it
            assert not page.locator(".md-search-result__terms").count()
        if "#" in path:  # the bundle tried to close the search for the page's anchor, and it stayed open
            page.wait_for_function("() => window.__closeAttempts > 0", timeout=120_000)
            assert page.evaluate("document.getElementById('__search').checked")
            expect(first).to_be_visible()
    finally:
        context.close()
