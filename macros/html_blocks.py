"""Keep the pages' HTML blocks away from Markdown: the build's largest cost, for no change.

The page templates write Markdown headings around blocks of finished HTML (``macros/render.py``).
Python-Markdown keeps a raw HTML block as it is, but only after feeding every byte of it through
its pure-Python HTML parser (``md_in_html``): most of a page's Markdown time, and on the largest
pages (the weekly plan, the topics) most of the build. So, before Markdown runs, each top-level block
of HTML is swapped for a one-word paragraph, and that paragraph is swapped back in the HTML
Markdown writes. The headings (and with them the table of contents) still go through Markdown.

A block is taken only where Markdown would take it whole as raw HTML: it starts a paragraph with a
block-level element, and its tags are balanced at the end of a paragraph. Anything else is left to
Markdown. ``tests/test_html_blocks.py`` builds the site both ways and compares every byte.
Kept free of MkDocs.
"""

from __future__ import annotations

import re

BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "ul",
})
"""Elements that open a raw HTML block in Python-Markdown (a subset of its ``block_level_elements``)."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s/>]")
_SELF_CLOSED = re.compile(r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)[\s/>])"
                          r"[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/>")
_UNSAFE = re.compile(r"<(?:script|style|pre|textarea)\b|\smarkdown[\s=>]|<!--|\x02|\x03")
"""What Markdown treats specially inside a block: such blocks stay Markdown's."""
MARK = "RRHTMLBLOCK{}X"
_MARKED = re.compile(r"<p>RRHTMLBLOCK(\d+)X</p>")


def _balanced(text: str) -> bool:
    """As many end tags as start tags of elements that have one (ignoring comments, which are not taken)."""
    opened = sum(1 for name in _OPEN.findall(text) if name.lower() not in VOID)
    return opened == text.count("</") and not _SELF_CLOSED.search(text)


def stash(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with its self-contained top-level HTML blocks replaced by marks, and the blocks."""
    blocks: list[str] = []
    out: list[str] = []
    paragraphs = _PARAGRAPHS.split(markdown)
    separators = _PARAGRAPHS.findall(markdown)
    n = 0
    while n < len(paragraphs):
        paragraph = paragraphs[n]
        start = _START.match(paragraph)
        if start and start.group(1) in BLOCK_LEVEL and not _UNSAFE.search(paragraph):
            end = n
            text = paragraph
            while not _balanced(text) and end + 1 < len(paragraphs) and "<" in paragraphs[end + 1]:
                end += 1
                text += separators[end - 1] + paragraphs[end]
            if _balanced(text) and not _UNSAFE.search(text) and text.rstrip().endswith(">"):
                out.append(MARK.format(len(blocks)))
                blocks.append(text.strip())
                if end < len(separators):
                    out.append(separators[end])
                n = end + 1
                continue
        out.append(paragraph)
        if n < len(separators):
            out.append(separators[n])
        n += 1
    return "".join(out), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The HTML Markdown wrote, with each mark's paragraph replaced by its block."""
    if not blocks:
        return html
    # Markdown ends a raw block with a blank line, but ends its output without a line break
    restored = _MARKED.sub(lambda match: blocks[int(match.group(1))] + "\n", html)
    return restored if html.endswith("\n") else restored.rstrip("\n")
