"""The course finder on the courses page: the static table, then every control in a real Chromium."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros.content.i18n import translate
from macros.data.languages import PREFIX as LANGS
from tests.search_support import roadmap

SELECTS = ("inst", "topic", "stage", "level", "origin")


_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015._·•/\\|,;:()（）、，：·'\"“”‘’]+")


def compact(text: str) -> str:
    """The finder's text folding (finder.js ``fold`` + ``compact``): NFKC, lower case, no separators."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).lower())


def text_matches(read_page, prefix: str, query: str) -> list[str]:
    """Courses whose row (data-text and text) holds the query, or each of its words, folded as finder.js folds."""
    rows = read_page(f"{prefix}courses/").css("#course-table tr.rr-course-row")
    whole = compact(query)
    terms = [term for term in map(compact, query.split()) if term]

    def matches(row) -> bool:
        text = compact(row.attributes.get("data-text", "") + " " + row.text())
        return whole in text or all(term in text for term in terms)

    return [row.attributes["data-course"] for row in rows if matches(row)]


def text_queries(lang: str) -> list[str]:
    """What a reader types: each course's code and aliases, an instructor, a topic and an institution."""
    data, ix = roadmap()
    queries = [spelling for c in data.courses for spelling in (c.code, *c.aliases)]
    queries += [c.instructors[0] for c in data.courses if c.instructors][:3]
    queries += [ix.topics[t][lang] for t in dict.fromkeys(t for c in data.courses for t in c.topics)][:3]
    queries += [data.courses[0].institution[lang]]
    return list(dict.fromkeys(queries))


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
        # the course's topics, then the broader topics they are within (a filter by post-training finds it)
        assert row["data-topics"].split() == ix.with_broader(course.topics)
        used = ix.usage.get(course.id)
        assert row["data-stages"].split() == ([s.id for s in used.stages] if used else [])
        assert row["data-videos"] == course.videos.access
        assert row["data-level"] == course.level.value


@pytest.mark.parametrize("lang", LANGS)
def test_options_come_from_the_data_in_the_page_language(read_page, lang):
    data, ix = roadmap()
    html = read_page(f"{LANGS[lang]}courses/")
    rows = static_rows(read_page, LANGS[lang]).values()

    def options(name: str, values: set[str]) -> dict[str, str]:
        """The select's options; a filter with a single choice (it could not narrow anything) is left out."""
        found = html.css(f"#rr-finder-{name} option")
        if len(values) < 2:
            assert not found, name
            return {value: "" for value in values}
        assert found[0].attributes["value"] == "" and found[0].text() == translate("finder.any", lang)
        return {o.attributes["value"]: o.text() for o in found[1:]}

    course_topics = {t for c in data.courses for t in ix.with_broader(c.topics)}
    topics = options("topic", course_topics)
    assert set(topics) == course_topics
    if len(topics) > 1:
        assert list(topics) == [t.id for t in data.topics if t.id in course_topics]
        # a topic within a broader one is indented under it (the data lists it after the broader one)
        indent = "\u2003"
        assert all(topics[t.id] == indent * (t.within in topics) + t.label[lang] for t in data.topics if t.id in topics)
    institutions = {row["data-inst"] for row in rows}
    assert set(options("inst", institutions)) == institutions
    course_stages = {s for row in rows for s in row["data-stages"].split()}
    stages = options("stage", course_stages)
    assert set(stages) == course_stages
    if len(stages) > 1:
        assert all(stages[s.id].startswith(s.title[lang]) for s in data.stages if s.id in stages)
    levels = {c.level.value for c in data.courses}
    assert set(options("level", levels)) == levels
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
        if not select.count():  # a filter with a single choice is left out (test_options_come_from_the_data…)
            continue
        values = select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
        assert values, name
        for value in values:
            select.select_option(value)
            attr = {"inst": "data-inst", "topic": "data-topics", "stage": "data-stages", "level": "data-level",
                    "origin": "data-origin"}[name]
            expected = [cid for cid, row in rows.items() if value in row[attr].split()]
            assert visible_courses(page) == expected, (name, value)
            assert query_of(page) == {name: [value]}
            assert re.search(rf"\b{len(expected)}\b", count_text(page))
        select.select_option("")
        assert query_of(page) == {}
    for check in ("videos", "assignments"):
        page.locator(f"#rr-finder-{check}").check()
        assert visible_courses(page) == [cid for cid, row in rows.items() if row[f"data-{check}"] == "public"]
        assert query_of(page) == {check: ["public"]}
        page.locator(f"#rr-finder-{check}").uncheck()
        assert visible_courses(page) == list(rows)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_text_filter_matches_codes_names_and_topics(page, read_page, lang):
    data, _ = roadmap()
    page.goto(f"{LANGS[lang]}courses/")
    box = page.locator("#rr-finder-text")
    for course in data.courses:  # every course is found by its code, however spaced or cased
        for query in (course.code, course.code.lower().replace(" ", ""), *course.aliases):
            box.fill(query)
            assert course.id in visible_courses(page), query
    for query in text_queries(lang):
        box.fill("")
        box.press_sequentially(query)
        expected = text_matches(read_page, LANGS[lang], query)
        assert expected, query
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
    first = next(iter(rows.values()))
    inst, topic = first["data-inst"], first["data-topics"].split()[0]
    both = [c for c, r in rows.items() if r["data-inst"] == inst and topic in r["data-topics"].split()]
    page.goto(f"en/courses/?topic={topic}&inst={inst}")
    assert visible_courses(page) == both
    expect(page.locator("#rr-finder-topic")).to_have_value(topic)
    expect(page.locator("#rr-finder-inst")).to_have_value(inst)
    page.reload()
    assert visible_courses(page) == both
    # a topic no course of the institution carries: the empty state shows
    topics = {t for r in rows.values() for t in r["data-topics"].split()}
    elsewhere = sorted(topics - {t for r in rows.values() if r["data-inst"] == inst for t in r["data-topics"].split()})
    if elsewhere:
        page.goto(f"en/courses/?topic={elsewhere[0]}&inst={inst}")
        expect(page.locator("#rr-finder-empty")).to_be_visible()
    # back button walks the filter history
    page.goto("en/courses/")
    page.locator("#rr-finder-topic").select_option(topic)
    page.locator("#rr-finder-inst").select_option(inst)
    assert visible_courses(page) == both
    page.go_back()
    expect(page.locator("#rr-finder-inst")).to_have_value("")
    expect(page.locator("#rr-finder-topic")).to_have_value(topic)
    assert visible_courses(page) == [c for c, r in rows.items() if topic in r["data-topics"].split()]
    page.go_back()
    assert visible_courses(page) == list(rows)
    assert query_of(page) == {}
    page.go_forward()
    expect(page.locator("#rr-finder-topic")).to_have_value(topic)
    # typing makes one history entry, not one per key
    page.locator("#rr-finder-text").press_sequentially("cs2")
    page.go_back()
    expect(page.locator("#rr-finder-text")).to_have_value("")
    expect(page.locator("#rr-finder-topic")).to_have_value(topic)


@pytest.mark.browser
def test_text_in_the_url_filters_without_opening_site_search(page, read_page):
    query = roadmap()[0].courses[0].code
    page.goto(f"en/courses/?text={quote(query)}")
    assert visible_courses(page) == text_matches(read_page, "en/", query)
    expect(page.locator("#rr-finder-text")).to_have_value(query)
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
    for _ in range(page.locator("form#rr-finder select").count()):  # the other selects, then the checkbox
        page.keyboard.press("Tab")
    expect(page.locator("#rr-finder-videos")).to_be_focused()
    page.keyboard.press("Space")
    assert all(rows[c]["data-videos"] == "public" for c in visible_courses(page))
    assert query_of(page)["videos"] == ["public"]
    page.keyboard.press("Tab")
    expect(page.locator("#rr-finder-assignments")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("form#rr-finder button[type=reset]")).to_be_focused()
    page.keyboard.press("Enter")
    assert visible_courses(page) == list(rows)
    assert query_of(page) == {}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_count_is_announced_in_the_page_language(page, read_page, lang):
    prefix = LANGS[lang]
    single = next(q for q in text_queries(lang) if len(text_matches(read_page, prefix, q)) == 1)
    total = len(roadmap()[0].courses)
    page.goto(f"{prefix}courses/")
    count = page.locator("#rr-finder-count")
    expect(count).to_have_attribute("aria-live", "polite")
    expect(count).to_have_text(translate("finder.count.all", lang, total=total))
    page.locator("#rr-finder-text").press_sequentially(single)
    expect(count).to_have_text(translate("finder.count.one", lang, n=1, total=total))
    page.locator("#rr-finder-text").fill("")
    page.locator("#rr-finder-level").select_option("advanced")
    n = len(visible_courses(page))
    expect(count).to_have_text(translate("finder.count" if n != 1 else "finder.count.one", lang, n=n, total=total))
    assert page.locator("html").get_attribute("lang").startswith(lang)


@pytest.mark.browser
def test_language_switch_keeps_the_filters(page):
    data, ix = roadmap()
    topic = data.courses[0].topics[0]
    page.goto(f"courses/?topic={topic}")
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(rf"/en/courses/\?topic={topic}$"))
    expect(page.locator("#rr-finder-topic")).to_have_value(topic)
    expect(page.locator("#rr-finder-topic")).to_contain_text(ix.topics[topic].en)


@pytest.mark.browser
def test_topic_index_links_into_the_finder(page, read_page):
    data, _ = roadmap()
    for lang, prefix in LANGS.items():
        html = read_page(f"{prefix}topics/")
        for topic in data.topics:
            section = html.css_first(f"#topic-{topic.id}")
            assert section is not None and section.text().strip().startswith(topic.label[lang])
        assert len(html.css(".rr-topic-jump a")) == len(data.topics)
    topic = data.courses[-1].topics[0]
    page.goto("en/topics/")
    page.locator(f'.rr-topic-finder a[href$="?topic={topic}"]').click()
    page.wait_for_url(re.compile(rf"/en/courses/\?topic={topic}$"))
    expected = [c.id for c in data.courses if topic in c.topics]
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


@pytest.mark.parametrize("lang", LANGS)
def test_each_topic_of_a_set_finds_the_courses_whose_checked_pages_show_it(page, lang):
    """Post-training and the topics within it (instruction tuning, RLHF, alignment, …): picking one in the finder
    shows exactly the courses one of whose topic sources (a schedule page) shows it or a topic within it."""
    data, ix = roadmap()
    sets = [[t.id, *ix.narrower[t.id]] for t in data.topics if ix.narrower[t.id]]
    assert sets
    page.goto(f"{LANGS[lang]}courses/")
    select = page.locator("#rr-finder-topic")
    for topics in sets:
        for topic in topics:
            shown_by_a_page = [c.id for c in data.courses
                               if any(topic in ix.with_broader(source.topics) for source in c.topic_sources)]
            if not shown_by_a_page:
                expect(select.locator(f'option[value="{topic}"]')).to_have_count(0)
                continue
            select.select_option(topic)
            expect(page).to_have_url(re.compile(rf"[?&]topic={topic}(&|$)"))
            assert visible_courses(page) == shown_by_a_page, (topic, visible_courses(page))


@pytest.mark.parametrize("lang", LANGS)
def test_the_words_of_a_topic_find_its_courses_and_a_slip_of_them_is_suggested(page, lang):
    """A synonym group that belongs to a topic (reward model: RLHF) finds the topic's courses when typed; typed
    with two letters swapped, it finds nothing and the finder offers the word, which then finds them."""
    data, ix = roadmap()
    groups = [g for g in data.synonyms if g.topic]
    assert groups
    page.goto(f"{LANGS[lang]}courses/")
    box = page.locator("#rr-finder-text")
    for group in groups:
        courses = [c.id for c in data.courses if group.topic in ix.with_broader(c.topics)]
        if not courses:
            continue
        for word in group.terms:
            box.fill(word)
            assert set(courses) <= set(visible_courses(page)), (word, courses, visible_courses(page))
    word = next(w for g in groups for w in g.en if len(w) > 6 and " " in w
                if any(g.topic in ix.with_broader(c.topics) for c in data.courses))
    box.fill(word[:-2] + word[-1] + word[-2])
    expect(page.locator("#rr-finder-empty")).to_be_visible()
    suggestion = page.locator("#rr-finder-suggest button", has_text=word).first
    suggestion.click()
    expect(box).to_have_value(word)
    assert visible_courses(page)
