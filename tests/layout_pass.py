"""One pass over every kind of page: loaded once per language, kind and colour scheme, then resized through the
widths, measured at each (tests/test_layout_widths.py) and checked by axe (tests/test_quality_a11y.py).

A page is loaded at the narrowest width and resized up; after each resize the pass brings every transition to
its end (:func:`quality_support.settle`) and waits for the fonts, then measures.
``test_a_resized_page_measures_as_a_fresh_load_does`` checks that this measures what a fresh load at that width
would. Full-page screenshots at 390 and 1366 px go to ``$LAYOUT_SCREENSHOTS`` when it is set (CI sets it and keeps
them): none otherwise, which saves their time.

Each pass is made once per test run: the first test that needs it makes it, and with ``pytest -n`` the other
workers read its findings (:func:`conftest.shared_result`).
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import shared_result
from quality_support import PAGE_TYPES, settle, violations

from macros.data.languages import PREFIX as LANGS

WIDTHS = (360, 390, 768, 1024, 1280, 1366)
DARK_WIDTHS = (390, 1366)
"""Widths also checked in the dark scheme (colours change, sizes should not: two widths are enough)."""
SCHEME_WIDTHS = {"light": WIDTHS, "dark": DARK_WIDTHS}
HEIGHT = 900
SCREENSHOT_WIDTHS = (390, 1366)
AXE_WIDTH = {"light": 1280, "dark": 1366}
"""Where axe runs in each scheme (1280 px is Playwright's default viewport width)."""
AXE_DARK_KINDS = ("course",)
"""Kinds axe also checks in the dark scheme."""
KINDS = ("home", "courses", "course", "path", "plan", "weeks", "wall-chart", "stage", "topics", "about")
"""The kinds of page the layout rules are held to."""
AXE_KINDS = tuple(PAGE_TYPES)
"""Every kind of page the site has: axe checks them all (those outside :data:`KINDS` are loaded at its width only)."""

MEASURE = r"""() => {
  const doc = document.documentElement, broken = [], tables = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange(), word = /\d{4}-\d{2}-\d{2}|[\p{Script=Latin}\p{Nd}]+/gu;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (!/[\p{Script=Latin}\p{Nd}]{2}/u.test(text)) continue;
    const el = node.parentElement;
    if (!el || el.closest("script, style, template, noscript, .rr-visually-hidden")) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    // a web address written out in prose may break anywhere, as browsers break long addresses
    const addresses = [...text.matchAll(/https?:\/\/[^\s\u3000-\u303f\uff00-\uffef]+/gu)]
      .map((a) => [a.index, a.index + a[0].length]);
    for (const m of text.matchAll(word)) {
      if (m[0].length < 2) continue;
      if (addresses.some(([from, to]) => m.index >= from && m.index < to)) continue;
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length < 2) continue;
      const tops = rects.map((r) => r.top);
      if (Math.max(...tops) - Math.min(...tops) > 2) broken.push(m[0] + " in <" + el.tagName.toLowerCase()
        + (el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : "") + ">");
    }
  }
  for (const table of document.querySelectorAll(".md-content table")) {
    if (!table.getClientRects().length) continue;
    const box = table.closest(".rr-table-wrap, .md-typeset__scrollwrap") || table;
    if (box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > table.clientWidth + 1)
      tables.push((table.closest("[id]")?.id || "table") + ": " + Math.max(box.scrollWidth, table.scrollWidth)
        + " > " + box.clientWidth);
  }
  let legible = 0, all = 0;
  const texts = document.createTreeWalker(document.querySelector(".md-content") || document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const el = node.parentElement, n = node.data.trim().length;
    if (!n || !el || el.closest("script, style, template, noscript, .rr-visually-hidden")) continue;
    // drawn text has boxes (a table cell laid out as `display: contents` has none of its own, its text does)
    range.selectNodeContents(node);
    if (!range.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
    all += n;
    if (parseFloat(getComputedStyle(el).fontSize) >= 12) legible += n;
  }
  const name = (el) => "<" + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".") : "") + ">";
  const small = new Set(), targets = new Set();
  const everything = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = everything.nextNode(); node; node = everything.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || el.closest("script, style, template, noscript, .rr-visually-hidden")) continue;
    range.selectNodeContents(node);
    const shown = el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    if (!range.getClientRects().length || !shown) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 11.95) small.add(name(el) + " " + size.toFixed(1) + "px: " + node.data.trim().slice(0, 20));
  }
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]";
  for (const el of document.querySelectorAll(controls)) {
    // a label around a box is the box's target
    if (el.closest(".rr-visually-hidden") || (el.matches("input") && el.closest("label"))) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.height && (box.width < 23.5 || box.height < 23.5))
      targets.add(name(el) + " " + Math.round(box.width) + "×" + Math.round(box.height));
  }
  return {width: doc.scrollWidth, viewport: doc.clientWidth, broken, tables, legible: all ? legible / all : 1,
          small: [...small], targets: [...targets]};
}"""

_passes: dict[tuple[str, str, str], dict] = {}


def cases(scheme_widths: dict[str, tuple[int, ...]] = SCHEME_WIDTHS, kinds: tuple[str, ...] = KINDS) -> list:
    """``(width, scheme, lang, kind)`` parameters: every width of each scheme, both languages, every kind.

    Page by page (a page's widths one after the other): ``pytest -n`` hands each worker a run of consecutive
    tests, so that two workers seldom wait for the same page's pass.
    """
    return [(width, scheme, lang, kind)
            for scheme, widths in scheme_widths.items() for lang in LANGS for kind in kinds for width in widths]


def screenshot_dir() -> Path | None:
    given = os.environ.get("LAYOUT_SCREENSHOTS", "").strip()
    if not given:
        return None
    folder = Path(given)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_at(browser, base_url: str, width: int, scheme: str):
    """A fresh context and page at ``width``; console errors and page errors collect in ``page.errors``."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": HEIGHT}, color_scheme=scheme)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def load(page, lang: str, kind: str) -> None:
    page.goto(LANGS[lang] + PAGE_TYPES[kind], wait_until="load")
    page.evaluate("document.fonts.ready")


def measure_now(page) -> dict:
    """The layout rules' findings on the page as it is now laid out, once transitions and fonts have settled."""
    settle(page)
    page.evaluate("document.fonts.ready")
    return page.evaluate(MEASURE)


def page_pass(tmp_path_factory, browser, base_url: str, scheme: str, lang: str, kind: str) -> dict:
    """One page's pass, made once per run: ``{"widths": {width: findings}, "axe": [...] or None, "lang", "dark",
    "errors"}`` (widths as strings, as JSON has them)."""
    key = (scheme, lang, kind)
    if key not in _passes:
        _passes[key] = shared_result(tmp_path_factory, f"pass-{kind}-{lang}-{scheme}",
                                     lambda: _run_pass(browser, base_url, scheme, lang, kind))
    return _passes[key]


def _run_pass(browser, base_url: str, scheme: str, lang: str, kind: str) -> dict:
    widths = SCHEME_WIDTHS[scheme] if kind in KINDS else (AXE_WIDTH[scheme],)
    shots = screenshot_dir()
    page = open_at(browser, base_url, widths[0], scheme)
    try:
        load(page, lang, kind)
        found: dict[str, dict] = {}
        for width in widths:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            found[str(width)] = measure_now(page)
            if shots and width in SCREENSHOT_WIDTHS:
                page.screenshot(path=shots / f"{kind}-{lang}-{width}-{scheme}.png", full_page=True)
        axe = None
        if scheme == "light" or kind in AXE_DARK_KINDS:
            page.set_viewport_size({"width": AXE_WIDTH[scheme], "height": HEIGHT})
            axe = violations(page)
        return {
            "widths": found, "axe": axe, "lang": page.locator("html").get_attribute("lang"),
            "dark": page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate",
            "errors": page.errors,
        }
    finally:
        page.context.close()
