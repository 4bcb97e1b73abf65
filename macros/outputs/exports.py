"""Files offered for download, written from the validated model."""

from __future__ import annotations

import csv
import io
import json

from macros.content.index import RoadmapIndex
from macros.content.library import papers_bib, papers_json
from macros.data.model import Roadmap

CSV_COLUMNS = (
    "id", "code", "title_zh", "title_en", "institution_zh", "institution_en", "offering_en",
    "instructors", "level", "url", "videos", "videos_url", "topics", "stages", "checked", "sources", "unverified_en",
    "origin", "prerequisites_en", "workload_en", "assignments", "assignments_url", "language",
)
"""Columns of ``courses.csv``; a fact the data does not have (not confirmed) is an empty cell."""


def roadmap_json(roadmap: Roadmap) -> str:
    """The whole validated roadmap as JSON (UTF-8, stable key order)."""
    return json.dumps(roadmap.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list): such a cell is written after a quote."""


def spreadsheet_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs: a leading ``'`` makes a would-be formula text."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def courses_csv(roadmap: Roadmap) -> str:
    """One row per course, both languages side by side.

    UTF-8 with a byte-order mark, which Excel needs to read Chinese; no cell starts a formula.
    """
    index = RoadmapIndex(roadmap)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for c in roadmap.courses:
        used = index.usage.get(c.id)
        writer.writerow(spreadsheet_cell(cell) for cell in [
            c.id, c.code, c.title.zh, c.title.en, c.institution.zh, c.institution.en, c.offering.en,
            "; ".join(c.instructors), c.level.value, c.url, c.videos.access,
            c.videos.url or "", " ".join(c.topics), " ".join(s.id for s in used.stages) if used else "",
            c.checked.isoformat(), " ".join(source.url for source in c.sources),
            c.unverified.en if c.unverified else "", "editors' addition" if c.added else "roadmap",
            c.prerequisites.en if c.prerequisites else "", c.workload.en if c.workload else "",
            c.assignments.access, c.assignments.url or "", c.language or "",
        ])
    return out.getvalue()


DOWNLOADS = {
    "downloads/roadmap.json": roadmap_json, "downloads/courses.csv": courses_csv,
    "downloads/papers.bib": papers_bib, "downloads/papers.json": papers_json,
}
"""Site path → writer."""
