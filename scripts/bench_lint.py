#!/usr/bin/env python3
"""Benchmark the linters on a synthetic corpus (not a timed test).

Generates N Chinese pages with English twins (report prose built from the source reports, with
internal links and anchors) into a temporary folder and prints, in one run: the wall time of
`lint.py all`, of `mkdocs build --strict` with the site's own settings but docs_dir pointed at the
corpus, their ratio, the wording linter's throughput on one core, autocorrect-py's own lint
throughput on the same corpus, and the time of a `--changed`-style run on a few files.

Then the wording linter on text nobody here wrote: findings per MB and rule on the edited law
texts of ../shared/corpora/official-edited (where almost every finding is false, except the
kinds its README names), the slips of the source reports it flags, the misspelling detector's
recall and false alarms on its development set (scripts/wording_devset.py) and the share of
the public misspelling lists it flags.

    python scripts/bench_lint.py [--pages 3000] [--keep] [--skip-build] [--wording-only]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.data import tags, topics  # noqa: E402
from handbook.lint import terms  # noqa: E402
from handbook.lint.markdown_scan import read_document  # noqa: E402
from handbook.sources import load_reports  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import wording_devset  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "official-edited"
# Kinds of finding that are real on the edited corpus (its README): half-width punctuation of the
# Markdown edition, older variant word forms, ○ as zero, and the numbering of the edition.
EXPECTED_ON_CORPUS = {"punct-halfwidth", "wording-variant", "number-year-zero", "numbering-order"}
# Slips of the source reports named in issue 11, with what each should become.
REPORT_SLIPS = [("全天侯", "全天候"), ("即是", "既是"), ("40与人", "余"), ("二00八", "二〇〇八年"),
                ("截止目前", "截至目前"), ("平果梨", "苹果梨")]

SECTIONS = [("summary", "做法概要", "Summary"), ("who", "谁来做", "Who"), ("steps", "怎么做", "Steps"),
            ("results", "成效", "Results"), ("pitfalls", "注意事项", "Pitfalls")]
EN_WORDS = ("the subdistrict grid staff inspect streets weekly and record problems in a ledger so that "
            "every issue is fixed by a named person before the next unannounced visit").split()


def sentences() -> list[str]:
    found = []
    for report in load_reports():
        for paragraph in report.paragraphs:
            for part in re.split(r"(?<=[。！？])", paragraph.replace(",", "，").replace(":", "：")):
                if len(part) > 8:
                    found.append(part.strip())
    return found


def generate(target: Path, pages: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    pool = sentences()
    slugs = [t["slug"] for t in topics()]
    zh_tags = [t["zh"] for t in tags()["unit_levels"] + tags()["keywords"]]
    en_tags = {t["zh"]: t["en"] for t in tags()["unit_levels"] + tags()["keywords"]}
    docs = target / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    names = [(slugs[i % len(slugs)], f"practice-{i:04d}") for i in range(pages)]
    written = []
    for index, (slug, name) in enumerate(names):
        folder = docs / "topics" / slug
        folder.mkdir(parents=True, exist_ok=True)
        chosen = rng.sample(zh_tags, 2)
        zh = [f"---\ntitle: 典型做法{index}\ntype: practice\ntopic: {slug}\ntags: [{', '.join(chosen)}]\n"
              f"sources: [report-{index % 5 + 1}]\nupdated: 2025-01-01\n---\n\n# 典型做法{index}\n"]
        en = [f"---\ntitle: Practice {index}\ntype: practice\ntopic: {slug}\n"
              f"tags: [{', '.join(en_tags[t] for t in chosen)}]\nsources: [report-{index % 5 + 1}]\n"
              f"updated: 2025-01-01\n---\n\n# Practice {index}\n"]
        for anchor, zh_title, en_title in SECTIONS:
            other_slug, other = names[rng.randrange(pages)]
            link = f"../{other_slug}/{other}.md#{rng.choice(SECTIONS)[0]}"
            paragraphs = []
            for _ in range(3):
                paragraphs.append("".join(rng.sample(pool, 3)))
            paragraphs[1] += f"参见[相关做法]({link})。"
            zh.append(f"\n## {zh_title} {{#{anchor}}}\n\n" + "\n\n".join(paragraphs) + "\n")
            words = " ".join(rng.choice(EN_WORDS) for _ in range(60))
            en.append(f"\n## {en_title} {{#{anchor}}}\n\n{words.capitalize()}. See [a related practice]({link}).\n")  # noqa: E501
        zh.append(f"\n## 出处 {{#source}}\n\n- [原文](../../sources/report-{index % 5 + 1}.md#p{rng.randint(1, 5)})\n")  # noqa: E501
        en.append(f"\n## Source {{#source}}\n\n- [Original](../../sources/report-{index % 5 + 1}.md#p1)\n")
        (folder / f"{name}.md").write_text("".join(zh), encoding="utf-8")
        (folder / f"{name}.en.md").write_text("".join(en), encoding="utf-8")
        written += [folder / f"{name}.md", folder / f"{name}.en.md"]
    sources = docs / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "docs" / "sources").glob("*.md"):
        shutil.copy(path, sources / path.name)
    for path in [ROOT / "docs" / "index.md", ROOT / "docs" / "index.en.md", ROOT / "docs" / "tags.md",
                 ROOT / "docs" / "tags.en.md"]:
        if path.is_file():
            shutil.copy(path, docs / path.name)
    return written


def write_config(target: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir:.*$", f"docs_dir: {target / 'docs'}", text, flags=re.M)
    text = re.sub(r"^site_dir:.*$", f"site_dir: {target / 'site'}", text, flags=re.M)
    text = text.replace("hooks/handbook_hooks.py", str(ROOT / "hooks" / "handbook_hooks.py"))
    text = re.sub(r"custom_dir: *overrides", f"custom_dir: {ROOT / 'overrides'}", text)
    config = target / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, result.returncode, result.stderr[-2000:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # noqa: E501
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument("--skip-build", action="store_true", help="do not run mkdocs build")
    parser.add_argument("--wording-only", action="store_true",
                        help="only the wording figures on real text (no synthetic corpus, no build)")
    args = parser.parse_args()
    if args.wording_only:
        wording_on_real_text()
        return 0
    try:
        lint_and_build(args)
    finally:
        wording_on_real_text()
    return 0


def lint_and_build(args: argparse.Namespace) -> None:
    target = Path(tempfile.mkdtemp(prefix="bench-lint-"))
    try:
        files = generate(target, args.pages)
        config = write_config(target)
        total = sum(p.stat().st_size for p in (target / "docs").rglob("*.md"))
        print(f"corpus: {len(files)} pages ({args.pages} Chinese + English twins), "
              f"{total / 1e6:.1f} MB in {target}")
        python = sys.executable
        lint_time, lint_rc, lint_err = timed([python, str(ROOT / "scripts" / "lint.py"), "all",
                                              "--config", str(config), "--format", "json"], ROOT)
        print(f"lint.py all:            {lint_time:8.2f} s (exit {lint_rc}; {lint_err.strip()[-200:]})")
        if not args.skip_build:
            build_time, build_rc, build_err = timed(
                [python, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)], ROOT)
            print(f"mkdocs build --strict:  {build_time:8.2f} s (exit {build_rc})")
            if build_rc:
                print("  build output: " + build_err.strip().replace("\n", "\n  ")[-600:])
            print(f"ratio lint/build:       {lint_time / build_time:8.3f} (target <= 0.050)")
        texts = [(p, p.read_text(encoding="utf-8")) for p in files]
        nbytes = sum(len(t.encode()) for _p, t in texts)
        wording_speed(texts)
        try:
            import autocorrect_py

            start = time.perf_counter()
            for path, text in texts:
                autocorrect_py.lint_for(text, path.name)
            ac_time = time.perf_counter() - start
            print(f"autocorrect-py lint:    {nbytes / 1e6 / ac_time:8.2f} MB/s on the same corpus")
        except ImportError:
            print("autocorrect-py lint:    not installed")
        few = [str(p) for p in files[:4]]
        few_time, few_rc, _ = timed([python, str(ROOT / "scripts" / "lint.py"), "all", *few,
                                     "--config", str(config)], ROOT)
        print(f"--changed-style run:    {few_time:8.2f} s for {len(few)} files (target < 1 s)")
    finally:
        if args.keep:
            print(f"kept {target}")
        else:
            shutil.rmtree(target, ignore_errors=True)


def wording_speed(texts: list[tuple[Path, str]]) -> None:
    """Throughput of scan + terms on one core, in CPU time of this process (the machine may be
    shared), beside that of the segmenter alone on the same pages for scale."""
    from handbook.lint import segment, suspect

    nbytes = sum(len(t.encode()) for _p, t in texts)
    terms.wording().prepare()
    start = time.process_time()
    segment.segmenter()
    suspect.lexicon()
    load = time.process_time() - start
    # The best of five passes each: the machine may be shared, and noise only ever adds time.
    cpu = cut = float("inf")
    for _ in range(5):
        start = time.process_time()
        for path, text in texts:
            terms.check(read_document(path, text=text))
        cpu = min(cpu, time.process_time() - start)
        start = time.process_time()
        for _path, text in texts:
            segment.cut(text)
        cut = min(cut, time.process_time() - start)
    print(f"wording linter:         {nbytes / 1e6 / cpu:8.2f} MB/s on one core, detector on "
          f"(scan + terms, {nbytes / 1e6:.1f} MB in {cpu:.2f} s CPU, best of 5; target >= 5); "
          f"segmentation alone {nbytes / 1e6 / cut:.2f} MB/s; loading lexicon and segmenter {load:.2f} s")


def wording_on_real_text() -> None:
    import collections

    if CORPUS.is_dir():
        files = sorted(p for p in CORPUS.glob("*.md") if p.name != "_index.md")
        texts = [(p, p.read_text(encoding="utf-8")) for p in files]
        megabytes = sum(len(t.encode()) for _p, t in texts) / 1e6
        wording_speed(texts)
        counts: collections.Counter[str] = collections.Counter()
        for path, text in texts:
            counts.update(f.rule for f in terms.check(read_document(path, text=text)))
        print(f"edited law texts ({len(files)} files, {megabytes:.2f} MB), findings per MB:")
        for rule, count in counts.most_common():
            mark = "" if rule in EXPECTED_ON_CORPUS else "   <- counts against the goal"
            print(f"  {rule:26} {count:5} {count / megabytes:7.2f}/MB{mark}")
        others = sum(count for rule, count in counts.items() if rule not in EXPECTED_ON_CORPUS)
        print(f"  rules other than {', '.join(sorted(EXPECTED_ON_CORPUS))}: {others / megabytes:.2f}/MB "
              "(target <= 5)")
    else:
        print(f"edited law texts: {CORPUS} not found, skipped")
    reports = sorted((ROOT.parent / "shared" / "sources").glob("*.txt"))
    if reports:
        text = "".join(path.read_text(encoding="utf-8") for path in reports)
        hits = terms.lint_text(text)
        flagged = []
        for wrong, right in REPORT_SLIPS:
            at = text.find(wrong)
            covered = [hit for hit in hits if hit.offset < at + len(wrong) and at < hit.offset + hit.length]
            if at != -1 and any(right in (hit.suggestion or "") for hit in covered):
                flagged.append(wrong)
        print(f"source reports: {len(flagged)} of {len(REPORT_SLIPS)} named slips flagged on the spot "
              f"({'、'.join(flagged)}; target >= 5)")
    cases = wording_devset.generate(600, seed=2)
    result = wording_devset.score(cases)
    print(f"detector, development set of {result['cases']} corrupted real sentences: "
          f"{result['flagged']:.1%} flagged on the spot (target >= 70%), {result['corrected']:.1%} with the "
          f"right suggestion (>= 60%), {result['false_alarms']:.1%} false alarms on the same sentences "
          "written correctly (<= 2%)")
    flagged_lists, total, missed = wording_devset.public_lists()
    print(f"public lists of frequent misspellings: {flagged_lists}/{total} flagged "
          f"({flagged_lists / max(1, total):.1%}; target >= 80%)"
          + (f"; missed {'、'.join(missed)}" if missed else ""))


if __name__ == "__main__":
    sys.exit(main())
