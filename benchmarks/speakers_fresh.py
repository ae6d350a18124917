"""Speakers in whole articles nobody tuned on: 80 attributed sentences of IndoSum articles
(tests/data/speakers-fresh.jsonl, from the file's lines 3003-3294), each annotated with its
speaker by docs/claims.md's rule 4 before the extractor was run on them, a pronoun resolved
from the article before it.

Each article goes through the pipeline whole, as ingest reads it, so a pronoun can find
the speaker named before it. A sentence is right when it gives claims and every one of them
has the gold speaker (no speaker where the gold has none); wrong speakers are listed with
--show-errors.

    .venv/bin/python benchmarks/speakers_fresh.py [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from matching_recall import SHARED_DATA  # type: ignore[import-not-found]

from claimcheck.pipeline import split_article

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "speakers-fresh.jsonl"
SHARED = SHARED_DATA


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def evaluate() -> tuple[Counter[str], Counter[str], int, list[str]]:
    """Right and all sentences by kind, sentences with no claim, and the errors."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    wanted = {row["article"] for row in rows}
    articles: dict[str, str] = {}
    with (SHARED / "indosum" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                articles[record["id"]] = record["text"]
    documents = {
        name: split_article(text, plain=True, lang="id") for name, text in articles.items()
    }
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    unclaimed = 0
    errors = []
    for row in rows:
        sentence = _squeezed(row["sentence"])
        found = [
            s for s in documents[row["article"]].sentences if sentence in _squeezed(s.text)
        ] or [s for s in documents[row["article"]].sentences if _squeezed(s.text) in sentence]
        claims = [c for s in found for c in s.claims]
        total[row["kind"]] += 1
        if not claims:
            unclaimed += 1
            errors.append(f"{row['article']}: no claim: {sentence[:120]}")
            continue
        gold = (row["speaker"] or "").lower()
        got = {(c.speaker or "").lower() for c in claims}
        if got == {gold}:
            right[row["kind"]] += 1
        else:
            errors.append(
                f"{row['article']}: gold {row['speaker']!r} got {sorted(got)}: {sentence[:120]}"
            )
    return right, total, unclaimed, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    right, total, unclaimed, errors = evaluate()
    for kind in sorted(total):
        print(f"{kind:8} {right[kind]:3} / {total[kind]:3} right")
    print(
        f"all      {sum(right.values()):3} / {sum(total.values()):3} right "
        f"({sum(right.values()) / max(1, sum(total.values())):.3f}); no claim for {unclaimed}"
    )
    if args.show_errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
