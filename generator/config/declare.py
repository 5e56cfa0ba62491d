"""One declaration per setting: a field of a frozen dataclass gives its type, default, help and checks.

From the dataclass come the schema that validates site.yaml (`kind_of`, with every problem located by
config/schema.py), the converter from checked YAML to the typed value (`build`) and the user docs
(config/docs.py). A field declared without `setting(...)` (e.g. `root`) is not read from site.yaml.

    @dataclass(frozen=True)
    class Pseudonyms:
        noun: ClassVar[str] = "the pseudonym marks"  # how messages name the group
        mark: Literal["first", "every"] = setting("first", "mark the first mention, or every one")
        in_titles: bool = setting(False, "mark them in titles too")

Types map to kinds: str → text, bool, int, float, datetime.date, Literal[...] → one of, tuple[X, ...] →
a list, X | None → optional, another dataclass → a group, dict[str, str] → a group of the `keys` given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from generator.config.schema import (
    BOOL,
    DATE,
    INT,
    NUMBER,
    TEXT,
    Check,
    Field,
    Kind,
    Problem,
    enum,
    list_of,
    obj,
)

T = TypeVar("T")
REQUIRED: Any = dataclasses.MISSING
_SCALARS: dict[Any, Kind] = {str: TEXT, bool: BOOL, int: INT, float: NUMBER, dt.date: DATE}


@dataclass(frozen=True)
class Meta:
    """What `setting()` records about one field."""

    help: str
    key: str = ""  # the name in site.yaml when it differs from the attribute's
    at_least: int | None = None
    check: Check | None = None  # for a list: run on each item
    convert: Callable[[Any], Any] | None = None  # for a list: on each item
    keys: tuple[str, ...] = ()  # a dict[str, str] setting: the keys it may have
    example: str = ""  # shown in the docs when the default says too little


def setting(
    default: Any = REQUIRED,
    help: str = "",
    *,
    key: str = "",
    at_least: int | None = None,
    check: Check | None = None,
    convert: Callable[[Any], Any] | None = None,
    keys: Iterable[str] = (),
    example: str = "",
) -> Any:
    """Declare a setting: its default (none: it is required), what it is for, and its checks."""
    meta = {"setting": Meta(help, key, at_least, check, convert, tuple(keys), example)}
    if default is REQUIRED:
        return dataclasses.field(metadata=meta)
    if isinstance(default, dict):
        return dataclasses.field(default_factory=lambda: dict(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class Declared:
    """One declared setting of a group: its YAML key, its attribute, its type and what `setting` said."""

    key: str
    attribute: str
    type: Any
    meta: Meta
    default: Any  # REQUIRED when there is none

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


def declared(cls: type) -> list[Declared]:
    """The settings a dataclass declares, in order."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        meta = f.metadata.get("setting")
        if meta is None:
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = REQUIRED
        out.append(Declared(meta.key or f.name, f.name, hints[f.name], meta, default))
    return out


def noun(cls: type) -> str:
    """How messages name a group: its `noun` class attribute."""
    return str(getattr(cls, "noun", "a group of fields"))


def kind_of(cls: type) -> Kind:
    """The schema kind of a declared dataclass: every setting with its type, checks and help."""
    fields = {
        d.key: Field(
            _kind(d.type, d.meta, d), required=d.required and not _is_optional(d.type), help=d.meta.help
        )
        for d in declared(cls)
    }
    cross = getattr(cls, "cross_check", None)
    return obj(fields, noun(cls), cross)


def _is_optional(tp: Any) -> bool:
    return isinstance(tp, types.UnionType) and type(None) in typing.get_args(tp)


def _inner(tp: Any) -> Any:
    """`X | None` → X."""
    if _is_optional(tp):
        (rest,) = (a for a in typing.get_args(tp) if a is not type(None))
        return rest
    return tp


def _kind(tp: Any, meta: Meta, d: Declared | None = None) -> Kind:
    tp = _inner(tp)
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return kind_of(tp)  # type: ignore[arg-type]
    if origin is tuple:
        item, _ = typing.get_args(tp)
        return list_of(_kind(item, meta), allow_single=False)
    if origin is dict:
        return obj({k: Field(TEXT) for k in meta.keys}, "a group of texts")
    if origin is Literal:
        kind = enum(*typing.get_args(tp))
    elif tp in _SCALARS:
        kind = _SCALARS[tp]
    else:  # pragma: no cover - a declaration error, found by the tests of every declared group
        raise TypeError(f"no schema kind for {tp!r}")
    check = meta.check
    if meta.at_least is not None and d is not None:
        check = _at_least(meta.at_least, d.key, d.default)
    return dataclasses.replace(kind, check=check, example=meta.example or kind.example)


def _at_least(least: int, key: str, default: Any) -> Check:
    def check(value: Any, label: str) -> tuple[str, str] | None:
        return (f"{label} must be at least {least}", f"set {key}: {default}") if value < least else None

    return check


def _given(value: Any) -> bool:
    """An empty value in site.yaml (`key:`, "", [], {}) means "use the default"."""
    return value is not None and value != "" and value != [] and value != {}


def build(cls: type[T], data: dict[str, Any] | None, **extra: Any) -> T:
    """The typed value of a checked group; `extra` fills the fields not read from site.yaml."""
    data = data or {}
    values = dict(extra)
    for d in declared(cls):
        value = data.get(d.key)
        if _given(value):
            values[d.attribute] = _convert(d.type, d.meta, value)
    return cls(**values)


def _convert(tp: Any, meta: Meta, value: Any) -> Any:
    tp = _inner(tp)
    if dataclasses.is_dataclass(tp):
        return build(tp, value)  # type: ignore[arg-type]
    if typing.get_origin(tp) is tuple:
        item, _ = typing.get_args(tp)
        return tuple(_convert(item, meta, v) for v in (value if isinstance(value, list) else [value]))
    if typing.get_origin(tp) is dict:
        return {k: v for k, v in value.items() if v is not None}
    return meta.convert(value) if meta.convert else value


def problem(path: tuple[str | int, ...], message: str, fix: str, *, key: bool = False) -> Problem:
    """A problem found by a group's `cross_check`, at `path` inside the group."""
    return Problem(path, message, fix, at_key=key)
