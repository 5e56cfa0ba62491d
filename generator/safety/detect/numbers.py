"""Default deny for numbers and links: every long number and every link must say what it is.

A number is explained when it is a count, an age, a year, an amount, a percentage, a time, a
statistic or a citation of a law ("Section 370", "Lei 13.344/2016", "RA 9208"); a code made of
letters and digits when the vocabularies know it ("COVID-19", "BR-116"). Anything else of five
digits or more, or a code of six characters or more with two digits, may be an identity card, a
case file, a phone or a plate: a finding. Identifiers with a known format are found first by the
identifier detectors (textscan); what they claimed is not reported again.

A link is explained when it leads to the site itself, the organisation's own domains, or a public
body's site (a government, the UN); anything else (a video, a drive folder, a stranger's page) may
show or reach a person: a finding. Profiles on social platforms are the identifier detectors' own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.safety.detect.scan_contacts import link_host
from generator.safety.detect.scanbase import Found
from generator.safety.detect.tokens import LINK, NUMBER, PUNCT, WORD, Token, Tokens
from generator.safety.detect.vocab import Vocabulary

UNEXPLAINED_NUMBER = "UNEXPLAINED-NUMBER"
UNEXPLAINED_LINK = "UNEXPLAINED-LINK"

# Public bodies' domains, anywhere: a link there shows no one.
PUBLIC_SUFFIXES = (
    ".gov", ".gov.in", ".nic.in", ".gov.ph", ".gob.mx", ".gov.br", ".jus.br", ".mp.br", ".gc.ca",
    ".gouv.fr", ".gouv.qc.ca", ".gov.uk", ".gov.bd", ".gov.np", ".go.ke", ".europa.eu", ".int",
    ".un.org", ".unicef.org", ".ilo.org", ".iom.int", ".unodc.org", ".who.int",
)  # fmt: skip
PUBLIC_HOSTS = ("un.org", "unicef.org", "ilo.org", "iom.int", "unodc.org", "interpol.int", "unhcr.org")
_CODE = re.compile(r"(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|ère|o|a|º|ª|km|kg|m|cm|h|am|pm|min|s)", re.IGNORECASE)


def find_numbers(tokens: Tokens, vocab: Vocabulary, claimed: list[tuple[int, int]]) -> list[Found]:
    """Long numbers and codes nobody explained (outside the spans identifier detectors claimed)."""
    items = tokens.items
    low = [t.low for t in items]
    out: list[Found] = []
    for k, t in enumerate(items):
        if t.kind not in (NUMBER, WORD) or _inside(t, claimed):
            continue
        if t.kind == WORD:
            code = _code_at(tokens, k)
            if code is not None and not _code_explained(code, low, k, vocab):
                out.append(
                    Found(
                        UNEXPLAINED_NUMBER, t.start, t.start + len(code), code, "a code of letters and digits"
                    )
                )
            continue
        digits = sum(c.isdigit() for c in t.text)
        if digits < 5 or _explained_number(t, items, low, k, vocab):
            continue
        out.append(Found(UNEXPLAINED_NUMBER, t.start, t.end, t.text, "a long number"))
    return out


def _inside(t: Token, claimed: list[tuple[int, int]]) -> bool:
    return any(s <= t.start < e or s < t.end <= e for s, e in claimed)


def _code_at(tokens: Tokens, k: int) -> str | None:
    """A code starting at word k ("MH12AB1234", "GOMR090512MDF"): letters and digits run together."""
    t = tokens.items[k]
    m = _CODE.match(tokens.text, t.start)
    if m is None or m.end() <= t.end:
        return None
    code = m.group(0)
    if len(code) < 6 or sum(c.isdigit() for c in code) < 2 or _ORDINAL.fullmatch(code):
        return None
    return code


def _code_explained(code: str, low: list[str], k: int, vocab: Vocabulary) -> bool:
    lowered = code.casefold()
    return any(
        lowered in vocab[s] for s in ("public_bodies", "laws", "regions", "platforms", "not_names")
    ) or (k > 0 and low[k - 1] in vocab["law_words"])


def _explained_number(t: Token, items: tuple[Token, ...], low: list[str], k: int, vocab: Vocabulary) -> bool:
    """A year, an amount, a count, a percentage, a time or a law's number."""
    text = t.text
    if _YEAR.fullmatch(text) or re.fullmatch(r"(?:1[89]|20)\d\d[-–/](?:1[89]|20)?\d\d", text):
        return True
    if ":" in text and sum(c.isdigit() for c in text) <= 4:
        return True
    before = [low[m] for m in range(max(0, k - 4), k) if items[m].kind in (WORD, PUNCT)]
    after = [low[m] for m in range(k + 1, min(len(items), k + 4)) if items[m].kind in (WORD, PUNCT)]
    if any(w in vocab["currencies"] for w in before[-2:] + after[:2]) or (
        after[:1] and after[0] in ("%", "‰")
    ):
        return True
    if after and (after[0] in vocab["quantity_words"] or vocab["quantity_words"].match(after, 0)):
        return _grouped(text)
    if any(w in vocab["law_words"] or w in vocab["laws"] for w in before):
        return True  # "Section 370", "Lei 13.344/2016", "Republic Act No. 9208"
    if any(vocab["comparatives"].match(before, i) for i in range(len(before))) and _grouped(text):
        return True  # "more than 2,000"
    return False


def _grouped(text: str) -> bool:
    """Written like an amount or a count: thousands separated ("1,100", "2.000", "10 000"), or short."""
    return bool(re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+(?:[.,]\d+)?|\d{1,6}(?:[.,]\d+)?", text))


def find_links(tokens: Tokens, allowed_hosts: tuple[str, ...], claimed: list[tuple[int, int]]) -> list[Found]:
    """Links to anywhere the site does not know (e-mail addresses are the identifier detectors')."""
    out: list[Found] = []
    for t in tokens.items:
        if t.kind != LINK or "@" in t.text or _inside(t, claimed):
            continue
        url = t.text if "://" in t.text else "https://" + t.text
        host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
        if link_host(host) is not None:
            continue  # a platform's, a file host's or a map's: the identifier detectors' own (or allowed)
        if host and not _host_allowed(host, allowed_hosts):
            out.append(Found(UNEXPLAINED_LINK, t.start, t.end, t.text, "a link to another site"))
    return out


def _host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    if any(host == a or host.endswith("." + a) for a in allowed + PUBLIC_HOSTS):
        return True
    return host.endswith(PUBLIC_SUFFIXES)
