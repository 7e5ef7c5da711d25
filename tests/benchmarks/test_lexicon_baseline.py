"""The lexicon mutation check stops when the run with the data unchanged counts as noticed — and says
why: its tests failed, or it ran out of time on a busy machine (then nothing about the data is known)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import lexicon_mutations  # noqa: E402


def test_a_baseline_that_ran_out_of_time_is_not_reported_as_failing_tests():
    timed_out = str(lexicon_mutations._baseline_failed((None, True, True, 301.2)))
    failed = str(lexicon_mutations._baseline_failed((None, True, False, 40.0)))
    assert "longer than --timeout (301 s)" in timed_out and "tests fail" not in timed_out
    assert failed.startswith("the tests fail with the extraction data unchanged")
