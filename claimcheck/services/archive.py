"""The archive of past fact-checks: claims checked before, read from JSONL or CSV.

A file is read as a stream, line by line: a bad row (not JSON, a field of the wrong type, a
claim too long, a stray quote in a CSV) is reported by its line and skipped, and the rows
after it are still read. archive_store.py writes the good ones in bulk.
"""

from __future__ import annotations

import csv
import json
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.pipeline.language import check_language
from claimcheck.pipeline.text import normalize_text
from claimcheck.services.lines import Line, numbered_lines
from claimcheck.services.urls import check_url
from claimcheck.settings import DEFAULT_SCALE, RatingScale
from claimcheck.storage import Claim, Database, Status
from claimcheck.storage.bulk import check_value, kind_of, table_of

#: The longest claim an import takes. Claims are single statements: the pipeline never
#: offers a sentence over 1,500 characters as one, and the longest of CheckThat!'s 14,231
#: Snopes checks is 625. A longer "claim" is a file read wrongly (a whole article in one
#: field), and one that long makes every search slower.
MAX_CLAIM_CHARS = 5_000
#: An archived check's headline and subtitle together (search reads them with the claim).
MAX_CONTEXT_CHARS = 5_000
_MAX_DATE_CHARS = 100

# Rating labels fact-checkers publish, to the status claimcheck gives the claim.
RATINGS = {
    Status.VERIFIED: (
        "true",
        "benar",
        "correct",
        "mostly true",
        "accurate",
        "fakta",
        "sebagian benar",
        "correct attribution",
    ),
    Status.DISPUTED: (
        "false",
        "salah",
        "hoax",
        "hoaks",
        "misleading",
        "menyesatkan",
        "mostly false",
        "pants on fire",
        "fake",
        "disinformasi",
        "misattributed",
        "scam",
        "miscaptioned",
        "incorrect",
        "satire",
        "labeled satire",
    ),
    Status.UNVERIFIABLE: (
        "unproven",
        "tidak terbukti",
        "unverified",
        "mixture",
        "mixed",
        "legend",
        "research in progress",
        "outdated",
    ),
}
_RATING_STATUS = {label: status for status, labels in RATINGS.items() for label in labels}
_CLAIM = table_of(Claim).c


@dataclass(frozen=True)
class ArchiveRow:
    line: int
    text: str
    status: Status
    rating: str | None  # on the desk's scale when it knows the label
    url: str | None
    published: str | None
    speaker: str | None
    external_id: str | None
    context: str | None
    label: str | None = None  # the rating exactly as the archive published it
    language: str | None = None  # when the row says it


@dataclass
class ImportReport:
    source: str
    imported: int = 0
    already_present: int = 0
    #: What was wrong with each skipped row (the first MAX_REPORTED; all are counted).
    skipped: list[str] = field(default_factory=list)
    skipped_rows: int = 0


def import_claims(
    db: Database,
    *,
    path: Path,
    source: str | None = None,
    scale: RatingScale = DEFAULT_SCALE,
    language: str | None = None,
    on_skip: Any = None,
) -> ImportReport:
    """Load past checks; each becomes an archived claim that new articles are matched against.

    Written in batches, each its own transaction: a crash keeps the batches written, and
    importing the same file again adds nothing twice (each row is keyed by source and
    external id, or its text). ``on_skip`` is told each skipped row as it is found.
    """
    from claimcheck.services.archive_store import import_file

    return import_file(
        db, path, read_rows, scale, source=source or path.stem, language=language, on_skip=on_skip
    )


# ------------------------------------------------------------------------------ reading


def read_rows(
    path: Path, scale: RatingScale = DEFAULT_SCALE
) -> Iterator[ArchiveRow | InvalidInput]:
    """Rows of a JSONL or CSV archive, streamed; a bad row is an error in its place."""
    lines = numbered_lines(path)
    first: list[Line | InvalidInput] = []
    for line in lines:  # the first line with something on it tells the format
        first.append(line)
        if isinstance(line, Line) and line.text.strip():
            break
    head = first[-1] if first else None
    stream = _chain(first, lines)
    if isinstance(head, Line) and head.text.lstrip().startswith("{"):
        yield from _json_rows(stream, scale)
    else:
        yield from _csv_rows(stream, scale)


def _chain(first: list[Line | InvalidInput], rest: Iterator[Line | InvalidInput]) -> Any:
    yield from first
    yield from rest


def _json_rows(
    lines: Iterator[Line | InvalidInput], scale: RatingScale
) -> Iterator[ArchiveRow | InvalidInput]:
    for line in lines:
        if isinstance(line, InvalidInput):
            yield line
            continue
        if not line.text.strip():
            continue
        record = parse_json(line.text, f"line {line.number}")
        if isinstance(record, InvalidInput):
            yield record
        elif not isinstance(record, dict):
            yield InvalidInput(f"line {line.number}: not a JSON object")
        else:
            yield archive_row(record, line.number, scale, where=f"line {line.number}")


def parse_json(text: str, where: str) -> Any:
    """One JSON value, or what is wrong with it as an error (never an exception: a line
    nested too deep or with a number of thousands of digits is one bad line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return InvalidInput(f"{where}: not JSON ({exc.msg})")
    except RecursionError:
        return InvalidInput(f"{where}: nested too deeply to be a record")
    except ValueError as exc:  # an integer of more than 4,300 digits
        return InvalidInput(f"{where}: not a record claimcheck reads ({exc})")


def _csv_rows(
    lines: Iterator[Line | InvalidInput], scale: RatingScale
) -> Iterator[ArchiveRow | InvalidInput]:
    feed = _Feed(lines)
    reader = csv.reader(feed)
    header: list[str] | None = None
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            taken = feed.take()
            where = taken[0].number if taken else "?"
            yield InvalidInput(f"line {where}: not a CSV row ({exc})")
            feed.again(taken[1:])
            continue
        finally:
            yield from feed.problems()
        taken = feed.take()
        if not fields or not taken:
            continue
        start = taken[0].number
        if header is None:
            header = [name.strip() for name in fields]
            continue
        if len(taken) > 1 and _runs_into_rows(taken[1:], len(header)):
            over = f"line {taken[1].number}"
            if len(taken) > 2:
                over = f"lines {taken[1].number}-{taken[-1].number}"
            yield InvalidInput(
                f'line {start}: a stray quote (") opens a field that runs on over {over}, '
                'which read as rows of their own; close the quote, or double it ("") inside '
                "a quoted field"
            )
            feed.again(taken[1:])
            continue
        yield archive_row(dict(zip(header, fields, strict=False)), start, scale)


class _Feed:
    """The lines csv reads, remembering which lines went into the current record, so a
    record found bad can be given back line by line after its first."""

    def __init__(self, lines: Iterator[Line | InvalidInput]) -> None:
        self.lines = lines
        self.pending: deque[Line] = deque()
        self.taken: list[Line] = []
        self.found: list[InvalidInput] = []

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.pending:
            line = self.pending.popleft()
        else:
            while True:
                got = next(self.lines)
                if isinstance(got, Line):
                    line = got
                    break
                self.found.append(got)
        self.taken.append(line)
        return line.text

    def take(self) -> list[Line]:
        taken, self.taken = self.taken, []
        return taken

    def again(self, lines: list[Line]) -> None:
        self.pending.extendleft(reversed(lines))

    def problems(self) -> list[InvalidInput]:
        found, self.found = self.found, []
        return found


def _runs_into_rows(lines: list[Line], columns: int) -> bool:
    """Whether lines swallowed into one quoted field each read as a row of the file."""
    for line in lines:
        try:
            fields = next(csv.reader([line.text]))
        except (csv.Error, StopIteration):
            continue
        if columns > 1 and len(fields) == columns:
            return True
    return False


# ---------------------------------------------------------------------------- validating


def pick(record: Mapping[str, Any], *names: str, number: bool = False) -> str | None:
    """The first of ``names`` the record gives a non-empty value, as text; a value that is
    not text (a list, an object; a number unless ``number``) is an error naming the field."""
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            text = value.replace("\x00", "").strip()  # no engine stores NUL the same way
            if text:
                return text
            continue
        if number and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return str(value)
        raise InvalidInput(f"{name} must be text, not {kind_of(value)}")
    return None


def rating_status(label: str | None, scale: RatingScale) -> tuple[str | None, Status]:
    """A published rating as the desk stores it (its own scale's label when the scale knows
    it, else the label as published) and the status it means."""
    if not label:
        return None, Status.PENDING
    known = scale.find(label)
    if known is not None:
        return known.label, known.status
    return label, _RATING_STATUS.get(" ".join(label.split()).lower(), Status.PENDING)


def archive_row(
    record: Mapping[str, Any], line: int, scale: RatingScale, *, where: str | None = None
) -> ArchiveRow | InvalidInput:
    """A record of an archive file as a checked claim, or what is wrong with it."""
    where = where or f"line {line}"
    try:
        return _row(record, line, scale)
    except InvalidInput as exc:
        return InvalidInput(f"{where}: {exc}")


def _row(record: Mapping[str, Any], line: int, scale: RatingScale) -> ArchiveRow:
    text = pick(record, "text", "claim", "vclaim", "claimReviewed")
    if not text:
        raise InvalidInput("no claim text (columns text, claim or vclaim)")
    label = pick(record, "rating", "verdict", "label")
    rating, status = rating_status(label, scale)
    status_text = pick(record, "status")
    if status_text:
        try:
            status = Status(status_text.lower())
        except ValueError:
            raise InvalidInput(f"unknown status {status_text!r}") from None
    url = pick(record, "url")
    if url:
        url = check_url(url)
    if status in (Status.VERIFIED, Status.DISPUTED) and not url:
        raise InvalidInput(f"a {status.value} claim needs the check's url")
    context = " ".join(v for v in (pick(record, "title"), pick(record, "subtitle")) if v)
    language = pick(record, "language", "lang", "inLanguage")
    return checked(
        ArchiveRow(
            line=line,
            text=normalize_text(text),
            status=status,
            rating=rating,
            label=label,
            url=url,
            published=_date(pick(record, "date", "datePublished")),
            speaker=pick(record, "speaker", "claimant"),
            external_id=pick(record, "external_id", "id", "vclaim_id", number=True),
            context=context or None,
            language=check_language(language) if language else None,
        )
    )


def checked(row: ArchiveRow) -> ArchiveRow:
    """A row whose every field fits where it is stored, on either engine; else the error."""
    if len(row.text) > MAX_CLAIM_CHARS:
        raise InvalidInput(
            f"the claim is {len(row.text):,} characters; a claim is at most "
            f"{MAX_CLAIM_CHARS:,} (is a whole article in one field?)"
        )
    if row.context and len(row.context) > MAX_CONTEXT_CHARS:
        raise InvalidInput(f"title and subtitle are longer than {MAX_CONTEXT_CHARS:,} characters")
    check_value(_CLAIM.speaker, row.speaker)
    check_value(_CLAIM.external_id, row.external_id)
    check_value(_CLAIM.rating, row.label)  # stored as the rating when the scale lacks it
    return row


def _date(text: str | None) -> str | None:
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    return parse_user_date(text) or None
