"""kill -9 at many points, then the same command again: the data as a clean run leaves it.

In the style of SQLite's crash tests: each command is first run cleanly to count its writes
(statements that change data, and commits); then, from the same starting database, it is
run again and killed with SIGKILL at chosen writes, spread from the first to the last (a
commit), in the middle of transactions and between them. After each kill the database must
be intact (SQLite's integrity and foreign-key checks, the history's hash chain, no article
half stored), and after running the same command again it must hold exactly what the clean
run left: articles, sentences, claims, evidence, history events, pairs, groups and the
search index, compared by their natural keys (ids may differ, PostgreSQL's sequences skip
numbers a rolled-back transaction took).

Each run is a forked child of the test process with the hook of tests/faults.py: a real
process that dies by SIGKILL, without the interpreter's start-up (claimcheck is imported
already), so a trial costs the command's own work.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claimcheck.storage import history
from tests import faults
from tests.conftest import DATA, ENGLISH, SEED, PostgresServer, invoke

OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
DAILYSOCIAL = DATA / "dailysocial-google-calendar.txt"
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
BBC = "https://www.bbc.com/news/articles/north-korea-troops"
KILL_POINTS = 4  # per command: the first write, the last (a commit) and two between


class Store:
    """Starting databases and their copies, on the engine under test."""

    def __init__(self, engine_name: str, tmp: Path, request: pytest.FixtureRequest) -> None:
        self.engine_name = engine_name
        self.tmp = tmp
        self.server: PostgresServer | None = None
        self.names: list[str] = []
        if engine_name == "sqlite":
            self.template = f"sqlite:///{request.getfixturevalue('sqlite_template')}"
        else:
            self.server = request.getfixturevalue("postgres")
            self.pg_template = request.getfixturevalue("postgres_template")

    def empty(self) -> str:
        """A new database at the newest schema, with no data."""
        if self.server is None:
            return self.copy(self.template)
        return self._pg(self.pg_template)

    def copy(self, url: str) -> str:
        if self.server is None:
            target = self.tmp / f"{uuid.uuid4().hex[:8]}.db"
            source = sqlite3.connect(sa.engine.make_url(url).database or "")
            copy = sqlite3.connect(target)
            with copy:
                source.backup(copy)  # the WAL's committed pages included
            source.close()
            copy.close()
            return f"sqlite:///{target}"
        return self._pg(str(sa.engine.make_url(url).database))

    def _pg(self, template: str) -> str:
        assert self.server is not None
        name = self.server.create(template=template)
        self.names.append(name)
        return self.server.url_for(name)

    def drop_all(self) -> None:
        if self.server is not None:
            for name in self.names:
                self.server.drop(name)


def _cli(url: str, *args: str) -> None:
    run = invoke("--db", url, *args)
    assert run.exit_code == 0, (args, run.stderr)


# ---------------------------------------------------------------- what a run leaves


def canonical(url: str) -> dict[str, Any]:
    """Everything the data holds, keyed by what identifies it rather than by ids: an
    article by its content hash, a claim by its article, sentence and position."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            article = dict(c.execute(sa.text("SELECT id, content_hash FROM article")).all())
            claim_rows = c.execute(
                sa.text(
                    "SELECT claim.id, sentence.article_id, sentence.position, claim.position "
                    "FROM claim JOIN sentence ON sentence.id = claim.sentence_id"
                )
            ).all()
            claim = {cid: (article[aid], spos, cpos) for cid, aid, spos, cpos in claim_rows}
            evidence = {
                eid: (claim[cid], url, stance, note)
                for eid, cid, url, stance, note in c.execute(
                    sa.text("SELECT id, claim_id, url, stance, note FROM evidence")
                )
            }
            token = dict(c.execute(sa.text("SELECT id, text FROM match_token")).all())
            events: dict[Any, list[Any]] = {}
            for row in c.execute(
                sa.text(
                    "SELECT claim_id, kind, actor, from_status, to_status, evidence_id, note, "
                    "rating, from_text, to_text FROM review_event ORDER BY id"
                )
            ):
                linked = evidence[row[5]] if row[5] is not None else None
                events.setdefault(claim[row[0]], []).append((*row[1:5], linked, *row[6:]))
            groups: dict[int, list[Any]] = {}
            for cid, gid in c.execute(sa.text("SELECT claim_id, group_id FROM claim_group_member")):
                groups.setdefault(gid, []).append(claim[cid])
            return {
                "articles": sorted(
                    (article[i], kind, url, title, revision, article.get(prev))
                    for i, kind, url, title, revision, prev in c.execute(
                        sa.text("SELECT id, kind, url, title, revision, previous_id FROM article")
                    )
                ),
                "sentences": sorted(
                    (article[aid], *rest)
                    for aid, *rest in c.execute(
                        sa.text(
                            "SELECT article_id, position, role, text, start_offset, end_offset "
                            "FROM sentence"
                        )
                    )
                ),
                "claims": sorted(
                    (claim[cid], *rest)
                    for cid, *rest in c.execute(
                        sa.text(
                            "SELECT id, text, status, rating, speaker, hedged, version, "
                            "priority, signals, assigned_to, awaiting_second, revision_change, "
                            "external_id, match_text, context, reference FROM claim"
                        )
                    )
                ),
                "evidence": sorted(
                    (evidence[eid], added_by)
                    for eid, added_by in c.execute(sa.text("SELECT id, added_by FROM evidence"))
                ),
                "events": sorted(events.items()),
                "pairs": sorted(
                    (*sorted((claim[a], claim[b])), kind, score, guards, decided_by)
                    for a, b, kind, score, guards, decided_by in c.execute(
                        sa.text(
                            "SELECT claim_a_id, claim_b_id, kind, score, guards, decided_by "
                            "FROM claim_match"
                        )
                    )
                ),
                "groups": sorted(sorted(members) for members in groups.values()),
                "tokens": sorted(c.execute(sa.text("SELECT text, claims FROM match_token")).all()),
                "postings": sorted(
                    (token[t], claim[cid], n)
                    for t, cid, n in c.execute(
                        sa.text("SELECT token_id, claim_id, count FROM claim_token")
                    )
                ),
            }
    finally:
        engine.dispose()


def assert_intact(url: str, clean: dict[str, Any]) -> None:
    """The database after a kill: consistent, its history verifies, and every article in it
    is whole (what the clean run stored for it, no sentence or claim missing)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            found = history.verify(connection)
            assert found.intact, found.problems
    finally:
        engine.dispose()
    now = canonical(url)
    stored = {a[0] for a in now["articles"]}
    # What ingest made of each stored article (its sentences, its claims' texts); verdicts
    # may be missing, the history check above holds each claim to its own.
    for part, width in (("sentences", None), ("claims", 2)):
        assert [r[:width] for r in now[part] if _article(r) in stored] == [
            r[:width] for r in clean[part] if _article(r) in stored
        ], part


def _article(row: tuple[Any, ...]) -> str:
    key = row[0]
    return str(key if isinstance(key, str) else key[0])


# ----------------------------------------------------------------- killing a command


def run_killed(url: str, args: list[str], kill_at: int, tmp: Path) -> tuple[int, int]:
    """The command against ``url`` in a child process, killed at write ``kill_at`` (0:
    never). Returns how it ended (minus the signal's number when killed) and, when it ended
    by itself, how many writes it made."""
    count_file = tmp / f"writes-{uuid.uuid4().hex[:8]}"
    pid = os.fork()
    if pid == 0:  # the child: claimcheck with the hook, then out without any clean-up
        status = 70
        try:
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            os.environ["CLAIMCHECK_DB"] = url
            status = faults.run(kill_at, count_file, args)
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    writes = int(count_file.read_text()) if count_file.exists() else -1
    return code, writes


def kill_points(writes: int) -> list[int]:
    """Where to kill: spread evenly from the first write to the last, the same every run."""
    return sorted({max(1, math.ceil(writes * k / (KILL_POINTS - 1))) for k in range(KILL_POINTS)})


@dataclass(frozen=True)
class Command:
    name: str
    prepare: Callable[[Store, Path], tuple[str, list[str]]]  # -> starting database, arguments


def _articles(tmp: Path) -> Path:
    folder = tmp / "articles"
    folder.mkdir(exist_ok=True)
    for path in (SEED, ENGLISH, DAILYSOCIAL):
        shutil.copy(path, folder / path.name)
    return folder


def _archive(tmp: Path) -> Path:
    """Past checks as a desk imports them: real IndoSum sentences with their articles' URLs."""
    rows = []
    ratings = ["Benar", "Salah", "Menyesatkan", "Tidak Terbukti"]
    for line in (DATA / "indosum-sample.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        for n, sentence in enumerate(article["text"].split(". ")[:2]):
            rows.append(
                {
                    "text": sentence.strip(),
                    "rating": ratings[len(rows) % len(ratings)],
                    "url": article["source_url"],
                    "external_id": f"{article['id']}-{n}",
                }
            )
    rows.append({"text": "Korea Utara mengirim pasukan ke Rusia", "rating": "Benar", "url": BBC})
    path = tmp / "checks.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _desk(store: Store, tmp: Path) -> str:
    """Two articles sharing claims, a group grown by a reviewer, verdicts, past checks."""
    url = store.empty()
    _cli(url, "ingest", str(SEED), str(OTHER))
    group = invoke("--db", url, "dupes", "--json").json()[0]["claim_ids"]
    _cli(url, "dupes", "confirm", str(group[0]), "3")
    _cli(url, "dupes", "confirm", str(group[0]), "4")
    return url


def _ingest(store: Store, tmp: Path) -> tuple[str, list[str]]:
    return store.empty(), ["ingest", str(_articles(tmp))]


def _group_verdict(store: Store, tmp: Path) -> tuple[str, list[str]]:
    url = _desk(store, tmp)
    group = invoke("--db", url, "dupes", "--json").json()[0]["claim_ids"]
    return url, ["verify", str(group[0]), "--group", "-e", REUTERS, "--note", "KCNA, Reuters"]


def _verdicts(store: Store, tmp: Path) -> tuple[str, list[str]]:
    url = store.empty()
    _cli(url, "ingest", str(SEED))
    return url, ["dispute", "5", "6", "7", "8", "-e", BBC, "-e", REUTERS, "--rating", "Salah"]


def _scan(store: Store, tmp: Path) -> tuple[str, list[str]]:
    url = _desk(store, tmp)
    _cli(url, "ingest", str(ENGLISH))
    _cli(url, "import", "claims", str(_archive(tmp)))
    return url, ["dupes", "scan"]


def _restore(store: Store, tmp: Path) -> tuple[str, list[str]]:
    desk = _desk(store, tmp)
    group = invoke("--db", desk, "dupes", "--json").json()[0]["claim_ids"]
    _cli(desk, "verify", str(group[0]), "--group", "-e", REUTERS)
    _cli(desk, "dispute", "9", "-e", BBC, "--rating", "Menyesatkan", "--note", "BBC")
    _cli(desk, "import", "claims", str(_archive(tmp)))
    backup = tmp / "desk.jsonl"
    _cli(desk, "export", "jsonl", "-o", str(backup))
    return store.empty(), ["import", "jsonl", str(backup)]


def _import(store: Store, tmp: Path) -> tuple[str, list[str]]:
    url = store.empty()
    _cli(url, "ingest", str(SEED))
    return url, ["import", "claims", str(_archive(tmp))]


COMMANDS = [
    Command("ingest", _ingest),
    Command("group-verdict", _group_verdict),
    Command("verdicts", _verdicts),
    Command("restore", _restore),
    Command("import-claims", _import),
    Command("scan", _scan),
]


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """What the commands load once (the language model, stemmers, the HTML reader, the
    compiled join), loaded in the test process, so each forked trial starts with it."""
    scratch = f"sqlite:///{tmp_path_factory.mktemp('warm') / 'warm.db'}"
    assert invoke("--db", scratch, "ingest", str(SEED), str(ENGLISH)).exit_code == 0
    # The scan's compiled join too (its threads are done when it returns: safe to fork).
    assert invoke("--db", scratch, "dupes", "scan").exit_code == 0


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_kill_9_anywhere_then_again_gives_the_clean_result(
    warm: None,
    command: Command,
    engine_name: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "ayu")
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    store = Store(engine_name, tmp_path, request)
    try:
        start, args = command.prepare(store, tmp_path)
        reference = store.copy(start)
        code, writes = run_killed(reference, args, 0, tmp_path)
        assert code == 0 and writes > 0, (code, writes)
        print(f"{command.name}: {writes} writes, killed at {kill_points(writes)}")
        clean = canonical(reference)
        for kill_at in kill_points(writes):
            trial = store.copy(start)
            code, _ = run_killed(trial, args, kill_at, tmp_path)
            assert code == -9, (kill_at, code)
            assert_intact(trial, clean)
            again, _ = run_killed(trial, args, 0, tmp_path)
            assert again == 0, kill_at
            assert canonical(trial) == clean, f"killed at write {kill_at} of {writes}"
    finally:
        store.drop_all()
