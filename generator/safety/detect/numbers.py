"""Default deny for numbers and links: every long number and every link must say what it is.

A number is explained when it is a count, an age, a year, an amount, a percentage, a time, a
statistic or a citation of a law ("Section 370", "Lei 13.344/2016", "RA 9208"); a code made of
letters and digits when the vocabularies know it ("COVID-19", "BR-116"). Anything else of five
digits or more, or a code of six characters or more with two digits, may be an identity card, a
case file, a phone or a plate: a finding. Identifiers with a known format are found first by the
identifier detectors (textscan); what they claimed is not reported again.

A link is explained when it leads to the site itself, the organisation's own domains, or a public
body's site (a government, the UN); anything else (a video, a drive folder, a stranger's page) may
show or reach a person: a finding. Profiles on social platforms are the identifier detectors' own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator
from urllib.parse import SplitResult, urlsplit

from generator.safety.detect.scan_contacts import link_host
from generator.safety.detect.scanbase import Found
from generator.safety.detect.vocab import Vocabulary

UNEXPLAINED_NUMBER = "UNEXPLAINED-NUMBER"
UNEXPLAINED_LINK = "UNEXPLAINED-LINK"

# Public bodies' domains, anywhere: a link there shows no one.
PUBLIC_SUFFIXES = (
    ".gov", ".gov.in", ".nic.in", ".gov.ph", ".gob.mx", ".gov.br", ".jus.br", ".mp.br", ".gc.ca",
    ".gouv.fr", ".gouv.qc.ca", ".gov.uk", ".gov.bd", ".gov.np", ".go.ke", ".europa.eu", ".int",
    ".un.org", ".unicef.org", ".ilo.org", ".iom.int", ".unodc.org", ".who.int",
)  # fmt: skip
PUBLIC_HOSTS = (
    "un.org",
    "unicef.org",
    "ilo.org",
    "iom.int",
    "unodc.org",
    "interpol.int",
    "unhcr.org",
    "ohchr.org",
    "unesco.org",
    "undp.org",
    "unwomen.org",
    "unfpa.org",
    "wfp.org",
    "worldbank.org",
    "osce.org",
)
_CODE = re.compile(r"(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|ère|o|a|º|ª|km|kg|m|cm|h|am|pm|min|s)", re.IGNORECASE)


_DIGITS = re.compile(r"\d+(?:[.,:/\-]\d+)*")
_WORDS_OF = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|[%‰$€£₹₱¥]|r\$")


def find_numbers(
    text: str,
    vocab: Vocabulary,
    claimed: list[tuple[int, int]],
    allowed_phones: tuple[str, ...] = (),
    home: str = "",
) -> list[Found]:
    """Long numbers and codes nobody explained (outside the spans identifier detectors claimed).
    Read at the digits only: a story's digits are few, its words many. A number the site lists in
    `safety.allowed_phones` (its last ten digits, as there) is explained: the site's own hotline."""
    out: list[Found] = []
    last_code_end = -1
    for m in _SPACED.finditer(text):
        s, e = m.span()
        number = m.group()
        if sum(c.isdigit() for c in number) < 6 or any(a <= s < b or a < e <= b for a, b in claimed):
            continue
        claimed = [*claimed, (s, e)]  # its groups are read as this one number, not one by one
        if _spaced_explained(text, s, e, vocab) or _free_line(text, s, home, vocab):
            continue
        if allowed_phones and _listed_phone(text, s, allowed_phones):
            continue
        out.append(Found(UNEXPLAINED_NUMBER, s, e, number, "a long number"))
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        if s < last_code_end or any(a <= s < b or a < e <= b for a, b in claimed):
            continue
        code = _code_around(text, s, e)
        if code is not None:
            cs, ce = code
            last_code_end = ce
            if not _code_explained(text[cs:ce], _before_words(text, cs), vocab) and not _slug_in_a_link(
                text, cs, ce
            ):
                out.append(Found(UNEXPLAINED_NUMBER, cs, ce, text[cs:ce], "a code of letters and digits"))
            continue
        number = m.group()
        if sum(c.isdigit() for c in number) < 5 or _explained_number(text, s, e, vocab):
            continue
        if allowed_phones and _listed_phone(text, s, allowed_phones):
            continue
        if (
            _free_line(text, s, home, vocab)
            or _said_free(text, s, number, vocab)
            or _inside_a_free_line(text, s, e, home, vocab)
        ):
            continue  # "1-888-373-7888", "800 290 290", "toll-free on 18555": a helpline's free number
        out.append(Found(UNEXPLAINED_NUMBER, s, e, number, "a long number"))
    return out


_PHONE_RUN = re.compile(r"\d[\d \-().]*\d")

# Digits in groups split by spaces ("700 512 345", "8734 2210", "1 250 000"): one number, however it is
# grouped. Six digits or more ("204 518", a school enrolment: red team 25); shorter runs are read group
# by group. (Its first digit comes first, the lookbehind after it: `re` then skips ahead to the digits.)
_SPACED = re.compile(r"\d(?<![\d.,:/\-]\d)\d{0,4}(?:[ \u00a0\u202f]\d{2,4}){1,4}(?![\d.,:/\-]\d)")


def _spaced_explained(text: str, s: int, e: int, vocab: Vocabulary) -> bool:
    """A number in space-split groups is explained as any number is (an amount, a count, a law's), as
    years one after another ("2019 2020 2021"), as a round figure ("2 500 000 talibés", "ay 3 000 000"),
    or as thousands before what they count ("1 250 345 habitants"). Else it may be a phone ("700 512 345"
    in Dubai) or an ID, in a table's row too (red team 25: a mother's mobile, a DNI, an RG)."""
    number = text[s:e]
    groups = number.split()
    if all(_YEAR.fullmatch(g) for g in groups) or _explained_number(text, s, e, vocab):
        return True
    if not SPACED_THOUSANDS.fullmatch(number):
        return False
    # a round figure ("3 000 000", "2 500 000"): a count or an amount; phones and IDs are not round
    return groups[-1] == "000" or counted_after(text, e, vocab["quantity_words"])


# Thousands split by spaces ("1 250 000"), and what they count after them: a word of counting
# (`quantity_words`: "habitants", "abonnés"), a Filipino linker or "de" between or not. Not any
# plural-looking word: red team 25's "compte 123 456 789 plusieurs fois", "file 204 518 shows".
SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")
_WORD_AFTER = re.compile(r"\s+(?:(?:na|ng|de|of)\s+|d['’])?([^\W\d_]+)")  # "33 000 000 de habitantes"


def counted_after(text: str, end: int, quantities: Container[str]) -> bool:
    m = _WORD_AFTER.match(text, end)
    return m is not None and m.group(1).casefold() in quantities


def _free_line(text: str, s: int, home: str, vocab: Vocabulary) -> bool:
    """The number written from s on is a service's line or a toll-free line of the story's own country
    (scan_contacts.home_line, toll_free_at_home), or a free line of another country's plan
    (scan_contacts.public_line), unless it is also a personal number at home the text does not call a free line
    (`_called_a_line`)."""
    from generator.safety.detect.scan_contacts import (
        home_line,
        personal_at_home,
        public_line,
        toll_free_at_home,
    )

    run = _PHONE_RUN.match(text, s)
    if run is None:
        return False
    line = run.group().strip(" -.()")
    # "01 8000 91 80 80": toll-free in the story's own country (Colombia's plan), whatever its shape
    if home_line(line, home) or toll_free_at_home(line, home):
        return True
    return public_line(line) and not (personal_at_home(line, home) and not _called_a_line(text, s, vocab))


def _inside_a_free_line(text: str, s: int, e: int, home: str, vocab: Vocabulary) -> bool:
    """The digits are the end of a free line's number ("01 8000 522020", Colombia's plan), not a
    personal number at home the text does not call a free line (`_called_a_line`)."""
    from generator.safety.detect.scan_addresses import in_free_line
    from generator.safety.detect.scan_contacts import personal_at_home

    if not in_free_line(text, s, e, home):
        return False
    run = _PHONE_RUN.search(text, max(0, s - 8))
    line = run.group().strip(" -.()") if run is not None and run.start() <= s else text[s:e]
    return not (personal_at_home(line, home) and not _called_a_line(text, s, vocab))


def _called_a_line(text: str, s: int, vocab: Vocabulary) -> bool:
    """The text calls the number a free line right before it (`free_line_words`, one joiner between or
    not: "la línea gratuita 900 10 50 90"). Asked of a number that is another country's free line but a
    personal number at home: "900 412 377" in Lima is a mobile, whoever's it is said to be, and a line
    named earlier in the sentence is not this number ("su madre llamó a la línea de ayuda desde su
    celular, 900 412 377": red teams 25, 27)."""
    before = _clause_words(text, s)
    free, joiners = vocab["free_line_words"], vocab["free_line_joiners"]
    n = len(before)
    return any(
        free.match(before, i) == n - i or (free.match(before, i) == n - 1 - i and before[-1] in joiners)
        for i in range(n)
    )


def _said_free(text: str, s: int, number: str, vocab: Vocabulary) -> bool:
    """A short number (six digits at most) the text calls a free public line a few words before it
    ("call the Victim Support Unit toll-free on 18555", "le numéro vert 116 006"): a service's code."""
    if not number.isdigit() or len(number) > 6:
        return False
    before = _clause_words(text, s, 60)  # not across a sentence's end (red team 25)
    free = vocab["free_line_words"]
    if any(w in vocab["id_words"] for w in before):
        return False  # "her case number with the hotline: 204518", "son dossier au numéro vert : 204518"
    # the phrase right before the number, or before one word ("toll-free on 18555", "helpline: 1343")
    return any(free.match(before, i) == len(before) - i for i in range(len(before) - 1, -1, -1)) or any(
        free.match(before, i) == len(before) - 1 - i and before[-1] in vocab["free_line_joiners"]
        for i in range(len(before) - 1)
    )


def _listed_phone(text: str, s: int, allowed_phones: tuple[str, ...]) -> bool:
    """The number written from s on ("08000 121 700", spaces and all) is one the site lists."""
    run = _PHONE_RUN.match(text, s)
    digits = "".join(c for c in run.group() if c.isdigit()) if run else ""
    return any(digits.endswith(p) for p in allowed_phones if p)


def _code_around(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of a code of letters and digits run together around digits s..e ("MH12AB1234")."""
    lo = s
    while lo > 0 and (text[lo - 1].isalnum() or (text[lo - 1] == "-" and lo > 1 and text[lo - 2].isalnum())):
        lo -= 1
    hi = e
    while hi < len(text) and (
        text[hi].isalnum() or (text[hi] == "-" and hi + 1 < len(text) and text[hi + 1].isalnum())
    ):
        hi += 1
    code = text[lo:hi]
    if lo == s and hi == e or not any(c.isalpha() for c in code):
        return None
    if len(code) < 6 or sum(c.isdigit() for c in code) < 2 or _ORDINAL.fullmatch(code) or not code.isascii():
        return None
    return lo, hi


def _before_words(text: str, at: int, n: int = 4) -> list[str]:
    return [_ELIDED.sub("", w.lower()) for w in _WORDS_OF.findall(text, _clause_start(text, at, 60), at)][-n:]


# Where a sentence, a table's cell or a block ends: a word of one says nothing of a number in the next
# (red team 27: "…her enrolment number by heart, 204518. Teachers say…", "| Enrolment | 204518 |" over
# "| Days absent | 3 |", a heading's last word over a paragraph's first number).
_CLAUSE_END = re.compile(r"[|\n]|[.!?…](?=[\s\"”»)*_]*\s)")
_ABBREVIATED = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,3}\.$")  # "Rs.", "No.", "Art.", "al.": not an end


def _clause_words(text: str, at: int, reach: int = 120) -> list[str]:
    """The words of the clause before position `at` (up to `reach` characters back)."""
    return [_ELIDED.sub("", w.lower()) for w in _WORDS_OF.findall(text, _clause_start(text, at, reach), at)]


def _clause_start(text: str, at: int, reach: int) -> int:
    """Where the clause holding position `at` starts, looking back at most `reach` characters."""
    lo = max(0, at - reach)
    start = lo
    for m in _CLAUSE_END.finditer(text, lo, at):
        if (
            m.group() == "."
            and _ABBREVIATED.search(text, max(0, m.start() - 4), m.end())
            and _goes_on(text, m.end())
        ):
            continue  # "Rs. 5,000", "Act No. 9208", "al. 2"; not "the POCSO Act. Her POCSO number"
        start = m.end()
    return start


def _goes_on(text: str, at: int) -> bool:
    """The sentence goes on after a full stop: a digit or a lowercase letter comes next."""
    rest = text[at : at + 8].lstrip()
    return bool(rest) and (rest[0].isdigit() or rest[0].islower())


def _clause_end(text: str, at: int, reach: int) -> int:
    """Where the clause holding position `at` ends, looking ahead at most `reach` characters."""
    hi = min(len(text), at + reach)
    m = _CLAUSE_END.search(text, at, hi)
    return m.start() if m is not None else hi


_ELIDED = re.compile(r"^(?:l|d|qu|n|s|j|c)['’]")  # "l'article", "d'après": the word after the elision


def _after_words(text: str, at: int, n: int = 3) -> list[str]:
    return [w.lower() for w in _WORDS_OF.findall(text, at, _clause_end(text, at, 40))][:n]


# A road's number: a federal or national highway's letters, a hyphen and two to four digits ("BR-232",
# "NH-44", "MEX-200", "RN-7"): a road across a country, no one's address.
_ROAD = re.compile(r"(?:BR|NH|SH|AH|MEX|RN|RS|SP|MG|BA|PE|GO|PR|SC|CE|PA|AM|RJ|ES|MT|MS|N|A|E|M|I)-\d{1,4}")


# A Filipino ordinal: "ika-128 na anibersaryo", "ika-3 ng Hunyo".
_ORDINAL_FIL = re.compile(r"ika-?\d{1,4}", re.IGNORECASE)


# An age group: "under-16s", "over-65s", "la Sub-17", "U-20" (a bracket of ages, no one's number).
_AGE_GROUP = re.compile(r"(?:under|over|sub|u)-?\d{1,2}s?", re.IGNORECASE)


def _code_explained(code: str, before: list[str], vocab: Vocabulary) -> bool:
    if _compound(code) or _ROAD.fullmatch(code) or _ORDINAL_FIL.fullmatch(code) or _AGE_GROUP.fullmatch(code):
        return True
    amount = _AMOUNT.fullmatch(code)
    if (
        amount
        and amount.group(1).casefold() in vocab["currencies"]
        and (_SEPARATED.fullmatch(amount.group(2)) or len(amount.group(2)) <= 5)
    ):
        return True  # "Q2,000", "KSh1,500": a currency's letters before an amount
    lowered = code.casefold()
    return any(
        lowered in vocab[s] for s in ("public_bodies", "laws", "regions", "platforms", "not_names")
    ) or (
        bool(before)
        and _a_law_word(before[-1], vocab)
        # a judgment's, a plan's or a certificate's code is a document's number ("care plan CP-204518")
        and before[-1] not in vocab["not_law_words"]
        and before[-1] not in vocab["not_statute_words"]
    )


_SHORT_NUMBER = re.compile(r"\d{1,3}")
_AMOUNT = re.compile(r"([A-Za-z]{1,3})(\d[\d,.]*)")
_LOWER_WORD = re.compile(r"[A-Za-z][a-z]+")


def _a_law_word(word: str, vocab: Vocabulary) -> bool:
    """A law's word, not a number's ("no", "number": "Act No. 9208" has its law word before; "her
    aunt's number 302417" has none)."""
    return word in vocab["law_words"] and word not in vocab["number_abbreviations"]


def _slug_in_a_link(text: str, cs: int, ce: int) -> bool:
    """A campaign's or a page's slug in a link's path or query ("?utm_campaign=corazon-azul-2027",
    "/30-de-julho-2027"): lowercase words, two or more, and only a year or a day between or after them."""
    if cs == 0 or text[cs - 1] not in "=/":
        return False
    parts = text[cs:ce].split("-")
    words = [p for p in parts if p.isalpha()]
    return (
        len(words) >= 2
        and all(p.islower() for p in words)
        and all(p.isalpha() or (p.isdigit() and (len(p) <= 2 or _YEAR.fullmatch(p))) for p in parts)
    )


def _compound(code: str) -> bool:
    """A short number followed by words, joined by hyphens, is a count or an age written as one word
    ("17-year-old", "3-day", "24-hour", "2nd-floor"; "17-Year-Old" in a title), not a code: a code's
    letters are capitals, come first or run into its digits ("WB-02-AK-4411", "A083472", "Nag-15")."""
    first, *words = code.split("-")
    return (
        bool(words)
        and (_SHORT_NUMBER.fullmatch(first) is not None or _short_ordinal(first))
        and all(_LOWER_WORD.fullmatch(w) for w in words)
    )


def _short_ordinal(part: str) -> bool:
    digits = len(part) - len(part.lstrip("0123456789"))
    return digits <= 3 and _ORDINAL.fullmatch(part) is not None


def _explained_number(text: str, s: int, e: int, vocab: Vocabulary) -> bool:
    """A year, an amount, a count, a percentage, a time or a law's number."""
    number = text[s:e]
    if _YEAR.fullmatch(number) or _year_range(number):
        return True
    if ":" in number and sum(c.isdigit() for c in number) <= 4:
        return True
    before = _before_words(text, s)
    after = _after_words(text, e)
    near = text[max(0, s - 4) : s] + text[e : e + 3]
    if _currency_next_to(before, after, vocab) or any(c in "%‰$€£₹₱¥" for c in near):
        return True
    if _in_an_amounts_column(text, s, e, vocab):
        return True  # "| Monto (RD$) |" over "| 68,000 |": the column's header says what it holds
    signs = text[max(0, s - 2) : s].strip()[-1:] + text[e : e + 2].strip()[:1]
    if any(unicodedata.category(c) == "Sc" for c in signs):
        return True  # any currency's sign right next to it: "₩6,834,000", "₦45,000", "৳ 12,000"
    if after and (after[0] in vocab["quantity_words"] or vocab["quantity_words"].match(after, 0)):
        return _grouped(number)
    unit = _UNIT_LETTERS.match(text, e)
    if unit and _SEPARATED.fullmatch(number) and _currency_code(unit.group().strip().casefold(), vocab):
        return True  # "250.000 ECV de dívida", "12,000 KES": thousands, then a currency's code
    if (
        _SEPARATED.fullmatch(number)
        and _COUNTED.match(text, e)
        and not any(
            w in vocab["id_words"] for w in _clause_words(text, s)
        )  # "A matrícula dela … é 204.518 desde"
        # millions and more are counted round ("1,200,000 visitors"); nine digits in threes before any
        # word are a phone ("le escribía al 612.345.789 todas las noches")
        and (sum(c.isdigit() for c in number) <= 6 or number.endswith("000"))
    ):
        return True  # "27,400 parents came", "14,300 na estudyante": thousands, then what they count
    if _law_cited(text, s, vocab) or (
        before and before[-1] in vocab["laws"] and _RIGHT_AFTER_A_WORD.search(text, max(0, s - 8), s)
    ):
        return True  # "Section 370", "Lei 13.344/2016", "Republic Act No. 9208"
    words = _comparative_right_before(before, vocab)
    return (
        words > 0
        and _RIGHT_AFTER_A_WORD.search(text, max(0, s - 8), s) is not None
        and (_count_shaped(number) or (words > 1 and _grouped(number)))  # "más de 150000"
    )


_RIGHT_AFTER_A_WORD = re.compile(r"[^\W\d_]['’]?[ \u00a0\u202f]{1,3}$")  # "of 20,000", not "of: 612 345 678"


def _count_shaped(number: str) -> bool:
    """Written like a count after "more than", "de", "sur": thousands separated (a plain "204518" after
    "registered under" or "es de" is a file's number: red team 27), millions round ("612 345 678" is a
    phone however it is introduced)."""
    if not (_SEPARATED.fullmatch(number) or SPACED_THOUSANDS.fullmatch(number)):
        return False
    return sum(c.isdigit() for c in number) <= 6 or number.endswith("000")


_RAW_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*[º°]?|[º°]")  # "N°", "nº": one word
_ELIDED_ANY = re.compile(r"^(?:l|d|qu|n|s|j|c)['’]", re.IGNORECASE)  # "L'Article" is "Article"
_RANGE_JOINERS = frozenset(("and", "to", "y", "a", "e", "et", "à", "or", "o", "ou", "at", "hanggang"))


_SCALES = frozenset(("mil", "million", "millions", "millón", "millones", "milhão", "milhões", "mille",
                     "milliard", "milliards", "billion", "billions", "thousand", "libo", "libong", "milyon",
                     "milyong", "na", "ng", "de", "of", "d"))  # fmt: skip


_TABLE_RULE = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")


def _in_an_amounts_column(text: str, s: int, e: int, vocab: Vocabulary) -> bool:
    """The number fills a table's cell by itself, in a column whose header names a currency ("Monto
    (RD$)", "Amount, KES", "Coût (FCFA)"): an amount, written like one (thousands separated, or six
    digits at most; millions round). A cell under "Teléfono", or a number in a row's label, says
    nothing of the kind (red team 25: a mother's mobile, a DNI in tables)."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not line.lstrip().startswith("|"):
        return False
    cells = line.split("|")
    offset, column = line_start, -1
    for n, cell in enumerate(cells):
        if offset <= s and e <= offset + len(cell):
            column = n
            break
        offset += len(cell) + 1
    if column < 0 or cells[column].strip() != text[s:e]:
        return False  # alone in its cell: not "Cuenta 612.345.789"
    number = text[s:e]
    digits = sum(c.isdigit() for c in number)
    if not _grouped(number) or (digits > 6 and not number.endswith("000")):
        return False
    header = _table_header(text, line_start)
    if header is None or column >= len(header):
        return False
    words = [_ELIDED.sub("", w.lower()) for w in _WORDS_OF.findall(header[column])]
    return any(w in vocab["currencies"] or w in "$€£₹₱¥" for w in words) or any(
        unicodedata.category(c) == "Sc" for c in header[column]
    )


def _table_header(text: str, row_start: int) -> list[str] | None:
    """The cells of the header row of the table the row starting at `row_start` is in."""
    at = row_start
    while at > 0:
        prev_start = text.rfind("\n", 0, at - 1) + 1
        prev = text[prev_start : at - 1]
        if not prev.lstrip().startswith("|") and not _TABLE_RULE.fullmatch(prev.strip()):
            return None
        if _TABLE_RULE.fullmatch(prev.strip()):
            head_start = text.rfind("\n", 0, prev_start - 1) + 1
            head = text[head_start : prev_start - 1] if prev_start > 0 else ""
            return head.split("|") if head.lstrip().startswith("|") else None
        at = prev_start
    return None


def _currency_next_to(before: list[str], after: list[str], vocab: Vocabulary) -> bool:
    """A currency's word or letters right before the number ("P500", "Rs. 5,000", "KSh 1,500") or right
    after it, a scale or a linker between or not ("500 pesos", "15 mil reais", "1,500 na piso"). Not
    one two words off: "her aunt's number 918275 sent P500", "918275 with real news" (red team 25's
    kind of slip)."""
    currencies = vocab["currencies"]
    if before and before[-1] in currencies:
        return True
    if after and after[0] in currencies:
        return True
    return len(after) > 1 and after[0] in _SCALES and after[1] in currencies


def _comparative_right_before(before: list[str], vocab: Vocabulary) -> int:
    """A comparative ending right before the number ("more than 20,000", "cerca de 15 000", "mga
    40,000"), or before the range's joiner ("between 20,000 and 30,000"): its number of words, 0 when
    there is none. Not one further back: "de" and "of" are comparatives, and "el número de su tía es
    918275" is a phone (red team 25)."""
    comparatives = vocab["comparatives"]
    n = len(before)
    for i in range(n):  # the longest first: "más de", not "de"
        m = comparatives.match(before, i)
        if m and (i + m == n or (i + m == n - 1 and before[-1] in _RANGE_JOINERS)):
            return m
    return 0


def _law_cited(text: str, s: int, vocab: Vocabulary) -> bool:
    """A law's word cites the number: right before it ("Section 370", "RA 9208", "art. 149"), before a
    number's abbreviation ("Act No. 9208", "Lei nº 13.344") or before the law's own name in capitals
    ("Ley Orgánica 10/1995", "Lei Maria da Penha 11.340"). Not one words away in the sentence ("her
    birth certificate says 918275", "llamó a su tía al 452317": "al" is French for a law's paragraph);
    not a document's word ("registro", "certificate": `not_law_words`). A law's abbreviation that is
    also a small word or a letter ("al", "s", "l") is written with its full stop or in capitals."""
    window = text[max(0, s - 80) : s]
    cut = _clause_start(text, s, 80) - max(0, s - 80) - 1  # within the sentence
    words = [
        (_ELIDED_ANY.sub("", m.group()).replace("°", "º"), m.end())
        for m in _RAW_WORD.finditer(window, cut + 1)
    ]
    abbreviations, connectors = vocab["number_abbreviations"], vocab["connectors"]
    k = len(words) - 1
    numbered = False
    while k >= 0 and words[k][0].casefold() in abbreviations and not _law_word_here(words[k], window, vocab):
        numbered = True
        k -= 1  # "No.", "nº", "Blg."
    named = 0
    while k >= 0 and not _law_word_here(words[k], window, vocab) and named < 5:
        word = words[k][0]
        # the law's name in capitals, or, before a number's abbreviation, its adjective ("loi organique n°")
        if not (word[:1].isupper() or (named and word.casefold() in connectors) or (numbered and named < 2)):
            return False  # a lowercase word between: the law's word is not about this number
        named += 1
        k -= 1
    return k >= 0 and _law_word_here(words[k], window, vocab)


def _law_word_here(word: tuple[str, int], window: str, vocab: Vocabulary) -> bool:
    raw, end = word
    low = raw.casefold()
    if not _a_law_word(low, vocab) or low in vocab["not_law_words"]:
        return False
    if len(low) > 1 and low not in vocab["connectors"]:
        return True
    return window.startswith(".", end) or raw.isupper()


# A number written with its thousands separated ("27,400", "1.436", "3,00,000"), and a lowercase word
# after it, a Filipino linker between or not: what is counted.
_SEPARATED = re.compile(r"\d{1,3}(?:[,.]\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}")
_COUNTED = re.compile(r"\s+(?:(?:na|ng)\s+)?[^\W\d_A-Z][^\W\d_]{2,}")


_UNIT_LETTERS = re.compile(r"[ \u00a0\u202f]?[A-Z]{2,4}(?![\w\-])")


def _currency_code(letters: str, vocab: Vocabulary) -> bool:
    """Letters after thousands that say what they are: a currency's code ("KES", "ECV"), not the body
    that issued the number ("1.234.567 MTE", a work card's number and its ministry: red team 25)."""
    return (
        letters in vocab["currencies"]
        and letters not in vocab["public_bodies"]
        and letters not in vocab["id_words"]
    )


_YEAR_RANGE = re.compile(r"((?:1[89]|20)\d\d)[-–/]((?:1[89]|20)?\d\d)")


def _year_range(number: str) -> bool:
    """Years from one to a later one ("2019-2021", "2019/20"); not "2024/1987", a case's reference."""
    m = _YEAR_RANGE.fullmatch(number)
    if m is None:
        return False
    first, last = m.group(1), m.group(2)
    end = int(first[:2] + last) if len(last) == 2 else int(last)
    return int(first) < end <= int(first) + 30


def _grouped(text: str) -> bool:
    """Written like an amount or a count: thousands separated ("1,100", "2.000", "10 000"), or short."""
    return bool(
        re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+(?:[.,]\d+)?|\d{1,6}(?:[.,]\d+)?", text)
        or re.fullmatch(r"\d{1,2}(?:,\d\d)+,\d{3}", text)  # lakhs and crores: "3,00,000"
    )


_TLD = "com|org|net|gov|edu|in|ph|mx|br|ca|fr|uk|io|me|be|ly|gl|co|info|tv"  # the domains a link is read by
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]"
    rf"|\b(?:[a-z0-9\-]+\.)+(?:{_TLD})"
    r"(?:/[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?])?\b",
    re.IGNORECASE,
)


_LINK_HINTS = ("://", "www.", ".com", ".org", ".net", ".gov", ".edu", ".in", ".ph", ".mx", ".br", ".ca", ".fr",
               ".uk", ".io", ".me", ".be", ".ly", ".gl", ".co", ".info", ".tv", ".COM", ".ORG")  # fmt: skip
# "://", "www." or a word's dot before a top-level domain (`\w\.(?:…)\b`), written to start with the ":"
# or "." it needs, so that `re` skips ahead to those characters.
_LINKISH = re.compile(rf"[:.](?:(?<=:)//|(?<=www\.)|(?<=\w\.)(?:{_TLD})\b)", re.IGNORECASE)


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where the text's links are: web addresses, not e-mail addresses (the identifier detectors')."""
    if not any(hint in text for hint in _LINK_HINTS) or not _LINKISH.search(text):
        return []
    return [
        m.span()
        for start, end in _marked_stretches(text)
        for m in _LINK.finditer(text, start, end)
        if "@" not in m.group() and not (m.start() and text[m.start() - 1] == "@")
    ]


# What every link holds: "://", "www." or a dot before a top-level domain (as _LINKISH, but a dot after a
# hyphen too: "foo-.com").
_LINK_MARK = re.compile(rf"[:.](?:(?<=:)//|(?<=www\.)|(?<=\.)(?:{_TLD}))", re.IGNORECASE)
_SPACE = re.compile(r"\s")


def _marked_stretches(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of text between spaces that hold a `_LINK_MARK`: a link holds no space, so every
    link is inside one, and _LINK is tried only there instead of at every word (a space on either side
    reads as the text's end to its word boundaries)."""
    end = 0
    for m in _LINK_MARK.finditer(text):
        if m.start() < end:
            continue  # in the stretch already given
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, m.end())
        end = space.start() if space is not None else len(text)
        yield start, end


def find_links(
    text: str, links: list[tuple[int, int]], allowed_hosts: tuple[str, ...], claimed: list[tuple[int, int]]
) -> list[Found]:
    """Links (`link_spans`) to anywhere the site does not know."""
    out: list[Found] = []
    for s, e in links:
        if any(a <= s < b or a < e <= b for a, b in claimed):
            continue
        link = text[s:e]
        host = (_split(link).hostname or "").casefold().removeprefix("www.")
        if link_host(host) is not None:
            continue  # a platform's, a file host's or a map's: the identifier detectors' own (or allowed)
        if host and not _host_allowed(host, allowed_hosts):
            out.append(Found(UNEXPLAINED_LINK, s, e, link, "a link to another site"))
    return out


def _split(link: str) -> SplitResult:
    """A link's parts, read as a web address when it is written without its scheme ("e-enfance.org")."""
    return urlsplit(link if "://" in link else "https://" + link)


def a_homepage(link: str) -> bool:
    """The link leads to a site's front page, no path, query or fragment ("e-enfance.org",
    "https://www.modernslaveryhelpline.org/"): it shows an organisation, never a person's page."""
    parts = _split(link)
    return not parts.path.strip("/") and not parts.query and not parts.fragment


def a_helplines_site(text: str, s: int, link: str, vocab: Vocabulary) -> bool:
    """A free line's site: the sentence names a free line before the link ("pelo Disque 100 ou pelo site
    new.safernet.org.br"), or the address says it is one ("humantraffickinghotline.org")."""
    free = vocab["free_line_words"]
    host = (_split(link).hostname or "").casefold()
    if any(len(w) > 5 and w in host for w in (*free.single, *("".join(p) for p in free.phrases))):
        return True
    before = _clause_words(text, s, 200)
    return any(free.match(before, i) for i in range(len(before)))


# The second-level names governments publish under, in any country: "gov.ng", "gob.pe", "gouv.sn",
# "go.ke", "gv.at", "gub.uy", "govt.nz", "admin.ch", "fgov.be".
GOVERNMENT_LABELS = frozenset(["gov", "gob", "gouv", "go", "gv", "gub", "govt", "admin", "fgov", "gc", "nic"])


def _host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    if any(host == a or host.endswith("." + a) for a in allowed + PUBLIC_HOSTS):
        return True
    labels = host.split(".")
    if len(labels) >= 2 and (
        labels[-1] in ("gov", "int") or (len(labels[-1]) == 2 and labels[-2] in GOVERNMENT_LABELS)
    ):
        return True  # a government's own site: "www.gob.pe/mimp", "otsh.mai.gov.pt", "naptip.gov.ng"
    return host.endswith(PUBLIC_SUFFIXES)
