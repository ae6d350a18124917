"""Desk settings: the rating scale, the publishing organization, the matching thresholds.

Read from a TOML file: ``--config FILE``, else ``CLAIMCHECK_CONFIG``, else ``config.toml`` in
the user's config directory when it exists; anything the file leaves out keeps its default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claimcheck.errors import InvalidInput
from claimcheck.matching.thresholds import Thresholds
from claimcheck.storage.models import Status

CONFIG_ENV = "CLAIMCHECK_CONFIG"
MAX_SETTINGS_BYTES = 1024 * 1024  # a desk's settings are a few kilobytes


@dataclass(frozen=True)
class Rating:
    """A label a desk publishes with a verdict, the status it means and its 0-1 score."""

    label: str
    status: Status
    score: float
    # The label in other languages, by language code ({"en": "Misleading"}).
    translations: Mapping[str, str] = field(default_factory=dict)

    def label_in(self, language: str | None, scale_language: str) -> str:
        if language and language != scale_language and language in self.translations:
            return self.translations[language]
        return self.label

    def names(self) -> list[str]:
        return [self.label, *self.translations.values()]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class RatingScale:
    """The labels a desk rates claims with, in the language its labels are written in."""

    ratings: tuple[Rating, ...]
    language: str = "id"

    def find(self, text: str) -> Rating | None:
        wanted = _fold(text)
        return next((r for r in self.ratings if wanted in map(_fold, r.names())), None)

    def resolve(self, text: str) -> Rating:
        """The rating a reviewer named, or an error listing the known ones."""
        rating = self.find(text)
        if rating is None:
            raise InvalidInput(f"unknown rating {text!r}; known ratings: {self.known()}")
        return rating

    def known(self) -> str:
        return ", ".join(
            f"{' / '.join(r.names())} ({r.status.value}, {r.score:g})" for r in self.ratings
        )

    def for_status(self, status: str) -> Rating | None:
        """What a verdict given without a rating means: the plainest label of its status
        (the highest-scored for verified, the lowest for disputed, else the first)."""
        same = [r for r in self.ratings if r.status.value == status]
        if not same:
            return None
        if status == Status.DISPUTED:
            return min(same, key=lambda r: r.score)
        return max(same, key=lambda r: r.score) if status == Status.VERIFIED else same[0]


DEFAULT_SCALE = RatingScale(
    (
        Rating("Benar", Status.VERIFIED, 1.0, {"en": "True"}),
        Rating("Sebagian Benar", Status.VERIFIED, 0.75, {"en": "Mostly true"}),
        Rating("Tidak Terbukti", Status.UNVERIFIABLE, 0.5, {"en": "Unproven"}),
        Rating("Menyesatkan", Status.DISPUTED, 0.25, {"en": "Misleading"}),
        Rating("Salah", Status.DISPUTED, 0.0, {"en": "False"}),
    ),
    language="id",
)


@dataclass(frozen=True)
class Organization:
    """Who publishes the fact-checks (ClaimReview's author)."""

    name: str | None = None
    url: str | None = None
    # Where a claim's fact-check is published; {id} is the claim id. Default: the
    # organization's URL with a #claim-ID anchor.
    review_url: str | None = None

    def review_url_for(self, claim_id: int) -> str | None:
        if self.review_url:
            return self.review_url.replace("{id}", str(claim_id))
        if self.url:
            return f"{self.url.rstrip('/')}/#claim-{claim_id}"
        return None


@dataclass(frozen=True)
class ReviewSettings:
    """How the desk reviews: how long `review` reserves a claim, and whether a verdict
    needs a second reviewer before it counts."""

    lease_minutes: int = 15
    second_review: bool = False


@dataclass(frozen=True)
class Settings:
    ratings: RatingScale = DEFAULT_SCALE
    organization: Organization = Organization()
    thresholds: Thresholds = Thresholds()
    review: ReviewSettings = ReviewSettings()
    path: Path | None = None  # the file these were read from, if any
    # The desk's language (`rating_language`): the report's words and its rating labels.
    language: str = DEFAULT_SCALE.language

    def publisher(self, name: str | None = None, url: str | None = None) -> Organization:
        """Who publishes the desk's ClaimReviews: the names given now over the settings'.
        ClaimReview must name its author, and a made-up one would be published as the
        desk's, so a missing one is an error that says where to set it."""
        chosen = replace(
            self.organization, name=name or self.organization.name, url=url or self.organization.url
        )
        if not chosen.name or not chosen.url:
            where = self.path or user_config_file()
            raise InvalidInput(
                "ClaimReview names who published the check: give --org-name and --org-url, "
                f"or set name and url under [organization] in {where}"
            )
        return chosen


def config_path(given: str | Path | None = None) -> Path | None:
    """The settings file in use: given, else $CLAIMCHECK_CONFIG, else the user's, if any."""
    chosen = given or os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    default = user_config_file()
    return default if default.is_file() else None


def user_config_file() -> Path:
    """Where the user's settings file is read from when none is named (it may not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("claimcheck")) / "config.toml"


def load_settings(given: str | Path | None = None) -> Settings:
    path = config_path(given)
    if path is None:
        return Settings()
    from claimcheck.services.sources import read_file

    try:
        raw = read_file(path, limit=MAX_SETTINGS_BYTES, label=str(path))
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the settings file ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        # TOMLDecodeError, bad UTF-8, an integer past Python's 4,300 digits, deep nesting.
        reason = str(exc)
        if isinstance(exc, RecursionError):
            reason = "nested too deeply"
        elif "digits" in reason and "int" in reason:
            reason = "a number with more digits than any setting needs"
        raise InvalidInput(f"{path}: not a valid TOML settings file ({reason})") from None
    try:
        return replace(_settings(data), path=path)
    except (InvalidInput, KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"{path}: {exc}") from None


def _table(data: Mapping[str, Any], name: str, known: frozenset[str]) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, Mapping):
        raise ValueError(f"[{name}] must be a table, not {_kind(value)}")
    unknown = set(value) - known
    if unknown:
        raise ValueError(f"unknown setting {sorted(unknown)[0]!r} in [{name}]")
    return value


def _kind(value: Any) -> str:
    """What a TOML value is, for a message ("the string 'false'", "a number")."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return f"a {type(value).__name__}"


def _bool(table: Mapping[str, Any], key: str, default: bool, where: str) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"{where} {key} must be true or false, not {_kind(value)}")
    return value


def _number(table: Mapping[str, Any], key: str, default: float, where: str) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where} {key} must be a number, not {_kind(value)}")
    return float(value)


def _whole(table: Mapping[str, Any], key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where} {key} must be a whole number, not {_kind(value)}")
    return value


_ORGANIZATION_KEYS = frozenset({"name", "url", "review_url"})
_MATCHING_KEYS = frozenset({"suggest", "link", "min_link_words", "min_link_sort"})
_REVIEW_KEYS = frozenset({"lease_minutes", "second_review"})
_RATING_KEYS = frozenset({"label", "status", "score", "translations"})


def _settings(data: Mapping[str, Any]) -> Settings:
    unknown = set(data) - {"organization", "ratings", "rating_language", "matching", "review"}
    if unknown:
        raise ValueError(f"unknown setting {sorted(unknown)[0]!r}")
    org = _table(data, "organization", _ORGANIZATION_KEYS)
    organization = Organization(
        name=_text(org, "name", "[organization]"),
        url=_text(org, "url", "[organization]"),
        review_url=_text(org, "review_url", "[organization]"),
    )
    _check_links(organization)
    scale = DEFAULT_SCALE
    if "ratings" in data:
        entries = data["ratings"]
        if not isinstance(entries, list):
            raise ValueError(f"ratings must be a list of [[ratings]] tables, not {_kind(entries)}")
        scale = RatingScale(
            tuple(_rating(entry, n) for n, entry in enumerate(entries, start=1)),
            language=(_text(data, "rating_language", "") or "id").lower(),
        )
        if not scale.ratings:
            raise ValueError("[[ratings]] is empty; leave it out to use the default scale")
        names = [_fold(n) for r in scale.ratings for n in r.names()]
        if len(names) != len(set(names)):
            raise ValueError("two ratings share a label")
    elif "rating_language" in data:
        _text(data, "rating_language", "")
    matching = _table(data, "matching", _MATCHING_KEYS)
    defaults = Thresholds()
    thresholds = Thresholds(
        suggest=_number(matching, "suggest", defaults.suggest, "[matching]"),
        link=_number(matching, "link", defaults.link, "[matching]"),
        min_link_words=_whole(matching, "min_link_words", defaults.min_link_words, "[matching]"),
        min_link_sort=_number(matching, "min_link_sort", defaults.min_link_sort, "[matching]"),
    )
    if not 0 <= thresholds.suggest <= thresholds.link <= 100:
        raise ValueError("[matching] needs 0 <= suggest <= link <= 100")
    review_table = _table(data, "review", _REVIEW_KEYS)
    review = ReviewSettings(
        lease_minutes=_whole(
            review_table, "lease_minutes", ReviewSettings.lease_minutes, "[review]"
        ),
        second_review=_bool(
            review_table, "second_review", ReviewSettings.second_review, "[review]"
        ),
    )
    if not 1 <= review.lease_minutes <= 24 * 60:
        raise ValueError("[review] lease_minutes must be between 1 and 1440")
    language = (_text(data, "rating_language", "") or scale.language).lower()
    return Settings(scale, organization, thresholds, review, language=language)


def _check_links(organization: Organization) -> None:
    from claimcheck.services.urls import check_url

    if organization.url:
        check_url(organization.url, what="[organization] url")
    if organization.review_url:
        check_url(
            organization.review_url_for(1) or "", what="[organization] review_url (with {id} as 1)"
        )


def _text(table: Mapping[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        name = f"{where} {key}" if where else key
        raise ValueError(f"{name} must be a string, not {_kind(value)}")
    return value.strip() or None


def _rating(entry: Any, number: int) -> Rating:
    if not isinstance(entry, Mapping):
        raise ValueError(f"rating {number} must be a table, not {_kind(entry)}")
    where = f"rating {number}"
    unknown = set(entry) - _RATING_KEYS
    if unknown:
        raise ValueError(f"unknown setting {sorted(unknown)[0]!r} in {where}")
    label = _text(entry, "label", where)
    if not label:
        raise ValueError(f"{where} has no label")
    status_text = _text(entry, "status", f"{where} ({label}):") or ""
    try:
        status = Status(status_text.lower())
    except ValueError:
        raise ValueError(
            f"{where} ({label}): status must be verified, disputed or unverifiable"
        ) from None
    if status in (Status.PENDING, Status.DISMISSED):
        raise ValueError(f"{where} ({label}): a rating cannot mean {status.value}")
    score = _number(entry, "score", -1, f"{where} ({label}):")
    if not 0 <= score <= 1:
        raise ValueError(f"{where} ({label}): score must be between 0 and 1")
    translations = entry.get("translations", {})
    if not isinstance(translations, Mapping) or not all(
        isinstance(v, str) and v.strip() for v in translations.values()
    ):
        raise ValueError(f"{where} ({label}): translations must map languages to labels")
    return Rating(label, status, score, {str(k): v.strip() for k, v in translations.items()})
