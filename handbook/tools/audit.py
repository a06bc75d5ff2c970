"""The audit of `make audit` and tests/test_audit_axe.py: which pages, and how axe-core runs on them.

Lighthouse (npm package, pinned in package-lock.json) and axe-core both run against the built site
served like a static host (handbook/tools/static_host.py, gzip on), with Debian's Chromium.
"""

from __future__ import annotations

from pathlib import Path

from handbook import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    # Nothing but the local server resolves: a page that reaches out to the network fails.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

# Home, a topic overview, a practice and a template, in both languages.
PAGES = [
    prefix + path
    for prefix in ("", "en/")
    for path in ("", "topics/internet-cafes/", "topics/internet-cafes/practice-joint-crackdown/",
                 "topics/internet-cafes/template-crackdown-report/", "templates/check/")
]
SEVERE = {"serious", "critical"}
# axe-core is injected by the auditor as an inline script, which the site's Content-Security-Policy
# (handbook/build/csp.py) rightly refuses; contexts that run axe bypass the policy, nothing else does.
AXE_CONTEXT = {"bypass_csp": True}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def launch_chromium(playwright, executable: Path = CHROMIUM):
    """Debian's Chromium, headless, through Playwright (never a browser of `playwright install`)."""
    return playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)


def run_axe(page) -> list[dict]:
    """Inject axe-core into a loaded Playwright page, once its scripts have run; its violations.

    overrides/main.html runs the page's scripts after the first paint and then marks <html>
    data-scripts-ready; the load event alone would audit a page half set up."""
    page.wait_for_function("() => document.documentElement.hasAttribute('data-scripts-ready')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def describe_violation(violation: dict) -> str:
    targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
               for node in violation["nodes"][:3]]
    return f"{violation['impact']}: {violation['id']} ({len(violation['nodes'])}×, e.g. {', '.join(targets)})"
