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
from claimcheck.matching.compare import Thresholds
from claimcheck.storage.models import Status

CONFIG_ENV = "CLAIMCHECK_CONFIG"


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the settings file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: not a valid TOML settings file ({exc})") from None
    try:
        return replace(_settings(data), path=path)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"{path}: {exc}") from None


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, Mapping):
        raise ValueError(f"[{name}] must be a table")
    return value


def _settings(data: Mapping[str, Any]) -> Settings:
    unknown = set(data) - {"organization", "ratings", "rating_language", "matching", "review"}
    if unknown:
        raise ValueError(f"unknown setting {sorted(unknown)[0]!r}")
    org = _table(data, "organization")
    organization = Organization(
        name=_text(org, "name"), url=_text(org, "url"), review_url=_text(org, "review_url")
    )
    scale = DEFAULT_SCALE
    if "ratings" in data:
        scale = RatingScale(
            tuple(_rating(entry, n) for n, entry in enumerate(data["ratings"], start=1)),
            language=str(data.get("rating_language", "id")),
        )
        if not scale.ratings:
            raise ValueError("[[ratings]] is empty; leave it out to use the default scale")
        names = [_fold(n) for r in scale.ratings for n in r.names()]
        if len(names) != len(set(names)):
            raise ValueError("two ratings share a label")
    matching = _table(data, "matching")
    defaults = Thresholds()
    thresholds = Thresholds(
        suggest=float(matching.get("suggest", defaults.suggest)),
        link=float(matching.get("link", defaults.link)),
        min_link_words=int(matching.get("min_link_words", defaults.min_link_words)),
        min_link_sort=float(matching.get("min_link_sort", defaults.min_link_sort)),
    )
    if not 0 <= thresholds.suggest <= thresholds.link <= 100:
        raise ValueError("[matching] needs 0 <= suggest <= link <= 100")
    review_table = _table(data, "review")
    review = ReviewSettings(
        lease_minutes=int(review_table.get("lease_minutes", ReviewSettings.lease_minutes)),
        second_review=bool(review_table.get("second_review", ReviewSettings.second_review)),
    )
    if not 1 <= review.lease_minutes <= 24 * 60:
        raise ValueError("[review] lease_minutes must be between 1 and 1440")
    return Settings(scale, organization, thresholds, review)


def _text(table: Mapping[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string")
    return value.strip() or None


def _rating(entry: Any, number: int) -> Rating:
    if not isinstance(entry, Mapping):
        raise ValueError(f"rating {number} must be a table")
    where = f"rating {number}"
    label = _text(entry, "label")
    if not label:
        raise ValueError(f"{where} has no label")
    try:
        status = Status(str(entry.get("status", "")).strip().lower())
    except ValueError:
        raise ValueError(
            f"{where} ({label}): status must be verified, disputed or unverifiable"
        ) from None
    if status in (Status.PENDING, Status.DISMISSED):
        raise ValueError(f"{where} ({label}): a rating cannot mean {status.value}")
    score = float(entry.get("score", -1))
    if not 0 <= score <= 1:
        raise ValueError(f"{where} ({label}): score must be between 0 and 1")
    translations = entry.get("translations", {})
    if not isinstance(translations, Mapping) or not all(
        isinstance(v, str) and v.strip() for v in translations.values()
    ):
        raise ValueError(f"{where} ({label}): translations must map languages to labels")
    return Rating(label, status, score, {str(k): v.strip() for k, v in translations.items()})
