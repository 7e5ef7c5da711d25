"""How much of a document's reading survives the noise it may come with.

Each document (the project's own, the seeds and the dev set where ../shared is present) is
extracted as it is and again after one change of the kind real documents arrive with — another
script, encoding or file format, wrapped lines, page numbers, pinyin glosses, stray spaces, tables
copied with pipes or spaces. A variant's figures (targets, actuals and commitments by year, value,
comparator and indicator) are compared with the document's own: what was lost, what was gained.

    .venv/bin/python benchmarks/noise.py                        # every variant, a table
    .venv/bin/python benchmarks/noise.py --only wrap38 pdf      # some of them
    .venv/bin/python benchmarks/noise.py --format json          # one JSON line per variant
    .venv/bin/python benchmarks/noise.py -v                     # and every document that moved
    .venv/bin/python benchmarks/noise.py --limit 10             # the first ten documents only

A measurement, not a test: ``tests/extract/test_noise_invariance.py`` holds the variants the
reading survives whole to it; the others are measured here (benchmarks/RESULTS.md).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # (tests/formats.py: the project's own writers of real files)

from zhibiao.api import extract_file  # noqa: E402
from zhibiao.load.txt import decode  # noqa: E402

SHARED = ROOT.parent / "shared"


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _between_characters(text: str, share: float, insert) -> str:
    rnd = random.Random(len(text))
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", lambda _m: insert(rnd) if rnd.random() < share else "", text)


def _wrapped(text: str, width: int, blank: bool = False) -> str:
    """Every paragraph longer than ``width`` cut into lines of ``width`` characters (a PDF's text
    layer copied out), with a blank line between them when ``blank``."""
    lines = []
    for para in text.split("\n"):
        lines.extend([para[i:i + width] for i in range(0, len(para), width)] if len(para) > width else [para])
    return ("\n\n" if blank else "\n").join(lines)


def _paged(text: str) -> str:
    out = []
    for i, line in enumerate(text.split("\n")):
        out.append(line)
        if i and i % 25 == 0:
            out.append(f"— {i // 25} —")
    return "\n".join(out)


def _piped(text: str) -> str:
    return "\n".join(f"| {line.replace(chr(9), ' | ')} |" if "\t" in line else line for line in text.split("\n"))


PINYIN = ["qū", "shì", "zhèng", "fǔ", "jì", "huà"]
# name -> (make the variant's text, file suffix, encoding); a format writer takes the text and a path
TEXT_VARIANTS = {
    "traditional": (_traditional, "utf-8"),
    "crlf": (lambda t: t.replace("\n", "\r\n"), "utf-8"),
    "full-width": (lambda t: t.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%.,"}), "utf-8"),
    "doubled-punctuation": (lambda t: re.sub(r"([，。；])", r"\1\1", t), "utf-8"),
    "stray-spaces": (lambda t: _between_characters(t, 0.03, lambda _r: " "), "utf-8"),
    "spaced-letters": (lambda t: _between_characters(t, 1.0, lambda _r: " "), "utf-8"),
    "ideographic-indent": (lambda t: "\n".join("\u3000\u3000" + x if x.strip() else x for x in t.split("\n")), "utf-8"),
    "pinyin-glosses": (lambda t: _between_characters(t, 0.02, lambda r: f"({r.choice(PINYIN)})"), "utf-8"),
    "page-numbers": (_paged, "utf-8"),
    "blank-lines": (lambda t: t.replace("\n", "\n\n"), "utf-8"),  # a page copied with a blank line after every line
    "wrap38": (lambda t: _wrapped(t, 38), "utf-8"),
    "wrap38-blank-lines": (lambda t: _wrapped(t, 38, blank=True), "utf-8"),
    "tables-piped": (_piped, "utf-8"),
    "tables-spaced": (lambda t: t.expandtabs(8), "utf-8"),
    "gb18030": (lambda t: t, "gb18030"),
    "utf-16": (lambda t: t, "utf-16"),
    "big5-traditional": (_traditional, "big5hkscs"),
}
FORMAT_VARIANTS = {"html": ("write_html", ".html"), "docx": ("write_docx", ".docx"), "doc": ("write_doc", ".doc"),
                   "pdf": ("write_pdf", ".pdf")}
VARIANTS = list(TEXT_VARIANTS) + list(FORMAT_VARIANTS)


def figures(path: Path) -> Counter:
    e = extract_file(path)
    return Counter([("target", t.year, str(t.value), t.comparator, t.indicator) for t in e.targets]
                   + [("actual", a.year, str(a.value), a.comparator, a.indicator) for a in e.actuals]
                   + [("commitment", c.year, str(c.value), c.comparator) for c in e.commitments])


def write_variant(name: str, text: str, folder: Path, stem: str) -> tuple[Path, Path | None]:
    """(the variant's file, the file it is compared with: None for the document itself — a Big5
    variant is compared with its own text in UTF-8, since Big5 cannot print every character)."""
    import formats

    if name in FORMAT_VARIANTS:
        writer, suffix = FORMAT_VARIANTS[name]
        # (a form feed or another control character cannot stand in a Word file's or a page's XML)
        return getattr(formats, writer)(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\n", text), folder / f"{stem}{suffix}"), None
    make, encoding = TEXT_VARIANTS[name]
    data = make(text).encode(encoding, errors="replace")
    path = folder / f"{stem}.txt"
    path.write_bytes(data)
    if encoding == "big5hkscs":
        reference = folder / f"{stem}.utf8.txt"
        reference.write_text(data.decode(encoding), encoding="utf-8")
        return path, reference
    return path, None


def documents(shared: Path = SHARED) -> list[Path]:
    """The project's own TXT documents, then the seeds and the dev set of ``shared`` (where present)."""
    found = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    for sub in ("seeds", "dev"):
        found += sorted((shared / "corpus" / sub).glob("*.txt"))
    return found


def run(names: list[str], verbose: bool, limit: int | None = None) -> list[dict]:
    docs = documents()[:limit]
    base = {p: figures(p) for p in docs}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            lines = lost = gained = failed = moved = 0
            for p in docs:
                text, _encoding = decode(p.read_bytes(), p.name)
                variant, reference = write_variant(name, text, folder, p.stem)
                before = figures(reference) if reference is not None else base[p]
                try:
                    after = figures(variant)
                except Exception as exc:  # (a refused file is a measured outcome)
                    failed += 1
                    if verbose:
                        print(f"  {name}: {p.name}: {exc}", file=sys.stderr)
                    continue
                lines += sum(before.values())
                lost += sum((before - after).values())
                gained += sum((after - before).values())
                if before != after:
                    moved += 1
                    if verbose:
                        print(f"  {name}: {p.name}: lost {sum((before - after).values())}, "
                              f"gained {sum((after - before).values())}", file=sys.stderr)
            results.append({"variant": name, "documents": len(docs), "lines": lines, "lost": lost, "gained": gained,
                            "documents_moved": moved, "refused": failed,
                            "kept": round(1 - lost / lines, 4) if lines else None})
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="+", choices=VARIANTS, help="these variants only")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("-v", "--verbose", action="store_true", help="every document whose figures moved")
    ap.add_argument("--limit", type=int, help="the first N documents only")
    args = ap.parse_args()
    results = run(args.only or VARIANTS, args.verbose, args.limit)
    if args.format == "json":
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
        return
    print(f"{'variant':22} {'docs':>5} {'lines':>6} {'lost':>5} {'gained':>6} {'moved':>5} {'refused':>7} {'kept':>7}")
    for r in results:
        kept = f"{r['kept']:.1%}" if r["kept"] is not None else "-"
        print(f"{r['variant']:22} {r['documents']:>5} {r['lines']:>6} {r['lost']:>5} {r['gained']:>6} "
              f"{r['documents_moved']:>5} {r['refused']:>7} {kept:>7}")


if __name__ == "__main__":
    main()
