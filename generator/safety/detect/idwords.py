"""What the identifier detectors read from the vocabularies, compiled once per vocabulary.

The words come from `generator/safety/vocab/*.yaml` (every language at once: stories mix them):
number words (a phone number written in words), months and birth words (a date of birth), birthday
verbs ("she turned 15 on 9 August"), the subjects that are born only in a figure of speech ("the
savings group was born on 8 March") and the words for a person that say a subject is not one
(`person_words`, `child_words`), what may open a clause whose subject is born after its verb
(`birth_clause_openers`: "Así nació… el grupo") and the possessives that make it someone's
(`third_person_possessives`: "el centro de su mundo"), the words that name an ID (`id_words`) and those that make a number
a count or an amount (`quantity_words`, `currencies`). A site's own vocabulary files add to them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.safety.detect.lexicon import COUNT_NOUNS
from generator.safety.detect.scanbase import Starts, starts_of
from generator.safety.detect.vocab import Lexicon, Vocabulary, load_vocabulary

# The ASCII letters a word of an entry starts with.
_WORD_START_LETTERS = re.compile(r"(?<![^\W_])[a-z]+")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per vocabulary
class IdWords:
    digits: dict[str, int]  # number word → its value (0-99), or -2/-3 for "double"/"triple"
    digit_keys: frozenset[str]  # the ASCII letter runs of the number words (a cheap first test)
    month_pattern: str  # any month name of any language, as a regular expression (lowercase)
    months: dict[str, int]
    birth: Starts  # a birth word ("born", "date of birth", "née", "nació")
    birthday_verbs: Starts  # "turned", "cumplió", "fez"
    figurative: frozenset[str]  # subjects born only in a figure of speech
    people: frozenset[str]  # words for a person ("she", "girl"): a subject that is really born
    birth_openers: frozenset[str]  # what may open a clause before a birth word ("así", "then", "kaya")
    theirs: frozenset[str]  # a third person's possessives ("su", "her", "kanyang"): what is born is someone's
    id_words: tuple[str, ...]  # words that name an identifier, each as written in the vocabulary
    quantities: frozenset[str]  # words after a number that make it a count or an amount ("pesos")
    currencies: frozenset[str]  # a currency's code, sign or name ("kz", "rs", "pesos")
    feast_days: re.Pattern[str]  # a festival or holiday's name (`festivals`)
    feast_day_words: re.Pattern[str]  # what makes a feast one day of the year ("day", "Navidad")


def _entries(lexicon: Lexicon) -> list[str]:
    """Every entry of a lexicon as text, longest first (so an alternation prefers "date of birth")."""
    entries = set(lexicon.single) | {" ".join(p) for p in lexicon.phrases}
    return sorted(entries, key=lambda e: (-len(e), e))


_WHOLE_WORDS = r"(?<![\w.’'\-])(?:{})(?!\w)"
# Between the words of a vocabulary's phrase: the vocabularies keep words, not the dots and hyphens
# between them ("d.o.b" is the phrase "d o b", "18th birthday" is "18 th birthday").
VOCAB_JOINER = r"[\s.\-]*"


def _without_short_heads(entries: list[str]) -> list[str]:
    """The entries, less each phrase that only puts a word of one or two letters before another entry
    ("a eu", "a fêté", "ha cumplido"): the shorter entry finds the same thing, and a search for every
    "a" of a text would cost more than all the rest."""
    known = set(entries)
    return [e for e in entries if not (" " in e and len(e.split()[0]) <= 2 and e.split(" ", 1)[1] in known)]


def keys_of(entries: list[str] | set[str] | frozenset[str]) -> frozenset[str]:
    """For each entry, the longest run of ASCII letters that starts one of its words: a word
    `scanbase.words_of` holds, and `scanbase.word_starts` finds, wherever the entry is in a text
    ("née" gives "n", "cumpleaños" "cumplea", "date of birth" "birth"). A prefilter on these never
    misses an entry and is seldom passed."""
    out = set()
    for e in entries:
        starts = [m.group(0) for m in _WORD_START_LETTERS.finditer(e)]
        out.add(max(starts, key=len) if starts else "")  # "": no such word, always search
    return frozenset(out)


# id_words that are not labels of a number of their own: a phone's name (the phone detectors read the
# number), and "number"/"no" themselves (the markers between a label and its number).
_NOT_ID_LABELS = re.compile(
    r"phone|cell|celular|telefone|téléphone|telepono|portable|whatsapp|mobile|contact|^cp\b|^numero$|^número$"
    r"|^numéro$|^number$|^no$|^num$"
)


def _id_words(vocab: Vocabulary) -> list[str]:
    """The vocabularies' id_words that label an ID number, without the names of laws ("RA 9208",
    "Section 370" are citations) and of phones."""
    laws = vocab["law_words"]
    return [w for w in _entries(vocab["id_words"]) if not _NOT_ID_LABELS.search(w) and not laws.phrase_in(w)]


def compile_words(vocab: Vocabulary) -> IdWords:
    digits = {w: d for w, d in vocab.number_words.items() if -3 <= d <= 99}
    months = dict(vocab.months)
    month_names = sorted(months, key=lambda m: (-len(m), m))
    births = _entries(vocab["birth_words"])
    verbs = _entries(vocab["birthday_verbs"])
    return IdWords(
        digits=digits,
        digit_keys=keys_of(list(digits)),
        month_pattern="(?:"
        + "|".join(re.escape(m) + (r"\.?" if len(m) <= 4 else "") for m in month_names)
        + ")",
        months=months,
        birth=starts_of(_without_short_heads(births), _WHOLE_WORDS, re.IGNORECASE, VOCAB_JOINER),
        birthday_verbs=starts_of(_without_short_heads(verbs), _WHOLE_WORDS, re.IGNORECASE, VOCAB_JOINER),
        figurative=frozenset(vocab["figurative_birth_subjects"].single),
        people=frozenset(vocab["person_words"].single | vocab["child_words"].single),
        birth_openers=frozenset(vocab["birth_clause_openers"].single),
        theirs=frozenset(vocab["third_person_possessives"].single),
        id_words=tuple(_id_words(vocab)),
        quantities=frozenset(vocab["quantity_words"].single | vocab["currencies"].single) | COUNT_NOUNS,
        currencies=frozenset(vocab["currencies"].single),
        feast_days=re.compile(
            _WHOLE_WORDS.format(
                "|".join(VOCAB_JOINER.join(map(re.escape, e.split())) for e in _entries(vocab["festivals"]))
            ),
            re.IGNORECASE,
        ),
        feast_day_words=re.compile(
            _WHOLE_WORDS.format(
                "|".join(
                    VOCAB_JOINER.join(map(re.escape, e.split())) for e in _entries(vocab["feast_day_words"])
                )
            ),
            re.IGNORECASE,
        ),
    )


@functools.cache
def packaged() -> IdWords:
    """The words of the packaged vocabularies (what a site without its own vocabulary reads)."""
    vocab, _ = load_vocabulary()
    return compile_words(vocab)


_COMPILED: dict[int, tuple[Vocabulary, IdWords]] = {}


def for_vocabulary(vocab: Vocabulary | None) -> IdWords:
    """The compiled words of `vocab` (of the packaged vocabularies when None), compiled once."""
    if vocab is None:
        return packaged()
    hit = _COMPILED.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, compile_words(vocab))
        _COMPILED[id(vocab)] = hit
    return hit[1]
