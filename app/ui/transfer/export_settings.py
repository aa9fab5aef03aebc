"""What an export remembers between runs, in the same settings the window keeps (QtCore only).

The author and organisation come from Preferences; the dialog's last format, folder and options
are kept too. The command line reads the author, organisation and language from here when its
options leave them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

AUTHOR_KEY = "export/author"
ORGANISATION_KEY = "export/organisation"
FORMAT_KEY = "export/format"
FOLDER_KEY = "export/folder"
LENGTH_KEY = "export/length"
PAGE_SIZE_KEY = "export/pageSize"
NOTES_KEY = "export/includeNotes"


def app_settings() -> QSettings:
    """The window's settings, also when no QCoreApplication has named the organisation yet."""
    return QSettings("policy-tracker", "Policy Tracker")


@dataclass(frozen=True)
class ExportDefaults:
    author: str
    organisation: str
    language: str  # en or es


def export_defaults(settings: QSettings | None = None) -> ExportDefaults:
    from app.ui.common.i18n import chosen_language, effective_language

    settings = settings if settings is not None else app_settings()
    return ExportDefaults(
        str(settings.value(AUTHOR_KEY, "") or ""),
        str(settings.value(ORGANISATION_KEY, "") or ""),
        effective_language(chosen_language(settings)),
    )
