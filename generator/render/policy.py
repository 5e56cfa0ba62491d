"""The Content-Security-Policy comes from the theme, never from the rendered pages.

The policy allows, by hash, only the inline <script> and <style> blocks written literally in the
theme's templates (blocks with template syntax inside cannot be known before rendering and are not
allowed). Anything else inline in a rendered page (a script that slipped into a story body, a
handler attribute) is a build error found by the per-page check, so a page can never bring its own
code into the policy, however it was made.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Sequence

from generator.findings import Finding, error
from generator.render import csp


def theme_policy(dirs: Sequence[pathlib.Path], form_origins: Sequence[str]) -> csp.Policy:
    scripts: set[str] = set()
    styles: set[str] = set()
    seen: set[str] = set()
    for d in dirs:
        for path in sorted(d.rglob("*.html")):
            rel = path.relative_to(d).as_posix()
            if rel in seen:  # the site's template overrides the default theme's
                continue
            seen.add(rel)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for kind, digest in _literal_blocks(text):
                (scripts if kind == "script" else styles).add(digest)
    origins = tuple(sorted({o for o in form_origins if o}))
    return csp.Policy(tuple(sorted(scripts)), tuple(sorted(styles)), origins)


_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def _literal_blocks(template: str) -> list[tuple[str, str]]:
    """Inline script and style blocks of a template that hold no template syntax, hashed by the
    same code that hashes them in rendered pages (csp.inline_code on the block alone)."""
    out = []
    for m in _BLOCK.finditer(template):
        body = m.group(3)
        if "{{" in body or "{%" in body or "{#" in body:
            continue
        scripts, styles, _ = csp.inline_code(m.group(0))
        out += [("script", h) for h in scripts] + [("style", h) for h in styles]
    return out


def page_problems(path: str, page: str, policy: csp.Policy) -> list[Finding]:
    """Inline code in a rendered page that the theme's policy does not allow, and constructs
    (handlers, javascript: links, style attributes) a strict policy blocks."""
    scripts, styles, problems = csp.inline_code(page)
    out = [error(f"output/{path}", p.line, p.column, "CSP", p.message, p.fix) for p in problems]
    allowed_scripts, allowed_styles = set(policy.script_hashes), set(policy.style_hashes)
    for found, allowed, what in ((scripts, allowed_scripts, "script"), (styles, allowed_styles, "style")):
        for digest in found:
            if digest not in allowed:
                out.append(
                    error(
                        f"output/{path}",
                        1,
                        1,
                        "CSP",
                        f"an inline <{what}> that is not part of the theme reached this page",
                        "inline code may only come from a template, written without template syntax; "
                        "move it to a file in templates/assets/",
                    )
                )
    return out
