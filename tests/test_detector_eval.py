"""Measure the text detectors on a labelled evaluation set (tests/eval/identifiers.yaml).

Every identifier sentence must raise its expected error and no clean sentence may raise any error:
those are hard failures. Precision and recall of the warnings are printed (`pytest -s`) but never
fail the test on their own: warnings are advisory and judged by reviewers.
"""

from __future__ import annotations

import collections
import datetime as dt
import pathlib
from typing import Any

import pytest
import yaml
from sitekit import AT, consent, person, story_md, survivor

from generator.config.settings import Organisation, SafetyPolicy, SiteConfig
from generator.content.parse import parse_story, read_source
from generator.content.publication import decide
from generator.content.visible import visible_text
from generator.findings import Finding
from generator.safety import check_story, identifiers, jigsaw, names, relatives, rule_severities
from generator.safety.detect.textscan import verhoeff_valid
from generator.safety.registry import StoryContext

EVAL = yaml.safe_load(
    (pathlib.Path(__file__).parent / "eval" / "identifiers.yaml").read_text(encoding="utf-8")
)
RULES = identifiers.RULES + relatives.RULES + names.RULES + jigsaw.RULES
CONFIG = SiteConfig(
    root=pathlib.Path("/nonexistent"),
    title="Stories of Safe Passage",
    base_url="https://stories.safepassage.example",
    organisation=Organisation(name="Safe Passage Trust"),
    timezone="Asia/Kolkata",
    safety=SafetyPolicy(allowed_email_domains=("safepassage.example",), known_terms=("Safe Passage Trust",)),
)
STAFF = person("Anjali Rao", "staff", "real")


def findings_for(sentence: str, minor: bool = False) -> list[Finding]:
    """Every finding of the text detectors for a clean story with `sentence` as its last paragraph."""
    if minor:
        people = [survivor("Mona", minor=True), STAFF]
        cons = [consent(given_by=["survivor", "welfare_authority"])]
        body = "Mona was rescued last year and is back at school.\n\n" + sentence + "\n"
    else:
        people, cons = [survivor(), STAFF], [consent()]
        body = "Asha found work at a bakery after months in aftercare.\n\n" + sentence + "\n"
    text = story_md(body, people=people, consent=cons, title="A Fresh Start", location="Pune, India")
    source, problems = read_source("content/stories/story.md", text.encode())
    assert source is not None and not problems
    story, problems = parse_story(source, "story", CONFIG.tz)
    assert story is not None and not problems, problems
    ctx = StoryContext(
        CONFIG,
        AT,
        decide(story, AT, CONFIG.tz),
        visible_text(story.source.body),
        {"rule_severities": rule_severities()},
    )
    found, waived = check_story(story, ctx, RULES)
    return found + waived


def _cases(section: str) -> list[Any]:
    return list(EVAL[section])


def test_the_evaluation_set_is_big_and_balanced() -> None:
    positives, negatives = len(EVAL["identifiers"]), len(EVAL["clean"])
    assert positives + negatives >= 80 and abs(positives - negatives) <= 15
    kinds = {rule for case in EVAL["identifiers"] for rule in case["errors"]}
    assert kinds == {
        "ID-PHONE",
        "ID-EMAIL",
        "ID-SOCIAL",
        "ID-ADDRESS",
        "ID-POSTCODE",
        "ID-INSTITUTION",
        "ID-NUMBER",
        "ID-BIRTHDATE",
        "RELATIVE-NAMED",
    }
    assert verhoeff_valid("499312087659") and verhoeff_valid("758204361940")  # the Aadhaar numbers in the set


@pytest.mark.parametrize("case", _cases("identifiers"), ids=lambda c: c["text"][:50])
def test_every_identifier_is_caught(case: dict[str, Any]) -> None:
    raised = {f.rule for f in findings_for(case["text"], case.get("minor", False)) if f.is_error}
    missing = set(case["errors"]) - raised
    assert not missing, f"{case['text']!r}: expected {sorted(missing)}, got {sorted(raised)}"


def _text(case: str | dict[str, Any]) -> str:
    return case if isinstance(case, str) else case["text"]


@pytest.mark.parametrize("case", _cases("clean"), ids=lambda c: _text(c)[:50])
def test_no_clean_sentence_raises_an_error(case: str | dict[str, Any]) -> None:
    errors = [f.format() for f in findings_for(_text(case)) if f.is_error]
    assert errors == []


def test_precision_and_recall() -> None:
    """Print per-rule precision and recall over the whole set; fail only on the error-level promises."""
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    missed_errors: list[str] = []
    labelled: list[tuple[str, bool, set[str]]] = []
    for case in EVAL["identifiers"]:
        labelled.append(
            (case["text"], case.get("minor", False), set(case["errors"]) | set(case.get("warnings", [])))
        )
    for case in EVAL["clean"]:
        labelled.append(
            (_text(case), False, set() if isinstance(case, str) else set(case.get("warnings", [])))
        )
    for case in EVAL["warnings"]:
        labelled.append((case["text"], case.get("minor", False), set(case["expect"])))
    for text, minor, expected in labelled:
        raised = {f.rule for f in findings_for(text, minor)}
        for rule in raised & expected:
            tp[rule] += 1
        for rule in raised - expected:
            fp[rule] += 1
        for rule in expected - raised:
            fn[rule] += 1
            if rule.startswith("ID-") or rule == "RELATIVE-NAMED":
                missed_errors.append(f"{rule}: {text}")
    print(
        f"\n{'rule':<16} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}   ({len(labelled)} sentences)"
    )
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        print(f"{rule:<16} {tp[rule]:>4} {fp[rule]:>4} {fn[rule]:>4} {p:>10.2f} {r:>8.2f}")
    assert missed_errors == []


def test_timing_is_reasonable() -> None:
    """A guard against a pathological regular expression: the whole set in well under a second or two."""
    start = dt.datetime.now()
    for case in EVAL["identifiers"]:
        findings_for(case["text"] + " " * 3 + "x" * 200, case.get("minor", False))
    assert (dt.datetime.now() - start).total_seconds() < 10
