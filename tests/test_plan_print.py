"""Printing in a real Chromium (page.pdf), read back with pypdf: every week and task, no site chrome."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
from conftest import shared_result
from plan_support import INDEX, ROADMAP, box, first_link, has, squash, t, week_tasks
from pypdf import PdfReader

from macros.data.languages import PREFIX as LANGS

pytestmark = pytest.mark.browser

START = dt.date(2027, 1, 4)
BUDGET = {"weeks": 12, "stage": 5}
"""Most pages a print may take, on A4 and on Letter (the weekly plan, a first step under every task, prints in
9–11 today: Chinese on A4 the fewest, English on Letter the most)."""
PAPERS = ["A4", "Letter"]
CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer"


def pdf_pages(page, paper: str) -> list[str]:
    """Print the current page to PDF as Chromium does and return each printed page's text."""
    data = page.pdf(format=paper)
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def chrome_labels(read_page, path: str) -> list[str]:
    """Texts of the site's navigation, header and footer that the page's content does not itself contain."""
    doc = read_page(path)
    content = squash(doc.css_first("article").text())
    labels = {node.text(strip=True) for sel in CHROME.split(", ") for node in doc.css(f"{sel} a, {sel} label")}
    labels |= {node.attributes.get("placeholder") or "" for node in doc.css(".md-search input")}
    return sorted(label for label in labels if len(squash(label)) > 2 and squash(label) not in content)


def week_heading(lang: str, week) -> str:
    return squash(f"{t('plan.week', lang, n=week.week)} · {week.focus[lang]}")


def assert_weeks_whole(pages: list[str], lang: str, weeks) -> None:
    """Every week's heading, dates and tasks sit on one printed page."""
    for week in weeks:
        where = [n for n, text in enumerate(pages) if has(text, week_heading(lang, week))]
        assert len(where) == 1, (week.week, where)
        for task in week_tasks(week.week):
            assert has(pages[where[0]], task.text[lang]), (week.week, task.id)


@pytest.fixture(scope="module")
def printed(tmp_path_factory, browser, base_url: str):
    """``printed(lang, paper)``: the weekly plan printed once per language and paper size in a run (the xdist
    workers share it), started on :data:`START` with the first task of week 1 ticked: each printed page's text,
    the plan's dates, week 1's dates and the address as the page showed them, and the page breaks the print
    styles ask for before each period and its heading."""

    def print_plan(lang: str, paper: str) -> dict:
        context = browser.new_context(base_url=base_url)
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{LANGS[lang]}weeks/?start={START}")
            box(page, week_tasks(1)[0].id).check()
            shown = {"dates": page.locator("[data-plan-range]").inner_text(),
                     "first_week_dates": page.locator("#week-1 ~ .rr-week__dates").inner_text(),
                     "url": page.url, "pages": pdf_pages(page, paper)}
            page.emulate_media(media="print")
            shown["breaks"] = page.eval_on_selector_all(".rr-period, .rr-period > h2",
                                                        "els => els.map(e => getComputedStyle(e).breakBefore)")
            assert not errors, f"console errors: {errors}"
            return shown
        finally:
            context.close()

    return lambda lang, paper: shared_result(tmp_path_factory, f"print-weeks-{lang}-{paper}",
                                             lambda: print_plan(lang, paper))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_weekly_plan_prints_every_week_and_task_and_no_navigation(printed, read_page, lang: str, paper: str):
    ticked = week_tasks(1)[0]
    shown = printed(lang, paper)
    dates, pages = shown["dates"], shown["pages"]
    assert len(pages) <= BUDGET["weeks"], len(pages)
    text = squash("".join(pages))
    assert has(pages[0], ROADMAP.meta.title[lang] + dates)  # the title, with the dates
    assert dates.strip(" ·") and START.strftime("%Y") in dates
    assert_weeks_whole(pages, lang, ROADMAP.weeks)
    for period in ROADMAP.periods:
        assert has(text, period.title[lang])
    assert has(text, shown["first_week_dates"])
    labels = chrome_labels(read_page, f"{LANGS[lang]}weeks/")
    assert len(labels) >= 5, labels
    assert [label for label in labels if has(text, label)] == []
    for control in ("plan-tools.calendar", "plan-tools.export", "plan-tools.reset", "plan-tools.progress"):
        assert not has(text, t(control, lang))
    # one box per task, ticked where the reader ticked
    total = len({task.id for w in ROADMAP.weeks for task in week_tasks(w.week)})
    optional = sum(len(stage.further) for stage in ROADMAP.stages)  # the go-further boxes print too
    assert text.count("☑") == 1
    assert text.count("☐") == sum(len(week_tasks(w.week)) for w in ROADMAP.weeks) + optional - 1
    assert total >= 70
    assert has(text, "☑" + ticked.text[lang])
    # external links print a short address after their text (host and path); links inside the site print none
    external = urlsplit(first_link(1, external=True))
    assert squash(f"<{external.netloc.removeprefix('www.')}{external.path}".rstrip("/") + ">") in text
    assert "https://" not in text
    # a long address keeps its host and its last part (here a slide file's name) and leaves out the middle
    long = next(urlsplit(step.url) for step in ROADMAP.steps
                if len(urlsplit(step.url).netloc + urlsplit(step.url).path) > 60 and step.url.endswith(".pdf"))
    name = long.path.rsplit("/", 1)[1]
    assert squash(f"<{long.netloc.removeprefix('www.')}/…/{name}>") in text, name
    site_root = shown["url"].split(LANGS[lang] + "weeks/")[0]
    assert site_root.split("://")[1] not in text
    assert f"courses/{first_link(1, external=False)}" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_each_period_heading_prints_with_its_first_week_and_forces_no_page_break(printed, lang: str):
    shown = printed(lang, "A4")
    pages = shown["pages"]
    starts = []
    for period in ROADMAP.periods:
        heading = f"{t('plan.week-range', lang, start=period.weeks.start, end=period.weeks.end)} · {period.title[lang]}"
        first_week = week_heading(lang, INDEX.weeks_of(period)[0])
        where = next((n for n, text in enumerate(pages) if has(text, first_week)), None)
        assert where is not None, f"{first_week!r} is on no printed page"
        assert has(pages[where], heading + period.content[lang])  # the period's heading, then its summary
        starts.append(where)
    assert starts == sorted(starts)
    # periods follow on where the last one ended: nothing asks for a new page before a period
    breaks = shown["breaks"]
    assert len(breaks) == 2 * len(ROADMAP.periods) and set(breaks) <= {"auto"}, breaks
    assert sum(p.count("☑") for p in pages) == 1  # the one task ticked before printing; the rest empty boxes


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_wall_chart_prints_the_whole_plan_on_one_sheet(page, lang: str, paper: str):
    page.goto(f"{LANGS[lang]}weeks/")
    box(page, week_tasks(2)[0].id).check()
    page.goto(f"{LANGS[lang]}weeks/")
    page.get_by_role("link", name=t("wall.link", lang)).first.click()
    page.wait_for_url(f"**/{LANGS[lang]}wall-chart/")
    page.goto(f"{LANGS[lang]}wall-chart/?start={START}")
    assert page.locator(".rr-wall__task.is-done").count() == 1
    pages = pdf_pages(page, paper)
    assert len(pages) == 1, len(pages)
    text = squash(pages[0])
    assert has(text, ROADMAP.meta.title[lang])
    for week in ROADMAP.weeks:
        assert has(text, week_heading(lang, week)), week.week
    first_week_dates = page.locator('.rr-wall__week[data-week="1"] .rr-week__dates').inner_text()
    assert first_week_dates and has(text, first_week_dates)
    last = page.locator('.rr-wall__week[data-week="24"] .rr-week__dates').inner_text()
    assert has(text, last)
    assert not has(text, t("wall.intro", lang)[:20]) and not has(text, t("wall.print", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_stage_page_prints_its_weeks_whole(page, read_page, lang: str):
    stage = ROADMAP.stages[1]
    page.goto(f"{LANGS[lang]}stages/{stage.id}/?start={START}")
    pages = pdf_pages(page, "A4")
    assert len(pages) <= BUDGET["stage"], len(pages)
    text = squash("".join(pages))
    assert has(text, stage.title[lang]) and has(pages[0], ROADMAP.meta.title[lang])
    for task in stage.tasks:
        assert has(text, task.text[lang])
    assert_weeks_whole(pages, lang, INDEX.weeks_of_stage(stage))
    labels = chrome_labels(read_page, f"{LANGS[lang]}stages/{stage.id}/")
    assert [label for label in labels if has(text, label)] == []


def test_print_is_black_on_white_in_dark_mode(page):
    page.emulate_media(color_scheme="dark")
    page.goto("en/weeks/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    page.emulate_media(media="print", color_scheme="dark")
    colors = page.evaluate("""() => {
        const style = sel => getComputedStyle(document.querySelector(sel));
        const of = sel => [style(sel).color, style(sel).backgroundColor];
        return {body: of("body"), article: of("article"), h1: of("article h1"), link: of("article .rr-links a"),
                task: of(".rr-task__text"), meta: of(".rr-meta"), header: style(".md-header").display};
    }""")
    assert colors.pop("header") == "none"
    assert colors["body"] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    for name, (fg, _) in colors.items():
        assert fg == "rgb(0, 0, 0)", name


@pytest.mark.parametrize("lang", LANGS)
def test_headings_and_contents_show_the_text_itself(read_page, lang: str):
    doc = read_page(f"{LANGS[lang]}weeks/")
    toc = doc.css_first(".md-sidebar--secondary").text()
    for week in ROADMAP.weeks:
        assert week.focus[lang] in doc.css_first(f"#week-{week.week}").text()
        assert squash(week.focus[lang]) in squash(toc)  # no &#39; or \ from escaping
