"""Default deny for names: every capitalised name a reader sees must be explained, or it is a finding.

A run of capitalised words ("Sunita Devi", "Government Girls' Middle School", "Bargaon") is read
against what explains it, in this order:

1. something declared: a person in the story's `people`, the organisation, its partners, programmes,
   sponsors and media contacts (site.yaml and the data files);
2. something public the vocabularies know: a public body, a law, a platform, a region, a festival, a
   religion, a people or language, a month, a title, an organisation word;
3. a place found in the gazetteer at or above the site's `location_precision` (a town too small to
   be "a city" is finer than that);
4. a common word of the languages the text is written in — but never a given name, and mid-sentence
   only where a capital says nothing (English Title Case, a public body's name).

What is left is a finding, named by its context: a relative when a kinship word is attached to it
in any order ("Asha, her mother", "her elder sister Puja", "Ramesh Oraon's daughter", "su tía
Rosa", "sa kanyang inang si Lorna"), an institution when its head word makes it one ("… School",
"Escuela …", "Preparatoria 12"), a place finer than a city when a place word or a landmark does
("her village, Bargaon", "behind the Hanuman temple"), otherwise an undeclared name.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.safety.detect.knowledge import (
    CHILD_CITY_POPULATION,
    CITY,
    CITY_POPULATION,
    COUNTRY,
    LANGUAGES,
    LEVEL_WORDS,
    LOCALITY,
    STATE,
    TOWN,
    WORLD_CITY,
    Knowledge,
    Place,
    fold,
)
from generator.safety.detect.scanbase import _TITLE_WORD as TITLE_WORD
from generator.safety.detect.scanbase import Found, title_case
from generator.safety.detect.tokens import (
    _ELISION,
    LINK,
    NUMBER,
    PUNCT,
    WORD,
    Token,
    Tokens,
    capital_after_hyphen,
    tokenize,
)
from generator.safety.detect.vocab import PUBLIC_SECTIONS, Lexicon, Vocabulary, unaccented

UNDECLARED = "UNDECLARED-NAME"
RELATIVE = "RELATIVE-NAMED"
INSTITUTION = "ID-INSTITUTION"
PLACE = "PLACE-PRECISION"
FAMILY_NAME = "a family's name"  # a RELATIVE finding's `what` for a family named by its surname
OUR_PROGRAMME = "a programme of the organisation's"  # an UNDECLARED finding's `what` after "our programme"

# Classes of a single word
DECLARED, KNOWN, COARSE_PLACE, FINE_PLACE, COMMON, NAME_LIKE, UNKNOWN = range(7)
_EXPLAINED = frozenset({DECLARED, KNOWN, COARSE_PLACE, COMMON})

_ARTICLED_PUBLIC = (
    "festivals",
    "public_bodies",
    "laws",
    "regions",
    "platforms",
    "teams",
    "natural_regions",
    "landmarks",
)
_PUBLIC_PHRASES = ("public_bodies", "laws", "platforms", "regions", "festivals", "religions", "peoples", "org_words",
                   "law_words", "currencies", "teams", "natural_regions", "landmarks", "brands",
                   "natural_features", "agencies", "personifications")  # fmt: skip
_SKIP_TO_KIN = frozenset(",(-—–:")
_NAME_NOUNS = frozenset({"name", "nombre", "nom", "nome", "pangalan"})


@dataclass(frozen=True)
class Declared:
    """What a document may name because someone said what it is."""

    person_phrases: Lexicon = field(
        default_factory=Lexicon
    )  # declared people's names, whole and word by word
    relatives: Lexicon = field(
        default_factory=Lexicon
    )  # declared people who are relatives or accused, named for real
    phrases: Lexicon = field(
        default_factory=Lexicon
    )  # organisation, partners, programmes, sponsors, contacts, known terms
    places: Lexicon = field(default_factory=Lexicon)  # known_places (explained at any precision)
    fine_places: Lexicon = field(default_factory=Lexicon)  # fine_places (finer than any precision)


@dataclass(frozen=True)
class NameContext:
    knowledge: Knowledge
    vocab: Vocabulary
    declared: Declared
    precision: int = CITY  # the finest place level the site may publish
    languages: tuple[int, ...] = ()  # indices into knowledge.LANGUAGES the text is written in
    english: bool = True  # the text is (mostly) English: a capital mid-sentence says less
    lowercase: frozenset[str] = frozenset()  # words the document also writes in lowercase
    countries: frozenset[str] = frozenset()  # ISO codes of the countries the text is about
    # Lookups already made for this document (the same names come back sentence after sentence).
    memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, hash=False)
    function_words: frozenset[str] = frozenset()  # the most frequent words of the text's languages
    acronyms: frozenset[str] = frozenset()  # acronyms the text spells out ("… Mechanism (NRM)"), lowercased
    child: bool = False  # the document tells a child's story: places are read at their finest
    home: str = ""  # ISO code of the country the story is set in (its `location`), "" when it has none
    survivors: bool = True  # the document declares a survivor (a story about a person, not an event or a law)
    written_in: tuple[
        int, ...
    ] = ()  # the languages counted in the text (`languages` adds English to every text)
    # Words no kinship word here: the text's most frequent words ("pa", still, in Filipino), and the
    # kinship words only of languages it is not written in that are common words of one it is (English
    # "gran" in Spanish: "la Vendimia es la gran fiesta").
    not_kinship: frozenset[str] = frozenset()

    def place(self, name: str) -> Place | None:
        key = ("place", name)
        if key not in self.memo:
            place = self.knowledge.place(name, self.countries)
            if self.child and place is not None and self.frequency(name) < 4.0:  # "la Frontera": the border
                child = _as_for_a_child(place)
                if child.level > self.precision:  # unless the story's own country has a coarser one
                    local = self.knowledge.place(name, self.countries, local=True)  # PH's San Fernando
                    if (
                        local is not None
                        and local != place
                        and _as_for_a_child(local).level <= self.precision
                    ):
                        child = _as_for_a_child(local)
                place = child
            self.memo[key] = place
        return self.memo[key]  # type: ignore[no-any-return]

    def given(self, word: str) -> bool:
        key = ("given", word)
        if key not in self.memo:
            self.memo[key] = self.knowledge.is_given_name(word)
        return self.memo[key]  # type: ignore[no-any-return]

    def surname(self, word: str) -> bool:
        """A surname frequent in text because people are called it ("Jenkins", "Benítez"), not a word
        of the text's languages that is also a surname ("Flores", "Young"): `Knowledge.surname_more_than_word`."""
        key = ("surname", word)
        if key not in self.memo:
            self.memo[key] = word not in self.function_words and self.knowledge.surname_more_than_word(
                word, self.languages
            )
        return self.memo[key]  # type: ignore[no-any-return]

    def frequency(self, word: str, english_only: bool = False) -> float:
        key = ("en" if english_only else "freq", word)
        if key not in self.memo:
            self.memo[key] = self.knowledge.frequency(word, (0,) if english_only else self.languages)
        return self.memo[key]  # type: ignore[no-any-return]


def _as_for_a_child(place: Place) -> Place:
    """How precise a place is on a child's story: a city under 100,000 people is a town, and a state or
    province that shares its name with such a town ("originaire de Kédougou") is read as the town unless
    a word says the region is meant ("la région de Kédougou": `_region_named`)."""
    if place.level == STATE and 0 < place.town < CHILD_CITY_POPULATION:
        return Place(TOWN, place.town, place.country, region=True)
    if (
        place.level == CITY
        and place.population < CHILD_CITY_POPULATION
        and not (place.capital and place.population >= CITY_POPULATION)  # São Tomé, not Palikir (7,000)
    ):
        return Place(TOWN, place.population, place.country)
    return place


# A capitalised word (letters joined by apostrophes and hyphens, a possessive kept).
_CAP = re.compile(
    r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s|(?<=[sS])['’](?![^\W\d_]))?"
)  # the tokenizer's words
_OPENERS = " \t\"“‘'«([¿¡*_>#•+|"


def find_names_in(text: str, ctx: NameContext, *, label: bool = False) -> list[Found]:
    """Every unexplained name in `text`, reading only what the capitals need.

    A story has a thousand words and thirty or so capitalised runs, most of them plainly explained
    (a declared pseudonym, a city, "The" opening a sentence). Each run is first judged on its own
    words; only a run that is not plainly explained, or whose neighbours could change the verdict (a
    kinship word, a title, a place word, a landmark, a number after a school's name), is read again
    with its sentence split into tokens, by `find_names`."""
    if label and _sentence_case(text):
        # A title in sentence case ("Itzel regresa a Tlaxcala y a la secundaria", as French, Spanish and
        # Portuguese writers title): a capital after its first word is a name's, as in a sentence
        label = False
    out: list[Found] = []
    caps = _capitals(text)
    vocab = ctx.vocab
    connectors = vocab["connectors"]
    k = 0
    judged_until = 0  # a run read in a window may reach past the capitals that started it
    paragraphs: dict[int, tuple[Tokens, list[str], list[int]]] = {}
    while k < len(caps):
        if caps[k].at < judged_until:
            k += 1
            continue
        first = k
        last = k
        while last + 1 < len(caps):
            if _one_place(text, caps[last], caps[last + 1], ctx):
                last += 1  # "Bosnia and Herzegovina"
                continue
            if not _joins(text, caps[last], caps[last + 1], connectors):
                break
            if any(c.isalpha() for c in text[caps[last].to : caps[last + 1].at]) and _plain_opener(
                text, caps[last], ctx, label
            ):
                break  # "Estudiaba en la Secundaria…": the sentence's first word is not part of a name
            last += 1
        k = last + 1
        words = [_low(m.raw) for m in caps[first : last + 1]]
        start, end = caps[first].at, caps[last].to
        opens = label or _opens(text, start)
        if len(words) == 1 and opens and words[0] in ctx.function_words:
            continue  # "The", "She", "When" opening a sentence: most capitals are these
        if first == last and (_currency_letters(text, start, end) or _an_edition(text, start)):
            continue  # "GH₵ 800", "US$ 40": a currency's letters; "la CAN 2024": an event's edition
        acronyms = {_low(m.raw) for m in caps[first : last + 1] if len(m.raw) > 1 and m.raw.isupper()}
        if not _needs_context(text, start, end, words, opens, ctx, acronyms):
            continue
        lo, hi = _window(text, start, end)
        if lo not in paragraphs:  # each paragraph is split into tokens once, when a run in it needs it
            tokens = tokenize(text[lo:hi], label=label)
            paragraphs[lo] = (tokens, [t.low for t in tokens.items], [t.start for t in tokens.items])
        window, low, starts = paragraphs[lo]
        items = window.items
        i = bisect.bisect_left(starts, start - lo)
        if i >= len(items) or items[i].start + lo != start:
            continue
        while i < len(items) and items[i].start + lo < end:  # every run the tokens make of this stretch
            if items[i].kind != WORD or not items[i].cap:
                i += 1
                continue
            j = _run_end(items, i, ctx)
            for f in _judge(window, low, i, j, ctx):
                out.append(Found(f.rule, f.start + lo, f.end + lo, f.text, f.what, f.level))
            judged_until = max(judged_until, items[j - 1].end + lo)
            i = j
    return out


# An acronym of three capitals or more and a year: an event's edition ("CAN 2024", "AFCON 2023"), no
# one's initials.
_EDITION = re.compile(r"[A-Z]{3,6}[ \u00a0]?(?:19|20)\d\d(?![\w/.,\-]\d|\w)")


def _an_edition(text: str, start: int) -> bool:
    """An edition after its article ("de la CAN 2024", "the AFCON 2023"): a name in capitals with a year
    and no article is someone's ("her sister's name, ESI 2014", "KOJO 2016 on the back": red team 25)."""
    article = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    return article is not None and _EDITION.match(text, start) is not None


_ARTICLE_BEFORE = re.compile(r"(?<![\w’'])(?:la|le|l['’]|the|el|o|a)\s*$")


def _caps_with_a_year(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """A word in capitals with a year right after it and no article before it: how a handle or a name
    and a birth year is written ("her Free Fire name was KOFI 2012", "kapatid niya: NENE 2014"), as
    `_an_edition` reads it. Not a public name or an acronym the text spells out ("COVID 2019"), nor a
    word the vocabularies know, unless it is a kinship word or a title ("ATE 2012": big sister)."""
    w = low[k]
    if k + 1 >= len(items) or items[k + 1].kind != NUMBER or not _YEAR_ONLY.fullmatch(items[k + 1].text):
        return False
    if items[k + 1].start - items[k].end > 1 or (k > 0 and low[k - 1] in ctx.vocab["articles"]):
        return False
    vocab = ctx.vocab
    if w in vocab.public or w in ctx.acronyms or ctx.place(w) is not None:
        return False
    return w not in vocab.known or w in vocab["kinship"] or w in vocab["titles"]


_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def _currency_letters(text: str, start: int, end: int) -> bool:
    """Up to three capitals run into a currency's sign ("GH₵", "US$", "N$"): the currency, no name."""
    return (
        end - start <= 3
        and text[start:end].isupper()
        and end < len(text)
        and unicodedata.category(text[end]) == "Sc"
    )


# "luzia-dos-anjos", "maria_de_la_cruz": a name's particle between its words
_PARTICLE_GAP = re.compile(
    r"[-_](?:de|do|dos|da|das|del|della|di|du|van|von|bin|binti|ng|y|e)(?:[-_](?:la|los|las))?[-_]"
)
_ADDRESS_WORD = re.compile(r"(?<![^/\-_.])[^\W\d_]{3,}(?=[/\-_.?#&=]|$)")


def names_in_link(text: str, start: int, end: int, ctx: NameContext) -> list[Found]:
    """A person's name written into a link's address, on any site ("…/feature-story/chhun-sreymom-from-a-
    shrimp-factory", "funmi.adeyemi", "luzia-dos-anjos"): two words side by side in one part of the
    address, or with a name's particle between, that are names or no word of the text's languages, and
    neither declared nor a place; and the towns in it (`_towns_in_link`). The address is read whatever
    the site is: a public body's site explains where the link goes, not what its address says."""
    host_end = text.find("/", text.find("//", start, end) + 2 if "//" in text[start:end] else start, end)
    if host_end < 0:
        return []
    out: list[Found] = []
    previous: tuple[int, int] | None = None
    for m in _ADDRESS_WORD.finditer(text, host_end, end):
        w = m.group().casefold()
        if _a_name_in_address(w, ctx):
            gap = text[previous[1] : m.start()] if previous is not None else ""
            if previous is not None and (gap in ("-", "_", ".") or _PARTICLE_GAP.fullmatch(gap)):
                out.append(
                    Found(UNDECLARED, previous[0], m.end(), text[previous[0] : m.end()], "a name in a link")
                )
                previous = None
                continue
            previous = (m.start(), m.end())
        else:
            previous = None
    return out + _towns_in_link(text, host_end, end, ctx)


def _towns_in_link(text: str, start: int, end: int, ctx: NameContext) -> list[Found]:
    """A town of one of the text's countries, finer than the site may name, in a link's address
    ("…/noticia-operacao-em-limoeiro-do-ajuru", "…/communique-a-hazebrouck"): one to four words of a part
    of the address, small words between, read as the gazetteer reads a name; not a word of the text's
    languages ("reading-list")."""
    words = [(m.start(), m.end(), m.group().casefold()) for m in _ADDRESS_WORD.finditer(text, start, end)]
    out: list[Found] = []
    k = 0
    while k < len(words):
        for n in range(min(4, len(words) - k), 0, -1):
            span = words[k : k + n]
            if any(text[a[1] : b[0]] not in ("-", "_") for a, b in itertools.pairwise(span)):
                continue
            name = " ".join(w for _, _, w in span)
            place = ctx.place(name)
            if (
                place is not None
                and place.level > ctx.precision
                and place.country in ctx.countries
                and (n > 1 or ctx.frequency(name) < 3.0)
            ):
                out.append(
                    Found(
                        PLACE,
                        span[0][0],
                        span[-1][1],
                        text[span[0][0] : span[-1][1]],
                        LEVEL_WORDS[place.level],
                    )
                )
                k += n
                break
        else:
            k += 1
    return out


def _a_name_in_address(w: str, ctx: NameContext) -> bool:
    if w in ctx.declared.person_phrases or w in ctx.declared.phrases or w in ctx.declared.places:
        return False
    if w in ctx.vocab.known or w in ctx.vocab.public or ctx.place(w) is not None:
        return False
    if ctx.given(w):
        return not ctx.knowledge.more_word_than_name(w, ctx.languages)
    return ctx.knowledge.frequency(w) < 2.0


def _sentence_case(text: str) -> bool:
    """A label of three longer words or more, most of them lowercase: written as a sentence."""
    return len([w for w in TITLE_WORD.findall(text) if len(w) > 3]) >= 3 and not title_case(text)


class _Cap(NamedTuple):
    """A capitalised word: where it is and how it is written (the duck type of a regex match)."""

    at: int
    to: int
    raw: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def group(self) -> str:
        return self.raw


# _CAP's words, with those that open with a lowercase ASCII letter and have no apostrophe passed over a
# stretch at a time: none of them is a capital or an elided article before one, and most words of a
# text are such words. A stretch is such words exactly as _CAP reads them (atomic: no shorter reading
# of one is tried) and what lies between them, where no word starts; group 1 is any other word, as
# _CAP reads it.
# "taga-Tondo" is no such word: the tokenizer reads "Tondo" apart (tokens.capital_after_hyphen)
_LOWER_WORD = r"(?>(?!taga-[A-ZÀ-ÖØ-Þ])[a-z][^\W\d_]*(?:-[^\W\d_]+)*)(?!['’])"
_CAP_OR_LOWER = re.compile(rf"(?>(?:{_LOWER_WORD}[\W\d_]*)+)|({_CAP.pattern})")


def _capitals(text: str) -> list[_Cap]:
    """The capitalised words of `text`, split as the tokenizer splits them (an elided article apart:
    "s'Sunita" is "s'" and "Sunita")."""
    out = []
    new = tuple.__new__  # a _Cap made from its values without the generated __new__'s call
    for m in _CAP_OR_LOWER.finditer(text):
        raw = m.group(1)
        if raw is None:
            continue  # lowercase words
        if raw[0].isupper():
            out.append(new(_Cap, (*m.span(), raw)))
        elif "'" in raw or "’" in raw:
            elided = _ELISION.match(raw)
            if elided and elided.end() < len(raw) and raw[elided.end()].isupper():
                out.append(_Cap(m.start() + elided.end(), m.end(), raw[elided.end() :]))
        elif raw[0].islower() and "-" in raw:
            cut = capital_after_hyphen(raw)  # the prefix the tokenizer splits off: "taga-Tondo"
            if cut:
                out.append(_Cap(m.start() + cut, m.end(), raw[cut:]))
    return out


def _plain_opener(text: str, m: _Cap, ctx: NameContext, label: bool) -> bool:
    """A word that opens its sentence and is a frequent word of the text's languages."""
    if label or not _opens(text, m.start()):
        return False
    w = _low(m.group())
    return w in ctx.function_words or (not ctx.given(w) and ctx.frequency(w) >= 3.0 and not ctx.surname(w))


def _low(word: str) -> str:
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        return low[:-2]
    return low[:-1] if low.endswith("s'") else low


def _joins(text: str, a: _Cap, b: _Cap, connectors: Lexicon) -> bool:
    """True when capitalised words a and b belong to one run: a space between them, or small words
    ("Bay of Bengal", "Côte d'Ivoire"), or an initial's full stop ("A. Rao"); never across a sentence."""
    gap = text[a.to : b.at].replace("_", " ")  # the tokenizer drops a lone "_" (emphasis)
    if a.raw.endswith(("'s", "’s")) or gap.count("\n") > 1 or ("\n" in gap and _opens(text, b.at)):
        return False  # a paragraph, a list item or a heading starts a new run; a wrapped line does not
    if gap.isspace():
        return True
    if gap.startswith(".") and gap[1:].isspace() and len(a.raw) == 1:
        return True
    parts = gap.split(maxsplit=2)  # a third part is too many: the words of a long gap are not split
    return (
        0 < len(parts) <= 2
        and gap[0].isspace()
        and gap[-1].isspace()
        and all(p.lower().replace("’", "'") in connectors for p in parts)
    )


def _opens(text: str, start: int) -> bool:
    """True when the word at `start` opens a sentence, a paragraph, a heading, a list item or a quotation."""
    k = start - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    if k < 0:
        return True
    c = text[k]
    if c == "\n":
        line = text[text.rfind("\n", 0, k) + 1 : k].strip()
        head = text[k + 1 : start].lstrip()
        return not line or head[:1] in ("#", "-", "*", "+", "•", ">", "|") or head[:1].isdigit()
    if c in ".!?…":
        return not (c == "." and _abbreviated(text, k))
    if c == ":":  # as the tokenizer reads it: a colon opens a quotation ('dijo: "Hablaba…'), not a sentence
        return any(q in text[k + 1 : start] for q in ('"', "“", "«", "‘"))
    return c == "-" and k > 0 and text[k - 1] in " \n"


_ABBREVIATIONS_AT = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "no",
        "nr",
        "vs",
        "fr",
        "rev",
        "gen",
        "col",
        "capt",
        "sgt",
        "insp",
        "smt",
        "sra",
        "sta",
        "mme",
        "mlle",
        "brgy",
        "vill",
    ]
)


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around a run, to split into tokens (the run is then judged within its sentence,
    see _judge): every run of a paragraph shares its tokens."""
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    return lo, len(text) if hi < 0 else hi


def _needs_context(
    text: str, start: int, end: int, words: list[str], opens: bool, ctx: NameContext, acronyms: set[str]
) -> bool:
    """False when a run is plainly explained whatever surrounds it: every word declared, known, a
    place the site may name or a common word that is no one's name, and nothing before or after it
    (a title, a kinship word, a place word, a landmark, a number) that could make it a person, a
    relative, a school or a village."""
    vocab = ctx.vocab
    core = list(words)
    while core and (
        core[0] in vocab["articles"] or (opens and len(core) == len(words) and core[0] in ctx.function_words)
    ):
        core.pop(0)  # as _judge_in_sentence reads it: "The School", "A Rua…"
    if len(core) > 1 and (core[0] in vocab["address_words"] or core[0] in vocab["place_words_before"].starts):
        return True  # "Rua das Flores", "Barangay San Roque": a street or a neighbourhood by its first word
    heads = (vocab["institution_words"], vocab["institution_words_before"])
    if any(h.match(words, n) > 1 for h in heads for n in range(len(words)) if words[n] in h.starts):
        return True  # a school's name of several words ("E.E." for a state school)
    fine = ctx.declared.fine_places
    region = len(core) > 1 and vocab["regions"].match(core, 0) == len(core)  # "West Africa", "Middle East"
    if any(w in fine or w in fine.starts or (w in _DIRECTIONS and not region) for w in words):
        return True  # a place the site says is too fine, or "South Kolkata": part of a city
    if (
        text.startswith(",", end)
        and core
        and ((core != words and not opens) or ctx.place(" ".join(core)) is not None)
    ):
        return True  # "La Palma, en Chalatenango": a region after it may say which place it is
    if (
        len(words) == 1
        and _plain_alone(words[0], opens, ctx)
        # "White took us…": a surname before a verb may be someone acting (_a_surname_acting)
        and not (fold(words[0]) in ctx.knowledge.surnames and _hands_after(text, end, ctx))
        # "Act, village": a village's word after it may make even a common word a village's name
        and not any(w in vocab.triggers for w in _words_after(text, end))
        # "Fue Campos quien…", "vendida por Flores": only a person is "who" or does that (_before_a_persons_who,
        # _an_agent)
        and not set(_words_after(text, end, 1)) & _WHO
        and not set(_words_before(text, start, 1)) & _AGENT_MARKERS
        and not (text.startswith(",", end) and _a_role_after(_words_after(text, end, 4), vocab))
    ):
        return False
    if (
        words == ["i"]
        and ctx.english
        and not _title_before(text, start, ctx)
        and not any(w in vocab.triggers and w not in vocab["titles"] for w in _words_before(text, start))
    ):
        return False  # "and I said": the pronoun, unless a title ("Mr I") or a place word ("village I") is before it
    # The site's own names ("Hope Without Borders", a programme): explained word by word, whatever
    # else one of their words is ("Hope" is also a given name).
    site_name = ctx.declared.phrases.match(words, 0) == len(words) and len(words) > 1
    for n, w in enumerate(words):
        if (
            site_name
            or w in ctx.declared.person_phrases
            or w in ctx.declared.phrases
            or w in ctx.declared.places
        ):
            if w in ctx.declared.relatives.single or w in ctx.declared.relatives.starts:
                return True  # a declared relative's name: a kinship word near it would name them
            continue
        if w in vocab.known:
            if w in vocab.signals:  # a title, a kinship word, a school's or a village's word
                return True
            if len(words) == 1 and fold(w) in ctx.knowledge.surnames and _hands_after(text, end, ctx):
                return True  # '"Calle me llevó…"': a known word may be someone acting (_a_bare_subject)
            continue
        if ctx.given(w):
            return True
        if w in vocab.public:
            continue
        place = ctx.place(w)
        if place is not None:
            if place.level > ctx.precision:
                return True
            # "Cada noche Flores la recogía": a place's name may be someone's (_a_town_acting); "Levou-a
            # Rocha…", "disse-lhe Rocha": the subject after a verb that carries a person (_agent_after_its_verb)
            if (
                len(words) == 1
                and fold(w) in ctx.knowledge.surnames
                and (_a_verb_after(text, end, ctx) or _a_persons_verb_before(text, start))
            ):
                return True
            continue
        if w in acronyms and w not in ctx.acronyms:
            return True  # an acronym: the tokens decide ("KGBV" unknown, "TV" common)
        if w in ctx.lowercase and not (
            len(words) == 1 and fold(w) in ctx.knowledge.surnames and _hands_after(text, end, ctx)
        ):
            continue  # a word the text also writes in lowercase, unless it may be someone acting
            # ("Baker drove her … a baker": _a_bare_subject)
        z = ctx.frequency(w)
        if z < (3.0 if opens and n == 0 else 3.3) or not ctx.english or ctx.surname(w):
            return True
        if (
            len(words) == 1
            and fold(w) in ctx.knowledge.surnames
            and (
                not opens
                or _a_verb_group_on_someone(_words_after(text, end, 6), ctx)
                or text[end - 2 : end] in ("'s", "’s")  # "Costa's silver van…": an owner (_an_owner)
                # "Brown, who ran the bar, …", "Hill, a neighbour.": a person's relative or role after it
                or set(_words_after(text, end, 1)) & _WHO
                or (text.startswith(",", end) and _a_role_after(_words_after(text, end, 4), vocab))
            )
        ):
            return True  # "Every night Brown drove her", "Every evening Bello came": a surname may be
            # someone doing something (_a_surname_acting)
    triggers = vocab.triggers
    if any(w in triggers or w in _DIRECTIONS for w in _words_before(text, start)):
        return True
    if _where_she_lives_before(text, start, vocab):
        return True  # "lived … works at Government": a word where she lives or works may be a place
    after = _words_after(text, end)
    return any(w in triggers or w[:1].isdigit() for w in after)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")


def _a_verb_group_on_someone(after: list[str], ctx: NameContext) -> bool:
    """English words after a name: a verb group, then a person's pronoun or the survivor ("drove her",
    "had driven her", "typically picked her up", "sold Mira"): what `_a_bare_subject` reads, for the
    words before it is asked."""
    v = 0
    while v < min(3, len(after)) and (_in_an_english_group(after[v])):
        v += 1
    return v + 1 < len(after) and (
        after[v + 1] in ("her", "him", "them", "me", "us") or after[v + 1] in ctx.declared.person_phrases
    )


def _a_persons_verb_before(text: str, start: int) -> bool:
    """The word before carries a person's object pronoun on a hyphen ("Levou-a", "disse-lhe")."""
    before = _words_before(text, start, 1)
    return bool(before) and "-" in before[0] and before[0].rsplit("-", 1)[1] in _PERSONS_CLITICS


def _a_role_after(after: list[str], vocab: Vocabulary) -> bool:
    """The words after a comma are an article and someone's role ("Campos, EL DUEÑO del bar, la
    obligaba", "King, A NEIGHBOUR"): the word before names them (`_named_in_apposition`)."""
    roles = vocab["life_roles"]
    if len(after) > 1 and (after[0] in vocab["articles"] or after[0] in vocab["possessives"]):
        return roles.match(after, 1) > 0 or (len(after) > 2 and roles.match(after, 2) > 0)
    return bool(after) and roles.match(after, 0) > 0  # "Campos, vecino de su tía"


def _where_she_lives_before(text: str, start: int, vocab: Vocabulary) -> bool:
    """A preposition of place right before, a word of living or working a few words before it ("lived
    … works at Government"): `_lives_in` may make even a common word her neighbourhood."""
    before = _words_before(text, start, 6)
    if not before or before[-1] not in _AT and not (len(before) > 1 and before[-2] in _AT):
        return False
    homes = (vocab["dwelling_words"], vocab["residence_words"])
    return any(w in h or w in h.starts for w in before for h in homes)


def _title_before(text: str, start: int, ctx: NameContext) -> bool:
    """The word just before `start` is a title or a person marker, as `_titled` reads one ("Mr I",
    "si I"; not "told me I")."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    vocab = ctx.vocab
    return (low in vocab["titles"] and (word[0].isupper() or len(low) > 2)) or low in vocab["person_markers"]


def _plain_alone(w: str, opens: bool, ctx: NameContext) -> bool:
    """A capitalised word alone that nothing around it can make a name: "I" in English, or a very
    common word opening a sentence ("Many", "Nobody", "Since") that is no one's name and no place.
    Within its sentence nothing comes before it, and a word after it cannot turn one word into a
    school or a village (that takes a run of two)."""
    if w == "i" and ctx.english:
        return opens  # mid-sentence, a title before it ("Mr I") could make it an initial: see _title_before
    return (
        opens
        and ctx.frequency(w) >= 4.5
        and not ctx.given(w)
        and w not in ctx.vocab.signals
        and w not in ctx.declared.person_phrases
        and w not in ctx.declared.fine_places
        and w not in _DIRECTIONS
        and ctx.place(w) is None
        and not ctx.surname(w)  # "Souza buscava-a…": frequent because people are called it
    )


_NEAR_WORD = re.compile(_CAP.pattern + r"|\d+")  # words as the tokenizer splits them


def _words_before(text: str, start: int, n: int = 3) -> list[str]:
    """The last n words before `start` in its sentence (what a title or a place word could be)."""
    lo = max(0, start - 20 * n)
    for mark in (".", "!", "?", "\n\n"):
        at = text.rfind(mark, lo, start)
        if at >= 0 and not (mark == "." and _abbreviated(text, at)):
            lo = max(lo, at + 1)
    return [_low(w) for w in _NEAR_WORD.findall(text, lo, start)[-n:]]


def _abbreviated(text: str, dot: int) -> bool:
    """The full stop at `dot` ends an abbreviation or an initial ("Dr.", "Brgy.", "A."), not a sentence."""
    k = dot
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS_AT


def _words_after(text: str, end: int, n: int = 2) -> list[str]:
    hi = min(len(text), end + 20 * n)
    for mark in (".", "!", "?", "\n\n"):
        at = text.find(mark, end, hi)
        if at >= 0:
            hi = at
    return [_low(w) for w in _NEAR_WORD.findall(text, end, hi)[:n]]


def _a_verb_after(text: str, end: int, ctx: NameContext) -> bool:
    """A verb, or an object pronoun before one, right after `end` ("… la recogía", "… came to")."""
    after = _words_after(text, end, 3)
    if after and after[0] in _INTENSIVE:
        after = after[1:]  # "… himself came", "… mismo ang sumusundo": only a person is himself (a town
        # that "también abrió un refugio" is the town)
    if not after:
        return False
    if after[0] in ctx.vocab["object_pronouns"] or (len(after) > 1 and _who_did_it(after[0], after[1], ctx)):
        return True
    if ctx.english:
        return ctx.knowledge.english_past_or_present(after[0])
    return ctx.knowledge.verb_form(after[0], ctx.languages)


def _hands_after(text: str, end: int, ctx: NameContext) -> bool:
    """One of the three words after `end` is a verb of what a person does with their hands ("… drove
    her", "… la recogía", "… m'a vendue"), after a companion ("… and his wife kept her"): what
    `_a_bare_subject` reads as someone acting."""
    after = _words_after(text, end, 10)
    if after[:1] and after[0] in ctx.vocab["list_joiners"]:
        after = after[3:]
    elif after[:1] and after[0] in _RELATIVES and text.startswith(",", end):
        return any(_by_hand(w, ctx) for w in after)  # "Fontaine, qui tenait le bar, la battait"
    return any(_by_hand(w, ctx) for w in after[:3])


# Relative pronouns that open a clause about the word before them: "Fontaine, QUI tenait le bar, …"
_RELATIVES = frozenset({"qui", "que", "who", "quien", "quem", "which"})


def _and_a_companion(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> int:
    """How many words at j name who did it along with the subject: "and his wife", "y su esposa", "e a
    mulher", "et son frère" (a joiner, a possessive or an article, a relative, a person's or a role's
    word); 0 if none."""
    vocab = ctx.vocab
    if j + 2 < len(items) and items[j].text == "," and items[j + 1].kind == WORD and low[j + 1] in _RELATIVES:
        # "Fontaine, qui tenait le bar, la battait", "Campos, que era el dueño, la llevaba": a clause
        # between commas, then the verb group
        for m in range(j + 2, min(len(items), j + 12)):
            if items[m].kind == PUNCT:
                return m + 1 - j if items[m].text == "," else 0
        return 0
    # Each companion: a joiner or a comma, up to three small words (a possessive, an article, a number,
    # "other"), a person's, a relative's or a role's word; then "más", "mais" ("Brown, his wife and their
    # son", "Campos y dos hombres más", "Blanc et deux autres hommes", "Brown and wife").
    people = vocab.union(_PEOPLE_SECTIONS)
    m = j
    for _ in range(3):
        if m >= len(items) or not (
            items[m].text == "," or (items[m].kind == WORD and low[m] in vocab["list_joiners"])
        ):
            break
        n = m + 1
        while (
            n < len(items)
            and n - m <= 3
            and items[n].kind in (WORD, NUMBER)
            and not items[n].cap
            and (
                items[n].kind == NUMBER
                or low[n] in vocab["possessives"]
                or low[n] in vocab["articles"]
                or low[n] in vocab.number_words
                or low[n] in _OTHERS
            )
        ):
            n += 1
        if not (n < len(items) and items[n].kind == WORD and not items[n].cap):
            break
        if not (low[n] in people or low[n] in _HIS_PEOPLE):
            break
        m = n + 1
        if m < len(items) and items[m].kind == WORD and low[m] in ("más", "mais"):
            m += 1
    # after a comma only as a list of two or more ("Brown, his wife and their son"): "Campos, el dueño
    # del bar" alone is a description, read elsewhere
    listed = m > j + 3 or (m > j and items[j].text != ",")
    return m - j if listed else 0


_OTHERS = frozenset({"other", "others", "otro", "otros", "otra", "otras", "autre", "autres", "outro", "outros",
                     "outra", "outras", "more", "few", "some", "unos", "unas", "quelques", "uns", "umas"})  # fmt: skip


def _by_hand(word: str, ctx: NameContext, languages: tuple[int, ...] | None = None) -> bool:
    """A form of a verb of what a person does to someone with their hands (`hands_on_verbs`, dictionary
    forms: "drove", "levou", "vendue"), a participle the dictionary takes for an adjective ("battue",
    "enfermée", "aliciada") or a verb carrying its object ("levou-a", "buscá-la")."""
    hands = ctx.vocab["hands_on_verbs"]
    langs = ctx.languages if languages is None else languages
    return any(
        form in hands or any(lemma in hands for lemma in ctx.knowledge.lemmas(form, langs))
        for form in _verb_forms(word)
    )


# Participles' endings and the infinitives' they come from: "enferm-ée" enfermer, "batt-ue" battre,
# "condu-ite" conduire, "alici-ada" aliciar, "vend-ida" vender: the dictionary reads many of them as
# adjectives.
_PARTICIPLE_INFINITIVES = (
    (("ées", "és", "ée", "é"), ("er",)),
    (("ues", "us", "ue"), ("re",)),
    (("ites", "ite"), ("ire",)),
    (("adas", "ados", "ada", "ado"), ("ar",)),
    (("idas", "idos", "ida", "ido"), ("er", "ir")),
)
# A stressed vowel that ends a verb before its hyphenated pronoun: "buscá-la" buscar, "fazê-lo" fazer.
_BEFORE_A_CLITIC = {"á": "ar", "ê": "er", "é": "er", "í": "ir", "ô": "or"}


def _verb_forms(word: str) -> list[str]:
    """The word, and what a verb form it may be looks like in the dictionary: the verb before a hyphenated
    object pronoun ("levou-a": "levou", "buscá-la": "buscar"), a participle's infinitive ("battue":
    "battre")."""
    forms = [word]
    if "-" in word:
        head = word.split("-", 1)[0]
        forms.append(head[:-1] + _BEFORE_A_CLITIC[head[-1]] if head[-1:] in _BEFORE_A_CLITIC else head)
    for endings, infinitives in _PARTICIPLE_INFINITIVES:
        for end in endings:
            if word.endswith(end) and len(word) > len(end) + 2:
                forms.extend(word[: -len(end)] + inf for inf in infinitives)
                break
    return forms


def _who_did_it(marker: str, verb: str, ctx: NameContext) -> bool:
    """In Filipino, a name before "ang" and a verb is the one who did it ("Soriano ang sumusundo sa kanya",
    "Manalo ang nagdala sa kanya"): the sentence's predicate, a person (a place's name there is only
    where someone went, "Maynila ang pinuntahan niya", and the caller keeps big places)."""
    return _FILIPINO in ctx.languages and marker == "ang" and ctx.knowledge.tagalog_verb(verb)


def _one_place(text: str, a: _Cap, b: _Cap, ctx: NameContext) -> bool:
    """Two capitalised words joined by one small word into a place's name ("Bosnia and Herzegovina"), an
    elided one too ("Côte d'Ivoire" opening a title: "Côte" alone is a common word that opens it)."""
    if not 3 <= b.at - a.to <= 6:
        return False  # most capitals are far apart: no gap to copy
    gap = text[a.to : b.at]
    return gap.strip().rstrip("'’").isalpha() and ctx.place(a.group() + gap + b.group()) is not None


def find_names(tokens: Tokens, ctx: NameContext) -> list[Found]:
    """Every unexplained name in the text (and every named institution, fine place and relative)."""
    items = tokens.items
    low = [t.low for t in items]
    out: list[Found] = []
    common = ctx.function_words
    i = 0
    while i < len(items):
        t = items[i]
        if t.kind != WORD or not t.cap:
            i += 1
            continue
        if t.initial and t.low in common and not (i + 1 < len(items) and items[i + 1].cap):
            i += 1  # "The", "She", "When" opening a sentence: most capitals are these
            continue
        j = _run_end(items, i, ctx)
        out += _judge(tokens, low, i, j, ctx)
        i = j
    return out


def _run_end(items: tuple[Token, ...], i: int, ctx: NameContext) -> int:
    """End (exclusive) of the run of capitalised words starting at i: capitals joined by small words
    ("Bay of Bengal", "de Souza") or by an initial's full stop ("A. Rao"); a possessive ends it, unless
    it opens a place's name ("Cox's Bazar")."""
    connectors = ctx.vocab["connectors"]
    j = i + 1
    if _ends_name(items[i]) and not _place_goes_on(items, i, ctx):
        return j
    while j < len(items):
        t = items[j]
        if t.kind == WORD and t.cap and not _gap(items, j):
            j += 1
            if _ends_name(t) and not _place_goes_on(items, j - 1, ctx):
                break
            continue
        if (
            t.kind == WORD
            and not t.cap
            and t.low in connectors
            and not t.starts
            and not (j - 1 == i and items[i].starts)
        ):
            nxt = j + 1
            if (
                nxt < len(items)
                and items[nxt].kind == WORD
                and not items[nxt].cap
                and items[nxt].low in connectors
            ):
                nxt += 1  # "Día de las Madres": two small words
            if nxt < len(items) and items[nxt].kind == WORD and items[nxt].cap and not _gap(items, nxt):
                j = nxt
                continue
        if (
            t.kind == WORD
            and not t.cap
            and j + 1 < len(items)
            and items[j + 1].kind == WORD
            and items[j + 1].cap
            and ctx.place(f"{items[j - 1].text} {t.text} {items[j + 1].text}") is not None
        ):
            j += 2  # "Bosnia and Herzegovina", "Trinidad and Tobago": one country
            continue
        if t.kind == PUNCT and t.text == "." and len(items[j - 1].text) == 1 and j + 1 < len(items):
            after = items[j + 1]
            if after.kind == WORD and after.cap:
                j += 1
                continue
        break
    while j > i + 1 and items[j - 1].kind == WORD and not items[j - 1].cap:
        j -= 1
    return j


def _place_goes_on(items: tuple[Token, ...], k: int, ctx: NameContext) -> bool:
    """The possessive at k and the capitalised word after it name a place the gazetteer or the site
    knows ("Cox's Bazar", "St John's Wood"), or a day ("St Patrick's Day", "Mother's Day": the day's
    word, `observance_words_after`; whether the day is a known one is the run's to say)."""
    if k + 1 >= len(items) or items[k + 1].kind != WORD or not items[k + 1].cap:
        return False
    if ctx.vocab["observance_words_after"].match([items[k + 1].low], 0):
        return True
    pair = [items[k].low, items[k + 1].low]
    return bool(ctx.declared.places.match(pair, 0) == 2 or ctx.place(f"{items[k].text} {items[k + 1].text}"))


def _ends_name(t: Token) -> bool:
    """ "Ramesh's" ends a name; "Girls'" in "Government Girls' School" does not."""
    return t.possessive and t.text.endswith(("'s", "’s"))


def _gap(items: tuple[Token, ...], j: int) -> bool:
    """True when token j starts a new line or sentence (a run never crosses one)."""
    return items[j].starts


def _judge(tokens: Tokens, low: list[str], i: int, j: int, ctx: NameContext) -> list[Found]:
    """The findings for the run of tokens i..j, read within its own sentence: no title, kinship word,
    place word or school's name in another sentence or paragraph changes what a name is."""
    items = tokens.items
    lo = i
    while lo > 0 and not items[lo].starts:
        lo -= 1
    while lo > 0 and items[lo - 1].kind == PUNCT and items[lo - 1].text in _OPENING_MARKS:
        lo -= 1  # '« *Sbr* »': the quotation marks and the italics opening the sentence are its own
    hi = j
    while hi < len(items) and not items[hi].starts:
        hi += 1
    if lo > 0 or hi < len(items):
        return _judge_in_sentence(Tokens(tokens.text, items[lo:hi]), low[lo:hi], i - lo, j - lo, ctx)
    return _judge_in_sentence(tokens, low, i, j, ctx)


def _judge_in_sentence(tokens: Tokens, low: list[str], i: int, j: int, ctx: NameContext) -> list[Found]:
    items = tokens.items
    vocab = ctx.vocab
    first = i
    while i < j and (
        items[i].kind == PUNCT
        or (
            items[i].kind == WORD
            and (low[i] in vocab["articles"] or (items[i].initial and low[i] in ctx.function_words))
            and not (i + 1 < j and items[i].cap and _article_of_place(low, i, j, ctx))
        )
    ):
        i += 1  # "The School", "La Escuela": an article or an opening word is not part of the name, unless
        # it is the place's own ("La Paz", "Le Havre")
    if i >= j:
        return []
    n = ctx.declared.phrases.match(low, i)
    if n > 1 and i + n >= j:
        return []  # the site's own programme or partner, whatever its words say ("programme Route Sûre")
    if _a_hashtag_of_words(items, i, j, ctx):
        return []  # "#CorazónAzul", "#HindiKaNagIisa": a campaign's words run together
    if _inside_a_listed_name(items, low, i, j, vocab):
        return []  # "the Australian Centre to Counter Child Exploitation": a listed body, its small words
        # in lowercase between its capitals
    if (
        _quoted_title(items, low, i, j, vocab)
        or _title_called(items, low, i, j, vocab)
        or _inside_a_title(items, low, first, j, ctx)
        or _a_listed_figures_work(items, low, i, j, vocab)
    ) and _introduced_as(items, low, i, j, ctx) is None:
        return []  # 'sa kantang "Tadhana"', 'ouvir "Sodade"', 'les premières notes de « Birima »': a title
    if _foreign_in_italics(items, low, first, j, ctx):
        return []  # '« *Sbr* », dit-elle. Patience.', '"*Kenbe fèm*": tiens bon': words of another language
    classes = _classes(items, low, i, j, ctx)
    home = _at_home(items, low, i, j, classes, ctx)
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    if not home and _public_figure(items, low, words_idx, ctx):
        return []  # "les chansons de Fally Ipupa", "an old Taylor Swift album": a singer, a club
    if _a_feast_of_words(items, low, words_idx, ctx):
        return []  # "la fête du Drapeau", "Dia da Paz", "las Fiestas Patrias": a feast named in words
    if (
        not home
        and _team(items, low, i, j, vocab)
        and not _names_a_place_or_body(low, i, j, vocab)
        and not _a_fine_town(low, i, j, ctx)  # "un partido del Cuyamel", "laro ng Pasil": her village
        and not _team_at_home(items, low, i, j, ctx)
        and not _shaped_like_a_person(low, words_idx, ctx)
        and not any(
            classes[k] == NAME_LIKE and not ctx.knowledge.more_word_than_name(low[k], ctx.languages)
            for k in words_idx
        )
    ):
        return []  # "partido de la Selecta", "jogo do Galo", "tagahanga ng Barangay Ginebra": a team, public
    if _our_programme_abroad(items, low, words_idx, ctx):
        # "notre projet Médina" in Dakar, "nuestro programa Ciudad Bolívar" in Bogotá: a programme named
        # for where it runs, a neighbourhood that shares a city's name in another country ("our Toronto
        # project" may be the city: the finding asks for the programme's name to go or be listed)
        return [_found(tokens, UNDECLARED, words_idx[0], words_idx[-1] + 1, OUR_PROGRAMME)]
    if any(classes[k] in (NAME_LIKE, UNKNOWN, FINE_PLACE) for k in words_idx):
        word_at = [k for k in range(len(items)) if items[k].kind == WORD]  # read once for the three lists
        for k in _in_listed_phrase(word_at, low, words_idx, ctx.declared.phrases):
            classes[k] = DECLARED  # "Bola no Pé, Pé no Chão": the site's programme, its comma and all
        for section in (
            "public_bodies",
            "laws",
            "greetings",
        ):  # "l'Aide sociale à l'enfance": a body's name, lowercase and all; "Cảm ơn": thanks
            if section == "greetings" and not _greeting_here(items, low, words_idx, ctx):
                continue
            for k in _in_listed_phrase(word_at, low, words_idx, vocab[section]):
                # "l'Union européenne", not L'Union: a town's name inside a listed phrase only when the
                # phrase's next word follows it directly ("Sa Bantay, bata pa…" is no "bantay bata")
                together = k + 1 < len(items) and items[k + 1].kind == WORD
                if classes[k] in (NAME_LIKE, UNKNOWN) or (classes[k] == FINE_PLACE and together):
                    classes[k] = KNOWN
    public_name = (
        not home  # "grew up in Lake Sebu": where she lives is no public name
        and (
            _public_name(items, low, i, j, vocab)
            or _a_highway(items, low, i, j, ctx)
            or _a_feature_after(items, low, i, j, ctx)
        )
        and not (_a_landmark(items, low, i, j, vocab) and _near_a_home(items, low, i, j, vocab))
        # "a palafita na Baía Formosa": a bay or a lagoon named like a town there is where she lives
        and not (
            _a_fine_town(low, i, j, ctx) and any(low[m] in _SMALL_FEATURES for m in range(max(0, i - 2), j))
        )
    )
    if (
        not public_name
        and any(low[m] in _SMALL_FEATURES for m in range(max(0, i - 2), j))
        and any(low[m] not in _SMALL_FEATURES for m in words_idx)  # "## Presa numa casa": a word
        and _near_a_home(items, low, i, j, vocab)
    ):  # "numa palafita na Baía Formosa, perto do porto": a bay by her door, whatever its name says
        return [_found(tokens, PLACE, i, j, LEVEL_WORDS[LOCALITY])]
    if public_name:  # "Bagyong Yolanda", "aeroporto do Galeão", "Señor Santo Niño": public names
        for k in words_idx:  # a town's airport or shrine is where thousands pass, not where she lives
            if classes[k] in (NAME_LIKE, UNKNOWN, FINE_PLACE):
                classes[k] = KNOWN
    region_words = vocab["large_region_words"]
    region_name = []  # the run's words less a region's word or phrase: "Amhara Regional State"
    k = i
    while k < j:
        n = region_words.match(low, k) if items[k].kind == WORD else 0
        if n:
            k += n
            continue
        if items[k].kind == WORD:
            region_name.append(k)
        k += 1
    if (
        len(region_name) == 1
        and classes[region_name[0]] == UNKNOWN  # "l'état de Marie" is how Marie is
        and _large_region_named(items, low, i, j, ctx)
        and _state_spelled_otherwise(low[region_name[0]], ctx)
    ):  # "the Amhara region" (pycountry: "Amara"), "la région du Tigray" ("Tigrai"): the state
        classes[region_name[0]] = COARSE_PLACE if ctx.precision >= STATE else FINE_PLACE
    # "Mr Das" is titled; "DR Congo" is a public name that opens with a title's letters
    titled = (
        not public_name
        and _titled(items, low, i, vocab, _FILIPINO in ctx.languages or not (i > 0 and items[i - 1].initial))
        # "Sri Lanka", "Sri Lankan": a title's word opening a place's name or its people's
        and not (low[i] in vocab["titles"] and _phrase(low, i, j, ctx)[0] > 1)
        and vocab["regions"].match(low, i) < 2
        # "Policía Nacional", "Police Department", "Policía de Infancia y Adolescencia": a body named by
        # its title word and the words of what it does, not a person ("el Policía Xochiltepec" is one)
        and not (
            low[i] in vocab["org_words"]
            and len(words_idx) > 1
            and (_official(low, i + 1, j, vocab) or all(classes[k] in (COMMON, KNOWN) for k in words_idx[1:]))
        )
        # "the General Police Inspectorate": a title word before a body's word names the body
        and not (len(words_idx) > 1 and low[words_idx[1]] in vocab["org_words"] and low[i] in vocab["titles"])
    )
    # "Mother Teresa", "Sister Nivedita": a kinship word used as a title says nothing of a relation
    # "le ministère de la Femme, de la Famille…", "Instituto Nacional de las Mujeres": what a body works
    # for, named by its word, is nobody's relative
    governed = _a_bodys_subject(items, low, first, vocab)
    if governed:
        for k in words_idx:
            if classes[k] not in _EXPLAINED and (low[k] in vocab["kinship"] or ctx.frequency(low[k]) >= 3.0):
                classes[k] = COMMON  # "de la Femme", "de la Culture": words, though Femme is a given name
    if not governed:
        for k in words_idx:
            if (
                (classes[k] == COMMON or (classes[k] == KNOWN and low[k] in vocab["name_suffixes"]))
                and not items[k].initial
                and k == words_idx[-1]
                and _someones_kin(items, low, k - 1, ctx)
            ):
                classes[k] = NAME_LIKE  # "su Tío Rey", "ng Tiyo Rey niya": a capitalised word after a kinship
                # word is the relative's name, though it is also a word
    kin_words = [
        k
        for k in words_idx
        if low[k] in vocab["kinship"]
        and not _kin_title(items, low, k, ctx)
        and classes[k] != COMMON
        and not _name_suffix(items, low, k, words_idx, vocab)
    ]
    kin_inside = bool(kin_words) and any(classes[k] not in _EXPLAINED for k in words_idx)
    if titled:  # after "Mr", "Inspector", "Doña", "si": a person's name, which only a declaration explains
        named = False  # the declared name came: in a Title Case title what follows may be the sentence
        sentence = False  # and a verb said it goes on
        for k in words_idx:
            if (
                named
                and items[k].initial
                and (sentence or ctx.knowledge.lemma_frequency(low[k], ctx.languages) >= 3.0)
            ):
                sentence = True
                continue  # "Dona Célia Recebe Indenização…": a verb and its object, not a surname
            named = named or classes[k] == DECLARED
            if (
                not named
                and (
                    low[k] in vocab["titles"]  # "Detective", "Lieutenant", "Colonel"
                    or low[k] in _RANK_WORDS  # "Chief", "Deputy"
                    # "Police", not "École" or "Maison" (a school's or a shelter's word names it)
                    or (low[k] in vocab["org_words"] and low[k] not in vocab["institution_words"])
                )
                and any(classes[m] == DECLARED for m in words_idx if m > k)
            ):
                continue  # "Detective Chief Inspector Sarah Okafor": the rank's words, before the name
            if (low[k] in _OF or low[k] in ("for", "para", "pour", "ng")) and not items[k].cap:
                break  # "the Commissioner for Wales", "Mr Smith of London": the office's place, not a name
            if named and low[k] in ("and", "at", "y", "e", "et") and not items[k].cap:
                break  # "si Priti at Grade 11": the declared name, and then something else
            if (
                classes[k] in (COMMON, KNOWN, FINE_PLACE, COARSE_PLACE)
                and low[k] not in vocab["titles"]
                and not (low[k] in vocab["connectors"] and not items[k].cap)
                and not (items[k].upper and len(low[k]) > 2)  # "kang OFW": an acronym, not a person
                and low[k] not in vocab["kinship"]  # "tumawag ako kay Nanay": Mum, named by no name
            ):
                classes[k] = NAME_LIKE  # "Sra. Mercado", "Mr Singh"
    if not titled and _official(low, i, j, vocab):  # "Royal Canadian Mounted Police": a word of a body's name
        for k in words_idx:
            if classes[k] == NAME_LIKE and ctx.knowledge.more_word_than_name(low[k], ctx.languages):
                classes[k] = COMMON
    institution = _institution(items, low, i, j, classes, ctx)
    if (
        institution is not None
        and vocab["landmarks"].match(low, words_idx[0]) == len(words_idx)
        and not _near_a_home(items, low, i, j, vocab)
    ):
        institution = None  # "the Empire State Building lit up": a listed landmark, where she neither
        # lives nor works ("worked as a cleaner in the Petronas Towers" is her workplace)
    if (
        institution is not None
        and words_idx[-1] - words_idx[0] + 1 == len(words_idx)
        and any(
            vocab[s].match(low, words_idx[0]) == len(words_idx)
            for s in ("brands", "platforms", "teams", "agencies")
        )
        and not _near_a_home(items, low, i, j, vocab)
    ):
        institution = None  # "una tarjeta de Mercado Pago", "le va al Club América": a brand or a team
        # of thousands of branches and fans, named by a word of a market or a club
    if (
        institution is not None
        and _all_common_in_title(items, i, j, classes)
        # a head word written in lowercase says the heading is no Title Case one: "## Au foyer Les Tilleuls"
        and not (institution[0] < i and not items[institution[0]].cap)
    ):
        institution = None  # "Back to Fashion School" in a Title Case title: words, not a name
    if institution is not None:
        start, end = institution
        return [_found(tokens, INSTITUTION, start, end, "a school, workplace or shelter")]
    if not governed:
        _places_named_as_relatives(items, low, i, j, classes, words_idx, ctx)
    out: list[Found] = []
    family: list[Found] | None = None
    for start, end in _unexplained_spans(classes, words_idx):
        if kin_inside:
            out.append(_found(tokens, RELATIVE, start, end, "a relative's name"))
        elif family is None and (family := _family_surname(tokens, low, i, j, classes, ctx)):
            out += family  # "vivía con los Ramírez Soto": a family, by a surname no word explains
        elif _kin_attached(items, low, i, j, vocab, ctx.not_kinship):
            out.append(_found(tokens, RELATIVE, start, end, "a relative's name"))
        elif (
            _place_context(items, low, i, j, ctx)
            or _a_streets_name(items, low, i, vocab)
            or (
                _place_word_inside(low, words_idx, vocab)
                and not all(items[k].initial for k in words_idx)  # "## Building Something Steadier"
            )
        ):
            out.append(_found(tokens, PLACE, start, end, LEVEL_WORDS[LOCALITY]))
        elif _called_our_programme(items, low, words_idx, ctx):
            # "notre programme *Lakou Lespwa*": the organisation's own, which site.yaml declares; read
            # as explained, it published 69 shelters, slums and nicknames (red team 38)
            out.append(_found(tokens, UNDECLARED, start, end, OUR_PROGRAMME))
        else:
            out.append(_found(tokens, UNDECLARED, start, end, "a name nobody declared"))
    # a given name read as a word or as a town ("su tía Carmen": Ciudad del Carmen): after a kinship
    # word, a name
    kin_before = first > 0 and items[first - 1].kind == WORD and low[first - 1] in vocab["kinship"]
    # "Blessing, her older sister, …" (not "In Bradford, her aunt, a nurse, …": a place she is in)
    apposed = (
        not governed
        and _kin_apposed(items, low, j, ctx)
        and not any(items[m].kind == WORD and low[m] in _PREPOSITIONS for m in range(max(0, first - 1), i))
    )
    # "Su tío, el Rey, la llevó", "Seu tio, o Rocha, a levou": the relative's name between commas after
    # the kinship word and an article, whatever word it is
    apposed = apposed or (
        not governed and len(words_idx) == 1 and _kin_then_article(items, low, first, j, ctx)
    )
    given_common = [
        k
        for k in words_idx
        if (
            (classes.get(k) in (COMMON, COARSE_PLACE, KNOWN) and apposed and len(words_idx) == 1)
            or (classes.get(k) == COMMON and ctx.knowledge.is_given_name(low[k]))
            or (classes.get(k) == COARSE_PLACE and kin_before and ctx.knowledge.is_given_name(low[k]))
        )
    ]
    if (
        not out
        and given_common
        # "Solo parent si Asha", "Single mothers": a word before a kinship noun describes, not names
        and not (j < len(items) and items[j].kind == WORD and low[j] in vocab["kinship"])
        and _kin_attached(items, low, i, j, vocab, ctx.not_kinship)
    ):  # "Grace, her aunt, …"
        out.append(_found(tokens, RELATIVE, given_common[0], given_common[-1] + 1, "a relative's name"))
    if not out:
        out += _declared_relative(tokens, low, i, j, ctx)
        out += (
            _article_dropped(tokens, low, first, i, j, ctx)
            or _family_surname(tokens, low, i, j, classes, ctx)
            or _introduced_place(tokens, low, i, j, classes, ctx)
            or _fine_places(tokens, low, i, j, classes, ctx)
        )
    if not out:
        article = i - 1 if first < i and _named_article(items, low, i - 1, vocab) else None
        out += _placed_elsewhere(tokens, low, i, j, article, classes, ctx)
    return out


_BODY_WORDS = ("institution_words", "institution_words_before", "org_words", "place_words_before",
               "place_words_after", "landmark_words", "address_words")  # fmt: skip
_PERSON_OR_BODY_WORDS = ("titles", "kinship", "person_markers", *_BODY_WORDS)
_PLACE_OR_HOME_WORDS = (*_BODY_WORDS, "home_words", "residence_words", "kinship")


def _team_at_home(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A team named where she lives: a village's word a few words after it ("del Cuyamel, el equipo de
    su aldea") or a home near it ("laro ng Pasil… malapit sa kanilang bahay"); "a Bluebirds home game"
    is the club's."""
    vocab = ctx.vocab
    places = (vocab["place_words_after"], vocab["place_words_before"])
    if any(
        p.match(low, m) and fold(low[m]) not in ctx.function_words  # "del Licey, para disgusto de…"
        for p in places
        for m in range(j, min(len(low), j + 6))
        if items[m].kind == WORD
    ):
        return True
    home_game = (
        j + 1 < len(items) and low[j] in vocab["home_words"] and vocab["team_words_after"].match(low, j + 1)
    )
    return not home_game and _near_a_home(items, low, i, j, vocab)


def _a_fine_town(low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run (with a capitalised article before it) is a place of the story's own country finer than
    the site may name: a team or a bay of that name says where she lives."""
    for start in (i - 1, i) if i > 0 else (i,):
        if any(
            p.country == ctx.home and p.level > ctx.precision
            for p in ctx.knowledge.places_named(" ".join(low[start:j]))
        ):
            return True
    return False


def _names_a_place_or_body(low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """A word of the run makes it a school, a body, a village or a street ("the show Oakwood Primary put
    on", "el equipo del Colegio Santa Rosa", "koponan ng Barangay Malinta")."""
    body_words = vocab.union(_BODY_WORDS)
    return any(body_words.match(low, k) for k in range(i, j))


def _greeting_here(items: tuple[Token, ...], low: list[str], words_idx: list[int], ctx: NameContext) -> bool:
    """A word of thanks or greeting is one where a story quotes one: in quotation marks or italics, or
    alone as its own sentence ("Jërëjëf !"); no given name and no place. Names are greetings in some
    language too: "Matondo walks her to school", "Karibu (son grand frère)", "in Molo"."""
    if not words_idx:
        return False
    first = words_idx[0]
    quoted = first > 0 and items[first - 1].kind == PUNCT and items[first - 1].text in _QUOTE_OPENERS
    length = ctx.vocab["greetings"].match(low, first)
    phrase = length > 1  # "Cảm ơn": no one's name, whatever each word is
    last = first + max(length, 1) - 1
    if last + 1 < len(items) and items[last + 1].text == ",":
        return False  # "Tatenda, her older brother, …", "Matondo, son grand frère": a name
    after = items[last + 1].text if last + 1 < len(items) else "."
    alone = after in ("!", ".", "…", "?", "»", '"', "”", "*", "_")  # "Jërëjëf !", "Añay*", "Maltyox."
    return (quoted or (items[first].initial and (alone or phrase))) and not any(
        (not phrase and ctx.given(low[k])) or ctx.place(low[k]) is not None for k in words_idx
    )


_QUOTE_OPENERS = frozenset(['"', "“", "«", "‘", "*", "_", "¡", "¿"])


def _tagalog_predicate(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k opens a Filipino sentence as its verb: a marker comes straight after it (`predicate_markers`:
    "ng", "ang", "niya") and it is an inflected Tagalog word (`Knowledge.tagalog_verb`)."""
    return (
        LANGUAGES.index("fil") in ctx.languages
        and k + 1 < len(items)
        and items[k + 1].kind == WORD
        and low[k + 1] in ctx.vocab["predicate_markers"]
        and not ctx.knowledge.places_named(low[k])  # "Mabolo", "Malinta": barangays
        and ctx.knowledge.tagalog_verb(low[k])
    )


def _named_article(items: tuple[Token, ...], low: list[str], k: int, vocab: Vocabulary) -> bool:
    """The article at k is capitalised mid-sentence: part of a name ("creció en La Palma")."""
    return items[k].kind == WORD and items[k].cap and not items[k].initial and low[k] in vocab["articles"]


def _placed_elsewhere(
    tokens: Tokens,
    low: list[str],
    i: int,
    j: int,
    article: int | None,
    classes: dict[int, int],
    ctx: NameContext,
) -> list[Found]:
    """A place named as a village ("Granada, un caserío del departamento de Olancho": not Spain's city),
    or with the state or country it is in ("La Palma, en Chalatenango", "Les Anglais, dans le sud
    d'Haïti", "Palma, in the north of Chalatenango") when the gazetteer knows no place of that name there: a town too small for it, not the city of that name elsewhere (Spain's Palma) nor the
    words it is made of. Read only when the run is a place elsewhere or opens with a capitalised
    article; a run of unexplained words is reported by the names reader already."""
    items = tokens.items
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    if not words_idx or j + 1 >= len(items) or items[j].text != ",":
        return []
    if any(classes.get(k) not in (COARSE_PLACE, COMMON, KNOWN) for k in words_idx):
        return []
    start = article if article is not None else i
    k = j + 1
    if k < len(items) and items[k].kind == WORD and low[k] in ctx.vocab["articles"]:
        k += 1
    before = ctx.vocab["place_words_before"]
    if (
        k < len(items)
        and items[k].kind == WORD
        and not items[k].cap
        and (low[k] in before or before.match(low, k))
        and not any(p.country == ctx.home for p in ctx.knowledge.places_named(" ".join(low[start:j])))
    ):  # "Granada, un caserío de Olancho" in Honduras; "São Paulo, o setor têxtil" in Brazil is the city
        # (the story's own country: the site's other stories may be set where a Granada is)
        return [_found(tokens, PLACE, start, j, LEVEL_WORDS[LOCALITY])]
    name = " ".join(low[start:j])
    named = ctx.knowledge.places_named(name) + (
        ctx.knowledge.places_named(" ".join(low[i:j])) if article else []
    )
    if article is None and not all(classes.get(k) == COARSE_PLACE for k in words_idx if low[k] not in _OF):
        return []
    if any(p.level <= STATE for p in named):
        return []  # "Honduras, en Guatemala…": a country or a state is in no other one
    region, small = _region_after(items, low, j + 1, ctx)
    if region is None or any(p.country == region.country for p in named):
        return []  # "Palma, en Mallorca", "Les Cayes, dans le sud d'Haïti": the gazetteer's own
    if not small and article is None and any(p.population >= WORLD_CITY or p.capital for p in named):
        return []  # "de Kota Kinabalu a Kuala Lumpur, Dubai…": a list of cities, not a city in a region
    return [_found(tokens, PLACE, start, j, LEVEL_WORDS[TOWN])]


def _region_after(
    items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext
) -> tuple[Place | None, int]:
    """The state or country named at k after a few small words ("en", "dans le sud d'", "in the north
    of", "sa hilagang"), or None; and how many small words came first."""
    vocab = ctx.vocab
    small = 0
    while (
        k < len(items)
        and items[k].kind == WORD
        and not items[k].cap
        and (
            low[k] in _PREPOSITIONS
            or low[k] in _OF
            or low[k] in vocab["articles"]
            or low[k] in vocab["compass_words"]
            or low[k] in ("d'", "of", "ng", "do", "da", "del", "du", "des", "dans", "a", "al", "aux")
        )
    ):
        k += 1
        small += 1
        if small > 5:
            return None, small
    if k >= len(items) or items[k].kind != WORD or not items[k].cap:
        return None, small
    end = k
    while (
        end < len(items) and end - k < 4 and items[end].kind == WORD and (items[end].cap or low[end] in _OF)
    ):
        end += 1
    for n in range(end, k, -1):
        place = ctx.knowledge.place(" ".join(low[k:n]), ctx.countries)  # the region, as an adult reads it
        if place is not None:
            return (place if place.level <= STATE else None), small
    return None, small


def _article_of_place(low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The capitalised article at i opens a place's name ("La Paz", "Le Havre"): the place read with it is
    longer than any read without it ("La Côte d'Ivoire" is Côte d'Ivoire, not a town called La Côte), and
    it is the story's own country's or a country."""
    place = ctx.place(f"{low[i]} {low[i + 1]}")
    if place is None or (place.country != ctx.home and place.level != COUNTRY):
        return False  # "La Paz, isang bayan sa Tarlac": Bolivia's La Paz only in a story set in Bolivia
    return _phrase(low, i, j, ctx)[0] > max(1, _phrase(low, i + 1, j, ctx)[0])


_OPEN_QUOTES = frozenset(['"', "“", "«", "‘", "*", "_"])  # a title in italics too: 'la película *Coco*'
_CLOSE_QUOTES = frozenset(['"', "”", "»", "’", "*", "_"])


def _quoted_title(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The run is a title in quotation marks, all of it between them, right after a word for a song, a
    film or a book or for listening to or playing one (`title_words`: "sa kantang", "ouvir", "les notes
    de", "the song"), small words between; in italics too ('la película *Coco*'). Without either, what
    follows "the song" may be the person who sang it ("the song Remedios sang to her")."""
    if (
        i < 2
        or j >= len(items)
        or items[i - 1].text not in _OPEN_QUOTES
        or items[j].text not in _CLOSE_QUOTES
    ):
        return False
    k = i - 2
    small = 0
    while (
        k >= 0
        and items[k].kind == WORD
        and (
            low[k] in vocab["articles"]
            or low[k] in _OF
            or low[k] in ("ng", "to")
            or low[k] in ("siya", "niya", "nila", "sila")  # 'Kumakanta siya ng "Tala"'
        )
    ):
        k -= 1
        small += 1
        if small > 2:
            return False
    return (
        k >= 0
        and items[k].kind == WORD
        and (low[k] in vocab["title_words"] or _phrase_ends(low, k, vocab["title_words"]))
        and _only_a_title(items, low, i, j, vocab)
    )


_CAMEL_PART = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*|[a-zß-öø-ÿ]+")


def _a_hashtag_of_words(items: tuple[Token, ...], i: int, j: int, ctx: NameContext) -> bool:
    """The run is one word right after "#", and its capitals split it into common words of the text's
    languages: a hashtag ("#LiberdadeNãoTemPreço"). A name run together ("#JuanPerez") is not."""
    if j != i + 1 or i == 0 or items[i - 1].text != "#" or items[i - 1].end != items[i].start:
        return False
    parts = _CAMEL_PART.findall(items[i].text)
    if len(parts) < 2 or "".join(parts) != items[i].text:
        return False
    return all(
        ctx.frequency(p.casefold()) >= 3.0
        and not (
            ctx.given(p.casefold()) and not ctx.knowledge.more_word_than_name(p.casefold(), ctx.languages)
        )
        for p in parts
    )


_LISTED_NAMES = ("public_bodies", "agencies", "laws", "festivals", "brands")


def _inside_a_listed_name(
    items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary
) -> bool:
    """The run is part of a listed body's, law's, event's or brand's name of three words or more that a
    lowercase word splits into runs ("Australian Centre TO Counter Child Exploitation"): the name
    starts with a capital at or before the run, ends at or after it, and holds no punctuation."""
    lexicon = vocab.union(_LISTED_NAMES)
    for k in range(max(0, i - 8), i + 1):
        if items[k].kind != WORD or not items[k].cap:
            continue
        n = lexicon.match(low, k)
        if (
            n >= 3
            and k + n >= j
            and (k < i or k + n > j)
            and all(items[m].kind == WORD for m in range(k, k + n))
        ):
            return True
    return False


def _a_listed_figures_work(
    items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary
) -> bool:
    """The run is inside quotation marks that a listed figure's name follows with "by", "de" or "ni"
    ('"Tadhana" ng Up Dharma Down', '"Evidências", de Chitãozinho & Xororó', '"Volver, Volver" by
    Vicente Fernández'): the title of that figure's work, whatever its words."""
    span = _quoted_span(items, i, j, shortest=1)
    if span is None:
        return False
    a, b = span[0] - 1, span[1]
    if not _only_a_title(items, low, a + 1, b, vocab) or any(
        vocab.union(_PLACE_OR_HOME_WORDS).match(low, m) for m in range(a + 1, b) if items[m].kind == WORD
    ):
        return False  # 'ang "Bahay Pag-asa" ng …': a home's name, whoever's it is
    k = b + 1
    if k < len(items) and items[k].text == ",":
        k += 1
    if k >= len(items) or low[k] not in vocab["by_words"]:
        return False
    start = k + 1
    end = start
    while (
        end < len(items) and items[end].kind == WORD and (items[end].cap or low[end] in vocab["connectors"])
    ):
        end += 1
    while end > start and not items[end - 1].cap:
        end -= 1
    return end > start and items[start].cap and _figures_listed(low, list(range(start, end)), vocab)


def _only_a_title(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """Nothing in the run says it is more than a title: 'the song "Sitio Malipayon"' is her village, and in
    'suena «Cocina Doña Chela»' a relative's or a body's word names a person or a place, not a song."""
    return not _names_a_place_or_body(low, i, j, vocab) and not any(
        vocab.union(_PERSON_OR_BODY_WORDS).match(low, m) for m in range(i, j) if items[m].kind == WORD
    )


def _title_called(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The run follows a naming phrase right after a word for a song, a film or a book: "a song called
    Amazing Grace", "una canción llamada Cielito Lindo", "uma música chamada Sodade", "isang kantang
    tinatawag na Tadhana". A title, as in quotation marks ("a man called Costa" is a person's name)."""
    k = i - 1
    if k < 1 or items[k].kind != WORD:
        return False
    n = _phrase_or_word(low, k, vocab["naming_phrases"])
    t = k - n
    return (
        n > 0
        and t >= 0
        and items[t].kind == WORD
        and not items[t].cap
        and low[t] in vocab["title_words"]
        and _only_a_title(items, low, i, j, vocab)
    )


def _quoted_span(items: tuple[Token, ...], i: int, j: int, shortest: int = 2) -> tuple[int, int] | None:
    """The quotation or italics around tokens i..j: (first word, end) inside the marks, `shortest` to
    eight tokens, no other mark inside; None when the run is not inside one."""
    a = i - 1
    while a >= 0 and i - a <= 9 and items[a].text not in _OPEN_QUOTES:
        if items[a].kind == PUNCT and items[a].text not in (",", "-", "'", "’", ":", "!", "?"):
            return None
        a -= 1
    b = j
    while b < len(items) and b - j <= 9 and items[b].text not in _CLOSE_QUOTES:
        if items[b].kind == PUNCT and items[b].text not in (",", "-", ":", "!", "?"):
            return None
        b += 1
    if a < 0 or b >= len(items) or items[a].text not in _OPEN_QUOTES or items[b].text not in _CLOSE_QUOTES:
        return None
    if items[a].text in ("*", "_") and items[b].text != items[a].text:
        return None
    if b - a - 1 > 8 or b - a - 1 < shortest or not items[a + 1].cap:
        return None
    return a + 1, b


def _inside_a_title(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run is part of a title in quotation marks or italics, with no word for a song or a book before
    it ("clásicos como «Cielito Lindo»", "*Le Petit Prince*", '"Ang Pasko ay Sumapit"'): two words or
    more, one of them a common word of the text's languages that is no given name, the first no given
    name ("Rosa Flores" in quotation marks is a woman); no kinship word, title, place or school word in
    it, and no naming word, "in" (`not_before_titles`), a place's, a home's or a kinship word in the four
    words before it ('they call her "La Negra"', 'en «Las Flores»', 'la colonia «Lomas del Sol»')."""
    span = _quoted_span(items, i, j)
    if span is None:
        return False
    a, b = span
    words = [k for k in range(a, b) if items[k].kind == WORD]
    vocab = ctx.vocab
    if _speech(items, low, a, b, vocab):
        return False  # '"Flores te va a buscar esta noche", le dijo': what someone said, not a title

    def a_name(w: str) -> bool:
        return ctx.given(w) and not ctx.knowledge.more_word_than_name(w, ctx.languages)

    if len(words) < 2 or any(a_name(low[k]) or low[k] in ctx.declared.person_phrases for k in words):
        return False  # 'una carta, "Querida Carmen Ruiz"'; "Cielito Lindo", "Le Petit Prince" are words
    person_or_body = vocab.union(_PERSON_OR_BODY_WORDS)
    if any(person_or_body.match(low, k) for k in range(a, b)):
        return False
    before = [low[k] for k in range(max(0, a - 4), a) if items[k].kind == WORD]
    played = (
        a > 1
        and items[a - 2].kind == WORD
        and (low[a - 2] in vocab["title_words"] or _phrase_ends(low, a - 2, vocab["title_words"]))
    )
    if (
        before
        and not played
        and (  # 'una tienda suena «Amor eterno»': what plays is a song
            before[-1] in vocab["not_before_titles"]
            or before[-1] in vocab["locatives"]
            or any(vocab["naming_phrases"].match(before, k) for k in range(len(before)))
            # 'la colonia «Lomas del Sol»', 'ang kanilang barangay, "Bagong Pag-asa"': a place's word before
            or any(vocab.union(_PLACE_OR_HOME_WORDS).match(before, k) for k in range(len(before)))
        )
    ):
        return False
    return any(
        low[k] in ctx.function_words
        or (not a_name(low[k]) and ctx.frequency(low[k]) >= 3.0 and ctx.place(low[k]) is None)
        for k in words
    )


def _speech(items: tuple[Token, ...], low: list[str], a: int, b: int, vocab: Vocabulary) -> bool:
    """The quotation a..b is what someone said: a comma at its closing mark and a word of speech
    (`speech_verbs`) within a few words after it, or one right before its opening mark ("she told me:
    «…»")."""
    said = vocab["speech_verbs"]
    marks = (",", "!", "?")
    # "« Blanc m'a vendue », dit-elle": a verb with its pronoun after a quotation that opens the sentence
    # ("Son livre préféré est « Le Petit Prince », dit-elle" keeps its title)
    opens = not any(items[m].kind == WORD for m in range(a - 1))
    if (items[b - 1].text in marks or (b + 1 < len(items) and items[b + 1].text in marks)) and any(
        items[m].kind == WORD and (said.match(low, m) or (opens and low[m].split("-")[0] in said))
        for m in range(b + 1, min(len(items), b + 8))
    ):
        return True  # '"…esta noche", le dijo', '"…tonight," one of the men told her' ('She sang
        # "Amazing Grace" at the service, her teacher said': a title inside the sentence)
    m = a - 2
    while m >= 0 and items[m].kind == PUNCT and items[m].text in (":", ","):
        m -= 1
    return m >= 0 and items[m].kind == WORD and (low[m] in said or _phrase_ends(low, m, said))


def _classes(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> dict[int, int]:
    """The class of every word of the run: phrases first (longest), then word by word."""
    classes: dict[int, int] = {}
    vocab = ctx.vocab
    whole = _country_in_lowercase(items, i, j, ctx)
    if whole is not None:
        return {m: whole for m in range(i, j)}
    k = i
    for back in (1, 2):
        # "a la Purísima", "la Selecta en el corazón", "pelo boi Caprichoso": a listed public name whose
        # first words, in lowercase, stand before the run
        start = i - back
        if start < 0 or not all(items[m].kind == WORD and not items[m].cap for m in range(start, i)):
            break
        if start > 0 and low[start - 1] in _AT:
            break  # "creció en la Purísima": a neighbourhood named for the feast, where she lived
        n = vocab.union(_ARTICLED_PUBLIC).match(low, start) - back
        if 0 < n <= j - i:
            for m in range(i, i + n):
                classes[m] = KNOWN
            k = i + n
            break
    while k < j:
        if items[k].kind != WORD:
            k += 1
            continue
        n, cls = _phrase(low, k, j, ctx)
        marked = vocab.possessive_names.get(tuple(low[k : k + n])) if n > 1 and cls == KNOWN else None
        if marked and not all(items[k + m].possessive for m in marked):
            n = 0  # "John Smith picked her up": not the beer "John Smith's", someone
        if n:
            for m in range(k, k + n):
                classes[m] = cls
            k += n
            continue
        classes[k] = _word_class(items, low, k, i, j, ctx)
        k += 1
    for m in range(i, j):
        if items[m].kind == WORD and low[m] in vocab["connectors"] and not items[m].cap:
            classes[m] = KNOWN
    return classes


def _country_in_lowercase(items: tuple[Token, ...], i: int, j: int, ctx: NameContext) -> int | None:
    """The class of a country's name whose last words are written in lowercase, as French,
    Spanish and Portuguese write them ("l'Arabie saoudite", "Guinée équatoriale", "Émirats arabes unis"):
    the run and the one or two lowercase words after it name the place."""
    for n in (1, 2):
        end = j + n
        if end > len(items) or not all(items[m].kind == WORD and not items[m].cap for m in range(j, end)):
            break
        place = ctx.place(" ".join(items[m].text for m in range(i, end)))
        if place is not None and place.level == COUNTRY and not ctx.given(items[i].low):
            return COARSE_PLACE  # not a state ("Carolina del norte", "Hope town": a nickname, a village)
    return None


def _phrase(low: list[str], k: int, j: int, ctx: NameContext) -> tuple[int, int]:
    """(words, class) of the longest declared, public or place phrase starting at k, within the run.

    Remembered for the document: it depends on the run's words from k on alone, and a name is read
    again wherever it comes back (and by several readers of one run)."""
    key = ("phrase", " ".join(low[k:j]))  # tokens hold no spaces
    if key not in ctx.memo:
        ctx.memo[key] = _longest_phrase(low[k:j], ctx)
    return ctx.memo[key]  # type: ignore[no-any-return]


def _longest_phrase(sub: list[str], ctx: NameContext) -> tuple[int, int]:
    best = (0, UNKNOWN)
    fine = ctx.declared.fine_places.match(sub, 0)
    if fine:
        return fine, FINE_PLACE  # the site says so: finer than it may publish, whatever else it is
    for lexicon, cls in (
        (ctx.declared.person_phrases, DECLARED),
        (ctx.declared.phrases, DECLARED),
        (ctx.declared.places, COARSE_PLACE),
    ):
        n = lexicon.match(sub, 0)
        if n > best[0]:
            best = (n, cls)
    if len(sub) > 1:
        n = ctx.vocab.union(_PUBLIC_PHRASES).match(sub, 0)
        if n > 1 and n > best[0]:
            best = (n, KNOWN)
    for n in range(min(ctx.knowledge.longest_place, len(sub)), 1, -1):
        if n <= best[0]:
            break
        place = ctx.place(" ".join(sub[:n]))
        if place is not None:
            best = (n, COARSE_PLACE if place.level <= ctx.precision else FINE_PLACE)
            break
    if (
        best[0] < 3
        and len(sub) > 2
        and sub[0] in ctx.vocab["state_words"]
        and (sub[1] in _OF or sub[1] == "ng")
    ):
        for n in range(min(ctx.knowledge.longest_place, len(sub) - 2), 0, -1):
            country = ctx.place(" ".join(sub[2 : 2 + n]))
            if country is not None and country.level == COUNTRY:
                return n + 2, COARSE_PLACE  # "República de Moçambique", "Republic of Moldova": the country
    if best[0] < 2 and len(sub) > 1 and _demonym(" ".join(sub[:2]), ctx):
        best = (2, KNOWN)  # "Sri Lankan", "Sierra Leonean": the people of a country of two words
    return best


def _demonym(name: str, ctx: NameContext) -> bool:
    key = ("demonym", name)
    if key not in ctx.memo:
        ctx.memo[key] = ctx.knowledge.demonym(name)
    return ctx.memo[key]  # type: ignore[no-any-return]


def _word_class(items: tuple[Token, ...], low: list[str], k: int, i: int, j: int, ctx: NameContext) -> int:
    cls = _plain_word_class(items, low, k, i, j, ctx)
    w = low[k]
    if cls == UNKNOWN and len(w) > 3 and w in ctx.declared.phrases.words and ctx.place(w) is None:
        return DECLARED  # "Travessia" of the declared "Instituto Travessia": the site's own name, short
    return cls


_FILIPINO = 4  # its index in knowledge.LANGUAGES


def _linked_word(w: str, vocab: Vocabulary) -> bool:
    """A Filipino word with its linker, "-ng" after a vowel or "'t" (at): the word itself is a people's
    word, a number or another known word ("Pilipinang" is "Pilipina", "Dalawampu't" is "dalawampu")."""
    for linker in ("ng", "'t"):
        stem = w[: -len(linker)]
        if (
            w.endswith(linker)
            and len(stem) >= 4
            and stem[-1] in "aeiou"
            and (stem in vocab.known or stem in vocab.number_words or stem in vocab.public)
        ):
            return True
    return False


def _frequent_linked_word(w: str, ctx: NameContext) -> bool:
    """A frequent Filipino word with its linker or its "ay" run in ("Migranteng Manggagawa" is
    "migrante", "Sana'y samahan" is "sana ay"), the word no given name unless it is more a word than a
    name ("si Rosang", "Rosa'y umalis" are Rosa)."""
    for linker, least in (("ng", 3.5), ("'y", 4.5)):
        stem = w[: -len(linker)]
        if not w.endswith(linker) or len(stem) < 3 or stem[-1] not in "aeiou":
            continue
        if ctx.knowledge.zipf(stem)[_FILIPINO] >= least and (
            not ctx.given(stem) or ctx.knowledge.more_word_than_name(stem, (_FILIPINO,))
        ):
            return True
    return False


def _plain_word_class(
    items: tuple[Token, ...], low: list[str], k: int, i: int, j: int, ctx: NameContext
) -> int:
    t = items[k]
    w = low[k]
    vocab, know = ctx.vocab, ctx.knowledge
    if i > 0 and _phrase_ends(low, i - 1, vocab["real_name_phrases"]):
        return NAME_LIKE  # "Ang tunay niyang pangalan ay Ligaya Dalisay": a real name, whatever its words
    if w in ctx.declared.person_phrases or w in ctx.declared.phrases:
        return DECLARED
    if w in vocab["titles"] and ctx.given(w) and _after_a_name(items, low, k, i, ctx):
        return NAME_LIKE  # "Asha Begum": a title comes before a name; after one, a name's word is a name
    if w in ctx.declared.places:
        return COARSE_PLACE
    if (
        w.startswith("saint-")
        and k > 0
        and low[k - 1] == "la"
        and _FRENCH in ctx.languages
        and (
            k < 2
            or items[k - 2].kind != WORD
            or low[k - 2] in _FEAST_PREPOSITIONS
            or (k > 2 and low[k - 2] == "de" and low[k - 3] in vocab["festival_words"])
        )
    ):
        return COMMON  # "à la Saint-Jean-Baptiste", "la fête de la Saint-Jean": a masculine saint after
        # "la" is his feast day ("près de la Saint-Jean-Baptiste" is his church)
    if (
        j == k + 1
        and _FILIPINO in ctx.languages
        and j + 1 < len(items)
        and low[j] == "ang"
        and items[j + 1].kind == WORD
        and vocab["naming_after"].match(low, j) > 1
        and low[j + 1] not in _NAMES_OF_PEOPLE  # "Magtanggol ang apelyido ng kanyang ina": below
        and w not in ctx.function_words
        and w not in vocab["bare_subjects"]  # "Doon ang bahay nila": there
    ):
        # "Ilaya ang barangay nila Mira": the name of her barangay, whatever the word; "Cebu ang
        # probinsya nila": the province, a place the site may name
        named = ctx.place(w)
        return COARSE_PLACE if named is not None and named.level <= ctx.precision else FINE_PLACE
    if (
        k > 0
        and low[k - 1] == "taga"
        and _FILIPINO in ctx.languages
        and _an_unknown_home(w, ctx)
        and ctx.place(" ".join(low[k:j])) is None
    ):
        return FINE_PLACE  # "taga-Tondo", "Taga Payatas si Mira": where she is from, no place the site
        # may name (a city, a province or a region is read as any place is)
    if (
        _a_person_called(items, low, i, ctx)
        or (
            _after_a_role(items, low, i, vocab, comma=False) and _name_or_rare(w, ctx) and not know.demonym(w)
        )
        or (j == i + 1 and _an_owner(items, low, k, ctx) and _no_place_here(w, ctx))
    ):
        return NAME_LIKE  # "a man called Flores", "un hombre llamado Flores", "a girl named Hope", "la
        # camioneta de Campos", "Costa's silver van": a person's name, though a word or a place
    if t.upper and _caps_with_a_year(items, low, k, ctx):
        return NAME_LIKE  # "NENE 2014", "KOFI 2012", "ATE 2012": a name or a nickname and a birth year
    if t.initial and w not in ctx.lowercase and _named_in_apposition(items, low, k, ctx):
        return UNKNOWN  # "Estrada, a dona do bar, ficava…": the owner's name, though "estrada" is a word
    if (
        w in vocab.known
        and j == k + 1
        and not any(w in vocab[s] for s in _NOT_BARE_NAMES)
        and _a_surname_acting(items, low, k, j, ctx, bare_only=True)
    ):
        return UNKNOWN  # '"Calle me llevó a Juliaca"', "« Grand m'a vendue »": a word the vocabulary knows,
        # doing something to someone without its article, is someone's name
    if w in vocab.known or w in ctx.acronyms:
        return KNOWN
    if i == k and j == i + 1 and _code_shaped(items, k, ctx) and _cited_code(items, low, i, vocab):
        return KNOWN  # "§ 232b StGB", "art. 18 D.Lgs. 286/1998", "Criminal Code Act 1995 (Cth)"
    if _FILIPINO in ctx.languages and (_linked_word(w, vocab) or _frequent_linked_word(w, ctx)):
        return KNOWN  # "Pilipinang caregiver", "Dalawampu't dalawang taon": a known word and its linker
    if "-" in w and not t.upper:  # "Counter-Trafficking", "Anti-Human": each part a plain word
        if _FILIPINO in ctx.languages and know.taglish_verb(w):
            return COMMON  # "Nag-aapply na rin siya…": a Tagalog verb made of an English one
        parts = [p for p in w.split("-") if p]
        region = _upper_or_lower(parts, ctx)
        if region is not None:
            return region  # "Haute-Guinée", "Alto-Paraná": a part of a country or a state, as coarse
        if len(parts) > 1 and parts[0] == "taga" and _FILIPINO in ctx.languages:
            home = ctx.place(" ".join(parts[1:]))  # "Taga-Antique si Rodel": from the province of Antique
            if home is not None:
                return COARSE_PLACE if home.level <= ctx.precision else FINE_PLACE
            if t.text[5:6].isupper() and _an_unknown_home(parts[1], ctx):
                return FINE_PLACE  # "Taga-Tondo si Mira": from a place no gazetteer names, finer than a city
        if not t.initial and ctx.place(w) is None and _double_surname(t.text, parts, ctx):
            return UNKNOWN  # "Costa-Brown", "Ferreira-Lima": a double-barrelled surname, made of words
        if (
            parts
            and all(
                p in vocab.known
                or p in vocab.public  # "TESDA-certified"
                or p in vocab.number_words
                or (p.endswith("ième") and p[:-4] in ("un", "cinqu", "neuv"))  # "Vingt-et-unième"
                or p in ctx.acronyms
                or p in ctx.lowercase
                or (
                    ctx.frequency(p) >= 3.5
                    # "Pag-asa" (hope): a part that is a rare name but a frequent word is a word; "Jean-Pierre"
                    # is not ("jean" and "pierre" are more often names than words).
                    and (not ctx.given(p) or know.more_word_than_name(p, ctx.languages))
                    and ctx.place(p) is None
                )
                for p in parts
            )
        ):
            return COMMON
    if t.initial and w in ctx.function_words and len(w) <= 3:
        return COMMON  # "To", "The", "And" in a Title Case title or a slug: never a town of that name
    if (
        t.upper and not t.initial and len(w) >= 3
    ):  # "le DELF A2": an acronym mid-sentence, not a name in capitals
        return _acronym_class(items, low, k, ctx)
    if j < len(items) and items[j].kind == WORD and vocab["naming_after"].match(low, j) > 1:
        return NAME_LIKE  # "Magtanggol ang apelyido ng kanyang ina": a name, though also a word
    given = ctx.given(w)
    if (w in vocab["greetings"] or unaccented(w) in vocab["greetings"]) and _greeting_here(
        items, low, [k], ctx
    ):
        return KNOWN  # "« Jërëjëf ! »", '"Maltyox." Gracias.'
    if (
        (w in vocab.public or unaccented(w) in vocab.public)
        and (
            not given
            or _after_small_word(items, low, k, ctx)
            # "tuwing Pasko": a feast rarely a name ("Paško"; not "Momo", mobile money and a name)
            or (w in vocab["festivals"] and know.more_word_than_name(w, ctx.languages))
        )
        and not _lives_in(items, low, i, vocab)  # "lives in Sporting", "sells fish in Panay": where she
        # lives, a single listed word is a place there, region or not (Panay and Caraga are towns too)
        # a compiled word, or any listed word people are also called ("Every night McDonald drove her")
        and not (_only_compiled(w, vocab) and _a_brand_as_someone_or_somewhere(items, low, k, i, ctx))
        and not (
            fold(w) in know.surnames and _a_brand_as_someone_or_somewhere(items, low, k, i, ctx, where=False)
        )
    ):
        return KNOWN  # "Tết"; "pour Noël", "during Ramadan": the feast, though people are called that
    place = ctx.place(w)
    # one word, or one of two joined ("sold by Brown and Hill"): each may be whom the sentence says acted
    alone = j == k + 1 == i + 1 or (
        j == i + 3 and k in (i, i + 2) and low[i + 1] in vocab["list_joiners"] and not items[i + 1].cap
    )
    if (
        alone
        and (ctx.given(w) or fold(w) in know.surnames)  # "recruited by Boots", "captada por Internet"
        # a big city, a country, or a state or a town of the story's own is the place ("battue par Lyon",
        # "It was Leeds who…"; another country's state or town is not: "aliciada por Rocha" in Brazil)
        and (place is None or (place.level > COUNTRY and _a_town_acting(w, place, ctx)))
        and _may_be_someone(items[k], w, ctx)
        and (
            (_a_person_suffered_by(items, low, i, ctx) and not _a_job_after(items, low, j, vocab))
            or _before_a_persons_who(items, low, k, place, ctx)
            or (place is None and _answers_a_persons_who(items, low, k))
            or _the_speaker(items, low, k, ctx)
            or _whose_people(items, low, k, ctx)
        )
    ):
        return UNKNOWN  # "vendida por Flores", "vendue par Blanc", "sold by Stone": who sold her; "Fue
        # Campos quien la vendió", "It was Stone who…": only a person is "who", whatever else the word is
    agent = (  # "aliciada por João Pereira": who did it ("Son équipe a été battue par Lyon": the club)
        place is not None
        and _a_person_suffered_by(items, low, i, ctx)
        and not _a_job_after(items, low, j, vocab)
    )
    located = not agent and (
        _locative_before(items, low, i, vocab)
        or _followed_by_place(items, j)
        or (place is not None and place.population >= _BIG_CITY and _place_verb_before(items, low, i, vocab))
    )
    if j == k + 1 and not ctx.english and _agent_after_its_verb(items, low, k, ctx):
        return UNKNOWN  # "La captó Rey en la puerta del colegio": who did it, after the verb
    if (
        j == k + 1
        and not located
        and (place is None or _a_town_acting(w, place, ctx) or _done_by_hand(items, low, j, ctx))
        and _a_surname_acting(items, low, k, j, ctx)
    ):
        return UNKNOWN  # "García la llevaba al mercado", "Cada noche Campos la recogía", "Every night Brown
        # drove her": a surname doing something to someone, not the town or the word of that name
    if place is not None and place.level <= STATE:
        return COARSE_PLACE if place.level <= ctx.precision else FINE_PLACE
    if (
        place is not None
        and place.region
        and (_region_named(items, low, i, j, vocab) or _among_states(items, low, k, k + 1, ctx))
    ):
        return COARSE_PLACE  # "la région de Kédougou", "Beja district", "Puebla y Tlaxcala": the region
    if (
        place is not None
        and not agent
        and (located or not given or _a_world_city_before_a_name(w, place, ctx))
    ):
        if place.level <= ctx.precision:
            return COARSE_PLACE
        if (
            located
            or (
                ctx.frequency(w) < 3.0
                # "Aliciada para…" opening a sentence: a form of a common verb before a hamlet of that name
                and not (t.initial and know.lemma_frequency(w, ctx.languages) >= 3.0)
            )
            or _town_opens(items, low, k, j, place, ctx)
        ):
            return FINE_PLACE
    if _after_a_role(items, low, i, vocab, comma=True) and _name_or_rare(w, ctx):
        return NAME_LIKE  # "the driver, Brown, picked her up" ("The survivors, Manila's finest": a place)
    if given:
        if w in ctx.lowercase or ((t.initial or t.upper) and know.more_word_than_name(w, ctx.languages)):
            return COMMON  # "Hope is the word…", "Will she go back?"
        if t.initial and j == k + 1 and _adjective_before_its_noun(items, low, k, ctx):
            return COMMON  # '"Young people like…"': an adjective and its noun; "Young drove her" is someone
        return NAME_LIKE
    if t.upper:
        return _acronym_class(items, low, k, ctx)
    if w in ctx.lowercase or w in vocab.number_words or w in vocab.ages_in_words:
        return COMMON  # "Edad na Labintatlo" in a title: a number
    if "-" in w and _a_hyphenated_word(w, ctx):
        return COMMON
    if know.demonym(w):
        return KNOWN  # "Moldovan", "Camerounaises": a country's people
    people_of = know.place_demonym(w)
    if (
        people_of is not None
        and people_of.level <= min(ctx.precision, CITY)
        and (people_of.level < CITY or people_of.population >= _BIG_CITY)
        and not (k > 0 and (low[k - 1] in vocab["articles"] or low[k - 1] in vocab["family_articles"]))
    ):
        return KNOWN  # "why Aucklanders love…": the people of a state or a large city ("the Romanos" is a
        # family)
    z = max(
        ctx.frequency(w),
        know.inflected_frequency(w, ctx.languages),
        know.prefixed_frequency(w, ctx.languages),
    )
    if t.initial:  # a capital says nothing here: a common word of the text, or a very common one of any
        if ctx.surname(w):
            return UNKNOWN  # "Benítez la recogía…": frequent in text because people are called it
        if w in ctx.lowercase:
            return COMMON  # "Dakar Enfant Talibé" (a file name) where the text writes "les talibés"
        z = max(z, know.compound_frequency(w, ctx.languages))  # a tag or a title: "Peacebuilding"
        if z < 2.5:  # a verb or an adjective opening a title or a sentence: "Reconstrói", "Alertée"
            z = max(z, know.lemma_frequency(w, ctx.languages))
        if z < 2.5 and _tagalog_predicate(items, low, k, ctx):
            return COMMON  # "Natunton ng pulis…", "Pagdaong ng bangka…": a verb opening the sentence
        if z < 2.5 and _participle_opening(items, low, k, j, ctx):
            return COMMON  # "Aliciada com presentes…", "Aliciado no Maranhão…": a verb opening the sentence
        if z >= 2.5 and _surname_like_participle(items, low, k, ctx):
            return UNKNOWN  # "Hurtado con su esposa la llevó a Lima": a surname, though "hurtado" is a word
        # Any word of the languages' dictionaries (the table keeps none rarer than 2.5) that is no one's
        # name and no place: a tag's "seafarers", a title's "Temporeras", "Remittances" opening a sentence
        return COMMON if z >= 2.5 or know.frequency(w) >= 4.5 else UNKNOWN
    official = _official(low, i, j, vocab) or _official_name_near(items, low, i, j, ctx)
    if not official and ctx.surname(w):
        return UNKNOWN  # "Every night Jenkins picked her up"; in a body's or a law's name a surname is
        # the name's ("Mahatma Gandhi National Rural Employment Guarantee Act")
    if ctx.english or official or _national(low, j, ctx):
        if z < 3.3:  # "Centre for Combating Trafficking": a form of a common word
            z = max(z, know.lemma_frequency(w, ctx.languages))
        # In a body's or a law's name that says what it does in two words or more, any dictionary word
        # will do: "District Vigilance Committee", "Ley de Migración y Extranjería", "Junta Cantonal de
        # Protección" ("Fundación Mamani" names a family, and stops)
        caps = [m for m in range(i, j) if items[m].kind == WORD and items[m].cap]
        heads = (vocab["org_words"], vocab["law_words"])
        law = bool(caps) and low[caps[0]] in vocab["law_words"]  # "Lei do Cibercrime": a law's subject
        while caps and any(low[caps[0]] in h for h in heads):
            caps.pop(0)  # the body's own word, first ("Fundación Mamani") or last ("Quispe Foundation")
        while caps and any(low[caps[-1]] in h for h in heads):
            caps.pop()
        subject = sum(1 for m in caps if not ctx.given(low[m]))
        several = official and (
            subject > 1 or (law and subject == len(caps) == 1) or _spelled_after(items, j, ctx)
        )
        return COMMON if z >= 3.3 or (several and z >= 2.5) else UNKNOWN
    # Outside English a capital mid-sentence means a name, but a name of what? A frequent word of the
    # language in a name of several words names an event, a body or a campaign ("Día Mundial", "Marcha
    # das Margaridas"); alone it must be very frequent ("Couronne"). An English word in a Filipino or
    # French text is read as English ("World Day against Trafficking").
    words = sum(1 for m in range(i, j) if items[m].kind == WORD)
    if z >= (4.0 if words > 1 else 4.5) or ctx.frequency(w, english_only=True) >= 3.3:
        return COMMON
    if words > 1 and _english_loanword(w, ctx):
        return COMMON  # "Minimum Allowable Wage", "Caregiving NC II" in a Filipino text (alone, "sa
        # Starlight, isang videoke bar" is the bar's name)
    if words == 1 and _french_body_name(items, low, k, j, ctx):
        return COMMON  # "le programme d'Indemnisation des victimes d'actes criminels"
    return UNKNOWN


def _a_world_city_before_a_name(w: str, place: Place, ctx: NameContext) -> bool:
    """A capital or a city of a million people that the name dictionary knows only as a rare given name
    ("London", "Houston", "Manila"): the city, even with no preposition before it ("Location: London")."""
    return (
        place.level <= CITY
        and (place.capital or place.population >= 1_000_000)
        and ctx.knowledge.given_names.get(fold(w), 0) <= 2
    )


def _adjective_before_its_noun(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """In English, a very frequent word that is also a name, opening a sentence before a frequent noun
    ("Young people…", "Young women…"): no verb there says someone ("Young drove her", "Young walks")."""
    n = k + 1
    if not ctx.english or n >= len(items) or items[n].kind != WORD or items[n].cap:
        return False
    nxt = low[n]
    vocab = ctx.vocab
    return (
        ctx.frequency(low[k]) >= 5.0
        and not any(nxt in vocab[s] for s in ("connectors", "articles", "list_joiners", "person_words"))
        and nxt not in _PREPOSITIONS
        and nxt not in _WHO
        and ctx.frequency(nxt) >= 4.0
        and not ctx.knowledge.english_past_or_present(nxt)
    )


# Words only a person is: "Bello HIMSELF came", "Manalo MISMO ang sumusundo" (a town "also" does things).
_INTENSIVE = frozenset(
    {"himself", "herself", "lui-même", "elle-même", "mismo", "misma", "mesmo", "mesma", "mismong"}
)
# Prepositions of going and coming: a word after one is where someone went or came from.
_GONE_TO = frozenset({"a", "à", "to", "into", "from", "desde", "hacia", "hasta", "até", "vers", "para", "toward",
                      "towards", "papuntang", "patungong", "taga", "depuis"})  # fmt: skip
_WHO = frozenset({"who", "quien", "quienes", "quem", "qui"})  # "Fue Paiz quien…", "C'est Oca qui…"

# The sections compiled in bulk from general knowledge: their single words are also villages and
# surnames the knowledge tables do not hold (red team 30: "Cada noche Paiz la recogía", "vive en Tambo").
_COMPILED = ("brands", "natural_features", "agencies")


def _only_compiled(w: str, vocab: Vocabulary) -> bool:
    """The word is public only by a bulk-compiled section, no hand-kept one."""
    return any(w in vocab[c].single for c in _COMPILED) and not any(
        w in vocab[s].single for s in PUBLIC_SECTIONS if s not in _COMPILED
    )


def _a_brand_as_someone_or_somewhere(
    items: tuple[Token, ...], low: list[str], k: int, i: int, ctx: NameContext, *, where: bool = True
) -> bool:
    """A brand's or a river's single word read as a person or a place: after a preposition of place
    ("vive en Tambo", "from Kalunga"; not with `where` off), or doing something ("Paiz la recogía", "Oca
    drove her", "Perdigão vinha")."""
    j = k + 1
    if _COINED.match(items[k].text):
        return False  # "no CadÚnico", "en EsSalud": a capital inside a coined name, no village's or person's
    # after any preposition of place a few words before, as for a place ("Nació en Chilchota", "La
    # encontraron en Peñafiel": springs and villages that gave water and beer their names)
    if where and _locative_before(items, low, i, ctx.vocab):
        return True
    if _object_pronouns_before_a_verb(items, low, j, ctx) > 0:
        return True
    if (
        where
        and i > 0
        and items[i - 1].kind == WORD
        and low[i - 1] in _GONE_TO
        and not (ctx.english and low[i - 1] == "a")
    ):
        return True  # "La llevaron a Tambo", "hasta Güitig": where she was taken (the personal "a" too;
        # in English "a" is an article: "a Monzo account")
    if j >= len(items) or items[j].kind != WORD or items[j].cap:
        return False
    if low[j] in _WHO or (
        j + 1 < len(items) and items[j + 1].kind == WORD and _who_did_it(low[j], low[j + 1], ctx)
    ):
        return True  # "Foi Perdigão quem a levou", "Tuwing gabi, Oca ang sumusundo sa kanya"
    if ctx.english:
        return ctx.knowledge.english_past_or_present(low[j]) and not low[j].endswith("s")
    return ctx.knowledge.verb_form(low[j], ctx.languages) or low[j] in _AUXILIARIES


# A capital inside a word, not after a surname's prefix ("McDonald", "DeLeón", "LeBlanc" are people)
# Words of a rank that are no title on their own ("Detective CHIEF Inspector", "DEPUTY Commissioner")
_RANK_WORDS = frozenset({"chief", "deputy", "senior", "acting", "assistant", "principal", "head", "lead"})
_COINED = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|O)[A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+[A-ZÀ-ÖØ-Þ]"
)
_AUXILIARIES = frozenset({"ia", "iba", "va", "vai", "allait", "foi", "fue", "est", "a", "ha", "há"})
_FRENCH = 1  # its index in knowledge.LANGUAGES


def _french_body_name(items: tuple[Token, ...], low: list[str], k: int, j: int, ctx: NameContext) -> bool:
    """French writes a body's or a programme's name with a capital on its first word only ("l'Aide
    sociale à l'enfance", "le programme d'Indemnisation des victimes"): a common French word after a
    singular article or "de", then "de", "à" or "pour" and a common lowercase word, names what the body
    does (`body_name_articles`, `body_name_links`). Not after "les" ("chez les Boucher de la rue": a
    family) nor "au" ("au Paradis": a place), and not a given name or a place (read before this)."""
    if _FRENCH not in ctx.written_in or k == 0 or j + 1 >= len(items):
        return False
    know = ctx.knowledge
    nxt = items[j + 1]
    return (
        low[k - 1] in ctx.vocab["body_name_articles"]
        and know.zipf(low[k])[_FRENCH] >= 3.0
        and items[j].kind == WORD
        and not items[j].cap
        and low[j] in ctx.vocab["body_name_links"]
        and nxt.kind == WORD
        and not nxt.cap
        and low[j + 1] not in ctx.function_words  # "pour des hommes": not what a body does
        and know.zipf(low[j + 1])[_FRENCH] >= 3.0
    )


_PARTICIPLE_ENDINGS = ("ados", "adas", "ada", "idos", "idas", "ida")  # and their singular masculine, "-ado"


def _participle_opening(items: tuple[Token, ...], low: list[str], k: int, j: int, ctx: NameContext) -> bool:
    """A Spanish or Portuguese past participle opening a sentence, then a preposition
    (`after_participle_words`: "Aliciada com presentes", "Aliciado no Maranhão", "Rescatadas en…"): the
    form of a verb, whatever its frequency. A surname shaped like one is followed by a verb or a comma,
    not by "no" or "con"."""
    w = low[k]
    if (
        j >= len(items)
        or items[j].kind != WORD
        or items[j].cap
        or low[j] not in ctx.vocab["after_participle_words"]
    ):
        return False
    for ending in ("ado", *_PARTICIPLE_ENDINGS):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            masculine = w[: -len(ending)] + ("ado" if ending.startswith("a") else "ido")
            return ctx.knowledge.verb_form(masculine, ctx.languages)
    return False


_SPANISH_AND_PORTUGUESE = (2, 3)  # their indices in knowledge.LANGUAGES


def _surname_like_participle(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """A Spanish or Portuguese surname shaped like a past participle opening a sentence ("Delgado la
    vigilaba", "Machado a vigiava"), not in lowercase anywhere in the story and not one of the language's
    most frequent words ("Mercado", "Estado"). Names travel into English text where words do not: a word
    of that shape that English uses nearly as often as the story's language (within 1.5 on the zipf
    scale, and at 2.5 or more, the word table's floor) is a name. "Rescatada", "Cansado", "Acompanhado"
    are rare in English. ("Hurtado", 2.25 in English, is below the table's floor: an open hole.)"""
    w = low[k]
    if not ctx.written_in or ctx.written_in[0] not in _SPANISH_AND_PORTUGUESE or w in ctx.lowercase:
        return False
    if any(items[m].kind == WORD for m in range(k)) or items[k].heading:
        return False  # a sentence's first word, not a title's or a tag's ("trabalho-forcado")
    if not w.endswith(("ado", "ada", "ido", "ida")):
        return False  # "Aficionados de todo el barrio": a plural is no one's surname
    zipf = ctx.knowledge.zipf(w)
    own, english = zipf[ctx.written_in[0]], zipf[0]
    return own < 4.5 and english >= 2.0 and own - english < 1.5


def _code_shaped(items: tuple[Token, ...], k: int, ctx: NameContext) -> bool:
    """Written as a code's short name, not as someone's: capitals inside ("StGB", "AufenthG", "CPF"), an
    abbreviation's dot ("D.Lgs."), or alone in brackets ("(Cth)"); and no one's given name."""
    t = items[k]
    inner = _capped(t.text)
    dotted = k + 1 < len(items) and items[k + 1].text == "." and k > 0 and items[k - 1].text == "."
    bracketed = 0 < k < len(items) - 1 and items[k - 1].text == "(" and items[k + 1].text == ")"
    return (inner or dotted or bracketed) and not ctx.given(t.low)


def _capped(text: str) -> bool:
    """Capitals inside a word as a code has them ("StGB", "AufenthG", "CPF"), not as a surname ("McDonald")."""
    return sum(c.isupper() for c in text) >= 2 and _SURNAME_CAPS.match(text) is None


_SURNAME_CAPS = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Da|Di|Du|La|Le|Van|Von)[A-Z]")


def _cited_code(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """A code's short name right after the number of the part of it cited: "§ 232b StGB", "§ 25 Abs.
    4a AufenthG", "art. 18 D.Lgs.", "Criminal Code Act 1995 (Cth)". Going back from the name: numbers
    and short words between them ("Abs."), then the section sign or a word that cites (`citation_words`)."""
    m, numbered = i - 1, False
    if m >= 0 and items[m].text == "(":
        m -= 1
    while m >= 0 and i - m <= 8:
        t = items[m]
        if t.kind == NUMBER or (t.kind == WORD and any(c.isdigit() for c in t.text)):
            numbered = True
        elif t.kind == PUNCT and t.text == "§":
            return numbered
        elif t.kind == WORD and numbered and vocab["citation_words"].match(low, m) == 1:
            return True
        elif not (t.kind == PUNCT and t.text in ".,") and not (
            t.kind == WORD and len(t.text) <= (4 if numbered else 2)  # "Abs.", the "b" of "232b", "D.Lgs."
        ):
            return False
        m -= 1
    return False


_ADVERB_ENDINGS = ("ly", "mente", "ment")  # "Suddenly", "Finalmente", "Heureusement"


def _named_in_apposition(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """A word opening a sentence, then someone's role between commas, then what they did: "Amado, el
    dueño del taller, la obligaba a coser", "Estrada, a dona do bar, ficava com o dinheiro dela". The
    word names that person, however common a word it also is. Not when it is one of the language's
    most frequent words (zipf 5 or more: "Entonces, el dueño…", "Depois, a dona…"), nor when what
    follows the second comma describes again ("…, un hombre mayor, …", "…, toujours ivre, …") or opens
    a clause ("…, que…")."""
    vocab, n, w = ctx.vocab, len(items), low[k]
    if any(items[m].kind == WORD for m in range(k)) or items[k].heading:
        return False
    if w in vocab["sentence_adverbs"] or w.endswith(_ADVERB_ENDINGS):
        return False  # "Meanwhile, the owner of the bar, …", "Finalmente, la dueña, …"
    if k + 2 >= n or items[k + 1].text != ",":
        return False
    # an article, or in the answer to "who" a possessive or nothing ("Campos, su vecino de toda la vida.",
    # "Blanc, voisin de sa tante.", "King, her mother's neighbour.")
    told = low[k + 2] in vocab["articles"]
    first = k + 3 if told or low[k + 2] in vocab["possessives"] else k + 2
    if first >= n:
        return False
    roles = vocab["life_roles"]
    m, role = first, False
    while m < n and m <= k + 9 and items[m].kind == WORD:
        role = role or (m <= k + 5 and bool(roles.match(low, m)))
        m += 1
    head = bool(roles.match(low, first)) or (first + 1 < n and bool(roles.match(low, first + 1)))
    answer = head and (m >= n or items[m].text in ".!?")  # the sentence is only the name and whose it is
    if not told and not answer:
        return False
    if answer:
        # "¿Quién la vendió? Campos, el vecino de su tía.", "Who sold her? King, a neighbour.": a name
        # and whose it is, all the sentence says (however frequent a word: "Blanc, le voisin de sa tante.");
        # the role is its head ("Shelter, the charity her teacher recommended." is the charity)
        return w not in ctx.function_words and w not in vocab["bare_subjects"] and not _not_bare_name(w, ctx)
    if not role or m + 1 >= n or items[m].text != ",":
        return False
    after = items[m + 1]
    if after.kind != WORD or after.cap:
        return False
    clitic = (  # "la", "le", "a", "o" before the verb ("…, la obligaba"), not before a person ("…, la tía")
        low[m + 1] in vocab["object_pronouns"]
        and m + 2 < n
        and items[m + 2].kind == WORD
        and not vocab.union(("person_words", "life_roles", "kinship")).match(low, m + 2)
    )
    if not clitic and vocab.union(("articles", "clause_openers", "connectors")).match(low, m + 1):
        return False
    if any(items[x].text == "," for x in range(m + 1, min(n, m + 7))):
        return False  # "Furioso, el dueño del taller, gritando, la encerró": a second aside, not a name's
    own = ctx.knowledge.zipf(low[k])[ctx.written_in[0]] if ctx.written_in else ctx.frequency(low[k])
    return own < 5.0


def _english_loanword(w: str, ctx: NameContext) -> bool:
    """An English word of six letters or more in a Filipino text, which Filipino writing never uses on
    its own: English's word table has it, Filipino's does not ("allowable", "caregiving", "remittance").
    Filipino surnames are in Filipino's table ("Villanueva", "Pangilinan"), whatever English's says."""
    know = ctx.knowledge
    return (
        _FILIPINO in ctx.languages
        and len(w) >= 6
        and ctx.frequency(w, english_only=True) >= 2.5
        and know.zipf(w)[_FILIPINO] == 0
        and ctx.place(w) is None
    )


# Prepositions that put someone somewhere: "studies at KGBV", "en el KGBV", "sa SNHS", "chez ABC".
_AT = frozenset(
    ["at", "in", "inside", "into", "to", "near", "en", "em", "no", "na", "nos", "nas", "num", "numa", "sa", "nasa",
     "à", "au", "aux", "chez", "dans"]
)  # fmt: skip


def _where_someone_is(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k stands where a place or an institution would ("studies at KGBV", "lives in the ABC"): after
    a preposition of place, an article between them or not, or right after a word of living or work."""
    vocab = ctx.vocab
    nxt = k + 1 if k + 1 < len(items) else None
    if nxt is not None and (
        (items[nxt].kind == NUMBER and items[nxt].text[:1].isdigit())  # "CIEP 318", "LAVC 1053 0314"
        or (
            items[nxt].kind == WORD
            and (low[nxt] in vocab["institution_words"] or low[nxt] in vocab["landmark_words"])
        )
    ):
        return True  # "a KGBV hostel"
    m = k - 1
    if m >= 0 and items[m].kind == WORD and low[m] in vocab["articles"]:
        m -= 1
    if m < 0 or items[m].kind != WORD:
        return False
    return low[m] in _AT or low[m] in vocab["residence_words"]


def _lives_in(
    items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary, section: str = "residence_words"
) -> bool:
    """The run comes right after a word of living or working and a preposition of place: "mora em
    Benfica", "lives in Sporting": a neighbourhood, whatever club is called that. A few words may stand
    between ("nakatira sila sa", "grew up in"); `section`: the words read ("dwelling_words": living and
    growing up only)."""
    k = i - 1
    while k >= 0 and items[k].kind == WORD and low[k] in vocab["articles"] and low[k] not in _AT:
        k -= 1  # "in the": the article; "no", "au" are a preposition and an article in one
    if k < 1 or items[k].kind != WORD or low[k] not in _AT:
        return False
    words = vocab[section]
    for m in range(max(0, k - 4), k):
        n = words.match(low, m) if items[m].kind == WORD else 0
        if n and m + n <= k + 1 and all(items[x].kind == WORD for x in range(m, k)):
            return True
    return False


def _at_home(
    items: tuple[Token, ...], low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> bool:
    """Where she lives or grew up, only a place explains a name: "cresceu no Flamengo", "nakatira sila
    sa Santo Niño", "grew up in Lake Sebu", "a grandi au Plateau" name her neighbourhood, whatever club,
    feast, lake or place word is called that. After a word of living or growing up and a preposition of
    place (`dwelling_words`), a listed word or name of the run (a team, a festival, a natural feature, a
    place's own word) or a common word written with a capital is unexplained, unless it is a large region, a compass point or a people's word
    ("lives in the Middle East", "grew up in the north"); places and declared names are read as ever."""
    vocab = ctx.vocab
    if not _lives_in(items, low, i, vocab, "dwelling_words") or any(
        low[m] == "chez" for m in range(max(0, i - 2), i)
    ):
        return False  # "vivait chez les Dupont": a family, which the family's rules read
    if i > 0 and low[i - 1] in vocab["indefinite_articles"]:
        return False  # "grew up in a Catholic family", "vit dans une famille Peule": words, not a place
    regional: set[int] = set()
    if _near_after(items, low, j, vocab) or _place_word_after(items, low, j, vocab):
        regional = set()  # "creció en el Bajío, a dos cuadras del mercado": no region is two blocks from
        # anything: her colonia; "cresceu no Guarani, um bairro pequeno": a neighbourhood
    else:
        for k in range(i, j):
            n = vocab.union(_WIDE_WORDS).match(low, k) if items[k].kind == WORD else 0
            if n == 1 and low[k] in vocab["regions"] and low[k] not in vocab["compass_words"]:
                n = 0  # a region of one word may be a town of that name too ("Lumaki siya sa Caraga")
            regional.update(range(k, k + n))
    for k in range(i, j):
        if classes.get(k) in (KNOWN, COMMON) and items[k].cap and not items[k].initial and k not in regional:
            classes[k] = UNKNOWN
    return True


_CULTURE = ("title_words", "team_words", "team_words_after", "culture_words")


def _public_figure(items: tuple[Token, ...], low: list[str], words_idx: list[int], ctx: NameContext) -> bool:
    """The run is a public figure's or a club's name (`public_figures`, `club_names`), all of it, told as
    culture: a word of songs, films or sport governs it, right before it with only "of", "by" or an
    article between ("les chansons de Fally Ipupa", "a poster of Pacquiao", "kanta ni Regine
    Velasquez"), a verb of listening or singing right before it ("ouvia a Cesária Évora"), or a word
    of culture right after it ("an old Taylor Swift album", "a green Chipolopolo shirt"). Never
    when a relative (a kinship word after a possessive or within three words), a person in her life
    (`life_roles`) or where someone lives is in the sentence, after a title or a word of company ("plays
    with Messi"), nor with a description of its own after a comma ("Alan García, the driver", "Michael
    Essien, who fostered her"): red team 18 named a choir leader, a pastor, a driver and a bar owner like
    listed figures in sentences full of music and football, and a word of culture a few words away
    proves nothing."""
    if not words_idx or any(items[k].kind != WORD for k in range(words_idx[0], words_idx[-1] + 1)):
        return False
    vocab = ctx.vocab
    first, last = words_idx[0], words_idx[-1]
    opener = None
    if (
        first > 0
        and low[first - 1] in vocab["articles"]
        and _figures_listed(low, [first - 1, *words_idx], vocab)
    ):
        pass  # "The Weeknd", whose article is part of the name
    elif not _figures_listed(low, words_idx, vocab):
        # "Ouve Amália Rodrigues…": a verb of listening opening the sentence, capitalised with the run
        if (
            len(words_idx) > 1
            and low[first] in vocab["title_words"]
            and _figures_listed(low, words_idx[1:], vocab)
        ):
            opener, first = first, words_idx[1]
        else:
            return False
    by = vocab["by_words"]

    def skip(k: int) -> int:
        while (
            k >= 0
            and items[k].kind == WORD
            # "Escucha a Rosalía", "ouvia a Cesária Évora": the personal "a" before whom one listens to
            and (
                low[k] in vocab["articles"]
                or low[k] in by
                or low[k] in ("a", "à", "ao")
                # "Fan siya nina…", "nakikinig siya kina…": the listener between the verb and whom
                or (low[k] in vocab["person_words"] and k > 0 and low[k - 1] in vocab["title_words"])
            )
        ):
            k -= 1
        return k

    before = opener if opener is not None else skip(first - 1)
    # "écoute Aya Nakamura, Gims et Soolking": the figures before it in the same list govern it too
    while before >= 1 and (items[before].text == "," or low[before] in vocab["list_joiners"]):
        start = _capitalised_run_before(items, low, before - 1, vocab)
        if start is None:
            break
        before = skip(start - 1)
    if (
        before >= 0
        and items[before].kind == WORD
        and (
            low[before] in vocab["titles"]
            or low[before] in vocab["company_words"]
            or _phrase_ends(low, before, vocab["company_words"])
        )
    ):
        return False
    nxt = last + 1
    if (
        nxt + 1 < len(items)
        and items[nxt].text == ","
        and items[nxt + 1].kind == WORD
        and (
            low[nxt + 1] in vocab["articles"]
            or low[nxt + 1] in vocab["possessives"]
            or low[nxt + 1] in vocab["indefinite_articles"]
            or low[nxt + 1] in vocab["clause_openers"]
            or low[nxt + 1] in ("who", "que", "qui", "na", "ang", "el", "la")
        )
    ):
        return False  # "Alan García, the driver, …", "Michael Essien, who …": a person described

    def culture(m: int) -> bool:
        return 0 <= m < len(items) and items[m].kind == WORD and bool(vocab.union(_CULTURE).match(low, m))

    # '"Historia de taxi" de Ricardo Arjona', '« Une si longue lettre » de Mariama Bâ': a work, then whose
    # (its title capitalised: 'el mensaje "ven ya" de…' is a message someone sent)
    governed = before < first - 1 and any(low[m] in by for m in range(before + 1, first))
    quote = before - 1 if before >= 1 and items[before].text == "," else before
    work = (
        governed
        and quote >= 1
        and items[quote].text in _CLOSE_QUOTES
        and items[quote - 1].kind == WORD
        and _quoted_span(items, quote - 1, quote, shortest=1) is not None
    )

    # "Her choir leader, Michael Essien, …", "Ang drayber ng jeep, si Efren Reyes", "Fally Ipupa, her
    # cousin", "lived with Sam Kerr": a person in her life, a relative or a home next to the name. Said
    # further away, they are about someone else ("At work he listens to Sơn Tùng M-TP; at home he
    # watches…", "comemora cada gol do Pedro e tem um pôster do Vinícius Júnior no quarto").
    roles = vocab["life_roles"]
    if any(
        items[m].kind == WORD
        and (
            (roles.match(low, m) and _within(items, m, first, last, 6))
            or _a_home_of(low, m, first, last, vocab)
            or (
                low[m] in vocab["kinship"]
                and low[m] not in ctx.not_kinship
                and (
                    _within(items, m, first, last, 3)
                    or (_owned(items, low, m, vocab) and _within(items, m, first, last, 6))
                )
            )
        )
        for m in range(len(items))
    ):
        return False  # "her aunt", "sa mère", "Fally Ipupa, her cousin" ("les autres filles" are girls)
    listened = before >= 0 and (
        low[before] in vocab["title_words"]
        or _phrase_ends(low, before, vocab["title_words"])
        or _phrase_ends(low, first - 1, vocab["title_words"])  # "ne jure que par Sadio Mané"
    )
    acts = False
    after = nxt
    if after + 1 < len(items) and items[after].kind == WORD and low[after] in vocab["copulas"]:
        after += 1  # "… est son chanteur préféré" is said of him; "… est venu la chercher", he acts
    if (
        after < len(items)
        and items[after].kind == WORD
        and not culture(after)
        and not _small_word(low[after], vocab)
    ):
        w = low[after]
        know = ctx.knowledge
        # "… telling her", "… shouted" (a bare "tell" reads like "while": not known); "… gritar", in a
        # story of another language that has English words in it too
        others = tuple(n for n in ctx.languages if n)
        acts = (ctx.english and know.english_past_or_present(w)) or (
            bool(others) and know.verb_or_infinitive(w, others)
        )
        # Heard doing something ("ouvia X gritar", "listened to X shouting"), or doing it to someone
        # ("… gritar com ela"): someone in her life. A clause of its own about the figure is the news
        # ("when Sam Kerr came back from injury", "depuis qu'Achraf Hakimi a soulevé la Ligue").
        non_finite = after == nxt and (
            w.endswith(("ing", "ndo", "ant"))
            or (bool(others) and w.endswith(("ar", "er", "ir", "re")))
            or (listened and acts)  # "listened to Benjie Ocampo play guitar": heard doing it, there
        )
        acts = acts and (
            non_finite
            or any(
                items[m].kind == WORD
                and (
                    low[m] in vocab["person_words"]
                    # "… est venu la chercher", "… a levou": a pronoun before a verb, not an article
                    or (
                        low[m] in vocab["object_pronouns"]
                        and m + 1 < len(items)
                        and items[m + 1].kind == WORD
                        and not items[m + 1].cap
                        and know.verb_or_infinitive(low[m + 1], ctx.languages)
                    )
                )
                for m in range(after + 1, min(len(items), after + 5))
            )
        )
    # "listened to Fidel Ramos telling her…", "ouvia X gritar": someone in her life, doing something;
    # so is anyone after whom the sentence has someone do something to someone ("Su ídolo era Luis Díaz
    # hasta que la vendió", "admired Michael Johnson because he bought her a phone": red team 34)
    if acts or _someone_acts_on_someone(items, low, last + 1, ctx):
        return False
    # "ouvia a Cesária Évora", "listens to Burna Boy" (a verb of listening, one word or a phrase); "la
    # chanteuse érythréenne Helen Meles", "Su ídolo es Marcelo Martins": a public role names a figure
    role = _a_public_role_before(items, low, before, ctx)
    return culture(nxt) or listened or work or (culture(before) and governed) or role


def _small_word(w: str, vocab: Vocabulary) -> bool:
    """A preposition, an article or a joiner of the five languages: no verb, whatever its ending ("par
    cœur", "para decorar", "en concert"), though a dictionary may list it as one in another language."""
    return (
        w in vocab["by_words"]
        or w in vocab["articles"]
        or w in vocab["list_joiners"]
        or (w in vocab["connectors"] and w not in vocab["copulas"])
    )


def _a_public_role_before(items: tuple[Token, ...], low: list[str], before: int, ctx: NameContext) -> bool:
    """Right before a listed figure's name (its article skipped), a public role (`public_roles`:
    "l'attaquant", "la chanteuse", "the singer"), a people's word between ("la chanteuse érythréenne"),
    or a comma after it ("her favourite singer, Burna Boy"); or a role and a copula ("His favourite
    player is", "Su cantante favorita es"). The name must be listed: context alone cannot tell a star
    from the parish choir's singer or the recruiter she admired (red team 37)."""
    vocab = ctx.vocab
    k = before
    if k >= 1 and items[k].text == "," and items[k - 1].kind == WORD and low[k - 1] in vocab["public_roles"]:
        return True
    if k < 0 or items[k].kind != WORD:
        return False
    if low[k] in vocab["copulas"]:
        # "His favourite player is", "Su cantante favorita es", "Son joueur préféré est": a role, not any
        # word of culture ("Su jefe en la banda era…", "el club era…": red team 34)
        roles = vocab["public_roles"]
        m = k - 1
        if m >= 1 and low[m] not in roles and low[m] in vocab["culture_words"]:
            m -= 1  # "favorita", "préféré"
        return m >= 0 and items[m].kind == WORD and low[m] in roles
    if k >= 1 and ctx.knowledge.demonym(low[k]) and items[k - 1].kind == WORD:
        k -= 1  # "la chanteuse érythréenne Helen Meles"
    elided = _ELISION.match(low[k])  # "l'attaquant Steve Mounié"
    return (low[k][elided.end() :] if elided else low[k]) in vocab["public_roles"]


# Words the object-pronoun reader skips before a verb that stand for no person: a negation, "already",
# a reflexive, French "en" and "y" ("en cuisinant", "no tenía", "ya sabía").
_NOT_A_PERSON = frozenset({"no", "ya", "se", "s'", "ne", "n'", "en", "y", "não", "já", "nao", "ja"})


def _a_persons_pronoun_before_a_verb(
    items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext
) -> bool:
    """At j, object pronouns before a verb, one of them a person's ("la vendió", "me llevó", "l'a
    recrutée"; not "no tenía", "en cuisinant")."""
    n = _object_pronouns_before_a_verb(items, low, j, ctx)
    pronouns = ctx.vocab["object_pronouns"]
    return n > 0 and any(
        items[m].kind == WORD and low[m] in pronouns and low[m] not in _NOT_A_PERSON
        for m in range(j, min(len(low), j + n))  # the pronouns only: "en épluchant les légumes" acts on none
    )


# Object pronouns a verb carries after it, a person's: "levou-A", "buscá-LA", "recoger-LA", "esperándo-LA".
_PERSONS_CLITICS = frozenset({"a", "o", "as", "os", "la", "lo", "las", "los", "le", "les", "lhe", "lhes", "me",
                              "nos", "te"})  # fmt: skip
_CARRIERS = ("ar", "er", "ir", "ando", "iendo", "yendo")  # an infinitive's or a gerund's ending


def _carries_a_person(w: str, ctx: NameContext) -> bool:
    """A verb form carrying a person's object pronoun: hyphenated ("levou-a", "buscá-la", "levá-la-ia",
    "disse-lhe") or, in Spanish, written on an infinitive or a gerund ("recogerla", "esperándola")."""
    know = ctx.knowledge
    if "-" in w:
        head, _, rest = w.partition("-")
        return rest.split("-")[0] in _PERSONS_CLITICS and any(
            know.verb_or_infinitive(f, ctx.languages) for f in _verb_forms(w)[1:2] + [head]
        )
    for clitic in ("la", "lo", "las", "los", "le", "les", "me", "nos"):
        if w.endswith(clitic):
            base = unaccented(w[: -len(clitic)])
            return base.endswith(_CARRIERS) and know.verb_or_infinitive(base, ctx.languages)
    return False


def _someone_in_the_verb_group(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> bool:
    """In French, Spanish or Portuguese, the verb group at j does something to a person: after up to two
    adverbs or negations ("Campos jamás le pagó", "Pereira nem a deixava", "Blanc ne l'a jamais…"), a
    person's object pronoun before its verb ("la vendió", "l'a battue"), a verb carrying one ("levou-a",
    "buscá-la"), or a verb then an infinitive or a gerund that does ("solía recogerla", "iba a venderla",
    "costumava buscá-la", "venait la chercher", "voulait l'emmener")."""
    vocab = ctx.vocab
    adverbs = vocab["subject_adverbs"]
    m = j
    for _ in range(2):
        if (
            m < len(items)
            and items[m].kind == WORD
            and not items[m].cap
            and (low[m] in adverbs or low[m] in vocab["negations"] or low[m].endswith("mente"))
        ):
            m += 1
    if m >= len(items) or items[m].kind != WORD or items[m].cap:
        return False
    if _a_persons_pronoun_before_a_verb(items, low, m, ctx) or _carries_a_person(low[m], ctx):
        return True
    if not ctx.knowledge.verb_form(low[m], ctx.languages):
        return False
    n = m + 1
    if n + 1 < len(items) and items[n].kind == WORD and low[n] in ("a", "de", "à") and not items[n + 1].cap:
        n += 1  # "iba a venderla", "acaba de llevarla"
    if n >= len(items) or items[n].kind != WORD or items[n].cap:
        return False
    if _carries_a_person(low[n], ctx):
        return True
    # "venait la chercher", "voulait l'emmener": a person's pronoun before the infinitive
    return (
        n + 1 < len(items)
        and low[n] in ctx.vocab["object_pronouns"]
        and low[n] not in _NOT_A_PERSON
        and items[n + 1].kind == WORD
        and ctx.knowledge.verb_or_infinitive(low[n + 1], ctx.languages)
    )


def _someone_acts_on_someone(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """From token k to the sentence's end, an object pronoun before a verb ("la vendió", "a tirou", "l'a
    recrutée") or, in English, a verb before "her", "him" or "me" ("bought her", "drove him")."""
    for m in range(k, len(items)):
        if items[m].kind == PUNCT and items[m].text in ".!?":
            return False
        if items[m].kind != WORD:
            continue
        if _a_persons_pronoun_before_a_verb(items, low, m, ctx):
            return True
        if (
            ctx.english
            and low[m] in ("her", "him", "me", "them")
            and m > 0
            and items[m - 1].kind == WORD
            and ctx.knowledge.english_past_or_present(low[m - 1])
        ):
            return True
    return False


def _figures_listed(low: list[str], words_idx: list[int], vocab: Vocabulary) -> bool:
    """Each part of the run between the words of a list ("Joelma e Marília Mendonça") is a listed
    public figure or club, all of it."""
    if any(vocab[s].match(low, words_idx[0]) == len(words_idx) for s in ("public_figures", "club_names")):
        return True  # "Jorge e Mateus", a duo's name with its "e"
    parts: list[list[int]] = [[]]
    for k in words_idx:
        if low[k] in vocab["list_joiners"] and parts[-1]:
            parts.append([])
        elif parts[-1] or len(parts) == 1 or low[k] not in vocab["by_words"] and low[k] not in ("a", "à"):
            parts[-1].append(k)  # "y a Daniela Darcourt", "at ni Pia Wurtzbach": whom, again
    return all(
        part and any(vocab[s].match(low, part[0]) == len(part) for s in ("public_figures", "club_names"))
        for part in parts
    )


def _capitalised_run_before(
    items: tuple[Token, ...], low: list[str], end: int, vocab: Vocabulary
) -> int | None:
    """Where the capitalised run ending at `end` starts: a name listed before the run, which what
    governs the list governs too ("Aya Nakamura, Gims et Soolking", "écoute Magic System et Aya
    Nakamura"). Each is read on its own: an unlisted one stays a name."""
    k = end
    while k >= 0 and items[k].kind == WORD and (items[k].cap or low[k] in vocab["connectors"]):
        k -= 1
    start = k + 1
    while start <= end and not items[start].cap:
        start += 1
    if start > end or not items[end].cap:
        return None
    return start


def _upper_or_lower(parts: list[str], ctx: NameContext) -> int | None:
    """The class of "Haute-Guinée", "Basse-Casamance", "Alto-Paraná": the upper or lower part of a
    country or a state, no finer than it (`upper_lower_words`)."""
    if len(parts) < 2 or parts[0] not in ctx.vocab["upper_lower_words"]:
        return None
    place = ctx.place("-".join(parts[1:])) or ctx.place(" ".join(parts[1:]))
    if place is None or place.level > STATE:
        return None
    return COARSE_PLACE if place.level <= ctx.precision else FINE_PLACE


def _owned(items: tuple[Token, ...], low: list[str], k: int, vocab: Vocabulary) -> bool:
    """A possessive stands right before word k, or one word before ("her aunt", "sa grande sœur")."""
    return any(m >= 0 and items[m].kind == WORD and low[m] in vocab["possessives"] for m in (k - 1, k - 2))


def _near_after(items: tuple[Token, ...], low: list[str], j: int, vocab: Vocabulary) -> bool:
    """A word of nearness follows the run within its sentence, a comma between or not ("…, a dos
    cuadras del mercado", "…, perto da praia", "… à deux rues de la gare"), a preposition written with
    its article read as the preposition (`contractions`: "del" is "de")."""
    near = vocab["near_words"]
    contracted = vocab.contractions  # "a dos cuadras del": "de"
    window = [contracted.get(w, w) for w in low[j : j + 12]]
    for m in range(min(4, len(window))):
        if items[j + m].kind == PUNCT and items[j + m].text in ".!?;":
            return False
        if items[j + m].kind == WORD and near.match(window, m):
            return True
    return False


def _place_word_after(items: tuple[Token, ...], low: list[str], j: int, vocab: Vocabulary) -> bool:
    """A comma, then a lowercase word of a place within three words: the run described as a place
    ("…, um bairro pequeno", "…, a town by the river"; "the Maasai community" is no apposition)."""
    if j >= len(items) or items[j].text != ",":
        return False
    for m in range(j + 1, min(len(items), j + 4)):
        if items[m].kind == PUNCT and items[m].text in ".!?;":
            return False
        if (
            items[m].kind == WORD
            and not items[m].cap
            and (low[m] in vocab["place_words_before"] or low[m] in vocab["place_words_after"])
        ):
            return True
    return False


# What a run where she lives may be made of and still say no more than a region ("the Middle East").
_WIDE_WORDS = (
    "regions",
    "large_region_words",
    "region_words",
    "compass_words",
    "peoples",
    "state_words",
    "connectors",
)


def _acronym_class(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> int:
    """ "TV", "OK", "GP", "CPF": common; "her WASSCE", "a course of the IEFP", "su CURP": an exam, a body,
    a document; an acronym nobody uses where a school or a shelter would stand ("at KGBV") is unknown."""
    w = low[k]
    if w in ctx.vocab.public:
        return (
            KNOWN  # "dumaan sa DMW", "Ayon sa IACAT": a public body the vocabulary lists, wherever it stands
        )
    if _a_name_in_capitals(w, ctx) and not (k > 0 and low[k - 1] in ctx.vocab["articles"]):
        return UNKNOWN  # "Every night JENKINS picked her up", "ni REYES": a name, shouted ("el SENA", "do
        # INSS": an article says a body's acronym)
    if ctx.knowledge.frequency(w) >= 3.0 or (len(w) > 2 and not _where_someone_is(items, low, k, ctx)):
        return COMMON
    return UNKNOWN


def _double_surname(raw: str, parts: list[str], ctx: NameContext) -> bool:
    """Two or more capitalised parts joined by hyphens, each a surname of the census (of three letters or
    more, no small word, no compass point): "Costa-Brown", "Ferreira-Lima", "Petit-Blanc". Each part
    may be a word ("costa", "brown", "lima"), but words are not capitalised and joined so mid-sentence."""
    capitalised = [p for p in raw.split("-") if p]
    return (
        len(parts) >= 2
        and len(capitalised) == len(parts)
        and all(p[:1].isupper() for p in capitalised)
        and all(
            len(p) >= 3
            and p not in ctx.function_words
            and p not in _DIRECTIONS
            and fold(p) in ctx.knowledge.surnames
            for p in parts
        )
    )


def _a_name_in_capitals(w: str, ctx: NameContext) -> bool:
    """A word in capitals that is a given name or a surname of the census, of four letters or more (an
    acronym of three is often a surname too: "ONG", "CAN"), that the text does not spell out as an
    acronym: a name written in capitals ("JENKINS", "BENÍTEZ", "SOUZA", "REYES"). A surname that is also
    a word of another language counts here ("REYES", "COSTA"): a word is rarely shouted mid-sentence, a
    name often is; one that is an English word does not ("STEM", "BROWN": acronyms spell them)."""
    if len(w) < 4 or w in ctx.acronyms or w in ctx.lowercase or w in ctx.function_words:
        return False
    know = ctx.knowledge
    if ctx.given(w) and not know.more_word_than_name(w, ctx.languages):
        return True
    # An acronym that spells an English word is common ("STEM", "CARE", "SAFE"): not a name
    return fold(w) in know.surnames and not know.dictionary_word(w, (0,))


def _after_small_word(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """A lowercase small word of the language just before k ("pour", "the", "ng"), not one that
    marks a person ("si", "kay")."""
    return (
        k > 0
        and items[k - 1].kind == WORD
        and (not items[k - 1].cap or items[k - 1].initial)  # "Pour Noël, …"
        and fold(low[k - 1]) in ctx.function_words  # the table is folded: "à" is "a"
        and low[k - 1] not in ctx.vocab["person_markers"]
        and low[k - 1] not in ctx.vocab["titles"]
    )


def _official(low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The run names a public body or a law ("Fiscalía Especializada…", "Lei de Tráfico…")."""
    words = vocab.union(("org_words", "law_words"))
    return any(low[k] in words for k in range(i, j))


def _in_listed_phrase(
    word_at: list[int], low: list[str], words_idx: list[int], phrases: Lexicon
) -> list[int]:
    """The run's words that belong to a name of several words the site declared or the vocabulary
    lists, read across the sentence's punctuation and lowercase words (a programme's name may hold a
    comma that ends a run, a body's name lowercase words). `word_at`: the indices of its words."""
    sentence = word_at
    words = [low[k] for k in sentence]
    covered: set[int] = set()
    for p in range(len(words)):
        if words[p] in phrases.starts:
            n = phrases.match(words, p)
            if n > 1:
                covered.update(sentence[p : p + n])
    return [k for k in words_idx if k in covered]


def _a_feast_of_words(
    items: tuple[Token, ...], low: list[str], words_idx: list[int], ctx: NameContext
) -> bool:
    """A feast or a day named in common words of the text's languages, capitalised after a festival's
    or a day's word and its "of" ("la fête du Drapeau", "Dia da Paz", "Día de la Independencia") or
    opened by one ("las Fiestas Patrias"). Every word must be more a word than a name and no place:
    "la fête du Plateau" is a neighbourhood's, "la fiesta de Xochiltepec" a village's, "Dia da Rosa"
    someone's."""
    if not words_idx:
        return False
    vocab, know = ctx.vocab, ctx.knowledge
    feasts = vocab.union(("festival_words", "feast_day_words"))
    first = words_idx[0]
    rest = words_idx
    if low[first] in feasts.single and len(words_idx) > 1:
        rest = words_idx[1:]  # "Fiestas Patrias"
    else:
        k = first - 1
        while (
            k >= 0
            and items[k].kind == WORD
            and not items[k].cap
            and (low[k] in vocab["articles"] or low[k] in _OF_REGION)  # "la fête du", "Día de la"
            and first - k <= 3
        ):
            k -= 1
        if k == first - 1 or k < 0 or items[k].kind != WORD or low[k] not in feasts.single:
            return False
        first = k
    if _dated(items, low, first, words_idx[-1], vocab) and all(
        know.frequency(low[m], ctx.written_in[:1]) >= 4.0
        and (not ctx.given(low[m]) or know.more_word_than_name(low[m], ctx.languages))
        and low[m] not in vocab["kinship"]
        for m in rest
    ):
        return True  # "no dia 4 de abril, Dia da Paz": a day of the calendar, named by its date
    return all(
        know.more_word_than_name(low[k], ctx.languages)
        and not know.surname_more_than_word(low[k], ctx.languages)
        and ctx.place(low[k]) is None
        and not know.places_named(low[k])  # "la fête du Plateau": a district of Abidjan, Benin's state
        and low[k] not in vocab["kinship"]
        for k in rest
    )


def _dated(items: tuple[Token, ...], low: list[str], k: int, last: int, vocab: Vocabulary) -> bool:
    """A date stands next to the day named from token k to `last`, a comma between: "4 de abril, Dia
    da Paz", "Día del Libro, el 23 de abril"."""
    before = k >= 2 and items[k - 1].text == "," and low[k - 2] in vocab.months
    m = last + 2
    while m < len(items) and items[m].kind == WORD and low[m] in vocab["articles"]:
        m += 1
    after = (
        last + 1 < len(items) and items[last + 1].text == "," and m < len(items) and items[m].text.isdigit()
    )
    return before or after


def _anothers_common_word(w: str, section: str, ctx: NameContext) -> bool:
    """A word another language lists in the section that the text's main language does not list and
    uses often (zipf 3 or more): English "exploitation" is no French farm."""
    if not ctx.written_in:
        return False
    main = ctx.written_in[0]
    here = ctx.vocab.by_language.get(LANGUAGES[main], {}).get(section)
    return not (here is not None and w in here) and ctx.knowledge.zipf(w)[main] >= 3.0


# Marks a name may stand between: italics, quotation marks.
_NAME_MARKS = frozenset("*_«»\"“”‘’'")


def _called_our_programme(
    items: tuple[Token, ...], low: list[str], words_idx: list[int], ctx: NameContext
) -> bool:
    """The text calls the run the organisation's own programme: "our" and a programme's word right
    before it, or "our" right before it and the programme's word right after (`we_words`,
    `programme_words`: "notre programme *Lakou Lespwa*", "sa aming *Bag-ong Lakang* program"). Its
    finding then says where such a name is declared: `programmes:` in site.yaml."""
    if not words_idx:
        return False
    vocab = ctx.vocab
    programme, we = vocab["programme_words"], vocab["we_words"]

    def word_before(k: int) -> int:
        k -= 1
        while k >= 0 and items[k].kind == PUNCT and items[k].text in _NAME_MARKS:
            k -= 1
        return k if k >= 0 and items[k].kind == WORD else -1

    def word_after(k: int) -> int:
        k += 1
        while k < len(items) and items[k].kind == PUNCT and items[k].text in _NAME_MARKS:
            k += 1
        return k if k < len(items) and items[k].kind == WORD else -1

    b = word_before(words_idx[0])
    a = word_after(words_idx[-1])
    return (b >= 1 and low[b] in programme and low[b - 1] in we) or (
        b >= 0 and low[b] in we and a >= 0 and low[a] in programme
    )


def _our_programme_abroad(
    items: tuple[Token, ...], low: list[str], words_idx: list[int], ctx: NameContext
) -> bool:
    """The run the text calls the organisation's programme is a town or a city of another country than
    the story's: a programme is named for where it runs, so it is the neighbourhood of that name here
    ("notre projet Médina" in Dakar). A city of the story's own country, its state or a country is
    where the programme runs, as coarse as the name says ("nuestro programa Medellín")."""
    if not ctx.home or not _called_our_programme(items, low, words_idx, ctx):
        return False
    place = ctx.place(" ".join(low[k] for k in words_idx))
    return place is not None and place.level >= CITY and place.country != ctx.home


def _shaped_like_a_person(low: list[str], words_idx: list[int], ctx: NameContext) -> bool:
    """A given name and another name that no list has as a team: someone, though a word of fans governs
    it ("Elle était fan de Yanis Belkacem", "Fan siya ni Jun Abellana": red team 37; "fan de Boca
    Juniors" and the listed "Jorge Wilstermann" stay teams)."""
    vocab, know = ctx.vocab, ctx.knowledge
    n = len(words_idx)
    if n < 2 or any(
        vocab[s].match(low, words_idx[0]) == n for s in ("teams", "club_names", "public_figures")
    ):
        return False
    first, last = low[words_idx[0]], low[words_idx[-1]]
    # a given name first or a census surname last; or names only, no word of the text's languages and
    # no place in it ("Yanis Belkacem", "Jomar Dizon"; a team has a word: "Warriors", "Juniors")
    return (
        know.is_given_name(first)
        or fold(last) in know.surnames
        or not any(know.dictionary_word(low[k], ctx.languages) or ctx.place(low[k]) for k in words_idx)
    )


def _team(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The run names a sports team: right after a word of games and fans and its "of the" ("cada partido
    de La Franja", "tagahanga ng Barangay Ginebra"), or just before one ("a Bluebirds home game",
    "quando os Mambas jogam")."""
    teams, after = vocab["team_words"], vocab["team_words_after"]
    k = i - 1
    while (
        k >= 0
        and i - k <= 4
        and items[k].kind == WORD
        and (not items[k].cap or low[k] in vocab["articles"])  # "de La Franja"
        and low[k] not in teams
    ):
        if (
            low[k] not in vocab["connectors"]
            and low[k] not in vocab["articles"]
            and low[k] not in vocab["enclitics"]
        ):
            break  # "del partido con Xolalpa": a person the match was with
        k -= 1  # "de la", "do", "des", "ng"
    else:
        if k >= 0 and items[k].kind == WORD and low[k] in teams:
            # the object of a verb of playing, right after it, is whom or what she plays: "She plays
            # Abebe Kebede every Sunday" (a team is played AT, IN, FOR: "juega en el Olimpia")
            return not (k == i - 1 and low[k] in vocab["team_verbs"])
    return (
        j < len(items)
        and items[j].kind == WORD
        and (low[j] in after or (low[j] == "home" and j + 1 < len(items) and low[j + 1] in after))
    )


def _a_landmark(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """A public name small enough to find a door by: an airport that is not an international one, a
    shrine or a pilgrimage, a waterfall or a dam ("aeroporto de Eirunepé", "Virgen de Juquila", "the
    Tsatsadu Falls"). A storm, a river, a lake or a mountain is too big to find anyone by."""
    near = [low[m] for m in range(max(0, i - 3), min(len(low), j + 2)) if items[m].kind == WORD]
    if any(w in ("international", "internacional", "internasyonal") for w in near):
        return False
    airports, devotions = vocab["airport_words"], vocab["devotion_words"]
    if any(w in airports.single or w in airports.starts for w in near):
        return True
    if any(devotions.match(low, m) for m in range(max(0, i - 4), j)):
        return True
    return any(w in _SMALL_FEATURES for w in near)


# Features of nature small enough to be a landmark near a home (the rest are rivers and mountains).
_SMALL_FEATURES = frozenset(
    {"falls", "dam", "cascada", "cascadas", "cachoeira", "cascata", "chute", "chutes", "cascade", "cascades",
     "barrage", "represa", "presa", "bay", "lagoon", "bahía", "baía", "baie", "laguna", "lagoa", "lagune",
     "golpo"}
)  # fmt: skip


def _near_a_home(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The text puts the name next to someone's door: "near", "next to", "a short walk from" just
    before it ("à côté de l'aéroport de Maripasoula"), a home's word a few words after it ("the
    pilgrimage of Popenguine, two streets from the house"), or a word of living, working or selling
    within ten words of it in its sentence. An airport, a waterfall or a shrine is then a landmark
    that finds her, not a public name."""
    near = vocab["near_words"]
    if any(items[m].kind == WORD and near.match(low, m) for m in range(max(0, i - 8), i)):
        return True
    home = vocab["home_words"]
    for m in range(j, min(len(items), j + 12)):
        if items[m].kind == PUNCT and items[m].text in ".!?":
            break
        if items[m].kind == WORD and (low[m] in home or home.match(low, m)):
            return True
    # where she lives or works, a few words either side in the sentence: "the canteen at the Akosombo
    # Dam", "…aeroporto de Eirunepé, onde Raimunda trabalha", "el puesto que atiende para los peregrinos…"
    residence = vocab["residence_words"]
    lo = i
    while lo > 0 and i - lo < 10 and not (items[lo - 1].kind == PUNCT and items[lo - 1].text in ".!?"):
        lo -= 1
    hi = j
    while hi < len(items) and hi - j < 10 and not (items[hi].kind == PUNCT and items[hi].text in ".!?"):
        hi += 1
    return any(
        items[m].kind == WORD and (low[m] in residence or residence.match(low, m) > 0)
        for m in [*range(lo, i), *range(j, hi)]
    )


def _public_name(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """The run names a storm, an airport, a river, a mountain or a festival, public names: after a storm
    word ("Typhoon Haiyan", "el huracán Otis"), in brackets or after "and" following a storm's name
    ("Bagyong Yolanda (Haiyan)", "los huracanes Eta e Iota"), after an airport word or a word of nature
    ("aeroporto do Galeão", "le fleuve Wouri", "Bulkang Mayon"), before an airport's or a festival's word
    ("Mactan-Cebu International Airport", "Kagay-an Festival")."""
    storms, airports, nature = vocab["storm_words"], vocab["airport_words"], vocab["nature_words"]
    if nature.match(low, i) and i > 0 and _named_article(items, low, i - 1, vocab):
        return False  # "en El Estrecho", "a La Laguna": a town named for a strait or a lagoon
    if any(lexicon.match(low, i) for lexicon in (storms, nature, airports, vocab["devotion_words"])):
        # "Typhoon Haiyan", "Bulkang Mayon", "Mount Apo", "Our Lady of Peñafrancia", "Aeroporto Humberto
        # Delgado": an airport named after a person is as public as one named after its city
        return True
    festivals = vocab["festival_words"]
    if any(airports.match(low, k) == j - k or festivals.match(low, k) == j - k for k in range(i + 1, j)):
        return True  # "Mactan-Cebu International Airport", "Kagay-an Festival"
    if any(
        nature.match(low, k) == j - k and low[k] not in vocab["place_words_after"] for k in range(i + 1, j)
    ):
        return True  # "the Moei River", "the Akosombo Dam" ("Sunny Hills" is a subdivision's name)
    k = i - 1
    if (
        k > 0
        and (
            (items[k].kind == PUNCT and items[k].text == "(")
            or (items[k].kind == WORD and low[k] in ("and", "y", "e", "et", "at", "o", "or", "ou"))
        )
        and items[k - 1].kind == WORD
        and items[k - 1].cap
    ):  # "Bagyong Yolanda (Haiyan)", "los huracanes Eta e Iota"
        start = k - 1
        while start > 0 and items[start - 1].kind == WORD and items[start - 1].cap:
            start -= 1
        return bool(storms.match(low, start)) or _ends_before(low, start, storms)
    while (
        k >= 0
        and items[k].kind == WORD
        and (
            (not items[k].cap and low[k] in vocab["connectors"])
            or low[k] in vocab["articles"]  # "aeropuerto El Dorado": the run starts after its article
        )
        and i - k <= 2
    ):
        k -= 1  # "aeropuerto de", "aeroporto do", "the river"
    # "aeropuerto de Barajas", "la peregrinación de Caacupé": a pilgrimage goes to a famous shrine (a
    # village's feast, "la fiesta de…", is read as any name; a village takes no article)
    devotions = vocab["devotion_words"]
    if any(_ends_before(low, k + 1, lexicon) for lexicon in (storms, airports, nature, devotions)):
        return True
    if (
        _ends_before(low, k + 1, festivals)
        and i >= 2
        and items[i - 1].kind == WORD
        and not items[i - 1].cap
        and low[i - 1] in _FEAST_ARTICLES
        and low[i - 2] in ("de", "of")
        and not _place_word_soon_after(items, low, j, vocab)  # "la fiesta de la Xochiltepec, su pueblo"
    ):
        return True  # "la fête de l'Abissa", "la fiesta de la Candelaria": a feast's article, no village's
    return _an_example_of(items, low, i, vocab, (festivals, nature, storms))


def _a_highway(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A highway's name (`highway_words`, before or after it: "the Stuart Highway", "la autopista del
    Sol", "rodovia Presidente Dutra"): a road across a country, named after a person or not, where
    thousands pass. Not a town's name ("la carretera de San Mateo" leads to her village), nor where
    someone lives (the caller's `home`)."""
    highways = ctx.vocab["highway_words"]
    words = [k for k in range(i, j) if items[k].kind == WORD]
    if len(words) >= 2 and any(highways.match(low, k) == j - k for k in words[1:]):
        name = [k for k in words if not highways.match(low, k)]
        end = name[-1] + 1 if name else i
    else:
        k = i - 1
        while (
            k >= 0
            and items[k].kind == WORD
            and not items[k].cap
            and low[k] in ctx.vocab["connectors"]
            and i - k <= 2
        ):
            k -= 1
        if not _ends_before(low, k + 1, highways):
            return False
        end = j
    return not _a_fine_town(low, i, end, ctx) and not _lived_by(items, low, ctx)


def _a_feature_after(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A natural feature's name before its word in lowercase ("the Bangweulu wetlands", "le Kouilou
    fleuve"): not a given name ("the Maria river" may be a woman's), not a town of the story's country
    finer than the site may name (a village's lake says where she lives), not a place's own word
    (`place_words_after`: "Sunny hills")."""
    if j >= len(items) or items[j].kind != WORD or items[j].cap:
        return False
    vocab = ctx.vocab
    if not vocab["nature_words"].match(low, j) or low[j] in vocab["place_words_after"]:
        return False
    words = [k for k in range(i, j) if items[k].kind == WORD]
    return (
        not any(ctx.given(low[k]) for k in words)
        and not _a_fine_town(low, i, j, ctx)
        and not _lived_by(items, low, ctx)
    )


# The article a feast's name takes after "de" ("la fête de l'Abissa", "la fiesta de la Candelaria"); not
# a contraction, which schools and clubs take too ("la fiesta del Pestalozzi" is a school's party).
_FEAST_ARTICLES = frozenset({"la", "l'", "l’", "the"})


def _place_word_soon_after(items: tuple[Token, ...], low: list[str], j: int, vocab: Vocabulary) -> bool:
    """A place's word, singular or plural, within six words after the run ("la fiesta de la Xochiltepec,
    su pueblo"): the name is a place's."""
    places = (vocab["place_words_after"], vocab["place_words_before"])
    for m in range(j, min(len(low), j + 6)):
        if items[m].kind != WORD or len(low[m]) < 3:
            continue
        single = low[m].removesuffix("s")
        if any(p.match(low, m) or single in p for p in places):
            return True
    return False


def _lived_by(items: tuple[Token, ...], low: list[str], ctx: NameContext) -> bool:
    """The sentence says where someone lives, stays or grew up, or what is near a home ("She grew up by
    the Bargaon lake", "lives off the Stuart Highway"): a feature or a road there locates her."""
    return _said(items, low, ("dwelling_words", "residence_words", "home_words", "near_words"), ctx.vocab)


# The small words between a home's or a work's word and whose it is ("lived with…", "travaille chez…").
_LINKS = frozenset({"with", "at", "for", "in", "to", "con", "com", "avec", "chez", "para", "pour", "kay", "kina",
                    "sa", "ni", "ng", "em", "en", "à", "a", "au", "na", "no", "de", "of"})  # fmt: skip


# The words before a day: "à la Saint-Jean", "depuis la Saint-Valentin".
_FEAST_PREPOSITIONS = frozenset(["à", "pour", "depuis", "avant", "après", "vers", "dès", "jusqu'à", "et"])

# The pronouns a verb takes after a hyphen ("Habillez-vous", "Inscreva-se", "Ajude-nos").
_ENCLITICS = frozenset({"vous", "nous", "toi", "moi", "le", "la", "les", "lui", "leur", "y", "en", "se", "nos",
                        "me", "te", "lhe"})  # fmt: skip


def _a_hyphenated_word(w: str, ctx: NameContext) -> bool:
    """A hyphenated word that is no name: a verb and its pronoun ("Habillez-vous chaudement !",
    "Inscreva-se"), or an English compound of common words in a title ("Hairdresser-in-Training")."""
    parts = w.split("-")
    if len(parts) < 2 or not all(parts):
        return False
    know = ctx.knowledge
    if len(parts) == 2 and parts[1] in _ENCLITICS and not ctx.given(parts[0]):
        return know.verb_form(parts[0], ctx.languages) or know.verb_or_infinitive(parts[0], ctx.languages)
    return (
        ctx.english
        and all(
            ctx.frequency(p, english_only=True) >= 3.0
            and not (ctx.given(p) or know.places_named(p))
            or len(p) <= 3
            for p in parts
        )
        and any(len(p) > 3 for p in parts)
    )


def _a_home_of(low: list[str], m: int, first: int, last: int, vocab: Vocabulary) -> bool:
    """Word m is a home's or a work's word that governs the name from `first` to `last`: before it with
    only small words between ("lived with Sam Kerr", "a casa de X", "travaille chez X") or right after it
    ("Sam Kerr's house", "X vivait là"). Further away it is hers ("Ouve X enquanto trabalha")."""
    if not vocab.union(("dwelling_words", "residence_words", "home_words")).match(low, m):
        return False
    if m == last + 1:
        return True
    small = (vocab["articles"], vocab["by_words"], _LINKS)
    return first - 3 <= m < first and all(any(low[k] in s for s in small) for k in range(m + 1, first))


def _within(items: tuple[Token, ...], m: int, first: int, last: int, width: int) -> bool:
    """Token m is at most `width` tokens before `first` or after `last`, with no ";" or ":" between."""
    if first - width <= m < first:
        return not any(items[k].text in (";", ":") for k in range(m + 1, first))
    if last < m <= last + width:
        return not any(items[k].text in (";", ":") for k in range(last + 1, m))
    return first <= m <= last


def _said(items: tuple[Token, ...], low: list[str], sections: tuple[str, ...], vocab: Vocabulary) -> bool:
    """A word or phrase of one of the sections is anywhere in the tokens (a sentence)."""
    words = vocab.union(sections)
    return any(items[m].kind == WORD and words.match(low, m) for m in range(len(items)))


def _an_example_of(
    items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary, kinds: tuple[Lexicon, ...]
) -> bool:
    """The run is given as an example of festivals, rivers or storms, a few words after their word:
    "de grandes fêtes traditionnelles comme l'Abissa", "festivals such as Kadayawan", "mga pista gaya ng
    Pahiyas" (`such_as`)."""
    such = vocab["such_as"]
    m = i - 1
    while m >= 0 and items[m].kind == WORD and low[m] in vocab["articles"] and i - m <= 2:
        m -= 1
    n = next((n for n in range(3, 0, -1) if m - n + 1 >= 0 and such.match(low, m - n + 1) == n), 0)
    if not n:
        return False
    c = m - n
    while c >= 0 and m - n - c < 4 and items[c].kind == WORD and not items[c].cap:
        w = low[c]
        if any(kind.match(low, c) or (w.endswith("s") and w[:-1] in kind) for kind in kinds):
            return True
        c -= 1
    return False


def _ends_before(low: list[str], i: int, lexicon: Lexicon) -> bool:
    """An entry of the lexicon ends just before word i."""
    if i < 1 or low[i - 1] not in lexicon.last_words:
        return False  # no entry ends with that word (most words are no entry's last)
    return any(lexicon.match(low, i - n) == n for n in range(1, min(i, 3) + 1))


def _official_name_near(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run is part of the name of a law or a public body that a comma, a number or a small word cut:
    "Ley General para Prevenir, Sancionar y Erradicar…", "Comisión Mexicana de Ayuda a Refugiados",
    "Ley 137-03 sobre Tráfico Ilícito…", "Prevention and Combating of Trafficking in Persons Act", or
    one the text spells out as an acronym right after it ("l'Indemnisation des victimes… (IVAC)")."""
    if ctx.given(low[i]):
        return False  # "la Fiscalía, Juana Pérez…": a person after the body
    acronym = _acronym_after(items, j)  # "Indemnisation des victimes d'actes criminels (IVAC)"
    return (acronym is not None and acronym.upper) or _official_around(items, low, i, j, ctx)


def _spelled_after(items: tuple[Token, ...], j: int, ctx: NameContext) -> bool:
    """An acronym in brackets after the run (and its lowercase words) spells it out: "la Mutualité sociale
    agricole (MSA)" (the text's acronyms are checked letter by letter: `analysis.defined_acronyms`)."""
    acronym = _acronym_after(items, j)
    return acronym is not None and acronym.low in ctx.acronyms


def _acronym_after(items: tuple[Token, ...], j: int) -> Token | None:
    """The word in brackets after the run and its lowercase words, if any: "… sociale agricole (MSA)"."""
    k = j
    while k < min(len(items), j + 10) and items[k].kind == WORD and not items[k].cap:
        k += 1
    if k + 2 < len(items) and items[k].text == "(" and items[k + 1].kind == WORD and items[k + 2].text == ")":
        return items[k + 1]
    return None


def _official_around(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A law's or a body's word before or after the run, across capitalised words, numbers, commas and
    small words."""
    return _official_along(items, low, range(i - 1, max(-1, i - 16), -1), ctx) or _official_along(
        items, low, range(j, min(len(items), j + 12)), ctx
    )


def _official_along(items: tuple[Token, ...], low: list[str], ks: range, ctx: NameContext) -> bool:
    """Walking the tokens `ks` (back or on) over capitalised words, numbers, commas and at most two small
    words in a row, a law's or a body's word comes."""
    vocab = ctx.vocab
    small = 0
    for k in ks:
        t = items[k]
        if t.kind == PUNCT and t.text == "," and small <= 1:  # "La Ley 21.325, de Migración y Extranjería"
            continue
        if t.kind == NUMBER:  # "Ley 137-03", "RA 9208"
            small = 0
            continue
        if t.kind != WORD:
            return False
        if t.cap:
            if low[k] in vocab["org_words"] or low[k] in vocab["law_words"]:
                return True
            small = 0
        elif (low[k] in vocab["connectors"] or fold(low[k]) in ctx.function_words) and small < 2:
            small += 1
        else:
            return False
    return False


def _national(low: list[str], j: int, ctx: NameContext) -> bool:
    """The run ends with a country's name: a national body named by what it does ("Citoyenneté Canada",
    "Emploi Québec", "Statistique Canada")."""
    place = ctx.place(low[j - 1])
    return place is not None and place.level <= STATE


def _in_a_law(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """The run goes on into a law's name: capitalised words, an acronym or a place in brackets and small
    words lead to a law's word ("… Exploitation (Scotland) Act 2015", "… Exploitation of Children
    (OSAEC) and Anti-Child … (CSAEM) Act")."""
    for k in range(i, min(len(items), i + 20)):
        t = items[k]
        if (
            t.kind == WORD
            and t.cap
            and low[k] in vocab["law_words"]
            and not (k + 1 < len(items) and items[k + 1].kind == WORD and items[k + 1].cap)  # "Act Now"
        ):
            return True
        if t.kind == PUNCT and t.text in "()":
            continue
        if t.kind != WORD or not (
            t.cap or low[k] in vocab["connectors"] or low[k] in ("and", "or", "at", "o")
        ):
            return False
    return False


def _region_named(items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary) -> bool:
    """A word for a region just before the run or just after it: "la région de Kédougou", "province of
    Cebu", "Beja district", "lalawigan ng Bohol"; before the list the run is in ("regiões de Gabú e
    Bafatá"); or a place's word with an indefinite article before it ("un municipio de Tlaxcala", "a
    village of Bohol": the place is in it)."""
    regions = vocab["region_words"] | vocab["large_region_words"]
    first = min((start for start, _ in _list_members(items, low, i, j, vocab) if start < i), default=i)
    if any(items[k].kind == WORD and regions.match(low, k) for k in range(max(0, first - 3), i)):
        return True
    if (
        i >= 3
        and (low[i - 1] in _OF or low[i - 1] == "ng")
        and low[i - 3] in vocab["indefinite_articles"]
        and any(low[i - 2] in vocab[s] for s in ("place_words_before", "org_words", "large_region_words"))
    ):
        return True
    if any(
        items[k].kind == WORD and items[k].cap and regions.match(low, k) == j - k for k in range(i + 1, j)
    ):
        return True  # its own last word: "Kilifi County", "Beja District"
    return j < len(items) and regions.match(low, j) > 0


def _list_members(
    items: tuple[Token, ...], low: list[str], i: int, j: int, vocab: Vocabulary
) -> list[tuple[int, int]]:
    """The other names of the list of capitalised names the run i..j is in, joined by commas and "and"
    or "or" (`list_joiners`: "Puebla y Tlaxcala", "San Vicente, Santa Ana y La Paz"): their token spans,
    none when it is in no list."""
    members: list[tuple[int, int]] = []
    joiners = vocab["list_joiners"]
    for step in (-1, 1):
        k = i - 1 if step < 0 else j
        while 0 <= k < len(items):
            joiner = (items[k].kind == PUNCT and items[k].text == ",") or (
                items[k].kind == WORD and not items[k].cap and low[k] in joiners
            )
            nxt = k + step
            if not joiner or not (0 <= nxt < len(items)) or items[nxt].kind != WORD or not items[nxt].cap:
                break
            end = nxt
            while 0 <= end + step < len(items) and items[end + step].kind == WORD and items[end + step].cap:
                end += step  # a name of several words
            members.append((min(nxt, end), max(nxt, end) + 1))
            k = end + step
    return members


def _among_states(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run is one of a list of names ("Puebla y Tlaxcala", "Gabú, Bafatá e Oio") each of which is
    a state or province of the country the text is about: the list names states, not their towns."""
    members = _list_members(items, low, i, j, ctx.vocab)
    if not members or not all(_a_state(low, a, b, ctx) for a, b in members):
        return False
    lo, hi = min(a for a, _ in [*members, (i, j)]), max(b for _, b in [*members, (i, j)])
    if not any(items[k].kind == WORD and not items[k].cap for k in range(lo, hi)):
        return False  # "sa Caraga, Davao Oriental": a town and its province, not a list ("Puebla y Tlaxcala")
    # one of the others reads as a state or a big city here ("Puebla y Tlaxcala"); "Bafatá e Gabú",
    # each a state named for its small town, may be the two towns ("nas paragens de Bafatá e Gabú")
    return any(
        (place := ctx.place(" ".join(low[a:b]))) is not None and place.level <= ctx.precision
        for a, b in members
    )


_EMPHASIS = ("*", "_")
_OPENING_MARKS = _QUOTE_OPENERS | {"("}
_QUOTE_MARKS = frozenset(['"', "“", "”", "«", "»", "‘", "’", "'"])


def _foreign_in_italics(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run is all of a short phrase in italics, quotation marks or not, as writers set words of another
    language they then translate ("*Obrigadu barak*", '« *Sbr* », dit-elle. Patience.', '*"Yachachiq."*
    Profesor.'): no word of it is anyone's given name, a place, a title, a kinship word or a place's or a
    school's word, and no such word, no preposition of place and no word of living stands before it
    ("la aldea *Chuimucubal*", "her sister *Puja*", "vive en *Bargaon*")."""
    vocab = ctx.vocab
    a = i - 1
    while a >= 0 and items[a].kind == PUNCT and items[a].text in _QUOTE_MARKS:
        a -= 1
    if a < 0 or items[a].kind != PUNCT or items[a].text not in _EMPHASIS:
        return False
    if a > 0 and items[a - 1].kind == PUNCT and items[a - 1].text == items[a].text:
        return False  # "**bold**" is no foreign word's setting
    marker = items[a].text
    b = j
    while b < len(items) and b - j < 8 and not (items[b].kind == PUNCT and items[b].text == marker):
        if items[b].kind == PUNCT and items[b].text not in _QUOTE_MARKS and items[b].text not in ".,!?…:;":
            return False
        b += 1
    if b >= len(items) or items[b].text != marker:
        return False
    words = [k for k in range(a + 1, b) if items[k].kind == WORD]
    if not words or len(words) > 6 or any(items[k].kind not in (WORD, PUNCT) for k in range(a + 1, b)):
        return False
    if any(
        (
            ctx.given(low[k]) and items[k].cap and low[k] not in ctx.function_words
        )  # "Si" opening "*Si Bondye vle*"
        or ctx.place(low[k]) is not None
        or (low[k] in vocab.signals and (low[k] not in vocab["person_markers"] or _FILIPINO in ctx.languages))
        or low[k] in ctx.declared.person_phrases
        for k in words
    ):
        return False
    c = a - 1
    while c >= 0 and items[c].kind == PUNCT and items[c].text in _QUOTE_MARKS:
        c -= 1
    # said on its own: the phrase opens the sentence, a quotation or a line ("« *Sbr* », dit-elle"), not
    # a name in apposition or after a verb ("Su hermanito, *Toñito*, pregunta", "everyone calls him *Toto*")
    if not (c < 0 or (items[c].kind == PUNCT and items[c].text in ".!?…:>") or items[a + 1].starts):
        return False
    after = range(b + 1, min(len(items), b + 8))
    return not any(
        items[m].kind == WORD
        and (
            low[m] in vocab.signals
            or vocab["naming_verbs"].match(low, m)
            or vocab["naming_phrases"].match(low, m)
        )
        for m in after
    )  # "*Djidji*, comme l'appelle sa grand-mère": a name, and who calls her so


def _large_region_named(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The run is named as a region larger than a city by a word of `large_region_words` right after it
    ("the Karamoja sub-region", "the Amhara Regional State"), or before it with "of" between ("la región
    de Amhara", "las regiones de O'Higgins", "rehiyon ng Bicol"). A district, a county or a department
    may be smaller than a city and is not one of these words, and a region of a state or a city is part of
    it ("the Lupungdih region of Jharkhand"); of a country, it is one of its regions ("the Karamoja
    sub-region of north-eastern Uganda")."""
    vocab = ctx.vocab
    regions = vocab["large_region_words"]
    if j < len(items) and items[j].kind == WORD and regions.match(low, j):
        return not _in_a_state(items, low, j + regions.match(low, j), ctx)
    if any(regions.match(low, m) == j - m for m in range(max(i + 1, j - 2), j)):
        return not _in_a_state(
            items, low, j, ctx
        )  # its own last words: "Amhara Region", "Amhara Regional State"
    n = regions.match(low, i)
    if n and i + n < j and low[i + n] in _OF_REGION:
        return True  # "Región de Murcia"
    k = i - 1  # "de l'Amhara", "du Tigray" ("du" is an article too)
    while k >= 0 and items[k].kind == WORD and low[k] in vocab["articles"] and low[k] not in _OF_REGION:
        k -= 1
    if k < 1 or items[k].kind != WORD or low[k] not in _OF_REGION:
        return False
    return any(items[m].kind == WORD and regions.match(low, m) == k - m for m in range(max(0, k - 3), k))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _state_spelled_otherwise(w: str, ctx: NameContext) -> bool:
    """A state or province of one of the text's countries is called `w` but for one letter (left out,
    added or changed): the gazetteer spells "Amara" and "Tigrai" what writers spell "Amhara" and
    "Tigray". Nothing else: a region's word before a village's name makes no region of it ("la región de
    San Isidro Chacalapa")."""
    f = fold(w)
    if len(f) < 5 or not f.isalpha() or not f.isascii():
        return False
    candidates = {f[:n] + f[n + 1 :] for n in range(len(f))}
    candidates |= {f[:n] + c + f[n + 1 :] for n in range(len(f)) for c in _LETTERS}
    candidates |= {f[:n] + c + f[n:] for n in range(len(f) + 1) for c in _LETTERS}
    return any(
        p.level == STATE and p.country in ctx.countries
        for c in candidates - {f}
        for p in ctx.knowledge.places_named(c)
    )


def _in_a_state(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """ "of" at k, then (a compass word or two between) a place smaller than a country: "…region of
    Jharkhand", "…région de la ville de Kayes"."""
    if k >= len(items) or low[k] not in _OF_REGION:
        return False
    for m in range(k + 1, min(len(items), k + 5)):
        if items[m].kind != WORD:
            return False
        if items[m].cap:
            place = ctx.place(low[m])
            return place is None or place.level > COUNTRY
    return False


def _titled(
    items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary, markers: bool = True
) -> bool:
    """A title or a person marker just before the run, or as its first word ("Mr Das", "si Lorna").
    Person markers count unless `markers` is false: a capitalised marker opening a sentence outside a
    Filipino text is French or Spanish "if" ("Si Dieu le veut"); "Nasaan si Lovely?" quoted in an
    English story is Filipino."""
    k = i - 1
    if k >= 0 and items[k].kind == PUNCT and items[k].text == ".":
        k -= 1
    if (
        k >= 0
        and not items[i].starts  # never across a sentence or a paragraph
        and items[k].kind == WORD
        and (
            (low[k] in vocab["titles"] and (items[k].cap or len(low[k]) > 2))
            or (markers and low[k] in vocab["person_markers"])
        )
    ):
        return (
            True  # a short title is written with its capital ("Me Durand", not "told me I"); "don" need not
        )
    return low[i] in vocab["titles"] and i + 1 < len(items) and items[i + 1].kind in (WORD, PUNCT)


def _places_named_as_relatives(
    items: tuple[Token, ...],
    low: list[str],
    i: int,
    j: int,
    classes: dict[int, int],
    words_idx: list[int],
    ctx: NameContext,
) -> None:
    """A given name that is also a state or a city is her relative's name when a kinship word is
    attached to it: "her mother, Georgia,", "Mary, her mother" (Mary is a province of Turkmenistan),
    "su abuela, Victoria", and a public figure's ("her uncle, Pedro Sánchez,"). So is a word alone,
    capitalised mid-sentence, that the text never writes in lowercase: "A mãe dela, Vitória, trabalha…"
    (a city, and "victory"). The place or the word explains it nowhere else. A family's name ("la
    familia Ramírez") is left to _family_surname."""
    family = ctx.vocab["family_words"]
    if (i > 0 and low[i - 1] in family) or (j < len(items) and low[j] in family):
        return
    named = [
        k for k in words_idx if classes[k] in (COARSE_PLACE, KNOWN) and items[k].cap and ctx.given(low[k])
    ]
    if len(words_idx) == 1 and not named:
        k = words_idx[0]
        if (
            classes[k] in (COARSE_PLACE, COMMON)
            and items[k].cap
            and not items[k].initial
            and not items[k].upper
            and low[k] not in ctx.lowercase
            and low[k] not in ctx.vocab.known
        ):
            named = [k]
    if not named or (i > 0 and low[i - 1] in _AT) or (j < len(items) and low[j] in _OF):
        return  # "mora em Vitória", "a farmer in Georgia": where; "Chair of the savings group": an office
    if _journeys_end(items, low, i, ctx) and _city_named(items, i, j, ctx):
        return  # "Quando voltou a São Luís, a esposa…": where he went back to, then his wife
    if _kin_in_apposition(items, low, i, j, ctx) or (
        _named_by_phrase(items, low, i, ctx.vocab)
        and _kin_attached(items, low, i, j, ctx.vocab, ctx.not_kinship)
    ):  # "her mother is called Mary"; not "the city known as Dhaka"
        for k in named:
            classes[k] = NAME_LIKE


# Prepositions of a journey's end: "voltou a São Luís", "volvió a San Miguel", "went back to Santa Maria".
_TOWARDS = frozenset(["a", "para", "pra", "to", "hacia", "até", "vers", "patungong", "pabalik"])


def _journeys_end(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> bool:
    """The run is where someone went: a verb of going (`journey_verbs`), then a preposition of its end,
    "back" or "home" between or not ("voltou a", "went back to"); not "escribió a Rosa, su madre"."""
    if i < 2 or low[i - 1] not in _TOWARDS:
        return False
    verbs = ctx.vocab["journey_verbs"]
    return any(m >= 0 and items[m].kind == WORD and low[m] in verbs for m in (i - 2, i - 3))


def _city_named(items: tuple[Token, ...], i: int, j: int, ctx: NameContext) -> bool:
    """The run is a city of the gazetteer (a large one) or a state: a place, whatever follows it."""
    place = ctx.place(" ".join(items[m].text for m in range(i, j)))
    return place is not None and (place.level <= STATE or place.population >= 100_000)


def _kin_in_apposition(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A kinship word right before the run ("her aunt Georgia"), or in apposition with it across one
    comma, with only possessives and articles between ("her mother, Georgia", "A mãe dela, Vitória",
    "Mary, her grandmother"): not a kinship word further on ("mora em Vitória, com o pai")."""
    vocab = ctx.vocab
    kin = _KinWords(vocab["kinship"], ctx.not_kinship)
    possessives, articles = vocab["possessives"], vocab["articles"]
    if i > 0 and low[i - 1] in kin:
        return True
    if i > 1 and items[i - 1].text == ",":
        k = i - 2
        while (
            k >= 0
            and items[k].kind == WORD
            and (low[k] in possessives or low[k] in articles)
            and low[k] not in kin
        ):
            k -= 1
        if k >= 0 and items[k].kind == WORD and low[k] in kin:
            return True
    if j < len(items) and items[j].text == ",":
        k = j + 1
        while (
            k < len(items)
            and items[k].kind == WORD
            and (low[k] in possessives or low[k] in articles)
            and low[k] not in kin
        ):
            k += 1
        if (
            k < len(items)
            and items[k].kind == WORD
            and low[k] in kin
            and not (
                items[k].cap and not items[k].initial and _capitalised_name_goes_on(items, low, k, vocab)
            )
        ):
            return True  # not "Cusco, Madre de Dios y Lima": a region's name
    return False


def _unexplained_spans(classes: dict[int, int], words_idx: list[int]) -> Iterator[tuple[int, int]]:
    """Runs of unexplained words (their token indices, end exclusive), each reported once."""
    span: list[int] = []
    for k in words_idx:
        if classes.get(k) in (NAME_LIKE, UNKNOWN):
            span.append(k)
        else:
            if span:
                yield span[0], span[-1] + 1
            span = []
    if span:
        yield span[0], span[-1] + 1


class _KinWords:
    """The kinship words, less those that are one of the text's most frequent words."""

    __slots__ = ("common", "kinship")

    def __init__(self, kinship: Lexicon, common: frozenset[str]) -> None:
        self.kinship, self.common = kinship, common

    def __contains__(self, word: object) -> bool:
        return word in self.kinship and word not in self.common


def _kin_attached(
    items: tuple[Token, ...],
    low: list[str],
    i: int,
    j: int,
    vocab: Vocabulary,
    common: frozenset[str] = frozenset(),
) -> bool:
    """A kinship word attached to the run on either side, in any order: "her mother, Sunita",
    "Asha, her mother", "Ramesh's daughter", "Rodel Manalo, 41, the children's uncle",
    "her mother is called Sunita", "su tía Rosa", "sa kanyang inang si Lorna"."""
    # A kinship word that is one of the text's most frequent words is that word: Filipino "pa" (still)
    # is not the English "Pa" ("Hulugan pa 'yung isa")
    kin = _KinWords(vocab["kinship"], common)
    skip = _skippable(vocab)
    if _named_by_phrase(items, low, i, vocab):  # "her father, a rickshaw puller called Mithun"
        for k in range(i - 1, max(-1, i - 14), -1):
            if items[k].kind == PUNCT and items[k].text in ".!?":
                break
            if items[k].kind == WORD and low[k] in kin:
                return True
    k, steps = i - 1, 0
    named = False  # "her husband's name is Raju": a possessive kinship word names its own
    while k >= 0 and steps < 6:
        t = items[k]
        if t.kind == WORD and low[k] in kin and (named or not t.possessive):  # "her cousin's friend" is not
            return True
        named = named or low[k] in _NAME_NOUNS
        if not (t.kind == PUNCT and t.text in _SKIP_TO_KIN) and not (
            t.kind == WORD and (low[k] in skip or named)
        ):
            break
        k -= 1
        steps += 1
    k, steps = j, 0
    while k < len(items) and steps < 8:
        t = items[k]
        if t.kind == WORD and low[k] in kin and not t.possessive:
            # "Cusco, Madre de Dios y Lima": a capital mid-sentence starts a name of its own (a region,
            # "Padre Las Casas"), where a relation after a name is written in lowercase
            return not (t.cap and not t.initial and _capitalised_name_goes_on(items, low, k, vocab))
        skippable = (
            (t.kind == PUNCT and (t.text in _SKIP_TO_KIN or t.text == ")"))
            or t.kind == NUMBER
            or (t.kind == WORD and (low[k] in skip or t.possessive or low[k] in vocab["age_words"]))
        )
        if not skippable:
            break
        k += 1
        steps += 1
    return False


def _kin_apposed(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> bool:
    """Between commas, dashes or brackets right after the run, a relation and nothing else: "Blessing,
    her older sister, had gone…". Whatever word the run is, it is the name of that relative (not
    "Education, her mother believes, …": a verb follows the kinship word there)."""
    if j >= len(items) or items[j].text not in _APPOSITION_OPENS:
        return False  # "Blessing, her older sister,", "Blessing (her older sister)", "Graça — a irmã —"
    kin = _KinWords(ctx.vocab["kinship"], ctx.not_kinship)
    skip = _skippable(ctx.vocab)
    k = j + 1
    while k < len(items) and k < j + 6 and items[k].kind == WORD and low[k] not in kin:
        if low[k] not in skip and not items[k].possessive:
            return False
        k += 1
    if k >= len(items) or items[k].kind != WORD or low[k] not in kin or items[k].possessive:
        return False
    m = k + 1
    if m < len(items) and items[m].kind == WORD:
        m += ctx.vocab["kinship_modifiers"].match(low, m)  # "su hermana mayor,", "a irmã mais velha,"
    return m < len(items) and items[m].kind == PUNCT and items[m].text in _APPOSITION_OPENS[items[j].text]


def _kin_then_article(items: tuple[Token, ...], low: list[str], first: int, j: int, ctx: NameContext) -> bool:
    """A possessive, a kinship word, a comma and an article before the run, a comma after it: "Su tío, el
    Rey, la llevó", "Seu tio, o Rocha, a levou", "her uncle, the Major, …"."""
    vocab = ctx.vocab
    a = first - 1
    if a < 3 or j >= len(items) or items[j].text != ",":
        return False
    if items[a].kind != WORD or low[a] not in vocab["articles"] or items[a - 1].text != ",":
        return False
    k = a - 2
    kin = _KinWords(vocab["kinship"], ctx.not_kinship)
    for m in (k, k - 1):  # "su tío,", "su hermana mayor,"
        if m >= 1 and items[m].kind == WORD and low[m] in kin:
            return items[m - 1].kind == WORD and low[m - 1] in vocab["possessives"]
    return False


def _capitalised_name_goes_on(items: tuple[Token, ...], low: list[str], k: int, vocab: Vocabulary) -> bool:
    """After word k, another capitalised word, right after it or after a connector ("Madre de Dios")."""
    n = k + 1
    if n < len(items) and items[n].kind == WORD and not items[n].cap and low[n] in vocab["connectors"]:
        n += 1
    return n < len(items) and items[n].kind == WORD and items[n].cap


# What opens an apposition, and what may close it
_APPOSITION_OPENS = {",": (",", ")", "—", "–"), "(": (")",), "—": ("—", ","), "–": ("–", ",")}


def _named_by_phrase(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """A naming phrase just before the run ("called", "known as", "se llama", "s'appelle")."""
    naming = vocab["naming_phrases"]
    k = i - 1
    return bool(k >= 0 and items[k].kind == WORD and (low[k] in naming or _phrase_ends(low, k, naming)))


_PERSON_NOUNS = ("person_words", "people_nouns", "life_roles", "child_words", "kinship")


def _a_person_called(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> bool:
    """A naming phrase right before the run, and a person's word right before it: "a man called Flores",
    "un hombre llamado Flores", "the recruiter, known as Paz", "a woman they call Costa". What follows
    names that person, whatever its words ("a shelter known as Casa Luz", "a song called Sodade" name no
    one; "In her village everyone calls Christmas the big day": "village" is before the phrase)."""
    k = i - 1
    if k < 0 or items[k].kind != WORD:
        return False
    vocab = ctx.vocab
    n_self = _phrase_length(low, k, vocab["self_naming"]) or (1 if low[k] in vocab["self_naming"] else 0)
    if n_self:
        # "he called himself Bello", "se hacía llamar Rivera": only a person names himself ("La campaña
        # se presenta como Corazón Azul": a thing, after its article, presents itself too)
        noun = k - n_self
        return not (
            noun >= 1
            and items[noun].kind == WORD
            and vocab.union(("articles", "possessives")).match(low, noun - 1)
            and not any(low[noun] in vocab[section] for section in _PERSON_NOUNS)
            and low[noun] not in vocab["titles"]
        )
    n = _phrase_or_word(low, k, vocab["naming_phrases"]) or _phrase_or_word(low, k, vocab["naming_by_people"])
    if n == 0:
        return False
    m = next((m for m in range(k - n, max(-1, k - n - 3), -1) if items[m].kind == WORD), None)

    def a_person(m: int | None) -> bool:
        return m is not None and any(low[m] in vocab[section] for section in _PERSON_NOUNS)

    if a_person(m):
        return True
    start = k - n + 1
    if low[start] in vocab["relative_pronouns"]:  # "Su hermanastro, al que todos llaman Motagua,"
        head = start - 1
        while (
            head >= 0
            and (
                items[head].text == ","
                or (
                    items[head].kind == WORD
                    and low[head] in ("al", "a", "à", "ao", "el", "la", "lo", "le", "o")
                )
            )
            and start - head <= 3
        ):
            head -= 1
        if head >= 0 and items[head].kind == WORD and a_person(head):
            return True
    if _named_after_a_clause(items, low, start, ctx, a_person):
        return True
    if low[k - n + 1] in vocab["copulas"] and k - n >= 0 and items[k - n].text == ",":
        # "The man who picked her up every night, a tall and quiet driver, was called Costa": after a
        # comma the naming phrase goes back to the sentence's subject, its first word after an article or
        # a possessive ("Her foster mother says the programme is called Safe Steps": the programme's)
        skip = vocab.union(("articles", "possessives"))
        return a_person(
            next((m for m in range(k - n) if items[m].kind == WORD and not skip.match(low, m)), None)
        )
    return False


def _named_after_a_clause(
    items: tuple[Token, ...],
    low: list[str],
    start: int,
    ctx: NameContext,
    a_person: Callable[[int | None], bool],
) -> bool:
    """A finite naming phrase after a relative clause goes back to the noun the clause hangs on: "El hombre
    que la recogía cada noche se llamaba Campos", "L'homme qui venait la chercher s'appelait Fall", "The
    man who drove her was called Costa". Not a participle ("a country called Bhutan"), not when a noun of
    its own stands right before the phrase after an article or a possessive ("the man who runs it says
    the programme is called Safe Steps") or inside the clause ("that her favourite team is called"), and
    not across a sentence's end."""
    before = start - 1
    if before < 1 or items[before].kind != WORD:
        return False
    vocab = ctx.vocab
    first = low[start]
    if not (
        first in vocab["copulas"] or first in ("se", "s'") or first.startswith("s'") or first.endswith("-se")
    ):
        return False  # "a faraway country called Bhutan", "un programa llamado…": a participle names its noun
    nominal = vocab.union(("articles", "possessives"))
    if nominal.match(low, before - 1) and not (
        low[before - 1] in vocab["object_pronouns"]
        and ctx.knowledge.verb_or_infinitive(low[before], ctx.languages)
    ):
        return False  # "the programme is called", "la escuela se llama" ("que la recogía se llamaba")
    relative = vocab["relative_pronouns"]

    def hangs_on_a_person(m: int) -> bool:  # the noun before the relative pronoun at m, past a comma
        head = m - 1
        while head >= 0 and items[head].text == ",":
            head -= 1
        return head >= 0 and items[head].kind == WORD and (a_person(head) or low[head] in vocab["titles"])

    if low[before] in relative:  # "a choir that is called Little Voices": the clause is the name's own
        return hangs_on_a_person(before)
    for m in range(before - 1, max(0, before - 14), -1):
        t = items[m]
        if t.kind != WORD:
            if t.text in '.!?;:"«»“”':
                return False
            continue
        if low[m] in relative:
            if any(
                items[x].kind == WORD
                and nominal.match(low, x)
                and not (
                    low[x] in vocab["object_pronouns"]
                    and ctx.knowledge.verb_or_infinitive(low[x + 1], ctx.languages)
                )
                for x in range(m + 1, before)
            ):
                return False  # "told her teacher that her favourite team is called Arsenal": the team's
            return hangs_on_a_person(m)
    return False


_ROLE_NOUNS = ("life_roles", "people_nouns", "child_words")


def _name_or_rare(w: str, ctx: NameContext) -> bool:
    """A given name, a census surname, or a word too rare to be read as a common one: what a role before
    it makes a name ("la vecina Flores"; "une jeune Ivoirienne" is a nationality, a frequent word)."""
    return ctx.given(w) or fold(w) in ctx.knowledge.surnames or ctx.frequency(w) < 3.0


def _after_a_role(
    items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary, *, comma: bool
) -> bool:
    """A lowercase word for someone's role right before the run ("her neighbour Brown", "la vecina
    Flores", "o motorista Rocha"), or before one comma with `comma` ("the driver, Brown,"). The run names
    them, whatever its words; right after the role, even a place's name. A pronoun is no role ("told him
    Sunday…"), nor a word in a heading."""
    m = i - 1
    if comma:
        if m < 0 or items[m].text != ",":
            return False
        m -= 1
        # "the owner of the bar, King,", "le patron du bar, Blanc,": the role and what it is of, and the
        # name between commas
        for of in range(m - 1, max(-1, m - 4), -1):
            if items[of].kind != WORD or items[of].cap:
                break
            if low[of] in _OWNER_LINKS:
                if (
                    of > 0
                    and _a_role_at(items, low, of - 1, vocab)
                    and i + 1 < len(items)
                    and items[i + 1].text == ","
                ):
                    return True
                break
    return _a_role_at(items, low, m, vocab)


def _a_role_at(items: tuple[Token, ...], low: list[str], m: int, vocab: Vocabulary) -> bool:
    """Word m is a lowercase word for someone's role, no family's word."""
    if m < 0 or items[m].kind != WORD or items[m].cap or low[m] in vocab["family_words"]:
        return False  # "la familia Ramírez" is a family's name (_family_surname)
    return any(low[m] in vocab[section] for section in _ROLE_NOUNS)


# What stands between a thing and its owner's name: "la moto DE Fall", "o carro DO Costa", "ang van NI Manalo"
_OWNER_LINKS = frozenset({"of", "de", "del", "du", "da", "do", "ni", "ng", "kay"})


def _an_owner(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k, a census surname or a given name, owns something a person has (`belongings`): right after
    one and "de", "of" or "ni" ("la camioneta de Campos", "la moto de Fall"), or with an 's before one
    ("Costa's silver van"). A van or a phone is a person's or a business's; a town's name there is
    someone's."""
    t = items[k]
    w = low[k]
    vocab = ctx.vocab
    if t.upper or w in vocab.known or w in vocab.public or w in ctx.acronyms:
        return False  # "the UK's framework", "UNICEF's car": a country, a body
    if not (ctx.given(w) or fold(w) in ctx.knowledge.surnames):
        return False  # "un coche de Toyota", "Kalayaan's advisers": a brand's, a body's
    belongings = vocab["belongings"]
    if t.possessive:
        return not (k > 0 and low[k - 1] in vocab["articles"]) and any(  # "the Circle's cook": a body's
            items[m].kind == WORD and low[m] in belongings for m in range(k + 1, min(len(items), k + 3))
        )  # "Costa's silver van" ("Ford's factory", "Cadbury's chocolate": no one's things)
    m = k - 1
    if m < 1 or items[m].kind != WORD or items[m].cap or low[m] not in _OWNER_LINKS:
        return False
    return (
        items[m - 1].kind == WORD
        and not items[m - 1].cap
        and low[m - 1] in belongings
        and not (m > 1 and low[m - 2] in vocab["indefinite_articles"])  # "un coche de Toyota": a make
    )


def _no_place_here(w: str, ctx: NameContext) -> bool:
    """Word w, doing what a person does (owning a van, picking someone up), is no place: it names none,
    or only a town or a state that could not do it (`_a_town_acting`: "la moto de Flores" in a Mexican
    story; "Lagos's buses", "la camioneta de Jalisco" there are the city's and the state's)."""
    place = ctx.place(w)
    return place is None or _a_town_acting(w, place, ctx)


def _skippable(vocab: Vocabulary) -> frozenset[str]:
    """Words that may stand between a name and its kinship word (made once per vocabulary)."""
    made = vocab.made.get("skippable")
    if made is not None:
        return made
    out: set[str] = set()
    for section in ("articles", "possessives", "kinship_modifiers", "person_markers", "titles", "copulas"):
        out |= vocab[section].single
    for phrase in vocab["naming_phrases"].phrases | {(w,) for w in vocab["naming_phrases"].single}:
        out.update(phrase)
    made = vocab.made["skippable"] = frozenset(out)
    return made


def _place_context(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A place word before ("village of", "barangay", "colonia") or after ("village", "Nagar"), a
    place word in apposition ("her village, Bargaon"), or a landmark after with a locative before
    ("behind the Hanuman temple"). A place word after that is a small word of the text's languages is
    that word ("Aliciada para…": Portuguese "for", not a Bengali neighbourhood)."""
    vocab = ctx.vocab
    before = vocab["place_words_before"]
    after = vocab["place_words_after"]
    k = i - 1
    while k >= 0 and items[k].kind == PUNCT and items[k].text in ",:":
        k -= 1
    if (
        k >= 0
        and items[k].kind == WORD
        and (low[k] in before or low[k] in after or _phrase_ends(low, k, before))
        # "En el campamento, Joel tenía que…": a phrase of place opening the sentence, then its subject
        and not (k < i - 1 and _verb_at(items, low, j, ctx))
    ):
        return True
    if (
        j < len(items)
        and items[j].kind == WORD
        and (low[j] in after or before.match(low, j) > 0)
        and fold(low[j]) not in ctx.function_words
    ):
        return True
    landmark = vocab["landmark_words"].match(low, j) if j < len(items) else 0
    return bool(landmark) and _locative_before(items, low, i, vocab)


def _verb_at(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k is a verb's form ("tenía", "drove"), lowercase."""
    if k >= len(items) or items[k].kind != WORD or items[k].cap:
        return False
    if ctx.english:
        return ctx.knowledge.english_past_or_present(low[k]) and not low[k].endswith("s")
    return ctx.knowledge.verb_form(low[k], ctx.languages)


def _phrase_ends(low: list[str], k: int, lexicon: Lexicon) -> bool:
    return _phrase_length(low, k, lexicon) > 0


def _phrase_or_word(low: list[str], k: int, lexicon: Lexicon) -> int:
    """How many words of an entry of `lexicon` end at k, a one-word entry included; 0 if none."""
    return _phrase_length(low, k, lexicon) or (1 if low[k] in lexicon else 0)


def _phrase_length(low: list[str], k: int, lexicon: Lexicon) -> int:
    """How many words of a phrase of `lexicon` end at k (the shortest), 0 if none."""
    if 0 <= k < len(low) and low[k] not in lexicon.last_words:
        return 0  # no entry ends with this word (most words)
    for n in range(2, lexicon.longest + 1):
        if k - n + 1 >= 0 and tuple(low[k - n + 1 : k + 1]) in lexicon.phrases:
            return n
    return 0


# A city this large named right after "fled" or "left" is the city, even when people are also called that
# ("fled Aden"); a smaller one ("left Victoria with her aunt") may still be a person.
_BIG_CITY = 500_000


def _place_verb_before(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """A verb that takes a place ("fled", "quitté", "huyó") just before i."""
    return i > 0 and items[i - 1].kind == WORD and low[i - 1] in vocab["place_verbs"]


def _town_opens(
    items: tuple[Token, ...], low: list[str], k: int, j: int, place: Place, ctx: NameContext
) -> bool:
    """A common word opening a heading or a sentence alone that names a town of the story's own country,
    used as a name: before a comma ("## Orange, un nouveau départ", "Kawayan, ang bayang kinalakhan
    niya"; in English only in a heading, where "Reading, writing…" is rarer), or as the subject of a
    verb, in English with its object pronoun between them ("Reading helps" is English), elsewhere with or without it ("Cabra la recibió", "Orange l'a accueillie"), which a
    common noun does not do without its article in French, Spanish or Portuguese."""
    t = items[k]
    if not t.starts or j != k + 1 or place.country != ctx.home or low[k] in ctx.function_words:
        return False
    if j < len(items) and items[j].kind == PUNCT and items[j].text in (",", ":"):
        return t.heading or not ctx.english
    pronouns = _object_pronouns_before_a_verb(items, low, j, ctx)
    # "Tarifa queda a una hora", "Sens est à une heure": a verb right after
    return pronouns > 0 or (pronouns == 0 and not ctx.english)


def _a_surname_acting(
    items: tuple[Token, ...], low: list[str], k: int, j: int, ctx: NameContext, *, bare_only: bool = False
) -> bool:
    """A census surname, not after a preposition, as the subject of a verb that does something to
    someone: its object pronoun before the verb ("García la llevaba", "Blanc l'a emmenée", "Campos la
    recogía") or, in English, a person's pronoun after it ("Brown drove her", "Costa picked him up").
    In Filipino, before "ang" and a verb ("Manalo ang sumusundo sa kanya"). A word or a town of that
    name, it is a person here (the caller keeps a big city and a state of the story's own country a
    place: `_a_town_acting`)."""
    w = low[k]
    know = ctx.knowledge
    if (
        fold(w) not in know.surnames
        or w in ctx.function_words
        or w in ctx.vocab["bare_subjects"]
        or w in ctx.vocab["sentence_adverbs"]
    ):
        return False  # "Hunger drove her to the city", "Allí la encontraron"
    if k > 0 and items[k - 1].kind == WORD and low[k - 1] in _PREPOSITIONS:
        return False  # "en Flores la conocieron": the town
    adverbs = ctx.vocab["subject_adverbs"]
    town = ctx.place(w) is not None  # "Ese año, Zárate también abrió un refugio": a town may, itself no
    companion = _and_a_companion(items, low, j, ctx)  # "King and his wife kept her", "Flores y su esposa…"
    j += companion
    for _ in range(2):  # "Bello himself came", "Quiroz también la recogía", "Manalo mismo ang sumusundo"
        if j + 1 < len(items) and items[j].kind == WORD and not items[j].cap and adverbs.match(low, j):
            if town and low[j] not in _INTENSIVE:
                break
            j += adverbs.match(low, j)
    if _a_bare_subject(items, low, k, j, ctx):
        return True
    if bare_only or w in ctx.lowercase:
        return False
    word = ctx.given(w) and know.more_word_than_name(w, ctx.languages)  # "Hope", "Flores", "Galo", "Allí"
    # "« Antes no tenía nada »": one of the language's most frequent words, rarely a surname, opening
    # the sentence is the word
    very_frequent = (  # "« Guerra me vendió »" is someone, "« Antes no tenía nada »" a word
        ctx.frequency(w) >= 5.0
        and not ctx.surname(w)
        and not _a_persons_pronoun_before_a_verb(items, low, j, ctx)
    )
    if (
        (word or very_frequent)
        and items[k].initial
        and not companion  # "Hope and his wife…" is no hope: someone with a wife
        and (not _quoted_opening(items, k) or ctx.frequency(w) >= 5.0)
    ):
        return False  # "Hope kept her going", "Allí le dijeron…": a word people are rarely called,
        # opening the sentence (mid-sentence the capital says a name, "Every night Flores picked her
        # up"; and opening what someone says, "Flores te va a buscar": a noun would have its article)
    if _object_pronouns_before_a_verb(items, low, j, ctx) > 0 or (
        not ctx.english and _someone_in_the_verb_group(items, low, j, ctx)
    ):
        return True
    if word and not companion:
        return False  # "nenhum jogo do Galo pela televisão": such a word needs the object pronoun above
    if j >= len(items) or items[j].kind != WORD or items[j].cap:
        return False
    if ctx.english and j + 1 < len(items) and low[j + 1] in ("her", "him", "them"):
        # "Neighbours found her": opening the sentence, a plural needs no article
        return know.english_past_or_present(low[j]) and not (items[k].initial and _an_english_plural(w, ctx))
    if j + 1 < len(items) and items[j + 1].kind == WORD and _who_did_it(low[j], low[j + 1], ctx):
        return True  # "Tuwing gabi, Manalo ang sumusundo sa kanya": Manalo is the one who picks her up
    # Mid-sentence, a capitalised surname before any verb is its subject ("Every evening Bello came",
    # "Chaque soir, Sow venait", "Todas as noites Oliveira buscava-a"); opening a sentence, an English
    # noun does that too ("Peace returned"), so there only the forms above count. In French, Spanish or
    # Portuguese a noun opening what someone says has its article: "« Fontaine va venir te chercher »"
    # is someone ("Rocha dura, dizia a avó" opens no quotation: a rock).
    # in English a past tense: "questions" after "'Ask" is a noun
    return (not items[k].initial or (not ctx.english and _quoted_opening(items, k))) and _verb_at(
        items, low, j, ctx
    )


# Articles Portuguese (and colloquial Spanish) put before people's names: "O João a vendeu", "la Rosa".
_NAMES_ARTICLES = frozenset(["o", "a", "os", "as"])


# What a known word may be as a bare subject without being a name: a relative ("Mamá me llevó"), a title
# ("Doctor saw her"), a person's word or a number ("Dos me llevaron").
_NOT_BARE_NAMES = ("kinship", "titles", "person_words", "number_words", "people_nouns")


def _a_bare_subject(items: tuple[Token, ...], low: list[str], k: int, j: int, ctx: NameContext) -> bool:
    """Word k, capitalised, is the subject of a verb done to someone: in French, Spanish or Portuguese
    with a person's object pronoun before the verb at j ("Flores la recogía", "« Blanc m'a vendue »",
    "Pereira a buscava"), in English with a person's pronoun after it ("King drove her", '"White took
    us…"'). A noun of those languages would have its article there ("El rey la…", "The king drove
    her"), so only a name does this, though the text also writes the word in lowercase ("a baker") and
    it is a frequent word. Except what may open a clause so: an adverb, a pronoun, God, and in English
    a noun of what is not counted ("Hope kept her going", "Hunger drove her": `bare_subjects`)."""
    w = low[k]
    if items[k].upper or (not ctx.english and w.endswith(("mente", "ment"))):
        return False  # "the NGO helped her": an acronym; "Finalmente la encontraron": an adverb
    if (
        k > 0
        and items[k - 1].kind == WORD
        and low[k - 1] in ctx.vocab["articles"]
        and (ctx.english or low[k - 1] not in _NAMES_ARTICLES)
    ):
        return False  # "étudie le Coran le fasse…", "the King drove her": a noun with its article ("O João a
        # vendeu" is someone)
    if _not_bare_name(w, ctx) or not _done_by_hand(items, low, j, ctx):
        return False  # "Monday brought her good news", "Inglés le costó", "Bread kept us alive": only
        # what a person does with their hands ("drove her", "la recogía") makes a word someone
    if ctx.english:
        v = _english_verb_of_group(items, low, j, ctx)
        if v != j and ctx.place(w) is not None:
            return False  # "Leeds had taken her in": a city's verb group; "Leeds took her" is read as before
        return (
            not _an_english_plural(w, ctx)  # "Neighbours took her in", "Drivers picked them up"
            and 0 <= v < len(items) - 1
            and items[v + 1].kind == WORD
            # "King sold Mira to a bar owner": the survivor herself
            and (
                low[v + 1] in ("her", "him", "them", "me", "us") or low[v + 1] in ctx.declared.person_phrases
            )
            # "Sunday was her day off": a copula does nothing to anyone
            and not ctx.knowledge.lemmas(low[v], (0,)) & {"be", "become", "seem", "remain"}
        )
    if j + 1 < len(items) and items[j + 1].kind == WORD and _who_did_it(low[j], low[j + 1], ctx):
        # "Reyes ang nagbenta sa kanya": the one who sold her. A Tagalog or English noun may be that
        # predicate without its article ("Pulis ang nagligtas sa kanya": police), a surname only a name.
        return not ctx.knowledge.dictionary_word(w, (0, _FILIPINO))
    return _someone_in_the_verb_group(items, low, j, ctx)


# What may stand in an English verb group before its verb: auxiliaries, modals, "used to", adverbs of time
# and frequency ("King HAD driven her", "Stone WOULD drive her", "King USED TO pick her up", "Rose NEVER let
# her"); any other word in -ly is an adverb too ("Stone TYPICALLY picked her up").
_ENGLISH_GROUP = frozenset({"had", "has", "have", "would", "will", "could", "should", "might", "must", "can",
                            "did", "does", "do", "was", "is", "were", "are", "used", "to", "never", "always",
                            "often", "once", "still", "also", "even", "sometimes", "usually", "then", "just",
                            "later", "soon", "again", "already", "first", "not", "ever", "twice"})  # fmt: skip


def _in_an_english_group(w: str) -> bool:
    """An auxiliary, a modal, "used to" or an adverb: what stands before an English verb in its group."""
    return w in _ENGLISH_GROUP or (w.endswith("ly") and len(w) > 4)


def _english_verb_of_group(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> int:
    """The index of the verb of the English verb group at j, after up to three auxiliaries, modals or
    adverbs ("had driven", "used to pick", "typically picked"), or -1 when there is none: a past or
    present form, or any form of a verb done by hand ("hit", "beat", "let" look like their bare form)."""
    v = j
    while (
        v < min(len(items), j + 3)
        and items[v].kind == WORD
        and not items[v].cap
        and _in_an_english_group(low[v])
    ):
        v += 1
    if v >= len(items) or items[v].kind != WORD or items[v].cap:
        return -1
    w = low[v]
    return v if ctx.knowledge.english_past_or_present(w) or _by_hand(w, ctx, (0,)) else -1


def _not_bare_name(w: str, ctx: NameContext) -> bool:
    """A word that may open a clause without its article and is nobody: a month, a weekday, a feast, a
    language or a people, a religion ("Mayo la encontró…", "Noël la rendait triste", "English helped
    her", "Islam gave her strength"), an English gerund ("Running helped her")."""
    vocab = ctx.vocab
    return (
        w in vocab.months
        or any(w in vocab[s] for s in ("weekdays", "festivals", "peoples", "religions"))
        or ctx.knowledge.demonym(w)
        or (ctx.english and w.endswith("ing") and ctx.knowledge.english_past_or_present(w))  # not "King"
    )


def _an_english_plural(w: str, ctx: NameContext) -> bool:
    """The plural of an English dictionary word that is no given name ("neighbours", "parties"; not
    "roberts"): a noun that may be a subject without its article."""
    if not w.endswith("s") or w.endswith("ss"):
        return False
    forms = [w[:-1], w[:-2] if w.endswith("es") else "", w[:-3] + "y" if w.endswith("ies") else ""]
    return any(f and ctx.knowledge.dictionary_word(f, (0,)) and not ctx.given(f) for f in forms)


# Words that put who did it after a participle: "vendida POR", "recrutée PAR", "recruited BY".
_AGENT_MARKERS = frozenset(["by", "por", "par", "pelo", "pela"])
_AGENT_PARTICIPLES = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "é", "ée", "és", "ées",
                       "i", "ie", "is", "ies", "u", "ue", "us", "ues", "to", "ta", "tos", "tas", "so", "sa",
                       "cho", "cha", "it", "ite", "ert", "erte")  # fmt: skip


def _a_person_suffered_by(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> bool:
    """The run at i is the agent of a passive done by hand to a person (`_an_agent`, `_a_person_suffered`):
    "she was sold by Brown", "she was lured to the city by Brown", "vendue au patron par Blanc"."""
    p = _agent_participle(items, low, i, ctx)
    return p is not None and _a_person_suffered(items, low, p, ctx)


# Words that open the phrase of place or of whom between a participle and its agent: "lured TO the city
# by", "vendue AU patron par", "llevada A la frontera por", "levada PARA o bar pelo".
_PASSED_TO = frozenset({"to", "into", "in", "at", "à", "au", "aux", "a", "al", "ao", "para", "pra", "en",
                        "em", "no", "na", "dans", "hacia"})  # fmt: skip


def _agent_participle(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> int | None:
    """Where the participle is whose agent the run at i is (`_an_agent`): right before "by", or before a
    particle ("picked up by Brown") or a short phrase of where or to whom ("lured to the city by Brown",
    "vendue au patron par Blanc": up to four lowercase words, no punctuation); an article may stand
    before the name ("vendida por el Campos")."""
    q = i - 1  # the marker: "by", "por", "par"
    if q >= 1 and items[q].kind == WORD and low[q] in _NAME_ARTICLES:
        q -= 1
    if q < 1 or items[q].kind != WORD or low[q] not in _AGENT_MARKERS:
        return None
    if _an_agent(items, low, i, ctx, participle=q - 1):
        return q - 1
    if low[q - 1] in _PARTICLES and q >= 2 and _an_agent(items, low, i, ctx, participle=q - 2):
        return q - 2
    for m in range(q - 2, max(-1, q - 6), -1):
        if items[m].kind != WORD or items[m].cap:
            return None
        if low[m] in _PASSED_TO and m >= 1 and _an_agent(items, low, i, ctx, participle=m - 1):
            return m - 1
    return None


# An article before a name in speech ("el Campos", "o Rocha", "la Flaca"), and a verb's particles.
_NAME_ARTICLES = frozenset({"el", "la", "o", "a", "le"})
_PARTICLES = frozenset({"up", "away", "off", "out"})


def _an_agent(
    items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext, participle: int | None = None
) -> bool:
    """The run at i says who did what the participle of a verb done by hand before it says ("aliciada
    por João", "vendue par Fall", "recruited by Pereira"): someone, not a town of that name (a country
    or a state is read as a place first). `participle`: where the participle is, if not right before the
    marker."""
    if participle is None:
        if i < 2 or items[i - 1].kind != WORD or low[i - 1] not in _AGENT_MARKERS:
            return False
        m = i - 2
    else:
        m = participle
    if m < 0 or items[m].kind != WORD or items[m].cap:
        return False
    w = low[m]
    # only what a person does with their hands: "funded by Makati", "financiado por Petrolina" are the
    # towns' councils
    if ctx.english:
        return ctx.knowledge.english_past_or_present(w) and _by_hand(w, ctx, (0,))
    if not w.endswith(_AGENT_PARTICIPLES):
        return False
    masculine = w[:-1] + "o" if w.endswith(("ada", "ida")) else w  # "aliciada": "aliciado", "aliciar"
    return _by_hand(w, ctx) or _by_hand(masculine, ctx)


def _may_be_someone(t: Token, w: str, ctx: NameContext) -> bool:
    """A capitalised word that may be a person's name where the sentence says someone: no acronym, month,
    feast, people, religion, God, relative, title or person's word ("It was Easter that…", "fue rescatada
    por Dios", "Fue Mamá quien la llevó")."""
    vocab = ctx.vocab
    return (
        not t.upper
        and not _not_bare_name(w, ctx)
        and w not in vocab["bare_subjects"]
        and not any(w in vocab[s] for s in _NOT_BARE_NAMES)
    )


# Relative pronouns only a person takes ("It was Stone WHO…", "Fue Campos QUIEN…", "Foi Pereira QUEM…");
# French "qui" is anything's.
_PERSONS_WHO = (_WHO - {"qui"}) | {"whom"}
# The copula of a cleft sentence before its subject ("It WAS Stone who", "FUE Campos quien", "C'EST Blanc qui")
_CLEFT_COPULAS = frozenset({"was", "is", "fue", "es", "era", "foi", "é", "est", "était", "fut"})


def _before_a_persons_who(
    items: tuple[Token, ...], low: list[str], k: int, place: Place | None, ctx: NameContext
) -> bool:
    """Word k is the one a relative only a person takes is about: right after a cleft's copula ("It was
    Stone who sold her", "Fue Campos quien la vendió", "Foi Pereira quem a vendeu"; French "C'est Blanc qui
    l'a vendue" only before someone acting on someone, "qui" being anything's) or in apposition before
    a comma ("Stone, who ran the bar, took her phone"). A town's name there, and anything before French
    "qui", only when what follows is done to someone by hand ("Fue Medellín quien le dio una segunda
    oportunidad", "C'est Dakar qui l'a fait rêver": the city)."""
    j = k + 1
    if j + 1 >= len(items) or items[j].kind == PUNCT and items[j].text != ",":
        return False
    comma = items[j].kind == PUNCT
    m = j + 1 if comma else j
    if m + 1 >= len(items) or items[m].kind != WORD:
        return False
    c = k - 1  # the copula, an article between ("Fue el Campos quien…")
    if c > 0 and items[c].kind == WORD and low[c] in _NAME_ARTICLES:
        c -= 1
    cleft = c >= 0 and items[c].kind == WORD and low[c] in _CLEFT_COPULAS and not comma
    if m + 2 < len(items) and low[m] in ("el", "la", "los", "las") and low[m + 1] == "que":
        m += 1  # "Fue Campos el que la vendió", "Fue Flores la que…": Spanish's "the one who"
        anything = False
    elif low[m] in _PERSONS_WHO:
        if not (cleft or comma):
            return False
        anything = False
    elif low[m] in ("qui", "que", "that") and cleft and (low[m] != "qui" or low[c - 1] in ("c'", "c’", "ce")):
        anything = True  # "C'est Blanc qui…", "It was Brown that…", "Foi Rocha que…": anything's relative
    else:
        return False
    if place is None and not anything:
        return True
    return _done_by_hand(items, low, m + 1, ctx) and _someone_acts_on_someone(items, low, m + 1, ctx)


# The people a person has working for them ("King's bouncers", "los hombres de Campos"), besides the
# sections of people's words.
_HIS_PEOPLE = frozenset({"men", "workers", "bouncers", "guards", "friends", "associates", "boys", "driver", "gang",
                         "hombres", "chofer", "chófer", "matones", "hommes", "chauffeur", "sbires", "homens",
                         "motorista", "capangas", "jagunços"})  # fmt: skip
_PEOPLE_SECTIONS = ("people_nouns", "life_roles", "kinship", "person_words")


def _whose_people(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k owns people, no article before it: "King's bouncers took her phone", "Brown's friends", "los
    hombres de Campos", "le chauffeur de Blanc", "os homens de Rocha". Only a person has them ("the
    King's men" is a title; "Brazil's men won the match" is a country, read as a place first)."""
    vocab = ctx.vocab
    people = vocab.union(_PEOPLE_SECTIONS)

    def a_person_word(m: int) -> bool:
        return 0 <= m < len(items) and items[m].kind == WORD and (low[m] in _HIS_PEOPLE or low[m] in people)

    if items[k].possessive:
        before = k - 1
        return a_person_word(k + 1) and not (
            before >= 0 and items[before].kind == WORD and low[before] in vocab["articles"]
        )
    return k >= 2 and low[k - 1] in ("de", "del", "do", "da", "du") and a_person_word(k - 2)


def _the_speaker(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """Word k is who spoke a quotation: right after a verb of speech (`speech_verbs`, an object pronoun
    or an auxiliary before it, or its pronoun on it) that follows the quotation's closing mark ('"Get in
    the car," said Brown', '« Monte », lui a lancé Blanc', '«Súbete», le exigió Campos', '"Entra",
    mandou-lhe Rocha'), or right before one ('"Get in the car," Brown told her'). Only people speak."""
    said = ctx.vocab["speech_verbs"]
    pronouns = ctx.vocab["object_pronouns"]

    def quoted_before(s: int) -> bool:
        return s >= 1 and (
            items[s - 1].text in _CLOSE_QUOTES
            or (s >= 2 and items[s - 1].text == "," and items[s - 2].text in _CLOSE_QUOTES)
        )

    m = k - 1
    if m >= 0 and items[m].kind == WORD and not items[m].cap:
        n = _phrase_or_word(low, m, said) or (1 if low[m].split("-")[0] in said else 0)
        if n:
            s = m - n + 1
            while s >= 1 and items[s - 1].kind == WORD and (low[s - 1] in pronouns or low[s - 1] == "a"):
                s -= 1  # "le exigió", "lui a lancé"
            if quoted_before(s):
                return True
    nxt = k + 1
    return (
        nxt < len(items)
        and items[nxt].kind == WORD
        and (low[nxt] in said or said.match(low, nxt) > 0)
        and quoted_before(k)
    )


# What opens a sentence that asks who did it, to be answered after a copula ("Quien la vendió … fue
# Campos", "Celui qui l'a vendue…, c'était Blanc", "The one who sold her was Brown").
_WHO_OPENERS = (("quien",), ("quienes",), ("quem",), ("who",), ("el", "que"), ("la", "que"), ("o", "que"),
                ("aquele", "que"), ("aquela", "que"), ("celui", "qui"), ("celle", "qui"), ("the", "one", "who"),
                ("the", "man", "who"), ("the", "woman", "who"), ("the", "person", "who"))  # fmt: skip


def _answers_a_persons_who(items: tuple[Token, ...], low: list[str], k: int) -> bool:
    """Word k, right after a copula, answers a sentence that opened by asking who ("Quien la vendió a un
    bar fue Campos", "Quem a vendeu foi Pereira", "Celui qui l'a vendue, c'était Blanc", "The one who
    sold her was Brown"): a person, whatever else the word is."""
    c = k - 1
    if c > 0 and items[c].kind == WORD and low[c] in _NAME_ARTICLES:
        c -= 1
    if c < 1 or items[c].kind != WORD or low[c] not in _CLEFT_COPULAS:
        return False
    first = c  # the sentence's first word
    while first > 0 and not (items[first - 1].kind == PUNCT and items[first - 1].text in ".!?"):
        first -= 1
    while first < c and items[first].kind != WORD:
        first += 1
    if first >= c:
        return False
    return any(tuple(low[first : first + len(opener)]) == opener for opener in _WHO_OPENERS)


# What stands between a passive's subject and its participle: "she WAS sold", "elle A ÉTÉ vendue", "FUE
# vendida", "ela FOI aliciada".
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets", "had",
                                  "has", "have", "fue", "fui", "fueron", "era", "eran", "es", "son", "sido", "ha",
                                  "había", "foi", "foram", "é", "são", "tinha", "a", "été", "était", "est", "ont",
                                  "avait", "sont", "fut", "ai"})  # fmt: skip
_PERSONAL_SUBJECTS = frozenset({"she", "he", "they", "i", "we", "who", "ella", "él", "ellas", "ellos", "yo", "elle",
                                "il", "elles", "ils", "je", "qui", "ela", "ele", "elas", "eles", "eu", "que"})  # fmt: skip


def _a_person_suffered(items: tuple[Token, ...], low: list[str], p: int, ctx: NameContext) -> bool:
    """The participle at p is a passive whose subject is a person: a personal pronoun, the survivor, a
    person's or a child's word or a name before its auxiliary ("she was sold by…", "Ela foi aliciada
    por…"), or no subject said ("Fue vendida por…"). Not a thing ("her team was beaten by…", "sus
    pulseras son vendidas por…"), nor a participle with no auxiliary ("scarves sold by…")."""
    vocab = ctx.vocab
    m = p - 1
    while (
        m >= 0
        and m > p - 5
        and items[m].kind == WORD
        and (
            low[m] in _PASSIVE_AUXILIARIES
            or low[m] in vocab["subject_adverbs"]
            or low[m] in vocab["negations"]
            or low[m].endswith(("ly", "mente"))
        )
    ):
        m -= 1
    if m == p - 1:
        return False
    if m < 0 or items[m].kind != WORD:
        return True
    w = low[m]
    return (
        w in _PERSONAL_SUBJECTS
        or w in ctx.declared.person_phrases
        or any(w in vocab[s] for s in ("child_words", "person_words", "people_nouns", "kinship"))
    )


def _a_job_after(items: tuple[Token, ...], low: list[str], j: int, vocab: Vocabulary) -> bool:
    """A job's or a team's frame right after the agent: "recruited by Costa AS a barista", "reclutada por
    Mango COMO vendedora", "picked by Brown FOR the squad", "recruited by Shell TO work". "To" before an
    article or a possessive is whom she was passed to: "sold by Brown TO THE owner of a bar"."""
    if j >= len(items) or items[j].kind != WORD or low[j] not in _JOB_FRAMES:
        return False
    nxt = j + 1
    return not (
        low[j] == "to"
        and nxt < len(items)
        and items[nxt].kind == WORD
        and (low[nxt] in vocab["articles"] or low[nxt] in vocab["possessives"])
    )


_JOB_FRAMES = frozenset({"as", "como", "comme", "for", "para", "pour", "to"})


def _an_unknown_home(w: str, ctx: NameContext) -> bool:
    """After Filipino "taga" (from), a word no list explains and the language does not use often: the
    name of where someone is from ("taga-Tondo"; "taga-Gobyerno" is a word, "Taga-Mindanaw" a region)."""
    vocab = ctx.vocab
    # "Taga-Ilaya si Mira": a word that marks a part of a village ("San Roque Ilaya") is a sitio's name too
    return (
        (w not in vocab.known or w in vocab["place_words_after"])
        and w not in vocab.public
        and ctx.frequency(w) < 4.5
    )


# What "X ang …" says X is when not a place: someone's name, surname or nickname.
_NAMES_OF_PEOPLE = frozenset(["pangalan", "apelyido", "palayaw", "ngalan", "tawag"])


def _someones_kin(items: tuple[Token, ...], low: list[str], m: int, ctx: NameContext) -> bool:
    """Word m is a kinship word that says whose relative follows: in lowercase ("o avô Neto"), or
    capitalised after a possessive, an article or "ng" ("su Tío Rey", "ng Tiyo Rey"; not in a body's
    name, "Independent Child Trafficking Guardians", nor a singer's, "les chansons de Didi B")."""
    vocab = ctx.vocab
    if items[m].kind != WORD or low[m] not in vocab["kinship"] or low[m] in ctx.not_kinship:
        return False
    if not items[m].cap:
        return True
    before = m - 1
    return (
        before >= 0
        and items[before].kind == WORD
        and not items[before].cap
        and low[before] not in _OF  # "de Didi B": French "de" is also an article
        and (low[before] in vocab["possessives"] or low[before] in vocab["articles"] or low[before] == "ng")
    )


def _agent_after_its_verb(items: tuple[Token, ...], low: list[str], k: int, ctx: NameContext) -> bool:
    """In French, Spanish or Portuguese, word k comes right after a verb of what a person does to
    someone with their hands, with that someone's pronoun before it ("La captó Rey…", "Me vendió
    Campos…"): the subject after its verb, someone (not "Me encantó Lima": no hands there)."""
    if k < 2 or items[k - 1].kind != WORD or items[k - 1].cap and not items[k - 1].initial:
        return False
    verb = low[k - 1]
    said = ctx.vocab["speech_verbs"]
    # what someone says is said by someone: "Me prometió Campos un trabajo", "« Monte », lui a ordonné
    # Blanc", '"…", disse-lhe Rocha'
    m = k - 1
    while m > 0 and items[m - 1].kind == WORD and low[m - 1] in ctx.vocab["object_pronouns"]:
        m -= 1
    quoted = any(items[x].kind == PUNCT and items[x].text in _CLOSING_QUOTES for x in range(max(0, m - 3), m))
    done = (
        _done_by_hand(items, low, k - 1, ctx)
        or _by_hand(verb, ctx)  # "Levou-a Rocha": the verb opening the sentence
        or (
            (_phrase_or_word(low, k - 1, said) > 0 or verb.split("-")[0] in said)
            # after a quotation, its speaker; elsewhere a city may say ("Le dijo Medellín que sí": its council)
            and (quoted or ctx.place(low[k]) is None)
        )
    )
    if _carries_a_person(verb, ctx):
        return done  # "Levou-a Rocha para a estrada"
    return m < k - 1 and _a_persons_pronoun_before_a_verb(items, low, m, ctx) and done


_CLOSING_QUOTES = frozenset({'"', "»", "”", "'", "’"})


def _done_by_hand(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> bool:
    """Within the four words from j, before any punctuation, a verb of what a person does to someone with
    their hands ("me levou", "l'a vendue", "drove her"): no city does that, so the name before it is
    someone's, however big a city also bears it ("Santos me levou para a estrada")."""
    for m in range(j, min(len(items), j + 4)):
        if items[m].kind != WORD:
            return False
        if not items[m].cap and _by_hand(low[m], ctx):
            return True
    return False


def _a_town_acting(w: str, place: Place, ctx: NameContext) -> bool:
    """A place named like a surname cannot pick someone up: as the subject of "la recogía" it is a
    person, unless it is a big city anywhere or a state of the story's own country, which a story may
    speak of so ("Mendoza la recibió con sol" in an Argentine story). A town or a state of another
    country is a person here, whatever else its name means ("Every evening Bello came" in a Nigerian
    story: Colombia's Bello), and so is a small town of the story's own ("Todas as noites, Oliveira
    buscava-a" in a Brazilian one)."""
    named = [place, *ctx.knowledge.places_named(w)]
    if any(p.population >= _BIG_CITY or p.town >= _BIG_CITY or p.capital for p in named):
        return False  # a big city's name anywhere ("Lima", though Mexico has a small Lima too)
    own = next((p for p in named[1:] if p.country == ctx.home), None)
    if own is not None:
        place = own  # "Este año Zamora recibió a cuarenta niñas" in a Mexican story: Michoacán's Zamora
    elif place.country != ctx.home:
        return True  # "Every evening Bello came" in a Nigerian story: Colombia's Bello; "Cada noche
        # Rivera la recogía" in a Mexican one: no department of Uruguay picks a girl up
    # the story's own country: a town under 50,000 ("Todas as noites, Oliveira buscava-a": a Brazilian
    # town of 39,000 and an olive tree), or one under 100,000 named more like people than like a word
    # ("García la llevaba": a Mexican city of 93,000). A state is the state, and a bigger city the city
    # ("Chaque hiver, Lévis organise un carnaval": 143,000).
    return place.level >= CITY and (
        place.population < CITY_POPULATION or (ctx.surname(w) and place.population < CHILD_CITY_POPULATION)
    )


def _quoted_opening(items: tuple[Token, ...], k: int) -> bool:
    """Token k is the first word inside quotation marks."""
    return k > 0 and items[k - 1].kind == PUNCT and items[k - 1].text in _OPEN_QUOTES


def _object_pronouns_before_a_verb(items: tuple[Token, ...], low: list[str], j: int, ctx: NameContext) -> int:
    """How many object pronouns stand between j and the verb after them ("la recibió", "l'a accueillie",
    "her" in "…helped her"): 0 for a verb right at j, -1 when no verb follows."""
    pronouns = ctx.vocab["object_pronouns"]
    m = j
    while m < len(items) and items[m].kind == WORD and low[m] in pronouns and m < j + 3:
        if low[m] == "a" and m > j and low[m - 1].endswith(("'", "’")):
            break  # "l'a battue": after an elided pronoun, French "a" is the verb (avoir), no Portuguese "a"
        m += 1
    verb = (
        m < len(items)
        and items[m].kind == WORD
        and not items[m].cap
        and ctx.knowledge.verb_form(low[m], ctx.languages)
    )
    return m - j if verb else -1


def _locative_before(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """A locative ("behind", "near", "detrás de", "malapit sa") within four words before i."""
    loc = vocab["locatives"]
    for k in range(max(0, i - 5), i):
        if items[k].kind == WORD and (low[k] in loc or _phrase_ends(low, k, loc) or low[k] in _PREPOSITIONS):
            return True
    return False


# Prepositions that put a place after them, in the five languages ("in Paris", "à Lyon", "en Puebla").
_PREPOSITIONS = frozenset(
    [
        "in",
        "from",
        "to",
        "at",
        "near",
        "into",
        "toward",
        "towards",
        "through",
        "via",
        "across",
        "around",
        "outside",
        "between",
        "within",
        "inside",
        "throughout",
        "à",
        "au",
        "aux",
        "en",
        "de",
        "desde",
        "para",
        "em",
        "no",
        "na",
        "sa",
        "nasa",
        "taga",
        "papuntang",
        "patungong",
        "pauwi",
        "hacia",
        "hasta",
        "até",
        "vers",
        "depuis",
    ]
)


def _followed_by_place(items: tuple[Token, ...], j: int) -> bool:
    """ ", India" or ", Mexico" after the run: a place written the way addresses are."""
    return j + 1 < len(items) and items[j].kind == PUNCT and items[j].text == "," and items[j + 1].cap


def _institution(
    items: tuple[Token, ...], low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> tuple[int, int] | None:
    """The token span of a named institution: a head word ending the run after another capitalised word
    ("Sisler High", "Holy Child Convent School"), a head word opening it before a name or a number
    ("Escuela Primaria Benito Juárez", "Hotel Sonali", "Preparatoria 12"). A name the site declared
    (its own programmes) is not one."""
    vocab = ctx.vocab
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    if not words_idx or all(classes.get(k) == DECLARED for k in words_idx):
        return None
    if len(words_idx) > 1 and vocab["school_levels"].match(low, words_idx[0]) == j - words_idx[0]:
        return None  # "nag-aaral ng Senior High School": a level of schooling, not a school's name
    if all(low[k] in ctx.function_words and len(low[k]) < 3 for k in words_idx):
        return None  # "at the centre I met", "my shop and I": a pronoun, not a name
    heads = vocab["institution_words"]
    first_heads = vocab["institution_words_before"]
    last = words_idx[-1]
    if (
        len(words_idx) >= 2
        and _ends_with(low, words_idx, heads, vocab.by_language.get("en", {}).get("institution_words"))
        and not _in_a_law(items, low, i, vocab)  # "the Human Trafficking and Exploitation (Scotland) Act"
        and classes.get(last) != DECLARED  # "Sindicato Nacional de Trabajadores del Hogar", declared
        and not _org_after(items, low, j, vocab)
        # "National Employment Agency", "Centro Nacional de Atención": a body's word names it, and a
        # word of public office is in its name ("Quezon National High School" is a school all the same)
        and not (
            low[last] in vocab["org_words"] and any(low[k] in vocab["org_words"] for k in words_idx[:-1])
        )
        and not _body_of(items, low, words_idx, vocab)
        # "the Human Trafficking and Exploitation (Scotland) Act", "…Exploitation of Children and…Act"
        and not _official_around(items, low, i, j, ctx)
    ):
        return i, j
    n = first_heads.match(low, i) or (heads.match(low, i) if not ctx.english else 0)
    if (
        not n
        and items[i].cap
        and not items[i].initial
        and len(words_idx) >= 2
        and (_lives_in(items, low, i, vocab) or (i > 0 and low[i - 1] in _AT))
    ):  # "nakatira sa Bahay ng Pag-asa", "Nasa Bahay ng Pag-asa siya": a named house where she is
        n = vocab["home_words"].match(low, i)
    if n and _in_a_law(items, low, i, vocab):
        n = 0  # "…Sexual Abuse or Exploitation of Children (OSAEC) and … Act": a law's words, not a farm
    if n and classes.get(i) != DECLARED:  # "Instituto Travessia em Belém": the charity, in a city
        rest = [k for k in words_idx if k >= i + n]
        nxt = j if not rest else None
        public = low[i] in vocab["org_words"] and (
            _official(low, i + n, j, vocab)
            or any(low[k] in vocab["peoples"] for k in rest)
            or any(
                vocab["public_bodies"].match(low, k) > 1 for k in rest
            )  # "Oficina de las Naciones Unidas…"
            or _what_it_does(items, low, i + n, rest, classes, vocab)
            or (
                low[i] in vocab["university_words"]
                and all(classes.get(k) in (COMMON, KNOWN, COARSE_PLACE) for k in rest)
            )
        )  # "Instituto Nacional de Migración", "Instituto Mexicano del Seguro Social": a public body;
        # "Centre for Combating Trafficking in Persons"; "University of Hong Kong", "Université Laval"
        if rest and not public:  # "Hotel Sonali", "Posada del Sol": whatever the name's words are
            return i, j
        if nxt is not None and j < len(items) and items[j].kind == NUMBER:
            return i, j + 1
        if rest and public:
            return None  # "A escola comunicou ao Instituto Nacional da Criança": a public body, named by
            # its own head word, not the name of the school a few words before it
    if (
        words_idx == [last]
        and (heads.match(low, last) or first_heads.match(low, last))
        and j < len(items)
        and items[j].kind == NUMBER
        and not _year(items[j].text)
    ):
        return i, j + 1
    head = _head_before(items, low, i, ctx)
    if (
        head is not None
        and not all(classes.get(k) in (DECLARED, COARSE_PLACE) for k in words_idx)
        # "restaurante en Ciudad de Guatemala": where the place is, in a city the site may name
        and not (
            all(classes.get(k) in (DECLARED, COARSE_PLACE, KNOWN) for k in words_idx)
            and any(classes.get(k) in (DECLARED, COARSE_PLACE) for k in words_idx)
            and i > 0
            and (low[i - 1] in _AT or (low[i - 1] in _OF and _big_city(low, i, j, ctx)))
        )
        # "pidió refugio a la Comisión Mexicana…": a body's own name, not the shelter's
        and not (
            low[i] in vocab["org_words"] and low[i] not in vocab["institution_words"] and len(words_idx) > 1
        )
        # "une grande entreprise du BTP", "school supplies ng isang ALS": a sector's or a scheme's acronym
        and not all(items[k].upper and ctx.knowledge.frequency(low[k]) >= 3.0 for k in words_idx)
        # "un albergue del Estado", "un centre d'accueil de l'État": whose it is, the State's, no name
        and not (
            len(words_idx) == 1
            and low[words_idx[0]] in vocab["state_words"]
            and (
                low[i - 1] in _OF_REGION
                or (i >= 2 and low[i - 1] in vocab["articles"] and low[i - 2] in _OF_REGION)
            )
        )
    ):
        return head, j  # "au collège Jean-Moulin", "la maquiladora Textiles del Norte"
    return None


_OF = frozenset(["of", "de", "do", "da", "del", "du"])
_OF_REGION = _OF | {"des", "ng", "d'"}  # "la région du Tigray", "rehiyon ng Bicol"
_OF_STREET = _OF_REGION | {"das", "dos"}


def _big_city(low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The words i..j name a city of half a million people or more ("mercado de Maputo", "taller textil
    de Buenos Aires": a market or a workshop of a city that has hundreds)."""
    place = ctx.place(" ".join(low[i:j]))
    return place is not None and place.level <= CITY and (place.level < CITY or place.population >= _BIG_CITY)


def _a_state(low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The words i..j name a state or province of a country the text is about (on a child's story too,
    where a state that shares its name with a small town is otherwise read as the town)."""
    return any(
        p.level == STATE and p.country in ctx.countries
        for p in ctx.knowledge.places_named(" ".join(low[i:j]))
    )


def _body_of(items: tuple[Token, ...], low: list[str], words_idx: list[int], vocab: Vocabulary) -> bool:
    """A public body's word, then "of" or "de", then the rest: the head word at the end is what the body
    deals with ("Public Authority of Manpower", "Ministerio de Trabajo"), not a workplace's name."""
    return any(
        low[k] in vocab["org_words"]
        and low[k] not in vocab["institution_words"]
        and k + 1 < len(items)
        and low[k + 1] in ("of", "de", "for", "para", "pour", "do", "da", "del", "du", "des")
        for k in words_idx[:-1]
    )


def _what_it_does(
    items: tuple[Token, ...],
    low: list[str],
    start: int,
    rest: list[int],
    classes: dict[int, int],
    vocab: Vocabulary,
) -> bool:
    """After a body's word, a purpose in common words: "Centre for Combating Trafficking", "Centro para
    la Atención de Víctimas" (two such words at least: "Centre for Hope" may be a shelter's name)."""
    return (
        start < len(low)
        and low[start] in ("for", "para", "pour", "against", "contra", "contre", "on")
        and sum(classes.get(k) == COMMON for k in rest) >= 2
        and all(classes.get(k) in (COMMON, KNOWN) for k in rest)
    )


def _head_before(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> int | None:
    """A lowercase institution word just before the run, the way French, Spanish, Portuguese and
    Filipino name places ("collège Jean-Moulin", "salon de massage Zen Lotus", "salón de fiestas
    llamado Jardín Las Palmas", "lycée professionnel Marie-Curie", "home for girls Asha Niketan"):
    articles, "de", a naming phrase and one other word may stand between, but not a word that says
    the name is something else ("a farm without CNPJ", "home for Holi", "secundaria con el INEA")."""
    vocab = ctx.vocab
    heads = vocab["institution_words"]
    first_heads = vocab["institution_words_before"]
    naming = vocab["naming_phrases"]
    under = vocab["under_phrases"]
    free = 1
    k = i - 1
    while (
        k >= 0
        and i - k <= 6
        and items[k].kind == WORD
        and (not items[k].cap or low[k] in vocab["articles"])  # "au foyer Les Tilleuls"
    ):
        w = low[k]
        if _phrase_ends(low, k, under):
            # `under_phrases`: "ao abrigo da Lei n.º 6/2008", "ao abrigo do Código Penal": under the law
            return None
        if (
            (w in heads or w in first_heads)
            and meant_here(w, ("institution_words", "institution_words_before"), ctx)
            # French "exploitation" (a farm) in "forms of exploitation of British children" (dev37)
            and not _anothers_common_word(w, "institution_words_before", ctx)
        ):
            return k
        n = _phrase_length(low, k, heads) or _phrase_length(low, k, first_heads)
        if n:  # "home for girls", "escola de samba"
            return k - n + 1
        if w in _AT:
            break  # "a colheita do café no Sul de Minas": where the head word is, not its name
        if (
            (w in vocab["connectors"] or w in vocab["articles"])
            and w not in _NOT_JOINING
            and not (ctx.english and w == "at")  # Filipino "at" is "and"; "church at Christmas" is when
        ):
            k -= 1
            continue
        if w in naming or _phrase_ends(low, k, naming):
            k -= 1  # "llamado", "que se llama": the words of a naming phrase
            while k >= 0 and low[k] in vocab.naming and low[k] not in heads:
                k -= 1
            continue
        if (
            free
            and w not in _PREPOSITIONS
            and w not in _NOT_JOINING
            and w not in vocab["locatives"]
            and w not in ctx.function_words
        ):
            free -= 1
            k -= 1
            continue
        break
    return None


def meant_here(word: str, sections: tuple[str, ...], ctx: NameContext) -> bool:
    """The word has the sense a vocabulary section gives it in the language the text is mostly written
    in: that language (or the common vocabulary) lists it there too, or does not use it often (zipf
    under 5). French lists "cada" (a centre for adults) among institutions; in Portuguese "de cada R$
    100" it is "each". English "son" is a child; French "son" is "his"."""
    if not ctx.written_in or ctx.written_in[0] >= len(LANGUAGES):
        return True
    main = LANGUAGES[ctx.written_in[0]]
    for lang in (main, "common"):
        listed = ctx.vocab.by_language.get(lang, {})
        if any(word in listed.get(s, _NO_WORDS) for s in sections):
            return True
    return ctx.knowledge.zipf(word)[ctx.written_in[0]] < 5.0


_NO_WORDS = Lexicon()


# Small words that join a head word to what it is for, not to its name ("home for Holi", "ferme
# de…" keeps "de"): a head word before them is not the name's.
_NOT_JOINING = frozenset(
    {"for", "para", "pour", "with", "con", "com", "avec", "sem", "sin", "sans", "without",
     # "l'école avant le CEPE", "school after the WASSCE": when, not which
     "before", "after", "until", "since", "during", "avant", "après", "pendant", "depuis", "antes", "después",
     "durante", "hasta", "desde", "depois", "até", "bago", "pagkatapos", "habang", "noong",
     # "sa tindahan tuwing Sabado": every which day, not which shop
     "tuwing", "every", "cada", "chaque"}
)  # fmt: skip


def _all_common_in_title(items: tuple[Token, ...], i: int, j: int, classes: dict[int, int]) -> bool:
    """Every word of the run is a common or known word, and the run sits where every word is capitalised
    anyway (a Title Case title or heading)."""
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    return all(items[k].initial for k in words_idx) and all(
        classes.get(k) in (COMMON, KNOWN, COARSE_PLACE, DECLARED) for k in words_idx
    )  # "Salma Retour Ecole" in a file name: a declared pseudonym and words


def _ends_with(low: list[str], words_idx: list[int], heads: Lexicon, plurals: Lexicon | None = None) -> bool:
    for n in range(min(heads.longest, len(words_idx) - 1), 0, -1):
        tail = tuple(low[k] for k in words_idx[-n:])
        if (n == 1 and tail[0] in heads) or tail in heads.phrases:
            return True
        last = tail[-1]  # "Green Valley Flower Farms": an English head word in the plural
        if plurals is not None and len(last) > 4 and last.endswith("s"):
            single = (*tail[:-1], last[:-1])
            if (n == 1 and single[0] in plurals) or single in plurals.phrases:
                return True
    return False


def _org_after(items: tuple[Token, ...], low: list[str], j: int, vocab: Vocabulary) -> bool:
    return j < len(items) and items[j].kind == WORD and low[j] in vocab["org_words"]


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _declared_relative(tokens: Tokens, low: list[str], i: int, j: int, ctx: NameContext) -> list[Found]:
    """A declared relative or accused person named for real, with a kinship word attached: the text
    says what `relation_to` may not ("Rakesh Das, her uncle, was arrested")."""
    rel = ctx.declared.relatives
    if not rel.single and not rel.phrases:
        return []
    items = tokens.items
    sub = low[i:j]
    if not any(rel.match(sub, k) for k in range(len(sub))):
        return []
    if not _kin_attached(items, low, i, j, ctx.vocab, ctx.not_kinship):
        return []
    return [_found(tokens, RELATIVE, i, j, "a relative's name")]


def _fine_places(
    tokens: Tokens, low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> list[Found]:
    """Explained words that are places too fine for the site (a town where only cities may be named),
    and explained names in a place context that makes them a village or a landmark."""
    items = tokens.items
    out = []
    fine = [k for k in range(i, j) if classes.get(k) == FINE_PLACE]
    part = _city_part(items, low, i, j, classes, ctx)
    if fine:
        out.append(_found(tokens, PLACE, fine[0], fine[-1] + 1, _fine_what(low[fine[0] : fine[-1] + 1], ctx)))
    elif part is not None:
        out.append(_found(tokens, PLACE, part, j, "part of a city"))
    elif _a_place(low, i, j, classes, ctx) and _settlement_after(items, low, i, j, ctx):
        out.append(_found(tokens, PLACE, i, j + 1, LEVEL_WORDS[LOCALITY]))  # "Rampur village"
    elif _a_place(low, i, j, classes, ctx) and _settlement_before(items, low, i, j, ctx):
        out.append(_found(tokens, PLACE, i, j, LEVEL_WORDS[LOCALITY]))  # "her village, Bargaon"
    elif _named_home(items, low, i, j, ctx):  # "Su aldea, Esperanza, queda…": whoever else is called that
        out.append(_found(tokens, PLACE, i, j, LEVEL_WORDS[LOCALITY]))
    return out


def _fine_what(words: list[str], ctx: NameContext) -> str:
    """What a place too fine for the site is: what the gazetteer says ("a town", or "a city" where only
    states may be named), or a locality when the site listed it in `fine_places`."""
    if ctx.declared.fine_places.match(words, 0):
        return LEVEL_WORDS[LOCALITY]
    place = ctx.place(" ".join(words)) or ctx.place(words[0])
    return LEVEL_WORDS[place.level] if place is not None else LEVEL_WORDS[LOCALITY]


# Words that put a part of a city before its name ("south Kolkata", "the northern part of Howrah").
_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "downtown",
        "uptown",
    ]
)
_PART_WORDS = frozenset(["part", "side", "end", "outskirts", "suburbs"])


def _city_part(
    items: tuple[Token, ...], low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> int | None:
    """Where a part of a city starts when the run names one: a direction before a city the site may
    name ("south Kolkata", "South Kolkata", "the north of Howrah", "the western part of Pune"). Only
    where the site allows no more than a city: "north of Kolkata" (without "the") is outside it."""
    if ctx.precision >= TOWN:
        return None
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    if len(words_idx) >= 2 and low[i] in _DIRECTIONS and ctx.place(" ".join(low[i:j])) is None:
        return i if _a_city(low, words_idx[1], j, classes, ctx) else None  # "South Kolkata"
    if not _a_city(low, i, j, classes, ctx):
        return None
    k = i - 1
    if k >= 0 and items[k].kind == WORD and low[k] in _DIRECTIONS:
        return k  # "south Kolkata"
    if k >= 0 and items[k].kind == WORD and low[k] == "of":  # "the north of", "the northern part of"
        k -= 1
        if k >= 0 and items[k].kind == WORD and low[k] in _PART_WORDS:
            k -= 1
        if k >= 1 and items[k].kind == WORD and low[k] in _DIRECTIONS and low[k - 1] == "the":
            return k
    return None


def _a_place(low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext) -> bool:
    """Every word of i..j (but "of", "de"…) is a place the site may name."""
    return all(
        classes.get(k) == COARSE_PLACE
        for k in range(i, j)
        if k in classes and low[k] not in ctx.vocab["connectors"]
    )


def _a_city(low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext) -> bool:
    """The words i..j name a city the site may name (the gazetteer's, or one the site declared)."""
    if not _a_place(low, i, j, classes, ctx):
        return False
    name = " ".join(low[i:j])
    place = ctx.place(name)
    if place is not None:
        return place.level == CITY
    return ctx.declared.places.match(low[i:j], 0) == j - i


# Place words after a place's name that are not a settlement of that name: "Delhi street food", "the
# Kolkata area" say where something is, not which street or quarter.
_NOT_SETTLEMENTS = frozenset(
    ["street", "road", "lane", "avenue", "alley", "area", "quarter", "estate", "compound"]
)


def _settlement_after(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """A settlement word in lowercase right after a place's name ("Rampur village", "Kalighat para"):
    the village or quarter of that name. Not after an article ("a Kolkata slum" is one of the city's),
    not in the plural ("Sundarbans villages"), and not one of the most frequent words of any of the
    languages ("para" is "for" in Spanish, Portuguese and Filipino: stories mix languages)."""
    if j >= len(items) or items[j].kind != WORD or items[j].cap:
        return False
    w = low[j]
    vocab = ctx.vocab
    after = vocab["place_words_after"]
    if (
        w not in after
        or w in _NOT_SETTLEMENTS
        or (w.endswith("s") and w[:-1] in after)
        or w in ctx.knowledge.function_word_languages
    ):
        return False
    k = i - 1
    return not (k >= 0 and items[k].kind == WORD and low[k] in vocab["articles"])


def _settlement_before(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """The text calls the place a settlement just before naming it: "her village, Bargaon", "the
    village of Bargaon", "son village, Bargaon". A town the gazetteer knows is still the writer's
    village (the city itself stays explained: "her village, near Gaya" names no village). Only the
    settlement words (not "area", "road"…), and not after "a" ("a village, Bargaon's neighbour…" is
    rare; "a Kolkata slum" is the city's)."""
    vocab = ctx.vocab
    k = i - 1
    while k >= 0 and (
        (items[k].kind == PUNCT and items[k].text in ",:")
        or (low[k] in vocab["connectors"] and low[k] not in vocab["list_joiners"])
        or low[k] in ("called", "named")
    ):
        k -= 1  # not across "and": "à Abidjan, avec les femmes du quartier, et à Paris" is the city
    if k < 0 or items[k].kind != WORD or items[k].cap:
        return False
    if low[k + 1] in _OF and _big_city(low, i, j, ctx):
        return False  # "el campo de Huelva", "um mercado de Maputo": the province's, the city's
    w = low[k]
    words = vocab["place_words_before"].single | vocab["place_words_after"].single
    if (
        w not in words
        or w in _NOT_SETTLEMENTS
        or w in vocab["address_words"]
        or w in ctx.knowledge.function_word_languages
    ):
        return False
    return not (
        k >= 1 and items[k - 1].kind == WORD and low[k - 1] in ("a", "an", "un", "une", "uma", "una", "isang")
    )


def _place_word_inside(low: list[str], words_idx: list[int], vocab: Vocabulary) -> bool:
    """A run that ends with a place word or opens with one ("Tangra Lane", "Kali Para", "Barangay
    Maligaya"): a street, a quarter or a village, whatever its other words are."""
    if len(words_idx) < 2:
        return False
    return (
        low[words_idx[-1]] in vocab["place_words_after"] and low[words_idx[0]] not in vocab["org_words"]
    ) or vocab["place_words_before"].match(low, words_idx[0]) > 0


_BODY_LINKS = frozenset(
    {
        "of",
        "for",
        "the",
        "de",
        "la",
        "las",
        "los",
        "l'",
        "du",
        "des",
        "da",
        "do",
        "das",
        "dos",
        "del",
        "ng",
        "pour",
        "para",
        "à",
        "a",
    }
)


_BODY_ARTICLES = frozenset(
    {"the", "la", "las", "los", "l'", "du", "des", "da", "do", "das", "dos", "del", "ng"}
)


def _a_bodys_subject(items: tuple[Token, ...], low: list[str], k: int, vocab: Vocabulary) -> bool:
    """A kinship word that a ministry's or an institute's word governs is what the body works for, not
    someone's relative: "le ministère de la Femme, de la Famille et de l'Enfant", "Ministério da
    Mulher", "Instituto Nacional de las Mujeres", "Department for Children and Families"."""
    m = k - 1
    links = 0
    articled = False
    while m >= 0 and items[m].kind == WORD and low[m] in _BODY_LINKS and links < 3:
        articled = articled or low[m] in _BODY_ARTICLES
        m -= 1
        links += 1
    if links == 0 or not (articled or low[k] in vocab["kinship"]):
        return False  # "fiscalía de Nueva Esperanza": a village takes no article ("ministère de la Femme")
    for _ in range(2):  # "Instituto NACIONAL de las Mujeres"
        if m >= 0 and items[m].kind == WORD and low[m] in vocab["ministry_words"]:
            return True
        if m < 0 or items[m].kind != WORD or low[m] not in vocab["org_words"]:
            return False
        m -= 1
    return False


def _kin_title(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> bool:
    """In English, a kinship word capitalised mid-sentence before a name, with nothing that makes it
    someone's ("her", "the girl's", "elder"), is a title or a form of address: "Mother Teresa",
    "Sister Nivedita", "Father Damien". The name is still a name nobody declared."""
    vocab = ctx.vocab
    if not ctx.english or items[i].initial or not items[i].cap or items[i].possessive:
        return False
    if i + 1 >= len(items) or items[i + 1].kind != WORD or not items[i + 1].cap:
        return False
    k = i - 1
    if k < 0 or items[k].kind != WORD:
        return k >= 0  # after a comma or a bracket; not at the very start of the text
    w = low[k]
    return not (
        w in vocab["possessives"]
        or _phrase_ends(low, k, vocab["possessives"])
        or w in vocab["kinship_modifiers"]
        or w in vocab["kinship"]
        or items[k].possessive
    )


def _name_suffix(
    items: tuple[Token, ...], low: list[str], k: int, words_idx: list[int], vocab: Vocabulary
) -> bool:
    """The kinship word k ends a person's name, capitalised after another capitalised name word
    ("António Agostinho Neto", "José da Silva Filho"): a surname, no relative (`name_suffixes`)."""
    return (
        low[k] in vocab["name_suffixes"]
        and k == words_idx[-1]
        and k > words_idx[0]
        and items[k].cap
        and items[k - 1].kind == WORD
        and items[k - 1].cap
        and low[k - 1] not in vocab["kinship"]
        and low[k - 1] not in vocab["titles"]
    )


def _after_a_name(items: tuple[Token, ...], low: list[str], k: int, i: int, ctx: NameContext) -> bool:
    """Word k follows a person's name in its run: a declared person's or a given name that is not
    itself a title ("Asha Begum", not "Juvenile Justice" or "Inspector General")."""
    m = k - 1
    if m < i or items[m].kind != WORD or not items[m].cap or low[m] in ctx.vocab["titles"]:
        return False
    return low[m] in ctx.declared.person_phrases or ctx.given(low[m])


def _article_dropped(
    tokens: Tokens, low: list[str], first: int, i: int, j: int, ctx: NameContext
) -> list[Found]:
    """A capitalised article mid-sentence is the name's own ("creció en Las Flores"): when the name read
    with it is no place, the place read without it ("Flores", a department of Uruguay) is another
    country's namesake, which explains nothing in a story set elsewhere. Not in English, whose Title
    Case headings capitalise every "The"."""
    items = tokens.items
    if ctx.english or not ctx.home or first >= i or items[first].kind != WORD:
        return []
    if not items[first].cap or items[first].initial or low[first] not in ctx.vocab["articles"]:
        return []
    words = [low[k] for k in range(i, j) if items[k].kind == WORD]
    alone = ctx.place(" ".join(words))
    if alone is None or alone.country in ("", ctx.home) or alone.level == COUNTRY:
        return []
    if ctx.place(" ".join([low[first], *words])) is not None:
        return []  # "Las Vegas", "La Paz": the article's own place
    return [_found(tokens, PLACE, first, j, LEVEL_WORDS[LOCALITY])]


def _family_surname(
    tokens: Tokens, low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> list[Found]:
    """A family named by its surname, though the surname is also a frequent word or a famous one ("la
    familia Ramírez", "the Ramírez family", "vivía con los Ramírez Soto", "chez les Dupont"): a capital
    mid-sentence on a word the text never writes in lowercase, right after a kinship or family word,
    right before a family word, or after a plural article the word does not agree with as a plural
    noun ("los Pumas", "les Bleus" are teams). Whose home it is, or the relatives' name after them
    ("la casa de los Flores", "sus abuelos, los Santos"), is a family whatever the word."""
    items = tokens.items
    vocab = ctx.vocab
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    b = i - 1
    word_before = b >= 0 and items[b].kind == WORD and not items[b].cap and not items[b].possessive
    before = word_before and (low[b] in vocab["kinship"] or low[b] in vocab["family_words"])
    whose = _whose_family(items, low, i, ctx)
    # "vivió con los Campos", "chez les Blanc": living with a plural article and a surname, a family,
    # though the surname is also a plural noun or a town
    along = (
        word_before
        and len(words_idx) == 1
        and b > 0
        and items[b - 1].kind == WORD
        and (_phrase_or_word(low, b - 1, vocab["company_words"]) > 0 or low[b - 1] == "chez")
        and (
            (
                (low[b] in vocab["family_articles"] or low[b] == "les")
                and fold(low[i]) in ctx.knowledge.surnames
            )
            # "She lived with the Stones": an English family in the plural, where she lived
            or (
                ctx.english
                and low[b] == "the"
                and any(fold(f) in ctx.knowledge.surnames for f in _singulars(low[i]))
                and any(
                    low[m] in vocab["dwelling_words"]
                    and not low[m].startswith("stay")  # "stayed with the Saints"
                    for m in range(max(0, b - 4), b - 1)
                )
            )
        )
    )
    # A family's word, a home or relatives before it: a family, even when the word is a city or a region
    # elsewhere ("pamilyang Santos": Santos is a Brazilian city; "casa de los Flores" on a Mexican story).
    allowed = (
        (COMMON, NAME_LIKE, UNKNOWN, COARSE_PLACE)
        if before or whose or along
        else (COMMON, NAME_LIKE, UNKNOWN)
    )
    if not words_idx or any(classes.get(k) not in allowed for k in words_idx):
        return []  # a declared name, a place, a listed body: explained for what it is
    if all(items[k].upper for k in words_idx):
        return []  # "os EUA", "les USA": an acronym after a plural article is a country or a body
    if not any(
        (classes.get(k) in (COMMON, COARSE_PLACE) or (classes.get(k) == UNKNOWN and ctx.surname(low[k])))
        and items[k].cap
        and not items[k].initial
        and low[k] not in ctx.lowercase
        for k in words_idx
    ):
        return []
    after = j < len(items) and items[j].kind == WORD and not items[j].cap and low[j] in vocab["family_words"]
    last = low[words_idx[-1]]
    # "los Pumas", "les Bleus", "les Jeux olympiques": a plural noun, a team or an event, no family
    plural_noun = last.endswith(("s", "x")) and max(ctx.frequency(last[:-1]), ctx.frequency(last[:-2])) >= 3.0
    plural = (
        word_before
        and low[b] in vocab["family_articles"]
        and len(words_idx) <= 3
        and not plural_noun
        # Taglish "ng mga Sponsor", "ng mga Volunteer": an English word, no family ("ng mga Bituin" is one)
        and not (low[b] == "mga" and ctx.frequency(last, english_only=True) >= 3.0)
    )
    if before or after or plural or whose or along:
        return [_found(tokens, RELATIVE, i, j, FAMILY_NAME)]
    return []


def _singulars(w: str) -> list[str]:
    """What an English plural may be the plural of: "stones" stone, "rosses" ross."""
    return [w[:-1], w[:-2]] if w.endswith("es") else [w[:-1]] if w.endswith("s") else []


def _whose_family(items: tuple[Token, ...], low: list[str], i: int, ctx: NameContext) -> bool:
    """The run names a family by a plural article: whose home it is ("la casa de los Flores", "sa bahay
    ng mga Santos", "na casa dos Ferreira", "el departamento de los Santos"), or the relatives just
    named ("la casa de sus abuelos, los Santos"). A plural noun there is a family too, though "los
    Flores" alone could be flowers. An English word in a text in another language is what it is:
    "sa bahay ng mga Sponsor niya"."""
    vocab = ctx.vocab
    if ctx.languages != (0,) and _english_word(low[i], ctx):
        return False
    genitives = vocab["family_genitives"]
    for n in range(1, genitives.longest + 1):
        k = i - n - 1
        if k < 0 or any(items[m].kind != WORD or items[m].cap for m in range(k, i)):
            break
        if genitives.match(low[k + 1 : i], 0) == n and (
            vocab["home_words"].match(low, k) == 1 or _phrase_length(low, k, vocab["home_words"])
        ):
            return True
    # "sus abuelos, los Santos", "seus tios, os Santos": a plural article after the relatives and a comma
    return (
        i >= 3
        and items[i - 1].kind == WORD
        and not items[i - 1].cap
        and low[i - 1] in vocab["family_articles"]
        and items[i - 2].text == ","
        and items[i - 3].kind == WORD
        and low[i - 3] in vocab["kinship"]
    )


def _english_word(word: str, ctx: NameContext) -> bool:
    """A frequent English word much less frequent in French, Spanish and Portuguese ("Sponsor",
    "Volunteer" in Taglish, where Filipino counts them as its own), where the surnames of these
    families are as frequent in Spanish or Portuguese as in English ("Santos", "Flores", "Cruz")."""
    z = ctx.knowledge.zipf(word)
    return z[0] >= 3.5 and z[0] > max(z[1:4]) + 0.5


def _introduced_as(
    items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext
) -> tuple[int, str] | None:
    """A name the text gives a settlement or an institution just after its word, by a naming phrase or
    alone in quotation marks: "a neighbourhood everyone calls Little Dhaka", "Son quartier, « Derrière
    Rails »", 'her old school, "Little Flower"'. Whatever its words are (common ones, a city's), it is
    that place's own name: (the word's index, PLACE or INSTITUTION), or None."""
    vocab = ctx.vocab
    k = i - 1
    while k >= 0 and items[k].kind == WORD and low[k] in vocab["articles"]:
        k -= 1  # '"The Little Flower"'
    if all(low[m] in vocab.known or low[m] in vocab.public for m in range(i, j) if items[m].kind == WORD):
        return None  # a festival, a month, a title: what it is ("everyone calls Christmas the big day")
    quote = k
    quoted = k >= 0 and items[k].text in _OPEN_QUOTES and j < len(items) and items[j].text in _CLOSE_QUOTES
    k -= 1 if quoted else 0
    while k >= 0 and items[k].kind == PUNCT and items[k].text in ",:":
        k -= 1
    named = 0
    if k >= 0 and items[k].kind == WORD:
        for lexicon in (vocab["naming_phrases"], vocab["naming_by_people"]):
            named = named or (1 if low[k] in lexicon.single else _phrase_length(low, k, lexicon))
    # the verb of a clause naming it: right before the name, or before its opening quote ('llaman "El
    # Tanque"'); never before a lowercase article ("la escuela llama al Ministerio" phones it)
    verb = quote - 1 if quoted else i - 1
    if not (quoted or named):
        return _named_by_people_there(items, low, i, j, verb, ctx)
    k -= named
    while k >= 0 and items[k].kind == PUNCT and items[k].text in ",:":
        k -= 1
    right_after = k >= 0 and items[k].kind == WORD and not items[k].cap
    found = _place_or_institution_word(low, k, ctx) if right_after else None
    return found or _named_by_people_there(items, low, i, j, verb, ctx)  # "ont toujours appelé"


def _place_or_institution_word(low: list[str], k: int, ctx: NameContext) -> tuple[int, str] | None:
    """(k, PLACE) or (k, INSTITUTION) when the word at k is a settlement's or an institution's."""
    vocab = ctx.vocab
    w = low[k]
    if w in vocab["place_words_before"].single or w in vocab["place_words_after"].single:
        return (k, PLACE) if w not in ctx.knowledge.function_word_languages else None  # "para" is "for"
    if w in vocab["institution_words"].single or w in vocab["institution_words_before"].single:
        return k, INSTITUTION
    return None


# How many words may stand between a settlement's word and the verb naming it ("una colonia que todos
# en el pueblo llaman La Loma"): a clause, not a sentence.
_NAMED_REACH = 7


def _named_by_people_there(
    items: tuple[Token, ...], low: list[str], i: int, j: int, k: int, ctx: NameContext
) -> tuple[int, str] | None:
    """A name right after a verb by which people name a place, in a clause of its own after a settlement's
    or an institution's word: "una colonia que todos en el pueblo llaman La Loma", "a village the older
    women still call Green Hill". The clause opens with a relative pronoun, an article, a possessive or
    a word for people (`clause_openers`), and its words are lowercase with no punctuation: "la escuela
    llama al Ministerio Público" and "the shelter staff call Bachpan Bachao Andolan" phone someone."""
    vocab = ctx.vocab
    if k < 0 or items[k].kind != WORD or items[k].cap:
        return None
    n = 0
    for verbs in (vocab["naming_verbs"], vocab["naming_phrases"], vocab["naming_by_people"]):
        n = n or (1 if low[k] in verbs.single else _phrase_length(low, k, verbs))  # "ont toujours appelé"
    if not n:
        return None
    openers = (vocab["clause_openers"], vocab["articles"], vocab["possessives"])
    for m in range(k - n, max(-1, k - n - _NAMED_REACH), -1):
        if items[m].kind != WORD or items[m].cap:
            return None
        found = _place_or_institution_word(low, m, ctx)
        # "en el pueblo llaman": the village is the subject there; the colonia before it is named
        if found is not None and m < k - n and any(lexicon.match(low, m + 1) for lexicon in openers):
            return found
    return None


def _introduced_place(
    tokens: Tokens, low: list[str], i: int, j: int, classes: dict[int, int], ctx: NameContext
) -> list[Found]:
    """A finding for a name introduced as a settlement's or an institution's own (`_introduced_as`),
    unless it is the site's own programme or a place the site may name as a whole."""
    items = tokens.items
    introduced = _introduced_as(items, low, i, j, ctx)
    if introduced is None:
        return []
    words_idx = [k for k in range(i, j) if items[k].kind == WORD]
    if all(classes.get(k) == DECLARED for k in words_idx):
        return []
    whole = ctx.place(" ".join(low[k] for k in words_idx))
    if whole is not None and whole.level <= ctx.precision and whole.country in (ctx.home, ""):
        return []  # "the town known as Iloilo City": the city itself ("una colonia que todos llaman
        # Buenos Aires" in Monterrey is the colonia)
    if introduced[1] == INSTITUTION:
        return [_found(tokens, INSTITUTION, i, j, "a school, workplace or shelter")]
    return [_found(tokens, PLACE, i, j, LEVEL_WORDS[LOCALITY])]


def _a_streets_name(items: tuple[Token, ...], low: list[str], i: int, vocab: Vocabulary) -> bool:
    """The run at i is a street's name, after the street's word and "of" ("rua da Esperança", "rua das
    Flores"; with an article between, "rue de la Paix"), whatever else the name is."""
    m = i - 1
    if m >= 1 and low[m] not in _OF_STREET and low[m] in vocab["articles"]:
        m -= 1
    return (
        m >= 1
        and items[m].kind == WORD
        and low[m] in _OF_STREET
        and items[m - 1].kind == WORD
        and low[m - 1]
        in vocab["street_words"]  # not a square's, a zone's or a unit's ("place de la République")
        and not (
            m >= 2 and low[m - 2] in _OF_STREET
        )  # "educadores de rua da Prefeitura": a job, not an address
    )


def _named_home(items: tuple[Token, ...], low: list[str], i: int, j: int, ctx: NameContext) -> bool:
    """An explained name that the text places where someone lives: "the village of Rampur", "her
    barangay, San Roque", or a landmark near a home ("lived behind the Kali temple")."""
    vocab = ctx.vocab
    before = vocab["place_words_before"]
    if i > 0 and (low[i - 1] in _OF or low[i - 1] == "ng") and _big_city(low, i, j, ctx):
        return False  # "um mercado de Maputo", "el campo de Huelva", "palengke ng Sabah": the city's, the state's
    indefinite = vocab["indefinite_articles"]
    if i >= 3 and low[i - 3] in indefinite and low[i - 1] in _OF and _a_state(low, i, j, ctx):
        return False  # "un pueblo de Tlaxcala": one of the state's villages, unnamed
    if (
        ctx.declared.person_phrases.match(low, i)
        >= max(1, sum(1 for m in range(i, j) if items[m].kind == WORD))
        and i >= 4
        and items[i - 1].text == ","
        and (low[i - 3] in indefinite or _verb_at(items, low, j, ctx))
    ):
        return False  # "Libertado de uma fazenda, Josué virou…", "En el campamento, Joel tenía que…": the
        # declared person after a farm or a camp, the sentence's subject, not its name
    if ctx.declared.phrases.match(low, i) > 1:
        return False  # "éducateur de rue de Safe Passage Trust": the organisation, after the street's word
    k = i - 1
    while k >= 0 and items[k].kind == PUNCT and items[k].text in ",:":
        k -= 1
    if k >= 0 and items[k].kind == PUNCT and items[k].text == "." and k > 0 and low[k - 1] in before:
        k -= 1  # "Brgy. San Roque", "Col. Guerrero"
    if (
        k == i - 2  # the comma right after: "A comunidade dela, Conceição, fica…", "Ang barangay niya, …"
        and items[k + 1].text == ","  # not "compound sa Myanmar" ("sa" is French "her")
        and k > 0
        and items[k].kind == WORD
        and low[k] in vocab["possessives"].single
        and items[k - 1].kind == WORD
        and low[k - 1] in before
    ):
        k -= 1
    if k >= 0 and items[k].kind == WORD and (low[k] in before or _phrase_ends(low, k, before)):
        return True  # "her village, Rampur", "la colonia Guerrero": whatever else the name is
    if _a_streets_name(items, low, i, vocab):
        return True  # a street's name after its word and "of", whatever the name is
    words_idx = [m for m in range(i, j) if items[m].kind == WORD]
    # The name after the place word stops at a small word a name would not hold: in a Title Case title
    # "Village In The North To…" is words, "Barangay San Roque", "Rua das Flores" are names.
    named = [i]
    for m in words_idx[1:]:
        if low[m] in ctx.function_words and low[m] not in vocab["connectors"]:
            break
        named.append(m)
    n, cls = _phrase(low, i, j, ctx)
    if cls in (COARSE_PLACE, KNOWN) and n >= 2:
        # "Côte d'Ivoire et au Ghana": a country whose name opens with a place word; "Bureau of
        # Immigration": a listed body whose first word is also an address's ("bureau 12")
        return False
    if (
        len(named) >= 2
        and not _official(low, i + 1, j, vocab)  # "District Child Protection Unit", "Bureau of Immigration"
        and (vocab["place_words_before"].match(low, i) or low[i] in vocab["address_words"])
        and not vocab["landmark_words"].match(low, i)  # "Plaza Independencia" is where the march went
        and vocab["regions"].match(low, i) < len(words_idx)  # "DR Congo" is a country, not a drive
        and not (i > 0 and low[i - 1] in indefinite)  # "and a Way Home" in a title: no street's name
        and not _body_of(items, low, words_idx, vocab)  # "the Bureau of Manpower, Employment and Training"
    ):
        # "Rua das Flores", "Jardim Ângela", "Colonia Guerrero", "Barangay San Roque" (in Title Case too)
        return ctx.place(" ".join(low[i:j])) is None
    title = all(items[m].initial for m in words_idx) and all(
        items[m].cap or low[m] in vocab["connectors"] or low[m] in vocab["articles"] for m in words_idx
    )  # "La Réalité du Camp" in a French heading: its small words stay lowercase
    if title and all(low[m] in ctx.lowercase or ctx.frequency(low[m]) >= 3.0 for m in words_idx):
        return False  # "From a Scam Compound…" in a Title Case title: words, not a street
    if (
        len(words_idx) >= 2
        and low[words_idx[-1]] in vocab["place_words_after"]
        # "Ministerio del Interior": a body's name, though "Interior" ends a Manila street's
        and low[words_idx[0]] not in vocab["org_words"]
    ):
        return ctx.knowledge.place(" ".join(low[i:j]), ctx.countries) is None  # "First Avenue", "Kali Para"
    landmark = vocab["landmark_words"].match(low, j) if j < len(items) else 0
    if landmark and _locative_before(items, low, i, vocab):
        lo = max(0, i - 25)
        hi = min(len(items), j + 25)
        return any(low[m] in vocab["residence_words"] for m in range(lo, hi))
    return False


def _found(tokens: Tokens, rule: str, start: int, end: int, what: str) -> Found:
    """A finding over tokens start..end (end exclusive)."""
    s, e = tokens.items[start].start, tokens.items[end - 1].end
    return Found(rule, s, e, tokens.text[s:e], what)


# Levels, for messages
__all__ = [
    "COUNTRY",
    "FAMILY_NAME",
    "INSTITUTION",
    "LINK",
    "OUR_PROGRAMME",
    "PLACE",
    "RELATIVE",
    "STATE",
    "TOWN",
    "UNDECLARED",
    "Declared",
    "NameContext",
    "find_names",
    "fold",
    "names_in_link",
]  # fmt: skip
