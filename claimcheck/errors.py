"""The project's exceptions: everything below the CLI raises these, the CLI renders them."""


class ClaimcheckError(Exception):
    """Something the user can fix went wrong; the message says what and how."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())


class NotFound(ClaimcheckError):
    """No such record."""


class EvidenceRequired(ClaimcheckError):
    """A verdict needs at least one evidence link."""


class InvalidInput(ClaimcheckError):
    """The input is not usable."""


class DatabaseError(ClaimcheckError):
    """The database could not be opened or migrated."""


class Conflict(ClaimcheckError):
    """Someone else changed this record first; nothing was saved."""


class Superseded(ClaimcheckError):
    """This claim belongs to a revision of its article that a newer one replaced."""
