"""Relatives in the text: naming the mother names the child.

RELATIVE-NAMED is an error on every story: a kinship word followed by a name ("her aunt, Kamala Devi",
"her uncle Bikash", "Kamala mashi") prints a relative's name, and a relative's name leads to the survivor.

RELATIONSHIP is about a child survivor and someone accused: "trafficked by her own mother" names no one,
yet a local reader who knows the mother was arrested knows the child (UK Editors' Code clause 7, POCSO
"family details"). Whether a story may say it is a judgement, not a pattern, so the rule asks for a
reviewer's acknowledgement rather than forbidding it. It is therefore a WARNING: it is shown on every
check, `--strict` (the publishing build) blocks on it, and a safeguarding reviewer acknowledges it
with a `waivers:` entry for rule `RELATIONSHIP` (reviewer and reason, recorded in the story next to the
text it covers). An error could not be acknowledged at all; a plain warning without --strict would
not need to be.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable, Iterator

from generator.content.model import Story
from generator.safety.detect import gazetteer as gz
from generator.safety.detect.fields import Field, visible_fields
from generator.safety.detect.lexicon import (
    FUNCTION_WORDS,
    KIN_ALL,
    KIN_EN,
    KIN_GENERIC,
    KIN_IN,
    KIN_MODIFIERS,
    KIN_SHORT,
    MONTHS,
    NOT_NAMES,
    ORG_WORDS,
    POSSESSIVES,
    WEEKDAYS,
)
from generator.safety.detect.scanbase import lowered, strip_possessive, word_starts, words_of
from generator.safety.registry import ANY, ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "1 People and names"


def _alt(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NAME = re.compile(r"(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3})")
_GAP = re.compile(r"\s+(?:named|called|known\s+as)\s+|[ \t]*,[ \t]*\n?[ \t]*|[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*")
_BARE_GAP = re.compile(r"\s+(?:named|called|known\s+as)\s+|[ \t]*,?[ \t]+")
_POSSESSIVE_BEFORE = re.compile(
    rf"(?:\b(?i:{_alt(POSSESSIVES)})|\b[A-Z]\w*[’']s)(?:[ \t]+(?i:{_alt(KIN_MODIFIERS)}))*[ \t]+$"
)
_KIN_FIRST_WORDS = frozenset(k.split("-")[0] for k in KIN_ALL)
_SUFFIX_KIN = frozenset(
    {
        "mashi",
        "mausi",
        "masi",
        "kaki",
        "chachi",
        "kaka",
        "chacha",
        "mama",
        "mami",
        "pishi",
        "pishima",
        "jethu",
        "jethima",
        "nani",
        "dadi",
        "bua",
        "khala",
        "khalu",
        "phupho",
        "phuphi",
        "boudi",
        "bhabhi",
        "mesho",
        "meso",
        "mausa",
    }
)
_KIN_AFTER_NAME = re.compile(
    rf"(?<![\w’'\-])(?P<name>[A-Z][\w’'\-]+)[ \t\-]+(?P<kin>{_alt(set(_SUFFIX_KIN))})\b"
)


# Each kinship word by its first part, longest first: "mother" leads to "mother-in-law" and "mother".
_KIN_BY_FIRST_PART: dict[str, tuple[str, ...]] = {
    first: tuple(sorted((k for k in KIN_ALL if k.split("-")[0] == first), key=len, reverse=True))
    for first in _KIN_FIRST_WORDS
}

# What every kinship word with that first part starts with ("in-law" for "in-laws" and "in-law"): looked
# for instead of the first part itself, which for "in", "step" or "half" is everywhere.
_KIN_PREFIX: dict[str, str] = {
    first: os.path.commonprefix(list(kins)) for first, kins in _KIN_BY_FIRST_PART.items()
}


def _kin_words(text: str, low: str, present: set[str] | frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each kinship word in the text, found by plain substring search."""
    for first in present:
        for at in word_starts(low, _KIN_PREFIX[first]):
            for kin in _KIN_BY_FIRST_PART[first]:
                end = at + len(kin)
                if low.startswith(kin, at) and (
                    end == len(low) or not (low[end].isalnum() or low[end] in "’'-_")
                ):
                    yield at, end
                    break


def _declared_survivor_words(story: Story) -> set[str]:
    words: set[str] = set()
    for p in story.survivors:
        if p.name_type == "pseudonym":
            words.update(w.lower() for w in p.name.split())
    return words


def _not_a_person(name: str, story: Story, ctx: StoryContext) -> bool:
    words = [strip_possessive(w).lower() for w in name.split()]
    first = words[0]
    if first in FUNCTION_WORDS or first in MONTHS or first in WEEKDAYS or first in KIN_ALL:
        return True
    if any(w in ORG_WORDS or w in NOT_NAMES for w in words):
        return True
    joined = " ".join(words)
    places = {p.lower() for p in ctx.config.safety.known_places} | {
        p.strip().lower() for p in (story.location or "").split(",")
    }
    if joined in gz.PLACE_KEYS or first in gz.PLACE_KEYS or joined in places:
        return True
    known = {t.lower() for t in ctx.config.safety.known_terms} | {ctx.config.organisation.name.lower()}
    if joined in known:
        return True
    return all(w in _declared_survivor_words(story) for w in words)


def _named_relatives(f: Field, story: Story, ctx: StoryContext) -> Iterator[tuple[int, str, str, str]]:
    """(offset, quoted text, kin word, name) for each relative named in the field."""
    text = f.text
    words = words_of(text)
    present = words & _KIN_FIRST_WORDS
    if present:
        low = lowered(text)
        if len(low) != len(text):
            low = text  # the offsets must match; capitalised kin words are then missed, which errs towards titles
        for kin_start, kin_end in sorted(_kin_words(text, low, present)):
            kin = text[kin_start:kin_end]
            gap = _GAP.match(text, kin_end)
            if gap is None:
                continue
            name = _NAME.match(text, gap.end())
            if name is None:
                continue
            before = _POSSESSIVE_BEFORE.search(text, max(0, kin_start - 60), kin_start)
            if (
                before is None
            ):  # "uncle Bikash", without her/his: only long, unambiguous kin words, not titles
                if (
                    not _BARE_GAP.fullmatch(gap.group(0))
                    or kin.lower() in KIN_SHORT
                    or kin.lower() in KIN_GENERIC
                ):
                    continue
                if kin[0].isupper():
                    continue  # Mother Teresa, Sister Nivedita, Aunty Rekha, Chacha Nehru: titles and honorifics
            start = before.start() if before else kin_start
            if not _not_a_person(name.group(0), story, ctx):
                yield start, text[start : name.end()], kin, name.group(0)
    if not words.isdisjoint(_SUFFIX_KIN):
        for m in _KIN_AFTER_NAME.finditer(text):
            if not _not_a_person(m.group("name"), story, ctx):
                yield m.start(), m.group(0), m.group("kin"), m.group("name")


@story_rule(
    "RELATIVE-NAMED",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a relative named in the text",
    source='POCSO s.23 "family details"; UNICEF principle 6; Delhi Cantt (2021); safeguarding TX-12',
)
def relative_named(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A kinship word followed by a name ("her aunt, Kamala Devi", "her uncle Bikash", "Kamala mashi")
    prints a relative's name, and a relative's name leads straight to the survivor. Relatives are
    described ("her aunt"), never named, not even by a changed name."""
    for f in visible_fields(story, ctx):
        for offset, quoted, kin, name in _named_relatives(f, story, ctx):
            q = " ".join(quoted.split())
            yield f.hit(
                f'a relative is named ("{q}"){f.where()}: a relative\'s name leads straight to the survivor',
                f'write "{_describe(quoted, kin, name)}" without the name; relatives are never named, '
                "not even with a changed name",
                offset,
            )


def _describe(quoted: str, kin: str, name: str) -> str:
    before = quoted[: quoted.find(name)] if quoted.find(name) > 0 else ""
    text = before.strip().rstrip(",").strip()
    text = re.sub(r"\s+(?:named|called|known\s+as)$", "", text)
    return text if text.lower() != kin.lower() else f"a relative ({kin.lower()})"


_TRIGGERS = {
    "trafficked",
    "trafficker",
    "traffickers",
    "arrested",
    "arrest",
    "arrests",
    "accused",
    "charged",
    "charges",
    "abused",
    "abuse",
    "abuser",
    "abusers",
    "abusing",
    "exploited",
    "exploiter",
    "raped",
    "rape",
    "molested",
    "convicted",
    "prosecuted",
    "jailed",
    "detained",
    "suspect",
    "suspects",
    "perpetrator",
    "pimp",
    "pimped",
    "groomed",
}
_SELL = {"sold", "sell", "sells", "selling", "resold"}
# "selling vegetables" is trade; "sold her", "was sold", "sold into", "selling girls" are about a person
_SOLD_AFTER = {
    "her",
    "him",
    "them",
    "me",
    "us",
    "girls",
    "boys",
    "children",
    "child",
    "daughter",
    "daughters",
    "son",
    "sons",
    "into",
    "to",
    "off",
    "again",
    "for",
    "the",
    "a",
    "women",
    "people",
}
_SOLD_BEFORE = {"was", "were", "been", "being", "get", "got", "be", "is", "are", "had", "and"}
_GOODS = {
    "vegetables",
    "goods",
    "fish",
    "tea",
    "food",
    "clothes",
    "land",
    "house",
    "jewellery",
    "jewelry",
    "cattle",
    "crops",
    "rice",
    "snacks",
    "flowers",
    "fruit",
    "produce",
    "handicrafts",
    "bangles",
    "her",
    "his",
}
_TOKEN_OR_BREAK = re.compile(r"[^\W\d_][\w’']*(?:-[\w’']+)*|\n[ \t]*\n")
_RELATION_KIN = (KIN_EN | KIN_IN) - {"guardian"}
_AMBIGUOUS_KIN = KIN_SHORT | {"ma", "maa", "baba", "mama", "nana", "dada", "tai", "tau", "apa", "bua", "masi"}
WINDOW = 10
_TRIGGER_WORDS = frozenset(_TRIGGERS | _SELL)
# The ASCII-letter parts of each kinship word RELATIONSHIP counts ("mother-in-law": mother, in, law). A
# word the text holds (in any case) puts all its parts among the text's words (scanbase.words_of), so a
# text where no kinship word has them all has no kinship word to count.
_KIN_PARTS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (k, frozenset(re.findall("[a-z]+", k))) for k in sorted(_RELATION_KIN | KIN_SHORT)
)
_BREAK = re.compile(r"\n[ \t]*\n")  # the paragraph breaks among the tokens of _TOKEN_OR_BREAK


def _about_a_person(tokens: list[str], i: int) -> bool:
    after = tokens[i + 1 : i + 3]
    before = tokens[i - 1] if i else ""
    if (
        after
        and after[0] in _SOLD_AFTER
        and not (len(after) > 1 and after[0] in ("the", "a", "her", "his") and after[1] in _GOODS)
    ):
        return True
    return before in _SOLD_BEFORE and not (after and after[0] in _GOODS)


@functools.lru_cache(maxsize=64)
def relationship_mentions(text: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, kin word, trigger) for each kinship word within WINDOW words of sold/arrested/accused…

    Words are counted within a paragraph: a blank line is a token of its own that no window crosses.
    Cached: the RELATIONSHIP and JIGSAW rules both ask.
    """
    return tuple(_relationship_mentions(text))


def _relationship_mentions(text: str) -> Iterator[tuple[int, str, str]]:
    words = words_of(text)
    if words.isdisjoint(_TRIGGER_WORDS) or words.isdisjoint(_KIN_FIRST_WORDS):
        return
    kin_words = [k for k, parts in _KIN_PARTS if parts <= words]
    if not kin_words:
        return
    low = lowered(text)
    if len(low) != len(text):  # offsets in the lowered text would not be offsets in the text
        yield from _mentions_in(text, 0, len(text))
        return
    # No window crosses a paragraph break, so only the paragraphs where both a trigger and a kinship
    # word occur (found by substring search in the lowered text) are split into words.
    breaks = [m.span() for m in _BREAK.finditer(text)]
    starts = [0] + [end for _, end in breaks]
    ends = [start for start, _ in breaks] + [len(text)]

    def paragraphs_with(needles: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for needle in needles:
            at = low.find(needle)
            while at >= 0:
                found.add(bisect.bisect_right(starts, at) - 1)
                at = low.find(needle, at + 1)
        return found

    for n in sorted(paragraphs_with(words & _TRIGGER_WORDS) & paragraphs_with(kin_words)):
        yield from _mentions_in(text, starts[n], ends[n])


def _mentions_in(text: str, lo: int, hi: int) -> Iterator[tuple[int, str, str]]:
    """The mentions among the words of text[lo:hi], a stretch that starts and ends at a paragraph break
    or at the start or end of the text. A break just outside the stretch stays in the token list: a
    trigger's or a kinship word's neighbours are read there, and no window crosses it."""
    lead = ["\n"] if lo > 0 else []  # the break before, as a token
    tokens = (
        lead + [w.lower() for w in _TOKEN_OR_BREAK.findall(text, lo, hi)] + (["\n"] if hi < len(text) else [])
    )
    breaks = [i for i, w in enumerate(tokens) if w[0] == "\n"]
    triggers = [
        i for i, w in enumerate(tokens) if w in _TRIGGERS or (w in _SELL and _about_a_person(tokens, i))
    ]
    if not triggers:
        return
    offsets: list[int] | None = None
    for i, w in enumerate(tokens):
        kin = w.removeprefix("step-")
        if kin not in _RELATION_KIN and kin not in KIN_SHORT:
            continue
        if kin in _AMBIGUOUS_KIN and (i == 0 or tokens[i - 1] not in POSSESSIVES):
            continue  # "ma", "baba", "mama": only "her ma" is surely a relative
        near = [
            j for j in triggers if abs(j - i) <= WINDOW and not any(min(i, j) < b < max(i, j) for b in breaks)
        ]
        if near:
            j = min(near, key=lambda j: abs(j - i))
            if offsets is None:  # rare: only now find where each word is
                offsets = [-1] * len(lead) + [m.start() for m in _TOKEN_OR_BREAK.finditer(text, lo, hi)]
            yield offsets[i], w, tokens[j]


@story_rule(
    "RELATIONSHIP",
    WARNING,
    family=FAMILY,
    title="a child's relationship to the accused",
    source='UK Editors\' Code cl.7; POCSO s.23 "family details"; Jones, Finkelhor & Beckwith (2010); TX-11',
)
def relationship(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """In a story about a child survivor, a kinship word near "sold", "trafficked", "arrested",
    "accused", "charged" or "abused" says how the child is related to the accused ("sold by her own
    mother"), and people who know the family know the child. It needs a safeguarding reviewer's
    acknowledgement: a RELATIONSHIP waiver with a reason; `--strict` blocks it until then."""
    if not story.has_minor_survivor:
        return
    for f in visible_fields(story, ctx):
        for offset, kin, trigger in relationship_mentions(f.text):
            yield f.hit(
                f'"{kin}" near "{trigger}"{f.where()} in a story about a child: saying how the child is related '
                "to someone accused identifies the child to everyone who knows the family",
                'remove the relationship ("a person known to her" or nothing at all), or ask a safeguarding '
                "reviewer to record a RELATIONSHIP waiver with a reason",
                offset,
            )


RULES = rules_in(globals())
