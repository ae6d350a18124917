"""A parsed sentence as a tree to cut: children, subtrees, and the text of a set of words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.pipeline.parse import Parse, Token

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl", "nsubj:outer"})
PUNCT_TRIM = frozenset(",;:-–—/")
_SET_OFF = frozenset({",", "(", "—", "–", "-", "--"})
QUOTES_OPEN = "\"“‘'«"
QUOTES_CLOSE = "\"”’'»"


@dataclass(frozen=True)
class Piece:
    """Words of the sentence making up (part of) a claim, and words written back in front."""

    words: frozenset[int]
    restored: tuple[str, ...] = ()  # e.g. the elided subject, an English auxiliary


class Tree:
    def __init__(self, parse: Parse) -> None:
        self.parse = parse
        self.tokens = parse.tokens
        self.children: list[list[int]] = [[] for _ in self.tokens]
        self.roots: list[int] = []
        for t in self.tokens:
            if t.head == t.i or t.dep == "root":
                self.roots.append(t.i)
            else:
                self.children[t.head].append(t.i)
        self._subtree: dict[int, frozenset[int]] = {}

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def open_quote(self, i: int) -> int | None:
        """The double quotation mark still open at word ``i`` (the innermost), if any;
        single quotes double as apostrophes and are not counted."""
        stack: list[int] = []
        for w in range(i):
            text = self[w].text
            if text in {"“", "«"}:
                stack.append(w)
            elif text in {"”", "»"}:
                if stack:
                    stack.pop()
            elif text == '"':
                if stack and self[stack[-1]].text == '"':
                    stack.pop()
                elif not (w > 0 and self[w - 1].end == self[w].start):
                    # a mark glued to the word before it closes a quotation opened in an
                    # earlier sentence ('... to the region," the message claimed')
                    stack.append(w)
        return stack[-1] if stack else None

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of ``i``, only those with one of ``deps`` (full or base relation) if given."""
        if not deps:
            return self.children[i]
        return [c for c in self.children[i] if self[c].dep in deps or self[c].rel in deps]

    def subtree(self, i: int) -> frozenset[int]:
        cached = self._subtree.get(i)
        if cached is not None:
            return cached
        out = {i}
        stack = list(self.children[i])
        while stack:
            c = stack.pop()
            if c not in out:  # a malformed parse must not loop
                out.add(c)
                stack.extend(self.children[c])
        result = frozenset(out)
        self._subtree[i] = result
        return result

    def tops(self, words: frozenset[int]) -> list[int]:
        """The words of a set whose head is outside it (or who head themselves)."""
        return [w for w in words if self[w].head not in words or self[w].head == w]

    def first_word(self, i: int) -> int:
        """The first word of ``i``'s subtree that is not punctuation."""
        return min((x for x in self.subtree(i) if self.tokens[x].pos != "PUNCT"), default=i)

    def opens(self, w: int) -> bool:
        """Whether word ``w`` is the first of the sentence's text (where a capital says
        nothing of a name)."""
        opening = next((n for n, ch in enumerate(self.parse.text) if ch.isalnum()), 0)
        return self[w].start == opening

    def glued(self, w: int) -> bool:
        """A mark written inside a word, no space either side ("al-Sadr", "O'Brien")."""
        return (
            0 < w < len(self.tokens) - 1
            and self[w - 1].end == self[w].start
            and self[w].end == self[w + 1].start
        )

    def subject(self, i: int) -> int | None:
        found = self.kids(i, *SUBJECTS)
        return found[0] if found else None

    def text(self, words: Iterable[int]) -> str:
        """The words in sentence order: the original text between neighbours, a space across
        a gap left by words taken out."""
        ordered = sorted(words)
        if not ordered:
            return ""
        source = self.parse.text
        out = [self[ordered[0]].text]
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b == a + 1:
                out.append(source[self[a].end : self[b].start])
            else:
                out.append(" ")
            out.append(self[b].text)
        return "".join(out)

    def spans(self, words: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """Offsets (into the sentence) of the runs of consecutive words."""
        ordered = sorted(words)
        runs: list[tuple[int, int]] = []
        for i in ordered:
            if runs and i == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        return tuple((self[a].start, self[b].end) for a, b in runs)

    def before(self, i: int) -> Token | None:
        return self[i - 1] if i > 0 else None

    def after(self, i: int) -> Token | None:
        return self[i + 1] if i + 1 < len(self) else None

    def set_off(self, words: frozenset[int]) -> bool:
        """Whether a run of words stands between commas, brackets or dashes (or a comma and
        the end): the mark of a non-restrictive clause."""
        inner = [w for w in words if self[w].pos != "PUNCT"]
        if not inner:
            return False
        first, last = min(inner), max(inner)
        left = self.before(first)
        right = self.after(last)
        opened = left is not None and left.text in _SET_OFF
        closed = right is None or right.text in _SET_OFF | {")", ".", ";", "!", "?"}
        return opened and closed
