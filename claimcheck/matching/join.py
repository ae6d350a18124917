"""All pairs of similar claims in one pass: a prefix-filtered similarity join.

Comparing every claim with every other is out of the question past a few thousand claims
(1M claims are 5e11 pairs). rapidfuzz's token_set_ratio works on the *sets* of words of two
texts: their intersection ``S`` and the two differences. Its best term for two claims that
share words is ``2|S| / (|S| + |A|)`` (lengths in characters, ``A`` the shorter claim), so a
pair scoring ``t`` shares at least ``t / (2 - t)`` of the shorter claim's characters, and so
shares at least one of that claim's words in its *prefix*: its rarest words, up to the point
where the rest could no longer hold that share.

So: words are ranked rarest first over the whole collection, claims are taken shortest
first, and each claim reads the postings of its prefix words only (a little past the
shortest prefix), and only the longer claims in them, adding up what each candidate shares
within the prefix. A candidate that could not reach the needed share even if it held all
the rest of the claim's words is dropped unseen; the others are decided exactly from the
size of the shared word set (the score's bounds follow from lengths alone), and the few
whose score depends on the character alignment of the words they do not share go to
rapidfuzz. The inner loops are compiled with numba; two threads share the claims.

A pair can also reach the threshold through character similarity alone (every shared word
misspelt), which a word index cannot see: `benchmarks/dupes_join.py` measures the recall
against an exhaustive rapidfuzz comparison.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from threading import Thread

import numpy as np
from numba import njit
from rapidfuzz import fuzz

WORKERS = 2
# How far past the shortest prefix a claim reads postings, as a share of the weight a pair
# must share: reading a little further means a candidate must share more within the prefix,
# which rules out most candidates before their words are compared. 200k claims of the
# benchmark corpus: 37 s of compiled loop at 0, 7.9 s at 0.2, 4.5 s at 0.3-0.5, 9.5 s at 0.7.
PREFIX_EXTENSION = 0.4
# Scores this close to the threshold are left to rapidfuzz, whose float rounding decides.
_MARGIN = 1e-6
# Below the threshold on shared words alone, a pair can still reach it when the words it does
# not share are spelt alike; rapidfuzz checks the pairs this close, and no further: on the
# benchmark corpus 1 true pair in 2,860 scored under the threshold on shared words, and that
# one above threshold - 5.
_ALIGNMENT_BAND = 10.0
_SHARE_BITS = 24  # a claim's prefix weighs less than 2**24 characters
_SHARE_MASK = (1 << _SHARE_BITS) - 1
# Verdicts of the compiled loop on a candidate pair.
_EXACT = 0  # the score is known from the word sets alone
_CHECK = 1  # it depends on character alignment: rapidfuzz decides


@dataclass(frozen=True)
class Pairs:
    """Similar pairs as parallel arrays: indices into the texts given (a < b) and scores."""

    a: np.ndarray
    b: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return len(self.a)

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        return zip(self.a.tolist(), self.b.tolist(), self.score.tolist(), strict=True)


def similar_pairs(
    texts: Sequence[str],
    *,
    threshold: float,
    exclude_same: Sequence[int] | None = None,
    workers: int = WORKERS,
) -> Pairs:
    """Pairs of ``texts`` whose token_set_ratio reaches ``threshold``, each pair once, sorted.

    ``texts`` are normalised claim texts (words separated by single spaces); ``exclude_same``
    gives each text a group (its article) whose members are never paired with each other.
    """
    n = len(texts)
    if n < 2:
        return _pairs([], [], [])
    # Each word's id is the vocabulary's size when it is first seen, looked up in C (a set of
    # ids per claim made in Python took 9 s of a million claims); a claim's repeated words
    # are dropped after, on the arrays.
    vocabulary: defaultdict[str, int] = defaultdict()
    vocabulary.default_factory = vocabulary.__len__
    code = vocabulary.__getitem__
    words = array("i")
    bounds = array("q", [0])
    for text in texts:
        words.extend(map(code, text.split()))
        bounds.append(len(words))
    if not vocabulary:
        return _pairs([], [], [])
    flat, starts = _word_sets(
        np.frombuffer(words, dtype=np.int32), np.frombuffer(bounds, dtype=np.int64)
    )
    del words, bounds
    # Rank words rarest first: a claim's words sorted by rank are its prefix order.
    frequency = np.bincount(flat, minlength=len(vocabulary))
    rank_of = np.empty(len(vocabulary), dtype=np.int32)
    rank_of[np.lexsort((np.arange(len(vocabulary)), frequency))] = np.arange(
        len(vocabulary), dtype=np.int32
    )
    weight = np.empty(len(vocabulary), dtype=np.int64)  # a word and its space, by rank
    weight[rank_of] = np.fromiter(map(len, vocabulary), np.int64, len(vocabulary)) + 1
    del vocabulary, code  # the words themselves are not needed past here
    ranked = rank_of[flat]
    claim_weight = _sort_and_weigh(ranked, starts, weight)
    # Claims shortest first: each claim only looks for longer (or equal) ones.
    order = np.argsort(claim_weight, kind="stable")
    lengths = np.diff(starts)[order]
    positions = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=positions[1:])
    claim_words = _gather(ranked, starts, order, positions)
    posting_starts = np.zeros(len(weight) + 1, dtype=np.int64)
    np.cumsum(frequency[np.argsort(rank_of)], out=posting_starts[1:])
    postings = _postings(claim_words, positions, posting_starts)
    group = (
        np.asarray(exclude_same, dtype=np.int64)[order]
        if exclude_same is not None
        else np.arange(n, dtype=np.int64)
    )
    sorted_weight = claim_weight[order]
    target = threshold / 100.0

    def run(worker: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return _join(
            worker, workers, claim_words, positions, sorted_weight, weight,
            posting_starts, postings, group, target, _MARGIN, PREFIX_EXTENSION,
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(run, range(workers)))
    first = order[np.concatenate([p[0] for p in parts])]
    second = order[np.concatenate([p[1] for p in parts])]
    scores = np.concatenate([p[2] for p in parts])
    verdicts = np.concatenate([p[3] for p in parts])
    del parts
    check = np.flatnonzero(verdicts == _CHECK)
    keep = verdicts == _EXACT
    for k in check.tolist():
        score = fuzz.token_set_ratio(texts[first[k]], texts[second[k]], score_cutoff=threshold)
        if score >= threshold:
            scores[k] = score
            keep[k] = True
    a = np.minimum(first, second)[keep]
    b = np.maximum(first, second)[keep]
    scores = scores[keep]
    ordered = np.lexsort((b, a))
    return _pairs(a[ordered], b[ordered], scores[ordered])


def compile_ahead() -> Thread:
    """Start compiling the join's loops (or loading them from numba's cache, 0.25 s) on a few
    claims in a thread, so that a scan reads its claims from the database meanwhile: on a
    machine's first scan the compile is about 4 s. Join the thread before the real join."""
    sample = ["harga minyak naik lagi", "harga minyak naik lagi hari ini", "oil prices rose"]
    thread = Thread(target=similar_pairs, args=(sample,), kwargs={"threshold": 75.0}, daemon=True)
    thread.start()
    return thread


def _pairs(a: object, b: object, score: object) -> Pairs:
    return Pairs(
        np.asarray(a, dtype=np.int64),
        np.asarray(b, dtype=np.int64),
        np.asarray(score, dtype=np.float64),
    )


# The compiled helpers are plain loops over scalars. The first scan on a machine pays numba's
# compile, and a loop compiles in a fraction of the time np.sort, np.searchsorted or a slice
# assignment take (numba's generic array code): the join's compile went from 10.1 s to 3.5 s.


@njit(cache=True, nogil=True)
def _sort_segment(values: np.ndarray, start: int, stop: int) -> None:
    """Sort ``values[start:stop]`` in place: a shell sort (Knuth's gaps), which for a claim's
    few words is an insertion sort, and stays quick past thousands of them (a pasted page
    archived as one claim)."""
    gap = 1
    while gap < (stop - start) // 3:
        gap = 3 * gap + 1
    while gap > 0:
        for i in range(start + gap, stop):
            item = values[i]
            j = i
            while j - gap >= start and values[j - gap] > item:
                values[j] = values[j - gap]
                j -= gap
            values[j] = item
        gap //= 3


@njit(cache=True, nogil=True)
def _word_sets(words: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each claim's words once: (the word ids of each claim, ascending; their bounds).
    ``words`` is sorted claim by claim in place."""
    out = np.empty_like(words)
    bounds = np.empty_like(starts)
    bounds[0] = 0
    k = 0
    for i in range(len(starts) - 1):
        _sort_segment(words, starts[i], starts[i + 1])
        for j in range(starts[i], starts[i + 1]):
            if j == starts[i] or words[j] != words[j - 1]:
                out[k] = words[j]
                k += 1
        bounds[i + 1] = k
    return out[:k].copy(), bounds


@njit(cache=True, nogil=True)
def _sort_and_weigh(ranked: np.ndarray, starts: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Sort each claim's word ranks (rarest first) in place; each claim's set length + 1."""
    n = len(starts) - 1
    out = np.zeros(n, dtype=np.int64)
    for i in range(n):
        _sort_segment(ranked, starts[i], starts[i + 1])
        total = 0
        for k in range(starts[i], starts[i + 1]):
            total += weight[ranked[k]]
        out[i] = total
    return out


@njit(cache=True, nogil=True)
def _gather(
    ranked: np.ndarray, starts: np.ndarray, order: np.ndarray, positions: np.ndarray
) -> np.ndarray:
    out = np.empty(len(ranked), dtype=np.int32)
    for i in range(len(order)):
        source = starts[order[i]]
        for k in range(positions[i], positions[i + 1]):
            out[k] = ranked[source + k - positions[i]]
    return out


@njit(cache=True, nogil=True)
def _postings(
    claim_words: np.ndarray, positions: np.ndarray, posting_starts: np.ndarray
) -> np.ndarray:
    """For each word rank, the claims (in shortest-first order) holding it, ascending."""
    filled = posting_starts[:-1].copy()
    out = np.empty(len(claim_words), dtype=np.int32)
    for i in range(len(positions) - 1):
        for k in range(positions[i], positions[i + 1]):
            t = claim_words[k]
            out[filled[t]] = i
            filled[t] += 1
    return out


@njit(cache=True, nogil=True)
def _after(values: np.ndarray, lo: int, hi: int, item: int) -> int:
    """The first position in the sorted ``values[lo:hi]`` holding more than ``item``."""
    while lo < hi:
        middle = (lo + hi) // 2
        if values[middle] <= item:
            lo = middle + 1
        else:
            hi = middle
    return lo


@njit(cache=True, nogil=True)
def _join(
    worker: int,
    workers: int,
    claim_words: np.ndarray,
    positions: np.ndarray,
    claim_weight: np.ndarray,
    weight: np.ndarray,
    posting_starts: np.ndarray,
    postings: np.ndarray,
    group: np.ndarray,
    target: float,
    margin: float,
    extension: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = len(positions) - 1
    # Per stored claim: which probing claim last met it (high bits) and the weight they
    # share within that claim's prefix (low bits).
    state = np.zeros(n, dtype=np.int64)
    touched = np.empty(n, dtype=np.int32)
    floor_share = target - _ALIGNMENT_BAND / 100.0
    capacity = 1 << 16
    # Candidates by their positions (int32: millions of them at a million claims).
    out_a = np.empty(capacity, dtype=np.int32)
    out_b = np.empty(capacity, dtype=np.int32)
    out_score = np.empty(capacity, dtype=np.float64)
    out_verdict = np.empty(capacity, dtype=np.int8)
    found = 0
    low = 100.0 * target - margin
    floor = 100.0 * target - _ALIGNMENT_BAND
    high = 100.0 * target + margin
    for i in range(worker, n, workers):
        start, stop = positions[i], positions[i + 1]
        if start == stop:
            continue
        total_i = claim_weight[i]  # the claim's set length + 1
        # Shared words weigh (their joined length + 1) at least `need_floor` in a pair that
        # scores the alignment band's floor on shared words alone.
        need_floor = floor_share * (total_i - 1) / (2.0 - floor_share) + 1.0
        # The prefix: rarest words up to where the rest weighs less than a share of
        # `need_floor`; a pair must then share at least the difference within the prefix.
        rest = float(total_i)
        prefix = start
        while prefix < stop and rest >= need_floor * (1.0 - extension) - margin:
            rest -= weight[claim_words[prefix]]
            prefix += 1
        count = 0
        stamp = i + 1
        for k in range(start, prefix):
            t = claim_words[k]
            w = weight[t]
            lo, hi = posting_starts[t], posting_starts[t + 1]
            first = _after(postings, lo, hi, i)
            for m in range(first, hi):
                # One read and one write of `state` per posting: this loop is the join's
                # cost, and at a million claims `state` lives outside the CPU's caches.
                j = postings[m]
                seen = state[j]
                if seen >> _SHARE_BITS == stamp:
                    state[j] = seen + w
                else:
                    state[j] = (stamp << _SHARE_BITS) + w
                    touched[count] = j
                    count += 1
        for c in range(count):
            j = touched[c]
            in_prefix = state[j] & _SHARE_MASK
            if in_prefix + rest < need_floor - margin or group[j] == group[i]:
                continue  # cannot share enough even holding all the rest, or same article
            # Shared weight by merging the two sorted rank lists.
            p, q = start, positions[j]
            q_stop = positions[j + 1]
            shared = 0
            while p < stop and q < q_stop:
                x, y = claim_words[p], claim_words[q]
                if x == y:
                    shared += weight[x]
                    p += 1
                    q += 1
                elif x < y:
                    p += 1
                else:
                    q += 1
            total_j = claim_weight[j]
            only_i = total_i - shared
            only_j = total_j - shared
            if only_i == 0 or only_j == 0:
                score = 100.0
                verdict = _EXACT
            else:
                sect = shared - 1
                ab, ba = only_i - 1, only_j - 1
                length_i, length_j = total_i - 1, total_j - 1
                # sect vs sect+ab: the shorter claim gives the larger figure.
                by_words = 100.0 - 100.0 * (1 + ab) / (sect + length_i)
                lensum = length_i + length_j
                align_high = 100.0 - 100.0 * abs(ab - ba) / lensum
                if by_words >= high:
                    score = by_words
                    verdict = _EXACT if align_high <= by_words else _CHECK
                elif by_words >= low or (by_words >= floor and align_high >= low):
                    score = by_words
                    verdict = _CHECK
                else:
                    continue
            if found == capacity:
                capacity *= 2
                out_a = _grow(out_a, capacity)
                out_b = _grow(out_b, capacity)
                out_score = _grow(out_score, capacity)
                out_verdict = _grow(out_verdict, capacity)
            out_a[found] = i
            out_b[found] = j
            out_score[found] = score
            out_verdict[found] = verdict
            found += 1
    return out_a[:found], out_b[:found], out_score[:found], out_verdict[:found]


@njit(cache=True, nogil=True)
def _grow(values: np.ndarray, capacity: int) -> np.ndarray:
    out = np.empty(capacity, dtype=values.dtype)
    for k in range(len(values)):
        out[k] = values[k]
    return out
