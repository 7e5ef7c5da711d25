"""How long a CLI command takes to start: `zhibiao status` over a 25-document database, whole
process, minus a bare interpreter start (`python3 -c pass`), median of N runs. The goal (issue 14):
at most 0.4 s of overhead.

    .venv/bin/python benchmarks/start.py [--runs 15]

Builds the database once in a temporary folder from the seeds and the dev set (../shared), or
from the bundled examples when ../shared is absent. Prints one JSON line; results go to
RESULTS.md by hand. Wall and CPU time (the CPU time is what other work on a shared machine
inflates least) are both reported, with the load average before and after.

The bare start is this interpreter's (`sys.executable -c pass`): a `python3` on PATH may be a
shim (pyenv's is a bash script costing 0.08 s CPU and 0.25 s wall), which would flatter the
overhead. `--callgrind` also counts the instructions of one run of each under valgrind: a figure
that other work on a shared machine does not change (the wall and CPU times it does).

Commands run as a user's do: with bytecode written and read (PYTHONDONTWRITEBYTECODE, which
some shells and CI set, is removed — with it every module of an editable checkout is compiled
afresh on each start, and zhibiao keeps no parsed copy of its data files: zhibiao/datafiles.py),
after one warm-up run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
ZHIBIAO = str(Path(sys.executable).parent / "zhibiao")


def documents(n: int = 25) -> list[Path]:
    pool = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "dev").glob("*.txt"))
    if not pool:
        pool = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    return pool[:n]


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd: list[str]) -> int:
    """Instructions one run executes, counted by valgrind's callgrind."""
    import re

    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], capture_output=True,
                       text=True, env=ENV, check=True)
    return int(re.search(r"Collected : (\d+)", r.stderr).group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--callgrind", action="store_true", help="count instructions under valgrind too")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        docs = documents()
        subprocess.run([ZHIBIAO, "ingest", *map(str, docs), "--db", db, "-q"], check=True, stdout=subprocess.DEVNULL,
                       env=ENV)
        region, year = ("绍兴市", "2023") if (SHARED / "seeds").exists() else ("湖州市", "2024")
        status = [ZHIBIAO, "status", "-r", region, "-y", year, "--db", db]
        bare = [sys.executable, "-c", "pass"]
        load_before = os.getloadavg()[0]
        timed(status)  # warm the file cache and write the compiled bytecode
        runs = {"status": [timed(status) for _ in range(args.runs)], "bare": [timed(bare) for _ in range(args.runs)]}
        counted = {"status": instructions(status), "bare": instructions(bare)} if args.callgrind else {}
    med = {k: (statistics.median(w for w, _c in v), statistics.median(c for _w, c in v)) for k, v in runs.items()}
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    out = {"measure": "cli start", "commit": commit, "documents": len(docs), "runs": args.runs,
           "status_wall_s": round(med["status"][0], 3), "bare_wall_s": round(med["bare"][0], 3),
           "overhead_wall_s": round(med["status"][0] - med["bare"][0], 3),
           "status_cpu_s": round(med["status"][1], 3), "bare_cpu_s": round(med["bare"][1], 3),
           "overhead_cpu_s": round(med["status"][1] - med["bare"][1], 3),
           "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}
    if counted:
        out |= {"status_instructions": counted["status"], "bare_instructions": counted["bare"],
                "overhead_instructions": counted["status"] - counted["bare"]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
