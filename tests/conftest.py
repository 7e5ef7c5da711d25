"""Shared fixtures. Real documents from ../shared are read in place and skipped when absent."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/paths.py, tests/formats.py

from paths import GOLD, SEEDS, need_shared  # noqa: E402


@pytest.fixture
def seeds_dir() -> Path:
    return need_shared(SEEDS)


@pytest.fixture
def gold_dir() -> Path:
    return need_shared(GOLD)
