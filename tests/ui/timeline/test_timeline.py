"""The timeline as drawn: spans and markers where their dates are, tooltips, clicks, zoom."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.domain.status_colors import status_colors
from app.domain.timeline import EventInput, build_lane
from app.ui.main.main_window import MainWindow
from app.ui.timeline.timeline_view import TimelineView

pytestmark = pytest.mark.gui


def _pixel(view: TimelineView, point: QPointF) -> QColor:
    image: QImage = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _open_timeline(qtbot: QtBot, window: MainWindow) -> TimelineView:
    timeline = window.show_timeline()
    timeline.resize(1200, 700)
    qtbot.waitExposed(timeline)
    timeline.view.fit_all()
    return timeline.view


def test_lanes_spans_and_markers_sit_at_their_dates(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    slugs = [lane.slug for lane in view.lanes]
    assert len(slugs) == 12 and slugs[0] == "merida-initiative"  # sorted by start date
    index = slugs.index("title-42")
    lane = view.lanes[index]
    ended = next(m for m in lane.markers if m.date_label == "11 May 2023")
    rect = view.marker_rect(index, ended)
    assert rect.center().x() == pytest.approx(view.scale.x(date(2023, 5, 11)))
    assert _close(_pixel(view, rect.center()), QColor(status_colors("expired", dark=False)[1]))
    span = next(s for s in lane.spans if s.start == date(2020, 3, 20))  # in effect from the first order
    inside = QPointF(
        (view.scale.x(span.start) + view.scale.x(date(2020, 10, 1))) / 2,
        view.lane_top(index) + view.layout_.lane_height / 2 + 3,
    )
    assert _close(_pixel(view, inside), QColor(status_colors(span.status, dark=False)[0]))
    today_x = round(view.scale.x(date.today()))
    column = [
        _pixel(view, QPointF(x, y)) for x in (today_x - 1, today_x, today_x + 1) for y in range(40, 120)
    ]
    assert any(_close(pixel, QColor("#cf222e"), 60) for pixel in column)  # the dashed line for today


def test_a_month_only_event_is_drawn_across_its_month(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    view.zoom(20)
    # Any starter event known only to the month will do; re-verification keeps narrowing dates to the day.
    index, month = next(
        (i, m) for i, lane in enumerate(view.lanes) for m in lane.markers if m.precision == "month"
    )
    rect = view.marker_rect(index, month)
    assert rect.width() == pytest.approx(view.scale.px_per_day * ((month.end - month.start).days + 1))


def test_marker_tooltips_name_date_status_description_and_sources(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    index = [lane.slug for lane in view.lanes].index("texas-sb4")
    marker = next(m for m in view.lanes[index].markers if m.date_label == "18 Dec 2023")
    view.zoom(300, view.marker_rect(index, marker).center().x())  # markers a day apart separate
    text = view.tooltip_at(view.marker_rect(index, marker).center())
    assert text.startswith("18 Dec 2023 — ")
    assert "Abbott" in text or "signed" in text.lower()
    assert "Source: " in text


def test_clicking_a_marker_selects_that_event_in_the_detail_pane(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    index = [lane.slug for lane in view.lanes].index("merida-initiative")
    marker = view.lanes[index].markers[-1]
    point = view.marker_rect(index, marker).center().toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selected_slug() == "merida-initiative"
    assert window.detail.tabs.currentWidget() is window.detail.history_page
    assert window.detail.selected_event == marker.event_id
    assert f'<a name="{marker.event_id}"' in window.detail.pages["History"].toHtml() or marker.event_id in (
        window.detail.pages["History"].toHtml()
    )


def test_ctrl_wheel_zooms_and_fit_all_restores(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QPoint as Point
    from PySide6.QtGui import QWheelEvent

    view = _open_timeline(qtbot, window)
    before = view.scale.px_per_day
    center = QPointF(view.viewport().width() / 2, 100)
    wheel = QWheelEvent(
        center,
        view.viewport().mapToGlobal(center),
        Point(0, 0),
        Point(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(wheel)
    assert view.scale.px_per_day == pytest.approx(before * 1.25**2)
    timeline = window.timeline_window
    assert timeline is not None and timeline.fit_action.shortcut().toString() == "Ctrl+0"
    timeline.fit_action.trigger()
    assert view.scale.px_per_day == pytest.approx(before)


def test_dragging_pans(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    before = view.scale.origin
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    qtbot.mouseMove(view.viewport(), QPoint(700, 400))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(700, 400))
    assert view.scale.origin < before


def test_the_timeline_follows_the_filtered_list(qtbot: QtBot, window: MainWindow) -> None:
    view = _open_timeline(qtbot, window)
    texas = window.filter_panel.item_for("jurisdiction", "texas")
    assert texas is not None
    texas.setCheckState(0, Qt.CheckState.Checked)
    assert [lane.slug for lane in view.lanes] == ["texas-sb4"]


def test_five_hundred_lanes_draw_only_what_is_visible(qtbot: QtBot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    lanes = [
        build_lane(
            str(n),
            f"p{n}",
            f"Policy {n}",
            [EventInput(f"e{n}", f"{2000 + n % 25}-0{1 + n % 9}", "in_effect")],
            date(2026, 1, 1),
        )
        for n in range(500)
    ]
    view.set_data(lanes, [], date(2026, 1, 1))
    view.show()
    qtbot.waitExposed(view)
    assert len(view.visible_lanes()) <= 600 // view.layout_.lane_height + 2
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.visible_lanes().stop == 500


def test_the_detail_pane_shows_a_one_lane_timeline(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    strip = window.detail.timeline_strip
    assert [lane.slug for lane in strip.lanes] == ["title-42"]
    assert len(strip.lanes[0].markers) == len(window.detail.detail.events)  # type: ignore[union-attr]


def test_export_the_timeline_picture(qtbot: QtBot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    timeline = window.show_timeline()
    timeline.export_to(tmp_path / "t.svg")
    timeline.export_to(tmp_path / "t.png")
    assert b"<svg" in (tmp_path / "t.svg").read_bytes()
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    timeline.export_to(tmp_path / "t.gif")
    assert "name it .svg or .png" in window.statusBar().currentMessage()
