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
from generator.safety.identifiers import site_settings
from generator.safety.redact import EMAIL, NUMBER, PHONE, TERM, redact_hint

DENYLIST_FIX = "remove it or replace it with a description"
# How a finding hints at what it found, never quoting it (safety/redact.py).
_HINTS = {ts.PHONE: PHONE, ts.EMAIL: EMAIL, ts.NUMBER: NUMBER, ts.BIRTHDATE: NUMBER, ts.POSTCODE: NUMBER}


@dataclass(frozen=True)
class Document:
    """One file's visible text and what explains the names in it."""

    path: str  # site-relative
    fields: tuple[Field, ...]
    people: tuple[Person, ...] = ()  # declared people (a story's); pages and data files have none
    minor: bool = False  # about a child: what is unexplained is an error, not a warning


def check_document(doc: Document, config: SiteConfig, extras: dict[str, Any]) -> list[Finding]:
    """Every identifying detail and denylisted term in the document's fields, located."""
    return list(_check(doc, config, extras))


def _check(doc: Document, config: SiteConfig, extras: dict[str, Any]) -> Iterator[Finding]:
    severities: dict[str, str] = extras.get("rule_severities", {})
    settings = site_settings(config)
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
        for found in ts.scan(f.text, f.kind, settings):
            severity = Severity(severities.get(found.rule, "error"))
            if severity is Severity.WARNING and doc.minor:
                severity = Severity.ERROR
            hint = redact_hint(found.text, _HINTS.get(found.rule, TERM))
            hit = f.hit(
                f"{found.what} ({hint}){f.where()}: it could identify someone",
                "delete it, or describe it in general words",
                found.start,
                length=found.end - found.start,
                subject=found.text,
            )
            yield f.finding(found.rule, severity, hit)
