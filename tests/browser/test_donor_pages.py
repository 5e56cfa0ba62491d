"""The pages that raise money, in headless Chromium: the match banner comes down on time (by a rebuild
and by the page's own clock), the forms work with JavaScript off, the whole site runs under its own
Content-Security-Policy with no violation, cookie or foreign request, and the new pages, thank-you
pages included, pass axe-core and carry no icon name as text."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AT = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)  # as in conftest: the moment the example site is built
END = dt.datetime(
    2027, 3, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=1))
)  # content/campaigns/safe-homes-match.yaml
DEADLINE = "Ends 31 March 2027 at 11:59 pm, UK time."
BANNER = "#match-safe-homes-match"
THANK_YOU = ["/fundraise/thank-you/", "/media/thank-you/"]  # not in the sitemap: checked here by name
NEW_PAGES = ["/", "/stories/two-teenagers-begin-again-in-howrah/", "/fundraise/", "/media/", *THANK_YOU]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {
    "mobile": {
        "viewport": {"width": 375, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


def visible(page: Any) -> bool:
    return page.locator(BANNER).is_visible()


# --- the banner ---------------------------------------------------------------------------------


def test_a_rebuild_just_before_the_end_shows_the_banner_and_just_after_does_not(
    chromium: Any, build_example, serve_output
) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    def banner_shown(site: Any) -> bool:
        with serve_output(site.output) as origin:
            context = chromium.new_context()
            try:
                page = context.new_page()
                page.clock.install(time=END - dt.timedelta(minutes=10))  # a visitor before the deadline
                page.goto(origin + "/", wait_until="load")
                return visible(page)
            finally:
                context.close()

    site = build_example(END - dt.timedelta(seconds=1))
    manifest = json.loads((site.root / ".impactsite" / "next-change.json").read_text())
    assert manifest["next_change_at"] == END.isoformat() and "safe-homes-match.yaml" in manifest["reason"]
    assert "data-match-end" in (site.output / "index.html").read_text()
    assert banner_shown(site)

    after = (END + dt.timedelta(seconds=1)).isoformat()
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--at", after])
    assert result.exit_code == 0, result.output
    assert "data-match-end" not in (site.output / "index.html").read_text()
    assert not banner_shown(site)


def test_the_pages_own_clock_takes_the_banner_down_at_the_deadline(
    chromium: Any, headers_server: str
) -> None:
    def opened(at: dt.datetime, path: str = "/") -> tuple[Any, Any]:
        """A page loaded a little before `at` whose clock then stands still at `at` (until run_for / fast_forward)."""
        context = chromium.new_context()  # the clock belongs to the context: one each
        page = context.new_page()
        page.clock.install(time=at - dt.timedelta(seconds=10))
        page.goto(headers_server + path, wait_until="load")
        page.clock.pause_at(at)
        return context, page

    context, page = opened(END - dt.timedelta(minutes=2, seconds=30))
    try:
        assert visible(page)
        page.clock.run_for(60_000)
        assert visible(page)  # 90 seconds to go
        page.clock.run_for(89_000)
        assert visible(page)  # one second to go
        page.clock.run_for(2_000)
        assert not visible(page)  # just past the deadline, with no rebuild
        assert page.locator(BANNER).count() == 1  # hidden, not removed: the page is the one that was built
    finally:
        context.close()

    context, page = opened(END - dt.timedelta(days=30), "/stories/")
    try:
        assert visible(page)
        page.clock.fast_forward(31 * 24 * 3600 * 1000)  # a tab left open for a month, in one jump
        assert not visible(page)
    finally:
        context.close()

    context, page = opened(END + dt.timedelta(seconds=1))
    try:
        assert not visible(page)  # a page built before the end, opened after it
    finally:
        context.close()


def test_with_javascript_off_the_deadline_sentence_is_still_there(chromium: Any, headers_server: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(headers_server + "/", wait_until="load")
        assert visible(page)
        text = " ".join(page.locator(BANNER).inner_text().split())
        assert DEADLINE in text
        assert (
            "Every £1 you give is doubled by the Harbour Light Foundation, up to £25,000 (gifts of £5 or more)."
            in text
        )
        # Progress, and the reason for the deadline, are on the campaign's own page.
        page.goto(headers_server + "/campaigns/safe-homes-match/", wait_until="load")
        body = " ".join(page.locator("main").inner_text().split())
        assert "£9,840 of £25,000 matched as of 5:00 pm on 18 November 2026, UK time." in body
        assert DEADLINE.removesuffix(".") in body
        assert page.locator("main progress").get_attribute("value") == "9840"
    finally:
        context.close()


# --- a variant of the example site: forms posting to a local receiver, and the countdown on -------


@pytest.fixture(scope="module")
def custom_site(build_example, form_endpoint, serve_output) -> Iterator[tuple[Any, str, Any]]:
    """The example site with `provider: custom` forms that post to `form_endpoint`, and the countdown on."""

    def edit(root: pathlib.Path) -> None:
        config = (root / "site.yaml").read_text()
        config = config.replace("  provider: netlify\n", "  provider: custom\n")
        config = config.replace(
            "    id: fundraiser-signup\n", f"    endpoint: {form_endpoint.origin}/signup\n"
        )
        config = config.replace("    id: press-enquiry\n", f"    endpoint: {form_endpoint.origin}/press\n")
        (root / "site.yaml").write_text(config)
        campaign = root / "content" / "campaigns" / "safe-homes-match.yaml"
        campaign.write_text(campaign.read_text() + "countdown: true\n")

    site = build_example(AT, edit)
    assert "provider: custom" in (site.root / "site.yaml").read_text()
    with serve_output(site.output) as origin:
        form_endpoint.redirects.update(
            {"/signup": origin + "/fundraise/thank-you/", "/press": origin + "/media/thank-you/"}
        )
        yield site, origin, form_endpoint


SIGNUP = {
    "first_name": "Priya",
    "last_name": "Shah",
    "email": "priya@example.org",
    "phone": "+44 20 7946 0001",
    "event": "A sponsored 10k run",
    "message": "Can I run as a team of four?",
}
PRESS = {
    "name": "Sam Okoro",
    "organisation": "The Daily Example",
    "email": "sam@example.org",
    "phone": "",
    "deadline": "Friday at 5 pm",
    "message": "Could we interview someone from your aftercare team?",
}


@pytest.mark.parametrize(
    ("form", "path", "fields", "thank_you", "heading"),
    [
        ("signup", "/fundraise/", SIGNUP, "/fundraise/thank-you/", "Thank you for signing up"),
        ("press", "/media/", PRESS, "/media/thank-you/", "Thank you for your enquiry"),
    ],
)
def test_forms_post_without_javascript_and_land_on_their_thank_you_page(
    chromium: Any, custom_site, form: str, path: str, fields: dict[str, str], thank_you: str, heading: str
) -> None:
    _site, origin, endpoint = custom_site
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(origin + path, wait_until="load")
        assert heading not in page.content()
        for name, value in fields.items():
            page.fill(f"form.site-form [name={name}]", value)
        assert not page.locator("form.site-form [name=bot-field]").is_visible()  # the honeypot
        before = len(endpoint.received)
        page.locator("form.site-form button[type=submit]").click()
        page.wait_for_url(origin + thank_you)
        assert page.locator("h1").inner_text() == heading
        assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    finally:
        context.close()
    assert endpoint.received[before:] == [
        (f"/{form}", {"form-name": [form], **{k: [v] for k, v in fields.items()}, "bot-field": [""]})
    ]


def test_the_sign_up_thank_you_page_offers_the_guide_with_its_format_and_size(
    chromium: Any, custom_site
) -> None:
    site, origin, _ = custom_site
    size = (site.output / "downloads" / "fundraising-guide.pdf").stat().st_size
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(origin + "/fundraise/thank-you/", wait_until="load")
        link = page.locator('a[href="/downloads/fundraising-guide.pdf"]')
        assert (
            link.inner_text()
            == f"Your fundraising guide: ten tips for a first fundraiser (PDF, {round(size / 1024)} KB)"
        )
        assert page.locator("h2", has_text="What happens next").count() == 1
        response = page.request.get(origin + "/downloads/fundraising-guide.pdf")
        assert response.ok and response.body().startswith(b"%PDF-")
    finally:
        context.close()


def test_every_field_has_a_label_and_required_fields_say_so_in_words(chromium: Any, custom_site) -> None:
    _, origin, _ = custom_site
    context = chromium.new_context()
    try:
        page = context.new_page()
        for path in ("/fundraise/", "/media/"):
            page.goto(origin + path, wait_until="load")
            fields = page.evaluate("""() => [...document.querySelectorAll('form input:not([type=hidden]), form textarea')].map(f => ({
                name: f.name, labels: [...f.labels].map(l => l.innerText.trim()), required: f.required,
                autocomplete: f.getAttribute('autocomplete'), tabindex: f.getAttribute('tabindex')}))""")
            for f in fields:
                assert f["labels"], f"{path}: {f['name']} has no label"
                assert f["required"] == f["labels"][0].endswith("(required)"), (path, f)
            trap = [f for f in fields if f["labels"] == ["Leave this field empty"]]
            assert trap == [
                {
                    "name": "bot-field",
                    "labels": ["Leave this field empty"],
                    "required": False,
                    "autocomplete": "off",
                    "tabindex": "-1",
                }
            ]
            tokens = {f["name"]: f["autocomplete"] for f in fields}
            assert tokens.get("email") == "email" and tokens.get("phone") == "tel"
            assert page.locator('form a[href="/privacy/"]').inner_text() == "privacy notice"
    finally:
        context.close()


def test_the_countdown_is_hidden_from_screen_readers_and_ticks_at_most_once_a_minute(
    chromium: Any, custom_site
) -> None:
    _, origin, _ = custom_site
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.clock.install(time=END - dt.timedelta(days=3) + dt.timedelta(seconds=5))
        page.goto(origin + "/", wait_until="load")
        page.clock.pause_at(END - dt.timedelta(days=3) + dt.timedelta(seconds=30))
        counter = page.locator("[data-match-countdown]")
        assert counter.get_attribute("aria-hidden") == "true"
        assert counter.inner_text() == "2 days and 23 hours left"
        page.evaluate("""() => { window.__ticks = 0; new MutationObserver(() => window.__ticks++)
            .observe(document.querySelector('[data-match-countdown]'), {childList: true, characterData: true, subtree: true}); }""")
        page.clock.run_for(10 * 60_000)
        ticks = page.evaluate("() => window.__ticks")
        assert 9 <= ticks <= 11, ticks
        assert counter.inner_text() == "2 days and 23 hours left"
        assert DEADLINE in " ".join(page.locator(BANNER).inner_text().split())
        page.get_by_role("button", name="Hide the countdown").click()
        assert not counter.is_visible()
        page.clock.run_for(5 * 60_000)
        assert not counter.is_visible()
        assert visible(page)
    finally:
        context.close()


# --- the whole site under its own headers ---------------------------------------------------------


def redirects(built_site: Any) -> dict[str, str]:
    """Old address → new, from the site's _redirects."""
    lines = (built_site.output / "_redirects").read_text().splitlines()
    return {line.split()[0]: line.split()[1] for line in lines}


def every_page(built_site: Any, site_pages: list[str]) -> list[str]:
    """The sitemap and 404 page, plus pages left out of the sitemap on purpose: thank-you and redirect pages."""
    return [*site_pages, *THANK_YOU, *redirects(built_site)]


def test_no_csp_violation_cookie_or_foreign_request_anywhere(
    browsing_at, headers_server: str, built_site: Any, site_pages: list[str], site_headers: dict[str, str]
) -> None:
    policy = site_headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    session = browsing_at(headers_server, viewport={"width": 1280, "height": 900})
    session.context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    session.context.on(
        "console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None
    )
    violations = []
    pages = every_page(built_site, site_pages)
    moved = redirects(built_site)
    assert moved == {"/stories/a-bakery-stall-in-lima/": "/stories/bread-savings-and-a-fresh-start-in-lima/"}
    for path in pages:
        session.current = path
        if session.page is None:
            session.page = session.context.new_page()
        response = session.page.goto(headers_server + path, wait_until="load")
        assert response is not None and response.headers.get("content-security-policy") == policy, path
        if path in moved:  # a renamed story's old address: its page sends the browser on
            session.page.wait_for_url(headers_server + moved[path])
        session.page.mouse.wheel(0, 20000)
        session.page.wait_for_load_state("networkidle")
        violations += [f"{path}: {v}" for v in session.page.evaluate("() => window.__cspViolations")]
    assert session.page.evaluate("() => document.cookie") == ""
    assert violations == [] and console == [], "\n".join(violations + console)
    assert session.foreign == [], session.foreign
    assert session.errors == [], session.errors
    assert session.context.cookies() == []
    assert {"/fundraise/thank-you/", "/media/thank-you/"} <= set(pages) and "/fundraise/" in pages

    # The listener is real: inline code injected into a page is blocked and reported.
    session.page.goto(headers_server + "/", wait_until="load")
    session.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }"
    )
    session.page.wait_for_timeout(100)
    reports = [v.split(" blocked ")[0] for v in session.page.evaluate("() => window.__cspViolations")]
    assert reports == ["script-src-elem", "script-src-elem"]  # one from the header, one from the <meta> copy


# --- accessibility of the new pages ---------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_new_pages_have_no_axe_violations(
    chromium: Any, headers_server: str, custom_site, viewport: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    problems = []
    _, custom_origin, _ = custom_site
    for origin in (headers_server, custom_origin):  # Netlify markup; custom markup with the countdown showing
        context = chromium.new_context(**VIEWPORTS[viewport])
        try:
            page = context.new_page()
            page.clock.install(time=END - dt.timedelta(days=3))
            for path in NEW_PAGES:
                page.goto(origin + path, wait_until="load")
                for v in axe.run(page, options=options).response["violations"]:
                    problems.append(
                        f"{origin}{path} [{viewport}] {v['id']}: {v['help']} "
                        + "; ".join(n["html"][:120] for n in v["nodes"][:3])
                    )
        finally:
            context.close()
    assert not problems, "\n".join(problems)


def test_no_icon_name_shows_as_text_on_the_new_pages(
    chromium: Any, headers_server: str, built_site: Any, site_pages: list[str]
) -> None:
    names = built_site.icon_names()
    word = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.IGNORECASE)
    allowed = ("Atom feed",)
    context = chromium.new_context()
    problems = []
    try:
        page = context.new_page()
        for path in [*NEW_PAGES, "/404.html"]:
            page.goto(headers_server + path, wait_until="load")
            texts = page.evaluate("""() => {
                const rendered = document.body.innerText;
                const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
                sheets.forEach(s => s.disabled = true);
                const unstyled = document.body.innerText;
                sheets.forEach(s => s.disabled = false);
                return [rendered, unstyled, document.body.textContent];
            }""")
            for text in texts:
                for phrase in allowed:
                    text = text.replace(phrase, " ")
                problems += [f"{path}: {m.group(0)!r}" for m in word.finditer(text)]
    finally:
        context.close()
    for old in redirects(built_site):  # they send the browser on at once: read them as files
        text = re.sub(r"<[^>]+>", " ", (built_site.output / old.lstrip("/") / "index.html").read_text())
        problems += [f"{old}: {m.group(0)!r}" for m in word.finditer(text)]
    assert not problems, "\n".join(problems)


@pytest.mark.nu
def test_the_custom_form_pages_pass_the_nu_html_checker(custom_site) -> None:
    from test_nu_html import describe, run_vnu

    site, _, _ = custom_site
    files = [
        site.output / p
        for p in (
            "index.html",
            "fundraise/index.html",
            "media/index.html",
            "fundraise/thank-you/index.html",
            "media/thank-you/index.html",
        )
    ]
    messages = [m for m in run_vnu(files) if m.get("type") in ("error", "non-document-error")]
    assert not messages, describe(messages, site.output)
