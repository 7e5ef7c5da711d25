"""Read latency while uploads are being extracted (issue 17: a 40 KB pathological upload froze every
request for 30 s; a normal 19 MB preview blocked everyone for 8 s).

    .venv/bin/python benchmarks/responsive.py                 # the uploads below, 1 server process
    .venv/bin/python benchmarks/responsive.py --big-mb 19

Starts `zhibiao serve` on a database of the bundled examples (loopback only), then for each upload
— none (the baseline), 40 KB of hostile text (digits before 元以上, a run of percent figures,
blank lines), a normal document of --big-mb MB — posts it to /api/v1/extract from a thread while
the main thread times reads (the documents API, a scorecard page) until the upload is answered.
Prints one JSON line per upload with the reads' p50/p95/max in milliseconds and the upload's own
time. Measured here, never asserted in tests (tests/hardening/test_server_responsive.py checks
that a read completes while an extraction runs)."""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
READS = ("/api/v1/documents", "/region/330500/2024")


def hostile_uploads() -> dict[str, bytes]:
    head = "政府工作报告\n\n一、2024年工作回顾\n\n2024年，全市地区生产总值增长6.1%，"
    return {
        "digits_before_yuan_above_40KB": (head + "一般公共预算收入" + "1" * 40_000 + "元以上企业。\n").encode(),
        "percent_figures_40KB": (head + "居民收入增长" + "1%" * 20_000 + "。\n").encode(),
        "blank_lines_40KB": ("情况说明" + "\n" * 40_000 + "完毕。").encode(),
    }


def big_upload(mb: float) -> bytes:
    sys.path.insert(0, str(ROOT))
    from zhibiao.load import load

    base = "\n\n".join(load(p).text for p in sorted(EXAMPLES.glob("*.txt")))
    size = int(mb * 1_000_000)
    data = (base * (size // len(base.encode()) + 2)).encode()[:size]
    return data.decode("utf-8", "ignore").encode()


def _port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def measure(base: str, name: str, body: bytes | None) -> dict:
    done: dict = {}

    def upload() -> None:
        started = time.perf_counter()
        with httpx.Client(timeout=900) as c:
            r = c.post(f"{base}/api/v1/extract", files={"file": ("upload.txt", body, "text/plain")})
        done.update(status=r.status_code, seconds=round(time.perf_counter() - started, 2))

    latencies: dict[str, list[float]] = {url: [] for url in READS}
    with httpx.Client(timeout=120) as client:
        thread = threading.Thread(target=upload) if body is not None else None
        if thread:
            thread.start()
            time.sleep(0.2)  # the upload is on its way
        deadline = time.monotonic() + 5
        while (thread and thread.is_alive()) or (not thread and time.monotonic() < deadline):
            for url in READS:
                t = time.perf_counter()
                client.get(f"{base}{url}").raise_for_status()
                latencies[url].append((time.perf_counter() - t) * 1000)
        if thread:
            thread.join()
    out = {"measure": "read_latency_during_upload", "upload": name, "upload_bytes": len(body or b""),
           "upload_status": done.get("status"), "upload_seconds": done.get("seconds")}
    for url, times in latencies.items():
        times.sort()
        q = statistics.quantiles(times, n=20, method="inclusive") if len(times) >= 2 else times * 19
        out[url] = {"reads": len(times), "p50_ms": round(statistics.median(times), 1), "p95_ms": round(q[18], 1),
                    "max_ms": round(times[-1], 1)}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--big-mb", type=float, default=5.0, help="size of the normal document uploaded (MB)")
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="zhibiao-bench-responsive-"))
    db = folder / "r.db"
    zhibiao = [sys.executable, "-m", "zhibiao"]
    subprocess.run(zhibiao + ["ingest", str(EXAMPLES), "--db", str(db), "-q"], check=True, cwd=ROOT)
    port = _port()
    env = {**os.environ, "ZHIBIAO_MAX_UPLOAD_MB": str(max(20.0, args.big_mb + 1))}
    server = subprocess.Popen(zhibiao + ["serve", "--db", str(db), "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/v1/documents", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        print(json.dumps({"measure": "machine", "python": sys.version.split()[0], "cpus": os.cpu_count(),
                          "load": os.getloadavg()[0]}), flush=True)
        uploads = {"none (baseline)": None, **hostile_uploads(), f"normal_{args.big_mb:g}MB": big_upload(args.big_mb)}
        for name, body in uploads.items():
            print(json.dumps(measure(base, name, body), ensure_ascii=False), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
