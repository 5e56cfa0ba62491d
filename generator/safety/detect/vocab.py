"""The detectors' vocabularies: per-language data files, merged, with a site's own additions.

`generator/safety/vocab/<lang>.yaml` holds what a language uses to name relatives, places,
institutions, dates and numbers, and the small words the rules read around them (articles,
prepositions, a law's words, contractions); `common.yaml` what every language shares (public bodies,
laws, platforms, regions, currencies); `public.yaml` the public names stories mention (teams,
festivals, rivers and natural regions, nationality words, public bodies). A site adds a language, or
words to one, with files of the same shape in its own `safety/vocab/` folder. Everything is
lowercase; a phrase is a tuple of words.
"""

from __future__ import annotations

import functools
import hashlib
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from generator.findings import Finding, error

PACKAGED = pathlib.Path(__file__).resolve().parent.parent / "vocab"
LANGUAGES = ("en", "fr", "es", "pt", "fil")  # the languages the detectors are measured in
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*\.?|[$€£₹₱¥]|r\$|us\$|c\$|mx\$")

LIST_SECTIONS = (
    "kinship", "kinship_modifiers", "possessives", "naming_phrases", "person_markers", "titles",
    "weekdays", "birth_words", "birthday_verbs", "figurative_birth_subjects", "age_words", "life_events",
    "place_words_before", "place_words_after", "region_words", "large_region_words", "street_words", "landmark_words", "storm_words", "airport_words",
    "nature_words", "festival_words", "devotion_words", "team_words", "team_words_after",
    "enclitics", "school_levels", "university_words", "locatives", "place_verbs",
    "institution_words", "institution_words_before", "org_words", "law_words", "address_words",
    "quantity_words", "id_words", "child_words", "platform_words", "peoples", "religions", "festivals", "not_names",
    "public_bodies", "laws", "platforms", "regions", "currencies", "person_words", "residence_words",
    "comparatives", "copulas", "connectors", "articles", "home_words", "near_words", "object_pronouns",
    "state_words", "title_words", "compass_words", "greetings", "event_words", "third_person", "we_words", "enactment_words", "predicate_markers", "announce_words", "same_day_words", "naming_after",
    "illustration_words", "negations", "people_nouns", "impersonal", "such_as", "naming_by_people",
    "family_words", "family_articles", "family_genitives", "naming_verbs", "clause_openers",
    "teams", "natural_regions", "dwelling_words", "public_figures", "club_names", "culture_words",
    "public_roles", "programme_words", "life_roles", "company_words", "landmarks", "brands", "natural_features", "agencies", "personifications", "sentence_adverbs", "citation_words", "journey_verbs",
    # what the date rules read of a law's date, and where a date's sentence ends
    "before_date_words", "not_statute_words", "statute_part_words", "not_law_words", "numbered_statute_words",
    "number_abbreviations", "statute_joiners", "statute_openers", "abbreviations", "published_in_words",
    "observance_words_after", "highway_words", "free_line_words", "free_line_joiners", "feast_day_words",
    "team_verbs", "real_name_phrases",
    # what the name rules read around a name: titles, lists, works and their authors, parts of a country
    "not_before_titles", "indefinite_articles", "list_joiners", "by_words", "upper_lower_words",
    "after_participle_words", "under_phrases", "body_name_articles", "body_name_links",
    # what the date-of-birth rule reads of a group born after its verb
    "birth_clause_openers", "third_person_possessives",
    # what the caption rule reads of a denial, and the age rule of an age given by its verb alone
    "no_longer_words", "age_verbs", "subject_determiners",
    # what the name rules read of a quotation (speech, not a title) and of an owner ("la moto de Fall")
    "speech_verbs", "belongings",
    # what the name rules read of a naming phrase after a relative clause, or a reflexive one
    "relative_pronouns", "self_naming",
    # what the name rules skip between a surname and its verb ("Rivera también la recogía")
    "subject_adverbs",
    # what may open a clause acting on someone without an article ("Hope kept her going"): not a name
    "bare_subjects",
    # what only a person does to someone, so a city cannot ("Santos me levou"): dictionary forms
    "hands_on_verbs",
    # a body's word that governs a kinship word as its subject ("le ministère de la Femme")
    "ministry_words",
    # a kinship word that ends a person's name ("Agostinho Neto", "Silva Filho"), no relative
    "name_suffixes",
)  # fmt: skip
MAP_SECTIONS = ("months", "number_words", "ages_in_words")
# Sections that map a word to another word: a preposition and an article written as one word, to the
# preposition ("del": "de").
WORD_MAP_SECTIONS = ("contractions",)
# Sections whose words say what a name is (a title, an organisation word…): never themselves a name.
KNOWN_SECTIONS = (
    "not_names", "titles", "org_words", "law_words", "institution_words", "institution_words_before",
    "place_words_before", "place_words_after", "region_words", "large_region_words", "street_words", "landmark_words", "storm_words", "airport_words",
    "nature_words", "festival_words", "kinship", "kinship_modifiers", "connectors", "articles", "currencies", "platform_words",
    "quantity_words", "age_words",
    "person_words", "possessives", "weekdays", "copulas", "peoples", "religions",
)  # fmt: skip
# Sections of public names: a word of one explains itself unless people are also called that.
PUBLIC_SECTIONS = (
    "festivals",
    "public_bodies",
    "laws",
    "platforms",
    "regions",
    "teams",
    "natural_regions",
    "landmarks",
    "brands",
    "natural_features",
    "agencies",
    "personifications",
)


_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def unaccented(text: str) -> str:
    """The text without its accents ("Lucía" → "Lucia", "Tết" → "Tet"), case and punctuation kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The lowercase words of a vocabulary entry, split exactly as the tokenizer splits text (an elided
    article is a word of its own, "d'"; full stops and other punctuation are not words). Remembered: a
    document's declared names are split again for every document that declares them."""
    if _PLAIN.fullmatch(text):  # most entries: lowercase letters and single spaces
        return tuple(text.split(" "))
    from generator.safety.detect.tokens import PUNCT, tokenize

    text = text.replace("’", "'")
    if text.endswith("'"):  # an elided article alone ("d'", "l'"): split as the tokenizer splits it in
        before = tuple(t.low for t in tokenize(text + "x").items if t.kind != PUNCT)  # "d'Ivoire"
        if len(before) > 1 and before[-1] == "x":
            return before[:-1]
    found = tuple(t.low for t in tokenize(text).items if t.kind != PUNCT)
    return found or ((text.strip().casefold(),) if text.strip() else ())  # a symbol alone: "₹", "$"


@dataclass(frozen=True)
class Lexicon:
    """A set of single words and of phrases (word tuples), with the longest phrase's length."""

    single: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()
    longest: int = 1
    starts: frozenset[str] = frozenset()  # first words of the phrases

    @staticmethod
    def of(entries: Iterable[str]) -> Lexicon:
        single: set[str] = set()
        phrases: set[tuple[str, ...]] = set()
        for entry in entries:
            w = words(entry)
            if len(w) == 1:
                single.add(w[0])
            elif w:
                phrases.add(w)
        longest = max((len(p) for p in phrases), default=1)
        return Lexicon(frozenset(single), frozenset(phrases), longest, frozenset(p[0] for p in phrases))

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every word of every phrase (worked out once per lexicon)."""
        return frozenset(w for phrase in self.phrases for w in phrase)

    @functools.cached_property
    def last_words(self) -> frozenset[str]:
        """The single words and the last word of every phrase: what an entry can end with."""
        return self.single | frozenset(phrase[-1] for phrase in self.phrases)

    def __or__(self, other: Lexicon) -> Lexicon:
        """Both lexicons' entries, without splitting any entry into words again."""
        if not other.single and not other.phrases:
            return self
        return Lexicon(
            self.single | other.single,
            self.phrases | other.phrases,
            max(self.longest, other.longest),
            self.starts | other.starts,
        )

    def __contains__(self, word: object) -> bool:
        return word in self.single

    def match(self, low: list[str], i: int) -> int:
        """How many words of `low` starting at i form an entry (the longest), 0 if none."""
        if i >= len(low):
            return 0
        w = low[i]
        if w not in self.starts:
            return 1 if w in self.single else 0
        for n in range(min(self.longest, len(low) - i), 1, -1):
            if tuple(low[i : i + n]) in self.phrases:
                return n
        return 1 if w in self.single else 0

    def phrase_in(self, text: str) -> bool:
        w = list(words(text))
        return any(self.match(w, i) for i in range(len(w)))


@dataclass(frozen=True)
class Vocabulary:
    """Every section of every language the site reads, merged (the detectors read all at once:
    stories mix languages, and a word of one language is rarely a name in another)."""

    languages: tuple[str, ...]
    lists: Mapping[str, Lexicon]
    months: Mapping[str, int]
    number_words: Mapping[str, int]
    by_language: Mapping[str, Mapping[str, Lexicon]] = field(default_factory=dict)
    known: frozenset[str] = frozenset()  # the single words of KNOWN_SECTIONS, and the month names
    public: frozenset[str] = frozenset()  # the single words of PUBLIC_SECTIONS
    signals: frozenset[str] = frozenset()  # words that change what the name next to them is
    # Words near a name that could change what it is: titles, kinship, place and school words,
    # landmarks, locatives, naming words, possessives (single words and the first word of phrases).
    triggers: frozenset[str] = frozenset()
    # Words that join a place word to a name ("llamado", "called", "named"), phrase words included.
    naming: frozenset[str] = frozenset()
    # A child's age written in words ("fifteen", "quince", "labing-anim"): the number it is.
    ages_in_words: Mapping[str, int] = field(default_factory=dict)
    # A preposition and an article written as one word ("del", "du", "ao"): the preposition it is read as.
    contractions: Mapping[str, str] = field(default_factory=dict)
    # Listed names of several words with a possessive in them ("John Smith's", a beer), and where: without
    # it the words are someone's name ("John Smith picked her up").
    possessive_names: Mapping[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict)
    _sections: dict[str, Lexicon] = field(init=False, repr=False, compare=False, default_factory=dict)
    _unions: dict[tuple[str, ...], Lexicon] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # What the readers make of the sections once (a set of words several sections give): the vocabulary
    # never changes, so neither does it.
    made: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        # The sections as a plain dict: read a million times a thousand stories, where a mapping
        # proxy's lookup costs twice a dict's.
        object.__setattr__(self, "_sections", dict(self.lists))

    def __getitem__(self, section: str) -> Lexicon:
        return self._sections.get(section, _EMPTY)

    def union(self, sections: tuple[str, ...]) -> Lexicon:
        """The sections as one lexicon (made once): its `match` is the longest of theirs, and a word is
        in it when it is in one of them."""
        merged = self._unions.get(sections)
        if merged is None:
            merged = _EMPTY
            for section in sections:
                merged = merged | self[section]
            self._unions[sections] = merged
        return merged


_EMPTY = Lexicon()


def vocabulary_key(site_root: pathlib.Path | None) -> tuple[tuple[str, str], ...]:
    """What the vocabulary depends on: every file's name and a digest of its bytes. Contents, not
    modification times: a copy that keeps the old time (`cp -p`, `rsync -t`, an unpacked archive) with
    the same size must not give the old words (a cached reading never says what a fresh one would not)."""
    out = []
    for f in _vocabulary_files(site_root):
        try:
            digest = hashlib.blake2b(f.read_bytes(), digest_size=16).hexdigest()
        except OSError as exc:  # read again, and reported, by _read_vocabulary
            digest = f"unreadable: {exc}"
        out.append((str(f), digest))
    return tuple(out)


_LOADED: dict[tuple[object, ...], tuple[Vocabulary, tuple[Finding, ...]]] = {}


def load_vocabulary(site_root: pathlib.Path | None = None) -> tuple[Vocabulary, list[Finding]]:
    """The packaged vocabularies plus the site's own (safety/vocab/*.yaml); problems are located. Read
    once per process for as long as no file changed (by name and contents). A site without vocabulary
    files of its own shares the packaged one: nothing in it depends on the site."""
    files = vocabulary_key(site_root)
    own = any(not pathlib.Path(name).is_relative_to(PACKAGED) for name, _ in files)
    key = (str(site_root) if own else None, files)
    if key not in _LOADED:
        if len(_LOADED) > 16:
            _LOADED.clear()
        vocab, findings = _read_vocabulary(site_root)
        _LOADED[key] = (vocab, tuple(findings))
    vocab, found = _LOADED[key]
    return vocab, list(found)


def _vocabulary_files(site_root: pathlib.Path | None) -> list[pathlib.Path]:
    """The packaged vocabularies, then the site's own (safety/vocab/*.yaml), each in name order."""
    files = sorted(PACKAGED.glob("*.yaml"))
    own = site_root / "safety" / "vocab" if site_root is not None else None
    if own is not None and own.is_dir():
        files += sorted(own.glob("*.yaml"))
    return files


def _read_vocabulary(site_root: pathlib.Path | None) -> tuple[Vocabulary, list[Finding]]:
    files = _vocabulary_files(site_root)
    merged: dict[str, set[str]] = {s: set() for s in LIST_SECTIONS}
    per_language: dict[str, dict[str, set[str]]] = {}
    months: dict[str, int] = {}
    numbers: dict[str, int] = {}
    ages: dict[str, int] = {}
    contractions: dict[str, str] = {}
    languages: list[str] = []
    findings: list[Finding] = []
    for path in files:
        rel = _rel(path, site_root)
        data, problem = _read(path, rel)
        if problem is not None:
            findings.append(problem)
            continue
        lang = str(data.get("language", path.stem))
        if lang != "common" and lang not in languages:
            languages.append(lang)
        for key, value in data.items():
            if key in ("language", "name"):
                continue
            if key in MAP_SECTIONS and isinstance(value, dict):
                target = {"months": months, "number_words": numbers, "ages_in_words": ages}[key]
                for k, v in value.items():
                    if isinstance(v, int):
                        target[str(k).casefold()] = v
                continue
            if key in WORD_MAP_SECTIONS and isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(v, str) and v.strip():
                        contractions[str(k).casefold().strip()] = v.casefold().strip()
                continue
            if key not in LIST_SECTIONS or not isinstance(value, list):
                findings.append(
                    error(rel, 1, 1, "VOCABULARY", f'unknown section "{key}" or not a list',
                          "use the section names of the packaged en.yaml")
                )  # fmt: skip
                continue
            entries = {str(v).casefold().strip() for v in value if v is not None and str(v).strip()}
            merged[key] |= entries
            per_language.setdefault(lang, {}).setdefault(key, set()).update(entries)
    lists = {k: Lexicon.of(v) for k, v in merged.items()}
    by_language = {
        lang: MappingProxyType({k: Lexicon.of(v) for k, v in sections.items()})
        for lang, sections in per_language.items()
    }
    known = frozenset(months).union(*(lists[s].single for s in KNOWN_SECTIONS))
    public = frozenset().union(*(lists[s].single for s in PUBLIC_SECTIONS))
    public |= {unaccented(w) for w in public}  # "Tet" for "Tết", "Noel" for "Noël"
    signal_sections = ("titles", "kinship", "institution_words", "institution_words_before", "place_words_after",
                       "place_words_before", "person_markers")  # fmt: skip
    signals = frozenset().union(*(lists[s].single for s in signal_sections))
    trigger_sections = signal_sections + ("landmark_words", "locatives", "naming_phrases", "possessives",
                                          "naming_verbs", "naming_by_people")  # fmt: skip
    triggers = frozenset().union(*(lists[s].single | lists[s].starts for s in trigger_sections))
    vocab = Vocabulary(
        tuple(languages),
        MappingProxyType(lists),
        MappingProxyType(months),
        MappingProxyType(numbers),
        MappingProxyType(by_language),
        known,
        public,
        signals,
        triggers,
        frozenset(lists["naming_phrases"].single).union(*lists["naming_phrases"].phrases),
        MappingProxyType(ages),
        MappingProxyType(contractions),
        MappingProxyType(_possessive_names(e for s in PUBLIC_SECTIONS for e in merged.get(s, ()))),
    )
    return vocab, findings


def _possessive_names(entries: Iterable[str]) -> dict[tuple[str, ...], tuple[int, ...]]:
    """The entries of several words with a possessive word ("john smith's stadium"): their words, and
    which of them are possessive."""
    from generator.safety.detect.tokens import PUNCT, tokenize

    out: dict[tuple[str, ...], tuple[int, ...]] = {}
    for entry in entries:
        if "'s" not in entry and "’s" not in entry:
            continue
        tokens = [t for t in tokenize(entry).items if t.kind != PUNCT]
        marked = tuple(n for n, t in enumerate(tokens) if t.possessive)
        if len(tokens) > 1 and marked:
            out[tuple(t.low for t in tokens)] = marked
    return out


def _rel(path: pathlib.Path, root: pathlib.Path | None) -> str:
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return f"(impactsite)/vocab/{path.name}"


def _read(path: pathlib.Path, rel: str) -> tuple[dict[str, Any], Finding | None]:
    try:
        data = yaml.load(
            path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except (OSError, UnicodeDecodeError) as exc:
        return {}, error(
            rel, 1, 1, "VOCABULARY", f"cannot read the vocabulary: {exc}", "save it as UTF-8 text"
        )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return {}, error(
            rel, line, 1, "VOCABULARY", "this vocabulary is not valid YAML", "fix the line shown"
        )
    if not isinstance(data, dict):
        return {}, error(rel, 1, 1, "VOCABULARY", "a vocabulary is `section: [words]` lines", "see en.yaml")
    return data, None
