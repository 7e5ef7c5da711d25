"""PDFs with a text layer: text in reading order, tables as tab-separated rows, pages marked.

pdfplumber finds ruled tables; text outside them is read line by line and interleaved with the
tables by position. A table continued on the next page is joined to the one before (its repeated
header row dropped). Pages are separated by a form feed so the normaliser can drop furniture, and
``LoadedText.pages`` keeps where each page starts.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load.limits import Limits
from zhibiao.models import LoadedText


# A page number alone on its line ("— 3 —", "第 3 页"). No two runs of \s side by side: "\s*[—]*\s*"
# around nothing is quadratic on a line of spaces.
FURNITURE = re.compile(r"^\s*(?:(?:[—–\-－]+\s*)?\d{1,4}(?:\s*[—–\-－]+)?|第\s*\d+\s*页.*)\s*$")


def _cell(text) -> str:
    return " ".join((text or "").split())


# A gap between two characters of a line wider than this many of their size is a gap between the
# cells of an unruled table (or between a name and its date), not a word space.
CELL_GAP_EMS = 0.75


def _line_text(line: dict) -> str:
    """A text line as pdfplumber reads it, with each space between words that stands for a wide
    gap made two: an unruled table's cells stay apart — "3120  3300  5.5左右", not
    "3120 3300 5.5左右"."""
    text = line["text"]
    chars = [c for c in line.get("chars") or () if not c["text"].isspace()]
    if " " not in text or len(chars) != len(text.replace(" ", "")):
        return text  # (the characters are not the text's one for one: keep the text)
    out: list[str] = []
    k = 0  # the character the next letter of the text is
    for letter in text:
        if letter != " ":
            out.append(letter)
            k += 1
            continue
        prev, nxt = chars[k - 1] if k else None, chars[k] if k < len(chars) else None
        wide = prev is not None and nxt is not None and \
            nxt["x0"] - prev["x1"] > CELL_GAP_EMS * (max(prev.get("size") or 0, nxt.get("size") or 0) or 10)
        out.append("  " if wide else " ")
    return "".join(out)


def _page_items(page) -> list[tuple[float, str, list[list[str]] | None]]:
    """(top, text, table rows or None) for the page's text lines and tables."""
    tables = []
    try:
        found = page.find_tables()
    except Exception:  # a malformed page's graphics: read its text only
        found = []
    for t in found:
        rows = [[_cell(c) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            tables.append((t.bbox, rows))
    bboxes = [b for b, _r in tables]

    def outside(obj) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in bboxes)

    free = page.filter(outside) if bboxes else page
    items: list[tuple[float, str, list[list[str]] | None]] = []
    for line in free.extract_text_lines(return_chars=True):
        items.append((line["top"], _line_text(line), None))
    for bbox, rows in tables:
        items.append((bbox[1], "", rows))
    items.sort(key=lambda it: it[0])
    return items


def load_pdf(path: str | Path, data: bytes, sha: str, limits: Limits) -> LoadedText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    p = str(path)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise LoadError(p, "PDF is encrypted (password protected); decrypt it first") from None
    except PDFSyntaxError as exc:
        raise LoadError(p, f"PDF is damaged or truncated: {exc}") from None
    except Exception as exc:
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise LoadError(p, "PDF is encrypted (password protected); decrypt it first") from None
        raise LoadError(p, f"PDF could not be read: {name}: {exc}") from None
    try:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise LoadError(p, f"PDF is damaged or truncated: {type(exc).__name__}: {exc}") from None
        if n_pages == 0:
            raise LoadError(p, "PDF has no pages")
        if n_pages > limits.max_pages:
            raise LimitExceeded(p, f"PDF has {n_pages} pages, over the {limits.max_pages} page limit "
                                   "(ZHIBIAO_MAX_PAGES)")
        import time

        deadline = time.monotonic() + limits.max_seconds
        chunks: list[str] = []
        pages: list[int] = []
        offset = 0
        prev_table: list[list[str]] | None = None
        n_chars = 0
        for page in pdf.pages:
            if time.monotonic() > deadline:
                raise LimitExceeded(p, f"reading the PDF took longer than {limits.max_seconds:g} s at page "
                                       f"{page.page_number} of {n_pages} (ZHIBIAO_MAX_SECONDS)")
            try:
                items = _page_items(page)
                n_chars += len(page.chars)
            except Exception as exc:
                raise LoadError(p, f"PDF page {page.page_number} could not be read: {type(exc).__name__}: {exc}") \
                    from None
            lines: list[str] = []
            for i, (_top, text, rows) in enumerate(items):
                if rows is None:
                    lines.append(text)
                    continue
                before = [t for _, t, r in items[:i] if r is None and t.strip() and not FURNITURE.match(t)]
                continued = prev_table is not None and not before and len(rows[0]) == len(prev_table[0])
                if continued and rows and rows[0] == prev_table[0]:
                    rows = rows[1:]  # the header repeated on the new page
                lines.append("\n".join("\t".join(r).rstrip("\t") for r in rows))
                prev_table = rows if not continued else prev_table
            # a table is "open" only when it ends the page (a page number below it does not count)
            content = [it for it in items if it[2] is not None or not FURNITURE.match(it[1])]
            if not content or content[-1][2] is None:
                prev_table = None
            page_text = "\n".join(lines).strip("\n") + "\n"
            pages.append(offset)
            chunk = ("\f\n" if chunks else "") + page_text
            if chunks:
                pages[-1] = offset + 2
            chunks.append(chunk)
            offset += len(chunk)
        if n_chars == 0:
            raise LoadError(p, "PDF has no text layer (scanned image?); OCR it first")
        title = None
        try:
            title = (pdf.metadata or {}).get("Title")
            title = title.strip() if isinstance(title, str) and re.search(r"[\u4e00-\u9fff]", title) else None
        except Exception:
            title = None
    finally:
        try:
            pdf.close()
        except Exception:  # closing a damaged file can fail too; the error that matters is raised
            pass
    return LoadedText(path=p, format="pdf", text="".join(chunks), sha256=sha, pages=pages, title=title)
