"""Controlled vocabularies: one value (stored) and one label (shown) per member."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from app.messages import N_, _


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

    def shown(self) -> str:
        """The label in the language of the messages (the stored value and `label` stay English)."""
        return _(self.label)

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept the stored value, the label, or a loose spelling of either."""
        wanted = _loose(text)
        for member in cls:
            if wanted in (_loose(member.value), _loose(member.label)):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(_("“{text}” is not one of: {choices}").format(text=text, choices=choices))


def _loose(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class Status(LabelledEnum):
    PROPOSED = "proposed", N_("Proposed")
    ANNOUNCED = "announced", N_("Announced")
    ENACTED = "enacted", N_("Enacted")
    IN_EFFECT = "in_effect", N_("In effect")
    SUSPENDED = "suspended", N_("Suspended")
    BLOCKED_BY_COURT = "blocked_by_court", N_("Blocked by court")
    UNDER_LITIGATION = "under_litigation", N_("Under litigation")
    REINSTATED = "reinstated", N_("Reinstated")
    TERMINATED = "terminated", N_("Terminated")
    SUPERSEDED = "superseded", N_("Superseded")
    EXPIRED = "expired", N_("Expired")
    NOT_ENACTED = "not_enacted", N_("Not enacted")


class Jurisdiction(LabelledEnum):
    US_FEDERAL = "us_federal", N_("US federal")
    MEXICO_FEDERAL = "mexico_federal", N_("Mexico federal")
    TEXAS = "texas", N_("Texas")
    OTHER_US_STATE = "other_us_state", N_("Other US state")
    BILATERAL_US_MEXICO = "bilateral_us_mexico", N_("Bilateral US–Mexico")
    MULTILATERAL = "multilateral", N_("Multilateral")
    OTHER = "other", N_("Other")


class PolicyKind(LabelledEnum):
    EXECUTIVE_PROGRAM = "executive_program", N_("Executive program")
    EXECUTIVE_ORDER = "executive_order", N_("Executive order")
    REGULATION = "regulation", N_("Regulation")
    PUBLIC_HEALTH_ORDER = "public_health_order", N_("Public-health order")
    STATUTE = "statute", N_("Statute")
    BILL = "bill", N_("Bill")
    STATE_LAW = "state_law", N_("State law")
    BILATERAL_FRAMEWORK = "bilateral_framework", N_("Bilateral framework")
    BILATERAL_COMMITMENT = "bilateral_commitment", N_("Bilateral commitment")
    FUNDING_COMMITMENT = "funding_commitment", N_("Funding commitment")
    OPERATIONAL_MEASURE = "operational_measure", N_("Operational measure")
    COURT_RULING = "court_ruling", N_("Court ruling")
    OTHER = "other", N_("Other")


class SourceKind(LabelledEnum):
    NEWS = "news", N_("News")
    GOVERNMENT = "government", N_("Government")
    COURT = "court", N_("Court")
    LEGISLATION = "legislation", N_("Legislation")
    RESEARCH_NGO = "research_ngo", N_("Research / NGO")
    OPINION = "opinion", N_("Opinion")


class Confidence(LabelledEnum):
    """How well a status event is established by its sources."""

    CONFIRMED = "confirmed", N_("Confirmed")  # by a primary source: a court, an agency, a statute
    REPORTED = "reported", N_("Reported")  # by secondary sources only (news, NGOs, law firms)
    UNCONFIRMED = "unconfirmed", N_("Unconfirmed")  # claimed or declared but not confirmed, or contested


# Source kinds that are primary sources: an event citing one is confirmed unless told otherwise.
PRIMARY_SOURCE_KINDS = frozenset({"government", "court", "legislation"})


def default_confidence(cited_source_kinds: Iterable[str]) -> Confidence:
    """An event's confidence when none is given: confirmed if it cites a primary source, else reported."""
    if any(kind in PRIMARY_SOURCE_KINDS for kind in cited_source_kinds):
        return Confidence.CONFIRMED
    return Confidence.REPORTED


class RelationKind(LabelledEnum):
    SUPERSEDES = "supersedes", N_("Supersedes")
    RELATED_TO = "related_to", N_("Related to")
    CONFLICTS_WITH = "conflicts_with", N_("Conflicts with")


# Relations that read the same from either end: "A related to B" is "B related to A".
SYMMETRIC_RELATIONS = frozenset({RelationKind.RELATED_TO.value, RelationKind.CONFLICTS_WITH.value})


class Origin(LabelledEnum):
    STARTER = "starter", N_("Starter data")
    USER = "user", N_("You")


def relation_phrase(kind: str, outgoing: bool) -> str:
    """How a relation reads from one end: "Supersedes X", or from the other, "Superseded by X"."""
    if kind == RelationKind.SUPERSEDES and not outgoing:
        return N_("Superseded by")
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
