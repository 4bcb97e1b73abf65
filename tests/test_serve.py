"""``make serve`` after every kind of edit: the site it serves is the site a fresh build of the edited project gives.

Its rebuilds fork from the process that built the site first and reuse what that build worked out (compiled
templates, the theme's file listing, the search entries of unchanged pages); what the process itself keeps (its
Python modules, the interface strings) makes it start afresh when it changes. Each kind of edit is made in turn
while serving, and after each the served site is compared with a fresh build, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT, build_site

from macros.data.loader import load
from macros.engine import theme_files

EPOCH = "1000000000"
COPIED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".pytest_cache", "out", "__pycache__")


def digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(found, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not found():
        assert time.monotonic() < end, "the served site did not change in time"
        time.sleep(0.05)


def replace_once(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{file}: {old!r} is not there any more: update this test"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def edits(project: Path) -> list[tuple[str, Callable[[], None], str, str]]:
    """Each kind of edit: (what, make it, the served file that shows it, the text it shows there)."""
    course = load(project / "data/roadmap.yaml").courses[0]
    title = f"{course.title.en} (edited while serving)"
    return [
        ("data", lambda: replace_once(project / "data/roadmap.yaml", f"en: {course.title.en}\n", f"en: {title}\n"),
         f"en/courses/{course.id}/index.html", title),
        ("page template", lambda: replace_once(project / "macros/render/templates/about.md.j2", "\n## ",
                                               "\nTemplate edited while serving.\n\n## "),
         "en/about/index.html", "Template edited while serving."),
        ("theme template", lambda: replace_once(project / "theme/main.html", '<meta charset="utf-8">',
                                                '<meta charset="utf-8"><meta name="rr-edited" content="theme">'),
         "en/about/index.html", 'content="theme"'),
        ("style sheet", lambda: replace_once(project / "theme/assets/roadmap.css", "/* print styles",
                                             ".rr-edited-while-serving { color: red; }\n/* print styles"),
         "en/assets/roadmap.css", "rr-edited-while-serving"),
        ("interface strings", lambda: replace_once(project / "macros/content/ui/site.yaml", "en: About}",
                                                   "en: About us}"),
         "en/about/index.html", "About us"),
        ("Python", lambda: replace_once(project / "macros/content/i18n.py",
                                        "    return text.format(**values) if values else text",
                                        "    text = text.format(**values) if values else text\n"
                                        "    return text.replace('About us', 'About the site')"),
         "en/about/index.html", "About the site"),
    ]


def test_every_kind_of_edit_while_serving_gives_the_site_a_fresh_build_gives(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=COPIED)
    served = tmp_path / "served"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    server = subprocess.Popen(
        [sys.executable, "-m", "macros.engine.site", "serve", "--out", str(served), "--port", str(free_port())],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        wait_for((served / "en" / "index.html").exists)
        time.sleep(1)  # the server watches the folders once it serves
        for n, (kind, edit, shown, text) in enumerate(edits(project)):
            edit()
            page = served / shown
            wait_for(lambda page=page, text=text: page.exists() and text in page.read_text(encoding="utf-8"))
            time.sleep(0.5)  # the whole site is swapped in at once; let the server settle
            fresh = tmp_path / f"fresh-{n}"
            result = build_site(fresh, project=project, env={"SOURCE_DATE_EPOCH": EPOCH})
            assert result.returncode == 0, result.stderr
            a, b = digests(served), digests(fresh)
            assert a.keys() == b.keys(), (kind, sorted(a.keys() ^ b.keys()))
            assert sorted(name for name in a if a[name] != b[name]) == [], kind
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_theme_is_listed_again_once_a_file_is_added_to_the_custom_folder(tmp_path: Path):
    custom = tmp_path / "theme"
    (custom / "assets").mkdir(parents=True)
    listed: list[list[str]] = []

    class Env:
        def list_templates(self, filter_func=None):
            return sorted(str(p.relative_to(custom)) for p in custom.rglob("*") if p.is_file())

    def add(files, env, config):
        listed.append(env.list_templates(filter_func=lambda name: True))

    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(custom), str(tmp_path / "installed")],
                                                   static_templates=["404.html"], custom_dir=str(custom)))
    add_files = theme_files.with_remembered_listing(add)
    (custom / "assets" / "a.css").write_text("a")
    add_files(None, Env(), config)
    add_files(None, Env(), config)
    time.sleep(0.01)  # a folder's modification time must be able to change
    (custom / "assets" / "b.js").write_text("b")
    add_files(None, Env(), config)
    assert listed == [["assets/a.css"], ["assets/a.css"], ["assets/a.css", "assets/b.js"]]
