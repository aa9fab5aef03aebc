"""The list model hands rows to the view in batches and keeps the selection through a sort."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from app.data.sqlite.read import PolicyRow
from app.ui.browse.policy_table import BATCH, Column, PolicyTableModel

pytestmark = pytest.mark.gui


def _rows(count: int) -> list[PolicyRow]:
    return [
        PolicyRow(
            f"id{n}",
            f"slug-{n}",
            f"Policy {n:05d}",
            [],
            "us_federal",
            "statute",
            [],
            "in_effect",
            f"20{n % 25:02d}-01",
            "month",
            n % 7,
            0,
        )
        for n in range(count)
    ]


def test_rows_arrive_in_batches() -> None:
    model = PolicyTableModel()
    model.set_rows(_rows(1000))
    assert model.rowCount() == BATCH and model.total_rows == 1000
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH
    assert model.row_of_slug("slug-999") == 999
    assert model.rowCount() == 1000 and not model.canFetchMore()


def test_sorting_keeps_the_selected_policy_selected(qtbot: QtBot) -> None:
    model = PolicyTableModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_rows(_rows(50))
    view.selectionModel().setCurrentIndex(
        model.index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.sort(Column.SOURCES, Qt.SortOrder.DescendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(i.row()).slug for i in selected] == ["slug-3"]
    counts = [model.row_at(r).source_count for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
