"""Markdown to HTML for the user's notes: CommonMark, raw HTML off, unsafe links dropped."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http:", "https:", "mailto:")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table").enable("strikethrough")

    def validate_link(url: str) -> bool:
        lowered = url.strip().lower()
        if ":" not in lowered.split("/", 1)[0]:
            return not lowered.startswith("//")  # relative links are harmless text
        return lowered.startswith(SAFE_SCHEMES)

    parser.validateLink = validate_link  # type: ignore[method-assign]
    return parser


def render_markdown(text: str) -> str:
    """Safe HTML for a note: any HTML in the text is shown as text, never as markup."""
    return _parser().render(text)
