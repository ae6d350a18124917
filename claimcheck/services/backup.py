"""Lossless JSONL export and import: a desk's whole database, to back up or to move.

One line per article (its sentences, claims, evidence and review history nested inside), then
one per repeated-claim pair and one per group. Every column of those tables is written as
stored, so exporting, importing into an empty database (SQLite or PostgreSQL) and exporting
again gives the same bytes. The matching index is not written: it is rebuilt on import.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.services.repeats.index import claim_terms, index_words
from claimcheck.services.repeats.record import record_article
from claimcheck.storage import Article, Base, Claim, Evidence, ReviewEvent, Sentence, history
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


class _Restore:
    """Loads records into one transaction; ids are kept in an empty database and renumbered
    when merging into one that has data."""

    def __init__(self, session: Session, merge: bool) -> None:
        self.session = session
        self.merge = merge
        self.report = RestoreReport(merged=merge)
        self.claims: dict[int, int] = {}  # exported claim id -> id in this database
        self.articles: dict[int, int] = {}  # the same for articles (revisions point back)
        self.words: dict[int, Counter[str]] = {}
        self.events: list[tuple[int, dict[str, Any]]] = []  # (id in the file, values)
        self.language = "id"  # the language of the article being restored

    def _insert(self, table: sa.Table, record: dict[str, Any]) -> int:
        values = _values(table, record)
        if not self.merge:
            self.session.execute(table.insert(), values)
            return int(values["id"])
        values.pop("id", None)
        return int(self.session.execute(table.insert().returning(table.c.id), values).scalar_one())

    def article(self, record: dict[str, Any]) -> None:
        sentences = record.get("sentences", [])
        if self.merge:
            existing = self.session.scalar(
                select(ARTICLE.c.id).where(ARTICLE.c.content_hash == record.get("content_hash"))
            )
            if existing is not None:
                self.report.skipped_articles += 1
                self.articles[int(record["id"])] = existing
                self._map_existing(existing, sentences)
                return
            previous = record.get("previous_id")
            record = {
                **record,
                "previous_id": self.articles.get(int(previous)) if previous else None,
            }
        article_id = self._insert(ARTICLE, record)
        self.articles[int(record["id"])] = article_id
        self.language = str(record.get("language") or "id")
        self.report.articles += 1
        for sentence in sentences:
            sentence_id = self._insert(SENTENCE, {**sentence, "article_id": article_id})
            for claim in sentence.get("claims", []):
                self._claim(claim, sentence_id)
        if self.merge:
            # Claims new to this database are matched against the ones already here, as
            # at ingest (which also indexes their words).
            article = self.session.get(Article, article_id)
            if article is not None:
                found = record_article(self.session, article)
                self.report.linked += found.linked
                self.report.suggested += found.suggested

    def _claim(self, record: dict[str, Any], sentence_id: int) -> None:
        claim_id = self._insert(CLAIM, {**record, "sentence_id": sentence_id})
        self.claims[int(record["id"])] = claim_id
        self.report.claims += 1
        if not self.merge:
            self.words[claim_id] = claim_terms(
                record.get("match_text"), record.get("context"), self.language
            )
        evidence_ids: dict[int, int] = {}
        for item in record.get("evidence", []):
            evidence_ids[int(item["id"])] = self._insert(EVIDENCE, {**item, "claim_id": claim_id})
            self.report.evidence += 1
        for event in record.get("events", []):
            linked = event.get("evidence_id")
            values = _values(
                EVENT,
                {
                    **event,
                    "claim_id": claim_id,
                    "evidence_id": evidence_ids.get(int(linked)) if linked is not None else None,
                },
            )
            # Written at the end, in the order of the history they came from.
            self.events.append((int(event["id"]), values))
            self.report.events += 1

    def _map_existing(self, article_id: int, sentences: list[dict[str, Any]]) -> None:
        """Claims of an article already here: the pairs and groups naming them still apply."""
        here = {
            (s_pos, c_pos): cid
            for cid, s_pos, c_pos in self.session.execute(
                select(CLAIM.c.id, SENTENCE.c.position, CLAIM.c.position)
                .join(SENTENCE, CLAIM.c.sentence_id == SENTENCE.c.id)
                .where(SENTENCE.c.article_id == article_id)
            )
        }
        for sentence in sentences:
            for claim in sentence.get("claims", []):
                found = here.get((sentence["position"], claim["position"]))
                if found is not None:
                    self.claims[int(claim["id"])] = found

    def match(self, record: dict[str, Any]) -> None:
        a, b = (
            self.claims.get(int(record["claim_a_id"])),
            self.claims.get(int(record["claim_b_id"])),
        )
        if a is None or b is None:
            raise InvalidInput(f"pair #{record.get('id')} names a claim the file does not hold")
        a, b = min(a, b), max(a, b)
        if self.merge and self.session.scalar(
            select(MATCH.c.id).where(MATCH.c.claim_a_id == a, MATCH.c.claim_b_id == b)
        ):
            self.report.skipped_matches += 1
            return
        self._insert(MATCH, {**record, "claim_a_id": a, "claim_b_id": b})
        self.report.matches += 1

    def group(self, record: dict[str, Any]) -> None:
        members = [(self.claims.get(int(m["claim_id"])), m) for m in record.get("members", [])]
        if any(claim_id is None for claim_id, _ in members):
            raise InvalidInput(f"group #{record.get('id')} names a claim the file does not hold")
        grouped: dict[int, int] = {}
        if self.merge:
            ids = [claim_id for claim_id, _ in members if claim_id is not None]
            rows = self.session.execute(
                select(MEMBER.c.claim_id, MEMBER.c.group_id).where(MEMBER.c.claim_id.in_(ids))
            )
            grouped = {claim_id: group for claim_id, group in rows}
        # Merging: claims already grouped here keep their group, and the others join it.
        group_id = next(iter(grouped.values()), None)
        if group_id is None:
            group_id = self._insert(GROUP, record)
            self.report.groups += 1
        for claim_id, member in members:
            if claim_id is not None and claim_id not in grouped:
                self.session.execute(
                    MEMBER.insert(),
                    _values(MEMBER, {**member, "claim_id": claim_id, "group_id": group_id}),
                )

    def _history(self) -> None:
        """The events, oldest first. Into an empty database a backup's history comes back
        as it was, ids and hashes, and must still verify (a file edited after it was
        written is refused); merged, or from a file written before the history was
        chained, the events join this database's chain with new ids and hashes."""
        self.events.sort(key=lambda item: item[0])
        rows = [values for _, values in self.events]
        if self.merge or not all(values.get("hash") for values in rows):
            history.append_rows(
                self.session,
                ({k: v for k, v in r.items() if k not in ("id", "hash")} for r in rows),
            )
            return
        for chunk in range(0, len(rows), 1000):
            self.session.execute(EVENT.insert(), rows[chunk : chunk + 1000])
        found = history.verify(self.session.connection(), limit=1)
        if not found.intact:
            raise InvalidInput(
                f"the backup's history does not verify ({found.problems[0]}); it was changed "
                "after it was written, so nothing was imported"
            )

    def finish(self) -> None:
        self._history()
        index_words(self.session, self.words)
        if not self.merge and self.session.get_bind().dialect.name == "postgresql":
            # Rows came with their ids: new rows must be numbered after them.
            for table in WITH_IDS:
                self.session.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )


def _values(table: sa.Table, record: dict[str, Any]) -> dict[str, Any]:
    """A record's columns as the database takes them; a column the schema lacks is an error
    (the file came from a newer claimcheck)."""
    unknown = (
        set(record)
        - set(table.c.keys())
        - {"type", "sentences", "claims", "evidence", "events", "members"}
    )
    if unknown:
        raise InvalidInput(
            f"{table.name} has no column {sorted(unknown)[0]!r}: the file was written by a "
            "newer claimcheck; upgrade it first"
        )
    values = {}
    for column in table.columns:
        if column.name not in record:
            continue
        value = record[column.name]
        stored = (
            column.type.impl_instance if isinstance(column.type, sa.TypeDecorator) else column.type
        )
        if value is not None and isinstance(stored, sa.DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(stored, sa.Date):
            value = date.fromisoformat(value)
        values[column.name] = value
    return values


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(ARTICLE))


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The file's records with their line numbers, after checking its header."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read it ({exc.strerror})") from None
    header = False
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InvalidInput(f"{path}: line {number}: not JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise InvalidInput(f"{path}: line {number}: not a JSON object")
                if not header:
                    header = True
                    if record.get("format") != FORMAT:
                        raise InvalidInput(
                            f"{path}: not a claimcheck backup (`claimcheck export jsonl` "
                            "writes one)"
                        )
                    if record.get("version") != VERSION:
                        raise InvalidInput(
                            f"{path}: backup format version {record.get('version')!r}; this "
                            f"claimcheck reads version {VERSION}"
                        )
                    continue
                yield number, record
        except UnicodeDecodeError:
            raise InvalidInput(f"{path}: not UTF-8 text") from None
    if not header:
        raise InvalidInput(f"{path}: empty; a backup starts with a claimcheck-backup line")


def import_lines(
    session: Session, records: Iterable[tuple[int, dict[str, Any]]], *, merge: bool, path: Path
) -> RestoreReport:
    """Load a backup in the caller's transaction: all of it, or (on any error) nothing."""
    if not merge and not is_empty(session):
        raise InvalidInput(
            "this database already holds articles; import a backup into an empty one, or "
            "give --merge to add only what is missing"
        )
    restore = _Restore(session, merge)
    handlers = {"article": restore.article, "match": restore.match, "group": restore.group}
    for number, record in records:
        handler = handlers.get(str(record.get("type")))
        if handler is None:
            raise InvalidInput(f"{path}: line {number}: unknown record type {record.get('type')!r}")
        try:
            handler(record)
        except InvalidInput as exc:
            raise InvalidInput(f"{path}: line {number}: {exc}") from None
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"{path}: line {number}: malformed record ({exc})") from None
    try:
        restore.finish()
    except InvalidInput as exc:
        raise InvalidInput(f"{path}: {exc}") from None
    return restore.report
