"""File ▸ Export: scope, format, options and a preview; the export runs off the GUI thread."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.export.briefing import FORMATS, Briefing, ExportCancelled, build_briefing
from app.export.run import ExportRequest, run_export, target_with_extension
from app.services.integrity import ReadError, translate_sqlite_error
from app.services.workspace import Workspace
from app.ui import i18n
from app.ui.dialogs.files import choose_file
from app.ui.export_settings import (
    FOLDER_KEY,
    FORMAT_KEY,
    LENGTH_KEY,
    NOTES_KEY,
    PAGE_SIZE_KEY,
    export_defaults,
)

if TYPE_CHECKING:
    from app.ui.window_context import WindowContext

PREVIEW_POLICIES = 2  # drawn in the preview; the title, table and contents still count them all
PREVIEW_CHARS = 6000  # of a text format's output
log = logging.getLogger(__name__)


class ExportWorker(QObject):
    """Runs one export in a worker thread, on its own connection to the workspace."""

    progress = Signal(int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: Path, request: ExportRequest) -> None:
        super().__init__()
        self.path, self.request = path, request
        self.stop = threading.Event()

    def run(self) -> None:
        from app.export.pdf import write_pdf
        from app.ui.pictures import svg_to_png

        workspace = Workspace(self.path)  # sqlite3 connections belong to the thread that made them
        try:
            written = run_export(
                workspace, self.request, pdf_writer=write_pdf, rasterize=svg_to_png, progress=self._progress
            )
        except ExportCancelled:
            self.cancelled.emit()
        except (UserError, OSError, ValueError) as error:
            self.failed.emit(str(error))
        except ReadError as error:  # a damaged page met while reading
            self.failed.emit(str(translate_sqlite_error(error, self.path) or error))
        except Exception as error:  # a bug: say so rather than leave the dialog waiting forever
            log.exception("Export failed")
            self.failed.emit(
                self.tr("an unexpected error ({error}); see the log").format(error=type(error).__name__)
            )
        else:
            self.finished.emit([str(p) for p in written])
        finally:
            workspace.close()
            # Stop this thread's event loop from inside it; a queued quit would wait on the GUI thread.
            thread = QThread.currentThread()
            thread.quit()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self.stop.is_set()


class ExportDialog(QDialog):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.dialog_parent())
        self.window_ = window
        self.setWindowTitle(self.tr("Export"))
        self.thread_: QThread | None = None
        self.worker: ExportWorker | None = None
        self.written: list[str] = []

        selected = window.selected_rows()
        listed = window.listed_rows()
        self.scopes: dict[str, list[str]] = {
            "selected": [r.id for r in selected],
            "list": [r.id for r in listed],
            "all": [r.id for r in window.all_rows()],
        }
        labels = {
            "selected": self.tr("Selected policies (%Ln)", "", len(selected)),
            "list": self.tr("The current list ({count})").format(count=i18n.number(len(listed))),
            "all": self.tr("All policies ({count})").format(count=i18n.number(len(self.scopes["all"]))),
        }
        self.scope_group = QButtonGroup(self)
        scope_box = QVBoxLayout()
        self.scope_buttons: dict[str, QRadioButton] = {}
        for key, label in labels.items():
            button = QRadioButton(label)
            button.setEnabled(bool(self.scopes[key]))
            self.scope_group.addButton(button)
            self.scope_buttons[key] = button
            scope_box.addWidget(button)
        (self.scope_buttons["selected"] if selected else self.scope_buttons["list"]).setChecked(True)

        self.format_combo = QComboBox()
        for key, label in FORMATS.items():
            # The other formats are known by their names; only the bundle needs words.
            self.format_combo.addItem(self.tr("JSON bundle") if key == "json" else label, key)
        self.notes_box = QCheckBox(self.tr("Include my &notes (labelled as personal)"))
        self.length_combo = QComboBox()
        self.length_combo.addItem(self.tr("Dossier: the complete cited history"), "dossier")
        self.length_combo.addItem(self.tr("Brief: at most a page per policy"), "brief")
        self.language_combo = QComboBox()
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Español", "es")
        self.page_combo = QComboBox()
        self.page_combo.addItem("A4", "A4")
        self.page_combo.addItem(self.tr("Letter"), "Letter")
        settings = window.settings
        self.defaults = export_defaults(settings)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self.defaults.language), 0))
        self.format_combo.setCurrentIndex(
            max(self.format_combo.findData(settings.value(FORMAT_KEY, "pdf")), 0)
        )
        self.length_combo.setCurrentIndex(
            max(self.length_combo.findData(settings.value(LENGTH_KEY, "dossier")), 0)
        )
        self.page_combo.setCurrentIndex(max(self.page_combo.findData(settings.value(PAGE_SIZE_KEY, "A4")), 0))
        self.notes_box.setChecked(str(settings.value(NOTES_KEY, "false")).lower() == "true")
        self.folder = Path(str(settings.value(FOLDER_KEY, "") or Path.home()))
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Export to"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(browse)

        form = QFormLayout()
        scope_holder = QWidget()
        scope_holder.setLayout(scope_box)
        form.addRow(self.tr("Policies"), scope_holder)
        form.addRow(self.tr("&Format"), self.format_combo)
        form.addRow(self.tr("&Length"), self.length_combo)
        form.addRow(self.tr("Lan&guage"), self.language_combo)
        form.addRow("", self.notes_box)
        form.addRow(self.tr("&Page size"), self.page_combo)
        save_label = QLabel(self.tr("&Save as"))
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, path_row)

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setMinimumWidth(420)
        # The preview is paper: dark text on white in either theme, as the file will look.
        self.preview.setStyleSheet("QTextBrowser { background: #ffffff; color: #1f2328; }")
        self.preview_count = QLabel()
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(
            self.tr("&Open File"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = self.buttons.addButton(
            self.tr("Show in &Folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.folder_button.hide()
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(self.written[0])))
        self.folder_button.clicked.connect(
            lambda: self.open_url(QUrl.fromLocalFile(str(Path(self.written[0]).parent)))
        )

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview_count)
        preview_column.addWidget(self.preview, 1)
        columns.addLayout(preview_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(980, 560)

        self.scope_group.buttonToggled.connect(lambda *_: self._options_changed(new_name=True))
        self.format_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.notes_box.toggled.connect(lambda _on: self._options_changed())
        self.length_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.language_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.page_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self._options_changed(new_name=True)

    # Options and preview ---------------------------------------------------------
    def scope(self) -> str:
        return next(key for key, button in self.scope_buttons.items() if button.isChecked())

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def policy_ids(self) -> list[str]:
        return self.scopes[self.scope()]

    def _default_path(self) -> Path:
        ids = self.policy_ids()
        if len(ids) == 1:
            row = next((r for r in self.window_.all_rows() if r.id == ids[0]), None)
            name = row.slug if row else "policy"
        else:
            name = "policy-brief" if self.length_combo.currentData() == "brief" else "policy-briefing"
        folder = Path(self.path_edit.text()).parent if self.path_edit.text() else self.folder
        return target_with_extension(folder / name, self.fmt())

    def _path_for_format(self) -> Path:
        """The typed name with the chosen format's extension: a changed format keeps the stem."""
        current = Path(self.path_edit.text().strip()).expanduser()
        known = {ext for ext in (".md", ".html", ".pdf", ".docx", ".csv", ".json")}
        stem = current.with_suffix("") if current.suffix.lower() in known else current
        return target_with_extension(stem, self.fmt())

    def _options_changed(self, new_name: bool = False) -> None:
        self.page_combo.setEnabled(self.fmt() in ("pdf", "html", "docx"))
        # Notes leave only when asked, in a JSON bundle too (a backup holds everything): always a choice.
        self.length_combo.setEnabled(self.fmt() not in ("json", "csv"))
        self.language_combo.setEnabled(self.fmt() != "json")
        if new_name or not self.path_edit.text().strip():
            self.path_edit.setText(str(self._default_path()))
        else:
            self.path_edit.setText(str(self._path_for_format()))
        count = len(self.policy_ids())
        self.preview_count.setText(
            self.tr("Preview of the first page: %Ln policies in this export", "", count)
            if self.fmt() in ("pdf", "docx")
            else self.tr("Preview: %Ln policies in this export", "", count)
        )
        self._show_preview()
        self.export_button.setEnabled(bool(self.policy_ids()))

    def _preview_briefing(self, ids: list[str]) -> Briefing:
        return build_briefing(
            self.window_.workspace,
            ids,
            include_notes=self.notes_box.isChecked(),
            length=str(self.length_combo.currentData()),
            author=self.defaults.author,
            organisation=self.defaults.organisation,
            language=str(self.language_combo.currentData()),
            for_reading=self.fmt() != "csv",  # the CSV preview shows the text exactly as the file will
        )

    def _show_preview(self) -> None:
        """What the file will hold: the text itself for the text formats, the page for the others."""
        ids = self.policy_ids()
        fmt = self.fmt()
        if not ids:
            self.preview.clear()
            return
        if fmt == "json":
            import json

            from app.services.bundle import build_bundle

            bundle = build_bundle(
                self.window_.workspace,
                policy_ids=ids[:PREVIEW_POLICIES],
                include_notes=self.notes_box.isChecked(),
            )
            self.preview.setPlainText(
                json.dumps(bundle, ensure_ascii=False, indent=2)[:PREVIEW_CHARS] + "\n…"
            )
            return
        briefing = self._preview_briefing(ids)
        shown = replace(briefing, policies=briefing.policies[:PREVIEW_POLICIES])
        if fmt in ("md", "csv"):
            if fmt == "md":
                from app.export.markdown import briefing_markdown

                text = briefing_markdown(briefing)
            else:
                from app.export.csv_tables import briefing_csv

                text = briefing_csv(briefing)[0]
            self.preview.setPlainText(text[:PREVIEW_CHARS] + ("\n…" if len(text) > PREVIEW_CHARS else ""))
            return
        from app.export.html import briefing_html
        from app.ui.pictures import svg_to_image

        document = self.preview.document()
        width = max(self.preview.viewport().width() - 40, 300)

        def picture(key: str, svg: str) -> str:  # Qt's rich text draws no SVG: a picture of it
            image = svg_to_image(svg, width)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{key}.png"), image)
            return f'<img src="{key}.png" width="{image.width()}" height="{image.height()}">'

        # The title, table and contents count every policy; the pages of the first ones follow.
        page = briefing_html(briefing, picture, page_size=str(self.page_combo.currentData()))
        first_pages = briefing_html(shown, picture, page_size=str(self.page_combo.currentData()))
        head, _, _ = page.partition('<section class="policy">')
        _, _, policies = first_pages.partition('<section class="policy">')
        more = len(ids) - len(shown.policies)
        note = "<p><i>" + self.tr("… and %Ln more policies.", "", more) + "</i></p>" if more > 0 else ""
        html = head + ('<section class="policy">' + policies if policies else "")
        self.preview.setHtml(html.replace("</body>", f"{note}</body>"))

    def _browse(self) -> None:
        self.file_dialog = choose_file(
            self,
            self.tr("Export To"),
            self.path_edit.text(),
            self.tr("All files (*)"),
            lambda path: self.path_edit.setText(str(path)),
            save=True,
        )

    # Running ----------------------------------------------------------------------
    def request(self) -> ExportRequest:
        target = target_with_extension(Path(self.path_edit.text().strip()).expanduser(), self.fmt())
        return ExportRequest(
            self.fmt(),
            self.policy_ids(),
            target,
            self.notes_box.isChecked(),
            str(self.page_combo.currentData()),
            length=str(self.length_combo.currentData()),
            author=self.defaults.author,
            organisation=self.defaults.organisation,
            language=str(self.language_combo.currentData()),
        )

    def _remember(self, request: ExportRequest) -> None:
        settings = self.window_.settings
        settings.setValue(FORMAT_KEY, request.fmt)
        settings.setValue(FOLDER_KEY, str(request.target.parent))
        settings.setValue(LENGTH_KEY, request.length)
        settings.setValue(PAGE_SIZE_KEY, request.page_size)
        settings.setValue(NOTES_KEY, "true" if request.include_notes else "false")

    def start(self) -> None:
        if not self.path_edit.text().strip():
            self.message.setText(self.tr("Choose where to save the export."))
            return
        request = self.request()
        self._remember(request)
        self.written = []
        self.progress.setRange(0, max(len(request.policy_ids), 1))
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(
            self.tr("Exporting %Ln policies to {target} …", "", len(request.policy_ids)).format(
                target=request.target
            )
        )
        self.export_button.setEnabled(False)
        self.open_button.hide()
        self.folder_button.hide()
        self.thread_ = QThread(self)
        self.worker = ExportWorker(self.window_.workspace.path, request)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.thread_.start()

    @property
    def running(self) -> bool:
        return self.thread_ is not None and self.thread_.isRunning()

    def cancel(self) -> None:
        if self.running and self.worker is not None:
            self.worker.stop.set()
            self.message.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finish(self, text: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText(text)
        if self.thread_ is not None:
            self.thread_.wait()

    def _on_finished(self, written: list[str]) -> None:
        self.written = written
        self._finish(self.tr("Exported to {files}").format(files=", ".join(written)))
        self.open_button.show()
        self.folder_button.show()
        self.cancel_button.setText(self.tr("Close"))

    def _on_failed(self, message: str) -> None:
        self._finish(self.tr("The export failed: {message}").format(message=message))

    def _on_cancelled(self) -> None:
        self._finish(self.tr("Export cancelled; nothing was written."))

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    def done(self, result: int) -> None:
        if self.running and self.worker is not None:
            self.worker.stop.set()
            assert self.thread_ is not None
            self.thread_.wait()
        super().done(result)
