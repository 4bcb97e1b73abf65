"""Shared fixtures: one real build of the site per session, a local server, a real Chromium."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests import prerequisites

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def data_urls(value: object) -> list[str]:
    """Every value of a ``url`` field, anywhere in dumped roadmap data."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "url" and v] + [u for v in value.values() for u in data_urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in data_urls(v)]
    return []


def build_site(out: Path, project: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real bilingual build of ``project`` into ``out``."""
    return subprocess.run(
        [sys.executable, "-m", "macros.site", "build", "--out", str(out)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from data/roadmap.yaml."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def read_page(site: Path):
    """Parse a built page: ``read_page("en/courses/")``."""

    @functools.cache
    def read(path: str) -> HTMLParser:
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        return HTMLParser(file.read_text(encoding="utf-8"))

    return read


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on loopback."""
    server, url = serve(site)
    yield url
    server.shutdown()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that opens the browser is marked ``browser`` (``make test-fast`` leaves them out)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium driven by Playwright, with the fonts the print tests read back.

    A missing browser or font stops the run with the line that says what to install
    (``make test`` installs them first, where it may).
    """
    from playwright.sync_api import sync_playwright

    problems = prerequisites.ensure(["chromium", "cjk-fonts"], may_install=False)
    if problems:
        pytest.exit("\n".join(problems), returncode=1)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=prerequisites.chromium_path(), args=CHROMIUM_ARGS, env=prerequisites.browser_env(),
        )
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser, base_url: str):
    """Open pages, each in a fresh browser context with its own options (viewport, colour scheme, …).

    The test fails if any page it opened logged a console error or threw.
    """
    contexts = []
    errors: list[str] = []

    def open_with(**options: object):
        context = browser.new_context(base_url=base_url, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        return tab

    yield open_with
    for context in contexts:
        context.close()
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def page(open_page):
    """A fresh browser page that can download; fails the test on any console error or page error."""
    return open_page(accept_downloads=True)
