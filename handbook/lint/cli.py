"""Command line of the linters: `python scripts/lint.py {links,terms,meta,privacy,all} [PATH ...]`."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from handbook.lint import links as links_mod
from handbook.lint import meta as meta_mod
from handbook.lint import privacy as privacy_mod
from handbook.lint import terms as terms_mod
from handbook.lint.findings import Finding, display_path, render
from handbook.lint.fix import fix_file
from handbook.lint.markdown_scan import Document, read_document
from handbook.lint.rules import LINTERS, RULES, rules_table

DESCRIPTION = """\
Lint the handbook's Markdown pages.

  links    internal links, images, reference links, #anchors and nav entries, resolved as
           MkDocs resolves them (i18n-aware); --external also checks http(s) links
  terms    wording: glossary terms, data/wording.yml, punctuation and number norms
           (GB/T 15834, GB/T 15835, GB/T 9704)
  meta     front matter schema and translation metadata
  privacy  phone, ID-card and car plate numbers, e-mail addresses, executable HTML
  all      all four

Exit status: 0 when nothing at error level was found, 1 when something was, 2 on a usage or
configuration error. Suppress a rule inline with <!-- lint-disable RULE --> ... <!-- lint-enable RULE -->
or for a page with `lint-disable: [RULE]` in its front matter. See --list-rules.
"""


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lint.py", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("linter", nargs="?", choices=[*LINTERS, "all"], help="which linter to run")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="Markdown files or folders (default: every page of the config's docs_dir)")
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--format", default="text", choices=["text", "json", "github", "markdown"],
                        help="output: text (path:line:col: severity rule message), json, github "
                             "annotations; markdown only with --list-rules")
    parser.add_argument("--fix", action="store_true", help="apply unambiguous fixes in place (atomic, idempotent)")  # noqa: E501
    parser.add_argument("--changed", nargs="?", const="HEAD", default=None, metavar="BASE",
                        help="only Markdown files changed against BASE (default HEAD) plus untracked files")
    parser.add_argument("--external", action="store_true", help="also check external http(s) links (links linter)")  # noqa: E501
    parser.add_argument("--external-cache", default=".cache/lint-external.json", metavar="FILE",
                        help="cache of external results (default: .cache/lint-external.json)")
    parser.add_argument("--external-ttl", type=float, default=86400.0, metavar="SECONDS",
                        help="how long cached external results stay valid (default: one day)")
    parser.add_argument("--external-timeout", type=float, default=10.0, metavar="SECONDS")
    parser.add_argument("--external-retries", type=int, default=2)
    parser.add_argument("--list-rules", action="store_true", help="print the rules (use --format markdown for a table)")  # noqa: E501
    return parser


def _docs_dir(config_file: Path) -> Path:
    """docs_dir of a config without running MkDocs (its !ENV and python tags are ignored here)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}  # noqa: S506
    except (OSError, yaml.YAMLError) as error:
        raise UsageError(f"{config_file}: cannot read the configuration: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{config_file}: not a MkDocs configuration")
    return (config_file.parent / str(data.get("docs_dir") or "docs")).resolve()


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _git(args: list[str], cwd: Path) -> list[str] | None:
    try:
        output = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return [line for line in output.stdout.splitlines() if line.strip()]


def changed_files(base: str, cwd: Path) -> list[Path]:
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if not top:
        raise UsageError("--changed needs a git working tree")
    root = Path(top[0])
    names = _git(["diff", "--name-only", base, "--"], root)
    if names is None:
        if base == "HEAD" and _git(["rev-parse", "--verify", "HEAD"], root) is None:
            names = _git(["ls-files"], root) or []  # no commit yet: everything is new
        else:
            raise UsageError(f"--changed: '{base}' is not a commit of this repository")
    names += _git(["ls-files", "--others", "--exclude-standard"], root) or []
    return sorted({(root / name).resolve() for name in names
                   if name.endswith(".md") and (root / name).is_file()})


def select_files(paths: Sequence[str], docs_dir: Path, changed: str | None) -> list[Path]:
    selected: list[Path] = []
    if paths:
        for name in paths:
            path = Path(name)
            if path.is_dir():
                selected.extend(_markdown_files(path))
            elif path.is_file():
                selected.append(path)
            else:
                raise UsageError(f"no such file or folder: {name}")
    elif changed is None:
        if not docs_dir.is_dir():
            raise UsageError(f"docs_dir {docs_dir} does not exist")
        selected = _markdown_files(docs_dir)
    if changed is not None:
        wanted = changed_files(changed, Path.cwd())
        if paths:
            scope = {p.resolve() for p in selected}
            selected = [p for p in wanted if p in scope]
        else:
            selected = wanted
    unique: dict[Path, Path] = {}
    for path in selected:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def run(linters: Sequence[str], files: list[Path], config_file: Path, *, whole_site: bool,
        fix: bool = False, external: bool = False, external_options: dict | None = None) -> list[Finding]:
    site = None
    findings: list[Finding] = []
    if "links" in linters:
        site = links_mod.Site.load(config_file)
        if whole_site:
            findings.extend(links_mod.check_nav(site))
    docs: list[Document] = []
    for path in files:
        doc = read_document(path, display_path(path))
        docs.append(doc)
        findings.extend(_lint(doc, linters, site))
    if fix and "terms" in linters:
        for doc in docs:
            own = [f for f in findings if f.path == doc.display and f.fix is not None]
            if own and fix_file(doc.path, doc.text, doc.had_bom, own):
                findings = [f for f in findings if f.path != doc.display]
                doc = read_document(doc.path, doc.display)
                findings.extend(_lint(doc, linters, site))
    if external and site is not None:
        findings.extend(_external(docs, external_options or {}))
    unique = {(f.path, f.line, f.column, f.rule, f.message): f for f in findings}
    return sorted(unique.values())


def _lint(doc: Document, linters: Sequence[str], site: links_mod.Site | None) -> list[Finding]:
    found = list(doc.problems)
    if not doc.ok:
        return found
    if "links" in linters and site is not None:
        found.extend(links_mod.check(doc, site))
    if "terms" in linters:
        found.extend(terms_mod.check(doc))
    if "meta" in linters:
        found.extend(meta_mod.check(doc))
    if "privacy" in linters:
        found.extend(privacy_mod.check(doc))
    return found


def _external(docs: list[Document], options: dict) -> list[Finding]:
    from handbook.lint import external

    occurrences: list[tuple[Document, int, str]] = []
    for doc in docs:
        for link in doc.links:
            if link.target.startswith(("http://", "https://")):
                occurrences.append((doc, link.offset, link.target))
    results = external.check_urls({url for _d, _o, url in occurrences}, **options)
    findings = []
    for doc, offset, url in occurrences:
        result = results.get(url)
        if result is None or result.state == "ok":
            continue
        rule_id = "link-external-dead" if result.state == "dead" else "link-external-flaky"
        if not doc.is_disabled(rule_id, "links", offset):
            findings.append(doc.finding(offset, rule_id, "error" if result.state == "dead" else "warning",
                                        f"{url}: {result.detail}", target=url))
    return findings


def list_rules(fmt: str) -> str:
    if fmt == "markdown":
        return rules_table("en")
    if fmt == "json":
        import json

        return json.dumps([vars(rule) for rule in RULES.values()], ensure_ascii=False, indent=2)
    return "\n".join(f"{r.id:26} {r.linter:8} {r.severity:8} {r.rationale_en or r.rationale}"
                     for r in RULES.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.list_rules:
        print(list_rules(args.format))
        return 0
    if args.linter is None:
        parser.print_usage(sys.stderr)
        print("lint.py: error: choose a linter: links, terms, meta, privacy or all", file=sys.stderr)
        return 2
    if args.format == "markdown":
        print("lint.py: error: --format markdown only goes with --list-rules", file=sys.stderr)
        return 2
    config_file = Path(args.config)
    try:
        if not config_file.is_file():
            raise UsageError(f"configuration file {args.config} not found")
        docs_dir = _docs_dir(config_file)
        files = select_files(args.paths, docs_dir, args.changed)
        linters = list(LINTERS) if args.linter == "all" else [args.linter]
        options = {
            "cache_file": Path(args.external_cache) if args.external_cache else None,
            "ttl": args.external_ttl, "timeout": args.external_timeout, "retries": args.external_retries,
        }
        findings = run(linters, files, config_file, whole_site=not args.paths and args.changed is None,
                       fix=args.fix, external=args.external, external_options=options)
    except (UsageError, links_mod.ConfigError) as error:
        print(f"lint.py: error: {error}", file=sys.stderr)
        return 2
    output = render(findings, args.format)
    if output:
        print(output)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if args.format == "text":
        print(f"{len(files)} files: {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if errors else 0
