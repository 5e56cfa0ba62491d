"""Where a person can be found: street addresses, postal codes, coordinates, plus codes and what3words.

Addresses follow each language's grammar, kept as data below: in English the number comes before
the name and the street word after it ("27/3 Kali Charan Ghosh Road", "4321 Maple Ave"); in French
the street word comes between them ("12 rue des Lilas"); in Spanish, Portuguese and Filipino the
street word comes first and the number last ("Calle 5 de Mayo 123", "Rua Augusta, 1500", "Kalye
Mabini 45"). Then the parts that need no street: a house, flat or apartment number ("House No. 45",
"apto 32", "Int. 3"), a block and lot ("Blk 5 Lot 12", "Mz. 3 Lt. 8", "Quadra 5 Lote 12"), an Indian
lane or sector ("Gali No. 4", "Sector 15") and a village's postal address ("Vill. Bargaon, P.O. …").

Postal codes by country: an Indian PIN after a place or a PIN label, a Brazilian CEP (01304-001), a
Mexican código postal after "C.P.", a French code before its town ("69003 Lyon"), Canadian, UK and US
codes, a Philippine ZIP after a city or "ZIP". Coordinates, plus codes, what3words addresses and
map links (found with the other links, in scan_contacts) are reported as addresses too (ID-ADDRESS):
each says where someone lives or was found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generator.safety.detect.idwords import IdWords, keys_of
from generator.safety.detect.lexicon import COUNT_NOUNS, FUNCTION_WORDS, MONTHS
from generator.safety.detect.scanbase import (
    ADDRESS,
    POSTCODE,
    Found,
    Text,
    around_digits,
    matches_at_runs,
    near_words,
    runs_before,
    runs_next_to_letters,
    runs_of_length,
    search_at_digits,
    split_words,
    starts_of,
    word_starts,
)

# ---------------------------------------------------------------- street words, by where the number goes

# English (and the Indian English of the stories): number, name, street word.
STREET_AFTER_NAME = (
    "Road|Rd|Lane|Ln|Street|St|Sarani|Sarini|Gali|Galli|Para|Bylane|By-lane|By Lane|Nagar|Colony|Sector|Block|Ward"
    "|Marg|Avenue|Ave|Chowk|Path|Row|Drive|Dr|Crescent|Terrace|Boulevard|Blvd|Enclave|Vihar|Puram|Pally|Palli|Basti"
    "|Bustee|Mohalla|Apartments|Apartment|Residency|Towers|Tower|Heights|Complex|Mansions|Mansion|Building|Bhavan"
    "|Bhawan|Niwas|Nivas|Housing Society|Chawl|Compound|Bagan|Bagh|Ganj|Tola|Close|Place|Way|Estate|Court|Ct"
    "|Square|Sq|Parkway|Pkwy|Circle|Cir|Trail|Gardens|Grove|Mews|Highway|Hwy|Extension|Ext"
)
# Weak street words: plain English too often ("2 Way", "4 Close", "3 Block"); they need a 27/3-style number.
WEAK_AFTER_NAME = split_words(
    "place way close estate row path drive dr terrace complex building block court ct square sq circle trail"
)
# French: number, street word, name ("12 rue des Lilas", "4321 rue Saint-Denis", "5 bis avenue Foch").
STREET_BEFORE_NAME_FR = (
    "rue|avenue|av|bd|boulevard|allée|allee|impasse|chemin|quai|cours|route|place|square|passage|voie"
    "|rond-point|chaussée|faubourg|montée|ruelle|sentier|cité|résidence|lotissement|hameau|rang|côte"
)
# Spanish, Portuguese, Filipino: street word, name, number ("Calle Hidalgo #45", "Av. Paulista, 1000").
STREET_THEN_NUMBER = (
    "calle|c|avenida|av|avda|calzada|calz|boulevard|blvd|privada|priv|callejón|callejon|cerrada|cda|andador"
    "|prolongación|prolongacion|prol|camino|paseo|circuito|retorno|rua|r|travessa|tv|trav|alameda|al|estrada"
    "|praça|praca|pça|largo|beco|viela|ladeira|servidão|kalye|daang"
)
# Street words that may be written in lowercase in a sentence ("na rua Augusta, 1500"); the others must
# be capitalised, and a one- or two-letter abbreviation needs its full stop ("C. Hidalgo 45", "R. Augusta").
_LOWERCASE_STREETS = frozenset({"rua", "avenida", "travessa", "calle", "kalye", "alameda", "estrada"})
_NEEDS_STOP = frozenset({"c", "r", "al", "tv"})
# Words of a street's name that are not capitalised ("Calle 5 de Mayo", "Rua 25 de Março").
_NAME_LINKS = "de|del|da|do|dos|das|la|las|los|el|y|e|ng|delos|de los"
_STREET_AFTER_NAME_KEYS = frozenset(w.lower() for w in re.split(r"[| ]", STREET_AFTER_NAME))
_STRONG_AFTER_NAME_KEYS = _STREET_AFTER_NAME_KEYS - WEAK_AFTER_NAME - {
    "st", "tower", "society", "compound", "ward", "sector", "para", "ext", "extension", "gardens", "grove"
}  # fmt: skip
_FR_KEYS = keys_of(STREET_BEFORE_NAME_FR.split("|"))

_HOUSE_LABEL = r"(?:House|Flat|Plot|Door|Holding|Premises|Qr|Qtr|Quarter|Shop|Bldg|Khasra|H)\.?\s*(?:No|Number)\.?\s*[:#]?\s*"
_AFTER_NAME = STREET_AFTER_NAME.replace(" ", r"\s+")
_NUMBER_FIRST = re.compile(
    rf"(?P<num>#?\d(?<![\w/.,\-]\d)\d{{0,4}}[A-Za-z]?(?:\s*[/\-]\s*\d{{1,4}}[A-Za-z]?){{0,3}}),?[ \t]+"
    rf"(?P<name>(?:[A-Z][\w’'.\-]*\s+){{1,6}})(?P<road>{_AFTER_NAME})\b"
)
_NUMBER_STREET_NAME = re.compile(
    rf"(?<![\w/.,\-])(?P<num>\d{{1,4}})(?:\s?(?:bis|ter|[A-D]))?,?\s+(?P<road>(?i:{STREET_BEFORE_NAME_FR})\.?)\s+"
    r"(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?(?P<name>[A-ZÀ-Ý][\w’'\-]+)"
)
_STREET_NAME_NUMBER = starts_of(
    STREET_THEN_NUMBER.split("|"),
    r"(?<![\w’'\-])(?P<road>(?i:{})\.?)\s+"
    rf"(?P<name>(?:(?:{_NAME_LINKS})\s+)*(?:[A-ZÀ-Ý][\w’'.\-]*|\d{{1,2}})"
    rf"(?:\s+(?:[A-ZÀ-Ý][\w’'.\-]*|\d{{1,2}}|(?:{_NAME_LINKS})\b)){{0,5}}?)"
    r"\s*,?\s*(?:#\s*|(?i:n[º°o]\.?|núm\.?|número|num\.?)\s*)?(?P<num>\d{1,5}(?:[A-Za-z]\b)?)(?![\d/]|[.,]\d)",
)
_LABEL_BEFORE = re.compile(rf"\b{_HOUSE_LABEL}$")
_UNIT_BEFORE = re.compile(
    r"\b(?:Flat|Apt|Apartment|Unit|Suite|Apto|Depto)\.?\s*\d+[A-Z]?,?\s*$", re.IGNORECASE
)
_HOUSE_NUMBER = re.compile(rf"\b{_HOUSE_LABEL}[A-Za-z]?\d[\w/\-]*")
# An apartment, interior or unit number: "apto 32", "Apt. 4B", "Int. 3", "depto 12", "Suite 300".
_UNIT = re.compile(
    r"\b(?:(?:apto|apt|apartment|apartamento|appartement|appt|depto|dpto|departamento|suite|bloco)\.?|int\.)"
    r"\s*(?:n[º°o]\.?|#)?\s*\d{1,4}[A-Z]?\b",
    re.IGNORECASE,
)
_UNIT_KEYS = split_words(
    "apto apt apartment apartamento appartement appt depto dpto departamento suite bloco int"
)
# A block and lot: Philippine subdivisions, Mexican and Brazilian settlements.
_BLOCK = r"(?:blk|block|bl|mz|mza|manzana|quadra|qd|q)\.?\s*\d{1,4}[A-Z]?"
_LOT = r"(?:lot|lt|lote|casa|conjunto)\.?\s*\d{1,4}[A-Z]?"
_BLOCK_LOT = re.compile(rf"\b(?:{_BLOCK}\s*,?\s*{_LOT}|{_LOT}\s*,?\s*{_BLOCK})\b", re.IGNORECASE)
_BLOCK_LOT_KEYS = frozenset({"lot", "lt", "lote", "casa", "conjunto"})
_NUMBERED_PART = re.compile(
    r"\b(?:(?:Gali|Galli|Lane|Bylane|By-lane|Street|Sector|Ward|Road|Block)\s*(?:No|Number)\.?\s*[:#]?\s*\d{1,4}[A-Z]?"
    r"|(?:Sector|Gali|Galli|Bylane|House|Plot|Holding|Quarter|Qtr|Purok)\s+\d{1,4}[A-Z]?"
    r"|(?:Flat|Road|Lane|Street|Block|Avenue)\s+\d{1,4}[A-Z]?(?=,\s*(?:[A-Z][a-z]+\s+)?(?:Road|Lane|Street|Block|Avenue|Sector)\s+\d)"
    r"|\d{1,2}(?:st|nd|rd|th)\s+(?:Cross|Main|Lane|Bylane|By-lane|Street|Road|Avenue|Block|Sector|Phase|Stage)(?:\s+Road)?)\b"
)
_PART_KEYS = split_words(
    "gali galli lane bylane street sector ward road block flat avenue cross main phase stage purok"
)
_PART_ONLY_KEYS = frozenset(
    {"gali", "galli", "bylane", "sector", "house", "plot", "holding", "quarter", "qtr", "cross", "purok"}
)
# Every _RURAL_PART holds one of these as a word of its own (words_of).
_RURAL_KEYS = frozenset({"vil", "vill", "village", "p", "po", "post", "thana", "mouza"})
_RURAL_PART = re.compile(
    r"\b(?:Vill?\.|Vill?\s*:|Village\s*:|P\.\s?O\.?\s*[:\-]?|PO\s*[:\-]|Post\s*:|Thana\s*:|Mouza\s*:)\s*(?!Box\b)[A-Z][a-z]{2,}"
)
_YEAR_NUMBER = re.compile(r"#?(?:19|20)\d\d")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
_STREET_NUMBER = re.compile(r"[/\-]|\d[A-Za-z]")
_STREET_NUMBER_HINT = re.compile(r"\d\s*[/\-]\s*\d|\d[A-Za-z]\b")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_HOUSE_KEYS = frozenset(
    {
        "house",
        "flat",
        "plot",
        "door",
        "holding",
        "premises",
        "qr",
        "qtr",
        "quarter",
        "shop",
        "bldg",
        "khasra",
        "h",
    }
)


def _count_after(t: Text, end: int, words: IdWords) -> bool:
    """A count or an amount follows ("Avenida Brasil 500 famílias"): the number is not a house's."""
    after = _WORD_AFTER.match(t.text, end)
    return after is not None and after.group(1).lower() in words.quantities


def english_streets(t: Text) -> Iterator[Found]:
    """ "27/3 Kali Charan Ghosh Road", "4321 Maple Ave", "House No. 12 Park Lane"."""
    text = t.text
    strong = t.has(_STRONG_AFTER_NAME_KEYS)
    if not strong and not (
        t.has(_STREET_AFTER_NAME_KEYS) and (search_at_digits(t, _STREET_NUMBER_HINT) or " St" in text)
    ):
        return
    for m in matches_at_runs(t, _NUMBER_FIRST, prefix="#"):
        label = _LABEL_BEFORE.search(text, max(0, m.start() - 25), m.start())
        unit = _UNIT_BEFORE.search(text, max(0, m.start() - 25), m.start())
        num, labelled = m.group("num"), label is not None
        start = label.start() if label else unit.start() if unit else m.start()
        if not labelled and _YEAR_NUMBER.fullmatch(num):
            continue  # "in 2019 Park Street was…": a year, not a house number
        first = m.group("name").split()[0].lower()
        if first in FUNCTION_WORDS or first.rstrip(".") in MONTHS:
            continue
        if not labelled and m.group("road").lower() in WEAK_AFTER_NAME and not _STREET_NUMBER.search(num):
            continue
        yield Found(ADDRESS, start, m.end(), text[start : m.end()], "a street address")


def french_streets(t: Text) -> Iterator[Found]:
    """ "12 rue des Lilas", "4321 rue Saint-Denis", "5 bis avenue Foch"."""
    if not t.has(_FR_KEYS):
        return
    for m in matches_at_runs(t, _NUMBER_STREET_NAME):
        if not _YEAR_NUMBER.fullmatch(m.group("num")):
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "a street address")


def streets_then_numbers(t: Text, words: IdWords) -> Iterator[Found]:
    """ "Calle 5 de Mayo 123", "Av. Insurgentes Sur 1234", "Rua Augusta, 1500", "Kalye Mabini #45"."""
    for m in near_words(t, _STREET_NAME_NUMBER, cased=True):
        written = m.group("road")
        road = written.lower().rstrip(".")
        if not (written[0].isupper() or road in _LOWERCASE_STREETS):
            continue
        if road in _NEEDS_STOP and not written.endswith("."):
            continue
        num = m.group("num")
        marked = "#" in m.group(0) or re.search(r"(?i)n[º°o]|núm|número", m.group(0)) is not None
        if (_YEAR_NUMBER.fullmatch(num) and not marked) or _count_after(t, m.end(), words):
            continue
        yield Found(ADDRESS, m.start(), m.end(), m.group(0), "a street address")


def address_parts(t: Text) -> Iterator[Found]:
    """A house, flat or unit number, a block and lot, a numbered lane or sector, a village's postal address."""
    text = t.text
    taken = -1
    for at in sorted({at for key in t.words & _RURAL_KEYS for at in word_starts(t.low, key)}):
        m = _RURAL_PART.match(text, at) if at >= taken and len(t.low) == len(text) else None
        if m is not None:
            taken = m.end()
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "part of an address")
    if not t.digits:
        return
    if t.has(_HOUSE_KEYS) and ("no" in t.words or "number" in t.words):
        for m in around_digits(t, _HOUSE_NUMBER, 30, 12):
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "a house or flat number")
    if t.has(_UNIT_KEYS):
        for m in around_digits(t, _UNIT, 16, 8, lowercase=True):
            yield Found(ADDRESS, m.start(), m.end(), text[m.start() : m.end()], "an apartment or unit number")
    if t.has(_BLOCK_LOT_KEYS):
        for m in around_digits(t, _BLOCK_LOT, 12, 24, lowercase=True):
            yield Found(ADDRESS, m.start(), m.end(), text[m.start() : m.end()], "a block and lot number")
    if t.has(_PART_ONLY_KEYS) or (
        t.has(_PART_KEYS)
        and ("no" in t.words or "number" in t.words or "," in text or search_at_digits(t, _ORDINAL))
    ):
        for m in around_digits(t, _NUMBERED_PART, 30, 8):
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "part of an address")


def addresses(t: Text, words: IdWords) -> list[Found]:
    out = [*locations(t), *address_parts(t)]
    if not t.digits:
        return out
    out += english_streets(t)
    out += french_streets(t)
    out += streets_then_numbers(t, words)
    return out


# ---------------------------------------------------------------- coordinates, plus codes, what3words

_DECIMAL_PAIR = re.compile(
    r"(?<![\w.\-])(?P<lat>[+\-]?\d{1,2}\.\d{3,})°?\s*(?P<ns>[NS])?\s*[,;/ ]\s*(?P<lon>[+\-]?\d{1,3}\.\d{3,})°?\s*(?P<ew>[EWO])?(?!\w|\.\d)"
)
_LAT_LONG = starts_of(
    ["lat", "latitude", "latitud"],
    r"\b(?:{})\.?\s*[:=]?\s*[+\-]?\d{1,2}[.,]\d+\s*°?\s*[NS]?[\s,;/]+"
    r"(?:lng|lon|long|longitude|longitud)\.?\s*[:=]?\s*[+\-]?\d{1,3}[.,]\d+\s*°?\s*[EWO]?",
    re.IGNORECASE,
)
_DMS = re.compile(
    r"\d{1,3}\s*°\s*\d{1,2}\s*['′’]\s*(?:\d{1,2}(?:[.,]\d+)?\s*(?:[\"″”]|''|′′))?\s*[NS]\b[\s,;]*"
    r"\d{1,3}\s*°\s*\d{1,2}\s*['′’]\s*(?:\d{1,2}(?:[.,]\d+)?\s*(?:[\"″”]|''|′′))?\s*[EWO]\b"
)
_PLUS_ALPHABET = "23456789CFGHJMPQRVWX"
_PLUS_CODE = re.compile(
    rf"(?<![\w+])(?:[{_PLUS_ALPHABET}]{{8}}|[{_PLUS_ALPHABET}]{{4}})\+[{_PLUS_ALPHABET}]{{2,3}}(?![\w+])"
)
_WHAT3WORDS = re.compile(r"///[^\W\d_]+\.[^\W\d_]+\.[^\W\d_]+")


def locations(t: Text) -> Iterator[Found]:
    text = t.text
    if t.digits and "." in text:
        for m in around_digits(t, _DECIMAL_PAIR, 2, 40, runs=runs_before(t, ".")):
            lat, lon = abs(float(m.group("lat"))), abs(float(m.group("lon")))
            if lat <= 90 and lon <= 180 and (m.group("ns") or m.group("ew") or "." in m.group("lat")):
                yield Found(ADDRESS, m.start(), m.end(), m.group(0).rstrip(), "GPS coordinates")
    for m in near_words(t, _LAT_LONG):
        yield Found(ADDRESS, m.start(), m.end(), text[m.start() : m.end()].rstrip(), "GPS coordinates")
    if "°" in text:
        for m in _DMS.finditer(text):
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "GPS coordinates")
    if "+" in text:
        for m in _PLUS_CODE.finditer(text):
            code = m.group(0)
            if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
                yield Found(ADDRESS, m.start(), m.end(), code, "a plus code (a map location)")
    if "///" in text:
        for m in _WHAT3WORDS.finditer(text):
            yield Found(ADDRESS, m.start(), m.end(), m.group(0), "a three-word map address (what3words)")


# ---------------------------------------------------------------- postal codes

_PIN = re.compile(r"[1-8](?<![\w,.₹$£€/][1-8])\d{2}\s?\d{3}(?![\w/\-]|[.,]\d)")
_PIN_BEFORE = re.compile(
    r"(?:\b(?:pin|pincode|pin\s*code|postal\s*code|post\s*code|zip(?:\s*code)?)\s*(?:no\.?|number)?\s*[:.\-–]?\s*"
    r"|(?<![\w’'.])(?P<w>[A-Z][\w’'.]*)\s*[,\-–:]?[ \t]*\n?[ \t]*)$"
)
_NOT_PLACE_BEFORE_PIN = split_words(
    "rs inr usd no section sec case fir over about nearly some than and or of the to with for by "
    "around almost only article rule clause page room code number id ref act ra lei ley loi law cep "
    "cp"
)
_UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d{1,2}[A-Z]?) \d[ABD-HJLNP-UW-Z]{2}\b")
_US_ZIP = re.compile(
    r"\b\d{5}-\d{4}\b|(?<=[ ,])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    r"|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC) \d{5}(?:-\d{4})?\b"
)
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b")
_CEP = re.compile(r"(?<![\w.\-/])\d{5}-\d{3}(?![\w\-/]|[.,]\d)")
# A code after its label, in any country's form: "C.P. 06000", "CEP 01304001", "ZIP 1100", "code postal 69003".
_POSTCODE_LABELS = (
    "c.p.", "c. p.", "cp", "cep", "zip", "zip code", "zipcode", "postal code", "post code", "postcode",
    "código postal", "codigo postal", "code postal",
)  # fmt: skip
_POSTCODE_LABELLED = starts_of(
    _POSTCODE_LABELS,
    r"(?<![\w’'\-])(?P<label>{})(?!\w)\s*[:.\-–]?\s*(?P<code>\d{5}-\d{3,4}|[a-z0-9]{3,4}[ \-]?[a-z0-9]{3,4}|\d{4,5})\b",
    re.IGNORECASE,
)
# A French code before its town, after a comma or at a line's start: "12 rue des Lilas, 69003 Lyon".
_FR_POSTCODE = re.compile(
    r"(?:(?<=,)|(?<=^)|(?<=\n))\s*(?P<code>(?:0[1-9]|[1-8]\d|9[0-8])\d{3})\s+[A-ZÀ-Ý][\w’'\-]+", re.MULTILINE
)
# A Philippine ZIP after a city: "Quezon City 1100", "Manila 1000", "Cebu City 6000".
_PH_ZIP = re.compile(
    r"(?P<city>(?:[A-Z][\w’'\-]+\s+){0,2}(?:City|[A-Z][\w’'\-]+))[ \t]+(?P<code>\d{4})(?![\w/\-]|[.,]\d)"
)


@functools.cache
def _knowledge():  # type: ignore[no-untyped-def]
    from generator.safety.detect.knowledge import load_knowledge

    return load_knowledge()


def _philippine_city(name: str) -> bool:
    if name.endswith(" City"):
        return True
    place = _knowledge().place(name)
    return place is not None and place.country == "PH"


def indian_pins(t: Text, words: IdWords | None = None) -> Iterator[Found]:
    text = t.text
    for m in around_digits(t, _PIN, 0, 10, runs=runs_of_length(t, 3, 6)):
        before = _PIN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        word = (before.group("w") or "").lower().rstrip(".")
        if word and (word in _NOT_PLACE_BEFORE_PIN or word in FUNCTION_WORDS or word in MONTHS):
            continue
        if word and words is not None and word in words.currencies and _knowledge().place(word) is None:
            continue  # "Kz 385 000", "Rs 120 000": an amount in a currency's letters ("Bolívar 130001" is
            # the Colombian department's postcode)
        after = _WORD_AFTER.match(text, m.end(), m.end() + 20)
        if after and (
            after.group(1).lower() in COUNT_NOUNS or (words is not None and _count_after(t, m.end(), words))
        ):
            continue  # "700000 people", "150 000 kwanzas": a count or an amount
        yield Found(POSTCODE, m.start(), m.end(), m.group(0), "an Indian PIN code")


def postcodes(t: Text, words: IdWords) -> list[Found]:
    if not t.digits:
        return []
    return [f for f in _postcodes(t, words) if not in_free_line(t.text, f.start, f.end)]


_LINE_AROUND = re.compile(r"[\d+(][\d \-.()]{4,}\d")


def in_free_line(text: str, s: int, e: int, home: str = "") -> bool:
    """The code is part of a free helpline's number ("Numero Verde Antitratta, 800 290 290"), or of a
    service's line in the story's own country (`home`: scan_contacts.home_line)."""
    from generator.safety.detect.scan_contacts import home_line, public_line, toll_free_at_home

    lo = s
    while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in " -.()+") and s - lo < 8:
        lo -= 1
    for m in _LINE_AROUND.finditer(text, lo, min(len(text), e + 12)):
        line = m.group().strip(" -.()")
        if (
            m.start() <= s
            and e <= m.end()
            and (public_line(line) or home_line(line, home) or toll_free_at_home(line, home))
        ):
            return True
    return False


def _postcodes(t: Text, words: IdWords) -> list[Found]:
    text = t.text
    out = list(indian_pins(t, words))
    lettered, five = runs_next_to_letters(t), runs_of_length(t, 5)
    for pattern, what, runs in (
        (_UK_POSTCODE, "a UK postcode", lettered),
        (_CA_POSTCODE, "a Canadian postcode", lettered),
        (_US_ZIP, "a US ZIP code", five),
        (_CEP, "a Brazilian postcode (CEP)", five),
    ):
        for m in around_digits(t, pattern, 5, 10, runs=runs):
            out.append(Found(POSTCODE, m.start(), m.end(), m.group(0), what))
    for m in near_words(t, _POSTCODE_LABELLED):
        code = text[m.start("code") : m.end("code")]
        if any(c.isdigit() for c in code) and (m.group("label") != "cp" or code.isdigit() and len(code) == 5):
            out.append(Found(POSTCODE, m.start(), m.end(), text[m.start() : m.end()], "a postal code"))
    if "," in text or "\n" in text:
        for m in around_digits(t, _FR_POSTCODE, 4, 40, runs=five):
            if not _count_after(t, m.end("code"), words):
                out.append(Found(POSTCODE, m.start("code"), m.end("code"), m.group("code"), "a postal code"))
    fours = [
        r
        for r in runs_of_length(t, 4)
        if "0400" <= text[r[0] : r[1]] and not _YEAR_NUMBER.fullmatch(text[r[0] : r[1]])
    ]
    for m in around_digits(t, _PH_ZIP, 40, 6, runs=fours):
        code = m.group("code")
        if not _YEAR_NUMBER.fullmatch(code) and _philippine_city(m.group("city")):
            out.append(Found(POSTCODE, m.start("code"), m.end("code"), code, "a Philippine ZIP code"))
    return out
