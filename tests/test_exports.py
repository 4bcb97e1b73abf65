"""The downloads written from the model, on a fixture: a spreadsheet opens courses.csv as text, in Chinese."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from macros.data.loader import load
from macros.outputs.exports import courses_csv

MINIMAL = load(Path(__file__).with_name("fixtures") / "minimal.yaml")


@pytest.mark.parametrize("formula", ["=HYPERLINK(\"https://evil.example\",\"CS\")", "+1+cmd|' /C calc'!A0", "-2+3",
                                     "@SUM(A1:A2)"])
def test_a_cell_that_would_start_a_formula_is_written_as_text(formula: str):
    course = MINIMAL.courses[0]
    roadmap = MINIMAL.model_copy(update={"courses": [course.model_copy(update={
        "code": formula, "instructors": [formula], "title": course.title.model_copy(update={"en": formula})})]})
    raw = courses_csv(roadmap)
    row = next(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
    assert row["code"] == row["instructors"] == row["title_en"] == "'" + formula
    assert row["id"] == course.id  # other cells as they are


def test_the_file_starts_with_a_byte_order_mark_and_reads_back_in_chinese():
    raw = courses_csv(MINIMAL).encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["title_zh"] == MINIMAL.courses[0].title.zh
