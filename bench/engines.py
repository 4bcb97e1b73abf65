"""Build the site with MkDocs and with ProperDocs, and compare every byte: ``python bench/engines.py``.

ProperDocs (https://github.com/ProperDocs/properdocs) is a community fork of MkDocs 1.x that aims to be a drop-in
replacement. Its package and module are named ``properdocs``; importing ``properdocs.replacement`` (its own
``properdocs`` command does) makes every ``mkdocs.*`` import load ``properdocs.*``, so Material, mkdocs-macros
and our hooks run on it unchanged.

The script installs, into a virtual environment of its own (``--venv``; the project's ``.venv`` is left
alone), ``requirements.txt`` less MkDocs plus ``bench/properdocs.txt``, every file checked against its hash.
MkDocs is not installed there, so nothing in that build can load it. It then runs ``python -m macros.engine.site
build`` (both languages, the usual folder layout) once with ``.venv`` (MkDocs) and once with that environment
(ProperDocs), with the same ``SOURCE_DATE_EPOCH`` and ``SITE_URL``, and compares the two folders file by file.

A file whose only difference is the ``<meta name="generator">`` line (the engine's name) counts as the same and
is listed as such; any other difference, or a file that only one build wrote, is listed and fails (exit 1).
With ``$GITHUB_STEP_SUMMARY`` set, the report is also added to the job summary.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.engine.site import source_date_epoch  # noqa: E402

OUT = ROOT / "bench" / "out" / "engines"
PIN = ROOT / "bench" / "properdocs.txt"
LOCK = ROOT / "requirements.txt"
SITE_URL = "https://example.org/llm-research-roadmap/"
"""The address both builds name when ``$SITE_URL`` is not set (any address will do, as long as it is the same)."""

PROPERDOCS_BUILD = (
    "import importlib.util, sys; "
    "assert importlib.util.find_spec('mkdocs') is None, 'MkDocs is installed here: this would not test ProperDocs'; "
    "import properdocs.replacement; "
    "from macros.engine.site import main; sys.exit(main(sys.argv[1:]))"
)
"""``python -m macros.engine.site`` on ProperDocs: its alias first, so that ``mkdocs.*`` imports load
``properdocs.*``."""

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def lock_without_mkdocs() -> str:
    """``requirements.txt`` with the block that pins MkDocs itself left out (its hashes included)."""
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8"))
    kept = [block for block in blocks if not re.match(r"mkdocs==", block, re.IGNORECASE)]
    if len(kept) != len(blocks) - 1:
        raise SystemExit(f"{LOCK.name}: expected one mkdocs== pin, found {len(blocks) - len(kept)}")
    return "\n".join(kept)


def environment(venv: Path, lock: str, pins: Path) -> Path:
    """The interpreter of a virtual environment holding ``lock`` (requirements text) and ``pins``, made when needed.

    Every file is checked against its hash, and nothing beyond the two is installed (``--no-deps``: the lock
    already holds every dependency). A stamp (a digest of both) says the environment matches them; otherwise
    it is made afresh.
    """
    python = venv / "bin" / "python"
    wanted = hashlib.sha256(lock.encode() + pins.read_bytes()).hexdigest()
    stamp = venv / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = venv / "requirements.txt"
    requirements.write_text(lock, encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--require-hashes", "--no-deps", "-r", str(requirements), "-r", str(pins)], check=True)
    stamp.write_text(wanted)
    return python


def properdocs_python(venv: Path) -> Path:
    """ProperDocs with the locked packages less MkDocs (Material's and mkdocs-macros' declared need of
    ``mkdocs`` is met by ProperDocs at import time, not by pip)."""
    return environment(venv, lock_without_mkdocs(), PIN)


def build(command: list[str], out: Path, env: dict[str, str]) -> float:
    """Run one build into ``out``; its wall-clock seconds. A failed build stops the script (its messages above)."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    if subprocess.run([*command, "build", "--out", str(out)], cwd=ROOT, env=env, check=False).returncode:
        raise SystemExit(f"the build into {out.name}/ failed (see above)")
    return time.perf_counter() - start


@dataclass
class Comparison:
    """What differs between two built folders."""

    files: int = 0
    only_in: dict[str, list[str]] = field(default_factory=dict)
    generator_only: list[str] = field(default_factory=list)
    different: dict[str, str] = field(default_factory=dict)
    """Path → the first differing lines (a unified diff, cut short) or the sizes of a binary file."""

    @property
    def same(self) -> bool:
        return not self.different and not any(self.only_in.values())


def _files(top: Path) -> set[str]:
    return {str(path.relative_to(top)) for path in top.rglob("*") if path.is_file()}


def _first_difference(a: bytes, b: bytes) -> str:
    try:
        left, right = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {len(a)} and {len(b)} bytes"
    lines = list(difflib.unified_diff(left, right, "mkdocs", "properdocs", n=0, lineterm=""))
    return "\n".join(line[:300] for line in lines[:12])


def compare(left: Path, right: Path) -> Comparison:
    """Every file of two builds, byte for byte."""
    names = {"mkdocs": _files(left), "properdocs": _files(right)}
    result = Comparison(files=len(names["mkdocs"] | names["properdocs"]))
    result.only_in = {
        "mkdocs": sorted(names["mkdocs"] - names["properdocs"]),
        "properdocs": sorted(names["properdocs"] - names["mkdocs"]),
    }
    for name in sorted(names["mkdocs"] & names["properdocs"]):
        if filecmp.cmp(left / name, right / name, shallow=False):
            continue
        a, b = (left / name).read_bytes(), (right / name).read_bytes()
        if GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b):
            result.generator_only.append(name)
        else:
            result.different[name] = _first_difference(a, b)
    return result


def report(result: Comparison, seconds: dict[str, float], versions: dict[str, str]) -> str:
    """The comparison as Markdown."""
    lines = ["## The site built with MkDocs and with ProperDocs", ""]
    lines += [f"- {engine} {versions[engine]}: {seconds[engine]:.1f} s" for engine in seconds]
    lines.append(f"- {result.files} files compared")
    if result.same and not result.generator_only:
        lines.append("- **every byte is the same**")
    elif result.same:
        lines.append(f"- **the same**, but for the generator line in {len(result.generator_only)} files")
    for engine, names in result.only_in.items():
        if names:
            lines += ["", f"Only in the {engine} build ({len(names)}):", ""] + [f"- `{name}`" for name in names]
    if result.different:
        lines += ["", f"Different ({len(result.different)}):", ""]
        for name, diff in result.different.items():
            lines += [f"- `{name}`", "", "  ```diff", *[f"  {line}" for line in diff.splitlines()], "  ```"]
    return "\n".join(lines) + "\n"


def _version(python: Path, module: str) -> str:
    result = subprocess.run([str(python), "-c", f"import {module}; print({module}.__version__)"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=OUT / "properdocs-venv",
                        help="the ProperDocs environment (made when missing or stale)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the two builds go")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    env["SITE_URL"] = env.get("SITE_URL", "").strip() or SITE_URL
    epoch = source_date_epoch()
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    env.setdefault("DISABLE_MKDOCS_2_WARNING", "true")  # ProperDocs' notice to MkDocs users

    mkdocs = Path(sys.executable)
    properdocs = properdocs_python(args.venv.resolve())
    out = args.out.resolve()
    seconds = {
        "MkDocs": build([str(mkdocs), "-m", "macros.engine.site"], out / "mkdocs", env),
        "ProperDocs": build([str(properdocs), "-c", PROPERDOCS_BUILD], out / "properdocs", env),
    }
    versions = {"MkDocs": _version(mkdocs, "mkdocs"), "ProperDocs": _version(properdocs, "properdocs")}
    result = compare(out / "mkdocs", out / "properdocs")
    text = report(result, seconds, versions)
    print(text, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text)
    return 0 if result.same else 1


if __name__ == "__main__":
    sys.exit(main())
