"""PDFs with a text layer: text in reading order, tables as tab-separated rows, pages marked.

pdfplumber finds ruled tables; text outside them is read line by line and interleaved with the
tables by position. A table continued on the next page is joined to the one before (its repeated
header row dropped; its rows there under the columns they stand in, when a cell merged down across the
break left them without some rules or all), and a table's text in no cell pdfplumber found is put in
its cell. Pages are separated by a form feed so the normaliser can drop furniture, and
``LoadedText.pages`` keeps where each page starts.
"""
from __future__ import annotations

import bisect
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load.cells import spread_across
from zhibiao.load.limits import Limits
from zhibiao.load.titles import without_site_name

# pdfminer logs a warning for each font whose box a PDF printer left out (Chromium's: "Could not get
# FontBBox…", nineteen lines on a user's terminal); the text is read all the same
logging.getLogger("pdfminer").setLevel(logging.ERROR)
from zhibiao.models import LoadedText


# A page number alone on its line ("— 3 —", "第 3 页"). No two runs of \s side by side: "\s*[—]*\s*"
# around nothing is quadratic on a line of spaces.
FURNITURE = re.compile(r"^\s*(?:(?:[—–\-－]+\s*)?\d{1,4}(?:\s*[—–\-－]+)?|第\s*\d+\s*页.*)\s*$")


def _cell(text) -> str:
    return " ".join((text or "").split())


def _across(rows: list[list[str]], boxes: list[list]) -> list[list[str]]:
    """``rows`` with a cell merged across columns printed in each column it spans (load/cells.py):
    pdfplumber gives no cell (None) where a merged cell extends, and a cell reaching past the left
    edge of the next column spans it (a cell merged down leaves its rows below empty)."""
    lefts: dict[int, float] = {}
    for cells in boxes:
        for k, box in enumerate(cells):
            if box is not None:
                lefts[k] = min(lefts.get(k, box[0]), box[0])
    out = []
    for texts, cells in zip(rows, boxes):
        merged = []
        for j, box in enumerate(cells):
            n = 1
            while (box is not None and j + n < len(cells) and cells[j + n] is None and j + n in lefts
                   and box[2] > lefts[j + n] + 1):
                n += 1
            if n > 1:
                merged.append((j, n))
        out.append(spread_across(texts, merged))
    return out


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


# A line is full when it ends within this many of its characters' size of its page's right text
# edge and past this share of the page's width (a page of short lines has no full one): its
# paragraph goes on on the next line, whatever its last character — a line may end with 。
# mid-paragraph.
FULL_LINE_EMS = 1.5
FULL_LINE_SHARE = 0.75
# The next line starting further right than this (in its characters' size) opens a new paragraph
# (the two-character indent of a Chinese paragraph), or is not body text (a centred or right-set line).
INDENT_EMS = 0.5
# A line starting further right than this of the text's left edge (in its characters' size: past a
# paragraph's two-character indent) is set right or centred — a signature's date reaching the right
# edge ends there, and a left-set line after it (（此件主动公开）) is no wrap of it.
SET_RIGHT_EMS = 4.0
# A gap between two lines wider than a wrap's by this much (in the characters' size) is space
# between paragraphs.
PARAGRAPH_GAP_EMS = 0.3


@dataclass
class _Line:
    """A text line of a page: its text and where it stands."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # its largest character's
    full: bool = False  # it reaches its page's right text edge (set by _Page.mark_full)
    # a row of cells' characters, (x0, x1, text) each: a row under a table the page before (_row_under)
    chars: tuple[tuple[float, float, str], ...] = ()

    @property
    def is_cells(self) -> bool:
        """A row of an unruled table's cells (or an empty line): never part of a paragraph."""
        return "  " in self.text.strip() or not self.text.strip()


def _text_line(line: dict) -> _Line:
    sizes = [c.get("size") or 0 for c in line.get("chars") or ()]
    text = _line_text(line)
    out = _Line(text, line["x0"], line["x1"], line["top"], line["bottom"], max(sizes, default=0) or 10.0)
    if out.is_cells:
        out.chars = tuple((c["x0"], c["x1"], c["text"]) for c in line.get("chars") or () if not c["text"].isspace())
    return out


# Characters set in another font sit lower or higher than the line's (a Word title's digits in a
# Latin fallback font: 3.5 pt below its CJK at 16.5 pt), past pdfplumber's fixed 3 pt tolerance, and
# come out as a line of their own ("临湘市年政府工作报告" / "2026": the year lost). Two lines whose
# boxes overlap by this share of the lower's height, set in this share of each other's size
# (a footnote mark is smaller), and side by side (no character over another, no more than
# SAME_LINE_GAP_EMS of their size apart: a second column's line is further) are one line.
SAME_LINE_OVERLAP = 0.5
SAME_LINE_SIZE = 0.8
SAME_LINE_GAP_EMS = 1.0
WORD_GAP = 3  # pdfplumber's x_tolerance: a wider gap between characters is a space
EDGE = 1.0  # how far (pt) a cell's character may reach over its column's rule


def _size(line: dict) -> float:
    return max((c.get("size") or 0 for c in line.get("chars") or ()), default=0) or 10.0


def _same_line(a: dict, b: dict) -> bool:
    sa, sb = _size(a), _size(b)
    if min(sa, sb) < SAME_LINE_SIZE * max(sa, sb):
        return False
    overlap = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    if overlap < SAME_LINE_OVERLAP * min(a["bottom"] - a["top"], b["bottom"] - b["top"]):
        return False
    if max(a["x0"], b["x0"]) - min(a["x1"], b["x1"]) > SAME_LINE_GAP_EMS * max(sa, sb):
        return False  # (apart: columns)
    # no character over another's (text printed over text): one sweep from the left
    reach = [float("-inf"), float("-inf")]  # how far right each line's characters so far reach
    for x0, side, x1 in sorted([(c["x0"], 0, c["x1"]) for c in a.get("chars") or ()]
                               + [(c["x0"], 1, c["x1"]) for c in b.get("chars") or ()]):
        if x0 < reach[1 - side] - 0.5:
            return False
        reach[side] = max(reach[side], x1)
    return True


def _join_offset_lines(lines: list[dict]) -> list[dict]:
    """pdfplumber's lines with each one that stands beside the line before it, a little lower or
    higher, put into it at its characters' places (see SAME_LINE_OVERLAP)."""
    out: list[dict] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is None or not line.get("chars") or not prev.get("chars") or not _same_line(prev, line):
            out.append(line)
            continue
        chars = sorted(list(prev["chars"]) + list(line["chars"]), key=lambda c: c["x0"])
        text = ""
        for i, c in enumerate(chars):
            if i and c["x0"] - chars[i - 1]["x1"] > WORD_GAP and not text.endswith(" "):
                text += " "
            text += c["text"]
        out[-1] = {"text": text, "chars": chars, "x0": min(prev["x0"], line["x0"]), "x1": max(prev["x1"], line["x1"]),
                   "top": min(prev["top"], line["top"]), "bottom": max(prev["bottom"], line["bottom"])}
    return out


@dataclass
class _Table:
    """A ruled table of a page: its rows of cells' texts and where each column stands, (left, right)."""
    rows: list[list[str]]
    columns: list[tuple[float, float]]


Item = tuple[float, "_Line | None", "_Table | None"]  # (top, a text line, or a table)


@dataclass
class _Page:
    width: float
    items: list[Item]

    def mark_full(self) -> None:
        """Mark the page's lines that reach its text's right edge."""
        plain = [line for _t, line, _r in self.items if line is not None and not line.is_cells]
        right = max((line.x1 for line in plain), default=0.0)
        for line in plain:
            line.full = line.x1 >= right - FULL_LINE_EMS * line.size and line.x1 >= FULL_LINE_SHARE * self.width


def _wrap_gap(pages: list[_Page]) -> float | None:
    """The gap after a full line, most of which are wraps: the median over the document (a page of
    one-line paragraphs has only paragraphs' gaps), or ``None`` when no full line has one after it."""
    gaps = sorted(b.top - a.bottom for page in pages for (_t, a, _r), (_u, b, _s) in zip(page.items, page.items[1:])
                  if a is not None and b is not None and a.full)
    return gaps[len(gaps) // 2] if gaps else None


def _join_wraps(pages: list[_Page]) -> None:
    """Each line the paragraph only wraps at joined to the next, in place: the line is full (and
    not set right: SET_RIGHT_EMS), the next starts at the text's left edge after no wider gap than a wrap's, and neither is a row of
    cells; a wider gap between two lines of text becomes a blank line. The wraps are the PDF's
    layout, and only its geometry tells a wrap after 。 from the end of a paragraph: the text alone
    would read a new paragraph there, losing what its opening said ("去年，…。" then "原煤产量…":
    the year of the results)."""
    for page in pages:
        page.mark_full()
    wrap_gap = _wrap_gap(pages)
    if wrap_gap is None:
        return
    for page in pages:
        left = min((line.x0 for _t, line, _r in page.items if line is not None and not line.is_cells), default=0.0)
        items: list[Item] = []
        for top, line, rows in page.items:
            prev = items[-1][1] if items else None
            if (line is not None and prev is not None and prev.full and not line.is_cells
                    and prev.x0 <= left + SET_RIGHT_EMS * prev.size
                    and line.x0 <= left + INDENT_EMS * line.size
                    and line.top - prev.bottom <= wrap_gap + PARAGRAPH_GAP_EMS * line.size):
                word_break = prev.text[-1:].isascii() and prev.text[-1:].isalnum() and line.text[:1].isascii() \
                    and line.text[:1].isalnum()
                # (the joined line stands where the next did: whether it wraps again is the next's)
                joined = _Line(prev.text + (" " if word_break else "") + line.text, line.x0, line.x1, line.top,
                               line.bottom, line.size, line.full)
                items[-1] = (items[-1][0], joined, None)
                continue
            if (line is not None and prev is not None and not line.is_cells and not prev.is_cells
                    and line.top - prev.bottom > wrap_gap + PARAGRAPH_GAP_EMS * line.size):
                # space between paragraphs: a blank line, as a text file shows it (a headline, its
                # dateline and its lead stay apart though none ends with a stop)
                items.append((top, _Line("", line.x0, line.x0, top, top, line.size), None))
            items.append((top, line, rows))
        page.items = items


def _columns(boxes: list[list]) -> list[tuple[float, float]]:
    """Where each column of a table stands: its cells' left edge and the nearest right edge (a cell
    merged across columns reaches further)."""
    out = []
    for k in range(max((len(cells) for cells in boxes), default=0)):
        lefts = [cells[k][0] for cells in boxes if k < len(cells) and cells[k] is not None]
        rights = [cells[k][2] for cells in boxes if k < len(cells) and cells[k] is not None]
        out.append((min(lefts), min(rights)) if lefts else (float("nan"), float("nan")))
    return out


def _column_at(x: float, columns: list[tuple[float, float]]) -> int | None:
    return next((k for k, (left, right) in enumerate(columns) if left <= x < right), None)


def _orphans_placed(texts: list[list[str]], boxes: list[list], rows_y: list[tuple[float, float]], chars: list[dict]) -> None:
    """A table's text that lies in no cell pdfplumber found put in its cell, in place: a cell merged
    down across a page break has no bottom rule on its page, so pdfplumber makes no cell of it and
    would drop its text (绿色发展 over the rows on either side of the break). The text goes to the
    first row of the cell's run of rows no found cell covers — where the loaders print a cell merged
    down (load/cells.py). ``rows_y``: each row's top and bottom."""
    columns = _columns(boxes)
    found = [b for cells in boxes for b in cells if b is not None]
    # the cells reaching into each row (its own, and those merged down from above): a character is
    # looked for in its row's only
    reach = [[b for b in found if b[1] < bottom and b[3] > top] for top, bottom in rows_y]
    tops = [top for top, _bottom in rows_y]

    def inside(i: int, x: float, y: float) -> bool:
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in reach[i])

    def covered(i: int, k: int) -> bool:  # (by a cell of its row, or one merged down from above)
        return k >= len(boxes[i]) or boxes[i][k] is not None or \
            inside(i, (columns[k][0] + columns[k][1]) / 2, (rows_y[i][0] + rows_y[i][1]) / 2)

    runs: dict[tuple[int, int], list[tuple[int, dict]]] = {}  # (a run's first row, column) -> (row, character)
    for c in chars:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        i = bisect.bisect_right(tops, y) - 1
        k = _column_at(x, columns)
        if i < 0 or y >= rows_y[i][1] or k is None or covered(i, k):
            continue  # (in a cell: extracted with it)
        first = i
        while first > 0 and not covered(first - 1, k):
            first -= 1
        runs.setdefault((first, k), []).append((i, c))
    if not runs:
        return
    from pdfplumber.utils import extract_text

    for (first, k), placed in runs.items():
        placed.sort(key=lambda ic: ic[1]["top"])
        blocks: list[list[tuple[int, dict]]] = [[placed[0]]]
        for i, c in placed[1:]:
            last = blocks[-1][-1][1]
            if c["top"] > last["bottom"] + (last["bottom"] - last["top"]) / 2:
                blocks.append([])  # (a blank line between: the text of another cell)
            blocks[-1].append((i, c))
        for block in blocks:
            # one text in the run: the merged cell's, printed in its first row; several (a column
            # with no rules across it at all): each in the row it stands in
            row = first if len(blocks) == 1 else block[0][0]
            if not texts[row][k]:
                texts[row][k] = _cell(extract_text([c for _i, c in block]))


def _under_columns(table: _Table, columns: list[tuple[float, float]]) -> list[list[str]] | None:
    """``table``'s rows widened to ``columns`` (another table's), each of its columns in the one its
    middle stands in; ``None`` unless each stands in one of its own, left to right."""
    at = [_column_at((left + right) / 2, columns) for left, right in table.columns]
    if any(k is None for k in at) or any(a >= b for a, b in zip(at, at[1:])):  # type: ignore[operator]
        return None
    out = []
    for row in table.rows:
        cells = [""] * len(columns)
        for k, text in zip(at, row):
            cells[k] = text  # type: ignore[index]
        out.append(cells)
    return out


def _row_under(line: _Line, columns: list[tuple[float, float]]) -> list[str] | None:
    """A line of cells at a page's top set under the columns of the table that ended the page before
    (no character across a column's edge; two columns or more): a row of that table. A cell merged
    down across the break leaves the row no rules of its own on this page, and pdfplumber finds no
    table there."""
    if not line.chars:
        return None
    cells = [""] * len(columns)
    prev_x1 = None
    for x0, x1, text in line.chars:
        k = _column_at((x0 + x1) / 2, columns)
        if k is None or x0 < columns[k][0] - EDGE or x1 > columns[k][1] + EDGE:
            return None  # a character across a column's edge: text of the page, no cell of these columns
        gap = prev_x1 is not None and x0 - prev_x1 > WORD_GAP
        cells[k] += (" " if gap and cells[k] else "") + text
        prev_x1 = x1
    return cells if sum(1 for c in cells if c) >= 2 else None


def _page_items(page) -> _Page:
    """The page's text lines and tables, in order from its top."""
    tables = []
    try:
        found = page.find_tables()
    except Exception:  # a malformed page's graphics: read its text only
        found = []
    for t in found:
        texts = [[_cell(c) for c in row] for row in t.extract()]
        boxes = [r.cells for r in t.rows]
        x0, top, x1, bottom = t.bbox
        chars_in = [c for c in page.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
                  and not c["text"].isspace()]
        tops = [r.bbox[1] for r in t.rows]
        _orphans_placed(texts, boxes, list(zip(tops, tops[1:] + [bottom])), chars_in)
        rows = _across(texts, boxes)
        rows = [r for r in rows if any(r)]
        if rows:
            tables.append((t.bbox, _Table(rows, _columns(boxes))))
    bboxes = [b for b, _r in tables]

    def outside(obj) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in bboxes)

    free = page.filter(outside) if bboxes else page
    items: list[Item] = [(line["top"], _text_line(line), None) for line in _join_offset_lines(free.extract_text_lines(return_chars=True))]
    items += [(bbox[1], None, rows) for bbox, rows in tables]
    items.sort(key=lambda it: it[0])
    return _Page(float(page.width), items)


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
        prev_table: _Table | None = None
        n_chars = 0
        read: list[_Page] = []
        for page in pdf.pages:
            if time.monotonic() > deadline:
                raise LimitExceeded(p, f"reading the PDF took longer than {limits.max_seconds:g} s at page "
                                       f"{page.page_number} of {n_pages} (ZHIBIAO_MAX_SECONDS)")
            try:
                read.append(_page_items(page))
                n_chars += len(page.chars)
            except Exception as exc:
                raise LoadError(p, f"PDF page {page.page_number} could not be read: {type(exc).__name__}: {exc}") \
                    from None
            page.close()  # (its characters are read: a long PDF's pages are not all held at once)
        _join_wraps(read)
        for page_read in read:
            lines: list[str] = []
            leading = True  # no text yet on the page but its furniture: a table here may go on from the page before
            page_top = True  # nor any table
            ends_open = False  # the page's content so far ends with a table's row
            for _top, line, table in page_read.items:
                if table is None:
                    text = line.text if line is not None else ""
                    row = _row_under(line, prev_table.columns) \
                        if page_top and prev_table is not None and line is not None else None
                    if row is not None:
                        lines.append("\t".join(row).rstrip("\t"))  # a row of the table above, past the break
                        ends_open = True
                        continue
                    lines.append(text)
                    if not FURNITURE.match(text):
                        leading = leading and not text.strip()
                        page_top = page_top and not text.strip()
                        ends_open = False
                    continue
                rows = table.rows
                continued = prev_table is not None and leading
                if prev_table is not None and continued and len(rows[0]) < len(prev_table.rows[0]):
                    # (the columns of a cell merged down across the break have no rules on this page:
                    # the rows found there are the table's under the columns they stand in)
                    under = _under_columns(table, prev_table.columns)
                    continued = under is not None
                    rows = under if under is not None else rows
                elif prev_table is not None and continued:
                    continued = len(rows[0]) == len(prev_table.rows[0])
                if prev_table is not None and continued and rows and rows[0] == prev_table.rows[0]:
                    rows = rows[1:]  # the header repeated on the new page
                lines.append("\n".join("\t".join(r).rstrip("\t") for r in rows))
                prev_table = prev_table if continued else table
                page_top, ends_open = False, True
            # a table is "open" only when it ends the page (a page number below it does not count)
            if not ends_open:
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
            title = without_site_name(title) if isinstance(title, str) and re.search(r"[\u4e00-\u9fff]", title) else None
        except Exception:
            title = None
    finally:
        try:
            pdf.close()
        except Exception:  # closing a damaged file can fail too; the error that matters is raised
            pass
    return LoadedText(path=p, format="pdf", text="".join(chunks), sha256=sha, pages=pages, title=title)
