"""Family 12: placeholders. Drafting leftovers published by accident ("Test Test")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.model import Story
from generator.safety.detect.scanbase import may_contain
from generator.safety.registry import ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "12 Placeholders"
_MARKERS = re.compile(
    r"(?<![\w-])(TODO|TK|TKTK|XXX+|FIXME|TBD|TBC)(?![\w-])|\blorem\s+ipsum\b", re.IGNORECASE
)
# Every match of _MARKERS holds one of these (in any case). Looking for them first is far cheaper than
# the case-insensitive pattern, which tries its look-behind at every character of the text.
_MARKER_HINTS = ("todo", "tk", "xxx", "fixme", "tbd", "tbc", "lorem")
_UPPER_ONLY = {"TODO", "TK", "TKTK", "FIXME", "TBD", "TBC"}
_FILLER = {"test", "testing", "test test", "tests", "asdf", "placeholder", "text here", "xxx", "tbd", "tk"}
# A paragraph: a run of lines that are not blank (blanked private content counts as blank).
_PARAGRAPH = re.compile(r"^[ \t]*(\S.*(?:\n[ \t]*\S.*)*)", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_MARKUP_CHARS = re.compile(r"[*_>#`.!]")


@story_rule(
    "PLACEHOLDER",
    ERROR,
    family=FAMILY,
    title="drafting leftovers on a live page",
    source="SPEC family 12; the published 'Test Test' paragraph",
)
def placeholders(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A published story carries no "lorem ipsum", TODO/TK/XXX markers, lone "Test" paragraphs or
    headings with nothing under them: each is a sign the text was not finished, or not reread."""
    text = ctx.visible
    for m in _markers(text):
        word = m.group(0)
        if m.group(1) and word.upper() in _UPPER_ONLY and word != word.upper():
            continue  # "tk" or "Todo" in running text is not a marker; only capitals are
        yield Hit(
            f'placeholder "{word}" left in the story',
            "finish or remove this part of the text",
            offset=m.start(),
        )
    for m in _PARAGRAPH.finditer(text):
        para = m.group(1).strip()
        if _too_long_for_filler(para):
            continue
        plain = _MARKUP_CHARS.sub("", para).strip().lower()
        if plain in _FILLER:
            yield Hit(f'placeholder paragraph "{para}"', "delete this paragraph", offset=m.start(1))
    for field in ("title", "summary"):
        value = story.data.get(field) or ""
        for m in _markers(value):
            if m.group(1) and m.group(0).upper() in _UPPER_ONLY and m.group(0) != m.group(0).upper():
                continue
            yield Hit(f'placeholder "{m.group(0)}" in the {field}', f"finish the {field}", path=(field,))
        if value.strip().lower() in _FILLER:
            yield Hit(f'the {field} is a placeholder ("{value}")', f"write the real {field}", path=(field,))
    headings = _headings(text)
    for i, h in enumerate(headings):
        level = len(h.group(1))
        end = len(text)
        for nxt in headings[i + 1 :]:
            if len(nxt.group(1)) <= level:
                end = nxt.start()
                break
        between = text[h.end() : end]
        if not between.strip():
            yield Hit(
                f'the section "{h.group(2)}" is empty',
                "write the section or delete its heading",
                offset=h.start(),
            )
    if not text.strip():
        yield Hit(
            "the story has no text", "write the story below the front matter", line=story.source.body_line - 1
        )


# Every character of a paragraph that is neither whitespace nor one of _MARKUP_CHARS is still in `plain`
# (lowercasing never shortens a character), so a paragraph with more of them than the longest filler is
# not one. Counted with bytes for an ASCII paragraph: deleting the ASCII whitespace (str.isspace) and
# the markup characters leaves exactly those characters.
_LONGEST_FILLER = max(map(len, _FILLER))
_NOT_COUNTED = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f*_>#`.!"


def _too_long_for_filler(para: str) -> bool:
    """True when `para` cannot be a filler paragraph, whatever its markup (False when unsure)."""
    return para.isascii() and len(para.encode("ascii").translate(None, _NOT_COUNTED)) > _LONGEST_FILLER


def _markers(text: str) -> Iterator[re.Match[str]]:
    """_MARKERS.finditer(text), skipped when no marker word is in the text at all."""
    return _MARKERS.finditer(text) if may_contain(text, _MARKER_HINTS) else iter(())


def _headings(text: str) -> list[re.Match[str]]:
    """The matches of _HEADING.finditer(text), tried only where a line starts with "#": a match starts
    at a line start (^ under re.MULTILINE) with "#" and never crosses a line end."""
    found: list[re.Match[str]] = []
    at = 0 if text.startswith("#") else _next_line_with_hash(text, 0)
    while at >= 0:
        m = _HEADING.match(text, at)
        if m is not None:
            found.append(m)
        at = _next_line_with_hash(text, at)
    return found


def _next_line_with_hash(text: str, after: int) -> int:
    """The start of the next line after position `after` that begins with "#", or -1."""
    nl = text.find("\n#", after)
    return nl + 1 if nl >= 0 else -1


RULES = rules_in(globals())
