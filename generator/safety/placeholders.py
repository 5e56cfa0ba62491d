"""Family 12: placeholders. Drafting leftovers published by accident ("Test Test")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.model import Story
from generator.safety.registry import ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "12 Placeholders"
_MARKERS = re.compile(r"(?<![\w-])(TODO|TK|TKTK|XXX+|FIXME|TBD|TBC)(?![\w-])|\blorem\s+ipsum\b", re.I)
_UPPER_ONLY = {"TODO", "TK", "TKTK", "FIXME", "TBD", "TBC"}
_FILLER = {"test", "testing", "test test", "tests", "asdf", "placeholder", "text here", "xxx", "tbd", "tk"}
# A paragraph: a run of lines that are not blank (blanked private content counts as blank).
_PARAGRAPH = re.compile(r"^[ \t]*(\S.*(?:\n[ \t]*\S.*)*)", re.M)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)


@story_rule("PLACEHOLDER", ERROR, family=FAMILY, title="drafting leftovers on a live page",
            source="SPEC family 12; the published 'Test Test' paragraph")
def placeholders(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A published story carries no "lorem ipsum", TODO/TK/XXX markers, lone "Test" paragraphs or
    headings with nothing under them: each is a sign the text was not finished, or not reread."""
    text = ctx.visible
    for m in _MARKERS.finditer(text):
        word = m.group(0)
        if m.group(1) and word.upper() in _UPPER_ONLY and word != word.upper():
            continue  # "tk" or "Todo" in running text is not a marker; only capitals are
        yield Hit(f'placeholder "{word}" left in the story', "finish or remove this part of the text", offset=m.start())
    for m in _PARAGRAPH.finditer(text):
        para = m.group(1).strip()
        plain = re.sub(r"[*_>#`.!]", "", para).strip().lower()
        if plain in _FILLER:
            yield Hit(f'placeholder paragraph "{para}"', "delete this paragraph", offset=m.start(1))
    for field in ("title", "summary"):
        value = story.data.get(field) or ""
        for m in _MARKERS.finditer(value):
            if m.group(1) and m.group(0).upper() in _UPPER_ONLY and m.group(0) != m.group(0).upper():
                continue
            yield Hit(f'placeholder "{m.group(0)}" in the {field}', f"finish the {field}", path=(field,))
        if value.strip().lower() in _FILLER:
            yield Hit(f'the {field} is a placeholder ("{value}")', f"write the real {field}", path=(field,))
    headings = list(_HEADING.finditer(text))
    for i, h in enumerate(headings):
        level = len(h.group(1))
        end = len(text)
        for nxt in headings[i + 1 :]:
            if len(nxt.group(1)) <= level:
                end = nxt.start()
                break
        between = text[h.end() : end]
        if not between.strip():
            yield Hit(f'the section "{h.group(2)}" is empty', "write the section or delete its heading", offset=h.start())
    if not text.strip():
        yield Hit("the story has no text", "write the story below the front matter", line=story.source.body_line - 1)


RULES = rules_in(globals())
