"""Fetching web pages and feeds: timeouts, a size limit, redirects, content types, one clear
error per failure.

httpx does the HTTP; this module decides what is acceptable. A body is read in pieces and
given up as soon as it passes the size limit, so a 50 MB answer costs at most the limit.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.errors import InvalidInput
from claimcheck.services.sources import DEFAULT_MAX_MB, decode
from claimcheck.services.urls import url_problem

if TYPE_CHECKING:
    import httpx

DEFAULT_TIMEOUT = 20.0  # seconds without an answer (connecting, or between two reads)
MAX_REDIRECTS = 10
MB = 1024 * 1024
CHUNK = 64 * 1024

#: What an article URL may answer with: a web page, or plain text.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: What a feed URL may answer with: RSS, Atom, a sitemap (XML or plain text), JSON Feed.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/plain",
        "application/feed+json",
        "application/json",
    }
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


@lru_cache(maxsize=1)
def user_agent() -> str:
    """Names claimcheck and its version, so a site's logs say who fetched the page."""
    from claimcheck import __version__

    return f"claimcheck/{__version__} (fact-checking claim tracker)"


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT
    max_mb: int = DEFAULT_MAX_MB

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise InvalidInput("--timeout must be more than 0 seconds")


@dataclass(frozen=True)
class Fetched:
    """A body received whole: the address it came from after redirects, and its text."""

    url: str  # as asked
    final_url: str  # after redirects: the one to store
    content_type: str
    text: str


class Fetcher:
    """One HTTP client for a run (connections to a site are reused across a feed's items)."""

    def __init__(self, options: FetchOptions = FetchOptions()) -> None:
        import httpx

        self.options = options
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": user_agent()},
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, accept: frozenset[str] = PAGE_TYPES, what: str = "page") -> Fetched:
        """The body at ``url``, decoded; any failure is an :class:`InvalidInput` that names
        the URL and says what went wrong."""
        import httpx

        problem = url_problem(url)
        if problem is not None:
            raise InvalidInput(f"{url}: this address {problem}")
        try:
            with self._client.stream("GET", url) as response:
                return self._read(url, response, accept, what)
        except httpx.TooManyRedirects:
            raise InvalidInput(
                f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)"
            ) from None
        except httpx.TimeoutException:
            raise InvalidInput(
                f"{url}: no answer within {self.options.timeout:g} s (the server stalled); "
                "try again later, or allow longer with --timeout SECONDS"
            ) from None
        except httpx.HTTPError as exc:
            reason = str(exc).strip() or type(exc).__name__
            raise InvalidInput(f"{url}: cannot fetch it ({reason})") from None

    def _read(
        self, url: str, response: httpx.Response, accept: frozenset[str], what: str
    ) -> Fetched:
        final = str(response.url)
        if response.status_code >= 400:
            phrase = response.reason_phrase or "error"
            raise InvalidInput(f"{url}: the server answered {response.status_code} {phrase}")
        content_type = response.headers.get("content-type", "")
        kind = content_type.split(";", 1)[0].strip().lower()
        if kind and kind not in accept:
            raise InvalidInput(f"{url}: the server sent {kind}, not a {what}")
        limit = self.options.max_mb * MB
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(url, self.options.max_mb)
        body = bytearray()
        # A server that trickles a byte at a time never trips the read timeout: the whole
        # body gets a deadline of its own.
        deadline = time.monotonic() + 3 * self.options.timeout
        for piece in response.iter_bytes(CHUNK):
            body += piece
            if len(body) > limit:
                raise _too_large(url, self.options.max_mb)
            if time.monotonic() > deadline:
                raise InvalidInput(
                    f"{url}: the page took more than {3 * self.options.timeout:g} s to arrive; "
                    "allow longer with --timeout SECONDS"
                )
        text = _decode(bytes(body), response.charset_encoding, url)
        if not text.strip():
            raise InvalidInput(f"{url}: the server sent an empty {what}")
        return Fetched(url, final, kind, text)


@contextmanager
def fetcher(options: FetchOptions = FetchOptions()) -> Iterator[Fetcher]:
    client = Fetcher(options)
    try:
        yield client
    finally:
        client.close()


def _too_large(url: str, max_mb: int) -> InvalidInput:
    return InvalidInput(
        f"{url}: larger than {max_mb} MB, which is more than any article; "
        "if it really is one, raise the limit with --max-size MB"
    )


def _decode(data: bytes, declared: str | None, url: str) -> str:
    """The charset the server named, else the one the page or XML declaration names, else
    what ingest does for files (UTF-8, then Windows-1252)."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    for charset in (declared, found.group(1).decode("ascii") if found else None):
        if not charset:
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(data, url)
