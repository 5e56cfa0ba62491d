"""The packaged vocabularies (generator/safety/vocab/*.yaml): they load, they have the shape of en.yaml,
and what they say cannot be read two ways."""

from __future__ import annotations

import collections
import os
import pathlib

import pytest
import yaml

from generator.safety.detect.knowledge import CITY, load_knowledge
from generator.safety.detect.vocab import (
    LANGUAGES,
    LIST_SECTIONS,
    MAP_SECTIONS,
    PACKAGED,
    WORD_MAP_SECTIONS,
    load_vocabulary,
    words,
)

FILES = sorted(PACKAGED.glob("*.yaml"))
SHARED = ("common", "public")  # what every language shares: common words of public life, public names
LANGUAGE_FILES = [p for p in FILES if p.stem not in SHARED]
TEMPLATE = PACKAGED / "en.yaml"

# Kinship words and titles that the gazetteer also knows as a country, a state or a city. Most are
# airport codes and short forms among the alternate names the gazetteer keeps for a city (BRU is
# Brussels, MAM Matamoros, SRA Santa Rosa, IAS Iași); a few are real places that share a spelling
# (Tata, a Moroccan province; Lola, a prefecture of Guinea; Coronel, a city in Chile). Each is a word of
# its language first and stays; the detectors must read it as kin or a title before a name. A new
# collision fails this test until it is removed from the vocabulary or added here.
KNOWN_CITY_COLLISIONS = frozenset(
    {
        # en
        "acp",
        "adv",
        "bua",
        "dad",
        "dadu",
        "guru",
        "ias",
        "khala",
        "lola",
        "maa",
        "mrs",
        "nan",
        "pa",
        "smt",
        "sri",
        "tai",
        "tita",
        "tía",
        # fr
        "bru",
        "mari",
        "tata",
        "tonton",
        # es
        "'amá",
        "amá",
        "cabo",
        "coronel",
        "sor",
        "sra",
        "tia",
        # pt
        "guarda",
        "mana",
        "mestre",
        "mãe",
        # fil
        "'tay",
        "ama",
        "apo",
        "apu",
        "bai",
        "bb",
        "bro",
        "dir",
        "ina",
        "mam",
        "sanse",
        "sis",
        "tay",
    }
)


def _read(path: pathlib.Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def _sections(data: dict[str, object]) -> set[str]:
    return {k for k in data if k not in ("language", "name")}


def test_every_language_is_packaged_and_loads_without_findings() -> None:
    vocab, findings = load_vocabulary()
    assert findings == []
    assert set(vocab.languages) == set(LANGUAGES)
    assert set(vocab.by_language) >= set(LANGUAGES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_section_is_known_and_of_its_kind(path: pathlib.Path) -> None:
    data = _read(path)
    assert data.get("language") == ("common" if path.stem in SHARED else path.stem)
    for section, value in data.items():
        if section in ("language", "name"):
            continue
        known = section in LIST_SECTIONS or section in MAP_SECTIONS or section in WORD_MAP_SECTIONS
        assert known, f"{path.name}: unknown section {section}"
        if section in WORD_MAP_SECTIONS:
            assert isinstance(value, dict), f"{path.name}: {section} is a map"
            for key, word in value.items():
                assert isinstance(key, str) and isinstance(word, str), f"{path.name}: {section}: {key!r}"
                for w in (key, word):
                    assert w == w.casefold().strip() and words(w) == (w,), f"{path.name}: {section}: {w!r}"
        elif section in MAP_SECTIONS:
            assert isinstance(value, dict), f"{path.name}: {section} is a map"
            for key, number in value.items():
                assert isinstance(key, str) and isinstance(number, int), f"{path.name}: {section}: {key!r}"
                assert key == key.casefold().strip(), f"{path.name}: {section}: {key!r} is not lowercase"
        else:
            assert isinstance(value, list), f"{path.name}: {section} is a list"
            for entry in value:
                # a bare yes/no/on/off or a number is read by YAML as something else than the word
                assert isinstance(entry, str), f"{path.name}: {section}: {entry!r} is not text (quote it)"
                assert entry == entry.casefold(), f"{path.name}: {section}: {entry!r} is not lowercase"
                assert entry == " ".join(entry.split()), f"{path.name}: {section}: {entry!r} spacing"
                assert words(entry), f"{path.name}: {section}: {entry!r} has no word"


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.name)
def test_each_language_has_every_section_of_english(path: pathlib.Path) -> None:
    missing = _sections(_read(TEMPLATE)) - _sections(_read(path))
    assert not missing, f"{path.name} lacks {sorted(missing)} (an explicit [] says the language needs none)"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_entry_is_listed_twice_in_a_section(path: pathlib.Path) -> None:
    for section, value in _read(path).items():
        if not isinstance(value, list):
            continue
        counts = collections.Counter(str(v).casefold().strip() for v in value)
        twice = sorted(e for e, n in counts.items() if n > 1)
        assert not twice, f"{path.name}: {section} lists {twice} more than once"


def test_no_kinship_word_or_title_is_a_city() -> None:
    knowledge = load_knowledge()
    found = {}
    for path in LANGUAGE_FILES:
        data = _read(path)
        for section in ("kinship", "titles"):
            for entry in data.get(section) or []:
                cities = [p for p in knowledge.places_named(entry) if p.level <= CITY]
                if cities:
                    found[entry] = f"{path.name} {section}: level {cities[0].level}, {cities[0].country}"
    unexplained = {k: v for k, v in found.items() if k not in KNOWN_CITY_COLLISIONS}
    assert not unexplained, unexplained


def test_the_new_languages_cover_what_the_detectors_read() -> None:
    """A spot check that the vocabulary says what a native writer would expect, language by language."""
    vocab, _ = load_vocabulary()
    fr, es, pt, fil = (vocab.by_language[x] for x in ("fr", "es", "pt", "fil"))
    assert {"grand-mère", "tata", "beau-père"} <= fr["kinship"].single
    assert {"abuela", "madrastra", "cuñada"} <= es["kinship"].single
    assert {"mainha", "vó", "padrasto"} <= pt["kinship"].single
    assert {"kuya", "tiyahin", "inang", "igsoon"} <= fil["kinship"].single
    assert {"si", "ni", "kay", "sina"} <= fil["person_markers"].single
    assert ("escuela", "primaria") in es["institution_words_before"].phrases
    assert ("taong", "gulang") in fil["age_words"].phrases
    assert vocab.months["hulyo"] == 7 and vocab.months["août"] == 8 and vocab.months["dezembro"] == 12
    assert vocab.number_words["dalawa"] == 2 and vocab.number_words["meia"] == 6


def test_sites_without_words_of_their_own_share_one_reading_and_a_sites_own_words_are_its_own(
    tmp_path: pathlib.Path,
) -> None:
    """The packaged vocabulary is read once per process, whatever the site (every test, every build of
    `serve`); a site's own file is read for that site only, and again when it changes."""
    plain_a, plain_b, own = (tmp_path / n for n in ("a", "b", "own"))
    for root in (plain_a, plain_b, own):
        root.mkdir()
    own_file = own / "safety" / "vocab" / "en.yaml"
    own_file.parent.mkdir(parents=True)
    own_file.write_text("language: en\nnot_names: [zorblat]\n", encoding="utf-8")
    a, found = load_vocabulary(plain_a)
    b, _ = load_vocabulary(plain_b)
    mine, _ = load_vocabulary(own)
    assert found == [] and a is b
    assert "zorblat" in mine.known and "zorblat" not in a.known
    own_file.write_text("language: en\nnot_names: [zorblat, quimbly]\n", encoding="utf-8")
    again, _ = load_vocabulary(own)
    assert "quimbly" in again.known
    # the same size and the old modification time, as `cp -p` or an unpacked archive leave it (redteam15)
    stat = own_file.stat()
    own_file.write_text("language: en\nnot_names: [zorblat, quimblx]\n", encoding="utf-8")
    os.utime(own_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert own_file.stat().st_size == stat.st_size
    fixed, _ = load_vocabulary(own)
    assert "quimblx" in fixed.known and "quimbly" not in fixed.known
    assert load_vocabulary(plain_a)[0] is a


def test_a_site_adds_a_contraction_and_words_to_a_section_the_detectors_read(tmp_path: pathlib.Path) -> None:
    """The word lists the detectors once kept in code are sections like any other: a site's own file adds
    to them (an Italian "della" read as "di", an Italian "un" before a place word)."""
    own = tmp_path / "safety" / "vocab" / "it.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("language: it\ncontractions: {della: di}\nindefinite_articles: [uno]\n", encoding="utf-8")
    vocab, found = load_vocabulary(tmp_path)
    packaged, _ = load_vocabulary()
    assert found == []
    assert vocab.contractions["della"] == "di" and vocab.contractions["del"] == "de"
    assert "della" not in packaged.contractions
    assert "uno" in vocab["indefinite_articles"] and "una" in vocab["indefinite_articles"]
    assert "uno" not in vocab.known  # a section of small words, not a known word of every text
