"""Security headers for static hosting: a strict Content-Security-Policy, HSTS and friends.

A static site cannot use per-request nonces (a fixed nonce is as weak as 'unsafe-inline'), so any
inline <script> or <style> the templates produce is allowed by its sha256 hash, computed here from
the rendered pages; JSON-LD blocks are data, never executed, and need none. The theme itself ships no
inline code. Inline event handlers (onclick=…), javascript: links and style="" attributes would be
blocked by the policy, so they fail the build instead of failing silently in the browser.

Output: `_headers` (Netlify, Cloudflare Pages) and a <meta http-equiv> copy of the policy in every
page for hosts that cannot send headers (GitHub Pages, a plain S3 bucket). A <meta> policy ignores
frame-ancestors, so that directive is left to `_headers`; HSTS, nosniff, Referrer-Policy and
Permissions-Policy can only be sent as headers (on S3, use a CloudFront response headers policy).
"""

from __future__ import annotations

import base64
import hashlib
import html.parser
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

EXECUTABLE = {
    "",
    "text/javascript",
    "application/javascript",
    "module",
    "text/ecmascript",
    "application/ecmascript",
}
PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()"
)
HEADERS = (
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", PERMISSIONS),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
_META_AFTER = re.compile(r"<meta charset=[^>]*>\n?", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>\n?", re.IGNORECASE)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str
    fix: str


class _Inline(html.parser.HTMLParser):
    """Inline code in one page: scripts and styles to hash, and what a strict policy would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.problems: list[Problem] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(
                    Problem(
                        line,
                        col + 1,
                        f"<{tag} {name}=…> is inline code, which the Content-Security-Policy blocks",
                        "move the code to a script file in templates/assets/ and attach it with addEventListener",
                    )
                )
            elif name == "style":
                self.problems.append(
                    Problem(
                        line,
                        col + 1,
                        f'<{tag} style="…"> is an inline style, which the Content-Security-Policy blocks',
                        "give the element a class and style it in templates/assets/site.css",
                    )
                )
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(
                    Problem(
                        line,
                        col + 1,
                        f'<{tag} {name}="javascript:…"> is inline code, which the Content-Security-Policy blocks',
                        "use a real link, and a script file for behaviour",
                    )
                )
        kinds = dict(attrs)
        if tag == "script" and "src" not in kinds and (kinds.get("type") or "").strip().lower() in EXECUTABLE:
            self._in, self._buf = "script", []
        elif tag == "style":
            self._in, self._buf = "style", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)

    def handle_entityref(self, name: str) -> None:
        if self._in:
            self._buf.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self._in:
            self._buf.append(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if self._in == tag:
            (self.scripts if tag == "script" else self.styles).append("".join(self._buf))
            self._in = None


# Anything that could need a hash or be refused; pages without it (nearly all) skip the HTML parser.
_MAYBE_INLINE = re.compile(
    r"<script(?![^>]*(?:\ssrc=|application/ld\+json))|<style\b|\son[a-z]+\s*=|\sstyle\s*=|javascript:",
    re.IGNORECASE,
)


# The same test, three times faster: one regex with five alternatives cannot skip ahead to a
# literal, these can. casefold() folds at least what IGNORECASE folds (ſ, the Kelvin sign…), so
# this never says "no" where _MAYBE_INLINE says "maybe" (tests/test_security.py checks it).
_SCRIPT_INLINE = re.compile(r"<script(?![^>]*(?:\ssrc=|application/ld\+json))")
_ATTR_INLINE = re.compile(r"\s(?:on[a-z]+|style)\s*=")


def maybe_inline(page: str) -> bool:
    low = page.casefold()
    return (
        "<style" in low
        or "javascript:" in low
        or bool(_SCRIPT_INLINE.search(low))
        or bool(_ATTR_INLINE.search(low))
    )


def inline_code(page: str) -> tuple[list[str], list[str], list[Problem]]:
    """(inline script hashes, inline style hashes, blocked constructs) of one HTML page."""
    if not maybe_inline(page):
        return [], [], []
    parser = _Inline()
    parser.feed(page)
    parser.close()
    return [sha256(s) for s in parser.scripts], [sha256(s) for s in parser.styles], parser.problems


@dataclass(frozen=True)
class Policy:
    script_hashes: tuple[str, ...] = ()
    style_hashes: tuple[str, ...] = ()
    form_origins: tuple[str, ...] = ()

    def directives(self, *, meta: bool) -> list[str]:
        out = [
            "default-src 'self'",
            " ".join(["script-src 'self'", *self.script_hashes]),
            " ".join(["style-src 'self'", *self.style_hashes]),
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            " ".join(["form-action 'self'", *self.form_origins]),
        ]
        if not meta:
            out.append("frame-ancestors 'none'")  # ignored in a <meta> policy (CSP3 §6.4.2)
        return out

    def header(self) -> str:
        return "; ".join(self.directives(meta=False))

    def meta(self) -> str:
        return "; ".join(self.directives(meta=True))


def policy_for(
    pages: Iterable[str],
    form_origins: Iterable[str],
    inline: Callable[[str], tuple[list[str], list[str], list[Problem]]] = inline_code,
) -> tuple[Policy, dict[int, list[Problem]]]:
    """One policy for the whole site (the union of every page's hashes), and the blocked constructs per page index.
    `inline` is inline_code, or a cached version of it."""
    scripts: set[str] = set()
    styles: set[str] = set()
    problems: dict[int, list[Problem]] = {}
    for i, page in enumerate(pages):
        s, st, p = inline(page)
        scripts.update(s)
        styles.update(st)
        if p:
            problems[i] = p
    origins = tuple(sorted({o for o in form_origins if o}))
    return Policy(tuple(sorted(scripts)), tuple(sorted(styles)), origins), problems


def meta_tag(policy: Policy) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy.meta()}">\n'


def with_meta(page: str, policy: Policy) -> str:
    """The page with the policy as its first <meta> after the charset (before anything it governs)."""
    tag = meta_tag(policy)
    m = _META_AFTER.search(page) or _HEAD.search(page)
    if m is None:
        return page
    return page[: m.end()] + tag + page[m.end() :]


def headers_file(policy: Policy, base_path: str = "") -> str:
    """`_headers` for Netlify and Cloudflare Pages: every page gets the security headers; fingerprinted
    assets can be cached for a year (their names change whenever their content does). `base_path`
    ("/impact") is the path the site is published under."""
    lines = [f"{base_path}/*", f"  Content-Security-Policy: {policy.header()}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS]
    lines += ["", f"{base_path}/assets/*", "  Cache-Control: public, max-age=31536000, immutable", ""]
    return "\n".join(lines)
