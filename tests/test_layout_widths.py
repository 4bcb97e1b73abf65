"""Right on every screen: each kind of page at phone, tablet and desktop widths, both languages, light and dark.

Five rules, measured in the real browser:

- the page never scrolls sideways (the document is no wider than the viewport);
- no word is broken inside itself: a run of Latin letters or digits, or a date (2026-12-02), whose characters sit
  on two lines
  (Chinese may break between any two characters, so only Latin runs are checked; a web address written
  out in prose may break anywhere, as browsers break long addresses);
- from 1024 px up, no table needs sideways scrolling;
- on a phone, most of the content's text (60 %, Lighthouse's rule) is 12 px or larger: read without zooming;
- no text of a page is smaller than 12 px, and every control and link a reader can tap is at least 24 × 24 px
  (WCAG 2.2's minimum target size), on every screen.

Each page is loaded once per language and colour scheme and resized through the widths (tests/layout_pass.py,
which also runs axe and, when ``$LAYOUT_SCREENSHOTS`` is set, keeps screenshots at 390 and 1366 px for CI); the
last test here checks that a resized page measures as a fresh load does.
"""

from __future__ import annotations

import pytest
from layout_pass import KINDS, WIDTHS, cases, load, measure_now, open_at, page_pass

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

TABLE_WIDTH = 1024
"""From this width, tables fit without sideways scrolling."""


@pytest.fixture
def measure(tmp_path_factory, browser, base_url: str):
    """``measure(width, scheme, lang, kind)``: the rules' findings on one page at one width, from its page pass.

    A page that logs a console error or throws fails the measure.
    """

    def run(width: int, scheme: str, lang: str, kind: str) -> dict:
        found = page_pass(tmp_path_factory, browser, base_url, scheme, lang, kind)
        return {**found["widths"][str(width)], "errors": found["errors"]}

    return run


CASES = cases()


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), CASES)
def test_page_fits_its_width_and_breaks_no_word(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert not result["errors"], f"console errors: {result['errors']}"
    assert result["width"] <= result["viewport"], f"the page scrolls sideways: {result['width']} > {result['viewport']}"
    assert not result["broken"], "words broken across lines: " + "; ".join(result["broken"][:12])


TABLE_CASES = [case for case in CASES if case[0] >= TABLE_WIDTH]


@pytest.mark.parametrize(("width", "scheme", "lang", "kind"), TABLE_CASES)
def test_tables_fit_without_sideways_scrolling(measure, width: int, scheme: str, lang: str, kind: str):
    result = measure(width, scheme, lang, kind)
    assert not result["tables"], "tables scroll sideways: " + "; ".join(result["tables"])


LEGIBLE = 0.6
"""Share of the content's characters at 12 px or more that a phone page needs (Lighthouse's font-size audit)."""
PHONE_CASES = [case for case in CASES if case[0] < 768 and case[1] == "light"]


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


SAME_WIDTH = WIDTHS[-1]
"""The width a resized page is compared with a fresh load at: the one farthest from where the pass loads it."""


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_resized_page_measures_as_a_fresh_load_does(browser, base_url: str, measure, lang: str, kind: str):
    """The pass loads each page at its narrowest width and resizes it: at the widest, every kind of page measures
    what a page loaded at that width does (page width, broken words, tables, legible share), with no error."""
    page = open_at(browser, base_url, SAME_WIDTH, "light")
    try:
        load(page, lang, kind)
        fresh = measure_now(page)
        assert not page.errors, page.errors
    finally:
        page.context.close()
    assert {**fresh, "errors": []} == measure(SAME_WIDTH, "light", lang, kind)
