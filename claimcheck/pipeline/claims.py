"""Atomic claims: cut a sentence into clause-level checkable statements.

Rules, the same for Indonesian and English with each language's words:
discourse openers are dropped; attributed speech gives the claim its speaker;
concessive ("Meski X, Y"), contrastive ("X, tetapi Y", "X, bahkan Y"), "tidak hanya X,
tetapi juga Y" and coordinated predicates ("X dan tidak Y") become separate claims, with
the elided subject restored from the clause it belongs to. Noun-phrase lists stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimcheck.pipeline.attribution import clean_speaker, find_attribution
from claimcheck.pipeline.lexicon import (
    DISCOURSE_OPENERS,
    HEDGES,
    PRONOUN_SPEAKERS,
    REFERENCE_OPENERS,
    _terms,
    is_predicate,
    words_pattern,
)

_MIN_WORDS = 3
#: Longer "sentences" are run-on scraper output (a page without punctuation), not prose a
#: reviewer can check as one statement; they are kept as sentences but give no claims.
MAX_SENTENCE_CHARS = 1500

_CONCESSIVE = {
    "id": (
        "meskipun",
        "meski",
        "walaupun",
        "walau",
        "kendatipun",
        "kendati",
        "sekalipun",
        "biarpun",
    ),
    "en": ("even though", "although", "though", "even if"),
}
_CONTRAST_AFTER_COMMA = {
    "id": (
        "bahkan",
        "tetapi",
        "tapi",
        "namun",
        "sedangkan",
        "padahal",
        "melainkan",
        "sementara",
        "dan",
        "serta",
        "lalu",
        "kemudian",
    ),
    "en": ("but", "while", "whereas", "yet", "and", "so", "though", "although"),
}
# "X said A and that B": a second reported statement, with its own subject.
_THAT = {"id": "bahwa", "en": "that"}
_COORDINATORS = {"id": ("dan", "serta"), "en": ("and",)}
_NOT_ONLY = {
    "id": re.compile(
        r"\s(?:tidak|bukan|tak)\s+(?:hanya|saja|cuma|sekadar)\s+(?P<x>.+?),?\s+"
        r"(?:tetapi|tapi|melainkan|namun)\s+(?:juga\s+)?(?P<y>.+)$",
        re.IGNORECASE,
    ),
    "en": re.compile(r"\snot\s+only\s+(?P<x>.+?),?\s+but\s+(?:also\s+)?(?P<y>.+)$", re.IGNORECASE),
}
_SUBJECT_STOP = {"id": frozenset({"secara"}), "en": frozenset()}


def _ends_subject(word: str, index: int, lang: str) -> bool:
    """Whether ``word`` is where a clause's subject ends (its first predicate or adverb)."""
    if index == 0:
        return False
    lowered = word.lower()
    if is_predicate(word, lang) or lowered in _SUBJECT_STOP[lang]:
        return True
    return lang == "en" and lowered.endswith("ly") and len(lowered) > 4  # "reportedly"


@dataclass(frozen=True)
class Piece:
    """A clause being cut: ``text[start:end]`` of the sentence, after a restored ``prefix``."""

    start: int
    end: int
    prefix: str = ""
    speaker: str | None = None
    hedged: bool = False


@dataclass(frozen=True)
class ClaimDraft:
    text: str
    start: int
    end: int
    speaker: str | None
    hedged: bool
    reference: str | None = None  # words that need an earlier sentence ("Ia", "This")


def extract_claims(sentence: str, lang: str, last_speaker: str | None = None) -> list[ClaimDraft]:
    """The atomic claims of one sentence; offsets are relative to ``sentence``."""
    text = sentence
    start, end = _trim(text, 0, len(text))
    if start >= end or end - start > MAX_SENTENCE_CHARS or _is_question(text[start:end]):
        return []
    start = _drop_openers(text, start, end, lang)
    mask = _quoted_mask(text)

    piece = Piece(start, end)
    unresolved: str | None = None
    attribution = find_attribution(text, start, end, lang)
    if attribution is not None:
        speaker = clean_speaker(attribution.speaker, last_speaker)
        if speaker is None and attribution.speaker.strip().lower() in PRONOUN_SPEAKERS:
            unresolved = attribution.speaker.strip()  # "he added", with no one named before
        framing = text[start : attribution.start] + " " + text[attribution.end : end]
        piece = Piece(
            attribution.start, attribution.end, speaker=speaker, hedged=_has_hedge(framing, lang)
        )

    pieces = [piece]
    for cut in (
        _split_concessive,
        _split_not_only,
        _split_after_comma,
        _split_coordination,
        _split_causal,
    ):
        pieces = [p for q in pieces for p in cut(text, q, lang, mask)]

    drafts: list[ClaimDraft] = []
    for p in pieces:
        s, e = _balance_quotes(text, *_trim(text, p.start, p.end))
        body = text[s:e]
        claim_text = f"{p.prefix} {body}".strip() if p.prefix else body
        if len(claim_text.split()) < _MIN_WORDS or _is_fragment(text, p, claim_text, lang):
            continue
        claim_text = claim_text[0].upper() + claim_text[1:]
        hedged = p.hedged or _has_hedge(claim_text, lang)
        reference = find_reference(claim_text, lang) or unresolved
        drafts.append(ClaimDraft(claim_text, s, e, p.speaker, hedged, reference))
    return drafts


def find_reference(claim: str, lang: str) -> str | None:
    """The opening words of a claim that point back to an earlier sentence: a pronoun
    ("Ia", "They"), or a demonstrative ("Hal ini", "Kebijakan tersebut", "This")."""
    match = REFERENCE_OPENERS[lang if lang in REFERENCE_OPENERS else "en"].match(claim)
    return match.group(0).strip() if match else None


def _is_question(text: str) -> bool:
    return text.rstrip("\"'”’) ").endswith("?")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, leading commas and trailing sentence punctuation from a span."""
    while start < end and text[start] in " ,;:-–—":
        start += 1
    while end > start and text[end - 1] in " ,;:.!":
        end -= 1
    return start, end


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a quotation mark left open at either end of a clause cut from a quote."""
    chunk = text[start:end]
    if chunk.count('"') % 2 == 1:
        if chunk.startswith('"'):
            start += 1
        elif chunk.endswith('"'):
            end -= 1
    elif chunk[:1] in '"“' and chunk[-1:] in '"”' and sum(chunk.count(q) for q in '"“”') == 2:
        start, end = start + 1, end - 1  # the whole clause is one quotation
    if chunk.startswith("“") and "”" not in chunk:
        start += 1
    if chunk.endswith("”") and "“" not in chunk:
        end -= 1
    return start, end


def _drop_openers(text: str, start: int, end: int, lang: str) -> int:
    pattern = re.compile(
        r"(?:" + words_pattern(DISCOURSE_OPENERS[lang]) + r")\b,?\s+", re.IGNORECASE
    )
    for _ in range(3):
        match = pattern.match(text, start, end)
        if not match:
            break
        start = match.end()
    return start


def _quoted_mask(text: str) -> list[bool]:
    """True at each character inside quotation marks or parentheses."""
    mask = [False] * len(text)
    in_straight = False
    depth = 0
    for i, ch in enumerate(text):
        if ch == '"':
            in_straight = not in_straight
        elif ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        mask[i] = in_straight or depth > 0
    return mask


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text[:end]) if m.start() >= start]


def _has_predicate(text: str, start: int, end: int, lang: str) -> bool:
    return any(is_predicate(text[a:b], lang) for a, b in _words(text, start, end)[1:]) or (
        bool(_words(text, start, end)) and _starts_with_predicate(text, start, end, lang)
    )


def _starts_with_predicate(text: str, start: int, end: int, lang: str) -> bool:
    words = _words(text, start, end)
    if not words:
        return False
    a, b = words[0]
    word = text[a:b]
    return is_predicate(word, lang) and not word[:1].isupper()


def _subject(text: str, piece: Piece, lang: str) -> str | None:
    """The words before the first predicate of a clause, for restoring an elided subject."""
    if piece.prefix and _starts_with_predicate(text, piece.start, piece.end, lang):
        return piece.prefix
    start = piece.start
    # Skip a fronted adverbial: "Baru-baru ini, Korea Utara mengakui ..."
    comma = text.find(", ", start, piece.end)
    words = _words(text, start, piece.end)
    if comma != -1 and len(text[start:comma].split()) <= 4:
        words = _words(text, comma + 2, piece.end)
    subject: list[str] = []
    for index, (a, b) in enumerate(words):
        word = text[a:b]
        if _ends_subject(word, index, lang):
            break
        subject.append(word)
    else:
        return None
    if not subject or len(subject) > 8:
        return None
    phrase = " ".join(subject).strip(",")
    return phrase[0].upper() + phrase[1:] if phrase else None


def _restore(text: str, part: Piece, subject_source: Piece, lang: str) -> Piece:
    if _starts_with_predicate(text, part.start, part.end, lang):
        subject = _subject(text, subject_source, lang)
        if subject:
            return replace(part, prefix=subject)
    return part


def _valid(text: str, piece: Piece, lang: str) -> bool:
    s, e = _trim(text, piece.start, piece.end)
    long_enough = len(f"{piece.prefix} {text[s:e]}".split()) >= _MIN_WORDS
    return long_enough and (bool(piece.prefix) or _has_predicate(text, s, e, lang))


def _split_concessive(text: str, piece: Piece, lang: str, mask: list[bool]) -> list[Piece]:
    pattern = re.compile(words_pattern(_CONCESSIVE[lang]) + r"\s+", re.IGNORECASE)
    opener = pattern.match(text, piece.start, piece.end)
    if not opener:
        return [piece]
    comma = _top_level_find(text, ", ", opener.end(), piece.end, mask)
    if comma == -1:
        return [piece]
    main = replace(piece, start=comma + 2, prefix="")
    sub = replace(piece, start=opener.end(), end=comma, prefix="")
    sub = _restore(text, sub, main, lang)
    # The concessive frame itself marks both sides as clauses: no predicate test needed.
    if min(_word_count(text, sub), _word_count(text, main)) < _MIN_WORDS:
        return [piece]
    return [sub, main]


def _word_count(text: str, piece: Piece) -> int:
    return len(f"{piece.prefix} {text[piece.start : piece.end]}".split())


def _split_not_only(text: str, piece: Piece, lang: str, mask: list[bool]) -> list[Piece]:
    match = _NOT_ONLY[lang].search(text, piece.start, piece.end)
    if not match or mask[match.start()]:
        return [piece]
    subject_text = text[piece.start : match.start()].strip()
    if piece.prefix:
        subject_text = f"{piece.prefix} {subject_text}".strip()
    if not subject_text:
        return [piece]
    x = replace(piece, start=match.start("x"), end=match.end("x"), prefix=subject_text)
    y_prefix = subject_text
    x_first = text[match.start("x") : match.end("x")].split()[0]
    if is_predicate(x_first, lang) and not _starts_with_predicate(
        text, match.start("y"), match.end("y"), lang
    ):
        y_prefix = f"{subject_text} {x_first}"  # "... tidak hanya bersifat A, tetapi juga B"
    y = replace(piece, start=match.start("y"), end=match.end("y"), prefix=y_prefix)
    return [x, y]


def _split_after_comma(text: str, piece: Piece, lang: str, mask: list[bool]) -> list[Piece]:
    pattern = re.compile(
        r",\s+(?:" + words_pattern(_CONTRAST_AFTER_COMMA[lang]) + r")\s+|;\s+", re.IGNORECASE
    )
    for match in pattern.finditer(text, piece.start, piece.end):
        if mask[match.start()]:
            continue
        left = replace(piece, end=match.start())
        right = replace(piece, start=match.end(), prefix="")
        if not _has_predicate(text, right.start, right.end, lang):
            continue  # "China, Iran, dan India": a list, not a clause
        right = _restore(text, right, left, lang)
        if _valid(text, left, lang) and _valid(text, right, lang):
            return [left, *_split_after_comma(text, right, lang, mask)]
    return [piece]


def _split_coordination(text: str, piece: Piece, lang: str, mask: list[bool]) -> list[Piece]:
    pattern = re.compile(r"\s(?:" + words_pattern(_COORDINATORS[lang]) + r")\s+", re.IGNORECASE)
    for match in pattern.finditer(text, piece.start, piece.end):
        if mask[match.start()]:
            continue
        left = replace(piece, end=match.start())
        that = re.compile(_THAT[lang] + r"\s+", re.IGNORECASE).match(text, match.end(), piece.end)
        if that and _valid(text, left, lang):
            right = replace(piece, start=that.end(), prefix="")
            if _valid(text, right, lang):
                return [left, *_split_coordination(text, right, lang, mask)]
        # Indonesian "X dan Y <predicate>" is as often a coordinated subject ("AC Milan dan
        # Inter terpaksa ...") as two clauses, so only English splits on a new subject.
        if (
            lang == "en"
            and _own_clause(text, match.end(), piece.end, lang)
            and _has_predicate(text, left.start, left.end, lang)
        ):
            # "Jurnalis AFP berhasil mengakses X dan pemerintah juga telah mengumumkan Y"
            right = replace(piece, start=match.end(), prefix="")
            if _valid(text, left, lang) and _valid(text, right, lang):
                return [left, *_split_coordination(text, right, lang, mask)]
        if not _starts_with_predicate(text, match.end(), piece.end, lang):
            continue
        if not _has_predicate(text, left.start, left.end, lang):
            continue
        left_words = text[left.start : left.end].split()
        if left_words and left_words[-1].lower() in _ELLIPTICAL_END:
            continue  # "countries do not and will not have": one elliptical predicate
        hedged = piece.hedged or _has_hedge(text[left.start : left.end], lang)
        left = replace(left, hedged=hedged)
        right = replace(piece, start=match.end(), prefix="", hedged=hedged)
        right = _restore(text, right, left, lang)
        if right.prefix and _valid(text, left, lang):
            return [left, *_split_coordination(text, right, lang, mask)]
    return [piece]


# "China tidak pernah mengecam Rusia karena kedua negara bersekutu": a reason with its own
# subject is a claim of its own.
_CAUSAL = {"id": ("karena", "sebab", "lantaran"), "en": ("because",)}
# How far into a clause its first predicate may come for the clause to have a subject of
# its own ("pemerintah secara resmi juga telah mengumumkan ...").
_SUBJECT_WORDS = 4


_NOT_SUBJECT_START = frozenset(
    _terms(
        """di, ke, dari, pada, dalam, untuk, dengan, oleh, bagi,
        in, on, at, to, from, with, by, for, a, an"""
    )
)
_DETERMINERS = frozenset({"a", "an", "the"})
# A clause ending in an auxiliary or a negation has its verb after the coordinator.
_ELLIPTICAL_END = frozenset(
    {
        "do",
        "does",
        "did",
        "not",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "never",
        "tidak",
        "belum",
        "akan",
        "sudah",
        "telah",
    }
)


def _own_clause(text: str, start: int, end: int, lang: str) -> bool:
    """Whether ``text[start:end]`` opens with a subject followed by a predicate (not with a
    preposition, nor with an article right before the "predicate": "a must see")."""
    words = [text[a:b] for a, b in _words(text, start, end)]
    if not words or _starts_with_predicate(text, start, end, lang):
        return False
    if words[0].lower() in _NOT_SUBJECT_START:
        return False
    for index in range(1, min(len(words), _SUBJECT_WORDS + 1)):
        if is_predicate(words[index], lang):
            return words[index - 1].lower() not in _DETERMINERS
    return False


def _split_causal(text: str, piece: Piece, lang: str, mask: list[bool]) -> list[Piece]:
    pattern = re.compile(r"\s(?:" + words_pattern(_CAUSAL[lang]) + r")\s+", re.IGNORECASE)
    for match in pattern.finditer(text, piece.start, piece.end):
        if mask[match.start()] or not _own_clause(text, match.end(), piece.end, lang):
            continue
        left = replace(piece, end=match.start())
        right = replace(piece, start=match.end(), prefix="")
        if _valid(text, left, lang) and _valid(text, right, lang):
            return [left, right]
    return [piece]


def _is_fragment(text: str, piece: Piece, claim: str, lang: str) -> bool:
    """Words that assert nothing: an Indonesian run of nouns without any predicate (a name
    and title cut off by the segmenter), an English exclamation ("What a gem!")."""
    if lang == "en":
        return claim.lower().startswith(("what a ", "what an ", "how "))
    if piece.prefix or piece.speaker:
        return False  # a restored subject, or words someone is reported to have said
    return not any(is_predicate(word.lower(), lang) for word in claim.split())


def _top_level_find(text: str, needle: str, start: int, end: int, mask: list[bool]) -> int:
    position = text.find(needle, start, end)
    while position != -1 and mask[position]:
        position = text.find(needle, position + 1, end)
    return position


_HEDGE_CACHE: dict[str, re.Pattern[str]] = {}


def _has_hedge(text: str, lang: str) -> bool:
    pattern = _HEDGE_CACHE.get(lang)
    if pattern is None:
        pattern = re.compile(r"\b" + words_pattern(HEDGES[lang]) + r"\b", re.IGNORECASE)
        _HEDGE_CACHE[lang] = pattern
    return bool(pattern.search(text))
