"""Every internal of Material for MkDocs (and of MkDocs itself) that our code and theme rely on, listed once.

``tests/test_material.py`` checks each entry against the installed packages, so an update that
renames one fails there rather than in a reader's browser. Our theme code (``theme/``) and the engine's
modules name this module where they use one of them.
"""

from __future__ import annotations

import re

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
"""Material's JavaScript bundle; its name carries a hash that changes with each release."""

SEARCH_SEGMENTER = ("material.plugins.search.plugin", "jieba")
"""Where Material's search plugin finds jieba, which it calls (``jieba.cut``) for every run of Chinese text of
every page: ``macros/engine/search_memory.py`` puts a remembering stand-in there."""

SEARCH_ENTRIES = ("material.plugins.search.plugin", "SearchIndex", "add_entry_from_context")
"""The search index's method that indexes one page (``index.add_entry_from_context(page)``, appending to
``index.entries``, with the plugin's settings in ``index.config``): ``macros/engine/search_memory.py`` wraps it to reuse
the entries of a page whose inputs are unchanged."""

SEARCH_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
"""Material's search worker (lunr and Material's query handling); its name carries a hash too. The pages' settings
name it (``"search": "…/search.<hash>.min.js"`` in ``base.html``'s ``__config``):
``macros/engine/theme_patches.py`` points them at our patched copy (``macros/engine/search_worker.py``)."""

SEARCH_QUERY_CUT = re.compile(
    r'(?P<query>[\w$]+)=(?P=query)\.replace\((?P<han>new RegExp\("\\\\p\{sc=Han\}\+","gu"\)),'
    r'(?P<run>[\w$]+)=>\[\.\.\.[\w$]+\((?P=run),this\.index\.invertedIndex\)\]\.join\("\* "\)\)'
)
"""The expression of the worker's ``Search.search`` that cuts each run of Chinese of a query (``segment`` in
Material's ``integrations/search/_/index.ts``, minified): ``macros/engine/search_worker.py`` replaces it."""


def search_scripts(lang: str) -> list[str]:
    """The lunr scripts Material's worker imports for a search language, under ``assets/javascripts/lunr/``.

    As ``setupSearchLanguages`` in ``integrations/search/worker/main/index.ts`` chooses them; with any of them
    comes ``min/lunr.stemmer.support.min.js``, with several languages ``min/lunr.multi.min.js``.
    """
    segmenter = {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}.get(lang, [])
    return [*segmenter, *([f"min/lunr.{lang}.min.js"] if lang != "en" else [])]


BUNDLE_GLOBALS: dict[str, str] = {
    "document$": "bundle-on-demand.js hands the late-loaded bundle the document (window.document$.next)",
    "component$": "the tests know the bundle has started when it is defined (quality_support.BUNDLE_STARTED)",
}
"""Globals the bundle defines (``window.<name>=``)."""

BASE_SCRIPT_GLOBALS: dict[str, str] = {
    "__md_get": "palette.js reads the reader's colour-scheme choice, in Material's storage format",
    "__md_set": "palette.js stores the reader's choice",
}
"""Functions of the inline script of ``partials/javascripts/base.html`` (``<name>=``)."""

MARKUP: dict[str, tuple[str, str]] = {
    'id="__search"': ("base.html", "bundle-on-demand.js opens search on f, s or / before the bundle runs, "
                               "and unchecks it on load"),
    'id="__drawer"': ("base.html", "bundle-on-demand.js unchecks it on load"),
    "md-search__input": ("partials/search.html", "bundle-on-demand.js focuses the search box"),
    'name="__palette"': ("partials/palette.html", "palette.js finds the colour-scheme inputs by their name"),
}
"""Markup our scripts look for: text → (the Material template that writes it, who relies on it)."""

COPIED_PARTIALS: dict[str, tuple[set[str], set[str]]] = {
    "partials/alternate.html": (
        {'<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">'},
        {'<a href="{{ language_url(base_url, alt.link, page.url) }}" hreflang="{{ alt.lang }}" '
         'lang="{{ alt.lang }}" class="md-select__link rr-lang-link"'
         '{% if alt.lang == config.theme.language %} aria-current="true"{% endif %}>'},
    ),
}
"""Partials copied whole into ``theme/`` → (Material's lines the copy drops, the lines it adds), stripped."""


OVERRIDDEN_BLOCKS: dict[str, tuple[str, dict[str, str]]] = {
    "main.html": ("base.html", {
        "site_meta": "the page's description from the data and its canonical address",
        "htmltitle": "the title as text (titles from the data reach Material escaped)",
        "scripts": "Material's bundle loaded on the reader's first interaction (bundle-on-demand.js)",
    }),
    "404.html": ("main.html", {
        "content": "the 404 page in the build's language (extra.not_found)",
    }),
}
"""Our theme's templates (``theme/``) → (the Material template each extends, the blocks it overrides → why). A block
Material renames or drops would leave ours unused, silently: ``tests/test_material.py`` finds each in Material's
template (or the templates that one extends)."""

ENGINE_SITEMAP = ("mkdocs/templates/sitemap.xml", (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    "<url>",
    "<loc>{% if file.page.canonical_url %}{{ file.page.canonical_url|e }}{% else %}{{ file.page.abs_url|e }}"
    "{% endif %}</loc>",
    "</url>",
))
"""MkDocs' own sitemap template (Material has none and falls back to it), inside the installed packages, and the
lines of it that ``macros/outputs/crawl.py`` (``rewrite_sitemap``) relies on when it adds each page's language links
after the build: the opening it widens with the ``xhtml`` namespace, and each ``<url>`` with its ``<loc>``, written
at the indentation the template gives them."""

SEARCH_FIELDS = ("material.plugins.search.config", "SearchConfig", "fields")
"""The search plugin's ``fields`` option (``plugins.search.fields`` in ``mkdocs.yml``): extra fields of the index
with their boosts, written into ``search_index.json``'s ``config.fields`` for the worker, which builds its lunr index
with them. ``macros/outputs/search_text.py`` (``add_to_index``) relies on it for ``codes`` and ``synonyms``."""

SEARCH_INDEX_FILE = "search/search_index.json"
"""Where the search plugin writes its index (``on_post_build``) and ``macros/pipeline.py`` rewrites it after the
engine's build (``write_extras``), reading ``config.fields`` and each of ``docs``' ``location``,
``title`` and ``text`` (``macros/outputs/search_text.py``, ``add_to_index``)."""

SEARCH_HAN = ("material.plugins.search.plugin", "SearchIndex", "_segment_chinese", r"(\p{script: Han}+)")
"""The runs of Chinese the plugin hands jieba: Material's expression (with ``backrefs.bre``). Where our Python needs
the same runs without that library, it uses the ranges of :data:`HAN_RANGES` instead (``_HAN`` in
``macros/outputs/search_text.py`` and ``macros/content/synonyms.py``), which match the same characters in every text
of the data and of the interface strings."""

HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""The character ranges standing for :data:`SEARCH_HAN` in our Python (CJK Unified Ideographs, Extension A,
Compatibility Ideographs)."""

LIVE_RELOAD = ("mkdocs.livereload", "LiveReloadServer")
"""MkDocs' development server, which ``macros/engine/site.py`` (``serve``) runs itself rather than through
``mkdocs serve``: constructed with ``builder``, ``host``, ``port``, ``root`` and ``polling_interval``; its
``build_delay`` set after; ``watch(path)``, ``serve()`` and ``shutdown()`` called."""
