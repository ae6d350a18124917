"""Articles from the web: `ingest URL...` and `ingest --feed URL` against a real local server.

The server (tests/webserver.py) runs on 127.0.0.1 in this process and serves the real pages
of tests/data/pages; any connection to an address off this machine fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from typing import Any

import pytest

from claimcheck.services.feeds import parse_feed
from tests.conftest import Cli
from tests.webserver import Answer, Site, only_loopback, serve

ENGLISH = {
    "phys": "phys.org.tool.html",
    "nature": "nature.com.telescope.html",
    "salon": "salon.com.emissions.html",
    "verge": "theverge.com.ios13.html",
    "vice": "vice.com.amazon.html",
}


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    only_loopback(monkeypatch)
    with serve() as running:
        for key, name in ENGLISH.items():
            running.page(f"/news/{key}.html", name)
        yield running


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def _articles(cli: Cli) -> list[dict[str, Any]]:
    return cli("articles", "list", "--limit", "0", "--json").json()  # type: ignore[no-any-return]


# -------------------------------------------------------------------------------- one page


def test_a_page_is_fetched_and_stored_with_its_metadata(cli: Cli, site: Site) -> None:
    url = site.url("/news/phys.html")
    run = cli("ingest", url, "--json")
    assert run.exit_code == 0, run.stderr
    [stored] = run.json()
    assert stored["source"] == url and stored["claims"] > 10
    shown = cli("articles", "show", str(stored["article_id"]), "--json").json()
    assert shown["url"] == url and shown["source"] == url
    assert shown["title"].startswith("Flint flake tool partially covered by birch tar")
    assert (shown["author"], shown["outlet"], shown["language"]) == ("Bob Yirka", "Phys.org", "en")
    assert shown["published_at"] == "2019-10-22"  # the page's datePublished
    # The same page as a file gives the same article: a URL is stored like a file.
    assert site.requests == [
        ("/news/phys.html", f"claimcheck/{version('claimcheck')} (fact-checking claim tracker)")
    ]
    again = cli("ingest", url, "--json").json()
    assert again[0]["already_present"] and again[0]["article_id"] == stored["article_id"]


def test_redirects_are_followed_and_the_final_url_stored(cli: Cli, site: Site) -> None:
    site.redirect("/short/1", "/old/nature", status=301)
    site.redirect("/old/nature", site.url("/news/nature.html"))
    run = cli("ingest", site.url("/short/1"), "--json")
    assert run.exit_code == 0, run.stderr
    shown = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    assert shown["url"] == site.url("/news/nature.html")
    assert shown["source"] == site.url("/short/1")


def test_every_failure_is_one_line_and_the_rest_of_the_batch_goes_in(cli: Cli, site: Site) -> None:
    site.redirect("/loop/a", "/loop/b")
    site.redirect("/loop/b", "/loop/a")
    site.add(
        "/report.pdf",
        Answer(body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", headers={"Content-Type": "application/pdf"}),
    )
    # A PNG sent as text/html: the body says what it is.
    site.add(
        "/photo",
        Answer(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, headers={"Content-Type": "text/html"}),
    )
    urls = {
        "missing": site.url("/no/such/page"),
        "loop": site.url("/loop/a"),
        "pdf": site.url("/report.pdf"),
        "png": site.url("/photo"),
        "good": site.url("/news/salon.html"),
    }
    run = cli("ingest", *urls.values())
    assert run.exit_code == 1
    assert _errors(run.stderr) == [
        f"Error: {urls['missing']}: the server answered 404 Not Found",
        f"Error: {urls['loop']}: more than 10 redirects (a redirect loop?)",
        f"Error: {urls['pdf']}: the server sent application/pdf, not a page",
        f"Error: {urls['png']}: this is a PNG image, not an article; give text or HTML",
    ]
    assert "4 of 5 inputs failed" in run.stderr and "Traceback" not in run.stderr
    assert [a["title"][:22] for a in _articles(cli)] == ["Despite everything, U."]


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_50_mb_body_is_refused_without_reading_it_all(
    cli: Cli, site: Site, declared: bool
) -> None:
    huge = site.stream_zeros("/huge", 50 * 1024 * 1024, declare_length=declared)
    run = cli("ingest", huge, "--max-size", "2")
    assert run.exit_code == 1
    assert _errors(run.stderr) == [
        f"Error: {huge}: larger than 2 MB, which is more than any article; if it really is "
        "one, raise the limit with --max-size MB"
    ]
    assert _articles(cli) == []
    # The server got out what the socket buffers took, not the 50 MB.
    assert site.streamed["/huge"] < 12 * 1024 * 1024


def test_a_server_that_stalls_times_out(cli: Cli, site: Site) -> None:
    stalled = site.stall("/slow")
    run = cli("ingest", stalled, site.url("/news/verge.html"), "--timeout", "0.5")
    assert run.exit_code == 1
    assert _errors(run.stderr) == [
        f"Error: {stalled}: no answer within 0.5 s (the server stalled); try again later, or "
        "allow longer with --timeout SECONDS"
    ]
    assert len(_articles(cli)) == 1


def test_addresses_are_checked_before_anything_is_fetched(cli: Cli, site: Site) -> None:
    bare = cli("ingest", "kumparan.com/berita/foo")
    assert bare.exit_code == 1
    assert _errors(bare.stderr) == [
        "Error: kumparan.com/berita/foo: no such file or directory (a web page needs its "
        "whole address: https://kumparan.com/berita/foo)"
    ]
    nohost = cli("ingest", "http://intranet/page")
    assert _errors(nohost.stderr) == [
        "Error: http://intranet/page: this address has no real host (a name like "
        "www.example.org, or an IP address)"
    ]
    assert site.requests == []


# ------------------------------------------------------------------------------------ feeds


def _rss(site: Site, links: list[str | None]) -> bytes:
    items = "".join(
        f"<item><title>Item {n}</title>"
        + (f"<link>{link}</link>" if link is not None else "")
        + f'<guid isPermaLink="false">item-{n}</guid></item>'
        for n, link in enumerate(links, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Local desk</title><link>{site.base}/</link>{items}</channel></rss>"
    ).encode()


def test_a_feed_with_broken_items_stores_the_rest_and_a_second_run_adds_nothing(
    cli: Cli, site: Site
) -> None:
    site.redirect("/loop/a", "/loop/a")
    links = [
        site.url("/news/phys.html"),
        "/news/nature.html",  # relative to the feed
        site.url("/gone.html"),
        None,  # an item without a link
        "mailto:desk@example.org",
        site.url("/loop/a"),
        site.url("/news/salon.html"),
    ]
    feed = site.add(
        "/feed.xml", Answer(body=_rss(site, links), headers={"Content-Type": "application/rss+xml"})
    )
    first = cli("ingest", "--feed", feed)
    assert first.exit_code == 1
    assert _errors(first.stderr) == [
        f"Error: {site.url('/gone.html')}: the server answered 404 Not Found",
        f"Error: {feed} item 4 (Item 4): the item has no link to an article",
        f"Error: {feed} item 5 (Item 5): its link 'mailto:desk@example.org' must be an http or "
        "https link, not mailto:",
        f"Error: {site.url('/loop/a')}: more than 10 redirects (a redirect loop?)",
    ]
    assert f"{feed}: 7 items, 7 new" in first.stdout
    stored = {a["title"][:12] for a in _articles(cli)}
    assert stored == {"Flint flake ", "Gigantic Chi", "Despite ever"}

    fetched = len(site.requests)
    second = cli("ingest", "--feed", feed)
    assert {a["title"][:12] for a in _articles(cli)} == stored
    # Only the feed and the two items that may yet work are asked for again.
    assert {p for p, _ in site.requests[fetched:]} == {"/feed.xml", "/gone.html", "/loop/a"}
    assert second.exit_code == 1 and len(_errors(second.stderr)) == 2
    third = cli("ingest", "--feed", feed)
    assert all("(tried 3 times; not tried again)" in e for e in _errors(third.stderr))
    fourth = cli("ingest", "--feed", feed)
    assert fourth.exit_code == 0 and _errors(fourth.stderr) == []
    assert f"{feed}: 7 items, 0 new" in fourth.stdout
    assert {a["title"][:12] for a in _articles(cli)} == stored


def test_options_that_name_one_article_do_not_go_with_a_feed(cli: Cli, site: Site) -> None:
    run = cli("ingest", "--feed", site.url("/feed.xml"), "--url", "https://desk.example.id/a")
    assert run.exit_code == 1
    assert run.stderr == ("Error: --url names one article: give it with a single file or page\n")
    assert site.requests == []


def test_new_items_of_a_feed_are_picked_up_by_the_next_run(cli: Cli, site: Site) -> None:
    links = [site.url("/news/phys.html"), site.url("/news/nature.html")]
    answer = Answer(body=_rss(site, links), headers={"Content-Type": "application/rss+xml"})
    feed = site.add("/rss", answer)
    assert cli("ingest", "--feed", feed).exit_code == 0
    answer.body = _rss(site, [site.url("/news/vice.html"), *links])
    again = cli("ingest", "--feed", feed, "--json")
    assert again.exit_code == 0, again.stderr
    assert [r["title"][:16] for r in again.json()] == ["The Amazon Is on"]
    assert len(_articles(cli)) == 3


def test_atom_feeds_and_sitemap_indexes(cli: Cli, site: Site) -> None:
    atom = site.add(
        "/atom",
        Answer(
            body=(
                '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f'<title>Desk</title><link rel="self" href="{site.base}/atom"/>'
                f'<entry><title>One</title><link href="{site.base}/news/verge.html"/>'
                "<id>tag:one</id></entry></feed>"
            ).encode(),
            headers={"Content-Type": "application/atom+xml"},
        ),
    )
    urlset = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.base}/news/phys.html</loc></url>"
        f"<url><loc>{site.base}/news/salon.html</loc><lastmod>2020-01-01</lastmod></url>"
        "</urlset>"
    )
    site.add(
        "/sitemap-2020.xml", Answer(body=urlset.encode(), headers={"Content-Type": "text/xml"})
    )
    index = site.add(
        "/sitemap.xml",
        Answer(
            body=(
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{site.base}/sitemap-2020.xml</loc></sitemap></sitemapindex>"
            ).encode(),
            headers={"Content-Type": "application/xml"},
        ),
    )
    run = cli("ingest", "--feed", atom, "--feed", index)
    assert run.exit_code == 0, run.stderr
    assert f"{atom}: 1 item, 1 new" in run.stdout and f"{index}: 2 items, 2 new" in run.stdout
    assert len(_articles(cli)) == 3


def test_a_page_that_is_not_a_feed_is_one_clear_error(cli: Cli, site: Site) -> None:
    page = site.page("/not-a-feed", ENGLISH["phys"], content_type="text/xml")
    run = cli("ingest", "--feed", page)
    assert run.exit_code == 1
    assert _errors(run.stderr) == [
        f"Error: {page}: not an RSS or Atom feed, nor a sitemap; give the outlet's feed "
        "address (often /feed, /rss or /sitemap.xml)"
    ]
    html = cli("ingest", "--feed", site.url("/news/phys.html"))
    assert _errors(html.stderr) == [
        f"Error: {site.url('/news/phys.html')}: the server sent text/html, not a feed or sitemap"
    ]


def test_feed_items_are_read_in_order_with_relative_links() -> None:
    entries, children = parse_feed(
        "<rss version='2.0'><channel><item><link>/a</link></item>"
        "<item><link>https://desk.example.id/b</link></item></channel></rss>",
        "https://desk.example.id/feed",
    )
    assert [e.url for e in entries] == ["https://desk.example.id/a", "https://desk.example.id/b"]
    assert children == []
