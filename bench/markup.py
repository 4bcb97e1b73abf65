"""Valid markup, budget zero errors: ``make markup`` (or ``python bench/markup.py``).

Builds both languages (or takes a build made before: ``--site DIR``, as CI does with the build it deploys), then
- runs the W3C Nu HTML Checker (npm ``vnu-jar``, pinned in package.json; needs Java) over every HTML page of
  both languages, errors only;
- serves the site on 127.0.0.1 and runs pa11y (HTML_CodeSniffer, WCAG 2 AA; npm ``pa11y``, with Debian's
  Chromium, ``bench/pa11y.cjs``) over one page of every kind (``macros.content.pages.examples``) in both languages.
Prints every error and exits 1 if there is one (2 if a tool could not run).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.content.pages import examples  # noqa: E402
from macros.data.languages import PREFIX  # noqa: E402
from macros.data.loader import load  # noqa: E402
from tests import prerequisites  # noqa: E402

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
PA11Y = ROOT / "bench/pa11y.cjs"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build(out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "macros.engine.site", "build", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr + "\nthe build failed")


def nu_errors(site: Path) -> tuple[int, list[str]]:
    """The Nu checker's errors over every HTML page under ``site``: (pages checked, one line per error)."""
    pages = sorted(site.rglob("*.html"))
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True)
    try:
        messages = json.loads(done.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(f"the Nu HTML Checker did not run (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return len(pages), [
        f"{m.get('url', '').removeprefix(site.as_uri() + '/')}:{m.get('lastLine', '?')}: {m['message']}"
        f"  [{m.get('extract', '').strip()[:120]}]"
        for m in messages
    ]


def pa11y_errors(base: str, addresses: list[str]) -> list[str]:
    """pa11y's errors on each address: one line per error."""
    done = subprocess.run(["node", str(PA11Y), prerequisites.chromium_path() or "chromium",
                           *(base + a for a in addresses)],
                          cwd=ROOT, capture_output=True, text=True, env=prerequisites.browser_env(), timeout=600)
    if done.returncode != 0:
        sys.exit(f"pa11y did not run (exit {done.returncode}):\n{done.stderr[-2000:]}")
    found = json.loads(done.stdout)
    return [
        f"/{url.removeprefix(base)}: {issue['code']}: {issue['message'][:160]}  [{issue['selector']}]"
        for url, issues in found.items() for issue in issues
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/markup", help="where the site is built")
    parser.add_argument("--site", type=Path, help="check this built site instead of building one")
    args = parser.parse_args(argv)
    for need in ("vnu", "pa11y"):
        if not (ROOT / "node_modules" / ("vnu-jar" if need == "vnu" else need)).is_dir():
            print(f"{need} is not installed: run `npm ci` (make markup does)", file=sys.stderr)
            return 2
    site = args.site or args.out / "site"
    started = time.perf_counter()
    if args.site is None:
        build(site)
    elif not (site / "index.html").is_file():
        print(f"--site {site}: no built site there (index.html)", file=sys.stderr)
        return 2
    pages, nu = nu_errors(site)
    print(f"Nu HTML Checker: {pages} pages, {len(nu)} errors ({time.perf_counter() - started:.0f} s)", flush=True)

    kinds = examples(load(Path(os.environ.get("ROADMAP_DATA", ROOT / "data/roadmap.yaml"))))
    addresses = [prefix + path for prefix in PREFIX.values() for path in kinds.values()]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        access = pa11y_errors(f"http://127.0.0.1:{server.server_address[1]}/", addresses)
    finally:
        server.shutdown()
    print(f"pa11y (HTML_CodeSniffer, WCAG2AA): {len(addresses)} pages ({len(kinds)} kinds × {len(PREFIX)} "
          f"languages), {len(access)} errors ({time.perf_counter() - started:.0f} s)")
    for line in nu + access:
        print("  " + line)
    return 1 if nu or access else 0


if __name__ == "__main__":
    sys.exit(main())
