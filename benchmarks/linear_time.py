"""Growth figures: does any stage, or any regular expression, take more than linear time?

    .venv/bin/python benchmarks/linear_time.py patterns            # every regex of the package, scanned
    .venv/bin/python benchmarks/linear_time.py pipeline --size 20000
    .venv/bin/python benchmarks/linear_time.py lines               # the longest real lines x1000
    .venv/bin/python benchmarks/linear_time.py all                 # what RESULTS.md records

``patterns`` collects every regular expression of ``zhibiao`` (compiled at module level, or a
literal passed to ``re.search``/``re.match``/… anywhere in the code) and scans, with ``finditer``,
runs of each character the pattern names (and of digits, spaces, newlines, a Chinese character,
punctuation) at two lengths; a pattern whose time grows more than ``--ratio`` times when the
input grows four times is reported as superlinear (linear growth is ×4, quadratic ×16).
``pipeline`` times each stage (load, normalise, extract, annotate) on the texts of
tests/hardening/hostile_text.py at sizes N, 2N and 4N and prints the growth exponent
(1 = linear, 2 = quadratic). Each measurement prints one JSON line; timings are measured here,
never asserted in tests (tests/hardening/test_linear_time.py is the hang guard).
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import json
import math
import pkgutil
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "hardening"))

from hostile_text import hostile_texts, longest_lines  # noqa: E402

PACKAGES = ("zhibiao.load", "zhibiao.text", "zhibiao.extract", "zhibiao.catalog", "zhibiao.track", "zhibiao.store",
            "zhibiao.web", "zhibiao.cli")
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
GENERIC = "1 \n\t中年，。.%a一、-（"


class Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise Timeout


def emit(**fields) -> dict:
    print(json.dumps(fields, ensure_ascii=False), flush=True)
    return fields


# ---------------------------------------------------------------- the patterns of the package

def _modules():
    import zhibiao

    for info in pkgutil.walk_packages(zhibiao.__path__, "zhibiao."):
        if info.name.startswith(PACKAGES) and ".migrations" not in info.name:
            yield info.name


ANCHORED = {"match", "fullmatch"}  # one attempt at the start of the string


def _uses(trees: list[ast.AST]) -> dict[str, set[str]]:
    """For every name a pattern may be bound to, the methods called on it anywhere (X.search, …)."""
    uses: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_FUNCTIONS:
                target = node.func.value
                name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(
                    target, ast.Attribute) else None
                if name and name != "re":
                    uses.setdefault(name, set()).add(node.func.attr)
    return uses


def collect_patterns() -> list[tuple[str, re.Pattern, bool]]:
    """(where, pattern, anchored): module-level compiled patterns (also inside lists, tuples,
    dicts) and string literals passed to the re module's functions; ``anchored`` when the code
    only ever calls match/fullmatch with it (one attempt, not one per position)."""
    found: dict[tuple[str, int], tuple[str, re.Pattern, bool]] = {}
    modules = [importlib.import_module(name) for name in _modules()]
    trees = [ast.parse(Path(m.__file__).read_text("utf-8")) for m in modules]
    uses = _uses(trees)

    def add(where: str, pattern: re.Pattern, anchored: bool = False) -> None:
        key = (pattern.pattern, pattern.flags)
        old = found.get(key)
        if old is None or (old[2] and not anchored):
            found[key] = (where, pattern, anchored)

    def walk(where: str, value, depth: int = 0, anchored: bool = False) -> None:
        if isinstance(value, re.Pattern):
            add(where, value, anchored)
        elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(where, v, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for v in value.values():
                walk(where, v, depth + 1)

    for module, tree in zip(modules, trees):
        for attr, value in vars(module).items():
            used = uses.get(attr, set())
            walk(f"{module.__name__}.{attr}", value, anchored=bool(used) and used <= ANCHORED)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_FUNCTIONS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                try:
                    pattern = re.compile(node.args[0].value)
                except re.error:
                    continue
                if node.func.attr == "compile" and (pattern.pattern, pattern.flags) in found:
                    continue  # bound to a module-level name: its uses were looked at above
                add(f"{module.__name__}:{node.lineno}", pattern, node.func.attr in ANCHORED)
    return sorted(found.values(), key=lambda x: x[0])


def alphabet(pattern: re.Pattern) -> str:
    """Characters the pattern names (literals, members and ends of classes), and generic ones."""
    from re import _parser as sre_parse  # the stdlib's own parser (sre_parse)

    chars: list[str] = []

    def visit(items) -> None:
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                chars.append(chr(arg))
            elif name == "IN":
                for iop, iarg in arg:
                    if str(iop) == "LITERAL":
                        chars.append(chr(iarg))
                    elif str(iop) == "RANGE":
                        chars.append(chr(iarg[0]))
            elif isinstance(arg, (list, tuple)):
                for a in arg:
                    if isinstance(a, sre_parse.SubPattern):
                        visit(a.data)
                    elif isinstance(a, (list, tuple)):
                        for b in a:
                            if isinstance(b, sre_parse.SubPattern):
                                visit(b.data)
            if isinstance(arg, sre_parse.SubPattern):
                visit(arg.data)

    try:
        visit(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except Exception:
        pass
    seen = dict.fromkeys(chars + list(GENERIC))
    return "".join(c for c in seen if c and c.isprintable() or c in "\n\t")[:40]


def attacks(pattern: re.Pattern, size: int) -> dict[str, str]:
    chars = alphabet(pattern)
    out = {f"{c!r}*n": c * size for c in chars}
    literals = [c for c in chars if c not in GENERIC][:6]
    for a in literals:  # two named characters alternating, and a named one after a run of digits
        for b in literals:
            if a != b:
                out[f"({a}{b})*n"] = (a + b) * (size // 2)
        out[f"digits+{a!r}"] = "1" * size + a
    return out


def scan_time(pattern: re.Pattern, text: str, limit: float, anchored: bool = False) -> float:
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        if anchored:
            pattern.match(text)
        for _m in () if anchored else pattern.finditer(text):
            pass
    except Timeout:
        return math.inf
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def bench_patterns(size: int = 2000, ratio: float = 8.0, limit: float = 2.0) -> list[dict]:
    signal.signal(signal.SIGALRM, _alarm)
    suspects = []
    patterns = collect_patterns()
    for where, pattern, anchored in patterns:
        small, large = attacks(pattern, size), attacks(pattern, size * 4)
        worst = None
        for key, text in large.items():
            t_large = scan_time(pattern, text, limit, anchored)
            if t_large < 0.005:
                continue  # too fast to be a problem at this length
            if t_large != math.inf:  # the best of three: one slow run is the machine, not the pattern
                t_large = min(t_large, *(scan_time(pattern, text, limit, anchored) for _ in range(2)))
            t_small = max(min(scan_time(pattern, small[key], limit, anchored) for _ in range(3)), 1e-4)
            growth = t_large / t_small
            if growth > ratio and (worst is None or growth > worst["growth"]):
                worst = {"input": key, "small_s": round(t_small, 4),
                         "large_s": round(t_large, 4) if t_large != math.inf else f">{limit}",
                         "growth": round(growth, 1) if growth != math.inf else "inf"}
                if t_large == math.inf:
                    break
        if worst:
            suspects.append(emit(measure="pattern", where=where, pattern=pattern.pattern[:200], size=size * 4,
                                 use="match" if anchored else "search", **worst))
    emit(measure="patterns", scanned=len(patterns), superlinear=len(suspects), size=size * 4, ratio=ratio)
    return suspects


# ---------------------------------------------------------------- the stages, end to end

def stage_times(text: str, limit: float) -> dict[str, float]:
    """Seconds per stage: load (from a UTF-8 file), normalise, extract, annotate."""
    from zhibiao.catalog.annotate import annotate_extraction
    from zhibiao.extract.pipeline import extract_document
    from zhibiao.load import load
    from zhibiao.text.document import Document

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="zhibiao-linear-") as folder:
        path = Path(folder) / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            t = time.perf_counter()
            loaded = load(path)
            out["load"] = time.perf_counter() - t
            t = time.perf_counter()
            doc = Document.from_loaded(loaded)
            doc.search_text
            out["normalise"] = time.perf_counter() - t
            t = time.perf_counter()
            e = extract_document(doc)
            out["extract"] = time.perf_counter() - t
            t = time.perf_counter()
            annotate_extraction(e, text=doc.text)
            out["annotate"] = time.perf_counter() - t
        except Timeout:
            out["timeout"] = limit
        except Exception as exc:  # reported, not hidden: a crash is a finding too
            out["error"] = f"{type(exc).__name__}: {str(exc)[:120]}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def _exponent(sizes: list[int], times: list[float]) -> float | None:
    if len(times) < 2 or min(times) <= 0 or math.inf in times:
        return None
    return round(math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]), 2)


def bench_pipeline(size: int = 20000, limit: float = 60.0, only: str | None = None) -> list[dict]:
    signal.signal(signal.SIGALRM, _alarm)
    sizes = [size, size * 2, size * 4]
    results = []
    names = [n for n in hostile_texts(10) if not only or only in n]
    for name in names:
        per_size = [stage_times(hostile_texts(n)[name], limit) for n in sizes]
        row = {"measure": "stage_growth", "input": name, "sizes": sizes}
        for stage in ("load", "normalise", "extract", "annotate"):
            ts = [r.get(stage, math.inf) for r in per_size]
            row[stage] = {"seconds": [round(t, 4) if t != math.inf else None for t in ts],
                          "exponent": _exponent(sizes, ts) if min(ts) > 0.002 else None}
        problems = [r.get("timeout") and f"timeout>{limit}s" or r.get("error") for r in per_size]
        if any(problems):
            row["problem"] = next(p for p in problems if p)
        results.append(emit(**row))
    return results


def bench_lines(times: int = 1000, limit: float = 120.0) -> list[dict]:
    signal.signal(signal.SIGALRM, _alarm)
    out = []
    for where, line in longest_lines(3):
        text = line * times
        r = stage_times(text, limit)
        out.append(emit(measure="longest_line", source=where, line_chars=len(line), repeated=times,
                        chars=len(text), **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["patterns", "pipeline", "lines", "all"])
    ap.add_argument("--size", type=int, default=20000, help="pipeline: the smallest run length")
    ap.add_argument("--pattern-size", type=int, default=2000, help="patterns: the smaller input length")
    ap.add_argument("--only", help="pipeline: only inputs whose name contains this")
    args = ap.parse_args(argv)
    emit(measure="machine", python=sys.version.split()[0], commit=_commit())
    if args.what in ("patterns", "all"):
        bench_patterns(args.pattern_size)
    if args.what in ("pipeline", "all"):
        bench_pipeline(args.size, only=args.only)
    if args.what in ("lines", "all"):
        bench_lines()


def _commit() -> str | None:
    import subprocess

    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except Exception:
        return None


if __name__ == "__main__":
    main()
