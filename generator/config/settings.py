"""site.yaml → SiteConfig: loaded safely, validated whole, every problem located."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from generator.config import branding
from generator.config import forms as forms_section
from generator.config.schema import BOOL, INT, TEXT, Field, Schema, enum, list_of, obj, validate
from generator.config.yamlload import Located, YamlProblem, load_yaml
from generator.errors import ContentError, UsageError
from generator.findings import Finding, error

CONFIG_FILE = "site.yaml"
PRECISIONS = ("country", "state", "city", "district")

NAV_ITEM = {"title": Field(TEXT, required=True), "url": Field(TEXT, required=True)}

SITE = Schema(
    "site.yaml",
    {
        "title": Field(TEXT, required=True),
        "base_url": Field(TEXT, required=True, help="the address the site is published at"),
        "language": Field(TEXT),
        "description": Field(TEXT),
        "timezone": Field(TEXT, help="e.g. Asia/Kolkata or +05:30; dates without a time use it"),
        "organisation": Field(
            obj(
                {
                    "name": Field(TEXT, required=True),
                    "url": Field(TEXT),
                    "logo": Field(TEXT),
                    "same_as": Field(list_of(TEXT)),
                    "nonprofit_status": Field(TEXT),
                    "charity_number": Field(TEXT, help="the charity's registration number, e.g. 1234567"),
                    "registered_in": Field(TEXT, help="where it is registered, e.g. England and Wales"),
                    "company_number": Field(TEXT, help="its company number, if it is also a company"),
                    "address": Field(
                        list_of(TEXT, allow_single=True), help="its postal address, line by line"
                    ),
                    "social": Field(
                        list_of(obj(NAV_ITEM, "a social link")),
                        help="its social accounts for the footer, e.g. {title: Instagram, url: https://…}",
                    ),
                }
            ),
            required=True,
        ),
        "theme": Field(branding.THEME, help="the logo and colours (README: Start your own site)"),
        "footer_navigation": Field(
            list_of(obj(NAV_ITEM, "a footer link")), help="links in the footer: About, Privacy, Accounts…"
        ),
        "donate_url": Field(TEXT),
        "tracking": Field(obj({"source": Field(TEXT), "medium": Field(TEXT), "campaign": Field(TEXT)})),
        "navigation": Field(list_of(obj(NAV_ITEM, "a menu item"))),
        "stories_per_page": Field(INT),
        "related_stories": Field(INT),
        "feed_entries": Field(INT),
        "pseudonyms": Field(
            obj(
                {
                    "mark": Field(enum("first", "every")),
                    "in_titles": Field(BOOL),
                    "in_feed": Field(BOOL),
                }
            )
        ),
        "forms": Field(forms_section.FORMS, help="the fundraiser sign-up and press forms (README: Forms)"),
        "safety": Field(
            obj(
                {
                    "denylist": Field(TEXT, help="path of the keyed-hash denylist file"),
                    "location_precision": Field(enum(*PRECISIONS)),
                    "allowed_email_domains": Field(list_of(TEXT)),
                    "org_accounts": Field(
                        list_of(TEXT),
                        help="the organisation's own social accounts, e.g. instagram.com/ourcharity or @ourcharity",
                    ),
                    "allowed_phones": Field(
                        list_of(TEXT),
                        help="phone numbers that may be published, e.g. the organisation's helpline",
                    ),
                    "known_terms": Field(list_of(TEXT)),
                    "known_places": Field(list_of(TEXT)),
                    "fine_places": Field(list_of(TEXT)),
                    "jigsaw_threshold": Field(INT),
                    "consent_warning_days": Field(INT),
                }
            )
        ),
    },
)


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str


@dataclass(frozen=True)
class SafetyPolicy:
    denylist: str = "safety/denylist.txt"
    location_precision: str = "city"
    allowed_email_domains: tuple[str, ...] = ()
    org_accounts: tuple[str, ...] = ()
    allowed_phones: tuple[str, ...] = ()
    known_terms: tuple[str, ...] = ()
    known_places: tuple[str, ...] = ()
    fine_places: tuple[str, ...] = ()
    jigsaw_threshold: int = 4
    consent_warning_days: int = 30


@dataclass(frozen=True)
class PseudonymPolicy:
    mark: str = "first"
    in_titles: bool = False
    in_feed: bool = False


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str = ""
    logo: str = ""
    same_as: tuple[str, ...] = ()
    nonprofit_status: str = ""
    charity_number: str = ""
    registered_in: str = ""
    company_number: str = ""
    address: tuple[str, ...] = ()
    social: tuple[NavItem, ...] = ()

    @property
    def registration(self) -> str:
        """ "Registered charity in England and Wales no. 1234567", or "" when no number is given."""
        if not self.charity_number:
            return ""
        where = f" in {self.registered_in}" if self.registered_in else ""
        return f"Registered charity{where} no. {self.charity_number}"


@dataclass(frozen=True)
class SiteConfig:
    root: pathlib.Path
    title: str
    base_url: str
    organisation: Organisation
    language: str = "en"
    description: str = ""
    timezone: str = "UTC"
    donate_url: str = ""
    tracking: tuple[tuple[str, str], ...] = ()
    navigation: tuple[NavItem, ...] = ()
    stories_per_page: int = 10
    related_stories: int = 3
    feed_entries: int = 20
    pseudonyms: PseudonymPolicy = field(default_factory=PseudonymPolicy)
    safety: SafetyPolicy = field(default_factory=SafetyPolicy)
    forms: forms_section.FormsSettings | None = None
    theme: branding.Branding = field(default_factory=branding.Branding)
    footer_navigation: tuple[NavItem, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)
    located: Located | None = field(
        default=None, repr=False, compare=False
    )  # where each value is in site.yaml

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


def load_config(root: pathlib.Path) -> SiteConfig:
    """Read and validate site.yaml; raise ContentError listing every problem."""
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
    findings: list[Finding] = []
    for problem in validate(data, SITE.kind):
        line, col = located.where(problem.path, key=problem.at_key)
        findings.append(error(CONFIG_FILE, line, col, "CONFIG", problem.message, problem.fix))
    if isinstance(data, dict):
        findings += _check_values(data, located)
    if findings:
        raise ContentError(findings)
    return dataclasses.replace(_build(root, data), located=located)


def _check_values(data: dict[str, Any], located: Any) -> list[Finding]:
    out: list[Finding] = []
    base = data.get("base_url")
    if isinstance(base, str) and not base.startswith(("https://", "http://")):
        line, col = located.where(("base_url",))
        out.append(
            error(
                CONFIG_FILE,
                line,
                col,
                "CONFIG",
                "base_url must start with https://",
                "write e.g. base_url: https://stories.example.org",
            )
        )
    tz = data.get("timezone")
    if isinstance(tz, str):
        try:
            parse_timezone(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            line, col = located.where(("timezone",))
            out.append(
                error(
                    CONFIG_FILE,
                    line,
                    col,
                    "CONFIG",
                    f'unknown time zone "{tz}"',
                    "use a name like Asia/Kolkata or an offset like +05:30",
                )
            )
    for key in ("stories_per_page", "related_stories", "feed_entries"):
        v = data.get(key)
        if isinstance(v, int) and v < 1:
            line, col = located.where((key,))
            out.append(error(CONFIG_FILE, line, col, "CONFIG", f"{key} must be at least 1", f"set {key}: 10"))
    safety = data.get("safety")
    if not isinstance(safety, dict):
        safety = {}
    for key, least in (("jigsaw_threshold", 1), ("consent_warning_days", 0)):
        v = safety.get(key)
        if isinstance(v, int) and v < least:
            line, col = located.where(("safety", key))
            out.append(
                error(
                    CONFIG_FILE,
                    line,
                    col,
                    "CONFIG",
                    f"safety.{key} must be at least {least}",
                    f"set {key}: {4 if key == 'jigsaw_threshold' else 30}",
                )
            )
    out += forms_section.check_values(data.get("forms"), located, CONFIG_FILE)
    out += branding.check_values(data.get("theme"), located, CONFIG_FILE)
    return out


def _default(value: Any, default: int) -> int:
    """An explicit 0 is a setting, not a missing value."""
    return default if value is None else int(value)


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _build(root: pathlib.Path, data: dict[str, Any]) -> SiteConfig:
    org = data["organisation"]
    safety = data.get("safety") or {}
    pseud = data.get("pseudonyms") or {}
    tracking = data.get("tracking") or {}
    return SiteConfig(
        root=root,
        title=data["title"],
        base_url=data["base_url"].rstrip("/"),
        organisation=Organisation(
            name=org["name"],
            url=org.get("url") or "",
            logo=org.get("logo") or "",
            same_as=_tuple(org.get("same_as")),
            nonprofit_status=org.get("nonprofit_status") or "",
            charity_number=str(org.get("charity_number") or ""),
            registered_in=org.get("registered_in") or "",
            company_number=str(org.get("company_number") or ""),
            address=_tuple([org["address"]] if isinstance(org.get("address"), str) else org.get("address")),
            social=tuple(NavItem(n["title"], n["url"]) for n in org.get("social") or ()),
        ),
        language=data.get("language") or "en",
        description=data.get("description") or "",
        timezone=data.get("timezone") or "UTC",
        donate_url=data.get("donate_url") or "",
        tracking=tuple((f"utm_{k}", v) for k, v in sorted(tracking.items()) if v),
        navigation=tuple(NavItem(n["title"], n["url"]) for n in data.get("navigation") or ()),
        stories_per_page=data.get("stories_per_page") or 10,
        related_stories=data.get("related_stories") or 3,
        feed_entries=data.get("feed_entries") or 20,
        pseudonyms=PseudonymPolicy(
            mark=pseud.get("mark") or "first",
            in_titles=bool(pseud.get("in_titles")),
            in_feed=bool(pseud.get("in_feed")),
        ),
        safety=SafetyPolicy(
            denylist=safety.get("denylist") or "safety/denylist.txt",
            location_precision=safety.get("location_precision") or "city",
            allowed_email_domains=_tuple(safety.get("allowed_email_domains")),
            org_accounts=_tuple(safety.get("org_accounts")),
            allowed_phones=_tuple(safety.get("allowed_phones")),
            known_terms=_tuple(safety.get("known_terms")),
            known_places=_tuple(safety.get("known_places")),
            fine_places=_tuple(safety.get("fine_places")),
            jigsaw_threshold=_default(safety.get("jigsaw_threshold"), 4),
            consent_warning_days=_default(safety.get("consent_warning_days"), 30),
        ),
        forms=forms_section.settings_from(data.get("forms")),
        theme=branding.settings_from(data.get("theme")),
        footer_navigation=tuple(NavItem(n["title"], n["url"]) for n in data.get("footer_navigation") or ()),
        raw=data,
    )
