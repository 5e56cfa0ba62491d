"""Family 6: undeclared names. A name nobody declared is a name nobody checked.

Every person a story names must be in `people`, where consent, name type and relation are reviewed.
This rule looks for capitalised word sequences that read like a person's name and are neither declared
nor known to the site. It is advisory (a warning): no list of places and organisations is complete, and
NER tools are unreliable on Indian names (see safeguarding.md 1f). To keep false alarms rare it skips
what is usually not a name: sentence-initial single words, Title Case headings, months, weekdays,
nationalities, languages, religions, places (the gazetteer, `known_places`, the story's location),
organisations (words such as Trust, Police, Court, Act), `known_terms`, words the story also uses in
lowercase, and anything made only of the declared people's given names and surnames.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.model import Story
from generator.safety.detect import gazetteer as gz
from generator.safety.detect import textscan as ts
from generator.safety.detect.fields import BODY, LABEL, NAME, Field, visible_fields
from generator.safety.detect.lexicon import (
    FUNCTION_WORDS,
    KIN_ALL,
    MONTHS,
    NOT_NAMES,
    ORG_WORDS,
    TITLES,
    WEEKDAYS,
)
from generator.safety.detect.scanbase import strip_possessive
from generator.safety.identifiers import settings_for
from generator.safety.registry import WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "6 Undeclared names"

_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
_CONNECTORS = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "binti",
    "ibn",
    "al",
    "el",
    "la",
    "le",
}
_PLACE_PREPOSITIONS = {
    "in",
    "near",
    "across",
    "outside",
    "throughout",
    "towards",
    "toward",
    "into",
    "around",
    "via",
}
_PLACE_AFTER = {
    "district",
    "districts",
    "village",
    "villages",
    "city",
    "town",
    "state",
    "province",
    "region",
    "river",
    "camp",
    "camps",
    "market",
    "station",
    "road",
    "street",
    "lane",
    "para",
    "basti",
    "slum",
    "colony",
    "nagar",
    "area",
    "areas",
    "border",
    "block",
    "division",
    "county",
    "island",
    "valley",
    "hills",
    "coast",
    "port",
    "airport",
    "railway",
    "junction",
    "bazaar",
    "bazar",
    "municipality",
    "panchayat",
    "subdivision",
    "thana",
    "police",
    "court",
    "office",
    "unit",
    "programme",
    "program",
    "project",
    "team",
    "group",
    "network",
    "hospital",
    "school",
    "college",
    "university",
    "centre",
    "center",
    "shelter",
    "home",
    "trust",
    "foundation",
    "committee",
    "act",
    "law",
    "campaign",
    "language",
    "people",
    "community",
    "communities",
    "festival",
    "river's",
    "times",
    "news",
}
_SUFFIXES = (
    "tion",
    "tions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ism",
    "ship",
    "ance",
    "ence",
    "ology",
    "ing",
    "ings",
    "ism",
)
_MARKUP = " \t\"“”‘’'*_([>#-•+|"


@dataclass(frozen=True)
class Candidate:
    start: int
    text: str  # as written, possessive removed
    words: tuple[str, ...]
    titled: bool  # came after Mr, Dr, Inspector…


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _sentence_start(text: str, i: int) -> bool:
    """True when the word at `i` opens a sentence, a paragraph, a heading, a list item or a quotation."""
    j = i - 1
    while True:
        while j >= 0 and text[j] in _MARKUP:
            j -= 1
        if j < 0:
            return True
        if text[j] != "\n":
            opens_quote = _OPENING_QUOTE.fullmatch(text, j + 1, i) is not None  # , "Rekha…  not  ," Mona
            return text[j] in ".!?:;…—–" or (text[j] == "," and opens_quote)
        line_start = j + 1
        if text[line_start:i].strip(" \t")[:1] in "#>-*+•|" or _NUMBERED_ITEM.match(text, line_start, i):
            return True  # a heading, quote or list item starts here
        k = j - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or text[k] == "\n":
            return True  # a paragraph starts here
        j = k  # a wrapped line: look at the end of the previous one


def _title_case_headings(text: str) -> list[tuple[int, int]]:
    """Spans of the Markdown headings written in Title Case ("## A Court Process Built Around the Child")."""
    if "#" not in text:
        return []
    return [m.span() for m in _HEADING.finditer(text) if _title_case(m.group(0))]


def _title_case(line: str) -> bool:
    words = [w for w in _TOKEN.findall(line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'].)[\w’'\-]*")
_CONNECTOR_GAP = re.compile(r" (?:" + "|".join(sorted(_CONNECTORS)) + r") ")
_POSSESSIVE_END = ("'s", "’s")
_LINKISH_AFTER = re.compile(r"[@_/]|\.\w")
_DIGIT = re.compile(r"\d")
_SKIP_ALONE = frozenset(FUNCTION_WORDS | TITLES | KIN_ALL)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t].*$", re.MULTILINE)
_LEAD_WORDS = re.compile(r"[\w’'\-]+")
_CONTINUES_NAME = re.compile(r"[’']?s?\s+(of|on|for|and|&|de)\s+(?:the\s+)?")
_OPENING_QUOTE = re.compile(r"\s+[\"“‘'][*_]*")
_NUMBERED_ITEM = re.compile(r"[ \t]*\d+[.)]")
_NEXT_AFTER_POSSESSIVE = re.compile(r"[’']s[ \t]+([A-Z][\w’'\-]+)")
_POSSESSOR_BEFORE = re.compile(r"([A-Z][\w\-]+)[’']s[ \t]+$")
_WORD_AFTER = re.compile(r"(?:[’']s)?[*_\"”’)]*[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+[*_\"“‘(]*$")
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")


# The lengths a gap " de " … " della " can have: anything else is not worth asking _CONNECTOR_GAP about.
_CONNECTOR_GAP_LENGTHS = range(min(map(len, _CONNECTORS)) + 2, max(map(len, _CONNECTORS)) + 3)

_LONGEST_GAP = _CONNECTOR_GAP_LENGTHS[-1]
Word = tuple[int, int, str]  # start, end and text of a capitalised word


def _joined(gap: str, prev_word: str) -> bool:
    """True when the text `gap` joins `prev_word` and the next capitalised word into one run."""
    joined = (
        gap == " "
        or gap == "\n"
        or gap == "\t"
        or ((gap == ". " or gap == ".\t") and prev_word.lower() in TITLES)
        or (len(gap) in _CONNECTOR_GAP_LENGTHS and _CONNECTOR_GAP.fullmatch(gap) is not None)
    )
    return joined and not prev_word.endswith(_POSSESSIVE_END)  # in "Rosa's Bakery" the name is Rosa


def _runs(text: str) -> Iterator[list[Word]]:
    """Runs of capitalised words joined by single spaces (or a title's full stop, or "de", "van"…)."""
    run: list[Word] = []
    prev_end, prev_word = 0, ""  # the last word of `run`
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        if len(word) > 1 and word.isupper():  # POCSO, NGO: acronyms end a run and are not names
            if run:
                yield run
            run = []
            continue
        start, end = m.span()
        if run:
            if start - prev_end <= _LONGEST_GAP and _joined(text[prev_end:start], prev_word):
                run.append((start, end, word))
                prev_end, prev_word = end, word
                continue
            yield run
        run = [(start, end, word)]
        prev_end, prev_word = end, word
    if run:
        yield run


def candidates(text: str, kind: str) -> Iterator[Candidate]:
    """Capitalised runs that could be a person's name, before anything is looked up."""
    if kind == NAME:
        return
    field_title_case = kind == LABEL and _title_case(text)
    headings = _title_case_headings(text) if kind == BODY else []
    for run in _runs(text):
        if len(run) == 1 and run[0][2].lower() in _SKIP_ALONE:
            continue  # "She", "The", "When": most capitalised words are these
        start, run_end = run[0][0], run[-1][1]
        # (a run is its words and the gaps joining them, which hold no digits; a letter is never a digit)
        if not all(w.isalpha() for _, _, w in run) and _DIGIT.search(text, start, run_end):
            continue  # "Chome-2-3", "B-12": codes, not names
        if start and text[start - 1] in "@/.#_" or _LINKISH_AFTER.match(text, run_end):
            continue  # part of a handle, an address or a link, which family 5 judges
        title_case = field_title_case or (bool(headings) and any(s <= start < e for s, e in headings))
        if title_case and run[0][2].lower() not in TITLES:
            continue  # in Title Case every word looks like a name
        at_start = _sentence_start(text, start)
        titled = False
        while run:
            first = run[0][2].lower()
            if not (first in FUNCTION_WORDS or first in TITLES or first in KIN_ALL):
                break
            titled = titled or first in TITLES
            run.pop(0)
            at_start = False
        if not run or (at_start and len(run) == 1 and not titled) or (len(run) == 1 and len(run[0][2]) < 2):
            continue
        words = [w for _, _, w in run]
        words[-1] = strip_possessive(words[-1])
        start = run[0][0]
        yield Candidate(start, text[start : run[-1][0]] + words[-1], tuple(words), titled)


def _has_word(text: str, word: str) -> bool:
    """True when `word` stands alone in `text` (not inside another word), exactly as written."""
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after in "’'-"):
            return True
        at = text.find(word, at + 1)
    return False


class _Known:
    """What one story and the site already know: declared names, places, terms, lowercase words."""

    def __init__(self, story: Story, ctx: StoryContext, fields: list[Field]) -> None:
        policy = ctx.config.safety
        self.declared = {
            w.lower().replace("’", "'") for p in story.people for w in re.findall(r"[\w’'\-]+", p.name)
        }
        self.declared |= {re.sub(r"'s$", "", w) for w in self.declared}
        self.declared |= {part for w in self.declared for part in w.split("-")}  # "Rao-Mehta" declares "Rao"
        terms = list(policy.known_terms) + [ctx.config.organisation.name, ctx.config.title]
        self.terms = {t.lower() for t in terms}
        self.term_words = {w.lower() for t in terms for w in re.findall(r"[\w’'\-]+", t)}
        places = list(policy.known_places) + list(policy.fine_places)
        places += [p for p in re.split(r"[,;/]", f"{story.location or ''},{story.region or ''}") if p.strip()]
        self.own_places = {
            p.strip().lower() for p in places
        }  # with gz.PLACE_KEYS, the places this story knows
        self._texts = [f.text for f in fields if f.kind != NAME]

    def is_place(self, place: str) -> bool:
        """True when `place` (lowercase) is a place the gazetteer, the site or the story knows."""
        return place in gz.PLACE_KEYS or place in self.own_places

    def written_in_lowercase(self, word: str) -> bool:
        """True when the story also writes `word` in lowercase ("trust" as well as "Trust")."""
        if not all(c.isalpha() or c in "'’-" for c in word):
            return False
        return any(_has_word(text, word) for text in self._texts)

    def is_organisation(self, c: Candidate) -> bool:
        return any(w.lower() in ORG_WORDS for w in c.words)

    def explains(self, c: Candidate, text: str) -> bool:
        low = [w.lower().replace("’", "'") for w in c.words]
        joined = " ".join(low)
        if all(w in self.declared for w in low):
            return True
        if joined in self.terms or all(w in self.term_words for w in low):
            return True
        if any(w in ORG_WORDS or w in NOT_NAMES or w in MONTHS or w in WEEKDAYS for w in low):
            return True
        # a place written with a possessive: "Cox's Bazar" reaches here as "Cox" and "Bazar"
        end = c.start + len(c.text)
        nxt = _NEXT_AFTER_POSSESSIVE.match(text, end)
        prv = _POSSESSOR_BEFORE.search(text, max(0, c.start - 30), c.start)
        if (nxt and self.is_place(f"{joined}'s {nxt.group(1).lower()}")) or (
            prv and self.is_place(f"{prv.group(1).lower()}'s {joined}")
        ):
            return True
        # the end of a place whose name starts with words this run does not hold: "South 24 Parganas"
        lead = _LEAD_WORDS.findall(text, max(0, c.start - 30), c.start)
        for k in range(1, min(3, len(lead)) + 1):
            if self.is_place(" ".join([w.lower() for w in lead[-k:]] + low)):
                return True
        for n in range(len(low), 0, -1):  # any run of words that is a place ("Cebu City", "Howrah Bridge")
            if any(self.is_place(" ".join(low[k : k + n])) for k in range(len(low) - n + 1)):
                return True
        after = _WORD_AFTER.match(text, end)
        if after and after.group(1) in _PLACE_AFTER:
            return True  # "Rampur village", "Tiljala police", "Shakti programme"
        before = _WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
        possessive = _POSSESSIVE_AFTER.match(text, end) is not None
        if len(low) == 1 and not c.titled:
            word = low[0]
            if word.endswith(_SUFFIXES) or self.written_in_lowercase(word):
                return True  # "Trust", "Aftercare": words the story also writes in lowercase
            if before and before.group(1).lower() in _PLACE_PREPOSITIONS and not possessive:
                return True  # "in Rampur", "near Bantala": most likely a place
            if before and before.group(1) == "the":
                return True  # "the Philippines", "the Trust"
        return False


@story_rule(
    "UNDECLARED-NAME",
    WARNING,
    family=FAMILY,
    title="a name that is not declared in people",
    source="SPEC family 6; safeguarding TX-03 (NER is advisory only)",
)
def undeclared_name(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A capitalised word sequence that reads like a person's name ("Bikash Mondal", "Mr Das",
    "Rosa's") and is not declared in `people`, not a known place or organisation and not in
    `safety.known_terms` may be a real name that skipped review. Each name is reported once, where it
    first appears. Declare the person, describe them instead, or add the term to `known_terms`."""
    fields = list(visible_fields(story, ctx))
    known = _Known(story, ctx, fields)
    settings = settings_for(story, ctx)
    reported: set[str] = set()
    for f in fields:
        # an address, a school or a place the other detectors found is theirs to report, not a name
        taken = [(x.start, x.end) for x in ts.scan(f.text, f.kind, settings)]
        # "United Nations Office on Drugs and Crime": the words after "on" (and then "and") are the office's;
        # but in "the Trust and Rekha", Rekha is a person
        organisation_end, inside = -1, False
        for c in candidates(f.text, f.kind):
            end = c.start + len(c.text)
            link = (
                _CONTINUES_NAME.fullmatch(f.text, organisation_end, c.start)
                if organisation_end >= 0
                else None
            )
            if link is not None and (link.group(1) not in ("and", "&") or inside):
                organisation_end, inside = end, True
                continue
            if known.is_organisation(c):
                organisation_end, inside = end, False
                continue
            words = {w.lower() for w in c.words}
            if (
                words <= reported
                or any(s < end and c.start < e for s, e in taken)
                or known.explains(c, f.text)
            ):
                continue  # "Bikash" after "Bikash Mondal" was reported: the same person
            reported |= words
            yield f.hit(
                f'"{c.text}"{f.where()} looks like a person\'s name but is not declared in people: an unchecked '
                "name may be a real one",
                "if it is a person, add them to people (with role and name_type) or describe them instead "
                '("a neighbour"); if it is a place, organisation or other term, add it to safety.known_terms '
                "in site.yaml",
                c.start,
            )


RULES = rules_in(globals())
