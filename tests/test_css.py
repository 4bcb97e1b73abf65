"""Our style sheets keep one set of colour tokens and one focus ring.

Every colour value (hex, rgb(), hsl()) of our style sheets is in roadmap.css's token block, at the top of
that file; everything else names colours by token (``var(--rr-…)``) or by Material's variables. One rule, in
roadmap.css, draws the keyboard focus ring of every control.
"""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "theme" / "assets"
CSS = ASSETS / "roadmap.css"
OTHERS = sorted(path for path in ASSETS.glob("*.css") if path != CSS)
END_OF_TOKENS = "/* end of the colour tokens */"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|hsl)a?\(")
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _parts() -> tuple[str, str]:
    text = CSS.read_text(encoding="utf-8")
    assert text.count(END_OF_TOKENS) == 1
    tokens, rest = text.split(END_OF_TOKENS)
    others = "".join(path.read_text(encoding="utf-8") for path in OTHERS)
    return COMMENT.sub("", tokens), COMMENT.sub("", rest + others)


def test_colours_are_only_in_the_token_block():
    assert OTHERS  # finder.css and plan.css are read too
    tokens, rest = _parts()
    assert COLOUR.findall(rest) == []
    assert "--rr-muted:" in tokens


def test_every_token_used_is_defined():
    tokens, rest = _parts()
    defined = set(re.findall(r"(--rr-[a-z0-9-]+)\s*:", tokens))
    used = set(re.findall(r"var\((--rr-[a-z0-9-]+)\)", tokens + rest))  # with a fallback, the page may set it
    local = set(re.findall(r"(--[a-z0-9-]+)\s*:", rest))  # layout variables set by a rule (--weeks)
    assert used - defined - local == set()


def test_one_focus_ring():
    _, rest = _parts()
    rules = re.findall(r"[^{}]*:focus-visible[^{}]*\{[^}]*outline[^}]*\}", rest)
    assert len(rules) == 1, rules
    assert "var(--rr-focus)" in rules[0]
