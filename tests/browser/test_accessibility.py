"""WCAG 2.2 AA on every page of the example site, in headless Chromium: axe-core finds nothing,
a skip link comes first and works, <html> has a language, and keyboard focus is always visible."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {  # mobile first: layout, contrast and target size can differ by width
    "mobile": {
        "viewport": {"width": 375, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


MAX_NODES = 3  # per violation and page: enough to see the pattern without burying the rest


def describe_violations(path: str, viewport: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{path} [{viewport}] {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:MAX_NODES]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"       {summary_line.strip()}")
        if len(v["nodes"]) > MAX_NODES:
            lines.append(f"    … and {len(v['nodes']) - MAX_NODES} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_of_a_fresh_init_site_has_no_axe_violations(
    browsing_at, init_server: str, init_pages: list[str], viewport: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    session = browsing_at(init_server, **VIEWPORTS[viewport])
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    reports = []
    for path in init_pages:
        page = session.open(path)
        results = axe.run(page, options=options).response
        if results["violations"]:
            reports.append(describe_violations(path, viewport, results["violations"]))
    assert len(init_pages) > 10
    assert not reports, f"axe-core ({', '.join(AXE_TAGS)}) found violations:\n" + "\n".join(reports)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_has_no_axe_violations(browsing, site_pages: list[str], viewport: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    session = browsing(**VIEWPORTS[viewport])
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    reports = []
    for path in site_pages:
        page = session.open(path)
        results = axe.run(page, options=options).response
        assert results["testEngine"]["name"] == "axe-core"
        if results["violations"]:
            reports.append(describe_violations(path, viewport, results["violations"]))
    assert not reports, f"axe-core ({', '.join(AXE_TAGS)}) found violations:\n" + "\n".join(reports)


def test_every_page_has_lang_a_main_landmark_and_a_skip_link_first(browsing, site_pages: list[str]) -> None:
    session = browsing(viewport={"width": 375, "height": 740})
    problems = []
    for path in site_pages:
        page = session.open(path)
        lang = page.evaluate("() => document.documentElement.getAttribute('lang')")
        if not lang or not lang.strip():
            problems.append(f"{path}: <html> has no lang")
        mains = page.evaluate("() => [...document.querySelectorAll('main')].map(m => m.id)")
        if mains != ["main"]:
            problems.append(f'{path}: expected exactly one <main id="main">, found ids {mains}')

        page.keyboard.press("Tab")
        first = page.evaluate("""() => {
            const el = document.activeElement;
            const r = el.getBoundingClientRect();
            return {tag: el.tagName, href: el.getAttribute('href'), text: el.innerText.trim(),
                    visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
                             && r.bottom <= innerHeight && r.right <= innerWidth};
        }""")
        if first["tag"] != "A" or first["href"] != "#main":
            problems.append(
                f"{path}: the first Tab stop is {first['tag']} href={first['href']!r}, not a skip link to #main"
            )
            continue
        if not first["visible"]:
            problems.append(f"{path}: the skip link is not on screen when it has focus")
        if not first["text"]:
            problems.append(f"{path}: the skip link has no visible text")
        page.keyboard.press("Enter")
        focused = page.evaluate("() => document.activeElement.id")
        if focused != "main":
            problems.append(
                f'{path}: activating the skip link moved focus to {focused!r}, not to <main id="main">'
            )
    assert not problems, "\n".join(problems)


FOCUS_STATE = """() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return {
        what: el.outerHTML.slice(0, 120),
        body: el === document.body,
        focusVisible: el.matches(':focus-visible'),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== 'none',
        onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        notObscured: hit !== null && (el === hit || el.contains(hit) || hit.contains(el)),
        key: el.tagName + '|' + (el.getAttribute('href') || '') + '|' + el.innerText.trim(),
    };
}"""


@pytest.mark.parametrize(
    "path", ["/", "/stories/", "/stories/two-teenagers-begin-again-in-howrah/", "/404.html"]
)
def test_keyboard_focus_is_always_visible_and_never_hidden(
    browsing, site_pages: list[str], path: str
) -> None:
    assert path in site_pages
    session = browsing(viewport={"width": 375, "height": 740})
    page = session.open(path)
    problems = []
    seen: set[str] = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["body"] or state["key"] in seen:
            break  # wrapped around
        seen.add(state["key"])
        if not state["focusVisible"] or not (state["outline"] or state["shadow"]):
            problems.append(
                f"no clear focus indicator (2.4.7: outline of 2px or more, or a box-shadow) on {state['what']}"
            )
        if not state["onScreen"] or not state["notObscured"]:
            problems.append(f"focused element is off screen or covered (2.4.11) {state['what']}")
    assert len(seen) >= 5, f"only {len(seen)} Tab stops on {path}: is the page empty?"
    assert not problems, f"{path}:\n" + "\n".join(problems)
