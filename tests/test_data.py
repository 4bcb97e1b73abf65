"""The data file and its checks: the real file passes, every kind of bad file is named precisely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import data_urls

from macros.loader import RoadmapError, load, parse
from macros.schema import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "roadmap.yaml"
TEXT = DATA.read_text(encoding="utf-8")


def replace_after(marker: str, old: str, new: str) -> str:
    """Replace the first ``old`` that comes after ``marker``."""
    start = TEXT.index(marker)
    return TEXT[:start] + replace_once(old, new, TEXT[start:])


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the data")


def errors_for(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(RoadmapError) as caught:
        parse(raw, "data/roadmap.yaml")
    return [str(error) for error in caught.value.errors]


def replace_once(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def test_real_file_loads_with_everything_of_the_roadmap():
    roadmap = load(DATA)
    assert [c.id for c in roadmap.courses] == ["cs25", "cs224n", "cs182", "cs294", "mit-6861", "cmu-11-667", "cs336"]
    assert len(roadmap.priorities) == 3
    assert len(roadmap.approach) == 4
    assert len(roadmap.self_study) == 7
    assert len(roadmap.books) == 3
    assert len(roadmap.community) == 4
    assert [(p.weeks.start, p.weeks.end) for p in roadmap.periods] == [(1, 3), (4, 6), (7, 9), (10, 13), (14, 17),
                                                                      (18, 24)]
    assert len(roadmap.stages) == 4
    assert [w.week for w in roadmap.weeks] == list(range(1, 25))
    assert len(roadmap.directions) == 4
    assert {p.name for p in roadmap.people} >= {"Chris Ré", "Percy Liang", "Jacob Andreas", "Dan Klein"}


def test_the_roadmap_task_lists_are_all_there():
    roadmap = load(DATA)
    tasks = [t.text.zh for s in roadmap.stages for t in s.tasks]
    for wording in ("Self-Attention", "Masked LM", "最小 GPT", "GPT2 和 BERT", "tokenizer", "LoRA 微调",
                    "RLHF 流程", "InstructGPT", "顶会论文", "复现一篇论文", "proposal", "开源项目"):
        assert any(wording in task for task in tasks), wording


def test_corrected_facts_are_published_with_editor_notes():
    roadmap = load(DATA)
    courses = {c.id: c for c in roadmap.courses}
    assert courses["cs25"].url == "https://web.stanford.edu/class/cs25/"
    assert "Chris Ré" not in courses["cs25"].instructors
    assert courses["cs182"].title.en == "Deep Neural Networks"
    assert courses["cs182"].url == "https://berkeley-cs182.github.io/fa25/"
    assert courses["cs182"].instructors == []
    assert "Dawn Song" in courses["cs294"].instructors
    assert courses["cs294"].url.startswith("https://llmagents-learning.org/f24")
    assert courses["mit-6861"].url == "https://mit-6861.github.io/"
    assert "Jacob Andreas" in courses["mit-6861"].instructors
    assert set(courses["cmu-11-667"].instructors) == {"Chenyan Xiong", "Daphne Ippolito"}
    assert courses["cs336"].instructors == ["Tatsunori Hashimoto", "Percy Liang"]
    for cid in ("cs25", "cs182", "cs294", "mit-6861", "cmu-11-667"):
        note = courses[cid].editor_note
        assert note and note.zh and note.en, cid
    addresses = set(data_urls(load(DATA).model_dump(mode="json")))
    for wrong in ("https://llm.int8.dev", "https://cs25.stanford.edu/", "https://web.mit.edu/6.s898/www/",
                  "https://people.eecs.berkeley.edu/~keutzer/classes/CS294/CS294.html",
                  "https://inst.eecs.berkeley.edu/~cs182/sp24/"):
        assert not any(url.rstrip("/") == wrong.rstrip("/") for url in addresses), wrong



def test_schema_file_matches_the_model():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run `make schema`"
    assert TEXT.splitlines()[0] == "# yaml-language-server: $schema=./roadmap.schema.json"


def _course_line(cid: str) -> int:
    return line_of(TEXT, f"  - id: {cid}")


# Each case: a mutation of the real file and the exact line that must come out.
BAD_CASES = {
    "missing required field": (
        lambda: replace_after("  - id: cs224n\n", "    level: intro\n", ""),
        lambda: f"data/roadmap.yaml:{_course_line('cs224n')}: courses[1].level: required field is missing",
    ),
    "wrong type": (
        lambda: replace_once("  - week: 1\n", "  - week: one\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '  - week: 1')}: weeks[0].week: "
                "Input should be a valid integer, unable to parse string as an integer (got 'one')",
    ),
    "unknown key": (
        lambda: replace_once("    code: CS224N\n", "    code: CS224N\n    colour: red\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'code: CS224N') + 1}: courses[1].colour: unknown field",
    ),
    "text without English": (
        lambda: replace_once("  title:\n    zh: LLM 研究者路线图\n    en: LLM Research Roadmap\n",
                             "  title:\n    zh: LLM 研究者路线图\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'zh: LLM 研究者路线图')}: meta.title.en: required field is missing",
    ),
    "empty text": (
        lambda: replace_once("    en: LLM Research Roadmap\n", '    en: "  "\n'),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'en: LLM Research Roadmap')}: meta.title.en: must not be empty",
    ),
    "duplicate id": (
        lambda: replace_once("  - id: cs336\n", "  - id: cs224n\n"),
        lambda: f"data/roadmap.yaml:{_course_line('cs336')}: courses[6].id: duplicate id 'cs224n' "
                "(first used at courses.1.id)",
    ),
    "javascript address": (
        lambda: replace_once("    url: https://web.stanford.edu/class/cs224n/\n", "    url: javascript:x\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'url: https://web.stanford.edu/class/cs224n/')}: courses[1].url: "
                "'javascript:x' is not an http(s) address",
    ),
    "data address": (
        lambda: replace_once("    url: https://web.stanford.edu/class/cs224n/\n",
                             "    url: 'data:text/html,<b>x</b>'\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'url: https://web.stanford.edu/class/cs224n/')}: courses[1].url: "
                "'data:text/html,<b>x</b>' is not an http(s) address",
    ),
    "relative address": (
        lambda: replace_once("    url: https://web.stanford.edu/class/cs224n/\n", "    url: ../courses/\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'url: https://web.stanford.edu/class/cs224n/')}: courses[1].url: "
                "'../courses/' is not an http(s) address",
    ),
    "bare word address": (
        lambda: replace_once("    url: https://web.stanford.edu/class/cs224n/\n", "    url: stanford\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'url: https://web.stanford.edu/class/cs224n/')}: courses[1].url: "
                "'stanford' is not an http(s) address",
    ),
    "unknown topic": (
        lambda: replace_once("    topics: [nlp-basics, transformer, attention, pretraining]\n",
                             "    topics: [nlp-basics, astrology]\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'topics: [nlp-basics, transformer, attention, pretraining]')}: "
                "courses[1].topics[1]: unknown topic 'astrology'",
    ),
    "dangling link": (
        lambda: TEXT.replace("links: [cs224n]", "links: [cs999]", 1),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, 'links: [cs224n]')}: "
                f"{_first_link_path()}: unknown link target 'cs999'",
    ),
    "unknown stage task": (
        lambda: replace_once("- ref: s1-minimal-gpt", "- ref: s1-maximal-gpt"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '- ref: s1-minimal-gpt')}: "
                f"{_ref_path('s1-minimal-gpt')}.ref: unknown stage task 's1-maximal-gpt'",
    ),
    "week outside 1-24": (
        lambda: replace_once("  - week: 24\n", "  - week: 25\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '  - week: 24')}: weeks[23].week: "
                "week 25 is after the plan's last week (24, from the periods)",
    ),
    "week repeated": (
        lambda: replace_once("  - week: 2\n", "  - week: 1\n"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '  - week: 2')}: weeks[1].week: week 1 is listed twice",
    ),
    "week outside its period": (
        lambda: _swap_period_of_week(5, "period-research-writing"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '  - week: 5')}: weeks[4].week: week 5 is outside its period "
                "'period-research-writing' (18-24)",
    ),
    "unknown period": (
        lambda: _swap_period_of_week(5, "period-nowhere"),
        lambda: f"data/roadmap.yaml:{line_of(TEXT, '  - week: 5') + 1}: weeks[4].period: "
                "unknown period 'period-nowhere'",
    ),
}


def _first_link_path() -> str:
    """Field path of the first `links: [cs224n]` in the file (the first priority)."""
    return "priorities[0].links[0]"


def _ref_path(ref: str) -> str:
    from macros.loader import load as real_load

    for w, week in enumerate(real_load(DATA).weeks):
        for t, task in enumerate(week.tasks):
            if task.ref == ref:
                return f"weeks[{w}].tasks[{t}]"
    raise AssertionError(ref)


def _swap_period_of_week(week: int, period: str) -> str:
    marker = f"  - week: {week}\n"
    line = TEXT[TEXT.index(marker):].splitlines()[1]
    assert line.startswith("    period: "), line
    return replace_after(marker, line, f"    period: {period}")


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_data_is_named_by_file_line_and_field(case: str):
    mutate, expected = BAD_CASES[case]
    assert expected() in errors_for(mutate())


def test_missing_week_is_reported():
    start = TEXT.index("  - week: 7\n")
    end = TEXT.index("  - week: 8\n")
    errors = errors_for(TEXT[:start] + TEXT[end:])
    assert any(e.endswith("weeks: missing weeks: 7") for e in errors), errors


def test_all_problems_are_reported_at_once():
    text = replace_once("    url: https://web.stanford.edu/class/cs224n/\n", "    url: javascript:x\n")
    text = replace_once("  - week: 24\n", "  - week: 0\n", text)
    text = replace_once("    code: CS224N\n", "    code: CS224N\n    colour: red\n", text)
    assert len(errors_for(text)) == 3


@pytest.mark.parametrize(("raw", "expected"), [
    (b"meta: [1, 2\ntopics: []\n", "data/roadmap.yaml:2: YAML syntax error: expected ',' or ']', but got ':'"),
    (b"", "data/roadmap.yaml:1: file is empty"),
    (b"# only a comment\n", "data/roadmap.yaml:1: file is empty"),
    (b"- a\n- b\n", "data/roadmap.yaml:1: the file must be a mapping, not list"),
    (b"meta: 1\n\xff\xfe oops\n", "data/roadmap.yaml:2: not UTF-8 (byte 0xff at offset 8)"),
    (b"meta: 1\nmeta: 2\n", "data/roadmap.yaml:2: duplicate key 'meta'"),
    (b"a: &x [1]\nb: *x\n", "data/roadmap.yaml:1: YAML anchors and aliases are not allowed"),
])
def test_unreadable_files_get_one_clear_line(raw: bytes, expected: str):
    assert errors_for(raw) == [expected]


def test_alias_bomb_is_rejected_without_expanding():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert errors_for("\n".join(lines)) == ["data/roadmap.yaml:1: YAML anchors and aliases are not allowed"]


def test_check_command_prints_lines_and_fails_without_traceback(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(replace_once("    url: https://web.stanford.edu/class/cs224n/\n", "    url: javascript:x\n"),
                   encoding="utf-8")
    result = subprocess.run(["make", "-s", "check", f"DATA={bad}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{bad}:{line_of(TEXT, 'url: https://web.stanford.edu/class/cs224n/')}: courses[1].url: " \
           "'javascript:x' is not an http(s) address" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    good = subprocess.run([sys.executable, "-m", "macros.check", str(DATA)], cwd=ROOT, capture_output=True, text=True)
    assert good.returncode == 0 and "ok (7 courses, 24 weeks" in good.stdout
