"""A note's words as a reader sees them, for one-line labels (the undo history, the status bar)."""

from __future__ import annotations

import pytest

from app.services.markdown import one_line


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Key finding**: the court *stayed* it", "Key finding: the court stayed it"),
        ("- one\n- two", "one two"),
        ("# Heading\n\nA [link](https://example.org) and `code`", "Heading A link and code"),
        ("line one\nline two", "line one line two"),
        ("<b>not markup</b>", "<b>not markup</b>"),
        ("", ""),
    ],
)
def test_markdown_reads_as_plain_words(markdown: str, plain: str) -> None:
    assert one_line(markdown) == plain
