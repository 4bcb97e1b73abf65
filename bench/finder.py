"""Course finder with 1,000 courses: a real build with a generated courses table, timed in Chromium.

``python bench/finder.py [--courses 1000] [--full-build] [--keep DIR]``

Writes a roadmap with the real courses plus synthetic ones (varied institutions, topics, levels and
videos so every filter has work to do). By default the real site is built once and the courses page
of each language gets its body re-rendered from the generated roadmap with the real template (same
theme, CSS and finder.js; only the sidebar still lists the real courses). ``--full-build`` instead
builds the whole site with ``ROADMAP_DATA`` pointing at the generated file: the same page, but it
takes many minutes because every one of the 1,000 course pages renders a 1,000-entry navigation.
Then serves the result on 127.0.0.1 and drives Debian's Chromium: page load to a ready finder, each
keystroke of a few text queries (key → rows updated, and → next painted frame), and each topic
select change. Prints the figures; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import prerequisites  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, serve  # noqa: E402

INSTITUTIONS = 25
QUERIES = ("syn 07", "注意力", "attention", "zzz")

PROBE = """() => {
  window.__rr = {t0: 0, times: []};
  const form = document.getElementById('rr-finder');
  const start = () => { window.__rr.t0 = performance.now(); };
  // beforeinput: the moment the key (or an input method) edits the box, before the finder's input handler
  document.getElementById('rr-finder-text').addEventListener('beforeinput', start, true);
  form.addEventListener('change', start, true);
  form.addEventListener('rr-finder:update', (event) => {
    const t0 = window.__rr.t0, updated = performance.now(), shown = event.detail.shown;
    requestAnimationFrame(() => setTimeout(() => {
      window.__rr.times.push({updated: updated - t0, painted: performance.now() - t0, shown});
    }, 0));
  });
}"""


def generate(n: int, out: Path) -> None:
    """The real roadmap with synthetic courses appended until there are ``n``."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "data/roadmap.yaml").read_text(encoding="utf-8"))
    rng = random.Random(4)
    topics = [t["id"] for t in data["topics"]]
    template = data["courses"][0]
    extra = []
    for k in range(n - len(data["courses"])):
        course = copy.deepcopy(template)
        inst = k % INSTITUTIONS
        course.update(
            id=f"syn-{k:04d}", code=f"SYN {k:04d}", aliases=[],
            title={"zh": f"合成课程 {k}", "en": f"Synthetic course {k}"},
            institution={"zh": f"合成大学 {inst}", "en": f"Synthetic University {inst}"},
            instructors=[f"Lecturer {rng.randrange(300)}"],
            topics=rng.sample(topics, rng.randint(1, 4)),
            level=rng.choice(["intro", "intermediate", "advanced"]),
        )
        course["videos"] = {"public": rng.random() < 0.5}
        course.pop("editor_note", None)
        course.pop("instructors_note", None)
        course.pop("more_links", None)
        extra.append(course)
    data["courses"] = data["courses"] + extra
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build(data: Path | None, out: Path) -> float:
    """The real bilingual build, from ``data`` (``ROADMAP_DATA``) or the real data file."""
    started = time.perf_counter()
    env = {**os.environ, "ROADMAP_DATA": str(data)} if data else None
    result = subprocess.run(
        [sys.executable, "-m", "macros.engine.site", "build", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return time.perf_counter() - started


def inject(data: Path, site: Path) -> None:
    """Re-render each language's courses page body from ``data`` with the real template."""
    import markdown

    from macros.data.languages import PREFIX
    from macros.data.loader import load
    from macros.render.render import Renderer

    roadmap = load(data)
    for lang, prefix in PREFIX.items():
        body = Renderer(roadmap, lang).render("courses", "courses/")
        html = markdown.markdown(body, extensions=["md_in_html", "attr_list", "tables"])
        page = site / prefix / "courses/index.html"
        text = page.read_text(encoding="utf-8")
        start = re.search(r'<article class="md-content__inner md-typeset">', text)
        end = text.index("</article>", start.end())
        page.write_text(text[: start.end()] + html + text[end:], encoding="utf-8")


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"median {median:7.1f} ms   p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms   (n={len(ordered)})"


def measure(base_url: str, lang_prefix: str) -> None:
    from playwright.sync_api import sync_playwright

    chromium = prerequisites.chromium_path()
    if not chromium:
        sys.exit("\n".join(prerequisites.ensure(["chromium"], may_install=False)))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(base_url + lang_prefix + "courses/")
        page.wait_for_selector("form#rr-finder:not([hidden])")
        ready = (time.perf_counter() - started) * 1000
        rows = page.locator("#course-table tr.rr-course-row").count()
        print(f"[{lang_prefix or 'zh/'}] {rows} rows; page load → finder ready: {ready:.0f} ms")
        page.evaluate(PROBE)
        box = page.locator("#rr-finder-text")
        for query in QUERIES:
            box.fill("")
            page.evaluate("window.__rr.times = []")
            box.press_sequentially(query, delay=60)
            page.wait_for_timeout(200)
            times = page.evaluate("window.__rr.times")
            shown = times[-1]["shown"] if times else "?"
            print(f"  type {query!r:14} key → rows updated  {summary([t['updated'] for t in times])}")
            print(f"  {'':19} key → next paint       {summary([t['painted'] for t in times])}  → {shown} rows")
        box.fill("")
        page.locator("#rr-finder-text").dispatch_event("input")
        page.evaluate("window.__rr.times = []")
        topic = page.locator("#rr-finder-topic")
        for value in topic.locator("option").evaluate_all("os => os.map(o => o.value)")[1:]:
            topic.select_option(value)
        page.wait_for_timeout(200)
        times = page.evaluate("window.__rr.times")
        print(f"  topic select (each)      change → rows updated  {summary([t['updated'] for t in times])}")
        print(f"  {'':24} change → next paint    {summary([t['painted'] for t in times])}")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=1000)
    parser.add_argument("--full-build", action="store_true", help="build the whole site from the generated data")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="rr-finder-bench-"))
    try:
        data = work / "roadmap.yaml"
        generate(args.courses, data)
        site = args.keep or work / "site"
        if args.full_build:
            seconds = build(data, site)
            print(f"built the site with {args.courses} courses (both languages) in {seconds:.1f} s")
        else:
            seconds = build(None, site)
            inject(data, site)
            print(f"built the real site in {seconds:.1f} s; courses pages re-rendered with {args.courses} courses")
        server, url = serve(site)
        try:
            for prefix in ("", "en/"):
                measure(url, prefix)
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
