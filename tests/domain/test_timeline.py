from datetime import date

from app.domain.timeline import EventInput, Scale, build_lane, extent, sort_lanes, ticks

TODAY = date(2026, 11, 23)


def test_spans_run_from_event_to_event_and_the_last_to_today() -> None:
    lane = build_lane(
        "p",
        "p",
        "P",
        [EventInput("a", "2019-01-24", "in_effect"), EventInput("b", "2021-06", "terminated")],
        TODAY,
    )
    assert [(s.start, s.end, s.status) for s in lane.spans] == [
        (date(2019, 1, 24), date(2021, 6, 1), "in_effect"),
        (date(2021, 6, 1), date(2026, 11, 24), "terminated"),
    ]


def test_a_month_marker_covers_the_whole_month() -> None:
    lane = build_lane(
        "p", "p", "P", [EventInput("a", "2022-08", "expired"), EventInput("b", "2023", "announced")], TODAY
    )
    month, year = lane.markers
    assert (month.start, month.end, month.precision) == (date(2022, 8, 1), date(2022, 8, 31), "month")
    assert (year.start, year.end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_scale_maps_dates_and_zooms_around_a_point() -> None:
    scale = Scale.fit(date(2020, 1, 1), date(2021, 1, 1), 366, x0=100)
    assert scale.x(date(2020, 1, 1)) == 100 and scale.x(date(2020, 7, 1)) == 100 + 182
    zoomed = scale.zoomed(2.0, 282)
    assert zoomed.date_at(282) == date(2020, 7, 1) and zoomed.px_per_day == 2.0


def test_ticks_label_decades_years_or_months_as_the_zoom_allows() -> None:
    assert [t.label for t in ticks(date(1990, 1, 1), date(2026, 1, 1), 0.012)][:3] == [
        "1990s",
        "2000s",
        "2010s",
    ]
    assert [t.label for t in ticks(date(2019, 1, 1), date(2021, 1, 1), 0.2)] == ["2019", "2020", "2021"]
    months = [t.label for t in ticks(date(2023, 11, 1), date(2024, 2, 1), 3.0)]
    assert months == ["Nov", "Dec", "Jan 2024", "Feb"]


def test_lanes_sort_by_start_or_title_and_extent_includes_today() -> None:
    late = build_lane("1", "late", "Alpha", [EventInput("a", "2020", "announced")], TODAY)
    early = build_lane("2", "early", "Beta", [EventInput("b", "2010", "announced")], TODAY)
    assert [lane.slug for lane in sort_lanes([late, early], "start")] == ["early", "late"]
    assert [lane.slug for lane in sort_lanes([late, early], "title")] == ["late", "early"]
    first, last = extent([late, early], TODAY)
    assert first < date(2010, 1, 1) and last > TODAY


def test_a_month_is_drawn_across_its_width_and_a_day_as_a_point() -> None:
    from app.domain.timeline import MIN_SPAN_PX, marker_extent

    lane = build_lane(
        "p",
        "p",
        "P",
        [EventInput("a", "2022-08", "expired"), EventInput("b", "2023-01-05", "in_effect")],
        TODAY,
    )
    month, day = lane.markers
    near = Scale(date(2022, 1, 1), 2.0)
    assert marker_extent(near, month) == (near.x(date(2022, 8, 1)), near.x(date(2022, 9, 1)))
    assert marker_extent(near, month)[1] - marker_extent(near, month)[0] == 31 * 2.0
    assert marker_extent(near, day) == (near.x(date(2023, 1, 5)),) * 2
    far = Scale(date(1990, 1, 1), 0.01)
    x1, x2 = marker_extent(far, month)
    assert x2 - x1 == MIN_SPAN_PX and (x1 + x2) / 2 == (far.x(date(2022, 8, 1)) + far.x(date(2022, 9, 1))) / 2
