"""Match-gift campaigns: located validation, the banner's window and cap, its words, and the next change."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pytest
from sitekit import AT, STORY, approve_story, check_site, heads, loc, make_site, story_md, tree

from generator.build import build
from generator.config.settings import parse_timezone
from generator.donor.campaigns import moment_text, money, multiplied

UTC = dt.UTC
FILE = "content/campaigns/spring-match.yaml"
CAMPAIGN = """\
name: The Spring Match
sponsor: the Harbour Light Foundation
multiplier: 2
cap: 25000
currency: GBP
min_gift: 5
start: 2026-11-01T00:00:00+00:00
end: 2027-03-31T23:59:00+01:00
timezone: Europe/London
donate_url: https://example.org/donate/spring
progress:
  matched: 9840
  as_of: 2026-11-18T17:00:00+00:00
pages: ["/", "/stories/*"]
"""
NO_PROGRESS = CAMPAIGN.replace("progress:\n  matched: 9840\n  as_of: 2026-11-18T17:00:00+00:00\n", "")
END = dt.datetime(2027, 3, 31, 22, 59, tzinfo=UTC)
SECOND = dt.timedelta(seconds=1)


def campaign_site(tmp_path: pathlib.Path, text: str = CAMPAIGN, name: str = FILE) -> pathlib.Path:
    root = make_site(
        tmp_path / "site",
        {
            STORY: story_md(),
            name: text,
            "content/pages/about.md": "---\ntitle: About us\n---\nWe support survivors.\n",
        },
    )
    approve_story(root)
    return root


def built(root: pathlib.Path, at: dt.datetime) -> dict[str, str]:
    build(root, at)
    return {p: d.decode("utf-8", "replace") for p, d in tree(root / "output").items()}


def banner(page: str) -> str:
    m = re.search(r"<aside class=\"match-banner[^>]*>.*?</aside>", page, re.DOTALL)
    return m.group(0) if m else ""


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- validation ---------------------------------------------------------------------------------


def campaign_errors(tmp_path: pathlib.Path, text: str, at: dt.datetime = AT) -> list[str]:
    root = make_site(tmp_path / "site", {FILE: text})
    return [f.format() for f in check_site(root, at) if f.rule == "CAMPAIGN"]


def test_a_valid_campaign_has_no_findings(tmp_path: pathlib.Path) -> None:
    assert heads(check_site(campaign_site(tmp_path))) == []


def test_start_and_end_need_a_time_zone_offset(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("start: 2026-11-01T00:00:00+00:00", "start: 2026-11-01T00:00:00").replace(
        "end: 2027-03-31T23:59:00+01:00", "end: 2027-03-31"
    )
    assert campaign_errors(tmp_path, text) == [
        (
            f"{loc(text, 'start: |2026', FILE)}: CAMPAIGN: start has no time-zone offset\n"
            "  fix: add one, e.g. 2026-12-31T23:59:00+05:30"
        ),
        (
            f"{loc(text, 'end: |2027', FILE)}: CAMPAIGN: end must be a date and time with a time-zone offset, not 2027-03-31\n"
            "  fix: write e.g. end: 2026-12-31T23:59:00+05:30"
        ),
    ]


def test_end_must_be_after_start_and_cap_above_zero(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("end: 2027-03-31T23:59:00+01:00", "end: 2026-10-31T23:59:00+00:00").replace(
        "cap: 25000", "cap: 0"
    )
    assert campaign_errors(tmp_path, text) == [
        (
            f"{loc(text, 'cap: |0', FILE)}: CAMPAIGN: cap must be above zero\n"
            "  fix: write the most the sponsor will give, e.g. cap: 25000"
        ),
        (
            f"{loc(text, 'end: |2026', FILE)}: CAMPAIGN: end (2026-10-31T23:59:00+00:00) must be after start "
            "(2026-11-01T00:00:00+00:00)\n  fix: set end to a later moment than start"
        ),
    ]


def test_progress_as_of_cannot_be_later_than_the_build(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("as_of: 2026-11-18T17:00:00+00:00", "as_of: 2026-11-20T00:00:01+00:00")
    assert campaign_errors(tmp_path, text, at=AT) == [
        (
            f"{loc(text, 'as_of: |2026', FILE)}: CAMPAIGN: progress.as_of (2026-11-20T00:00:01+00:00) is later than this build "
            "(2026-11-20T00:00:00+00:00)\n  fix: write when the matched amount was last counted; it cannot be in the future"
        )
    ]
    assert (
        campaign_errors(tmp_path / "same", text, at=AT + SECOND) == []
    )  # a near miss: exactly the build's moment


def test_unknown_keys_get_did_you_mean_and_missing_ones_are_named(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("sponsor:", "sponser:").replace(
        "donate_url: https://example.org/donate/spring\n", ""
    )
    assert campaign_errors(tmp_path, text) == [
        (
            f'{FILE}:1:1: CAMPAIGN: "donate_url" is required in the campaign file\n'
            '  fix: add `donate_url: "some words"` (where the banner\'s button goes)'
        ),
        (
            f'{loc(text, "sponser", FILE)}: CAMPAIGN: unknown field "sponser" in the campaign file\n'
            '  fix: did you mean "sponsor"?'
        ),
    ]


def test_multiplier_currency_and_the_deadline_zone_are_checked(tmp_path: pathlib.Path) -> None:
    text = (
        CAMPAIGN.replace("multiplier: 2", "multiplier: 1")
        .replace("currency: GBP", "currency: gbp")
        .replace("end: 2027-03-31T23:59:00+01:00", "end: 2027-03-31T23:59:00+00:00")
    )
    assert campaign_errors(tmp_path, text) == [
        (
            f"{loc(text, 'multiplier: |1', FILE)}: CAMPAIGN: multiplier must be 2 or more\n"
            "  fix: write multiplier: 2 for a match that doubles every gift"
        ),
        (
            f'{loc(text, "currency: |gbp", FILE)}: CAMPAIGN: "gbp" is not a currency code\n'
            "  fix: write a three-letter code in capitals, e.g. currency: GBP"
        ),
        (
            f"{loc(text, 'end: |2027', FILE)}: CAMPAIGN: end has the offset +00:00, but Europe/London is at +01:00 then\n"
            "  fix: write 2027-04-01T00:59:00+01:00 (the same moment in Europe/London), or correct the time"
        ),
    ]


def test_a_file_name_that_cannot_be_an_id_is_reported(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path / "site", {"content/campaigns/Spring Match.yaml": CAMPAIGN})
    assert heads(check_site(root), "CAMPAIGN") == [
        'content/campaigns/Spring Match.yaml:1:1: CAMPAIGN: "Spring Match" cannot be used in a web address'
    ]


# --- the banner ---------------------------------------------------------------------------------


def test_the_banner_states_sponsor_match_cap_and_the_deadline_in_donors_words(tmp_path: pathlib.Path) -> None:
    page = built(campaign_site(tmp_path), AT)["index.html"]
    words = text_of(banner(page))
    # Wide screens read the long sentence, phones the short one (CSS shows one of each pair).
    assert words == (
        "The Spring Match: Every £1 you give is doubled by the Harbour Light Foundation, up to £25,000 "
        "(gifts of £5 or more). Gifts doubled up to £25,000. Ends 31 March 2027 at 11:59 pm, UK time. "
        "How the match works Double your gift now Give now"
    )
    assert "2:1" not in page and "1:1" not in page and "BST" not in page and "UTC+" not in page
    assert f'data-match-end="{int(END.timestamp() * 1000)}"' in page
    assert '<time class="match-ends" datetime="2027-03-31T23:59:00+01:00">' in page
    assert 'href="/campaigns/spring-match/"' in page
    assert 'href="https://example.org/donate/spring?utm_campaign=spring-match"' in page
    assert re.search(r'<script src="/assets/match\.[0-9a-f]{10}\.js" defer></script>', page)


def test_the_campaign_page_has_the_match_its_progress_and_its_reason(tmp_path: pathlib.Path) -> None:
    page = built(campaign_site(tmp_path), AT)["campaigns/spring-match/index.html"]
    words = text_of(page)
    assert (
        "Every gift of £5 or more is doubled, up to £25,000 in total, thanks to the Harbour Light Foundation. "
        "Every £1 you give becomes £2." in words
    )
    assert "Ends 31 March 2027 at 11:59 pm, UK time ." in words
    assert "£9,840 of £25,000 matched as of 5:00 pm on 18 November 2026, UK time ." in words
    assert '<progress id="progress-spring-match" max="25000" value="9840">39%</progress>' in page
    assert "From 1 November 2026 to 31 March 2027" in words
    assert '<meta name="robots" content="noindex">' not in page


def test_a_deadline_at_midnight_is_the_end_of_the_day_before(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("end: 2027-03-31T23:59:00+01:00", "end: 2027-04-01T00:00:00+01:00")
    words = text_of(banner(built(campaign_site(tmp_path, text), AT)["index.html"]))
    assert "Ends at the end of 31 March 2027, UK time." in words and "midnight" not in words


def test_an_ended_campaigns_page_says_so_and_claims_no_match(tmp_path: pathlib.Path) -> None:
    pages = built(campaign_site(tmp_path, NO_PROGRESS), END + SECOND)
    page = pages["campaigns/spring-match/index.html"]
    assert "The Spring Match ended on 31 March 2027. Gifts are no longer matched" in text_of(page)
    assert "is doubled" not in page and "data-match-end" not in page
    assert '<meta name="robots" content="noindex">' in page


def test_the_banner_shows_only_inside_its_window(tmp_path: pathlib.Path) -> None:
    root = campaign_site(
        tmp_path, NO_PROGRESS
    )  # progress counted on 18 November would be in the future before then
    start = dt.datetime(2026, 11, 1, tzinfo=UTC)
    assert banner(built(root, start - SECOND)["index.html"]) == ""
    assert banner(built(root, start)["index.html"]) != ""
    assert banner(built(root, END - SECOND)["index.html"]) != ""
    assert banner(built(root, END)["index.html"]) == ""
    after = built(root, END + SECOND)
    assert banner(after["index.html"]) == "" and "match." not in after["index.html"]


def test_the_banner_appears_only_on_the_pages_it_names(tmp_path: pathlib.Path) -> None:
    pages = built(campaign_site(tmp_path), AT)
    assert (
        banner(pages["index.html"])
        and banner(pages["stories/index.html"])
        and banner(pages["stories/story/index.html"])
    )
    assert banner(pages["about/index.html"]) == "" and "/assets/match." not in pages["about/index.html"]


def test_at_the_cap_the_banner_gives_way_to_an_ordinary_donate_prompt(tmp_path: pathlib.Path) -> None:
    root = campaign_site(tmp_path, CAMPAIGN.replace("matched: 9840", "matched: 25000"))
    prompt = banner(built(root, AT)["index.html"])
    assert text_of(prompt) == (
        "The Spring Match has reached its £25,000 limit, so new gifts are no "
        "longer matched. Every gift still helps survivors rebuild their lives. Donate"
    )
    assert "doubled" not in prompt and "data-match-end" not in prompt and "<progress" not in prompt
    just_under = banner(
        built(campaign_site(tmp_path / "under", CAMPAIGN.replace("matched: 9840", "matched: 24999")), AT)[
            "index.html"
        ]
    )
    assert "is doubled" in just_under


def test_an_optional_countdown_is_hidden_from_screen_readers(tmp_path: pathlib.Path) -> None:
    page = built(campaign_site(tmp_path, CAMPAIGN + "countdown: true\n"), AT)["index.html"]
    assert '<span aria-hidden="true" data-match-countdown hidden></span>' in page
    assert (
        '<button type="button" class="match-countdown-hide" data-match-countdown-hide hidden>Hide the countdown</button>'
        in page
    )
    assert "data-match-countdown" not in built(campaign_site(tmp_path / "plain"), AT)["index.html"]


# --- words --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("multiplier", "words"), [(2, "doubled"), (3, "tripled"), (4, "quadrupled"), (5, "multiplied by five")]
)
def test_the_match_is_said_in_words(multiplier: int, words: str) -> None:
    assert multiplied(multiplier) == words


def test_money_has_its_symbol_and_no_needless_fractions() -> None:
    assert [money(25000, "GBP"), money(1500, "INR"), money(12.5, "USD"), money(1000, "XOF")] == [
        "£25,000",
        "₹1,500",
        "US$12.50",
        "1,000 XOF",
    ]


def test_deadlines_name_their_zone_only_when_it_is_really_in_force() -> None:
    london = parse_timezone("Europe/London")
    assert (
        moment_text(dt.datetime(2027, 1, 31, 23, 59, tzinfo=UTC), london)
        == "11:59 pm GMT (UTC+00:00) on 31 January 2027"
    )
    summer = dt.datetime(2027, 6, 30, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert moment_text(summer, london) == "12:00 pm BST (UTC+01:00) on 30 June 2027"
    kolkata = dt.datetime(2027, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert (
        moment_text(kolkata, london) == "12:30 am UTC+05:30 on 1 January 2027"
    )  # not London's offset: no zone name


# --- the next change ----------------------------------------------------------------------------


def test_the_build_reports_the_campaign_start_and_end_as_its_next_change(tmp_path: pathlib.Path) -> None:
    root = campaign_site(tmp_path, NO_PROGRESS)
    before = build(root, dt.datetime(2026, 10, 1, tzinfo=UTC))
    assert before.next_change == (
        dt.datetime(2026, 11, 1, tzinfo=UTC),
        f'{FILE}: campaign "The Spring Match" starts (its banner appears)',
    )
    build(root, AT)
    manifest = json.loads((root / ".impactsite" / "next-change.json").read_text())
    assert manifest == {
        "built_at": "2026-11-20T00:00:00+00:00",
        "next_change_at": "2027-03-31T23:59:00+01:00",
        "reason": f'{FILE}: campaign "The Spring Match" ends (its banner comes down)',
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cap: 25000", "cap: .nan", "cap must be an amount of money, not nan"),
        ("cap: 25000", "cap: .inf", "cap must be an amount of money, not inf"),
        ("cap: 25000", "cap: -.inf", "cap must be an amount of money, not -inf"),
        ("cap: 25000", "cap: 1.0e+308", "cap is more than 1,000,000,000, which looks like a typing mistake"),
        (
            "cap: 25000",
            "cap: 1000000001",
            "cap is more than 1,000,000,000, which looks like a typing mistake",
        ),
        ("min_gift: 5", "min_gift: .nan", "min_gift must be an amount of money, not nan"),
        ("min_gift: 5", "min_gift: 0.001", "min_gift has more than two decimal places (0.001)"),
        ("matched: 9840", "matched: .inf", "progress.matched must be an amount of money, not inf"),
    ],
)
def test_amounts_are_finite_and_sensible(
    tmp_path: pathlib.Path, field: str, value: str, message: str
) -> None:
    text = CAMPAIGN.replace(field, value)
    errors = campaign_errors(tmp_path, text)
    assert len(errors) == 1, errors
    key = value.split(":")[0]
    assert errors[0].startswith(f"{loc(text, key + ': |', FILE)}: CAMPAIGN: {message}"), errors[0]


def test_amounts_at_the_limits_are_accepted(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("cap: 25000", "cap: 1000000000").replace("min_gift: 5", "min_gift: 2.50")
    assert campaign_errors(tmp_path, text) == []


def test_a_huge_multiplier_and_a_minimum_above_the_cap_are_refused(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN.replace("multiplier: 2", "multiplier: 1000").replace("min_gift: 5", "min_gift: 30000")
    assert campaign_errors(tmp_path, text) == [
        (
            f"{loc(text, 'multiplier: |1000', FILE)}: CAMPAIGN: multiplier is 1000; a match multiplies a gift by at most 10\n"
            "  fix: write multiplier: 2 for a match that doubles every gift, 3 to triple it"
        ),
        (
            f"{loc(text, 'min_gift: |30000', FILE)}: CAMPAIGN: min_gift is more than the cap, so no gift could ever be matched\n"
            "  fix: write the smallest gift that is matched, e.g. min_gift: 5"
        ),
    ]


def test_a_nan_cap_never_reaches_a_page_through_the_cli(tmp_path: pathlib.Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    root = campaign_site(tmp_path, CAMPAIGN.replace("cap: 25000", "cap: .nan"))
    result = CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-20T00:00:00Z"])
    assert result.exit_code == 1
    assert f"{FILE}:4:6: CAMPAIGN: cap must be an amount of money, not nan" in result.stderr
    assert not (root / "output").exists()


def test_a_campaign_story_that_does_not_exist_is_a_located_error(tmp_path: pathlib.Path) -> None:
    text = CAMPAIGN + "story: stroy\n"
    root = make_site(tmp_path / "site", {STORY: story_md(), FILE: text})
    errors = [f.format() for f in check_site(root) if f.rule == "CAMPAIGN"]
    assert errors == [
        (
            f'{loc(text, "story: |stroy", FILE)}: CAMPAIGN: there is no story content/stories/stroy.md (did you mean "story"?)\n'
            "  fix: write the file name of a story, without .md, or remove story:"
        )
    ]
    fine = make_site(tmp_path / "fine", {STORY: story_md(), FILE: CAMPAIGN + "story: story\n"})
    assert [f for f in check_site(fine) if f.rule == "CAMPAIGN"] == []
