"""Search quality: every word indexed on its own, course codes, names, topics and synonyms found in the search box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from macros.content.i18n import translate
from macros.data.languages import PREFIX as LANGS
from macros.engine.search_memory import RememberingSegmenter
from macros.outputs.search_text import BLOCK_ELEMENTS, kept_whole
from tests.search_support import ZWSP, Hit, clean, close_search, has_word, open_search, roadmap, search, site_path

BREAKS = {*re.sub(r"h\[1-6\]", "h1|h2|h3|h4|h5|h6", BLOCK_ELEMENTS).split("|"), "br"}
"""Elements between which a reader sees words apart (blocks, table cells, line breaks)."""
LATIN_END = re.compile(r"[A-Za-z0-9]+$")
LATIN_START = re.compile(r"^[A-Za-z0-9]+")


def index_texts(site: Path, lang: str) -> dict[str, str]:
    """Each page's indexed text (its sections' titles and texts, tags dropped), by page address.

    The zero-width spaces between the Chinese words the build's segmentation found are dropped.
    """
    index = json.loads((site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    texts: dict[str, list[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        texts.setdefault(page, []).append(re.sub(r"<[^>]+>", " ", doc["title"] + "\n" + doc["text"]).replace(ZWSP, ""))
    return {page: "\n".join(parts) for page, parts in texts.items()}


def _block(node):
    while node is not None and node.tag not in BREAKS:
        node = node.parent
    return node


def glued_pairs(html: str) -> list[tuple[str, str]]:
    """Latin words that touch across an element boundary a reader sees as a break: ``(end, start)`` pairs.

    A break is a block element, a line break, or two separate items of chips (``.rr-tag``) and badges
    (``.rr-badge``), which the page draws apart.
    """
    root = HTMLParser(html).css_first("article.md-content__inner")
    pairs = []
    previous = None
    crossed = False
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            crossed = crossed or node.tag in BREAKS or "rr-tag" in (node.attributes.get("class") or "").split() \
                or "rr-badge" in (node.attributes.get("class") or "").split()
            continue
        text = node.text_content or ""
        if not text.strip():
            if text:
                previous = None  # white space in between: the words are apart
            continue
        if previous is not None and (crossed or _block(previous) is not _block(node)):
            end, start = LATIN_END.search(previous.text_content or ""), LATIN_START.match(text)
            if end and start and not (end.group().isdigit() and start.group().isdigit()):
                pairs.append((end.group(), start.group()))
        previous = node
        crossed = False
    return pairs


@pytest.mark.parametrize("lang", LANGS)
def test_index_never_joins_words_of_neighbouring_elements(site, lang):
    texts = index_texts(site, lang)
    glued = []
    for page, text in texts.items():
        file = site / LANGS[lang] / page / "index.html"
        if not file.is_file():
            continue
        for end, start in glued_pairs(file.read_text(encoding="utf-8")):
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(end + start)}", text):
                glued.append((page, end + "|" + start))
    assert not glued, glued


@pytest.mark.parametrize("lang", LANGS)
def test_fact_box_labels_and_topic_chips_are_words_of_their_own(site, lang):
    data, ix = roadmap()
    texts = index_texts(site, lang)
    for course in data.courses:
        text = texts[f"courses/{course.id}/"]
        for key in ("course.institution", "course.instructors", "course.level", "course.videos", "course.topics"):
            label = translate(key, lang)
            assert re.search(rf"{re.escape(label)}\s", text), (course.id, label)
        for topic in course.topics:
            label = ix.topics[topic][lang]
            assert re.search(rf"(^|\s){re.escape(label)}(\s|$)", text, re.MULTILINE), (course.id, label)
        for name in course.instructors:
            assert re.search(rf"[\s、]{re.escape(name)}[\s,、]", text), (course.id, name)  # 、 joins names in Chinese


# ---- a reader using the search box ---------------------------------------------------------------------------

TOP = 5


def course_pages(hits: list[Hit], prefix: str) -> list[str]:
    """The course pages among the results, in order, once each."""
    pages = [hit.path.split("#")[0] for hit in hits]
    return [p for p in dict.fromkeys(pages) if re.fullmatch(rf"{re.escape(prefix)}courses/[^/]+/", p)]


def page_order(hits: list[Hit]) -> list[str]:
    """The pages of the results, in order, once each."""
    return list(dict.fromkeys(hit.path.split("#")[0] for hit in hits))


def page_words(site: Path, lang: str) -> dict[str, set[str]]:
    """The words (the index's own separator's tokens, lower case) of each page's indexed text and tags."""
    index = json.loads((site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = " ".join([doc["title"], re.sub(r"<[^>]+>", " ", doc["text"]), *doc.get("tags", [])])
        words.setdefault(doc["location"].split("#")[0], set()).update(
            w.lower() for w in separator.split(text.replace(ZWSP, " ")) if w)
    return words


def assert_one_language(hits: list[Hit], lang: str) -> None:
    """Every result of the zh search is outside /en/, every result of the en search inside it."""
    for hit in hits:
        assert hit.path.startswith("en/") == (lang == "en"), f"{lang} search returned {hit.path}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_course_code_finds_its_course_first_and_no_other(site, page, base_url, lang):
    """A code finds its course first, as written, in lower case and in every other spelling; another course is in
    the top five only if its text has a word of the code (``EECS 182/282A`` is three words, and a page quoting an
    eecs.berkeley.edu address has one of them). Each search lists only its own language's pages."""
    prefix = LANGS[lang]
    words = page_words(site, lang)
    separator = re.compile(json.loads((site / prefix / "search/search_index.json").read_text())["config"]["separator"])
    page.goto(prefix)
    open_search(page)
    for course in roadmap()[0].courses:
        target = f"{prefix}courses/{course.id}/"
        hits = search(page, course.code, base_url)
        top = page_order(hits)[:TOP]
        assert top[:1] == [target], (course.code, top)
        assert_one_language(hits, lang)
        typed = {w.lower() for w in separator.split(course.code) if w}
        others = [p for p in course_pages(hits, prefix) if p != target and p in top]
        assert not [p for p in others if not typed & words[p.removeprefix(prefix)]], (course.code, top)
        # every other spelling (cs224n, CS 224N, 224N) still finds it first
        for alias in [a for a in dict.fromkeys([course.code.lower(), *course.aliases]) if a != course.code]:
            hits = search(page, alias, base_url)
            assert page_order(hits)[:1] == [target], (alias, page_order(hits)[:TOP])
            assert_one_language(hits, lang)
    close_search(page)


@pytest.mark.parametrize("lang", LANGS)
def test_an_instructor_finds_their_course_in_the_top_three(page, base_url, lang):
    """Each instructor's name, first name and last name: a name only one instructor has finds their course in the
    top three; each course's first instructor, by full name, finds a course of theirs among the results."""
    prefix = LANGS[lang]
    courses = roadmap()[0].courses
    found_among = {c.instructors[0]: f"{prefix}courses/{c.id}/" for c in reversed(courses) if c.instructors}
    top_three: dict[str, str] = {}
    for course in courses:
        for name in course.instructors:
            for query in (name, name.split()[0], name.split()[-1]):
                if sum(query in n for c in courses for n in c.instructors) == 1:  # shared names find several
                    top_three.setdefault(query, f"{prefix}courses/{course.id}/")
    page.goto(prefix)
    open_search(page)
    for query in dict.fromkeys([*top_three, *found_among]):
        hits = search(page, query, base_url)
        assert_one_language(hits, lang)
        if query in top_three:
            assert top_three[query] in page_order(hits)[:3], (query, page_order(hits)[:3])
        if query in found_among:
            assert found_among[query] in page_order(hits), (query, page_order(hits))
    close_search(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_topic_shown_on_a_course_page_finds_that_course(page, base_url, lang):
    """Each topic label a course page shows finds every course that has it; the first three topics of the courses
    also find their section of the topics page. Each label is searched once; results stay in their language."""
    prefix = LANGS[lang]
    data, ix = roadmap()
    used = list(dict.fromkeys(t for c in data.courses for t in c.topics))
    page.goto(prefix)
    open_search(page)
    for topic in used:
        hits = search(page, ix.topics[topic][lang], base_url)  # hits include the sections in each "more" group
        for course in (c for c in data.courses if topic in c.topics):
            assert f"{prefix}courses/{course.id}/" in page_order(hits), (topic, page_order(hits))
        if topic in used[:3]:
            assert f"{prefix}topics/#topic-{topic}" in [hit.path for hit in hits], (topic, page_order(hits))
        assert_one_language(hits, lang)
    close_search(page)


# ---- synonyms ------------------------------------------------------------------------------------------------


def synonym_cases(site: Path, lang: str) -> list[tuple[str, str, str]]:
    """``(word, synonym, page)``: for each group's first Chinese and first English word, both ways, a page whose
    own indexed text has ``word`` and that a search for ``synonym`` must find."""
    data, _ = roadmap()
    texts = index_texts(site, lang)
    cases = []
    for group in data.synonyms:
        pair = (group.zh[0], group.en[0])
        for word, synonym in (pair, pair[::-1]):
            pattern = has_word(word)
            pages = sorted(page for page, text in texts.items() if pattern(text))
            if pages:
                cases.append((word, synonym, LANGS[lang] + pages[len(pages) // 2]))
    return cases


@pytest.mark.parametrize("lang", LANGS)
def test_each_synonym_finds_the_pages_of_the_other(site, page, base_url, lang):
    cases = synonym_cases(site, lang)
    assert len({synonym for _, synonym, _ in cases}) >= len(roadmap()[0].synonyms)  # most groups both ways
    page.goto(LANGS[lang])
    open_search(page)
    for word, synonym, target in cases:
        hits = search(page, synonym, base_url)
        assert target in page_order(hits), (word, synonym, target, page_order(hits))
    close_search(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_knows_the_synonyms(page, read_page, lang):
    """Typed into the course finder, a word's synonym keeps the courses whose words have the word."""
    data, _ = roadmap()
    prefix = LANGS[lang]
    rows = read_page(f"{prefix}courses/").css("#course-table tr.rr-course-row")
    cases = []
    for group in data.synonyms:
        for word, synonym in ((group.zh[0], group.en[0]), (group.en[0], group.zh[0])):
            has = has_word(word)
            courses = [row.attributes["data-course"] for row in rows if has(row.text())]
            if courses:
                cases.append((synonym, courses))
    assert cases
    page.goto(f"{prefix}courses/")
    for synonym, courses in cases:
        page.fill("#rr-finder-text", synonym)
        shown = page.locator("#course-table tr.rr-course-row:visible").evaluate_all(
            "rows => rows.map(r => r.dataset.course)")
        assert set(courses) <= set(shown), (synonym, courses, shown)


# ---- Chinese words: the index's words, found whole and lit up whole ------------------------------------------


def chinese_words(data) -> list[str]:
    """What a Chinese learner types as one word: the compounds the index keeps whole (the synonyms' and the
    glossary's Chinese words) and the Chinese topic labels the build cuts as one word."""
    cut = RememberingSegmenter(jieba)
    cut.keep_whole(kept_whole(data))
    labels = [re.sub(r"[（(].*", "", t.label.zh).strip() for t in data.topics]
    labels = [w for w in labels if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w) and len(cut.cut(w)) == 1]
    return list(dict.fromkeys([*kept_whole(data), *labels]))


def spellings(word: str, data) -> set[str]:
    """``word`` and what a page may say instead: the words of its synonym groups, and of the groups one of whose
    words holds it (人类反馈强化学习 holds 强化学习, so a page that says RLHF is a page about it)."""
    found = {word}
    for group in data.synonyms:
        if any(word in term for term in group.terms):
            found |= set(group.terms)
    return {w.casefold() for w in found}


def page_text(read_page, path: str) -> str:
    article = read_page(path.split("#")[0]).css_first("article.md-content__inner")
    return article.text(separator=" ").replace(ZWSP, "").casefold()


def test_a_chinese_word_finds_the_pages_that_have_it_and_lights_up_only_it(site, read_page, page, base_url):
    """Every result is a page that has the word (or a synonym: read from the page itself), no result says a part
    of the word is missing, every page whose indexed text has the word is found, and the page a result opens
    marks the word whole, never its single characters."""
    data, _ = roadmap()
    texts = index_texts(site, "zh")
    words = chinese_words(data)
    assert {"强化学习", "分词器", "缩放定律", "卡帕西"} <= set(words)  # the words learners reported
    page.goto("")
    open_search(page)
    opened: list[tuple[str, str]] = []
    for word in words:
        hits = search(page, word, base_url)
        assert hits, word
        assert not page.locator(".md-search-result__terms").count(), (word, "a result reports a missing part")
        said = spellings(word, data)
        pages = page_order(hits)
        for path in pages:
            assert any(s in page_text(read_page, path) for s in said), (word, path)
        having = {p for p, text in texts.items() if word in text}
        assert having <= set(pages), (word, sorted(having - set(pages)))
        # a result that matched (its link marks the words: ?h=) on a page that has the word as written
        marked = page.locator("a.md-search-result__link").evaluate_all(
            "links => links.map(a => a.href).filter(h => new URL(h).searchParams.get('h'))")
        href = next((h for h in marked if word in page_text(read_page, site_path(h, base_url))), None)
        if href is not None:
            opened.append((word, href))
    close_search(page)
    assert opened
    for word, href in opened:
        page.goto(href)
        marks = page.locator("article mark")
        expect(marks.first, f"{word}: {href}").to_be_attached()
        assert set(clean(m) for m in marks.all_text_contents()) == {word}, (word, href)
