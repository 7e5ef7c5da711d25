"""Write a plain-text document as HTML, DOCX or PDF, the way governments publish them: body lines
as paragraphs, runs of tab-separated lines as a real table (Word table, HTML <table>, a ruled
PDF table). Used by the tests to check every format gives what the TXT gives."""
from __future__ import annotations

import html
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
