"""What readers can see of a story's Markdown: private content blanked in place, typed markers found.

Private content (HTML comments, `::: private` blocks) is blanked *in place*, keeping every character
offset, so the safety detectors can run on exactly what readers will see and still report the
writer's own line and column.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.content.model import Page, Story

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


# Invisible format characters (Unicode category Cf) a writer can type or paste inside a word: soft
# hyphen, zero-width space and joiners, word joiner, bidi controls, the byte-order mark. Written as
# entities too (`&shy;`, `&#8203;`), since Markdown passes entities through to the page.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_INVISIBLE_RE = re.compile(
    "[" + _INVISIBLE + "]|&(?:shy|ZeroWidthSpace|zwj|zwnj|lrm|rlm|NoBreak|InvisibleTimes|InvisibleComma"
    "|ApplyFunction|af|it|ic);|&#(?:0*173|0*8203|0*820[4-7]|0*8288|x0*[aA][dD]|x0*200[bBcCdDeEfF]|x0*2060);"
)


def readable(text: str) -> str:
    """`text` without the invisible characters that split a word: "Pri\u00adya" is published as "Priya".

    A browser shows such a word whole, so the character hides nothing from a reader and only hides the
    word from search and from anyone checking the page. Any invisible character touching a Latin,
    Greek or Cyrillic letter or a digit goes (those alphabets never need one; a bidi control there can
    even reverse a name on screen). Elsewhere they are kept: zero-width joiners and non-joiners that
    Devanagari, Arabic or Persian need, the zero-width spaces Thai and Khmer break lines at, and the
    joiners inside emoji sequences."""
    if _INVISIBLE_RE.search(text) is None:
        return text
    out: list[str] = []
    pos = 0
    for m in _INVISIBLE_RE.finditer(text):
        before = _letter_before(text, m.start())
        after = _letter_after(text, m.end())
        drop = _latin(before) or _latin(after)
        out.append(text[pos : m.start()])
        if not drop:
            out.append(m.group(0))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _letter_before(text: str, i: int) -> str:
    """The visible character before position i (skipping other invisible ones), if it is a letter."""
    while i > 0:
        m = None
        ch = text[i - 1]
        if ch == ";":
            m = re.search(r"&[#\w]+;$", text[max(0, i - 12) : i])
        if m is not None and _INVISIBLE_RE.fullmatch(m.group(0)):
            i -= len(m.group(0))
            continue
        if _INVISIBLE_RE.fullmatch(ch):
            i -= 1
            continue
        return ch if ch.isalnum() or _is_mark(ch) else ""
    return ""


def _letter_after(text: str, i: int) -> str:
    while i < len(text):
        m = _INVISIBLE_RE.match(text, i)
        if m is not None:
            i = m.end()
            continue
        ch = text[i]
        return ch if ch.isalnum() or _is_mark(ch) else ""
    return ""


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch).startswith("M")


def _latin(ch: str) -> bool:
    """A letter of the Latin, Greek or Cyrillic alphabets (none of which needs a joiner)."""
    return bool(ch) and (ch.isascii() or "\u00c0" <= ch <= "\u052f" or "\u1e00" <= ch <= "\u1fff")


def readable_story(story: Story) -> Story:
    """The story as it is rendered: every published text through `readable` (the checks read the
    file as typed; offsets in it stay the writer's). The same object when nothing changes."""
    texts = (story.title, story.summary, story.location or "", story.region or "", story.source.body)
    if (
        not any(_INVISIBLE_RE.search(t) for t in texts)
        and not any(_INVISIBLE_RE.search(t) for i in story.images for t in (i.alt, i.caption or ""))
        and not any(_INVISIBLE_RE.search(t) for t in story.tags)
    ):
        return story
    return dataclasses.replace(
        story,
        title=readable(story.title),
        summary=readable(story.summary),
        location=readable(story.location) if story.location else story.location,
        region=readable(story.region) if story.region else story.region,
        tags=tuple(readable(t) for t in story.tags),
        images=tuple(
            dataclasses.replace(
                i, alt=readable(i.alt), caption=readable(i.caption) if i.caption else i.caption
            )
            for i in story.images
        ),
        source=dataclasses.replace(story.source, body=readable(story.source.body)),
    )


def readable_page(page: Page) -> Page:
    """The page as it is rendered (see readable_story)."""
    texts = (page.title, page.summary or "", page.source.body)
    if not any(_INVISIBLE_RE.search(t) for t in texts):
        return page
    return dataclasses.replace(
        page,
        title=readable(page.title),
        summary=readable(page.summary) if page.summary else page.summary,
        source=dataclasses.replace(page.source, body=readable(page.source.body)),
    )
