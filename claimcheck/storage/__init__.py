"""Storage: the schema, the engine and sessions, migrations. Never imports the CLI."""

from claimcheck.storage import history  # its hook gives every new history event its hash
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
    "history",
    "open_database",
]
