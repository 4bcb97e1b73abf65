"""Layout stability: nothing moves once the page shows, on a slow phone (what Lighthouse calls CLS)."""

from __future__ import annotations

import pytest
from quality_support import BUNDLE_STARTED, PAGE_TYPES, PHONE, drawn, open_loaded

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

BUDGET = 0.05
"""Cumulative layout shift allowed while a page loads; Lighthouse calls up to 0.1 good. Before the finder's
and the plan's controls were laid out from the first paint, the course list shifted 0.53 on a phone."""
DESKTOP = {"viewport": {"width": 1350, "height": 940}}
RECORD_SHIFTS = """
window.__shifts = [];
const record = (entries) => {
  for (const e of entries) window.__shifts.push({value: e.value,
    nodes: e.sources.map((s) => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?").join(", ")});
};
window.__shiftObserver = new PerformanceObserver((list) => record(list.getEntries()));
window.__shiftObserver.observe({type: "layout-shift", buffered: true});
window.__takeShifts = () => (record(window.__shiftObserver.takeRecords()), window.__shifts);
"""
"""Records every layout shift; ``__takeShifts()`` adds those not yet handed to the observer and returns them all."""


def shifts(open_page, path: str, device: dict) -> list[dict]:
    """Layout shifts while ``path`` loads with the CPU slowed 4× (Lighthouse's phone), until the page is idle,
    and then while Material's bundle starts (it loads on the reader's first move of the pointer).

    Idle is Playwright's "networkidle", no request for half a second: what a late file or timer of the page moves
    falls inside the watch. Then the fonts are in and two frames are drawn.
    """
    page = open_page(**device)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(RECORD_SHIFTS)
    open_loaded(page, path)
    drawn(page)
    page.mouse.move(3, 400)
    page.wait_for_function(BUNDLE_STARTED)
    page.wait_for_load_state("networkidle")
    drawn(page)
    return page.evaluate("window.__takeShifts()")


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["home", "courses", "weeks", "stage"])
def test_page_does_not_move_while_it_loads(open_page, lang: str, kind: str, device: str):
    found = shifts(open_page, LANGS[lang] + PAGE_TYPES[kind], PHONE if device == "phone" else DESKTOP)
    total = sum(entry["value"] for entry in found)
    assert total < BUDGET, f"layout shift {total:.3f}: " + "; ".join(f"{e['value']:.3f} {e['nodes']}" for e in found)


@pytest.mark.parametrize("lang", LANGS)
def test_script_only_controls_are_not_shown_without_javascript(open_page, lang: str):
    page = open_page(java_script_enabled=False)
    page.goto(LANGS[lang] + "courses/")
    assert page.locator("#course-table tr.rr-course-row:visible").count() == len(
        page.locator("#course-table tr.rr-course-row").all()) > 0
    assert page.locator("#rr-finder").is_hidden()
    page.goto(LANGS[lang] + "weeks/")
    assert page.locator(".rr-plan-tools__body").is_hidden()
    assert page.locator("[data-progress]:visible").count() == 0
    assert page.locator("input.rr-task__box:visible").count() > 0
