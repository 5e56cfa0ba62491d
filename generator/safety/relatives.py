"""Relatives in the text: naming a relative names the child.

RELATIVE-NAMED is an error on every story: a name with a kinship word attached, in any order ("her aunt,
Kamala Devi", "Kamala, her aunt", "Kamala's daughter"), prints a relative's name, and a relative's name
leads to the survivor. The detection is detect/explain.py's, read from the story's one analysis.

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
import itertools
import re
from collections.abc import Iterable, Iterator

from generator.content.model import Person, Story
from generator.safety.detect.explain import FAMILY_NAME
from generator.safety.detect.fields import BODY, visible_fields
from generator.safety.detect.lexicon import KIN_ALL, KIN_EN, KIN_IN, KIN_SHORT, POSSESSIVES
from generator.safety.detect.scanbase import lowered, words_of
from generator.safety.detect.tokens import WORD, tokenize
from generator.safety.detect.vocab import load_vocabulary
from generator.safety.identifiers import hits
from generator.safety.registry import ANY, ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "1 People and names"
_KIN_FIRST_WORDS = frozenset(k.split("-")[0] for k in KIN_ALL)


@story_rule(
    "RELATIVE-NAMED",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a relative named in the text",
    source='POCSO s.23 "family details"; UNICEF principle 6; Delhi Cantt (2021); safeguarding TX-12',
)
def relative_named(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A name with a kinship word attached, in any order and in any of the languages the detectors read
    ("NAME, her mother", "her elder sister NAME", "NAME's daughter", "su tía NAME", "sa kanyang inang si
    NAME", "the children's uncle, NAME, 41"), prints a relative's name, and a relative's name leads
    straight to the survivor. Relatives are described, never named, not even by a changed name. A
    person declared as accused and named for real whom the text calls a relative is one too. (The
    examples say NAME: this text is printed in reports, which never show a name.)"""
    yield from hits(
        ctx,
        "RELATIVE-NAMED",
        'a relative is named ("{hint}"){where}: naming a relative names the child',
        'describe them instead ("her mother", "an uncle"), without a name; relatives are never named, '
        "not even with a changed name",
        about=lambda what: what != FAMILY_NAME,
    )
    yield from hits(
        ctx,
        "RELATIVE-NAMED",
        'a family is named ("{hint}"){where}: the name of the family she lives or lived with names the child',
        'describe them instead ("a foster family", "the family she lived with", "her grandparents"), '
        "without their name",
        about=lambda what: what == FAMILY_NAME,
    )


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


@story_rule(
    "ACCUSED-UNPLACED",
    WARNING,
    family=FAMILY,
    title="an accused person named on a child's story that speaks of an undeclared relative",
    source="impactsite policy: an accused relative of a minor survivor is never named (SPEC, People and names)",
)
def accused_unplaced(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A child's story names someone accused for real and speaks of a relative of hers the story does
    not declare ("son oncle est venu le chercher… le tribunal a condamné <the accused>"): if the accused
    is that relative, the name names the child, and nothing in the story says otherwise. Children are
    most often trafficked by people they know. A reviewer decides: the accused is no relative (a
    recorded decision), or the story withholds the name."""
    if not story.has_minor_survivor:
        return
    accused = [
        p
        for p in story.people
        if (p.role == "accused" or p.accused) and p.name_type == "real" and not p.relation_to
    ]
    if not accused:
        return
    site = ctx.extras.get("site_knowledge")
    vocab = site.vocab if site is not None else load_vocabulary()[0]
    kinship, possessives, families = vocab["kinship"], vocab["possessives"], vocab["family_words"]
    declared = {
        w
        for p in story.people
        if p.name_type == "withheld"
        for w in re.findall(r"[^\W\d_]+", p.name.casefold())
    }  # "sa mère", declared and not accused: the story says who she is
    for f in visible_fields(story, ctx):
        if f.kind != BODY:
            continue
        items = [t for t in tokenize(f.text).items if t.kind == WORD]
        for a, b in itertools.pairwise(items):
            if (
                a.low in possessives
                and b.low in kinship
                and b.low not in families  # "leurs familles": families in general, no one relative
                and b.low not in declared
            ):
                who = ", ".join(_person(p) for p in accused)
                yield f.hit(
                    f'{who}: someone accused is named on a child\'s story that speaks of "{a.low} {b.low}", a '
                    "relative it does not declare; if the accused is that relative, the name identifies the child",
                    "if they are related, withhold the accused's name (name_type: withheld, described as "
                    '"a relative"); if not, declare the relative (role: relative, name_type: withheld) or ask a '
                    "reviewer to record the decision in `impactsite approve`",
                    b.start,
                )
                return


def _person(p: Person) -> str:
    return f"person {p.index + 1} in people"


RULES = rules_in(globals())
