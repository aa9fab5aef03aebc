"""Choosing a file: Qt's own dialog (the same on every platform, and drivable in tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_file(
    parent: QWidget,
    title: str,
    start: Path | str,
    filters: str,
    chosen: Callable[[Path], object],
    *,
    save: bool = False,
) -> QFileDialog:
    """Open (never exec) a file dialog; `chosen` receives the file the person picks."""
    dialog = QFileDialog(parent, title, str(start), filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog
