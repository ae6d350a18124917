"""Atomic claims: cut a parsed sentence into propositions on its dependency tree.

One rule set over Universal Dependencies relations, for Indonesian and English alike; words
matter only where the relation alone cannot tell (markers, reporting verbs, hedges, openers,
titles; claimcheck/pipeline/lexicon.py). A clause becomes a claim of its own when it is
- a conjunct predicate or clause (``conj``), a side-by-side clause (``parataxis``), a
  concessive, contrastive or causal adverbial clause (``advcl`` with such a marker);
- a non-restrictive relative clause (``acl:relcl`` set off by commas, or after a name) or a
  participial clause set off by commas (a fronted ``advcl``, an ``acl`` after its noun);
- the content of a reporting verb (``ccomp``/``parataxis``, "menurut X", "according to X"),
  whose subject becomes the speaker.
Each claim keeps the offsets of the words it uses; words written back (an elided subject, a
gapped verb, a head noun, an English auxiliary) are marked as restored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from claimcheck.pipeline import attribution, lexicon
from claimcheck.pipeline.parse import Parse
from claimcheck.pipeline.tree import QUOTES_CLOSE, QUOTES_OPEN, SUBJECTS, Tree

_MIN_WORDS = 3
#: Marks after which a subject and its own predicate start a new statement.
_SPLICES = frozenset({",", "—", "–", "--"})
#: Longer "sentences" are run-on scraper output (a page without punctuation), not prose a
#: reviewer can check as one statement; they are kept as sentences but give no claims.
MAX_SENTENCE_CHARS = 1500
_PREDICATE_POS = frozenset({"VERB", "AUX"})
# Words that put a second act after the first on one object ("published and later deleted")
_SEQUENCE_ADVERBS = frozenset({"later", "then", "subsequently", "quickly", "soon"})
# "Anda yang ...", "mereka yang ...": a relative clause on a pronoun says which people
_ID_PERSONAL_PRONOUNS = frozenset({"anda", "kamu", "kalian", "mereka", "kita", "kami", "engkau"})
_FIRST_PERSON = frozenset({"saya", "aku", "kami", "kita", "i", "we", "me"})
_ARTICLES = frozenset({"the", "a", "an", "sebuah", "seorang", "para", "sang", "si"})
#: Indonesian predicates that can open a participial clause: the passive and stative
#: prefixes ("Terkubur sedalam ...", "Dibangun pada 1970, ...", "Berbeda dari ..., X ...").
_ID_PARTICIPLE_PREFIXES = ("ter", "di", "ber")
_BE_FORMS = lexicon.NOT_BUT_COPULAS | {"being", "am"}
_PURPOSE_MODALS = frozenset({"could", "would", "can", "might", "may"})
_MODALS = _PURPOSE_MODALS | {"will", "shall", "should", "must"}
_ARGUMENTS = frozenset({"nsubj", "obj", "obl", "iobj", "nmod", "xcomp", "appos", "dislocated"})


@dataclass(frozen=True)
class ClaimDraft:
    text: str
    start: int  # offsets into the sentence of the first and last word used
    end: int
    speaker: str | None
    hedged: bool
    reference: str | None = None  # words that need an earlier sentence ("Ia", "This")
    spans: tuple[tuple[int, int], ...] = ()  # the runs of the sentence's words used
    restored: tuple[str, ...] = ()  # words written back that the sentence has elsewhere


@dataclass(frozen=True)
class _Piece:
    words: frozenset[int]
    front: tuple[str, ...] = ()  # restored words before the first word
    inserts: tuple[tuple[int, str], ...] = ()  # restored words before word i
    speaker: str | None = None
    frame_hedged: bool = False
    unresolved: str | None = None  # a pronoun speaker with nobody named before
    head: int | None = None  # the predicate the piece was cut around


class _Cutter:
    def __init__(
        self,
        tree: Tree,
        lang: str,
        last_speaker: str | None,
        *,
        split: bool = True,
        last_group: str | None = None,
    ) -> None:
        self.split = split  # False: only attribution frames are cut, statements stay whole
        self.tree = tree
        self.lang = lang
        self.last_speaker = last_speaker  # the last person named: a "dia", "he"
        self.last_group = last_group or last_speaker  # anyone named: a "mereka", "they"
        self.pieces: list[_Piece] = []
        self.replaced: dict[int, str] = {}  # a word to write as these words ("whom")

    # -- clauses --------------------------------------------------------------------------
    def clause(
        self,
        head: int,
        words: frozenset[int],
        *,
        subject: tuple[str, ...] = (),
        subject_words: frozenset[int] = frozenset(),
        speaker: str | None = None,
        hedged: bool = False,
        unresolved: str | None = None,
    ) -> None:
        """Cut the clause headed by ``head`` (its words: ``words``) into pieces.

        ``subject``/``subject_words``: the subject it shares with the clause it was cut from
        (written back when it has none of its own; the speaker, if it reports speech)."""
        t = self.tree
        frame = attribution.frame(t, head, words, self.lang)
        if frame is not None and not frame.speaker_words and not frame.hedged and subject_words:
            # "X called and informed me that P", "X is suing Y, charging that P"
            frame = replace(frame, speaker_words=subject_words)
        if (
            frame is not None
            and speaker is not None
            and not self._pronoun(frame)
            and (frame.speaker_words or t.open_quote(head) is not None)
        ):
            # '"Orang Hawaii mengatakan itu karma," kata Lawrence': the speaker's claim is
            # what others said; only "saya mengartikan bahwa ..." (the speaker's own) opens.
            # Outside the quotation, a verb of saying with no subject is the speaker's own:
            # '..., Fa added, pointing out that most global policy frameworks ...'
            frame = None
        if frame is not None:
            said, unresolved_here = self._speaker(frame, speaker)
            framing = words - frame.content - frame.other
            hedged_frame = (
                hedged or frame.hedged or attribution.has_hedge(t.text(framing), self.lang)
            )
            # "Korea Utara mengakui telah mengirim pasukan": what was said shares the
            # speaker's subject when it has none of its own
            written = (
                attribution.speaker_name(t, frame.speaker_words) if frame.speaker_words else ""
            )
            own_voice = (written,) if written else ()
            # words of what was said under none of its heads go with the head before them
            covered = frozenset().union(*(t.subtree(h) for h in frame.heads))
            loose = frame.content - covered
            for content_head in frame.heads:
                later = [h for h in frame.heads if h > content_head]
                after = {w for w in loose if w > content_head and not any(h < w for h in later)}
                part = (t.subtree(content_head) & frame.content) | after
                if (
                    len(frame.heads) > 1
                    and content_head < min(frame.speaker_words, default=0)
                    and t[content_head].pos in {"NOUN", "PROPN"}
                    and not any(self._verbal(w) or t[w].dep == "cop" for w in part)
                ):
                    # "The United States' top infectious diseases expert, Dr. Anthony
                    # Fauci, said ...": the speaker's office before the name, no statement
                    continue
                self.clause(
                    content_head,
                    part,
                    subject=()
                    if t.subject(content_head) is not None
                    or self._complementizer(content_head)
                    or t[content_head].pos in {"NOUN", "PROPN", "PRON"}  # the subject itself
                    or t[content_head].lower in lexicon.EXISTENTIALS[self.lang]  # "tak ada ..."
                    else own_voice,
                    speaker=said,
                    hedged=hedged_frame,
                    unresolved=unresolved_here or unresolved,
                )
            # A second predicate of the reporting verb's subject ("X said A and left"): a
            # claim of its own, not part of what was said.
            speaker_words = self._without_markers(frame.speaker_words)
            speaker_subject = (t.text(speaker_words),) if speaker_words else ()
            for other in sorted(t.tops(frame.other)):
                if self._source_phrase(other):
                    continue  # "X, seperti dikutip dari detikcom, membenarkan ...": no claim
                if t[other].rel == "appos" and not self._verbal(other) and written:
                    # "says Maura McLaughlin, a radioastronomer at ..., who wants to ...": the
                    # description is no claim; a relative clause in it is one about the speaker
                    self._side_clauses(
                        t.subtree(other) & frame.other, speaker, False, unresolved, noun=written
                    )
                    continue
                own = t.subject(other) is not None
                self.clause(
                    other,
                    t.subtree(other) & frame.other,
                    subject=() if own else speaker_subject,
                    subject_words=frozenset() if own else frame.speaker_words,
                    speaker=speaker,
                )
            self._speaker_description(frame, written, speaker, unresolved)
            return
        if speaker is None:
            # "Keputusan ... diumumkan langsung oleh Direktur Turnamen ..., Craig Tiley": an
            # announcement in the passive is its agent's
            agent = attribution.passive_agent(t, head, words, self.lang)
            speaker = attribution.speaker_name(t, agent) or None if agent else None
        own_subject = self._subject_words(head, words)
        subject_text = (t.text(own_subject),) if own_subject else subject
        if not self.split:
            front = () if own_subject else subject
            self.pieces.append(_Piece(words, front, (), speaker, hedged, unresolved, head))
            return
        if self._not_only(head, words, subject_text, speaker, hedged, unresolved):
            return
        if self._not_but(words, speaker, hedged, unresolved):
            return
        if self._fronted_concession(head, words, speaker, hedged, unresolved):
            return

        # "The company reportedly cut jobs and closed plants": the hedge covers both
        hedged = hedged or any(
            attribution.has_hedge(t[a].text, self.lang)
            for a in t.kids(head, "advmod")
            if a in words
        )
        rest = set(words)
        for child in t.children[head]:
            if child not in rest:
                continue
            kind = self._split_kind(head, child, words)
            if kind is None:
                continue
            has_own = t.subject(child) is not None
            if (
                kind == "conj"
                and not has_own
                and not subject_text
                and child > head
                and attribution.frame(t, child, t.subtree(child) & words, self.lang) is None
            ):
                # ", memposisikannya di antara ...": with no subject to write back, the
                # second predicate alone is no statement; it stays with the first
                continue
            part = t.subtree(child) & words
            part |= self._melainkan_after(head, child, part, words)
            absolute = self._absolute_marker(head, child)
            if absolute is not None:
                part = part - {absolute}  # the "dengan" goes: it ties the clause on, nothing more
            additive = self._additive_marker(head, child, words)
            if additive is not None:
                part = part - {additive}  # "selain" goes with the cut, from both claims
                rest.discard(additive)
            # "..., tak ada aplikasi yang ...", "there is": an existential has no subject
            existential = t[child].lower in lexicon.EXISTENTIALS[self.lang]
            # "..., tetapi pasokan tetap aman" parsed with the noun as the clause's head: that
            # noun is the subject, none is written back
            noun_headed = (
                kind == "contrast"
                and t[child].rel == "advcl"  # a conjunct noun may be gapped: "bukan A, tapi B"
                and t[child].pos in {"NOUN", "PROPN", "PRON"}
                # "meski sempat kewalahan ...": a predicate the tagger took for a noun
                and not any(k < child for k in t.kids(child, "advmod", "aux"))
            )
            if (
                kind == "contrast"
                and child < head
                and not (has_own or subject_text or existential or noun_headed)
            ):
                # "Meski membawa hasil ..., bukan berarti Juventus tanpa celah": a fronted
                # concession whose clause has no subject to lend it stays with that clause
                continue
            rest -= part
            whom = self._of_whom(child, part)
            if whom is not None and own_subject:
                # "..., most of whom lived full time on the island" parsed as a clause beside
                # the first: the first clause's subject in place of "whom"
                named = _in_sentence(t, own_subject)
                if self.lang == "en" and t[min(own_subject)].pos not in {"DET", "PRON", "PROPN"}:
                    named = f"the {named}"  # "most of the more than 100 men"
                self.replaced[whom] = named
            inherit = () if has_own or existential or noun_headed else subject_text
            if inherit and kind in {"conj", "contrast"}:
                inherit = inherit + self._copula(head, child)
            if kind == "participle":
                inherit = subject_text + self._auxiliary(head, own_subject, child)
            self.clause(
                child,
                part,
                subject=inherit,
                subject_words=frozenset() if has_own else (own_subject or subject_words),
                speaker=speaker,
                hedged=hedged,
                unresolved=unresolved,
            )
            if kind == "contrast":
                rest -= self._only_words(head, rest)

        rest -= self._trailing_reason(head, frozenset(rest), speaker, hedged, unresolved)
        rest_frozen = frozenset(rest)
        rest_frozen = self._gapping(head, rest_frozen, subject_text, speaker, hedged, unresolved)
        rest_frozen = self._side_clauses(rest_frozen, speaker, hedged, unresolved)
        front = () if own_subject else subject
        rest_frozen = self._comma_contrast(
            head, rest_frozen, front or subject_text, speaker, hedged, unresolved
        )
        if self._source_phrase(head) and rest_frozen != words:
            # "Kepala Bidang Humas ..., seperti dikutip dari detikcom, membenarkan bahwa ...",
            # parsed with the source phrase as the root: what is left of it is no claim
            return
        inserts = tuple((w, text) for w, text in self.replaced.items() if w in rest_frozen)
        rest_frozen = rest_frozen - {w for w, _ in inserts}
        self.pieces.append(_Piece(rest_frozen, front, inserts, speaker, hedged, unresolved, head))

    def _melainkan_after(
        self, head: int, child: int, part: frozenset[int], words: frozenset[int]
    ) -> frozenset[int]:
        """ "..., tapi hadiahnya bukan trofi, melainkan tiket lolos ...": the "melainkan"
        phrase right after a clause with "bukan", which the parse hung on the head, is the
        second half of that clause."""
        t = self.tree
        if self.lang != "id" or not any(t[w].lower in {"bukan", "bukanlah"} for w in part):
            return frozenset()
        after = max(part) + 1
        if after < len(t) and t[after].text == ",":
            after += 1
        if after >= len(t) or t[after].lower != "melainkan":
            return frozenset()
        top = t[after].head if t[after].head != child else after
        if top == head or top not in t.children[head]:
            return frozenset()
        return (
            t.subtree(top) | {after - 1} if t[after - 1].text == "," else t.subtree(top)
        ) & words

    def _trailing_reason(
        self,
        head: int,
        words: frozenset[int],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> frozenset[int]:
        """ "Saya mengajak seluruh warga untuk memilih karena saya sudah memerintahkan
        ...": a reason or contrast with a subject of its own that ends the clause is a claim
        of its own, also where the parser hung it on a word inside the clause (the purpose
        clause "untuk memilih") rather than on its verb. The words it took are returned."""
        t = self.tree
        last = max((w for w in words if t[w].pos != "PUNCT"), default=None)
        markers = lexicon.CAUSAL_MARKERS[self.lang] | lexicon.CONTRAST_MARKERS[self.lang]
        for w in sorted(words):
            if t[w].rel != "advcl" or t[w].head == head or w <= head or t.subject(w) is None:
                continue
            marker = self._marker(w)
            if marker is None or marker not in markers:
                continue
            part = t.subtree(w) & words
            if last not in part or _adverbs_only(t, part):
                continue
            self.clause(w, part, speaker=speaker, hedged=hedged, unresolved=unresolved)
            return part
        return frozenset()

    def _reason(
        self,
        head: int,
        words: frozenset[int],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> frozenset[int]:
        """ "... long ago—the tool survived only because it was at the bottom of ...": the
        reason, with its own subject, of a statement the parse did not make a clause of the
        sentence's is a claim of its own, as in any clause. The words it took are returned."""
        t = self.tree
        for child in t.children[head]:
            if child not in words or child < head:
                continue
            if not (
                (t[child].rel == "advcl" or self._copular_clause(child))
                and self._causal_clause(child)
            ):
                continue
            part = t.subtree(child) & words
            self.clause(child, part, speaker=speaker, hedged=hedged, unresolved=unresolved)
            return part
        return frozenset()

    def _complementizer(self, i: int) -> bool:
        """A clause opened by "bahwa"/"that": complete in itself (when it has no subject it
        is impersonal, "bahwa tidak ada ..."), unlike "mengakui telah mengirim ..." """
        return any(self.tree[m].lower in {"that", "bahwa"} for m in self.tree.subtree(i) if m < i)

    def _verbal(self, i: int) -> bool:
        """A verb or auxiliary, by the tagger or, in Indonesian, by its verbal prefix when the
        tagger says otherwise ("mengecam" read as a pronoun)."""
        tok = self.tree[i]
        if self._says_when(i):
            return False  # "Pada pemeriksaan Senin lalu, ...": a time, no verb
        if tok.pos in _PREDICATE_POS:
            return not self._in_name(i)
        return (
            self.lang == "id"
            and tok.pos in {"PRON", "NOUN", "X", "ADV", "ADJ"}
            and not tok.text[:1].isupper()
            and lexicon.id_is_predicate(tok.text)
            and tok.lower not in lexicon.ID_PREDICATE_WORDS
        )

    def _says_when(self, i: int) -> bool:
        """An Indonesian word that says when: "lalu" or "berselang" after a time ("Senin
        lalu", "dua tahun berselang"), "menjelang" ("sehari menjelang lomba")."""
        t = self.tree
        if self.lang != "id":
            return False
        if t[i].lower in {"menjelang", "jelang"}:
            return True
        return t[i].lower in {"lalu", "berselang"} and i > 0 and lexicon.lalu_of_time(t[i - 1].text)

    def _in_name(self, i: int) -> bool:
        """ "Rocket Pass 4 in Rocket League brings ...": a capitalised English word inside a
        name, which the tagger took for a verb; in a sentence written in lower case, not in a
        title-case headline, where every word is capitalised."""
        t = self.tree
        if self.lang != "en" or i == 0 or not t[i].text[:1].isupper() or t.opens(i):
            return False
        if t[i - 1].pos != "PROPN" or not t[i - 1].text[:1].isupper():
            return False
        words = [tok.text for tok in t.tokens if tok.text[:1].isalpha()]
        return sum(w[:1].islower() for w in words) * 2 >= len(words)

    def _pronoun(self, frame: attribution.Frame) -> bool:
        words = [self.tree[w].lower for w in frame.speaker_words]
        return frame.pronoun or (
            len(words) == 1 and words[0] in lexicon.PRONOUN_SPEAKERS | _FIRST_PERSON
        )

    def _speaker(
        self, frame: attribution.Frame, outer: str | None
    ) -> tuple[str | None, str | None]:
        """The frame's speaker, and the pronoun left unresolved when nobody was named before."""
        written = (
            attribution.speaker_name(self.tree, frame.speaker_words) if frame.speaker_words else ""
        )
        if (outer or self.last_speaker) and self._refers_back(frame.speaker_words):
            # "Mantan Kapolrestabes Bandung ini, menjelaskan ...": a description closed by a
            # demonstrative is someone named before, as "dia" is (not "Bandung"); with
            # nobody named before, the description stands
            return outer or self.last_speaker, None
        if frame.pronoun and not written or written.lower() in lexicon.PRONOUN_SPEAKERS:
            plural = written.lower() in lexicon.PLURAL_PRONOUNS
            named = outer or (self.last_group if plural else self.last_speaker)
            return named, None if named else (written or "-nya")
        if written.lower() in _FIRST_PERSON:
            # '"Saya hanya ingin mengatakan, ...," kata Drake': the quote's speaker; outside
            # a quote, the writer, who is no speaker
            return outer, None
        return (written or outer), None

    def _source_phrase(self, i: int) -> bool:
        """ "seperti dikutip dari detikcom", "as quoted by Reuters": where the words came
        from, set inside the sentence with its marker; it states nothing of its own."""
        t = self.tree
        if t[i].lower not in lexicon.SOURCE_VERBS[self.lang]:
            return False
        return any(
            t[k].lower in lexicon.SOURCE_MARKERS and k < i for k in t.kids(i, "case", "mark")
        )

    def _speaker_description(
        self,
        frame: attribution.Frame,
        written: str,
        speaker: str | None,
        unresolved: str | None,
    ) -> None:
        """ "says Natalya Lawrence, a coordinator with the ... Group, which oversees the
        Redonda restoration project": a relative clause in the speaker's description states a
        fact of its own (the description itself is none)."""
        if not written:
            return
        t = self.tree
        for name in sorted(frame.speaker_words):
            for described in t.kids(name, "appos"):
                if described in frame.speaker_words | frame.content | frame.other:
                    continue  # inside what was said, or already cut with the rest
                self._side_clauses(
                    t.subtree(described) - frame.content - frame.other,
                    speaker,
                    False,
                    unresolved,
                    noun=written,
                )

    def _refers_back(self, words: frozenset[int]) -> bool:
        """Whether an Indonesian speaker is a description closed by a demonstrative with no
        name before it ("Mantan Kapolrestabes Bandung ini", "Pria yang juga menjabat ...
        itu"), which points back to someone named earlier."""
        t = self.tree
        ordered = [w for w in sorted(words) if t[w].pos != "PUNCT"]
        if self.lang != "id" or not ordered:
            return False
        if len(ordered) == 1:
            # "ujar pria yang murah senyum ini": "pria" alone, its clause cut off, is someone
            # named before (a bare "hakim" or "dokter" is someone new)
            return t[ordered[0]].text in {"pria", "wanita", "perempuan", "laki-laki"}
        if t[ordered[-1]].lower not in {"ini", "itu"}:
            return False
        if t[ordered[0]].lower not in lexicon.PERSON_WORDS:
            return False  # "para petani itu", "pernyataan itu", "sumber itu": no one person
        # the demonstrative closes the description itself, not a noun in a clause inside it
        # ("sumber yang terlibat dalam produksi film ini")
        w = t[ordered[-1]].head
        while w in words and t[w].head in words and t[w].head != w:
            if t[w].rel == "acl" or t[w].pos in {"VERB", "AUX"}:
                return False
            w = t[w].head
        return t[w].rel != "acl"

    def attributed(self, frame: attribution.Frame, words: frozenset[int]) -> None:
        """Cut everything the sentence says, given an attribution for all of it."""
        said, unresolved = self._speaker(frame, None)
        hedged = frame.hedged or attribution.has_hedge(
            self.tree.text(words - frame.content - frame.other), self.lang
        )
        written = (
            attribution.speaker_name(self.tree, frame.speaker_words) if frame.speaker_words else ""
        )
        if frame.other and written:
            self._side_clauses(frame.other, None, False, None, noun=written)
        self._speaker_description(frame, written, None, None)
        t = self.tree
        tops = [h for h in sorted(t.tops(frame.content)) if t[h].pos != "PUNCT"]
        lent: frozenset[int] = frozenset()  # a subject the parse gave the verb of saying
        # A top under another one, through the frame's verb: a clause with its own subject is
        # cut out of it ("Gas comes with ... — but replacing coal with gas led to ..., Houser
        # said"); anything else stays in it ("It's easy, she says, for people to marvel ...").
        inner = {h: any(h in t.subtree(o) for o in tops if o != h) for h in tops}
        own = {h for h in tops if inner[h] and not self._infinitive(h) and t.subject(h) is not None}
        # "Gaetan Jego mengatakan, peluang timnya ... cukup terbuka": a predicate with no
        # subject or marker, hung beside what was said, goes with the clause before it
        joined: dict[int, frozenset[int]] = {}
        previous = None
        for head in tops:
            if inner[head] and head not in own:
                continue
            # "..., perekonomian domestik, hingga kondisi politik": a list the parse hung on
            # the verb of saying goes on too
            listed = (
                t[head].rel in {"conj", "obl", "nmod"} and t[head].pos in {"NOUN", "PROPN", "NUM"}
            ) and not any(
                t[w].pos in _PREDICATE_POS or t[w].dep == "cop"
                for w in t.subtree(head) & frame.content
            )
            if (
                previous is not None
                and (attribution.loose_predicate(t, head) or listed)
                and t[previous].rel != "nsubj"  # a subject lent on, below
                and self._adjacent(previous, head, frame.content)
            ):
                joined[previous] = joined.get(previous, frozenset()) | t.subtree(head)
                joined[head] = frozenset()
                continue
            previous = head
        for n, head in enumerate(tops):
            if inner[head] and head not in own or joined.get(head) == frozenset():
                continue
            part = (t.subtree(head) | joined.get(head, frozenset())) & frame.content
            for o in own:
                if o != head and o in part:
                    part -= t.subtree(o)
            if (
                t[head].rel == "nsubj"
                and t[head].pos in {"NOUN", "PROPN"}
                and n + 1 < len(tops)
                and t.subject(tops[n + 1]) is None
                and self._verbal(tops[n + 1])
            ):
                # "Polisi, ia menambahkan, juga telah mendirikan posko ...": the noun before
                # the frame is the subject of what was said after it
                lent = self._without_markers(
                    frozenset(w for w in part if t[w].pos != "PUNCT" or t.glued(w))
                )
                continue
            self.clause(
                head,
                part,
                subject=(t.text(lent),) if lent else (),
                subject_words=lent,
                speaker=said,
                hedged=hedged,
                unresolved=unresolved,
            )
            lent = frozenset()

    def _adjacent(self, first: int, second: int, content: frozenset[int]) -> bool:
        """Whether only commas lie between two clauses of what was said: no frame set
        inside the sentence, no closing quotation mark."""
        t = self.tree
        end = max(w for w in t.subtree(first) & content if t[w].pos != "PUNCT")
        begin = min(w for w in t.subtree(second) & content if t[w].pos != "PUNCT")
        return all(t[w].text == "," for w in range(end + 1, begin))

    def _subject_words(self, head: int, words: frozenset[int]) -> frozenset[int]:
        t = self.tree
        found = [c for c in t.kids(head, *SUBJECTS) if c in words]
        if not found:
            return frozenset()
        subtree = t.subtree(found[0]) & words
        if head > 1 and t[head - 1].text in "-–" and t.glued(head - 1):
            # "Police pepper-sprayed ...": the word glued to the verb is the verb's
            subtree -= {head - 2, head - 1}
        # A non-restrictive clause inside the subject is a claim of its own, not part of it.
        for w in list(subtree):
            if self._side_kind(w) is not None:
                subtree -= t.subtree(w)
        # brackets and a hyphen inside a name ("American-Arab ...") stay with the words
        return self._without_markers(
            frozenset(
                w
                for w in subtree
                if t[w].pos != "PUNCT" or t[w].text in "()" or t[w].text in "-'’" and t.glued(w)
            )
        )

    def _without_markers(self, words: frozenset[int]) -> frozenset[int]:
        """A subject without the marker or comma the parser hung on it ("bahwa kerja sama
        ...", ", namun director ... Donovan Sung")."""
        t = self.tree
        kept = sorted(words)
        while kept and (
            t[kept[0]].lower in lexicon.CLAUSE_MARKERS[self.lang]
            or t[kept[0]].pos in {"CCONJ", "PUNCT"}
        ):
            kept = kept[1:]
        return frozenset(kept)

    def _split_kind(self, head: int, child: int, words: frozenset[int]) -> str | None:
        t = self.tree
        c = t[child]
        if c.lower in lexicon.RESULT_VERBS[self.lang] and t.subject(child) is None and child > head:
            return None  # ", memperlihatkan ...", ", leading to ...": said of the whole clause
        opening = [w for w in sorted(t.subtree(child) & words) if t[w].pos != "PUNCT"][:1]
        if opening and t[opening[0]].lower in lexicon.FOCUS_WORDS[self.lang]:
            return None  # ", terutama dengan ...", ", especially ...": detail of the same claim
        if (
            c.rel in {"conj", "parataxis"}
            and child > head
            and self._quoted_inside(head, child, words)
        ):
            return None  # 'had "drugged and raped" Justin Bieber': a quotation is not cut
        if c.rel in {"conj", "parataxis"} and child > head and not self._set_apart(child, words):
            # "posted a retort after Hillary Clinton tweeted a message": a second predicate
            # with nothing before it to set it apart is a clause the parse misplaced
            return None
        if c.rel in {"conj", "parataxis"} and child > head and self._continues_purpose(head, child):
            return None
        child_subject = t.subject(child)
        if (
            c.rel in {"conj", "parataxis"}
            and child > head
            and t[head].pos in {"NOUN", "PROPN"}
            and not t.kids(head, "cop")
            and t.subject(head) is None
            and self._verbal(child)
            and (child_subject is None or t[child_subject].pos == "VERB")
        ):
            # "the way we get around, heat our homes, and manufacture our stuff, hasn't had
            # much of an effect": a noun with no subject or copula is no predicate to set
            # beside a verb; it is that verb's subject, which the parse took for the root
            # (and a verb of the subject's list for the verb's subject)
            return None
        if c.rel in {"parataxis", "conj", "ccomp"} and self._text_of_a_thing(child, words):
            return None  # "a sign reading 'Gays Not Allowed'": what the sign says
        if c.rel in {"parataxis", "conj", "ccomp"} and self._quoted_title(child):
            return None  # 'wrote "Jolene" and "I Will Always Love You"': a song's title
        if c.rel == "conj":
            marker = self._marker(child)
            own_that = any(t[m].lower in {"that", "bahwa"} for m in t.kids(child, "mark"))
            if (marker in lexicon.DISJUNCTIONS[self.lang] and not own_that) or self._infinitive(
                head
            ):
                return None  # "X or Y" is one claim; so is "to curb X and stop Y"
            if self._infinitive(child) and t.subject(child) is None:
                # "converted it in order to norm it ... and, subsequently, to make it ...": an
                # infinitive states no fact of its own; it goes with the purpose it continues
                return None
            if self._bare_after_infinitive(head, child):
                return None  # "makes it possible to commit crimes ... and even get away ..."
            if marker in lexicon.CONTRAST_MARKERS[self.lang]:
                if self._opens_subordinate(head):
                    return None  # the time clause as head: see _comma_contrast
                if (
                    self.lang == "en"  # Indonesian "bukan A, melainkan B": see _not_but
                    and c.pos in {"NOUN", "PROPN", "PRON", "NUM"}
                    and self._verbal(head)
                    and not t.kids(child, "cop", "aux", *SUBJECTS)
                ):
                    return None  # "you can trust a dog but not a human": the verb's object
                return "contrast"  # "sufficient but not outstanding"
            if self._shared_arguments(head, child, words):
                return None  # "was accepted and cashed by the bank": one act, its words shared
            if self._gerund_list(head, child):
                return None  # "capable of reducing ailments, ..., and providing energy"
            if self._opens_subordinate(head) and self._after_comma(child):
                # "sebelum DJ ... naik ke atas pentas, terlihat antusias ...": the clause
                # after the comma is the main one the parse hung on the time clause
                return None
            if self._noun_list_item(head, child):
                return None  # "dibekali port HDMI, ..., slot kartu SD, ..., serta speaker"
            if self._shared_negation(head, child):
                return None  # "mereka jangan beradu sara dan berujar kebencian"
            return "conj" if self._predicate_conjunct(head, child) else None
        if c.rel == "parataxis" and self._quoted_predicate(child, words):
            return None  # 'The Dick Act passed in 1903 "invalidates all gun control laws"'
        if c.rel == "parataxis" and self._has_predicate(t.subtree(child) & words):
            if self.lang == "en" and self._purpose_so(child):
                return None  # "arm the Muslims so they could defend themselves": a purpose
            own = t.subject(child)
            if own is not None and t[own].lower in {"a", "an", "the"} and not t.children[own]:
                return None  # "A properly folded U.S. $20 bill reveals ...": no subject
            verbal = self._verbal(child) or t.kids(child, "cop", *SUBJECTS)
            if verbal and c.feature("VerbForm") == "Inf" and t.subject(child) is None:
                return None  # "... would one day do this": a bare infinitive is no clause
            return "conj" if verbal else None  # a noun set beside the clause is an apposition
        reporting = c.rel == "advcl" and c.lower in lexicon.REPORTING[self.lang] and child > head
        if reporting and attribution.frame(t, child, t.subtree(child) & words, self.lang):
            return "conj"  # ", charging that ...": what the subject claims
        fronted = c.rel in {"xcomp", "ccomp", "obl"} and child < head
        if fronted and self._marker(child) in lexicon.CONCESSIVE[self.lang]:
            return "contrast"  # a fronted concession not called advcl ("Meski menghadapi ..., X")
        if self._additive_marker(head, child, words) is not None:
            return "contrast"  # what the subject does besides is a claim of its own
        if self._absolute_marker(head, child) is not None:
            return "conj"  # "..., dengan lebih dari 60 ribu rumah terputus dari daya listrik"
        if c.rel == "advcl" or self._copular_clause(child):
            marker = self._marker(child)
            if marker in lexicon.CONTRAST_MARKERS[self.lang]:
                if self._opens_subordinate(head) and child > head:
                    return None  # the time clause as head: see _comma_contrast
                adverbs = _adverbs_only(t, t.subtree(child) & words)
                return None if adverbs else "contrast"  # ", although not so soon" says nothing
            if self._causal_clause(child):
                return "conj"
            if marker in lexicon.RESULT_CONNECTORS[self.lang] and self._after_comma(child):
                return "conj"  # "..., jadi tidak menggunakan cara kekerasan": what follows
            if marker is None and self._fronted_participle(head, child):
                return "participle"
        if c.rel == "ccomp" and self._semicolon_before(child):
            return "conj"
        return None

    def _text_of_a_thing(self, child: int, words: frozenset[int]) -> bool:
        """Whether the clause of ``child`` is a quotation right after a word that names a
        thing's text ("an inscription reading “There is no god but Allah”")."""
        t = self.tree
        first = min(t.subtree(child) & words)
        if t[first].text not in QUOTES_OPEN or first == 0:
            return False
        before = first - 1 if t[first - 1].text not in {":", ","} or first < 2 else first - 2
        return t[before].lower in lexicon.TEXT_NAMING[self.lang]

    def _quoted_predicate(self, child: int, words: frozenset[int]) -> bool:
        """Whether the clause of ``child`` is all of a quotation inside the sentence, with
        no subject: words quoted as the sentence's own predicate, not a statement beside it."""
        t = self.tree
        if t.subject(child) is not None:
            return False
        inside = t.subtree(child) & words
        first, last = min(inside), max(inside)
        if first == 0 or last + 1 >= len(t.tokens):
            return False
        return t[first - 1].text in QUOTES_OPEN and t[last + 1].text in QUOTES_CLOSE

    def _quoted_title(self, child: int) -> bool:
        """Whether ``child`` is inside a quotation of words all capitalised, in a sentence
        that is not: a title ("I Will Always Love You"), a name, no clause."""
        t = self.tree
        opened = t.open_quote(child)
        if opened is None:
            return False
        closed = next((w for w in range(child + 1, len(t)) if t[w].text in QUOTES_CLOSE), None)
        if closed is None or t.open_quote(closed) != opened:
            return False
        inside = range(opened + 1, closed)
        letters = [t[w].text for w in inside if t[w].text[:1].isalpha()]
        if len(letters) < 2 or not all(w[:1].isupper() for w in letters):
            return False
        rest = [tok.text for tok in t.tokens if tok.i not in inside and tok.text[:1].isalpha()]
        return any(w[:1].islower() for w in rest)

    def _of_whom(self, child: int, part: frozenset[int]) -> int | None:
        """The "whom"/"which" of a subject "most of whom", "some of which" in a clause the
        parse set beside another (not a relative clause, which _side_clauses handles)."""
        t = self.tree
        if t[child].rel not in {"parataxis", "conj"}:
            return None
        subject = t.subject(child)
        if subject is None:
            return None
        for k in t.kids(subject, "nmod"):
            cases = {t[c].lower for c in t.kids(k, "case")}
            if k in part and t[k].lower in {"whom", "which"} and "of" in cases:
                return k
        return None

    def _opens_subordinate(self, head: int) -> bool:
        """Whether the clause of ``head`` is opened by a subordinator of time or condition
        ("when", "if", "ketika"), as a marker or an adverb before the verb, or as a
        preposition the parse gave its subject ("sebelum DJ asal Amerika itu naik ...")."""
        t = self.tree
        subject = t.subject(head)
        first = min(t.subtree(head))
        if subject is not None and first in t.kids(subject, "case"):
            # "Bagi kamu yang ingin berkunjung ..., kota ini menyediakan ...": a subject
            # behind the preposition the clause opens with is none; the parse made a
            # fronted phrase the head
            return True
        marked = t.kids(head, "mark", "advmod") + (
            t.kids(subject, "case") if subject is not None else []
        )
        return any(t[k].lower in lexicon.SUBORDINATORS[self.lang] and k < head for k in marked)

    def _purpose_so(self, child: int) -> bool:
        """A clause opened by "so" (no comma before it) whose verb takes "could", "would",
        "can" or "might": what the act was for, not a second fact."""
        t = self.tree
        marks = [m for m in t.kids(child, "mark") if t[m].lower == "so"]
        before = t.before(marks[0]) if marks else None
        if not marks or before is not None and before.text in _SPLICES:
            return False
        return any(t[a].lower in _PURPOSE_MODALS for a in t.kids(child, "aux"))

    def _quoted_inside(self, head: int, child: int, words: frozenset[int]) -> bool:
        """Whether the two predicates are inside one quotation opened after the clause
        began ('had "drugged and raped" Justin Bieber'): words quoted from someone, which a
        claim keeps whole."""
        t = self.tree
        first = min(w for w in t.subtree(child) & words if t[w].pos != "PUNCT" or w == child)
        opened = t.open_quote(first)
        return opened is not None and opened > min(words) and t.open_quote(head) == opened

    def _bare_after_infinitive(self, head: int, child: int) -> bool:
        """An English bare verb with no subject or auxiliary, which the parse made a
        conjunct of a finite verb, after a "to" infinitive: it goes on the infinitive ("a
        loophole makes it possible to commit crimes without punishment and even get away
        with murder"); "makes ... and get" cannot agree."""
        t = self.tree
        if self.lang != "en" or t[child].feature("VerbForm") != "Inf":
            return False
        if t.subject(child) is not None or t.kids(child, "aux", "aux:pass", "mark"):
            return False
        if t[head].feature("VerbForm") != "Fin":
            return False
        return any(
            self._infinitive(w) and t[w].feature("VerbForm") == "Inf"
            for w in range(head + 1, child)
        )

    def _gerund_list(self, head: int, child: int) -> bool:
        """English -ing forms listed under one phrase, no subject or auxiliary of their own."""
        t = self.tree
        if self.lang != "en" or t.subject(child) is not None or t.kids(child, "aux"):
            return False
        if not t[child].lower.endswith("ing"):
            return False
        if t[head].lower.endswith("ing") and not t.kids(head, "aux"):
            return True
        if t[head].pos in _PREDICATE_POS and not any(
            t[a].lower in _BE_FORMS for a in t.kids(head, "aux", "aux:pass")
        ):
            # "starts with collecting wood and burning it ...": a bare -ing form cannot be a
            # second predicate of a finite verb's subject ("The operation burning it")
            return True
        # "..., improving digestion, enabling weight loss, and providing energy", the parse
        # hanging the last one higher up
        return any(
            t[w].pos == "VERB" and t[w].lower.endswith("ing") and t[w].rel != "amod"
            for w in range(head + 1, child)
        )

    def _shared_arguments(self, head: int, child: int, words: frozenset[int]) -> bool:
        """ "had kidnapped and sexually assaulted 79 people", "was accepted and cashed by the
        bank": two verbs side by side, the first with nothing of its own after it, the second
        with no subject or auxiliary of its own: the object, agent or auxiliary is shared."""
        t = self.tree
        if t.subject(child) is not None or t.kids(child, "aux", "cop"):
            return False
        if not (self._verbal(head) and self._verbal(child)):
            return False
        between = [
            w
            for w in words
            if head < w < min(t.subtree(child) & words) and t[w].pos not in {"PUNCT", "CCONJ"}
        ]
        if between:
            return False
        # the second verb bare: no aspect, modal or words of its own before it ("dan akan
        # memberikan ...", "dan masih bisa digantikan" are predicates of their own)
        allowed = {"cc", "punct"} | ({"advmod"} if self.lang == "en" else set())
        if any(k < child and t[k].rel not in allowed for k in t.children[child]):
            return False
        # what follows the second verb, whether the parse hung it on either verb
        after = [
            w
            for w in (t.subtree(child) | t.subtree(head)) & words
            if w > child and t[w].pos != "PUNCT"
        ]
        if not after:
            return False
        if self.lang == "en":
            # "published and later deleted a tweet": the object after the second verb is
            # the first's too when the first has none, both are past tense and a word of
            # sequence ties them ("later", "then"); not "resigned and joined the party"
            both_past = all(t[v].feature("Tense") == "Past" for v in (head, child))
            sequence = any(t[a].lower in _SEQUENCE_ADVERBS for a in t.kids(child, "advmod"))
            return bool(t.kids(head, "aux", "aux:pass")) or (
                both_past
                and sequence
                and bool(t.kids(child, "obj"))
                and not t.kids(head, "obj", "ccomp")
            )
        # Indonesian: two transitive verbs ("mengevaluasi dan mempelajari hasil ...",
        # "dibeli dan direnovasi oleh ..."), the first without an object of its own ("-nya")
        head_word, child_word = t[head].lower, t[child].lower
        transitive = all(w.startswith(("me", "di")) for w in (head_word, child_word))
        return transitive and not head_word.endswith("nya")

    def _set_apart(self, child: int, words: frozenset[int]) -> bool:
        """Whether a conjunct or parataxis is opened by a coordinator or punctuation."""
        t = self.tree
        part = t.subtree(child) & words
        first = min(part)
        if t[first].pos in {"CCONJ", "PUNCT", "SCONJ"} or t.kids(child, "cc", "mark"):
            return True
        before = first - 1
        return (
            before >= 0
            and (
                t[before].pos in {"PUNCT", "CCONJ", "SCONJ"}
                or t[before].lower in lexicon.CLAUSE_MARKERS[self.lang]
                # "b/c" ("because"), which the tokenizer cuts in three
                or t.parse.text[: t[first].start].rstrip().lower().endswith("b/c")
            )
        )

    def _causal_clause(self, i: int) -> bool:
        """A reason with a subject of its own ("... karena kedua negara bersekutu"): a claim
        of its own, wherever the clause stands."""
        return (
            self._marker(i) in lexicon.CAUSAL_MARKERS[self.lang]
            and self.tree.subject(i) is not None
        )

    def _after_comma(self, i: int) -> bool:
        """Whether clause ``i`` opens right after a comma."""
        t = self.tree
        before = t.before(t.first_word(i))
        return before is not None and before.text == ","

    def _copular_clause(self, i: int) -> bool:
        """ "survived only because it was at the bottom of ...": a nominal predicate with
        its marker, copula and subject, which the parser hung on the verb as an oblique."""
        t = self.tree
        return (
            t[i].rel in {"obl", "nmod"}
            and any(m < i for m in t.kids(i, "mark"))
            and bool(t.kids(i, "cop"))
            and t.subject(i) is not None
        )

    def _marker(self, i: int) -> str | None:
        """The conjunction or subordinator introducing clause ``i`` ("tetapi", "although")."""
        t = self.tree
        marks = [m for m in t.kids(i, "mark", "cc") if m < i]
        if not marks:
            return None
        first = min(marks)
        words = [t[first].lower]
        nxt = first + 1
        while nxt < i and t[nxt].dep in ("fixed", "flat") and t[nxt].head == first:
            words.append(t[nxt].lower)
            nxt += 1
        return " ".join(words)

    def _additive_marker(self, head: int, child: int, words: frozenset[int]) -> int | None:
        """ "Selain mengemas mesin ..., SilentHawk juga menggunakan ...": a fronted predicate
        with no subject, opened by "selain"/"besides", states what the main subject does
        besides (not "selain untuk ...", a purpose). The word "selain", when it is one."""
        t = self.tree
        if child > head or t[child].rel not in {"xcomp", "ccomp", "obl", "advcl"}:
            return None
        first = t.first_word(child)
        if t[first].lower not in lexicon.ADDITIVE_MARKERS[self.lang] or first + 1 >= len(t):
            return None
        if t[first + 1].pos in {"ADP", "SCONJ"} or t.subject(child) is not None:
            return None
        return first if self._verbal(child) else None

    def _absolute_marker(self, head: int, child: int) -> int | None:
        """ "Jalan-jalan ... tidak bisa diakses, dengan lebih dari 60 ribu rumah terputus dari
        daya listrik": after a comma, "dengan"/"with" and a subject with its own predicate
        state a second fact. The word "dengan", when the clause is one."""
        t = self.tree
        if t[child].rel != "advcl" or child < head:
            return None
        subject = t.subject(child)
        if subject is None or subject > child:
            return None
        if not self._after_comma(child):
            return None
        first = t.first_word(child)
        if t[first].lower not in lexicon.ABSOLUTE_MARKERS[self.lang]:
            return None
        if first not in t.subtree(subject):
            return None  # "dengan" on something else: "..., dengan cara ...", a manner
        if t[subject].lower in lexicon.MANNER_NOUNS[self.lang]:
            return None  # "..., dengan alasan KPK tidak menyertakan izin": a reason given
        return first

    def _shared_negation(self, head: int, child: int) -> bool:
        """ "Mereka jangan beradu sara dan berujar kebencian", "did not eat and drink": a
        negation before the first predicate covers the second, joined by "dan"/"and" with no
        subject, adverb or auxiliary of its own; cut apart, the second would state the
        opposite."""
        t = self.tree
        if t.subject(child) is not None:
            return False
        if not any(t[k].lower in lexicon.AND_OR[self.lang] for k in t.kids(child, "cc")):
            return False  # "tidak pakai cara biasa, harus extraordinary": set against it
        if t.kids(child, "advmod", "aux"):
            return False  # "belum menyerah, dan masih punya rencana": its own "masih"
        negations = lexicon.NEGATIONS[self.lang] | lexicon.SCOPING_NEGATIONS[self.lang]
        return any(
            t[k].lower in negations and k < head
            for k in t.children[head]
            if t[k].rel in {"advmod", "aux", "neg", "advmod:neg"}
        )

    def _noun_list_item(self, head: int, child: int) -> bool:
        """ "Mirabook turut dibekali port HDMI, dua buah USB type - A, slot kartu SD, audio
        jack, serta sepasang speaker": an Indonesian word the tagger called a verb ("slot"),
        with no verbal prefix, subject or auxiliary, set between commas in a list whose last
        item, after "serta"/"dan"/"atau", is a noun joined to the same head: a noun of the
        list."""
        t = self.tree
        if self.lang != "id" or lexicon.id_is_predicate(t[child].text):
            return False
        if t.kids(child, "aux", "aux:pass", "cop", "advmod", "mark", *SUBJECTS):
            return False
        before = t.before(t.first_word(child))
        if before is None or before.text != ",":
            return False
        return any(
            k > child
            and t[k].rel == "conj"
            and t[k].pos in {"NOUN", "PROPN"}
            and any(t[c].lower in lexicon.AND_OR[self.lang] for c in t.kids(k, "cc"))
            for k in t.children[head]
        )

    def _predicate_conjunct(self, head: int, child: int) -> bool:
        t = self.tree
        c = t[child]
        if self._verbal(child):
            return True
        if t.kids(child, "cop", "aux", *SUBJECTS):
            return True
        # "X tinggi dan kuat": adjectives sharing one subject stay one claim.
        return c.pos == "ADJ" and self._verbal(head)

    def _not_only(
        self,
        head: int,
        words: frozenset[int],
        subject: tuple[str, ...],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> bool:
        """ "X tidak hanya A, tetapi juga B" / "X not only A but also B": X A and X B, by
        the words themselves (the parse of the second half is seldom right)."""
        t = self.tree
        order = sorted(words)
        only = next(
            (
                n
                for n in range(len(order) - 1)
                if t[order[n]].lower in lexicon.NEGATIONS[self.lang]
                and t[order[n + 1]].lower in lexicon.ONLY_WORDS[self.lang]
            ),
            None,
        )
        if only is None:
            return False
        but = next(
            (
                n
                for n in range(only + 2, len(order))
                if t[order[n]].lower in {"tetapi", "tapi", "melainkan", "namun", "but"}
            ),
            None,
        )
        if but is None or but + 1 >= len(order):
            return False
        left = [w for w in order[:but] if w not in (order[only], order[only + 1])]
        right = order[but + 1 :]
        while right and t[right[0]].lower in lexicon.ALSO[self.lang]:
            right = right[1:]
        if not right or not left:
            return False
        front: tuple[str, ...] = (
            ()
            if t.subject(head) is not None and min(t.subtree(t.subject(head) or head)) < order[only]
            else subject
        )
        verb_first = self._verbal(right[0]) or lexicon.is_predicate(t[right[0]].text, self.lang)
        lead = [w for w in left if w < order[only]]
        while lead and t[lead[0]].pos == "PUNCT":
            lead = lead[1:]  # an opening quotation mark stays with A
        while lead and t[lead[-1]].pos == "PUNCT":
            lead = lead[:-1]
        # "not only because A, but also because B": B keeps its marker after the words restored
        marker = (
            [right[0]]
            if lead and len(right) > 1 and t[right[0]].lower in lexicon.CLAUSE_MARKERS[self.lang]
            else []
        )
        after_only = [w for w in left if w > order[only + 1]]
        # B takes the words before "tidak hanya" (the subject) and, without a verb of its
        # own, the verb A had.
        verb = (
            []
            if verb_first
            else [
                w
                for w in after_only
                if w == head or t[w].head == head and t[w].rel in {"aux", "cop"}
            ]
        )
        right_front = tuple(
            filter(
                None,
                [
                    *front,
                    t.text(lead) if lead else "",
                    t.text(verb) if verb else "",
                    t.text(marker) if marker else "",
                ],
            )
        )
        right = right[len(marker) :]
        self.pieces.append(_Piece(frozenset(left), front, (), speaker, hedged, unresolved, head))
        self.pieces.append(
            _Piece(frozenset(right), right_front, (), speaker, hedged, unresolved, head)
        )
        return True

    def _not_but(
        self, words: frozenset[int], speaker: str | None, hedged: bool, unresolved: str | None
    ) -> bool:
        """ "The problem is not A but B" / "Para tunawisma itu bukan A, melainkan B": A and,
        with the subject and its verb written back, B (by the words: the parse of B is seldom
        right). Only where B is no clause of its own ("..., but Y does B" is a contrast)."""
        t = self.tree
        lang = self.lang
        everything = sorted(words)
        order = [w for w in everything if t[w].pos != "PUNCT" or t[w].text == ","]
        start = _opener_length(t, order, lang) if order else 0
        neg = next(
            (
                n
                for n in range(start + 1, min(len(order) - 3, start + 10))
                if t[order[n]].lower in lexicon.NOT_BUT_NEGATIONS[lang]
                and (lang == "id" or t[order[n - 1]].lower in lexicon.NOT_BUT_COPULAS)
            ),
            None,
        )
        if neg is None or t[order[neg + 1]].lower in lexicon.ONLY_WORDS[lang]:
            return False  # "not only A but also B" is _not_only's
        but = next(
            (
                n
                for n in range(neg + 2, len(order) - 1)
                if t[order[n]].lower in lexicon.NOT_BUT_MARKERS[lang]
            ),
            None,
        )
        if but is None or any(t[w].text == "," for w in order[start:neg]):
            return False  # none, or a subject with a clause of its own inside
        marker = order[but]
        right = [w for w in everything if w > marker]
        # "..., but it still hurt": B opens with a subject of its own
        opening = [w for w in right if t[w].pos not in {"DET", "PUNCT"}][:1]
        own_clause = (
            bool(opening)
            and (t[opening[0]].dep in SUBJECTS or t[opening[0]].pos == "PRON")
            and self._has_predicate(frozenset(right))
        )
        if own_clause and t[opening[0]].lower not in lexicon.COMPLEMENT_OPENERS[lang]:
            return False
        # B takes the subject, the verb and the verbs after the negation ("was not driven by
        # A but by B": "... was driven by B")
        verbs = []
        for w in order[neg + 1 : but]:
            if t[w].pos not in _PREDICATE_POS:
                break
            verbs.append(w)
        front = t.text([*order[start:neg], *verbs])
        left = [w for w in everything if w < marker]
        while left and t[left[-1]].text == ",":
            left = left[:-1]
        self.pieces.append(_Piece(frozenset(left), (), (), speaker, hedged, unresolved, None))
        self.pieces.append(
            _Piece(frozenset(right), (front,), (), speaker, hedged, unresolved, None)
        )
        return True

    def _fronted_concession(
        self,
        head: int,
        words: frozenset[int],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> bool:
        """ "Meskipun bersikap netral ..., China tidak pernah ...": when the parse made the
        concession the main clause (its head before the comma), cut by the words: the
        concession takes the main clause's subject."""
        t = self.tree
        order = [w for w in sorted(words) if t[w].pos != "PUNCT" or t[w].text == ","]
        start = _opener_length(t, order, self.lang) if order else 0
        if start >= len(order):
            return False
        marker = t[order[start]].lower
        if marker not in lexicon.CONCESSIVE[self.lang]:
            return False
        comma = next((n for n in range(start + 1, len(order)) if t[order[n]].text == ","), None)
        if comma is None:
            return False
        concession = t[order[start]].head
        crossing = any(w > order[comma] for w in t.subtree(concession) & words)
        if head > order[comma] and not crossing:
            return False  # the parse already has the concession before the comma, alone
        left, right = order[start + 1 : comma], order[comma + 1 :]
        if len(left) < 2 or len(right) < 3:
            return False
        verb = next(
            (
                n
                for n, w in enumerate(right)
                if self._verbal(w) or lexicon.is_predicate(t[w].text, self.lang)
            ),
            None,
        )
        if verb is None or verb == 0 or verb > 6:
            return False
        # "Meski hanya berjalan, tapi aktivitas ini ...": the subject without the "tapi"
        subject = t.text(self._without_markers(frozenset(right[:verb])))
        if not subject:
            return False
        left_subject = any(t[w].dep in SUBJECTS for w in left)
        self.pieces.append(
            _Piece(
                frozenset(left),
                () if left_subject else (subject,),
                (),
                speaker,
                hedged,
                unresolved,
                None,
            )
        )
        self.pieces.append(_Piece(frozenset(right), (), (), speaker, hedged, unresolved, None))
        return True

    def _comma_contrast(
        self,
        head: int,
        words: frozenset[int],
        subject: tuple[str, ...],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> frozenset[int]:
        """ "X sudah terjalin erat sejak lama, bahkan semakin kuat ...": a comma and a
        contrast marker the parse did not make a clause boundary still are one, when a
        predicate follows (a list, "A, B, bahkan C", does not)."""
        t = self.tree
        order = sorted(words)
        spliced = (
            None  # "saat Spurs menelan Leicester ..., Kane memang mencetak ...": one sentence
            if self._opens_subordinate(head)
            else self._comma_splice(order, subject, speaker, hedged, unresolved)
        )
        if spliced is not None:
            return spliced
        for n in range(1, len(order) - 3):
            comma, marker = t[order[n]], t[order[n + 1]]
            if self._where_after(order, n, speaker, hedged, unresolved):
                return frozenset(order[:n])
            if comma.text != "," or marker.lower not in lexicon.CONTRAST_MARKERS[self.lang]:
                continue
            if (
                order[n + 1] != order[n] + 1
                or marker.lower in {"while", "sementara"}
                and self.lang == "en"
            ):
                continue
            right = order[n + 2 :]
            left = order[:n]
            if not (self._has_predicate(frozenset(left)) and self._has_predicate(frozenset(right))):
                continue
            if marker.lower == "melainkan" and t[right[0]].pos == "ADP":
                continue  # "tanpa X, melainkan dengan Y": the manner, not a second statement
            if _adverbs_only(t, right):
                continue  # ", although not so soon": no statement of its own
            if head in left and self._opens_subordinate(head):
                # "when we tried to get it again, but this time ..., we received ...": the
                # parse made the time clause the head; cut off, it says nothing alone
                continue
            if self._embedded_conjunct(head, frozenset(left), right):
                continue
            if any(t[w].dep in SUBJECTS for w in right):
                front: tuple[str, ...] = ()
            else:
                front = subject
            self.pieces.append(
                _Piece(frozenset(right), front, (), speaker, hedged, unresolved, None)
            )
            return frozenset(left)
        return words

    def _where_after(
        self,
        order: list[int],
        n: int,
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> bool:
        """ "..., di mana ia membukukan 25 gol dari 31 laga": after a comma, "di mana" or
        "dimana" and a clause with its own subject and predicate add a fact; the clause
        becomes a piece of its own (without the marker) and True is returned."""
        t = self.tree
        if t[order[n]].text != "," or n < 2:
            return False
        words = [t[w].lower for w in order[n + 1 : n + 3]]
        size = next(
            (
                k
                for k in (2, 1)
                if " ".join(words[:k]) in lexicon.WHERE_MARKERS[self.lang]
                and all(order[n + i + 1] == order[n] + i + 1 for i in range(k))
            ),
            0,
        )
        if not size:
            return False
        right = order[n + 1 + size :]
        left = frozenset(order[:n])
        if not any(t[w].dep in SUBJECTS for w in right) or not right:
            return False
        if not (self._has_predicate(left) and self._has_predicate(frozenset(right))):
            return False
        self.pieces.append(_Piece(frozenset(right), (), (), speaker, hedged, unresolved, None))
        return True

    def _embedded_conjunct(self, head: int, left: frozenset[int], right: list[int]) -> bool:
        """ "She hopes that people will admire Redonda, but also understand ...": the parse
        made the verb after the marker a conjunct of a verb inside the clause's complement,
        not of the clause's head; it goes on that verb, within what is hoped, said, wanted."""
        t = self.tree
        inside = set(right)
        return any(
            t[w].rel == "conj"
            and t[w].pos in _PREDICATE_POS
            and t[w].head in left
            and t[w].head != head
            and t[t[w].head].pos in _PREDICATE_POS
            and t.subject(w) is None  # "..., tetapi semuanya bisa diredam": a clause of its own
            for w in right
            if t[w].head not in inside
        )

    def _comma_splice(
        self,
        order: list[int],
        subject: tuple[str, ...],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> frozenset[int] | None:
        """ "Al-Qaeda wants them, Iran wants them": after a comma (or "and"/"dan"), a subject
        and its own predicate start a new statement even where the parse joined them."""
        t = self.tree
        inside = set(order)
        for n in range(2, len(order) - 2):
            mark = t[order[n]]
            if mark.text not in _SPLICES and mark.lower not in lexicon.COORDINATORS[self.lang]:
                continue
            start = n + 1
            if mark.text in _SPLICES and t[order[start]].lower in lexicon.COORDINATORS[self.lang]:
                start += 1
            if start >= len(order) - 1:
                continue
            first = t[order[start]]
            if mark.text != "," and first.dep not in SUBJECTS:
                # "... long ago—the tool found by the researchers survived": after a dash
                # (not a comma, where lists go on) the subject's phrase may open with a
                # determiner
                first = next(
                    (
                        t[w]
                        for w in order[start : start + 4]
                        if t[w].dep in SUBJECTS and min(t.subtree(w)) == order[start]
                    ),
                    first,
                )
            verb = first.head
            if first.dep not in SUBJECTS or verb not in inside or verb <= first.i:
                continue
            if (
                self.lang == "en"
                and mark.lower in lexicon.COORDINATORS["en"]
                and first.lower in lexicon.RELATIVIZERS["en"]
            ):
                continue  # "populations who inhabited ... and who retain ...": one noun's clauses
            if not self._verbal(verb) and not t.kids(verb, "cop"):
                continue
            if any(order[start] <= w < verb and t[w].text == "," for w in order):
                continue
            if min(t.subtree(verb) & inside) < order[n]:
                continue  # what comes before is the new clause's own adverbial, not a clause
            left = frozenset(order[:n])
            if not self._has_predicate(left) or len(left) < 3:
                continue
            right = frozenset(order[start:])
            rest = self._comma_splice(sorted(right), subject, speaker, hedged, unresolved)
            statement = rest if rest is not None else right
            statement -= self._reason(verb, statement, speaker, hedged, unresolved)
            self.pieces.append(_Piece(statement, (), (), speaker, hedged, unresolved, verb))
            return left
        return None

    def _infinitive(self, head: int) -> bool:
        return any(self.tree[m].lower in {"to", "untuk"} for m in self.tree.kids(head, "mark"))

    def _continues_purpose(self, head: int, child: int) -> bool:
        """ "Ini memungkinkan para pelancong untuk berwisata dengan lebih hemat, menghindari
        bandara yang padat, serta memaksimalkan ...": a predicate with no subject right after
        a purpose clause of the same head, only a comma between, is the next item of what
        the purpose lists (the parse hung it on the main verb); it stays in that claim."""
        t = self.tree
        if t.subject(child) is not None or t.kids(child, "aux", "aux:pass", "cc", "mark"):
            return False  # "..., and can be toggled ...", "... karena kita mau ...": a clause
        for p in range(child - 1, head, -1):
            tok = t[p]
            if tok.head != head or tok.pos not in _PREDICATE_POS:
                continue
            if tok.rel not in {"advcl", "xcomp"}:
                return False
            purpose = any(
                t[m].lower in lexicon.PURPOSE_MARKERS[self.lang] for m in t.kids(p, "mark", "case")
            )
            # the item opens with its predicate, right after the purpose's last word and a
            # comma ("..., menghindari bandara ...")
            between = range(max(t.subtree(p)) + 1, child)
            return (
                purpose
                and t.first_word(child) == child
                and bool(between)
                and all(t[w].text == "," for w in between)
            )
        return False

    def _copula(self, head: int, child: int) -> tuple[str, ...]:
        """ "The problem is not A but B": B needs the subject's verb back ("is")."""
        t = self.tree
        if t.kids(child, "cop", "aux"):
            return ()
        if self._verbal(child):
            if self.lang == "en" and t[child].feature("VerbForm") == "Inf":
                # "more people could drive electric cars and ride electric trains": the modal
                # is shared; without it the second claim would state a fact ("More people
                # ride electric trains")
                modal = [c for c in t.kids(head, "aux") if c < head and t[c].lower in _MODALS]
                return tuple(t[c].text for c in modal)[-1:]
            # "were doused in gasoline and set on fire": the passive's auxiliary is shared
            passive = self.lang == "en" and t[child].feature("VerbForm") == "Part"
            shared = [c for c in t.kids(head, "aux:pass") if c < head] if passive else []
            return tuple(t[c].text for c in shared)[:1]
        return tuple(t[c].text for c in t.kids(head, "cop"))[:1]

    def _semicolon_before(self, i: int) -> bool:
        first = min(self.tree.subtree(i))
        before = self.tree.before(first)
        return before is not None and before.text == ";"

    def _fronted_participle(self, head: int, child: int) -> bool:
        """ "Terkubur sedalam 100 meter ..., Pyongyang Metro adalah ...": a predicate without
        marker or subject, before the main clause and set off by a comma."""
        t = self.tree
        c = t[child]
        span = t.subtree(child)
        # "Terkubur sedalam ...": the Indonesian tagger takes a capitalised first word for a
        # name; its prefix says it is a predicate
        opening_verb = (
            self.lang == "id"
            and c.pos == "PROPN"
            and child == min(span)
            and c.lower.startswith(_ID_PARTICIPLE_PREFIXES)
            and lexicon.id_is_predicate(c.text)
        )
        if child > head or t.subject(child) is not None:
            return False
        if not (c.pos in {"VERB", "ADJ"} or opening_verb):
            return False
        if self.lang == "id" and c.lower in lexicon.ID_NOT_PARTICIPLES:
            return False
        # the comma that sets it off may hang on the clause itself ("Known as Doggerland,")
        last = max((w for w in span if t[w].pos != "PUNCT"), default=max(span))
        after = t.after(last)
        subject = t.subject(head)
        if after is None or after.text != "," or (subject is not None and subject < last):
            return False
        if min(span) != min(t.subtree(head)) and t[min(t.subtree(head))].pos != "PUNCT":
            return False  # it does not open the sentence
        if self.lang == "en":
            return c.feature("VerbForm") == "Part" and c.feature("Tense") == "Past"
        return c.lower.startswith(_ID_PARTICIPLE_PREFIXES) or c.pos == "ADJ"

    def _auxiliary(self, head: int, subject: frozenset[int], child: int) -> tuple[str, ...]:
        """English needs "is"/"was" before a participle cut from its clause."""
        if self.lang != "en":
            return ()
        t = self.tree
        past = t[head].feature("Tense") == "Past" or any(
            t[a].feature("Tense") == "Past" for a in t.kids(head, "aux", "cop")
        )
        plural = any(t[w].feature("Number") == "Plur" and t[w].rel == "nsubj" for w in subject)
        return (("were" if plural else "was") if past else ("are" if plural else "is"),)

    def _only_words(self, head: int, rest: set[int]) -> set[int]:
        """ "tidak hanya X, tetapi juga Y" / "not only X but also Y": without "tidak hanya"."""
        t = self.tree
        found: set[int] = set()
        for a in t.kids(head, "advmod", "cc:preconj", "cc"):
            if t[a].lower in lexicon.ONLY_WORDS[self.lang]:
                found.add(a)
                for n in [*t.kids(a, "advmod"), *t.kids(head, "advmod")]:
                    if t[n].lower in lexicon.NEGATIONS[self.lang] and abs(n - a) == 1:
                        found.add(n)
        return found & rest

    # -- gapping --------------------------------------------------------------------------
    def _gapping(
        self,
        head: int,
        words: frozenset[int],
        subject: tuple[str, ...],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
    ) -> frozenset[int]:
        """ "Durán bertindak sebagai juru bicara dan Ángel Pintado sebagai bendahara": the
        second name and its phrase are a clause whose verb was left out."""
        t = self.tree
        if not self._verbal(head) or not subject:
            return words
        for argument in t.children[head]:
            if argument not in words or t[argument].rel not in {"obl", "obj", "xcomp"}:
                continue
            for c in t.kids(argument, "conj"):
                if c not in words:
                    continue
                if self._marker(c) in lexicon.CONTRAST_MARKERS[self.lang] and self._only_words(
                    head, set(words)
                ):
                    # "X tidak hanya bersifat A, tetapi juga B": B with the subject and verb
                    part = t.subtree(c) & words
                    extra = {
                        w for w in t.kids(c, "advmod") if t[w].lower in lexicon.ALSO[self.lang]
                    }
                    verb = tuple(t[w].text for w in sorted([head, *t.kids(head, "aux", "cop")]))
                    self.pieces.append(
                        _Piece(part - extra, subject + verb, (), speaker, hedged, unresolved, c)
                    )
                    words = words - part - self._only_words(head, set(words))
                    continue
                if not self._gapped(argument, c):
                    continue
                part = t.subtree(c) & words
                name_end = max(
                    w
                    for w in t.subtree(c)
                    if t[w].dep in ("flat", "flat:name", "compound") or w == c
                )
                gapped_verb = " ".join(t[w].text for w in sorted([head, *t.kids(head, "aux")]))
                self.pieces.append(
                    _Piece(part, (), ((name_end + 1, gapped_verb),), speaker, hedged, unresolved, c)
                )
                words = words - part
        return words

    def _gapped(self, argument: int, c: int) -> bool:
        t = self.tree
        if t.kids(c, "orphan"):
            return True
        if t[c].pos != "PROPN" or t[argument].pos == "PROPN":
            return False
        cases = {t[x].lower for x in t.kids(argument, "case")}
        for x in t.kids(c, "nmod", "obl", "appos"):
            if cases & {t[y].lower for y in t.kids(x, "case")}:
                return True
        return False

    # -- non-restrictive relative and participial clauses ----------------------------------
    def _side_kind(self, w: int) -> str | None:
        t = self.tree
        tok = t[w]
        if tok.dep not in ("acl:relcl", "acl") or tok.head == w:
            return None
        relativizer = self._relativizer(w)
        noun = t[tok.head]
        if noun.pos not in {"NOUN", "PROPN", "PRON", "NUM"}:
            return None
        if relativizer is not None:
            if t[relativizer].lower == "that":
                return None
            if self.lang == "id" and noun.lower in _ID_PERSONAL_PRONOUNS:
                return None  # "bagi Anda yang telah berpasangan": which of you, restrictive
            phrase = min(w for w in t.subtree(noun.i) if t[w].pos != "PUNCT")
            if t[phrase].lower in {"hanya", "cuma", "hanyalah"} and phrase < noun.i:
                return None  # "Hanya Fredyan Wahyu yang sanggup ...": the cleft is the claim
            set_off = t.set_off(t.subtree(w))
            if (
                self.lang == "id"
                and not set_off
                and tok.pos == "ADJ"
                and all(k in (w, relativizer) or t[k].dep == "advmod" for k in t.subtree(w))
            ):
                return None  # "Group CFO yang baru", "Singapura yang lebih kuat": which one
            after_name = (
                self.lang == "id"
                and self._named(noun.i, relativizer) is not None
                and (
                    not any(t[k].rel == "case" for k in t.children[noun.i])
                    or self._argument_name(noun.i, w)
                )
                and not self._ranked(noun.i)
            )
            return "relative" if set_off or after_name else None
        if (
            self.lang == "en"
            and tok.dep in ("amod", "appos")
            and tok.pos == "ADJ"
            and len(t.subtree(w)) >= 3
            and t.set_off(t.subtree(w))
            and noun.i < w
        ):
            return "participle"  # "Tree lizards and pygmy geckos, both native to the island, ..."
        if tok.dep == "acl" and tok.pos == "VERB" and t.set_off(t.subtree(w)):
            if self.lang == "en":
                return (
                    "participle"
                    if tok.feature("VerbForm") == "Part" and tok.feature("Tense") == "Past"
                    else None
                )
            return "participle" if tok.lower.startswith(_ID_PARTICIPLE_PREFIXES) else None
        return None

    def _argument_name(self, noun: int, clause: int) -> bool:
        """A name after a preposition of the verb's own ("mengarah ke Ahmad Bustomi yang
        ...", "dilaporkan oleh X yang", "bersaing pada GP Belanda yang ..."): "yang" adds a
        fact about it, as after a bare name. Not after "di" or "dari", where the name tends
        to place the noun before it ("jemaahnya di Surabaya yang merasa tertipu")."""
        t = self.tree
        cases = {t[k].lower for k in t.kids(noun, "case")}
        return (
            t[noun].pos == "PROPN"
            and bool(cases)
            and cases <= lexicon.ARGUMENT_PREPOSITIONS[self.lang]
            and t[clause].pos in {"VERB", "AUX", "ADJ"}
            # not "Messi yang dengan segera mengoperkannya": a preposition the parse hung
            # on the verb itself, which a claim cannot open with
            and not t.kids(clause, "case")
        )

    def _ranked(self, noun: int) -> bool:
        """An ordinal or a superlative on the noun ("aplikasi pertama garapan Garage yang
        ...", "kota terbesar ... yang"): the relative clause picks the one meant, a name
        before it or not."""
        t = self.tree
        return any(
            t[k].lower in _ORDINALS or (t[k].pos == "ADJ" and t[k].lower.startswith("ter"))
            for k in t.kids(noun, "amod", "nummod")
        )

    def _named(self, noun: int, relativizer: int) -> int | None:
        """The head of the name right before "yang" within the phrase of ``noun`` ("film" in
        "syuting film Dunkirk yang ..."; ``noun`` itself for "Vinales yang ..."), if any: a
        name, which "yang" cannot restrict. The sentence's first word is capitalised whatever
        it is ("Kesan yang saya peroleh ..."): a name there only when written in capitals."""
        t = self.tree
        if t[noun].lower in lexicon.MEMBER_NOUNS[self.lang]:
            return None  # "anak Sukabumi yang menjadi korban": the people of a place it picks
        before = relativizer - 1
        while before > noun and t[before].pos == "NUM":
            before -= 1
        if before < noun or t[before].pos != "PROPN" or before not in t.subtree(noun):
            return None
        # the sentence's first word (an opener the parser was not shown comes before it)
        if t.opens(before) and not (t[before].text.isupper() and len(t[before].text) > 1):
            return None
        step = before
        while step != noun:  # part of the noun's own name, not "agresi Rusia ke Ukraina yang"
            if t[step].rel not in {"flat", "compound", "nmod", "appos"} or t.kids(step, "case"):
                return None
            if t[step].head == noun:
                # "Tracy Draco yang ...": the last word of the noun's own name is the name's
                # (not "film Dunkirk yang", a name under a common noun)
                same_name = (
                    t[noun].pos == "PROPN"
                    and t[step].rel == "flat"
                    # "Mencari earphone yang ...": a verb opening the sentence, capitalised
                    and not (self.lang == "id" and lexicon.id_is_predicate(t[noun].text))
                )
                if not same_name:
                    if t.kids(noun, "cop"):
                        # "... adalah gerakan Islam yang dilarang di Mesir": the clause
                        # tells which kind the predicate is; it stays with it
                        return None
                    return self._phrase_of_name(noun, step, before)
                # "Kepala Kompetisi PT Gelora Trisula Semesta yang ...": the body's name
                body = next(
                    (
                        w
                        for w in range(noun + 1, before)
                        if t[w].lower in lexicon.ORGANISATION_STARTS
                    ),
                    None,
                )
                return noun if body is None else body
            step = t[step].head
        return noun

    def _phrase_of_name(self, noun: int, step: int, before: int) -> int | None:
        """What a clause after a name under the common noun ``noun`` is about: the phrase of
        the name ("film" of "syuting film Dunkirk yang ..."); a name right under the noun
        goes with it ("teknologi Qualcomm QuickCharge yang ...", "para pengusaha Turki yang
        ..."), unless the noun only points at the name ("giliran Pogba yang ...", "milik
        Filipina yang ...") or is a verb or title the parser took for a noun. None when the
        name is a place that qualifies the noun ("film Korea yang ditayangkan ...", "generasi
        muda Indonesia yang ..."): the clause picks which, and stays."""
        t = self.tree
        tok = t[noun]
        if (
            t[step].pos != "PROPN"
            or tok.pos == "PROPN"
            or t.opens(noun)
            or tok.lower in lexicon.NAME_POINTERS[self.lang]
            or tok.lower in lexicon.TITLES
            or tok.lower in lexicon.REPORTING[self.lang]
            or (self.lang == "id" and lexicon.id_is_predicate(tok.text))
        ):
            return step
        place = " ".join(t[w].lower for w in sorted(t.subtree(step)) if w <= before)
        if place in lexicon.PLACES:
            return None
        head = t[tok.head]
        if tok.rel == "compound" and tok.head == noun - 1 and head.pos == "NOUN":
            return head.i  # "barisan belakang Persela yang ...", "tendangan penalti X yang"
        return noun

    def _relativizer(self, w: int) -> int | None:
        """The relative word of clause ``w`` ("yang", "who", "which", "whose", "of whom"):
        one of its first three words."""
        t = self.tree
        sub = sorted(t.subtree(w))
        for c in sub[:3]:
            if c < w and (t[c].lower in lexicon.RELATIVIZERS[self.lang] or t[c].lower == "whose"):
                return c
        return None

    def _side_clauses(
        self,
        words: frozenset[int],
        speaker: str | None,
        hedged: bool,
        unresolved: str | None,
        *,
        noun: str | None = None,
    ) -> frozenset[int]:
        """Cut the non-restrictive clauses out of ``words`` as claims about their head noun
        (``noun``, when given, names it instead); the words left are returned."""
        t = self.tree
        for w in sorted(words):
            if w not in words:
                continue
            kind = self._side_kind(w)
            if kind is None or t[w].head not in words:
                continue
            part = t.subtree(w) & words
            owner = t[w].head
            if kind == "relative" and self.lang == "id":
                owner = self._noun_before_comma(owner, min(part))
                # "syuting film Dunkirk, yang ...": the clause is about the name
                relativizer = self._relativizer(w)
                named = self._named(owner, relativizer) if relativizer is not None else None
                owner = owner if named is None else named
            noun_words = self._noun_phrase(owner, words - part)
            if not noun_words:
                continue
            head_noun = noun or t.text(noun_words)
            relative_word = self._relativizer(w) if kind == "relative" else None
            if noun and relative_word is not None and t[relative_word].lower == "which":
                # "says Natalya Lawrence, a coordinator with the ... Group, which oversees
                # ...": "which" is never the person; the clause is about its own noun
                head_noun = t.text(noun_words)
            front: tuple[str, ...]
            inserts: tuple[tuple[int, str], ...] = ()
            used = part
            if kind == "participle":
                front = (
                    (head_noun, *self._auxiliary(t[w].head, noun_words, w))
                    if self.lang == "en"
                    else (head_noun,)
                )
            else:
                relativizer = self._relativizer(w)
                assert relativizer is not None
                rel = t[relativizer]
                possessed = self._nya_subject(w, relativizer)
                if rel.lower == "whose":
                    front = (f"{head_noun}'s",)
                elif possessed is not None:
                    front = (f"{t[possessed].text[:-3]} {head_noun}",)
                    used = used - {possessed}
                elif (
                    self.lang == "id"
                    and rel.rel not in {"nsubj", "nsubj:pass"}
                    and any(k != relativizer for k in t.kids(w, *SUBJECTS))
                ):
                    # "motor Honda RCV123V yang ia kendarai": the noun is the clause's object
                    # and cannot be written before it; the clause stays with its noun
                    continue
                elif (
                    rel.rel in {"nsubj", "nsubj:pass"}
                    or self.lang == "id"
                    or relativizer == min(part)
                ):
                    front = (head_noun,)
                elif t[rel.head].rel in {"nmod", "obl"} and t[rel.head].i < w:
                    # "most of whom lived there": the noun in place of "whom"
                    inserts = ((relativizer, head_noun),)
                    front = ()
                else:
                    continue
                used = used - {relativizer}
            self.pieces.append(
                _Piece(frozenset(used), front, inserts, speaker, hedged, unresolved, w)
            )
            words = words - part
            # the commas that set the clause off go with it
            for mark in (t.before(min(part)), t.after(max(part))):
                if mark is not None and mark.text == "," and mark.i in words:
                    words = words - {mark.i}
        return words

    def _noun_before_comma(self, owner: int, start: int) -> int:
        """ "Hal itu terekam dalam video berdurasi 97 detik, yang menggambarkan ...": a
        relative clause the parse hung on a verb with a subject of its own is about the
        noun phrase right before its comma."""
        t = self.tree
        comma = t.before(start)
        verbal = t[owner].pos in {"VERB", "ADJ"} or bool(t.kids(owner, "nsubj:pass"))
        if comma is None or comma.text != "," or owner > start or t.kids(owner, "cop"):
            return owner
        if not (verbal and t.kids(owner, *SUBJECTS)):
            return owner  # a noun predicate ("Keunggulannya adalah kinerja ..., yang ...")
        k = comma.i - 1
        seen = 0
        while k >= 0 and t[k].head != owner and t[k].head != k and seen < 12:
            k, seen = t[k].head, seen + 1
        if k > owner and t[k].head == owner and t[k].pos in {"NOUN", "PROPN"}:
            return k
        return owner

    def _nya_subject(self, clause: int, relativizer: int) -> int | None:
        """ "Seagal, yang neneknya berasal dari ...": "nenek Seagal" is the subject."""
        t = self.tree
        nxt = relativizer + 1
        if self.lang != "id" or nxt >= len(t) or t[nxt].head != clause:
            return None
        tok = t[nxt]
        if tok.dep in SUBJECTS and tok.lower.endswith("nya") and len(tok.text) > 5:
            return nxt
        return None

    def _noun_phrase(self, noun: int, available: frozenset[int]) -> frozenset[int]:
        t = self.tree
        keep = {"det", "compound", "flat", "amod", "nummod", "nmod:poss", "flat:name", "fixed"}
        out = {noun}
        stack = [noun]
        while stack:
            i = stack.pop()
            for c in t.children[i]:
                of_phrase = t[c].rel == "nmod" and any(
                    t[k].lower in {"of", "dari"} for k in t.kids(c, "case")
                )
                # "to locate exoplanets" parsed as a compound: an English verb before the
                # noun is not part of its name (Indonesian compounds take verbs: "ruang tunggu")
                verb_before = self.lang == "en" and t[c].pos in {"VERB", "AUX"} and c < i
                # "proyeksi ekonomi China", "teknologi EDC": an Indonesian noun right after
                # its noun, with no preposition, is part of the phrase
                bare = (
                    self.lang == "id"
                    and t[c].rel == "nmod"
                    and c == i + 1
                    and t[c].pos in {"NOUN", "PROPN"}
                    and not t.kids(c, "case")
                )
                # "St. Thomas", "Dr. Fauci": a title right before the name is the name's
                title = t[c].dep == "nmod:desc" and c == i - 1 and t[c].text[:1].isupper()
                if (
                    c in available
                    and not verb_before
                    and (
                        t[c].dep in keep
                        or t[c].rel in {"flat", "compound"}
                        or of_phrase
                        or bare
                        or title
                    )
                ):
                    out.add(c)
                    stack.append(c)
                    if of_phrase:  # "the movement of the smoke", with its "of"
                        out.update(k for k in t.kids(c, "case") if k in available)
        return frozenset(out)

    def _has_predicate(self, words: frozenset[int]) -> bool:
        t = self.tree
        for w in words:
            tok = t[w]
            if self._verbal(w) or tok.dep == "cop":
                return True
            if tok.pos == "ADJ" and any(c in words for c in t.kids(w, *SUBJECTS)):
                return True
        return any(
            lexicon.is_predicate(t[w].text, self.lang) and not self._says_when(w) for w in words
        )


def _in_sentence(tree: Tree, words: frozenset[int]) -> str:
    """Words written inside a sentence: the sentence's opening capital dropped unless the
    first word is a name ("More than 100 men" -> "more than 100 men")."""
    text = tree.text(words)
    first = min(words)
    if tree.opens(first) and tree[first].pos != "PROPN" and tree[first].text != "I":
        return text[:1].lower() + text[1:]
    return text


def extract_claims(
    parse: Parse, lang: str, last_speaker: str | None = None, last_group: str | None = None
) -> list[ClaimDraft]:
    """The atomic claims of one parsed sentence; offsets are relative to the sentence."""
    text = parse.text.strip()
    if not text or len(parse.text) > MAX_SENTENCE_CHARS:
        return []
    if not parse.tokens or all(t.pos in {"PUNCT", "SYM", "X"} for t in parse.tokens):
        return []
    tree = Tree(parse)
    if _is_question(text) and len(tree.roots) == 1:
        # a question is no claim; one closing a quotation of several sentences leaves the
        # others ('"Sure, I got deferments. Would you really want ...?"'), each a tree
        return []
    everything = frozenset(range(len(tree)))
    around = attribution.peripheral(tree, everything, lang)
    drafts: list[ClaimDraft] = []
    seen: set[str] = set()
    units = [everything] if around is not None else [tree.subtree(r) for r in tree.roots]
    for unit in units:
        for draft in _cut_unit(tree, unit, around, lang, last_speaker, last_group):
            if draft.text.lower() not in seen:
                seen.add(draft.text.lower())
                drafts.append(draft)
    return drafts


def _cut_unit(
    tree: Tree,
    unit: frozenset[int],
    around: attribution.Frame | None,
    lang: str,
    last_speaker: str | None,
    last_group: str | None = None,
) -> list[ClaimDraft]:
    """The claims of one parsed sentence (one tree, or all of them under an attribution
    that covers them). When a cut leaves a piece that cannot stand as a claim (no
    predicate of its own, under three words), the parse is not trusted there: the sentence
    is cut again with only its attribution frames, into whole statements."""
    for split in (True, False):
        cutter = _Cutter(tree, lang, last_speaker, split=split, last_group=last_group)
        if around is not None:
            cutter.attributed(around, unit)
        else:
            root = next(w for w in unit if tree[w].head == w or tree[w].head not in unit)
            cutter.clause(root, unit)
        drafts: list[ClaimDraft] = []
        broken = False
        ordered = sorted(cutter.pieces, key=lambda p: min(p.words) if p.words else 0)
        for piece in _merge_adverbials(tree, _merge_that(tree, ordered), lang):
            draft, fragment = _render(tree, piece, lang, cutter)
            broken = broken or fragment
            if draft is not None:
                drafts.append(draft)
        if not broken:
            return drafts
    return drafts


def _merge_that(tree: Tree, pieces: list[_Piece]) -> list[_Piece]:
    """ ", that are too faint to see": a restrictive "that" clause the parser hung on the
    main verb belongs with the words before it, not in a claim of its own."""
    out: list[_Piece] = []
    for piece in pieces:
        first = min((w for w in piece.words if tree[w].pos != "PUNCT"), default=None)
        if (
            first is not None
            and tree[first].lower == "that"
            and tree[first].rel in SUBJECTS
            and not piece.front
        ):
            comma = tree.before(first)
            before = tree.before(comma.i) if comma is not None and comma.text == "," else None
            owner = next(
                (n for n, p in enumerate(out) if before is not None and before.i in p.words), None
            )
            if owner is not None:
                out[owner] = replace(out[owner], words=out[owner].words | piece.words)
                continue
        out.append(piece)
    return out


def _merge_adverbials(tree: Tree, pieces: list[_Piece], lang: str) -> list[_Piece]:
    """A piece that is only a clause of time, condition, purpose or means ("Sejak Omen resmi
    tiba di Indonesia", "Dengan menyediakan laptop", "Tanpa perlu menambah dongle") was cut
    off by a wrong parse: it goes back to the clause it qualifies (the piece holding its
    head in the tree, else the next piece, else the one before)."""
    out = list(pieces)
    while len(out) > 1:
        n = next((k for k, p in enumerate(out) if _adverbial_only(tree, p.words, lang)), None)
        if n is None:
            break
        piece = out.pop(n)
        tops = tree.tops(piece.words)
        heads = {tree[w].head for w in tops} - piece.words
        target = next((k for k, p in enumerate(out) if heads & p.words), None)
        if target is None:
            target = n if n < len(out) else n - 1
        into = out[target]
        inserts = into.inserts
        front = into.front
        if front and min(piece.words) < min(into.words):
            # the restored subject goes after the fronted clause: "Tanpa ..., saya bisa ...",
            # before the first word (not before the comma the clause may hold)
            first = min((w for w in into.words if tree[w].pos != "PUNCT"), default=None)
            if first is not None:
                inserts = ((first, " ".join(front)), *inserts)
            front = ()
        # the comma between them, which went with neither ("Ketika Gibran menikah pada 2015
        # lalu, Chilli Pari juga ...")
        low, high = max(piece.words), min(into.words)
        if low > high:
            low, high = max(into.words), min(piece.words)
        gap = range(low + 1, high)
        between = set(gap) if all(tree[w].text in ",;" for w in gap) else set()
        if not between and low + 1 < high and tree[low + 1].text == ",":
            between = {low + 1}  # "Jika ..., Yannes menekankan, maka ...": one comma
        words = into.words | piece.words | between
        out[target] = replace(into, words=words, front=front, inserts=inserts)
    return out


def _adverbial_only(tree: Tree, words: frozenset[int], lang: str) -> bool:
    """Whether the words are one adverbial clause opened by its marker and nothing else: the
    marker hangs on the clause's top word, or on a word right before it ("sejak Omen resmi
    tiba", where the parser put "sejak" on the subject), with no comma between."""
    content = sorted(w for w in words if tree[w].pos != "PUNCT")
    if len(content) < 2:
        return False
    first = content[0]
    openers = lexicon.ADVERBIAL_OPENERS[lang]
    two = f"{tree[first].lower} {tree[content[1]].lower}"
    purpose = two in {"so that", "in order"}  # a purpose states no fact of its own
    if (tree[first].lower not in openers and not purpose) or _opener_length(tree, content, lang):
        return False
    opening = tuple(tree[w].lower for w in content[:3])
    if any(opening[: len(idiom)] == idiom for idiom in lexicon.ADVERBIAL_IDIOMS[lang]):
        return False
    if (
        tree[first].lower in {"saat", "waktu", "ketika"}
        and tree[content[1]].lower in {"ini", "itu"}
        and any(
            tree[w].dep in SUBJECTS and w > content[1] and tree[w].lower != "yang" for w in words
        )
    ):
        return False  # "Saat ini Vietjet Air merupakan ...": "saat ini" is "now", not "when"
    tops = tree.tops(words)
    if len(tops) != 1:
        return False
    top = tops[0]
    if top == first or _contrastive_while(tree, first, top):
        return False
    after = tree.after(content[-1])
    if tree[top].head == top and after is not None and after.text in {".", "!", "?"}:
        return False  # a sentence of its own inside a quotation of several

    if any(tree[w].dep in SUBJECTS and tree[w].head != top for w in words):
        return False  # a clause of its own is in there too ("Tanpa ..., saya bisa ...")
    attached = tree[first].head
    if attached != top:
        if tree[attached].head != top or attached > top:
            return False
        if any(attached < w < top and tree[w].text in ",;:" for w in words):
            return False
    return tree[top].pos in _PREDICATE_POS or tree[top].pos in {"ADJ", "NOUN", "PROPN"}


def _contrastive_while(tree: Tree, marker: int, top: int) -> bool:
    """ "While some users reported ..., others continued ...": a "while" clause whose
    subject is not the main clause's, and whose verb is no progressive ("while he was
    driving"), sets two statements against each other; it is no clause of time."""
    if tree[marker].lower not in {"while", "whilst"}:
        return False
    main = tree[top].head
    own, other = tree.subject(top), tree.subject(main)
    if own is None or other is None or main == top:
        return False
    if tree.text(tree.subtree(own)).lower() == tree.text(tree.subtree(other)).lower():
        return False
    if top > main and marker > main:
        # "Their services have gone down while the wealthy have gotten tax cuts": after the
        # main clause, a perfect sets a second fact against it (a time would not be perfect)
        return any(tree[a].lower in {"have", "has", "had"} for a in tree.kids(top, "aux"))
    end = max(w for w in tree.subtree(top) if tree[w].pos != "PUNCT")
    if end + 1 >= len(tree) or tree[end + 1].text != "," or min(tree.subtree(other)) <= end:
        return False  # the parse did not end the clause at its comma: it is not to be trusted
    progressive = tree[top].feature("VerbForm") in {"Ger", "Part"} or tree[top].lower.endswith(
        "ing"
    )
    return not progressive


def _render(
    tree: Tree, piece: _Piece, lang: str, cutter: _Cutter
) -> tuple[ClaimDraft | None, bool]:
    """The claim a piece makes, and whether the piece was a fragment (words that cannot
    stand as a claim: the cut that made them is not to be trusted)."""
    words = _trim(tree, piece.words, lang)
    content = [w for w in piece.words if tree[w].pos not in {"PUNCT", "SYM"}]
    restored_predicate = any(
        lexicon.is_predicate(word, lang)
        for text in (*piece.front, *(t for _, t in piece.inserts))
        for word in text.split()[-2:]
    )
    # Words someone is reported to have said are a statement even where the parser finds
    # no predicate in them ("Stok beras aman sampai Lebaran," kata ...).
    reported = (
        piece.speaker is not None
        and len([w for w in words if tree[w].pos != "PUNCT"]) >= 4
        and sum(tree[w].text.isalpha() for w in words) >= 3  # not a date: "Kamis (14/12/2017)"
    )
    # the whole sentence, when nothing else stood: "A video depicts an amazing 2013 ...",
    # with a present-tense verb the English tagger read as a noun
    whole = not cutter.split and lang == "en" and _present_verb(tree, words)
    if not words or not (cutter._has_predicate(words) or restored_predicate or reported or whole):
        return None, bool(content) and not _only_frame_words(tree, content, lang)
    front = list(piece.front)
    inserts = sorted(piece.inserts)
    if not front:
        repaired = _relativizer_noun(tree, words, lang, cutter)
        if repaired is not None:
            words, noun = repaired
            front = [noun]
        elif lang == "en" and tree[min(words)].lower in {"who", "which", "whom", "whose"}:
            # "..., who got -- who were given ...": a relative clause with no noun to take
            # the relative word's place is no claim alone; the cut is not trusted
            return None, True
    if not front and _imperative(tree, words, piece, lang):
        return None, False
    if _subordinate_only(tree, words, lang):
        return None, True  # "Setelah kasus itu diungkap ...": a time or a condition, no claim
    if _bare_report(tree, words, piece, lang) and (cutter.split or len(content) < 6):
        # "The party saying": a verb of saying whose content went astray; once the
        # sentence is taken whole, a long one stands as it is
        return None, True
    ordered = sorted(words)
    body: list[str] = []
    restored = list(front)
    previous: int | None = None
    # the sentence's first word moves inside the claim when words are restored before it
    lowered = bool(front or (inserts and inserts[0][0] <= ordered[0])) and _opening_case(
        tree, ordered[0], lang
    )
    for w in ordered:
        gap = ""
        if previous is not None:
            if w == previous + 1:
                gap = tree.parse.text[tree[previous].end : tree[w].start]
            else:
                # words left out between: a mark that closes on the word before it still does
                # ("the Muslims, the policy ...", not "the Muslims , the policy ..."), and two
                # commas met there are one ("mainnya, [...], jangan")
                if tree[w].text in _PAUSES and "".join(body).rstrip().endswith(tuple(_PAUSES)):
                    previous = w
                    continue
                gap = "" if tree[w].text in _CLOSES_LEFT else " "
        while inserts and inserts[0][0] <= w:
            body.append((gap or "") + inserts[0][1])
            restored.append(inserts[0][1])
            inserts.pop(0)
            gap = " "
        body.append(gap + (tree[w].lower if lowered and w == ordered[0] else tree[w].text))
        previous = w
    claim = " ".join([*front, "".join(body)]).strip()
    claim = re.sub(r"\s+", " ", claim)
    glued = _GLUED_STOP.search(claim)
    abbreviations = lexicon.ABBREVIATIONS[lang] | lexicon.COMPANY_SUFFIXES
    if glued and glued.group(1).lower() not in abbreviations:
        claim = claim[:-1]  # "... perangkat gaming 4K.": the tokenizer kept the full stop
    if _exclamation(claim, lang):
        return None, False
    after = tree.after(ordered[-1])
    if after is not None and after.text == "?":
        return None, False  # a question inside a quotation: '"Apakah saya ...? Tidak," kata'
    if len(claim.split()) < _MIN_WORDS:
        return None, len(content) > 0 and len(words) < len(content)
    claim = claim[0].upper() + claim[1:]
    hedged = piece.frame_hedged or attribution.has_hedge(claim, lang)
    reference = find_reference(claim, lang) or piece.unresolved
    start, end = tree[ordered[0]].start, tree[ordered[-1]].end
    draft = ClaimDraft(
        claim, start, end, piece.speaker, hedged, reference, tree.spans(words), tuple(restored)
    )
    return draft, False


def _present_verb(tree: Tree, words: frozenset[int]) -> bool:
    """An English word in -s between a noun and the start of a noun phrase ("video depicts
    an", "article details treatment"): a verb, whatever the tagger said."""
    for w in words:
        tok = tree[w]
        if (
            0 < w < len(tree) - 1
            and lexicon.en_present_in_s(tok.text)
            and tok.pos in {"NOUN", "VERB"}
            and w - 1 in words
            and tree[w - 1].pos in {"NOUN", "PROPN"}
            and tree[w + 1].pos in {"DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON"}
        ):
            return True
    return False


def _opening_case(tree: Tree, w: int, lang: str) -> bool:
    """Whether word ``w`` opens the sentence and is capitalised only for that ("Known as
    Doggerland, the area ...", "Terkubur sedalam ..., Pyongyang Metro ..."), not a name."""
    tok = tree[w]
    if not tree.opens(w) or not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    if tok.pos != "PROPN":
        return tok.lower != "i"
    # the Indonesian tagger takes a capitalised first word for a name; a verbal prefix says
    # it is none
    return lang == "id" and lexicon.id_is_predicate(tok.text) and not tree.kids(w, "flat")


_PAUSES = frozenset({",", ";", ":"})
_CLOSES_LEFT = frozenset({",", ";", ":", ".", "!", "?", ")", "]", "%"})
_GLUED_STOP = re.compile(r"(?:^|\s)([^\W_][\w-]*)\.$")


def _only_frame_words(tree: Tree, content: list[int], lang: str) -> bool:
    """Words that are only an opener or a time ("Sementara itu", "On Monday")."""
    return all(tree[w].pos in {"ADV", "CCONJ", "SCONJ", "ADP", "NUM", "DET"} for w in content)


def _relativizer_noun(
    tree: Tree, words: frozenset[int], lang: str, cutter: _Cutter
) -> tuple[frozenset[int], str] | None:
    """A piece that opens with "which"/"who"/"yang" after a comma (the parser hung the
    relative clause elsewhere): the noun before the comma takes the relative word's place."""
    first = min(words)
    if tree[first].lower not in lexicon.RELATIVIZERS[lang] - {"that"}:
        return None
    comma = tree.before(first)
    noun = tree.before(comma.i) if comma is not None and comma.text == "," else None
    if noun is None or noun.pos not in {"NOUN", "PROPN"}:
        return None
    owner = tree[noun.head]
    if tree.kids(noun.i, "case") and noun.rel == "nmod" and owner.pos in {"NOUN", "PROPN"}:
        noun = owner  # "celah di atas, yang juga berperan ...": the clause is about "celah"
    phrase = cutter._noun_phrase(noun.i, frozenset(range(len(tree))) - words)
    return words - {first}, tree.text(phrase)


def _subordinate_only(tree: Tree, words: frozenset[int], lang: str) -> bool:
    """Whether the words are one adverbial clause of time or condition and nothing else."""
    tops = tree.tops(words)
    if len(tops) != 1:
        return False
    top = tops[0]
    marks = [tree[m].lower for m in tree.kids(top, "mark") if m in words]
    if not (tree[top].rel == "advcl" and any(m in lexicon.SUBORDINATORS[lang] for m in marks)):
        return False
    # "Ketika kata-kata gagal berfungsi, maka bahasa tubuh kita ...": "maka" after the
    # comma opens the main clause, however the parse hung it
    if any(
        tree[w].lower == "maka" and w > top and w - 1 in words and tree[w - 1].text == ","
        for w in words
    ):
        return False
    # "jika semua imigrasi ... berhenti, populasi Muslim Eropa akan terus bertambah ...": the
    # parse hung the main clause under the condition; after its comma, with its own subject,
    # it is the statement the condition qualifies
    for w in words:
        clause = tree[w].head
        if (
            tree[w].dep in SUBJECTS
            and clause in words
            and clause > top
            and tree[clause].rel in {"ccomp", "conj", "parataxis"}
            and tree[clause].head == top
            and any(tree[c].text == "," for c in words if top < c < tree.first_word(clause))
        ):
            return False
    return True


def _bare_report(tree: Tree, words: frozenset[int], piece: _Piece, lang: str) -> bool:
    head = piece.head
    if head is None or head not in words or tree[head].lower not in lexicon.REPORTING[lang]:
        return False
    said = [c for c in tree.children[head] if c in words and tree[c].rel not in _BARE]
    return not said


_BARE = frozenset({"nsubj", "aux", "advmod", "punct", "cc", "mark", "expl", "cop"})


def _imperative(tree: Tree, words: frozenset[int], piece: _Piece, lang: str) -> bool:
    """ "Click through for the whole thing", "Mari semuanya berdoa": a request, not a claim."""
    first = tree[min(words)]
    if lang == "id":
        return first.lower in lexicon.IMPERATIVE_OPENERS["id"]
    if first.lower in lexicon.IMPERATIVE_OPENERS["en"]:
        return True
    head = piece.head
    if head is None or head != first.i or first.pos != "VERB":
        return False
    has_subject = any(c in words for c in tree.kids(head, *SUBJECTS))
    return not has_subject and (
        first.feature("Mood") == "Imp" or first.feature("VerbForm") == "Inf"
    )


def _trim(tree: Tree, words: frozenset[int], lang: str) -> frozenset[int]:
    """Drop what a claim must not open or end with (punctuation, conjunctions, markers,
    discourse openers, a quotation mark or bracket left open), until nothing changes."""
    ordered = sorted(words)
    while ordered:
        before = list(ordered)
        ordered = _balance(tree, ordered)
        if not ordered:
            break
        ordered = ordered[_opener_length(tree, ordered, lang) :]
        # punctuation at the end, cut off from the claim's last word by words taken out
        # ("... human waste .'" once the "because" clause went)
        tail = len(ordered)
        while tail > 1 and tree[ordered[tail - 1]].pos == "PUNCT":
            tail -= 1
        # (or inside it: 'answered, "."' once the quoted reason went)
        if tail < len(ordered) and any(
            ordered[k + 1] != ordered[k] + 1 for k in range(tail - 1, len(ordered) - 1)
        ):
            ordered = ordered[:tail]
        first, last = tree[ordered[0]], tree[ordered[-1]]
        if len(ordered) > 2 and _quote_pair(first.text, last.text):
            ordered = ordered[1:-1]  # the whole claim is one quotation: the marks go
        elif (
            first.lower in {"that", "bahwa"}
            and first.dep not in SUBJECTS | {"det"}
            and len(ordered) > 3
        ):
            ordered = ordered[1:]  # the complementizer a parser hung elsewhere
        elif (
            first.pos == "ADV"
            and len(ordered) > 3
            and tree[ordered[1]].lower in lexicon.CLAUSE_MARKERS[lang]
            and tree[ordered[1]].dep == "mark"
            and tree[ordered[1]].head == first.head
        ):
            ordered = ordered[1:]  # "only because it was ...": the adverb goes with its marker
        elif (
            first.pos in {"CCONJ", "PUNCT", "SYM"}
            and first.text not in _OPENING
            or (
                first.lower in lexicon.CLAUSE_MARKERS[lang]
                and (first.dep == "mark" or first.pos == "SCONJ")
                and not _embedded(tree, first.i, ordered, lang)
            )
        ):
            ordered = ordered[1:]
        elif (
            last.pos in {"PUNCT", "SYM"} and last.text not in _CLOSING and last.text not in _UNITS
        ) or (
            (last.pos in {"CCONJ", "ADP", "SCONJ"} or last.lower in _ARTICLES)
            and len(ordered) > 1
            and last.dep not in {"fixed", "compound:prt"}  # "upside down", "turned off"
            and not _place_noun_after(tree, last.i, ordered, lang)
            # a word with its own adverb, auxiliary or subject is a predicate the tagger
            # misread ("uji coba telah usai", "usai" as SCONJ; "peluang yang didapatnya",
            # "didapatnya" as ADP), not a conjunction left dangling
            and not any(
                c in ordered
                and (
                    tree[c].rel in {"advmod", "aux"}
                    or tree[c].dep in SUBJECTS
                    and last.pos == "ADP"
                    and lexicon.is_predicate(last.text, lang)
                )
                for c in tree.children[last.i]
            )
        ):
            ordered = ordered[:-1]
        if ordered == before:
            break
    return frozenset(ordered)


def _place_noun_after(tree: Tree, w: int, ordered: list[int], lang: str) -> bool:
    """ "ada di papan atas", "dari segi luar": an Indonesian word of place the tagger calls a
    preposition, after the noun it belongs to, is that noun's; it dangles only before one."""
    head = tree[w].head
    return (
        tree[w].lower in lexicon.PLACE_NOUNS[lang]
        and head < w
        and head in ordered
        and tree[head].pos in {"NOUN", "PROPN"}
    )


def _embedded(tree: Tree, marker: int, ordered: list[int], lang: str) -> bool:
    """A concessive or causal marker whose clause is under another word of the claim
    ("Meski membawa hasil ..., bukan berarti ..." kept whole): it belongs to the claim, it
    does not open it. A marker of time too ("while") is dropped as before."""
    if tree[marker].lower in lexicon.ADVERBIAL_OPENERS[lang]:
        return False
    head = tree[marker].head
    up = tree[head].head
    return head in ordered and up != head and up in ordered and tree[head].rel == "advcl"


# symbols that end a number, not a sentence ("cuts plaque and tartar by 77%")
_UNITS = frozenset({"%", "‰", "°", "°C", "°F", "$", "€", "£"})
_ADVERBIAL_POS = frozenset({"ADV", "PART", "ADP", "DET", "SCONJ", "CCONJ", "PUNCT"})


def _adverbs_only(tree: Tree, words: Iterable[int]) -> bool:
    """Words with nothing but adverbs, particles and markers ("although not so soon")."""
    return all(tree[w].pos in _ADVERBIAL_POS for w in words)


_ORDINALS = frozenset({"pertama", "kedua", "ketiga", "terakhir", "satu-satunya"})
_SO_PHRASES = frozenset({"far", "much", "many", "few", "long", "that", "to", "as"})
_OPENING = "\"“‘'«(["
_CLOSING = "\"”’'»)]"
_PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "(": ")", "[": "]"}


def _quote_pair(opening: str, closing: str) -> bool:
    return _PAIRS.get(opening) == closing and opening not in "(["


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def opener_chars(sentence: str, lang: str) -> int:
    """How many characters at the start of a sentence are a discourse opener ("Itu
    berarti, ", "Meanwhile, ", "Dan "), by the same phrases as ``_opener_length``: the
    parser is not shown them, since it tends to make them the main clause."""
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(sentence[:80])]
    if not words or words[0][1] != 0:
        return 0  # a sentence opening with a quotation mark or a bracket is left alone
    lowered = tuple(w for w, _, _ in words[:6])
    for phrase, needs_comma in lexicon.opener_phrases(lang):
        n = len(phrase)
        if lowered[:n] != phrase or len(_WORD.findall(sentence)) <= n + 2:
            continue
        end = words[n - 1][2]
        gap = sentence[end : words[n][1]] if n < len(words) else sentence[end:]
        if gap.strip() == ",":
            return end + len(gap)
        if n < len(words) and words[n][0] in lexicon.OPENER_PREPOSITIONS[lang]:
            continue  # "In addition to rewards, ..."
        if phrase == ("so",) and n < len(words) and words[n][0] in _SO_PHRASES:
            continue
        if not needs_comma and not gap.strip():
            return end + len(gap)
    return 0


def _opener_length(tree: Tree, ordered: list[int], lang: str) -> int:
    """How many words at the start are a discourse opener ("Sementara itu,", "But")."""
    lowered = tuple(tree[w].lower for w in ordered[:6])
    for phrase, needs_comma in lexicon.opener_phrases(lang):
        n = len(phrase)
        if lowered[:n] != phrase or len(ordered) <= n + 2:
            continue
        after = tree[ordered[n]]
        if after.text == ",":
            return n + 1
        if after.lower in lexicon.OPENER_PREPOSITIONS[lang]:
            continue  # "In addition to rewards, ..."
        if phrase == ("so",) and after.lower in _SO_PHRASES:
            continue  # "So far", "So many": not the linking "so"
        if not needs_comma:
            return n
    return 0


def _balance(tree: Tree, ordered: list[int]) -> list[int]:
    """Quotation marks and brackets in pairs: one closing a quote the claim opened is taken
    in from the sentence; one left unmatched at either end goes."""
    words = list(ordered)
    for opening, closing in (('"“', '"”'), ("(", ")"), ("[", "]"), ("‘", "’")):
        if _balanced(tree, words, opening, closing):
            continue
        nxt = tree.after(words[-1]) if words else None
        if (
            nxt is not None
            and nxt.text in closing
            and _balanced(tree, [*words, nxt.i], opening, closing)
        ):
            words.append(nxt.i)
            continue
        while (
            words
            and tree[words[0]].text in opening + closing
            and not _balanced(tree, words, opening, closing)
        ):
            words = words[1:]
        while (
            words
            and tree[words[-1]].text in opening + closing
            and not _balanced(tree, words, opening, closing)
        ):
            words = words[:-1]
        if not _balanced(tree, words, opening, closing):
            words = [w for w in words if tree[w].text not in opening + closing]
    return words


def _balanced(tree: Tree, words: list[int], opening: str, closing: str) -> bool:
    # by characters, not tokens: a tokenizer leaves marks inside words ("alert(1")
    text = "".join(tree[w].text for w in words)
    if opening == '"“':
        return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return text.count(opening) == text.count(closing)


def find_reference(claim: str, lang: str) -> str | None:
    """The opening words of a claim that point back to an earlier sentence: a pronoun
    ("Ia", "They"), or a demonstrative ("Hal ini", "Kebijakan tersebut", "This")."""
    match = lexicon.REFERENCE_OPENERS[lang if lang in lexicon.REFERENCE_OPENERS else "en"].match(
        claim
    )
    return match.group(0).strip() if match else None


def _is_question(text: str) -> bool:
    return text.rstrip("\"'”’) ").endswith("?")


def _exclamation(claim: str, lang: str) -> bool:
    return lang == "en" and claim.lower().startswith(("what a ", "what an ", "how "))
