"""Ratings on verdicts, and the verification report in its four formats, read back by parsers."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.conftest import DATA, SEED, Cli
from tests.test_hostile_text import HOSTILE_ARTICLE

REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
BBC = "https://www.bbc.com/news/articles/c4gx1dn1x4do"
OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
HOSTILE_NOTE = "see <script>alert('note')</script> and [this](javascript:alert(2))"


def _claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    run = cli("claims", "list", "--limit", "0", "--json", *args)
    assert run.exit_code == 0, run.stderr
    return run.json()  # type: ignore[no-any-return]


def _find(claims: list[dict[str, Any]], words: str) -> int:
    return next(int(c["id"]) for c in claims if words in c["text"])


# --------------------------------------------------------------------------------- ratings


def test_rating_labels_are_matched_in_either_language(cli: Cli) -> None:
    cli("ingest", str(SEED))
    claims = _claims(cli)
    troops = _find(claims, "telah mengirim pasukan untuk membantu Rusia")
    run = cli("dispute", str(troops), "-e", REUTERS, "--rating", "  misleading ", "-r", "Ayu")
    assert run.exit_code == 0, run.stderr
    assert "pending -> disputed (Menyesatkan)" in run.stdout
    shown = cli("claims", "show", str(troops), "--json").json()
    assert (shown["status"], shown["rating"]) == ("disputed", "Menyesatkan")
    assert shown["history"][-1]["rating"] == "Menyesatkan"
    listed = {c["id"]: c for c in _claims(cli)}
    assert listed[troops]["rating"] == "Menyesatkan"

    # A stricter rating of the same status is a new verdict in the history.
    assert cli("dispute", str(troops), "--rating", "Salah", "-r", "Budi").exit_code == 0
    history = cli("history", str(troops), "--json").json()
    verdicts = [(e["actor"], e["to_status"], e["rating"]) for e in history if e["kind"] == "status"]
    assert verdicts == [("Ayu", "disputed", "Menyesatkan"), ("Budi", "disputed", "Salah")]

    # A new status without a rating does not keep the old status's rating.
    assert cli("mark", str(troops), "pending").exit_code == 0
    assert cli("claims", "show", str(troops), "--json").json()["rating"] is None


def test_unknown_or_mismatched_ratings_are_refused_and_save_nothing(cli: Cli) -> None:
    cli("ingest", str(SEED))
    claim = _find(_claims(cli), "telah mengirim pasukan untuk membantu Rusia")
    run = cli("verify", str(claim), "-e", REUTERS, "--rating", "Hoaks")
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: unknown rating 'Hoaks'; known ratings: Benar / True")
    assert "Menyesatkan / Misleading (disputed, 0.25)" in run.stderr
    run = cli("verify", str(claim), "-e", REUTERS, "--rating", "Salah")
    assert run.exit_code == 1
    assert "'Salah' is a disputed rating" in run.stderr
    assert f'claimcheck dispute {claim} --rating "Salah"' in run.stderr
    run = cli("mark", str(claim), "dismissed", "--rating", "Tidak Terbukti")
    assert f'claimcheck mark {claim} unverifiable --rating "Tidak Terbukti"' in run.stderr
    shown = cli("claims", "show", str(claim), "--json").json()
    assert (shown["status"], shown["rating"], shown["evidence"], shown["history"]) == (
        "pending",
        None,
        [],
        [],
    )


DESK_SCALE = """
rating_language = "id"

[organization]
name = "Cek Fakta Desk"
url = "https://cekfakta.example.id"

[[ratings]]
label = "Fakta"
status = "verified"
score = 1.0
translations = { en = "Fact" }

[[ratings]]
label = "Hoaks"
status = "disputed"
score = 0
translations = { en = "Hoax" }
"""


def test_a_desk_replaces_the_scale_with_its_own(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(DESK_SCALE, encoding="utf-8")
    cli("ingest", str(SEED))
    claim = _find(_claims(cli), "telah mengirim pasukan untuk membantu Rusia")
    refused = cli(
        "--config", str(config), "dispute", str(claim), "-e", REUTERS, "--rating", "Salah"
    )
    assert refused.exit_code == 1
    assert "known ratings: Fakta / Fact (verified, 1), Hoaks / Hoax (disputed, 0)" in refused.stderr
    run = cli(
        "dispute",
        str(claim),
        "-e",
        REUTERS,
        "--rating",
        "hoax",
        env={"CLAIMCHECK_CONFIG": str(config)},
    )
    assert run.exit_code == 0, run.stderr
    assert cli("claims", "show", str(claim), "--json").json()["rating"] == "Hoaks"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[[ratings]]\nlabel = 'X'\nstatus = 'verified'\nscore = 2\n",
            "score must be between 0 and 1",
        ),
        ("[[ratings]]\nlabel = 'X'\nstatus = 'dismissed'\nscore = 1\n", "cannot mean dismissed"),
        ("[matching]\nsuggest = 95\nlink = 90\n", "suggest <= link"),
        ("[organisation]\nname = 'x'\n", "unknown setting 'organisation'"),
        ("ratings = [\n", "not a valid TOML settings file"),
        # Every value type-checked, naming its key; unknown keys refused.
        ('[review]\nsecond_review = "false"\n', "[review] second_review must be true or false"),
        ("[review]\nsecond_review = 1\n", "[review] second_review must be true or false"),
        ('[review]\nlease_minutes = "15"\n', "[review] lease_minutes must be a whole number"),
        ("[review]\nlease_minutes = 2.5\n", "[review] lease_minutes must be a whole number"),
        ("[review]\nsecond_reveiw = true\n", "unknown setting 'second_reveiw' in [review]"),
        ('[matching]\nsuggest = "80"\n', "[matching] suggest must be a number"),
        ("[organization]\nname = 7\n", "[organization] name must be a string"),
        ("review = 3\n", "[review] must be a table"),
        ("[review]\nlease_minutes = " + "9" * 5000 + "\n", "not a valid TOML settings file"),
        ("ratings = 'Benar'\n", "ratings must be a list"),
        ('[organization]\nurl = "javascript:alert(1)"\n', "[organization] url"),
        ('[organization]\nreview_url = "https://cek.example.id/{id}\\"><x"\n', "review_url"),
    ],
)
def test_a_bad_settings_file_is_one_clear_error(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(text, encoding="utf-8")
    run = cli("--config", str(config), "verify", "1", "-e", REUTERS, "--rating", "X")
    assert run.exit_code == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"Error: {config}: ") and message in line, line
    assert "Traceback" not in run.stderr
    missing = cli("--config", str(tmp_path / "nope.toml"), "verify", "1", "--rating", "Benar")
    assert missing.exit_code == 1 and "cannot read the settings file" in missing.stderr


# --------------------------------------------------------------------------------- reports


@pytest.fixture
def reviewed(cli: Cli, tmp_path: Path) -> dict[str, int]:
    """The seed article with a few verdicts, and a hostile article, as a desk leaves them."""
    cli("ingest", str(SEED), "--url", "https://www.inews.id/news/internasional/4-negara")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    cli("ingest", str(hostile))
    claims = _claims(cli)
    ids = {
        "troops": _find(claims, "telah mengirim pasukan untuk membantu Rusia"),
        "ally": _find(claims, "Rusia tetap memiliki sekutu kuat di Asia"),
        "four": _find(claims, "Empat negara itu adalah"),
        "link": _find(claims, "[sumber](javascript:alert(1))"),
    }
    runs = [
        cli(
            "verify",
            str(ids["troops"]),
            "-e",
            REUTERS,
            "--rating",
            "Benar",
            "-r",
            "Ayu",
            "--note",
            "KCNA statement, Reuters",
        ),
        cli(
            "evidence",
            "add",
            str(ids["ally"]),
            BBC,
            "--stance",
            "refutes",
            "--note",
            HOSTILE_NOTE,
            "-r",
            "Budi",
        ),
        cli(
            "dispute",
            str(ids["ally"]),
            "--rating",
            "Menyesatkan",
            "-r",
            "Budi",
            "--note",
            HOSTILE_NOTE,
        ),
        cli("mark", str(ids["four"]), "unverifiable", "--rating", "Tidak Terbukti", "-r", "Ayu"),
        cli("mark", str(ids["link"]), "dismissed", "-r", "Ayu"),
    ]
    assert all(r.exit_code == 0 for r in runs), [r.stderr for r in runs]
    return ids


def test_markdown_report_reads_right_and_keeps_hostile_text_as_text(
    cli: Cli, reviewed: dict[str, int]
) -> None:
    run = cli("report")
    assert run.exit_code == 0, run.stderr
    text = run.stdout
    # An Indonesian desk (the default rating_language): the report speaks Indonesian.
    assert text.startswith("# Laporan verifikasi\n")
    assert "29 klaim dalam 2 artikel: 4 sudah diperiksa, 25 menunggu." in text
    assert "| terverifikasi | 1 |" in text and "| dibantah | 1 |" in text
    assert "| Menyesatkan | 1 |" in text and "| Benar | 1 |" in text
    assert f"### Klaim #{reviewed['troops']}: terverifikasi (Benar, 1)" in text
    assert f"### Klaim #{reviewed['ally']}: dibantah (Menyesatkan, 0.25)" in text
    assert "- Diperiksa oleh Ayu, " in text and ": KCNA statement, Reuters" in text
    assert "  - membantah [www.bbc.com]" in text  # the evidence's stance

    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered
    assert "javascript:" not in rendered.replace("(javascript:alert", "")
    assert 'href="javascript' not in rendered
    assert "&lt;script&gt;alert('note')&lt;/script&gt;" in rendered.replace("&#x27;", "'")
    assert "[sumber](javascript:alert(1))" in rendered  # shown literally, not as a link
    assert f'<a href="{REUTERS}">www.reuters.com</a>' in rendered
    assert f'<a href="{BBC}">www.bbc.com</a>' in rendered
    assert 'href="https://www.inews.id/news/internasional/4-negara"' in rendered
    assert "<th>status</th>" in rendered  # the summary tables are real tables


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []
        self.text: list[str] = []
        self.claims: dict[str, str] = {}
        self._claim: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "a":
            self.links.append(values.get("href") or "")
        for name in ("src", "srcset", "data", "poster"):
            if values.get(name):
                self.resources.append(values[name] or "")
        if tag == "link":
            self.resources.append(values.get("href") or "")
        if tag == "article":
            self._claim = values.get("id")
            assert self._claim is not None
            self.claims[self._claim] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._claim = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._claim:
            self.claims[self._claim] += data


def test_html_report_is_one_safe_self_contained_page(
    cli: Cli, reviewed: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    run = cli("report", "--format", "html", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "" and f"wrote {out}" in run.stderr
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    assert "script" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert page.resources == []
    assert all(link.startswith("https://") for link in page.links), page.links
    assert REUTERS in page.links and BBC in page.links
    assert "svg" in page.tags and page.tags.count("rect") == 5  # the status chart
    text = "".join(page.text)
    assert "29 klaim dalam 2 artikel: 4 sudah diperiksa, 25 menunggu." in " ".join(text.split())
    troops = page.claims[f"claim-{reviewed['troops']}"]
    assert "terverifikasi (Benar, 1)" in troops and "Diperiksa oleh Ayu" in troops
    ally = page.claims[f"claim-{reviewed['ally']}"]
    assert "dibantah (Menyesatkan, 0.25)" in ally
    assert "<script>alert('note')</script>" in ally  # the note, as text
    assert "[sumber](javascript:alert(1))" in page.claims[f"claim-{reviewed['link']}"]


def test_report_words_and_ratings_follow_rating_language(
    cli: Cli, reviewed: dict[str, int], tmp_path: Path
) -> None:
    english = tmp_path / "english-desk.toml"
    english.write_text('rating_language = "en"\n', encoding="utf-8")
    text = cli("--config", str(english), "report").stdout
    assert text.startswith("# Verification report\n")
    assert "29 claims in 2 articles: 4 reviewed, 25 pending." in text
    assert "| verified | 1 |" in text and "| dismissed | 1 |" in text
    # The default scale's labels, in English: Benar is True, Menyesatkan Misleading.
    assert "| Misleading | 1 |" in text and "| True | 1 |" in text
    assert f"### Claim #{reviewed['troops']}: verified (True, 1)" in text
    assert f"### Claim #{reviewed['ally']}: disputed (Misleading, 0.25)" in text
    assert "- Reviewed by Ayu, " in text and "  - refutes [www.bbc.com]" in text
    page = cli("--config", str(english), "report", "--format", "html").stdout
    assert '<html lang="en">' in page and "<title>Verification report</title>" in page
    indonesian = cli("report", "--format", "html").stdout
    assert '<html lang="id">' in indonesian and "<title>Laporan verifikasi</title>" in indonesian
    assert ">tak dapat diverifikasi</text>" in indonesian  # the chart's labels too
    data = json.loads(cli("--config", str(english), "report", "--json").stdout)
    assert data["language"] == "en" and data["summary"]["by_rating"]["Misleading"] == 1


def test_json_and_csv_reports_carry_every_claim(cli: Cli, reviewed: dict[str, int]) -> None:
    data = json.loads(cli("report", "--format", "json").stdout)
    # `--json`, as every other command has it, is the same report (but for its time stamp).
    alias = json.loads(cli("report", "--json").stdout)
    assert {**alias, "generated_at": None} == {**data, "generated_at": None}
    mixed = cli("report", "--json", "--format", "csv")
    assert mixed.exit_code == 2 and "--json is --format json" in mixed.stderr
    assert data["summary"]["by_status"] == {
        "pending": 25,
        "verified": 1,
        "disputed": 1,
        "unverifiable": 1,
        "dismissed": 1,
    }
    assert data["summary"]["by_rating"] == {"Benar": 1, "Menyesatkan": 1, "Tidak Terbukti": 1}
    seed = data["articles"][0]
    assert seed["outlet"] == "iNews.id" and seed["author"] == "Zulhilmi Yahya"
    assert len(seed["claims"]) == 26
    ally = next(c for c in seed["claims"] if c["id"] == reviewed["ally"])
    assert (ally["status"], ally["rating"], ally["rating_score"]) == (
        "disputed",
        "Menyesatkan",
        0.25,
    )
    assert (ally["reviewed_by"], ally["verdict_note"]) == ("Budi", HOSTILE_NOTE)
    assert [(e["url"], e["stance"], e["note"]) for e in ally["evidence"]] == [
        (BBC, "refutes", HOSTILE_NOTE)
    ]

    rows = list(csv.DictReader(io.StringIO(cli("report", "--format", "csv").stdout)))
    assert len(rows) == 29
    by_id = {int(r["claim_id"]): r for r in rows}
    troops = by_id[reviewed["troops"]]
    assert (troops["status"], troops["rating"], troops["rating_score"]) == (
        "verified",
        "Benar",
        "1",
    )
    assert troops["evidence"] == f"supports {REUTERS}"
    assert troops["reviewed_by"] == "Ayu"
    hostile_rows = [r for r in rows if r["article_id"] != troops["article_id"]]
    assert all(not r["text"].startswith(("=", "+", "-", "@")) for r in rows)
    # the claim cut from "@SUM(A1:A9) adalah rumus ..." opens with a formula character
    assert any(r["text"].startswith("'@SUM(A1:A9)") for r in hostile_rows)


def test_report_filters(cli: Cli, reviewed: dict[str, int]) -> None:
    def ids(*args: str) -> set[int]:
        data = json.loads(cli("report", "--format", "json", *args).stdout)
        return {c["id"] for a in data["articles"] for c in a["claims"]}

    assert ids("--reviewer", "ayu") == {reviewed["troops"], reviewed["four"], reviewed["link"]}
    assert ids("--status", "disputed", "--status", "verified") == {
        reviewed["troops"],
        reviewed["ally"],
    }
    seed_only = ids("--article", "1")
    assert reviewed["link"] not in seed_only and len(seed_only) == 26
    assert ids("--until", "2000-01-01") == set()
    assert len(ids("--since", "2000-01-01")) == 29
    empty = cli("report", "--until", "2000-01-01")
    assert "Tidak ada klaim yang cocok dengan filter ini." in empty.stdout
    for args, message in [
        (("--since", "yesterday-ish"), "--since 'yesterday-ish' is not a date"),
        (("--since", "2025-02-02", "--until", "2025-01-01"), "is after --until"),
        (("--article", "99"), "no article #99"),
        (("--status", "done"), "unknown status"),
    ]:
        run = cli("report", *args)
        assert run.exit_code == 1 and message in run.stderr, (args, run.stderr)


def test_report_says_where_else_the_claim_appeared(cli: Cli) -> None:
    cli("ingest", str(SEED))
    cli("ingest", str(OTHER), "--url", "https://kabardunia.example/korut-iran")
    troops = _find(_claims(cli, "--article", "1"), "telah mengirim pasukan untuk membantu Rusia")
    assert cli("verify", str(troops), "-e", REUTERS, "--rating", "Benar").exit_code == 0
    data = json.loads(cli("report", "--format", "json", "--article", "1").stdout)
    [claim] = [c for c in data["articles"][0]["claims"] if c["id"] == troops]
    [elsewhere] = claim["also_in"]
    assert (
        elsewhere["article_id"] == 2 and elsewhere["url"] == "https://kabardunia.example/korut-iran"
    )
    other = _find(_claims(cli, "--article", "2"), "Korea Utara telah mengirim pasukan")
    assert elsewhere["claim_id"] == other
    text = cli("report", "--article", "1").stdout
    assert f"(klaim #{other}" in text and "](https://kabardunia.example/korut-iran)" in text


def test_report_to_an_unwritable_place_is_a_clear_error(
    cli: Cli, reviewed: dict[str, int], tmp_path: Path
) -> None:
    run = cli("report", "-o", str(tmp_path / "no-such-folder" / "r.md"))
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: cannot write ") and "Traceback" not in run.stderr


CHROMIUM = Path(os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium"))


@pytest.mark.parametrize("engine_name", ["sqlite"])  # the page, not the database, is tested
def test_html_report_in_a_real_browser(cli: Cli, reviewed: dict[str, int], tmp_path: Path) -> None:
    """Debian's Chromium, headless: no console errors, no network requests, fits a phone."""
    if not CHROMIUM.exists() or importlib.util.find_spec("playwright") is None:
        if os.environ.get("CLAIMCHECK_TEST_REQUIRE_BROWSER"):
            pytest.fail(f"no browser: {CHROMIUM} and the playwright package are needed")
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    assert cli("report", "--format", "html", "-o", str(page_file)).exit_code == 0
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            for width, name in ((1000, "desktop"), (390, "phone")):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: problems.append(str(e)))
                page.on("request", lambda r: requests.append(r.url))
                page.goto(page_file.as_uri())
                claims = page.locator("article.claim").count()
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                shot = tmp_path / f"report-{name}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert claims == 29
                assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen"
                assert shot.stat().st_size > 20_000  # a page with content, not a blank one
                page.close()
        finally:
            browser.close()
    assert problems == []
    assert requests == [page_file.as_uri()] * 2  # the page itself, and nothing else
