"""Every link of the real build resolves, both languages: checked in-process over the built files (every
``href`` and ``src`` names a file, every ``#fragment`` an id on it), in well under a second, whatever the
machine's speed.

LinkChecker (.github/linkcheck/check.py) runs over the deployed build in CI and, fetching external addresses,
in the weekly job; the tests below check that script on tiny sites of their own.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import site_links
from conftest import SITE_URL, serve

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".github/linkcheck/check.py"


def _load_checker():
    spec = importlib.util.spec_from_file_location("linkcheck_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


check = _load_checker()


@pytest.fixture(scope="session")
def site_link_list(site: Path) -> list[site_links.Link]:
    return site_links.links(site, urlsplit(SITE_URL).path or "/")


def _page(html: str) -> str:
    head = '<head><meta charset="utf-8"><title>t</title></head>'
    return f'<!doctype html><html lang="en">{head}<body>{html}</body></html>'


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny site with one of each kind of fault the check must catch."""
    root = tmp_path_factory.mktemp("broken") / "site"
    (root / "en").mkdir(parents=True)
    (root / "other").mkdir()
    (root / "index.html").write_text(_page(
        '<h1 id="top">Home</h1><a href="en/">en</a> <a href="other/#present">ok</a> <a href="#top">top</a> '
        '<a href="other/#missing">bad anchor</a> <a href="gone/">gone</a> '
        '<a href="https://example.org/fine">external, well formed</a> '
        '<a href="https://example.org:99999/x">external, bad port</a>'
    ), encoding="utf-8")
    (root / "en/index.html").write_text(_page('<a href="../">中文</a>'), encoding="utf-8")
    (root / "other/index.html").write_text(_page('<h2 id="present">Here</h2>'), encoding="utf-8")
    return root


def test_no_broken_internal_links_or_anchors(site_link_list):
    broken = [link for link in site_link_list if link.problem]
    assert not broken, "\n".join(f"{link.page}: {link.address}: {link.problem}" for link in broken)


def test_every_page_of_both_languages_is_linked_from_another(site_link_list, site: Path):
    reached = {link.target for link in site_link_list if link.target}
    pages = {path.relative_to(site).as_posix() for path in site.rglob("index.html") if path.parent != site / "search"}
    assert {"index.html", "en/index.html"} <= pages
    unreached = sorted(pages - reached)
    assert not unreached, f"built pages no link leads to: {unreached}"


def test_internal_anchors_and_external_addresses_are_among_the_checked(site_link_list):
    anchored = [link for link in site_link_list if "#" in link.address and not link.address.startswith("http")]
    assert len(anchored) > 20, "the site's #anchors should be among the checked addresses"
    external = [link for link in site_link_list if link.address.startswith(("http://", "https://"))]
    assert len(external) > 20, "the roadmap's course and paper addresses should be listed"


def test_the_check_catches_missing_pages_anchors_and_malformed_addresses(broken_site: Path):
    found = {(link.page, link.address): link.problem for link in site_links.broken(broken_site)}
    assert found == {
        ("index.html", "gone/"): "no file /gone/",
        ("index.html", "other/#missing"): "no id 'missing' on /other/",
        ("index.html", "https://example.org:99999/x"): "not an address a browser can open",
    }


def test_linkchecker_script_catches_missing_pages_anchors_and_malformed_addresses(broken_site: Path):
    links, text = check.check_site(broken_site, threads=1)
    broken = {link.address.rsplit("/", 2)[-2] + "/" + link.address.rsplit("/", 1)[-1]: link
              for link in links if link.broken}
    assert set(broken) == {"gone/", "other/#missing", "example.org:99999/x"}, text
    assert "Anchor `missing'" in broken["other/#missing"].warnings
    assert "404" in broken["gone/"].result
    fine = next(link for link in links if link.address == "https://example.org/fine")
    assert fine.valid and "checked only syntax" in fine.info
    # the report names page, address and status, with site paths rather than the random port
    assert "| / | /gone/ | 404 File not found |" in text
    assert "| / | /other/#missing | 200 OK; Anchor `missing'" in text


def test_command_line_fails_on_broken_links_and_writes_the_report(broken_site: Path, tmp_path: Path):
    report = tmp_path / "report.md"
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(broken_site), "--report", str(report)],
        capture_output=True, text=True, timeout=300, env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"\*\*[1-9][0-9]* broken\*\*", result.stdout)
    assert report.read_text(encoding="utf-8").strip() == result.stdout.strip()
    assert summary.read_text(encoding="utf-8").strip() == result.stdout.strip()
    not_a_site = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True)
    assert not_a_site.returncode == 2


def test_every_skipped_host_has_a_reason():
    skips = check.skipped_patterns()
    assert skips, "linkcheckerrc lists the hosts that refuse robots or rate-limit"
    for skip in skips:
        re.compile(skip.pattern)
        assert len(skip.reason) > 15, f"{skip.pattern}: give the reason on a '# reason:' line above it"
    assert any(re.search(skip.pattern, "https://www.youtube.com/watch?v=x") for skip in skips)


def test_weekly_mode_fetches_external_addresses_and_names_every_skip(tmp_path: Path):
    # a second local server stands in for the outside world (another port is another host)
    outside = tmp_path / "outside"
    (outside / "ok").mkdir(parents=True)
    (outside / "moved").mkdir()
    (outside / "ok/index.html").write_text(_page("fine"), encoding="utf-8")
    (outside / "moved/index.html").write_text(_page("moved"), encoding="utf-8")
    (outside / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    server, there = serve(outside)
    try:
        site = tmp_path / "site"
        (site / "en").mkdir(parents=True)
        (site / "index.html").write_text(_page(
            f'<a href="en/">en</a> <a href="{there}ok/">ok</a> <a href="{there}moved">moved</a> '
            f'<a href="{there}gone/">gone</a> <a href="{there}private/page">private</a> '
            '<a href="https://www.youtube.com/watch?v=x">video</a>'
        ), encoding="utf-8")
        (site / "en/index.html").write_text(_page('<a href="../">中文</a>'), encoding="utf-8")
        with check.served(site) as base:
            _status, links = check.run_linkchecker(base, extern=True, threads=1)
            text = check.report(links, True, check.skipped_patterns(), base)
    finally:
        server.shutdown()
    by_address = {link.address.removeprefix(there): link for link in links if link.address.startswith(there)}
    assert by_address["ok/"].valid and not by_address["ok/"].broken
    assert by_address["gone/"].broken and "404" in by_address["gone/"].result
    moved = by_address["moved"]
    assert moved.valid and "Redirected" in moved.warnings and not moved.broken  # moved, not dead
    assert "robots.txt" in by_address["private/page"].info and by_address["private/page"].valid
    assert [link.address for link in links if link.broken] == [there + "gone/"], text
    assert f"| / | {there}gone/ | 404" in text
    assert "### Warnings on external addresses (1, not failing)" in text
    assert f"| {there}private/page | the host's robots.txt refuses robots |" in text
    assert "| https://www.youtube.com/watch?v=x | YouTube answers automated requests" in text
