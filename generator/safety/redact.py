"""Never print a protected value: redacted hints for messages, and the last line of defence for reports.

Every message, report format (text, JSON, SARIF) and the `serve` overlay gives a finding's location
and, at most, a *hint* of what it found: enough for the writer, who has the file open, to see which
one is meant, never enough for anyone reading a CI log, a pull-request annotation or a screenshot to
learn it.

- `redact_hint(value, kind)`: "Priya Sharma" → "P… S…", "+91 98765 43210" → "+91 98••• •••10",
  "sunita.devi@gmail.com" → "s…@g…", an ID number → its last two digits.
- `Protector.mask(text)`: before any finding is printed, every denylisted term, every protected name
  (declared real names of minors and relatives) and every identifier the detectors recognise in
  the message or fix is replaced by its hint. Messages should not quote in the first place; this
  catches the ones that slip through. The build registers the site's protector (`remember`) when
  it checks the site; report writers call `mask_finding`, which uses it.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from generator.findings import Finding
from generator.safety.normalise import normalise as as_read

if TYPE_CHECKING:
    from generator.content.model import Story
    from generator.safety.denylist_store import Matcher
    from generator.safety.detect.scanbase import Settings

NAME = "name"
TERM = "term"
PHONE = "phone"
EMAIL = "email"
NUMBER = "number"
LINK = "link"

DOT = "•"
_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d+")


def redact_hint(value: str, kind: str = TERM) -> str:
    """A hint of a protected value that does not reveal it (see the module docstring)."""
    text = " ".join(as_read(value).text.split())
    if not text:
        return "…"
    if kind == PHONE:
        return _phone_hint(text)
    if kind == EMAIL and "@" in text:
        local, _, domain = text.rpartition("@")
        return f"{_initial(local, upper=False)}@{_initial(domain, upper=False)}"
    if kind == NUMBER:
        return _digits_hint(text, keep_start=0, keep_end=2)
    if kind == LINK:
        return "a link"
    words = _WORD.findall(text)
    if not words:
        return "…"
    # The words that make it a name: "village of Bargaon" → "B…", "SUNITA devi" → "S… D…".
    named = [w for w in words if w.casefold() not in _PLAIN_WORDS] or words
    return " ".join(_initial(w) for w in named[:4]) + (" …" if len(named) > 4 else "")


# Words that say what kind of thing a found detail is, not which one: left out of a hint.
_PLAIN_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "near",
        "of",
        "off",
        "on",
        "the",
        "to",
        "with",
        "de",
        "del",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "los",
        "las",
        "van",
        "von",
        "village",
        "town",
        "city",
        "district",
        "colony",
        "street",
        "road",
        "lane",
        "area",
        "block",
        "ward",
        "school",
        "house",
        "near",
    ]
)


def _initial(word: str, *, upper: bool = True) -> str:
    for ch in word:
        if ch.isalnum():
            return (DOT if ch.isdigit() else ch.upper() if upper else ch) + "…"
    return "…"


def _phone_hint(text: str) -> str:
    """'+91 98765 43210' → '+91 98••• •••10': the country code, the first two and last two digits."""
    prefix = ""
    rest = text
    if text.startswith("+"):
        code = _country_code(text)
        if code:
            # keep "+<code>" and what separates it from the number
            digits_seen = 0
            i = 1
            while i < len(text) and digits_seen < len(code):
                if text[i].isdigit():
                    digits_seen += 1
                i += 1
            prefix, rest = text[:i], text[i:]
    return prefix + _digits_hint(rest, keep_start=2, keep_end=2)


def _country_code(text: str) -> str:
    try:
        import phonenumbers

        return str(phonenumbers.parse(text, None).country_code or "")
    except Exception:  # noqa: BLE001 - not a number phonenumbers understands: no country code kept
        return ""


def _digits_hint(text: str, *, keep_start: int, keep_end: int) -> str:
    total = sum(c.isdigit() for c in text)
    if total <= keep_start + keep_end + 2:
        keep_start, keep_end = 0, min(keep_end, max(0, total - 4))
    out = []
    seen = 0
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep_start or seen > total - keep_end else DOT)
        elif ch.isalpha():
            out.append(DOT)
        else:
            out.append(ch)
    return "".join(out)


class Protector:
    """Masks protected values in text that is about to be printed."""

    def __init__(
        self,
        matcher: Matcher | None = None,
        names: Iterable[str] = (),
        settings: Settings | None = None,
        sources: Mapping[str, str] | None = None,
        root: pathlib.Path | None = None,
    ) -> None:
        from generator.safety.denylist_store import normalise

        self.matcher = matcher
        self.names = tuple(sorted({n for n in (normalise(as_read(x).text) for x in names) if n}))
        self.settings = settings
        self._patterns = [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)") for n in self.names]
        # The text of each source file, so a finding about a file can be checked against the protected
        # terms that file holds (a detector quoting one word of a denylisted phrase, say).
        self.sources = sources or {}
        self.root = root
        self._in_file: dict[str, tuple[list[tuple[int, int]], frozenset[str]]] = {}
        self._read: dict[str, str] = {}

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every protected value in `text`."""
        found: list[tuple[int, int, str]] = []
        if not text:
            return found
        if self.matcher is not None:
            found += [(a, b, TERM) for a, b in self.matcher.find(text)]
        if self._patterns:
            found += [(a, b, NAME) for a, b in self._name_spans(text)]
        found += self._identifiers(text)
        return found

    def _name_spans(self, text: str) -> list[tuple[int, int]]:
        from generator.safety.denylist_store import normalise, tokens_with_spans

        shown = as_read(text)
        toks = tokens_with_spans(shown.text)
        words = [t[0] for t in toks]
        if words != normalise(shown.text).split():
            words = normalise(shown.text).split()
            if any(pat.search(" ".join(words)) for pat in self._patterns):
                return [(0, len(text))]
            return []
        out = []
        for name in self.names:
            parts = name.split()
            n = len(parts)
            for i in range(len(words) - n + 1):
                if words[i : i + n] == parts:
                    out.append(shown.span(toks[i][1], toks[i + n - 1][2]))
        return out

    def _identifiers(self, text: str) -> list[tuple[int, int, str]]:
        if not any(c.isdigit() for c in text) and "@" not in text:
            return []
        from generator.safety.detect import textscan as ts
        from generator.safety.detect.fields import PROSE

        kinds = {ts.PHONE: PHONE, ts.EMAIL: EMAIL, ts.NUMBER: NUMBER, ts.SOCIAL: TERM}
        settings = self.settings if self.settings is not None else ts.Settings()
        return [(f.start, f.end, kinds[f.rule]) for f in ts.scan(text, PROSE, settings) if f.rule in kinds]

    def mask(self, text: str) -> str:
        spans = _merged(self.spans(text))
        if not spans:
            return text
        out = []
        pos = 0
        for a, b, kind in spans:
            out.append(text[pos:a])
            out.append(redact_hint(text[a:b], kind))
            pos = b
        out.append(text[pos:])
        return "".join(out)

    def _protected_in(self, path: str) -> tuple[list[tuple[int, int]], frozenset[str]]:
        """Spans of protected terms in a source file, and their words (as normalised)."""
        known = self._in_file.get(path)
        if known is None:
            from generator.safety.denylist_store import normalise

            text = self.sources.get(path, "")
            # (a hit placed on a whole text cannot say which words it is: it only masks by overlap)
            spans = [(a, b) for a, b, kind in self.spans_of_terms(text)] if text else []
            placed = [(a, b) for a, b in spans if b - a < 200]
            words = frozenset(
                w for a, b in placed for w in normalise(as_read(text[a:b]).text).split() if len(w) > 1
            )
            known = self._in_file[path] = (spans, words)
        return known

    def spans_of_terms(self, text: str) -> list[tuple[int, int, str]]:
        found = [(a, b, TERM) for a, b in self.matcher.find(text)] if self.matcher is not None else []
        if self._patterns:
            found += [(a, b, NAME) for a, b in self._name_spans(text)]
        return found

    def _in_context(self, f: Finding, text: str) -> str:
        """Mask what this finding's message quotes from a protected term of its own file: a word of a
        denylisted phrase or of a protected name, or anything quoted about text inside one."""
        if f.path not in self.sources:
            return text
        spans, words = self._protected_in(f.path)
        if not spans:
            return text
        source = self.sources[f.path]
        at = _offset(source, f.line, f.column) if f.line else -1
        overlaps = at >= 0 and any(a <= at < b or at <= a < at + max(1, f.length) for a, b in spans)
        if overlaps:
            text = _QUOTED.sub(lambda m: m.group(1) + redact_hint(m.group(2), NAME) + m.group(3), text)
        if words:
            from generator.safety.denylist_store import normalise

            text = _WORD.sub(
                lambda m: (
                    redact_hint(m.group(0), NAME)
                    if normalise(as_read(m.group(0)).text) in words
                    else m.group(0)
                ),
                text,
            )
        return text

    def _quotes(self, f: Finding, text: str) -> str:
        """A safety finding that quotes its own file ('a relative is named ("Sunita Devi")') prints a
        hint of the quote instead: what a detector found in a source is exactly what must not be
        repeated in a CI log. Quotes of anything the file does not say (a setting, a fix) stay."""
        if not _SAFETY_RULE.match(f.rule) or '"' not in text and "“" not in text:
            return text
        source = self._normalised_source(f.path)
        if not source:
            return text

        def hide(m: re.Match[str]) -> str:
            quoted = m.group(2)
            if not _name_like(quoted) or " ".join(as_read(quoted).text.casefold().split()) not in source:
                return m.group(0)
            return m.group(1) + redact_hint(quoted, NAME) + m.group(3)

        return _DOUBLE_QUOTED.sub(hide, text)

    def _normalised_source(self, path: str) -> str:
        known = self._read.get(path)
        if known is None:
            text = self.sources.get(path)
            if text is None and self.root is not None and not path.startswith(("output/", "/")):
                try:
                    text = (self.root / path).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError, ValueError):
                    text = ""
            known = self._read[path] = " ".join(as_read(text or "").text.casefold().split())
        return known

    def finding(self, f: Finding) -> Finding:
        message = _visible(self._quotes(f, self._in_context(f, self.mask(f.message))))
        fix = _visible(self._quotes(f, self._in_context(f, self.mask(f.fix))))
        path = self._path(f.path)
        if (message, fix, path) == (f.message, f.fix, f.path):
            return f
        return dataclasses.replace(f, message=message, fix=fix, path=path)

    def _path(self, path: str) -> str:
        """A file name can hold a protected term too; the folder and the rest of the name stay, so the
        writer can still find the file. A long number in it (a phone, an ID) keeps its last two digits."""
        path = _LONG_NUMBER.sub(_masked_number, path)
        if self.matcher is None and not self._patterns:
            return path
        folder, slash, name = path.rpartition("/")
        words = name.replace("-", " ").replace("_", " ")
        spans = _merged(
            [(a, b, TERM) for a, b in (self.matcher.find(words) if self.matcher else [])]
            + [(a, b, NAME) for a, b in self._name_spans(words)]
        )
        if not spans:
            return path
        out, pos = [], 0
        for a, b, _ in spans:
            out.append(name[pos:a])
            out.append("-".join(w[:1] + "…" for w in name[a:b].replace("_", "-").split("-") if w))
            pos = b
        out.append(name[pos:])
        return folder + slash + "".join(out)


_DOUBLE_QUOTED = re.compile(r"([\"“])([^\"”\n]{1,120})([\"”])")
# Findings of the safety checks (the rule registry's, the detectors' and the surfaces'); other findings
# (CONFIG, CAMPAIGN, FORM-CONFIRMATION…) quote settings and template sentences, which stay readable.
_SAFETY_RULE = re.compile(
    r"(?:ID|DATE|PLACE|PEOPLE|RELATIVE|RELATIVES|UNDECLARED|NAME|NAMES|JIGSAW|DENYLIST|PSEUDONYM|"
    r"PRIVATE|OUTPUT|IMAGE|CONSENT|LINK|DOWNLOAD|INSTITUTION)\b"
)
_QUOTED = re.compile(r"([\"“‘'])([^\"”’'\n]{1,80})([\"”’'])")


def _name_like(quoted: str) -> bool:
    """A quote that may hold a name or an identifier: a capitalised word after the first ("her aunt
    Kamala"), one capitalised word alone ("Kamala"), digits or an @. A description such as "her
    mother" is not."""
    words = quoted.split()
    if not words or len(quoted) < 3:
        return False
    if any(c.isdigit() or c == "@" for c in quoted):
        return True
    if len(words) == 1:
        return words[0][:1].isupper()
    return any(w[:1].isupper() for w in words[1:])


def _visible(text: str) -> str:
    """No invisible characters in what is printed: they only hide what a message says."""
    if text.isascii():
        return text
    from generator.safety.normalise import is_invisible

    return "".join(c for c in text if not is_invisible(c))


def _offset(text: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column in `text` (-1 if out of range)."""
    pos = 0
    for _ in range(line - 1):
        pos = text.find("\n", pos)
        if pos < 0:
            return -1
        pos += 1
    return pos + max(0, column - 1)


def _merged(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for a, b, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and a < out[-1][1]:
            pa, pb, pk = out[-1]
            out[-1] = (pa, max(pb, b), pk if pb - pa >= b - a else kind)  # the widest says what it is
        else:
            out.append((a, b, kind))
    return out


_CURRENT = Protector()
_LOCK = threading.Lock()


def remember(protector: Protector) -> None:
    """The protector of the site this process last checked: report writers use it."""
    global _CURRENT
    with _LOCK:
        _CURRENT = protector


def current() -> Protector:
    return _CURRENT


# Seven digits or more, maybe split by dashes, dots or underscores: a phone or an ID number, not a year.
_LONG_NUMBER = re.compile(r"(?<!\d)\d(?:[-._]?\d){6,}(?!\d)")


def _masked_number(m: re.Match[str]) -> str:
    if _DATE_NAME.fullmatch(m.group()):
        return m.group()  # "2026-03-02": a date a writer names files by
    return re.sub(r"\d", "•", m.group()[:-2]) + m.group()[-2:]


_DATE_NAME = re.compile(r"(?:19|20)\d\d[-._]?[01]\d[-._]?[0-3]\d")


def mask_finding(f: Finding) -> Finding:
    """The finding as it may be printed: protected values in its message, fix and path masked."""
    return _CURRENT.finding(f)


def mask_findings(findings: Iterable[Finding]) -> list[Finding]:
    protector = _CURRENT
    return [protector.finding(f) for f in findings]


def mask_text(text: str) -> str:
    return _CURRENT.mask(text)


def protected_names(stories: Iterable[Story]) -> set[str]:
    """Real names that must never be printed or published: minors' and relatives' (declared by mistake
    or not). The same set the output scan looks for (build.protected_names)."""
    names = set()
    for s in stories:
        for p in s.people:
            target = s.person(p.relation_to) if p.relation_to else None
            kin_of_survivor = (
                target is not None and target.is_survivor and (p.relation is not None or p.accused)
            )
            if p.name_type == "real" and (p.minor or p.role == "relative" or kin_of_survivor):
                names.add(p.name)
    return names


def person_label(name: str, name_type: str) -> str:
    """How a message may refer to a declared person: a pseudonym as written (it was chosen to be
    printed), any other name only as a hint."""
    return f'"{name}"' if name_type == "pseudonym" else f'"{redact_hint(name, NAME)}"'
