"""Safe YAML with positions: everything a content file never needs is refused, with a located message."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.yamlload import MAX_DEPTH, YamlProblem, is_datetime_with_offset, load_yaml


def problem(text: str, **kw: int) -> tuple[int, int, str, str]:
    with pytest.raises(YamlProblem) as exc:
        load_yaml(text, **kw)
    p = exc.value
    return p.line, p.column, p.message, p.fix


def test_values_keep_the_position_of_each_value_and_key() -> None:
    located = load_yaml("title: Hello\npeople:\n  - name: Mona\n    role: survivor\n", line_offset=1)
    assert located.data == {"title": "Hello", "people": [{"name": "Mona", "role": "survivor"}]}
    assert located.where(("title",)) == (2, 8)
    assert located.where(("title",), key=True) == (2, 1)
    assert located.where(("people", 0, "role")) == (5, 11)
    assert located.where(("people", 0)) == (4, 5)
    assert located.where(("people", 0, "role"), key=True) == (5, 5)


def test_where_falls_back_to_the_nearest_ancestor() -> None:
    located = load_yaml("people:\n  - name: Mona\n")
    assert located.where(("people", 0, "minor")) == (2, 5)  # not there: its person
    assert located.where(("nothing", "here")) == (1, 1)


def test_dates_and_datetimes_with_offsets_are_typed() -> None:
    data = load_yaml("d: 2026-03-02\nt: 2026-03-05T09:00:00+05:30\nn: 2026-03-05T09:00:00\n").data
    assert data["d"] == dt.date(2026, 3, 2)
    assert is_datetime_with_offset(data["t"]) and data["t"].utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert not is_datetime_with_offset(data["n"])


def test_an_empty_document_is_none() -> None:
    assert load_yaml("").data is None
    assert load_yaml("# only a comment\n").data is None


def test_aliases_are_refused_so_billion_laughs_cannot_expand() -> None:
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    line, column, message, fix = problem(laughs)
    assert (line, column) == (1, 4)  # the anchored value: the composer shares one node for every alias
    assert message == "YAML anchors and aliases (&name / *name) are not allowed"
    assert fix == "write the value out in full where it is needed"


def test_a_lone_anchor_used_once_is_allowed_but_an_undefined_alias_is_refused() -> None:
    assert load_yaml("a: &x 1\n").data == {"a": 1}
    assert problem("a: *missing\n")[2] == "YAML anchors and aliases (&name / *name) are not allowed"


def test_merge_keys_are_refused() -> None:
    assert problem("base: {a: 1}\nother:\n  <<: {b: 2}\n") == (
        3,
        3,
        "YAML merge keys (<<) are not allowed",
        "write the keys out in full",
    )


def test_duplicate_keys_name_both_lines() -> None:
    assert problem("title: A\nsummary: s\ntitle: B\n", line_offset=1) == (
        4,
        1,
        'the key "title" appears twice (first on line 2)',
        "keep only one of them",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: !!python/object/apply:os.system ['echo hi']\n",
            "the YAML tag !!python/object/apply:os.system is not allowed",
        ),
        ("a: !!python/name:os.system ''\n", "the YAML tag !!python/name:os.system is not allowed"),
        ("a: !!python/tuple [1, 2]\n", "the YAML tag !!python/tuple is not allowed"),
        ("a: !!set {x}\n", "the YAML tag !!set is not allowed"),
        ("a: !!binary aGk=\n", "the YAML tag !!binary is not allowed"),
        ("a: !custom 1\n", "the YAML tag !custom is not allowed"),
    ],
)
def test_tags_that_construct_objects_are_refused(text: str, message: str) -> None:
    line, column, got, fix = problem(text)
    assert (line, column, got) == (1, 4, message)
    assert fix.startswith("remove the tag")


def test_standard_scalar_tags_are_fine() -> None:
    assert load_yaml("a: !!str 2026\nb: !!int '3'\n").data == {"a": "2026", "b": 3}


def test_tabs_used_for_indentation_are_explained() -> None:
    assert problem("people:\n\t- name: Mona\n", line_offset=1) == (
        3,
        1,
        "a tab character is used for indentation",
        "indent with spaces, not tabs",
    )


def test_a_colon_inside_a_value_is_explained() -> None:
    line, column, message, fix = problem("title: Rescue: what happened\n")
    assert (line, column, message) == (1, 14, "a colon inside a value confuses YAML")
    assert fix == 'put the whole value in double quotes, e.g. title: "Rescue: what happened next"'


def test_an_unreadable_value_is_located() -> None:
    assert problem("date: 2026-13-45\n") == (
        1,
        7,
        "this value cannot be read: month must be in 1..12",
        "check its format",
    )


def test_a_key_must_be_a_plain_word() -> None:
    assert problem("? [a, b]\n: c\n")[:3] == (1, 3, "a key must be a plain word")


def test_huge_documents_are_refused_before_parsing() -> None:
    assert problem("a: " + "x" * (513 * 1024) + "\n", line_offset=1) == (
        2,
        1,
        "the YAML is too large (over 512 KB)",
        "split it or shorten it",
    )


def test_deep_nesting_is_refused() -> None:
    nested = "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)
    assert problem(nested)[2:] == ("the YAML is nested too deeply", "flatten the structure")
    assert load_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH).data is not None


def test_nesting_deeper_than_the_parser_allows_gets_the_same_message() -> None:
    assert problem("[" * 100_000)[2:] == ("the YAML is nested too deeply", "flatten the structure")


def test_line_offset_moves_syntax_errors_too() -> None:
    assert problem("title: [unclosed\n", line_offset=1)[:2] == (2, 8)  # the unclosed bracket


@given(st.text(max_size=200))
def test_any_text_either_loads_or_gives_a_located_problem(text: str) -> None:
    try:
        load_yaml(text, line_offset=1)
    except YamlProblem as p:
        assert p.line >= 2 and p.column >= 1 and p.message
