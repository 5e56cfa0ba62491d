"""Issue 11 item 5, through the command line: a link to an address this build does not publish is an
error at file:line that never quotes the address; renaming an approved story needs a new review."""

from __future__ import annotations

import pathlib
import shutil

import pytest
from click.testing import CliRunner, Result
from sitekit import AT as AT_DT
from sitekit import SITE_YAML, STORY, approve_story, loc, make_site, story_md

from generator.build import make
from generator.cli import main
from generator.config.settings import load_config
from generator.content.publication import decide
from generator.safety.links import own_address, published_addresses
from generator.safety.surfaces import SurfaceContext

AT = "2026-11-20T00:00:00Z"
DRAFT = "content/stories/priya-kumari-from-bargaon.md"
PAGE = "---\ntitle: About us\n---\nWe work in {where}. Read [a story]({link}).\n"
MESSAGE_DRAFT = (
    "LINK-UNPUBLISHED: this link leads to an address this site does not publish: a story that is not "
    "public (a draft, under review, embargoed, withdrawn or past its consent)"
)
MESSAGE_MISSING = (
    "LINK-UNPUBLISHED: this link leads to an address this site does not publish: nothing on this site "
    "has that address (a missing, renamed or deleted page or story)"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def checked(root: pathlib.Path) -> str:
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1, result.output
    assert "priya" not in result.output.lower() and "bargaon" not in result.output.lower()
    return result.output


def test_a_live_story_linking_to_a_draft_stops_without_quoting_its_address(tmp_path: pathlib.Path) -> None:
    for target in (
        "/stories/priya-kumari-from-bargaon/",
        "https://stories.example.org/stories/priya-kumari-from-bargaon",
        "../priya-kumari-from-bargaon/",
        "/stories/priya-kumari-from-bargaon/index.html#top",
    ):
        text = story_md(f"Asha found work. Read [another story]({target}) too.\n")
        root = make_site(tmp_path / target.replace("/", "_"), {STORY: text, DRAFT: story_md(status="draft")})
        out = checked(root)
        assert f"{loc(text, '](|')}: {MESSAGE_DRAFT}" in out
        refused = run("approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01")
        assert refused.exit_code == 1 and MESSAGE_DRAFT in refused.output  # a reviewer cannot vouch for it
        assert "priya" not in refused.output.lower()
        build = run("build", "--site", str(root), "--at", AT)
        assert build.exit_code == 1 and not (root / "output").exists()


def test_links_to_missing_or_withdrawn_pages_and_navigation_to_deleted_ones(tmp_path: pathlib.Path) -> None:
    site_yaml = (
        SITE_YAML + "navigation:\n  - title: Stories\n    url: /stories/\n  - title: Team\n    url: /team/\n"
    )
    page = PAGE.format(where="India", link="/stories/no-such-story/")
    withdrawn = story_md(status="withdrawn")
    root = make_site(
        tmp_path / "site",
        {"site.yaml": site_yaml, STORY: story_md(), "content/pages/about.md": page, DRAFT: withdrawn},
    )
    out = checked(root)
    assert f"{loc(page, '](|', 'content/pages/about.md')}: {MESSAGE_MISSING}" in out
    assert f"{loc(site_yaml, 'url: |/team/', 'site.yaml')}: {MESSAGE_MISSING}" in out


def test_links_to_what_is_published_are_fine(tmp_path: pathlib.Path) -> None:
    body = (
        "Asha found work. See [our stories](/stories/), [this one](/stories/story/), [a tag](/tags/aftercare/), "
        "[the region](/regions/south-asia/), [about us](/about), [the feed](/feed.xml), "
        "[elsewhere](https://example.com/x) and [a note](#top).\n"
    )
    page = PAGE.format(where="India", link="https://stories.example.org/stories/story/?utm_source=x")
    root = make_site(tmp_path / "site", {STORY: story_md(body), "content/pages/about.md": page})
    approve_story(root)
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output


def test_a_draft_may_link_to_another_draft(tmp_path: pathlib.Path) -> None:
    text = story_md(
        "Asha found work. Read [the other](/stories/priya-kumari-from-bargaon/).\n", status="draft"
    )
    root = make_site(tmp_path / "site", {STORY: text, DRAFT: story_md(status="draft")})
    assert "LINK-UNPUBLISHED" not in run("check", "--site", str(root), "--at", AT).output


def test_the_computed_addresses_are_what_a_build_publishes(tmp_path: pathlib.Path) -> None:
    repo = pathlib.Path(__file__).resolve().parent.parent
    root = tmp_path / "example"
    root.mkdir()
    for name in ("site.yaml", "content", "templates", "safety"):
        src = repo / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    made = make(root, AT_DT)
    site = made.site
    ctx = SurfaceContext(site.config, site.stories, site.pages, site.publications, site.extras)
    predicted = published_addresses(ctx)
    actual = {
        "/" + p.removesuffix("index.html")
        for p in made.files
        if (p.endswith((".html", ".xml", ".txt")) or "/downloads/" in "/" + p)
        and not p.startswith(("assets/", "images/"))
    }
    assert actual <= predicted, sorted(actual - predicted)
    assert predicted - actual <= {"/tags/", "/regions/"} | {u for u in predicted if u.endswith("/page/1/")}
    config = load_config(root)
    assert own_address("/about", config.base_url, "/") == "/about/"
    assert decide  # (publication decisions come from the same module the build uses)


def test_renaming_an_approved_story_needs_a_new_review(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0
    (root / STORY).rename(root / "content/stories/asha-from-pune.md")
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert "content/stories/asha-from-pune.md" in result.output and "SIGNOFF-" in result.output


def test_the_organisations_own_social_accounts_in_site_yaml_explain_their_links(
    tmp_path: pathlib.Path,
) -> None:
    """dev35's media page: "Follow our news on [LinkedIn](…) and [Instagram](…)", the very accounts
    site.yaml's `organisation.social` lists for the footer, stopped as links to someone's profile."""
    site_yaml = SITE_YAML.replace(
        "  name: Example Trust\n",
        "  name: Example Trust\n  social:\n"
        "    - {title: Instagram, url: 'https://instagram.com/exampletrust'}\n"
        "    - {title: LinkedIn, url: 'https://www.linkedin.com/company/example-trust'}\n",
    )
    assert site_yaml != SITE_YAML
    ours = (
        "---\ntitle: Media\n---\nFollow our news on [LinkedIn](https://www.linkedin.com/company/example-trust)"
        " and [Instagram](https://instagram.com/exampletrust).\n"
    )
    root = make_site(tmp_path / "ours", {"site.yaml": site_yaml, "content/pages/media.md": ours})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    theirs = ours.replace("instagram.com/exampletrust", "instagram.com/someone.else")
    root = make_site(tmp_path / "theirs", {"site.yaml": site_yaml, "content/pages/media.md": theirs})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1 and "ID-SOCIAL" in result.output, result.output


FRONT_PAGES = [
    # a page that tells of no survivor: an organisation's front page shows no one
    (
        "content/pages/get-help.md",
        "---\ntitle: Get help\n---\nWebsite: [modernslaveryhelpline.org](https://www.modernslaveryhelpline.org/).\n",
        False,
    ),
    (
        "content/pages/get-help.md",
        "---\ntitle: Get help\n---\nSee [France Victimes](https://www.france-victimes.fr).\n",
        False,
    ),
    # a page going deeper than the front page may show anyone
    (
        "content/pages/get-help.md",
        "---\ntitle: Get help\n---\nSee [her page](https://www.example-news.org/people/asha).\n",
        True,
    ),
    # a survivor's story: a front page only as a free line's
    (STORY, story_md("Asha called the helpline, [helpforvictims.org](https://helpforvictims.org).\n"), False),
    (
        STORY,
        story_md("Pelo Disque 100 ou pelo site [new.safernet.org.br](https://new.safernet.org.br).\n"),
        False,
    ),
    (
        STORY,
        story_md("You can reach it at [humantraffickinghotline.org](https://humantraffickinghotline.org).\n"),
        False,
    ),
    (
        STORY,
        story_md("Asha worked at a spa, [sunrisespa.example.ph](https://sunrisespa.example.ph).\n"),
        True,
    ),
    (
        STORY,
        story_md("The helpline is 1343; her page was [asha.example.org/me](https://asha.example.org/me).\n"),
        True,
    ),
]


@pytest.mark.parametrize(("rel", "text", "stops"), FRONT_PAGES)
def test_an_organisations_front_page_on_a_page_or_as_a_free_lines_site(
    tmp_path: pathlib.Path, rel: str, text: str, stops: bool
) -> None:
    """dev35's get-help pages: links to the helplines' own sites stopped as links nobody checked."""
    root = make_site(tmp_path, {rel: text})
    result = run("check", "--site", str(root), "--at", AT)
    assert ("UNEXPLAINED-LINK" in result.output) is stops, result.output


def test_a_link_to_a_pages_source_says_where_the_page_is_published(tmp_path: pathlib.Path) -> None:
    """Hugo and MkDocs publish content/pages/get-help.md at /pages/get-help/; impactsite at /get-help/.
    A writer who links the first way is told the second, a published page's public address."""
    page = "---\ntitle: Get help\n---\nCall the national line.\n"
    for target in ("/pages/get-help/", "../../content/pages/get-help.md", "get-help.md"):
        text = story_md(f"Asha found work. Our [get help]({target}) page lists the lines.\n")
        root = make_site(
            tmp_path / target.replace("/", "_"), {STORY: text, "content/pages/get-help.md": page}
        )
        out = checked(root)
        assert f"{loc(text, '](|')}: {MESSAGE_MISSING}" in out, out
        assert (
            "a page in content/pages/ is published at the site's top level: write the link as /get-help/"
            in out
        )
    text = story_md("Asha found work. Our [partners](/pages/partners/) page lists them.\n")
    root = make_site(tmp_path / "none", {STORY: text, "content/pages/get-help.md": page})
    out = checked(root)
    assert "write the link as" not in out and "partners" not in out  # no page of that name: nothing offered
