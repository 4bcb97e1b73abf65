"""The Atom feed of one language (``feed.xml``): what was added, changed and checked, newest first.

Built with feedgen from :func:`macros.content.views.news`, the same list the "What's new" page shows. Entry
ids are tag URIs made from each event's date, kind and record (RFC 4151), so they never change once
published; links are absolute when the site's address is known, else relative to the feed.
"""

from __future__ import annotations

import datetime
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from macros.content.i18n import translate
from macros.content.pages import PAGES
from macros.content.views import news, record_address, record_title, separators
from macros.data.model import Roadmap

FEED = "feed.xml"
TAG = "tag:llm-research-roadmap,2026:"
"""Prefix of every id (a tag URI whose authority and date never change)."""


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def atom(roadmap: Roadmap, lang: str, site_url: str = "") -> str:
    """The feed of ``lang`` as Atom XML; ``site_url`` is this language's root address, if known."""
    sep = separators(lang)

    def link(address: str) -> str:
        return urljoin(site_url, address) if site_url else address

    items = news(roadmap, lang)
    feed = FeedGenerator()
    feed.id(f"{TAG}{lang}")
    feed.title(f"{roadmap.meta.title[lang]}{sep.dot}{translate('page.whats-new', lang)}")
    feed.subtitle(translate("news.feed", lang))
    feed.author(name=translate("news.editors", lang))
    feed.language(lang)
    feed.link(href=link(PAGES["whats-new"].url), rel="alternate")
    feed.link(href=link(FEED), rel="self")
    feed.updated(_moment(items[0].date))
    for item in reversed(items):  # feedgen lists entries newest first, in the reverse order of adding
        entry = feed.add_entry()
        entry.id(f"{TAG}{lang}/{item.key}")
        names = sep.list.join(record_title(record, lang) for record in item.records)
        title = translate(f"news.{item.kind}", lang, n=len(item.records))
        entry.title(f"{title}{sep.label}{names}" if item.kind != "checked" else f"{title}")
        entry.link(href=link(record_address(item.records[0], roadmap) if item.kind != "checked"
                             else PAGES["whats-new"].url + f"#{item.date.isoformat()}"))
        entry.updated(_moment(item.date))
        entry.summary("\n".join(item.texts) or names)
    return feed.atom_str(pretty=True).decode("utf-8")
