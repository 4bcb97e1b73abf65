"""Every published fact says where it comes from and when it was checked, in both languages.

Course pages carry a "Facts checked" row with the date and a link to every source, and what stays
unconfirmed; resources, books, community entries and people carry the same line. Videos say
public, login required or not confirmed; papers show their authors, year, venue and arXiv id.
The staleness report and the downloads carry the dates too.
"""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from macros.content.i18n import translate
from macros.data.glossary import chinese_punctuation, mixed_brackets, problems
from macros.data.languages import PREFIX as LANGS
from macros.data.loader import load_once, parse
from macros.data.model import Paper
from macros.data.staleness import MAX_AGE, markdown, stale

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
FIXTURE = Path(__file__).with_name("fixtures") / "minimal.yaml"
PAGE_OF = {"resources": "path/", "books": "books/", "community": "keeping-up/"}


def assert_provenance(node, record, lang: str) -> None:
    """``node`` shows the check date and links every source of ``record``."""
    line = node.css_first(".rr-provenance")
    assert line is not None, record.id
    assert str(record.checked) in line.text(), record.id
    assert [a.attributes["href"] for a in line.css("a")] == [s.url for s in record.sources], record.id
    if record.unverified:
        assert record.unverified[lang] in node.text(), record.id


@pytest.mark.parametrize("lang", LANGS)
def test_every_course_page_shows_its_sources_date_and_what_is_unverified(read_page, lang):
    for course in ROADMAP.courses:
        page = read_page(f"{LANGS[lang]}courses/{course.id}/")
        header = page.css_first("dl.rr-header")
        checked = header.css_first(".rr-header__checked")
        assert checked.css_first("dt").text() == translate("course.checked", lang)
        assert_provenance(header, course, lang)
        unverified = header.css_first(".rr-header__unverified")
        assert (unverified is not None) == bool(course.unverified), course.id
        if course.unverified:
            assert unverified.css_first("dt").text() == translate("provenance.unverified", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_resource_book_community_entry_and_person_shows_its_sources(read_page, lang):
    for name, page in PAGE_OF.items():
        doc = read_page(LANGS[lang] + page)
        for record in getattr(ROADMAP, name):
            assert_provenance(doc.css_first(f"li#res-{record.id}"), record, lang)
    people = read_page(LANGS[lang] + "people/")
    for person in ROADMAP.people:
        item = people.css_first(f"li#{person.id}")
        assert item.css_first("a").attributes["href"] == person.url
        assert_provenance(item, person, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_videos_say_public_login_or_not_confirmed(read_page, lang):
    labels = {access: translate(f"course.videos.{access}", lang) for access in ("public", "login", "unknown")}
    rows = {row.attributes["data-course"]: row for row in read_page(f"{LANGS[lang]}courses/").css("tr.rr-course-row")}
    for course in ROADMAP.courses:
        page = read_page(f"{LANGS[lang]}courses/{course.id}/")
        videos = next(div for div in page.css("dl.rr-header > div")
                      if div.css_first("dt").text() == translate("course.videos", lang))
        assert videos.css_first("dd").text().startswith(labels[course.videos.access]), course.id
        others = [label for access, label in labels.items() if access != course.videos.access]
        assert not any(videos.css_first("dd").text().startswith(label) for label in others)
        row = rows[course.id]
        assert row.attributes["data-videos"] == course.videos.access
        assert labels[course.videos.access] in row.text()
        assert str(course.checked) in row.text()


@pytest.mark.parametrize("lang", LANGS)
def test_papers_show_authors_year_venue_and_arxiv_id(read_page, lang):
    papers = [r for r in ROADMAP.resources if isinstance(r, Paper)]
    assert papers
    doc = read_page(LANGS[lang] + "path/")
    for paper in papers:
        byline = doc.css_first(f"li#res-{paper.id} .rr-meta").text()
        assert paper.authors[0] in byline and str(paper.year) in byline, paper.id
        assert (f"arXiv {paper.arxiv}" in byline) == bool(paper.arxiv), paper.id
        assert (paper.venue or "") in byline


def test_about_page_gives_the_range_of_check_dates(read_page):
    dates = [r.checked for name in ("courses", "resources", "books", "community", "people")
             for r in getattr(ROADMAP, name)]
    for lang, prefix in LANGS.items():
        text = read_page(prefix + "about/").css_first("dl.rr-header").text()
        assert str(min(dates)) in text and str(max(dates)) in text, lang


def test_the_course_table_download_carries_the_check_date_and_sources(site):
    for prefix in LANGS.values():
        text = (site / prefix / "downloads/courses.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        for row, course in zip(rows, ROADMAP.courses, strict=True):
            assert row["checked"] == course.checked.isoformat()
            assert row["sources"].split() == [s.url for s in course.sources]
            assert row["videos"] == course.videos.access


# ---- the glossary and staleness, on the fixture ---------------------------------------------------------------


def fixture_with(old: str, new: str):
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    return parse(text.replace(old, new, 1).encode("utf-8"), "minimal.yaml")


def test_quoted_words_are_quotations_and_stay_as_written():
    roadmap = fixture_with("en: Test course}", "en: The roadmap said ‘HuggingFace course’}")
    assert list(problems(roadmap)) == []


@pytest.mark.parametrize("text", [
    "原路线图写作“参与开源项目（如 FastChat, vLLM）”",  # the roadmap's words, quoted
    "Let's build GPT: from scratch, in code, spelled out.（从零手写 GPT）",  # an English title
    "约 1,000 个样本",  # a thousands separator
    "LLM.int8(): 8-bit Matrix Multiplication（论文）",  # brackets inside a Latin name
    "由 Dawn Song、Xinyun Chen 讲授（2025 年春季）",
])
def test_chinese_punctuation_leaves_quotations_titles_and_numbers_alone(text: str):
    assert chinese_punctuation(text) == [] and not mixed_brackets(text)


def test_english_text_is_not_held_to_chinese_punctuation():
    assert chinese_punctuation("Taught by Dawn Song, Xinyun Chen (Spring 2025)") == []


def test_facts_older_than_twelve_months_are_listed():
    roadmap = parse(FIXTURE.read_bytes(), "minimal.yaml")
    checked = roadmap.courses[0].checked
    assert stale(roadmap, checked + MAX_AGE) == []
    late = stale(roadmap, checked + MAX_AGE + datetime.timedelta(days=1))
    assert [(item.field, item.id) for item in late] == [("courses[0]", "course-a"), ("resources[0]", "paper-a")]
    report = markdown(late, checked + MAX_AGE + datetime.timedelta(days=1))
    assert "| `course-a` | courses[0] |" in report
    assert "None" in markdown([], checked)


def test_make_check_warns_about_stale_facts_without_failing(tmp_path: Path):
    old = tmp_path / "old.yaml"
    old.write_text(FIXTURE.read_text(encoding="utf-8").replace("checked: 2026-11-30", "checked: 2020-01-01"),
                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.data.check", str(old)], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert f"{old}: courses[0]: warning: 'course-a' was last checked on 2020-01-01" in result.stderr
