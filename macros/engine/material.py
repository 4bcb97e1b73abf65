"""What our theme relies on inside Material for MkDocs, listed once.

``tests/test_material.py`` checks each entry against the installed Material, so an update that
renames one fails there rather than in a reader's browser. Our theme code (``theme``) names
this module where it uses one of them.
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
"""Partials copied whole into ``theme`` → (Material's lines the copy drops, the lines it adds), stripped."""
