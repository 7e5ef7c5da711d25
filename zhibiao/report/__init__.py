"""Reports to hand upward: a region-year's 目标完成情况 as a Word document or a workbook.

    import zhibiao
    from zhibiao.report import write_report
    write_report(zhibiao.open("zhibiao.db"), "绍兴2023.docx", region="绍兴市", year=2023)

Serving layer: gathers everything from the read model (``zhibiao.track``), lays it out with
python-docx / openpyxl, draws charts with matplotlib.
"""
from __future__ import annotations

from pathlib import Path

from zhibiao.errors import InputError
from zhibiao.report.data import LANGS, Report, build

FORMATS = {".docx": "docx", ".xlsx": "xlsx"}
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def format_of(output: str | Path) -> str:
    """The report type from the output file's suffix (.docx or .xlsx)."""
    fmt = FORMATS.get(Path(output).suffix.lower())
    if fmt is None:
        raise InputError(f"{output}: a report is written as .docx or .xlsx (the type comes from the suffix)")
    return fmt


def render(report: Report, fmt: str) -> bytes:
    if fmt == "docx":
        from zhibiao.report.docx import render_docx

        return render_docx(report)
    if fmt == "xlsx":
        from zhibiao.report.xlsx import render_xlsx

        return render_xlsx(report)
    raise InputError(f"report format {fmt!r} is not docx or xlsx")


def report_bytes(tracker, region: str, year: int, fmt: str, lang: str = "zh") -> bytes:
    if lang not in LANGS:
        raise InputError(f"language {lang!r} is not zh or en")
    return render(build(tracker, region, year, lang), fmt)


def write_report(tracker, output: str | Path, region: str, year: int, lang: str = "zh") -> Report:
    """Write the report of ``region``'s ``year`` to ``output`` (.docx or .xlsx); the file appears
    whole or not at all."""
    out = Path(output)
    fmt = format_of(out)
    if not out.parent.exists():
        raise InputError(f"{out}: the folder does not exist")
    report = build(tracker, region, year, lang)
    if not report.lines:  # targets stored (build checks), every one rejected by a reviewer
        raise InputError(f"{report.region['name']} {year}: every stored target was rejected in review; "
                         "there is nothing to report")
    data = render(report, fmt)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return report


__all__ = ["FORMATS", "MEDIA_TYPES", "Report", "build", "format_of", "render", "report_bytes", "write_report"]
