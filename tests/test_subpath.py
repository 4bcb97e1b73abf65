"""The site served under a folder of its host, as GitHub Pages serves a project (``https://owner.github.io/repo/``).

The tests build the site for such an address (``conftest.PUBLISHED_AT``) and serve it under the same folder, where
nothing outside the folder exists: every page, style sheet, script, the search and the language switch must work
from there, and no request may leave the folder.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from conftest import SITE_URL
from playwright.sync_api import expect
from quality_support import PAGE_TYPES, ROADMAP, open_loaded
from search_support import open_search, search, wait_until_search_is_ready

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

FOLDER = urlsplit(SITE_URL).path


@pytest.fixture
def watched(open_page, base_url: str):
    """A page whose every request is recorded: ``(page, requests)``, each ``(status, url)``.

    A request that failed has status ``None``; one the browser cancelled because the page went on to another
    address first (a script still loading when a link is followed, ``net::ERR_ABORTED``) has status
    ``"cancelled"``: the address may be right, and the file is never asked for again on the page that went away.
    """
    page = open_page()
    seen: list[tuple[int | str | None, str]] = []
    page.on("response", lambda response: seen.append((response.status, response.url)))
    page.on("requestfailed", lambda request: seen.append(
        ("cancelled" if request.failure == "net::ERR_ABORTED" else None, request.url)))
    return page, seen


def outside_or_failed(seen: list[tuple[int | str | None, str]], base_url: str) -> list[str]:
    """Requests that left the folder, failed or were answered with an error (a cancelled one inside is neither)."""
    return [f"{status} {url}" for status, url in seen if not url.startswith(base_url)
            or status is None or (status != "cancelled" and status >= 400)]


def test_the_site_is_served_under_a_folder(base_url: str):
    if FOLDER == "/":
        pytest.skip(f"the site under test is built for the root of its host ({SITE_URL})")
    assert urlsplit(base_url).path == FOLDER and FOLDER.count("/") >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_and_its_assets_load_from_the_folder(watched, base_url: str, lang: str):
    page, seen = watched
    for kind, path in PAGE_TYPES.items():
        page.goto(LANGS[lang] + path, wait_until="load")  # every script has run: the page listens for the pointer
        page.mouse.move(5, 300)  # Material's bundle and the search index load on the first interaction
        wait_until_search_is_ready(page)  # the search worker has its scripts and index: nothing left to load
        assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length > 0)"), kind
        assert page.locator("html").get_attribute("lang") == lang
    assert {url.rsplit(".", 1)[-1] for _, url in seen if url.endswith((".css", ".js"))} == {"css", "js"}
    assert outside_or_failed(seen, base_url) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_finds_its_assets_at_any_depth(watched, site, base_url: str, lang: str):
    """A host answers a missing address with 404.html, at whatever depth: its links lead into the folder. (Answered
    here with status 200: Chromium logs a 404 document as a console error, which the page fixture refuses.)"""
    page, seen = watched
    missing = f"{base_url}{LANGS[lang]}courses/no-such-course/deeper/"
    body = (site / LANGS[lang] / "404.html").read_bytes()
    page.route(missing, lambda route: route.fulfill(status=200, body=body, content_type="text/html"))
    open_loaded(page, missing)
    assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length > 0)")
    assert page.evaluate("document.styleSheets.length") > 1
    home = page.locator(".md-header__button.md-logo").get_attribute("href")
    assert urlsplit(page.evaluate("u => new URL(u, location.href).href", home)).path == FOLDER + LANGS[lang]
    assert outside_or_failed([(status, url) for status, url in seen if url != missing], base_url) == []


def test_search_and_the_language_switch_stay_in_the_folder(watched, base_url: str):
    page, seen = watched
    course = ROADMAP.courses[0]
    open_loaded(page, "")
    open_search(page)
    hits = search(page, course.code, base_url)
    assert hits and hits[0].path == f"courses/{course.id}/"
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(rf"{re.escape(base_url)}courses/{course.id}/(\?.*)?$"))
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{base_url}en/courses/{course.id}/")
    expect(page.locator("h1").first).to_contain_text(course.code)
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{base_url}courses/{course.id}/")
    assert outside_or_failed(seen, base_url) == []
