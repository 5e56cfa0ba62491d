"""Story Markdown → safe HTML: private content out, pseudonyms marked, raw HTML sanitised.

Private content (HTML comments, `::: private` blocks) is blanked *in place*, keeping every character
offset, so the safety detectors can run on exactly what readers will see and still report the
writer's own line and column.
"""

from __future__ import annotations

import collections
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import markdown
import nh3
from markdown import inlinepatterns, util
from markdown.extensions import smarty
from markdown.preprocessors import HtmlBlockPreprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from generator.content.visible import private_removed, typed_markers

# A footnote the writer typed by hand; the generator adds its own.
TYPED_FOOTNOTE_RE = re.compile(
    r"^[ \t]*\\?\*[ \t]*(?:an?[ \t]+pseudonyms?|names?[ \t]+(?:have[ \t]+been[ \t]+)?changed\b[^\n]*)\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "br",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "abbr",
    "cite",
    "q",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}

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
# expression consumes or looks ahead at). A pattern whose expression is not listed is always tried.
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


def _needs(pattern: inlinepatterns.Pattern) -> tuple[str, ...] | None:
    """What a text must contain for `pattern` to match in it; None: always try it."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # an old-style Pattern is matched differently: never skipped
    return PATTERN_NEEDS.get(pattern.compiled_re.pattern)


def _fewest(needed: set[str]) -> tuple[str, ...]:
    """The strings of `needed` that contain no other one: a text holds one of these iff it holds one of `needed`."""
    return tuple(sorted(n for n in needed if not any(m != n and m in n for m in needed)))


def _holds_any(text: str, strings: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, strings))


def _present(text: str, strings: tuple[str, ...]) -> set[str]:
    return {s for s in strings if s in text}


class _GatedInlineProcessor(InlineProcessor):
    """Python-Markdown's InlineProcessor, except that a pattern whose regular expression cannot match
    the text (the text has none of the strings the expression needs) is skipped without being tried.

    Trying a pattern that finds no match leaves the text as it was and goes on to the next pattern
    from the start of the text, which is exactly what skipping it does, so the output is unchanged
    (tests/test_markup_speed_equivalence.py checks it against the stock processors). A match only
    ever replaces text by a placeholder (STX, letters, digits, ETX), which holds none of the needed
    strings and cannot join two characters into one, so a needed string absent from the text when
    it arrives stays absent: testing once per text is enough. Most text has none of ` \\ [ < & * _,
    so most of the pattern attempts per text (the profile's hot spot: a regular-expression search and
    much bookkeeping each) become a few substring tests.
    """

    _registered: list[inlinepatterns.Pattern] | None = None
    _patterns: list[tuple[inlinepatterns.Pattern, frozenset[str] | None]]
    _needed: tuple[str, ...]  # every string some pattern needs
    _needles: tuple[str, ...] | None  # a text with none of these matches no pattern; None: unknown

    @classmethod
    def replacing(cls, old: InlineProcessor) -> _GatedInlineProcessor:
        new = cls(old.md)
        new.inlinePatterns = old.inlinePatterns
        return new

    def run(self, tree: ET.Element, ancestors: list[str] | None = None) -> ET.Element:
        registered = list(self.inlinePatterns)
        if registered != self._registered:  # first run, or the registry changed
            self._registered = registered
            self._patterns = [
                (p, None if (needs := _needs(p)) is None else frozenset(needs)) for p in registered
            ]
            needed = {n for _, needs in self._patterns for n in needs or ()}
            self._needed = tuple(sorted(needed))
            self._needles = None if any(needs is None for _, needs in self._patterns) else _fewest(needed)
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """Overrides the name-mangled InlineProcessor.__handleInline (Markdown 3.11): the same loop, except
        that patterns that cannot match are not tried."""
        if isinstance(data, util.AtomicString) or (
            self._needles is not None and not _holds_any(data, self._needles)
        ):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        present = _present(data, self._needed)
        start = 0
        for index in range(patternIndex, len(self._patterns)):
            pattern, needs = self._patterns[index]
            if needs is not None and needs.isdisjoint(present):
                continue
            matched = True
            while matched:  # a failed attempt returns start 0, as the next pattern needs
                data, matched, start = apply(pattern, data, index, start)
        return data


def _can_gate() -> bool:
    """The private methods the gated processor builds on are there (else the stock one is used)."""
    return all(hasattr(InlineProcessor, f"_InlineProcessor__{m}") for m in ("handleInline", "applyPattern"))


class _Smarty(Treeprocessor):
    """smarty's quotes, dashes and ellipses, applied exactly as smarty's own InlineProcessor applies them
    but without its general machinery (parent map, ancestors, a loop over 18 patterns for every text).

    smarty's patterns only ever turn a match into a string, so its InlineProcessor comes down to this:
    for each text (each child's text then its tail, parents breadth first), try each pattern in
    priority order from the start of the text; replace each match (searched for from just after the
    previous one) by a numbered placeholder, which later patterns see; at the end put each
    placeholder's string back. The strings come from the patterns' own handleMatch, so entities are
    stashed in the same order. A pattern is skipped where it cannot match, as in _GatedInlineProcessor.
    """

    def __init__(self, md: markdown.Markdown, patterns: list[smarty.SubstituteTextPattern]) -> None:
        super().__init__(md)
        self.steps = [(p, p.compiled_re, frozenset(_needs(p) or ())) for p in patterns]
        needed = {n for _, _, needs in self.steps for n in needs}
        self.needed = tuple(sorted(needed))
        self.needles = _fewest(needed)
        self.count = 0  # placeholders made in this document (InlineProcessor's len(stashed_nodes))

    @classmethod
    def replacing(cls, old: Treeprocessor) -> Treeprocessor:
        """A _Smarty doing what smarty's processor `old` does, or `old` itself if it is not the usual one."""
        patterns = list(getattr(old, "inlinePatterns", ()))
        usual = (
            type(old) is InlineProcessor
            and patterns
            and all(
                type(p) is smarty.SubstituteTextPattern and _needs(p) and not p.ANCESTOR_EXCLUDES
                for p in patterns
            )
        )
        return cls(old.md, patterns) if usual else old

    def run(self, root: ET.Element) -> None:
        self.count = 0
        queue = collections.deque([root])
        while queue:
            for child in queue.popleft():
                if child.text and not isinstance(child.text, util.AtomicString):
                    child.text = self._educate(child.text)
                if child.tail and not isinstance(child.tail, util.AtomicString):
                    child.tail = self._educate(child.tail)
                if len(child):
                    queue.append(child)

    def _educate(self, text: str) -> str:
        if not _holds_any(text, self.needles):
            return text
        data = text
        present = _present(text, self.needed)
        strings: dict[str, str] = {}
        for pattern, regex, needs in self.steps:
            if needs.isdisjoint(present):
                continue
            start = 0
            while (m := regex.search(data, start)) is not None:
                string, begin, end = pattern.handleMatch(m, data)
                placeholder = util.INLINE_PLACEHOLDER % f"{self.count:04d}"
                self.count += 1
                strings[placeholder] = string
                data = data[:begin] + placeholder + data[end:]
                start = begin + len(placeholder)
        if not strings:
            return text
        return util.INLINE_PLACEHOLDER_RE.sub(lambda m: strings[m.group(0)], data)


class _HtmlBlocksWhereThereIsHtml(HtmlBlockPreprocessor):
    """Python-Markdown's raw-HTML extractor, not run on a text without `<` or `&`: its HTML parser
    would see one run of plain data, put it into its clean document as it is, stash nothing and
    give back the same lines."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        return super().run(lines) if "<" in source or "&" in source else lines


def speed_up(md: markdown.Markdown) -> None:
    """Swap in processors that give what Python-Markdown's and smarty's give, byte for byte, in less
    time (tests/test_markup_speed_equivalence.py holds them to it). Each keeps the name and priority
    of the one it replaces (build_preprocessors, build_treeprocessors, SmartyExtension.extendMarkdown)."""
    if _can_gate():
        md.treeprocessors.register(_GatedInlineProcessor.replacing(md.treeprocessors["inline"]), "inline", 20)
    md.treeprocessors.register(_Smarty.replacing(md.treeprocessors["smarty"]), "smarty", 6)
    if type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
        md.preprocessors.register(_HtmlBlocksWhereThereIsHtml(md), "html_block", 20)


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
        speed_up(self.md)
        self.marker = _MarkPseudonyms(self.md)
        self.md.treeprocessors.register(self.marker, "impactsite-pseudonyms", 0)
        self.md.treeprocessors.register(_DemoteTitles(self.md), "impactsite-demote-titles", 1)
        self.sanitize = _reusable_sanitizer()

    def render(self, body: str, pseudonyms: tuple[str, ...] = (), *, every: bool = False) -> RenderedBody:
        source = markdown_source(private_removed(body), pseudonyms)
        self.marker.names = pseudonyms
        self.marker.every = every
        self.marker.marked = set()  # a blank body never reaches the marker: no marks left from the last story
        self.md.reset()
        html = self.md.convert(source)
        marked = tuple(sorted(self.marker.marked)) if pseudonyms else ()
        return RenderedBody(self.sanitize(html), marked)


def _sanitizer_options() -> dict[str, Any]:
    return {
        "tags": ALLOWED_TAGS,
        "attributes": ALLOWED_ATTRIBUTES,
        "url_schemes": URL_SCHEMES,
        "strip_comments": True,
        "link_rel": "noopener noreferrer",
    }


def sanitize(html: str) -> str:
    """Allow-list sanitising (nh3, a maintained Rust sanitiser): no script, style, comments or hidden content."""
    return nh3.clean(html, **_sanitizer_options())


def _reusable_sanitizer() -> Callable[[str], str]:
    """`sanitize` with nh3's settings built once (nh3.Cleaner, nh3 0.3 on), or `sanitize` itself."""
    cleaner = getattr(nh3, "Cleaner", None)
    return sanitize if cleaner is None else cleaner(**_sanitizer_options()).clean


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
