"""The routine edits CONTRIBUTING.md describes, made on a copy of the live data: every check still passes.

A contributor adds a course from the documented example, fixes a course's address and rewords a
week task. The data check accepts the result, the site builds, shows the edits in both languages,
and no link is broken: nothing in the tests pins today's content. The example course gets an id no real
record will have, so the test holds after someone really adds that course.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import site_links
import yaml
from conftest import ROOT, HTMLParser, built, once_per_run

from macros.data.languages import PREFIX as LANGS
from macros.data.loader import load

DATA = ROOT / "data" / "roadmap.yaml"
NEW_ADDRESS = "https://example.org/a-corrected-course-page/"
NEW_WORDING = {"zh": "改写后的任务说明", "en": "A reworded task"}


EXAMPLE_ID = "zz-contributing-example"
"""The documented example course's id in this test: no real course will have it."""


def documented_course() -> str:
    """The YAML example of the "Add a course" section of data/README.md, as an editor copies it (with its id
    replaced by :data:`EXAMPLE_ID`)."""
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Add a course"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    return re.sub(r"^(  - id: )[a-z0-9-]+", rf"\g<1>{EXAMPLE_ID}", example, count=1, flags=re.M)


def edited_data(tmp_path: Path) -> tuple[Path, dict]:
    """The live data with the three edits, written as an editor would (text edits, comments kept)."""
    roadmap = load(DATA)
    text = DATA.read_text(encoding="utf-8")
    example = documented_course()
    first_course, first_task = roadmap.courses[0], roadmap.weeks[0].tasks[0]
    assert first_task.id, "the first task of week 1 is a week task of its own"
    # 1. add a course: the example appended to courses:, before the next top-level key
    courses_end = re.search(r"\n(?=[a-z_]+:\n)", text[text.index("\ncourses:\n") + 1:])
    cut = text.index("\ncourses:\n") + 1 + courses_end.start()
    text = text[:cut] + "\n" + example.rstrip("\n") + "\n" + text[cut:]
    # 2. fix an address: the first course's url
    old_url = f"    url: {first_course.url}\n"
    assert old_url in text
    text = text.replace(old_url, f"    url: {NEW_ADDRESS}\n", 1)
    # 3. reword a task: the first task of week 1, in both languages
    block = text.index(f"      - id: {first_task.id}\n")
    for lang in ("zh", "en"):
        line = f"          {lang}: {first_task.text[lang]}\n"
        at = text.index(line, block)
        text = text[:at] + f"          {lang}: {NEW_WORDING[lang]}\n" + text[at + len(line):]
    data = tmp_path / "roadmap.yaml"
    data.write_text(text, encoding="utf-8")
    added = yaml.safe_load(example)[0]
    return data, {"course": added, "course_id": first_course.id, "task_id": first_task.id}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    def make(tmp: Path) -> None:
        data, edits = edited_data(tmp)
        (tmp / "edits.yaml").write_text(yaml.safe_dump(edits), encoding="utf-8")
        built(tmp / "site", {"ROADMAP_DATA": str(data)})

    tmp = once_per_run(tmp_path_factory, "contributing", make)
    return tmp / "roadmap.yaml", tmp / "site", yaml.safe_load((tmp / "edits.yaml").read_text(encoding="utf-8"))


def test_the_data_check_accepts_the_edits(edited):
    data, _, _ = edited
    result = subprocess.run([sys.executable, "-m", "macros.data.check", str(data)], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_shows_the_edits(edited, lang: str):
    _, out, edits = edited
    course = edits["course"]
    page = HTMLParser((out / LANGS[lang] / f"courses/{course['id']}/index.html").read_text(encoding="utf-8"))
    assert course["code"] in page.css_first("h1").text()
    table = HTMLParser((out / LANGS[lang] / "courses/index.html").read_text(encoding="utf-8"))
    assert table.css_first(f'tr[data-course="{course["id"]}"]') is not None
    fixed = HTMLParser((out / LANGS[lang] / f"courses/{edits['course_id']}/index.html").read_text(encoding="utf-8"))
    assert any(a.attributes.get("href") == NEW_ADDRESS for a in fixed.css("article a"))
    weeks = HTMLParser((out / LANGS[lang] / "weeks/index.html").read_text(encoding="utf-8"))
    task = weeks.css_first(f'li.rr-task[data-task="{edits["task_id"]}"]')
    assert NEW_WORDING[lang] in task.text()


def test_no_link_is_broken_after_the_edits(edited):
    _, out, _ = edited
    assert site_links.broken(out) == []
