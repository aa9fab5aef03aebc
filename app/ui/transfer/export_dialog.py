"""File ▸ Export: scope, format, options and a preview; the export runs off the GUI thread."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt, QThread, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.export.briefing import FORMATS, Briefing, ExportCancelled, build_briefing
from app.export.run import ExportRequest, PdfWriter, run_export, target_with_extension
from app.services.integrity import ReadError, translate_sqlite_error
from app.services.workspace import Workspace
from app.ui.common import i18n
from app.ui.common.files import choose_file
from app.ui.transfer.export_preview import RENDER_LOCK, PreviewJob, preview_html
from app.ui.transfer.export_settings import (
    FOLDER_KEY,
    FORMAT_KEY,
    LENGTH_KEY,
    NOTES_KEY,
    PAGE_SIZE_KEY,
    export_defaults,
)

if TYPE_CHECKING:
    from app.ui.main.window_context import WindowContext

PREVIEW_POLICIES = 2  # laid out in the preview; the title, table and contents still count them all
PREVIEW_CHARS = 6000  # of a text format's output
log = logging.getLogger(__name__)


class ExportWorker(QObject):
    """Runs one export in a worker thread, on its own connection to the workspace."""

    progress = Signal(int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, workspace: Workspace, request: ExportRequest) -> None:
        super().__init__()
        self.source, self.request = workspace, request
        self.path = workspace.path
        self.stop = threading.Event()

    def run(self) -> None:
        from app.export.pdf import write_pdf
        from app.export.raster import svg_to_png

        workspace = self.source.reopen()  # a connection belongs to the thread that made it
        try:
            written = run_export(
                workspace,
                self.request,
                pdf_writer=locked(write_pdf),
                rasterize=svg_to_png,
                progress=self._progress,
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


def locked(writer: PdfWriter) -> PdfWriter:
    """The PDF writer, taking its turn with the preview's renderer (neither is safe in two threads)."""

    def write(briefing: Briefing, target: Path, page_size: str) -> None:
        with RENDER_LOCK:
            writer(briefing, target, page_size)

    return write


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
        # The whole cited record, or what changed since a day or since the last briefing of these policies.
        self.contents_combo = QComboBox()
        self.contents_combo.addItem(self.tr("The cited record"), "")
        self.contents_combo.addItem(self.tr("What changed since the last briefing of these policies"), "last")
        self.contents_combo.addItem(self.tr("What changed since a date"), "date")
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setAccessibleName(self.tr("Changes since"))
        self.page_combo = QComboBox()
        self.page_combo.addItem("A4", "A4")
        self.page_combo.addItem(self.tr("Letter"), "Letter")
        settings = window.settings
        self.defaults = export_defaults(settings)
        # The briefing speaks the language the window speaks now (--language included).
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(i18n.language_in_use()), 0))
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
        contents_row = QHBoxLayout()
        contents_row.addWidget(self.contents_combo, 1)
        contents_row.addWidget(self.since_edit)
        form.addRow(self.tr("&Contents"), contents_row)
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
        self.preview_count.setWordWrap(True)
        # The paged formats: the real PDF's first pages, drawn in a worker thread.
        self.page_image = QLabel()
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_image.setAccessibleName(self.tr("Preview page"))
        self.page_image.setContentsMargins(12, 12, 12, 12)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(self.page_image)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setMinimumWidth(420)
        # White paper on a grey desk in either theme; fitted to the width, so no sideways scrolling.
        self.page_image.setStyleSheet("QLabel { background: #8a8f98; }")
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.page_status = QLabel()
        self.page_status.setStyleSheet("QLabel { color: #1f2328; background: #ffffff; padding: 6px; }")
        self.previous_page = QPushButton(self.tr("◀ Pre&vious page"))
        self.next_page = QPushButton(self.tr("&Next page ▶"))
        self.page_number = QLabel()
        self.previous_page.clicked.connect(lambda: self._turn(-1))
        self.next_page.clicked.connect(lambda: self._turn(1))
        page_row = QHBoxLayout()
        page_row.addWidget(self.previous_page)
        page_row.addStretch()
        page_row.addWidget(self.page_number)
        page_row.addStretch()
        page_row.addWidget(self.next_page)
        pages_holder = QWidget()
        pages_column = QVBoxLayout(pages_holder)
        pages_column.setContentsMargins(0, 0, 0, 0)
        pages_column.addWidget(self.page_status)
        pages_column.addWidget(self.page_scroll, 1)
        pages_column.addLayout(page_row)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(pages_holder)
        self.pages_view = pages_holder
        self.preview_pages: list[QImage] = []
        self.preview_pdf = b""  # the first pages those images show, as the PDF export lays them out
        self.page_index = 0
        self.preview_generation = 0  # raised by every change of options: older drawings are stale
        self.preview_ready = False
        self.preview_pool = QThreadPool(self)
        self.preview_pool.setMaxThreadCount(1)  # one layout at a time on a shared machine
        self.preview_jobs: dict[int, PreviewJob] = {}
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
        preview_column.addWidget(self.preview_stack, 1)
        columns.addLayout(preview_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(980, 560)

        self.scope_group.buttonToggled.connect(lambda *_: self._options_changed(new_name=True))
        self.format_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.contents_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.since_edit.dateChanged.connect(lambda _d: self._options_changed())
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
        self.since_edit.setEnabled(self.contents_combo.currentData() == "date")
        # Notes leave only when asked, in a JSON bundle too (a backup holds everything): always a choice.
        self.length_combo.setEnabled(self.fmt() not in ("json", "csv") and not self.changes_since())
        self.language_combo.setEnabled(self.fmt() != "json")
        if new_name or not self.path_edit.text().strip():
            self.path_edit.setText(str(self._default_path()))
        else:
            self.path_edit.setText(str(self._path_for_format()))
        count = len(self.policy_ids())
        shown = min(count, PREVIEW_POLICIES)
        paged = {
            "pdf": self.tr("The PDF's first pages, as it will be sent."),
            # Not the browser's first screen: that depends on the window. The file's print stylesheet
            # is real and the same in every browser, so the page it prints is what can be shown.
            "html": self.tr("The HTML file as printed (a browser shows the same text as one long page)."),
            # Word lays its pages out itself; the PDF of the same briefing is closer than plain text.
            "docx": self.tr("The Word file's layout approximated from the PDF of the same briefing."),
        }.get(self.fmt(), self.tr("The file's own text."))
        more = (
            " " + self.tr("The title, table and contents count all; the first %Ln are laid out.", "", shown)
            if count > shown and self.fmt() in ("pdf", "html", "docx")
            else ""
        )
        self.preview_count.setText(
            self.tr("Preview: %Ln policies in this export.", "", count) + " " + paged + more
        )
        self._show_preview()
        self.export_button.setEnabled(bool(self.policy_ids()))

    def changes_since(self) -> str:
        """What the export's --changes-since would be: "", "last" or the chosen day."""
        choice = str(self.contents_combo.currentData() or "")
        if choice == "date":
            return self.since_edit.date().toString("yyyy-MM-dd")
        return choice

    def _preview_briefing(self, ids: list[str]) -> Briefing:
        since = self.changes_since()
        if since:
            from app.export.changes_briefing import build_changes_briefing
            from app.services.changes import since_of

            return build_changes_briefing(
                self.window_.workspace,
                ids,
                since_of(self.window_.workspace, ids, since),
                include_notes=self.notes_box.isChecked(),
                author=self.defaults.author,
                organisation=self.defaults.organisation,
                language=str(self.language_combo.currentData()),
                for_reading=self.fmt() != "csv",
            )
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
        self.preview_generation += 1
        self.preview_ready = True  # the text formats' preview is made here and now
        self.preview_stack.setCurrentWidget(self.preview)
        if not ids:
            self.preview.clear()
            return
        if fmt == "json":
            import json

            from app.services.bundle import build_bundle
            from app.services.changes import since_of

            try:
                since = (
                    since_of(self.window_.workspace, ids, self.changes_since())
                    if self.changes_since()
                    else None
                )
            except UserError as error:
                self.preview.setPlainText(str(error))
                return
            bundle = build_bundle(
                self.window_.workspace,
                policy_ids=ids[:PREVIEW_POLICIES],
                include_notes=self.notes_box.isChecked(),
                changes_since=since,
            )
            self.preview.setPlainText(
                json.dumps(bundle, ensure_ascii=False, indent=2)[:PREVIEW_CHARS] + "\n…"
            )
            return
        try:
            briefing = self._preview_briefing(ids)
        except UserError as error:  # "since the last briefing" of policies never briefed
            self.preview.setPlainText(str(error))
            return
        if fmt in ("md", "csv"):
            if fmt == "md":
                from app.export.markdown import briefing_markdown
                from app.export.run import pictures_folder

                # The timelines go beside the file as pictures; the text links them, as written.
                folder = pictures_folder(self.request().target).name
                text = briefing_markdown(briefing, lambda key, _svg: f"{folder}/{key}.svg")
            else:
                from app.export.csv_tables import briefing_csv

                text = briefing_csv(briefing)[0]
            self.preview.setPlainText(text[:PREVIEW_CHARS] + ("\n…" if len(text) > PREVIEW_CHARS else ""))
            return
        from app.export.pdf import svg_image

        html = preview_html(briefing, PREVIEW_POLICIES, str(self.page_combo.currentData()), svg_image)
        self.preview_stack.setCurrentWidget(self.pages_view)
        self._draw_pages(html)

    def _draw_pages(self, html: str) -> None:
        """Start laying out the pages in the worker; what an earlier start brings back is ignored."""
        self.preview_pool.clear()  # not started yet: no longer wanted
        self.preview_jobs = {g: job for g, job in self.preview_jobs.items() if g == self.preview_generation}
        self.preview_ready = False
        self.preview_pages, self.preview_pdf = [], b""
        self.page_image.clear()
        self.page_status.setText(self.tr("Preparing preview…"))
        self.page_status.show()
        self._show_page_controls()
        job = PreviewJob(self.preview_generation, html)
        job.signals.drawn.connect(self._on_pages_drawn)
        job.signals.failed.connect(self._on_preview_failed)
        self.preview_jobs[self.preview_generation] = job  # its signals live as long as it may emit
        self.preview_pool.start(job)

    def _on_pages_drawn(self, generation: int, drawn: tuple[bytes, list[QImage]]) -> None:
        if generation != self.preview_generation:
            return  # options changed since: a newer preview is on its way
        self.preview_pdf, self.preview_pages = drawn
        self.page_index = 0
        self.preview_ready = True
        self.page_status.hide()
        self._show_page()

    def _on_preview_failed(self, generation: int, message: str) -> None:
        if generation != self.preview_generation:
            return
        self.preview_ready = True
        self.page_status.setText(self.tr("The preview could not be drawn: {message}").format(message=message))

    def _turn(self, step: int) -> None:
        self.page_index = max(0, min(self.page_index + step, len(self.preview_pages) - 1))
        self._show_page()

    def _show_page_controls(self) -> None:
        count = len(self.preview_pages)
        self.previous_page.setEnabled(self.page_index > 0)
        self.next_page.setEnabled(self.page_index < count - 1)
        self.page_number.setText(
            self.tr("Page {page} of the first {count}").format(
                page=i18n.number(self.page_index + 1), count=i18n.number(count)
            )
            if count
            else ""
        )

    def _show_page(self) -> None:
        self._show_page_controls()
        if not self.preview_pages:
            return
        image = self.preview_pages[self.page_index]
        ratio = self.devicePixelRatioF()
        width = max(self.page_scroll.viewport().width() - 24, 200)
        pixmap = QPixmap.fromImage(image).scaledToWidth(
            round(width * ratio), Qt.TransformationMode.SmoothTransformation
        )
        pixmap.setDevicePixelRatio(ratio)
        self.page_image.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_page()

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
            changes_since=self.changes_since(),
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
        self.worker = ExportWorker(self.window_.workspace, request)
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
        self.preview_generation += 1  # whatever is being drawn is no longer wanted
        self.preview_pool.clear()
        self.preview_pool.waitForDone()
        super().done(result)
