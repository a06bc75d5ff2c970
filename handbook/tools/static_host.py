"""Serve the built site on 127.0.0.1 the way a static host does, for the browser tests and the audit.

What a static host does, and this server too:

- `/x/` answers `/x/index.html`, `/x` redirects to `/x/` when `x` is a folder;
- a missing path answers 404 with the 404 page of its language: `/en/404.html` for a path under
  `/en/`, `/404.html` for any other (see handbook/build/notfound.py for the hosts this assumes);
- with `gzip=True`, text (HTML, CSS, JavaScript, JSON, SVG, XML) is sent with
  `Content-Encoding: gzip` to a client that accepts it, as GitHub Pages does.

Usage: `with StaticHost(site_dir, gzip=True) as host: host.url` (a base URL ending with "/").
"""

from __future__ import annotations

import gzip as gzip_module
import mimetypes
import posixpath
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
TYPES = {".js": "application/javascript", ".json": "application/json", ".svg": "image/svg+xml",
         ".xml": "application/xml", ".css": "text/css", ".html": "text/html", ".txt": "text/plain",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".woff2": "font/woff2", ".webmanifest": "application/manifest+json"}


@lru_cache(maxsize=4096)
def _compressed(path: str, mtime: float) -> bytes:
    return gzip_module.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def content_type(path: Path) -> str:
    kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(TEXT_TYPES) else kind


class _Handler(BaseHTTPRequestHandler):
    server_version = "handbook-static/1"
    protocol_version = "HTTP/1.1"
    root: Path
    gzip: bool
    languages: tuple[str, ...]
    log: list[str]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        self.log.append(format % args)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def _resolve(self, url_path: str) -> tuple[int, Path | None, str | None]:
        path = posixpath.normpath(unquote(url_path))
        parts = [p for p in path.split("/") if p and p not in (".", "..")]
        target = self.root.joinpath(*parts)
        if target.is_dir():
            if not url_path.endswith("/"):
                return 301, None, url_path + "/"
            target = target / "index.html"
        if target.is_file() and self.root in target.resolve().parents:
            return 200, target, None
        language = parts[0] if parts and parts[0] in self.languages else None
        page = self.root / language / "404.html" if language else self.root / "404.html"
        return 404, page if page.is_file() else None, None

    def _answer(self, body: bool) -> None:
        url = urlsplit(self.path)
        status, target, location = self._resolve(url.path)
        if location is not None:
            self.send_response(status)
            self.send_header("Location", location + (f"?{url.query}" if url.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            data, kind = b"Not found", "text/plain; charset=utf-8"
        else:
            data, kind = target.read_bytes(), content_type(target)
        headers = {"Content-Type": kind, "Cache-Control": "max-age=600"}
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if self.gzip and accepts and target is not None and kind.startswith(TEXT_TYPES):
            data = _compressed(str(target), target.stat().st_mtime)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class StaticHost:
    """A static host for `root` on 127.0.0.1, in a background thread."""

    def __init__(self, root: Path, *, gzip: bool = False, port: int = 0,
                 languages: tuple[str, ...] = ("en",)) -> None:
        handler = type("Handler", (_Handler,), {
            "root": Path(root).resolve(), "gzip": gzip, "languages": languages, "log": []})
        self.handler = handler
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> StaticHost:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> StaticHost:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
