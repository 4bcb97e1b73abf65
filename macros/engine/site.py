"""Build or serve the whole bilingual site: Chinese at ``/``, English at ``/en/``.

``python -m macros.engine.site build [--out DIR]`` checks the data, builds both
languages into a fresh folder, each through the pipeline of ``macros/pipeline.py`` with MkDocs
as its engine, and only then replaces ``site/`` (a failed build never leaves a half-written
site). ``python -m macros.engine.site serve`` does the same and serves the result on
http://127.0.0.1:8000/, rebuilding when ``data/``, ``docs/``, ``macros/``, ``theme/`` or
``mkdocs.yml`` change.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from macros import caches
from macros.caches import register
from macros.data.languages import LANGUAGES
from macros.pipeline import LOCAL_ADDRESS, build_language

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
WATCHED = ("data", "docs", "macros", "theme", CONFIG.name)


def check_data() -> bool:
    """Validate the data first; print one line per problem."""
    from macros.data.check import main as check
    from macros.data.loader import data_file

    return check([str(data_file())]) == 0


def source_date_epoch() -> str | None:
    """The date every build output carries: ``$SOURCE_DATE_EPOCH``, else the time of the last commit.

    Reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/): two builds
    of one commit write the same dates (sitemap, gzip headers), whatever day they run.
    ``None`` outside a git checkout, where MkDocs falls back to today.
    """
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return given
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def build_language_with_mkdocs(code: str, site_dir: str) -> None:
    """One language through the pipeline (``macros/pipeline.py``), with MkDocs as its engine."""
    from macros.engine import mkdocs_adapter

    build_language(code, Path(site_dir), mkdocs_adapter)


def _parallel() -> bool:
    """Build the languages side by side: each is a build of its own, and this machine has cores for them.

    ``BUILD_JOBS=1`` builds them one after the other, in this process (for a profiler).
    """
    if os.environ.get("BUILD_JOBS", "").strip() == "1":
        return False
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _load_jieba() -> None:
    """Load the dictionary of jieba (Material's search segments Chinese with it), if it is installed."""
    try:
        import jieba
    except ImportError:
        return
    jieba.initialize()


def collect_less() -> None:
    """Cyclic garbage collection tuned to a build.

    A build makes millions of small objects that live until it ends (the model, the pages, the search index);
    with Python's default thresholds the collector scans them again and again, for nothing (a third of a
    language's build time at 100× the data). The youngest objects are now collected after 50,000 allocations
    instead of 700, and a full collection comes thousands of times less often; a language's 100× build stays
    under half a gigabyte.
    """
    gc.set_threshold(50_000, 50, 100)


def build_into(out: Path, side_by_side: bool | None = None) -> None:
    """Build every language into ``out`` (which must not exist yet).

    Each language builds into a folder of its own (MkDocs empties its output folder first); the other
    languages' folders are then moved into the first's. Side by side (the default where :func:`_parallel`
    allows), each builds in a forked process of its own; else one after the other in this process, which
    keeps what the builds loaded and compiled (see :func:`serve`).
    """
    epoch = source_date_epoch()
    if epoch:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    collect_less()
    dirs = {lang.code: out.parent / f"{out.name}-{lang.code}" if lang.folder else out for lang in LANGUAGES}
    if _parallel() if side_by_side is None else side_by_side:
        # fork: the children start with this process's imports, loaded data, compiled templates and jieba's
        # dictionary (loaded here once; with `make serve`, once for every rebuild). Frozen, these are never
        # scanned by the children's garbage collector, nor copied into them by its bookkeeping.
        _load_jieba()
        gc.freeze()
        with ProcessPoolExecutor(len(LANGUAGES), mp_context=multiprocessing.get_context("fork")) as pool:
            for job in [pool.submit(build_language_with_mkdocs, code, str(folder)) for code, folder in dirs.items()]:
                job.result()
    else:
        for code, folder in dirs.items():
            build_language_with_mkdocs(code, str(folder))
    for lang in LANGUAGES:
        if lang.folder:
            dirs[lang.code].rename(out / lang.folder)


def _failure(exc: BaseException) -> str:
    """One line saying why a build stopped (MkDocs' own errors carry their text)."""
    from mkdocs.exceptions import MkDocsException

    if isinstance(exc, MkDocsException):
        return exc.format_message()
    if isinstance(exc, SystemExit):  # mkdocs-macros exits after logging the failing macro
        return "a page macro failed (details above)"
    return str(exc) or type(exc).__name__


NO_ADDRESS = (f"note: SITE_URL is not set, so the sitemaps, feeds and canonical links name {LOCAL_ADDRESS} "
              "(make serve's address); set SITE_URL=https://… (the published address) for a site you publish")


_said: list[str] = register([], name="macros.engine.site._said", holds="the note that SITE_URL is not set, once said",
                            key="(none)", stale="never: said once a process")


def build_site(target: Path, side_by_side: bool | None = None) -> bool:
    """Check, build into a temporary folder, then swap it in as ``target``."""
    if not check_data():
        return False
    if not os.environ.get("SITE_URL", "").strip() and not _said:  # once a process: `make serve` rebuilds often
        print(NO_ADDRESS, file=sys.stderr)
        _said.append(NO_ADDRESS)
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        build_into(staging / "out", side_by_side)
    except (Exception, SystemExit) as exc:  # the old site stays; say why in one line
        shutil.rmtree(staging, ignore_errors=True)
        reason = _failure(exc)
        print(f"build failed: {reason}", file=sys.stderr)
        return False
    old = staging / "old"
    if target.exists():
        target.rename(old)
    (staging / "out").rename(target)
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _watched_files() -> dict[str, tuple[int, int]]:
    """Every watched file, with its modification time and size."""
    found: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = ROOT / name
        for file in [top] if top.is_file() else top.rglob("*"):
            if file.is_file():
                stat = file.stat()
                found[file.relative_to(ROOT).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_files(before: dict[str, tuple[int, int]], now: dict[str, tuple[int, int]]) -> list[str]:
    """The files added, removed or changed between two looks at the watched files."""
    return sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))


def serve(target: Path, host: str, port: int, argv: list[str]) -> None:
    """Serve ``target``, rebuilding both languages on every change, exactly as a fresh build would.

    The first build runs in this process, so that it keeps MkDocs', Material's and the plugins' imports and
    every compiled template; each rebuild forks from it and starts warm. Before each rebuild, the caches an edit
    made stale are cleared (``macros/caches.py``); when one of them can only go with the process (its Python modules,
    the interface strings), the process starts afresh, with ``argv``, and the browser's live reload finds the new
    server.
    """
    from mkdocs.livereload import LiveReloadServer

    if not build_site(target, side_by_side=False):
        print("fix the problems above; waiting for changes", file=sys.stderr)
    seen = _watched_files()
    gc.collect()  # the first build's garbage, before the rebuilds freeze what this process holds

    def rebuild() -> None:
        nonlocal seen
        now = _watched_files()
        changed, seen = changed_files(seen, now), now
        kept = caches.clear(changed)
        if kept:
            names = ", ".join(cache.name for cache in kept)
            print(f"the process keeps what this edit changed ({names}): starting afresh", file=sys.stderr, flush=True)
            sys.stdout.flush()
            os.execv(sys.executable, [sys.executable, "-m", "macros.engine.site", *argv])
        build_site(target)

    # the watched folders are small: looking every 0.05 s (MkDocs' default is 0.5 s) starts a rebuild sooner
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(target), polling_interval=0.05)
    server.build_delay = 0.05  # how long it waits for an editor's save to finish (MkDocs waits 0.1 s)
    for name in WATCHED:
        server.watch(str(ROOT / name))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.engine.site", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        import jieba  # Material's search segments Chinese with it; keep its start-up chatter quiet

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
    os.chdir(ROOT)
    if args.command == "build":
        return 0 if build_site(args.out) else 1
    again = ["serve", "--out", str(args.out.resolve()), "--host", args.host, "--port", str(args.port)]
    serve(args.out, args.host, args.port, again)
    return 0


if __name__ == "__main__":
    sys.exit(main())
