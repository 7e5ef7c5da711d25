"""Write a plain-text document as HTML, DOCX or PDF, the way governments publish them: body lines
as paragraphs, runs of tab-separated lines as a real table (Word table, HTML <table>, a ruled
PDF table), or DOC (Word 97-2003: paragraphs, a table's rows as tab-separated lines). Used by the
tests to check every format gives what the TXT gives."""
from __future__ import annotations

import html
import struct
from pathlib import Path


def blocks(text: str) -> list[tuple[str, object]]:
    """("p", line) and ("table", rows) in order."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        if line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("table", rows))
    for kind, value in out:
        if kind == "table":
            width = max(len(r) for r in value)
            for r in value:
                r.extend([""] * (width - len(r)))
    return out


def write_html(text: str, path: Path, metadata: dict[str, str] | None = None) -> Path:
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>文件_政府门户网站</title>',
             "<script>document.write('<p>广告</p>')</script></head><body>",
             '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>',
             '<div class="position">当前位置：<a href="/">首页</a> &gt; 政策文件</div>']
    if metadata:
        parts.append('<table class="meta">')
        for k, v in metadata.items():
            parts.append(f"<tr><td>{html.escape(k)}：</td><td>{html.escape(v)}</td></tr>")
        parts.append("</table>")
    parts.append('<div id="zoom">')
    for kind, value in blocks(text):
        if kind == "p":
            parts.append(f"<p>{html.escape(value)}</p>")
        else:
            parts.append('<table border="1">')
            for row in value:
                parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
            parts.append("</table>")
    parts.append('</div><div class="share">分享到：</div><div class="footer">主办单位：某市人民政府办公室 '
                 "网站标识码：1234 ICP备000号</div></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, value in blocks(text):
        if kind == "p":
            document.add_paragraph(value)
        else:
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    story = []
    for kind, value in blocks(text):
        if kind == "p":
            story.append(Paragraph(html.escape(value), style))
            story.append(Spacer(1, 4))
        else:
            data = [[Paragraph(html.escape(c), cell_style) if c else "" for c in row] for row in value]
            table = Table(data, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]))
            story.append(table)

    def page_number(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 20, f"—{doc.page}—")

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path


# Word 97-2003 (.doc): a compound file (MS-CFB) with the WordDocument and 1Table streams (MS-DOC)
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name, kind, start=ENDOFCHAIN, size=0, left=NOSTREAM, right=NOSTREAM, child=NOSTREAM):
    raw = name.encode("utf-16-le") + b"\x00\x00"
    return (raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", left, right, child)
            + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IQ", start, size))


def compound_file(streams):
    """A Compound File (MS-CFB v3, 512-byte sectors) holding streams of >= 4096 bytes each
    (so no mini stream is needed). streams: [(name, bytes)] with the tree order given."""
    sectors = []
    starts = []
    fat = []
    sizes = []
    for _name, data in streams:
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b"\x00")
        sizes.append(len(data))  # at least the mini-stream cutoff: stored in ordinary sectors
        n = len(data) // 512
        first = len(sectors)
        starts.append(first)
        for i in range(n):
            sectors.append(data[i * 512:(i + 1) * 512])
            fat.append(first + i + 1 if i < n - 1 else ENDOFCHAIN)
    # directory: root, then the streams; root's child is the last, each stream's left sibling the one before
    entries = [_dir_entry("Root Entry", 5, child=len(streams))]
    for i, (name, data) in enumerate(streams):
        entries.append(_dir_entry(name, 2, start=starts[i], size=sizes[i], left=i if i > 0 else NOSTREAM))
    directory = b"".join(entries).ljust(-(-len(entries) * 128 // 512) * 512, b"\x00")
    dir_start = len(sectors)
    n_dir = len(directory) // 512
    for i in range(n_dir):
        sectors.append(directory[i * 512:(i + 1) * 512])
        fat.append(dir_start + i + 1 if i < n_dir - 1 else ENDOFCHAIN)
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * 128:
        n_fat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * 128 - len(fat))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for i in range(n_fat):
        sectors.append(fat_bytes[i * 512:(i + 1) * 512])
    difat = [fat_start + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, 0x1000, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == 512
    return header + b"".join(sectors)


def doc_bytes(text: str) -> bytes:
    """A Word 97-2003 document holding ``text`` (paragraphs; tabs kept) as Unicode, with one
    piece in its piece table: the smallest file Word's binary format allows."""
    body = text.replace("\r\n", "\n").replace("\n", "\r")
    if not body.endswith("\r"):
        body += "\r"
    chars = body.encode("utf-16-le")
    text_at = 0x800
    fib = bytearray()
    fib += struct.pack("<HHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0)
    fib += struct.pack("<H", 0x1200)  # fWhichTblStm (1Table), fExtChar
    fib += struct.pack("<HIBBHHII", 0x00BF, 0, 0, 0, 0, 0, text_at, text_at + len(chars))  # fcMin, fcMac (read by older readers)
    assert len(fib) == 32
    fib += struct.pack("<H", 14) + b"\x00" * 28
    rglw = [0] * 22
    rglw[0] = text_at + len(chars)  # cbMac
    rglw[3] = len(body)  # ccpText
    fib += struct.pack("<H", 22) + struct.pack("<22I", *rglw)
    pairs = [(0, 0)] * 93
    # the piece table (Clx) in the table stream: one piece, Unicode (not compressed)
    plc = struct.pack("<II", 0, len(body)) + struct.pack("<HIH", 0, text_at, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    # an empty stylesheet (STSH: its STSHI header, no styles) and one font (SttbfFfn): readers expect both
    stsh = struct.pack("<H", 18) + struct.pack("<HHHHHH", 0, 10, 0, 0, 0, 0) + struct.pack("<3H", 0, 0, 0)
    name = "宋体".encode("utf-16-le") + b"\x00\x00"
    ffn = struct.pack("<BhBB", 0x16, 400, 134, 0) + b"\x00" * 10 + b"\x00" * 24 + name
    fonts = struct.pack("<HH", 1, 0) + bytes([len(ffn)]) + ffn
    table = clx + stsh + fonts
    pairs[33] = (0, len(clx))  # fcClx, lcbClx
    pairs[1] = (len(clx), len(stsh))  # fcStshf, lcbStshf
    pairs[15] = (len(clx) + len(stsh), len(fonts))  # fcSttbfFfn, lcbSttbfFfn
    fib += struct.pack("<H", 93) + b"".join(struct.pack("<II", fc, lcb) for fc, lcb in pairs)
    fib += struct.pack("<H", 0)
    word = bytes(fib).ljust(text_at, b"\x00") + chars
    return compound_file([("1Table", table), ("WordDocument", word)])


def write_doc(text: str, path: Path) -> Path:
    path.write_bytes(doc_bytes(text))
    return path
