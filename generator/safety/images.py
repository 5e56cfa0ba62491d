"""Family 10: images. A photo can identify a child faster than any sentence, and a photo file can
carry far more than its pixels (GPS position, the camera owner's name, an uncropped thumbnail).

These rules check what the writer declared; `generator.render.images` re-encodes what is published and
`generator.safety.image_metadata` proves the published files clean.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator

from generator.content.model import Story
from generator.render.images import NOT_A_PHOTO_OF_ANYONE, ImageProblem, load_source_image
from generator.safety.detect.tokens import WORD, tokenize
from generator.safety.detect.vocab import load_vocabulary
from generator.safety.image_metadata import FormatProblem, layout
from generator.safety.registry import ANY, ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "10 Images"
SAFE_FOR_MINORS = ("back", "silhouette", "hands", "stock", "illustration")
_PLACEHOLDER_ALT = {
    "image",
    "an image",
    "the image",
    "photo",
    "a photo",
    "the photo",
    "photograph",
    "picture",
    "a picture",
    "the picture",
    "pic",
    "img",
    "alt",
    "alt text",
    "untitled",
    "placeholder",
    "graphic",
    "illustration",
    "an illustration",
    "stock photo",
    "stock image",
    "screenshot",
    "thumbnail",
    "banner",
    "hero",
    "hero image",
    "featured image",
    "header image",
    "cover",
    "cover image",
    "todo",
    "tbd",
    "tk",
    "x",
    "none",
    "n/a",
    "-",
}
_FILE_LIKE = re.compile(
    r"\.(?:jpe?g|png|webp|gif|heic|heif|tiff?|bmp|avif)\s*$"  # ends in an image extension
    r"|^(?:img|dsc|dscn|dcim|pxl|mvimg|wp|whatsapp image|screenshot|photo|image)[\s_-]*\d"  # camera names
    r"|^[\w.-]*[_\d][\w.-]*$",  # one "word" with underscores or digits: hands_01, 2024-05-01
    re.IGNORECASE,
)
_BODY_IMAGE = re.compile(r"!\[[^\]\n]*\]\s*[(\[]|<\s*img\b", re.IGNORECASE)


def _stem_words(src: str) -> str:
    return re.sub(r"[\s_.-]+", " ", pathlib.PurePosixPath(src.strip()).stem).strip().lower()


@story_rule(
    "IMG-MISSING",
    ERROR,
    family=FAMILY,
    title="an image that cannot be found or read",
    source="SPEC family 10; safeguarding IM-01",
)
def missing(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Every image a story declares is a readable picture (JPEG, PNG, WebP…) inside content/. A
    path that climbs out of content/ (`..`, an absolute path, %-encoded tricks, a link to a file
    elsewhere) is refused, so a story can never publish a file from elsewhere on the computer."""
    for ref in story.images:
        try:
            load_source_image(ctx.config.content_dir, ref.src)
        except ImageProblem as p:
            yield Hit(p.message, p.fix, path=(*ref.path, "src"))


@story_rule(
    "IMG-ALT",
    ERROR,
    family=FAMILY,
    title="an image without a real description",
    source="WCAG 2.2 SC 1.1.1; safeguarding IM-02",
)
def alt_text(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Every image has alt text that says what the picture shows, for readers who cannot see it. A
    placeholder ("image", "photo") or a file name ("IMG_2034.jpg") tells them nothing, and a file
    name may itself identify someone."""
    for ref in story.images:
        alt = " ".join(ref.alt.split())
        plain = alt.lower().strip(" .!")
        if not alt:
            yield Hit(
                "the image has no alt text",
                "write what the picture shows, e.g. alt: Two hands holding a cup of tea",
                path=(*ref.path, "alt"),
            )
        elif plain in _PLACEHOLDER_ALT or _FILE_LIKE.search(alt) or plain == _stem_words(ref.src):
            yield Hit(
                f'the alt text "{alt}" does not describe the picture',
                "write what the picture shows for someone who cannot see it, e.g. alt: Two hands "
                "holding a cup of tea (describe the scene, never features that would let someone recognise a person)",
                path=(*ref.path, "alt"),
            )


@story_rule(
    "IMG-MINOR-IDENTIFIABLE",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a picture that could identify a child",
    source="UNICEF guideline 3, POCSO s.23, JJ Act s.74; safeguarding IM-05; Operation Vico (2007)",
)
def minor_identifiable(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """In a story about a survivor who was a child, no image may be marked identifiable, and each
    must be one that shows no one recognisable: taken from behind, in silhouette, of hands only, a
    stock photo or an illustration. Blurring or pixelating a face is not accepted: it can be undone,
    and hair, clothes, tattoos and the place still show."""
    if not story.has_minor_survivor:
        return
    for ref in story.images:
        if ref.identifiable:
            yield Hit(
                "this story is about a survivor who was a child, so its images cannot be identifiable",
                "use a picture in which no one can be recognised (from behind, in silhouette, hands only, "
                "a stock photo or an illustration) and set identifiable: false",
                path=(*ref.path, "identifiable"),
            )
        if ref.treatment not in SAFE_FOR_MINORS:
            yield Hit(
                f"this story is about a survivor who was a child, so treatment: {ref.treatment} is not enough",
                "use a picture taken from behind, in silhouette or of hands only, or a stock photo or an "
                "illustration, and set treatment to back, silhouette, hands, stock or illustration "
                "(blurring or pixelating a face does not count)",
                path=(*ref.path, "treatment"),
            )


@story_rule(
    "IMG-STOCK-CAPTION",
    WARNING,
    family=FAMILY,
    title="a stock photo or illustration passed off as real",
    source="Dignified Storytelling 2024, UNICEF guideline 2; safeguarding IM-09",
)
def stock_caption(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A stock photo or an illustration is captioned as such ("Illustration, not the survivor."), so
    readers do not take a model or a drawing for the survivor, and no one mistakes the person in a
    stock photo for someone in the story. Without a caption the generator adds that one; a caption
    the writer gave must say it too, in any language the detectors read: a word of
    `illustration_words` ("Ilustración", "photo d'illustration", "posed by a model"), or a negation a
    few words before a word for a person (`negations`, `people_nouns`: "no es la persona de esta
    historia", "hindi ang bata sa kuwento"), not a "no longer" (`no_longer_words`: "No longer the
    frightened girl…" is a photo of her)."""
    for ref in story.images:
        if ref.treatment not in NOT_A_PHOTO_OF_ANYONE:
            continue
        kind = "stock photo" if ref.treatment == "stock" else "illustration"
        example = (
            '"Stock photo posed by a model."'
            if ref.treatment == "stock"
            else '"Illustration, not the survivor."'
        )
        caption = (ref.caption or "").strip()
        if caption and not _says_no_one_here(caption, story, ctx):
            yield Hit(
                f"the caption does not say this is {'a' if ref.treatment == 'stock' else 'an'} {kind}, so readers may take it for the survivor",
                f"say so in the caption, e.g. {example}",
                path=(*ref.path, "caption"),
            )


def _says_no_one_here(caption: str, story: Story, ctx: StoryContext) -> bool:
    """The caption says the picture shows nobody in the story, in any language the site reads: a word
    of `illustration_words` ("Illustration", "Ilustración", "foto de archivo", "posed by a model"), or a
    negation a few words before a word for a person ("not the survivor", "no es la persona de esta
    historia", "hindi ang bata sa kuwento"), with no word of `no_longer_words` ("no longer", "ya no")."""
    site = ctx.extras.get("site_knowledge")
    vocab = site.vocab if site is not None else load_vocabulary()[0]
    low = [t.low for t in tokenize(caption).items if t.kind == WORD]
    said, negations = vocab["illustration_words"], vocab["negations"]
    if any(said.match(low, i) for i in range(len(low))):
        return True
    # A denial names nobody and is no "no longer": "No longer the frightened girl…: Priti at her class"
    # is a photo of her, captioned as one
    text = " ".join(low)
    no_longer = vocab["no_longer_words"]
    if any(p.name.casefold() in text for p in story.people) or any(w in no_longer for w in low):
        return False
    people = vocab["people_nouns"] | vocab["child_words"]
    return any(
        negations.match(low, i) and any(people.match(low, k) for k in range(i + 1, min(i + 4, len(low))))
        for i in range(len(low))
    )


@story_rule(
    "IMG-BODY",
    ERROR,
    family=FAMILY,
    title="a picture placed in the text, unchecked",
    source="SPEC family 10; safeguarding IM-01",
)
def body_image(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Pictures are declared in the front matter (src, alt, identifiable, treatment) so every rule
    above can check them and the build can strip their metadata. A Markdown image `![…](…)` or an
    `<img>` tag in the text would bypass all of that, so it is refused."""
    if "![" not in ctx.visible and "<" not in ctx.visible:
        return  # every match of _BODY_IMAGE starts with one of them; most stories have neither
    for m in _BODY_IMAGE.finditer(ctx.visible):
        line_end = ctx.visible.find("\n", m.start())
        shown = ctx.visible[m.start() : line_end if line_end >= 0 else None][:40].strip()
        yield Hit(
            f'a picture is placed in the text ("{shown}"); pictures must be declared in the front matter',
            "remove it from the text and declare it under image: with src, alt, identifiable and treatment",
            offset=m.start(),
        )


@story_rule(
    "IMG-TRAILING",
    WARNING,
    family=FAMILY,
    title="hidden data after the end of a picture",
    source="aCropalypse, CVE-2023-21036 and CVE-2023-28303; safeguarding IM-04",
)
def trailing(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Some editing tools leave the original picture's bytes after the end of a cropped or marked-up
    one, so what was cut out can be recovered. The published copy is always re-encoded and never
    carries them, but the original file does: this says so, so it is not shared elsewhere."""
    for ref in story.images:
        try:
            data = load_source_image(ctx.config.content_dir, ref.src).data
            end = layout(data).end
        except (ImageProblem, FormatProblem):
            continue  # IMG-MISSING reports unreadable pictures; a format without an end marker has no tail
        if end < len(data):
            extra = len(data) - end
            yield Hit(
                f'"{ref.src.strip()}" has {extra:,} hidden bytes after the end of the picture (perhaps an '
                "earlier, uncropped version); they are left out of the published copy",
                "nothing to do for the website; do not share the original file elsewhere, or re-export it "
                "from an image editor to be sure",
                path=(*ref.path, "src"),
            )


RULES = rules_in(globals())
