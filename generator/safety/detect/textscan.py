"""Finding identifying details in a piece of text: the engine behind the family 5 rules.

`scan(text, kind, settings)` is a pure function of its arguments, cached, so the rules that read its
result for the same field pay for one scan. The detectors live in scan_contacts (phones, e-mail, social
media), scan_records (ID and case numbers, dates), scan_places (addresses, postal codes, places) and
scan_institutions (schools, workplaces, shelters); each is a handful of compiled regular expressions, skipped when a cheap test on the text's
words says they cannot match. `phonenumbers` confirms phone candidates and a Verhoeff check confirms
Aadhaar numbers. When two detectors claim overlapping text the more specific wins (an e-mail address is
not also a handle, a case number is not also a phone number), so each detail is reported once.
"""

from __future__ import annotations

import functools

from generator.safety.detect import scan_contacts, scan_institutions, scan_places, scan_records
from generator.safety.detect.checkdigits import verhoeff_digit, verhoeff_valid
from generator.safety.detect.scan_contacts import norm_account
from generator.safety.detect.scanbase import (
    ADDRESS,
    BIRTHDATE,
    DATE,
    EMAIL,
    INSTITUTION,
    NUMBER,
    PHONE,
    PLACE,
    POSTCODE,
    PRIORITY,
    SOCIAL,
    Found,
    Settings,
    text_of,
    words_of,
)

__all__ = [
    "ADDRESS",
    "BIRTHDATE",
    "DATE",
    "EMAIL",
    "INSTITUTION",
    "NUMBER",
    "PHONE",
    "PLACE",
    "POSTCODE",
    "SOCIAL",
    "Found",
    "Settings",
    "norm_account",
    "scan",
    "verhoeff_digit",
    "verhoeff_valid",
    "words_of",
]


@functools.lru_cache(maxsize=64)
def scan(text: str, kind: str, settings: Settings) -> tuple[Found, ...]:
    """Every identifying detail in `text`, one finding per stretch of text, in text order."""
    t = text_of(text, kind)
    found = (
        scan_contacts.emails_and_social(t, settings)
        + scan_records.numbers(t)
        + scan_contacts.phones(t, settings)
        + scan_places.addresses(t)
        + scan_places.postcodes(t)
        + scan_records.dates(t)
        + scan_institutions.institutions(t, settings)
        + scan_places.places(t, settings)
    )
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (PRIORITY[f.rule], f.start, -f.end)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return tuple(sorted(kept, key=lambda f: f.start))
