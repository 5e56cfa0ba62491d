"""Findings marked in place in a story's rendered text, for `serve`'s previews.

Each finding's start and end are put into the Markdown source as private-use characters, the
source is rendered by the same renderer the build uses, and the characters found in the text of
the HTML become a highlight (`<mark>`) followed by a note with the fix. A finding the renderer moved
into an attribute (a link's address) or cut out (a private note) is listed in the panel only. The
note says where and what to do, from the finding's message and fix: never the matched text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.model import Source
from generator.findings import Finding

_START, _END, _BASE = "\ue000", "\ue001", 0xE100  # marker, then the finding's number as one character
_MARKER = re.compile("([\ue000\ue001])([\ue100-\uefff])")
_STRAY = re.compile(
    "[\ue000\ue001][\ue100-\uefff]|%EE%80%8[01]%EE%(?:8[4-9A-F]|[9AB][0-9A-F])%[89AB][0-9A-F]", re.IGNORECASE
)
_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\w*")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|dd|dt|pre)>", re.IGNORECASE)
MAX_MARKS = 0xEFFF - _BASE


@dataclass(frozen=True)
class Mark:
    """One finding as a preview shows it."""

    number: int
    severity: str  # "error" or "warning"
    label: str  # what it means for the writer, in a word or two
    rule: str
    where: str  # "line 12, column 5" or "front matter, line 3"
    message: str
    fix: str
    anchor: str | None = None  # the id of its highlight in the text, when it could be placed

    @property
    def note_id(self) -> str:
        return f"impactsite-note-{self.number}"


def body_offset(source: Source, finding: Finding) -> int | None:
    """The finding's offset in `source.body`, or None when it is in the front matter."""
    if finding.line < source.body_line or finding.column < 1:
        return None
    lines = source.body.split("\n")
    index = finding.line - source.body_line
    if index >= len(lines):
        return None
    offset = sum(len(line) + 1 for line in lines[:index]) + finding.column - 1
    return min(offset, len(source.body))


def with_markers(source: Source, findings: Sequence[Finding]) -> str:
    """The body with a start and an end marker around each finding (numbered from 1, in order)."""
    inserts: list[tuple[int, int, str]] = []
    for number, f in enumerate(findings[:MAX_MARKS], 1):
        start = body_offset(source, f)
        if start is None:
            continue
        length = f.length if f.length > 0 else len(_WORD.match(source.body, start).group(0))  # type: ignore[union-attr]
        end = min(start + length, len(source.body))
        code = chr(_BASE + number)
        if end == start:  # nothing to highlight: the note goes at the point
            inserts.append((start, 1, _START + code + _END + code))
        else:
            inserts += [(start, 1, _START + code), (end, 0, _END + code)]
    body = source.body
    # From the end, so earlier offsets stay right; at one offset an end goes before a start.
    for offset, _, text in sorted(inserts, key=lambda t: (t[0], t[1]), reverse=True):
        body = body[:offset] + text + body[offset:]
    return body


def place(rendered: str, marks: dict[int, Mark]) -> tuple[str, set[int]]:
    """Turn the markers in rendered HTML into highlights, and put each one's note at the end of its
    paragraph (or list item, heading, cell), so the sentence reads on; (html, numbers placed)."""
    out: list[str] = []
    open_marks: list[int] = []  # highlights open across tags: closed before a tag, reopened after
    placed: set[int] = set()
    pending: list[int] = []  # notes waiting for the end of their block
    for token in _TAG.split(rendered):
        if not token:
            continue
        if token.startswith("<"):
            out.append("</mark>" * len(open_marks))
            if _BLOCK_END.match(token):  # a highlight never runs past the end of its block
                pending += [n for n in open_marks if n not in pending]
                open_marks = []
                out.extend(_note(marks[n]) for n in pending)
                pending = []
            out.append(_STRAY.sub("", token))  # a marker inside an attribute: listed in the panel only
            continue
        out.extend(_open_tag(marks[n], first=False) for n in open_marks)
        pos = 0
        for m in _MARKER.finditer(token):
            out.append(token[pos : m.start()])
            pos = m.end()
            number = ord(m.group(2)) - _BASE
            mark = marks.get(number)
            if mark is None:
                continue
            if m.group(1) == _START and number not in placed:
                placed.add(number)
                open_marks.append(number)
                out.append(_open_tag(mark, first=True))
            elif m.group(1) == _END and number in open_marks:
                # close the highlights opened after it, then it, then reopen the others
                inner = open_marks[open_marks.index(number) + 1 :]
                out.append("</mark>" * (len(inner) + 1))
                open_marks.remove(number)
                pending.append(number)
                out.extend(_open_tag(marks[n], first=False) for n in inner)
        out.append(token[pos:])
        out.append("</mark>" * len(open_marks))
    pending += [n for n in open_marks if n not in pending]  # an end the renderer cut off
    out.extend(_note(marks[n]) for n in pending)
    return "".join(out), placed


def _open_tag(mark: Mark, *, first: bool) -> str:
    classes = f"impactsite-mark impactsite-{mark.severity}"
    if not first:
        return f'<mark class="{classes}">'
    return (
        f'<mark class="{classes}" id="impactsite-problem-{mark.number}" tabindex="-1" '
        f'aria-describedby="{mark.note_id}"><span class="impactsite-visually-hidden">'
        f"Problem {mark.number} starts: </span>"
    )


def _note(mark: Mark) -> str:
    fix = f' <span class="impactsite-fix">Fix: {html.escape(mark.fix)}</span>' if mark.fix else ""
    return (
        f'<span class="impactsite-note impactsite-{mark.severity}" id="{mark.note_id}" role="note">'
        f'<span class="impactsite-tag">{mark.number}. {html.escape(mark.label)}</span> '
        f"{html.escape(mark.message)}{fix}</span>"
    )
