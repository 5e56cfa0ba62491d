"""The one normalisation every check reads text through (generator/safety/normalise.py)."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.safety import lookalikes
from generator.safety.normalise import build_lookalikes, normalise, unstable_characters


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Pri\u00adya", "Priya"),  # soft hyphen, typed
        ("Pri&shy;ya", "Priya"),  # … and as an entity
        ("Pri&#173;ya Pri&#xAD;ya", "Priya Priya"),
        ("Pri\u200bya", "Priya"),  # zero-width space
        ("Pri\u200dya", "Priya"),  # zero-width joiner
        ("Pri\u2060ya", "Priya"),  # word joiner
        ("Pri\u202eya\u202c", "Priya"),  # bidi override and pop
        ("Pri\ufe0fya", "Priya"),  # variation selector
        ("Priy\u0430", "Priya"),  # Cyrillic a
        ("\u03a1riya", "Priya"),  # Greek capital rho
        ("\u0420\u0420", "PP"),  # a word made only of look-alikes
        ("ＰＲＩＹＡ", "PRIYA"),  # fullwidth
        ("𝐏𝐫𝐢𝐲𝐚", "Priya"),  # mathematical bold
        ("luc%C3%ADa-fern%C3%A1ndez", "lucía-fernández"),  # percent-encoded UTF-8
        ("cafe\u0301", "café"),  # a separate accent joins its letter
        ("Fish &amp; Chips", "Fish & Chips"),
    ],
)
def test_what_the_checks_read(typed: str, read: str) -> None:
    assert normalise(typed).text == read


@pytest.mark.parametrize(
    "kept",
    [
        "Мария",  # a Russian name is Cyrillic, not a disguise
        "Αθήνα",  # Greek
        "प्रिया",  # Devanagari keeps its own joiners? no: only letters are checked here
        "100% of 50%",  # a lone percent sign is not an encoding
        "%ZZ and &nosuchentity; stay",
        "Rock & Roll",
    ],
)
def test_text_that_is_not_disguised_stays(kept: str) -> None:
    assert normalise(kept).text == kept


def test_offsets_lead_back_to_what_the_writer_typed() -> None:
    typed = "Ask Pri&shy;ya at luc%C3%ADa."
    n = normalise(typed)
    start = n.text.index("Priya")
    s, e = n.span(start, start + len("Priya"))
    assert typed[s:e] == "Pri&shy;ya"
    start = n.text.index("lucía")
    s, e = n.span(start, start + len("lucía"))
    assert typed[s:e] == "luc%C3%ADa"


@given(st.text())
def test_every_character_comes_from_somewhere(text: str) -> None:
    n = normalise(text)
    origins = [n.origin(i) for i in range(len(n.text) + 1)]
    assert all(0 <= o <= len(text) for o in origins)
    assert origins == sorted(origins)


def test_the_lookalike_table_is_what_the_library_says() -> None:
    table = build_lookalikes()
    path = pathlib.Path(lookalikes.__file__)
    if os.environ.get("UPDATE_LOOKALIKES"):
        head = path.read_text(encoding="utf-8").split("TABLE:")[0]
        body = "".join(f"    {k!a}: {v!r},\n" for k, v in table.items())
        path.write_text(head + "TABLE: dict[str, str] = {\n" + body + "}\n# fmt: on\n", encoding="utf-8")
    assert lookalikes.TABLE == table, "regenerate with UPDATE_LOOKALIKES=1"


def test_the_unstable_characters_are_what_this_python_says() -> None:
    """normalise() skips text with none of these; a new Unicode version may add some."""
    assert list(lookalikes.UNSTABLE) == unstable_characters(), (
        "a new Unicode version: regenerate lookalikes.py"
    )
