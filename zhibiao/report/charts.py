"""The report's charts as PNG images (matplotlib, no display needed), drawn with a CJK font so
Chinese labels print: WenQuanYi (Debian's fonts-wqy-microhei, installed by scripts/setup) or any
Noto/Source Han CJK font the system has."""
from __future__ import annotations

import io
from functools import lru_cache

from zhibiao.report.data import Report

# The status colours of the web pages (static/style.css), so a report reads like the dashboard.
STATUS_COLOURS = {"achieved": "#1b7f3b", "basically_achieved": "#b7950b", "missed": "#c0392b",
                  "on_track": "#27ae60", "behind": "#d35400", "pending": "#7f8c8d", "needs_review": "#8e44ad"}
CJK_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
                "Source Han Sans SC", "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC")


@lru_cache(maxsize=1)
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display
    from matplotlib import font_manager, pyplot

    installed = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in CJK_FAMILIES if f in installed]
    pyplot.rcParams["font.sans-serif"] = fonts + list(pyplot.rcParams["font.sans-serif"])
    pyplot.rcParams["font.family"] = "sans-serif"
    pyplot.rcParams["axes.unicode_minus"] = False  # the CJK fonts lack U+2212
    return pyplot


def has_cjk_font() -> bool:
    _pyplot()
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return any(f in installed for f in CJK_FAMILIES)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight")
    _pyplot().close(fig)
    return buf.getvalue()


def status_chart(report: Report) -> bytes:
    """How many targets have each status, in the status colours."""
    return _png(status_figure(report))


def status_figure(report: Report):
    plt = _pyplot()
    w = report.words
    counts = report.counts()
    order = [s for s in STATUS_COLOURS if counts.get(s)]
    fig, ax = plt.subplots(figsize=(6.4, 0.45 * max(len(order), 2) + 0.9))
    labels = [w.status(s) for s in order]
    bars = ax.barh(labels, [counts[s] for s in order], color=[STATUS_COLOURS[s] for s in order])
    ax.bar_label(bars, padding=3)
    ax.invert_yaxis()
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no tick at 0.5 or 2.5
    ax.set_xlabel(w("count"))
    ax.set_title(w("chart_status"))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def percent_lines(report: Report) -> list:
    """The lines a targets-and-actuals chart can draw: a numeric target and an actual, both in %."""
    return [line for line in report.lines
            if line.unit == "%" and line.value is not None and line.actual_value is not None][:20]


def line_label(report: Report, line) -> str:
    """A line's name on a chart of targets against actuals: a part of the year's actual names its months
    (社会消费品零售总额 · 1—11月), so that its bar is not read as the year's."""
    name = report.indicator_name(line, line.name)
    return f"{name} · {line.months}" if line.months else name


def targets_chart(report: Report) -> bytes | None:
    """Each % target beside its actual, the actual coloured by status; None when there is none."""
    lines = percent_lines(report)
    if not lines:
        return None
    plt = _pyplot()
    w = report.words
    fig, ax = plt.subplots(figsize=(6.4, 0.5 * len(lines) + 1.2))
    names = [line_label(report, line) for line in lines]
    ys = range(len(lines))
    ax.barh([y - 0.2 for y in ys], [float(line.value) for line in lines], height=0.4, color="#9db4d3",
            label=w("target"))
    ax.barh([y + 0.2 for y in ys], [float(line.actual_value) for line in lines], height=0.4,
            color=[STATUS_COLOURS.get(line.status, "#7f8c8d") for line in lines], label=w("actual"))
    ax.set_yticks(list(ys), names)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.set_title(w("chart_targets"))
    ax.legend(loc="best")
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
