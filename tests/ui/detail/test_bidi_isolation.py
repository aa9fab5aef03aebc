"""A right-to-left override (U+202E) in a person's text reorders only that text, not the window's.

Checked on the pages the window shows, by where Qt lays each letter out: a word after the
override must still read left to right.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from app.ui.browse.policy_table import Column
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow

RLO = "\u202e"


def _reads_left_to_right(page: QTextBrowser, word: str) -> bool:
    # The page's own HTML laid out in full (the browser lays out only what it has painted).
    document = QTextDocument()
    document.setDefaultFont(page.font())
    document.setHtml(page.toHtml())
    document.setTextWidth(4000)
    document.size()
    found = document.find(word)
    assert not found.isNull(), f"{word!r} is not on the page"
    block = found.block()
    start = found.selectionStart() - block.position()
    line = block.layout().lineForTextPosition(start)
    assert line.isValid()
    edges = [line.cursorToX(start + i)[0] for i in range(len(word) + 1)]
    return edges == sorted(edges) and edges[0] < edges[-1]


def _select(qtbot: QtBot, window: MainWindow, slug: str) -> None:
    row = [window.model.row_at(r).slug for r in range(window.model.rowCount())].index(slug)
    window.table.setCurrentIndex(window.model.index(row, Column.TITLE))
    qtbot.waitUntil(lambda: window.selected_slug() == slug)


def test_an_override_in_a_persons_text_leaves_the_words_around_it_in_order(
    qtbot: QtBot, workspace_path: Path, open_window: OpenWindow
) -> None:
    connection = sqlite3.connect(workspace_path)
    policy_id = connection.execute("SELECT id FROM policy WHERE slug = 'title-42'").fetchone()[0]
    connection.execute(
        "UPDATE policy SET aliases = ?, summary = ? WHERE id = ?",
        (json.dumps([f"Order {RLO}one", "Plain words"]), f"A summary {RLO}reversed, then Stop.", policy_id),
    )
    connection.execute(
        "UPDATE status_event SET description = ? WHERE policy_id = ?", (f"Expelled {RLO}under", policy_id)
    )
    connection.commit()
    connection.close()

    window = open_window()
    _select(qtbot, window, "title-42")
    overview, history = window.detail.pages["Overview"], window.detail.pages["History"]
    assert _reads_left_to_right(overview, "Plain words")  # the alias after the one with the override
    assert _reads_left_to_right(history, "Edit")  # the window's own link after the description
    assert _reads_left_to_right(overview, "Summary")
    # The person's own text still shows as they wrote it (the override acts inside it).
    assert f"{RLO}reversed" in overview.toPlainText()
    tooltip = window.model.index(
        [window.model.row_at(r).slug for r in range(window.model.rowCount())].index("title-42"), Column.TITLE
    ).data(3)  # Qt.ItemDataRole.ToolTipRole
    assert "\u2068Plain words\u2069" in tooltip
