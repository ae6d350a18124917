"""The names guard against typos: injected, meaning-preserving copies it blocks.

Builds the benchmark corpus of benchmarks/matching_recall.py (real IndoSum sentences, 5%
edited copies: a word dropped, added or swapped, a typo, a case change), compares each copy
with its original as ingest does, and counts the copies linked and the ones the names guard
blocks, with the typo rule of claimcheck.matching.compare and without it.

    .venv/bin/python benchmarks/names_typos.py --claims 100000 --seed 7
"""

from __future__ import annotations

import argparse
import random

from matching_recall import build_corpus_with_pairs  # type: ignore[import-not-found]

from claimcheck.matching import compare as matching
from claimcheck.matching.normalize import normalize


def count(corpus: list[str], pairs: list[tuple[int, int]]) -> tuple[int, int, list[str]]:
    linked, blocked, details = 0, 0, []
    for a, b in pairs:
        result = matching.compare(normalize(corpus[a]), normalize(corpus[b]))
        linked += result.kind is matching.MatchKind.LINKED
        names = [g for g in result.guards if g.fired and g.name == "names"]
        if names:
            blocked += 1
            details.append(names[0].detail)
    return linked, blocked, details


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus, pairs = build_corpus_with_pairs(args.claims, random.Random(args.seed))
    linked, blocked, details = count(corpus, pairs)
    rule = matching.misspelt
    matching.misspelt = lambda x, y: False  # type: ignore[assignment]
    try:
        linked_before, blocked_before, _ = count(corpus, pairs)
    finally:
        matching.misspelt = rule
    print(f"{len(pairs)} injected copies in {len(corpus)} claims")
    print(f"without the typo rule: {linked_before} linked, {blocked_before} blocked by names")
    print(f"with it:               {linked} linked, {blocked} blocked by names")
    for detail in details[:15]:
        print("  still blocked:", detail)


if __name__ == "__main__":
    main()
