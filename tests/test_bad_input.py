"""Bad input: one clear line naming the file and the problem, and the rest of the batch goes in.

The corpus is generated here, in each test's temp folder, from the real test articles.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimcheck.services.ingest import IngestFailure, IngestOptions, IngestResult, ingest_sources
from claimcheck.services.repeats.postings import forget_kept
from claimcheck.services.sources import collect
from claimcheck.storage import Database
from tests.conftest import ENGLISH, SEED, SHARED_DATA, Cli

SEED_TEXT = SEED.read_text(encoding="utf-8")
ENGLISH_TEXT = ENGLISH.read_text(encoding="utf-8")


def _titles(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT title FROM article ORDER BY id")).scalars()
        return [str(t) for t in rows]


def _batch(cli: Cli, tmp_path: Path, name: str, content: bytes, *flags: str) -> tuple[int, str]:
    """Ingest a good article, the bad file, and another good article, in that order."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / name).write_bytes(content)
    (folder / "z-good.txt").write_text(ENGLISH_TEXT, encoding="utf-8")
    run = cli("ingest", str(folder), *flags)
    return run.exit_code, run.stderr


BAD_FILES = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n\t \r\n   \n", "the file is empty"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "this is a PDF"),
    "photo.html": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "this is a JPEG image"),
    "data.txt": (b"\x01\x02\x00\x00\x17binary\x00junk", "looks like a binary file"),
    "broken16.txt": (b"\xff\xfe" + "Berita".encode("utf-16-le") + b"\x00", "broken UTF-16"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_fails_alone(cli: Cli, db: Database, tmp_path: Path, name: str) -> None:
    content, problem = BAD_FILES[name]
    code, stderr = _batch(cli, tmp_path, name, content)
    assert code == 1
    [error] = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert name in error and problem in error
    assert "1 of 3 inputs failed" in stderr
    assert "Traceback" not in stderr
    assert len(_titles(db)) == 2


@pytest.mark.parametrize(
    ("encoding", "bom"), [("cp1252", b""), ("latin-1", b""), ("utf-16-le", b"\xff\xfe")]
)
def test_other_encodings_are_decoded(
    cli: Cli, db: Database, tmp_path: Path, encoding: str, bom: bytes
) -> None:
    text = ENGLISH_TEXT.replace(
        '"criminal"', "\u201ccriminal\u201d" if encoding == "cp1252" else '"criminal"'
    ).replace("Shaikh", "Shaïkh")
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(bom + text.encode(encoding))
    run = cli("ingest", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    article = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    body = " ".join(s["text"] for s in article["sentences"])
    assert "Shaïkh Abdul Wahhab al-Janabi" in body
    if encoding == "cp1252":
        assert "\u201ccriminal\u201d" in body


def test_mixed_line_endings_split_like_unix_ones(cli: Cli, tmp_path: Path) -> None:
    lines = SEED_TEXT.split("\n")
    endings = ["\r\n", "\r", "\n"]
    mixed = "".join(line + endings[i % 3] for i, line in enumerate(lines))
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed.encode("utf-8"))
    mixed_split = cli("split", str(path), "--json").json()
    plain_split = cli("split", str(SEED), "--json").json()
    assert [s["text"] for s in mixed_split["sentences"]] == [
        s["text"] for s in plain_split["sentences"]
    ]
    assert mixed_split["title"] == plain_split["title"]
    # Stored: the same article as the Unix-ending file, so ingesting both keeps one.
    first = cli("ingest", str(SEED), "--json").json()[0]
    second = cli("ingest", str(path), "--json").json()[0]
    assert second["already_present"] and second["article_id"] == first["article_id"]


def test_oversized_file_is_refused_and_the_limit_can_be_raised(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    # A real article padded past 1 MB (a 50 MB file fails the same way at the default 20 MB).
    path = tmp_path / "huge.txt"
    path.write_bytes(SEED_TEXT.encode("utf-8") + b"\n" * (1024 * 1024 + 10))
    refused = cli("ingest", str(path), "--max-size", "1")
    assert refused.exit_code == 1
    assert "huge.txt: larger than 1 MB" in refused.stderr and "--max-size" in refused.stderr
    assert _titles(db) == []
    assert cli("ingest", str(path), "--max-size", "2").exit_code == 0
    assert len(_titles(db)) == 1


def test_default_limit_refuses_a_50_mb_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "fifty.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    run = cli("ingest", str(path))
    assert run.exit_code == 1
    assert "fifty.txt: larger than 20 MB" in run.stderr


def test_a_single_200_kb_line_without_punctuation(cli: Cli, db: Database, tmp_path: Path) -> None:
    words = SEED_TEXT.replace(".", " ").replace(",", " ").replace("?", " ").split()
    line = " ".join(words[i % len(words)] for i in range(40_000))[:200_000]
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    run = cli("ingest", str(path), "--plain", "--json")
    assert run.exit_code == 0, run.stderr
    [result] = run.json()
    assert result["sentences"] == 1
    assert result["claims"] == 0  # a 200 KB run-on is kept, but is not one checkable claim
    with db.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT length(text) FROM sentence")).scalar_one()
    assert stored == 200_000


def test_control_and_zero_width_characters_emoji_and_rtl(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    text = (
        "Harga cabai di Jakarta naik tajam pekan ini 🌶️📈\n\n"
        "JAKARTA, iNews.id - Harga cabai rawit naik men\u200bjadi Rp80.000 per kilo\x07gram "
        "di Pasar Induk Kramat Jati. Pedagang menyebut pasokan dari Jawa Tengah turun "
        "karena hujan 🌧️. Seorang pembeli berkata: \u0627\u0644\u0633\u0639\u0631 "
        "\u0645\u0631\u062a\u0641\u0639 jelas sekali.\n"
    )
    path = tmp_path / "odd.txt"
    path.write_bytes(text.encode("utf-8"))
    run = cli("ingest", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    article = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    claims = [c["text"] for s in article["sentences"] for c in s["claims"]]
    assert (
        "Harga cabai rawit naik menjadi Rp80.000 per kilogram di Pasar Induk Kramat Jati" in claims
    )
    assert any("🌧️" in c for c in claims)
    assert any("\u0627\u0644\u0633\u0639\u0631" in c for c in claims)
    with db.engine.connect() as connection:
        raw = connection.execute(sa.text("SELECT raw_text FROM article")).scalar_one()
    assert raw == text  # the text as received is kept exactly


def test_a_file_that_disappears_or_turns_unreadable_mid_batch(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in (
        ("1.txt", SEED_TEXT),
        ("2.txt", ENGLISH_TEXT),
        ("3.txt", ENGLISH_TEXT + "\nMore.\n"),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "4.txt").write_text(SEED_TEXT + "\nLagi.\n", encoding="utf-8")
    sources = collect([str(folder)])
    outcomes = []
    for outcome in ingest_sources(db, sources=sources, options=IngestOptions()):
        outcomes.append(outcome)
        if len(outcomes) == 1:
            (folder / "2.txt").unlink()  # gone after the batch was listed
            (folder / "3.txt").unlink()
            (folder / "3.txt").mkdir()  # and this one can no longer be read as a file
    kinds = [type(o).__name__ for o in outcomes]
    assert kinds == ["IngestResult", "IngestFailure", "IngestFailure", "IngestResult"]
    failures = [o for o in outcomes if isinstance(o, IngestFailure)]
    assert "2.txt: cannot read it (No such file or directory)" in failures[0].message
    assert "3.txt: cannot read it (Is a directory)" in failures[1].message
    assert all(isinstance(o, IngestResult) for o in (outcomes[0], outcomes[3]))
    assert len(_titles(db)) == 2


INDOSUM = SHARED_DATA / "indosum" / "articles.jsonl"


def _many_articles(folder: Path, count: int) -> Path:
    """Real, distinct Indonesian news articles (IndoSum), one file each."""
    if not INDOSUM.exists():
        pytest.skip(f"needs the shared IndoSum data at {INDOSUM}")
    folder.mkdir()
    with INDOSUM.open(encoding="utf-8") as handle:
        for index, line in zip(range(count), handle, strict=False):
            (folder / f"{index:05d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    return folder


def test_a_folder_of_over_a_hundred_files_with_a_progress_bar(
    cli: Cli, db: Database, tmp_path: Path, engine_name: str
) -> None:
    if engine_name != "sqlite":
        pytest.skip("one engine is enough for the volume; PostgreSQL ingest has its own tests")
    folder = _many_articles(tmp_path / "many", 120)
    run = cli("ingest", str(folder), "--progress")
    assert run.exit_code == 0, run.stderr
    assert "120 articles stored" in run.stdout
    assert len(_titles(db)) == 120


def _live_memory() -> int:
    """Traced live memory, less the caches that are bounded and fill with each new article
    until they are full: the posting copies and claims' weights a process keeps (dropped
    here), the stem cache (matching/terms.py, 262,144 words) and the
    parser's vocabulary (spaCy's, allocated from pipeline/parse.py; reloaded past
    VOCAB_GROWTH new words, tests/test_parser.py). Garbage is collected first: the ORM's
    objects of past articles are cycles that only a full collection frees, and with the
    parser's many long-lived objects loaded Python runs one rarely."""
    forget_kept()  # the posting copies and set weights kept: bounded, and filled per claim
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [
            tracemalloc.Filter(False, "*/claimcheck/matching/terms.py"),
            tracemalloc.Filter(False, "*/claimcheck/pipeline/parse.py"),
            tracemalloc.Filter(False, "*/spacy/*"),
            tracemalloc.Filter(False, "*/thinc/*"),
        ]
    )
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_memory_stays_flat_over_a_large_folder(
    db: Database, tmp_path: Path, engine_name: str
) -> None:
    if engine_name != "sqlite":
        pytest.skip("one engine is enough for the volume")
    folder = _many_articles(tmp_path / "many", 110)
    # Tracing starts once 20 articles have filled what fills once (statement caches, first-use
    # imports): a leak from then on is traced, and the tracing, which slows every allocation
    # (138 s for 200 traced articles), covers 90 articles instead of the whole run.
    outcomes = ingest_sources(db, sources=collect([str(folder)]), options=IngestOptions())
    try:
        for index, outcome in enumerate(outcomes):
            assert isinstance(outcome, IngestResult)
            if index == 19:
                tracemalloc.start()
            elif index == 39:
                after_40 = _live_memory()
        after_110 = _live_memory()
    finally:
        tracemalloc.stop()
    print(f"live memory after 40 articles {after_40}, after 110 {after_110}")
    # 70 more articles may not cost more than 1 MB of live memory (15 KB each). Measured:
    # 315 KB; with each article's Document kept (a planted leak), 6.2 MB.
    assert after_110 - after_40 < 1024 * 1024, (after_40, after_110)
