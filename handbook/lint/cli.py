"""Command line of the linters: `python scripts/lint.py {links,terms,meta,privacy,all} [PATH ...]`."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook import DATA, gitfiles
from handbook.build import docs_tree
from handbook.data import DataError
from handbook.lint import completeness as completeness_mod
from handbook.lint import links as links_mod
from handbook.lint import meta as meta_mod
from handbook.lint import privacy as privacy_mod
from handbook.lint import terms as terms_mod
from handbook.lint.findings import Finding, render
from handbook.lint.fix import fix_file
from handbook.lint.markdown_scan import Document, Heading, Link, read_document
from handbook.lint.rules import LINTERS, RULES, rules_table

DESCRIPTION = """\
Lint the handbook's Markdown pages.

  links    internal links, images, reference links, #anchors and nav entries, resolved as
           MkDocs resolves them (i18n-aware); --external also checks http(s) links
  terms    wording: glossary terms, data/wording.yml, punctuation and number norms
           (GB/T 15834, GB/T 15835, GB/T 9704)
  meta     front matter schema, translation metadata and unfinished pages (prompts of
           `make new` left in, a model practice without a source paragraph)
  privacy  phone, ID-card and car plate numbers, e-mail addresses, executable HTML
  all      all four

The five source reports (type: source) are reproduced uncorrected, so the terms linter leaves
them alone unless --include-sources is given (their slips are then warnings).

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
    parser.add_argument("--include-sources", action="store_true",
                        help="also lint the wording of the source reports (as warnings)")
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
    # Pages behind a link would be published unlinted, a loop would never end: links are refused.
    try:
        docs_tree.refuse_symlinks(folder)
    except docs_tree.SymlinkError as error:
        raise UsageError(str(error)) from None
    return docs_tree.markdown_files(folder)


def changed_files(base: str, cwd: Path) -> list[Path]:
    try:
        return [path for path in gitfiles.changed_files(base, cwd) if path.suffix == ".md"]
    except gitfiles.GitError as error:
        raise UsageError(str(error)) from None


def select_files(paths: Sequence[str], docs_dir: Path, changed: str | None) -> list[Path]:
    selected: list[Path] = []
    if paths:
        for name in paths:
            path = Path(name)
            if path.is_symlink():
                raise UsageError(f"{name}: symbolic link to {os.readlink(path)}; lint the file itself")
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
    unique: dict[str, Path] = {}
    folders: dict[str, str] = {}
    for path in selected:
        unique.setdefault(os.path.normcase(resolve(path, folders)), path)
    return list(unique.values())


def resolve(path: Path, folders: dict[str, str]) -> str:
    """str(path.resolve()), resolving each folder once (`folders` remembers them)."""
    text = os.fspath(path)
    if ".." in text:
        return str(path.resolve())
    folder, name = os.path.split(os.path.abspath(text))
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = str(Path(folder).resolve())
    full = os.path.join(real, name)
    return str(Path(full).resolve()) if os.path.islink(full) else full


# Below this many files a run stays in one process: forking costs more than it saves.
PARALLEL_MIN_FILES = 200
# HANDBOOK_LINT_JOBS=1 keeps a run in one process; N > 1 caps the worker processes.
JOBS_VARIABLE = "HANDBOOK_LINT_JOBS"


@dataclass
class _Scanned:
    """One file after its scan and the linters that need nothing but the file itself."""

    index: int
    doc: Document
    resolved: str  # doc.path.resolve(), as a string
    found: list[Finding]  # terms, meta and privacy findings (the scanner's own are doc.problems)
    ids: links_mod.PageIds | None  # what links from other pages need (when links run)


def run(linters: Sequence[str], files: list[Path], config_file: Path, *, whole_site: bool,
        fix: bool = False, external: bool = False, external_options: dict | None = None,
        workers: int | None = None, include_sources: bool = False) -> list[Finding]:
    """Lint `files`. Each file is read and scanned once; the file-local linters (terms, meta,
    privacy) run on that scan, in worker processes for a large run (`workers`, default: one per
    core for PARALLEL_MIN_FILES files or more), and the links linter then runs here on what the
    scans found (a link target that is not among `files` is scanned once, on demand)."""
    # A run allocates many small objects and frees them all at its end: the cyclic garbage
    # collector would only walk them again and again (about a tenth of the time of a large run).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(linters, files, config_file, whole_site=whole_site, fix=fix, external=external,
                    external_options=external_options, workers=workers, include_sources=include_sources)
    finally:
        if collecting:
            gc.enable()


def _run(linters: Sequence[str], files: list[Path], config_file: Path, *, whole_site: bool,
         fix: bool, external: bool, external_options: dict | None, workers: int | None,
         include_sources: bool) -> list[Finding]:
    site = None
    findings: list[Finding] = []
    use_links = "links" in linters
    local = [name for name in linters if name != "links"]
    jobs = 1 if fix else _jobs(len(files), workers)
    cwd = str(Path.cwd().resolve())
    tasks = [([(index, files[index]) for index in group], local, use_links, cwd, fix, include_sources)
             for group in _groups(files)]
    scanned: list[_Scanned] = []
    if jobs > 1:
        _warm_up(local)
        scanned, site = _scan_parallel(tasks, jobs, config_file if use_links else None)
    else:
        if use_links:
            site = links_mod.Site.load(config_file)
        for task in tasks:
            scanned.extend(_scan_group(task))
    scanned.sort(key=lambda item: item.index)
    if site is not None:
        if whole_site:
            findings.extend(links_mod.check_nav(site))
        for item in scanned:
            uri = site.uri_of(item.resolved)
            if uri is not None and item.ids is not None:
                site.remember(uri, item.ids)
    docs: list[Document] = []
    for item in scanned:
        doc = item.doc
        docs.append(doc)
        findings.extend(doc.problems)
        if not doc.ok:
            continue
        if use_links and site is not None:
            findings.extend(links_mod.check(doc, site, item.resolved))
        findings.extend(item.found)
    if fix and "terms" in linters:
        for doc in docs:
            own = [f for f in findings if f.path == doc.display and f.fix is not None]
            if own and fix_file(doc.path, doc.text, doc.had_bom, own):
                findings = [f for f in findings if f.path != doc.display]
                doc = read_document(doc.path, doc.display)
                if site is not None:
                    uri = links_mod.src_uri(site, doc.path)
                    if uri is not None:
                        site.remember(uri, links_mod.page_ids(doc))
                findings.extend(_lint(doc, linters, site, include_sources))
    if external and site is not None:
        findings.extend(_external(docs, external_options or {}))
    if whole_site and "privacy" in linters:
        findings.extend(_data_files())
    unique = {(f.path, f.line, f.column, f.rule, f.message): f for f in findings}
    return sorted(unique.values())


def _jobs(count: int, workers: int | None) -> int:
    if workers is None:
        setting = os.environ.get(JOBS_VARIABLE, "")
        cap = int(setting) if setting.isdigit() and int(setting) > 0 else None
        if count < PARALLEL_MIN_FILES or cap == 1:
            return 1
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 1
        workers = min(cores, cap or cores)
    # Workers are forked: they share the loaded rules and data instead of loading them again.
    if workers <= 1 or not sys.platform.startswith("linux"):
        return 1
    return min(workers, max(1, count))


def _groups(files: list[Path]) -> list[list[int]]:
    """Indexes of `files`, a Chinese page together with its English twin and first, so that the
    twin's metadata check finds the source's front matter already read."""
    groups: dict[str, list[int]] = {}
    for index, path in enumerate(files):
        name = path.name
        source = path.with_name(name[: -len(".en.md")] + ".md") if name.endswith(".en.md") else path
        groups.setdefault(os.path.abspath(source), []).append(index)
    return [sorted(group, key=lambda index: files[index].name.endswith(".en.md")) for group in groups.values()]  # noqa: E501


def _display(path: Path, resolved: str, cwd: str) -> str:
    """handbook.lint.findings.display_path, with both paths resolved already."""
    if os.sep == "/" and resolved.startswith(cwd.rstrip("/") + "/"):
        return resolved[len(cwd.rstrip("/")) + 1:]
    try:
        return Path(resolved).relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _scan_group(task: tuple[list[tuple[int, Path]], list[str], bool, str, bool, bool]) -> list[_Scanned]:
    items, local, use_links, cwd, keep_text, include_sources = task
    by_path: dict[str, Document] = {}
    out: list[_Scanned] = []
    folders: dict[str, str] = {}
    for index, path in items:
        resolved = resolve(path, folders)
        doc = read_document(path, _display(path, resolved, cwd))
        by_path[os.path.abspath(path)] = doc
        found = _local_checks(doc, local, include_sources, by_path) if doc.ok else []
        ids = links_mod.page_ids(doc) if use_links else None
        out.append(_Scanned(index, doc, resolved, found, ids))
    if not keep_text:
        # The texts are not needed any more; a worker would only copy them back.
        for item in out:
            item.doc.text = item.doc.prose = item.doc.nocode = ""
    return out


def _warm_up(local: list[str]) -> None:
    """Load the rules and data before forking, so that every worker has them."""
    try:
        if "terms" in local:
            from handbook.lint import segment, suspect

            terms_mod.wording().prepare()
            terms_mod._english_renderings()
            segment.segmenter()
            suspect.lexicon()
        if "meta" in local:
            from handbook.data import source_reports, tags, topics

            tags()
            topics()
            source_reports()
    except Exception:  # noqa: BLE001 - the linter that needs the data reports the error itself
        pass


def _scan_parallel(tasks: list, jobs: int, config_file: Path | None
                   ) -> tuple[list[_Scanned], links_mod.Site | None]:
    import multiprocessing

    size = max(1, min(64, len(tasks) // (jobs * 8)))
    chunks = [tasks[start:start + size] for start in range(0, len(tasks), size)]
    pool = multiprocessing.get_context("fork").Pool(jobs)
    try:
        pending = pool.imap_unordered(_scan_chunk, chunks)
        # The MkDocs configuration loads here while the workers scan.
        site = links_mod.Site.load(config_file) if config_file is not None else None
        scanned = [_unpack(packed) for part in pending for packed in part]
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    return scanned, site


def _scan_chunk(tasks: list) -> list[tuple]:
    """A worker's share, as plain tuples: they cross the pipe several times faster than the
    dataclasses (the text and front matter stay behind; only the links linter reads the rest)."""
    return [_pack(item) for task in tasks for item in _scan_group(task)]


def _finding_fields(finding: Finding) -> tuple:
    return (finding.path, finding.line, finding.column, finding.rule, finding.severity, finding.message,
            finding.suggestion, finding.target, finding.fix)


def _pack(item: _Scanned) -> tuple:
    doc = item.doc
    ids = item.ids
    return (item.index, item.resolved, str(doc.path), doc.display, doc.ok, doc.locale, doc.had_bom,
            doc.body_start, doc.line_starts, [(link.offset, link.target, link.kind) for link in doc.links],
            [(heading.offset, heading.id) for heading in doc.headings],
            [_finding_fields(f) for f in doc.problems], doc.disabled, doc.file_disabled,
            [_finding_fields(f) for f in item.found],
            None if ids is None else (ids.ok, tuple(ids.explicit), tuple(ids.headings)))


def _unpack(packed: tuple) -> _Scanned:
    (index, resolved, path, display, ok, locale, had_bom, body_start, line_starts, links, headings,
     problems, disabled, file_disabled, found, ids) = packed
    doc = Document(path=Path(path), locale=locale, had_bom=had_bom, ok=ok, body_start=body_start,
                   line_starts=line_starts, links=[Link(*link) for link in links],
                   headings=[Heading(*heading) for heading in headings],
                   problems=[Finding(*f) for f in problems], disabled=disabled,
                   file_disabled=file_disabled, display=display)
    page = None if ids is None else links_mod.PageIds(ids[0], frozenset(ids[1]), frozenset(ids[2]))
    return _Scanned(index, doc, resolved, [Finding(*f) for f in found], page)


def _data_files() -> list[Finding]:
    """The data files reach every page (glossary tooltips, topic cards): executable HTML and
    personal data in them are flagged as in a page. The build escapes their text anyway."""
    found: list[Finding] = []
    cwd = str(Path.cwd().resolve())
    for path in sorted(DATA.glob("*.yml")):
        doc = read_document(path, _display(path, str(path.resolve()), cwd))
        if doc.ok:
            found.extend(privacy_mod.check(doc))
        else:
            found.extend(doc.problems)
    return found


def _lint(doc: Document, linters: Sequence[str], site: links_mod.Site | None,
          include_sources: bool) -> list[Finding]:
    found = list(doc.problems)
    if not doc.ok:
        return found
    if "links" in linters and site is not None:
        found.extend(links_mod.check(doc, site))
    found.extend(_local_checks(doc, linters, include_sources))
    return found


def _local_checks(doc: Document, linters: Sequence[str], include_sources: bool,
                  scanned: dict[str, Document] | None = None) -> list[Finding]:
    """The findings of the file-local linters on a readable page. The source reports are
    reproduced uncorrected: their wording is checked only when asked (`include_sources`)."""
    found: list[Finding] = []
    if "terms" in linters and (include_sources or doc.page_type != "source"):
        found.extend(terms_mod.check(doc))
    if "meta" in linters:
        found.extend(meta_mod.check(doc, scanned))
        found.extend(completeness_mod.check(doc))
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
    collecting = gc.isenabled()
    gc.disable()  # see run(); the output of a large run is as many objects again
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    # Intermixed: `lint.py all --include-sources docs/sources` as well as the paths first.
    args = parser.parse_intermixed_args(argv)
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
                       fix=args.fix, external=args.external, external_options=options,
                       include_sources=args.include_sources)
    except (UsageError, links_mod.ConfigError, DataError) as error:
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
