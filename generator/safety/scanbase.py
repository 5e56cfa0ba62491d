"""Shared values of the text scanners (scan_contacts, scan_records, scan_places and textscan).

`Text` carries a field's text with what every detector asks first, computed once: the lowercase text,
its set of words and whether it has digits. Detectors use them to skip their regular expressions when
they cannot match (no "@", no kinship word, no month name…), which keeps a 10,000-story check fast.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.safety import gazetteer as gz

# Rule ids, in priority order: when two findings overlap, the earlier one wins.
EMAIL, SOCIAL, NUMBER, BIRTHDATE, PHONE, ADDRESS, POSTCODE, INSTITUTION, DATE, PLACE = (
    "ID-EMAIL", "ID-SOCIAL", "ID-NUMBER", "ID-BIRTHDATE", "ID-PHONE", "ID-ADDRESS", "ID-POSTCODE",
    "ID-INSTITUTION", "DATE-EXACT", "PLACE-PRECISION",
)
PRIORITY = {r: i for i, r in enumerate((EMAIL, SOCIAL, NUMBER, BIRTHDATE, PHONE, ADDRESS, POSTCODE, INSTITUTION, DATE, PLACE))}


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
)
_WORDS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    """The lowercase ASCII words of `text`: a cheap first test for every detector."""
    return frozenset(_WORDS.findall(text.lower()))


@dataclass(frozen=True)
class Text:
    text: str
    kind: str  # fields.BODY, PROSE, LABEL or NAME
    low: str = field(init=False)
    words: frozenset[str] = field(init=False)
    runs: tuple[tuple[int, int], ...] = field(init=False)  # where the digits are: most detectors look only there

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower())
        object.__setattr__(self, "words", words_of(self.text))
        object.__setattr__(self, "runs", tuple(m.span() for m in _DIGITS.finditer(self.text)))

    @property
    def digits(self) -> bool:
        return bool(self.runs)

    def has(self, words: frozenset[str] | set[str]) -> bool:
        return not self.words.isdisjoint(words)


def ci_finditer(t: Text, lowercase: re.Pattern[str], anycase: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of a case-insensitive pattern, run as its faster lowercase twin on the lowercased text when
    lowercasing kept every offset (it almost always does). Read matched text from t.text by span."""
    if len(t.low) == len(t.text):
        return lowercase.finditer(t.low)
    return anycase.finditer(t.text)


def around_digits(t: Text, pattern: re.Pattern[str], before: int, after: int, lowercase: bool = False
                  ) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that contain digits, found by searching a small window around each run of
    digits instead of the whole text: one pass over the digits instead of one per pattern.

    A match that reaches the end of its window is searched again without the limit, so a window never
    cuts a match short (end-of-window would otherwise satisfy a trailing \\b or lookahead)."""
    text = t.low if lowercase and len(t.low) == len(t.text) else t.text
    if lowercase and text is t.text:
        pattern = re.compile(pattern.pattern, re.I)
    size = len(text)
    last_end = -1
    for s, e in t.runs:
        if s < last_end:
            continue
        pos, end = max(0, s - before, last_end), min(size, e + after)
        m = pattern.search(text, pos, end)
        while m is not None and m.end() <= s:  # wholly before this run: try the next one in the window
            m = pattern.search(text, m.end() if m.end() > m.start() else m.end() + 1, end)
        if m is not None and m.end() == end < size:
            m = pattern.search(text, m.start())
        if m is not None and m.start() < e:
            last_end = m.end()
            yield m


def lowercase_twin(pattern: str) -> re.Pattern[str]:
    """The lowercase twin of a case-insensitive pattern written with lowercase-safe escapes only."""
    return re.compile(pattern.lower().replace("(?p<", "(?P<"))


_DIGITS = re.compile(r"\d+")
_POSSESSIVE = re.compile(r"[’']s$")
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


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
