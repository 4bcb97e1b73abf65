"""Search quality: every word indexed on its own, course codes, names, topics and synonyms found in the search box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from macros.i18n import translate
from macros.languages import PREFIX as LANGS
from macros.search_text import BLOCKS
from tests.search_support import ZWSP, roadmap

BREAKS = {*re.sub(r"h\[1-6\]", "h1|h2|h3|h4|h5|h6", BLOCKS).split("|"), "br"}
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
            assert re.search(rf"\s{re.escape(name)}[\s,]", text), (course.id, name)
