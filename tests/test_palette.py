"""The colour-scheme toggle (our palette script, not Material's component): system choice, toggle, memory."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
TOGGLE = "[data-rr-palette] label:visible"


@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_first_visit_follows_the_system_and_one_toggle_shows(open_page, system: str, scheme: str):
    page = open_page(color_scheme=system)
    page.goto("en/")
    assert page.evaluate(SCHEME) == scheme
    assert page.locator(TOGGLE).count() == 1
    # no choice made: a change of the system's scheme is followed at once
    page.emulate_media(color_scheme="light" if system == "dark" else "dark")
    other = "slate" if scheme == "default" else "default"
    page.wait_for_function(f"{SCHEME} === '{other}'")


def test_toggle_switches_and_is_remembered_over_the_system(page):
    page.emulate_media(color_scheme="light")
    page.goto("courses/")
    label = page.locator(TOGGLE)
    title = label.get_attribute("title")
    label.click()
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(TOGGLE).get_attribute("title") != title
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    page.reload()
    assert page.evaluate(SCHEME) == "slate"
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    assert page.evaluate(SCHEME) == "slate", "a chosen scheme does not follow the system"
    page.locator(TOGGLE).click()
    assert page.evaluate(SCHEME) == "default"


def test_toggle_works_from_the_keyboard(page):
    page.emulate_media(color_scheme="light")
    page.goto("en/weeks/")
    page.locator("[data-rr-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("document.activeElement.matches('[data-rr-palette] input:checked')")


def test_no_toggle_without_javascript(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("en/")
    assert page.locator("[data-rr-palette] label").count() == 2
    assert page.locator(TOGGLE).count() == 0


def test_corrupted_stored_choice_falls_back_to_the_system(page):
    page.add_init_script("localStorage.setItem('/.__palette', '{not json')")
    page.emulate_media(color_scheme="dark")
    page.goto("")
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(TOGGLE).count() == 1
