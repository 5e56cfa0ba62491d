"""Visiting the whole site asks nothing of any other origin and sets no cookie."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_no_request_leaves_the_site_and_no_cookie_is_set(browsing, site_pages: list[str]) -> None:
    session = browsing(viewport={"width": 375, "height": 740})
    for path in site_pages:
        page = session.open(path)
        page.mouse.wheel(0, 20000)  # bring anything lazy-loaded into view
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => document.cookie") == "", f"{path} sets a cookie from script"
    assert session.foreign == [], "requests to other origins:\n" + "\n".join(
        f"{p}: {url}" for p, url in session.foreign
    )
    assert session.context.cookies() == []


def test_the_foreign_request_check_can_fail(browsing, server: str) -> None:
    """The check above is only worth something if it sees a third-party request when there is one.
    The pages' Content-Security-Policy would stop this request before it is even made, so the probe
    runs with CSP bypassed: what is tested here is the request check itself."""
    session = browsing(bypass_csp=True)
    page = session.open("/")
    page.evaluate(
        "() => { const i = new Image(); i.src = 'https://tracker.invalid/pixel.gif'; document.body.append(i); }"
    )
    page.wait_for_load_state("networkidle")
    assert [url for _, url in session.foreign] == ["https://tracker.invalid/pixel.gif"]
