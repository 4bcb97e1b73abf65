"""Helpers of the quality tests: the page types, a site built with an address."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from macros.content.pages import examples
from macros.data.languages import PREFIX as LANGS
from macros.data.loader import load_once

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
"""Browser-context options of a phone (Lighthouse's mobile screen)."""
BUNDLE_STARTED = "window.component$ !== undefined"
"""True in a page once Material's bundle, loaded on the first interaction, has started."""


def open_loaded(page, path: str) -> None:
    """Open ``path`` and wait until it has loaded (every script has run) and its network is quiet.

    Playwright's "networkidle" alone can come while a slow machine still parses the page: a pointer move or a
    key then reaches a page whose listeners are not there yet, and the bundle that waits for it never loads.
    """
    page.goto(path, wait_until="load")
    page.wait_for_load_state("networkidle")


FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once the page has drawn twice: what the scripts started on the last event has been laid out."""


def drawn(page) -> None:
    """Wait until the page's fonts are in and it has drawn twice since."""
    page.evaluate("document.fonts.ready")
    page.evaluate(FRAMES)


SETTLED = "document.getAnimations().every(a => a.playState !== 'running' && a.playState !== 'pending')"
"""True in a page once no CSS transition or animation runs: what a reader sees after a fade, not during it."""
FINISH_ANIMATIONS = """() => {
  for (const a of document.getAnimations())
    if (a.playState === "running" || a.playState === "pending")
      if (Number.isFinite(a.effect?.getComputedTiming().endTime)) a.finish();
}"""
"""Jumps every running transition and animation that ends to its end: the page a reader sees once they have."""


def settle(page) -> None:
    """Bring the page to where its transitions end (at once, not by waiting them out), then check that none runs."""
    page.evaluate(FINISH_ANIMATIONS)
    page.wait_for_function(SETTLED)

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


AXE_OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
]}}


def violations(page, context: dict | None = None) -> list[str]:
    """axe's violations once the page's transitions have ended, one line per rule and element.

    Colours measured mid-fade (the search overlay fades in) belong to no state a reader sees.
    """
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '')[:200]}"
        for v in results.response["violations"] for node in v["nodes"]
    ]
