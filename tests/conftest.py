"""Shared fixtures. Tests that need the third-party data in ../shared skip without it."""

from __future__ import annotations

import sys
from pathlib import Path

# Test helper modules (shared_data, *_fixtures) import by their plain names.
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A clause model trained from a few dozen sentences of ours (see tiny_model.py)."""
    from tiny_model import train_tiny_model
    return train_tiny_model(tmp_path_factory.mktemp("tiny-model"))
