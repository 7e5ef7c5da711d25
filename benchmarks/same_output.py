"""Does a change leave extraction's output exactly as it was? (For speed work: every optimisation
must give byte-identical output.)

    .venv/bin/python benchmarks/same_output.py write /tmp/golden       # before the change
    .venv/bin/python benchmarks/same_output.py check /tmp/golden       # after it: lists every difference

The output of each document is ``zhibiao.api.extract_file(path).to_dict()`` as JSON — what
``zhibiao extract --format json FILE`` prints — one file per document. The documents: the real
seeds and dev documents in ../shared (when present), the project's test corpus and its examples,
and with ``--corpus DIR --limit N`` every k-th of N documents of a generated corpus (see README.md).
Run ``write`` with the code before a change (a checkout of main, say) and ``check`` with the code
after it: the documents are named by paths relative to the checkout, so the two can differ.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMATS = {".txt", ".html", ".htm", ".pdf", ".docx"}


def documents(corpus: Path | None = None, limit: int = 0) -> list[Path]:
    """The documents, by paths relative to the checkout (run from its root: the outputs name their
    source, so two checkouts of the project give comparable outputs)."""
    folders = [Path("../shared/corpus/seeds"), Path("../shared/corpus/dev"), Path("tests/corpus"), Path("examples")]
    found = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
    if corpus is not None and limit:
        national = sorted(p for p in (corpus / "national").rglob("*") if p.suffix in (".txt", ".html"))
        step = max(1, len(national) // limit)
        found += national[::step][:limit]
    return found


def key(path: Path) -> str:
    """A file name for the document's output: its path, readable, with a hash against collisions."""
    rel = str(path)
    return rel.replace("/", "__").lstrip("._") + "." + hashlib.sha1(rel.encode()).hexdigest()[:8] + ".json"


def output(path: Path) -> str:
    from zhibiao.api import extract_file
    from zhibiao.errors import ZhibiaoError

    try:
        return json.dumps(extract_file(path).to_dict(), ensure_ascii=False, indent=1) + "\n"
    except ZhibiaoError as exc:  # an input the CLI refuses: its message is the output
        return f"error: {exc}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["write", "check"])
    parser.add_argument("folder", type=Path, help="where the outputs are written / compared")
    parser.add_argument("--corpus", type=Path, help="a generated corpus (benchmarks/generate.py)")
    parser.add_argument("--limit", type=int, default=0, help="how many of its documents")
    args = parser.parse_args()
    folder = args.folder.resolve()
    corpus = args.corpus.resolve() if args.corpus else None
    os.chdir(ROOT)
    paths = documents(corpus, args.limit)
    folder.mkdir(parents=True, exist_ok=True)
    differ = missing = 0
    for path in paths:
        out = output(path)
        target = folder / key(path)
        if args.mode == "write":
            target.write_text(out, encoding="utf-8")
        elif not target.exists():
            missing += 1
            print(f"no recorded output: {path}")
        elif target.read_text(encoding="utf-8") != out:
            differ += 1
            print(f"DIFFERS: {path}")
            if differ == 1:
                (folder / "last-difference.json").write_text(out, encoding="utf-8")
                print(f"  (its new output: {folder / 'last-difference.json'}; diff it against {target})")
    verb = "written" if args.mode == "write" else f"checked: {differ} differ, {missing} not recorded"
    print(f"{len(paths)} documents {verb}")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
