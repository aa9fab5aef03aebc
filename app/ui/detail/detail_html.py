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
from app.domain.search import mark_matches
from app.domain.status_colors import status_colors
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, SourceKind, Status
from app.services.audit import AuditKind, PolicyAudit
from app.services.details import (
    ChangeRow,
    EventRow,
    FigureRow,
    NoteRow,
    PolicyDetail,
    SourceRow,
    one_row_per_relation,
)
from app.services.markdown import render_markdown
from app.ui.common.i18n import QT_TRANSLATE_NOOP, display_date, label, relation_phrase
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
    """Escape and isolate `text` (a person's), and mark words that start with any search term,
    folded as the search folds them: "merida" marks "Mérida"."""
    if not terms:
        return user(text)
    style = f"background-color:{theme.highlight}; color:{theme.highlight_text}"
    return mark_matches(isolate(text), terms, esc, lambda found: f'<span style="{style}">{esc(found)}</span>')


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


_SUMMARY = {
    AuditKind.NO_PRIMARY_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "%n event(s) without a primary source"),
    AuditKind.NO_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "%n event(s) without a source"),
    AuditKind.SINGLE_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "%n event(s) with a single source"),
    AuditKind.UNCONFIRMED: QT_TRANSLATE_NOOP("DetailPage", "%n unconfirmed"),
    AuditKind.DISPUTED: QT_TRANSLATE_NOOP("DetailPage", "%n disputed"),
    AuditKind.SOURCE_WITHOUT_URL: QT_TRANSLATE_NOOP("DetailPage", "%n source(s) without a URL"),
    AuditKind.SOURCE_WITHOUT_DATE: QT_TRANSLATE_NOOP("DetailPage", "%n source(s) without a date"),
    AuditKind.UNUSED_EXCERPT: QT_TRANSLATE_NOOP("DetailPage", "%n source(s) with excerpts nothing uses"),
    AuditKind.NOT_VERIFIED: QT_TRANSLATE_NOOP("DetailPage", "not verified lately"),
}


def _summary_part(kind: AuditKind, n: int) -> str:
    # Looked up without the count (the catalogue holds them as plain texts, "(s)" in both languages):
    # asked with a count, Qt found only some of them.
    return translate("DetailPage", _SUMMARY[kind]).replace("%n", QLocale().toString(n))


def audit_summary(audit: PolicyAudit) -> str:
    """The citation audit of a policy in one line: "2 event(s) with a single source · 1 unconfirmed"."""
    parts = [_summary_part(kind, n) for kind in AuditKind if (n := audit.count(kind))]
    return " · ".join(parts) if parts else translate("DetailPage", "nothing to report")


def overview_html(
    detail: PolicyDetail,
    terms: list[str],
    theme: Theme,
    editable: bool = False,
    audit: PolicyAudit | None = None,
) -> str:
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
            translate("DetailPage", "Citation audit"),
            f'<a href="audit:{esc(detail.id)}">{esc(audit_summary(audit))}</a>' if audit else "",
        ),
        (
            translate("DetailPage", "Also known as"),
            "; ".join(highlight(a, terms, theme) for a in detail.aliases),
        ),
        (translate("DetailPage", "Jurisdiction"), esc(label(detail.jurisdiction, Jurisdiction))),
        (translate("DetailPage", "Kind"), esc(label(detail.kind, PolicyKind))),
        (translate("DetailPage", "Legal basis"), highlight(detail.legal_basis, terms, theme)),
        (translate("DetailPage", "Agencies"), "; ".join(highlight(a, terms, theme) for a in detail.agencies)),
        # Lists are shown as they are typed in the editors: separated by semicolons.
        (translate("DetailPage", "Tags"), "; ".join(highlight(t, terms, theme) for t in detail.tags)),
    ]
    table = "".join(
        f'<tr><td class="muted">{esc(name)}</td><td>{value}</td></tr>' for name, value in rows if value
    )
    related = ""
    if detail.relations:
        items = []
        for relation in one_row_per_relation(detail.relations):
            link = f'<a href="policy:{esc(relation.other_slug)}">{user(relation.other_title)}</a>'
            phrase = f"{esc(relation_phrase(relation.kind, relation.outgoing))} {link}"
            note = f' <span class="muted">— {user(relation.note)}</span>' if relation.note else ""
            remove = (
                actions(
                    (
                        # One relation stored both ways is removed as one: all its ids.
                        DetailAction.DELETE_RELATION.link(",".join(relation.ids or (relation.id,))),
                        translate("DetailPage", "Remove"),
                    )
                )
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


# The audit's marks on History, quiet: the kinds about how an event is sourced (unconfirmed events
# carry their confidence label already, and disputed ones say where the sources disagree).
_EVENT_MARKS = {
    AuditKind.NO_PRIMARY_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "no primary source"),
    AuditKind.NO_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "no source"),
    AuditKind.SINGLE_SOURCE: QT_TRANSLATE_NOOP("DetailPage", "one source"),
    AuditKind.UNCONFIRMED: QT_TRANSLATE_NOOP("DetailPage", "unconfirmed"),
    AuditKind.DISPUTED: QT_TRANSLATE_NOOP("DetailPage", "disputed"),
}


def audit_marks(kinds: list[AuditKind], theme: Theme) -> str:
    """A quiet line under an event naming what the citation audit says of it ("" when nothing)."""
    words = [translate("DetailPage", _EVENT_MARKS[k]) for k in kinds if k in _EVENT_MARKS]
    if not words:
        return ""
    explained = translate("DetailPage", "Citation audit: what this event's sources leave open")
    return (
        f'<br><span class="audit" style="color:{theme.muted}; font-size:small" title="{esc(explained)}">'
        f"◦ {esc(' · '.join(words))}</span>"
    )


def history_html(
    detail: PolicyDetail,
    terms: list[str],
    theme: Theme,
    editable: bool = False,
    selected: str | None = None,
    audit: PolicyAudit | None = None,
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
        _event_row(
            event,
            numbers,
            terms,
            theme,
            editable,
            event.id == selected,
            audit_marks(audit.of_event(event.id), theme) if audit else "",
        )
        for event in detail.events
    )
    return f"{_style(theme)}{tools}<table width='100%'>{rows}</table>"


def _event_row(
    event: EventRow,
    numbers: dict[str, int],
    terms: list[str],
    theme: Theme,
    editable: bool,
    selected: bool,
    marks: str = "",
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
        f"{disagreement}{marks}{tools}</td></tr>"
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
    meta += ["; ".join(user(author) for author in source.authors)] if source.authors else []
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


def figures_html(detail: PolicyDetail, theme: Theme, chart_count: int = 0, chart_width: int = 420) -> str:
    """The figures as a table, then `chart_count` charts (the page's resources figures-chart:0, 1…)."""
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
    charts = "".join(
        f'<p><img src="figures-chart:{n}" width="{chart_width}"></p>' for n in range(chart_count)
    )
    return f"{_style(theme)}<table width='100%'>{''.join(rows)}</table>{charts}"


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


# The change history ------------------------------------------------------------------------

_KINDS = {
    "policy": QT_TRANSLATE_NOOP("Changes", "policy"),
    "event": QT_TRANSLATE_NOOP("Changes", "status event"),
    "source": QT_TRANSLATE_NOOP("Changes", "source"),
    "excerpt": QT_TRANSLATE_NOOP("Changes", "excerpt"),
    "note": QT_TRANSLATE_NOOP("Changes", "note"),
    "relation": QT_TRANSLATE_NOOP("Changes", "relation"),
    "figure": QT_TRANSLATE_NOOP("Changes", "figure"),
}


def kind_word(kind: str) -> str:
    return translate("Changes", _KINDS[kind]) if kind in _KINDS else kind


def made_by(change: ChangeRow) -> str:
    """What made the change, in words: an edit, an undo, a redo, an import, the starter data."""
    if change.source.startswith("import "):
        return translate("Changes", "Import of {name}").format(name=change.source.removeprefix("import "))
    words = {
        "edit": translate("Changes", "Edit"),
        "undo": translate("Changes", "Undo"),
        "redo": translate("Changes", "Redo"),
        "starter data": translate("Changes", "Starter data"),
    }
    return words.get(change.source, change.source)


def _entry_name(change: ChangeRow) -> str:
    state = change.after or change.before or {}
    if change.kind == "event":
        status = str(state.get("status", ""))
        shown = label(status, Status) if status in set(Status) else status
        return f"{shown}, {display_date(str(state.get('date', '')))}"
    for key in ("title", "label", "body", "text", "quote"):
        value = state.get(key)
        if isinstance(value, str) and value.strip():
            words = " ".join(value.split())
            return words if len(words) <= 70 else words[:69] + "…"
    return ""


def change_phrase(change: ChangeRow) -> str:
    """What happened to the entry, in the window's language (the stored summary is English)."""
    before, after = change.before, change.after
    kind = kind_word(change.kind)
    if before is None:
        verb = translate("Changes", "Added {kind}")
    elif after is None:
        verb = translate("Changes", "Deleted {kind}")
    elif before.get("deleted_at") is None and after.get("deleted_at") is not None:
        verb = translate("Changes", "Moved {kind} to the trash")
    elif before.get("deleted_at") is not None and after.get("deleted_at") is None:
        verb = translate("Changes", "Restored {kind} from the trash")
    else:
        fields = [name for name in after if before.get(name) != after[name]]
        verb = translate("Changes", "Changed {kind}") + f" ({', '.join(f.replace('_', ' ') for f in fields)})"
    name = _entry_name(change)
    return verb.format(kind=kind) + (f": “{name}”" if name else "")


def when(change: ChangeRow) -> str:
    """The time of a change, local to the reader, to the minute."""
    from datetime import datetime

    moment = datetime.fromisoformat(change.at.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def changes_html(changes: list[ChangeRow], theme: Theme) -> str:
    """A policy's recorded changes, newest first: when, who, what, and what made it."""
    if not changes:
        return _empty(translate("DetailPage", "No changes recorded for this policy yet."), theme)
    rows = []
    for change in reversed(changes):
        rows.append(
            f'<tr><td style="white-space:nowrap" class="muted">{esc(when(change))}</td>'
            f"<td>{user(change.who)}</td><td>{esc(change_phrase(change))}"
            f' <span class="muted" style="font-size:small">· {esc(made_by(change))}</span></td></tr>'
        )
    return f"{_style(theme)}<table width='100%'>{''.join(rows)}</table>"
