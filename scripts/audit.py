"""Lighthouse and axe-core on the key pages of the site, in both languages, as a static host serves it.

    python scripts/audit.py                     # builds site/ when stale, then audits it
    python scripts/audit.py --site-dir /tmp/x   # audits a site built elsewhere

Lighthouse 12 (Lighthouse 13 needs a newer Node) with its mobile preset (the default form factor),
Debian's Chromium, nothing resolvable but 127.0.0.1. Prints one row per page: the four Lighthouse
scores and the serious or critical axe violations. Exits 1 when a page misses the targets: 100 in
Accessibility, Best Practices and SEO, at least 95 in Performance, no serious or critical violation.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.tools.audit import (  # noqa: E402
    AXE,
    AXE_CONTEXT,
    CATEGORIES,
    CHROMIUM,
    CHROMIUM_FLAGS,
    LIGHTHOUSE,
    PAGES,
    SEVERE,
    describe_violation,
    launch_chromium,
    run_axe,
)
from handbook.tools.static_host import StaticHost  # noqa: E402

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *(shlex.quote(flag) for flag in CHROMIUM_FLAGS)])
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    if run.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{run.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict) -> list[str]:
    """The audits that cost points, per category, for the notes under the table."""
    notes = []
    for name in CATEGORIES:
        category = report["categories"][name]
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                notes.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {value}".rstrip())
    return notes


def axe_all(base: str) -> dict[str, list[dict]]:
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        # The same phone-sized viewport as Lighthouse's mobile preset.
        context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                      is_mobile=True, has_touch=True, **AXE_CONTEXT)
        page = context.new_page()
        for path in PAGES:
            page.goto(base + path, wait_until="load")
            found[path] = run_axe(page)
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: site/, built when stale)")
    parser.add_argument("--json", type=Path, help="also write all figures to this file")
    args = parser.parse_args(argv)
    for needed, hint in ((LIGHTHOUSE, "npm ci"), (AXE, "npm ci"), (CHROMIUM, "apt-get install chromium")):
        if not needed.exists():
            print(f"missing {needed}: run `{hint}`", file=sys.stderr)
            return 2
    if not shutil.which("node"):
        print("node is not installed", file=sys.stderr)
        return 2
    if args.site_dir:
        site = args.site_dir
    else:
        from tests.sitebuild import ensure_site

        site = ensure_site()

    rows, notes, problems = [], [], []
    with StaticHost(site, gzip=True) as host, tempfile.TemporaryDirectory() as tmp:
        print(f"auditing {site} served with gzip at {host.url} (Lighthouse mobile preset)", flush=True)
        violations = axe_all(host.url)
        for number, path in enumerate(PAGES):
            report = lighthouse(host.url + path, Path(tmp) / f"{number}.json")
            scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
            severe = [v for v in violations[path] if v["impact"] in SEVERE]
            rows.append((path or "/", scores, violations[path]))
            notes += [f"/{path}: {note}" for note in failing_audits(report)]
            notes += [f"/{path}: axe {describe_violation(v)}" for v in violations[path]]
            problems += [f"/{path}: {name} {scores[name]} < {target}"
                         for name, target in TARGETS.items() if scores[name] < target]
            problems += [f"/{path}: axe {describe_violation(v)}" for v in severe]
            print(f"  {path or '/'} done", file=sys.stderr, flush=True)

    header = f"| {'page':<52} | Perf | A11y | BP  | SEO | axe serious/critical | axe other |"
    print()
    print(header)
    print("|" + "|".join("-" * (len(cell) + 0) for cell in header.split("|")[1:-1]) + "|")
    for path, scores, found in rows:
        severe = sum(1 for v in found if v["impact"] in SEVERE)
        print(f"| {path:<52} | {scores['performance']:>4} | {scores['accessibility']:>4} | "
              f"{scores['best-practices']:>3} | {scores['seo']:>3} | {severe:>20} | "
              f"{len(found) - severe:>9} |")
    if notes:
        print("\nWhat costs points:")
        for note in notes:
            print("  " + note)
    if args.json:
        args.json.write_text(json.dumps(
            [{"page": p, "scores": s, "axe": [f"{v['id']}:{v['impact']}" for v in f]} for p, s, f in rows],
            ensure_ascii=False, indent=2), encoding="utf-8")
    if problems:
        print("\nBelow target:\n  " + "\n  ".join(problems))
        return 1
    print("\nAll pages meet the targets (Performance ≥ 95; Accessibility, Best Practices, SEO 100; "
          "no serious or critical axe violation).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
