"""Try Zensical on this project and measure it: ``python bench/zensical_trial.py``.

Zensical (https://zensical.org) reads ``mkdocs.yml`` but runs no MkDocs hook or plugin. On a copy of the
repository (``bench/out/zensical/project``; nothing of the repository changes) this records:

1. what ``zensical build`` makes of ``mkdocs.yml`` as it is, then with the settings our build adds per language;
2. what it makes when what our hooks would add is written first: the registry's pages (``macros/content/pages.py``),
   the navigation with its titles and each language's settings, with the workarounds CONTRIBUTING.md lists
   (the repository on ``PYTHONPATH``; a ``define_env`` that reads Zensical's configuration dict as attributes
   and leaves the templates' finished HTML inline; the theme overrides that call Python left out), and how
   long that takes next to MkDocs building the same language;
3. its search next to ours: how Chromium's ``Intl.Segmenter`` (what Zensical's search worker uses for Chinese)
   and jieba (what Material's search plugin uses) cut the Chinese of our search index, and which page each
   site's own search box puts first for every spelling of every course code.

Zensical goes, with the project's lock, into an environment of its own (``--venv``; ``bench/zensical.txt``,
with hashes). Step 3 needs Chromium (``$CHROMIUM_PATH``, else Debian's ``chromium``). CPU seconds are the
figures to compare on a shared machine; wall-clock seconds depend on its load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.engines import LOCK, environment  # noqa: E402
from macros.content.i18n import translate  # noqa: E402
from macros.content.pages import all_pages, course_src, navigation, page_titles, url_of  # noqa: E402
from macros.data.languages import LANGUAGES, alternate_links  # noqa: E402
from macros.data.loader import data_file, load_once  # noqa: E402
from macros.engine.site import site_url  # noqa: E402

OUT = ROOT / "bench" / "out" / "zensical"
PINS = ROOT / "bench" / "zensical.txt"
TRIAL_MODULE = "zensical_trial_env"
TRIAL_ENV = '''"""define_env for the Zensical trial (bench/zensical_trial.py), around the project's own."""
from markupsafe import Markup


class _Attributes(dict):
    """Zensical's configuration dict, read as attributes the way MkDocs' configuration is."""

    def __getattr__(self, name):
        return self.get(name)


def define_env(env):
    from macros.render.finished_html import FINISHED_HTML

    # No hook puts finished HTML back under Zensical: leave it in the Markdown
    FINISHED_HTML.keep = lambda block: Markup("\\n\\n" + str(block).strip("\\n") + "\\n\\n")
    env.conf = _Attributes(env.conf)
    import macros

    macros.define_env(env)
'''
CALLS_PYTHON = ("main.html", "partials/alternate.html")
"""Theme overrides that need what our hooks add to the theme (``language_url``, ``material_bundle``, ``pages``)."""


@dataclass
class Run:
    """One build: its exit status, its last telling line, wall-clock and CPU seconds."""

    status: int
    said: str
    wall: float
    cpu: float


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    telling = [line for line in lines if "Error" in line or "finished" in line or "issues" in line]
    return Run(done.returncode, (telling or lines or [""])[-1], wall, cpu)


def copy_project(dest: Path) -> None:
    """The repository's files (as they are in the work tree) in ``dest``."""
    shutil.rmtree(dest, ignore_errors=True)
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, names.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)


def base_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def language_settings(code: str, not_found: bool) -> dict[str, Any]:
    """``mkdocs.yml`` with what ``macros/engine/site.py`` adds for a language; ``not_found``: and the hooks' extras."""
    config = base_config()
    config.update(site_name=translate("site.name", code), site_url=site_url(code))
    config["theme"]["language"] = code
    if not_found:
        config["extra"]["not_found"] = {key: translate(f"not-found.{key}", code) for key in ("title", "text", "home")}
    return config


def written(project: Path, name: str, config: dict[str, Any]) -> str:
    (project / name).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return name


def as_it_is(zensical: Path, project: Path) -> list[tuple[str, Run, int]]:
    """Step 1: our configuration alone, then with what the build adds before the hooks run (Chinese)."""
    steps = [
        ("mkdocs.yml as it is", "mkdocs.yml"),
        ("with site_name, site_url, theme.language", written(project, "trial-1.yml", language_settings("zh", False))),
        ("and extra.not_found (a hook's)", written(project, "trial-2.yml", language_settings("zh", True))),
    ]
    results = []
    for label, name in steps:
        shutil.rmtree(project / "site", ignore_errors=True)
        run = timed([str(zensical), "build", "--clean", "-f", name], project)
        made = len(files(project / "site")) if run.status == 0 else 0
        results.append((label, run, made))
    return results


def _titled(tree: object, titles: dict[str, str]) -> object:
    """The registry's navigation, each page under its title (our ``on_page_markdown`` hook gives MkDocs the titles)."""
    if isinstance(tree, list):
        return [_titled(item, titles) for item in tree]
    if isinstance(tree, dict):
        return {title: _titled(children, titles) for title, children in tree.items()}
    return {titles.get(str(tree), str(tree)): tree}


def with_pages(zensical: Path, project: Path) -> dict[str, tuple[Run, Path]]:
    """Step 2: the registry's pages, navigation and settings written first; each language's site."""
    roadmap = load_once(data_file())
    for src, content in all_pages(roadmap).items():
        (project / "docs" / src).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / src).write_text(content, encoding="utf-8")
    (project / f"{TRIAL_MODULE}.py").write_text(TRIAL_ENV, encoding="utf-8")
    for name in CALLS_PYTHON:
        (project / "theme" / name).unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    sites = {}
    for lang in LANGUAGES:
        config = language_settings(lang.code, not_found=True)
        config["nav"] = _titled(navigation(roadmap, lang.code), page_titles(roadmap, lang.code))
        config["site_dir"] = f"site-{lang.code}"
        config["plugins"]["macros"]["module_name"] = TRIAL_MODULE
        config["extra"]["alternate"] = alternate_links(lang.code)
        name = written(project, f"trial-{lang.code}.yml", config)
        sites[lang.code] = (timed([str(zensical), "build", "--clean", "-f", name], project, env),
                            project / f"site-{lang.code}")
    return sites


MKDOCS_ONE = ("import logging, sys; import jieba; jieba.setLogLevel(logging.WARNING); "
              "from macros.engine.site import build_language_with_mkdocs as build; build(sys.argv[1], sys.argv[2])")
"""One language built by MkDocs, as ``python -m macros.engine.site build`` builds each."""


def mkdocs_site(code: str) -> tuple[Run, Path]:
    out = OUT / f"mkdocs-{code}"
    shutil.rmtree(out, ignore_errors=True)
    run = timed([sys.executable, "-c", MKDOCS_ONE, code, str(out)], ROOT, {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return run, out


def files(top: Path) -> set[str]:
    return {str(path.relative_to(top)) for path in top.rglob("*") if path.is_file()}


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def jieba_runs(index: Path) -> dict[str, list[str]]:
    """Every run of Han characters in a Material search index, with jieba's cut of it (zero-width spaces)."""
    runs: dict[str, list[str]] = {}
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        for text in (doc.get("title", ""), doc.get("text", "")):
            plain, cuts, offset = text.replace("\u200b", ""), set(), 0
            for char in text:  # each zero-width space's place in the text without them
                if char == "\u200b":
                    cuts.add(offset)
                else:
                    offset += 1
            for match in HAN.finditer(plain):
                bounds = [match.start(), *sorted(c for c in cuts if match.start() < c < match.end()), match.end()]
                runs[match.group()] = [plain[a:b] for a, b in itertools.pairwise(bounds)]
    return runs


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def zensical_first_hits(page: Any, base: str, queries: list[str]) -> list[str]:
    """The first result's page for each query, in Zensical's search box (its results are in a shadow root).

    Each query gets a freshly opened page, so that no answer to the one before can be read for it; the answer
    is read once the results have stayed the same for a second.
    """
    first = []
    for query in queries:
        page.goto(base)
        page.locator(".md-search__button").first.click()
        box = page.locator('input[aria-controls$="-results"]').first
        box.wait_for()
        box.fill(query)
        links, seen, steady = page.locator('[id$="-results"] a'), None, 0
        for _ in range(60):
            page.wait_for_timeout(250)
            now = [links.nth(i).get_attribute("href") for i in range(links.count())]
            steady = steady + 1 if now == seen else 0
            seen = now
            if steady >= 4:
                break
        first.append((seen[0] if seen else "").split("?")[0].split("#")[0].replace(base, ""))
    return first


def mkdocs_first_hits(page: Any, base: str, queries: list[str]) -> list[str]:
    """The same in Material's search box, driven as the search tests drive it."""
    from tests.search_support import open_search, search

    page.goto(base)
    open_search(page)
    answers = (search(page, query, base, expand=False) for query in queries)
    return [(hits[0].path.split("#")[0] if hits else "") for hits in answers]


def search_report(zensical_site: Path, mkdocs_site_dir: Path) -> list[str]:
    """Step 3, for Chinese: segmentation agreement and the course codes' first results."""
    from playwright.sync_api import sync_playwright

    from tests.prerequisites import chromium_path

    runs = jieba_runs(mkdocs_site_dir / "search" / "search_index.json")
    roadmap = load_once(data_file())
    queries = [(url_of(course_src(c.id)), spelling) for c in roadmap.courses for spelling in [c.code, *c.aliases]]
    spellings = [spelling for _, spelling in queries]
    servers = {"zensical": _serve(zensical_site), "mkdocs": _serve(mkdocs_site_dir)}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
            page.set_content('<html lang="zh"></html>')
            cut = page.evaluate("""runs => { const s = new Intl.Segmenter('zh', {granularity: 'word'});
                return runs.map(r => [...s.segment(r)].filter(x => x.isWordLike).map(x => x.segment)); }""",
                                list(runs))
            version = browser.version
            first = {"MkDocs": mkdocs_first_hits(page, servers["mkdocs"][1], spellings),
                     "Zensical": zensical_first_hits(page, servers["zensical"][1], spellings)}
            browser.close()
    finally:
        for server, _ in servers.values():
            server.shutdown()
    chromium = dict(zip(runs, cut, strict=True))
    same = [run for run in runs if runs[run] == chromium[run]]
    share = sum(map(len, same)) / sum(map(len, runs))
    differing = sorted((run for run in runs if runs[run] != chromium[run]), key=lambda run: (len(run), run))[:8]
    lines = ["## Search (the Chinese site)", "",
             f"- Chromium {version}'s Intl.Segmenter and jieba cut {len(same)} of {len(runs)} runs of Han "
             f"characters alike ({len(same) / len(runs):.0%}; {share:.0%} of the characters). For example:"]
    lines += [f"  - {run}: jieba {'/'.join(runs[run])}, Chromium {'/'.join(chromium[run])}" for run in differing]
    for engine, got in first.items():
        misses = [f"{spelling!r} → {page or 'nothing'}" for (url, spelling), page in zip(queries, got, strict=True)
                  if page != url]
        lines.append(f"- {engine}: the course page first for {len(queries) - len(misses)} of {len(queries)} "
                     "spellings of course codes" + (f"; not for {', '.join(misses)}" if misses else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=OUT / "zensical-venv", help="Zensical's environment")
    parser.add_argument("--no-search", action="store_true", help="leave out step 3 (no browser needed)")
    args = parser.parse_args(argv)
    python = environment(args.venv.resolve(), LOCK.read_text(encoding="utf-8"), PINS)
    zensical = python.parent / "zensical"
    project = OUT / "project"
    copy_project(project)
    version = subprocess.run([str(zensical), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    lines = [f"# Zensical {version} on this project", "", "## Our configuration alone (the Chinese site)", ""]
    for label, run, made in as_it_is(zensical, project):
        lines.append(f"- {label}: exit {run.status}, {made} files written; last words: {run.said}")
    lines += ["", "## With our pages, navigation and settings written first", ""]
    sites = with_pages(zensical, project)
    for code, (run, site) in sites.items():
        if run.status:
            lines.append(f"- {code}: exit {run.status}: {run.said}")
            continue
        ours_run, ours = mkdocs_site(code)
        theirs = files(site)
        html = sum(name.endswith(".html") for name in theirs)
        besides = sorted(name for name in files(ours) - theirs if not name.startswith("assets/"))
        lines.append(f"- {code}: {html} HTML pages, {len(theirs)} files, {run.cpu:.1f} s CPU, {run.wall:.1f} s wall "
                     f"(MkDocs, same language: {ours_run.cpu:.1f} s CPU, {ours_run.wall:.1f} s wall); "
                     f"MkDocs writes besides: {', '.join(besides)}")
    if not args.no_search and sites["zh"][0].status == 0:
        lines += ["", *search_report(sites["zh"][1], OUT / "mkdocs-zh")]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
