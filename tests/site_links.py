"""Every link of a built site, checked in-process against its files: no server, no network, no threads.

Each ``href`` and ``src`` of every HTML page is resolved as a browser would (relative to the page, ``dir/`` is
``dir/index.html``); an address inside the site must name a file of the build, and its ``#fragment`` an ``id``
(or ``name``) on that page. Addresses of other hosts are parsed by the WHATWG rules, never fetched: the weekly
job fetches them (``.github/workflows/links.yml``). The result is the same on a fast machine and a slow one.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import ada_url
from selectolax.lexbor import LexborHTMLParser

ATTRIBUTES = ("href", "src")
HOST = "http://site.invalid"
"""Where the site is pretended to be, to resolve addresses as a browser does."""


@dataclass(frozen=True)
class Link:
    """One address on one page, and what is wrong with it (empty when nothing is)."""

    page: str
    address: str
    problem: str = ""
    target: str = ""
    """The file of the site it leads to (``courses/index.html``); empty for another host's address."""


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@functools.cache
def _ids(file: Path) -> frozenset[str]:
    tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    ids |= {node.attributes.get("name") for node in tree.css("a[name]")}
    return frozenset(i for i in ids if i)


def _target(site: Path, path: str) -> Path | None:
    """The file a site path names (``courses/`` → ``courses/index.html``), if the build has it."""
    relative = unquote(path).lstrip("/")
    file = site / relative
    if path.endswith("/") or relative == "" or file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def links(site: Path, folder: str = "/") -> list[Link]:
    """Every link of every page of ``site``, with its problem if it has one.

    ``folder`` is the path the site is published under (``/repo/`` on GitHub Pages): an address that starts
    from the host's root (a 404 page's) must lead into it.
    """
    found = []
    _ids.cache_clear()
    for file in _html_files(site):
        page = file.relative_to(site).as_posix()
        here = HOST + folder + page
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for attribute in ATTRIBUTES:
            for node in tree.css(f"[{attribute}]"):
                address = (node.attributes.get(attribute) or "").strip()
                if address:
                    found.append(Link(page, address, *_resolve(site, folder, here, address)))
    return found


def _resolve(site: Path, folder: str, here: str, address: str) -> tuple[str, str]:
    """What is wrong with ``address`` on the page at ``here`` (empty when nothing is), and the file it leads to."""
    parts = urlsplit(address)
    if parts.scheme in ("http", "https") and parts.netloc:
        return ("" if ada_url.check_url(address) else "not an address a browser can open"), ""
    if parts.scheme:
        return ("" if parts.scheme in ("mailto", "data") else f"a {parts.scheme}: address"), ""
    resolved = urlsplit(urljoin(here, address))
    if not resolved.path.startswith(folder):
        return f"outside the site's folder {folder}", ""
    path = posixpath.normpath("/" + resolved.path.removeprefix(folder))
    path += "/" if resolved.path.endswith("/") and path != "/" else ""
    target = _target(site, path)
    if target is None:
        return f"no file {path}", ""
    if resolved.fragment and unquote(resolved.fragment) not in _ids(target):
        return f"no id {resolved.fragment!r} on {path}", target.relative_to(site).as_posix()
    return "", target.relative_to(site).as_posix()


def broken(site: Path, folder: str = "/") -> list[Link]:
    """The links of ``site`` (published under ``folder``) that have a problem."""
    return [link for link in links(site, folder) if link.problem]
