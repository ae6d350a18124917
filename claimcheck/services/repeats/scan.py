"""Scan: every stored claim matched against every other in one pass (the all-pairs join)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from sqlalchemy import delete, select, tuple_
from sqlalchemy import insert as plain_insert
from sqlalchemy.orm import Session

from claimcheck.matching.aliases import learn_aliases
from claimcheck.matching.compare import compare
from claimcheck.matching.normalize import Normalized, normalize
from claimcheck.matching.thresholds import Thresholds
from claimcheck.services.repeats.record import MATCHER, MAX_STORED, as_stored
from claimcheck.storage import Article, Claim, Sentence
from claimcheck.storage.bulk import insert_rows, table_of
from claimcheck.storage.db import chunks
from claimcheck.storage.models import ClaimGroup, ClaimMatch, GroupMember, MatchKind, utcnow

if TYPE_CHECKING:
    import numpy as np


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

    from claimcheck.matching.join import compile_ahead, similar_pairs

    compiling = compile_ahead()  # while the claims are read
    limits = thresholds or Thresholds()
    connection = session.connection()
    # Plain lists, not the result's rows: held as result rows a million claims took 195 MB more.
    texts: list[str] = []
    articles = array("q")
    ids_read = array("q")
    for claim_id, text, article_id in connection.execute(
        select(Claim.id, Claim.match_text, Sentence.article_id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .order_by(Claim.id)
    ):
        ids_read.append(claim_id)
        texts.append(text or "")
        articles.append(article_id)
    ids = np.frombuffer(ids_read, dtype=np.int64)
    compiling.join()
    joined = similar_pairs(texts, threshold=limits.suggest, exclude_same=articles)
    del articles
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
        found[(a, b)] = (result.score, *as_stored(result))

    # An undecided suggestion goes when its score is now under the suggest threshold (one
    # crowded out of a claim's best five by better matches stays).
    def text_of(claim_id: int) -> str:
        return texts[int(np.searchsorted(ids, claim_id))]

    stale = [
        (a, b)
        for (a, b), kind in existing.items()
        if kind == MatchKind.SUGGESTED
        and (a, b) not in found
        and fuzz.token_set_ratio(text_of(a), text_of(b)) < limits.suggest
    ]
    for chunk in chunks(stale, 500):
        session.execute(
            delete(ClaimMatch).where(
                tuple_(ClaimMatch.claim_a_id, ClaimMatch.claim_b_id).in_(chunk)
            )
        )
    new = [(pair, v) for pair, v in found.items() if pair not in existing]
    now = utcnow()
    insert_rows(
        session.connection(),
        table_of(ClaimMatch),
        ("claim_a_id", "claim_b_id", "score", "kind", "guards", "created_at"),
        ((a, b, score, kind.value, guards, now) for (a, b), (score, kind, guards) in new),
    )
    links = sorted(
        ((score, a, b) for (a, b), (score, kind, _) in new if kind is MatchKind.LINKED),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    grouped = _group_links(session, [(a, b) for _, a, b in links])
    return Scan(
        claims=len(texts),
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
    for chunk in chunks(sorted(claim_ids), 500):
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
    joining: list[
        tuple[int, int]
    ] = []  # (claim, its group: an id, or -k for the k-th group made here)
    pending: dict[int, int] = {}
    made = 0
    for a, b in links:
        ga = group_of_claim.get(a, pending.get(a))
        gb = group_of_claim.get(b, pending.get(b))
        if ga is not None and gb is not None:
            continue
        if ga is None and gb is None:
            made += 1
            for cid in (a, b):
                pending[cid] = -made
                joining.append((cid, -made))
            continue
        cid, group = (b, ga) if ga is not None else (a, gb)
        assert group is not None
        pending[cid] = group
        joining.append((cid, group))
    now = utcnow()
    # The new groups in one statement, their ids in the order they were made (tens of
    # thousands at a million claims: as ORM objects, flushed one by one, they took seconds).
    new_ids = (
        session.scalars(
            plain_insert(ClaimGroup).returning(ClaimGroup.id, sort_by_parameter_order=True),
            [{"created_at": now}] * made,
        ).all()
        if made
        else []
    )
    session.execute(
        plain_insert(GroupMember),
        [
            {
                "claim_id": cid,
                "group_id": g if g >= 0 else new_ids[-g - 1],
                "added_at": now,
                "added_by": MATCHER,
            }
            for cid, g in joining
        ],
    )
    return len(joining)
