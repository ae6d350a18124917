"""A benchmark archive of N claims written straight into a migrated database.

The rows `claimcheck import claims` stores for pending claims without a URL (one archive
article, sentence and claim per row, the claim's match text, its terms in the index), in
Core bulk inserts: a million claims in minutes instead of the per-row import's half hour.
Every claim is read as Indonesian (the corpus is IndoSum's language); the product's import
asks the language identifier per claim.

    .venv/bin/python benchmarks/archive_db.py --claims 1000000 --out /tmp/archive-1m.db
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from matching_recall import build_corpus  # type: ignore[import-not-found]

from claimcheck.matching.normalize import normalize
from claimcheck.services.repeats.index import claim_terms
from claimcheck.storage.db import open_database
from claimcheck.storage.models import Article, Claim, ClaimToken, MatchToken, Sentence, utcnow

BATCH = 20_000
HELD_OUT = 500  # IndoSum's last articles stay out of the archive: ingest_scale.py ingests them


def build(url: str, texts: list[str], source: str = "bench") -> None:
    """Write ``texts`` as archived claims into the (new, migrated) database at ``url``."""
    database = open_database(url)
    engine = database.engine
    now = utcnow()
    tokens: dict[str, int] = {}
    holders: Counter[int] = Counter()
    # Packed, not tuples: a million claims hold some 17 million postings.
    token_of, claim_of, count_of = array("i"), array("i"), array("i")
    with engine.begin() as connection:
        if connection.scalar(sa.select(sa.func.count()).select_from(Claim)):
            raise SystemExit(f"{url} is not empty")
        for start in range(0, len(texts), BATCH):
            articles, sentences, claims = [], [], []
            for number, text in enumerate(texts[start : start + BATCH], start=start + 1):
                key = f"archive\0{source}\0bench-{number - 1}"
                match_text = normalize(text).text
                common = {"start_offset": 0, "end_offset": len(text), "position": 0}
                articles.append(
                    {
                        "id": number,
                        "kind": "archive",
                        "source": source,
                        "outlet": source,
                        "title": text,
                        "language": "id",
                        "raw_text": text,
                        "text": text,
                        "content_hash": hashlib.sha256(key.encode()).hexdigest(),
                        "ingested_at": now,
                    }
                )
                sentences.append(
                    {"id": number, "article_id": number, "role": "body", "text": text, **common}
                )
                claims.append(
                    {
                        "id": number,
                        "sentence_id": number,
                        "text": text,
                        "status": "pending",
                        "hedged": False,
                        "match_text": match_text,
                        "external_id": f"bench-{number - 1}",
                        "created_at": now,
                        "updated_at": now,
                        **common,
                    }
                )
                for term, count in claim_terms(match_text, None, "id").items():
                    token = tokens.setdefault(term, len(tokens) + 1)
                    holders[token] += 1
                    token_of.append(token)
                    claim_of.append(number)
                    count_of.append(count)
            connection.execute(sa.insert(Article), articles)
            connection.execute(sa.insert(Sentence), sentences)
            connection.execute(sa.insert(Claim), claims)
            print(f"  {start + len(claims)} claims", file=sys.stderr, flush=True)
        connection.execute(
            sa.insert(MatchToken),
            [{"id": i, "text": t, "claims": holders[i]} for t, i in tokens.items()],
        )
        tokens_np, claims_np, counts_np = (
            np.frombuffer(a, np.int32) for a in (token_of, claim_of, count_of)
        )
        order = np.lexsort((claims_np, tokens_np))  # a term's postings together, as stored
        for start in range(0, len(order), BATCH * 10):
            part = order[start : start + BATCH * 10]
            connection.execute(
                sa.insert(ClaimToken),
                [
                    {"token_id": t, "claim_id": c, "count": n}
                    for t, c, n in zip(
                        tokens_np[part].tolist(),
                        claims_np[part].tolist(),
                        counts_np[part].tolist(),
                        strict=True,
                    )
                ],
            )
        if connection.dialect.name == "postgresql":
            for table in ("article", "sentence", "claim", "match_token"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True, help="a new SQLite file, or a database URL")
    args = parser.parse_args()
    url = args.out if "://" in args.out else f"sqlite:///{Path(args.out).resolve()}"
    started = time.perf_counter()
    corpus = build_corpus(args.claims, random.Random(args.seed), HELD_OUT)
    print(f"corpus: {len(corpus)} claims in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    build(url, corpus)
    print(f"written in {time.perf_counter() - started:.0f} s to {url}")


if __name__ == "__main__":
    main()
