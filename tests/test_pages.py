"""The page registry (macros/content/pages.py): every page has its template and title, and is built once."""

from __future__ import annotations

from conftest import ROOT

from macros.content.i18n import strings
from macros.content.pages import (
    ITEM_PAGES,
    NAV_GROUP_MAX,
    PAGES,
    all_pages,
    course_runs,
    examples,
    navigation,
    page_titles,
    sources,
)
from macros.data.loader import load_once
from macros.data.model import Roadmap

ROADMAP = load_once(ROOT / "data" / "roadmap.yaml")
TEMPLATES = ROOT / "macros" / "render" / "templates"


def test_every_page_has_its_template_and_title_and_every_template_a_page():
    kinds = [*PAGES.values(), *ITEM_PAGES.values()]
    for kind in kinds:
        assert (TEMPLATES / f"{kind.template}.md.j2").is_file(), kind.key
    for page in PAGES.values():
        assert page.title in strings(), page.key
    used = {f"{kind.template}.md.j2" for kind in kinds}
    assert {t.name for t in TEMPLATES.glob("*.md.j2")} == used


def test_docs_folder_holds_no_pages():
    assert sorted(p.name for p in (ROOT / "docs").rglob("*") if p.is_file()) == ["README.md"]


def test_every_page_is_generated_once_and_is_in_the_navigation():
    pages = all_pages(ROADMAP)
    assert set(pages) == set(sources(ROADMAP))
    assert len(pages) == len(PAGES) + len(ROADMAP.courses) + len(ROADMAP.stages)
    assert pages["keeping-up.md"] == "{{ keeping_up() }}\n"
    assert pages[f"courses/{ROADMAP.courses[0].id}.md"] == f"{{{{ course_page('{ROADMAP.courses[0].id}') }}}}\n"

    def leaves(tree: object) -> list[str]:
        if isinstance(tree, str):
            return [tree]
        if isinstance(tree, dict):
            return [leaf for value in tree.values() for leaf in leaves(value)]
        return [leaf for value in tree for leaf in leaves(value)]  # type: ignore[attr-defined]

    for lang in ("zh", "en"):
        listed = leaves(navigation(ROADMAP, lang))
        assert sorted(listed) == sorted(pages), lang


def test_examples_name_one_address_per_kind():
    found = examples(ROADMAP)
    assert set(found) == set(PAGES) | set(ITEM_PAGES)
    assert found["home"] == "" and found["keeping-up"] == "keeping-up/"
    assert found["course"] == f"courses/{ROADMAP.courses[0].id}/"


def many_courses(count: int) -> Roadmap:
    """The roadmap with its first course copied ``count`` times (one institution)."""
    first = ROADMAP.courses[0]
    copies = [first.model_copy(update={"id": f"{first.id}-x{n}", "code": f"{first.code}-{n}"}) for n in range(count)]
    return ROADMAP.model_copy(update={"courses": copies})


def test_a_large_institution_is_cut_into_runs_of_courses_headed_by_their_codes():
    roadmap = many_courses(NAV_GROUP_MAX * 2 + 1)
    courses = next(item for item in navigation(roadmap, "en") if "Courses" in item)["Courses"]
    (institution,) = [section for section in courses if isinstance(section, dict) and len(section) == 1
                      and isinstance(next(iter(section.values())), list)]
    runs = next(iter(institution.values()))
    sizes = [len(next(iter(run.values()))) for run in runs]
    assert len(runs) == 3 and max(sizes) <= NAV_GROUP_MAX and max(sizes) - min(sizes) <= 1
    titles = page_titles(roadmap, "en")
    codes = [titles[src] for run in runs for src in next(iter(run.values()))]
    code = ROADMAP.courses[0].code
    assert codes == [f"{code}-{n}" for n in range(NAV_GROUP_MAX * 2 + 1)]  # numbers by value: -2 before -10
    assert list(runs[0]) == [f"{code}-0 – {code}-{sizes[0] - 1}"]


def test_an_institution_of_few_courses_lists_them_in_the_datas_order():
    roadmap = many_courses(NAV_GROUP_MAX)
    assert course_runs(list(reversed(roadmap.courses))) == [list(reversed(roadmap.courses))]
