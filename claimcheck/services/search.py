"""Search: rank stored claims for free text (BM25 over the claim index, then rapidfuzz)."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.normalize import normalize
from claimcheck.pipeline.lexicon import SEARCH_STOP_WORDS
from claimcheck.services.lookup import check_status
from claimcheck.storage import Claim, Sentence
from claimcheck.storage.models import ClaimToken, MatchToken

K1, B = 1.2, 0.75
RERANKED = 100  # BM25's best this many get the fuzzy score too
FUZZY_WEIGHT = 0.2  # share of rapidfuzz token_set_ratio in the final score
MAX_POSTINGS = 50_000  # words in more claims than this add little and cost much


@dataclass(frozen=True)
class SearchHit:
    claim_id: int
    article_id: int
    external_id: str | None
    score: float  # 0-100
    bm25: float
    fuzzy: float
    text: str
    status: str


def search(
    session: Session, *, query: str, limit: int = 10, status: str | None = None
) -> list[SearchHit]:
    """Stored claims ranked for ``query``; each hit says how it scored."""
    if not query.strip():
        raise InvalidInput("give some words to search for")
    wanted = check_status(status) if status else None
    normalized = normalize(query)
    words = sorted(set(normalized.text.split()) - SEARCH_STOP_WORDS)
    if not words:
        return []
    total = session.scalar(select(func.count(Claim.id)).where(Claim.match_text.is_not(None))) or 1
    tokens = session.execute(
        select(MatchToken.id, MatchToken.claims).where(
            MatchToken.text.in_(words), MatchToken.claims <= MAX_POSTINGS
        )
    ).all()
    idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in tokens}
    if not idf:
        return []
    connection = session.connection()
    raw: defaultdict[int, float] = defaultdict(float)
    for token_id, claim_id in connection.execute(
        select(ClaimToken.token_id, ClaimToken.claim_id).where(ClaimToken.token_id.in_(idf))
    ):
        raw[claim_id] += idf[token_id]
    shortlist = heapq.nlargest(RERANKED * 3, raw, key=raw.__getitem__)
    query_filter = Claim.id.in_(shortlist)
    rows = connection.execute(
        select(
            Claim.id,
            Sentence.article_id,
            Claim.external_id,
            Claim.text,
            Claim.status,
            Claim.match_text,
            Claim.context,
        )
        .join(Sentence, Sentence.id == Claim.sentence_id)
        .where(query_filter, *([Claim.status == wanted] if wanted else []))
    ).all()
    if not rows:
        return []
    lengths = {r[0]: len((r[5] or "").split()) + len((r[6] or "").split()) for r in rows}
    average = sum(lengths.values()) / len(lengths) or 1.0
    ranked: list[tuple[float, int]] = []
    for index, row in enumerate(rows):
        norm = K1 * (1 - B + B * lengths[row[0]] / average)
        # The index holds a word once per claim, so every term frequency is 1 and BM25 is
        # the summed idf of the shared words times one length factor.
        ranked.append((raw[row[0]] * (K1 + 1) / (1 + norm), index))
    ranked.sort(reverse=True)
    best = ranked[0][0] or 1.0
    hits = []
    for bm25, index in ranked[:RERANKED]:
        cid, article_id, external_id, text, claim_status, match_text, _ = rows[index]
        fuzzy = fuzz.token_set_ratio(normalized.text, match_text or "")
        score = (1 - FUZZY_WEIGHT) * 100 * bm25 / best + FUZZY_WEIGHT * fuzzy
        hits.append(
            SearchHit(
                cid,
                article_id,
                external_id,
                round(score, 1),
                round(bm25, 3),
                round(fuzzy, 1),
                text,
                claim_status,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.claim_id))
    return hits[:limit] if limit else hits
