"""Contact details: phone numbers, e-mail addresses, social media handles and links."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers

from generator.safety.detect.checkdigits import verhoeff_valid
from generator.safety.detect.lexicon import FUNCTION_WORDS
from generator.safety.detect.scanbase import (
    EMAIL,
    NUMBER,
    NUMERIC_DATE,
    PHONE,
    SOCIAL,
    Found,
    Settings,
    Text,
    around_digits,
)

# ---------------------------------------------------------------- phones

# 7+ digits with at most three phone-punctuation characters between any two: the only places worth
# asking phonenumbers about. Everything else (years, counts, money) never reaches it.
_PHONE_CANDIDATE = re.compile(
    r"[+(\d](?<![\w/@.\-][+(\d])(?:(?<=\+)\(?\d|(?<=\()\d|(?<=\d))(?:[ \t\u00a0().\-–/]{0,3}\d){6,}(?!\w)"
)
_IN_MOBILE = re.compile(
    r"(?:\+?91[ \-]?|0)?[6-9]\d{2}[ \-]?\d{2}[ \-]?\d{5}|(?:\+?91[ \-]?|0)?[6-9]\d{4}[ \-]?\d{5}"
)
_IN_LANDLINE = re.compile(r"\(?0\d{2,4}\)?[ \-]?\d{3,4}[ \-]?\d{3,4}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+")
_ZIP4 = re.compile(r"\d{5}-\d{4}")
_SSN = re.compile(r"\d{3}-\d{2}-\d{4}")
_AADHAAR_SHAPE = re.compile(r"\d{4}([ \-])\d{4}\1\d{4}")
_AADHAAR_CONTEXT = re.compile(r"\b(?:aadhaa?r|uid|uidai)\b", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[₹$£€¥]|\b(?:Rs|INR|USD|EUR|GBP|Tk|BDT|NPR)\.?)\s*$", re.IGNORECASE)
_PHONE_CONTEXT = re.compile(
    r"(?:call|phone|tel|telephone|mobile|cell|number|no|contact|whatsapp|ring|dial|sms|text|helpline)\W{0,3}(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_US_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
_NON_DIGIT = re.compile(r"\D")


def _toll_free(digits: str) -> bool:
    if digits.startswith(("0800", "0808", "44800", "44808")):
        return True
    d = digits[2:] if digits.startswith("91") and len(digits) == 12 else digits.removeprefix("0")
    if d.startswith(("1800", "1860")):
        return True
    return len(digits) == 11 and digits.startswith("1") and digits[1:4] in _US_TOLL_FREE


@functools.lru_cache(maxsize=1024)
def _first_phone(cand: str) -> tuple[int, int] | None:
    """Where phonenumbers finds the first possible number in `cand`, if anywhere. Parsing is the costly
    part of the phone check and depends on nothing but the text, so the same number met again (in
    another field or story, or on the next build of `serve`) is not parsed again."""
    for pm in phonenumbers.PhoneNumberMatcher(cand, "IN", leniency=phonenumbers.Leniency.POSSIBLE):
        return pm.start, pm.end
    return None


def phones(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    if not t.digits:
        return out
    text = t.text
    for m in around_digits(t, _PHONE_CANDIDATE, 2, 40):
        cand = m.group(0)
        digits = _NON_DIGIT.sub("", cand)
        if len(digits) > 15 or _YEAR_RANGE.fullmatch(cand) or _THOUSANDS.fullmatch(cand):
            continue
        if len(digits) == 12 and (_AADHAAR_SHAPE.fullmatch(cand) or cand.isdigit()) and digits[0] not in "01":
            context = _AADHAAR_CONTEXT.search(text, max(0, m.start() - 40), m.start())
            if verhoeff_valid(digits) or context:
                out.append(Found(NUMBER, m.start(), m.end(), cand, "an Aadhaar number"))
                continue
            if _AADHAAR_SHAPE.fullmatch(cand):
                continue  # 4-4-4 digits that fail the check digit: not an Aadhaar, and not a phone number either
        if NUMERIC_DATE.fullmatch(cand) or _ZIP4.fullmatch(cand):
            continue  # dates are DATE-EXACT's
        if _SSN.fullmatch(cand):
            out.append(Found(NUMBER, m.start(), m.end(), cand, "a social security number"))
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _CURRENCY_BEFORE.search(before) or _toll_free(digits) or digits[-10:] in settings.allowed_phones:
            continue  # money; toll-free helplines are public services; the organisation's own numbers
        if len(digits) < 8 and not _PHONE_CONTEXT.search(before):
            continue
        start = m.start()
        span = _first_phone(cand)
        matched = (start + span[0], start + span[1]) if span is not None else None
        if matched is None:
            own = _IN_MOBILE.search(cand) or _IN_LANDLINE.search(cand)
            if own is None or len(_NON_DIGIT.sub("", own.group(0))) < 10:
                continue
            matched = (start + own.start(), start + own.end())
        s, e = matched
        while s > 0 and text[s - 1] in "+(":  # "(+91) 98300…", "+91…"
            s -= 1
        out.append(Found(PHONE, s, e, text[s:e], "a phone number"))
    return out


# ---------------------------------------------------------------- e-mail and social media

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]*\w@[\w\-]+(?:\.[\w\-]+)+")
# "priti [at] gmail [dot] com" in any spelling; with a plain " at " the name must look like an address
# ("priti.das2009 at gmail.com") or the host be a mail service, so "find her at facebook.com/…" is not one.
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.])(?P<local>\w[\w.+\-]{2,})\s*(?P<at>\[at\]|\(at\)|\{at\}|\s(?i:at)\s)\s*(?P<host>[\w\-]+)\s*"
    r"(?:\[dot\]|\(dot\)|\{dot\}|\.|\s(?i:dot)\s)\s*(?:com|in|org|net|co\.in|co\.uk|org\.in|edu|gov|info|me|io|co)\b(?![/\w]|\.\w)"
)
_MAIL_HOSTS = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "hotmail",
        "outlook",
        "live",
        "rediffmail",
        "rediff",
        "icloud",
        "aol",
        "protonmail",
        "proton",
        "zoho",
        "yandex",
        "mail",
        "gmx",
    }
)
_AT_WORD = re.compile(r"\[at\]|\(at\)|\{at\}|\sat\s")
_SPELLED_HINTS = ("[at]", "(at)", "{at}", " dot ", ".com", ".in", ".org", ".net", ".co")
_SOCIAL_HOSTS = (
    r"instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|fb\.watch|m\.me|messenger\.com|twitter\.com|x\.com"
    r"|tiktok\.com|t\.me|telegram\.me|telegram\.dog|wa\.me|whatsapp\.com|snapchat\.com|youtube\.com|youtu\.be"
    r"|linkedin\.com|threads\.net|sharechat\.com|mojapp\.in|pinterest\.com|reddit\.com|tumblr\.com|discord\.gg"
    r"|discord\.com|vk\.com|onlyfans\.com|skype\.com|line\.me|signal\.me|imo\.im|truecaller\.com|bsky\.app"
)
_HOST_HINTS = tuple(h.replace("\\", "") for h in _SOCIAL_HOSTS.split("|"))
# Each host has one dot, followed by a letter: it can only be where the lowered text has such a dot,
# which prose seldom has ("e.g.", a link). Each host as (offset of its dot, host).
_HOST_DOTS = tuple((h.index("."), h) for h in _HOST_HINTS)
assert all(h.count(".") == 1 and h[h.index(".") + 1].isalpha() for h in _HOST_HINTS)
_DOT_LETTER = re.compile(r"\.[a-z]")


def _has_host(low: str) -> bool:
    """any(h in low for h in _HOST_HINTS), looking only at each dot followed by a letter."""
    for m in _DOT_LETTER.finditer(low):
        dot = m.start()
        if any(dot >= d and low.startswith(h, dot - d) for d, h in _HOST_DOTS):
            return True
    return False


_SOCIAL_URL = re.compile(
    r"(?<![\w.@\-])(?:https?://)?(?:www\.|m\.|mobile\.|web\.|vm\.|api\.|chat\.|[a-z]{2}\.)?(?P<host>"
    + _SOCIAL_HOSTS
    + r")"
    r"(?P<rest>/[^\s)\]>\"'<,]*)?",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"@(?<![\w@./\-]@)(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
_PLATFORMS = frozenset(
    {
        "insta",
        "instagram",
        "ig",
        "facebook",
        "fb",
        "twitter",
        "tiktok",
        "tik",
        "telegram",
        "snapchat",
        "snap",
        "youtube",
        "linkedin",
        "threads",
        "sharechat",
        "moj",
        "imo",
        "signal",
        "kik",
        "discord",
        "wechat",
        "viber",
        "skype",
    }
)
_PLATFORM_ID = re.compile(
    r"\b(?P<p>insta(?:gram)?|ig|facebook|fb|twitter|tiktok|tik\s+tok|telegram|snapchat|snap|youtube|linkedin|threads"
    r"|sharechat|moj|imo|signal|kik|discord|wechat|viber|skype)"
    r"(?P<label>\s+(?:id|handle|username|user\s*name|account|profile|page|channel|name))?"
    r"\s*(?P<sep>:|-|–|\bas\b|\bis\b|\bcalled\b|\bnamed\b)\s*@?(?P<h>[A-Za-z0-9_.]{3,30})",
    re.IGNORECASE,
)
_HANDLE_LIKE = re.compile(r"[_\d]|\w\.\w")
_YOUTUBE_CHANNEL = re.compile(r"(?:@|c/|channel/|user/)")
_WA_NUMBER = re.compile(r"\+?\d{8,15}")
_LETTER = re.compile(r"[A-Za-z]")


def norm_account(text: str) -> str:
    """An account as the site lists it or a story writes it, compared without scheme, www. or @."""
    t = text.strip().lower()
    t = re.sub(r"^https?://", "", t)
    t = re.sub(r"^(?:www|m|mobile|web)\.", "", t)
    return t.lstrip("@").rstrip("/")


def _is_org_account(link_or_handle: str, settings: Settings) -> bool:
    n = norm_account(link_or_handle)
    handle = n.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    for acct in settings.org_accounts:
        if n == acct or n.startswith((acct + "/", acct + "?")):
            return True
        if "/" not in acct and handle == acct:
            return True
        if "/" in acct and handle == acct.rsplit("/", 1)[-1] and "/" not in n:
            return True
    return False


def _at_words(low: str) -> Iterator[re.Match[str]]:
    """_AT_WORD.finditer(low), tried only where "at" follows "[", "(", "{" or whitespace (\\s): every match
    has "at" after such a first character."""
    taken_until = 0
    at = low.find("at", 1)
    while at >= 0:
        if at > taken_until and (low[at - 1] in "[({" or low[at - 1].isspace()):
            m = _AT_WORD.match(low, at - 1)
            if m is not None:
                taken_until = m.end()
                yield m
        at = low.find("at", at + 1)


def _looks_like_address(m: re.Match[str]) -> bool:
    if m.group("at").strip().lower() != "at":
        return True  # "[at]", "(at)": nobody writes that except to hide an address
    return m.group("host").lower() in _MAIL_HOSTS or _HANDLE_LIKE.search(m.group("local")) is not None


def emails_and_social(t: Text, settings: Settings) -> list[Found]:
    out: list[Found] = []
    text, low = t.text, t.low
    at_sign = "@" in text
    if at_sign:
        for m in _EMAIL.finditer(text):
            addr = m.group(0).rstrip(".")
            domain = addr.rsplit("@", 1)[1].lower()
            if any(domain == d or domain.endswith("." + d) for d in settings.allowed_email_domains):
                continue
            out.append(Found(EMAIL, m.start(), m.start() + len(addr), addr, "an e-mail address"))
    if "at" in t.words and any(h in low for h in _SPELLED_HINTS):
        seen = -1
        for at in _at_words(low):  # few per text: look for the whole address around each
            spelled = _EMAIL_SPELLED.search(text, max(0, at.start() - 40, seen), at.end() + 60)
            if (
                spelled
                and spelled.start() < at.end()
                and spelled.end() > at.start()
                and _looks_like_address(spelled)
            ):
                out.append(
                    Found(
                        EMAIL,
                        spelled.start(),
                        spelled.end(),
                        spelled.group(0),
                        "an e-mail address written out",
                    )
                )
                seen = spelled.end()
    if _has_host(low):
        for m in _SOCIAL_URL.finditer(text):
            host, rest = m.group("host").lower(), (m.group("rest") or "").rstrip(".")
            path = rest.strip("/")
            if not path:
                continue  # the site itself ("on facebook.com"), not an account
            if host in ("youtube.com", "youtu.be") and not _YOUTUBE_CHANNEL.match(path):
                continue  # a video, not a channel
            link = m.group(0)[: m.group(0).rfind(rest) + len(rest)] if rest else m.group(0)
            if _is_org_account(link, settings):
                continue
            if host == "wa.me" and _WA_NUMBER.fullmatch(path):
                out.append(
                    Found(PHONE, m.start(), m.start() + len(link), link, "a WhatsApp link to a phone number")
                )
            else:
                out.append(
                    Found(
                        SOCIAL,
                        m.start(),
                        m.start() + len(link),
                        link,
                        "a link to a social media account or chat",
                    )
                )
    if at_sign:
        for m in _HANDLE.finditer(text):
            h = m.group("h")
            if len(h) < 3 or not _LETTER.search(h) or _is_org_account("@" + h, settings):
                continue
            out.append(Found(SOCIAL, m.start(), m.end(), m.group(0), "a social media handle"))
    if t.has(_PLATFORMS):
        for m in _PLATFORM_ID.finditer(text):
            h = m.group("h").rstrip(".")
            explicit = bool(m.group("label")) and m.group("sep").lower() != "is"
            if h.lower() in FUNCTION_WORDS or not (_HANDLE_LIKE.search(h) or explicit):
                continue  # "her Instagram account is private"
            if _is_org_account("@" + h, settings):
                continue
            end = m.start("h") + len(h)
            out.append(Found(SOCIAL, m.start(), end, text[m.start() : end], "a social media account"))
    return out
