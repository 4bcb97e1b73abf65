"""A hostile edit of the data runs nothing: markup, template code and quotes planted in every text field of the
data come out as text on every page of both languages, in the titles, navigation, meta descriptions, search
index, feeds, downloads and the calendar file, and a real browser opening every page sees no dialog and no
planted element.

The carrier is the live data with the payload appended to every free text (ids, addresses, dates and other
values the model constrains stay as they are), so every kind of page and field is covered. The build leaves
out the style rules (glossary, punctuation), which the payload breaks on purpose: they are not what keeps a
page safe.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import ROOT, HTMLParser, once_per_run, serve
from quality_support import BUNDLE_STARTED, FRAMES, html_pages
from search_support import open_search, search

from macros.data.languages import PREFIX as LANGS

MARKER = "rr-pwn"
KEEP = {
    "id", "ref", "url", "links", "topics", "stage", "period", "directions", "date", "checked", "source_date",
    "source_updated", "level", "kind", "access", "status", "language", "arxiv", "year", "week", "start", "end",
    "self_check", "glossary", "step", "part_of", "video", "slides", "venue_kind", "within", "topic",
}
"""Keys whose values are not free text: the model constrains them (or, for the glossary, only style reads them)."""
BUILD = ("import sys; import macros.data.glossary; macros.data.glossary.problems = lambda roadmap: []; "
         "from macros.engine.site import main; sys.exit(main(sys.argv[1:]))")
"""The real build without the style rules."""


def payload(witness: Path) -> str:
    """Markup, an attribute break-out, escaped markup that a tag stripper would revive, Markdown and Jinja code."""
    return (f' "\'><{MARKER}></{MARKER}><img src=x onerror=alert(1)><script>alert(2)</script>'
            f"&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; [link](javascript:alert(4)) *em* "
            f"{{{{ 7*7 }}}}{{% raw %}}{{{{ cycler.__init__.__globals__.os.popen('touch {witness}').read() }}}}")


def plant(value: object, text: str, key: str = "") -> object:
    """``value`` (loaded YAML) with ``text`` appended to every free-text string."""
    if key in KEEP:
        return value
    if isinstance(value, dict):
        return {k: plant(v, text, k) for k, v in value.items()}
    if isinstance(value, list):
        return [plant(v, text, key) for v in value]
    return value + text if isinstance(value, str) else value


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The site built from the planted data: (site, witness file that code execution would create, payload)."""

    def make(folder: Path) -> None:
        data = yaml.safe_load((ROOT / "data" / "roadmap.yaml").read_text(encoding="utf-8"))
        data = plant(data, payload(folder / "code-ran"))
        first = next(t for w in data["weeks"] for t in w["tasks"] if "id" in t and not t.get("self_check"))
        first["id"] = "constructor"  # a name every JavaScript object has: must read as unticked
        file = folder / "roadmap.yaml"
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", BUILD, "build", "--out", str(folder / "site")], cwd=ROOT,
                                capture_output=True, text=True, env={**os.environ, "ROADMAP_DATA": str(file)},
                                timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr

    folder = once_per_run(tmp_path_factory, "hostile", make)
    witness = folder / "code-ran"
    return folder / "site", witness, payload(witness)


def all_pages(site: Path) -> list[str]:
    return [path for lang in LANGS for path in html_pages(site, lang)]


def test_template_code_in_the_data_is_never_run(hostile):
    site, witness, text = hostile
    assert not witness.exists()
    page = HTMLParser((site / "courses" / "cs224n" / "index.html").read_text(encoding="utf-8"))
    assert "{{ 7*7 }}" in page.css_first("title").text() and "49" not in page.css_first("title").text()
    assert text.strip() in page.css_first("h1").text()


def test_no_page_has_a_planted_element_and_every_title_is_text(hostile):
    site, _, text = hostile
    for path in all_pages(site):
        tree = HTMLParser((site / path / "index.html").read_text(encoding="utf-8"))
        assert not tree.css(MARKER), path
        assert not tree.css("img[onerror]"), path
        for script in tree.css("script"):
            if script.attributes.get("type") == "application/json":  # data: parses, and no markup closes it
                assert "<" not in script.text() and json.loads(script.text()) is not None, path
            else:
                assert "alert(" not in script.text(), path
        assert not [a for a in tree.css("a[href]") if a.attributes["href"].strip().lower().startswith("javascript")]
        description = tree.css_first('meta[name="description"]').attributes["content"]
        assert "<" not in description or text.strip()[:20] in description, path  # the payload, as text
        title = tree.css_first("title").text()
        assert MARKER not in title or f"<{MARKER}>" in title, path


def test_the_navigation_shows_planted_titles_as_text(hostile):
    site, _, text = hostile
    tree = HTMLParser((site / "en" / "courses" / "index.html").read_text(encoding="utf-8"))
    labels = [node.text(strip=True) for node in tree.css(".md-nav__link .md-ellipsis")]
    assert any(text.strip() in label for label in labels)


def test_the_search_index_holds_planted_text_escaped(hostile):
    site, _, _ = hostile
    for lang in LANGS:
        index = json.loads((site / LANGS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            assert f"<{MARKER}" not in doc["title"] + doc["text"], doc["location"]


def test_the_feed_and_downloads_carry_planted_text_as_text(hostile):
    site, _, text = hostile
    for lang in LANGS:
        feed = ET.parse(site / LANGS[lang] / "feed.xml")
        titles = [node.text or "" for node in feed.iter("{http://www.w3.org/2005/Atom}title")]
        assert any(text.strip() in title for title in titles)
    data = json.loads((site / "downloads" / "roadmap.json").read_text(encoding="utf-8"))
    assert data["courses"][0]["code"].endswith(text.strip())
    rows = list(csv.reader(io.StringIO((site / "downloads" / "courses.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][1].endswith(text.strip())


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_runs_planted_script_in_a_browser(hostile, browser, lang: str):
    """Every page of one language, with Material's bundle started (it loads on the first interaction), and then
    the search, which renders its results from the index."""
    site, _, _ = hostile
    server, base = serve(site)
    dialogs: list[str] = []
    try:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in html_pages(site, lang):
            page.goto(path, wait_until="load")
            page.mouse.move(10, 200)  # the pointer stays where it was across pages: move it twice, so it moves
            page.mouse.move(30, 220)
            page.wait_for_function(BUNDLE_STARTED)
            page.evaluate(FRAMES)
            assert page.evaluate(f"document.querySelectorAll('{MARKER}, img[onerror]').length") == 0, path
        page.goto(LANGS[lang], wait_until="load")
        open_search(page)
        assert search(page, "alert", base)
        assert page.evaluate(f"document.querySelectorAll('{MARKER}, img[onerror]').length") == 0
        context.close()
    finally:
        server.shutdown()
    assert not dialogs, dialogs


def test_a_task_named_like_an_object_property_starts_unticked(hostile, browser):
    site, _, _ = hostile
    server, base = serve(site)
    try:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("en/weeks/")
        box = page.locator('input.rr-task__box[data-task="constructor"]').first
        assert not box.is_checked()
        box.check()
        page.reload()
        assert page.locator('input.rr-task__box[data-task="constructor"]').first.is_checked()
        page.locator('input.rr-task__box[data-task="constructor"]').first.uncheck()
        page.reload()
        assert not page.locator('input.rr-task__box[data-task="constructor"]').first.is_checked()
        context.close()
    finally:
        server.shutdown()


def test_the_calendar_file_carries_planted_titles_as_text(hostile, browser, tmp_path):
    site, _, text = hostile
    server, base = serve(site)
    try:
        context = browser.new_context(base_url=base, accept_downloads=True)
        page = context.new_page()
        page.goto("en/weeks/?start=2027-01-04")
        with page.expect_download() as info:
            page.locator("button[data-plan=calendar]").click()
        target = tmp_path / "plan.ics"
        info.value.save_as(target)
        events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        assert all(str(event["SUMMARY"]).endswith(text.strip()) for event in events)
        context.close()
    finally:
        server.shutdown()

