"""Benchmarks: extraction throughput, per-stage profile, single-document latency, ingest at national
scale, and query latency. See README.md; results go to RESULTS.md by hand, with the commands.

    .venv/bin/python benchmarks/run.py extract --corpus /work/bench-corpus --documents 1000
    .venv/bin/python benchmarks/run.py floor --corpus /work/bench-corpus --documents 200
    .venv/bin/python benchmarks/run.py stages --corpus /work/bench-corpus --documents 200
    .venv/bin/python benchmarks/run.py kinds --corpus /work/bench-corpus --documents 600
    .venv/bin/python benchmarks/run.py cli
    .venv/bin/python benchmarks/run.py ingest --corpus /work/bench-corpus --db /work/bench-corpus/national.db
    .venv/bin/python benchmarks/run.py queries --db /work/bench-corpus/national.db --requests 200

Each measurement prints one JSON line (and appends it to ``--results FILE`` when given). Timings
are measured here, never asserted in tests. Long runs (ingest) resume where they stopped.
"""
from __future__ import annotations

import argparse
from urllib.parse import quote
import cProfile
import importlib.util
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import corpus_files, generate  # noqa: E402

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
RESULTS: Path | None = None


def interpreter() -> str:
    """Which CPython measured: the distribution's optimised build and one built from source differ by
    15–25 % of a document's CPU (RESULTS.md §1, "the interpreter")."""
    return f"{platform.python_version()} {os.path.realpath(sys._base_executable)}"


def report(**fields) -> dict:
    fields = {"at": time.strftime("%Y-%m-%d %H:%M"), **fields, "python": interpreter()}
    line = json.dumps(fields, ensure_ascii=False)
    print(line, flush=True)
    if RESULTS is not None:
        with open(RESULTS, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    return fields


def git_commit() -> str:
    """The commit of the zhibiao measured: the checkout its package is installed from (a run of this
    script with another checkout's interpreter measures that checkout's code)."""
    try:
        import zhibiao

        where = Path(zhibiao.__file__).resolve().parent.parent
    except ImportError:
        where = ROOT
    try:
        return subprocess.run(["git", "-C", str(where), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        return "?"


def rules_build() -> str:
    """Whether the extraction rules and text stages measured ran compiled (setup.py, mypyc) or as plain Python."""
    from zhibiao.compiled import build

    return build().describe()


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


# --------------------------------------------------------------------------------------- corpus


def documents_for(corpus: Path | None, n: int, fmt: str, kinds: tuple[str, ...] | None = None) -> tuple[list[Path], object]:
    """``n`` distinct documents of one format: from a generated corpus folder when given (its
    national part for TXT/HTML, its sample for PDF/DOCX), else generated into a temporary folder."""
    if corpus is not None:
        files = corpus_files(corpus, sample=fmt in ("pdf", "docx"))
        files = [f for f in files if f.suffix == f".{fmt}" and (not kinds or any(k in f.name for k in kinds))]
        if len(files) >= n:
            step = max(1, len(files) // n)
            return files[::step][:n], None
    tmp = tempfile.TemporaryDirectory()
    from documents import KINDS

    return generate(Path(tmp.name), n, formats=[fmt], kinds=kinds or KINDS), tmp


# --------------------------------------------------------------------------------------- accuracy


def _score_module():
    path = SHARED / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(paths: list[Path], outputs: list[dict | None]) -> dict:
    """Targets and actuals against the generated ground truth, with ../shared/score.py's matching."""
    score = _score_module()
    if score is None:
        return {"note": "../shared/score.py absent: accuracy not measured"}
    out = {}
    docs_ok = docs_n = 0
    for kind in ("target", "actual"):
        tp = gold_n = pred_n = exact = 0
        for path, pred in zip(paths, outputs):
            gold = [json.loads(x) for x in Path(f"{path}.jsonl").read_text("utf-8").splitlines()]
            g = [x for x in gold if x["type"] == kind]
            p = (pred or {}).get(kind + "s") or []
            pairs = score.match(g, p, kind)
            optional = sum(1 for gg, _ in pairs if gg.get("optional"))
            tp += len(pairs) - optional
            gold_n += sum(1 for x in g if not x.get("optional"))
            pred_n += len(p) - optional
            exact += sum(1 for gg, pp in pairs if not gg.get("optional") and all(
                score.field_ok(f, gg, pp) for f in score.FIELDS if score.graded(f, gg)))
            if kind == "target":
                d = (pred or {}).get("document") or {}
                region = d.get("region") or {}
                docs_n += 1
                docs_ok += (d.get("doc_type") == gold[0]["doc_type"] and d.get("plan_year") == gold[0]["plan_year"]
                            and region.get("code") == gold[0]["region_code"])
        if not gold_n and not pred_n:
            out[kind + "s"] = {"gold": 0, "predicted": 0}
            continue
        p_, r_ = tp / max(1, pred_n), tp / max(1, gold_n)
        out[kind + "s"] = {"gold": gold_n, "predicted": pred_n, "precision": round(p_, 3), "recall": round(r_, 3),
                           "f1": round(2 * p_ * r_ / max(1e-9, p_ + r_), 3), "exact": round(exact / max(1, gold_n), 3)}
    out["document_type_year_region"] = round(docs_ok / max(1, docs_n), 3)
    return out


# --------------------------------------------------------------------------------------- extraction


def forget_between_documents() -> None:
    """Empty the caches that outlive a document: the numbers read from a clause's text
    (``find_numbers``, ``parse_chinese``) and the catalogue's match of a name (``Catalog._match``).
    None holds a whole document, but generated documents share many clauses and names, and a
    repeated document would meet its own in them: every figure here is measured with them
    emptied before each document ("no cache may serve a repeated document", issue 16)."""
    from zhibiao.catalog.matcher import Catalog
    from zhibiao.extract import numbers

    numbers.find_numbers.cache_clear()
    numbers.parse_chinese.cache_clear()
    Catalog._match.cache_clear()


def _extract(path: str) -> tuple[int, dict | None]:
    from zhibiao.api import extract_file

    forget_between_documents()
    try:
        return os.path.getsize(path), extract_file(path).to_dict()
    except Exception:  # counted as a failure in the results
        return os.path.getsize(path), None


# What a long-running process has paid once before its first document: imports (cn2an too: a
# Chinese numeral), the catalogue, and the region registry's name tables for each level (built on
# the first document whose region is found by the places it names). None of it depends on the
# documents measured.
# (longer than a name and with a table, so that what a process compiles or reads once — the
# traditional characters' runs, the table vocabulary — is done before any timing: a per-process
# cost, not a document's)
# (a congress session too: its terms are a data file read on first use — with PyYAML imported when
# the parsed copy cannot be cached, as under PYTHONDONTWRITEBYTECODE)
WARM_TEXT = ("浙江省人民政府关于下达2024年浙江省国民经济和社会发展计划的通知\n\n地区生产总值增长6%左右，新增企业一百二十家。\n"
             "（2024年1月23日在浙江省第十四届人民代表大会第二次会议上）\n"
             "2023年，全省地区生产总值增长6.0%，一般公共预算收入增长7.0%。\n\n"
             "附件\n2024年主要指标\n序号\t指标\t单位\t2024年目标\n1\t地区生产总值增长\t%\t6左右\n"
             "2\t城镇新增就业\t万人\t80\n")
WARM_LEVELS = ("province", "prefecture", "county")


def _warm() -> None:
    """Imports, the catalogue and the registry's tables, loaded once before timing; then the
    collector settled as every process of the product that extracts many documents settles it (an
    ingest's workers, ``zhibiao extract`` with several files: ``workers.settle_garbage_collector``)."""
    from zhibiao.api import extract_text
    from zhibiao.catalog.regions import RegionRegistry
    from zhibiao.workers import settle_garbage_collector

    extract_text(WARM_TEXT)
    for level in WARM_LEVELS:
        RegionRegistry.default().find_at_level("", level)
    if not os.environ.get("ZHIBIAO_BENCH_UNSETTLED"):  # (set it to measure the collector's defaults)
        settle_garbage_collector()


SEED_SCRIPT = f"""
import json, os, sys, time
from zhibiao.api import extract_file, extract_text
from zhibiao.catalog.regions import RegionRegistry
extract_text({WARM_TEXT!r})
for level in {WARM_LEVELS!r}:
    RegionRegistry.default().find_at_level("", level)
from zhibiao.catalog.matcher import Catalog
from zhibiao.extract import numbers
from zhibiao.workers import settle_garbage_collector
if not os.environ.get("ZHIBIAO_BENCH_UNSETTLED"):  # (the product's setting; set it to measure the collector's defaults)
    settle_garbage_collector()
out = []
for p in sys.argv[1:]:
    numbers.find_numbers.cache_clear(); numbers.parse_chinese.cache_clear(); Catalog._match.cache_clear()
    t, c = time.perf_counter(), time.process_time()
    extract_file(p)
    out.append([p, os.path.getsize(p), time.perf_counter() - t, time.process_time() - c])
print(json.dumps(out))
"""


def bench_seeds(rounds: int = 5) -> dict | None:
    """The real seeds (18–46 KB), each extracted once per fresh process: no cache of a repeated
    document can serve them. ``rounds`` processes; documents/s over all of them."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        return None
    times, sizes, cpus = [], [], []
    for _ in range(rounds):
        proc = subprocess.run([sys.executable, "-c", SEED_SCRIPT, *map(str, seeds)], capture_output=True, text=True,
                              check=True)
        for _p, size, secs, cpu in json.loads(proc.stdout):
            times.append(secs)
            sizes.append(size)
            cpus.append(cpu)
    total = sum(times)
    return report(measure="extract", format="txt (the 5 real seeds, 18–46 KB)", jobs=1, documents=len(times),
                  docs_per_s=round(len(times) / total, 1), mb_per_s=round(sum(sizes) / total / 1e6, 2),
                  docs_per_cpu_s=round(len(times) / sum(cpus), 1), mb_per_cpu_s=round(sum(sizes) / sum(cpus) / 1e6, 2),
                  median_ms=round(statistics.median(times) * 1000, 1), load=loadavg(), commit=git_commit(), rules=rules_build())


def bench_extract(corpus: Path | None, documents: int, formats: list[str], jobs_list=(1, 2)) -> list[dict]:
    results = []
    if (r := bench_seeds()) is not None:
        results.append(r)
    _warm()
    groups = [("txt", ("plan_notice", "work_report"), "txt, generated plan notices and work reports (seeds' kinds)")]
    groups += [(fmt, None, f"{fmt}, generated, all four kinds") for fmt in formats]
    for fmt, kinds, label in groups:
        n = documents if fmt in ("txt", "html") else max(20, documents // 10)
        paths, tmp = documents_for(corpus, n, fmt, kinds)
        for jobs in jobs_list:
            start = time.perf_counter()
            cpu0 = time.process_time()
            if jobs == 1:
                out = [_extract(str(p)) for p in paths]
            else:
                with ProcessPoolExecutor(jobs, initializer=_warm) as pool:
                    list(pool.map(_warm_noop, range(jobs)))  # workers started and warm before timing
                    start = time.perf_counter()
                    out = list(pool.map(_extract, [str(p) for p in paths], chunksize=4))
            secs = time.perf_counter() - start
            cpu = time.process_time() - cpu0 if jobs == 1 else None
            size = sum(s for s, _ in out)
            acc = accuracy(paths, [o for _, o in out]) if jobs == 1 else {}
            results.append(report(measure="extract", format=label, jobs=jobs, documents=len(paths),
                                  mean_kb=round(size / len(paths) / 1024, 1), docs_per_s=round(len(paths) / secs, 1),
                                  mb_per_s=round(size / secs / 1e6, 2), failures=sum(1 for _, o in out if o is None),
                                  docs_per_cpu_s=round(len(paths) / cpu, 1) if cpu else None,
                                  mb_per_cpu_s=round(size / cpu / 1e6, 2) if cpu else None,
                                  peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                                  accuracy=acc, load=loadavg(), commit=git_commit(), rules=rules_build()))
        if tmp is not None:
            tmp.cleanup()
    return results


def _warm_noop(_i: int) -> None:
    return None


# --------------------------------------------------------------------------------------- floor

# The floor: "a bare single pass (read, NFKC, sentence split, one regex per sentence)".
# Measured on the same documents at the same minutes as the extraction, so that the ratio of the
# two says how far extraction is from the floor whatever the machine (the goal, 150 documents/s,
# was a quarter of the ≈ 600 of the machine the issue was written on).
FLOOR_SENTENCE_END = re.compile(r"[。！？；\n]")
FLOOR_PATTERN = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万|亿)?")


def bare_pass(path: Path) -> int:
    """Read, decode, NFKC, split into sentences, one regex per sentence: the number of sentences
    with a figure (returned so that nothing is optimised away)."""
    import unicodedata

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    text = unicodedata.normalize("NFKC", text)
    return sum(1 for sentence in FLOOR_SENTENCE_END.split(text) if FLOOR_PATTERN.search(sentence))


def _floor_rate(paths: list[Path]) -> float:
    """Documents per CPU-second of the bare pass over ``paths`` (each read once)."""
    cpu0 = time.process_time()
    for p in paths:
        bare_pass(p)
    return len(paths) / (time.process_time() - cpu0)


def bench_floor(corpus: Path | None, documents: int, rounds: int = 3) -> list[dict]:
    """Extraction against the floor, interleaved: the bare pass and the whole extraction of the
    same documents, ``rounds`` times each, alternating — on the seeds (each extraction in a fresh
    process, as :func:`bench_seeds`) and on generated plan notices and work reports (one process,
    caches emptied per document). Reports both rates and their ratio (the issue asks ≥ 0.25)."""
    results = []
    seeds = sorted(SEEDS.glob("*.txt"))
    groups = []
    if seeds:
        groups.append(("the 5 real seeds", seeds))
    if documents:
        paths, _tmp = documents_for(corpus, documents, "txt", ("plan_notice", "work_report"))
        groups.append(("generated plan notices and work reports", paths))
    _warm()
    for label, paths in groups:
        floor, extraction = [], []
        for _ in range(rounds):
            floor.append(_floor_rate(paths))
            if paths is seeds:
                proc = subprocess.run([sys.executable, "-c", SEED_SCRIPT, *map(str, seeds)], capture_output=True,
                                      text=True, check=True)
                extraction.append(len(seeds) / sum(cpu for _p, _s, _w, cpu in json.loads(proc.stdout)))
            else:
                cpu0 = time.process_time()
                for p in paths:
                    _extract(str(p))
                extraction.append(len(paths) / (time.process_time() - cpu0))
        f, e = statistics.median(floor), statistics.median(extraction)
        results.append(report(measure="floor", format=f"txt, {label}", documents=len(paths), rounds=rounds,
                              floor_docs_per_cpu_s=round(f, 1), extract_docs_per_cpu_s=round(e, 1),
                              extract_over_floor=round(e / f, 3), floor_rounds=[round(x, 1) for x in floor],
                              extract_rounds=[round(x, 1) for x in extraction], load=loadavg(),
                              commit=git_commit(), rules=rules_build()))
    return results


def bench_kinds(corpus: Path | None, documents: int, provinces: list[str] | None = None) -> list[dict]:
    """Where a national ingest's extraction CPU goes: ``documents`` of the national corpus (TXT and
    HTML, spread evenly over its files — or its ``provinces``' folders), each extracted once in
    this process with the caches emptied before it, CPU per document by kind and format (a plan
    notice's table layout counts as its kind: plan_notice-tab.html) and each group's share."""
    if corpus is None:
        raise SystemExit("kinds needs --corpus (a corpus written by generate.py)")
    files = [f for f in corpus_files(corpus, sample=False) if f.suffix in (".txt", ".html")
             and (not provinces or any(f"/national/{p}" in f.as_posix() for p in provinces))]
    if not files:
        raise SystemExit(f"kinds: no TXT or HTML documents under {corpus}")
    step = max(1, len(files) // documents)
    files = files[::step][:documents]
    _warm()
    cpu: dict[str, list[float]] = {}
    size: dict[str, int] = {}
    for path in files:
        group = path.name.split("-", 1)[-1].split(".")[0] + path.suffix  # 2024-plan_notice-tab.html -> plan_notice-tab.html
        forget_between_documents()
        t0 = time.process_time()
        _extract(str(path))
        cpu.setdefault(group, []).append(time.process_time() - t0)
        size[group] = size.get(group, 0) + os.path.getsize(path)
    total = sum(sum(v) for v in cpu.values())
    groups = {g: {"documents": len(v), "cpu_ms_per_doc": round(sum(v) / len(v) * 1000, 2),
                  "mean_kb": round(size[g] / len(v) / 1000, 1), "share_of_cpu": round(sum(v) / total, 3)}
              for g, v in sorted(cpu.items(), key=lambda kv: -sum(kv[1]))}
    n = sum(len(v) for v in cpu.values())
    return [report(measure="kinds", documents=n, cpu_ms_per_doc=round(total / n * 1000, 2), groups=groups,
                   load=loadavg(), commit=git_commit(), rules=rules_build())]


# --------------------------------------------------------------------------------------- stages


def _callee_times(prof: cProfile.Profile, parent_name: str, parent_file: str) -> dict[str, float]:
    """Cumulative time of each function called directly by ``parent`` (seconds, under the profiler)."""
    stats = pstats.Stats(prof).stats
    out: dict[str, float] = {}
    for func, (_cc, _nc, _tt, _ct, callers) in stats.items():
        for caller, edge in callers.items():
            if caller[2] == parent_name and caller[0].endswith(parent_file):
                name = f"{Path(func[0]).stem}.{func[2]}" if func[0] not in ("~", "") else func[2]
                out[name] = out.get(name, 0.0) + edge[3]
    return out


def bench_stages(corpus: Path | None, documents: int) -> list[dict]:
    """Where the time of one document goes: load, normalise, each step of extraction (the functions
    ``extract_document`` calls, shares measured under cProfile and scaled to the unprofiled time),
    and the catalogue's annotation."""
    from zhibiao.catalog.annotate import annotate_extraction
    from zhibiao.extract.pipeline import extract_document
    from zhibiao.load import load
    from zhibiao.text.document import Document

    _warm()
    sets = []
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        sets.append(("the 5 real seeds", seeds))
    tmp = None
    if documents:
        paths, tmp = documents_for(corpus, documents, "txt", ("plan_notice", "work_report"))
        sets.append((f"{len(paths)} generated plan notices and work reports (TXT)", paths))
    results = []
    for label, files in sets:
        totals = {"load": 0.0, "normalise": 0.0, "extract": 0.0, "annotate": 0.0}
        inner: dict[str, float] = {}
        size = 0
        wall = 0.0
        clock = time.process_time  # CPU time of this process: what neighbours on a shared machine change least
        for path in files:
            size += os.path.getsize(path)
            forget_between_documents()
            w0 = time.perf_counter()
            t0 = clock()
            loaded = load(path)
            t1 = clock()
            doc = Document.from_loaded(loaded)
            t2 = clock()
            extraction = extract_document(doc)
            t3 = clock()
            annotate_extraction(extraction, text=doc.text)
            t4 = clock()
            wall += time.perf_counter() - w0
            for k, v in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                totals[k] += v
        # the breakdown of extraction, on a second pass under the profiler (no timing taken from it directly)
        prof = cProfile.Profile()
        for path in files:
            doc = Document.from_loaded(load(path))
            forget_between_documents()
            prof.enable()
            extract_document(doc)
            prof.disable()
        callees = _callee_times(prof, "extract_document", "pipeline.py")
        whole = sum(callees.values()) or 1.0
        n = len(files)
        for name, secs in callees.items():
            inner[name] = totals["extract"] * secs / whole / n * 1000
        per_doc = {k: round(v / n * 1000, 2) for k, v in totals.items()}
        total_ms = sum(per_doc.values())
        results.append(report(
            measure="stages", documents=label, n=n, mean_kb=round(size / n / 1024, 1),
            cpu_ms_per_doc=per_doc, cpu_total_ms=round(total_ms, 1), docs_per_cpu_s=round(1000 / total_ms, 1),
            mb_per_cpu_s=round(size / n / 1e6 / (total_ms / 1000), 2), wall_ms_per_doc=round(wall / n * 1000, 1),
            extract_steps_ms={k: round(v, 2) for k, v in sorted(inner.items(), key=lambda kv: -kv[1]) if v >= 0.05},
            load=loadavg(), commit=git_commit(), rules=rules_build()))
    if tmp is not None:
        tmp.cleanup()
    return results


# --------------------------------------------------------------------------------------- one document, whole process

BREAKDOWN = r"""
import sys, time, json, io
clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
sys.argv = [a for a in sys.argv if a != "--cpu"]
t0 = clock()
import zhibiao.cli
t1 = clock()
from zhibiao.catalog import Catalog, RegionRegistry
Catalog.default(); RegionRegistry.default()
t2 = clock()
from zhibiao.api import read_document
doc = read_document(sys.argv[1])
t3 = clock()
from zhibiao.extract.pipeline import extract_document
e = extract_document(doc)
t4 = clock()
from zhibiao.api import annotate
annotate(e, doc)
t5 = clock()
from rich.console import Console
from zhibiao.cli.extract import print_text
print_text(e, Console(file=io.StringIO(), width=160))
t6 = clock()
print(json.dumps({"imports": t1 - t0, "catalogue": t2 - t1, "load_normalise": t3 - t2, "extract": t4 - t3,
                  "annotate": t5 - t4, "print": t6 - t5}))
"""


def _median_run(argv: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a whole process."""
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), statistics.median(cpus)


def bench_cli(runs: int = 15, path: Path | None = None) -> dict:
    """``zhibiao extract FILE``: the median whole-process time, and where it goes."""
    zhibiao = str(Path(sys.executable).with_name("zhibiao"))
    path = path or next(iter(sorted(SEEDS.glob("000_*.txt"))), None)
    if path is None:
        paths = generate(Path(tempfile.mkdtemp()), 1, formats=["txt"], kinds=("plan_notice",))
        path = paths[0]
    commands = {"zhibiao extract FILE": [zhibiao, "extract", str(path)],
                "zhibiao extract --format json FILE": [zhibiao, "extract", "--format", "json", str(path)],
                "zhibiao --help": [zhibiao, "--help"], "python -c pass": [sys.executable, "-c", "pass"]}
    medians = {name: _median_run(argv, runs) for name, argv in commands.items()}
    breakdown = {}
    for kind, extra in (("wall", []), ("cpu", ["--cpu"])):
        parts = []
        for _ in range(max(3, runs // 3)):
            proc = subprocess.run([sys.executable, "-c", BREAKDOWN, str(path), *extra], capture_output=True, text=True,
                                  check=True)
            parts.append(json.loads(proc.stdout))
        breakdown[kind] = {k: round(statistics.median(p[k] for p in parts) * 1000, 1) for k in parts[0]}
    imports = _import_times(zhibiao, path)
    return report(measure="cli", file=path.name, kb=round(path.stat().st_size / 1024, 1), runs=runs,
                  median_wall_ms={k: round(w * 1000) for k, (w, _c) in medians.items()},
                  median_cpu_ms={k: round(c * 1000) for k, (_w, c) in medians.items()},
                  in_process_ms=breakdown, imports_ms_by_package=imports, load=loadavg(), commit=git_commit(), rules=rules_build())


def _import_times(zhibiao: str, path: Path) -> dict:
    """``python -X importtime``: cumulative import time of each top-level package (ms)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", zhibiao, "extract", str(path)], capture_output=True,
                          text=True)
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not m:
            continue
        self_us, _cum, indent, name = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        top = name.split(".")[0]
        totals[top] = totals.get(top, 0) + self_us
    top = sorted(totals.items(), key=lambda kv: -kv[1])
    out = {k: round(v / 1000, 1) for k, v in top[:12]}
    out["(all)"] = round(sum(totals.values()) / 1000, 1)
    return out


# --------------------------------------------------------------------------------------- ingest


def _tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of one process so far."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def server_cpu_seconds(pid: int) -> float:
    """CPU of a server and all its processes so far: its own, that of the children it has reaped
    (PostgreSQL's postmaster reaps the backend of every closed connection) and that of the live ones."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        reaped = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0
    return reaped + sum(cpu_seconds(p) or 0.0 for p in _tree(pid) if p != pid)


def _tree_rss(pid: int) -> list[int]:
    """RSS in bytes of a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                out.append(int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
        except OSError:
            pass
        todo.extend(children.get(p, []))
    return out


def _count_documents(db: str) -> int:
    from sqlalchemy import create_engine, text

    from zhibiao.store.database import resolve_url

    engine = create_engine(resolve_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0
    except Exception:
        return 0
    finally:
        engine.dispose()


def database_size(db: str) -> int:
    from zhibiao.store.database import resolve_url

    url = resolve_url(db)
    if url.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1])
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
    engine.dispose()
    return int(size)


def bench_ingest(corpus: Path, db: str, jobs: int = 2, label: str | None = None, sample: bool = False,
                 every: float = 10.0, limit_dirs: list[str] | None = None) -> dict:
    """``zhibiao ingest CORPUS --jobs N`` on the generated corpus, resumable: a state file beside the
    results keeps the seconds already spent, so a run that was stopped continues (ingest itself skips
    documents already stored). RSS of every process sampled each second; a checkpoint every
    ``every`` seconds records documents stored and memory, to show memory flat in corpus size."""
    root = corpus / ("sample" if sample else "national")
    targets = [str(root / d) for d in limit_dirs] if limit_dirs else [str(root)]
    total_files = sum(1 for t in targets for p in Path(t).rglob("*.jsonl") if not p.name.startswith("."))
    label = label or ("sqlite" if "://" not in db else db.split(":", 1)[0])
    state_path = corpus / f"ingest-{label}.state.json"
    state = json.loads(state_path.read_text()) if state_path.exists() else {"seconds": 0.0, "start_docs": None,
                                                                           "checkpoints": [], "peak_largest": 0,
                                                                           "peak_total": 0}
    state.setdefault("cpu", {"parent": 0.0, "workers": 0.0})
    pg = _postgres_pid(db)  # PostgreSQL's server on this machine: its CPU is the ingest's too
    if pg:
        state["cpu"].setdefault("postgresql", 0.0)
    cpu_base = dict(state["cpu"])
    pg_before = server_cpu_seconds(pg) if pg else 0.0
    cpu_now: dict[int, float] = {}
    have = _count_documents(db)
    if state["start_docs"] is None:
        state["start_docs"] = have
    argv = [str(Path(sys.executable).with_name("zhibiao")), "ingest", *targets, "--db", db, "--jobs", str(jobs),
            "--quiet", "--format", "json"]
    stderr_path = corpus / f"ingest-{label}.stderr"
    started = time.perf_counter()
    base = state["seconds"]
    with open(stderr_path, "a") as err:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, text=True)
    stop = threading.Event()

    def sample_rss():
        last = 0.0
        while not stop.is_set():
            rss = _tree_rss(proc.pid)
            for p in _tree(proc.pid):
                c = cpu_seconds(p)
                if c is not None:
                    cpu_now[p] = c
            state["cpu"] = {"parent": cpu_base["parent"] + cpu_now.get(proc.pid, 0.0),
                            "workers": cpu_base["workers"] + sum(v for k, v in cpu_now.items() if k != proc.pid)}
            if pg:
                state["cpu"]["postgresql"] = cpu_base["postgresql"] + server_cpu_seconds(pg) - pg_before
            if rss:
                state["peak_largest"] = max(state["peak_largest"], max(rss))
                state["peak_total"] = max(state["peak_total"], sum(rss))
            now = time.perf_counter()
            if now - last >= every:
                last = now
                state["seconds"] = base + now - started
                state["checkpoints"].append({"seconds": round(state["seconds"], 1), "documents": _count_documents(db),
                                             "rss_mb": [round(r / 2**20) for r in rss], "load": loadavg(),
                                             "cpu": {k: round(v, 1) for k, v in state["cpu"].items()}})
                state_path.write_text(json.dumps(state))
            stop.wait(1.0)

    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    state["seconds"] = base + time.perf_counter() - started
    state_path.write_text(json.dumps(state))
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}); see {stderr_path}")
    summary = json.loads(out)
    now_docs = _count_documents(db)
    stored = now_docs - state["start_docs"]
    size = database_size(db)
    # a resumed run (perhaps at another commit): this invocation's own figures beside the whole's
    this_run = {"documents": now_docs - have, "seconds": round(time.perf_counter() - started, 1),
                "cpu_ms_per_document": {k: round((state["cpu"][k] - cpu_base.get(k, 0.0)) / max(1, now_docs - have) * 1000, 1)
                                        for k in state["cpu"]}}
    checkpoints = state["checkpoints"]
    cpu = state["cpu"]
    # On a shared machine wall time depends on the neighbours; CPU time does not (much): on an idle
    # machine with `jobs` cores the run could take no less than the busiest of these.
    idle_estimate = max(cpu["parent"], (cpu["parent"] + cpu["workers"]) / max(1, os.cpu_count() or 1))
    # The closing status snapshot (computed by the workers too, with --jobs): from the first checkpoint
    # at which every document was stored (±10 s) to the end.
    stored_at = next((c for c in checkpoints if c["documents"] == stored + state["start_docs"] and "cpu" in c), None)
    snapshot = {"seconds": round(state["seconds"] - stored_at["seconds"], 1),
                "cpu_seconds": {k: round(cpu[k] - stored_at["cpu"][k], 1) for k in ("parent", "workers")},
                "documents_stored_at_s": stored_at["seconds"],
                "cpu_ms_per_document_before_it": {"writer": round(stored_at["cpu"]["parent"] / max(1, stored) * 1000, 1),
                                                  "extraction": round(stored_at["cpu"]["workers"] / max(1, stored) * 1000, 1)}
                } if stored_at else None
    return report(measure="ingest", database=label, corpus=str(root), files=total_files, jobs=jobs,
                  documents_stored=stored, summary=summary["documents"], failures=summary["failures"][:5],
                  targets=summary["targets"], actuals=summary["actuals"], commitments=summary["commitments"],
                  seconds=round(state["seconds"], 1), docs_per_s=round(stored / max(1e-9, state["seconds"]), 1),
                  cpu_seconds={"writer (parent)": round(cpu["parent"], 1), "extraction (workers)": round(cpu["workers"], 1)}
                  | ({"postgresql (since it was measured)": round(cpu["postgresql"], 1)} if "postgresql" in cpu else {}),
                  this_run=this_run,
                  cpu_ms_per_document={"writer": round(cpu["parent"] / max(1, stored) * 1000, 1),
                                       "extraction": round(cpu["workers"] / max(1, stored) * 1000, 1)},
                  idle_machine_estimate_s=round(idle_estimate, 1), closing_snapshot=snapshot,
                  peak_rss_mb_largest_process=round(state["peak_largest"] / 2**20),
                  peak_rss_mb_all_processes=round(state["peak_total"] / 2**20),
                  rss_at=_rss_profile(checkpoints), database_mb=round(size / 1e6), bytes_per_document=size // max(1, stored),
                  load=loadavg(), commit=git_commit(), rules=rules_build())


def _rss_profile(checkpoints: list[dict]) -> list[dict]:
    """Largest-process RSS at ten points along the run (flat in corpus size or not)."""
    if not checkpoints:
        return []
    step = max(1, len(checkpoints) // 10)
    return [{"documents": c["documents"], "largest_mb": max(c["rss_mb"] or [0]), "all_mb": sum(c["rss_mb"])}
            for c in checkpoints[::step]]


# --------------------------------------------------------------------------------------- queries


def _percentiles(samples: list[float]) -> dict:
    s = sorted(samples)

    def pick(q):
        return round(s[min(len(s) - 1, int(q * len(s)))] * 1000, 1)

    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "mean_ms": round(statistics.mean(s) * 1000, 1)}


def _postgres_pid(db: str) -> int | None:
    """The PostgreSQL server's main process (its CPU counts as the server's too), from its data folder."""
    if not db.startswith("postgresql"):
        return None
    try:
        from sqlalchemy import create_engine

        engine = create_engine(db)
        with engine.connect() as conn:
            folder = conn.exec_driver_sql("SHOW data_directory").scalar()
        engine.dispose()
        return int(Path(folder, "postmaster.pid").read_text().split()[0])
    except Exception:  # noqa: BLE001 - not on this machine, or not readable: left out
        return None


def start_server(db: str, port: int, workers: int = 1, token: str | None = None, extra_env: dict | None = None):
    import httpx

    argv = [str(Path(sys.executable).with_name("zhibiao")), "serve", "--db", db, "--port", str(port)]
    if workers > 1:
        argv += ["--workers", str(workers)]
    if token:
        argv += ["--token", token]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env=os.environ | (extra_env or {}))
    deadline = time.monotonic() + 600  # a loaded machine can take minutes to start a server
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=30)
            return server
        except httpx.TransportError:
            if server.poll() is not None:
                raise SystemExit(f"server exited: {server.stderr.read()[-2000:]}")
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("server did not start")


def stop_server(server) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def query_samples(db: str, requests: int, seed: int = 7) -> dict:
    """Distinct region-years, parents, documents and search words to query, from the database."""
    import random

    from sqlalchemy import select

    from zhibiao.store import Database
    from zhibiao.store.schema import DocumentRow, RegionRow

    database = Database.open(db)
    rng = random.Random(seed)
    with database.session() as s:
        rows = s.execute(select(DocumentRow.id, DocumentRow.region_code, DocumentRow.plan_year, DocumentRow.doc_type,
                                DocumentRow.region_name)).all()
        parents = s.execute(select(RegionRow.code).where(RegionRow.level.in_(("province", "prefecture")))).scalars().all()
    database.dispose()
    notices = [r for r in rows if r.doc_type == "plan_notice" and r.region_code]
    rng.shuffle(notices)
    docs = list(rows)
    rng.shuffle(docs)
    # the years the corpus is about (a stray document of 2031 would make a view of that year trivially small)
    per_year: dict[int, int] = {}
    for r in rows:
        if r.plan_year:
            per_year[r.plan_year] = per_year.get(r.plan_year, 0) + 1
    years = sorted(y for y, n in per_year.items() if n * 100 >= len(rows)) or sorted(per_year)
    have_parent = sorted({r.region_code for r in notices if r.region_code in set(parents)})
    rng.shuffle(have_parent)
    # what people type in the search box: two-character names (the common case), indicator words,
    # longer phrases of titles and targets
    names = sorted({r.region_name for r in notices if r.region_name})
    rng.shuffle(names)
    words = [n[:2] for n in names[:60]] + names[60:100] + [
        "粮食", "就业", "GDP", "地区生产总值", "固定资产投资", "失业率", "森林覆盖率", "统计公报", "政府工作报告",
        "计划执行情况", "高新技术企业", "居民人均可支配收入", "5.5%", "PM2.5"] * 4
    rng.shuffle(words)
    return {"notices": notices[:requests], "documents": docs[:requests], "years": years, "spare": notices[-1],
            "parents": have_parent[:requests], "words": words[:requests], "count": len(rows)}


def bench_queries(db: str, requests: int = 200, workers: int = 1, label: str | None = None,
                  only: str | None = None, seed: int = 7) -> list[dict]:
    """Latency of each view over HTTP (a real server, one request at a time, loopback)."""
    import httpx

    samples = query_samples(db, requests, seed)
    pg = _postgres_pid(db)
    port = 18000 + os.getpid() % 1000
    server = start_server(db, port, workers)
    label = label or ("sqlite" if "://" not in db else db.split(":", 1)[0])
    n = samples["notices"]
    years = samples["years"] or [2024]
    half = samples["parents"][:max(1, requests // 2)]  # cross-region views: each asked twice (cold, then warm)
    parents = half + half
    endpoints = {
        "scorecard (API /api/v1/status)": [f"/api/v1/status?region={d.region_code}&year={d.plan_year}" for d in n],
        "scorecard (page /region/{code}/{year})": [f"/region/{d.region_code}/{d.plan_year}" for d in n],
        "compare years (API)": [f"/api/v1/compare/years?region={d.region_code}&year={d.plan_year}" for d in n],
        "home page (/: the region tree)": ["/"] * min(requests, 20),
        "parent-region grid (page /region/{code}/{year}/grid)": [
            f"/region/{p}/{years[int(p) // 100 % len(years)]}/grid" for p in parents],
        "children vs parent (API /api/v1/compare/levels)": [
            f"/api/v1/compare/levels?region={p}&year={years[int(p) // 100 % len(years)]}" for p in parents],
        "indicator across all counties (API /api/v1/compare/regions)": [
            f"/api/v1/compare/regions?indicator={ind}&year={years[i % len(years)]}&level=county"
            for i, ind in enumerate(["gdp_growth", "fai_growth", "retail_sales_growth", "cpi", "pm25"] * 8)],
        # its later pages (50 counties each) and the page a person reads (paged the same way)
        "indicator across all counties, pages 2-6 (API &_next=)": [
            f"/api/v1/compare/regions?indicator={ind}&year={years[i % len(years)]}&level=county&_next={50 * (1 + i % 5)}"
            for i, ind in enumerate(["gdp_growth", "fai_growth", "retail_sales_growth", "cpi", "pm25"] * 8)],
        # (each indicator in other years than the API's first pages asked: the page and the API share
        # the views' cache, so the same keys would be warm here, not cold)
        "indicator across all counties (page /compare/regions)": [
            f"/compare/regions?indicator={ind}&year={years[(i + 1) % len(years)]}&level=county"
            for i, ind in enumerate(["gdp_growth", "fai_growth", "retail_sales_growth", "cpi", "pm25"] * 8)],
        "search (API /api/v1/search?q=)": [f"/api/v1/search?q={quote(w)}" for w in samples["words"]],
        "documents by title (API /api/v1/documents?q=)": [f"/api/v1/documents?q={quote(w)}" for w in samples["words"][:50]],
        "reader text with spans (API /api/v1/documents/{id}/text)": [f"/api/v1/documents/{d.id}/text"
                                                                       for d in samples["documents"]],
        "reader (page /document/{id})": [f"/document/{d.id}" for d in samples["documents"]],
    }
    results = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            # the server's start-up work (the home page's view computed in the background, first imports
            # and templates) is not any view's cost: done before the clock, on URLs not measured
            t0 = time.perf_counter()
            client.get("/")
            first_home = time.perf_counter() - t0
            spare = samples["spare"]
            for url in (f"/api/v1/status?region={spare.region_code}&year={spare.plan_year}",
                        f"/region/{spare.region_code}/{spare.plan_year}", f"/document/{spare.id}",
                        f"/api/v1/documents/{spare.id}/text",
                        f"/api/v1/compare/years?region={spare.region_code}&year={spare.plan_year}"):
                client.get(url)
            results.append(report(measure="query", database=label, documents=samples["count"],
                                  endpoint="home page, first request after the server started (computed at start-up)",
                                  requests=1, ms=round(first_home * 1000, 1), workers=workers, load=loadavg(),
                                  commit=git_commit()))
            for name, urls in endpoints.items():
                if only and not any(word in name for word in only.split(",")):
                    continue
                times, cold, warm, errors, seen = [], [], [], 0, set()
                cpu_before = sum(cpu_seconds(p) or 0.0 for p in _tree(server.pid))
                pg_before = server_cpu_seconds(pg) if pg else 0.0
                for url in urls[:requests]:
                    t0 = time.perf_counter()
                    try:
                        failed = client.get(url).status_code >= 400
                    except httpx.TimeoutException:  # counted as an error, at the time it took
                        failed = True
                    dt = time.perf_counter() - t0
                    times.append(dt)
                    (warm if url in seen else cold).append(dt)
                    seen.add(url)
                    errors += failed
                # the server's own CPU time per request: what the neighbours on a shared machine change least
                cpu = sum(cpu_seconds(p) or 0.0 for p in _tree(server.pid)) - cpu_before
                extra = {"server_cpu_ms_per_request": round(cpu / max(1, len(times)) * 1000, 1)}
                if pg:  # PostgreSQL's own processes (its server is not the web server's child)
                    pg_cpu = server_cpu_seconds(pg) - pg_before
                    extra["postgresql_cpu_ms_per_request"] = round(pg_cpu / max(1, len(times)) * 1000, 1)
                if warm:  # the same URL again: what a cache (or the database's own) gives
                    extra |= {"cold": _percentiles(cold) | {"n": len(cold)}, "warm": _percentiles(warm) | {"n": len(warm)}}
                results.append(report(measure="query", database=label, documents=samples["count"], endpoint=name,
                                      seed=seed, requests=len(times), errors=errors, **_percentiles(times), **extra,
                                      workers=workers, load=loadavg(), commit=git_commit()))
    finally:
        stop_server(server)
    return results


# --------------------------------------------------------------------------------------- writes


def _extracted(corpus: Path | None, n: int) -> list:
    """``n`` distinct documents of the corpus extracted once (two processes), kept in a pickle in
    the temporary folder so that runs before and after a change write the very same input: this
    measures the writer, not extraction."""
    import pickle

    from zhibiao.ingest import extract_one

    cache = Path(tempfile.gettempdir()) / f"zhibiao-writes-{n}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    paths, _tmp = documents_for(corpus, n, "txt")
    with ProcessPoolExecutor(2) as pool:
        xs = [x for x in pool.map(extract_one, [str(p) for p in paths], chunksize=8) if not x.error]
    cache.write_bytes(pickle.dumps(xs))
    return xs


def _fresh_database(db: str, tag: str) -> tuple[str, object]:
    """A new empty database beside ``db``: a SQLite file in a temporary folder, or a new database
    on the same PostgreSQL server (dropped afterwards)."""
    if "://" not in db:
        tmp = tempfile.TemporaryDirectory()
        return str(Path(tmp.name) / f"{tag}.db"), tmp.cleanup
    import psycopg

    base = db.replace("postgresql+psycopg://", "postgresql://")
    name = f"writes_{tag}_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return db.rsplit("/", 1)[0] + "/" + name, drop


def bench_writes(corpus: Path | None, db: str, documents: int, batches=(1, 32), label: str | None = None) -> list[dict]:
    """The ingest writer alone: the same extracted documents stored into a fresh database one
    transaction per document (``store``, batch 1) and in batches (``store_many``); CPU of the
    writing process and, on PostgreSQL, of its server process, and wall time, per document."""
    from zhibiao.store import Database
    from zhibiao.store.ingest import store, store_many

    xs = _extracted(corpus, documents)
    out = []
    for batch in batches:
        url, cleanup = _fresh_database(db, f"b{batch}")
        try:
            target = Database.open(url)
            backend = None
            if not target.is_sqlite:
                with target.engine.connect() as conn:
                    backend = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            server0 = cpu_seconds(backend) if backend else None
            c0, w0 = time.process_time(), time.perf_counter()
            for i in range(0, len(xs), batch):
                if batch == 1:
                    store(target, xs[i])
                else:
                    store_many(target, xs[i:i + batch])
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            server = (cpu_seconds(backend) - server0) if backend and server0 is not None else None
            with target.engine.connect() as conn:
                stored = conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()
            target.dispose()
        finally:
            cleanup()
        n = len(xs)
        out.append(report(measure="writes", database=label or ("sqlite" if "://" not in db else db.split(":", 1)[0]),
                          batch=batch, documents=n, stored=stored, seconds=round(wall, 2),
                          documents_per_s=round(n / wall, 1),
                          writer_cpu_ms_per_document=round(1000 * cpu / n, 2),
                          server_cpu_ms_per_document=round(1000 * server / n, 2) if server is not None else None,
                          wall_ms_per_document=round(1000 * wall / n, 2), load=loadavg(), commit=git_commit()))
    return out


def main() -> None:
    global RESULTS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["extract", "floor", "stages", "kinds", "cli", "ingest", "writes", "queries"])
    ap.add_argument("--corpus", type=Path, default=None, help="a corpus written by generate.py")
    ap.add_argument("--documents", type=int, default=500)
    ap.add_argument("--formats", default="txt,html,docx,pdf")
    ap.add_argument("--extract-jobs", default="1,2", help="extract: the numbers of processes to measure with")
    ap.add_argument("--db", default=None, help="ingest/queries: a SQLite path or a SQLAlchemy URL")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--label", default=None, help="ingest/queries: a name for the run (its state file)")
    ap.add_argument("--sample", action="store_true", help="ingest: the PDF/DOCX sample instead of the national corpus")
    ap.add_argument("--provinces", default=None, help="ingest, kinds: only these provinces' folders (comma-separated "
                    "code prefixes, e.g. 33,44)")
    ap.add_argument("--batches", default="1,32", help="writes: documents per transaction to measure with")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7, help="queries: which regions, years and documents are asked "
                    "(another seed: pages the database has not read yet — a cold start of the data)")
    ap.add_argument("--only", default=None, help="queries: only the views whose name contains one of these "
                                                 "comma-separated words (e.g. home,grid)")
    ap.add_argument("--workers", type=int, default=1, help="queries: server worker processes")
    ap.add_argument("--runs", type=int, default=15, help="cli: runs per command")
    ap.add_argument("--file", type=Path, default=None, help="cli: the document (default seed 000)")
    ap.add_argument("--results", type=Path, default=None, help="also append each JSON line to this file")
    args = ap.parse_args()
    RESULTS = args.results
    if args.what == "extract":
        bench_extract(args.corpus, args.documents, args.formats.split(","),
                      tuple(int(j) for j in args.extract_jobs.split(",")))
    elif args.what == "floor":
        bench_floor(args.corpus, args.documents)
    elif args.what == "stages":
        bench_stages(args.corpus, args.documents)
    elif args.what == "kinds":
        bench_kinds(args.corpus, args.documents, args.provinces.split(",") if args.provinces else None)
    elif args.what == "cli":
        bench_cli(args.runs, args.file)
    elif args.what == "ingest":
        if not args.corpus or not args.db:
            ap.error("ingest needs --corpus and --db")
        bench_ingest(args.corpus, args.db, args.jobs, args.label, args.sample,
                     limit_dirs=args.provinces.split(",") if args.provinces else None)
    elif args.what == "writes":
        if not args.db:
            ap.error("writes needs --db")
        bench_writes(args.corpus, args.db, args.documents, tuple(int(b) for b in args.batches.split(",")), args.label)
    elif args.what == "queries":
        if not args.db:
            ap.error("queries needs --db")
        bench_queries(args.db, args.requests, args.workers, args.label, args.only, args.seed)


if __name__ == "__main__":
    main()
