"""What crawlers read besides the pages: language alternates and ``robots.txt``.

Kept free of MkDocs: works on the site's address, the language links of
``extra.alternate`` (each language's root relative to this site's root, e.g.
``./``, ``./en/``, ``../``) and page addresses.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit


def language_url(base: str, link: str, page_url: object) -> str:
    """The same page in another language.

    ``base`` is either this site's absolute address (``https://host/en/``: the result is
    absolute, as ``hreflang`` wants) or the relative way from the page to this site's root
    (``../..``: the result is relative, for the language selector). Pages without an
    address (the 404 page) lead to the language's home.
    """
    page_url = page_url if isinstance(page_url, str) else ""
    if urlsplit(base).scheme:
        return urljoin(base if base.endswith("/") else base + "/", link + page_url)
    path = posixpath.normpath(posixpath.join(base or ".", link, page_url))
    if path.endswith("/") or (page_url and not page_url.endswith("/")):
        return path
    return path + "/"


def is_root_site(links: Iterable[str]) -> bool:
    """Whether the site whose language links are ``links`` sits at the root (none leads up)."""
    return not any(link.startswith("../") for link in links)


def robots_txt(site_url: str, links: Iterable[str]) -> str:
    """``robots.txt`` for the root site: everything may be crawled; one sitemap per language."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append("")
        lines += [f"Sitemap: {language_url(site_url, link, 'sitemap.xml')}" for link in links]
    return "\n".join(lines) + "\n"
