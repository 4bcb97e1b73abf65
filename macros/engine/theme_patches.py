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
    """The new markup, from the match and the language's strings (``search``: Material's word for search;
    ``site``: the site's name; ``worker``: the file name of our search worker)."""
    least: int = 1
    """How many times every page contains the markup, at least."""

    def apply(self, page: str, strings: dict[str, str]) -> str:
        patched, count = self.pattern.subn(lambda match: self.replace(match, strings), page)
        if count < self.least:
            raise PatchError(
                f"Material's {self.partial} no longer writes {self.pattern.pattern!r} "
                f"(found {count}, expected at least {self.least}): see macros/engine/theme_patches.py"
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
        partial="partials/search.html",
        why="the search form has a submit control, and submitting it opens the search on Material's own address "
            "for a query (?q=): pressing Enter before the bundle has loaded works (once loaded, the bundle's Enter "
            "opens the best result instead). The button is not in the tab order, like Material's reset button",
        pattern=re.compile(r'(<form class="md-search__form" name="search">\s*'
                           r'<input type="text" class="md-search__input" )name="query"([^<>]*>)'),
        replace=lambda match, strings: f'{match.group(1)}name="q"{match.group(2)}<button type="submit" '
        f'class="rr-visually-hidden" tabindex="-1">{html.escape(strings["search"])}</button>',
    ),
    Patch(
        partial="base.html",
        why="the search runs in our copy of Material's worker, which cuts a Chinese query into the index's words "
            "(macros/engine/search_worker.py)",
        pattern=re.compile(r'("search": "[^"<>]*assets/javascripts/workers/)search\.[0-9a-f]+\.min\.js"'),
        replace=lambda match, strings: f'{match.group(1)}{html.escape(strings["worker"])}"',
    ),
    Patch(
        partial="partials/source.html",
        why="the repository link (mkdocs.yml repo_url) without Material's source component, which asks "
            "api.github.com for the repository's stars and forks on every page view: no page loads anything "
            "from another host",
        pattern=re.compile(r'(<a href="[^"<>]*" title="[^"<>]*" class="md-source") data-md-component="source">'),
        replace=lambda match, strings: match.group(1) + ">",
        least=0,
    ),
    Patch(
        partial="partials/logo.html",
        why="the logo has its size (shown 24px high), so the page lays out without a shift, and the site's name "
            "as its text: it is the only content of a link (the link's aria-label says the same)",
        pattern=re.compile(r'<img src="([^"<>]*)" alt="logo">'),
        replace=lambda match, strings: (
            f'<img src="{match.group(1)}" alt="{html.escape(strings["site"])}" width="24" height="24">'
        ),
    ),
    Patch(
        partial="base.html",
        why="the drawer's and the search's checkbox toggles without autocomplete, which HTML allows only on text-like "
            "inputs (Firefox read it as 'do not restore the box after a reload': bundle-on-demand.js unchecks them)",
        pattern=re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                           r'id="__(?:drawer|search)") autocomplete="off">'),
        replace=lambda match, strings: match.group(1) + ">",
        least=2,
    ),
    Patch(
        partial="partials/nav-item.html",
        why="a section's toggle that is not focusable has no tabindex at all (Material writes an empty one, "
            "which is invalid)",
        pattern=re.compile(r'(<label class="md-nav__link[^"<>]*" for="[^"<>]*" id="[^"<>]*_label") tabindex="">'),
        replace=lambda match, strings: match.group(1) + ">",
    ),
    Patch(
        partial="partials/nav-item.html",
        why="the toggle of a section that has an index page carries the section's title, visually hidden: it "
            "names the section's <nav> (aria-labelledby), which was otherwise empty, and the toggle itself",
        # the title's white space is trimmed in Python: `\s*([^<>]*?)\s*` backtracks over every space of the
        # navigation's indentation, at every link (a fifth of a 100× build's time)
        pattern=re.compile(
            r'(<a href="[^"<>]*" class="md-nav__link[^"<>]*">\s*<span class="md-ellipsis">([^<>]*)</span>'
            r'\s*</a>\s*<label class="md-nav__link[^"<>]*" for="([^"<>]*)" id="\3_label"[^<>]*>)'
        ),
        replace=lambda match, strings: match.group(1)
        + f'<span class="rr-visually-hidden">{match.group(2).strip()}</span>',
    ),
    Patch(
        partial="partials/nav-item.html",
        why="the current page's table-of-contents toggle is left out when the page has no table of contents: "
            "Material writes the checkbox anyway, without the label that names it. Not every page has one",
        pattern=re.compile(r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
                           r'(\s*<label class="md-nav__link md-nav__link--active" for="__toc">)?'),
        replace=lambda match, strings: match.group(0) if match.group(1) else "",
        least=0,
    ),
    Patch(
        partial="partials/palette.html",
        why="the colour-scheme toggle without Material's palette component (partials/javascripts/palette.js "
            "replaces it: mounting the component restyles the whole page twice on every load), and in a <div>: "
            "it submits nothing, and a form needs a submit control",
        pattern=re.compile(r'<form class="md-header__option" data-md-component="palette">(.*?)</form>', re.S),
        replace=lambda match, strings: f'<div class="md-header__option" data-rr-palette>{match.group(1)}</div>',
    ),
)
"""Every change to Material's markup."""


def patch_page(page: str, strings: dict[str, str]) -> str:
    """``page`` with every patch applied; :class:`PatchError` if one finds nothing to change."""
    for patch in PATCHES:
        page = patch.apply(page, strings)
    return page
