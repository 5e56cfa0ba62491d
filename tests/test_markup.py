"""Markdown → safe HTML: private content out (offsets kept for detectors), pseudonyms marked, HTML sanitised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.visible import private_removed, typed_markers, visible_text
from generator.render.markdown import FOOTNOTE_MANY, FOOTNOTE_ONE, MarkdownRenderer, render_plain
from generator.render.sanitize import sanitize


@pytest.fixture(scope="module")
def md() -> MarkdownRenderer:
    return MarkdownRenderer()


# --- private content -------------------------------------------------------------------------------


def test_comments_and_private_blocks_are_blanked_in_place() -> None:
    body = "Asha <!-- real name: X -->went home.\n\n::: private\nCase FIR 12/2026\n:::\n\nAfter.\n"
    visible = visible_text(body)
    assert len(visible) == len(body)
    assert visible.count("\n") == body.count("\n")
    assert visible.index("went") == body.index("went") and visible.index("After.") == body.index("After.")
    assert "real name" not in visible and "FIR" not in visible and "private" not in visible


@given(
    st.lists(
        st.sampled_from(["Asha ", "went\n", "\n", "<!-- ", " -->", "::: private\n", ":::\n", "x*", "é"]),
        max_size=30,
    )
)
def test_blanking_never_moves_a_character(parts: list[str]) -> None:
    body = "".join(parts)
    visible = visible_text(body)
    assert len(visible) == len(body)
    assert all(v == b or v == " " for v, b in zip(visible, body))
    assert [i for i, c in enumerate(visible) if c == "\n"] == [i for i, c in enumerate(body) if c == "\n"]


def test_an_unclosed_comment_hides_everything_after_it() -> None:
    assert visible_text("Shown <!-- never closed\nsecret\n").strip() == "Shown"


def test_private_blocks_are_case_insensitive_and_run_to_the_end_when_unclosed() -> None:
    assert visible_text("a\n::: Private note\nsecret\n").strip() == "a"


def test_private_content_never_reaches_the_html(md: MarkdownRenderer) -> None:
    html = md.render("Asha <!-- real name -->went home.\n\n::: private\nsecret detail\n:::\n\nAfter.\n").html
    assert html == "<p>Asha went home.</p>\n<p>After.</p>"


def test_a_note_at_the_start_of_a_line_does_not_turn_it_into_code(md: MarkdownRenderer) -> None:
    assert md.render("<!-- check with Anjali -->Asha went home.\n").html == "<p>Asha went home.</p>"


def test_a_note_on_its_own_line_does_not_split_the_paragraph(md: MarkdownRenderer) -> None:
    assert md.render("Line one\n<!-- note -->\nline two.\n").html == "<p>Line one\nline two.</p>"


def test_private_removed_keeps_text_between_two_comments() -> None:
    assert private_removed("<!-- a -->text\n<!-- b -->\nmore\n") == "text\nmore\n"


def test_removing_a_comment_cannot_create_a_pseudonym_marker() -> None:
    assert private_removed("Rina<!-- x -->* said") == "Rina * said"
    assert typed_markers(private_removed("Rina<!-- x -->* said")) == []


# --- typed markers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rina* went home", [(4, "Rina", 0)]),
        ("Rina*, then", [(4, "Rina", 0)]),
        ("Rina*'s cup", [(4, "Rina", 0)]),
        ("Rina*’s cup", [(4, "Rina", 0)]),
        ("Sister Rina* said", [(11, "Sister Rina", 0)]),
        ("*emphasis* and Rina*.", [(19, "Rina", 15)]),
        ("**bold** and Rina*", [(17, "Rina", 13)]),
    ],
)
def test_typed_markers_are_found(text: str, found: list[tuple[int, str, int]]) -> None:
    assert [(m.offset, m.name, m.name_offset) for m in typed_markers(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "*Rina went home*",
        "*Rina* went",
        "**Rina** went",
        "* a list item\n* another",
        "2*3 = 6",
        "rina* lowercase",
        "Rina** too many",
        "a *b* c *d*",
    ],
)
def test_emphasis_bold_and_lists_are_not_markers(text: str) -> None:
    assert typed_markers(text) == []


def test_emphasis_pairs_do_not_cross_paragraphs() -> None:
    assert [m.name for m in typed_markers("*open\n\nRina* here")] == ["Rina"]


# --- pseudonym marking and footnote --------------------------------------------------------------


def test_the_first_mention_is_marked_and_one_footnote_added(md: MarkdownRenderer) -> None:
    body = md.render("Mona went home. Later Mona smiled.\n", ("Mona",))
    assert body.html == "<p>Mona* went home. Later Mona smiled.</p>"
    assert (body.marked, body.footnote) == (("Mona",), FOOTNOTE_ONE) == (("Mona",), "*A pseudonym.")


def test_every_mode_marks_each_mention(md: MarkdownRenderer) -> None:
    body = md.render("Mona went home. Later Mona smiled.\n", ("Mona",), every=True)
    assert body.html == "<p>Mona* went home. Later Mona* smiled.</p>"


def test_several_pseudonyms_share_one_footnote(md: MarkdownRenderer) -> None:
    body = md.render("Mona and Rina met.\n", ("Mona", "Rina"))
    assert body.html == "<p>Mona* and Rina* met.</p>"
    assert body.footnote == FOOTNOTE_MANY == "*Names changed to protect identities."


def test_a_declared_pseudonym_that_is_never_mentioned_needs_no_footnote(md: MarkdownRenderer) -> None:
    body = md.render("Nobody is named here.\n", ("Mona",))
    assert (body.html, body.marked, body.footnote) == ("<p>Nobody is named here.</p>", (), None)


def test_hand_typed_markers_and_footnotes_are_replaced_not_doubled(md: MarkdownRenderer) -> None:
    body = md.render("Mona* went home with Mona*.\n\n*A pseudonym.\n", ("Mona",))
    assert body.html == "<p>Mona* went home with Mona.</p>"
    assert body.footnote == FOOTNOTE_ONE
    body = md.render("Mona*'s cup.\n\n\\* Names have been changed to protect identities.\n", ("Mona",))
    assert body.html == "<p>Mona*’s cup.</p>"


def test_code_is_not_marked(md: MarkdownRenderer) -> None:
    assert md.render("`Mona` then Mona.\n", ("Mona",)).html == "<p><code>Mona</code> then Mona*.</p>"
    assert (
        md.render("    Mona in code\n\nMona here\n", ("Mona",)).html
        == "<pre><code>Mona in code\n</code></pre>\n<p>Mona* here</p>"
    )


def test_only_whole_names_are_marked(md: MarkdownRenderer) -> None:
    assert md.render("Monalisa met Mona.\n", ("Mona",)).html == "<p>Monalisa met Mona*.</p>"


def test_the_renderer_is_reset_between_stories(md: MarkdownRenderer) -> None:
    md.render("Mona here.\n", ("Mona",))
    second = md.render("Rina here.\n", ("Rina",))
    assert (second.html, second.marked) == ("<p>Rina* here.</p>", ("Rina",))


def test_a_top_level_heading_in_the_text_becomes_h2(md: MarkdownRenderer) -> None:
    assert (
        md.render("# What happened\n\nMona went home.\n", ("Mona",)).html
        == "<h2>What happened</h2>\n<p>Mona* went home.</p>"
    )


# --- sanitiser ------------------------------------------------------------------------------------


def test_the_sanitiser_strips_scripts_styles_hidden_and_event_handlers() -> None:
    html = sanitize(
        '<p hidden onclick="steal()" style="color:red" aria-hidden="true">Hi</p>'
        "<script>alert(1)</script><style>p{display:none}</style><!-- note --><iframe src=x></iframe>"
    )
    assert html == "<p>Hi</p>"


def test_the_sanitiser_keeps_safe_links_and_drops_javascript_urls() -> None:
    html = sanitize(
        '<a href="javascript:alert(1)">x</a> <a href="https://example.org" title="t" target="_blank">y</a>'
    )
    assert (
        html
        == '<a rel="noopener noreferrer">x</a> <a href="https://example.org" title="t" rel="noopener noreferrer">y</a>'
    )


def test_plain_pages_are_rendered_and_sanitised() -> None:
    assert (
        render_plain("Hello <!-- x --> *world*\n\n<script>x</script>\n") == "<p>Hello  <em>world</em></p>\n"
    )


def test_a_blank_body_carries_no_marks_over_from_the_story_before() -> None:
    from generator.render.markdown import MarkdownRenderer

    renderer = MarkdownRenderer()
    assert renderer.render("Mona smiled.\n", ("Mona",)).marked == ("Mona",)
    assert renderer.render("<!-- only a note -->\n", ("Mona",)).marked == ()
    assert MarkdownRenderer().render("   \n", ("Mona",)).marked == ()
