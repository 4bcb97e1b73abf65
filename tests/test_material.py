"""What our theme relies on inside the installed Material for MkDocs (macros/engine/material.py) is there."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
import yaml

from macros.engine import search_memory
from macros.engine.material import (
    BASE_SCRIPT_GLOBALS,
    BUNDLE,
    BUNDLE_GLOBALS,
    COPIED_PARTIALS,
    ENGINE_SITEMAP,
    HAN_RANGES,
    LIVE_RELOAD,
    MARKUP,
    OVERRIDDEN_BLOCKS,
    SEARCH_ENTRIES,
    SEARCH_FIELDS,
    SEARCH_HAN,
    SEARCH_INDEX_FILE,
    SEARCH_QUERY_CUT,
    SEARCH_SEGMENTER,
    SEARCH_WORKER,
)
from macros.engine.search_memory import RememberingSegmenter
from macros.engine.search_worker import WorkerPatchError, patched_worker, search_files
from macros.engine.theme_patches import PATCHES, PatchError, patch_page

MATERIAL = Path(material.__file__).parent / "templates"
OURS = Path(__file__).resolve().parent.parent / "theme"


def material_file(name: str) -> str:
    return (MATERIAL / name).read_text(encoding="utf-8")


def bundle() -> str:
    found = [p for p in MATERIAL.rglob("bundle.*.min.js") if BUNDLE.fullmatch(p.relative_to(MATERIAL).as_posix())]
    assert len(found) == 1, found
    return found[0].read_text(encoding="utf-8")


def test_the_search_plugin_segments_chinese_with_jieba_cut_found_where_we_look():
    module = importlib.import_module(SEARCH_SEGMENTER[0])
    assert hasattr(module, SEARCH_SEGMENTER[1])
    assert f"{SEARCH_SEGMENTER[1]}.cut(" in inspect.getsource(module.SearchIndex._segment_chinese)


def test_the_remembering_segmenter_segments_as_jieba_does():
    jieba = pytest.importorskip("jieba")
    text = "从打牢基础到投稿顶会：一份成长计划".encode()
    remembering = RememberingSegmenter(jieba)
    assert list(remembering.cut(text)) == list(jieba.cut(text)) == list(remembering.cut(text))
    assert remembering.set_dictionary == jieba.set_dictionary  # the plugin's dictionary settings reach jieba


@pytest.mark.parametrize("name", BUNDLE_GLOBALS)
def test_the_bundle_defines_each_global_we_use(name: str):
    assert f"window.{name}=" in bundle()


@pytest.mark.parametrize("name", BASE_SCRIPT_GLOBALS)
def test_the_base_script_defines_each_function_we_use(name: str):
    assert f"{name}=" in material_file("partials/javascripts/base.html")


@pytest.mark.parametrize("text", MARKUP)
def test_the_markup_our_scripts_look_for_is_written(text: str):
    template = MARKUP[text][0]
    source = (OURS / template) if (OURS / template).exists() else (MATERIAL / template)
    assert text in source.read_text(encoding="utf-8"), template


def _body(text: str) -> list[str]:
    """A partial's lines after its leading ``{#- … -#}`` comment."""
    lines = text.splitlines()
    if lines and lines[0].startswith("{#-"):
        end = next(n for n, line in enumerate(lines) if line.rstrip().endswith("-#}"))
        lines = lines[end + 1:]
    return lines


@pytest.mark.parametrize("name", COPIED_PARTIALS)
def test_a_copied_partial_differs_from_materials_only_by_its_listed_lines(name: str):
    ours = (OURS / name).read_text(encoding="utf-8")
    assert "Martin Donath" in ours and "MIT" in ours  # Material's licence line
    dropped, added = COPIED_PARTIALS[name]
    assert [line for line in _body(ours) if line.strip() not in added] == [
        line for line in _body(material_file(name)) if line.strip() not in dropped
    ]
    assert {line.strip() for line in _body(ours)} >= added
    assert {line.strip() for line in _body(material_file(name))} >= dropped


def test_only_listed_partials_are_whole_copies():
    for ours in (OURS / "partials").rglob("*.html"):
        name = ours.relative_to(OURS).as_posix()
        theirs = MATERIAL / name
        if name not in COPIED_PARTIALS and theirs.exists():
            same = set(_body(ours.read_text(encoding="utf-8"))) & set(_body(theirs.read_text(encoding="utf-8")))
            assert len(same) < 0.5 * len(_body(theirs.read_text(encoding="utf-8"))), f"{name} looks like a copy"


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.partial)
def test_each_patch_finds_its_markup_in_materials_partial(patch):
    """The partial's source, without its Jinja statements and with the expressions a patch reads as the page
    would show them, holds the markup."""
    sample = re.sub(r"{%.*?%}", "", material_file(patch.partial))
    for expression, shown in SHOWN.items():
        sample = sample.replace(expression, shown)
    assert patch.pattern.search(sample), patch.partial


SHOWN = {
    "{{ config.theme.logo | url }}": "assets/favicon.svg",
    "{{ tabindex }}": "",
    "{{ lang.t('search.placeholder') }}": "Search",
    "{{ render_content(index, nav_item) }}": '<span class="md-ellipsis">Courses</span>',
}
"""Jinja expressions → what a page shows for them, where a patch's pattern reads that."""


PAGE = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
    '<a href="." class="md-logo" aria-label="A &amp; B"><img src="a.svg" alt="logo"></a>'
    '<form class="md-header__option" data-md-component="palette">\n<input name="__palette">\n</form>'
    '<div class="md-search" data-md-component="search" role="dialog"><form class="md-search__form" name="search">'
    '<input type="text" class="md-search__input" name="query" required></form></div>'
    '<div class="md-nav__link md-nav__container"><a href="c/" class="md-nav__link ">\n  <span class="md-ellipsis">\n'
    '    Courses\n  </span>\n</a>\n<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">'
    '<span class="md-nav__icon md-icon"></span></label></div>'
    '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}'
    '</script>'
)
STRINGS = {"search": "Search", "site": "A", "worker": "search.0123abcd.min.js"}


def test_the_table_of_contents_toggle_stays_only_with_its_label():
    toc = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    label = '\n  <label class="md-nav__link md-nav__link--active" for="__toc">'
    assert patch_page(PAGE + toc + label, STRINGS).endswith(toc + label)
    assert patch_page(PAGE + toc + '<a href=".">', STRINGS).endswith('</script><a href=".">')


def test_patches_change_the_page_and_refuse_a_page_without_the_markup():
    patched = patch_page(PAGE, {**STRINGS, "search": 'Se"arch', "site": "A & B"})
    assert patched == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<a href="." class="md-logo" aria-label="A &amp; B">'
        '<img src="a.svg" alt="A &amp; B" width="24" height="24"></a>'
        '<div class="md-header__option" data-rr-palette>\n<input name="__palette">\n</div>'
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Se&quot;arch">'
        '<form class="md-search__form" name="search"><input type="text" class="md-search__input" name="q" required>'
        '<button type="submit" class="rr-visually-hidden" tabindex="-1">Se&quot;arch</button></form></div>'
        '<div class="md-nav__link md-nav__container"><a href="c/" class="md-nav__link ">'
        '\n  <span class="md-ellipsis">\n    Courses\n  </span>\n</a>\n'
        '<label class="md-nav__link " for="__nav_2" id="__nav_2_label">'
        '<span class="rr-visually-hidden">Courses</span><span class="md-nav__icon md-icon"></span></label></div>'
        '<script id="__config" type="application/json">'
        '{"search": "../assets/javascripts/workers/search.0123abcd.min.js"}</script>'
    )
    for patch in PATCHES:
        if not patch.least:
            continue
        with pytest.raises(PatchError, match=re.escape(patch.partial)):
            patch_page(patch.pattern.sub("", PAGE), STRINGS)


def test_the_search_index_method_we_wrap_is_where_we_look():
    owner = getattr(importlib.import_module(SEARCH_ENTRIES[0]), SEARCH_ENTRIES[1])
    source = inspect.getsource(owner)
    assert list(inspect.signature(getattr(owner, SEARCH_ENTRIES[2])).parameters) == ["self", "page"]
    assert "self.entries.append(" in source and "self.config" in source


def test_a_page_indexed_again_from_the_same_inputs_gets_the_same_entries_without_being_parsed():
    owner = getattr(importlib.import_module(SEARCH_ENTRIES[0]), SEARCH_ENTRIES[1])
    parsed: list[str] = []

    def index_page(index, page):
        parsed.append(page.content)
        getattr(owner, SEARCH_ENTRIES[2])(index, page)

    add = search_memory.with_remembered_entries(index_page)

    def page(content: str) -> SimpleNamespace:
        return SimpleNamespace(url="a/", title="A", meta={}, toc=[], content=content)

    def entries(content: str) -> list[dict[str, object]]:
        index = owner(lang=["en"], separator=" ", pipeline=[], fields={})
        add(index, page(content))
        return index.entries

    first = entries("<h1 id='a'>A</h1><p>one</p>")
    assert entries("<h1 id='a'>A</h1><p>one</p>") == first and len(parsed) == 1
    assert entries("<h1 id='a'>A</h1><p>two</p>") != first and len(parsed) == 2


def test_the_search_worker_cuts_a_query_once_where_we_look_and_our_copy_calls_our_script():
    worker = next(MATERIAL.rglob("workers/search.*.min.js"))
    assert SEARCH_WORKER.fullmatch(worker.relative_to(MATERIAL).as_posix())
    source = worker.read_text(encoding="utf-8")
    assert len(SEARCH_QUERY_CUT.findall(source)) == 1
    patched = patched_worker(source, "/* ours */")
    assert patched.startswith("/* ours */\n") and "rrSegmentQuery(" in patched and 'join("* ")' not in patched
    assert "sourceMappingURL" not in patched
    with pytest.raises(WorkerPatchError, match="SEARCH_QUERY_CUT"):
        patched_worker(source.replace('.join("* ")', '.join(" ")'), "")


def test_the_segmenter_keeps_the_datas_words_whole_and_leaves_jiebas_dictionary_alone():
    jieba = pytest.importorskip("jieba")
    words = RememberingSegmenter(jieba)
    assert list(words.cut("强化学习")) == list(jieba.cut("强化学习")) == ["强化", "学习"]
    words.keep_whole(["强化学习"])
    assert list(words.cut("深度强化学习")) == ["深度", "强化学习"]
    assert list(words.cut_apart("强化学习")) == ["强化", "学习"]
    assert list(jieba.cut("强化学习")) == ["强化", "学习"]  # a copy of the dictionary got the word, not jieba's own
    words.keep_whole([])
    assert list(words.cut("强化学习")) == ["强化", "学习"]


def test_the_files_the_search_starts_with_are_materials_own():
    """bundle-on-demand.js fetches them when a reader opens the search: the lunr scripts the worker imports."""
    worker = next(MATERIAL.rglob("workers/search.*.min.js")).read_text(encoding="utf-8")
    files = search_files(["zh"], "assets/javascripts/workers/ours.js")
    assert files[:2] == ["search/search_index.json", "assets/javascripts/workers/ours.js"]
    assert all((MATERIAL / file).is_file() for file in files[2:]), files
    assert "lunr.stemmer.support.min.js" in worker and "/min/lunr." in worker  # where the worker names them
    assert search_files(["en"], "w.js") == ["search/search_index.json", "w.js"]


def _blocks(text: str) -> set[str]:
    return set(re.findall(r"{%-?\s*block\s+(\w+)", text))


def _material_blocks(name: str) -> set[str]:
    """The blocks of Material's template ``name`` and of every template it extends."""
    text = material_file(name)
    parent = re.search(r'{%-?\s*extends\s+"([^"]+)"', text)
    return _blocks(text) | (_material_blocks(parent[1]) if parent else set())


@pytest.mark.parametrize("name", OVERRIDDEN_BLOCKS)
def test_each_block_our_theme_overrides_is_one_materials_template_has(name: str):
    extends, blocks = OVERRIDDEN_BLOCKS[name]
    ours = (OURS / name).read_text(encoding="utf-8")
    assert re.search(rf'{{%-?\s*extends\s+"{re.escape(extends)}"', ours), f"theme/{name} extends {extends}"
    assert _blocks(ours) == set(blocks), f"theme/{name}: list the blocks it overrides in OVERRIDDEN_BLOCKS"
    missing = set(blocks) - _material_blocks(extends)
    assert not missing, f"Material's {extends} no longer has the blocks {sorted(missing)} that theme/{name} overrides"


def test_every_template_of_our_theme_that_extends_another_is_listed():
    for path in OURS.rglob("*.html"):
        if re.search(r"{%-?\s*extends\s", path.read_text(encoding="utf-8")):
            assert path.relative_to(OURS).as_posix() in OVERRIDDEN_BLOCKS, path


def test_the_engines_sitemap_has_the_lines_the_language_links_are_added_to(tmp_path):
    from macros.outputs.crawl import SITEMAP_NAMESPACE, rewrite_sitemap

    origin, lines = ENGINE_SITEMAP
    package, _, inside = origin.partition("/")
    theirs = (Path(importlib.import_module(package).__file__).parent / inside).read_text(encoding="utf-8")
    assert {line.strip() for line in theirs.splitlines()} >= set(lines)
    assert SITEMAP_NAMESPACE in lines
    assert not (OURS / "sitemap.xml").exists()  # the engine's own template writes the sitemap
    # the rewrite on a sitemap as that template writes it: the links land inside each <url>
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{SITEMAP_NAMESPACE}\n    <url>\n         <loc>https://h/r/a/</loc>'
           "\n         <lastmod>2026-01-02</lastmod>\n    </url>\n</urlset>")
    (tmp_path / "sitemap.xml").write_text(xml, encoding="utf-8")
    rewrite_sitemap(tmp_path, "https://h/r/", [{"lang": "zh", "link": "./"}, {"lang": "en", "link": "./en/"}])
    root = ET.fromstring((tmp_path / "sitemap.xml").read_bytes())
    links = root.findall(".//{http://www.w3.org/1999/xhtml}link")
    assert [(a.get("hreflang"), a.get("href")) for a in links] == [
        ("zh", "https://h/r/a/"), ("en", "https://h/r/en/a/"), ("x-default", "https://h/r/a/")]


def test_the_search_plugin_takes_the_fields_option_and_writes_it_into_the_index():
    from mkdocs.config.base import Config

    module, owner, option = SEARCH_FIELDS
    config_class = getattr(importlib.import_module(module), owner)
    assert issubclass(config_class, Config) and option in dict(config_class._schema)
    index_class = getattr(importlib.import_module(SEARCH_ENTRIES[0]), SEARCH_ENTRIES[1])
    fields = {"codes": {"boost": 1000000}, "synonyms": {"boost": 1}}
    index = index_class(lang=["en"], separator=" ", pipeline=[], fields=fields)
    page = SimpleNamespace(url="a/", title="A", meta={}, toc=[], content="<h1 id='a'>A</h1><p>one</p>",
                           file=SimpleNamespace(url="a/"))
    index.add_entry_from_context(page)
    written = json.loads(index.generate_search_index(None))
    assert written["config"]["fields"] == fields
    assert written["docs"] and all({"location", "title", "text"} <= set(doc) for doc in written["docs"])


def test_the_index_rewrite_reads_the_index_the_plugin_writes_where_the_plugin_writes_it():
    from macros.outputs.search_text import CODES_FIELD, SYNONYMS_FIELD

    plugin = inspect.getsource(importlib.import_module(SEARCH_ENTRIES[0]).SearchPlugin.on_post_build)
    folder, name = SEARCH_INDEX_FILE.split("/")
    assert f'"{folder}"' in plugin and f'"{name}"' in plugin, "the search plugin writes its index elsewhere"
    plugins = yaml.safe_load((OURS.parent / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    assert {CODES_FIELD, SYNONYMS_FIELD} <= set(plugins["search"]["fields"])


def test_materials_runs_of_han_are_the_ranges_our_python_reads_as_han():
    from backrefs import bre

    module, owner, method, expression = SEARCH_HAN
    assert expression in inspect.getsource(getattr(getattr(importlib.import_module(module), owner), method))
    from macros.content import synonyms
    from macros.outputs import search_text

    assert search_text._HAN.pattern == f"[{HAN_RANGES}]+" and synonyms._HAN.pattern == f"[{HAN_RANGES}]"
    root = OURS.parent
    text = "".join(p.read_text(encoding="utf-8") for p in [root / "data" / "roadmap.yaml",
                                                          *sorted((root / "macros/content/ui").glob("*.yaml"))])
    theirs = {char for run in bre.compile(expression, bre.UNICODE).findall(text) for char in run}
    ours = {char for char in set(text) if re.fullmatch(f"[{HAN_RANGES}]", char)}
    assert theirs == ours, sorted(theirs ^ ours)


def test_the_live_reload_server_is_what_serve_runs():
    module, name = LIVE_RELOAD
    server = getattr(importlib.import_module(module), name)
    assert {"builder", "host", "port", "root", "polling_interval"} <= set(inspect.signature(server).parameters)
    assert "self.build_delay" in inspect.getsource(server.__init__)
    for method in ("watch", "serve", "shutdown"):
        assert callable(getattr(server, method, None)), method
    site = (OURS.parent / "macros" / "engine" / "site.py").read_text(encoding="utf-8")
    assert f"from {module} import {name}" in site
