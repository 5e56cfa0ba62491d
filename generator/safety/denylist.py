"""Family 9: the denylist. A never-publish term anywhere in a source is an error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.config.settings import SiteConfig
from generator.config.yamlload import Path
from generator.content.model import Story
from generator.findings import Finding, error
from generator.safety.denylist_store import Matcher, remember, site_denylist
from generator.safety.redact import TERM, redact_hint
from generator.safety.registry import (
    ANY,
    ERROR,
    Hit,
    SiteContext,
    StoryContext,
    rules_in,
    site_rule,
    story_rule,
)

FAMILY = "9 Denylist"


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


@story_rule(
    "DENYLIST",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="never-publish terms in a source",
    source="POCSO s.23, BNS s.72, Nipun Saxena (2018); AEPD/EDPS on hashing",
)
def denylisted(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Real names, villages, schools and other terms the team has put on the denylist never appear
    in a story: not in the text (private notes included), the front matter, alt text, the slug or
    the file name. The list holds only keyed hashes, so it can live in the repository."""
    matcher: Matcher | None = ctx.extras.get("denylist")
    if matcher is None:
        return
    fix = "remove it or replace it with a description; if it is in a private note, delete the note too"
    body = story.source.body
    for start, end in matcher.find(body):
        hint = redact_hint(body[start:end], TERM)
        yield Hit(f"a denylisted term ({hint}) appears in the text", fix, offset=start, length=end - start)
    for path, value in _strings(story.data, ()):
        if path and path[0] == "review":
            continue
        spans = matcher.find(value)
        if spans:
            hint = redact_hint(value[spans[0][0] : spans[0][1]], TERM)
            where = ".".join(str(p) for p in path)
            yield Hit(f"a denylisted term ({hint}) appears in {where}", fix, path=path)
    # A declared slug is a front-matter field, checked above; otherwise the slug is the file name.
    name = story.path.rsplit("/", 1)[-1].replace("-", " ")
    spans = matcher.find(name)
    if spans:
        hint = redact_hint(name[spans[0][0] : spans[0][1]], TERM)
        yield Hit(
            f"a denylisted term ({hint}) appears in the file name", "rename the file without it", line=1
        )


@site_rule(
    "DENYLIST-KEY",
    ERROR,
    family=FAMILY,
    title="a denylist nobody can check",
    source="DL-01: a missing key never silently skips the check",
)
def denylist_key(ctx: SiteContext) -> Iterator[Finding]:
    """A denylist can only be checked with its key (in IMPACTSITE_DENYLIST_KEY), at least 16
    characters long (a shorter key could be guessed, and then every hashed term with it). Without
    it, or with the wrong key, the build stops rather than publish unchecked."""
    yield from _problems(ctx, "DENYLIST-KEY")


@site_rule(
    "DENYLIST-FILE",
    ERROR,
    family=FAMILY,
    title="a denylist that was lost",
    source="DL-02: a denylist never switches itself off",
)
def denylist_file(ctx: SiteContext) -> Iterator[Finding]:
    """A site that has a denylist can never lose it silently: the file site.yaml names must exist;
    a denylist file must be whole, with its check line; and one the last check used cannot go
    missing, be emptied or be replaced with another key's. Only `denylist: none` in site.yaml
    switches it off."""
    yield from _problems(ctx, "DENYLIST-FILE")


def _problems(ctx: SiteContext, rule: str) -> Iterator[Finding]:
    for p in ctx.extras.get("denylist_problems", ()):
        if p.rule == rule:
            yield error(p.path, p.line, p.column, p.rule, p.message, p.fix)


def site_extras(config: SiteConfig) -> dict[str, Any]:
    """The denylist matcher for every check (None when the site has none), and the problems that
    keep a denylist from being used; remembers the denylist a usable one was checked with."""
    raw = config.raw.get("safety")
    located = config.located
    where = (1, 1)
    if located is not None:
        key = isinstance(raw, dict) and "denylist" in raw
        where = located.where(("safety", "denylist") if key else ("safety",), key=not key)
    found = site_denylist(config.root, raw, config.safety.denylist, where, config.state_dir)
    remember(config.state_dir, found)
    return {"denylist": found.matcher, "denylist_problems": found.problems}


RULES = rules_in(globals())
