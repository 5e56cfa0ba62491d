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

import html.entities
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.safety.lookalikes import FORMAT, TABLE

_FORMAT = frozenset(FORMAT)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Not category Cf, but just as invisible between two letters.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10)
)


@dataclass(frozen=True)
class Normalised:
    """Normalised text and, for each of its characters, the offset it came from in the original."""

    text: str
    origins: tuple[int, ...] | None  # len(text) + 1 entries, the last len(original); None: unchanged

    def origin(self, i: int) -> int:
        """Offset in the original text of character `i` of the normalised text (clamped)."""
        if self.origins is None:
            return max(0, min(i, len(self.text)))
        if i <= 0:
            return self.origins[0] if self.origins else 0
        return self.origins[min(i, len(self.origins) - 1)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalised characters start..end came from."""
        if end <= start:
            return self.origin(start), self.origin(start)
        return self.origin(start), self.origin(end - 1) + _width_at(self, end - 1)


def _width_at(n: Normalised, i: int) -> int:
    """How many original characters produced normalised character i (at least 1)."""
    if n.origins is None:
        return 1
    here = n.origins[i]
    nxt = n.origins[i + 1] if i + 1 < len(n.origins) else here + 1
    return max(1, nxt - here)


def is_invisible(ch: str) -> bool:
    return ch in _FORMAT or ch in _INVISIBLE_EXTRA


def normalise(text: str) -> Normalised:
    """`text` as the checks read it (see the module's docstring), with offsets back into `text`."""
    if "&" not in text and "%" not in text and (text.isascii() or _plain(text)):
        return Normalised(text, None)  # the common case: nothing to do
    chars: list[str] = []
    origins: list[int] = []
    for piece, at in _decoded(text):
        _push_nfkc(piece, at, chars, origins)
    folded = _fold_lookalikes("".join(chars))
    return Normalised(folded, tuple(origins) + (len(text),))


def _plain(text: str) -> bool:
    """No invisible character, no look-alike letter, and already in NFKC (curly quotes and accented
    letters are plain): a search and a check in C, instead of a loop over every character."""
    return _SUSPECT.isdisjoint(text) and unicodedata.is_normalized("NFKC", text)


def normalised_text(text: str) -> str:
    return normalise(text).text


def _decoded(text: str) -> list[tuple[str, int]]:
    """(piece, offset) pairs: entities and percent-encoding decoded, each piece from one place."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _REFERENCE.finditer(text):
        if m.start() > pos:
            out.extend((text[i], i) for i in range(pos, m.start()))
        decoded = _decode_reference(m.group(0))
        if decoded is None:
            out.extend((text[i], i) for i in range(m.start(), m.end()))
        else:
            out.extend((c, m.start()) for c in decoded)
        pos = m.end()
    out.extend((text[i], i) for i in range(pos, len(text)))
    return out


_REFERENCE = re.compile(_ENTITY.pattern + "|" + _PERCENT.pattern)


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


def _push_nfkc(piece: str, at: int, chars: list[str], origins: list[int]) -> None:
    """Append `piece` (from offset `at`) in NFKC, dropping invisible characters. A combining mark
    joins the letter before it, so "e" + U+0301 becomes one "é" (NFKC composes across pieces)."""
    for ch in piece:
        if is_invisible(ch):
            continue
        if ch.isascii():
            chars.append(ch)
            origins.append(at)
            continue
        if unicodedata.combining(ch) and chars:
            merged = unicodedata.normalize("NFKC", chars[-1] + ch)
            if len(merged) == 1:
                chars[-1] = merged
                continue
        for out in unicodedata.normalize("NFKC", ch):
            if not is_invisible(out):
                chars.append(out)
                origins.append(at)


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


def format_characters() -> str:
    """Every character of Unicode category Cf (generated into lookalikes.py as FORMAT)."""
    return "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")


# Every character normalise() would remove or fold: read-only data, built once at import.
_SUSPECT = frozenset(FORMAT) | _INVISIBLE_EXTRA | frozenset(TABLE)
