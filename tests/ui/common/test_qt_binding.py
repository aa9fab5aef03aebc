"""Guards against a broken Qt binding: painting must not corrupt Python's reference counts."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

pytestmark = pytest.mark.gui


def test_painting_keeps_none_alive() -> None:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("#123456")
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(QPen(color, 1.2))
        painter.setBrush(color)
        painter.drawRect(QRectF(1, 1, 5, 5))
    painter.end()
    # A binding that drops references would take None's count down by about a thousand here.
    assert sys.getrefcount(None) - before > -50
