"""Take the screenshots in docs/writing.md: a copy of the example site, `impactsite serve`, a new
draft written the way a writer would, and Debian's Chromium. Run from the repository:

    .venv/bin/python docs/screenshots/writing/take.py
"""

from __future__ import annotations

import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).resolve().parent
AT = "2026-11-20T10:00:00+00:00"
SLUG = "a-new-start-at-the-market"
BODY = """Asha was 19 when she came to our aftercare home. Today she runs a vegetable stall of her own.

"I count every rupee myself now," she says. You can reach her on 98765 43210 to order vegetables.

TODO: add a quote from the programme lead.
"""


def run(site: pathlib.Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "generator", *args, "--site", str(site)], cwd=ROOT, check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        site.mkdir()
        shutil.copy(ROOT / "site.yaml", site)
        for part in ("content", "templates"):
            shutil.copytree(ROOT / part, site / part)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        serve = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "serve",
                "--site",
                str(site),
                "--port",
                str(port),
                "--at",
                AT,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            run(site, "new", "story", "A New Start at the Market")
            path = site / "content" / "stories" / f"{SLUG}.md"
            text = path.read_text()
            text = text.replace("author: your-handle ", "author: comms-03    ")
            text = text.replace("location: City, Country ", "location: Pune, India    ")
            text = text.replace(
                "summary: One sentence for listings and link previews.",
                "summary: After two years in aftercare, Asha runs a vegetable stall of her own.",
            )
            head, _, _ = text.rpartition("---\n")
            path.write_text(head + "---\n\n" + BODY)
            time.sleep(3)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1100, "height": 760})

                def shot(name: str, **kwargs: object) -> None:
                    page.wait_for_timeout(400)
                    page.screenshot(path=str(OUT / name), **kwargs)

                page.goto(url + "/_impactsite/")
                shot("1-every-story.png")
                page.goto(f"{url}/stories/{SLUG}/")
                shot("2-preview-and-problems.png")
                page.locator("a.impactsite-show").first.click()
                page.evaluate("() => window.scrollBy(0, -120)")
                shot("3-a-problem-in-the-text.png")
                path.write_text(
                    path.read_text()
                    .replace(" You can reach her on 98765 43210 to order vegetables.", "")
                    .replace(
                        "TODO: add a quote from the programme lead.\n",
                        '"She decided every step herself," says the lead of our livelihoods programme.\n',
                    )
                )
                time.sleep(3)
                page.goto(f"{url}/stories/{SLUG}/")
                shot("4-fixed-still-a-draft.png")
                path.write_text(path.read_text().replace("status: draft ", "status: published"))
                time.sleep(3)
                page.goto(f"{url}/stories/{SLUG}/")
                shot("5-waiting-for-review.png")
                run(site, "approve", str(path), "--reviewer", "safeguarding-01", "--at", AT)
                time.sleep(3)
                page.goto(f"{url}/stories/{SLUG}/")
                shot("6-published.png")
                text = path.read_text()
                path.write_text(re.sub(r"status: published", "status: [published", text, count=1))
                time.sleep(3)
                page.goto(f"{url}/stories/{SLUG}/")
                shot("7-a-mistake-in-the-front-matter.png")
                path.write_text(text)
                browser.close()
        finally:
            serve.terminate()
            serve.wait(10)
    print("screenshots written to", OUT)


if __name__ == "__main__":
    main()
