"""The timeline opens on the data (issue 17): fitted with today at the right edge, a legend of its
colours in the window and in the pictures it exports, and the History tab's strip on the policy's
own span with "Today" drawn whole."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.domain.status_colors import status_colors
from app.domain.vocab import Status
from app.ui.common.i18n import label
from app.ui.main.main_window import MainWindow
from app.ui.timeline.timeline_view import TimelineView

pytestmark = pytest.mark.gui


def _shown_dates(view: TimelineView) -> tuple[date, date]:
    left, right = view._plot()
    return view.scale.date_at(left), view.scale.date_at(right)


def _first_and_last(view: TimelineView) -> tuple[date, date]:
    starts = [m.start for lane in view.lanes for m in lane.markers]
    ends = [m.end for lane in view.lanes for m in lane.markers]
    return min(starts), max([date.today(), *ends])


def test_view_timeline_opens_fitted_to_the_data_with_today_at_the_right(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # View ▸ Timeline
    timeline = window.timeline_window
    assert timeline is not None
    qtbot.waitExposed(timeline)
    view = timeline.view
    shown_from, shown_to = _shown_dates(view)
    first, last = _first_and_last(view)
    span = last - first
    assert first - span / 10 <= shown_from <= first  # the earliest event, with a margin
    assert last <= shown_to <= last + span / 10  # today at the right edge, with a margin
    # A bigger window stays fitted until the person zooms or pans.
    timeline.resize(timeline.width() + 400, timeline.height())
    qtbot.waitUntil(lambda: _shown_dates(view)[1] <= last + span / 10)
    assert _shown_dates(view)[0] >= first - span / 10


def test_the_timeline_window_has_a_colour_legend_of_what_it_draws(qtbot: QtBot, window: MainWindow) -> None:
    timeline = window.show_timeline()
    qtbot.waitExposed(timeline)
    drawn = {m.status for lane in timeline.view.lanes for m in lane.markers}
    legend = timeline.legend
    assert legend.isVisible()
    assert set(legend.statuses()) == drawn
    for status in drawn:
        swatch = legend.swatch(status)
        assert swatch.toolTip() == label(status, Status)
        image = swatch.grab().toImage()
        middle = image.pixelColor(image.width() // 2, image.height() // 2)
        assert middle == QColor(status_colors(status, dark=False)[0])


def test_the_exported_picture_has_the_legend(qtbot: QtBot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    timeline = window.show_timeline()
    timeline.export_to(tmp_path / "t.svg")
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert 'class="legend"' in svg
    for status in {m.status for lane in timeline.view.lanes for m in lane.markers}:
        assert status_colors(status, dark=False)[0] in svg


def test_the_history_strip_shows_the_policys_own_span_and_today_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("merida-initiative")  # events from 2007 to 2021
    window.detail.tabs.setCurrentWidget(window.detail.history_page)
    strip = window.detail.timeline_strip
    qtbot.waitUntil(strip.isVisible)
    shown_from, shown_to = _shown_dates(strip)
    first, last = _first_and_last(strip)
    span = last - first
    assert first - span / 10 <= shown_from <= first
    assert last <= shown_to <= last + span / 10
    every_marker_inside = all(
        0 <= strip.marker_rect(0, m).center().x() <= strip.viewport().width() for m in strip.lanes[0].markers
    )
    assert every_marker_inside
    # "Today" is drawn inside the strip: its text's box lies within the viewport.
    box = strip.today_label_rect()
    assert box is not None and strip.viewport().rect().contains(box.toRect())
    image = strip.viewport().grab().toImage()
    red = [
        image.pixelColor(x, y)
        for x in range(int(box.left()), int(box.right()))
        for y in range(int(box.top()), int(box.bottom()))
    ]
    assert any(abs(c.red() - 0xCF) < 40 and c.green() < 90 for c in red)  # the word is painted there


@pytest.mark.parametrize("today", [date(2026, 1, 20), date(2026, 12, 7), date(2025, 12, 20)])
@pytest.mark.parametrize("width", [420, 700, 1200])
def test_today_hides_no_axis_label_when_a_side_of_its_line_is_free(
    qtbot: QtBot, today: date, width: int
) -> None:
    from app.domain.timeline import EventInput, build_lane

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(width, 240)
    view.show()
    qtbot.waitExposed(view)
    events = [EventInput("e1", "2015-03", "announced"), EventInput("e2", "2024-06-10", "in_effect")]
    view.set_data([build_lane("p1", "p", "A policy", events, today)], [], today=today)
    box = view.today_label_rect()
    assert box is not None
    labels = [label for _text, label in view.tick_labels()]
    assert labels
    line = view.scale.x(today)
    after = QRectF(line + 2, box.top(), box.width(), box.height())
    before = QRectF(line - 2 - box.width(), box.top(), box.width(), box.height())
    _left, right = view._plot()
    sides = [after, before] if after.right() <= right + view.layout_.margin else [before]
    free = [side for side in sides if not any(side.intersects(label) for label in labels)]
    assert box in sides
    if free:  # written on a free side, over no axis label
        assert box == free[0]
        assert not any(box.intersects(label) for label in labels)
