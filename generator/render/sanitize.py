"""Allow-list sanitising of rendered story HTML with nh3 (a maintained Rust sanitiser)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import nh3

ALLOWED_TAGS = frozenset(
    [
        "p",
        "a",
        "em",
        "strong",
        "blockquote",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "br",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "sup",
        "sub",
        "abbr",
        "cite",
        "q",
        "dl",
        "dt",
        "dd",
    ]
)
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "a": frozenset({"href", "title"}),
        "abbr": frozenset({"title"}),
        "th": frozenset({"scope"}),
        "td": frozenset(),
    }
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _sanitizer_options() -> dict[str, Any]:
    return {
        "tags": ALLOWED_TAGS,
        "attributes": dict(ALLOWED_ATTRIBUTES),  # nh3 wants a dict
        "url_schemes": URL_SCHEMES,
        "strip_comments": True,
        "link_rel": "noopener noreferrer",
    }


def sanitize(html: str) -> str:
    """Allow-list sanitising (nh3, a maintained Rust sanitiser): no script, style, comments or hidden content."""
    return nh3.clean(html, **_sanitizer_options())


def reusable_sanitizer() -> Callable[[str], str]:
    """`sanitize` with nh3's settings built once (nh3.Cleaner, nh3 0.3 on), or `sanitize` itself."""
    cleaner = getattr(nh3, "Cleaner", None)
    return sanitize if cleaner is None else cleaner(**_sanitizer_options()).clean
