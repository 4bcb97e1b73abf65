"""Web addresses as a browser reads them: the one rule for every address in the data, and its host.

An address is parsed by the WHATWG URL standard (the ada library, the parser of Node.js), so the host the data
check sees is the host a reader's browser opens: ``https://evil.example\\@web.stanford.edu/`` is evil.example to
a browser, whatever a looser parser makes of it. Anything that lets an address look like another is refused:
credentials, backslashes, white space, control, zero-width and bidirectional characters. A host whose labels mix
scripts (a Cyrillic "а" in a Latin name) is allowed but warned about.
"""

from __future__ import annotations

import re
import unicodedata

import ada_url

_INVISIBLE = re.compile(
    "[\\s\\x00-\\x1f\\x7f-\\x9f\\\\\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
"""White space, controls, the backslash, soft hyphen, zero-width and bidirectional formatting characters."""
_SCHEME = re.compile(r"https?://")


def address_problem(value: str) -> str | None:
    """Why ``value`` is not an address the site may link to, or ``None`` when it is."""
    if not _SCHEME.match(value):
        return f"{value!r} is not an http(s) address (it must start with http:// or https://)"
    found = _INVISIBLE.search(value)
    if found:
        char = found[0]
        what = {"\\": "a backslash", " ": "a space"}.get(char) or \
            f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character').lower()})"
        return f"{value!r} contains {what}, which can make an address look like another"
    try:
        parts = ada_url.parse_url(value)
    except ValueError:
        return f"{value!r} is not an address a browser can open"
    if parts["username"] or parts["password"]:
        return f"{value!r} carries a user name or password before its host"
    if not parts["hostname"]:
        return f"{value!r} has no host"
    return None


def host(value: str) -> str:
    """The host a browser opens for ``value`` (Unicode, as a reader would read it), without ``www.``."""
    return ada_url.idna_to_unicode(ada_url.parse_url(value)["hostname"]).removeprefix("www.")


def short(value: str) -> str:
    """Host and path, as a label for an address: ``web.stanford.edu/class/cs224n``."""
    return (host(value) + ada_url.parse_url(value)["pathname"]).rstrip("/")


def _script(char: str) -> str:
    """A letter's script, as far as a lookalike matters: the first word of its Unicode name."""
    name = unicodedata.name(char, "")
    return "HAN" if name.startswith("CJK") else name.split(" ", 1)[0]


_LOOKALIKE_SCRIPTS = {"CYRILLIC", "GREEK"}
"""Scripts with letters that look like Latin ones (а, е, о, р, с, ο, ν …)."""


def lookalike(value: str) -> str | None:
    """A warning when the address's host may pass for another's, else ``None``.

    That is a label that mixes scripts, or one written in Cyrillic or Greek letters under an ASCII top-level
    domain (аррӏе.com).
    """
    labels = host(value).split(".")
    for label in labels:
        scripts = {_script(char) for char in label if unicodedata.category(char).startswith("L")}
        if len(scripts) > 1 or (scripts & _LOOKALIKE_SCRIPTS and labels[-1].isascii()):
            return f"the host label {label!r} of {value!r} is written in {' and '.join(sorted(scripts)).lower()} " \
                   "letters, which can pass for another site's: make sure it is the site you mean"
    return None
