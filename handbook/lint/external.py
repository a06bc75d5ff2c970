"""External links (only with --external): concurrent checks with timeouts, retries and a cache.

Results are split into dead (404, 410, unknown host: an error) and flaky (timeout, 429, 5xx,
connection refused or reset: a warning). Results are cached in a JSON file for `ttl` seconds.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

DEAD_STATUSES = {404, 410}
USER_AGENT = "handbook-linkcheck/1.0 (+https://github.com/civilized-city-handbook/handbook)"


@dataclass
class Result:
    url: str
    state: str  # ok | dead | flaky
    detail: str
    checked: float


def _once(url: str, timeout: float) -> Result:
    now = time.time()
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
                return Result(url, "ok", f"HTTP {response.status}", now)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # servers that refuse HEAD: try GET
            if error.code in DEAD_STATUSES:
                return Result(url, "dead", f"HTTP {error.code}", now)
            if error.code == 429 or error.code >= 500:
                return Result(url, "flaky", f"HTTP {error.code}", now)
            # 401, 403 and other 4xx: the page exists but refuses robots; not proof of a dead link.
            return Result(url, "flaky", f"HTTP {error.code}", now)
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, socket.gaierror):
                return Result(url, "dead", f"unknown host ({reason})", now)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                return Result(url, "flaky", "timeout", now)
            return Result(url, "flaky", f"connection failed ({reason})", now)
        except TimeoutError:
            return Result(url, "flaky", "timeout", now)
        except (ConnectionError, OSError, ValueError) as error:
            return Result(url, "flaky", f"connection failed ({error})", now)
    return Result(url, "flaky", "no answer", now)


def check_url(url: str, timeout: float = 10.0, retries: int = 2, backoff: float = 0.5) -> Result:
    result = _once(url, timeout)
    attempt = 0
    while result.state == "flaky" and attempt < retries:
        time.sleep(backoff * (2 ** attempt))
        attempt += 1
        result = _once(url, timeout)
    return result


def load_cache(path: Path | None, ttl: float) -> dict[str, Result]:
    if path is None or not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    now = time.time()
    cache = {}
    for url, item in raw.items() if isinstance(raw, dict) else []:
        try:
            result = Result(url, item["state"], item["detail"], float(item["checked"]))
        except (KeyError, TypeError, ValueError):
            continue
        # Only definite answers are cached; flaky ones are asked again next time.
        if result.state != "flaky" and now - result.checked < ttl:
            cache[url] = result
    return cache


def save_cache(path: Path | None, results: dict[str, Result]) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {url: {"state": r.state, "detail": r.detail, "checked": r.checked} for url, r in results.items()}
    temp = path.with_suffix(path.suffix + ".tmp")
    temp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    temp.replace(path)


def check_urls(urls: set[str], *, cache_file: Path | None = None, ttl: float = 86400.0,
               timeout: float = 10.0, retries: int = 2, workers: int = 16,
               backoff: float = 0.5) -> dict[str, Result]:
    cache = load_cache(cache_file, ttl)
    results = {url: cache[url] for url in urls if url in cache}
    todo = sorted(url for url in urls if url not in results)
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
            for result in pool.map(lambda u: check_url(u, timeout, retries, backoff), todo):
                results[result.url] = result
    merged = dict(cache)
    merged.update(results)
    save_cache(cache_file, merged)
    return results
