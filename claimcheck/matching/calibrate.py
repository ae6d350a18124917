"""Choosing thresholds from labelled pairs: precision and recall at each score."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.matching.compare import compare
from claimcheck.matching.normalize import normalize
from claimcheck.matching.thresholds import Thresholds


@dataclass(frozen=True)
class LabelledPair:
    text_a: str
    text_b: str
    same: bool


@dataclass(frozen=True)
class ThresholdRow:
    threshold: int
    precision: float  # of pairs scoring at least `threshold` (suggestions)
    recall: float
    link_precision: float  # of pairs that would be linked (also no guard, long enough)
    link_recall: float


@dataclass(frozen=True)
class Calibration:
    pairs: int
    positives: int
    rows: list[ThresholdRow]
    suggest: int  # lowest threshold keeping suggestion precision >= 0.5 with the best recall
    link: int  # lowest threshold whose links are at least 95% right


def calibrate(pairs: Sequence[LabelledPair], *, step: int = 1) -> Calibration:
    scored = []
    for pair in pairs:
        base = compare(normalize(pair.text_a), normalize(pair.text_b), Thresholds(link=0.0))
        # With link=0 every unblocked pair is "linked": blocked_by lists what a link needs.
        scored.append((base.score, not base.blocked_by, pair.same))
    positives = sum(1 for _, _, same in scored if same)
    rows = []
    for threshold in range(50, 101, step):
        suggested = [(s, same) for s, _, same in scored if s >= threshold]
        linked = [(s, same) for s, ok, same in scored if s >= threshold and ok]
        rows.append(
            ThresholdRow(
                threshold=threshold,
                precision=_ratio(sum(same for _, same in suggested), len(suggested)),
                recall=_ratio(sum(same for _, same in suggested), positives),
                link_precision=_ratio(sum(same for _, same in linked), len(linked)),
                link_recall=_ratio(sum(same for _, same in linked), positives),
            )
        )
    useful = [r for r in rows if r.precision >= 0.5] or rows
    suggest = max(useful, key=lambda r: (r.recall, -r.threshold)).threshold
    safe = [r for r in rows if r.link_precision >= 0.95 and r.link_recall > 0]
    link = min(safe, key=lambda r: r.threshold).threshold if safe else 100
    return Calibration(len(scored), positives, rows, suggest, max(link, suggest))


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 1.0
