"""serve's previews without a browser: which stories are previews and why, findings marked in the
rendered text (and only there), and a build that never contains a preview."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib

from sitekit import AT, BODY, approve_story, make_site, story_md, tree

from generator.build import build
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.content.parse import read_source
from generator.findings import Finding, Severity
from generator.serve.marks import Mark, place, with_markers
from generator.serve.preview import INDEX, make_preview

PHONE = "You can reach her on 98765 43210 to order vegetables."
DRAFT = "content/stories/market.md"
LIVE = "content/stories/story.md"


def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(
        tmp_path,
        {
            LIVE: story_md(),
            DRAFT: story_md(
                BODY + "\n" + PHONE + "\n\nTODO: a quote.\n", title="At the Market", status="draft"
            ),
        },
    )
    approve_story(root, LIVE)
    return root


def preview(root: pathlib.Path, at: dt.datetime = AT, now: dt.datetime | None = None):
    return make_preview(root, at, Steps(Store.memory(), in_memory=True), now)


def test_a_draft_is_a_preview_and_a_published_story_is_not(tmp_path: pathlib.Path) -> None:
    made = preview(site(tmp_path))
    assert made.problems is None
    assert list(made.previews) == ["/stories/market/"]
    notice = made.previews["/stories/market/"]
    assert notice.reason == "This story is a draft (status: draft). It is not published, whatever it says."
    # Checked as if published: the text's problems first, in reading order, then the review.
    assert [(m.rule, m.label) for m in notice.marks] == [
        ("ID-PHONE", "Must fix"),
        ("PLACEHOLDER", "Must fix"),
        ("SIGNOFF-MISSING", "Must fix"),
    ]
    assert [m.anchor for m in notice.marks] == ["impactsite-problem-1", "impactsite-problem-2", None]
    page = made.files["stories/market/index.html"].decode()
    assert '<meta name="robots" content="noindex">' in page
    assert "Preview — not published." in page and 'href="#impactsite-problem-1"' in page
    published = made.files["stories/story/index.html"].decode()
    assert "impactsite-" not in published and "noindex" not in published
    # The listing shows what build would publish: the draft is not in it.
    assert "/stories/market/" not in made.files["stories/index.html"].decode()
    assert "/stories/market/" in made.files[INDEX].decode()


def test_an_edit_after_review_is_a_preview_and_the_rest_of_the_site_still_shows(
    tmp_path: pathlib.Path,
) -> None:
    root = site(tmp_path)
    path = root / LIVE
    path.write_text(path.read_text().replace("found work", "found steady work"))
    made = preview(root)
    assert made.problems is None  # one story's problem does not stop the others
    assert made.previews["/stories/story/"].reason == (
        "Not live: It changed after it was reviewed: a safeguarding reviewer must read it again."
    )
    assert "/stories/story/" not in made.files["stories/index.html"].decode()


def test_a_problem_outside_the_stories_is_shown_over_the_site(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    (root / "content/campaigns").mkdir(parents=True)
    (root / "content/campaigns/x.yaml").write_text("name: X\n")
    made = preview(root)
    assert made.problems is not None and "content/campaigns/x.yaml" in made.problems[1]
    assert made.problems[0].startswith("These problems stop the whole site")
    assert "stories/market/index.html" in made.files


def test_a_story_that_no_longer_reads_keeps_its_last_page_under_the_problem(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    before = preview(root)
    path = root / DRAFT
    path.write_text(path.read_text().replace("status: draft", "status: [draft", 1))
    made = make_preview(root, AT, Steps(Store.memory(), in_memory=True), None, before.files)
    assert made.problems is not None
    heading, text = made.problems
    assert heading.startswith("A file could not be read") and "content/stories/market.md" in text
    assert made.files["stories/market/index.html"] == before.files["stories/market/index.html"]


def test_serve_at_labels_what_is_live_then_but_not_now(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {LIVE: story_md(publish_on=dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))})
    approve_story(root, LIVE)
    later = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
    assert preview(root, at=later).previews == {}  # plain serve --at: nothing to label
    notice = preview(root, at=later, now=AT).previews["/stories/story/"]
    assert notice.reason.startswith("Embargoed until 1 December 2026, 09:00 (UTC+00:00)")
    assert preview(root).previews["/stories/story/"].reason == (
        "Embargoed until 1 December 2026, 09:00 (UTC+00:00): it goes live then by itself."
    )


def test_a_build_never_contains_a_preview(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path,
        {
            LIVE: story_md(),
            DRAFT: story_md(BODY + "\nTODO: a quote.\n", title="At the Market", status="draft"),
        },
    )
    approve_story(root, LIVE)
    preview(root)  # serve ran first, with its caches on disk
    build(root, AT)
    out = tree(root / "output")
    assert "stories/market/index.html" not in out and not any(p.startswith("_impactsite") for p in out)
    for name, data in out.items():
        text = data.decode("utf-8", "replace")
        assert "impactsite-" not in text and "Preview — not published" not in text, name
        assert "/_impactsite/" not in text, name


def _finding(text: str, needle: str, rule: str = "X", length: int | None = None) -> Finding:
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    size = len(needle) if length is None else length
    return Finding(
        "s.md", line, column, rule, Severity.ERROR, "a detail that identifies someone", "describe it", size
    )


def _marks(n: int) -> dict[int, Mark]:
    return {
        i: Mark(i, "error", "Must fix", "X", "line", "a detail that identifies someone", "describe it")
        for i in range(1, n + 1)
    }


def _render(text: str, findings: list[Finding]) -> tuple[str, set[int]]:
    from generator.render.markdown import MarkdownRenderer

    source, _ = read_source("s.md", text.encode())
    assert source is not None
    return place(MarkdownRenderer().render(with_markers(source, findings)).html, _marks(len(findings)))


def test_a_finding_is_highlighted_and_its_note_ends_the_paragraph() -> None:
    text = "---\ntitle: T\n---\nHer neighbour Ravi Kumar helped. She smiles.\n\nNext paragraph.\n"
    html, placed = _render(text, [_finding(text, "Ravi Kumar")])
    assert placed == {1}
    assert "<p>Her neighbour <mark" in html and "Problem 1 starts: </span>Ravi Kumar</mark> helped." in html
    assert html.index('role="note"') > html.index("She smiles.") and html.index('role="note"') < html.index(
        "</p>"
    )
    # The note is the message and the fix: the matched text appears once, where it is in the story.
    assert html.count("Ravi Kumar") == 1


def test_marks_follow_the_text_across_formatting_and_never_into_attributes() -> None:
    text = "---\ntitle: T\n---\nCall **Ravi** Kumar or see [the page](https://example.org/ravi-kumar).\n"
    findings = [_finding(text, "Ravi** Kumar"), _finding(text, "ravi-kumar")]
    html, placed = _render(text, findings)
    assert placed == {1}  # the second is inside a link's address: listed in the panel only
    assert '<strong><mark class="impactsite-mark impactsite-error" id="impactsite-problem-1"' in html
    assert '</mark></strong><mark class="impactsite-mark impactsite-error"> Kumar</mark>' in html
    assert 'href="https://example.org/ravi-kumar"' in html  # the address itself untouched
    assert "\ue000" not in html and "\ue001" not in html and "%EE%80" not in html


def test_a_finding_without_a_length_marks_its_word_and_a_private_note_is_not_shown() -> None:
    text = "---\ntitle: T\n---\nCall 98765 today.<!-- Ravi's number -->\n"
    html, placed = _render(text, [_finding(text, "98765", length=0), _finding(text, "Ravi")])
    assert placed == {1} and "starts: </span>98765</mark> today." in html
    assert "Ravi" not in html


def test_an_end_marker_cut_off_still_closes_the_highlight_at_its_block() -> None:
    source = read_source("s.md", b"---\ntitle: T\n---\nOne two three.\n\nFour.\n")[0]
    assert source is not None
    f = _finding(source.text, "two")
    body = with_markers(source, [dataclasses.replace(f)])
    broken = body.replace("\ue001\ue101", "")
    from generator.render.markdown import MarkdownRenderer

    html, placed = place(MarkdownRenderer().render(broken).html, _marks(1))
    assert placed == {1}
    assert html.index("</mark>") < html.index("</p>") and html.count("<mark") == 1
