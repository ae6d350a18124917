"""Following a feed, as a cron job does: `claimcheck ingest --feed URL` as a real process
against a local HTTP server (127.0.0.1, a thread of this script) whose RSS feed lists 20 real
articles: the 15 real pages of tests/data/pages that hold an article (12 English, 2 German,
1 French) and 5 IndoSum articles (Indonesian news) laid out as web pages.

Times the first run (20 new items: fetch, extract, split, store, match) into a fresh SQLite
file, then a second run (nothing new: the feed is read, nothing fetched), each the median of
--repeat runs.

    .venv/bin/python benchmarks/feed_ingest.py
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.webserver import PAGES, Answer, Site, serve  # noqa: E402

CLAIMCHECK = str(Path(sys.executable).with_name("claimcheck"))
INDOSUM = ROOT / "tests" / "data" / "indosum-sample.jsonl"


def indosum_page(record: dict[str, str]) -> bytes:
    """An IndoSum article as an outlet's page: headline from its address, paragraphs."""
    title = record["id"].split("-", 1)[1].replace("-", " ").capitalize()
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{html.escape(record["source"])}"></head>'
        f"<body><nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>{paragraphs}"
        "</article><footer>Hak cipta</footer></body></html>"
    ).encode()


def build_site(site: Site) -> str:
    links = []
    for page in sorted(PAGES.glob("*.html")):
        if page.name.startswith("lanouvellerepublique"):  # script templates, no article
            continue
        links.append(site.page(f"/pages/{page.name}", page.name))
    for number, line in enumerate(INDOSUM.read_text(encoding="utf-8").splitlines()[:5]):
        body = indosum_page(json.loads(line))
        links.append(
            site.add(
                f"/berita/{number}.html",
                Answer(body=body, headers={"Content-Type": "text/html; charset=utf-8"}),
            )
        )
    assert len(links) == 20, len(links)
    items = "".join(f"<item><title>{n}</title><link>{u}</link></item>" for n, u in enumerate(links))
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
    return site.add(
        "/feed.xml", Answer(body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    )


def run(db: Path, feed: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [CLAIMCHECK, "--db", str(db), "ingest", "--feed", feed],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest --feed failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    first, again = [], []
    with serve() as site, tempfile.TemporaryDirectory() as folder:
        feed = build_site(site)
        for attempt in range(args.repeat):
            db = Path(folder) / f"feed-{attempt}.db"
            seconds, output = run(db, feed)
            first.append(seconds)
            summary = next(line for line in output.splitlines() if "items," in line)
            seconds, output = run(db, feed)
            again.append(seconds)
            print(f"run {attempt + 1}: {first[-1]:.2f} s ({summary}); again {again[-1]:.2f} s")
    print(
        f"20-item feed, fresh database: median {statistics.median(first):.2f} s "
        f"({statistics.median(first) / 20:.2f} s per item); "
        f"second run (nothing new): median {statistics.median(again):.2f} s"
    )


if __name__ == "__main__":
    main()
