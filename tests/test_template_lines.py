"""Page templates stay readable: no line longer than 160 characters.

A long line of HTML is continued on the next line behind Jinja's whitespace control, so that what it renders is
unchanged: the continuation starts with ``{%-`` or ``{{-`` where it starts with a tag, else with the empty comment
``{#- #}`` (the dash takes the line break and the indentation away; a space the HTML needs comes after it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parent.parent / "macros/render/templates").glob("*.j2"))
LONGEST = 160


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_line_is_longer_than_the_limit(template: Path):
    lines = template.read_text(encoding="utf-8").splitlines()
    long = [n for n, line in enumerate(lines, 1) if len(line) > LONGEST]
    assert not long, f"{template.name}: lines {long} are longer than {LONGEST} characters"


def test_a_continued_line_renders_as_one():
    from jinja2 import Environment

    env = Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)  # as macros/render/render.py
    one = '<p class="a" id="b"><span>{{ x }}</span> <a href="#">{% if x %}y{% endif %}</a></p>\n'
    continued = ('<p class="a"\n    {#- #} id="b"><span>\n    {{- x }}</span>\n    {#- #} <a href="#">\n'
                 '    {%- if x %}y{% endif %}</a></p>\n')
    assert env.from_string(continued).render(x=1) == env.from_string(one).render(x=1)
