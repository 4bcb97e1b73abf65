"""mkdocs-macros entry: the macros that thin pages in ``docs/`` call."""

from __future__ import annotations

from typing import Any

from macros.mkdocs_adapter import language, roadmap_for
from macros.render import Renderer

PAGE_MACROS = (
    "home", "courses", "path", "plan", "stages", "weeks", "books", "directions", "people",
    "keeping-up", "topics", "about",
)


def define_env(env: Any) -> None:
    """Register one macro per page template, plus ``course_page`` and ``stage_page``."""
    renderer = Renderer(roadmap_for(env.conf), language(env.conf))

    def render(template: str, **context: object) -> str:
        return renderer.render(template, env.page.url, **context)

    for name in PAGE_MACROS:
        env.macro(lambda name=name: render(name), name.replace("-", "_"))
    env.macro(lambda course_id: render("course", course_id=course_id), "course_page")
    env.macro(lambda stage_id: render("stage", stage_id=stage_id), "stage_page")
