"""The "As of" date control: the list, its filters and counts, its badges and the timeline's cursor
follow the day it shows (today by default; back to today returns to now)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from app.domain.dates import MAX_YEAR, MIN_YEAR


class AsOfControl(QWidget):
    """A day, or None for today. `day_changed` carries the new one."""

    day_changed = Signal(object)  # datetime.date, or None for today
    not_begun_toggled = Signal(bool)  # show policies not yet begun on the day (greyed) or leave them out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(self.tr("As of:"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        self.date_edit.setMaximumDate(QDate(MAX_YEAR, 12, 31))
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setAccessibleName(self.tr("As of date"))
        self.date_edit.setToolTip(
            self.tr("See every policy as it stood on this day: its status then, and whether that is certain")
        )
        self.label.setBuddy(self.date_edit)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Back to today"))
        self.today_button.setEnabled(False)
        self.not_begun_box = QCheckBox(self.tr("Not yet begun"))
        self.not_begun_box.setToolTip(
            self.tr(
                "On a past day, also list the policies that had not begun then, greyed, instead of leaving them out"
            )
        )
        self.not_begun_box.setEnabled(False)
        self.not_begun_box.toggled.connect(self.not_begun_toggled)
        layout.addWidget(self.label)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.today_button)
        layout.addWidget(self.not_begun_box)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.today_button.clicked.connect(self.back_to_today)

    @property
    def day(self) -> date | None:
        """The chosen day; None when it is today."""
        chosen = self.date_edit.date().toPython()
        assert isinstance(chosen, date)
        return None if chosen == date.today() else chosen

    def set_day(self, day: date | None) -> None:
        self.date_edit.setDate(
            QDate(day.year, day.month, day.day) if day is not None else QDate.currentDate()
        )

    def back_to_today(self) -> None:
        self.set_day(None)

    def _on_date_changed(self, _date: QDate) -> None:
        day = self.day
        self.today_button.setEnabled(day is not None)
        self.not_begun_box.setEnabled(day is not None)
        self.label.setText(self.tr("As of:") if day is None else self.tr("<b>As of:</b>"))
        self.day_changed.emit(day)
