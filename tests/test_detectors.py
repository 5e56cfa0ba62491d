"""Families 5, 6 and 7 and the relatives rules: identifying details found in every visible field.

Each rule has a test that it fires (exact message, exact file:line:column) and a near miss that stays
quiet. The broader measurement (80+ labelled sentences) is in test_detector_eval.py.
"""

from __future__ import annotations

import pathlib

import pytest
from sitekit import (
    AT,
    BODY,
    SITE_YAML,
    STORY,
    approve_story,
    approved_and_clean,
    check_site,
    consent,
    heads,
    loc,
    make_site,
    person,
    story_findings,
    story_md,
    survivor,
)

from generator.build import build, check
from generator.errors import ContentError
from generator.safety.detect.textscan import verhoeff_digit, verhoeff_valid

STAFF = person("Anjali Rao", "staff", "real")
MINOR = {
    "people": [survivor("Mona", minor=True), STAFF],
    "consent": [consent(given_by=["survivor", "welfare_authority"])],
}


def one(tmp_path: pathlib.Path, text: str, rule: str, **kw: object) -> list[str]:
    return story_findings(tmp_path, text, rule, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- family 5: errors


@pytest.mark.parametrize(
    ("extra", "rule", "needle", "message"),
    [
        (
            "Anyone can call the officer on +91 98300 41762.\n",
            "ID-PHONE",
            "|+91 98300",
            "a phone number (+91 98••• •••62): a number leads straight to a person, who can be called, messaged or looked up",
        ),
        (
            "Her number was 098300-41762 then.\n",
            "ID-PHONE",
            "|098300",
            "a phone number (09••••-•••62): a number leads straight to a person, who can be called, messaged or looked up",
        ),
        (
            "The recruiter said to message wa.me/919830041762 at once.\n",
            "ID-PHONE",
            "|wa.me",
            "a WhatsApp link to a phone number (••.••/91••••••••62): a number leads straight to a person, who can be called, messaged or looked up",
        ),
        (
            "Her cousin wrote from priti.das2009@gmail.com to thank us.\n",
            "ID-EMAIL",
            "|priti.das",
            "an e-mail address (p…@g…): an address usually carries a name and always reaches a person",
        ),
        (
            "The recruiter first messaged her on Instagram as @priti_smiles_09.\n",
            "ID-SOCIAL",
            "|Instagram as",
            "a social media account: a handle, profile or recording opens a person's photos, friends and whereabouts to anyone",
        ),
        (
            "He posted at https://www.facebook.com/ravi.kumar.5585 for weeks.\n",
            "ID-SOCIAL",
            "|https://www.facebook",
            "a link to a social media account or post: a handle, profile or recording opens a person's photos, friends and whereabouts to anyone",
        ),
        (
            "Police entered a room at 27/3 Kali Charan Ghosh Road that night.\n",
            "ID-ADDRESS",
            "|27/3",
            "a street address: an address, even a partial one, shows where a survivor lived or was found",
        ),
        (
            "She stayed at House No. 45 for a year.\n",
            "ID-ADDRESS",
            "|House No",
            "a house or flat number: an address, even a partial one, shows where a survivor lived or was found",
        ),
        (
            "The room was in Howrah 711101, near the river.\n",
            "ID-POSTCODE",
            "|711101",
            "an Indian PIN code: a postal code narrows a place down to a few streets",
        ),
        (
            "Until last year she was a student at Sree Saraswati Balika Vidyalaya.\n",
            "ID-INSTITUTION",
            "|Sree",
            'the name of a school, workplace or shelter ("S… S… B… V…"): it tells anyone where to find her',
        ),
        (
            "She was moved to the Liluah Home for Girls.\n",
            "ID-INSTITUTION",
            "|Liluah",
            'the name of a school, workplace or shelter ("L… H… G…"): it tells anyone where to find her',
        ),
        (
            "The case was registered as FIR No. 213/2025 in March.\n",
            "ID-NUMBER",
            "|FIR No",
            "a police or court case number (••• ••. •••/••25): it points to one person's records",
        ),
        (
            "Her PAN, ABCDE1234F, was on the form.\n",
            "ID-NUMBER",
            "|PAN, ABCDE",
            "a PAN number (•••, ••••••••••): it points to one person's records",
        ),
        (
            "The van, WB 02 AK 4411, was stopped.\n",
            "ID-NUMBER",
            "|WB 02",
            "a vehicle registration number (•• •• •• ••11): it points to one person's records",
        ),
        (
            "She was born on 3 May 2010 in a village.\n",
            "ID-BIRTHDATE",
            "|born",
            "a date of birth: with a place it singles a person out almost uniquely",
        ),
    ],
)
def test_identifying_details_in_the_text_are_errors(
    tmp_path: pathlib.Path, extra: str, rule: str, needle: str, message: str
) -> None:
    text = story_md(BODY + "\n" + extra)
    assert one(tmp_path, text, rule) == [f"{loc(text, needle)}: {rule}: {message}"]
    assert needle.lstrip("|") not in message  # a hint at most: never the detail itself


def test_an_aadhaar_number_is_checked_with_its_verhoeff_digit(tmp_path: pathlib.Path) -> None:
    base = "23456789012"
    good = base + verhoeff_digit(base)
    bad = base + str((int(verhoeff_digit(base)) + 1) % 10)
    assert verhoeff_valid(good) and not verhoeff_valid(bad)
    shown = f"{good[:4]} {good[4:8]} {good[8:]}"
    hint = (
        f"•••• •••• ••{good[-2:]}"  # the message never prints the number itself: its last two digits at most
    )
    text = story_md(BODY + f"\nThe card read {shown}.\n\nAnother card read {bad[:4]} {bad[4:8]} {bad[8:]}.\n")
    assert one(tmp_path, text, "ID-NUMBER") == [
        f"{loc(text, '|' + shown)}: ID-NUMBER: an Aadhaar number ({hint}): it points to one person's records"
    ]
    assert one(tmp_path, text, "ID-PHONE") == []  # a 4-4-4 number is never taken for a phone number


@pytest.mark.parametrize(
    "extra",
    [
        "The case is one of 38 that our Mumbai office supported in 2025, across more than 1,100 miles of rail routes.\n",
        "Convictions carry sentences of up to 10 years and fines of ₹50,000 or $1,200.\n",
        "He was charged under Section 370 of the IPC and the POCSO Act 2012.\n",
        "Officers from Howrah police station led the raid, and the programme ran from 2018-2024.\n",
        "More than 10,000 children are reported missing each year; call the Childline helpline on 1098.\n",
        "She stayed in Room 4 and later joined a girls' school in Howrah.\n",
        "In February 2026 she went back to school, and Asha's school has reopened.\n",
        "She was born in 2010 and grew up near the coast.\n",
        "Our helpline, 1800 180 5522, is free, and our address for letters is info@stories.example.org.\n",
        "In 2019, 200000 people were moved across the border.\n",
    ],
)
def test_counts_years_money_and_laws_are_not_identifiers(tmp_path: pathlib.Path, extra: str) -> None:
    site = SITE_YAML + "safety:\n  allowed_email_domains: [stories.example.org]\n"
    approved_and_clean(tmp_path, story_md(BODY + "\n" + extra), files={"site.yaml": site})


def test_the_organisations_own_accounts_and_addresses_are_allowed(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + (
        "safety:\n  allowed_email_domains: [example.org]\n"
        "  org_accounts: [instagram.com/exampletrust, '@ExampleTrustIN']\n  allowed_phones: ['+91 33 4000 1234']\n"
    )
    extra = (
        "Follow instagram.com/exampletrust or @ExampleTrustIN, write to hello@example.org "
        "or call +91 33 4000 1234.\n"
    )
    approved_and_clean(tmp_path, story_md(BODY + "\n" + extra), files={"site.yaml": site})


def test_other_accounts_are_still_reported_when_the_site_lists_its_own(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + "safety:\n  org_accounts: ['@ExampleTrustIN']\n"
    text = story_md(BODY + "\nHe wrote to her as @ravi_jobs_kol.\n")
    assert one(tmp_path, text, "ID-SOCIAL", files={"site.yaml": site}) == [
        (
            f"{loc(text, '|@ravi')}: ID-SOCIAL: a social media handle: a handle, profile or recording opens a person's "
            "photos, friends and whereabouts to anyone"
        )
    ]


def test_details_in_the_front_matter_are_located_exactly(tmp_path: pathlib.Path) -> None:
    text = story_md(
        title="A Call to 9830041762", summary="She studied at Sree Saraswati Balika Vidyalaya until May."
    )
    assert one(tmp_path, text, "ID-PHONE") == [
        (
            f"{loc(text, 'title: A Call to |9830041762')}: ID-PHONE: a phone number (98••••••62) in the title: a number leads straight to a person, who can be called, messaged or looked up"
        )
    ]
    assert one(tmp_path, text, "ID-INSTITUTION") == [
        (
            f"{loc(text, 'summary: She studied at |Sree')}: ID-INSTITUTION: the name of a school, workplace or shelter "
            '("S… S… B… V…") in the summary: it tells anyone where to find her'
        )
    ]


def test_alt_text_captions_tags_and_file_names_are_checked(tmp_path: pathlib.Path) -> None:
    image = {
        "src": "images/hands.jpg",
        "alt": "Hands of a girl outside 27/3 Kali Charan Ghosh Road",
        "identifiable": False,
        "treatment": "hands",
        "caption": "Photo sent from priti09@gmail.com",
    }
    text = story_md(images=[image], tags=["aftercare", "sonagachi"])
    root = make_site(tmp_path / "site", {"content/stories/call-9830041762.md": text})
    found = heads(check_site(root))
    path = "content/stories/call-9830041762.md"
    assert (
        f"{loc(text, 'alt: Hands of a girl outside |27/3', path)}: ID-ADDRESS: a street address in the alt text of the "
        "image: an address, even a partial one, shows where a survivor lived or was found" in found
    )
    assert (
        f"{loc(text, 'caption: Photo sent from |priti09', path)}: ID-EMAIL: an e-mail address (p…@g…) in the caption of the image: "
        "an address usually carries a name and always reaches a person" in found
    )
    assert (
        f"{path}:1:1: ID-PHONE: a phone number (98••••••62) in the file name: a number leads straight to a person, who can be called, messaged or looked up"
        in found
    )
    # A neighbourhood no gazetteer lists is a name nobody declared; the message says which tag by its
    # number and its line, never by what it says.
    assert (
        f'{loc(text, "|sonagachi", path)}: UNDECLARED-NAME (warning): a name nobody declared ("S…") in tag 2: '
        "it may be a real person or a small place, and nobody has checked it" in found
    )
    messages = [f.partition(": ")[2].casefold() for f in found]  # (the file name is the writer's to rename)
    assert not any(
        word in m for m in messages for word in ("sonagachi", "priti09", "kali charan", "9830041762")
    )


def test_identifiers_block_drafts_too(tmp_path: pathlib.Path) -> None:
    """The errors apply to every story: real contact details must never reach the sources at all."""
    text = story_md(BODY + "\nCall her on 9830041762.\n", status="draft")
    assert [f.split(": ")[1] for f in one(tmp_path, text, "ID-PHONE")] == ["ID-PHONE"]


def test_private_notes_are_not_scanned_as_published_text(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY + "\n::: private\nHer aunt is on 9830041762.\n:::\n")
    assert one(tmp_path, text, "ID-PHONE") == []


# ---------------------------------------------------------------- family 5: warnings


def test_an_exact_date_in_a_childs_story_is_an_error(tmp_path: pathlib.Path) -> None:
    """Default deny: what is a reviewer's decision elsewhere is an error on a child's story."""
    text = story_md("Mona was found on 22 February, and she went home in March 2026.\n", **MINOR)
    assert one(tmp_path, text, "DATE-EXACT") == [
        (
            f"{loc(text, '|22 February')}: DATE-EXACT: an exact date: with "
            "the place, the day lets people work out who was involved"
        )
    ]


def test_month_and_year_and_adult_stories_are_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md("Mona went home in February 2026.\n", **MINOR))
    approved_and_clean(tmp_path / "adult", story_md(BODY + "\nShe started work on 22 February.\n"))


FINER = "is finer than the site may publish: it narrows the story down to a few families"


@pytest.mark.parametrize(
    ("extra", "rule", "needle", "message"),
    [
        # No gazetteer lists every neighbourhood: one it does not know is a name nobody declared.
        (
            "She was held in a brothel in Sonagachi for a year.\n",
            "UNDECLARED-NAME",
            "|Sonagachi",
            'a name nobody declared ("S…"): it may be a real person or a small place, and nobody has checked it',
        ),
        (
            "They lived in south Kolkata with her aunt.\n",
            "PLACE-PRECISION",
            "|south Kolkata",
            f'part of a city ("S… K…") {FINER}',
        ),
        (
            "She grew up in Rampur village.\n",
            "PLACE-PRECISION",
            "|Rampur village",
            f'a village, neighbourhood, street or landmark ("R…") {FINER}',
        ),
    ],
)
def test_places_finer_than_the_site_allows_are_warnings(
    tmp_path: pathlib.Path, extra: str, rule: str, needle: str, message: str
) -> None:
    text = story_md(BODY + "\n" + extra)
    assert one(tmp_path, text, rule) == [f"{loc(text, needle)}: {rule} (warning): {message}"]
    assert needle.lstrip("|").split()[0] not in message


def test_known_places_cities_and_districts_are_fine(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + "safety:\n  known_places: [Sonagachi]\n"
    extra = (
        "She came from a Howrah police station case in West Bengal to Sonagachi, then to Pune and Kolkata.\n"
    )
    approved_and_clean(tmp_path, story_md(BODY + "\n" + extra), files={"site.yaml": site})


def test_fine_places_and_precision_come_from_site_yaml(tmp_path: pathlib.Path) -> None:
    fine = SITE_YAML + "safety:\n  fine_places: [Tangra Lane]\n"
    text = story_md(BODY + "\nShe moved from Tangra Lane to Kolkata.\n")
    assert one(tmp_path / "a", text, "PLACE-PRECISION", files={"site.yaml": fine}) == [
        f'{loc(text, "|Tangra Lane")}: PLACE-PRECISION (warning): a village, neighbourhood, street or landmark ("T…") {FINER}'
    ]
    state = SITE_YAML + "safety:\n  location_precision: state\n  known_places: [Pune]\n"
    assert one(tmp_path / "b", text, "PLACE-PRECISION", files={"site.yaml": state}) == [
        f'{loc(text, "|Tangra Lane")}: PLACE-PRECISION (warning): a village, neighbourhood, street or landmark ("T…") {FINER}',
        f'{loc(text, "|Kolkata.")}: PLACE-PRECISION (warning): a city ("K…") {FINER}',
    ]


# ---------------------------------------------------------------- relatives


def test_a_relative_named_in_the_text_is_an_error(tmp_path: pathlib.Path) -> None:
    text = story_md(
        BODY + "\nHer aunt, Kamala Devi, had arranged the journey. Later her uncle Bikash came too.\n"
    )
    assert one(tmp_path, text, "RELATIVE-NAMED") == [
        f'{loc(text, "Her aunt, |Kamala")}: RELATIVE-NAMED: a relative is named ("K… D…"): naming a relative names the child',
        f'{loc(text, "her uncle |Bikash")}: RELATIVE-NAMED: a relative is named ("B…"): naming a relative names the child',
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "Her aunt, who lives in Pune, visits every week.\n",
        "She admires Mother Teresa and Sister Nivedita.\n",
        "Her mother, a tailor, is proud of her.\n",
        "Her mother ran a stall selling vegetables before the floods.\n",
        "Her sister, Asha said, is doing well.\n",
    ],
)
def test_relatives_described_and_titles_are_fine(tmp_path: pathlib.Path, extra: str) -> None:
    assert one(tmp_path, story_md(BODY + "\n" + extra), "RELATIVE-NAMED") == []


def test_a_childs_relationship_to_the_accused_needs_a_reviewer(tmp_path: pathlib.Path) -> None:
    text = story_md("Mona was sold by her uncle, who was later arrested.\n", **MINOR)
    assert one(tmp_path, text, "RELATIONSHIP") == [
        (
            f'{loc(text, "|uncle")}: RELATIONSHIP (warning): "uncle" near "sold" in a story about a child: saying how the '
            "child is related to someone accused identifies the child to everyone who knows the family"
        )
    ]
    waived = story_md(
        "Mona was sold by her uncle, who was later arrested.\n",
        **MINOR,
        waivers=[
            {
                "rule": "RELATIONSHIP",
                "reviewer": "safeguarding-02",
                "reason": "The uncle's case is closed and he lives in another state.",
            }
        ],
    )
    root = make_site(tmp_path / "waived", {STORY: waived})
    approve_story(root)
    report = check(root, AT)
    assert heads(list(report.findings)) == []
    assert [f.rule for f in report.waived] == ["RELATIONSHIP"]


def test_strict_builds_block_an_unacknowledged_relationship(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path / "site", {STORY: story_md("Mona was sold by her uncle, who was arrested.\n", **MINOR)}
    )
    with pytest.raises(ContentError):
        approve_story(root, accept=None)  # nobody accepted it
    with pytest.raises(ContentError):
        build(root, AT)  # a warning on a story being published stops it, --strict or not


# ---------------------------------------------------------------- family 6


def test_an_undeclared_name_is_a_warning(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY + "\nThe car belonged to Bikash Mondal, a neighbour. Asha's friend Rekha helped.\n")
    checked = "it may be a real person or a small place, and nobody has checked it"
    assert one(tmp_path, text, "UNDECLARED-NAME") == [
        f'{loc(text, "|Bikash Mondal")}: UNDECLARED-NAME (warning): a name nobody declared ("B… M…"): {checked}',
        f'{loc(text, "|Rekha")}: UNDECLARED-NAME (warning): a name nobody declared ("R…"): {checked}',
    ]


def test_declared_names_places_organisations_and_sentence_starts_are_fine(tmp_path: pathlib.Path) -> None:
    site = (
        SITE_YAML + "organisations: [Shakti Vahini]\n"
    )  # a partner: named like a person, declared as what it is
    extra = (
        "## A New Start in Pune\n\nOn a Thursday in March, Asha's bakery opened. Trust comes back slowly, "
        "said Anjali Rao of Example Trust, and Rao's team agrees. Shakti Vahini and the Kolkata Police "
        "Anti-Human Trafficking Unit worked with the Child Welfare Committee under the POCSO Act. She speaks "
        "Bengali and Hindi, celebrates Diwali and Eid with friends, and reads WhatsApp messages from Cebu City "
        "and the Philippines.\n"
    )
    approved_and_clean(tmp_path, story_md(BODY + "\n" + extra), files={"site.yaml": site})


def test_a_surname_next_to_a_declared_first_name_is_reported(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY + "\nOne evening Asha Begum, as the neighbours call her, came home.\n")
    assert one(tmp_path, text, "UNDECLARED-NAME") == [
        (
            f'{loc(text, "Asha |Begum")}: UNDECLARED-NAME (warning): a name nobody declared ("B…"): it may be a real '
            "person or a small place, and nobody has checked it"
        )
    ]


# ---------------------------------------------------------------- family 7

JIGSAW_BODY = (
    "Mona, 16, lived in south Kolkata with her parents. On Monday police found her and another "
    "17-year-old girl in a rented apartment.\n"
)


def test_four_quasi_identifiers_about_a_child_are_a_jigsaw_warning(tmp_path: pathlib.Path) -> None:
    text = story_md(JIGSAW_BODY, **MINOR)
    # Each detail is named by its kind and its line, never quoted: together they are what identifies her.
    assert one(tmp_path, text, "JIGSAW") == [
        (
            f"{loc(text, 'Mona, |16')}: JIGSAW (warning): 5 details about a child survivor (Mona) add up (the limit is 4): "
            "exact age (line 28); sub-city place (line 28); exact date (line 28); co-victim (line 28); "
            "establishment (line 28). Together they can identify the child even under a changed name"
        )
    ]
    # The part of the city is also an error of its own on a child's story; "17-year-old" is an age, not a code.
    assert one(tmp_path / "all", text, "PLACE-PRECISION") == [
        f'{loc(text, "|south Kolkata")}: PLACE-PRECISION: part of a city ("S… K…") {FINER}'
    ]
    assert one(tmp_path / "all", text, "UNEXPLAINED-NUMBER") == []


def test_the_jigsaw_threshold_and_waiver_come_from_the_site_and_the_reviewer(tmp_path: pathlib.Path) -> None:
    site = SITE_YAML + "safety:\n  jigsaw_threshold: 6\n"
    assert one(tmp_path / "a", story_md(JIGSAW_BODY, **MINOR), "JIGSAW", files={"site.yaml": site}) == []
    # A part of a city is an error of its own on a child's story, which no waiver covers: the story a
    # reviewer accepts names the city only, and still gives four details.
    waivable = JIGSAW_BODY.replace("in south Kolkata", "in Kolkata")
    assert [f.split(": ")[1] for f in one(tmp_path / "c", story_md(waivable, **MINOR), None)] == [
        "DECISION-MISSING",
        "SIGNOFF-MISSING",
        "JIGSAW (warning)",
    ]
    waived = story_md(
        waivable,
        **MINOR,
        waivers=[
            {
                "rule": "JIGSAW",
                "reviewer": "safeguarding-02",
                "reason": "Checked with the family: none of this is public.",
            }
        ],
    )
    root = make_site(tmp_path / "b", {STORY: waived})
    approve_story(root)
    assert "JIGSAW" in [f.rule for f in check(root, AT).waived]


def test_fewer_details_or_an_adult_survivor_is_no_jigsaw(tmp_path: pathlib.Path) -> None:
    assert (
        one(
            tmp_path / "a",
            story_md("Mona, 16, was found in Kolkata and is back at school.\n", **MINOR),
            "JIGSAW",
        )
        == []
    )
    assert one(tmp_path / "b", story_md(JIGSAW_BODY.replace("Mona", "Asha")), "JIGSAW") == []
