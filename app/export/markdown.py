"""The briefing as CommonMark. Every user string is escaped, so none of it becomes markup."""

from __future__ import annotations

import re

from app.export.briefing import Briefing, PolicySummary

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
_HOSTLESS_LINK = re.compile(r"\]\(\s*((?:<|&lt;)?//)")
_HOSTLESS_DEFINITION = re.compile(r"^( {0,3})\[([^\]\n]+)\]:(\s*<?//)", re.MULTILINE)


def note_markdown(body: str) -> str:
    """The person's own Markdown, kept, but with raw HTML, non-web links and images made inert.

    An image would be fetched by whatever shows the file (a tracking pixel), so `![alt](url)`
    becomes the link `[alt](url)`; a protocol-relative `//host` link is shown as text.
    """
    from app.services.markdown import is_inert

    body = body.replace("<", "&lt;").replace("![", "\\![")
    body = _UNSAFE_LINK.sub(lambda m: "]\\(" + m.group(1) + ":", body)
    body = _HOSTLESS_LINK.sub(lambda m: "]\\(" + m.group(1), body)
    body = _HOSTLESS_DEFINITION.sub(lambda m: f"{m.group(1)}\\[{m.group(2)}]:{m.group(3)}", body)
    if is_inert(body):
        return body
    # A destination spelled to slip past the rules above (entities, escapes): the note as text.
    return "\n\n".join(paragraphs(body))


def policy_markdown(p: PolicySummary, level: int) -> list[str]:
    h = "#" * level
    out = [f"{h} {esc(p.title)}", ""]
    if p.aliases:
        out += [f"*Also known as:* {esc('; '.join(p.aliases))}", ""]
    status = f"**{esc(p.status)}**" + (f" since {esc(p.since)}" if p.since else "")
    facts = [("Current status", status)]
    if p.last_verified:
        facts.append(("Last verified", esc(p.last_verified)))
    facts += [("Jurisdiction", esc(p.jurisdiction)), ("Kind", esc(p.kind))]
    if p.legal_basis:
        facts.append(("Legal basis", esc(p.legal_basis)))
    if p.agencies:
        facts.append(("Agencies", esc("; ".join(p.agencies))))
    out += [f"- {label}: {value}" for label, value in facts] + [""]
    out += [f"{h}# Summary", ""]
    for paragraph in paragraphs(p.summary) or ["*No summary.*"]:
        out += [paragraph, ""]
    out += [f"{h}# Status history", ""]
    for entry in p.timeline:
        cites = "".join(f"[{n}]" for n in entry.citations)  # never a link: user text has every [ escaped
        confidence = f" *({esc(entry.confidence_label)})*" if entry.confidence_label else ""
        out.append(
            f"- **{esc(entry.date)}** — {esc(entry.status)}.{confidence} {esc(entry.description)} {cites}".rstrip()
        )
        if entry.disagreement:
            out.append(f"  - *Where sources disagree:* {esc(entry.disagreement)}")
    if not p.timeline:
        out.append("*No status events.*")
    out.append("")
    if p.related:
        out += [f"{h}# Related policies", ""]
        out += [f"- {esc(r.phrase)} {esc(r.title)}" for r in p.related] + [""]
    if p.citations:
        out += [f"{h}# Sources", ""]
        for c in p.citations:
            parts = [esc(x) for x in (c.publisher, f"“{c.title}”", c.published) if x]
            out.append(f"{c.number}. {', '.join(parts)}." + (f" {url(c.url)}" if c.url else ""))
        out.append("")
    if p.notes:
        out += [f"{h}# Your notes (personal, not part of the record)", ""]
        for note in p.notes:
            meta = (
                [f"updated {note.updated}"]
                + (["pinned"] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            out += [f"*{esc(' · '.join(meta))}*", ""]
            if note.quote:
                out += [f"> {esc(note.quote)}", ""]
            out += [note_markdown(note.body).strip(), ""]
    return out


def briefing_markdown(briefing: Briefing) -> str:
    lines: list[str] = []
    if len(briefing.policies) == 1:
        lines += policy_markdown(briefing.policies[0], 1)
    else:
        lines += [f"# {esc(briefing.title)}", "", "## Contents", ""]
        lines += [f"{n}. {esc(p.title)} — {esc(p.status)}" for n, p in enumerate(briefing.policies, start=1)]
        lines.append("")
        for policy in briefing.policies:
            lines += policy_markdown(policy, 2)
    lines += ["---", "", f"*{esc(briefing.footer)}*", ""]
    return "\n".join(lines)
