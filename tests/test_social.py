"""Around every page: donate links with tracking, canonical URLs, Open Graph and Twitter tags, JSON-LD
(NGO, NewsArticle, DonateAction), and social cards that respect each story's consent scope."""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

from sitekit import AT, SITE_YAML, STORY, approve_story, consent, make_site, story_fields, story_md, tree

from generator.build import build
from generator.config.settings import load_config
from generator.render.site import tracked

YAML = SITE_YAML + "donate_url: https://example.org/give\ntracking: {source: stories, medium: website}\n"


def pages(tmp_path: pathlib.Path, **story: Any) -> dict[str, str]:
    root = make_site(tmp_path / "site", {"site.yaml": YAML, STORY: story_md(**story)})
    approve_story(root)
    build(root, AT)
    return {p: d.decode() for p, d in tree(root / "output").items() if p.endswith(".html")}


def json_ld(page: str) -> list[dict[str, Any]]:
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)]


def meta(page: str, key: str) -> str | None:
    m = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    return m.group(1) if m else None


def test_every_page_has_an_absolute_canonical_url_and_a_donate_action(tmp_path: pathlib.Path) -> None:
    files = pages(tmp_path)
    for path, page in files.items():
        url = "/" + path.removesuffix("index.html")
        expected = "https://stories.example.org" + url
        assert f'<link rel="canonical" href="{expected}">' in page, path
        if path != "404.html":
            actions = [b for b in json_ld(page) if b["@type"] == "DonateAction"]
            assert actions == [
                {
                    "@context": "https://schema.org",
                    "@type": "DonateAction",
                    "recipient": {
                        "@type": "NGO",
                        "name": "Example Trust",
                        "url": "https://stories.example.org",
                    },
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": "https://example.org/give?utm_medium=website&utm_source=stories",
                    },
                }
            ], path


def test_the_home_page_describes_the_ngo_and_a_story_is_a_news_article(tmp_path: pathlib.Path) -> None:
    files = pages(tmp_path)
    assert json_ld(files["index.html"])[0] == {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": "Example Trust",
        "url": "https://stories.example.org",
    }
    article = json_ld(files["stories/story/index.html"])[0]
    assert (article["@type"], article["headline"], article["datePublished"]) == (
        "NewsArticle",
        "A Fresh Start in Pune",
        "2026-03-02",
    )
    story = files["stories/story/index.html"]
    assert meta(story, "og:type") == "article" and meta(story, "article:published_time") == "2026-03-02"
    assert meta(story, "og:url") == "https://stories.example.org/stories/story/"
    assert meta(story, "twitter:title") == "A Fresh Start in Pune"
    assert 'href="https://example.org/give?utm_medium=website&amp;utm_source=stories"' in story


def test_without_social_consent_no_card_shows_the_summary(tmp_path: pathlib.Path) -> None:
    summary = story_fields()["summary"]
    shared = pages(tmp_path / "shared")["stories/story/index.html"]
    assert meta(shared, "og:description") == summary and meta(shared, "twitter:description") == summary
    assert json_ld(shared)[0]["description"] == summary
    private = pages(tmp_path / "web-only", consent=[consent(scope=["web", "feed"])])[
        "stories/story/index.html"
    ]
    for key in ("og:description", "twitter:description", "description"):
        assert meta(private, key) is None, key
    assert "description" not in json_ld(private)[0] and "image" not in json_ld(private)[0]
    # Link previews show the site's own card (made from its logo), never a picture from the story.
    assert re.fullmatch(
        r"https://[^/]+/assets/social-card\.[0-9a-f]{10}\.png", meta(private, "og:image") or ""
    )
    assert summary in private  # the page itself still shows it: consent covers the web


def test_tracked_keeps_existing_parameters_and_fragments(tmp_path: pathlib.Path) -> None:
    config = load_config(make_site(tmp_path / "plain", {"site.yaml": YAML}))
    assert (
        tracked("https://example.org/give", config)
        == "https://example.org/give?utm_medium=website&utm_source=stories"
    )
    assert tracked("https://example.org/give?utm_source=email#form", config, campaign="spring match") == (
        "https://example.org/give?utm_source=email&utm_campaign=spring+match&utm_medium=website#form"
    )
    assert tracked("", config) == ""
