"""No input makes any stage slower than linear (issue 17.1): a hang guard, not a timing test.

Every stage — load (from a file), normalise, extract, annotate — is fed long runs of digits,
Chinese numerals, punctuation and one repeated character (bare, in a targets table row, in a
results sentence: tests/hardening/hostile_text.py), and the longest lines of real documents
repeated a thousand times. Each runs in a child process that is killed when a stage takes more
than a hundred times what the same stage takes on a normal document of the same length (with a
floor of a few seconds for a busy machine); a crash that is not one of our own one-line errors
fails too. The growth figures themselves are measured by benchmarks/linear_time.py.

ZHIBIAO_HANG_SIZE sets the run length (default 30,000 characters: a quadratic pattern such as the
one that froze the server takes minutes there, linear code well under a second).
"""
from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from pathlib import Path

import pytest

from hostile_text import hostile_texts, longest_lines, read_text, run_of
from paths import EXAMPLES

SIZE = int(os.environ.get("ZHIBIAO_HANG_SIZE", "30000"))
TIMES_NORMAL = 100
FLOOR_SECONDS = 5.0
STAGES = ("load", "normalise", "extract", "annotate")


def _run_stages(path: str, conn) -> None:
    """In the child: each stage in turn, reporting (stage, seconds) or the error."""
    try:
        from zhibiao.catalog.annotate import annotate_extraction
        from zhibiao.errors import ZhibiaoError
        from zhibiao.extract.pipeline import extract_document
        from zhibiao.load import load
        from zhibiao.text.document import Document

        t = time.perf_counter()
        try:
            loaded = load(path)
        except ZhibiaoError as exc:  # refused with our one-line error: a fine answer
            conn.send(("refused", str(exc)))
            return
        conn.send(("load", time.perf_counter() - t))
        t = time.perf_counter()
        doc = Document.from_loaded(loaded)
        doc.search_text
        conn.send(("normalise", time.perf_counter() - t))
        t = time.perf_counter()
        extraction = extract_document(doc)
        conn.send(("extract", time.perf_counter() - t))
        t = time.perf_counter()
        annotate_extraction(extraction, text=doc.text)
        conn.send(("annotate", time.perf_counter() - t))
        conn.send(("done", 0.0))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        conn.send(("crash", traceback.format_exc()))


def stage_times(path: Path, limits: dict[str, float] | None = None) -> dict:
    """Run the stages on ``path`` in a child process; kill it when a stage overruns its limit."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run_stages, args=(str(path), child), daemon=True)
    proc.start()
    child.close()
    out: dict = {}
    try:
        for stage in STAGES:
            limit = (limits or {}).get(stage, 600.0)
            if not parent.poll(limit):
                out["hung"] = (stage, limit)
                return out
            kind, value = parent.recv()
            if kind in ("refused", "crash"):
                out[kind] = value
                return out
            out[kind] = value
        parent.recv()
        return out
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(10)
        parent.close()


def _normal_text(size: int) -> str:
    docs = [read_text(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    text = ""
    while len(text) < size:
        text += "\n\n".join(docs)
    return text[:size]


@pytest.fixture(scope="module")
def limit_for(tmp_path_factory):
    """Stage limits for a text of n characters: a hundred times what a normal document of n
    characters takes (measured once on SIZE characters of the examples, scaled linearly)."""
    path = tmp_path_factory.mktemp("normal") / "normal.txt"
    path.write_text(_normal_text(SIZE), encoding="utf-8")
    normal = stage_times(path)
    assert "crash" not in normal and "hung" not in normal, normal

    def limits(n: int) -> dict[str, float]:
        return {s: max(FLOOR_SECONDS, TIMES_NORMAL * normal[s] * n / SIZE) for s in STAGES}

    return limits


def _check(name: str, text: str, folder: Path, limit_for) -> None:
    path = folder / f"{name.replace('/', '_')}.txt"
    path.write_text(text, encoding="utf-8")
    limits = limit_for(len(text))
    result = stage_times(path, limits)
    assert "crash" not in result, f"{name}: {result['crash']}"
    if "hung" in result:
        stage, limit = result["hung"]
        pytest.fail(f"{name} ({len(text):,} characters): the {stage} stage ran past {limit:.1f} s, "
                    f"{TIMES_NORMAL}x a normal document of that length — superlinear "
                    "(benchmarks/linear_time.py pipeline --only … shows the growth)")


@pytest.mark.parametrize("name", sorted(hostile_texts(10)))
def test_long_runs_stay_linear(name, tmp_path, limit_for):
    _check(name, hostile_texts(SIZE)[name], tmp_path, limit_for)


def test_a_long_line_at_a_page_edge_stays_linear(tmp_path, limit_for):
    """Found by benchmarks/linear_time.py patterns: the page-number pattern, tried on the first
    and last line of each page of a paged text, had overlapping runs of spaces (16,000 spaces
    before a character at a page edge: 6 s to normalise, quadratic)."""
    run = run_of(" ", SIZE * 4)  # long enough that quadratic time passes even this generous guard
    _check("page_edge", f"第1页\n正文\n\f{run}x\n正文\n1\n\f2\n正文\n{run}3\n", tmp_path, limit_for)


@pytest.mark.parametrize("index", range(2))
def test_longest_real_lines_repeated_a_thousand_times(index, tmp_path, limit_for):
    """The longest line of all real documents, and of the bundled examples (always there)."""
    lines = longest_lines(2)
    if index >= len(lines):
        pytest.skip("fewer real documents than lines asked for (../shared absent)")
    where, line = lines[index]
    _check(f"longest_line_{index} ({where})", line * 1000, tmp_path, limit_for)


def test_the_guard_catches_a_hang(tmp_path):
    """The guard itself: a stage that never ends is killed and reported, not waited for."""
    path = tmp_path / "x.txt"
    path.write_text("地区生产总值增长6%", encoding="utf-8")
    import zhibiao.text.document as document

    original = document.Document.from_loaded
    document.Document.from_loaded = classmethod(lambda cls, loaded: time.sleep(60))  # in the forked child only
    try:
        started = time.perf_counter()
        result = stage_times(path, {"load": 5, "normalise": 1})
    finally:
        document.Document.from_loaded = original
    assert result.get("hung") == ("normalise", 1) and time.perf_counter() - started < 10
