"""Candidates: the stored claims a claim is compared with, read from the index's rarest terms."""

from __future__ import annotations

import math
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.matching.terms import terms
from claimcheck.services.repeats.index import MAX_TOKEN_CHARS, chunks
from claimcheck.storage import Claim, Sentence
from claimcheck.storage.models import ClaimToken, MatchToken

# Candidates come from the rarest part of a claim's words: a claim that shares none of them
# shares too little to reach the suggest threshold.
PROBE_SHARE = 0.5
MAX_CANDIDATES = 400  # read from the index per claim
# Postings read per claim past its rarest term: a term held by tens of thousands of claims
# in a large archive costs more to read than it adds to the candidates.
PROBE_POSTINGS = 5_000


def probe_terms(ranked: list[tuple[int, int]]) -> list[int]:
    """The terms a claim's candidates are read through: its rarest ``PROBE_SHARE``, but
    past the rarest one only while their postings stay within ``PROBE_POSTINGS``."""
    chosen: list[int] = []
    read = 0
    for token_id, holders in ranked[: max(2, math.ceil(len(ranked) * PROBE_SHARE))]:
        if chosen and read + holders > PROBE_POSTINGS:
            break
        chosen.append(token_id)
        read += holders
    return chosen


def find_candidates(
    session: Session, ranked: dict[int, list[tuple[int, int]]], exclude: set[int]
) -> dict[int, dict[int, tuple[int, str, int, str]]]:
    """For each new claim, the stored claims sharing the most of its rarest words.

    ``ranked`` gives each claim's terms rarest first, as (token id, claims holding it).
    Two queries for the whole article: the postings of every probe word, then the texts of
    the claims they name.
    """
    probes = {cid: probe_terms(tokens) for cid, tokens in ranked.items()}
    wanted = sorted({t for ids in probes.values() for t in ids})
    if not wanted:
        return {}
    connection = session.connection()
    holders: dict[int, list[int]] = {}
    for chunk in chunks(wanted, 500):
        rows = connection.execute(
            select(ClaimToken.token_id, ClaimToken.claim_id).where(ClaimToken.token_id.in_(chunk))
        )
        for token_id, claim_id in rows:
            if claim_id not in exclude:
                holders.setdefault(token_id, []).append(claim_id)
    chosen: dict[int, list[int]] = {}
    for cid, probe in probes.items():
        shared = Counter(other for t in probe for other in holders.get(t, ()))
        chosen[cid] = [other for other, _ in shared.most_common(MAX_CANDIDATES)]
    everyone = sorted({other for others in chosen.values() for other in others})
    rows_by_id: dict[int, tuple[int, str, int, str]] = {}
    for chunk in chunks(everyone, 500):
        texts = connection.execute(
            select(Claim.id, Claim.text, Sentence.article_id, Claim.match_text)
            .join(Sentence, Claim.sentence_id == Sentence.id)
            .where(Claim.id.in_(chunk))
        )
        rows_by_id.update({r[0]: (r[0], r[1], r[2], r[3] or "") for r in texts})
    return {
        cid: {other: rows_by_id[other] for other in others if other in rows_by_id}
        for cid, others in chosen.items()
    }


def candidates_for(
    session: Session, match_text: str, language: str, exclude: set[int]
) -> dict[int, tuple[int, str, int, str]]:
    """A claim not stored yet: the stored claims ingest would compare it with (read only)."""
    wanted = sorted({t[:MAX_TOKEN_CHARS] for t in terms(match_text, language)})
    known = [
        (token_id, holders)
        for token_id, holders in session.execute(
            select(MatchToken.id, MatchToken.claims).where(MatchToken.text.in_(wanted))
        )
    ]
    ranked = sorted(known, key=lambda token: (token[1], token[0]))
    return find_candidates(session, {-1: ranked}, exclude).get(-1, {})
