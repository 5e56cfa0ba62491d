"""Issue 11 item 6: nothing protected is ever printed, in any report format or the serve overlay.

Messages give the location and a redacted hint. As a last line of defence, every report writer masks
denylisted terms, protected names (declared real names of minors and relatives) and identifiers found
in a message, a fix or a path, after the same normalisation the checks use.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pytest
from click.testing import CliRunner, Result
from sitekit import STORY, make_site, person, story_md, survivor

from generator import safety
from generator.cli import main
from generator.findings import Finding, Severity
from generator.safety.redact import redact_hint

AT = "2026-11-20T00:00:00Z"
KEY = "reports-test-key-0123456789"
REAL = "Meena Kumari"  # a child survivor's real name, declared by mistake
MOTHER = "Sunita Devi"  # her mother's


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"IMPACTSITE_DENYLIST_KEY": KEY})


@pytest.fixture
def root(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    people = [
        survivor(REAL, name_type="real", minor=True),
        person(MOTHER, "relative", "real", relation_to=REAL, relation="mother"),
    ]
    text = story_md("Asha found work at a bakery after months in aftercare.\n", people=people, status="draft")
    root = make_site(tmp_path / "site", {STORY: text})
    assert (
        CliRunner()
        .invoke(
            main,
            ["redact", "add", "--site", str(root)],
            input="Rampur\n",
            env={"IMPACTSITE_DENYLIST_KEY": KEY},
        )
        .exit_code
        == 0
    )

    # A rule that quotes what it found, as detectors did: the writers must still mask it.
    real_check = safety.check_surfaces

    def quoting(site: object) -> tuple[list[Finding], list[Finding]]:
        found, waived = real_check(site)
        return found + [
            Finding(
                STORY,
                30,
                1,
                "TEST-QUOTES",
                Severity.ERROR,
                f'"{REAL}" and her mother "Sunita\u00adDevi" from Ra\u200bmpur, +91 98765 43210, meena@gmail.com',
                f"remove {MOTHER.upper()} and Rampur",
            )
        ], waived

    monkeypatch.setattr(safety, "check_surfaces", quoting)
    return root


def assert_masked(text: str) -> None:
    for secret in ("meena", "kumari", "sunita", "devi", "rampur", "98765", "43210"):
        assert re.search(rf"(?<![a-z]){secret}(?![a-z])", text.lower()) is None, secret
    assert "M… K…" in text and "R…" in text and "+91 98••• •••10" in text


def test_text_report_masks_protected_values(root: pathlib.Path) -> None:
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert_masked(result.output)
    assert "PEOPLE-MINOR-REAL: person 1 in people (M… K…) is a child survivor" in result.output
    assert "PEOPLE-RELATIVE-NAMED: person 2 in people (S… D…) is a relative of a survivor" in result.output


def test_json_report_masks_protected_values(root: pathlib.Path) -> None:
    result = run("check", "--site", str(root), "--at", AT, "--format", "json")
    assert_masked(result.stdout)
    report = json.loads(result.stdout)
    quoted = next(f for f in report["findings"] if f["rule"] == "TEST-QUOTES")
    assert quoted["message"] == '"M… K…" and her mother "S…D…" from R…, +91 98••• •••10, m…@g…'
    assert quoted["fix"] == "remove S… D… and R…"


def test_sarif_report_masks_protected_values(root: pathlib.Path) -> None:
    result = run("check", "--site", str(root), "--at", AT, "--format", "sarif")
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert_masked(json.dumps(results, ensure_ascii=False))  # (the rules' own help quotes made-up examples)
    assert any(r["ruleId"] == "TEST-QUOTES" and "M… K…" in r["message"]["text"] for r in results)


def test_a_failed_build_and_the_serve_overlay_mask_them_too(
    root: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert_masked(result.output)

    from generator.serve.server import SiteState

    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY)  # (without the key no denylisted term can be known)

    at = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    published = SiteState(root, at, lambda m: None, as_published=True)  # serve --as-published
    assert published.rebuild() is False
    assert published.error is not None
    assert_masked(published.error)
    previews = SiteState(root, at, lambda m: None)  # serve: the draft previewed, its problems marked in it
    assert previews.rebuild() is True
    import html

    page = html.unescape(previews.files["stories/story/index.html"].decode("utf-8"))
    assert "person 1 in people (M… K…) is a child survivor" in page  # the mark, masked
    for secret in ("meena", "kumari", "sunita", "rampur", "98765"):
        assert secret not in page.lower(), secret


@pytest.mark.parametrize(
    ("value", "kind", "hint"),
    [
        ("Priya Sharma", "name", "P… S…"),
        ("Pri\u00adya", "name", "P…"),
        ("+91 98765 43210", "phone", "+91 98••• •••10"),
        ("+919876543210", "phone", "+9198••••••10"),
        ("sunita.devi@gmail.com", "email", "s…@g…"),
        ("1234 5678 9012", "number", "•••• •••• ••12"),
        ("/stories/priya-from-bargaon/", "link", "a link"),
    ],
)
def test_redact_hint(value: str, kind: str, hint: str) -> None:
    assert redact_hint(value, kind) == hint


def test_a_detector_quoting_the_text_it_found_is_printed_with_a_hint(tmp_path: pathlib.Path) -> None:
    body = "Asha found work. Her mother, Sunita Devi, sells vegetables. Write to asha.k@gmail.com.\n"
    root = make_site(tmp_path / "site", {STORY: story_md(body, status="draft")})
    for fmt in ("text", "json", "sarif"):
        result = run("check", "--site", str(root), "--at", AT, "--format", fmt)
        assert result.exit_code == 1
        assert "Sunita" not in result.output and "asha.k" not in result.output
    text = run("check", "--site", str(root), "--at", AT).output
    assert ':28:30: RELATIVE-NAMED: a relative is named ("S… D…")' in text  # located at the name itself
    assert 'fix: describe them instead ("her mother", "an uncle"), without a name' in text


def test_a_number_in_a_file_name_is_not_printed_with_its_findings(tmp_path: pathlib.Path) -> None:
    name = "content/stories/call-9830041762.md"
    root = make_site(tmp_path / "site", {name: story_md("Asha found work.\n", status="draft")})
    for fmt in ("text", "json"):
        result = run("check", "--site", str(root), "--at", AT, "--format", fmt)
        assert "9830041762" not in result.output
    # SARIF keeps the file's real address for code scanning to annotate the file (the same name the
    # pull request's diff already shows); nothing else in it carries the number.
    sarif = json.loads(run("check", "--site", str(root), "--at", AT, "--format", "sarif").output)
    for r in sarif["runs"][0]["results"]:
        for loc in r["locations"]:
            loc["physicalLocation"]["artifactLocation"].pop("uri")
    assert "9830041762" not in json.dumps(sarif, ensure_ascii=False)
    text = run("check", "--site", str(root), "--at", AT).output
    assert (
        "content/stories/call-••••••••62.md:1:1: " in text
    )  # still findable: the folder, the words, the end
