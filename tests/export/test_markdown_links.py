"""The Markdown export as a viewer reads it (markdown-it): links in notes kept, Contents and
citation numbers link to their headings, the timeline pictures written beside the file."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from tests.cli.helpers import cli


def _github_anchor(text: str) -> str:
    """GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def test_markdown_links_work(tmp_path: Path, workspace_path: Path) -> None:
    ws = str(workspace_path)
    note = cli(
        tmp_path,
        "add-note",
        "title-42",
        "--workspace",
        ws,
        stdin="See <https://www.cbp.gov/newsroom/stats> now.",
    )
    assert note.returncode == 0, note.stderr
    target = tmp_path / "brief.md"
    done = cli(
        tmp_path, "export", "--format", "md", "--policy", "title-42", "--policy", "daca",
        "--include-notes", "-o", str(target), "--workspace", ws,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    tokens = MarkdownIt("commonmark").parse(target.read_text(encoding="utf-8"))
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    links = [str(c.attrs["href"]) for c in children if c.type == "link_open"]
    assert "https://www.cbp.gov/newsroom/stats" in links  # the autolink, not "\<https…"

    anchors: list[str] = []
    seen: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if token.type == "heading_open":  # a repeated heading gets "-1", "-2"…
            base = _github_anchor(tokens[i + 1].content)
            anchors.append(f"{base}-{seen[base]}" if base in seen else base)
            seen[base] = seen.get(base, 0) + 1
    internal = [href[1:] for href in links if href.startswith("#")]
    assert "title-42-expulsions" in internal and "daca-deferred-action-for-childhood-arrivals" in internal
    assert "sources" in internal and "sources-1" in internal  # "[n]" → that policy's Sources
    assert set(internal) <= set(anchors), set(internal) - set(anchors)

    images = [str(c.attrs["src"]) for c in children if c.type == "image"]
    expected = ["timeline-overview.svg", "timeline-title-42.svg", "timeline-daca.svg"]
    assert images == [f"brief-files/{name}" for name in expected]
    for image in images:
        assert "<svg" in (tmp_path / image).read_text(encoding="utf-8")
