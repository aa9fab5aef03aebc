"""The detail pane's pages as HTML. String work (Qt only translates), so it is tested without a window.

Every user string passes through `user` or `highlight` (or the Markdown renderer, which escapes raw
HTML): nothing a person typed or imported ever becomes markup, and each is a bidi isolate, so a
right-to-left override in it cannot reorder the words around it (see app.domain.bidi).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.bidi import isolate
from app.domain.status_colors import status_colors
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, SourceKind, Status
from app.services.details import EventRow, FigureRow, NoteRow, PolicyDetail, SourceRow
from app.services.markdown import render_markdown
from app.ui.common.i18n import display_date, label, relation_phrase
from app.ui.detail.actions import DetailAction

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Theme:
    text: str = "#1f2328"
    muted: str = "#59636e"
    link: str = "#0969da"
    rule: str = "#d1d9e0"
    highlight: str = "#fff1a8"
    highlight_text: str = "#1f2328"
    annotation: str = "#d8ecff"
    quiet: str = "#eef1f4"  # behind the confidence mark of events no primary source confirms
    dark: bool = False


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def user(text: str) -> str:
    """Text a person typed or imported: escaped, and isolated."""
    return esc(isolate(text))


def highlight(text: str, terms: list[str], theme: Theme) -> str:
    """Escape and isolate `text` (a person's), and mark words that start with any search term."""
    escaped = user(text)
    if not terms:
        return escaped
    pattern = re.compile(r"\b(" + "|".join(re.escape(esc(t)) for t in terms) + r")", re.IGNORECASE)
    style = f"background-color:{theme.highlight}; color:{theme.highlight_text}"
    return pattern.sub(lambda m: f'<span style="{style}">{m.group(0)}</span>', escaped)


def _paragraphs(text: str, terms: list[str], theme: Theme) -> str:
    parts = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{highlight(' '.join(p.split()), terms, theme)}</p>" for p in parts)


def badge(status: str | None, theme: Theme) -> str:
    if not status:
        none_yet = translate("DetailPage", "No status yet")
        return f'<span style="color:{theme.muted}">{esc(none_yet)}</span>'
    background, foreground = status_colors(status, dark=theme.dark)
    text = label(status, Status)
    return (
        f'<span style="background-color:{background}; color:{foreground}; font-weight:600;">'
        f"&nbsp;{esc(text)}&nbsp;</span>"
    )


def confidence_badge(confidence: str, theme: Theme) -> str:
    """A quiet mark for an event no primary source confirms; nothing for a confirmed one."""
    if confidence == Confidence.CONFIRMED:
        return ""
    explained = {
        Confidence.REPORTED: translate("DetailPage", "Reported by secondary sources only"),
        Confidence.UNCONFIRMED: translate("DetailPage", "Declared or claimed, but not confirmed"),
    }.get(Confidence(confidence), "")
    return (
        f'<br><span style="font-size:small; color:{theme.muted}; background-color:{theme.quiet};"'
        f' title="{esc(explained)}">&nbsp;{esc(label(confidence, Confidence))}&nbsp;</span>'
    )


def _style(theme: Theme) -> str:
    return (
        f"<style>body {{ color:{theme.text}; }} a {{ color:{theme.link}; text-decoration:none; }}"
        f" .muted {{ color:{theme.muted}; }} h2 {{ margin-bottom:2px; }}"
        f" td {{ padding:3px 8px 3px 0; vertical-align:top; }}"
        f" blockquote {{ margin:4px 0 4px 12px; color:{theme.muted}; }}</style>"
    )


def _empty(message: str, theme: Theme, toolbar: str = "") -> str:
    return f'{_style(theme)}{toolbar}<p class="muted" style="margin-top:24px">{esc(message)}</p>'


def _links(links: tuple[tuple[str, str], ...], separator: str) -> str:
    return separator.join(f'<a href="{esc(href)}">{esc(label)}</a>' for href, label in links)


def actions(*links: tuple[str, str]) -> str:
    """Small action links ("Edit", "Delete"), handled by the window, never by a browser."""
    return f' <span style="font-size:small">{_links(links, " · ")}</span>'


def toolbar(*links: tuple[str, str]) -> str:
    return f'<p style="font-size:small">{_links(links, " &nbsp;·&nbsp; ")}</p>'


def source_numbers(detail: PolicyDetail) -> dict[str, int]:
    return {source.id: number for number, source in enumerate(detail.sources, start=1)}


def overview_html(detail: PolicyDetail, terms: list[str], theme: Theme, editable: bool = False) -> str:
    since = display_date(detail.status_since)
    latest = detail.events[-1] if detail.events else None
    rows = [
        (
            translate("DetailPage", "Current status"),
            badge(detail.current_status, theme)
            + (esc(translate("DetailPage", " since {date}").format(date=since)) if since else "")
            + (confidence_badge(latest.confidence, theme) if latest else ""),
        ),
        (translate("DetailPage", "Last verified"), esc(display_date(detail.last_verified))),
        (
            translate("DetailPage", "Also known as"),
            ", ".join(highlight(a, terms, theme) for a in detail.aliases),
        ),
        (translate("DetailPage", "Jurisdiction"), esc(label(detail.jurisdiction, Jurisdiction))),
        (translate("DetailPage", "Kind"), esc(label(detail.kind, PolicyKind))),
        (translate("DetailPage", "Legal basis"), highlight(detail.legal_basis, terms, theme)),
        (translate("DetailPage", "Agencies"), "; ".join(highlight(a, terms, theme) for a in detail.agencies)),
        (translate("DetailPage", "Tags"), ", ".join(highlight(t, terms, theme) for t in detail.tags)),
    ]
    table = "".join(
        f'<tr><td class="muted">{esc(name)}</td><td>{value}</td></tr>' for name, value in rows if value
    )
    related = ""
    if detail.relations:
        items = []
        for relation in detail.relations:
            link = f'<a href="policy:{esc(relation.other_slug)}">{user(relation.other_title)}</a>'
            phrase = f"{esc(relation_phrase(relation.kind, relation.outgoing))} {link}"
            note = f' <span class="muted">— {user(relation.note)}</span>' if relation.note else ""
            remove = (
                actions((DetailAction.DELETE_RELATION.link(relation.id), translate("DetailPage", "Remove")))
                if editable
                else ""
            )
            items.append(f"<li>{phrase}{note}{remove}</li>")
        heading = translate("DetailPage", "Related policies")
        related = f"<h3>{esc(heading)}</h3><ul>{''.join(items)}</ul>"
    summary = _paragraphs(detail.summary, terms, theme) or (
        '<p class="muted">' + esc(translate("DetailPage", "No summary yet.")) + "</p>"
    )
    tools = ""
    if editable:
        tools = toolbar(
            (DetailAction.EDIT_POLICY.link(), translate("DetailPage", "Edit policy…")),
            (DetailAction.ADD_RELATION.link(), translate("DetailPage", "Add relation…")),
            (DetailAction.TRASH_POLICY.link(), translate("DetailPage", "Delete policy…")),
        )
    summary_heading = translate("DetailPage", "Summary")
    return (
        f"{_style(theme)}{tools}<h2>{highlight(detail.title, terms, theme)}</h2>"
        f"<table>{table}</table><h3>{esc(summary_heading)}</h3>{summary}{related}"
    )


def _citations(source_ids: list[str], numbers: dict[str, int]) -> str:
    return " ".join(
        f'<a href="source:{sid}">[{numbers[sid]}]</a>'
        for sid in sorted(source_ids, key=lambda s: numbers.get(s, 0))
        if sid in numbers
    )


def history_html(
    detail: PolicyDetail, terms: list[str], theme: Theme, editable: bool = False, selected: str | None = None
) -> str:
    tools = (
        toolbar((DetailAction.ADD_EVENT.link(), translate("DetailPage", "Add status event…")))
        if editable
        else ""
    )
    if not detail.events:
        return _empty(translate("DetailPage", "No status events yet."), theme, tools)
    numbers = source_numbers(detail)
    rows = "".join(
        _event_row(event, numbers, terms, theme, editable, event.id == selected) for event in detail.events
    )
    return f"{_style(theme)}{tools}<table width='100%'>{rows}</table>"


def _event_row(
    event: EventRow, numbers: dict[str, int], terms: list[str], theme: Theme, editable: bool, selected: bool
) -> str:
    tools = (
        actions(
            (DetailAction.EDIT_EVENT.link(event.id), translate("DetailPage", "Edit")),
            (DetailAction.TRASH_EVENT.link(event.id), translate("DetailPage", "Delete")),
        )
        if editable
        else ""
    )
    precision = {
        "month": translate("DetailPage", " (known to the month)"),
        "year": translate("DetailPage", " (known to the year)"),
    }.get(event.date_precision, "")
    marked = f' bgcolor="{theme.annotation}"' if selected else ""
    disagreement = ""
    if event.disagreement:
        where = translate("DetailPage", "Where sources disagree:")
        disagreement = f'<br><span class="muted"><i>{esc(where)}</i> {highlight(event.disagreement, terms, theme)}</span>'
    return (
        f'<tr{marked}><td style="white-space:nowrap" title="{esc(event.date)}{esc(precision)}"><a name="{esc(event.id)}"></a>'
        f"<b>{esc(display_date(event.date))}</b></td>"
        f'<td style="white-space:nowrap">{badge(event.status, theme)}{confidence_badge(event.confidence, theme)}</td>'
        f"<td>{highlight(event.description, terms, theme)} {_citations(event.source_ids, numbers)}"
        f"{disagreement}{tools}</td></tr>"
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def excerpt_html(text: str, annotations: list[tuple[str, str]], terms: list[str], theme: Theme) -> str:
    """An excerpt with the passages your notes quote marked, each a link to its note."""
    text = _squash(text)
    annotated = translate("DetailPage", "Annotated passage")
    spans: list[tuple[int, int, str]] = []
    for quote, note_id in annotations:
        quote = _squash(quote)
        at = text.find(quote) if quote else -1
        if at >= 0 and all(at >= end or at + len(quote) <= start for start, end, _ in spans):
            spans.append((at, at + len(quote), note_id))
    pieces, position = [], 0
    for start, end, note_id in sorted(spans):
        pieces.append(highlight(text[position:start], terms, theme))
        pieces.append(
            f'<a href="note:{esc(note_id)}" style="background-color:{theme.annotation}; color:{theme.text};'
            f' text-decoration:none" title="{esc(annotated)}">'
            f"{highlight(text[start:end], terms, theme)}</a>"
        )
        position = end
    pieces.append(highlight(text[position:], terms, theme))
    return "".join(pieces)


def _source_block(
    number: int,
    source: SourceRow,
    terms: list[str],
    theme: Theme,
    editable: bool,
    annotations: list[tuple[str, str]],
) -> str:
    by = source.publisher or source.issuer
    meta = [user(by)] if by else []
    meta += [", ".join(user(author) for author in source.authors)] if source.authors else []
    if source.published:
        meta.append(esc(display_date(source.published)))
    meta.append(esc(label(source.kind, SourceKind)))
    link = ""
    if source.url and source.url.lower().startswith(("http://", "https://")):
        open_link = translate("DetailPage", "Open link")
        link = f' · <a href="{esc(source.url)}">{esc(open_link)}</a>'
    excerpts = "".join(
        f"<blockquote>{excerpt_html(x.text, annotations, terms, theme)}</blockquote>" for x in source.excerpts
    )
    note = f'<p class="muted">{user(source.note)}</p>' if source.note else ""
    tools = ""
    if editable:
        tools = actions(
            (DetailAction.EDIT_SOURCE.link(source.id), translate("DetailPage", "Edit")),
            (DetailAction.UNLINK_SOURCE.link(source.id), translate("DetailPage", "Unlink")),
            (DetailAction.TRASH_SOURCE.link(source.id), translate("DetailPage", "Delete")),
        )
    return (
        f'<a name="{esc(source.id)}"></a><p><b>[{number}]</b> {highlight(source.title, terms, theme)}<br>'
        f'<span class="muted">{" · ".join(meta)}</span>{link}{tools}</p>{excerpts}{note}'
    )


def sources_html(detail: PolicyDetail, terms: list[str], theme: Theme, editable: bool = False) -> str:
    tools = ""
    if editable:
        tools = toolbar(
            (DetailAction.ADD_SOURCE.link(), translate("DetailPage", "Add source…")),
            (DetailAction.LINK_SOURCE.link(), translate("DetailPage", "Link existing source…")),
            (DetailAction.ANNOTATE.link(), translate("DetailPage", "Annotate selected passage…")),
        )
    if not detail.sources:
        return _empty(translate("DetailPage", "No sources linked to this policy yet."), theme, tools)
    annotations: dict[str, list[tuple[str, str]]] = {}
    for note in detail.notes:
        if note.source_id and note.quote.strip():
            annotations.setdefault(note.source_id, []).append((note.quote, note.id))
    blocks = "".join(
        _source_block(n, s, terms, theme, editable, annotations.get(s.id, []))
        for n, s in enumerate(detail.sources, start=1)
    )
    return f"{_style(theme)}{tools}{blocks}"


def _figure_value(figure: FigureRow) -> str:
    if math.isfinite(figure.value):
        # As many decimals as the number has (repr is the shortest exact form), in the locale's digits.
        shortest = repr(float(figure.value))
        decimals = 0 if "e" in shortest or shortest.endswith(".0") else len(shortest.split(".")[1])
        fmt = "g" if "e" in shortest else "f"
        value = QLocale().toString(float(figure.value), fmt, 12 if fmt == "g" else decimals)
    else:
        value = str(figure.value)
    value += f" {isolate(figure.unit)}" if figure.unit else ""
    return translate("DetailPage", "about {value}").format(value=value) if figure.approximate else value


def figures_html(detail: PolicyDetail, theme: Theme) -> str:
    if not detail.figures:
        return _empty(translate("DetailPage", "No figures recorded for this policy."), theme)
    numbers = source_numbers(detail)
    rows = []
    for figure in detail.figures:
        period = display_date(figure.date) + (
            f" – {display_date(figure.period_end)}" if figure.period_end else ""
        )
        cite = _citations([figure.source_id], numbers)
        quote = f'<br><span class="muted">“{user(figure.quote)}”</span>' if figure.quote else ""
        rows.append(
            f'<tr><td style="white-space:nowrap">{esc(period)}</td><td><b>{esc(_figure_value(figure))}</b>'
            f"</td><td>{user(figure.label)} {cite}{quote}</td></tr>"
        )
    return f"{_style(theme)}<table width='100%'>{''.join(rows)}</table>"


def _note_block(note: NoteRow, detail: PolicyDetail, theme: Theme, editable: bool) -> str:
    pinned = "<b>" + esc(translate("DetailPage", "Pinned")) + "</b> · " if note.pinned else ""
    tags = " · " + " ".join(user(f"#{t}") for t in note.tags) if note.tags else ""
    quote = f"<blockquote>“{user(note.quote)}”</blockquote>" if note.quote else ""
    numbers = source_numbers(detail)
    about = []
    if note.source_id in numbers:
        about.append(
            translate("DetailPage", "on source {link}").format(
                link=f'<a href="source:{esc(note.source_id or "")}">[{numbers[note.source_id or ""]}]</a>'
            )
        )
    event = next((e for e in detail.events if e.id == note.event_id), None)
    if event is not None:
        about.append(
            translate("DetailPage", "on the event of {link}").format(
                link=f'<a href="event:{esc(event.id)}">{esc(display_date(event.date))}</a>'
            )
        )
    where = f" · {' · '.join(about)}" if about else ""
    tools = ""
    if editable:
        tools = actions(
            (DetailAction.EDIT_NOTE.link(note.id), translate("DetailPage", "Edit")),
            (DetailAction.TRASH_NOTE.link(note.id), translate("DetailPage", "Delete")),
        )
    updated = esc(translate("DetailPage", "updated {date}").format(date=display_date(note.updated_at[:10])))
    return (
        f'<a name="{esc(note.id)}"></a><p class="muted">{pinned}{updated}{tags}{where}'
        f"{tools}</p>{quote}"
        f"{render_markdown(note.body)}<hr>"
    )


def notes_html(detail: PolicyDetail, theme: Theme, editable: bool = False) -> str:
    tools = toolbar((DetailAction.ADD_NOTE.link(), translate("DetailPage", "Add note…"))) if editable else ""
    if not detail.notes:
        return _empty(translate("DetailPage", "No notes on this policy yet."), theme, tools)
    return (
        _style(theme) + tools + "".join(_note_block(note, detail, theme, editable) for note in detail.notes)
    )
