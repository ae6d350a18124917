"""The posting cache always reads as the index it copies, whoever wrote the index.

Rows are packed here from the first posting on (``REPACK_MIN`` 1), so that a handful of
real articles exercise packing, reading past a packed row, repacking and dropping rows;
the product packs a term once it has 64 postings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimcheck.matching.terms import set_weight
from claimcheck.services.ingest import IngestOptions, ingest_text
from claimcheck.services.repeats import postings
from claimcheck.services.repeats.candidates import candidates_for
from claimcheck.services.triage import edit_text
from claimcheck.storage import Claim, Database
from claimcheck.storage.models import ClaimToken, MatchToken, PostingCache
from tests.conftest import DATA, ENGLISH, SEED, Cli

OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
DAILYSOCIAL = DATA / "dailysocial-google-calendar.txt"


@pytest.fixture(autouse=True)
def pack_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postings, "REPACK_MIN", 1)
    postings._kept.clear()


def _index(db: Database) -> dict[int, list[tuple[int, int, int]]]:
    """Every term's postings as the index holds them: (claim, its set weight, count)."""
    with db.session(write=False) as session:
        weight = {
            cid: set_weight(text or "")
            for cid, text in session.execute(select(Claim.id, Claim.match_text))
        }
        found: dict[int, list[tuple[int, int, int]]] = {}
        for token_id, claim_id, count in session.execute(
            select(ClaimToken.token_id, ClaimToken.claim_id, ClaimToken.count).order_by(
                ClaimToken.token_id, ClaimToken.claim_id
            )
        ):
            found.setdefault(token_id, []).append((claim_id, weight[claim_id], count))
    return found


def _read(
    db: Database, *, written: set[int] | None = None
) -> dict[int, list[tuple[int, int, int]]]:
    with db.session() as session:
        holders = dict(session.execute(select(MatchToken.id, MatchToken.claims)).all())
        read = postings.read_postings(session, holders, written=written or ())
    return {
        token_id: list(zip(p.claims.tolist(), p.weights.tolist(), p.counts.tolist(), strict=True))
        for token_id, p in read.items()
        if len(p)
    }


def _packed_rows(db: Database) -> int:
    with db.session(write=False) as session:
        return session.scalar(select(func.count()).select_from(PostingCache)) or 0


def test_ingest_packs_rows_that_read_as_the_index(cli: Cli, db: Database) -> None:
    assert _packed_rows(db) == 0
    for path in (SEED, OTHER, ENGLISH, DAILYSOCIAL):
        assert cli("ingest", str(path)).exit_code == 0
    assert _packed_rows(db) > 0  # ingest packed the terms it looked up
    assert _read(db) == _index(db)
    postings._kept.clear()  # and as stored, not only as this process kept them
    assert _read(db) == _index(db)


def test_an_import_after_packing_is_read_past_the_packed_rows(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    assert cli("ingest", str(SEED)).exit_code == 0
    assert cli("ingest", str(OTHER)).exit_code == 0
    before = _packed_rows(db)
    assert cli("import", "claims", str(_archive(tmp_path))).exit_code == 0
    # The import wrote claim_token only; the packed rows are now behind it.
    assert _packed_rows(db) == before
    assert _read(db) == _index(db)


def _archive(folder: Path) -> Path:
    """Past checks to import: sentences of real IndoSum articles."""
    archive = folder / "checks.jsonl"
    lines = (DATA / "indosum-sample.jsonl").read_text(encoding="utf-8").splitlines()
    rows = []
    for number, line in enumerate(lines):
        for k, sentence in enumerate(json.loads(line)["text"].split(". ")[:20]):
            rows.append({"text": sentence, "external_id": f"is-{number}-{k}"})
    archive.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return archive


def test_an_edited_claim_is_found_by_its_new_words(cli: Cli, db: Database) -> None:
    assert cli("ingest", str(SEED)).exit_code == 0
    assert cli("ingest", str(OTHER)).exit_code == 0
    assert _read(db, written={10**9}) == _index(db)  # every term packed
    with db.session(write=False) as session:
        claim_id = session.scalar(select(func.min(Claim.id)))
    assert claim_id is not None
    new_text = "Sungai Mahakam meluap dan merendam ribuan rumah warga Samarinda"
    with db.session() as session:
        edit_text(session, claim_id=claim_id, text=new_text, reviewer="ana")
    index, read = _index(db), _read(db)
    # Every posting of the index, the edited claim's new ones included; the packed rows of
    # its old words may still name it (a candidate the comparison then turns down).
    assert index.keys() <= read.keys()
    for token_id, found in read.items():
        assert set(index.get(token_id, [])) <= set(found)
        assert {c for c, _, _ in set(found) - set(index.get(token_id, []))} <= {claim_id}
    with db.session(write=False) as session:
        found = candidates_for(session, "sungai mahakam meluap merendam rumah samarinda", "id", ())
    assert claim_id in {c.claim_id for c in found}


def test_a_rolled_back_repack_leaves_no_trace(cli: Cli, db: Database) -> None:
    assert cli("ingest", str(SEED)).exit_code == 0
    assert cli("ingest", str(OTHER)).exit_code == 0
    before = _stamps(db)
    raw = DAILYSOCIAL.read_text(encoding="utf-8")
    with pytest.raises(RuntimeError), db.session() as session:
        # An article indexed and looked up (its terms' rows repacked with it), then lost.
        ingest_text(session, raw=raw, source="lost.txt", options=IngestOptions())
        raise RuntimeError("the article failed after its look-up")
    assert _stamps(db) == before
    # This process's copies of the repacked rows name claims that were never stored.
    assert _read(db) == _index(db)


def _stamps(db: Database) -> dict[int, int]:
    with db.session(write=False) as session:
        return dict(session.execute(select(PostingCache.token_id, PostingCache.stamp)).all())


def test_no_row_is_packed_while_another_writer_is_open(
    engine_name: str, cli: Cli, db: Database, tmp_path: Path
) -> None:
    if engine_name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    assert cli("ingest", str(SEED)).exit_code == 0
    assert cli("import", "claims", str(_archive(tmp_path))).exit_code == 0  # rows behind
    before = _stamps(db)
    with db.session() as other:
        other.execute(select(1))  # a write transaction holding the writers' lock
        assert _read(db, written={10**9}) == _index(db)
        assert _stamps(db) == before
    _read(db, written={10**9})
    assert _stamps(db) != before  # packed now
