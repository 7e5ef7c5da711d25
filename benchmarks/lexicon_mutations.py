"""Lexicon mutation check: does any test notice when one word of the extraction data goes?

Coverage shows that a rule ran, not that anything checks it. This removes one entry of the
extraction data (``zhibiao/extract/data/*.yaml``: the lexicon, the table vocabulary, the congress
terms; not the indicator catalogue) at a time, runs the extraction tests on our own documents
alone (``tests/extract``, ``tests/text`` and the tracker's word tests, with ``../shared`` hidden;
the fuzz tests, which check crashes rather than words, left out), and reports the share of entries whose removal no test
notices. An entry is *noticed* when a test fails without it.

    .venv/bin/python benchmarks/lexicon_mutations.py              # every entry
    .venv/bin/python benchmarks/lexicon_mutations.py --sample 20  # a fixed sample (chosen by a hash of each word)
    .venv/bin/python benchmarks/lexicon_mutations.py --only names.trails --jobs 2
    .venv/bin/python benchmarks/lexicon_mutations.py --json       # one JSON line
    .venv/bin/python benchmarks/lexicon_mutations.py --only units --tests tests/extract/test_lexicon_spec_grammar.py

Entries: each item of a list, each key of a mapping, each number, and each alternative of a
pattern written with one group of alternatives (``(率|数|量)$``) or as bare words (``目标|计划``).
Removing one deletes the item or key, drops the alternative, makes a pattern of its own match
nothing, or sets a number to an impossible value.

How it runs fast: this process imports pytest and every part of zhibiao that does not read the
extraction data, once. For each entry it forks a child that imports the extractor afresh with
the entry removed from the data it reads (``zhibiao.extract.lexicon``'s parsed lexicon before any
pattern is compiled from it, or the file ``load_data`` returns), then runs the tests with
``pytest -x`` in that child. The tests that pin words (``test_lexicon_spec_*``) are first run
directly, case by case, without pytest's collection: most removals fail there within a second,
and a removal none of them notices is then checked by the other tests under pytest. The checkout is
never touched. A child that runs longer than ``--timeout`` seconds of CPU (a removal that makes a pattern
hang; CPU, not wall time, so that a busy machine does not pass for a hang) counts as noticed and is listed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "zhibiao" / "extract" / "data"
# property tests check crashes, not words; the CI sample of this check is not one of its tests
IGNORED = {"tests/extract/test_fuzz.py", "tests/extract/test_lexicon_mutations.py",
           # (each document against eleven variants of itself: a loader's and normaliser's test, too slow to
           # run again for every word removed)
           "tests/extract/test_noise_invariance.py"}
# the tracker reads some of the lexicon's words too (kinds.direction_*, kinds.part_measures): their tests
TRACKER_WORD_TESTS = ["tests/track/test_direction_words.py"]
# spec tables that extract whole documents: run after the others, which fail sooner and cost less
WHOLE_DOCUMENT_SPECS = {"test_lexicon_spec_actuals.py", "test_lexicon_spec_documents.py"}
DESELECTED = ["tests/extract/test_grammar.py::test_any_printed_number_parses_back_exactly"]
# the modules that read the extraction data: imported afresh in every child
FRESH = ("zhibiao.extract", "zhibiao.api")
WORD = re.compile(r"[^()\[\]{}|\\.^$*+?]+")
GROUP = re.compile(r"\(([^()]*)\)")


def test_files() -> list[str]:
    """The test files, those that pin words first (``-x`` then stops at the first failure soon)."""
    files = sorted(str(p.relative_to(ROOT)) for d in ("tests/extract", "tests/text")
                   for p in (ROOT / d).glob("test_*.py"))
    files = [f for f in files if f not in IGNORED] + TRACKER_WORD_TESTS
    return sorted(files, key=lambda f: (not Path(f).name.startswith("test_lexicon_spec"), f))


def entries() -> list[tuple[str, tuple, str]]:
    """(file, path to the entry, the entry) for every entry of the extraction data."""
    out = []
    for f in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(f.read_text("utf-8"))

        def walk(node, path):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, path + (k,))
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, path + (i,))
            elif isinstance(node, str):
                alternatives = _alternatives(node)
                if len(alternatives) == 1:
                    out.append((f.name, path, node))
                else:
                    for i, alt in enumerate(alternatives):
                        out.append((f.name, path + (("alt", i),), alt))
            else:
                out.append((f.name, path, str(node)))

        walk(data, ())
    return out


def _group(pattern: str) -> re.Match | None:
    """The one group of alternatives of a pattern (``^(率|数)$``, ``^\\d{4}年(目标|计划)?$``)."""
    groups = list(GROUP.finditer(pattern))
    return groups[0] if len(groups) == 1 and "|" in groups[0].group(1) else None


def _alternatives(pattern: str) -> list[str]:
    """The words of a pattern with one group of alternatives, or of bare alternatives of plain
    words (``目标|计划``); otherwise the pattern itself."""
    g = _group(pattern)
    if g:
        return g.group(1).split("|")
    parts = pattern.split("|")
    if len(parts) > 1 and all(WORD.fullmatch(p) for p in parts):
        return parts
    return [pattern]


def mutate(data, path: tuple):
    """``data`` without the entry at ``path``, changed in place."""
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if isinstance(last, tuple):  # one alternative of a pattern
        grand, key = _parent(data, path[:-1])
        original = grand[key]
        alts = _alternatives(original)
        del alts[last[1]]
        g = _group(original)
        grand[key] = original[:g.start(1)] + "|".join(alts) + original[g.end(1):] if g else "|".join(alts)
    elif isinstance(parent, list):
        del parent[last]
    elif isinstance(parent[last], str) and re.search(r"[\\^$()\[\]|*+?]", parent[last]):
        parent[last] = "(?!)"  # a pattern without alternatives to drop: it matches nothing
    elif isinstance(parent[last], int) and not isinstance(parent[last], bool):
        parent[last] = -999
    else:
        del parent[last]
    return data


def _parent(data, path):
    node = data
    for key in path[:-1]:
        node = node[key]
    return node, path[-1]


def _install(entry) -> None:
    """In a child: import the extractor's data loader afresh and make it serve the data without
    ``entry``, before any module that compiles patterns from the data is imported."""
    for name in list(sys.modules):
        if name.startswith(FRESH):
            del sys.modules[name]
    import zhibiao.extract.lexicon as lexicon

    if entry is None:  # the baseline: the data as it is
        return
    fname, path, _word = entry
    if fname == "lexicon.yaml":
        mutate(lexicon.LEX._data, path)  # nothing has read it yet
        return
    original = lexicon.load_data
    changed = mutate(original(fname), path)

    def load_data(name: str) -> dict:
        return changed if name == fname else original(name)

    lexicon.load_data = load_data  # (tables.py and scope.py import it by name after this)


def _quick_run(files: list[str]) -> tuple[bool, list[str]]:
    """Run the cases of the word-pinning test files directly, without pytest's collection: whether
    one of them fails, and the files whose every test ran here (pytest need not run them again). A
    test that takes a fixture, has a mark other than one ``parametrize``, or has a case with marks
    of its own is left to pytest."""
    import importlib.util
    import inspect

    from _pytest.mark.structures import ParameterSet

    done = []
    for path in files:
        spec = importlib.util.spec_from_file_location(f"_quick_{Path(path).stem}", ROOT / path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception:
            return True, done  # the module does not even import without the entry
        if getattr(module, "pytestmark", None):
            continue  # marks on the whole module (a skip, say): pytest's to apply
        complete = True
        for name, test in vars(module).items():
            if not name.startswith("test_") or not inspect.isfunction(test):
                continue
            marks = getattr(test, "pytestmark", [])
            params = list(inspect.signature(test).parameters)
            cases = None
            if len(marks) == 1 and marks[0].name == "parametrize":
                argnames, values = marks[0].args[0], marks[0].args[1]
                names = [a.strip() for a in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
                if names == params and not any(isinstance(v, ParameterSet) for v in values):
                    cases = [tuple(v) if len(names) > 1 else (v,) for v in values]
            elif not marks and not params:
                cases = [()]
            if cases is None:
                complete = False
                continue
            for args in cases:
                try:
                    test(*args)
                except Exception:
                    return True, done
        if complete:
            done.append(path)
    return False, done


def _child(entry, files: list[str]) -> int:
    """Run the tests without ``entry``: the word-pinning tables directly first (most removals fail
    there within a second), then, if none failed, the other tests under pytest."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    _install(entry)
    spec = [f for f in files if Path(f).name.startswith("test_lexicon_spec")]
    failed, done = _quick_run(sorted(spec, key=lambda f: Path(f).name in WHOLE_DOCUMENT_SPECS))
    if failed:
        return 1
    rest = [f for f in files if f not in done]
    if not rest:
        return 0
    import pytest

    code = int(pytest.main(["-x", "-q", "-p", "no:cacheprovider", *rest, *[f"--deselect={d}" for d in DESELECTED]]))
    return 0 if code == 5 else code  # 5: nothing collected (every test of the files deselected)


def _warm() -> None:
    """Import, once and in this process, what every child needs and does not read the data."""
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401

    import zhibiao.catalog.annotate  # noqa: F401
    import zhibiao.load  # noqa: F401
    import zhibiao.text.document  # noqa: F401
    stale = [name for name in sys.modules if name.startswith(FRESH)]
    assert not stale, f"{stale} imported before the children: they read the extraction data"


class BaselineFailed(RuntimeError):
    """The tests fail with the data unchanged: every removal would count as noticed."""


BASELINE_FAILED = ("the tests fail with the extraction data unchanged (run them with ZHIBIAO_SHARED_DIR= "
                   "to see which): a failure would say nothing about the entry removed")
BASELINE_TIMED_OUT = ("the tests with the extraction data unchanged ran longer than --timeout ({:.0f} s of CPU): "
                      "the tests are too slow for this timeout; nothing about the data is known")


def _baseline_failed(result: tuple) -> BaselineFailed:
    """Why the run with the data unchanged counts as noticed: its tests failed, or it ran out of time."""
    _entry, _noticed, timed_out, seconds = result
    return BaselineFailed(BASELINE_TIMED_OUT.format(seconds) if timed_out else BASELINE_FAILED)


def _cpu_seconds(pid: int, wall: float) -> float:
    """The CPU time a child has used (``/proc``), so that a busy machine — other processes taking the
    cores — does not make a slow child look like a hanging one; its wall time where ``/proc`` is not."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    except (OSError, ValueError, IndexError):
        return wall


def check(chosen: list, files: list[str], jobs: int = 1, timeout: float = 300.0, progress=None) -> list[tuple]:
    """(entry, noticed, timed out, seconds) for each entry, ``jobs`` children at a time. A child
    with the data unchanged runs first, beside the others: if the tests fail there, a failure
    says nothing about the entry removed, and the check stops with ``BaselineFailed``."""
    os.chdir(ROOT)
    os.environ["ZHIBIAO_SHARED_DIR"] = ""  # our own documents alone
    sys.dont_write_bytecode = True
    _warm()
    chosen = [None, *chosen]
    running: dict[int, tuple[int, float]] = {}  # pid -> (index, started)
    results: dict[int, tuple] = {}
    todo = list(range(len(chosen)))
    while todo or running:
        if results.get(0, (None, False))[1]:
            for p in running:
                os.kill(p, signal.SIGKILL)
                os.waitpid(p, 0)
            raise _baseline_failed(results[0])
        while todo and len(running) < max(1, jobs):
            k = todo.pop(0)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                code = 3
                try:
                    code = _child(chosen[k], files)
                finally:
                    os._exit(code)
            running[pid] = (k, time.perf_counter())
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            now = time.perf_counter()
            for p, (k, started) in list(running.items()):
                used = _cpu_seconds(p, now - started)
                if used > timeout:
                    os.kill(p, signal.SIGKILL)
                    os.waitpid(p, 0)
                    del running[p]
                    results[k] = (chosen[k], True, True, used)
                    if progress and k:
                        progress(len(results) - (0 in results), results[k])
            time.sleep(0.02)
            continue
        if pid not in running:
            continue
        k, started = running.pop(pid)
        results[k] = (chosen[k], os.waitstatus_to_exitcode(status) != 0, False, time.perf_counter() - started)
        if progress and k:
            progress(len(results) - (0 in results), results[k])
    if results[0][1]:
        raise _baseline_failed(results[0])
    return [results[k] for k in range(1, len(chosen))]


def label(entry) -> str:
    """lexicon.yaml:units.base.3=吨 — the file, the path to the entry and the entry."""
    fname, path, word = entry
    keys = [f"alt{p[1]}" if isinstance(p, tuple) else str(p) for p in path]
    return f"{fname}:{'.'.join(keys)}={word}"


def _sample_key(entry, seed: int) -> str:
    """An entry's place in the sample: a hash of its file, its keys and its word, not of its
    position in a list, so adding or deleting a word changes the sample by that word alone."""
    fname, path, word = entry
    keys = "/".join(str(p) for p in path if isinstance(p, str))
    return hashlib.sha256(f"{seed}:{fname}:{keys}={word}".encode()).hexdigest()


def select(all_entries: list, only: list[str], sample: int, seed: int) -> list:
    pool = [e for e in all_entries if not only or any(label(e).split(":", 1)[1].startswith(o) or label(e).startswith(o)
                                                     for o in only)]
    if not sample:
        return pool
    chosen = set(map(id, sorted(pool, key=lambda e: _sample_key(e, seed))[:sample]))
    return [e for e in pool if id(e) in chosen]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="check a fixed sample of N entries, chosen by a hash of each (0: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--only", action="append", default=[],
                    help="only entries whose path starts with this (names.trails, table_vocab.yaml:headers); repeatable")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds of CPU a child may use before it counts as noticed")
    ap.add_argument("--tests", action="append", default=[],
                    help="run only these test files (while writing tests; the figure runs them all)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    all_entries = entries()
    chosen = select(all_entries, args.only, args.sample, args.seed)

    def progress(done: int, result: tuple) -> None:
        if args.json:
            return
        entry, noticed, _timed_out, _seconds = result
        if not noticed:  # listed as found, so a long run can be acted on before it ends
            print(f"\r  unnoticed: {label(entry)}", file=sys.stderr)
        print(f"\r{done}/{len(chosen)}", end="", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    try:
        results = check(chosen, args.tests or test_files(), args.jobs, args.timeout, progress)
    except BaselineFailed as e:
        print(f"\nlexicon_mutations: {e}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - t0
    unnoticed = [e for e, noticed, _t, _s in results if not noticed]
    timed_out = [e for e, _n, t, _s in results if t]
    share = len(unnoticed) / len(results) if results else 0.0
    summary = {"entries": len(all_entries), "checked": len(results), "unnoticed": len(unnoticed),
               "unnoticed_share": round(share, 4), "seconds": round(elapsed, 1),
               "unnoticed_entries": [label(e) for e in unnoticed], "timed_out": [label(e) for e in timed_out]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"\n{len(results)} of {len(all_entries)} entries checked in {elapsed:.0f} s: "
              f"{len(unnoticed)} unnoticed ({share:.1%})")
        for line in summary["unnoticed_entries"]:
            print("  " + line)
        for line in summary["timed_out"]:
            print("  timed out (counted as noticed): " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
