"""How long ``make serve`` takes to rebuild after a data edit: ``python bench/serve.py [--edits 3]``.

Starts ``python -m macros.engine.site serve`` on a free port with its own output folder, waits for the first build,
then touches ``data/roadmap.yaml`` (its content unchanged) and measures the time until the rebuilt site has
replaced the old one (its home page is a new file), ``--edits`` times. The time includes the server noticing
the change (it polls the watched folders) and its short wait for further changes; the CPU seconds the server
and its language builds spent are printed beside it (they do not depend on the machine's load).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data/roadmap.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def home_id(site: Path) -> tuple[int, int] | None:
    try:
        stat = (site / "index.html").stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its waited-for children (Linux ``/proc``), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def wait_for_new(site: Path, old: tuple[int, int] | None, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        now = home_id(site)
        if now is not None and now != old and (site / "en" / "index.html").exists():
            return time.perf_counter() - start
        time.sleep(0.01)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    site = Path(tempfile.mkdtemp(prefix="rr-serve-")) / "site"
    server = subprocess.Popen(
        [sys.executable, "-m", "macros.engine.site", "serve", "--out", str(site), "--port", str(free_port())],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
    )
    try:
        first = wait_for_new(site, None, 300)
        if first is None:
            print("the first build did not finish", file=sys.stderr)
            return 1
        print(f"first build: {first:.2f} s")
        time.sleep(2)  # the server starts watching once it serves
        times = []
        for _ in range(args.edits):
            old, cpu = home_id(site), cpu_seconds(server.pid)
            DATA.touch()
            took = wait_for_new(site, old, 120)
            if took is None:
                print("no rebuild after an edit", file=sys.stderr)
                return 1
            time.sleep(0.2)  # the language builds' processes are reaped
            times.append(took)
            print(f"rebuild after touching {DATA.relative_to(ROOT)}: {took:.2f} s "
                  f"({cpu_seconds(server.pid) - cpu:.2f} CPU s)", flush=True)
            time.sleep(1.5)
        print(f"median {statistics.median(times):.2f} s over {len(times)} edits")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
