"""Repeated claims: index claims for matching, record the matches, keep the groups."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from sqlalchemy import delete, select, tuple_, update
from sqlalchemy import insert as plain_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from claimcheck.matching.aliases import learn_aliases
from claimcheck.matching.compare import Comparison, Thresholds, compare
from claimcheck.matching.compare import MatchKind as Found
from claimcheck.matching.normalize import Normalized, normalize
from claimcheck.matching.terms import terms
from claimcheck.storage import Article, Claim, Sentence
from claimcheck.storage.models import (
    ClaimGroup,
    ClaimMatch,
    ClaimToken,
    GroupMember,
    MatchKind,
    MatchToken,
    utcnow,
)

if TYPE_CHECKING:
    import numpy as np

MAX_TOKEN_CHARS = 64
# Candidates come from the rarest part of a claim's words: a claim that shares none of them
# shares too little to reach the suggest threshold.
PROBE_SHARE = 0.5
MAX_CANDIDATES = 400  # read from the index per claim
# Postings read per claim past its rarest term: a term held by tens of thousands of claims
# in a large archive costs more to read than it adds to the candidates.
PROBE_POSTINGS = 5_000
MAX_COMPARED = 20  # the best-scoring candidates get the full comparison with guards
MAX_STORED = 5  # matches kept per new claim
MATCHER = "matching"


@dataclass(frozen=True)
class Recorded:
    suggested: int
    linked: int


def fill_match_texts(article: Article) -> None:
    """Give a new article's claims their ``match_text``, before they are first written (set
    later, it would count as a change and bump each claim's version)."""
    aliases = learn_aliases(article.text)
    for claim in (c for s in article.sentences for c in s.claims):
        claim.match_text = normalize(claim.text, aliases).text


def record(session: Session, article: Article, thresholds: Thresholds | None = None) -> Recorded:
    """Index a newly stored article's claims and match them against other articles' claims."""
    limits = thresholds or Thresholds()
    aliases = learn_aliases(article.text)
    claims = [c for s in article.sentences for c in s.claims]
    if not claims:
        return Recorded(0, 0)
    prepared = {c.id: normalize(c.text, aliases) for c in claims}
    ranked = index_words(
        session, {cid: terms(n.text, article.language) for cid, n in prepared.items()}
    )
    own = set(prepared)
    suggested = linked = 0
    alias_cache: dict[int, dict[str, str]] = {article.id: aliases}
    candidates = find_candidates(session, ranked, own)
    for claim in claims:
        mine = prepared[claim.id]
        found = candidates.get(claim.id, {})
        quick = process.extract(
            mine.text,
            {cid: row[3] for cid, row in found.items()},
            scorer=fuzz.token_set_ratio,
            score_cutoff=limits.suggest,
            limit=MAX_COMPARED,
        )
        results = []
        for _, _, other_id in quick:
            _, other_text, other_article, _ = found[other_id]
            if other_article not in alias_cache:
                stored = session.get(Article, other_article)
                alias_cache[other_article] = learn_aliases(stored.text if stored else "")
            result = compare(mine, normalize(other_text, alias_cache[other_article]), limits)
            if result.kind is not Found.NONE:
                results.append((result.kind is Found.LINKED, result.score, other_id, result))
        # The best few only: a claim repeated by twenty outlets needs its group, not 190 pairs.
        results.sort(key=lambda item: (item[0], item[1], -item[2]), reverse=True)
        for is_link, _, other_id, result in results[:MAX_STORED]:
            kind, blocked = _as_stored(result)
            if not _store_pair(session, claim.id, other_id, result.score, kind, blocked):
                continue
            if is_link:
                linked += 1
                _join_groups(session, other_id, claim.id, MATCHER)
            else:
                suggested += 1
    return Recorded(suggested, linked)


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
    for chunk in _chunks([w for w, _ in ordered], 500):
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
    for chunk in _chunks(wanted, 500):
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
    for chunk in _chunks(everyone, 500):
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


def _as_stored(result: Comparison) -> tuple[MatchKind, str | None]:
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


def group_of(session: Session, claim_id: int) -> int | None:
    return session.scalar(select(GroupMember.group_id).where(GroupMember.claim_id == claim_id))


def members(session: Session, group_id: int) -> list[int]:
    return list(
        session.scalars(
            select(GroupMember.claim_id)
            .where(GroupMember.group_id == group_id)
            .order_by(GroupMember.claim_id)
        )
    )


def _join_groups(session: Session, existing: int, new: int, who: str) -> int:
    """Put ``new`` in ``existing``'s group (made if needed). Matching never merges two
    groups: a chain of near-matches must not glue different claims together."""
    group = group_of(session, existing)
    if group is None:
        made = ClaimGroup(created_at=utcnow())
        session.add(made)
        session.flush()
        group = made.id
        session.add(GroupMember(claim_id=existing, group_id=group, added_at=utcnow(), added_by=who))
    if group_of(session, new) is None:
        session.add(GroupMember(claim_id=new, group_id=group, added_at=utcnow(), added_by=who))
    session.flush()
    return group


def merge_groups(session: Session, first: int, second: int, who: str) -> int:
    """A reviewer says two claims are the same: one group holds both and their groups."""
    group_a, group_b = group_of(session, first), group_of(session, second)
    if group_a is not None and group_b is not None and group_a != group_b:
        keep, drop = sorted((group_a, group_b))
        session.execute(
            update(GroupMember).where(GroupMember.group_id == drop).values(group_id=keep)
        )
        session.delete(session.get(ClaimGroup, drop))
        session.flush()
        return keep
    if group_a is None and group_b is not None:
        return _join_groups(session, second, first, who)
    return _join_groups(session, first, second, who)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Scan:
    claims: int
    similar: int  # pairs of other articles' claims at or above the suggest threshold
    suggested: int  # new suggestions stored
    linked: int  # new links stored
    grouped: int  # claims that joined a group
    removed: int  # earlier suggestions, never decided, that no longer qualify


def scan(session: Session, thresholds: Thresholds | None = None) -> Scan:
    """Match every stored claim against every other in one pass (the all-pairs join).

    What ingest does for one new article, for the whole database: each claim keeps its
    ``MAX_STORED`` best matches, the pairs at the link threshold pass the guards, links grow
    groups. Reviewers' decisions stay as they are: a confirmed or rejected pair is never
    touched, a group is never split or merged, and only suggestions nobody decided and the
    current thresholds no longer support are removed.
    """
    import numpy as np  # with the join's compiled code: only for a scan, not every command

    from claimcheck.matching.join import similar_pairs

    limits = thresholds or Thresholds()
    connection = session.connection()
    rows = connection.execute(
        select(Claim.id, Claim.match_text, Sentence.article_id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .order_by(Claim.id)
    ).all()
    ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    joined = similar_pairs(
        [r[1] or "" for r in rows],
        threshold=limits.suggest,
        exclude_same=[r[2] for r in rows],
    )
    first, second, scores = _best_per_claim(ids[joined.a], ids[joined.b], joined.score)
    existing = {
        (a, b): kind
        for a, b, kind in connection.execute(
            select(ClaimMatch.claim_a_id, ClaimMatch.claim_b_id, ClaimMatch.kind)
        )
    }
    found: dict[tuple[int, int], tuple[float, MatchKind, str | None]] = {}
    strong = [k for k, s in enumerate(scores.tolist()) if s >= limits.link]
    prepared = _prepare(session, {int(x) for k in strong for x in (first[k], second[k])})
    for a, b, score in zip(first.tolist(), second.tolist(), scores.tolist(), strict=True):
        if existing.get((a, b), MatchKind.SUGGESTED) not in (MatchKind.SUGGESTED, MatchKind.LINKED):
            continue  # a reviewer decided this pair
        if score < limits.link:
            found[(a, b)] = (round(score, 1), MatchKind.SUGGESTED, None)
            continue
        result = compare(prepared[a], prepared[b], limits)
        found[(a, b)] = (result.score, *_as_stored(result))

    # An undecided suggestion goes when its score is now under the suggest threshold (one
    # crowded out of a claim's best five by better matches stays).
    def text_of(claim_id: int) -> str:
        return str(rows[int(np.searchsorted(ids, claim_id))][1] or "")

    stale = [
        (a, b)
        for (a, b), kind in existing.items()
        if kind == MatchKind.SUGGESTED
        and (a, b) not in found
        and fuzz.token_set_ratio(text_of(a), text_of(b)) < limits.suggest
    ]
    for chunk in _chunks(stale, 500):
        session.execute(
            delete(ClaimMatch).where(
                tuple_(ClaimMatch.claim_a_id, ClaimMatch.claim_b_id).in_(chunk)
            )
        )
    new = [(pair, v) for pair, v in found.items() if pair not in existing]
    now = utcnow()
    for batch in _chunks(new, 20_000):  # a batch of parameter rows at a time, not a million
        session.execute(
            plain_insert(ClaimMatch),
            [
                {
                    "claim_a_id": a,
                    "claim_b_id": b,
                    "score": score,
                    "kind": kind.value,
                    "guards": guards,
                    "created_at": now,
                }
                for (a, b), (score, kind, guards) in batch
            ],
        )
    links = sorted(
        ((score, a, b) for (a, b), (score, kind, _) in new if kind is MatchKind.LINKED),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    grouped = _group_links(session, [(a, b) for _, a, b in links])
    return Scan(
        claims=len(rows),
        similar=len(joined),
        suggested=sum(1 for _, v in new if v[1] is MatchKind.SUGGESTED),
        linked=len(links),
        grouped=grouped,
        removed=len(stale),
    )


def _best_per_claim(
    first: np.ndarray, second: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs among each claim's ``MAX_STORED`` best (by score, then the other's id),
    as (smaller id, larger id, score), each pair once."""
    import numpy as np

    claim = np.concatenate([first, second])
    other = np.concatenate([second, first])
    score = np.concatenate([scores, scores])
    order = np.lexsort((other, -score, claim))
    claim, other, score = claim[order], other[order], score[order]
    starts = np.flatnonzero(np.r_[True, claim[1:] != claim[:-1]])
    rank = np.arange(len(claim)) - np.repeat(starts, np.diff(np.r_[starts, len(claim)]))
    keep = rank < MAX_STORED
    a = np.minimum(claim, other)[keep]
    b = np.maximum(claim, other)[keep]
    pairs, index = np.unique(np.stack([a, b], axis=1), axis=0, return_index=True)
    if not len(pairs):
        return a, b, score[keep]
    return pairs[:, 0], pairs[:, 1], score[keep][index]


def _prepare(session: Session, claim_ids: set[int]) -> dict[int, Normalized]:
    """Claims in the form compare() takes, aliases learnt from their own articles."""
    out: dict[int, Normalized] = {}
    aliases: dict[int, dict[str, str]] = {}
    for chunk in _chunks(sorted(claim_ids), 500):
        rows = session.execute(
            select(Claim.id, Claim.text, Article.id, Article.text)
            .join(Sentence, Claim.sentence_id == Sentence.id)
            .join(Article, Sentence.article_id == Article.id)
            .where(Claim.id.in_(chunk))
        )
        for claim_id, text, article_id, article_text in rows:
            if article_id not in aliases:
                aliases[article_id] = learn_aliases(article_text)
            out[claim_id] = normalize(text, aliases[article_id])
    return out


def _group_links(session: Session, links: list[tuple[int, int]]) -> int:
    """Grow groups along new links, strongest first, as ingest does: a claim in no group
    joins its partner's (a new group if neither has one); two groups are never merged."""
    if not links:
        return 0
    group_of_claim = {
        claim_id: group_id
        for claim_id, group_id in session.execute(
            select(GroupMember.claim_id, GroupMember.group_id)
        )
    }
    joining: list[tuple[int, ClaimGroup | int]] = []
    pending: dict[int, ClaimGroup | int] = {}
    for a, b in links:
        ga = group_of_claim.get(a, pending.get(a))
        gb = group_of_claim.get(b, pending.get(b))
        if ga is not None and gb is not None:
            continue
        if ga is None and gb is None:
            made = ClaimGroup(created_at=utcnow())
            session.add(made)
            for cid in (a, b):
                pending[cid] = made
                joining.append((cid, made))
            continue
        cid, group = (b, ga) if ga is not None else (a, gb)
        assert group is not None
        pending[cid] = group
        joining.append((cid, group))
    session.flush()  # the new groups get their ids
    now = utcnow()
    session.execute(
        plain_insert(GroupMember),
        [
            {
                "claim_id": cid,
                "group_id": g if isinstance(g, int) else g.id,
                "added_at": now,
                "added_by": MATCHER,
            }
            for cid, g in joining
        ],
    )
    return len(joining)
