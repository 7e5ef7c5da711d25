"""A fixed sample of the lexicon mutation check (``benchmarks/lexicon_mutations.py``; the full run
and its figure are in benchmarks/RESULTS.md): remove one entry of the extraction data at a time,
run the extraction tests on our own documents without it, and count the entries no test misses.
At most one in ten may go unnoticed (issue 12). The sample is chosen by a hash of each word, so a
word added to or deleted from the data changes it by that word alone."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = 40  # entries; about half a minute of CPU with two jobs


def test_a_sample_of_the_extraction_data_is_pinned_by_tests():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "lexicon_mutations.py"), "--sample", str(SAMPLE), "--jobs", "2",
         "--timeout", "300", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["checked"] == SAMPLE
    assert summary["unnoticed_share"] <= 0.10, summary["unnoticed_entries"]
