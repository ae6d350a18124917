"""PostgreSQL roles for a desk: the schema's owner migrates; the application role the
reviewers connect as reads and writes claims, and can only add to the history.

Only a table's owner may ALTER it, drop or disable its triggers; TRUNCATE, UPDATE and DELETE
need privileges the application role is not given on the history tables. So whoever holds
the application role's password cannot rewrite history, even with SQL of their own.
"""

from __future__ import annotations

import sqlalchemy as sa

from claimcheck.errors import DatabaseError

#: The tables that hold the history: the application role may insert and read, nothing more.
HISTORY_TABLES = ("review_event", "evidence")


def grant_application_role(connection: sa.Connection, role: str) -> None:
    """Give ``role`` what claimcheck needs on the current schema, now and for the tables
    later migrations add (run as the schema's owner, after migrating)."""
    if connection.dialect.name != "postgresql":
        raise DatabaseError("roles are PostgreSQL's: a SQLite file is one reviewer's")
    me = connection.execute(sa.text("SELECT current_user")).scalar_one()
    if role == me:
        raise DatabaseError(
            f"the application role must be another role than {role}, who runs the upgrade and "
            "owns the tables: the reviewers' connections must not be able to alter them"
        )
    exists = connection.execute(
        sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).first()
    if exists is None:
        raise DatabaseError(f"there is no role {role!r} on the server: create it first")
    if exists[0]:
        raise DatabaseError(f"{role!r} is a superuser, which no privilege can restrict")
    quoted = connection.dialect.identifier_preparer.quote(role)
    history = ", ".join(HISTORY_TABLES)
    for statement in (
        f"GRANT USAGE ON SCHEMA {_schema(connection)} TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {_schema(connection)} "
        f"TO {quoted}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {history} FROM {quoted}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {quoted}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {_schema(connection)} TO {quoted}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_schema(connection)} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_schema(connection)} "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {quoted}",
    ):
        connection.exec_driver_sql(statement)


def _schema(connection: sa.Connection) -> str:
    name = connection.execute(sa.text("SELECT current_schema()")).scalar_one()
    return str(connection.dialect.identifier_preparer.quote(name))
