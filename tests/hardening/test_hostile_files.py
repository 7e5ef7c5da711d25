"""Hostile and broken files: every loader either reads a file or raises the project's own
LoadError, within the configured limits; fuzzed bytes never crash it."""
from __future__ import annotations

import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formats import write_docx, write_html, write_pdf
from zhibiao.api import extract_file
from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load import Limits, load

PLAN = ("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
        "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n2\t城镇调查失业率\t5%以内\n")
SETTINGS = settings(max_examples=int(os.environ.get("ZHIBIAO_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])


def _many_page_pdf(path: Path, pages: int) -> Path:
    """A valid PDF with many pages, written by hand (reportlab would take minutes)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (plan target 6) Tj ET\nendstream"]
    kids = []
    for _ in range(pages):
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                    "/Contents 4 0 R >>")
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


def test_pdf_with_thousands_of_pages_hits_the_page_limit(tmp_path):
    path = _many_page_pdf(tmp_path / "huge.pdf", 3000)
    with pytest.raises(LimitExceeded, match="3000 pages"):
        load(path)
    small = _many_page_pdf(tmp_path / "ok.pdf", 5)
    from zhibiao.load.pdf import load_pdf  # (the PDF reader itself: its English words are no Chinese document)

    assert len(load_pdf(str(small), small.read_bytes(), "sha", Limits.from_env()).pages) == 5
    with pytest.raises(LoadError, match="ok.pdf: not a Chinese document"):
        load(small)


def test_pdf_time_limit(tmp_path):
    path = _many_page_pdf(tmp_path / "slow.pdf", 400)
    with pytest.raises(LimitExceeded, match="longer than"):
        load(path, Limits(max_seconds=0.001))


def test_html_with_scripts_handlers_and_deep_nesting(tmp_path):
    page = tmp_path / "x.html"
    page.write_text("<html><body><script>steal()</script><div onclick=\"evil()\" id=\"zoom\"><p onmouseover=\"x()\">"
                    "计划目标：地区生产总值增长6%左右。</p><iframe src=\"javascript:alert(1)\"></iframe></div>"
                    + "<div>" * 3000 + "深处" + "</div>" * 3000 + "</body></html>", encoding="utf-8")
    loaded = load(page)
    assert "地区生产总值增长6%左右" in loaded.text
    assert "steal" not in loaded.text and "evil" not in loaded.text and "javascript" not in loaded.text


def test_mixed_encodings_do_not_crash(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("地区生产总值增长6%左右\n".encode("utf-8") + "城镇调查失业率5%以内\n".encode("gbk"))
    text = load(path).text
    assert text and ("失业率" in text or "生产总值" in text)


def test_a_file_changing_while_read_gives_a_consistent_document(tmp_path):
    path = tmp_path / "moving.txt"
    versions = [PLAN, PLAN.replace("6%左右", "7%以上")]
    path.write_text(versions[0], encoding="utf-8")
    stop = threading.Event()

    def rewrite():
        i = 0
        while not stop.is_set():
            path.write_text(versions[i % 2], encoding="utf-8")
            i += 1

    t = threading.Thread(target=rewrite)
    t.start()
    try:
        import hashlib

        for _ in range(50):
            try:
                loaded = load(path)
            except LoadError:
                continue  # caught mid-write as an empty file: reported, not crashed
            # the hash always belongs to the very bytes the text came from
            assert hashlib.sha256(loaded.text.encode("utf-8")).hexdigest() == loaded.sha256
    finally:
        stop.set()
        t.join()


def _mutations(data: bytes):
    return st.lists(st.tuples(st.integers(0, max(0, len(data) - 1)), st.integers(0, 255)), max_size=30).map(
        lambda flips: bytes(_flip(data, flips)))


def _flip(data: bytes, flips):
    b = bytearray(data)
    for i, v in flips:
        b[i] = v
    return b


def _check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        extract_file(path).to_dict()
    except LoadError:
        pass  # the project's own, documented error


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    d = tmp_path_factory.mktemp("samples")
    return {
        "txt": PLAN.encode("gb18030"),
        "html": write_html(PLAN, d / "a.html").read_bytes(),
        "docx": write_docx(PLAN, d / "a.docx").read_bytes(),
        "pdf": write_pdf(PLAN, d / "a.pdf").read_bytes(),
    }


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_fuzzed_files_never_crash_a_loader(tmp_path, samples, fmt):
    data = samples[fmt]

    @SETTINGS
    @given(_mutations(data), st.integers(0, len(data)))
    def run(mutated, cut):
        _check(tmp_path / f"fuzz.{fmt}", mutated[:cut] if cut % 3 == 0 else mutated)

    run()


def test_docx_members_are_checked_before_reading(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/huge.bin", b"\0" * 3_000_000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(LimitExceeded):
        load(path, Limits(max_decompressed_bytes=1_000_000))


def test_a_300_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(300_000_000)  # sparse: nothing is written, the size is real
    with pytest.raises(LimitExceeded, match="300.0 MB"):
        load(path)
    from zhibiao.cli import main

    assert main(["extract", str(path)]) == 3


def test_a_plan_with_a_few_stray_nul_bytes_is_read_with_a_warning(tmp_path):
    """Issue 17.7: a UTF-8 plan with a few NUL bytes (a bad conversion) was refused as binary;
    it is read with them removed and a warning, its figures intact. Many NULs stay binary."""
    long_plan = PLAN.replace("现印发给你们。", "现印发给你们，请认真组织实施。" * 80)
    assert len(long_plan.encode()) > 3000
    damaged = tmp_path / "plan.txt"
    damaged.write_bytes(long_plan[:40].encode() + b"\x00" + long_plan[40:].encode() + b"\x00\x00")
    loaded = load(damaged)
    assert "\x00" not in loaded.text and loaded.text.strip() == long_plan.strip()
    assert loaded.warnings == ["3 stray NUL byte(s) removed (a damaged conversion?)"]
    extraction = extract_file(damaged)
    assert {t.text for t in extraction.targets} >= {"6%左右", "5%以内"}
    assert any("NUL" in w for w in extraction.warnings)

    html = tmp_path / "plan.html"
    html.write_bytes(f"<html><body><pre>{long_plan}</pre></body></html>".encode().replace("附件".encode(), b"\x00" + "附件".encode()))
    assert load(html).warnings[0].startswith("1 stray NUL")

    binary = tmp_path / "junk.txt"
    binary.write_bytes(("计划" * 500).encode().replace("划".encode(), b"\x00\x00\x00"))
    with pytest.raises(LoadError, match="binary"):
        load(binary)


def test_html_with_control_characters_is_read_not_a_crash(tmp_path):
    """Found by the fuzz run: a control character beside an element the cleaner drops made lxml
    raise ValueError ("All strings must be XML compatible") — a crash, not an answer."""
    page = tmp_path / "page.html"
    page.write_bytes(("<html><body><div>某市计划\x01正文<script>x()</script>尾\x02巴\ufffe</div>"
                      "<p>目标\x0b增长6%</p></body></html>").encode())
    text = load(page).text
    assert "某市计划正文" in text and "尾巴" in text and "目标增长6%" in text
    assert not any(ch in text for ch in "\x01\x02\x0b\ufffe")
