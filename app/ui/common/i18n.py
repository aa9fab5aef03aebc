"""Languages: the translator for the chosen language, and vocabulary, dates and numbers as the user reads them.

The stored vocabulary values and the data layer stay in English; only what the window shows is
translated, here, at the edge.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from app.domain import vocab
from app.domain.dates import PartialDate
from app.domain.vocab import LabelledEnum
from app.paths import resources_dir

if TYPE_CHECKING:  # PySide6 types it as returning object; it returns the text it marks

    def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LANGUAGE_KEY = "view/language"
SYSTEM = "system"
# Each language's own name, so a user who cannot read the current one still finds theirs.
LANGUAGES = {"en": "English", "es": "Español"}
TRANSLATION_BASENAME = "policy_tracker"
_INSTALLED: list[QTranslator] = []
_IN_USE = ["en"]  # the language apply_language() last installed

# The vocabulary labels live in app.domain (no Qt there); listing them here lets lupdate extract them.
_VOCABULARY_LABELS = (
    QT_TRANSLATE_NOOP("Vocabulary", "Proposed"),
    QT_TRANSLATE_NOOP("Vocabulary", "Announced"),
    QT_TRANSLATE_NOOP("Vocabulary", "Enacted"),
    QT_TRANSLATE_NOOP("Vocabulary", "In effect"),
    QT_TRANSLATE_NOOP("Vocabulary", "Suspended"),
    QT_TRANSLATE_NOOP("Vocabulary", "Blocked by court"),
    QT_TRANSLATE_NOOP("Vocabulary", "Under litigation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Reinstated"),
    QT_TRANSLATE_NOOP("Vocabulary", "Terminated"),
    QT_TRANSLATE_NOOP("Vocabulary", "Superseded"),
    QT_TRANSLATE_NOOP("Vocabulary", "Expired"),
    QT_TRANSLATE_NOOP("Vocabulary", "Not enacted"),
    QT_TRANSLATE_NOOP("Vocabulary", "US federal"),
    QT_TRANSLATE_NOOP("Vocabulary", "Mexico federal"),
    QT_TRANSLATE_NOOP("Vocabulary", "Texas"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other US state"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bilateral US–Mexico"),
    QT_TRANSLATE_NOOP("Vocabulary", "Multilateral"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    QT_TRANSLATE_NOOP("Vocabulary", "Executive program"),
    QT_TRANSLATE_NOOP("Vocabulary", "Executive order"),
    QT_TRANSLATE_NOOP("Vocabulary", "Regulation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Public-health order"),
    QT_TRANSLATE_NOOP("Vocabulary", "Statute"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bill"),
    QT_TRANSLATE_NOOP("Vocabulary", "State law"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bilateral framework"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bilateral commitment"),
    QT_TRANSLATE_NOOP("Vocabulary", "Funding commitment"),
    QT_TRANSLATE_NOOP("Vocabulary", "Operational measure"),
    QT_TRANSLATE_NOOP("Vocabulary", "Court ruling"),
    QT_TRANSLATE_NOOP("Vocabulary", "News"),
    QT_TRANSLATE_NOOP("Vocabulary", "Government"),
    QT_TRANSLATE_NOOP("Vocabulary", "Court"),
    QT_TRANSLATE_NOOP("Vocabulary", "Legislation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Research / NGO"),
    QT_TRANSLATE_NOOP("Vocabulary", "Opinion"),
    QT_TRANSLATE_NOOP("Vocabulary", "Supersedes"),
    QT_TRANSLATE_NOOP("Vocabulary", "Related to"),
    QT_TRANSLATE_NOOP("Vocabulary", "Conflicts with"),
    QT_TRANSLATE_NOOP("Vocabulary", "Superseded by"),
    QT_TRANSLATE_NOOP("Vocabulary", "Confirmed"),
    QT_TRANSLATE_NOOP("Vocabulary", "Reported"),
    QT_TRANSLATE_NOOP("Vocabulary", "Unconfirmed"),
    QT_TRANSLATE_NOOP("Vocabulary", "Starter data"),
    QT_TRANSLATE_NOOP("Vocabulary", "You"),
    QT_TRANSLATE_NOOP("Vocabulary", "Day"),
    QT_TRANSLATE_NOOP("Vocabulary", "Month"),
    QT_TRANSLATE_NOOP("Vocabulary", "Year"),
)


def label(member: LabelledEnum | str, enum: type[LabelledEnum] | None = None) -> str:
    """A vocabulary member's label in the interface language (a stored value needs its enum)."""
    if enum is not None and not isinstance(member, LabelledEnum):
        member = enum(member)
    text = member.label if isinstance(member, LabelledEnum) else str(member)
    return QCoreApplication.translate("Vocabulary", text)


def relation_phrase(kind: str, outgoing: bool) -> str:
    """How a relation reads from one end ("Supersedes X", "Superseded by X"), in the interface language."""
    return QCoreApplication.translate("Vocabulary", vocab.relation_phrase(kind, outgoing))


def display_date(value: PartialDate | str | None) -> str:
    """A date at the precision known, with the month named in the interface language: "24 Jan 2019".

    Text that is not an ISO date (a timestamp from someone else's bundle, say) is shown as it is.
    """
    if value is None or value == "":
        return ""
    try:
        date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    except ValueError:
        return str(value)
    if date.month is None:
        return str(date.year)
    locale = QLocale()
    month = locale.monthName(date.month, QLocale.FormatType.ShortFormat).rstrip(".")
    if date.day is None:
        return f"{month} {date.year}"
    return locale.toString(QDate(date.year, date.month, date.day), "d MMM yyyy")


def number(value: int) -> str:
    """A count with the interface language's digit grouping: 1,234 or 1.234."""
    return QLocale().toString(value)


def chosen_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, SYSTEM))
    return value if value in LANGUAGES or value == SYSTEM else SYSTEM


def effective_language(choice: str) -> str:
    """The language the interface uses for a choice: the system's, when it is one we have, else English."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def language_in_use() -> str:
    """The language the interface shows now (after --language, or a missing catalogue)."""
    return _IN_USE[0]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def apply_language(app: QCoreApplication, choice: str) -> str:
    """Install the translators for a language choice; return the language now in use.

    English loads a catalogue too: it holds only the English plural forms ("1 note", "3 notes").
    A missing compiled Spanish catalogue leaves the interface in English, and says so in the log.
    """
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()
    language = effective_language(choice)
    ours = QTranslator(app)
    if not ours.load(f"{TRANSLATION_BASENAME}_{language}", str(translations_dir())):
        log.warning("No compiled %s catalogue in %s", language, translations_dir())
        if language != "en":
            return apply_language(app, "en")
    else:
        app.installTranslator(ours)
        _INSTALLED.append(ours)
    QLocale.setDefault(_locale_for(language))
    _IN_USE[0] = language
    if language != "en":
        qt_own = QTranslator(app)  # the standard buttons and dialogs Qt itself draws
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _INSTALLED.append(qt_own)
    return language


def _locale_for(language: str) -> QLocale:
    """The system's own locale when it speaks the language (en_GB dates, es_MX numbers), else a default."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    if language == "es":
        return QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
