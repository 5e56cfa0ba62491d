"""Issue 12 through the CLI: every miss and false alarm it lists, in one site of one story each.

Each unsafe sentence must raise a finding that stops publishing (an error, or a warning that needs
a reviewer's decision) and, on a child's story, an error; each safe one must raise nothing. All the
stories sit in one site so that one `impactsite check --format json` reads them all.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest
from click.testing import CliRunner
from sitekit import STORY, consent, make_site, person, story_md, survivor

from generator.cli import main

MINOR = {
    "people": [survivor("Mona", minor=True), person("Anjali Rao", "staff", "real")],
    "consent": [consent(given_by=["survivor", "welfare_authority"])],
}
ADULT: dict[str, Any] = {}

# (slug, sentence, front-matter overrides): unsafe, each must be stopped.
UNSAFE = [
    ("rel-apposition", "Sunita, her mother, sells vegetables at the market.", ADULT),
    ("rel-elder-sister", "Her elder sister Puja works in a hotel now.", ADULT),
    ("rel-is-called", "Asha's mother is called Sunita Devi.", ADULT),
    ("rel-possessive", "She is Ramesh Oraon's daughter.", ADULT),
    ("rel-age-between", "Rodel Manalo, 41, the children's uncle, was among those arrested.", ADULT),
    ("rel-spanish", "Her mamá, Doña Lupe, waited for her at the bus station.", ADULT),
    ("village", "Her village, Bargaon, near Gaya, has no secondary school.", MINOR),
    ("barangay", "Mona grew up in Barangay Pasil, near the fish port.", MINOR),
    ("colonia", "Mona lived in the colonia Doctores with two other girls.", MINOR),
    ("landmark", "Mona lived behind the Hanuman temple near the Shahdara bus depot.", MINOR),
    ("school-generic-words", "Mona studied at the Government Girls' Middle School until last year.", MINOR),
    ("school-acronym", "Mona was a student at the KGBV until class eight.", MINOR),
    ("school-number", "Mona studied at Preparatoria 12 before she left home.", MINOR),
    ("school-short", "Mona went to Sisler High for two years.", MINOR),
    ("clinic", "Mona goes to the Santa Lucia Clinic every Thursday.", MINOR),
    ("shelter-filipino", "Mona now lives at Bahay Kanlungan ng Pag-asa with other girls.", MINOR),
    ("farm", "Her father worked at Hacienda Las Palmas for ten years.", MINOR),
    ("inn", "The girls were kept at the Posada del Sol near the highway.", MINOR),
    ("workshop", "Asha was made to work at Ramesh Garments in the city.", ADULT),
    ("youtube", "A video of Mona singing is at https://www.youtube.com/watch?v=dQw4w9WgXcQ today.", MINOR),
    ("drive", "Her recording is at https://drive.google.com/file/d/1AbCdEfGh/view for the court.", MINOR),
    ("long-number", "Her file number was 4821730519 at the district office.", MINOR),
    ("undeclared-child-name", "Mona shared a room with Priya Kumari for a year.", MINOR),
]
# The same kind of story, safe: nothing may be raised.
SAFE = [
    ("statute", "The case was brought under Law 13.344/2016, which defines trafficking in persons.", ADULT),
    ("figurative-born", "The savings group was born on 8 March 2025 with twelve members.", ADULT),
    (
        "regions",
        "Recruiters work across northern Brazil, Pará and Manitoba, along the Trans-Canada Highway.",
        ADULT,
    ),
    ("spanish-opening", "Hoy Asha trabaja en una panadería para pagar sus estudios.", ADULT),
    ("french-opening", "Quand Asha est arrivée à Montréal, elle ne parlait pas français.", ADULT),
    ("states-countries", "She travelled from Oaxaca to Bolívia and back to Mexico.", ADULT),
    ("currency", "The loan was KSh 5,000, repaid over a year.", ADULT),
    ("statistics", "In 2023 our teams supported 1,100 families across 38 districts.", MINOR),
    ("staff-and-city", "Anjali Rao met Mona in Kolkata on a Thursday in March.", MINOR),
    ("law-names", "The accused were charged under the Bharatiya Nyaya Sanhita and the POCSO Act.", MINOR),
]


def _site(tmp_path: pathlib.Path) -> pathlib.Path:
    files = {}
    for slug, sentence, overrides in UNSAFE + SAFE:
        text = story_md(
            "Asha found work at a bakery after months in aftercare.\n\n" + sentence + "\n", **overrides
        ).replace("Asha found", "Mona found" if overrides is MINOR else "Asha found")
        files[f"content/stories/{slug}.md"] = text
    return make_site(tmp_path / "site", files)


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    root = _site(tmp_path_factory.mktemp("policy"))
    result = CliRunner().invoke(
        main, ["check", "--site", str(root), "--at", "2026-11-20T00:00:00Z", "--format", "json"]
    )
    report = json.loads(result.output)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for f in report["findings"]:
        by_file.setdefault(f["path"].rsplit("/", 1)[-1].removesuffix(".md"), []).append(f)
    return by_file


TEXT_RULES = ("ID-", "RELATIVE", "PLACE-", "UNDECLARED", "UNEXPLAINED", "DATE-", "MINOR-")


def _text(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in found if f["rule"].startswith(TEXT_RULES)]


@pytest.mark.parametrize(("slug", "sentence", "overrides"), UNSAFE, ids=[c[0] for c in UNSAFE])
def test_each_miss_of_issue_12_is_stopped(
    findings: dict[str, list[dict[str, Any]]], slug: str, sentence: str, overrides: dict[str, Any]
) -> None:
    found = _text(findings.get(slug, []))
    assert found, f"nothing stops: {sentence}"
    if overrides is MINOR:
        assert any(f["severity"] == "error" for f in found), f"only warnings on a child's story: {found}"


@pytest.mark.parametrize(("slug", "sentence", "overrides"), SAFE, ids=[c[0] for c in SAFE])
def test_each_false_alarm_of_issue_12_is_quiet(
    findings: dict[str, list[dict[str, Any]]], slug: str, sentence: str, overrides: dict[str, Any]
) -> None:
    assert _text(findings.get(slug, [])) == []


def test_no_message_repeats_what_it_found(findings: dict[str, list[dict[str, Any]]]) -> None:
    protected = ["Sunita", "Puja", "Ramesh", "Rodel", "Lupe", "Bargaon", "Pasil", "Doctores", "Shahdara",
                 "KGBV", "Sisler", "Kanlungan", "4821730519", "Priya", "dQw4w9WgXcQ"]  # fmt: skip
    for found in findings.values():
        for f in found:
            said = f["message"] + " " + f.get("fix", "")
            assert not [p for p in protected if p in said], said


AT = "2026-11-20T00:00:00+00:00"
SAME_STORY = {
    "en": "Mona lives with her mother, Sunita Devi, in her village, Bargaon, near Gaya. She studies at the "
    "Government Girls' Middle School. Her mother's number is +91 98300 41762.\n",
    "fr": "Mona vit avec sa mère, Sunita Devi, dans son village, Bargaon, près de Gaya. Elle étudie au "
    "Collège Jean Moulin. Le numéro de sa mère est le 06 12 34 56 78.\n",
}


def test_the_same_story_in_english_and_french_stops_with_the_same_four_kinds_of_error(
    tmp_path: pathlib.Path,
) -> None:
    """Issue 12: a named mother, a village, a school and a phone number, written once in each language."""
    kinds = {}
    for lang, body in SAME_STORY.items():
        root = make_site(
            tmp_path / lang,
            {
                STORY: story_md(
                    body,
                    people=[survivor("Mona", minor=True)],
                    consent=[consent(given_by=["survivor", "welfare_authority"])],
                )
            },
        )
        result = CliRunner().invoke(main, ["check", "--site", str(root), "--at", AT, "--format", "json"])
        found = json.loads(result.output)["findings"]
        kinds[lang] = {
            f["rule"] for f in found if f["severity"] == "error" and f["rule"] != "SIGNOFF-MISSING"
        }
        assert not any(
            v in json.dumps(found, ensure_ascii=False) for v in ("Sunita", "Bargaon", "98300", "Moulin")
        )
    assert kinds["en"] == kinds["fr"] == {"RELATIVE-NAMED", "PLACE-PRECISION", "ID-INSTITUTION", "ID-PHONE"}
