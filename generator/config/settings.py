"""site.yaml → SiteConfig: loaded safely, validated whole, every problem located.

Every setting is declared once, as a field of the frozen dataclasses below; config/declare.py turns the
declarations into the schema, the checks, the converter and docs/settings.md.

How to add a setting (say `organisation.charity_number`):

1. Add one field to the dataclass of its group (`Organisation`), with its type and `setting(...)`:

       charity_number: str = setting("", "the registered charity number, shown in the footer")

   No default (`setting(help=...)`) makes it required. `at_least=1` bounds a whole number;
   `check=fn` adds any other check (`fn(value, label)` returns `(message, fix)` when it is wrong);
   `Literal["a", "b"]` limits it to choices; `tuple[str, ...]` is a list; a new group is another
   dataclass with a `noun`. Rules that need several fields at once go in the group's `cross_check`.
2. Use it: `config.organisation.charity_number`.
3. Run `UPDATE_GOLDEN=1 pytest tests/test_config.py` to regenerate docs/settings.md, and add a test.

A story or page front-matter field is declared the same way, on its class in content/model.py
(e.g. `signature: str | None = setting(None, "...")` on `Review`); parse.py needs no change.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from generator.config.branding import Branding
from generator.config.declare import Group, setting
from generator.config.forms import FormsSettings
from generator.config.schema import validate
from generator.config.yamlload import Located, YamlProblem, load_yaml
from generator.errors import ContentError, UsageError
from generator.findings import error

CONFIG_FILE = "site.yaml"


def _https(value: str, label: str) -> tuple[str, str] | None:
    if value.startswith(("https://", "http://")):
        return None
    return f"{label} must start with https://", f"write e.g. {label}: https://stories.example.org"


def _time_zone(value: str, label: str) -> tuple[str, str] | None:
    try:
        parse_timezone(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f'unknown time zone "{value}"', "use a name like Asia/Kolkata or an offset like +05:30"
    return None


@dataclass(frozen=True)
class NavItem:
    noun: ClassVar[str] = "a menu item"
    title: str = setting(help="the words in the menu")
    url: str = setting(help="where it goes, e.g. /stories/")


@dataclass(frozen=True)
class Organisation:
    noun: ClassVar[str] = "the organisation"
    name: str = setting(
        help="the charity's name, shown on every page and in the JSON-LD", example="Safe Passage Trust"
    )
    url: str = setting("", "the charity's main website; the site's own address when left out")
    logo: str = setting("", "not used: the logo is theme.logo")
    same_as: tuple[str, ...] = setting(
        (), "the charity's own pages elsewhere (social accounts); in the JSON-LD, and allowed in stories"
    )
    charity_number: str = setting(
        "", "the registered charity number, shown in the footer", example='"1234567"'
    )
    registered_in: str = setting("", "where the charity is registered, e.g. England and Wales")
    company_number: str = setting("", "its company number, if it is also a company", example='"01234567"')
    address: tuple[str, ...] = setting(
        (), "its postal address, line by line, for the footer", allow_single=True
    )
    social: tuple[NavItem, ...] = setting((), "its social accounts, linked in the footer")

    @property
    def registration(self) -> str:
        """ "Registered charity in England and Wales no. 1234567", or "" without a number."""
        if not self.charity_number:
            return ""
        where = f" in {self.registered_in}" if self.registered_in else ""
        return f"Registered charity{where} no. {self.charity_number}"


@dataclass(frozen=True)
class Tracking:
    """The utm_ parameters added to every donate link."""

    noun: ClassVar[str] = "the tracking parameters"
    source: str = setting("", "utm_source, e.g. stories")
    medium: str = setting("", "utm_medium, e.g. website")
    campaign: str = setting("", "utm_campaign; a campaign file's donate_url may set its own")

    @property
    def params(self) -> tuple[tuple[str, str], ...]:
        """The set parameters, e.g. (("utm_medium", "website"), ("utm_source", "stories"))."""
        pairs = (("campaign", self.campaign), ("medium", self.medium), ("source", self.source))
        return tuple((f"utm_{k}", v) for k, v in pairs if v)


@dataclass(frozen=True)
class PseudonymPolicy:
    noun: ClassVar[str] = "the pseudonym marks"
    mark: Literal["first", "every"] = setting(
        "first", "mark a pseudonym as changed at its first mention in each story, or at every one"
    )
    in_titles: bool = setting(False, "mark pseudonyms in titles too")
    in_feed: bool = setting(False, "mark pseudonyms in the Atom feed's titles and summaries too")


@dataclass(frozen=True)
class SafetyPolicy:
    noun: ClassVar[str] = "the safety policy"
    denylist: str = setting(
        "safety/denylist.txt",
        "the keyed-hash denylist file, relative to the site; `none` runs without one, on purpose",
    )
    location_precision: Literal["country", "state", "city", "district"] = setting(
        "city", "the finest place a story may name; anything finer is reported"
    )
    allowed_email_domains: tuple[str, ...] = setting(
        (), "domains whose e-mail addresses may be published, e.g. the charity's own"
    )
    org_accounts: tuple[str, ...] = setting(
        (), "the organisation's own social accounts, e.g. instagram.com/ourcharity or @ourcharity"
    )
    allowed_phones: tuple[str, ...] = setting(
        (), "phone numbers that may be published, e.g. the organisation's helpline"
    )
    known_terms: tuple[str, ...] = setting(
        (), "other names stories may print: public bodies and terms; never a place or a person"
    )
    allowed_link_domains: tuple[str, ...] = setting(
        (), "other sites stories may link to (a partner, a news site), e.g. partner.example.org"
    )
    known_places: tuple[str, ...] = setting((), "places that are never reported as too precise")
    fine_places: tuple[str, ...] = setting((), "places that are always reported as too precise")
    jigsaw_threshold: int = setting(
        4, "how many identifying details a child's story may give before a reviewer must decide", at_least=1
    )
    consent_warning_days: int = setting(
        30, "warn this many days before a consent expires (0: never warn)", at_least=0
    )
    signed_reviews: bool = setting(
        False, "every review and waiver decision must be signed with an allowed reviewer's SSH key"
    )
    allowed_signers: str = setting(
        "safety/allowed_signers", "the reviewers' public keys (README: Signed reviews)"
    )
    revoked_signers: str = setting("safety/revoked_signers", "the keys of reviewers who left")


@dataclass(frozen=True)
class SiteConfig:
    noun: ClassVar[str] = "site.yaml"
    root: pathlib.Path
    title: str = setting(help="the site's name", example="Stories of Safe Passage")
    base_url: str = setting(
        help="the address the site is published at",
        check=_https,
        convert=lambda url: url.rstrip("/"),
        example="https://stories.example.org",
    )
    organisation: Organisation = setting(help="who publishes the site")
    language: str = setting("en", "the language of the pages, as a code such as en or hi")
    description: str = setting("", "one sentence about the site, on the home page and in its card")
    timezone: str = setting(
        "UTC", "e.g. Asia/Kolkata or +05:30; dates without a time use it", check=_time_zone
    )
    donate_url: str = setting("", "where the donate buttons go")
    tracking: Tracking = setting(Tracking(), "the campaign parameters added to donate links")
    navigation: tuple[NavItem, ...] = setting((), "the menu, in order")
    footer_navigation: tuple[NavItem, ...] = setting((), "the footer's links (the menu when left out)")
    theme: Branding = setting(Branding(), "the logo and colours (README: Start your own site)")
    stories_per_page: int = setting(10, "stories on each page of the story list", at_least=1)
    related_stories: int = setting(3, "related stories under each story", at_least=1)
    feed_entries: int = setting(20, "stories in the Atom feed", at_least=1)
    pseudonyms: PseudonymPolicy = setting(PseudonymPolicy(), "how changed names are marked")
    forms: FormsSettings | None = setting(None, "the fundraiser sign-up and press forms (README: Forms)")
    safety: SafetyPolicy = setting(SafetyPolicy(), "what a story may say")
    organisations: tuple[str, ...] = setting(
        (), "partner organisations and sponsors stories may name; never a place or a person"
    )
    programmes: tuple[str, ...] = setting((), "the organisation's programmes and projects stories may name")
    raw: dict[str, Any] = field(default_factory=dict)  # site.yaml as read
    # Where each value is in site.yaml.
    located: Located | None = field(default=None, repr=False, compare=False)

    @property
    def tz(self) -> dt.tzinfo:
        return parse_timezone(self.timezone)

    def absolute(self, url: str) -> str:
        return self.base_url.rstrip("/") + url

    @property
    def base_path(self) -> str:
        """The path the site is published under: "" at a domain's root, "/impact" for
        https://org.github.io/impact (a GitHub Pages project site)."""
        return urllib.parse.urlsplit(self.base_url).path.rstrip("/")

    def path(self, url: str) -> str:
        """A site address as a browser asks for it: "/stories/x/" → "/impact/stories/x/". The one
        place internal links get the base path; anything not starting at the site's root is unchanged."""
        return self.base_path + url if url.startswith("/") and not url.startswith("//") else url

    @property
    def content_dir(self) -> pathlib.Path:
        return self.root / "content"

    @property
    def output_dir(self) -> pathlib.Path:
        return self.root / "output"

    @property
    def state_dir(self) -> pathlib.Path:
        """Build state kept outside output/: cache, reports, lock."""
        return self.root / ".impactsite"


def parse_timezone(text: str) -> dt.tzinfo:
    text = text.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return dt.UTC
    if text[:1] in "+-" and len(text) in (6, 3):
        sign = 1 if text[0] == "+" else -1
        hours, _, minutes = text[1:].partition(":")
        return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes or 0)))
    return zoneinfo.ZoneInfo(text)


def find_site(start: pathlib.Path) -> pathlib.Path:
    """The site directory: `start` itself when it holds site.yaml."""
    root = start.resolve()
    if not (root / CONFIG_FILE).is_file():
        raise UsageError(
            f"no {CONFIG_FILE} in {root}: run impactsite inside a site folder, or pass --site DIR"
        )
    return root


# site.yaml's settings, schema and converters, worked out once (reading type hints is slow: a tenth of
# a small site's check). A frozen value, like story_schema.STORY: nothing a call can change.
SITE = Group.of(SiteConfig)


def load_config(root: pathlib.Path) -> SiteConfig:
    """Read and validate site.yaml; raise ContentError listing every problem, in the file's order."""
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(
            [error(CONFIG_FILE, 1, 1, "CONFIG", "site.yaml is not UTF-8 text", "save it as UTF-8")]
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        located = load_yaml(text.replace("\r\n", "\n"))
    except YamlProblem as p:
        raise ContentError([error(CONFIG_FILE, p.line, p.column, "CONFIG", p.message, p.fix)]) from None
    data = located.data if located.data is not None else {}
    findings = []
    group = SITE
    for problem in validate(data, group.kind):
        line, col = located.where(problem.path, key=problem.at_key)
        findings.append(error(CONFIG_FILE, line, col, "CONFIG", problem.message, problem.fix))
    if findings:
        raise ContentError(sorted(findings, key=lambda f: (f.line, f.column)))
    return group.build(data, root=root, raw=data, located=located)
