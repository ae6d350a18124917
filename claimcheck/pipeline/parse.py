"""Dependency parses of sentences, from the spaCy pipelines that ship inside the package.

The pipelines (claimcheck/models/<lang>/, trained on Universal Dependencies treebanks by
training/train.py) are loaded from the package directory only, once per process and only
when a sentence has to be parsed: commands that do not split text never import spaCy. The
parse comes back as plain frozen data, so the claim rules never touch spaCy objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimcheck.pipeline.lexicon import ABBREVIATIONS, SAYING_WITHOUT_OBJECT, en_present_in_s

MODELS = Path(__file__).resolve().parents[1] / "models"
#: Sentences per batch handed to spaCy (its own default is 256 for nlp.pipe).
BATCH_SIZE = 256


@dataclass(frozen=True)
class Token:
    """One word of a parsed sentence; ``start``/``end`` are offsets into the sentence."""

    i: int
    text: str
    start: int
    end: int
    pos: str  # Universal POS tag
    dep: str  # Universal Dependencies relation to the head ("root" for the root)
    head: int  # index of the head token; the root points at itself
    feats: str = ""  # UD features, "VerbForm=Part|Tense=Past"

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def rel(self) -> str:
        """The relation without its subtype: "acl:relcl" -> "acl"."""
        return self.dep.split(":", 1)[0]

    def feature(self, name: str) -> str | None:
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Parse:
    """A sentence and its dependency tree."""

    text: str
    tokens: tuple[Token, ...]


def available(lang: str) -> bool:
    return (MODELS / lang / "config.cfg").is_file()


# spaCy keeps every new word it meets in its vocabulary for good, so a long ingest (or a
# desk's all-day process) would grow without end: about 30 words an IndoSum article. Past
# this many words beyond the vocabulary it was loaded with, the pipeline is loaded afresh
# (0.3 s; the parses do not change).
VOCAB_GROWTH = 100_000
_loaded: dict[str, tuple[Any, int]] = {}


def _pipeline(lang: str) -> Any:
    if lang in _loaded:
        nlp, size = _loaded[lang]
        if len(nlp.vocab) - size <= VOCAB_GROWTH:
            return nlp
    import spacy  # lazily: only text splitting pays for it

    path = MODELS / lang
    if not available(lang):
        from claimcheck.errors import ClaimcheckError

        raise ClaimcheckError(
            f"the {lang} parser is missing from the package ({path}); reinstall claimcheck"
        )
    # The tokenizer saved with a pipeline is the language's own, which spaCy would build
    # anyway before reading the saved copy; it is not read (that doubled the load).
    # Indonesian gets its own (_indonesian_tokenizer), the rest the language's.
    overrides = {}
    if lang == "id":
        _register_tokenizer(spacy)
        overrides = {"nlp": {"tokenizer": {"@tokenizers": INDONESIAN_TOKENIZER}}}
    nlp = spacy.load(path, exclude=["tokenizer"], config=overrides)
    _loaded[lang] = (nlp, len(nlp.vocab))
    return nlp


INDONESIAN_TOKENIZER = "claimcheck.IndonesianTokenizer.v1"
# A hyphen between two letters, as spaCy's Indonesian infix rules split it: as one of the
# hyphens between letters, and before a letter or currency.
_HYPHEN_BETWEEN_LETTERS = ("(?:-|–|", "(?:–|"), (r"])[\/-](?=", r"])[\/](?=")


def _indonesian_tokenizer(vocab: Any) -> Any:
    """spaCy's Indonesian tokenizer, with one change: a hyphen between letters does not split
    a word ("masing-masing", "K-pop", "Jakarta-Bandung"). spaCy splits such hyphens and then
    keeps 15,614 listed words whole (reduplications, "Al-Quran") as special cases, whose
    building is 3.1 s of every load; the rule takes 0.1 s. On 1,000 IndoSum articles (362,596
    tokens) both give the same tokens; they differ on a hyphenated word not in the list,
    which UD's Indonesian treebanks mostly keep whole too (CSUI train: 131 whole, 20 split;
    GSD: all whole). tests/test_parser.py holds the difference to that."""
    import re

    from spacy.attrs import ORTH
    from spacy.lang.id import Indonesian
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = Indonesian.Defaults
    infixes = []
    for pattern in defaults.infixes:
        for old, new in _HYPHEN_BETWEEN_LETTERS:
            pattern = pattern.replace(old, new)
        infixes.append(pattern)
    rules = dict(defaults.tokenizer_exceptions)
    if sum(a != b for a, b in zip(infixes, defaults.infixes, strict=True)) == 2:
        hyphenated = re.compile(r"[^\W\d_]-[^\W\d_]")
        rules = {k: v for k, v in rules.items() if not hyphenated.search(k)}
    else:  # another spaCy's rules: its own tokenizer, slower to build but the same tokens
        infixes = list(defaults.infixes)
    # "Jl.", "Kab.", "Rep.": an abbreviation and its period are one word, as in the
    # treebanks; split, the parser took the period for the sentence's end ("Rossi yakin
    # bahwa GP Rep. Ceko jadi penting ..." lost all after "Rep").
    for short in ABBREVIATIONS["id"]:
        for form in {short, short.capitalize(), short.upper()}:
            rules.setdefault(f"{form}.", [{ORTH: f"{form}."}])
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def _register_tokenizer(spacy: Any) -> None:
    """Name _indonesian_tokenizer in spaCy's registry (once), so a pipeline's config can."""
    if INDONESIAN_TOKENIZER in spacy.registry.tokenizers.get_all():
        return

    def make() -> Any:
        return lambda nlp: _indonesian_tokenizer(nlp.vocab)

    spacy.registry.tokenizers.register(INDONESIAN_TOKENIZER, func=make)


def parse_sentences(
    sentences: Sequence[str], lang: str, skip: Sequence[int] | None = None
) -> list[Parse]:
    """Parse each sentence on its own, in batches. ``skip``: for each sentence, how many
    characters at its start the parser is not shown (a discourse opener, "Itu berarti,",
    which the parser would make the main clause); the parse still holds the sentence's whole
    text, with no words there."""
    if not sentences:
        return []
    skips = list(skip) if skip is not None else [0] * len(sentences)
    nlp = _pipeline(lang)
    made = [
        _without_space(nlp, nlp.make_doc(text[k:]), lang, k)
        for text, k in zip(sentences, skips, strict=True)
    ]
    docs = (_with_inner_boundaries(doc, lang) for doc, _ in made)
    parsed = nlp.pipe(docs, batch_size=BATCH_SIZE)
    plain = [
        _plain(text, doc, spans)
        for text, doc, (_, spans) in zip(sentences, parsed, made, strict=True)
    ]
    if lang != "en":
        return plain
    return [
        _said_objects(_bare_conjuncts(_participle_roots(_present_tense_roots(p)))) for p in plain
    ]


def _without_space(
    nlp: Any, doc: Any, lang: str, shift: int = 0
) -> tuple[Any, list[tuple[int, int]] | None]:
    """The sentence as the parser should see it, and where each of its words is in the
    sentence (plus ``shift``; None when nothing changed).

    - A run of spaces or a line break in scraped text ("merupakan   gaming   PC") is a
      whitespace token to spaCy, which the parser then attaches words to, cutting them off
      from the tree: such tokens are left out.
    - An Indonesian reduplication written with a spaced hyphen ("disebut - sebut",
      "anak - anak", "menteri - menterinya", as IndoSum is tokenised: 133 in 300 of its
      articles) is one word to the parser, as "disebut-sebut" is; its three tokens had made
      a verb, a dash and another verb. The word keeps the text as written.
    """
    joined = _spaced_reduplications(doc) if lang == "id" else set()
    if not joined and not any(t.is_space for t in doc):
        return doc, ([(t.idx + shift, t.idx + shift + len(t)) for t in doc] if shift else None)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    spans: list[tuple[int, int]] = []
    n = 0
    while n < len(doc):
        t = doc[n]
        if t.is_space:
            if spaces:
                spaces[-1] = True
            n += 1
            continue
        last = doc[n + 2] if n in joined else t
        words.append(t.text + "-" + last.text if n in joined else t.text)
        spaces.append(bool(last.whitespace_))
        spans.append((t.idx + shift, last.idx + len(last) + shift))
        n += 3 if n in joined else 1
    return Doc(nlp.vocab, words=words, spaces=spaces), spans


_REDUPLICATION_SUFFIXES = ("nya", "an", "kan", "i", "lah", "pun")


def _spaced_reduplications(doc: Any) -> set[int]:
    """Where "A - B" is a reduplication: B is A ("anak - anak"), A ends with B ("disebut -
    sebut", "berpuluh - puluh"), or B is A with a suffix ("menteri - menterinya")."""
    found: set[int] = set()
    for n in range(len(doc) - 2):
        a, hyphen, b = doc[n], doc[n + 1], doc[n + 2]
        if hyphen.text != "-" or not (a.whitespace_ and hyphen.whitespace_):
            continue
        if not (a.is_alpha and b.is_alpha) or found & {n - 1, n - 2}:
            continue
        x, y = a.lower_, b.lower_
        stems = [y] + [y[: -len(s)] for s in _REDUPLICATION_SUFFIXES if y.endswith(s)]
        repeated = any(len(stem) >= 2 and x.endswith(stem) for stem in stems)
        if repeated or (len(x) >= 2 and y.startswith(x)):
            found.add(n)
    return found


_ENDS = frozenset(".!?")
_CLOSERS = frozenset("\"”’')")


def _with_inner_boundaries(doc: Any, lang: str) -> Any:
    """Sentences the segmenter kept together (several inside one quotation: '"A. B," kata
    X') are parsed as separate trees, so no arc joins two statements; nowhere else does the
    parser split a sentence ("@SUM(A1:A9) adalah ..." stays one tree), nor after an
    abbreviation ("Army Capt. Humayun Khan")."""
    abbreviations = ABBREVIATIONS.get(lang, frozenset())
    for i in range(1, len(doc)):
        before = doc[i - 1]
        abbreviated = (
            before.text == "."
            and i >= 2
            and not doc[i - 2].whitespace_
            and doc[i - 2].text.lower() in abbreviations
        )
        ended = (
            not abbreviated
            and before.text in _ENDS
            or (
                before.text in _CLOSERS
                and i >= 2
                and doc[i - 2].text in _ENDS
                and not doc[i - 2].whitespace_
            )
        )
        word = doc[i].text
        opens = word[:1].isupper() or word[:1].isdigit() or word[:1] in '"“('
        # Elsewhere the parser may not start a tree: the segmenter decided the sentence.
        doc[i].is_sent_start = bool(ended and opens and before.whitespace_)
    return doc


def _plain(text: str, doc: Any, spans: list[tuple[int, int]] | None = None) -> Parse:
    where = spans or [(t.idx, t.idx + len(t)) for t in doc]
    tokens = tuple(
        Token(
            i=t.i,
            text=text[where[t.i][0] : where[t.i][1]],
            start=where[t.i][0],
            end=where[t.i][1],
            pos=t.pos_ or "X",
            dep="root" if t.dep_ == "ROOT" else (t.dep_ or "dep"),
            head=t.head.i,
            feats=str(t.morph),
        )
        for t in doc
        if not t.is_space
    )
    return Parse(text, _reindex(tokens))


_CLAUSE_CHILDREN = frozenset({"xcomp", "ccomp", "obj", "advcl", "parataxis"})


def _present_tense_roots(parse: Parse) -> Parse:
    """ "Pfizer vaccine 'page 132' warns not to have ...", "A photograph documents the
    capture ...": the English tagger reads a verb in -s heading the sentence as a noun (EWT
    has few headline sentences). A lower-case root in -s after a noun, with a clause or an
    object of its own, is a verb."""
    tokens = list(parse.tokens)
    for n, tok in enumerate(tokens):
        if tok.dep != "root" or tok.pos != "NOUN" or n == 0:
            continue
        if not en_present_in_s(tok.text):
            continue
        before = next((t for t in reversed(tokens[:n]) if t.pos != "PUNCT"), None)
        if before is None or before.pos not in {"NOUN", "PROPN", "NUM"}:
            continue
        if any(
            t.head == n and t.i != n and t.dep.split(":")[0] in _CLAUSE_CHILDREN for t in tokens
        ):
            tokens[n] = replace(tok, pos="VERB")
    return Parse(parse.text, tuple(tokens))


def _participle_roots(parse: Parse) -> Parse:
    """A past participle after the subject that the English parser made the root, with
    the sentence's real predicate under it:

    - set off by commas, the predicate (a copula or a finite verb with no subject, after
      the comma that closes the participle) a parataxis or conjunct of it: "Irena Sendler,
      credited with saving 2,500 Polish Jews ..., was a candidate ...";
    - with no commas, the predicate a ccomp whose "subject" sits behind a preposition: "A
      special compound added to the water in swimming pools will reveal ...", where
      "pools" is the participle's, not a subject.

    The predicate becomes the root, the subject its subject, the participle a clause on the
    subject, and the words after the predicate (a further conjunct, the full stop) go with
    the predicate."""
    tokens = list(parse.tokens)
    roots = [t for t in tokens if t.dep == "root"]
    if len(roots) != 1:
        return parse
    root = roots[0]
    # a past form the tagger took for a finite verb too ("added"): only the second case
    participle = root.feature("VerbForm") == "Part"
    if root.pos != "VERB" or not (participle or root.feature("Tense") == "Past"):
        return parse
    kids = _children_of(tokens)
    children = [tokens[c] for c in kids[root.i]]
    if any(t.dep.startswith("aux") for t in children):
        return parse
    subjects = [t for t in children if t.dep.startswith("nsubj") and t.i < root.i]
    if len(subjects) != 1:
        return parse
    set_off = tokens[root.i - 1].text == ","

    def subject_of(t: Token) -> Token | None:
        return next((tokens[k] for k in kids[t.i] if tokens[k].dep.startswith("nsubj")), None)

    def finite(t: Token) -> bool:
        return t.feature("VerbForm") == "Fin" or any(
            tokens[k].dep in {"cop", "aux", "aux:pass"} for k in kids[t.i]
        )

    predicate, false_subject = None, None
    for t in children:
        if t.i < root.i or not finite(t):
            continue
        own = subject_of(t)
        beside = set_off and participle and t.dep in {"parataxis", "conj"} and own is None
        if beside and tokens[t.i - 1].text != "and":
            predicate = t
            break
        behind_preposition = own is not None and any(tokens[k].dep == "case" for k in kids[own.i])
        if t.dep == "ccomp" and own is not None and own.i < t.i and behind_preposition:
            predicate, false_subject = t, own
            break
    if predicate is None:
        return parse
    if false_subject is not None:
        tokens[false_subject.i] = replace(false_subject, dep="obl", head=root.i)
        kids[predicate.i].remove(false_subject.i)
        kids[root.i].append(false_subject.i)
    first = min(_subtree_of(tokens, kids, predicate.i))
    if false_subject is None:
        if tokens[first - 1].text != ",":
            return parse  # the participle's clause must end at a comma before the predicate
        tokens[first - 1] = replace(tokens[first - 1], head=root.i)
    subject = subjects[0]
    for t in children:
        if t.i > first and t.i != predicate.i:
            tokens[t.i] = replace(t, head=predicate.i)
    tokens[predicate.i] = replace(predicate, dep="root", head=predicate.i)
    tokens[subject.i] = replace(subject, head=predicate.i)
    tokens[root.i] = replace(root, dep="acl", head=subject.i)
    return Parse(parse.text, tuple(tokens))


def _said_objects(parse: Parse) -> Parse:
    """ "Dan Patrick said COVID-19 social-distancing restrictions should be eased": the
    English parser makes the subject of a reported clause with no "that" the object of
    "said", and the clause subjectless (so its subject was restored as "Dan Patrick"). The
    noun, right before the clause, becomes the clause's subject."""
    tokens = list(parse.tokens)
    children = _children_of(tokens)
    for n, tok in enumerate(tokens):
        if tok.dep != "ccomp":
            continue
        verb = tokens[tok.head]
        if verb.lower not in SAYING_WITHOUT_OBJECT or verb.i > n:
            continue
        if any(tokens[c].dep.startswith(("nsubj", "csubj", "expl")) for c in children[n]):
            continue
        objects = [c for c in children[verb.i] if tokens[c].dep == "obj" and verb.i < c < n]
        if len(objects) != 1 or tokens[objects[0]].pos not in {"NOUN", "PROPN", "PRON"}:
            continue
        noun = objects[0]
        phrase = _subtree_of(tokens, children, noun)
        first_of_clause = min(_subtree_of(tokens, children, n))
        if max(phrase) + 1 != first_of_clause:
            continue  # words between: not the clause's subject
        passive = any(tokens[c].dep == "aux:pass" for c in children[n])
        relation = "nsubj:pass" if passive else "nsubj"
        tokens[noun] = replace(tokens[noun], dep=relation, head=n)
        children[verb.i].remove(noun)
        children[n].append(noun)
    return Parse(parse.text, tuple(tokens))


def _children_of(tokens: list[Token]) -> list[list[int]]:
    """Each token's children, by index."""
    children: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            children[t.head].append(t.i)
    return children


def _subtree_of(tokens: list[Token], children: list[list[int]], i: int) -> set[int]:
    found = {i}
    stack = list(children[i])
    while stack:
        w = stack.pop()
        found.add(w)
        stack.extend(children[w])
    return found


def _bare_conjuncts(parse: Parse) -> Parse:
    """ "Lawrence says she hopes that people ... will admire Redonda, but also understand and
    celebrate ...": the English parser joins a bare verb with no subject or auxiliary to a
    finite verb above it ("says"), which it cannot agree with, instead of to the bare verb
    under "will", "can" or "to" before it ("admire"), whose subject and auxiliary it shares.
    Such a conjunct is moved to the nearest bare verb before it, when that verb has its
    own auxiliary or "to" and lies under the finite verb."""
    tokens = list(parse.tokens)
    children = _children_of(tokens)
    for n, tok in enumerate(tokens):
        if tok.dep != "conj" or tok.pos != "VERB" or tok.feature("VerbForm") != "Inf":
            continue
        head = tokens[tok.head]
        if head.pos not in {"VERB", "AUX"} or head.feature("VerbForm") != "Fin" or head.i > n:
            continue
        if any(tokens[c].dep.startswith(("nsubj", "aux")) for c in children[n]):
            continue  # a subject or auxiliary of its own: a clause of its own
        for v in range(n - 1, head.i, -1):
            candidate = tokens[v]
            if candidate.pos != "VERB" or candidate.feature("VerbForm") != "Inf":
                continue
            if _descends(tokens, v, head.i) and any(
                tokens[c].dep == "aux" or (tokens[c].dep == "mark" and tokens[c].lower == "to")
                for c in children[v]
            ):
                tokens[n] = replace(tok, head=v)
            break
    return Parse(parse.text, tuple(tokens))


def _descends(tokens: list[Token], w: int, ancestor: int) -> bool:
    """Whether ``ancestor`` is above ``w`` in the tree."""
    seen: set[int] = set()
    while w != ancestor and tokens[w].head != w and w not in seen:
        seen.add(w)
        w = tokens[w].head
    return w == ancestor


def _reindex(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Whitespace tokens are dropped; renumber so ``i`` is the position in the tuple."""
    if all(t.i == n for n, t in enumerate(tokens)):
        return tokens
    position = {t.i: n for n, t in enumerate(tokens)}
    out = []
    for n, t in enumerate(tokens):
        head = position.get(t.head, n)
        out.append(
            Token(n, t.text, t.start, t.end, t.pos, t.dep if head != n else "root", head, t.feats)
        )
    return tuple(out)
