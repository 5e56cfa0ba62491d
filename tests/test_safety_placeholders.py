"""Family 12, placeholders: drafting leftovers fail a published story (and only a story meant to be public)."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import BODY, approved_and_clean, loc, story_findings, story_md


@pytest.mark.parametrize(
    ("extra", "needle", "message"),
    [
        ("TODO: add the quote.\n", "|TODO", 'placeholder "TODO" left in the story'),
        ("She said TK about the move.\n", "|TK", 'placeholder "TK" left in the story'),
        ("Her village was XXX.\n", "|XXX", 'placeholder "XXX" left in the story'),
        ("Lorem ipsum dolor sit amet.\n", "|Lorem ipsum", 'placeholder "Lorem ipsum" left in the story'),
        ("Test Test\n", "|Test Test", 'placeholder paragraph "Test Test"'),
        ("**Test.**\n", "|**Test.**", 'placeholder paragraph "**Test.**"'),
        (
            "## What happened next\n\n## Today\n\nShe works.\n",
            "|## What happened next",
            'the section "What happened next" is empty',
        ),
        ("## At the end\n", "|## At the end", 'the section "At the end" is empty'),
    ],
)
def test_placeholders_in_the_text(tmp_path: pathlib.Path, extra: str, needle: str, message: str) -> None:
    text = story_md(BODY + "\n" + extra)
    assert story_findings(tmp_path, text, "PLACEHOLDER") == [f"{loc(text, needle)}: PLACEHOLDER: {message}"]


def test_placeholders_in_title_and_summary(tmp_path: pathlib.Path) -> None:
    text = story_md(title="TODO better title", summary="Test")
    assert story_findings(tmp_path, text, "PLACEHOLDER") == [
        f'{loc(text, "title: |TODO")}: PLACEHOLDER: placeholder "TODO" in the title',
        f'{loc(text, "summary: |Test")}: PLACEHOLDER: the summary is a placeholder ("Test")',
    ]


def test_a_story_with_no_text(tmp_path: pathlib.Path) -> None:
    text = story_md("\n<!-- to write -->\n")
    assert story_findings(tmp_path, text, "PLACEHOLDER") == [
        f"{loc(text, '|---', nth=2)}: PLACEHOLDER: the story has no text"
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "She keeps a todo list and ticks things off.\n",
        "Testing times are over, she says.\n",
        "The tk sound in her language is soft.\n",
        "## What happened next\n\nShe found work.\n\n### Later\n\nShe moved.\n",
        "Her exam results were a test of nerve.\n",
    ],
)
def test_ordinary_words_are_fine(tmp_path: pathlib.Path, extra: str) -> None:
    approved_and_clean(tmp_path, story_md(BODY + "\n" + extra))


def test_a_draft_may_still_have_placeholders(tmp_path: pathlib.Path) -> None:
    assert story_findings(tmp_path, story_md(BODY + "\nTODO: quote.\n\nTest\n", status="draft")) == []
