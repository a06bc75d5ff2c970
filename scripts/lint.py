#!/usr/bin/env python3
"""Lint the handbook's pages: links, wording, metadata and sensitive data.

    python scripts/lint.py {links,terms,meta,privacy,all} [PATH ...] [--config mkdocs.yml]
        [--format text|json|github] [--fix] [--changed [BASE]] [--external]
    python scripts/lint.py --list-rules [--format markdown]

The logic lives in handbook/lint/; see `--help`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook.lint.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
