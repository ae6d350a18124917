"""Candidates: the stored claims a claim is compared with, found through the index's terms.

For a whole article at once: the postings of every term its claims are looked up by come
from the posting cache in one pass (postings.py), and the counting is done on arrays.

Per claim, in two steps. First the postings of its rarest terms, while they stay within
``PROBE_POSTINGS``: the stored claims holding the most of those terms (by the weight of the
words behind them) are its ``MAX_CANDIDATES`` candidates. Then each candidate's share of
the claim's other terms, read for the candidates only, except terms so common
(``COMMON_SHARE`` of all claims) that reading them costs more than it tells: those short
words are counted as if every candidate held them. From the words shared and the two
claims' set weights follows the highest token_set_ratio the pair can reach (see
``matching/join.py``); candidates are ranked by it, and those that cannot come within
``ALIGNMENT_BAND`` of the threshold are dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcheck.matching.terms import set_weight, term_weights, terms
from claimcheck.matching.thresholds import Thresholds
from claimcheck.services.repeats.postings import Postings, read_postings
from claimcheck.storage import Claim
from claimcheck.storage.models import MatchToken

# The postings read per claim through its rarest terms (at least its rarest term's).
PROBE_POSTINGS = 7_500
MAX_CANDIDATES = 400  # stored claims ranked per claim
# Terms held by more than this share of all claims are not read: they are short words
# ("dan", "yang", "the") and are counted as shared with every candidate.
COMMON_SHARE = 0.05
# A pair's score can exceed what its shared words give when the words it does not share are
# spelt alike (a typo); candidates within this many points under the threshold are kept.
ALIGNMENT_BAND = 10.0


@dataclass(frozen=True)
class Term:
    token_id: int
    holders: int  # claims holding it
    weight: int  # the claim's words behind it (their lengths plus one each)


@dataclass(frozen=True)
class Lookup:
    """A claim to find candidates for: its indexed terms, rarest first, and its set weight."""

    terms: list[Term]
    weight: int


@dataclass(frozen=True)
class Candidate:
    claim_id: int
    bound: float  # the highest token_set_ratio the shared words allow
    shared: int  # weight of the claim's words the candidate holds (common words included)


def lookup(
    ranked: list[tuple[int, int, str]],
    match_text: str,
    language: str,
    weights: Mapping[str, int] | None = None,
) -> Lookup:
    """A claim's look-up from its index terms (token id, holders, term), rarest first;
    ``weights``: its terms' weights when already made (matching/terms.py)."""
    if weights is None:
        weights = term_weights(match_text, language)
    return Lookup(
        [Term(token_id, holders, weights.get(term, 0)) for token_id, holders, term in ranked],
        set_weight(match_text),
    )


def find_candidates(
    session: Session,
    claims: dict[int, Lookup],
    exclude: Collection[int],
    *,
    threshold: float,
    limit: int = MAX_CANDIDATES,
    write: bool = False,
) -> dict[int, list[Candidate]]:
    """For each claim, the stored claims (not in ``exclude``) that may reach ``threshold``,
    best bound first, at most ``limit``. ``write``: inside the transaction that has just
    indexed these claims (the posting cache may then be packed, see postings.py)."""
    everyone = session.scalar(select(func.max(Claim.id))) or 0
    common = max(PROBE_POSTINGS, COMMON_SHARE * everyone)
    plans = {cid: _plan(found) for cid, found in claims.items()}
    wanted = {
        t.token_id: t.holders
        for first, then in plans.values()
        for t in (*first, *(t for t in then if t.holders <= common))
    }
    postings = read_postings(session, wanted, written=exclude if write else ())
    # Ids past the count taken above: claims committed since (a reader on PostgreSQL).
    top = max([everyone, *(int(p.claims[-1]) for p in postings.values() if len(p))])
    tally = _Tally(top, exclude)
    return {
        cid: _rank(claims[cid], *plans[cid], postings, tally, threshold, common, limit)
        for cid in claims
    }


def candidates_for(
    session: Session, match_text: str, language: str, exclude: Collection[int]
) -> list[Candidate]:
    """A claim not stored yet: the stored claims ingest would compare it with (read only)."""
    wanted = sorted(terms(match_text, language))
    ranked = sorted(
        (holders, token_id, term)
        for token_id, holders, term in session.execute(
            select(MatchToken.id, MatchToken.claims, MatchToken.text).where(
                MatchToken.text.in_(wanted)
            )
        )
    )
    claim = lookup([(t, n, term) for n, t, term in ranked], match_text, language)
    found = find_candidates(session, {-1: claim}, exclude, threshold=Thresholds().suggest)
    return found[-1]


def _plan(claim: Lookup) -> tuple[list[Term], list[Term]]:
    """The terms whose postings find the candidates (rarest, within ``PROBE_POSTINGS``), and
    the rest, read for the candidates only."""
    first: list[Term] = []
    read = 0
    for term in claim.terms:
        if first and read + term.holders > PROBE_POSTINGS:
            break
        first.append(term)
        read += term.holders
    return first, claim.terms[len(first) :]


class _Tally:
    """Arrays over every claim id, kept by the process and reused for each claim: what each
    stored claim shares with the claim at hand, without sorting its postings."""

    shared = np.zeros(0, np.int32)
    weight = np.zeros(0, np.uint16)

    def __init__(self, top: int, exclude: Collection[int]) -> None:
        if len(_Tally.shared) <= top:
            size = max(top + 1, len(_Tally.shared) * 5 // 4)
            _Tally.shared = np.zeros(size, np.int32)
            _Tally.weight = np.zeros(size, np.uint16)
        self.skipped = np.asarray([c for c in exclude if 0 <= c <= top], np.int64)

    def count(self, read: list[tuple[Term, Postings]]) -> tuple[npt.NDArray[np.int64], ...]:
        """The claims holding any of these terms once each, the weight each shares, its set
        weight. The arrays are all zero again afterwards."""
        shared, weight = _Tally.shared, _Tally.weight
        for term, found in read:
            shared[found.claims] += term.weight  # a term holds a claim once
            weight[found.claims] = found.weights
        shared[self.skipped] = 0
        ids, sums = [], []
        for _, found in read:
            # Read and cleared term by term: a claim holding two terms counts once.
            sums.append(shared[found.claims])
            shared[found.claims] = 0
            ids.append(found.claims)
        every, total = np.concatenate(ids), np.concatenate(sums)
        held = total > 0
        chosen: npt.NDArray[np.int64] = every[held].astype(np.int64)
        return chosen, total[held].astype(np.int64), weight[chosen].astype(np.int64)


def _rank(
    claim: Lookup,
    first: list[Term],
    then: list[Term],
    postings: dict[int, Postings],
    tally: _Tally,
    threshold: float,
    common: float,
    limit: int,
) -> list[Candidate]:
    read = [(t, postings[t.token_id]) for t in first if len(postings.get(t.token_id, ()))]
    if not read:
        return []
    ids, shared, their_weight = tally.count(read)
    # What the other terms could add at most: a candidate that cannot reach the floor even
    # holding them all is dropped before they are read.
    unread = sum(t.weight for t in then)
    floor = threshold - ALIGNMENT_BAND
    hopeful = _bound(shared + unread, claim.weight, their_weight) >= floor
    ids, shared, their_weight = ids[hopeful], shared[hopeful], their_weight[hopeful]
    if len(ids) > MAX_CANDIDATES:
        # Most shared weight first, then the older claim: the same order every time.
        # Shared weights are small integers: the cut is read off their counts (a partition
        # of thousands of equal values is slow).
        from_top = np.cumsum(np.bincount(shared)[::-1])
        cut = len(from_top) - 1 - int(np.searchsorted(from_top, MAX_CANDIDATES))
        above = np.flatnonzero(shared > cut)
        tied = np.flatnonzero(shared == cut)
        tied = tied[np.argsort(ids[tied])][: MAX_CANDIDATES - len(above)]
        best = np.concatenate([above, tied])
        ids, shared, their_weight = ids[best], shared[best], their_weight[best]
    rest = 0
    for term in then:
        if term.holders > common:
            rest += term.weight
            continue
        held = postings[term.token_id].claims if term.token_id in postings else None
        if held is None or not len(held):
            continue
        spot = np.minimum(np.searchsorted(held, ids), len(held) - 1)
        shared += np.where(held[spot] == ids, term.weight, 0)
    bound = _bound(shared + rest, claim.weight, their_weight)
    keep = bound >= floor
    ids, bound, shared = ids[keep], bound[keep], shared[keep] + rest
    order = np.lexsort((ids, -shared, -bound))[:limit]
    return [
        Candidate(int(i), round(float(b), 2), int(s))
        for i, b, s in zip(
            ids[order].tolist(), bound[order].tolist(), shared[order].tolist(), strict=True
        )
    ]


def _bound(
    shared: npt.NDArray[np.int64], weight: int, their_weight: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """The highest token_set_ratio two claims can reach sharing words of this weight: the
    shared words against the shorter claim (see matching/join.py)."""
    shorter = np.minimum(weight, their_weight)
    reach = np.minimum(shared, shorter)
    return np.where(
        reach >= shorter, 100.0, 100.0 * (2 * reach - 2) / np.maximum(reach + shorter - 2, 1)
    )
