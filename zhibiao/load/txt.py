"""Plain text in any common encoding: UTF-8 (with or without BOM), UTF-16, GBK/GB18030."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from zhibiao.errors import LoadError

CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))


_CJK_CLASS = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]"
# runs of CJK characters and of spaces (the characters str.isspace accepts), written "[…][…]*": a
# pattern opening with a class is scanned for fast
CJK_RUN = re.compile(f"{_CJK_CLASS}{_CJK_CLASS}*")
SPACE_RUN = re.compile(r"\s\s*")


def _cjk_share(text: str) -> float:
    """The share of CJK characters among the first 4,000 that are not spaces (counted by the
    regex engine, run by run: a character-by-character loop in Python cost ~2 ms per GBK
    document, a list of every character ~1 ms)."""
    if not text:
        return 0.0
    sample = text[:4000]
    cjk = sum(map(len, CJK_RUN.findall(sample)))
    return cjk / max(1, len(sample) - sum(map(len, SPACE_RUN.findall(sample))))


# Chinese characters and the punctuation and full-width forms Chinese text uses (，。：（）％)
CHINESE_OR_ASCII = re.compile(r"[\x00-\x7f\u3000-\u303f\uff00-\uffef"
                              + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]*")


def _only_chinese_beyond_ascii(text: str) -> bool:
    """A text of figures and a few Chinese marks (2025。, 6.5％): each character beyond ASCII is
    Chinese — GB18030's reading, where a guess from so few bytes (Big5) reads other symbols."""
    return not text.isascii() and CHINESE_OR_ASCII.fullmatch(text) is not None


# scripts a Chinese text does not write in: Greek, Cyrillic, box drawing, kana, bopomofo, Hangul, the
# private use area, small form variants — what GB18030 reads Big5 bytes as (資料圖 據交匯點 → 戈瓜
# 沮ユ蹲翴), and Big5 GB18030's (、% 万万（） → ﹜% 勀勀ㄗㄘ): a reading that holds them is not the text's
FOREIGN = re.compile(r"[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u318f\u31a0-\u31bf\uac00-\ud7af"
                     r"\ue000-\uf8ff\ufe50-\ufe6f]")
FOREIGN_SHARE = 0.01


def _reads_as_chinese(text: str) -> bool:
    """Mostly Chinese characters among the first 4,000, and next to none of another script."""
    if not (_cjk_share(text) > 0.2 or _only_chinese_beyond_ascii(text)):
        return False
    sample = text[:4000]
    return len(FOREIGN.findall(sample)) <= FOREIGN_SHARE * len(sample)


# A short text may read as Chinese in both GB18030 and Big5 (億億億 in Big5 is 货货货 in GB18030):
# too few characters for another script's to show. Below this size, when both readings are Chinese,
# charset-normalizer's measure of each (its frequencies of Chinese characters) decides; a longer
# text's wrong reading shows other scripts (kana, box drawing, the private use area), and is
# not measured (it would cost a document milliseconds).
ARBITRATED_BYTES = 4096


def _gb_or_big5(data: bytes, gb_text: str) -> tuple[str, str]:
    """(text, encoding) of a short text that reads as Chinese in GB18030: Big5's reading instead
    when it reads as Chinese too and charset-normalizer prefers it."""
    try:
        big5_text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return gb_text, "gb18030"
    if big5_text == gb_text or not _reads_as_chinese(big5_text):
        return gb_text, "gb18030"
    best = from_bytes(data, cp_isolation=["gb18030", "big5hkscs"]).best()
    if best is not None and best.encoding == "big5hkscs":
        return big5_text, "big5hkscs"
    return gb_text, "gb18030"


# a text marked UTF-16/32 whose bytes do not all decode: a download cut short loses its last
# character; more than this share undecodable is no text in that encoding
MARKED_DAMAGE_SHARE = 0.01


def _decode_marked(data: bytes, codec: str, path: str) -> tuple[str, str]:
    """(text, encoding) of a text opening with ``codec``'s byte order mark."""
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
    if text.count("\ufffd") <= max(1, MARKED_DAMAGE_SHARE * len(text)):
        return text, f"{codec} (with undecodable bytes replaced)"
    raise LoadError(path, f"damaged {codec.upper()} text (marked {codec.upper()}, but its bytes do not decode)")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding). UTF-8 and BOM-marked encodings are unambiguous and tried first; then
    GB18030 (a superset of GBK, the usual encoding of government sites) and Big5 when either gives
    Chinese text; charset-normalizer decides the rest."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    # UTF-32's marks open with UTF-16's (FF FE 00 00): tried first
    for marks, codec in (((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
                         ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16")):
        if data.startswith(marks):
            return _decode_marked(data, codec, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte is NUL for ASCII, never for GB text (a text with fewer
    # NUL bytes than that in all is neither: its halves are not copied to be counted)
    utf16 = len(data) >= 4 and data.count(0) > len(data) // 4
    if utf16 and data[1::2].count(0) > len(data) // 4:
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if utf16 and data[0::2].count(0) > len(data) // 4:
        try:
            return data.decode("utf-16-be"), "utf-16-be"
        except UnicodeDecodeError:
            pass
    # GB18030 (the mainland's sites), then Big5 with Hong Kong's characters (a traditional repost):
    # Big5's bytes are valid GB18030 too, read as other scripts' characters
    for encoding in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text):
            if encoding == "gb18030" and len(data) < ARBITRATED_BYTES:
                return _gb_or_big5(data, text)
            return text, encoding
    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    # Mixed or damaged encodings (a UTF-8 page with a GBK paragraph pasted in): keep the reading
    # with the fewest undecodable bytes, when they are few.
    readings = [(data.decode(enc, errors="replace"), enc) for enc in ("utf-8", "gb18030")]
    text, enc = min(readings, key=lambda r: r[0].count("\ufffd"))
    if text and text.count("\ufffd") / len(text) < 0.2 and _cjk_share(text) > 0.2:
        return text, f"{enc} (with undecodable bytes replaced)"
    from zhibiao.load import binary_data  # (the package imports this module: not at the top)

    raise binary_data(path)
