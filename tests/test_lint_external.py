"""External links against a real HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from handbook.lint.external import check_urls


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802
        codes = {"/ok": 200, "/gone": 404, "/removed": 410, "/busy": 503, "/slow-down": 429}
        self.send_response(codes.get(self.path, 404))
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_dead_flaky_ok_and_cache(server: str, tmp_path: Path) -> None:
    urls = {f"{server}/{p}" for p in ("ok", "gone", "removed", "busy", "slow-down")}
    cache = tmp_path / "cache.json"
    results = check_urls(urls, cache_file=cache, timeout=2, retries=1, backoff=0.01)
    states = {url.rsplit("/", 1)[1]: r.state for url, r in results.items()}
    assert states == {"ok": "ok", "gone": "dead", "removed": "dead", "busy": "flaky", "slow-down": "flaky"}
    assert cache.is_file()
    again = check_urls({f"{server}/ok"}, cache_file=cache, ttl=3600, timeout=2)
    assert again[f"{server}/ok"].checked == results[f"{server}/ok"].checked  # from the cache


def test_unreachable_port_is_flaky(tmp_path: Path) -> None:
    result = check_urls({"http://127.0.0.1:9/x"}, timeout=1, retries=0)
    assert result["http://127.0.0.1:9/x"].state == "flaky"
