"""One-to-one alignment of two lists of claims: which claim became which.

Used to compare an article's revisions and to score extraction against hand-made gold.
Pairs are taken best-first by rapidfuzz's ``token_sort_ratio`` on case-folded text, each
claim in at most one pair, down to a threshold (75 unless told otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

THRESHOLD = 75.0


@dataclass(frozen=True)
class Pair:
    left: int  # index into the first list
    right: int  # index into the second list
    score: float


def align(left: Sequence[str], right: Sequence[str], threshold: float = THRESHOLD) -> list[Pair]:
    """The best one-to-one pairing of ``left`` and ``right`` claims, pairs in left order."""
    if not left or not right:
        return []
    scores = process.cdist(
        left, right, scorer=fuzz.token_sort_ratio, processor=utils.default_process
    )
    candidates = sorted(
        (
            (float(scores[i][j]), i, j)
            for i in range(len(left))
            for j in range(len(right))
            if scores[i][j] >= threshold
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append(Pair(i, j, score))
    return sorted(pairs, key=lambda p: p.left)


def prf(
    gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD
) -> tuple[float, float, float, int]:
    """Precision, recall and F1 of predicted claims against gold ones, and the matches."""
    matched = len(align(gold, predicted, threshold))
    precision = matched / len(predicted) if predicted else (1.0 if not gold else 0.0)
    recall = matched / len(gold) if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, matched
