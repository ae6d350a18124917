"""Restoring a backup (`claimcheck import jsonl`): all of it in one transaction, or nothing.

Every record is checked before it is written, by the rules the commands apply (an evidence
link is an http(s) URL with a real host, a verdict rests on evidence, who acted is a name
the history can hold) and by what the schema takes on either engine (types, lengths,
PostgreSQL's integer range), so a backup restores the same way into SQLite and PostgreSQL,
and a tampered one is refused by the line that is wrong. Into an empty database the rows
keep their ids and go in bulk; merging renumbers them one by one and matches the new claims
against the ones already there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.services.archive import parse_json
from claimcheck.services.backup import (
    ARTICLE,
    CLAIM,
    EVENT,
    EVIDENCE,
    FORMAT,
    GROUP,
    MATCH,
    MEMBER,
    SENTENCE,
    VERSION,
    WITH_IDS,
    RestoreReport,
)
from claimcheck.services.lines import numbered_lines
from claimcheck.services.lookup import check_status
from claimcheck.services.repeats.index import claim_terms, index_words
from claimcheck.services.repeats.record import record_article
from claimcheck.services.review import check_note, check_reviewer, check_stance
from claimcheck.services.urls import check_url
from claimcheck.storage import Article, EventKind, history
from claimcheck.storage.bulk import check_value, insert_rows
from claimcheck.storage.models import NEEDS_EVIDENCE, Status

#: Articles restored between two bulk writes (and index updates).
FLUSH_ARTICLES = 500
#: A backup line holds a whole article (its raw text may be tens of megabytes).
MAX_BACKUP_LINE = 1 << 30
_NESTED = {"type", "sentences", "claims", "evidence", "events", "members"}
# Written in this order: each table's rows point only at rows of the tables before it (the
# history goes in last, in its own order).
_ORDER = (ARTICLE, SENTENCE, CLAIM, EVIDENCE)


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(ARTICLE))


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The file's records with their line numbers, after checking its header."""
    header = False
    for line in numbered_lines(path, max_bytes=MAX_BACKUP_LINE):
        if isinstance(line, InvalidInput):
            raise InvalidInput(f"{path}: {line}")
        if not line.text.strip():
            continue
        record = parse_json(line.text, f"line {line.number}")
        if isinstance(record, InvalidInput):
            raise InvalidInput(f"{path}: {record}")
        if not isinstance(record, dict):
            raise InvalidInput(f"{path}: line {line.number}: not a JSON object")
        if not header:
            header = True
            _check_header(path, record)
            continue
        yield line.number, record
    if not header:
        raise InvalidInput(f"{path}: empty; a backup starts with a claimcheck-backup line")


def _check_header(path: Path, record: dict[str, Any]) -> None:
    if record.get("format") != FORMAT:
        raise InvalidInput(
            f"{path}: not a claimcheck backup (`claimcheck export jsonl` writes one)"
        )
    if record.get("version") != VERSION:
        raise InvalidInput(
            f"{path}: backup format version {record.get('version')!r}; this claimcheck reads "
            f"version {VERSION}"
        )


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
            raise InvalidInput(f"{path}: line {number}: {exc}; nothing was imported") from None
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise InvalidInput(
                f"{path}: line {number}: malformed record ({exc}); nothing was imported"
            ) from None
    try:
        restore.finish()
    except InvalidInput as exc:
        raise InvalidInput(f"{path}: {exc}; nothing was imported") from None
    return restore.report


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
        self.pending: dict[str, list[dict[str, Any]]] = {table.name: [] for table in _ORDER}
        self.events: list[tuple[int, dict[str, Any]]] = []  # (id in the file, values)
        self.buffered = 0
        self.nul = 0  # NUL characters dropped
        self.language = "id"  # the language of the article being restored

    # ------------------------------------------------------------------------- writing

    def _insert(self, table: sa.Table, record: dict[str, Any]) -> int:
        values = self._values(table, record)
        if not self.merge:
            self.pending[table.name].append(values)
            return int(values["id"])
        values.pop("id", None)
        return int(self.session.execute(table.insert().returning(table.c.id), values).scalar_one())

    def _flush(self) -> None:
        """The buffered rows in bulk, table by table, and their words into the index."""
        connection = self.session.connection()
        for table in _ORDER:
            rows = self.pending[table.name]
            by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
            for values in rows:
                by_columns.setdefault(tuple(values), []).append(tuple(values.values()))
            for columns, chunk in by_columns.items():
                insert_rows(connection, table, columns, chunk)
            rows.clear()
        if self.words:
            index_words(self.session, self.words, ranked=False)
            self.words = {}
        self.buffered = 0

    def _values(self, table: sa.Table, record: dict[str, Any]) -> dict[str, Any]:
        """A record's columns as the database takes them, checked; a column the schema lacks
        is an error (the file came from a newer claimcheck)."""
        unknown = set(record) - set(table.c.keys()) - _NESTED
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
            if isinstance(value, str) and "\x00" in value:
                self.nul += value.count("\x00")
                value = value.replace("\x00", "")
            try:
                values[column.name] = check_value(column, value)
            except InvalidInput as exc:
                raise InvalidInput(f"{table.name} #{record.get('id')}: {exc}") from None
        return values

    # ------------------------------------------------------------------------- records

    def article(self, record: dict[str, Any]) -> None:
        sentences = record.get("sentences", [])
        if not isinstance(sentences, list):
            raise InvalidInput("sentences must be a list")
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
            return
        self.buffered += 1
        if self.buffered >= FLUSH_ARTICLES:
            self._flush()

    def _claim(self, record: dict[str, Any], sentence_id: int) -> None:
        evidence = record.get("evidence", [])
        events = record.get("events", [])
        if not isinstance(evidence, list) or not isinstance(events, list):
            raise InvalidInput(f"claim #{record.get('id')}: evidence and events must be lists")
        status = check_status(str(record.get("status")))
        if Status(status) in NEEDS_EVIDENCE and not evidence:
            raise InvalidInput(
                f"claim #{record.get('id')} is {status} without evidence: a verdict needs a "
                "source (was the file edited?)"
            )
        claim_id = self._insert(CLAIM, {**record, "sentence_id": sentence_id})
        self.claims[int(record["id"])] = claim_id
        self.report.claims += 1
        if not self.merge:
            self.words[claim_id] = claim_terms(
                record.get("match_text"), record.get("context"), self.language
            )
        evidence_ids: dict[int, int] = {}
        for item in evidence:
            _check_evidence(item)
            evidence_ids[int(item["id"])] = self._insert(EVIDENCE, {**item, "claim_id": claim_id})
            self.report.evidence += 1
        for event in events:
            _check_event(event)
            linked = event.get("evidence_id")
            if linked is not None and int(linked) not in evidence_ids:
                raise InvalidInput(
                    f"history event #{event.get('id')} names evidence #{linked}, which is not "
                    f"claim #{record.get('id')}'s"
                )
            values = self._values(
                EVENT,
                {
                    **event,
                    "claim_id": claim_id,
                    "evidence_id": evidence_ids[int(linked)] if linked is not None else None,
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
        self._flush()
        a, b = (
            self.claims.get(int(record["claim_a_id"])),
            self.claims.get(int(record["claim_b_id"])),
        )
        if a is None or b is None:
            raise InvalidInput(f"pair #{record.get('id')} names a claim the file does not hold")
        if record.get("decided_by") is not None:
            check_reviewer(str(record["decided_by"]))
        a, b = min(a, b), max(a, b)
        if self.merge and self.session.scalar(
            select(MATCH.c.id).where(MATCH.c.claim_a_id == a, MATCH.c.claim_b_id == b)
        ):
            self.report.skipped_matches += 1
            return
        values = self._values(MATCH, {**record, "claim_a_id": a, "claim_b_id": b})
        if self.merge:
            values.pop("id", None)
        self.session.execute(MATCH.insert(), values)
        self.report.matches += 1

    def group(self, record: dict[str, Any]) -> None:
        self._flush()
        members = [(self.claims.get(int(m["claim_id"])), m) for m in record.get("members", [])]
        if any(claim_id is None for claim_id, _ in members):
            raise InvalidInput(f"group #{record.get('id')} names a claim the file does not hold")
        for _, member in members:
            check_reviewer(str(member.get("added_by") or ""))
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
            values = self._values(GROUP, record)
            if self.merge:
                values.pop("id", None)
                group_id = int(
                    self.session.execute(GROUP.insert().returning(GROUP.c.id), values).scalar_one()
                )
            else:
                self.session.execute(GROUP.insert(), values)
                group_id = int(values["id"])
            self.report.groups += 1
        for claim_id, member in members:
            if claim_id is not None and claim_id not in grouped:
                self.session.execute(
                    MEMBER.insert(),
                    self._values(MEMBER, {**member, "claim_id": claim_id, "group_id": group_id}),
                )

    def _history(self) -> None:
        """The events, oldest first. Into an empty database a backup's history comes back
        as it was, ids and hashes, and must still verify (a file edited after it was
        written is refused); merged, or from a file written before the history was
        chained, the events join this database's chain with new ids and hashes."""
        self.events.sort(key=lambda item: item[0])
        rows = [values for _, values in self.events]
        self.events = []
        if self.merge or not all(values.get("hash") for values in rows):
            history.append_rows(
                self.session,
                ({k: v for k, v in r.items() if k not in ("id", "hash")} for r in rows),
            )
            return
        connection = self.session.connection()
        by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for values in rows:
            by_columns.setdefault(tuple(values), []).append(tuple(values.values()))
        for columns, chunk in by_columns.items():
            insert_rows(connection, EVENT, columns, chunk)
        found = history.verify(connection, limit=1)
        if not found.intact:
            raise InvalidInput(
                f"the backup's history does not verify ({found.problems[0]}); it was changed "
                "after it was written"
            )

    def finish(self) -> None:
        self._flush()
        self._history()
        if self.nul:
            self.report.warnings.append(
                f"{self.nul} NUL characters dropped (PostgreSQL cannot store them, so neither "
                "engine does)"
            )
        if not self.merge and self.session.get_bind().dialect.name == "postgresql":
            # Rows came with their ids: new rows must be numbered after them.
            for table in WITH_IDS:
                self.session.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )


def _check_evidence(item: dict[str, Any]) -> None:
    """An evidence link as `evidence add` would take it."""
    where = f"evidence #{item.get('id')}"
    try:
        check_url(_text(item, "url"))
        check_stance(_text(item, "stance"))
        check_note(item.get("note"))
        check_reviewer(_text(item, "added_by"))
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc}") from None


def _check_event(event: dict[str, Any]) -> None:
    """A history event as a command would write it."""
    where = f"history event #{event.get('id')}"
    try:
        kind = _text(event, "kind")
        if kind not in {k.value for k in EventKind}:
            raise InvalidInput(f"unknown kind {kind!r}")
        check_reviewer(_text(event, "actor"))
        for name in ("from_status", "to_status"):
            if event.get(name) is not None:
                check_status(_text(event, name))
        check_note(event.get("note"))
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc}") from None


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be text")
    return value
