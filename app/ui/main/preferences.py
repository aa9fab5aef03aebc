"""Edit ▸ Preferences: the interface language, the look, and the author named on briefings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.i18n import (
    LANGUAGE_KEY,
    LANGUAGES,
    SYSTEM,
    chosen_language,
    effective_language,
    language_in_use,
)
from app.ui.common.theme import THEME_KEY, THEMES
from app.ui.transfer.export_settings import AUTHOR_KEY, ORGANISATION_KEY


class PreferencesDialog(QDialog):
    """The choices are saved on OK; a new language shows from the next start, as the dialog says."""

    def __init__(self, parent: QWidget | None, settings: QSettings, set_theme: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.settings = settings
        self._set_theme = set_theme
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        system_name = LANGUAGES[effective_language(SYSTEM)]
        self.language_combo.addItem(
            self.tr("System language ({language})").format(language=system_name), SYSTEM
        )
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(chosen_language(settings)), 0))
        self.language_combo.currentIndexChanged.connect(lambda _index: self._update_note())

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for key, name in THEMES.items():
            self.theme_combo.addItem(QCoreApplication.translate("Theme", name), key)
        theme = str(settings.value(THEME_KEY, SYSTEM))
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(theme), 0))

        form = QFormLayout()
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        theme_label = QLabel(self.tr("&Theme:"))
        theme_label.setBuddy(self.theme_combo)
        form.addRow(language_label, self.language_combo)
        form.addRow(theme_label, self.theme_combo)
        # Printed in the title block of every briefing (never the workspace's file name).
        self.author_edit = QLineEdit(str(settings.value(AUTHOR_KEY, "") or ""))
        self.author_edit.setPlaceholderText(self.tr("Your name, for the title block of briefings"))
        self.organisation_edit = QLineEdit(str(settings.value(ORGANISATION_KEY, "") or ""))
        self.organisation_edit.setPlaceholderText(self.tr("Optional"))
        author_label = QLabel(self.tr("&Author:"))
        author_label.setBuddy(self.author_edit)
        organisation_label = QLabel(self.tr("&Organisation:"))
        organisation_label.setBuddy(self.organisation_edit)
        form.addRow(author_label, self.author_edit)
        form.addRow(organisation_label, self.organisation_edit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # drawn muted: a remark, not a control
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._language_in_use = language_in_use()
        self._update_note()
        self.resize(420, self.sizeHint().height())

    def chosen(self) -> tuple[str, str]:
        """(language choice, theme) as picked in the dialog."""
        return str(self.language_combo.currentData()), str(self.theme_combo.currentData())

    def _update_note(self) -> None:
        language = effective_language(self.chosen()[0])
        if language == self._language_in_use:
            self.note.clear()
            self.note.hide()
            return
        self.note.setText(
            self.tr("Policy Tracker will show {language} the next time it starts.").format(
                language=LANGUAGES[language]
            )
        )
        self.note.show()

    def accept(self) -> None:
        language, theme = self.chosen()
        self.settings.setValue(LANGUAGE_KEY, language)
        self.settings.setValue(AUTHOR_KEY, " ".join(self.author_edit.text().split()))
        self.settings.setValue(ORGANISATION_KEY, " ".join(self.organisation_edit.text().split()))
        self._set_theme(theme)
        self.settings.sync()
        super().accept()
