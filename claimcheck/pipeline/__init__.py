"""The text pipeline: raw article -> document -> sentences -> atomic claims. Pure functions."""

from __future__ import annotations

import re
from dataclasses import fields, replace

from claimcheck.pipeline.model import (
    CLAIM_ROLES,
    Block,
    Claim,
    Document,
    Metadata,
    Role,
    Sentence,
    Span,
)
from claimcheck.pipeline.text import content_hash, normalize_text

__all__ = [
    "Claim",
    "Document",
    "Metadata",
    "Role",
    "Sentence",
    "Span",
    "article_text",
    "content_hash",
    "split_article",
]


def article_text(raw: str, *, url: str | None = None) -> tuple[str, Metadata]:
    """The text the pipeline reads from what was received (HTML or plain text)."""
    from claimcheck.pipeline.html import extract_html, looks_like_html

    if looks_like_html(raw):
        text, hints = extract_html(raw, url)
        return normalize_text(text), hints
    return normalize_text(raw), Metadata()


def split_article(
    text: str,
    *,
    plain: bool = False,
    lang: str | None = None,
    hints: Metadata | None = None,
) -> Document:
    """Cut normalized article text into a Document: metadata, sentences and claims.

    ``hints`` are facts known from elsewhere (command-line flags, HTML metadata); they win
    over what is read from the text.
    """
    # The stages are imported here, not with the package: a command that only reads the
    # package's light parts (pipeline.language for a search, the model for a view) does not
    # load them.
    from claimcheck.matching.aliases import learn_aliases
    from claimcheck.matching.normalize import normalize
    from claimcheck.matching.terms import index_terms
    from claimcheck.pipeline import worthiness
    from claimcheck.pipeline.attribution import named_subject, person_like
    from claimcheck.pipeline.claims import extract_claims, opener_chars
    from claimcheck.pipeline.document import structure_article, structure_plain
    from claimcheck.pipeline.language import check_language, identify_language, splits_claims
    from claimcheck.pipeline.parse import parse_sentences
    from claimcheck.pipeline.tree import Tree

    structure = structure_plain(text) if plain else structure_article(text)
    body = " ".join(text[b.start : b.end] for b in structure.blocks if b.role is Role.BODY)
    language = check_language(lang) if lang else identify_language(body or text)
    # Claims are cut only from languages the rules read; another one keeps its sentences.
    guess_claims = splits_claims(language)

    metadata = replace(structure.metadata, language=language)
    if hints is not None:
        overrides = {f.name: getattr(hints, f.name) for f in fields(hints)}
        metadata = replace(metadata, **{k: v for k, v in overrides.items() if v})

    spans = [
        (block, span)
        for block in structure.blocks
        for span in _sentence_spans(text, block, language)
    ]
    to_parse = [
        i
        for i, (block, span) in enumerate(spans)
        if block.role in CLAIM_ROLES and _parseable(text, span)
    ]
    if guess_claims:
        texts = [text[spans[i][1].start : spans[i][1].end] for i in to_parse]
        skips = [opener_chars(t, language) for t in texts]
        parses = dict(zip(to_parse, parse_sentences(texts, language, skips), strict=True))
    else:
        parses = {}

    aliases = learn_aliases(text)
    sentences: list[Sentence] = []
    last_speaker: str | None = None
    named: str | None = None  # the last person a claim was given as its speaker
    group: str | None = None  # the last speaker of any kind, for "mereka", "they"
    for index, (block, span) in enumerate(spans):
        sentence_text = text[span.start : span.end]
        claims: list[Claim] = []
        parse = parses.get(index)
        if parse is not None:
            for draft in extract_claims(parse, language, last_speaker, group):
                worth = worthiness.score(
                    draft.text,
                    language=language,
                    speaker=draft.speaker,
                    hedged=draft.hedged,
                    role=block.role.value,
                )
                claims.append(
                    Claim(
                        position=len(claims),
                        text=draft.text,
                        start=span.start + draft.start,
                        end=span.start + draft.end,
                        speaker=draft.speaker,
                        hedged=draft.hedged,
                        reference=draft.reference,
                        spans=tuple(Span(span.start + a, span.start + b) for a, b in draft.spans),
                        restored=draft.restored,
                        priority=worth.score,
                        signals=worth.signals,
                        match=(match := normalize(draft.text, aliases)),
                        indexed=index_terms(match.text, language),
                    )
                )
        # "..., kata dia" refers back to the speaker of the sentence just before, or to the
        # person it was about; a sentence that names neither leaves the last speaker as it
        # was ("..., lanjutnya" two sentences after the quote's speaker is still that one).
        # only a person is carried on: "memo", "Bapemperda" or "Bandung" is no "dia"
        said = next(
            (c.speaker for c in reversed(claims) if c.speaker and person_like(c.speaker)), None
        )
        group = next((c.speaker for c in reversed(claims) if c.speaker), None) or group
        named = said or named
        about = named_subject(Tree(parse), language) if parse is not None else None
        last_speaker = said or (about if about and person_like(about) else None) or named
        sentences.append(
            Sentence(len(sentences), block.role, sentence_text, span.start, span.end, tuple(claims))
        )
    return Document(
        text,
        metadata,
        tuple(_names_as_referred_to(text, sentences)),
        structure.furniture,
        tuple(sorted(aliases.items())),
    )


def _names_as_referred_to(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A long speaker's name starts where the article's own short references to that
    speaker start, when the words before it stand elsewhere in the article on their own: an
    office's organisation or place has no words for the parse to end it on ("Kepala Dinas
    Pertanian dan Kehutanan Singkawang Yusnita Fitriadi, ..." gave "Singkawang Yusnita
    Fitriadi"), and the article then says "kata Yusnita" and "Kota Singkawang". A short
    reference is a speaker of one or two words; the name keeps at least two words, so a
    surname alone ("Johnson said") shortens nothing; a given name never used apart from the
    name ("Andi Amran Sulaiman", later "kata Amran") and an initial stay. Without a short
    reference, the words before a person's name go when the article names them elsewhere on
    their own, as a body or a place ("Business group head Microsoft Lucky Gani" beside
    "dukungan penuh dari Microsoft.")."""
    from claimcheck.pipeline import lexicon
    from claimcheck.pipeline.attribution import person_like

    speakers = [
        tuple(claim.speaker.split())
        for sentence in sentences
        for claim in sentence.claims
        if claim.speaker
    ]
    short = {words for words in speakers if 1 <= len(words) <= 2}

    def apart(word: str, before: str) -> bool:
        """``word`` stands somewhere in the text not followed by ``before``."""
        found = re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)\W*(\w*)", text)
        return any(m.group(1) != before for m in found)

    def alone(phrase: str, before: str) -> bool:
        """``phrase`` stands somewhere in the text as a body's or a place's name: after a
        lower-case word, an acronym or a body's first word ("dari Microsoft.", "PT Sigap
        Prima Astrea"), followed neither by ``before`` nor by another capitalised word."""
        found = re.finditer(rf"(\w*)\s(?:{re.escape(phrase)})(?!\w)(\W*)(\w*)", text)
        return any(
            (
                m.group(1)[:1].islower()
                or m.group(1).lower() in lexicon.ORGANISATION_STARTS
                or len(m.group(1)) > 1
                and m.group(1).isupper()  # "MDI Ventures"
            )
            and m.group(3) != before
            and not (m.group(2) == " " and m.group(3)[:1].isupper())
            for m in found
        )

    def referred(speaker: str) -> str:
        words = speaker.split()
        for start in range(1, len(words) - 1):
            if any(tuple(words[start : start + len(ref)]) == ref for ref in short):
                while start and len(words[start - 1].rstrip(".")) == 1:
                    start -= 1  # an initial is the name's own ("M. Hery Saripudin")
                if start and apart(words[start - 1], words[start]):
                    return " ".join(words[start:])
                return speaker
        # "Business group head Microsoft Lucky Gani" with no short reference, where the
        # article also says "dari Microsoft.": the words before the name are the office's
        # body, unless a speaker opens with them ("kata Basuki") or the article names the
        # whole again ("Disneyland Hong Kong akan ...": a body's own name)
        if (
            not person_like(speaker)
            or any(s[0] == words[0] and s != tuple(words) for s in speakers)
            or len(re.findall(rf"(?<!\w){re.escape(speaker)}(?!\w)", text)) > 1
        ):
            return speaker
        for n in range(len(words) - 2, 0, -1):
            rest = words[n:]
            if (
                len(rest[0].rstrip(".")) > 1
                and " ".join(rest).lower() not in lexicon.PLACES
                # "Disneyland Hong Kong" when the article says "di Hong Kong"
                and not re.search(
                    rf"\b(?:di|ke|dari|in|at|to|from) {re.escape(' '.join(rest))}\b", text
                )
                and alone(" ".join(words[:n]), rest[0])
            ):
                return " ".join(rest)
        return speaker

    done: list[Sentence] = []
    for sentence in sentences:
        claims = tuple(
            replace(c, speaker=referred(c.speaker))
            if c.speaker and len(c.speaker.split()) >= 3
            else c
            for c in sentence.claims
        )
        done.append(replace(sentence, claims=claims) if claims != sentence.claims else sentence)
    return done


def _parseable(text: str, span: Span) -> bool:
    """Sentences worth a parse: not run-on scraper output, not a question."""
    from claimcheck.pipeline.claims import MAX_SENTENCE_CHARS

    return 0 < span.end - span.start <= MAX_SENTENCE_CHARS and any(
        ch.isalpha() for ch in text[span.start : span.end]
    )


def _sentence_spans(text: str, block: Block, language: str) -> list[Span]:
    from claimcheck.pipeline.sentences import split_sentences

    if block.role is Role.BODY:
        return split_sentences(text, block.start, block.end, language)
    return [Span(block.start, block.end)]
