"""Renamed stories keep their old addresses: `aliases:` in front matter → a redirect page at each old
address (meta refresh, canonical link and a plain link, for hosts without redirects) plus a
`_redirects` file (Netlify, Cloudflare Pages) that answers with a real 301.

An alias that is not a clean site path, or that two stories claim, is an error located on the alias.
An alias that lands on a page the site also makes is caught by `pages.Files` (URL-CLASH).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.model import Story
from generator.findings import Finding, error

RULE = "ALIAS"
_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9._-]*\.html)?$")


@dataclass(frozen=True)
class Redirect:
    source: str  # the old path, e.g. /stories/old-name/
    target: str  # the story's URL
    title: str  # the story's title, for the link
    owner: str  # the story file

    @property
    def file(self) -> str:
        return (
            self.source.lstrip("/") + "index.html" if self.source.endswith("/") else self.source.lstrip("/")
        )


def check_aliases(stories: Sequence[Story]) -> list[Finding]:
    """Problems with any story's aliases, drafts included (they become public with the story)."""
    out: list[Finding] = []
    urls = {s.url: s.path for s in stories}
    claimed: dict[str, str] = {}
    for s in stories:
        for i, alias in enumerate(s.aliases):
            at = ("aliases", i) if isinstance(s.data.get("aliases"), list) else ("aliases",)
            line, col = s.source.where(at)
            alias_text = str(alias)
            if not _PATH.match(alias_text) or alias_text == "/":
                fixed = "/" + re.sub(r"[^a-z0-9/.-]+", "-", alias_text.lower()).strip("/-") + "/"
                out.append(
                    error(
                        s.path,
                        line,
                        col,
                        RULE,
                        f'the alias "{alias_text}" is not an address on this site',
                        f"write the old address as a path with slashes, e.g. {fixed}",
                    )
                )
            elif alias_text == s.url:
                out.append(
                    error(
                        s.path,
                        line,
                        col,
                        RULE,
                        f'the alias "{alias_text}" is this story\'s own address',
                        "remove it: an alias is an old address that should lead here",
                    )
                )
            elif alias_text in urls:
                out.append(
                    error(
                        s.path,
                        line,
                        col,
                        RULE,
                        f'the alias "{alias_text}" is the address of {urls[alias_text]}',
                        "remove it, or rename that story first",
                    )
                )
            elif alias_text in claimed and claimed[alias_text] != s.path:
                out.append(
                    error(
                        s.path,
                        line,
                        col,
                        RULE,
                        f'the alias "{alias_text}" is already an alias of {claimed[alias_text]}',
                        "an old address can lead to only one story: remove it from one of them",
                    )
                )
            else:
                claimed[alias_text] = s.path
    return out


def redirects_for(stories: Sequence[Story]) -> tuple[Redirect, ...]:
    """Redirects for `stories` (the live ones), by old path."""
    found = [Redirect(str(a), s.url, s.title, s.path) for s in stories for a in s.aliases]
    return tuple(sorted(found, key=lambda r: r.source))


def redirects_file(redirects: Sequence[Redirect]) -> str:
    """`_redirects` (Netlify and Cloudflare Pages syntax): `old new 301`, one per line."""
    return "".join(f"{r.source} {r.target} 301\n" for r in redirects)
