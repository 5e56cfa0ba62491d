"""Data files written by communications staff (content/campaigns/*.yaml, content/data/*.yaml):
read safely, checked against a schema, every problem located with a fix, like site.yaml and front matter."""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass
from typing import Any

from generator.config.schema import Kind, validate
from generator.config.yamlload import Located, Path, YamlProblem, load_yaml
from generator.findings import Finding, error

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class DataFile:
    """One YAML data file: its site-relative path, its values and where each one is."""

    path: str
    located: Located
    rule: str  # the id its findings carry, e.g. CAMPAIGN

    @property
    def data(self) -> Any:
        return self.located.data

    def finding(self, at: Path, message: str, fix: str, *, key: bool = False) -> Finding:
        line, col = self.located.where(at, key=key)
        return error(self.path, line, col, self.rule, message, fix)


def read_data_file(
    root: pathlib.Path, rel: str, kind: Kind, rule: str
) -> tuple[DataFile | None, list[Finding]]:
    """Read `root/rel` as YAML and check it against `kind`; the file is None when it cannot be used at all."""
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        return None, [
            error(rel, 1, 1, rule, f"cannot read the file: {exc.strerror}", "check its permissions")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [error(rel, line, 1, rule, "the file is not UTF-8 text", "save it with UTF-8 encoding")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        located = load_yaml(text)
    except YamlProblem as p:
        return None, [error(rel, p.line, p.column, rule, p.message, p.fix)]
    if located.data is None:
        return None, [error(rel, 1, 1, rule, "the file is empty", "fill it in, or delete it")]
    if not isinstance(located.data, dict):
        return None, [
            error(rel, 1, 1, rule, "the file must be `name: value` lines", "write e.g. name: Spring Match")
        ]
    file = DataFile(rel, located, rule)
    findings = []
    for problem in validate(located.data, kind):
        line, col = located.where(problem.path, key=problem.at_key) if problem.path else (1, 1)
        findings.append(error(rel, line, col, rule, problem.message, problem.fix))
    return file, findings


def data_files(root: pathlib.Path, folder: str, rule: str) -> tuple[list[str], list[Finding]]:
    """The *.yaml files in content/<folder>/, sorted; anything else there is reported."""
    base = root / "content" / folder
    found: list[str] = []
    findings: list[Finding] = []
    if not base.is_dir():
        return found, findings
    for p in sorted(base.iterdir()):
        rel = p.relative_to(root).as_posix()
        if p.name.startswith(".") or p.is_dir():
            continue
        if p.suffix.lower() not in (".yaml", ".yml"):
            findings.append(
                error(
                    rel,
                    1,
                    1,
                    rule,
                    "this file is not a .yaml file and is ignored",
                    f"move it out of content/{folder}/",
                )
            )
            continue
        if not SLUG_RE.match(p.stem):
            findings.append(
                error(
                    rel,
                    1,
                    1,
                    rule,
                    f'"{p.stem}" cannot be used in a web address',
                    "name the file with lowercase letters, digits and hyphens, e.g. spring-match-2027.yaml",
                )
            )
            continue
        found.append(rel)
    return found, findings
