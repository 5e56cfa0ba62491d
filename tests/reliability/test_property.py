"""Property-based: for any front matter and Markdown hypothesis can make up, a build either succeeds
or stops with located findings (never another exception), and a denylisted term never reaches the
output, however it is dressed up (split by markup, entities, case, accents, private notes).

Stories start from a valid, publishable story and are mutated: fields replaced by values of the
wrong type or by text carrying a denylisted term, unknown fields added, and a body assembled from
words, the terms and Markdown/HTML fragments. Each example is approved when it can be, so that
rendering, the output scan and writing are exercised and not just the checks.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import pathlib
import tempfile
from typing import Any, ClassVar

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reliability_kit import picture
from sitekit import AT, STORY, make_site, story_fields, tree

from generator.build import build
from generator.commands.approve import approve
from generator.errors import ContentError
from generator.findings import Severity
from generator.safety.denylist_store import add_term, normalise

KEY = "property-test-key"
TERMS = ("Zorvani", "Meliso Tarquin")  # made up: a village and a person who must never be named

PICTURE = picture(11, (24, 16))
TEXT_FIELDS = ("title", "summary", "location", "region")
WORDS = (
    "She",
    "found",
    "work",
    "at",
    "a",
    "bakery",
    "Asha",
    "Anjali Rao",
    "the",
    "programme",
    "village",
    "school",
    "aftercare",
    "Pune",
    "trust",
    "and",
    "friends",
    "new",
    "start",
)
MARKUP = (
    "*",
    "**",
    "_",
    "`",
    "[",
    "]",
    "(https://example.org)",
    "](",
    "\n\n",
    "\n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "<!-- ",
    " -->",
    "::: private\n",
    "\n:::\n",
    "&amp;",
    "&#90;",
    "&nbsp;",
    "<em>",
    "</em>",
    "<br>",
    "{{ ",
    " }}",
    "{% raw %}",
    "\\",
    "    ",
    "|",
    "---",
    "é",
    "\u200b",
)


def term_variants(term: str) -> st.SearchStrategy[str]:
    """The term as a writer, or someone trying to slip it past the checks, might type it."""
    split = len(term) // 2
    return st.sampled_from(
        [
            term,
            term.upper(),
            term.lower(),
            term.replace(" ", "  "),
            term.replace(" ", "\n"),
            f"*{term}*",
            f"**{term}**",
            f"[{term}](https://example.org)",
            f"{term[:split]}*{term[split:]}*",
            f"{term[:split]}<em>{term[split:]}</em>",
            f"&#{ord(term[0])};{term[1:]}",
            term.replace("a", "á"),
            f"<!-- {term} -->",
            f"`{term}`",
            f"{term}'s",
            f"#{term}",
        ]
    )


def phrase(terms: bool) -> st.SearchStrategy[str]:
    words = st.sampled_from(WORDS)
    return st.lists(
        st.one_of(words, st.sampled_from(TERMS).flatmap(term_variants)) if terms else words,
        min_size=1,
        max_size=6,
    ).map(" ".join)


def body(terms: bool) -> st.SearchStrategy[str]:
    """Mostly plain words, with Markdown and HTML fragments and, if `terms`, the terms plain or disguised."""
    word = st.sampled_from(WORDS).map(lambda w: w + " ")
    fragment = st.one_of(
        word,
        word,
        st.sampled_from(MARKUP),
        st.text(max_size=8),
        *([st.sampled_from(TERMS).flatmap(term_variants)] if terms else []),
    )
    return st.lists(fragment, min_size=1, max_size=40).map("".join)


def any_value(terms: bool) -> st.SearchStrategy[Any]:
    scalar = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
        phrase(terms),
    )
    return st.recursive(
        scalar,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=6,
    )


@st.composite
def stories(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid story, then (four times in ten) one to three fields replaced by anything at all; half
    of the stories carry the terms somewhere, half do not (those mostly build, which exercises the
    renderer, the output scan and writing)."""
    terms = draw(st.booleans())
    fields = story_fields()
    mutations = max(0, draw(st.integers(-5, 3)))
    for name in draw(
        st.lists(
            st.sampled_from(sorted(fields) + ["image", "slug", "aliases", "unknown"]),
            min_size=mutations,
            max_size=mutations,
            unique=True,
        )
    ):
        fields[name] = draw(
            st.one_of(phrase(terms), any_value(terms)) if name in TEXT_FIELDS else any_value(terms)
        )
    if draw(st.integers(0, 3)) == 0:
        fields["tags"] = draw(st.lists(phrase(terms), min_size=1, max_size=3))
    if draw(st.integers(0, 2)) == 0:
        fields["image"] = {
            "src": "images/p.png",
            "alt": draw(phrase(terms)),
            "identifiable": False,
            "treatment": "illustration",
            "caption": "Illustration, not the survivor. " + draw(phrase(terms)),
        }
    return fields, draw(body(terms))


def front_matter(fields: dict[str, Any]) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)


class Visible(html.parser.HTMLParser):
    """What a reader or a scraper gets from a generated file: text (inline elements joined to their
    neighbours, as a browser shows them) and attribute values, entities decoded."""

    INLINE: ClassVar[set[str]] = {
        "a",
        "em",
        "strong",
        "b",
        "i",
        "span",
        "abbr",
        "sup",
        "sub",
        "code",
        "q",
        "cite",
        "small",
        "mark",
        "time",
    }

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = [""]
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pieces += [v for _, v in attrs if v]
        if tag not in self.INLINE:
            self.pieces.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.INLINE:
            self.pieces.append("")

    def handle_data(self, data: str) -> None:
        self.pieces[-1] += data


def leaked_terms(files: dict[str, bytes]) -> list[tuple[str, str]]:
    found = []
    for path, data in files.items():
        if not path.endswith((".html", ".xml", ".txt", ".json")):
            continue
        for piece in Visible(data.decode("utf-8", "replace")).pieces + [
            path.replace("/", " ").replace("-", " ")
        ]:
            text = f" {normalise(piece)} "
            found += [(path, t) for t in TERMS if f" {normalise(t)} " in text]
    return found


def assert_located(findings: tuple[Any, ...] | list[Any], root: pathlib.Path) -> None:
    for f in findings:
        assert f.path == "site.yaml" or f.path.startswith("output/") or (root / f.path).exists(), f
        if f.severity is Severity.ERROR and not f.path.startswith("output/"):
            assert f.line >= 1 and f.column >= 1, f
        assert f.message, f


@pytest.fixture
def denylist_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY)
    return KEY


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    story=stories(),  # and, one time in ten, some text tacked on to the front matter
    garble=st.integers(0, 9).flatmap(lambda n: st.text(max_size=40) if n == 0 else st.none()),
)
def test_any_story_builds_or_gets_located_errors_and_no_denylisted_term_is_published(
    denylist_key: str, story: tuple[dict[str, Any], str], garble: str | None
) -> None:
    fields, text = story
    head = front_matter(fields) + ("" if garble is None else garble + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(
            pathlib.Path(tmp) / "site", {STORY: f"---\n{head}---\n{text}", "content/images/p.png": PICTURE}
        )
        for term in TERMS:
            add_term(root / "safety" / "denylist.txt", term, KEY.encode())
        try:
            approve(root, [root / STORY], "safeguarding-01", AT)
        except ContentError as exc:
            assert_located(exc.findings, root)
        try:
            report = build(root, AT)
        except ContentError as exc:
            assert exc.findings
            assert_located(exc.findings, root)
            assert not (root / "output").exists()
            event("stopped: " + ", ".join(sorted({f.rule for f in exc.findings if f.is_error})))
            return
        assert_located(report.findings, root)
        assert leaked_terms(tree(root / "output")) == []
        event("built")  # see how often with --hypothesis-show-statistics
