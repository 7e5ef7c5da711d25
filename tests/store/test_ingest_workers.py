"""An ingest's worker processes end with it: killing `zhibiao ingest --jobs 2` (kill -9, or a
service manager's SIGTERM) leaves no extraction process behind, waiting forever."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paths import EXAMPLES


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_an_ingest_ends_its_workers(tmp_path, sig):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # enough documents that the ingest is still running when it is killed
    texts = [p for p in EXAMPLES.iterdir() if p.suffix == ".txt"]
    for i in range(60):
        src = texts[i % len(texts)]
        (corpus / f"{i:03d}{src.suffix}").write_bytes(src.read_bytes() + f"\n({i})\n".encode())  # distinct bytes
    proc = subprocess.Popen([sys.executable, "-m", "zhibiao", "ingest", str(corpus), "--db", str(tmp_path / "z.db"),
                             "--jobs", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the ingest finished before its workers could be seen; give it more documents")
    assert len(workers) >= 2
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them to the next test
        os.kill(w, signal.SIGKILL)
    assert not left, "worker processes outlived the killed ingest"
