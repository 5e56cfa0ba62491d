"""Impact figures for the home page: one data file (content/data/impact.yaml), so each number is
written once, with the period it covers and where it comes from, and checked like every data file.

    heading: What your gifts did in 2025         # optional
    figures:                                      # three or four read best
      - number: 1240
        label: people brought to safety
        period: "2025"
        source: Annual report 2025                # optional
    money:                                        # optional: "Where your money goes"
      text: Of every £1 given in 2025, 86p paid for aftercare, rescue and prevention.
      link: {title: Read our accounts, url: https://example.org/accounts}
"""

from __future__ import annotations

import math
import pathlib
from dataclasses import dataclass

from generator.config.schema import NUMBER, TEXT, Field, Schema, list_of, obj
from generator.content.datafiles import read_data_file
from generator.findings import Finding
from generator.render.views import Link

RULE = "IMPACT"
IMPACT_FILE = "content/data/impact.yaml"
MAX_FIGURES = 6
MAX_NUMBER = 1_000_000_000_000

FIGURE = {
    "number": Field(NUMBER, required=True, help="the figure itself, e.g. 1240"),
    "prefix": Field(TEXT, help='written before the number, e.g. "£"'),
    "suffix": Field(TEXT, help='written after the number, e.g. "%" or "m"'),
    "label": Field(TEXT, required=True, help="what it counts, e.g. people brought to safety"),
    "period": Field(TEXT, required=True, help='when, in quotes, e.g. "2025" or "since 2019"'),
    "source": Field(TEXT, help="where the figure comes from, e.g. Annual report 2025"),
}
IMPACT = Schema(
    "the impact file",
    {
        "heading": Field(TEXT, help="the heading above the figures"),
        "figures": Field(list_of(obj(FIGURE, "a figure")), required=True),
        "money": Field(
            obj(
                {
                    "text": Field(TEXT, required=True, help="one sentence on where the money goes"),
                    "link": Field(
                        obj(
                            {"title": Field(TEXT, required=True), "url": Field(TEXT, required=True)}, "a link"
                        )
                    ),
                },
                "where the money goes",
            )
        ),
    },
)


@dataclass(frozen=True)
class Figure:
    number: str  # as shown: "1,240", "£3.2m"
    label: str
    period: str
    source: str = ""


@dataclass(frozen=True)
class Impact:
    heading: str
    figures: tuple[Figure, ...]
    money: str = ""
    money_link: Link | None = None


def _shown(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def load_impact(root: pathlib.Path) -> tuple[Impact | None, list[Finding]]:
    """The figures, or None when the site has no impact file; every problem located."""
    if not (root / IMPACT_FILE).is_file():
        return None, []
    file, findings = read_data_file(root, IMPACT_FILE, IMPACT.kind, RULE)
    if file is None or findings:
        return None, findings
    d = file.data
    figures = d["figures"]
    if not figures or len(figures) > MAX_FIGURES:
        findings.append(
            file.finding(
                ("figures",),
                f"there should be between 1 and {MAX_FIGURES} figures, not {len(figures)}",
                "keep the three or four numbers that matter most",
            )
        )
    for i, f in enumerate(figures):
        n = f["number"]
        if not math.isfinite(n) or not 0 <= n <= MAX_NUMBER:
            findings.append(
                file.finding(
                    ("figures", i, "number"),
                    f"the number {n!r} is not a figure a reader can be shown",
                    "write the figure as a plain number, e.g. number: 1240",
                )
            )
    if findings:
        return None, findings
    money = d.get("money") or {}
    link = money.get("link")
    return (
        Impact(
            heading=(d.get("heading") or "Our impact").strip(),
            figures=tuple(
                Figure(
                    (f.get("prefix") or "") + _shown(f["number"]) + (f.get("suffix") or ""),
                    f["label"].strip(),
                    f["period"].strip(),
                    (f.get("source") or "").strip(),
                )
                for f in figures
            ),
            money=(money.get("text") or "").strip(),
            money_link=Link(link["title"].strip(), link["url"].strip()) if link else None,
        ),
        [],
    )
