"""The paper library: every :class:`~macros.data.model.Paper` the site names, as BibTeX and as CSL-JSON.

Both files are written from the typed records, the same in every language's build (a citation quotes the
paper's own title, ``title.en``). An entry's citation key is the record's id, which never changes.

BibTeX is written with bibtexparser; the field values are escaped here, because neither bibtexparser's
LaTeX encoder nor pybtex's writer makes any text safe: a brace escaped as ``\\}`` still closes a field for
BibTeX (which counts every brace), and pybtex refuses unbalanced braces. Each of LaTeX's ten special
characters becomes a command; a brace becomes a balanced group that prints one brace, as Zotero's own
BibTeX export writes it; whitespace runs (newlines included) become one space, as BibTeX reads them; every
other character stays as written (UTF-8, which biber, Zotero and current BibTeX read).

CSL-JSON follows the CSL 1.0 input schema and Zotero's mapping of it: a paper with only an arXiv id is a
preprint (``article``, publisher arXiv, ``number`` arXiv:ID, arXiv's DOI); one with a venue is a conference
paper, a journal article or a report (``venue_kind``).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote

import bibtexparser
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts
from bibtexparser.model import Entry, Field
from markupsafe import Markup

from macros.data.model import Paper, Roadmap

ET_AL = re.compile(r"et\.?\s+al\.?", re.IGNORECASE)
"""How the data ends a long author list (``[..., et al.]``)."""

ARXIV_DOI = "10.48550/arXiv.{}"
"""arXiv registers a DOI for every article, made from its id (arXiv's help page on DOIs)."""

BIBTEX_TYPES = {"preprint": "misc", "conference": "inproceedings", "journal": "article", "report": "techreport"}
BIBTEX_VENUE = {"conference": "booktitle", "journal": "journal", "report": "institution"}
CSL_TYPES = {"preprint": "article", "conference": "paper-conference", "journal": "article-journal", "report": "report"}
CSL_VENUE = {"conference": "container-title", "journal": "container-title", "report": "publisher"}

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{\vphantom{\}}",
    "}": r"\vphantom{\{}\}",
    "$": r"\$", "%": r"\%", "#": r"\#", "&": r"\&", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")
_URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '{}\\"<>^`|')
"""What a BibTeX ``url`` field keeps as written: printable ASCII but braces, backslash and the characters an
address may not contain (RFC 3986); the rest is percent-encoded, which names the same address."""


def papers(roadmap: Roadmap) -> list[Paper]:
    """Every paper the site names, in the data's order (resources, books, community)."""
    return [item for name in ("resources", "books", "community") for item in getattr(roadmap, name)
            if isinstance(item, Paper)]


def citation_key(paper: Paper) -> str:
    """The paper's key in both files: its id (lowercase letters, digits, hyphens; never changes)."""
    return paper.id


def publication(paper: Paper) -> str:
    """How the paper was published: ``preprint`` (an arXiv id only), else its venue's kind (default: conference)."""
    return (paper.venue_kind or "conference") if paper.venue else "preprint"


def authors(paper: Paper) -> tuple[list[str], bool]:
    """The named authors, and whether the list goes on ("et al." at its end)."""
    names = list(paper.authors)
    more = bool(names) and ET_AL.fullmatch(names[-1]) is not None
    return (names[:-1] if more else names), more


def one_line(text: str) -> str:
    """Whitespace runs as one space: how BibTeX reads a value, and never a line that starts an entry."""
    return " ".join(text.split())


def latex(text: str) -> str:
    """``text`` as a BibTeX value that prints it: LaTeX's special characters as commands, braces balanced."""
    return _SPECIAL.sub(lambda m: _LATEX_SPECIALS[m.group()], one_line(text))


def _is_literal(name: str) -> bool:
    """A name not to split into parts: one word (an organisation), or one with a comma, "and" or a LaTeX special.

    BibTeX would read "A, B" as "Last, First" and split a name at "and".
    """
    words = name.split()
    return len(words) == 1 or "," in name or any(w.lower() in ("and", "others") for w in words) \
        or _SPECIAL.search(name) is not None


def bibtex_name(name: str) -> str:
    """A name for the ``author`` field: as written ("First von Last"), or braced whole where it must not split."""
    return f"{{{latex(name)}}}" if _is_literal(name) else latex(name)


def bibtex_entry(paper: Paper) -> Entry:
    """The paper as a bibtexparser entry, every value escaped."""
    kind = publication(paper)
    names, more = authors(paper)
    fields = [
        Field("title", "{" + latex(paper.title.en) + "}"),  # inner braces: styles keep the title's capitals
        Field("author", " and ".join([*map(bibtex_name, names), *(["others"] if more else [])])),
        Field("year", str(paper.year)),
    ]
    if paper.venue:
        fields.append(Field(BIBTEX_VENUE[kind], latex(paper.venue)))
    if paper.arxiv:
        fields += [Field("eprint", paper.arxiv), Field("archiveprefix", "arXiv"), Field("eprinttype", "arxiv")]
        if kind == "preprint":
            fields.append(Field("doi", ARXIV_DOI.format(paper.arxiv)))
    fields.append(Field("url", quote(paper.url, safe=_URL_SAFE)))
    return Entry(BIBTEX_TYPES[kind], citation_key(paper), fields)


def _write(entries: list[Entry]) -> str:
    form = bibtexparser.BibtexFormat()
    form.indent = "  "
    form.block_separator = "\n"
    form.trailing_comma = True
    return bibtexparser.write_string(bibtexparser.Library(entries), bibtex_format=form)


def bibtex(paper: Paper) -> str:
    """One paper's BibTeX entry, as the page shows it (no line break after it)."""
    return _write([bibtex_entry(paper)]).strip()


def bibtex_html(paper: Paper) -> Markup:
    """:func:`bibtex` escaped for a page, each ``{`` as a character reference.

    The text reads the same, and a page never holds ``{{`` or ``{%``: the site's checks take those for
    template syntax left unrendered.
    """
    return Markup(html.escape(bibtex(paper), quote=False).replace("{", "&#123;"))


def papers_bib(roadmap: Roadmap) -> str:
    """``papers.bib``: every paper's entry."""
    return _write([bibtex_entry(paper) for paper in papers(roadmap)])


def csl_name(name: str) -> dict[str, str]:
    """A name as CSL wants it: family and given parts (BibTeX's rules: "First von Last"), or a literal."""
    if _is_literal(name):
        return {"literal": name}
    try:
        parts = parse_single_name_into_parts(name)
    except InvalidNameError:
        return {"literal": name}
    person = {"family": " ".join([*parts.von, *parts.last]), "given": " ".join(parts.first)}
    if parts.jr:
        person["suffix"] = " ".join(parts.jr)
    return {key: value for key, value in person.items() if value}


def csl_item(paper: Paper) -> dict[str, Any]:
    """The paper as a CSL-JSON item, its texts exactly as the data has them (JSON escapes what it must).

    An author list stops where the data says "et al.": CSL has no mark for a list that goes on.
    """
    kind = publication(paper)
    names, _ = authors(paper)
    item: dict[str, Any] = {
        "id": citation_key(paper),
        "citation-key": citation_key(paper),
        "type": CSL_TYPES[kind],
        "title": paper.title.en,
        "author": [csl_name(name) for name in names],
        "issued": {"date-parts": [[paper.year]]},
    }
    if paper.venue:
        item[CSL_VENUE[kind]] = paper.venue
    if kind == "preprint":
        item |= {"publisher": "arXiv", "number": f"arXiv:{paper.arxiv}", "DOI": ARXIV_DOI.format(paper.arxiv)}
    item["URL"] = paper.url
    return item


def papers_json(roadmap: Roadmap) -> str:
    """``papers.json``: every paper as CSL-JSON (an array of items), UTF-8."""
    return json.dumps([csl_item(paper) for paper in papers(roadmap)], ensure_ascii=False, indent=2) + "\n"
