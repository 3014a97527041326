"""Shared test configuration."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# The generators in tools/ are plain scripts, not part of the package; make them importable.
sys.path.insert(0, str(ROOT / "tools"))
