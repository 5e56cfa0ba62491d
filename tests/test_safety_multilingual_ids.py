"""Exact dates, labelled postal codes and social accounts without "@" in the five languages.

Sentences of our own (not the eval set's): each kind is found in every language, and the clean
counterparts (years, months alone, counts, abbreviations, the organisation's site) stay quiet.
"""

from __future__ import annotations

import pytest
from test_detector_eval import findings_for

from generator.safety.detect import textscan as ts


def rules(text: str) -> set[str]:
    return {f.rule for f in ts.scan(text, "body", ts.Settings())}


DATES = [
    "She left the farm on 14 February 2023 with two other girls.",
    "On October 2, 2022 the police came to the house.",
    "Le 3 février 2024, elle a quitté l'appartement.",
    "Elle est arrivée à Laval le 1er mai, sans papiers.",
    "El 7 de octubre de 2023 la llevaron a otra casa.",
    "Llegó a Puebla el 19 de enero, de madrugada.",
    "Em 28 de setembro de 2022 ela saiu do abrigo.",
    "Foi resgatada no dia 2 de março de 2021.",
    "Noong Pebrero 14, 2023, umalis siya sa bahay.",
    "Dumating siya sa Maynila noong ika-9 ng Agosto, 2022.",
]
POSTCODES = [
    "The PIN code of her village, 841226, was on the form.",
    "Her old zip code was 90210 before she moved.",
    "Le code postal de son immeuble, 93200, figure au dossier.",
    "Son code postal est 13001 depuis l'été.",
    "El código postal de la colonia es 06600.",
    "Anotó el C.P. 44100 en la libreta.",
    "O CEP do prédio onde ela morava, 04567-120, estava no bilhete.",
    "O código postal da rua é 69005-010.",
    "Ang zip code ng barangay nila ay 6014.",
    "Nakasulat sa sobre ang zip code na 1630.",
]
SOCIAL = [
    "Her friends found her on Instagram as priya.dances.kol.",
    "He messaged her from rahul_1999 on Snapchat every night.",
    "Sur Instagram, on la trouve sous lea_mtl.2009.",
    "Le compte julie.b.officiel sur TikTok a été fermé.",
    "En Facebook aparece como lupita.reyes.oax.",
    "Le escribía desde karla_2008 por Instagram.",
    "No Instagram ela usa o perfil bia.santos.sp.",
    "Ele mandava mensagens pelo Facebook como joaozinho_77.",
    "Sa TikTok, ang gamit niya ay jenjen.cebu.",
    "Nakilala niya ang lalaki sa Facebook, si marlon_1995.",
]
CLEAN = [
    "In January 2024 she began school again.",
    "Nine out of 10 girls stayed in the programme.",
    "They march 5 kilometres every year for the campaign.",
    "En janvier, elle a repris l'école.",
    "Depuis 2019, le foyer accueille 40 filles.",
    "En 2024 el taller vendió 300 panes.",
    "Ela voltou para a escola em março.",
    "O abrigo atende 120 meninas desde 2015.",
    "Noong 2023, bumalik siya sa paaralan.",
    "The zip on her bag broke in 2019.",
    "The postcode changed in 2019.",
    "Follow the charity on Instagram at www.safepassage.example for news.",
    "She watches cooking videos on YouTube with her sisters.",
    "Sur Facebook, l'association a publié 2000 photos.",
    "Durante el COVID19 veía TikTok con su hermana.",
]


@pytest.mark.parametrize("text", DATES)
def test_exact_dates_in_every_language(text: str) -> None:
    assert ts.DATE in rules(text)


@pytest.mark.parametrize("text", POSTCODES)
def test_postal_codes_after_their_label(text: str) -> None:
    assert ts.POSTCODE in rules(text)


@pytest.mark.parametrize("text", SOCIAL)
def test_accounts_near_a_platform_name(text: str) -> None:
    assert ts.SOCIAL in rules(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_counterparts_stay_quiet(text: str) -> None:
    assert rules(text) & {ts.DATE, ts.POSTCODE, ts.SOCIAL} == set()


def test_no_message_part_holds_more_than_the_detail() -> None:
    """The finding's text is the detail itself (what redact.py hides), never a wider stretch."""
    (found,) = [f for f in ts.scan("Sur TikTok, elle s'appelle lea.danse.qc.", "body", ts.Settings())]
    assert found.text == "lea.danse.qc" and found.what == "a social media account"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("El 30 de julio, Día Mundial contra la Trata, marchamos por la ciudad.", "es"),
        ("Noong Hulyo 30, World Day against Trafficking in Persons, nagmartsa kami.", "fil"),
        ("La loi du 13 avril 2016 protège mieux les victimes.", "fr"),
        ("The Act of 13 April 2016 changed how shelters are inspected.", "en"),
    ],
)
def test_a_public_days_or_a_laws_date_is_explained(text: str, lang: str) -> None:
    assert not [f.rule for f in findings_for({"text": text, "lang": lang, "minor": True}) if "DATE" in f.rule]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Mona left home on 13 April 2016 with her cousin.", "en"),
        ("On 25 December 2024, Christmas Day, Mona ran away from the house.", "en"),
        ("Mona salió de casa el 23 de diciembre de 2024.", "es"),
    ],
)
def test_a_date_in_a_childs_life_is_still_stopped(text: str, lang: str) -> None:
    assert "DATE-EXACT" in [f.rule for f in findings_for({"text": text, "lang": lang, "minor": True})]
