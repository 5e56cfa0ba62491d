"""A small declarative schema for front matter and site.yaml, with located, plain-language errors.

Every problem is collected (never just the first), unknown keys get a "did you mean", and the messages
are written for the communications officer who will read them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from generator.config.yamlload import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    fix: str
    at_key: bool = False  # point at the key rather than the value (unknown or missing keys)


# A check of a value whose type is already right: (message, fix) when it is wrong. It is given the
# value and its label as writers read it ("safety.jigsaw_threshold", "forms.signup.page").
Check = Callable[[Any, str], "tuple[str, str] | None"]
# A check of a whole group whose fields must agree with each other; paths are relative to the group.
CrossCheck = Callable[[dict[str, Any]], "list[Problem]"]


@dataclass(frozen=True)
class Kind:
    """A value type: `name` is what writers read in messages."""

    name: str
    example: str = ""
    choices: tuple[str, ...] = ()
    item: Kind | None = None
    fields: Mapping[str, Field] | None = None
    allow_single: bool = False  # a list that also accepts one plain value
    accepts: Callable[[Any], bool] | None = None  # for plain values: is this value of the kind?
    needs_offset: bool = False  # a date and time: say so when its time-zone offset is missing
    check: Check | None = None  # run on a value that `accepts` took
    cross_check: CrossCheck | None = None  # run on a group (fields) whatever else is wrong in it


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    help: str = ""


def _is_date(v: Any) -> bool:
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def _has_offset(v: Any) -> bool:
    return isinstance(v, dt.datetime) and v.tzinfo is not None


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


TEXT = Kind("text", '"some words"', accepts=lambda v: isinstance(v, str))
BOOL = Kind("true or false", "true", accepts=lambda v: isinstance(v, bool))
INT = Kind("a whole number", "10", accepts=_is_int)
NUMBER = Kind("a number", "2.5", accepts=lambda v: _is_int(v) or isinstance(v, float))
DATE = Kind("a date", "2026-03-02", accepts=_is_date)
MOMENT = Kind(
    "a date, or a date and time with a time-zone offset",
    "2026-03-05T09:00:00+05:30",
    accepts=lambda v: _is_date(v) or _has_offset(v),
    needs_offset=True,
)
DATETIME = Kind(
    "a date and time with a time-zone offset",
    "2026-12-31T23:59:00+05:30",
    accepts=_has_offset,
    needs_offset=True,
)


def enum(*choices: str) -> Kind:
    return Kind(
        "one of " + ", ".join(choices),
        choices[0],
        choices=choices,
        accepts=lambda v: isinstance(v, str) and v in choices,
    )


def list_of(item: Kind, *, allow_single: bool = False) -> Kind:
    return Kind(f"a list of {item.name}", f"[{item.example}]", item=item, allow_single=allow_single)


def obj(
    fields: Mapping[str, Field], name: str = "a group of fields", cross_check: CrossCheck | None = None
) -> Kind:
    return Kind(name, fields=MappingProxyType(dict(fields)), cross_check=cross_check)


def validate(value: Any, kind: Kind, path: Path = ()) -> list[Problem]:
    """Check `value` against `kind`; return every problem found. Messages call the whole document
    by the kind's name ("site.yaml", "the story's front matter")."""
    problems: list[Problem] = []
    _check(value, kind, path, problems, kind.name)
    return problems


def _label(path: Path, document: str) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or document


def _check(value: Any, kind: Kind, path: Path, problems: list[Problem], document: str) -> None:
    label = _label(path, document)
    if kind.fields is not None:
        if value is None and path and isinstance(path[-1], int):
            problems.append(
                Problem(
                    path, f"{label} is empty", "fill in its fields, or delete the line with the lone dash"
                )
            )
            return  # "- " alone in a list: an entry with nothing in it
        if value is None and path:
            return  # an empty optional group; required-ness is checked by the parent
        if not isinstance(value, dict):
            what = "`key: value` lines" if not path else f"{kind.name} (`key: value` lines)"
            problems.append(Problem(path, f"{label} must be {what}", "indent its fields below it"))
            return
        misspelt: set[str] = set()  # required keys an unknown key was taken for: one problem, not two
        for key, item in value.items():
            spec = kind.fields.get(key)
            if spec is None:
                guess = difflib.get_close_matches(key, list(kind.fields), n=1, cutoff=0.6)
                hint = (
                    f'did you mean "{guess[0]}"?' if guess else "allowed: " + ", ".join(sorted(kind.fields))
                )
                problems.append(
                    Problem(path + (key,), f'unknown field "{key}" in {label}', hint, at_key=True)
                )
                misspelt.update(g for g in guess if g not in value)
                continue
            _check(item, spec.kind, path + (key,), problems, document)
        for key, spec in kind.fields.items():
            if key in misspelt:
                continue
            if spec.required and (key not in value or value[key] is None or value[key] == ""):
                where = path + (key,) if key in value else path
                problems.append(
                    Problem(
                        where,
                        f'"{key}" is required in {label}',
                        f"add `{key}: {spec.kind.example or '…'}`" + (f" ({spec.help})" if spec.help else ""),
                        at_key=key in value,
                    )
                )
        if kind.cross_check is not None:
            for p in kind.cross_check(value):
                problems.append(Problem(path + p.path, p.message, p.fix, p.at_key))
        return
    if value is None:
        return  # an empty optional value; required-ness is checked by the parent
    if kind.item is not None:
        if not isinstance(value, list):
            if kind.allow_single and not isinstance(value, (dict, list)):
                _check(value, kind.item, path, problems, document)
                return
            problems.append(
                Problem(path, f"{label} must be {kind.name}", f"write it as a list, e.g. {kind.example}")
            )
            return
        for i, item in enumerate(value):
            if item is None and kind.item.fields is None:  # "- " alone in a list of texts or dates
                problems.append(
                    Problem(
                        path + (i,),
                        f"{_label(path + (i,), document)} is empty",
                        "write it after the dash, or delete the line",
                    )
                )
                continue
            _check(item, kind.item, path + (i,), problems, document)
        return
    if kind.accepts is None:  # pragma: no cover - a kind is a group, a list or a plain value
        raise AssertionError(f"the kind {kind.name} accepts nothing")
    if not kind.accepts(value):
        shown = value if not isinstance(value, str) else f'"{value}"'
        if kind.needs_offset and isinstance(value, dt.datetime) and value.tzinfo is None:
            problems.append(
                Problem(path, f"{label} has no time-zone offset", f"add one, e.g. {kind.example}")
            )
            return
        problems.append(
            Problem(
                path,
                f"{label} must be {kind.name}, not {shown}",
                f"write e.g. {label.split('.')[-1]}: {kind.example}",
            )
        )
        return
    if kind.check is not None:
        wrong = kind.check(value, label)
        if wrong is not None:
            problems.append(Problem(path, *wrong))


@dataclass(frozen=True)
class Schema:
    """A named top-level schema (story front matter, page front matter, site.yaml…)."""

    name: str
    fields: Mapping[str, Field] = field(default_factory=dict)

    @property
    def kind(self) -> Kind:
        return obj(self.fields, self.name)
