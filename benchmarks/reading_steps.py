"""CPU time of each reading step of extraction (issue 16, item 1): the steps of ``pipeline.read``
(page tail, metadata, tables found, appended part, sections, target lists, time scope, tables read,
segments) and ``pipeline._target_lines``, per document, the minimum of several passes over the same
documents (the caches that outlive a document emptied before each, as in ``run.py``). The
document's search shadow (``Document.search_text``: the text stage's) is made before timing.

    .venv/bin/python benchmarks/reading_steps.py --corpus /work/bench-corpus --documents 100

Runs against the ``zhibiao`` it imports (another checkout's with ``PYTHONPATH=…`` from that folder).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (benchmarks/run.py: the corpus, the warm-up, forget_between_documents)


def measure(docs, passes: int) -> dict[str, float]:
    from zhibiao.extract import pipeline as P
    from zhibiao.extract.segments import Segments
    from zhibiao.text.chinese import search_form

    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(passes):
        spent: dict[str, float] = {}

        def step(name: str, since: float) -> float:
            now = clock()
            spent[name] = spent.get(name, 0.0) + now - since
            return now

        for doc in docs:
            run.forget_between_documents()
            c = clock()
            text = P.without_page_tail(doc.search_text); c = step("page tail", c)
            meta = P.extract_metadata(doc); c = step("metadata", c)
            spans = P.find_tables(text); c = step("tables found", c)
            table_spans = tuple((t.start, t.end) for t in spans)
            limit = P.appended_part(text); c = step("appended part", c)
            sections = P.extract_sections(text, limit, table_spans); c = step("sections", c)
            lists = P.find_target_lists(text, limit, table_spans); c = step("target lists", c)
            sentences = tuple((t.start, t.end) for t in lists)
            title = search_form(meta.title) if meta.title else None
            scope = P.build_scope(text, title, meta.doc_type, sections, limit, list(sentences), table_spans)
            c = step("time scope", c)
            meta.plan_year = scope.plan_year
            if meta.issued_on is None and scope.delivered_on:
                meta.issued_on = scope.delivered_on
            tables = []
            for span in spans:
                tables += P.extract_tables(text, [span], P._table_context(scope, meta.doc_type, span.start))
            c = step("tables read", c)
            reading = P.Reading(doc=doc, text=text, segments=Segments(text), sections=sections, meta=meta, scope=scope,
                                limit=limit, target_sentences=sentences, target_lists=lists, tables=tables,
                                table_spans=table_spans, title_span=P._title_span(doc.text, meta.title))
            c = step("segments", c)
            P._target_lines(reading, []); c = step("_target_lines", c)
        for name, secs in spent.items():
            best[name] = min(best.get(name, float("inf")), secs / len(docs) * 1000)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--documents", type=int, default=100)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--results", type=Path, default=None, help="also append each JSON line to this file")
    args = ap.parse_args()
    run.RESULTS = args.results
    from zhibiao.load import load
    from zhibiao.text.document import Document

    run._warm()
    sets = [("the 5 real seeds", sorted(run.SEEDS.glob("*.txt")))]
    paths, tmp = run.documents_for(args.corpus, args.documents, "txt", ("plan_notice", "work_report"))
    sets.append((f"{len(paths)} generated plan notices and work reports (TXT)", paths))
    for label, files in sets:
        if not files:
            continue
        docs = [Document.from_loaded(load(p)) for p in files]
        for doc in docs:
            doc.search_text  # noqa: B018 - the text stage's shadow, made before timing
        best = measure(docs, args.passes)
        read_ms = sum(v for k, v in best.items() if k != "_target_lines")
        run.report(measure="reading_steps", documents=label, n=len(docs), passes=args.passes,
                   read_ms=round(read_ms, 3), target_lines_ms=round(best["_target_lines"], 3),
                   steps_ms={k: round(v, 3) for k, v in best.items()}, load=run.loadavg(), commit=run.git_commit())
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
