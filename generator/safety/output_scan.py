"""Family 11: the output scan. Every generated file is read back before anything reaches output/.

Templates, feeds and JSON-LD are produced by code, not by writers, so a leak can appear in the
output that no source check saw (a name in a template, a field a feed copied). The scan looks at
every file's text, HTML attributes and JSON included, and at file names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from generator.denylist import Matcher, normalise
from generator.findings import Finding, error

_TAG = re.compile(r"<[^>]*>")
_TEXT_SUFFIXES = (".html", ".xml", ".txt", ".json", ".js", ".css", ".webmanifest", ".map", "_headers", "_redirects")


def extract_text(data: str) -> str:
    """Text a reader, a crawler or a scraper can get from a file: visible text plus attribute values."""
    attrs = " ".join(m.group(2) for m in re.finditer(r"""\s[\w:-]+\s*=\s*(["'])(.*?)\1""", data, re.S))
    return html.unescape(_TAG.sub(" ", data) + " " + attrs)


def scan_output(files: Mapping[str, bytes], matcher: Matcher | None, names: Iterable[str]) -> list[Finding]:
    """Findings for denylisted terms, protected names and comments found in generated files."""
    findings: list[Finding] = []
    protected = sorted({normalise(n) for n in names if normalise(n)})
    patterns = [(n, re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)")) for n in protected]
    cache: dict[str, list[str]] = {}
    for rel in sorted(files):
        path_text = rel.replace("/", " ").replace("-", " ").replace("_", " ")
        if not rel.endswith(_TEXT_SUFFIXES):
            text = path_text  # images and other binaries: the file name is what can leak
        else:
            raw = files[rel].decode("utf-8", "replace")
            if rel.endswith(".html") and "<!--" in raw:
                findings.append(error(f"output/{rel}", 1, 1, "OUTPUT-SCAN", "an HTML comment reached the output",
                                      "remove the comment from the template that produced this page"))
            text = extract_text(raw) + " " + path_text
        problems = cache.get(text)
        if problems is None:
            problems = []
            if matcher is not None and matcher.find(text):
                problems.append("a denylisted term")
            norm = normalise(text)
            for name, pat in patterns:
                if pat.search(norm):
                    problems.append("the protected name of a minor or a relative")
                    break
            cache[text] = problems
        for what in problems:
            findings.append(error(f"output/{rel}", 0, 0, "OUTPUT-SCAN", f"{what} was found in this generated file",
                                  "find where it comes from (a story, a template or site.yaml) and remove it; nothing was published"))
    return findings
