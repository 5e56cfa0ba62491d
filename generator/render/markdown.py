"""Story Markdown → safe HTML: private content out, pseudonyms marked, raw HTML sanitised.

Python-Markdown (with smarty and sane_lists) through its documented extension points only: our
treeprocessors come in one Extension (ImpactsiteExtension), registered by name and priority.

Private content (HTML comments, `::: private` blocks) is blanked *in place*, keeping every character
offset, so the safety detectors can run on exactly what readers will see and still report the
writer's own line and column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import markdown
from markdown import inlinepatterns, util
from markdown.extensions import Extension, smarty
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from generator.content.visible import private_removed, typed_markers
from generator.render.sanitize import reusable_sanitizer

# A footnote the writer typed by hand; the generator adds its own.
TYPED_FOOTNOTE_RE = re.compile(
    r"^[ \t]*\\?\*[ \t]*(?:an?[ \t]+pseudonyms?|names?[ \t]+(?:have[ \t]+been[ \t]+)?changed\b[^\n]*)\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


FOOTNOTE_ONE = "*A pseudonym."
FOOTNOTE_MANY = "*Names changed to protect identities."


def markdown_source(text: str, pseudonyms: tuple[str, ...]) -> str:
    """What goes to Markdown: typed markers after declared pseudonyms removed (the generator marks
    them itself), typed footnotes removed (the generator adds exactly one)."""
    for marker in reversed(typed_markers(text)):
        if any(marker.name == p or marker.name.endswith(" " + p) for p in pseudonyms):
            text = text[: marker.offset] + text[marker.offset + 1 :]
    return TYPED_FOOTNOTE_RE.sub("", text) if "*" in text else text


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
        if not text or not any(map(text.__contains__, self.names)):  # a match is one of the names
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


# For the regular expression of each inline pattern of Python-Markdown and of smarty: strings of which
# a text must contain at least one for the expression to match anywhere in it (each is text the
# expression consumes or looks ahead at). A processor with a pattern not listed here is never skipped.
PATTERN_NEEDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        inlinepatterns.BACKTICK_RE: ("`",),
        inlinepatterns.ESCAPE_RE: ("\\",),
        inlinepatterns.LINK_RE: ("[",),  # = REFERENCE_RE
        inlinepatterns.IMAGE_LINK_RE: ("![",),  # = IMAGE_REFERENCE_RE
        inlinepatterns.AUTOLINK_RE: ("<",),
        inlinepatterns.AUTOMAIL_RE: ("<",),
        inlinepatterns.HTML_RE: ("<",),
        inlinepatterns.ENTITY_RE: ("&",),
        inlinepatterns.LINE_BREAK_RE: ("  \n",),
        r"\*|_": ("*", "_"),  # em_strong (a DelimiterProcessor for * and _)
        r"(?<!-)---(?!-)": ("---",),  # smarty's dashes and ellipses are literals in SmartyExtension
        r"(?<!-)--(?!-)": ("--",),
        r"(?<!\.)\.{3}(?!\.)": ("...",),
        smarty.singleQuoteStartRe: ("'",),
        smarty.doubleQuoteStartRe: ('"',),
        smarty.doubleQuoteSetsRe: ("\"'",),
        smarty.singleQuoteSetsRe: ("'\"",),
        smarty.doubleQuoteSetsRe2: ("'\"",),
        smarty.singleQuoteSetsRe2: ("\"'",),
        smarty.decadeAbbrRe: ("'",),
        smarty.openingSingleQuotesRegex: ("'",),
        smarty.closingSingleQuotesRegex: ("'",),
        smarty.closingSingleQuotesRegex2: ("'",),
        smarty.remainingSingleQuotesRegex: ("'",),
        smarty.openingDoubleQuotesRegex: ('"',),
        smarty.closingDoubleQuotesRegex: ('"',),
        smarty.closingDoubleQuotesRegex2: ('"',),
        smarty.remainingDoubleQuotesRegex: ('"',),
    }
)


def inline_needles(patterns: Iterable[inlinepatterns.Pattern]) -> tuple[str, ...] | None:
    """Strings of which a text must hold one for any of `patterns` to match in it; None: unknown."""
    needed: set[str] = {util.STX}  # a placeholder in the text: leave it to the processor
    for pattern in patterns:
        needs = PATTERN_NEEDS.get(pattern.getCompiledRegExp().pattern)
        if needs is None or not isinstance(pattern, inlinepatterns.InlineProcessor):
            return None
        needed.update(needs)
    return tuple(sorted(n for n in needed if not any(m != n and m in n for m in needed)))


class _SkipInertText(Treeprocessor):
    """Runs just before an inline processor (Python-Markdown's, or smarty's) and makes each text in
    which none of its patterns can match an AtomicString, which the processor leaves as it is (the
    documented way to keep text from inline patterns); _UnmarkInertText, just after it, turns them
    back into plain text.

    The processor would have tried every pattern on such a text, found no match and put the same
    text back, so the output is unchanged (tests/test_markup_speed_equivalence.py holds it to the
    stock processors). Most text in a story has none of ` \\ [ < & * _ ' " -- ...: the processor's
    per-pattern loop, the profile's hot spot, then runs on a fraction of the texts.
    """

    def __init__(self, md: markdown.Markdown, processor: str) -> None:
        super().__init__(md)
        self.processor = processor
        self.marked: list[tuple[ET.Element, bool]] = []  # (element, True: its text / False: its tail)
        self.patterns: list[inlinepatterns.Pattern] = []  # the processor's patterns when ...
        self.needles: tuple[str, ...] | None = None  # ... these were worked out

    def run(self, root: ET.Element) -> None:
        self.marked = []
        if self.processor not in self.md.treeprocessors:
            return
        inline = self.md.treeprocessors[self.processor]
        if not isinstance(inline, InlineProcessor):
            return
        patterns = list(inline.inlinePatterns)
        if patterns != self.patterns:  # the first document, or an extension changed the registry
            self.patterns, self.needles = patterns, inline_needles(patterns)
        needles = self.needles
        if needles is None:
            return
        atomic, marked = util.AtomicString, self.marked
        elements = root.iter()
        next(elements)  # the processor works on the text and tail of each element inside the root
        for el in elements:
            text, tail = el.text, el.tail
            if text and not isinstance(text, atomic) and not any(map(text.__contains__, needles)):
                el.text = atomic(text)
                marked.append((el, True))
            if tail and not isinstance(tail, atomic) and not any(map(tail.__contains__, needles)):
                el.tail = atomic(tail)
                marked.append((el, False))


class _UnmarkInertText(Treeprocessor):
    """Turn the texts _SkipInertText made atomic back into plain text (the processor in between
    copies an atomic tail, so they are found by their place, not by identity)."""

    def __init__(self, md: markdown.Markdown, skip: _SkipInertText) -> None:
        super().__init__(md)
        self.skip = skip

    def run(self, root: ET.Element) -> None:
        for el, is_text in self.skip.marked:
            value = el.text if is_text else el.tail
            if isinstance(value, util.AtomicString):
                if is_text:
                    el.text = str(value)
                else:
                    el.tail = str(value)
        self.skip.marked = []


class ImpactsiteExtension(Extension):
    """Our treeprocessors: `# Title` demoted to <h2>, pseudonyms marked, inert text skipped.

    Registered after smarty (whose processor it skips text for too). Priorities: inline 20,
    prettify 10, smarty 6, unescape 0 (Python-Markdown 3.11 and SmartyExtension)."""

    def __init__(self, marker: _MarkPseudonyms | None = None) -> None:
        super().__init__()
        self.marker = marker

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for name, before, after in (("inline", 21, 19), ("smarty", 7, 5.5)):
            skip = _SkipInertText(md, name)
            md.treeprocessors.register(skip, f"impactsite-skip-{name}", before)
            md.treeprocessors.register(_UnmarkInertText(md, skip), f"impactsite-unskip-{name}", after)
        if self.marker is not None:
            md.treeprocessors.register(self.marker, "impactsite-pseudonyms", 0)
        md.treeprocessors.register(_DemoteTitles(md), "impactsite-demote-titles", 1)


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
        self.md = markdown.Markdown(output_format="html")
        self.marker = _MarkPseudonyms(self.md)
        self.md.registerExtensions(["smarty", "sane_lists", ImpactsiteExtension(self.marker)], {})
        self.sanitize = reusable_sanitizer()

    def render(self, body: str, pseudonyms: tuple[str, ...] = (), *, every: bool = False) -> RenderedBody:
        source = markdown_source(private_removed(body), pseudonyms)
        self.marker.names = pseudonyms
        self.marker.every = every
        self.marker.marked = set()  # a blank body never reaches the marker: no marks left from the last story
        self.md.reset()
        html = self.md.convert(source)
        marked = tuple(sorted(self.marker.marked)) if pseudonyms else ()
        return RenderedBody(self.sanitize(html), marked)


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
