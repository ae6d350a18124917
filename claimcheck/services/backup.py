"""Lossless JSONL export and import: a desk's whole database, to back up or to move.

One line per article (its sentences, claims, evidence and review history nested inside), then
one per repeated-claim pair and one per group. Every column of those tables is written as
stored, so exporting, importing into an empty database (SQLite or PostgreSQL) and exporting
again gives the same bytes. The matching index is not written: it is rebuilt on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.storage import Article, Base, Claim, Evidence, ReviewEvent, Sentence
from claimcheck.storage.models import ClaimGroup, ClaimMatch, GroupMember

FORMAT = "claimcheck-backup"
VERSION = 1
BATCH = 200  # articles read per query on export

_TABLES = Base.metadata.tables
ARTICLE, SENTENCE, CLAIM, EVIDENCE, EVENT = (
    _TABLES[Article.__tablename__],
    _TABLES[Sentence.__tablename__],
    _TABLES[Claim.__tablename__],
    _TABLES[Evidence.__tablename__],
    _TABLES[ReviewEvent.__tablename__],
)
MATCH, GROUP, MEMBER = (
    _TABLES[ClaimMatch.__tablename__],
    _TABLES[ClaimGroup.__tablename__],
    _TABLES[GroupMember.__tablename__],
)
#: Tables whose ids a restore keeps, so their sequences must move past them on PostgreSQL.
WITH_IDS = (ARTICLE, SENTENCE, CLAIM, EVIDENCE, EVENT, MATCH, GROUP)


# ---------------------------------------------------------------------------------- export


def _plain(table: sa.Table, row: Any) -> dict[str, Any]:
    data = {}
    for column in table.columns:
        value = getattr(row, column.name)
        data[column.name] = value.isoformat() if isinstance(value, date | datetime) else value
    return data


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def export_lines(session: Session) -> Iterator[str]:
    """The database as JSONL lines, streamed article by article."""
    yield _line({"format": FORMAT, "version": VERSION})
    last = 0
    while True:
        ids = list(
            session.scalars(
                select(ARTICLE.c.id).where(ARTICLE.c.id > last).order_by(ARTICLE.c.id).limit(BATCH)
            )
        )
        if not ids:
            break
        yield from _articles(session, ids)
        last = ids[-1]
    for row in session.execute(select(MATCH).order_by(MATCH.c.id)):
        yield _line({"type": "match", **_plain(MATCH, row)})
    members: dict[int, list[dict[str, Any]]] = {}
    for row in session.execute(select(MEMBER).order_by(MEMBER.c.claim_id)):
        members.setdefault(row.group_id, []).append(_plain(MEMBER, row))
    for row in session.execute(select(GROUP).order_by(GROUP.c.id)):
        yield _line({"type": "group", **_plain(GROUP, row), "members": members.get(row.id, [])})


def _children(session: Session, table: sa.Table, key: sa.Column[Any], ids: list[int]) -> Any:
    found: dict[int, list[dict[str, Any]]] = {}
    if ids:
        order = table.c.position if "position" in table.c else table.c.id
        for row in session.execute(select(table).where(key.in_(ids)).order_by(key, order)):
            found.setdefault(getattr(row, key.name), []).append(_plain(table, row))
    return found


def _articles(session: Session, ids: list[int]) -> Iterator[str]:
    articles = session.execute(select(ARTICLE).where(ARTICLE.c.id.in_(ids)).order_by(ARTICLE.c.id))
    sentences = _children(session, SENTENCE, SENTENCE.c.article_id, ids)
    sentence_ids = [s["id"] for group in sentences.values() for s in group]
    claims = _children(session, CLAIM, CLAIM.c.sentence_id, sentence_ids)
    claim_ids = [c["id"] for group in claims.values() for c in group]
    evidence = _children(session, EVIDENCE, EVIDENCE.c.claim_id, claim_ids)
    events = _children(session, EVENT, EVENT.c.claim_id, claim_ids)
    for article in articles:
        record = {"type": "article", **_plain(ARTICLE, article)}
        record["sentences"] = [
            {
                **sentence,
                "claims": [
                    {
                        **claim,
                        "evidence": evidence.get(claim["id"], []),
                        "events": events.get(claim["id"], []),
                    }
                    for claim in claims.get(sentence["id"], [])
                ],
            }
            for sentence in sentences.get(article.id, [])
        ]
        yield _line(record)


# ---------------------------------------------------------------------------------- import


@dataclass
class RestoreReport:
    articles: int = 0
    claims: int = 0
    evidence: int = 0
    events: int = 0
    matches: int = 0
    groups: int = 0
    skipped_articles: int = 0  # already in the database (--merge), by content hash
    skipped_matches: int = 0
    linked: int = 0  # merged claims found to repeat claims already here
    suggested: int = 0
    merged: bool = False
    warnings: list[str] = field(default_factory=list)
