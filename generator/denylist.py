"""Never-publish terms stored only as keyed hashes (HMAC-SHA256), never as plain text.

Terms are normalised (Unicode NFKC, accents removed, case folded, punctuation and spacing collapsed)
and split into words; an entry records how many words it has so a scan only hashes n-grams of those
lengths. The key lives in the environment (a CI secret), so the file alone cannot be dictionary-
attacked the way a salted hash in the repository could (AEPD/EDPS 2019).
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


def normalise(text: str) -> str:
    if text.isascii():  # the common case, ten times cheaper than the Unicode path below
        return " ".join(_ASCII_TOKEN.findall(text)).lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
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

    @property
    def lengths(self) -> tuple[int, ...]:
        return tuple(sorted({n for n, _ in self.entries}))

    def __len__(self) -> int:
        return len(self.entries)


def load_denylist(path: pathlib.Path) -> Denylist:
    if not path.exists():
        return Denylist(path, frozenset(), None)
    entries: set[tuple[int, str]] = set()
    check = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "check" and len(parts) == 2:
            check = parts[1]
        elif len(parts) == 2 and parts[0].isdigit() and re.fullmatch(r"[0-9a-f]{64}", parts[1]):
            entries.add((int(parts[0]), parts[1]))
        else:
            raise UsageError(f"{path}:{lineno}: this line is not a denylist entry; the file must only be changed with `impactsite redact add`")
    return Denylist(path, frozenset(entries), check)


def key_from_env() -> bytes | None:
    value = os.environ.get(KEY_ENV, "")
    return value.encode("utf-8") if value else None


class Matcher:
    """Hashes n-grams of a text with the key and reports which hit the denylist.

    Hashes are memoised per word sequence: a site's vocabulary is small, so most n-grams repeat.
    """

    def __init__(self, denylist: Denylist, key: bytes) -> None:
        self.denylist = denylist
        self.key = key
        self._base = hmac.new(key, digestmod=hashlib.sha256)
        self._memo: dict[str, bool] = {}
        self.lengths = denylist.lengths

    def digest(self, normalised: str) -> str:
        h = self._base.copy()
        h.update(normalised.encode("utf-8"))
        return h.hexdigest()

    def key_matches(self) -> bool:
        if self.denylist.check is None:
            return True
        return hmac.compare_digest(self.digest(_CHECK_TEXT.decode()), self.denylist.check)

    def _hit(self, n: int, phrase: str) -> bool:
        memo_key = f"{n}\x00{phrase}"
        found = self._memo.get(memo_key)
        if found is None:
            found = (n, self.digest(phrase)) in self.denylist.entries
            self._memo[memo_key] = found
        return found

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans (start, end) in `text` of denylisted terms."""
        if not self.denylist.entries or not text:
            return []
        toks = tokens_with_spans(text)
        words = [t[0] for t in toks]
        hits = []
        for n in self.lengths:
            for i in range(len(words) - n + 1):
                if self._hit(n, " ".join(words[i : i + n])):
                    hits.append((toks[i][1], toks[i + n - 1][2]))
        return sorted(hits)


def add_term(path: pathlib.Path, term: str, key: bytes) -> tuple[bool, int]:
    """Add one term; return (added, entry count). The term itself is never written or printed."""
    norm = normalise(term)
    if not norm:
        raise UsageError("the term is empty after removing punctuation; nothing was added")
    denylist = load_denylist(path)
    matcher = Matcher(denylist, key)
    if denylist.check is not None and not matcher.key_matches():
        raise UsageError(f"{KEY_ENV} is not the key this denylist was made with; nothing was added")
    entry = (len(norm.split()), matcher.digest(norm))
    if entry in denylist.entries:
        return False, len(denylist.entries)
    entries = sorted(denylist.entries | {entry})
    check = denylist.check or matcher.digest(_CHECK_TEXT.decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(HEADER + "\n" + f"check {check}\n" + "".join(f"{n} {h}\n" for n, h in entries), encoding="utf-8")
    os.replace(tmp, path)
    return True, len(entries)
