"""What the tests need from the system, found or installed: ``python -m tests.prerequisites [--install] NEED…``.

The one place that knows the system pieces: ``make test``, ``make audit``, ``make markup`` and ``.ci/run`` call it
before anything runs, and the test fixtures ask it where the browser and the fonts are. A need
that is missing is installed with Debian's ``apt-get`` where this user may (root, or sudo without a
password); otherwise the command prints one line naming the package and the command, and fails.

Needs: ``chromium`` (Debian's Chromium, or ``$CHROMIUM_PATH``), ``cjk-fonts`` (Noto CJK, so that
printed Chinese pages carry Chinese glyphs), ``node`` (Node.js and npm, for Lighthouse and pa11y), ``java``
(a Java runtime, for the Nu HTML Checker).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))
"""Where Debian's fonts-noto-cjk puts its files."""
CJK_FONT_GLOB = "Noto*CJK*"


def chromium_path() -> str | None:
    """Debian's Chromium: ``$CHROMIUM_PATH``, else ``chromium`` or ``chromium-browser`` on PATH."""
    given = os.environ.get("CHROMIUM_PATH", "").strip()
    if given:
        return given if Path(given).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def cjk_font_dir() -> Path | None:
    """The folder holding the Noto CJK fonts, whatever fontconfig is set to show."""
    return next((d for d in FONT_DIRS if d.is_dir() and any(d.glob(CJK_FONT_GLOB))), None)


@cache
def fontconfig_file() -> Path:
    """A fontconfig file for the test browser: the system's fonts plus the Noto CJK folder.

    The tests print pages and read the glyphs back, so they choose their fonts: the system's
    configuration (never the caller's ``$FONTCONFIG_FILE``, which may hide fonts) and, named
    explicitly, the CJK folder.
    """
    folder = Path(tempfile.mkdtemp(prefix="rr-fontconfig-"))
    cjk = cjk_font_dir()
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + (f"  <dir>{cjk}</dir>\n" if cjk else "")
        + f"  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def browser_env() -> dict[str, str]:
    """Environment for the test browser: the process's own, with the tests' fontconfig."""
    return {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}


@dataclass(frozen=True)
class Need:
    """A system piece: how to tell it is there, and the Debian package that brings it."""

    name: str
    what: str
    package: str
    present: Callable[[], bool]


NEEDS = {
    need.name: need
    for need in (
        Need("chromium", "Chromium (the browser tests)", "chromium", lambda: chromium_path() is not None),
        Need("cjk-fonts", "Noto CJK fonts (printed Chinese pages)", "fonts-noto-cjk",
             lambda: cjk_font_dir() is not None),
        Need("node", "Node.js and npm (Lighthouse, pa11y, the Nu HTML Checker)", "nodejs npm",
             lambda: bool(shutil.which("node") and shutil.which("npm"))),
        Need("java", "Java (the Nu HTML Checker, make markup)", "default-jre-headless",
             lambda: shutil.which("java") is not None),
    )
}


def _apt_prefix() -> list[str] | None:
    """How this user runs apt-get: directly as root, through sudo without a password, or not at all."""
    if not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True, check=False).returncode == 0:
        return ["sudo", "-n"]
    return None


def install(packages: list[str]) -> bool:
    """Install Debian packages quietly; ``False`` when this user cannot or apt-get fails."""
    prefix = _apt_prefix()
    if prefix is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"installing {' '.join(packages)} (apt-get)", file=sys.stderr)
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]):
        if subprocess.run([*prefix, *command], env=env, stdout=subprocess.DEVNULL, check=False).returncode != 0:
            return False
    return True


def missing(names: list[str]) -> list[Need]:
    return [NEEDS[name] for name in names if not NEEDS[name].present()]


def ensure(names: list[str], *, may_install: bool = True) -> list[str]:
    """Make the named needs present; return one line for each that is still missing."""
    lacking = missing(names)
    if lacking and may_install:
        install([word for need in lacking for word in need.package.split()])
        lacking = missing(names)
    packages = " ".join(need.package for need in lacking)
    return [
        f"missing: {need.what}: install Debian's {need.package} (sudo apt-get install {packages})"
        + (" or set CHROMIUM_PATH to a Chromium" if need.name == "chromium" else "")
        for need in lacking
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.prerequisites", description=__doc__.splitlines()[0])
    parser.add_argument("needs", nargs="+", choices=sorted(NEEDS))
    parser.add_argument("--no-install", action="store_true", help="only check; never run apt-get")
    args = parser.parse_args(argv)
    problems = ensure(args.needs, may_install=not args.no_install)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
