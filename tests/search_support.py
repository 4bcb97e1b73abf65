"""Helpers for the search and course-finder tests: drive Material's search box like a reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from macros.content.index import RoadmapIndex
from macros.content.synonyms import SynonymMatcher
from macros.data.loader import load_once
from macros.data.model import Roadmap, Synonyms
from tests.conftest import ROOT

ZWSP = "\u200b"


@dataclass(frozen=True)
class Hit:
    """One link in the search results: the page it belongs to, its address and its title."""

    page_title: str
    path: str
    title: str


def roadmap() -> tuple[Roadmap, RoadmapIndex]:
    """The real data the site was built from."""
    data = load_once(ROOT / "data" / "roadmap.yaml")
    return data, RoadmapIndex(data)


def clean(text: str | None) -> str:
    """Visible text without the zero-width spaces Material's Chinese segmentation inserts."""
    return " ".join((text or "").replace(ZWSP, "").split())


def site_path(href: str, base_url: str) -> str:
    """A result address relative to the site root, without the ``?h=`` highlight query."""
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(base_url).path):] if parts.path.startswith(urlsplit(base_url).path) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def open_search(page: Page) -> None:
    """Open the search dialog with its keyboard shortcut, as a reader would."""
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    wait_until_search_is_ready(page)


def wait_until_search_is_ready(page: Page) -> None:
    """Wait until the search worker has built its index (slow on a loaded machine) and invites typing."""
    page.wait_for_function(
        """() => {
            const config = JSON.parse(document.getElementById("__config").textContent);
            const meta = document.querySelector(".md-search-result__meta");
            return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
        }""",
        timeout=120_000,
    )


def search(page: Page, query: str, base_url: str) -> list[Hit]:
    """Type ``query`` into the open search box and return every result link: each page's, and its sections' inside
    the page's "more" group (Material writes them into the closed group, so reading them needs no click)."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    page.keyboard.press("End")
    # an empty box empties the list and shows the placeholder; only then is a change a new answer
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    placeholder = meta.text_content()
    # The whole query at once: typed key by key, each key starts a search of its own, and on a slow machine
    # their answers arrive late enough to look like the last one. A pasted query is one search. Chinese typed
    # through an input method ends with a key press that commits the text too: press End (a no-op in the box)
    # to send the keyup Material listens to.
    box.fill(query)
    page.keyboard.press("End")
    # The answer has come when the line above the results stops showing the placeholder: it then says how many
    # pages match ("12 matching documents"). Waiting for that number, not for a quiet moment, holds on any machine.
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent !== p", arg=placeholder,
    )
    # Material lists ten pages, then four more each time the list is scrolled to its end. It notices the end only
    # when the list was away from it first, so each step scrolls to the top, lets a frame pass, then to the end.
    # The line above the results says how many pages matched ("21 matching documents"): the list is whole when
    # that many are shown.
    items = page.locator(".md-search-result__item")
    digits = re.search(r"\d+", meta.text_content() or "")
    announced = int(digits.group()) if digits else items.count()
    while (shown := items.count()) < announced:
        page.evaluate("""async () => {
            const list = document.querySelector('.md-search__scrollwrap');
            list.scrollTop = 0;
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            list.scrollTop = list.scrollHeight;
        }""")
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
    page.evaluate("() => { document.querySelector('.md-search__scrollwrap').scrollTop = 0; }")
    hits = page.locator(".md-search-result__item").evaluate_all(
        """items => items.flatMap(item => {
            const links = Array.from(item.querySelectorAll('a.md-search-result__link'));
            const head = links.length ? links[0].querySelector('h1, h2') : null;
            return links.map(a => ({
                page: head ? head.textContent : '',
                href: a.href,
                title: (a.querySelector('h1, h2') || a).textContent,
            }));
        })"""
    )
    return [Hit(clean(h["page"]), site_path(h["href"], base_url), clean(h["title"])) for h in hits]


def close_search(page: Page) -> None:
    page.keyboard.press("Escape")


def has_word(word: str) -> Callable[[str], bool]:
    """Whether a text has ``word``, as the synonym matcher finds a word of a group (``macros/content/synonyms.py``)."""
    matcher = SynonymMatcher([Synonyms(id="word", zh=[word], en=[word])])

    def has(text: str) -> bool:
        lowered = text.lower()
        return any(w.in_text(text, lowered) for _, words in matcher.groups for w in words)

    return has
