"""Family 7: jigsaw identification. No single detail names the child; together they do.

"16, trafficked by her own mother, south Kolkata, rescued with a 17-year-old on Monday": each piece is
harmless alone, and a neighbour, a classmate or a local reporter needs only three or four of them. The
rule counts the kinds of quasi-identifier a story about a child survivor carries and warns at or over
`safety.jigsaw_threshold` (default 4), naming each detail it counted, until a safeguarding reviewer
records a JIGSAW waiver. The count is per story: details are not attributed to one child or another,
so a story about two children is judged on everything it says about either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.model import Story
from generator.safety.detect import textscan as ts
from generator.safety.detect.fields import Field, visible_fields
from generator.safety.detect.lexicon import KIN_EN, KIN_GENERIC, KIN_IN, WEEKDAYS
from generator.safety.detect.scanbase import around_digits, lowered, text_of, words_of
from generator.safety.registry import WARNING, Hit, StoryContext, rules_in, story_rule
from generator.safety.relatives import relationship_mentions

FAMILY = "7 Jigsaw identification"

_NUM_WORDS = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|both|several|(?<![\d,.])(?:[2-9]|1\d|20)(?![\d,.]))"
)
_CHILDREN = r"(?:girls|boys|children|minors|teenagers|teens|victims|survivors|classmates)"
_CHILD = r"(?:girl|boy|child|minor|teenager|teen|victim|survivor|classmate)"
_COMMUNITY = frozenset(
    {
        "dalit",
        "dalits",
        "adivasi",
        "adivasis",
        "tribal",
        "santhal",
        "santhals",
        "santal",
        "santals",
        "lodha",
        "lodhas",
        "sabar",
        "sabars",
        "bedia",
        "bedias",
        "rohingya",
        "rohingyas",
        "muslim",
        "muslims",
        "hindu",
        "hindus",
        "christian",
        "christians",
        "sikh",
        "sikhs",
        "buddhist",
        "buddhists",
        "scheduled",
        "caste",
        "obc",
        "sc",
    }
)
_MARKS = frozenset(
    {
        "deaf",
        "mute",
        "blind",
        "disabled",
        "disability",
        "disabilities",
        "wheelchair",
        "crutches",
        "birthmark",
        "scar",
        "scars",
        "tattoo",
        "tattoos",
        "limp",
        "cleft",
        "stammer",
        "stutter",
        "albino",
        "albinism",
        "hearing",
        "visually",
        "autistic",
        "epilepsy",
        "burn",
    }
)
_CHILD_WORDS = frozenset(
    {
        "girls",
        "boys",
        "children",
        "minors",
        "teenagers",
        "teens",
        "victims",
        "survivors",
        "classmates",
        "girl",
        "boy",
        "child",
        "minor",
        "teenager",
        "teen",
        "victim",
        "survivor",
        "classmate",
    }
)
_ESTABLISHMENTS = frozenset(
    {
        "brothel",
        "brothels",
        "red",
        "dance",
        "massage",
        "spa",
        "lodge",
        "guest",
        "guesthouse",
        "dhaba",
        "hotel",
        "apartment",
        "rented",
        "kiln",
        "brick",
        "garment",
        "factory",
        "workshop",
        "tailoring",
    }
)
_LINKS = frozenset({"same", "story", "article", "post", "report", "reported", "wrote", "stories"})
# kind, the words a text needs before the pattern is worth running (None: digits), pattern, and whether the
# pattern ignores case (then it runs as its lowercase twin on the lowercased text, which is much faster).
_TABLE: tuple[tuple[str, frozenset[str] | None, str, bool], ...] = (
    (
        "exact age",
        None,
        (
            r"\b\d{1,2}[\s\-]*(?:year|yr)s?[\s\-]*old\b|\baged?\s+(?:of\s+)?\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\s+birthday\b"
            r"|(?<=[a-z]), \d{1,2}(?=[,.;)])|\b(?:is|was|turned|just)\s+\d{1,2}(?=[.,;!?)])|\bborn\s+in\s+(?:19|20)\d\d\b"
        ),
        True,
    ),
    (
        "co-victim",
        _CHILD_WORDS,
        rf"\b{_NUM_WORDS}\s+(?:[\w\-]+\s+){{0,3}}?{_CHILDREN}\b|\b(?:another|the\s+other)\s+(?:[\w\-]+\s+){{0,3}}?{_CHILD}\b",
        True,
    ),
    (
        "exact date",
        frozenset(WEEKDAYS),
        r"\b(?:[Oo]n|[Ll]ast|[Tt]his|[Tt]hat|[Nn]ext)\s+(?:"
        + "|".join(d.capitalize() for d in sorted(WEEKDAYS))
        + r")\b",
        False,
    ),
    (
        "origin village or district",
        frozenset({"village", "district"}),
        (
            r"\b(?:her|his|their)\s+(?:home\s+|native\s+|own\s+)?village\s+(?:in|near|of|outside)\s+[A-Z][\w’'\-]+"
            r"|\b[A-Z][\w’'\-]+(?:\s+[A-Z0-9][\w’'\-]*){0,2}\s+district\b|\bdistrict\s+of\s+[A-Z][\w’'\-]+"
            r"|\b(?:native|home)\s+village\b"
        ),
        False,
    ),
    (
        "school or class",
        frozenset({"class", "grade", "standard", "std"}),
        (
            r"\b(?:class|grade|standard|std\.?)\s+(?:[1-9]|1[0-2]|[ivx]{1,4})\b"
            r"|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))"
            r"[\s\-]+(?:grade|class|standard)\b"
        ),
        True,
    ),
    (
        "establishment",
        _ESTABLISHMENTS,
        (
            r"\b(?:brothels?|red[\s\-]light\s+(?:area|district)|dance\s+bars?|massage\s+parlou?rs?|spa|lodge|guest\s*house"
            r"|dhaba|hotel|apartment|rented\s+room|brick\s+kiln|kiln|garment\s+(?:unit|factory|workshop)|factory|workshop"
            r"|tailoring\s+shop)\b"
        ),
        True,
    ),
    (
        "link to another story",
        _LINKS,
        (
            r"\bsame\s+(?:brothel|house|apartment|flat|building|network|trafficker|traffickers|gang|agent|recruiter|case"
            r"|raid|village|school|hotel|lodge|area|family|man|men|woman)\b"
            r"|\b(?:earlier|previous|last|another|an\s+earlier)\s+(?:story|article|post|report)\b"
            r"|\b(?:as\s+we\s+(?:reported|wrote)|we\s+(?:reported|wrote)\s+(?:about|on|earlier))\b|\]\((?:/|\.\./)stories/"
        ),
        True,
    ),
    (
        "caste, religion or community",
        _COMMUNITY,
        (
            r"\b(?:dalits?|adivasis?|tribal|santh?als?|lodhas?|sabars?|bedias?|rohingyas?|muslims?|hindus?|christians?|sikhs?"
            r"|buddhists?|scheduled\s+(?:caste|tribe)s?|lower[\s\-]caste|upper[\s\-]caste|caste|obc|sc/st)\b"
        ),
        True,
    ),
    (
        "disability or distinguishing mark",
        _MARKS,
        (
            r"(?<![\w\-])(?:deaf|mute|blind|disabled|disability|disabilities|wheelchair|crutches|birthmark|scars?|tattoos?|limp"
            r"|cleft|stammer|stutter|albino|albinism|hearing[\s\-]impaired|visually[\s\-]impaired|autistic|epilepsy"
            r"|burn\s+marks?)(?![\w\-])"
        ),
        True,
    ),
)
_PATTERNS: tuple[tuple[str, frozenset[str] | None, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (
        kind,
        needs,
        re.compile(p, re.IGNORECASE) if ci else re.compile(p),
        re.compile(p) if ci else None,
    )  # any case, lowercase twin
    for kind, needs, p, ci in _TABLE
)
_ORIGIN = "origin village or district"
# Where a match can start, for the patterns of _TABLE that are worth not searching character by
# character: each entry lists words (or literal text) one of which starts every match of some of the
# pattern's alternatives, whether those alternatives can also start where a run of digits does, and
# the words a text must hold for them to match at all (None: no condition). A word starting with a
# letter or digit only counts where a word starts (the patterns begin with \b or (?<![\w-])). The
# pattern is then tried only at those places, in text order: the first match there is the one a
# search of the whole text finds (tests/test_safety_prefilters.py compares them).
Starts = tuple[tuple[tuple[str, ...], bool, frozenset[str] | None], ...]
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)
_STARTS: dict[str, Starts] = {
    "co-victim": (
        (
            ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several"),
            True,
            frozenset(
                {
                    "girls",
                    "boys",
                    "children",
                    "minors",
                    "teenagers",
                    "teens",
                    "victims",
                    "survivors",
                    "classmates",
                }
            ),
        ),
        (
            ("another", "the"),
            False,
            frozenset(
                {"girl", "boy", "child", "minor", "teenager", "teen", "victim", "survivor", "classmate"}
            ),
        ),
    ),
    "school or class": ((("class", "grade", "standard", "std") + _ORDINALS, True, None),),
    "establishment": (
        (
            (
                "brothel",
                "red",
                "dance",
                "massage",
                "spa",
                "lodge",
                "guest",
                "dhaba",
                "hotel",
                "apartment",
                "rented",
                "brick",
                "kiln",
                "garment",
                "factory",
                "workshop",
                "tailoring",
            ),
            False,
            None,
        ),
    ),
    "link to another story": (
        (("same",), False, frozenset({"same"})),
        (
            ("earlier", "previous", "last", "another", "an"),
            False,
            frozenset({"story", "article", "post", "report"}),
        ),
        (("as", "we"), False, frozenset({"reported", "wrote"})),
        (("](/", "](../"), False, None),
    ),
    "caste, religion or community": (
        (
            (
                "dalit",
                "adivasi",
                "tribal",
                "santal",
                "santhal",
                "lodha",
                "sabar",
                "bedia",
                "rohingya",
                "muslim",
                "hindu",
                "christian",
                "sikh",
                "buddhist",
                "scheduled",
                "lower",
                "upper",
                "caste",
                "obc",
                "sc/st",
            ),
            False,
            None,
        ),
    ),
    "disability or distinguishing mark": (
        (
            (
                "deaf",
                "mute",
                "blind",
                "disabled",
                "disabilit",
                "wheelchair",
                "crutches",
                "birthmark",
                "scar",
                "tattoo",
                "limp",
                "cleft",
                "stammer",
                "stutter",
                "albino",
                "hearing",
                "visually",
                "autistic",
                "epilepsy",
                "burn",
            ),
            False,
            None,
        ),
    ),
}
# The origin pattern is case-sensitive (no twin). Without the word "district" only its "her village in
# Xyz" and "native village" alternatives can match, and both need "village".
_ORIGIN_STARTS: Starts = ((("her", "his", "their", "native", "home"), False, frozenset({"village"})),)
_SPECIFIC_KIN = frozenset(
    (KIN_EN | KIN_IN) - KIN_GENERIC - {"mama", "baba", "dada", "nana", "bua", "tai", "tau", "apa", "masi"}
)
_INSTITUTION_KIND = {"a school": "school or class"}


@dataclass(frozen=True)
class Detail:
    kind: str
    quote: str
    field: Field
    offset: int


def details(story: Story, ctx: StoryContext) -> list[Detail]:
    """The first instance of each kind of quasi-identifier in the story, in file order."""
    first: dict[str, Detail] = {}
    # A field (by its label and path: the analysis holds its own copies) → its position in the file,
    # to sort details in reading order.
    order: dict[tuple[str, object], int] = {}
    kin_seen: dict[str, tuple[Field, int]] = {}

    def add(kind: str, quote: str, f: Field, offset: int) -> None:
        old = first.get(kind)
        if old is None or (order[_key(f)], offset) < (order[_key(old.field)], old.offset):
            first[kind] = Detail(kind, " ".join(quote.split()), f, offset)

    fields = visible_fields(story, ctx)
    for n, f in enumerate(fields):
        order[_key(f)] = n
    for f, found in ctx.text:
        order.setdefault(_key(f), len(order))
        if found.rule == ts.PLACE:
            village = re.search(r"village|gram|gaon|hamlet|dhani", found.what, re.IGNORECASE)
            add("origin village or district" if village else "sub-city place", found.text, f, found.start)
        elif found.rule in (ts.DATE, ts.BIRTHDATE):
            add("exact date", found.text, f, found.start)
        elif found.rule == ts.INSTITUTION:
            add("school or establishment", found.text, f, found.start)
        elif found.rule == ts.ADDRESS:
            add("sub-city place", found.text, f, found.start)
    for f in fields:
        words = words_of(f.text)
        low = lowered(f.text)
        same_length = len(low) == len(f.text)
        t = text_of(f.text, f.kind)
        # any(c.isdigit() for c in f.text): a decimal digit is a digit, and only non-ASCII ones are not decimal
        digits = bool(t.runs) or (not f.text.isascii() and any(c.isdigit() for c in f.text))
        for kind, needs, pattern, twin in _PATTERNS:
            if f.path and f.path[0] == "tags":
                break  # tags name topics ("disability-inclusion"), not the child
            if kind in first or (needs is None and not digits) or (needs and words.isdisjoint(needs)):
                continue
            if needs is None:  # the digit patterns: look only around the digits
                m = next(around_digits(t, twin or pattern, 30, 30, lowercase=twin is not None), None)
            elif twin is not None and same_length:
                m = _search(kind, twin, low, words, t.runs)
            elif kind == _ORIGIN and "district" not in words:
                m = _first_match(pattern, f.text, _starts(f.text, _ORIGIN_STARTS, words, t.runs))
            else:
                m = pattern.search(f.text)
            if m:
                m = pattern.match(f.text, m.start()) or m  # the text as written, for the quote
            if m:
                quote = m.group(0).strip(" ,")
                add(kind, quote, f, m.start() + m.group(0).find(quote))
        for offset, kin, trigger in relationship_mentions(f.text):
            add("relation to the accused", f"{kin} … {trigger}", f, offset)
        for kin in sorted(words & _SPECIFIC_KIN):
            if kin not in kin_seen:
                kin_seen[kin] = (f, max(0, low.find(kin)))
    for p in story.people:
        target = story.person(p.relation_to) if p.relation_to else None
        if p.accused and target is not None and target.is_survivor and target.minor and p.relation:
            first.setdefault(
                "relation to the accused",
                Detail(
                    "relation to the accused",
                    f"{p.relation} (in people)",
                    Field("people", "", "label", ("people", p.index), story.source),
                    0,
                ),
            )
    if len(story.survivors) > 1 and sum(1 for p in story.survivors if p.minor) >= 1:
        names = " and ".join(p.name for p in story.survivors)
        first.setdefault(
            "co-victim",
            Detail(
                "co-victim",
                f"{names} (in people)",
                Field("people", "", "label", ("people",), story.source),
                0,
            ),
        )
    if len(kin_seen) >= 2:
        (f, offset), relatives = next(iter(kin_seen.values())), list(kin_seen)[:3]
        first.setdefault("family details", Detail("family details", ", ".join(relatives), f, offset))
    return sorted(first.values(), key=lambda d: (order.get(_key(d.field), -1), d.offset))


def _key(f: Field) -> tuple[str, object]:
    return f.label, f.path


def _search(
    kind: str, twin: re.Pattern[str], low: str, words: frozenset[str], runs: tuple[tuple[int, int], ...]
) -> re.Match[str] | None:
    """twin.search(low), trying the pattern only where a match can start when _STARTS says where."""
    starts = _STARTS.get(kind)
    if starts is None:
        return twin.search(low)
    return _first_match(twin, low, _starts(low, starts, words, runs))


def _starts(text: str, starts: Starts, words: frozenset[str], runs: tuple[tuple[int, int], ...]) -> list[int]:
    """The places in `text` where `starts` says a match can start, in order."""
    found: set[int] = set()
    for literals, at_digits, needs in starts:
        if needs is not None and words.isdisjoint(needs):
            continue  # these alternatives cannot match anywhere in the text
        if at_digits:
            found.update(s for s, _ in runs)
        for literal in literals:
            word = literal[0].isalnum()
            at = text.find(literal)
            while at >= 0:
                if not (word and at and (text[at - 1].isalnum() or text[at - 1] == "_")):  # \b before a word
                    found.add(at)
                at = text.find(literal, at + 1)
    return sorted(found)


def _first_match(pattern: re.Pattern[str], text: str, starts: list[int]) -> re.Match[str] | None:
    """pattern.search(text), given every place a match can start: the first of them where it matches."""
    for at in starts:
        m = pattern.match(text, at)
        if m is not None:
            return m
    return None


def _where(story: Story, d: Detail) -> str:
    """Where a detail is, as a writer would look for it: never the detail itself."""
    if d.field.is_body:
        line, _ = story.source.body_position(d.offset)
        return f"line {line}"
    return d.field.label


@story_rule(
    "JIGSAW",
    WARNING,
    family=FAMILY,
    title="details that together identify a child",
    source="PCC 2011 jigsaw identification; Staffordshire Newsletter; UNICEF principle 6; safeguarding TX-14",
)
def jigsaw(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Counts the kinds of detail a story gives about a child survivor (exact age, sub-city place,
    relation to the accused, co-victims, exact dates, origin village or district, school, establishment,
    a link to another story, caste or religion, disability or marks, family details). At or over
    `safety.jigsaw_threshold` (default 4) together they can identify the child even with a changed name,
    so a safeguarding reviewer must look at them and record a JIGSAW waiver, or some must go."""
    if not story.has_minor_survivor:
        return
    found = details(story, ctx)
    threshold = ctx.config.safety.jigsaw_threshold
    if len(found) < threshold:
        return
    children = ", ".join(p.name for p in story.survivors if p.minor)
    listed = "; ".join(f"{d.kind} ({_where(story, d)})" for d in found)
    where = next((d for d in found if d.field.is_body), found[0])
    message = (
        f"{len(found)} details about a child survivor ({children}) add up (the limit is {threshold}): {listed}. "
        "Together they can identify the child even under a changed name"
    )
    fix = (
        "remove some of these details (an age range, the city instead of the area, no relationship), or ask a "
        "safeguarding reviewer to record a JIGSAW waiver with a reason"
    )
    # The decision is about which kinds of detail add up, wherever they sit: a waiver survives an edit
    # that moves lines, not one that adds a kind.
    yield where.field.hit(message, fix, where.offset, subject="|".join(sorted(d.kind for d in found)))


RULES = rules_in(globals())
