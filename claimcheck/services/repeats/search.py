"""Search: rank stored claims for free text (BM25 over the claim index, then rapidfuzz)."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.normalize import normalize
from claimcheck.matching.terms import terms
from claimcheck.pipeline.language import detect_language
from claimcheck.pipeline.lexicon import SEARCH_STOP_WORDS, SUPPORTED_LANGUAGES
from claimcheck.services.lookup import check_status
from claimcheck.storage import Article, Claim, Sentence
from claimcheck.storage.models import ClaimToken, MatchToken

K1, B = 1.2, 0.75
RERANKED = 100  # BM25's best this many get the fuzzy score too
FUZZY_WEIGHT = 0.2  # share of rapidfuzz token_set_ratio in the final score
MAX_POSTINGS = 50_000  # words in more claims than this add little and cost much
# Postings read in full per query, rarest terms first (the rest only for the claims found).
# (CheckThat! 2022 2A dev MAP@5 is 0.9121 with 5,000, 10,000 or no limit.)
SEARCH_POSTINGS = 5_000


Token = tuple[int, str, int]  # id, text, claims holding it


def _query_terms(session: Session, kept: str, query: str) -> tuple[Counter[str], list[Token]]:
    """The query's terms, stemmed as the index stems its language, and their index entries.

    The index holds each claim's terms stemmed for its own language. A query stemmed both
    ways is read as the language whose terms the index knows more of (then: whose terms more
    claims hold); only a tie on both between different terms asks the language identifier,
    whose model takes most of a second to load.
    """
    ways = {language: terms(kept, language) for language in SUPPORTED_LANGUAGES}
    wanted = sorted({t for found in ways.values() for t in found})
    if not wanted:
        return Counter(), []
    tokens = [
        (token_id, text, claims)
        for token_id, text, claims in session.execute(
            select(MatchToken.id, MatchToken.text, MatchToken.claims).where(
                MatchToken.text.in_(wanted)
            )
        )
    ]
    held = {text: claims for _, text, claims in tokens}
    # Known terms first, then how many claims hold them: the reading this index backs.
    support = {
        language: (len(set(found) & held.keys()), sum(held.get(t, 0) for t in set(found)))
        for language, found in ways.items()
    }
    ranked = sorted(support.values(), reverse=True)
    if len({frozenset(set(found) & held.keys()) for found in ways.values()}) == 1:
        language = SUPPORTED_LANGUAGES[0]  # either reading finds the same postings
    elif ranked[0] > ranked[1]:
        language = max(SUPPORTED_LANGUAGES, key=support.__getitem__)
    else:
        language = detect_language(query)
    chosen = ways[language]
    return chosen, [t for t in tokens if t[1] in chosen and t[2] <= MAX_POSTINGS]


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
    article_title: str | None = None  # where the claim was read (an archived check: its title)
    outlet: str | None = None


def search(
    session: Session, *, query: str, limit: int = 10, status: str | None = None
) -> list[SearchHit]:
    """Stored claims ranked for ``query``; each hit says how it scored.

    BM25 over the index's stemmed terms with their frequencies (a claim's text and, for an
    archived check, its headline), in two passes: every posting of the query's terms
    without length normalisation, then exact BM25 for the best few hundred, blended with
    rapidfuzz's token_set_ratio on the unstemmed text.
    """
    if not query.strip():
        raise InvalidInput("give some words to search for")
    wanted = check_status(status) if status else None
    normalized = normalize(query)
    kept = " ".join(w for w in normalized.text.split() if w not in SEARCH_STOP_WORDS)
    query_terms, tokens = _query_terms(session, kept, query)
    if not query_terms:
        return []
    # BM25's collection size, as the highest claim id: counting a million rows takes longer
    # than the rest of the search, and ids only run ahead of the count by deleted claims.
    total = session.scalar(select(func.max(Claim.id))) or 1
    idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) * query_terms[w] for t, w, n in tokens}
    if not idf:
        return []
    connection = session.connection()
    # Rare terms first: their postings in full, up to a budget; the common rest only for
    # the claims the rare ones found (a claim holding none of the rare terms would not
    # make the first page on common words alone).
    held = {token_id: n for token_id, _, n in tokens}
    by_rarity = sorted(idf, key=lambda t: (held[t], t))
    read, full = 0, list[int]()
    for token_id in by_rarity:
        if full and read + held[token_id] > SEARCH_POSTINGS:
            break
        full.append(token_id)
        read += held[token_id]
    common = by_rarity[len(full) :]
    frequencies: defaultdict[int, dict[int, int]] = defaultdict(dict)
    rough: defaultdict[int, float] = defaultdict(float)

    def add(rows: Iterable[Any]) -> None:
        for token_id, claim_id, count in rows:  # fetched at once: row by row costs 3x
            frequencies[claim_id][token_id] = count
            rough[claim_id] += idf[token_id] * count * (K1 + 1) / (count + K1)

    columns = select(ClaimToken.token_id, ClaimToken.claim_id, ClaimToken.count)
    add(connection.execute(columns.where(ClaimToken.token_id.in_(full))).all())
    shortlist = heapq.nlargest(RERANKED * 3, rough, key=rough.__getitem__)
    if common and shortlist:
        add(
            connection.execute(
                columns.where(ClaimToken.token_id.in_(common), ClaimToken.claim_id.in_(shortlist))
            ).all()
        )
        shortlist = heapq.nlargest(RERANKED * 3, shortlist, key=rough.__getitem__)
    lengths: dict[int, int] = {
        claim_id: int(length)
        for claim_id, length in connection.execute(
            select(ClaimToken.claim_id, func.sum(ClaimToken.count))
            .where(ClaimToken.claim_id.in_(shortlist))
            .group_by(ClaimToken.claim_id)
        )
    }
    average = (sum(lengths.values()) / len(lengths)) if lengths else 1.0
    exact = {
        cid: sum(
            idf[t] * n * (K1 + 1) / (n + K1 * (1 - B + B * lengths.get(cid, 1) / average))
            for t, n in frequencies[cid].items()
        )
        for cid in shortlist
    }
    best_ids = heapq.nlargest(RERANKED, exact, key=exact.__getitem__)
    rows = connection.execute(
        select(
            Claim.id,
            Sentence.article_id,
            Claim.external_id,
            Claim.text,
            Claim.status,
            Claim.match_text,
            Article.title,
            Article.outlet,
        )
        .join(Sentence, Sentence.id == Claim.sentence_id)
        .join(Article, Article.id == Sentence.article_id)
        .where(Claim.id.in_(best_ids), *([Claim.status == wanted] if wanted else []))
    ).all()
    if not rows:
        return []
    best = max(exact[r[0]] for r in rows) or 1.0
    hits = []
    for cid, article_id, external_id, text, claim_status, match_text, title, outlet in rows:
        fuzzy = fuzz.token_set_ratio(normalized.text, match_text or "")
        score = (1 - FUZZY_WEIGHT) * 100 * exact[cid] / best + FUZZY_WEIGHT * fuzzy
        hits.append(
            SearchHit(
                cid,
                article_id,
                external_id,
                round(score, 1),
                round(exact[cid], 3),
                round(fuzzy, 1),
                text,
                claim_status,
                title,
                outlet,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.claim_id))
    return hits[:limit] if limit else hits
