"""Records that point to one person: ID and case numbers, dates of birth and exact dates."""

from __future__ import annotations

import re

from generator.safety.detect.lexicon import MONTH_PATTERN, MONTHS
from generator.safety.detect.scanbase import (
    BIRTHDATE,
    DATE,
    NUMBER,
    NUMERIC_DATE,
    Found,
    Text,
    around_digits,
    lowercase_twin,
)

# ---------------------------------------------------------------- ID and case numbers

_STATES = "AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UA|UP|WB"
# Shapes of ID numbers: capitals next to digits. One pass; the group that matched says what it is.
_CODES = re.compile(
    r"\b(?:(?P<pan>[A-Z]{5}\d{4}[A-Z])|(?P<voter>[A-Z]{3}\d{7})|(?P<passport>[A-Z][1-9]\d{6})"
    r"|(?P<vehicle>(?:"
    + _STATES
    + r")[ \-]?\d{1,2}[ \-]?[A-Z]{1,3}[ \-]?\d{4}|\d{2}[ \-]?BH[ \-]?\d{4}[ \-]?[A-Z]{1,2})"
    r"|(?P<ni>[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]))\b"
)
_CODE_NAMES = {
    "pan": "a PAN number",
    "voter": "a voter ID (EPIC) number",
    "passport": "a passport number",
    "vehicle": "a vehicle registration number",
    "ni": "a National Insurance number",
}
_CODE_HINT = re.compile(r"[A-Z][ \-]?\d|\d[ \-]?[A-Z]{2}")
_CASE = "a police or court case number"
_CASE_WORDS = frozenset(
    {
        "fir",
        "gd",
        "gde",
        "diary",
        "case",
        "crime",
        "cr",
        "complaint",
        "petition",
        "docket",
        "challan",
        "chargesheet",
        "charge",
        "ncr",
        "f",
    }
)
_NUMBER_WORDS = frozenset({"no", "nos", "number", "num"})
_CASE_LABEL = (
    r"\b(?:fir|f\.i\.r\.?|(?:gd|g\.d\.?|general\s+diary)(?:\s+entry)?|gde|(?:police\s+station\s+|p\.?s\.?\s+|sessions\s+"
    r"|special\s+|spl\.?\s+|pocso\s+|criminal\s+|police\s+)?case|crime|cr|c\.r\.|complaint|petition|diary|docket|challan"
    r"|charge\s*sheet|chargesheet|ncr|n\.c\.r\.?)\s*(?:no|nos|number|num)\.?\s*(?:[:.#]\s*)?"
    r"(?P<n>[a-z0-9][a-z0-9/.\-]*\d[a-z0-9/\-]*|\d)"
    r"|\b(?:fir|f\.i\.r\.?|gd|g\.d\.?|case)\s*[:#]?\s*\d{1,6}\s*(?:/|\s+of\s+)\s*(?:19|20)?\d{2}\b"
    r"|\b(?:fir|f\.i\.r\.)\s*[:#]?\s*\d{1,6}\b"
)
_CASE_NUMBER = re.compile(_CASE_LABEL, re.IGNORECASE)
_CASE_NUMBER_LOW = lowercase_twin(_CASE_LABEL)
_ID_WORDS = frozenset(
    {
        "aadhaar",
        "aadhar",
        "uid",
        "pan",
        "passport",
        "voter",
        "epic",
        "ration",
        "driving",
        "bank",
        "account",
        "ifsc",
        "uan",
        "esic",
        "birth",
        "admission",
        "roll",
        "enrolment",
        "enrollment",
        "student",
        "id",
        "identity",
        "registration",
        "c",
    }
)
_ID_LABEL = (
    r"\b(?:aadhaa?r|uid|pan|passport|voter\s*(?:id|card)|epic)\s*(?:card\s*)?(?:no|number|num)?\.?\s*[:#]?\s*"
    r"(?P<n>[a-z0-9][a-z0-9\-/]*\d(?:[ \-]\d[\d\-/]*)*)\b"
    r"|\b(?:ration\s*card|driving\s*licen[cs]e|bank\s*account|account|a/c|ifsc|uan|esic|birth\s*certificate"
    r"|admission|roll|enrolment|enrollment|student\s*id|id\s*card|identity\s*card|registration\s*certificate)"
    r"\s*(?:no|number|num)\.?\s*[:#]?\s*(?P<m>[a-z0-9][a-z0-9\-/]*\d(?:[ \-]\d[\d\-/]*)*)\b"
)
_ID_IN_CONTEXT = re.compile(_ID_LABEL, re.IGNORECASE)
_ID_IN_CONTEXT_LOW = lowercase_twin(_ID_LABEL)
_STRONG_ID_WORDS = frozenset({"aadhaar", "aadhar", "uid", "pan", "passport", "voter", "epic"})
_NON_DIGIT = re.compile(r"\D")


def _lowercase_in(text: str, m: re.Match[str], group: str) -> bool:
    return any(c.islower() for c in text[m.start(group) : m.end(group)])


def numbers(t: Text) -> list[Found]:
    out: list[Found] = []
    if not t.digits:
        return out
    text = t.text
    for m in around_digits(t, _CODES, 10, 16):
        out.append(Found(NUMBER, m.start(), m.end(), m.group(0), _CODE_NAMES[m.lastgroup or "pan"]))
    if t.has(_CASE_WORDS) and (t.has(_NUMBER_WORDS) or "/" in text or "fir" in t.words or "of" in t.words):
        for m in around_digits(t, _CASE_NUMBER_LOW, 60, 20, lowercase=True):
            if m.group("n") and _lowercase_in(text, m, "n"):
                continue  # "in case no one…": a number is written in capitals and digits
            value = text[m.start() : m.end()].rstrip(" .-/")
            out.append(Found(NUMBER, m.start(), m.start() + len(value), value, _CASE))
    if t.has(_STRONG_ID_WORDS) or (t.has(_ID_WORDS) and t.has(_NUMBER_WORDS)):
        for m in around_digits(t, _ID_IN_CONTEXT_LOW, 60, 30, lowercase=True):
            group = "n" if m.group("n") else "m"
            n = m.group(group) or ""
            if sum(c.isdigit() for c in n) >= 4 and not _lowercase_in(text, m, group):
                value = text[m.start() : m.end()].rstrip(" .-/")
                out.append(Found(NUMBER, m.start(), m.start() + len(value), value, "an ID number"))
    return out


# ---------------------------------------------------------------- dates

_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WORD_DATE = (
    rf"{_DAY}(?:\s+of)?\s+{MONTH_PATTERN}(?:,?\s+{_YEAR})?(?!\w)"
    rf"|{MONTH_PATTERN}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?(?!\w)"
)
_NUM_DATE = rf"(?<![\d/.\-])(?:{NUMERIC_DATE.pattern})(?![\d/\-]|\.\d)"
_WORD_DATE_RE = re.compile(_WORD_DATE)
_NUM_DATE_RE = re.compile(_NUM_DATE)
_NUM_DATE_HINT = re.compile(r"\d[/.\-]\d")
_BIRTH_WORDS = frozenset({"born", "birth", "dob", "birthday", "birthdate", "d"})
_BIRTH_RE = re.compile(
    r"(?i:\b(?:born|date\s+of\s+birth|d\.?\s?o\.?\s?b\b\.?|birth\s?date|birthday))"
    r"(?P<gap>(?:[\s,:\-–]+(?![\d(])[^\s.!?;:\d]+){0,4}?)[\s,:\-–]+"
    rf"(?P<date>{_WORD_DATE}|{_NUM_DATE}|{_YEAR}(?![\d/\-]))"
)
_YEAR_ONLY = re.compile(_YEAR)
_BIRTH_LABEL_EXPLICIT = re.compile(r"d\.?\s?o\.?\s?b|of\s+birth|birth\s?date")
_MONTH_WORDS = frozenset(MONTHS) - {"may", "march", "mar"}  # verbs too: looked for with their capital


def dates(t: Text) -> list[Found]:
    out: list[Found] = []
    if not t.digits:
        return out
    text = t.text
    if t.has(_BIRTH_WORDS):
        for m in around_digits(t, _BIRTH_RE, 100, 30):
            label = text[m.start() : m.start("gap")].lower()
            if _YEAR_ONLY.fullmatch(m.group("date")) and not _BIRTH_LABEL_EXPLICIT.search(label):
                continue  # "born in 2010": an age, not a birth date (the jigsaw rule counts it)
            out.append(Found(BIRTHDATE, m.start(), m.end(), m.group(0), "a date of birth"))
    if t.has(_MONTH_WORDS) or "May" in text or "March" in text or "Mar" in text:
        for m in around_digits(t, _WORD_DATE_RE, 16, 24):
            out.append(Found(DATE, m.start(), m.end(), m.group(0), "an exact date"))
    for m in around_digits(t, _NUM_DATE_RE, 0, 12):
        out.append(Found(DATE, m.start(), m.end(), m.group(0), "an exact date"))
    return out
