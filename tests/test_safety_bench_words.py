"""False alarms the benchmark corpus and a red team's safe stories found (ordinary charity prose that
stopped the build), each next to the unsafe sentence the same rule must still stop. Through `check`,
as a writer meets them."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import BODY, SITE_YAML, STORY, check_site, heads, make_site, story_md, survivor

CLEAN = [
    # the pronoun "I" after a workplace word is not a workplace's name
    '"At the centre I met women with the same story as me."',
    '"Every morning I open my shop and I feel proud."',
    # a big city that is also a given name, right after a verb that takes a place
    "Her family fled Aden for Idlib, a journey of weeks.",
    # a country with "and" in its name, opening a sentence; a country's short name that starts like "Dr"
    "Bosnia and Herzegovina hosts many displaced people.",
    "The programme has reached 12,500 people across DR Congo.",
    # a place whose name has a possessive in it
    "She keeps a photograph of her old house in Cox's Bazar.",
    # an acronym the text spells out, used again later; a country's acronym with a possessive
    "Police referred her to the National Referral Mechanism (NRM), the UK's framework. The NRM took weeks.",
    "She gave a statement to NAPTIP (National Agency for the Prohibition of Trafficking in Persons).",
    # lakhs, and a statute's article in French
    "More than 3,00,000 bonded labourers have been released since 1978.",
    "Ce délit est puni par l'article 225-4-1 du Code pénal.",
    # public bodies whose names hold a given name, a title word or a national adjective
    "The Royal Canadian Mounted Police arranged her travel.",
    "In March, a team from the District Child Protection Unit inspected the mill.",
    "En 2021, agentes de la Policía Nacional la identificaron.",
    "Agentes del Instituto Nacional de Migración la identificaron.",
    "The Department of Trade and Industry (DTI) trained the group; the DTI also gave starter kits.",
    # a feast people are also named after, after a small word; a feast written with its accents
    "On allume des bougies à Noël, mais pas pour toute une ville.",
    "He celebrated Tết with other survivors.",
    # the day and month of an observance, and a statute's date
    "Every year on February 22, Canada marks National Human Trafficking Awareness Day.",
    "Elle a parlé du parcours créé par la loi n° 2016-444 du 13 avril 2016.",
    # a country whose name opens with a place word; a work word before 'for', 'sem', 'con'
    "Many children work on cocoa farms in Côte d'Ivoire et au Ghana.",
    "When he asked to go home for Holi, the contractor refused.",
]


def unreviewed(root: pathlib.Path) -> list[str]:
    """Every finding but the missing review: no warning a reviewer would have to decide on."""
    return [h for h in heads(check_site(root)) if "SIGNOFF-MISSING" not in h]


@pytest.mark.parametrize("sentence", CLEAN)
def test_ordinary_prose_builds_clean(tmp_path: pathlib.Path, sentence: str) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md(BODY + "\n" + sentence + "\n")})
    assert unreviewed(root) == []


UNSAFE = [
    ("She met the girls at Sisler High on Fridays.", "ID-INSTITUTION"),
    ("She studies at KGBV now.", "UNDECLARED-NAME"),  # an acronym nobody spelled out
    ("She wrote 4821399172 on the form.", "ID-PHONE"),  # a number the site does not list
    ("Habló con el Policía Xochiltepec.", "UNDECLARED-NAME"),  # a title, then a name
    ("Estudia en la Escuela Municipal Benito Juárez.", "ID-INSTITUTION"),
    ("She studies at Quezon National High School.", "ID-INSTITUTION"),
    ("She studies at the Instituto Miguel Hidalgo.", "ID-INSTITUTION"),
    ("She was born on 13 April 2011.", "ID-BIRTHDATE"),
    ("She left Maria with her aunt.", "UNDECLARED-NAME"),
    # the second word of a country's name is no place on its own ("Herzegovina", a historical region,
    # is listed in vocab/public.yaml; "Futuna" is an island of Wallis and Futuna no list has)
    ("Asha and Futuna came to the meeting.", "UNDECLARED-NAME"),
    ("She grew up in Barangay San Roque with her aunt.", "PLACE-PRECISION"),
    ("They live on Rua das Flores now.", "PLACE-PRECISION"),
]


@pytest.mark.parametrize(("sentence", "rule"), UNSAFE)
def test_the_same_rules_still_stop_what_they_are_for(
    tmp_path: pathlib.Path, sentence: str, rule: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md(BODY + "\n" + sentence + "\n")})
    assert heads(check_site(root), rule), sentence


def test_a_declared_name_written_without_its_accents_in_the_file_name_is_explained(
    tmp_path: pathlib.Path,
) -> None:
    """Writers drop accents in file names: "Lucía" declared explains "lucia" in one; another name does not."""
    text = story_md("Lucía found work at a bakery.\n", title="Lucía's new start", people=[survivor("Lucía")])
    root = make_site(tmp_path / "b", {"content/stories/why-lucia-wants-to-become-a-nurse.md": text})
    assert heads(check_site(root), "UNDECLARED-NAME") == []
    root = make_site(tmp_path / "c", {"content/stories/why-lucinda-wants-to-become-a-nurse.md": text})
    assert heads(check_site(root), "UNDECLARED-NAME")


def test_a_tag_made_of_two_common_words_and_small_words_in_a_slug_are_words(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY, tags=["peacebuilding", "livelihoods"])
    root = make_site(
        tmp_path / "site",
        {"content/stories/from-a-village-in-the-north-to-a-new-start-asha-s-story.md": text},
    )
    assert unreviewed(root) == []


def test_known_places_are_matched_without_their_accents(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + "safety:\n  known_places: [Cúcuta]\n"
    text = story_md(BODY)
    root = make_site(
        tmp_path / "site", {"site.yaml": site, "content/stories/now-asha-is-safe-in-cucuta.md": text}
    )
    assert unreviewed(root) == []
    root = make_site(tmp_path / "other", {"content/stories/now-asha-is-safe-in-cucuta.md": text})
    found = check_site(root)
    assert heads(found, "UNDECLARED-NAME") or heads(found, "PLACE-PRECISION")


def test_the_sites_own_hotline_is_an_explained_number(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + "safety:\n  allowed_phones: ['+44 8000 121 700']\n"
    text = story_md(BODY + "\nCall the Modern Slavery Helpline on 08000 121 700.\n")
    root = make_site(tmp_path / "site", {"site.yaml": site, STORY: text})
    assert unreviewed(root) == []


def test_a_declared_name_that_is_a_month_and_an_age_in_a_file_name_is_not_a_date(
    tmp_path: pathlib.Path,
) -> None:
    """ "mai-13-is-back-in-the-classroom": Mai, 13 (Mai is French for May). With a year it is a date."""
    text = story_md("Mai is back in the classroom.\n", people=[survivor("Mai")])
    root = make_site(tmp_path / "a", {"content/stories/mai-13-is-back-in-the-classroom.md": text})
    assert unreviewed(root) == []
    root = make_site(tmp_path / "b", {"content/stories/mai-13-2024-is-back-in-the-classroom.md": text})
    assert heads(check_site(root), "DATE-EXACT")
