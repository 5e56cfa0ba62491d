"""The fast body renderer gives exactly what stock Python-Markdown + smarty + nh3 give, byte for byte.

ImpactsiteExtension marks the texts in which no pattern of the inline processor (and then of smarty's)
can match as AtomicString, so the processor skips them, and turns them back after it; the pseudonym
marker skips texts without a name, and nh3's settings are built once. Each test here renders with the
fast renderer and with the slow reference built the stock way, and compares the Markdown output before
sanitising (and the raw-HTML stash, so entities are stashed in the same order), the sanitised HTML and
the names marked.
"""

from __future__ import annotations

import pathlib
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import visible
from generator.content.visible import COMMENT_RE, private_removed
from generator.render import markdown as markup
from generator.render.markdown import TYPED_FOOTNOTE_RE, MarkdownRenderer, markdown_source
from generator.render.sanitize import sanitize

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES = ("Rina", "O'Brien", "Ana Lu", "O’Brien", "Asha")
RUN_ORDER = {
    "preprocessors": ["normalize_whitespace", "html_block"],
    "treeprocessors": [
        "inline",
        "prettify",
        "smarty",
        "impactsite-demote-titles",
        "unescape",
        "impactsite-pseudonyms",
    ],
}


class _StockMarker(markup._MarkPseudonyms):
    """The pseudonym marker as it was: every text through the pattern."""

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


class Reference:
    """The slow reference: stock Python-Markdown with smarty and sane_lists, our two treeprocessors, nh3.clean."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["smarty", "sane_lists"], output_format="html")
        self.marker = _StockMarker(self.md)
        self.md.treeprocessors.register(self.marker, "impactsite-pseudonyms", 0)
        self.md.treeprocessors.register(markup._DemoteTitles(self.md), "impactsite-demote-titles", 1)


def _convert(
    md: markdown.Markdown, marker: markup._MarkPseudonyms, source: str, names: tuple[str, ...], every: bool
) -> tuple[str, list[object], tuple[str, ...]]:
    marker.names, marker.every = names, every
    marker.marked = set()  # (a blank source skips the treeprocessors, which would leave the last story's)
    md.reset()
    html = md.convert(source)
    return html, list(md.htmlStash.rawHtmlBlocks), tuple(sorted(marker.marked))


@pytest.fixture(scope="module")
def pair() -> tuple[MarkdownRenderer, Reference]:
    return MarkdownRenderer(), Reference()


def assert_same(
    pair: tuple[MarkdownRenderer, Reference], body: str, names: tuple[str, ...] = (), every: bool = False
) -> None:
    fast, ref = pair
    source = markdown_source(private_removed(body), names)
    want = _convert(ref.md, ref.marker, source, names, every)
    assert _convert(fast.md, fast.marker, source, names, every) == want
    got = fast.render(body, names, every=every)
    assert (got.html, got.marked) == (sanitize(want[0]), want[2] if names else ())


def test_the_fast_processors_are_the_ones_under_test(pair: tuple[MarkdownRenderer, Reference]) -> None:
    """Else every comparison here would be stock against stock (a Python-Markdown upgrade can do that)."""
    fast, ref = pair
    fast.render("A first text, so that the skips have looked at the processors' patterns.")
    for name in ("inline", "smarty"):
        skip = fast.md.treeprocessors[f"impactsite-skip-{name}"]
        assert isinstance(skip, markup._SkipInertText) and skip.needles, name  # every pattern is known
    assert "impactsite-skip-inline" not in ref.md.treeprocessors
    for md in (fast.md, ref.md):  # and in the same order
        for registry, names in RUN_ORDER.items():
            indexes = [getattr(md, registry).get_index_for_name(n) for n in names]
            assert indexes == sorted(indexes)


SNIPPETS = [
    # quotes: starts and ends of lines and of texts, sets, decades, possessives, contractions
    "'Hello,' she said.",
    '"Hello," she said.',
    "'tis the season",
    "the '80s and '90s",
    "rock 'n' roll",
    "He said, \"'Quoted' words in a larger quote.\"",
    "'\"Quoted\" words'",
    "\"'\"'",
    "''",
    '""',
    "'",
    '"',
    "'.'",
    '".x"',
    "'?!'",
    "It's Rina's and the girls' books.",
    "1990's 5'10\" tall",
    "'12 and '12s",
    "x'",
    'x"',
    "x'.",
    "x's",
    "x'sa",
    "x'1",
    "('x')",
    '["x"]',
    "{'x'}",
    "'''",
    '"""',
    "''x''",
    "'\"x\"'",
    "a\n'b\n\"c\nd'\ne\"",
    "  'lead'",
    "'trail '",
    "' lead",
    '\u00a0"x"',
    "\u2003'y'",
    "'\t'",
    '"\n"',
    # dashes, ellipses, angle quotes
    "--",
    "---",
    "----",
    "-----",
    "a--b",
    "a---b",
    "a -- b",
    '--"quote"',
    '---"quote"',
    "---'x",
    '----"quote"',
    '—"quote"',
    "–'x'",
    '&mdash;"x"',
    "&ndash;'x'",
    '&nbsp;"x"',
    "&#8211;'x'",
    '&#8212;"x"',
    "a\u00a0--\u00a0b",
    "...",
    "....",
    ". . .",
    "a...b",
    '"..."',
    "'...'s",
    "......",
    "--...--",
    "<<",
    ">>",
    "a << b >> c",
    # emphasis around quotes (a text node starting or ending at the element)
    '*"emph"*',
    "**'bold'**",
    "*a*'s",
    '"*a*"',
    "_'x'_",
    '*x*"y"',
    '*x*"',
    "**x**'.'",
    "*'*",
    "***'x'***",
    '*a **b "c" d** e*',
    "_x_--y",
    "*" * 40 + "'x'" + "*" * 40,
    "a_b_c 'd'",
    "__init__'s",
    # links, images, code, escapes, raw HTML, entities
    '[a "b"](http://x \'title "q"\')',
    "[link](http://x \"title 'q'\")",
    "'[x][r]'\n\n[r]: http://r \"T 'x'\"",
    '![a "b"](x.png "t")',
    "<http://x.org/a--b>",
    "<a@b.com>",
    "`code \"q\" 'x' -- ...`",
    '``a ` "b"``',
    "    code \"q\" 'x' -- ...\n    more 'x'\n\nafter \"y\"",
    '```\nfenced "q"\n```',
    '\\"escaped\\"',
    "\\'esc\\'",
    "\\-\\-",
    "\\.\\.\\.",
    "a\\'s",
    "\\*Rina",
    '<span title="a \'b\'">x</span> "q"',
    "<b>x</b>'s",
    '"<b>x</b>"',
    "<div>\"x\" -- 'y'</div>",
    '<div>\n"x"\n</div>\n\n"after"',
    '&amp; "x"',
    "&quot;x&quot;",
    "&#39;y&#39;",
    "'&amp;'",
    "&#x27;",
    "a & 'b'",
    'x<y "z"',
    'x > "y"',
    "<script>'x'</script>",
    '<a href="javascript:x">"y"</a>',
    # block structure
    "- \"a\"\n- 'b'\n- --c\n",
    '1. "x"\n2. y...\n',
    "* 'a'\n\n    * \"b\"\n",
    '# "Title"',
    "## 'x' --",
    'Setext "h"\n========',
    "Title 'x'\n---",
    'a  \n"b"',
    "> \"x\"\n> 'y'",
    "> > 'deep'",
    "***",
    "---\n\n'x'",
    # private content and pseudonyms
    "Line one\n<!-- note -->\nline two 'x'.",
    'a <!-- c --> "b"',
    "::: private\n'secret'\n:::\n\"after\"",
    "Rina's",
    "Rina*'s",
    '"Rina"',
    "'Rina'",
    "Rina--and",
    "O'Brien met O’Brien",
    "Ana Lu's cat",
    "Rina said \"Rina\" and 'Rina'.",
    "*Rina*'s and **Rina**",
    "`Rina` 'Rina'",
    "Rina* went 'yes'.\n\n*A pseudonym.",
    "*" * 300 + "Asha" + "*" * 300,
]


@pytest.mark.parametrize("body", SNIPPETS)
def test_adversarial_snippets_render_the_same(pair: tuple[MarkdownRenderer, Reference], body: str) -> None:
    assert_same(pair, body)
    assert_same(pair, body + "\n", NAMES)
    assert_same(pair, body + "\n", NAMES, every=True)


def test_every_story_and_page_in_the_repository_renders_the_same(
    pair: tuple[MarkdownRenderer, Reference],
) -> None:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "tests/golden").rglob("*.md"))
    assert files
    for path in files:
        body = path.read_text(encoding="utf-8").split("\n---", 1)[-1]
        assert_same(pair, body, NAMES)


TOKENS = [
    "'",
    '"',
    "'",
    '"',
    "’",
    "“",
    "-",
    "--",
    "---",
    ".",
    "...",
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "<<",
    ">>",
    "<b>",
    "</b>",
    "<!-- c -->",
    "&",
    "&amp;",
    "&nbsp;",
    "&#8212;",
    "`",
    "\\",
    "\n",
    "\n\n",
    "  \n",
    " ",
    " ",
    "\t",
    "    ",
    "> ",
    "- ",
    "1. ",
    "# ",
    "::: private\n",
    ":::\n",
    "a",
    "s",
    "80s",
    "Rina",
    "O'Brien",
    "Ana Lu",
    "é",
    "—",
    "–",
    "http://x.org",
    "<http://x.org>",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from([(), ("Rina",), NAMES]), st.booleans())
def test_random_text_renders_the_same(
    pair: tuple[MarkdownRenderer, Reference], parts: list[str], names: tuple[str, ...], every: bool
) -> None:
    assert_same(pair, "".join(parts), names, every)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("'\"-.*_[]()<>!&;#`\\\n \tas’“—"), max_size=60))
def test_random_characters_render_the_same(pair: tuple[MarkdownRenderer, Reference], body: str) -> None:
    assert_same(pair, body, ("a",))


# --- the text steps before Markdown ----------------------------------------------------------------

PRE = st.lists(
    st.sampled_from(
        [
            "<!--",
            "-->",
            " ",
            "\n",
            "\n\n",
            "::: private",
            ":::",
            "x",
            "Rina*",
            "*",
            "\\* A pseudonym.",
            "* Names changed",
            "\t",
            " \n",
        ]
    ),
    max_size=30,
).map("".join)


@given(PRE)
def test_private_removed_skips_only_expressions_that_cannot_match(body: str) -> None:
    stock = visible._PRIVATE_BLOCK_RE.sub(
        "", COMMENT_RE.sub(visible._cut, visible._COMMENT_LINE_RE.sub("", body))
    )
    assert private_removed(body) == stock


@given(PRE)
def test_markdown_source_skips_only_a_footnote_search_that_cannot_match(body: str) -> None:
    assert markdown_source(body, ()) == TYPED_FOOTNOTE_RE.sub("", body)


@given(st.text(alphabet=st.sampled_from("\n \t\r\x0b\x0c\u00a0\u2028\x1cab*"), max_size=40))
def test_paragraphs_are_found_as_with_one_character_at_a_time(text: str) -> None:
    one_at_a_time = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")
    assert [m.span() for m in visible._PARAGRAPH_RE.finditer(text)] == [
        m.span() for m in one_at_a_time.finditer(text)
    ]
