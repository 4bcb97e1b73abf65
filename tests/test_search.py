"""The site's own search box, in both languages, driven in a real Chromium like a reader would."""

from __future__ import annotations

import json
import re

import jieba
import pytest

from macros.data.languages import PREFIX as LANGS
from macros.engine.search_memory import RememberingSegmenter
from macros.outputs.search_text import kept_whole
from tests.search_support import Hit, clean, open_search, roadmap, search

pytestmark = pytest.mark.browser



def paths(hits: list[Hit]) -> list[str]:
    return [hit.path for hit in hits]


def assert_one_language(hits: list[Hit], lang: str) -> None:
    """Every result of the zh search is outside /en/, every result of the en search inside it."""
    for hit in hits:
        assert hit.path.startswith("en/") == (lang == "en"), f"{lang} search returned {hit.path}"


# ---- the index as built -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index(site, lang):
    index = json.loads((site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    locations = [doc["location"] for doc in index["docs"]]
    assert {f"courses/{course.id}/" for course in roadmap()[0].courses} <= set(locations)
    # locations are relative to the language's own root: the zh index never points into /en/
    assert not any(loc.startswith(("en/", "/en/", "../")) for loc in locations)


def test_chinese_index_is_segmented(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])  # Python reads the \uXXXX escapes as JavaScript does
    tokens: set[str] = set()
    for doc in index["docs"]:
        tokens.update(t.lower() for t in separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])))
    data, _ = roadmap()
    for course in data.courses:  # course codes are indexed in their parts: CS224N → cs, 224n
        for part in separator.split(course.code.lower()):
            assert not part or part in tokens, (course.code, part)
    words = RememberingSegmenter(jieba)  # as the build cuts: jieba, the data's compounds kept whole
    words.keep_whole(kept_whole(data))
    for topic in data.topics:  # Chinese labels are indexed as words
        label = re.sub(r"[（(].*", "", topic.label.zh).strip()
        if re.fullmatch(r"[\u4e00-\u9fff]+", label):
            assert label in tokens or all(w in tokens for w in words.cut(label)), label
    for word in kept_whole(data):  # the compounds a learner types are words of the index, not their halves
        assert word.lower() in tokens or any(word in doc.get("synonyms", "") for doc in index["docs"]), word
    # English inside full-width brackets is split off: 多模态（Multimodality） yields "multimodality"
    assert "multimodality" in tokens
    assert not any(t.startswith("（") or t.endswith("）") for t in tokens)


@pytest.mark.parametrize("lang", LANGS)
def test_aliases_are_indexed_not_drawn(site, read_page, lang):
    """Each course's code however typed is in its page's index entry (a field of its own), not a line on the page."""
    index = json.loads((site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    codes = {doc["location"]: doc.get("codes", "").casefold() for doc in index["docs"]}
    for course in roadmap()[0].courses:
        for spelling in [course.code, *course.aliases]:
            assert spelling.casefold() in codes[f"courses/{course.id}/"], (course.id, spelling)
        # no element of the page lists the code with all its spellings (the old "Also written as" line)
        for element in read_page(f"{LANGS[lang]}courses/{course.id}/").css("article p, article li, article dd"):
            text = element.text()
            assert not all(spelling in text for spelling in [course.code, *course.aliases]), (course.id, text)


# ---- a reader using the search box ---------------------------------------------------------------------------
# (course codes, instructors and topics, each searched once: tests/test_search_quality.py)


def test_chinese_words_find_their_pages(page, base_url):
    data, _ = roadmap()
    chinese = [t for t in data.topics if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t.label.zh)]
    expected = {
        t.label.zh: [f"topics/#topic-{t.id}", *(f"courses/{c.id}/" for c in data.courses if t.id in c.topics)]
        for t in chinese[:3]
    }
    page.goto("")
    open_search(page)
    for query, targets in expected.items():
        hits = search(page, query, base_url)
        for target in targets:
            assert target in paths(hits), (query, target, paths(hits))
        assert_one_language(hits, "zh")
        # the results say where they are: every hit is inside a page whose title is shown
        assert all(hit.page_title for hit in hits)


def test_resources_are_found(page, base_url):
    page.goto("en/")
    open_search(page)
    hits = search(page, "Illustrated Transformer", base_url)
    assert any(hit.path.startswith("en/path/") or hit.path.startswith("en/topics/") for hit in hits), paths(hits)
    assert_one_language(hits, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_lands_on_its_week(page, base_url, lang):
    data, _ix = roadmap()
    chosen = data.weeks[len(data.weeks) // 2]  # a week's focus, as its heading shows it
    week = chosen.week
    prefix = LANGS[lang]
    page.goto(prefix + "weeks/")
    open_search(page)
    hits = search(page, chosen.focus[lang], base_url)
    target = f"{prefix}weeks/#week-{week}"
    hit = next((h for h in hits if h.path == target), None)
    assert hit is not None, paths(hits)
    # the result shows the page and the section: "Weekly plan" › "Week 8 · …"
    heading = page.locator("article.md-content__inner h1").first.text_content()
    assert hit.page_title == clean(heading).rstrip("¶").strip()
    assert re.search(rf"(第 ?{week} ?周|Week {week}\b)", hit.title), hit.title
    assert_one_language(hits, lang)
    # following the result lands on that week's heading
    page.locator(f'.md-search-result a.md-search-result__link[href*="#week-{week}"]').first.click()
    page.wait_for_url(re.compile(rf"#week-{week}$"))
    assert page.evaluate("location.hash") == f"#week-{week}"


def test_switch_language_on_a_course_page(page):
    course = roadmap()[0].courses[0]
    page.goto(f"courses/{course.id}/")
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/en/courses/{course.id}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert course.code in page.locator("h1").first.text_content()
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(re.compile(rf"/courses/{re.escape(course.id)}/$"))
    assert "/en/" not in page.url
    assert page.locator("html").get_attribute("lang").startswith("zh")


SEGMENT_CASES = {
    "强化学习": " 强化学习 ",  # a word of the index stays whole (the transform then adds its wildcard)
    "强化学": " 强化学 ",  # so does the start of one: a word still being typed
    "对齐与安全": " +对齐 +安全 ",  # else the fewest words of the index, each required; 与 left out
    "缩放定律": " 缩放^1 +定律 ",  # a part the index lacks stays in, optional (the results name it missing)
    "的": " 的 ",  # a single character is searched as typed
    "𠀀学习": " +学习 ",  # a character outside the basic plane is one character
}
"""Query → what the worker searches for, against an index of the words below."""


def test_a_chinese_query_is_cut_into_the_words_of_the_index(page):
    """The script put before Material's search worker (macros/engine/search_worker.py), run in Chromium on a small
    index."""
    from macros.engine.search_worker import OUR_SCRIPT

    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(content=OUR_SCRIPT.read_text(encoding="utf-8"))
    index = {word: {} for word in ("强化", "学习", "强化学习", "对齐", "安全", "与", "的", "定律", "cs336")}
    got = {query: page.evaluate("([q, i]) => rrSegmentQuery(q, i)", [query, index]) for query in SEGMENT_CASES}
    assert got == SEGMENT_CASES
