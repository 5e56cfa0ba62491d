"""Family 11: the output scan. Every generated file is read back before anything reaches output/.

Templates, feeds and JSON-LD are produced by code, not by writers, so a leak can appear in the
output that no source check saw (a name in a template, a field a feed copied). The scan looks at
every file's text, HTML attributes and JSON included, and at file names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping

from generator.findings import Finding, error
from generator.safety.denylist_store import Matcher, normalise, term_key
from generator.safety.normalise import normalise as as_read
from generator.safety.redact import NAME, TERM, Protector, redact_hint

_TAG = re.compile(r"<[^>]*>")
_TEXT_SUFFIXES = (
    ".html",
    ".xml",
    ".txt",
    ".json",
    ".js",
    ".css",
    ".webmanifest",
    ".map",
    "_headers",
    "_redirects",
)


_ATTR = re.compile(r"""\s[\w:-]+\s*=\s*(["'])(.*?)\1""", re.DOTALL)
# Inline elements join their text with their neighbours' (as a browser shows it); every other tag
# ends a segment. A term never spans two blocks, so segments can be scanned on their own, and the
# page chrome (navigation, footer, head) repeats verbatim and is scanned once per build.
_INLINE = re.compile(
    r"</?(?:a|em|strong|b|i|span|abbr|sup|sub|time|code|q|cite|small|mark|bdi|bdo|wbr|s|u)\b[^>]*>",
    re.IGNORECASE,
)
_SEGMENT_BREAK = "\x00"


def extract_text(data: str) -> str:
    """Text a reader, a crawler or a scraper can get from a file: visible text plus attribute values."""
    return " ".join(segments(data))


def segments(data: str, depth: int = 0) -> list[str]:
    """The file's text in independent pieces: block contents and attribute values, unescaped.

    Markup that was itself escaped (a feed's HTML content, `&lt;em&gt;`) is split again once
    unescaped, and JSON or JavaScript escapes (`\\u00ad`) are decoded, so a name cannot hide behind
    one more layer of encoding. Entities, percent-encoding and invisible characters inside a piece
    are left to the normaliser every match reads through."""
    attrs = [html.unescape(m.group(2)) for m in _ATTR.finditer(data)]
    text = _TAG.sub(_SEGMENT_BREAK, _INLINE.sub("", data))
    blocks = [html.unescape(part) for part in text.split(_SEGMENT_BREAK) if part.strip()]
    if "\\" in data:  # JSON or JavaScript escapes somewhere in the file
        attrs = list(map(_code_unescaped, attrs))
        blocks = list(map(_code_unescaped, blocks))
    if depth < 2 and ("&lt;" in data or "&#60;" in data or "\\u003c" in data):  # markup escaped inside
        nested = [b for b in blocks if "<" in b and _TAG.search(b)]
        if nested:
            blocks = [b for b in blocks if b not in nested]
            for b in nested:
                blocks += segments(b, depth + 1)
    return blocks + attrs


_CODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\u\{([0-9a-fA-F]{1,6})\}|\\x([0-9a-fA-F]{2})")


def _code_unescaped(text: str) -> str:
    """JSON and JavaScript escapes decoded (surrogate pairs joined)."""
    if "\\" not in text:
        return text
    decoded = _CODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2) or m.group(3), 16)), text)
    try:
        return decoded.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return decoded


def scan_output(
    files: Mapping[str, bytes],
    matcher: Matcher | None,
    names: Iterable[str],
    known_clean: Callable[[bytes], bool] | None = None,
) -> list[Finding]:
    """Findings for denylisted terms, protected names and comments found in generated files.

    `known_clean(data)` says a file with exactly these bytes passed this same scan before (same
    denylist, key, names and code: see caches.py); such files are not read again."""
    findings: list[Finding] = []
    protected = sorted({k for k in map(term_key, names) if k})
    patterns = [(n, re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)")) for n in protected]
    cache: dict[str, tuple[str, ...]] = {}
    protector = Protector(matcher, names)  # the file's own name may hold the term

    def problems_in(text: str) -> tuple[str, ...]:
        found = cache.get(text)
        if found is None:
            hits = []
            if matcher is not None:
                spans = matcher.find(text)
                if spans:
                    a, b = spans[0]
                    hits.append(f"a denylisted term ({redact_hint(text[a:b], TERM)})")
            if patterns:
                norm = normalise(as_read(text).text)
                for name, pat in patterns:
                    if pat.search(norm):
                        hint = redact_hint(name, NAME)
                        hits.append(f"the protected name of a minor or a relative ({hint})")
                        break
            found = cache[text] = tuple(hits)
        return found

    for rel in sorted(files):
        pieces = [rel.replace("/", " ").replace("-", " ").replace("_", " ")]  # a file name can leak too
        if rel.endswith(_TEXT_SUFFIXES) and not (known_clean is not None and known_clean(files[rel])):
            raw = files[rel].decode("utf-8", "replace")
            if rel.endswith(".html") and "<!--" in raw:
                findings.append(
                    error(
                        f"output/{rel}",
                        1,
                        1,
                        "OUTPUT-SCAN",
                        "an HTML comment reached the output",
                        "remove the comment from the template that produced this page",
                    )
                )
            pieces += segments(raw) if "<" in raw else [_code_unescaped(raw)]
        seen: dict[str, str] = {}  # the first of each kind in this file
        for piece in pieces:
            for what in problems_in(piece):
                seen.setdefault(what.partition(" (")[0], what)
        shown = protector.finding(error(f"output/{rel}", 0, 0, "OUTPUT-SCAN", "")).path if seen else ""
        for what in seen.values():
            findings.append(
                error(
                    shown,
                    0,
                    0,
                    "OUTPUT-SCAN",
                    f"{what} was found in this generated file",
                    "find where it comes from (a story, a template or site.yaml) and remove it; nothing was published",
                )
            )
    return findings
