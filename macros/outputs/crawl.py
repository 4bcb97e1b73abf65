"""What crawlers read besides the pages: language alternates, in the pages and the sitemap, and ``robots.txt``.

Kept free of MkDocs: works on the site's address, the language links of
``extra.alternate`` (each language's root relative to this site's root, e.g.
``./``, ``./en/``, ``../``) and page addresses.
"""

from __future__ import annotations

import gzip
import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import escape


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


SITEMAP_NAMESPACE = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
"""The opening of the sitemap the engine writes (MkDocs' ``sitemap.xml``), which :func:`sitemap_with_alternates`
widens with the namespace of the language links."""
_URL = re.compile(r"(<loc>([^<]*)</loc>.*?)(\n    </url>)", re.S)


def sitemap_with_alternates(xml: str, site_url: str, alternates: list[dict[str, str]]) -> str:
    """The engine's sitemap with every page's language versions (``hreflang``).

    The first language is also ``x-default``. Search engines read them from the sitemap: the pages' heads carry
    none (``theme/main.html``).
    """
    if not alternates:
        return xml
    if SITEMAP_NAMESPACE not in xml:
        raise ValueError(f"the engine's sitemap no longer opens with {SITEMAP_NAMESPACE}")
    xml = xml.replace(SITEMAP_NAMESPACE, SITEMAP_NAMESPACE[:-1] + ' xmlns:xhtml="http://www.w3.org/1999/xhtml">', 1)
    langs = [(alt["lang"], alt["link"]) for alt in alternates] + [("x-default", alternates[0]["link"])]

    def with_links(match: re.Match[str]) -> str:
        page_url = html.unescape(match.group(2))[len(site_url):]
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{escape(lang)}" '
                        f'href="{escape(language_url(site_url, link, page_url))}"/>' for lang, link in langs)
        return match.group(1) + links + match.group(3)

    return _URL.sub(with_links, xml)


def rewrite_sitemap(site_dir: Path, site_url: str, alternates: list[dict[str, str]]) -> None:
    """Add the language links to ``sitemap.xml`` and to its gzip copy, which keeps the engine's time stamp."""
    plain, packed = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
    if not plain.is_file():
        return
    xml = sitemap_with_alternates(plain.read_text(encoding="utf-8"), site_url, alternates).encode("utf-8")
    plain.write_bytes(xml)
    if packed.is_file():
        stamp = int.from_bytes(packed.read_bytes()[4:8], "little")  # the gzip header's MTIME
        with packed.open("wb") as file, gzip.GzipFile(filename=str(packed), mode="wb", fileobj=file, mtime=stamp) as gz:
            gz.write(xml)
