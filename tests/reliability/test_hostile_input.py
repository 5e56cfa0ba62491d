"""Hostile and broken input, through the command line: each gets a located, plain-language error
(exit 1, `file:line:col: RULE: message`) or is handled, and never a traceback.

YAML that attacks the parser, files that are not what they claim, Markdown built to exhaust the
renderer, paths that climb out of the site, two sources claiming one address, and text that tries
to run as a template or as script on the page.
"""

from __future__ import annotations

import html.parser
import json
import pathlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

import pytest
from click.testing import CliRunner, Result
from reliability_kit import AT_TEXT, illustration, picture
from sitekit import SITE_YAML, STORY, approve_story, consent, make_site, story_md, survivor, tree

from generator.cli import main
from generator.content.parse import MAX_NESTING, MAX_OPEN_BRACKETS, markdown_problem
from generator.render.markdown import MarkdownRenderer

HEAD = re.compile(r"^\S+:\d+:\d+: [A-Z][A-Z0-9-]*(?: \(warning\))?: ")


def run(root: pathlib.Path, command: str = "build") -> Result:
    result = CliRunner().invoke(main, [command, "--site", str(root), "--at", AT_TEXT])
    assert "Traceback" not in result.output and "Internal error" not in result.output, result.output
    return result


def error_heads(result: Result) -> list[str]:
    """The first line of every error: `path:line:col: RULE: message`."""
    return [line for line in result.stderr.splitlines() if HEAD.match(line) and " (warning): " not in line]


def stopped_with(root: pathlib.Path, *expected: str) -> None:
    result = run(root)
    assert result.exit_code == 1, result.output
    assert error_heads(result) == list(expected)
    assert not (root / "output").exists()


def laughs() -> str:
    """The billion laughs: nine levels of nine aliases each, a billion "lol"s once expanded."""
    lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    return "\n".join(lines) + "\n"


S = "content/stories/story.md"
FRESH = story_md()

YAML = {
    "a-bracket-never-closed": (
        {STORY: "---\ntitle: [unclosed\nsummary: x\n---\nBody\n"},
        [f"{S}:2:8: FRONT-MATTER: this [ is never closed"],
    ),
    "a-colon-inside-brackets": (
        {STORY: FRESH.replace("tags: [aftercare, livelihoods]", "tags: [aftercare, jobs: pay: more]")},
        [f"{S}:8:28: FRONT-MATTER: an item inside [ ] cannot be read"],
    ),
    "a-quote-never-closed": (
        {STORY: FRESH.replace("title: A Fresh", 'title: "A Fresh')},
        [f"{S}:2:8: FRONT-MATTER: this quotation mark is never closed"],
    ),
    "a-backslash-in-double-quotes": (
        {STORY: FRESH.replace("location: Pune, India", r'location: "C:\Users\Pune"')},
        [
            (
                f"{S}:6:16: FRONT-MATTER: a backslash (\\) inside double quotes starts an escape "
                "such as \\n, and this one is not valid"
            )
        ],
    ),
    "a-tab-for-indentation": (
        {STORY: "---\ntitle: T\npeople:\n\t- name: Asha\n---\nBody\n"},
        [f"{S}:4:1: FRONT-MATTER: a tab character is used for indentation"],
    ),
    "a-duplicate-key": (
        {STORY: FRESH.replace("summary:", "title: Again\nsummary:", 1)},
        [f'{S}:5:1: FRONT-MATTER: the key "title" appears twice (first on line 2)'],
    ),
    "billion-laughs": (
        {STORY: "---\n" + laughs() + "title: x\n---\nBody\n"},
        [f"{S}:2:6: FRONT-MATTER: YAML anchors and aliases (&name / *name) are not allowed"],
    ),
    "a-huge-front-matter": (
        {STORY: "---\ntitle: T\nsummary: " + "word " * 120_000 + "\n---\nBody\n"},
        [f"{S}:2:1: FRONT-MATTER: the YAML is too large (over 512 KB)"],
    ),
    "deeply-nested-yaml": (
        {STORY: "---\ntitle: T\ntags: " + "[" * 60 + "]" * 60 + "\n---\nBody\n"},
        [f"{S}:3:47: FRONT-MATTER: the YAML is nested too deeply"],
    ),
    "a-number-as-a-key": (
        {STORY: FRESH.replace("summary:", "12: x\nsummary:", 1)},
        [f'{S}:5:1: FRONT-MATTER: unknown field "12" in the story\'s front matter'],
    ),
    "site-yaml-with-a-tab": (
        {"site.yaml": SITE_YAML + "navigation:\n\t- title: x\n"},
        ["site.yaml:6:1: CONFIG: a tab character is used for indentation"],
    ),
    "site-yaml-with-aliases": (
        {"site.yaml": SITE_YAML + "x: &a [1]\ny: *a\n"},
        ["site.yaml:5:4: CONFIG: YAML anchors and aliases (&name / *name) are not allowed"],
    ),
}

WRONG_TYPES: dict[str, tuple[dict[str, Any] | None, str]] = {
    "title": ({"title": ["A", "B"]}, f"{S}:2:8: FRONT-MATTER: title must be text, not ['A', 'B']"),
    "date": ({"date": "yesterday"}, f'{S}:3:7: FRONT-MATTER: date must be a date, not "yesterday"'),
    "status": (
        {"status": 5},
        f"{S}:9:9: FRONT-MATTER: status must be one of draft, review, published, withdrawn, not 5",
    ),
    "tags": ({"tags": {"a": 1}}, f"{S}:9:3: FRONT-MATTER: tags must be a list of text"),
    "people": ({"people": "Asha"}, f"{S}:10:9: FRONT-MATTER: people must be a list of a person"),
    "minor": (
        {"people": [survivor(minor="no")]},
        f'{S}:14:12: FRONT-MATTER: people[1].minor must be true or false, not "no"',
    ),
    "consent": ({"consent": 5}, f"{S}:19:10: FRONT-MATTER: consent must be a list of a consent record"),
    "scope": (
        {"consent": [consent(scope="web")]},
        f"{S}:24:12: FRONT-MATTER: consent[1].scope must be a list of one of web, feed, social, photo",
    ),
    "image": (
        {"image": "images/x.png"},
        f"{S}:27:8: FRONT-MATTER: image must be an image (`key: value` lines)",
    ),
    "publish_on": (
        {"publish_on": "tomorrow"},
        (
            f"{S}:27:13: FRONT-MATTER: publish_on must be a date, or a date and "
            'time with a time-zone offset, not "tomorrow"'
        ),
    ),
    "stories_per_page": (None, 'site.yaml:5:19: CONFIG: stories_per_page must be a whole number, not "many"'),
}

FILES = {
    "bytes-that-are-not-utf-8": (
        {STORY: FRESH.encode().replace(b"Pune", b"Pun\xe9", 1)},
        [f"{S}:2:28: FILE: the file is not UTF-8 text"],
    ),
    "an-empty-file": ({STORY: b""}, [f"{S}:1:1: FILE: the file is empty"]),
    "only-blank-lines": ({STORY: "\n  \n\t\n"}, [f"{S}:1:1: FILE: the file is empty"]),
    "a-front-matter-with-no-end": (
        {STORY: "---\ntitle: T\nBody text.\n"},
        [f"{S}:1:1: FRONT-MATTER: the front matter has no closing --- line"],
    ),
    "a-picture-named-md": ({STORY: picture(1, (8, 8))}, [f"{S}:1:1: FILE: this is not a text file"]),
    "a-file-over-2-mb": (
        {STORY: "---\ntitle: T\n---\n" + "word " * 450_000},
        [f"{S}:1:1: FILE: the file is larger than 2 MB"],
    ),
    "a-text-over-100000-characters": (
        {STORY: story_md("A sentence of the story.\n\n" * 4500)},
        [f"{S}:7720:5: MARKDOWN: the text is longer than 100,000 characters"],
    ),
    "a-text-over-5000-lines": (
        {STORY: story_md("line\n" * 5200)},
        [f"{S}:5028:1: MARKDOWN: the text is longer than 5,000 lines"],
    ),
    "a-paragraph-over-20000-characters": (
        {STORY: story_md("Intro.\n\n" + "word " * 4200 + "\n")},
        [f"{S}:30:1: MARKDOWN: this paragraph is longer than 20,000 characters"],
    ),
    "lists-nested-40-deep": (
        {STORY: story_md("".join("    " * i + "- item\n" for i in range(40)))},
        [f"{S}:44:1: MARKDOWN: lists and quotes are nested more than 16 levels deep here"],
    ),
    "quotes-nested-5000-deep": (
        {STORY: story_md("> " * 5000 + "deep\n")},
        [f"{S}:28:1: MARKDOWN: lists and quotes are nested more than 16 levels deep here"],
    ),
    "brackets-nested-5000-deep": (
        {STORY: story_md("[" * 5000 + "x" + "]" * 5000 + "\n")},
        [f'{S}:28:33: MARKDOWN: more than 32 "[" are left open in this paragraph'],
    ),
    "links-left-open": (
        {STORY: story_md("[a](" * 3000 + "\n")},
        [f'{S}:28:132: MARKDOWN: more than 32 "(" are left open in this paragraph'],
    ),
}

PATHS = {
    "a-slug-that-climbs-out": (
        {STORY: story_md(slug="../../etc")},
        [f'{S}:27:7: SLUG: "../../etc" cannot be used in a web address'],
    ),
    "an-absolute-slug": (
        {STORY: story_md(slug="/etc/passwd")},
        [f'{S}:27:7: SLUG: "/etc/passwd" cannot be used in a web address'],
    ),
    "a-url-encoded-slug": (
        {STORY: story_md(slug="%2e%2e%2fsite")},
        [f'{S}:27:7: SLUG: "%2e%2e%2fsite" cannot be used in a web address'],
    ),
    "names-differing-only-by-case": (
        {STORY: FRESH, "content/stories/Story.md": FRESH},
        [
            'content/stories/Story.md:1:1: SLUG: "Story" cannot be used in a web address',
            f"{S}:1:1: FILE: this name differs from content/stories/Story.md only by capital letters",
        ],
    ),
}

IMAGE_SOURCES = {
    "../site.yaml": 'the image "../site.yaml" points outside content/',
    "images/../../site.yaml": 'the image "images/../../site.yaml" points outside content/',
    "/etc/passwd": 'the image "/etc/passwd" points outside content/',
    "images/%2e%2e/%2e%2e/site.yaml": 'the image "images/%2e%2e/%2e%2e/site.yaml" has %-encoded characters in its name',
    "file:///etc/passwd": 'the image "file:///etc/passwd" points outside content/',
    "https://elsewhere.example/x.png": 'the image "https://elsewhere.example/x.png" points outside content/',
    "images\\..\\..\\site.yaml": 'the image "images\\..\\..\\site.yaml" points outside content/',
    "~/x.png": 'the image "~/x.png" points outside content/',
    "images/link-out.png": 'the image "images/link-out.png" is a link to a file outside content/',
}


def site_with(tmp_path: pathlib.Path, files: Mapping[str, str | bytes]) -> pathlib.Path:
    return make_site(tmp_path / "site", files)


@pytest.mark.parametrize(("files", "expected"), list(YAML.values()), ids=list(YAML))
def test_hostile_yaml_is_a_located_error(
    tmp_path: pathlib.Path, files: dict[str, str], expected: list[str]
) -> None:
    stopped_with(site_with(tmp_path, files), *expected)


def test_a_tag_that_would_run_a_command_is_refused_and_never_runs(tmp_path: pathlib.Path) -> None:
    witness = tmp_path / "ran"
    text = FRESH.replace(
        "title: A Fresh Start in Pune", f"title: !!python/object/apply:os.system ['touch {witness}']"
    )
    stopped_with(
        site_with(tmp_path, {STORY: text}),
        f"{S}:2:8: FRONT-MATTER: the YAML tag !!python/object/apply:os.system is not allowed",
    )
    assert not witness.exists()


@pytest.mark.parametrize("field", list(WRONG_TYPES))
def test_a_wrong_type_anywhere_is_a_located_error(tmp_path: pathlib.Path, field: str) -> None:
    overrides, expected = WRONG_TYPES[field]
    files = (
        {STORY: story_md(**overrides)} if overrides else {"site.yaml": SITE_YAML + "stories_per_page: many\n"}
    )
    stopped_with(site_with(tmp_path, files), expected)


def test_crlf_line_ends_and_a_bom_keep_positions_right(tmp_path: pathlib.Path) -> None:
    text = "\ufeff" + story_md(date="yesterday").replace("\n", "\r\n")
    stopped_with(
        site_with(tmp_path, {STORY: text.encode()}),
        f'{S}:3:7: FRONT-MATTER: date must be a date, not "yesterday"',
    )


def test_crlf_line_ends_and_a_bom_build(tmp_path: pathlib.Path) -> None:
    root = site_with(tmp_path, {STORY: ("\ufeff" + FRESH.replace("\n", "\r\n")).encode()})
    approve_story(root)
    assert run(root).exit_code == 0
    assert b"<h1>A Fresh Start in Pune</h1>" in (root / "output/stories/story/index.html").read_bytes()


@pytest.mark.parametrize(("files", "expected"), list(FILES.values()), ids=list(FILES))
def test_broken_and_oversized_files_are_a_located_error(
    tmp_path: pathlib.Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    stopped_with(site_with(tmp_path, files), *expected)


def test_binary_files_elsewhere_in_content_are_ignored_with_a_warning_or_silently(
    tmp_path: pathlib.Path,
) -> None:
    root = site_with(
        tmp_path,
        {
            STORY: FRESH,
            "content/stories/scan.pdf": b"%PDF-1.4\x00\xff\xfe",
            "content/notes.bin": b"\x00\x01\x02\xff",
            "content/images/unused.bin": b"\x00\xff",
        },
    )
    approve_story(root)
    result = run(root)
    assert result.exit_code == 0, result.output
    assert (
        "content/stories/scan.pdf: FILE (warning): this file is not Markdown and is ignored" in result.stderr
    )
    assert not any(name.endswith((".pdf", ".bin")) for name in tree(root / "output"))


def test_emphasis_nested_thousands_deep_builds(tmp_path: pathlib.Path) -> None:
    """It used to exhaust Python's recursion limit while marking pseudonyms (an internal error)."""
    root = site_with(tmp_path, {STORY: story_md("*" * 3000 + "Asha" + "*" * 3000 + "\n")})
    approve_story(root)
    assert run(root).exit_code == 0
    assert b"Asha*" in (root / "output/stories/story/index.html").read_bytes()


ADVERSARIAL = {  # each just inside the limits: must render, and quickly
    "lists": "".join("    " * i + "- x\n" for i in range(MAX_NESTING - 1)),
    "quotes": "> " * MAX_NESTING + "x\n",
    "quotes-and-lists": "".join("> " * (i % 8) + "- " * (i % 8) + "x\n" for i in range(400)),
    "brackets": "[" * MAX_OPEN_BRACKETS + "x" + "]" * MAX_OPEN_BRACKETS + "\n",
    "links": "[a](" * MAX_OPEN_BRACKETS + ")" * MAX_OPEN_BRACKETS + "\n",
    "angles": ("<a " * MAX_OPEN_BRACKETS + "> ") * 20 + "\n",
    "emphasis": "*" * 5000 + "x" + "*" * 5000 + "\n",
    "a-rule-of-dashes": "- " * 40 + "\n\ntext\n",
}


@pytest.mark.parametrize("body", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_markdown_just_inside_the_limits_renders(body: str) -> None:
    assert markdown_problem(body) is None
    MarkdownRenderer().render(body, ("Asha",))


@pytest.mark.parametrize(("files", "expected"), list(PATHS.values()), ids=list(PATHS))
def test_paths_that_climb_out_or_collide_are_a_located_error(
    tmp_path: pathlib.Path, files: dict[str, str], expected: list[str]
) -> None:
    stopped_with(site_with(tmp_path, files), *expected)


@pytest.mark.parametrize("src", list(IMAGE_SOURCES))
def test_image_sources_that_leave_content_are_a_located_error(tmp_path: pathlib.Path, src: str) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(picture(7, (16, 16)))
    root = site_with(
        tmp_path,
        {
            STORY: story_md(image={**illustration(src, "A drawing"), "caption": "Illustration."}),
            "content/images/real.png": picture(8, (16, 16)),
        },
    )
    (root / "content/images/link-out.png").symlink_to(outside)
    stopped_with(
        root,
        f"{S}:9:9: SIGNOFF-MISSING: this story has no safeguarding review",
        f"{S}:28:8: IMG-MISSING: {IMAGE_SOURCES[src]}",
    )


def test_a_story_that_is_a_link_to_a_file_outside_the_site_is_refused(tmp_path: pathlib.Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(FRESH)
    root = site_with(tmp_path, {"content/pages/about.md": "---\ntitle: About\n---\nx\n"})
    (root / "content/stories").mkdir()
    (root / "content/stories/story.md").symlink_to(outside)
    stopped_with(root, f"{S}:1:1: FILE: this file is a link to somewhere outside the site")


def test_a_stories_folder_that_is_a_link_outside_the_site_is_refused(tmp_path: pathlib.Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "story.md").write_text(FRESH)
    root = site_with(tmp_path, {})
    (root / "content").mkdir()
    (root / "content/stories").symlink_to(tmp_path / "elsewhere")
    stopped_with(root, f"{S}:1:1: FILE: this file is a link to somewhere outside the site")


def test_a_theme_asset_that_is_a_link_outside_the_site_is_refused(tmp_path: pathlib.Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("API_TOKEN=not-for-the-web\n")
    root = site_with(tmp_path, {STORY: FRESH})
    approve_story(root)
    (root / "templates/assets").mkdir(parents=True)
    (root / "templates/assets/notes.txt").symlink_to(secret)
    run(root)  # refused with an error, or built without the file: either way the secret stays home
    published = tree(root / "output") if (root / "output").exists() else {}
    assert not any(b"API_TOKEN" in data for data in published.values())


def test_two_stories_claiming_one_address_is_an_error_never_an_overwrite(tmp_path: pathlib.Path) -> None:
    root = site_with(
        tmp_path,
        {
            "content/stories/first.md": story_md(slug="same"),
            "content/stories/second.md": story_md(slug="same"),
        },
    )
    approve_story(root, "content/stories/first.md", "content/stories/second.md")
    stopped_with(
        root,
        "content/stories/second.md:1:1: URL-CLASH: content/stories/second.md and "
        "content/stories/first.md both produce /stories/same/index.html",
    )


@pytest.mark.parametrize(
    ("files", "clash"),
    [
        (
            {"content/pages/tags.md": "---\ntitle: Tags\n---\nx\n"},
            "content/pages/tags.md:1:1: URL-CLASH: content/pages/tags.md and content/stories both produce /tags/index.html",
        ),
        (
            {
                "content/pages/a.md": "---\ntitle: A\nslug: about\n---\nx\n",
                "content/pages/about.md": "---\ntitle: About\n---\ny\n",
            },
            "content/pages/about.md:1:1: URL-CLASH: content/pages/about.md and content/pages/a.md both produce /about/index.html",
        ),
    ],
    ids=["a-page-and-the-tag-index", "two-pages"],
)
def test_a_page_claiming_a_taken_address_is_an_error(
    tmp_path: pathlib.Path, files: dict[str, str], clash: str
) -> None:
    stopped_with(site_with(tmp_path, files), clash)


# --- injection ---------------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(2)>'
END_SCRIPT = "</script><script>alert(3)</script>"
JINJA = "{{ config.items() }} {% for x in range(3) %}loop{% endfor %} {# hidden #}"
TITLE = f"Rescue {SCRIPT} {JINJA}"
SUMMARY = f"She is safe {BREAKOUT} {END_SCRIPT} {JINJA}"
ALT = f"A drawing {BREAKOUT} {SCRIPT} {JINJA}"
CAPTION = f"Illustration {SCRIPT} {JINJA}"
TAG = f"tag {SCRIPT}"


class Page(html.parser.HTMLParser):
    """Every element and attribute as a browser would see them, and the text of <script> blocks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def meta(self, key: str) -> str:
        return next(
            a["content"]
            for t, a in self.elements
            if t == "meta" and key in (a.get("name"), a.get("property"))
        )


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = make_site(
        tmp_path_factory.mktemp("injection") / "site",
        {
            STORY: story_md(
                f"Body {JINJA} here.\n",
                title=TITLE,
                summary=SUMMARY,
                tags=[TAG, "aftercare"],
                location=f"Pune {BREAKOUT}",
                image={**illustration("images/p.png", ALT), "caption": CAPTION},
            ),
            "content/images/p.png": picture(5, (64, 64)),
        },
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMPACTSITE_NO_FSYNC", "1")
        approve_story(root)
        assert run(root).exit_code == 0
    return tree(root / "output")


def test_template_syntax_in_front_matter_and_text_is_printed_literally(injected: dict[str, bytes]) -> None:
    page = Page(injected["stories/story/index.html"].decode())
    text = "".join(page.text)
    assert TITLE in text and JINJA in text and CAPTION in text  # as typed, braces and all
    assert all(b"looplooploop" not in data for data in injected.values())


def test_no_page_gains_an_element_or_attribute_from_what_writers_typed(injected: dict[str, bytes]) -> None:
    for path, data in injected.items():
        if not path.endswith(".html"):
            continue
        page = Page(data.decode())
        for tag, attrs in page.elements:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            if tag == "script":
                assert attrs == {"type": "application/ld+json"}, (path, attrs)
            if tag == "img":
                assert attrs["src"].startswith("/images/"), (path, attrs)
        for block in page.scripts:
            json.loads(block)  # a </script> in the text would have cut it short


def test_what_writers_typed_comes_back_exactly_in_meta_tags_alt_text_and_json_ld(
    injected: dict[str, bytes],
) -> None:
    page = Page(injected["stories/story/index.html"].decode())
    assert page.meta("description") == SUMMARY
    assert page.meta("og:title") == TITLE
    assert page.meta("og:image:alt") == ALT
    assert [a["alt"] for t, a in page.elements if t == "img"] == [ALT]
    ld = json.loads(page.scripts[0]) if "NewsArticle" in page.scripts[0] else json.loads(page.scripts[1])
    assert (ld["headline"], ld["description"]) == (TITLE, SUMMARY)


def test_the_feed_is_well_formed_and_carries_the_text_as_text(injected: dict[str, bytes]) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = ET.fromstring(injected["feed.xml"]).find("a:entry", ns)
    assert entry is not None
    assert entry.findtext("a:title", namespaces=ns) == TITLE
    assert entry.findtext("a:summary", namespaces=ns) == SUMMARY
    assert TAG in [c.get("term") for c in entry.findall("a:category", ns)]
