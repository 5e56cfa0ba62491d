"""A build check: a form's confirmation sentence ("Thank you for signing up") appears only on its
thank-you page. The CMS this replaces printed it on every page, hidden by a script that not every
reader runs: people saw "thank you" before they had done anything, and crawlers indexed it.

The check reads the rendered pages (text and attribute values, as a reader, crawler or scraper
would), then points at the source the sentence came from: the page's own file, or the template.
"""

from __future__ import annotations

import functools
import pathlib
import re
import unicodedata
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from generator.findings import Finding, error
from generator.safety.output_scan import extract_text

RULE = "FORM-CONFIRMATION"


@dataclass(frozen=True)
class Phrase:
    text: str
    allowed: frozenset[str]  # output files (e.g. fundraise/thank-you/index.html) where it belongs


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    return " ".join(text.split())


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in _norm(phrase).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _position(text: str, phrase: str) -> tuple[int, int] | None:
    m = _pattern(phrase).search(unicodedata.normalize("NFKC", text).replace("\u2019", "'"))
    if m is None:
        return None
    before = text[: m.start()]
    return before.count("\n") + 1, m.start() - (before.rfind("\n") + 1) + 1


def misplaced(
    pages: Mapping[str, bytes],
    owners: Mapping[str, str],
    phrases: Sequence[Phrase],
    sources: Sequence[pathlib.Path],
    root: pathlib.Path,
    memo: Callable[[str, Hashable, Callable[[], list[Phrase]]], list[Phrase]] | None = None,
) -> list[Finding]:
    """Findings for every confirmation phrase on a page that is not one of its thank-you pages.

    `sources` are the template folders to search when the page's own file does not hold the phrase.
    `memo(namespace, key, compute)` may reuse the phrases found on a page with the same path and bytes."""
    findings: list[Finding] = []
    patterns = [(phrase, _pattern(phrase.text)) for phrase in phrases]
    for path in sorted(pages):
        if not path.endswith(".html"):
            continue
        data = pages[path]
        if memo is None:
            found = _found_on(path, data, patterns)
        else:
            found = memo(
                "confirmations",
                (path, data, tuple(phrases)),
                functools.partial(_found_on, path, data, patterns),
            )
        raw = data.decode("utf-8", "replace") if found else ""
        for phrase in found:
            url = "/" + path.removesuffix("index.html")
            where = (
                ", ".join("/" + p.removesuffix("index.html") for p in sorted(phrase.allowed))
                or "a thank-you page"
            )
            message = f'the confirmation "{phrase.text}" is on {url}, which is not its thank-you page'
            fix = f"remove it here: it belongs only on {where}, which people reach after they have sent the form"
            findings.append(
                _locate(path, raw, owners.get(path, ""), phrase.text, sources, root, message, fix)
            )
    return findings


def _found_on(path: str, data: bytes, patterns: list[tuple[Phrase, re.Pattern[str]]]) -> list[Phrase]:
    """The phrases shown on the page at `path` that do not belong there."""
    raw = data.decode("utf-8", "replace")
    folded = raw.casefold()
    candidates = [
        (ph, pat)
        for ph, pat in patterns
        if path not in ph.allowed and all(w in folded for w in _norm(ph.text).split() if w.isalpha())
    ]
    if not candidates:
        return []  # cheap: a page lacking any word of every phrase is not parsed
    text = _norm(extract_text(raw))
    return [phrase for phrase, pattern in candidates if pattern.search(text)]


def _locate(
    path: str,
    raw: str,
    owner: str,
    phrase: str,
    sources: Sequence[pathlib.Path],
    root: pathlib.Path,
    message: str,
    fix: str,
) -> Finding:
    candidates: list[tuple[str, pathlib.Path]] = []
    if owner and (root / owner).is_file():
        candidates.append((owner, root / owner))
    for folder in sources:
        for p in sorted(folder.rglob("*.html")):
            rel = p.relative_to(folder).as_posix()
            label = f"templates/{rel}"
            candidates.append((label, p))
    for label, file in candidates:
        try:
            pos = _position(file.read_text(encoding="utf-8"), phrase)
        except (OSError, UnicodeDecodeError):
            continue
        if pos is not None:
            return error(label, *pos, RULE, message, fix)
    pos = _position(raw, phrase)
    line, col = pos if pos is not None else (0, 0)
    return error(f"output/{path}", line, col, RULE, message, fix)
