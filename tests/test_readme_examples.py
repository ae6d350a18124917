"""Every `claimcheck ...` command in the README's code blocks runs, as written, on a prepared
database: the seed article stored, real web pages in `today/` for the session's first line.

A README edit that breaks an example fails here, whoever made it. (The Quickstart block,
which runs `.venv/bin/claimcheck` in a fresh clone, is run by scripts/quickstart.)
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED, Cli

README = Path(__file__).resolve().parents[1] / "README.md"
PAGES = DATA / "pages"
# English pages, so their claims are split (a reviewer's `today/` folder).
TODAY = ("phys.org.tool.html", "nature.com.telescope.html", "salon.com.emissions.html")


def readme_commands(text: str) -> list[str]:
    """The `claimcheck` lines of every fenced code block, in README order."""
    commands = []
    for block in re.findall(r"^ *```[a-z]*\n(.*?)^ *```", text, re.S | re.M):
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("claimcheck "):
                commands.append(line)
    return commands


def test_the_readme_has_examples_to_run() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 10
    assert "claimcheck articles list" in commands


def test_every_readme_example_runs(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = cli("ingest", str(SEED))
    assert stored.exit_code == 0, stored.stderr
    today = tmp_path / "work" / "today"
    today.mkdir(parents=True)
    for name in TODAY:
        shutil.copy(PAGES / name, today / name)
    monkeypatch.chdir(tmp_path / "work")
    # `--install-completion` writes to the shell's start-up files: a HOME of the test's own.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    failed = []
    for line in readme_commands(README.read_text(encoding="utf-8")):
        words = shlex.split(line, comments=True)
        args = [found for word in words[1:] for found in (sorted(glob.glob(word)) or [word])]
        run = cli(*args, input="")
        if run.exit_code != 0:
            failed.append(f"{line}\n  exit {run.exit_code}: {run.stderr.strip()[:300]}")
    assert not failed, "README examples that fail:\n" + "\n".join(failed)
    # What the session's last lines wrote is there and whole.
    assert (tmp_path / "work" / "laporan.html").read_text(encoding="utf-8").endswith("</html>\n")
    assert (tmp_path / "home" / ".bashrc").is_file()
    assert '"ClaimReview"' in (tmp_path / "work" / "claimreview.json").read_text(encoding="utf-8")
