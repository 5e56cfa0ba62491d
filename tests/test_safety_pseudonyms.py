"""Family 2, pseudonyms: a hand-typed `Name*` must be a declared pseudonym; the generator marks the
declared ones itself and adds exactly one footnote, in the story only."""

from __future__ import annotations

import pathlib

from sitekit import (
    AT,
    STORY,
    approve_story,
    approved_and_clean,
    loc,
    make_site,
    person,
    story_findings,
    story_md,
    survivor,
)

from generator.build import build


def test_an_undeclared_name_with_a_marker_fires_even_on_a_draft(tmp_path: pathlib.Path) -> None:
    text = story_md("Asha met Priya* at the shelter.\n", status="draft")
    assert story_findings(tmp_path, text) == [
        (
            f'{loc(text, "|Priya*")}: PSEUDONYM-UNDECLARED: a name ("P…") is marked as a pseudonym but is not declared in people: '
            "it may be a real name dressed up as a changed one"
        )
    ]


def test_a_marker_on_a_real_name_fires(tmp_path: pathlib.Path) -> None:
    text = story_md("Asha thanked Anjali Rao* for everything.\n")
    assert story_findings(tmp_path, text, "PSEUDONYM-UNDECLARED") == [
        (
            f'{loc(text, "Anjali Rao|*")}: PSEUDONYM-UNDECLARED: a name ("A… R…") is marked as a pseudonym but '
            "is declared with name_type: real"
        )
    ]


def test_a_possessive_marker_is_still_a_marker(tmp_path: pathlib.Path) -> None:
    text = story_md("Asha stayed at Priya*'s flat.\n")
    assert story_findings(tmp_path, text, "PSEUDONYM-UNDECLARED") == [
        (
            f'{loc(text, "|Priya*")}: PSEUDONYM-UNDECLARED: a name ("P…") is marked as a pseudonym but is not declared in people: '
            "it may be a real name dressed up as a changed one"
        )
    ]


def test_a_marker_on_a_declared_pseudonym_and_emphasis_are_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md("Asha* went home. *She* was **free**.\n\n* a list\n* of things\n"))


def test_a_marker_inside_a_private_note_is_not_published_so_not_checked(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md("Asha went home.\n<!-- ask Priya* about the date -->\n"))


def built_story(tmp_path: pathlib.Path, text: str, site_extra: str = "") -> dict[str, str]:
    site = (
        "title: Test Stories\nbase_url: https://stories.example.org\norganisation:\n  name: Example Trust\n"
        + site_extra
    )
    root = make_site(tmp_path / "site", {STORY: text, "site.yaml": site})
    approve_story(root)
    build(root, AT)
    out = root / "output"
    return {p: (out / p).read_text() for p in ("stories/story/index.html", "index.html", "feed.xml")}


def test_the_generator_marks_the_first_mention_and_footnotes_once_in_the_story_only(
    tmp_path: pathlib.Path,
) -> None:
    text = story_md("Asha went home. Asha smiled.\n", title="Asha Starts Again", summary="Asha has a job.")
    out = built_story(tmp_path, text)
    page = out["stories/story/index.html"]
    assert "<p>Asha* went home. Asha smiled.</p>" in page
    assert page.count('<p class="footnote">*A pseudonym.</p>') == 1
    assert (
        "<h1>Asha Starts Again</h1>" in page
        and "Asha*" not in page.split("<article")[1].split("</header>")[0]
    )
    assert "Asha*" not in out["index.html"] and "Asha*" not in out["feed.xml"]


def test_two_pseudonyms_get_the_shared_footnote_and_every_mode_marks_each(tmp_path: pathlib.Path) -> None:
    text = story_md(
        "Asha met Rina. Later Asha and Rina laughed.\n",
        people=[survivor("Asha"), survivor("Rina", consent="C-1"), person("Anjali Rao", "staff", "real")],
    )
    page = built_story(tmp_path, text, "pseudonyms:\n  mark: every\n")["stories/story/index.html"]
    assert "<p>Asha* met Rina*. Later Asha* and Rina* laughed.</p>" in page
    assert page.count("*Names changed to protect identities.") == 1 and "*A pseudonym." not in page
