"""MkDocs hooks: check the data, set the language's settings, add the pages, patch Material's markup.

Material writes page and section titles into its HTML as they are (it treats them as markup), so every title
from the data reaches it escaped (:func:`escape`: markupsafe's ``Markup``, which Material's own ``| e`` leaves
as it is); and a page's title is set only after the macros plugin rendered the page, which renders any title
that looks like a template.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.content.descriptions import Descriptions
from macros.content.i18n import translate
from macros.content.pages import all_pages, course_src, navigation, page_titles, url_of
from macros.content.synonyms import SynonymMatcher
from macros.data.languages import alternate_links
from macros.engine.material import BUNDLE as MATERIAL_BUNDLE
from macros.engine.material import SEARCH_INDEX_FILE
from macros.engine.mkdocs_adapter import language, roadmap_for
from macros.engine.search_memory import remember_entries, remember_segmentation, segmenter
from macros.engine.search_worker import (
    OUR_SCRIPT,
    WorkerPatchError,
    is_materials_worker,
    patched_worker,
    search_files,
    worker_address,
)
from macros.engine.theme_files import remember_theme_files
from macros.engine.theme_patches import PatchError, patch_page
from macros.outputs.crawl import is_root_site, language_url, robots_txt
from macros.outputs.exports import DOWNLOADS
from macros.outputs.feed import FEED, atom
from macros.outputs.search_text import add_to_index, code_spellings, kept_whole, space_blocks
from macros.render.finished_html import BLOCKS, FinishedHtmlError
from macros.render.jinja_cache import SHARED

SEARCH_PLUGIN = "material/search"


def configure_language(config: MkDocsConfig, lang: str) -> None:
    """The settings that follow from the build's language, so each is written once.

    The 404 page's words (``extra.not_found``, read by ``theme/404.html``) come from ``macros/content/ui/site.yaml``.
    The language links (``extra.alternate``) come from ``macros/data/languages.py``; the palette toggles' names
    from ``palette.toggle.<scheme>`` in ``macros/content/ui/site.yaml``; the search language is the build's.
    """
    config.extra["alternate"] = alternate_links(lang)
    config.extra["not_found"] = {"title": translate("not-found.title", lang), "text": translate("not-found.text", lang),
                                 "home": translate("not-found.home", lang)}
    for option in config.theme["palette"]:
        if option.get("toggle"):
            option["toggle"]["name"] = translate(f"palette.toggle.{option['scheme']}", lang)
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None:
        raise PluginError(f"the {SEARCH_PLUGIN} plugin is not configured")
    search.config.lang = [lang]


@event_priority(100)  # before the macros and search plugins read the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Stop on bad data before anything is written; set the language's settings and translated navigation."""
    lang = language(config)
    configure_language(config, lang)
    words = remember_segmentation()
    if words is None:
        raise PluginError("jieba is not installed: the search plugin cannot cut Chinese into words")
    words.keep_whole(kept_whole(roadmap_for(config)))
    remember_entries()
    remember_theme_files()
    config.nav = _escaped(navigation(roadmap_for(config), lang))
    return config


def _escaped(tree: object) -> object:
    """The navigation with every section title escaped (pages are named by their source paths)."""
    if isinstance(tree, list):
        return [_escaped(item) for item in tree]
    if isinstance(tree, dict):
        return {escape(title): _escaped(children) for title, children in tree.items()}
    return tree


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Every page of the registry (``macros/content/pages.py``), the data downloads, our search worker."""
    roadmap = roadmap_for(config)
    use_our_search_worker(files, config)
    for src, content in all_pages(roadmap).items():
        files.append(File.generated(config, src, content=content))
    for path, write in DOWNLOADS.items():
        files.append(File.generated(config, path, content=write(roadmap)))
    files.append(File.generated(config, FEED, content=atom(roadmap, language(config), config.site_url or "")))
    links = [alt["link"] for alt in config.extra.get("alternate", [])]
    if is_root_site(links):  # robots.txt lists both languages' sitemaps
        files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url or "", links)))
    return files


def use_our_search_worker(files: Files, config: MkDocsConfig) -> None:
    """Material's search worker (and its source map) replaced by our patched copy (``search_worker.py``)."""
    found = [f for f in files if is_materials_worker(f.src_uri)]
    workers = [f for f in found if not f.src_uri.endswith(".map")]
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker (assets/javascripts/workers/search.*.min.js), "
                          f"found {[f.src_uri for f in workers]}")
    try:
        content = patched_worker(Path(workers[0].abs_src_path or "").read_text(encoding="utf-8"),
                                 OUR_SCRIPT.read_text(encoding="utf-8"))
    except WorkerPatchError as exc:
        raise PluginError(str(exc)) from None
    for file in found:
        files.remove(file)
    address = worker_address(content)
    files.append(File.generated(config, address, content=content))
    _search_workers[language(config)] = address


_search_workers: dict[str, str] = {}
"""The address of our search worker, per language (set in ``on_files``, read by the theme and its patches)."""


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Globals for the theme: ``language_url``, ``material_bundle`` and ``search_files``; the shared template cache.

    ``language_url`` gives the same page in another language; ``material_bundle`` is the address of Material's
    JavaScript bundle, whose name carries a hash that changes with each Material release; ``search_files`` what
    the search downloads when it starts (``macros/engine/search_worker.py``).
    """
    env.bytecode_cache = SHARED  # compiled once per process: serve's rebuilds load them (jinja_cache.py)
    env.globals["language_url"] = language_url
    bundles = [f.src_uri for f in files if MATERIAL_BUNDLE.fullmatch(f.src_uri)]
    if len(bundles) != 1:
        raise PluginError(f"expected one Material bundle (assets/javascripts/bundle.*.min.js), found {bundles}")
    env.globals["material_bundle"] = bundles[0]
    search = config.plugins[SEARCH_PLUGIN].config
    env.globals["search_files"] = search_files(list(search.lang), _search_workers[language(config)])
    language_strings = env.get_template("partials/language.html", None, {"config": config}).module
    _material_strings[language(config)] = {"search": str(language_strings.t("search")), "site": config.site_name,
                                           "worker": _search_workers[language(config)].rsplit("/", 1)[1]}
    return env


_material_strings: dict[str, dict[str, str]] = {}
"""Material's own interface words, the site's name and our search worker's file name, per language, for the theme
patches (set in ``on_env``)."""


def _patched(output: str, name: str, config: MkDocsConfig) -> str:
    try:
        return patch_page(output, _material_strings[language(config)])
    except PatchError as exc:
        raise PluginError(f"{name}: {exc}") from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Material's markup with the changes of ``macros/engine/theme_patches.py``."""
    return _patched(output, page.file.src_uri, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same changes in the pages built from a theme template alone (``404.html``)."""
    return _patched(output_content, template_name, config) if template_name.endswith(".html") else output_content


_described: dict[tuple[int, str], tuple[Descriptions, dict[str, Markup]]] = {}


@event_priority(-100)  # after the macros plugin: it renders a page title that looks like a template
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's title (escaped) and a meta description from the data, unless the front matter sets one."""
    roadmap, lang = roadmap_for(config), language(config)
    found = _described.get((id(roadmap), lang))
    if found is None:
        _described.clear()
        titles = {src: escape(title) for src, title in page_titles(roadmap, lang).items()}
        found = _described[(id(roadmap), lang)] = (Descriptions(roadmap, lang), titles)
    describe, titles = found
    if page.file.src_uri in titles:  # a page of the registry (a page written in docs/ keeps MkDocs' title)
        page.title = titles[page.file.src_uri]
    text = describe(page.file.src_uri)
    if text and not page.meta.get("description"):
        page.meta["description"] = text
    return markdown


@event_priority(100)  # before any other plugin reads the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The templates' finished HTML put back; words of neighbouring elements kept apart for the search.

    See ``macros/render/finished_html.py`` and ``macros/outputs/search_text.py``.
    """
    try:
        return space_blocks(BLOCKS.restore(html))
    except FinishedHtmlError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """The search index with each course page's code however typed, and every section's hidden words.

    Those are the synonyms of its words and the parts of the compounds it has (``macros/outputs/search_text.py``).
    """
    roadmap = roadmap_for(config)
    codes = {url_of(course_src(c.id)): code_spellings(c.code, c.aliases) for c in roadmap.courses}
    path = Path(config.site_dir) / SEARCH_INDEX_FILE
    raw = path.read_text(encoding="utf-8")
    words = segmenter()
    assert words is not None  # on_config stops a build without jieba
    path.write_text(add_to_index(raw, codes, SynonymMatcher(roadmap.synonyms), words), encoding="utf-8")
