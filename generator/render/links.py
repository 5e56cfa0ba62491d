"""Addresses and embedded data every page shares: output paths, list pages, tracked donate links,
JSON-LD. (Sub-path hosting will make every URL go through here.)"""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from markupsafe import Markup

from generator.config.settings import SiteConfig


def json_ld(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def tracked(url: str, config: SiteConfig, **overrides: str) -> str:
    """Add the site's campaign tracking parameters to a donate link (`campaign="spring-match"` overrides
    utm_campaign); parameters the link already has are kept, and a #fragment stays last."""
    params = dict(config.tracking.params) | {f"utm_{k}": v for k, v in overrides.items() if v}
    if not url or not params:
        return url
    base, hash_, fragment = url.partition("#")
    present = {
        k for k, _ in urllib.parse.parse_qsl(urllib.parse.urlsplit(base).query, keep_blank_values=True)
    }
    extra = urllib.parse.urlencode([(k, v) for k, v in sorted(params.items()) if k not in present])
    if not extra:
        return url
    return base + ("&" if "?" in base else "?") + extra + hash_ + fragment


def page_url(base: str, n: int) -> str:
    return base if n == 1 else f"{base}page/{n}/"


def out_path(url: str) -> str:
    return url.strip("/") + "/index.html" if url != "/" else "index.html"
