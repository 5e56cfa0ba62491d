"""Family 1, continued: what the text says about a survivor must match what the front matter says.

A story whose text says the survivor "was 16 when she was trafficked" is a child's story, whatever
`minor:` says: the rules for children (no real name, assent and a guardian's consent, every
unexplained detail an error) must apply. The age is read in any of the five languages: "Asha, 16,",
"Asha (16)", "a 16-year-old", "aged 16", "was 16 when", "tenía 15 años", "avait 16 ans", "tinha 15
anos", "15 taong gulang".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Iterator, Mapping

from generator.content.model import Story
from generator.safety.detect.scanbase import FOLD_EXCEPTIONS, lowered, words_of
from generator.safety.detect.vocab import Lexicon, load_vocabulary
from generator.safety.redact import person_label
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "1 People and names"
_N = r"(?:1[0-7]|[1-9])"
# "her two-year-old son": the age of someone else of hers
_HER_CHILD = r"\s+(?:son|daughter|child|baby|brother|sister|niece|nephew|grandson|granddaughter)s?\b"
# An age, not a duration ("3 years there"): each language's own way of saying how old someone is.
_AGE = re.compile(
    rf"\b{_N}\s*-?\s*(?:years?|yrs?)[\s-]*old\b(?!{_HER_CHILD})|\b{_N}-year-old\b(?!{_HER_CHILD})"
    rf"|\baged\s+(?:just\s+|only\s+|barely\s+)?{_N}\b"
    rf"|\b(?:was|turned)\s+(?:only\s+|just\s+|barely\s+)?{_N}\b(?=\s*(?:[,.;)]|when|and|at|in|$))"
    rf"|\b(?:(?<!\by\s)a|avait|aura|âgée?\s+de|fêté\s+ses)\s+(?:que\s+|seulement\s+|à\s+peine\s+)?{_N}\s+ans\b"
    rf"|\b(?:tenía|tenia|tiene|cumplió|cumplio)\s+(?:apenas\s+|solo\s+|sólo\s+)?{_N}\s+años\b"
    rf"|\b(?:tinha|tem|fez|completou)\s+(?:apenas\s+|só\s+|somente\s+)?{_N}\s+anos\b"
    rf"|\b(?:niña|niño|chica|chico|joven|adolescente|menina|menino|garota|jovem|fille|garçon|jeune)\s+de\s+(?:apenas\s+|solo\s+|só\s+|seulement\s+)?{_N}\s+(?:años|anos|ans)\b"
    rf"|\b{_N}\s+(?:na\s+)?(?:taong\s+gulang|anyos)\b"
    # "A los quince años", "Aos quinze anos", "à quinze ans" (not "condamné à sept ans de prison"),
    # "con 15 años" (not "con 15 años de experiencia"), "At fifteen, she…", "at the age of 15", "15 years of age", "sa edad na 15"
    rf"|\b(?:a\s+los|aos|à)\s+{_N}\s+(?:años|anos|ans)\b(?!\s+(?:de\s+(?!edad|idade)|d['’](?!âge)))"
    rf"|\b(?:con|com)\s+(?:apenas\s+|solo\s+|sólo\s+|só\s+|somente\s+)?{_N}\s+(?:años|anos)\b(?!\s+de\b)"
    rf"|\bat\s+(?:only\s+|just\s+)?{_N}\b(?=\s*,)|\bat\s+the\s+age\s+of\s+{_N}\b|\b{_N}\s+years\s+of\s+age\b"
    rf"|\bedad\s+(?:na\s+)?{_N}\b"
    # "à l'âge de quinze ans", "A sus quince años", "Kinse pa lang si Lorna", "venait d'avoir quinze ans",
    # "cumplió los quince", "quinze ans à peine", "Aos quinze,"
    rf"|\bà\s+l['’]âge\s+de\s+{_N}\b|\ba\s+(?:sus|la\s+edad\s+de)\s+{_N}\b"
    rf"|\b{_N}\s+(?:pa\s+lang|pa\s+lamang)\b"
    rf"|\bd['’]avoir\s+{_N}\s+ans\b|\bcumpli[óo]\s+(?:los\s+)?{_N}\b|\b{_N}\s+ans\s+à\s+peine\b"
    rf"|\b(?:aos|a\s+los)\s+{_N}\b(?=\s*,)"
    # "n'avait pas encore seize ans", "Daniela, de 15 años entonces", "Labinlimang taon pa lamang", "before
    # her sixteenth birthday", "aniversário de dezesseis anos", "cumpleaños número 15", "16e anniversaire"
    rf"|\bn['’]avait\s+pas\s+(?:encore\s+)?{_N}\s+ans\b|[A-Z][\w'’-]+,\s+de\s+{_N}\s+(?:años|anos|ans)\b"
    rf"|\b{_N}\s+(?:na\s+)?taon\s+(?:pa\s+lang|pa\s+lamang|gulang)\b|\b{_N}(?:th)?\s+birthday\b"
    rf"|\banivers[aá]rio\s+de\s+{_N}\s+anos\b|\bcumpleaños\s+(?:número\s+)?{_N}\b|\b{_N}(?:e|ème)?\s+anniversaire\b"
    rf"|[A-Z][\w'’-]+\s*[,(]\s*{_N}\s*[,)]",
    re.IGNORECASE,
)
_PRONOUNS = re.compile(r"\b(?:she|he|her|him|ella|él|elle|il|ela|ele|siya|niya)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n\s*\n")


@story_rule(
    "MINOR-MISMATCH",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a survivor the text shows was a child, declared an adult",
    source="UNICEF principle 1 (a child is anyone under 18); POCSO s.2(d); safeguarding TX-01",
)
def minor_mismatch(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The text gives an age under 18, in digits or in words ("was only fifteen when", "Labing-anim na
    taong gulang"), for a survivor whose front matter says `minor: false`. `minor` means a child at the
    time of the events, so such a survivor is a minor and every rule for children applies. An age given
    by its verb alone is the only survivor's, in a paragraph that names her and a sentence with no
    relative (`age_verbs`: "Cuando llegó a la selva, tenía 16 años"), unless a word gives the verb a
    subject of its own (`subject_determiners`: "El programa tiene 12 años")."""
    adults = [p for p in story.survivors if p.minor is False]
    if not adults:
        return
    site = ctx.extras.get("site_knowledge")
    text = _digits_for_words(ctx.visible, site.vocab.ages_in_words if site is not None else {})
    ages = list(_ages(text))
    if not ages:
        return
    single = len(story.survivors) == 1
    kinship: Container[str] = site.vocab["kinship"] if site is not None else frozenset()
    vocab = site.vocab if site is not None else load_vocabulary()[0]
    verb_age = _age_patterns(vocab["age_verbs"], vocab["subject_determiners"])
    for p in adults:
        name = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in p.name.split()) + r")\b", re.IGNORECASE)
        for at in ages:
            sentence = _sentence(text, at)
            if (
                name.search(sentence)
                or (single and _PRONOUNS.search(sentence))
                or (single and _subjectless(text, at, sentence, name, kinship, verb_age))
            ):
                yield Hit(
                    f"the text gives an age under 18 for {person_label(p.name, p.name_type)}, declared minor: false: "
                    "a survivor who was a child at the time of the events is a minor",
                    "set minor: true for this person (and check their consent: a child's needs assent and "
                    "a guardian or welfare authority)",
                    path=("people", p.index, "minor"),
                )
                break


_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEARS_OF = re.compile(r"\d+\s+(?:años|anos)\s+(?:de|da|do|en|no|na)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _age_patterns(verbs: Lexicon, determiners: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Spanish and Portuguese say "she was 16" with the verb alone (`age_verbs`: "tenía 16 años", "tinha 15
    anos"), unless an article or a demonstrative gives the verb a subject of its own (`subject_determiners`:
    "El programa tiene 12 años"): the two as patterns, compiled once per vocabulary."""
    return (
        re.compile(rf"\b(?:{_alternation(verbs)})\s+(?:\w+\s+)?\d", re.IGNORECASE),
        re.compile(rf"\b(?:{_alternation(determiners)})\s+\w", re.IGNORECASE),
    )


def _alternation(lexicon: Lexicon) -> str:
    """The lexicon's entries as a regular expression's alternatives, longest first (nothing matches none)."""
    entries = sorted(set(lexicon.single) | {" ".join(p) for p in lexicon.phrases}, key=lambda e: (-len(e), e))
    return "|".join(r"\s+".join(map(re.escape, e.split(" "))) for e in entries) or "(?!)"


def _subjectless(
    text: str,
    at: int,
    sentence: str,
    name: re.Pattern[str],
    kinship: Container[str],
    verb_age: tuple[re.Pattern[str], re.Pattern[str]],
) -> bool:
    """An age given by a verb with no subject ("Cuando llegó a la selva, tenía 16 años") in a paragraph
    about the survivor (her name in it), with no relative in the sentence ("su hermana tenía 16 años"):
    the survivor's age, as the reader understands it. `verb_age` is `_age_patterns`' (the verbs, the
    determiners that give them a subject)."""
    verbs, determiners = verb_age
    verb = verbs.search(text, max(0, at - 30), at + 3)
    if verb is None or _YEARS_OF.match(text, at):
        return False  # "tiene 12 años de historia": how long something has lasted
    clause = text[max(text.rfind(",", 0, verb.start()), text.rfind(". ", 0, verb.start()), 0) : verb.start()]
    if determiners.search(clause):
        return False  # "El programa tiene 12 años": a subject of its own
    if any(w.casefold() in kinship for w in _WORDS.findall(sentence)):
        return False
    lo = text.rfind("\n\n", 0, at)
    hi = text.find("\n\n", at)
    paragraph = text[lo + 1 if lo >= 0 else 0 : hi if hi >= 0 else len(text)]
    return name.search(paragraph) is not None


def _digits_for_words(text: str, ages: Mapping[str, int]) -> str:
    """The text with every age written in words written in digits ("was only fifteen when" → "was only
    15 when", "fifteen-year-old" → "15-year-old", "Labing-anim na taong gulang" → "16 na taong gulang"),
    so that one reading serves both. Not "tatlumpu't dalawang" (thirty-two): a part of a larger number.
    Only the number words the text holds go into the pattern (a pattern of all of them is slow), and it
    is tried only where one of them is written (`_replaced_where_written`)."""
    present = _age_words_in(text, ages)
    if not present:
        return text
    pattern = _age_words(present)
    return _replaced_where_written(text, present, pattern, lambda m: str(ages[m.group().casefold()]))


def _age_words_in(text: str, ages: Mapping[str, int]) -> tuple[str, ...]:
    """The number words `_age_words` could find in the text, in order: those it holds as before (a word
    in the casefolded text), less some that the pattern cannot match there (a pattern's words that match
    nowhere change nothing). A word the pattern matches starts a word of the text, and the ASCII letters
    it starts with ("labing" of "labing-anim", "dieci" of "dieciséis") are all of one when what follows
    them is no ASCII letter: they are among the text's words (`words_of`, unless the text holds a letter
    that ignoring case reads as another: FOLD_EXCEPTIONS). A word in lowercase ASCII found so is in the
    casefolded text; any other is looked for there too."""
    entries = _first_letters(tuple(ages))
    if any(c in text for c in FOLD_EXCEPTIONS):
        low = text.casefold()
        return tuple(w for w, _ in entries if w in low)
    words = words_of(text)
    low = ""
    present = []
    for w, first in entries:
        if first and first not in words:
            continue
        if first and w.isascii() and w.islower():
            present.append(w)
            continue
        low = low or text.casefold()
        if w in low:
            present.append(w)
    return tuple(present)


_LETTERS = re.compile(r"[a-z]+")
# Letters that ignoring case reads as an ASCII letter: "İ", "ı" (i), "ſ" (s), the Kelvin sign (k).
_READ_AS_ASCII = (*FOLD_EXCEPTIONS, "\u212a")


@functools.lru_cache(maxsize=8)
def _first_letters(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The words, sorted, each with the lowercase ASCII letters it starts with, when what follows them
    is no letter that ignoring case reads as an ASCII one ("" otherwise: "Quince", "sIx")."""
    out = []
    for w in sorted(words):
        m = _LETTERS.match(w)
        after = w[m.end() : m.end() + 1] if m else ""
        if m is None or (after.isascii() and after.isalpha()) or after in _READ_AS_ASCII:
            out.append((w, ""))
        else:
            out.append((w, m.group()))
    return tuple(out)


def _replaced_where_written(
    text: str, words: tuple[str, ...], pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> str:
    """`pattern.sub(replace, text)` for a case-insensitive pattern whose every match is one of `words`
    (in ASCII, none empty): the pattern is tried only where one of them is written in the lowercased
    text, instead of at every character. Where lowercasing could misplace or misread a letter
    (FOLD_EXCEPTIONS), and for words not in ASCII, the plain `sub`."""
    low = lowered(text)
    if (
        not all(w and w.isascii() for w in words)
        or len(low) != len(text)
        or any(c in text for c in FOLD_EXCEPTIONS)
    ):
        return pattern.sub(replace, text)
    starts = set()
    for w in words:
        at = low.find(w)
        while at >= 0:
            starts.add(at)
            at = low.find(w, at + 1)
    out: list[str] = []
    done = 0
    for at in sorted(starts):
        m = pattern.match(text, at) if at >= done else None
        if m is not None:
            out += (text[done:at], replace(m))
            done = m.end()
    return "".join(out) + text[done:]


@functools.lru_cache(maxsize=256)
def _age_words(words: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?<!['’]t\s)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)", re.IGNORECASE
    )


# A number from 1 to 17, not part of a larger one. Its first digit comes before the lookbehind that
# checks the character before it, so that `re` skips ahead to the digits.
_SMALL_NUMBER = re.compile(r"(?:1(?<![\d.,]1)[0-7]|[1-9](?<![\d.,][1-9]))(?![\d]|[.,]\d)")


def _ages(text: str) -> Iterator[int]:
    """Where the text gives an age under 18: the age expressions are tried only around small numbers."""
    for m in _SMALL_NUMBER.finditer(text):
        lo = max(0, m.start() - 24)
        found = _AGE.search(text, lo, min(len(text), m.end() + 24))
        if found is not None and found.start() <= m.start() < found.end():
            yield m.start()


def _sentence(text: str, at: int) -> str:
    """The sentence around offset `at`."""
    start = max(
        text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at), text.rfind("\n\n", 0, at)
    )
    start = start + 1 if start >= 0 else 0
    end = _SENTENCE_END.search(text, at)
    return text[start : end.start() + 1 if end else len(text)]


RULES = rules_in(globals())
