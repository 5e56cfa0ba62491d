"""What a page step reads, as text that is the same in every process: the page's key."""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib
from collections.abc import Mapping
from typing import Any

from generator.config.settings import SiteConfig
from generator.render.views import StoryView


def stable_text(value: Any) -> str | None:
    """A text form of a value passed to a template that is the same in every process for equal
    values (None when there is none: such a page is always rendered, never reused)."""
    if isinstance(value, StoryView):
        return value.stable_digest()
    if isinstance(value, (tuple, list)):
        parts = [stable_text(v) for v in value]
        return (
            None if any(p is None for p in parts) else "(" + ",".join(p for p in parts if p is not None) + ")"
        )
    text = repr(value)
    return None if " at 0x" in text else text


def common_key(config: SiteConfig, theme_key: str, context: Mapping[str, Any], policy: str) -> str | None:
    """One digest of what every page sees (config, templates, the donor context, the policy), or
    None when some part has no stable text form (then pages are rendered every time)."""
    parts = [repr(dataclasses.replace(config, root=pathlib.Path("."))), theme_key, policy]
    for name, value in sorted(context.items()):
        key_of = getattr(value, "memo_key", None)
        parts += [name, key_of() if callable(key_of) else repr(value)]
    if any(" at 0x" in p for p in parts):
        return None
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
