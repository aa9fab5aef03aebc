"""The briefing as CommonMark. Every user string is escaped, so none of it becomes markup."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.export.briefing import Briefing, Citation, PolicySummary
from app.export.citations import citation_runs
from app.export.labels import CHANGES_SECTIONS, section, text

# The file beside the .md that holds a timeline picture: given a key and the SVG, its relative path.
Picture = Callable[[str, str], str]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
_UNSAFE_LINK = re.compile(r"\]\(\s*<?(?!https?:|mailto:|#)([a-zA-Z][a-zA-Z0-9+.-]*):", re.IGNORECASE)


def esc(text: str) -> str:
    """One line of plain text, with every character that could start markup escaped."""
    line = " ".join(text.split())
    line = _SPECIAL.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def paragraphs(text: str) -> list[str]:
    return [esc(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def url(text: str) -> str:
    """An autolink; the characters that would end it are percent-encoded."""
    return "<" + text.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


# A link to "//host/…" takes the scheme of wherever the file is opened: live on a web page.
_NOT_AUTOLINK = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)", re.IGNORECASE)
_HOSTLESS_LINK = re.compile(r"\]\(\s*((?:<|&lt;)?//)")
_HOSTLESS_DEFINITION = re.compile(r"^( {0,3})\[([^\]\n]+)\]:(\s*<?//)", re.MULTILINE)


def note_markdown(body: str) -> str:
    """The person's own Markdown, kept, but with raw HTML, non-web links and images made inert.

    An image would be fetched by whatever shows the file (a tracking pixel), so `![alt](url)`
    becomes the link `[alt](url)`; a protocol-relative `//host` link is shown as text.
    """
    from app.services.markdown import is_inert

    # Raw HTML is made text, but an autolink (<https://…>) stays a link.
    body = _NOT_AUTOLINK.sub("&lt;", body).replace("![", "\\![")
    body = _UNSAFE_LINK.sub(lambda m: "]\\(" + m.group(1) + ":", body)
    body = _HOSTLESS_LINK.sub(lambda m: "]\\(" + m.group(1), body)
    body = _HOSTLESS_DEFINITION.sub(lambda m: f"{m.group(1)}\\[{m.group(2)}]:{m.group(3)}", body)
    if is_inert(body):
        return body
    # A destination spelled to slip past the rules above (entities, escapes): the note as text.
    return "\n\n".join(paragraphs(body))


class Anchors:
    """The anchors a viewer gives headings (GitHub's rule: lower case, punctuation dropped,
    spaces to hyphens, "-1", "-2"… for repeats), so Contents and citations can link to them."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def heading(self, text: str) -> str:
        base = re.sub(r"[^\w\- ]", "", " ".join(text.split()).lower()).replace(" ", "-")
        count = self.seen.get(base, 0)
        self.seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


def citation_markdown(c: Citation, language: str = "en") -> str:
    """The citation in the one style (app/export/citations.py): case names in italics, the address a link."""
    out = []
    for run in citation_runs(c, language):
        text = run.text
        if c.url and not run.italic and text.endswith(c.url):
            out.append(esc(text[: -len(c.url)]) + " " + url(c.url))
        elif run.italic:
            out.append(f"*{esc(text)}*")
        else:
            out.append(esc(text))
    return "".join(out)


def _heading(out: list[str], anchors: Anchors, level: int, text: str) -> str:
    out += [f"{'#' * level} {esc(text)}", ""]
    return anchors.heading(text)


def policy_markdown(
    p: PolicySummary,
    level: int,
    anchors: Anchors | None = None,
    picture: Picture | None = None,
    language: str = "en",
    *,
    changes: bool = False,
) -> list[str]:
    """One policy; with `changes`, as a briefing of changes has it (its sections named for that)."""
    anchors = anchors or Anchors()
    out: list[str] = []

    def label(key: str, **values: object) -> str:
        return section(language, key, changes) if key in CHANGES_SECTIONS else text(language, key, **values)

    _heading(out, anchors, level, p.title)
    if p.aliases:
        out += [f"*{label('also_known_as')}:* {esc('; '.join(p.aliases))}", ""]
    status = f"**{esc(p.status)}**" + (f" {esc(label('since_date', date=p.since))}" if p.since else "")
    facts = [(label("current_status"), status)]
    if p.last_verified:
        facts.append((label("last_verified"), esc(p.last_verified)))
    facts += [(label("jurisdiction"), esc(p.jurisdiction)), (label("kind"), esc(p.kind))]
    if p.legal_basis:
        facts.append((label("legal_basis"), esc(p.legal_basis)))
    if p.agencies:
        facts.append((label("agencies"), esc("; ".join(p.agencies))))
    out += [f"- {name}: {value}" for name, value in facts] + [""]
    _heading(out, anchors, level + 1, label("summary"))
    for paragraph in paragraphs(p.changes_digest or p.summary) or [f"*{label('no_summary')}*"]:
        out += [paragraph, ""]
    _heading(out, anchors, level + 1, label("status_history"))
    if picture is not None and p.picture_svg:
        path = picture(f"timeline-{p.slug}", p.picture_svg)
        out += [f"![{esc('Timeline: ' + p.title)}]({url(path)[1:-1]})", ""]
    # The Sources heading comes later; its anchor is known now, as headings are counted in order.
    sources_anchor = _peek(anchors, label("related") if p.related else "", label("sources"))
    for entry in p.timeline:
        cites = "".join(f"[\\[{n}\\]](#{sources_anchor})" for n in entry.citations)
        confidence = f" *({esc(entry.confidence_label)})*" if entry.confidence_label else ""
        out.append(
            f"- **{esc(entry.date)}** — {esc(entry.status)}.{confidence} {esc(entry.description)} {cites}".rstrip()
        )
        if entry.disagreement:
            out.append(f"  - *{label('where_sources_disagree')}:* {esc(entry.disagreement)}")
        if entry.quote:
            out += ["", f"  > “{esc(entry.quote)}” \\[{entry.quote_source}\\]"]
    if not p.timeline:
        out.append(f"*{label('no_events')}*")
    out.append("")
    if changes and p.figures:  # what a briefing of changes reports of figures
        _heading(out, anchors, level + 1, label("key_figures"))
        for f in p.figures:
            cite = f" \\[{f.citation}\\]" if f.citation else ""
            out.append(f"- {esc(f.label)}: **{esc(f.value)}** ({esc(f.date)}){cite}")
        out.append("")
    if picture is not None and p.figure_charts:
        _heading(out, anchors, level + 1, label("key_figures"))
        for n, (unit, svg) in enumerate(p.figure_charts, start=1):
            path = picture(f"figures-{p.slug}-{n}", svg)
            out += [f"![{esc(label('chart_title', unit=unit))}]({url(path)[1:-1]})", ""]
            out += [f"*{esc(label('chart_caption', unit=unit))}*", ""]
    if p.related:
        _heading(out, anchors, level + 1, label("related"))
        for r in p.related:
            note = f" — {esc(r.note)}" if r.note else ""
            out.append(f"- {esc(r.phrase)} **{esc(r.title)}**{note}")
        out.append("")
    if p.citations:
        _heading(out, anchors, level + 1, label("sources"))
        out += [f"{c.number}. {citation_markdown(c, language)}" for c in p.citations] + [""]
    if p.notes:
        _heading(out, anchors, level + 1, label("personal_notes"))
        out += [f"*{label('notes_aside')}*", ""]
        for note in p.notes:
            meta = (
                [label("updated", date=note.updated)]
                + ([label("pinned")] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            out += [f"*{esc(' · '.join(meta))}*", ""]
            if note.quote:
                out += [f"> {esc(note.quote)}", ""]
            out += [note_markdown(note.body).strip(), ""]
    return out


def _peek(anchors: Anchors, *between_and_then: str) -> str:
    """The anchor the last heading named will get, counting the ones before it, without taking it."""
    seen = dict(anchors.seen)
    found = ""
    for heading in between_and_then:
        if heading:
            found = anchors.heading(heading)
    anchors.seen = seen
    return found


def briefing_markdown(briefing: Briefing, picture: Picture | None = None) -> str:
    """The whole briefing; with `picture` the timelines are written beside it and shown."""
    lines: list[str] = []
    anchors = Anchors()
    language = getattr(briefing, "language", "en")
    if len(briefing.policies) == 1:
        lines += policy_markdown(
            briefing.policies[0], 1, anchors, picture, language, changes=briefing.is_changes
        )
    else:
        _heading(lines, anchors, 1, briefing.title)
        _heading(lines, anchors, 2, text(language, "contents"))
        # Contents links to the headings below: their anchors, counted as if written already.
        ahead = Anchors()
        ahead.seen = dict(anchors.seen)
        targets = []
        for p in briefing.policies:
            targets.append(ahead.heading(p.title))
            sections = [("summary", True), ("status_history", True)]
            sections += [
                ("key_figures", briefing.is_changes and bool(p.figures)),
                ("related", bool(p.related)),
            ]
            sections += [("sources", bool(p.citations)), ("personal_notes", bool(p.notes))]
            for key, present in sections:
                if present:
                    ahead.heading(section(language, key, briefing.is_changes))
        lines += [
            f"{n}. [{esc(p.title)}](#{target}) — {esc(p.status)}"
            for n, (p, target) in enumerate(zip(briefing.policies, targets, strict=True), start=1)
        ]
        lines.append("")
        if picture is not None and briefing.overview_svg:
            path = picture("timeline-overview", briefing.overview_svg)
            lines += [f"![Timeline of these policies]({url(path)[1:-1]})", ""]
        for policy in briefing.policies:
            lines += policy_markdown(policy, 2, anchors, picture, language, changes=briefing.is_changes)
    lines += ["---", "", f"*{esc(briefing.footer)}*", ""]
    return "\n".join(lines)
