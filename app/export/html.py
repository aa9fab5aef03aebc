"""The briefing as one self-contained HTML file: CSS inline, every user string escaped.

The same HTML, with its print stylesheet (CSS paged media), is what the PDF export lays out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from app.domain.status_colors import status_colors
from app.export.briefing import Briefing, Citation, PolicySummary, TimelineEntry
from app.export.citations import citation_runs
from app.services.markdown import render_markdown

CSS = """
/* On the root, so that the page's running header and page numbers inherit them too. */
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  color: #1f2328; background: #ffffff;
  /* Real letters in the text layer: a PDF search for "effect" must find it. */
  font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0, "dlig" 0; }
body { max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin: .1em 0 .2em; } h2 { font-size: 1.35em; margin-top: 1.6em;
  border-bottom: 1px solid #d1d9e0; padding-bottom: .2em; } h3 { font-size: 1.1em; margin-top: 1.2em; }
a { color: #0b57d0; }
.title-block { border-bottom: 3px solid #1f2328; padding-bottom: .6em; margin-bottom: 1em; }
.title-block .kind { text-transform: uppercase; letter-spacing: .08em; color: #59636e; font-size: .85em;
  margin: 0; } .title-block .as-of, .title-block .byline { margin: .1em 0; color: #3d444d; }
.aka { color: #59636e; font-style: italic; } .badge { padding: 1px 8px; border-radius: 9px; font-weight: 600; }
table.facts td { padding: 2px 12px 2px 0; vertical-align: top; }
table.facts td:first-child { color: #59636e; white-space: nowrap; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid td, table.grid th { border-bottom: 1px solid #e5e8eb; padding: 4px 8px 4px 0; vertical-align: top;
  text-align: left; } table.grid th { border-bottom: 1.5px solid #8c959f; }
table.timeline col.date { width: 17%; } table.timeline col.status { width: 19%; }
.date { white-space: nowrap; font-weight: 600; } .cite { font-size: .8em; vertical-align: super;
  line-height: 0; white-space: nowrap; text-decoration: none; }
.nowrap { white-space: nowrap; } .earlier { color: #59636e; font-size: .9em; font-style: italic; }
ol.sources li { margin-bottom: .2em; overflow-wrap: anywhere; }
nav.contents ol { padding-left: 1.5em; }
.notes { background: #fff8e1; border-left: 4px solid #e0b000; padding: .4em 1em; margin-top: 1em;
  break-inside: avoid; }
.notes-label { font-weight: 600; color: #7a5c00; } blockquote { color: #59636e; margin: .4em 0 .4em 1em; }
.picture { margin: .6em 0; } .picture svg, .picture img { max-width: 100%; height: auto; display: block; }
.caption { color: #59636e; font-size: .85em; margin-top: .2em; }
.confidence { font-size: .8em; color: #59636e; background: #eef1f4; padding: 0 6px; border-radius: 8px;
  white-space: nowrap; } .disagreement { color: #59636e; font-size: .92em; margin: .2em 0 0 0; }
.excerpt { color: #59636e; font-style: italic; font-size: .92em; margin: .2em 0 0 0; }
footer { margin-top: 3em; color: #59636e; font-size: .9em; border-top: 1px solid #d1d9e0; padding-top: .6em; }
"""

# Paper: a browser's print and the PDF export both use this.
PRINT_CSS = """
@media print {
  @page { size: %(size)s; margin: 20mm 17mm 18mm 17mm;
    @top-left { content: "%(title)s"; font-size: 7.5pt; color: #59636e; }
    @top-right { content: "%(as_of)s"; font-size: 7.5pt; color: #59636e; }
    @bottom-center { content: %(page_of)s; font-size: 7.5pt; color: #59636e; } }
  @page :first { @top-left { content: none; } @top-right { content: none; } }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 1.1em; } h3 { font-size: 10.5pt; margin-top: .9em; }
  h1, h2, h3, h4, .title-block { break-after: avoid; page-break-after: avoid; }
  section.policy { break-before: page; page-break-before: always; }
  thead { display: table-header-group; } tr, .picture, blockquote, li, .facts { break-inside: avoid;
    page-break-inside: avoid; }
  p { orphans: 2; widows: 2; }
  img, svg { max-width: 100%%; }
  a { color: inherit; text-decoration: none; }
  nav.contents a::after { content: leader(".") " " target-counter(attr(href), page); }
  nav.contents li { margin: .15em 0; }
  footer { margin-top: 1.5em; }
  body.brief h2 { margin-top: .8em; } body.brief section.policy h3 { margin-top: .7em; margin-bottom: .3em; }
  body.brief { font-size: 9pt; } body.brief p { margin: .3em 0; }
}
"""


def e(text: str) -> str:
    return escape(text, quote=True)


def css_string(text: str) -> str:
    """Text for a CSS string in double quotes."""
    return re.sub(r'[\\"\n\r\f]', lambda m: f"\\{ord(m.group()):x} ", text)


def print_css(briefing: Briefing, page_size: str = "A4") -> str:
    page, pages = "\0page\0", "\0pages\0"
    parts = briefing.label("page_of", page=page, pages=pages).split("\0")
    page_of = " ".join(
        "counter(page)"
        if part == "page"
        else "counter(pages)"
        if part == "pages"
        else f'"{css_string(part)}"'
        for part in parts
        if part
    )
    title = briefing.title if len(briefing.title) <= 90 else briefing.title[:89] + "…"
    return PRINT_CSS % {
        "size": "letter" if page_size.lower() == "letter" else "A4",
        "title": css_string(title),
        "as_of": css_string(briefing.as_of),
        "page_of": page_of,
    }


def _paragraphs(text: str) -> str:
    return "".join(
        f"<p>{e(' '.join(p.split()))}</p>" for p in re.split(r"\n\s*\n", text.strip()) if p.strip()
    )


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
    caption = f'<p class="caption">{e(caption)}</p>' if caption else ""
    return f'<div class="picture">{picture(key, svg)}{caption}</div>'


def citation_html(c: Citation, language: str = "en") -> str:
    """The citation in the one style (app/export/citations.py), its address a link."""
    text = "".join(f"<i>{e(r.text)}</i>" if r.italic else e(r.text) for r in citation_runs(c, language))
    if c.url:  # the address ends the last run: make it a link
        text = text[: -len(e(c.url))] + f'<a href="{e(c.url)}">{e(c.url)}</a>'
    return text


def _cites(p: PolicySummary, numbers: list[int]) -> str:
    return "".join(f'<a class="cite" href="#{e(p.anchor)}-src-{n}">[{n}]</a>' for n in numbers)


def _with_cites(text: str, cites: str) -> str:
    """The text with its citation marks bound to its last word, so a run of marks never wraps alone."""
    head, _, last = text.rstrip().rpartition(" ")
    if not cites or len(last) > 30:  # a long word (an address) must stay free to break
        return f"{e(text)} {cites}"
    return f'{e(head)} <span class="nowrap">{e(last)}\u00a0{cites}</span>'


def policy_html(p: PolicySummary, level: int, briefing: Briefing, picture: Picture = inline_svg) -> str:
    h, h2 = f"h{level}", f"h{level + 1}"
    label = briefing.label
    out = [f'<{h} id="{e(p.anchor)}">{e(p.title)}</{h}>'] if level > 1 else []
    aliases = p.aliases[:2] if briefing.is_brief else p.aliases  # a brief keeps to its page
    if aliases:
        out.append(f'<p class="aka">{label("also_known_as")}: {e("; ".join(aliases))}</p>')
    since = f" {e(label('since_date', date=p.since))}" if p.since else ""
    # How sure the current status is: the event that set it (on the "since" date), not a later
    # report that repeats it.
    setting = [t for t in p.timeline if t.date_iso == p.since_iso and t.status_value == p.status_value]
    latest = setting[0] if setting else None
    sureness = (
        f' <span class="confidence">{e(latest.sureness_label)}</span>'
        if latest and latest.sureness_label
        else ""
    )
    facts = [(label("current_status"), badge(p.status, p.status_value) + since + sureness)]
    if p.last_verified:
        facts.append((label("last_verified"), e(p.last_verified)))
    facts += [(label("jurisdiction"), e(p.jurisdiction)), (label("kind"), e(p.kind))]
    if p.legal_basis and not briefing.is_brief:
        facts.append((label("legal_basis"), e(p.legal_basis)))
    if p.agencies and not briefing.is_brief:
        facts.append((label("agencies"), e("; ".join(p.agencies))))
    out.append(
        '<table class="facts">' + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in facts) + "</table>"
    )
    summary_heading = label("key_points") if briefing.is_brief else label("summary")
    out.append(
        f"<{h2}>{summary_heading}</{h2}>"
        + (_paragraphs(p.changes_digest or p.summary) or f"<p><em>{label('no_summary')}</em></p>")
    )
    rows = "".join(
        f'<tr><td class="date">{e(t.date)}</td><td>{badge(t.status, t.status_value)}{_confidence(t)}</td>'
        f"<td>{_with_cites(t.description, _cites(p, t.citations))}"
        + (
            f'<p class="disagreement"><em>{label("where_sources_disagree")}:</em> {e(t.disagreement)}</p>'
            if t.disagreement
            else ""
        )
        + (  # the dossier quotes the source's own words (a brief has none)
            f'<p class="excerpt"><q>{e(t.quote)}</q> [{t.quote_source}]</p>' if t.quote else ""
        )
        + "</td></tr>"
        for t in p.timeline
    )
    earlier = (
        f'<p class="earlier">{e(label("earlier_events", count=p.earlier_events))}</p>'
        if p.earlier_events
        else ""
    )
    out.append(
        f"<{h2}>{label('key_events') if briefing.is_brief else label('status_history')}</{h2}>"
        + _figure(
            picture,
            f"timeline-{p.slug}",
            p.picture_svg,
            "" if briefing.is_brief else label("picture_caption"),
        )
        + (
            '<table class="grid timeline"><colgroup><col class="date"><col class="status"><col></colgroup>'
            f"<thead><tr><th>{label('date')}</th><th>{label('status')}</th><th>{label('what_happened')}</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>{earlier}"
            if rows
            else f"<p><em>{label('no_events')}</em></p>"
        )
    )
    if p.figures:
        figure_rows = "".join(
            f"<tr><td>{e(f.label)}</td><td>{e(f.value)}</td><td class='date'>{e(f.date)}</td>"
            f"<td>{_cites(p, [f.citation]) if f.citation else ''}</td></tr>"
            for f in p.figures
        )
        out.append(
            f"<{h2}>{label('key_figures')}</{h2}><table class='grid figures'><thead><tr>"
            f"<th>{label('figure')}</th><th>{label('value')}</th><th>{label('date')}</th><th></th></tr></thead>"
            f"<tbody>{figure_rows}</tbody></table>"
            + "".join(
                _figure(picture, f"figures-{p.slug}-{n}", svg, label("chart_caption", unit=unit))
                for n, (unit, svg) in enumerate(p.figure_charts, start=1)
            )
        )
    if p.related and not briefing.is_brief:
        out.append(
            f"<{h2}>{label('related')}</{h2}><ul>"
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
            items.append(
                f'<li value="{c.number}" id="{e(p.anchor)}-src-{c.number}">{citation_html(c, briefing.language)}</li>'
            )
        heading = label("key_sources") if briefing.is_brief else label("sources")
        out.append(f"<{h2}>{heading}</{h2}><ol class='sources'>{''.join(items)}</ol>")
    if p.notes:
        notes = []
        for note in p.notes:
            meta = " · ".join(
                [label("updated", date=note.updated)]
                + ([label("pinned")] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            quote = f"<blockquote>“{e(note.quote)}”</blockquote>" if note.quote else ""
            notes.append(f"<p><small>{e(meta)}</small></p>{quote}{render_markdown(note.body)}")
        out.append(
            f'<div class="notes"><p class="notes-label">{label("notes_label")}</p>{"".join(notes)}</div>'
        )
    if level == 1:
        return "\n".join(out)
    return f'<section class="policy">{"".join(out)}</section>'


def _title_block(briefing: Briefing) -> str:
    byline = f'<p class="byline">{e(briefing.byline)}</p>' if briefing.byline else ""
    single = len(briefing.policies) == 1
    anchor = f' id="{e(briefing.policies[0].anchor)}"' if single else ""
    return (
        f'<header class="title-block"><p class="kind">{e(briefing.kind_label)}</p>'
        f"<h1{anchor}>{e(briefing.heading)}</h1>"
        f'<p class="as-of">{e(briefing.as_of)}</p>{byline}</header>'
    )


def _front_matter(briefing: Briefing, picture: Picture) -> str:
    """The at-a-glance table and the contents (with page numbers when printed)."""
    label = briefing.label
    rows = "".join(
        f'<tr><td><a href="#{e(p.anchor)}">{e(p.title)}</a></td><td>{badge(p.status, p.status_value)}</td>'
        f'<td class="date">{e(p.since)}</td></tr>'
        for p in briefing.policies
    )
    glance = (
        f'<section class="glance"><h2>{label("at_a_glance")}</h2><table class="grid">'
        f"<thead><tr><th>{label('policy')}</th><th>{label('current_status')}</th><th>{label('since')}</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></section>"
    )
    entries = [(p.anchor, p.title) for p in briefing.policies]
    if briefing.overview_svg:
        entries.insert(0, ("overview", label("overview")))
    toc = "".join(f'<li><a href="#{e(anchor)}">{e(title)}</a></li>' for anchor, title in entries)
    contents = f'<nav class="contents"><h2>{label("contents")}</h2><ol>{toc}</ol></nav>'
    overview = ""
    if briefing.overview_svg:
        overview = f'<section class="overview"><h2 id="overview">{label("overview")}</h2>' + _figure(
            picture, "timeline-overview", briefing.overview_svg, label("overview_caption")
        )
        overview += "</section>"
    return glance + contents + overview


def briefing_html(briefing: Briefing, picture: Picture = inline_svg, page_size: str = "A4") -> str:
    """The whole briefing; `picture` decides how timelines are embedded (inline SVG by default)."""
    if len(briefing.policies) == 1:
        body = _title_block(briefing) + policy_html(briefing.policies[0], 1, briefing, picture)
    else:
        body = (
            _title_block(briefing)
            + _front_matter(briefing, picture)
            + "".join(policy_html(p, 2, briefing, picture) for p in briefing.policies)
        )
    author = ", ".join(x for x in (briefing.author, briefing.organisation) if x)
    meta_author = f'<meta name="author" content="{e(author)}">' if author else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{e(briefing.language)}"><head><meta charset="utf-8">'
        f'<meta name="generator" content="Policy Tracker">{meta_author}'
        f'<meta name="dcterms.created" content="{e(briefing.exported_on)}">'
        f"<title>{e(briefing.title)}</title><style>{CSS}{print_css(briefing, page_size)}</style></head>\n"
        f'<body class="{e(briefing.length)}">\n{body}\n'
        f"<footer>{e(briefing.footer)}</footer>\n</body></html>\n"
    )
