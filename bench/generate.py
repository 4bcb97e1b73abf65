"""Write a valid roadmap N times the size of the real one: ``python bench/generate.py N OUT.yaml``.

Courses, resources, books, community entries, stage tasks and week tasks are
repeated N times (copy k of an id is ``<id>-x<k>``, of a course code ``<code>·k``);
every copied stage task is scheduled in the week that schedules its original,
so the result passes ``python -m macros.data.check``. Topics, periods, stages and the
24 weeks stay as they are: the site grows by pages (one per course) and by rows.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LISTS = ("courses", "resources", "books", "community")


def _copy(item: dict[str, Any], k: int) -> dict[str, Any]:
    """Copy ``k`` of a record: new id; courses get a new code and no aliases (they must stay unique)."""
    clone = copy.deepcopy(item)
    clone["id"] = f"{item['id']}-x{k}"
    if "code" in clone:
        clone["code"] = f"{item['code']}·{k}"
        clone["aliases"] = [f"{alias}·{k}" for alias in item.get("aliases", [])]
    return clone


def scale(data: dict[str, Any], factor: int) -> dict[str, Any]:
    """The roadmap with its courses, resources and tasks repeated ``factor`` times."""
    out = copy.deepcopy(data)
    for name in LISTS:
        out[name] = [*data[name], *(_copy(item, k) for k in range(1, factor) for item in data[name])]
    for stage in out["stages"]:
        stage["tasks"] = [*stage["tasks"], *(_copy(t, k) for k in range(1, factor) for t in stage["tasks"])]
    for week in out["weeks"]:
        extra = []
        for k in range(1, factor):
            for task in week["tasks"]:
                if "ref" in task:
                    extra.append({"ref": f"{task['ref']}-x{k}"})
                else:
                    extra.append(_copy(task, k))
        week["tasks"] = [*week["tasks"], *extra]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times the real data (1 = a copy)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT / "data/roadmap.yaml")
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error("factor must be at least 1")
    data = yaml.safe_load(args.data.read_text(encoding="utf-8"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(scale(data, args.factor), allow_unicode=True, sort_keys=False, width=1000)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
