"""Sentence boundary precision, recall and F1 on Universal Dependencies gold, per set.

Compares sentencex alone with claimcheck's splitter (sentencex plus its abbreviation and
glued-sentence corrections) on the character offsets of every gold sentence.

    .venv/bin/python benchmarks/segmentation_f1.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sentencex import segment

from claimcheck.pipeline.sentences import split_sentences

UD = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"
SETS = {
    "id_gsd-ud-dev": "id",
    "id_csui-ud-train": "id",
    "en_ewt-ud-dev": "en",
}


def boundaries_sentencex(text: str, lang: str) -> set[int]:
    ends, offset = set(), 0
    for piece in segment(lang, text):
        offset += len(piece)
        stripped = len(piece.rstrip())
        if piece.strip():
            ends.add(offset - (len(piece) - stripped))
    return ends


def boundaries_claimcheck(text: str, lang: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    return {
        span.end for start, end in paragraphs for span in split_sentences(text, start, end, lang)
    }


def paragraph_spans(doc: dict[str, Any], text: str) -> list[tuple[int, int]]:
    """Paragraphs as a scraper would give them (``par_starts`` are sentence numbers)."""
    spans = doc["sent_spans"]
    starts = sorted({spans[i][0] for i in doc.get("par_starts") or [] if i < len(spans)} | {0})
    bounds = [*starts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def score(found: set[int], gold: set[int]) -> tuple[float, float, float]:
    hit = len(found & gold)
    precision = hit / len(found) if found else 0.0
    recall = hit / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    for name, lang in SETS.items():
        totals = {"sentencex": [0, 0, 0], "claimcheck": [0, 0, 0]}
        for line in (UD / f"{name}.docs.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            text = doc["text"]
            gold = {end for _, end in doc["sent_spans"]}
            found = {
                "sentencex": boundaries_sentencex(text, lang),
                "claimcheck": boundaries_claimcheck(text, lang, paragraph_spans(doc, text)),
            }
            for key, ends in found.items():
                totals[key][0] += len(ends & gold)
                totals[key][1] += len(ends)
                totals[key][2] += len(gold)
        for key, (hit, predicted, expected) in totals.items():
            p, r = hit / predicted, hit / expected
            print(f"{name:18} {key:10} P {p:.4f} R {r:.4f} F1 {2 * p * r / (p + r):.4f}")


if __name__ == "__main__":
    main()
