"""Word lists the pipeline reads, per language ("id" Indonesian, "en" English)."""

from __future__ import annotations

import re
from functools import lru_cache


def _terms(text: str) -> tuple[str, ...]:
    """A comma-separated word list, written as prose so it stays compact and diffable."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


SUPPORTED_LANGUAGES = ("id", "en")

# Sentence openers that carry no checkable content ("Meanwhile, ...").
DISCOURSE_OPENERS: dict[str, tuple[str, ...]] = {
    "id": _terms("""
        sementara itu, selain itu, di samping itu, di sisi lain, di lain pihak, namun demikian,
        meski demikian, meskipun demikian, walau demikian, oleh karena itu, oleh sebab itu,
        dengan demikian, kendati begitu, kendati demikian, meskipun begitu, walaupun begitu,
        walaupun demikian, dengan begitu, oleh karenanya, oleh karena itulah, karena itulah, seperti
        diketahui, sebagaimana diketahui,
        adapun, namun, akan tetapi, setidaknya, sebagai informasi, diketahui, perlu diketahui,
        lebih lanjut, selanjutnya, kemudian, sebelumnya, bahkan, tak hanya itu, tidak hanya itu
    """),
    "en": _terms("""
        meanwhile, however, in addition, additionally, moreover, furthermore, also,
        on the other hand, nevertheless, nonetheless, still, as a result, therefore,
        at the same time, in fact, indeed, by contrast
    """),
}

# An opener followed by one of these is a phrase of the clause, not an opener ("In addition
# to rewards, Challenges ...").
OPENER_PREPOSITIONS: dict[str, frozenset[str]] = {
    "id": frozenset(),
    "en": frozenset(_terms("to, of, from, with")),
}

# Verbs that only report speech: after one of them a noun and a predicate are what was said
# ("menyatakan keadaan darurat diperpanjang"), unlike "memastikan kemenangan menjadi 3-0" or
# "percaya diri".
PLAIN_SAYING_ID = frozenset(
    _terms("""
        mengatakan, menyatakan, menjelaskan, menilai, menegaskan, menambahkan, memaparkan,
        menuturkan, mengungkapkan, menyebutkan, mengklaim, menerangkan, menyampaikan,
        melaporkan, mengumumkan, menyebut
    """)
)

# A hedge word used literally when one of these follows it: "Sandi dilaporkan oleh
# Fransiska ke Polda" is a complaint filed with the police, not "reportedly" (but
# "seperti dilaporkan oleh Reuters" stays the outlet's report, a hedge).
LITERAL_AFTER: dict[str, dict[str, frozenset[str]]] = {
    "id": {"dilaporkan": frozenset(_terms("oleh, ke"))},
    "en": {},
}
REPORT_INTRODUCERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("seperti, sebagaimana")),
    "en": frozenset(_terms("as")),
}

# Words that mark a claim as second-hand or uncertain.
HEDGES: dict[str, tuple[str, ...]] = {
    "id": _terms("""
        disebut, disebutkan, dikabarkan, diduga, dilaporkan, diklaim, konon, kabarnya,
        diperkirakan, disinyalir, ditengarai, dianggap, diyakini, dirumorkan, kemungkinan,
        mungkin, barangkali, tampaknya, sepertinya, diisukan, santer
    """),
    "en": _terms("""
        reportedly, allegedly, alleged, purportedly, supposedly, apparently, rumored, rumoured,
        is said to, are said to, was said to, were said to, is believed, are believed,
        is thought to, are thought to, may have, might have, could have, unconfirmed,
        is reported to, are reported to, was reported to, were reported to, claimed to,
        is alleged, are alleged
    """),
}

# Indonesian verbs that report speech even without "bahwa" or a comma ("X mengatakan harga
# naik"); verbs that also take a plain object ("menyebut nama") are not among them.
REPORTING_VERBS = _terms("""
    mengatakan, menyatakan, menjelaskan, menuturkan, mengungkapkan, menegaskan, menilai,
    menyebutkan, memastikan, mengklaim, menambahkan, menekankan, berpendapat
""")

# Verbs of saying, for "X said that ..." / "..., kata X".
SAY_VERBS_BEFORE: dict[str, tuple[str, ...]] = {
    "id": _terms("""
        menegaskan, mengatakan, menyatakan, menjelaskan, mengungkapkan, mengungkap,
        menyebutkan, menyebut, mengklaim, menuturkan, menambahkan, menilai, mengaku, mengakui,
        memastikan, membantah, menekankan, menyampaikan, berpendapat, berkata, bilang,
        berargumen
    """),
    "en": _terms("""
        said, says, told reporters, told, claimed, claims, wrote, writes, added, stated,
        states, argued, argues, insisted, warned, noted, reports, reported, alleged, alleges,
        explained, estimated, announced, confirmed, denied, admitted, maintained, asserted,
        tweeted, commented, stressed, insists
    """),
}

SAY_VERBS_AFTER: dict[str, tuple[str, ...]] = {
    "id": _terms("""
        kata, ujar, ungkap, jelas, tegas, tutur, imbuh, tambah, sebut, ucap, terang, papar,
        katanya, ujarnya, ungkapnya, jelasnya, tegasnya, tuturnya, imbuhnya, tambahnya,
        sebutnya, ucapnya, terangnya, paparnya
    """),
    "en": _terms("said, says, added, wrote, told, stated, noted, warned, claimed"),
}

# Markers of a clause that contrasts with or concedes against its neighbour: such a clause
# is a claim of its own ("X, tetapi Y", "Meski X, Y", "X whereas Y").
CONTRAST_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            meski, meskipun, walaupun, walau, kendati, kendatipun, sekalipun, biarpun, tetapi,
            tapi, namun, padahal, sedangkan, sementara, melainkan, bahkan, akan tetapi
        """)
    ),
    "en": frozenset(
        _terms("although, though, even though, while, whereas, but, yet, even if, whilst")
    ),
}
# Concessions that open a sentence ("Meski X, Y").
CONCESSIVE: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("meski, meskipun, walaupun, walau, kendati, kendatipun, sekalipun, biarpun")
    ),
    "en": frozenset(_terms("although, though, despite")),
}
# "Selain mengemas X, S juga Y": what S does besides is a claim of its own.
ADDITIVE_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("selain")),
    "en": frozenset(_terms("besides")),
}
# A reason with its own subject is a claim of its own ("... karena kedua negara bersekutu").
CAUSAL_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("karena, sebab, lantaran, oleh karena")),
    "en": frozenset(_terms("because")),
}
# Connectors after a comma that open what follows from the clause before ("..., jadi tidak
# menggunakan cara kekerasan"): a claim of its own, with the subject written back.
RESULT_CONNECTORS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("jadi, makanya, karenanya, karena itu, oleh karena itu")),
    "en": frozenset(),
}
# "..., dimana X ...": after a comma, a clause with its own subject adds a fact of its own.
WHERE_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("dimana, di mana")),
    "en": frozenset(),
}
# Markers a claim cut from its sentence does not open with.
CLAUSE_MARKERS: dict[str, frozenset[str]] = {
    lang: CONTRAST_MARKERS[lang] | CAUSAL_MARKERS[lang] | WHERE_MARKERS[lang] | frozenset(words)
    for lang, words in (("id", ("bahwa",)), ("en", ("that", "whether")))
}
# Verbs of a trailing clause that describe what the whole clause before them shows or
# causes (", memperlihatkan ...", ", leading to ..."): the clause stays whole.
RESULT_VERBS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            memperlihatkan, menunjukkan, menandakan, mengakibatkan, menyebabkan, membuat,
            memicu, menjadikan, sehingga
        """)
    ),
    "en": frozenset(
        _terms("""
            leading, showing, suggesting, indicating, making, causing, resulting, prompting,
            sparking, bringing, meaning, giving, forcing, leaving
        """)
    ),
}
# Words that open a phrase narrowing the claim before it, not a new claim.
FOCUS_WORDS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("terutama, khususnya, termasuk, antara lain, seperti, misalnya, apalagi")
    ),
    "en": frozenset(_terms("especially, particularly, notably, mainly, mostly, including, such")),
}
# Nouns for the people of a place or body ("anak Sukabumi", "warga Jakarta", "pemain
# Persib"): a relative clause after such a phrase picks some of them, it does not describe
# the name before it.
MEMBER_NOUNS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            anak, anak-anak, warga, penduduk, masyarakat, rakyat, umat, jemaah, pemain,
            suporter, pendukung, pegawai, karyawan, siswa, mahasiswa, pelajar, guru, petani,
            nelayan, pedagang, buruh, pekerja, tenaga, korban, pasien, penumpang, anggota,
            kader, simpatisan, pejabat, aparat, personel, prajurit, tentara, polisi, atlet,
            pelaku, orang, wisatawan, turis, penonton, fans, penggemar
        """)
    ),
    "en": frozenset(),
}
# Nouns that only point at the name after them ("giliran Pogba yang ...", "milik Filipina
# yang ...", "alias Latif yang ..."): a relative clause after the name is about the name.
NAME_POINTERS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            giliran, milik, alias, jasa, jasa-jasa, lahirnya, kelahiran, implementasi,
            inisial, nama, julukan, sosok, figur
        """)
    ),
    "en": frozenset(),
}
# Prepositions that take a verb's own argument ("mengarah ke X", "dilaporkan oleh X"), as
# opposed to those that place or source a noun ("di", "dari").
ARGUMENT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("ke, kepada, oleh, dengan, bersama, bagi, untuk, pada, terhadap, tentang, atas")
    ),
    "en": frozenset(),
}
# Indonesian nouns of place the tagger often calls prepositions ("papan atas", "bagian
# dalam"): after their noun they end a claim as any noun does.
PLACE_NOUNS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("atas, bawah, dalam, luar, depan, belakang, tengah, samping")),
    "en": frozenset(),
}
# What a closing "demikian" can name as the statement ("..., demikian keterangan polisi"),
# and the words between it and whose it is ("resmi", "tertulis", "dari").
STATEMENT_NOUNS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            keterangan, pernyataan, komentar, laporan, tulisan, rilis, unggahan, cuitan,
            kicauan, catatan, penjelasan, pengumuman, siaran, ucapan
        """)
    ),
    "en": frozenset(),
}
STATEMENT_QUALIFIERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("resmi, tertulis, terbaru, pers, dari, oleh, yang, disampaikan")),
    "en": frozenset(),
}
# What opens a purpose clause ("untuk berwisata ...", "to curb ..."), whose further items
# after a comma are the purpose's too.
PURPOSE_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("untuk, agar, supaya, guna")),
    "en": frozenset(_terms("to")),
}
# Indonesian political parties, which stand between an office and a name as a place does
# ("Ketua DPP Golkar Indra Bambang Utoyo", "Fraksi Partai Golkar Agun Gunandjar").
PARTIES = frozenset(
    _terms("""
        golkar, gerindra, demokrat, nasdem, hanura, perindo, berkarya, garuda, pdip, pdi-p,
        pdi perjuangan, pkb, pks, pan, ppp, psi, pbb, pkpi, partai golkar, partai gerindra,
        partai demokrat, partai nasdem, partai hanura, partai perindo
    """)
)
# Countries and regions news names between an office and a name ("Presiden Amerika
# Serikat Joe Biden"), in Indonesian and English.
PLACES = frozenset(
    _terms("""
        indonesia, ri, amerika serikat, as, amerika, rusia, china, tiongkok, korea, korea utara,
        korea selatan, korut, korsel, jepang, india, iran, irak, suriah, israel, palestina,
        ukraina, inggris, prancis, perancis, jerman, italia, spanyol, belanda, turki, mesir,
        arab saudi, australia, malaysia, singapura, thailand, filipina, vietnam, myanmar,
        brasil, kanada, meksiko, pakistan, afghanistan, qatar, uni emirat arab, uni eropa,
        jawa barat, jawa tengah, jawa timur, dki jakarta, jakarta, bali, papua, aceh,
        sumatera utara, sumatera barat, sulawesi selatan, kalimantan timur, banten,
        united states, us, u.s., usa, america, russia, north korea, south korea, japan,
        britain, uk, u.k., france, germany, italy, spain, turkey, egypt, saudi arabia,
        ukraine, syria, iraq, canada, mexico, brazil, european union, eu
    """)
)
# "X atau Y" / "X or Y": one claim about either, not two claims.
DISJUNCTIONS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("atau, ataupun, maupun")),
    "en": frozenset(_terms("or, nor, either")),
}
# Subordinators of clauses that only qualify another one (time, condition): such a clause
# alone is not a claim.
SUBORDINATORS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            setelah, sesudah, sebelum, ketika, saat, sewaktu, selama, sejak, hingga, sampai,
            jika, kalau, apabila, bila, seandainya, andai, andaikan, andaikata, agar, supaya,
            untuk, sambil, seraya
        """)
    ),
    "en": frozenset(
        _terms("""
            after, before, when, whenever, if, unless, until, since, once, as, so that, while,
            in order, because of
        """)
    ),
}
# Words that open a clause of time, condition, purpose or means ("Sejak Omen resmi tiba
# ...", "Dengan menyediakan ...", "Without adding a dongle"): such a clause, cut off by a
# wrong parse, goes back to the clause it qualifies.
ADVERBIAL_OPENERS: dict[str, frozenset[str]] = {
    "id": SUBORDINATORS["id"]
    | frozenset(_terms("dengan, tanpa, demi, begitu, usai, seusai, menjelang, sembari")),
    "en": SUBORDINATORS["en"] | frozenset(_terms("without, by, with, upon, to")),
}
# Idioms that open with one of those words and open no clause ("By and large,
# conservation in Antigua is seen as ...").
ADVERBIAL_IDIOMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "id": (),
    "en": tuple(
        tuple(p.split())
        for p in _terms("by and large, by far, by the way, with regard, with respect")
    ),
}
# Predicates of existence: a clause they head has no subject to write back ("..., tak ada
# aplikasi yang ...", "there are").
EXISTENTIALS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("ada, terdapat, tersedia, tiada")),
    "en": frozenset(_terms("there")),
}
# Requests and exhortations are not claims.
IMPERATIVE_OPENERS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("mari, ayo, ayolah, yuk, jangan, janganlah, silakan, silahkan, tolong, mohon")
    ),
    "en": frozenset(_terms("please, let's")),
}
RELATIVIZERS: dict[str, frozenset[str]] = {
    "id": frozenset({"yang"}),
    "en": frozenset({"who", "which", "that", "whom"}),
}
# "tidak hanya X, tetapi juga Y" / "not only X but also Y"
ONLY_WORDS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("hanya, saja, cuma, sekadar")),
    "en": frozenset({"only"}),
}
COORDINATORS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("dan, serta")),
    "en": frozenset(_terms("and")),
}
ALSO: dict[str, frozenset[str]] = {"id": frozenset({"juga", "pula"}), "en": frozenset({"also"})}
NEGATIONS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("tidak, tak, bukan")),
    "en": frozenset(_terms("not, n't")),
}
# What ties a clause with its own subject on after a comma, stating a second fact ("...,
# dengan lebih dari 60 ribu rumah terputus ...", "..., with 60,000 homes cut off").
ABSOLUTE_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("dengan")),
    "en": frozenset(_terms("with")),
}
# Nouns after "dengan"/"with" that give a reason, way or aim ("dengan alasan ...", "with
# the aim of ..."), not a second fact.
MANNER_NOUNS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("alasan, dalih, cara, tujuan, maksud, harapan, syarat, catatan, dasar, modus")
    ),
    "en": frozenset(_terms("aim, goal, intention, purpose, help, exception")),
}
# Negations that cover a second predicate joined by "dan"/"and" as "tidak" does ("jangan
# beradu sara dan berujar kebencian", "never paid and never will"), and those joiners.
SCOPING_NEGATIONS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("jangan, belum")),
    "en": frozenset(_terms("never")),
}
AND_OR = {lang: COORDINATORS[lang] | DISJUNCTIONS[lang] for lang in COORDINATORS}
# Conjunctions and linking words a sentence may open with to tie it to the one before; a
# claim drops them even without a comma after them.
LINKING_OPENERS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            dan, serta, tetapi, tapi, namun, sebab, sementara, padahal, pasalnya, adapun,
            bahkan, lalu, kemudian, karenanya, makanya, sedangkan, atau, nah, sehingga
        """)
    )
    | WHERE_MARKERS["id"],
    "en": frozenset(_terms("and, but, so, yet, or, plus, nor, still, also, then")),
}
_MORE_OPENERS = {
    "id": _terms("""
        pun demikian, meski begitu, walau begitu, untuk itu, karena itu, sebab itu, misalnya,
        contohnya, sebagai contoh, intinya, singkatnya, tak tanggung-tanggung, jadi,
        itu berarti, artinya, dengan kata lain, kabar gembiranya, kabar baiknya, kendalanya
    """),
    "en": _terms("""
        that said, even so, after all, of course, in short, besides, then again, for example,
        for instance, in other words, as such, coincidentally, perhaps surprisingly,
        not surprisingly
    """),
}


# Interjections dropped only before a comma ("Yes, ..." but not "No one ...").
INTERJECTION_OPENERS = {
    "id": _terms("iya, ya, nah, oh, wah, yang jelas, yang pasti, yang terbaru"),
    "en": _terms("yes, no, well, oh, ok, okay, sure, so, you know, i mean, look, listen"),
}


@lru_cache(maxsize=4)
def opener_phrases(lang: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Discourse openers, linking words and interjections as word tuples, longest first,
    each with whether it needs a comma after it to count."""
    phrases: dict[tuple[str, ...], bool] = {}
    for p in (
        *DISCOURSE_OPENERS.get(lang, ()),
        *_MORE_OPENERS.get(lang, ()),
        *LINKING_OPENERS.get(lang, ()),
    ):
        phrases[tuple(p.split())] = False
    for p in INTERJECTION_OPENERS.get(lang, ()):
        phrases.setdefault(tuple(p.split()), True)
    return tuple(sorted(phrases.items(), key=lambda item: len(item[0]), reverse=True))


# Verbs whose clausal complement is what their subject said, wrote or judged: the subject is
# the claim's speaker. Verbs of denial are not among them (what is denied is not claimed).
REPORTING: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            mengatakan, menyatakan, menjelaskan, menuturkan, mengungkapkan, mengungkap,
            menegaskan, menilai, menyebutkan, menyebut, memastikan, mengklaim, menambahkan,
            menekankan, berpendapat, berkata, bilang, berargumen, mengaku, mengakui,
            menyampaikan, menerangkan, memaparkan, mengimbuhkan, mengingatkan, yakin,
            meyakini, percaya, memperkirakan, memprediksi, menduga, menganggap, melaporkan,
            mengumumkan, menulis, menuliskan, mencatat, berujar, kata, ujar, ungkap, jelas,
            tegas, tutur, imbuh, tambah, sebut, ucap, terang, papar, katanya, ujarnya,
            ungkapnya, jelasnya, tegasnya, tuturnya, imbuhnya, tambahnya, sebutnya, ucapnya,
            terangnya, paparnya, tulisnya, tulis, menurutnya, sambung, sambungnya, lanjut,
            lanjutnya, kata dia, imbuh, pungkas, pungkasnya, kilah, kilahnya, beber, bebernya,
            tutup, tutupnya, tandas, tandasnya, tukas, tukasnya, membenarkan, menceritakan,
            bercerita
        """)
    ),
    "en": frozenset(
        _terms("""
            say, says, said, tell, tells, told, claim, claims, claimed, write, writes, wrote,
            add, adds, added, state, states, stated, argue, argues, argued, insist, insists,
            insisted, warn, warns, warned, note, notes, noted, report, reports, reported,
            allege, alleges, alleged, explain, explains, explained, estimate, estimates,
            estimated, announce, announces, announced, confirm, confirms, confirmed, admit,
            admits, admitted, maintain, maintains, maintained, assert, asserts, asserted,
            tweet, tweets, tweeted, comment, comments, commented, stress, stresses, stressed,
            believe, believes, believed, think, thinks, thought, acknowledge, acknowledges,
            acknowledged, contend, contends, contended, testify, testified, recall, recalls,
            recalled, emphasize, emphasized, emphasised, predict, predicts, predicted,
            conclude, concluded, concludes, find, found, finds, show, showed, shows,
            inform, informs, informed, charging, charged, saying, claiming, arguing, adding,
            noting, warning, insisting, pointing, alleging, stating, posit, posits, posited,
            pointed, points
        """)
    ),
}
# Passive verbs of announcing: with "oleh X"/"by X", X is the claim's speaker.
PASSIVE_SAYING: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            diumumkan, disampaikan, dikatakan, diungkapkan, dijelaskan, ditegaskan,
            dinyatakan, disebutkan, dikemukakan, dipaparkan
        """)
    ),
    "en": frozenset(_terms("announced, stated, reported, disclosed")),
}
# "received reports that X", "menerima laporan bahwa X": X is passed on by whoever
# received it (a hedged claim, see attribution._received_report).
RECEIVING_VERBS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("menerima, mendapat, mendapatkan, memperoleh")),
    "en": frozenset(_terms("receive, receives, received, receiving, got, get, gets")),
}
REPORT_NOUNS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("laporan, informasi, kabar, keterangan, konfirmasi")),
    "en": frozenset(_terms("report, reports, word, news, confirmation, information, indications")),
}
# Reporting verbs that only report when a "that" clause follows ("researchers found that").
WEAK_REPORTING: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("menyebut, mencatat, menulis, menganggap, melihat")),
    "en": frozenset(
        _terms(
            "find, found, finds, show, showed, shows, conclude, concluded, concludes, think, "
            "thought"
        )
    ),
}
# Reporting verbs that name no speaker: the claim is hedged ("Dikabarkan, ...", "It is
# reported that ...").
HEDGED_REPORTING: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            dikabarkan, disebutkan, disebut, diberitakan, dilaporkan, dikatakan, diduga,
            diklaim, diisukan, dirumorkan, diperkirakan, diyakini
        """)
    ),
    "en": frozenset(
        _terms("reported, rumored, rumoured, alleged, believed, said, thought, claimed, feared")
    ),
}
# Indonesian words with a participle's prefix that open an adverbial phrase, not a
# participial clause about the subject ("Berdasarkan informasi ..., X ...", "Terhitung sejak
# 2004, ...", "Tak berselang lama, ..."): no claim is made of them. Reporting verbs in the
# passive ("Diakui X, ...") are not participles either (HEDGED_REPORTING, SOURCE_VERBS).
ID_ADVERBIAL_PARTICIPLES = frozenset(
    _terms("""
        berdasarkan, terkait, terhitung, tercatat, bersamaan, beralih, berkat, bertepatan,
        berhubung, termasuk, terlepas, berselang, diakui, diketahui, dikisahkan, diceritakan,
        dijelaskan, diestimasikan, ditambahkan, disampaikan, diungkapkan
    """)
)
# "X is not A but B" / "X bukan A, melainkan B": the negation after which the subject and
# its verb are written back before B, and the markers that open B.
NOT_BUT_NEGATIONS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("bukan, bukanlah")),
    "en": frozenset(_terms("not, n't")),
}
NOT_BUT_COPULAS = frozenset(_terms("is, are, was, were, be, been, 's, 're"))
NOT_BUT_MARKERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("melainkan, tetapi, tapi, namun")),
    "en": frozenset(_terms("but, rather")),
}
# Words that open a clause standing as a complement ("... but how the agencies use it").
COMPLEMENT_OPENERS: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("bahwa, bagaimana, apa, mengapa, kenapa")),
    "en": frozenset(_terms("that, how, what, why, where, when, whether")),
}
# A wh-clause after a verb of saying ("explained how ...", "yakin siapa ...") is no statement
# of its own: the complement openers without "that" and "apa", with "which" and "who".
WH_OPENERS = (
    (COMPLEMENT_OPENERS["en"] - {"that"})
    | frozenset({"which", "who"})
    | (COMPLEMENT_OPENERS["id"] - {"bahwa", "apa"})
)
# What opens a source phrase set in a sentence ("seperti dilansir Reuters", "as quoted by").
SOURCE_MARKERS = frozenset({"seperti", "sebagaimana", "as"})
# "Dilansir dari X, ...", "mengutip X, ...": the source named is the speaker.
SOURCE_VERBS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms(
            "dilansir, dikutip, mengutip, melansir, merujuk, seperti dilansir, diberitakan, "
            "seperti diberitakan, dilaporkan, seperti dilaporkan, "
            # "Dijelaskan Netanyahu, Hamas ingin Israel hancur": a passive verb of saying
            # with its agent
            "dijelaskan, diungkapkan, ditegaskan, disampaikan"
        )
    ),
    "en": frozenset(_terms("citing, quoting, quoted")),
}
# What "citing ..." names when it names a source, not a reason.
SOURCE_NOUNS_EN = frozenset(
    _terms("""
        sources, source, officials, official, people, person, report, reports, statement,
        data, documents, document, study, survey, police, witnesses, analysts, experts,
        filing, filings, figures, records, memo, letter, spokesperson, spokesman
    """)
)
# Indonesian words a participial clause cannot open: the adverbial ones above and the passive
# reporting verbs.
ID_NOT_PARTICIPLES = ID_ADVERBIAL_PARTICIPLES | HEDGED_REPORTING["id"] | SOURCE_VERBS["id"]
# "menurut X", "according to X"
ACCORDING_TO: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("menurut, menurutnya")),
    "en": frozenset(_terms("according")),
}

# Function words of both languages: in a search query they only add noise to the ranking.
SEARCH_STOP_WORDS = frozenset(
    _terms("""
        the, a, an, of, to, in, and, or, is, are, was, were, be, been, being, on, for, with,
        that, this, it, as, at, by, from, has, have, had, not, but, if, its, his, her, their,
        they, he, she, we, you, i, will, would, can, could, do, does, did, so, than, then,
        there, these, those, who, what, which, when, where, how, all, yang, dan, di, ke, dari,
        ini, itu, untuk, dengan, pada, adalah, dalam, akan, tidak, juga, atau, oleh, karena,
        bahwa, telah, sudah, ada, para, sebagai, lebih
    """)
)

# Function words that tell the two languages apart in a sentence: how a claim too short for
# the language model is placed (pipeline/language.py).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            yang, dan, di, ke, dari, ini, itu, untuk, dengan, pada, adalah, dalam, akan, tidak,
            juga, atau, oleh, karena, bahwa, telah, sudah, ada, para, sebagai, lebih, saat,
            bisa, tersebut, namun, mereka, kami, kita, menjadi, hanya, masih, setelah, belum,
            tak, bukan, secara, sebuah, seorang, hingga, sejak, agar, serta, antara, kepada,
            bagi, tetapi, jika, ia, dia, pun, lagi, sangat, semua
        """)
    ),
    "en": frozenset(
        _terms("""
            the, a, an, of, to, in, and, or, is, are, was, were, be, been, has, have, had, that,
            this, it, for, with, on, at, by, from, as, not, but, will, would, can, could, his,
            her, their, they, he, she, who, which, what, said, says, after, about, than, its,
            into, over, more, no
        """)
    ),
}

# Pronoun speakers are replaced by the last speaker named before them, if there is one.
PRONOUN_SPEAKERS = frozenset(
    _terms("dia, ia, beliau, mereka, dirinya, pihaknya, he, she, they, it, we, i, -nya")
)

# Verbs of reaching the speaker: "Saat dikonfirmasi, X mengatakan ..." says when X spoke.
CONTACT_VERBS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            dikonfirmasi, dihubungi, ditemui, ditanya, ditanyai, diwawancarai, dimintai,
            dikontak, disambangi
        """)
    ),
    "en": frozenset(_terms("asked, contacted, reached, interviewed, approached, questioned")),
}

# Pronoun speakers that may stand for a body or group, not only a person.
PLURAL_PRONOUNS = frozenset(_terms("mereka, pihaknya, they, we, kami"))

# Titles dropped from a speaker's name when a name follows them.
TITLES = frozenset(
    _terms("""
        presiden, wapres, wakil, menteri, menlu, menhan, mendagri, gubernur, bupati, wali,
        kota, ketua, juru, bicara, jubir, direktur, kepala, sekretaris, jenderal, kapolri,
        kapolda, panglima, pemimpin, perdana, raja, ratu, pangeran, dr, dr., prof, prof., ir.,
        h., hj., tn., ny., bapak, ibu, pak, bu, sdr., president, vice, prime, minister,
        secretary, general, governor, mayor, senator, sen., rep., gov., chairman, chairwoman,
        chief, executive, spokesman, spokeswoman, spokesperson, director, leader, mr., mrs.,
        ms., king, queen, former, mantan, the, u.s., us, as, radical, senior, top,
        kapolres, kapolsek, kapolresta, kapolrestabes, kajati, kajari, danrem, dandim,
        pangdam, kasat, kanit, kabid, kasubdit, kabag, humas, kombes, kompol, akbp, akp,
        iptu, ipda, aiptu, aipda, bripka, brigadir, brigjen, irjen, komjen, mayjen, letjen,
        kolonel, letkol, kapten, sersan, pol, kadiv, ops, kapolrestro, kapendam, kapuspen,
        kadispen, kasubag, kasubbag, penum, inf, kav, arh, czi,
        cpl, cku, mar, pnb, laksamana, laksma, marsekal, koordinator, ceo, cfo, coo, founder,
        co-founder, pendiri, manajer, manager, pelatih, analis, peneliti, pengamat, officer,
        anggota, utama, duta, besar, komisaris, ambassador, polisi
    """)
)

# A person's role written as a title before the name, capitalised ("Aktor Ben Stiller
# mengungkapkan ..."); lower case it describes someone unnamed ("penyerang Timnas Inggris
# ini", "mantan gelandang The Reds"), and stays.
ROLE_TITLES = frozenset(
    _terms("""
        gelandang, penyerang, pemain, striker, kiper, bek, aktris, aktor, penyanyi, musisi,
        pebalap, petenis, pegolf, petinju
    """)
)

# What a description of a person opens with ("Mantan Kapolrestabes Bandung ini", "Pria asal
# Bandung ini", "Pentolan Oasis itu"), besides titles and roles: such a description, closed
# by "ini"/"itu", is someone named before.
PERSON_WORDS = (
    TITLES
    | ROLE_TITLES
    | frozenset(
        _terms("""
            pria, wanita, perempuan, laki-laki, sang, sosok, politisi, politikus, pentolan,
            koreografer, bintang, pebulutangkis, pesepakbola, pemilik, bos, artis, aktor,
            vokalis, gitaris, pengacara, dokter, jaksa, hakim, penulis, sutradara, produser,
            legislator, pejabat, tokoh, eks, pegiat, aktivis, atlet, juara
        """)
    )
) - frozenset(_terms("the, us, as, u.s., kota, besar, utama, bicara, pol, inf, ops"))

# Portfolio and organisation words between a title and a name
# ("Menteri Pertahanan Prabowo Subianto", "Defense Secretary Lloyd Austin").
PORTFOLIO_WORDS = frozenset(
    _terms("""
        pertahanan, luar, negeri, dalam, keuangan, kesehatan, pendidikan, agama, sosial,
        perdagangan, perindustrian, pertanian, perhubungan, hukum, ham, koordinator, bidang,
        politik, keamanan, perekonomian, umum, utama, daerah, provinsi, republik, indonesia,
        negara, kabinet, kementerian, badan, komisi, partai, defense, defence, foreign, state,
        affairs, health, finance, treasury, interior, justice, homeland, security, energy,
        kepresidenan, istana, biro, divisi, humas, dinas, energi, pariwisata, perikanan,
        kelautan, ketenagakerjaan, perumahan, kehutanan, lingkungan, hidup, pemuda, olahraga,
        commerce, trade, of, national, federal, white, house, press, deputy, assistant
    """)
)

# Last words of an organisation's name: a speaker ending in one is a body, not a person, and
# keeps its words ("US National Hurricane Center", "Kementerian Kesehatan").
ORGANISATION_ENDINGS = frozenset(
    _terms("""
        center, centre, agency, committee, ministry, office, council, department, commission,
        organization, organisation, institute, university, bank, police, service, court,
        association, union, foundation, board, bureau, authority, administration, polri, tni,
        kpk, kementerian, badan, komisi, lembaga, dinas, pemerintah, kepolisian
    """)
)

# First words of an organisation's name in Indonesian ("Kementerian Luar Negeri Suriah").
ORGANISATION_STARTS = frozenset(
    _terms("""
        kementerian, badan, komisi, dinas, lembaga, kepolisian, polda, polres, pemerintah,
        dewan, majelis, mahkamah, pengadilan, kejaksaan, kantor, partai, bank, universitas,
        perusahaan, pt, kedutaan, departemen, direktorat, biro, pusat, otoritas
    """)
)

# Adverbs that end in "-nya" and may open a reported clause ("sejatinya ...").
NYA_ADVERBS = frozenset(
    _terms("""
        sejatinya, sebenarnya, rupanya, tampaknya, nyatanya, akhirnya, biasanya, umumnya,
        intinya, pastinya, sayangnya, untungnya, kabarnya, agaknya, kiranya, sepertinya
    """)
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "id": frozenset(
        _terms("""
            tn, ny, nn, sdr, sdri, bpk, dr, drs, dra, prof, ir, h, hj, kh, no, nomor, jl, jln,
            kab, kec, kel, prov, a.n, u.p, dkk, s.h, s.e, m.si, st, mt, gg, rt, rw, yth, hlm,
            kol, brigjen, mayjen, letjen, jend, kompol, akbp, ipda, iptu, aiptu, bripka, pte,
            rep
        """)
    ),
    "en": frozenset(
        _terms("""
            mr, mrs, ms, dr, prof, sen, rep, gov, gen, col, lt, sgt, st, jr, sr, no, vs, u.s,
            u.k, u.n, inc, corp, ltd, co, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct,
            nov, dec, e.g, i.e, approx, dept, est, fig, mt, ft, pte, capt, cmdr, adm, maj,
            cpl, pvt, supt, insp, det, rev, hon
        """)
    ),
}

# Company-name endings ("PT Bank Negara Indonesia Tbk.", "Encore Energy Pte. Ltd."): such a
# period ends the sentence only when a new sentence follows, never before "(" or a
# lowercase word.
COMPANY_SUFFIXES = frozenset(_terms("tbk, pte, ltd, inc, corp, co, bhd, plc, llc"))

# A "sentence" that is only an emoticon belongs to the sentence before it.
EMOTICON = re.compile(r"(?:[:;=]-?[()DPpO/\\|*]+|<3|\^_?\^|[xX]D)")

# Claim openings that need an earlier sentence to be understood: pronouns, and a noun (or
# "hal") pointed back at with "ini/itu/tersebut".
REFERENCE_OPENERS: dict[str, re.Pattern[str]] = {
    "id": re.compile(
        r"^(?:(?:ia|dia|beliau|mereka|-nya)\b"
        r"|(?:hal|kejadian|peristiwa|kebijakan|keputusan|langkah|kondisi)\s+"
        r"(?:ini|itu|tersebut)\b"
        r"|(?:[\w-]+\s+){1,2}(?:ini|itu|tersebut)\b(?=\s+(?:adalah|merupakan|juga|telah|"
        r"sudah|akan|tidak|bukan|menjadi|me\w+|ber\w+|di\w+)\b)"
        r"|(?:ini|itu)\s+(?=\w))",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^(?:(?:he|she|they|it|his|her|their|its)\b"
        r"|(?:this|that|these|those)\b(?:\s+(?!is\b|was\b|are\b|were\b|has\b|have\b)"
        r"[a-z]+\b)?)",
        re.IGNORECASE,
    ),
}

# --- Indonesian predicate detection --------------------------------------------------------
# English verbs of saying that take no object beside the clause they report ("told him
# that ..." does): a noun the parse made their object, right before that clause, is the
# clause's subject (parse.py).
SAYING_WITHOUT_OBJECT = frozenset(
    _terms("""
        say, says, said, claim, claims, claimed, argue, argues, argued, insist, insists,
        insisted, believe, believes, believed, think, thinks, thought, suggest, suggests,
        suggested, state, states, stated, add, adds, added, admit, admits, admitted, deny,
        denies, denied, note, notes, noted, announce, announces, announced
    """)
)
# Words before a quotation that is the text of a thing, not a statement ("a sign reading
# 'Gays Not Allowed'", "an inscription reading ...", "spanduk bertuliskan ..."): the quote
# stays in the claim about the thing.
TEXT_NAMING: dict[str, frozenset[str]] = {
    "id": frozenset(_terms("bertuliskan, bertulisan, berbunyi, berjudul, bertajuk, berlabel")),
    "en": frozenset(
        _terms("reading, titled, entitled, labeled, labelled, captioned, emblazoned, inscribed")
    ),
}
# Indonesian marks verbs with prefixes and uses a closed set of auxiliaries and adverbs
# before predicates; that is enough to find where a clause's subject ends.
ID_PREDICATE_WORDS = frozenset(
    _terms("""
        tidak, tak, belum, bukan, akan, telah, sudah, sedang, masih, tetap, pernah, dapat, bisa,
        harus, mampu, semakin, makin, kian, adalah, merupakan, menjadi, ialah, juga, baru,
        sempat, terus, mulai, hendak, ingin, mau, perlu, boleh, sangat, lebih, paling, cukup,
        punya, ada, segera, kembali, turut, ikut, justru, malah, hanya, memang, pun, naik,
        turun, langsung, kemudian, lalu, jadi
    """)
)
# Words after which "lalu" is "ago" or "last" ("Senin lalu", "2015 lalu", "(27 / 4) lalu",
# "beberapa tahun yang lalu"), not the verb or the "then" the tagger may take it for.
ID_TIME_BEFORE_LALU = frozenset(
    _terms("""
        hari, pekan, minggu, bulan, tahun, malam, pagi, siang, sore, waktu, musim, masa, abad,
        dekade, senin, selasa, rabu, kamis, jumat, sabtu, januari, februari, maret, april, mei,
        juni, juli, agustus, september, oktober, november, desember, yang, )
    """)
)


def lalu_of_time(before: str) -> bool:
    """Whether "lalu" after this word says when ("Senin lalu": last Monday)."""
    return before.lower() in ID_TIME_BEFORE_LALU or before.isdigit()


ID_VERB_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "be", "ter", "di", "per")
# Words that look prefixed but are nouns, pronouns, prepositions or conjunctions.
ID_NOT_PREDICATE = frozenset(
    _terms("""
        media, menteri, menit, meja, merah, meter, metode, mesin, memori, mereka, melalui,
        menurut, meskipun, meski, menuju, mengenai, menjelang, berita, beras, bersama, beserta,
        berikut, berikutnya, berbagai, beberapa, belakang, besar, benar, betul, bencana,
        bensin, bendera, bekas, dia, diri, dinding, dinas, digital, diplomat, diplomatik,
        diplomasi, direktur, diskusi, distrik, dimana, disana, diantara, dini, dingin,
        tersebut, terhadap, terutama, terakhir, teror, teroris, terminal, termasuk, ternyata,
        tertentu, terbaru, terbesar, terkait, perang, pertama, persen, pertahanan, perusahaan,
        pemerintah, pemimpin, perdana, per, perempuan, pesawat, pasukan, penduduk, merdeka,
        meninggal, metro, demi, pemilu, pemilihan, peristiwa, persenjataan, perjanjian,
        pertemuan, dengan, dalam, dari, di, dan, serta, atau, ke, pada, untuk, bagi, oleh,
        antara, yang, sebagai, seperti, sejak, hingga, sampai
    """)
)


def id_is_predicate(word: str) -> bool:
    """Whether an Indonesian word opens a predicate (verb, auxiliary, negation)."""
    w = word.lower().strip(",.;:\"'“”()")
    if not w or not w.isalpha() and "-" not in w:
        return False
    if w in ID_NOT_PREDICATE:
        return False
    if w in ID_PREDICATE_WORDS:
        return True
    base = w.split("-")[0]
    for prefix in ID_VERB_PREFIXES:
        if base.startswith(prefix) and len(base) >= len(prefix) + 4:
            # "ber"/"ter"/"me" are the common productive prefixes; "be" and "per" need more.
            if prefix in ("be", "per") and not base.startswith(("bel", "ber", "per")):
                continue
            return True
    return False


# --- English predicate detection -----------------------------------------------------------
EN_AUXILIARIES = frozenset(
    _terms("""
        is, are, was, were, has, have, had, will, would, can, could, should, may, might, must,
        did, does, do, not, never, also, then, remains, remain, became, becomes, said, says,
        sent, made, took, gave, won, lost, got, went, came, left, kept, held, led, told, still,
        already, now, just, cannot, can't, won't, didn't, doesn't, isn't, aren't, wasn't,
        weren't, hasn't, haven't, am, i'm, we're, they're, you're, it's, he's, she's, that's,
        there's
    """)
    # common irregular past tenses, which carry no "-ed"
    + _terms("""
        saw, cut, found, began, brought, built, bought, caught, fell, felt, fought, grew,
        heard, hit, knew, met, paid, put, ran, rose, set, shot, sold, spent, stood, struck,
        thought, threw, understood, wrote, drew, drove, fled, forgot, hid, hung, laid, meant,
        sought, spoke, stole, swore, taught, tore, woke, wore
    """)
)
EN_NOT_PREDICATE = frozenset(_terms("need, red, bed, seed, speed, feed, hundred, indeed"))


def en_is_predicate(word: str) -> bool:
    """Whether an English word opens a predicate, by auxiliaries and verb endings."""
    w = word.lower().strip(",.;:\"'“”()")
    if w in EN_AUXILIARIES:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in EN_NOT_PREDICATE


def en_present_in_s(word: str) -> bool:
    """Whether an English word could be a present-tense verb in -s ("warns", "depicts"),
    as written: lower case, letters only, not "-ss", "-us", "-is"."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


def is_predicate(word: str, lang: str) -> bool:
    return id_is_predicate(word) if lang == "id" else en_is_predicate(word)


@lru_cache(maxsize=64)
def words_pattern(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation matching any of ``words`` as whole words, longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(w) for w in ordered) + r")"
