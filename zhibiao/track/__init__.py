"""Stage 6: target status against actuals, and comparisons of years, regions and levels."""
from zhibiao.track.status import STATUSES, Rules, decide
from zhibiao.track.tracker import StatusReport, Tracker

__all__ = ["STATUSES", "Rules", "StatusReport", "Tracker", "decide"]
