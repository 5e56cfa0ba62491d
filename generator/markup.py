"""Story Markdown → safe HTML: private content out, pseudonyms marked, raw HTML sanitised.

Private content (HTML comments, `::: private` blocks) is blanked *in place*, keeping every character
offset, so the safety detectors can run on exactly what readers will see and still report the
writer's own line and column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
PRIVATE_RE = re.compile(r"^:::[ \t]*private\b.*?(?:^:::[ \t]*$|\Z)", re.S | re.M | re.I)
# A footnote the writer typed by hand; the generator adds its own.
TYPED_FOOTNOTE_RE = re.compile(
    r"^[ \t]*\\?\*[ \t]*(?:an?[ \t]+pseudonyms?|names?[ \t]+(?:have[ \t]+been[ \t]+)?changed\b[^\n]*)\.?[ \t]*$",
    re.I | re.M,
)

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
    "code", "pre", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "abbr",
    "cite", "q", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}

FOOTNOTE_ONE = "*A pseudonym."
FOOTNOTE_MANY = "*Names changed to protect identities."


def blank(match: re.Match[str]) -> str:
    """Replace a private span by spaces, keeping its line breaks (so positions stay put)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def visible_text(body: str) -> str:
    """The body as readers can see it: comments and private blocks blanked, offsets unchanged."""
    return PRIVATE_RE.sub(blank, COMMENT_RE.sub(blank, body))


_COMMENT_LINE_RE = re.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*(?:\n|\Z)", re.S | re.M)
_PRIVATE_BLOCK_RE = re.compile(PRIVATE_RE.pattern + r"\n?", PRIVATE_RE.flags)


def private_removed(body: str) -> str:
    """The body with private content cut out, for Markdown. Blanking would leave runs of spaces
    that Markdown reads as structure (a note at the start of a line turned the line into a code
    block; a note on its own line split a paragraph), so the renderer gets the text without them."""
    return _PRIVATE_BLOCK_RE.sub("", COMMENT_RE.sub(_cut, _COMMENT_LINE_RE.sub("", body)))


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
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s)?[A-Z][\w’'-]*)$")


def typed_markers(text: str) -> list[TypedMarker]:
    """Asterisks typed right after a capitalised word as a pseudonym marker (`Rina*`).

    Emphasis (`*word*`) and bold (`**word**`) are told apart by pairing: within a paragraph an
    asterisk after a word closes an open emphasis if there is one; otherwise it is a marker.
    """
    found: list[TypedMarker] = []
    if "*" not in text:
        return found
    for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        chunk = para.group(0)
        if "*" not in chunk:
            continue
        start = para.start()
        open_count = 0
        i = 0
        while i < len(chunk):
            if chunk[i] != "*":
                i += 1
                continue
            j = i
            while j < len(chunk) and chunk[j] == "*":
                j += 1
            run = j - i
            prev = chunk[i - 1] if i > 0 else " "
            nxt = chunk[j] if j < len(chunk) else " "
            if run == 1:
                after_word = bool(_WORD.match(prev))
                possessive = after_word and re.match(r"['’]s(?!\w)", chunk[j:]) is not None  # `Rina*'s`
                before_word = (bool(_WORD.match(nxt)) or nxt in "\"“‘_[") and not possessive
                if after_word and not before_word:
                    if open_count:
                        open_count -= 1
                    else:
                        m = _NAME_BEFORE.search(chunk[:i])
                        if m:
                            found.append(TypedMarker(start + i, m.group(1), start + m.start(1)))
                elif before_word and not after_word:
                    open_count += 1
            i = j
    return found


def markdown_source(text: str, pseudonyms: tuple[str, ...]) -> str:
    """What goes to Markdown: typed markers after declared pseudonyms removed (the generator marks
    them itself), typed footnotes removed (the generator adds exactly one)."""
    for marker in reversed(typed_markers(text)):
        if any(marker.name == p or marker.name.endswith(" " + p) for p in pseudonyms):
            text = text[: marker.offset] + text[marker.offset + 1 :]
    return TYPED_FOOTNOTE_RE.sub("", text)


class _DemoteTitles(Treeprocessor):
    """A `# Heading` in the text becomes <h2>: the page's <h1> is the story's title, and the sanitiser
    (which allows no h1) would otherwise strip the tag and leave the heading as bare text."""

    def run(self, root: ET.Element) -> None:
        for el in root.iter("h1"):
            el.tag = "h2"


class _MarkPseudonyms(Treeprocessor):
    """Add `*` after the first (or every) mention of each declared pseudonym, in text only."""

    names: tuple[str, ...] = ()
    every = False
    marked: set[str]

    def run(self, root: ET.Element) -> None:
        self.marked = set()
        if not self.names:
            return
        alternatives = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w*])({alternatives})(?![\w*])")
        self._walk(root, pattern)

    def _sub(self, text: str | None, pattern: re.Pattern[str]) -> str | None:
        if not text:
            return text

        def mark(m: re.Match[str]) -> str:
            name = m.group(1)
            if not self.every and name in self.marked:
                return name
            self.marked.add(name)
            return name + "*"

        return pattern.sub(mark, text)

    def _walk(self, root: ET.Element, pattern: re.Pattern[str]) -> None:
        """Visit text in document order with a stack, not recursion: a hostile text can nest
        emphasis a thousand levels deep, which would exhaust Python's recursion limit."""
        stack: list[tuple[ET.Element, bool]] = [(root, False)]  # (element, True: its tail is next)
        while stack:
            el, tail = stack.pop()
            if tail:
                el.tail = self._sub(el.tail, pattern)
                continue
            if el.tag in ("code", "pre"):
                continue
            el.text = self._sub(el.text, pattern)
            for child in reversed(el):
                stack += [(child, True), (child, False)]


@dataclass(frozen=True)
class RenderedBody:
    html: str
    marked: tuple[str, ...]  # pseudonyms that were marked

    @property
    def footnote(self) -> str | None:
        if not self.marked:
            return None
        return FOOTNOTE_ONE if len(self.marked) == 1 else FOOTNOTE_MANY


class MarkdownRenderer:
    """One Markdown instance, reset per document (cheaper than building one per story)."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["smarty", "sane_lists"], output_format="html")
        self.marker = _MarkPseudonyms(self.md)
        self.md.treeprocessors.register(self.marker, "impactsite-pseudonyms", 0)
        self.md.treeprocessors.register(_DemoteTitles(self.md), "impactsite-demote-titles", 1)

    def render(self, body: str, pseudonyms: tuple[str, ...] = (), *, every: bool = False) -> RenderedBody:
        source = markdown_source(private_removed(body), pseudonyms)
        self.marker.names = pseudonyms
        self.marker.every = every
        self.md.reset()
        html = self.md.convert(source)
        marked = tuple(sorted(self.marker.marked)) if pseudonyms else ()
        return RenderedBody(sanitize(html), marked)


def sanitize(html: str) -> str:
    """Allow-list sanitising (nh3, a maintained Rust sanitiser): no script, style, comments or hidden content."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def render_plain(body: str) -> str:
    """Markdown for plain pages (no pseudonyms)."""
    return MarkdownRenderer().render(body).html


def mark_plain(text: str, pseudonyms: tuple[str, ...]) -> str:
    """Mark the first mention of each pseudonym in a one-line text (a title or summary), when the
    site asks for marks outside the story body (pseudonyms.in_titles / in_feed)."""
    if not pseudonyms:
        return text
    alternatives = "|".join(re.escape(n) for n in sorted(pseudonyms, key=len, reverse=True))
    seen: set[str] = set()

    def mark(m: re.Match[str]) -> str:
        if m.group(1) in seen:
            return m.group(1)
        seen.add(m.group(1))
        return m.group(1) + "*"

    return re.sub(rf"(?<![\w*])({alternatives})(?![\w*])", mark, text)
