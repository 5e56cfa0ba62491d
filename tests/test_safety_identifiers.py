"""The identifier detectors, class by class and language by language: each fires on a sentence a
writer would type and stays quiet on its nearest miss (a statute, an amount, a helpline, a figure of
speech). Errors are never waived, so a false alarm here is as much a defect as a miss.

The sentences are literal: they do not depend on which words the vocabularies list today, only on what
a writer in each language writes. The CLI-level tests (location, message, fix) are in test_detectors.py.
"""

from __future__ import annotations

import pathlib
import re

import pytest
from sitekit import BODY, story_findings, story_md

from generator.safety.detect import textscan as ts
from generator.safety.detect.checkdigits import cnj_valid, cpf_valid, curp_valid, nir_valid, sin_valid

SETTINGS = ts.Settings()


def found(text: str, settings: ts.Settings = SETTINGS, kind: str = "body") -> list[tuple[str, str]]:
    """(rule, matched text) of each identifier finding (the warnings' rules are left out)."""
    return [(f.rule, f.text) for f in ts.scan(text, kind, settings) if f.rule.startswith("ID-")]


def rules(text: str, settings: ts.Settings = SETTINGS) -> list[str]:
    return [rule for rule, _ in found(text, settings)]


# (rule, language, sentence, the part that must be reported)
FIRES = [
    # phone numbers, in each country's format and in words
    ("ID-PHONE", "en", "Her mother's mobile, +44 7700 900123, was on the form.", "+44 7700 900123"),
    ("ID-PHONE", "en", "Anyone can call the officer on +91 98300 41762.", "+91 98300 41762"),
    ("ID-PHONE", "en", "He left his cell, (514) 555-0199, with the shelter.", "(514) 555-0199"),
    (
        "ID-PHONE",
        "en",
        "She repeated it: nine eight three zero zero, four one seven six two.",
        "nine eight three",
    ),
    ("ID-PHONE", "en", "Text him on 98 three zero zero four one seven six two.", "98 three zero"),
    ("ID-PHONE", "fr", "Elle a laissé son numéro, le 06 12 34 56 78, à l'accueil.", "06 12 34 56 78"),
    ("ID-PHONE", "fr", "Il a dicté : zéro six un deux trois quatre cinq six sept huit.", "zéro six un deux"),
    ("ID-PHONE", "es", "Su tía nos dio su celular: 55 1234 5678.", "55 1234 5678"),
    (
        "ID-PHONE",
        "es",
        "Me dictó el número: nueve ocho tres cero cero cuatro uno siete seis dos.",
        "nueve ocho tres",
    ),
    ("ID-PHONE", "pt", "O celular dela era (11) 98765-4321.", "(11) 98765-4321"),
    (
        "ID-PHONE",
        "pt",
        "Ele repetiu: nove oito sete meia cinco quatro três dois um zero.",
        "nove oito sete meia",
    ),
    ("ID-PHONE", "fil", "Ang numero niya ay 0917 123 4567.", "0917 123 4567"),
    (
        "ID-PHONE",
        "fil",
        "Tawagan mo siya sa siyam walo tatlo sero sero apat isa pito anim dalawa.",
        "siyam walo tatlo",
    ),
    ("ID-PHONE", "en", "The recruiter said to message wa.me/919830041762 at once.", "wa.me/919830041762"),
    # e-mail addresses, plain and written out
    (
        "ID-EMAIL",
        "en",
        "Her cousin wrote from priti.das2009@gmail.com to thank us.",
        "priti.das2009@gmail.com",
    ),
    (
        "ID-EMAIL",
        "en",
        "Write to her at priti.das2009 (at) gmail (dot) com.",
        "priti.das2009 (at) gmail (dot) com",
    ),
    (
        "ID-EMAIL",
        "fr",
        "Écrivez-lui à jeanne.dupont arobase orange point fr.",
        "jeanne.dupont arobase orange point fr",
    ),
    (
        "ID-EMAIL",
        "es",
        "Escríbele a maria.lopez09 arroba gmail punto com.",
        "maria.lopez09 arroba gmail punto com",
    ),
    (
        "ID-EMAIL",
        "pt",
        "O e-mail dela é ana_souza [at] hotmail [dot] com.",
        "ana_souza [at] hotmail [dot] com",
    ),
    (
        "ID-EMAIL",
        "fil",
        "Ang email niya ay rosa.santos22 at yahoo dot com.",
        "rosa.santos22 at yahoo dot com",
    ),
    # social media: handles with and without @, and links
    ("ID-SOCIAL", "en", "On TikTok she is dancingmona, and she posts every day.", "dancingmona"),
    ("ID-SOCIAL", "en", "Her friends tagged her, @mona_dances, in every video.", "@mona_dances"),
    ("ID-SOCIAL", "fr", "Son compte Instagram : mona.danse92, depuis 2023.", "mona.danse92"),
    ("ID-SOCIAL", "es", "Su Facebook es lupita.ruiz.0912, según su prima.", "lupita.ruiz.0912"),
    ("ID-SOCIAL", "pt", "No Insta ela é biazinha_2010 e posta todo dia.", "biazinha_2010"),
    ("ID-SOCIAL", "fil", "Sa FB: rosa.santos.22 ang pangalan niya.", "rosa.santos.22"),
    (
        "ID-SOCIAL",
        "en",
        "The recruiter filmed her: https://www.youtube.com/watch?v=dQw4w9WgXcQ.",
        "youtube.com/watch",
    ),
    ("ID-SOCIAL", "en", "Her statement is at youtu.be/abc123XYZ.", "youtu.be/abc123XYZ"),
    (
        "ID-SOCIAL",
        "en",
        "The recording: https://drive.google.com/file/d/1AbC/view",
        "drive.google.com/file/d/1AbC/view",
    ),
    (
        "ID-SOCIAL",
        "pt",
        "Ele mandou o link chat.whatsapp.com/Fh3KxQ2 para o grupo.",
        "chat.whatsapp.com/Fh3KxQ2",
    ),
    ("ID-SOCIAL", "es", "Las fotos están en dropbox.com/s/x1y2z3/fotos.", "dropbox.com/s/x1y2z3/fotos"),
    # ID, case and plate numbers
    ("ID-NUMBER", "en", "Her passport number was X1234567.", "X1234567"),
    ("ID-NUMBER", "en", "Her SIN is 046 454 286.", "046 454 286"),
    ("ID-NUMBER", "en", "The van, WB 02 AK 4411, was stopped.", "WB 02 AK 4411"),
    ("ID-NUMBER", "en", "The case was registered as FIR No. 213/2025 in March.", "FIR No. 213/2025"),
    ("ID-NUMBER", "en", "His SSN is 536-90-4399.", "536-90-4399"),
    ("ID-NUMBER", "en", "Her NI number is AB 12 34 56 C.", "AB 12 34 56 C"),
    ("ID-NUMBER", "fr", "Son numéro de sécurité sociale est 2 84 05 75 123 456 25.", "2 84 05 75 123 456 25"),
    ("ID-NUMBER", "fr", "La plaque de la camionnette était AB-123-CD.", "AB-123-CD"),
    ("ID-NUMBER", "fr", "Plainte n° 24/1234 déposée au commissariat.", "24/1234"),
    ("ID-NUMBER", "es", "Su CURP es GARC090512MDFRRN08.", "GARC090512MDFRRN08"),
    (
        "ID-NUMBER",
        "es",
        "La carpeta de investigación FED/MEX/0001234/2024 sigue abierta.",
        "FED/MEX/0001234/2024",
    ),
    ("ID-NUMBER", "es", "Su credencial tiene la clave GRCRMN09051209M800.", "GRCRMN09051209M800"),
    ("ID-NUMBER", "es", "La camioneta tenía placas ABC-123-D.", "ABC-123-D"),
    ("ID-NUMBER", "pt", "O CPF dela é 111.444.777-35.", "111.444.777-35"),
    (
        "ID-NUMBER",
        "pt",
        "O processo nº 0001234-71.2024.8.26.0100 corre em segredo.",
        "0001234-71.2024.8.26.0100",
    ),
    ("ID-NUMBER", "pt", "O boletim de ocorrência nº 1234/2024 foi registrado.", "1234/2024"),
    ("ID-NUMBER", "pt", "A placa do carro era ABC1D23.", "ABC1D23"),
    ("ID-NUMBER", "fil", "Ang PhilSys number niya ay 1234-5678-9012-3456.", "1234-5678-9012-3456"),
    ("ID-NUMBER", "fil", "Nakatala ito sa blotter entry no. 2025-0456.", "2025-0456"),
    ("ID-NUMBER", "fil", "Ang SSS number niya ay 34-1234567-8.", "34-1234567-8"),
    # a plate a few words after its label, its letters in capitals (once read as one of those words)
    ("ID-NUMBER", "fil", "Ang plaka ng van ay KAB 4731.", "KAB 4731"),
    ("ID-NUMBER", "fil", "Sumakay siya sa puting van na may plakang NBC 2290.", "NBC 2290"),
    ("ID-NUMBER", "es", "Las placas de la troca: PUE 4731.", "PUE 4731"),
    ("ID-NUMBER", "es", "Recordaba la patente del auto: AB 123 CD.", "AB 123 CD"),
    # street addresses, coordinates, plus codes, what3words, map links
    ("ID-ADDRESS", "en", "She was found at 4321 Maple Ave, Apt 5.", "4321 Maple Ave"),
    (
        "ID-ADDRESS",
        "en",
        "Police entered a room at 27/3 Kali Charan Ghosh Road that night.",
        "27/3 Kali Charan Ghosh Road",
    ),
    ("ID-ADDRESS", "fr", "Elle habitait au 12 rue des Lilas depuis deux ans.", "12 rue des Lilas"),
    ("ID-ADDRESS", "fr", "Il vivait au 4321 rue Saint-Denis, Montréal.", "4321 rue Saint-Denis"),
    ("ID-ADDRESS", "es", "Vivía en Calle 5 de Mayo 123, Col. Centro.", "Calle 5 de Mayo 123"),
    ("ID-ADDRESS", "es", "La encontraron en Av. Insurgentes Sur 1234, int. 5.", "Av. Insurgentes Sur 1234"),
    ("ID-ADDRESS", "pt", "Ela morava na Rua Augusta, 1500, apto 32.", "Rua Augusta, 1500"),
    ("ID-ADDRESS", "pt", "Ela dormia no apto 32 com a tia.", "apto 32"),
    ("ID-ADDRESS", "fil", "Nakatira siya sa Blk 5 Lot 12, Phase 2, Brgy. San Isidro.", "Blk 5 Lot 12"),
    ("ID-ADDRESS", "fil", "Nakatira siya sa Kalye Mabini #45.", "Kalye Mabini #45"),
    ("ID-ADDRESS", "en", "The phone was last seen at 22.5726, 88.3639.", "22.5726, 88.3639"),
    ("ID-ADDRESS", "en", "The farm is at 22°34'21\"N 88°21'50\"E.", "22°34'21\"N 88°21'50\"E"),
    ("ID-ADDRESS", "en", "The room is at 7JWV+P2 Kolkata.", "7JWV+P2"),
    ("ID-ADDRESS", "en", "The pin was 6PH57VP3+PR on the map.", "6PH57VP3+PR"),
    ("ID-ADDRESS", "en", "He sent ///filled.count.soap as the meeting point.", "///filled.count.soap"),
    ("ID-ADDRESS", "es", "Le mandó maps.app.goo.gl/Xy12Ab34 por WhatsApp.", "maps.app.goo.gl/Xy12Ab34"),
    (
        "ID-ADDRESS",
        "en",
        "See https://www.google.com/maps/place/22.57,88.36 for the lane.",
        "google.com/maps/place",
    ),
    # postal codes
    ("ID-POSTCODE", "en", "The room was in Howrah 711101, near the river.", "711101"),
    ("ID-POSTCODE", "en", "Send it to Baker Street, London NW1 6XE.", "NW1 6XE"),
    ("ID-POSTCODE", "en", "The motel was in Springfield, IL 62704-1234.", "62704-1234"),
    ("ID-POSTCODE", "fr", "Elle vivait au 12 rue des Lilas, 69003 Lyon.", "69003"),
    ("ID-POSTCODE", "fr", "Le foyer est au 4321 rue Saint-Denis, Montréal (Québec) H2J 2K8.", "H2J 2K8"),
    ("ID-POSTCODE", "es", "La dirección incluía la Col. Centro, C.P. 06000.", "C.P. 06000"),
    ("ID-POSTCODE", "pt", "O CEP da casa era 01304-001.", "01304-001"),
    ("ID-POSTCODE", "fil", "Nakatira siya sa Quezon City 1100 kasama ang tiyahin.", "1100"),
    # dates of birth
    ("ID-BIRTHDATE", "en", "She turned 15 on 9 August, the week she was rescued.", "turned 15 on 9 August"),
    ("ID-BIRTHDATE", "en", "She was born on 3 May 2010 in a village.", "born on 3 May 2010"),
    ("ID-BIRTHDATE", "en", "DOB: 03/05/2010.", "03/05/2010"),
    ("ID-BIRTHDATE", "fr", "Elle est née le 3 mars 2010 à Lyon.", "née le 3 mars 2010"),
    ("ID-BIRTHDATE", "fr", "Elle a eu 15 ans le 9 août.", "eu 15 ans le 9 août"),
    ("ID-BIRTHDATE", "es", "Nació el 12 de mayo de 2009 en Oaxaca.", "Nació el 12 de mayo de 2009"),
    ("ID-BIRTHDATE", "es", "Cumplió 15 años el 9 de agosto.", "Cumplió 15 años el 9 de agosto"),
    ("ID-BIRTHDATE", "pt", "Ela nasceu em 2 de abril de 2011.", "nasceu em 2 de abril de 2011"),
    ("ID-BIRTHDATE", "pt", "Ela fez 15 anos em 9 de agosto.", "fez 15 anos em 9 de agosto"),
    ("ID-BIRTHDATE", "fil", "Ipinanganak siya noong Mayo 4, 2010.", "Ipinanganak siya noong Mayo 4, 2010"),
    # numbers read in pairs, links and labels a few words from their number
    (
        "ID-PHONE",
        "fr",
        "Son numéro : zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit.",
        "zéro six, douze",
    ),
    (
        "ID-PHONE",
        "es",
        "Su número: cincuenta y cinco, doce, treinta y cuatro, cincuenta y seis, setenta y ocho.",
        "cincuenta y cinco",
    ),
    ("ID-SOCIAL", "en", "Her YouTube channel is youtube.com/@monadances.", "youtube.com/@monadances"),
    ("ID-SOCIAL", "en", "Instagram user mona_2010 posted it.", "mona_2010"),
    ("ID-NUMBER", "es", "Su pasaporte mexicano, número G12345678, quedó con el enganchador.", "G12345678"),
    ("ID-NUMBER", "es", "La matrícula 1234 ABC del coche.", "1234 ABC"),
    ("ID-NUMBER", "en", "The GD Entry No. 1234 was lost.", "GD Entry No. 1234"),
    ("ID-BIRTHDATE", "en", "D.O.B.: 03-05-2010, as the form says.", "D.O.B.: 03-05-2010"),
    ("ID-BIRTHDATE", "en", "Her 18th birthday was on 9 August.", "birthday was on 9 August"),
    ("ID-NUMBER", "pt", "O B.O. nº 1234/2024 foi registrado na delegacia.", "1234/2024"),
]

# (rule, language, sentence): the nearest misses, which must stay quiet.
QUIET = [
    ("ID-PHONE", "en", "Call the National Human Trafficking Hotline at 1-888-373-7888."),
    ("ID-PHONE", "en", "Law 13.344/2016 was read as a phone number once."),
    ("ID-PHONE", "en", "One, two, three girls came forward, then four more."),
    ("ID-PHONE", "en", "The programme reached 1,250,000 people between 2019-2024."),
    ("ID-PHONE", "fr", "Le projet a touché 1 200 000 personnes en 2023 ; appelez le 119."),
    ("ID-PHONE", "es", "Llama al 800 5533 000 o al 911 para denunciar."),
    (
        "ID-PHONE",
        "pt",
        "A Lei nº 13.344, de 6 de outubro de 2016, trata do tráfico. Disque 100 ou Ligue 180.",
    ),
    ("ID-PHONE", "pt", "O projeto atendeu 15.000 famílias e pagou R$ 1.500.000,00."),
    ("ID-PHONE", "fil", "Tumawag sa 1343 o sa 911 kung may nakitang biktima."),
    ("ID-EMAIL", "en", "She now works at google.com as a cleaner."),
    ("ID-EMAIL", "fr", "Le signe arobase (@) est partout sur son téléphone."),
    ("ID-EMAIL", "es", "Usa la arroba para escribir correos."),
    ("ID-EMAIL", "pt", "O ponto de encontro era a praça, às 8 horas."),
    ("ID-EMAIL", "fil", "Gumagamit sina Rosa at Ana ng Gmail at Facebook."),
    ("ID-SOCIAL", "en", "On Instagram she is popular with her classmates."),
    ("ID-SOCIAL", "en", "Her Instagram account is private, and youtube.com is blocked."),
    ("ID-SOCIAL", "fr", "Elle passe des heures sur Instagram et TikTok."),
    ("ID-SOCIAL", "es", "Su Facebook es privado."),
    ("ID-SOCIAL", "pt", "No Insta ela é muito popular."),
    ("ID-SOCIAL", "fil", "Sa FB niya nakita ang alok na trabaho."),
    ("ID-NUMBER", "en", "He was charged under Section 370 of the IPC and the POCSO Act 2012."),
    ("ID-NUMBER", "en", "The passport office opened 12 new centres in 2019; the case of 2019 remains open."),
    ("ID-NUMBER", "fr", "L'article 225-4-1 du code pénal définit la traite."),
    ("ID-NUMBER", "es", "Sin 5000 pesos no podía pagar; el proceso duró de 2021-2023."),
    ("ID-NUMBER", "pt", "A Lei nº 13.344/2016 mudou o Código Penal."),
    ("ID-NUMBER", "fil", "Ayon sa RA 9208, krimen ang human trafficking mula 2003."),
    ("ID-ADDRESS", "en", "In 2019 she walked 5 km along the highway."),
    ("ID-ADDRESS", "fr", "Elle a passé 3 ans rue de la Paix."),
    ("ID-ADDRESS", "es", "Caminaba 5 kilómetros por la Avenida Juárez."),
    ("ID-ADDRESS", "pt", "A Rua Augusta tem 2 km e muitas lojas."),
    ("ID-ADDRESS", "fil", "Nasa Phase 2 na ang proyekto ngayong 2025."),
    ("ID-ADDRESS", "en", "Scores rose from 12.5 to 13.25 percent in 2024."),
    ("ID-POSTCODE", "en", "In 2019, 200000 people were moved across the border."),
    ("ID-POSTCODE", "fr", "En 2023, 15000 personnes ont été aidées."),
    ("ID-POSTCODE", "es", "Más de 60000 niñas fueron atendidas en 2022."),
    ("ID-POSTCODE", "pt", "Foram 15.000 famílias atendidas."),
    ("ID-POSTCODE", "fil", "Noong 2019, sa Quezon City, 1,100 na bata ang natulungan."),
    ("ID-BIRTHDATE", "en", "The savings group was born on 8 March 2025."),
    ("ID-BIRTHDATE", "en", "We celebrated 10 years of work on 3 March 2025; she was born in 2010."),
    ("ID-BIRTHDATE", "fr", "Le réseau est né le 12 mai 2018."),
    ("ID-BIRTHDATE", "es", "El proyecto nació el 3 de marzo de 2020 en Oaxaca."),
    ("ID-BIRTHDATE", "pt", "O programa nasceu em 2 de abril de 2015."),
    ("ID-BIRTHDATE", "fil", "Ang samahan ay isinilang noong Mayo 4, 2010."),
    ("ID-PHONE", "en", "Twenty two girls and thirty three boys came in twenty nineteen."),
    ("ID-NUMBER", "en", "Her passport was taken by the agent Ramesh in 2019, in case no one came."),
    ("ID-BIRTHDATE", "en", "She was born. 3 May 2010 was the day she first saw the sea."),
    ("ID-BIRTHDATE", "pt", "O grupo de poupança que ela ajudou a criar nasceu em 8 de março de 2025."),
    ("ID-BIRTHDATE", "fil", "Ang grupo na itinatag niya ay isinilang noong Mayo 4, 2010."),
]


@pytest.mark.parametrize(
    ("rule", "lang", "text", "part"), FIRES, ids=[f"{r}-{lang}-{i}" for i, (r, lang, *_) in enumerate(FIRES)]
)
def test_each_identifier_is_found_in_each_language(rule: str, lang: str, text: str, part: str) -> None:
    hits = [t for r, t in found(text) if r == rule]
    assert any(part in t for t in hits), found(text)


@pytest.mark.parametrize(
    ("rule", "lang", "text"), QUIET, ids=[f"{r}-{lang}-{i}" for i, (r, lang, _) in enumerate(QUIET)]
)
def test_the_nearest_misses_stay_quiet(rule: str, lang: str, text: str) -> None:
    assert found(text) == []


def test_every_class_is_tested_in_every_language() -> None:
    classes = {r for r, *_ in FIRES} | {r for r, *_ in QUIET}
    for rule in classes:
        for lang in ("en", "fr", "es", "pt", "fil"):
            assert any(r == rule and g == lang for r, g, *_ in FIRES), (rule, lang)
            assert any(r == rule and g == lang for r, g, *_ in QUIET), (rule, lang)


def test_a_figurative_birth_date_is_no_exact_date_either() -> None:
    """What a group was born on is not a date tied to a person: no DATE-EXACT warning for it."""
    assert ts.scan("The savings group was born on 8 March 2025.", "body", SETTINGS) == ()
    assert ts.scan("The network turned 5 on 9 August 2024.", "body", SETTINGS) == ()
    assert [
        f.rule for f in ts.scan("The girl who joined our group was born on 3 May 2010.", "body", SETTINGS)
    ] == ["ID-BIRTHDATE"]


@pytest.mark.parametrize("text", [t for _, _, t, _ in FIRES])
def test_a_finding_never_carries_the_value_in_its_description(text: str) -> None:
    for f in ts.scan(text, "body", SETTINGS):
        assert f.text not in f.what and not re.search(r"\d\d", f.what), f


# ---------------------------------------------------------------- what the site allows


def test_the_organisations_own_contacts_are_allowed() -> None:
    settings = ts.Settings(
        allowed_email_domains=("example.org",),
        org_accounts=(ts.norm_account("instagram.com/exampletrust"), "exampletrust"),
        allowed_phones=("3340001234",),
    )
    text = (
        "Write to hello (at) example (dot) org or hello@example.org, follow instagram.com/exampletrust "
        "or, on Instagram, exampletrust, and call +91 33 4000 1234 or three three four zero zero zero one two three four."
    )
    assert found(text, settings) == []
    assert rules("Write to ravi (at) example2 (dot) org.", settings) == ["ID-EMAIL"]


def test_public_helplines_are_not_phone_numbers() -> None:
    for helpline in (
        "1098",
        "Childline 1098",
        "1-800-222-TIPS",
        "0800 61 0101",
        "1800 180 5522",
        "Disque 100",
    ):
        assert rules(f"Call {helpline} any time.") == []


# ---------------------------------------------------------------- check digits


def test_check_digits_let_a_shape_speak_alone() -> None:
    assert curp_valid("BADD110313HCMLNS09") is False and curp_valid("BADD110313HCMLNS06")
    assert cpf_valid("111.444.777-35") and not cpf_valid("111.444.777-36")
    assert sin_valid("130 692 544") and not sin_valid("130 692 545")
    assert nir_valid("1 84 05 75 123 456 25") and not nir_valid("1 84 05 75 123 456 26")
    assert cnj_valid("0001234-71.2024.8.26.0100") and not cnj_valid("0001234-72.2024.8.26.0100")
    # A right check digit: reported without a label; a wrong one: only with its document's name.
    assert rules("The form read BADD110313HCMLNS06.") == ["ID-NUMBER"]
    assert rules("The form read BADD110313HCMLNS09.") == []
    assert rules("Her CURP, BADD110313HCMLNS09, was on the form.") == ["ID-NUMBER"]
    assert rules("The number 130-692-544 was on the card.") == ["ID-NUMBER"]
    assert rules("The code 130-692-545 was on the box.") == []


def test_the_vocabulary_is_an_argument() -> None:
    from generator.safety.detect.vocab import load_vocabulary

    vocab, problems = load_vocabulary()
    assert problems == []
    text = "She repeated it: nine eight three zero zero, four one seven six two."
    assert ts.scan(text, "body", SETTINGS, vocab) == ts.scan(text, "body", SETTINGS)


# ---------------------------------------------------------------- issue 12, through the CLI's check

# Issue 12's identifier misses, each as a writer put it in a story: every one stops the story with
# its error, at the detail's line, and the message never repeats it.
ISSUE_12_MISSES = [
    ("ID-NUMBER", "Her CURP, GOMR090512MDFRRN07, was on the shelter's intake form.", "GOMR090512MDFRRN07"),
    ("ID-NUMBER", "Her PhilSys number is 1234-5678-9012-3456.", "1234-5678-9012-3456"),
    ("ID-NUMBER", "His SIN, 130 692 544, was on the pay slip.", "130 692 544"),
    ("ID-NUMBER", "The van had licence plate ABC 1234.", "ABC 1234"),
    ("ID-BIRTHDATE", "She turned 15 on 9 August, the week she was rescued.", "9 August"),
    ("ID-BIRTHDATE", "Nació el 12 de mayo de 2009 en Oaxaca.", "12 de mayo"),
    ("ID-BIRTHDATE", "Elle est née le 3 mars 2010 à Lyon.", "3 mars"),
    ("ID-PHONE", "She repeated his number: nine eight three zero zero four one seven six two.", "nine eight"),
    ("ID-EMAIL", "Write to her at priti.das2009 (at) gmail (dot) com.", "gmail"),
    ("ID-SOCIAL", "Her friends tagged her, @mona_dances, in every video.", "@mona_dances"),
    ("ID-SOCIAL", "On TikTok she is dancingmona, and she posts every day.", "dancingmona"),
    ("ID-SOCIAL", "The recruiter filmed her: https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("ID-SOCIAL", "Her statement is in https://drive.google.com/file/d/1AbCdEf/view", "1AbCdEf"),
    ("ID-ADDRESS", "The phone was last seen at 22.5726, 88.3639.", "22.5726"),
    ("ID-ADDRESS", "The room is at 7JWV+P2 Kolkata.", "7JWV+P2"),
    ("ID-ADDRESS", "Ela morava na Rua Augusta, 1500, apto 32.", "Rua Augusta"),
    ("ID-ADDRESS", "Vivía en Calle 5 de Mayo 123, Col. Centro.", "Calle 5 de Mayo"),
    ("ID-POSTCODE", "Elle vivait au 12 rue des Lilas, 69003 Lyon.", "69003"),
]


@pytest.mark.parametrize(
    ("rule", "extra", "value"), ISSUE_12_MISSES, ids=[m[1][:40] for m in ISSUE_12_MISSES]
)
def test_issue_12_misses_stop_the_story(tmp_path: pathlib.Path, rule: str, extra: str, value: str) -> None:
    text = story_md(BODY + "\n" + extra + "\n")
    found = story_findings(tmp_path, text, rule)
    line = text.count("\n", 0, text.index(extra)) + 1
    assert found and all(
        f.startswith(f"content/stories/story.md:{line}:") and f": {rule}: " in f for f in found
    )
    assert not any(value in f for f in found)


def test_law_13_344_is_no_phone_number(tmp_path: pathlib.Path) -> None:
    """Issue 12, item 7: a statute citation read as a phone number was a false alarm."""
    text = story_md(BODY + "\nLaw 13.344/2016 made trafficking a crime; so does RA 9208, as amended.\n")
    assert [f for f in story_findings(tmp_path, text) if ": ID-" in f] == []
