"""A phone on a slow network, and a server that serves the built site as GitHub Pages does.

The first-search test and ``bench/first_search.py`` use both: the browser's network is throttled through the
DevTools protocol (``Network.emulateNetworkConditions``) and its processor slowed (``Emulation.setCPUThrottlingRate``),
as Chrome's DevTools "Slow 3G" and a mid-range phone; the server compresses text with gzip and lets files be cached
for ten minutes (``Cache-Control: max-age=600``), the headers GitHub Pages, where the site is deployed, sends.
"""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
"""Chrome DevTools' "Slow 3G": 2 s round trip, 400 kbit/s each way (bytes per second here)."""
PHONE_CPU = 4
"""How many times slower than this machine the phone's processor runs (Lighthouse's mobile setting)."""
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for text types when the client accepts it (as any static host does)."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> object:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class PagesHandler(GzipHandler):
    """:class:`GzipHandler`, and every file cacheable for ten minutes, as GitHub Pages serves them."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve_like_pages(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 on a free port, as GitHub Pages would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def slow_down(context, page) -> None:
    """Throttle ``page``'s network to :data:`SLOW_3G` and its processor by :data:`PHONE_CPU`."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
