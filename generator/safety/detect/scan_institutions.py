"""Named institutions: schools, workplaces, shelters and homes, hotels, lodges and bars."""

from __future__ import annotations

import re

from generator.safety.detect.lexicon import FUNCTION_WORDS
from generator.safety.detect.scanbase import (
    INSTITUTION,
    Found,
    Settings,
    Text,
    generic_word,
    is_coarse_place,
    title_case,
    title_case_heading,
    word_starts,
)

_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    (
        "school",
        (
            r"High\s+School|Higher\s+Secondary\s+School|School|Vidyalaya|Vidyalay|Vidyapith|Vidyapeeth|Vidya\s+Mandir"
            r"|Vidya\s+Niketan|Vidya\s+Bhavan|Shiksha\s+Niketan|Siksha\s+Niketan|Shishu\s+Niketan|Pathshala|Pathsala"
            r"|Madrasa|Madrassa|Madrasah|Madrassah|College|Academy|Convent|Gurukul|Kindergarten|Montessori"
        ),
    ),
    (
        "shelter or children's home",
        (
            r"Shelter\s+Home|Shelter|Children[’']?s\s+Home|Childrens\s+Home|Children\s+Home|Girls[’']?\s+Home|Boys[’']?\s+Home"
            r"|After[\s\-]?care\s+Home|Observation\s+Home|Special\s+Home|Protection\s+Home|Rescue\s+Home|Short[\s\-]Stay\s+Home"
            r"|Swadhar\s+Gr[ei]h|Swadhar\s+Home|Ujjwala\s+Home|Ashram|Ashrama|Ashray|Hostel|Orphanage|Balika\s+Griha"
            r"|Bal\s+Griha|Bal\s+Niketan|Nari\s+Niketan|Sadan|Shishu\s+Bhavan|Sishu\s+Bhavan|Home\s+for\s+(?:Girls|Boys|Women|Children)"
        ),
    ),
    (
        "workplace",
        (
            r"Factory|Mill|Mills|Garments|Textiles|Exports|Industries|Enterprises|Pvt\.?\s+Ltd\.?|Private\s+Limited"
            r"|Brick\s+Kiln|Brick\s+Field|Brickfield|Bhatta|Kiln|Tea\s+Estate|Tea\s+Garden|Workshop|Karkhana"
            r"|Plantation|Quarry|Restaurant"
        ),
    ),
    (
        "hotel, lodge or bar",
        (
            r"Hotel|Lodge|Guest\s*House|Guesthouse|Dhaba|Spa|Massage\s+Parlou?r|Beauty\s+Parlou?r|Salon|Dance\s+Bar"
            r"|Orchestra\s+Bar|Bar\s+(?:and|&)\s+Restaurant"
        ),
    ),
)
_KEYWORDS_BY_FIRST_WORD: dict[str, list[tuple[int, str]]] = {}
for _i, (_, _alternatives) in enumerate(_INSTITUTIONS):
    for _alternative in re.split(r"\|(?![^()]*\))", _alternatives):
        _first = re.match(r"[A-Za-z]+", _alternative)
        assert _first is not None, _alternative
        _KEYWORDS_BY_FIRST_WORD.setdefault(_first.group(0).lower(), []).append((_i, _alternative))


_INSTITUTION_KEYS = frozenset(_KEYWORDS_BY_FIRST_WORD)  # a text with none of these words names no institution


def _matcher(alternatives: list[tuple[int, str]]) -> re.Pattern[str]:
    by_kind: dict[int, list[str]] = {}
    for i, alternative in alternatives:
        by_kind.setdefault(i, []).append(alternative)
    groups = "|".join(
        f"(?P<k{i}>{'|'.join(sorted(alts, key=len, reverse=True))})" for i, alts in sorted(by_kind.items())
    )
    return re.compile(rf"(?:{groups})(?![\w\-])", re.IGNORECASE)


# For each first word, the keywords that start with it, matched where a text has that word.
_MATCHERS = {word: _matcher(alternatives) for word, alternatives in _KEYWORDS_BY_FIRST_WORD.items()}
_PREFIX_INSTITUTION = re.compile(
    r"\b(?P<kw>Hotel|Madrasa|Madrassa)\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"
)
_PREFIX_KEYS = frozenset({"hotel", "madrasa", "madrassa"})


def institutions(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    if not t.has(_INSTITUTION_KEYS):
        return out
    text = t.text
    in_title_case = t.kind == "label" and title_case(text)
    hits: list[re.Match[str]] = []
    low = t.low if len(t.low) == len(text) else text.lower()
    for word in t.words & _INSTITUTION_KEYS:
        matcher = _MATCHERS[word]
        for at in (
            word_starts(low, word)
            if low is t.low
            else (m.start() for m in re.finditer(rf"\b{word}", text, re.IGNORECASE))
        ):
            m = matcher.match(text, at)
            if m is not None:
                hits.append(m)
    hits.sort(key=lambda m: (m.start(), -m.end()))
    covered = -1
    for m in hits:
        if m.start() < covered:
            continue  # "School" inside "High School", already read
        covered = m.end()
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
        distinctive = [w for _, w in words if not generic_word(w)]
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
            if all(generic_word(w) for w in m.group("name").split()):
                continue
            what = "school" if m.group("kw").lower().startswith("madras") else "hotel, lodge or bar"
            out.append(Found(INSTITUTION, m.start(), m.end(), m.group(0), "a " + what))
    return out


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
