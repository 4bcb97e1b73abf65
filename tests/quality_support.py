"""Helpers of the quality tests (issue 7): the page types, a site built with an address."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from macros.languages import PREFIX as LANGS
from macros.loader import load
from macros.pages import examples

ROADMAP = load(ROOT / "data" / "roadmap.yaml")
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
"""Browser-context options of a phone (Lighthouse's mobile screen)."""
BUNDLE_STARTED = "window.component$ !== undefined"
"""True in a page once Material's bundle, loaded on the first interaction, has started."""
SITE_URL = "https://roadmap.example/"
"""The address the SEO build is made for (a reserved name: never resolved)."""

PAGE_TYPES = examples(ROADMAP)
"""One page of every kind the site has, by label (addresses inside one language)."""


def html_pages(site: Path, lang: str) -> list[str]:
    """Directory-style addresses (``courses/cs224n/``) of every page of one language, 404 excluded."""
    base = site / LANGS[lang]
    found = []
    for file in sorted(base.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if lang == "zh" and rel.startswith("en/"):
            continue
        found.append(rel)
    return found
