"""Family 1, people and names: each rule fires with its exact message and location, and stays quiet
on the near miss next to it."""

from __future__ import annotations

import pathlib

from sitekit import approved_and_clean, consent, loc, person, story_findings, story_md, survivor

STAFF = person("Anjali Rao", "staff", "real")  # the default text quotes her, so she is declared

MINOR_CONSENT = [consent(given_by=["survivor", "welfare_authority"])]


def test_minor_real_name_fires_even_on_a_draft(tmp_path: pathlib.Path) -> None:
    text = story_md(
        status="draft", people=[survivor("Mona", name_type="real", minor=True)], consent=MINOR_CONSENT
    )
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'name_type: |real')}: PEOPLE-MINOR-REAL: person 1 in people (M…) is a child survivor and cannot be published under a real name (name_type: real)"
    ]


def test_minor_under_a_pseudonym_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path, story_md("Mona went home.\n", people=[survivor("Mona", minor=True)], consent=MINOR_CONSENT)
    )


def test_a_survivor_must_say_whether_they_were_a_minor(tmp_path: pathlib.Path) -> None:
    text = story_md(people=[survivor(minor=None)])
    assert story_findings(tmp_path, text, "PEOPLE-MINOR-UNSTATED") == [
        f"{loc(text, '  - |name: Asha')}: PEOPLE-MINOR-UNSTATED: person 1 in people (A…) does not say whether they were a minor at the time"
    ]


def test_minor_false_is_an_answer(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md(people=[survivor(minor=False), STAFF]))


def test_an_adult_survivors_real_name_needs_a_written_authorisation(tmp_path: pathlib.Path) -> None:
    text = story_md(people=[survivor(name_type="real")])
    assert story_findings(tmp_path, text, "PEOPLE-REAL-NAME-AUTH") == [
        f"{loc(text, 'name_type: |real')}: PEOPLE-REAL-NAME-AUTH: person 1 in people (A…) is named with their real name but no written authorisation is recorded"
    ]


def test_an_adult_survivors_real_name_with_authorisation_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path, story_md(people=[survivor(name_type="real", written_authorisation="WA-2026-003"), STAFF])
    )


def test_a_relative_is_never_named_not_even_by_a_pseudonym(tmp_path: pathlib.Path) -> None:
    text = story_md(people=[survivor(), person("Sunita", "relative", "pseudonym", relation_to="Asha")])
    assert story_findings(tmp_path, text, "PEOPLE-RELATIVE-NAMED") == [
        (
            f"{loc(text, 'name_type: |pseudonym', nth=2)}: PEOPLE-RELATIVE-NAMED: person 2 in people (S…) is a relative of a survivor "
            "and cannot be named (name_type: pseudonym)"
        )
    ]


def test_a_relative_by_relation_counts_whatever_their_role(tmp_path: pathlib.Path) -> None:
    text = story_md(
        people=[survivor(), person("Ravi", "supporter", "real", relation_to="Asha", relation="brother")]
    )
    assert story_findings(tmp_path, text, "PEOPLE-RELATIVE-NAMED") == [
        f"{loc(text, 'name_type: |real')}: PEOPLE-RELATIVE-NAMED: person 2 in people (R…) is a relative of a survivor and cannot be named (name_type: real)"
    ]


def test_a_withheld_relative_written_like_a_name(tmp_path: pathlib.Path) -> None:
    text = story_md(people=[survivor(), person("Sunita", "relative", "withheld", relation_to="Asha")])
    assert story_findings(tmp_path, text, "PEOPLE-RELATIVE-NAMED") == [
        f"{loc(text, 'name: |Sunita')}: PEOPLE-RELATIVE-NAMED: person 2 in people (S…) is withheld but written like a name"
    ]


def test_a_described_relative_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path,
        story_md(
            people=[
                survivor(),
                person("her mother", "relative", "withheld", relation_to="Asha"),
                person("Her Aunt", "relative", "withheld", relation_to="Asha"),
                STAFF,
            ]
        ),
    )


def test_a_staff_member_without_a_relation_is_not_a_relative(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path, story_md(people=[survivor(), person("Anjali Rao", "staff", "real", relation_to="Asha")])
    )


def test_an_accused_relative_of_a_child_is_never_named(tmp_path: pathlib.Path) -> None:
    text = story_md(
        people=[
            survivor("Mona", minor=True),
            person("Ravi", "accused", "pseudonym", relation_to="Mona", accused=True),
        ],
        consent=MINOR_CONSENT,
    )
    assert story_findings(tmp_path, text, "PEOPLE-ACCUSED-RELATIVE") == [
        f"{loc(text, 'name_type: |pseudonym', nth=2)}: PEOPLE-ACCUSED-RELATIVE: person 2 in people (R…) is accused and related to a child survivor, so cannot be named"
    ]


def test_an_accused_relative_of_an_adult_is_left_to_the_relative_rule(tmp_path: pathlib.Path) -> None:
    text = story_md(
        people=[survivor("Asha"), person("Ravi", "accused", "pseudonym", relation_to="Asha", accused=True)]
    )
    assert story_findings(tmp_path, text, "PEOPLE-ACCUSED-RELATIVE") == []


def test_a_withheld_accused_relative_of_a_child_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path,
        story_md(
            people=[
                survivor("Mona", minor=True),
                person("a relative", "accused", "withheld", relation_to="Mona", accused=True),
            ],
            consent=MINOR_CONSENT,
            body="Mona went home.\n",
        ),
    )


def test_references_must_resolve_and_not_repeat(tmp_path: pathlib.Path) -> None:
    text = story_md(
        people=[
            survivor(consent="C-9"),
            person("her aunt", "relative", "withheld", relation_to="Ashaa"),
            survivor(),
        ],
        consent=[consent(), consent()],
    )
    assert story_findings(tmp_path, text, "PEOPLE-REFERENCE") == [
        f'{loc(text, "consent: |C-9")}: PEOPLE-REFERENCE: consent "C-9" is not an id under consent (known: C-1, C-1)',
        f"{loc(text, 'relation_to: |Ashaa')}: PEOPLE-REFERENCE: the relation_to of person 2 in people (H… A…) is not a name in people",
        f"{loc(text, 'name: |Asha', nth=2)}: PEOPLE-REFERENCE: person 3 in people (A…) is declared twice in people",
        f'{loc(text, "id: |C-1", nth=2)}: PEOPLE-REFERENCE: consent id "C-1" is used twice',
    ]


def test_resolving_references_are_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path,
        story_md(people=[survivor(), person("her aunt", "relative", "withheld", relation_to="Asha"), STAFF]),
    )
