"""One declaration per setting: a dataclass field gives the schema, the checks, the converter and the docs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from generator.config.declare import build, kind_of, problem, setting
from generator.config.schema import Problem, validate


def _short(value: str, label: str) -> tuple[str, str] | None:
    return (f"{label} is too short", "write more") if len(value) < 3 else None


@dataclass(frozen=True)
class Item:
    noun: ClassVar[str] = "an item"
    name: str = setting(help="its name", check=_short)
    size: int = setting(1, "how big", at_least=1)


@dataclass(frozen=True)
class Group:
    noun: ClassVar[str] = "the group"
    when: dt.date = setting(help="a day")
    colour: Literal["red", "blue"] = setting("red", "a colour")
    tags: tuple[str, ...] = setting((), "some words", convert=str.lower)
    items: tuple[Item, ...] = setting((), "the items")
    extra: Item | None = setting(None, "one more item")
    words: dict[str, str] = setting({}, "texts by key", keys=("a", "b"))
    renamed: bool = setting(False, "read from `on`", key="on")
    not_a_setting: str = "kept"

    @staticmethod
    def cross_check(data: dict[str, Any]) -> list[Problem]:
        if data.get("colour") == "blue" and not data.get("extra"):
            return [problem(("colour",), "a blue group needs an extra item", "add extra:")]
        return []


def messages(data: Any) -> list[tuple[tuple[Any, ...], str, str]]:
    return [(p.path, p.message, p.fix) for p in validate(data, kind_of(Group))]


def test_a_group_is_built_with_its_defaults_and_conversions() -> None:
    data = {"when": dt.date(2026, 1, 2), "tags": ["A", "B"], "items": [{"name": "abc"}], "on": True}
    group = build(Group, data)
    assert group == Group(
        when=dt.date(2026, 1, 2), tags=("a", "b"), items=(Item("abc", 1),), renamed=True, not_a_setting="kept"
    )
    assert messages(data) == []
    assert build(Group, {"when": dt.date(2026, 1, 2), "extra": {"name": "xyz", "size": 3}}).extra == Item(
        "xyz", 3
    )


def test_every_problem_is_found_in_one_pass_with_its_path() -> None:
    data = {
        "colour": "blue",
        "tags": "one",
        "items": [{"name": "ab", "size": 0}, {"nam": "abc"}, {"size": 2}],
        "words": {"c": "x"},
        "onn": True,
    }
    assert messages(data) == [
        (("tags",), "tags must be a list of text", 'write it as a list, e.g. ["some words"]'),
        (("items", 0, "name"), "items[1].name is too short", "write more"),
        (("items", 0, "size"), "items[1].size must be at least 1", "set size: 1"),
        (
            ("items", 1, "nam"),
            'unknown field "nam" in items[2]',
            'did you mean "name"?',
        ),  # not also "required"
        (("items", 2), '"name" is required in items[3]', 'add `name: "some words"` (its name)'),
        (("words", "c"), 'unknown field "c" in words', "allowed: a, b"),
        (("onn",), 'unknown field "onn" in the group', 'did you mean "on"?'),
        ((), '"when" is required in the group', "add `when: 2026-03-02` (a day)"),
        (("colour",), "a blue group needs an extra item", "add extra:"),
    ]


def test_a_value_of_the_wrong_type_is_not_checked_further() -> None:
    assert messages({"when": "soon", "items": [{"name": 5}], "colour": "green"}) == [
        (("when",), 'when must be a date, not "soon"', "write e.g. when: 2026-03-02"),
        (("items", 0, "name"), "items[1].name must be text, not 5", 'write e.g. name: "some words"'),
        (("colour",), 'colour must be one of red, blue, not "green"', "write e.g. colour: red"),
    ]


def test_a_misspelt_required_key_is_one_problem_and_an_unrelated_one_is_two() -> None:
    assert messages({"whn": dt.date(2026, 1, 2)}) == [
        (("whn",), 'unknown field "whn" in the group', 'did you mean "when"?'),
    ]
    assert messages({"xyz": dt.date(2026, 1, 2)}) == [
        (
            ("xyz",),
            'unknown field "xyz" in the group',
            "allowed: colour, extra, items, on, tags, when, words",
        ),
        ((), '"when" is required in the group', "add `when: 2026-03-02` (a day)"),
    ]
