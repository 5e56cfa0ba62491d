"""Family 1, continued: what the text says about a survivor must match what the front matter says.

A story whose text says the survivor "was 16 when she was trafficked" is a child's story, whatever
`minor:` says: the rules for children (no real name, assent and a guardian's consent, every
unexplained detail an error) must apply. The age is read in any of the five languages: "Asha, 16,",
"Asha (16)", "a 16-year-old", "aged 16", "was 16 when", "tenía 15 años", "avait 16 ans", "tinha 15
anos", "15 taong gulang".
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.model import Story
from generator.safety.detect.tokens import NUMBER, PUNCT, WORD, Token, tokenize
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "1 People and names"
# Words after which a number is an age, in the five languages, besides the vocabularies' age words.
_WAS = frozenset("was is turned tenía tenia tiene cumplió avait a eu tinha tem fez era é est ay".split())
_WHEN = frozenset("when cuando quand quando nang noong".split())


@story_rule(
    "MINOR-MISMATCH",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a survivor the text shows was a child, declared an adult",
    source="UNICEF principle 1 (a child is anyone under 18); POCSO s.2(d); safeguarding TX-01",
)
def minor_mismatch(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The text gives an age under 18 for a survivor whose front matter says `minor: false`. `minor`
    means a child at the time of the events, so such a survivor is a minor and every rule for
    children applies."""
    adults = [p for p in story.survivors if p.minor is False]
    if not adults:
        return
    site = ctx.extras.get("site_knowledge")
    age_words = site.vocab["age_words"] if site is not None else frozenset({"aged", "years", "year-old"})
    tokens = tokenize(ctx.visible).items
    single = len(story.survivors) == 1
    for p in adults:
        names = {w.casefold() for w in p.name.split()}
        for i in _ages(tokens, age_words):
            lo, hi = _sentence(tokens, i)
            said = any(t.kind == WORD and t.low in names for t in tokens[lo:hi])
            if said or (single and any(t.kind == WORD and t.low in _PRONOUNS for t in tokens[lo:hi])):
                yield Hit(
                    f'the text gives an age under 18 for "{p.name}", declared minor: false: '
                    "a survivor who was a child at the time of the events is a minor",
                    "set minor: true for this person (and check their consent: a child's needs assent and "
                    "a guardian or welfare authority)",
                    path=("people", p.index, "minor"),
                )
                break


_PRONOUNS = frozenset("she he her him ella él elle il lui ela ele siya niya kanya".split())


def _ages(tokens: tuple[Token, ...], age_words: object) -> Iterator[int]:
    """Indices of numbers under 18 that the text gives as an age."""
    for i, t in enumerate(tokens):
        if t.kind != NUMBER or not t.text.isdigit() or not 1 <= int(t.text) <= 17:
            continue
        before = [x.low for x in tokens[max(0, i - 2) : i] if x.kind == WORD]
        after = [x.low for x in tokens[i + 1 : i + 4] if x.kind in (WORD, PUNCT)]
        if any(w in age_words for w in before[-1:] + after[:2]) or (  # type: ignore[operator]
            before
            and before[-1] in _WAS
            and after
            and (after[0] in _WHEN or after[0] in ("years", "años", "anos", "ans", "taong"))
        ):
            yield i
        elif 1 < i < len(tokens) - 1 and tokens[i - 1].text in ",(" and tokens[i + 1].text in ",)":
            if tokens[i - 2].kind == WORD and tokens[i - 2].cap:
                yield i  # "Asha, 16," or "Asha (16)"


def _sentence(tokens: tuple[Token, ...], i: int) -> tuple[int, int]:
    lo = i
    while (
        lo > 0
        and not (tokens[lo - 1].kind == PUNCT and tokens[lo - 1].text in ".!?")
        and not tokens[lo].starts
    ):
        lo -= 1
    hi = i
    while hi < len(tokens) and not (tokens[hi].kind == PUNCT and tokens[hi].text in ".!?"):
        hi += 1
    return lo, hi


RULES = rules_in(globals())
