"""Finished HTML kept away from Markdown.

A page template is Markdown headings around HTML blocks the template has already written in full. Markdown
would parse every such block again (Python-Markdown's ``md_in_html`` runs an HTML parser over the whole page)
only to hand it back unchanged: most of a page's conversion time. A template marks such a block with
``{% filter finished %}…{% endfilter %}``; the block is kept here and Markdown sees a placeholder paragraph
in its place, which :meth:`FinishedHtml.restore` swaps back in the converted page.

What is marked is the template's decision, never guessed from the text; a placeholder Markdown did not leave
as a paragraph of its own stops the build instead of reaching a page.
"""

from __future__ import annotations

import re
import secrets

from markupsafe import Markup

from macros.caches import register


class FinishedHtmlError(ValueError):
    """A placeholder did not come through Markdown as a paragraph of its own."""


class FinishedHtml:
    """The blocks of the pages being built, each under a placeholder unique to this process."""

    def __init__(self) -> None:
        self._prefix = f"rr-finished-{secrets.token_hex(6)}-"
        self._pattern = re.compile(rf"<p>({re.escape(self._prefix)}\d+)</p>")
        self._blocks: dict[str, str] = {}
        self._count = 0

    def keep(self, block: str) -> Markup:
        """A placeholder paragraph for ``block`` (HTML, already escaped), blank lines around it."""
        self._count += 1
        key = f"{self._prefix}{self._count}"
        self._blocks[key] = str(block).strip("\n")
        return Markup(f"\n\n{key}\n\n")

    def restore(self, html: str) -> str:
        """``html`` (Markdown's output) with every placeholder paragraph replaced by its block."""
        if self._prefix not in html:
            return html
        restored = self._pattern.sub(lambda match: self._blocks.pop(match[1]), html)
        if self._prefix in restored:
            raise FinishedHtmlError("a finished HTML block was not kept apart by blank lines: Markdown changed "
                                    "its placeholder (put {% filter finished %} blocks between blank lines)")
        return restored

    def clear(self) -> None:
        """Drop the blocks not restored (a build that failed leaves some)."""
        self._blocks.clear()


FINISHED_HTML = register(
    FinishedHtml(), name="macros.render.finished_html.FINISHED_HTML",
    holds="the finished HTML blocks of the pages being built, until each page's block is put back",
    key="a placeholder unique to the process", stale="never: a block is taken out as its page is converted")
"""The process's blocks: the page renderer keeps them, the site engine's adapter restores them."""
