"""The engine step of the pipeline (``macros/pipeline.py``): one language's sources built by MkDocs and Material.

:func:`build` is the whole interface. It loads ``mkdocs.yml`` with the language's settings, gets Material's search
ready (:func:`_prepare_search`), runs MkDocs' build, whose hooks (``macros/engine/mkdocs_hooks.py``) hand MkDocs
the sources' pages and navigation, and returns what the steps after it need: how to patch Material's markup in the
written HTML, where the search index is and how its Chinese was cut. Another engine would be another module with
the same ``build``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.caches import register
from macros.content.i18n import translate
from macros.engine.material import SEARCH_INDEX_FILE
from macros.engine.search_memory import RememberingSegmenter, remember_entries, remember_segmentation
from macros.engine.theme_files import remember_theme_files
from macros.engine.theme_patches import PatchError, patch_page
from macros.pipeline import Built, Settings, Sources

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
SEARCH_PLUGIN = "material/search"


def language_config(settings: Settings, site_dir: str | None = None) -> MkDocsConfig:
    """The MkDocs configuration of one language's build.

    ``mkdocs.yml`` (the same for every language) with what follows from the language: its name, description,
    address, output folder and ``theme.language``, the language links (``extra.alternate``), the 404 page's words
    (``extra.not_found``, read by ``theme/404.html``), the palette toggles' names (``palette.toggle.<scheme>`` in
    ``macros/content/ui/site.yaml``) and the search language.
    """
    lang = settings.lang
    config = load_config(str(CONFIG), site_dir=site_dir, site_url=settings.url, site_name=settings.name,
                         site_description=settings.description)
    config.theme["language"] = lang
    config.extra["alternate"] = settings.alternate
    config.extra["not_found"] = dict(settings.not_found)
    for option in config.theme["palette"]:
        if option.get("toggle"):
            option["toggle"]["name"] = translate(f"palette.toggle.{option['scheme']}", lang)
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None:
        raise PluginError(f"the {SEARCH_PLUGIN} plugin is not configured")
    search.config.lang = [lang]
    return config


@dataclass
class Building:
    """One language's build in this process: its sources, and what the hooks learn of Material while it runs."""

    sources: Sources
    search_worker: str = ""
    """The address of our search worker (set in ``on_files``, read by the theme and its patches)."""
    strings: dict[str, str] = field(default_factory=dict)
    """Material's own word for search, the site's name and our search worker's file name, for the theme patches
    (set in ``on_env``)."""


_building: dict[str, Building] = register(
    {}, name="macros.engine.mkdocs_adapter._building", holds="each language's build under way (or last run)",
    key="the language", stale="never: each build of a language replaces its entry")
"""Language → its build under way (or last run) in this process. MkDocs loads the hooks module anew with every
configuration, so what the hooks learn is kept here."""


def building(config: MkDocsConfig) -> Building:
    """The build of this configuration's language."""
    return _building[language(config)]


def sources_for(config: MkDocsConfig) -> Sources:
    """The sources MkDocs is building from (``on_files``, the page hooks, the macros' ``define_env``)."""
    return building(config).sources


def language(config: MkDocsConfig) -> str:
    """The build's language, from ``theme.language``."""
    return str(config.theme["language"])


def _escaped(tree: object) -> object:
    """The navigation with every section title escaped (pages are named by their source paths).

    Material writes page and section titles into its HTML as they are (it treats them as markup).
    """
    if isinstance(tree, list):
        return [_escaped(item) for item in tree]
    if isinstance(tree, dict):
        return {escape(title): _escaped(children) for title, children in tree.items()}
    return tree


def _prepare_search(sources: Sources) -> RememberingSegmenter:
    """Material's search with the data's compounds kept whole, and what ``make serve``'s rebuilds may reuse.

    Returns the segmenter the search plugin cuts Chinese with.
    """
    words = remember_segmentation()
    if words is None:
        raise PluginError("jieba is not installed: the search plugin cannot cut Chinese into words")
    words.keep_whole(sources.kept_whole)
    remember_entries()
    remember_theme_files()
    return words


def build(sources: Sources, site_dir: Path) -> Built:
    """Step (b) of the pipeline: ``sources`` built by MkDocs into ``site_dir``."""
    config = language_config(sources.settings, str(site_dir))
    config.nav = _escaped(sources.navigation)
    this = _building[sources.lang] = Building(sources)
    words = _prepare_search(sources)
    mkdocs_build(config)

    def finish_page(name: str, html: str) -> str:
        """Material's markup with the changes of ``macros/engine/theme_patches.py``."""
        try:
            return patch_page(html, this.strings)
        except PatchError as exc:
            raise PluginError(f"{name}: {exc}") from None

    return Built(site_dir=site_dir, finish_page=finish_page, search_index=site_dir / SEARCH_INDEX_FILE, words=words)
