"""Never-publish terms stored only as keyed hashes (HMAC-SHA256), never as plain text.

Terms are normalised (Unicode NFKC, accents removed, case folded, punctuation and spacing collapsed)
and split into words. An entry line is `<words> <HMAC of the term> [<HMAC of its first word>]`: the
word count limits which n-grams a scan hashes, and the first word's hash (phrases only) limits where
(scanning is then one hash per distinct word of the site, plus one per candidate phrase). It reveals
nothing without the key that the term's own hash does not. The key lives in the environment (a CI
secret), so the file alone cannot be dictionary-attacked the way a salted hash in the repository
could (AEPD/EDPS 2019).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pathlib
import re
import unicodedata
from dataclasses import dataclass

from generator.errors import UsageError

KEY_ENV = "IMPACTSITE_DENYLIST_KEY"
HEADER = "# impactsite denylist v1: HMAC-SHA256 of normalised terms. Add with `impactsite redact add`; never edit by hand."
_CHECK_TEXT = b"impactsite denylist key check"
_TOKEN = re.compile(r"\w+")


_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_HEX64 = re.compile(r"[0-9a-f]{64}")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(m: re.Match[str]) -> str:
    return "" if unicodedata.combining(m.group(0)) else m.group(0)


def normalise(text: str) -> str:
    if text.isascii():  # the common case, ten times cheaper than the Unicode path below
        return " ".join(_ASCII_TOKEN.findall(text)).lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    stripped = _NON_ASCII.sub(_drop_combining, decomposed)  # only non-ASCII characters can be accents
    return " ".join(_TOKEN.findall(stripped.casefold().replace("_", " ")))


def tokens_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Normalised words of `text` with their character spans in the original."""
    if text.isascii():
        return [(m.group(0).lower(), m.start(), m.end()) for m in _ASCII_TOKEN.finditer(text)]
    out = []
    for m in _TOKEN.finditer(text):
        word = normalise(m.group(0))
        for part in word.split():
            out.append((part, m.start(), m.end()))
    return out


@dataclass(frozen=True)
class Denylist:
    path: pathlib.Path
    entries: frozenset[tuple[int, str]]  # (number of words, hex digest)
    check: str | None  # HMAC of a fixed text, to tell a wrong key from "no hits"
    firsts: tuple[
        tuple[tuple[int, str], str], ...
    ] = ()  # (entry, keyed hash of its first word), phrases only

    @property
    def records(self) -> list[tuple[int, str, str | None]]:
        first = dict(self.firsts)
        return [(n, h, first.get((n, h))) for n, h in sorted(self.entries)]

    @property
    def lengths(self) -> tuple[int, ...]:
        return tuple(sorted({n for n, _ in self.entries}))

    def __len__(self) -> int:
        return len(self.entries)


def load_denylist(path: pathlib.Path) -> Denylist:
    if not path.exists():
        return Denylist(path, frozenset(), None)
    entries: set[tuple[int, str]] = set()
    firsts: dict[tuple[int, str], str] = {}
    check = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "check" and len(parts) == 2:
            check = parts[1]
        elif 2 <= len(parts) <= 3 and parts[0].isdigit() and all(_HEX64.fullmatch(p) for p in parts[1:]):
            entries.add((int(parts[0]), parts[1]))
            if len(parts) == 3 and int(parts[0]) > 1:
                firsts[(int(parts[0]), parts[1])] = parts[2]
        else:
            raise UsageError(
                f"{path}:{lineno}: this line is not a denylist entry; the file must only be changed with `impactsite redact add`"
            )
    return Denylist(path, frozenset(entries), check, tuple(sorted(firsts.items())))


def key_from_env() -> bytes | None:
    value = os.environ.get(KEY_ENV, "")
    return value.encode("utf-8") if value else None


class Matcher:
    """Finds denylisted terms in a text by hashing its words with the key.

    Each distinct word is hashed once per process (a site's vocabulary is small), and a phrase of
    two or more words is hashed only where its first word is the first word of a listed phrase:
    entries record that word's keyed hash for exactly this purpose. Entries written before that
    record existed still match; their lengths are scanned by hashing every n-gram (slower).
    """

    def __init__(self, denylist: Denylist, key: bytes) -> None:
        self.denylist = denylist
        self.key = key
        self._base = hmac.new(key, digestmod=hashlib.sha256)
        self._by_length: dict[int, frozenset[bytes]] = {}
        starts: dict[bytes, set[int]] = {}
        legacy: set[int] = set()
        for n, digest, first in denylist.records:
            self._by_length.setdefault(n, frozenset())
            self._by_length[n] = self._by_length[n] | {bytes.fromhex(digest)}
            if n > 1 and first is None:
                legacy.add(n)
            elif n > 1 and first is not None:
                starts.setdefault(bytes.fromhex(first), set()).add(n)
        self._single = self._by_length.get(1, frozenset())
        self._starts = {d: tuple(sorted(ns)) for d, ns in starts.items()}
        self._legacy = tuple(sorted(legacy))
        self._words: dict[str, bytes] = {}  # word → keyed hash, for this process
        self._phrases: dict[str, bool] = {}  # legacy path only: phrase → listed?
        self.lengths = denylist.lengths

    def digest(self, normalised: str) -> str:
        h = self._base.copy()
        h.update(normalised.encode("utf-8"))
        return h.hexdigest()

    def _raw(self, normalised: str) -> bytes:
        return hmac.digest(self.key, normalised.encode("utf-8"), "sha256")

    def key_matches(self) -> bool:
        if self.denylist.check is None:
            return True
        return hmac.compare_digest(self.digest(_CHECK_TEXT.decode()), self.denylist.check)

    def _listed(self, words: list[str]) -> list[tuple[int, int]]:
        """(first word index, number of words) of every listed phrase in `words`."""
        memo = self._words
        for word in set(words).difference(memo):
            memo[word] = self._raw(word)
        digests = list(map(memo.__getitem__, words))
        found: list[tuple[int, int]] = []
        if self._single and not self._single.isdisjoint(digests):
            found += [(i, 1) for i, d in enumerate(digests) if d in self._single]
        if self._starts and not self._starts.keys().isdisjoint(digests):
            for i, d in enumerate(digests):
                for n in self._starts.get(d, ()):
                    if i + n <= len(words) and self._raw(" ".join(words[i : i + n])) in self._by_length[n]:
                        found.append((i, n))
        for n in self._legacy:
            listed = self._by_length[n]
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n])
                hit = self._phrases.get(phrase)
                if hit is None:
                    hit = self._phrases[phrase] = self._raw(phrase) in listed
                if hit:
                    found.append((i, n))
        return found

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans (start, end) in `text` of denylisted terms."""
        if not self._by_length or not text:
            return []
        words = normalise(text).split()
        found = self._listed(words)
        if not found:
            return []
        toks = tokens_with_spans(text)
        if [t[0] for t in toks] != words:
            # Rare: normalising the whole text joined or split words differently from normalising
            # word by word (a combining accent typed as its own character). The hit is certain;
            # only its place is not, so the whole text is reported.
            return [(0, len(text))]
        return sorted({(toks[i][1], toks[i + n - 1][2]) for i, n in found})


def add_term(path: pathlib.Path, term: str, key: bytes) -> tuple[bool, int]:
    """Add one term; return (added, entry count). The term itself is never written or printed."""
    norm = normalise(term)
    if not norm:
        raise UsageError("the term is empty after removing punctuation; nothing was added")
    denylist = load_denylist(path)
    matcher = Matcher(denylist, key)
    if denylist.check is not None and not matcher.key_matches():
        raise UsageError(f"{KEY_ENV} is not the key this denylist was made with; nothing was added")
    words = norm.split()
    entry = (len(words), matcher.digest(norm))
    if entry in denylist.entries:
        return False, len(denylist.entries)
    firsts = dict(denylist.firsts)
    if len(words) > 1:
        firsts[entry] = matcher.digest(words[0])  # lets a scan hash a phrase only where it can start
    entries = sorted(denylist.entries | {entry})
    check = denylist.check or matcher.digest(_CHECK_TEXT.decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    lines = "".join(f"{n} {h} {firsts[(n, h)]}\n" if (n, h) in firsts else f"{n} {h}\n" for n, h in entries)
    tmp.write_text(HEADER + "\n" + f"check {check}\n" + lines, encoding="utf-8")
    os.replace(tmp, path)
    return True, len(entries)
