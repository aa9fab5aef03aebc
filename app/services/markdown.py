"""Markdown to HTML for the user's notes: CommonMark, raw HTML off, unsafe links dropped.

Images are never loaded: `![alt](https://…/p.gif)` becomes a link. A remote image in a note would
be fetched whenever the note is shown or its exported briefing opened — a tracking pixel telling a
third party when, and by whom, it was read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SAFE_SCHEMES = ("http:", "https:", "mailto:")
ISOLATES = "\u2068\u2069"  # FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE (app.domain.bidi)


def is_safe_link(url: str) -> bool:
    """A web or mail address, or a relative link; never "//host" (it takes the viewer's scheme)."""
    lowered = url.strip().lower()
    if ":" not in lowered.split("/", 1)[0]:
        return not lowered.startswith("//")  # relative links are harmless text
    return lowered.startswith(SAFE_SCHEMES)


def is_inert(text: str) -> bool:
    """True when `text`, read as CommonMark by any viewer, has no image, no raw HTML and no
    link other than a safe one (see is_safe_link), however its destinations are spelled."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    parser.validateLink = lambda _url: True  # type: ignore[method-assign,assignment]  # see every link a viewer would
    pending = list(parser.parse(text))
    while pending:
        token = pending.pop()
        pending.extend(token.children or [])
        if token.type in ("image", "html_inline", "html_block"):
            return False
        if token.type == "link_open" and not is_safe_link(str(token.attrGet("href") or "")):
            return False
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table").enable("strikethrough")

    parser.validateLink = is_safe_link  # type: ignore[method-assign]
    parser.add_render_rule("image", _image_as_link)
    parser.core.ruler.push("isolate_bidi", _isolate_inline_runs)
    return parser


def _isolate_inline_runs(state: Any) -> None:
    """Each paragraph, heading and table cell of a note between FSI and PDI (see app.domain.bidi)."""
    from markdown_it.token import Token

    from app.domain.bidi import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE

    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children.insert(0, Token("text", "", 0, content=FIRST_STRONG_ISOLATE))
            token.children.append(Token("text", "", 0, content=POP_DIRECTIONAL_ISOLATE))


def _image_as_link(renderer: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    from markdown_it.common.utils import escapeHtml

    token = tokens[index]
    source = str(token.attrGet("src") or "")
    alt = renderer.renderInlineAsText(token.children or [], options, env).strip()
    return f'<a href="{escapeHtml(source)}">{escapeHtml(alt or source)}</a>'


def render_markdown(text: str) -> str:
    """Safe HTML for a note: any HTML in the text is shown as text, never as markup."""
    html: str = _parser().render(text)
    return html


def plain_text(text: str) -> str:
    """A note's Markdown as the words a reader sees: no markup, one line per paragraph, heading or
    list item ("**Key finding** here" → "Key finding here"; a link keeps its words)."""
    lines: list[str] = []
    for token in _parser().parse(text):
        if token.type == "inline":
            words = "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in token.children or []
                if child.type in ("text", "code_inline", "softbreak", "hardbreak", "image")
            ).strip(ISOLATES)  # the renderer's own isolates (see _isolate_inline_runs), not the note's
            if words.strip():
                lines.append(" ".join(words.split()))
        elif token.type in ("code_block", "fence") and token.content.strip():
            lines.append(" ".join(token.content.split()))
    return "\n".join(lines)


def first_line(text: str) -> str:
    """The first line a reader sees of a note's Markdown, as plain text ("" for none)."""
    return next(iter(plain_text(text).splitlines()), "")


def one_line(text: str) -> str:
    """A note's words as read, on one line (for labels: the undo history, the status bar)."""
    return " ".join(plain_text(text).split())
