"""Reviews bound to a person (issue 13, item 3): `approve --sign` signs the review and each decision
with the reviewer's SSH key; when site.yaml requires signed reviews, the build verifies every one
against the allowed signers and refuses unsigned, forged, self-signed and revoked ones. Real keys,
made by ssh-keygen in a temporary folder."""

from __future__ import annotations

import dataclasses
import pathlib
import shutil
import subprocess

import pytest
from click.testing import CliRunner, Result
from sitekit import AT, BODY, SITE_YAML, STORY, loc, make_site, story_md

from generator.build import check
from generator.cli import main
from generator.commands.approve import replace_block, review_block
from generator.content.model import Review
from generator.content.parse import read_source
from generator.safety import signoff, sshsig

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs OpenSSH's ssh-keygen")

WHEN = AT.isoformat()
REQUIRED = SITE_YAML + "safety:\n  signed_reviews: true\n"
NAMED = BODY + "\nRavi Kumar, a neighbour, drove her to the training centre.\n"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pathlib.Path]:
    """Private keys by owner: two reviewers, the story's author, and someone the site never listed."""
    folder = tmp_path_factory.mktemp("keys")
    out = {}
    for who in ("safeguarding-01", "safeguarding-02", "comms-03", "stranger"):
        path = folder / who
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", str(path)], check=True
        )
        out[who] = path
    return out


def public(key: pathlib.Path) -> str:
    return " ".join(key.with_suffix(".pub").read_text().split()[:2])


def signers(keys: dict[str, pathlib.Path], *who: str, extra: str = "") -> str:
    lines = [f'{w} namespaces="impactsite-review" {public(keys[w])}' for w in who]
    return "\n".join(lines) + "\n" + extra


def site(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path], body: str = BODY) -> pathlib.Path:
    return make_site(
        tmp_path,
        {
            "site.yaml": REQUIRED,
            STORY: story_md(body),
            "safety/allowed_signers": signers(keys, "safeguarding-01", "safeguarding-02", "comms-03"),
        },
    )


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def approve(
    root: pathlib.Path, key: pathlib.Path | None, reviewer: str = "safeguarding-01", *more: str
) -> Result:
    args = ["approve", "--site", str(root), str(root / STORY), "--reviewer", reviewer, "--at", WHEN, *more]
    return run(*args, *(["--sign", str(key)] if key else []))


def signature_findings(root: pathlib.Path) -> list[str]:
    return [f.format() for f in check(root, AT).findings if f.rule.startswith("SIGNOFF")]


def build(root: pathlib.Path) -> Result:
    return run("build", "--site", str(root), "--at", WHEN)


def test_a_signed_review_builds(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]) -> None:
    root = site(tmp_path, keys)
    result = approve(root, keys["safeguarding-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "approved and signed content/stories/story.md (reviewer safeguarding-01)\n"
    text = (root / STORY).read_text()
    assert "  signature: |\n    -----BEGIN SSH SIGNATURE-----\n" in text
    assert signature_findings(root) == []
    assert build(root).exit_code == 0


def test_an_unsigned_review_stops_the_build(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]) -> None:
    root = site(tmp_path, keys)
    refused = approve(root, None)
    assert refused.exit_code == 2
    assert refused.stderr.startswith("Error: this site requires signed reviews: add --sign with your SSH key")
    # A review typed by hand (or written before signatures were required) proves nothing.
    (root / "site.yaml").write_text(SITE_YAML)
    assert approve(root, None).exit_code == 0
    (root / "site.yaml").write_text(REQUIRED)
    text = (root / STORY).read_text()
    assert signature_findings(root) == [
        (
            f"{loc(text, 'reviewer: |safeguarding-01')}: SIGNOFF-SIGNATURE: the review by safeguarding-01 is not signed, and this site "
            "requires signed reviews\n"
            "  fix: ask a safeguarding reviewer listed in safety/allowed_signers to read it and run: impactsite "
            "approve content/stories/story.md --reviewer THEIR-HANDLE --sign KEY"
        )
    ]
    result = build(root)
    assert result.exit_code == 1 and "SIGNOFF-SIGNATURE" in result.stderr
    assert not (root / "output").exists()


def test_a_forged_review_stops_the_build(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]) -> None:
    root = site(tmp_path, keys)
    assert approve(root, keys["safeguarding-01"]).exit_code == 0
    path = root / STORY
    signed = path.read_text()
    # Someone changes who reviewed it, keeping the signature: it no longer matches.
    path.write_text(signed.replace("reviewer: safeguarding-01", "reviewer: safeguarding-02"))
    assert [f.partition("\n")[0].split(": ", 2)[2] for f in signature_findings(root)] == [
        "the review names safeguarding-02 but was signed with the key of safeguarding-01"
    ]
    # Someone moves the date (the words signed include it): the signature does not match.
    path.write_text(signed.replace("date: 2026-11-20", "date: 2026-11-21"))
    assert [f.partition("\n")[0].split(": ", 2)[2] for f in signature_findings(root)] == [
        "the review's signature does not match it: the file, the text, the reviewer or the date changed after signing"
    ]
    assert build(root).exit_code == 1
    # A key nobody listed signs a review in a listed reviewer's name.
    path.write_text(signed)
    forged = forge(root, keys["stranger"], reviewer="safeguarding-01")
    assert [f.partition("\n")[0].split(": ", 2)[2] for f in signature_findings(root)] == [
        "the review was signed with a key that is not in safety/allowed_signers"
    ]
    assert "BEGIN SSH SIGNATURE" in forged
    assert build(root).exit_code == 1
    # Not a signature at all.
    path.write_text(signed.replace("U1NIU0lH", "XXXXXXXX", 1))
    assert len(signature_findings(root)) == 1 and build(root).exit_code == 1


def forge(root: pathlib.Path, key: pathlib.Path, reviewer: str) -> str:
    """Write a review signed with `key` in `reviewer`'s name, bypassing approve's own checks."""
    path = root / STORY
    source, _ = read_source(STORY, path.read_bytes())
    assert source is not None
    review = Review(reviewer, AT.date(), signoff.text_hash(source, root / "content"))
    review = dataclasses.replace(review, signature=sshsig.sign(signoff.review_payload(STORY, review), key))
    text = replace_block(source.text, source, "review", review_block(review))
    path.write_text(text)
    return text


def test_a_self_signed_review_stops_the_build(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]) -> None:
    # The author's key is also listed as a reviewer (one person, two handles): it cannot review her story.
    root = site(tmp_path, keys)
    allowed = signers(keys, "safeguarding-01", "comms-03")
    allowed += f'safeguarding-09 namespaces="impactsite-review" {public(keys["comms-03"])}\n'
    (root / "safety/allowed_signers").write_text(allowed)
    refused = approve(root, keys["comms-03"], "safeguarding-09")
    assert refused.exit_code == 2
    assert "your signature was signed with the key of comms-03, who wrote it" in refused.stderr
    assert "review:" not in (root / STORY).read_text()
    forge(root, keys["comms-03"], reviewer="safeguarding-09")
    assert [f.partition("\n")[0].split(": ", 2)[2] for f in signature_findings(root)] == [
        "the review was signed with the key of comms-03, who wrote it"
    ]
    assert build(root).exit_code == 1


def test_a_revoked_reviewers_review_stops_the_build(
    tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]
) -> None:
    root = site(tmp_path, keys)
    assert approve(root, keys["safeguarding-02"], "safeguarding-02").exit_code == 0
    assert build(root).exit_code == 0
    # safeguarding-02 leaves: her key goes into the revoked list (and out of the allowed signers).
    (root / "safety/revoked_signers").write_text(public(keys["safeguarding-02"]) + "\n")
    assert [f.partition("\n")[0].split(": ", 2)[2] for f in signature_findings(root)] == [
        "the review was signed with a key that has been revoked (safety/revoked_signers)"
    ]
    result = build(root)
    assert result.exit_code == 1 and "revoked" in result.stderr
    (root / "safety/allowed_signers").write_text(signers(keys, "safeguarding-01", "comms-03"))
    assert len(signature_findings(root)) == 1 and build(root).exit_code == 1
    # A current reviewer reads it again: it builds.
    assert approve(root, keys["safeguarding-01"]).exit_code == 0
    assert build(root).exit_code == 0


def test_decisions_are_signed_and_verified_too(tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]) -> None:
    root = site(tmp_path, keys, NAMED)
    [name] = [f for f in check(root, AT).findings if f.rule == "UNDECLARED-NAME"]
    accept = ["--accept", f"UNDECLARED-NAME:{name.token}", "--reason", "A neighbour, named with his consent."]
    assert approve(root, keys["safeguarding-01"], "safeguarding-01", *accept).exit_code == 0
    path = root / STORY
    text = path.read_text()
    assert text.count("-----BEGIN SSH SIGNATURE-----") == 2  # the decision and the review
    assert build(root).exit_code == 0
    # The author rewrites the reason and re-hashes nothing: the decision's signature no longer holds,
    # so it accepts nothing, and the review no longer matches the text either.
    path.write_text(text.replace("A neighbour, named with his consent.", "Fine, I checked it myself."))
    rules = sorted(f.rule for f in check(root, AT).findings)
    assert rules == ["DECISION-MISSING", "SIGNOFF-SIGNATURE", "SIGNOFF-STALE", "UNDECLARED-NAME"]
    assert build(root).exit_code == 1


def test_required_signatures_need_a_list_of_reviewers(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"site.yaml": REQUIRED, STORY: story_md()})
    assert [f.format() for f in check(root, AT).findings if f.rule == "SIGNOFF-SIGNERS"] == [
        (
            f"{loc(REQUIRED, 'signed_reviews: |true', 'site.yaml')}: SIGNOFF-SIGNERS: signed reviews are required but safety/allowed_signers does not exist\n"
            "  fix: add a line per reviewer to safety/allowed_signers: their handle and public key (README: Signed reviews)"
        )
    ]


def test_a_key_not_listed_for_the_reviewer_is_refused_at_once(
    tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]
) -> None:
    root = site(tmp_path, keys)
    result = approve(root, keys["stranger"])
    assert result.exit_code == 2
    assert (
        "not approved: your signature was signed with a key that is not in safety/allowed_signers"
        in result.stderr
    )
    assert "review:" not in (root / STORY).read_text()


def test_revoking_a_key_kept_outside_safety_is_seen_by_a_warm_build(
    tmp_path: pathlib.Path, keys: dict[str, pathlib.Path]
) -> None:
    root = site(tmp_path, keys)
    (root / "site.yaml").write_text(
        REQUIRED + "  allowed_signers: .github/allowed_signers\n  revoked_signers: .github/revoked\n"
    )
    (root / ".github").mkdir()
    (root / "safety/allowed_signers").rename(root / ".github/allowed_signers")
    assert approve(root, keys["safeguarding-02"], "safeguarding-02").exit_code == 0
    assert build(root).exit_code == 0
    (root / ".github/revoked").write_text(public(keys["safeguarding-02"]) + "\n")
    result = build(root)  # not "Up to date": the revocation is an input like any other
    assert result.exit_code == 1 and "revoked (.github/revoked)" in result.stderr
