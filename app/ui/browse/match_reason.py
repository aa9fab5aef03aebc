"""Why a policy is in the search results, in words: "In a note: …the Mérida Initiative…"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.domain.bidi import isolate
from app.domain.search import search_words
from app.services.details import MATCH_END, MATCH_START, MatchReason
from app.ui.common.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.services.workspace import Workspace

# (kind of entry, field) -> how the reason starts; the snippet follows.
_WHERE = {
    ("policy", "title"): QT_TRANSLATE_NOOP("MatchReason", "In the title or another name: {snippet}"),
    ("policy", "body"): QT_TRANSLATE_NOOP("MatchReason", "In the summary or details: {snippet}"),
    ("event", "body"): QT_TRANSLATE_NOOP("MatchReason", "In the history: {snippet}"),
    ("source", "title"): QT_TRANSLATE_NOOP("MatchReason", "In a source’s title: {snippet}"),
    ("source", "body"): QT_TRANSLATE_NOOP("MatchReason", "In a source: {snippet}"),
    ("excerpt", "body"): QT_TRANSLATE_NOOP("MatchReason", "In a source: {snippet}"),
    ("note", "title"): QT_TRANSLATE_NOOP("MatchReason", "In a note’s quoted passage: {snippet}"),
    ("note", "body"): QT_TRANSLATE_NOOP("MatchReason", "In a note: {snippet}"),
}


def plain_snippet(reason: MatchReason) -> str:
    """The snippet as plain text, the matched words in «guillemets» so a tooltip can show them."""
    return reason.snippet.replace(MATCH_START, "«").replace(MATCH_END, "»")


def describe(reason: MatchReason) -> str:
    """One line saying where the search matched, with the words around the match."""
    where = _WHERE.get((reason.kind, reason.field), _WHERE[("policy", "body")])
    return QCoreApplication.translate("MatchReason", where).format(snippet=isolate(plain_snippet(reason)))


def explainer(workspace: Workspace, search: str) -> Callable[[str], str] | None:
    """What the list asks, for a policy id, to say why it matches `search`; None with no search."""
    if not search_words(search):
        return None

    def explain(policy_id: str) -> str:
        from app.services.integrity import ReadError
        from app.services.policies import match_reason

        try:
            reason = match_reason(workspace, search, policy_id)
        except ReadError:  # damaged pages: the tooltip goes without; reading the policy says so
            return ""
        return describe(reason) if reason else ""

    return explain
