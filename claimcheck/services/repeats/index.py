"""The match index: each claim's normalised text and its stemmed terms in the database."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Mapping
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from claimcheck.matching.normalize import normalize
from claimcheck.matching.terms import set_weight, terms
from claimcheck.services.repeats.postings import remember_weights
from claimcheck.storage import Claim
from claimcheck.storage.bulk import insert_rows, table_of
from claimcheck.storage.db import chunks
from claimcheck.storage.models import ClaimToken, MatchToken, PostingCache

MAX_TOKEN_CHARS = 64
CLAIM_TOKEN = table_of(ClaimToken)


def claim_terms(match_text: str | None, context: str | None, language: str) -> Counter[str]:
    """The terms a claim is indexed under, with their frequencies: its match text's, and its
    context's (an archived check's headline)."""
    found = terms(match_text or "", language)
    if context:
        found.update(terms(normalize(context).text, language))
    return found


def index_words(
    session: Session,
    claim_terms: Mapping[int, Mapping[str, int]],
    *,
    ranked: bool = True,
    fresh: bool = False,
) -> dict[int, list[tuple[int, int, str]]]:
    """Add the claims' terms to the inverted index, in bulk; with ``ranked``, each claim's
    terms rarest first, as (token id, claims holding it, term). ``fresh``: the claims were
    created in this transaction, so none of their postings can be there yet (a bulk import):
    PostgreSQL takes them by COPY."""
    frequencies = {
        cid: found
        if not found or max(map(len, found)) <= MAX_TOKEN_CHARS
        else {t[:MAX_TOKEN_CHARS]: n for t, n in found.items()}
        for cid, found in claim_terms.items()
    }
    counts = Counter(w for found in frequencies.values() for w in found)
    if not counts:
        return {cid: [] for cid in frequencies}
    known = _count_tokens(session, counts)
    # In key order, so each term's postings are written where they lie: made claim by claim
    # in id order, then sorted stably by term (a quarter of the time of sorting the tuples).
    postings = sorted(
        ((known[w][0], cid, n) for cid in sorted(frequencies) for w, n in frequencies[cid].items()),
        key=itemgetter(0),
    )
    if fresh and session.connection().dialect.name == "postgresql":
        # 30 us a posting through INSERT ... ON CONFLICT; COPY stores the same rows.
        insert_rows(session.connection(), CLAIM_TOKEN, ("token_id", "claim_id", "count"), postings)
    else:
        _add_postings(session, postings)
    if not ranked:
        return {}
    return {
        cid: sorted(((*known[w], w) for w in found), key=lambda token: (token[1], token[0]))
        for cid, found in frequencies.items()
    }


def _count_tokens(session: Session, counts: Counter[str]) -> dict[str, tuple[int, int]]:
    """Add ``counts`` to the terms' claim counts, creating the terms that are new; each
    term's (token id, claims holding it now)."""
    ordered = sorted(counts.items())  # one order for every writer: no deadlocks on PostgreSQL
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            sa.text(
                "INSERT INTO match_token (text, claims) "
                "SELECT * FROM unnest(CAST(:texts AS varchar[]), CAST(:counts AS integer[])) "
                "ON CONFLICT (text) DO UPDATE SET claims = match_token.claims + excluded.claims "
                "RETURNING text, id, claims"
            ),
            {"texts": [w for w, _ in ordered], "counts": [n for _, n in ordered]},
        )
        return {text: (token_id, n) for text, token_id, n in rows}
    # One statement, its terms as one JSON object: an executemany and then reading the ids
    # back, 5,000 terms a query, cost twice as long.
    rows = connection.exec_driver_sql(
        "INSERT INTO match_token (text, claims) SELECT key, value FROM json_each(?) WHERE true "
        "ON CONFLICT (text) DO UPDATE SET claims = match_token.claims + excluded.claims "
        "RETURNING text, id, claims",
        (json.dumps(dict(ordered), ensure_ascii=False),),
    )
    return {text: (token_id, n) for text, token_id, n in rows}


def _add_postings(session: Session, postings: list[tuple[int, int, int]]) -> None:
    """(token id, claim id, count) rows into the index; one already there stays (an article
    matched again)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        tokens, claims, counts = zip(*postings, strict=True) if postings else ((), (), ())
        connection.execute(
            sa.text(
                "INSERT INTO claim_token (token_id, claim_id, count) SELECT * FROM unnest("
                "CAST(:tokens AS integer[]), CAST(:claims AS integer[]), CAST(:counts AS integer[])"
                ") ON CONFLICT DO NOTHING"
            ),
            {"tokens": list(tokens), "claims": list(claims), "counts": list(counts)},
        )
        return
    connection.exec_driver_sql(
        "INSERT INTO claim_token (token_id, claim_id, count) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        postings,
    )


def unindex_claim(session: Session, claim_id: int) -> None:
    """Take a claim's words out of the index (before its text changes)."""
    token_ids = list(
        session.scalars(select(ClaimToken.token_id).where(ClaimToken.claim_id == claim_id))
    )
    if not token_ids:
        return
    session.execute(delete(ClaimToken).where(ClaimToken.claim_id == claim_id))
    session.execute(
        update(MatchToken).where(MatchToken.id.in_(token_ids)).values(claims=MatchToken.claims - 1)
    )


def reindex_claim(
    session: Session, claim: Claim, language: str, aliases: dict[str, str] | None = None
) -> None:
    """A claim whose text a reviewer changed: new match text, new index terms."""
    unindex_claim(session, claim.id)
    claim.match_text = normalize(claim.text, aliases or {}).text
    found = index_words(session, {claim.id: claim_terms(claim.match_text, claim.context, language)})
    # The posting cache has this claim under its old terms only, and its old set weight.
    forget(session, [token_id for token_id, _, _ in found[claim.id]], claim.id)
    remember_weights(session, {claim.id: set_weight(claim.match_text)})


def forget(session: Session, token_ids: Collection[int], claim_id: int) -> None:
    """Drop the posting cache's rows (postings.py) of terms a claim already packed in there
    now holds: they are rebuilt, with it, when next read."""
    for chunk in chunks(sorted(token_ids), 500):
        session.execute(
            delete(PostingCache).where(
                PostingCache.token_id.in_(chunk), PostingCache.upto >= claim_id
            )
        )
