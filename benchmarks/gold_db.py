"""A national database built from the generated corpus's ground truth, for query and load
benchmarks at 100,000 documents when extraction on a shared machine is too slow to ingest them all.

    .venv/bin/python benchmarks/gold_db.py --corpus /work/bench-corpus --db /work/bench-corpus/gold.db
    .venv/bin/python benchmarks/gold_db.py --corpus /work/bench-corpus --db postgresql+psycopg://…/gold

Every document of the corpus (the same files, paths and hashes) is stored with what a perfect
extractor would find in it: its metadata, its targets and actual figures from the ground truth
(with their spans in the text, indicator ids from the ground truth's groups), its commitments (the
generator's task sentences, 新增…家), and its text. The schema is the one `zhibiao ingest` writes,
created by the same migrations; only the extractor is skipped. Documents already stored are
skipped, so the command resumes where it stopped. This is *not* an ingest measurement (see
`run.py ingest`); it makes a database of the right size and shape to query.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from documents import compose  # noqa: E402
from generate import LAYOUTS, Spec, specs  # noqa: E402

COMMITMENT = re.compile(r"(新增|建成|改造提升|改造|新建|培育|实施|完成|创建|建设|治理|开展)([^，。；\d]{2,24}?)(\d+(?:\.\d+)?)"
                        r"(家|个|公里|万亩|万人次|万人|平方公里)")


def _span(text: str, shown: str, cursor: int) -> tuple[int, int] | None:
    """Where ``shown`` is printed, from ``cursor`` on (the ground truth lists lines in text order)."""
    start = text.find(shown, cursor)
    if start < 0:
        start = text.find(shown)
    return (start, start + len(shown)) if start >= 0 else None


def _number(v):
    from decimal import Decimal

    return Decimal(str(v)) if v is not None else None


def rows_of(spec: Spec, path: Path, seed: int) -> tuple[dict, list[dict], list[dict], list[dict]]:
    layout = "tab"
    if spec.kind == "plan_notice":
        layout = next(lay for lay in LAYOUTS if path.stem.endswith(lay))
    text, gold, meta = compose(spec.kind, spec.place, spec.year, seed, layout)
    if layout == "space":  # the stored (normalised) text has ASCII digits, as the gold does
        text = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "．％" else c for c in text)
    head = gold[0]
    data = path.read_bytes()
    targets, actuals, commitments = [], [], []
    cursor = 0
    for g in gold[1:]:
        span = _span(text, g["text"], cursor)
        if span:
            cursor = span[0]
        line = {"name": g["name"], "year": g["year"], "text": g["text"], "unit": g.get("unit"),
                "comparator": g.get("comparator"), "value": _number(g.get("value")),
                "indicator": g.get("group"), "span_start": span[0] if span else None,
                "span_end": span[1] if span else None, "source_start": span[0] if span else None,
                "source_end": span[1] if span else None}
        if g["type"] == "target":
            targets.append(line | {"category": g.get("category"), "seq": g.get("seq"), "kind": g.get("kind"),
                                   "parent": g.get("parent"), "value_high": _number(g.get("value_high"))})
        else:
            actuals.append(line | {"measure": g.get("measure"), "comparator": "=", "estimated": False})
    for m in COMMITMENT.finditer(text):
        commitments.append({"metric": m.group(1) + m.group(2), "text": m.group(0)[len(m.group(1) + m.group(2)):],
                            "value": _number(m.group(3)), "unit": m.group(4), "comparator": "=",
                            "year": spec.year, "span_start": m.start(), "span_end": m.end()})
    document = {
        "sha256": hashlib.sha256(data).hexdigest(), "path": str(path.resolve()), "format": path.suffix[1:],
        "doc_type": head["doc_type"], "title": meta["title"], "issuer": head.get("issuer"),
        "region_code": head["region_code"], "region_name": head["region"], "plan_year": head["plan_year"],
        "doc_number": head.get("doc_number"), "issued_on": head.get("issued_on"), "raw_text": text, "text": text,
    }
    return document, targets, actuals, commitments


def _json(v):
    return float(v) if v is not None and not isinstance(v, (str, int, float, bool)) else v


def build(corpus: Path, db_url: str, batch: int = 100, limit: int | None = None) -> dict:
    from sqlalchemy import func, insert, select

    from zhibiao.extract import EXTRACTOR_VERSION
    from zhibiao.store import Database
    from zhibiao.store.schema import CommitmentRow, DocumentRow, ObservationRow, TargetRow

    manifest = json.loads((corpus / "manifest.json").read_text("utf-8"))
    seed, years = manifest["seed"], tuple(manifest["years"])
    db = Database.open(db_url)
    with db.session() as s:
        known = set(s.scalars(select(DocumentRow.path)))
        next_id = (s.scalar(select(func.max(DocumentRow.id))) or 0) + 1
    todo = []
    for spec in specs(years):
        folder = corpus / "national" / spec.place.code[:2] / spec.place.code
        stem = f"{spec.year}-{spec.kind}"
        for path in folder.glob(f"{stem}*"):
            if path.suffix in (".txt", ".html") and str(path.resolve()) not in known:
                todo.append((spec, path))
    if limit:
        todo = todo[:limit]
    start, done = time.perf_counter(), 0
    stamp = datetime.now(timezone.utc).replace(tzinfo=None)
    for i in range(0, len(todo), batch):
        docs, ts, acts, comms = [], [], [], []
        for spec, path in todo[i:i + batch]:
            d, t, a, c = rows_of(spec, path, seed)
            doc_id = next_id
            next_id += 1
            extraction = {"schema": "zhibiao.extraction/1", "document": {
                "source": d["path"], "sha256": d["sha256"], "format": d["format"], "doc_type": d["doc_type"],
                "title": d["title"], "issuer": d["issuer"], "region": {"name": d["region_name"], "code": d["region_code"]},
                "plan_year": d["plan_year"], "doc_number": d["doc_number"], "issued_on": d["issued_on"]},
                "sections": [], "targets": [{k: _json(v) for k, v in x.items()} | {"span": [x["span_start"], x["span_end"]]}
                                            for x in t],
                "actuals": [{k: _json(v) for k, v in x.items()} | {"span": [x["span_start"], x["span_end"]]} for x in a],
                "commitments": [{k: _json(v) for k, v in x.items()} | {"span": [x["span_start"], x["span_end"]]}
                                for x in c], "warnings": []}
            docs.append(d | {"id": doc_id, "doc_metadata": {"built_from": "ground truth"}, "extraction": extraction,
                             "extractor_version": f"gold/{EXTRACTOR_VERSION}", "ingested_at": stamp})
            ts += [x | {"document_id": doc_id, "line_no": n, "region_code": d["region_code"]} for n, x in enumerate(t)]
            acts += [x | {"document_id": doc_id, "line_no": n, "region_code": d["region_code"], "source": d["path"],
                          "imported": False} for n, x in enumerate(a)]
            comms += [x | {"document_id": doc_id, "line_no": n, "section_path": []} for n, x in enumerate(c)]
        with db.session.begin() as s:
            s.execute(insert(DocumentRow.__table__), [_columns(DocumentRow, x) for x in docs])
            for table, rows in ((TargetRow, ts), (ObservationRow, acts), (CommitmentRow, comms)):
                if rows:
                    s.execute(insert(table.__table__), [_columns(table, x) for x in rows])
        done += len(docs)
        rate = done / (time.perf_counter() - start)
        print(f"\r{done}/{len(todo)} documents ({rate:.0f}/s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    _advance_sequences(db)
    db.dispose()
    return {"documents": done, "seconds": round(time.perf_counter() - start, 1)}


def _advance_sequences(db) -> None:
    """Documents are written with ids of their own: move PostgreSQL's id sequence past them, or the
    next upload to the database collides with document 1 (SQLite takes the largest id itself)."""
    if db.is_sqlite:
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('documents', 'id'), "
                             "(SELECT coalesce(max(id), 1) FROM documents))")


def _columns(table, row: dict) -> dict:
    out = {}
    for c in table.__table__.columns:
        for key in (c.key, c.name, "doc_metadata" if c.name == "metadata" else None):
            if key in row:
                out[c.key] = row[key]
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    print(json.dumps(build(args.corpus, args.db, limit=args.limit)))


if __name__ == "__main__":
    main()
