"""Shared fixtures. Real documents from ../shared are read in place and skipped when absent."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/paths.py, tests/formats.py

from paths import GOLD, SEEDS, need_shared  # noqa: E402

# Nothing in the tests reaches beyond the loopback address: every fetch (in this process and in the
# CLI processes the tests start, which inherit the environment) is confined to 127.0.0.0/8, where
# the tests' own servers are, and private addresses are allowed only so that those can be reached.
os.environ["ZHIBIAO_FETCH_NETWORKS"] = "127.0.0.0/8"
os.environ["ZHIBIAO_FETCH_ALLOW_PRIVATE"] = "1"
os.environ["ZHIBIAO_FETCH_DELAY"] = "0"
os.environ["ZHIBIAO_FETCH_BACKOFF"] = "0.01"
os.environ["ZHIBIAO_FETCH_TIMEOUT"] = "5"


@pytest.fixture
def seeds_dir() -> Path:
    return need_shared(SEEDS)


@pytest.fixture
def gold_dir() -> Path:
    return need_shared(GOLD)
