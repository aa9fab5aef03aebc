"""The detail pages never turn a user's string into markup."""

from __future__ import annotations

import html.parser

from app.data.sqlite.read import EventRow, ExcerptRow, NoteRow, PolicyDetail, RelationRow, SourceRow
from app.services.markdown import render_markdown
from app.ui.detail import detail_html
from app.ui.detail.detail_html import Theme

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _hostile_detail() -> PolicyDetail:
    source = SourceRow(
        "s1",
        HOSTILE,
        HOSTILE,
        [HOSTILE],
        "2020-01",
        "month",
        "javascript:alert(1)",
        "news",
        "en",
        "",
        HOSTILE,
        [ExcerptRow("x1", HOSTILE)],
    )
    note = NoteRow(
        "n1",
        "p1",
        None,
        None,
        HOSTILE,
        f"{HOSTILE}\n\n[click](javascript:alert(1)) [ok](https://example.org)",
        [HOSTILE],
        True,
        "2024-01-01T00:00:00Z",
        "2024-01-02T00:00:00Z",
    )
    return PolicyDetail(
        id="p1",
        slug="p",
        title=HOSTILE,
        aliases=[HOSTILE],
        jurisdiction="texas",
        kind="state_law",
        summary=HOSTILE,
        legal_basis=HOSTILE,
        agencies=[HOSTILE],
        tags=[HOSTILE],
        origin="user",
        created_at="",
        updated_at="",
        events=[EventRow("e1", "2020-01", "month", "in_effect", HOSTILE, ["s1"])],
        sources=[source],
        notes=[note],
        relations=[RelationRow("r1", "related_to", "p", "q", "q", HOSTILE, True, HOSTILE)],
        figures=[],
    )


def test_no_page_turns_hostile_strings_into_markup() -> None:
    detail = _hostile_detail()
    theme = Theme()
    pages = [
        detail_html.overview_html(detail, ["alert"], theme),
        detail_html.history_html(detail, ["script"], theme),
        detail_html.sources_html(detail, [], theme),
        detail_html.notes_html(detail, theme),
    ]
    for page in pages:
        parsed = _parse(page)
        assert "script" not in parsed.tags and "img" not in parsed.tags
        assert not any(href.lower().startswith("javascript") for href in parsed.hrefs)
        assert "&lt;" in page and "onerror=alert(1)&gt;" in page


def test_notes_render_markdown_but_not_html() -> None:
    rendered = render_markdown("**bold** <b>raw</b> [x](javascript:alert(1)) [y](https://a.org)")
    parsed = _parse(rendered)
    assert "strong" in parsed.tags and "b" not in parsed.tags
    assert parsed.hrefs == ["https://a.org"]
    assert "&lt;b&gt;raw&lt;/b&gt;" in rendered


def test_search_terms_are_highlighted_inside_escaped_text() -> None:
    marked = detail_html.highlight("Title 42 & <Title>", ["title"], Theme())
    assert marked.count("<span") == 2
    assert "&amp;" in marked and "&lt;" in marked


def test_status_since_ignores_later_events_that_keep_the_status() -> None:
    detail = _hostile_detail()
    events = [
        EventRow("a", "2020", "year", "in_effect", "", []),
        EventRow("b", "2023-05-11", "day", "expired", "", []),
        EventRow("c", "2025-02", "month", "expired", "", []),
    ]
    later = PolicyDetail(**{**detail.__dict__, "events": events})
    assert later.current_status == "expired"
    assert later.status_since == "2023-05-11"


def test_figure_values_keep_their_decimals_and_survive_infinity() -> None:
    import dataclasses

    from app.data.sqlite.read import FigureRow
    from app.ui.detail.detail_html import _figure_value

    blank = {f.name: None for f in dataclasses.fields(FigureRow)}

    def shown(value: float) -> str:
        return _figure_value(FigureRow(**{**blank, "value": value, "unit": "", "approximate": False}))

    assert shown(1234.5) == "1,234.5"
    assert shown(0.1234567) == "0.1234567"
    assert shown(2_000_000) == "2,000,000"
    assert shown(1e-7) != "0"
    assert shown(float("inf")) == "inf"
