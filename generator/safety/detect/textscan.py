"""Finding identifiers in a piece of text: what is an error on every story, whatever its context.

`scan(text, kind, settings, vocab)` is a pure function of its arguments, cached, so the rules that read
its result for the same field pay for one scan. The detectors live in scan_contacts (phones, e-mail,
social media and links), scan_records (ID and case numbers, dates of birth, dates) and scan_addresses
(addresses, postal codes, coordinates, plus codes); each is a few small functions, skipped when a
cheap test on the text's words or digits says they cannot match. Names, places and institutions are
explained or reported by detect/explain.py (the old scan_places and scan_institutions are no longer
run here: analysis.py kept only the identifiers of this scan). The formats of ID numbers are data (idformats), the words of the five
languages come from the vocabularies (idwords). `phonenumbers` confirms phone candidates and
python-stdnum the check digits. When two detectors claim overlapping text the more specific wins (an
e-mail address is not also a handle, a case number is not also a phone number), so each detail is
reported once.
"""

from __future__ import annotations

import functools

from generator.safety.detect import (
    scan_addresses,
    scan_contacts,
    scan_places,
    scan_records,
)
from generator.safety.detect.checkdigits import verhoeff_digit, verhoeff_valid
from generator.safety.detect.idwords import IdWords, for_vocabulary
from generator.safety.detect.scan_contacts import norm_account
from generator.safety.detect.scanbase import (
    ADDRESS,
    BIRTHDATE,
    DATE,
    EMAIL,
    EXPLAINED,
    INSTITUTION,
    NUMBER,
    PHONE,
    PLACE,
    POSTCODE,
    PRIORITY,
    SOCIAL,
    Found,
    Settings,
    own_form,
    text_of,
    the_charitys_own,
    words_of,
)
from generator.safety.detect.vocab import Vocabulary

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
    "Vocabulary",
    "norm_account",
    "own_form",
    "scan",
    "verhoeff_digit",
    "verhoeff_valid",
    "words_of",
]


def scan(text: str, kind: str, settings: Settings, vocab: Vocabulary | None = None) -> tuple[Found, ...]:
    """Every identifying detail in `text`, one finding per stretch of text, in text order. The words of
    the languages come from `vocab` (the packaged vocabularies when None)."""
    return _scan(text, kind, settings, for_vocabulary(vocab))


@functools.lru_cache(maxsize=64)
def _scan(text: str, kind: str, settings: Settings, words: IdWords) -> tuple[Found, ...]:
    t = text_of(text, kind)
    found = (
        scan_contacts.emails(t, settings)
        + scan_contacts.social(t, settings)
        + scan_records.numbers(t, words)
        + list(scan_records.birthdates(t, words))
        + scan_contacts.phones(t, settings, words)
        + scan_addresses.addresses(t, words)
        + scan_addresses.postcodes(t, words)
        + scan_places.labelled_postcodes(t, words.quantities)
        + scan_records.dates(t, words)
    )
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (PRIORITY[f.rule], f.start, -f.end)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return tuple(
        sorted(
            (
                f
                for f in kept
                if f.rule != EXPLAINED
                # "registered charity 1180000", "10 Example Street, London, EC1A 1AA": the charity's own
                and not (f.rule in _OWN_DETAILS and the_charitys_own(f.text, settings))
            ),
            key=lambda f: f.start,
        )
    )


# What the charity's registered identity may be found as: its numbers, its address and its postcode.
_OWN_DETAILS = frozenset({PHONE, ADDRESS, POSTCODE, NUMBER})
