"""Hints that say where a protected value is without printing it.

A message may point at a name, a number or an address, never repeat it: `redact_hint` keeps enough
for the writer to find it in her own text ("S… D…", "+91 98••• •••10", "p…@g…") and nothing more.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def redact_hint(value: str, kind: str = "name") -> str:
    """A hint for `value`: initials for words, the first and last two digits for numbers."""
    value = " ".join(value.split())
    if not value:
        return ""
    if kind == "number" or sum(c.isdigit() for c in value) >= max(3, len(value) // 2):
        return _digits(value)
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}…@{domain[:1]}…"
    if "://" in value or value.startswith("www."):
        host = re.sub(r"^[a-z]+://", "", value).split("/")[0]
        return f"a link to {host[:1]}…"
    words = _WORD.findall(value)
    return " ".join(f"{w[:1]}…" for w in words[:4]) or "…"


def _digits(value: str) -> str:
    """Digits replaced by dots except the first two and the last two (separators kept)."""
    positions = [i for i, c in enumerate(value) if c.isdigit()]
    keep = set(positions[:2] + positions[-2:]) if len(positions) > 6 else set()
    out = []
    for i, c in enumerate(value):
        if c.isdigit():
            out.append(c if i in keep else "•")
        elif c.isalpha():
            out.append("•")
        else:
            out.append(c)
    return "".join(out)


def person_label(name: str, name_type: str) -> str:
    """How a message may refer to a declared person: a pseudonym as written (it was chosen to be
    printed), any other name only as a hint."""
    return f'"{name}"' if name_type == "pseudonym" else f'"{redact_hint(name)}"'
