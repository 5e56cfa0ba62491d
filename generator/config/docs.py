"""docs/settings.md, written from the declarations: `python -m generator.config.docs > docs/settings.md`."""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.config.declare import REQUIRED, Declared, declared, kind_of
from generator.config.settings import SiteConfig

HEADER = """\
# site.yaml settings

Every setting `site.yaml` accepts. This page is generated from `generator/config/settings.py` and
`generator/config/forms.py` (`python -m generator.config.docs > docs/settings.md`); a test fails when
it is out of date. A setting left out, or left empty, takes its default. Unknown keys are errors, with
a "did you mean". `list[]` is a list of groups: each item has the fields listed under it.

| setting | value | default | what it is for |
|---|---|---|---|
"""


def settings_markdown() -> str:
    """The table of every setting, one row each, in the order they are declared."""
    rows: list[str] = []
    _rows(SiteConfig, "", rows, {})
    return HEADER + "".join(rows)


def _rows(cls: type, prefix: str, rows: list[str], seen: dict[type, str]) -> None:
    seen[cls] = prefix.rstrip(".")
    kind = kind_of(cls)
    assert kind.fields is not None
    for d in declared(cls):
        path = prefix + d.key
        group = _group(d.type)
        value = kind.fields[d.key].kind.name
        if group is not None:
            value = "a list of groups" if value.startswith("a list") else "a group"
        if group is not None and group in seen:
            rows.append(_row(path, value, "", f"{d.meta.help}; the same fields as `{seen[group]}`"))
            continue
        rows.append(_row(path, value, _default(d), d.meta.help))
        if group is not None:
            _rows(group, path + ("[]." if value == "a list of groups" else "."), rows, seen)


def _group(tp: Any) -> type | None:
    """The dataclass a setting holds (itself, optional, or as list items), if any."""
    for candidate in (tp, *getattr(tp, "__args__", ())):
        if dataclasses.is_dataclass(candidate) and isinstance(candidate, type):
            return candidate
    return None


def _default(d: Declared) -> str:
    if d.default is REQUIRED:
        return "**required**"
    value = d.default
    if value is None or value == "" or value == () or value == {} or dataclasses.is_dataclass(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(f'"{v}"' for v in value)
    return f"`{value}`"


def _row(path: str, value: str, default: str, help: str) -> str:
    cells = (f"`{path}`", value, default, help)
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")
