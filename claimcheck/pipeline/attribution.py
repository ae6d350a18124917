"""Attributed speech: who the article says made a statement, and which words they said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.pipeline.lexicon import (
    NYA_ADVERBS,
    ORGANISATION_ENDINGS,
    PORTFOLIO_WORDS,
    PRONOUN_SPEAKERS,
    REPORTING_VERBS,
    SAY_VERBS_AFTER,
    SAY_VERBS_BEFORE,
    TITLES,
    is_predicate,
    words_pattern,
)

_QUOTE_OPEN = "\"“”'‘"
_QUOTE_CLOSE = "\"”“'’"
# "said on Monday that": a few words (three at most) between the verb of saying and
# "that"/"bahwa"; more would swallow a clause ("said Russia will have weapons that ...").
_ADVERBIAL = r"(?:\s+[^\s,\"“]+){0,3}?"
# Between a statement and a trailing "kata X" / "X said": a comma, a closing quote, or both.
_BREAK = r"(?:[,.]\s*[\"”]|[\"”]\s*,?|,)\s*"
# After a trailing speaker: where and when ("..., kata X di Jakarta, Senin (24/2)", "...,"
# X wrote in a letter).
_TAIL = r"(?:,?\s+[^\"“”]{1,60}?)?"


@dataclass(frozen=True)
class Attribution:
    """The span of the reported statement inside a clause, and its speaker as written."""

    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    # "menurut X", "according to X" and a trailing "kata X" name a speaker whatever X looks
    # like ("kata seorang analis"); the other patterns need X to look like a name.
    explicit: bool = False
    # The reported words must be a clause of their own (a predicate, four words or more).
    clause: bool = False


def _patterns(lang: str) -> list[_Pattern]:
    before = words_pattern(SAY_VERBS_BEFORE[lang])
    after = words_pattern(SAY_VERBS_AFTER[lang])
    spk = r"(?P<speaker>[^,\"“”]{2,80}?)"
    spk_name = r"(?P<speaker>[^,\"“”]{2,80})"
    # A speaker with an apposition: "Vice President Telkomsel, Ivan C. Permana".
    spk_long = r"(?P<speaker>[^\"“”]{2,120}?)"
    reporting = words_pattern(REPORTING_VERBS)
    if lang == "id":
        return [
            _Pattern(re.compile(rf"^menurut\s+{spk},\s*(?P<body>.+)$", re.IGNORECASE), True),
            _Pattern(re.compile(rf"^(?P<body>.+?),?\s+menurut\s+{spk_long}$", re.IGNORECASE), True),
            # "Dilansir dari Tournament Software, Kamis (14/12/2017), pasangan ... akan ..."
            _Pattern(
                re.compile(
                    rf"^(?:dilansir|dikutip|mengutip)\s+(?:dari\s+)?{spk},\s*"
                    r"(?:[^,]{1,30}\),\s*)?(?P<body>.+)$",
                    re.IGNORECASE,
                ),
                True,
            ),
            _Pattern(re.compile(rf"^{spk}\s+{before}{_ADVERBIAL}\s+bahwa\s+(?P<body>.+)$")),
            _Pattern(re.compile(rf"^{spk}\s+{before}[,:]\s*[\"“](?P<body>.+?)[\"”]$")),
            # "Kapolri mengatakan, tidak ada anggota yang kebal hukum."
            _Pattern(re.compile(rf"^{spk_long}\s+{before},\s+(?P<body>.+)$")),
            # "X mengatakan sejatinya spektrum ...": verbs that only ever report speech.
            _Pattern(re.compile(rf"^{spk_long}\s+{reporting}\s+(?P<body>.+)$"), clause=True),
            # '"...," katanya usai meresmikan prasasti ...': the circumstances after the verb.
            _Pattern(
                re.compile(
                    rf"^(?P<body>.+?){_BREAK}{after}(?:\s+{spk})?,?\s+"
                    r"(?:usai|seusai|saat|ketika|dalam|kepada|pada|di|sebelum|sesudah)\s"
                    r"[^\"“”]*$"
                ),
                True,
            ),
            _Pattern(re.compile(rf"^(?P<body>.+?){_BREAK}{after}\s+{spk}$"), True),
            _Pattern(
                re.compile(rf"^(?P<body>.+?){_BREAK}{after}\s+{spk_name},\s+[^\"“”]{{1,40}}$"), True
            ),
            _Pattern(re.compile(rf"^(?P<body>.+?){_BREAK}{after}$"), True),
        ]
    return [
        _Pattern(re.compile(rf"^according\s+to\s+{spk},\s*(?P<body>.+)$", re.IGNORECASE), True),
        _Pattern(re.compile(rf"^(?P<body>.+?),\s*according\s+to\s+{spk}$", re.IGNORECASE), True),
        _Pattern(re.compile(rf"^{spk}\s+{before}{_ADVERBIAL}\s+that\s+(?P<body>.+)$")),
        _Pattern(re.compile(rf"^{spk}\s+{before}[,:]\s*[\"“](?P<body>.+?)[\"”]$")),
        _Pattern(re.compile(rf"^(?P<body>.+?){_BREAK}{before}\s+{spk}$")),
        # '"...," commented Khader Habib, a senior Islamic Jihad official.'
        _Pattern(re.compile(rf"^(?P<body>.+?){_BREAK}{before}\s+{spk},\s+[^\"“”]{{1,60}}$")),
        _Pattern(re.compile(rf"^(?P<body>.+?){_BREAK}{spk}\s+{before}$")),
        _Pattern(
            re.compile(
                rf"^(?P<body>.+?){_BREAK}{spk}\s+{before}\s+(?:in|on|at|during|to|after|before|from)\s+[^\"“”,]{{1,50}}$"
            )
        ),
        _Pattern(
            re.compile(
                rf"^{spk}\s+(?:said|says|claimed|claims|added|wrote|insisted|warned)\s+"
                r"(?P<body>.+)$"
            )
        ),
    ]


_PATTERN_CACHE: dict[str, list[_Pattern]] = {}


def find_attribution(text: str, start: int, end: int, lang: str) -> Attribution | None:
    """The reported statement in ``text[start:end]``, if the clause attributes one."""
    patterns = _PATTERN_CACHE.setdefault(lang, _patterns(lang))
    chunk = text[start:end]
    for pattern in patterns:
        match = pattern.regex.match(chunk)
        if not match:
            continue
        named = "speaker" in pattern.regex.groupindex and match.group("speaker")
        speaker = match.group("speaker") if named else "-nya"
        if "," in speaker:  # "Vice President Telkomsel, Ivan C. Permana": the name
            speaker = speaker.rsplit(",", 1)[1]
        if not pattern.explicit and not _plausible_speaker(speaker, lang):
            continue
        body_start, body_end = start + match.start("body"), start + match.end("body")
        body_start, body_end = _unquote(text, body_start, body_end)
        body = text[body_start:body_end].split()
        if len(body) < 3:
            continue
        if pattern.clause and (
            len(body) < 4
            or not any(is_predicate(w, lang) for w in body)
            # "menyatakan harapannya agar ...": an object, not a reported clause
            or (body[0].lower().endswith("nya") and body[0].lower() not in NYA_ADVERBS)
        ):
            continue
        return Attribution(body_start, body_end, speaker.strip())
    return None


def _plausible_speaker(speaker: str, lang: str) -> bool:
    words = speaker.split()
    if not words or len(words) > 12:
        return False
    if len(words) > 8 and len((clean_speaker(speaker, None) or "").split()) > 5:
        return False  # a long run of words that is not titles before a name
    if speaker.lower() in PRONOUN_SPEAKERS:
        return True
    # A named speaker starts with a capital ("Presiden Xi", "Reuters", "the ministry" is not
    # enough in English news, where "officials said" still counts).
    if lang == "en" and words[0].lower() in {
        "officials",
        "police",
        "analysts",
        "experts",
        "witnesses",
        "sources",
        "the",
    }:
        return True
    return words[0][:1].isupper()


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _QUOTE_OPEN + " ":
        start += 1
    while end > start and text[end - 1] in _QUOTE_CLOSE + " ,.":
        end -= 1
    # Keep a closing quote that closes a quotation opened inside the statement.
    inner = text[start:end]
    if (
        (inner.count('"') % 2 == 1 or inner.count("“") > inner.count("”"))
        and end < len(text)
        and text[end] in '"”'
    ):
        end += 1
    return start, end


# Where a speaker's name ends and the circumstances begin ("Budi Waseso di Jakarta").
_CIRCUMSTANCE = re.compile(
    r"\s+(?:di|saat|ketika|dalam|kepada|pada|usai|seusai|kemarin|in|on|at|during|after)\s.*$"
)


def clean_speaker(speaker: str, last_named: str | None) -> str | None:
    """A speaker's name without titles; pronouns become the last named speaker."""
    name = speaker.strip().strip(",.")
    name = _CIRCUMSTANCE.sub("", name) if len(name.split()) > 2 else name
    if name.split() and name.split()[-1].lower() in ORGANISATION_ENDINGS:
        # A body speaks ("The US National Hurricane Center"): its whole name, no "the".
        return re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", name)
    if name.lower() in PRONOUN_SPEAKERS:
        return last_named
    words = name.split()
    # Drop leading titles (and the portfolio or body they belong to: "Menteri Pertahanan",
    # "Kepala BMKG") while at least two capitalised words of a name still follow.
    dropped: str | None = None
    while (
        len(words) > 2 and _is_title_word(words[0]) and sum(w[:1].isupper() for w in words[1:]) >= 2
    ):
        dropped, words = words[0].lower(), words[1:]
    # "Kepala Bulog Budi Waseso": after a head-of title comes the body it heads, in one
    # word, before the name.
    if dropped in _HEAD_OF and len(words) == 3 and all(w[:1].isupper() for w in words):
        words = words[1:]
    # A long office before the name ("Kepala Biro Penerangan Masyarakat Divisi Humas Polri
    # Brigadir Jenderal Rikwanto"): the name is what follows the last title word.
    if len(words) > 4:
        last = max((i for i, w in enumerate(words[:-1]) if _is_title_word(w)), default=-1)
        if last >= 0 and all(w[:1].isupper() for w in words[last + 1 :]):
            words = words[last + 1 :]
    # "Radical Shiite cleric Muqtada al-Sadr": a lower-case role noun ends the description.
    for index in range(len(words) - 2, -1, -1):
        word = words[index]
        if word[:1].islower() and word.isalpha() and word.lower() not in _NAME_PARTICLES:
            if all(
                w[:1].isupper() or w.lower() in _NAME_PARTICLES or w.startswith("al-")
                for w in words[index + 1 :]
            ):
                words = words[index + 1 :]
            break
    return " ".join(words) or None


_HEAD_OF = frozenset(
    {"kepala", "ketua", "direktur", "sekretaris", "pemimpin", "chairman", "director", "chief"}
)


def _is_title_word(word: str) -> bool:
    lowered = word.lower()
    is_acronym = len(word) >= 2 and word.isupper() and word.isalpha()
    return lowered in TITLES or lowered in PORTFOLIO_WORDS or is_acronym


_NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "der", "da", "di", "al", "el"})
