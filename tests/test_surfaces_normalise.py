"""Issue 11 item 2, through the command line: one normalisation before every match.

Invisible characters, entities, look-alike letters and percent-encoding inside a denylisted name are
caught in the sources and in the output; invisible characters that split a word never reach a page.
"""

from __future__ import annotations

import pathlib

import pytest
from click.testing import CliRunner, Result
from sitekit import STORY, approve_story, make_site, story_md

from generator.cli import main

AT = "2026-11-20T00:00:00Z"
KEY = "normalise-test-key-0123456789"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={"IMPACTSITE_DENYLIST_KEY": KEY})


def site_with_denylist(tmp_path: pathlib.Path, files: dict[str, str], *terms: str) -> pathlib.Path:
    root = make_site(tmp_path / "site", files)
    for term in terms:
        assert run("redact", "add", "--site", str(root), input=term + "\n").exit_code == 0
    return root


@pytest.mark.parametrize(
    "disguised",
    [
        "Pri\u00adya Sharma",  # a soft hyphen, typed
        "Pri&shy;ya Sharma",  # … and as an entity
        "Pri\u200bya Sha\u2060rma",  # zero-width space and word joiner
        "Pri\u200dya Sharma",  # zero-width joiner
        "\u202aPriya Sharma\u202c",  # bidi embedding
        "Pr\u0456ya Sh\u0430rma",  # Cyrillic look-alike letters
        "\u03a1riya Sharma",  # a Greek capital rho
        "[her page](https://example.org/pri%79a-sharma)",  # percent-encoded in a link
        "[her page](https://example.org/find?who=Priya%20Sharma&x=1)",  # … in a query string
    ],
)
def test_a_disguised_denylisted_name_stops_check_and_build(tmp_path: pathlib.Path, disguised: str) -> None:
    text = story_md(f"Asha met {disguised} at the shelter.\n")
    root = site_with_denylist(tmp_path, {STORY: text}, "Priya Sharma")
    check = run("check", "--site", str(root), "--at", AT)
    assert check.exit_code == 1
    assert "DENYLIST: a denylisted term (" in check.output
    build = run("build", "--site", str(root), "--at", AT)
    assert build.exit_code == 1 and not (root / "output").exists()
    # the term is never printed (other rules' messages about single words are the detectors' own)
    assert "Priya" not in build.output and "Priya" not in check.output


def test_a_percent_encoded_accented_or_devanagari_name_in_a_link_is_found(tmp_path: pathlib.Path) -> None:
    body = (
        "Read [her story](/stories/luc%C3%ADa-fern%C3%A1ndez/) and "
        "[this one](/stories/%E0%A4%AA%E0%A5%8D%E0%A4%B0%E0%A4%BF%E0%A4%AF%E0%A4%BE/).\n"
    )
    root = site_with_denylist(tmp_path, {STORY: story_md(body)}, "Lucía Fernández", "प्रिया")
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert result.output.count("DENYLIST: a denylisted term (") == 2
    assert "fern" not in result.output.lower() and "प्रिया" not in result.output


def test_redact_add_reads_the_term_as_shown(tmp_path: pathlib.Path) -> None:
    """A term pasted with an invisible character is the same term: adding it again changes nothing."""
    root = site_with_denylist(tmp_path, {STORY: story_md()}, "Priya Sharma")
    again = run("redact", "add", "--site", str(root), input="Pri\u00adya Sh\u0430rma\n")
    assert again.exit_code == 0 and again.output.startswith("already listed")


def test_invisible_characters_that_split_a_word_are_not_published(tmp_path: pathlib.Path) -> None:
    text = story_md(
        "Asha\u00ad found work at a bak&shy;ery after mon\u200bths in aftercare.\n\n"
        "She wrote क्\u200dष and पु\u200cर and 👩\u200d👩\u200d👧 in her notebook.\n",
        title="A Fre\u00adsh Start in Pu\u200bne",
    )
    root = make_site(tmp_path / "site", {STORY: text})
    approve_story(root)
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    page = (root / "output" / "stories" / "story" / "index.html").read_text(encoding="utf-8")
    assert "A Fresh Start in Pune" in page and "Asha* found work at a bakery after months" in page
    for hidden in ("\u00ad", "&shy;", "\u200b"):
        assert hidden not in page
    # joiners a script or an emoji sequence needs are kept
    assert "क्\u200dष" in page and "पु\u200cर" in page and "👩\u200d👩\u200d👧" in page
    feed = (root / "output" / "feed.xml").read_text(encoding="utf-8")
    assert "A Fresh Start in Pune" in feed and "\u00ad" not in feed
