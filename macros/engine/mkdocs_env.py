"""mkdocs-macros entry: one macro per page of the registry (``macros/content/pages.py``)."""

from __future__ import annotations

from typing import Any

from macros.content.pages import ITEM_PAGES, PAGES
from macros.engine.mkdocs_adapter import language, sources_for
from macros.render.render import Renderer


def define_env(env: Any) -> None:
    """Register ``home()``, ``keeping_up()``, … and ``course_page(id)``, ``stage_page(id)``."""
    renderer = Renderer(sources_for(env.conf).roadmap, language(env.conf), env.conf.site_url or "")

    def render(template: str, **context: object) -> str:
        return renderer.render(template, env.page.url, **context)

    for page in PAGES.values():
        env.macro(lambda template=page.template: render(template), page.macro)
    for kind in ITEM_PAGES.values():
        env.macro(lambda item_id, kind=kind: render(kind.template, **{kind.param: item_id}), kind.macro)
