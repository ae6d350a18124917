"""Atomic-claim extraction against the hand-annotated gold (docs/claims.md).

Three parts: tests/data/claims-dev.jsonl, read while tuning the extractor;
tests/data/claims-heldout.jsonl, never read while tuning (only its scores are printed; its
errors never are); and tests/data/claims-fresh.jsonl, 99 sentences of genres the others lack
(US presidential debates from ClaimBuster, IndoSum articles past the ones drawn before),
annotated blind on 2026-12-03 by a session that never ran the extractor, scored once
untouched (Indonesian F1 0.742, English 0.693) and read while tuning since.

Each sentence is run through the pipeline on its own (plain text, its
language given); predicted and gold claims are aligned one to one (rapidfuzz
token_sort_ratio >= 75, best pairs first), and precision, recall and F1 are counted over all
claims, per language and in all. Speaker accuracy is over aligned pairs whose gold claim has
a speaker, or whose predicted claim has one (a speaker given where the gold has none is
wrong too); hedge accuracy over all aligned pairs.

    .venv/bin/python benchmarks/claims_f1.py [--show-errors]   # errors of the tuned part
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.matching.align import align
from claimcheck.pipeline import Claim, split_article

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims-dev.jsonl"
HELDOUT = DEV.with_name("claims-heldout.jsonl")
FRESH = DEV.with_name("claims-fresh.jsonl")


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speakers: int = 0  # aligned pairs whose gold claim names a speaker
    speakers_right: int = 0
    hedges_right: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class _Whole:
    """The baseline: the sentence itself as its one claim, no speaker."""

    text: str
    speaker: str | None = None


def _sentence_as_claim(sentence: str) -> list[_Whole]:
    return [_Whole(sentence.strip().rstrip("."))]


def evaluate(path: Path = DEV, *, baseline: bool = False) -> dict[str, Tally]:
    tallies = {"id": Tally(), "en": Tally(), "all": Tally()}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        claims: Sequence[_Whole | Claim] = (
            _sentence_as_claim(row["sentence"])
            if baseline
            else split_article(row["sentence"], plain=True, lang=row["lang"]).claims
        )
        gold = row["claims"]
        pairs = align([g["text"] for g in gold], [c.text for c in claims])
        for name in (row["lang"], "all"):
            t = tallies[name]
            t.gold += len(gold)
            t.predicted += len(claims)
            t.matched += len(pairs)
            for pair in pairs:
                wanted = gold[pair.left]["speaker"]
                got = claims[pair.right].speaker
                if wanted or got:
                    t.speakers += 1
                    right = (got or "").lower() == (wanted or "").lower()
                    t.speakers_right += right
                    if not right and name == "all":
                        t.errors.append(
                            f"{row['id']}: speaker: gold {wanted!r} got {got!r} for "
                            f"{claims[pair.right].text!r}"
                        )
                t.hedges_right += bool(getattr(claims[pair.right], "hedged", False)) == bool(
                    gold[pair.left].get("hedged", False)
                )
        if len(pairs) != len(gold) or len(pairs) != len(claims):
            tallies["all"].errors.append(
                f"{row['id']}: gold {[g['text'] for g in gold]}\n"
                f"      got  {[c.text for c in claims]}"
            )
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    for part, path in (("tuned", DEV), ("held out", HELDOUT), ("fresh", FRESH)):
        for label, baseline in (("one claim per sentence", True), ("claimcheck", False)):
            print(f"-- {part}: {label}")
            _print(evaluate(path, baseline=baseline))
    if args.show_errors:
        print("\n".join(evaluate()["all"].errors + evaluate(FRESH)["all"].errors))


def _print(tallies: dict[str, Tally]) -> None:
    for name, t in tallies.items():
        p, r, f1 = t.scores()
        speakers = f"{t.speakers_right}/{t.speakers}" if t.speakers else "-"
        print(
            f"{name:4} gold {t.gold:3} predicted {t.predicted:3} matched {t.matched:3}  "
            f"P {p:.3f} R {r:.3f} F1 {f1:.3f}  speakers right {speakers}  "
            f"hedges right {t.hedges_right}/{t.matched}"
        )


if __name__ == "__main__":
    main()
