"""Every command has help, and the README documents every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command

from claimcheck.cli.app import app
from tests.conftest import invoke

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_paths() -> list[tuple[str, ...]]:
    root: Any = get_command(app)
    paths: list[tuple[str, ...]] = []

    def walk(command: Any, prefix: tuple[str, ...]) -> None:
        ctx = typer.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            path = (*prefix, name)
            if hasattr(sub, "list_commands"):
                walk(sub, path)
            else:
                paths.append(path)

    walk(root, ())
    return paths


COMMANDS = _command_paths()


def test_the_expected_commands_exist() -> None:
    assert {" ".join(p) for p in COMMANDS} >= {
        "ingest",
        "split",
        "verify",
        "dispute",
        "mark",
        "history",
        "articles list",
        "articles show",
        "claims list",
        "claims show",
        "evidence add",
        "db path",
        "db upgrade",
        "report",
        "export claimreview",
        "export jsonl",
        "import claimreview",
        "import jsonl",
    }


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_help_and_is_in_the_readme(path: tuple[str, ...]) -> None:
    run = invoke(*path, "--help")
    assert run.exit_code == 0
    assert "Usage:" in run.stdout
    assert f"claimcheck {' '.join(path)}" in README


def test_console_script_runs_in_a_real_process(db_url: str, tmp_path: Path) -> None:
    """The installed `claimcheck` script, not the in-process runner."""
    script = Path(sys.executable).parent / "claimcheck"
    seed = Path(__file__).parent / "data" / "inews-4-negara-sahabat-rusia.txt"
    done = subprocess.run(
        [str(script), "--db", db_url, "ingest", str(seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "26 claims" in done.stdout
    failed = subprocess.run(
        [str(script), "--db", db_url, "verify", "1"], capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith("Error: claim #1 has no evidence")
    assert "Traceback" not in failed.stderr


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    run = invoke("--version")
    assert run.exit_code == 0
    assert run.stdout == f"claimcheck {version('claimcheck')}\n"


def test_shell_completion_completes_commands(tmp_path: Path) -> None:
    """The script `--show-completion` prints, and the completions it asks the program for."""
    script = Path(sys.executable).parent / "claimcheck"
    shown = subprocess.run(
        [str(script), "--show-completion", "bash"], capture_output=True, text=True, check=False
    )
    assert shown.returncode == 0, shown.stderr
    assert "complete -o default -F _claimcheck_completion claimcheck" in shown.stdout
    # What bash runs on Tab after `claimcheck cla` and after `claimcheck report --for`.
    env = {**os.environ, "_CLAIMCHECK_COMPLETE": "complete_bash", "HOME": str(tmp_path)}
    for words, cword, expected in (
        ("claimcheck cla", "1", "claims"),
        ("claimcheck report --for", "2", "--format"),
    ):
        done = subprocess.run(
            [str(script)],
            env={**env, "COMP_WORDS": words, "COMP_CWORD": cword},
            capture_output=True,
            text=True,
            check=False,
        )
        assert expected in done.stdout.split(), (words, done.stdout, done.stderr)
    installed = subprocess.run(
        [str(script), "--install-completion", "bash"],
        env={**os.environ, "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    assert "claimcheck" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_a_mistyped_command_is_told_the_nearest_one() -> None:
    run = invoke("claim", "list")
    assert run.exit_code == 2
    assert "Error: No such command 'claim'. Did you mean 'claims'?" in run.stderr
    assert "did you mean" in invoke("verfy", "3").stderr.lower()
    unknown = invoke("zzz")
    assert unknown.exit_code == 2 and "No such command 'zzz'." in unknown.stderr
    assert "Did you mean" not in unknown.stderr
