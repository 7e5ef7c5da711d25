#!/usr/bin/env python3
"""Score the extractor on the project's own corpus (tests/corpus/), without ../shared.

Each document in tests/corpus has ``<file>.jsonl``: its expected output in the
../shared/gold/SCHEMA.md format. Predicted lines are paired with expected lines the way the shared
scorer pairs them — by kind, year (and, for actuals, measure), then the normalised name and
parent; what stays unpaired is paired with the closest name (difflib ratio ≥ 0.8, or one name
inside the other), preferring the candidate that states the same figure. On paired lines the
value, upper value, comparator, kind and unit are graded ("exact" = all of them right); a decline
counts either as growth −X or as X under a name that carries the verb. Lines marked ``optional``
earn nothing when missed and cost nothing when found.

One difference from ../shared/score.py, on purpose: our expected outputs list *every* result, so
actuals are graded on every document (a predicted actual on a document that expects none is a
false positive there, where the shared scorer skips the document).

    .venv/bin/python tests/corpus_score.py            # a table per document and the totals
    .venv/bin/python tests/corpus_score.py -v         # and every miss, extra line and wrong field
    .venv/bin/python tests/corpus_score.py --json     # one JSON summary
    .venv/bin/python tests/corpus_score.py tests/corpus/wr_news_hubei_2024.txt   # some documents
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable

CORPUS = Path(__file__).resolve().parent / "corpus"
GRADED = ("value", "value_high", "comparator", "kind", "unit")
DOC_FIELDS = ("doc_type", "region", "region_level", "region_code", "parent_region", "plan_year", "issuer",
              "doc_number", "issued_on")
_NAME_NOISE = re.compile(r"[\s\u3000“”\"'‘’《》、，,。:：;；·]")
_DECLINE = re.compile(r"下降|降低|减少|減少|降幅")
# units in traditional characters compare equal to their simplified forms (萬人 = 万人)
_TRAD = str.maketrans("萬億噸畝戶輛個頃裡間臺條項處標", "万亿吨亩户辆个顷里间台条项处标")


def norm_name(s: str | None) -> str:
    """A name as a reader compares it: width, spaces, brackets, list numbering and notes ignored."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"^\s*\d+\s*[.、]\s*", "", s)
    s = re.sub(r"[（(]注[)）]", "", s)
    s = s.replace("（", "(").replace("）", ")")
    return _NAME_NOISE.sub("", s).lower()


def norm_unit(u: str | None) -> str:
    if not u:
        return ""
    u = unicodedata.normalize("NFKC", u).replace(" ", "").translate(_TRAD)
    if u.startswith("个百分点"):
        u = u[1:]
    return {"μg/m3": "微克/立方米", "ug/m3": "微克/立方米"}.get(u, u)


def _number(x) -> Decimal | None:
    if x is None:
        return None
    try:
        return Decimal(str(x))
    except InvalidOperation:
        return None


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    da, db = _number(a), _number(b)
    return da is not None and db is not None and da == db


def is_graded(name: str, gold: dict) -> bool:
    """Units count on numeric lines only (a table's unit column may print one beside a wording)."""
    return name in gold and (name != "unit" or gold.get("kind", "numeric") == "numeric")


def field_right(name: str, gold: dict, pred: dict) -> bool:
    g, p = gold.get(name), pred.get(name)
    if name in ("value", "value_high"):
        if same_number(g, p):
            return True
        if _DECLINE.search((gold.get("name") or "") + (pred.get("name") or "")) and _number(g) is not None:
            return same_number(-_number(g), p)  # 下降3% read as growth −3 or as 3 under a name with the verb
        return False
    if name == "unit":
        return norm_unit(g) == norm_unit(p)
    return (g or None) == (p or None)


def pair_lines(gold: list[dict], pred: list[dict], kind: str) -> list[tuple[dict, dict]]:
    """Pair expected and predicted lines of one kind (see the module docstring)."""
    def bucket(line: dict) -> tuple:
        return (line.get("year"), line.get("measure")) if kind == "actual" else (line.get("year"),)

    pairs: list[tuple[dict, dict]] = []
    taken: set[int] = set()
    free = list(pred)
    for strict in (True, False):
        for g in gold:
            if id(g) in taken:
                continue
            gn, gp = norm_name(g.get("name")), norm_name(g.get("parent"))
            best, best_score = None, 0.0
            for p in free:
                if bucket(p) != bucket(g):
                    continue
                pn, pp = norm_name(p.get("name")), norm_name(p.get("parent"))
                if strict:
                    if pn != gn or (gp and pp and pp != gp):
                        continue
                    score = 2.0 if pp == gp else 1.5
                else:
                    score = max(difflib.SequenceMatcher(None, gn, pn).ratio(),
                                difflib.SequenceMatcher(None, gp + gn, pp + pn).ratio())
                    if gn and pn and (gn in pn or pn in gn):
                        score = max(score, 0.85)
                    if score < 0.8:
                        continue
                    if same_number(g.get("value"), p.get("value")):
                        score += 0.1
                if score > best_score:
                    best, best_score = p, score
            if best is not None:
                pairs.append((g, best))
                taken.add(id(g))
                free.remove(best)
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def document_fields(extraction: dict) -> dict:
    """The document line of an extraction, flattened like the expected one."""
    d = extraction.get("document") or {}
    region = d.get("region") if isinstance(d.get("region"), dict) else {}
    parent = region.get("parent")
    return {
        "doc_type": d.get("doc_type"), "region": region.get("name"), "region_level": region.get("level"),
        "region_code": region.get("code"),
        # the expected files give a province no parent region; the registry names the country
        "parent_region": None if parent == "中华人民共和国" else parent,
        "plan_year": d.get("plan_year"), "issuer": d.get("issuer"), "doc_number": d.get("doc_number"),
        "issued_on": d.get("issued_on"),
    }


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[2]

    @property
    def exact_share(self) -> float:
        return self.exact / self.gold if self.gold else 1.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "exact": round(self.exact_share, 4)}


@dataclass
class CorpusScore:
    targets: KindScore = field(default_factory=KindScore)
    actuals: KindScore = field(default_factory=KindScore)
    documents: int = 0
    doc_fields_wrong: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in DOC_FIELDS})
    estimated_wrong: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    per_document: list[dict] = field(default_factory=list)
    group_predictions: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def groups(self) -> dict:
        """Every line of one expected group should carry one indicator, distinct across groups."""
        majority = {g: Counter(v).most_common(1)[0][0] for g, v in self.group_predictions.items() if v}
        lines = sum(len(v) for v in self.group_predictions.values())
        consistent = sum(sum(1 for x in v if x is not None and x == majority[g]) for g, v in self.group_predictions.items())
        owners = Counter(v for v in majority.values() if v is not None)
        return {"lines": lines, "consistent": round(consistent / lines, 4) if lines else None,
                "collisions": sum(c - 1 for c in owners.values() if c > 1)}

    def as_dict(self) -> dict:
        return {"documents": self.documents, "target": self.targets.as_dict(), "actual": self.actuals.as_dict(),
                "document_fields": {f: round(1 - len(w) / self.documents, 4) if self.documents else None
                                    for f, w in self.doc_fields_wrong.items()},
                "document_fields_wrong": {f: w for f, w in self.doc_fields_wrong.items() if w},
                "estimated_wrong": self.estimated_wrong, "groups": self.groups(), "per_document": self.per_document}


def load_expected(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _extract_in_process(doc: Path) -> dict:
    from zhibiao.api import extract_file

    return extract_file(doc).to_dict()


def score_documents(docs: Iterable[Path], extract: Callable[[Path], dict] = _extract_in_process) -> CorpusScore:
    """Extract each document (``extract`` returns the extraction JSON as a dict) and score it
    against ``<document>.jsonl``."""
    result = CorpusScore()
    for doc in docs:
        expected = load_expected(doc.with_name(doc.name + ".jsonl"))
        name = doc.name
        try:
            out = extract(doc)
        except Exception as exc:  # a crash scores as an empty extraction and is reported
            result.problems.append(f"{name}: extraction failed: {exc}")
            out = {}
        result.documents += 1
        row = {"doc": name}
        want = next((g for g in expected if g["type"] == "document"), None)
        got = document_fields(out)
        if want is not None:
            for f in (f for f in DOC_FIELDS if f in want):
                if (want.get(f) or None) != (got.get(f) or None):
                    result.doc_fields_wrong[f].append(name)
                    result.problems.append(f"{name}: document.{f}: expected {want.get(f)!r}, got {got.get(f)!r}")
        for kind, plural, totals in (("target", "targets", result.targets), ("actual", "actuals", result.actuals)):
            gold = [g for g in expected if g["type"] == kind]
            pred = [p for p in (out.get(plural) or []) if isinstance(p, dict)]
            pairs = pair_lines(gold, pred, kind)
            optional_found = sum(1 for g, _ in pairs if g.get("optional"))
            required_pairs = [(g, p) for g, p in pairs if not g.get("optional")]
            n_gold = sum(1 for g in gold if not g.get("optional"))
            totals.gold += n_gold
            totals.predicted += len(pred) - optional_found
            totals.matched += len(required_pairs)
            row[kind] = f"{len(required_pairs)}/{n_gold} of {len(pred)}"
            for g, p in required_pairs:
                wrong = [f for f in GRADED if is_graded(f, g) and not field_right(f, g, p)]
                totals.exact += not wrong
                if wrong:
                    result.problems.append(f"{name}: {kind} {g['year']} {g['name']!r}: " + ", ".join(
                        f"{f} expected {g.get(f)!r} got {p.get(f)!r}" for f in wrong))
                if kind == "actual" and bool(g.get("estimated")) != bool(p.get("estimated")):
                    result.estimated_wrong.append(f"{name}: {g['name']} {g['text']}")
                if g.get("group"):
                    result.group_predictions[g["group"]].append(p.get("indicator"))
            paired_gold = {id(g) for g, _ in pairs}
            paired_pred = {id(p) for _, p in pairs}
            result.problems += [f"{name}: missed {kind} {g['year']} {g.get('parent') or ''}/{g['name']} {g['text']!r}"
                                for g in gold if id(g) not in paired_gold and not g.get("optional")]
            result.problems += [f"{name}: extra {kind} {p.get('year')} {p.get('parent') or ''}/{p.get('name')} "
                                f"{p.get('text')!r}" for p in pred if id(p) not in paired_pred]
        result.per_document.append(row)
    return result


def corpus_documents(folder: Path = CORPUS) -> list[Path]:
    return sorted(p.with_name(p.name[: -len(".jsonl")]) for p in folder.glob("*.jsonl"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="*", type=Path, help="documents to score (default: every one in tests/corpus)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, extra line and wrong field")
    ap.add_argument("--json", action="store_true", help="print one JSON summary")
    args = ap.parse_args(argv)
    result = score_documents(args.docs or corpus_documents())
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return 0
    for row in result.per_document:
        print(f"{row['doc']:44s} targets {row['target']:>14s}   actuals {row['actual']:>14s}")
    if args.verbose:
        for line in result.problems:
            print("  " + line)
        for line in result.estimated_wrong:
            print("  estimated flag wrong: " + line)
    for label, s in (("targets", result.targets), ("actuals", result.actuals)):
        print(f"{label}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} exact={s.exact_share:.3f} "
              f"({s.matched} of {s.gold} expected, {s.predicted} predicted)")
    print("document fields wrong: " + (", ".join(f"{f} {len(w)}" for f, w in result.doc_fields_wrong.items() if w)
                                       or "none"))
    print(f"estimated flags wrong: {len(result.estimated_wrong)}; groups: {result.groups()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
