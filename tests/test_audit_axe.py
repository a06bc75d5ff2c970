"""axe-core on the audited pages (handbook/tools/audit.py), phone and desktop: no serious or critical
violation.

axe-core comes from node_modules (package-lock.json, installed by `make install`). `make audit`
runs the same check next to Lighthouse and prints the scores.
"""

from __future__ import annotations

import pytest

from handbook.tools.audit import AXE, AXE_CONTEXT, PAGES, SEVERE, describe_violation, run_axe
from tests.sitebuild import tool_missing

VIEWPORTS = {
    "phone": {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


@pytest.fixture(scope="module", autouse=True)
def axe_installed() -> None:
    if not AXE.is_file():
        tool_missing(f"AXE TESTS NOT RUN: {AXE} is missing; run `npm ci` (make install)")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("path", PAGES + ["404.html", "en/404.html", "glossary/", "en/sources/report-2/"])
def test_no_serious_axe_violation(site_server: str, make_context, path: str, viewport: str) -> None:
    page = make_context(**VIEWPORTS[viewport], **AXE_CONTEXT).new_page()
    page.goto(site_server + path)
    violations = run_axe(page)
    severe = [describe_violation(v) for v in violations if v["impact"] in SEVERE]
    assert not severe, f"/{path} ({viewport}):\n" + "\n".join(severe)
