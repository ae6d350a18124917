"""The one URL rule: what a link claimcheck stores, exports or renders may look like.

Evidence links, imported checks' links, an article's ``--url``, the organization's URL and
its review-URL template all pass through :func:`check_url`; reports render a stored link
only when :func:`url_problem` finds nothing wrong with it.
"""

from __future__ import annotations

import re
import unicodedata
from ipaddress import ip_address
from urllib.parse import urlsplit

from claimcheck.errors import InvalidInput

MAX_URL = 2048
SCHEMES = ("http", "https")
# ASCII characters RFC 3986 never allows unencoded in a URL. The quotes and angle brackets
# are the ones that let a link break out of an HTML attribute or a JSON-LD script tag.
_NEVER_RAW = frozenset(" \"'<>\\^`{|}")
_BAD_ASCII = re.compile(r"[\x00-\x1f\x7f" + re.escape("".join(sorted(_NEVER_RAW))) + "]")


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or ch.isspace()


# "kumparan.com/berita/foo": a web address typed without its https://.
_BARE_ADDRESS = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """What is wrong with a URL (a phrase to follow "it"), or None when it is fine: an http
    or https link to a real host, with no control character, space, quote or angle bracket
    left unescaped, and no user name or password before the host."""
    if len(url) > MAX_URL:
        return f"is longer than {MAX_URL} characters"
    found = _BAD_ASCII.search(url)
    ch = found.group() if found else None
    if ch is None and not url.isascii():
        ch = next((c for c in url if not c.isascii() and _invisible(c)), None)
    if ch is not None:
        if ch in _NEVER_RAW:
            escape = "%" + format(ord(ch), "02X")
            return f"holds an unescaped {ch!r} (write it as {escape})"
        return f"holds a control or invisible character (U+{ord(ch):04X})"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        return f"must be an http or https link, not {scheme}"
    if parts.username is not None or parts.password is not None:
        return "has a user name or password before the host (a link can hide its real host so)"
    if not _real_host(host):
        return "has no real host (a name like www.example.org, or an IP address)"
    return None


def check_url(url: str, *, what: str = "evidence URL") -> str:
    """The URL, stripped of surrounding white space, or :class:`InvalidInput` saying what
    is wrong with it (``what`` names the field for the message)."""
    cleaned = url.strip()
    problem = url_problem(cleaned)
    if problem is not None:
        if problem.endswith("not no scheme") and bare_address(cleaned):
            problem += f" (did you mean 'https://{cleaned}'?)"
        raise InvalidInput(f"{what} {_shown(cleaned)} {problem}")
    return cleaned


def bare_address(text: str) -> bool:
    """Whether ``text`` reads as a web address without its scheme ("kumparan.com/foo")."""
    return bool(_BARE_ADDRESS.match(text.strip()))


def looks_like_url(text: str) -> bool:
    """Whether a command-line argument is a web address to fetch rather than a file name."""
    return bool(re.match(r"^https?://", text.strip(), re.IGNORECASE))


def _shown(url: str) -> str:
    """The URL for a message: quoted, cut when long (the message escapes it for display)."""
    return repr(url if len(url) <= 120 else url[:117] + "...")


def _real_host(host: str) -> bool:
    try:
        ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return (
        len(labels) >= 2
        and all(labels)
        and all(ch.isalnum() or ch == "-" for label in labels for ch in label)
        and not labels[-1].isdigit()  # 1.2.3.999 is neither an address nor a name
    )
