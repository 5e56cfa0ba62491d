"""Family 4: safeguarding sign-off. A reviewer other than the author approves the exact text and,
when the site requires it, signs the review and each waiver decision with their SSH key."""

from __future__ import annotations

import hashlib
import json
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

from generator.config.settings import SiteConfig
from generator.config.yamlload import Path
from generator.content.model import Review, Source, Story, Waiver
from generator.findings import Finding, error
from generator.safety import sshsig
from generator.safety.registry import ERROR, Hit, SiteContext, StoryContext, rules_in, site_rule, story_rule

FAMILY = "4 Sign-off"
# Front matter that can change without a new review: scheduling, workflow state, the review itself
# and internal notes (never published). Everything else a reader can see or a rule relies on is hashed.
UNHASHED = frozenset({"review", "status", "publish_on", "unpublish_on", "internal_notes"})


def _image_sources(data: dict[str, Any]) -> list[str]:
    found = []
    for entry in [data.get("image")] + list(data.get("images") or []):
        if isinstance(entry, dict) and isinstance(entry.get("src"), str):
            found.append(entry["src"])
    return sorted(set(found))


def _file_digest(content_dir: pathlib.Path, src: str) -> str:
    """The bytes the reviewer saw: a swapped picture voids the review like an edited sentence."""
    try:
        path = (content_dir / src).resolve()
        if not path.is_relative_to(content_dir.resolve()):
            return "outside"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def text_hash(source: Source, content_dir: pathlib.Path | None = None) -> str:
    """sha256 over the body, every safety-relevant front-matter field (canonically serialised) and,
    given `content_dir`, the bytes of every image the story declares."""
    data: dict[str, Any] = {k: v for k, v in source.front.data.items() if k not in UNHASHED}
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    body = "\n".join(line.rstrip() for line in source.body.strip("\n").split("\n"))
    text = canonical + "\n---\n" + body
    if content_dir is not None:
        for src in _image_sources(source.front.data):
            text += f"\n---image {src} {_file_digest(content_dir, src)}"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"sha256:{digest}"


@story_rule(
    "SIGNOFF-MISSING",
    ERROR,
    family=FAMILY,
    title="publishing without a safeguarding review",
    source="UNICEF principle 5, Dignified Storytelling: pre-publication checkpoints",
)
def signoff_missing(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A story is published only after a safeguarding reviewer has read it and run
    `impactsite approve`, which records who approved which text."""
    if story.review is None:
        yield Hit(
            "this story has no safeguarding review",
            f"ask a safeguarding reviewer to run: impactsite approve {story.path} --reviewer THEIR-HANDLE",
            path=("status",),
        )


@story_rule(
    "SIGNOFF-SELF",
    ERROR,
    family=FAMILY,
    title="authors approving their own stories",
    source="UNICEF principle 5: consult others before publishing",
)
def signoff_self(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The reviewer must be someone other than the author: a second pair of eyes is the point."""
    if story.review is not None and story.review.reviewer.strip().lower() == story.author.strip().lower():
        yield Hit(
            f"the story was approved by its own author ({story.author})",
            "ask a different safeguarding reviewer to run impactsite approve",
            path=("review", "reviewer"),
        )


@story_rule(
    "SIGNOFF-STALE",
    ERROR,
    family=FAMILY,
    title="text changed after review",
    source="Dignified Storytelling: editorial review; FM-13",
)
def signoff_stale(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Any edit to the body, to safety-relevant front matter or to a declared image file after
    approval voids it: the reviewer approved a particular text and pictures, not whatever the
    files say now."""
    if story.review is not None and story.review.text_hash != text_hash(story.source, ctx.config.content_dir):
        yield Hit(
            f"the story changed after {story.review.reviewer} approved it on {story.review.date.isoformat()}",
            f"ask a safeguarding reviewer to read it again and run: impactsite approve {story.path} --reviewer THEIR-HANDLE",
            path=("review", "text_hash"),
        )


def review_payload(path: str, review: Review) -> bytes:
    """The words a reviewer signs: which file, who, when, and the hash of everything reviewed."""
    return (
        f"impactsite review 1\nfile: {path}\nreviewer: {review.reviewer}\n"
        f"date: {review.date.isoformat()}\ntext_hash: {review.text_hash}\n"
    ).encode()


def decision_payload(path: str, waiver: Waiver) -> bytes:
    """The words a reviewer signs for one decision: the file, the rule, the text accepted (its
    tokens), who, when and why."""
    day = waiver.date.isoformat() if waiver.date else ""
    return (
        f"impactsite decision 1\nfile: {path}\nrule: {waiver.rule}\ntokens: {' '.join(waiver.tokens)}\n"
        f"reviewer: {waiver.reviewer}\ndate: {day}\nreason: {json.dumps(waiver.reason, ensure_ascii=False)}\n"
    ).encode()


def signer_files(config: SiteConfig) -> tuple[pathlib.Path, pathlib.Path]:
    """(allowed signers, revoked signers) of the site."""
    return config.root / config.safety.allowed_signers, config.root / config.safety.revoked_signers


def check_signature(config: SiteConfig, payload: bytes, signature: str | None, signer: str) -> sshsig.Verdict:
    allowed, revoked = signer_files(config)
    return sshsig.verify(payload, signature, signer, allowed, revoked if revoked.is_file() else None)


def decision_verifier(config: SiteConfig, path: str) -> Callable[[Waiver], bool] | None:
    """When the site requires signatures: a test that a waiver carries its reviewer's valid signature."""
    if not config.safety.signed_reviews or not signer_files(config)[0].is_file():
        return None
    return lambda w: check_signature(config, decision_payload(path, w), w.signature, w.reviewer).valid


def signature_problem(
    verdict: sshsig.Verdict, what: str, signer: str, author: str | None, config: SiteConfig, approve: str
) -> tuple[str, str] | None:
    """(message, fix) for a signature that does not bind `what` to an allowed reviewer, or None."""
    allowed = config.safety.allowed_signers
    again = f"ask a safeguarding reviewer listed in {allowed} to read it and run: {approve}"
    if verdict.valid:
        if author and author.strip().lower() in (p.lower() for p in verdict.principals):
            return (
                f"{what} was signed with the key of {author}, who wrote it",
                f"a second person must review: {again}",
            )
        return None
    status = verdict.status
    if status == "unsigned":
        return (
            f"{what} by {signer} is not signed, and this site requires signed reviews",
            f"{again} --sign KEY",
        )
    if status == "revoked":
        return (
            f"{what} was signed with a key that has been revoked ({config.safety.revoked_signers})",
            again + " --sign KEY",
        )
    if status == "unknown-key":
        return f"{what} was signed with a key that is not in {allowed}", again + " --sign KEY"
    if status == "wrong-signer":
        return (
            f"{what} names {signer} but was signed with the key of {', '.join(verdict.principals)}",
            again + " --sign KEY",
        )
    return (
        f"{what}'s signature does not match it: the file, the text, the reviewer or the date changed after signing",
        again + " --sign KEY",
    )


def signature_hits(
    path: str, review: Review | None, waivers: tuple[Waiver, ...], author: str | None, config: SiteConfig
) -> Iterator[Hit]:
    """Every review and waiver decision of one file, verified against the allowed signers."""
    approve = f"impactsite approve {path} --reviewer THEIR-HANDLE"
    if review is not None:
        verdict = check_signature(config, review_payload(path, review), review.signature, review.reviewer)
        problem = signature_problem(verdict, "the review", review.reviewer, author, config, approve)
        if problem:
            yield Hit(*problem, path=_where(("review",), review.signature))
    for w in waivers:
        verdict = check_signature(config, decision_payload(path, w), w.signature, w.reviewer)
        problem = signature_problem(verdict, f"the decision on {w.rule}", w.reviewer, author, config, approve)
        if problem:
            yield Hit(*problem, path=_where(("waivers", w.index), w.signature))


def _where(base: Path, signature: str | None) -> Path:
    return base + ("signature" if signature else "reviewer",)


@story_rule(
    "SIGNOFF-SIGNATURE",
    ERROR,
    family=FAMILY,
    title="reviews not bound to a person",
    source="UNICEF principle 5; SSH signatures (ssh-keygen -Y), as git uses them",
)
def signoff_signature(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """When `safety.signed_reviews` is on, a typed reviewer's handle proves nothing: the review and
    every waiver decision must carry a signature made with `impactsite approve --sign` by a reviewer
    whose key is in the allowed-signers file, not revoked, and not the author's own key."""
    config = ctx.config
    if config.safety.signed_reviews and signer_files(config)[0].is_file():
        yield from signature_hits(story.path, story.review, story.waivers, story.author, config)


@site_rule(
    "SIGNOFF-SIGNERS",
    ERROR,
    family=FAMILY,
    title="signed reviews without a list of reviewers",
    source="SSH allowed signers (man ssh-keygen, ALLOWED SIGNERS)",
)
def signoff_signers(ctx: SiteContext) -> Iterator[Finding]:
    """A site that requires signed reviews names its reviewers' public keys in an allowed-signers
    file in the repository; without one no review can be verified, so nothing is published."""
    config = ctx.config
    if not config.safety.signed_reviews:
        return
    allowed = signer_files(config)[0]
    if not sshsig.listed_keys(allowed):
        line, col = config.located.where(("safety", "signed_reviews")) if config.located else (1, 1)
        state = "does not exist" if not allowed.is_file() else "lists no keys"
        yield error(
            "site.yaml",
            line,
            col,
            "SIGNOFF-SIGNERS",
            f"signed reviews are required but {config.safety.allowed_signers} {state}",
            f"add a line per reviewer to {config.safety.allowed_signers}: their handle and public key "
            "(README: Signed reviews)",
        )


RULES = rules_in(globals())
