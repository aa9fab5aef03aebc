"""The dark theme is readable: the export preview's text, and the check boxes and radio buttons of the
dialogs, measured from the pixels drawn (WCAG contrast: 4.5:1 for text, 3:1 for a control's outline)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow

pytestmark = pytest.mark.gui


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def best_contrast(image: QImage, area: QRect, against: QColor) -> float:
    """The strongest contrast any pixel in `area` makes with the colour around it."""
    pixels = image.copy(area).convertToFormat(QImage.Format.Format_RGB32)
    colours = set(memoryview(pixels.constBits()).cast("I"))  # each distinct colour once: fast
    return max(contrast(QColor.fromRgb(rgb), against) for rgb in colours)


@pytest.fixture
def dark(window: MainWindow) -> Iterator[MainWindow]:
    window.set_theme("dark")
    yield window
    window.set_theme("light")


def test_the_text_preview_reads_dark_on_paper_in_the_dark_theme(qtbot: QtBot, dark: MainWindow) -> None:
    """It was dark grey on near-black."""
    dialog = dark.show_export()
    qtbot.waitExposed(dialog)
    for fmt in ("md", "json", "csv"):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        image = dialog.preview.viewport().grab().toImage()
        area = image.rect().adjusted(4, 4, -4, -4)
        paper = image.pixelColor(image.width() - 3, image.height() - 3)
        assert paper.lightness() > 240, fmt
        assert best_contrast(image, area, paper) >= 7, fmt  # near-black text on white paper
        label = dialog.preview_count
        words = label.grab().toImage()
        assert best_contrast(words, words.rect(), label.palette().window().color()) >= 4.5, fmt
    dialog.close()


def _indicator(button: QAbstractButton) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    return button.style().subElementRect(element, option, button)


def _outline_contrast(widget: QWidget, button: QAbstractButton) -> float:
    image = button.grab().toImage()
    return best_contrast(image, _indicator(button), widget.palette().window().color())


def test_check_boxes_and_radio_buttons_show_in_the_dark_theme(qtbot: QtBot, dark: MainWindow) -> None:
    """They were a black circle or square on near-black: a person could not tell there was a choice."""
    dialog = dark.show_export()
    qtbot.waitExposed(dialog)
    unticked = [dialog.scope_buttons["all"], dialog.notes_box]
    assert not any(b.isChecked() for b in unticked)
    for button in unticked:
        assert _outline_contrast(dialog, button) >= 3, button.text()
    dialog.notes_box.setChecked(True)
    assert _outline_contrast(dialog, dialog.notes_box) >= 3
    dialog.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_fields_hint_is_readable_in_either_theme(qtbot: QtBot, window: MainWindow, theme: str) -> None:
    """Hints were drawn as disabled text: 1.6:1 on the light window ("A short, stable name …", now the slug's limit)."""
    window.set_theme(theme)
    try:
        dialog = window.editor.new_policy()
        qtbot.waitExposed(dialog)
        hints = [
            label
            for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.text().startswith("Up to 80 lowercase letters")
        ]
        assert len(hints) == 1
        image = hints[0].grab().toImage()
        assert best_contrast(image, image.rect(), dialog.palette().window().color()) >= 4.5
        dialog.reject()
    finally:
        window.set_theme("light")
