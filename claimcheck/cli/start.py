"""The `claimcheck` console script: Python's garbage collector is off while the command's
modules are imported, then on again for the command itself.

Importing Typer, SQLAlchemy and a command's modules makes hundreds of thousands of objects
that live as long as the process, and the collector went over them again and again as they
were made: a fresh `claimcheck claims list` took 0.87 s of CPU with it on, 0.69 s with it off
while importing. What was imported is then frozen (``gc.freeze``): a long command (an
ingest, an import, a scan) collects its own garbage without going over the modules' objects
each time.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from claimcheck.cli.app import main as run

    run()


def loaded() -> None:
    """A command's modules are imported (cli/app.py calls this): collect from here on."""
    if not gc.isenabled():  # only where main() turned it off: never in a test process
        gc.freeze()
        gc.enable()
