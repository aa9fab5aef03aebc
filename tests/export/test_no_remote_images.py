"""A note's images are never fetched: no tracking pixel in an export or in the window.

As found: `add-note` with `![x](https://…/p.gif)`, then `export --format html --include-notes`
wrote a live <img>; the Markdown export kept `//host` links live.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from app.export.markdown import note_markdown
from app.services.markdown import is_inert, render_markdown
from tests.cli.helpers import cli

NOTE = (
    "Seen in ![the chart](https://tracker.example/p.gif) and ![][pixel].\n\n"
    "See [the host](//evil.example/x) and [this](<//evil.example/y>) and [fine](https://ok.example/).\n\n"
    "[pixel]: https://tracker.example/q.gif\n"
    "[hostless]: //evil.example/z\n"
)


def _commonmark_links(markdown: str) -> tuple[list[str], list[str]]:
    """(image sources, link targets) as any CommonMark viewer would read the file."""
    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda _url: True  # type: ignore[method-assign]
    images, links, pending = [], [], list(parser.parse(markdown))
    while pending:
        token = pending.pop()
        pending.extend(token.children or [])
        if token.type == "image":
            images.append(str(token.attrGet("src")))
        if token.type == "link_open":
            links.append(str(token.attrGet("href")))
    return images, links


def test_exports_of_a_note_with_a_remote_image_fetch_nothing(tmp_path: Path, workspace_path: Path) -> None:
    ws = str(workspace_path)
    added = cli(tmp_path, "add-note", "title-42", "--workspace", ws, stdin=NOTE)
    assert added.returncode == 0, added.stderr
    html_file, md_file = tmp_path / "b.html", tmp_path / "b.md"
    for fmt, target in (("html", html_file), ("md", md_file)):
        done = cli(
            tmp_path,
            "export",
            "--format",
            fmt,
            "--policy",
            "title-42",
            "--include-notes",
            "-o",
            str(target),
            "--workspace",
            ws,
        )
        assert done.returncode == 0, done.stderr

    html = html_file.read_text(encoding="utf-8")
    assert "tracker.example" in html  # the address is still there, to follow by choice
    assert not re.search(r"<img[^>]*tracker\.example", html)
    assert not re.search(r"""(src|href)=["']//""", html)
    assert '<a href="https://tracker.example/p.gif">the chart</a>' in html

    markdown = md_file.read_text(encoding="utf-8")
    images, links = _commonmark_links(markdown)
    assert images == ["b-files/timeline-title-42.svg"]  # only the export's own picture, beside it
    assert (tmp_path / images[0]).read_text(encoding="utf-8").startswith("<svg")
    assert not [link for link in links if link.startswith("//")]
    assert "https://ok.example/" in links and "https://tracker.example/p.gif" in links


def test_the_windows_rendering_of_a_note_loads_no_image() -> None:
    html = render_markdown(NOTE + "\n![local](/etc/picture.png)\n")
    assert "<img" not in html
    assert '<a href="https://tracker.example/q.gif">https://tracker.example/q.gif</a>' in html


def test_destinations_spelled_to_slip_past_the_rules_leave_the_note_as_text() -> None:
    for sneaky in (
        "[a](&#47;/evil.example/x)",
        "[a](\\//evil.example/x)",
        "[b][r]\n\n[r]: &#47;/evil.example",
    ):
        kept = note_markdown(sneaky)
        assert is_inert(kept), kept
        assert _commonmark_links(kept) == ([], [])
    assert note_markdown("plain *words* and [a link](https://ok.example/)") == (
        "plain *words* and [a link](https://ok.example/)"
    )
