"""The whole pipeline (load, normalise, extract, annotate) on a few documents, for callgrind: its
instruction count is the same from run to run whatever else the machine does, unlike CPU time.

    cd /tmp && PYTHONPATH=$CO valgrind --tool=callgrind --toggle-collect=functools_reduce \
        --callgrind-out-file=OUT $CO/.venv/bin/python $CO/benchmarks/callgrind_pipeline.py $CO seeds 5
    callgrind_annotate --inclusive=yes OUT | grep CPyDef | head -60

``CO`` is the checkout measured; ``seeds`` (../shared/corpus/seeds), ``dev`` (../shared/corpus/dev)
or ``gen`` (the TXT documents of a generated corpus at /work/bench-small, `generate.py --limit`).
Only the work inside ``functools.reduce`` is counted: every document is read once before it (the
imports and the tables built on first need are not a document's cost), and the caches that outlive
a document are emptied before each (``run.forget_between_documents``: no repeat is served)."""
import functools
import sys
from pathlib import Path

co = Path(sys.argv[1]).resolve()
which, n = sys.argv[2], int(sys.argv[3])
sys.path.insert(0, str(co))
sys.path.insert(0, str(co / "benchmarks"))
from run import forget_between_documents  # noqa: E402
from zhibiao.api import extract_file  # noqa: E402

FORMATS = (".txt", ".html", ".htm", ".pdf", ".docx")
if which in ("seeds", "dev"):
    docs = sorted(p for p in (co.parent / "shared" / "corpus" / which).glob("*.*") if p.suffix.lower() in FORMATS)
else:
    docs = sorted(Path("/work/bench-small/national").rglob("*.txt"))
docs = docs[:n]
for d in docs:
    extract_file(d)


def one(count: int, path: Path) -> int:
    forget_between_documents()
    extract_file(path)
    return count + 1


functools.reduce(one, docs, 0)
print(len(docs), "documents", file=sys.stderr)
