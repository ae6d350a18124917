"""Record: a new article's claims indexed, compared with their candidates, matches stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from claimcheck.matching.aliases import learn_aliases
from claimcheck.matching.compare import Comparison, compare
from claimcheck.matching.compare import MatchKind as Found
from claimcheck.matching.normalize import Normalized, normalize
from claimcheck.matching.terms import Indexed, terms
from claimcheck.matching.thresholds import Thresholds
from claimcheck.services.repeats.candidates import find_candidates, lookup
from claimcheck.services.repeats.groups import join_groups
from claimcheck.services.repeats.index import index_words
from claimcheck.services.repeats.postings import remember_weights
from claimcheck.storage import Article
from claimcheck.storage.db import rows_by_ids
from claimcheck.storage.models import ClaimMatch, MatchKind, utcnow

MAX_COMPARED = 20  # the best-scoring candidates get the full comparison with guards
MAX_STORED = 5  # matches kept per new claim
MATCHER = "matching"


@dataclass(frozen=True)
class Recorded:
    suggested: int
    linked: int


def record_article(
    session: Session,
    article: Article,
    thresholds: Thresholds | None = None,
    *,
    forms: Mapping[int, Normalized] | None = None,
    indexed: Mapping[int, Indexed] | None = None,
    aliases: dict[str, str] | None = None,
) -> Recorded:
    """Index a newly stored article's claims and match them against other articles' claims.

    ``forms``, ``indexed`` and ``aliases`` are what the pipeline already made of the article
    (claim id -> its normalised form, its index terms); without them they are made here from
    the stored text."""
    limits = thresholds or Thresholds()
    if aliases is None:
        aliases = learn_aliases(article.text)
    claims = [c for s in article.sentences for c in s.claims]
    if not claims:
        return Recorded(0, 0)
    given = forms or {}
    prepared = {c.id: given.get(c.id) or normalize(c.text, aliases) for c in claims}
    # the pipeline's terms where they are of this very text, stemmed in the article's language
    made = {
        cid: found
        for cid, found in (indexed or {}).items()
        if cid in given and found.language == article.language
    }
    ranked = index_words(
        session,
        {
            cid: Counter(dict(made[cid].counts)) if cid in made else terms(n.text, article.language)
            for cid, n in prepared.items()
        },
    )
    own = set(prepared)
    suggested = linked = 0
    alias_cache: dict[int, dict[str, str]] = {article.id: aliases}
    lookups = {
        cid: lookup(
            ranked[cid],
            n.text,
            article.language,
            dict(made[cid].weights) if cid in made else None,
        )
        for cid, n in prepared.items()
    }
    remember_weights(session, {cid: found.weight for cid, found in lookups.items()})
    candidates = find_candidates(
        session, lookups, own, threshold=limits.suggest, limit=MAX_COMPARED, write=True
    )
    best = {cid: [c.claim_id for c in found] for cid, found in candidates.items()}
    stored = _stored_claims(session, {other for others in best.values() for other in others})
    for claim in claims:
        mine = prepared[claim.id]
        scored = (
            (fuzz.token_set_ratio(mine.text, stored[other][2]), other)
            for other in best.get(claim.id, [])
            if other in stored
        )
        quick = sorted(
            ((score, other) for score, other in scored if score >= limits.suggest),
            key=lambda item: (-item[0], item[1]),
        )
        results = []
        for _, other_id in quick:
            other_text, other_article, _ = stored[other_id]
            if other_article not in alias_cache:
                source = session.get(Article, other_article)
                alias_cache[other_article] = learn_aliases(source.text if source else "")
            result = compare(mine, normalize(other_text, alias_cache[other_article]), limits)
            if result.kind is not Found.NONE:
                results.append((result.kind is Found.LINKED, result.score, other_id, result))
        # The best few only: a claim repeated by twenty outlets needs its group, not 190 pairs.
        results.sort(key=lambda item: (item[0], item[1], -item[2]), reverse=True)
        for is_link, _, other_id, result in results[:MAX_STORED]:
            kind, blocked = as_stored(result)
            if not _store_pair(session, claim.id, other_id, result.score, kind, blocked):
                continue
            if is_link:
                linked += 1
                join_groups(session, other_id, claim.id, MATCHER)
            else:
                suggested += 1
    return Recorded(suggested, linked)


def _stored_claims(session: Session, claim_ids: set[int]) -> dict[int, tuple[str, int, str]]:
    """Each claim's text, article and match text."""
    rows = rows_by_ids(
        session,
        "SELECT claim.id, claim.text, sentence.article_id, claim.match_text FROM claim "
        "JOIN sentence ON claim.sentence_id = sentence.id WHERE claim.id IN ({ids})",
        sorted(claim_ids),
    )
    return {r[0]: (r[1], r[2], r[3] or "") for r in rows}


def as_stored(result: Comparison) -> tuple[MatchKind, str | None]:
    """A found pair's kind as stored, and what kept it from being linked."""
    kind = MatchKind.LINKED if result.kind is Found.LINKED else MatchKind.SUGGESTED
    return kind, "; ".join(result.blocked_by) or None


def _store_pair(
    session: Session, first: int, second: int, score: float, kind: MatchKind, guards: str | None
) -> bool:
    """Store a found pair unless the pair is already known (a reviewer's decision stays)."""
    a, b = sorted((first, second))
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stored = session.execute(
        insert(ClaimMatch)
        .values(
            claim_a_id=a,
            claim_b_id=b,
            score=score,
            kind=kind.value,
            guards=guards,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    return bool(getattr(stored, "rowcount", 0))
