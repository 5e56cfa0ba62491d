"""Places finer than the site allows (street addresses, postal codes and coordinates: scan_addresses),
and postal codes named by their label a few words before them (`labelled_postcodes`)."""

from __future__ import annotations

import functools
import re

from generator.safety.detect import gazetteer as gz
from generator.safety.detect import idformats as fmt
from generator.safety.detect.lexicon import FUNCTION_WORDS
from generator.safety.detect.scanbase import (
    PLACE,
    PLACE_LEVELS,
    POSTCODE,
    Found,
    Settings,
    Starts,
    Text,
    generic_word,
    is_coarse_place,
    lowercase_twin,
    near_words,
    starts_of,
    strip_possessive,
    title_case,
    word_starts,
)

# ---------------------------------------------------------------- places finer than allowed

_PHRASE_AFTER = re.compile(r"[^\W\d_][\w’'.\-]*(?:[ \t\-]+[^\W\d_][\w’'.\-]*){0,5}")
_DIRECTION_KEYS = frozenset(
    {
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
        "downtown",
        "uptown",
        "inner",
    }
)
_DIRECTIONS = (
    r"north[\s\-]?east(?:ern)?|north[\s\-]?west(?:ern)?|south[\s\-]?east(?:ern)?|south[\s\-]?west(?:ern)?"
    r"|northern|southern|eastern|western|north|south|east|west|central|downtown|uptown|inner[\s\-]city"
)
_LOCALITY_KEYS = frozenset(
    {
        "village",
        "villages",
        "hamlet",
        "para",
        "basti",
        "bustee",
        "mohalla",
        "mohallah",
        "slum",
        "slums",
        "colony",
        "nagar",
        "pally",
        "palli",
        "tola",
        "chawl",
        "gram",
        "gaon",
        "dhani",
        "panchayat",
    }
)
_VILLAGE_KEYS = frozenset(
    {"village", "hamlet", "slum", "basti", "mohalla", "locality", "neighbourhood", "neighborhood"}
)
_LOCALITY_OR_VILLAGE = _LOCALITY_KEYS | _VILLAGE_KEYS
_PLACE_KEYWORD_PATTERN = (
    rf"\b(?:(?P<dir>{_DIRECTIONS})|(?P<loc>(?:village|hamlet|para|basti|bustee|mohalla|mohallah"
    r"|slum|colony|nagar|pally|palli|tola|chawl|gram|gaon|dhani|panchayat)s?|locality"
    r"|neighbou?rhood))\b"
)
_PLACE_KEYWORD = re.compile(_PLACE_KEYWORD_PATTERN, re.IGNORECASE)
_PLACE_KEYWORD_LOW = lowercase_twin(_PLACE_KEYWORD_PATTERN)
_CITY_AFTER = re.compile(
    r"(?P<of>(?:\s+(?:part|side|end))?\s+of)?[ \t]+(?P<city>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)?)"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+[ \t]+){0,2}[A-Z][\w’'\-]+)[ \t]+$")
_OF_NAME = re.compile(
    r"\s+(?i:of|called|named|known\s+as)\s+(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,2})"
)
_ROAD_NAME_BEFORE = re.compile(r"(?<![\w’'.\-])((?:[A-Z][\w’'.\-]+[ \t]+){1,4})$")
_ROAD_NAME_KEYS = frozenset({"road", "lane", "street", "sarani", "gali", "bylane", "marg"})
# (?<=[ \t])(?:Road|Lane|…)\b, with the look-behind moved after each word's capital ("R(?<=[ \t]R)oad"): the
# same matches, but re can then skip straight to the next R, L, S, G, B or M instead of trying every character.
_ROAD_WORD = re.compile(
    "(?:"
    + "|".join(
        rf"{w[0]}(?<=[ \t]{w[0]}){w[1:]}"
        for w in ("Road", "Lane", "Street", "Sarani", "Gali", "Bylane", "Marg")
    )
    + r")\b"
)
_NOT_ROADS = {
    "grand trunk",
    "gt",
    "g.t.",
    "national highway",
    "silk",
    "high",
    "main",
    "long",
    "open",
    "yellow brick",
    "wall",
}
_SEPARATORS = re.compile(r"[\s\-]+")
_ASCII_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=16)
def _place_index(
    precision: int, known_places: tuple[str, ...], fine_places: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """Names finer than the site allows (lowercase → level) and, for speed, each name's first word →
    the most words a name starting with it has, and the ASCII words of those first words (a cheap gate)."""
    known = {p.lower() for p in known_places}
    levels = {n: lvl for n, lvl in PLACE_LEVELS.items() if lvl > precision and n not in known}
    for p in fine_places:
        levels[_SEPARATORS.sub(" ", p.lower().strip())] = gz.LOCALITY
    first: dict[str, int] = {}
    for name in levels:
        words = name.split()
        key = words[0].rstrip(".")
        first[key] = max(first.get(key, 0), len(words))
    gate = frozenset(part for key in first for part in _ASCII_WORD.findall(key))
    return levels, first, gate


_ANY_WORD = re.compile(r"[^\W\d_][\w’'\-]*(?:\.(?=[^\W\d_])[\w’'\-]*)*")


def places(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    text = t.text
    slug = t.kind == "name"
    levels, first, gate = _place_index(settings.precision, settings.known_places, settings.fine_places)
    taken_until = -1
    low = t.low if len(t.low) == len(text) else None
    starts = (
        sorted({at for part in t.words & gate for at in word_starts(low, part)})
        if low is not None
        else [m.start() for m in _ANY_WORD.finditer(text)]
    )
    for at in starts:
        w = _ANY_WORD.match(text, at)
        if w is None or w.start() < taken_until or not (slug or text[at].isupper()):
            continue
        word = w.group(0)
        key = (word[:-2] if word.endswith(("'s", "’s")) else word).lower().rstrip(".")
        longest = first.get(key)
        if longest is None:
            continue
        phrase = _PHRASE_AFTER.match(text, w.start())
        parts = _SEPARATORS.split(phrase.group(0)) if phrase else [w.group(0)]
        for n in range(min(longest, len(parts)), 0, -1):
            words = parts[:n]
            name = " ".join(words[:-1] + [strip_possessive(words[-1]).rstrip(".")]).lower()
            level = levels.get(name)
            if level is None:
                continue
            end = w.start()
            for word in words:
                end = text.index(word, end) + len(word)
            last = words[-1]
            end -= len(last) - len(strip_possessive(last).rstrip("."))
            out.append(Found(PLACE, w.start(), end, text[w.start() : end], gz.LEVEL_WORDS[level], level))
            taken_until = end
            break
    after_slug = not (
        slug or (t.kind == "label" and title_case(text))
    )  # suffixes need real capitals, not Title Case
    directions = settings.precision < gz.DISTRICT
    present = t.words & (
        (_DIRECTION_KEYS if directions else frozenset())
        | (_LOCALITY_OR_VILLAGE if after_slug else frozenset())
    )
    if present:
        known = {p.lower() for p in settings.known_places}
        if len(t.low) == len(text):  # find the few keywords by substring search, then read each in place
            starts = sorted({at for word in present for at in word_starts(t.low, word)})
            keywords = [k for k in (_PLACE_KEYWORD_LOW.match(t.low, at) for at in starts) if k is not None]
        else:
            keywords = list(_PLACE_KEYWORD.finditer(text))
        for k in keywords:
            if k.lastgroup == "dir":
                if directions:
                    out += _direction(text, k, settings, known)
            elif after_slug:
                out += _locality(text, k, settings)
    if not after_slug:
        return out
    if t.has(_ROAD_NAME_KEYS):
        for k in _ROAD_WORD.finditer(text):
            before = _ROAD_NAME_BEFORE.search(text, max(0, k.start() - 100), k.start())
            if before is None:
                continue
            road_words = before.group(1).split()
            while road_words and road_words[0].lower() in FUNCTION_WORDS:
                road_words.pop(0)
            if not road_words or " ".join(road_words).lower() in _NOT_ROADS:
                continue
            start = before.start(1) + before.group(1).find(road_words[0])
            out.append(Found(PLACE, start, k.end(), text[start : k.end()], "a named street", gz.LOCALITY))
    return out


def _direction(text: str, d: re.Match[str], settings: Settings, known: set[str]) -> list[Found]:
    """ "south Kolkata", "the northern part of Howrah": part of a city the site or the gazetteer knows."""
    m = _CITY_AFTER.match(text, d.end())
    if m is None:
        return []
    the = _THE_BEFORE.search(text, max(0, d.start() - 6), d.start())
    if m.group("of") and not the:
        return []  # "north of Kolkata" is outside the city; "the north of Kolkata" is part of it
    begin = the.start() if the else d.start()
    city = m.group("city")
    for candidate in (city, city.split()[0]):
        c = strip_possessive(candidate).lower()
        if PLACE_LEVELS.get(c) == gz.CITY or c in settings.cities or c in known:
            end = m.start("city") + len(candidate)
            return [Found(PLACE, begin, end, text[begin:end], "part of a city", gz.DISTRICT)]
    return []


def _locality(text: str, k: re.Match[str], settings: Settings) -> list[Found]:
    """ "Rampur village", "Kalighat para", "village of Baghmari": a named village, para, basti or slum."""
    out: list[Found] = []
    word = text[k.start() : k.end()].lower()
    if word.rstrip("s") in _LOCALITY_KEYS or word in _LOCALITY_KEYS:
        before = (
            _NAME_BEFORE.search(text, max(0, k.start() - 80), k.start())
            if k.start() and text[k.start() - 1] in " \t"
            else None
        )
        name_words = before.group(1).split() if before else []
        while name_words and name_words[0].lower() in FUNCTION_WORDS:
            name_words.pop(0)
        name = " ".join(name_words)
        if (
            before
            and name_words
            and not all(generic_word(w) for w in name_words)
            and not is_coarse_place(name, settings)
            and name.lower() not in settings.known_terms
        ):
            start = before.start(1) + before.group(1).find(name_words[0])
            out.append(
                Found(PLACE, start, k.end(), text[start : k.end()], "a " + word.rstrip("s"), gz.LOCALITY)
            )
    if word in _VILLAGE_KEYS:
        of = _OF_NAME.match(text, k.end())
        if of:
            out.append(
                Found(
                    PLACE,
                    k.start(),
                    of.end(),
                    text[k.start() : of.end()],
                    "a village or locality",
                    gz.LOCALITY,
                )
            )
    return out


# ---------------------------------------------------------------- postal codes after their label

# After the label: up to four words without digits, inside the sentence ("el código postal DE SU CASA,
# 09830", "the PIN code OF HER VILLAGE is 700039"), then the code: a CEP (01310-100), three and three
# digits (700 039) or four to six digits, not part of a longer number, a date or a decimal.
_POSTCODE_AFTER = (
    r"(?:[ \t]*[:#,\-–]?[ \t]+(?:(?:n[º°o]\.?|no\.|number|número|numéro)[ \t]+)?"
    r"(?:[^\W\d_][\w’'\-]*[ \t,:]+){0,4}?)[ \t]*(?P<code>\d{5}-\d{3}|\d{3} \d{3}|\d{4,6})(?![\w/\-]|[.,]\d)"
)
_POSTCODE_LABELLED = starts_of(
    fmt.POSTCODE_LABELS,
    r"(?<![\w’'\-])(?P<label>{})(?!\w)" + _POSTCODE_AFTER,
    re.IGNORECASE,
    r"[\s.\-]*",
)
_WORD_AFTER_CODE = re.compile(r"[ \t]+([^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORDS_BETWEEN = re.compile(r"[^\W\d_]")


def labelled_postcodes(
    t: Text, quantities: frozenset[str], postcodes: Starts = _POSTCODE_LABELLED
) -> list[Found]:
    """A postal code named by its label, right after it or a few words on ("PIN code 700039", "código
    postal de su casa, 09830", "CEP da casa dela: 01310-100"); not an amount ("zip 10000 pesos")."""
    if not t.digits:
        return []
    out = []
    for m in near_words(t, postcodes):
        code, written = m.group("code"), t.text[m.start("label") : m.end("label")]
        label = " ".join(written.lower().split())
        if label in fmt.SHORT_POSTCODE_LABELS and not (code.isdigit() and len(code) == 5):
            continue
        if label == "pin" and written.islower():
            continue  # "a pin": a brooch or a map pin; the label is written "PIN" or "pin code"
        if _YEAR.fullmatch(code) and _WORDS_BETWEEN.search(t.text, m.end("label"), m.start("code")):
            continue  # "the postcode changed in 2019": a year
        after = _WORD_AFTER_CODE.match(t.text, m.end())
        if after and after.group(1).lower() in quantities:
            continue
        out.append(Found(POSTCODE, m.start(), m.end(), t.text[m.start() : m.end()], "a postal code"))
    return out
