"""The keyed-hash denylist: normalisation, n-gram matching, the key check, and no plaintext on disk."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import UsageError
from generator.safety.denylist_store import (
    HEADER,
    Matcher,
    add_term,
    load_denylist,
    normalise,
    tokens_with_spans,
)

KEY = b"test-key-1"


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Sunita Devi", "sunita devi"),
        ("  SUNITA\n\t devi ", "sunita devi"),
        ("Sunítá Dêvi", "sunita devi"),
        ("Ｓｕｎｉｔａ", "sunita"),
        ("O'Brien-Smith", "o brien smith"),
        ("snake_case", "snake case"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_folds_case_accents_spacing_and_punctuation(text: str, normal: str) -> None:
    assert normalise(text) == normal


def test_tokens_keep_their_spans_in_the_original() -> None:
    assert tokens_with_spans("Hi  Sunítá!") == [("hi", 0, 2), ("sunita", 4, 10)]


def denylist(tmp_path: pathlib.Path, *terms: str, key: bytes = KEY) -> Matcher:
    path = tmp_path / "safety" / "denylist.txt"
    for term in terms:
        add_term(path, term, key)
    return Matcher(load_denylist(path), key)


def test_terms_are_found_whatever_their_case_accents_or_spacing(tmp_path: pathlib.Path) -> None:
    m = denylist(tmp_path, "Sunita Devi", "Rampur")
    text = "She met SUNÍTA\n   devi near rampur."
    assert [text[a:b] for a, b in m.find(text)] == ["SUNÍTA\n   devi", "rampur"]


def test_only_whole_words_and_whole_phrases_match(tmp_path: pathlib.Path) -> None:
    m = denylist(tmp_path, "Sunita Devi", "Ram")
    assert m.find("Sunita and Devi; Rampur; Ramesh; program") == []
    assert m.find("Sunita, Devi") != []  # punctuation between words is folded like spacing


def test_an_empty_denylist_finds_nothing(tmp_path: pathlib.Path) -> None:
    m = Matcher(load_denylist(tmp_path / "missing.txt"), KEY)
    assert len(m.denylist) == 0 and m.find("anything at all") == [] and m.key_matches()


def test_the_wrong_key_is_detected(tmp_path: pathlib.Path) -> None:
    denylist(tmp_path, "Sunita Devi")
    wrong = Matcher(load_denylist(tmp_path / "safety" / "denylist.txt"), b"another-key")
    assert not wrong.key_matches()
    assert wrong.find("Sunita Devi") == []  # why the check exists: a wrong key would silently find nothing
    assert Matcher(load_denylist(tmp_path / "safety" / "denylist.txt"), KEY).key_matches()


def test_add_term_never_writes_the_term(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "safety" / "denylist.txt"
    assert add_term(path, "Sunita Devi", KEY) == (True, 1)
    assert add_term(path, "Rampur Village", KEY) == (True, 2)
    text = path.read_text(encoding="utf-8")
    for word in ("sunita", "devi", "rampur", "village"):
        assert word not in text.lower()
    lines = text.splitlines()
    assert lines[0] == HEADER and lines[1].startswith("check ") and len(lines) == 4
    assert all(line.split()[0] == "2" and len(line.split()[1]) == 64 for line in lines[2:])
    assert not list(path.parent.glob("*.tmp"))


def test_adding_a_term_twice_or_in_another_spelling_changes_nothing(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "denylist.txt"
    add_term(path, "Sunita Devi", KEY)
    before = path.read_bytes()
    assert add_term(path, "  sunítá   DEVI ", KEY) == (False, 1)
    assert path.read_bytes() == before


def test_add_term_refuses_a_different_key(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "denylist.txt"
    add_term(path, "Sunita Devi", KEY)
    with pytest.raises(
        UsageError,
        match="^IMPACTSITE_DENYLIST_KEY is not the key this denylist was made with; nothing was added$",
    ):
        add_term(path, "Rampur", b"another-key")
    assert len(load_denylist(path)) == 1


def test_add_term_refuses_an_empty_term(tmp_path: pathlib.Path) -> None:
    with pytest.raises(UsageError, match="^the term is empty after removing punctuation; nothing was added$"):
        add_term(tmp_path / "denylist.txt", " -- ", KEY)
    assert not (tmp_path / "denylist.txt").exists()


def test_a_hand_edited_denylist_is_refused_with_its_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "denylist.txt"
    add_term(path, "Sunita Devi", KEY)
    path.write_text(path.read_text() + "Sunita Devi\n")
    with pytest.raises(UsageError) as exc:
        load_denylist(path)
    assert (
        str(exc.value)
        == f"{path}:4: this line is not a denylist entry; the file must only be changed with `impactsite redact add`"
    )


def test_phrases_record_their_first_word_so_scans_hash_only_where_a_phrase_can_start(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "denylist.txt"
    add_term(path, "Sunita Devi", KEY)
    add_term(path, "Rampur", KEY)
    fields = sorted(len(line.split()) for line in path.read_text().splitlines()[2:])
    assert fields == [2, 3]  # the single word needs no first-word record
    assert "sunita" not in path.read_text().lower()


def test_entries_written_without_first_word_records_still_match(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "denylist.txt"
    add_term(path, "Sunita Devi", KEY)
    add_term(path, "Rampur Village Road", KEY)
    lines = path.read_text().splitlines()
    path.write_text(
        "\n".join(lines[:2] + [" ".join(line.split()[:2]) for line in lines[2:]]) + "\n"
    )  # the older format
    m = Matcher(load_denylist(path), KEY)
    text = "From rampur village road, sunita devi and Sunita Devi."
    assert [text[a:b] for a, b in m.find(text)] == ["rampur village road", "sunita devi", "Sunita Devi"]


def test_a_combining_accent_typed_on_its_own_still_matches(tmp_path: pathlib.Path) -> None:
    m = denylist(tmp_path, "Renu Devi")
    text = "She is Re\u0301nu Devi."  # "é" typed as e + a combining acute: one word once normalised
    assert [text[a:b] for a, b in m.find(text)] == ["Re\u0301nu Devi"]  # composed first, so placed exactly


def test_phrases_at_the_end_repeated_or_overlapping_are_all_found(tmp_path: pathlib.Path) -> None:
    m = denylist(tmp_path, "Devi", "Sunita Devi", "Devi Devi")
    text = "sunita devi devi sunita devi"
    spans = [text[a:b] for a, b in m.find(text)]
    assert spans == ["sunita devi", "devi", "devi devi", "devi", "sunita devi", "devi"]


WORDS = ["sunita", "devi", "rampur", "road", "the", "of", "Sunítá", "DEVI"]


@settings(max_examples=200, deadline=None)
@given(
    terms=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=1, max_size=4),
    text=st.lists(st.sampled_from(WORDS + [",", "\n", " - "]), max_size=30),
)
def test_the_prefiltered_scan_finds_exactly_what_hashing_every_phrase_finds(
    terms: list[list[str]], text: list[str]
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "denylist.txt"
        for term in terms:
            add_term(path, " ".join(term), KEY)
        m = Matcher(load_denylist(path), KEY)
        body = " ".join(text)
        words = normalise(body).split()
        listed = {(n, h) for n, h in m.denylist.entries}
        expected = set()
        toks = tokens_with_spans(body)
        for n in m.lengths:
            for i in range(len(words) - n + 1):
                if (n, m.digest(" ".join(words[i : i + n]))) in listed:
                    expected.add((toks[i][1], toks[i + n - 1][2]))
        assert m.find(body) == sorted(expected)


@given(st.text())
def test_tokens_with_spans_are_exactly_the_normalised_words(text: str) -> None:
    """Hits are placed word by word only if this holds; otherwise a hit covers the whole text."""
    assert [t[0] for t in tokens_with_spans(text)] == normalise(text).split()


def test_ascii_terms_hash_exactly_as_before_so_existing_denylists_keep_matching(
    tmp_path: pathlib.Path,
) -> None:
    import hashlib
    import hmac

    path = tmp_path / "d.txt"
    add_term(path, "Sunita  DEVI", KEY)
    before = hmac.new(KEY, b"sunita devi", hashlib.sha256).hexdigest()  # what every earlier version wrote
    assert (2, before) in load_denylist(path).entries
