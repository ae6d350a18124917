"""Following an outlet: the items of its RSS or Atom feed or sitemap, each new one fetched and
ingested once. What a feed listed is remembered (``feed_item``), so a run every few minutes
adds only what is new, and an item that keeps failing is given up after a few tries.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimcheck.errors import ClaimcheckError, InvalidInput
from claimcheck.services.fetch import FEED_TYPES, Fetcher, FetchOptions, fetcher
from claimcheck.services.ingest import IngestFailure, IngestOptions, IngestResult, ingest_one
from claimcheck.services.sources import Source
from claimcheck.services.urls import check_url
from claimcheck.storage import Database
from claimcheck.storage.models import FeedItem, utcnow

#: Tries an item gets (one per run) before it is given up.
MAX_ATTEMPTS = 3
#: Child sitemaps a sitemap index is followed into, in the order it lists them.
MAX_SITEMAPS = 20
DEFAULT_MAX_ITEMS = 100
_SITEMAP = re.compile(r"<(?:[\w-]+:)?(?:urlset|sitemapindex)\b")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class FeedEntry:
    """One item a feed lists: the article's address, or why there is none to follow."""

    key: str  # what the feed's memory knows the item by: its link, else its id or title
    label: str  # for messages
    url: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class FeedListing:
    """What a run found in a feed before fetching anything."""

    feed: str
    listed: int  # items in the feed
    new: int  # not stored before (nor given up), fetched in this run
    left: int  # new beyond --max-items, for the next run


# ------------------------------------------------------------------------------ reading feeds


def parse_feed(text: str, base_url: str) -> tuple[list[FeedEntry], list[str]]:
    """The items of an RSS, Atom or JSON feed or a sitemap, and the child sitemaps a
    sitemap index names. Relative links are read against ``base_url``."""
    head = text.lstrip()[:4096]
    if _SITEMAP.search(head):
        return _sitemap(text, base_url)
    if head.startswith("{"):
        return _json_feed(text, base_url), []
    if not head.startswith("<"):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and all(re.match(r"^https?://\S+$", line) for line in lines):
            return [_entry(base_url, n, line) for n, line in enumerate(lines, start=1)], []
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version") and not parsed.entries:
        raise InvalidInput(
            f"{base_url}: not an RSS or Atom feed, nor a sitemap; give the outlet's feed "
            "address (often /feed, /rss or /sitemap.xml)"
        )
    entries = []
    for number, item in enumerate(parsed.entries, start=1):
        link = item.get("link") or next(
            (x.get("href") for x in item.get("links", []) if x.get("href")), None
        )
        entries.append(_entry(base_url, number, link, title=item.get("title"), guid=item.get("id")))
    return entries, []


def _entry(
    base_url: str,
    number: int,
    link: str | None,
    *,
    title: str | None = None,
    guid: str | None = None,
) -> FeedEntry:
    named = " ".join((title or "").split())[:60]
    label = f"{base_url} item {number}" + (f" ({named})" if named else "")
    if not link or not link.strip():
        key = f"no link: {guid or named or number}"
        return FeedEntry(key, label, problem=f"{label}: the item has no link to an article")
    url = urljoin(base_url, link.strip())
    try:
        check_url(url, what=f"{label}: its link")
    except InvalidInput as exc:
        return FeedEntry(url, label, problem=str(exc))
    return FeedEntry(url, label, url=url)


def _sitemap(text: str, base_url: str) -> tuple[list[FeedEntry], list[str]]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidInput(f"{base_url}: a broken sitemap ({exc})") from None
    if root is None:
        raise InvalidInput(f"{base_url}: a broken sitemap (no XML in it)")
    entries: list[FeedEntry] = []
    children: list[str] = []
    for loc in root.iter("{*}loc", "loc"):
        parent = loc.getparent()
        kind = etree.QName(parent).localname if parent is not None else ""
        where = (loc.text or "").strip()
        if kind == "sitemap":
            children.append(urljoin(base_url, where))
        elif kind == "url":
            entries.append(_entry(base_url, len(entries) + 1, where))
    return entries, children


def _json_feed(text: str, base_url: str) -> list[FeedEntry]:
    try:
        items = json.loads(text).get("items", [])
    except (ValueError, AttributeError):
        raise InvalidInput(f"{base_url}: neither a JSON Feed nor valid JSON") from None
    if not isinstance(items, list):
        raise InvalidInput(f"{base_url}: a JSON Feed's items must be a list")
    found = []
    for number, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        link = item.get("url") or item.get("external_url")
        found.append(
            _entry(
                base_url,
                number,
                link if isinstance(link, str) else None,
                title=str(item.get("title") or "") or None,
                guid=str(item.get("id") or "") or None,
            )
        )
    return found


def read_feed(fetcher: Fetcher, url: str) -> list[FeedEntry]:
    """Every item of the feed at ``url``, a sitemap index's children included."""
    fetched = fetcher.get(url, accept=FEED_TYPES, what="feed or sitemap")
    entries, children = parse_feed(fetched.text, fetched.final_url)
    seen = {fetched.final_url}
    for child in children[:MAX_SITEMAPS]:
        if child in seen:
            continue
        seen.add(child)
        page = fetcher.get(child, accept=FEED_TYPES, what="sitemap")
        more, _nested = parse_feed(page.text, page.final_url)
        entries += more
    # The same article listed twice (a sitemap and its index, a feed's duplicates) once.
    return list({entry.key: entry for entry in reversed(entries)}.values())[::-1]


# -------------------------------------------------------------------------- following a feed


def _memory(session: Session, feed: str, key: str) -> FeedItem | None:
    return session.scalars(
        select(FeedItem).where(FeedItem.feed_url == feed, FeedItem.item_key == key)
    ).first()


def _done(item: FeedItem | None) -> bool:
    return item is not None and (item.article_id is not None or item.attempts >= MAX_ATTEMPTS)


def _remember(
    session: Session,
    feed: str,
    key: str,
    *,
    article_id: int | None,
    error: str | None,
    give_up: bool = False,
) -> FeedItem:
    item = _memory(session, feed, key)
    if item is None:
        item = FeedItem(feed_url=feed, item_key=key, first_seen=utcnow(), attempts=0)
        try:
            with session.begin_nested():  # another run may be remembering it right now
                session.add(item)
                session.flush()
        except IntegrityError:
            item = _memory(session, feed, key)
            assert item is not None
    item.attempts += 1
    item.last_seen = utcnow()
    item.article_id = article_id if article_id is not None else item.article_id
    item.last_error = error
    if give_up:
        item.attempts = max(item.attempts, MAX_ATTEMPTS)
    session.flush()
    return item


def follow(
    db: Database,
    fetcher: Fetcher,
    *,
    feed: str,
    options: IngestOptions,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Iterator[FeedListing | IngestResult | IngestFailure]:
    """Read a feed and ingest each item not stored before: first what the feed holds
    (:class:`FeedListing`), then one outcome per new item, each in its own transaction
    with the feed's memory of it."""
    feed = feed.strip()
    try:
        entries = read_feed(fetcher, feed)
    except ClaimcheckError as exc:
        yield IngestFailure(feed, str(exc))
        return
    with db.session(write=False) as session:
        known = {
            item.item_key: item
            for item in session.scalars(select(FeedItem).where(FeedItem.feed_url == feed))
        }
    new = [e for e in entries if not _done(known.get(e.key))]
    chosen = new[:max_items] if max_items else new
    yield FeedListing(feed, len(entries), len(chosen), len(new) - len(chosen))
    for entry in chosen:
        yield _ingest_entry(db, fetcher, feed, entry, options)


def _ingest_entry(
    db: Database, fetcher: Fetcher, feed: str, entry: FeedEntry, options: IngestOptions
) -> IngestResult | IngestFailure:
    message = entry.problem
    if entry.url is not None:

        def remember(session: Session, stored: IngestResult) -> None:
            _remember(session, feed, entry.key, article_id=stored.article_id, error=None)

        source = Source(entry.url, None, url=entry.url)
        outcome = ingest_one(db, source, options, fetcher.options.max_mb, fetcher, also=remember)
        if isinstance(outcome, IngestResult):
            return outcome
        message = outcome.message
    assert message is not None
    with db.session() as session:
        # An item with no link to fetch is broken in the feed itself: not tried again.
        item = _remember(
            session, feed, entry.key, article_id=None, error=message, give_up=entry.url is None
        )
        if item.attempts >= MAX_ATTEMPTS and entry.url is not None:
            message += f" (tried {item.attempts} times; not tried again)"
    return IngestFailure(entry.url or entry.label, message)


def follow_all(
    db: Database,
    *,
    feeds: list[str],
    options: IngestOptions,
    fetch: FetchOptions,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Iterator[FeedListing | IngestResult | IngestFailure]:
    """:func:`follow` for each feed, with one HTTP client for all of them."""
    if not feeds:
        return
    with fetcher(fetch) as web:
        for feed in feeds:
            yield from follow(db, web, feed=feed, options=options, max_items=max_items)
