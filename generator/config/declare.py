"""One declaration per setting: a field of a frozen dataclass gives its type, default, help and checks.

From the dataclass come the schema that validates the YAML (`Group.kind`, every problem located by
config/schema.py), the converter from checked YAML to the typed value (`Group.build`) and the user docs
(config/docs.py). A field declared without `setting(...)` (e.g. `root`) is not read from the YAML.
site.yaml (config/settings.py) and story and page front matter (content/model.py) are declared so.

    @dataclass(frozen=True)
    class Pseudonyms:
        noun: ClassVar[str] = "the pseudonym marks"  # how messages name the group
        mark: Literal["first", "every"] = setting("first", "mark the first mention, or every one")
        in_titles: bool = setting(False, "mark them in titles too")

Types map to kinds: str → text, bool, int, float, datetime.date, Literal[...] → one of, tuple[X, ...] →
a list, X | None → optional, another dataclass → a group, dict[str, str] → a group of the `keys` given.
A group may define `cross_check(data) -> list[Problem]` for rules between its fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar

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
_SCALARS: Mapping[Any, Kind] = MappingProxyType(
    {str: TEXT, bool: BOOL, int: INT, float: NUMBER, dt.date: DATE}
)


@dataclass(frozen=True)
class Meta:
    """What `setting()` records about one field."""

    help: str
    key: str = ""  # the name in the YAML when it differs from the attribute's
    at_least: int | None = None
    check: Check | None = None  # for a list: run on each item
    convert: Callable[[Any], Any] | None = None  # for a list: on each item
    keys: tuple[str, ...] = ()  # a dict[str, str] setting: the keys it may have
    example: str = ""  # shown in messages and docs when the default says too little
    kind: Kind | None = None  # a kind the type cannot say (e.g. MOMENT: a date, or a date and time)
    allow_single: bool = False  # a list that may also be written as one plain value


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
    kind: Kind | None = None,
    allow_single: bool = False,
) -> Any:
    """Declare a setting: its default (none: it is required), what it is for, and its checks."""
    meta = {"setting": Meta(help, key, at_least, check, convert, tuple(keys), example, kind, allow_single)}
    if default is REQUIRED:
        return dataclasses.field(metadata=meta)
    if isinstance(default, dict):
        return dataclasses.field(default_factory=lambda: dict(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class Declared:
    """One declared setting of a group, worked out once: its YAML key, attribute, kind and converter."""

    key: str
    attribute: str
    type: Any
    meta: Meta
    default: Any  # REQUIRED when there is none
    kind: Kind
    convert: Callable[[Any], Any]
    group: Group[Any] | None  # the dataclass it holds (itself, optional, or as list items)

    @property
    def required(self) -> bool:
        return self.default is REQUIRED and not _is_optional(self.type)


@dataclass(frozen=True)
class Group(Generic[T]):
    """A declared dataclass: its settings, its schema kind and its converter, worked out once."""

    cls: type[T]
    settings: tuple[Declared, ...]
    kind: Kind

    @classmethod
    def of(cls, group: type[T]) -> Group[T]:
        hints = typing.get_type_hints(group)
        fields = dataclasses.fields(group)  # type: ignore[arg-type]
        settings = tuple(_declared(f, hints[f.name]) for f in fields if "setting" in f.metadata)
        schema = {d.key: Field(d.kind, required=d.required, help=d.meta.help) for d in settings}
        noun = str(getattr(group, "noun", "a group of fields"))
        return cls(group, settings, obj(schema, noun, getattr(group, "cross_check", None)))

    def build(self, data: dict[str, Any] | None, /, **extra: Any) -> T:
        """The typed value of checked YAML; `extra` fills the fields not read from the YAML."""
        data = data or {}
        values = dict(extra)
        for d in self.settings:
            value = data.get(d.key)
            if _given(value, d.default):
                values[d.attribute] = d.convert(value)
        return self.cls(**values)


def _declared(f: dataclasses.Field[Any], tp: Any) -> Declared:
    meta: Meta = f.metadata["setting"]
    if f.default is not dataclasses.MISSING:
        default = f.default
    elif f.default_factory is not dataclasses.MISSING:
        default = f.default_factory()
    else:
        default = REQUIRED
    key = meta.key or f.name
    group = _group_of(tp)
    kind, convert = _kind_and_convert(tp, meta, key, default, group)
    return Declared(key, f.name, tp, meta, default, kind, convert, group)


def _is_optional(tp: Any) -> bool:
    return isinstance(tp, types.UnionType) and type(None) in typing.get_args(tp)


def _inner(tp: Any) -> Any:
    """`X | None` → X."""
    if _is_optional(tp):
        (rest,) = (a for a in typing.get_args(tp) if a is not type(None))
        return rest
    return tp


def _group_of(tp: Any) -> Group[Any] | None:
    tp = _inner(tp)
    if typing.get_origin(tp) is tuple:
        tp = typing.get_args(tp)[0]
    return Group.of(tp) if dataclasses.is_dataclass(tp) and isinstance(tp, type) else None


def _kind_and_convert(
    tp: Any, meta: Meta, key: str, default: Any, group: Group[Any] | None
) -> tuple[Kind, Callable[[Any], Any]]:
    tp = _inner(tp)
    origin = typing.get_origin(tp)
    if origin is tuple:
        item_kind, item_convert = _kind_and_convert(typing.get_args(tp)[0], meta, key, default, group)
        return list_of(item_kind, allow_single=meta.allow_single), lambda v: tuple(
            map(item_convert, v if isinstance(v, list) else [v])
        )
    if group is not None:
        return group.kind, group.build
    if origin is dict:
        return obj({k: Field(TEXT) for k in meta.keys}, "a group of texts"), lambda v: {
            k: x for k, x in v.items() if x is not None
        }
    if meta.kind is not None:
        kind = meta.kind
    elif origin is Literal:
        kind = enum(*typing.get_args(tp))
    elif tp in _SCALARS:
        kind = _SCALARS[tp]
    else:  # pragma: no cover - a declaration error, found by the tests of every declared group
        raise TypeError(f"no schema kind for {tp!r}")
    check = _at_least(meta.at_least, key, default) if meta.at_least is not None else meta.check
    kind = dataclasses.replace(kind, check=check, example=meta.example or kind.example)
    return kind, meta.convert or _same


def _same(value: Any) -> Any:
    return value


def _at_least(least: int, key: str, default: Any) -> Check:
    def check(value: Any, label: str) -> tuple[str, str] | None:
        return (f"{label} must be at least {least}", f"set {key}: {default}") if value < least else None

    return check


def _given(value: Any, default: Any) -> bool:
    """`key:` with nothing means "use the default"; so does an empty text, list or group, unless the
    default is None (nothing): then "" is kept as written, as front matter always kept it."""
    if value is None:
        return False
    return default is None or not (value == "" or value == [] or value == {})


def kind_of(cls: type) -> Kind:
    """The schema kind of a declared dataclass."""
    return Group.of(cls).kind


def declared(cls: type) -> tuple[Declared, ...]:
    """The settings a dataclass declares, in order."""
    return Group.of(cls).settings


def build(cls: type[T], data: dict[str, Any] | None, /, **extra: Any) -> T:
    """The typed value of a checked group (works the declarations out again: for one-off use)."""
    return Group.of(cls).build(data, **extra)


def problem(path: tuple[str | int, ...], message: str, fix: str, *, key: bool = False) -> Problem:
    """A problem found by a group's `cross_check`, at `path` inside the group."""
    return Problem(path, message, fix, at_key=key)
