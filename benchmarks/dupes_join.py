"""All repeated-claim pairs in one pass (claimcheck.matching.join) at 10k-1M claims.

Builds a corpus from real IndoSum sentences with 5% injected near-duplicates (as
matching_recall.py does), normalises and stems it as the product does, runs the
prefix-filtered join at the suggest threshold, and reports time, peak memory, pairs, and
recall against an exhaustive rapidfuzz comparison for a sample of claims.

    .venv/bin/python benchmarks/dupes_join.py --claims 100000 --sample 300
"""

from __future__ import annotations

import random
import resource
import time

import numpy as np
from matching_recall import (  # type: ignore[import-not-found]
    PER_ARTICLE,
    arguments,
    build_corpus_with_pairs,
)
from rapidfuzz import fuzz, process

from claimcheck.matching.join import similar_pairs
from claimcheck.matching.normalize import normalize
from claimcheck.matching.thresholds import Thresholds


def main() -> None:
    args = arguments()
    rng = random.Random(args.seed)
    corpus, injected = build_corpus_with_pairs(args.claims, rng)
    started = time.perf_counter()
    texts = [normalize(s).text for s in corpus]
    prepared = time.perf_counter() - started
    groups = [i // PER_ARTICLE for i in range(len(texts))]
    threshold = Thresholds().suggest
    started = time.perf_counter()
    pairs = similar_pairs(texts, threshold=threshold, exclude_same=groups)
    joined = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Every injected near-duplicate that reaches the threshold and crosses articles.
    found_pairs = set(zip(pairs.a.tolist(), pairs.b.tolist(), strict=True))
    expected = [
        (min(a, b), max(a, b))
        for a, b in injected
        if groups[a] != groups[b] and fuzz.token_set_ratio(texts[a], texts[b]) >= threshold
    ]
    injected_found = sum(1 for pair in expected if pair in found_pairs)
    sample = rng.sample(range(len(texts)), min(args.sample, len(texts)))
    by_claim: dict[int, set[int]] = {i: set() for i in sample}
    for side, other in ((pairs.a, pairs.b), (pairs.b, pairs.a)):
        for k in np.flatnonzero(np.isin(side, sample)).tolist():
            by_claim[int(side[k])].add(int(other[k]))
    started = time.perf_counter()
    # The exhaustive comparison of the sampled claims with every claim, on both cores.
    scores = process.cdist(
        [texts[i] for i in sample],
        texts,
        scorer=fuzz.token_set_ratio,
        score_cutoff=threshold,
        dtype=np.uint8,
        workers=-1,
    )
    exhaustive = time.perf_counter() - started
    found = truth = 0
    for row, i in enumerate(sample):
        exact = {int(j) for j in np.flatnonzero(scores[row]) if groups[j] != groups[i]}
        truth += len(exact)
        found += len(exact & by_claim[i])
    print(f"claims: {len(texts)}; normalise and stem: {prepared:.1f} s")
    print(f"join at token_set_ratio >= {threshold:g}: {joined:.1f} s, {len(pairs)} pairs")
    print(
        f"recall on the injected near-duplicates at the threshold: {injected_found}/"
        f"{len(expected)} = {injected_found / max(1, len(expected)):.4f}"
    )
    print(f"exhaustive comparison of the sample: {exhaustive:.1f} s")
    print(f"recall on {len(sample)} sampled claims: {found}/{truth} = {found / max(1, truth):.3f}")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
