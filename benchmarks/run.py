"""Benchmarks: extraction throughput and accuracy, ingest, and API latency. See README.md.

    .venv/bin/python benchmarks/run.py extract --documents 2000
    .venv/bin/python benchmarks/run.py ingest --documents 10000 [--postgres URL]
    .venv/bin/python benchmarks/run.py api --documents 60000 --requests 300
    .venv/bin/python benchmarks/run.py all        # what RESULTS.md records

Each prints a JSON line per measurement. Timings are measured here, never asserted in tests.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

SHARED_SCORE = ROOT.parent / "shared" / "score.py"


def report(**fields) -> dict:
    print(json.dumps(fields, ensure_ascii=False), flush=True)
    return fields


def _extract(path: str) -> tuple[int, dict | None]:
    from zhibiao.api import extract_file

    try:
        return os.path.getsize(path), extract_file(path).to_dict()
    except Exception:  # counted as a failure in the results
        return os.path.getsize(path), None


def _score_module():
    if not SHARED_SCORE.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", SHARED_SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(paths: list[Path], outputs: list[dict | None]) -> dict:
    score = _score_module()
    if score is None:
        return {"note": "../shared/score.py absent: accuracy not measured"}
    tp = gold_n = pred_n = exact = 0
    for path, out in zip(paths, outputs):
        gold = [json.loads(x) for x in Path(f"{path}.jsonl").read_text("utf-8").splitlines()]
        for kind in ("target", "actual"):
            g = [x for x in gold if x["type"] == kind]
            p = (out or {}).get(kind + "s") or []
            pairs = score.match(g, p, kind)
            tp += len(pairs)
            gold_n += len(g)
            pred_n += len(p)
            exact += sum(1 for gg, pp in pairs if all(score.field_ok(f, gg, pp) for f in score.FIELDS
                                                       if score.graded(f, gg)))
    precision, recall = tp / max(1, pred_n), tp / max(1, gold_n)
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / max(1e-9, precision + recall), 4), "exact": round(exact / max(1, gold_n), 4)}


def bench_seeds(repeat: int = 20) -> list[dict]:
    """Real documents of real length (the seeds, 20–46 KB each), when ../shared is there."""
    seeds = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        return []
    paths = [str(p) for p in seeds] * repeat
    start = time.perf_counter()
    sizes = [_extract(p)[0] for p in paths]
    secs = time.perf_counter() - start
    return [report(measure="extract", format="txt (seeds, real length)", jobs=1, documents=len(paths),
                   docs_per_s=round(len(paths) / secs, 1), mb_per_s=round(sum(sizes) / secs / 1e6, 2))]


def bench_extract(documents: int, formats: list[str]) -> list[dict]:
    results = bench_seeds()
    for fmt in formats:
        n = documents if fmt in ("txt", "html") else max(20, documents // 20)  # DOCX/PDF are slower to write
        with tempfile.TemporaryDirectory() as tmp:
            paths = generate(Path(tmp), n, (2020, 2025), [fmt])
            for jobs in (1, 2):
                start = time.perf_counter()
                if jobs == 1:
                    out = [_extract(str(p)) for p in paths]
                else:
                    with ProcessPoolExecutor(jobs) as pool:
                        out = list(pool.map(_extract, [str(p) for p in paths], chunksize=8))
                secs = time.perf_counter() - start
                size = sum(s for s, _ in out)
                acc = accuracy(paths, [o for _, o in out]) if jobs == 1 else {}
                results.append(report(measure="extract", format=fmt, jobs=jobs, documents=n,
                                      docs_per_s=round(n / secs, 1), mb_per_s=round(size / secs / 1e6, 2),
                                      failures=sum(1 for _, o in out if o is None),
                                      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                                      accuracy=acc))
    return results


def _run_ingest(paths_dir: Path, db: str, jobs: int) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "zhibiao", "ingest", str(paths_dir), "--db", db, "--jobs", str(jobs),
                           "--quiet", "--format", "json"], capture_output=True, text=True)
    secs = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr[-2000:])
    summary = json.loads(proc.stdout)
    return {"seconds": round(secs, 1), "summary": summary["documents"],
            "peak_rss_mb_largest_process": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def bench_ingest(documents: int, postgres: str | None, jobs: int = 2) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, documents, (2016, 2025), ["txt"])
        r = _run_ingest(corpus, str(Path(tmp) / "bench.db"), jobs)
        results.append(report(measure="ingest", database="sqlite", documents=documents, jobs=jobs, **r,
                              docs_per_s=round(documents / r["seconds"], 1)))
        if postgres:
            r = _run_ingest(corpus, postgres, jobs)
            results.append(report(measure="ingest", database="postgresql", documents=documents, jobs=jobs, **r,
                                  docs_per_s=round(documents / r["seconds"], 1)))
    return results


def _percentiles(samples: list[float]) -> dict:
    s = sorted(samples)

    def pick(q):
        return round(s[min(len(s) - 1, int(q * len(s)))] * 1000, 1)

    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "mean_ms": round(statistics.mean(s) * 1000, 1)}


def bench_api(documents: int, requests: int, db_path: str | None = None) -> list[dict]:
    import httpx

    from zhibiao.store import Database
    from zhibiao.store.schema import DocumentRow

    tmp = tempfile.mkdtemp()
    db = db_path or str(Path(tmp) / "api.db")
    if not db_path:
        corpus = Path(tmp) / "corpus"
        generate(corpus, documents, (2016, 2025), ["txt"])
        report(measure="api-setup", **_run_ingest(corpus, db, 2))
    database = Database.open(db)
    from sqlalchemy import func, select

    with database.session() as s:
        n_docs = s.scalar(select(func.count()).select_from(DocumentRow))
        sample = s.execute(select(DocumentRow.id, DocumentRow.region_code, DocumentRow.plan_year)
                           .where(DocumentRow.doc_type == "plan_notice").limit(requests)).all()
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen([sys.executable, "-m", "zhibiao", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    results = []
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(200):
                try:
                    client.get("/api/v1/openapi.json")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            endpoints = {
                "scorecard_api": lambda d: f"/api/v1/status?region={d.region_code}&year={d.plan_year}",
                "scorecard_page": lambda d: f"/region/{d.region_code}/{d.plan_year}",
                "compare_years": lambda d: f"/api/v1/compare/years?region={d.region_code}&year={d.plan_year}",
                "compare_regions": lambda d: f"/api/v1/compare/regions?indicator=gdp_growth&year={d.plan_year}&level=county",
                "reader_text": lambda d: f"/api/v1/documents/{d.id}/text",
                "reader_page": lambda d: f"/document/{d.id}",
            }
            for name, url in endpoints.items():
                times = []
                for d in sample[:requests]:
                    t0 = time.perf_counter()
                    r = client.get(url(d))
                    times.append(time.perf_counter() - t0)
                    r.raise_for_status()
                results.append(report(measure="api", endpoint=name, documents=n_docs, requests=len(times),
                                      **_percentiles(times)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["extract", "ingest", "api", "all"])
    ap.add_argument("--documents", type=int, default=None)
    ap.add_argument("--formats", default="txt,html,docx,pdf")
    ap.add_argument("--postgres", default=os.environ.get("ZHIBIAO_TEST_POSTGRES_URL"))
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", default=None, help="api: an existing database instead of a generated one")
    args = ap.parse_args()
    if args.what in ("extract", "all"):
        bench_extract(args.documents or 2000, args.formats.split(","))
    if args.what in ("ingest", "all"):
        bench_ingest(args.documents or 10000, args.postgres)
    if args.what in ("api", "all"):
        bench_api(args.documents or 60000, args.requests, args.db)


if __name__ == "__main__":
    main()
