"""The Atom feed and the sitemap are well-formed XML whatever the content holds: each is parsed back."""

from __future__ import annotations

import datetime as dt
import pathlib
import xml.etree.ElementTree as ET

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import STORY, approve_story, make_site, story_md

from generator.cli import main
from generator.render import feeds

A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
AWKWARD = 'Say "no" & <mean> it'


def test_quotes_in_a_tag_and_in_base_url_give_a_feed_and_sitemap_that_parse(tmp_path: pathlib.Path) -> None:
    base = 'https://stories.example.org/a"b&c'
    root = make_site(
        tmp_path / "site",
        {
            "site.yaml": f"title: 'Stories & \"More\"'\nbase_url: '{base}'\norganisation:\n  name: Example <Trust>\n",
            STORY: story_md(tags=[AWKWARD, "aftercare"]),
        },
    )
    approve_story(root)
    result = CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-20T00:00:00Z"])
    assert result.exit_code == 0, result.output

    feed = ET.parse(root / "output" / "feed.xml").getroot()
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}title") == 'Stories & "More"'
    assert feed.findtext(f"{A}author/{A}name") == "Example <Trust>"
    assert feed.find(f"{A}link[@rel='self']").get("href") == base + "/feed.xml"
    entry = feed.find(f"{A}entry")
    assert entry is not None
    assert [c.get("term") for c in entry.findall(f"{A}category")] == [AWKWARD, "aftercare"]
    assert entry.find(f"{A}link").get("href") == base + "/stories/story/"

    sitemap = ET.parse(root / "output" / "sitemap.xml").getroot()
    locs = [el.text for el in sitemap.iter(f"{SM}loc")]
    assert base + "/stories/story/" in locs
    assert all(loc and loc.startswith(base + "/") for loc in locs)


TEXT = st.text(st.characters(codec="utf-8"), max_size=40)  # every code point, controls included


@settings(max_examples=150, deadline=None)
@given(title=TEXT, summary=TEXT, tag=TEXT, base=TEXT, name=TEXT)
def test_any_text_gives_a_feed_that_parses_back_to_the_same_text(
    title: str, summary: str, tag: str, base: str, name: str
) -> None:
    url = "https://x.example/" + base
    entry = feeds.Entry(title, url + "/s/", dt.date(2026, 1, 2), dt.date(2026, 1, 3), summary, (tag,))
    data = feeds.atom_feed(
        title=name,
        language="en",
        self_url=url + "/feed.xml",
        home_url=url + "/",
        author=name,
        entries=[entry],
    )
    root = ET.fromstring(data)
    clean = feeds.xml_text
    e = root.find(f"{A}entry")
    assert e is not None
    # Element text keeps everything XML can carry (a carriage return is read back as a newline).
    assert (e.findtext(f"{A}title") or "") == clean(title).replace("\r\n", "\n").replace("\r", "\n")
    assert (e.findtext(f"{A}summary") or "") == clean(summary).replace("\r\n", "\n").replace("\r", "\n")
    assert e.find(f"{A}category").get("term") == clean(tag)  # attributes escape \t \n \r as references
    assert e.find(f"{A}link").get("href") == clean(url + "/s/")
    assert (root.findtext(f"{A}author/{A}name") or "") == clean(name).replace("\r\n", "\n").replace(
        "\r", "\n"
    )
    site = ET.fromstring(feeds.sitemap([(url + "/", dt.date(2026, 1, 2)), (url + "/a/", None)]))
    assert len(list(site.iter(f"{SM}loc"))) == 2
