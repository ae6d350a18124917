"""The all-pairs join finds exactly the pairs an exhaustive comparison finds."""

from __future__ import annotations

import json

from rapidfuzz import fuzz, process

from claimcheck.matching.join import similar_pairs
from claimcheck.matching.normalize import normalize
from claimcheck.matching.terms import terms
from claimcheck.pipeline import split_article
from tests.conftest import DATA, SEED


def _corpus() -> tuple[list[str], list[int]]:
    """Real claims: the seed's, the repeat article's, and the dev set's sentences, each
    article its own group, plus edited copies of some (a word dropped, two swapped)."""
    texts: list[str] = []
    groups: list[int] = []
    for group, path in enumerate((SEED, DATA / "kabardunia-dukungan-korut-iran.txt")):
        for claim in split_article(path.read_text(encoding="utf-8")).claims:
            texts.append(claim.text)
            groups.append(group)
    for number, line in enumerate((DATA / "claims-dev.jsonl").read_text().splitlines()):
        row = json.loads(line)
        texts.append(row["sentence"])
        groups.append(10 + number)
        words = row["sentence"].split()
        if len(words) > 8 and number % 3 == 0:
            edited = words[:2] + words[3:]
            edited[4], edited[5] = edited[5], edited[4]
            texts.append(" ".join(edited))
            groups.append(1000 + number)
    return [normalize(t).text for t in texts], groups


def test_join_matches_the_exhaustive_comparison() -> None:
    texts, groups = _corpus()
    assert len(texts) > 140
    stems = [list(terms(t, "id")) for t in texts]
    for threshold in (75.0, 90.0):
        found = {
            (p.a, p.b)
            for p in similar_pairs(texts, stems, threshold=threshold, exclude_same=groups)
        }
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio)
        exhaustive = {
            (i, j)
            for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if scores[i][j] >= threshold and groups[i] != groups[j]
        }
        assert exhaustive, threshold  # the corpus holds repeats to find
        assert found == exhaustive, (threshold, exhaustive - found, found - exhaustive)


def test_join_of_nothing_or_one() -> None:
    assert similar_pairs([], [], threshold=75) == []
    assert similar_pairs(["satu klaim saja"], [["satu", "klaim", "saja"]], threshold=75) == []
