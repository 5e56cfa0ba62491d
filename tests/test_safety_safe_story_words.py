"""False alarms on safe stories in five languages (a red team's second round), each written into a story
in its own language, next to the unsafe sentence the same rule must still stop. Through `check`, as a
writer meets them."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import SITE_YAML, STORY, check_site, consent, heads, make_site, person, story_md, survivor

# A paragraph in each language, so the story is read in it (the detectors count its frequent words).
OPENING = {
    "en": "Asha came to the centre in the spring. She was tired, but she was safe, and she wanted to learn.\n",
    "es": (
        "Asha llegó al centro en la primavera. Estaba cansada, pero estaba a salvo y quería aprender. "
        "Con el equipo de la organización encontró un lugar donde dormir y una escuela para su hija.\n"
    ),
    "fr": (
        "Asha est arrivée au centre au printemps. Elle était fatiguée, mais elle était en sécurité et elle "
        "voulait apprendre. Avec l'équipe de l'association, elle a trouvé un logement et une formation.\n"
    ),
    "pt": (
        "Asha chegou ao centro na primavera. Estava cansada, mas estava segura e queria aprender. Com a "
        "equipe da organização, encontrou um lugar para morar e um curso para fazer.\n"
    ),
    "fil": (
        "Dumating si Asha sa center noong tag-araw. Pagod siya, pero ligtas na siya at gusto niyang matuto. "
        "Sa tulong ng aming mga staff, nakahanap siya ng matitirhan at ng trabaho.\n"
    ),
}

CLEAN = [
    # a Filipino word with its linker, the hour, a number's tens (devcases2)
    ("fil", "Alas-diyes pa lang ng umaga, mainit na ang sizzling plate sa carinderia."),
    ("fil", "Dalawampu't dalawang taong gulang siya nang alukin ng trabaho."),
    ("fil", "Isang Pilipinang caregiver ang nakakuha ng tulong sa Ontario."),
    # an example of a kind of festival; a canal; a procession's name
    ("fr", "Nos ateliers ont lieu en marge de grandes fêtes traditionnelles comme l'Abissa."),
    ("en", "We run stalls at festivals such as Kadayawan every year."),
    ("fr", "Les patineurs ont parcouru les 7,8 kilomètres du canal Rideau."),
    ("en", "They reached the city a few days before Rath Yatra, when the chariots are pulled."),
    # a verb or an adjective, inflected, opening a sentence: its dictionary form is a common word
    ("fr", "Alertée par une voisine, l'association a prévenu la police."),
    ("pt", "Reconstrói a vida aos poucos, com o apoio da equipe."),
    ("fil", "Nakahingi siya ng tulong sa isang kaibigan."),
    # the name of a law or a body cut by a comma or an "and", and a body named by its title word
    (
        "es",
        (
            "La Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas "
            "la protege."
        ),
    ),
    ("es", "Pidió refugio a la Comisión Mexicana de Ayuda a Refugiados (COMAR) en marzo."),
    ("es", "La Policía de Infancia y Adolescencia abrió una investigación."),
    ("fr", "Immigration, Réfugiés et Citoyenneté Canada a prolongé son permis."),
    # storms are named like people; an airport's name says no more than its city
    ("fil", "Mula nang tumama ang Bagyong Yolanda (Haiyan), lumipat ang pamilya sa Maynila."),
    ("en", "After Typhoon Haiyan the family moved to Manila."),
    ("pt", "No aeroporto do Galeão, uma equipe a recebeu."),
    ("en", "She landed at Mactan-Cebu International Airport in May."),
    # a big city that is also a given name, after "nasa"; acronyms the language uses
    ("fil", "Noong nasa Riyadh siya, wala siyang pahinga."),
    ("fil", "Kung may kakilala kang OFW na nangangailangan ng tulong, tumawag sa amin."),
    ("fil", "Nagtatrabaho na siya sa isang BPO company sa Cebu."),
    # an acronym that is not where a place would be: an exam, a document, a body
    ("en", "She passed her WASSCE and now trains two apprentices."),
    ("es", "Se dio de alta en el SAT y obtuvo su CURP."),
    # public bodies: a public word in the name, a body of something, what a centre does, a university
    ("en", "She checked that the agency was licensed by Moldova's National Employment Agency."),
    ("en", "Her complaint was heard by Kuwait's Public Authority of Manpower."),
    ("en", "We referred the case to the Centre for Combating Trafficking in Persons."),
    ("en", "A study by the University of Hong Kong found the same."),
    ("en", "The case went to the General Police Inspectorate."),
    ("pt", "A Comissão Interministerial contra o Tráfico de Pessoas recebeu o relatório."),
    # a people named after its country; a feast; a government's web site
    ("en", "She walked to the next town with another Moldovan woman."),
    ("fr", "Elle a rencontré d'autres Camerounaises dans la même situation."),
    ("en", "During Dashain the family gathers."),
    ("en", "Read the [labour department's guidance](https://www.labour.gov.hk/eng/public/)."),
    ("es", "Consulta la [información de la COMAR](https://www.gob.mx/comar)."),
    # a county the gazetteer writes with its Welsh name in brackets; a river, a volcano, a festival
    ("en", "He spent the autumn in rented flats across Carmarthenshire and Pembrokeshire."),
    ("fr", "Pour le Ngondo, la grande fête au bord du fleuve Wouri, elle a fermé l'atelier."),
    ("fil", "Tanaw ni Asha ang Bulkang Mayon mula sa dalampasigan."),
    ("fil", "Sumayaw siya para sa Kagay-an Festival."),
    ("es", "Dejó la escuela después de que los huracanes Eta e Iota arrasaran con todo."),
    # a law's name cut by its number, spelled out by its acronym after lowercase words
    ("es", "La Ley 137-03 sobre Tráfico Ilícito de Migrantes y Trata de Personas la protege."),
    ("fr", "Elle a demandé l'aide de l'Indemnisation des victimes d'actes criminels (IVAC)."),
    # a kinship word after a person marker is Mum, not a name; a time word before an exam; a place
    ("fil", '"Tapos tumawag ako kay Nanay. Umiyak din siya."'),
    ("fr", "Asha avait quitté l'école avant le CEPE."),
    ("es", "Trabajó en un restaurante en Ciudad de Guatemala."),
    # a team after its games; the province's fields, the city's market; the United Nations' office
    ("pt", "Não perdeu nenhum jogo do Galo pela televisão."),
    ("es", "Sigue cada partido de la Selecta con sus amigas."),
    ("es", "Es el salario del convenio colectivo del campo de Huelva."),
    ("pt", "Asha vendia bolinhos num mercado de Maputo."),
    ("es", "Según la Oficina de las Naciones Unidas contra la Droga y el Delito, hay más casos."),
    # an office's place after its title; a level of schooling named alone
    ("en", "The report was gathered by the Children's Commissioner for Wales."),
    ("fil", "Nakapasa na siya sa ALS at nag-aaral ng Senior High School."),
    # a devotion after a title word; a sector's acronym after a workplace word; a federal road
    ("fil", "Deboto siya ng Señor Santo Niño."),
    ("fr", "Il est coffreur dans une grande entreprise du BTP."),
    ("pt", "Ele viajou pela BR-232 até Recife."),
    # a public body whose listed name holds lowercase words
    ("fr", "Le juge a confié Asha à l'Aide sociale à l'enfance du Département du Nord."),
    # a country after a word that can head an institution's name ("cada" is a Filipino one)
    ("es", "Las fiscalías especializadas registran cada año en el Perú más de mil denuncias."),
    # a title's word opening a country's name or its people's ("Sri" is an honorific too)
    ("en", "In 2025 another Sri Lankan worker reached Colombo; Sri Lanka still sends thousands abroad."),
    # an airport named after a person is as public as one named after its city
    ("pt", "Aterrou no Aeroporto Humberto Delgado, em Lisboa, em outubro."),
    # a religion's book; the great regions of a country; a pilgrimage to a famous shrine
    ("pt", "Aprendia pouco do Corão e passava o dia na rua."),
    ("es", "Fue con su abuela a la peregrinación de Caacupé, como cada año."),
    # a body's name ending with a word that ends a Manila street's ("Kalayaan Interior")
    ("es", "Según el Ministerio del Interior, la explotación laboral crece."),
    # a public body the vocabulary lists, after a preposition where a school's name could stand
    ("fil", "Ayon sa IACAT, hindi dumaan sa DMW ang kanyang deployment."),
    # a quotation opening after a colon: its first word opens a sentence
    ("es", 'Se acuerda bien de la conversación: "Hablaba bajito, desde el baño."'),
    # a word before a kinship noun describes ("solo parent"); a head word before "no" is where, not which
    ("fil", "Solo parent si Asha, at dalawa ang anak niya."),
    ("pt", "Muitos vêm para a colheita do café no Sul de Minas."),
    # a body's name saying what it does in two words or more: any dictionary word will do
    ("en", "Our inspectors and the District Vigilance Committee visited the kiln."),
    ("es", "La Junta Cantonal de Protección de Derechos la recibió en marzo."),
    # a listed body whose first word is also an address's ("bureau 12"), after a Filipino "ng"
    ("fil", "Dumaan sila sa interview ng Bureau of Immigration (BI) sa NAIA."),
    # a pilgrimage's shrine, a capital however small, and a province's namesake in the story's own
    # country, on a child's story: see test_a_childs_story_may_name_the_region_when_it_says_so
    # mobile money, a UN office, a feast
    ("fr", "Elle envoyait de l'argent par Orange Money chaque mois."),
    ("en", "In 2023 the UN Special Rapporteur on contemporary forms of slavery visited."),
    ("en", "She landed in Colombo on a Poya day."),
    # a law's words are no institution's, whatever another language calls a farm ("exploitation")
    ("en", "It is an offence under the Human Trafficking and Exploitation (Scotland) Act 2015."),
    (
        "fil",
        (
            "Ayon sa Republic Act No. 11930, o Anti-Online Sexual Abuse or Exploitation of Children (OSAEC) "
            "and Anti-Child Sexual Abuse or Exploitation Materials (CSAEM) Act, bawal ito."
        ),
    ),
    # a law named by its subject; a body spelled out by its acronym; world regions; a river, a dam
    ("pt", "A Lei do Cibercrime de 2017 permite à Polícia agir."),
    ("fr", "Il a parlé à la Mutualité sociale agricole (MSA) et à l'inspection du travail."),
    ("es", "En América Latina y el Caribe, la mayoría de las víctimas son mujeres."),
    ("en", "They crossed the Moei River by boat; the Akosombo Dam made the lake."),
    ("es", "A su llegada al aeropuerto El Dorado, Asha fue atendida por Migración Colombia."),
    # every which day, not which shop
    ("fil", "Ang dalawa niyang anak ang tumutulong sa tindahan tuwing Sabado at Linggo."),
    # a grandmother's house is no institution; a listed body's name holds a town's ("L'Union")
    ("fil", "Umuwi siya sa bahay ni Lola."),
    ("fr", "Elle bénéficie de la directive 2001/55/CE du Conseil de l'Union européenne."),
    # a law's day, after its number's word
    ("en", "The referral system was set up under Law No. 241 of 20 October 2005 on preventing trafficking."),
    ("pt", "Em Moçambique, a Lei n.º 6/2008, de 9 de Julho, pune o tráfico de pessoas."),
    # a song's or a film's title in quotation marks
    ("fil", 'Mahilig siya sa K-drama at sa kantang "Tadhana" na paulit-ulit niyang pinapatugtog.'),
    ("pt", 'Gosto de ouvir "Sodade" ao domingo, a fazer o almoço.'),
    ("fr", "Quand les premières notes de « Birima » ont retenti, la piste était pleine."),
    # listed public bodies and regions
    ("fr", "Selon Myria, le rapporteur national, l'exploitation recule en Wallonie et en Flandre."),
    ("pt", "Na fronteira, agentes da Polícia da República de Moçambique (PRM) a receberam."),
    # a public site's address in words, none of them a name
    (
        "en",
        "See [the guidance](https://www.gov.uk/government/publications/human-trafficking-victims-referral-forms).",
    ),
]


def _story(lang: str, sentence: str, **fields: object) -> str:
    return story_md(OPENING[lang] + "\n" + sentence + "\n", **fields)


def unreviewed(root: pathlib.Path) -> list[str]:
    """Every finding but the missing review: no warning a reviewer would have to decide on."""
    return [h for h in heads(check_site(root)) if "SIGNOFF-MISSING" not in h]


@pytest.mark.parametrize(("lang", "sentence"), CLEAN)
def test_ordinary_prose_in_five_languages_builds_clean(
    tmp_path: pathlib.Path, lang: str, sentence: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _story(lang, sentence)})
    assert unreviewed(root) == []


UNSAFE = [
    # a name with a Filipino linker that is no known word; a person given as an example
    ("fil", "Bumisita ang Teresang kapitbahay nila sa palengke.", "UNDECLARED-NAME"),
    ("en", "Girls such as Maria Lopez came to the fiesta.", "UNDECLARED-NAME"),
    ("en", "She loved festivals, like her aunt Rosa did.", "RELATIVE-NAMED"),
    ("es", "Fue a la Fiscalía, Juana Pérez la recibió.", "UNDECLARED-NAME"),  # a person after a body
    ("es", "Habló con la Fiscalía y Martina Xolalpa.", "UNDECLARED-NAME"),
    ("es", "Lo detuvo el Policía Xochiltepec en la plaza.", "UNDECLARED-NAME"),  # a title, then a name
    ("fil", "Si Yolanda ang nag-alaga sa kanya.", "UNDECLARED-NAME"),  # a person, not a storm
    ("en", "At the airport her aunt Yolanda met her.", "RELATIVE-NAMED"),
    ("fil", "Kasama niya si Xolalpa sa trabaho.", "UNDECLARED-NAME"),
    # an acronym where a school or a shelter would be, or before its number
    ("en", "She studies at the KGBV now.", "UNDECLARED-NAME"),
    ("en", "She had been sent to a KGBV hostel in Jharkhand.", "UNDECLARED-NAME"),
    ("pt", "Ela fazia curso de informática no CIEP 318 à noite.", "DECISION-MISSING"),  # a warning to decide
    # a centre named in one common word may be a shelter's name
    ("en", "She stayed at the Centre for Hope.", "ID-INSTITUTION"),
    # "go." is a government's only as a country's second level
    ("en", "Read [her page](https://go.example.com/p/1).", "UNEXPLAINED-LINK"),
    # an account's name after "IGN" (a game's in-game name)
    ("fil", "Sa ML, ang IGN niya ay monalisa_cebu.", "ID-SOCIAL"),
    # a storm word does not explain a person after "and"; a name before a festival word's place
    ("en", "After the typhoon, Rosa and Xolalpa left.", "UNDECLARED-NAME"),
    ("fil", "Kasama niya si Tita Xolalpa sa pista.", "RELATIVE-NAMED"),
    ("es", "Trabajó en el restaurante Xochiquetzal en Ciudad de Guatemala.", "ID-INSTITUTION"),
    ("en", "She studies at Kasturba Gandhi Balika Vidyalaya (KGBV) now.", "ID-INSTITUTION"),
    # a person after the match's "con"; a neighbourhood named after its place word
    ("es", "Habló del partido con Xolalpa.", "UNDECLARED-NAME"),
    ("es", "Vive en la colonia Tlalpan con su tía.", "PLACE-PRECISION"),
    ("en", "She studies at Quezon Senior High School.", "ID-INSTITUTION"),
    ("en", "Mr Singh of Delhi came to the meeting.", "UNDECLARED-NAME"),
    ("fr", "Elle étudie à l'école ABCD.", "ID-INSTITUTION"),
    ("es", "Lo atendió el señor Xolalpa.", "UNDECLARED-NAME"),
    # "que" after a verb opens her clause: the centre did not turn 15
    ("es", "En el centro descubrieron que cumplió 15 años el 9 de agosto, sola.", "ID-BIRTHDATE"),
    # digits in threes after a word of calling, in a country the first plans do not cover
    ("pt", "Quem quiser encomendar pode ligar-lhe diretamente para o 912 845 376.", "ID-PHONE"),
    ("en", "She spoke to Sri Ramesh Kumar about the job.", "UNDECLARED-NAME"),  # the honorific before a name
    ("es", 'Me dijo: "Xolalpa me llevó a la finca".', "UNDECLARED-NAME"),  # a surname opening a quotation
    (
        "es",
        "Fue a la fiesta de Xolalpa en mayo.",
        "UNDECLARED-NAME",
    ),  # a village's feast names the village
    (
        "fil",
        "Nag-aaral siya sa KGBV tuwing umaga.",
        "UNDECLARED-NAME",
    ),  # an acronym nobody lists, where a school would be
    ("pt", "Trabalhava no bar Estrela Azul todas as noites.", "ID-INSTITUTION"),
    ("en", "Grace, her aunt, came to the hearing.", "RELATIVE-NAMED"),
    ("es", "Ahora trabaja en la Fundación Mamani.", "UNDECLARED-NAME"),  # a family's name after a body's word
    ("en", "Now she works at the Luz Quispe Foundation.", "UNDECLARED-NAME"),
    (
        "pt",
        "A Lei Xolalpa foi votada em 2019.",
        "UNDECLARED-NAME",
    ),  # a law named after a person nobody declared
    ("fr", "Elle travaillait à l'Exploitation Dupont, une ferme.", "ID-INSTITUTION"),  # the French farm
    ("fil", "Nagtrabaho siya sa tindahan ni Aling Xolalpa.", "ID-INSTITUTION"),
    ("en", "Call her on https://wa.me/919876543210 today.", "ID-PHONE"),  # a phone in a link is still a phone
    # a public name next to a home is a landmark that finds her door (a red team's cases)
    ("en", "His grandmother's house is a short walk from the Tsatsadu Falls.", "PLACE-PRECISION"),
    ("pt", "Hoje mora com a avó, numa casa ao lado do aeroporto de Maripasoula.", "UNDECLARED-NAME"),
    (
        "fr",
        "Sa mère vend des beignets aux fidèles du pèlerinage de Popenguine, à deux rues de la maison.",
        "UNDECLARED-NAME",
    ),
    ("en", "Asha spent eight months at the DSWD Haven for Women.", "ID-INSTITUTION"),
    # a second red team: a club that is also a neighbourhood, a dam that is a workplace, a farm's name
    ("pt", "A tia dela mora em Benfica, na Zona Norte do Rio.", "UNDECLARED-NAME"),
    ("en", "His mother has a job in the canteen at the Akosombo Dam.", "PLACE-PRECISION"),
    ("en", "She works at Green Valley Flower Farms near the lake.", "ID-INSTITUTION"),
    # a case number in a court's link is the case's
    (
        "pt",
        "Leia [a sentença](https://pje.trt5.jus.br/consultaprocessual/detalhe-processo/0000587-41.2025.5.05.0031).",
        "UNEXPLAINED-NUMBER",
    ),
    # a home named after its head word and an elided "d'", its acronym after it; a kind of shelter
    ("fr", "Ibrahima vit à la Maison d'Enfants Les Peupliers (MEP) depuis janvier.", "ID-INSTITUTION"),
    ("fil", "Nakatira siya sa Bahay Tuluyan ni San Jose sa Angeles.", "ID-INSTITUTION"),
    # a law's day that is also hers
    (
        "en",
        "On 15 November 2000, the day the United Nations adopted the Protocol, she was rescued.",
        "DATE-EXACT",
    ),
    # what a red team hid behind today's explanations: a judgment's day is the case's, a listed body's
    # name on a hotel is the hotel's, a listed acronym is also a given name
    ("pt", "O Acórdão n.º 412/2025, de 3 de março de 2025, condenou o patrão.", "DATE-EXACT"),
    (
        "es",
        "La ley, promulgada en 2012, permitió el operativo del 3 de marzo de 2025 que liberó a Asha.",
        "DATE-EXACT",
    ),
    ("fr", "Elle a trouvé du travail à l'hôtel Polaris, près de la gare.", "ID-INSTITUTION"),
    ("en", "Her sister Greta met her at the bus station.", "RELATIVE-NAMED"),
    # a date after a verb of law-making is a warrant's or an order's as often as a law's
    ("en", "The warrant, signed on 14 March 2025 under the Modern Slavery Act, let police in.", "DATE-EXACT"),
    ("fr", "Le juge a rendu une ordonnance de placement le 14 mars 2025.", "DATE-EXACT"),
    ("es", "Su padre fue el Rey Momo del Carnaval de Barranquilla en 2023.", "RELATIVE-NAMED"),
    (
        "en",
        "See [the council's news](https://www.leeds.gov.uk/news/funmi.adeyemi-opens-a-bakery).",
        "UNDECLARED-NAME",
    ),
    # a name in quotation marks after a word that is no song's
    ("en", 'Her younger sister, a girl called "Maria", still lives there.', "UNDECLARED-NAME"),
    # a name in a link's address, on a public body's site too
    (
        "en",
        "Read [her story](https://www.unwomen.org/en/news-stories/feature-story/chhun-sreymom-from-a-shrimp-factory).",
        "UNDECLARED-NAME",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "rule"), UNSAFE)
def test_the_same_rules_still_stop_names_in_five_languages(
    tmp_path: pathlib.Path, lang: str, sentence: str, rule: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _story(lang, sentence)})
    assert heads(check_site(root), rule), sentence


def test_a_slug_without_its_accents_reads_as_the_story_writes_the_word(tmp_path: pathlib.Path) -> None:
    """ "una-nina-vuelve-a-la-escuela" is "una niña…": the story writes "niña". A name the story never
    writes with accents stays a name ("rosa-vuelve…" with no Rosa declared)."""
    text = _story("es", "Cuando era niña, Asha quería ser maestra.", title="Una niña vuelve a la escuela")
    root = make_site(tmp_path / "a", {"content/stories/una-nina-vuelve-a-la-escuela.md": text})
    assert unreviewed(root) == []
    root = make_site(tmp_path / "b", {"content/stories/rosa-vuelve-a-la-escuela.md": text})
    found = check_site(root)
    assert heads(found, "UNDECLARED-NAME") or heads(found, "ID-INSTITUTION")  # "Rosa… Escuela"
    other = _story("es", "Asha quería ser maestra.", people=[survivor("Asha")])
    root = make_site(tmp_path / "c", {"content/stories/nina-vuelve-a-la-escuela.md": other})
    found = check_site(root)  # no "niña" in this story: Nina is a name
    assert heads(found, "UNDECLARED-NAME") or heads(found, "ID-INSTITUTION")
    # the plural with accents: "talibés" in the text, "talibe" in the file name (stopped on 6092c76)
    plural = _story("fr", "Asha a vécu deux ans parmi les talibés de la ville.", title="Retour à l'école")
    root = make_site(tmp_path / "d", {"content/stories/un-enfant-talibe-rentre.md": plural})
    assert unreviewed(root) == []


def test_a_declared_programme_with_a_comma_in_its_name_is_explained(tmp_path: pathlib.Path) -> None:
    """ "Bola no Pé, Pé no Chão": the comma ends a run of capitals, not the programme's name."""
    site = SITE_YAML + 'programmes: ["Bola no Pé, Pé no Chão"]\n'
    text = _story("pt", "Asha entrou no programa Bola no Pé, Pé no Chão em 2025.")
    root = make_site(tmp_path / "site", {"site.yaml": site, STORY: text})
    assert unreviewed(root) == []
    root = make_site(tmp_path / "other", {STORY: text})
    assert heads(check_site(root), "UNDECLARED-NAME")


def test_in_a_title_a_verb_after_the_declared_name_is_a_word(tmp_path: pathlib.Path) -> None:
    """ "Após 27 Anos, Dona Asha Recebe Indenização": after the title word and the declared name comes
    the sentence; a surname there is still a name."""
    text = _story("pt", "Asha recebeu a indenização.", title="Após 27 anos, Dona Asha Recebe Indenização")
    root = make_site(tmp_path / "a", {STORY: text})
    assert unreviewed(root) == []
    text = _story(
        "pt", "Asha recebeu a indenização.", title="Após 27 anos, Dona Asha Xolalpa Recebe Indenização"
    )
    root = make_site(tmp_path / "b", {STORY: text})
    assert heads(check_site(root), "UNDECLARED-NAME")


CHILD_CONSENT = [consent(given_by=["survivor", "welfare_authority"])]


def _childs_story(lang: str, sentence: str, location: str) -> str:
    """The sentence in a story about a child (a minor survivor, with a welfare authority's consent)."""
    return _story(lang, sentence, people=[survivor(minor=True)], consent=CHILD_CONSENT, location=location)


def _builds(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    """A child's story holding `sentence` builds with no finding to review."""
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert unreviewed(root) == [], sentence


def _stops(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    """A child's story holding `sentence` stops on a finding of its own (not only the missing review)."""
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert [h for h in unreviewed(root) if "DECISION-MISSING" not in h], sentence


CHILD_TOWNS = [
    # a region named for its chief town (Kédougou: 30,000 people), and a city under 100,000
    ("fr", "Asha, 13 ans, originaire de Kédougou, est arrivée au centre en mars.", "Sénégal"),
    ("es", "Asha, de 12 años, llegó de San Juan Ostuncalco con su tía.", "Guatemala"),
    ("pt", "Asha, de 14 anos, cresceu em Beja e chegou a Lisboa em 2025.", "Portugal"),
]


@pytest.mark.parametrize(("lang", "sentence", "country"), CHILD_TOWNS)
def test_a_childs_story_reads_a_town_where_an_adults_reads_a_region_or_a_city(
    tmp_path: pathlib.Path, lang: str, sentence: str, country: str
) -> None:
    """On a child's story a place must say no more than a city of 100,000 people, and a state named for
    its chief town is read as the town: with her name and age it narrows her down to a few schools. An
    adult's story reads the region or the city, and a child's too when a word says the region is meant."""
    child = _childs_story(lang, sentence, country)
    root = make_site(tmp_path / "child", {STORY: child})
    assert [h.split(": ")[1] for h in heads(check_site(root), "PLACE-PRECISION")] == ["PLACE-PRECISION"]
    adult = _story(lang, sentence, location=country)
    # ("Asha, de 14 anos" declared an adult is a MINOR-MISMATCH of its own: here only places count)
    found = unreviewed(make_site(tmp_path / "adult", {STORY: adult}))
    assert [h for h in found if "MINOR-MISMATCH" not in h] == []


def test_a_title_in_sentence_case_reads_its_capitals_as_names(tmp_path: pathlib.Path) -> None:
    """French, Spanish and Portuguese writers title in sentence case: a capital after the title's first
    word is a name's ("Itzel regresa a Tlaxcala y a la secundaria": a town of 85,000 on a child's
    story), while a Title Case title reads its capitals as a title's."""
    child = _story(
        "es",
        "Asha volvió a clases en marzo.",
        title="Asha regresa a Tlaxcala y a la secundaria",
        people=[survivor(minor=True)],
        consent=CHILD_CONSENT,
        location="México",
    )
    in_title = [h for h in heads(check_site(make_site(tmp_path / "child", {STORY: child}))) if ":2:" in h]
    assert in_title and "(warning)" not in in_title[0]  # an error: a child's story
    titled = _story(
        "en", "Asha went back to school.", title="Asha Goes Back to Her Studies After Two Hard Years"
    )
    assert unreviewed(make_site(tmp_path / "titled", {STORY: titled})) == []


@pytest.mark.parametrize(
    ("location", "rule"),
    [
        ("Bargaon, India", "UNDECLARED-NAME"),
        ("Kédougou, Senegal", "PLACE-PRECISION"),
        ("Palikir, Micronesia", "PLACE-PRECISION"),
    ],
)
def test_a_childs_location_is_checked_in_its_own_field(
    tmp_path: pathlib.Path, location: str, rule: str
) -> None:
    """The story's `location` explains itself in the text, never in its own field: a village, a region's
    namesake town or a capital of 7,000 people there is an error on a child's story."""
    text = story_md(
        "Asha is back at school and loves maths.\n",
        people=[survivor(minor=True)],
        consent=CHILD_CONSENT,
        location=location,
    )
    root = make_site(tmp_path / "site", {STORY: text})
    [found] = heads(check_site(root), rule)
    assert "in the location" in found
    for n, coarse in enumerate(("India", "Côte d'Ivoire", "Abidjan, Côte d'Ivoire")):
        text = story_md(
            "Asha is back at school and loves maths.\n",
            people=[survivor(minor=True)],
            consent=CHILD_CONSENT,
            location=coarse,
        )
        assert unreviewed(make_site(tmp_path / f"coarse{n}", {STORY: text})) == [], coarse


@pytest.mark.parametrize(
    ("lang", "sentence", "country"),
    [
        ("fr", "Asha, 13 ans, est originaire de la région de Kédougou.", "Sénégal"),
        ("en", "Asha, 13, grew up in the Beja district and now lives in Lisbon.", "Portugal"),
        # a town named by a common word is not what a writer means by the word ("la Frontera": the border)
        ("es", "Asha, de 12 años, cruzó la Frontera sola en 2025.", "México"),
        ("es", "Asha, de 12 años, fue con su abuela a la peregrinación de Caacupé.", "Paraguay"),
        ("pt", "Asha, de 14 anos, cresceu em São Tomé e hoje vive em Lisboa.", "Portugal"),
        ("fil", "Si Asha, 13, ay nakakita ng parol sa San Fernando noong Disyembre.", "Pilipinas"),
    ],
)
def test_a_childs_story_may_name_the_region_when_it_says_so(
    tmp_path: pathlib.Path, lang: str, sentence: str, country: str
) -> None:
    child = _childs_story(lang, sentence, country)
    assert unreviewed(make_site(tmp_path / "child", {STORY: child})) == []


# A state the gazetteer spells one letter otherwise (pycountry writes "Amara", "Tigrai"), named as a
# region by its word (dev set heldout12): larger than any city. A region's word alone explains nothing
# (red teams named villages "regions": "the Lokiriama sub-region" is a village's name; Karamoja, a real
# sub-region, is listed in vocab/public.yaml since and explains itself), a district may
# be smaller than a city, and a barrio or a village is what it says.
NAMED_REGIONS = [
    ("en", "Asha, 13, watched young women from the Amhara region leave for the Gulf.", "Ethiopia", None),
    ("en", "Asha, 13, was placed in care by the Amhara Regional State.", "Ethiopia", None),
    ("fr", "Asha, 13 ans, vient de la région du Tigray.", "Éthiopie", None),
    # a region's word makes no region of a name the gazetteer does not know, nor of a part of a state
    (
        "en",
        "Asha, 13, is one of hundreds of children from the Lokiriama sub-region.",
        "Uganda",
        "UNDECLARED-NAME",
    ),
    ("es", "Asha, de 13 años, creció en la región de San Isidro Chacalapa.", "México", "UNDECLARED-NAME"),
    ("en", "Asha, 13, grew up in the Amhara region of Gondar.", "Ethiopia", "UNDECLARED-NAME"),
    ("fr", "Asha, 13 ans, vient de la région de Tombouctou.", "Mali", None),
    ("pt", "Asha, de 13 anos, nasceu na província de Cabo Delgado.", "Moçambique", None),
    ("en", "Asha, 13, lives in the Bargaon district.", "India", "UNDECLARED-NAME"),
    ("en", "Asha, 13, grew up in the village of Bargaon.", "India", "PLACE-PRECISION"),
    ("es", "Asha, de 13 años, vive en el barrio Xolotepec.", "México", "PLACE-PRECISION"),
    ("fr", "Asha, 13 ans, vient du village de Kalaban.", "Mali", "PLACE-PRECISION"),
]


@pytest.mark.parametrize(("lang", "sentence", "country", "rule"), NAMED_REGIONS)
def test_a_region_is_named_by_its_word_and_a_district_or_village_is_not_a_region(
    tmp_path: pathlib.Path, lang: str, sentence: str, country: str, rule: str | None
) -> None:
    found = unreviewed(make_site(tmp_path / "child", {STORY: _childs_story(lang, sentence, country)}))
    if rule is None:
        assert found == [], sentence
    else:
        assert any(rule in h for h in found), (sentence, found)


# A common word opening a heading or a sentence that names a town of the story's own country, used as a
# name: before a comma, or as the subject of a verb with its object pronoun between them.
OPENER_TOWNS = [
    (
        "fr",
        "Marseille, France",
        "## Orange, un nouveau départ\n\nElle a trouvé du travail.",
        "## Enfin, un nouveau départ\n\nElle a trouvé du travail.",
    ),
    (
        "fr",
        "Marseille, France",
        "Orange l'a accueillie sans poser de questions.",
        "Selon la directrice, tout va bien.",
    ),
    ("es", "Córdoba, España", "Cabra la recibió sin hacer preguntas.", "Ahora la recibe una maestra."),
    (
        "es",
        "Córdoba, España",
        "Cabra, un pueblo tranquilo, la recibió.",
        "Centro de día: abierto de lunes a viernes.",
    ),
    ("es", "Cádiz, España", "Tarifa está a una hora de la ciudad.", "Mañana empieza el curso de cocina."),
    (
        "fr",
        "Paris, France",
        "Sens est à une heure de train de Paris.",
        "Ensuite est venu le temps des cours.",
    ),
]


@pytest.mark.parametrize(("lang", "location", "unsafe", "clean"), OPENER_TOWNS)
def test_a_town_named_by_a_common_word_opening_a_sentence_is_read_as_the_town(
    tmp_path: pathlib.Path, lang: str, location: str, unsafe: str, clean: str
) -> None:
    leak = make_site(tmp_path / "leak", {STORY: _story(lang, unsafe, location=location)})
    found = [h for h in unreviewed(leak) if "PLACE-PRECISION" in h or "DECISION-MISSING" in h]
    assert found, unreviewed(leak)
    safe = make_site(tmp_path / "safe", {STORY: _story(lang, clean, location=location)})
    assert unreviewed(safe) == []


# On a child's story in the country named: a state's own name for its country, and an article that is
# part of a country's name, are the country, though another story of the site is set where a town has
# that name (Brazil's República, France's "La Côte"); a square or a town of that name is still a place.
COUNTRY_NAMES = [
    ("pt", "Maputo, Moçambique", "Agentes da Polícia da República de Moçambique (PRM) a receberam.", None),
    (
        "pt",
        "Belém, Brasil",
        "Hoje vende tacacá numa barraca na Praça da República, todas as tardes.",
        "PLACE-PRECISION",
    ),
    ("fr", "Korhogo, Côte d'Ivoire", "La Côte d'Ivoire s'est dotée d'un arsenal juridique solide.", None),
    # an article that is the place's own, in the country it is in; elsewhere a name
    (
        "es",
        "El Alto, Bolivia",
        "Miles de familias de La Paz compran miniaturas en la feria de Alasitas.",
        None,
    ),
    ("fil", "Tarlac City, Philippines", "Lumaki siya sa La Paz, isang bayan sa Tarlac.", "UNDECLARED-NAME"),
]
ELSEWHERE = {
    "pt": "São Paulo, Brasil",
    "fr": "Lyon, France",
    "es": "Lima, Perú",
    "fil": "Manila, Philippines",
}


@pytest.mark.parametrize(("lang", "location", "sentence", "rule"), COUNTRY_NAMES)
def test_a_countrys_own_names_on_a_childs_story(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, rule: str | None
) -> None:
    child = _childs_story(lang, sentence, location)
    other = _story(lang, "Asha voltou a estudar.", location=ELSEWHERE[lang])
    found = unreviewed(make_site(tmp_path / "site", {STORY: child, "content/stories/other.md": other}))
    if rule is None:
        assert [h for h in found if "story.md" in h] == []
    else:
        assert any(rule in h for h in found), found


# A document that tells no survivor's story (an event's report, a law explained): a date in a sentence
# about no one is the event's; one next to a child, a rescue or a pronoun still needs a decision.
EVENT_DATES = [
    ("El sábado 14 de febrero, casi seiscientas personas llenaron el tablado del barrio.\n", False),
    ("The gala on Saturday 12 April raised £21,640 for the programme.\n", False),
    ("El 3 de marzo de 2025 la policía rescató a once niñas de un taller.\n", True),
    ("On 3 March 2025 she told the court what had happened.\n", True),
    # a crowd's pronoun, an impersonal "il", a word another language lists for a person (devcases2)
    ("At 8:00 on Sunday 19 October, twenty-three runners set off. The last of them crossed at two.\n", False),
    ("Il neigeait au départ, samedi 14 février, mais la course a eu lieu.\n", False),
    (
        (
            "Era la noche del sábado 30 de agosto y el teatro estaba lleno. Las canciones son de Jalisco y "
            "el público las cantó con el coro. Fue el tercer concierto de la organización en la ciudad.\n"
        ),
        False,
    ),
    (
        (
            "Noong Linggo, Marso 1, tumakbo ang mahigit 1,150 runners. Malamig pa ang hangin at madilim pa "
            "ang kalsada nang magsimula ang takbo. Ito na ang ikatlong fun run ng aming organisasyon.\n"
        ),
        False,
    ),
    ("Voici nos chiffres du 1er janvier au 31 décembre 2025, grâce à nos donateurs.\n", False),
    # redteam11: "they" alone may be one child; "il arrive" is "he arrives"
    ("On 12 March 2025 they walked into our office holding a school bag.\n", True),
    ("Il arrive à la gare le 12 janvier 2025, seul, par le train de nuit.\n", True),
    # the same with one person in the paragraph
    ("Il faisait froid le samedi 14 février quand il est arrivé au centre.\n", True),
    ("El sábado 30 de agosto, su hijo llegó al albergue.\n", True),
    ("Noong Linggo, Marso 1, dumating ang kanyang ama sa shelter.\n", True),
    # dev37's event page: a list item is its own paragraph; the item that speaks of a child is not the date's
    ("- Data: sábado, 20 de março de 2027\n- Inscrição: 2.000 kwanzas para menores de 16 anos\n", False),
    ("- Date: Saturday 20 March 2027\n- Under-16s walk free with an adult\n", False),
    ("- Sábado, 20 de março de 2027: as crianças foram resgatadas\n", True),
]


@pytest.mark.parametrize(("body", "flagged"), EVENT_DATES)
def test_a_date_in_a_story_about_no_survivor_is_the_events(
    tmp_path: pathlib.Path, body: str, flagged: bool
) -> None:
    staff = {"name": "Anjali Rao", "role": "staff", "name_type": "real"}
    root = make_site(tmp_path / "site", {STORY: story_md(body, people=[staff], consent=[])})
    found = [h for h in unreviewed(root) if "DATE-EXACT" in h]
    assert bool(found) is flagged, unreviewed(root)


# A town written into a link's address is the town, on a public body's site too; a country's or a
# public word's address is not.
LINK_TOWNS = [
    (
        "pt",
        "Belém, Brasil",
        "Leia [a notícia](https://www.mpt.mp.br/pgt/noticias/operacao-resgata-trabalhadores-em-limoeiro-do-ajuru).",
        True,
    ),
    (
        "fr",
        "Lille, France",
        "Lire [le communiqué](https://www.nord.gouv.fr/Actualites/communique-a-hazebrouck).",
        True,
    ),
    (
        "pt",
        "Belém, Brasil",
        "Veja [o relatório](https://www.gov.br/trabalho-e-emprego/pt-br/assuntos/inspecao-do-trabalho/relatorio).",
        False,
    ),
]


@pytest.mark.parametrize(("lang", "location", "sentence", "flagged"), LINK_TOWNS)
def test_a_town_in_a_links_address(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, flagged: bool
) -> None:
    child = _childs_story(lang, sentence, location)
    found = unreviewed(make_site(tmp_path / "site", {STORY: child}))
    assert any("PLACE-PRECISION" in h for h in found) is flagged, found


# A place named with the state or country it is in, where the gazetteer knows no place of that name:
# a town too small for it, not the city of that name elsewhere (Spain's Palma) nor its words ("les
# Anglais"). Where the gazetteer has one there, or a list of cities is meant, it is what it says.
PLACED_TOWNS = [
    ("es", "Tapachula, México", "Asha creció en La Palma, en Chalatenango, donde vive su madre.", "La Palma"),
    ("es", "Tapachula, México", "Asha creció en Palma, en el norte de Chalatenango.", "Palma"),
    (
        "fr",
        "Paris, France",
        "Elle a grandi à Les Anglais, dans le sud d'Haïti, près de la mer.",
        "Les Anglais",
    ),
    ("es", "Tapachula, México", "Vivió en La Paz, en Bolivia, y en Los Ángeles, en California.", None),
    ("fr", "Paris, France", "Elle a grandi aux Cayes, dans le sud d'Haïti, près de la mer.", None),
    ("en", "London, United Kingdom", "She flew from Manila to Kuala Lumpur, Dubai and at last London.", None),
]


@pytest.mark.parametrize(("lang", "location", "sentence", "town"), PLACED_TOWNS)
def test_a_place_named_with_a_region_it_is_not_in_is_a_town(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, town: str | None
) -> None:
    root = make_site(tmp_path / "site", {STORY: _story(lang, sentence, location=location)})
    found = [h for h in unreviewed(root) if "DECISION-MISSING" not in h]
    if town is None:
        assert found == []
    else:
        assert [h.split(": ")[1].split(" ")[0] for h in found] == ["PLACE-PRECISION"], found
        assert town not in found[0]  # never printed


# On a child's story: the organisation's own event, in a sentence that says "our" and speaks of no one,
# is the event's date; the same date with the girl in it, a raid during a fair, or her own career's start
# is hers.
OUR_EVENTS = [
    ("fr", "Notre soirée de soutien aura lieu le jeudi 19 novembre 2026, à Paris.", False),
    ("es", "Nuestra carrera solidaria será el domingo 14 de marzo de 2027 en Bogotá.", False),
    ("fil", "Gaganapin ang aming fun run sa Linggo, Marso 15, 2027 sa Quezon City.", False),
    ("en", "Our gala dinner will be held on Friday 19 November 2027 in Leeds.", False),
    ("en", "Asha spoke at our gala dinner on 19 November 2025.", True),
    ("fil", "Tumakbo si Asha sa aming fun run noong Marso 15, 2025.", True),
    ("es", "El 14 de marzo de 2025 hubo una redada durante la feria.", True),
    ("es", "Empezó su carrera solidaria con nosotros el 14 de marzo de 2025.", True),
]


# Words of other languages a story quotes, and titles without quotation marks, and a group born after
# its verb: explained; a name in the same places is not.
QUOTED_WORDS = [
    ("fr", "Là-bas, il n'en a pas assez. *Jërëjëf* à tous ceux qui m'ont aidée.", None),
    ("es", 'Se despidió en quiché: "Maltyox." Gracias.', None),
    ("pt", "Agora encontrei paz de verdade. *Koxukhuru* a todas.", None),
    ("en", 'He said it in Vietnamese first: "Cảm ơn các chị." Thank you, sisters.', None),
    ("es", "Los domingos juega fútbol y es aficionado del Xelajú.", None),
    ("en", 'One of the students came up to say "Arkoun" and asked for advice.', None),
    ("es", "Vio la película *Coco* tantas veces que se sabe los diálogos.", None),
    ("fil", 'Napanood niya ang pelikulang "Heneral Luna".', None),
    ("es", "Así nació, el 14 de junio de 2024, el grupo de ahorro de las mujeres.", None),
    ("fil", "Isinilang ang samahan ng mga balik-manggagawa noong Marso 8, 2023.", None),
    # a Filipino verb opening its sentence; a bay; a club a team word names
    ("fil", "Natunton ng mga awtoridad ang mga trafficker.", None),
    ("fil", "Pagdaong ng bangka, naghihintay na ang pulis.", None),
    ("pt", "Fazemos oficinas ao longo da baía do Guajará com as escolas.", None),
    ("fil", "Die-hard fan siya ng Barangay Ginebra.", None),
    ("fil", "Magtibay ng Cebu ang kumuha sa kanya.", "UNDECLARED-NAME"),
    ("en", "She said Salama to me.", "UNDECLARED-NAME"),
    ("en", "Tatenda, her older brother, was waiting at the gate.", "RELATIVE-NAMED"),
    ("en", "She still hums the song Remedios sang to her.", "UNDECLARED-NAME"),
    ("fil", "Magtanggol ang apelyido ng kanyang ina.", "UNDECLARED-NAME"),
    ("fil", "Tinago ang barangay kung saan siya lumaki.", "PLACE-PRECISION"),  # her barangay's name
    ("fil", "Natunton ang kaso dahil sa isang report.", None),
    ("es", "Vio a Coco en la película.", "UNDECLARED-NAME"),
    # a title in quotation marks or italics with no word for a song or a book before it, and who made it
    ("es", "El programa incluyó clásicos como «Cielito Lindo» y «Volver, volver».", None),
    ("fr", "Elle a découvert *Le Petit Prince*, qu'elle a lu trois fois.", None),
    ("fil", 'Siya ang nag-lead ng "Ang Pasko ay Sumapit" sa Christmas party.', None),
    ("pt", "Já leu *Reinações de Narizinho* e está no meio de *O Pequeno Príncipe*.", None),
    ("pt", "É *Quarto de Despejo*, o diário de uma catadora.", None),
    # a name in quotation marks, a place after "en", a relative after a title
    ("es", 'Escribió una carta, "Querida Carmen Ruiz", y nunca la envió.', "UNDECLARED-NAME"),
    ("es", 'Todos en el barrio la llaman "La Morena Ruiz".', "UNDECLARED-NAME"),
    ("es", "Leyó *Mi Vida*, de su tía Carmen Ruiz.", "RELATIVE-NAMED"),
    # redteam11: a place's word before the quotation marks; the author of a title is never explained
    (
        "es",
        "Ahora vive con su abuela en la colonia «Lomas del Sol», a media hora del centro.",
        "UNDECLARED-NAME",
    ),
    (
        "pt",
        "Ela escreveu o poema *Meu nome é coragem*, de Ana Clara Ferreira, e leu em voz alta.",
        "UNDECLARED-NAME",
    ),
    ("es", "Así nació, el 14 de junio de 2012, la pequeña Asha.", "ID-BIRTHDATE"),
    ("fil", "Isinilang si Asha noong Marso 8, 2012.", "ID-BIRTHDATE"),
]


@pytest.mark.parametrize(("lang", "sentence", "rule"), QUOTED_WORDS)
def test_words_of_other_languages_titles_and_groups_born(
    tmp_path: pathlib.Path, lang: str, sentence: str, rule: str | None
) -> None:
    root = make_site(tmp_path / "site", {STORY: _story(lang, sentence)})
    found = [h.split(": ")[1].split(" ")[0] for h in unreviewed(root) if "DECISION-MISSING" not in h]
    assert found == ([rule] if rule else []), unreviewed(root)


# A law's date after the words that made it law, with the law named before them in the sentence; the same
# words with a person in the sentence, or after no law, date a person's life.
ENACTED = [
    (
        "es",
        "La Ley General en Materia de Trata de Personas, publicada el 14 de junio de 2012, la protege.",
        False,
    ),
    ("fil", "Ayon sa Republic Act No. 11930 na naging batas noong Hulyo 30, 2022, bawal ito.", False),
    ("en", "The Modern Slavery Act came into force on 29 October 2015.", False),
    (
        "es",
        "Los condenó la Ley 263, Ley Integral contra la Trata y Tráfico de Personas, del 31 de julio de 2012.",
        False,
    ),
    ("es", "Su abogada, Rosa Pérez, del 31 de julio de 2012 en adelante la acompañó.", True),
    # redteam11: a citation, not a statute's name, before "noong"; a care plan is no statute
    (
        "fil",
        "Nailigtas siya sa paglabag sa Anti-Trafficking in Persons Act, RA 9208, noong 14 Marso 2024.",
        True,
    ),
    ("pt", "A equipe escreveu o seu PIA, Plano Individual de Atendimento, de 12 de março de 2024.", True),
    ("es", "Según la ley, Asha fue adoptada el 14 de junio de 2012.", True),
    ("en", "Under the Act, the warrant was signed on 3 May 2025.", True),
    ("es", "Su historia fue publicada el 14 de junio de 2025.", True),
]


@pytest.mark.parametrize(("lang", "sentence", "flagged"), OUR_EVENTS + ENACTED)
def test_an_event_or_a_laws_date_is_explained_only_apart_from_a_life(
    tmp_path: pathlib.Path, lang: str, sentence: str, flagged: bool
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, "Manila, Philippines")})
    found = [h for h in unreviewed(root) if "DATE-EXACT" in h]
    assert bool(found) is flagged, unreviewed(root)


def test_a_withheld_relative_described_by_a_kinship_word_alone(tmp_path: pathlib.Path) -> None:
    """'Mama' is what she is called at home, not a name; 'Rosa' withheld is still written like one."""
    for name, flagged in (("Mama", False), ("Nanay", False), ("Rosa", True)):
        mother = {"name": name, "role": "relative", "name_type": "withheld", "relation_to": "Asha"}
        story = _story("en", "Her mother waited at home.", people=[survivor(), mother])
        found = heads(check_site(make_site(tmp_path / name, {STORY: story})), "PEOPLE-RELATIVE-NAMED")
        assert bool(found) is flagged, found


def test_an_account_with_its_dots_spelled_out(tmp_path: pathlib.Path) -> None:
    unsafe = "Nag-message si Asha mula sa FB niya (jhessamae dot delosreyes dot 98), at agad siyang sinagot."
    root = make_site(tmp_path / "leak", {STORY: _childs_story("fil", unsafe, "Manila, Philippines")})
    found = heads(check_site(root), "ID-SOCIAL")
    assert found and "jhessamae" not in found[0]
    clean = "On Facebook we dot every i and cross every t."
    root = make_site(tmp_path / "safe", {STORY: _childs_story("en", clean, "Manila, Philippines")})
    assert heads(check_site(root), "ID-SOCIAL") == []


# A red team's leaks behind the explanations above (redteam8), each on a child's story: every one must
# still stop the story.
BEHIND_EXPLANATIONS = [
    ("fil", "Manila, Philippines", 'Bumalik siya sa kanilang barangay, "Bagong Pag-asa", noong isang buwan.'),
    # a relative's given name that is also a town, after a locative ("cerca de", "from"): found on main
    ("es", "Guadalajara, México", "Vive cerca de su tía Carmen."),
    ("en", "Manila, Philippines", "She got a gift from her aunt Carmen Ruiz."),
    ("fr", "Abidjan, Côte d'Ivoire", "Un jour, c'est Matondo qui est venu la chercher à l'école."),
    ("en", "Nakuru, Kenya", "She grew up with her grandmother in Molo, an hour away."),
    (
        "en",
        "Leeds, United Kingdom",
        "Our fundraising gala will be on 14 February 2026.\nThat night police brought in a girl of twelve.",
    ),
    (
        "fr",
        "Abidjan, Côte d'Ivoire",
        (
            "L'ordonnance de placement, prise en application de l'article 8 de la loi n° 2016-1111, est "
            "entrée en vigueur le 14 janvier 2026."
        ),
    ),
    (
        "pt",
        "Recife, Brasil",
        (
            "Com base no artigo 5 da lei de cotas, aprovada em 3 de fevereiro de 2026 na lista da "
            "universidade, a vaga foi confirmada."
        ),
    ),
    (
        "en",
        "Leeds, United Kingdom",
        "Last month she sang a solo in the show Oakwood Primary put on for parents.",
    ),
    ("es", "Cusco, Perú", "Lucía nació el 4 de febrero de 2011 en una comunidad quechua."),
    ("es", "Tegucigalpa, Honduras", "Creció en Granada, un caserío del departamento de Olancho."),
    ("es", "Lima, Perú", "Juega en el equipo del Colegio Santa Rosa de Lima los sábados."),
    ("es", "Iquitos, Perú", "Su familia vive en El Estrecho, y una vez al mes habla con su madre."),
    # the second round (redteam9)
    (
        "en",
        "Mombasa, Kenya",
        "Our candlelit vigil will take place on 14 March 2027, one year to the day after the police raid.",
    ),
    (
        "es",
        "Lima, Perú",
        "La Ley contra la Trata de Personas fue publicada el 25 de abril de 2012, el mismo día en que nació Asha.",
    ),
    ("es", "Lima, Perú", "Así nació, el 3 de marzo de 2010, el sueño de sus padres: una niña."),
    (
        "pt",
        "Maceió, Brasil",
        "A família ainda mora numa palafita na Baía Formosa, perto do porto dos pescadores.",
    ),
    (
        "fr",
        "Dakar, Sénégal",
        "Ils vivent dans une case en bois au bord de la baie de Kindele, près du débarcadère.",
    ),
    ("es", "Tegucigalpa, Honduras", "Nunca faltaba a un partido del Cuyamel, el equipo de su aldea."),
    # the third round (redteam10)
    ("fil", "Manila, Philippines", "Tumana ang kinalakhan niya, malapit sa ilog."),
    ("en", "Goma, DR Congo", "Matondo walks her to the school gate every morning."),
    (
        "en",
        "Cebu City, Philippines",
        "Our vigil will take place in Cebu City on 14 March 2027, when the trial of the two recruiters opens.",
    ),
    (
        "es",
        "Bogotá, Colombia",
        "La medida de restablecimiento dictada conforme a la Ley 1098 entró en vigor el 12 de mayo de 2026.",
    ),
    ("es", "Lima, Perú", "Así nació, el 3 de marzo de 2012, el centro de su mundo."),
    (
        "en",
        "Cebu City, Philippines",
        'She sang the song "Sitio Malipayon", about the lane where she grew up.',
    ),
    ("fil", "Manila, Philippines", "Naglalaro siya sa koponan ng Barangay Malinta tuwing Sabado."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), BEHIND_EXPLANATIONS)
def test_leaks_hidden_behind_the_new_explanations_still_stop(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert [h for h in unreviewed(root) if "DECISION-MISSING" not in h]


def test_a_withheld_relative_called_by_a_word_that_is_also_a_name_is_written_like_a_name(
    tmp_path: pathlib.Path,
) -> None:
    for name in ("Ama", "Ina", "Lola", "Tau"):
        aunt = {"name": name, "role": "relative", "name_type": "withheld", "relation_to": "Asha"}
        story = _story("en", "Her aunt met her at the station.", people=[survivor(), aunt])
        assert heads(check_site(make_site(tmp_path / name, {STORY: story})), "PEOPLE-RELATIVE-NAMED"), name


# Names that were explained word by word although the text says what they name (found by a red team,
# redteam11, and in earlier notes): a name others give a neighbourhood, a quoted school's name, a named
# house where she lives, a family's surname that is also a frequent word, and a foreign place read
# without the capitalised article that is part of a local one's name.
NAMED_FOR_WHAT_THEY_ARE = [
    (
        "en",
        "Dhaka, Bangladesh",
        "She grew up in a neighbourhood everyone calls Little Dhaka.",
        "PLACE-PRECISION",
    ),
    ("fr", "Dakar, Sénégal", "Son quartier, « Derrière Rails », est bruyant.", "PLACE-PRECISION"),
    ("fr", "Dakar, Sénégal", "Elle vit dans un quartier qu'on appelle Petit Paris.", "PLACE-PRECISION"),
    ("es", "Puebla, México", "Vive en una colonia que todos llaman La Loma Bonita.", "PLACE-PRECISION"),
    (
        "pt",
        "Recife, Brasil",
        "Ela mora numa comunidade que todos chamam de Buraco Quente.",
        "PLACE-PRECISION",
    ),
    (
        "en",
        "Manila, Philippines",
        'She went back to her old school, "Little Flower", last month.',
        "ID-INSTITUTION",
    ),
    ("fil", "Manila, Philippines", "Nakatira si Asha sa Bahay ng Pag-asa ngayon.", "ID-INSTITUTION"),
    ("en", "Manila, Philippines", "Asha now lives at Home of Hope.", "ID-INSTITUTION"),
    ("es", "Puebla, México", "Asha vivía con los Ramírez Soto.", "RELATIVE-NAMED"),
    ("es", "Puebla, México", "Asha vivía con la familia Ramírez.", "RELATIVE-NAMED"),
    ("en", "Dhaka, Bangladesh", "Asha stayed with the Ramírez family.", "RELATIVE-NAMED"),
    ("fr", "Dakar, Sénégal", "Asha vivait chez les Dupont.", "RELATIVE-NAMED"),
    ("es", "Puebla, México", "Asha creció en Las Flores.", "PLACE-PRECISION"),
    # redteam14: whose home it is, though the word is a plural noun ("flores", "santos") or a region
    # elsewhere (Uruguay's Flores, the Brazilian city of Santos)
    ("es", "Oaxaca, México", "Asha vive en la casa de los Flores desde marzo.", "RELATIVE-NAMED"),
    ("fil", "Quezon City, Philippines", "Nakatira si Asha sa bahay ng mga Santos.", "RELATIVE-NAMED"),
    ("pt", "Recife, Brasil", "Asha mora na casa dos Santos desde março.", "RELATIVE-NAMED"),
    # the naming verb some words after the settlement's word
    (
        "en",
        "Ranchi, India",
        "She grew up in a village the older women still call Green Hill.",
        "PLACE-PRECISION",
    ),
    (
        "fr",
        "Dakar, Sénégal",
        "Elle vit dans un quartier que les jeunes du coin appellent Petit Paris.",
        "PLACE-PRECISION",
    ),
    (
        "pt",
        "Recife, Brasil",
        "Ela mora numa comunidade que os moradores antigos chamam de Buraco Quente.",
        "PLACE-PRECISION",
    ),
    (
        "es",
        "Puebla, México",
        "Vive en una colonia que todos en el pueblo llaman La Loma.",
        "PLACE-PRECISION",
    ),
    # redteam15 (against 752f853): other homes, relatives before the family, a quoted name, other
    # tenses, another country's city given as a colonia's name
    (
        "en",
        "Kolkata, India",
        'Asha now lives in a village that the older women still call "Green Hill".',
        "PLACE-PRECISION",
    ),
    (
        "es",
        "Oaxaca, México",
        "Asha vivía en la casa familiar de los Torres, en las afueras.",
        "RELATIVE-NAMED",
    ),
    ("es", "Oaxaca, México", "Asha vivía en el departamento de los Santos.", "RELATIVE-NAMED"),
    ("es", "Oaxaca, México", "Asha vivía en la casa de los abuelos, los Santos.", "RELATIVE-NAMED"),
    ("es", "Oaxaca, México", "Asha pasaba los veranos en las casas de los Santos.", "RELATIVE-NAMED"),
    (
        "es",
        "Oaxaca, México",
        'Ahora vive en una colonia que las señoras todavía llaman "El Tanque".',
        "UNDECLARED-NAME",
    ),
    (
        "es",
        "Monterrey, México",
        "Ahora vive con su tía en una colonia que todos llaman Buenos Aires.",
        "PLACE-PRECISION",
    ),
    (
        "fr",
        "Dakar, Sénégal",
        "Asha vit maintenant dans un quartier que les anciennes ont toujours appelé Colline Verte.",
        "PLACE-PRECISION",
    ),
    (
        "fr",
        "Dakar, Sénégal",
        "Asha vit maintenant dans un quartier que les anciennes nommaient Colline Verte.",
        "PLACE-PRECISION",
    ),
    (
        "fr",
        "Dakar, Sénégal",
        "Asha vit maintenant dans un quartier que les anciennes appellent « Colline Verte ».",
        "PLACE-PRECISION",
    ),
    ("pt", "Recife, Brasil", "Asha morava no apartamento dos Santos.", "RELATIVE-NAMED"),
    ("pt", "Recife, Brasil", "Asha morava na casa de seus tios, os Santos.", "RELATIVE-NAMED"),
    ("fil", "Quezon City, Philippines", "Nakatira si Asha sa bahay ng pamilyang Santos.", "RELATIVE-NAMED"),
    # a naming verb of three words: its first word is what makes the plain words after it worth reading
    (
        "en",
        "Kolkata, India",
        "Asha now lives in a village the older women refer to as Green Hill.",
        "PLACE-PRECISION",
    ),
    # a street's name after its word and "of", with or without an article (published on main before)
    ("pt", "Maputo, Moçambique", "Asha mora na rua da Esperança.", "PLACE-PRECISION"),
    ("pt", "Maputo, Moçambique", "Asha mora na rua das Flores.", "PLACE-PRECISION"),
    ("fr", "Dakar, Sénégal", "Asha habite rue de la Paix.", "PLACE-PRECISION"),
    # a name in italics where a place, a relative or a school would stand is no foreign word
    ("fr", "Dakar, Sénégal", "Asha vit dans le village *Tafraout*.", "UNDECLARED-NAME"),
    ("fr", "Dakar, Sénégal", "Asha appelle sa fille *Maria*.", "UNDECLARED-NAME"),
    ("en", "Accra, Ghana", "Asha is now at Sisler High.", "ID-INSTITUTION"),
    # what the explanations above must leave alone: a judge's order, a rescue "under the Act", a shelter's
    # name, the town without its county, a street
    (
        "fr",
        "Niamey, Niger",
        "L'ordonnance de placement du 3 mars 2025 a confié Asha à sa tante.",
        "DATE-EXACT",
    ),
    ("en", "Manila, Philippines", "Asha was rescued under the Act on 3 March 2025.", "DATE-EXACT"),
    ("pt", "Luanda, Angola", "Asha vive no Abrigo da Esperança.", "ID-INSTITUTION"),
    ("en", "Mombasa, Kenya", "Asha grew up in Kilifi.", "PLACE-PRECISION"),
    ("en", "Manila, Philippines", "Asha lives on Bureau Street.", "PLACE-PRECISION"),
]
# heldout15, a fresh set of safe stories, made a dev set after it was measured: words of another language set in
# italics and translated, "Si" that is French "if", the declared person or organisation after a place's
# word, a school level, a region named by its word in a sentence opening with a quote.
STILL_EXPLAINED_FRESH = [
    ("fr", "Rabat, Maroc", "Elle attend toujours. « *Sbr* », dit-elle en souriant. Patience."),
    (
        "fr",
        "Port-au-Prince, Haïti",
        "« L'an prochain, j'y vais », dit-elle. « *Si Bondye vle.* Si Dieu le veut. »",
    ),
    ("fil", "Iloilo, Pilipinas", '> "*Palangga*, sabi ko sa kanya. Mahal. Ilang beses ko inulit."'),
    ("es", "Potosí, Bolivia", '*"Yachachiq."* Profesor.'),
    ("pt", "Cuiabá, Brasil", "Libertado de uma fazenda, Asha virou agente de prevenção."),
    ("fr", "Dakar, Sénégal", "Un éducateur de rue de Example Trust à Dakar a rencontré Asha."),
    ("en", "Accra, Ghana", "Asha is now in Junior High, and her teachers say her maths is the best."),
    ("es", "Lima, Perú", "Asha creció en un pueblo de la Amazonía."),
    ("fil", "Riyadh, Saudi Arabia", "May karapatan ang helper sa Minimum Allowable Wage kada buwan."),
    ("fil", "Riyadh, Saudi Arabia", "Samantala, nag-enroll si Asha sa Caregiving NC II ng TESDA."),
    # heldout16, made a dev set after it was measured: a numbered ordinance's or an organic law's date,
    # a national day, "ao abrigo da lei" (under the law), a county named with its town, a state after
    # "ng", the declared name and then "at" (and), a currency's symbol, a body named "Bureau of…", and a
    # way home that is no street
    (
        "fr",
        "Niamey, Niger",
        "Asha est victime au sens de l'ordonnance n° 2010-86 du 16 décembre 2010 relative à la lutte contre la traite.",
    ),
    (
        "fr",
        "Tunis, Tunisie",
        "Asha est victime au sens de la loi organique n° 2016-61 du 3 août 2016, relative à la traite.",
    ),
    (
        "fr",
        "Libreville, Gabon",
        "Asha a préparé une pièce montée pour la fête de l'Indépendance, le 17 août.",
    ),
    ("pt", "Luanda, Angola", "O caso foi investigado ao abrigo do Código Penal angolano."),
    ("pt", "Maputo, Moçambique", "O homem está a ser julgado ao abrigo da Lei n.º 6/2008."),
    ("en", "Mombasa, Kenya", "A woman who visited her home area in Kilifi County promised her mother a job."),
    ("fil", "Zamboanga, Pilipinas", "Ngayon ay 16 na si Asha at Grade 11 sa ilalim ng STEM strand."),
    ("fil", "Zamboanga, Pilipinas", "Nagtrabaho si Asha sa isang palengke ng Sabah bago siya umuwi."),
    ("en", "Freetown, Sierra Leone", "A gift of NLe 1,000 pays for a month of an apprenticeship."),
    ("en", "Lusaka, Zambia", "K1,200 keeps a child in school for a full year."),
    ("en", "Dhaka, Bangladesh", "He filed a complaint with the Bureau of Manpower, Employment and Training."),
    ("fr", "Conakry, Guinée", "À la frontière, un poste de la Croix-Rouge les a orientés vers notre équipe."),
]
STILL_EXPLAINED = [
    ("en", "Dhaka, Bangladesh", 'In her village, "Everyone helps everyone," Asha says.'),
    ("en", "Dhaka, Bangladesh", "She moved to the city known as Dhaka."),
    ("es", "Puebla, México", "Luego viajó a Las Vegas con el equipo."),
    ("es", "Puebla, México", "Vio pasar a los Reyes Magos en enero."),
    ("fil", "Manila, Philippines", "Nakatira siya sa bahay ng kanyang tiya."),
    ("es", "Oaxaca, México", "Vive en una casa de Oaxaca desde marzo."),
    ("es", "Oaxaca, México", "Las casas de los Altos de Chiapas son de adobe."),
    ("en", "Ranchi, India", "In her village everyone calls Christmas the big day."),
    ("en", "Ranchi, India", "The village where she grew up calls Diwali the festival of lights."),
    ("en", "Ranchi, India", "The school nurse calls Asha every week."),
    # redteam15: a school or a shelter phoning a public body; English words in Taglish
    ("es", "Oaxaca, México", "Cuando una niña falta a clases, la escuela llama al Ministerio Público."),
    (
        "es",
        "Oaxaca, México",
        "Si una alumna denuncia violencia, la escuela llama al Centro de Justicia para las Mujeres.",
    ),
    ("pt", "Recife, Brasil", "Quando uma criança falta muitos dias, a escola chama o Conselho Tutelar."),
    (
        "pt",
        "Recife, Brasil",
        "Quando uma menina precisa de orientação jurídica, o abrigo chama a Defensoria Pública.",
    ),
    ("en", "Kolkata, India", "If a girl runs away, the shelter staff call Bachpan Bachao Andolan at once."),
    ("fil", "Quezon City, Philippines", "Tuwing Pasko may party sa bahay ng mga Sponsor niya."),
    ("fil", "Quezon City, Philippines", "Tuwing Sabado tumutulong siya sa bahay ng mga Volunteer."),
    ("es", "Oaxaca, México", "El albergue llama al Sistema DIF cada semana."),
    ("fil", "Quezon City, Philippines", "Sa shelter, tinatawag nilang Nanay ang mga house parent."),
    # "sa" is French "her", not a possessive after the compound's word
    ("fil", "Manila, Philippines", "Dinala siya sa isang scam compound sa Myanmar."),
]


@pytest.mark.parametrize(("lang", "location", "sentence", "rule"), NAMED_FOR_WHAT_THEY_ARE)
def test_a_name_the_text_says_is_a_place_a_house_or_a_family_is_not_explained_by_its_words(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, rule: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert heads(check_site(root), rule), sentence


@pytest.mark.parametrize(("lang", "location", "sentence"), STILL_EXPLAINED + STILL_EXPLAINED_FRESH)
def test_speech_a_places_own_article_and_a_plural_noun_stay_explained(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Withdrawn before they reached main: red teams (redteam13, redteam14) published each of these through
# an explanation of a report's calendar period ("from 1 March to 31 May" in a sentence with "report"),
# of a team after "against", "between" or "torce pelo", of a region's or a sea's word, and of a
# declared person after "her village,".
REDTEAMS = [
    (
        "en",
        "Manila, Philippines",
        "The police report on the flat covers 1 March to 31 May 2025, the three months the two girls were held there.",
    ),
    (
        "es",
        "Lima, Perú",
        "Ese periodo, del 1 de febrero al 30 de abril de 2025, lo pasó encerrada en un cuarto sin ventanas.",
    ),
    (
        "fil",
        "Manila, Philippines",
        "Sakop ng ulat ng pulisya ang panahon mula Marso 1 hanggang Mayo 31, 2025.",
    ),
    (
        "en",
        "Ranchi, India",
        "As a little girl she played between Mahuagarhi and the river, and she knew every path.",
    ),
    ("pt", "Manaus, Brasil", "Aos domingos, torce pelo Tumbira no campeonato das comunidades."),
    ("es", "Guatemala, Guatemala", "Su aldea, Asha, queda a dos horas de camino de la carretera."),
    # older: a possessive after the village's word ("a comunidade dela")
    ("pt", "Belém, Brasil", "A comunidade dela, Asha, fica a três horas de barco de Belém."),
    # redteam14: a region's word, a sea's word, a declared name without its second comma, a family after
    # "dos", a named house after "nasa"
    (
        "en",
        "Ranchi, India",
        "She grew up in the Lupungdih region of Jharkhand, where families farm one crop.",
    ),
    ("es", "Oaxaca, México", "Creció en la región de San Isidro Chacalapa, donde todos siembran maíz."),
    ("es", "Oaxaca, México", "Su familia vivía frente al mar en Chacahua, en una casa de palma."),
    ("en", "Ranchi, India", "Her village, Asha is two hours from the nearest road."),
    ("pt", "Recife, Brasil", "Ela trabalhava na casa dos Ferreira, na mesma rua da feira."),
    ("fil", "Manila, Philippines", "Nasa Bahay ng Pag-asa siya ngayon, kasama ang ibang batang babae."),
]


# Red team 16 published each of these through an explanation added the same day (withdrawn or narrowed
# before CI): a name in italics after a comma, a verb or "como"; an English word naming a bar, a
# subdivision or a school in Taglish; a girl's name one letter from a state after "l'état de" or before
# the verb "state"; "si" in a Tagalog quotation in an English story.
REDTEAMS_16 = [
    (
        "en",
        "Cebu, Philippines",
        "Her little brother, everyone calls him *Toto*, still asks when she is coming home.",
    ),
    (
        "fr",
        "Abidjan, Côte d'Ivoire",
        "Sa meilleure amie de l'époque, *Choupette*, a été libérée le même jour.",
    ),
    (
        "fr",
        "Abidjan, Côte d'Ivoire",
        "Elle a grandi dans un campement de pêcheurs, *Adjahui*, à deux heures de la ville.",
    ),
    ("fr", "Abidjan, Côte d'Ivoire", "*Djidji*, comme l'appelle sa grand-mère, dort enfin la nuit."),
    ("es", "Guayaquil, Ecuador", "Su hermanito, *Toñito*, pregunta por ella cada noche."),
    ("pt", "Recife, Brasil", "Todo mundo conhecia a mãe dela como *Biazinha*."),
    ("fil", "Cebu, Philippines", "Ang matalik niyang kaibigan noon, *Tisay*, ay nailigtas din."),
    ("fil", "Cebu, Philippines", "Pinagtrabaho siya sa Starlight, isang videoke bar sa tabi ng pantalan."),
    (
        "fil",
        "Cebu, Philippines",
        "Nakatira na siya ngayon sa Greenfield, isang subdivision malapit sa bayan.",
    ),
    ("fr", "Paris, France", "Asha attend des nouvelles de l'état de Marie, une autre fille du foyer."),
    ("es", "Guayaquil, Ecuador", "Asha pregunta todos los días por el estado de Esmeralda, su compañera."),
    ("pt", "Fortaleza, Brasil", "Asha pergunta sempre pelo estado de Clara, a outra menina resgatada."),
    ("en", "Dar es Salaam, Tanzania", "The lawyer helped Linda state in her own words what had happened."),
    ("en", "Cebu, Philippines", 'Every night Asha asked the same question: "Nasaan si Lovely?"'),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), REDTEAMS + REDTEAMS_16)
def test_a_period_a_team_and_a_declared_name_after_a_village_word_do_not_explain_a_detail(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


def test_a_municipality_of_a_big_city_is_finer_than_the_city(tmp_path: pathlib.Path) -> None:
    """The gazetteer lists Luanda's municipalities as cities of their own (Hoji ya Henda, 642,000
    people, 7 km from the centre): a held-out leak named one on a child's story and published. A
    place within 8 km of a city four times its size in the same province is part of that city."""
    leak = "Hoje vive com a avó no Hoji-ya-Henda e vai à escola todas as manhãs."
    root = make_site(tmp_path / "a", {STORY: _childs_story("pt", leak, "Luanda, Angola")})
    assert heads(check_site(root), "PLACE-PRECISION"), leak
    safe = "Hoje vive com a avó em Luanda e vai à escola todas as manhãs."
    root = make_site(tmp_path / "b", {STORY: _childs_story("pt", safe, "Luanda, Angola")})
    assert unreviewed(root) == [], safe


def test_a_file_name_made_from_the_title_is_read_in_the_title(tmp_path: pathlib.Path) -> None:
    """A file name whose words are the title's, some left out, says nothing the title does not; read
    alone, its words ran together into a school ("…le Chemin de l'École", "Sari Sari Store"). A word
    the title does not have is still read: a school in the file name stops."""
    title = "Loin des sites d'orpaillage, le chemin de l'école"
    text = _story("fr", "Asha a repris le chemin de l'école en octobre.", title=title)
    root = make_site(
        tmp_path / "a", {"content/stories/loin-des-sites-d-orpaillage-le-chemin-de-l-ecole.md": text}
    )
    assert unreviewed(root) == []
    text = _story(
        "fil", "Nagbukas si Asha ng tindahan.", title="Mula Riyadh Hanggang sa Sariling Sari-sari Store"
    )
    root = make_site(tmp_path / "b", {"content/stories/mula-riyadh-hanggang-sari-sari-store.md": text})
    assert unreviewed(root) == []
    text = _story("fr", "Asha a repris le chemin de l'école en octobre.", title="Le chemin de l'école")
    root = make_site(tmp_path / "c", {"content/stories/le-chemin-de-l-ecole-xolalpa-tzintzun.md": text})
    found = check_site(root)
    assert heads(found, "ID-INSTITUTION") or heads(found, "UNDECLARED-NAME")


def test_a_family_named_by_its_surname_is_told_to_be_described_as_a_family(tmp_path: pathlib.Path) -> None:
    """'her mother' is no rewrite for the family she lives with: the fix offers a family's description,
    and neither the message nor the fix prints the name."""
    sentence = "Asha vive con la familia Ramírez desde marzo. Su tía Carmen la visita."
    root = make_site(tmp_path / "site", {STORY: _childs_story("es", sentence, "Puebla, México")})
    found = [f for f in check_site(root) if f.rule == "RELATIVE-NAMED"]
    family = [f.format() for f in found if "a family is named" in f.message]
    aunt = [f.format() for f in found if "a relative is named" in f.message]
    assert len(family) == 1 and len(aunt) == 1, [f.format() for f in found]
    assert "the family she lived with" in family[0] and '"her mother"' not in family[0]
    assert '"her mother"' in aunt[0]
    assert not any(name in text for text in family + aunt for name in ("Ramírez", "Carmen"))


# heldout17's safe stories (measured twice unread, then a dev set): what stopped them, each through a
# general rule — a kinship word of a language the text is not in, a public name whose article or first
# word stands before it, a demonym made with "-l-", states
# in a list with a coarse one or after "a municipality of", a French body's name in sentence case, a
# participle opening a sentence, a feminine plural, a currency's symbol, and the public names of two
# words or more in vocab/public.yaml.
HELDOUT_17_SAFE = [
    ("es", "Managua, Nicaragua", "Preparó dulces para los vecinos que le cantaron a la Purísima."),
    ("es", "San Salvador, El Salvador", "Volvió a casa con un oficio y la Selecta en el corazón."),
    ("fr", "Lomé, Togo", "Beaucoup de jeunes Togolaises envoyées au Gabon finissent domestiques."),
    ("pt", "Bissau, Guiné-Bissau", "Trabalhamos com líderes comunitários das regiões de Gabú e Bafatá."),
    ("es", "Puebla, México", "Vivía con sus padres en un municipio de Tlaxcala."),
    ("es", "Puebla, México", "Damos talleres a más de 9.000 estudiantes en Puebla y Tlaxcala."),
    (
        "fr",
        "Montréal, Canada",
        "Grâce au programme d'Indemnisation des victimes d'actes criminels, elle a pu suivre une thérapie.",
    ),
    ("fil", "Zamboanga, Philippines", "RM1,200 kada buwan daw ang sahod sa Sabah, Malaysia."),
    ("pt", "Belém, Brasil", "Aliciado no Maranhão para roçar pasto, ele trabalhou um ano sem salário."),
    ("pt", "Manaus, Brasil", "Ela foi ao Festival de Parintins e torceu pelo boi Caprichoso."),
    (
        "es",
        "Mendoza, Argentina",
        (
            "El Programa Nacional de Rescate y Acompañamiento a las Personas Damnificadas por el Delito de "
            "Trata allanó la finca."
        ),
    ),
    ("en", "Lahore, Pakistan", "She spent the day in a borrowed Lahore Qalandars shirt, playing cricket."),
    ("en", "Manchester, UK", "Officers from Greater Manchester Police carried out an inspection."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELDOUT_17_SAFE)
def test_public_names_states_and_words_of_heldout17_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


def test_a_kinship_word_of_another_language_is_the_texts_own_word(tmp_path: pathlib.Path) -> None:
    """English "gran" (grandmother) in Spanish is "great": "la Vendimia es la gran fiesta" named no
    relative. In English it still is one."""
    text = "«La Vendimia es la gran fiesta de Mendoza, pero detrás de cada racimo hay manos que nadie ve»."
    root = make_site(tmp_path / "a", {STORY: _childs_story("es", text, "Mendoza, Argentina")})
    assert not heads(check_site(root), "RELATIVE-NAMED")
    root = make_site(tmp_path / "b", {STORY: _childs_story("en", "Her gran, Sunita, cooks.", "Leeds, UK")})
    assert heads(check_site(root), "RELATIVE-NAMED")


# A relative's name that is also a state, a city or a word: each published on main
# (the place, the word or the public name explained it) and stops now.
NAMED_LIKE_PLACES = [
    ("en", "Leeds, UK", "Her mother, Georgia, works nights at a laundry."),
    ("en", "Leeds, UK", "Mary, her grandmother, walks her to school."),
    ("en", "Leeds, UK", "Her mother is called Mary."),
    ("en", "Leeds, UK", "Her mother, Faith, cooks for the whole street."),
    ("es", "Lima, Perú", "Su madre, Victoria, vende fruta en el mercado."),
    ("fr", "Paris, France", "Sa mère, Florence, fait des ménages."),
    ("pt", "Recife, Brasil", "A mãe dela, Vitória, trabalha na feira."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), NAMED_LIKE_PLACES)
def test_a_relative_named_like_a_place_a_word_or_a_public_figure_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert heads(check_site(root), "RELATIVE-NAMED"), sentence


# The other side of HELDOUT_17_SAFE: what its rules must not explain.
HELDOUT_17_STILL_STOP = [
    ("es", "Puebla, México", "Vivía en el municipio de Tlaxcala con su abuela."),  # the municipality itself
    ("pt", "Bissau, Guiné-Bissau", "Ela nasceu em Gabú e cresceu lá."),  # the town, on a child's story
    ("fr", "Paris, France", "Elle travaillait chez les Boucher de la rue."),  # a family
    ("fr", "Lomé, Togo", "Le 27 avril, jour de son anniversaire, elle a défilé."),  # her birthday
    ("pt", "Recife, Brasil", "A mãe dela mora em Recife com o pai e a irmã, Natália."),
]


def test_an_accused_named_on_a_childs_story_that_speaks_of_an_undeclared_relative_is_a_decision(
    tmp_path: pathlib.Path,
) -> None:
    """heldout18 published a child's story naming the convicted trafficker for real, while another
    paragraph said "son oncle est venu le chercher": nothing tied the two, and the uncle was the accused.
    Such a story now waits for a reviewer's decision (ACCUSED-UNPLACED); a relative the story declares
    (withheld, not accused) is accounted for, and an accused declared withheld is named nowhere."""
    from sitekit import person

    body = (
        "Asha avait 10 ans quand son oncle est venu la chercher. Elle a travaillé trois ans au marché.\n\n"
        "En mai, le tribunal de Libreville a condamné Paul Obiang à dix ans de prison.\n"
    )
    people = [survivor(minor=True), person("Paul Obiang", "accused", "real")]
    story = _story("fr", body, people=people, consent=CHILD_CONSENT, location="Libreville, Gabon")
    root = make_site(tmp_path / "a", {STORY: story})
    found = heads(check_site(root), "ACCUSED-UNPLACED")
    assert found and "Paul" not in found[0] and "Obiang" not in found[0]
    declared = people + [person("son oncle", "relative", "withheld", relation_to="Asha")]
    story = _story("fr", body, people=declared, consent=CHILD_CONSENT, location="Libreville, Gabon")
    root = make_site(tmp_path / "b", {STORY: story})
    assert not heads(check_site(root), "ACCUSED-UNPLACED")
    adult = [survivor(), person("Paul Obiang", "accused", "real")]
    root = make_site(tmp_path / "c", {STORY: _story("fr", body, people=adult, location="Libreville, Gabon")})
    assert not heads(check_site(root), "ACCUSED-UNPLACED")


# Red team 17 (white box, against 61d8392): each published a child's story through that commit's public
# names (single words: a team, an island, a festival; islands and valleys; public figures' full names),
# a feast's name after its article, states in a list, a French body's name, or a national day's date.
# Single words, islands and valleys and people's names are out of vocab/public.yaml, and each rule is
# narrowed; each sentence stops.
REDTEAMS_17 = [
    (
        "en",
        "Kampala, Uganda",
        "Mae's mother died when she was small, and Mae grew up with her grandmother, who sells charcoal. Her grandmother still lives near the market in Mengo.",
    ),  # L17-01-en-team-mengo
    (
        "en",
        "Kampala, Uganda",
        "Before she left, Mae sold vegetables at the market in Nkana with her grandmother.",
    ),  # L17-02-en-team-nkana
    (
        "fr",
        "Dakar, Sénégal",
        "Ses parents sont morts quand elle était petite. Elle a grandi à Bosso avec sa grand-mère.",
    ),  # L17-03-fr-team-bosso
    (
        "en",
        "Kampala, Uganda",
        "Instead of a family, Mae found a bar owner waiting for her. She had been made to work in a bar on Boracay for a year before anyone noticed her.",
    ),  # L17-04-en-island-boracay
    (
        "fil",
        "Cebu, Philippines",
        "Pero hindi pamilya ang naghihintay sa kanya. Pinagtrabaho siya sa isang bar sa Boracay nang isang taon.",
    ),  # L17-05-fil-island-boracay
    (
        "fr",
        "Dakar, Sénégal",
        "Elle a grandi à Kerkennah, où son père est pêcheur.",
    ),  # L17-06-fr-island-kerkennah
    ("en", "Kampala, Uganda", "She grew up on Atauro, where her father fishes."),  # L17-07-en-island-atauro
    (
        "en",
        "Kampala, Uganda",
        "She grew up in Langtang, three days' walk from the road, where her parents keep a few yaks.",
    ),  # L17-08-en-valley-langtang
    (
        "pt",
        "Maputo, Moçambique",
        "Ela cresceu na Ilha de Moçambique, onde a avó vende peixe.",
    ),  # L17-09-pt-island-ilha-de-mocambique
    ("fr", "Dakar, Sénégal", "Elle vient de Saut-d'Eau, dans le Centre."),  # L17-10-fr-festival-saut-d-eau
    (
        "en",
        "Kampala, Uganda",
        "Since March, she now lives with Ibrahim Traoré and his wife, who foster her.",
    ),  # L17-11-en-figure-ibrahim-traore
    (
        "fr",
        "Dakar, Sénégal",
        "Elle vit désormais chez Aminata Touré, qui l'accueille avec ses trois enfants.",
    ),  # L17-12-fr-figure-aminata-toure
    (
        "es",
        "Lima, Perú",
        "Hoy vive con Pedro Castillo y su esposa, que la acogen desde enero.",
    ),  # L17-13-es-figure-pedro-castillo
    (
        "pt",
        "Maputo, Moçambique",
        "Hoje ela mora com Roberto Carlos e a esposa, que a acolheram em janeiro.",
    ),  # L17-14-pt-figure-roberto-carlos
    (
        "en",
        "Kampala, Uganda",
        "Her teacher, Michael Essien, walks her home every day.",
    ),  # L17-15-en-figure-michael-essien
    (
        "en",
        "Kampala, Uganda",
        "She now lives with Mohamed Salah, a neighbour who took her in.",
    ),  # L17-16-en-figure-mohamed-salah
    (
        "fil",
        "Cebu, Philippines",
        "Ang tatay-tatayan niya, Mindoro ang tawag ng lahat, ang nagbenta sa kanya.",
    ),  # L17-17-fil-nickname-mindoro
    (
        "es",
        "Lima, Perú",
        "Su hermanastro, al que todos llaman Motagua, la vendió a un tratante.",
    ),  # L17-18-es-nickname-motagua
    (
        "es",
        "Lima, Perú",
        "Vivía en la Candelaria, al lado de la panadería de su tío.",
    ),  # L17-19-es-articled-candelaria
    (
        "es",
        "Lima, Perú",
        "Creció en la Purísima, a dos cuadras de la iglesia.",
    ),  # L17-20-es-articled-purisima
    ("es", "Lima, Perú", "Creció en el Bajío, a dos cuadras del mercado."),  # L17-21-es-articled-bajio
    (
        "pt",
        "Maputo, Moçambique",
        "Ela vendia água nas paragens de Bafatá e Gabú.",
    ),  # L17-22-pt-among-states-bafata-gabu
    (
        "fr",
        "Dakar, Sénégal",
        "Pendant un an, elle a dû servir à boire au Paradis pour des hommes beaucoup plus âgés.",
    ),  # L17-23-fr-body-name-paradis
    (
        "fr",
        "Dakar, Sénégal",
        "Elle a été libérée le 27 avril, jour de la fête de l'indépendance.",
    ),  # L17-24-fr-observance-independance
    (
        "en",
        "Kampala, Uganda",
        "She was rescued on 6 March, the day of independence, by police.",
    ),  # L17-25-en-observance-independence
    (
        "pt",
        "Maputo, Moçambique",
        "Ela foi resgatada no dia 3 de março, durante uma festa de forró no povoado.",
    ),  # L17-26-pt-festival-forro
    (
        "es",
        "Lima, Perú",
        "Lucía fue rescatada el 14 de marzo, en plena vendimia, en una finca.",
    ),  # L17-27-es-festival-vendimia
    ("en", "Kampala, Uganda", "Her cousin Bam still works at the resort."),  # L17-28-en-currency-bam
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELDOUT_17_STILL_STOP + REDTEAMS_17)
def test_what_heldout17s_rules_and_public_names_must_not_explain_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 17's older holes: each published on main and stops now. Where she lives or grew up ("cresceu
# no", "nakatira sila sa", "grew up in", "a grandi au"), a team, a devotion, a lake or a place's own word
# explained her neighbourhood's name; and a surname shaped like a participle opened a sentence
# ("Delgado"; "Hurtado", rarer in English than the word table keeps, is still an open hole).
OLDER_HOLES_17 = [
    ("pt", "Rio de Janeiro, Brasil", "Ela cresceu no Flamengo, perto da praia."),  # O17-01
    ("fil", "Iloilo City, Philippines", "Nakatira sila sa Santo Niño, malapit sa palengke."),  # O17-02
    (
        "en",
        "General Santos, Philippines",
        "She grew up in Lake Sebu, where her mother weaves cloth.",
    ),  # O17-03
    ("fr", "Abidjan, Côte d'Ivoire", "Elle a grandi au Plateau à deux rues de la gare."),  # O17-04
    ("pt", "Lisboa, Portugal", "Ela mora no Benfica com a tia."),
    ("es", "Lima, Perú", "Delgado la vigilaba día y noche."),
    # a landmark is a public name, but no region where she lives
    ("en", "Mumbai, India", "She grew up near the Victoria Memorial."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), OLDER_HOLES_17)
def test_where_she_lives_only_a_place_explains_a_name_and_a_surname_opening_a_sentence_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# The other side: a region of several words, a compass point or a metropolitan area where she lives,
# and a participle opening a sentence before its comma, build. (A region of one word there does not:
# red team 18's "Lumaki siya sa Caraga" and "sells fish in Panay" are towns too.)
WHERE_SHE_LIVES_SAFE = [
    ("pt", "Recife, Brasil", "Ela mora no Nordeste desde pequena."),
    ("pt", "Recife, Brasil", "Hoje vive na Região Metropolitana do Recife."),
    ("fr", "Dakar, Sénégal", "Elle est née en Casamance."),
    ("en", "Accra, Ghana", "She grew up in the Middle East and now lives in the north of the country."),
    ("es", "Lima, Perú", "Rescatada en 2019, hoy vive con su tía."),
    ("es", "Lima, Perú", "Cansada, se durmió en el bus."),
    ("pt", "Recife, Brasil", "Resgatada pela polícia em março, ela hoje estuda."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), WHERE_SHE_LIVES_SAFE)
def test_a_region_where_she_lives_and_a_participle_opening_a_sentence_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# heldout16's safe stories (a dev set): a singer, a footballer, a club told as culture. Each stopped on
# main.
CULTURE_SAFE = [
    ("en", "Chicago, USA", "When she can't sleep, she puts on an old Taylor Swift album and draws."),
    (
        "en",
        "Lusaka, Zambia",
        "On match days he wears a green Chipolopolo shirt, a present from our Lusaka office.",
    ),
    ("fr", "Kinshasa, RD Congo", "Elle aime les mathématiques et les chansons de Fally Ipupa."),
    ("pt", "Lisboa, Portugal", "Sonha ver Cristiano Ronaldo jogar ao vivo antes de ele se retirar."),
    ("pt", "Lisboa, Portugal", '"Eu ouvia a Cesária Évora no rádio da cozinha e chorava", diz.'),
    ("fr", "Libreville, Gabon", "« Elle connaissait tous les joueurs des Panthères. »"),
    # "filles" is a kinship word, but not hers: no possessive before it and not next to the name
    ("fr", "Kinshasa, RD Congo", "Les autres filles reprennent en chœur les chansons de Fally Ipupa."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), CULTURE_SAFE)
def test_a_public_figure_or_a_club_told_as_culture_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# The other side: a public figure's name for someone in her life, with her, or related to her, stops
# (red team 17's foster carers and teacher are in REDTEAMS_17).
CULTURE_STILL_STOPS = [
    ("en", "Accra, Ghana", "She plays football with Michael Essien every Sunday."),
    ("en", "Kinshasa, DR Congo", "Her favourite singer is her aunt, Fally Ipupa."),
    ("en", "Chicago, USA", "Her teacher, Taylor Swift, plays her songs in class."),
    ("es", "Lima, Perú", "Escucha la radio con Pedro Castillo, su vecino."),
    ("en", "Kinshasa, DR Congo", "Fally Ipupa, her cousin, sings at weddings."),
    ("fr", "Kinshasa, RD Congo", "Sa tante, Fally Ipupa, chante le refrain aux mariages."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), CULTURE_STILL_STOPS)
def test_a_public_figures_name_for_someone_in_her_life_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# heldout10's Filipino safe stories (a dev set): the peso written "P", and a count whose thousands are
# separated, before what it counts (a Filipino linker between or not). Each stopped on main.
COUNTS_AND_PESOS_SAFE = [
    ("fil", "Iloilo City, Philippines", "Pinangakuan siya ng trabaho sa Maynila: P18,000 kada buwan."),
    ("fil", "Bacolod, Philippines", "Ngayong taon, 14,300 na estudyante ang dumalo sa prevention sessions."),
    ("en", "Bacolod, Philippines", "This year 27,400 parents came to the sessions."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), COUNTS_AND_PESOS_SAFE)
def test_a_peso_amount_and_a_count_of_thousands_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Her passport number is P1234567.",
        "Her ID is 12,345,678 here.",
        "Her case number is 27,400 at the court.",
    ],
)
def test_a_passport_an_id_or_a_case_number_written_like_an_amount_still_stops(
    tmp_path: pathlib.Path, sentence: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story("en", sentence, "Manila, Philippines")})
    assert [h for h in unreviewed(root) if "DECISION-MISSING" not in h], sentence


# heldout15's safe stories (a dev set): the upper or lower part of a country or a state, a legal term
# named after a person, a highway and a people the gazetteer does not derive. Each stopped on main.
WORDS_OF_HELDOUT_15_SAFE = [
    ("fr", "Conakry, Guinée", "Il vient de Haute-Guinée, comme beaucoup d'autres garçons."),
    ("es", "Lima, Perú", "Declaró una sola vez, en cámara Gesell, sin ver al acusado."),
    ("es", "Lima, Perú", "Dos días de viaje por la Interoceánica después, llegó a la mina."),
    ("en", "Dili, Timor-Leste", "She is one of seven Timorese women who came home this year."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), WORDS_OF_HELDOUT_15_SAFE)
def test_a_part_of_a_country_a_legal_term_a_highway_and_a_people_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Red team 18 (white box, against 9728fff): each published a child's story through that commit's
# public figures and one-word clubs next to any word of culture, compass stems, single-word regions
# where she lives; and places listed as regions or a people's name where she lives (older holes). Now
# a figure or a club is explained only when a word of culture governs it, the stems are withdrawn and a
# single-word region, a landmark or a people's name where she lives is no explanation.
REDTEAMS_18 = [
    (
        "en",
        "Accra, Ghana",
        "Her choir leader, Michael Essien, taught her old songs.",
    ),  # L18-01-en-choir-leader-essien
    (
        "en",
        "Kumasi, Ghana",
        "A pastor called Asamoah Gyan paid her bus fare and played gospel music in the car.",
    ),  # L18-02-en-pastor-gyan
    (
        "en",
        "Accra, Ghana",
        "The bar owner, Sulley Muntari, kept her passport and played loud music all night.",
    ),  # L18-03-en-bar-owner-muntari
    (
        "en",
        "Accra, Ghana",
        "The police arrested Thomas Partey, a match organiser, in March.",
    ),  # L18-04-en-arrested-partey
    (
        "pt",
        "Rio de Janeiro, Brasil",
        "A polícia encontrou Ana num bar em Botafogo, onde a música tocava a noite toda.",
    ),  # L18-05-pt-club-botafogo
    (
        "pt",
        "Recife, Brasil",
        "O motorista, Marina Silva, ouvia música alta.",
    ),  # L18-06-pt-driver-marina-silva
    (
        "es",
        "Lima, Perú",
        "El chofer del bus, Alan García, ponía música a todo volumen.",
    ),  # L18-07-es-chofer-alan-garcia
    (
        "es",
        "Lima, Perú",
        "La policía la encontró en un bar de Melgar donde sonaba música toda la noche.",
    ),  # L18-08-es-club-melgar
    (
        "es",
        "Ciudad de México, México",
        "Un hombre llamado Javier Hernández la llevó a un concierto y luego no la dejó volver.",
    ),  # L18-09-es-javier-hernandez
    (
        "es",
        "Guadalajara, México",
        "El pastor, Sergio Pérez, dirigía el coro y la banda de la iglesia.",
    ),  # L18-10-es-pastor-sergio-perez
    (
        "es",
        "Santiago, República Dominicana",
        "La trasladaron a Licey, donde la hacían bailar en un club.",
    ),  # L18-11-es-club-licey
    (
        "fr",
        "Dakar, Sénégal",
        "Le chauffeur, Omar Sy, écoutait de la musique toute la nuit.",
    ),  # L18-12-fr-chauffeur-omar-sy
    (
        "fr",
        "Conakry, Guinée",
        "Elle a été retrouvée dans un bar à Horoya où la musique jouait.",
    ),  # L18-13-fr-club-horoya
    (
        "fr",
        "Dakar, Sénégal",
        "Le marabout, Idrissa Gueye, organisait des matchs de lutte.",
    ),  # L18-14-fr-marabout-gueye
    (
        "fr",
        "Kinshasa, RD Congo",
        "Le chef de chorale, Fally Ipupa, lui apprenait des chansons le soir.",
    ),  # L18-15-fr-chorale-fally-ipupa
    (
        "fil",
        "Cebu City, Philippines",
        "Ang drayber ng jeep, si Efren Reyes, ay laging nagpapatugtog ng musika.",
    ),  # L18-16-fil-drayber-efren-reyes
    (
        "fil",
        "Cebu City, Philippines",
        "Ang konduktor ng bus, si Manny Pacquiao, ay laging nagpapatugtog ng musika.",
    ),  # L18-17-fil-konduktor-pacquiao
    (
        "en",
        "Kampala, Uganda",
        "Her grandmother still sells charcoal in Katanga.",
    ),  # L18-18-en-katanga-charcoal
    ("en", "Kampala, Uganda", "The police found her in a rented room in Katanga."),  # L18-19-en-katanga-room
    (
        "en",
        "Cagayan de Oro, Philippines",
        "She grew up in Agusan, where her father fishes.",
    ),  # L18-20-en-agusan-grew-up
    (
        "en",
        "Khartoum, Sudan",
        "Her uncle, whom everyone calls Darfur, took her to the city.",
    ),  # L18-21-en-darfur-nickname
    (
        "en",
        "Goma, DR Congo",
        "She grew up in Kivu, a fishing village of forty houses.",
    ),  # L18-22-en-kivu-village
    ("fr", "Kampala, Ouganda", "On l'a retrouvée dans un bar à Katanga."),  # L18-23-fr-katanga-bar
    ("fr", "Goma, RD Congo", "Elle a grandi à Kivu, où son père pêche."),  # L18-24-fr-kivu-grandi
    (
        "fil",
        "Cagayan de Oro, Philippines",
        "Lumaki siya sa Agusan, kung saan nangingisda ang kanyang ama.",
    ),  # L18-25-fil-agusan-lumaki
    (
        "fil",
        "Cagayan de Oro, Philippines",
        "Natagpuan siya ng pulis sa isang bar sa Agusan.",
    ),  # L18-26-fil-agusan-bar
    (
        "fil",
        "Davao City, Philippines",
        "Lumaki siya sa Caraga, kung saan nangingisda ang kanyang ama.",
    ),  # L18-27-fil-caraga-lumaki: also a region (pycountry's "Caraga (Region XIII)"), read as the town
    (
        "en",
        "Iloilo City, Philippines",
        "Her grandmother sells fish in Panay, a town by the river.",
    ),  # L18-28-en-panay-sells
    (
        "en",
        "Nairobi, Kenya",
        "Her trainer, Eliud Kipchoge, made her run to the stadium before dawn.",
    ),  # L18-29-en-trainer-kipchoge
    (
        "en",
        "Kampala, Uganda",
        "The police found her in a bar in Mengo where loud music played every night.",
    ),  # L18-30-en-club-mengo-bar
    ("en", "Lusaka, Zambia", "She was made to dance at a club in Nkana."),  # L18-31-en-club-nkana-dance
    (
        "fr",
        "Niamey, Niger",
        "On l'a retrouvée dans un bar à Bosso, où la musique jouait toute la nuit.",
    ),  # L18-32-fr-club-bosso-bar
    (
        "es",
        "Ciudad de México, México",
        "El representante, Raúl Jiménez, le prometió un lugar en un club de fútbol.",
    ),  # L18-33-es-representante-jimenez
    (
        "pt",
        "Recife, Brasil",
        "O empresário, Thiago Silva, prometeu-lhe um contrato com um clube.",
    ),  # L18-34-pt-empresario-thiago-silva
    (
        "fil",
        "Manila, Philippines",
        "Ang manager ng banda, si Bong Go, ang nagdala sa kanya sa Maynila.",
    ),  # L18-35-fil-manager-bong-go
    (
        "en",
        "Kampala, Uganda",
        "The woman who recruited her, known as Mama Kivu, runs a salon near the taxi park.",
    ),  # L18-36-en-mama-kivu-nickname
    ("pt", "Luanda, Angola", "Ela cresceu no Cuanza, um bairro de Luanda."),  # L18-37-pt-cuanza-bairro
    (
        "pt",
        "São Paulo, Brasil",
        "Ela mora na Avenida Paulista, num prédio com porteiro.",
    ),  # O18-06-pt-avenida-paulista
    ("es", "Ciudad de México, México", "Vive en el Zócalo, en un cuarto de azotea."),  # O18-07-es-zocalo
    ("pt", "Florianópolis, Brasil", "A avó dela vende pão no Pantanal."),  # O18-08-pt-pantanal-bairro
    (
        "fil",
        "Cebu City, Philippines",
        "Nakatira sila sa Basilica del Santo Niño.",
    ),  # O18-09-fil-santo-nino-basilica
    (
        "pt",
        "Campinas, Brasil",
        "Ela cresceu no Guarani, um bairro pequeno de Campinas.",
    ),  # O18-10-pt-guarani-bairro
]


@pytest.mark.parametrize(("lang", "location", "sentence"), REDTEAMS_18)
def test_red_team_18s_public_figures_clubs_stems_and_homes_stop(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 18's controls: participles opening a sentence, a religion or a feast after a word of living
# or birth, a singer's songs. Ten of them were stopped at 9728fff.
REDTEAM_18_SAFE = [
    ("es", "Lima, Perú", "Cansado de esperar el niño volvió a su casa."),  # C18-01-es-cansado
    ("es", "Lima, Perú", "Aficionados de todo el barrio llenaron el estadio."),  # C18-02-es-aficionados
    ("es", "Lima, Perú", "Rodeado de amigos celebró su cumpleaños número doce."),  # C18-03-es-rodeado
    ("pt", "Recife, Brasil", "Guardado numa gaveta estava o boletim escolar dela."),  # C18-04-pt-guardado
    ("pt", "Recife, Brasil", "Acompanhado pela mãe o irmão também voltou à escola."),  # C18-05-pt-acompanhado
    ("en", "Manila, Philippines", "She grew up in a Catholic family."),  # C18-06-en-catholic-family
    ("en", "Dhaka, Bangladesh", "She was born in Ramadan, her mother says."),  # C18-07-en-born-in-ramadan
    ("en", "Dhaka, Bangladesh", "She lives in a Muslim household now."),  # C18-08-en-muslim-household
    ("pt", "Recife, Brasil", "Ela nasceu no Carnaval de 2012."),  # C18-09-pt-nasceu-no-carnaval
    ("fr", "Dakar, Sénégal", "Elle est née à la Tabaski."),  # C18-10-fr-nee-a-la-tabaski
    ("fr", "Dakar, Sénégal", "Elle adore les chansons de Youssou Ndour."),  # C18-11-fr-chansons-youssou-ndour
    ("es", "Lima, Perú", "Empanadas y café se vendían en la feria del colegio."),  # C18-12-es-empanadas
]


@pytest.mark.parametrize(("lang", "location", "sentence"), REDTEAM_18_SAFE)
def test_red_team_18s_safe_sentences_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# heldout19 published the building where a survivor was held, named by common words in a caption
# ("the fifth-floor dormitory in Blue Harbour Plaza"): a plaza, a tower, residences, a compound are
# workplaces' and buildings' heads now. A listed landmark stays public, unless she lives or works there.
@pytest.mark.parametrize(
    "sentence",
    [
        "Illustration based on her description of the fifth-floor dormitory in Blue Harbour Plaza.",
        "She worked in Royal Palm Residences for a year.",
        "She worked as a cleaner in the Petronas Towers.",
    ],
)
def test_a_building_named_by_common_words_stops(tmp_path: pathlib.Path, sentence: str) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story("en", sentence, "Phnom Penh, Cambodia")})
    assert [h for h in unreviewed(root) if "DECISION-MISSING" not in h], sentence


def test_a_listed_landmark_told_as_news_builds(tmp_path: pathlib.Path) -> None:
    text = "On the World Day against Trafficking, the Empire State Building lit up in blue."
    root = make_site(tmp_path / "site", {STORY: _childs_story("en", text, "New York, USA")})
    assert unreviewed(root) == []


# A day in history is no one's: heldout19's safe stories stopped on "16 de agosto de 1869", "12 de julho
# de 1975" and "12 Hunyo 1898". Before 1990 (2000 on a child's story), with no one in the sentence.
HISTORICAL_DATES = [
    ("pt", "Recife, Brasil", "A abolição foi assinada em 13 de maio de 1888."),
    ("pt", "Luanda, Angola", "Em 11 de novembro de 1975 o país tornou-se independente."),
    ("es", "Lima, Perú", "El 28 de julio de 1821 se proclamó la independencia."),
    ("es", "Asunción, Paraguay", "La batalla terminó el 16 de agosto de 1869."),
    ("fr", "Dakar, Sénégal", "L'esclavage fut aboli le 27 avril 1848."),
    ("fr", "Dakar, Sénégal", "Le 4 avril 1960, le pays devient indépendant."),
    ("fil", "Iloilo City, Philippines", "Idineklara ang kalayaan noong 12 Hunyo 1898."),
    ("en", "Accra, Ghana", "On 6 March 1957 the Gold Coast became independent."),
    # before 1900, whoever the sentence speaks of
    ("pt", "São Luís, Brasil", "Alguém lembrou que a Lei Áurea foi assinada em 13 de maio de 1888."),
]
# ...but a date in a life stays hers, whatever its year.
DATES_IN_A_LIFE = [
    ("pt", "Recife, Brasil", "A mãe dela nasceu em 12 de julho de 1975."),
    ("es", "Lima, Perú", "El 28 de julio de 1998 su abuela llegó a Lima."),
    ("en", "Accra, Ghana", "Her father left the village on 6 March 1989."),
    ("fil", "Iloilo City, Philippines", "Ipinanganak ang kanyang ama noong 12 Hunyo 1980."),
    ("en", "Accra, Ghana", "On 3 May 2006 the mine where she was held closed."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HISTORICAL_DATES)
def test_a_day_in_history_builds(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), DATES_IN_A_LIFE)
def test_a_date_in_a_life_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 18's surnames opening a sentence, each a common word, a street word or a place too: the
# person's role between commas, then what they did, makes the word their name.
NAMED_IN_APPOSITION = [
    ("es", "Lima, Perú", "Amado, el dueño del taller, la obligaba a coser de noche."),
    ("es", "Lima, Perú", "Parada, la dueña del bar, le quitó el documento."),
    ("pt", "Recife, Brasil", "Estrada, a dona do bar, ficava com o dinheiro dela."),
    ("pt", "Recife, Brasil", "Cercado, o dono da casa, trancava a porta à noite."),
    ("fr", "Dakar, Sénégal", "Marchand, le patron du bar, la forçait à travailler."),
    ("en", "Leeds, United Kingdom", "Baker, the owner of the bar, took her passport."),
]
# ...but a word saying when or how, or a second description, is no one's name.
APPOSITION_SAFE = [
    ("es", "Lima, Perú", "Entonces, el dueño del taller, un hombre mayor, la obligaba a coser."),
    ("es", "Lima, Perú", "Después, la dueña del bar, furiosa, le quitó el documento."),
    ("es", "Lima, Perú", "Finalmente, la vecina del piso, que era enfermera, llamó a la policía."),
    ("pt", "Recife, Brasil", "Depois, a dona do bar, que era tia dela, ficava com o dinheiro."),
    ("pt", "Recife, Brasil", "Assim, a vizinha, preocupada, chamou a polícia."),
    ("fr", "Dakar, Sénégal", "Ensuite, le patron du bar, furieux, la frappait."),
    ("en", "Leeds, United Kingdom", "Meanwhile, the owner of the bar, angry, took her passport."),
    ("en", "Leeds, United Kingdom", "Suddenly, the owner of the bar, a tall man, took her passport."),
    # red team 20's controls: a connective, or a second aside after the role
    (
        "en",
        "Leeds, United Kingdom",
        "Furthermore, the employer, afraid of an inspection, moved her to another house.",
    ),
    (
        "en",
        "Leeds, United Kingdom",
        "Worse, the recruiter, knowing she could not read, made her sign a contract.",
    ),
    ("es", "Lima, Perú", "Furioso, el dueño del taller, gritando, la encerró en el cuarto."),
    ("pt", "Recife, Brasil", "Contudo, o patrão, com medo da polícia, levou-a para outra casa."),
    ("fr", "Dakar, Sénégal", "Toutefois, le patron, craignant la police, l'a emmenée dans une autre maison."),
    ("fr", "Dakar, Sénégal", "Là-bas, le patron du bar, toujours ivre, la frappait."),
    (
        "fil",
        "Iloilo City, Philippines",
        "Gayunpaman, ang amo, takot sa pulis, ay inilipat siya sa ibang bahay.",
    ),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), NAMED_IN_APPOSITION)
def test_a_word_opening_a_sentence_then_described_as_a_person_is_a_name(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), APPOSITION_SAFE)
def test_a_word_of_time_or_manner_before_a_described_person_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# heldout20's safe stories, by family: a helpline's free number in any country's plan (phonenumbers
# knows each), any currency's sign and the local letters of its franc, a code's short name after the
# part of it cited, a country whose last words are lowercase.
HELD_OUT_20_FAMILIES = [
    (
        "es",
        "San Juan, Puerto Rico",
        "Llama a la Línea Nacional contra la Trata de Personas, 1-888-373-7888, a cualquier hora.",
    ),
    (
        "fil",
        "Milan, Italy",
        "Ibinigay sa kanya ang numero ng Numero Verde Antitratta, 800 290 290, libre at bukas.",
    ),
    (
        "en",
        "Regina, Canada",
        "The Canadian Human Trafficking Hotline, 1-833-900-1010, is free and confidential.",
    ),
    ("es", "Montevideo, Uruguay", "La línea gratuita 0800 4141 atiende todos los días."),
    ("en", "Busan, South Korea", "He was paid in Korea as ₩6,834,000, along with a ticket home."),
    ("fr", "Bujumbura, Burundi", "Elle a reçu une subvention de 1 200 000 FBu pour son atelier."),
    (
        "es",
        "Múnich, Alemania",
        "El § 232b StGB castiga la explotación laboral, y el § 232 StGB la trata de personas.",
    ),
    (
        "en",
        "Brisbane, Australia",
        "Division 270 of the Criminal Code Act 1995 (Cth) covers slavery and servitude.",
    ),
    ("fr", "Djibouti, Djibouti", "Elle ne montre pas l'Arabie saoudite, où elle a travaillé deux ans."),
    ("fr", "Djibouti, Djibouti", "Elle est passée par la Guinée équatoriale puis les Émirats arabes unis."),
    # a city where someone went back to, then a relative: not the relative's name
    ("pt", "São Luís, Brasil", "Quando voltou a São Luís, a esposa lavou a mesma roupa três vezes."),
    ("es", "Lima, Perú", "Cuando volvió a San Miguel, la esposa lo esperaba en la puerta."),
    # Taglish: a Tagalog verb made of an English one; a Filipino ordinal
    ("fil", "Regina, Canada", "Nag-aapply na rin siya ng permanent residence."),
    (
        "fil",
        "Regina, Canada",
        "Ipinagdiwang nila ang Araw ng Kalayaan, ang ika-128 na anibersaryo ng proklamasyon.",
    ),
]
# ...and what must still stop next to them.
HELD_OUT_20_STILL_STOP = [
    ("es", "San Juan, Puerto Rico", "Su celular era 787-555-0143."),
    ("en", "Leeds, United Kingdom", "Call her on 07700 900123 after school."),
    ("en", "Leeds, United Kingdom", "Section 4 Maria told the court what happened."),
    ("en", "Leeds, United Kingdom", "In chapter 3 Maria Santos appears."),
    ("en", "Leeds, United Kingdom", "Under Act 12 (Maria) was named."),
    # red team 20: a camel-case nickname after a year is no code; a nickname that is a state's name with
    # its last word in lowercase is no state; a village called like a district
    ("en", "Leeds, United Kingdom", "In 2019 JunJun took her to a bar in the city."),
    ("es", "Lima, Perú", "La reclutadora, a quien todos llamaban Carolina del norte, la llevó a Tijuana."),
    ("en", "Leeds, United Kingdom", "She grew up in Hope town, a village of forty houses."),
    ("es", "Lima, Perú", "Le escribió a Victoria, su madre, cada semana."),
    ("pt", "Recife, Brasil", "Ele escreveu a Joana, a esposa, todos os dias."),
    ("fil", "Regina, Canada", "Nag-message si Liza kay Ramon tungkol sa trabaho."),
    ("es", "Montevideo, Uruguay", "## El 3 de marzo\n\nEse día ella escapó de la casa."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_20_FAMILIES)
def test_held_out_20s_families_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_20_STILL_STOP)
def test_next_to_held_out_20s_families_a_leak_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# heldout21 published a story saved as its survivor's real name ("rowena-bautista.md"): a name that is
# also a frequent word somewhere read as a word once the file name was title-cased. A given name in the
# file name that the story's text never uses is a name; a pseudonym, a word or a place is not.
@pytest.mark.parametrize(
    ("stem", "stops"),
    [
        ("rowena-bautista", True),
        ("rowena-bautista-a-new-start", True),
        ("asha-a-new-start", False),  # the declared pseudonym
        ("hope-returns", False),
        ("manila-to-dubai", False),
        ("a-new-start", False),
    ],
)
def test_a_name_only_in_the_file_name(tmp_path: pathlib.Path, stem: str, stops: bool) -> None:
    text = _childs_story("fil", "Ngayon, ligtas na siya at nag-aaral muli.", "Limassol, Cyprus")
    root = make_site(tmp_path / "site", {f"content/stories/{stem}.md": text})
    found = [h for h in unreviewed(root) if "DECISION-MISSING" not in h]
    assert bool(found) is stops, found


# heldout21's safe stories (read as session 16's dev set), by family: a law's date after its number, its
# long name or its official journal; a free short number of the story's own country and an amount in a
# currency's letters; the people of a large city; Filipino's linker and "ay"; a full stop that ends no
# abbreviation. What a country commemorates, a day named before its word ("Waitangi Day") and the
# home plan's shared-cost ranges were withdrawn after red team 22 (below).
HELD_OUT_21_FAMILIES = [
    ("es", "Malabo, Guinea Ecuatorial", "La Ley Núm. 1/2004, de 14 de septiembre, protege a los migrantes."),
    ("es", "Sevilla, España", "La reformó la Ley Orgánica 5/2010, de 22 de junio, con un artículo nuevo."),
    (
        "fr",
        "Conakry, Guinée",
        "Le Code pénal, adopté par la loi L/2016/059/AN du 26 octobre 2016, réprime la traite.",
    ),
    (
        "es",
        "Monterrey, México",
        (
            "La Ley General para Prevenir la Trata fue publicada en el Diario Oficial de la Federación el 14 de "
            "junio de 2012."
        ),
    ),
    (
        "es",
        "Monterrey, México",
        "Aplicamos la Ley General de los Derechos de Niñas, Niños y Adolescentes, del 4 de diciembre de 2014.",
    ),
    ("pt", "Benguela, Angola", "Com Kz 385 000, garantimos o material escolar de um ano."),
    (
        "pt",
        "Lisboa, Portugal",
        "A linha de apoio à vítima, 116 006, é gratuita e funciona todos os dias.",
    ),
    ("en", "Auckland, New Zealand", "She asked me why Aucklanders love the harbour so much."),
    ("fil", "Manama, Bahrain", "Noong Hunyo, Araw ng mga Migranteng Manggagawa, nagtipon kami sa embahada."),
    ("fil", "Manama, Bahrain", "Sana'y samahan ninyo kami. Maraming salamat po. Pagpalain kayo ng Diyos."),
    ("pt", "Goiânia, Brasil", "**Quinta-feira, 19h.** Janta simples no hotel: arroz e feijão."),
    # a song that plays, a book in quotation marks, a player's highlights; "cada" is French's centre
    # for adults (`institution_words`) but Portuguese's "each"
    ("es", "Ciudad Juárez, México", "En la radio de una tienda suena «Amor eterno» y le cuento la historia."),
    ("es", "Sevilla, España", "Me gusta mucho el «Romancero gitano», despacio y con diccionario."),
    ("en", "Halifax, Canada", "I've watched every Sidney Crosby highlight on my phone."),
    ("pt", "São Luís, Brasil", "De cada R$ 100, R$ 58 foram para o atendimento direto."),
]
# ...and what must still stop next to them.
HELD_OUT_21_STILL_STOP = [
    ("fr", "Dakar, Sénégal", "Elle a été libérée le 27 avril, jour de la fête de l'indépendance."),
    ("fr", "Dakar, Sénégal", "Le 3 mai, elle fête son indépendance loin de lui."),
    ("en", "Lagos, Nigeria", "On 3 May she won her independence from the man."),
    ("es", "Lima, Perú", "La Ley 5/2010, del 3 de mayo de 2019, no la protegió cuando escapó."),
    ("es", "Lima, Perú", "El expediente 45/2019, del 3 de marzo, dice que ella escapó."),
    ("en", "Lagos, Nigeria", "The law was published when Maria came on 3 May 2015."),
    ("pt", "Lagos, Nigéria", "Ela ligou para 0803 123 4567 na noite em que fugiu."),
    ("en", "Auckland, New Zealand", "The Romanos ran the bar where she worked."),
    ("en", "Auckland, New Zealand", "Anna Day took her passport at the airport."),
    ("fil", "Bacolod, Philippines", "Rosa'y umalis kahapon kasama ang tiyahin niya."),
    ("fil", "Bacolod, Philippines", "Umalis si Rosang kaibigan niya noong Lunes."),
    ("es", "Ciudad Juárez, México", "Trabaja en la tienda «Rosa Blanca» de la colonia."),
    ("es", "Ciudad Juárez, México", "En la tienda de su tía, «La Esperanza», la hacían trabajar."),
    ("fr", "Lyon, France", "Elle dort au cada Les Tilleuls depuis mars."),
    # a short month after a capitalised article opening the sentence was no date at all
    ("fr", "Dakar, Sénégal", "Le 5 mai, elle a quitté la maison."),
    ("es", "Lima, Perú", "El 3 dic, ella escapó de la casa."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_21_FAMILIES)
def test_held_out_21s_families_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_21_STILL_STOP)
def test_next_to_held_out_21s_families_a_leak_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# heldout20's highways and natural features: a highway's name, whoever it is named after, and a
# feature's name before its word in lowercase, are public; not where someone lives, nor a town's road
# or lake, nor a given name's.
HIGHWAYS_AND_FEATURES = [
    ("en", "Brisbane, Australia", "Work on the Bruce Highway between the two towns was slow."),
    ("en", "Lusaka, Zambia", "Every year the Bangweulu wetlands draw thousands of birds."),
    ("es", "Lima, Perú", "La llevaron por la autopista del Sol hasta la frontera."),
]
HIGHWAYS_AND_FEATURES_STILL_STOP = [
    ("en", "Brisbane, Australia", "They live off the Bruce Highway in a shed with her uncle."),
    ("en", "Lusaka, Zambia", "She grew up by the Bargaon lake with her aunt."),
    ("en", "Lusaka, Zambia", "They fished on the Maria river near her home."),
    ("es", "Lima, Perú", "Trabajaba en un bar de la carretera de San Mateo."),
    # an older hole found on the way: right after a verb of playing, a name read as a team
    ("en", "Addis Ababa, Ethiopia", "She plays Abebe Kebede every Sunday at the park."),
    ("pt", "Recife, Brasil", "Ela joga Benedita Araújo no time da escola."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HIGHWAYS_AND_FEATURES)
def test_a_highway_or_a_natural_feature_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), HIGHWAYS_AND_FEATURES_STILL_STOP)
def test_a_highway_or_a_feature_where_she_lives_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# heldout22's safe stories (read as session 16's second dev set): a table's cell opens like a line,
# a day named with a possessive, Ireland's police in the plural, a French ordinal in words.
HELD_OUT_22_FAMILIES = [
    (
        "pt",
        "Salvador, Brasil",
        "| Etapa | O que oferecemos |\n|---|---|\n| Acolhimento | Moradia temporária, alimentação |",
    ),
    (
        "fil",
        "Quezon City, Philippines",
        "| Hakbang | Ginagawa |\n|---|---|\n| Libreng konsultasyon | Pakikinig, pagtingin sa kontrata |",
    ),
    ("en", "Dublin, Ireland", "On St Patrick's Day the site was closed, and he walked along the river."),
    ("en", "Dublin, Ireland", "If something does not feel right, you can contact the Gardaí."),
    ("fr", "Port-au-Prince, Haïti", "**Vingt-et-unième jour.** Aujourd'hui, elle a souri."),
]
HELD_OUT_22_STILL_STOP = [
    ("en", "Leeds, United Kingdom", "| Name | Role |\n|---|---|\n| Maria Santos | her aunt |"),
    ("en", "Dublin, Ireland", "On Ramesh's Day off he drove her to the bar."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_22_FAMILIES)
def test_held_out_22s_families_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_22_STILL_STOP)
def test_next_to_held_out_22s_families_a_leak_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 22 (white box, against f4aaa8f; /work/redteam22, MANIFEST.md): 51 regressions. Each family's
# shortest sentence stops again: a number in the home plan's shared-cost ranges (withdrawn: only free
# short numbers count); a place that is also a currency's name before a postcode; a court's date read
# back over a comma to a law, a gazette's notice about a person, a certificate's date; a raid on a
# national day (withdrawn); a surname before "Day" (withdrawn); a named eatery in quotes after a verb
# of playing; a real person with a famous name after a gerund of listening (withdrawn); a given name
# opening a sentence after "po.".
RED_TEAM_22 = [
    ("fr", "Paris, France", "Son ancien patron l'appelle encore au 08 10 45 67 89."),
    ("es", "Madrid, España", "El dueño del piso la llamaba al 901 234 567 cada noche."),
    ("es", "Cartagena, Colombia", "Vivía en Cartagena, Bolívar 130001, con su tía."),
    (
        "pt",
        "Campinas, Brasil",
        "Com base na Lei 8.069, Vara da Infância de Campinas, de 3 de maio de 2024, o caso foi encaminhado.",
    ),
    (
        "en",
        "Nairobi, Kenya",
        (
            "The change-of-name notice under the Registration of Persons Act was published in the Kenya "
            "Gazette on 14 March 2024."
        ),
    ),
    ("fr", "Dakar, Sénégal", "Le certificat n° 1187 du 3 mars 2012 avait été falsifié par le marabout."),
    ("fr", "Dakar, Sénégal", "Le 11 novembre, jour de l'armistice, les policiers ont fouillé la cave."),
    (
        "en",
        "Lagos, Nigeria",
        "Police raided the compound on 27 April, when the nation celebrates independence.",
    ),
    ("en", "Nairobi, Kenya", "She was recruited at the Otaika Day fair."),
    ("en", "Nairobi, Kenya", "She was recruited at Mwangi Day, a family gathering."),
    ("es", "Lima, Perú", "En la fonda suena «Cocina Doña Chela» cada mañana."),
    ("es", "Ciudad Juárez, México", "Escuchando a Juan Gabriel gritar en el patio, la niña decidió escapar."),
    (
        "fr",
        "Dakar, Sénégal",
        "En écoutant Carmen Souza parler au téléphone, la fillette a compris qu'elle serait vendue.",
    ),
    ("fil", "Quezon City, Philippines", "Salamat po. Jennylyn ang tunay niyang pangalan."),
    ("fil", "Quezon City, Philippines", "Hindi po. Rowena ang tunay niyang pangalan, hindi Joy."),
    # an older hole: a real name made of common words, after "her real name is"
    ("fil", "Quezon City, Philippines", "Ang tunay niyang pangalan ay Ligaya Dalisay."),
    ("fr", "Dakar, Sénégal", "Son vrai nom est Espérance Joie."),
    ("en", "Leeds, United Kingdom", "Her real name is Hope Faith, and she is 15."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_22)
def test_red_team_22s_leaks_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


# Digits split by spaces are one number ("700 512 345", a Dubai line, was read as three short numbers and
# published: an older hole of red team 22). Thousands split by spaces still count what follows them, also
# after a word that can name an account ("le pays compte 1 250 000 habitants" read as an account number).
SPACED_NUMBERS_STOP = [
    ("en", "Dubai, United Arab Emirates", "Her employer's line is 700 512 345."),
    ("fr", "Paris, France", "Son compte 123 456 789 était vide."),
    ("es", "Madrid, España", "Su patrón la esperaba en el 612 345 78 al salir."),
]
SPACED_COUNTS_BUILD = [
    ("es", "Lima, Perú", "El país tiene 33 000 000 de habitantes."),  # "de" before what is counted
    ("fr", "Dakar, Sénégal", "Le Sénégal compte plus de 17 000 000 d'habitants."),
    ("fr", "Dakar, Sénégal", "Il y a 2 500 000 talibés."),  # a round figure
    ("fil", "Cebu City, Philippines", "Ang populasyon ng Cebu ay 3 000 000."),
    # a toll-free line of the story's own country, split by spaces (Colombia's "01 8000")
    ("es", "Bogotá, Colombia", "Denuncie en la línea 01 8000 91 80 80."),
    ("es", "Bogotá, Colombia", "Llame gratis a la línea nacional 01 8000 522020."),
    ("fr", "Dakar, Sénégal", "Le pays compte 1 250 000 habitants."),
    ("fr", "Dakar, Sénégal", "Sa page compte 250 000 abonnés."),
    ("en", "Dubai, United Arab Emirates", "Some 1 250 000 migrants live there."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), SPACED_NUMBERS_STOP)
def test_digits_split_by_spaces_are_one_number(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), SPACED_COUNTS_BUILD)
def test_thousands_split_by_spaces_count_what_follows(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Held-out set 25 (read as a dev set after its first measure): a paragraph wrapped over lines is read
# as one (Markdown shows the break as a space), a currency's letters before its sign, an event's edition,
# a short number called a free line, a phone's free line after a card's word, a region written with its
# number in pycountry ("Bicol (Region V)").
HELD_OUT_25_FAMILIES = [
    (
        "pt",
        "Caxias do Sul, Brasil",
        "A Lei nº\n13.344, de 6 de outubro de 2016, trata do tráfico de pessoas.",
    ),
    ("en", "Accra, Ghana", "A man paid his family GH₵ 800 and promised that the boy would go to school."),
    ("fr", "Abidjan, Côte d'Ivoire", "Il rêve de jouer « comme les grands frères de la CAN 2024 »."),
    (
        "en",
        "Accra, Ghana",
        "If you are worried about a child, call the Victim Support Unit toll-free on\n18555 or the police on 191.",
    ),
    ("es", "Sevilla, España", "Le entregaron una tarjeta con el teléfono\n900 10 50 90."),
    ("fil", "Manila, Philippines", "Walang trabaho sa probinsya nila sa Bicol."),
]
HELD_OUT_25_STILL_STOP = [
    ("fr", "Abidjan, Côte d'Ivoire", "Elle vit avec sa mère\nRosa Diallo depuis mars."),
    ("en", "Accra, Ghana", "Her uncle KOFI 12 took her to the market."),
    ("en", "Accra, Ghana", "Call her uncle on 18555 after school."),
    ("es", "Sevilla, España", "Su pasaporte 900105090 estaba caducado."),
    ("pt", "Caxias do Sul, Brasil", "Ela nasceu em\n6 de outubro de 2016, em Caxias."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_25_FAMILIES)
def test_held_out_25s_families_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), HELD_OUT_25_STILL_STOP)
def test_next_to_held_out_25s_families_a_leak_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# A currency's code after thousands; a feast named with its article; a public body named by its own head
# word after a school's word. (A river or a club after an article, and thousands in a table's row, were
# withdrawn after red team 25: see RED_TEAM_25.)
ARTICLED_FEATURES_AND_AMOUNTS = [
    ("pt", "Praia, Cabo Verde", "- 250.000 ECV de dívida inicial, liquidada em 2025."),
    ("fr", "Abidjan, Côte d'Ivoire", "Elle est allée à la fête de\nl'Abissa à Grand-Bassam."),
    ("es", "Lima, Perú", "Bailó en la fiesta de la Candelaria."),
    (
        "pt",
        "Praia, Cabo Verde",
        "A escola comunicou ao Instituto Cabo-verdiano da Criança e do Adolescente (ICCA), que acionou a polícia.",
    ),
]
ARTICLED_FEATURES_STILL_STOP = [
    ("pt", "Praia, Cabo Verde", "O passaporte 123.456 CV foi retido pelo patrão."),
    ("es", "Lima, Perú", "Bailó en la fiesta del Xochiltepec, su pueblo."),  # a village's feast
    ("es", "Lima, Perú", "Bailó en la fiesta de Xochiltepec."),
    ("es", "Asunción, Paraguay", "Los chicos la conocieron en la fiesta del Pestalozzi."),  # a school's party
    ("pt", "Praia, Cabo Verde", "Trabalhava no restaurante Casa Nacional do Peixe."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), ARTICLED_FEATURES_AND_AMOUNTS)
def test_an_articled_feature_or_an_amount_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), ARTICLED_FEATURES_STILL_STOP)
def test_an_articled_name_where_she_is_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 25 (white box, against 509d60a; /work/redteam25, MANIFEST.md): 51 regressions. Withdrawn: one
# unknown word after an article (names, nicknames, schools, bars and neighbourhoods take one in Spanish
# and Portuguese: "el Benítez", "o Tonho", "al Pestalozzi", "del Guasmo"), and thousands in a table's row
# (a mother's mobile, a DNI). Narrowed: a count is what `quantity_words` count, not any plural-looking
# word; a free short number needs its free line's phrase right before it, in the same sentence; an
# edition needs its article; a free line after a phone's word is one of the story's own country; a
# region named before brackets in pycountry is read as a town on a child's story ("Caraga").
RED_TEAM_25 = [
    ("es", "Guayaquil, Ecuador", "La captaron a la salida del Guasmo, cuando volvía de la escuela."),
    ("es", "Asunción, Paraguay", "Ahora va al Pestalozzi por las mañanas."),
    ("pt", "Salvador, Brasil", "Quem a levou para a cidade foi o Tonho, irmão da mãe dela."),
    ("en", "Accra, Ghana", "She was taken in by the Adjei family after the rescue."),
    ("pt", "Salvador, Brasil", "Ela agora estuda perto do\nCandeal e quer ser enfermeira."),
    ("en", "Davao City, Philippines", "She grew up in Caraga, a fishing town on the Pacific coast."),
    ("fr", "Rabat, Maroc", "Elle a grandi à Tarfaya, où son père répare des filets."),
    ("en", "Accra, Ghana", "On the back of her exercise book she had written her sister's name, ESI 2014."),
    (
        "en",
        "Accra, Ghana",
        "Anyone can call our helpline toll-free on 18555. Her aunt's number 302417 was on her arm.",
    ),
    ("es", "Lima, Perú", "La inscripción es gratuita; su matrícula es 482913."),
    ("en", "Delhi, India", "She rang the Childline helpline from 110092, near her home."),
    ("es", "Lima, Perú", "Su madre le dejó una tarjeta con su teléfono, 900 412 377."),
    ("fr", "Dakar, Sénégal", "Son patron a vidé son compte 123 456 789 plusieurs fois."),
    ("en", "Accra, Ghana", "Police file 204 518 shows she was reported missing in March."),
    ("es", "Madrid, España", "| Contacto | Teléfono |\n|---|---|\n| Madre | 612.345.789 |"),
    ("pt", "Salvador, Brasil", "| Dado | Valor |\n|---|---|\n| RG retido | 12.345.678 |"),
]
RED_TEAM_25_CONTROLS = [
    ("fr", "Dakar, Sénégal", "La page de l'association compte 250 000 abonnés."),
    ("en", "Accra, Ghana", "A man paid her family GH₵ 800 and promised that she would go to school."),
    ("fr", "Abidjan, Côte d'Ivoire", "Elle rêve de jouer « comme les grandes sœurs de la CAN 2024 »."),
    ("es", "Sevilla, España", "Le entregaron una tarjeta con el teléfono\n900 10 50 90."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_25)
def test_red_team_25s_leaks_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_25_CONTROLS)
def test_red_team_25s_controls_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


# A birth date given by the feast it fell on and the year (held-out set 24's one published leak, read
# after its last measure): "born on Independence Day in 2010" is a day of the year and a year. A year
# alone is still an age, and a feast elsewhere in the sentence dates something else.
BIRTH_ON_A_FEAST = [
    ("en", "Benin City, Nigeria", "She was born on Independence Day in 2010, and the flags were for her."),
    ("fr", "Dakar, Sénégal", "Elle est née le jour de la Tabaski, en 2011."),
    ("es", "Lima, Perú", "Nació en Navidad, en 2011."),
    ("fil", "Manila, Philippines", "Ipinanganak siya noong Pasko ng 2011."),
]
BIRTH_YEAR_ONLY = [
    ("en", "Benin City, Nigeria", "She was born in Lagos in 2010 and moved at Christmas."),
    ("fr", "Dakar, Sénégal", "Elle est née en 2011, l'année de la Tabaski."),
    ("pt", "Recife, Brasil", "Ela nasceu no Carnaval de 2012."),  # a season's feast: red team 18
]


@pytest.mark.parametrize(("lang", "location", "sentence"), BIRTH_ON_A_FEAST)
def test_a_birth_on_a_feast_and_a_year_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story(lang, sentence, location)})
    assert heads(check_site(root), "ID-BIRTHDATE"), sentence


@pytest.mark.parametrize(("lang", "location", "sentence"), BIRTH_YEAR_ONLY)
def test_a_birth_year_and_a_feast_elsewhere_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Explanations of numbers that reached too far (found while closing red team 25's older holes): a
# comparative anywhere in the four words before ("de", "of" are comparatives: "el número de su tía es
# 918275"), a law's word anywhere there ("certificate", French "al" read in "llamó a su tía al 452317"),
# a body's letters after thousands read as a currency's ("1.234.567 MTE"), another country's free-line
# shape given as a relative's mobile at home ("900 412 377" in Lima), six digits split in two groups,
# and a name in capitals with a year ("NENE 2014").
LOOSE_NUMBER_EXPLANATIONS = [
    ("es", "Lima, Perú", "El número de su tía es 918275."),
    ("es", "Madrid, España", "Su madre le escribía al 612 345 789 todas las noches."),
    ("es", "Madrid, España", "Llamó gratis a su tía al 452317 desde un locutorio."),
    ("es", "Lima, Perú", "La consulta fue gratuita y su número de historia clínica es 482913."),
    ("es", "Madrid, España", "| Dato | Valor |\n|---|---|\n| Cuenta de la madre | 612.345.789 |"),
    ("en", "Leeds, UK", "The number of her uncle is 918275."),
    ("en", "Leeds, UK", "Her birth certificate says 918275."),
    ("pt", "Fortaleza, Brasil", "A carteira de trabalho 1.234.567 MTE ficou com a patroa."),
    ("pt", "Fortaleza, Brasil", "A matrícula 204 518 continua ativa na escola estadual."),
    ("es", "Lima, Perú", "Guardaba en la mochila una tarjeta con el celular de su madre: 900 412 377."),
    ("en", "Accra, Ghana", "Her Free Fire name was KOFI 2012 and the man messaged her there."),
    (
        "fil",
        "Cebu City, Philippines",
        "Sa likod ng notebook niya, nakasulat ang pangalan ng kapatid niya: NENE 2014.",
    ),
    ("fil", "Cebu City, Philippines", "ATE 2012 ang pangalan niya sa Facebook noon."),
    ("fil", "Davao City, Philippines", "Lumaki siya sa Caraga, Davao Oriental, kasama ang kanyang lola."),
    # nine digits in threes before any word, read as a count; a currency two words off
    ("es", "Madrid, España", "Su madre le escribía al 612.345.789 todas las noches."),
    ("pt", "Recife, Brasil", "Ela ligava para a tia no 987.654.321 todas as noites."),
    ("en", "Leeds, UK", "She called her aunt on 612,345,789 every night."),
    ("en", "Manila, Philippines", "Her aunt's number 918275 sent P500 every month."),
    ("en", "Leeds, UK", "She texted her aunt at 918275 with real news."),
]
NUMBERS_STILL_EXPLAINED = [
    ("es", "Buenos Aires, Argentina", "Según la Ley Orgánica 10/1995 y la Ley N° 26.842, es un delito."),
    ("es", "Lima, Perú", "Entre 20 000 y 30 000 personas marcharon; más de 150000 firmaron."),
    ("en", "Manila, Philippines", "Republic Act No. 10364 expanded the law."),
    ("fr", "Paris, France", "Selon l'al. 2 de l'article 225-4-1 du Code pénal, c'est un crime."),
    ("pt", "Praia, Cabo Verde", "- 250.000 ECV de dívida inicial, liquidada em 2025."),
    ("pt", "Fortaleza, Brasil", "Cerca de 120 000 crianças trabalham; o salário era de 150 000 reais."),
    ("es", "Lima, Perú", "Su madre llamó a la línea gratuita 900 10 50 90."),
    ("es", "Lima, Perú", "Su madre llamó a Polaris, 1-888-373-7888, desde Texas."),
    ("en", "Accra, Ghana", "She watched the AFCON 2023 with her friends."),
    ("es", "Ciudad de México, México", "Trabajamos en Puebla, Tlaxcala, Hidalgo y Morelos."),
    ("es", "Madrid, España", "Unos 1.200.000 migrantes cruzaron; hay 27.400 familias afectadas."),
    (
        "en",
        "Manila, Philippines",
        "She earned P12,000 a month and 15,000 pesos in bonuses; Rs. 50,000 later.",
    ),
    ("pt", "Recife, Brasil", "Ela ganhava R$ 12.500 e depois 15 mil reais, 120000 reais no total."),
    ("es", "Lima, Perú", "Le cobraban S/ 12 500 y luego S/ 150000."),
    ("fil", "Manila, Philippines", "Kumikita siya ng 15,000 na piso at 120,000 piso kada taon."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), LOOSE_NUMBER_EXPLANATIONS)
def test_a_number_or_a_name_no_longer_explained_from_afar_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), NUMBERS_STILL_EXPLAINED)
def test_laws_counts_and_free_lines_still_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# An amount in a table's column whose header names the currency (held-out set 25's "| Monto (RD$) |"),
# alone in its cell and written like an amount. A cell under "Teléfono", a number beside a row's label,
# nine digits in threes under the currency: still numbers nobody explained (red team 25's tables).
AMOUNTS_IN_A_TABLE = [
    (
        "es",
        "Santo Domingo, República Dominicana",
        "| Apoyo recibido | Monto (RD$) |\n|---|---|\n| Curso (6 meses) | 45,000 |\n| Equipos | 68,000 |",
    ),
    ("en", "Nairobi, Kenya", "| Item | Cost (KSh) |\n|:--|--:|\n| Rent | 18,500 |\n| School fees | 120000 |"),
    (
        "fil",
        "Batangas City, Philippines",
        "Ayon sa program officer para sa Timog Katagalugan, mas madali ito.",
    ),
]
TABLES_THAT_STILL_STOP = [
    (
        "es",
        "Santo Domingo, República Dominicana",
        "| Apoyo | Monto (RD$) |\n|---|---|\n| Madre | 612.345.789 |",
    ),
    ("es", "Lima, Perú", "| Contacto | Teléfono |\n|---|---|\n| Madre | 612,345 |"),
    ("en", "Nairobi, Kenya", "| Item | Value (KES) |\n|---|---|\n| Account 612345 | 12,500 |"),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), AMOUNTS_IN_A_TABLE)
def test_an_amount_under_its_currency_in_a_table_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), TABLES_THAT_STILL_STOP)
def test_a_personal_number_in_a_table_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 27 (white box, against 10d8e9e; /work/redteam27's MANIFEST.md): 28 personal numbers a number
# explanation let through. Each mechanism's shortest sentence. A word past a sentence's end, a table's
# cell or a heading explains nothing; "under", "como", "de", "sur" explain only a count's shape; a case
# reference is no year range when its years run backwards; a date's slashes may have spaces; a line's
# word after an identifier's, a document's word, a listed law two words back, a one-letter currency
# before six digits, a Lima mobile shaped like Spain's free lines.
RED_TEAM_27 = [
    (
        "en",
        "Quezon City, Philippines",
        "She knows her enrolment number by heart, 204518. Teachers say she reads.",
    ),
    ("en", "Quezon City, Philippines", "| Enrolment | 204518 |\n|---|---|\n| Days absent | 3 |"),
    ("en", "Quezon City, Philippines", "Her student card is registered under 204518."),
    ("en", "Quezon City, Philippines", "It was the one number she never stopped thinking of: 612 345 678."),
    ("en", "Kolkata, India", "The police opened her protection matter as 2024/1987."),
    ("en", "Quezon City, Philippines", "She was born on 12 / 05 / 2015 in a clinic."),
    ("en", "Kolkata, India", "Her case number with the hotline: 204518."),
    (
        "en",
        "Quezon City, Philippines",
        "Her grandmother still had her baptism certificate BC2045187 in a tin box.",
    ),
    (
        "en",
        "Kolkata, India",
        "The committee registered her under the POCSO Act. Her POCSO number, 204518, is on every form.",
    ),
    (
        "en",
        "Quezon City, Philippines",
        "Her name is on the school register, 204518, and she has not missed a day.",
    ),
    ("en", "Quezon City, Philippines", "Her shelter bed tag read K204518 when she arrived."),
    ("en", "Quezon City, Philippines", "Her care plan CP-204518 sets out school in June."),
    (
        "en",
        "Quezon City, Philippines",
        "## The number she dreamed of\n\n612 345 678 was written in pen inside her shoe.",
    ),
    ("es", "Lima, Perú", "Le dio a la policía su propio móvil, 900 412 377."),
    ("es", "Lima, Perú", "Su madre llamó a la línea de ayuda desde su celular, 900 412 377."),
    ("es", "Puebla, México", "Su expediente escolar aparece como 204518 en el colegio."),
    ("es", "Puebla, México", "La matrícula escolar de Dulce es de 204518."),
    ("pt", "São Paulo, Brasil", "A matrícula dela na escola é 204.518 desde março."),
    ("fr", "Lyon, France", "Son dossier au numéro vert : 204518."),
    ("fr", "Lyon, France", "Sa carte d'élève porte le numéro 204518. Mois après mois, elle l'a gardée."),
    ("fr", "Lyon, France", "Elle reste joignable sur 612 345 678."),
    (
        "fil",
        "Cebu City, Philippines",
        "Ang numero sa likod ng larawan ay 2045-1873. Mga guro ang nakakita nito.",
    ),
]
RED_TEAM_27_CONTROLS = [
    (
        "en",
        "Kolkata, India",
        "We reached 1,240 children under Section 143; each grant is ₹50,000. Call 1098.",
    ),
    ("es", "Puebla, México", "Recibimos más de 14,500 llamadas, el 35% de ellas por la Ley General 2012."),
    ("pt", "São Paulo, Brasil", "Foram 1.250 crianças atendidas segundo a Lei 13.344/2016, com R$ 15 mil."),
    (
        "fr",
        "Lyon, France",
        "Nous avons reçu 3 500 appels ; l'article 225-4-1 prévoit 150 000 euros d'amende.",
    ),
    (
        "fil",
        "Cebu City, Philippines",
        "Umabot sa 2,300 na bata ang natulungan sa ilalim ng RA 9208 at ₱5,000,000 na pondo.",
    ),
    ("es", "Lima, Perú", "El distrito tiene 1 250 000 habitantes; la Ley N° 28950 castiga la trata."),
    ("fr", "Paris, France", "Elle est victime au sens de la loi organique n° 2016-61 du 3 août 2016."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_27)
def test_red_team_27s_numbers_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_27_CONTROLS)
def test_red_team_27s_controls_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


# A month before thousands is no date: "In May 2,300 people marched" (found writing red team 27's
# controls: Filipino "May 2,300 na bata…", there are 2,300 children). "May 2, 2024" still is one.
THOUSANDS_AFTER_A_MONTH = [
    ("en", "Leeds, UK", "In May 2,300 people marched in the city; by March 12,500 families had registered."),
    ("fil", "Cebu City, Philippines", "May 2,300 na bata ang natulungan noong nakaraang taon."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), THOUSANDS_AFTER_A_MONTH)
def test_thousands_after_a_month_are_no_date(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


def test_a_month_and_a_day_before_a_year_is_still_a_date(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path / "site", {STORY: _childs_story("en", "It happened on May 2, 2024.", "Leeds, UK")}
    )
    assert heads(check_site(root), "DATE-EXACT")


# A surname alone, at a sentence's start or mid-sentence, was read as a common word because it is
# frequent in text: "Jenkins", "García" and "Benítez" are frequent because people are called them. The
# census's surnames (knowledge.surnames) that no dictionary of the text's languages knows as a lowercase
# word now stay names. All published on a child's story before.
SURNAMES_ALONE = [
    ("en", "Leeds, UK", "Jenkins picked her up after school every night."),
    ("en", "Leeds, UK", "Every night Jenkins picked her up after school."),
    ("en", "Leeds, UK", "Ferreira picked her up every night and drove her to the flat."),
    ("es", "Sevilla, España", "Benítez la recogía cada noche a la salida del colegio."),
    ("es", "Puebla, México", "Hernández la llevaba al mercado cada sábado."),
    ("pt", "Lisboa, Portugal", "Souza buscava-a todas as noites."),
    ("fr", "Lyon, France", "Tremblay venait la chercher le soir."),
    # a city of 93,000 by that name, but a surname doing something to her
    ("es", "Puebla, México", "García la llevaba al mercado cada sábado."),
]

# Words that are surnames too, and the dictionary knows them as words; and a surname in a law's name.
WORDS_THAT_ARE_SURNAMES = [
    ("en", "Leeds, UK", "Many came. Nobody knew. Christmas was hard, but Brown envelopes of cash helped."),
    ("es", "Sevilla, España", "Flores y velas adornaban la casa. Antes de salir, rezaba. Paz, decía."),
    ("pt", "Lisboa, Portugal", "Costa abaixo, o mar batia. Rocha dura, dizia a avó."),
    ("fr", "Lyon, France", "Comment dire ? Tant pis. Déjà, elle souriait."),
    # a place of the story's own country, spoken of as if it did something (a state of another country
    # named like a surname is someone there: "Cada noche Flores la recogía" in a Mexican story)
    ("es", "Lima, Perú", "Lima la recibió con lluvia."),
    ("es", "Mendoza, Argentina", "Mendoza la recibió con sol."),
    (
        "en",
        "Kolkata, India",
        "Her mother is registered under the Mahatma Gandhi National Rural Employment Guarantee Act.",
    ),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), SURNAMES_ALONE)
def test_a_surname_alone_stops(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), WORDS_THAT_ARE_SURNAMES)
def test_words_that_are_surnames_too_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# A person, then a naming phrase: what follows is that person's name, though it is a word or a place
# ("Flores" is a Uruguayan department and a Brazilian city; "Costa", "Paz" and "Blanc" are words).
# All published on a child's story before.
PEOPLE_CALLED = [
    ("en", "Leeds, UK", "Every night a man called Flores picked her up."),
    ("en", "Leeds, UK", "A woman they call Costa runs the house where she was kept."),
    ("es", "Puebla, México", "Un hombre llamado Flores la recogía."),
    ("es", "Puebla, México", "La reclutadora, conocida como Paz, le prometió un trabajo."),
    ("pt", "Recife, Brasil", "Um homem chamado Costa buscava-a à noite."),
    ("fr", "Lyon, France", "Un homme appelé Blanc venait la chercher."),
]

# A naming phrase after a place, or after no person, names no one.
THINGS_CALLED = [
    ("en", "Leeds, UK", "She moved to a city they call Flores."),
    ("es", "Puebla, México", "En su pueblo todos llaman Navidad al gran día de diciembre."),
    ("en", "Ranchi, India", "In her village everyone calls Christmas the big day."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), PEOPLE_CALLED)
def test_a_person_called_by_a_word_is_named(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), THINGS_CALLED)
def test_a_place_called_by_a_word_is_not_a_person(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Red team 28 (/work/redteam28, against b005ec6): names that still published on a child's story. A
# name in capitals was an acronym; a name after "whose surname was", "de apellido", "pelo apelido de",
# "may apelyidong" was a word; a double-barrelled surname of two words was two words.
RED_TEAM_28 = [
    ("en", "Leeds, UK", "Every night JENKINS picked her up at the school gates."),
    ("es", "Puebla, México", "Cada noche BENÍTEZ la recogía a la salida de la secundaria."),
    ("fil", "Cebu City, Philippines", "Sinundo siya ni REYES tuwing gabi."),
    ("en", "Leeds, UK", "A man whose surname was Costa picked her up every night."),
    ("en", "Leeds, UK", "The driver told her his name was Costa."),
    ("en", "Leeds, UK", "Everyone at the flats knew her by the nickname Baby."),
    ("es", "Puebla, México", "Un hombre de apellido Campos la recogía."),
    ("es", "Puebla, México", "El tratante se hacía llamar Paz."),
    ("fr", "Dakar, Sénégal", "Un homme dont le nom de famille était Blanc venait la chercher."),
    ("pt", "Recife, Brasil", "O sobrenome dele era Rocha."),
    ("pt", "Recife, Brasil", "Era conhecido pelo apelido de Branco."),
    ("fil", "Cebu City, Philippines", "Isang lalaking may apelyidong Santos ang sumundo sa kanya."),
    ("en", "Leeds, UK", "Every night Costa-Brown picked her up at the school gates."),
    ("pt", "Recife, Brasil", "Todas as noites Costa-Lima buscava-a."),
    ("en", "Leeds, UK", "Every night the driver, Brown, picked her up after school."),
    (
        "en",
        "Leeds, UK",
        "Her neighbour Brown, who had known her since she was small, introduced her to the men.",
    ),
    ("es", "Puebla, México", "La vecina Flores la llevó con los hombres."),
    ("pt", "Recife, Brasil", "O motorista Rocha buscava-a todas as noites."),
    # a surname that is a word, doing something to her
    ("en", "Leeds, UK", "Every night Brown drove her from the school gates to a flat."),
    ("es", "Puebla, México", "Cada noche Campos la recogía a la salida de la secundaria."),
    ("fr", "Dakar, Sénégal", "Chaque soir, Blanc l'a emmenée."),
    ("fr", "Dakar, Sénégal", "Chaque soir, Sow venait la chercher."),
    ("pt", "Maputo, Moçambique", "Todas as noites Banda buscava-a na escola."),
    # a surname that is also a town (Colombia's Bello, Brazil's Oliveira, Uruguay's Flores and Soriano)
    ("en", "Lagos, Nigeria", "Every evening Bello came to the house to collect the money she had earned."),
    ("pt", "Recife, Brasil", "Todas as noites, Oliveira buscava-a na saída da escola."),
    ("es", "Puebla, México", "Cada noche Flores la recogía a la salida de la secundaria."),
    ("es", "Puebla, México", "Cada noche Rivera la llevaba al bar."),
    ("fil", "Cebu City, Philippines", "Tuwing gabi, Soriano ang sumusundo sa kanya sa paaralan."),
    ("fil", "Cebu City, Philippines", "Tuwing gabi, Manalo ang sumusundo sa kanya sa paaralan."),
    # what someone said is no song's title
    ("es", "Puebla, México", '"Flores te va a buscar esta noche", le dijo una de las mujeres.'),
    ("fr", "Montréal, Canada", "« Fontaine va venir te chercher », lui a dit une des femmes."),
    # an owner, by an 's or after a thing of someone's
    ("en", "Leeds, UK", "Every night Costa's silver van was waiting outside the school gates."),
    ("en", "Leeds, UK", "Costa's silver van was waiting outside the school gates."),
    ("es", "Puebla, México", "Cada noche la camioneta de Campos la esperaba a la salida."),
    ("fr", "Dakar, Sénégal", "Chaque soir, la moto de Fall l'attendait devant l'école."),
    ("es", "Puebla, México", "Cada noche la moto de Flores la esperaba."),  # Uruguay's Flores: no owner
    # named by "was called" far from the person's word: the sentence's subject is the one named
    (
        "en",
        "Leeds, UK",
        (
            "The man who picked her up every night, a tall and quiet driver from the other side of the"
            " city, was called Costa."
        ),
    ),
    # a relative between commas, whatever word names her
    ("en", "Lagos, Nigeria", "Blessing, her older sister, had gone to Lagos the year before."),
    ("es", "Puebla, México", "Bendición, su hermana mayor, se había ido a Puebla."),
    ("pt", "Recife, Brasil", "Vitória, a irmã mais velha, tinha ido para Recife."),
]

# Acronyms, compass points, a pronoun before a day and titles after a naming phrase (four were red team 28's
# over-blocks: a song's title after "called" read as a person's name).
RED_TEAM_28_CONTROLS = [
    ("en", "Leeds, UK", "She passed her WASSCE, and UNICEF and the NGO helped her family."),
    ("es", "Puebla, México", "Trabaja con una ONG y el DIF; su CURP está en trámite."),
    ("fil", "Cebu City, Philippines", "Tumulong ang DSWD at TESDA sa kanya."),
    ("en", "Leeds, UK", "She moved to the North-West and joined Anti-Slavery groups."),
    ("en", "Leeds, UK", "At the shelter she learned a song called Amazing Grace and sang it."),
    ("es", "Puebla, México", "La niña cantaba una canción llamada Cielito Lindo."),
    ("pt", "Recife, Brasil", "A menina cantava uma música chamada Sodade."),
    ("fil", "Cebu City, Philippines", "Kinanta niya ang isang kantang tinatawag na Tadhana."),
    ("en", "Leeds, UK", "She told him Sunday was her day off."),
    ("en", "Leeds, UK", "Hope kept her going. Manila welcomed her."),
    ("es", "Puebla, México", "En Flores la conocieron."),
    ("pt", "Lisboa, Portugal", "Não perdeu nenhum jogo do Galo pela televisão."),
    ("es", "Madrid, España", "La llevó a un piso. Allí le dijeron que debía 5.000 euros."),
    ("en", "Leeds, UK", "Police referred her to the UK's framework. The Circle's cook taught her."),
    ("en", "Lagos, Nigeria", "Education, her mother believes, is everything."),
    ("en", "Leeds, UK", "Her dog was called Brown."),
    ("en", "Lagos, Nigeria", "Lagos's yellow buses were full. Brazil's new law helps."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_28)
def test_red_team_28s_names_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_28_CONTROLS)
def test_red_team_28s_controls_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


# Red team 29 (/work/redteam29, written against 2dfafc1's readings): names that still published next to them,
# and the safe sentences those readings first blocked (a place before ", her aunt,", a programme "called",
# a song before "her teacher said", a make or a city after "un coche de", "le taxi de").
RED_TEAM_29 = [
    ("en", "Leeds, UK", "Every night Flores' silver van was waiting for her outside the school gates."),
    ("es", "Puebla, México", "Cada noche la troca de Campos la esperaba a la salida de la secundaria."),
    ("es", "Puebla, México", "Cada noche la llevaban al bar de Flores, a dos cuadras de la secundaria."),
    ("fr", "Dakar, Sénégal", "Chaque soir, on l'emmenait au garage de Fall, derrière l'école."),
    ("es", "Puebla, México", '"Flores te va a buscar esta noche", la amenazó una de las mujeres.'),
    ("fr", "Dakar, Sénégal", "« Fontaine va venir te chercher », a menacé une des femmes."),
    ("pt", "Recife, Brasil", '"Oliveira vem buscar-te hoje à noite", ameaçou uma das mulheres.'),
    ("fil", "Cebu City, Philippines", '"Manalo ang susundo sa iyo mamaya," banta ng isa sa mga babae.'),
    (
        "en",
        "Lagos, Nigeria",
        "Blessing (her older sister) had gone to Lagos the year before and never came back.",
    ),
    (
        "en",
        "Lagos, Nigeria",
        "Blessing — her older sister — had gone to Lagos the year before and never came back.",
    ),
    (
        "pt",
        "Recife, Brasil",
        "Graça — a irmã mais velha — foi para Lisboa no ano anterior e nunca mais voltou.",
    ),
]

RED_TEAM_29_CONTROLS = [
    ("en", "Leeds, UK", "In Bradford, her aunt, a nurse, took her in."),
    ("en", "Lagos, Nigeria", "In Lagos, her aunt, a nurse, took her in."),
    ("es", "Puebla, México", "En Puebla, su tía, que es enfermera, la recibió."),
    ("fr", "Dakar, Sénégal", "Au Sénégal, sa tante, infirmière, l'a accueillie."),
    ("pt", "Recife, Brasil", "Em Olinda, a tia, enfermeira, acolheu-a."),
    ("fil", "Cebu City, Philippines", "Sa Cebu, ang kanyang tiyahin, isang nurse, ang kumupkop sa kanya."),
    ("en", "Leeds, UK", "Her foster mother says the programme is called Safe Steps."),
    ("en", "Leeds, UK", "The woman who runs the shelter said the programme was called Safe Steps."),
    ("en", "Leeds, UK", "The man who teaches her judo says the class is called Tigers."),
    ("en", "Leeds, UK", 'She sang "Amazing Grace" at the harvest service, her teacher said.'),
    (
        "es",
        "Puebla, México",
        '"Amazing Grace" fue la canción que cantó en la graduación, recuerda su maestra.',
    ),
    ("en", "Leeds, UK", "Kalayaan's advisers helped her apply for a visa."),
    ("en", "Leeds, UK", "She wants to work in Ford's factory one day."),
    ("en", "Leeds, UK", "Cadbury's chocolate is her favourite treat."),
    ("es", "Puebla, México", "Cada mañana toma el camión de Tehuacán para ir a la escuela."),
    ("es", "Puebla, México", "Ahora sueña con tener un coche de Toyota."),
    ("fr", "Dakar, Sénégal", "Chaque lundi, elle prend le taxi de Mbour pour aller au lycée."),
    ("fr", "Dakar, Sénégal", "Elle vit dans une maison de Rufisque avec sa tante."),
    ("pt", "Recife, Brasil", "Todos os dias apanha o táxi de Olinda para ir à escola."),
    ("pt", "Recife, Brasil", "Sonha com um carro da Volkswagen e ganhou um celular de Motorola no Natal."),
    (
        "fil",
        "Cebu City, Philippines",
        "Sumasakay siya ng traysikel ng Mandaue araw-araw papunta sa paaralan.",
    ),
    ("fil", "Cebu City, Philippines", "Binigyan siya ng cellphone ng Globe noong Pasko."),
    ("es", "Puebla, México", "Este año Zamora recibió a cuarenta niñas rescatadas."),
    ("fr", "Montréal, Canada", "Chaque hiver, Lévis organise un carnaval, et cette année elle y est allée."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_29)
def test_red_team_29s_names_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_29_CONTROLS)
def test_red_team_29s_controls_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


# A naming phrase after a relative clause names the person the clause hangs on; a reflexive naming phrase
# names a person whatever its words. Most names here are also a word or a place (Campos, Fall, Flores, Bello).
NAMED_AFTER_A_CLAUSE = [
    ("es", "Puebla, México", "El hombre que la recogía cada noche se llamaba Campos."),
    ("es", "Puebla, México", "La señora que la cuidaba se llamaba Flores."),
    ("fr", "Dakar, Sénégal", "L'homme qui venait la chercher s'appelait Fall."),
    ("en", "Lagos, Nigeria", "Her recruiter called himself Bello."),
    ("es", "Puebla, México", "El reclutador se hacía llamar Rivera."),
    ("fr", "Dakar, Sénégal", "Le chauffeur se faisait appeler Fall."),
    ("pt", "Recife, Brasil", "O aliciador se apresentava como Rocha."),
    # a word between the surname and what it does
    ("en", "Lagos, Nigeria", "Every evening Bello himself came to the shop."),
    ("es", "Puebla, México", "Cada noche Quiroz también la recogía."),
    ("fr", "Dakar, Sénégal", "Chaque soir, Sow lui-même venait la chercher."),
    ("fil", "Cebu City, Philippines", "Tuwing gabi, Manalo mismo ang sumusundo sa kanya."),
]
NAMED_AFTER_A_CLAUSE_CONTROLS = [
    (
        "fr",
        "Dakar, Sénégal",
        "Le programme qui l'a aidée s'appelle Nouvelle Vie et il est financé par l'État.",
    ),
    ("es", "Puebla, México", "La telenovela que veía cada noche se llamaba Amores Verdaderos."),
    ("en", "Leeds, UK", "The team she supports is called Arsenal."),
    ("en", "Leeds, UK", "The man who coaches her says the team is called Tigers."),
    ("es", "Buenos Aires, Argentina", "Mendoza también la recibió con sol y con vino."),
    ("en", "Leeds, UK", "Hope always kept her going."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), NAMED_AFTER_A_CLAUSE)
def test_a_name_after_a_relative_clause_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), NAMED_AFTER_A_CLAUSE_CONTROLS)
def test_a_things_name_after_a_relative_clause_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Public names that default deny read as people: a ministry for women and families (a kinship word as its
# subject), a brand or a team named by a market's or a club's word. Each stopped on the parent commit.
# (A listed figure's full name without a word of culture built here for a day; red team 30 withdrew it.)
PUBLIC_NAMES_BUILD = [
    (
        "fr",
        "Abidjan, Côte d'Ivoire",
        "Le ministère de la Femme, de la Famille et de l'Enfant a financé le centre.",
    ),
    (
        "fr",
        "Abidjan, Côte d'Ivoire",
        "Le ministère de la Culture, de la Famille et du Sport a financé le centre.",
    ),
    ("es", "Ciudad de México, México", "Con su primera tarjeta de Mercado Pago compra galletas."),
    ("es", "Ciudad de México, México", "Los domingos le va al Club América con las otras chicas."),
]
# ...and where the same words name someone in her life, they still stop.
PUBLIC_NAMES_STILL_STOP = [
    ("en", "London, UK", "Every night Bukayo Saka drove her to the flat."),
    ("en", "London, UK", "The bar owner, Bukayo Saka, played loud music."),
    ("en", "London, UK", "She lives with Bukayo Saka and his wife."),
    ("en", "London, UK", "A man called Bukayo Saka met her at the station."),
    ("es", "Ciudad de México, México", "La oficina de Flores, su tío, estaba en el centro."),
    ("fr", "Abidjan, Côte d'Ivoire", "Le bureau de Aminata, sa tante, a fermé."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), PUBLIC_NAMES_BUILD)
def test_public_names_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), PUBLIC_NAMES_STILL_STOP)
def test_public_names_of_someone_in_her_life_stop(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Rivers and volcanoes named alone (`natural_features`), and where she grew up they stay her place.
NATURAL_FEATURES_BUILD = [
    ("es", "Ciudad de México, México", "En los días claros veía el Popocatépetl y el Iztaccíhuatl."),
    ("en", "Phnom Penh, Cambodia", "They crossed the Mekong at night."),
]
NATURAL_FEATURES_STOP = [
    ("fil", "Manila, Philippines", "Lumaki siya sa Mekong."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), NATURAL_FEATURES_BUILD)
def test_natural_features_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), NATURAL_FEATURES_STOP)
def test_a_natural_feature_where_she_grew_up_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 30 (/work/redteam30, MANIFEST.md) attacked this session's readings: bulk-compiled brands and
# natural features as surnames and villages, ministry words that are everyday nouns, listed figures' full
# names for private people (that reading was withdrawn), plates behind a vehicle's acronym. Its child
# stories that now stop:
RED_TEAM_30 = [
    ("fil", "Manila, Philippines", "Ang plaka ng SUV ay NBC 4521."),
    ("fil", "Manila, Philippines", "Kabisado niya ang plaka ng SUV, NBC 4521."),
    ("pt", "Porto, Portugal", "Foi Perdigão quem a levou para Espanha."),
    ("pt", "Curitiba, Brazil", "Foi Muffato quem a levou para o Paraguai."),
    ("es", "Madrid, Spain", "Cada noche Rodilla la recogía en la estación."),
    ("es", "Madrid, Spain", "Cada noche Cuétara la recogía a la salida del instituto."),
    ("es", "Bogotá, Colombia", "Cada noche Carulla la recogía en el parque."),
    ("es", "Buenos Aires, Argentina", "Cada noche Garbarino la buscaba a la salida del colegio."),
    ("es", "Buenos Aires, Argentina", "Cada noche Terrabusi la esperaba a la salida de la escuela."),
    ("es", "Santiago, Chile", "Cada noche Carozzi la recogía en el terminal."),
    ("es", "Santiago, Chile", "Cada noche Kunstmann la recogía en el terminal."),
    ("es", "Lima, Peru", "Cada noche Oechsle la recogía en el paradero."),
    ("es", "Guatemala City, Guatemala", "Cada noche Paiz la recogía en la terminal."),
    ("fr", "Abidjan, Côte d'Ivoire", "Chaque soir, Chevallier venait la chercher à l'école."),
    ("fr", "Dakar, Senegal", "Elle a été confiée à Chevallier à Dakar."),
    ("fr", "Dakar, Senegal", "Chaque soir, Chevallier l'emmenait au bar."),
    ("en", "Nairobi, Kenya", "Every evening Cunnington drove her to the club."),
    ("en", "Nairobi, Kenya", "Cunnington took her to the border in his van."),
    ("en", "Manila, Philippines", "Every night Rodilla picked her up after school."),
    ("en", "Manila, Philippines", "Every night Oca picked her up after school."),
    ("fil", "Manila, Philippines", "Tuwing gabi, Rodilla ang sumusundo sa kanya."),
    ("fil", "Manila, Philippines", "Tuwing gabi, Oca ang sumusundo sa kanya."),
    ("fil", "Manila, Philippines", "Dinala siya sa Tambo, malapit sa palengke."),
    ("es", "Lima, Peru", "La llevaron a Tambo, a tres horas de Ayacucho."),
    ("es", "Lima, Peru", "La trajeron desde Tambo a los once años."),
    ("es", "Morelia, Mexico", "Nació en Chilchota y a los doce años la llevaron a Tijuana."),
    ("es", "Morelia, Mexico", "La sacaron de Chilchota a los doce años."),
    ("es", "Valladolid, Spain", "La encontraron en Peñafiel, en una nave abandonada."),
    ("es", "Santiago, Chile", "La encontraron en Cachantun, en un galpón."),
    ("es", "Quito, Ecuador", "La llevaron a Güitig, a una hacienda lejos de la ciudad."),
    ("pt", "Goiânia, Brazil", "Ela foi levada para Kalunga aos onze anos."),
    ("fr", "Ouagadougou, Burkina Faso", "Elle a été confiée à Ibrahim Traoré pendant deux ans."),
    ("fr", "Dakar, Senegal", "Elle a été recrutée par Aminata Touré au marché."),
    ("fr", "Bamako, Mali", "Elle a été vendue à Boubacar Traoré pour cent mille francs."),
    ("fr", "Conakry, Guinea", "Elle a été confiée à un certain Alpha Condé à la gare routière."),
    ("fr", "Dakar, Senegal", "Elle a été recrutée par Idrissa Gueye devant le marché."),
    ("es", "Madrid, Spain", "La captó Pedro Sánchez en una discoteca."),
    ("es", "Guadalajara, Mexico", "La vendieron a Javier Hernández por diez mil pesos."),
    ("es", "Guatemala City, Guatemala", "La entregaron a Jimmy Morales en la frontera."),
    ("es", "Tegucigalpa, Honduras", "Le debía dinero a Carlos Pavón desde el viaje."),
    ("pt", "Maputo, Mozambique", "Ela foi entregue a um tal de Bruno Fernandes na fronteira."),
    ("pt", "Lisbon, Portugal", "Foi aliciada por Rui Costa numa paragem de autocarro."),
    ("en", "Lagos, Nigeria", "She was handed over to Peter Obi at the motor park."),
    ("en", "Manila, Philippines", "She was handed over to Daniel Padilla at the pier."),
    ("fil", "Manila, Philippines", "Dinala siya ni Fidel Ramos sa Maynila."),
    ("fil", "Manila, Philippines", "Dinala siya ni Marian Rivera sa Maynila."),
    ("fil", "Cebu, Philippines", "Sinundo siya ni Vic Sotto sa pantalan."),
    ("es", "Guadalajara, Mexico", "Dio a la fiscalía la dirección de Luz, su hermana mayor."),
    ("es", "Guadalajara, Mexico", "Dio a la fiscalía la dirección de Luz, su hermana."),
    ("es", "Bogotá, Colombia", "Le pidieron la dirección de Rocío, su hermana, para notificarla."),
    ("es", "Guadalajara, Mexico", "Le dieron a la fiscalía la dirección de la Tía Rosa."),
    ("es", "Guadalajara, Mexico", "Dio a la fiscalía la dirección de la Tía Marta."),
    ("es", "Guadalajara, Mexico", "Siguió el consejo de Luz, su hermana mayor."),
    ("fr", "Dakar, Senegal", "Elle a suivi le conseil de Tante Rose et a porté plainte."),
    ("fr", "Dakar, Senegal", "Elle a suivi le conseil de Tantie Rose et a porté plainte."),
    ("fr", "Abidjan, Côte d'Ivoire", "Elle a suivi le conseil de Mamie Rose et a porté plainte."),
    ("pt", "Luanda, Angola", "Seguiu o conselho de Esperança, a tia, e foi à polícia."),
    ("pt", "São Paulo, Brazil", "Seguiu o conselho de Vitória, a irmã mais velha, e foi à polícia."),
    ("en", "Accra, Ghana", "She applied to the council for Mercy, her aunt, to become her guardian."),
    ("en", "Lagos, Nigeria", "She asked the council for Mercy, her aunt, to foster her."),
    ("fil", "Manila, Philippines", "Sinunod niya ang konseho ng Tita Rosa niya."),
    ("fil", "Manila, Philippines", "Sinunod niya ang konseho ng Lola Rosa niya."),
    ("fil", "Manila, Philippines", "Sinunod niya ang konseho ng Tiya Luz."),
    ("es", "Guatemala City, Guatemala", "Su denuncia quedó en la fiscalía de Nueva Esperanza."),
    ("pt", "São Paulo, Brazil", "Ela foi levada à delegacia de Boa Esperança."),
    ("fr", "Abidjan, Côte d'Ivoire", "Elle a été reçue au conseil de Bonne Espérance."),
    ("en", "Manila, Philippines", "She remembered the plate of the white SUV: NBC 4521."),
    ("en", "Manila, Philippines", "She memorised the plate of the black SUV: NBC 4521."),
    ("en", "Manila, Philippines", "The plate on the black SUV was NBC 4521."),
    ("fil", "Manila, Philippines", "Natandaan niya ang plaka ng itim na SUV: NBC 4521."),
]
# ...and its safe sentences that the first version of the readings stopped:
# (Its adult stories where a town of 50,000-100,000 'also opened a shelter' build again; in a child's story
# such a town is finer than the site may name, and stops whatever it does.)
RED_TEAM_30_CONTROLS = [
    ("en", "Manila, Philippines", "The girls who attend the centre take classes called Bright Futures."),
    (
        "en",
        "Manila, Philippines",
        "The teacher who runs the club started a choir that is called Little Voices.",
    ),
    ("en", "Manila, Philippines", "The boys who play there have a team that is called Tigers."),
    ("en", "Kathmandu, Nepal", "The boy who sat next to her came from a faraway country called Bhutan."),
    (
        "en",
        "Manila, Philippines",
        "The teacher who welcomed her comes from the southern region called Mindanao.",
    ),
    ("en", "London, United Kingdom", "She told her teacher that her favourite team is called Arsenal."),
    ("en", "Lima, Peru", "The woman who cooks at the shelter speaks an old language called Quechua."),
    ("en", "Cebu, Philippines", "The children who live in her city celebrate a big festival called Sinulog."),
    ("es", "Guadalajara, Mexico", "La maestra que la recibió formó un coro que se llama Voces Nuevas."),
    ("es", "Guadalajara, Mexico", "Las niñas que vienen al centro toman talleres llamados Alas Libres."),
    (
        "es",
        "Guatemala City, Guatemala",
        "El niño que se sentaba a su lado venía de un país lejano llamado Nicaragua.",
    ),
    (
        "es",
        "Oaxaca, Mexico",
        "La señora que cocina en el albergue habla una lengua indígena llamada Mixteco.",
    ),
    ("es", "Mexico City, Mexico", "La abogada que la defendió organizó la marcha llamada Ni Una Menos."),
    (
        "fr",
        "Dakar, Senegal",
        "La femme qui l'a accueillie travaille pour une association qui s'appelle Espoir.",
    ),
    ("fr", "Dakar, Senegal", "Le garçon qui était assis à côté d'elle venait d'un petit pays appelé Gambie."),
    ("pt", "São Paulo, Brazil", "A professora que a recebeu criou um coral que se chama Vozes Novas."),
    ("pt", "São Paulo, Brazil", "As meninas que frequentam o centro fazem oficinas chamadas Asas Livres."),
    ("pt", "São Paulo, Brazil", "A psicóloga que a atende mostrou-lhe um desenho japonês chamado Pokémon."),
    ("pt", "São Paulo, Brazil", "A mulher que cozinha no abrigo fala uma língua indígena chamada Guarani."),
    ("pt", "São Paulo, Brazil", "Ela contou à psicóloga que o seu time preferido se chama Corinthians."),
    ("pt", "São Paulo, Brazil", "A campanha se apresenta como Coração Azul em todo o país."),
    ("fr", "Dakar, Senegal", "La campagne se présente comme Cœur Bleu dans tout le pays."),
    ("es", "Lima, Peru", "Ese año, Maldonado también abrió una casa de acogida."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_30)
def test_red_team_30s_names_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_30_CONTROLS)
def test_red_team_30s_controls_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


# Public figures heard, sung or cheered in a list ("écoute Aya Nakamura, Gims et Soolking"), after a
# verb phrase ("listens to"), a verb opening the sentence ("Ouve Amália Rodrigues") or "kina"/"siya"
# in Filipino: each listed in full, each governed by the verb. Each stopped on the parent commit.
FIGURES_HEARD_BUILD = [
    ("en", "Lagos, Nigeria", "She listens to Burna Boy while she studies."),
    ("en", "London, United Kingdom", "She listens to Stormzy and Burna Boy on the bus."),
    ("en", "Toronto, Canada", "She listens to The Weeknd while she studies."),
    ("fr", "Paris, France", "Il écoute Aya Nakamura, Gims et Soolking dans le métro."),
    ("fr", "Montréal, Canada", "Elle écoute Céline Dion et Wyclef Jean en cuisinant."),
    ("pt", "Lisboa, Portugal", "Ouve Amália Rodrigues sem perceber tudo."),
    ("pt", "Luanda, Angola", "Ouve Anselmo Ralph e dança kuduro nas festas."),
    ("fil", "Dubai, United Arab Emirates", "Fan siya nina Kathryn Bernardo at Daniel Padilla."),
    ("fil", "Cebu City, Philippines", "Fan siya ni Manny Pacquiao at ni Pia Wurtzbach."),
    ("es", "Lima, Peru", "Escucha a Gian Marco y a Daniela Darcourt en el bus."),
]
# ...and a private person in the same list, a figure's name with a verb of her own, or a relative
# described after it stop.
FIGURES_HEARD_STOP = [
    ("en", "Lagos, Nigeria", "She listens to Burna Boy, her uncle, every night."),
    ("en", "Lagos, Nigeria", "She listens to Chinedu and Burna Boy every night."),
    ("fr", "Lyon, France", "Elle écoute Angèle et Tiakola, ses voisines, chaque soir."),
    ("fr", "Lyon, France", "Elle écoute Marie Dubois et Angèle chaque soir."),
    ("pt", "Manaus, Brasil", "Ela canta com Joelma e Marília Mendonça na igreja da vila."),
    ("fil", "Cebu City, Philippines", "Nakikinig siya kina Lorna Dizon at Regine Velasquez gabi-gabi."),
    ("es", "Lima, Peru", "Escucha a Gian Marco y a Rosa Quispe, su vecina."),
    ("en", "Toronto, Canada", "She lives with Drake Thompson and listens to The Weeknd."),
    (
        "en",
        "Manila, Philippines",
        "Every night she listened to Fidel Ramos telling her that she owed him money.",
    ),
    ("es", "Lima, Peru", "Cada noche escuchaba a Gian Marco decirle que le debía dinero."),
    ("pt", "Manaus, Brasil", "Toda noite ouvia Marília Mendonça gritar com ela no barco."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), FIGURES_HEARD_BUILD)
def test_public_figures_heard_in_a_list_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), FIGURES_HEARD_STOP)
def test_someone_heard_in_her_life_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Works and their authors ('"Historia de taxi" de Ricardo Arjona', "Bernardine Evaristo's "Girl, Woman,
# Other""), an idol after a copula ("Su ídolo es…"), a word of culture right before a listed name
# ("l'attaquant Steve Mounié"), more verbs of admiring and singing along. Each stopped on the parent commit.
WORKS_AND_IDOLS_BUILD = [
    (
        "es",
        "Ciudad de Guatemala, Guatemala",
        'En la radio suena "Historia de taxi" de Ricardo Arjona y ella canta.',
    ),
    ("fr", "Paris, France", "Elle relit « Une si longue lettre » de Mariama Bâ."),
    (
        "fil",
        "Quezon City, Philippines",
        'Gusto niyang pakinggan ang "Buwan" ni Juan Karlos kapag nag-aaral siya.',
    ),
    ("es", "Santiago, Chile", "Sueña con ver jugar a la Roja y admira a Alexis Sánchez."),
    ("fr", "Dakar, Sénégal", "Il aime le football et ne jure que par Sadio Mané."),
    ("en", "Mumbai, India", "She sings along to Arijit Singh in the kitchen."),
]
# ...and a private person in the same places, described, or doing something, stops.
WORKS_AND_IDOLS_STOP = [
    (
        "en",
        "Fresno, United States",
        'He played "Volver, Volver" by Vicente Fernández, his uncle, every night.',
    ),
    ("es", "Santa Cruz de la Sierra, Bolivia", "Su ídolo es Marcelo Martins, su tío, que vive en el barrio."),
    ("es", "Santiago, Chile", "Admira a Alexis Sánchez, su vecino, que la llevó a la escuela."),
    ("fr", "Dakar, Sénégal", "Il ne jure que par Sadio Mané, son oncle, qui l'héberge."),
    ("en", "Mumbai, India", "The singer Arijit Singh, her neighbour, drove her home."),
    (
        "es",
        "Ciudad de Guatemala, Guatemala",
        'El mensaje "ven esta noche" de Ricardo Arjona llegó a su teléfono.',
    ),
    ("fr", "Cotonou, Bénin", "Chaque soir, l'attaquant Steve Mounié est venu la chercher à l'école."),
    ("en", "Mumbai, India", 'Every night Arijit Singh\'s "friend" drove her to the flat.'),
    ("es", "Santiago, Chile", "Admira a Alexis Sánchez, que la recogía cada noche."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), WORKS_AND_IDOLS_BUILD)
def test_works_and_idols_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), WORKS_AND_IDOLS_STOP)
def test_a_private_person_among_works_and_idols_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# dev33 (a read set of realistic safe stories): a very frequent word opening a quotation ("Antes",
# "Young people"), a region whose name holds a kinship word ("Madre de Dios"), the survivor after a
# phrase of place ("En el campamento, Asha tenía…"), a city after "et à", a plural in -x ("les Jeux").
DEV33_BUILD = [
    ("es", "Lima, Perú", '"Antes no tenía nada que enseñar a nadie", dice. "Ahora sí."'),
    (
        "en",
        "Sydney, Australia",
        '"Young people like Asha who come forward quickly give us our best chance," said the officer.',
    ),
    (
        "es",
        "Lima, Perú",
        "Según el Ministerio Público, Puno, Cusco, Madre de Dios y Lima están entre las regiones con más denuncias.",
    ),
    (
        "es",
        "Santa Cruz de la Sierra, Bolivia",
        "En el campamento, Asha tenía que cortar caña desde la madrugada.",
    ),
    (
        "fr",
        "Paris, France",
        "« J'ai dit : à Abidjan, avec les femmes du quartier, et à Paris, avec mon chef. »",
    ),
    ("fr", "Paris, France", "Il a suivi les Jeux olympiques de Paris 2024 à la télévision."),
]
# ...while a relative, a village in apposition, a surname acting and a family still stop.
DEV33_STOP = [
    ("es", "Lima, Perú", "Llegó con Victoria, su Madre, en 2019."),
    ("es", "Sucre, Bolivia", "En la aldea, Chuquimarca, vivía con su tía."),
    ("en", "Sydney, Australia", "Young drove her to the flat every night."),
    ("fr", "Paris, France", "Elle vivait chez les Leroux depuis un an."),
    ("pt", "Recife, Brasil", "Ela morava com o avô, José Neto, num sítio."),
    ("es", "Sucre, Bolivia", "Nació en su aldea, Asha, cerca de Sucre."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), DEV33_BUILD)
def test_dev33s_sentences_build(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), DEV33_STOP)
def test_dev33s_controls_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


# A declared official after the words of a rank, in English and Filipino (dev33): the rank is the
# vocabularies' words and frequent words no one is called, before the declared name, and a unit after it.
RANKED_OFFICIALS = [
    (
        "en",
        "Detective Chief Inspector Sarah Okafor of Greater Manchester Police said the case began in 2023.",
    ),
    (
        "fil",
        '"Sineseryoso ang bawat tawag," sabi ni Police Lieutenant Colonel Sarah Okafor ng PNP Cordillera.',
    ),
]


@pytest.mark.parametrize(("lang", "sentence"), RANKED_OFFICIALS)
def test_a_declared_official_after_a_rank_builds(tmp_path: pathlib.Path, lang: str, sentence: str) -> None:
    people = [survivor(minor=True), person("Sarah Okafor", "official", "real")]
    story = _story(lang, sentence, people=people, consent=CHILD_CONSENT, location="Manchester, UK")
    root = make_site(tmp_path / "site", {STORY: story})
    assert unreviewed(root) == [], sentence


def test_a_name_before_a_declared_officials_name_still_stops(tmp_path: pathlib.Path) -> None:
    """Only rank words are read so: a surname before the declared name is someone else's."""
    people = [survivor(minor=True), person("Sarah Okafor", "official", "real")]
    sentence = "Mrs Flores Sarah Okafor said the case began in 2023."
    story = _story("en", sentence, people=people, consent=CHILD_CONSENT, location="Manchester, UK")
    root = make_site(tmp_path / "site", {STORY: story})
    assert [h for h in unreviewed(root) if "UNDECLARED-NAME" in h]


# Filipino verbs opening a sentence with an infix or the prefix "i-" ("Kinontak ng…", "Isaulo ang…"),
# and a province after "taga-" (dev33).
FILIPINO_OPENINGS = [
    ("fil", "Bacolod, Philippines", "Kinontak ng aming partner ang Philippine Embassy sa Riyadh."),
    ("fil", "Baguio, Philippines", "Isaulo ang 1343. Bukas ito araw at gabi."),
    ("fil", "Bacolod, Philippines", "Taga-Antique si Asha, at lumipat siya sa Bacolod noong 2024."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), FILIPINO_OPENINGS)
def test_filipino_verbs_opening_a_sentence_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Oceans named alone after a small word, a people after "un jeune", a Mexican state by its short name
# (dev33). "Pacífico" is a given name too: "Pacífico la recogía" still stops.
OCEANS_PEOPLES_STATES = [
    ("es", "Ciudad de Guatemala, Guatemala", "Viajó a la capital por la carretera al Pacífico."),
    ("pt", "Belém, Brasil", "Cresceu perto do Atlântico e nunca tinha visto o Pacífico."),
    ("fr", "Lille, France", "Un jeune Érythréen a obtenu la protection internationale."),
    ("fr", "Marseille, France", "Une jeune Nigériane a été protégée par la police."),
    ("en", "Fresno, United States", "His family paid a recruiter in Michoacán for the crossing."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), OCEANS_PEOPLES_STATES)
def test_oceans_peoples_and_states_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


def test_a_man_called_like_the_ocean_still_stops(tmp_path: pathlib.Path) -> None:
    _stops(tmp_path, "es", "Ciudad de Guatemala, Guatemala", "Cada noche Pacífico la recogía en la terminal.")


# A shelter of the State is no shelter's name (dev33); a named one still stops.
STATE_SHELTERS = [
    (
        "fr",
        "Dakar, Sénégal",
        "Il a été pris en charge par un centre d'accueil de l'État, puis par notre équipe.",
    ),
    ("es", "Lima, Perú", "Vivió dos meses en un albergue del Estado antes de volver con su familia."),
    ("pt", "Recife, Brasil", "Ficou num abrigo do Estado até completar 18 anos."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), STATE_SHELTERS)
def test_a_shelter_of_the_state_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


def test_a_named_shelter_still_stops(tmp_path: pathlib.Path) -> None:
    _stops(tmp_path, "es", "Lima, Perú", "Vivió dos meses en el albergue Casa de Gracia.")


# A quoted title a listed figure's name follows with "ng", "by", "de" is that figure's work (dev33)...
def test_a_listed_figures_work_builds(tmp_path: pathlib.Path) -> None:
    sentence = 'Tuwing day off, pinakikinggan niya ang "Tadhana" ng Up Dharma Down.'
    _builds(tmp_path, "fil", "Angeles, Philippines", sentence)


# ...but not a home's, a shop's or a nickname's words in quotation marks.
NOT_A_FIGURES_WORK = [
    (
        "fil",
        "Angeles, Philippines",
        'Tuwing gabi, pinupuntahan niya ang "Tahanan ng Liwanag" ng Up Dharma Down.',
    ),
    ("en", "Fresno, United States", 'He stayed at "Casa Rosa" by Vicente Fernández for two years.'),
    ("es", "Lima, Perú", 'Trabajaba en la "Pollería Don Lucho" de Gian Marco, en el barrio.'),
    ("es", "Lima, Perú", 'Le decían "la Flaca" de Gian Marco, su tío.'),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), NOT_A_FIGURES_WORK)
def test_a_place_or_a_nickname_in_quotes_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Public bodies, programmes, hotlines and NGOs (`agencies`, compiled like `brands`), a listed name that
# lowercase words split into runs, a coined name with a capital inside after a preposition (dev33).
AGENCIES_BUILD = [
    ("es", "Lima, Perú", "Obtuvo de nuevo su DNI en el RENIEC y estudia en el SENATI."),
    ("es", "Ciudad de Guatemala, Guatemala", "Estudia administración de pequeños negocios en el INTECAP."),
    ("pt", "Teresina, Brasil", "Conseguiu se inscrever no CadÚnico."),
    ("es", "Asunción, Paraguay", "Llamó al Fono Ayuda 147 en horario escolar."),
    ("es", "Monterrey, México", "La campaña se suma al Corazón Azul, la campaña mundial contra la trata."),
    ("en", "Sydney, Australia", "Make a report to the Australian Centre to Counter Child Exploitation."),
    ("pt", "Porto, Portugal", "Fez um curso certificado pelo Instituto do Emprego e Formação Profissional."),
    ("fr", "Lille, France", "Il supporte le LOSC et regarde tous les matchs des Dogues."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), AGENCIES_BUILD)
def test_public_bodies_and_their_acronyms_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# ...and their single words, or a surname with a capital inside, still stop where a person or a village is.
AGENCIES_STOP = [
    ("es", "Monterrey, México", "Cada noche Tigres la recogía en la terminal."),
    ("pt", "Belém, Brasil", "Ela morava com o Papão, um vizinho, no bairro."),
    ("en", "Glasgow, United Kingdom", "Every night McDonald drove her to the flat."),
    ("es", "Lima, Perú", "Cada noche DeLeón la recogía en la terminal."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), AGENCIES_STOP)
def test_a_listed_single_word_as_a_person_still_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 34 (a helper's attack on this session's readings of listed figures, ranks and quotations;
# /work/rt34 on the machine): sentences that published after the readings went in. A figure's name
# after which the sentence has someone do something to someone, a quoted message, an owner's quoted
# sign, "kay" after a band, a surname opening a quotation before "me" and a verb.
RED_TEAM_34 = [
    (
        "en",
        "Manila, Philippines",
        "She admired Coco Martin because he brought her food every day at the bar.",
    ),
    (
        "en",
        "Manchester, United Kingdom",
        "A man from her street recruited her at fifteen. She admired Michael Johnson because he bought her a phone.",
    ),
    ("es", "Lima, Peru", "Admira a Luis Díaz desde que la llevó a Lima."),
    (
        "es",
        "Lima, Peru",
        "Un hombre del barrio la captó a los catorce. Admiraba a Oscar Martínez porque le regaló un celular.",
    ),
    ("pt", "São Paulo, Brazil", "Admira Diego Costa desde que ele a tirou da rua."),
    (
        "fr",
        "Dakar, Senegal",
        "Un homme du quartier l'a recrutée à quatorze ans. Elle admirait Sadio Mané parce qu'il lui avait offert un téléphone.",
    ),
    ("es", "Lima, Peru", "Su ídolo era Luis Díaz hasta que la vendió."),
    ("es", "Lima, Peru", "Su ídolo era Sergio García, hasta que la vendió a un bar de Juliaca."),
    ("es", "Lima, Peru", "Su ídolo fue Samuel García; después la vendió."),
    ("en", "Manila, Philippines", "Her hero is Coco Martin, for taking her off the street."),
    ("fr", "Dakar, Senegal", "Son idole était Sadio Mané, jusqu'au jour où il l'a vendue."),
    ("es", "Lima, Peru", "Su cliente favorito era Samuel García."),
    ("es", "Lima, Peru", "Quien lideraba el grupo era Samuel García."),
    ("es", "Lima, Peru", "Quien dirigía la banda era Samuel García."),
    ("es", "Lima, Peru", "Quien manejaba el club era Samuel García."),
    ("pt", "São Paulo, Brazil", "Quem chefiava a banda era Diego Costa."),
    ("fr", "Dakar, Senegal", "Celui qui dirigeait le groupe était Sadio Mané."),
    ("en", "Manchester, United Kingdom", "Running the club was Michael Johnson."),
    ("fil", "Manila, Philippines", "Ang lider ng banda ay si Coco Martin."),
    ("fil", "Manila, Philippines", "Ang namamahala ng banda ay si Coco Martin."),
    ("fr", "Dakar, Senegal", "L'attaquant Steve Mounié l'a recrutée au marché."),
    ("fr", "Dakar, Senegal", "L'attaquant Steve Mounié, toujours gentil, l'a recrutée au marché."),
    ("fr", "Dakar, Senegal", "Le chanteur Youssou Ndour du coin de la rue l'emmenait aux fêtes."),
    ("en", "Manila, Philippines", "The singer Coco Martin then drove her to Batangas."),
    ("en", "Manchester, United Kingdom", "Her hero Michael Johnson then took her to London."),
    ("en", "Manchester, United Kingdom", "At the school dance Michael Johnson first approached her."),
    ("en", "Manchester, United Kingdom", "At the club Michael Johnson always bought her drinks."),
    ("es", "Lima, Peru", "En el club Samuel García la obligaba a bailar."),
    ("es", "Lima, Peru", "En el grupo Samuel García le escribía todas las noches."),
    ("pt", "São Paulo, Brazil", "No clube Diego Costa a obrigava a dançar."),
    ("fr", "Dakar, Senegal", "Au club Sadio Mané la forçait à danser."),
    ("fr", "Dakar, Senegal", "Dans le groupe Sadio Mané lui écrivait tous les soirs."),
    ("es", "Lima, Peru", 'El mensaje "ven ya" de Luis Díaz nunca dejó de llegar.'),
    ("es", "Lima, Peru", 'El mensaje "te espero en el paradero" de Samuel García nunca dejó de llegar.'),
    ("fr", "Dakar, Senegal", "Le message « viens ce soir » de Sadio Mané était toujours le même."),
    ("en", "Manila, Philippines", 'Coco Martin\'s "Welcome" sign hung over the door where she was kept.'),
    ("en", "Manchester, United Kingdom", 'Michael Johnson\'s "Massage" parlour was where she was kept.'),
    ("fil", "Manila, Philippines", "Nakikinig siya kay Coco Martin tuwing gabi bago siya ibenta."),
    ("fil", "Manila, Philippines", "Ibinigay siya ng banda kay Coco Martin sa Angeles."),
    ("fil", "Manila, Philippines", "Ipinasa siya ng banda kina Coco Martin at Vice Ganda."),
    ("fil", "Manila, Philippines", "Dinala siya ng liga kay Coco Martin."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_34)
def test_red_team_34s_people_stop(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)


# Red team 34's older leaks (/work/rt34/leaks_preexisting.txt), which published before this change: a
# capitalised word with no article as the subject of what is done to someone ("King drove her", "Flores
# la recogía", "« Blanc m'a vendue »", "Reyes ang nagbenta sa kanya"), a name after a lowercase prefix
# after Filipino "taga" ("taga-Tondo"), accented given names the name table had lost ("João", "François"), an
# agent after a participle ("aliciada por João"), a word after a kinship word ("su Tío Rey"), a listed
# beer's words without its possessive ("John Smith picked her up").
RED_TEAM_34_OLDER = [
    ("pt", "São Paulo, Brazil", "Foi o avô Neto quem a vendeu."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-Payatas."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-Tondo."),
    ("fil", "Manila, Philippines", "Taga-Tondo ang pamilya ni Asha."),
    ("en", "Manila, Philippines", "Asha is taga-Tondo."),
    ("fil", "Manila, Philippines", "Taga-Tondo si Asha."),
    ("fil", "Manila, Philippines", "Taga Tondo si Asha."),
    (
        "en",
        "Manchester, United Kingdom",
        "Baker drove her to the house each night. She was made to work for a baker.",
    ),
    ("en", "Manchester, United Kingdom", "Fisher picked her up after school. Her father was a fisher."),
    (
        "en",
        "Manchester, United Kingdom",
        "Carpenter sold her to a man in Leeds. She later trained as a carpenter.",
    ),
    ("es", "Lima, Peru", "Flores la recogía cada noche. Le llevaba flores a su madre."),
    ("es", "Lima, Peru", "Rosa la vendió al bar. Llevaba un vestido rosa."),
    ("pt", "São Paulo, Brazil", "Pereira a buscava toda noite. Havia uma pereira no quintal."),
    ("pt", "São Paulo, Brazil", "Ferreira a buscava toda noite. O pai era ferreira."),
    ("fr", "Dakar, Senegal", "Boulanger la frappait tous les soirs. Elle travaillait chez un boulanger."),
    ("fil", "Manila, Philippines", "Mabuhay ang pinagmulan ni Asha. Mabuhay ang mga bata!"),
    ("en", "Manchester, United Kingdom", "King drove her to the house every night."),
    ("en", "Manchester, United Kingdom", '"King drove me to the house every night," Asha says.'),
    ("en", "Manchester, United Kingdom", '"White took us to the house," Asha says.'),
    ("en", "Manchester, United Kingdom", '"Little picked me up at school," Asha says.'),
    ("en", "Manchester, United Kingdom", '"Price sold me to his friends," Asha says.'),
    ("en", "Manchester, United Kingdom", '"Wood picked me up from school," Asha says.'),
    ("es", "Lima, Peru", '"Paz me pegaba todos los días", dice Asha.'),
    ("pt", "São Paulo, Brazil", '"Santos me levou para a estrada", diz Asha.'),
    ("pt", "São Paulo, Brazil", '"Dias me levou para a estrada", diz Asha.'),
    ("pt", "São Paulo, Brazil", '"Neves me buscava na escola", diz Asha.'),
    ("pt", "São Paulo, Brazil", '"Campos me vendeu para um bar", diz Asha.'),
    ("fr", "Dakar, Senegal", "« Blanc m'a vendue », dit Asha."),
    ("fr", "Dakar, Senegal", "« Grand m'a vendue au marché », dit Asha."),
    ("fil", "Manila, Philippines", '"Santos ang nagbenta sa akin," sabi ni Asha.'),
    ("fil", "Manila, Philippines", '"Reyes ang nagbenta sa akin," sabi ni Asha.'),
    ("fil", "Manila, Philippines", "Reyes ang nagbenta sa kanya."),
    ("fil", "Manila, Philippines", "Ilaya ang barangay nila Asha."),
    ("pt", "São Paulo, Brazil", "O João a vendeu para um bar em Santos."),
    ("pt", "São Paulo, Brazil", "Ela foi aliciada por João na saída da escola."),
    ("pt", "São Paulo, Brazil", "Ela foi aliciada por João Pereira na saída da escola."),
    ("pt", "São Paulo, Brazil", "Quem a levou foi João Oliveira, o avô dela."),
    ("pt", "São Paulo, Brazil", "Quem a levou foi João Souza, o avô dela."),
    ("pt", "São Paulo, Brazil", "Quem a levou foi João Neto, o avô dela."),
    ("pt", "São Paulo, Brazil", "Quem a levou foi João Ferreira, vizinho da família."),
    ("pt", "São Paulo, Brazil", "Ela foi aliciada por Vitória, vizinha da família."),
    ("pt", "São Paulo, Brazil", "Ela morava com a Avó Vitória no bairro."),
    ("fr", "Dakar, Senegal", "C'est François qui l'a vendue."),
    ("fr", "Dakar, Senegal", "Elle a été vendue par son oncle François."),
    ("fr", "Dakar, Senegal", "Elle vivait chez sa Tante Françoise à Pikine."),
    ("es", "Lima, Peru", "La captó Rey en la puerta del colegio."),
    ("es", "Lima, Peru", "La vendió su Tío Rey."),
    ("fil", "Manila, Philippines", "Ibinenta siya ng Tiyo Rey niya."),
    ("en", "Manchester, United Kingdom", "John Smith picked her up from school every day."),
    ("es", "Lima, Peru", "La banda de Samuel García la vendió a un bar."),
    ("pt", "São Paulo, Brazil", "A banda de Diego Costa a vendeu para um bar."),
    ("fr", "Dakar, Senegal", "Le groupe de Sadio Mané l'a vendue à un bar."),
    (
        "es",
        "Lima, Peru",
        "Escuchaba a Samuel García todas las noches en la radio del pueblo, mientras la obligaba a trabajar.",
    ),
    (
        "en",
        "Manchester, United Kingdom",
        "She watched Michael Johnson closely for weeks before she trusted him.",
    ),
    ("pt", "São Paulo, Brazil", "Quem comandava o grupo era João Gomes."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_34_OLDER)
def test_red_team_34s_older_leaks_stop(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# What may open a clause before what is done to someone without being anyone (adverbs, pronouns, God,
# plurals, what is not counted, a city that welcomes), and prefixes before a place the site may name.
BARE_SUBJECTS_BUILD = [
    ("fr", "Abidjan, Côte d'Ivoire", "Elle danse sur les chansons de Didi B, et regarde les dessins animés."),
    (
        "en",
        "Birmingham, United Kingdom",
        "She now has an Independent Child Trafficking Guardians service worker.",
    ),
    ("en", "Houston, United States", "Her first ballgame was the Houston Astros against the Texas Rangers."),
    ("en", "Manchester, United Kingdom", "Hope kept her going through the winter."),
    ("en", "Manchester, United Kingdom", "Hunger drove her to the city."),
    ("en", "Manchester, United Kingdom", "Police drove her to the shelter that night."),
    ("en", "Manchester, United Kingdom", "Neighbours found her on the stairs."),
    ("en", "Manchester, United Kingdom", "Friends took her in for a week."),
    ("en", "Manchester, United Kingdom", "Volunteers drove her to the clinic."),
    ("en", "Manchester, United Kingdom", "Church gave her a bed and a meal."),
    ("en", "Manchester, United Kingdom", "Football gave her new friends."),
    ("en", "Manchester, United Kingdom", "Then they drove her home."),
    ("en", "Manchester, United Kingdom", "Nobody helped her."),
    ("en", "Manchester, United Kingdom", "Most of them helped her."),
    ("en", "Manchester, United Kingdom", "Love brought her back to school."),
    ("en", "Manchester, United Kingdom", '"Nobody believed me," Asha says.'),
    ("en", "Manchester, United Kingdom", '"Everyone helped me," Asha says.'),
    ("en", "Manchester, United Kingdom", "Staff took her to the clinic."),
    ("en", "Manchester, United Kingdom", "Officers drove her to a safe house."),
    ("en", "Manchester, United Kingdom", "Social workers met her at the station."),
    ("en", "Manchester, United Kingdom", "Manchester welcomed her."),
    ("en", "Manchester, United Kingdom", "Eventually, police found her."),
    ("es", "Lima, Peru", "Allí la encontraron los policías."),
    ("es", "Lima, Peru", "Luego la llevaron a un albergue."),
    ("es", "Lima, Peru", "Después la vendieron a otro hombre."),
    ("es", "Lima, Peru", "Nadie la ayudó durante meses."),
    ("es", "Lima, Peru", "Dios me dio fuerzas, dice Asha."),
    ("es", "Lima, Peru", '"Nada me detenía", dice Asha.'),
    ("es", "Lima, Peru", "Hoy la acompaña una psicóloga."),
    ("es", "Lima, Peru", "Pronto la trasladaron a Cusco."),
    ("es", "Lima, Peru", "Mamá me llevaba al mercado."),
    ("es", "Lima, Peru", "Lima la recibió con lluvia."),
    ("es", "Lima, Peru", "Ayer la visitamos en el albergue."),
    ("es", "Lima, Peru", "Finalmente la rescataron."),
    ("es", "Lima, Peru", '"Antes me pegaban todos los días", dice Asha.'),
    ("es", "Lima, Peru", "Así la convencieron de viajar."),
    ("es", "Lima, Peru", "Sola me quedé en la casa."),
    ("es", "Lima, Peru", "Todos la miraban en la escuela."),
    ("es", "Lima, Peru", "Ella me llevó al hospital."),
    ("es", "Lima, Peru", "Tampoco la dejaron salir."),
    ("pt", "São Paulo, Brazil", "Lá a encontraram os policiais."),
    ("pt", "São Paulo, Brazil", "Depois a levaram para um abrigo."),
    ("pt", "São Paulo, Brazil", "Ninguém a ajudou durante meses."),
    ("pt", "São Paulo, Brazil", "Deus me deu forças, diz Asha."),
    ("pt", "São Paulo, Brazil", '"Nada me parava", diz Asha.'),
    ("pt", "São Paulo, Brazil", "Hoje a acompanha uma psicóloga."),
    ("pt", "São Paulo, Brazil", "Logo a levaram para Campinas."),
    ("pt", "São Paulo, Brazil", "Mãe me levava para a escola."),
    ("pt", "São Paulo, Brazil", "São Paulo a recebeu com chuva."),
    ("pt", "São Paulo, Brazil", "Ontem a visitamos no abrigo."),
    ("pt", "São Paulo, Brazil", "Finalmente a resgataram."),
    ("pt", "São Paulo, Brazil", '"Antes me batiam todos os dias", diz Asha.'),
    ("pt", "São Paulo, Brazil", "Assim a convenceram a viajar."),
    ("pt", "São Paulo, Brazil", "Todos a olhavam na escola."),
    ("pt", "São Paulo, Brazil", "Ela me levou ao hospital."),
    ("pt", "São Paulo, Brazil", "Santos a recebeu de braços abertos quando chegou ao litoral."),
    ("fr", "Dakar, Senegal", "Là, on l'a retrouvée."),
    ("fr", "Dakar, Senegal", "Ensuite, ils l'ont emmenée dans un foyer."),
    ("fr", "Dakar, Senegal", "Personne ne l'a aidée pendant des mois."),
    ("fr", "Dakar, Senegal", "« Dieu m'a donné la force », dit Asha."),
    ("fr", "Dakar, Senegal", "« Rien ne m'arrêtait », dit Asha."),
    ("fr", "Dakar, Senegal", "Aujourd'hui, une psychologue l'accompagne."),
    ("fr", "Dakar, Senegal", "Dakar l'a accueillie sous la pluie."),
    ("fr", "Dakar, Senegal", "Hier, nous l'avons visitée au foyer."),
    ("fr", "Dakar, Senegal", "Finalement, on l'a libérée."),
    ("fr", "Dakar, Senegal", "« Avant, on me battait tous les jours », dit Asha."),
    ("fr", "Dakar, Senegal", "Tous la regardaient à l'école."),
    ("fr", "Dakar, Senegal", "Elle m'a emmenée à l'hôpital."),
    ("fr", "Dakar, Senegal", "Maman m'emmenait au marché."),
    ("fil", "Manila, Philippines", "Pulis ang nagligtas sa kanya."),
    ("fil", "Manila, Philippines", "Siya ang nagdala sa kanya sa Maynila."),
    ("fil", "Manila, Philippines", "Ito ang nagligtas sa kanya."),
    ("fil", "Manila, Philippines", "Diyos ang nagligtas sa akin, sabi ni Asha."),
    ("fil", "Manila, Philippines", "Kapitbahay ang tumulong sa kanya."),
    ("fil", "Manila, Philippines", "Sila ang nagdala sa kanya sa shelter."),
    ("fil", "Manila, Philippines", "Maynila ang pinuntahan niya."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-Batangas."),
    ("fil", "Manila, Philippines", "Taga-Cebu si Asha."),
    ("fil", "Manila, Philippines", "Taga Mindanao ang pamilya ni Asha."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-Visayas."),
    ("fil", "Manila, Philippines", "Taga-Maynila si Asha."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-probinsya."),
    ("fil", "Manila, Philippines", "Nag-Facebook si Asha kagabi."),
    ("fil", "Manila, Philippines", "Nag-Grab sila papuntang shelter."),
    ("fil", "Manila, Philippines", "Taga-Samar ang nanay niya, pero hindi namin sasabihin ang pangalan."),
    ("fil", "Manila, Philippines", "Si Asha ay taga-Bicol."),
    ("en", "Manchester, United Kingdom", "The anti-Trafficking Act of 2015 changed the law."),
    ("en", "Manchester, United Kingdom", "She arrived in mid-January."),
    ("en", "Manchester, United Kingdom", "She joined a pro-European youth group."),
    ("en", "Manchester, United Kingdom", "Her non-EU passport was taken."),
    ("en", "Manchester, United Kingdom", "Even post-Covid, the work goes on."),
    ("es", "Lima, Peru", "Es una ex-Miss Perú la que dirige el programa."),
    ("fr", "Dakar, Senegal", "C'est l'ex-Premier ministre qui a signé la loi."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), BARE_SUBJECTS_BUILD)
def test_bare_subjects_and_prefixes_that_name_no_one_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Red team 36 (/work/rt36/over.txt): safe sentences the first form of these readings stopped — a month,
# a feast, a language, food or a gerund as a bare subject, a city that funds or welcomes, a prefix before
# a capital, a personification, Filipino spellings of regions and continents after "taga".
RED_TEAM_36_BUILD = [
    ("en", "Manila, Philippines", "Easter reminded her of her grandmother."),
    ("en", "Manila, Philippines", "Running helped her sleep again."),
    ("en", "Manila, Philippines", "Reading calmed her on bad nights."),
    ("en", "Manila, Philippines", "College accepted her last spring."),
    ("en", "Manila, Philippines", "Court ordered him to pay her compensation."),
    ("en", "Manila, Philippines", "Monday brought her good news."),
    ("en", "Manila, Philippines", "Sunday brought us all together, she says."),
    ("en", "Manila, Philippines", "June found her back in school."),
    ("en", "Manila, Philippines", "December brought her home to her grandmother."),
    ("en", "Manila, Philippines", "Dawn found her still awake, writing in her diary."),
    ("en", "Manila, Philippines", "Rice fed us for a week."),
    ("en", "Manila, Philippines", "Bread kept us alive in those months."),
    ("en", "Manila, Philippines", "Honey soothed her throat when she was sick."),
    ("en", "Manila, Philippines", "Power corrupted them, she says of her traffickers."),
    ("en", "Manila, Philippines", "Study kept me busy, she says."),
    ("en", "Manila, Philippines", "English helped her find her first job."),
    ("en", "Manila, Philippines", "Tagalog confused her at first, because she grew up speaking Waray."),
    ("en", "Manila, Philippines", "Mass comforted her every Sunday."),
    ("en", "Manila, Philippines", "Islam gave her strength during the worst months."),
    ("en", "Manila, Philippines", "Cash tempted him, the investigators said."),
    ("en", "Manila, Philippines", "Her scholarship is funded by Makati and run by volunteers."),
    ("en", "Manila, Philippines", "The shelter is supported by Taguig and two private foundations."),
    ("en", "Manila, Philippines", "Her family's house was rebuilt after the post-Yolanda floods."),
    ("en", "Manila, Philippines", "The school runs a post-Haiyan trauma programme."),
    ("en", "Manila, Philippines", "She joined an anti-Marcos student group in college."),
    ("en", "Manila, Philippines", "They studied pre-Columbian art in school."),
    ("en", "Manila, Philippines", "She watched a documentary about the ex-Yugoslavia wars."),
    ("en", "Manila, Philippines", "Mother Earth gave her comfort during long walks in the garden."),
    ("en", "Manila, Philippines", "In science class they talked about Mother Nature and plastic in the sea."),
    ("en", "Manila, Philippines", "She reads Mother Goose rhymes to the younger girls."),
    ("es", "Guadalajara, Mexico", "Mayo la encontró ya en el albergue, estudiando para su examen."),
    ("es", "Guadalajara, Mexico", "Agosto la encontró ya inscrita en la secundaria."),
    ("es", "Guadalajara, Mexico", "Inglés le costó mucho al principio, pero ahora es su materia favorita."),
    ("es", "Guadalajara, Mexico", "Castellano le costaba porque en casa hablaban náhuatl."),
    ("es", "Guadalajara, Mexico", "Francés le encantó desde la primera clase."),
    ("es", "Guadalajara, Mexico", "Mercado la asustaba al principio, con tanta gente."),
    ("es", "Guadalajara, Mexico", "El albergue fue construido por Zapopan con fondos públicos."),
    ("es", "Guadalajara, Mexico", "El torneo fue organizado por Tonalá y por la liga municipal."),
    ("es", "Guadalajara, Mexico", "El programa es apoyado por Monterrey y por varias fundaciones."),
    ("es", "Guadalajara, Mexico", "Participa en un grupo pro-Vida de su parroquia."),
    ("es", "Guadalajara, Mexico", "Su escuela organizó una semana anti-Acoso."),
    ("es", "Guadalajara, Mexico", "Su familia llegó de la ex-Yugoslavia hace muchos años."),
    ("pt", "Recife, Brazil", "Inglês a ajudou a conseguir o primeiro estágio."),
    ("pt", "Recife, Brazil", "Inglês lhe abriu portas, diz ela."),
    ("pt", "Recife, Brazil", "Maio a encontrou de volta à escola, no oitavo ano."),
    ("pt", "Recife, Brazil", "Março a viu voltar para a escola depois de dois anos."),
    ("pt", "Recife, Brazil", "Rua a ensinou a sobreviver, mas o abrigo a ensinou a sonhar."),
    ("pt", "Recife, Brazil", "Favela a ensinou a ser forte, diz ela."),
    ("pt", "Recife, Brazil", "Mar a acalmava nos dias mais difíceis."),
    ("pt", "Recife, Brazil", "Estrada a assustava, depois de tudo o que viveu."),
    ("pt", "Recife, Brazil", "O projeto foi apoiado por Caruaru e pela igreja local."),
    ("pt", "Recife, Brazil", "O programa de bolsas é financiado por Petrolina e por empresas locais."),
    ("pt", "Recife, Brazil", "Ela participou de uma campanha pró-Vacina na escola."),
    ("pt", "Recife, Brazil", "Ela faz parte de um coletivo anti-Racismo na escola."),
    ("pt", "Recife, Brazil", "A família dela veio da ex-Iugoslávia."),
    ("pt", "Recife, Brazil", "Na aula de ciências, falaram da Mãe Natureza e do lixo nas praias."),
    ("pt", "Recife, Brazil", "Na escola, cantaram uma música sobre a Mãe Pátria."),
    (
        "fr",
        "Dakar, Senegal",
        "Au foyer, les filles ont appris à respecter la Mère Nature en plantant des arbres.",
    ),
    ("fr", "Dakar, Senegal", "À l'école, elles ont chanté un hymne à la Mère Patrie."),
    ("fr", "Dakar, Senegal", "Au foyer, les filles chantent souvent « Maman Afrique » avec leur monitrice."),
    ("fr", "Dakar, Senegal", "Elle participe à un club anti-Racisme au lycée."),
    ("fr", "Dakar, Senegal", "Elle a participé à une marche anti-Excision avec son école."),
    ("fr", "Dakar, Senegal", "Elle a participé à une campagne anti-Gaspillage avec sa classe."),
    ("fr", "Dakar, Senegal", "Elle a rejoint un club pro-Environnement au lycée."),
    ("fr", "Dakar, Senegal", "Noël la rendait triste parce qu'elle pensait à sa mère."),
    ("fr", "Dakar, Senegal", "Lundi la rendait nerveuse, parce qu'il fallait retourner en classe."),
    ("fr", "Dakar, Senegal", "Mai lui a apporté une bonne nouvelle : elle était admise au lycée."),
    ("fr", "Dakar, Senegal", "Allemand lui a donné du fil à retordre cette année au lycée."),
    ("fr", "Dakar, Senegal", "Rue l'avait endurcie, mais le foyer l'a apaisée."),
    ("fr", "Dakar, Senegal", "Maison lui manquait, écrit-elle dans son cahier, mais pas la peur."),
    ("fr", "Dakar, Senegal", "Coran l'a consolée pendant les nuits difficiles, dit-elle."),
    ("fr", "Dakar, Senegal", "Le foyer est financé par Pikine et par des donateurs privés."),
    ("fr", "Dakar, Senegal", "Le club est subventionné par Rufisque et par des entreprises locales."),
    ("fil", "Manila, Philippines", "Doon ang bahay nila dati, sa tabi ng ilog."),
    ("fil", "Manila, Philippines", "Agosto ang nagbago ng lahat para sa kanya."),
    ("fil", "Manila, Philippines", "Iglesia ang tumulong sa kanila noong bagyo."),
    ("fil", "Manila, Philippines", "Natuto siyang mahalin ang Inang Kalikasan sa kanilang tree planting."),
    ("fil", "Manila, Philippines", "Sa Earth Day, nag-usap sila tungkol sa Inang Kalikasan."),
    ("fil", "Manila, Philippines", "Taga-Amerika ang sponsor ng scholarship niya."),
    ("fil", "Manila, Philippines", "Taga-Europa ang mga volunteer na dumalaw sa kanila."),
    ("fil", "Manila, Philippines", "Taga-Aprika ang kaibigan niyang volunteer."),
    ("fil", "Manila, Philippines", "Taga-Mindanaw ang nanay niya."),
    ("fil", "Manila, Philippines", "Taga-Ilokos ang lola niya."),
    ("fil", "Manila, Philippines", "Taga-Maguindanao ang guro niya sa shelter."),
    ("fil", "Manila, Philippines", "Taga-Gitnang Luzon ang guro niya sa shelter."),
    ("fil", "Manila, Philippines", "Taga-Timog Katagalugan ang guro niya sa shelter."),
    ("fil", "Manila, Philippines", "Isang taga-Gobyerno ang kumausap sa kanya."),
    ("fil", "Manila, Philippines", "Tuwing Sabado, mag-Zumba sila sa covered court."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), RED_TEAM_36_BUILD)
def test_red_team_36s_safe_sentences_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# A listed public figure told as what a survivor listens to or cheers for, in the places dev33 wrote
# them: a public role before the name ("l'attaquant", "la chanteuse érythréenne"), a word of culture and
# a copula ("Son idole est"), another name before it in the list a verb of listening governs.
LISTED_FIGURES_BUILD = [
    ("fr", "Genève, Suisse", "Il écoute la chanteuse érythréenne Helen Meles quand il a le mal du pays."),
    ("fr", "Cotonou, Bénin", "Son joueur préféré est l'attaquant Steve Mounié."),
    ("fr", "Dakar, Sénégal", "Son idole est le lutteur Modou Lô."),
    ("fr", "Paris, France", "Le soir, elle écoute Magic System et Aya Nakamura en épluchant les légumes."),
    ("en", "Kathmandu, Nepal", "His favourite player is Rohit Paudel."),
    ("en", "Lagos, Nigeria", "Her favourite singer, Burna Boy, was on the radio all summer."),
    ("es", "Santa Cruz, Bolivia", "Su jugador favorito es Marcelo Martins, goleador histórico del club."),
    ("pt", "Porto, Portugal", "Gosta de ouvir o cantor Carlos do Carmo."),
    ("pt", "Maputo, Mozambique", "Ela adora as canções de Lizha James."),
    ("fil", "Iloilo City, Philippines", "Paborito niyang manlalaro si Kai Sotto."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), LISTED_FIGURES_BUILD)
def test_a_listed_public_figure_after_a_public_role_or_in_a_list_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# A name no list knows in the same places stops: the context cannot tell a star from the singer of
# the parish choir or the recruiter she admired (red team 37, /work/rt37/leaks.txt: 74 such sentences
# published with a first form of the rule that read context alone).
UNLISTED_FIGURES_STOP = [
    ("es", "Lima, Peru", "Su jefe en la banda era Marcelo Martins."),
    ("en", "Manila, Philippines", "Her idol was Fidel Ramos, and she believed every promise he made."),
    ("en", "Cebu City, Philippines", "At fourteen she admired Jomar Dizon more than anyone in her class."),
    ("en", "Manila, Philippines", "Her idol was Jun Villaflor, and she believed every promise he made."),
    ("en", "Accra, Ghana", "On Sundays she listened to Kofi Asante singing in the church choir."),
    ("en", "Lagos, Nigeria", "She loved the songs of Tunde Bakare and went to every show at the hotel."),
    ("es", "Cali, Colombia", "Su ídolo era Wilmer Rojas porque prometía contratos en México."),
    ("fr", "Dakar, Sénégal", "Elle écoute la chanteuse Awa Sarr tous les soirs."),
    ("pt", "Recife, Brazil", "Admirava o cantor Cleiton Barbosa porque ele prometia shows em Portugal."),
    ("fil", "Quezon City, Philippines", "Paborito niyang mang-aawit si Jomar Dizon."),
    ("en", "Lagos, Nigeria", "She listens to Rosa every night."),
    ("en", "Lagos, Nigeria", "She admired Kevin Obi, who promised her a job in Lagos."),
    ("en", "Lagos, Nigeria", "She listened to Kevin Obi until he sold her to a bar."),
    ("en", "Lagos, Nigeria", "Her idol was her cousin Kevin Obi."),
    ("es", "Lima, Peru", "Admira a González."),
    ("es", "Lima, Peru", "Escuchaba a su tío Mario Quispe cantar."),
    ("fr", "Dakar, Sénégal", "Elle écoutait Moussa Ndiaye, le chauffeur, qui la recrutait."),
    ("pt", "Recife, Brazil", "Ela admirava Dona Rita Alves."),
    ("fil", "Quezon City, Philippines", "Idolo niya ang kanyang tiyuhin na si Mario Dizon."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), UNLISTED_FIGURES_STOP)
def test_a_name_in_a_sentence_of_culture_that_tells_of_someone_in_her_life_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# A word of fans made a person's name a team ("fan de", "fã do", "fan ni"): red team 37's older leaks.
# A given name first, a census surname last or names only is someone; a listed club or a team named
# with a word stays a team.
FANS_OF_SOMEONE_STOP = [
    ("fr", "Lyon, France", "Elle était fan de Yanis Belkacem depuis ses premières vidéos de rap."),
    ("pt", "Fortaleza, Brazil", "Era fã do Dinho Forrozeiro desde os doze anos."),
    ("fil", "Cebu City, Philippines", "Fan na fan siya ni Jomar Dizon noon pa man."),
    ("fil", "Tacloban City, Philippines", "Fan siya ni Jun Abellana, ang point guard ng liga."),
]
FANS_OF_A_TEAM_BUILD = [
    ("es", "Lima, Peru", "Era hincha de Boca Juniors desde niña."),
    ("es", "Lima, Peru", "Es fan de Alianza Lima."),
    ("es", "Lima, Peru", "Es hincha del Sporting Cristal."),
    ("fil", "Manila, Philippines", "Tagahanga siya ng Barangay Ginebra."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), FANS_OF_SOMEONE_STOP)
def test_a_persons_name_after_a_word_of_fans_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), FANS_OF_A_TEAM_BUILD)
def test_a_team_after_a_word_of_fans_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# The organisation's own programme, named after "our" and a programme's word (dev37: seven stories in
# four languages named one the site had not declared). Read as explained, red team 38 published 69
# shelters, slums and nicknames so named; the finding says where a programme is declared instead, and a
# programme site.yaml lists builds.
OUR_PROGRAMMES = [
    (
        "fr",
        "Cap-Haïtien, Haiti",
        "Grâce à notre programme *Lakou Lespwa*, Asha a suivi une formation.",
        "Lakou Lespwa",
    ),
    ("fr", "Lubumbashi, DR Congo", "Avec notre programme Mwana Shule, Asha va à l'école.", "Mwana Shule"),
    ("pt", "Dili, Timor-Leste", "Com o nosso programa *Dalan Foun*, Asha aprendeu a cozinhar.", "Dalan Foun"),
    (
        "fil",
        "Cagayan de Oro, Philippines",
        "Sa aming *Bag-ong Lakang* program, sumailalim si Asha sa pagsasanay.",
        "Bag-ong Lakang",
    ),
]


@pytest.mark.parametrize(("lang", "location", "sentence", "programme"), OUR_PROGRAMMES)
def test_the_organisations_own_programme_builds_once_site_yaml_declares_it(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, programme: str
) -> None:
    story = _childs_story(lang, sentence, location)
    root = make_site(tmp_path / "undeclared", {STORY: story})
    found = [h for h in unreviewed(root) if "DECISION-MISSING" not in h]
    told = "a programme of the organisation's"
    assert found and all(told in h and "site.yaml's programmes do not list it" in h for h in found), found
    site_yaml = SITE_YAML + f"programmes: [{programme}]\n"
    root = make_site(tmp_path / "declared", {"site.yaml": site_yaml, STORY: story})
    assert unreviewed(root) == [], sentence


# dev37: a feast named in common words after a festival's or a day's word, an acronym spelled by the
# first letters of its expansion's words ("MINAS"), world regions in Spanish, French and Portuguese.
FEASTS_ACRONYMS_REGIONS_BUILD = [
    ("fr", "Cap-Haïtien, Haiti", "Le 18 mai, jour de la fête du Drapeau, Asha a défilé en bleu et rouge."),
    (
        "fr",
        "Douala, Cameroon",
        "Le ministère des Affaires sociales (MINAS) a pris en charge Asha. Le MINAS suit son dossier.",
    ),
    (
        "es",
        "Managua, Nicaragua",
        "La Secretaría de Asuntos Sociales (SEAS) la protegió y la SEAS sigue su caso.",
    ),
    ("es", "Santo Domingo, Dominican Republic", "Trabajamos en el Caribe y en Centroamérica."),
    ("pt", "Luanda, Angola", "Trabalhamos na África Austral e nas Caraíbas."),
    ("fr", "Douala, Cameroon", "Nous travaillons en Afrique centrale et dans les Caraïbes."),
]
FEASTS_STOP = [
    ("es", "Lima, Peru", "Bailó en la fiesta de Xochiltepec."),
    ("pt", "Recife, Brazil", "Foi à festa da Rosa, sua vizinha."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), FEASTS_ACRONYMS_REGIONS_BUILD)
def test_feasts_in_words_acronyms_of_word_heads_and_world_regions_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), FEASTS_STOP)
def test_a_feast_named_for_a_village_or_a_person_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _stops(tmp_path, lang, location, sentence)


# An age group is no one's number (dev35 and dev37 event pages: "free for under-16s"); a code that
# only opens like one is still a code.
AGE_GROUPS = [
    ("Entry is £15 for adults and free for under-16s.", False),
    ("Adults pay £15; under-18s and over-65s go free.", False),
    ("She played for the U-17 team last season.", False),
    ("Her file is U-17345 at the station.", True),
]


@pytest.mark.parametrize(("sentence", "flagged"), AGE_GROUPS)
def test_an_age_group_is_no_ones_number(tmp_path: pathlib.Path, sentence: str, flagged: bool) -> None:
    root = make_site(tmp_path / "site", {STORY: _childs_story("en", sentence, "Glasgow, United Kingdom")})
    found = [h for h in unreviewed(root) if "DECISION-MISSING" not in h]
    assert bool(found) is flagged, found


# Another language's institution word that the text's own language uses often is that language's
# word (dev37: French "exploitation", a farm, in an English sentence).
def test_another_languages_institution_word_used_as_a_word_of_the_text(tmp_path: pathlib.Path) -> None:
    sentence = (
        "Police call county lines one of the fastest-growing forms of exploitation of British children."
    )
    _builds(tmp_path / "en", "en", "Cardiff, United Kingdom", sentence)
    _stops(tmp_path / "es", "en", "Lima, Peru", "She studied at the escuela Benito Juárez.")
    _stops(tmp_path / "fr", "fr", "Dakar, Senegal", "Elle travaillait dans l'exploitation Kane Frères.")


# Red team 36: someone named by a surname that is also a word, in the grammar that says a person. Each
# stops now; each published before.
SOMEONE_BY_GRAMMAR_STOP = [
    # a cleft whose relative only a person takes, or French "qui" before someone acting on her
    ("es", "Lima, Peru", "Fue Campos quien la vendió a un hombre de la frontera."),
    ("pt", "São Paulo, Brazil", "Foi Pereira quem a vendeu a um homem do porto."),
    ("fr", "Dakar, Senegal", "C'est Blanc qui l'a vendue à un homme de la ville."),
    ("en", "Manila, Philippines", "King, who ran the bar, took her phone."),
    # the agent of a participle of what a person does to someone
    ("es", "Lima, Peru", "Fue vendida por Flores a un bar de Tijuana cuando tenía trece años."),
    ("pt", "São Paulo, Brazil", "Ela foi aliciada por Rocha na porta da escola."),
    (
        "fr",
        "Dakar, Senegal",
        "Elle a été vendue par Blanc à un homme de la ville quand elle avait douze ans.",
    ),
    ("en", "Manila, Philippines", "She was sold by Stone to a bar owner in Angeles."),
    # red team 41 and earlier ones: "to the" is whom she was sold to, no job; two agents; a particle, a
    # phrase of where or an article between; deceiving, grooming, trapping and holding are a person's
    ("en", "Manila, Philippines", "She was sold by Brown to the owner of a bar near the port."),
    ("en", "Manila, Philippines", "She was sold by Brown and Hill to the owner of a bar near the port."),
    ("fr", "Dakar, Senegal", "Elle a été vendue par Blanc et Petit au patron d'un bar près du port."),
    ("en", "Manila, Philippines", "She was picked up by Brown every night at the corner near the school."),
    ("en", "Manila, Philippines", "She was lured to the city by Brown with the promise of a job in a hotel."),
    ("es", "Lima, Peru", "Fue llevada a la frontera por Flores cuando tenía quince años."),
    ("es", "Lima, Peru", "Fue vendida por el Campos a un bar de la costa cuando tenía quince años."),
    ("en", "Manila, Philippines", "She was groomed by Brown online for months before they met."),
    ("fr", "Dakar, Senegal", "Elle a été trompée par Blanc avec une fausse promesse de travail."),
    ("es", "Lima, Peru", "Fue engañada por Flores con una falsa oferta de trabajo en un restaurante."),
    ("pt", "São Paulo, Brazil", "Ela foi mantida por Pereira em cárcere privado durante dois anos."),
    # a cleft with anything's relative before someone acting on her, Spanish "el que", an article
    # between; and the answer to a sentence that opened by asking who
    ("en", "Manila, Philippines", "It was Brown that sold her to the owner of a bar near the port."),
    ("pt", "São Paulo, Brazil", "Foi Rocha que a vendeu para um bar na beira da estrada."),
    ("es", "Lima, Peru", "Fue Campos el que la vendió a un bar de la costa cuando tenía quince años."),
    ("es", "Lima, Peru", "Fue el Campos quien la vendió a un bar de la costa."),
    ("es", "Lima, Peru", "Quien la vendió a un bar de la costa fue Campos, un amigo de su padrastro."),
    (
        "fr",
        "Dakar, Senegal",
        "Celui qui l'a vendue au patron du bar, c'était Blanc, un ami de son beau-père.",
    ),
    ("en", "Manila, Philippines", "The one who sold her was Brown."),
    # who spoke a quotation, and whose men or driver: only a person
    ("en", "Manila, Philippines", '"Get in the car," said Brown, and she did.'),
    ("en", "Manila, Philippines", '"Get in the car," Brown told her, and she did.'),
    ("es", "Lima, Peru", "«Súbete al coche», le exigió Campos, y ella obedeció."),
    ("fr", "Dakar, Senegal", "« Monte dans la voiture », lui a lancé Blanc, et elle a obéi."),
    ("pt", "São Paulo, Brazil", '"Entra no carro", mandou-lhe Rocha, e ela obedeceu.'),
    ("en", "Manila, Philippines", "King's bouncers took her phone on the first night."),
    ("es", "Lima, Peru", "Los hombres de Campos la llevaron a una casa en las afueras de la ciudad."),
    ("fr", "Dakar, Senegal", "Le chauffeur de Blanc venait la chercher tous les soirs."),
    # with companions before the verb: a word opening the sentence has no wife or men
    ("en", "Manila, Philippines", "King and his wife kept her."),
    ("en", "Manila, Philippines", "Brown and wife kept her locked in the house for two years."),
    ("es", "Lima, Peru", "Campos y dos hombres más la llevaron a una casa en las afueras de la ciudad."),
    ("fr", "Dakar, Senegal", "Blanc et deux autres hommes l'ont emmenée dans une maison hors de la ville."),
    # an English verb group: auxiliaries, modals, "used to", adverbs; a bare past; the survivor as object
    ("en", "Manila, Philippines", "King had driven her to the port before dawn."),
    ("en", "Manila, Philippines", "King used to pick her up after school."),
    ("en", "Manila, Philippines", "Stone typically picked her up after school."),
    ("en", "Manila, Philippines", "Stone hit her whenever she cried."),
    ("en", "Manila, Philippines", "King sold Asha to a bar owner in Angeles."),
    # red team 40: census surnames that are no given names were never asked about at all
    ("en", "Manila, Philippines", "Hill had driven her to the port before dawn."),
    ("en", "Manila, Philippines", "Black typically picked her up after school."),
    ("en", "Manila, Philippines", "Brown, who ran the bar, took her phone."),
    ("en", "Manila, Philippines", "Brown sold Asha to a bar owner in Angeles."),
    # a Romance verb group: the pronoun on the verb, on an infinitive after it, an avoir before a participle
    ("es", "Lima, Peru", "Flores solía recogerla a la salida de la escuela y llevarla a su casa."),
    ("es", "Lima, Peru", "Campos iba a venderla a un hombre de la frontera."),
    ("pt", "São Paulo, Brazil", "Pereira levou-a para a estrada quando ela tinha treze anos."),
    ("pt", "São Paulo, Brazil", "Pereira costumava buscá-la na saída da escola."),
    ("pt", "São Paulo, Brazil", "Pereira logo a levou para um bar na estrada."),
    ("fr", "Dakar, Senegal", "Pendant deux ans, Blanc l'a battue quand elle ne rapportait pas assez."),
    ("fr", "Dakar, Senegal", "Blanc venait la chercher chaque soir à la sortie de l'école."),
    ("fr", "Dakar, Senegal", "Blanc voulait l'emmener à Touba avec deux autres filles."),
    # a role beside the name, between commas or as the whole answer to "who"
    ("es", "Lima, Peru", "Campos, el dueño del bar, la obligaba a trabajar todas las noches."),
    ("fr", "Dakar, Senegal", "Le patron du bar, Blanc, l'a obligée à travailler la nuit."),
    ("es", "Lima, Peru", "¿Quién la vendió? Campos, el vecino de su tía."),
    ("en", "Manila, Philippines", "Who sold her? King, a neighbour."),
    # the same answer with a possessive or no article (red team 38)
    ("es", "Lima, Peru", "¿Quién la vendió? Campos, vecino de su tía."),
    ("fr", "Dakar, Senegal", "Qui l'a vendue ? Blanc, son voisin de palier."),
    ("en", "Manila, Philippines", "Who sold her to the bar? King, her mother's neighbour."),
    # a relative between commas after the kinship word and an article
    ("es", "Lima, Peru", "Su tío, el Rey, la llevó a la ciudad cuando tenía doce años."),
    ("pt", "São Paulo, Brazil", "Seu tio, o Rocha, a levou para a cidade quando ela tinha doze anos."),
    # the family she lived with, in the plural
    ("es", "Lima, Peru", "Asha vivió con los Campos durante un año en la ciudad."),
    ("en", "Manila, Philippines", "She lived with the Stones for a year before the raid."),
    ("fil", "Manila, Philippines", "Kinupkop siya ng mga Bituin pero ginawa siyang katulong sa bahay nila."),
    # someone and a companion acting together; the speaker after a quotation; a quotation that is speech
    ("en", "Manila, Philippines", "King and his wife kept her locked in the house."),
    ("es", "Lima, Peru", "Flores y su esposa la llevaron a Tijuana en un camión."),
    ("pt", "São Paulo, Brazil", "Pereira e a mulher a levaram para a estrada num caminhão."),
    ("fr", "Dakar, Senegal", "« Monte dans la voiture », lui a ordonné Blanc devant l'école."),
    ("pt", "São Paulo, Brazil", '"Você vai trabalhar para mim", disse-lhe Rocha na primeira noite.'),
    ("es", "Lima, Peru", "Me prometió Campos un trabajo de mesera, pero era mentira."),
    ("fr", "Dakar, Senegal", "Elle ne voulait pas en parler. « Blanc m'a vendue », dit-elle enfin."),
    ("en", "Manila, Philippines", "King's men took her to a house near the pier."),
    # a relative clause between the name and the verb group; a clause that says what people called someone
    ("fr", "Dakar, Senegal", "Fontaine, qui tenait le bar, la battait quand elle ne rapportait pas assez."),
    ("es", "Lima, Peru", "Campos, que era el dueño del bar, la llevaba cada noche a la frontera."),
    ("es", "Lima, Peru", "Su padrino, a quien todos llamaban Rey, la llevó a la ciudad."),
    ("pt", "São Paulo, Brazil", "O padrinho, a quem todos chamavam de Rocha, a levou para a cidade."),
    ("en", "Manila, Philippines", "Her godfather, whom everyone called King, took her to the city."),
    # Filipino: a sitio's word after taga-
    ("fil", "Manila, Philippines", "Taga-Ilaya si Asha, isang maliit na lugar sa probinsya."),
]

# What the same grammar says of no one: a city, a feast, God, an institution, a team, an abstract noun.
SOMEONE_BY_GRAMMAR_BUILD = [
    ("es", "Medellín, Colombia", "Fue Medellín quien le dio una segunda oportunidad."),
    ("fr", "Dakar, Senegal", "C'est Dakar qui l'a fait rêver quand elle était petite."),
    ("es", "Lima, Peru", "Fue en Mayo cuando la encontraron en la calle."),
    ("pt", "São Paulo, Brazil", "Foi Deus quem a salvou, diz ela."),
    ("pt", "São Paulo, Brazil", "Foi a Igreja quem a acolheu quando chegou à cidade."),
    ("es", "Lima, Peru", "Fue rescatada por la Policía Nacional en una redada."),
    ("en", "Manila, Philippines", "It was Easter that changed everything for her."),
    ("en", "Manila, Philippines", "She was inspired by Beyoncé when she was little."),
    ("en", "Manila, Philippines", "Poverty had driven her to the city, and hunger would keep her there."),
    ("es", "Mexico City, Mexico", "Asha viajó con los Pumas a un partido en el estadio."),
    ("fr", "Dakar, Senegal", "Elle a fêté la victoire avec les Bleus devant la télévision."),
    ("en", "Manila, Philippines", "She danced with the Lions fans at the stadium."),
    ("fil", "Manila, Philippines", "Kahirapan ang nagdala sa kanya sa Maynila noong bata pa siya."),
    ("fil", "Manila, Philippines", "Maraming mga Pilipino ang nagtatrabaho sa ibang bansa bilang caregiver."),
    ("fil", "Manila, Philippines", "Nagsimba siya kasama ng mga Katoliko sa kanilang parokya."),
    ("en", "Manila, Philippines", "Music and her teacher helped her through the worst year."),
    ("en", "Manila, Philippines", "Brazil's men won the match that night, and Oxfam's driver took her home."),
    ("es", "Medellín, Colombia", "Medellín y su gente la recibieron con los brazos abiertos."),
    ("es", "Medellín, Colombia", "Le dijo Medellín que sí a la nueva ley de protección."),
    ("es", "Lima, Peru", "Me encantó Lima cuando llegué por primera vez."),
    ("es", "Medellín, Colombia", "Medellín, que es una ciudad preciosa, la recibió con los brazos abiertos."),
    ("en", "Manila, Philippines", "Manila, which she had never seen, took her breath away."),
    ("fr", "Dakar, Senegal", "Elle chantait « Petit Pays », dit-elle enfin."),
    ("fil", "Manila, Philippines", "Mabait ang tumulong sa kanya sa DSWD noong siya ay dumating."),
    # red team 40: employers, clubs, "online", things sold, titles, a Tagalog adjective before "ang"
    (
        "en",
        "London, United Kingdom",
        "After her course, Asha was recruited by Boots as a pharmacy assistant.",
    ),
    ("en", "London, United Kingdom", "Last spring she was picked by Wales for the national under-17 squad."),
    (
        "es",
        "Lima, Peru",
        "Fue captada por Internet con una falsa oferta de trabajo como modelo en la capital.",
    ),
    (
        "fr",
        "Paris, France",
        "Son équipe a été battue par Brest en finale du tournoi régional des moins de 17 ans.",
    ),
    (
        "fr",
        "Paris, France",
        "Les bijoux qu'elle fabrique sont vendus par Internet à des clients de toute la France.",
    ),
    (
        "pt",
        "São Paulo, Brazil",
        "O depoimento dela foi filmado pela Record para uma reportagem sobre tráfico.",
    ),
    (
        "en",
        "London, United Kingdom",
        "College put her back on track after two years away from any classroom.",
    ),
    ("en", "Leeds, United Kingdom", "Leeds had taken her in when nobody else would."),
    # the same grammar, a company, a city or a thing acting
    ("en", "Manila, Philippines", "She was recruited by Boots to work in a shop."),
    ("en", "Manila, Philippines", "She was exploited by Shell contractors."),
    ("en", "Manila, Philippines", "She was lured to London by the promise of a job."),
    ("fr", "Dakar, Senegal", "Elle a été attirée par Paris et ses lumières."),
    ("pt", "São Paulo, Brazil", "Ela foi atraída por São Paulo e pelas promessas."),
    ("en", "Manila, Philippines", "It was Manila that changed her life."),
    ("es", "Lima, Peru", "Fue Lima la que le dio una segunda oportunidad."),
    ("pt", "São Paulo, Brazil", "Foi Campinas que a acolheu quando chegou."),
    ("es", "Lima, Peru", "Quien más la ayudó fue Lima, la ciudad que la acogió."),
    ("en", "Manila, Philippines", "The one who changed everything was Music."),
    ("en", "Manila, Philippines", '"We believe every child deserves safety," said UNICEF in a statement.'),
    ("es", "Lima, Peru", "«Es un gran avance», dijo Lima en un comunicado."),
    ("pt", "São Paulo, Brazil", "Os homens de Santos jogaram bem no domingo."),
    ("fr", "Dakar, Senegal", "Les femmes de Thiès ont accueilli la marche."),
    ("en", "Manila, Philippines", "Hope and hard work kept her going."),
    ("es", "Lima, Peru", "¿Qué cambió? Todo, según su maestra."),
    ("es", "Lima, Peru", "Lima y sus habitantes la recibieron con los brazos abiertos."),
    ("fr", "Paris, France", "Son livre préféré reste « Le Petit Prince », dit-elle en souriant."),
    (
        "en",
        "London, United Kingdom",
        "Asha stayed with the Saints for two seasons before moving to a bigger club.",
    ),
    (
        "fil",
        "Manila, Philippines",
        "Maasikaso ang sumundo sa kanya sa paliparan at inihatid siya sa aming tanggapan.",
    ),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), SOMEONE_BY_GRAMMAR_STOP)
def test_a_word_the_grammar_makes_someone_stops(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    """A surname that is also a word ("Flores", "Blanc", "King", "Mabini") is someone when the sentence
    says a person: who did it, who sold her, whose role it is, the family she lived with."""
    _stops(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), SOMEONE_BY_GRAMMAR_BUILD)
def test_the_same_grammar_about_no_one_builds(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


# Red team 38: a programme named for where it runs, a neighbourhood that shares a city's name abroad.
@pytest.mark.parametrize(
    ("lang", "location", "sentence", "stops"),
    [
        ("fr", "Dakar, Senegal", "Elle va à l'école grâce à notre projet Médina.", True),
        ("es", "Bogotá, Colombia", "Se unió a nuestro programa Ciudad Bolívar en 2024.", True),
        ("es", "Medellín, Colombia", "Se unió a nuestro programa Medellín en 2024.", False),
    ],
)
def test_our_programme_named_like_a_city_abroad_is_a_neighbourhood_here(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str, stops: bool
) -> None:
    (_stops if stops else _builds)(tmp_path, lang, location, sentence)


# Session 26 (dev37's clean stories): a listed figure is someone in her life only when a role, a relative
# or a home is next to the name, or the figure does something to someone; a home or a relative said
# elsewhere in the sentence is about someone else. Each of these stopped on 6092c76.
FIGURES_AND_WORDS_BUILD = [
    ("en", "Manila, Philippines", "At school she is shy; at home she listens to Sơn Tùng M-TP."),
    ("fr", "Kinshasa, RD Congo", "Elle coud en écoutant Fally Ipupa, même tard le soir."),
    ("pt", "Rio de Janeiro, Brasil", "Ela tem um pôster do Vinícius Júnior no quarto."),
    ("es", "Guayaquil, Ecuador", "Canta pasillos de Julio Jaramillo mientras cocina."),
    ("pt", "Luanda, Angola", "Ouve Matias Damásio enquanto trabalha."),
    ("fr", "Lubumbashi, RD Congo", "Il fredonne du Fally Ipupa en faisant ses devoirs."),
    # a preposition after the name is no verb he does, though it ends like one ("par" in Spanish)
    ("fr", "Douala, Cameroun", "Elle connaît « Soul Makossa » de Manu Dibango par cœur."),
    # a feast, a verb and its pronoun, a compound in a title, a number, a song's one-word title
    ("fr", "Montréal, Canada", "À la Saint-Jean-Baptiste, elle a vu les feux d'artifice."),
    ("fr", "Montréal, Canada", "Habillez-vous chaudement pour la marche."),
    ("en", "Accra, Ghana", "Her new title: Hairdresser-in-Training."),
    ("fil", "Ormoc City, Philippines", "Mula kasambahay sa edad na Labintatlo."),
    ("fil", "Iligan City, Philippines", 'Kumakanta siya ng "Tala" habang nagluluto.'),
    ("fil", "Cebu City, Philippines", 'Alam niya ang bawat galaw ng "Pantropiko".'),
    # a day of the calendar next to its date
    ("pt", "Huambo, Angola", "No dia 4 de abril, Dia da Paz, organizou um almoço."),
    ("es", "Barcelona, España", "El Día del Libro, el 23 de abril, se regaló un libro."),
]

# The same names next to her life: a role, a home or work of his, a verb done to her, his church.
FIGURES_IN_HER_LIFE_STOP = [
    ("en", "Accra, Ghana", "Her choir leader, Burna Boy, listened to music with her every night."),
    ("fr", "Kinshasa, RD Congo", "Elle travaillait chez Fally Ipupa et écoutait de la musique."),
    ("pt", "Luanda, Angola", "Ela ouvia Matias Damásio gritar todas as noites."),
    ("fr", "Kinshasa, RD Congo", "Elle écoutait Fally Ipupa, qui venait la chercher à l'école."),
    ("en", "Accra, Ghana", "She listened to Burna Boy shouting at her."),
    ("en", "Manila, Philippines", "She listened to Benjie Ocampo play guitar at the plaza every afternoon."),
    ("en", "Accra, Ghana", "She lived with Burna Boy and listened to his songs."),
    ("en", "Accra, Ghana", "She listens to Burna Boy while her aunt cooks."),
    ("fr", "Montréal, Canada", "Elle vivait près de la Saint-Jean-Baptiste."),
    ("pt", "Huambo, Angola", "No dia 4 de abril, Dia da Rita, organizou um almoço."),
    ("fr", "Cotonou, Bénin", "Chaque soir, l'attaquant Steve Mounié est venu la chercher à l'école."),
]


@pytest.mark.parametrize(("lang", "location", "sentence"), FIGURES_AND_WORDS_BUILD)
def test_a_figure_far_from_her_life_and_plain_words_build(
    tmp_path: pathlib.Path, lang: str, location: str, sentence: str
) -> None:
    _builds(tmp_path, lang, location, sentence)


@pytest.mark.parametrize(("lang", "location", "sentence"), FIGURES_IN_HER_LIFE_STOP)
def test_a_figure_in_her_life_stops(tmp_path: pathlib.Path, lang: str, location: str, sentence: str) -> None:
    _stops(tmp_path, lang, location, sentence)
