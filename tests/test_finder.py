"""The course finder on the courses page: the static table, then every control in a real Chromium."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros.i18n import translate
from macros.languages import PREFIX as LANGS
from tests.search_support import roadmap

SELECTS = ("inst", "topic", "stage", "level")


def static_rows(read_page, prefix: str) -> dict[str, dict[str, str]]:
    """Course id → the row's data attributes, as built (no JavaScript)."""
    rows = read_page(f"{prefix}courses/").css("#course-table tr.rr-course-row")
    return {row.attributes["data-course"]: dict(row.attributes) for row in rows}


def visible_courses(page: Page) -> list[str]:
    return page.locator("#course-table tr.rr-course-row:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.course)"
    )


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def count_text(page: Page) -> str:
    return page.locator("#rr-finder-count").inner_text()


# ---- without JavaScript ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_full_table_without_javascript(read_page, lang):
    data, ix = roadmap()
    html = read_page(f"{LANGS[lang]}courses/")
    rows = static_rows(read_page, LANGS[lang])
    assert list(rows) == [course.id for course in data.courses]
    assert not html.css("#course-table tr.rr-course-row[hidden]")
    # the controls are shown only where scripts run (class rr-js-only; test_quality_layout); the empty state
    # waits, hidden, for the script
    assert "rr-js-only" in html.css_first("form#rr-finder").attributes["class"].split()
    assert "hidden" in html.css_first("#rr-finder-empty").attributes
    for course in data.courses:
        row = rows[course.id]
        assert row["data-topics"].split() == course.topics
        used = ix.usage.get(course.id)
        assert row["data-stages"].split() == ([s.id for s in used.stages] if used else [])
        assert row["data-videos"] == ("public" if course.videos.public else "login")
        assert row["data-level"] == course.level.value


@pytest.mark.parametrize("lang", LANGS)
def test_options_come_from_the_data_in_the_page_language(read_page, lang):
    data, _ = roadmap()
    html = read_page(f"{LANGS[lang]}courses/")
    rows = static_rows(read_page, LANGS[lang]).values()

    def options(name: str) -> dict[str, str]:
        found = html.css(f"#rr-finder-{name} option")
        assert found[0].attributes["value"] == "" and found[0].text() == translate("finder.any", lang)
        return {o.attributes["value"]: o.text() for o in found[1:]}

    topics = options("topic")
    course_topics = {t for c in data.courses for t in c.topics}
    assert list(topics) == [t.id for t in data.topics if t.id in course_topics]
    assert all(topics[t.id] == t.label[lang] for t in data.topics if t.id in topics)
    assert set(options("inst")) == {row["data-inst"] for row in rows}
    stages = options("stage")
    assert set(stages) == {s for row in rows for s in row["data-stages"].split()}
    assert all(stages[s.id].startswith(s.title[lang]) for s in data.stages if s.id in stages)
    assert set(options("level")) == {c.level.value for c in data.courses}
    # every control is labelled, in the page's language
    for control in html.css("form#rr-finder input, form#rr-finder select"):
        label = html.css_first(f'label[for="{control.attributes["id"]}"]')
        assert label is not None and label.text().strip(), control.attributes["id"]
    assert html.css_first('label[for="rr-finder-text"]').text() == translate("finder.text", lang)
    count = html.css_first("#rr-finder-count")
    assert count.attributes["aria-live"] == "polite" and count.attributes["role"] == "status"


# ---- in the browser -------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_filter_changes_rows_and_url(page, read_page, lang):
    prefix = LANGS[lang]
    rows = static_rows(read_page, prefix)
    page.goto(f"{prefix}courses/")
    expect(page.locator("form#rr-finder")).to_be_visible()
    total = len(rows)
    assert visible_courses(page) == list(rows)
    assert str(total) in count_text(page)
    for name in SELECTS:
        select = page.locator(f"#rr-finder-{name}")
        values = select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
        assert values, name
        for value in values:
            select.select_option(value)
            attr = {"inst": "data-inst", "topic": "data-topics", "stage": "data-stages", "level": "data-level"}[name]
            expected = [cid for cid, row in rows.items() if value in row[attr].split()]
            assert visible_courses(page) == expected, (name, value)
            assert query_of(page) == {name: [value]}
            assert re.search(rf"\b{len(expected)}\b", count_text(page))
        select.select_option("")
        assert query_of(page) == {}
    page.locator("#rr-finder-videos").check()
    assert visible_courses(page) == [cid for cid, row in rows.items() if row["data-videos"] == "public"]
    assert query_of(page) == {"videos": ["public"]}
    page.locator("#rr-finder-videos").uncheck()
    assert visible_courses(page) == list(rows)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_text_filter_matches_codes_names_and_topics(page, lang):
    page.goto(f"{LANGS[lang]}courses/")
    box = page.locator("#rr-finder-text")
    cases = {
        "CS224N": ["cs224n"], "cs 224n": ["cs224n"], "224n": ["cs224n"], "6.861": ["mit-6861"],
        "11667": ["cmu-11-667"], "11-667": ["cmu-11-667"], "manning": ["cs224n"], "Percy Liang": ["cs336"],
        "注意力": ["cs224n", "cs182"], "attention": ["cs224n", "cs182"], "rlhf": ["cmu-11-667"],
    }
    for query, expected in cases.items():
        box.fill("")
        box.press_sequentially(query)
        assert visible_courses(page) == expected, query
        assert query_of(page)["text"] == [query]


@pytest.mark.browser
def test_no_match_state_and_reset(page):
    page.goto("en/courses/")
    page.locator("#rr-finder-text").press_sequentially("zzqx")
    empty = page.locator("#rr-finder-empty")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text(translate("finder.empty", "en"))
    expect(page.locator("#course-table")).to_be_hidden()
    expect(page.locator("#rr-finder-count")).to_have_text(re.compile(r"\b0\b"))
    empty.get_by_role("button", name=translate("finder.reset", "en")).click()
    expect(empty).to_be_hidden()
    assert len(visible_courses(page)) == len(roadmap()[0].courses)
    assert query_of(page) == {}
    expect(page.locator("#rr-finder-text")).to_be_focused()
    expect(page.locator("#rr-finder-text")).to_have_value("")


@pytest.mark.browser
def test_shared_url_reload_and_back_button(page, read_page):
    rows = static_rows(read_page, "en/")
    stanford_attention = [
        c for c, r in rows.items() if r["data-inst"] == "stanford" and "attention" in r["data-topics"].split()
    ]
    assert stanford_attention
    page.goto("en/courses/?topic=attention&inst=stanford")
    assert visible_courses(page) == stanford_attention
    expect(page.locator("#rr-finder-topic")).to_have_value("attention")
    expect(page.locator("#rr-finder-inst")).to_have_value("stanford")
    page.reload()
    assert visible_courses(page) == stanford_attention
    # the issue's own example: nothing at Stanford carries RLHF, so the empty state shows
    page.goto("en/courses/?topic=rlhf&inst=stanford")
    expect(page.locator("#rr-finder-empty")).to_be_visible()
    # back button walks the filter history
    page.goto("en/courses/")
    page.locator("#rr-finder-topic").select_option("attention")
    page.locator("#rr-finder-inst").select_option("stanford")
    assert visible_courses(page) == stanford_attention
    page.go_back()
    expect(page.locator("#rr-finder-inst")).to_have_value("")
    expect(page.locator("#rr-finder-topic")).to_have_value("attention")
    assert visible_courses(page) == [c for c, r in rows.items() if "attention" in r["data-topics"].split()]
    page.go_back()
    assert visible_courses(page) == list(rows)
    assert query_of(page) == {}
    page.go_forward()
    expect(page.locator("#rr-finder-topic")).to_have_value("attention")
    # typing makes one history entry, not one per key
    page.locator("#rr-finder-text").press_sequentially("cs2")
    page.go_back()
    expect(page.locator("#rr-finder-text")).to_have_value("")
    expect(page.locator("#rr-finder-topic")).to_have_value("attention")


@pytest.mark.browser
def test_text_in_the_url_filters_without_opening_site_search(page):
    page.goto("en/courses/?text=224n")
    assert visible_courses(page) == ["cs224n"]
    expect(page.locator("#rr-finder-text")).to_have_value("224n")
    # ?q= belongs to Material's search dialog; the finder's own key must not open it
    expect(page.locator("#__search")).not_to_be_checked()


@pytest.mark.browser
def test_unknown_values_in_the_url_are_ignored(page, read_page):
    page.goto("courses/?topic=no-such-topic&level=legendary&inst=%3Cscript%3E")
    assert len(visible_courses(page)) == len(static_rows(read_page, ""))
    for name in ("topic", "level", "inst"):
        expect(page.locator(f"#rr-finder-{name}")).to_have_value("")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only(page, read_page, lang):
    prefix = LANGS[lang]
    rows = static_rows(read_page, prefix)
    page.goto(f"{prefix}courses/")
    for _ in range(80):  # Tab from the top of the page to the finder's text box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "rr-finder-text":
            break
    else:
        pytest.fail("the text filter cannot be reached with Tab")
    page.keyboard.type("cs")
    page.keyboard.press("Tab")
    expect(page.locator("#rr-finder-inst")).to_be_focused()
    page.keyboard.press("ArrowDown")
    first_inst = page.locator("#rr-finder-inst option").nth(1).get_attribute("value")
    expect(page.locator("#rr-finder-inst")).to_have_value(first_inst)
    shown = visible_courses(page)
    assert shown and all(rows[c]["data-inst"] == first_inst for c in shown)
    for _ in range(4):
        page.keyboard.press("Tab")
    expect(page.locator("#rr-finder-videos")).to_be_focused()
    page.keyboard.press("Space")
    assert all(rows[c]["data-videos"] == "public" for c in visible_courses(page))
    assert query_of(page)["videos"] == ["public"]
    page.keyboard.press("Tab")
    expect(page.locator("form#rr-finder button[type=reset]")).to_be_focused()
    page.keyboard.press("Enter")
    assert visible_courses(page) == list(rows)
    assert query_of(page) == {}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_count_is_announced_in_the_page_language(page, lang):
    prefix = LANGS[lang]
    total = len(roadmap()[0].courses)
    page.goto(f"{prefix}courses/")
    count = page.locator("#rr-finder-count")
    expect(count).to_have_attribute("aria-live", "polite")
    expect(count).to_have_text(translate("finder.count.all", lang, total=total))
    page.locator("#rr-finder-text").press_sequentially("CS224N")
    expect(count).to_have_text(translate("finder.count.one", lang, n=1, total=total))
    page.locator("#rr-finder-text").fill("")
    page.locator("#rr-finder-level").select_option("advanced")
    n = len(visible_courses(page))
    expect(count).to_have_text(translate("finder.count" if n != 1 else "finder.count.one", lang, n=n, total=total))
    assert page.locator("html").get_attribute("lang").startswith(lang)


@pytest.mark.browser
def test_language_switch_keeps_the_filters(page):
    page.goto("courses/?topic=attention")
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(r"/en/courses/\?topic=attention$"))
    expect(page.locator("#rr-finder-topic")).to_have_value("attention")
    expect(page.locator("#rr-finder-topic")).to_contain_text("Attention")


@pytest.mark.browser
def test_topic_index_links_into_the_finder(page, read_page):
    data, _ = roadmap()
    for lang, prefix in LANGS.items():
        html = read_page(f"{prefix}topics/")
        for topic in data.topics:
            section = html.css_first(f"#topic-{topic.id}")
            assert section is not None and section.text().strip().startswith(topic.label[lang])
        assert len(html.css(".rr-topic-jump a")) == len(data.topics)
    page.goto("en/topics/")
    page.locator('.rr-topic-finder a[href$="?topic=rlhf"]').click()
    page.wait_for_url(re.compile(r"/en/courses/\?topic=rlhf$"))
    expected = [c.id for c in data.courses if "rlhf" in c.topics]
    assert visible_courses(page) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_topic_index_lists_what_carries_each_tag(read_page, lang):
    data, ix = roadmap()
    html = read_page(f"{LANGS[lang]}topics/")
    for topic in data.topics:
        heading = html.css_first(f"h2#topic-{topic.id}")
        listed: list[str] = []
        node = heading.next
        while node is not None and node.tag != "h2":
            if node.tag == "ul":
                listed += [a.text().strip() for a in node.css("li > .rr-item")]
            node = node.next
        expected = [
            f"{it.code} · {it.title[lang]}" if hasattr(it, "code") else it.title[lang] for it in ix.by_topic[topic.id]
        ]
        assert sorted(listed) == sorted(expected), topic.id
