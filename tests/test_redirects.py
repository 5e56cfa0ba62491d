"""Renamed stories: `aliases:` → a redirect page at each old address plus `_redirects`; bad or clashing
aliases are errors on the alias's own line."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import AT, STORY, approve_story, check_site, heads, loc, make_site, story_md, tree

from generator.build import build
from generator.errors import ContentError

OTHER = "content/stories/other.md"


def alias_site(
    tmp_path: pathlib.Path,
    aliases: object,
    other: dict[str, object] | None = None,
    pages: dict[str, str] | None = None,
) -> pathlib.Path:
    files = {STORY: story_md(aliases=aliases), **(pages or {})}
    if other is not None:
        files[OTHER] = story_md(title="Another Fresh Start", **other)
    root = make_site(tmp_path / "site", files)
    approve_story(root, *([STORY, OTHER] if other is not None else [STORY]))
    return root


def test_an_alias_gets_a_redirect_page_and_a_redirects_line(tmp_path: pathlib.Path) -> None:
    root = alias_site(tmp_path, ["/stories/a-new-start-in-pune/"])
    build(root, AT)
    files = {
        p: d.decode() for p, d in tree(root / "output").items() if not p.startswith(("images/", "assets/"))
    }
    page = files["stories/a-new-start-in-pune/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=/stories/story/">' in page
    assert '<link rel="canonical" href="https://stories.example.org/stories/story/">' in page
    assert '<p>It is now at <a href="/stories/story/">A Fresh Start in Pune</a>.</p>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert files["_redirects"] == "/stories/a-new-start-in-pune/ /stories/story/ 301\n"
    assert "a-new-start-in-pune" not in files["sitemap.xml"]


def test_a_story_that_comes_down_takes_its_old_addresses_with_it(tmp_path: pathlib.Path) -> None:
    root = alias_site(tmp_path, ["/stories/a-new-start-in-pune/"])
    build(root, AT)
    text = (root / STORY).read_text().replace("status: published", "status: withdrawn")
    (root / STORY).write_text(text)
    report = build(root, AT)
    assert "https://stories.example.org/stories/a-new-start-in-pune/" in report.takedown
    assert not (root / "output/_redirects").exists()


def test_an_alias_that_is_not_an_address_is_located(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md(aliases=["old story"])})
    text = (root / STORY).read_text()
    assert [f.format() for f in check_site(root) if f.rule == "ALIAS"] == [
        (
            f'{loc(text, "|old story")}: ALIAS: the alias "old story" is not an address on this site\n'
            "  fix: write the old address as a path with slashes, e.g. /old-story/"
        )
    ]


def test_two_stories_cannot_share_an_alias_or_take_each_others_address(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path / "site",
        {
            STORY: story_md(aliases=["/stories/old/", "/stories/other/"]),
            OTHER: story_md(title="Another", aliases=["/stories/old/"]),
        },
    )
    story, other = (root / STORY).read_text(), (root / OTHER).read_text()
    assert heads(check_site(root), "ALIAS") == [  # other.md comes first, so it keeps /stories/old/
        f'{loc(story, "|/stories/old/")}: ALIAS: the alias "/stories/old/" is already an alias of {OTHER}',
        f'{loc(story, "|/stories/other/")}: ALIAS: the alias "/stories/other/" is the address of {OTHER}',
    ]
    assert "/stories/old/" in other


def test_an_alias_on_top_of_a_page_is_a_url_clash(tmp_path: pathlib.Path) -> None:
    root = alias_site(
        tmp_path, ["/about/"], pages={"content/pages/about.md": "---\ntitle: About\n---\nUs.\n"}
    )
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert heads(exc.value.findings) == [
        "content/stories/story.md:1:1: URL-CLASH: content/stories/story.md and content/pages/about.md both produce /about/index.html"
    ]


def test_a_near_miss_alias_is_fine(tmp_path: pathlib.Path) -> None:
    root = alias_site(tmp_path, "/stories/fresh-start-in-pune.html")
    assert heads(check_site(root)) == []
    build(root, AT)
    assert (root / "output/stories/fresh-start-in-pune.html").is_file()
    assert (
        root / "output/_redirects"
    ).read_text() == "/stories/fresh-start-in-pune.html /stories/story/ 301\n"
