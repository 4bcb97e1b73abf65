"""The HTML blocks kept away from Markdown (macros/html_blocks.py) come out as Markdown would write them.

Every kind of page of both languages is rendered from the real data and converted by Python-Markdown with
the site's extensions twice: as is, and with its HTML blocks stashed and restored. The two documents are the
same tree (elements, attributes, text). Bytes differ only where Markdown re-serialises a block nested in a
``markdown`` section (``hidden`` is written ``hidden="hidden"``; blank lines between blocks).
"""

from __future__ import annotations

import markdown
import pytest
from lxml import html as lxml_html
from quality_support import ROADMAP

from macros.html_blocks import restore, stash
from macros.languages import PREFIX
from macros.pages import ITEM_PAGES, PAGES
from macros.render import Renderer

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
"""mkdocs.yml's markdown_extensions."""


def _pages() -> list[tuple[str, str, dict[str, str]]]:
    found = [(page.template, page.url, {}) for page in PAGES.values()]
    for kind in ITEM_PAGES.values():
        item = kind.ids(ROADMAP)[0]
        found.append((kind.template, f"{kind.index}/{item}/", {kind.param: item}))
    return found


def _tree(text: str) -> list:
    """A document as nested (tag, attributes, text, children, tail), whitespace-only text ignored."""

    def walk(element) -> tuple:
        attributes = {key: ("" if value == key else value) for key, value in element.attrib.items()}
        return (element.tag, attributes, (element.text or "").strip(), [walk(child) for child in element],
                (element.tail or "").strip())

    return [walk(element) for element in lxml_html.fragment_fromstring(text, create_parent="div")]


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize(("template", "url", "context"), _pages(), ids=lambda value: str(value))
def test_stashing_html_blocks_leaves_the_page_unchanged(lang: str, template: str, url: str, context: dict):
    source = Renderer(ROADMAP, lang).render(template, url, **context)
    plain = markdown.markdown(source, extensions=EXTENSIONS)
    stashed, blocks = stash(source)
    assert blocks, "the page has HTML blocks"
    assert _tree(restore(markdown.markdown(stashed, extensions=EXTENSIONS), blocks)) == _tree(plain)


def test_only_whole_blocks_at_the_top_level_are_taken():
    source = ("# Title\n\n<div class=\"a\">\n<p>one</p>\n\n<p>two</p>\n</div>\n\nText *em*\n\n"
              "<script>x</script>\n\n<div markdown=\"1\">\n*md*\n</div>\n\n<section markdown>*md*</section>\n\n"
              "<span>inline</span>\n")
    stashed, blocks = stash(source)
    assert blocks == ['<div class="a">\n<p>one</p>\n\n<p>two</p>\n</div>']
    assert stashed.startswith("# Title\n\nRRHTMLBLOCK0X\n\nText *em*")
    assert restore("<p>RRHTMLBLOCK0X</p>\n<p>x</p>", blocks) == blocks[0] + "\n\n<p>x</p>"
