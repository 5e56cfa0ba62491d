"""The story and page front-matter schemas (SPEC section 3: these field names are a contract).

Declared once, on the model (content/model.py); here they are worked out once for every story.
"""

from __future__ import annotations

import typing

from generator.config.declare import Group
from generator.content.model import Channel, Giver, NameType, Page, Role, Status, Story, Treatment

ROLES: tuple[str, ...] = typing.get_args(Role)
NAME_TYPES: tuple[str, ...] = typing.get_args(NameType)
STATUSES: tuple[str, ...] = typing.get_args(Status)
GIVERS: tuple[str, ...] = typing.get_args(Giver)
CHANNELS: tuple[str, ...] = typing.get_args(Channel)
TREATMENTS: tuple[str, ...] = typing.get_args(Treatment)

STORY = Group.of(Story)
PAGE = Group.of(Page)
