"""Enums of the graph model, as GraphQL enums."""

from __future__ import annotations

from enum import Enum

import strawberry

__all__ = ["ActorKind", "MeetingMode", "MeetingStatus"]


@strawberry.enum(description="What kind of actor this is.")
class ActorKind(Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    MEDIA = "MEDIA"


@strawberry.enum(description="How a meeting took place.")
class MeetingMode(Enum):
    IN_PERSON = "IN_PERSON"
    PHONE = "PHONE"
    VIDEO = "VIDEO"
    UNKNOWN = "UNKNOWN"


@strawberry.enum(description="Whether a meeting happened, is scheduled, or was only proposed.")
class MeetingStatus(Enum):
    HELD = "HELD"
    PLANNED = "PLANNED"
    PROPOSED = "PROPOSED"
