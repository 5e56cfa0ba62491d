"""Records that point to one person: ID, case and plate numbers, dates of birth and exact dates.

ID numbers are found two ways, both from the tables in idformats: by a shape specific enough to speak
alone (with its check digit where it has one), and by a label — the name of the document, case file
or plate — followed by a number. Dates of birth are a date in any of the five languages' forms near a
birth word ("born", "née", "nació", "nasceu", "ipinanganak") or after a birthday verb and an age ("she
turned 15 on 9 August"), unless what was born is a group or a project.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generator.safety.detect import idformats as fmt
from generator.safety.detect.idwords import VOCAB_JOINER, IdWords, keys_of
from generator.safety.detect.numbers import SPACED_THOUSANDS, counted_after
from generator.safety.detect.scanbase import (
    BIRTHDATE,
    DATE,
    EXPLAINED,
    NUMBER,
    NUMERIC_DATE,
    Found,
    Starts,
    Text,
    around_digits,
    near_words,
    runs_before,
    runs_in_groups,
    runs_next_to_letters,
    starts_of,
)

# ---------------------------------------------------------------- ID numbers by their shape


def shaped_numbers(t: Text) -> Iterator[Found]:
    """Numbers whose layout is an ID's (and whose check digit, where it has one, is right)."""
    runs = sorted({*runs_in_groups(t, 6), *runs_next_to_letters(t)})  # where an ID's digits can be
    for m in around_digits(t, fmt.SHAPE_PATTERN, 8, 30, runs=runs):
        shape = fmt.SHAPE_BY_KEY[m.lastgroup or ""]
        if shape.check is None or shape.check(m.group(0)):
            yield Found(NUMBER, m.start(), m.end(), m.group(0), shape.what)


# ---------------------------------------------------------------- ID numbers after their label

# Between a label and its number: punctuation, "no."/"nº"/"número", and the small words of "her CURP
# is", "su pasaporte es", "o CPF dela é", "le numéro est".
_MARKER = r"n[º°o]s?\.?|n\.\s?[º°o]\.?|nro\.?|núm\.?|num\.?|número|numéro|numero|number|#"
_FILLER = (
    r"is|was|are|were|reads?|reading|es|era|fue|est|était|é|foi|ay|ng|ni|de|del|do|da|du|des|of|the|her|his"
    r"|their|su|sus|son|sa|ses|seu|sua|dela|dele|niya|nya|ko|mo|ang|card|carte|cartão|tarjeta"
)
_GAP = rf"(?P<gap>\.?(?:[ \t:#=,()\-–—]|(?i:(?:{_MARKER})(?![^\W\d_]))|(?i:\b(?:{_FILLER})\b))*)"
# A number: groups of capitals and digits joined by one space, dot, slash or hyphen.
_VALUE = r"(?P<v>[A-Z0-9]+(?![^\W\d_])(?:(?:[ ./\-]|\. )[A-Z0-9]+(?![^\W\d_]))*)"
_LABEL_VALUE = re.compile(_GAP + _VALUE)
# For plates and unmistakable IDs, a few more words may come first ("the plate of the van was ABC-1234").
# A word in capitals before digits is not one of them: it is the plate's own letters ("ang plaka ng van ay
# KAB 4731"; "the plate on the black SUV was NBC 4521").
_FEW_WORDS = re.compile(
    r"(?:[ \t,:]+(?![A-Z]{2,}[ \t]*\d)[^\W\d_]+(?:[’'\-][^\W\d_]+)*){1,4}[ \t,:]+"
)  # words, no digits
_MARKER_IN_GAP = re.compile(rf"(?i:{_MARKER}|:|#)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d")
_LETTER_GROUP = re.compile(r" [A-Z]{2,}$")  # a word in capitals after the number ("… 4567 ON")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


@functools.lru_cache(maxsize=8)
def _labels(id_words: tuple[str, ...]) -> tuple[Starts, dict[str, fmt.Label]]:
    """Every label (the table's and the vocabularies' id_words), to be found in the lowercased text, and
    each label by its words (_label_key)."""
    labels = {_label_key(lab.text): lab for lab in fmt.LABELS}
    firsts = {key.split()[0] for key in labels}
    extra = [w for w in id_words if w.split()[0] not in firsts]  # the table says more ("case no": a case)
    for w in extra:
        labels.setdefault(_label_key(w), fmt.Label(w, fmt.ANY_ID, "an ID number"))
    entries = [lab.text.lower() for lab in fmt.LABELS] + extra
    return starts_of(entries, r"(?<![\w’'\-])(?:{})(?!\w)", joiner=VOCAB_JOINER), labels


def _label_key(text: str) -> str:
    """A label as its words: "F.I.R." and "f i r", "B.O." and "b o" are one label."""
    return " ".join(w for w in re.split(r"[\s.\-]+", text.lower()) if w)


def _written_as_label(written: str, label: fmt.Label) -> bool:
    """What the table writes in capitals must be in capitals ("sin" is Spanish for "without", "pan" is
    bread, but "GD entry" may be "GD Entry"); a short id word of the vocabularies must not be all
    lowercase."""
    written = " ".join(written.split())
    if label.text != label.text.lower() and (
        len(written) != len(label.text)
        or any(c.isupper() and not w.isupper() for c, w in zip(label.text, written))
    ):
        return False
    return not (len(_label_key(label.text).replace(" ", "")) <= 3 and written.islower())


def _value_after(t: Text, end: int, label: fmt.Label, words: IdWords) -> re.Match[str] | None:
    """The number after a label: right after it, past "no."/"nº"/"est"/"é"…, or, for a plate or a
    number that cannot be anything else (letters and five digits, or eight digits), a few words on
    ("the plate of the van was ABC-1234", "su pasaporte mexicano, número G12345678")."""
    m = _LABEL_VALUE.match(t.text, end)
    if m is not None and m.group("v") and not _is_number_for(m, label):
        m = None  # "ang plaka ng SUV ay NBC 4521": a vehicle's acronym, then its plate
    if (m is None or not m.group("v")) and label.kind != fmt.CASE:
        few = _FEW_WORDS.match(t.text, end)
        m = _LABEL_VALUE.match(t.text, few.end()) if few else None
        if m is not None and label.kind == fmt.ID and not _unmistakable(_value(m, label)):
            return None
    if m is None or not _is_number_for(m, label):
        return None
    after = _NEXT_WORD.match(t.text, m.end("v"))
    if after and after.group(1).lower() in words.quantities:
        return None  # "5000 pesos": an amount
    if (
        label.kind == fmt.ANY_ID
        and SPACED_THOUSANDS.fullmatch(_value(m, label))
        and counted_after(t.text, m.end("v"), words.quantities)
        and not _MARKER_IN_GAP.search(m.group("gap"))
    ):
        return None  # "le pays compte 1 250 000 habitants": thousands, then what they count
    return m


def _value(m: re.Match[str], label: fmt.Label) -> str:
    """The number, without a word in capitals after it ("… 4567 ON"), but a plate's letters kept."""
    return m.group("v") if label.kind == fmt.PLATE else _LETTER_GROUP.sub("", m.group("v"))


def _unmistakable(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return digits >= 8 or (digits >= 5 and any(c.isalpha() for c in value))


def _is_number_for(m: re.Match[str], label: fmt.Label) -> bool:
    value = _value(m, label)
    digits = sum(c.isdigit() for c in value)
    if digits == 0 or _YEAR_RANGE.fullmatch(value):
        return False
    marked = _MARKER_IN_GAP.search(m.group("gap")) is not None
    if _YEAR.fullmatch(value) and not marked:
        return False  # "the case of 2019": a year
    if label.kind == fmt.PLATE:
        return any(c.isalpha() for c in value) and 4 <= sum(c.isalnum() for c in value) <= 10
    if label.kind == fmt.CASE:
        return digits >= 3 or (digits >= 1 and any(c in value for c in "/-.")) or (marked and digits >= 2)
    if label.kind == fmt.ANY_ID:  # "conta 1500 voluntários" is a count; "account no. 1234" a number
        return digits >= 4 and (marked or digits >= 6 or any(c.isalpha() or c in "/-." for c in value))
    return digits >= 4


def labelled_numbers(t: Text, words: IdWords) -> Iterator[Found]:
    """A number right after the name of a document, a case file or a plate."""
    starts, labels = _labels(words.id_words)
    for m in near_words(t, starts):
        label = labels.get(_label_key(m.group(0)))
        if label is None:
            continue
        if not _written_as_label(t.text[m.start() : m.end()], label):
            continue
        v = _value_after(t, m.end(), label, words)
        if v is not None:
            end = v.start("v") + len(_value(v, label))
            yield Found(NUMBER, m.start(), end, t.text[m.start() : end], label.what)


def numbers(t: Text, words: IdWords) -> list[Found]:
    """ID numbers by shape and by label; where a label and a shape overlap ("plaque AB-123-CD"), one
    finding covering both, named by the shape when it says more ("PhilSys: 1234-5678-…" by the label)."""
    if not t.digits:
        return []
    shaped = list(shaped_numbers(t))
    out = []
    for f in labelled_numbers(t, words):
        over = [s for s in shaped if s.start < f.end and f.start < s.end]
        if over:
            end = max(f.end, *(s.end for s in over))
            what = f.what if over[0].what == fmt.ANY_NUMBER else over[0].what
            f = Found(NUMBER, f.start, end, t.text[f.start : end], what)
            shaped = [s for s in shaped if s not in over]
        out.append(f)
    return out + shaped


# ---------------------------------------------------------------- dates of birth

_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|º|°|o)?"
_YEAR_P = r"(?:19|20)\d\d"
_NUM_DATE = rf"(?<![\d/.\-])(?:{NUMERIC_DATE.pattern})(?![\d/\-]|\.\d)"


@functools.lru_cache(maxsize=8)
def _word_date(month: str) -> str:
    """A date with a day and a month in any of the five languages' orders, the year optional:
    "9 August 2010", "9th of August", "August 9, 2010", "3 mars 2010", "12 de mayo de 2009",
    "2 de abril de 2011", "1º de maio", "Mayo 4, 2010", "ika-4 ng Mayo"."""
    year = rf"(?:,?\s+(?:de\s+|del\s+)?{_YEAR_P})?"
    return (
        rf"(?:ika-?)?{_DAY}(?:\s+(?:of|de|ng))?\s+{month}{year}(?!\w)"
        rf"|{month}\s+{_DAY}(?!\d){year}(?!\w)"
    )


@functools.lru_cache(maxsize=8)
def _birth_pattern(words: IdWords) -> re.Pattern[str]:
    """After a birth word: up to six words, then the date ("born in Gaya on 9 August 2010", "née le 3
    mars 2010", "nació en un pueblo el 12 de mayo de 2009"); a year alone only after "date of birth"."""
    date = rf"(?:{_word_date(words.month_pattern)}|{_NUM_DATE})"
    return re.compile(
        rf"\.?(?P<gap>(?:[\s,:\-–]+(?![\d(])[^\s.!?;:\d]+){{0,6}}?)[\s,:\-–]+(?P<date>{date}|{_YEAR_P}(?![\d/\-]))",
        re.IGNORECASE,
    )


# An age after a birthday verb: "turned 15", "turned fifteen", "a fêté ses 15 ans", "cumplió quince años".
_AGE = re.compile(
    r"(?:\s+(?:her|his|their|ses|sus|su|seus|seu|kanyang|niyang))?"
    r"\s+(?:\d{1,2}(?:st|nd|rd|th|e|º)?\b|[^\W\d_]+\s+(?:years?|años|anos|ans|taon|taong)\b|[^\W\d_]+teen\b)",
    re.IGNORECASE,
)
# "10 years of work", "15 años de servicio": an anniversary ("anos de idade", "years of age" are ages).
_ANNIVERSARY = re.compile(
    r"(?:\s+(?:years?|años|anos|ans|taon))?\s+(?:of|de|da|do|d'|ng)\s+(?!age\b|idade\b|edad\b|âge\b)",
    re.IGNORECASE,
)
_EXPLICIT_BIRTH_LABEL = re.compile(
    r"of\s+birth|birth\s?date|dob|d\.o\.b|de\s+naissance|de\s+nacimiento|de\s+nascimento|ng\s+kapanganakan"
)
_CLAUSE_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_AND = frozenset({"and", "but", "y", "pero", "et", "mais", "e", "mas", "at", "ngunit"})
_RELATIVE = frozenset(
    {
        "who",
        "which",
        "that",
        "whom",
        "qui",
        "que",
        "dont",
        "quien",
        "quienes",
        "cuyo",
        "cuya",
        "quem",
        "cujo",
        "cuja",
        "na",
    }
)


def _clause_start(t: Text, at: int) -> int:
    return max(t.text.rfind(c, 0, at) for c in ".!?;\n") + 1


def _figurative(t: Text, at: int, words: IdWords) -> bool:
    """True when what is born (or turns an age) is a group, a project or the like: the nearest of the last
    four words before the birth word that is a subject says ("the savings group was born", "el proyecto
    nació", "Ang samahan ay isinilang"; but "she joined the group and was born…" is a person's). A
    relative clause between them is passed over: "o grupo que ela ajudou a criar nasceu…" is the
    group's, "the girl who joined our programme was born…" the girl's; after "that" or "que" following a
    verb, only the new clause counts ("descubrieron que cumplió…" is hers)."""
    before = _CLAUSE_WORDS.findall(t.low, _clause_start(t, at), at)
    relative = [i for i, w in enumerate(before[-8:]) if w in _RELATIVE]
    if relative:
        cut = len(before) - len(before[-8:]) + relative[-1]
        # what the relative word follows: a noun ("the girl who"), or one with its "of" ("o grupo de
        # poupança que"); a verb there ("descubrieron que") makes "que" open a clause of its own
        head = before[cut - 1 : cut]
        if cut >= 3 and before[cut - 2] in ("de", "of", "da", "do", "du", "ng", "del"):
            head.append(before[cut - 3])
        if any(w in words.figurative or w in words.people for w in head):
            before = before[:cut]  # "o grupo que ela ajudou a criar nasceu…", "the girl who joined…"
        else:
            # "descubrieron que cumplió 15 años…", "staff found that the programme turned 5": "that"
            # opens a clause of its own, whose subject is what comes after it (here no one named: hers)
            before = before[cut + 1 :]
    for w in reversed(before[-4:]):
        if w in words.people or w in _AND:
            return False  # a person is the subject, or another clause begins ("she joined the group and…")
        if w in words.figurative:
            return True
    return False


# Small words between a birth word and what is born after it: articles, markers, "on", "of", "then".
_BEFORE_SUBJECT = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "the",
        "le",
        "les",
        "l'",
        "ang",
        "ng",
        "mga",
        "noon",
        "noong",
        "de",
        "del",
        "do",
        "da",
        "of",
    ]
)


def _figurative_after(t: Text, at: int, words: IdWords) -> bool:
    """What is born is named after the birth word, as Filipino and a Spanish inversion put it ("Isinilang
    ang samahan noong…", "Así nació, el 14 de junio de 2024, el grupo de ahorro"; nothing but
    `birth_clause_openers` before the verb): the first word after it in its clause, past small words,
    month names and numbers, is a group, a project or the like, and no possessive of a third person
    follows it (`third_person_possessives`: "el centro de su mundo" is a child). A person there ("nació
    el 14 de junio la pequeña", "isinilang si…") is a person's birth."""
    before = _CLAUSE_WORDS.findall(t.low, _clause_start(t, at), at)[:-1]  # the birth word itself last
    if len(before) > 2 or any(w not in words.birth_openers for w in before):
        return False  # "Lucía nació el… en una comunidad": a subject before the verb, hers
    end = _CLAUSE_END.search(t.low, at)
    for m in _CLAUSE_WORDS.finditer(t.low, at, min(end.start() if end else len(t.low), at + 120)):
        w = m.group()
        if w in _BEFORE_SUBJECT or w in words.months:
            continue
        if w not in words.figurative:
            return False
        # "el centro de su mundo", "the light of her life": someone's, as a person is
        rest = _CLAUSE_WORDS.findall(t.low, m.end(), min(end.start() if end else len(t.low), m.end() + 40))
        return not any(r in words.theirs for r in rest[:3])
    return False


@functools.lru_cache(maxsize=8)
def _day_month(words: IdWords) -> re.Pattern[str]:
    return re.compile(rf"{_word_date(words.month_pattern)}|{_NUM_DATE}", re.IGNORECASE)


def _date_near_age(t: Text, verb: int, age_end: int, words: IdWords) -> tuple[int, int] | None:
    """The day and month of a birthday, in the verb's clause: after the age ("turned 15 on 9 August",
    "cumplió 15 años el 9 de agosto") or before the verb ("On 9 August she turned 15")."""
    end = _CLAUSE_END.search(t.text, age_end)
    stop = min(end.start() if end else len(t.text), age_end + 40)
    after = _day_month(words).search(t.text, age_end, stop)
    if after is not None:
        return after.span()
    start = max(_clause_start(t, verb), verb - 50)
    before = list(_day_month(words).finditer(t.text, start, verb))
    return before[-1].span() if before else None


def birthdates(t: Text, words: IdWords) -> Iterator[Found]:
    if not t.digits:
        return
    after_birth = _birth_pattern(words)
    for b in near_words(t, words.birth):
        m = after_birth.match(t.text, b.end())
        if m is None:
            continue
        if _figurative(t, b.start(), words) or _figurative_after(t, b.end(), words):
            # "the savings group was born on 8 March", "Así nació, el 14 de junio, el grupo": no person's date
            yield Found(EXPLAINED, b.start(), m.end(), t.text[b.start() : m.end()], "a figurative birth")
            continue
        if m.group(0).startswith(".") and "." not in b.group(0) and len(b.group(0)) > 3:
            continue  # "she was born. 3 May…": a full stop after a word, not after "D.O.B"
        if (
            _YEAR.fullmatch(m.group("date"))
            and not _EXPLICIT_BIRTH_LABEL.search(b.group(0))
            and not (words.feast_days.search(m.group("gap")) and words.feast_day_words.search(m.group("gap")))
        ):
            continue  # "born in 2010": an age, not a birth date (the jigsaw rule counts it); "born on
            # Independence Day in 2010" is a day of the year and a year: her birth date
        yield Found(BIRTHDATE, b.start(), m.end(), t.text[b.start() : m.end()], "a date of birth")
    for b in near_words(t, words.birthday_verbs):
        age = _AGE.match(t.text, b.end())
        if age is None or _ANNIVERSARY.match(t.text, age.end()):
            continue  # "turned away", "fez questão": no age; "celebrated 10 years of work": an anniversary
        date = _date_near_age(t, b.start(), age.end(), words)
        if date is None:
            continue
        start, end = min(b.start(), date[0]), max(age.end(), date[1])
        if _figurative(t, b.start(), words):  # "the network turned 5 on 9 August"
            yield Found(EXPLAINED, start, end, t.text[start:end], "a figurative birthday")
        else:
            yield Found(BIRTHDATE, start, end, t.text[start:end], "a date of birth")


# ---------------------------------------------------------------- exact dates (DATE-EXACT)

_YEAR_AFTER = rf",?\s+(?:de\s+|del\s+)?{_YEAR_P}(?!\d)"


def _cased(name: str) -> str:
    """A month name as a pattern for its capitalised form only ("May", "Mar", "Set")."""
    return f"(?:{name[0].upper()}{re.escape(name[1:])})"


@functools.lru_cache(maxsize=8)
def _exact_date(words: IdWords) -> tuple[re.Pattern[str], frozenset[str]]:
    """A day and a month of any of the vocabularies' languages, in either order, the year optional:
    "3 March 2019", "le 12 janvier 2025", "el 23 de diciembre de 2024", "4 de julho", "ika-4 ng Mayo",
    "Disyembre 23, 2024". What makes a month name a month and not a word: a name of four letters or
    more is one in any case after a day ("12 janvier"), but before a day only with its capital or a
    year ("Disyembre 23", not "they march 5 miles"); a short one ("may", "mar", "set", "out", "ago")
    only with its capital ("May 3", "Jan 5"), a dot ("3 dic."), a year ("3 set 2024") or an article
    before the day ("le 1er mai"), never in "9 out of 10". Also the words to look for first (the ASCII letters the month names start with)."""
    names = sorted(words.months, key=lambda m: (-len(m), m))
    long = [m for m in names if len(m) >= 4]
    short = [m for m in names if len(m) < 4]
    any_case = "|".join(re.escape(m) for m in long)
    capital = "|".join(_cased(m) for m in names if m[:1].isalpha())
    lower_short = "|".join(re.escape(m) for m in short)
    # after a day: a long name in any case, a capitalised name, or a short one with its dot or a year
    month_after_day = rf"(?:(?i:{any_case})\.?|(?:{capital})\.?|(?i:{lower_short})(?:\.|(?={_YEAR_AFTER})))"
    # before a day: a capitalised name, or a name in any case when the year follows the day
    day = rf"{_DAY}(?![\d/.:,\-]\d)(?!\d)"  # not "In May 2,300 people": thousands, no day
    pattern = (
        rf"(?<![\w\-])(?:ika-?)?{_DAY}(?:\s+(?:of|de|ng))?\s+{month_after_day}(?:{_YEAR_AFTER})?(?!\w)"
        rf"|(?<=\b(?:[Ll]e|[Ee]l|[Aa]u|[Dd]u)\s){_DAY}\s+(?i:{lower_short})(?!\w)"  # "le 1er mai", "el 3 dic"
        rf"|(?<![\w\-])(?:(?:{capital})\.?\s+{day}(?:{_YEAR_AFTER})?"
        rf"|(?i:{any_case}|{lower_short})\.?\s+{day}{_YEAR_AFTER})(?!\w)"
    )
    return re.compile(pattern), keys_of(set(names))


_NUM_DATE_RE = re.compile(_NUM_DATE)


def dates(t: Text, words: IdWords) -> list[Found]:
    """Exact dates: a day with a month name of any language, or a day, month and year in figures."""
    out: list[Found] = []
    if not t.digits:
        return out
    pattern, keys = _exact_date(words)
    if t.has(keys):
        for m in around_digits(t, pattern, 16, 24):
            out.append(Found(DATE, m.start(), m.end(), m.group(0), "an exact date"))
    for m in around_digits(t, _NUM_DATE_RE, 0, 12, runs=runs_before(t, "/.-")):
        out.append(Found(DATE, m.start(), m.end(), m.group(0), "an exact date"))
    return out
