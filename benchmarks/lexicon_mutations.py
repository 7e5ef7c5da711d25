"""Lexicon mutation check: does any test notice when one word of the extraction data goes?

Coverage shows that a rule ran, not that anything checks it. This removes one entry of the
extraction data (``zhibiao/extract/data/*.yaml``: the lexicon, the table vocabulary, the congress
terms; not the indicator catalogue) at a time, runs the extraction tests on our own documents
alone (``tests/extract``, ``tests/text``, with ``../shared`` hidden, property tests left out), and
reports the share of entries whose removal no test notices.

    .venv/bin/python benchmarks/lexicon_mutations.py              # every entry (about an hour)
    .venv/bin/python benchmarks/lexicon_mutations.py --sample 20  # a fixed random sample
    .venv/bin/python benchmarks/lexicon_mutations.py --json       # one JSON line

Each mutation runs in a copy of the package (``PYTHONPATH``), so the checkout is never touched.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "zhibiao" / "extract" / "data"
# the tests that pin extraction on our own documents; property tests check crashes, not words
TESTS = ["tests/extract", "tests/text", "--ignore=tests/extract/test_fuzz.py",
         "--deselect=tests/extract/test_grammar.py::test_any_printed_number_parses_back_exactly",
         "--ignore=tests/extract/test_lexicon_mutations.py"]


def entries() -> list[tuple[str, tuple, str]]:
    """(file, path to the entry, the entry) for every word of the extraction data. A regular
    expression of alternatives (``(率|数|量)$``) counts one entry per alternative."""
    out = []
    for f in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(f.read_text("utf-8"))

        def walk(node, path):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, path + (k,))
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    if isinstance(v, (dict, list)):
                        walk(v, path + (i,))
                    else:
                        out.append((f.name, path + (i,), str(v)))
            elif isinstance(node, str):
                alternatives = _alternatives(node)
                for i, alt in enumerate(alternatives):
                    out.append((f.name, path + (("alt", i),), alt))
            else:
                out.append((f.name, path, str(node)))

        walk(data, ())
    return out


def _alternatives(pattern: str) -> list[str]:
    """The words of a regex written as one group of alternatives, or the regex itself."""
    m = re.fullmatch(r"\^?\(([^()]*)\)\$?", pattern)
    return m.group(1).split("|") if m else [pattern]


def mutate(data, path: tuple):
    """``data`` without the entry at ``path`` (a number is set to an impossible value)."""
    node = data
    for key in path[:-1]:
        node = node[key]
    last = path[-1]
    if isinstance(last, tuple):  # one alternative of a regex string
        _tag, i = last
        parent, key = _parent(data, path[:-1])
        alts = _alternatives(parent[key])
        del alts[i]
        prefix = "^" if parent[key].startswith("^") else ""
        suffix = "$" if parent[key].endswith("$") else ""
        parent[key] = f"{prefix}({'|'.join(alts) or '(?!)'}){suffix}" if len(_alternatives(parent[key])) > 1 else "(?!)"
    elif isinstance(node, list):
        del node[last]
    elif isinstance(node[last], int):
        node[last] = -999
    else:
        del node[last]
    return data


def _parent(data, path):
    node = data
    for key in path[:-1]:
        node = node[key]
    return node, path[-1]


def run_one(workdir: Path, entry) -> tuple[bool, float]:
    """Whether the tests notice the entry's removal, and how long they took."""
    fname, path, _word = entry
    pkg = workdir / "zhibiao" / "extract" / "data" / fname
    data = yaml.safe_load((DATA / fname).read_text("utf-8"))
    pkg.write_text(yaml.safe_dump(mutate(data, path), allow_unicode=True, sort_keys=False), "utf-8")
    env = dict(os.environ, PYTHONPATH=str(workdir), ZHIBIAO_SHARED_DIR="", PYTHONDONTWRITEBYTECODE="1")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    shutil.copy(DATA / fname, pkg)  # restore
    return proc.returncode != 0, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="check a fixed random sample of N entries (0: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    all_entries = entries()
    chosen = random.Random(args.seed).sample(all_entries, args.sample) if args.sample else all_entries
    workdirs = []
    for _ in range(max(1, args.jobs)):
        d = Path(tempfile.mkdtemp(prefix="zhibiao-mutation-"))
        shutil.copytree(ROOT / "zhibiao", d / "zhibiao", ignore=shutil.ignore_patterns("__pycache__"))
        workdirs.append(d)
    try:
        done = [0]

        def work(k: int) -> list:
            # one package copy per job: mutations never share one
            out = []
            for entry in chosen[k::len(workdirs)]:
                out.append((entry, run_one(workdirs[k], entry)))
                done[0] += 1
                if not args.json:
                    print(f"\r{done[0]}/{len(chosen)}", end="", file=sys.stderr, flush=True)
            return out

        t0 = time.perf_counter()
        with ThreadPoolExecutor(len(workdirs)) as pool:
            results = [r for part in pool.map(work, range(len(workdirs))) for r in part]
        elapsed = time.perf_counter() - t0
    finally:
        for d in workdirs:
            shutil.rmtree(d, ignore_errors=True)
    unnoticed = [(f, p, w) for (f, p, w), (noticed, _s) in results if not noticed]
    share = len(unnoticed) / len(results) if results else 0.0
    summary = {"entries": len(all_entries), "checked": len(results), "unnoticed": len(unnoticed),
               "unnoticed_share": round(share, 4), "seconds": round(elapsed, 1),
               "unnoticed_entries": [f"{f}:{'.'.join(map(str, p))}={w}" for f, p, w in unnoticed]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"\n{len(results)} of {len(all_entries)} entries checked in {elapsed:.0f} s: "
              f"{len(unnoticed)} unnoticed ({share:.1%})")
        for line in summary["unnoticed_entries"]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
