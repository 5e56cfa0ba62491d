"""Family 11, the output scan: every generated file is read back before anything reaches output/."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import AT, SITE_YAML, STORY, approve_story, make_site, story_md, tree

from generator.build import build
from generator.errors import ContentError
from generator.safety.denylist_store import Matcher, add_term, load_denylist
from generator.safety.output_scan import extract_text, scan_output

KEY = b"scan-key-0123456789"
LEAK_FIX = "find where it comes from (a story, a template or site.yaml) and remove it; nothing was published"


@pytest.fixture
def matcher(tmp_path: pathlib.Path) -> Matcher:
    add_term(tmp_path / "d.txt", "Sunita Devi", KEY)
    return Matcher(load_denylist(tmp_path / "d.txt"), KEY)


def formatted(files: dict[str, bytes], matcher: Matcher | None, names: tuple[str, ...] = ()) -> list[str]:
    return [f.format() for f in scan_output(files, matcher, names)]


def test_attribute_values_count_as_text() -> None:
    assert "Sunita Devi" in extract_text('<img alt="Sunita &amp; Devi" src="x"><p>Sunita Devi</p>').replace(
        "&", ""
    )


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("stories/a/index.html", b'<p>Hello</p><img alt="SUNITA  devi" src="x.jpg">'),
        (
            "stories/a/index.html",
            '<script type="application/ld+json">{"name":"Sunitá Devi"}</script>'.encode(),
        ),
        ("feed.xml", "<feed><title>Suníta Devi</title></feed>".encode()),
        ("search.json", b'{"t": "sunita devi"}'),
        ("images/sunita-devi.jpg", b"\xff\xd8binary"),
    ],
)
def test_a_denylisted_term_anywhere_in_any_file_fails(matcher: Matcher, path: str, data: bytes) -> None:
    shown = path.replace("sunita-devi", "s…-d…")  # a file name is masked like a message
    assert formatted({path: data}, matcher) == [
        f"output/{shown}: OUTPUT-SCAN: a denylisted term (S… D…) was found in this generated file\n  fix: {LEAK_FIX}"
    ]


@pytest.mark.parametrize(
    "disguised",
    [
        "<p>Suni\u00adta Devi</p>",  # soft hyphen
        "<p>Suni&shy;ta Devi</p>",  # … as an entity
        "<p>Sunita&#173; Devi</p>",
        "<p>Sun\u200bita De\u2060vi</p>",  # zero-width space, word joiner
        "<p>\u202aSunita Devi\u202c</p>",  # bidi embedding
        "<p>Sun\u0456ta D\u0435vi</p>",  # Cyrillic і and е
        "<p>\u03a3unita Devi</p>".replace("\u03a3", "S"),  # (control: plain)
        '<a href="/stories/sunita%20devi/">x</a>',  # percent-encoded in a link
        '<a href="/s?who=Sunit%C3%A1+Devi&amp;x=1">x</a>',  # … in a query string
        '<script type="application/ld+json">{"name":"Suni\\u00adta Devi"}</script>',  # a JSON escape
        '<feed><content type="html">&lt;p&gt;Sunita &lt;em&gt;Devi&lt;/em&gt;&lt;/p&gt;</content></feed>',
    ],
)
def test_a_disguised_term_is_still_found(matcher: Matcher, disguised: str) -> None:
    assert [f.message for f in scan_output({"a.html": disguised.encode()}, matcher, ())] == [
        "a denylisted term (S… D…) was found in this generated file"
    ]


def test_a_disguised_protected_name_is_still_found() -> None:
    files = {"a.html": "<p>Mee\u00adna Kum\u0430ri</p>".encode()}
    assert [f.message for f in scan_output(files, None, ("Meena Kumari",))] == [
        "the protected name of a minor or a relative (M… K…) was found in this generated file"
    ]


def test_protected_names_are_found(matcher: Matcher) -> None:
    assert formatted({"index.html": b"<p>Meena Kumari</p>"}, None, ("meena kumari",)) == [
        f"output/index.html: OUTPUT-SCAN: the protected name of a minor or a relative (M… K…) was found in this generated file\n  fix: {LEAK_FIX}"
    ]


def test_an_html_comment_in_the_output_fails() -> None:
    assert formatted({"index.html": b"<p>x</p><!-- template note -->"}, None) == [
        (
            "output/index.html:1:1: OUTPUT-SCAN: an HTML comment reached the output\n"
            "  fix: remove the comment from the template that produced this page"
        )
    ]


def test_near_misses_are_quiet(matcher: Matcher) -> None:
    files = {
        "index.html": b"<p>Sunita met Devi. Meenakshi Kumarin.</p>",
        "a.css": b"/* <!-- not html --> */",
        "images/photo.jpg": b"\xff\xd8 Sunita Devi inside the pixels",
    }
    assert formatted(files, matcher, ("Meena Kumari",)) == []


def test_a_leak_from_a_template_stops_the_build_and_keeps_the_previous_output(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY.decode())
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    add_term(root / "safety" / "denylist.txt", "Sunita Devi", KEY)
    build(root, AT)
    before = tree(root / "output")
    # Templates are written by developers, not checked as sources: only the output scan sees this.
    (root / "templates").mkdir()
    (root / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<p>In memory of Suni&shy;ta Devi.</p>{% endblock %}'
    )
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert str(exc.value) == "the output scan found protected text; nothing was published"
    leaks = sorted({f.path for f in exc.value.findings if f.rule == "OUTPUT-SCAN"})
    assert leaks == ["output/404.html"]
    assert tree(root / "output") == before


def test_a_leak_from_site_yaml_is_found_in_site_yaml_before_anything_is_rendered(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY.decode())
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    add_term(root / "safety" / "denylist.txt", "Sunita Devi", KEY)
    (root / "site.yaml").write_text(SITE_YAML + "description: In memory of Sunita Devi.\n")
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    found = {(f.path, f.rule) for f in exc.value.findings}
    # The denylist stops it; the name is also one nobody declared (default deny reads site.yaml too).
    assert ("site.yaml", "DENYLIST") in found
    assert {path for path, _ in found} == {"site.yaml"}
    assert not (root / "output").exists()


def test_a_comment_in_a_site_template_stops_the_build(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path,
        {
            STORY: story_md(),
            "templates/404.html": '{% extends "base.html" %}{% block main %}<!-- TODO --><p>Gone</p>{% endblock %}',
        },
    )
    approve_story(root)
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [(f.path, f.message) for f in exc.value.findings] == [
        ("output/404.html", "an HTML comment reached the output")
    ]


def test_segments_join_inline_markup_and_keep_wrapped_lines_together() -> None:
    from generator.safety.output_scan import segments

    page = (
        '<p>Her aunt <em>Kamala</em>\nDevi came.</p><nav><a href="/x/" title="Asha &amp; co">Home</a></nav>'
    )
    assert segments(page) == ["Her aunt Kamala\nDevi came.", "Home", "/x/", "Asha & co"]
