"""Contact details: phone numbers (in digits or in words), e-mail addresses (plain or written out),
social media handles, and links to profiles, videos, recordings, shared files, chats and maps."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import shortnumberinfo

from generator.safety.detect.idwords import IdWords
from generator.safety.detect.lexicon import FUNCTION_WORDS
from generator.safety.detect.scanbase import (
    ADDRESS,
    EMAIL,
    NUMERIC_DATE,
    PHONE,
    SOCIAL,
    Found,
    Settings,
    Starts,
    Text,
    around_digits,
    near_words,
    runs_in_groups,
    split_words,
    starts_of,
    word_starts,
)

# ---------------------------------------------------------------- phone numbers in digits

# Seven digits or more with at most three phone-punctuation characters between any two: the only
# places worth asking phonenumbers about. Years, counts, money and citations ("13.344/2016") never
# reach it: a slash does not join the digits of a phone number.
_PHONE_CANDIDATE = re.compile(
    r"[+(\d](?<![\w/@.\-][+(\d])(?:(?<=\+)\(?\d|(?<=\()\d|(?<=\d))(?:[ \t().\-–]{0,3}\d){6,}(?![\w/])"
)
# The countries whose national formats are read, in the order they are tried (US covers Canada).
REGIONS = ("IN", "PH", "MX", "BR", "FR", "GB", "US")
# More countries' numbering plans, tried only after a word of calling ("ligar-lhe para o 912 845 376" in
# Lisbon): alone, their plans read too many postcodes and references as numbers.
CALLED_REGIONS = ("PT", "ES", "CO", "PE", "AR", "GT", "BE", "NG", "KE", "BD", "NP")
_IN_MOBILE = re.compile(
    r"(?:\+?91[ \-]?|0)?[6-9]\d{2}[ \-]?\d{2}[ \-]?\d{5}|(?:\+?91[ \-]?|0)?[6-9]\d{4}[ \-]?\d{5}"
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")
_AADHAAR_SHAPE = re.compile(r"\d{4}([ \-])\d{4}\1\d{4}")  # an Aadhaar number, or nothing: never a phone
_ZIP4 = re.compile(r"\d{5}-\d{4}")
_CURRENCY_BEFORE = re.compile(
    r"(?:[₹$£€¥₱]|\b(?:Rs|INR|USD|EUR|GBP|Tk|BDT|NPR|PHP|MXN|BRL|CAD|R\$|MX\$|C\$)\.?)\s*$", re.IGNORECASE
)
# A law, article or section number: "Lei nº 13.344", "RA 9208", "Section 370", "article 225-4-1".
_STATUTE_BEFORE = re.compile(
    r"\b(?:law|act|lei|ley|loi|decreto|décret|decree|section|sec|article|art|artigo|artículo|articulo|ra"
    r"|republic\s+act|rule|regla|código|code|s)\.?\s*(?:n[º°o]\.?|no\.|núm\.?|número|numéro|number)?\s*$",
    re.IGNORECASE,
)
_PHONE_CONTEXT = re.compile(
    r"(?:call|phone|tel|telephone|mobile|cell|cellphone|number|no|contact|whatsapp|whats|zap|viber|ring|dial"
    r"|sms|text|helpline|llama|llamar|llamó|teléfono|telefono|celular|móvil|movil|número|numero|ligue|ligar"
    r"|liga|telefone|contato|appelle|appeler|téléphone|portable|numéro|tawagan|telepono|cp)\W{0,3}(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
# A word of calling a few words before digits grouped in threes: a phone number, not an amount.
CALLING = re.compile(
    r"(?:call|phone|ring|dial|whatsapp|llama|llamar|llámale|teléfono|celular|número|ligue|ligar|liga|telefone"
    r"|appelle|appeler|appelez|téléphone|numéro|tawagan|telepono)\W{0,3}(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_TOLL_FREE_PREFIXES = ("0800", "0808", "44800", "44808", "1800", "1860", "911800", "91800", "01800", "0180")
_NANP_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
_NON_DIGIT = re.compile(r"\D")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


# The countries whose numbering plans say whether a number is a free or shared-cost line: those of
# the languages the detectors are measured in, and where their speakers work.
_LINE_REGIONS = (
    "US", "CA", "GB", "IE", "AU", "NZ", "IN", "PH", "SG", "MY", "ZA", "NG", "KE", "GH", "JM", "TT", "FR", "BE",
    "CH", "SN", "CI", "CM", "MA", "DZ", "TN", "ES", "MX", "AR", "CO", "PE", "CL", "UY", "PY", "BO", "EC", "VE",
    "GT", "CR", "PA", "CU", "DO", "PR", "PT", "BR", "AO", "MZ", "IT", "DE", "NL",
)  # fmt: skip
# How free lines are written: the prefix each plan gives them, which no mobile or home number shares
# ("1-8xx", "0800", "0808", "1800", "800" and "900" with nine digits or more). A prefix alone is not
# enough (Nigeria's mobiles start 0803, Pakistan's 0300, a shared-cost prefix somewhere): the number
# must also be a toll-free one in some country's plan.
_FREE_SHAPE = re.compile(
    r"(?:\+?1)?8(?:00|33|44|55|66|77|88)\d{7}|0800\d{3,8}|0808\d{6,7}|1800\d{6,8}|[89]00\d{6,8}"
)


@functools.lru_cache(maxsize=1024)
def public_line(cand: str) -> bool:
    """A free line ("1-888-373-7888", "800 290 290", "0800 4141 414", "900 10 50 90"): a service's number,
    never a person's. Written with a free line's prefix, and toll-free in some country's plan
    (phonenumbers knows each)."""
    digits = _NON_DIGIT.sub("", cand)
    if not _FREE_SHAPE.fullmatch(digits):
        return False
    for region in _LINE_REGIONS:
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.TOLL_FREE
        ):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _type_at_home(cand: str, home: str) -> int | None:
    """What kind of number `cand` is in the story's own country's plan (`home`, an ISO code): a
    phonenumbers.PhoneNumberType, or None when it is no valid number there."""
    if not home:
        return None
    try:
        number = phonenumbers.parse(cand, home)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number_for_region(number, home):
        return None
    return phonenumbers.number_type(number)  # type: ignore[no-any-return]


def toll_free_at_home(cand: str, home: str) -> bool:
    """A toll-free number of the story's own country (`home`, an ISO code): "900 10 50 90" in Spain is
    a helpline; in Lima "900 412 377" is a mobile, whatever Spain's plan says."""
    return _type_at_home(cand, home) == phonenumbers.PhoneNumberType.TOLL_FREE


_LINES_NOT_PERSONAL = (
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
)


def personal_at_home(cand: str, home: str) -> bool:
    """A valid number of the story's own country that is no free or shared line there: "900 412 377" in
    Lima is a mobile, though Spain's plan makes it a free line."""
    kind = _type_at_home(cand, home)
    return kind is not None and kind not in _LINES_NOT_PERSONAL


@functools.lru_cache(maxsize=1024)
def home_line(cand: str, home: str) -> bool:
    """A free short number of the story's own country (`home`, an ISO code): "116 006", the European
    victims' line, in Portugal. Six digits at most, free to call there (phonenumbers' short-number
    tables). Not a shared-cost or toll-free range of a full number plan: red team 22 found a Paris
    boss's "08 10…", a Peruvian mobile in Madrid's "901…", a Peruvian DNI and a Belo Horizonte CEP
    in such ranges."""
    digits = _NON_DIGIT.sub("", cand)
    if not home or not 3 <= len(digits) <= 6:
        return False
    try:
        number = phonenumbers.parse(digits, home)
    except phonenumbers.NumberParseException:
        return False
    return bool(
        shortnumberinfo.is_valid_short_number_for_region(number, home)
        and shortnumberinfo.expected_cost_for_region(number, home)
        == shortnumberinfo.ShortNumberCost.TOLL_FREE
    )


def _public(cand: str, digits: str) -> bool:
    """A toll-free or shared-cost helpline (1800…, 0800…, 1-800…, 800 xxx xxxx): a public service, not a
    person. A bare ten digits starting 800 is one only when grouped as one ("800 553 3000")."""
    if digits.startswith(_TOLL_FREE_PREFIXES) or public_line(cand):
        return True
    if len(digits) == 11 and digits[0] == "1" and digits[1:4] in _NANP_TOLL_FREE:
        return True
    grouped = re.match(r"\(?(\d{3})\)?[ \-.]", cand)
    return len(digits) == 10 and grouped is not None and grouped.group(1) in _NANP_TOLL_FREE


@functools.lru_cache(maxsize=1024)
def _first_phone(cand: str, loose: bool, called: bool = False) -> tuple[int, int] | None:
    """Where phonenumbers finds a phone number in `cand`: a valid number of one of REGIONS, or, when
    `loose`, one of a possible length. Parsing is the costly part of the phone check and depends on the
    text alone, so the same number met again (in another field or story, or on the next build of
    `serve`) is not parsed again."""
    leniencies = (
        (phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE)
        if loose
        else (phonenumbers.Leniency.VALID,)
    )
    for leniency in leniencies:
        for region in REGIONS + CALLED_REGIONS if called else REGIONS:
            for pm in phonenumbers.PhoneNumberMatcher(cand, region, leniency=leniency):
                return pm.start, pm.end
    return None


def _not_a_phone(t: Text, m: re.Match[str], digits: str, words: IdWords, context: bool) -> bool:
    """A year range, an amount, a date, a citation or a helpline, not a person's number. Digits grouped
    in threes are an amount ("912 845 376" people), unless a word of calling comes just before them
    ("ligar-lhe diretamente para o 912 845 376")."""
    cand = m.group(0)
    if (
        len(digits) > 15
        or _YEAR_RANGE.fullmatch(cand)
        or (_THOUSANDS.fullmatch(cand) and not context)
        or _AADHAAR_SHAPE.fullmatch(cand)
    ):
        return True
    if NUMERIC_DATE.fullmatch(cand) or _ZIP4.fullmatch(cand):
        return True  # dates are DATE-EXACT's, ZIP+4 codes ID-POSTCODE's
    before = t.text[max(0, m.start() - 40) : m.start()]
    if _CURRENCY_BEFORE.search(before) or _STATUTE_BEFORE.search(before):
        return True
    after = _WORD_AFTER.match(t.text, m.end())
    return (after is not None and after.group(1).lower() in words.quantities) or _public(cand, digits)


def digit_phones(t: Text, settings: Settings, words: IdWords) -> Iterator[Found]:
    text = t.text
    for m in around_digits(t, _PHONE_CANDIDATE, 2, 40, runs=runs_in_groups(t, 7)):
        cand = m.group(0)
        digits = _NON_DIGIT.sub("", cand)
        context = _PHONE_CONTEXT.search(text, max(0, m.start() - 40), m.start()) is not None
        calling = CALLING.search(text, max(0, m.start() - 50), m.start()) is not None
        if _not_a_phone(t, m, digits, words, calling) or digits[-10:] in settings.allowed_phones:
            continue
        context = context or calling
        if len(digits) < 8 and not context:
            continue
        span = _first_phone(cand, context or len(digits) >= 10, calling)
        if span is None:
            own = _IN_MOBILE.search(cand)
            if own is None or len(_NON_DIGIT.sub("", own.group(0))) < 10:
                continue
            span = own.span()
        s, e = m.start() + span[0], m.start() + span[1]
        while s > 0 and text[s - 1] in "+(":  # "(+91) 98300…", "+91…"
            s -= 1
        yield Found(PHONE, s, e, text[s:e], "a phone number")


# ---------------------------------------------------------------- phone numbers in words


@functools.lru_cache(maxsize=8)
def _spelled_run(words: IdWords) -> Starts:
    """A run of number words and digits that starts with a word ("nine eight three zero…", "nueve
    ocho…"); digits before it are added by the caller ("98 three zero…")."""
    names = sorted(words.digits, key=lambda w: (-len(w), w))
    word = "(?:" + "|".join(re.escape(w) for w in names) + r")(?![^\W\d_])|\d+"
    joiner = r"[\s,.\-–]{1,3}(?:(?:y|e|et|and)[\s\-]+)?"  # "noventa y ocho", "vingt-et-un"
    return starts_of(names, rf"(?<![\w’'\-])(?:{{}})(?![^\W\d_])(?:{joiner}(?:{word}))+", re.IGNORECASE)


_RUN_PARTS = re.compile(r"[^\W\d_]+|\d+")
_LEADING_DIGITS = re.compile(r"(?<![\w.])(?:\d+[\s,.\-–]{1,3})+$")


def _spelled_digits(run: str, words: IdWords) -> tuple[str, int]:
    """The digits a run spells and how many of its parts are words: "double five" is 55, numbers read in
    pairs are two digits each ("trente-quatre" 34, "noventa y ocho" 98, "soixante-dix-huit" 78,
    "quatre-vingt-dix" 90)."""
    out: list[str] = []
    repeat, spelled, tens, last = 1, 0, 0, ""  # tens: a round number waiting for its unit
    for part in _RUN_PARTS.findall(run.lower()):
        value = int(part) if part.isdigit() else words.digits.get(part)
        if value is None:
            continue  # "y", "e", "et", "and" between a ten and its unit
        spelled += not part.isdigit()
        if value < 0:
            repeat = -value
        elif value == 20 and last == "4" and out and out[-1] == "4":  # quatre-vingt
            out.pop()
            tens = 80
        elif tens and (0 < value < 10 or (tens in (60, 80) and 10 <= value < 20)):
            out.append(str(tens + value))
            tens = 0
        elif value >= 20 and value % 10 == 0 and not part.isdigit():
            out += [str(tens)] if tens else []
            tens = value
        else:
            out += [str(tens)] if tens else []
            tens = 0
            out.append(str(value) * repeat if value < 10 or part.isdigit() else str(value))
            repeat = 1
        last = out[-1] if out else ""
    out += [str(tens)] if tens else []
    return "".join(out), spelled


def spelled_phones(t: Text, settings: Settings, words: IdWords) -> Iterator[Found]:
    """A phone number written in words, or in words and digits: seven digits or more, two of them in
    words at least. Prose about numbers uses few different number words; a phone number spelled out
    uses many, so a text with fewer than three is not read."""
    if len(t.words & words.digit_keys) < 3:
        return
    run = _spelled_run(words)
    for m in near_words(t, run):
        start = m.start()
        lead = _LEADING_DIGITS.search(t.text, max(0, start - 24), start)
        if lead is not None:
            start = lead.start()  # "98 three zero…"
        digits, spelled = _spelled_digits(t.text[start : m.end()], words)
        if spelled < 2 or not 7 <= len(digits) <= 15 or digits in "0123456789":
            continue  # too short for a phone number, or counting ("one, two, three…")
        if digits[-10:] not in settings.allowed_phones and not _public(digits, digits):
            yield Found(PHONE, start, m.end(), t.text[start : m.end()], "a phone number written in words")


def phones(t: Text, settings: Settings, words: IdWords) -> list[Found]:
    out = list(spelled_phones(t, settings, words))
    if t.digits:
        out += digit_phones(t, settings, words)
    return out


# ---------------------------------------------------------------- e-mail addresses

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]*\w@[\w\-]+(?:\.[\w\-]+)+")
# "priti [at] gmail [dot] com", "maria arroba gmail punto com", "jean arobase orange point fr": read
# around each written-out "@" (found where "at", "arroba" or "arobase" starts, or a spaced " @ "):
# the name before it, the host after it.
_AT_WORDS = frozenset({"at", "arroba", "arobase"})
_AT_TOKEN = re.compile(
    r"\s*[\[({<]\s*(?:at|arroba|arobase|@)\s*[\])}>]\s*|\s+(?:at[\s\-]sign|at|arroba|arobase|@)\s+",
    re.IGNORECASE,
)
_DOT = (
    r"\s*[\[({<]\s*(?:dot|punto|point|ponto|tuldok|\.)\s*[\])}>]\s*|\s+(?:dot|punto|point|ponto|tuldok)\s+"
    r"|\s\.\s|\."
)
_DOT_SPLIT = re.compile(_DOT, re.IGNORECASE)
_LOCAL_BEFORE = re.compile(r"(?<![\w.+\-])\w[\w.+\-]*$")
_HOST_AFTER = re.compile(rf"[a-z0-9\-]+(?:(?:{_DOT})[a-z0-9\-]+)*", re.IGNORECASE)
_TLDS = split_words(
    "com org net edu gov info io me co in ph mx br ca fr uk us biz online xyz gob gouv eu de es pt it nl"
)
_MAIL_HOSTS = split_words(
    "gmail googlemail yahoo ymail hotmail outlook live msn rediffmail rediff icloud me aol protonmail "
    "proton zoho yandex mail gmx orange free laposte sfr wanadoo uol bol terra ig globo prodigy "
    "infinitum"
)
# Written-out dots, and top-level domains that are not also common words: what a text must hold (as
# words of their own: "gmail.com" holds "com") for a plain " at " in it to be an "@".
_DOT_WORDS_AND_TLDS = frozenset(
    {
        "dot",
        "punto",
        "point",
        "ponto",
        "tuldok",
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "info",
        "io",
        "ph",
        "mx",
        "br",
        "ca",
        "fr",
        "uk",
    }
)
_HANDLE_LIKE = re.compile(r"[_\d]|\w\.\w")


def _allowed_domain(domain: str, settings: Settings) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in settings.allowed_email_domains)


def plain_emails(t: Text, settings: Settings) -> Iterator[Found]:
    for m in _EMAIL.finditer(t.text):
        addr = m.group(0).rstrip(".")
        if not _allowed_domain(addr.rsplit("@", 1)[1].lower(), settings):
            yield Found(EMAIL, m.start(), m.start() + len(addr), addr, "an e-mail address")


def _at_tokens(t: Text) -> Iterator[re.Match[str]]:
    """Each written-out "@": "(at)", "[ at ]", " arroba ", " at sign ", " @ "."""
    low = t.low if len(t.low) == len(t.text) else t.text.lower()
    starts = {at for word in _AT_WORDS if word in t.words for at in word_starts(low, word)}
    at = low.find(" @ ")
    while at >= 0:
        starts.add(at + 1)
        at = low.find(" @ ", at + 1)
    for at in sorted(starts):
        m = _AT_TOKEN.search(t.text, max(0, at - 3), at + 12)
        if m is not None and m.start() <= at < m.end():
            yield m


def _spelled_domain(host: str) -> str:
    """The domain of a written-out address ("gmail punto com" → "gmail.com"), cut after its last
    top-level domain; empty when it is not an address's."""
    labels = _DOT_SPLIT.split(host.lower())
    while len(labels) > 1 and labels[-1] not in _TLDS:
        labels.pop()
    if len(labels) > 1 or labels[0] in _MAIL_HOSTS:
        return ".".join(labels)
    return ""


def _host_length(host: str, domain: str) -> int:
    """How much of the matched host the domain covers (the host may run on past its last TLD)."""
    labels = domain.count(".") + 1
    parts = list(_DOT_SPLIT.finditer(host))
    return len(host) if labels > len(parts) else parts[labels - 1].start()


def _plain_at_address(local: str, domain: str) -> bool:
    """With a plain " at " ("at" is also Filipino for "and": "Rosa at Ana"): a domain with its top-level
    part, and a mail service or a name shaped like an address's ("priti.das2009")."""
    return "." in domain and (domain.split(".")[0] in _MAIL_HOSTS or _HANDLE_LIKE.search(local) is not None)


def _bracketed_at(low: str) -> bool:
    return "at)" in low or "at]" in low or "at}" in low or "at>" in low or "at )" in low or "at ]" in low


def spelled_emails(t: Text, settings: Settings) -> Iterator[Found]:
    """An address written out to escape a filter. With a plain " at " the name must look like an
    address's or the host be a mail service, so "she works at google.com" is not one."""
    words = t.words
    if not (
        "arroba" in words
        or "arobase" in words
        or " @ " in t.text
        or ("at" in words and (not words.isdisjoint(_DOT_WORDS_AND_TLDS) or _bracketed_at(t.low)))
    ):
        return
    for at in _at_tokens(t):
        host = _HOST_AFTER.match(t.text, at.end())
        domain = _spelled_domain(host.group(0)) if host is not None else ""
        if not domain or _allowed_domain(domain, settings):
            continue  # "at the market": no domain after it
        local = _LOCAL_BEFORE.search(t.text, max(0, at.start() - 64), at.start())
        if local is None or host is None:
            continue
        if at.group(0).strip().lower() == "at" and not _plain_at_address(local.group(0), domain):
            continue
        end = host.start() + _host_length(host.group(0), domain)
        yield Found(EMAIL, local.start(), end, t.text[local.start() : end], "an e-mail address written out")


def emails(t: Text, settings: Settings) -> list[Found]:
    out = list(spelled_emails(t, settings))
    if "@" in t.text:
        out += plain_emails(t, settings)
    return out


# ---------------------------------------------------------------- links

PROFILE, VIDEO, FILE, CHAT, MAP, WHATSAPP = "profile", "video", "file", "chat", "map", "whatsapp"
_LINK_WHAT = {
    PROFILE: (SOCIAL, "a link to a social media account or post"),
    VIDEO: (SOCIAL, "a link to a video or recording"),
    FILE: (SOCIAL, "a link to a shared file, photo or recording"),
    CHAT: (SOCIAL, "a link to a chat or group"),
    MAP: (ADDRESS, "a map link"),
    WHATSAPP: (PHONE, "a WhatsApp link to a phone number"),
}
# Host → (kind, what the path must start with). A link to a host's front page is not an account.
LINK_HOSTS: dict[str, tuple[str, str]] = {
    **{
        h: (PROFILE, "")
        for h in sorted(
            split_words(
                "instagram.com instagr.am facebook.com fb.com fb.me fb.watch m.me messenger.com "
                "twitter.com x.com tiktok.com snapchat.com linkedin.com threads.net threads.com "
                "sharechat.com mojapp.in pinterest.com reddit.com tumblr.com vk.com onlyfans.com "
                "skype.com truecaller.com bsky.app kwai.com kwai.me twitch.tv discord.com linktr.ee"
            )
        )
    },
    **{
        h: (VIDEO, "")
        for h in sorted(split_words("youtube.com youtu.be vimeo.com dailymotion.com streamable.com loom.com"))
    },
    **{
        h: (FILE, "")
        for h in sorted(
            split_words(
                "drive.google.com docs.google.com photos.google.com photos.app.goo.gl dropbox.com db.tt "
                "wetransfer.com we.tl onedrive.live.com 1drv.ms icloud.com mega.nz box.com soundcloud.com"
            )
        )
    },
    **{
        h: (CHAT, "")
        for h in sorted(
            split_words(
                "chat.whatsapp.com whatsapp.com t.me telegram.me telegram.dog discord.gg line.me "
                "signal.me signal.group imo.im wa.link"
            )
        )
    },
    "wa.me": (WHATSAPP, ""),
    **{
        h: (MAP, "")
        for h in sorted(
            split_words(
                "maps.google.com maps.app.goo.gl waze.com maps.apple.com openstreetmap.org osm.org "
                "what3words.com w3w.co plus.codes"
            )
        )
    },
    "google.com": (MAP, "/maps"),
    "goo.gl": (MAP, "/maps"),
    "bing.com": (MAP, "/maps"),
}
_DOT_LETTER = re.compile(r"\.[a-z]")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
_PATH = re.compile(r"/[^\s)\]>\"'<]*")
_SCHEME = re.compile(r"(?:https?://)?$")
_WA_NUMBER = re.compile(r"\+?\d{8,15}")
_YOUTUBE_CHANNEL = re.compile(r"(?:@|c/|channel/|user/)")


def link_host(domain: str) -> tuple[str, str] | None:
    """The entry of LINK_HOSTS for a domain or the domain it is under ("vm.tiktok.com" → "tiktok.com")."""
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        entry = LINK_HOSTS.get(".".join(parts[i:]))
        if entry is not None:
            return entry
    return None


def find_links(low: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, path) of each link to a known host with a path, in the lowercased text. Only
    the few dots followed by a letter are looked at: a link's domain has one."""
    taken = 0
    for dot in _DOT_LETTER.finditer(low):
        if dot.start() < taken:
            continue
        left = dot.start()
        while left > 0 and low[left - 1] in _DOMAIN_CHARS:
            left -= 1
        right = dot.end()
        while right < len(low) and low[right] in _DOMAIN_CHARS:
            right += 1
        taken = right
        if left > 0 and low[left - 1] in "@":
            continue  # an e-mail address's domain
        domain = low[left:right].strip(".-").removeprefix("www.")
        entry = link_host(domain)
        path = _PATH.match(low, right)
        if entry is None or path is None:
            continue
        kind, prefix = entry
        rest = path.group(0).rstrip(".,;:!?")
        if len(rest.strip("/")) == 0 or not rest.startswith(prefix):
            continue
        start = left - len(_SCHEME.search(low, max(0, left - 8), left).group(0))  # type: ignore[union-attr]
        taken = right + len(rest)
        yield start, taken, kind, rest.strip("/")


def links(t: Text, settings: Settings) -> Iterator[Found]:
    for start, end, kind, path in find_links(t.low if len(t.low) == len(t.text) else t.text.lower()):
        link = t.text[start:end]
        if _is_org_account(link, settings):
            continue
        if kind == WHATSAPP and not _WA_NUMBER.fullmatch(path):
            kind = CHAT
        rule, what = _LINK_WHAT[kind]
        if kind == VIDEO and _YOUTUBE_CHANNEL.match(path):
            rule, what = SOCIAL, "a link to a video channel"
        yield Found(rule, start, end, link, what)


# ---------------------------------------------------------------- handles


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


_HANDLE = re.compile(r"@(?<![\w@./\-]@)(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
_LETTER = re.compile(r"[A-Za-z]")


def at_handles(t: Text, settings: Settings) -> Iterator[Found]:
    """@name anywhere: at the start, after a comma, in parentheses."""
    for m in _HANDLE.finditer(t.text):
        h = m.group("h")
        if len(h) >= 3 and _LETTER.search(h) and not _is_org_account("@" + h, settings):
            yield Found(SOCIAL, m.start(), m.end(), m.group(0), "a social media handle")


# Platforms whose name is also a common word ("snap", "face", "x") count only with a colon.
_PLATFORMS = split_words(
    "instagram insta ig facebook fb tiktok twitter snapchat telegram youtube yt kwai threads "
    "linkedin messenger discord twitch wechat viber imo kik skype onlyfans reddit pinterest tumblr "
    "sharechat moj snap face x zalo line roblox gamertag ign"  # "ign": a game's in-game name
) | {"tik tok"}
_COLON_ONLY = frozenset({"snap", "face", "x"})
_ACCOUNT_WORDS = (
    r"id|handle|username|user\s*name|user|account|profile|page|channel|name|compte|pseudo|cuenta|usuario|perfil"
    r"|nombre|conta|usuário|usuario|nome|página|pangalan"
)
# "on TikTok she is dancingmona", "insta: mona.dances", "su Facebook es …", "no Insta: …", "sa FB: …",
# "her Instagram account, priti_09"
_PLATFORM_ID = starts_of(
    _PLATFORMS,
    r"(?<![\w’'\-])(?P<p>{})"
    rf"(?P<label>\s+(?:{_ACCOUNT_WORDS}))?"
    r"(?P<sep>\s*[:=\-–,]\s*|\s+(?:(?:she|he|they|ella|él|elle|il|ela|ele|siya|sya)\s+)?"
    r"(?:is|was|as|called|named|est|es|era|é|ay|ni|si|como|comme|under|sous|se\s+llama|se\s+chama|s'appelle)\s+"
    r"|\s+)"  # after "account", "user", "handle" a space is enough: "Instagram user mona_2010"
    r"@?(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)",
    re.IGNORECASE,
)


@functools.cache
def _knowledge():  # type: ignore[no-untyped-def]
    from generator.safety.detect.knowledge import load_knowledge

    return load_knowledge()


def _frequency(word: str) -> float:
    """How common a word is in the five languages (zipf: 3 is a word most readers know, 5 a very common
    one); function words count as very common."""
    if word.lower() in FUNCTION_WORDS:
        return 9.0
    return float(_knowledge().frequency(word))


def _handle_like(h: str, m: re.Match[str]) -> bool:
    """Whether the word after a platform's name is an account's name. "priti_09", "mona.dances" and
    "DancingMona" are; so is a rare word ("dancingmona"). After "insta:" or "account" a name that is also
    a word ("mona") still is; after "she is" only a rare one ("on Instagram she is popular")."""
    if len(h) < 3 or not _LETTER.search(h):
        return False
    if _HANDLE_LIKE.search(h) or any(c.isupper() for c in h[1:]):
        return True
    sep = m.group("sep").strip()
    if not sep and not m.group("label"):
        return False  # "Instagram mona": a platform's name then a word
    explicit = any(c in sep for c in ":=") or (bool(m.group("label")) and sep in ("", ",", "-", "–"))
    if h[0].isupper() and not explicit:
        return False  # a capitalised word after "Facebook is": a name, for the name rules
    return _frequency(h) < (4.5 if explicit else 3.0)


def platform_handles(t: Text, settings: Settings) -> Iterator[Found]:
    """A handle without @ after a platform's name: "on TikTok she is dancingmona", "insta: mona.dances"."""
    for m in near_words(t, _PLATFORM_ID, cased=True):
        h = m.group("h").rstrip(".")
        if t.text.startswith("/", m.end("h")):
            continue  # "YouTube channel: youtube.com/@mona": a link, found whole with the links
        if m.group("p").lower() in _COLON_ONLY and ":" not in m.group("sep"):
            continue  # "snap", "face", "x": words too, a platform's name only before a colon
        if _handle_like(h, m) and not _is_org_account("@" + h, settings):
            end = m.start("h") + len(h)
            yield Found(SOCIAL, m.start(), end, t.text[m.start() : end], "a social media account")


# A platform's name on its own (the words that are names only before a colon are left out).
_PLATFORM_NAME = starts_of(_PLATFORMS - _COLON_ONLY, r"(?<![\w’'\-])(?:{})(?!\w)", re.IGNORECASE)
# A word shaped like an account's name: letters and digits with a dot or an underscore inside
# ("mona.danse.mtl", "priti_09", "mona.k.official"), or letters with digits appended ("mona2010").
_HANDLE_SHAPE = re.compile(
    r"(?<![\w.@/\-])(?P<h>[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|[A-Za-z]{3,}\d{2,})(?![\w@/\-]|\.\w)"
)
_NEAR = 60  # characters either side of the platform's name, within its sentence
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
# The last part of a web address, not of an account ("safepassage.org", "www.example.com").
_WEB_ENDINGS = split_words(
    "com org net edu gov int info io co uk in br mx ph ca fr es pt example app html php pdf jpg png"
)


def _handle_shaped(h: str) -> bool:
    if len(h) < 5 or h.lower().startswith("www."):
        return False
    parts = re.split(r"[._]", h)
    if "." in h and parts[-1].lower() in _WEB_ENDINGS:
        return False  # a site's address: the link rules read it
    if not any(sum(c.isalpha() for c in p) >= 3 for p in parts):
        return False  # "e.g", "a.m", "U.S.A": abbreviations
    letters = "".join(c for c in h if c.isalpha())
    return not (letters.isupper() and "." not in h and "_" not in h)  # "COVID19", "G20": not accounts


def nearby_handles(t: Text, settings: Settings) -> Iterator[Found]:
    """A word shaped like an account's name in the same sentence as a platform's name, a few words
    before or after it, in any language: "Sur TikTok, elle s'appelle mona.danse.mtl", "posta dancinhas
    como monazinha_2010" after "No TikTok", "the account mona.k.official on Snapchat"."""
    text = t.text
    for p in near_words(t, _PLATFORM_NAME):
        start = max(0, p.start() - _NEAR)
        ends = [e.start() for e in _SENTENCE_END.finditer(text, start, p.start())]
        start = ends[-1] + 1 if ends else start
        stop = min(len(text), p.end() + _NEAR)
        end = _SENTENCE_END.search(text, p.end(), stop)
        stop = end.start() if end else stop
        for m in _HANDLE_SHAPE.finditer(text, start, stop):
            h = m.group("h")
            if _handle_shaped(h) and not _is_org_account("@" + h, settings):
                yield Found(SOCIAL, m.start(), m.end(), h, "a social media account")
        for m in _SPELLED_HANDLE.finditer(text, start, stop):
            h = _SPELLED_DOT.sub(".", m.group("h"))
            # one part no common word ("we dot every i" is prose)
            rare = any(not p.isalpha() or _frequency(p) < 3.5 for p in re.split(r"[._]", h) if p)
            if rare and _handle_shaped(h) and not _is_org_account("@" + h, settings):
                yield Found(SOCIAL, m.start(), m.end(), m.group("h"), "a social media account")


# An account's name with its dots spelled out, as writers hide one ("jhessamae dot delosreyes dot 98",
# "mona [dot] danse"): the same shape once each spelled dot is a dot.
_SPELLED_DOT = re.compile(
    r"\s*(?:[(\[]\s*(?:dot|punto|point|ponto|tuldok|underscore)\s*[)\]]|\b(?:dot|tuldok|underscore)\b)\s*",
    re.IGNORECASE,
)  # "point", "punto", "ponto" are words of prose too: only in brackets
_SPELLED_HANDLE = re.compile(
    r"(?<![\w.@/\-])(?P<h>[A-Za-z][A-Za-z0-9_]*(?:" + _SPELLED_DOT.pattern + r"[A-Za-z0-9_]+)+)",
    re.IGNORECASE,
)


def social(t: Text, settings: Settings) -> list[Found]:
    out = list(links(t, settings))
    if "@" in t.text:
        out += at_handles(t, settings)
    out += platform_handles(t, settings)
    out += nearby_handles(t, settings)
    return out


__all__ = ["REGIONS", "emails", "find_links", "link_host", "norm_account", "phones", "social"]
