"""Family 8, private content: comments, `::: private` blocks and internal notes never reach output/;
raw HTML that hides text or runs code is refused, even in a draft."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import (
    AT,
    BODY,
    STORY,
    approve_story,
    approved_and_clean,
    loc,
    make_site,
    story_findings,
    story_md,
    tree,
)

from generator.build import build


@pytest.mark.parametrize(
    ("html", "shown"),
    [
        ('<p style="color:red">Hi</p>', '<p style="color:red">'),
        ("<script>alert(1)</script>", "<script"),
        ("<span hidden>the real name</span>", "<span hidden>"),
        ('<b onclick="x()">Hi</b>', '<b onclick="x()">'),
        ('<span aria-hidden="true">x</span>', '<span aria-hidden="true">'),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("<img src=x.jpg>", "<img"),
        ("<iframe src=https://example.org></iframe>", "<iframe"),
    ],
)
def test_raw_html_that_hides_or_runs_is_refused_even_in_a_draft(
    tmp_path: pathlib.Path, html: str, shown: str
) -> None:
    text = story_md(BODY + "\n" + html + "\n", status="draft")
    assert story_findings(tmp_path, text, "PRIVATE-HTML") == [
        f"{loc(text, shown)}: PRIVATE-HTML: raw HTML `{shown}` is not allowed in a story"
    ]


@pytest.mark.parametrize(
    "html",
    [
        '<abbr title="a hidden gem">HG</abbr>',
        '<a href="https://example.org" title="online safety">help</a>',
        "The style of the house was plain; nothing was hidden.",
        "<!-- <script>alert(1)</script> -->",
        "::: private\n<span hidden>x</span>\n:::",
        "<em>Formatting</em> and <strong>emphasis</strong>",
    ],
)
def test_formatting_html_and_words_inside_attributes_are_fine(tmp_path: pathlib.Path, html: str) -> None:
    approved_and_clean(tmp_path, story_md(BODY + "\n" + html + "\n"))


def test_private_content_and_internal_notes_never_reach_output(tmp_path: pathlib.Path) -> None:
    body = (
        "Asha found work at a bakery.<!-- real name: SECRETNAME -->\n\n"
        "::: private\nCase file SECRETCASE, ask SECRETPERSON.\n:::\n\n"
        "<!-- SECRETNOTE\nacross lines -->\nShe is saving for a course.\n"
    )
    root = make_site(
        tmp_path,
        {
            STORY: story_md(body, internal_notes="SECRETINTERNAL"),
            "content/pages/about.md": "---\ntitle: About\ninternal_notes: SECRETPAGE\n---\n"
            "We help. <!-- SECRETPAGECOMMENT -->\n",
        },
    )
    approve_story(root)
    build(root, AT)
    files = tree(root / "output")
    assert "stories/story/index.html" in files
    page = files["stories/story/index.html"].decode()
    assert "<p>Asha* found work at a bakery.</p>\n<p>She is saving for a course.</p>" in page
    for path, data in files.items():
        assert b"SECRET" not in data, path
        assert b"<!--" not in data or not path.endswith(".html"), path
