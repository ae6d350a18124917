"""Reading an import file line by line, in bounded memory: a bad line is a problem in its
place (too long, not UTF-8), and the lines after it are still read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InvalidInput

#: Longer than any line an import file of past checks needs (a claim is at most
#: archive.MAX_CLAIM_CHARS characters); what is longer is refused without being held.
MAX_LINE_BYTES = 1 << 20
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # with its line ending, as csv wants it


def numbered_lines(path: Path, *, max_bytes: int = MAX_LINE_BYTES) -> Iterator[Line | InvalidInput]:
    """The file's lines, decoded; a line longer than ``max_bytes`` or not UTF-8 is an error
    in its place. Only the file as a whole failing to open is raised."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with handle:
        number = 0
        while True:
            try:
                data = handle.readline(max_bytes + 1)
            except OSError as exc:
                raise InvalidInput(f"{path}: cannot read it ({exc.strerror or exc})") from None
            if not data:
                return
            number += 1
            if number == 1 and data.startswith(_BOM):
                data = data[len(_BOM) :]
            if len(data) > max_bytes and not data.endswith(b"\n"):
                while data and not data.endswith(b"\n"):  # the rest of it, unread
                    data = handle.readline(max_bytes)
                yield InvalidInput(f"line {number}: longer than {max_bytes // 1024} KiB")
                continue
            try:
                yield Line(number, data.decode("utf-8"))
            except UnicodeDecodeError:
                yield InvalidInput(f"line {number}: not UTF-8 text")
