"""Storage: the schema, the engine and sessions, migrations. Never imports the CLI."""

from claimcheck.storage.db import Database, open_database
from claimcheck.storage.models import (
    Article,
    Base,
    Claim,
    EventKind,
    Evidence,
    ReviewEvent,
    Sentence,
    Stance,
    Status,
)

__all__ = [
    "Article",
    "Base",
    "Claim",
    "Database",
    "EventKind",
    "Evidence",
    "ReviewEvent",
    "Sentence",
    "Stance",
    "Status",
    "open_database",
]
