"""One pass over a document's visible text, shared by every text rule.

`analyse(fields, document, site)` normalises each field (normalise.py), splits it once (tokens.py)
and runs every detector on the result: the identifier detectors (textscan: phones, e-mail, social
media, ID numbers, addresses, postcodes, dates), then default deny for names, places, institutions
and relatives (explain.py), numbers and links (numbers.py). Each finding is placed back on the
writer's own text. The rules of families 1, 5, 6 and 7 read this one result.

`SiteKnowledge` is what explains a name on every page of the site (the organisation, its partners,
programmes, sponsors and media contacts, known places, the site's countries), built once per build.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.content.model import Person
from generator.safety.detect import explain, numbers
from generator.safety.detect import textscan as ts
from generator.safety.detect.fields import BODY, LABEL, NAME, PROSE, Field
from generator.safety.detect.idwords import for_vocabulary
from generator.safety.detect.knowledge import (
    COUNTRY,
    LANGUAGES,
    LEVELS,
    STATE,
    Knowledge,
    fold,
    load_knowledge,
)
from generator.safety.detect.scan_addresses import in_free_line
from generator.safety.detect.scan_contacts import CALLING, toll_free_at_home
from generator.safety.detect.scanbase import Found
from generator.safety.detect.tokens import WORD, Token, tokenize
from generator.safety.detect.vocab import Lexicon, Vocabulary, load_vocabulary, unaccented
from generator.safety.normalise import Normalised, normalise

# What the identifier detectors still report (names, places and institutions are explain.py's).
_IDENTIFIERS = frozenset(
    {ts.EMAIL, ts.SOCIAL, ts.NUMBER, ts.BIRTHDATE, ts.PHONE, ts.ADDRESS, ts.POSTCODE, ts.DATE}
)

_LINES = frozenset({ts.PHONE, ts.POSTCODE})  # what a service's line in the story's country is read as


@dataclass(frozen=True)
class SiteKnowledge:
    """What explains a name anywhere on the site, read once per build."""

    knowledge: Knowledge
    vocab: Vocabulary
    phrases: Lexicon  # the organisation, partners, programmes, sponsors, media contacts, known terms
    places: Lexicon  # safety.known_places
    hosts: tuple[str, ...]  # domains links may lead to: the site's and the organisation's own
    countries: frozenset[str]  # ISO codes of the countries the site's stories are set in
    settings: ts.Settings  # the identifier detectors' view of site.yaml
    precision: int
    fine_places: Lexicon = field(default_factory=Lexicon)  # safety.fine_places: always too fine
    language: int | None = None  # the site's own language (site.yaml `language`), an index into LANGUAGES


def site_knowledge(
    root: pathlib.Path | None,
    *,
    settings: ts.Settings,
    phrases: Iterable[str] = (),
    places: Iterable[str] = (),
    hosts: Iterable[str] = (),
    locations: Iterable[str] = (),
    precision: str = "city",
    language: str = "",
    knowledge: Knowledge | None = None,
    vocab: Vocabulary | None = None,
) -> SiteKnowledge:
    know = knowledge if knowledge is not None else load_knowledge()
    voc = vocab if vocab is not None else load_vocabulary(root)[0]
    # The identifier detectors' patterns for these words, compiled here, once per build, rather than
    # by the first story's check (for_vocabulary keeps them for as long as the vocabulary lives).
    for_vocabulary(voc)
    countries = frozenset(c for loc in locations if (c := country_of(loc, know)))
    return SiteKnowledge(
        know,
        voc,
        Lexicon.of(_with_plain(p for p in phrases if p.strip())),
        Lexicon.of(_with_plain(p for p in places if p.strip())),
        tuple(sorted({h.casefold().removeprefix("www.") for h in hosts if h})),
        countries,
        settings,
        LEVELS.get(precision, LEVELS["city"]),
        Lexicon.of(_with_plain(p for p in settings.fine_places if p.strip())),
        _language_index(language),
    )


def _the_charitys_own(f: Found, settings: ts.Settings) -> bool:
    """A long number, or a place's or a name's words of two or more, that are part of the charity's
    registered identity ("charity number 1180000", "10 Example Street, London"): printed on purpose."""
    if f.rule == numbers.UNEXPLAINED_NUMBER:
        return ts.the_charitys_own(f.text, settings)
    if f.rule in (explain.PLACE, explain.UNDECLARED):
        return len(f.text.split()) >= 2 and ts.the_charitys_own(f.text, settings)
    return False


def _language_index(code: str) -> int | None:
    """The index into LANGUAGES of a site's `language` ("fil", "tl", "pt-BR" → its language), or None."""
    base = code.casefold().replace("_", "-").split("-")[0]
    base = {"tl": "fil"}.get(base, base)
    return LANGUAGES.index(base) if base in LANGUAGES else None


def country_of(location: str, know: Knowledge) -> str:
    """The ISO code of the country a `location` is in ("Kolkata, India" → IN), or ""."""
    parts = [p.strip() for p in location.split(",") if p.strip()]
    for part in reversed(parts):
        place = know.place(part)
        if place is not None and place.country:
            return place.country
    return ""


@dataclass(frozen=True)
class Document:
    """What explains names in one file besides the site: its declared people and where it is set."""

    people: tuple[Person, ...] = ()
    location: str = ""


@dataclass(frozen=True)
class Prepared:
    """A field as every detector reads it: normalised once."""

    field: Field
    norm: Normalised
    text: str  # the normalised text (a slug read as a title)
    label: bool  # a title or label, where every word may be capitalised


# In an address: its scheme ("https:", "mailto:") and each host name ("safepassage.example").
_SCHEME = re.compile(r"\b(?:https?|mailto|ftp):")
_HOST = re.compile(r"(?<![\w@.-])(?:[\w-]+\.)+[a-z]{2,}(?![\w-])", re.IGNORECASE)


def prepare(f: Field, hosts: tuple[str, ...] = ()) -> Prepared:
    norm = normalise(f.text)
    text = norm.text
    if f.kind == NAME:  # a slug, a file name or an address: lowercase words, read as a title would be
        text = _explained_hosts_blank(text, hosts)
        text = _POSSESSIVE_S.sub("'s", text)  # "asha-s-story": Asha's story (same length, offsets kept)
        text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    elif f.kind in (BODY, PROSE) and "\n" in text:
        text = soft_breaks_joined(text)
    return Prepared(f, norm, text, f.kind in (LABEL, NAME))


# A line that opens a block of its own in Markdown: a heading, a quote, a table row, a list item, a
# fence, an HTML block, a heading's underline or a rule.
_BLOCK_START = re.compile(r"[ \t]*(?:[#>|<]|[-*+][ \t]|\d{1,9}[.)](?:[ \t]|$)|```|~~~|[-=_*]{2,}[ \t]*$)")
# A line break after a character that is neither a space nor a backslash (two spaces or a backslash
# before it make a hard break), before more text on the next line. Written to start with the "\n", so
# that `re` skips ahead to each line break instead of trying the lookbehinds at every character.
_SOFT_BREAK = re.compile(r"\n(?<=[^\s\\]\n)(?=[ \t]*\S)")


def soft_breaks_joined(text: str) -> str:
    """A paragraph wrapped over several lines is read as one: Markdown shows a line break inside a
    paragraph as a space, so a sentence (or a name, or a number) goes on across it ("la Lei nº
    13.344, de 6 de outubro de 2016", "her mother / Rosa"). A line that opens a block of its own, and a
    line after a heading, a table row or a hard break, is not joined. Same length: offsets are kept."""
    breaks = []
    for m in _SOFT_BREAK.finditer(text):
        at = m.start()
        line_start = text.rfind("\n", 0, at) + 1
        if _BLOCK_START.match(text, at + 1) or text[line_start:at].lstrip(" \t")[:1] in ("#", "|"):
            continue
        breaks.append(at)
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        chars[at] = " "
    return "".join(chars)


_POSSESSIVE_S = re.compile(r"(?<=[^\W\d_]) s(?= |$)")


def _explained_hosts_blank(text: str, hosts: tuple[str, ...]) -> str:
    """An address's scheme and the site's own hosts (its address, the organisation's, the allowed link
    domains) explain themselves: blanked, same length, so what is found keeps its place. Any other host
    stays to be read, as a name and as a link."""

    def blank(m: re.Match[str]) -> str:
        host = m.group().casefold().removeprefix("www.")
        if any(host == h or host.endswith("." + h) for h in hosts):
            return " " * len(m.group())
        return m.group()

    return _HOST.sub(blank, _SCHEME.sub(lambda m: " " * len(m.group()), text))


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@functools.lru_cache(maxsize=16)
def _words_in(text: str) -> tuple[str, ...]:
    """The words of a text (`_WORD_RE`'s), read once for the readers of one document's fields."""
    return tuple(_WORD_RE.findall(text))


_ELIDED = re.compile(r"[dl]['’](?=[^\W\d_])")


def analyse(fields: Sequence[Field], doc: Document, site: SiteKnowledge) -> tuple[tuple[Field, Found], ...]:
    """Every finding of every text detector in every field, on the writer's own text."""
    prepared = _accents_restored([prepare(f, site.hosts) for f in fields if f.text])
    names_ctx = _name_context(prepared, doc, site)
    # The story's own location explains itself in the text, but not in its own field: there it is
    # checked against the site's precision like any place ("Bargaon, India" on a child's story stops).
    location_ctx = dataclasses.replace(
        names_ctx, declared=dataclasses.replace(names_ctx.declared, places=_coarse_parts(doc, site)), memo={}
    )
    title = next((_plain_words(p.norm.text) for p in prepared if p.field.path == ("title",)), None)
    out: list[tuple[Field, Found]] = []
    text_words: set[str] | None = None
    for p in prepared:
        if (
            title is not None
            and p.field.kind == NAME
            and p.field.path in (None, ("slug",))
            and _copied_from(p.norm.text, title)
        ):
            continue  # the title, its words dropped one by one: read with its capitals and commas there
        ctx = location_ctx if p.field.path == ("location",) else names_ctx
        found = [f for f in _analyse_field(p, ctx, site) if not _the_charitys_own(f, site.settings)]
        if p.field.kind == NAME and p.field.path in (None, ("slug",)):
            if text_words is None:  # read once per document, and only when it has an address to read
                text_words = {w for o in prepared if o.field.kind != NAME for w in _plain_words(o.norm.text)}
            found += _names_only_in_the_address(p, text_words, found, ctx)
        out += [(p.field, f) for f in found]
    return tuple(out)


def _names_only_in_the_address(
    p: Prepared, text_words: set[str], found: list[Found], ctx: explain.NameContext
) -> list[Found]:
    """A person's name in a file name or a slug that the story's text never uses ("rowena-bautista.md"
    over a story about "Liza"): the address is the one place it is written, and every reader sees it.
    Its capitals are the reader's guess, so a name that is also a common word would pass as a word; a
    given name the text does not hold, no place and not one of the language's frequent words, is a name."""
    main = ctx.written_in[0] if ctx.written_in else 0
    out: list[Found] = []
    for m in re.finditer(r"[^\W\d_]+", p.norm.text):
        w = unaccented(fold(m.group()))
        if (
            len(w) < 3
            or w in text_words
            or (w.endswith("s") and w[:-1] in text_words)  # "one-mans-courage": the text's "man's"
            or any(f.start <= m.start() < f.end for f in found)
            or w in ctx.declared.person_phrases
            or not ctx.given(w)
            or ctx.place(w) is not None
            or ctx.knowledge.zipf(w)[main] >= 4.0
        ):
            continue
        start, end = p.norm.span(m.start(), m.end())
        out.append(Found(explain.UNDECLARED, start, end, p.field.text[start:end], "a name nobody declared"))
    return out


def _copied_from(name: str, title: list[str]) -> bool:
    """A file name or a slug made from the title (given as its plain words): its words are the title's,
    in order, some left out ("loin-des-sites-d-orpaillage-le-chemin-de-l-ecole", "mula-riyadh-hanggang-
    sari-sari-store" for "Mula Riyadh Hanggang sa Sariling Sari-sari Store"). It says nothing the title does not, and read
    without the title's commas and capitals its words run together into names ("…le Chemin de l'École").
    A word the title does not have is read as ever."""
    words = iter(title)
    return all(w in words for w in _plain_words(name))  # a subsequence: `in` consumes the iterator


def _plain_words(normalised: str) -> list[str]:
    """The words of a text already normalised, folded and without accents."""
    return re.findall(r"[^\W_]+", unaccented(fold(normalised)))


def _city_named(part: str) -> str:
    """A location's city without its word for a city ("Angeles City", "Ciudad de Guatemala", "City of
    Manila"): the name the text also calls it by."""
    low = part.casefold()
    for prefix in ("ciudad de ", "city of ", "cidade de ", "ville de "):
        if low.startswith(prefix) and len(part) > len(prefix):
            return part[len(prefix) :]
    if low.endswith(" city") and len(part) > 5:
        return part[:-5]
    return part


def _coarse_parts(doc: Document, site: SiteKnowledge) -> Lexicon:
    """The places a location field may name without a second look: the site's known places and the
    location's own parts that are countries, or states named for no town ("Côte d'Ivoire", "Pará")."""
    coarse = []
    for part in (p.strip() for p in doc.location.split(",")):
        place = site.knowledge.place(part) if part else None
        if place is not None and (place.level == COUNTRY or (place.level == STATE and not place.town)):
            coarse.append(part)
    return site.places | Lexicon.of(_with_plain(coarse)) if coarse else site.places


def _accents_restored(prepared: list[Prepared]) -> list[Prepared]:
    """Slugs, tags and file names drop accents ("nina-en-la-frontera" for "Niña en la frontera",
    "mendicite-forcee"): a word written without them there is read as the document writes it elsewhere,
    when the document writes it one way only. Same length, so what is found keeps its place."""
    if not any(p.field.kind == NAME for p in prepared):
        return prepared
    written: dict[str, set[str]] = {}
    for p in prepared:
        if p.field.kind != NAME and not p.text.isascii():  # an ASCII text has no accented word
            for word in _words_in(p.text):
                if not word.isascii():
                    low = word.casefold()
                    written.setdefault(unaccented(low), set()).add(low)
    if not written:
        return prepared

    def restore(m: re.Match[str]) -> str:
        word = m.group()
        forms = written.get(word.casefold()) if word.isascii() else None
        if not forms or len(forms) != 1:
            return word
        (form,) = forms
        if len(form) != len(word):
            return word
        return form[:1].upper() + form[1:] if word[:1].isupper() else form

    return [
        Prepared(p.field, p.norm, _WORD_RE.sub(restore, p.text), p.label) if p.field.kind == NAME else p
        for p in prepared
    ]


_TRAILING_PHONE = re.compile(r"\d[\d \-.]{5,}\d$")


def _ends_with_a_free_line(found: str, home: str) -> bool:
    """A number after a phone's word ("una tarjeta con el teléfono 900 10 50 90") that is a toll-free
    line of the story's own country: a helpline, nobody's number."""
    m = _TRAILING_PHONE.search(found)
    return (
        m is not None
        and CALLING.search(found, 0, m.start()) is not None  # "pasaporte 900105090" is a passport's
        and toll_free_at_home(m.group(), home)
    )


def _analyse_field(p: Prepared, ctx: explain.NameContext, site: SiteKnowledge) -> list[Found]:
    found = [
        x
        for x in ts.scan(p.text, p.field.kind, site.settings, site.vocab)
        if x.rule in _IDENTIFIERS
        and not (x.rule in _LINES and in_free_line(p.text, x.start, x.end, ctx.home))
        and not (x.rule == ts.NUMBER and _ends_with_a_free_line(x.text, ctx.home))
        and not (
            x.rule == ts.DATE
            and (
                _public_date(p.text, x.start, x.end, site.vocab)
                or _name_and_age(x.text, ctx)
                or (not ctx.survivors and not _personal(p.text, x.start, x.end, site.vocab, ctx))
                or _event_date(p.text, x.start, x.end, site.vocab, ctx)
                or _enactment_date(p.text, x.start, x.end, site.vocab, ctx)
                or _historical_date(p.text, x.start, x.end, site.vocab, ctx)
            )
        )
    ]
    claimed = [(x.start, x.end) for x in found]
    for x in explain.find_names_in(p.text, ctx, label=p.label):
        if not any(s < x.end and x.start < e for s, e in claimed):
            found.append(x)
    found += numbers.find_numbers(p.text, site.vocab, claimed, site.settings.allowed_phones, ctx.home)
    links = numbers.link_spans(p.text)
    found += [
        x
        for x in numbers.find_links(p.text, links, site.hosts, claimed)
        # an organisation's front page, on a page that tells of no survivor or named as a free line's
        # ("Website: modernslaveryhelpline.org", "pelo Disque 100 ou pelo site new.safernet.org.br")
        if not (
            numbers.a_homepage(x.text)
            and (not ctx.survivors or numbers.a_helplines_site(p.text, x.start, x.text, ctx.vocab))
        )
    ]
    for s, e in links:
        found += explain.names_in_link(p.text, s, e, ctx)
    placed = []
    for x in sorted(found, key=lambda x: (x.start, x.end)):
        s, e = p.norm.span(x.start, x.end)
        placed.append(Found(x.rule, s, e, p.field.text[s:e], x.what, x.level))
    return placed


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•|]|\d{1,2}[.)])[ \t]")


def _personal(text: str, start: int, end: int, vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """The paragraph of a date speaks of a person: a pronoun or a word for one, a child, a relative, a
    life event ("rescued", "liberada"), or someone the document declares. In a document that tells no
    survivor's story (an event's report, a law explained, an interview with staff), a date in a paragraph
    about no one is the event's ("El sábado 14 de febrero, casi seiscientas personas…"); a rescue's day
    with the girl in the next sentence is hers."""
    lo = text.rfind("\n\n", 0, start) + 1
    hi = text.find("\n\n", end)
    line_lo = text.rfind("\n", 0, start) + 1
    if _LIST_ITEM.match(text, line_lo):
        # a list item or a table row is its own paragraph: "- Data: sábado, 20 de março de 2027" is the
        # event's, whatever the next item says ("- Inscrição: … para menores de 16 anos")
        lo, hi = line_lo, text.find("\n", end)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text[lo : hi if hi >= 0 else len(text)].casefold())
    return _mentions(words, _PERSONAL_SECTIONS, vocab, ctx)


def _mentions(
    words: list[str], sections: tuple[str, ...], vocab: Vocabulary, ctx: explain.NameContext
) -> bool:
    """A word or phrase of one of the vocabulary's sections, in the sense the text's language gives it,
    or someone the document declares. Not a part of a crowd ("the last of them", "la plupart d'entre
    eux") nor an impersonal phrase ("il y a", "il pleuvait"); "they" alone may be one child, unnamed. Not
    a word listed in another language that is a frequent word of the text's main language where that
    does not list it ("son", a son in English, is "they are" in Spanish; "pa", a father, is "still" in
    Filipino)."""
    impersonal = vocab["impersonal"]
    i = 0
    while i < len(words):
        # someone the document declares: in a story, its survivor or a relative; on a page that tells no
        # one's story, its declared staff and supporters are public people ("Our director … on 12 May")
        if ctx.survivors and words[i] in ctx.declared.person_phrases:
            return True
        skip = impersonal.match(words, i)
        if skip:
            i += skip
            continue
        for section in sections:
            n = vocab[section].match(words, i)
            if n and (n > 1 or _meant(words[i], section, vocab, ctx)):
                return True
        i += 1
    return False


def _meant(word: str, section: str, vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """The word has its listed sense here (explain.meant_here)."""
    return explain.meant_here(word, (section,), ctx)


_PERSONAL_SECTIONS = ("person_words", "child_words", "life_events", "kinship", "birth_words", "age_words")


def _event_date(text: str, start: int, end: int, vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """The date's sentence announces one of the organisation's events and is about no one: an event's
    word (`event_words`), a word of one to come (`announce_words`: "aura lieu", "será", "gaganapin") and
    the organisation saying "our" or naming itself (`we_words`, or a declared organisation or programme: "Notre soirée de soutien aura lieu le jeudi 19 novembre 2026", "Nuestra
    carrera solidaria será el domingo…"), and no word for a person, a child, a relative, a life event or
    a third person's possessive (`third_person`: "su", "sua"), nor anyone the document declares. "She ran
    our charity run on 3 May 2025" is hers; "the raid during the fair on 14 March" is no event of ours."""
    lo, hi = _sentence_span(text, start, end, vocab)
    words = [t.low for t in tokenize(text[lo:hi]).items if t.kind == WORD]
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    paragraph_end = text.find("\n\n", end)
    paragraph = text[paragraph_start : paragraph_end if paragraph_end >= 0 else len(text)]
    events, we, coming = vocab["event_words"], vocab["we_words"], vocab["announce_words"]
    if (
        not any(events.match(words, i) for i in range(len(words)))
        or not any(we.match(words, i) or ctx.declared.phrases.match(words, i) for i in range(len(words)))
        or not any(coming.match(words, i) for i in range(len(words)))
    ):
        return False  # "Nuestra carrera solidaria fue el domingo…, y esa misma tarde…": a day past, hers too
    # no one in its paragraph: "…our fundraising gala, 14 February 2026. That night police brought in a
    # girl" is the night she came
    return not _about_someone([t.low for t in tokenize(paragraph).items if t.kind == WORD], vocab, ctx)


def _about_someone(words: list[str], vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """The words speak of a person or tie the date to another day: a word for a person, a child, a
    relative, a life event, a third person's possessive, a raid or a birth, an anniversary or "the same
    day" (`same_day_words`), or someone the document declares."""
    return _mentions(words, (*_PERSONAL_SECTIONS, "third_person", "same_day_words"), vocab, ctx)


def _enactment_date(text: str, start: int, end: int, vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """A law's date: right after a word of law-making (`enactment_words`: "publicada el", "naging batas
    noong", "came into force on") and small words (`before_date_words`), with a statute's word earlier in
    the sentence ("la Ley General…", "Act No. 11930"; not a judgment's, an order's or a part of a law:
    `not_statute_words`, `statute_part_words`), no document that is not a law before it (`not_law_words`,
    `not_statute_words`: "l'ordonnance de placement…") and no one in it ("under the law she was adopted
    on…" is hers)."""
    lo, hi = _sentence_span(text, start, end, vocab)
    written = [t for t in tokenize(text[lo:start]).items if t.kind == WORD]
    words = [t.low for t in written]
    after = [t.low for t in tokenize(text[end:hi]).items if t.kind == WORD]
    k = len(words)
    before_date = vocab["before_date_words"]
    while k > 0 and words[k - 1] in before_date:
        k -= 1
    made = vocab["enactment_words"]
    n = _ends_with(made, words, k)
    if not n:
        k = _before_gazette(written, words, k, vocab)
        n = _ends_with(made, words, k)
    if not n:
        return False
    law = vocab["law_words"]
    # a judgment or an order is no statute (nor a section of one), and no law at all
    not_statutes, parts, not_laws = (
        vocab["not_statute_words"],
        vocab["statute_part_words"],
        vocab["not_law_words"],
    )
    return (
        any(
            law.match(words, i) and words[i] not in not_statutes and words[i] not in parts
            for i in range(k - n)
        )
        and not any(w in not_statutes or w in not_laws for w in words[: k - n])
        and not _about_someone(words, vocab, ctx)
        # after the date, what the law does is about people ("castiga la trata… cuando la víctima es
        # niña"); a birth, a life's event, "the same day" or someone declared ties the day to a life:
        # "…publicada el 25 de abril de 2012, el mismo día en que nació Lucía"
        and not _mentions(after, ("same_day_words", "life_events"), vocab, ctx)
    )


def _ends_with(lexicon: Lexicon, words: list[str], k: int) -> int:
    """The length of an entry of the lexicon that ends right before words[k], or 0."""
    return next(
        (n for n in range(1, lexicon.longest + 1) if k - n >= 0 and lexicon.match(words, k - n) == n), 0
    )


def _before_gazette(written: list[Token], words: list[str], k: int, vocab: Vocabulary) -> int:
    """Where the words before words[k] leave off once an official journal's name and what leads to it
    are read back over ("publicada EN EL DIARIO OFICIAL DE LA FEDERACIÓN el 14 de junio de 2012",
    "published IN THE OFFICIAL GAZETTE on…"): capitalised words and the small words of a name
    (`connectors`), then an article and a word of `published_in_words`. k itself when there is none."""
    connectors, articles, into = vocab["connectors"], vocab["articles"], vocab["published_in_words"]
    i = k
    while i > 0 and k - i < 10 and (written[i - 1].cap or words[i - 1] in connectors or words[i - 1] in into):
        i -= 1
    # from there: the word that leads to the journal, an article, then its capitalised name
    j = i
    while j < k and not written[j].cap and words[j] in articles and words[j] not in into:
        j += 1
    if j < k and words[j] in into and not written[j].cap:
        j += 1
        while j < k and not written[j].cap and words[j] in articles:
            j += 1
        if j < k and written[j].cap:
            return i
    return k


# The last year that is history for every survivor a story may tell of: before any child's birth,
# and before an adult survivor's working life. Fixed, so a check never changes with the clock.
_HISTORY_ENDS = 1990
_HISTORY_ENDS_FOR_A_CHILD = 2000
_NO_ONE_ALIVE = 1900  # a day before it is history whoever the sentence speaks of
_YEAR_IN_DATE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_YEAR_AFTER_DATE = re.compile(
    r",?\s+(?:de\s+|del\s+|ng\s+)?(1[5-9]\d\d|20\d\d)(?!\d)"
)  # "13 de maio de 1888"


def _historical_date(text: str, start: int, end: int, vocab: Vocabulary, ctx: explain.NameContext) -> bool:
    """A day in history, not in a life: its year is before any survivor's own story ("la abolición, el 13
    de mayo de 1888", "Idineklara ang kalayaan noong 12 Hunyo 1898"), 1990 at the latest, 2000 on a
    child's story, and its paragraph speaks of no one (a person, a relative, a birth or a life's event, a
    third person's possessive or anyone declared: "her mother was born on 12 July 1975" stays hers).
    Before 1900 it is history whoever the sentence speaks of."""
    year = _YEAR_IN_DATE.search(text, start, end) or _YEAR_AFTER_DATE.match(text, end)
    if year is None or int(year.group(1)) > (_HISTORY_ENDS_FOR_A_CHILD if ctx.child else _HISTORY_ENDS):
        return False
    if int(year.group(1)) < _NO_ONE_ALIVE:
        return True  # "Alguém lembrou que a Lei Áurea foi assinada em 13 de maio de 1888"
    # No one in its paragraph either ("Her mother came to Manila to work in a bar. That was on 14 February
    # 1988."), nor, under a heading that holds the date, in the paragraph under it ("## 3 March 1986" /
    # "That is the day Mae was born"); a table is one paragraph, its header included.
    lo = text.rfind("\n\n", 0, start) + 1
    hi = text.find("\n\n", end)
    hi = len(text) if hi < 0 else hi
    if text[lo:start].lstrip().startswith("#"):
        after = text.find("\n\n", hi + 2)
        hi = len(text) if after < 0 else after
    return not _about_someone([t.low for t in tokenize(text[lo:hi]).items if t.kind == WORD], vocab, ctx)


def _name_and_age(text: str, ctx: explain.NameContext) -> bool:
    """ "Mai 13", "May, 13" with Mai or May a declared person and no year: a name and an age (the
    file name "mai-13-is-back-in-the-classroom"), not a day of a month."""
    parts = _WORD_RE.findall(text)
    return not re.search(r"\b(?:1[89]|20)\d\d\b", text) and any(
        w.lower() in ctx.declared.person_phrases for w in parts
    )


# A day the world or a country observes, named in the sentence ("Anti-Slavery Day", "Día Mundial
# contra la Trata", "Dia Nacional de Combate…", "Journée mondiale…", "Fête des Lumières"): the date
# next to it, without a year, is the day's, not a person's.
_OBSERVANCE = re.compile(
    r"\b(?:Day|Día|Dia|Journée|Jour|Araw|Fête|Fiesta|Festa|Festival|Feast)\b"
    # lowercase before the day's own name: "la fête de l'Indépendance", "el día de la Independencia"
    r"|\b(?:fête|fiesta|festa|día|dia|jour|journée|araw)\s+(?:de\s+l['’]|du\s+|de\s+la\s+|des\s+|de\s+|da\s+|do\s+|ng\s+)?"
    r"[A-ZÀ-ÖØ-Ý]"
)


_HEADING_DATE = re.compile(r"#{1,6}[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?$")


def _heading_of_a_day(text: str, start: int, end: int) -> bool:
    """A heading that is only a day and a month ("## El 23 de setiembre"), and the first sentence under
    it names the world day or the feast that date is ("Ese día, Día Internacional contra la Trata…")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not _HEADING_DATE.fullmatch(text, line_start, start) or text[end:line_end].strip(" .:"):
        return False
    under = re.search(r"\S", text[line_end:])
    if under is None:
        return False
    first = line_end + under.start()
    stop = re.search(r"[.!?](?:\s|$)", text[first : first + 300])
    return _OBSERVANCE.search(text, first, first + (stop.end() if stop else 300)) is not None


def _public_date(text: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """A date that belongs to a public event or a law, not to a person: a festival or a world day in
    the same sentence, the date without a year ("el 30 de julio, Día Mundial contra la Trata"), or a statute's date ("the Act
    of 13 April 2016", "la loi du 13 avril 2016")."""
    lo, hi = _sentence_span(text, start, end, vocab)
    sentence = [
        w
        for w in re.findall(
            r"[^\W\d_]+(?:['’][^\W\d_]+)*", text[max(lo, start - 80) : min(hi, end + 80)].casefold()
        )
    ]
    festivals = vocab["festivals"]
    # A day and month next to the day's own name; with a year it dates something in a life
    # ("on 25 December 2024, Christmas Day, she ran away").
    if not re.search(r"\d{4}", text[start:end]) and (
        any(festivals.match(sentence, i) for i in range(len(sentence)))
        or _OBSERVANCE.search(text, max(lo, start - 160), min(hi, end + 160))
        or _heading_of_a_day(text, start, end)
    ):
        return True
    if _numbered_statute(text, lo, start, end, vocab):
        return True
    head = text[max(lo, start - 40) : start]
    year = _YEAR_IN_DATE.search(text, start, end)
    if year and any(y != year.group(1) for y in _YEAR_IN_DATE.findall(head)):
        return False  # "la Ley 5/2010, del 3 de mayo de 2019": the day of something else
    before = re.findall(r"[^\W\d_]+", head.casefold())
    numbered = False
    joiners, number = vocab["statute_joiners"], vocab["number_abbreviations"]
    while before and (before[-1] in joiners or before[-1] in number):
        numbered = numbered or before[-1] in number
        before.pop()  # "la loi n° 2016-444 du 13 avril 2016"
    law = vocab["law_words"]
    not_statutes, parts = vocab["not_statute_words"], vocab["statute_part_words"]
    # the law's word, or the word before an adjective of it ("la loi organique n° 2016-61 du 3 août
    # 2016"); an ordinance with its number is a statute ("l'ordonnance n° 2010-86 du 16 décembre 2010"),
    # a judge's order is not ("l'ordonnance de placement du 3 mars")
    for w in before[-2:] if numbered else before[-1:]:
        if w in law and (
            (w not in not_statutes and w not in parts) or (numbered and w in vocab["numbered_statute_words"])
        ):
            return True
    return _statute_before_comma(text, lo, start, vocab["statute_openers"], vocab["connectors"])


# A statute's number and its joiner, before its date: "5/2010, de", "L/2016/059/AN du", "26.364 del".
_STATUTE_NUMBER = re.compile(
    r"(?<![\w./\-])(?P<num>(?:[A-Z]{1,3}[/\-])?\d[\w./\-]*?)\s*,?\s+(?P<join>[^\W\d_]+)\s*$"
)
_WRITTEN_WORD = re.compile(r"[^\W\d_]+")


def _numbered_statute(text: str, lo: int, start: int, end: int, vocab: Vocabulary) -> bool:
    """A statute's date after its number ("la Ley Orgánica 5/2010, de 22 de junio", "la loi
    L/2016/059/AN du 26 octobre 2016", "Ley Núm. 1/2004, de 14 de septiembre"): a law's word (not a
    judgment, an order or a part of a law), up to two capitalised words of its name, a number's word
    (`number_abbreviations`), the number and a joiner (`statute_joiners`). A year in both the number
    and the date is the same year ("la Ley 5/2010, del 3 de mayo de 2019" dates something else)."""
    head = text[max(lo, start - 120) : start]
    m = _STATUTE_NUMBER.search(head)
    if m is None or m.group("join").casefold() not in vocab["statute_joiners"]:
        return False
    year = _YEAR_IN_DATE.search(text, start, end)
    if year and any(y != year.group(1) for y in _YEAR_IN_DATE.findall(m.group("num"))):
        return False
    before = _WRITTEN_WORD.findall(head[: m.start()])
    numbered = False
    while before and before[-1].casefold() in vocab["number_abbreviations"]:
        numbered = True
        before.pop()  # "Núm.", "n°"
    law = vocab["law_words"]
    for n, w in enumerate(reversed(before[-3:])):
        low = w.casefold()
        if low in law:
            return (low not in vocab["not_statute_words"] and low not in vocab["statute_part_words"]) or (
                numbered and low in vocab["numbered_statute_words"]
            )
        if not w[:1].isupper() or n == 2:
            return False  # the words of its name are capitalised: "Orgánica", "General"
    return False


def _statute_before_comma(text: str, lo: int, start: int, openers: Lexicon, connectors: Lexicon) -> bool:
    """A statute's date after its name and a comma ("Ley 263, Ley Integral contra la Trata y Tráfico de
    Personas, del 31 de julio de 2012"): the words between the last two commas before "del", "de",
    "du" or "of" open with a statute's word (`statute_openers`; "RA 9208, noong…" is a day in her life;
    not a plan, a measure or an order: "Plano Individual de Atendimento, de 12 de março" is her care
    plan's date)."""
    head = text[lo:start].rstrip()
    m = re.search(r",\s*(?:del|de|du|of)\s*$", head, re.IGNORECASE)
    if m is None:
        return False
    segment = head[: m.start()]
    segment = segment[segment.rfind(",") + 1 :].strip()
    words = re.findall(r"[^\W\d_]+", segment.casefold())
    if words and segment[:1].isupper() and words[0] in openers:
        return True
    # a statute's long name with a comma of its own, read back to its first word: "la Ley General de los
    # Derechos de Niñas, Niños y Adolescentes, del 4 de diciembre de 2014"
    for n, w in enumerate(reversed(re.findall(r"[^\W\d_]+|\d+|,", head[: m.start()]))):
        if w[:1].isupper() and w.casefold() in openers:
            return True
        # no number on the way back: "Lei 8.069, Vara da Infância de Campinas, de 3 de maio" is the
        # court's date
        if n >= 16 or not (w[:1].isupper() or w == "," or w.casefold() in connectors):
            return False
    return False


def _sentence_span(text: str, start: int, end: int, vocab: Vocabulary) -> tuple[int, int]:
    """The sentence around start..end: a full stop ends one only before a space, and not after a number's
    word (`number_abbreviations`), an abbreviation (`abbreviations`) or an initial ("Law No. 241 of 20
    October 2005", "Lei n.º 6/2008, de 9 de Julho")."""
    not_ending = (vocab["number_abbreviations"], vocab["abbreviations"])
    lo = 0
    for m in _STOP.finditer(text, max(0, start - 400), start):
        if _ends_here(text, m.start(), not_ending):
            lo = m.end()
    for m in _STOP.finditer(text, end):
        if _ends_here(text, m.start(), not_ending):
            return lo, m.start()
    return lo, len(text)


_STOP = re.compile(r"[.!?](?=\s)|\n")


def _ends_here(text: str, at: int, not_ending: tuple[Lexicon, ...]) -> bool:
    """The mark at `at` ends a sentence: not a full stop after a single letter or a word of `not_ending`."""
    if text[at] != ".":
        return True
    word = re.search(r"([^\W\d_]+)$", text[max(0, at - 12) : at])
    return not (word and (len(word.group(1)) == 1 or any(word.group(1).casefold() in x for x in not_ending)))


def _name_context(prepared: Sequence[Prepared], doc: Document, site: SiteKnowledge) -> explain.NameContext:
    """What explains names in this document: its people and location, the languages it is written in
    (counted from each language's most frequent words), the countries it names, and the words it
    also writes in lowercase."""
    know = site.knowledge
    lowercase: set[str] = set()
    scores = [0] * len(LANGUAGES)
    countries = set(site.countries)
    if doc.location:
        c = country_of(doc.location, know)
        if c:
            countries.add(c)
    top = know.function_words
    bits = know.function_word_languages
    counts: dict[int, int] = {}
    for p in prepared:
        if p.field.kind not in (BODY, PROSE):
            continue
        for word, n in collections.Counter(_words_in(p.text)).items():
            if word.islower():
                low = word.replace("’", "'")
                lowercase.add(low)
                bare = low if low.isascii() else unaccented(low)
                if bare != low:  # "talibés": the file name's "talibe" (a slug has no accents, one form)
                    lowercase.add(bare)
                    if bare.endswith("s") and len(bare) > 4:
                        lowercase.add(bare[:-1])
                b = bits.get(low)
                if b:
                    counts[b] = counts.get(b, 0) + n
            else:
                elided = _ELIDED.match(word)  # "d'Haïti": the country after its elided article
                if elided:
                    word = word[elided.end() :]
                if not word[:1].isupper():
                    continue
                folded = fold(word)  # "Haïti", "México": the gazetteer's keys have no accents
                if folded in know.places:
                    place = know.place(folded)
                    if place is not None and place.level == COUNTRY and place.country:
                        countries.add(place.country)
    for b, n in counts.items():
        for i in range(len(LANGUAGES)):
            if b & (1 << i):
                scores[i] += n
    # Words only one language has among its most frequent: a few of them show a passage written in it
    # (a quote in Spanish in an English story), whatever the rest of the text is written in.
    own = [counts.get(1 << i, 0) for i in range(len(LANGUAGES))]
    best = max(range(len(LANGUAGES)), key=lambda i: scores[i])
    # The site's own language counts too: a short label ("Mga Kuwento") has too few words to tell.
    site_language = {site.language} if site.language is not None else set()
    languages = tuple(
        sorted(
            {i for i, s in enumerate(scores) if s and (s >= 0.7 * scores[best] or own[i] >= 4)}
            | {best}
            | site_language
        )
    )
    english = best == 0
    written_in = (best, *(i for i in languages if i != best))
    function_words = frozenset().union(*(top[i] for i in languages)) if top else frozenset()
    person_phrases, relatives = _people(doc.people)
    places = site.places
    if doc.location:  # the story's own location is checked as a field; in the text it is explained
        parts = [p.strip() for p in doc.location.split(",") if p.strip()]
        parts += {_city_named(p) for p in parts} - set(parts)  # "Angeles" of "Angeles City"
        places = site.places | Lexicon.of(_with_plain(parts))
    declared = explain.Declared(person_phrases, relatives, site.phrases, places, site.fine_places)
    return explain.NameContext(
        know,
        site.vocab,
        declared,
        site.precision,
        languages if english else tuple(sorted(set(languages) | {0})),
        english,
        frozenset(lowercase),
        frozenset(countries),
        function_words=function_words,
        acronyms=defined_acronyms(p.text for p in prepared if p.field.kind in (BODY, PROSE)),
        child=any(p.is_survivor and p.minor for p in doc.people),
        home=(country_of(doc.location, know) or "") if doc.location else "",
        survivors=any(p.is_survivor for p in doc.people),
        written_in=written_in,
        not_kinship=function_words | _other_kinship(site.vocab, know, lowercase, written_in),
    )


def _other_kinship(
    vocab: Vocabulary, know: Knowledge, lowercase: Iterable[str], written_in: tuple[int, ...]
) -> frozenset[str]:
    """The kinship words the text writes that its main language does not list, and that are common
    words of it: English "gran" in a Spanish text is "great" ("la gran fiesta"), whatever English the
    title or a quotation adds."""
    kinship, main = vocab["kinship"], written_in[0]
    here = vocab.by_language.get(LANGUAGES[main], {}).get("kinship")
    return frozenset(
        w
        for w in kinship.single.intersection(lowercase)
        if not (here is not None and w in here) and know.zipf(w)[main] >= 4.0
    )


# "the National Referral Mechanism (NRM)", "NAPTIP (National Agency for the Prohibition…)"
_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z]{1,9})\s*\(([^()]{5,200})\)")
_EXPANSION_WORD = re.compile(r"[^\W\d_]+")


def defined_acronyms(texts: Iterable[str]) -> frozenset[str]:
    """Acronyms the text spells out where it first uses them, lowercased: each letter is the first
    letter of a word of the expansion, in order (small words may be skipped), or two or three letters
    are the first of a word of five letters or more ("Ministère des Affaires sociales (MINAS)"). The expansion is read
    as any other name is; the acronym then says nothing more than it does."""
    out: set[str] = set()
    for text in texts:
        if "(" not in text:
            continue
        for m in _ACRONYM_AFTER.finditer(text):
            words = _EXPANSION_WORD.findall(text, max(0, m.start() - 320), m.start())[-24:]
            if _spells(m.group(1), list(reversed(words)), backwards=True):
                out.add(m.group(1).lower())
        for m in _ACRONYM_BEFORE.finditer(text):
            if _spells(m.group(1), _EXPANSION_WORD.findall(m.group(2))[:24], backwards=False):
                out.add(m.group(1).lower())
    return frozenset(out)


def _spells(acronym: str, words: list[str], *, backwards: bool) -> bool:
    letters = [unicodedata.normalize("NFKD", c)[0] for c in acronym.upper()]
    if backwards:
        letters.reverse()
    initials = [unicodedata.normalize("NFKD", w[0].upper())[0] for w in words]
    # a long word may give its first two or three letters ("MINAS": MINistère des Affaires Sociales)
    heads = [
        [
            [unicodedata.normalize("NFKD", c)[0] for c in w[:size].upper()][:: -1 if backwards else 1]
            for size in (2, 3)
        ]
        if len(w) >= 5
        else []
        for w in words
    ]

    def match(n: int, m: int) -> bool:  # letters[n:] spelled by words[m:]
        if n == len(letters):
            return True
        for k in range(m, len(words)):
            if initials[k] == letters[n] and match(n + 1, k + 1):
                return True
            if any(letters[n : n + len(h)] == h and match(n + len(h), k + 1) for h in heads[k]):
                return True
            if words[k][0].isupper() and n:
                return False  # a capitalised word that is not part of it: another name
        return False  # (small words are skipped, or stand for a letter: "in" in NAPTIP, not "a" in CEAV)

    return len(letters) >= 2 and match(0, 0)


def _people(people: Sequence[Person]) -> tuple[Lexicon, Lexicon]:
    """Declared names (whole and word by word) and the relatives among them named for real."""
    names: list[str] = []
    relatives: list[str] = []
    for p in people:
        if p.name_type == "withheld":  # "her mother": a description, not a name
            continue
        names.append(p.name)
        names += p.name.split()
        names += [
            part for word in p.name.split() if "-" in word for part in word.split("-")
        ]  # "Rao-Mehta" declares "Rao"
        if p.name_type == "real" and (p.role in ("relative", "accused") or p.accused):
            relatives.append(p.name)
    return Lexicon.of(_with_plain(names)), Lexicon.of(_with_plain(relatives))


def _with_plain(names: Iterable[str]) -> list[str]:
    """The names and, for each written with accents, the same without: "Lucía" or "Cúcuta" declared is
    "lucia" and "cucuta" in a file name or a slug, where writers drop them."""
    out = list(names)
    return out + [plain for name in out if (plain := unaccented(name)) != name]


__all__ = ["Document", "SiteKnowledge", "analyse", "country_of", "site_knowledge"]
