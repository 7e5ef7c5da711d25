"""Where the test documents are. ../shared (beside the repo) holds the real seeds and gold;
tests that read it skip with a reason when it is absent."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ZHIBIAO_SHARED_DIR moves it (an empty value hides it: the suite as it runs without ../shared,
# which is how extraction coverage by our own documents alone is measured)
SHARED = Path(os.environ["ZHIBIAO_SHARED_DIR"] or "/nonexistent-shared") if "ZHIBIAO_SHARED_DIR" in os.environ \
    else ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
DEV = SHARED / "corpus" / "dev"
OWN_CORPUS = ROOT / "tests" / "corpus"
EXAMPLES = ROOT / "examples"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus lives beside the repo (../shared) on dev machines and CI")
    return path


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
