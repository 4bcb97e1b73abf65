"""Search engines and link previews: descriptions, canonical and hreflang links, sitemaps, robots.txt."""

from __future__ import annotations

import gzip
import os
import struct
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SITE_URL, HTMLParser
from quality_support import ROADMAP, html_pages

from macros.content.descriptions import LIMIT, Descriptions, shorten
from macros.data.languages import PREFIX as LANGS
from macros.engine.site import source_date_epoch
from macros.outputs.crawl import language_url, robots_txt

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def twin(path: str, lang: str) -> str:
    """The same page in the other language."""
    return path.removeprefix("en/") if lang == "en" else "en/" + path


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_own_description_from_the_data(site: Path, lang: str):
    seen: dict[str, str] = {}
    for path in html_pages(site, lang):
        metas = parse(site, path).css('meta[name="description"]')
        assert len(metas) == 1, path
        text = metas[0].attributes["content"]
        assert text and len(text) <= LIMIT[lang], (path, text)
        assert text not in seen, f"{path} repeats the description of {seen.get(text)}"
        seen[text] = path
    course = ROADMAP.courses[0]
    doc = parse(site, f"{LANGS[lang]}courses/{course.id}/")
    content = doc.css_first('meta[name="description"]').attributes["content"]
    assert course.code in content and course.title[lang] in content
    stage = ROADMAP.stages[0]
    doc = parse(site, f"{LANGS[lang]}stages/{stage.id}/")
    content = doc.css_first('meta[name="description"]').attributes["content"]
    assert stage.goal[lang] in content


@pytest.mark.parametrize("lang", LANGS)
def test_canonical_is_absolute_and_no_head_alternate_makes_material_fetch_a_404(site: Path, lang: str):
    pages = html_pages(site, lang)
    assert len(pages) > 20
    for path in pages:
        doc = parse(site, path)
        assert doc.css_first("html").attributes["lang"] == lang
        canonical = doc.css('link[rel="canonical"]')
        assert len(canonical) == 1 and canonical[0].attributes["href"] == SITE_URL + path, path
        # Material fetches sitemap.xml next to every <link rel=alternate>: only the sitemap names alternates
        assert doc.css('link[rel="alternate"][hreflang]') == [], path
        selector = {a.attributes["hreflang"]: a for a in doc.css("a.md-select__link[hreflang]")}
        assert set(selector) == {"zh", "en"} and all(a.attributes["lang"] == h for h, a in selector.items())


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_sitemap_of_all_its_pages_with_hreflang(site: Path, lang: str):
    folder = site / LANGS[lang]
    root = ET.fromstring((folder / "sitemap.xml").read_bytes())
    urls = root.findall(f"{SITEMAP}url")
    assert sorted(url.find(f"{SITEMAP}loc").text for url in urls) == sorted(
        SITE_URL + path for path in html_pages(site, lang)
    )
    for url in urls:
        path = url.find(f"{SITEMAP}loc").text.removeprefix(SITE_URL)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert alternates == {
            lang: SITE_URL + path,
            "zh" if lang == "en" else "en": SITE_URL + twin(path, lang),
            "x-default": SITE_URL + (twin(path, lang) if lang == "en" else path),
        }, path
        assert (site / twin(path, lang) / "index.html").exists()
    assert gzip.decompress((folder / "sitemap.xml.gz").read_bytes()) == (folder / "sitemap.xml").read_bytes()
    # built without SOURCE_DATE_EPOCH, the sitemap is dated by the last commit, never by the clock
    day = datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch()), UTC).date()
    assert struct.unpack("<I", (folder / "sitemap.xml.gz").read_bytes()[4:8])[0] == int(
        datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def test_robots_txt_allows_everything_and_names_both_sitemaps(site: Path):
    text = (site / "robots.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITE_URL}sitemap.xml", f"Sitemap: {SITE_URL}en/sitemap.xml",
    ]
    assert not (site / "en" / "robots.txt").exists()


def test_descriptions_are_cut_at_a_boundary():
    assert shorten("short  text", "en") == "short text"
    long_en = "word " * 60
    cut = shorten(long_en, "en")
    assert len(cut) <= LIMIT["en"] and cut.endswith("word…")
    long_zh = "课程、" * 60
    cut = shorten(long_zh, "zh")
    assert len(cut) <= LIMIT["zh"] and cut.endswith("课程…")
    describe = Descriptions(ROADMAP, "en")
    assert describe("no-such-page.md") is None
    assert describe("index.md").startswith(ROADMAP.meta.tagline["en"])


def test_language_urls_resolve_relative_and_absolute():
    assert language_url("https://x.example/en/", "../", "courses/a/") == "https://x.example/courses/a/"
    assert language_url("https://x.example/", "./en/", "") == "https://x.example/en/"
    assert language_url("../..", "../", "courses/a/") == "../../../courses/a/"
    assert language_url(".", "./en/", "") == "en/"
    assert language_url("/", "./", None) == "/"
    assert language_url("/en", "../", "") == "/"
    assert robots_txt("", ["./", "./en/"]) == "User-agent: *\nAllow: /\n"


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_names_absolute_addresses_and_the_news_page_says_how_to_follow_it(site: Path, lang: str):
    folder = site / LANGS[lang]
    feed = ET.parse(folder / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert links and all(link.startswith(SITE_URL + LANGS[lang]) for link in links), links
    news = parse(site, LANGS[lang] + "whats-new/")
    assert news.css_first('.rr-intro a[href="#subscribe"]') is not None  # the intro leads to the how-to
    address = news.css_first("#subscribe ~ p.rr-feed-address a")
    assert address.text() == SITE_URL + LANGS[lang] + "feed.xml"
    assert address.attributes["href"] == "../feed.xml"
