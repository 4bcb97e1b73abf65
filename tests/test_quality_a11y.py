"""Accessibility: axe-core, run inside the real Chromium, finds nothing on any page type, in either language."""

from __future__ import annotations

import pytest
from layout_pass import AXE_DARK_KINDS, AXE_KINDS, page_pass
from quality_support import PAGE_TYPES, ROADMAP, violations

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", AXE_KINDS)
def test_axe_finds_no_violation(tmp_path_factory, browser, base_url: str, lang: str, kind: str):
    """axe runs in the page's layout pass (tests/layout_pass.py), once the page has been through every width."""
    found = page_pass(tmp_path_factory, browser, base_url, "light", lang, kind)
    assert found["lang"] == lang
    assert not found["errors"], f"console errors: {found['errors']}"
    assert found["axe"] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", AXE_DARK_KINDS)
def test_axe_finds_no_violation_in_the_dark_scheme(tmp_path_factory, browser, base_url: str, lang: str, kind: str):
    found = page_pass(tmp_path_factory, browser, base_url, "dark", lang, kind)
    assert found["dark"]
    assert not found["errors"], f"console errors: {found['errors']}"
    assert found["axe"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_with_search_open_and_on_the_404_page(page, lang: str):
    page.goto(LANGS[lang] + "404.html")
    assert violations(page) == []
    page.goto(LANGS[lang])
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    assert search.evaluate("el => el === document.activeElement")
    search.fill(ROADMAP.courses[0].title[lang])
    assert page.locator(".md-search").get_attribute("aria-label")
    assert violations(page) == []


FOCUSED = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    return {inside: !!el.closest('.md-content'), name: el.outerHTML.slice(0, 80),
            ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


@pytest.mark.parametrize("kind", ["courses", "weeks", "wall-chart", "topics"])
def test_every_control_the_keyboard_reaches_shows_a_focus_ring(page, kind: str):
    """Tabbing through the page's content, each control it stops at draws a visible ring (2 px or more)."""
    page.goto("en/" + PAGE_TYPES[kind])
    # start where the content starts (as the skip link does), not in the navigation before it
    page.locator("article h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inside"]:
            seen += 1
            assert focused["ring"], focused["name"]
    assert seen >= 3
