"""The match index: each claim's normalised text and its stemmed terms in the database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from claimcheck.matching.normalize import normalize
from claimcheck.matching.terms import terms
from claimcheck.storage import Claim
from claimcheck.storage.models import ClaimToken, MatchToken

MAX_TOKEN_CHARS = 64


def claim_terms(match_text: str | None, context: str | None, language: str) -> Counter[str]:
    """The terms a claim is indexed under, with their frequencies: its match text's, and its
    context's (an archived check's headline)."""
    found = terms(match_text or "", language)
    if context:
        found.update(terms(normalize(context).text, language))
    return found


def index_words(
    session: Session, claim_terms: dict[int, Counter[str]]
) -> dict[int, list[tuple[int, int]]]:
    """Add the claims' terms to the inverted index; each claim's terms, rarest first, as
    (token id, claims holding it)."""
    frequencies = {
        cid: {t[:MAX_TOKEN_CHARS]: n for t, n in found.items()}
        for cid, found in claim_terms.items()
    }
    words = {cid: sorted(found) for cid, found in frequencies.items()}
    counts = Counter(w for ws in words.values() for w in ws)
    if not counts:
        return {cid: [] for cid in words}
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    ordered = sorted(counts.items())  # one order for every writer: no deadlocks on PostgreSQL
    stmt = insert(MatchToken)
    upsert = stmt.on_conflict_do_update(
        index_elements=["text"], set_={"claims": MatchToken.claims + stmt.excluded.claims}
    )
    # executemany with one compiled statement: far cheaper than one multi-row VALUES.
    session.execute(upsert, [{"text": w, "claims": n} for w, n in ordered])
    known: dict[str, tuple[int, int]] = {}
    for chunk in chunks([w for w, _ in ordered], 500):
        rows = session.execute(
            select(MatchToken.text, MatchToken.id, MatchToken.claims).where(
                MatchToken.text.in_(chunk)
            )
        )
        known.update({text: (token_id, n) for text, token_id, n in rows})
    postings = [
        {"token_id": known[w][0], "claim_id": cid, "count": frequencies[cid][w]}
        for cid, ws in words.items()
        for w in ws
    ]
    if postings:
        session.execute(insert(ClaimToken).on_conflict_do_nothing(), postings)
    return {
        cid: sorted((known[w] for w in ws), key=lambda token: (token[1], token[0]))
        for cid, ws in words.items()
    }


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
    index_words(session, {claim.id: claim_terms(claim.match_text, claim.context, language)})


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
