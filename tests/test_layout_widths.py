"""Right on every screen: each kind of page at phone, tablet and desktop widths, both languages, light and dark.

Five rules, measured in the real browser:

- the page never scrolls sideways (the document is no wider than the viewport);
- no word is broken inside itself: a run of Latin letters or digits whose characters sit on two lines
  (Chinese may break between any two characters, so only Latin runs are checked; a web address written
  out in prose may break anywhere, as browsers break long addresses);
- from 1024 px up, no table needs sideways scrolling;
- on a phone, most of the content's text (60 %, Lighthouse's rule) is 12 px or larger: read without zooming;
- no text of a page is smaller than 12 px, and every control and link a reader can tap is at least 24 × 24 px
  (WCAG 2.2's minimum target size), on every screen.

One browser context per width and colour scheme serves every page at that width. Screenshots of every kind of
page at 390 and 1366 px, both languages, go to ``$LAYOUT_SCREENSHOTS`` (default: a folder of the tests' tmp dir),
for CI to keep.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from quality_support import PAGE_TYPES

from macros.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

WIDTHS = (360, 390, 768, 1024, 1280, 1366)
DARK_WIDTHS = (390, 1366)
"""Widths also checked in the dark scheme (colours change, sizes should not: two widths are enough)."""
TABLE_WIDTH = 1024
"""From this width, tables fit without sideways scrolling."""
SCREENSHOT_WIDTHS = (390, 1366)
KINDS = ("home", "courses", "course", "path", "plan", "weeks", "wall-chart", "stage", "topics", "about")
SCHEMES = [(w, "light") for w in WIDTHS] + [(w, "dark") for w in DARK_WIDTHS]

MEASURE = r"""() => {
  const doc = document.documentElement, broken = [], tables = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange(), word = /[\p{Script=Latin}\p{Nd}]+/gu;
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


def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("LAYOUT_SCREENSHOTS", "").strip()
    folder = Path(given) if given else tmp_path_factory.getbasetemp() / "layout-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def measure(browser, base_url: str, tmp_path_factory: pytest.TempPathFactory):
    """``measure(width, scheme, lang, kind)``: the three rules' findings on one page, measured once.

    A page that logs a console error or throws fails the measure.
    """
    contexts: dict[tuple[int, str], object] = {}
    found: dict[tuple[int, str, str, str], dict] = {}
    shots = screenshot_dir(tmp_path_factory)

    def tab(width: int, scheme: str):
        if (width, scheme) not in contexts:
            context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900},
                                          color_scheme=scheme)
            page = context.new_page()
            page.errors = []
            page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: page.errors.append(str(exc)))
            contexts[(width, scheme)] = page
        return contexts[(width, scheme)]

    def run(width: int, scheme: str, lang: str, kind: str) -> dict:
        key = (width, scheme, lang, kind)
        if key not in found:
            page = tab(width, scheme)
            page.goto(LANGS[lang] + PAGE_TYPES[kind], wait_until="load")
            page.evaluate("document.fonts.ready")
            result = page.evaluate(MEASURE)
            result["errors"], page.errors = page.errors, []
            if width in SCREENSHOT_WIDTHS:
                page.screenshot(path=shots / f"{kind}-{lang}-{width}-{scheme}.png", full_page=True)
            found[key] = result
        return found[key]

    yield run
    for page in contexts.values():
        page.context.close()


CASES = [(w, s, lang, kind) for w, s in SCHEMES for lang in LANGS for kind in KINDS]


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), CASES)
def test_page_fits_its_width_and_breaks_no_word(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert not result["errors"], f"console errors: {result['errors']}"
    assert result["width"] <= result["viewport"], f"the page scrolls sideways: {result['width']} > {result['viewport']}"
    assert not result["broken"], "words broken across lines: " + "; ".join(result["broken"][:12])


TABLE_CASES = [(w, s, lang, kind) for w, s, lang, kind in CASES if w >= TABLE_WIDTH]


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), TABLE_CASES)
def test_tables_fit_without_sideways_scrolling(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert not result["tables"], "tables scroll sideways: " + "; ".join(result["tables"])


LEGIBLE = 0.6
"""Share of the content's characters at 12 px or more that a phone page needs (Lighthouse's font-size audit)."""
PHONE_CASES = [(w, s, lang, kind) for w, s, lang, kind in CASES if w < 768 and s == "light"]


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), PHONE_CASES)
def test_text_is_legible_on_a_phone_without_zooming(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert result["legible"] >= LEGIBLE, f"only {result['legible']:.0%} of the text is 12 px or larger"


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), [c for c in CASES if c[1] == "light"])
def test_no_text_is_under_12px(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert not result["small"], "text under 12 px: " + "; ".join(result["small"][:12])


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), [c for c in CASES if c[1] == "light"])
def test_every_target_is_at_least_24px(measure, width: int, scheme: str, lang: str, kind: str):
    """Links (those inside a line of text too), buttons, fields, disclosure summaries, labels of boxes."""
    result = measure(width, scheme, lang, kind)
    assert not result["targets"], "targets under 24 × 24 px: " + "; ".join(result["targets"][:12])


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_shows_every_start_card_on_the_home_pages_first_screen(open_page, lang: str):
    """390 × 844: the four "start here" cards, the weekly plan's (with "continue") among them, without scrolling."""
    page = open_page(viewport={"width": 390, "height": 844})
    page.goto(LANGS[lang], wait_until="load")
    page.evaluate("document.fonts.ready")
    bottoms = page.locator("ul.rr-cards > li").evaluate_all("items => items.map(i => i.getBoundingClientRect().bottom)")
    assert len(bottoms) == 4 and max(bottoms) <= 844, bottoms
