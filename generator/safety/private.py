"""Family 8: private content. Comments and private blocks are blanked before rendering; raw HTML
that could hide text or run code is refused, and a sanitiser allow-list backs that up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.model import Story
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "8 Private content"
_DANGEROUS = re.compile(
    r"<\s*(script|style|iframe|object|embed|form|input|img|svg|math|template|link|meta|base)\b|javascript:",
    re.IGNORECASE,
)
# A start tag with its attributes, so that attribute *names* are checked, not words inside values
# (title="a hidden gem" is harmless; hidden, style, aria-hidden and on* handlers are not).
_START_TAG = re.compile(
    r"""<[a-zA-Z][\w:-]*(?:\s+[^\s"'=<>`/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
)
_ATTRIBUTE = re.compile(r"""\s+([^\s"'=<>`/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_HIDING = re.compile(r"hidden|style|aria-hidden|on[a-z]+", re.IGNORECASE)
# A match of _DANGEROUS starts with "<" or ends with "t:" or "T:" (no other character matches t when case
# is ignored), so a text with none of them is not searched: most stories have no HTML at all.
_DANGEROUS_HINTS = ("<", "t:", "T:")


@story_rule(
    "PRIVATE-HTML",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="raw HTML that hides text or runs code",
    source="markdown-it#318 / CommonMark raw HTML; SPEC family 8",
)
def dangerous_html(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Raw HTML in a story may only format text. Scripts, styles, embedded media and anything
    hidden (`hidden`, `style`, `aria-hidden`) are refused: hidden text still reaches the page
    source, and scripts run on supporters' devices. Images belong in the front matter."""
    text = ctx.visible
    if not any(h in text for h in _DANGEROUS_HINTS):
        return
    found = [(m.start(), m.group(0)) for m in _DANGEROUS.finditer(text)]
    for tag in _START_TAG.finditer(text):
        hiding = any(_HIDING.fullmatch(a.group(1)) for a in _ATTRIBUTE.finditer(tag.group(0)))
        if hiding and all(start != tag.start() for start, _ in found):  # one finding per tag
            found.append((tag.start(), tag.group(0)))
    for start, text in sorted(found):
        yield Hit(
            f"raw HTML `{text.strip()[:40]}` is not allowed in a story",
            "remove it; write private notes in an HTML comment or a ::: private block, and declare images under image:",
            offset=start,
        )


RULES = rules_in(globals())
