"""Match-gift campaigns: content/campaigns/*.yaml → Campaign → the banner a page shows at `--at`.

A banner tells the whole truth or nothing: it appears only while start ≤ at < end and the cap is not
reached, and it always names the sponsor (when there is one), what the match does in words, the cap
and an absolute deadline with its time zone. Between builds the browser hides an ended banner itself
(templates/assets/match.js reads `data-match-end`); each build reports the next start or end so CI can
rebuild then.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import math
import pathlib
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.config.schema import BOOL, DATETIME, INT, NUMBER, TEXT, Field, Schema, list_of, obj
from generator.config.settings import SiteConfig, parse_timezone
from generator.content.datafiles import DataFile, data_files, read_data_file
from generator.findings import Finding
from generator.render.views import human_date

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer

RULE = "CAMPAIGN"

PROGRESS = {
    "matched": Field(NUMBER, required=True, help="how much of the match has been used so far"),
    "as_of": Field(DATETIME, required=True, help="when that amount was counted"),
    "goal": Field(NUMBER, help="the total the bar fills up to; the cap when left out"),
}

CAMPAIGN = Schema(
    "the campaign file",
    {
        "name": Field(TEXT, required=True, help="the appeal's name, e.g. The Spring Match"),
        "sponsor": Field(TEXT, help="who gives the matching money, e.g. The Harbour Foundation"),
        "multiplier": Field(INT, required=True, help="2 doubles every gift, 3 triples it"),
        "cap": Field(NUMBER, required=True, help="the most the sponsor will give in total"),
        "currency": Field(TEXT, required=True, help="a three-letter code: GBP, EUR, INR, USD…"),
        "min_gift": Field(NUMBER, help="the smallest gift that is matched"),
        "start": Field(DATETIME, required=True),
        "end": Field(DATETIME, required=True),
        "timezone": Field(TEXT, help="the zone the deadline is shown in, e.g. Europe/London"),
        "deadline_reason": Field(TEXT, help="why the match ends then, in one sentence"),
        "donate_url": Field(TEXT, required=True, help="where the banner's button goes"),
        "progress": Field(obj(PROGRESS, "progress")),
        "pages": Field(
            list_of(TEXT, allow_single=True), help='which pages show the banner, e.g. ["/", "/stories/*"]'
        ),
        "countdown": Field(BOOL, help="show a countdown (updated once a minute, hidden from screen readers)"),
        "timezone_label": Field(
            TEXT, help='how donors name the deadline\'s zone, e.g. "UK time" (from timezone when left out)'
        ),
        "summary": Field(
            TEXT, help="one or two sentences for the campaign's own page: what the gifts pay for"
        ),
        "story": Field(TEXT, help="the file name of a published story to show on the campaign's page"),
        "faq": Field(
            list_of(
                obj(
                    {"question": Field(TEXT, required=True), "answer": Field(TEXT, required=True)},
                    "a question",
                )
            ),
            help="questions and answers for the campaign's page",
        ),
    },
)
# How donors name a time zone ("Ends 31 March at 11:59 pm, UK time"); other zones use their city.
ZONE_LABELS = {
    "Europe/London": "UK time",
    "Europe/Dublin": "Irish time",
    "Asia/Kolkata": "India time",
    "Asia/Calcutta": "India time",
    "America/New_York": "Eastern time",
    "America/Toronto": "Eastern time",
    "America/Chicago": "Central time",
    "America/Denver": "Mountain time",
    "America/Los_Angeles": "Pacific time",
    "America/Vancouver": "Pacific time",
    "Australia/Sydney": "Sydney time",
    "Pacific/Auckland": "New Zealand time",
    "UTC": "UTC",
}

# Symbols donors recognise; any other ISO 4217 code is written after the amount ("1,000 XOF").
CURRENCIES = {
    "AUD": "A$",
    "BDT": "Tk ",
    "CAD": "CA$",
    "CHF": "CHF ",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "INR": "₹",
    "JPY": "¥",
    "KES": "KSh ",
    "NPR": "NPRs ",
    "NZD": "NZ$",
    "PHP": "₱",
    "SGD": "S$",
    "USD": "US$",
    "ZAR": "R ",
}
# The largest amount a campaign may name (a match of a billion in any currency is a typing mistake),
# and the largest multiplier: both keep the banner's words and sums sensible.
MAX_AMOUNT = 1_000_000_000
MAX_MULTIPLIER = 10
MULTIPLIED = {2: "doubled", 3: "tripled", 4: "quadrupled"}
NUMBER_WORDS = {5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
BUTTON = {2: "Double your gift now", 3: "Triple your gift now"}


@dataclass(frozen=True)
class Progress:
    matched: float
    as_of: dt.datetime
    goal: float | None = None


@dataclass(frozen=True)
class Campaign:
    id: str  # the file name without .yaml
    path: str  # content/campaigns/<id>.yaml
    name: str
    multiplier: int
    cap: float
    currency: str
    start: dt.datetime
    end: dt.datetime
    donate_url: str
    sponsor: str = ""
    min_gift: float | None = None
    timezone: str = ""
    deadline_reason: str = ""
    progress: Progress | None = None
    pages: tuple[str, ...] = ("*",)
    countdown: bool = False
    timezone_label: str = ""
    summary: str = ""
    story: str = ""  # a story's slug, shown on the campaign page
    faq: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        """The campaign's own page."""
        return f"/campaigns/{self.id}/"

    def running(self, at: dt.datetime) -> bool:
        return self.start <= at < self.end

    @property
    def cap_reached(self) -> bool:
        return self.progress is not None and self.progress.matched >= self.cap

    def shows_on(self, url: str) -> bool:
        return any(fnmatch.fnmatchcase(url, pattern) for pattern in self.pages)


@dataclass(frozen=True)
class ProgressView:
    value: str  # numbers as written in the <progress> attributes
    max: str
    percent: int
    text: str  # "£6,150 of £25,000 matched"
    as_of: str  # "6:00 pm GMT (UTC+00:00) on 18 November 2026"
    as_of_iso: str


@dataclass(frozen=True)
class BannerView:
    """What the banner template sees. `kind` is "match", or "donate" once the cap is reached."""

    id: str
    kind: str
    name: str
    lead: str
    example: str
    deadline: str
    deadline_iso: str
    deadline_reason: str
    end_ms: int
    donate_url: str
    button: str
    progress: ProgressView | None = None
    countdown: bool = False
    short: str = ""  # the banner's one sentence: "Every £1 you give is doubled by …, up to £25,000."
    short_phone: str = ""  # the same on a phone: "Gifts doubled up to £25,000."
    ends: str = ""  # "Ends 31 March at 11:59 pm, UK time"
    page_url: str = ""  # the campaign's own page


@dataclass(frozen=True)
class CampaignPage:
    """What templates/campaign.html sees. `state` is upcoming, running, reached (cap) or ended."""

    id: str
    url: str
    name: str
    state: str
    sponsor: str
    summary: str
    lead: str
    example: str
    cap: str
    window: str  # "From 1 November 2026 to 31 March 2027"
    ends: str
    deadline_iso: str
    deadline_reason: str
    end_ms: int
    donate_url: str
    button: str
    progress: ProgressView | None
    faq: tuple[tuple[str, str], ...]
    story_slug: str


def load_campaigns(
    root: pathlib.Path, config: SiteConfig, at: dt.datetime, story_slugs: frozenset[str] | None = None
) -> tuple[tuple[Campaign, ...], list[Finding]]:
    """Every campaign file, checked whole; a campaign with any problem is left out (and reported)."""
    rels, findings = data_files(root, "campaigns", RULE)
    campaigns: list[Campaign] = []
    for rel in rels:
        file, problems = read_data_file(root, rel, CAMPAIGN.kind, RULE)
        if file is not None and not problems:
            problems = _check_values(file, at) + _check_story(file, story_slugs)
        findings += problems
        if file is not None and not problems:
            campaigns.append(_build(file))
    return tuple(campaigns), findings


def _amount_problem(file: DataFile, where: tuple[str, ...], value: float, example: str) -> Finding | None:
    """A located error if `value` is not an amount a donor could be shown: .nan, .inf, 1e308, 0.001."""
    name = ".".join(where)
    fix = f"write the amount as a plain number in the currency, e.g. {where[-1]}: {example}"
    if not math.isfinite(value):
        return file.finding(where, f"{name} must be an amount of money, not {value!r}", fix)
    if abs(value) > MAX_AMOUNT:
        return file.finding(
            where, f"{name} is more than {MAX_AMOUNT:,}, which looks like a typing mistake", fix
        )
    if round(value, 2) != value:
        return file.finding(
            where, f"{name} has more than two decimal places ({value!r})", f"round it, e.g. {value:.2f}"
        )
    return None


def _check_story(file: DataFile, slugs: frozenset[str] | None) -> list[Finding]:
    """`story:` names a story file: a typo (a story of a close name exists) is an error. A story that
    is gone is not: deleting or withdrawing a story must never stop the build that takes it down, so
    the campaign page is then shown without one."""
    name = (file.data.get("story") or "").strip().removesuffix(".md")
    if not name or slugs is None or name in slugs:
        return []
    close = difflib.get_close_matches(name, sorted(slugs), n=1)
    if not close:
        return []
    return [
        file.finding(
            ("story",),
            f'there is no story content/stories/{name}.md (did you mean "{close[0]}"?)',
            "write the file name of a story, without .md, or remove story:",
        )
    ]


def _check_values(file: DataFile, at: dt.datetime) -> list[Finding]:
    d = file.data
    out: list[Finding] = []
    amounts: list[tuple[tuple[str, ...], float | None, str]] = [
        (("cap",), d["cap"], "25000"),
        (("min_gift",), d.get("min_gift"), "5"),
    ]
    progress_amounts = d.get("progress") or {}
    amounts += [
        (("progress", "matched"), progress_amounts.get("matched"), "6150"),
        (("progress", "goal"), progress_amounts.get("goal"), "25000"),
    ]
    bad = [
        p
        for where, value, ex in amounts
        if value is not None and (p := _amount_problem(file, where, value, ex))
    ]
    if bad:
        return bad  # the comparisons below mean nothing for such numbers
    if d["multiplier"] > MAX_MULTIPLIER:
        out.append(
            file.finding(
                ("multiplier",),
                f"multiplier is {d['multiplier']}; a match multiplies a gift by at most {MAX_MULTIPLIER}",
                "write multiplier: 2 for a match that doubles every gift, 3 to triple it",
            )
        )
    if d.get("min_gift") is not None and d["min_gift"] > d["cap"] > 0:
        out.append(
            file.finding(
                ("min_gift",),
                "min_gift is more than the cap, so no gift could ever be matched",
                "write the smallest gift that is matched, e.g. min_gift: 5",
            )
        )
    if d["end"] <= d["start"]:
        out.append(
            file.finding(
                ("end",),
                f"end ({d['end'].isoformat()}) must be after start ({d['start'].isoformat()})",
                "set end to a later moment than start",
            )
        )
    if d["multiplier"] < 2:
        out.append(
            file.finding(
                ("multiplier",),
                "multiplier must be 2 or more",
                "write multiplier: 2 for a match that doubles every gift",
            )
        )
    if d["cap"] <= 0:
        out.append(
            file.finding(
                ("cap",), "cap must be above zero", "write the most the sponsor will give, e.g. cap: 25000"
            )
        )
    if d.get("min_gift") is not None and d["min_gift"] <= 0:
        out.append(
            file.finding(
                ("min_gift",), "min_gift must be above zero", "remove it, or write e.g. min_gift: 10"
            )
        )
    code = d["currency"]
    if not (len(code) == 3 and code.isalpha() and code.isupper()):
        out.append(
            file.finding(
                ("currency",),
                f'"{code}" is not a currency code',
                "write a three-letter code in capitals, e.g. currency: GBP",
            )
        )
    url = d["donate_url"]
    if not url.startswith("https://"):
        out.append(
            file.finding(
                ("donate_url",),
                "donate_url must start with https://",
                "write the full address of the donation page, e.g. https://example.org/donate",
            )
        )
    pages = d.get("pages")
    for i, pattern in enumerate([pages] if isinstance(pages, str) else pages or ()):
        if not pattern.startswith(("/", "*")):
            where: tuple[str | int, ...] = ("pages", i) if isinstance(pages, list) else ("pages",)
            out.append(
                file.finding(
                    where,
                    f'"{pattern}" is not a page address',
                    'write an address that starts with /, e.g. "/" for the home page or "/stories/*"',
                )
            )
    tz_name = d.get("timezone")
    if tz_name:
        try:
            tz = parse_timezone(tz_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            out.append(
                file.finding(
                    ("timezone",),
                    f'unknown time zone "{tz_name}"',
                    "use a name like Europe/London or Asia/Kolkata",
                )
            )
        else:
            for key in ("start", "end"):
                moment = d[key]
                expected = moment.astimezone(tz).utcoffset()
                if expected != moment.utcoffset():
                    out.append(
                        file.finding(
                            (key,),
                            f"{key} has the offset {_offset(moment.utcoffset())}, but {tz_name} "
                            f"is at {_offset(expected)} then",
                            f"write {moment.astimezone(tz).isoformat()} (the same moment in {tz_name}), "
                            "or correct the time",
                        )
                    )
    progress = d.get("progress")
    if progress:
        if progress["as_of"] > at:
            out.append(
                file.finding(
                    ("progress", "as_of"),
                    f"progress.as_of ({progress['as_of'].isoformat()}) is later than "
                    f"this build ({at.isoformat()})",
                    "write when the matched amount was last counted; it cannot be in the future",
                )
            )
        if progress["matched"] < 0:
            out.append(
                file.finding(
                    ("progress", "matched"),
                    "progress.matched cannot be below zero",
                    "write the amount matched so far, e.g. matched: 6150",
                )
            )
        if progress.get("goal") is not None and progress["goal"] <= 0:
            out.append(
                file.finding(
                    ("progress", "goal"),
                    "progress.goal must be above zero",
                    "remove it to measure progress against the cap",
                )
            )
    return out


def _offset(delta: dt.timedelta | None) -> str:
    minutes = int((delta or dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _build(file: DataFile) -> Campaign:
    d = file.data
    progress = None
    if d.get("progress"):
        p = d["progress"]
        progress = Progress(p["matched"], p["as_of"], p.get("goal"))
    pages = d.get("pages") or ["*"]
    return Campaign(
        id=pathlib.PurePosixPath(file.path).stem,
        path=file.path,
        name=d["name"].strip(),
        multiplier=d["multiplier"],
        cap=d["cap"],
        currency=d["currency"],
        start=d["start"],
        end=d["end"],
        donate_url=d["donate_url"],
        sponsor=(d.get("sponsor") or "").strip(),
        min_gift=d.get("min_gift"),
        timezone=d.get("timezone") or "",
        deadline_reason=(d.get("deadline_reason") or "").strip(),
        progress=progress,
        pages=tuple([pages] if isinstance(pages, str) else pages),
        countdown=bool(d.get("countdown")),
        timezone_label=(d.get("timezone_label") or "").strip(),
        summary=(d.get("summary") or "").strip(),
        story=(d.get("story") or "").strip().removesuffix(".md"),
        faq=tuple((q["question"].strip(), q["answer"].strip()) for q in d.get("faq") or ()),
    )


# --- words -------------------------------------------------------------------------------------


def money(amount: float, currency: str) -> str:
    """£25,000 · ₹1,500 · US$12.50 · 1,000 XOF (no fractions when the amount is whole)."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    symbol = CURRENCIES.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def multiplied(multiplier: int) -> str:
    """ "doubled", "tripled", … "multiplied by five": what the match does to a gift, never "2:1"."""
    if multiplier in MULTIPLIED:
        return MULTIPLIED[multiplier]
    return f"multiplied by {NUMBER_WORDS.get(multiplier, str(multiplier))}"


def moment_text(moment: dt.datetime, zone: dt.tzinfo | None) -> str:
    """ "11:59 pm BST (UTC+01:00) on 31 March 2027": absolute, with its time zone spelled out.

    The zone's abbreviation is used only when the zone really is at that offset at that moment;
    otherwise the offset alone is shown, so the text is never wrong."""
    offset = moment.utcoffset()
    name = ""
    if zone is not None:
        local = moment.astimezone(zone)
        if local.utcoffset() == offset:
            abbr = local.tzname() or ""
            name = abbr if abbr and not abbr.startswith(("UTC", "GMT+", "GMT-", "+", "-")) else ""
    hour = moment.hour % 12 or 12
    clock = f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"
    utc = f"UTC{_offset(offset)}"
    zone_text = f"{name} ({utc})" if name else utc
    return f"{clock} {zone_text} on {human_date(moment.date())}"


def zone_label(campaign: Campaign, config: SiteConfig) -> str:
    """How donors name the deadline's zone: the campaign's own label, a known one, or "<City> time"."""
    if campaign.timezone_label:
        return campaign.timezone_label
    name = campaign.timezone or config.timezone
    if name in ZONE_LABELS:
        return ZONE_LABELS[name]
    if "/" in name:
        return name.rsplit("/", 1)[1].replace("_", " ") + " time"
    return f"UTC{name}" if name[:1] in "+-" else name


def clock(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def deadline_words(end: dt.datetime, zone: dt.tzinfo, label: str, at: dt.datetime) -> str:
    """ "Ends 31 March at 11:59 pm, UK time": the deadline as donors say it. The year is given when
    it is not this year; a deadline at midnight is "the end of" the day before (never "midnight")."""
    local = end.astimezone(zone)
    this_year = at.astimezone(zone).year
    if local.hour == 0 and local.minute == 0:
        day = local.date() - dt.timedelta(days=1)
        return f"Ends at the end of {_day(day, this_year)}, {label}"
    return f"Ends {_day(local.date(), this_year)} at {clock(local)}, {label}"


def _day(d: dt.date, this_year: int) -> str:
    return f"{d.day} {d.strftime('%B')}" + ("" if d.year == this_year else f" {d.year}")


def _zone(campaign: Campaign, config: SiteConfig) -> dt.tzinfo:
    return parse_timezone(campaign.timezone) if campaign.timezone else config.tz


def short_sentence(c: Campaign) -> str:
    """ "Every £1 you give is doubled by the Harbour Light Foundation, up to £25,000." """
    by = f" by {c.sponsor}" if c.sponsor else ""
    floor = f" (gifts of {money(c.min_gift, c.currency)} or more)" if c.min_gift else ""
    return f"Every {money(1, c.currency)} you give is {multiplied(c.multiplier)}{by}, up to {money(c.cap, c.currency)}{floor}."


def page_view(c: Campaign, config: SiteConfig, at: dt.datetime, donate_url: str) -> CampaignPage:
    """The campaign's own page at `at`: what it is while it runs, and honest words before and after."""
    zone = _zone(c, config)
    label = zone_label(c, config)
    state = (
        "upcoming" if at < c.start else "ended" if at >= c.end else "reached" if c.cap_reached else "running"
    )
    view = banner(c, config, at, donate_url) if state in ("running", "reached") else None
    start_local, end_local = c.start.astimezone(zone), c.end.astimezone(zone)
    window = f"From {human_date(start_local.date())} to {human_date(end_local.date())}"
    lead = view.lead if view is not None else ""
    if state == "upcoming":
        lead = (
            f"From {human_date(start_local.date())} at {clock(start_local)}, {label}, "
            + short_sentence(c)[0].lower()
            + short_sentence(c)[1:]
        )
    elif state == "ended":
        lead = f"{c.name} ended on {human_date(end_local.date())}. Gifts are no longer matched, and every gift still helps."
    return CampaignPage(
        id=c.id,
        url=c.url,
        name=c.name,
        state=state,
        sponsor=c.sponsor,
        summary=c.summary,
        lead=lead,
        example=view.example if view is not None and state == "running" else "",
        cap=money(c.cap, c.currency),
        window=window,
        ends=deadline_words(c.end, zone, label, at),
        deadline_iso=c.end.isoformat(),
        deadline_reason=c.deadline_reason,
        end_ms=int(c.end.timestamp() * 1000),
        donate_url=donate_url,
        button=view.button if view is not None else "Donate",
        progress=view.progress if view is not None and state == "running" else None,
        faq=c.faq,
        story_slug=c.story,
    )


def banner(campaign: Campaign, config: SiteConfig, at: dt.datetime, donate_url: str) -> BannerView | None:
    """The banner at `at`, or None outside the campaign's window. `donate_url` already carries tracking."""
    if not campaign.running(at):
        return None
    c = campaign
    zone: dt.tzinfo | None = parse_timezone(c.timezone) if c.timezone else config.tz
    end = c.end
    end_ms = int(end.timestamp() * 1000)
    deadline = moment_text(end, zone)
    if c.cap_reached:
        lead = (
            f"{c.name} has reached its {money(c.cap, c.currency)} limit, so new gifts are no longer matched. "
            "Every gift still helps survivors rebuild their lives."
        )
        return BannerView(
            c.id,
            "donate",
            "Help more survivors rebuild their lives",
            lead,
            "",
            deadline,
            end.isoformat(),
            "",
            end_ms,
            donate_url,
            "Donate",
            page_url=c.url,
        )
    word = multiplied(c.multiplier)
    floor = f" of {money(c.min_gift, c.currency)} or more" if c.min_gift else ""
    thanks = f", thanks to {c.sponsor}" if c.sponsor else ""
    lead = f"Every gift{floor} is {word}, up to {money(c.cap, c.currency)} in total{thanks}."
    one = money(1, c.currency)
    example = f"Every {one} you give becomes {money(c.multiplier, c.currency)}."
    progress = None
    if c.progress is not None:
        p = c.progress
        goal = p.goal if p.goal is not None else c.cap
        percent = int(min(100, max(0, p.matched * 100 // goal)))
        text = f"{money(p.matched, c.currency)} of {money(goal, c.currency)} matched"
        counted = p.as_of.astimezone(zone or dt.UTC)
        as_of = f"{clock(counted)} on {human_date(counted.date())}, {zone_label(c, config)}"
        progress = ProgressView(_number(p.matched), _number(goal), percent, text, as_of, p.as_of.isoformat())
    return BannerView(
        c.id,
        "match",
        c.name,
        lead,
        example,
        deadline,
        end.isoformat(),
        c.deadline_reason,
        end_ms,
        donate_url,
        BUTTON.get(c.multiplier, "Give now"),
        progress,
        c.countdown,
        short=short_sentence(c),
        short_phone=f"Gifts {word} up to {money(c.cap, c.currency)}.",
        ends=deadline_words(end, zone or dt.UTC, zone_label(c, config), at),
        page_url=c.url,
    )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def changes(campaigns: Sequence[Campaign], at: dt.datetime) -> list[tuple[dt.datetime, str]]:
    """Moments after `at` when a banner appears or comes down by itself."""
    out: list[tuple[dt.datetime, str]] = []
    for c in campaigns:
        if c.start > at:
            out.append((c.start, f'{c.path}: campaign "{c.name}" starts (its banner appears)'))
        if c.end > at:
            out.append((c.end, f'{c.path}: campaign "{c.name}" ends (its banner comes down)'))
    return out


def add_campaign_pages(
    r: SiteRenderer, campaigns: Sequence[Campaign], config: SiteConfig, at: dt.datetime
) -> None:
    """A page per campaign at /campaigns/<id>/: the match in words, its dates and progress, one
    story, a donate button and the questions donors ask. An ended campaign's page stays, says so
    in its first sentence and is left out of search (noindex, not in the sitemap)."""
    from generator.render.site import tracked
    from generator.render.views import PageMeta

    stories = r.story_views
    for c in sorted(campaigns, key=lambda c: c.id):
        view = page_view(c, config, at, tracked(c.donate_url, config, campaign=c.id))
        story = stories.get(view.story_slug) if view.story_slug else None
        description = c.summary or (short_sentence(c) if view.state == "running" else view.lead)
        meta = PageMeta(c.url, c.name, description, noindex=view.state == "ended")
        r.page("campaign.html", meta, c.path, campaign=view, story=story)
