"""The safety checks' shortcuts find exactly what the plain searches they replace find.

To keep the per-story checks cheap, generator/safety skips work that cannot change a finding: a
pattern is not searched when a word every match holds is absent (a prefilter), is tried only where a
match can start (at a digit, where a word starts), or is written so that `re` can skip ahead to the
characters that can start it. Each test here puts a shortcut next to the plain code on generated text
made of what matters to it (the words the pattern looks for, digits of several scripts, the three
characters that re.IGNORECASE and str.lower() treat differently, markup, any character at all) and
asserts that no shortcut ever hides a match the plain search would find, or finds a different one.
The first tests check, over every code point, the facts about Python's `re` and `str` the
shortcuts rely on.
"""

from __future__ import annotations

import functools
import re
import string
import sys
from collections.abc import Iterator
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.safety import images, jigsaw, placeholders, private, relatives
from generator.safety.detect import (
    idwords,
    scan_addresses,
    scan_contacts,
    scan_places,
    scan_records,
    scanbase,
)

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
# Characters that make the difference somewhere: digits of other scripts, the letters case folding
# treats apart (İ ı ſ K), a non-ASCII letter, whitespace that is not ASCII, quotes, markup.
COMMON = (
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "\u00a0",
    "\x1c",
    ".",
    ",",
    "-",
    "'",
    "’",
    "_",
    "/",
    ":",
    "?",
    "!",
    "#",
    "*",
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "@",
    "`",
    "1",
    "2",
    "7",
    "12",
    "٣",
    "०",
    "１",
    "²",
    "İ",
    "ı",
    "ſ",
    "K",
    "é",
    "A",
    "a",
    "x",
    "The ",
    "the ",
)
EXAMPLES = settings(max_examples=400, deadline=None)


SEPARATORS = (" ", " ", " ", "", "  ", "\n", "\n\n", ", ", ". ", "-", "\t")


def texts(*pieces: str) -> st.SearchStrategy[str]:
    """Text made of `pieces`, the COMMON characters and any character at all, mostly separated as words are."""
    piece = st.sampled_from(pieces) | st.sampled_from(COMMON) | st.characters()
    return st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=30).map(
        lambda ps: "".join(a + b for a, b in ps)
    )


def spans(matches: Iterator[re.Match[str]] | list[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


# ---------------------------------------------------------------- what the shortcuts rely on


def test_case_folding_differs_from_lower_only_for_the_listed_characters() -> None:
    """re.IGNORECASE matches a non-ASCII character to an ASCII letter only when str.lower() gives that
    letter, except for scanbase.FOLD_EXCEPTIONS; and no character lowers to nothing."""
    folded = re.findall("[a-z]", EVERY_CHARACTER[128:], re.IGNORECASE)
    odd = {c for c in folded if not (len(c.lower()) == 1 and c.lower() in string.ascii_lowercase)}
    assert odd == set(scanbase.FOLD_EXCEPTIONS)
    assert min(len(c.lower()) for c in EVERY_CHARACTER) == 1


def test_character_classes_are_the_str_predicates() -> None:
    """\\d is str.isdecimal, \\w is str.isalnum or "_", \\s is str.isspace; a character that lowers to one
    character keeps whether it is a decimal digit; the ASCII whitespace is what placeholders deletes."""
    assert re.findall(r"\d", EVERY_CHARACTER) == [c for c in EVERY_CHARACTER if c.isdecimal()]
    assert re.findall(r"\w", EVERY_CHARACTER) == [c for c in EVERY_CHARACTER if c.isalnum() or c == "_"]
    assert re.findall(r"\s", EVERY_CHARACTER) == [c for c in EVERY_CHARACTER if c.isspace()]
    assert all(c.lower().isdecimal() == c.isdecimal() for c in EVERY_CHARACTER if len(c.lower()) == 1)
    ascii_space = {c for c in EVERY_CHARACTER[:128] if c.isspace()}
    assert ascii_space == set(placeholders._NOT_COUNTED.decode()) - set("*_>#`.!")


# ---------------------------------------------------------------- scanbase


@EXAMPLES
@given(texts("abc", "ABC", "Kk", "z{", "`a"))
def test_words_of_is_the_ascii_words_of_the_lowered_text(text: str) -> None:
    assert scanbase.words_of.__wrapped__(text) == frozenset(re.findall("[a-z]+", text.lower()))


@EXAMPLES
@given(texts("٣٤", "०१", "𝟕", "?", "??", "9?9", "٣" * 40, "?" * 40))
def test_digit_runs_are_the_runs_of_decimal_digits(text: str) -> None:
    assert scanbase.digit_runs(text) == tuple(m.span() for m in re.finditer(r"\d+", text))


@EXAMPLES
@given(texts("todo", "TODO", "tK", "xxx", "fixme", "FİXME", "tbd", "tbc", "lorem", "LOREM", "loreM ipſum"))
def test_may_contain_never_misses_a_case_insensitive_word(text: str) -> None:
    words = placeholders._MARKER_HINTS
    if any(re.search(w, text, re.IGNORECASE) for w in words):
        assert scanbase.may_contain(text, words)


@EXAMPLES
@given(texts("12/3", "4-5", "7a", "3rd", "21st", "2 nd", "5th ", "9 / 1", "٣/٤", "٣rd"))
def test_search_at_digits_is_search(text: str) -> None:
    t = scanbase.Text(text, "body")
    for pattern in (scan_addresses._STREET_NUMBER_HINT, scan_addresses._ORDINAL):
        found, plain = scanbase.search_at_digits(t, pattern), pattern.search(text)
        assert (found and found.span()) == (plain and plain.span())


# ---------------------------------------------------------------- placeholders, private, images


@EXAMPLES
@given(
    texts(
        "TODO",
        "todo",
        "TK",
        "TKTK",
        "XXXX",
        "FIXME",
        "FİXME",
        "TBD",
        "TBC",
        "lorem ipsum",
        "Lorem\nIpſum",
        "-TODO",
    )
)
def test_marker_prefilter_hides_no_marker(text: str) -> None:
    assert spans(placeholders._markers(text)) == spans(placeholders._MARKERS.finditer(text))


@EXAMPLES
@given(texts("#", "##", "### ", "#######", "\n#", "\n## Title", "## #", "# x #"))
def test_headings_are_found_at_line_starts(text: str) -> None:
    assert spans(placeholders._headings(text)) == spans(placeholders._HEADING.finditer(text))


@EXAMPLES
@given(
    texts(
        "test",
        "Test",
        "TEST",
        "testing",
        "placeholder",
        "text here",
        "asdf",
        "tbd",
        "tk",
        "xxx",
        "**",
        "> ",
        "`",
        "!",
        "\x1f",
        "\u2003",
        "abcdefghijkl",
    )
)
def test_filler_length_gate_keeps_every_filler(text: str) -> None:
    para = text.strip()
    if placeholders._too_long_for_filler(para):
        assert placeholders._MARKUP_CHARS.sub("", para).strip().lower() not in placeholders._FILLER


@EXAMPLES
@given(
    texts(
        "<",
        "< script",
        "<IMG",
        "javascript:",
        "JAVASCRİPT:",
        "javaſcript:",
        "t:",
        "T:",
        "<b hidden>",
        "<i style=x>",
        "![",
        "![a](b)",
        "<img",
        "< img",
    )
)
def test_html_prefilters_hide_no_tag(text: str) -> None:
    if not any(h in text for h in private._DANGEROUS_HINTS):
        assert private._DANGEROUS.search(text) is None and private._START_TAG.search(text) is None
    if "![" not in text and "<" not in text:
        assert images._BODY_IMAGE.search(text) is None


# ---------------------------------------------------------------- contacts and places


def plain_links(low: str) -> list[tuple[int, int, str, str]]:
    """scan_contacts.find_links as plain code: every run of domain characters, not only those with a dot
    followed by a letter."""
    out: list[tuple[int, int, str, str]] = []
    for run in re.finditer(r"[a-z0-9.\-]+", low):
        left, right = run.span()
        if (left > 0 and low[left - 1] == "@") or (out and left < out[-1][1]):
            continue  # an e-mail address's domain; a part of the last link's path
        entry = scan_contacts.link_host(low[left:right].strip(".-").removeprefix("www."))
        path = re.compile(r"/[^\s)\]>\"'<]*").match(low, right)
        if entry is None or path is None:
            continue
        rest = path.group(0).rstrip(".,;:!?")
        if not rest.strip("/") or not rest.startswith(entry[1]):
            continue
        scheme = re.search(r"https?://$", low[max(0, left - 8) : left])
        out.append(
            (left - (len(scheme.group(0)) if scheme else 0), right + len(rest), entry[0], rest.strip("/"))
        )
    return out


@EXAMPLES
@given(
    texts(
        *scan_contacts.LINK_HOSTS,
        "www.",
        "https://",
        "/",
        "/maps",
        "/@x",
        "a.b",
        "e.g.",
        "..",
        ".m",
        "@",
        "-",
        "x.com/a.",
    )
)
def test_links_are_found_at_every_host(text: str) -> None:
    low = text.lower()
    assert list(scan_contacts.find_links(low)) == plain_links(low)


WORDS = idwords.packaged()


@EXAMPLES
@given(
    texts(
        "born",
        "Born",
        "née",
        "NÉE",
        "date of birth",
        "date  of\nbirth",
        "d.o.b",
        "cumpleaños",
        "kapanganakan",
        "petsa ng kapanganakan",
        "a eu",
        "eu",
        "n",
        "s",
        "turned",
        "fêté",
        "nació",
        "İ",
    )
)
def test_near_words_finds_every_birth_word(text: str) -> None:
    t = scanbase.Text(text, "body")
    for starts in (WORDS.birth, WORDS.birthday_verbs):
        plain = starts.pattern.finditer(t.low if len(t.low) == len(text) else text)
        assert spans(scanbase.near_words(t, starts)) == spans(plain)


@EXAMPLES
@given(
    texts(
        "CPF",
        "cpf",
        "SIN",
        "carpeta de investigación",
        "carpeta  de\ninvestigación",
        "sécurité sociale",
        "s",
        "c",
        "F.I.R.",
        "FIR",
        "fir no",
        "boletim de ocorrência",
        "case",
        "plaque",
    )
)
def test_near_words_finds_every_label(text: str) -> None:
    t = scanbase.Text(text, "body")
    starts, _ = scan_records._labels(WORDS.id_words)
    plain = starts.pattern.finditer(t.low if len(t.low) == len(text) else text)
    assert spans(scanbase.near_words(t, starts)) == spans(plain)


@EXAMPLES
@given(
    texts(
        "instagram",
        "Insta: ",
        "Tik\nTok: ",
        "on TikTok she is ",
        "tik tok",
        "fb",
        "FB: ",
        "face:",
        "snap :",
        "x:",
        "mona_22",
        "dancingmona",
        " account ",
        " es ",
        "@",
    )
)
def test_platform_handles_are_found_at_every_platform_word(text: str) -> None:
    t = scanbase.Text(text, "body")
    starts = scan_contacts._PLATFORM_ID
    found = scanbase.near_words(t, starts, cased=True)
    assert spans(found) == spans(starts.pattern.finditer(text))


PLAIN_ROAD_WORD = re.compile(r"(?<=[ \t])(?:Road|Lane|Street|Sarani|Gali|Bylane|Marg)\b")


@EXAMPLES
@given(
    texts(
        "Road",
        " Road",
        "\tLane",
        " Street",
        "Sarani",
        " Gali",
        " Bylane",
        " Marg",
        "Roads",
        " Lanes",
        "Park ",
    )
)
def test_road_word_is_the_plain_pattern(text: str) -> None:
    assert spans(scan_places._ROAD_WORD.finditer(text)) == spans(PLAIN_ROAD_WORD.finditer(text))


# ---------------------------------------------------------------- names

NAME_WORDS = (
    "Sunita", "Devi", "Asha", "Mona", "Anjali Rao", "Kolkata", "Howrah", "Bargaon", "Gaya", "India",
    "The", "She", "Her", "When", "Hope", "Grace", "Maria", "Inspector", "Mr ", "Dr. ", "Government",
    "Girls'", "Middle", "School", "High", "Hotel", "Preparatoria", "Escuela", "collège", "Jean-Moulin",
    "village", "village of", "barangay", "colonia", "Rua", "das", "Flores", "temple", "behind", "near",
    "mother", "her mother", "sister", "tía", "si", "called", "'s", "s'", "de", "of", "la", "12", "2024",
    "POCSO", "KGBV", "Act", "Police", "Trust", "Safe Passage Trust", ",", ", ", ". ", "\n\n", "\n- ",
    "# ", "(", ")", " ", " ", " ", "and ", "lived ", "works at ",
)  # fmt: skip


@functools.cache
def _names_context() -> Any:
    from generator.safety.detect.analysis import Document, _name_context, prepare, site_knowledge
    from generator.safety.detect.fields import BODY, Field
    from generator.safety.detect.textscan import Settings

    site = site_knowledge(
        None, settings=Settings(), phrases=["Safe Passage Trust"], locations=["Kolkata, India"]
    )
    body = Field("the text", "Her mother and she live in the city.", BODY)
    doc = Document((), "Kolkata, India")
    return _name_context([prepare(body)], doc, site)


@EXAMPLES
@given(texts(*NAME_WORDS))
@example("lived  works at  Government ")  # found by CI: a word of living four words before "at"
def test_reading_capitals_first_finds_what_reading_every_token_finds(text: str) -> None:
    """find_names_in reads a run's neighbours only when they could change its verdict; find_names
    reads every token. Whatever the text, both find the same names, relatives, schools and places."""
    from generator.safety.detect.explain import find_names, find_names_in
    from generator.safety.detect.tokens import tokenize

    ctx = _names_context()
    fast = [(f.rule, f.start, f.end) for f in find_names_in(text, ctx)]
    slow = [(f.rule, f.start, f.end) for f in find_names(tokenize(text), ctx)]
    assert fast == slow


# ---------------------------------------------------------------- jigsaw

JIGSAW_WORDS = (
    "two ",
    "three",
    "both ",
    "several ",
    "another ",
    "the other ",
    "the ",
    "girls",
    "girl",
    "children",
    "survivors",
    "teen",
    "victim",
    "2 ",
    "12 ",
    "20 ",
    "1,2 ",
    "class ",
    "grade",
    "standard",
    "std. ",
    "std",
    "iv",
    "xii",
    "first ",
    "3rd ",
    "10th",
    "brothel",
    "red light area",
    "dance bar",
    "guest house",
    "hotel",
    "rented room",
    "factory",
    "same ",
    "brothel ",
    "earlier ",
    "an earlier ",
    "last ",
    "story",
    "report",
    "as we ",
    "we ",
    "reported",
    "wrote",
    "about",
    "](/stories/",
    "](../stories/",
    "](",
    "dalit",
    "santhals",
    "sc/st",
    "lower-caste",
    "scheduled tribes",
    "deaf",
    "scars",
    "burn marks",
    "hearing-impaired",
    "village",
    "district",
    "her ",
    "his ",
    "their ",
    "native ",
    "home ",
    "own ",
    "in ",
    "near ",
    "Rampur",
    "North 24",
    "-",
    # whole phrases, so that every pattern matches often
    "two girls",
    "three young girls",
    "2 boys",
    "12 minors",
    "several teenage survivors",
    "another girl",
    "the other child",
    "both victims",
    "class 7",
    "grade iv",
    "std. 5",
    "3rd grade",
    "tenth standard",
    "12th class",
    "her village in Rampur",
    "his native village near Canning",
    "their own village outside Howrah",
    "native village",
    "home village",
    "Howrah district",
    "district of Malda",
    "same brothel",
    "an earlier report",
    "as we reported",
    "we wrote about",
)


@EXAMPLES
@given(texts(*JIGSAW_WORDS))
def test_jigsaw_searches_find_the_first_match(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):
        return  # the twin patterns are only used when lowering keeps every offset
    words, runs = scanbase.words_of(text), scanbase.text_of(text, "body").runs
    for kind, needs, pattern, twin in jigsaw._PATTERNS:
        if twin is not None and needs is not None:
            found, plain = jigsaw._search(kind, twin, low, words, runs), twin.search(low)
            assert (found and found.span()) == (plain and plain.span()), kind


@EXAMPLES
@given(texts(*JIGSAW_WORDS, "Her ", "Village ", "Canning", "Howrah"))
def test_jigsaw_origin_without_district_finds_the_first_match(text: str) -> None:
    words = scanbase.words_of(text)
    if "district" in words:
        return
    pattern = next(p for kind, _, p, _ in jigsaw._PATTERNS if kind == jigsaw._ORIGIN)
    found = jigsaw._first_match(pattern, text, jigsaw._starts(text, jigsaw._ORIGIN_STARTS, words, ()))
    plain = pattern.search(text)
    assert (found and found.span()) == (plain and plain.span())


# ---------------------------------------------------------------- relatives

RELATIVE_WORDS = (
    "mother",
    "Mother",
    "mother-in-law",
    "step-mother",
    "stepmother",
    "father",
    "in-laws",
    "in",
    "half-sister",
    "half",
    "uncle",
    "ma",
    "her ma",
    "baba",
    "fiancé",
    "family",
    "sold",
    "sold her",
    "was sold",
    "selling vegetables",
    "arrested",
    "accused",
    "trafficked",
    "abused",
    "her",
    "the",
    "a",
    "into",
    "goods",
    "Bikash",
    "named",
    "Kamala Devi",
    "mashi",
    " ",
    ", ",
    "\n\n",
    "\n",
    "\n \t\n",
    "word ",
    "her mother was arrested",
    "sold by her uncle",
    "his stepfather abused her",
    "was sold to",
    "sold her",
    "her ma sold",
    "selling the goods",
    "sold into",
    "her mother-in-law",
    "the accused, her father",
)


def plain_mentions(text: str) -> list[tuple[int, str, str]]:
    """relatives._relationship_mentions as it was: after its first test on the text's words, every
    word of the text in one list."""
    words = scanbase.words_of(text)
    if words.isdisjoint(relatives._TRIGGER_WORDS) or words.isdisjoint(relatives._KIN_FIRST_WORDS):
        return []
    return list(relatives._mentions_in(text, 0, len(text)))  # the whole text: no break outside it


@EXAMPLES
@given(texts(*RELATIVE_WORDS))
def test_relationship_mentions_read_only_the_paragraphs_that_matter(text: str) -> None:
    assert list(relatives._relationship_mentions(text)) == plain_mentions(text)


# ---------------------------------------------------------------- vocabulary entries


@EXAMPLES
@given(
    st.lists(st.text(alphabet="abcdeéz'-. ", min_size=1, max_size=8), min_size=1, max_size=4).map(" ".join)
)
def test_a_plain_entry_splits_as_the_tokenizer_splits_it(entry: str) -> None:
    """vocab.words splits an entry of lowercase letters and single spaces itself, without the tokenizer:
    whatever the entry, the words are the ones the tokenizer would give."""
    from generator.safety.detect.tokens import PUNCT, tokenize
    from generator.safety.detect.vocab import words

    tokens = tuple(t.low for t in tokenize(entry.replace("’", "'")).items if t.kind != PUNCT)
    if entry.endswith("'"):  # an elided article alone ("d'"): the words it is before a word ("d'Ivoire")
        before = tuple(t.low for t in tokenize(entry + "x").items if t.kind != PUNCT)
        tokens = before[:-1] if len(before) > 1 and before[-1] == "x" else tokens
    assert words(entry) == (tokens or ((entry.strip().casefold(),) if entry.strip() else ()))


# ---------------------------------------------------------------- tokenizer

# Words, what starts a domain's name ("abc.coz" holds "abc.co"), and what ends or joins them.
TOKEN_WORDS = (
    "the",
    "see",
    "abc",
    "abc.coz",
    "abc1.coz",
    "x.inn",
    "cat's",
    "l’Inde",
    "Mr.",
    "A",
    "é",
    "ſ",
    "1",
)
TOKEN_SEPARATORS = (" ", " ", "", "  ", "\n", "\n\n", ". ", ".", "-", "'", "# ", "\n- ", "@")


@EXAMPLES
@given(
    st.lists(
        st.tuples(st.sampled_from(TOKEN_WORDS) | st.characters(), st.sampled_from(TOKEN_SEPARATORS)),
        max_size=30,
    ).map(lambda ps: "".join(a + b for a, b in ps)),
    st.booleans(),
)
def test_plain_words_read_a_stretch_at_a_time_split_as_one_by_one(text: str, label: bool) -> None:
    """The tokenizer reads a stretch of plain lowercase words one space apart in one match (_RUN_TOKEN);
    read one word at a time (_PLAIN_TOKEN), every token is the same, flags and all."""
    from generator.safety.detect import tokens

    fast = tokens.tokenize(text, label=label).items
    plain = (tokens._PLAIN_TOKEN, tokens._KINDS)
    original = (tokens._RUN_TOKEN, tokens._RUN_KINDS)
    tokens._RUN_TOKEN, tokens._RUN_KINDS = plain
    try:
        slow = tokens.tokenize(text, label=label).items
    finally:
        tokens._RUN_TOKEN, tokens._RUN_KINDS = original
    assert fast == slow


# ---------------------------------------------------------------- patterns that start with what they consume

# Each pattern as first written (a lookbehind first, tried at every character) and the module's, which
# starts with the character it consumes so that `re` skips ahead to it.
LOOKBEHIND_FIRST = {
    "soft break": (r"(?<=\S)(?<!  )(?<!\\)\n(?=[ \t]*\S)", "generator.safety.detect.analysis", "_SOFT_BREAK"),
    "spaced number": (
        r"(?<![\d.,:/\-])\d{1,5}(?:[ \u00a0\u202f]\d{2,4}){1,4}(?![\d.,:/\-]\d)",
        "generator.safety.detect.numbers",
        "_SPACED",
    ),
    "small number": (
        r"(?<![\d.,])(?:1[0-7]|[1-9])(?![\d]|[.,]\d)",
        "generator.safety.consistency",
        "_SMALL_NUMBER",
    ),
}


@EXAMPLES
@given(
    texts(
        "1",
        "7",
        "17",
        "18",
        "٣",
        "12 345",
        "12345 678",
        "1 000",
        "\\",
        "  \n",
        "\n\n",
        "#",
        ".",
        ",",
        "/",
        ":",
        "-",
    )
)
def test_patterns_written_digit_first_find_what_the_lookbehind_first_ones_find(text: str) -> None:
    """A pattern that consumes its first character before looking behind it finds the same matches as
    the one written lookbehind first."""
    import importlib

    for plain, module, name in LOOKBEHIND_FIRST.values():
        fast = getattr(importlib.import_module(module), name)
        assert spans(fast.finditer(text)) == spans(re.finditer(plain, text))


@EXAMPLES
@given(texts("www", "WWW.", ".com", ".CO", "x.in", "://", "@", "_.tv", "ſ.info", "a.comb"))
def test_the_tokenizers_link_test_written_dot_first_says_what_the_plain_one_says(text: str) -> None:
    """tokens._LINKISH starts with the "@", ":" or "." it needs; as first written it finds a link exactly
    where that one does (only whether it finds one matters)."""
    from generator.safety.detect import tokens

    plain = r"@|://|www\.|\w\.(?:com|org|net|gov|edu|in|ph|mx|br|ca|fr|uk|io|me|be|ly|gl|co|info|tv)\b"
    assert bool(tokens._LINKISH.search(text)) == bool(re.search(plain, text, re.IGNORECASE))
