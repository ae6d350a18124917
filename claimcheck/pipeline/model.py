"""Plain, frozen data that the text pipeline produces: document, sentences, claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from claimcheck.matching.normalize import Normalized

if TYPE_CHECKING:  # the stemmers load with it: only text splitting needs them
    from claimcheck.matching.terms import Indexed


class Role(StrEnum):
    """Where a sentence stands in the article."""

    TITLE = "title"
    CAPTION = "caption"
    HEADING = "heading"
    BODY = "body"


#: Roles whose sentences are read for claims. Titles and headings restate the body,
#: and captions describe the photo, yet captions often assert facts, so they count.
CLAIM_ROLES = frozenset({Role.BODY, Role.CAPTION})


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A run of article text with one role: a paragraph, a heading, a caption."""

    role: Role
    start: int
    end: int


@dataclass(frozen=True)
class Metadata:
    """What the page says about the article, beside its sentences."""

    title: str | None = None
    author: str | None = None
    editor: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published_at: str | None = None
    photo_credit: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Claim:
    """One checkable statement.

    ``start``/``end`` locate the words the claim was cut from in the article text;
    ``text`` can differ from that span when an elided subject was restored or an
    attribution ("X said that ...") was moved into ``speaker``.
    """

    position: int
    text: str
    start: int
    end: int
    speaker: str | None = None
    hedged: bool = False
    # Words that need an earlier sentence to be understood ("Ia", "Hal ini", "This"): the
    # reviewer may want to write the claim out.
    reference: str | None = None
    # The runs of article text the claim's words come from, and the words written back that
    # stand elsewhere in the sentence (an elided subject, a gapped verb, a head noun).
    spans: tuple[Span, ...] = ()
    restored: tuple[str, ...] = ()
    # Check-worthiness (0-1) and the signals behind it; the claim as matching compares it.
    priority: float = 0.0
    signals: tuple[str, ...] = ()
    match: Normalized | None = None
    indexed: Indexed | None = None  # its index terms (matching/terms.py), in its language


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article, as an offset view into the article text."""

    position: int
    role: Role
    text: str
    start: int
    end: int
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Document:
    """An article after the pipeline: its text, metadata and sentences with claims."""

    text: str
    metadata: Metadata
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)
    furniture: tuple[Span, ...] = field(default_factory=tuple)
    # Short forms the article defines ("Korea Utara (Korut)"), as matching expands them.
    aliases: tuple[tuple[str, str], ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for s in self.sentences for c in s.claims)
