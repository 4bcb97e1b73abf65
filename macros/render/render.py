"""Render the roadmap's pages with Jinja: Markdown headings around HTML bodies.

Every value from the data goes through autoescaping; headings additionally
escape Markdown. Only http(s) addresses ever reach an ``href`` (the model
guarantees it). Nothing here depends on the site engine: a page is rendered
from the roadmap, a language and the address of the page being built.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros.content.i18n import translate
from macros.content.index import RoadmapIndex, institution_key, task_view
from macros.content.library import bibtex, bibtex_html
from macros.content.pages import PAGES, course_src, stage_src, url_of
from macros.content.views import (
    breakable,
    byline,
    check_dates,
    finder_options,
    finder_suggestions,
    finder_text,
    hours_text,
    item_label,
    news_by_day,
    other_languages,
    pace_options,
    plan_config,
    record_address,
    record_title,
    separators,
    source_links,
    step_short,
    step_view,
    timeline_side,
    topic_items,
    week_load,
    week_range,
    week_title,
)
from macros.data.model import Course, Paper, Roadmap, Text
from macros.outputs.feed import FEED
from macros.render.finished_html import FINISHED_HTML
from macros.render.jinja_cache import SHARED

TEMPLATES = Path(__file__).with_name("templates")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def markdown_text(value: object) -> Markup:
    """Escape a value for a Markdown heading: HTML first, then Markdown syntax.

    Quotes stay as they are (a heading is text, never an attribute), so the table of
    contents, which MkDocs builds from the heading's text, shows them as written.
    """
    text = value if isinstance(value, Markup) else html.escape(str(value), quote=False)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(text)))


_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def whole_dates(value: object) -> Markup:
    """Escape a text for an element's content, each ISO date in it (2019-02-14) kept on one line.

    Browsers may break a line after a date's hyphen, which splits it in two. Only for element content: an
    attribute takes the plain text.
    """
    return Markup(_ISO_DATE.sub(r'<span class="rr-nowrap">\g<0></span>', str(escape(value))))


def relative(from_url: str, to_url: str) -> str:
    """Relative address between two directory-style page addresses (``""`` is the root)."""
    target = posixpath.relpath("/" + to_url, "/" + from_url)
    if target == ".":
        return "./"
    return target + "/" if to_url.endswith("/") or not to_url else target


class Renderer:
    """Renders page bodies for one roadmap in one language."""

    def __init__(self, roadmap: Roadmap, lang: str, site_url: str = "") -> None:
        """``site_url``: the address of this language's home, where known (for addresses readers copy)."""
        self.roadmap = roadmap
        self.index = RoadmapIndex(roadmap)
        self.lang = lang
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a renderer lives for one build
            bytecode_cache=SHARED,  # compiled once per process: serve's rebuilds load them (jinja_cache.py)
        )
        self.env.filters["md"] = markdown_text
        self.env.filters["tr"] = self.text
        self.env.filters["breakable"] = breakable
        self.env.filters["whole_dates"] = whole_dates
        self.env.filters["finished"] = FINISHED_HTML.keep  # HTML Markdown passes by (macros/render/finished_html.py)
        self.env.globals.update(
            rm=roadmap, ix=self.index, lang=lang, t=self.t, sep=separators(lang),
            is_course=lambda item: isinstance(item, Course),
            is_paper=lambda item: isinstance(item, Paper),
            bibtex=bibtex,
            bibtex_html=bibtex_html,
            week_range=lambda weeks, open_end=False: week_range(weeks, lang, open_end),
            week_title=lambda week: week_title(week, lang),
            timeline_side=lambda weeks: timeline_side(weeks, roadmap.week_count),
            item_label=lambda item: item_label(item, lang),
            byline=lambda item: byline(item, lang),
            source_links=lambda record: source_links(record, lang),
            check_dates=lambda: check_dates(roadmap),
            news_by_day=lambda: news_by_day(roadmap, lang),
            record_address=lambda record: record_address(record, roadmap),
            record_title=lambda record: record_title(record, lang),
            finder_options=lambda: finder_options(self.index, lang),
            finder_text=lambda course: finder_text(course, self.index),
            finder_suggestions=lambda: finder_suggestions(self.index, lang),
            other_languages=other_languages(lang),
            topic_items=lambda topic_id: topic_items(self.index, topic_id),
            plan_config=lambda with_weeks=False, with_task_ids=False: plan_config(self.index, lang, with_weeks,
                                                                                  with_task_ids),
            institution_key=institution_key,
            task_view=task_view,
            step_view=lambda step_id: step_view(self.index, step_id, lang),
            step_short=lambda step_id: step_short(self.index, step_id, lang),
            week_load=lambda week: week_load(self.index, week),
            hours=lambda value: hours_text(value, lang),
            pace_options=lambda: pace_options(roadmap, lang),
            course_url=lambda cid: url_of(course_src(cid)),
            stage_url=lambda sid: url_of(stage_src(sid)),
            page_url=lambda key: PAGES[key].url,
            feed_address=urljoin(site_url, FEED) if site_url else FEED,
        )

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.lang, **values)

    def text(self, value: Text | None) -> str:
        return "" if value is None else value[self.lang]

    def render(self, template: str, page_url: str, **context: object) -> str:
        """Render ``templates/<template>.md.j2`` for the page at ``page_url``."""

        def href(target_url: str) -> str:
            return relative(page_url, target_url)

        return self.env.get_template(f"{template}.md.j2").render(href=href, **context)
