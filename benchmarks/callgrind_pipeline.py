"""The whole pipeline (load, normalise, extract, annotate) on a few documents, for callgrind: its
instruction count is the same from run to run whatever else the machine does, unlike CPU time —
with the strings' hash seed fixed (``PYTHONHASHSEED=0``: a random seed orders sets and dicts, and
collides their keys, differently in each run, ±0.3 % on the seeds and up to ±0.7 % on 40 national
documents; a warning is printed without it).

    cd /tmp && PYTHONHASHSEED=0 PYTHONPATH=$CO valgrind --tool=callgrind --toggle-collect=PyRun_SimpleStringFlags \
        --callgrind-out-file=OUT $CO/.venv/bin/python $CO/benchmarks/callgrind_pipeline.py $CO seeds 5
    callgrind_annotate --inclusive=yes OUT | grep CPyDef | head -60

``CO`` is the checkout measured; ``seeds`` (../shared/corpus/seeds), ``dev`` (../shared/corpus/dev),
``gen`` (the TXT documents of a generated corpus at /work/bench-small, `generate.py --limit`) or
``national`` (N documents, TXT and HTML as the national ingest mixes them, drawn with a fixed seed
from province 33 of the national corpus at /work/bench-corpus — or the corpus named by a fourth
argument).
Only the work run through ``PyRun_SimpleStringFlags`` (the C API's function, called here through
ctypes) is counted: every document is read once before it (the imports and the tables built on
first need are not a document's cost), and the caches that outlive a document are emptied before
each (``run.forget_between_documents``: no repeat is served). (An exported function of the C API,
not ``functools_reduce`` as before: a distribution's CPython — Debian's ``/usr/bin/python3`` — is
stripped of its internal symbols, and callgrind then counted nothing.)

``--settled`` (anywhere among the arguments): the garbage collector settled before the measured run
as every process of the product that extracts many documents settles it
(``workers.settle_garbage_collector``: freeze + a youngest generation of 10,000) — the product's
figure; without it the collector keeps CPython's defaults, as the counts in benchmarks/RESULTS.md
before the thirty-first session."""
import ctypes
import os
import random
import sys
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") in (None, "random"):
    print("callgrind_pipeline: PYTHONHASHSEED is not set: the count moves by a few tenths of a percent from run to run "
          "(set PYTHONHASHSEED=0 to compare two counts)", file=sys.stderr)

settled = "--settled" in sys.argv[1:]
sys.argv[1:] = [a for a in sys.argv[1:] if a != "--settled"]
co = Path(sys.argv[1]).resolve()
which, n = sys.argv[2], int(sys.argv[3])
sys.path.insert(0, str(co))
sys.path.insert(0, str(co / "benchmarks"))
# under valgrind a document takes fifty times as long, and the per-document limit (120 s) is wall time: a loaded
# machine stopped the seeds' first document with LimitExceeded (CI, session 34) — a day is the count's limit
os.environ.setdefault("ZHIBIAO_MAX_SECONDS", "86400")
from run import forget_between_documents  # noqa: E402
from zhibiao.api import extract_file  # noqa: E402

FORMATS = (".txt", ".html", ".htm", ".pdf", ".docx")
if which in ("seeds", "dev"):
    docs = sorted(p for p in (co.parent / "shared" / "corpus" / which).glob("*.*") if p.suffix.lower() in FORMATS)[:n]
elif which == "national":
    corpus = Path(sys.argv[4]) if len(sys.argv) > 4 else Path("/work/bench-corpus")
    pool = sorted(p for p in (corpus / "national" / "33").rglob("*") if p.suffix in (".txt", ".html"))
    docs = random.Random(3).sample(pool, n)
else:
    docs = sorted(Path("/work/bench-small/national").rglob("*.txt"))[:n]
for d in docs:
    extract_file(d)
if settled:
    from zhibiao.workers import settle_garbage_collector

    settle_garbage_collector()


def measured() -> None:
    for path in docs:
        forget_between_documents()
        extract_file(path)


# (run in __main__, where ``measured`` is; the GIL held throughout: ctypes.pythonapi)
if ctypes.pythonapi.PyRun_SimpleString(b"measured()") != 0:
    sys.exit("callgrind_pipeline: the measured run failed (its traceback is above)")
print(len(docs), "documents", file=sys.stderr)
