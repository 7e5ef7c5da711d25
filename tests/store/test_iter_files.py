"""Listing the files an ingest reads (``iter_files``): the same files, order and identities as the
definition (``Path.rglob`` and ``Path.resolve()`` of every file), without resolving every file."""
from __future__ import annotations

import glob
import os
from pathlib import Path

from zhibiao.load import SUFFIXES
from zhibiao.store.ingest import iter_files


def defined(paths) -> list[Path]:
    """What iter_files lists, by its definition (the implementation before it was made cheap)."""
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(x.startswith(".") for x in rel):
                    add(f)
        elif any(ch in str(raw) for ch in "*?["):
            for f in sorted(glob.glob(str(raw), recursive=True)):
                if Path(f).is_file():
                    add(Path(f))
        else:
            add(p)
    return out


def tree(root: Path) -> Path:
    """Folders within folders, hidden files and folders, names that sort in tricky ways, symbolic
    links to files (inside and outside the tree) and to folders, a folder named like a document."""
    docs = root / "docs"
    for rel in ("b/z.txt", "b/a.TXT", "b/c/d.html", "b.txt", "a-b/x.htm", "a/y.pdf", ".hidden/h.txt",
                "b/.h.txt", "b/..txt", "b/x.", "b/notes.csv", "ab/q.docx", "outside/o.txt"):
        p = (root if rel.startswith("outside") else docs) / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(rel, encoding="utf-8")
    (docs / "folder.txt").mkdir()
    (docs / "folder.txt" / "in.txt").write_text("in", encoding="utf-8")
    os.symlink(docs / "b" / "z.txt", docs / "link-to-z.txt")  # the same file twice: listed once
    os.symlink(root / "outside" / "o.txt", docs / "b" / "link-out.txt")
    os.symlink(root / "outside", docs / "linked-folder")  # a folder's link: not followed
    os.symlink(docs / "missing.txt", docs / "broken.txt")
    return docs


def test_the_same_files_in_the_same_order_as_the_definition(tmp_path, monkeypatch):
    docs = tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    os.symlink(docs, tmp_path / "docs-link")
    cases = [
        [docs],
        ["docs"],  # relative
        [docs, str(docs / "b" / "*.txt"), docs / "b" / "z.txt", "docs/b/../b/z.txt", "docs-link/b/z.txt"],
        ["docs-link", docs / "missing.txt", "docs/b/c/../z.txt", str(docs / "**" / "*.html")],
        [docs / "link-to-z.txt", docs / "b"],
    ]
    for paths in cases:
        got = iter_files(paths)
        assert [str(p) for p in got] == [str(p) for p in defined(paths)], paths
        assert all(isinstance(p, Path) for p in got)
    names = [str(p.relative_to(docs)) for p in iter_files([docs])]
    assert names == ["a/y.pdf", "a-b/x.htm", "ab/q.docx", "b/a.TXT", "b/c/d.html", "b/link-out.txt", "b/z.txt",
                     "b.txt", "folder.txt/in.txt"]  # sorted by parts; link-to-z.txt: b/z.txt already


def test_a_folder_is_resolved_once_not_every_file(tmp_path, monkeypatch):
    """Resolving every file walks each component of its path (≈ 8 system calls a file): at national
    scale 104,310 files, listed twice — most of the parent's 35 s before the first document."""
    docs = tmp_path / "docs"
    for region in range(5):
        (docs / str(region)).mkdir(parents=True)
        for year in range(20):
            (docs / str(region) / f"{year}.txt").write_text("x", encoding="utf-8")
    calls = []
    realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p, *a, **k: calls.append(p) or realpath(p, *a, **k))
    files = iter_files([docs])
    assert len(files) == 100 and len(calls) <= 1
    calls.clear()
    assert iter_files(files) == files and len(calls) <= 5  # the listing listed again (zhibiao ingest does)


def test_files_listed_by_the_caller_are_not_listed_again(tmp_path, monkeypatch):
    """``zhibiao ingest`` lists the files to size its progress bar and hands the list to ``ingest``
    with ``listed=True``: taken as it is (at national scale a second listing cost the parent
    seconds before its first document)."""
    import zhibiao.ingest as ingesting
    from zhibiao.store import Database

    doc = tmp_path / "plan.txt"
    doc.write_text("某县人民政府关于下达2030年国民经济和社会发展计划的通知\n\n地区生产总值增长6%左右。\n", encoding="utf-8")
    files = iter_files([tmp_path])
    assert files == [doc]

    def listed_again(paths):
        raise AssertionError(f"listed again: {paths}")

    monkeypatch.setattr(ingesting, "iter_files", listed_again)
    summary = ingesting.ingest(Database.open(tmp_path / "z.db"), files, listed=True)
    assert [r.status for r in summary.results] == ["new"]
