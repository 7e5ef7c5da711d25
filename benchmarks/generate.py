"""A realistic national corpus with ground truth: every province, prefecture-level city and county
of the region registry over ten years, documents of real length and mix (see documents.py).

    .venv/bin/python benchmarks/generate.py --out /work/bench-corpus            # the whole corpus (≈100,000)
    .venv/bin/python benchmarks/generate.py --out /work/bench-corpus --limit 2000   # its first 2,000
    .venv/bin/python benchmarks/generate.py --out /work/bench-corpus --sample   # + ≈5,000 as PDF and DOCX

Per region and year: a plan notice, a work report and a statistical bulletin; provinces and
prefecture-level cities also publish a plan report (3,219 regions × 10 years → 100,250 documents).
Each document is TXT (UTF-8 or GBK) or HTML, chosen from a hash of its name; ``--sample`` writes
every 20th document again as PDF or DOCX under ``sample/``. Files go to
``OUT/national/<province>/<region code>/<year>-<kind>.<ext>`` with the ground truth beside each as
``<file>.jsonl`` (../shared/gold/SCHEMA.md).

Resumable: every document is generated from its own seed, written to a temporary name and renamed;
its gold file is written last, so a document whose gold exists is complete and is skipped when the
command runs again (with the same ``--seed`` and ``--years``, checked against OUT/manifest.json).
Generated corpora are never committed: write them outside the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # the HTML/DOCX/PDF writers the tests use

from documents import KINDS, Place, compose, places, stable_seed  # noqa: E402

LAYOUTS = ("tab", "cell", "space")
SAMPLE_EVERY = 20


@dataclass(frozen=True)
class Spec:
    place: Place
    year: int
    kind: str

    @property
    def key(self) -> str:
        return f"{self.place.code}-{self.year}-{self.kind}"

    def choice(self, seed: int, options, salt: str):
        return options[stable_seed(seed, salt, self.key) % len(options)]


def specs(years: tuple[int, int], registry=None) -> list[Spec]:
    """Every document of the national corpus, in region-code order."""
    out = []
    for place in places(registry):
        for year in range(years[0], years[1] + 1):
            for kind in KINDS:
                if kind == "plan_report" and place.level == "county":
                    continue  # counties rarely publish the development commission's report
                out.append(Spec(place, year, kind))
    return out


def spread(items: list, seed: int) -> list:
    """A deterministic shuffle, so that the first N documents cover regions, years and kinds."""
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def text_format(spec: Spec, seed: int) -> str:
    r = stable_seed(seed, "format", spec.key) % 10
    return "html" if r < 4 else "txt"


def write_document(spec: Spec, folder: Path, fmt: str, seed: int, stem: str | None = None) -> Path:
    """Write one document and its gold; skip it when its gold already exists (resume)."""
    layout = spec.choice(seed, LAYOUTS, "layout") if spec.kind == "plan_notice" else "tab"
    if fmt in ("html", "docx", "pdf") and spec.kind == "plan_notice" and layout == "space":
        layout = "tab"  # a space-separated table is what copying a PDF's text gives; other formats keep cells
    stem = stem or f"{spec.year}-{spec.kind}" + (f"-{layout}" if spec.kind == "plan_notice" else "")
    path = folder / f"{stem}.{fmt}"
    gold_path = folder / f"{path.name}.jsonl"
    if gold_path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    text, gold, meta = compose(spec.kind, spec.place, spec.year, seed, layout)
    tmp = folder / f".{path.name}.tmp"
    if fmt == "txt":
        encoding = "gbk" if stable_seed(seed, "enc", spec.key) % 10 < 3 else "utf-8"
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        tmp.write_bytes(data)
    elif fmt == "html":
        from formats import write_html

        info = {"发布机构": gold[0]["issuer"] or "", "成文日期": meta["date"]}
        if meta.get("doc_number"):
            info["发文字号"] = meta["doc_number"]
        write_html(text, tmp, info)
    elif fmt == "docx":
        from formats import write_docx

        write_docx(text, tmp)
    elif fmt == "pdf":
        from formats import write_pdf

        write_pdf(text, tmp)
    else:
        raise ValueError(fmt)
    os.replace(tmp, path)
    lines = [{"doc": path.name, **g} for g in gold]
    tmp_gold = folder / f".{gold_path.name}.tmp"
    tmp_gold.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    os.replace(tmp_gold, gold_path)
    return path


def national_path(out: Path, spec: Spec) -> Path:
    return out / "national" / spec.place.code[:2] / spec.place.code


def _write_batch(args) -> int:
    batch, out, seed, sample = args
    n = 0
    for spec in batch:
        if sample:
            fmt = "pdf" if stable_seed(seed, "sample", spec.key) % 2 else "docx"
            write_document(spec, out / "sample" / fmt, fmt, seed, stem=spec.key)
        else:
            write_document(spec, national_path(out, spec), text_format(spec, seed), seed)
        n += 1
    return n


def _check_manifest(out: Path, params: dict) -> None:
    manifest = out / "manifest.json"
    if manifest.exists():
        old = json.loads(manifest.read_text("utf-8"))
        if {k: old.get(k) for k in ("seed", "years")} != {k: params[k] for k in ("seed", "years")}:
            raise SystemExit(f"{out} holds a corpus made with {old}; use another --out or the same --seed/--years")
    out.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(params, ensure_ascii=False, indent=1), "utf-8")


def generate_corpus(out: Path, years: tuple[int, int] = (2016, 2025), seed: int = 1, limit: int | None = None,
                    sample: bool = False, jobs: int = 1, progress: bool = True) -> dict:
    """Write (or complete) the national corpus, or its PDF/DOCX sample; returns counts."""
    all_specs = specs(years)
    params = {"seed": seed, "years": list(years), "documents": len(all_specs),
              "sample": len(all_specs[::SAMPLE_EVERY])}
    _check_manifest(out, params)
    todo = spread(all_specs, seed)[::SAMPLE_EVERY] if sample else spread(all_specs, seed)
    if limit:
        todo = todo[:limit]
    start, done = time.perf_counter(), 0
    batches = [(todo[i:i + 200], out, seed, sample) for i in range(0, len(todo), 200)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = pool.map(_write_batch, batches)
            for n in results:
                done += n
                if progress:
                    _progress(done, len(todo), start)
    else:
        for b in batches:
            done += _write_batch(b)
            if progress:
                _progress(done, len(todo), start)
    return {"documents": done, "seconds": round(time.perf_counter() - start, 1)}


def _progress(done: int, total: int, start: float) -> None:
    rate = done / max(1e-9, time.perf_counter() - start)
    print(f"\r{done}/{total} documents ({rate:.0f}/s)", end="" if done < total else "\n", file=sys.stderr, flush=True)


def corpus_files(out: Path, sample: bool = False) -> list[Path]:
    """The documents of a generated corpus (complete ones: with their gold), in a stable order."""
    root = out / ("sample" if sample else "national")
    return sorted(p.with_suffix("") for p in root.rglob("*.jsonl") if not p.name.startswith("."))


def generate(out: Path, documents: int, years: tuple[int, int] = (2016, 2025), formats: list[str] | None = None,
             seed: int = 1, kinds: tuple[str, ...] = KINDS) -> list[Path]:
    """``documents`` documents of the national corpus (spread over regions, years and kinds) in one
    folder, cycling through ``formats`` (default: TXT and HTML as the national corpus mixes them)."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = [s for s in spread(specs(years), seed) if s.kind in kinds][:documents]
    paths = []
    for i, spec in enumerate(chosen):
        fmt = formats[i % len(formats)] if formats else text_format(spec, seed)
        paths.append(write_document(spec, out, fmt, seed, stem=spec.key))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="corpus folder (outside the repository)")
    ap.add_argument("--years", default="2016-2025", help="first-last (default 2016-2025)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (spread over the country)")
    ap.add_argument("--sample", action="store_true", help="write the PDF/DOCX sample (every 20th document)")
    ap.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    args = ap.parse_args()
    y0, y1 = (int(x) for x in args.years.split("-"))
    result = generate_corpus(args.out, (y0, y1), args.seed, args.limit, args.sample, args.jobs)
    print(json.dumps({"out": str(args.out), "sample": args.sample} | result, ensure_ascii=False))


if __name__ == "__main__":
    main()
