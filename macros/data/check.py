"""Command line: validate a roadmap data file, ``python -m macros.data.check [FILE]``.

Problems fail the check; facts checked more than 12 months ago, and addresses whose host may pass for another
site's, are printed as warnings.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator

from macros.data.addresses import lookalike
from macros.data.loader import RoadmapError, data_file, field_name, load_once
from macros.data.model import Location, Roadmap
from macros.data.staleness import stale, warning_lines


def _addresses(value: object, path: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every address of the data (a ``url`` field anywhere), with its place."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield (*path, key), item
            else:
                yield from _addresses(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _addresses(item, (*path, i))


def lookalike_lines(path: str, roadmap: Roadmap) -> list[str]:
    """One ``file: field: warning: message`` per address whose host may pass for another site's."""
    found = ((where, lookalike(url)) for where, url in _addresses(roadmap.model_dump(mode="json")))
    return [f"{path}: {field_name(where)}: warning: {message}" for where, message in found if message]


def main(argv: list[str] | None = None) -> int:
    """Print one line per problem; exit status 1 when there is any."""
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else str(data_file())
    try:
        roadmap = load_once(path)
    except RoadmapError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{path}: {len(exc.errors)} problem(s)", file=sys.stderr)
        return 1
    for line in [*warning_lines(path, stale(roadmap, datetime.date.today())), *lookalike_lines(path, roadmap)]:
        print(line, file=sys.stderr)
    tasks = sum(len(week.tasks) for week in roadmap.weeks)
    print(f"{path}: ok ({len(roadmap.courses)} courses, {len(roadmap.weeks)} weeks, {tasks} week tasks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
