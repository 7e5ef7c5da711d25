"""``EXTRACTOR_VERSION`` moves whenever extraction output moves.

`zhibiao reindex` re-reads the stored documents whose version differs from the running one; a rule
changed without a new version leaves every stored document with the old reading. The version was
once left at its first value through many output changes, so this test holds it to the output: a
digest of what the project's own documents (examples/, tests/corpus/) extract to is recorded with
the version it was made by (``extractor_output.json``). When the output changes, bump
``zhibiao/extract/__init__.py``'s ``EXTRACTOR_VERSION`` and record again:

    .venv/bin/python tests/extract/test_extractor_version.py --record

which refuses while the version is still the recorded one.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/paths.py, when run as a script)

from paths import EXAMPLES, OWN_CORPUS  # noqa: E402
from zhibiao.api import extract_file  # noqa: E402
from zhibiao.extract import EXTRACTOR_VERSION  # noqa: E402

RECORD = HERE / "extractor_output.json"
# (text and HTML pages: read by our own loaders; a PDF's or a Word file's text is its library's, whose
# releases within the pinned ranges may move a space without any rule of ours changing)
SUFFIXES = {".txt", ".html", ".htm"}


def own_documents() -> list[Path]:
    return sorted(p for folder in (EXAMPLES, OWN_CORPUS) for p in folder.iterdir() if p.suffix in SUFFIXES)


def output_digest(paths: list[Path]) -> str:
    """sha256 of every document's extraction, in order (its file's place left out: a checkout's)."""
    h = hashlib.sha256()
    for p in paths:
        out = extract_file(p).to_dict()
        out["document"].pop("source", None)
        h.update(p.name.encode())
        h.update(json.dumps(out, ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def test_the_version_moves_with_the_output():
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    paths = own_documents()
    assert len(paths) >= 40, "the project's own documents are missing"
    digest = output_digest(paths)
    if digest != recorded["sha256"]:
        assert EXTRACTOR_VERSION != recorded["extractor_version"], (
            "extraction output changed: bump EXTRACTOR_VERSION in zhibiao/extract/__init__.py, then run "
            "`.venv/bin/python tests/extract/test_extractor_version.py --record`")
    assert (EXTRACTOR_VERSION, digest) == (recorded["extractor_version"], recorded["sha256"]), (
        "EXTRACTOR_VERSION or the output differs from the record: run "
        "`.venv/bin/python tests/extract/test_extractor_version.py --record`")


def record() -> int:
    recorded = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    paths = own_documents()
    digest = output_digest(paths)
    if recorded and digest != recorded["sha256"] and EXTRACTOR_VERSION == recorded["extractor_version"]:
        print(f"the output changed but EXTRACTOR_VERSION is still {EXTRACTOR_VERSION}: bump it first", file=sys.stderr)
        return 1
    RECORD.write_text(json.dumps({"extractor_version": EXTRACTOR_VERSION, "sha256": digest, "documents": len(paths)},
                                 indent=1) + "\n", encoding="utf-8")
    print(f"recorded {EXTRACTOR_VERSION}: {len(paths)} documents, {digest[:12]}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit(__doc__)
    sys.exit(record())
