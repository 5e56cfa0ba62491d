"""Safe YAML loading that remembers where every value came from.

PyYAML's composer (libyaml when available) gives nodes with marks; we build plain Python values from
them ourselves so that each value's line and column survive, and so that we can refuse what a safe
content file never needs: aliases (the "billion laughs" memory bomb), merge keys, custom tags that
construct objects, duplicate keys and absurd nesting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is ~7x faster; fall back to the pure loader where it is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]

MAX_DEPTH = 40
MAX_BYTES = 512 * 1024

_ALLOWED_SCALAR_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    }
)


class YamlProblem(Exception):
    """A located problem in a YAML text; line and column are 1-based and already offset."""

    def __init__(self, line: int, column: int, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Located:
    """Plain data plus the position of every value (and every mapping key) in it."""

    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        table = self.key_marks if key else self.marks
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in self.key_marks:
                return self.key_marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))


class _Builder:
    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.marks: dict[Path, tuple[int, int]] = {}
        self.key_marks: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlProblem(*self.pos(node), "the YAML is nested too deeply", "flatten the structure")
        if id(node) in self.seen:
            raise YamlProblem(
                *self.pos(node),
                "YAML anchors and aliases (&name / *name) are not allowed",
                "write the value out in full where it is needed",
            )
        self.seen.add(id(node))
        self.marks[path] = self.pos(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _ALLOWED_SCALAR_TAGS:
                raise YamlProblem(
                    *self.pos(node), _tag_message(node.tag), "remove the tag and write a plain value"
                )
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                raise YamlProblem(
                    *self.pos(node), f"this value cannot be read: {exc}", "check its format"
                ) from None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise YamlProblem(
                    *self.pos(node), _tag_message(node.tag), "remove the tag and write a plain list"
                )
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise YamlProblem(
                    *self.pos(node),
                    _tag_message(node.tag),
                    "remove the tag and write plain `name: value` lines",
                )
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlProblem(
                        *self.pos(key_node),
                        "YAML merge keys (<<) are not allowed",
                        "write the keys out in full",
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlProblem(
                        *self.pos(key_node), "a key must be a plain word", "write `name: value`"
                    )
                key = str(key_node.value)
                if key in result:
                    line, col = self.pos(key_node)
                    first = self.key_marks.get(path + (key,), (0, 0))[0]
                    raise YamlProblem(
                        line,
                        col,
                        f'the key "{key}" appears twice (first on line {first})',
                        "keep only one of them",
                    )
                self.key_marks[path + (key,)] = self.pos(key_node)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise YamlProblem(*self.pos(node), "unsupported YAML", "")  # pragma: no cover


def _tag_message(tag: str) -> str:
    return f"the YAML tag {tag.replace('tag:yaml.org,2002:', '!!')} is not allowed"


def load_yaml(text: str, *, line_offset: int = 0) -> Located:
    """Parse one YAML document safely; raise YamlProblem with a located, plain-language message."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise YamlProblem(1 + line_offset, 1, "the YAML is too large (over 512 KB)", "split it or shorten it")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        flow = _explain_flow(exc, text)
        if flow is not None:
            message, fix, mark = flow
        else:
            message, fix = _explain(exc, text, mark)
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        raise YamlProblem(line, col, message, fix) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1 + line_offset, 1, f"the YAML cannot be read: {exc}", "check the syntax") from None
    except RecursionError:  # the pure-Python composer (no libyaml) recurses per nesting level
        raise YamlProblem(
            1 + line_offset, 1, "the YAML is nested too deeply", "flatten the structure"
        ) from None
    if node is None:
        return Located(None)
    builder = _Builder(line_offset)
    data = builder.build(node, (), 0)
    return Located(data, builder.marks, builder.key_marks)


def _explain_flow(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str, Any] | None:
    """A bracket or quote that is never closed (PyYAML notices only lines later, so the message
    points back at where it was opened), or an item inside [ ] or { } that cannot be read."""
    context, opened = exc.context or "", exc.context_mark
    if opened is None:
        return None
    if "quoted scalar" in context and "end of stream" in (exc.problem or ""):
        return (
            "this quotation mark is never closed",
            "add the closing quotation mark at the end of the value",
            opened,
        )
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    start, end = ("[", "]") if "flow sequence" in context else ("{", "}")
    depth = 0
    for char in text[opened.index :]:
        depth += (char == start) - (char == end)
        if depth == 0:
            return (
                f"an item inside {start} {end} cannot be read",
                "put quotes around any item that has a colon, comma or bracket in it",
                exc.problem_mark or opened,
            )
    return (
        f"this {start} is never closed",
        f"add the closing {end}, or put the whole value in quotes if the {start} is part of the text",
        opened,
    )


def _explain(exc: yaml.MarkedYAMLError, text: str, mark: Any) -> tuple[str, str]:
    problem = (exc.problem or exc.context or "syntax error").strip()
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "\\t" in problem or "\t" in bad_line[: (mark.column + 1) if mark is not None else 0]:
        return "a tab character is used for indentation", "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return (
            "a colon inside a value confuses YAML",
            'put the whole value in double quotes, e.g. title: "Rescue: what happened next"',
        )
    if "could not find expected ':'" in problem:
        return (
            "a line is missing its colon or is indented wrongly",
            "write `name: value`, indented like its neighbours",
        )
    if "escape" in problem or "hexdecimal" in problem or "hexadecimal" in problem:
        return (
            "a backslash (\\) inside double quotes starts an escape such as \\n, and this one is not valid",
            "put the value in single quotes instead, or write \\\\ for each backslash",
        )
    if "maximum nesting depth" in problem:
        return "the YAML is nested too deeply", "flatten the structure"
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return "YAML anchors and aliases (&name / *name) are not allowed", "write the value out in full"
    if "did not find expected" in problem or "expected <block end>" in problem:
        return "the indentation does not line up", "indent list items and keys consistently with spaces"
    return f"the YAML cannot be read ({problem})", "check the line for a missing colon, quote or bracket"


def is_datetime_with_offset(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None
