"""Sentence segmentation: sentencex, corrected for abbreviations and scraper-glued text."""

from __future__ import annotations

import re

from sentencex import segment

from claimcheck.pipeline.lexicon import ABBREVIATIONS, COMPANY_SUFFIXES, EMOTICON
from claimcheck.pipeline.model import Span

# "Cortana.Kecanggihan": a scraper dropped the space after a period. Not "iNews.id",
# "U.S." or "2.5", so the letters on both sides must look like words.
_GLUED = re.compile(r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,})")
_TRAILING_TOKEN = re.compile(r"(?:^|\s|\()(?P<token>[A-Za-z]+(?:\.[A-Za-z]+)*)\.$")
# A cut between the letters of an initialism ("non-U.S. passport" cut after "U."): the
# part after opens with a capital, a period and a word in lower case.
_INITIAL_END = re.compile(r"(?<![A-Za-z])[A-Z]\.$")
_INITIALS_GO_ON = re.compile(r"(?:[A-Z]\.)+\s+[a-z]")
# "at 10:00 a.m. PDT": a time zone after a.m./p.m. goes on with the sentence
_TIME_OF_DAY = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_TIME_ZONE = re.compile(
    r"(?:PDT|PST|EDT|EST|CDT|CST|MDT|MST|UTC|GMT|BST|CET|CEST|WIB|WITA|WIT|ET|PT|CT)\b"
)


def split_sentences(text: str, start: int, end: int, lang: str) -> list[Span]:
    """Spans of the sentences in ``text[start:end]``, stripped of surrounding space."""
    spans: list[Span] = []
    offset = start
    for piece in segment(lang, text[start:end]):
        piece_start = offset
        offset += len(piece)
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(piece_start + lead, piece_start + lead + len(stripped)))
    if offset != end:  # sentencex normally returns the text whole; if not, keep it whole
        spans = [_strip(text, start, end)]
    spans = _merge_abbreviations(text, _emoticons_back(text, spans), lang)
    return [part for span in spans for part in _split_glued(text, span)]


def _emoticons_back(text: str, spans: list[Span]) -> list[Span]:
    """ "Great. :) We will come back.": the emoticon closes the sentence before it."""
    moved: list[Span] = []
    for span in spans:
        lead = EMOTICON.match(text, span.start, span.end)
        after = lead.end() if lead else -1
        if moved and lead and after < span.end and text[after].isspace():
            rest = len(text[after : span.end]) - len(text[after : span.end].lstrip())
            moved[-1] = Span(moved[-1].start, after)
            span = Span(after + rest, span.end)
        moved.append(span)
    return moved


def _strip(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return Span(start + lead, start + lead + len(chunk.strip()))


def _merge_abbreviations(text: str, spans: list[Span], lang: str) -> list[Span]:
    abbreviations = ABBREVIATIONS.get(lang, frozenset()) | ABBREVIATIONS["id"]
    merged: list[Span] = []
    for span in spans:
        if merged and _continues(
            text[merged[-1].start : merged[-1].end], text[span.start : span.end], abbreviations
        ):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def _continues(before: str, after: str, abbreviations: frozenset[str]) -> bool:
    """Whether the segmenter cut a sentence that goes on: after an abbreviation, inside a
    company name ("Tbk. (BBNI) menambah"), or before a lone emoticon."""
    if _ends_with_abbreviation(before, abbreviations):
        return True
    if EMOTICON.fullmatch(after):
        return True
    if _INITIAL_END.search(before) and _INITIALS_GO_ON.match(after):
        return True  # "a non-U." + "S. passport": no sentence opens with "S." and a lower word
    if _TIME_OF_DAY.search(before) and _TIME_ZONE.match(after):
        return True  # "will begin at 10:00 a.m. PDT (5 p.m. UTC) on August 28"
    match = _TRAILING_TOKEN.search(before)
    return bool(
        match
        and match.group("token").lower() in COMPANY_SUFFIXES
        and (after[:1] == "(" or after[:1].islower())
    )


def _ends_with_abbreviation(sentence: str, abbreviations: frozenset[str]) -> bool:
    match = _TRAILING_TOKEN.search(sentence)
    if not match:
        return False
    token = match.group("token")
    if token.lower() in abbreviations:
        return True
    # A lone capital is an initial inside a name ("H. Agus", "George W. Bush") when it opens
    # the sentence or follows a capitalised word; "because of X." ends the sentence.
    if len(token) == 1 and token.isupper():
        words = sentence[: match.start("token")].split()
        return not words or words[-1][:1].isupper()
    return False


def _split_glued(text: str, span: Span) -> list[Span]:
    chunk = text[span.start : span.end]
    cuts = [m.start() for m in _GLUED.finditer(chunk)]
    if not cuts:
        return [span]
    bounds = [0, *cuts, len(chunk)]
    return [Span(span.start + a, span.start + b) for a, b in zip(bounds, bounds[1:], strict=False)]
