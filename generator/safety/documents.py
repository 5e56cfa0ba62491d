"""Files that are not stories, read by the same text detectors: pages, data files, site.yaml, downloads.

A `Document` is one file's visible text as `Field`s, plus what explains the names in it (declared
people; pages and data files have none). `check_document` runs every text detector and the denylist on
each field and returns located findings. Stories go through the rule registry instead (their rules
also read people, consent and review), but their text is read by the same detectors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.config.settings import SiteConfig
from generator.content.model import Person
from generator.findings import Finding, Severity
from generator.safety.denylist_store import Matcher
from generator.safety.detect import textscan as ts
from generator.safety.detect.fields import Field
from generator.safety.redact import EMAIL, LINK, NUMBER, PHONE, TERM, redact_hint

DENYLIST_FIX = "remove it or replace it with a description"
# How a finding hints at what it found, never quoting it (safety/redact.py).
_HINTS = {
    ts.PHONE: PHONE,
    ts.EMAIL: EMAIL,
    ts.NUMBER: NUMBER,
    ts.BIRTHDATE: NUMBER,
    ts.POSTCODE: NUMBER,
    "UNEXPLAINED-NUMBER": NUMBER,
    "UNEXPLAINED-LINK": LINK,
}


@dataclass(frozen=True)
class Document:
    """One file's visible text and what explains the names in it."""

    path: str  # site-relative
    fields: tuple[Field, ...]
    people: tuple[Person, ...] = ()  # declared people (a story's, a page's); data files have none
    minor: bool = False  # about a child: what is unexplained is an error, not a warning


def check_document(doc: Document, config: SiteConfig, extras: dict[str, Any]) -> list[Finding]:
    """Every identifying detail and denylisted term in the document's fields, located."""
    return list(_check(doc, config, extras))


def _check(doc: Document, config: SiteConfig, extras: dict[str, Any]) -> Iterator[Finding]:
    from generator.safety import RULES_BY_ID
    from generator.safety.detect import analysis

    matcher: Matcher | None = extras.get("denylist")
    for f in doc.fields:
        if matcher is not None:
            for start, end in matcher.find(f.text):
                hint = redact_hint(f.text[start:end], TERM)
                hit = f.hit(
                    f"a denylisted term ({hint}) appears in {f.label}",
                    DENYLIST_FIX,
                    start,
                    length=end - start,
                    subject=f.text[start:end],
                )
                yield f.finding("DENYLIST", Severity.ERROR, hit)
    site = extras.get("site_knowledge")
    if site is None:
        site = extras["site_knowledge"] = _site_knowledge(config)
    for f, found in analysis.analyse(doc.fields, analysis.Document(doc.people), site):
        rule = RULES_BY_ID.get(found.rule)
        severity = rule.severity_for(doc.minor) if rule is not None else Severity.ERROR
        hint = redact_hint(found.text, _HINTS.get(found.rule, TERM))
        hit = f.hit(
            f"{found.what} ({hint}){f.where()}: it could identify someone, and nobody has checked it",
            _FIXES.get(
                found.rule,
                'describe it in general words instead ("a neighbour", "a village in the district"); '
                "delete any number, address or link that reaches a person",
            ),
            found.start,
            length=found.end - found.start,
            subject=found.text,
        )
        yield f.finding(found.rule, severity, hit)


_FIXES = {
    "UNEXPLAINED-LINK": "link only to this site, the organisation's own or a partner's; a partner's site "
    "the organisation trusts goes in site.yaml under safety: allowed_link_domains",
}


def _site_knowledge(config: SiteConfig) -> Any:
    from generator.safety import site_extras

    return site_extras(config)["site_knowledge"]
