"""Publication dates as news pages print them, in Indonesian and English, to ISO dates."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "february": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "aug": 8,
    "agt": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*,?\s*)?"
)
_TIME = (
    r"(?:\s*[-|,]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"\s*(?:wib|wita|wit|am|pm|utc|gmt)?)?"
)
_PATTERNS = (
    re.compile(
        rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}}){_TIME}$", re.IGNORECASE
    ),
    re.compile(
        rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_TIME}$", re.IGNORECASE
    ),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ][\d:.]+Z?)?$"),
)


def parse_date_line(text: str) -> str | None:
    """The ISO date of a line that is only a date ("Senin, 24 Februari 2025 - 10:15 WIB")."""
    cleaned = re.sub(
        r"^(?:published|diterbitkan|dipublikasikan|updated)\s*:?\s*",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            month_text = match.group("month").lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            try:
                return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
            except ValueError:
                return None
    return None


def parse_user_date(text: str) -> str | None:
    """A date given on the command line: ISO or as a news page writes it."""
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        return parse_date_line(text)
