"""The built bilingual site: every item in both languages, twins, escaping, downloads, no foreign hosts."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT, HTMLParser, build_site, data_urls, serve

from macros.content.i18n import translate
from macros.content.index import RoadmapIndex
from macros.data.languages import PREFIX as LANGS
from macros.data.loader import load_once
from macros.engine.site import LOCAL_ADDRESS, NO_ADDRESS
from macros.outputs.exports import DOWNLOADS

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
FIXTURE = Path(__file__).with_name("fixtures") / "minimal.yaml"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(site: Path, lang: str) -> list[str]:
    """Site-relative paths of every HTML page of one language."""
    base = site / LANGS[lang]
    found = []
    for file in sorted(base.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if lang == "zh" and rel.startswith("en/"):
            continue
        found.append(rel)
    return found


def resolve(page_path: str, href: str) -> str:
    """Site-relative path an href on a page points to (directory links → index.html)."""
    target = urlsplit(urljoin("http://site/" + page_path, href)).path.lstrip("/")
    return target + "index.html" if target.endswith("/") or target == "" else target


@pytest.mark.parametrize("lang", LANGS)
def test_every_course_has_a_page_with_its_facts(read_page, lang: str):
    table = read_page(LANGS[lang] + "courses/")
    for course in ROADMAP.courses:
        doc = read_page(f"{LANGS[lang]}courses/{course.id}/")
        article = doc.css_first("article")
        assert course.code in article.css_first("h1").text()
        assert course.title[lang] in article.css_first("h1").text()
        text = article.text()
        for name in course.instructors:
            assert name in text
        assert course.institution[lang] in text
        assert any(a.attributes.get("href") == course.url for a in article.css("a")), course.id
        if course.editor_note:
            assert course.editor_note[lang] in article.css_first(".rr-editor-note").text()
        row = table.css_first(f'tr[data-course="{course.id}"]')
        assert row is not None and course.code in row.text()


@pytest.mark.parametrize("lang", LANGS)
def test_weekly_plan_has_all_24_weeks_and_every_task(read_page, lang: str):
    doc = read_page(LANGS[lang] + "weeks/")
    for week in ROADMAP.weeks:
        heading = doc.css_first(f"#week-{week.week}")
        assert heading is not None and week.focus[lang] in heading.text()
    boxes = {node.attributes["data-task"] for node in doc.css("input.rr-task__box:not([data-optional] *)")}
    assert boxes == {t.ref or t.id for w in ROADMAP.weeks for t in w.tasks}


@pytest.mark.parametrize("lang", LANGS)
def test_every_address_in_the_data_is_linked(site: Path, read_page, lang: str):
    links = {a.attributes.get("href") for path in pages(site, lang) for a in read_page(path).css("a[href]")}
    data = json.loads(ROADMAP.model_dump_json())
    missing = [url for url in data_urls(data) if url not in links]
    assert not missing



def test_every_page_has_its_twin_and_the_selector_leads_there(site: Path, read_page):
    zh_pages = pages(site, "zh")
    en_pages = pages(site, "en")
    assert len(zh_pages) == len(en_pages) > 20
    assert {"en/" + p for p in zh_pages} == set(en_pages)
    for lang, own in (("zh", zh_pages), ("en", en_pages)):
        for path in own:
            doc = read_page(path)
            if path.endswith("404.html"):
                continue
            assert doc.css_first("html").attributes["lang"] == lang, path
            other = "en" if lang == "zh" else "zh"
            twin = "en/" + path if lang == "zh" else path.removeprefix("en/")
            selector = doc.css_first(f'a.md-select__link[hreflang="{other}"]')
            assert selector.attributes["lang"] == other, path
            assert resolve(path, selector.attributes["href"]) == twin, path
            own = doc.css_first(f'a.md-select__link[hreflang="{lang}"]')
            assert resolve(path, own.attributes["href"]) == path, path


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_and_interface_are_translated(read_page, lang: str):
    nav = read_page(LANGS[lang] + "").css_first("nav.md-nav--primary").text()
    other = next(code for code in LANGS if code != lang)
    for key in ("page.courses", "page.weeks", "page.path", "page.about"):
        assert translate(key, lang) in nav
        assert translate(key, other) not in nav


def test_no_template_syntax_left_and_nothing_from_other_hosts(site: Path):
    for file in site.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert "{{" not in html and "{%" not in html, file
        doc = HTMLParser(html)
        for node in doc.css("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]"):
            if node.tag == "link" and node.attributes.get("rel") in ("alternate", "canonical"):
                continue
            ref = node.attributes.get("src") or node.attributes.get("href") or ""
            assert not urlsplit(ref).netloc, f"{file}: {node.html}"
    for file in site.rglob("*.css"):
        css = file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in css and "@import url(http" not in css, file


def test_external_links_are_safe(site: Path, read_page):
    for path in pages(site, "zh") + pages(site, "en"):
        for a in read_page(path).css("article a[href]"):
            href = a.attributes["href"]
            scheme = urlsplit(href).scheme
            assert scheme in ("", "http", "https"), f"{path}: {href}"
            if scheme:
                assert "noopener" in (a.attributes.get("rel") or ""), f"{path}: {href}"


def test_downloads_parse_and_match_the_data(site: Path):
    for base in LANGS.values():
        data = json.loads((site / base / "downloads/roadmap.json").read_text(encoding="utf-8"))
        assert data == json.loads(ROADMAP.model_dump_json())
        text = (site / base / "downloads/courses.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["id"] for r in rows] == [c.id for c in ROADMAP.courses]
        assert [r["url"] for r in rows] == [c.url for c in ROADMAP.courses]
        assert rows[1]["title_zh"] == ROADMAP.courses[1].title.zh


def test_about_page_lists_every_correction_and_links_the_downloads(read_page):
    for lang, base in LANGS.items():
        doc = read_page(base + "about/")
        facts = doc.css_first("ul.rr-facts").text()
        for item in RoadmapIndex(ROADMAP).corrected:
            assert item.editor_note[lang] in facts, item.id
        hrefs = {a.attributes["href"] for a in doc.css("a[download]")}
        assert hrefs == {f"../{path}" for path in DOWNLOADS}, lang


# --- builds of modified copies of the project -----------------------------------------------------

NEW_COURSE = """
  - id: xss-101
    code: XSS101
    title: {zh: "<script>alert(1)</script> 课程", en: "<script>alert(1)</script> course"}
    institution: {zh: 测试大学, en: Test University}
    offering: {zh: 2027 春, en: Spring 2027}
    instructors: ["Ada <b>Lovelace</b>"]
    url: https://example.org/xss-101?a=1&b=2
    videos: {access: unknown}
    description: {zh: "描述 & <i>斜体</i>", en: "Description & <i>italics</i>"}
    topics: [transformer]
    level: advanced
    sources: [{url: "https://example.org/xss-101?a=1&b=2", label: {zh: "<b>来源</b>", en: "<b>source</b>"}}]
    checked: 2026-11-30
    unverified: {zh: "<i>未核实</i>", en: "<i>unverified</i>"}
"""


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's sources that a test may change."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "tests",
                                                               ".pytest_cache", "bench", "__pycache__"))
    return copy


def fixture_with(tmp_path: Path, old: str, new: str) -> Path:
    """The minimal fixture roadmap with the first ``old`` replaced by ``new``, as a file."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text, old
    data = tmp_path / "roadmap.yaml"
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_a_course_added_to_the_data_appears_everywhere_escaped(tmp_path: Path):
    data = fixture_with(tmp_path, "\nself_study:", NEW_COURSE + "\nself_study:")
    out = tmp_path / "site"
    result = build_site(out, env={"ROADMAP_DATA": str(data), "SITE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert NO_ADDRESS in result.stderr  # a build without its address says what that leaves out
    # a sitemap lists absolute addresses: a build not told its own names make serve's, never an empty, invalid
    # sitemap; robots.txt names those sitemaps
    for base in LANGS.values():
        root = ET.fromstring((out / base / "sitemap.xml").read_bytes())
        locations = [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]
        assert locations and all(loc.startswith(LOCAL_ADDRESS + base) for loc in locations)
    assert f"Sitemap: {LOCAL_ADDRESS}en/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    for lang, base in LANGS.items():
        page = out / base / "courses/xss-101/index.html"
        doc = HTMLParser(page.read_text(encoding="utf-8"))
        article = doc.css_first("article")
        assert "<script>alert(1)</script>" in article.css_first("h1").text()
        assert not [s for s in doc.css("script") if "alert(1)" in (s.text() or "")]
        assert article.css("b") == [] and article.css("i") == []
        assert "Ada <b>Lovelace</b>" in article.text()
        assert "<b>source</b>" in article.text() or "<b>来源</b>" in article.text()  # source labels, escaped
        assert translate("course.videos.unknown", lang) in article.text()  # unchecked is never "login required"
        assert translate("course.videos.login", lang) not in article.text()
        assert any(a.attributes.get("href") == "https://example.org/xss-101?a=1&b=2" for a in article.css("a"))
        nav = doc.css_first("nav.md-nav--primary")
        assert any(a.attributes.get("href") in ("./", ".") for a in nav.css("a")) or "XSS101" in nav.text()
        table = HTMLParser((out / base / "courses/index.html").read_text(encoding="utf-8"))
        assert table.css_first('tr[data-course="xss-101"]') is not None, lang
        rows = list(csv.DictReader(io.StringIO((out / base / "downloads/courses.csv").read_text(encoding="utf-8-sig"))))
        assert rows[-1]["id"] == "xss-101"


def test_bad_data_stops_the_build_before_anything_is_written(tmp_path: Path):
    case = next(c for c in yaml.safe_load(FIXTURE.with_name("broken.yaml").read_text(encoding="utf-8"))
                if c["name"] == "javascript address")
    data = fixture_with(tmp_path, case["old"], case["new"])
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("old site", encoding="utf-8")
    result = build_site(out, env={"ROADMAP_DATA": str(data)})
    assert result.returncode == 1
    assert case["error"].replace("minimal.yaml", str(data)) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert not list(tmp_path.glob(".site-*"))


def test_a_macro_error_fails_the_build(tmp_path: Path):
    project = project_copy(tmp_path)
    (project / "docs" / "broken.md").write_text("{{ course_page('no-such-course') }}\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, project, env={"ROADMAP_DATA": str(FIXTURE)})  # the small data: a quicker build
    assert result.returncode == 1
    assert "build failed: a page macro failed" in result.stderr
    assert not out.exists()


def test_a_warning_fails_the_strict_build(tmp_path: Path):
    project = project_copy(tmp_path)
    (project / "docs" / "extra.md").write_text("[broken](no-such-page.md)\n", encoding="utf-8")
    result = build_site(tmp_path / "site", project, env={"ROADMAP_DATA": str(FIXTURE)})
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr and "strict" in result.stderr
    assert "Traceback" not in result.stderr


REPOSITORY = "https://github.com/example-owner/llm-research-roadmap"


def test_the_repository_address_set_once_is_linked_and_nothing_is_asked_of_github(tmp_path: Path, browser):
    """``repo_url`` in mkdocs.yml: every page links the repository (Material's source link, header and drawer),
    and no page view, with Material's bundle running, asks another host for anything (Material's source
    component would fetch the repository's stars and forks from api.github.com)."""
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(f"repo_url: {REPOSITORY}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, project=project)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "en/courses/index.html", "404.html"):
        html = HTMLParser((out / page).read_text(encoding="utf-8"))
        links = html.css(f'a.md-source[href="{REPOSITORY}"]')
        assert links and not any("data-md-component" in a.attributes for a in links), page
    server, url = serve(out)
    try:
        context = browser.new_context(base_url=url, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        hosts: set[str] = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.goto("en/courses/", wait_until="load")
        page.mouse.move(300, 300)
        page.wait_for_function("window.component$ !== undefined")
        page.wait_for_load_state("networkidle")
        assert page.locator(f'.md-header a.md-source[href="{REPOSITORY}"]').is_visible()
        assert hosts == {urlsplit(url).netloc}, hosts
        context.close()
    finally:
        server.shutdown()
