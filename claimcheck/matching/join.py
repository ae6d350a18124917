"""All pairs of similar claims in one pass: a prefix-filtered similarity join.

Comparing every claim with every other is out of the question past a few thousand claims
(1M claims are 5e11 pairs). Instead, terms are ranked rarest first over the whole
collection, and each claim probes the postings of only its *prefix*: its rarest terms
covering ``PREFIX_SHARE`` of its characters. A pair scoring at least the threshold on
rapidfuzz's token_set_ratio shares at least that share of the shorter claim's characters,
so it shares a prefix term of that claim and is found when that claim probes; candidates are
then scored exactly with rapidfuzz, in C, a claim's candidates at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

# With token_set_ratio >= 75 the shared words make up at least 60% of the characters of one
# of the two claims, so at least one of that claim's terms covering 40% of its characters,
# rarest first, is shared: probing those finds the pair from that claim's side.
PREFIX_SHARE = 0.4
# A term held by more claims than this is not worth probing (it is in the prefix only of
# claims made of common words, which then fall back on their rarest terms).
MAX_POSTINGS = 20_000


@dataclass(frozen=True)
class Pair:
    a: int  # index into the claims given, a < b
    b: int
    score: float


def similar_pairs(
    texts: Sequence[str],
    terms: Sequence[Sequence[str]],
    *,
    threshold: float,
    exclude_same: Sequence[int] | None = None,
) -> list[Pair]:
    """Pairs of ``texts`` whose token_set_ratio reaches ``threshold``, each pair once.

    ``terms`` are each text's index terms (stems); ``exclude_same`` gives each text a group
    (its article) whose members are never paired with each other.
    """
    n = len(texts)
    if n < 2:
        return []
    vocabulary: dict[str, int] = {}
    rows: list[np.ndarray] = []
    for words in terms:
        term_ids = [vocabulary.setdefault(w, len(vocabulary)) for w in set(words)]
        rows.append(np.asarray(term_ids, dtype=np.int64))
    frequency = np.zeros(len(vocabulary), dtype=np.int64)
    for row in rows:
        frequency[row] += 1
    # Postings as one array sorted by term: for each term, the texts holding it.
    term_of = np.concatenate(rows)
    text_of = np.repeat(np.arange(n), [len(r) for r in rows])
    posting_texts = text_of[np.argsort(term_of, kind="stable")]
    starts = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(frequency, out=starts[1:])
    chars = np.zeros(len(vocabulary), dtype=np.int64)
    for word, term in vocabulary.items():
        chars[term] = len(word) + 1
    groups = np.asarray(exclude_same, dtype=np.int64) if exclude_same is not None else None

    found: dict[tuple[int, int], float] = {}
    for i in range(n):
        row = rows[i]
        if not len(row):
            continue
        ranked = row[np.argsort(frequency[row], kind="stable")]
        covered = np.cumsum(chars[ranked])
        # The rarest terms up to PREFIX_SHARE of the claim's characters (at least one).
        probe = ranked[: int(np.searchsorted(covered, PREFIX_SHARE * covered[-1])) + 1]
        usable = probe[frequency[probe] <= MAX_POSTINGS]
        if not len(usable):
            usable = probe[:1]
        candidates = np.unique(
            np.concatenate([posting_texts[starts[t] : starts[t + 1]] for t in usable.tolist()])
        )
        candidates = candidates[candidates != i]
        if groups is not None and len(candidates):
            candidates = candidates[groups[candidates] != groups[i]]
        if not len(candidates):
            continue
        choices = [texts[j] for j in candidates.tolist()]
        for _, score, k in process.extract(
            texts[i], choices, scorer=fuzz.token_set_ratio, score_cutoff=threshold, limit=None
        ):
            j = int(candidates[k])
            found[(min(i, j), max(i, j))] = float(score)
    return [Pair(a, b, score) for (a, b), score in sorted(found.items())]
