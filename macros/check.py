"""Command line: validate a roadmap data file, ``python -m macros.check [FILE]``.

Problems fail the check; facts checked more than 12 months ago are printed as warnings.
"""

from __future__ import annotations

import datetime
import sys

from macros.loader import RoadmapError, load_once
from macros.staleness import stale, warning_lines

DEFAULT = "data/roadmap.yaml"


def main(argv: list[str] | None = None) -> int:
    """Print one line per problem; exit status 1 when there is any."""
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else DEFAULT
    try:
        roadmap = load_once(path)
    except RoadmapError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{path}: {len(exc.errors)} problem(s)", file=sys.stderr)
        return 1
    for line in warning_lines(path, stale(roadmap, datetime.date.today())):
        print(line, file=sys.stderr)
    tasks = sum(len(week.tasks) for week in roadmap.weeks)
    print(f"{path}: ok ({len(roadmap.courses)} courses, {len(roadmap.weeks)} weeks, {tasks} week tasks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
