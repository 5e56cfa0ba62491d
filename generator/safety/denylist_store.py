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

import functools
import hashlib
import hmac
import os
import pathlib
import re
import unicodedata
from dataclasses import dataclass

from generator.errors import UsageError
from generator.safety.normalise import normalise as as_read

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


def term_key(term: str) -> str:
    """What a term is hashed as: read as shown (invisible characters dropped, look-alikes folded,
    references decoded), then normalised. A plain ASCII term hashes exactly as it always did."""
    return normalise(as_read(term).text)


def tokens_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Normalised words of `text` with their character spans in the original: exactly the words
    `normalise(text)` gives, since every step of it works character by character (NFKD, dropping
    accents, case folding); only NFKC composes, and NFKD undoes that)."""
    if text.isascii():
        return [(m.group(0).lower(), m.start(), m.end()) for m in _ASCII_TOKEN.finditer(text)]
    pieces: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        t = (" " if ch == "_" else ch.lower()) if ch.isascii() else _folded(ch)
        if t:
            pieces.append(t)
            origin.extend([i] * len(t))
    folded = "".join(pieces)
    return [(m.group(0), origin[m.start()], origin[m.end() - 1] + 1) for m in _TOKEN.finditer(folded)]


@functools.lru_cache(maxsize=4096)
def _folded(ch: str) -> str:
    """One character as `normalise` reads it (before words are split)."""
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("_", " ")


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
        """Spans (start, end) in `text` of denylisted terms.

        The text is read as a reader sees it first (safety/normalise.py: entities and percent-encoding
        decoded, invisible characters dropped, look-alike letters folded), so "Pri&shy;ya",
        "Pri\u200bya" and "luc%C3%ADa" are found; spans point back into `text` as typed."""
        if not self._by_length or not text:
            return []
        # Plain ASCII without a reference reads as typed: no need to build an offset map for it.
        plain = text.isascii() and "&" not in text and "%" not in text
        shown = None if plain else as_read(text)
        read = text if shown is None else shown.text
        words = normalise(read).split()
        found = self._listed(words)
        if not found:
            return []
        toks = tokens_with_spans(read)
        if [t[0] for t in toks] != words:
            # Rare: normalising the whole text joined or split words differently from normalising
            # word by word (a combining accent typed as its own character). The hit is certain;
            # only its place is not, so the whole text is reported.
            return [(0, len(text))]
        spans = {(toks[i][1], toks[i + n - 1][2]) for i, n in found}
        return sorted(spans if shown is None else {shown.span(a, b) for a, b in spans})


def add_term(path: pathlib.Path, term: str, key: bytes) -> tuple[bool, int]:
    """Add one term; return (added, entry count). The term itself is never written or printed."""
    norm = term_key(term)
    if not norm:
        raise UsageError("the term is empty after removing punctuation; nothing was added")
    denylist = load_denylist(path)
    matcher = Matcher(denylist, key)
    if denylist.check is None and denylist.entries:
        raise UsageError(
            f"{path.name} has entries but no check line, so nobody can tell which key made them; restore it "
            "from version control first (git checkout -- FILE); nothing was added"
        )
    if denylist.check not in (None, UNKEYED) and not matcher.key_matches():
        raise UsageError(f"{KEY_ENV} is not the key this denylist was made with; nothing was added")
    words = norm.split()
    entry = (len(words), matcher.digest(norm))
    if entry in denylist.entries:
        return False, len(denylist.entries)
    firsts = dict(denylist.firsts)
    if len(words) > 1:
        firsts[entry] = matcher.digest(words[0])  # lets a scan hash a phrase only where it can start
    entries = sorted(denylist.entries | {entry})
    check = denylist.check if denylist.check not in (None, UNKEYED) else matcher.digest(_CHECK_TEXT.decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    lines = "".join(f"{n} {h} {firsts[(n, h)]}\n" if (n, h) in firsts else f"{n} {h}\n" for n, h in entries)
    tmp.write_text(HEADER + "\n" + f"check {check}\n" + lines, encoding="utf-8")
    os.replace(tmp, path)
    return True, len(entries)


# --- The site's denylist, failing closed --------------------------------------------------------------
#
# A site that has a denylist can never lose it silently. Three things tell a site that has one from a
# site that never had one:
#   1. site.yaml names it (`safety: denylist: <path>`): the file must then exist and be a denylist;
#   2. a denylist file exists at the path (named or the default safety/denylist.txt): it must be whole,
#      with its check line, and the key must be set, long enough and the right one;
#   3. `.impactsite/denylist.json` remembers the check line of the last denylist the site was checked
#      with: a later run without that denylist (deleted, emptied, replaced with another key) stops.
# A denylist is switched off only on purpose, in site.yaml: `denylist: none`.
# A new site's denylist file may hold only its header and `check none`: no key chosen yet, no terms.

MIN_KEY_BYTES = 16
UNKEYED = "none"  # `check none`: a denylist file waiting for its first term (and so its key)
MEMORY = "denylist.json"
DEFAULT_PATH = "safety/denylist.txt"
NEW_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


@dataclass(frozen=True)
class Problem:
    """Why the site's denylist cannot be used: where, what, and the fix."""

    path: str
    line: int
    column: int
    rule: str  # DENYLIST-FILE or DENYLIST-KEY
    message: str
    fix: str


@dataclass(frozen=True)
class SiteDenylist:
    matcher: Matcher | None
    problems: tuple[Problem, ...] = ()
    check: str | None = None  # the check line of a usable, keyed denylist (to remember)
    path: str = ""


def key_problem(key: bytes | None) -> str:
    """Why this key cannot be used ('' if it can)."""
    if key is None:
        return f"{KEY_ENV} is not set"
    if len(key) < MIN_KEY_BYTES:
        return f"{KEY_ENV} is only {len(key)} characters long; a denylist key needs at least {MIN_KEY_BYTES}"
    return ""


def read_file(path: pathlib.Path, rel: str) -> tuple[Denylist | None, Problem | None]:
    """The denylist at `path`, or the problem that makes it unusable (located in the file)."""
    restore = f"restore it from version control (git checkout -- {rel}); never edit it by hand"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(
            rel,
            0,
            0,
            "DENYLIST-FILE",
            f"the denylist file cannot be read ({exc.strerror})",
            "check its permissions",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, Problem(rel, 1, 1, "DENYLIST-FILE", "the denylist file is not text", restore)
    if not text.strip():
        return None, Problem(rel, 1, 1, "DENYLIST-FILE", "the denylist file is empty", restore)
    entries: set[tuple[int, str]] = set()
    firsts: dict[tuple[int, str], str] = {}
    check = None
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "check" and len(parts) == 2 and (parts[1] == UNKEYED or _HEX64.fullmatch(parts[1])):
            check = parts[1]
        elif 2 <= len(parts) <= 3 and parts[0].isdigit() and all(_HEX64.fullmatch(p) for p in parts[1:]):
            entries.add((int(parts[0]), parts[1]))
            if len(parts) == 3 and int(parts[0]) > 1:
                firsts[(int(parts[0]), parts[1])] = parts[2]
        else:
            return None, Problem(
                rel, lineno, 1, "DENYLIST-FILE", "this line is not a denylist entry", restore
            )
    if check is None:
        return None, Problem(
            rel,
            1,
            1,
            "DENYLIST-FILE",
            "the denylist has no check line, so nobody can tell whether the key is the right one",
            restore,
        )
    if check == UNKEYED and entries:
        return None, Problem(
            rel, 1, 1, "DENYLIST-FILE", "the denylist has entries but its check line was reset", restore
        )
    return Denylist(path, frozenset(entries), check, tuple(sorted(firsts.items()))), None


def site_denylist(
    root: pathlib.Path,
    raw_safety: object,
    configured: str,
    where: tuple[int, int],
    state_dir: pathlib.Path,
) -> SiteDenylist:
    """The site's denylist matcher, or every reason it cannot be used (see the comment above).

    `raw_safety` is the `safety:` section of site.yaml as written (to tell a path written there from
    the default), `where` the position of `safety.denylist` (or of `safety:`) in site.yaml."""
    named = isinstance(raw_safety, dict) and isinstance(raw_safety.get("denylist"), str)
    setting = (configured or DEFAULT_PATH).strip()
    memory = _recall(state_dir)
    line, column = where
    if named and setting.lower() == UNKEYED:
        return SiteDenylist(None)  # switched off on purpose, in site.yaml
    rel = setting.replace("\\", "/")
    path = root / rel
    if not path.resolve().is_relative_to(root.resolve()):
        return SiteDenylist(
            None,
            (
                Problem(
                    "site.yaml",
                    line,
                    column,
                    "DENYLIST-FILE",
                    "safety.denylist points outside the site",
                    f"keep the denylist in the site, e.g. {DEFAULT_PATH}",
                ),
            ),
        )
    if not path.exists():
        if named:
            guess = _nearest(root, rel)
            hint = f"correct the path (did you mean {guess}?)" if guess else "correct the path"
            return SiteDenylist(
                None,
                (
                    Problem(
                        "site.yaml",
                        line,
                        column,
                        "DENYLIST-FILE",
                        f"safety.denylist names {rel}, but there is no such file, so nothing could be checked against it",
                        f"{hint}, or restore the file from version control (git checkout -- {rel}); "
                        "`impactsite redact add` starts a new one; to use no denylist, write `denylist: none`",
                    ),
                ),
            )
        if memory is not None:
            return SiteDenylist(
                None,
                (
                    Problem(
                        rel,
                        0,
                        0,
                        "DENYLIST-FILE",
                        "the denylist the last check used has gone, so nothing could be checked against it",
                        f"restore it from version control (git checkout -- {rel}), or name its new place in "
                        "site.yaml (safety: denylist: PATH); to stop using a denylist on purpose, write "
                        "`denylist: none` under safety: in site.yaml",
                    ),
                ),
            )
        return SiteDenylist(None)  # this site never had a denylist
    denylist, problem = read_file(path, rel)
    if problem is not None or denylist is None:
        return SiteDenylist(None, (problem,) if problem else ())
    if denylist.check == UNKEYED:
        if memory is not None:
            return SiteDenylist(
                None,
                (
                    Problem(
                        rel,
                        1,
                        1,
                        "DENYLIST-FILE",
                        "the denylist was replaced by an empty one since the last check",
                        f"restore it from version control (git checkout -- {rel})",
                    ),
                ),
            )
        return SiteDenylist(None, path=rel)  # a new site's denylist, no terms yet
    key = key_from_env()
    why = key_problem(key)
    if why:
        count = f"{len(denylist)} entr{'y' if len(denylist) == 1 else 'ies'}"
        fix = (
            f"set {KEY_ENV} to the key kept in your password manager and CI secret store"
            if key is None
            else f"use the charity's real key (make a new one with {NEW_KEY}, see README: Denylist)"
        )
        return SiteDenylist(
            None,
            (
                Problem(
                    rel,
                    1,
                    1,
                    "DENYLIST-KEY",
                    f"the denylist has {count} but {why}, so it cannot be checked",
                    fix,
                ),
            ),
        )
    assert key is not None
    matcher = Matcher(denylist, key)
    if not matcher.key_matches():
        return SiteDenylist(
            None,
            (
                Problem(
                    rel,
                    1,
                    1,
                    "DENYLIST-KEY",
                    f"{KEY_ENV} is not the key this denylist was made with",
                    f"set {KEY_ENV} to the key kept in your password manager and CI secret store",
                ),
            ),
        )
    if memory is not None and memory != denylist.check:
        return SiteDenylist(
            None,
            (
                Problem(
                    rel,
                    1,
                    1,
                    "DENYLIST-FILE",
                    "this denylist was made with a different key from the one the last check used",
                    f"restore the denylist from version control (git checkout -- {rel}); if you made a new one "
                    f"on purpose (the old key was lost), delete .impactsite/{MEMORY} once",
                ),
            ),
        )
    return SiteDenylist(matcher, check=denylist.check, path=rel)


def remember(state_dir: pathlib.Path, denylist: SiteDenylist) -> None:
    """Record the check line of the denylist this site was checked with (never the key or a term)."""
    if denylist.check is None or denylist.check == UNKEYED:
        return
    path = state_dir / MEMORY
    if _recall(state_dir) == denylist.check:
        return
    import json

    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"check": denylist.check, "path": denylist.path}) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only checkout still checks; it just cannot remember


def _recall(state_dir: pathlib.Path) -> str | None:
    import json

    try:
        data = json.loads((state_dir / MEMORY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    check = data.get("check") if isinstance(data, dict) else None
    return check if isinstance(check, str) and _HEX64.fullmatch(check) else None


def _nearest(root: pathlib.Path, rel: str) -> str | None:
    """A denylist file near a mistyped path: the default place, or a file whose name is close."""
    import difflib

    candidates = []
    for folder in {pathlib.PurePosixPath(rel).parent.as_posix(), "safety"}:
        base = root / folder
        if base.is_dir():
            candidates += [
                (p.relative_to(root).as_posix())
                for p in base.iterdir()
                if p.is_file() and p.read_bytes()[:40].startswith(b"# impactsite denylist")
            ]
    close = difflib.get_close_matches(rel, candidates, n=1, cutoff=0.5)
    return close[0] if close else (candidates[0] if len(candidates) == 1 else None)
