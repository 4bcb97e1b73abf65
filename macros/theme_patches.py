"""Small changes to the HTML Material's partials write, made to each built page instead of copying them.

Each patch names the exact markup it changes and how many times a page must contain it; a page
without it stops the build (a Material update changed the partial: look at the patch again).
Kept free of MkDocs: a patch works on a page's HTML and the language's strings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass


class PatchError(Exception):
    """A page does not contain the markup a patch changes."""


@dataclass(frozen=True)
class Patch:
    """One change to Material's markup."""

    partial: str
    """The Material partial that writes the markup."""
    why: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str], dict[str, str]], str]
    """The new markup, from the match and the language's strings (``search``: Material's word for search)."""
    least: int = 1
    """How many times every page contains the markup, at least."""

    def apply(self, page: str, strings: dict[str, str]) -> str:
        patched, count = self.pattern.subn(lambda match: self.replace(match, strings), page)
        if count < self.least:
            raise PatchError(
                f"Material's {self.partial} no longer writes {self.pattern.pattern!r} "
                f"(found {count}, expected at least {self.least}): see macros/theme_patches.py"
            )
        return patched


PATCHES: tuple[Patch, ...] = (
    Patch(
        partial="partials/search.html",
        why="the search dialog has a name (Material's own word for search), as ARIA requires of a dialog",
        pattern=re.compile(r'<div class="md-search" data-md-component="search" role="dialog">'),
        replace=lambda match, strings: match.group(0).removesuffix(">")
        + f' aria-label="{html.escape(strings["search"])}">',
    ),
    Patch(
        partial="partials/logo.html",
        why="the logo has its size (shown 24px high), so the page lays out without a shift; the link around it "
            "carries the site's name, so the image's alt is empty",
        pattern=re.compile(r'<img src="([^"<>]*)" alt="logo">'),
        replace=lambda match, strings: f'<img src="{match.group(1)}" alt="" width="24" height="24">',
    ),
)
"""Every change to Material's markup."""


def patch_page(page: str, strings: dict[str, str]) -> str:
    """``page`` with every patch applied; :class:`PatchError` if one finds nothing to change."""
    for patch in PATCHES:
        page = patch.apply(page, strings)
    return page
