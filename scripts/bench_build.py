"""Benchmark: build time and search index size of the site's own configuration on a synthetic corpus.

Generates realistic Chinese report pages (sentences of the five source reports) with English twins,
internal links and anchors, builds them with mkdocs.yml, hooks and overrides of this project, and
prints build seconds, seconds per page, the growth ratio between the two sizes, page weight and the
search index's bytes per character of indexed text. Figures, not pass/fail: compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook import ROOT
from handbook.data import topics  # noqa: E402
from handbook.search import search_pack
from handbook.sources import load_reports  # noqa: E402

ENGLISH_WORDS = (
    "volunteer service records install street committee inspection grid market hygiene licence "
    "campaign report township subdistrict community evaluation publicity patrol ledger rectification"
).split()


def _sentences() -> list[str]:
    text = "".join(p for r in load_reports() for p in r.paragraphs)
    parts = [s + "。" for s in re.split(r"[。；]", text) if len(s) > 12]
    return parts


def _english_sentence(rng: random.Random) -> str:
    words = rng.sample(ENGLISH_WORDS, 9)
    return " ".join(words).capitalize() + "."


def write_corpus(root: Path, pages: int, seed: int = 7) -> int:
    """Write `pages` Chinese pages, each with an English twin; return characters of Chinese body text."""
    rng = random.Random(seed)
    sentences = _sentences()
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name in ("tags.md", "tags.en.md"):
        shutil.copy(ROOT / "docs" / name, docs / name)
    slugs = [t["slug"] for t in topics()]
    front = (
        "---\ntitle: {title}\ntype: {type}\ntopic: {topic}\ntags: []\n"
        "sources: [report-1]\nupdated: 2026-11-27\n---\n\n"
    )
    (docs / "index.md").write_text(
        front.format(title="首页", type="guide", topic="general") + "# 首页\n\n<!-- topic-cards -->\n",
        encoding="utf-8",
    )
    (docs / "index.en.md").write_text(
        front.format(title="Home", type="guide", topic="general") + "# Home\n\n<!-- topic-cards -->\n",
        encoding="utf-8",
    )
    names = [(slugs[i % len(slugs)], f"practice-{i:05d}.md") for i in range(pages)]
    for slug in slugs:
        folder = docs / "topics" / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(
            front.format(title=f"专题{slug}", type="guide", topic=slug) + f"# 专题{slug}\n", encoding="utf-8"
        )
        (folder / "index.en.md").write_text(
            front.format(title=f"Topic {slug}", type="guide", topic=slug) + f"# Topic {slug}\n",
            encoding="utf-8",
        )
    characters = 0
    for number, (slug, name) in enumerate(names):
        zh, en = [], []
        for section in range(4):
            heading = rng.choice(sentences)[:10].strip("，,。:：")
            body = "".join(rng.sample(sentences, 3))
            target_slug, target = names[rng.randrange(pages)]
            link = f"../{target_slug}/{target}#s{rng.randrange(4)}"
            zh.append(f"## {heading} {{#s{section}}}\n\n{body}详见[相关做法]({link})。\n")
            en.append(
                f"## Section {section} {{#s{section}}}\n\n"
                f"{' '.join(_english_sentence(rng) for _ in range(4))} "
                f"See [a related practice]({link}).\n"
            )
            characters += len(heading) + len(body)
        title = rng.choice(sentences)[:12].strip("，,。:：") or f"做法{number}"
        (docs / "topics" / slug / name).write_text(
            front.format(title=title, type="practice", topic=slug) + f"# {title}\n\n" + "\n".join(zh),
            encoding="utf-8",
        )
        (docs / "topics" / slug / name.replace(".md", ".en.md")).write_text(
            front.format(title=f"Practice {number}", type="practice", topic=slug)
            + f"# Practice {number}\n\n"
            + "\n".join(en),
            encoding="utf-8",
        )
    for item in ("hooks", "overrides"):
        (root / item).symlink_to(ROOT / item)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return characters


def build(root: Path) -> float:
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{run.stderr[-3000:]}")
    return elapsed


def index_figures(site: Path) -> tuple[int, int, int]:
    """(bytes of the Chinese search pack, bytes the same data takes with \\uXXXX escapes, indexed
    characters: titles and text of the sections, tags left out)."""
    data = search_pack.read(site)
    head = site / json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))[
        "config"]["handbook"]["index"]
    texts = site / json.loads(head.read_text(encoding="utf-8"))["texts"]
    raw = head.read_bytes() + texts.read_bytes()
    escaped = len(json.dumps(data, separators=(",", ":")).encode())
    chars = sum(len(title + text) for _, _, title, text in data["sections"])
    return len(raw), escaped, chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 3000],
        help="numbers of Chinese pages to build (each with an English twin); default 1000 3000",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and print where")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        root = Path(tempfile.mkdtemp(prefix=f"bench-build-{size}-"))
        characters = write_corpus(root, size)
        seconds = build(root)
        site = root / "site"
        pages = list(site.rglob("*.html"))
        weight = sum(p.stat().st_size for p in pages) / len(pages)
        index_bytes, escaped_bytes, indexed = index_figures(site)
        results.append((size, seconds))
        print(
            f"{size:>5} zh pages (+{size} en): build {seconds:7.1f} s, "
            f"{seconds / (2 * size) * 1000:6.1f} ms/page, "
            f"{len(pages)} HTML files averaging {weight / 1024:6.1f} KiB; "
            f"zh search index {index_bytes / 1e6:5.1f} MB = {index_bytes / indexed:4.2f} bytes/char "
            f"(with \\u escapes it would be {escaped_bytes / indexed:4.2f}); body chars {characters}"
        )
        if args.keep:
            print(f"      corpus kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    if len(results) >= 2:
        (small, t_small), (large, t_large) = results[0], results[-1]
        print(
            f"growth: {large}/{small} pages = {large / small:.1f}x pages -> "
            f"{t_large / t_small:.2f}x build time "
            f"(target: at most {1.1 * large / small:.1f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
