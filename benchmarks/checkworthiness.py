"""Check-worthiness scores against public labels: ClaimBuster 2xNCS and CheckThat! 2019.

Reports ROC AUC (the chance a check-worthy sentence scores above one that is not), average
precision, precision of the top 10% and F1 at the best threshold, for the score claimcheck
gives each claim at ingest (claimcheck.pipeline.worthiness, English word lists).

    .venv/bin/python benchmarks/checkworthiness.py [--data ../shared/data/checkworthiness]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from claimcheck.pipeline.worthiness import score

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "checkworthiness"


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Mann-Whitney U over ranks, ties sharing their mean rank."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def average_precision(scores: list[float], labels: list[int]) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / max(1, sum(labels))


def best_f1(scores: list[float], labels: list[int]) -> tuple[float, float]:
    best = (0.0, 0.0)
    positives = sum(labels)
    for threshold in sorted(set(scores)):
        predicted = [s >= threshold for s in scores]
        tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
        chosen = sum(predicted)
        if tp == 0:
            continue
        precision, recall = tp / chosen, tp / positives
        f1 = 2 * precision * recall / (precision + recall)
        best = max(best, (f1, threshold))
    return best


def report(name: str, texts: list[str], labels: list[int]) -> None:
    scores = [score(t, language="en").score for t in texts]
    top = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])[: len(texts) // 10]
    f1, threshold = best_f1(scores, labels)
    print(
        f"{name}: {len(texts)} sentences, {sum(labels)} check-worthy "
        f"({sum(labels) / len(labels):.1%}); ROC AUC {roc_auc(scores, labels):.3f}, "
        f"average precision {average_precision(scores, labels):.3f}, "
        f"precision of the top 10% {sum(y for _, y in top) / len(top):.3f}, "
        f"best F1 {f1:.3f} at score >= {threshold:g}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for line in (args.data / "claimbuster_2xncs.jsonl").read_text().splitlines()
    ]
    report("ClaimBuster 2xNCS", [r["text"] for r in rows], [int(r["label"]) for r in rows])
    with (args.data / "checkthat2019_task1_train.csv").open(newline="") as handle:
        lines = list(csv.DictReader(handle))
    report(
        "CheckThat! 2019 task 1 train", [r["text"] for r in lines], [int(r["label"]) for r in lines]
    )


if __name__ == "__main__":
    main()
