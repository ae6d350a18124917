"""The posting cache: a term's postings read as one packed row instead of one row each.

``claim_token`` stays the index every writer writes. ``posting_cache`` holds, per term, a
copy of its postings up to a claim id (``upto``): claim ids ascending, each with the claim's
set weight (what token_set_ratio measures, for the look-up's bounds) and the term's count.
A term's postings are that copy plus ``claim_token``'s rows past ``upto``, so postings
written since by anyone (ingest, an import, a restore) are never missed; a writer packs the
newer rows in once they are a sixteenth of the copy. A missing row is built from
``claim_token``; a claim whose terms change has its terms' rows dropped (``index.forget``).

Writes happen only in a transaction that has just indexed claims holding the term: on
PostgreSQL that transaction holds the term's ``match_token`` row lock (taken by the index's
upsert), so every other writer of the term has committed or waits, and none of its postings
can fall behind ``upto`` unseen.

A process keeps the copies it read (up to ``KEPT_POSTINGS``), checked by their ``stamp``:
an ingest of many articles reads the common terms' rows once.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from claimcheck.matching.terms import set_weight
from claimcheck.storage import Claim
from claimcheck.storage.db import WRITER_LOCK, chunks, rows_by_ids
from claimcheck.storage.models import ClaimToken, PostingCache

# Postings past a row's ``upto`` that make a writer pack the row (again): at least this many,
# and a sixteenth of the row, up to REPACK_MAX (a row is rewritten about every 6% of growth). Rarer
# terms are read from claim_token: their few rows cost less than writing a packed copy.
REPACK_MIN = 64
REPACK_SHARE = 16
REPACK_MAX = 512  # and at most this many: a longer tail costs a look-up more than a rewrite
# Postings a look-up finds unpacked past which every term is packed at once (pack_all).
PACK_ALL_BEHIND = 50_000
KEPT_POSTINGS = 8_000_000  # copies a process keeps (7 bytes each: about 56 MB)
KEPT_WEIGHTS = 2_000_000  # claims' set weights a process keeps
_BYTES = 7  # int32 claim id, uint16 set weight, uint8 count
_MAX_WEIGHT = np.iinfo(np.uint16).max


@dataclass(frozen=True)
class Postings:
    """A term's postings: claims holding it (ascending), their set weights, the counts."""

    claims: npt.NDArray[np.int32]
    weights: npt.NDArray[np.uint16]
    counts: npt.NDArray[np.uint8]

    def __len__(self) -> int:
        return len(self.claims)


@dataclass(frozen=True)
class _Copy:
    stamp: int  # the stored row's
    upto: int  # the stored row's: the highest claim id packed in it
    postings: Postings
    read: int  # postings up to this claim id are in ``postings`` (upto, or more)


_EMPTY = Postings(np.empty(0, np.int32), np.empty(0, np.uint16), np.empty(0, np.uint8))
_kept: OrderedDict[tuple[str, int], _Copy] = OrderedDict()
_kept_size = 0
_known_weights: dict[str, dict[int, int]] = {}  # claim id -> set weight, per database


def forget_kept() -> None:
    """Drop what this process keeps (the copies, the claims' set weights, the set weight
    cache): bounded caches that fill as an archive is read, so a measure of live memory
    can tell them from growth."""
    global _kept_size
    _kept.clear()
    _kept_size = 0
    _known_weights.clear()
    set_weight.cache_clear()


def read_postings(
    session: Session,
    holders: dict[int, int],
    *,
    written: Collection[int] = (),
) -> dict[int, Postings]:
    """Every posting of each term (given with how many claims hold it).

    ``written``: the claims this transaction has just indexed (it holds their terms'
    locks, see the module's note); rows that have fallen behind are then packed, and this
    process's copies brought up to the claims before them. Without it nothing is written.
    """
    if not holders:
        return {}
    place = session.get_bind().engine.url.render_as_string(hide_password=True)
    wanted = sorted(holders)
    copies = _packed(session, place, wanted)
    quiet = bool(written) and _no_other_writer(session)
    behind = sum(holders[t] - (len(copies[t].postings) if t in copies else 0) for t in wanted)
    if quiet and behind > PACK_ALL_BEHIND:
        # An import or a restore wrote postings in bulk: packing every term in one pass over
        # the index costs a fraction of reading them term by term.
        pack_all(session)
        copies = _packed(session, place, wanted)
    newer = _newer_postings(
        session, place, {t: copies[t].read if t in copies else 0 for t in wanted}
    )
    # Up to here this process may keep what it read: the claims after are this transaction's.
    keep_below = min(written) if quiet else 0
    found: dict[int, Postings] = {}
    repacked: list[tuple[int, Postings]] = []
    for token_id in wanted:
        copy = copies.get(token_id)
        packed = copy.postings if copy is not None else _EMPTY
        extra = newer.get(token_id)
        if extra is None:
            found[token_id] = packed
            if copy is not None and keep_below > copy.read + 1:
                _keep(place, token_id, replace(copy, read=keep_below - 1))
            continue
        joined = Postings(
            *(np.concatenate([a, b]) for a, b in zip(_fields(packed), extra, strict=True))
        )
        found[token_id] = joined
        unpacked = int(np.count_nonzero(joined.claims > (copy.upto if copy else 0)))
        if quiet and unpacked >= max(REPACK_MIN, min(len(joined) // REPACK_SHARE, REPACK_MAX)):
            repacked.append((token_id, joined))
        elif copy is not None and keep_below:
            kept = int(np.searchsorted(joined.claims, keep_below))
            part = Postings(joined.claims[:kept], joined.weights[:kept], joined.counts[:kept])
            _keep(place, token_id, replace(copy, read=keep_below - 1, postings=part))
    if repacked:
        _store(session, place, repacked)
    return found


def _no_other_writer(session: Session) -> bool:
    """No other write transaction is open (PostgreSQL: every writer holds ``WRITER_LOCK``
    shared; SQLite has one writer at a time). Claims written from now on get higher ids
    than any already written, so packing up to the highest id seen misses none."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return not session.scalar(
        text(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
            "AND classid = 0 AND objid = :key AND objsubid = 1 AND pid <> pg_backend_pid() "
            # advisory locks are the server's: a writer in another database is not ours
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"
        ),
        {"key": WRITER_LOCK},
    )


def pack_all(session: Session) -> int:
    """Pack every term held by at least ``REPACK_MIN`` claims, in one pass over the index;
    the number of terms packed."""
    place = session.get_bind().engine.url.render_as_string(hide_password=True)
    connection = session.connection()
    top = connection.scalar(select(func.max(Claim.id))) or 0
    weights = np.zeros(top + 1, np.uint16)
    texts = connection.execution_options(yield_per=50_000).execute(
        select(Claim.id, Claim.match_text)
    )
    weigh = set_weight.__wrapped__  # every claim once: nothing for the cache to keep
    for batch in texts.partitions():
        ids = np.fromiter((r[0] for r in batch), np.int64, len(batch))
        weights[ids] = np.fromiter(
            (min(weigh(r[1] or ""), _MAX_WEIGHT) for r in batch), np.uint16, len(batch)
        )
    rows = connection.execution_options(yield_per=200_000).execute(
        select(ClaimToken.token_id, ClaimToken.claim_id, ClaimToken.count).order_by(
            ClaimToken.token_id, ClaimToken.claim_id
        )
    )
    packed = 0
    waiting: list[tuple[int, Postings]] = []
    carried = np.empty((0, 3), np.int64)
    for part in rows.partitions():
        flat = np.fromiter(chain.from_iterable(part), np.int64, 3 * len(part))
        block = np.concatenate([carried, flat.reshape(-1, 3)])
        # Each term's run of postings; the last may go on in the next part.
        starts = np.flatnonzero(np.r_[True, block[1:, 0] != block[:-1, 0]])
        ends = np.r_[starts[1:], len(block)]
        carried = block[starts[-1] :]
        for start, end in zip(starts[:-1].tolist(), ends[:-1].tolist(), strict=True):
            if end - start >= REPACK_MIN:
                waiting.append((int(block[start, 0]), _postings(block[start:end], weights)))
        if len(waiting) >= 1_000:
            _store(session, place, waiting)
            packed += len(waiting)
            waiting = []
    if len(carried) >= REPACK_MIN:
        waiting.append((int(carried[0, 0]), _postings(carried, weights)))
    if waiting:
        _store(session, place, waiting)
    return packed + len(waiting)


def _postings(run: npt.NDArray[np.int64], weights: npt.NDArray[np.uint16]) -> Postings:
    """One term's (token id, claim id, count) rows as postings."""
    claims = run[:, 1]
    return Postings(
        claims.astype(np.int32),
        weights[claims],
        np.minimum(run[:, 2], 255).astype(np.uint8),
    )


def _packed(session: Session, place: str, wanted: list[int]) -> dict[int, _Copy]:
    """The packed rows of these terms, from this process's copies while their stamps hold."""
    stamps: dict[int, int] = {}
    for chunk in chunks(wanted, 500):
        rows = session.execute(
            select(PostingCache.token_id, PostingCache.stamp).where(
                PostingCache.token_id.in_(chunk)
            )
        )
        stamps.update({token_id: stamp for token_id, stamp in rows})
    copies: dict[int, _Copy] = {}
    unread = []
    for token_id, stamp in stamps.items():
        kept = _kept.get((place, token_id))
        if kept is not None and kept.stamp == stamp:
            _kept.move_to_end((place, token_id))
            copies[token_id] = kept
        else:
            unread.append(token_id)
    for chunk in chunks(unread, 200):
        packed_rows = session.execute(
            select(
                PostingCache.token_id, PostingCache.upto, PostingCache.stamp, PostingCache.data
            ).where(PostingCache.token_id.in_(chunk))
        )
        for token_id, upto, stamp, data in packed_rows:
            copies[token_id] = _keep(place, token_id, _Copy(stamp, upto, _decode(data), upto))
    return copies


def _newer_postings(
    session: Session, place: str, since: dict[int, int]
) -> dict[int, tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16], npt.NDArray[np.uint8]]]:
    """Each term's postings in ``claim_token`` past the claim id given for it."""
    # The driver's own cursor: thousands of rows an article, and SQLAlchemy's rows cost more
    # than the query. The values are integers from the index itself, written in as literals.
    cursor = session.connection().connection.cursor()
    parts = [np.empty(0, np.int64)]
    try:
        for chunk in chunks(sorted(since.items()), 400):
            pairs = ", ".join(f"({int(t)}, {int(u)})" for t, u in chunk)
            cursor.execute(
                f"WITH wanted (token_id, upto) AS (VALUES {pairs}) "
                "SELECT claim_token.token_id, claim_token.claim_id, claim_token.count "
                "FROM wanted JOIN claim_token ON claim_token.token_id = wanted.token_id "
                "AND claim_token.claim_id > wanted.upto"
            )
            rows = cursor.fetchall()
            parts.append(np.fromiter(chain.from_iterable(rows), np.int64, 3 * len(rows)))
    finally:
        cursor.close()
    found = np.concatenate(parts).reshape(-1, 3)
    if not len(found):
        return {}
    found = found[np.lexsort((found[:, 1], found[:, 0]))]
    weights = _weights_of(session, place, found[:, 1])
    starts = np.flatnonzero(np.r_[True, found[1:, 0] != found[:-1, 0]])
    ends = np.r_[starts[1:], len(found)]
    return {
        int(found[a, 0]): (
            found[a:b, 1].astype(np.int32),
            weights[a:b],
            np.minimum(found[a:b, 2], 255).astype(np.uint8),
        )
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
    }


def remember_weights(session: Session, weights: dict[int, int]) -> None:
    """Set weights of claims just written (ingest knows them): not read back later."""
    place = session.get_bind().engine.url.render_as_string(hide_password=True)
    known = _known_weights.setdefault(place, {})
    known.update({cid: min(w, _MAX_WEIGHT) for cid, w in weights.items()})


def _weights_of(
    session: Session, place: str, claim_ids: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint16]:
    """The set weights of these claims, from their match texts (read once per process)."""
    known = _known_weights.setdefault(place, {})
    if len(known) > KEPT_WEIGHTS:
        known.clear()
    unknown = sorted(set(claim_ids.tolist()) - known.keys())
    rows = rows_by_ids(session, "SELECT id, match_text FROM claim WHERE id IN ({ids})", unknown)
    weigh = set_weight.__wrapped__  # each claim once: nothing for the cache to keep
    known.update({cid: min(weigh(mt or ""), _MAX_WEIGHT) for cid, mt in rows})
    return np.fromiter((known.get(c, 0) for c in claim_ids.tolist()), np.uint16, len(claim_ids))


def _store(session: Session, place: str, repacked: list[tuple[int, Postings]]) -> None:
    copies = []
    for token_id, postings in repacked:
        upto = int(postings.claims[-1])
        copies.append((token_id, _Copy(random.getrandbits(62), upto, postings, upto)))
    rows = [
        {"token_id": t, "upto": c.upto, "stamp": c.stamp, "data": _encode(c.postings)}
        for t, c in copies
    ]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(PostingCache)
    upsert = statement.on_conflict_do_update(
        index_elements=["token_id"],
        set_={
            "upto": statement.excluded.upto,
            "stamp": statement.excluded.stamp,
            "data": statement.excluded.data,
        },
    )
    session.execute(upsert, rows)  # one statement for them all
    for token_id, copy in copies:
        # Rolled back, the stored row stays as it was, and its stamp no longer matches.
        _keep(place, token_id, copy)


def _keep(place: str, token_id: int, copy: _Copy) -> _Copy:
    global _kept_size
    previous = _kept.pop((place, token_id), None)
    if previous is not None:
        _kept_size -= len(previous.postings)
    _kept[(place, token_id)] = copy
    _kept_size += len(copy.postings)
    while _kept_size > KEPT_POSTINGS and len(_kept) > 1:
        _, dropped = _kept.popitem(last=False)
        _kept_size -= len(dropped.postings)
    return copy


def _fields(
    postings: Postings,
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16], npt.NDArray[np.uint8]]:
    return postings.claims, postings.weights, postings.counts


def _encode(postings: Postings) -> bytes:
    return b"".join(
        (
            postings.claims.astype("<i4").tobytes(),
            postings.weights.astype("<u2").tobytes(),
            postings.counts.astype("u1").tobytes(),
        )
    )


def _decode(data: bytes) -> Postings:
    n = len(data) // _BYTES
    return Postings(
        np.frombuffer(data, "<i4", n).astype(np.int32, copy=False),
        np.frombuffer(data, "<u2", n, offset=4 * n).astype(np.uint16, copy=False),
        np.frombuffer(data, "u1", n, offset=6 * n).astype(np.uint8, copy=False),
    )
