"""Attributed speech on the dependency tree: who a clause says made a statement, which words
are the statement, and the speaker's name without titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.matching.terms import common_word
from claimcheck.pipeline import lexicon
from claimcheck.pipeline.lexicon import (
    HEDGES,
    ORGANISATION_ENDINGS,
    PORTFOLIO_WORDS,
    TITLES,
    _terms,
    words_pattern,
)
from claimcheck.pipeline.parse import Token
from claimcheck.pipeline.tree import QUOTES_CLOSE, SUBJECTS, Tree


@dataclass(frozen=True)
class Frame:
    """A reporting frame found in a clause.

    ``heads``/``content``: the reported clause(s) and their words; ``speaker_words``: the
    words naming who reported it; ``other``: words of the clause outside the frame that make
    claims of their own (a second predicate of the reporting verb's subject).
    """

    heads: tuple[int, ...]
    content: frozenset[int]
    speaker_words: frozenset[int]
    other: frozenset[int] = frozenset()
    hedged: bool = False
    pronoun: bool = False  # the speaker is a pronoun fused with the verb ("katanya")


_CLAUSAL = frozenset({"ccomp", "parataxis"})
_ASPECT = frozenset({"telah", "sudah", "pernah", "sempat"})
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "ini", "itu"})


def frame(tree: Tree, head: int, words: frozenset[int], lang: str) -> Frame | None:
    """The reporting frame of the clause headed by ``head``, if it has one: "X mengatakan
    (bahwa) P", "X told reporters that P", "It is reported that P". A negated verb of
    saying ("never said that P") reports nothing, and neither does a denial."""
    h = tree[head]
    if h.lower in lexicon.RECEIVING_VERBS[lang]:
        return _received_report(tree, head, words, lang)
    if h.lower not in lexicon.REPORTING[lang] and h.lower not in lexicon.HEDGED_REPORTING[lang]:
        return None
    kids = [c for c in tree.children[head] if c in words]
    if any(tree[c].lower in lexicon.NEGATIONS[lang] | _NEVER for c in kids):
        return None
    if lang == "en" and any(
        c > head
        and tree[c].rel == "xcomp"
        and any(tree[m].lower == "to" for m in tree.kids(c, "mark"))
        for c in kids
    ):
        return None  # "warns not to have unprotected sex ...": a directive, said whole
    reported = [c for c in kids if _reported(tree, c, lang) and c > head]
    reported += [c for c in kids if _reported(tree, c, lang) and c < head]
    lent = _object_then_predicate(tree, head, kids, lang)
    if lent is not None:
        # the noun heads what was said; its predicate goes with it, not alone
        reported = [c for c in reported if c not in lent] + [lent[0]]
    if not reported:
        reported = _that_clause(tree, head, words)
    if reported and h.lower in lexicon.WEAK_REPORTING[lang]:
        # "menyebut bahwa ...", and "menyebut kalau ..." with "kalau" right after the verb
        reported = [
            c
            for c in reported
            if any(
                tree[m].lower in {"that", "bahwa"} or _that_like(tree, m, head, lang)
                for m in tree.kids(c, "mark")
            )
            # "otoritas menyebut ledakan disebabkan oleh kembang api": a noun and its passive
            # predicate after the verb are a statement, "bahwa" or not
            or lent is not None
            and c == lent[0]
            and lang == "id"
            and tree[lent[1]].lower.startswith("di")
            and tree[lent[1]].pos == "VERB"
        ]
    # not a fronted clause the parse took for a second subject ("Menyindir keputusan ...,
    # Johnny menegaskan": a verb opening the sentence, capitalised)
    subjects = [c for c in kids if tree[c].dep in SUBJECTS]
    if len(subjects) > 1 and lang == "id" and lexicon.id_is_predicate(tree[subjects[0]].text):
        subjects = subjects[1:]
    subject = subjects[0] if subjects else None
    if subject is not None and (
        tree[subject].lower in _DEMONSTRATIVES or tree[subject].lower in lexicon.RELATIVIZERS[lang]
    ):
        return None  # "That said, ...": an opener; "yang menjelaskan ...": a relative clause
    if not reported:
        return None
    content = frozenset().union(*(tree.subtree(c) & words for c in reported))
    opening = min(content)
    if tree[opening].lower in lexicon.WH_OPENERS and opening > head:
        # "explained how taxpayers can claim ...": what is explained is no statement of its
        # own; the sentence says it whole
        return None
    if lent is not None:
        content = content | (tree.subtree(lent[1]) & words)
    # "Gaetan Jego mengatakan, peluang timnya ... cukup terbuka": a predicate the parse hung
    # on the verb of saying after the start of what was said is part of it
    start = min(content)
    for c in kids:
        if (
            c > start
            and c not in content
            and c not in reported
            and loose_predicate(tree, c)
            and not any(tree[w].text in QUOTES_CLOSE for w in range(start, c))
        ):
            content = content | (tree.subtree(c) & words)
    # "menegaskan kalau sang pemain ...": right after a verb of saying, "kalau" is "bahwa"
    first = min(content)
    if tree[first].dep == "mark" and _that_like(tree, first, head, lang):
        content = content - {first}
    speaker = frozenset() if subject is None else tree.subtree(subject) & words - content
    if speaker and max(speaker) < head:
        # "Seattle Police Chief Carmen Best told": a capitalised word the parse hung on the
        # verb, between the speaker's name and the verb, is the name's
        following = max(speaker) + 1
        while following < head and following in words and _capital(tree, following):
            speaker = speaker | {following}
            following += 1
    if speaker and not any(tree[w].pos in {"NOUN", "PROPN", "PRON", "X"} for w in speaker):
        return None  # "menyatakan 'tidak'": no one named
    expletive = subject is not None and tree[subject].lower in {"it", "ini", "hal"}
    passive = h.lower in lexicon.HEDGED_REPORTING[lang] and h.lower not in lexicon.REPORTING[lang]
    if h.lower in lexicon.HEDGED_REPORTING[lang] and (subject is None or expletive):
        passive = True
    elif passive:
        # "Iran disebut berkontribusi ...": the hedge is part of the claim, not a frame
        return None
    if passive:
        speaker = frozenset()
    # "X said A and that B": B was said too
    also = [
        c
        for c in kids
        if tree[c].rel == "conj"
        and c not in content
        and any(tree[m].lower in {"that", "bahwa"} for m in tree.kids(c, "mark"))
    ]
    if also:
        reported = [*reported, *also]
        content = content | frozenset().union(*(tree.subtree(c) & words for c in also))
    # "menjelaskan longsor menyebabkan A, B, dan 3 orang luka ringan": a noun the parse
    # made a conjunct of the verb of saying, after what was said, continues its list
    start = min(content)
    for c in kids:
        if (
            tree[c].rel == "conj"
            and c > start
            and c not in content
            and tree[c].pos in {"NOUN", "PROPN", "NUM"}
            and tree.subject(c) is None
        ):
            content = content | (tree.subtree(c) & words)
            # "..., gudang senjata ... yang ditemukan polisi, dirakit sendiri oleh Paddock":
            # a predicate right after that noun is the noun's, and was said too
            end = max(tree.subtree(c))
            for v in kids:
                gap = range(end + 1, min(tree.subtree(v), default=v))
                if (
                    v > end
                    and tree[v].rel == "conj"
                    and tree[v].pos in {"VERB", "AUX", "ADJ"}
                    and tree.subject(v) is None
                    and all(tree[w].text == "," for w in gap)
                ):
                    content = content | (tree.subtree(v) & words)
    others = [c for c in kids if tree[c].rel == "conj" and c not in content]
    other = frozenset().union(*(tree.subtree(c) & words for c in others)) if others else frozenset()
    return Frame(
        tuple(reported),
        content,
        speaker,
        other - content,
        hedged=passive,
        pronoun=h.lower.endswith("nya"),
    )


# verbs of saying that follow what was said ("..., kata dia"), never a clause's own verb
_TRAILING_VERBS = frozenset(_terms("kata, ujar, tutur, ucap, imbuh, sambung, lanjut, papar"))
_THAT_LIKE = {"id": frozenset({"kalau", "jika"})}


def _that_like(tree: Tree, m: int, verb: int, lang: str) -> bool:
    """Whether the marker ``m`` is "bahwa" in all but name: "kalau"/"jika" right after the
    verb of saying ("menyebut kalau Coutinho ...", "Mars mengatakan jika donasi tersebut
    diberikan ..."; elsewhere they are "if"). A "jika" clause that a main clause follows
    ("mengatakan jika Fellaini mencetak gol ..., dia akan berhenti", "jika ... maka ...") is
    still a condition."""
    if tree[m].lower not in _THAT_LIKE.get(lang, ()) or m <= verb:
        return False
    if not all(tree[w].pos == "PUNCT" for w in range(verb + 1, m)):
        return False
    if tree[m].lower != "jika":
        return True
    last = max((w for w in range(len(tree)) if tree[w].pos != "PUNCT"), default=m)
    clause = tree.subtree(tree[m].head)
    return last in clause and not any(tree[w].lower == "maka" for w in range(m, len(tree)))


_NEVER = frozenset({"never", "tak", "belum", "tidak", "bukan", "not", "n't"})


def loose_predicate(tree: Tree, c: int) -> bool:
    """A clause without a marker or subject of its own, hung on the verb of saying."""
    tok = tree[c]
    return (
        tok.rel in {"advcl", "xcomp", "parataxis"}
        and tok.pos in {"VERB", "ADJ", "AUX"}
        and not tree.kids(c, "mark", *SUBJECTS)
    )


def _that_clause(tree: Tree, head: int, words: frozenset[int]) -> list[int]:
    """A "that"/"bahwa" clause the parser hung below a phrase of the verb of saying ("said
    in an email that P" read as a clause about the email): it is what was said."""
    for m in sorted(tree.subtree(head) & words):
        if m > head and m - head <= 8 and tree[m].lower in {"that", "bahwa"} and tree[m].head > m:
            clause = tree[m].head
            path: list[int] = []
            node = clause
            while node != head and tree[node].head != node and len(path) < 4:
                path.append(node)
                node = tree[node].head
            # at most one phrase between the verb and the clause ("said in an email that")
            if (
                node == head
                and len(path) <= 2
                and all(tree[p].rel in {"obl", "nmod", "obj", "iobj"} for p in path[1:])
            ):
                return [clause]
    return []


def person_like(speaker: str) -> bool:
    """Whether a speaker reads as a person's name, whom a later "dia"/"he" can mean: words
    capitalised, no acronym, no body's name ("Bapemperda", "Polda Metro Jaya"), no place or
    lower-case description ("memo")."""
    words = speaker.split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if any(len(w) > 1 and w.isupper() for w in words):
        return False
    lowered = [w.lower() for w in words]
    return (
        lowered[0] not in lexicon.ORGANISATION_STARTS
        and lowered[-1] not in ORGANISATION_ENDINGS
        and speaker.lower() not in lexicon.PLACES
    )


def named_subject(tree: Tree, lang: str) -> str | None:
    """The person a sentence is about, when its subject is a name ("The intrepid Ed Wong of
    the NYT has more ..."): what a "he" in the next sentence most likely points back to."""
    for root in tree.roots:
        subject = tree.subject(root)
        if subject is not None and tree[subject].pos == "PROPN":
            words = frozenset(
                w for w in tree.subtree(subject) if tree[w].dep not in {"acl:relcl", "appos"}
            )
            name = speaker_name(tree, words)
            # an ordinary word capitalised because it opens the sentence is no name ("Bus baru
            # itu dibeli ...": the Indonesian tagger calls it PROPN)
            opening = min(w for w in tree.subtree(subject) if tree[w].pos != "PUNCT") == min(
                (w for w in range(len(tree)) if tree[w].pos != "PUNCT"), default=0
            )
            if opening and " " not in name and common_word(name, lang):
                continue
            if name and _capitalised(name):
                return name
    return None


def _reported(tree: Tree, c: int, lang: str) -> bool:
    """Whether a dependent of a verb of saying is what was said: a clausal complement, or
    a clause opened by "bahwa"/"that" or with a subject of its own, whatever relation the
    treebank gave it (CSUI marks "mengatakan bahwa ..." as advcl)."""
    tok = tree[c]
    if not _clausal(tree, c):
        return False
    if tok.dep in _CLAUSAL:
        return True
    if tok.rel in {"advcl", "xcomp", "obj", "csubj"}:
        marks = {tree[m].lower for m in tree.kids(c, "mark")}
        if marks & {"that", "bahwa"}:
            return True
        # "menyebut kalau Coutinho sendiri memang mau bertahan": "kalau" right after the
        # verb of saying is "bahwa" (elsewhere it is "if")
        verb = tok.head
        if any(_that_like(tree, m, verb, lang) for m in tree.kids(c, "mark")):
            return True
        # no marker at all ("X mengatakan harga naik"); "agar", "untuk", "if" are not speech
        if not marks and tok.rel != "obj" and tree.subject(c) is not None:
            return True
        if tok.rel == "obj" and not marks and _clause_as_object(tree, c, lang):
            return True
        # "mengakui telah mengirim pasukan": a complement with its own tense is a statement,
        # and so is a negated one or an existential ("menilai tak ada saran yang ...")
        before = {tree[a].lower for a in tree.kids(c, "advmod", "aux") if a < c}
        stated = bool(before & (_ASPECT | lexicon.NEGATIONS[lang]))
        return (
            tok.rel == "xcomp" and not marks and (stated or tok.lower in lexicon.EXISTENTIALS[lang])
        )
    return False


def _object_then_predicate(
    tree: Tree, head: int, kids: list[int], lang: str
) -> tuple[int, int] | None:
    """ "Erwin menyebut Fayakhun diduga turut meminta fee ...", "BNPB menyatakan keadaan
    darurat Gunung Agung diperpanjang 14 hari": the parse made the subject of what was said
    the verb's object and its predicate a second clause of the verb, right after it. The
    noun and that predicate, or None."""
    if lang != "id" or tree[head].lower not in lexicon.PLAIN_SAYING_ID:
        return None
    for o in kids:
        if tree[o].rel != "obj" or o < head or tree[o].pos not in {"NOUN", "PROPN", "PRON"}:
            continue
        inner = _predicate_in_noun(tree, o)
        if inner is not None:
            return o, inner
        if tree[o].lower.endswith("nya") and tree[o].text.islower():
            continue  # "mengungkapkan alasannya merekrut Dwi": what is told, not a subject
        end = max(tree.subtree(o))
        for v in kids:
            start = min(tree.subtree(v))
            if (
                v > o
                and start == end + 1
                and tree[start].pos not in {"ADP", "SCONJ"}  # "..., dengan menetapkan ..."
                and tree[v].rel in {"advcl", "conj", "xcomp", "parataxis"}
                and tree[v].pos in {"VERB", "ADJ", "AUX"}
                # "hasil pemungutan suara dadakan itu": a word of the noun's phrase
                and not tree.kids(v, "mark", "cc", "det", *SUBJECTS)
            ):
                return o, v
    return None


#: Words that make an adjective a predicate: an Indonesian noun's own adjective takes none
#: of them without "yang" ("posisi yang tetap aman").
_PREDICATE_ADVERBS_ID = frozenset(
    {"tetap", "masih", "sudah", "telah", "belum", "tidak", "akan", "sedang", "semakin", "kian"}
)


#: Words that open an Indonesian noun predicate: "X bukanlah Y", "X adalah Y".
_NOUN_PREDICATE_OPENERS_ID = frozenset({"bukan", "bukanlah", "adalah", "merupakan", "ialah"})


def _predicate_in_noun(tree: Tree, o: int) -> int | None:
    """ "menyatakan posisi Luis Milla tetap aman sebagai pelatih": the parse hung the
    predicate on the object as its adjective; an adjective after the noun with a word only
    a predicate takes before it ("tetap"), and no "yang", is the statement's predicate."""
    for n in tree.kids(o, "compound", "nmod", "appos"):
        # "menyatakan timnya bukanlah satu-satunya klub ...": a noun predicate after its
        # copula, which the parse hung on the object
        first = min(tree.subtree(n))
        if n > o and first == o + 1 and tree[first].lower in _NOUN_PREDICATE_OPENERS_ID:
            return n
    for a in tree.kids(o, "acl"):
        # "menyebut ledakan disebabkan oleh kembang api": a passive verb right after the
        # noun, with no "yang", is the statement's predicate
        right_after = a == max(tree.subtree(o) - tree.subtree(a)) + 1
        if right_after and tree[a].pos == "VERB" and tree[a].lower.startswith("di"):
            return a
    for a in tree.kids(o, "amod"):
        if a < o or tree[a].pos != "ADJ":
            continue
        adverbs = [m for m in tree.kids(a, "advmod") if m < a]
        if not any(tree[m].lower in _PREDICATE_ADVERBS_ID for m in adverbs):
            continue
        if any(tree[w].lower == "yang" for w in range(o + 1, a)):
            continue
        return a
    return None


def _clause_as_object(tree: Tree, c: int, lang: str) -> bool:
    """ "Chahine said her immediate family spent ...": the parser made the subject of what
    was said the verb's object and the statement's verb a clause on it. A finite verb right
    after the noun phrase, with no relative word between, is the statement's own."""
    for a in tree.kids(c, "acl"):
        verb = tree[a]
        if a < c or verb.pos != "VERB" or verb.feature("VerbForm") not in (None, "Fin"):
            continue
        if (
            verb.feature("VerbForm") is None
            and verb.feature("Tense") is None
            and (verb.text[:1].islower() and not verb.lower.startswith(("me", "ber", "ter", "di")))
        ):
            continue
        between = range(max(tree.subtree(c) - tree.subtree(a), default=c) + 1, a)
        relative = lexicon.RELATIVIZERS[lang] | {"whose"}
        if any(tree[w].lower in relative for w in [*between, *tree.kids(a, "nsubj")]):
            continue
        if all(w < a for w in tree.subtree(c) - tree.subtree(a)):
            return True
    return False


def passive_agent(tree: Tree, head: int, words: frozenset[int], lang: str) -> frozenset[int]:
    """The agent of a passive verb of announcing or saying ("diumumkan oleh X", "was
    announced by X"): the words naming X, without the preposition; empty when there is none."""
    if tree[head].lower not in lexicon.PASSIVE_SAYING[lang]:
        return frozenset()
    for c in tree.children[head]:
        cases = [k for k in tree.kids(c, "case") if tree[k].lower in {"oleh", "by"}]
        named = tree[c].pos in {"PROPN", "NOUN"}
        if c in words and tree[c].rel in {"obl", "obl:agent", "nmod"} and cases and named:
            return (tree.subtree(c) & words) - set(cases)
    return frozenset()


def _received_report(tree: Tree, head: int, words: frozenset[int], lang: str) -> Frame | None:
    """ "the Wikimedia Foundation has received reports that access ... is being restored",
    "polisi menerima laporan bahwa ...": what the reports say is the claim, hedged (it is
    passed on, not stated), and whoever received them its speaker."""
    kids = [c for c in tree.children[head] if c in words]
    if any(tree[c].lower in lexicon.NEGATIONS[lang] for c in kids):
        return None
    for noun in kids:
        if tree[noun].rel != "obj" or tree[noun].lower not in lexicon.REPORT_NOUNS[lang]:
            continue
        # the clause under the noun, or under the verb right after it (the parse varies)
        after = [
            c for c in kids if c > noun and min(tree.subtree(c)) == max(tree.subtree(noun)) + 1
        ]
        for clause in [*tree.children[noun], *after]:
            marks = {tree[m].lower for m in tree.kids(clause, "mark")}
            if clause in words and marks & {"that", "bahwa"} and _clausal(tree, clause):
                content = tree.subtree(clause) & words
                content = content - {m for m in tree.kids(clause, "mark") if m == min(content)}
                # "mendapat laporan dari warga bahwa ...": the reports' source, else who got them
                source = [
                    k
                    for k in tree.kids(noun, "nmod")
                    if {tree[c].lower for c in tree.kids(k, "case")} & {"dari", "from"}
                ]
                # the subject nearest the verb ("Pukul 01.00 WIB dini hari, polisi mendapat
                # ...": the parse may take the time for a second one)
                subjects = [c for c in kids if tree[c].dep in SUBJECTS and c < head]
                subject = source[0] if source else max(subjects, default=None)
                speaker = frozenset() if subject is None else tree.subtree(subject) & words
                speaker -= {c for c in tree.kids(subject, "case")} if subject is not None else set()
                return Frame((clause,), content, speaker, hedged=True)
    return None


def _clausal(tree: Tree, c: int) -> bool:
    """Whether a complement is a clause (not a lone word or a quoted title)."""
    sub = tree.subtree(c)
    return len(sub) >= 3 and any(
        tree[w].pos in {"VERB", "AUX", "ADJ"} or tree[w].dep in SUBJECTS for w in sub
    )


def _named_dependent(tree: Tree, verb: int, words: frozenset[int]) -> frozenset[int]:
    for c in tree.children[verb]:
        named = tree[c].dep in SUBJECTS or tree[c].rel in {"obj", "appos", "nmod", "flat"}
        if c in words and named and tree[c].pos in {"PROPN", "NOUN", "PRON"}:
            return tree.subtree(c) & words
    return frozenset()


def peripheral(tree: Tree, words: frozenset[int], lang: str) -> Frame | None:
    """An attribution at the edge of the sentence or set off inside it (see _edge), after a
    trailing source ('..., dikutip Ace Showbiz', '..., seperti dilansir Reuters') is taken
    off: that source is the speaker only when nobody else is named."""
    order = sorted(words)
    source: list[int] = []
    hedged = False
    closing_statement = _demikian_statement(tree, order, lang)
    if closing_statement is not None:
        # "..., demikian keterangan polisi": whose statement it is, even with commas inside
        # the name ('..., demikian salah satu komentar dari pemilik akun Instagram, Joey')
        cut, source = closing_statement
        words = frozenset(x for x in words if x < cut)
        order = []  # no other trailing source is looked for
    for n in range(len(order) - 2, 0, -1):
        closing = n > 1 and tree[order[n - 1]].text in QUOTES_CLOSE
        if tree[order[n - 1 - closing]].text != ",":
            continue
        start = n + (tree[order[n]].lower in lexicon.SOURCE_MARKERS)
        verbs = lexicon.SOURCE_VERBS[lang]
        if tree[order[n]].lower == "demikian" and lang == "id":
            # "..., demikian diklaim presiden Josep Maria Bartomeu", "..., demikian kata X"
            start = n + 1
            verbs = verbs | lexicon.REPORTING[lang] | lexicon.HEDGED_REPORTING[lang]
            named = (
                _named_after_demikian(tree, order, start)
                or _relayed_statement(tree, order, start, lang)
                # '"...," demikian tulis Essien di akun Instagramnya': the verb, then the name
                or (
                    _named_after_demikian(tree, order, start + 1)
                    if start < len(order) and tree[order[start]].lower in lexicon.REPORTING[lang]
                    else []
                )
            )
            if named:
                # '"...," demikian Kaka kepada FourFourTwo': the name with no verb
                source = named
                words = frozenset(x for x in words if x < order[n - 1 - closing])
                break
        if closing:
            continue
        if start < len(order) and tree[order[start]].lower in verbs:
            verb = tree[order[start]].lower
            hedged = verb in lexicon.HEDGED_REPORTING[lang] and verb not in lexicon.REPORTING[lang]
            tail = [
                x
                for x in order[start + 1 :]
                if tree[x].pos != "PUNCT" and tree[x].lower not in {"dari", "oleh", "by"}
            ]
            if 0 < len(tail) <= 6 and _name_like(tree, tail, lang) and _cited(tree, tail, lang):
                source = tail
                words = frozenset(x for x in words if x < order[n - 1])
        break
    found = _edge(tree, words, lang)
    if found is None and source:
        return Frame((), words, frozenset(source), hedged=hedged)
    return found


def _named_after_demikian(tree: Tree, order: list[int], start: int) -> list[int]:
    """The name right after a closing "demikian", up to the sentence's end or a word that
    sets the scene ("kepada FourFourTwo", "di Jakarta"); empty when no name comes next."""
    name: list[int] = []
    for x in order[start:]:
        if tree[x].pos == "PUNCT":
            break
        if not tree[x].text[:1].isupper():
            break
        name.append(x)
    rest = [x for x in order[start + len(name) :] if tree[x].pos != "PUNCT"]
    if not name or len(name) > 4 or (rest and tree[rest[0]].pos != "ADP"):
        return []
    return name


def _relayed_statement(tree: Tree, order: list[int], start: int, lang: str) -> list[int]:
    """Whose statement a relaying source quoted: '"...," demikian dikutip Reuters dari
    pernyataan resmi The Fed' is The Fed's; empty when no statement is named after the
    source verb."""
    if start >= len(order) or tree[order[start]].lower not in lexicon.SOURCE_VERBS[lang]:
        return []
    for k in range(start + 1, len(order) - 1):
        if tree[order[k]].lower == "dari":
            return _statement_of(tree, order, k + 1, lang)
    return []


def _demikian_statement(tree: Tree, order: list[int], lang: str) -> tuple[int, list[int]] | None:
    """A closing "demikian" after a comma (or a comma and a closing quote) that names whose
    statement the sentence is: (where the statement's words end, the words naming whose)."""
    if lang != "id":
        return None
    for n in range(len(order) - 2, 1, -1):
        if tree[order[n]].lower != "demikian":
            continue
        closing = tree[order[n - 1]].text in QUOTES_CLOSE
        if tree[order[n - 1 - closing]].text != ",":
            continue
        whose = _statement_of(tree, order, n + 1, lang)
        return (order[n - 1 - closing], whose) if whose else None
    return None


def _statement_of(tree: Tree, order: list[int], start: int, lang: str) -> list[int]:
    """Whose statement a closing "demikian" names: "..., demikian keterangan polisi",
    '"...," demikian salah satu komentar dari pemilik akun Instagram, Joey Malvine', "...,
    demikian menurut Menteri Energi Arifin Tasrif"; empty when it names none."""
    rest = order[start:]
    lowered = [tree[x].lower for x in rest]
    skip = 2 if lowered[:2] == ["salah", "satu"] else 0
    if len(rest) <= skip or not (
        lowered[skip] == "menurut" or lowered[skip] in lexicon.STATEMENT_NOUNS[lang]
    ):
        return []
    tail: list[int] = []
    for x in rest[skip + 1 :]:
        word = tree[x].lower
        if word in _CLOSING_DEMONSTRATIVES:
            return []  # "demikian pernyataan tersebut": a statement named before, no one new
        if word in _CIRCUMSTANCE_WORDS[lang] and word not in lexicon.STATEMENT_QUALIFIERS[lang]:
            break  # "..., Rabu (12 / 4)", "di Jakarta"
        if tree[x].pos != "PUNCT" and word not in lexicon.STATEMENT_QUALIFIERS[lang]:
            tail.append(x)
    if 0 < len(tail) <= 6 and _name_like(tree, tail, lang):
        return tail
    return []


def _cited(tree: Tree, tail: list[int], lang: str) -> bool:
    """ "..., citing people familiar with the matter" names a source; "..., citing violation
    of its policies" a reason: a source has a name, or is a word for people or a document."""
    if lang != "en":
        return True
    return any(tree[w].text[:1].isupper() or tree[w].lower in lexicon.SOURCE_NOUNS_EN for w in tail)


def _edge(tree: Tree, words: frozenset[int], lang: str) -> Frame | None:
    """An attribution at the edge of the sentence or set off inside it, for everything the
    sentence says: '"P," kata Budi', 'P, sambung Djamilah, Q', '"P," the message claimed',
    "menurut X, P", "P, according to X", "Dilansir dari X, P".

    Found by word order around a verb of saying after a break (a comma or a closing quote),
    so a misattached verb in the parse does not lose the speaker."""
    order = sorted(words)
    body = [w for w in order if tree[w].pos != "PUNCT"]
    if len(body) < 4:
        return None
    for position, w in enumerate(order):
        tok = tree[w]
        if tok.lower not in lexicon.REPORTING[lang]:
            continue
        if (
            lang == "en"
            and position > 0
            and tok.text[:1].isupper()
            and tree[order[position - 1]].text[:1].isupper()
        ):
            continue  # "in the United States": a name, not a verb
        opened = tree.open_quote(w)
        if opened is not None and order[0] < opened < w - 1:
            # 'entitled "Trump, Offering No Evidence, Says Obama ..."': a quoted title (a
            # mark right before the verb closes a quote typed with a stray space)
            continue
        if position == 0:
            # "Kata dia, jumlah polisi ...": the frame opens the sentence (after an opener
            # the parser was not shown), set off by its comma
            stop = _attribution_end(tree, order, 1, lang)
            speaker = [x for x in order[1:stop] if tree[x].pos != "PUNCT"]
            if (
                tok.lower in _TRAILING_VERBS
                and 0 < len(speaker) <= 3
                and stop < len(order)
                and tree[order[stop]].text == ","
                and _name_like(tree, speaker, lang)
            ):
                rest = frozenset(order[stop + 1 :])
                if _leaves_statement(tree, rest, order, set()):
                    return Frame((), rest, frozenset(speaker))
            continue
        # "..., kata X" / '..." said X' (not "..., citing violation of its policies")
        before = tree[order[position - 1]]
        if _is_break(before.text) and not (lang == "en" and tok.lower.endswith("ing")):
            stop = _attribution_end(tree, order, position + 1, lang)
            speaker = [x for x in order[position + 1 : stop] if tree[x].pos != "PUNCT"]
            if speaker and tree[speaker[0]].pos == "ADP" and tree[speaker[0]].lower != "by":
                speaker = []  # '"State of the Union" address': a phrase, no one named
                stop = position + 1
            # '"P," tutur dia menambahkan': a second verb of saying after the speaker, or
            # after the speaker fused with the verb ('"P," katanya menambahkan')
            if (
                (len(speaker) > 1 or speaker and tok.lower.endswith("nya"))
                and tree[speaker[-1]].lower in lexicon.REPORTING[lang]
                and all(tree[x].pos == "PRON" or _capitalised(tree[x].text) for x in speaker[:-1])
            ):
                speaker = speaker[:-1]
            if (
                (speaker or tok.lower.endswith("nya"))
                and _name_like(tree, speaker, lang)
                and not _predicate_follows(tree, order, stop, lang)
            ):
                end = _past_circumstances(tree, order, stop, lang)
                # "Namun, kata dia, jumlah polisi ...": after an opener, a frame set off by
                # commas ends at its comma; what follows is what was said
                leading = tuple(
                    tree[x].lower for x in order[: position - 1] if tree[x].pos != "PUNCT"
                )
                if (
                    leading
                    and any(leading == phrase for phrase, _ in lexicon.opener_phrases(lang))
                    and stop < len(order)
                    and tree[order[stop]].text == ","
                ):
                    end = stop + 1
                cut = set(order[position - 1 : end])
                # '..." says Maura McLaughlin, a radioastronomer at ..., who wants ...': the
                # speaker's apposition (and what it says about the speaker) is no part of the quote
                description = _description(tree, speaker, words) - cut
                if _leaves_statement(tree, words - cut - description, order, cut):
                    content = (
                        words - cut - description - _comma_before(tree, description, words)
                        if description
                        else words - cut
                    )
                    return Frame(
                        (), frozenset(content), frozenset(speaker), description, pronoun=not speaker
                    )
        # '..." the message claimed' / "..., X said on Monday."
        start = position - 1
        while start > 0 and not _is_break(tree[order[start]].text) and position - start <= 6:
            start -= 1
        if start > 0 and _is_break(tree[order[start]].text):
            speaker = [x for x in order[start + 1 : position] if tree[x].pos != "PUNCT"]
            if speaker and tree[speaker[0]].pos == "ADP":
                continue  # '"... dogs" to Kanye West's fashion show': a phrase, no one
            tail = [tree[x] for x in order[position + 1 :] if tree[x].pos != "PUNCT"]
            # only where and when may follow the verb: '..." X said on Monday.', not its
            # object ("Beberapa pekan yang lalu, Liverpool resmi mengumumkan pembelian ...")
            short_tail = (
                len(tail) <= 8
                and not any(t.pos in {"VERB", "AUX"} for t in tail)
                and not (
                    tail
                    and tail[0].pos in {"NOUN", "ADJ", "DET", "NUM"}
                    and tail[0].lower not in _HEARERS  # "... told reporters"
                )
            )
            end = len(order)
            # "P1, the researchers note, P2": the frame set off by commas inside the sentence,
            # after words with a verb of their own (not an office: "Managing Director X, Eko
            # memaparkan, P")
            opener = tree[order[0]].lower
            inside = (
                not short_tail
                and position + 2 < len(order)
                and tree[order[start]].text == ","
                and tree[order[position + 1]].text == ","
                and len(speaker) <= 6
                and (
                    # a verb opening the sentence with no subject only sets the scene
                    # ("Menanggapi hal itu, Kepala Dinas ... mengatakan, ...")
                    any(_finite(tree[x], lang) and x != order[0] for x in order[:start])
                    # "Creating and using birch tar, the researchers note, requires ...": a
                    # subject before the frame, its predicate after
                    or any(tree[x].pos in {"VERB", "AUX"} for x in order[:start])
                    and _continues(tree, order[position + 2 :])
                )
                and not _cut_off_opener(opener, lang)
            )
            if inside:
                short_tail, end = True, position + 2
                if opener in lexicon.ADVERBIAL_OPENERS[lang]:
                    start += 1  # "Jika ..., Yannes menekankan, maka ...": the condition's comma
            if speaker and short_tail and _name_like(tree, speaker, lang):
                cut = set(order[start:end])
                verbs = [x for x in order[:start] if tree[x].pos in {"VERB", "AUX"}]
                if (
                    inside
                    and verbs
                    and all(tree[x].lower in lexicon.CONTACT_VERBS[lang] for x in verbs)
                ):
                    cut |= set(order[:start])  # "Saat dikonfirmasi, X mengatakan, ..."
                if _leaves_statement(tree, words - cut, order, cut):
                    return Frame((), frozenset(words - cut), frozenset(speaker))
    for w in order:
        tok = tree[w]
        sub = tree.subtree(w) & words
        according = (
            tok.lower in lexicon.ACCORDING_TO[lang]
            and tok.rel != "case"
            or any(tree[k].lower in lexicon.ACCORDING_TO[lang] for k in tree.kids(w, "case"))
        )
        if according and (min(sub) <= body[0] or max(sub) >= body[-1] or tree.set_off(sub)):
            marker = min((x for x in sub if tree[x].lower in lexicon.ACCORDING_TO[lang]), default=w)
            # the first comma not opening an apposition to the name ("Menurut Eugenia
            # Oviedo - Joekes, profesor di ..., tindakan ...")
            commas = [x for x in sorted(sub) if x > marker and tree[x].text == ","]
            comma = next(
                (
                    x
                    for n, x in enumerate(commas)
                    if not (
                        n + 1 < len(commas)
                        and tree[x + 1].rel in {"appos", "conj"}
                        and tree[x + 1].pos in {"NOUN", "PROPN"}
                    )
                ),
                None,
            )
            if marker <= body[0] + 1 and comma is not None:
                # "According to Thomas Homer-Dixon, wind turbines never recoup ...", with the
                # statement hung below the name: the source ends at its comma
                sub = frozenset(x for x in sub if x < comma)
            source = frozenset(
                x
                for x in sub
                if tree[x].lower not in lexicon.ACCORDING_TO[lang]
                and tree[x].text not in {"to", ","}
            )
            return Frame(
                (),
                words - sub - _comma_before(tree, sub, words),
                source,
                pronoun=tok.lower.endswith("nya"),
            )
    first = body[0]
    # "Fifi memastikan, Ahok dan Vero sudah ...": a name, a verb of saying and a comma
    for n, w in enumerate(order[:10]):
        if (
            tree[w].lower in lexicon.REPORTING[lang]
            and n + 1 < len(order)
            and tree[order[n + 1]].text == ","
        ):
            speaker = [x for x in order[:n] if tree[x].pos != "PUNCT"]
            rest = frozenset(order[n + 2 :])
            comma = max((k for k in range(n) if tree[order[k]].text == ","), default=None)
            after_comma = list(order[comma + 1 : n]) if comma is not None else []
            opener = tree[order[0]].lower
            if (
                comma is not None
                and opener in lexicon.ADVERBIAL_OPENERS[lang]
                and not _cut_off_opener(opener, lang)
            ):
                # "Setelah banjir surut, ia menjelaskan, warga ...": the clause before the
                # speaker is the statement's own; not "Saat dikonfirmasi, X mengatakan, ...",
                # which says when the speaker spoke
                speaker = [x for x in after_comma if tree[x].pos != "PUNCT"]
                if not any(tree[x].lower in lexicon.CONTACT_VERBS[lang] for x in order[:comma]):
                    rest = rest | frozenset(order[: comma + 1])
            elif (
                comma is not None
                and not _cut_off_opener(opener, lang)
                and len(after_comma) == 1
                and tree[after_comma[0]].lower in lexicon.PRONOUN_SPEAKERS
            ):
                # "Polisi, ia menambahkan, juga telah ...": the words before are the subject
                speaker = after_comma
                rest = rest | frozenset(order[:comma])
            elif (
                comma is not None
                and tree[order[0]].pos == "ADP"
                and not any(tree[x].pos in {"VERB", "AUX"} for x in order[:comma])
            ):
                # "Mengenai sosok Ipda Zasmi, Baso mengatakan, ...": a topic set before the
                # speaker is no part of the name
                speaker = [x for x in after_comma if tree[x].pos != "PUNCT"]
            if (
                speaker
                and len(speaker) <= 8
                and _name_like(tree, speaker, lang)
                and _leaves_statement(tree, rest, order, set())
            ):
                return Frame((), rest, frozenset(speaker))
            break
    if (
        tree[first].lower in lexicon.SOURCE_VERBS[lang]
        or tree[first].lower in lexicon.ACCORDING_TO[lang]
    ):
        # "Dilansir dari X, P" / "Menurut X, P": up to the first comma
        comma = next((x for x in order if x > first and tree[x].text == ","), None)
        if comma is not None:
            speaker = [
                x
                for x in order
                if first < x < comma
                and tree[x].rel != "case"
                and tree[x].lower not in {"dari", "to"}
            ]
            rest = frozenset(x for x in words if x > comma)
            if (
                speaker
                and len(speaker) <= 8
                and _leaves_statement(tree, rest, order, set(words - rest))
            ):
                return Frame(
                    (), rest, frozenset(speaker), pronoun=tree[first].lower.endswith("nya")
                )
    return None


def _continues(tree: Tree, after: list[int]) -> bool:
    """Whether the words after a frame set inside the sentence open with its predicate."""
    first = next((w for w in after if tree[w].pos != "PUNCT"), None)
    return first is not None and tree[first].pos in {"VERB", "AUX"}


def _finite(tok: Token, lang: str) -> bool:
    """A verb that can make a statement ("Referring to the pandemic, X said, ..." has
    none before the frame: its participle only sets the scene)."""
    if tok.pos not in {"VERB", "AUX"}:
        return False
    if lang != "en":
        return True
    return tok.feature("VerbForm") not in {"Ger", "Part", "Inf"} and not tok.lower.endswith("ing")


def _cut_off_opener(opener: str, lang: str) -> bool:
    """ "Meski berada di Indonesia, Sezai mengatakan, dirinya ...": a concession before a
    frame set inside the sentence, which the parse hangs on the verb of saying; taken into the
    statement, it would be cut off as a claim with no subject."""
    return opener in lexicon.CONCESSIVE[lang] | {"selain", "besides"}


_HEARERS = frozenset({"reporters", "journalists", "wartawan", "media", "pers"})


def _predicate_follows(tree: Tree, order: list[int], stop: int, lang: str) -> bool:
    """ "Situs berita Jerman, Kicker, mengklaim harga jual Aubameyang pada 2017 bisa
    mencapai ...": a predicate after the words taken for a speaker, before any comma, makes
    them the subject of what was claimed. A predicate here has an auxiliary or a subject of
    its own; a verb of the circumstances ("saat ditemui usai menggelar rapat menjelang
    Lebaran", "dilansir Antara") has neither."""
    start = order[stop] if stop < len(order) else len(tree)
    for w in order[stop:]:
        tok = tree[w]
        if tok.text in {",", ";", "(", "."} or tok.lower in lexicon.RELATIVIZERS[lang]:
            return False
        if (
            tok.text[:1].isupper()
            or tok.rel in {"acl", "amod", "compound", "flat"}
            or tok.lower in _CIRCUMSTANCE_WORDS[lang]
        ):
            continue
        if tok.pos == "AUX" or tok.pos == "VERB" and tree.kids(w, "aux"):
            return True
        # the parse often gives a verb of the circumstances the speaker as its subject
        own_subject = any(k >= start for k in tree.kids(w, *SUBJECTS))
        if tok.pos == "VERB" and own_subject and not tree.kids(w, "mark"):
            return True
    return False


def _is_break(text: str) -> bool:
    return text == "," or (bool(text) and text in QUOTES_CLOSE)


def _attribution_end(tree: Tree, order: list[int], start: int, lang: str) -> int:
    """Where a speaker's name after a verb of saying ends: a comma, a bracket, a
    circumstance ("di Jakarta", "on Monday"), or the end."""
    position = start
    while position < len(order):
        tok = tree[order[position]]
        if tok.text == "(":
            # "kata Kepala Bagian Penerangan Umum (Kabag Penum) Polri, Kombes ...": an
            # abbreviation in brackets is part of the office
            close = next(
                (n for n in range(position + 1, min(position + 6, len(order)))
                 if tree[order[n]].text == ")"),
                None,
            )  # fmt: skip
            if close is not None and close + 1 < len(order) and position > start:
                position = close + 1
                continue
        if tok.text in {",", "(", ".", ";", ":"} or tok.lower in _CIRCUMSTANCE_WORDS[lang]:
            break
        if (
            position > start
            and tok.lower in {"yang", "who"}
            and tok.dep in SUBJECTS
            and start > 0
            and tree[order[start - 1]].lower in lexicon.SAY_VERBS_AFTER[lang]
        ):
            break  # "kata Trump yang tampak emosional saat ...": a clause about the speaker
        position += 1
    # "ujar Presiden FIGC, Carlo Tavecchio, ...": the name set off after the office (not
    # the office set off after the name: "ujar Takuya Shimamura, Presiden Asahi Glass")
    named_first = position > start and not any(
        _is_title(tree[w].text) for w in order[start:position]
    )
    after_title = position + 1 < len(order) and _is_title(tree[order[position + 1]].text)
    if (
        position < len(order)
        and tree[order[position]].text == ","
        and not (named_first and after_title)
    ):
        nxt = position + 1
        # a rank before the name takes no place of it ("Kombes Raden Prabowo Argo Yuwono")
        longest = 4 + sum(_is_title(tree[w].text) for w in order[position + 1 : position + 3])
        while (
            nxt < len(order) and _capitalised(tree[order[nxt]].text) and nxt - position <= longest
        ):
            nxt += 1
        ends = (
            nxt >= len(order)
            or tree[order[nxt]].text in {",", ".", "(", ";"}
            or tree[order[nxt]].lower in _CIRCUMSTANCE_WORDS[lang]  # "..., Kombes X saat ..."
        )
        if nxt - position >= 3 and ends:
            return nxt
    return position


def _past_circumstances(tree: Tree, order: list[int], start: int, lang: str) -> int:
    """After the speaker: where and when ("di Jakarta, Senin (24/2)", "on Monday"), an
    apposition ("a partner at Rhodium") up to the end of the sentence. Returns the index
    just past what the attribution takes; a new clause ends it."""
    position = start
    while position < len(order):
        tok = tree[order[position]]
        if tok.text == "," and position + 1 < len(order):
            # a comma followed by a clause of its own ends the attribution (an interjection)
            tail = [tree[x] for x in order[position + 1 :] if tree[x].pos != "PUNCT"]
            if any(t.pos in {"VERB", "AUX"} for t in tail) and not _circumstance_tail(tail, lang):
                return position + 1
        position += 1
    return len(order)


def _circumstance_tail(tail: list[Token], lang: str) -> bool:
    """A tail that is only time, place and apposition, no statement of its own."""
    return (
        all(
            t.pos not in {"VERB", "AUX"} or t.dep in {"acl", "acl:relcl"} or t.head == t.i and False
            for t in tail
        )
        or (
            len(tail) <= 8
            and tail[0].lower in _CIRCUMSTANCE_WORDS[lang] | {"a", "an", "the", "who", "yang"}
        )
        or (
            # "saat ditemui pada acara Media Test Drive ... di Bogor": one verb of meeting the
            # reporter, right after the marker, and names of places and events after it
            len(tail) <= 20
            and tail[0].lower in _CIRCUMSTANCE_WORDS[lang]
            and [n for n, t in enumerate(tail) if t.pos in {"VERB", "AUX"}][:2] in ([], [1])
        )
    )


def _name_like(tree: Tree, speaker: list[int], lang: str) -> bool:
    if not speaker:
        return True
    if len(speaker) > 12:
        # "Kepala Bidang Kedaruratan dan Logistik Badan Penanggulangan Bencana Daerah (BPBD)
        # Jember Heru Widagdo": a long office is written in capitals, a clause is not
        words = [x for x in speaker if tree[x].pos != "PUNCT"]
        capitals = sum(_capitalised(tree[x].text) for x in words)
        if len(words) > 18 or capitals < 0.75 * len(words):
            return False
    first = tree[speaker[0]]
    if first.lower in lexicon.REPORTING[lang] or any(
        tree[x].lower in {"that", "bahwa"} for x in speaker
    ):
        return False
    verbs = [
        x for x in speaker if tree[x].pos in {"VERB", "AUX"} and not _capitalised(tree[x].text)
    ]
    named = any(
        tree[x].pos in {"NOUN", "PROPN", "PRON"} or _capitalised(tree[x].text) for x in speaker
    )
    relative = any(tree[x].lower in lexicon.RELATIVIZERS[lang] for x in speaker)
    # "..., menegaskan kalau sang pemain tidak akan ...": a clause, not a name
    marked = any(tree[x].dep == "mark" and tree[x].pos == "SCONJ" for x in speaker)
    return not verbs and named and not relative and not marked


def _leaves_statement(
    tree: Tree, rest: frozenset[int] | set[int], order: list[int], cut: set[int]
) -> bool:
    words = [x for x in rest if tree[x].pos != "PUNCT"]
    return len(words) >= 3


_CIRCUMSTANCE_WORDS = {
    "id": frozenset(
        _terms("""
            di, saat, ketika, dalam, kepada, pada, usai, seusai, sebelum, sesudah, setelah,
            kemarin, dengan, dari, senin, selasa, rabu, kamis, jumat, sabtu, minggu,
            seperti, sebagaimana, dikutip, dilansir, singkat, sembari, sambil, seraya
        """)
    ),
    "en": frozenset(
        _terms("""
            in, on, at, during, after, before, to, from, with, when, while, as, last, this, monday,
            tuesday, wednesday, thursday, friday, saturday, sunday, yesterday, today, earlier
        """)
    ),
}


def _description(tree: Tree, speaker: list[int], words: frozenset[int]) -> frozenset[int]:
    """The apposition the parse hangs on the speaker's name after it ("Maura McLaughlin, a
    radioastronomer at ...")."""
    found: set[int] = set()
    for s in speaker:
        for a in tree.kids(s, "appos"):
            if a > max(speaker):
                found |= tree.subtree(a)
    return frozenset(found & words)


def _comma_before(tree: Tree, sub: frozenset[int], words: frozenset[int]) -> frozenset[int]:
    before = tree.before(min(sub))
    return (
        frozenset({before.i})
        if before is not None and before.text == "," and before.i in words
        else frozenset()
    )


_SPEAKER_STOPS = frozenset(
    _terms(
        "di, saat, ketika, dalam, kepada, pada, usai, seusai, in, on, at, during, after, kemarin"
    )
)
_NOT_IN_NAME = frozenset(
    {"acl", "advcl", "parataxis", "obl", "advmod", "nmod:tmod", "obl:tmod", "punct"}
)
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "seorang",
        "sebuah",
        "para",
        "sang",
        "si",
        "ini",
        "itu",
        "tersebut",
        "sendiri",
        "some",
        "several",
        "many",
        "most",
        "few",
        "all",
        "other",
        "sejumlah",
        "beberapa",
        "banyak",
    }
)
_HEAD_OF = frozenset(
    {"kepala", "ketua", "direktur", "sekretaris", "pemimpin", "chairman", "director", "chief"}
)
_JOINERS = frozenset({"dan", "and", "&", "serta"})
_MEDIUM_WORDS = frozenset(
    {"laman", "situs", "laporan", "akun", "portal", "harian", "kantor", "berita", "media", "resmi"}
)
_NAME_PARTICLES = frozenset(
    {"bin", "binti", "van", "von", "de", "der", "da", "di", "al", "el", "d'", "del", "dos"}
)


def _article_of_name(tree: Tree, ordered: list[int]) -> bool:
    """A capital "The" inside the sentence before a capitalised word is part of the body's
    name ("pernyataan resmi The Fed", "disusun oleh The Economist")."""
    first = ordered[0]
    return (
        tree[first].text == "The"
        and not tree.opens(first)
        and len(ordered) > 1
        and _capitalised(tree[ordered[1]].text)
    )


def speaker_name(tree: Tree, words: frozenset[int]) -> str:
    """Who is speaking, as a name: a person without titles or office ("Ketua Umum PAN
    Zulkifli Hasan" -> "Zulkifli Hasan"), a body by its whole name, or a nameless
    description without its article ("the ministry" -> "ministry")."""
    head = next((w for w in sorted(words) if tree[w].head not in words or tree[w].head == w), None)
    if head is None:
        return ""
    keep = set(words)
    described = not _capital(tree, head) and tree[head].pos != "PROPN"
    # "unggahan media sosial yang belum terverifikasi": a description keeps its clause whole
    whole = {
        x
        for w in words
        if tree[w].dep == "acl:relcl" and described
        for x in tree.subtree(w)
        if x != w
    }
    for w in words:
        if w == head or tree[w].head not in keep or w in whole:
            continue
        relative = tree[w].dep == "acl:relcl"
        glued = tree[w].text in "-'." and tree.glued(w)
        if (tree[w].dep in _NOT_IN_NAME and not glued) or (relative and not described):
            keep -= tree.subtree(w)  # "unggahan media sosial yang belum terverifikasi" stays
        elif tree[w].rel == "appos" and _bracketed(tree, w) and _capital(tree, head):
            keep -= tree.subtree(w)  # "Badan Pusat Statistik (BPS)": the name, not its short form
    # not an abbreviation in brackets: "Kepala Bagian Penerangan Umum (Kabag Penum) Polri,
    # Kombes Martinus Sitompul"
    names = [
        a
        for a in tree.kids(head, "appos")
        if a in words and tree[a].pos == "PROPN" and not _bracketed(tree, a)
    ]
    if names and (tree[head].pos != "PROPN" or _is_title(tree[head].text)):
        keep = set(tree.subtree(names[0]) & words)
    ordered = [w for w in sorted(keep) if tree[w].pos != "PUNCT" or tree[w].text in ".-'"]
    outlet = False  # "laporan Miami Herald", "situs Asianikkei", "kantor berita Antara"
    while ordered and (
        tree[ordered[0]].lower in _DETERMINERS
        and not _article_of_name(tree, ordered)
        or tree[ordered[0]].pos in {"CCONJ", "ADP", "PUNCT", "SCONJ"}
        # "In 2012 Donald Trump": a year before a name, not "706 musisi", "a 2014 study"
        or tree[ordered[0]].pos == "NUM"
        and len(ordered) > 1
        and _capitalised(tree[ordered[1]].text)
        or tree[ordered[0]].lower in _MEDIUM_WORDS
        and len(ordered) > 1
        and (
            _capitalised(tree[ordered[1]].text)
            or tree[ordered[1]].lower in _MEDIUM_WORDS
            or tree[ordered[0]].lower == "akun"  # "akun rizkiarraya": an account's handle
        )
        and (outlet := True)
    ):
        ordered = ordered[1:]
    if (
        ordered
        and _article_of_name(tree, ordered)
        and len(ordered) <= 5
        and all(_capital(tree, w) for w in ordered[1:])
    ):
        return tree.text(ordered)  # "The Fed", "The Economist": a body named with its article
    outlet = outlet and bool(ordered) and _capitalised(tree[ordered[0]].text)
    # "Deputi Pengembangan Pemasaran Pariwisata Nusantara, Esthy Reko Astuti": the name set
    # off after the office by a comma
    source = tree.parse.text
    commas = [
        b
        for a, b in zip(ordered, ordered[1:], strict=False)
        if "," in source[tree[a].end : tree[b].start]
    ]
    if commas:
        after = [w for w in ordered if w >= commas[-1]]
        # "Kepala Bagian Penerangan Umum (Kabag Penum) Polri, Kombes Martinus Sitompul": the
        # rank before the name goes too
        ranked = 0
        while ranked < len(after) - 1 and _is_title(tree[after[ranked]].text):
            ranked += 1
        after = after[ranked:]
        all_names = all(_capital(tree, w) and not _is_title(tree[w].text) for w in after)
        # "Kepala Seksi Bimas Islam Kemenag Kota Singkawang, Mukhlis": one name after an
        # office set off by its comma is the person too
        office_before = _is_title(tree[ordered[0]].text) and tree[after[0]].pos == "PROPN"
        if (2 <= len(after) <= 4 or (ranked or office_before) and len(after) == 1) and all_names:
            ordered = after
    while ordered and (
        tree[ordered[-1]].lower in _DETERMINERS
        or tree[ordered[-1]].pos in {"PUNCT", "ADP", "CCONJ"}
    ):
        ordered = ordered[:-1]
    cut = next(
        (
            n
            for n, w in enumerate(ordered)
            if n > 0 and (tree[w].text == "(" or tree[w].lower in _SPEAKER_STOPS)
        ),
        None,
    )
    ordered = ordered[:cut] if cut is not None else ordered
    # trailing lower-case words after a name are circumstances ("Haniv bulan lalu")
    while (
        len(ordered) > 1
        and not _capital(tree, ordered[-1])
        # not after a demonym only ("A Russian sex worker")
        and any(_capital(tree, w) and tree[w].rel != "amod" for w in ordered[:-1])
        and tree[ordered[-1]].lower not in ORGANISATION_ENDINGS
    ):
        ordered = ordered[:-1]
    while ordered and tree[ordered[-1]].pos in {"PUNCT", "ADP", "CCONJ"}:
        ordered = ordered[:-1]
    if not ordered:
        return ""
    dash = next(
        (
            n
            for n, w in enumerate(ordered[:3])
            if tree[w].text in {"-", "–", "—"} and not tree.glued(w)
        ),
        None,
    )
    if (
        dash is not None
        and dash + 1 < len(ordered)
        # not "Kepala Sub - Direktorat II ...": a title before it is the office's own
        and not any(_is_title(tree[w].text) for w in ordered[:dash])
    ):
        ordered = ordered[dash + 1 :]  # "Rimanews - Kementerian ...": the outlet's tag goes
    if outlet:
        return tree.text(ordered)  # an outlet by its whole name ("Times of India")
    if tree[ordered[-1]].lower in ORGANISATION_ENDINGS or (
        tree[ordered[0]].lower in lexicon.ORGANISATION_STARTS and len(ordered) > 1
    ):
        return tree.text(ordered)  # a body speaks: its whole name
    # "Presiden dan CEO MBDI Roelof Lamberts": "dan" between two titles is the office's
    past_titles = [
        w for w in ordered if not _is_title(tree[w].text) and tree[w].lower not in _JOINERS
    ]
    closed = [n for n, w in enumerate(ordered[:-1]) if tree[w].lower in _CLOSING_DEMONSTRATIVES]
    if closed and all(_capital(tree, w) for w in ordered[closed[-1] + 1 :]):
        # "wakil ketua umum induk sepakbola nasional tersebut Joko Driyono": a description
        # closed by its demonstrative, then the person it describes
        return tree.text(ordered[closed[-1] + 1 :])
    # "direktur olahraga Wolfsburg Olaf Rebbe", "chief financial officer Electronic Arts
    # Blake Jorgensen": an office in lower case, then the name
    # (a name closes it; not "pelatih kebugaran sekaligus pendiri Tone It Up", two roles, the
    # second of a body)
    office = (
        _is_title(tree[ordered[0]].text)
        and tree[ordered[0]].lower not in _NOT_OFFICES
        and _capital(tree, ordered[-1])
        and not any(tree[w].lower == "sekaligus" for w in ordered)
    )
    if (
        described
        and past_titles
        and not _capital(tree, past_titles[0])
        and len(ordered) > 1
        and not office
    ):
        # "mantan pasangan Jennifer Garner": a description that names someone else
        return tree.text(ordered)
    leading = _leading_name(tree, ordered)
    if leading:
        return tree.text(leading)
    run = _name_run(tree, ordered)
    if run:
        return tree.text(run)
    if ordered[-1:] and tree[ordered[-1]].text.lower() in ORGANISATION_ENDINGS:
        return tree.text(ordered)
    # a description ("otoritas", "the message", "officials"): the noun and its compounds
    core = [
        w
        for w in ordered
        if w == head
        or tree[w].head == head
        and (
            tree[w].rel in {"compound", "flat"}
            or tree[w].rel == "amod"
            and _capital(tree, w)  # "Russian sex worker"
        )
    ]
    return tree.text(core or ordered)


#: Title words that open a description of someone, not an office ("mantan pasangan X").
_NOT_OFFICES = frozenset({"mantan", "former", "eks", "ex", "the", "a", "an"})

#: Indonesian demonstratives that close a description of the person named after them.
_CLOSING_DEMONSTRATIVES = frozenset({"tersebut", "itu", "ini"})


def _leading_name(tree: Tree, ordered: list[int]) -> list[int]:
    """ "Edi Syahputra asisten pelatih PSMS Medan": a person's name first, then the
    office in lower case (no comma), then the body; the name is the speaker."""
    run: list[int] = []
    for w in ordered:
        if not _capital(tree, w) or _is_title(tree[w].text):
            break
        run.append(w)
    if len(run) < 2 or len(run) == len(ordered) or len(run) > 4:
        return []
    after = ordered[len(run) : len(run) + 3]
    if tree[after[0]].text[:1].isupper() or not any(_is_title(tree[w].text) for w in after):
        return []
    return run


def _name_run(tree: Tree, ordered: list[int]) -> list[int]:
    """The name at the end of a speaker's noun phrase, after any titles and office."""
    capital = [w for w in ordered if _capital(tree, w) or tree[w].lower in _NAME_PARTICLES]
    if not capital:
        return []
    # the run of name-like words that ends the phrase ("az-Zaman", "Al-Sadr" included)
    run: list[int] = []
    for w in reversed(ordered):
        text = tree[w].text
        # a hyphen written without spaces joins the words either side of it into the name
        glued = bool(run) and tree[w].end == tree[run[0]].start and "-" in (text, tree[run[0]].text)
        name_like = _capital(tree, w) and not _is_title(text)
        if name_like or (run and tree[w].lower in _NAME_PARTICLES) or glued:
            run.insert(0, w)
        else:
            break
    while run and tree[run[0]].text == "-":
        run = run[1:]
    # a particle opens no name ("di Jakarta"), unless capitalised as a name's own ("Di Li")
    while (
        run
        and tree[run[0]].lower in _NAME_PARTICLES
        and not (_capital(tree, run[0]) and len(run) > 1 and tree[run[0]].head in run[1:])
    ):
        run = run[1:]
    if not run:
        return []
    titled = run[0] != ordered[0]
    # "Direktur Jenderal Pengelolaan Pembiayaan dan Risiko Suminto": a word joined to the
    # office by "dan" is the office's too
    while len(run) > 1 and titled:
        at = ordered.index(run[0])
        if at < 2 or tree[ordered[at - 1]].lower not in {"dan", "and", "&"}:
            break
        if not _is_title(tree[ordered[at - 2]].text):
            break
        run = run[1:]
    # "Pemimpin Korea Utara Kim Jong Un", "Presiden Amerika Serikat Joe Biden", "Ketua DPP
    # Golkar Indra Bambang Utoyo": a place or a party between the office and the name
    # belongs to the office
    for n in range(len(run) - 1, 0, -1):
        place = " ".join(tree[w].lower for w in run[:n])
        if titled and (place in lexicon.PLACES or place in lexicon.PARTIES) and len(run) - n >= 2:
            run = run[n:]
            break
    # "... Badan Penanggulangan Bencana Daerah (BPBD) Jember Heru Widagdo": a word right after
    # the body's short form in brackets is the body's place, not the person's first name
    before_run = tree.before(run[0])
    if len(run) == 3 and before_run is not None and before_run.text == ")":
        run = run[1:]
    # "Kepala Bulog Budi Waseso": a head-of title, then the body it heads, then the name
    if titled and len(run) == 3 and tree[ordered[ordered.index(run[0]) - 1]].lower in _HEAD_OF:
        run = run[1:]
    # a long office before the name: the parser's name chain (flat) is the name
    if len(run) > 2:
        last = run[-1]
        chain = [w for w in run if _same_name(tree, w, last)]
        if 2 <= len(chain) < len(run) and chain == run[len(run) - len(chain) :]:
            run = chain
    if not titled and len(run) == len(ordered):
        return run
    return run


def _bracketed(tree: Tree, w: int) -> bool:
    before = tree.before(tree.first_word(w))
    return before is not None and before.text == "("


def _same_name(tree: Tree, a: int, b: int) -> bool:
    """Whether two words are linked by flat relations (the parts of one name)."""

    def root(i: int) -> int:
        seen = set()
        while tree[i].rel == "flat" and tree[i].head != i and i not in seen:
            seen.add(i)
            i = tree[i].head
        return i

    return root(a) == root(b) and tree[root(a)].pos == "PROPN" and not _is_title(tree[root(a)].text)


def _capital(tree: Tree, w: int) -> bool:
    """A capital that marks a name: not the one every sentence opens with."""
    return _capitalised(tree[w].text) and (w > 0 or tree[w].pos == "PROPN")


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or (len(text) > 1 and text[0] in "'’" and text[1:2].isupper())


def _is_title(word: str) -> bool:
    lowered = word.lower().strip(",")
    if lowered in lexicon.ROLE_TITLES:
        return word[:1].isupper()
    is_acronym = len(word) >= 2 and word.isupper() and word.isalpha()
    return lowered in TITLES or lowered in PORTFOLIO_WORDS or is_acronym or _office_noun(word)


# Indonesian nouns made with pe-an / per-an / ke-an ("Kehutanan", "Pengembangan",
# "Pemasaran") name a field of an office ("Kepala Dinas Pertanian dan Kehutanan ..."),
# never a person.
_OFFICE_NOUN = re.compile(r"^(?:Pe[nmr]?g?|Pe|Ke)[a-z]{3,}an$")


def _office_noun(word: str) -> bool:
    return len(word) >= 8 and bool(_OFFICE_NOUN.match(word))


_HEDGE_CACHE: dict[str, re.Pattern[str]] = {}


def has_hedge(text: str, lang: str) -> bool:
    pattern = _HEDGE_CACHE.get(lang)
    if pattern is None:
        pattern = re.compile(r"\b" + words_pattern(HEDGES[lang]) + r"\b", re.IGNORECASE)
        _HEDGE_CACHE[lang] = pattern
    literal = lexicon.LITERAL_AFTER[lang]
    for match in pattern.finditer(text):
        followers = literal.get(match.group(0).lower())
        if followers is None:
            return True
        after = text[match.end() :].split(None, 1)
        before = text[: match.start()].split()
        if not (after and after[0].lower() in followers) or (
            before and before[-1].lower() in lexicon.REPORT_INTRODUCERS[lang]
        ):
            return True
    return False
