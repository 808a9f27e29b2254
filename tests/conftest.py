"""Shared fixtures. Tests that need the third-party data in ../shared skip without it."""

from __future__ import annotations

import sys
from pathlib import Path

# Test helper modules (shared_data, *_fixtures) import by their plain names.
sys.path.insert(0, str(Path(__file__).parent))
