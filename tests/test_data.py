"""The data file and its checks: the model's rules on small fixtures, the live file as it stands."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import data_urls
from live_data import WRONG_ADDRESSES, WRONG_INSTRUCTORS

from macros.data import loader
from macros.data.loader import RoadmapError, load, parse
from macros.data.schema import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "roadmap.yaml"
FIXTURES = Path(__file__).with_name("fixtures")
MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = yaml.safe_load((FIXTURES / "broken.yaml").read_text(encoding="utf-8"))


def errors_for(text: str | bytes, name: str = "minimal.yaml") -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(RoadmapError) as caught:
        parse(raw, name)
    return [str(error) for error in caught.value.errors]


def broken(case: dict) -> str:
    assert MINIMAL.count(case["old"]) >= 1, case["name"]
    return MINIMAL.replace(case["old"], case["new"], 1)


# ---- the model's rules, on fixtures ------------------------------------------------------------------------


def test_minimal_fixture_is_valid():
    roadmap = parse(MINIMAL.encode("utf-8"), "minimal.yaml")
    assert [c.id for c in roadmap.courses] == ["course-a"]


@pytest.mark.parametrize("case", BROKEN, ids=[case["name"] for case in BROKEN])
def test_bad_data_is_named_by_file_line_and_field(case: dict):
    errors = errors_for(broken(case))
    assert case["error"].format(today=datetime.date.today().isoformat()) in errors, errors


def test_missing_week_is_reported():
    start, end = MINIMAL.index("  - week: 2\n"), MINIMAL.index("directions:")
    errors = errors_for(MINIMAL[:start] + MINIMAL[end:])
    assert any(e.endswith("weeks: missing weeks: 2") for e in errors), errors


def test_all_problems_are_reported_at_once():
    cases = [c for c in BROKEN if c["name"] in ("javascript address", "unknown key", "wrong type")]
    text = MINIMAL
    for case in cases:
        text = text.replace(case["old"], case["new"], 1)
    errors = errors_for(text)
    assert len(errors) == 3, errors


@pytest.mark.parametrize(("raw", "expected"), [
    (b"meta: [1, 2\ntopics: []\n", "minimal.yaml:2: YAML syntax error: expected ',' or ']', but got ':'"),
    (b"", "minimal.yaml:1: file is empty"),
    (b"# only a comment\n", "minimal.yaml:1: file is empty"),
    (b"- a\n- b\n", "minimal.yaml:1: the file must be a mapping, not list"),
    (b"meta: 1\n\xff\xfe oops\n", "minimal.yaml:2: not UTF-8 (byte 0xff at offset 8)"),
    (b"meta: 1\nmeta: 2\n", "minimal.yaml:2: duplicate key 'meta'"),
    (b"a: &x [1]\nb: *x\n", "minimal.yaml:1: YAML anchors and aliases are not allowed"),
    (b"meta: 1\n? [a, b]\n: 1\n", "minimal.yaml:2: a key must be a plain word, not a list or mapping "
                                   "('? ...' keys are not allowed)"),
    (b"meta:\n  <<: {title: x}\n  title: y\n",
     "minimal.yaml:2: YAML merge keys ('<<') are not allowed: write each key out"),
    (b"meta: " + b"[" * 41 + b"]" * 41 + b"\n", "minimal.yaml:1: nested more than 40 levels deep"),
    (b"meta: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
     "minimal.yaml:1: YAML syntax error: exceeded maximum nesting depth"),
])
def test_unreadable_files_get_one_clear_line(raw: bytes, expected: str):
    assert errors_for(raw) == [expected]


def test_a_file_too_large_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(loader, "MAX_BYTES", 10)
    assert errors_for(b"meta: 1\ntopics: []\n") == ["minimal.yaml:1: file is larger than 10 bytes"]


@pytest.mark.parametrize("path", ["/dev/zero", "/"])
def test_a_path_that_is_not_a_regular_file_is_refused_at_once(path: str):
    with pytest.raises(RoadmapError) as caught:
        load(path)
    assert [str(e) for e in caught.value.errors] == [f"{path}:1: not a regular file"]


def test_a_large_file_is_worded_by_libyaml_without_parsing_it_again(monkeypatch):
    monkeypatch.setattr(loader, "REPARSE_BYTES", 10)
    assert errors_for(b"meta: [1, 2\ntopics: []\n") == [
        "minimal.yaml:2: YAML syntax error: did not find expected ',' or ']'"]


def test_alias_bomb_is_rejected_without_expanding():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert errors_for("\n".join(lines)) == ["minimal.yaml:1: YAML anchors and aliases are not allowed"]


@pytest.mark.parametrize("target", ["check", "build"])
def test_make_reads_the_data_file_named_by_data_and_prints_lines_without_traceback(tmp_path: Path, target: str):
    """``make check DATA=path`` and ``make build DATA=path`` read that file: here a broken one (the build stops
    before it writes anything)."""
    case = next(c for c in BROKEN if c["name"] == "javascript address")
    bad = tmp_path / "minimal.yaml"
    bad.write_text(broken(case), encoding="utf-8")
    result = subprocess.run(["make", "-s", target, f"DATA={bad}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{tmp_path}/{case['error']}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_check_command_passes_a_good_file():
    good = subprocess.run([sys.executable, "-m", "macros.data.check", str(FIXTURES / "minimal.yaml")],
                          cwd=ROOT, capture_output=True, text=True)
    assert good.returncode == 0 and "ok (1 courses, 2 weeks" in good.stdout


def test_a_lookalike_host_is_warned_about_but_not_refused(tmp_path: Path):
    lookalike = tmp_path / "minimal.yaml"
    lookalike.write_text(MINIMAL.replace("    url: https://example.org/test101/\n",
                                         "    url: https://exаmple.org/test101/\n", 1), encoding="utf-8")  # а: Cyrillic
    result = subprocess.run([sys.executable, "-m", "macros.data.check", str(lookalike)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert (f"{lookalike}: courses[0].url: warning: the host label 'exаmple' of 'https://exаmple.org/test101/' is "
            "written in cyrillic and latin letters, which can pass for another site's: make sure it is the site you "
            "mean") in result.stderr.splitlines()


def test_schema_file_matches_the_model():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run `make schema`"
    assert DATA.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=./roadmap.schema.json"


# ---- the live file -------------------------------------------------------------------------------------------


def test_live_file_is_valid_and_covers_every_stage_task():
    roadmap = load(DATA)
    scheduled = {task.ref for week in roadmap.weeks for task in week.tasks if task.ref}
    assert scheduled == {task.id for stage in roadmap.stages for task in stage.tasks}


def test_corrections_stay_corrected():
    roadmap = load(DATA)
    addresses = {url.rstrip("/") for url in data_urls(roadmap.model_dump(mode="json"))}
    assert not [wrong for wrong in WRONG_ADDRESSES if wrong.rstrip("/") in addresses]
    courses = {course.id: course for course in roadmap.courses}
    for course_id, names in WRONG_INSTRUCTORS.items():
        if course_id in courses:
            assert not set(names) & set(courses[course_id].instructors), course_id


def test_chinese_interface_strings_use_full_width_punctuation():
    from macros.content.i18n import strings
    from macros.data.glossary import chinese_punctuation, mixed_brackets

    bad = {key: value["zh"] for key, value in strings().items()
           if chinese_punctuation(value["zh"]) or mixed_brackets(value["zh"]) or mixed_brackets(value["en"])}
    assert bad == {}
