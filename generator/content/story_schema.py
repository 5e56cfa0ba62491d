"""The story and page front-matter schemas (SPEC section 3: these field names are a contract)."""

from __future__ import annotations

from generator.config.schema import BOOL, DATE, INT, MOMENT, TEXT, Field, Schema, enum, list_of, obj

ROLES = ("survivor", "relative", "accused", "staff", "official", "partner", "supporter")
NAME_TYPES = ("pseudonym", "real", "withheld")
STATUSES = ("draft", "review", "published", "withdrawn")
GIVERS = ("survivor", "guardian", "welfare_authority")
CHANNELS = ("web", "feed", "social", "photo")
TREATMENTS = ("back", "silhouette", "hands", "stock", "illustration", "none")

PERSON = {
    "name": Field(TEXT, required=True, help="as printed in the text"),
    "role": Field(enum(*ROLES), required=True),
    "name_type": Field(enum(*NAME_TYPES), required=True),
    "minor": Field(BOOL, help="true if a minor at the time of the events"),
    "consent": Field(TEXT, help="the id of an entry under consent"),
    "relation_to": Field(TEXT, help="the name of the person this one is related to"),
    "relation": Field(TEXT, help="the kind of relation, e.g. mother"),
    "accused": Field(BOOL),
    "guardian": Field(BOOL, help="true if this person is the survivor's legal guardian"),
    "written_authorisation": Field(
        TEXT, help="reference of the survivor's signed authorisation to print their real name"
    ),
}

CONSENT = {
    "id": Field(TEXT, required=True),
    "record": Field(TEXT, required=True, help="reference to the record kept offline, never the form itself"),
    "given_by": Field(list_of(enum(*GIVERS)), required=True),
    "date": Field(DATE, required=True),
    "scope": Field(list_of(enum(*CHANNELS)), required=True),
    "expires": Field(DATE, required=True),
    "withdrawn": Field(BOOL),
    "guardian": Field(TEXT, help="the name (as in people) of the guardian who consented"),
}

REVIEW = {
    "reviewer": Field(TEXT, required=True),
    "date": Field(DATE, required=True),
    "text_hash": Field(TEXT, required=True),
    "signature": Field(TEXT, help="written by impactsite approve --sign"),
}

IMAGE = {
    "src": Field(TEXT, required=True, help="path under content/, e.g. images/hands.jpg"),
    "alt": Field(TEXT, required=True, help="what the picture shows, for people who cannot see it"),
    "identifiable": Field(BOOL, required=True),
    "treatment": Field(enum(*TREATMENTS), required=True),
    "caption": Field(TEXT),
    "subjects": Field(list_of(TEXT)),
}

WAIVER = {
    "rule": Field(TEXT, required=True),
    "tokens": Field(list_of(TEXT), help="which warnings were accepted; written by impactsite approve"),
    "reviewer": Field(TEXT, required=True),
    "date": Field(DATE),
    "reason": Field(TEXT, required=True),
    "signature": Field(TEXT, help="written by impactsite approve --sign"),
}

STORY = Schema(
    "the story's front matter",
    {
        "title": Field(TEXT, required=True),
        "date": Field(DATE, required=True),
        "updated": Field(DATE),
        "author": Field(TEXT, required=True, help="your staff handle"),
        "summary": Field(TEXT, required=True),
        "location": Field(TEXT),
        "region": Field(TEXT),
        "tags": Field(list_of(TEXT, allow_single=True)),
        "status": Field(enum(*STATUSES), required=True),
        "publish_on": Field(MOMENT),
        "unpublish_on": Field(MOMENT),
        "people": Field(list_of(obj(PERSON, "a person"))),
        "consent": Field(list_of(obj(CONSENT, "a consent record"))),
        "review": Field(obj(REVIEW, "the review")),
        "image": Field(obj(IMAGE, "an image")),
        "images": Field(list_of(obj(IMAGE, "an image"))),
        "waivers": Field(list_of(obj(WAIVER, "a waiver"))),
        "aliases": Field(list_of(TEXT, allow_single=True), help="old URLs that should redirect here"),
        "slug": Field(TEXT),
        "internal_notes": Field(TEXT, help="never published"),
    },
)

PAGE = Schema(
    "the page's front matter",
    {
        "title": Field(TEXT, required=True),
        "summary": Field(TEXT),
        "slug": Field(TEXT),
        "nav_order": Field(INT),
        "noindex": Field(BOOL),
        "author": Field(TEXT, help="your staff handle"),
        "review": Field(obj(REVIEW, "the review")),
        "waivers": Field(list_of(obj(WAIVER, "a waiver"))),
        "internal_notes": Field(TEXT),
    },
)
