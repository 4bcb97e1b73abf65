"""MkDocs hooks: the engine's side of the pipeline's engine step (``macros/engine/mkdocs_adapter.py``).

They hand MkDocs the sources' pages (``on_files``), give the theme its globals (``on_env``), set each page's title
and description (``on_page_markdown``) and put the templates' finished HTML back (``on_page_content``). Everything
before and after MkDocs' build is in ``macros/pipeline.py``.

Material writes page and section titles into its HTML as they are (it treats them as markup), so every title
from the data reaches it escaped (:func:`escape`: markupsafe's ``Markup``, which Material's own ``| e`` leaves
as it is); and a page's title is set only after the macros plugin rendered the page, which renders any title
that looks like a template.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.engine.material import BUNDLE as MATERIAL_BUNDLE
from macros.engine.mkdocs_adapter import SEARCH_PLUGIN, building, sources_for
from macros.engine.search_worker import (
    OUR_SCRIPT,
    WorkerPatchError,
    is_materials_worker,
    patched_worker,
    search_files,
    worker_address,
)
from macros.outputs.crawl import language_url
from macros.outputs.search_text import space_blocks
from macros.render.finished_html import FINISHED_HTML, FinishedHtmlError
from macros.render.jinja_cache import SHARED


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Every page of the sources (``macros/content/pages.py``'s registry), and our search worker."""
    use_our_search_worker(files, config)
    for src, content in sources_for(config).pages.items():
        files.append(File.generated(config, src, content=content))
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
    building(config).search_worker = address


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
    this = building(config)
    env.globals["search_files"] = search_files(list(search.lang), this.search_worker)
    language_strings = env.get_template("partials/language.html", None, {"config": config}).module
    this.strings.update(search=str(language_strings.t("search")), site=config.site_name,
                        worker=this.search_worker.rsplit("/", 1)[1])
    return env


@event_priority(-100)  # after the macros plugin: it renders a page title that looks like a template
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's title (escaped) and a meta description from the data, unless the front matter sets one."""
    sources = sources_for(config)
    if page.file.src_uri in sources.titles:  # a page of the registry (a page written in docs/ keeps MkDocs' title)
        page.title = escape(sources.titles[page.file.src_uri])
    text = sources.describe(page.file.src_uri)
    if text and not page.meta.get("description"):
        page.meta["description"] = text
    return markdown


@event_priority(100)  # before any other plugin reads the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The templates' finished HTML put back; words of neighbouring elements kept apart for the search.

    See ``macros/render/finished_html.py`` and ``macros/outputs/search_text.py``.
    """
    try:
        return space_blocks(FINISHED_HTML.restore(html))
    except FinishedHtmlError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
