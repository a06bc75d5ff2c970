"""Build the offline edition: the site opened from disk (file://), search included, as one zip.

    python scripts/offline.py                      # build/offline/ and dist/handbook-offline.zip
    python scripts/offline.py --no-strict --site-dir /tmp/off --zip /tmp/off.zip

For units on intranets without internet: unzip, open handbook-offline/index.html in a browser.
handbook/export/offline.py explains how search works without a server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.export.offline import pack  # noqa: E402

README = """创城工作知识库 · 离线版
解压后用浏览器打开 handbook-offline/index.html（英文版：handbook-offline/en/index.html）。
搜索、复制和下载都不需要联网。

Civilized City Campaign Handbook, offline edition
Unzip, then open handbook-offline/index.html in a browser (English: handbook-offline/en/index.html).
Search, copy and downloads work without a network.
"""


def build(site_dir: Path, strict: bool = True) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    command.append("--strict" if strict else "--no-strict")
    env = {**os.environ, "OFFLINE": "true", "SITE_URL": ""}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    (site_dir / "README.txt").write_text(README, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "build" / "offline")
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "handbook-offline.zip")
    parser.add_argument("--no-strict", action="store_true", help="build even with warnings")
    args = parser.parse_args(argv)
    try:
        build(args.site_dir.resolve(), strict=not args.no_strict)
    except subprocess.CalledProcessError as error:
        print(f"offline build failed ({error.returncode})", file=sys.stderr)
        return 1
    archive = pack(args.site_dir, args.zip)
    print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB): unzip and open handbook-offline/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
