"""Write the JSON Schema of the data file: ``python -m macros.data.schema [--check]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.model import Roadmap

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "data" / "roadmap.schema.json"


def schema_text() -> str:
    """The model's JSON Schema, as written to ``data/roadmap.schema.json``."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Roadmap.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        if SCHEMA_FILE.read_text(encoding="utf-8") != schema_text():
            print(f"{SCHEMA_FILE.name} is out of date: run `make schema`", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
