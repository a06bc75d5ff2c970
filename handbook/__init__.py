"""Build-time and lint-time code of the Civilized City Campaign Handbook."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Tests and benchmarks may point the data folder elsewhere; the site uses the project's own.
DATA = Path(os.environ.get("HANDBOOK_DATA", ROOT / "data"))
