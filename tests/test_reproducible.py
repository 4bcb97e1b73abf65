"""Reproducible builds: two builds of one commit are byte-identical, and every date they write
comes from SOURCE_DATE_EPOCH (by default the time of the last commit), never from the clock."""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import ROOT, built, once_per_run

from macros.engine.site import source_date_epoch

EPOCH = 1_000_000_000  # 2001-09-09T01:46:40Z, a date no clock will show
SITE_URL = "https://example.test/roadmap/"


def _digests(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def _gzip_mtime(path: Path) -> int:
    return struct.unpack("<I", path.read_bytes()[4:8])[0]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[date]]:
    """Two full builds of this tree into different folders, with different hash seeds (once per test run)."""

    def make(base: Path) -> None:
        days = {datetime.now(UTC).date()}
        for name, seed in (("first", "1"), ("second", "2")):
            env = {"SOURCE_DATE_EPOCH": str(EPOCH), "SITE_URL": SITE_URL, "PYTHONHASHSEED": seed}
            built(base / name / "site", env)
        days.add(datetime.now(UTC).date())
        (base / "days").write_text(" ".join(sorted(day.isoformat() for day in days)), encoding="utf-8")

    base = once_per_run(tmp_path_factory, "reproducible", make)
    days = {date.fromisoformat(day) for day in (base / "days").read_text(encoding="utf-8").split()}
    return base / "first" / "site", base / "second" / "site", days


def test_two_builds_are_byte_identical(builds):
    first, second, _ = builds
    a, b = _digests(first), _digests(second)
    assert a.keys() == b.keys(), sorted(a.keys() ^ b.keys())
    differing = sorted(name for name in a if a[name] != b[name])
    assert not differing, f"files that differ between two builds of the same tree: {differing}"
    assert len(a) > 50


def test_sitemaps_carry_the_source_date(builds):
    first, _, _ = builds
    day = datetime.fromtimestamp(EPOCH, UTC).strftime("%Y-%m-%d")
    for folder in (first, first / "en"):
        sitemap = (folder / "sitemap.xml").read_text(encoding="utf-8")
        lastmods = re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)
        assert lastmods, f"{folder}/sitemap.xml lists no page"
        assert set(lastmods) == {day}
        packed = folder / "sitemap.xml.gz"
        assert gzip.decompress(packed.read_bytes()).decode("utf-8") == sitemap
        assert _gzip_mtime(packed) == int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


def test_no_output_carries_the_build_day(builds):
    first, _, days = builds
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "data").rglob("*.yaml"))
    stamps = [
        stamp for day in days for stamp in (day.strftime("%Y-%m-%d"), day.strftime("%Y%m%d"))
        if stamp not in sources  # a date the data itself states (e.g. when facts were checked) is content
    ]
    leaks = []
    for path in first.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".ics", ".txt", ".js", ".css"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            leaks += [f"{path.relative_to(first)}: {stamp}" for stamp in stamps if stamp in text]
    assert not leaks, f"build outputs that carry today's date instead of SOURCE_DATE_EPOCH: {leaks}"


def test_build_date_defaults_to_the_last_commit(monkeypatch: pytest.MonkeyPatch):
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch() == commit.stdout.strip()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "123")
    assert source_date_epoch() == "123"
    # a build given no SOURCE_DATE_EPOCH dates its sitemap from the commit: tests/test_quality_meta.py
