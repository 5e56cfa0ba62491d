"""One pass over a text: its words, numbers and links, with where each sentence starts.

Every detector reads the same `Tokens`: words (letters joined by apostrophes and hyphens), numbers
(digits joined by . , / : -), links and e-mail addresses (kept whole, so their parts are not read as
prose), and punctuation. A word knows whether it is capitalised, whether it opens a sentence, a
heading, a list item or a quotation (where a capital says nothing about names), and its lowercase
form without a possessive 's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

WORD, NUMBER, LINK, PUNCT = "word", "number", "link", "punct"

_TOKEN = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]"
    r"|[\w.+\-]*\w@[\w\-]+(?:\.[\w\-]+)+"
    r"|\b(?:[a-z0-9\-]+\.)+(?:com|org|net|gov|edu|in|ph|mx|br|ca|fr|uk|io|me|be|ly|gl|co|info|tv)"
    r"(?:/[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?])?)"
    # A lowercase ASCII word that nothing joins to (no apostrophe, hyphen or letter after it): most
    # words, read as `word` reads them, with none of its work (it is its own lowercase form).
    r"|(?P<plain>(?-i:(?>[a-z]+))(?![^\W\d_]|['’\-]))"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s|(?<=[sS])['’](?![^\W\d_]))?)"
    r"|(?P<number>\d+(?:[.,:/\-]\d+)*)"
    r"|(?P<punct>[^\w\s])",
    re.IGNORECASE,
)
# The same without links, for the many texts that hold none (the link alternatives cost a third of
# the time, tried at every word).
_PLAIN_TOKEN = re.compile(_TOKEN.pattern.replace("(?P<link>", "(?P<link>(?!)", 1), re.IGNORECASE)
# In a text without "@", "://" or "www.", a stretch of `plain` words one space apart is read in one
# match and split on its spaces: each is the word `plain` reads there (a space joins nothing). Only a
# domain's name could start at one of them ("see example.co"), and only where a dot or a digit
# follows it: the stretch ends before such a word, which is then read as before.
_RUN_TOKEN = re.compile(
    _PLAIN_TOKEN.pattern.replace(
        "|(?P<plain>", r"|(?P<run>(?-i:(?>[a-z]+)(?: (?>[a-z]+))+)(?![^\W\d_]|['’\-.]|\d))|(?P<plain>", 1
    ),
    re.IGNORECASE,
)
# Whether a text may hold a link: "@", "://", "www." or a word's dot before a top-level domain. Written to
# start with the "@", ":" or "." it needs (the rest is looked for behind and after it), so that `re`
# skips ahead to those characters instead of trying every alternative at every character.
_LINKISH = re.compile(
    r"@|://|\.(?:(?<=www\.)|(?<=\w\.)(?:com|org|net|gov|edu|in|ph|mx|br|ca|fr|uk|io|me|be|ly|gl|co|info|tv)\b)",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?…")
_OPENERS = frozenset("\"“‘'«([¿¡*_>#-•+|")
# Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "no",
        "nr",
        "vs",
        "etc",
        "fr",
        "rev",
        "gen",
        "col",
        "capt",
        "sgt",
        "insp",
        "hon",
        "mt",
        "ft",
        "sq",
        "km",
        "kg",
        "approx",
        "dept",
        "govt",
        "vill",
        "p.o",
        "po",
        "sra",
        "sta",
        "sto",
        "av",
        "ave",
        "col",
        "núm",
        "num",
        "nº",
        "art",
        "sec",
        "smt",
        "shri",
        "sri",
        "mme",
        "mlle",
        "m",
        "gng",
        "g",
        "brgy",
    ]
)


class Token(NamedTuple):  # a tuple: a thousand of them per story are made fast
    kind: str  # WORD, NUMBER, LINK or PUNCT
    start: int
    end: int
    text: str
    low: str  # case folded, possessive 's removed, curly apostrophes straightened
    cap: bool  # starts with a capital letter
    upper: bool  # all capitals, two letters or more (an acronym, or shouting)
    initial: bool  # opens a sentence, a line, a heading, a list item or a quotation
    possessive: bool  # ended in 's or ’s
    heading: bool  # on a Markdown heading line
    starts: bool = False  # opens a sentence, a line or a list item (a name never runs across one)


@dataclass(frozen=True)
class Tokens:
    text: str
    items: tuple[Token, ...]

    @property
    def words(self) -> list[str]:
        return [t.low for t in self.items]


# French and Italian elision: "l'article", "d'Ivoire", "qu'elle" are two words.
_ELISION = re.compile(
    r"(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|dell|nell|all|dall|sull)['’](?=[^\W\d_])", re.IGNORECASE
)


_QUOTES = ('"', "“", "«", "‘")


def capital_after_hyphen(raw: str) -> int:
    """Where the name starts after Filipino "taga" (from) joined to it by a hyphen ("taga-Tondo": 5), 0 if
    none. Other prefixes stay one word with what follows: "anti-Racismo", "post-Haiyan" and "pre-Columbian"
    name no one (a capital there is the prefix's habit)."""
    m = _HYPHEN_CAPITAL.search(raw)
    return m.end() - 1 if m is not None and raw[: m.start()].lower() == "taga" else 0


_HYPHEN_CAPITAL = re.compile(r"-[A-ZÀ-ÖØ-Þ]")


def tokenize(text: str, *, label: bool = False) -> Tokens:
    """Split `text` into tokens. With `label`, the text is a title or a short label, in which every
    word may be capitalised (Title Case) as if it opened a sentence.

    Written for speed (a story has a thousand tokens and every check reads them): one regular
    expression, and per token only the work its kind needs."""
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # a Token made from its eleven values without the generated __new__'s call
    at_start = True  # the next word opens a sentence
    heading = text[:8].lstrip(" \t").startswith("#")  # the first line is a heading
    prev_end = 0
    find = text.find
    # The first line break at or after the previous token's end (no token holds one): a token starts
    # a new line when it comes after it, and the text is searched again only then.
    newline = find("\n")
    if newline < 0:
        newline = len(text)
    pattern, kinds = (_TOKEN, _KINDS) if _LINKISH.search(text) else (_RUN_TOKEN, _RUN_KINDS)
    for m in pattern.finditer(text):
        start, end = m.span()
        if newline < start:
            newline = find("\n", end)
            if newline < 0:
                newline = len(text)
            line_start = text.rfind("\n", 0, start) + 1
            head = text[line_start : line_start + 8].lstrip(" \t")
            heading = head.startswith("#")
            if heading or _blank_line(text, prev_end, start) or _marker(head):
                at_start = True
        kind = kinds[m.lastindex or 0]
        raw = m.group()
        if kind is _RUN:  # plain words, one space apart: each read as `plain` reads it
            for word in raw.split(" "):
                end = start + len(word)
                append(new(Token, (WORD, start, end, word, word, False, False, at_start or label or heading, False, heading, at_start)))  # fmt: skip
                at_start = False
                start = end + 1
            prev_end = end
            continue
        if kind is _PLAIN:
            append(new(Token, (WORD, start, end, raw, raw, False, False, at_start or label or heading, False, heading, at_start)))  # fmt: skip
            at_start = False
            prev_end = end
            continue
        if kind is PUNCT:
            if (
                (raw in _SENTENCE_END and not _abbreviation(out, raw, text, end))
                or (
                    # a colon ends its line, or opens a quotation: 'la conversación: "Hablaba bajito…"'
                    raw == ":"
                    and (text[end : end + 1] in ("\n", "") or text[end : end + 3].lstrip(" ")[:1] in _QUOTES)
                )
                or raw == "|"
            ):  # a table's cell opens like a line: "| Acolhimento | Moradia temporária… |"
                at_start = True
            append(new(Token, (PUNCT, start, end, raw, raw, False, False, False, False, heading, False)))
            prev_end = end
            continue
        initial = at_start or label or heading
        if kind is WORD and raw[0].islower() and "-" in raw:
            cut = capital_after_hyphen(raw)
            if cut:  # "taga-Tondo": the prefix, and a name read as its own word
                append(new(Token, (WORD, start, start + cut - 1, raw[: cut - 1], raw[: cut - 1].lower(), False, False, initial, False, heading, at_start)))  # fmt: skip
                at_start = False
                initial = label or heading
                start, raw = start + cut, raw[cut:]
        if kind is WORD and ("'" in raw or "’" in raw):
            elided = _ELISION.match(raw)
            if elided and elided.end() < len(raw):
                cut = elided.end()
                article = raw[:cut]
                art_low = article.lower().replace("’", "'")
                append(new(Token, (WORD, start, start + cut, article, art_low, article[0].isupper(), False, initial, False, heading, at_start)))  # fmt: skip
                at_start = False
                initial = label or heading
                start, raw = start + cut, raw[cut:]
            low = raw.lower().replace("’", "'")
            possessive = len(raw) > 2 and low.endswith(("'s", "s'"))
            if possessive:
                low = low[:-2] if low.endswith("'s") else low[:-1]
        else:
            low = raw.lower()
            possessive = False
        cap = raw[0].isupper()
        stem = raw[: len(low)] if possessive else raw  # "UK's": the acronym without its possessive
        upper = cap and kind is WORD and len(stem) > 1 and stem.isupper()
        append(new(Token, (kind, start, end, raw, low, cap, upper, initial, possessive, heading, at_start)))
        at_start = False
        prev_end = end
    return Tokens(text, tuple(out))


_PLAIN = "plain"  # a WORD read without the work other words need (see _TOKEN)
_KINDS = (PUNCT, LINK, _PLAIN, WORD, NUMBER, PUNCT)  # by the number of the group that matched
_RUN = "run"  # plain words one space apart, in one match (see _RUN_TOKEN)
_RUN_KINDS = (PUNCT, LINK, _RUN, _PLAIN, WORD, NUMBER, PUNCT)


def _marker(head: str) -> bool:
    """A line that starts a list item or a quotation ("- ", "* ", "1. ", "> ")."""
    if not head:
        return False
    if head[0] in "-*+•>|":
        return True
    digits = len(head) - len(head.lstrip("0123456789"))
    return 0 < digits and head[digits : digits + 1] in (".", ")")


def _blank_line(text: str, a: int, b: int) -> bool:
    """A blank line between a and b (a paragraph break)."""
    gap = text[a:b]
    return "\n\n" in gap.replace(" ", "").replace("\t", "")


def _list_item(text: str, start: int) -> bool:
    line = text[text.rfind("\n", 0, start) + 1 : start].strip()
    return bool(line) and (line[0] in "-*+•>#|" or line.rstrip(".)").isdigit())


def _abbreviation(out: list[Token], raw: str, text: str, end: int) -> bool:
    """A full stop after an abbreviation or an initial ("Dr.", "A. Rao") does not end the sentence;
    nor does one inside a number or before a lowercase word."""
    if raw != "." or not out:
        return False
    prev = out[-1]
    if prev.end != end - 1:
        return False
    if (
        prev.kind == WORD
        and (
            (prev.low in _ABBREVIATIONS and prev.text != "po")  # "Salamat po.": Filipino's polite word
            or (len(prev.text) == 1 and not text[prev.start - 1 : prev.start].isdigit())  # "19h." is an hour
        )
    ):
        return True
    following = text[end : end + 3].lstrip()
    return bool(following) and following[0].islower()


def sentence_of(tokens: Tokens, i: int) -> tuple[int, int]:
    """Indices [lo, hi) of the sentence that token i is in."""
    items = tokens.items
    lo = i
    while lo > 0 and not (items[lo].initial and not items[lo].heading) and not _ends(items[lo - 1]):
        lo -= 1
    hi = i + 1
    while (
        hi < len(items) and not _ends(items[hi - 1]) and not (items[hi].initial and items[hi].kind != PUNCT)
    ):
        hi += 1
    return lo, hi


def _ends(t: Token) -> bool:
    return t.kind == PUNCT and t.text in _SENTENCE_END
