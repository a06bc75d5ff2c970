#!/usr/bin/env python3
"""Benchmark the linters on a synthetic corpus (not a timed test).

Generates N Chinese pages with English twins (report prose built from the source reports, with
internal links and anchors) into a temporary folder and prints, in one run: the wall time of
`lint.py all`, of `mkdocs build --strict` with the site's own settings but docs_dir pointed at the
corpus, their ratio, the wording linter's throughput on one core, autocorrect-py's own lint
throughput on the same corpus, and the time of a `--changed`-style run on a few files.

    python scripts/bench_lint.py [--pages 3000] [--keep] [--skip-build]
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
    args = parser.parse_args()
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
        terms.wording()
        start = time.perf_counter()
        for path, text in texts:
            terms.check(read_document(path, text=text))
        wording_time = time.perf_counter() - start
        print(f"wording linter:         {nbytes / 1e6 / wording_time:8.2f} MB/s on one core "
              f"(scan + terms, {nbytes / 1e6:.1f} MB in {wording_time:.2f} s; target >= 5)")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
