"""The GitHub workflow and form files parse, and name only make targets that exist; `make help`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, re.M))


def _run_steps(workflow: dict) -> list[str]:
    return [
        step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step
    ]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses_and_names_existing_make_targets(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    assert "jobs" in workflow and (True in workflow or "on" in workflow)
    targets = _make_targets()
    named = {
        t
        for run in _run_steps(workflow)
        for t in re.findall(r"\bmake\s+(?:--?[\w-]+\s+)*([a-z][a-z0-9-]*)", run)
    }
    assert named, "a workflow must run the project's make targets"
    assert named <= targets, f"unknown make targets: {named - targets}"


def test_checks_run_the_test_target_and_deploy_builds() -> None:
    runs = {p.name: " ".join(_run_steps(yaml.safe_load(p.read_text(encoding="utf-8")))) for p in WORKFLOWS}
    assert "make test" in runs["pr.yml"]
    assert "FORMAT=github" in runs["pr.yml"]
    assert "make build" in runs["deploy.yml"]


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_forms_parse(path: Path) -> None:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.name == "config.yml":
        assert "blank_issues_enabled" in form
        return
    assert form["name"] and form["description"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))


def test_codeowners_covers_every_topic_folder() -> None:
    from handbook.data import topics

    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    for topic in topics():
        assert f"/docs/topics/{topic['slug']}/" in owners


def test_make_help_lists_every_target_in_aligned_columns() -> None:
    run = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = [re.match(r"  make (\S+)( +)(\S.*)$", line) for line in run.stdout.splitlines()]
    assert rows and all(rows), run.stdout
    documented = set(re.findall(r"^([a-z][a-z0-9-]*):.*## ", (ROOT / "Makefile").read_text(encoding="utf-8"),
                                re.M))
    assert {row.group(1) for row in rows} == documented
    assert len({row.start(3) for row in rows}) == 1, run.stdout
