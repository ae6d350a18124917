"""The database schema: articles, sentences, claims, evidence and the review history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Status(StrEnum):
    """A claim's review status."""

    PENDING = "pending"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"
    DISMISSED = "dismissed"


#: Verdicts that must rest on at least one evidence link.
NEEDS_EVIDENCE = frozenset({Status.VERIFIED, Status.DISPUTED})


class Stance(StrEnum):
    """What an evidence link says about a claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class EventKind(StrEnum):
    STATUS = "status"
    EVIDENCE = "evidence"
    EDIT = "edit"  # a reviewer fixed the claim's text (from_text -> to_text)
    SPLIT = "split"  # a reviewer cut the claim in two (to_text: this claim's part)
    ASSIGN = "assign"  # the claim was given to a reviewer (note: to whom)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(values: type[StrEnum]) -> str:
    return "(" + ", ".join(f"'{v.value}'" for v in values) + ")"


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back as aware datetimes, on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)  # where the text was read from
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(300))
    editor: Mapped[str | None] = mapped_column(String(300))
    dateline: Mapped[str | None] = mapped_column(String(200))
    photo_credit: Mapped[str | None] = mapped_column(String(300))
    published_at: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    raw_text: Mapped[str] = mapped_column(Text)  # exactly as received (HTML stays HTML)
    text: Mapped[str] = mapped_column(Text)  # what the pipeline read; offsets index this
    content_hash: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # "news": an article a reviewer ingested; "archive": a past fact-check imported with
    # `claimcheck import claims`, one per checked claim, so its URL, date and outlet are kept.
    kind: Mapped[str] = mapped_column(String(16), server_default="news")
    # News sites edit articles: a changed text with the same URL (or title and outlet) is
    # stored as a new revision pointing at the one it replaces.
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"))
    revision: Mapped[int] = mapped_column(Integer, server_default="1")

    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="article", order_by="Sentence.position", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("content_hash"), UniqueConstraint("previous_id"))


class Sentence(Base):
    __tablename__ = "sentence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="sentences")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="sentence", order_by="Claim.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("article_id", "position"),
        CheckConstraint("role IN ('title', 'caption', 'heading', 'body')", name="role"),
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
    )


class Claim(Base):
    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=Status.PENDING.value)
    speaker: Mapped[str | None] = mapped_column(String(300))
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Bumped on every change of the row; an UPDATE that finds another version changes
    # nothing, so two reviewers deciding at once cannot silently overwrite each other.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # The claim as repeated-claim matching compares it (aliases written out, numbers, case
    # and punctuation folded); filled when the claim is indexed for matching.
    match_text: Mapped[str | None] = mapped_column(Text)
    # An imported claim's id in the archive it came from (a fact-checker's own id).
    external_id: Mapped[str | None] = mapped_column(String(300))
    # Words that help find the claim but are not the claim: an archived check's headline.
    context: Mapped[str | None] = mapped_column(Text)
    # The published rating behind the verdict ("Menyesatkan"): a label of the desk's rating
    # scale, or an imported check's own label when the scale does not know it.
    rating: Mapped[str | None] = mapped_column(String(100))
    # Check-worthiness (0-1) and the signals behind it, from the text at ingest.
    priority: Mapped[float | None] = mapped_column(Float)
    signals: Mapped[str | None] = mapped_column(String(300))
    assigned_to: Mapped[str | None] = mapped_column(String(200))
    # With second review on, a verdict counts once a different reviewer confirms it.
    awaiting_second: Mapped[bool] = mapped_column(Boolean, server_default=sa_false())
    # The words that need an earlier sentence to be understood ("Ia", "Hal ini", "This").
    reference: Mapped[str | None] = mapped_column(String(100))
    # The runs of article text the claim's words come from (JSON [[start, end], ...]) and the
    # words written back from elsewhere in its sentence (JSON list); NULL on older claims.
    spans: Mapped[str | None] = mapped_column(Text)
    restored: Mapped[str | None] = mapped_column(Text)
    # Set on a claim when a later revision of its article dropped it ("removed") or
    # reworded it ("changed").
    revision_change: Mapped[str | None] = mapped_column(String(16))

    sentence: Mapped[Sentence] = relationship(back_populates="claims")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", order_by="Evidence.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[ReviewEvent]] = relationship(
        back_populates="claim", order_by="ReviewEvent.id"
    )

    __table_args__ = (
        UniqueConstraint("sentence_id", "position"),
        CheckConstraint(f"status IN {_in(Status)}", name="status"),
        Index(None, "status"),
    )
    __mapper_args__ = {"version_id_col": version}


class MatchKind(StrEnum):
    """How two claims are related: found by matching, or decided by a reviewer."""

    SUGGESTED = "suggested"
    LINKED = "linked"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class MatchToken(Base):
    """A term (a stemmed word of normalised claim text), with how many claims hold it."""

    __tablename__ = "match_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(64))
    claims: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (UniqueConstraint("text"),)


class ClaimToken(Base):
    """The inverted index search and matching read: which claims hold a term, how often."""

    __tablename__ = "claim_token"

    token_id: Mapped[int] = mapped_column(ForeignKey("match_token.id"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    count: Mapped[int] = mapped_column(Integer, server_default="1")  # term frequency

    # On SQLite the postings of a term lie together, in key order; a claim's length for
    # BM25 comes from the claim_id index alone (migration 0009).
    __table_args__ = (Index(None, "claim_id", "count"), {"sqlite_with_rowid": False})


class PostingCache(Base):
    """A term's postings packed in one row, so a look-up reads a term whole instead of row
    by row. Derived from ``claim_token`` up to claim ``upto`` (later postings are read from
    there); any row can be dropped and is rebuilt (services/repeats/postings.py)."""

    __tablename__ = "posting_cache"

    token_id: Mapped[int] = mapped_column(
        ForeignKey("match_token.id", ondelete="CASCADE"), primary_key=True
    )
    upto: Mapped[int] = mapped_column(Integer)  # the highest claim id packed in
    stamp: Mapped[int] = mapped_column(BigInteger)  # new on every write: a reader's copy is
    # still good while the stamp is the same
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ClaimMatch(Base):
    """Two claims that may be, or are, the same claim. ``claim_a_id < claim_b_id``."""

    __tablename__ = "claim_match"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    guards: Mapped[str | None] = mapped_column(String(300))  # what blocked a link, if anything
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("claim_a_id", "claim_b_id"),
        CheckConstraint("claim_a_id < claim_b_id", name="ordered"),
        CheckConstraint(f"kind IN {_in(MatchKind)}", name="kind"),
        Index(None, "claim_b_id"),
    )


class ClaimGroup(Base):
    """Claims that are the same claim: a verdict on one is offered to the others."""

    __tablename__ = "claim_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupMember(Base):
    """A claim's group. Kept off the claim row, so joining a group does not change the
    claim's version under a reviewer."""

    __tablename__ = "claim_group_member"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("claim_group.id", ondelete="CASCADE"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(200))  # a reviewer, or "matching"

    __table_args__ = (Index(None, "group_id"),)


class Evidence(Base):
    """A source for a claim. Never changed once its history event points at it (triggers
    refuse UPDATE and DELETE): a corrected link is a new row with its own event."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="evidence")

    __table_args__ = (
        CheckConstraint(f"stance IN {_in(Stance)}", name="stance"),
        Index(None, "claim_id"),
    )


class ReviewEvent(Base):
    """Append-only: triggers in the migrations refuse UPDATE, DELETE, TRUNCATE and SQLite's
    REPLACE on this table. Each row's ``hash`` chains it to the one before it; ids, hashes
    and (when not given) times come from storage/history.py, the times from the database's
    clock."""

    __tablename__ = "review_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id"))
    kind: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id"))
    note: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[str | None] = mapped_column(String(100))  # the rating this verdict gave
    from_text: Mapped[str | None] = mapped_column(Text)  # edits and splits: the text before
    to_text: Mapped[str | None] = mapped_column(Text)  # ... and after
    # SHA-256 (hex) over the previous event's hash and this event (storage/history.py).
    hash: Mapped[str] = mapped_column(String(64))

    claim: Mapped[Claim] = relationship(back_populates="events")

    __table_args__ = (
        CheckConstraint(f"kind IN {_in(EventKind)}", name="kind"),
        Index(None, "claim_id"),
    )


class ClaimLease(Base):
    """A claim shown to a reviewer in `review`, reserved for them until ``expires_at``."""

    __tablename__ = "claim_lease"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    reviewer: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index(None, "reviewer"),)


class ReviewCursor(Base):
    """Where a reviewer left a review queue, so the next `review` resumes there."""

    __tablename__ = "review_cursor"

    reviewer: Mapped[str] = mapped_column(String(200), primary_key=True)
    queue: Mapped[str] = mapped_column(String(300), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FeedItem(Base):
    """An item a followed feed listed, so the next run of `ingest --feed` skips it: stored
    (``article_id``), or failed ``attempts`` times (tried again up to a limit)."""

    __tablename__ = "feed_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_url: Mapped[str] = mapped_column(Text)  # the feed as the desk gave it
    # The item's link; for an item without one, its id or title ("no link: ...").
    item_key: Mapped[str] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"))
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("feed_url", "item_key"),)


#: Indexes that only PostgreSQL gets (trigram and full-text search over claim text); the
#: migrations create them and the model comparison leaves them alone.
POSTGRES_ONLY_INDEXES = frozenset({"ix_claim_text_trgm", "ix_claim_text_fts"})
