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
    assert "longer than --timeout (301 s of CPU)" in timed_out and "tests fail" not in timed_out
    assert failed.startswith("the tests fail with the extraction data unchanged")


def test_a_child_s_time_is_its_cpu_not_the_wall_clock():
    """A child waiting (as one does when other processes hold the cores) has used no CPU, however long
    it has stood: only a child really running counts against --timeout. Without /proc: the wall time."""
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert lexicon_mutations._cpu_seconds(child.pid, 999.0) < 5  # (its start-up's CPU only)
    finally:
        child.kill()
        child.wait()
    assert lexicon_mutations._cpu_seconds(child.pid, 999.0) == 999.0  # (gone: no /proc entry)
