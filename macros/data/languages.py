"""The site's languages: the one table every other module reads.

A language here is a build of its own (its folder inside the site, its search index), all from one
``mkdocs.yml``: ``macros/engine/site.py`` gives each build its language, folder, address, name and description.
The first language is served at the site's root; the others live in a folder each. Adding a language is
one entry here plus its strings in ``macros/content/ui/*.yaml`` (and its field in the data's ``Text``: see
CONTRIBUTING.md, "Add a language").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    """Language code, as in the data (``Text.zh``) and in ``<html lang>``."""
    name: str
    """The language's own name, for the language selector."""
    folder: str
    """Folder inside the site (``""`` for the root language)."""
    description_limit: int
    """Longest meta description, in characters: what search engines show without cutting."""
    clause_stops: str
    """Characters after which a shortened description may end (spaces and clause punctuation)."""

    @property
    def prefix(self) -> str:
        """Site-relative address of the language's home: ``""`` or ``"en/"``."""
        return f"{self.folder}/" if self.folder else ""


LANGUAGES: tuple[Language, ...] = (
    Language(code="zh", name="中文", folder="", description_limit=90, clause_stops="，、；：。 "),
    Language(code="en", name="English", folder="en", description_limit=160, clause_stops=" ,;:"),
)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
"""Every language code, root language first."""
PREFIX: dict[str, str] = {language.code: language.prefix for language in LANGUAGES}
"""Language code → site-relative address of its home (``{"zh": "", "en": "en/"}``)."""
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


def alternate_links(code: str) -> list[dict[str, str]]:
    """The language links of the ``code`` build (``extra.alternate``): each language's home, relative to its own.

    From the root language: ``./`` and ``./en/``; from English: ``../`` and ``./``.
    """
    up = "../" * len(BY_CODE[code].folder.split("/")) if BY_CODE[code].folder else "./"
    return [
        {"name": other.name, "link": "./" if other.code == code else up + other.prefix, "lang": other.code}
        for other in LANGUAGES
    ]
