"""Finished HTML kept away from Markdown gives the pages Markdown itself would give.

Every page of the registry, in every language, is rendered twice: with the templates' finished blocks kept
apart (as the site builds) and with them handed to Markdown. Both are converted with the site's Markdown
extensions and compared as parsed trees. Two differences are allowed: text between elements that is only white
space, and how an attribute without a value is written (Markdown's tree writes ``data-progress`` inside a
``markdown`` section as ``data-progress="data-progress"``; kept apart, it stays as the template wrote it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from macros.content.pages import sources, url_of
from macros.data.languages import CODES
from macros.data.loader import load
from macros.engine.mkdocs_adapter import language_config
from macros.pipeline import settings
from macros.render.finished_html import FinishedHtml, FinishedHtmlError
from macros.render.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests/fixtures/minimal.yaml"


def tree(html: str) -> list[tuple[str, object]]:
    """Elements with their attributes and the words of each text, in document order."""
    nodes: list[tuple[str, object]] = []
    for node in LexborHTMLParser(f"<body>{html}</body>").body.traverse(include_text=True):
        if node.tag == "-text":
            words = " ".join((node.text_content or "").split())
            if words:
                nodes.append(("text", words))
        else:
            attributes = {name: "" if value in (None, name) else value for name, value in node.attributes.items()}
            nodes.append((node.tag, sorted(attributes.items())))
    return nodes


@cache
def extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The site's Markdown extensions and their settings."""
    config = language_config(settings(CODES[0]))
    return config.markdown_extensions, config.mdx_configs


def convert(text: str) -> str:
    names, settings = extensions()
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)


@pytest.mark.parametrize("data", [ROOT / "data/roadmap.yaml", MINIMAL], ids=["roadmap", "minimal"])
@pytest.mark.parametrize("lang", CODES)
def test_every_page_is_the_same_with_its_finished_html_kept_apart(data: Path, lang: str) -> None:
    roadmap = load(data)
    kept, passed = Renderer(roadmap, lang), Renderer(roadmap, lang)
    blocks = FinishedHtml()
    kept.env.filters["finished"] = blocks.keep
    passed.env.filters["finished"] = lambda html: html
    for src, (key, item) in sources(roadmap).items():
        template, context = (key, {}) if item is None else (key, {f"{key}_id": item})
        url = url_of(src)
        fast = blocks.restore(convert(kept.render(template, url, **context)))
        slow = convert(passed.render(template, url, **context))
        assert tree(fast) == tree(slow), src
        assert "rr-finished-" not in fast, src


def test_a_kept_block_comes_back_in_place_of_its_paragraph() -> None:
    blocks = FinishedHtml()
    placeholder = blocks.keep(Markup('<div class="x">\n<p>a &amp; b</p>\n</div>\n'))
    html = blocks.restore(convert(f"# Title\n{placeholder}## Next\n"))
    assert '</h1>\n<div class="x">\n<p>a &amp; b</p>\n</div>\n<h2 id="next">' in html


def test_a_placeholder_markdown_changed_stops_the_build() -> None:
    blocks = FinishedHtml()
    placeholder = str(blocks.keep(Markup("<p>x</p>"))).strip()
    with pytest.raises(FinishedHtmlError, match="blank lines"):
        blocks.restore(convert(f"Some text\n{placeholder}"))
