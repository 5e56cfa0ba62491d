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
import re
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from generator.findings import Finding
from generator.safety.normalise import normalise as as_read

if TYPE_CHECKING:
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
    return " ".join(_initial(w) for w in words[:4]) + (" …" if len(words) > 4 else "")


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
    ) -> None:
        from generator.safety.denylist_store import normalise

        self.matcher = matcher
        self.names = tuple(sorted({n for n in (normalise(as_read(x).text) for x in names) if n}))
        self.settings = settings
        self._patterns = [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)") for n in self.names]

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
        return [
            (f.start, f.end, kinds[f.rule]) for f in ts.scan(text, PROSE, settings) if f.rule in kinds
        ]

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

    def finding(self, f: Finding) -> Finding:
        message, fix, path = self.mask(f.message), self.mask(f.fix), self._path(f.path)
        if (message, fix, path) == (f.message, f.fix, f.path):
            return f
        return dataclasses.replace(f, message=message, fix=fix, path=path)

    def _path(self, path: str) -> str:
        """A file name can hold a protected term too; the folder and the rest of the name stay, so the
        writer can still find the file."""
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


def mask_finding(f: Finding) -> Finding:
    """The finding as it may be printed: protected values in its message, fix and path masked."""
    return _CURRENT.finding(f)


def mask_findings(findings: Iterable[Finding]) -> list[Finding]:
    protector = _CURRENT
    return [protector.finding(f) for f in findings]


def mask_text(text: str) -> str:
    return _CURRENT.mask(text)
