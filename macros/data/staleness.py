"""Facts checked too long ago: ``make check`` warns about them, the weekly link report lists them.

A fact is stale when its record's ``checked`` date is more than :data:`MAX_AGE` before today:
courses change terms, instructors and addresses every year, and readers should not be the ones
to find out. ``python -m macros.data.staleness [--markdown] [--today YYYY-MM-DD] [FILE]`` prints the list.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass

from macros.data.loader import RoadmapError, load
from macros.data.model import Roadmap, Sourced

MAX_AGE = datetime.timedelta(days=365)
"""How old a check may be (12 months)."""
LISTS = ("courses", "resources", "books", "community", "people")
"""The lists whose records carry a check date."""


@dataclass(frozen=True)
class Stale:
    """A record whose facts were last checked too long ago."""

    field: str
    """Where it is in the data, e.g. ``courses[2]``."""
    id: str
    checked: datetime.date
    age: datetime.timedelta


def stale(roadmap: Roadmap, today: datetime.date) -> list[Stale]:
    """Every record checked more than :data:`MAX_AGE` before ``today``, oldest first."""
    found = []
    for name in LISTS:
        for index, record in enumerate(getattr(roadmap, name)):
            assert isinstance(record, Sourced)
            age = today - record.checked
            if age > MAX_AGE:
                found.append(Stale(f"{name}[{index}]", record.id, record.checked, age))
    return sorted(found, key=lambda item: item.checked)


def warning_lines(path: str, items: list[Stale]) -> list[str]:
    """One ``file: field: message`` warning per stale record."""
    return [
        f"{path}: {item.field}: warning: {item.id!r} was last checked on {item.checked} "
        f"({item.age.days} days ago); check its sources again and update 'checked'"
        for item in items
    ]


def markdown(items: list[Stale], today: datetime.date) -> str:
    """A report for a job summary: a table of the stale records, or a line saying there are none."""
    head = f"## Facts checked more than {MAX_AGE.days} days before {today}\n\n"
    if not items:
        return head + "None: every fact was checked within the last 12 months.\n"
    rows = "".join(f"| `{item.id}` | {item.field} | {item.checked} | {item.age.days} |\n" for item in items)
    return head + "| record | field | checked | days ago |\n| --- | --- | --- | --- |\n" + rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.data.staleness", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default="data/roadmap.yaml")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--markdown", action="store_true", help="print a Markdown report instead of warnings")
    args = parser.parse_args(argv)
    try:
        roadmap = load(args.file)
    except RoadmapError as exc:
        print(exc, file=sys.stderr)
        return 1
    items = stale(roadmap, args.today)
    if args.markdown:
        print(markdown(items, args.today), end="")
    else:
        for line in warning_lines(args.file, items):
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
