"""Family 3, consent: every survivor has it, a child's needs assent plus a guardian or welfare authority
who is not accused, and consent about to run out is a warning. (Withdrawal and expiry removing a story
from every output are in test_build.py.)"""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from sitekit import (
    AT,
    STORY,
    approve_story,
    approved_and_clean,
    consent,
    loc,
    make_site,
    person,
    story_findings,
    story_md,
    survivor,
)

from generator.build import build
from generator.errors import ContentError

STAFF = person("Anjali Rao", "staff", "real")  # the default text quotes her, so she is declared

MONA = survivor("Mona", minor=True)
BODY = "Mona is back at school.\n"


def test_a_survivor_without_consent_cannot_be_published(tmp_path: pathlib.Path) -> None:
    text = story_md(people=[survivor(consent=None)], consent=None)
    assert story_findings(tmp_path, text, "CONSENT-MISSING") == [
        f'{loc(text, "  - |name: Asha")}: CONSENT-MISSING: survivor "Asha" has no consent recorded'
    ]


def test_a_draft_without_consent_yet_is_not_blocked(tmp_path: pathlib.Path) -> None:
    assert (
        story_findings(tmp_path, story_md(status="draft", people=[survivor(consent=None)], consent=None))
        == []
    )


def test_a_minor_without_their_own_assent(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY, people=[MONA], consent=[consent(given_by=["guardian"])])
    assert story_findings(tmp_path, text, "CONSENT-MINOR") == [
        f'{loc(text, "given_by: |[guardian]")}: CONSENT-MINOR: consent C-1 for "Mona" lacks the child\'s own assent'
    ]


def test_a_minor_without_a_guardian_or_welfare_authority(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY, people=[MONA], consent=[consent(given_by=["survivor"])])
    assert story_findings(tmp_path, text, "CONSENT-MINOR") == [
        f'{loc(text, "given_by: |[survivor]")}: CONSENT-MINOR: consent C-1 for "Mona", a minor, needs a guardian or welfare authority'
    ]


def test_a_minor_with_assent_and_a_welfare_authority_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path, story_md(BODY, people=[MONA], consent=[consent(given_by=["survivor", "welfare_authority"])])
    )


def test_a_minor_with_assent_and_a_guardian_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path,
        story_md(
            BODY,
            people=[MONA, person("her aunt", "relative", "withheld", relation_to="Mona", guardian=True)],
            consent=[consent(given_by=["survivor", "guardian"])],
        ),
    )


def test_an_accused_guardian_cannot_consent(tmp_path: pathlib.Path) -> None:
    text = story_md(
        BODY,
        people=[
            MONA,
            person("her father", "relative", "withheld", relation_to="Mona", guardian=True, accused=True),
        ],
        consent=[consent(given_by=["survivor", "guardian"])],
    )
    assert story_findings(tmp_path, text, "CONSENT-MINOR") == [
        f'{loc(text, "given_by: |[survivor, guardian]")}: CONSENT-MINOR: the guardian who consented for "Mona" (her father) is accused'
    ]


def test_the_named_guardian_who_consented_is_the_one_checked(tmp_path: pathlib.Path) -> None:
    people = [
        MONA,
        person("her father", "relative", "withheld", relation_to="Mona", accused=True),
        person("her aunt", "relative", "withheld", relation_to="Mona", guardian=True),
    ]
    text = story_md(
        BODY, people=people, consent=[consent(given_by=["survivor", "guardian"], guardian="her father")]
    )
    assert story_findings(tmp_path, text, "CONSENT-MINOR") == [
        f'{loc(text, "given_by: |[survivor, guardian]")}: CONSENT-MINOR: the guardian who consented for "Mona" (her father) is accused'
    ]
    approved_and_clean(
        tmp_path / "near",
        story_md(
            BODY, people=people, consent=[consent(given_by=["survivor", "guardian"], guardian="her aunt")]
        ),
    )


def test_an_accused_relative_makes_an_unnamed_guardians_consent_unreliable(tmp_path: pathlib.Path) -> None:
    text = story_md(
        BODY,
        people=[MONA, person("her uncle", "relative", "withheld", relation_to="Mona", accused=True)],
        consent=[consent(given_by=["survivor", "guardian"])],
    )
    assert story_findings(tmp_path, text, "CONSENT-MINOR") == [
        (
            f'{loc(text, "given_by: |[survivor, guardian]")}: CONSENT-MINOR: a relative of "Mona" is accused, '
            "so a guardian's consent cannot be relied on"
        )
    ]


def test_an_accused_relative_with_welfare_authority_consent_is_fine(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path,
        story_md(
            BODY,
            people=[MONA, person("her uncle", "relative", "withheld", relation_to="Mona", accused=True)],
            consent=[consent(given_by=["survivor", "guardian", "welfare_authority"])],
        ),
    )


def test_an_adults_own_consent_is_enough(tmp_path: pathlib.Path) -> None:
    approved_and_clean(
        tmp_path, story_md(people=[survivor(minor=False), STAFF], consent=[consent(given_by=["survivor"])])
    )


def test_consent_expiring_within_30_days_is_a_warning(tmp_path: pathlib.Path) -> None:
    text = story_md(consent=[consent(expires=dt.date(2026, 12, 10))])
    assert story_findings(tmp_path, text, "CONSENT-EXPIRING") == [
        (
            f"{loc(text, 'expires: |2026-12-10')}: CONSENT-EXPIRING (warning): consent C-1 expires on 2026-12-10 (in 20 days); "
            "the story will then be taken down"
        )
    ]


def test_consent_expiring_in_exactly_30_days_is_still_warned(tmp_path: pathlib.Path) -> None:
    text = story_md(consent=[consent(expires=dt.date(2026, 12, 20))])
    assert [f.split(": ", 2)[2] for f in story_findings(tmp_path, text, "CONSENT-EXPIRING")] == [
        "consent C-1 expires on 2026-12-20 (in 30 days); the story will then be taken down"
    ]


def test_consent_expiring_in_31_days_is_quiet(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md(consent=[consent(expires=dt.date(2026, 12, 21))]))


def test_a_warning_stops_the_build_until_a_reviewer_accepts_it(tmp_path: pathlib.Path) -> None:
    text = story_md(consent=[consent(expires=dt.date(2026, 12, 10))])
    root = make_site(tmp_path, {STORY: text})
    with pytest.raises(ContentError):
        approve_story(root, accept=None)
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert sorted(f.rule for f in exc.value.findings) == [
        "CONSENT-EXPIRING",
        "DECISION-MISSING",
        "SIGNOFF-MISSING",
    ]
    approve_story(root)
    report = build(root, AT)
    assert [f.rule for f in report.waived] == ["CONSENT-EXPIRING"] and report.published == (
        "/stories/story/",
    )


def test_consent_dated_after_the_build_stops_it_and_cannot_be_waived(tmp_path: pathlib.Path) -> None:
    """A consent dated after today (a typo, or a form still to be signed) was not given when the story
    goes out: an error in `check`, which stops `build`, and `approve` cannot accept it."""
    from click.testing import CliRunner

    from generator.cli import main

    text = story_md(consent=[consent(date=dt.date(2026, 11, 28))])
    root = make_site(tmp_path, {STORY: text})
    when = AT.isoformat()
    checked = CliRunner().invoke(main, ["check", "--site", str(root), "--at", when])
    assert checked.exit_code == 1
    assert (
        f"{loc(text, 'date: |2026-11-28')}: CONSENT-FUTURE: consent C-1 is dated 2026-11-28, after today "
        "(2026-11-20): it was not given when this story is published"
    ) in checked.output
    assert (
        "fix: check the date on the signed record; publish only once consent has been given" in checked.output
    )
    with pytest.raises(ContentError):
        approve_story(root)
    assert CliRunner().invoke(main, ["build", "--site", str(root), "--at", when]).exit_code == 1
    # The day the consent is given, the same story is approved and built.
    approve_story(root, at=dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC))
    built = CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-28T12:00:00+00:00"])
    assert built.exit_code == 0, built.output


def test_every_rule_a_module_defines_is_registered() -> None:
    """A rule defined below its module's `RULES = rules_in(globals())` line would never run (CONSENT-FUTURE
    did not, for a day): every Rule object in the safety modules is in ALL_RULES."""
    import importlib
    import pkgutil

    from generator import safety
    from generator.safety.registry import Rule

    registered = {id(r) for r in safety.ALL_RULES}
    defined = []
    for info in pkgutil.walk_packages(safety.__path__, "generator.safety."):
        module = importlib.import_module(info.name)
        defined += [
            (info.name, v.id)
            for v in vars(module).values()
            if isinstance(v, Rule) and id(v) not in registered
        ]
    assert defined == []


# The age a text gives a survivor declared an adult, in digits or in words and in the five languages.
AGE_SENTENCES = [
    ("Asha was only fifteen when a placement agency brought her to the city.", True),
    ("Asha was 16 when a neighbour promised her work.", True),
    ("Asha tenía apenas quince años cuando la llevaron a la ciudad.", True),
    ("Asha n'avait que seize ans quand elle est partie.", True),
    ("Asha tinha dezesseis anos quando saiu de casa.", True),
    ("Labing-anim na taong gulang pa lamang si Asha nang isama siya sa Maynila.", True),
    ("A los quince años, Asha dejó su casa.", True),
    ("Aos quinze anos, Asha saiu de casa.", True),
    ("Asha avait quitté son village à quinze ans.", True),
    ("At fifteen, Asha left home with a recruiter.", True),
    ("Labinlimang taong gulang si Asha nang umalis siya.", True),
    ("Kinse anyos pa lang si Asha noon.", True),
    # numbers that are no age of hers
    ("Asha llegó con quince años de experiencia en costura.", False),
    ("Asha a témoigné : il a été condamné à sept ans d'emprisonnement.", False),
    ("Il y a deux ans, Asha ne pensait pas pouvoir en parler.", False),
    ("Asha was a fifteen-year-old in a garment unit.", True),
    ("Asha avait été recrutée à l'âge de quinze ans.", True),
    ("A sus quince años, Asha ya cosía para un taller.", True),
    ("Era uma menina de apenas quinze anos quando Asha chegou.", True),
    ("Kinse pa lang si Asha noon.", True),
    ("Tatlumpu't dalawang taong gulang na si Asha ngayon.", False),
    ("Asha left home a few weeks before her sixteenth birthday.", True),
    ("À l'époque, Asha n'avait pas encore seize ans.", True),
    ("Asha, de 15 años entonces, trabajaba en un taller.", True),
    ("Labinlimang taon pa lamang si Asha noon.", True),
    ("Asha a quinze ans quand elle part.", True),
    ("Asha was one of fifteen women who finished the course.", False),
    ("Asha trabaja con quince compañeras en el taller.", False),
    ("Labing-anim na babae ang nagtapos kasama si Asha.", False),
    # heldout19: Spanish and Portuguese give her age with the verb alone, in a paragraph about her
    ("Asha vivía en la sierra. Cuando llegó a la selva, después de dos días, tenía 16 años.", True),
    ("Asha morava no interior. Quando chegou à cidade, tinha 15 anos.", True),
    ("Asha vive en Lima. Su hermana tenía 16 años cuando se fue.", False),
    ("Asha trabaja en Lima. El programa tiene 12 años.", False),
    ("Asha trabaja en Lima. Hoy tiene 12 años de experiencia.", False),
]


@pytest.mark.parametrize(("sentence", "mismatch"), AGE_SENTENCES)
def test_an_age_under_18_for_an_adult_survivor_is_read_in_digits_and_in_words(
    tmp_path: pathlib.Path, sentence: str, mismatch: bool
) -> None:
    found = story_findings(tmp_path, story_md(sentence + "\n", people=[survivor(), STAFF]))
    assert any("MINOR-MISMATCH" in h for h in found) is mismatch, found
