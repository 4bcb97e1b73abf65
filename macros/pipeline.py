"""One language's site in four steps: its sources, the engine, the engine's HTML finished, the files besides it.

:func:`build_language` names the steps in order:

(a) :func:`sources`: from the data, every page of the registry (``macros/content/pages.py``: each page is one
    macro call), its title and description, the navigation, and the language's settings (name, description,
    address, language links, the 404 page's words);
(b) the engine turns them into a site: MkDocs with Material and mkdocs-macros (``macros/engine/mkdocs_adapter.py``),
    which renders the pages' macros, lays them out in the theme, indexes them for the search and writes the
    sitemap. It is one step behind a small interface (:class:`Engine`), and all that is MkDocs' or Material's
    stays in ``macros/engine/``;
(c) :func:`finish_pages`: every HTML file the engine wrote, with the corrections the engine names for its own
    markup (Material's partials patched: ``macros/engine/theme_patches.py``);
(d) :func:`write_extras`: the files besides the pages (the data downloads, the Atom feed, ``robots.txt``), and
    what the engine's files gain: the sitemap's language links, and the search index's fields (a course's code
    however typed, the synonyms of a section's words).

Nothing here imports the engine: ``macros/engine/site.py`` hands it in (``tests/test_engine_room.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from macros.content.descriptions import Descriptions
from macros.content.i18n import translate
from macros.content.pages import all_pages, course_src, navigation, page_titles, url_of
from macros.content.synonyms import SynonymMatcher
from macros.data.languages import BY_CODE, alternate_links
from macros.data.loader import data_file, load_once
from macros.data.model import Roadmap
from macros.outputs.crawl import is_root_site, rewrite_sitemap, robots_txt
from macros.outputs.exports import DOWNLOADS
from macros.outputs.feed import FEED, atom
from macros.outputs.search_text import Segmenter, add_to_index, code_spellings, kept_whole

LOCAL_ADDRESS = "http://127.0.0.1:8000/"
"""The address a build names when it is not told its own (``make serve``'s): sitemaps and feeds need one."""


def site_url(code: str) -> str:
    """The published address of a language's home: ``$SITE_URL`` (else :data:`LOCAL_ADDRESS`) plus its folder."""
    base = os.environ.get("SITE_URL", "").strip() or LOCAL_ADDRESS
    if not base.endswith("/"):
        base += "/"
    return base + BY_CODE[code].prefix


@dataclass(frozen=True)
class Settings:
    """What one language's build is told besides its pages: the same for any engine."""

    lang: str
    name: str
    """The site's name (``site.name`` in ``macros/content/ui/site.yaml``)."""
    description: str
    url: str
    """The language's home address (:func:`site_url`)."""
    alternate: list[dict[str, str]]
    """The language links (``macros/data/languages.py``): name, link from this language's home, language."""
    not_found: dict[str, str]
    """The 404 page's words: ``title``, ``text``, ``home`` (read by ``theme/404.html``)."""


def settings(code: str) -> Settings:
    """The settings of language ``code``'s build."""
    return Settings(
        lang=code, name=translate("site.name", code), description=translate("site.description", code),
        url=site_url(code), alternate=alternate_links(code),
        not_found={"title": translate("not-found.title", code), "text": translate("not-found.text", code),
                   "home": translate("not-found.home", code)},
    )


@dataclass(frozen=True)
class Sources:
    """Everything the engine builds one language's site from."""

    roadmap: Roadmap
    """The validated data, which the pages' macros render."""
    settings: Settings
    pages: dict[str, str]
    """Source path → page source (one macro call), in the order of the search index."""
    navigation: list[object]
    """Sections by their titles, pages by their source paths (``macros/content/pages.py``, ``navigation``)."""
    titles: dict[str, str]
    """Every page's title, by source path, as text (the engine escapes it if its theme reads titles as markup)."""
    describe: Callable[[str], str | None]
    """A page's meta description from the data, by source path."""
    kept_whole: frozenset[str]
    """The data's compounds the search keeps whole (``macros/outputs/search_text.py``)."""

    @property
    def lang(self) -> str:
        return self.settings.lang


def sources(roadmap: Roadmap, code: str) -> Sources:
    """Step (a): the pages, navigation and settings of language ``code``."""
    return Sources(roadmap=roadmap, settings=settings(code), pages=all_pages(roadmap),
                   navigation=navigation(roadmap, code), titles=page_titles(roadmap, code),
                   describe=Descriptions(roadmap, code), kept_whole=frozenset(kept_whole(roadmap)))


@dataclass(frozen=True)
class Built:
    """What the engine wrote, and what the steps after it need of the engine."""

    site_dir: Path
    finish_page: Callable[[str, str], str]
    """(the HTML file's path in the site, its HTML) → the HTML with the engine's corrections to its own markup."""
    search_index: Path
    """The search index the engine wrote (Material's ``search_index.json``)."""
    words: Segmenter
    """How the engine's search cut Chinese into words, for the fields added to its index."""


class Engine(Protocol):
    """Step (b): turns one language's :class:`Sources` into a site in ``site_dir`` (emptied first)."""

    def build(self, sources: Sources, site_dir: Path) -> Built: ...


def finish_pages(built: Built) -> None:
    """Step (c): every HTML file the engine wrote, finished by the engine's corrections."""
    for path in sorted(built.site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        finished = built.finish_page(path.relative_to(built.site_dir).as_posix(), html)
        if finished != html:
            path.write_bytes(finished.encode("utf-8"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_extras(sources: Sources, built: Built) -> None:
    """Step (d): the files besides the pages, and what the engine's own files gain.

    The downloads, the feed, ``robots.txt`` (the root language only); the sitemap's language links; the search
    index's fields.
    """
    roadmap, site = sources.roadmap, built.site_dir
    for path, write in DOWNLOADS.items():
        _write(site / path, write(roadmap))
    _write(site / FEED, atom(roadmap, sources.lang, sources.settings.url))
    links = [alt["link"] for alt in sources.settings.alternate]
    if is_root_site(links):  # robots.txt lists both languages' sitemaps
        _write(site / "robots.txt", robots_txt(sources.settings.url, links))
    rewrite_sitemap(site, sources.settings.url, sources.settings.alternate)
    codes = {url_of(course_src(c.id)): code_spellings(c.code, c.aliases) for c in roadmap.courses}
    raw = built.search_index.read_text(encoding="utf-8")
    _write(built.search_index, add_to_index(raw, codes, SynonymMatcher(roadmap.synonyms), built.words))


def build_language(code: str, site_dir: Path, engine: Engine) -> None:
    """One language's site in ``site_dir``, step by step."""
    source = sources(load_once(data_file()), code)  # (a) the pages, navigation and settings
    built = engine.build(source, site_dir)  # (b) the engine: MkDocs with Material
    finish_pages(built)  # (c) its HTML finished
    write_extras(source, built)  # (d) the files besides the pages
