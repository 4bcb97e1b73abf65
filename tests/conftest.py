"""Shared fixtures: one real build of the site per test run, a local server, a real Chromium.

The build is made once per run, whatever the number of pytest-xdist workers: the first worker that needs it
builds it, the others wait for it and read the same files (:func:`once_per_run`). ``TEST_SITE=DIR`` (with
``TEST_SITE_URL``, the address it was built for) tests a site built before, as CI does with the build it deploys.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from filelock import FileLock
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests import prerequisites

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PUBLISHED_AT = "https://roadmap.example/repo/"
"""The address the tests build the site for: a host and a folder, as GitHub Pages publishes a project (a reserved
name, never resolved). The browser tests serve the build under the same folder."""
GIVEN_SITE = os.environ.get("TEST_SITE", "").strip()
"""A site built before (``TEST_SITE``) that the tests read instead of building one."""
SITE_URL = os.environ.get("TEST_SITE_URL", "").strip() if GIVEN_SITE else PUBLISHED_AT
"""The address the site under test was built for."""


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
        [sys.executable, "-m", "macros.engine.site", "build", "--out", str(out)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600,
    )


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """``make(folder)`` once per test run, its folder shared by every pytest-xdist worker.

    The first worker to ask makes it while holding a lock; the others wait for the lock and find it made. A
    make that fails leaves nothing done: the next to ask tries again (and fails the same way).
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, done = root / f"once-{name}", root / f"once-{name}.done"
    with FileLock(root / f"once-{name}.lock"):
        if not done.exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            done.touch()
    return folder


def shared_result(tmp_path_factory: pytest.TempPathFactory, name: str, compute: Callable[[], object]) -> object:
    """``compute()`` once per test run, whatever the xdist workers: its result (JSON) is kept for the others."""

    def make(folder: Path) -> None:
        (folder / "result.json").write_text(json.dumps(compute()), encoding="utf-8")

    return json.loads((once_per_run(tmp_path_factory, name, make) / "result.json").read_text(encoding="utf-8"))


def built(out: Path, env: dict[str, str] | None = None) -> Path:
    """Build the project into ``out``; fail with the build's output if it fails."""
    result = build_site(out, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per run from data/roadmap.yaml for its address (:data:`SITE_URL`)."""
    if GIVEN_SITE:
        given = Path(GIVEN_SITE).resolve()
        if not (given / "index.html").is_file() or not SITE_URL:
            pytest.exit(f"TEST_SITE={GIVEN_SITE}: give a built site and its address in TEST_SITE_URL", returncode=4)
        return given
    folder = once_per_run(tmp_path_factory, "site", lambda folder: built(folder / "site", {"SITE_URL": SITE_URL}))
    return folder / "site"


@pytest.fixture(scope="session")
def read_page(site: Path):
    """Parse a built page: ``read_page("en/courses/")``."""

    @functools.cache
    def read(path: str) -> HTMLParser:
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        return HTMLParser(file.read_text(encoding="utf-8"))

    return read


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files under a folder of the address (``/`` or, as on GitHub Pages, ``/repo/``); 404 outside it."""

    folder = "/"

    def send_head(self) -> object:
        if not self.path.startswith(self.folder):
            self.send_error(404, f"outside {self.folder}")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.folder):])

    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    """A loopback server that leaves out the browser's dropped connections (a page closed mid-download), which
    are no fault of the site, and reports any other error as the standard server does."""

    def handle_error(self, request: object, client_address: tuple) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, folder: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 on a free port, at ``folder`` of the address (``/repo/``)."""
    handler = type("Handler", (_QuietHandler,), {"folder": folder})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{folder}"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on loopback, under the folder of its address (as GitHub Pages serves it)."""
    server, url = serve(site, urlsplit(SITE_URL).path or "/")
    yield url
    server.shutdown()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--shard", metavar="N/M", help="run only the Nth of M consecutive parts of the selected tests "
                     "(CI's parallel jobs); consecutive, so that the tests of one page or one build stay together")


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Iterator[None]:
    """Every test that opens the browser is marked ``browser`` (``make test-fast`` leaves them out); then, once
    ``-m`` and ``-k`` have chosen, ``--shard N/M`` keeps the Nth of M consecutive parts."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    yield
    shard = config.getoption("--shard")
    if shard:
        number, count = (int(part) for part in shard.split("/"))
        if not 1 <= number <= count:
            raise pytest.UsageError(f"--shard {shard}: N must be 1 to M")
        part = items[len(items) * (number - 1) // count:len(items) * number // count]
        kept = set(map(id, part))
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in kept])
        items[:] = part


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


def watch_errors(tab, errors: list[str]) -> None:
    """Collect the console errors and uncaught exceptions of a tab in ``errors``."""
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))


@pytest.fixture
def open_page(browser, base_url: str):
    """Open pages, each in a fresh browser context with its own options (viewport, colour scheme, …): a first
    visit, with an empty cache, or a second browser.

    The test fails if any page it opened logged a console error or threw.
    """
    contexts = []
    errors: list[str] = []

    def open_with(**options: object):
        context = browser.new_context(base_url=base_url, **options)
        contexts.append(context)
        tab = context.new_page()
        watch_errors(tab, errors)
        return tab

    yield open_with
    for context in contexts:
        context.close()
    assert not errors, f"console errors: {errors}"


STORAGE = ",".join([
    "cookies", "local_storage", "indexeddb", "websql", "service_workers", "cache_storage", "file_systems",
    "shared_storage", "storage_buckets",
])
"""What a test's page may leave in its origin (CDP ``Storage.clearDataForOrigin``): everything but the HTTP cache."""


@pytest.fixture(scope="session")
def warm_context(browser, base_url: str):
    """One browser context per test process, for :func:`page`; its HTTP cache outlives each test, its storage does
    not. A keeper tab holds the DevTools session that clears the storage."""
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    keeper = context.new_page()
    session = context.new_cdp_session(keeper)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))

    def forget() -> None:
        session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
        context.clear_cookies()
        context.clear_permissions()

    yield context, forget
    context.close()


@pytest.fixture
def page(warm_context):
    """A new tab that can download, with nothing stored by an earlier test; fails the test on any console error or
    page error.

    The tab opens in the test process's one context (:func:`warm_context`): a fresh context and its first load cost
    about twice a new tab's, over hundreds of tests. What a tab holds (viewport, media, routes, listeners, session
    storage) goes with it; the origin's storage is cleared before each test. Context options, a clock, or a first
    visit with an empty cache: :func:`open_page`.
    """
    context, forget = warm_context
    forget()
    errors: list[str] = []
    tab = context.new_page()
    watch_errors(tab, errors)
    yield tab
    tab.close()
    assert not errors, f"console errors: {errors}"
