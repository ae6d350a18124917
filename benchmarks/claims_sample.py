"""Draw the sentences of the claim gold set (run once; kept so the draw can be repeated).

New sentences, drawn with a fixed seed from sources the earlier dev set did not use:
IndoSum articles, the UD Indonesian GSD and English EWT dev files (not in the parsers'
training data), and the English pages in tests/data/pages. Each gets a part: "tuned" (read
while tuning the extractor) or "heldout" (never read while tuning; only its score is looked
at). The sentences are cut by the segmenter alone; annotators see no claims.

    .venv/bin/python benchmarks/claims_sample.py OUT_DIR
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from claimcheck.pipeline import article_text, split_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
HELDOUT_SHARE = 0.4
SEED = 20261201
COUNTS = {"indosum": 90, "gsd": 40, "ewt": 55, "pages": 75}
ENGLISH_PAGES = [
    "boingboing.net.millenials",
    "knowtechie.com.rally",
    "kulu-media.com.meta-outage",
    "mercurynews.com.2023.01.16.letters-1119",
    "nationalgeographic.co.uk.goats",
    "nature.com.telescope",
    "phys.org.tool",
    "salon.com.emissions",
    "theplanetarypress.com.forestlands",
    "theverge.com.ios13",
    "vice.com.amazon",
    "wikimediafoundation.org.turkey",
]


def prose(sentence: str) -> bool:
    words = sentence.split()
    return (
        6 <= len(words) <= 70
        and sentence.rstrip("\"'”’) ")[-1:] in ".!?"
        and not re.search(r"https?://|@\w|\|", sentence)
    )


def body_sentences(text: str, lang: str) -> list[str]:
    document = split_article(text, plain=False, lang=lang)
    return [s.text for s in document.sentences if s.role == "body" and prose(s.text)]


def draw(rng: random.Random) -> list[dict[str, str]]:
    used = {json.loads(line)["source"] for line in (ROOT / "tests/data/claims-dev.jsonl").open()}
    rows: list[dict[str, str]] = []

    articles = [json.loads(line) for line in (SHARED / "indosum/articles.jsonl").open()]
    rng.shuffle(articles)
    taken = 0
    for article in articles:
        if f"indosum:{article['id']}" in used or taken >= COUNTS["indosum"]:
            continue
        candidates = [s for s in body_sentences(article["text"], "id")]
        if candidates:
            rows.append(_row("id", f"indosum:{article['id']}", rng.choice(candidates)))
            taken += 1

    for name, lang, key in (("id_gsd-ud-dev", "id", "gsd"), ("en_ewt-ud-dev", "en", "ewt")):
        docs = [json.loads(line) for line in (SHARED / f"ud/{name}.docs.jsonl").open()]
        pool = [
            (sid, s)
            for d in docs
            for sid, s in zip(d["sent_ids"], d["sentences"], strict=True)
            if prose(s)
            and f"ud-{name.split('-')[0].replace('_', '-')}-dev:{sid}" not in used
            and f"ud-en-ewt-dev:{sid}" not in used
        ]
        for sid, sentence in rng.sample(pool, COUNTS[key]):
            rows.append(_row(lang, f"ud-{name}:{sid}", sentence))

    per_page = -(-COUNTS["pages"] // len(ENGLISH_PAGES))
    page_rows = []
    for page in ENGLISH_PAGES:
        raw = (ROOT / "tests/data/pages" / f"{page}.html").read_text(encoding="utf-8")
        text, _ = article_text(raw)
        sentences = body_sentences(text, "en")
        for sentence in rng.sample(sentences, min(per_page, len(sentences))):
            page_rows.append(_row("en", f"page:{page}", sentence))
    rows += rng.sample(page_rows, min(COUNTS["pages"], len(page_rows)))

    for index, row in enumerate(rows):
        row["id"] = f"{row['lang']}-n{index:03d}"
        row["part"] = "heldout" if rng.random() < HELDOUT_SHARE else "tuned"
    return rows


def _row(lang: str, source: str, sentence: str) -> dict[str, str]:
    return {"lang": lang, "source": source, "sentence": " ".join(sentence.split())}


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    drawn = draw(random.Random(SEED))
    for lang in ("id", "en"):
        with (out / f"to-annotate-{lang}.jsonl").open("w", encoding="utf-8") as f:
            for row in drawn:
                if row["lang"] == lang:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
    for lang in ("id", "en"):
        for part in ("tuned", "heldout"):
            n = sum(r["lang"] == lang and r["part"] == part for r in drawn)
            print(f"{lang} {part}: {n}")
