"""The first search on a slow phone: time from the first tap on the search button to the first result.

``python bench/first_search.py [--runs 5] [--site DIR]``

Builds the site (or takes ``--site``), serves it as GitHub Pages does (gzip, cacheable for ten minutes:
``tests/slow_network.py``) and drives Debian's Chromium as a phone (412 × 823, touch) on Chrome's "Slow 3G"
(2 s round trip, 400 kbit/s) with the processor 4× slower. Each run is a fresh browser context (an empty cache):
open a page, wait until it has loaded, tap the header's search button, tap the box too if the first tap did not
focus it (what a reader does), type a query, and wait for the first result. Prints, per page and query, the
median and range over the runs of: tap → box focused, tap → first result; and whether the box had the focus
from the first tap and kept every typed character. Nothing here is asserted (``tests/test_bundle_on_demand.py``
asserts the behaviour).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the tests' helpers import each other as pytest runs them

from quality_support import PHONE  # noqa: E402

from tests import prerequisites  # noqa: E402
from tests.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.slow_network import PHONE_CPU, SLOW_3G, serve_like_pages, slow_down  # noqa: E402

CASES = (("weeks/", "强化学习"), ("en/weeks/", "CS336"), ("weeks/#week-3", "缩放定律"))
"""(page, query): a Chinese compound and a course code; a page opened at an anchor as the home card's link does."""

PROBE = """() => {
  window.__rr = {};
  const box = document.querySelector('.md-search__input');
  addEventListener('pointerdown', () => { window.__rr.tap ??= performance.now(); }, {capture: true});
  box.addEventListener('focus', () => { window.__rr.focus ??= performance.now(); });
  new MutationObserver(() => {
    if (window.__rr.result === undefined && document.querySelector('.md-search-result__item'))
      window.__rr.result = performance.now();
  }).observe(document.querySelector('.md-search-result__list'), {childList: true});
}"""


def one_run(browser: Browser, base_url: str, path: str, query: str) -> dict:
    context = browser.new_context(base_url=base_url, **PHONE)
    try:
        page = context.new_page()
        slow_down(context, page)
        page.goto(path, wait_until="load", timeout=180_000)
        page.evaluate(PROBE)
        page.locator("label.md-header__button[for=__search]").tap()
        box = page.locator("input.md-search__input")
        focused_at_once = page.evaluate("document.activeElement === document.querySelector('.md-search__input')")
        if not focused_at_once:
            box.tap()
        page.keyboard.type(query)
        page.wait_for_function("() => window.__rr.result !== undefined", timeout=180_000, polling=100)
        times = page.evaluate("window.__rr")
        return {"focus": times["focus"] - times["tap"], "result": times["result"] - times["tap"],
                "focused_at_once": focused_at_once, "kept": box.input_value() == query}
    finally:
        context.close()


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values) / 1000:5.2f} s  ({min(values) / 1000:.2f}–{max(values) / 1000:.2f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chromium = prerequisites.chromium_path()
    if not chromium:
        sys.exit("\n".join(prerequisites.ensure(["chromium"], may_install=False)))
    with tempfile.TemporaryDirectory(prefix="rr-first-search-") as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            subprocess.run([sys.executable, "-m", "macros.engine.site", "build", "--out", str(site)], cwd=ROOT,
                           check=True, capture_output=True)
        server, url = serve_like_pages(site)
        print(f"phone 412×823, network {SLOW_3G['latency']} ms round trip, {SLOW_3G['downloadThroughput'] * 8 // 1000}"
              f" kbit/s; CPU {PHONE_CPU}× slower; {args.runs} runs each, empty cache")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                for path, query in CASES:
                    runs = [one_run(browser, url, path, query) for _ in range(args.runs)]
                    print(f"{path:16} {query!r:8} tap → focus  {spread([r['focus'] for r in runs])}")
                    print(f"{'':25} tap → result {spread([r['result'] for r in runs])}   focused by the first tap: "
                          f"{sum(r['focused_at_once'] for r in runs)}/{len(runs)}, query kept: "
                          f"{sum(r['kept'] for r in runs)}/{len(runs)}")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
