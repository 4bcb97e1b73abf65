"""One meta description per page, written from the data (search results and link previews).

Kept free of MkDocs: a description is computed from the roadmap, a language and
the page's source path (``courses/cs224n.md``). Each is the page's subject plus
what the data says about it, cut to :data:`LIMIT` characters at a word or
clause boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from macros.content.i18n import translate
from macros.content.pages import sources
from macros.data.languages import BY_CODE, LANGUAGES
from macros.data.model import Roadmap

LIMIT = {language.code: language.description_limit for language in LANGUAGES}
"""Longest description per language, in characters (``macros/data/languages.py``)."""


def shorten(text: str, lang: str) -> str:
    """``text`` cut to the language's limit at a word or clause boundary, with an ellipsis."""
    text = " ".join(text.split())
    limit = LIMIT[lang]
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    boundary = max(cut.rfind(ch) for ch in BY_CODE[lang].clause_stops)
    if boundary > limit // 2:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:，、；：。") + "…"


def _join(lang: str, head: str, items: Iterable[str]) -> str:
    """``head: item, item, …`` with the language's punctuation."""
    listed = translate("description.list-separator", lang).join(item for item in items if item)
    if not listed:
        return head
    return head + translate("description.separator", lang) + listed


class Descriptions:
    """The meta descriptions of one roadmap in one language, by page source path (see ``macros/content/pages.py``)."""

    def __init__(self, roadmap: Roadmap, lang: str) -> None:
        self.roadmap = roadmap
        self.lang = lang
        self.pages = sources(roadmap)
        self.courses = {c.id: c for c in roadmap.courses}
        self.stages = {s.id: s for s in roadmap.stages}

    def _t(self, key: str) -> str:
        return translate(key, self.lang)

    def _list_page(self, key: str) -> str | None:
        rm, lang = self.roadmap, self.lang
        items: dict[str, Callable[[], Iterable[str]]] = {
            "courses": lambda: (f"{c.code} {c.title[lang]}" for c in rm.courses),
            "compare": lambda: (c.code for c in rm.courses),
            "path": lambda: (s.title[lang] for s in rm.self_study),
            "plan": lambda: (p.title[lang] for p in rm.periods),
            "stages": lambda: (s.title[lang] for s in rm.stages),
            "weeks": lambda: (w.focus[lang] for w in rm.weeks),
            "wall-chart": lambda: (w.focus[lang] for w in rm.weeks),
            "steps": lambda: (step.title[lang] for step in rm.steps),
            "books": lambda: (b.title[lang] for b in rm.books),
            "directions": lambda: (d.title[lang] for d in rm.directions),
            "people": lambda: (p.name for p in rm.people),
            "keeping-up": lambda: (r.title[lang] for r in rm.community),
            "topics": lambda: (topic.label[lang] for topic in rm.topics),
        }
        if key not in items:
            return None
        return _join(lang, self._t(f"page.{key}"), items[key]())

    def _text(self, key: str, item: str | None) -> str | None:
        lang, meta, sep = self.lang, self.roadmap.meta, self._t("description.separator")
        if key == "home":
            return meta.tagline[lang] + self._t("description.sentence") + meta.intro[lang]
        if key == "about":
            return meta.source[lang]
        if key == "course" and item:
            course = self.courses[item]
            return translate(
                "description.course", lang, code=course.code, title=course.title[lang],
                institution=course.institution[lang], description=course.description[lang],
            )
        if key == "stage" and item:
            stage = self.stages[item]
            return stage.title[lang] + sep + stage.goal[lang]
        return self._list_page(key)

    def __call__(self, src: str) -> str | None:
        """The description of the page built from ``src``; ``None`` for a page the data does not describe."""
        found = self.pages.get(src)
        text = self._text(*found) if found else None
        return shorten(text, self.lang) if text else None
