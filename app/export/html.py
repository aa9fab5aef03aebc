"""The briefing as one self-contained HTML file: CSS inline, every user string escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from app.domain.status_colors import status_colors
from app.export.briefing import Briefing, Citation, PolicySummary, TimelineEntry
from app.export.citations import citation_runs
from app.services.markdown import render_markdown

CSS = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1f2328; max-width: 52em;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: .2em; } h2 { font-size: 1.35em; margin-top: 1.8em;
  border-bottom: 1px solid #d1d9e0; padding-bottom: .2em; } h3 { font-size: 1.1em; margin-top: 1.3em; }
.aka { color: #59636e; font-style: italic; } .badge { padding: 1px 8px; border-radius: 9px; font-weight: 600; }
table.facts td { padding: 2px 12px 2px 0; vertical-align: top; } table.facts td:first-child { color: #59636e; }
table.timeline { border-collapse: collapse; width: 100%; }
table.timeline td, table.timeline th { border-bottom: 1px solid #e5e8eb; padding: 4px 8px 4px 0;
  vertical-align: top; text-align: left; }
q.excerpt { color: #59636e; font-style: italic; } .date { white-space: nowrap; font-weight: 600; } .cite { font-size: .85em; vertical-align: super; }
.notes { background: #fff8e1; border-left: 4px solid #e0b000; padding: .4em 1em; margin-top: 1em; }
.notes-label { font-weight: 600; color: #7a5c00; } blockquote { color: #59636e; margin: .4em 0 .4em 1em; }
.picture svg, .picture img { max-width: 100%; height: auto; } .caption { color: #59636e; font-size: .85em; }
.confidence { font-size: .8em; color: #59636e; background: #eef1f4; padding: 0 6px; border-radius: 8px;
  white-space: nowrap; } .disagreement { color: #59636e; font-size: .92em; margin: .2em 0 0 0; }
footer { margin-top: 3em; color: #59636e; font-size: .9em; border-top: 1px solid #d1d9e0; padding-top: .6em; }
"""


def e(text: str) -> str:
    return escape(text, quote=True)


def _paragraphs(text: str) -> str:
    return "".join(
        f"<p>{e(' '.join(p.split()))}</p>" for p in re.split(r"\n\s*\n", text.strip()) if p.strip()
    )


def citation_html(c: Citation) -> str:
    """The citation in the one style (app/export/citations.py), its address a link."""
    runs = citation_runs(c)
    text = "".join(f"<i>{e(r.text)}</i>" if r.italic else e(r.text) for r in runs)
    if c.url:  # the address is the last run's end: make it a link
        text = text[: -len(e(c.url))] + f'<a href="{e(c.url)}">{e(c.url)}</a>'
    return text


def badge(label: str, value: str) -> str:
    background, foreground = status_colors(value or "expired", dark=False)
    return f'<span class="badge" style="background:{background}; color:{foreground}">{e(label)}</span>'


def _confidence(entry: TimelineEntry) -> str:
    """The label of an event no primary source confirms (printed; colour alone would not survive a copier)."""
    if not entry.confidence_label:
        return ""
    return f'<br><span class="confidence">{e(entry.confidence_label)}</span>'


Picture = Callable[[str, str], str]


def inline_svg(_key: str, svg: str) -> str:
    """Pictures as inline SVG: the HTML file stays one self-contained file."""
    return svg


def _figure(picture: Picture, key: str, svg: str, caption: str) -> str:
    if not svg:
        return ""
    return f'<div class="picture">{picture(key, svg)}<p class="caption">{e(caption)}</p></div>'


def policy_html(p: PolicySummary, level: int, picture: Picture = inline_svg) -> str:
    h, h2 = f"h{level}", f"h{level + 1}"
    # In a briefing each policy starts on a new page when printed (or made into a PDF).
    page_break = ' style="page-break-before: always"' if level > 1 else ""
    out = [f'<{h} id="{e(p.anchor)}"{page_break}>{e(p.title)}</{h}>']
    if p.aliases:
        out.append(f'<p class="aka">Also known as: {e("; ".join(p.aliases))}</p>')
    facts = [
        ("Current status", badge(p.status, p.status_value) + (f" since {e(p.since)}" if p.since else "")),
        ("Jurisdiction", e(p.jurisdiction)),
        ("Kind", e(p.kind)),
    ]
    if p.last_verified:
        facts.insert(1, ("Last verified", e(p.last_verified)))
    if p.legal_basis:
        facts.append(("Legal basis", e(p.legal_basis)))
    if p.agencies:
        facts.append(("Agencies", e("; ".join(p.agencies))))
    out.append(
        '<table class="facts">' + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in facts) + "</table>"
    )
    out.append(f"<{h2}>Summary</{h2}>" + (_paragraphs(p.summary) or "<p><em>No summary.</em></p>"))
    rows = "".join(
        f'<tr><td class="date">{e(t.date)}</td><td>{badge(t.status, t.status_value)}{_confidence(t)}</td>'
        f"<td>{e(t.description)} "
        + "".join(f'<a class="cite" href="#{e(p.anchor)}-src-{n}">[{n}]</a>' for n in t.citations)
        + (
            f'<p class="disagreement"><em>Where sources disagree:</em> {e(t.disagreement)}</p>'
            if t.disagreement
            else ""
        )
        + (
            f'<br><q class="excerpt">{e(t.quote)}</q> <span class="caption">[{t.quote_source}]</span>'
            if t.quote
            else ""
        )
        + "</td></tr>"
        for t in p.timeline
    )
    out.append(
        f"<{h2}>Status history</{h2}>"
        + _figure(
            picture,
            f"timeline-{p.slug}",
            p.picture_svg,
            "Status over time; boxes mark events known only to the month or year.",
        )
        + (
            f'<table class="timeline"><tr><th>Date</th><th>Status</th><th>What happened</th></tr>{rows}</table>'
            if rows
            else "<p><em>No status events.</em></p>"
        )
    )
    if p.related:
        out.append(
            f"<{h2}>Related policies</{h2}><ul>"
            + "".join(
                f"<li>{e(r.phrase)} {e(r.title)}"
                + (f' <span class="caption">— {e(r.note)}</span>' if r.note else "")
                + "</li>"
                for r in p.related
            )
            + "</ul>"
        )
    if p.citations:
        items = []
        for c in p.citations:
            items.append(f'<li id="{e(p.anchor)}-src-{c.number}">{citation_html(c)}</li>')
        out.append(f"<{h2}>Sources</{h2}><ol>{''.join(items)}</ol>")
    if p.notes:
        notes = []
        for note in p.notes:
            meta = " · ".join(
                [f"updated {note.updated}"]
                + (["pinned"] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            quote = f"<blockquote>“{e(note.quote)}”</blockquote>" if note.quote else ""
            notes.append(f"<p><small>{e(meta)}</small></p>{quote}{render_markdown(note.body)}")
        out.append(
            f'<div class="notes"><p class="notes-label">Personal notes (yours, not part of the cited record)</p>'
            f"{''.join(notes)}</div>"
        )
    return "\n".join(out)


def briefing_html(briefing: Briefing, picture: Picture = inline_svg) -> str:
    """The whole briefing; `picture` decides how timelines are embedded (inline SVG by default)."""
    if len(briefing.policies) == 1:
        body = policy_html(briefing.policies[0], 1, picture)
    else:
        toc = "".join(
            f'<li><a href="#{e(p.anchor)}">{e(p.title)}</a> — {e(p.status)}</li>' for p in briefing.policies
        )
        overview = _figure(
            picture, "timeline-overview", briefing.overview_svg, "Every policy in this briefing over time."
        )
        body = f"<h1>{e(briefing.title)}</h1><h2>Contents</h2><ol>{toc}</ol>{overview}" + "".join(
            policy_html(p, 2, picture) for p in briefing.policies
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="generator" content="Policy Tracker">'
        f"<title>{e(briefing.title)}</title><style>{CSS}</style></head>\n<body>\n{body}\n"
        f"<footer>{e(briefing.footer)}</footer>\n</body></html>\n"
    )
