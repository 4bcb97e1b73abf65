"""Page weight: what a reader's phone downloads, compressed as any static host serves it."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from quality_support import PAGE_TYPES, open_loaded

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

BUDGET = 300 * 1024
"""Bytes transferred (gzip) for the home page and the weekly plan: the issue's budget."""
TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def load(open_page, base_url: str, path: str) -> tuple[dict[str, int], list[str]]:
    """Open ``path`` in a fresh browser (empty cache); every resource's compressed size, and the foreign ones."""
    sizes: dict[str, int] = {}
    foreign: list[str] = []
    host = urlsplit(base_url).netloc

    def record(response) -> None:
        url = response.url
        if url.startswith("data:"):
            return
        if urlsplit(url).netloc != host:
            foreign.append(url)
            return
        body = response.body()
        kind = response.headers.get("content-type", "")
        sizes[url] = len(gzip.compress(body, 6)) if kind.startswith(TEXT) else len(body)

    page = open_page()
    page.on("requestfailed", lambda request: foreign.append(request.url))
    page.on("response", record)
    open_loaded(page, path)
    images = page.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !i.getAttribute('width') || !i.getAttribute('height')).map(i => i.src)"
    )
    assert images == [], f"images without width and height: {images}"
    return sizes, foreign


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["home", "weeks", "course", "courses"])
def test_page_loads_under_budget_from_this_host_only(open_page, base_url: str, lang: str, kind: str):
    sizes, foreign = load(open_page, base_url, LANGS[lang] + PAGE_TYPES[kind])
    assert foreign == []
    total = sum(sizes.values())
    listing = "\n".join(f"{size / 1024:7.1f} KB  {url}" for url, size in sorted(sizes.items(), key=lambda s: -s[1]))
    assert total < BUDGET, f"{total / 1024:.0f} KB > {BUDGET / 1024:.0f} KB:\n{listing}"
    # what the weight is made of: the page itself, Material's bundle and our assets, the search index
    assert any(url.endswith(("/", ".html")) for url in sizes)
    assert len(sizes) < 30, listing


def test_no_built_page_names_another_host_for_a_resource(site):
    """Scripts, styles, images and fonts all come from the site itself (links to other sites are fine)."""
    from conftest import HTMLParser

    for file in site.rglob("*.html"):
        doc = HTMLParser(file.read_text(encoding="utf-8"))
        for node in doc.css("script[src], link[rel=stylesheet], link[rel=preload], img[src], source[src], iframe"):
            address = node.attributes.get("src") or node.attributes.get("href") or ""
            assert not urlsplit(address).netloc, f"{file}: {address}"
