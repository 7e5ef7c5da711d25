"""The achievement rate an analyst quotes for a region-year: targets achieved or basically
achieved over the targets that have an actual figure, with the number still pending beside it.
One definition for the grid, the region tree, the overview and the report."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

REACHED = ("achieved", "basically_achieved")
DECIDED = REACHED + ("missed", "on_track", "behind")


@dataclass(frozen=True)
class Achievement:
    reached: int      # achieved + basically achieved
    judged: int       # targets a figure decided (reached, missed, on track, behind; or needing review beside one)
    pending: int      # targets still waiting for one
    total: int
    estimated: int = 0  # of the judged, those an estimate (预计数) decided: the rate may change with the bulletin

    @property
    def rate(self) -> float | None:
        """Share reached, 0–1; None when no target has an actual yet."""
        return self.reached / self.judged if self.judged else None

    def to_dict(self) -> dict:
        # built by hand: dataclasses.asdict copies recursively, and the home page's region tree
        # makes one for each of a national database's 34,000 region-years
        return {"reached": self.reached, "judged": self.judged, "pending": self.pending, "total": self.total,
                "rate": self.rate, "estimated": self.estimated}


def basis_of(line) -> str | None:
    """The basis of the figure that decided a status line (official, bulletin, preliminary,
    estimate…: the read model's ``ActualFact.basis``): a status report's line carries it in its
    actual, a snapshot line (and a snapshot row, a dict) in ``actual_basis``."""
    if isinstance(line, dict):
        actual = line.get("actual")
        return line.get("actual_basis") or (actual.get("basis") if isinstance(actual, dict) else None)
    actual = line.actual
    return getattr(line, "actual_basis", None) or (actual.get("basis") if isinstance(actual, dict) else None)


def achievement(lines: Iterable) -> Achievement:
    """From status lines (anything with ``.status`` and ``.actual``, or dicts with those keys;
    the actual's basis by :func:`basis_of`)."""
    reached = judged = pending = total = estimated = 0
    for line in lines:
        status = line["status"] if isinstance(line, dict) else line.status
        actual = line.get("actual") if isinstance(line, dict) else line.actual
        total += 1
        if status == "pending":
            pending += 1
        # a figure that decided the status (a pending five-year target's base-year figure decides none;
        # a target judged by its parts' figures has none of its own)
        if status in DECIDED or (actual and status != "pending"):
            judged += 1
            reached += status in REACHED
            estimated += actual is not None and basis_of(line) == "estimate"
    return Achievement(reached, judged, pending, total, estimated)
