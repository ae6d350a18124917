"""Check-worthiness: how much a claim deserves a reviewer's time, and why (0-1).

Signals a fact-checker would name, each with a weight: numbers and quantities, named people,
organisations and places, attributed statements, comparisons and superlatives, causal claims,
changes ("rose", "naik"), hedges (second-hand claims are what rumours look like); against:
opinions, predictions, questions, first-person talk and vague or very short statements. The
weights were fitted by hand on the ClaimBuster sentences (benchmarks/checkworthiness.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.pipeline.lexicon import _terms, words_pattern

BASE = 0.35


@dataclass(frozen=True)
class Worthiness:
    score: float  # 0 (not worth checking) to 1
    signals: tuple[str, ...]  # the signals that fired, strongest first


# (name, weight, words per language); a signal fires once however many words match.
_WORD_SIGNALS: tuple[tuple[str, float, dict[str, tuple[str, ...]]], ...] = (
    (
        "quantity",
        0.12,
        {
            "id": _terms("""
                persen, ribu, juta, miliar, triliun, separuh, setengah, sepertiga, seperempat,
                rupiah, dolar, ton, kilometer, hektare, kali lipat, mayoritas, sebagian besar
            """),
            "en": _terms("""
                percent, per cent, thousand, thousands, million, millions, billion, billions,
                trillion, half, third, quarter, dollars, dollar, twice, double, doubled,
                tripled, majority, most of, every single, number of, rate, average
            """),
        },
    ),
    (
        "comparison",
        0.12,
        {
            "id": _terms("""
                lebih, kurang dari, paling, terbesar, tertinggi, terendah, terbanyak, terkecil,
                pertama, satu-satunya, rekor, dibandingkan, dibanding, ketimbang, melebihi
            """),
            "en": _terms("""
                more than, less than, fewer than, most, least, largest, biggest, highest,
                lowest, smallest, first, only, record, compared, than, worst, best, fastest,
                greatest, ever
            """),
        },
    ),
    (
        "change",
        0.1,
        {
            "id": _terms("""
                naik, turun, meningkat, menurun, bertambah, berkurang, melonjak, anjlok,
                kenaikan, penurunan, tumbuh, pertumbuhan, merosot
            """),
            "en": _terms("""
                increased, increase, decreased, decrease, rose, risen, fell, fallen, grew,
                grown, growth, cut, cuts, raised, lowered, doubled, dropped, declined, lost,
                created, added, spent, spending
            """),
        },
    ),
    (
        "causal",
        0.08,
        {
            "id": _terms("""
                karena, sebab, akibat, menyebabkan, mengakibatkan, sehingga, berdampak,
                disebabkan, memicu
            """),
            "en": _terms("""
                because, caused, causes, due to, led to, leads to, result of, as a result,
                resulted, responsible for, blamed
            """),
        },
    ),
    (
        "official",
        0.08,
        {
            "id": _terms("""
                pemerintah, undang-undang, anggaran, pajak, kementerian, presiden, menteri,
                data, survei, laporan, resmi, sanksi, pasukan, militer, perang
            """),
            "en": _terms("""
                law, bill, voted, vote, budget, tax, taxes, deficit, debt, jobs, unemployment,
                economy, government, administration, congress, senate, president, program,
                troops, military, war, nuclear, health care, insurance, oil, crime
            """),
        },
    ),
    (
        "opinion",
        -0.2,
        {
            "id": _terms("""
                menurut saya, saya pikir, saya kira, saya yakin, sebaiknya, seharusnya, harus,
                hebat, bagus, buruk, luar biasa, sayang sekali, semoga, mudah-mudahan
            """),
            "en": _terms("""
                i think, i believe, i feel, we believe, i hope, we hope, should, ought to,
                must, great, wonderful, terrible, horrible, good, bad, important, proud,
                honored, thank, thanks, love, want, wanted, wish, welcome, please, agree,
                disagree, question, answer, debate, tonight
            """),
        },
    ),
    (
        "prediction",
        -0.12,
        {
            "id": _terms("akan, bakal, hendak, rencananya, berencana, diprediksi, kelak"),
            "en": _terms("will, would, going to, gonna, plan to, plans to, intend, future"),
        },
    ),
    (
        "first-person",
        -0.06,
        {
            "id": _terms("saya, aku, kami, kita, anda, kamu"),
            "en": _terms("i, me, my, you, your, us"),
        },
    ),
)


@lru_cache(maxsize=32)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){words_pattern(words)}(?![\w-])", re.IGNORECASE)


_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# A capitalised word that does not start the text: a name, an organisation, a place.
_NAME = re.compile(r"(?<=[\s(\"'])[A-Z][\w.'-]*[a-z][\w'-]*|(?<=[\s(\"'])[A-Z]{2,}\b")


def score(
    text: str,
    *,
    language: str = "id",
    speaker: str | None = None,
    hedged: bool = False,
    role: str = "body",
) -> Worthiness:
    """How check-worthy a claim is, with the signals behind the figure."""
    lang = language if language in ("id", "en") else "en"
    fired: list[tuple[str, float]] = []
    words = text.split()
    numbers = _NUMBER.findall(text)
    if any(not _YEAR.fullmatch(n) for n in numbers):
        fired.append(("number", 0.18))
    elif numbers:
        fired.append(("date", 0.08))
    names = len(_NAME.findall(text))
    if names:
        fired.append(("names", 0.08 if names == 1 else 0.14))
    if speaker:
        fired.append(("attributed", 0.06))
    if hedged:
        fired.append(("hedged", 0.08))
    for name, weight, lists in _WORD_SIGNALS:
        if _compiled(lists[lang]).search(text):
            fired.append((name, weight))
    if role == "heading":
        fired.append(("heading", -0.1))
    if text.rstrip().endswith("?"):
        fired.append(("question", -0.35))
    if len(words) < 6:
        fired.append(("short", -0.15))
    elif len(words) >= 15:
        fired.append(("detailed", 0.05))
    total = BASE + sum(weight for _, weight in fired)
    ordered = sorted(fired, key=lambda item: -abs(item[1]))
    return Worthiness(round(min(1.0, max(0.0, total)), 3), tuple(n for n, _ in ordered))
