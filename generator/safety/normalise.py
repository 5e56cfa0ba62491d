"""One normalisation before every match: what a reader sees, whatever the writer typed.

Every safety check (the source detectors, the denylist, the output scan) reads text through
`normalise`, so a name cannot hide from one of them and not the others:

1. HTML character references are decoded (`&shy;`, `&#173;`, `&#x61;`, `&amp;`).
2. Percent-encoded UTF-8 is decoded (`luc%C3%ADa` in a link is `lucía`).
3. Unicode NFKC: compatibility forms become plain letters (ｆｕｌｌｗｉｄｔｈ, 𝐛𝐨𝐥𝐝, ﬁ ligatures,
   superscripts), and a letter typed with a separate accent becomes one letter.
4. Invisible characters are removed: format characters (category Cf: soft hyphen, zero-width space
   and joiners, word joiner, bidi controls, tags), variation selectors and the combining grapheme
   joiner. A browser shows "Pri\u00adya" as "Priya"; so does the check.
5. Look-alike letters are folded to Latin: in a word made only of Latin letters and letters that look
   like them (Cyrillic а, Greek ο…), each look-alike becomes the Latin letter it imitates, using
   Unicode's confusables data (the `confusable-homoglyphs` package). A word in another script (a
   Russian or Greek name) is left as it is: only disguise is undone.

The result keeps a map from each of its characters to where it came from in the original text, so a
finding is still reported at the writer's own line and column.
"""

from __future__ import annotations

import bisect
import html.entities
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from generator.safety.lookalikes import TABLE, UNSTABLE

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Not category Cf, but just as invisible between two letters.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10)
)


class Normalised:
    """Normalised text and, for each of its characters, the offset it came from in the original.

    The map is kept in pieces: `(start, origin, step)` says normalised characters from `start` on
    come from `origin + (i - start) * step` (step 1: copied as typed; step 0: all from one place,
    e.g. the three dots NFKC makes of "…", or a decoded `&shy;`). Most text is a few pieces."""

    __slots__ = ("_origins", "_pieces", "_starts", "length", "text")

    def __init__(self, text: str, pieces: list[tuple[int, int, int]], length: int) -> None:
        self.text = text
        self.length = length  # of the original
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]
        self._origins: tuple[int, ...] | None = None

    def origin(self, i: int) -> int:
        """Offset in the original text of character `i` of the normalised text (clamped)."""
        if i >= len(self.text):
            return self.length
        if i < 0 or not self._pieces:
            i = 0
            if not self._pieces:
                return 0
        start, origin, step = self._pieces[bisect.bisect_right(self._starts, i) - 1]
        return origin + (i - start) * step

    @property
    def origins(self) -> tuple[int, ...]:
        """len(text) + 1 offsets; the last is len(original)."""
        if self._origins is None:
            self._origins = tuple(self.origin(i) for i in range(len(self.text))) + (self.length,)
        return self._origins

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalised characters start..end came from."""
        if end <= start:
            return self.origin(start), self.origin(start)
        last = self.origin(end - 1)
        j = end
        while j < len(self.text) and self.origin(j) == last:  # inside one reference: take all of it
            j += 1
        nxt = self.origin(j) if j < len(self.text) else self.length
        return self.origin(start), max(last + 1, nxt)


def is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or ch in _INVISIBLE_EXTRA


class _Out:
    """The normalised text being built, with its map."""

    __slots__ = ("chars", "lookalike", "n", "pieces")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.pieces: list[tuple[int, int, int]] = []
        self.n = 0  # characters so far
        self.lookalike = False

    def copy(self, text: str, at: int) -> None:
        """Characters kept as typed, from offset `at`."""
        if not text:
            return
        last = self.pieces[-1] if self.pieces else None
        if not (last is not None and last[2] == 1 and last[1] + (self.n - last[0]) == at):
            self.pieces.append((self.n, at, 1))
        self.chars.append(text)
        self.n += len(text)

    def one(self, text: str, at: int) -> None:
        """Characters that all come from offset `at` (a decoded reference, an NFKC expansion)."""
        if not text:
            return
        if len(text) == 1:
            self.copy(text, at)
            return
        self.pieces.append((self.n, at, 0))
        self.chars.append(text)
        self.n += len(text)
        self.pieces.append((self.n, at + 1, 1))  # what follows is copied again (or a new piece)


def normalise(text: str) -> Normalised:
    """`text` as the checks read it (see the module's docstring), with offsets back into `text`.

    Most text needs nothing: plain ASCII without references, or letters that NFKC leaves alone. Only
    the characters that can change (references, invisible characters, compatibility forms, combining
    marks, look-alikes) are handled one by one; everything else is copied a run at a time."""
    maybe_reference = "&" in text or "%" in text
    if text.isascii():
        if not maybe_reference or _REFERENCE.search(text) is None:
            return Normalised(text, [(0, 0, 1)], len(text))  # the common case: nothing to do
        special = _REFERENCE
    else:
        unstable = _UNSTABLE.intersection(text)  # (in C: most texts hold none)
        if not unstable and (not maybe_reference or _REFERENCE.search(text) is None):
            return Normalised(text, [(0, 0, 1)], len(text))  # curly quotes and dashes change nothing
        special = _special(unstable)
    out = _Out()
    pos = 0
    for m in special.finditer(text):
        out.copy(text[pos : m.start()], pos)  # kept as typed
        pos = m.end()
        ref = m.group(0)
        decoded = _decode_reference(ref) if ref[0] in "&%" else ref
        if decoded is None:  # not a reference after all: kept as typed
            out.copy(ref, m.start())
        else:
            _push_nfkc(decoded, m.start(), out)
    out.copy(text[pos:], pos)
    joined = "".join(out.chars)
    # Stable runs hold no look-alike, so only characters handled one by one can need folding.
    folded = _fold_lookalikes(joined) if out.lookalike else joined
    return Normalised(folded, _tidy(out.pieces, len(joined)), len(text))


def _special(unstable: frozenset[str]) -> re.Pattern[str]:
    """References, and the characters of this text that normalising changes."""
    if not unstable:
        return _REFERENCE
    return re.compile(_ENTITY_OR_PERCENT + "|[" + "".join(re.escape(c) for c in sorted(unstable)) + "]")


def _tidy(pieces: list[tuple[int, int, int]], n: int) -> list[tuple[int, int, int]]:
    """Drop pieces that start at the end or are overtaken by the next one (same start)."""
    kept: list[tuple[int, int, int]] = []
    for p in pieces:
        if p[0] >= n and kept:
            continue
        if kept and kept[-1][0] == p[0]:
            kept[-1] = p
        else:
            kept.append(p)
    return kept or [(0, 0, 1)]


def normalised_text(text: str) -> str:
    return normalise(text).text


_ENTITY_OR_PERCENT = _ENTITY.pattern + "|" + _PERCENT.pattern
_REFERENCE = re.compile(_ENTITY_OR_PERCENT)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def unstable_characters() -> list[tuple[int, int]]:
    """The ranges of code points normalising changes or removes: those NFKC changes, combining marks,
    invisible characters and look-alike letters (generated into lookalikes.py as UNSTABLE)."""
    ranges: list[list[int]] = []
    for c in range(128, 0x110000):
        ch = chr(c)
        if (
            unicodedata.normalize("NFKC", ch) != ch
            or unicodedata.combining(ch)
            or unicodedata.category(ch) == "Cf"
            or ch in _INVISIBLE_EXTRA
            or ch in TABLE
        ):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return [(a, b) for a, b in ranges]


# Every character normalising may change: read-only data, built once at import from lookalikes.py.
_UNSTABLE = frozenset(chr(c) for a, b in UNSTABLE for c in range(a, b + 1))


def _decode_reference(ref: str) -> str | None:
    if ref.startswith("%"):
        try:
            return bytes.fromhex(ref.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return None  # not UTF-8: leave it as typed
    body = ref[1:].rstrip(";")
    if body.startswith("#"):
        try:
            code = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])  # noqa: FURB166
            return chr(code) if 0 < code <= 0x10FFFF else None
        except ValueError:
            return None
    named = html.entities.html5.get(body + ";") or (
        html.entities.html5.get(body) if not ref.endswith(";") else None
    )
    return named


def _push_nfkc(piece: str, at: int, out: _Out) -> None:
    """Append `piece` (from offset `at`) in NFKC, dropping invisible characters. A combining mark
    joins the letter before it, so "e" + U+0301 becomes one "é" (NFKC composes across pieces)."""
    for ch in piece:
        if is_invisible(ch):
            continue
        if ch.isascii():
            out.one(ch, at)
            continue
        if unicodedata.combining(ch) and out.chars and out.chars[-1]:
            last = out.chars[-1]
            merged = unicodedata.normalize("NFKC", last[-1] + ch)
            if len(merged) == 1:
                out.chars[-1] = last[:-1] + merged
                out.lookalike |= merged in LOOKALIKES
                continue
        text = "".join(c for c in unicodedata.normalize("NFKC", ch) if not is_invisible(c))
        out.lookalike |= any(c in LOOKALIKES for c in text)
        out.one(text, at)


def _fold_lookalikes(text: str) -> str:
    if text.isascii():
        return text
    table = LOOKALIKES
    return _LETTERS.sub(lambda m: _fold_word(m.group(0), table), text)


def _fold_word(word: str, table: Mapping[str, str]) -> str:
    if word.isascii() or not any(c in table for c in word):
        return word
    if all(c.isascii() or c in table for c in word):  # only Latin and Latin look-alikes: a disguise
        return "".join(table.get(c, c) for c in word)
    return word


def build_lookalikes() -> dict[str, str]:
    """Each non-ASCII letter that Unicode lists as confusable with an ASCII letter → that letter.

    Computed from the `confusable-homoglyphs` data; `safety/lookalikes.py` holds the result, so a
    build does not parse the library's 1 MB of JSON (tests/test_safety_normalise.py keeps them equal)."""
    from confusable_homoglyphs import confusables

    data = confusables.confusables_data
    table: dict[str, str] = {}
    for ch, glyphs in data.items():
        if ch.isascii() or len(ch) != 1 or not ch.isalpha():
            continue
        target = _ascii_letter(ch, glyphs)
        if target is None and ch.lower() != ch:  # a capital: fold its small letter, then raise it
            small = data.get(ch.lower())
            lower_target = _ascii_letter(ch.lower(), small) if small else None
            target = lower_target.upper() if lower_target else None
        if target is not None:
            table[ch] = target
    for ch in list(table):  # capitals fold to capitals, as the eye reads them
        if ch.isupper() and table[ch].islower() and ch.lower() in table:
            table[ch] = table[ch.lower()].upper()
    return dict(sorted(table.items()))


def _ascii_letter(ch: str, glyphs: list[dict[str, str]] | None) -> str | None:
    for g in glyphs or ():
        c = g.get("c", "")
        if len(c) == 1 and c.isascii() and c.isalpha():
            return c
    return None


LOOKALIKES: Mapping[str, str] = MappingProxyType(TABLE)
