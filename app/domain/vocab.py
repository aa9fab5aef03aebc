"""Controlled vocabularies: one value (stored) and one label (shown) per member."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a human label."""

    label: str

    # `label` has a default only for type checkers: Status("enacted") looks a member up, and they
    # take the call's signature from __new__. Every member is declared with its label.
    def __new__(cls, value: str, label: str = "") -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept the stored value, the label, or a loose spelling of either."""
        wanted = _loose(text)
        for member in cls:
            if wanted in (_loose(member.value), _loose(member.label)):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"“{text}” is not one of: {choices}")


def _loose(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class Status(LabelledEnum):
    PROPOSED = "proposed", "Proposed"
    ANNOUNCED = "announced", "Announced"
    ENACTED = "enacted", "Enacted"
    IN_EFFECT = "in_effect", "In effect"
    SUSPENDED = "suspended", "Suspended"
    BLOCKED_BY_COURT = "blocked_by_court", "Blocked by court"
    UNDER_LITIGATION = "under_litigation", "Under litigation"
    REINSTATED = "reinstated", "Reinstated"
    TERMINATED = "terminated", "Terminated"
    SUPERSEDED = "superseded", "Superseded"
    EXPIRED = "expired", "Expired"
    NOT_ENACTED = "not_enacted", "Not enacted"


class Jurisdiction(LabelledEnum):
    US_FEDERAL = "us_federal", "US federal"
    MEXICO_FEDERAL = "mexico_federal", "Mexico federal"
    TEXAS = "texas", "Texas"
    OTHER_US_STATE = "other_us_state", "Other US state"
    BILATERAL_US_MEXICO = "bilateral_us_mexico", "Bilateral US–Mexico"
    MULTILATERAL = "multilateral", "Multilateral"
    OTHER = "other", "Other"


class PolicyKind(LabelledEnum):
    EXECUTIVE_PROGRAM = "executive_program", "Executive program"
    EXECUTIVE_ORDER = "executive_order", "Executive order"
    REGULATION = "regulation", "Regulation"
    PUBLIC_HEALTH_ORDER = "public_health_order", "Public-health order"
    STATUTE = "statute", "Statute"
    BILL = "bill", "Bill"
    STATE_LAW = "state_law", "State law"
    BILATERAL_FRAMEWORK = "bilateral_framework", "Bilateral framework"
    BILATERAL_COMMITMENT = "bilateral_commitment", "Bilateral commitment"
    FUNDING_COMMITMENT = "funding_commitment", "Funding commitment"
    OPERATIONAL_MEASURE = "operational_measure", "Operational measure"
    COURT_RULING = "court_ruling", "Court ruling"
    OTHER = "other", "Other"


class SourceKind(LabelledEnum):
    NEWS = "news", "News"
    GOVERNMENT = "government", "Government"
    COURT = "court", "Court"
    LEGISLATION = "legislation", "Legislation"
    RESEARCH_NGO = "research_ngo", "Research / NGO"
    OPINION = "opinion", "Opinion"


class Confidence(LabelledEnum):
    """How well a status event is established by its sources."""

    CONFIRMED = "confirmed", "Confirmed"  # by a primary source: a court, an agency, a statute
    REPORTED = "reported", "Reported"  # by secondary sources only (news, NGOs, law firms)
    UNCONFIRMED = "unconfirmed", "Unconfirmed"  # claimed or declared but not confirmed, or contested


# Source kinds that are primary sources: an event citing one is confirmed unless told otherwise.
PRIMARY_SOURCE_KINDS = frozenset({"government", "court", "legislation"})


def default_confidence(cited_source_kinds: Iterable[str]) -> Confidence:
    """An event's confidence when none is given: confirmed if it cites a primary source, else reported."""
    if any(kind in PRIMARY_SOURCE_KINDS for kind in cited_source_kinds):
        return Confidence.CONFIRMED
    return Confidence.REPORTED


class RelationKind(LabelledEnum):
    SUPERSEDES = "supersedes", "Supersedes"
    RELATED_TO = "related_to", "Related to"
    CONFLICTS_WITH = "conflicts_with", "Conflicts with"


class Origin(LabelledEnum):
    STARTER = "starter", "Starter data"
    USER = "user", "You"


def relation_phrase(kind: str, outgoing: bool) -> str:
    """How a relation reads from one end: "Supersedes X", or from the other, "Superseded by X"."""
    if kind == RelationKind.SUPERSEDES and not outgoing:
        return "Superseded by"
    return RelationKind(kind).label


class ChangeKind(LabelledEnum):
    """The kinds of entry the change history records (a citation is part of its event, a source's
    links to policies part of the source)."""

    POLICY = "policy", "Policy"
    EVENT = "event", "Status event"
    SOURCE = "source", "Source"
    EXCERPT = "excerpt", "Excerpt"
    NOTE = "note", "Note"
    RELATION = "relation", "Relation"
    FIGURE = "figure", "Figure"


# What made a change: a person's edit, taking one back or doing it again, the starter data, or an
# import (recorded as "import NAME", NAME the file's name).
CHANGE_SOURCES = ("edit", "undo", "redo", "starter data")
IMPORT_SOURCE_PREFIX = "import "


def is_change_source(text: str) -> bool:
    """Whether `text` says what made a change, in the words the change history keeps."""
    return text in CHANGE_SOURCES or (
        text.startswith(IMPORT_SOURCE_PREFIX) and len(text) > len(IMPORT_SOURCE_PREFIX)
    )
