"""File ▸ Import: what the file would add, update or overwrite, shown before anything is written."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from app.errors import UserError
from app.services.importing import preview_import, run_import

if TYPE_CHECKING:
    from app.services.bundle_import import ImportReport
    from app.ui.main.window_context import WindowContext


class ImportDialog(QDialog):
    def __init__(self, context: WindowContext, path: Path) -> None:
        super().__init__(context.dialog_parent())
        self.context = context
        self.path = path
        self.setWindowTitle(self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.conflicts = QListWidget()
        self.conflicts.setAccessibleName(self.tr("Entries you changed more recently"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self.error = ""
        try:
            report = preview_import(context.workspace, path)
        except UserError as error:
            self.error = str(error)
            self.summary.setText(
                self.tr("<b>This file cannot be imported.</b><br>{error}").format(error=escape(self.error))
            )
            self.import_button.setEnabled(False)
            self.conflicts.hide()
            return
        self.summary.setText(
            self.tr("Importing <b>{file}</b> will change this workspace: {summary}.").format(
                file=escape(path.name), summary=escape(self.describe(report))
            )
        )
        self.conflicts.addItems(
            [self.tr("Replaces your newer version of {entry}").format(entry=c) for c in report.conflicts]
        )
        self.conflicts.setVisible(bool(report.conflicts))
        nothing = not report.added and not report.updated
        self.import_button.setEnabled(not nothing)
        if nothing:
            self.summary.setText(
                self.tr("<b>{file}</b> holds nothing that this workspace does not have already.").format(
                    file=escape(path.name)
                )
            )

    def describe(self, report: ImportReport) -> str:
        """What an import adds and updates, in the interface language (ImportReport.summary is English)."""

        def counts(kinds: dict[str, int]) -> str:
            named = {
                "policies": lambda n: self.tr("%Ln policies", "", n),
                "events": lambda n: self.tr("%Ln status events", "", n),
                "sources": lambda n: self.tr("%Ln sources", "", n),
                "excerpts": lambda n: self.tr("%Ln excerpts", "", n),
                "notes": lambda n: self.tr("%Ln notes", "", n),
                "relations": lambda n: self.tr("%Ln relations", "", n),
                "figures": lambda n: self.tr("%Ln figures", "", n),
            }
            parts = [named[k](n) if k in named else f"{n} {k}" for k, n in sorted(kinds.items())]
            return ", ".join(parts) or self.tr("nothing")

        text = self.tr("added {added}; updated {updated}").format(
            added=counts(report.added), updated=counts(report.updated)
        )
        if report.conflicts:
            more_recent = self.tr(
                "%Ln changed here more recently than in the file", "", len(report.conflicts)
            )
            text += "; " + more_recent
        return text

    def run(self) -> None:
        try:
            report = run_import(self.context.workspace, self.path)
        except UserError as error:
            self.summary.setText(
                self.tr("<b>Nothing was imported.</b><br>{error}").format(error=escape(str(error)))
            )
            return
        from app.services.operations import Changes

        self.context.events.changed.emit(Changes.all())
        self.context.report(
            self.tr("Imported {file}: {summary}").format(file=self.path.name, summary=self.describe(report)),
            15_000,
        )
        self.accept()
