"""benchmarks/noise.py measures; here only that it runs and counts what it says it counts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_each_variant_line_counts_the_documents_figures_and_what_moved():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "noise.py"), "--only", "crlf", "wrap38-blank-lines",
                          "--format", "json", "--limit", "6"], capture_output=True, text=True, check=True, cwd=ROOT)
    rows = {r["variant"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert set(rows) == {"crlf", "wrap38-blank-lines"}
    crlf = rows["crlf"]
    assert crlf["documents"] == 6 and crlf["lines"] > 50 and crlf["refused"] == 0
    assert (crlf["lost"], crlf["gained"], crlf["kept"]) == (0, 0, 1.0)  # Windows line ends change no figure
    wrapped = rows["wrap38-blank-lines"]
    assert wrapped["lines"] == crlf["lines"]  # the same documents' figures, compared
    assert wrapped["kept"] == round(1 - wrapped["lost"] / wrapped["lines"], 4)
