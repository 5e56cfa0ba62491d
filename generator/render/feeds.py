"""The Atom feed and the sitemap, written by a real XML serialiser (xml.etree.ElementTree), so they
are well-formed whatever a title, a tag or base_url holds: quotes, ampersands, angle brackets.

XML 1.0 cannot carry every character at all (NUL, most C0 controls, lone surrogates, U+FFFE/FFFF),
even escaped; those are dropped from the text before it is serialised.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Characters XML 1.0 does not allow anywhere (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Entry:
    title: str
    url: str  # absolute
    published: dt.date
    updated: dt.date
    summary: str
    categories: tuple[str, ...] = ()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def atom_feed(
    *,
    title: str,
    language: str,
    self_url: str,
    home_url: str,
    author: str,
    entries: Sequence[Entry],
) -> bytes:
    """An Atom 1.0 feed (RFC 4287) of `entries`, newest first."""
    ET.register_namespace("", ATOM)
    a = f"{{{ATOM}}}"
    feed = ET.Element(f"{a}feed", {XML_LANG: xml_text(language)})
    _sub(feed, f"{a}title", title)
    _sub(feed, f"{a}link", href=self_url, rel="self")
    _sub(feed, f"{a}link", href=home_url)
    _sub(feed, f"{a}id", home_url)
    updated = max((e.updated for e in entries), default=dt.date(2000, 1, 1))
    _sub(feed, f"{a}updated", _stamp(updated))
    _sub(_sub(feed, f"{a}author"), f"{a}name", author)
    for e in entries:
        entry = _sub(feed, f"{a}entry")
        _sub(entry, f"{a}title", e.title)
        _sub(entry, f"{a}link", href=e.url)
        _sub(entry, f"{a}id", e.url)
        _sub(entry, f"{a}published", _stamp(e.published))
        _sub(entry, f"{a}updated", _stamp(e.updated))
        _sub(entry, f"{a}summary", e.summary)
        for term in e.categories:
            _sub(entry, f"{a}category", term=term)
    return _serialise(feed)


def sitemap(urls: Iterable[tuple[str, dt.date | None]]) -> bytes:
    """A sitemap (sitemaps.org 0.9) of absolute URLs with their last-modified day, in URL order."""
    ET.register_namespace("", SITEMAP)
    s = f"{{{SITEMAP}}}"
    root = ET.Element(f"{s}urlset")
    for url, day in sorted(urls, key=lambda pair: pair[0]):
        item = _sub(root, f"{s}url")
        _sub(item, f"{s}loc", url)
        if day is not None:
            _sub(item, f"{s}lastmod", day.isoformat())
    return _serialise(root)
