"""What the search index reads of a page: every element's words kept apart from its neighbours'.

Material's search parser keeps the text of a page and drops most tags, so ``<dt>Level</dt><dd>Advanced</dd>``
is indexed as ``LevelAdvanced``: neither word can be found. A page's content gets a line break between block
elements and after ``<br>``. Browsers do not draw white space between blocks or at the start of a line, so the
page looks the same; the index sees one word per element.
"""

from __future__ import annotations

import re

BLOCKS = (
    "address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|"
    "hr|li|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul"
)
"""Elements a browser lays out as blocks (or table cells): white space around them is never drawn."""

_BLOCK = re.compile(rf"(?:{BLOCKS})", re.IGNORECASE)
_TAG_BEFORE_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*>(?=<(/?)([a-zA-Z][a-zA-Z0-9]*))")
_LINE_BREAK = re.compile(r"(<br\s*/?>)(?=\S)", re.IGNORECASE)
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.IGNORECASE | re.DOTALL)


def space_blocks(html: str) -> str:
    """``html`` with a line break wherever a block element meets another tag, and after every ``<br>``.

    The insides of ``<pre>`` are left alone: there white space is drawn.
    """
    parts = _PRE.split(html)
    return "".join(part if i % 2 else _LINE_BREAK.sub("\\1\n", _TAG_BEFORE_TAG.sub(_spaced, part))
                   for i, part in enumerate(parts))


def _spaced(match: re.Match[str]) -> str:
    closing, name, next_closing, next_name = match.groups()
    ends_block = closing and _BLOCK.fullmatch(name)
    starts_block = not next_closing and _BLOCK.fullmatch(next_name)
    return match.group(0) + "\n" if ends_block or starts_block else match.group(0)
