"""Numbers as printed: Arabic (6.5, 1,234.5) and Chinese (百分之五, 千分之三, 一千二百万, 三点五), always to
``Decimal`` from the printed digits — never through a binary float."""
from __future__ import annotations

from typing import Final

import re
from typing import NamedTuple
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from zhibiao.extract.lexicon import LEX
from zhibiao.text.scan import scanner


CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_CHARS: Final = "零〇一二两三四五六七八九十百千万亿点"
CN_DIGIT_VALUES: Final = {ch: Decimal(v) for ch, v in CN_DIGITS.items()}  # (parse_chinese of each alone)
ARABIC: Final = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A Chinese numeral starts where its run of numeral characters starts (the look-behind), and its
# first part holds none of the characters the second requires: the same matches as
# [CN]*[digit][CN]*, without rescanning a long run of 万万万… from each of its characters.
CHINESE: Final = rf"(?<![{CN_CHARS}])[百千万亿点]*[零〇一二两三四五六七八九十][{CN_CHARS}]*"
MAX_NUMBER_CHARS: Final = 40  # no printed figure is longer: a longer run of digits or numerals is not a figure
# a fraction in words before a number (百分之五: 5 %, 千分之三: 3 ‰), and a sign in words before it
# (负千分之一点二): the lexicon's units.fraction_words and units.negative_words
FRACTION_UNITS: Final = {str(k): str(v) for k, v in LEX.get("units.fraction_words").items()}
FRACTION_WORDS: Final = LEX.alt("units.fraction_words")
# a minus sign before digits (增长-0.5%, 为-5.11‰, a table cell -3.1), never a hyphen between
# numbers (6-6.5%, 2021-2025年, 1-9月) or after a letter (GB-5)
# (a scanner: a position that cannot start a number — one not a digit, a minus sign, 百 or a
# Chinese numeral — is refused on its first character, not after the whole pattern is tried)
# A number printed in round brackets (a county bulletin's template: 增长（-2.3）%, a cell (-6.4)) is one
# figure with its brackets when it carries its sign, or when a per-cent sign follows the bracket (下降（0.8）%);
# a bare (2) is a list item's number, not a figure
BRACKETED: Final = rf"[（(][-−]{ARABIC}[）)]|[（(]{ARABIC}[）)](?=\s?[%‰])"
NUMBER: Final = scanner(rf"(?:(?P<neg>{LEX.alt('units.negative_words')})?(?P<frac>{FRACTION_WORDS}))?"
                        rf"(?:(?P<ar>{BRACKETED}|(?:(?<![0-9A-Za-z%.])[-−])?{ARABIC})|(?P<cn>{CHINESE}))")
OPEN_BRACKETS: Final = "（("  # (BRACKETED's opening brackets)
assert NUMBER.groups == 4, "iter_numbers reads NUMBER's groups by position: neg, frac, ar, cn"


# a magnitude alone after a verb reaching or passing it (突破千亿元, 超百亿元): one of it, before the larger
# magnitude of its unit (千亿元 is 1000 of 亿元); the verb must be printed just before it
BARE_MAGNITUDES: Final = {str(k): Decimal(v) for k, v in LEX.get("units.bare_magnitudes").items()}
BARE_MAGNITUDE: Final = scanner(rf"(?<![{CN_CHARS}])[{''.join(BARE_MAGNITUDES)}](?=[万亿])")
BARE_MAGNITUDE_CHARS: Final = tuple(BARE_MAGNITUDES)  # (every match of BARE_MAGNITUDE is one of them)
BARE_MAGNITUDE_LEADS: Final = tuple(sorted(set(LEX.words("comparators.above_before", "comparators.about_before",
                                                         "comparators.at_least_before", "comparators.milestone_verbs",
                                                         "units.bare_magnitude_leads")),
                                           key=len, reverse=True))


def bare_magnitude_lead(text: str, start: int, leads: tuple[str, ...] = BARE_MAGNITUDE_LEADS) -> int:
    """The length of the verb a magnitude alone at ``start`` needs before it to be a figure (突破 of 突破千亿元),
    0 when none stands there."""
    for word in leads:
        if text.startswith(word, start - len(word)) and start >= len(word):
            return len(word)
    return 0


# tenths (增长两成: 20%), a fraction in words after its numeral, after a verb of change or reaching
TENTHS: Final = scanner(rf"(?<![{CN_CHARS}])([一二两三四五六七八九])(?:{LEX.alt('units.tenth_words')})")
TENTH_WORDS: Final = LEX.words("units.tenth_words")  # (every match of TENTHS holds one)
TENTH_LEADS: Final = tuple(sorted(set(BARE_MAGNITUDE_LEADS + LEX.words("measures.growth_verbs", "measures.decline_verbs")),
                                  key=len, reverse=True))


class NumberError(ValueError):
    pass


def parse_arabic(text: str) -> Decimal:
    if "," in text or "−" in text:  # (most figures have neither: no copies made)
        text = text.replace(",", "").replace("−", "-")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex only lets digits through
        raise NumberError(f"not a number: {text!r}") from exc


# 十, 十八, 二十, 三十五: read here, as cn2an reads them (it takes ~10 µs a call)
TENS: Final = re.compile("([一二三四五六七八九]?)十([一二三四五六七八九]?)")
ONE_TO_NINE: Final = frozenset("一二两三四五六七八九")
DECIMAL_MAGNITUDES: Final = {"万": 10000, "亿": 100000000}  # (万亿: both, one after the other)


@lru_cache(maxsize=8192)
def parse_chinese(text: str) -> Decimal:
    """一千二百万 -> 12000000, 三点五 -> 3.5, 二〇二四 -> 2024 (digit by digit)."""
    if not text or any(ch not in CN_CHARS for ch in text):
        raise NumberError(f"not a Chinese numeral: {text!r}")
    whole, _, frac = text.partition("点")
    if any(ch in "点" for ch in frac):
        raise NumberError(f"two decimal points: {text!r}")
    scale = 1
    while frac[-1:] in DECIMAL_MAGNITUDES:  # 二十一点三亿, 三点五万: the magnitude after the decimals
        scale *= DECIMAL_MAGNITUDES[frac[-1]]
        frac = frac[:-1]
    if frac and any(ch not in CN_DIGITS for ch in frac):
        raise NumberError(f"bad decimals: {text!r}")
    if whole and all(ch in CN_DIGITS for ch in whole) and len(whole) > 1:
        integer = int("".join(str(CN_DIGITS[ch]) for ch in whole))  # 二〇二四: read digit by digit
    elif len(whole) == 1 and whole in CN_DIGITS:
        integer = CN_DIGITS[whole]  # 一, 两, 〇: most Chinese numerals in a text (进一步, 一批, 三是)
    elif whole and (tens := TENS.fullmatch(whole)):
        integer = CN_DIGITS.get(tens.group(1), 1) * 10 + CN_DIGITS.get(tens.group(2), 0)  # 十八, 二十, 三十五
    elif len(whole) == 3 and whole[0] == "十" and whole[1] in ONE_TO_NINE and whole[2] in ONE_TO_NINE:
        # 十四五 (a five-year plan's name, in nearly every document): no numeral, as cn2an says — refused
        # here, not after cn2an's ≈ 180,000 instructions and its exception
        raise NumberError(f"not a Chinese numeral: {text!r}")
    elif whole:
        try:
            # cn2an returns an int for a whole number: exact. 两/〇 are spelled out first.
            import cn2an  # imported on first use: it takes ~0.1 s, and most figures are digits

            integer = cn2an.cn2an(whole.replace("两", "二").replace("〇", "零"), "normal")
        except (ValueError, KeyError) as exc:
            raise NumberError(f"not a Chinese numeral: {text!r}") from exc
        if not isinstance(integer, int):
            raise NumberError(f"not a whole number: {text!r}")
    else:
        integer = 0
    digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
    if scale > 1:
        if not digits:
            raise NumberError(f"bad decimals: {text!r}")  # (三点万: no decimal digit before the magnitude)
        return (Decimal(f"{integer}.{digits}") * scale).normalize() + 0
    return Decimal(f"{integer}.{digits}") if digits else Decimal(integer)


class NumberMatch(NamedTuple):
    """A number as printed, with its offsets (a named tuple: thousands are made per document)."""

    value: Decimal
    start: int
    end: int
    fraction: str  # the unit of a fraction written in words before it: "%" (百分之五), "‰" (千分之三), else ""
    chinese: bool


# NumberMatch(value, start, end, fraction, chinese) made by the tuple's own constructor: the named
# tuple's __new__ is a Python function, and thousands of numbers are read per document
_new_tuple: Final = tuple.__new__


@lru_cache(maxsize=16384)
def find_numbers(text: str) -> tuple[NumberMatch, ...]:
    """Every number in ``text`` with its offsets, Chinese numerals included (cached: the
    extractors read the same clauses more than once)."""
    return tuple(iter_numbers(text))


def iter_numbers(text: str) -> list[NumberMatch]:
    """The numbers of :func:`find_numbers`, not cached, as a list (built by a plain loop, not a
    generator: its callers read them all anyway; the generator's protocol cost little — ≈ 1.5 % of
    reading a sentence's numbers, whose cost is NUMBER's scan and the numbers built)."""
    out: list[NumberMatch] = []
    for m in NUMBER.finditer(text):
        start, end = m.span()
        if end - start > MAX_NUMBER_CHARS:
            continue  # (and int() refuses more than 4300 digits)
        negative, fraction, arabic, chinese = m.groups()  # (neg, frac, ar, cn: the pattern's groups in order)
        unit = FRACTION_UNITS[fraction] if fraction else ""
        if arabic:
            # (parse_arabic's work inlined for the common form: digits, a sign and a point only — the
            # pattern lets nothing else through — go straight to Decimal)
            if arabic[0] in OPEN_BRACKETS:
                arabic = arabic[1:-1]  # (a bracketed figure: its brackets are the span's, not the number's)
            value = parse_arabic(arabic) if "," in arabic or "−" in arabic else Decimal(arabic)
            out.append(_new_tuple(NumberMatch, (-value if negative else value, start, end, unit, False)))
        elif chinese:
            digit = CN_DIGIT_VALUES.get(chinese)  # (一 of 进一步, 三 of 三是: most Chinese numerals are one digit)
            if digit is not None:
                value = digit
            else:
                try:
                    value = parse_chinese(chinese)
                except NumberError:
                    continue
            out.append(_new_tuple(NumberMatch, (-value if negative else value, start, end, unit, True)))
    # (each scan below only where its match's one character is: most texts hold none — str's search
    # for a character is far cheaper than the pattern's scan)
    bare = [m for m in BARE_MAGNITUDE.finditer(text) if bare_magnitude_lead(text, m.start())] \
        if any(c in text for c in BARE_MAGNITUDE_CHARS) else None
    if bare:
        out.extend(_new_tuple(NumberMatch, (BARE_MAGNITUDES[m.group()], m.start(), m.end(), "", True)) for m in bare)
        out.sort(key=lambda n: n.start)
    tenths = [m for m in TENTHS.finditer(text) if bare_magnitude_lead(text, m.start(), TENTH_LEADS)] \
        if any(w in text for w in TENTH_WORDS) else None
    if tenths:
        at = {m.start(): m for m in tenths}  # (the numeral read alone is replaced by its tenths)
        out = [n if n.start not in at else _new_tuple(NumberMatch, (Decimal(CN_DIGITS[at[n.start].group(1)] * 10), n.start,
                                                                        at[n.start].end(), "%", True)) for n in out]
    return out


def prints_number(text: str, value: Decimal) -> bool:
    """Whether :func:`find_numbers` of ``text`` holds ``value`` or its negation, where the answer is
    found by ``str.find``: ``value``'s digits as ``str`` writes them, bounded on neither side by a digit,
    a point or a comma — no longer number holds them, and what may stand before them as a number's
    (a sign, a bracket, 负, 百分之) changes no digit, only the sign. ``False`` says only "not printed
    so": 1,234, 6.50 for 6.5 or a Chinese numeral are left to :func:`find_numbers` itself."""
    digits = str(value)
    if digits[:1] == "-":
        digits = digits[1:]
    if not digits or digits.strip("0123456789.") or len(digits) > MAX_NUMBER_CHARS // 2:
        return False  # (an exponent, 1E+3, is printed by no text; a figure that long is read by no one)
    at = text.find(digits)
    while at >= 0:
        end = at + len(digits)
        if not (at and (text[at - 1].isdecimal() or text[at - 1] in ".,")) and not (
                end < len(text) and (text[end].isdecimal() or (text[end] in ".," and text[end + 1:end + 2].isdecimal()))):
            return True
        at = text.find(digits, at + 1)
    return False


def read_back(text: str) -> Decimal | None:
    """The single number printed in ``text`` (used to verify an extracted value against its span)."""
    nums = find_numbers(text)
    return nums[0].value if len(nums) == 1 else None
