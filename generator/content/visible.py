"""What readers can see of a story's Markdown: private content blanked in place, typed markers found.

Private content (HTML comments, `::: private` blocks) is blanked *in place*, keeping every character
offset, so the safety detectors can run on exactly what readers will see and still report the
writer's own line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
PRIVATE_RE = re.compile(r"^:::[ \t]*private\b.*?(?:^:::[ \t]*$|\Z)", re.DOTALL | re.MULTILINE | re.IGNORECASE)


def blank(match: re.Match[str]) -> str:
    """Replace a private span by spaces, keeping its line breaks (so positions stay put)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def visible_text(body: str) -> str:
    """The body as readers can see it: comments and private blocks blanked, offsets unchanged."""
    return PRIVATE_RE.sub(blank, COMMENT_RE.sub(blank, body))


_COMMENT_LINE_RE = re.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
_PRIVATE_BLOCK_RE = re.compile(PRIVATE_RE.pattern + r"\n?", PRIVATE_RE.flags)


def private_removed(body: str) -> str:
    """The body with private content cut out, for Markdown. Blanking would leave runs of spaces
    that Markdown reads as structure (a note at the start of a line turned the line into a code
    block; a note on its own line split a paragraph), so the renderer gets the text without them."""
    if "<!--" in body:  # (both comment expressions need it; skipping a search that cannot match is cheaper)
        body = COMMENT_RE.sub(_cut, _COMMENT_LINE_RE.sub("", body))
    return _PRIVATE_BLOCK_RE.sub("", body) if ":::" in body else body


def _cut(match: re.Match[str]) -> str:
    """An inline comment goes; after a word it leaves one space, so `Rina<!-- -->*` cannot turn
    into a `Rina*` marker that the checks (which saw the blanked text) never saw."""
    before = match.string[match.start() - 1 : match.start()] if match.start() else ""
    after = match.string[match.end() : match.end() + 1]
    return " " if before and after and not before.isspace() and not after.isspace() else ""


@dataclass(frozen=True)
class TypedMarker:
    offset: int  # of the asterisk, in the body
    name: str  # the capitalised word(s) just before it
    name_offset: int


_WORD = re.compile(r"[\w’']")
# A paragraph: text up to a blank line. The same matches as (?:[^\n]|\n(?!\s*\n))+, in bigger steps.
_PARAGRAPH_RE = re.compile(r"(?:[^\n]+|\n(?!\s*\n))+")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s)?[A-Z][\w’'-]*)$")


def typed_markers(text: str) -> list[TypedMarker]:
    """Asterisks typed right after a capitalised word as a pseudonym marker (`Rina*`).

    Emphasis (`*word*`) and bold (`**word**`) are told apart by pairing: within a paragraph an
    asterisk after a word closes an open emphasis if there is one; otherwise it is a marker.
    """
    found: list[TypedMarker] = []
    if "*" not in text:
        return found
    for para in _PARAGRAPH_RE.finditer(text):
        chunk = para.group(0)
        if "*" not in chunk:
            continue
        start = para.start()
        open_count = 0
        i = chunk.find("*")
        while i != -1:  # at each run of asterisks (a jump, not a step per character)
            j = i
            while j < len(chunk) and chunk[j] == "*":
                j += 1
            run = j - i
            prev = chunk[i - 1] if i > 0 else " "
            nxt = chunk[j] if j < len(chunk) else " "
            if run == 1:
                after_word = bool(_WORD.match(prev))
                possessive = after_word and re.match(r"['’]s(?!\w)", chunk[j:]) is not None  # `Rina*'s`
                before_word = (bool(_WORD.match(nxt)) or nxt in '"“‘_[') and not possessive
                if after_word and not before_word:
                    if open_count:
                        open_count -= 1
                    else:
                        m = _NAME_BEFORE.search(chunk[:i])
                        if m:
                            found.append(TypedMarker(start + i, m.group(1), start + m.start(1)))
                elif before_word and not after_word:
                    open_count += 1
            i = chunk.find("*", j)
    return found
