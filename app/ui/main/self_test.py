"""`policy-tracker --self-test`: proves an installation works, end to end, without touching user data."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def self_test() -> int:
    """Open a temporary workspace with the starter data, draw the window, export; 0 when all worked."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings

    from app.export.pdf import write_pdf
    from app.export.raster import svg_to_png
    from app.export.run import ExportRequest, run_export
    from app.services.policies import policy_ids_in_scope
    from app.services.workspace import Workspace
    from app.ui.common.i18n import apply_language
    from app.ui.main.app import application
    from app.ui.main.main_window import MainWindow

    started = time.perf_counter()
    qt_app = application()
    with tempfile.TemporaryDirectory(prefix="policy-tracker-self-test-") as folder:
        root = Path(folder)
        workspace = Workspace.open(root / "self-test.sqlite")
        ids = policy_ids_in_scope(workspace)
        window = MainWindow(workspace, QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        window.show()
        qt_app.processEvents()
        window.finish_start()  # if the first paint has not started it already
        qt_app.processEvents()
        image = window.grab().toImage()
        checks = {
            "starter data": len(ids) >= 5,
            "window drawn": not image.isNull()
            and image.width() > 400
            and window.model.rowCount() == len(ids),
        }
        for fmt in ("md", "pdf", "docx"):
            written = run_export(
                workspace,
                ExportRequest(fmt, ids, root / f"export.{fmt}"),
                pdf_writer=write_pdf,
                rasterize=svg_to_png,
            )
            checks[f"{fmt} export"] = all(p.stat().st_size > 1000 for p in written)
        # WeasyPrint and Pango travel with the bundle: the PDF must come out tagged, in its language.
        from pypdf import PdfReader

        catalog = PdfReader(root / "export.pdf").trailer["/Root"]
        checks["pdf tagged"] = "/StructTreeRoot" in catalog and catalog.get("/Lang") == "en"
        # PDFium travels with it too: the export dialog's preview draws the PDF's pages with it.
        from app.ui.transfer.export_preview import draw_pages

        first_page = draw_pages((root / "export.pdf").read_bytes())[0]
        checks["pdf preview drawn"] = abs(first_page.height() / first_page.width() - 297 / 210) < 0.01
        window.close()
        # The Spanish catalogue ships compiled: switching to it must translate the menus.
        checks["spanish"] = apply_language(qt_app, "es") == "es" and (
            QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        )
        apply_language(qt_app, "en")
        workspace.close()
    # Team workspaces: the PostgreSQL driver and its libpq travel with the bundle (when installed).
    checks["team driver"] = _team_driver_loads()
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    passed = all(checks.values())
    print(f"self-test {'passed' if passed else 'FAILED'} in {time.perf_counter() - started:.1f} s")
    return 0 if passed else 1


def _team_driver_loads() -> bool:
    """psycopg and its libpq load, and the keyring library finds its backends (True when the
    optional team extra is not installed at all: a plain install has no team workspaces)."""
    try:
        import psycopg
    except ImportError:
        return True
    import keyring

    return psycopg.pq.version() >= 120000 and keyring.get_keyring() is not None
