"""Comparing two claims: each scorer's figure, each guard, and the verdict they add up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from claimcheck.matching.normalize import CONTRAST_WORDS, Normalized
from claimcheck.matching.thresholds import Thresholds


class MatchKind(StrEnum):
    NONE = "none"
    SUGGESTED = "suggested"  # worth a reviewer's look
    LINKED = "linked"  # the same claim: a verdict on one serves the other


@dataclass(frozen=True)
class Guard:
    """A difference that forbids a link whatever the score: numbers, negation, names."""

    name: str
    fired: bool
    detail: str


@dataclass(frozen=True)
class Comparison:
    score: float  # token_set_ratio on the normalised text: the match score
    token_sort: float
    ratio: float
    partial: float
    kind: MatchKind
    guards: tuple[Guard, ...]
    blocked_by: tuple[str, ...] = field(default=())  # why a pair above `link` is not linked


def compare(a: Normalized, b: Normalized, thresholds: Thresholds | None = None) -> Comparison:
    limits = thresholds or Thresholds()
    score = fuzz.token_set_ratio(a.text, b.text)
    token_sort = fuzz.ratio(a.sorted_text, b.sorted_text)
    guards = check_guards(a, b)
    blocked = [g.name for g in guards if g.fired]
    if score >= limits.link:
        if min(len(a.text.split()), len(b.text.split())) < limits.min_link_words:
            blocked.append(f"short: fewer than {limits.min_link_words} words")
        if token_sort < limits.min_link_sort:
            blocked.append(f"containment: token_sort {token_sort:.0f} < {limits.min_link_sort:.0f}")
    if score >= limits.link and not blocked:
        kind = MatchKind.LINKED
    elif score >= limits.suggest:
        kind = MatchKind.SUGGESTED
    else:
        kind = MatchKind.NONE
    return Comparison(
        score=round(score, 1),
        token_sort=round(token_sort, 1),
        ratio=round(fuzz.ratio(a.text, b.text), 1),
        partial=round(fuzz.partial_ratio(a.text, b.text), 1),
        kind=kind,
        guards=guards,
        blocked_by=tuple(blocked) if score >= limits.link else (),
    )


def check_guards(a: Normalized, b: Normalized) -> tuple[Guard, ...]:
    return (_numbers(a, b), _negation(a, b), _entities(a, b))


def _numbers(a: Normalized, b: Normalized) -> Guard:
    # Only when both give numbers: a claim that leaves the number out can still be the same.
    fired = bool(a.numbers and b.numbers and a.numbers != b.numbers)
    detail = (
        f"numbers differ: {_show(a.numbers)} vs {_show(b.numbers)}"
        if fired
        else f"numbers agree: {_show(a.numbers | b.numbers) or 'none'}"
    )
    return Guard("numbers", fired, detail)


def _negation(a: Normalized, b: Normalized) -> Guard:
    fired = a.negated != b.negated
    if fired:
        which = "first" if a.negated else "second"
        return Guard("negation", True, f"only the {which} claim is negated")
    return Guard("negation", False, "both negated" if a.negated else "neither negated")


def _entities(a: Normalized, b: Normalized) -> Guard:
    # A name in each claim that the other never mentions: "North Korea" / "South Korea".
    only_a = a.entities - b.tokens
    only_b = b.entities - a.tokens
    typos = {(x, y) for x in only_a for y in only_b if misspelt(x, y)}
    # A name misspelt in one claim ("Jenkins" / "Jenknis") is the same name, not another.
    only_a -= {x for x, _ in typos}
    only_b -= {y for _, y in typos}
    if only_a and only_b:
        return Guard("names", True, f"names differ: {_show(only_a)} vs {_show(only_b)}")
    if typos:
        shown = ", ".join(f"{x} ~ {y}" for x, y in sorted(typos))
        return Guard("names", False, f"names agree up to a typo: {shown}")
    return Guard("names", False, "no conflicting names")


#: Names this long or longer may differ by one typo and still be the same name; two
#: neighbouring letters swapped is a typo from five letters on.
TYPO_MIN_LENGTH = 7
SWAP_MIN_LENGTH = 5


def misspelt(x: str, y: str) -> bool:
    """Two names one typo apart with the same first letter: in long names a letter dropped,
    added, changed or two swapped ("jenkins" / "jenknis", "prabowo" / "prabwo"), from five
    letters on only two swapped ("tommy" / "tomym"). Shorter names and first letters are
    where one letter names another place ("gambia" / "zambia", "iran" / "irak"); directions
    never are typos of each other."""
    if x[0] != y[0] or x in CONTRAST_WORDS or y in CONTRAST_WORDS:
        return False
    if len(x) == len(y) >= SWAP_MIN_LENGTH and _swapped(x, y):
        return True
    return (
        min(len(x), len(y)) >= TYPO_MIN_LENGTH - 1
        and max(len(x), len(y)) >= TYPO_MIN_LENGTH
        and OSA.distance(x, y, score_cutoff=1) <= 1
    )


def _swapped(x: str, y: str) -> bool:
    """``y`` is ``x`` with two neighbouring letters swapped: one edit when a swap counts as
    one (optimal string alignment), two when it does not (Levenshtein)."""
    return OSA.distance(x, y) == 1 and Levenshtein.distance(x, y) == 2


def _show(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))
