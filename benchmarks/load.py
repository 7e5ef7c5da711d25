"""A bounded load test: N concurrent readers and one uploader against `zhibiao serve` on loopback.

    .venv/bin/python benchmarks/load.py --db /work/bench-corpus/national.db --workers 2
    .venv/bin/python benchmarks/load.py --db postgresql+psycopg://… --workers 4 --readers 50 --duration 60

Starts the server itself (``--workers`` processes, a token for the uploader), or uses ``--base URL``
of one already running (then give ``--token``). Readers loop over a realistic mix of views — the
scorecard (API and page), the reader (API and page), year comparisons, the parent-region grid, one
indicator across all counties, and search — on distinct regions, years and documents taken from
the database; the uploader stores new generated documents (distinct bytes) one after another and
deletes them at the end. Bounded in time (``--duration``) and in count (``--max-requests``); every
request has a timeout. Any HTTP status ≥ 400 or transport failure counts as an error.

The load generator is one Python process (asyncio + httpx) on the same machine as the server: on a
2-core machine it competes with the server for the CPU, so throughput is a lower bound.
"""
from __future__ import annotations

import argparse
from urllib.parse import quote
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import (_postgres_pid, _tree, cpu_seconds, git_commit, loadavg, query_samples, report, start_server,  # noqa: E402
                 stop_server)


def _cpu_of_tree(pid: int) -> tuple[float, float]:
    """CPU seconds of a server's processes: (request handling: the server and its worker
    processes, extraction of uploads: the processes those workers start)."""
    children: dict[int, list[int]] = {}
    for p in _tree(pid):
        try:
            ppid = int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(p)
    serving = extracting = 0.0
    todo = [(pid, 0)]
    while todo:
        p, depth = todo.pop()
        cpu = cpu_seconds(p) or 0.0
        if depth <= 1:
            serving += cpu
        else:
            extracting += cpu
        todo.extend((c, depth + 1) for c in children.get(p, []))
    return serving, extracting


def _pct(samples: list[float]) -> dict:
    if not samples:
        return {}
    s = sorted(samples)

    def pick(q):
        return round(s[min(len(s) - 1, int(q * len(s)))] * 1000, 1)

    return {"n": len(s), "p50_ms": pick(0.5), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "max_ms": round(s[-1] * 1000, 1)}


def reader_mix(samples: dict) -> list[tuple[str, str, int]]:
    """(view, url, weight): what a team of analysts reads."""
    n, docs, parents, years = samples["notices"], samples["documents"], samples["parents"], samples["years"] or [2024]
    mix = []
    for d in n:
        mix += [("scorecard_api", f"/api/v1/status?region={d.region_code}&year={d.plan_year}", 3),
                ("scorecard_page", f"/region/{d.region_code}/{d.plan_year}", 3),
                ("compare_years", f"/api/v1/compare/years?region={d.region_code}&year={d.plan_year}", 1)]
    for d in docs:
        mix += [("reader_api", f"/api/v1/documents/{d.id}/text", 2), ("reader_page", f"/document/{d.id}", 2)]
    for i, p in enumerate(parents):
        mix.append(("parent_grid", f"/region/{p}/{years[i % len(years)]}/grid", 1))
        mix.append(("compare_levels", f"/api/v1/compare/levels?region={p}&year={years[i % len(years)]}", 1))
    mix.append(("home", "/", max(1, len(n) // 20)))
    for i, ind in enumerate(["gdp_growth", "fai_growth", "retail_sales_growth", "cpi", "pm25", "surveyed_unemployment"]):
        for y in years:
            mix.append(("indicator_all_counties", f"/api/v1/compare/regions?indicator={ind}&year={y}&level=county", 1))
    for w in samples["words"]:
        mix.append(("search", f"/api/v1/search?q={quote(w)}", 1))
    return mix


def _message(r) -> str:
    """What an error answer says: the API's detail, or an error page's text without its markup."""
    import re

    if "html" in r.headers.get("content-type", ""):
        main = r.text.split("<main", 1)[-1]
        return " ".join(re.sub(r"<[^>]+>", " ", main).split())[:300]
    return r.text[:300]


async def run_load(base: str, token: str | None, samples: dict, readers: int, duration: float, max_requests: int,
                   uploads: list[Path], timeout: float) -> dict:
    import httpx

    mix = reader_mix(samples)
    urls = [(v, u) for v, u, w in mix for _ in range(w)]
    rng = random.Random(11)
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    error_samples: list[str] = []
    seen: set[str] = set()
    cold: dict[str, list[float]] = defaultdict(list)
    count = 0
    deadline = time.perf_counter() + duration
    uploaded: list[int] = []

    def note_error(view: str, what: str) -> None:
        errors[view] += 1
        if len(error_samples) < 10:
            error_samples.append(f"{view}: {what}")

    limits = httpx.Limits(max_connections=readers + 4, max_keepalive_connections=readers + 4)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:

        async def reader(i: int) -> None:
            nonlocal count
            local = random.Random(rng.random())
            while time.perf_counter() < deadline and count < max_requests:
                view, url = local.choice(urls)
                count += 1
                first = url not in seen
                seen.add(url)
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    dt = time.perf_counter() - t0
                    if r.status_code >= 400:
                        note_error(view, f"{r.status_code} {url} {_message(r)}")
                        continue
                except httpx.HTTPError as exc:
                    note_error(view, f"{type(exc).__name__} {url}")
                    continue
                times[view].append(dt)
                if first and view == "indicator_all_counties":
                    cold[view].append(dt)

        async def uploader() -> None:
            for path in uploads:
                if time.perf_counter() >= deadline:
                    break
                t0 = time.perf_counter()
                try:
                    r = await client.post("/api/v1/documents", headers={"authorization": f"Bearer {token}"},
                                          files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
                    dt = time.perf_counter() - t0
                    if r.status_code >= 400:
                        note_error("upload", f"{r.status_code} {r.text[:200]}")
                        continue
                    uploaded.append(r.json()["id"])
                    times["upload"].append(dt)
                except httpx.HTTPError as exc:
                    note_error("upload", f"{type(exc).__name__}")

        started = time.perf_counter()
        tasks = [asyncio.create_task(reader(i)) for i in range(readers)]
        if token and uploads:
            tasks.append(asyncio.create_task(uploader()))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
        # the uploads are removed again, so the benchmark database stays the corpus
        for doc_id in uploaded:
            await client.delete(f"/api/v1/documents/{doc_id}", headers={"authorization": f"Bearer {token}"})

    reads = [t for v, ts in times.items() if v != "upload" for t in ts]
    return {"seconds": round(elapsed, 1), "requests": len(reads) + sum(errors.values()) + len(times["upload"]),
            "errors": sum(errors.values()), "errors_by_view": dict(errors), "error_samples": error_samples,
            "reads_per_s": round(len(reads) / elapsed, 1), "reads": _pct(reads),
            "by_view": {v: _pct(ts) for v, ts in sorted(times.items())},
            "indicator_all_counties_first_time_per_url": _pct(cold["indicator_all_counties"]),
            "uploads": len(times["upload"])}


def upload_documents(n: int) -> list[Path]:
    """Documents of the generated kinds with other facts (seed 99): new bytes for every upload."""
    from generate import generate

    folder = Path(tempfile.mkdtemp(prefix="zhibiao-load-"))
    return [p for p in generate(folder, n, seed=99, formats=["txt"])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the database (to pick what to read; and to serve unless --base)")
    ap.add_argument("--base", default=None, help="a running server's URL instead of starting one")
    ap.add_argument("--token", default=None, help="the running server's token (with --base)")
    ap.add_argument("--workers", type=int, default=2, help="server worker processes (when starting the server)")
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds (bound)")
    ap.add_argument("--max-requests", type=int, default=200_000, help="reads (bound)")
    ap.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    ap.add_argument("--no-upload", action="store_true")
    ap.add_argument("--label", default=None)
    ap.add_argument("--results", type=Path, default=None, help="also append the JSON line to this file")
    args = ap.parse_args()
    if args.results:
        import run

        run.RESULTS = args.results
    samples = query_samples(args.db, 400)
    uploads = [] if args.no_upload else upload_documents(300)
    server = None
    token = args.token
    base = args.base
    if base is None:
        token = token or os.urandom(16).hex()
        port = 19000 + os.getpid() % 1000
        server = start_server(args.db, port, args.workers, token=None,
                              extra_env={"ZHIBIAO_TOKEN": token} if not args.no_upload else {})
        base = f"http://127.0.0.1:{port}"
        # every worker warm (imports, catalogue) before the clock starts
        import httpx

        for _ in range(args.workers * 4):
            httpx.get(f"{base}/api/v1/status?region=110000&year=2020", timeout=120)
    pg = _postgres_pid(args.db)
    before = _cpu_of_tree(server.pid) if server is not None else None
    pg_before = sum(cpu_seconds(p) or 0.0 for p in _tree(pg)) if pg else None
    loads: list[float] = []
    sampling = True

    def sample_load():
        while sampling:
            loads.append(loadavg())
            time.sleep(5)

    import threading

    sampler = threading.Thread(target=sample_load, daemon=True)
    sampler.start()
    try:
        result = asyncio.run(run_load(base, token, samples, args.readers, args.duration, args.max_requests, uploads,
                                      args.timeout))
        if server is not None:
            after = _cpu_of_tree(server.pid)
            served = result["requests"] or 1
            result["server_cpu_s"] = round(after[0] - before[0], 1)
            result["server_cpu_ms_per_request"] = round(1000 * (after[0] - before[0]) / served, 1)
            result["extraction_cpu_s"] = round(after[1] - before[1], 1)
        if pg:
            result["postgresql_cpu_s"] = round(sum(cpu_seconds(p) or 0.0 for p in _tree(pg)) - pg_before, 1)
    finally:
        sampling = False
        if server is not None:
            stop_server(server)
    result["load_during"] = {"min": min(loads), "max": max(loads), "mean": round(sum(loads) / len(loads), 1)} if loads else None
    label = args.label or ("sqlite" if "://" not in args.db else args.db.split(":", 1)[0])
    report(measure="load", database=label, documents=samples["count"], workers=args.workers, readers=args.readers,
           uploader=not args.no_upload, **result, load=loadavg(), commit=git_commit())


if __name__ == "__main__":
    main()
