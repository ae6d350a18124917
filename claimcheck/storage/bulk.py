"""Bulk writes: many rows in one statement, the fastest way each engine takes them.

PostgreSQL gets ``COPY ... FROM STDIN`` through psycopg 3; SQLite one ``executemany`` of a
prepared INSERT. Both run in the caller's transaction, so a batch is written whole or not at
all. Ids are reserved up front (the caller needs them to link rows), and what the schema would
refuse on either engine is checked before writing (:func:`check_value`), so both take or
refuse the same data with the same message.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimcheck.errors import InvalidInput
from claimcheck.storage.models import Base

#: PostgreSQL's ``integer``, which SQLAlchemy's Integer is there; SQLite would take more, but a
#: database has to move between the two.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def table_of(model: type[Base]) -> sa.Table:
    """A model's table, typed as one."""
    return Base.metadata.tables[model.__tablename__]


def reserve_ids(connection: Connection, table: sa.Table, count: int) -> list[int]:
    """``count`` new ids for ``table``'s rows, in order.

    On SQLite the caller holds the write lock (``BEGIN IMMEDIATE``), so the ids after the
    highest one are free; on PostgreSQL they come from the table's sequence, as a plain
    INSERT would take them.
    """
    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            sa.text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                "FROM generate_series(1, :count)"
            ),
            {"table": table.name, "count": count},
        )
        return [int(value) for (value,) in rows]
    highest = connection.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def insert_rows(
    connection: Connection,
    table: sa.Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    """Write ``rows`` (values in ``columns`` order) into ``table``."""
    if connection.dialect.name == "postgresql":
        _copy(connection, table, columns, rows)
        return
    processors = _processors(connection, table, columns)
    if any(processors):
        rows = _processed(processors, rows)
    elif not isinstance(rows, list):
        rows = list(rows)
    if not rows:
        return
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)


def _copy(
    connection: Connection, table: sa.Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    raw: Any = connection.connection.driver_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _processed(
    processors: list[Callable[[Any], Any] | None], rows: Iterable[Sequence[Any]]
) -> list[Sequence[Any]]:
    """The rows with each value that needs it as SQLite stores it; a value converted once
    is remembered (a batch's rows share their timestamp), a timestamp as the text the
    sqlite3 module would write for it (its adapter: 0.6 s for 300,000 timestamps)."""
    active: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
        (k, p, {}) for k, p in enumerate(processors) if p is not None
    ]
    done: list[Sequence[Any]] = []
    for row in rows:
        values = list(row)
        for k, convert, seen in active:
            value = values[k]
            try:
                values[k] = seen[value]
            except KeyError:
                converted = convert(value)
                if isinstance(converted, datetime):
                    converted = converted.isoformat(" ")
                values[k] = seen[value] = converted
            except TypeError:  # not hashable
                values[k] = convert(value)
        done.append(tuple(values))
    return done


def _processors(
    connection: Connection, table: sa.Table, columns: Sequence[str]
) -> list[Callable[[Any], Any] | None]:
    """How SQLAlchemy would turn each column's Python value into SQLite's (timestamps as
    text, booleans as integers); None where the value goes as it is."""
    return [table.c[name].type.bind_processor(connection.dialect) for name in columns]


# ------------------------------------------------------------------------------- checking


def check_value(column: sa.Column[Any], value: Any) -> Any:
    """``value`` as ``column`` stores it, or :class:`InvalidInput` saying why it cannot be:
    the wrong type, text longer than the column, a number past PostgreSQL's range. Dates and
    times come as ISO 8601 text."""
    if value is None:
        if not column.nullable and column.server_default is None and not column.primary_key:
            raise InvalidInput(f"{column.name} is missing")
        return None
    kind = column.type.impl_instance if isinstance(column.type, sa.TypeDecorator) else column.type
    if isinstance(kind, sa.Boolean):
        if not isinstance(value, bool):
            raise InvalidInput(f"{column.name} must be true or false, not {kind_of(value)}")
        return value
    if isinstance(kind, sa.Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{column.name} must be a whole number, not {kind_of(value)}")
        if not INT_MIN <= value <= INT_MAX:
            raise InvalidInput(f"{column.name} {value} is out of range (at most {INT_MAX})")
        return value
    if isinstance(kind, sa.Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidInput(f"{column.name} must be a number, not {kind_of(value)}")
        number = float(value) if abs(value) < 1e308 else math.inf
        if not math.isfinite(number):
            raise InvalidInput(f"{column.name} must be a finite number")
        return number
    if not isinstance(value, str):
        raise InvalidInput(f"{column.name} must be text, not {kind_of(value)}")
    if isinstance(kind, sa.DateTime | sa.Date):
        return _when(column, kind, value)
    length = getattr(kind, "length", None)
    if length is not None and len(value) > length:
        raise InvalidInput(f"{column.name} is longer than {length} characters")
    return value


def _when(column: sa.Column[Any], kind: sa.types.TypeEngine[Any], value: str) -> date | datetime:
    try:
        if isinstance(kind, sa.DateTime):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("no time zone")
            return moment
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{column.name} is not an ISO 8601 date: {value[:40]!r}") from None


def kind_of(value: Any) -> str:
    """What a JSON value is, in words (for an error saying what a field should be)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float | Decimal):
        return "a number"
    return type(value).__name__
