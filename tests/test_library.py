"""The paper library: ``papers.bib`` and ``papers.json`` in both builds, and the "cite" control on the pages.

The downloads are read back with real parsers: pybtex (BibTeX's own rules: it counts every brace, escaped or
not) and bibtexparser for the BibTeX file, the CSL 1.0 input schema (``tests/fixtures/csl-data.json``, the
Citation Style Language project's file, MIT) for the CSL-JSON. What every entry must say is derived from
``data/roadmap.yaml`` itself, read as plain YAML: every record of ``kind: paper`` in any list.
A fixture paper whose title, authors, venue and address carry every character that matters to BibTeX
(braces, unbalanced ones too, backslash, ``% # & $ _ ^ ~ @``, a newline and a line that starts an entry) must
come back exactly, and inject nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import bibtexparser
import jsonschema
import pybtex.errors
import pytest
import yaml
from conftest import ROOT, HTMLParser, built, once_per_run
from pybtex.database import BibliographyData, Person, parse_string
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from macros.data.languages import PREFIX as LANGS

FIXTURES = Path(__file__).with_name("fixtures")
CSL_SCHEMA = json.loads((FIXTURES / "csl-data.json").read_text(encoding="utf-8"))
RAW = yaml.safe_load((ROOT / "data" / "roadmap.yaml").read_text(encoding="utf-8"))
LISTS = ("resources", "books", "community")

BIBTEX_TYPE = {"preprint": "misc", "conference": "inproceedings", "journal": "article", "report": "techreport"}
BIBTEX_VENUE = {"conference": "booktitle", "journal": "journal", "report": "institution"}
CSL_TYPE = {"preprint": "article", "conference": "paper-conference", "journal": "article-journal", "report": "report"}
CSL_VENUE = {"conference": "container-title", "journal": "container-title", "report": "publisher"}

pybtex.errors.set_strict_mode(True)  # a syntax error is an exception, not a warning


def _decoder() -> LatexNodes2Text:
    """LaTeX to text; ``\\textasciicircum`` is "^" (pylatexenc's default is the modifier letter ˆ)."""
    context = get_default_latex_context_db()
    context.add_context_category("caret", prepend=True, macros=[MacroTextSpec("textasciicircum", "^")])
    return LatexNodes2Text(latex_context=context)


DECODE = _decoder().latex_to_text


def raw_papers(raw: dict) -> list[dict]:
    """Every paper record of a roadmap file, in the file's order."""
    return [record for name in LISTS for record in raw.get(name) or [] if record.get("kind") == "paper"]


def kind_of(record: dict) -> str:
    return (record.get("venue_kind") or "conference") if record.get("venue") else "preprint"


def named(record: dict) -> tuple[list[str], bool]:
    """The record's authors without a final "et al.", and whether it had one."""
    names = list(record["authors"])
    more = re.fullmatch(r"et\.? al\.?", names[-1], re.IGNORECASE) is not None
    return (names[:-1] if more else names), more


def one_line(text: str) -> str:
    return " ".join(text.split())


def person_text(person: Person) -> str:
    """A parsed BibTeX name back as text, "First von Last", braces and LaTeX decoded."""
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]
    text = DECODE(" ".join(parts))
    return f"{text}, {DECODE(' '.join(person.lineage_names))}" if person.lineage_names else text


def read_bib(text: str) -> BibliographyData:
    """Parse with pybtex (strict) after checking bibtexparser reads the same keys with no failed block."""
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    data = parse_string(text, "bibtex")
    assert [entry.key for entry in library.entries] == list(data.entries.keys())
    return data


def check_bib_entry(data: BibliographyData, record: dict) -> None:
    """The BibTeX entry of ``record`` says what the record says, and nothing else."""
    entry = data.entries[record["id"]]
    kind = kind_of(record)
    assert entry.type == BIBTEX_TYPE[kind], record["id"]
    assert DECODE(entry.fields["title"]) == one_line(record["title"]["en"])
    assert entry.fields["year"] == str(record["year"])
    names, more = named(record)
    persons = entry.persons["author"]
    assert [person_text(p) for p in persons] == [one_line(n) for n in names] + (["others"] if more else [])
    expected = {"title", "year", "url"}
    if record.get("venue"):
        assert DECODE(entry.fields[BIBTEX_VENUE[kind]]) == one_line(record["venue"])
        expected.add(BIBTEX_VENUE[kind])
    if record.get("arxiv"):
        assert entry.fields["eprint"] == record["arxiv"]
        assert entry.fields["archiveprefix"] == "arXiv" and entry.fields["eprinttype"] == "arxiv"
        expected |= {"eprint", "archiveprefix", "eprinttype"}
    if kind == "preprint":
        assert entry.fields["doi"] == f"10.48550/arXiv.{record['arxiv']}"
        expected.add("doi")
    assert unquote(entry.fields["url"]) == unquote(record["url"])
    assert not re.search(r"[{}\\\s]", entry.fields["url"])
    assert {key.lower() for key in entry.fields} == expected, record["id"]


def check_csl_item(item: dict, record: dict) -> None:
    """The CSL-JSON item of ``record`` says exactly what the record says."""
    kind = kind_of(record)
    assert item["id"] == item["citation-key"] == record["id"]
    assert item["type"] == CSL_TYPE[kind]
    assert item["title"] == record["title"]["en"]
    assert item["issued"] == {"date-parts": [[record["year"]]]}
    assert item["URL"] == record["url"]
    names, _ = named(record)
    assert [a.get("literal") or " ".join(filter(None, (a.get("given"), a.get("family")))) for a in item["author"]] \
        == names
    expected = {"id", "citation-key", "type", "title", "author", "issued", "URL"}
    if record.get("venue"):
        assert item[CSL_VENUE[kind]] == record["venue"]
        expected.add(CSL_VENUE[kind])
    if kind == "preprint":
        assert item["number"] == f"arXiv:{record['arxiv']}" and item["publisher"] == "arXiv"
        assert item["DOI"] == f"10.48550/arXiv.{record['arxiv']}"
        expected |= {"number", "publisher", "DOI"}
    assert set(item) == expected, record["id"]


# --- the real site ----------------------------------------------------------------------------------------

def test_both_builds_offer_the_same_library(site: Path):
    for name in ("papers.bib", "papers.json"):
        zh, en = ((site / LANGS[lang] / "downloads" / name).read_bytes() for lang in ("zh", "en"))
        assert zh == en, name


def test_bibtex_download_has_every_paper_as_the_data_says(site: Path):
    records = raw_papers(RAW)
    assert records
    data = read_bib((site / "downloads/papers.bib").read_text(encoding="utf-8"))
    assert list(data.entries.keys()) == [r["id"] for r in records]
    for record in records:
        check_bib_entry(data, record)


def test_csl_json_download_is_valid_and_has_every_paper_as_the_data_says(site: Path):
    records = raw_papers(RAW)
    items = json.loads((site / "downloads/papers.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, CSL_SCHEMA, cls=jsonschema.Draft7Validator)
    assert [item["id"] for item in items] == [r["id"] for r in records]
    for item, record in zip(items, records, strict=True):
        check_csl_item(item, record)


def html_pages(site: Path, base: str) -> list[str]:
    """Site-relative paths of one language's pages."""
    paths = [file.relative_to(site).as_posix() for file in sorted((site / base).rglob("index.html"))]
    return [path for path in paths if base or not path.startswith("en/")]


def test_every_listed_paper_has_its_entry_and_every_naming_links_to_it(site: Path, read_page):
    """A paper's entry in a list carries its citation; wherever else a page names it, a link leads there."""
    bib = read_bib((site / "downloads/papers.bib").read_text(encoding="utf-8"))
    ids = {r["id"] for r in raw_papers(RAW)}
    for base in LANGS.values():
        cited: set[str] = set()
        for path in html_pages(site, base):
            doc = read_page(path)
            for li in doc.css("li.rr-resource"):
                rid = li.attributes["id"].removeprefix("res-")
                field = li.css_first("details.rr-cite textarea")
                if rid not in ids:
                    assert field is None, f"{path}: {rid}"
                    continue
                label = li.css_first(f'details.rr-cite label[for="cite-{rid}"]')
                assert field.attributes["id"] == f"cite-{rid}" and label.text().strip(), f"{path}: {rid}"
                assert "readonly" in field.attributes
                entry = parse_string(field.text(), "bibtex")
                assert list(entry.entries.keys()) == [rid]
                assert entry.entries[rid].fields == bib.entries[rid].fields, f"{path}: {rid}"
                cited.add(rid)
            for link in doc.css("a.rr-cite-link"):
                target = urlsplit(urljoin("http://site/" + path, link.attributes["href"]))
                assert re.fullmatch(r"res-[a-z0-9-]+", target.fragment), f"{path}: {target}"
                assert target.fragment.removeprefix("res-") in ids
                landing = read_page(target.path.lstrip("/"))
                assert landing.css_first(f"li#{target.fragment} details.rr-cite") is not None, f"{path}: {target}"
        assert cited == ids, base


def test_the_about_page_offers_the_library(read_page):
    """The about page lists the two files beside the other downloads (test_site checks the whole list)."""
    for base in LANGS.values():
        hrefs = {a.attributes["href"] for a in read_page(base + "about/").css("a[download]")}
        assert {"../downloads/papers.bib", "../downloads/papers.json"} <= hrefs


# --- hostile data ------------------------------------------------------------------------------------------

HOSTILE_TITLE = ('Braces {b} c} and \\ back % per # hash & amp @misc{evil, title={x}} $z$ ^ ~ _ end   '
                 '@article{injected,  note = {x}}, {{ unbalanced')
"""A title is one line (the model refuses a newline in it); the venue below carries the newlines."""
HOSTILE_AUTHORS = ["Ada {Lovelace", "Tom and Jerry Lab", "Łukasz Kaiser", "Laurens van der Maaten",
                   "Smith, John", "A % B", "et al."]
HOSTILE_VENUE = "Conf }, note = {x\n@article{injected,\n  note = {x}}"
HOSTILE_URL = "https://example.org/p?a=1&b={x}%20y#frag"


def hostile_fixture(tmp_path: Path) -> Path:
    """The minimal fixture with its paper's texts and address replaced by hostile ones."""
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    old = "    title: {zh: 论文, en: A paper}\n    authors: [Ada Lovelace]\n"
    assert old in text
    new = (f"    title: {{zh: 论文, en: {json.dumps(HOSTILE_TITLE)}}}\n"
           f"    authors: {json.dumps(HOSTILE_AUTHORS, ensure_ascii=False)}\n"
           f"    venue: {json.dumps(HOSTILE_VENUE)}\n")
    text = text.replace(old, new, 1).replace("    url: https://example.org/paper-a\n",
                                             f"    url: {json.dumps(HOSTILE_URL)}\n", 1)
    data = tmp_path / "roadmap.yaml"
    data.write_text(text, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    tmp = once_per_run(tmp_path_factory, "library-hostile",
                       lambda tmp: built(tmp / "site", {"ROADMAP_DATA": str(hostile_fixture(tmp))}))
    return tmp / "site", yaml.safe_load((tmp / "roadmap.yaml").read_text(encoding="utf-8"))


def test_hostile_texts_round_trip_through_both_downloads(hostile_site: tuple[Path, dict]):
    out, raw = hostile_site
    [record] = raw_papers(raw)
    assert record["title"]["en"] == HOSTILE_TITLE and record["url"] == HOSTILE_URL  # the fixture is what we meant
    for base in LANGS.values():
        text = (out / base / "downloads/papers.bib").read_text(encoding="utf-8")
        assert re.findall(r"^@", text, re.M) == ["@"]  # one entry: no line of a value starts another
        data = read_bib(text)
        assert list(data.entries.keys()) == [record["id"]]
        check_bib_entry(data, record)  # fields as the record says, and no other field
        items = json.loads((out / base / "downloads/papers.json").read_text(encoding="utf-8"))
        jsonschema.validate(items, CSL_SCHEMA, cls=jsonschema.Draft7Validator)
        [item] = items
        check_csl_item(item, record)
        assert item["title"] == HOSTILE_TITLE and item["container-title"] == HOSTILE_VENUE  # exactly, newline kept


def test_hostile_entry_on_the_page_is_text_and_matches_the_download(hostile_site: tuple[Path, dict]):
    out, raw = hostile_site
    [record] = raw_papers(raw)
    bib = (out / "downloads/papers.bib").read_text(encoding="utf-8")
    for base in LANGS.values():
        doc = HTMLParser((out / base / "path/index.html").read_text(encoding="utf-8"))
        li = doc.css_first(f"li#res-{record['id']}")
        field = li.css_first("details.rr-cite textarea")
        assert field.text().strip() in bib
        assert li.css("details.rr-cite textarea") == [field] and li.css("details.rr-cite a[download]")
        assert doc.css_first("#evil") is None and doc.css_first("#injected") is None


# --- in the browser -----------------------------------------------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LIST_PAGES = {"resources": "path/", "books": "books/", "community": "keeping-up/"}
"""Where each list of the data is shown, one entry per record."""


def first_listed_paper() -> tuple[dict, str]:
    """The data's first paper, and the page that lists it."""
    return next((record, LIST_PAGES[name]) for name in LISTS for record in RAW.get(name) or []
                if record.get("kind") == "paper")


@pytest.mark.parametrize("lang", LANGS)
def test_cite_opens_from_the_keyboard_shows_the_entry_and_selects_only_it(open_page, lang: str):
    record, list_page = first_listed_paper()
    page = open_page(**PHONE)
    page.goto(LANGS[lang] + list_page)
    cite = page.locator(f"li#res-{record['id']} details.rr-cite")
    field = cite.locator("textarea")
    assert field.is_hidden()
    summary = cite.locator("summary")
    assert record["title"][lang] in summary.text_content()  # its name says which paper it cites
    summary.focus()
    page.keyboard.press("Enter")
    assert field.is_visible()
    assert list(parse_string(field.input_value(), "bibtex").entries.keys()) == [record["id"]]
    box = field.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"cite-{record['id']}"
    page.keyboard.press("ControlOrMeta+a")
    selected = page.evaluate("(f => [f.selectionStart, f.selectionEnd, f.value.length])(document.activeElement)")
    assert selected[:2] == [0, selected[2]]
    page.emulate_media(media="print")
    assert cite.is_hidden()
    page.emulate_media(media="screen")
    summary.focus()
    page.keyboard.press("Enter")
    assert field.is_hidden()


def test_a_cite_link_beside_a_named_paper_leads_to_its_entry(open_page):
    page = open_page(viewport={"width": 1366, "height": 900})
    page.goto("weeks/")
    link = page.locator("a.rr-cite-link").first
    anchor = link.get_attribute("href").rpartition("#")[2]
    link.click()
    page.wait_for_url(f"**#{anchor}")
    entry = page.locator(f"li#{anchor}")
    assert entry.locator("details.rr-cite summary").is_visible()
    top = entry.bounding_box()["y"]
    assert 0 <= top < 900
