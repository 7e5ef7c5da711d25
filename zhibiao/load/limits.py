"""Limits that keep a hostile or broken file from exhausting the machine."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200_000_000
    max_pages: int = 2000
    max_decompressed_bytes: int = 500_000_000
    max_seconds: float = 120.0

    @classmethod
    def from_env(cls) -> "Limits":
        """The limits in effect (zhibiao.settings: ZHIBIAO_MAX_FILE_MB and the others)."""
        from zhibiao.settings import Settings

        s = Settings.load()
        return cls(max_file_bytes=int(s.max_file_mb * 1_000_000), max_pages=s.max_pages,
                   max_decompressed_bytes=int(s.max_decompressed_mb * 1_000_000), max_seconds=s.max_seconds)
