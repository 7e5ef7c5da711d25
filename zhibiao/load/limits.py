"""Limits that keep a hostile or broken file from exhausting the machine."""
from __future__ import annotations

import os
from dataclasses import dataclass


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200_000_000
    max_pages: int = 2000
    max_decompressed_bytes: int = 500_000_000
    max_seconds: float = 120.0

    @classmethod
    def from_env(cls) -> "Limits":
        return cls(
            max_file_bytes=int(_env_number("ZHIBIAO_MAX_FILE_MB", 200) * 1_000_000),
            max_pages=int(_env_number("ZHIBIAO_MAX_PAGES", 2000)),
            max_decompressed_bytes=int(_env_number("ZHIBIAO_MAX_DECOMPRESSED_MB", 500) * 1_000_000),
            max_seconds=_env_number("ZHIBIAO_MAX_SECONDS", 120),
        )
