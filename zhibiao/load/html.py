"""HTML pages saved from government sites: the article only, tables kept as tables.

The page's navigation, breadcrumbs, share buttons, scripts and footers are dropped; the main
content is the container with the most Chinese text and the fewest links. ``<table>`` elements
are read directly, honouring rowspan and colspan: one row per line, cells separated by tabs, a
cell merged down in its first row only, a cell merged across columns in each (load/cells.py). The metadata block most sites print above the
article (索引号, 发布机构, 发文字号, 成文日期 …) goes to ``LoadedText.metadata``.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from zhibiao.datafiles import load_yaml
from zhibiao.errors import LoadError
from zhibiao.load.cells import spread_across
from zhibiao.load.titles import without_site_name
from zhibiao.models import LoadedText

DROP_TAGS = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "button",
             "select", "input", "textarea", "svg", "canvas", "object", "embed", "template")
NOISE_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|share|bdshare|footer|foot|header|head-?top|sidebar|side|"
    r"toolbar|print|position|location|dqwz|weizhi|copyright|banner|search|login|related|xgwz|fenxiang)([\s_-]|$)",
    re.I,
)
CONTENT_ATTR = re.compile(r"(zoom|article|content|TRS_Editor|ccontent|pages_content|detail|Custom_UnionStyle|"
                          r"main-?text|news_?con|con_?text|wenzhang|zwgk_?content|view)", re.I)
WEB_PAGE = load_yaml("zhibiao.load", "data", "web_page.yaml")  # a page's furniture: its words
META_KEYS = tuple(WEB_PAGE["metadata_keys"])
META_LINE = re.compile(rf"^\s*(?:{'|'.join(META_KEYS)})\s*[:：]")
BLOCK_TAGS = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
              "blockquote", "pre", "center", "tr", "table", "main", "body", "font"}
# Inline elements: the whitespace at their edges is HTML's collapsible white space, one space at most —
# a page pretty-printed with the figure on lines of its own (完成\n  <strong>\n    1368.5\n  </strong>\n  亿元)
# reads as one sentence, not as four paragraphs
INLINE_TAGS = {"span", "strong", "b", "i", "em", "a", "u", "sub", "sup", "small", "big", "label", "code", "mark", "s",
               "strike", "ins", "del", "abbr", "cite", "q", "time", "var", "tt"}
EDGE = "\x00"  # an inline element's edge in the text being built
BREAK = "\x01"  # a line break the page's structure makes (never collapsed)
HTML_SPACE = " \t\r\n\f"
NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
# a line of a page's footer or of the tools around its article: a footer word, a site tool, or the
# font size buttons (字体：大 中 小)
FOOTER_LINE = re.compile("|".join([*map(re.escape, WEB_PAGE["footer_words"] + WEB_PAGE["site_tools"]),
                                   r"字体[:：]?\s*[\[【]?\s*[大中小]"]))


# Every element an lxml.html element (text_content, drop_tree), chosen in C: lxml.html's own lookup
# asks a Python method for each element Python touches — a form's fields get classes of their own
# there, which nothing here uses.
ELEMENT_CLASSES = etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
                                                  pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


def _parser() -> lxml.html.HTMLParser:
    """A parser for one page (a parser is not shared between threads)."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=False)
    parser.set_element_class_lookup(ELEMENT_CLASSES)
    return parser


def _cjk_count(el) -> int:
    return len(NOT_CJK.sub("", el.text_content() or ""))  # (its Chinese characters, counted a run at a time)


class _Piece:
    """What the container's choice needs of an element's text (``text_content()``: its text and its
    descendants', their tails included, its own tail not): how many Chinese characters, its length
    stripped, and the stripped lengths of the links within — summed from its children's, so that
    every element's is known after one walk of the page (``text_content()`` of each candidate read
    its whole subtree again: the page's text once per element holding it)."""

    __slots__ = ("cjk", "length", "lead", "trail", "links")

    def __init__(self, text: str = "") -> None:
        length = self.length = len(text)
        # (most of a page's text nodes are markup's spaces and line ends, or ASCII)
        self.cjk = 0 if text.isascii() else len(NOT_CJK.sub("", text))  # (a run at a time, not a character)
        self.lead = length - len(text.lstrip())  # leading whitespace (all of it when the text is blank)
        self.trail = length - len(text.rstrip())
        self.links = 0  # the stripped lengths of the <a> elements within

    def add(self, other: "_Piece") -> None:
        """``other``'s text appended to this one's (and its links counted)."""
        blank, other_blank = self.lead == self.length, other.lead == other.length
        self.lead = self.length + other.lead if blank else self.lead
        self.trail = other.length + self.trail if other_blank else other.trail
        self.length += other.length
        self.cjk += other.cjk
        self.links += other.links

    @property
    def stripped(self) -> int:
        """``len(text.strip())``."""
        return 0 if self.lead == self.length else self.length - self.lead - self.trail


def _pieces(root) -> dict:
    """Each element under ``root`` (itself included) -> its :class:`_Piece`, from one walk."""
    out: dict = {}
    stack = [(root, False)]
    while stack:
        el, done = stack.pop()
        if not done:
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el) if isinstance(child.tag, str))
            continue
        piece = _Piece(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                piece.add(out[child])
            if child.tail:
                piece.add(_Piece(child.tail))
        if el.tag == "a":
            piece.links += piece.stripped
        out[el] = piece
    return out


def _clean(root) -> None:
    for bad in root.xpath("//comment()"):
        parent = bad.getparent()
        if parent is not None:
            parent.remove(bad)
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join(filter(None, [el.get("class"), el.get("id")]))
        if attrs and NOISE_ATTR.search(attrs) and not CONTENT_ATTR.search(attrs) and el.find(".//table") is None:
            el.drop_tree()


def _main_container(root):
    candidates = []
    pieces = _pieces(root)
    for el in root.iter("div", "td", "article", "section", "main", "body"):
        piece = pieces[el]
        cjk = piece.cjk
        if cjk < 20:
            continue
        attrs = " ".join(filter(None, [el.get("class"), el.get("id")]))
        # (the share of its text in links: a page's menus are mostly links)
        score = cjk * (1.0 - piece.links / (piece.stripped or 1))
        if attrs and CONTENT_ATTR.search(attrs):
            score *= 1.5
        candidates.append((score, cjk, el))
    if not candidates:
        return root
    best_score = max(c[0] for c in candidates)
    # the deepest container that still holds most of the best text: not the whole page
    good = [c for c in candidates if c[0] >= 0.8 * best_score]
    good.sort(key=lambda c: len(list(c[2].iterancestors())), reverse=True)
    return good[0][2]


def _table_rows(table) -> list[str]:
    grid: dict[tuple[int, int], str] = {}
    taken: set[tuple[int, int]] = set()
    across: list[tuple[int, int, int]] = []  # (row, column, columns spanned) of a cell merged across
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            try:
                rowspan = max(1, min(int(cell.get("rowspan", "1") or 1), 500))
                colspan = max(1, min(int(cell.get("colspan", "1") or 1), 100))
            except ValueError:
                rowspan = colspan = 1
            text = " ".join(_inline_text(cell).split())
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            grid[(r, c)] = text  # a cell merged down: its text in its first row only
            if colspan > 1:
                across.append((r, c, colspan))
            c += colspan
    out = []
    width = max((c for _r, c in taken), default=-1) + 1
    for r in range(len(rows)):
        cells = [grid.get((r, c), "") for c in range(width)]
        out_row = spread_across(cells, [(c, n) for rr, c, n in across if rr == r])
        while out_row and not out_row[-1]:
            out_row.pop()
        if any(out_row):
            out.append("\t".join(out_row))
    return out


def _nearest_table(el):
    for anc in el.iterancestors():
        if anc.tag == "table":
            return anc
    return None


def _inline_text(el) -> str:
    parts = []
    for node in el.iter():
        if node.tag == "br":
            parts.append(" ")
        if node is not el and node.tag == "table":
            continue
        if node.text and node.tag not in ("table",):
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _collapse_inline_edges(text: str) -> str:
    """The white space around each inline element's edge (EDGE) one space where it holds a line
    break, else as printed; the edges dropped. Each character is looked at a bounded number of times."""
    parts: list[str] = []
    pos = 0
    i = text.find(EDGE)
    while i >= 0:
        a = i
        while a > pos and text[a - 1] in HTML_SPACE:
            a -= 1
        b = i
        while b < len(text) and (text[b] in HTML_SPACE or text[b] == EDGE):
            b += 1
        run = text[a:b]
        parts.append(text[pos:a])
        parts.append(" " if "\n" in run else run.replace(EDGE, ""))
        pos = b
        i = text.find(EDGE, b)
    parts.append(text[pos:])
    return "".join(parts)


def _page_text(piece: str) -> str:
    return piece.replace(EDGE, "").replace(BREAK, "") if EDGE in piece or BREAK in piece else piece


def _to_text(container) -> str:
    out: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if tag == "table":
            out.append(BREAK)
            out.append(_page_text("\n".join(_table_rows(el))))
            out.append(BREAK)
            return
        if tag == "br":
            out.append(BREAK)
        elif tag in BLOCK_TAGS:
            out.append(BREAK)
        inline = tag in INLINE_TAGS
        if inline:
            out.append(EDGE)
        if el.text:
            out.append(_page_text(el.text))
        for child in el:
            walk(child)
            if child.tail:
                out.append(_page_text(child.tail))
        if inline:
            out.append(EDGE)
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "section", "article"):
            out.append(BREAK)

    try:
        walk(container)
    except RecursionError:  # absurdly deep markup: keep the text, lose the layout
        out[:] = ["\n".join(t.strip() for t in container.itertext() if t.strip())]
    text = _collapse_inline_edges("".join(out)).replace(BREAK, "\n").replace("\xa0", " ")
    lines = [ln.rstrip() for ln in text.split("\n")]
    kept = [ln for ln in lines if not FOOTER_LINE.search(ln) or len(ln) > 80]
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _metadata(root, page_text: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for m in root.iter("meta"):
        name, content = (m.get("name") or "").strip(), (m.get("content") or "").strip()
        if name in ("ArticleTitle", "PubDate", "ContentSource", "ColumnName") and content:
            meta[name] = content
    keys = "|".join(META_KEYS)
    for key in META_KEYS:
        # a key of the page's furniture opens its line or follows a space or a bracket: 数据来源： in a table's note,
        # 信息来源 for 来源, are other words
        m = re.search(rf"(?<![^\s【\[|丨/]){key}\s*[:：]\s*(.+?)(?=\s+(?:{keys})\s*[:：]|[】\]]|\n|$)", page_text)
        if m and m.group(1).strip() and key not in meta:
            value = m.group(1).strip()
            if not re.match(rf"^(?:{keys})\s*[:：]", value):
                meta[key] = value
    return meta


# a line of the page's furniture between its headline and its article (发布时间：… 来源：… 浏览次数：…)
HEAD_FURNITURE = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, [*WEB_PAGE['metadata_keys'], *WEB_PAGE['line_labels']]))})\s*[:：]?")
HEAD_BLOCK_LINES = 6  # the most lines a head block between a headline and the article holds
HEAD_BLOCK_CHARACTERS = 300


def _head_block(heading, container) -> str:
    """The lines between a page's headline and the container its article was found in, printed beside
    them (a delivery note ——2026年1月9日在…会议上, a byline, a date line: the headline's following siblings
    up to the one holding the container), which belong to the article: a few short lines, none of the
    page's furniture (发布时间：…, 字号 大 中 小); "" when there are none or too many (or the container is not
    among the siblings)."""
    head: list[str] = []
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling is container or any(a is sibling for a in container.iterancestors()):
            break
        line = " ".join(sibling.text_content().split())
        if line and not HEAD_FURNITURE.match(line) and not FOOTER_LINE.search(line):
            head.append(line)
    else:
        return ""  # (the container is not below the headline's siblings: nothing between them known)
    if len(head) > HEAD_BLOCK_LINES or sum(map(len, head)) > HEAD_BLOCK_CHARACTERS:
        return ""
    return "\n".join(head)


def load_html(path: str | Path, text: str, sha: str, encoding: str) -> LoadedText:
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(str(path), f"HTML could not be parsed: {exc}") from None
    title_el = root.find(".//title")
    page_title = (title_el.text_content() if title_el is not None else "") or ""
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    whole = _to_text(root)
    meta = _metadata(root, whole)
    _clean(root)
    container = _main_container(root)
    body = _to_text(container)
    body = "\n".join(ln for ln in body.split("\n") if not META_LINE.match(ln))
    title = meta.get("ArticleTitle")
    heading = None  # (the title's heading, when it stands above the container, not in it)
    if not title:
        for tag in ("h1", "h2"):
            h = container.find(f".//{tag}") if container is not root else None
            h = h if h is not None else root.find(f".//{tag}")
            if h is not None and len(h.text_content().strip()) >= 6:
                title = " ".join(h.text_content().split())
                if container is not root and all(a is not container for a in h.iterancestors()):
                    heading = h
                break
    if not title and page_title:
        title = without_site_name(page_title) or None
    if title and title not in body[:400]:
        head = _head_block(heading, container) if heading is not None else ""
        body = title + ("\n" + head if head else "") + "\n\n" + body
    if not body.strip():
        raise LoadError(str(path), "HTML page has no text content")
    return LoadedText(path=str(path), format="html", text=body, sha256=sha, encoding=encoding,
                      metadata=meta, title=title)


def page_outline(text: str) -> tuple[list[tuple[str, str]], int]:
    """What a fetcher needs to know of a page: its links outside navigation and footers, as
    (href, link text), and how many Chinese characters its main content has outside links (an
    article wrapping an attachment has few; a page that is the document has many)."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError):
        return [], 0
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    _clean(root)
    links = [((a.get("href") or "").strip(), " ".join((a.text_content() or "").split()))
             for a in root.iter("a") if (a.get("href") or "").strip()]
    container = _main_container(root)
    own = _cjk_count(container) - sum(_cjk_count(a) for a in container.iter("a"))
    return links, max(own, 0)
