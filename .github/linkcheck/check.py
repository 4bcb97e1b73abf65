"""Check every link of a built site with LinkChecker and write a readable report.

``python .github/linkcheck/check.py SITE_DIR [--extern] [--report FILE]`` serves SITE_DIR on
127.0.0.1, runs LinkChecker (settings: ``linkcheckerrc`` beside this file) over ``/`` and
``/en/``, internal links and anchors included, and prints a Markdown report: which page, which
address, what status. ``--extern`` also fetches every external address (otherwise they are
syntax-checked only). The report is appended to ``$GITHUB_STEP_SUMMARY`` when that is set.
Exit status 1 when any link is broken.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from macros.data.languages import PREFIX  # noqa: E402

CONFIG = HERE / "linkcheckerrc"
LANGUAGE_ROOTS = tuple(PREFIX.values())
SKIPPED_BY_ROBOTS = "robots.txt"


@dataclass(frozen=True)
class Link:
    """One checked address, as LinkChecker reported it."""

    address: str
    page: str
    result: str
    warnings: str
    info: str
    valid: bool
    internal: bool = True

    @property
    def broken(self) -> bool:
        """Invalid; or, on our own site, any warning (a missing anchor or a redirect is a warning).

        Warnings on external addresses (redirected, rate-limited) are reported but do not fail:
        the page is still there.
        """
        return not self.valid or (self.internal and bool(self.warnings))


@dataclass(frozen=True)
class Skip:
    """An address pattern from the configuration that is syntax-checked only, and why."""

    pattern: str
    reason: str


class _Handler(SimpleHTTPRequestHandler):
    """Static files; the ``LinkChecker`` header lets LinkChecker check this local host at full speed."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yield its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def skipped_patterns(config: Path = CONFIG) -> list[Skip]:
    """The ``ignore=`` patterns of the configuration, each with the ``# reason:`` above it."""
    skips: list[Skip] = []
    inside, reason = False, ""
    for raw in config.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if raw.startswith("["):
            inside = False
        elif raw.startswith("ignore="):
            inside, reason = True, ""
        elif inside and line.startswith("# reason:"):
            reason = line.removeprefix("# reason:").strip()
        elif inside and line and not line.startswith("#") and raw[:1].isspace():
            skips.append(Skip(line, reason))
            reason = ""
        elif inside and raw and not raw[:1].isspace():
            inside = False
    return skips


def run_linkchecker(base: str, extern: bool = False, config: Path = CONFIG,
                    threads: int | None = None) -> tuple[int, list[Link]]:
    """Run LinkChecker over both languages of the site served at ``base``.

    ``threads``: how many checks run at once (default: ``linkcheckerrc``'s). With several, which link of a page
    LinkChecker reaches first depends on the machine's speed; one thread checks in one order every time.
    """
    command = [
        str(Path(sys.executable).with_name("linkchecker")), "--config", str(config), "--no-status",
        "--verbose", "--output", "csv/utf-8",
    ]
    if threads:
        command += ["--threads", str(threads)]
    if extern:
        command.append("--check-extern")
    command += [base + root for root in LANGUAGE_ROOTS]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=3600, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed ({result.returncode}):\n{result.stderr}")
    return result.returncode, parse_csv(result.stdout, base)


def parse_csv(text: str, base: str = "") -> list[Link]:
    """LinkChecker's CSV output (``;``-separated, ``#`` comment lines, one header row) as links.

    Addresses under ``base`` (the served site) are internal.
    """
    links: list[Link] = []
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if len(row) < 8 or row[0] == "urlname" or row[0].startswith("#"):
            continue
        name, parent, _base, result, warnings, info, valid, url = row[:8]
        address = urljoin(parent, name) if name else url  # as written in the page (before redirects)
        internal = bool(base) and address.startswith(base)
        links.append(Link(address, parent, result, warnings.strip(), info.strip(), valid == "True", internal))
    return links


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split()) or "—"


def _skip_reason(link: Link, skips: list[Skip]) -> str | None:
    if SKIPPED_BY_ROBOTS in link.info:
        return "the host's robots.txt refuses robots"
    for skip in skips:
        if re.search(skip.pattern, link.address):
            return skip.reason or "listed in linkcheckerrc (no reason given)"
    return None


def report(links: list[Link], extern: bool, skips: list[Skip], base: str = "") -> str:
    """A Markdown report: broken links (page, address, status) and every address not fetched, with why.

    Addresses on the local server ``base`` are shown as site paths (``/en/courses/``).
    """

    def shown(address: str) -> str:
        return "/" + address.removeprefix(base) if base and address.startswith(base) else address

    broken = [link for link in links if link.broken]
    external = [link for link in links if not link.internal]
    warned = [link for link in external if link.warnings and not link.broken]
    mode = "internal and external links" if extern else "internal links and anchors; external addresses syntax-checked"
    lines = [
        "## Link check",
        "",
        f"{len(links)} addresses checked ({mode}): **{len(broken)} broken**.",
        "",
    ]
    if broken:
        lines += ["| Page | Address | Status |", "| --- | --- | --- |"]
        for link in sorted(broken, key=lambda item: (item.page, item.address)):
            status = "; ".join(part for part in (link.result, link.warnings) if part)
            lines.append(f"| {_cell(shown(link.page))} | {_cell(shown(link.address))} | {_cell(status)} |")
        lines.append("")
    if warned:
        lines += [f"### Warnings on external addresses ({len(warned)}, not failing)", "",
                  "| Page | Address | Warning |", "| --- | --- | --- |"]
        lines += [f"| {_cell(shown(link.page))} | {_cell(link.address)} | {_cell(link.warnings)} |"
                  for link in sorted(warned, key=lambda item: (item.page, item.address))]
        lines.append("")
    if extern:
        skipped = [(link, reason) for link in external if (reason := _skip_reason(link, skips))]
        lines += [f"### Not fetched ({len(skipped)})", ""]
        if skipped:
            lines += ["| Address | Why |", "| --- | --- |"]
            lines += [f"| {_cell(link.address)} | {_cell(reason)} |" for link, reason in sorted(skipped, key=str)]
        lines.append("")
    if skips:
        lines += ["### Hosts listed in linkcheckerrc", "", "| Pattern | Reason |", "| --- | --- |"]
        lines += [f"| `{skip.pattern}` | {_cell(skip.reason)} |" for skip in skips]
        lines.append("")
    return "\n".join(lines)


def check_site(site: Path, extern: bool = False, threads: int | None = None) -> tuple[list[Link], str]:
    """Serve and check ``site``; return every checked link and the Markdown report."""
    with served(site) as base:
        _status, links = run_linkchecker(base, extern=extern, threads=threads)
    return links, report(links, extern, skipped_patterns(), base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (python -m macros.engine.site build --out DIR)")
    parser.add_argument("--extern", action="store_true", help="also fetch every external address")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file() or not (args.site / "en" / "index.html").is_file():
        print(f"{args.site}: not a built site (no index.html or en/index.html)", file=sys.stderr)
        return 2
    links, text = check_site(args.site, extern=args.extern)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    return 1 if any(link.broken for link in links) else 0


if __name__ == "__main__":
    sys.exit(main())
