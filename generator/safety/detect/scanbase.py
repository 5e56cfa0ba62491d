"""Shared values of the text scanners (scan_contacts, scan_records, scan_places and textscan).

`Text` carries a field's text with what every detector asks first, computed once: the lowercase text,
its set of words and whether it has digits. Detectors use them to skip their regular expressions when
they cannot match (no "@", no kinship word, no month name…), which keeps a 10,000-story check fast.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from generator.safety.detect import gazetteer as gz
from generator.safety.detect.lexicon import FUNCTION_WORDS, GENERIC_DESCRIPTORS, NOT_NAMES

# Rule ids, in priority order: when two findings overlap, the earlier one wins.
EMAIL, SOCIAL, NUMBER, BIRTHDATE, PHONE, ADDRESS, POSTCODE, INSTITUTION, DATE, PLACE = (
    "ID-EMAIL",
    "ID-SOCIAL",
    "ID-NUMBER",
    "ID-BIRTHDATE",
    "ID-PHONE",
    "ID-ADDRESS",
    "ID-POSTCODE",
    "ID-INSTITUTION",
    "DATE-EXACT",
    "PLACE-PRECISION",
)
# Not a finding: a stretch the detectors read and found harmless (the date a group "was born" on), so
# that no lesser finding claims it. textscan.scan drops these after overlaps are settled.
EXPLAINED = "explained"
PRIORITY = {
    r: i
    for i, r in enumerate(
        (EMAIL, SOCIAL, NUMBER, BIRTHDATE, PHONE, ADDRESS, POSTCODE, EXPLAINED, INSTITUTION, DATE, PLACE)
    )
}


@dataclass(frozen=True)
class Settings:
    """What the detectors need from site.yaml and the story, as hashable values."""

    allowed_email_domains: tuple[str, ...] = ()
    org_accounts: tuple[str, ...] = ()  # normalised with norm_account
    allowed_phones: tuple[str, ...] = ()  # digits only, last ten
    known_terms: tuple[str, ...] = ()  # lowercase
    precision: int = gz.CITY
    known_places: tuple[str, ...] = ()
    fine_places: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # lowercase extra city names: known_places and the story's location
    # The charity's own registered identity (site.yaml organisation: address lines, charity and company
    # numbers), folded: printed on its pages on purpose, as the footer prints it
    own_identity: tuple[str, ...] = ()


def own_form(text: str) -> str:
    """How the charity's own details are compared: casefolded, spaces collapsed, no punctuation."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def the_charitys_own(text: str, settings: Settings) -> bool:
    """The found text is part of the charity's registered identity (its address, postcode or numbers)."""
    if not settings.own_identity:
        return False
    found = own_form(text)
    own = " " + " ".join(settings.own_identity) + " "
    return len(found.replace(" ", "")) >= 5 and f" {found} " in own


@dataclass(frozen=True)
class Found:
    rule: str
    start: int
    end: int
    text: str
    what: str  # a few words on what it is: "an Aadhaar number", "a school", "a neighbourhood"
    level: int = 0  # for places: how precise


NUMERIC_DATE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d\d"
    r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d\d"
    r"|(?:19|20)\d\d[\-/.](?:0?[1-9]|1[0-2])[\-/.](?:0?[1-9]|[12]\d|3[01])"
    # spaces around the slashes, as a form's boxes are copied ("12 / 05 / 2015": red team 27)
    r"|(?:0?[1-9]|[12]\d|3[01]) / (?:0?[1-9]|1[0-2]) / (?:19|20)\d\d"
    r"|(?:0?[1-9]|1[0-2]) / (?:0?[1-9]|[12]\d|3[01]) / (?:19|20)\d\d"
)
_WORDS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=256)
def lowered(text: str) -> str:
    """`text.lower()`, computed once per text however many rules ask (the body is lowered by most)."""
    return text.lower()


# The only characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not lower to
# that letter: İ and ı (both match i) and ſ (matches s). The Kelvin sign K lowers to k. So in a text
# without these three, a run of ASCII letters matches case-insensitively only where the lowered text
# holds it in lowercase (tests/test_safety_prefilters.py checks this over every code point).
FOLD_EXCEPTIONS = ("İ", "ı", "ſ")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when none of `words` (lowercase ASCII letters) occurs anywhere in `text` under
    re.IGNORECASE: a prefilter for case-insensitive patterns every match of which holds one of them."""
    if any(c in text for c in FOLD_EXCEPTIONS):
        return True
    low = lowered(text)
    return any(w in low for w in words)


# Bytes: a-z stay, every other byte becomes a space.
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


@functools.lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    """The lowercase ASCII words of `text`: a cheap first test for every detector.

    The runs of [a-z] in the lowered text (what _WORDS.findall finds), found with byte operations:
    every character that is not a-z (each non-ASCII one is first encoded as "?") becomes a space."""
    ascii_low = lowered(text).encode("ascii", "replace").translate(_LETTERS_ONLY)
    return frozenset(ascii_low.decode("ascii").split())


@dataclass(frozen=True)
class Text:
    text: str
    kind: str  # fields.BODY, PROSE, LABEL or NAME
    low: str = field(init=False)
    words: frozenset[str] = field(init=False)
    runs: tuple[tuple[int, int], ...] = field(
        init=False
    )  # where the digits are: most detectors look only there

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", lowered(self.text))
        object.__setattr__(self, "words", words_of(self.text))
        object.__setattr__(self, "runs", digit_runs(self.text))

    @property
    def digits(self) -> bool:
        return bool(self.runs)

    def has(self, words: frozenset[str] | set[str]) -> bool:
        return not self.words.isdisjoint(words)

    @functools.cached_property
    def groups(self) -> tuple[tuple[int, int, int], ...]:
        """Runs of digits at most four characters apart, as (start, end, how many digits): "98300 41762",
        "WB 02 AK 4411", "2 84 05 75 123 456 25" are one group each. An ID or a phone number is one
        group with many digits; "15 months" and "in 2019" are groups of two and four."""
        out: list[tuple[int, int, int]] = []
        for s, e in self.runs:
            if out and s - out[-1][1] <= 4:
                gs, _, n = out[-1]
                out[-1] = (gs, e, n + e - s)
            else:
                out.append((s, e, e - s))
        return tuple(out)


def split_words(text: str) -> frozenset[str]:
    """The words of a list written as one string ("gmail yahoo hotmail"): long word lists stay short."""
    return frozenset(text.split())


def runs_in_groups(t: Text, digits: int) -> list[tuple[int, int]]:
    """The runs of digits in groups of at least `digits` digits (see Text.groups)."""
    big = [(s, e) for s, e, n in t.groups if n >= digits]
    return [r for r in t.runs if any(s <= r[0] < e for s, e in big)] if big else []


def runs_of_length(t: Text, *lengths: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in t.runs if e - s in lengths]


def runs_before(t: Text, chars: str) -> list[tuple[int, int]]:
    """Runs followed by one of `chars` and another digit ("22.5726", "12/05"): a decimal, a date."""
    text, size = t.text, len(t.text)
    return [(s, e) for s, e in t.runs if e + 1 < size and text[e] in chars and text[e + 1].isdecimal()]


def matches_at_runs(
    t: Text, pattern: re.Pattern[str], runs: list[tuple[int, int]] | None = None, prefix: str = ""
) -> Iterator[re.Match[str]]:
    """Matches of a `pattern` that starts with its first digits (or with one of `prefix` right before
    them: "#45"), tried at each run of digits (or each of `runs`) that no earlier match took."""
    text = t.text
    taken = -1
    for s, _ in t.runs if runs is None else runs:
        if s < taken:
            continue
        at = s - 1 if s and prefix and text[s - 1] in prefix else s
        m = pattern.match(text, at)
        if m is not None:
            taken = m.end()
            yield m


def runs_next_to_letters(t: Text) -> list[tuple[int, int]]:
    """Runs of digits with a letter right before or after them, or across a hyphen ("ABC1D23", "NW1",
    "AB-123-CD"): where codes made of letters and digits are."""
    text, size = t.text, len(t.text)
    out = []
    for s, e in t.runs:
        before = text[s - 1] if s else ""
        if before == "-" and s > 1:
            before = text[s - 2]
        after = text[e] if e < size else ""
        if after == "-" and e + 1 < size:
            after = text[e + 1]
        if before.isalpha() or after.isalpha():
            out.append((s, e))
    return out


@functools.lru_cache(maxsize=64)
def text_of(text: str, kind: str) -> Text:
    """The `Text` of a field, built once however many detectors and rules read it."""
    return Text(text, kind)


def around_digits(
    t: Text,
    pattern: re.Pattern[str],
    before: int,
    after: int,
    lowercase: bool = False,
    runs: list[tuple[int, int]] | tuple[tuple[int, int], ...] | None = None,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that contain digits, found by searching a small window around each run of
    digits instead of the whole text: one pass over the digits instead of one per pattern. With `runs`,
    only around those (the runs a match's first digits can be in: see runs_in_groups and the like).

    A match that reaches the end of its window is searched again without the limit, so a window never
    cuts a match short (the end of a window would otherwise satisfy a trailing word boundary)."""
    text = t.low if lowercase and len(t.low) == len(t.text) else t.text
    if lowercase and text is t.text:
        pattern = re.compile(pattern.pattern, re.IGNORECASE)
    size = len(text)
    search = pattern.search
    last_end = -1
    for s, e in t.runs if runs is None else runs:
        if s < last_end:
            continue
        pos = s - before  # max(0, s - before, last_end), min(size, e + after), without the calls
        pos = max(pos, last_end)
        pos = max(pos, 0)
        end = e + after
        end = min(end, size)
        m = search(text, pos, end)
        while m is not None and m.end() <= s:  # wholly before this run: try the next one in the window
            m = search(text, m.end() if m.end() > m.start() else m.end() + 1, end)
        if m is not None and m.end() == end < size:
            m = search(text, m.start())
        if m is not None and m.start() < e:
            last_end = m.end()
            yield m


def search_at_digits(t: Text, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """pattern.search(t.text) for a pattern whose every match starts with a digit (\\d): tried only at
    the digits, in order, instead of asking \\d of every character of the text."""
    for s, e in t.runs:
        for at in range(s, e):
            m = pattern.match(t.text, at)
            if m is not None:
                return m
    return None


def word_starts(low: str, word: str) -> Iterator[int]:
    """Where `word` (lowercase) starts a word in the lowercased text `low`: a plain substring search, far
    cheaper than a regular expression listing every word that might be there."""
    at = low.find(word)
    while at >= 0:
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "’'-_"):
            yield at
        at = low.find(word, at + 1)


_ASCII_START = re.compile(r"[a-z]+")


class Starts:
    """A pattern whose every match starts with one of a list of words, split by that first word: at a
    word's start only the few alternatives that begin with it are tried, not the whole list. Each
    part is compiled when a text first needs it (most first words never occur in a build)."""

    def __init__(self, groups: dict[str, list[str]], template: str, flags: int, joiner: str) -> None:
        self._groups, self._template, self._flags, self._joiner = groups, template, flags, joiner
        self._compiled: dict[str, re.Pattern[str]] = {}
        by_key: dict[str, list[str]] = {}
        for word in sorted(groups):
            key = _ASCII_START.match(word)
            by_key.setdefault(key.group(0) if key else "", []).append(word)
        # the ASCII letters a first word begins with ("" when it begins otherwise) → the first words
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.keys = frozenset(by_key) - {""}

    def _compile(self, entries: list[str]) -> re.Pattern[str]:
        ordered = sorted(entries, key=lambda e: (-len(e), e))
        alternation = "|".join(re.escape(e).replace(r"\ ", self._joiner) for e in ordered)
        return re.compile(self._template.replace("{}", alternation), self._flags)

    def for_word(self, word: str) -> re.Pattern[str]:
        """The pattern of the entries that start with `word`."""
        pattern = self._compiled.get(word)
        if pattern is None:
            pattern = self._compiled[word] = self._compile(self._groups[word])
        return pattern

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every alternative in one pattern: the plain search (tests, and the rare fallback)."""
        return self._compile([e for group in self._groups.values() for e in group])


def starts_of(entries: Iterable[str], template: str = "{}", flags: int = 0, joiner: str = r"\s+") -> Starts:
    """A Starts for `entries` (lowercase words or phrases), each used in `template` where "{}" stands
    for the alternation of entries, longest first; the words of a phrase are joined by `joiner` (any
    whitespace; a vocabulary's phrases, which lost their dots and hyphens, also by those or nothing:
    "d o b" is "D.O.B.", "18 th birthday" is "18th birthday")."""
    groups: dict[str, list[str]] = {}
    for entry in {" ".join(e.lower().split()) for e in entries if e.strip()}:
        groups.setdefault(entry.split()[0], []).append(entry)
    return Starts(groups, template, flags, joiner)


def near_words(t: Text, starts: Starts, *, cased: bool = False) -> Iterator[re.Match[str]]:
    """The matches of `starts.pattern`, tried only where one of its first words starts a word of the
    text, instead of at every character. A first word is looked for only when the text has the ASCII
    letters it begins with as a word of their own (words_of): "née" only where "n" stands alone. A
    pattern that ignores case is matched in the lowercased text, a `cased` one in the text itself. On
    the rare text that lowercasing lengthens, or that holds a letter the pattern reads as another ("ſ"
    as "s"), the plain search. tests/test_safety_prefilters.py checks
    that nothing the plain search finds is missed."""
    present = t.words & starts.keys
    if not present and "" not in starts.by_key:
        return
    if len(t.low) != len(t.text):
        yield from starts.pattern.finditer(t.text)
        return
    if not t.low.isascii() and ("ſ" in t.low or "\u212a" in t.low):
        yield from starts.pattern.finditer(t.text if cased else t.low)  # a long s, a Kelvin sign: "s", "k"
        return
    low = t.low
    tries: dict[int, list[re.Pattern[str]]] = {}
    for key in (*present, "") if "" in starts.by_key else present:
        for word in starts.by_key[key]:
            positions = list(word_starts(low, word))
            if positions:
                pattern = starts.for_word(word)
                for at in positions:
                    tries.setdefault(at, []).append(pattern)
    text = t.text if cased else low
    taken = -1
    for at in sorted(tries):
        if at < taken:
            continue
        found = [m for m in (pattern.match(text, at) for pattern in tries[at]) if m is not None]
        if found:  # two first words at one place ("f.i.r", "f.i.r."): the longer match, as the plain search
            m = max(found, key=lambda m: m.end())
            taken = m.end()
            yield m


def lowercase_twin(pattern: str) -> re.Pattern[str]:
    """The lowercase twin of a case-insensitive pattern (for the lowercased text). Lowercasing would turn
    \\S, \\W, \\D or \\B into their opposites, so such patterns are refused."""
    assert not re.search(r"\\[SWDBAZ]", pattern), "uppercase escapes change meaning when lowercased"
    return re.compile(pattern.lower().replace("(?p<", "(?P<"))


_DIGITS = re.compile(r"\d\d*")  # = \d+, but written so that re can skip ahead to the next digit quickly
_ONES = re.compile(rb"11*")
# Bytes: ASCII digits become "1", every other byte a space.
_DIGITS_ONLY = bytes(49 if 48 <= b <= 57 else 32 for b in range(256))


def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of _DIGITS.finditer(text): the runs of decimal digits (\\d is str.isdecimal, in any script).

    Found in bytes, one per character: ASCII digits become "1", everything else a space, then each
    non-ASCII character (encoded as "?") that is a decimal digit is marked "1" too. Scanning bytes for
    "1" is many times cheaper than asking \\d of every character. A text with many non-ASCII characters
    (one in another script) is left to the regular expression."""
    encoded = text.encode("ascii", "replace")
    marks = encoded.translate(_DIGITS_ONLY)
    if not text.isascii():
        unknown = encoded.count(b"?")
        if unknown > 32:
            return tuple(m.span() for m in _DIGITS.finditer(text))
        if unknown:
            marked = bytearray(marks)
            at = encoded.find(b"?")
            while at >= 0:
                if text[at].isdecimal():
                    marked[at] = 49
                at = encoded.find(b"?", at + 1)
            marks = bytes(marked)
    return tuple(m.span() for m in _ONES.finditer(marks))


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def title_case(text: str) -> bool:
    """True for Title Case Text Like This (most longer words capitalised)."""
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def title_case_heading(text: str, i: int) -> bool:
    """True when position `i` is on a Markdown heading line written in Title Case."""
    start = text.rfind("\n", 0, i) + 1
    if not text.startswith("#", start) and not text[start:i].lstrip().startswith("#"):
        return False
    end = text.find("\n", i)
    return title_case(text[start : end if end >= 0 else len(text)])


PLACE_LEVELS = {name.lower(): level for name, level in gz.PLACES.items()}


def is_coarse_place(word: str, settings: Settings) -> bool:
    """A country, state or city (or the story's own city): naming it says nothing finer."""
    w = strip_possessive(word).lower()
    level = PLACE_LEVELS.get(w)
    return (level is not None and level <= gz.CITY) or w in settings.cities


def generic_word(word: str) -> bool:
    """A descriptor ("Government", "Girls'", "Night"), not part of what makes a name a name."""
    w = word.lower().strip(".")
    return (
        w in GENERIC_DESCRIPTORS or w in FUNCTION_WORDS or w in NOT_NAMES or strip_possessive(w) in NOT_NAMES
    )
