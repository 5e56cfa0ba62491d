"""Where a person can be found: street addresses, postal codes, named institutions and fine places."""

from __future__ import annotations

import functools
import re

from generator.safety import gazetteer as gz
from generator.safety.lexicon import COUNT_NOUNS, FUNCTION_WORDS, MONTHS, NOT_NAMES
from generator.safety.scanbase import (
    ADDRESS, INSTITUTION, PLACE, POSTCODE, Found, Settings, Text, around_digits, ci_finditer, lowercase_twin, strip_possessive, title_case,
    title_case_heading,
)

# ---------------------------------------------------------------- addresses and postal codes

_ROAD_WORDS = (
    r"Road|Rd|Lane|Ln|Street|St|Sarani|Sarini|Gali|Galli|Para|Bylane|By-lane|By\s+Lane|Nagar|Colony|Sector|Block|Ward"
    r"|Marg|Avenue|Ave|Chowk|Path|Row|Drive|Crescent|Terrace|Boulevard|Blvd|Enclave|Vihar|Puram|Pally|Palli|Basti"
    r"|Bustee|Mohalla|Apartments?|Residency|Towers?|Heights|Complex|Mansions?|Building|Bhavan|Bhawan|Niwas|Nivas"
    r"|Housing\s+Society|Chawl|Compound|Bagan|Bagh|Ganj|Tola|Close|Place|Way|Estate"
)
_WEAK_ROADS = {"place", "way", "close", "estate", "row", "path", "drive", "terrace", "complex", "building", "block"}
_HOUSE_LABEL = r"(?:House|Flat|Plot|Door|Holding|Premises|Qr|Qtr|Quarter|Shop|Bldg|H)\.?\s*(?:No|Number)\.?\s*[:#]?\s*"
_ADDRESS = re.compile(
    rf"(?P<num>\d(?<![\w/.,\-]\d)\d{{0,4}}[A-Za-z]?(?:\s*[/\-]\s*\d{{1,4}}[A-Za-z]?){{0,3}}),?[ \t]+"
    rf"(?P<name>(?:[A-Z][\w’'.\-]*\s+){{1,6}})(?P<road>{_ROAD_WORDS})\b"
)
_LABEL_BEFORE = re.compile(rf"\b{_HOUSE_LABEL}$")
_ADDRESS_LABELLED = re.compile(rf"\b{_HOUSE_LABEL}[A-Za-z]?\d[\w/\-]*")
_ADDRESS_PART = re.compile(
    r"\b(?:(?:Gali|Galli|Lane|Bylane|By-lane|Street|Sector|Ward|Road|Block)\s*(?:No|Number)\.?\s*[:#]?\s*\d{1,4}[A-Z]?"
    r"|(?:Sector|Gali|Galli|Bylane)\s+\d{1,3}[A-Z]?)\b"
    r"|\b(?:Vill?\.|Vill?\s*:|Village\s*:|P\.\s?O\.?\s*[:\-]?|Post\s*:|Thana\s*:|Mouza\s*:)\s*(?!Box\b)[A-Z][a-z]{2,}"
)
_PIN = re.compile(r"[1-8](?<![\w,.₹$£€/][1-8])\d{2}\s?\d{3}(?![\w/\-]|[.,]\d)")
_PIN_BEFORE = re.compile(
    r"(?:\b(?:pin|pincode|pin\s*code|postal\s*code|post\s*code|zip(?:\s*code)?)\s*(?:no\.?|number)?\s*[:.\-–]?\s*"
    r"|(?<![\w’'.])(?P<w>[A-Z][\w’'.]*)\s*[,\-–:]?[ \t]*\n?[ \t]*)$"
)
_NOT_PLACE_BEFORE_PIN = {"rs", "inr", "usd", "no", "section", "sec", "case", "fir", "over", "about", "nearly", "some",
                         "than", "and", "or", "of", "the", "to", "with", "for", "by", "around", "almost", "only",
                         "article", "rule", "clause", "page", "room", "code", "number", "id", "ref", "act"}
_UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d{1,2}[A-Z]?) \d[ABD-HJLNP-UW-Z]{2}\b")
_US_ZIP = re.compile(
    r"\b\d{5}-\d{4}\b|(?<=[ ,])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    r"|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC) \d{5}(?:-\d{4})?\b"
)
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b")


_ROAD_KEYS = frozenset({
    "road", "rd", "lane", "ln", "street", "st", "sarani", "sarini", "gali", "galli", "para", "bylane", "lane", "nagar",
    "colony", "sector", "block", "ward", "marg", "avenue", "ave", "chowk", "path", "row", "drive", "crescent",
    "terrace", "boulevard", "blvd", "enclave", "vihar", "puram", "pally", "palli", "basti", "bustee", "mohalla",
    "apartment", "apartments", "residency", "tower", "towers", "heights", "complex", "mansion", "mansions",
    "building", "bhavan", "bhawan", "niwas", "nivas", "society", "chawl", "compound", "bagan", "bagh", "ganj",
    "tola", "close", "place", "way", "estate",
})
_STRONG_ROAD_KEYS = _ROAD_KEYS - {"st", "place", "way", "close", "estate", "row", "path", "drive", "terrace", "complex",
                                  "building", "block", "tower", "society", "compound", "ward", "sector", "para"}
_STREET_NUMBER_HINT = re.compile(r"\d\s*[/\-]\s*\d|\d[A-Za-z]\b")
_HOUSE_KEYS = frozenset({"house", "flat", "plot", "door", "holding", "premises", "qr", "qtr", "quarter", "shop", "bldg", "h"})
_PART_KEYS = frozenset({"gali", "galli", "lane", "bylane", "street", "sector", "ward", "road", "block"})
_PART_ONLY_KEYS = frozenset({"gali", "galli", "bylane", "sector"})
_RURAL_HINTS = ("Vil", "P.O", "P. O", "Post", "Thana", "Mouza", "Village:", "Village :")
_NUMBERED_PART = re.compile(
    r"\b(?:(?:Gali|Galli|Lane|Bylane|By-lane|Street|Sector|Ward|Road|Block)\s*(?:No|Number)\.?\s*[:#]?\s*\d{1,4}[A-Z]?"
    r"|(?:Sector|Gali|Galli|Bylane)\s+\d{1,3}[A-Z]?)\b"
)
_RURAL_PART = re.compile(
    r"\b(?:Vill?\.|Vill?\s*:|Village\s*:|P\.\s?O\.?\s*[:\-]?|Post\s*:|Thana\s*:|Mouza\s*:)\s*(?!Box\b)[A-Z][a-z]{2,}"
)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
_STREET_NUMBER = re.compile(r"[/\-]|\d[A-Za-z]")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_PIN_WORDS = frozenset({"pin", "pincode", "postal", "post", "zip"})


def addresses(t: Text) -> list[Found]:
    out: list[Found] = []
    text = t.text
    if t.digits and (t.has(_STRONG_ROAD_KEYS) or (t.has(_ROAD_KEYS) and (_STREET_NUMBER_HINT.search(text) or " St" in text))):
        for m in around_digits(t, _ADDRESS, 0, 160):
            label = _LABEL_BEFORE.search(text, max(0, m.start() - 25), m.start())
            num, labelled = m.group("num"), label is not None
            start = label.start() if label else m.start()
            if not labelled and _YEAR_NUMBER.fullmatch(num):
                continue  # "in 2019 Park Street was…": a year, not a house number
            first = m.group("name").split()[0].lower()
            if first in FUNCTION_WORDS or first.rstrip(".") in MONTHS:
                continue
            if not labelled and m.group("road").lower() in _WEAK_ROADS and not _STREET_NUMBER.search(num):
                continue  # "2 Way", "4 Close", "3 Block": too often plain English without a 27/3-style number
            out.append(Found(ADDRESS, start, m.end(), text[start : m.end()], "a street address"))
    if t.digits and t.has(_HOUSE_KEYS) and ("no" in t.words or "number" in t.words):
        for m in around_digits(t, _ADDRESS_LABELLED, 30, 12):
            out.append(Found(ADDRESS, m.start(), m.end(), m.group(0), "a house or flat number"))
    if t.digits and (t.has(_PART_ONLY_KEYS) or (t.has(_PART_KEYS) and ("no" in t.words or "number" in t.words))):
        for m in around_digits(t, _NUMBERED_PART, 30, 8):
            out.append(Found(ADDRESS, m.start(), m.end(), m.group(0), "part of an address"))
    if any(h in text for h in _RURAL_HINTS):
        for m in _RURAL_PART.finditer(text):
            out.append(Found(ADDRESS, m.start(), m.end(), m.group(0), "part of an address"))
    return out


def postcodes(t: Text) -> list[Found]:
    out: list[Found] = []
    if not t.digits:
        return out
    text = t.text
    for m in around_digits(t, _PIN, 0, 10):
        before = _PIN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        word = (before.group("w") or "").lower().rstrip(".")
        if word and (word in _NOT_PLACE_BEFORE_PIN or word in FUNCTION_WORDS or word in MONTHS):
            continue
        after = _WORD_AFTER.match(text, m.end(), m.end() + 20)
        if after and after.group(1).lower() in COUNT_NOUNS:
            continue  # "700000 people": a count
        out.append(Found(POSTCODE, m.start(), m.end(), m.group(0), "an Indian PIN code"))
    for pattern, what in ((_UK_POSTCODE, "a UK postcode"), (_US_ZIP, "a US ZIP code"), (_CA_POSTCODE, "a Canadian postcode")):
        for m in around_digits(t, pattern, 5, 10):
            out.append(Found(POSTCODE, m.start(), m.end(), m.group(0), what))
    return out


# ---------------------------------------------------------------- schools, workplaces, shelters

_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("school", r"High\s+School|Higher\s+Secondary\s+School|School|Vidyalaya|Vidyalay|Vidyapith|Vidyapeeth|Vidya\s+Mandir"
               r"|Vidya\s+Niketan|Vidya\s+Bhavan|Shiksha\s+Niketan|Siksha\s+Niketan|Shishu\s+Niketan|Pathshala|Pathsala"
               r"|Madrasa|Madrassa|Madrasah|Madrassah|College|Academy|Convent|Gurukul|Kindergarten|Montessori"),
    ("shelter or children's home",
     r"Shelter\s+Home|Shelter|Children[’']?s\s+Home|Childrens\s+Home|Children\s+Home|Girls[’']?\s+Home|Boys[’']?\s+Home"
     r"|After[\s\-]?care\s+Home|Observation\s+Home|Special\s+Home|Protection\s+Home|Rescue\s+Home|Short[\s\-]Stay\s+Home"
     r"|Swadhar\s+Gr[ei]h|Swadhar\s+Home|Ujjwala\s+Home|Ashram|Ashrama|Ashray|Hostel|Orphanage|Balika\s+Griha"
     r"|Bal\s+Griha|Bal\s+Niketan|Nari\s+Niketan|Sadan|Shishu\s+Bhavan|Sishu\s+Bhavan|Home\s+for\s+(?:Girls|Boys|Women|Children)"),
    ("workplace", r"Factory|Mill|Mills|Garments|Textiles|Exports|Industries|Enterprises|Pvt\.?\s+Ltd\.?|Private\s+Limited"
                  r"|Brick\s+Kiln|Brick\s+Field|Brickfield|Bhatta|Kiln|Tea\s+Estate|Tea\s+Garden|Workshop|Karkhana"
                  r"|Plantation|Quarry|Restaurant"),
    ("hotel, lodge or bar", r"Hotel|Lodge|Guest\s*House|Dhaba|Spa|Massage\s+Parlou?r|Beauty\s+Parlou?r|Salon|Dance\s+Bar"
                            r"|Orchestra\s+Bar|Bar\s+(?:and|&)\s+Restaurant"),
)
_KEYWORDS_BY_FIRST_WORD: dict[str, list[tuple[int, str]]] = {}
for _i, (_, _alternatives) in enumerate(_INSTITUTIONS):
    for _alternative in re.split(r"\|(?![^()]*\))", _alternatives):
        _KEYWORDS_BY_FIRST_WORD.setdefault(re.match(r"[A-Za-z]+", _alternative).group(0).lower(), []).append((_i, _alternative))


@functools.lru_cache(maxsize=256)
def _institution_regex(present: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Only the institution keywords whose first word the text contains: (lowercase twin, any case)."""
    by_kind: dict[int, list[str]] = {}
    for word in present:
        for i, alternative in _KEYWORDS_BY_FIRST_WORD.get(word, ()):
            by_kind.setdefault(i, []).append(alternative)
    groups = "|".join(f"(?P<k{i}>{'|'.join(sorted(alts, key=len, reverse=True))})" for i, alts in sorted(by_kind.items()))
    pattern = rf"\b(?:{groups})(?![\w\-])"
    return lowercase_twin(pattern), re.compile(pattern, re.I)
_PREFIX_INSTITUTION = re.compile(r"\b(?P<kw>Hotel|Madrasa|Madrassa)\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})")
_GENERIC = {
    "government", "govt", "govt.", "primary", "secondary", "higher", "high", "middle", "upper", "lower", "junior",
    "senior", "public", "private", "model", "municipal", "girls", "girls'", "girls’", "boys", "boys'", "boys’",
    "co-ed", "night", "sunday", "residential", "boarding", "day", "local", "village", "district", "state",
    "national", "central", "medium", "open", "free", "special", "observation", "protective", "short", "stay",
    "short-stay", "shelter", "after-care", "aftercare", "after", "care", "children's", "children’s", "childrens",
    "children", "women's", "women’s", "women", "drop-in", "new", "old", "small", "big", "art", "arts", "science",
    "commerce", "medical", "engineering", "law", "nursing", "polytechnic", "technical", "vocational", "training",
    "industrial", "sewing", "tailoring", "garment", "jute", "cotton", "textile", "brick", "rice", "tea",
    "spinning", "weaving", "paper", "sugar", "steel", "shoe", "leather", "carpet", "bangle", "fireworks",
    "match", "biri", "beedi", "zari", "embroidery", "balika", "bal", "vidya", "shishu", "sishu", "nari",
    "community", "city", "rural", "urban", "religious", "madrasa", "hotel", "roadside", "highway", "luxury",
    "cheap", "budget", "massage", "beauty", "dance", "orchestra", "hostel", "working", "home", "homes", "transit",
    "temporary", "safe", "secure", "partner", "own", "family", "holy", "saint", "summer", "winter", "online",
    "evening", "morning", "weekend", "bridge", "catch-up", "language", "primary-school", "secondary-school",
}


# The first word of each institution keyword, lowercase: a text without any of them has no institution.
_INSTITUTION_KEYS = frozenset({
    "high", "higher", "school", "vidyalaya", "vidyalay", "vidyapith", "vidyapeeth", "vidya", "shiksha", "siksha",
    "shishu", "sishu", "pathshala", "pathsala", "madrasa", "madrassa", "madrasah", "madrassah", "college", "academy",
    "convent", "gurukul", "kindergarten", "montessori", "shelter", "children", "childrens", "girls", "boys", "after",
    "aftercare", "observation", "special", "protection", "rescue", "short", "swadhar", "ujjwala", "ashram", "ashrama",
    "ashray", "hostel", "orphanage", "balika", "bal", "nari", "sadan", "home", "factory", "mill", "mills", "garments",
    "textiles", "exports", "industries", "enterprises", "pvt", "private", "brick", "brickfield", "bhatta", "kiln",
    "tea", "workshop", "karkhana", "plantation", "quarry", "restaurant", "hotel", "lodge", "guest", "guesthouse",
    "dhaba", "spa", "massage", "beauty", "salon", "dance", "orchestra", "bar",
})
_PREFIX_KEYS = frozenset({"hotel", "madrasa", "madrassa"})
assert _INSTITUTION_KEYS >= set(_KEYWORDS_BY_FIRST_WORD), set(_KEYWORDS_BY_FIRST_WORD) - _INSTITUTION_KEYS


def institutions(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    if not t.has(_INSTITUTION_KEYS):
        return out
    text = t.text
    in_title_case = t.kind == "label" and title_case(text)
    lowercase, anycase = _institution_regex(t.words & _INSTITUTION_KEYS)
    for m in ci_finditer(t, lowercase, anycase):
        if m.start() and text[m.start() - 1] == "-":
            continue  # "after-school", "drop-in shelter": part of a compound
        what = _INSTITUTIONS[int((m.lastgroup or "k0")[1:])][0]
        # "… Vidyalaya" is a name; "a Howrah school" is not, nor "a Surat Workshop" in a Title Case heading
        proper = text[m.start()].isupper() and not in_title_case and not title_case_heading(text, m.start())
        words = _capitalised_before(text, m.start())
        if not proper:
            while words and (words[-1][1].endswith(("'s", "’s")) or words[-1][1].isupper()):
                words.pop()  # "Priti's school", "the UN shelter": whose, not which
        if not words:
            continue
        distinctive = [w for _, w in words if not _generic_word(w)]
        if not distinctive:
            continue
        if not proper and all(is_coarse_place(w, settings) for w in distinctive):
            continue
        start = words[0][0]
        phrase = text[start : m.end()]
        name = " ".join(w for _, w in words).lower()
        if phrase.lower() in settings.known_terms or name in settings.known_terms:
            continue
        out.append(Found(INSTITUTION, start, m.end(), phrase, "a " + what))
    if t.has(_PREFIX_KEYS):
        for m in _PREFIX_INSTITUTION.finditer(text):
            if all(_generic_word(w) for w in m.group("name").split()):
                continue
            what = "school" if m.group("kw").lower().startswith("madras") else "hotel, lodge or bar"
            out.append(Found(INSTITUTION, m.start(), m.end(), m.group(0), "a " + what))
    return out


def _generic_word(word: str) -> bool:
    w = word.lower().strip(".")
    return w in _GENERIC or w in FUNCTION_WORDS or w in NOT_NAMES or strip_possessive(w) in NOT_NAMES


_WORD_BEFORE = re.compile(r"(?<![\w’'.\-])([A-Z][\w’'.\-]*|of|and|&|de|la|the)(?:[ \t]+|[ \t]*\n[ \t]*)$")


def _capitalised_before(text: str, end: int) -> list[tuple[int, str]]:
    """The capitalised words (with connectors) just before `end`, as (offset, word), in order."""
    words: list[tuple[int, str]] = []
    pos = end
    while len(words) < 7:
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        words.insert(0, (m.start(1), m.group(1)))
        pos = m.start(1)
    if words and not words[-1][1][:1].isupper():
        return []  # "Block B of the hostel": the word before the keyword must belong to its name
    while words and (not words[0][1][:1].isupper() or words[0][1].lower() in FUNCTION_WORDS):
        words.pop(0)  # a name starts with a capital: drop a leading "of", "the", "In"
    return words


def is_coarse_place(word: str, settings: Settings) -> bool:
    """A country, state or city (or the story's own city): naming it says nothing finer."""
    w = strip_possessive(word).lower()
    level = _PLACE_LEVELS.get(w)
    return (level is not None and level <= gz.CITY) or w in settings.cities


# ---------------------------------------------------------------- places finer than allowed

_PLACE_LEVELS = {name.lower(): level for name, level in gz.PLACES.items()}
_PHRASE_AFTER = re.compile(r"[^\W\d_][\w’'.\-]*(?:[ \t\-]+[^\W\d_][\w’'.\-]*){0,5}")
_DIRECTION_KEYS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                             "northeast", "northwest", "southeast", "southwest", "downtown", "uptown", "inner"})
_DIRECTION_WORD = lowercase_twin(
    r"\b(?:north|south|east|west|central|northern|southern|eastern|western|north[\s\-]?east(?:ern)?"
    r"|north[\s\-]?west(?:ern)?|south[\s\-]?east(?:ern)?|south[\s\-]?west(?:ern)?|downtown|uptown|inner[\s\-]city)\b"
)
_CITY_AFTER = re.compile(r"(?P<of>(?:\s+(?:part|side|end))?\s+of)?[ \t]+(?P<city>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)?)")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_LOCALITY_KEYS = frozenset({"village", "villages", "hamlet", "para", "basti", "bustee", "mohalla", "mohallah", "slum",
                            "slums", "colony", "nagar", "pally", "palli", "tola", "chawl", "gram", "gaon", "dhani",
                            "panchayat"})
_LOCALITY_WORD = lowercase_twin(
    r"(?<=[ \t])(?:village|hamlet|para|basti|bustee|mohalla|mohallah|slum|colony|nagar|pally|palli|tola|chawl|gram"
    r"|gaon|dhani|panchayat)s?\b"
)
_NAME_BEFORE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+[ \t]+){0,2}[A-Z][\w’'\-]+)[ \t]+$")
_ROAD_NAME_BEFORE = re.compile(r"(?<![\w’'.\-])((?:[A-Z][\w’'.\-]+[ \t]+){1,4})$")
_VILLAGE_KEYS = frozenset({"village", "hamlet", "slum", "basti", "mohalla", "locality", "neighbourhood", "neighborhood"})
_VILLAGE_OF = re.compile(
    r"\b(?i:village|hamlet|slum|basti|mohalla|locality|neighbourhood|neighborhood)\s+(?i:of|called|named|known\s+as)\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,2})"
)
_ROAD_NAME_KEYS = frozenset({"road", "lane", "street", "sarani", "gali", "bylane", "marg"})
_ROAD_WORD = re.compile(r"(?<=[ \t])(?:Road|Lane|Street|Sarani|Gali|Bylane|Marg)\b")
_NOT_ROADS = {"grand trunk", "gt", "g.t.", "national highway", "silk", "high", "main", "long", "open", "yellow brick", "wall"}
_SEPARATORS = re.compile(r"[\s\-]+")
_ASCII_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=16)
def _place_index(precision: int, known_places: tuple[str, ...], fine_places: tuple[str, ...]
                 ) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """Names finer than the site allows (lowercase → level) and, for speed, each name's first word →
    the most words a name starting with it has, and the ASCII words of those first words (a cheap gate)."""
    known = {p.lower() for p in known_places}
    levels = {n: lvl for n, lvl in _PLACE_LEVELS.items() if lvl > precision and n not in known}
    for p in fine_places:
        levels[_SEPARATORS.sub(" ", p.lower().strip())] = gz.LOCALITY
    first: dict[str, int] = {}
    for name in levels:
        words = name.split()
        key = words[0].rstrip(".")
        first[key] = max(first.get(key, 0), len(words))
    gate = frozenset(part for key in first for part in _ASCII_WORD.findall(key))
    return levels, first, gate


@functools.lru_cache(maxsize=512)
def _first_word_regex(present: frozenset[str], any_case: bool) -> re.Pattern[str]:
    """Where a place name can start, for the few first words a text contains: capitalised in prose
    ("Park Circus", not "a park"), in any case in slugs and tags."""
    ordered = sorted(present, key=len, reverse=True)
    if any_case:
        alternatives = "|".join(re.escape(p) for p in ordered)
        return re.compile(rf"\b(?:{alternatives})[\w’'\-]*(?:\.(?=[^\W\d_])[\w’'\-]*)*", re.I)
    alternatives = "|".join(re.escape(p[0].upper()) + f"(?i:{re.escape(p[1:])})" if len(p) > 1 else re.escape(p.upper())
                            for p in ordered)
    return re.compile(rf"\b(?:{alternatives})[\w’'\-]*(?:\.(?=[^\W\d_])[\w’'\-]*)*")


def places(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    text = t.text
    slug = t.kind == "name"
    levels, first, gate = _place_index(settings.precision, settings.known_places, settings.fine_places)
    taken_until = -1
    present = t.words & gate
    for w in _first_word_regex(present, slug).finditer(text) if present else ():
        if w.start() < taken_until:
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
    if settings.precision < gz.DISTRICT and t.has(_DIRECTION_KEYS):
        known = {p.lower() for p in settings.known_places}
        for d in ci_finditer(t, _DIRECTION_WORD, _DIRECTION_WORD):
            m = _CITY_AFTER.match(text, d.end())
            if m is None:
                continue
            the = _THE_BEFORE.search(text, max(0, d.start() - 6), d.start())
            if m.group("of") and not the:
                continue  # "north of Kolkata" is outside the city; "the north of Kolkata" is part of it
            begin = the.start() if the else d.start()
            city = m.group("city")
            for candidate in (city, city.split()[0]):
                c = strip_possessive(candidate).lower()
                if _PLACE_LEVELS.get(c) == gz.CITY or c in settings.cities or c in known:
                    end = m.start("city") + len(candidate)
                    out.append(Found(PLACE, begin, end, text[begin:end], "part of a city", gz.DISTRICT))
                    break
    if slug or (t.kind == "label" and title_case(text)):
        return out  # the suffix patterns need real capitals; in Title Case every word looks like a name
    if t.has(_LOCALITY_KEYS):
        for k in ci_finditer(t, _LOCALITY_WORD, _LOCALITY_WORD):
            before = _NAME_BEFORE.search(text, max(0, k.start() - 80), k.start())
            if before is None:
                continue
            name_words = before.group(1).split()
            while name_words and name_words[0].lower() in FUNCTION_WORDS:
                name_words.pop(0)
            if not name_words or all(_generic_word(w) for w in name_words):
                continue
            name = " ".join(name_words)
            if is_coarse_place(name, settings) or name.lower() in settings.known_terms:
                continue
            start = before.start(1) + before.group(1).find(name_words[0])
            kind = text[k.start() : k.end()].lower().rstrip("s")
            out.append(Found(PLACE, start, k.end(), text[start : k.end()], "a " + kind, gz.LOCALITY))
    if t.has(_VILLAGE_KEYS):
        for m in _VILLAGE_OF.finditer(text):
            out.append(Found(PLACE, m.start(), m.end(), m.group(0), "a village or locality", gz.LOCALITY))
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
